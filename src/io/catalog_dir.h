/* io/catalog_dir.h — catalogue directories: list the entries (file stems), find an entry's file,
 * suggest close names for an unknown one. Shared by the missile and interceptor catalogues
 * (implemented in catalog_find.c). Internal to the io layer. */
#ifndef BMD_IO_CATALOG_DIR_H
#define BMD_IO_CATALOG_DIR_H

#include <stddef.h>

#include "bmd/error.h"
#include "bmd/missile.h"

/* Read every catalogue file stem of dir (files *.yaml, *.yml; hidden files skipped) into a
 * sorted, newly allocated array (*out, *count; the caller frees *out). */
int cat_scan_dir(const char *dir, char (**out)[BMD_NAME_MAX], int *count, bmd_error *err);

/* Path of file stem in dir with the first extension that exists; 0 if found, -1 otherwise. */
int cat_stem_path(const char *dir, const char *stem, char *buf, size_t n);

/* Append to msg the up to three names closest to name: within a few edits (about a third of its
 * length), or containing it, nearest first ("; did you mean a, b?"). */
void cat_suggest(const char *name, char (*names)[BMD_NAME_MAX], int count, char *msg, size_t n);

/* Whether text names a file rather than a catalogue entry (has a '/' or a YAML extension). */
int cat_looks_like_path(const char *text);

#endif
