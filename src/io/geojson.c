/* GeoJSON (RFC 7946) export of a scene, written by hand with escaped strings. */
#include "bmd/geojson.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/atomic_file.h"
#include "io/geo_split.h"
#include "io/strbuf.h"

#define DEG_DECIMALS 7   /* 1e-7 degree is about 1 cm on the ground */
#define ALT_DECIMALS 1   /* 0.1 m */
#define COVERAGE_STEP_RAD (M_PI / 180.0)

/* One position [lon, lat] or [lon, lat, alt]. */
static void position(bmd_strbuf *sb, const geo_pt *p, int with_alt)
{
    sb_puts(sb, "[");
    sb_num(sb, p->lon, DEG_DECIMALS);
    sb_puts(sb, ",");
    sb_num(sb, p->lat, DEG_DECIMALS);
    if (with_alt) {
        sb_puts(sb, ",");
        sb_num(sb, p->alt, ALT_DECIMALS);
    }
    sb_puts(sb, "]");
}

/* The positions of part k of parts as a JSON array. */
static void part_positions(bmd_strbuf *sb, const geo_parts *parts, int k, int with_alt)
{
    sb_puts(sb, "[");
    for (int i = parts->start[k]; i < parts->start[k + 1]; i++) {
        if (i > parts->start[k])
            sb_puts(sb, ",");
        position(sb, &parts->pts[i], with_alt);
    }
    sb_puts(sb, "]");
}

/* A line as a LineString, or a MultiLineString when it crosses the antimeridian. */
static int line_geometry(bmd_strbuf *sb, const geo_pt *pts, int n, bmd_error *err)
{
    geo_parts parts;
    if (!geo_split_line(pts, n, &parts))
        return bmd_error_set(err, BMD_ENOMEM, "out of memory cutting a line at the antimeridian");
    if (parts.n_parts == 1) {
        sb_puts(sb, "{\"type\":\"LineString\",\"coordinates\":");
        part_positions(sb, &parts, 0, 1);
    } else {
        sb_puts(sb, "{\"type\":\"MultiLineString\",\"coordinates\":[");
        for (int k = 0; k < parts.n_parts; k++) {
            if (k)
                sb_puts(sb, ",");
            part_positions(sb, &parts, k, 1);
        }
        sb_puts(sb, "]");
    }
    sb_puts(sb, "}");
    geo_parts_free(&parts);
    return BMD_SUCCESS;
}

/* A ring (lat/lon in rad) as a Polygon, or a MultiPolygon when cut at the antimeridian. */
static int ring_geometry(bmd_strbuf *sb, const double *lat_rad, const double *lon_rad, int n,
                         bmd_error *err)
{
    geo_pt *pts = malloc((size_t)n * sizeof *pts);
    geo_parts parts;
    if (!pts)
        return bmd_error_set(err, BMD_ENOMEM, "out of memory building a polygon");
    for (int i = 0; i < n; i++)
        pts[i] = (geo_pt){bmd_rad_to_deg(lon_rad[i]), bmd_rad_to_deg(lat_rad[i]), 0};
    int ok = geo_split_ring(pts, n, &parts);
    free(pts);
    if (!ok)
        return bmd_error_set(err, BMD_ENOMEM, "out of memory cutting a polygon at the antimeridian");
    if (parts.n_parts == 1) {
        sb_puts(sb, "{\"type\":\"Polygon\",\"coordinates\":[");
        part_positions(sb, &parts, 0, 0);
        sb_puts(sb, "]}");
    } else {
        sb_puts(sb, "{\"type\":\"MultiPolygon\",\"coordinates\":[");
        for (int k = 0; k < parts.n_parts; k++) {
            sb_puts(sb, k ? ",[" : "[");
            part_positions(sb, &parts, k, 0);
            sb_puts(sb, "]");
        }
        sb_puts(sb, "]}");
    }
    geo_parts_free(&parts);
    return BMD_SUCCESS;
}

/* Whether feature f has a scene property key at an index above after (-1: any). */
static int has_property(const bmd_scene *scene, int f, const char *key, int after)
{
    for (int i = after + 1; i < scene->n_props; i++)
        if (scene->props[i].feature == f && strcmp(scene->props[i].key, key) == 0)
            return 1;
    return 0;
}

/* The opening of a built-in property key (",\"key\":") unless a scene property of the same key
 * replaces it; returns whether it was written (every JSON object keeps unique keys). */
