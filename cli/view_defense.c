/* The radar and interceptor views of `bmdsim catalog` (catalog_view.h): every parameter with its
 * value (in the file's units), unit, provenance and, where sources disagree, their range. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bmd/interceptor_catalog.h"
#include "bmd/radar_catalog.h"
#include "catalog_view.h"
#include "cli.h"

/* A radar field without its "parameters." prefix. */
static const char *short_field(const char *field)
{
    return strncmp(field, "parameters.", 11) == 0 ? field + 11 : field;
}

/* One parameter: a table row (and the sources' range below it when given), or a JSON object. */
static void param_row(const char *field, const bmd_param_provenance *p, double low, double high)
{
    char value[64];
    snprintf(value, sizeof value, "%.10g", p->value);
    cli_print_param_row(field, value, p);
    if (!isnan(low) && !isnan(high))
        printf("  %-30s %12s range of the sources: %.10g to %.10g\n", "", "", low, high);
}
static cJSON *param_json(const char *field, const bmd_param_provenance *p, double low,
                         double high, const bmd_source *sources, int n)
{
    cJSON *q = cJSON_CreateObject();
    cJSON_AddStringToObject(q, "field", field);
    cJSON_AddNumberToObject(q, "value", p->value);
    cli_param_json_tail(q, cli_unit_of(field), p, sources, n);
    if (!isnan(low) && !isnan(high)) {
        cJSON_AddNumberToObject(q, "low", low);
        cJSON_AddNumberToObject(q, "high", high);
    }
    return q;
}

/* The header lines of one entry's table. */
static void print_header(const char *full_name, const char *what, const char *path,
                         const char *description)
{
    printf("%s  [%s]\n  file: %s\n", full_name, what, path);
    if (description[0])
        printf("  %s\n", description);
    printf("\n  %-30s %12s %-8s %s\n", "parameter", "value", "unit", "provenance");
}

/* The radar's sources' range of a parameter, or NAN, NAN. */
static double radar_low(const bmd_param_provenance *p) { return p->has_range ? p->low : NAN; }
static double radar_high(const bmd_param_provenance *p) { return p->has_range ? p->high : NAN; }

static int radar_print(const void *entry)
{
    const bmd_catalog_radar *e = entry;
    char what[96];
    snprintf(what, sizeof what, "%s, %s band", e->name, e->band);
    print_header(e->full_name, what, e->path, e->description);
    for (int i = 0; i < e->n_params; i++)
        param_row(short_field(e->params[i].field), &e->params[i], radar_low(&e->params[i]),
                  radar_high(&e->params[i]));
    cli_print_sources(e->sources, e->n_sources);
    return ferror(stdout) ? CLI_FAILED : CLI_OK;
}

static cJSON *radar_json(const void *entry)
{
    const bmd_catalog_radar *e = entry;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", e->name);
    cJSON_AddStringToObject(o, "full_name", e->full_name);
    cJSON_AddStringToObject(o, "band", e->band);
    cJSON_AddStringToObject(o, "description", e->description);
    cJSON_AddStringToObject(o, "path", e->path);
    cli_sources_json(o, e->sources, e->n_sources);
    cJSON *params = cJSON_AddArrayToObject(o, "parameters");
    for (int i = 0; i < e->n_params; i++)
        cJSON_AddItemToArray(params, param_json(short_field(e->params[i].field), &e->params[i],
                                                radar_low(&e->params[i]),
                                                radar_high(&e->params[i]), e->sources,
                                                e->n_sources));
    return o;
}

/* The radar list: name, band, detection and instrumented range, full name. */
static void radar_heading(const char *dir, int n)
{
    printf("Radar catalogue %s: %d radars\n  %-20s %-5s %14s %14s  %s\n", dir, n, "name", "band",
           "detection km", "max range km", "full name");
}
static void radar_row(const void *entry)
{
    const bmd_catalog_radar *e = entry;
    printf("  %-20s %-5s %14.0f %14.0f  %s\n", e->name, e->band,
           e->radar.ref_detection_range_m / 1e3, e->radar.max_range_m / 1e3, e->full_name);
}
static cJSON *radar_summary(const void *entry)
{
    const bmd_catalog_radar *e = entry;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", e->name);
    cJSON_AddStringToObject(o, "band", e->band);
    cJSON_AddNumberToObject(o, "detection_range_m", e->radar.ref_detection_range_m);
    cJSON_AddNumberToObject(o, "max_range_m", e->radar.max_range_m);
    cJSON_AddStringToObject(o, "full_name", e->full_name);
    return o;
}

