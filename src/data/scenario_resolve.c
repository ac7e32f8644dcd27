/* Resolving a loaded scenario against a catalogue directory: catalogue entries are loaded and
 * their `set:` overrides applied, for missiles, radars and interceptors alike.
 * Errors carry the file, line and column of the name (or of the override's key). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bmd/catalog.h"
#include "bmd/interceptor_catalog.h"
#include "bmd/radar_catalog.h"
#include "data/scenario_internal.h"

/* Record an error at a position of the scenario file: "FILE:LINE:COL: field 'F': MESSAGE". */
static int fail_at(const bmd_scenario *scn, bmd_scenario_pos at, const char *field, int status,
                   const char *message, bmd_error *err)
{
    return bmd_error_set(err, status, "%s:%d:%d: field '%s': %s", scn->path, at.line, at.column,
                         field, message);
}

/* The path of a catalogue folder: DIR/SUB. */
static int folder(const char *dir, const char *sub, char *buf, size_t n, bmd_error *err)
{
    int w = snprintf(buf, n, "%s/%s", dir, sub);
    if (w < 0 || (size_t)w >= n)
        return bmd_error_set(err, BMD_EINVAL, "catalogue directory '%s' is too long", dir);
    return BMD_SUCCESS;
}

/* "FIELD=VALUE" of an override into buf. */
static void assignment(const bmd_scenario_set *s, char *buf, size_t n)
{
    snprintf(buf, n, "%s=%s", s->field, s->text);
}

/* The path of the override's key: the reference's field with its last part replaced by
 * "set.FIELD" ("threats[0].missile" -> "threats[0].set.payload.rv_mass_kg"). */
static void set_path(const bmd_scenario_ref *ref, const bmd_scenario_set *s, char *buf, size_t n)
{
    const char *dot = strrchr(ref->field, '.');
    snprintf(buf, n, "%.*s.set.%s", dot ? (int)(dot - ref->field) : (int)strlen(ref->field),
             ref->field, s->field);
}

/* Load a missile by reference and apply its overrides into a new entry (*out, owned). */
static int resolve_missile(const bmd_scenario *scn, const char *dir, const bmd_scenario_ref *ref,
                           bmd_catalog_missile **out, bmd_error *err)
{
    bmd_catalog_missile *e = malloc(sizeof *e);
    if (!e)
        return bmd_error_set(err, BMD_ENOMEM, "out of memory loading missile '%s'", ref->name);
    bmd_error inner;
    int st = bmd_catalog_find_missile(dir, ref->name, e, &inner);
    if (st) {
        free(e);
        return fail_at(scn, ref->at, ref->field, st, inner.message, err);
    }
    for (int i = 0; i < ref->n_set; i++) {
        char text[160], path[BMD_SCENARIO_PATH_MAX + 96];
        assignment(&ref->set[i], text, sizeof text);
        if ((st = bmd_catalog_override(e, text, &inner))) {
            free(e);
            set_path(ref, &ref->set[i], path, sizeof path);
            return fail_at(scn, ref->set[i].at, path, st, inner.message, err);
        }
    }
    if ((st = bmd_missile_validate(&e->missile, &inner))) {
        free(e);
        return fail_at(scn, ref->at, ref->field, st, inner.message, err);
    }
    free(*out);
    *out = e;
    return BMD_SUCCESS;
}

/* Load a radar type, apply overrides, place it at site and turn it to its boresight. */
static int resolve_radar(const bmd_scenario *scn, const char *dir, bmd_scenario_radar *r,
                         const bmd_scenario_point *site, bmd_error *err)
{
    bmd_error inner;
    int st = bmd_catalog_find_radar(dir, r->type.name, &r->entry, &inner);
    if (st)
        return fail_at(scn, r->type.at, r->type.field, st, inner.message, err);
    for (int i = 0; i < r->type.n_set; i++) {
        char text[160], path[BMD_SCENARIO_PATH_MAX + 96];
        assignment(&r->type.set[i], text, sizeof text);
        if ((st = bmd_catalog_radar_override(&r->entry, text, &inner))) {
            set_path(&r->type, &r->type.set[i], path, sizeof path);
            return fail_at(scn, r->type.set[i].at, path, st, inner.message, err);
        }
    }
    bmd_radar *radar = &r->entry.radar;
    radar->lat_rad = site->lat_rad;
    radar->lon_rad = site->lon_rad;
    radar->height_m = site->height_m;
    if (r->has_boresight)
        radar->boresight_azimuth_rad = r->boresight_azimuth_rad;
    if ((st = bmd_radar_validate(radar, &inner)))
        return fail_at(scn, r->type.at, r->type.field, st, inner.message, err);
    return BMD_SUCCESS;
}

/* Load an interceptor by reference and apply its overrides. */
static int resolve_interceptor(const bmd_scenario *scn, const char *dir, bmd_scenario_site *s,
                               bmd_error *err)
{
    const bmd_scenario_ref *ref = &s->interceptor;
    bmd_catalog_interceptor *e = &s->interceptor_entry;
    bmd_error inner;
    int st = bmd_catalog_find_interceptor(dir, ref->name, e, &inner);
    if (st)
        return fail_at(scn, ref->at, ref->field, st, inner.message, err);
    for (int i = 0; i < ref->n_set; i++) {
        char text[160], path[BMD_SCENARIO_PATH_MAX + 96];
        assignment(&ref->set[i], text, sizeof text);
        if ((st = bmd_catalog_interceptor_override(e, text, &inner))) {
            set_path(ref, &ref->set[i], path, sizeof path);
            return fail_at(scn, ref->set[i].at, path, st, inner.message, err);
        }
    }
    return BMD_SUCCESS;
}

int bmd_scenario_resolve(bmd_scenario *scn, const char *catalog_dir, bmd_error *err)
{
    bmd_error_clear(err);
    if (!scn || !catalog_dir)
        return bmd_error_set(err, BMD_EINVAL, "scenario resolve: scenario and catalogue "
                             "directory must be given");
    char missiles[BMD_PATH_MAX], radars[BMD_PATH_MAX],
        interceptors[BMD_PATH_MAX];
    int st;
    if ((st = folder(catalog_dir, "missiles", missiles, sizeof missiles, err)) ||
        (st = folder(catalog_dir, "radars", radars, sizeof radars, err)) ||
        (st = folder(catalog_dir, "interceptors", interceptors, sizeof interceptors, err)))
        return st;
    scn->resolved = 0;
    for (int i = 0; i < scn->n_sensors; i++) {
        bmd_scenario_sensor *s = &scn->sensors[i];
        if (s->kind == BMD_SCENARIO_SENSOR_RADAR &&
            (st = resolve_radar(scn, radars, &s->radar, &s->site, err)))
            return st;
    }
    for (int i = 0; i < scn->n_sites; i++) {
        bmd_scenario_site *s = &scn->sites[i];
        if ((st = resolve_interceptor(scn, interceptors, s, err)))
            return st;
        if (s->has_radar && (st = resolve_radar(scn, radars, &s->radar, &s->site, err)))
            return st;
    }
    for (int i = 0; i < scn->n_threats; i++)
        if ((st = resolve_missile(scn, missiles, &scn->threats[i].missile,
                                  &scn->threats[i].entry, err)))
            return st;
    for (int i = 0; i < scn->n_launch_areas; i++)
        if ((st = resolve_missile(scn, missiles, &scn->launch_areas[i].missile,
                                  &scn->launch_areas[i].entry, err)))
            return st;
    scn->resolved = 1;
    return BMD_SUCCESS;
}
