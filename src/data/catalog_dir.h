/* data/catalog_dir.h — catalogue directories, shared by every kind of entry (missiles, radars,
 * interceptors): list the YAML files, find one by stem or `name:` field, suggest close names, and
 * the common frame of every load function. Each kind is described once by a cat_kind (its word
 * for messages, its load function and its name accessor); the public find and list functions of
 * the kinds are then one call each. Internal to the io layer. */
#ifndef BMD_IO_CATALOG_DIR_H
#define BMD_IO_CATALOG_DIR_H

#include <stddef.h>

#include "bmd/error.h"
#include "bmd/missile.h"
#include "data/yaml_walk.h"

/* One kind of catalogue entry, as the directory functions need it. */
typedef struct cat_kind {
    const char *word;      /* "missile": "unknown missile 'x' in DIR" */
    const char *plural;    /* "missiles": "DIR holds 12 missiles; only 10 fit in the list" */
    const char *prefix;    /* "catalogue" or "radar": "PREFIX find: ...", "PREFIX directory" */
    const char *list_hint; /* where the names are listed, when none is close to an unknown one */
    size_t entry_size;     /* sizeof the entry type */
    int (*load)(const char *path, void *entry, bmd_error *err); /* the kind's public load */
    const char *(*name_of)(const void *entry);                   /* its `name:` field */
} cat_kind;

/* Find an entry of kind k by name (file stem, then `name:` field, case-insensitive) in dir, or
 * load name when it is a path. BMD_ENOTFOUND with the closest names suggested. */
int bmd_cat_find(const cat_kind *k, const char *dir, const char *name, void *entry, bmd_error *err);

/* The sorted file stems of dir into names[0..*n-1] (at most max); BMD_EINVAL when there are more
 * (the first max still written), BMD_EIO when dir cannot be read. */
int bmd_cat_list(const cat_kind *k, const char *dir, char (*names)[BMD_NAME_MAX], int max, int *n,
             bmd_error *err);

/* Reads a parsed document into an entry (the kind's walk of the file). */
typedef int (*cat_read_fn)(const yw_ctx *c, void *entry);

/* The frame of a load function: copy path into path_buf (path_size bytes; longer: BMD_EINVAL),
 * parse the YAML file and read it into entry. When read fails and clear_size > 0, the first
 * clear_size bytes of entry are zeroed, path_buf kept. */
int bmd_cat_parse_file(const char *path, char *path_buf, size_t path_size, cat_read_fn read,
                   void *entry, size_t clear_size, bmd_error *err);

/* Read every catalogue file stem of dir (files *.yaml, *.yml; hidden files skipped) into a
 * sorted, newly allocated array (*out, *count; the caller frees *out). BMD_EIO when dir cannot be
 * read. */
int bmd_cat_scan_dir(const char *dir, char (**out)[BMD_NAME_MAX], int *count, bmd_error *err);

/* Path (into buf) of file stem in dir with the first extension that exists; 0, or -1 if none. */
int bmd_cat_stem_path(const char *dir, const char *stem, char *buf, size_t n);

/* Append to msg the up to three names closest to name (within a few edits, or containing it),
 * nearest first ("; did you mean a, b?"), or a pointer to list_hint when none is close. */
void bmd_cat_suggest(const char *name, char (*names)[BMD_NAME_MAX], int count, const char *list_hint,
                 char *msg, size_t n);

/* Whether text names a file (has a '/' or a .yaml/.yml extension) rather than an entry. */
int bmd_cat_looks_like_path(const char *text);

#endif
