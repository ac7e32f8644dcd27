/* bmdsim catalog — the catalogues of missiles, radars and interceptors (--kind): list one, or
 * show one entry with every parameter, its value, unit, source citation and notional flag. Each
 * kind is a cli_catalog_view (catalog_view.h); this file drives them all the same way. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog_view.h"
#include "cli.h"
#include "common.h"
#include "threat.h"

static const cli_option options[] = {
    {"kind", "KIND", "missile, radar or interceptor (default: missile for lists; for a NAME, the "
                     "first kind that has it)", 0},
    {"json", NULL, "print one JSON object instead of a table", 0},
    {"dir", "DIR", "catalogue directory (default $BMD_DATA_DIR/catalog/missiles, /radars or "
                   "/interceptors by --kind)", 0},
    {"set", "FIELD=VALUE[,...]", "override parameters, e.g. stages[0].burn_time_s=60 (SI; radar "
                                 "angles in degrees as in the file)", 0},
};

static const char usage[] = "[NAME | FILE.yaml] [--kind missile|radar|interceptor] [--json] "
                            "[--dir DIR] [--set FIELD=VALUE[,...]]";

static const cli_catalog_view *const views[] = {&cli_missile_view, &cli_radar_view,
                                                &cli_interceptor_view};
#define N_VIEWS ((int)(sizeof views / sizeof *views))

#define MAX_LISTED 256

/* The view named by --kind (default missile); NULL, having complained, for an unknown kind. */
static const cli_catalog_view *view_of(const cli_args *a)
{
    const char *kind = cli_text(a, "kind");
    if (!kind)
        return views[0];
    for (int i = 0; i < N_VIEWS; i++)
        if (strcmp(kind, views[i]->kind) == 0)
            return views[i];
    cli_complain(a->command, "--kind: '%s' is not a catalogue kind (missile, radar or "
                 "interceptor)", kind);
    return NULL;
}

/* List every entry of dir: the view's heading and one row per entry, or a JSON object. */
static int list_all(const char *command, const cli_catalog_view *v, const char *dir, int json)
{
    static char names[MAX_LISTED][BMD_NAME_MAX];
    int n = 0, status = CLI_OK;
    bmd_error err;
    int st = v->list(dir, names, MAX_LISTED, &n, &err);
    if (st && st != BMD_EINVAL)
        return cli_library_failure(command, st, &err);
    if (st)
        cli_complain(command, "%s", err.message);
    void *e = malloc(v->entry_size);
    if (!e)
        return CLI_FAILED;
    cJSON *root = json ? cJSON_CreateObject() : NULL;
    cJSON *arr = root ? cJSON_AddArrayToObject(root, v->plural) : NULL;
    if (root)
        cJSON_AddStringToObject(root, "catalog_dir", dir);
    else
        v->heading(dir, n);
    for (int i = 0; i < n; i++) {
        if ((st = v->find(dir, names[i], e, &err))) {
            cli_complain(command, "%s", err.message);
            status = CLI_FAILED;
            continue;
        }
        if (arr)
            cJSON_AddItemToArray(arr, v->summary(e));
        else
            v->row(e);
    }
    free(e);
    if (root) {
        int pst = cli_print_json(root);
        return status ? status : pst;
    }
    return status;
}

/* Show one entry (name or file), with --set applied. */
static int show_one(const cli_args *a, const cli_catalog_view *v, const char *dir,
                    const char *name, int json)
{
    void *e = malloc(v->entry_size);
    if (!e)
        return CLI_FAILED;
    bmd_error err;
    int st = v->find(dir, name, e, &err);
    if (st) {
        free(e);
        return cli_library_failure(a->command, st, &err);
    }
    const char *set = cli_text(a, "set");
    if (set && (st = cli_apply_set(a->command, set, v->set, e))) {
        free(e);
        return st;
    }
    st = json ? cli_print_json(v->json(e)) : v->print(e);
    free(e);
    return st;
}

int cli_cmd_catalog(int argc, char **argv)
{
    cli_args a;
    const char *pos[1];
    int n_pos = 0;
    int st = cli_parse_positional(&a, "catalog", usage, options,
                                  (int)(sizeof options / sizeof *options), argc, argv, 2, pos, 1,
                                  &n_pos);
    if (st)
        return st < 0 ? CLI_OK : st;
    const cli_catalog_view *v = view_of(&a);
    if (!v)
        return CLI_USAGE;
    char dir[BMD_PATH_MAX];
    const char *given = cli_text(&a, "dir");
    if (given)
        snprintf(dir, sizeof dir, "%s", given);
    else
        cli_catalog_dir(v->subdir, dir, sizeof dir);
    int json = cli_has(&a, "json");
    if (n_pos == 0) {
        if (cli_has(&a, "set")) {
            cli_complain(a.command, "--set needs a vehicle NAME (bmdsim catalog NAME --set ...)");
            return CLI_USAGE;
        }
        return list_all(a.command, v, dir, json);
    }
    if (!cli_text(&a, "kind") && !given) {
        /* NAME without --kind: the first kind that has it (missiles first) */
        size_t size = 0;
        for (int i = 0; i < N_VIEWS; i++)
            size = views[i]->entry_size > size ? views[i]->entry_size : size;
        void *e = malloc(size);
        for (int i = 0; e && i < N_VIEWS; i++) {
            char d[BMD_PATH_MAX];
            bmd_error err;
            cli_catalog_dir(views[i]->subdir, d, sizeof d);
            if (views[i]->find(d, pos[0], e, &err) == BMD_SUCCESS) {
                free(e);
                return show_one(&a, views[i], d, pos[0], json);
            }
        }
        free(e);
    }
    return show_one(&a, v, dir, pos[0], json);
}