static int builtin(bmd_strbuf *sb, const bmd_scene *scene, int f, const char *key)
{
    if (has_property(scene, f, key, -1))
        return 0;
    sb_printf(sb, ",\"%s\":", key);
    return 1;
}

/* The scene's own properties of feature f, each preceded by a comma; of a key set twice, the last
 * value; never "name" (the feature's own name comes first). */
static void scene_properties(bmd_strbuf *sb, const bmd_scene *scene, int f)
{
    for (int i = 0; i < scene->n_props; i++) {
        const bmd_scene_property *p = &scene->props[i];
        if (p->feature != f || has_property(scene, f, p->key, i) || !strcmp(p->key, "name"))
            continue;
        sb_puts(sb, ",");
        sb_json_string(sb, p->key);
        sb_puts(sb, ":");
        if (p->text)
            sb_json_string(sb, p->text);
        else
            sb_num(sb, p->number, 6);
    }
}

/* Start a feature: geometry follows. */
static void feature_open(bmd_strbuf *sb, int first)
{
    sb_puts(sb, first ? "\n{\"type\":\"Feature\",\"geometry\":" : ",\n{\"type\":\"Feature\",\"geometry\":");
}

/* Properties common to all features: name, then feature and kind unless a scene property of the
 * same key replaces them (the name is always the feature's own). */
static void properties_open(bmd_strbuf *sb, const bmd_scene *scene, int f, const char *name,
                            const char *feature_type, const char *kind)
{
    sb_puts(sb, ",\"properties\":{\"name\":");
    sb_json_string(sb, name);
    if (builtin(sb, scene, f, "feature"))
        sb_json_string(sb, feature_type);
    if (builtin(sb, scene, f, "kind"))
        sb_json_string(sb, kind);
}

/* The phases of a track as [{"phase", "start_s", "end_s"}, ...]. */
static void track_phases(bmd_strbuf *sb, const bmd_scene_track *t)
{
    sb_puts(sb, ",\"phases\":[");
    int first = 1;
    for (int i = 0; i < t->n_points;) {
        int j = i;
        while (j + 1 < t->n_points && t->points[j + 1].phase == t->points[i].phase)
            j++;
        if (t->points[i].phase >= 0) {
            sb_puts(sb, first ? "{\"phase\":" : ",{\"phase\":");
            sb_json_string(sb, bmd_phase_name(t->points[i].phase));
            sb_puts(sb, ",\"start_s\":");
            sb_num(sb, t->points[i].t_s, 3);
            sb_puts(sb, ",\"end_s\":");
            sb_num(sb, t->points[j + 1 < t->n_points ? j + 1 : j].t_s, 3);
            sb_puts(sb, "}");
            first = 0;
        }
        i = j + 1;
    }
    sb_puts(sb, "]");
}

static int write_site(bmd_strbuf *sb, const bmd_scene *scene, int f, const bmd_scene_site *s)
{
    geo_pt p = {remainder(bmd_rad_to_deg(s->lon_rad), 360.0), bmd_rad_to_deg(s->lat_rad), 0};
    sb_puts(sb, "{\"type\":\"Point\",\"coordinates\":");
    position(sb, &p, 0);
    sb_puts(sb, "}");
    properties_open(sb, scene, f, s->name, "site", bmd_site_kind_name(s->kind));
    if (builtin(sb, scene, f, "height_m"))
        sb_num(sb, s->height_m, 1);
    scene_properties(sb, scene, f);
    sb_puts(sb, "}}");
    return BMD_SUCCESS;
}

static int write_track(bmd_strbuf *sb, const bmd_scene *scene, int f, const bmd_scene_track *t,
                       bmd_error *err)
{
    geo_pt *pts = malloc((size_t)t->n_points * sizeof *pts);
    if (!pts)
        return bmd_error_set(err, BMD_ENOMEM, "out of memory writing track '%s'", t->name);
    for (int i = 0; i < t->n_points; i++)
        pts[i] = (geo_pt){bmd_rad_to_deg(t->points[i].lon_rad), bmd_rad_to_deg(t->points[i].lat_rad),
                          t->points[i].altitude_m};
    int st = line_geometry(sb, pts, t->n_points, err);
    free(pts);
    if (st)
        return st;
    properties_open(sb, scene, f, t->name, "trajectory", bmd_track_kind_name(t->kind));
    if (builtin(sb, scene, f, "missile"))
        sb_json_string(sb, t->missile);
    if (builtin(sb, scene, f, "start_time_s"))
        sb_num(sb, t->launch_s, 3);
    if (builtin(sb, scene, f, "end_time_s"))
        sb_num(sb, t->end_s, 3);
    if (builtin(sb, scene, f, "range_km"))
        sb_num(sb, t->range_m / 1e3, 3);
    if (builtin(sb, scene, f, "apogee_km"))
        sb_num(sb, t->apogee_m / 1e3, 3);
    if (builtin(sb, scene, f, "impacted"))
        sb_puts(sb, t->impacted ? "true" : "false");
    if (!has_property(scene, f, "phases", -1))
        track_phases(sb, t);
    scene_properties(sb, scene, f);
    sb_puts(sb, "}}");
    return BMD_SUCCESS;
}

