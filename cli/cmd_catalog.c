/* bmdsim catalog — the vehicle catalogue: list the missiles, or show one with every parameter, its
 * value, unit, source citation and notional flag. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/catalog.h"
#include "cli.h"
#include "common.h"

static const cli_option options[] = {
    {"json", NULL, "print one JSON object instead of a table", 0},
    {"dir", "DIR", "catalogue directory (default $BMD_DATA_DIR/catalog/missiles)", 0},
    {"set", "FIELD=VALUE[,...]", "override parameters, SI units, e.g. stages[0].burn_time_s=60", 0},
};

static const char usage[] = "[NAME | FILE.yaml] [--json] [--dir DIR] [--set FIELD=VALUE[,...]]";

#define MAX_LISTED 256

/* Launch mass: stages, RV, bus and shroud. */
static double launch_mass_kg(const bmd_missile *m)
{
    double sum = m->payload.rv_mass_kg + m->payload.bus_mass_kg + m->payload.shroud_mass_kg;
    for (int i = 0; i < m->n_stages; i++)
        sum += m->stages[i].propellant_mass_kg + m->stages[i].dry_mass_kg;
    return sum;
}

/* The unit of a field from the suffix of its name. */
static const char *unit_of(const char *field)
{
    static const struct { const char *suffix, *unit; } units[] = {
        {"_kg_m2", "kg/m^2"}, {"_m2", "m^2"}, {"_kg", "kg"}, {"_s", "s"}, {"_m", "m"},
        {"cd_mach", "Cd(Mach)"}, {"thrust_vacuum_n", "N(t)"}};
    size_t n = strlen(field);
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        size_t k = strlen(units[i].suffix);
        if (n >= k && strcmp(field + n - k, units[i].suffix) == 0)
            return units[i].unit;
    }
    return "";
}

/* The table a table field names (NULL for a scalar), with its column names. */
static const bmd_table *table_of(const bmd_catalog_missile *e, const char *field, const char **x,
                                 const char **y)
{
    int k;
    char name[64];
    if (sscanf(field, "stages[%d].%63s", &k, name) != 2 || k < 0 || k >= e->missile.n_stages)
        return NULL;
    if (strcmp(name, "cd_mach") == 0) {
        *x = "mach";
        *y = "cd";
        return &e->missile.stages[k].cd_mach;
    }
    if (strcmp(name, "thrust_vacuum_n") == 0) {
        *x = "time_s";
        *y = "thrust_n";
        return &e->missile.stages[k].thrust_vacuum_n;
    }
    return NULL;
}

static const char *citation_of(const bmd_catalog_missile *e, const char *key)
{
    for (int i = 0; i < e->n_sources; i++)
        if (strcmp(e->sources[i].key, key) == 0)
            return e->sources[i].citation;
    return NULL;
}

/* JSON: the whole entry, parameters with their provenance. */
static cJSON *entry_json(const bmd_catalog_missile *e)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", e->missile.name);
    cJSON_AddStringToObject(o, "full_name", e->full_name);
    cJSON_AddStringToObject(o, "class", e->class_name);
    cJSON_AddStringToObject(o, "description", e->description);
    cJSON_AddStringToObject(o, "path", e->path);
    cJSON_AddNumberToObject(o, "stages", e->missile.n_stages);
    cJSON_AddNumberToObject(o, "launch_mass_kg", launch_mass_kg(&e->missile));
    cJSON *src = cJSON_AddObjectToObject(o, "sources");
    for (int i = 0; i < e->n_sources; i++)
        cJSON_AddStringToObject(src, e->sources[i].key, e->sources[i].citation);
    cJSON *params = cJSON_AddArrayToObject(o, "parameters");
    for (int i = 0; i < e->n_params; i++) {
        const bmd_param_provenance *p = &e->params[i];
        cJSON *q = cJSON_CreateObject();
        cJSON_AddStringToObject(q, "field", p->field);
        const char *xn, *yn;
        const bmd_table *t = table_of(e, p->field, &xn, &yn);
        if (t) {
            cJSON *v = cJSON_AddObjectToObject(q, "value");
            cJSON_AddItemToObject(v, xn, cJSON_CreateDoubleArray(t->x, t->n));
            cJSON_AddItemToObject(v, yn, cJSON_CreateDoubleArray(t->y, t->n));
        } else {
            cJSON_AddNumberToObject(q, "value", p->value);
        }
        cJSON_AddStringToObject(q, "unit", unit_of(p->field));
        const char *cit = p->source[0] ? citation_of(e, p->source) : NULL;
        if (p->source[0])
            cJSON_AddStringToObject(q, "source", p->source);
        else
            cJSON_AddNullToObject(q, "source");
        if (cit)
            cJSON_AddStringToObject(q, "citation", cit);
        else
            cJSON_AddNullToObject(q, "citation");
        cJSON_AddBoolToObject(q, "notional", p->notional);
        cJSON_AddStringToObject(q, "note", p->note);
        cJSON_AddNumberToObject(q, "line", p->line);
        cJSON_AddItemToArray(params, q);
    }
    return o;
}

static int print_json(cJSON *o)
{
    char *text = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    if (!text)
        return CLI_FAILED;
    int ok = printf("%s\n", text) > 0;
    cJSON_free(text);
    return ok ? CLI_OK : CLI_FAILED;
}

