/* io/catalog_dir.h — catalogue directories, shared by every kind of entry (missiles, radars, ...):
 * list the YAML files, find one by stem, suggest close names. Internal to the io layer. */
#ifndef BMD_IO_CATALOG_DIR_H
#define BMD_IO_CATALOG_DIR_H

#include <stddef.h>

#include "bmd/error.h"
#include "bmd/missile.h"

/* Read every catalogue file stem of dir (files *.yaml, *.yml; hidden files skipped) into a
 * sorted, newly allocated array (*out, *count; the caller frees *out). BMD_EIO when dir cannot be
 * read. */
int cat_scan_dir(const char *dir, char (**out)[BMD_NAME_MAX], int *count, bmd_error *err);

/* Path (into buf) of file stem in dir with the first extension that exists; 0, or -1 if none. */
int cat_stem_path(const char *dir, const char *stem, char *buf, size_t n);

/* Append to msg the up to three names closest to name (within a few edits, or containing it),
 * nearest first ("; did you mean a, b?"), or a pointer to list_hint when none is close. */
void cat_suggest(const char *name, char (*names)[BMD_NAME_MAX], int count, const char *list_hint,
                 char *msg, size_t n);

/* Whether text names a file (has a '/' or a .yaml/.yml extension) rather than an entry. */
int cat_looks_like_path(const char *text);

#endif