static int radar_find(const char *dir, const char *name, void *entry, bmd_error *err)
{
    return bmd_catalog_find_radar(dir, name, entry, err);
}
static int radar_set(void *entry, const char *assignment, bmd_error *err)
{
    return bmd_catalog_radar_override(entry, assignment, err);
}

const cli_catalog_view cli_radar_view = {
    "radar", "radars", "radars", sizeof(bmd_catalog_radar), bmd_catalog_list_radars,
    radar_find, radar_set, radar_heading, radar_row, radar_summary, radar_print, radar_json};

static int interceptor_print(const void *entry)
{
    const bmd_catalog_interceptor *e = entry;
    char what[96];
    snprintf(what, sizeof what, "%s, notional model", e->interceptor.name);
    print_header(e->full_name, what, e->path, e->description);
    for (int i = 0; i < e->n_params; i++)
        param_row(e->params[i].prov.field, &e->params[i].prov, e->params[i].low,
                  e->params[i].high);
    cli_print_sources(e->sources, e->n_sources);
    return ferror(stdout) ? CLI_FAILED : CLI_OK;
}

static cJSON *interceptor_json(const void *entry)
{
    const bmd_catalog_interceptor *e = entry;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", e->interceptor.name);
    cJSON_AddStringToObject(o, "full_name", e->full_name);
    cJSON_AddStringToObject(o, "description", e->description);
    cJSON_AddStringToObject(o, "path", e->path);
    cli_sources_json(o, e->sources, e->n_sources);
    cJSON *params = cJSON_AddArrayToObject(o, "parameters");
    for (int i = 0; i < e->n_params; i++)
        cJSON_AddItemToArray(params, param_json(e->params[i].prov.field, &e->params[i].prov,
                                                e->params[i].low, e->params[i].high, e->sources,
                                                e->n_sources));
    return o;
}

/* The interceptor list: name, burnout speed, altitude ceiling, flyout time, full name. */
static void interceptor_heading(const char *dir, int n)
{
    printf("Interceptor catalogue %s: %d interceptors\n  %-20s %12s %14s %10s  %s\n", dir, n,
           "name", "burnout m/s", "max alt km", "flyout s", "full name");
}
static void interceptor_row(const void *entry)
{
    const bmd_catalog_interceptor *e = entry;
    const bmd_interceptor *i = &e->interceptor;
    printf("  %-20s %12.0f %14.0f %10.0f  %s\n", i->name, i->burnout_speed_m_s,
           i->max_altitude_m / 1e3, i->max_flyout_time_s, e->full_name);
}
static cJSON *interceptor_summary(const void *entry)
{
    const bmd_catalog_interceptor *e = entry;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "name", e->interceptor.name);
    cJSON_AddNumberToObject(o, "burnout_speed_m_s", e->interceptor.burnout_speed_m_s);
    cJSON_AddNumberToObject(o, "max_altitude_m", e->interceptor.max_altitude_m);
    cJSON_AddNumberToObject(o, "max_flyout_time_s", e->interceptor.max_flyout_time_s);
    cJSON_AddStringToObject(o, "full_name", e->full_name);
    return o;
}

static int interceptor_find(const char *dir, const char *name, void *entry, bmd_error *err)
{
    return bmd_catalog_find_interceptor(dir, name, entry, err);
}
static int interceptor_set(void *entry, const char *assignment, bmd_error *err)
{
    return bmd_catalog_interceptor_override(entry, assignment, err);
}

const cli_catalog_view cli_interceptor_view = {
    "interceptor", "interceptors", "interceptors", sizeof(bmd_catalog_interceptor),
    bmd_catalog_list_interceptors, interceptor_find, interceptor_set, interceptor_heading,
    interceptor_row, interceptor_summary, interceptor_print, interceptor_json};
