/* The values a sweep injects into the catalogue entries and scenarios the command line loads
 * (sweep_inject.h). Process state of the command line (not of the library): one sweep point at a
 * time. */
#include "sweep_inject.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bmd/version.h"
#include "cli.h"
#if defined(__has_include)
#if __has_include("bmd/param.h")
#include "bmd/param.h"
#define HAVE_PARAM_H 1
#endif
#endif

static const char *const *active_paths;
static const double *active_values;
static int active_n;

void cli_inject_set(const char *const *paths, const double *values, int n)
{
    active_paths = n > 0 ? paths : NULL;
    active_values = n > 0 ? values : NULL;
    active_n = n > 0 ? (n < CLI_INJECT_MAX ? n : CLI_INJECT_MAX) : 0;
}

int cli_inject_split(const char *path, char *kind, size_t kind_n, char *name, size_t name_n,
                     const char **field)
{
    static const char *const kinds[] = {"missile", "interceptor", "radar"};
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++) {
        size_t len = strlen(kinds[k]);
        if (strncmp(path, kinds[k], len) != 0)
            continue;
        const char *p = path + len;
        name[0] = '\0';
        if (*p == '[') {
            const char *close = strchr(p, ']');
            if (!close || close == p + 1 || (size_t)(close - p - 1) >= name_n)
                return 0;
            snprintf(name, name_n, "%.*s", (int)(close - p - 1), p + 1);
            p = close + 1;
        }
        if (*p != '.' || !p[1])
            return 0;
        snprintf(kind, kind_n, "%s", kinds[k]);
        *field = p + 1;
        return 1;
    }
    return 0;
}

/* Apply the active assignments of kind to an entry named name with set(entry, "FIELD=VALUE"). */
static int inject(const char *command, const char *want_kind, const char *entry_name,
                  int (*set)(void *entry, const char *assignment, bmd_error *err), void *entry)
{
    for (int i = 0; i < active_n; i++) {
        char kind[16], name[128], text[256];
        const char *field;
        if (!cli_inject_split(active_paths[i], kind, sizeof kind, name, sizeof name, &field) ||
            strcmp(kind, want_kind) != 0)
            continue;
        if (name[0] && strcasecmp(name, entry_name) != 0)
            continue;
        snprintf(text, sizeof text, "%s=%.17g", field, active_values[i]);
        bmd_error err = {0};
        if (set(entry, text, &err)) {
            cli_complain(command, "%s = %g: %s", active_paths[i], active_values[i], err.message);
            return CLI_USAGE;
        }
    }
    return CLI_OK;
}

static int set_missile(void *e, const char *a, bmd_error *err)
{
    return bmd_catalog_override(e, a, err);
}
static int set_interceptor(void *e, const char *a, bmd_error *err)
{
    return bmd_catalog_interceptor_override(e, a, err);
}
static int set_radar(void *e, const char *a, bmd_error *err)
{
    return bmd_catalog_radar_override(e, a, err);
}

int cli_inject_missile(const char *command, bmd_catalog_missile *entry)
{
    return inject(command, "missile", entry->missile.name, set_missile, entry);
}

int cli_inject_interceptor(const char *command, bmd_catalog_interceptor *entry)
{
    return inject(command, "interceptor", entry->interceptor.name, set_interceptor, entry);
}

int cli_inject_radar(const char *command, bmd_catalog_radar *entry)
{
    return inject(command, "radar", entry->name, set_radar, entry);
}

int cli_inject_scenario(const char *command, bmd_scenario *scn)
{
    (void)scn;
    for (int i = 0; i < active_n; i++) {
#ifdef HAVE_PARAM_H
        bmd_error err = {0};
        if (bmd_param_apply(scn, active_paths[i], active_values[i], &err)) {
            cli_complain(command, "%s = %g: %s", active_paths[i], active_values[i],
                         err.message);
            return CLI_USAGE;
        }
#else
        cli_complain(command, "%s: parameters of a scenario need bmd/param.h (issue 12), not in "
                     "this build", active_paths[i]);
        return CLI_USAGE;
#endif
    }
    return CLI_OK;
}

int cli_inject_scenario_nominal(const char *yaml, const char *catalog, const char *path,
                                double *value, double *lo, double *hi, char *msg, size_t n)
{
    *value = *lo = *hi = NAN;
#ifdef HAVE_PARAM_H
    bmd_scenario *scn = calloc(1, sizeof *scn);
    if (!scn) {
        snprintf(msg, n, "out of memory");
        return BMD_ENOMEM;
    }
    char root[BMD_CATALOG_TEXT_MAX];
    if (catalog)
        snprintf(root, sizeof root, "%s", catalog);
    else
        snprintf(root, sizeof root, "%s/catalog", bmd_data_dir());
    bmd_error err = {0};
    bmd_scenario_init(scn);
    int st = bmd_scenario_open(yaml, root, scn, &err);
    if (!st)
        st = bmd_param_get(scn, path, value, &err);
    if (!st) { /* the scenario's or catalogue's low:high for this path, when it gives one */
        bmd_param_set set = {0};
        bmd_error ignored;
        if (!bmd_param_set_from_scenario(scn, &set, &ignored)) {
            int i = bmd_param_set_find(&set, path);
            if (i >= 0 && set.items[i].dist.kind != BMD_DIST_FIXED)
                *lo = set.items[i].dist.low, *hi = set.items[i].dist.high;
        }
        bmd_param_set_free(&set);
    }
    if (st)
        snprintf(msg, n, "%s", err.message[0] ? err.message : bmd_status_name(st));
    bmd_scenario_free(scn);
    free(scn);
    return st;
#else
    (void)yaml, (void)catalog, (void)path;
    snprintf(msg, n, "parameters of a scenario need bmd/param.h (issue 12)");
    return BMD_EINVAL;
#endif
}
