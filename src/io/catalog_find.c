/* Finding missiles in a catalogue directory: list the *.yaml files, match a name by file stem or
 * `name:` field (case-insensitive), and suggest close names when nothing matches. */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "bmd/catalog.h"
#include "io/catalog_dir.h"
#include "io/yaml_walk.h"

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

int cat_scan_dir(const char *dir, char (**out)[BMD_NAME_MAX], int *count, bmd_error *err)
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

int bmd_catalog_list_missiles(const char *dir, char (*names)[BMD_NAME_MAX], int max, int *n,
                              bmd_error *err)
{
    bmd_error_clear(err);
    if (!dir || !names || !n || max < 0)
        return bmd_error_set(err, BMD_EINVAL, "catalogue list: dir, names and n must be given");
    *n = 0;
    char (*all)[BMD_NAME_MAX];
    int count, st = cat_scan_dir(dir, &all, &count, err);
    if (st)
        return st;
    int k = count < max ? count : max;
    memcpy(names, all, sizeof *all * (size_t)k);
    *n = k;
    free(all);
    if (count > max)
        return bmd_error_set(err, BMD_EINVAL, "catalogue directory '%s' holds %d missiles; only "
                             "%d fit in the list", dir, count, max);
    return BMD_SUCCESS;
}

int cat_stem_path(const char *dir, const char *stem, char *buf, size_t n)
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

/* Whether hay contains needle, ignoring case. */
static int contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return 1;
    return 0;
}

void cat_suggest(const char *name, char (*names)[BMD_NAME_MAX], int count, char *msg, size_t n)
{
    int limit = (int)strlen(name) / 3 + 1;
    if (limit < 2)
        limit = 2;
    int pick[3], dist[3], shown = 0;
    for (int i = 0; i < count; i++) {
        int d = yw_edit_distance(name, names[i]);
        if (d > limit && !(strlen(name) >= 3 && contains_nocase(names[i], name)))
            continue;
        int at = shown < 3 ? shown : 3;
        while (at > 0 && dist[at - 1] > d)
            at--;
        if (at >= 3)
            continue;
        for (int k = (shown < 3 ? shown : 2); k > at; k--) {
            pick[k] = pick[k - 1];
            dist[k] = dist[k - 1];
        }
        pick[at] = i;
        dist[at] = d;
        if (shown < 3)
            shown++;
    }
    size_t used = strlen(msg);
    if (!shown) {
        snprintf(msg + used, n - used, " (see 'bmdsim catalog' for the list)");
        return;
    }
    for (int k = 0; k < shown; k++) {
        used = strlen(msg);
        snprintf(msg + used, n - used, "%s%s", k ? ", " : "; did you mean ", names[pick[k]]);
    }
    used = strlen(msg);
    snprintf(msg + used, n - used, "?");
}

int cat_looks_like_path(const char *text)
{
    size_t stem;
    return strchr(text, '/') != NULL || yaml_stem(text, &stem);
}

int bmd_catalog_find_missile(const char *dir, const char *name, bmd_catalog_missile *entry,
                             bmd_error *err)
{
    bmd_error_clear(err);
    if (!dir || !name || !entry || !*name)
        return bmd_error_set(err, BMD_EINVAL, "catalogue find: dir, name and entry must be given");
    if (cat_looks_like_path(name))
        return bmd_catalog_load_missile(name, entry, err);
    char (*names)[BMD_NAME_MAX];
    int count, st = cat_scan_dir(dir, &names, &count, err);
    if (st)
        return st;
    char path[BMD_CATALOG_TEXT_MAX];
    for (int i = 0; i < count; i++)
        if (strcasecmp(names[i], name) == 0 &&
            cat_stem_path(dir, names[i], path, sizeof path) == 0) {
            free(names);
            return bmd_catalog_load_missile(path, entry, err);
        }
    /* No file stem matches: look at the `name:` fields (files that do not load are skipped). */
    for (int i = 0; i < count; i++) {
        if (cat_stem_path(dir, names[i], path, sizeof path) != 0)
            continue;
        if (bmd_catalog_load_missile(path, entry, NULL) == BMD_SUCCESS &&
            strcasecmp(entry->missile.name, name) == 0) {
            free(names);
            bmd_error_clear(err);
            return BMD_SUCCESS;
        }
    }
    memset(entry, 0, sizeof *entry);
    char msg[BMD_ERROR_MESSAGE_SIZE];
    snprintf(msg, sizeof msg, "unknown missile '%s' in %s", name, dir);
    cat_suggest(name, names, count, msg, sizeof msg);
    free(names);
    return bmd_error_set(err, BMD_ENOTFOUND, "%s", msg);
}
