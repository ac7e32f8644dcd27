/* The missile view of `bmdsim catalog` (catalog_view.h): every parameter with its value, unit,
 * source citation and notional flag, and the published range class. */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <string.h>

#include "catalog_view.h"
#include "cli.h"

/* Launch mass: stages, RV, bus and shroud. */
static double launch_mass_kg(const bmd_missile *m)
{
    double sum = m->payload.rv_mass_kg + m->payload.bus_mass_kg + m->payload.shroud_mass_kg;
    for (int i = 0; i < m->n_stages; i++)
        sum += m->stages[i].propellant_mass_kg + m->stages[i].dry_mass_kg;
    return sum;
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

/* JSON of the published range class (km), or null when the file gives none. */
static void published_range_json(cJSON *o, const bmd_catalog_missile *e)
{
    const bmd_param_provenance *p = &e->published_range;
    if (!p->has_range) {
        cJSON_AddNullToObject(o, "published_range_km");
        return;
    }
    cJSON *q = cJSON_AddObjectToObject(o, "published_range_km");
    cJSON_AddNumberToObject(q, "low", p->low / 1e3);
    cJSON_AddNumberToObject(q, "high", p->high / 1e3);
    cli_param_json_tail(q, "km", p, e->sources, e->n_sources);
}

/* JSON: the whole entry, parameters with their provenance. */
static cJSON *entry_json(const void *entry)
{
    const bmd_catalog_missile *e = entry;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", e->missile.name);
    cJSON_AddStringToObject(o, "full_name", e->full_name);
    cJSON_AddStringToObject(o, "class", e->class_name);
    cJSON_AddStringToObject(o, "description", e->description);
    cJSON_AddStringToObject(o, "path", e->path);
    cJSON_AddNumberToObject(o, "stages", e->missile.n_stages);
    cJSON_AddNumberToObject(o, "launch_mass_kg", launch_mass_kg(&e->missile));
    published_range_json(o, e);
    cli_sources_json(o, e->sources, e->n_sources);
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
        cli_param_json_tail(q, cli_unit_of(p->field), p, e->sources, e->n_sources);
        cJSON_AddItemToArray(params, q);
    }
    return o;
}

/* The published range class line of the table (nothing when the file gives none). */
static void print_published_range(const bmd_catalog_missile *e)
{
    const bmd_param_provenance *p = &e->published_range;
    if (!p->has_range)
        return;
    char prov[96];
    cli_provenance_text(p, prov, sizeof prov);
    printf("  published range: %.0f to %.0f km  %s%s%s\n", p->low / 1e3, p->high / 1e3, prov,
           p->note[0] ? " - " : "", p->note);
}

/* Table: one vehicle, every parameter and its provenance, then the citations. */
static int print_entry(const void *entry)
{
    const bmd_catalog_missile *e = entry;
    printf("%s  [%s, %s, %d stage%s, launch mass %.0f kg]\n", e->full_name, e->missile.name,
           e->class_name, e->missile.n_stages, e->missile.n_stages == 1 ? "" : "s",
           launch_mass_kg(&e->missile));
    printf("  file: %s\n", e->path);
    if (e->description[0])
        printf("  %s\n", e->description);
    print_published_range(e);
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
        cli_print_param_row(p->field, value, p);
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
    cli_print_sources(e->sources, e->n_sources);
    return ferror(stdout) ? CLI_FAILED : CLI_OK;
}

/* The list: heading, then one line per vehicle (name, class, stages, launch mass, full name). */
static void heading(const char *dir, int n)
{
    printf("Vehicle catalogue %s: %d missiles\n  %-20s %-8s %6s %15s  %s\n", dir, n, "name",
           "class", "stages", "launch mass kg", "full name");
}
static void row(const void *entry)
{
    const bmd_catalog_missile *e = entry;
    printf("  %-20s %-8s %6d %15.0f  %s\n", e->missile.name, e->class_name, e->missile.n_stages,
           launch_mass_kg(&e->missile), e->full_name);
}
static cJSON *summary(const void *entry)
{
    const bmd_catalog_missile *e = entry;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", e->missile.name);
    cJSON_AddStringToObject(o, "class", e->class_name);
    cJSON_AddNumberToObject(o, "stages", e->missile.n_stages);
    cJSON_AddNumberToObject(o, "launch_mass_kg", launch_mass_kg(&e->missile));
    cJSON_AddStringToObject(o, "full_name", e->full_name);
    return o;
}

/* The library calls, untyped for the view. */
static int find(const char *dir, const char *name, void *entry, bmd_error *err)
{
    return bmd_catalog_find_missile(dir, name, entry, err);
}
static int set(void *entry, const char *assignment, bmd_error *err)
{
    return bmd_catalog_override(entry, assignment, err);
}

const cli_catalog_view cli_missile_view = {
    "missile", "missiles", "missiles", sizeof(bmd_catalog_missile), bmd_catalog_list_missiles,
    find, set, heading, row, summary, print_entry, entry_json};
