/* Catalogue directories (catalog_dir.h): list the *.yaml files, find an entry of any kind by file
 * stem or `name:` field (case-insensitive), and the common frame of the load functions. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "bmd/catalog.h"
#include "data/catalog_dir.h"

/* Whether name ends with ".yaml" or ".yml"; *stem_len gets the length before the extension. */
static int yaml_stem(const char *name, size_t *stem_len)
{
    size_t n = strlen(name);
    if (n > 5 && strcasecmp(name + n - 5, ".yaml") == 0) {
        *stem_len = n - 5;
        return 1;
    }
    if (n > 4 && strcasecmp(name + n - 4, ".yml") == 0) {
        *stem_len = n - 4;
        return 1;
    }
    return 0;
}

/* Sort helper for names. */
static int compare_names(const void *a, const void *b) { return strcmp(a, b); }

int bmd_cat_scan_dir(const char *dir, char (**out)[BMD_NAME_MAX], int *count, bmd_error *err)
{
    DIR *d = opendir(dir);
    if (!d)
        return bmd_error_set(err, BMD_EIO, "cannot open catalogue directory '%s': %s", dir,
                             strerror(errno));
    int cap = 16, n = 0;
    char (*names)[BMD_NAME_MAX] = malloc(sizeof *names * (size_t)cap);
    if (!names) {
        closedir(d);
        return bmd_error_set(err, BMD_ENOMEM, "out of memory listing '%s'", dir);
    }
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        size_t stem;
        if (de->d_name[0] == '.' || !yaml_stem(de->d_name, &stem) || stem >= BMD_NAME_MAX)
            continue;
        if (n == cap) {
            char (*bigger)[BMD_NAME_MAX] = realloc(names, sizeof *names * (size_t)cap * 2);
            if (!bigger) {
                free(names);
                closedir(d);
                return bmd_error_set(err, BMD_ENOMEM, "out of memory listing '%s'", dir);
            }
            names = bigger;
            cap *= 2;
        }
        memcpy(names[n], de->d_name, stem);
        names[n][stem] = '\0';
        n++;
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof *names, compare_names);
    *out = names;
    *count = n;
    return BMD_SUCCESS;
}

int bmd_cat_stem_path(const char *dir, const char *stem, char *buf, size_t n)
{
    static const char *const exts[] = {".yaml", ".yml"};
    struct stat sb;
    for (int i = 0; i < 2; i++) {
        int w = snprintf(buf, n, "%s/%s%s", dir, stem, exts[i]);
        if (w > 0 && (size_t)w < n && stat(buf, &sb) == 0)
            return 0;
    }
    return -1;
}

int bmd_cat_looks_like_path(const char *text)
{
    size_t stem;
    return strchr(text, '/') != NULL || yaml_stem(text, &stem);
}

int bmd_cat_list(const cat_kind *k, const char *dir, char (*names)[BMD_NAME_MAX], int max, int *n,
             bmd_error *err)
{
    bmd_error_clear(err);
    if (!dir || !names || !n || max < 0)
        return bmd_error_set(err, BMD_EINVAL, "%s list: dir, names and n must be given",
                             k->prefix);
    *n = 0;
    char (*all)[BMD_NAME_MAX];
    int count, st = bmd_cat_scan_dir(dir, &all, &count, err);
    if (st)
        return st;
    int kept = count < max ? count : max;
    memcpy(names, all, sizeof *all * (size_t)kept);
    *n = kept;
    free(all);
    if (count > max)
        return bmd_error_set(err, BMD_EINVAL, "%s directory '%s' holds %d %s; only %d fit in the "
                             "list", k->prefix, dir, count, k->plural, max);
    return BMD_SUCCESS;
}

int bmd_cat_find(const cat_kind *k, const char *dir, const char *name, void *entry, bmd_error *err)
{
    bmd_error_clear(err);
    if (!dir || !name || !entry || !*name)
        return bmd_error_set(err, BMD_EINVAL, "%s find: dir, name and entry must be given",
                             k->prefix);
    if (bmd_cat_looks_like_path(name))
        return k->load(name, entry, err);
    char (*names)[BMD_NAME_MAX];
    int count, st = bmd_cat_scan_dir(dir, &names, &count, err);
    if (st)
        return st;
    char path[BMD_PATH_MAX];
    for (int i = 0; i < count; i++)
        if (strcasecmp(names[i], name) == 0 &&
            bmd_cat_stem_path(dir, names[i], path, sizeof path) == 0) {
            free(names);
            return k->load(path, entry, err);
        }
    /* No file stem matches: look at the `name:` fields (files that do not load are skipped). */
    for (int i = 0; i < count; i++)
        if (bmd_cat_stem_path(dir, names[i], path, sizeof path) == 0 &&
            k->load(path, entry, NULL) == BMD_SUCCESS &&
            strcasecmp(k->name_of(entry), name) == 0) {
            free(names);
            bmd_error_clear(err);
            return BMD_SUCCESS;
        }
    memset(entry, 0, k->entry_size);
    char msg[BMD_ERROR_MESSAGE_SIZE];
    snprintf(msg, sizeof msg, "unknown %s '%s' in %s", k->word, name, dir);
    bmd_cat_suggest(name, names, count, k->list_hint, msg, sizeof msg);
    free(names);
    return bmd_error_set(err, BMD_ENOTFOUND, "%s", msg);
}

int bmd_cat_parse_file(const char *path, char *path_buf, size_t path_size, cat_read_fn read,
                   void *entry, size_t clear_size, bmd_error *err)
{
    size_t len = strlen(path);
    if (len >= path_size)
        return bmd_error_set(err, BMD_EINVAL, "catalogue path is %zu characters; at most %zu",
                             len, path_size - 1);
    memcpy(path_buf, path, len + 1);
    yaml_document_t doc;
    int st = bmd_yw_load_file(path, &doc, err);
    if (st)
        return st;
    yw_ctx c = {.path = path, .doc = &doc, .err = err};
    st = read(&c, entry);
    yaml_document_delete(&doc);
    if (st && clear_size > 0) {
        char keep[BMD_PATH_MAX];
        size_t kn = path_size < sizeof keep ? path_size : sizeof keep;
        memcpy(keep, path_buf, kn);
        memset(entry, 0, clear_size);
        memcpy(path_buf, keep, kn);
    }
    return st;
}