/* Table: one vehicle, every parameter and its provenance, then the citations. */
static int print_entry(const bmd_catalog_missile *e)
{
    printf("%s  [%s, %s, %d stage%s, launch mass %.0f kg]\n", e->full_name, e->missile.name,
           e->class_name, e->missile.n_stages, e->missile.n_stages == 1 ? "" : "s",
           launch_mass_kg(&e->missile));
    printf("  file: %s\n", e->path);
    if (e->description[0])
        printf("  %s\n", e->description);
    printf("\n  %-30s %12s %-8s %s\n", "parameter", "value", "unit", "provenance");
    for (int i = 0; i < e->n_params; i++) {
        const bmd_param_provenance *p = &e->params[i];
        char value[64];
        const char *xn, *yn;
        const bmd_table *t = table_of(e, p->field, &xn, &yn);
        if (t)
            snprintf(value, sizeof value, "%d points", t->n);
        else
            snprintf(value, sizeof value, "%.10g", p->value);
        char prov[96];
        if (p->notional)
            snprintf(prov, sizeof prov, "NOTIONAL%s%s%s", p->source[0] ? " (from " : "", p->source,
                     p->source[0] ? ")" : "");
        else
            snprintf(prov, sizeof prov, "%s", p->source);
        printf("  %-30s %12s %-8s %s%s%s\n", p->field, value, unit_of(p->field), prov,
               p->note[0] ? " - " : "", p->note);
        if (t) {
            printf("  %-30s %12s", "", xn);
            for (int k = 0; k < t->n; k++)
                printf(" %g", t->x[k]);
            printf("\n  %-30s %12s", "", yn);
            for (int k = 0; k < t->n; k++)
                printf(" %g", t->y[k]);
            printf("\n");
        }
    }
    printf("\n  sources:\n");
    for (int i = 0; i < e->n_sources; i++)
        printf("  [%s] %s\n", e->sources[i].key, e->sources[i].citation);
    return ferror(stdout) ? CLI_FAILED : CLI_OK;
}

/* List every vehicle of dir: name, class, stages, launch mass, full name. */
static int list_all(const char *command, const char *dir, int json)
{
    static char names[MAX_LISTED][BMD_NAME_MAX];
    int n = 0, status = CLI_OK;
    bmd_error err;
    int st = bmd_catalog_list_missiles(dir, names, MAX_LISTED, &n, &err);
    if (st && st != BMD_EINVAL)
        return cli_catalog_failure(command, st, &err);
    if (st)
        cli_complain(command, "%s", err.message);
    bmd_catalog_missile *e = malloc(sizeof *e);
    if (!e)
        return CLI_FAILED;
    cJSON *root = json ? cJSON_CreateObject() : NULL;
    cJSON *arr = root ? cJSON_AddArrayToObject(root, "missiles") : NULL;
    if (root)
        cJSON_AddStringToObject(root, "catalog_dir", dir);
    else
        printf("Vehicle catalogue %s: %d missiles\n  %-20s %-8s %6s %15s  %s\n", dir, n, "name",
               "class", "stages", "launch mass kg", "full name");
    for (int i = 0; i < n; i++) {
        if ((st = bmd_catalog_find_missile(dir, names[i], e, &err))) {
            cli_complain(command, "%s", err.message);
            status = CLI_FAILED;
            continue;
        }
        if (arr) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddStringToObject(o, "name", e->missile.name);
            cJSON_AddStringToObject(o, "class", e->class_name);
            cJSON_AddNumberToObject(o, "stages", e->missile.n_stages);
            cJSON_AddNumberToObject(o, "launch_mass_kg", launch_mass_kg(&e->missile));
            cJSON_AddStringToObject(o, "full_name", e->full_name);
            cJSON_AddItemToArray(arr, o);
        } else {
            printf("  %-20s %-8s %6d %15.0f  %s\n", e->missile.name, e->class_name,
                   e->missile.n_stages, launch_mass_kg(&e->missile), e->full_name);
        }
    }
    free(e);
    if (root) {
        int pst = print_json(root);
        return status ? status : pst;
    }
    return status;
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
    char dir[BMD_CATALOG_TEXT_MAX];
    cli_catalogue_dir(&a, dir, sizeof dir);
    int json = cli_has(&a, "json");
    if (n_pos == 0) {
        if (cli_has(&a, "set")) {
            cli_complain(a.command, "--set needs a vehicle NAME (bmdsim catalog NAME --set ...)");
            return CLI_USAGE;
        }
        return list_all(a.command, dir, json);
    }
    bmd_catalog_missile *e = malloc(sizeof *e);
    if (!e)
        return CLI_FAILED;
    bmd_error err;
    st = bmd_catalog_find_missile(dir, pos[0], e, &err);
    if (st) {
        free(e);
        return cli_catalog_failure(a.command, st, &err);
    }
    const char *set = cli_text(&a, "set");
    if (set && (st = cli_apply_overrides(a.command, set, e))) {
        free(e);
        return st;
    }
    st = json ? print_json(entry_json(e)) : print_entry(e);
    free(e);
    return st;
}