static int write_coverage(bmd_strbuf *sb, const bmd_scene *scene, int f,
                          const bmd_scene_coverage *c, bmd_error *err)
{
    int cap = bmd_scene_coverage_points(c, COVERAGE_STEP_RAD), n = 0;
    double *lat = malloc((size_t)cap * sizeof *lat), *lon = malloc((size_t)cap * sizeof *lon);
    int st = lat && lon ? bmd_scene_coverage_ring(scene, c, COVERAGE_STEP_RAD, lat, lon, cap, &n,
                                                   err)
                        : bmd_error_set(err, BMD_ENOMEM, "out of memory writing coverage '%s'",
                                        c->name);
    if (!st)
        st = ring_geometry(sb, lat, lon, n, err);
    free(lat);
    free(lon);
    if (st)
        return st;
    properties_open(sb, scene, f, c->name, "coverage", "radar coverage");
    if (builtin(sb, scene, f, "range_km"))
        sb_num(sb, c->range_m / 1e3, 3);
    if (!c->full_circle) {
        if (builtin(sb, scene, f, "azimuth_min_deg"))
            sb_num(sb, bmd_rad_to_deg(c->az_min_rad), 3);
        if (builtin(sb, scene, f, "azimuth_max_deg"))
            sb_num(sb, bmd_rad_to_deg(c->az_max_rad), 3);
    }
    scene_properties(sb, scene, f);
    sb_puts(sb, "}}");
    return BMD_SUCCESS;
}

static int write_area(bmd_strbuf *sb, const bmd_scene *scene, int f, const bmd_scene_area *a,
                      bmd_error *err)
{
    int st = ring_geometry(sb, a->lat_rad, a->lon_rad, a->n, err);
    if (st)
        return st;
    properties_open(sb, scene, f, a->name, "area", bmd_area_kind_name(a->kind));
    scene_properties(sb, scene, f);
    sb_puts(sb, "}}");
    return BMD_SUCCESS;
}

int bmd_geojson_string(const bmd_scene *scene, char **json, bmd_error *err)
{
    bmd_strbuf sb = {0};
    *json = NULL;
    sb_puts(&sb, "{\"type\":\"FeatureCollection\"");
    if (scene->title) {
        /* "name" is a foreign member many readers (QGIS, ogr) show as the layer name */
        sb_puts(&sb, ",\"name\":");
        sb_json_string(&sb, scene->title);
    }
    sb_puts(&sb, ",\"features\":[");
    for (int f = 0; f < scene->n_features; f++) {
        const bmd_scene_feature *fe = &scene->features[f];
        int st = BMD_SUCCESS;
        feature_open(&sb, f == 0);
        switch (fe->type) {
        case BMD_FEATURE_SITE: st = write_site(&sb, scene, f, &scene->sites[fe->index]); break;
        case BMD_FEATURE_TRACK: st = write_track(&sb, scene, f, &scene->tracks[fe->index], err); break;
        case BMD_FEATURE_COVERAGE:
            st = write_coverage(&sb, scene, f, &scene->coverages[fe->index], err);
            break;
        case BMD_FEATURE_AREA: st = write_area(&sb, scene, f, &scene->areas[fe->index], err); break;
        }
        if (st) {
            sb_free(&sb);
            return st;
        }
    }
    sb_puts(&sb, "\n]}\n");
    return sb_finish(&sb, json, err);
}

int bmd_geojson_write(const bmd_scene *scene, const char *path, bmd_error *err)
{
    char *json;
    int st = bmd_geojson_string(scene, &json, err);
    if (st)
        return st;
    st = bmd_atomic_write_string(path, json, err);
    free(json);
    return st;
}
