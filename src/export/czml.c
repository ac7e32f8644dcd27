/* CZML export of a scene for CesiumJS (bmd/czml.h). One packet per scene feature, in the order of
 * the scene, with ids "feature-N"; the document packet first. Packet properties follow the CZML
 * Guide (czml-writer wiki): Packet, Clock, Position (epoch + cartographicDegrees samples), Point,
 * Label, Path, Ellipsoid, Polygon. */
#include "bmd/czml.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/atomic_file.h"
#include "bmd/units.h"
#include "core/strbuf.h"
#include "export/palette.h"
#include "export/time_track_internal.h"

#define DEG_DECIMALS 7
#define PI_2 1.57079632679489661923
#define TWO_PI 6.28318530717958647692

void bmd_czml_options_init(bmd_czml_options *opt)
{
    opt->epoch_unix_s = BMD_EPOCH_DEFAULT_UNIX_S;
    opt->clock_multiplier = 30;
}

/* "rgba":[r,g,b,a] with opacity alpha in [0, 1]. */
static void rgba(bmd_strbuf *sb, unsigned rgb, double alpha)
{
    bmd_sb_printf(sb, "{\"rgba\":[%u,%u,%u,%ld]}", (rgb >> 16) & 0xff, (rgb >> 8) & 0xff,
                  rgb & 0xff, lround(alpha * 255));
}

static void solid(bmd_strbuf *sb, unsigned rgb, double alpha)
{
    bmd_sb_puts(sb, "{\"solidColor\":{\"color\":");
    rgba(sb, rgb, alpha);
    bmd_sb_puts(sb, "}}");
}

/* lon,lat,height in degrees and m (no separators around). */
static void carto(bmd_strbuf *sb, double lat_rad, double lon_rad, double h_m)
{
    bmd_sb_num(sb, remainder(bmd_rad_to_deg(lon_rad), 360.0), DEG_DECIMALS);
    bmd_sb_puts(sb, ",");
    bmd_sb_num(sb, bmd_rad_to_deg(lat_rad), DEG_DECIMALS);
    bmd_sb_puts(sb, ",");
    bmd_sb_num(sb, h_m, 1);
}

/* Text property of feature f named key (last wins), or NULL. */
static const char *text_property(const bmd_scene *scene, int f, const char *key)
{
    for (int i = scene->n_props - 1; i >= 0; i--)
        if (scene->props[i].feature == f && strcmp(scene->props[i].key, key) == 0)
            return scene->props[i].text;
    return NULL;
}

/* "description": an HTML table of the lead sentence and the feature's properties (each key once,
 * the last value), as one JSON string. */
static void description(bmd_strbuf *sb, const bmd_scene *scene, int f, const char *lead)
{
    bmd_strbuf html = {0};
    bmd_sb_puts(&html, "<p>");
    bmd_sb_xml(&html, lead);
    bmd_sb_puts(&html, "</p><table class=\"cesium-infoBox-defaultTable\">");
    for (int i = 0; i < scene->n_props; i++) {
        const bmd_scene_property *p = &scene->props[i];
        int last = 1;
        for (int j = i + 1; j < scene->n_props && last; j++)
            last = !(scene->props[j].feature == f && strcmp(scene->props[j].key, p->key) == 0);
        if (p->feature != f || !last)
            continue;
        bmd_sb_puts(&html, "<tr><th>");
        bmd_sb_xml(&html, p->key);
        bmd_sb_puts(&html, "</th><td>");
        if (p->text)
            bmd_sb_xml(&html, p->text);
        else
            bmd_sb_num(&html, p->number, 6);
        bmd_sb_puts(&html, "</td></tr>");
    }
    bmd_sb_puts(&html, "</table>");
    bmd_sb_puts(sb, ",\"description\":");
    if (html.failed) {
        sb->failed = 1;
    } else {
        bmd_sb_puts(&html, ""); /* ensure a terminated buffer */
        bmd_sb_json_string(sb, html.data ? html.data : "");
    }
    bmd_sb_free(&html);
}

/* The packet head: id, name and description. */
static void head(bmd_strbuf *sb, const bmd_scene *scene, int f, const char *name,
                 const char *lead)
{
    bmd_sb_printf(sb, ",\n{\"id\":\"feature-%d\",\"name\":", f);
    bmd_sb_json_string(sb, name);
    description(sb, scene, f, lead);
}

static void write_site(bmd_strbuf *sb, const bmd_scene *scene, int f)
{
    static const unsigned colour[] = {PAL_RADAR, PAL_INTERCEPTOR, PAL_LAUNCH, PAL_TARGET,
                                      PAL_OTHER};
    const bmd_scene_site *s = &scene->sites[scene->features[f].index];
    const char *feature = text_property(scene, f, "feature");
    int intercept = feature && strcmp(feature, "intercept") == 0;
    char lead[96];
    snprintf(lead, sizeof lead, "%s", intercept ? "intercept point (altitude above the ellipsoid)"
                                                : bmd_site_kind_name(s->kind));
    head(sb, scene, f, s->name, lead);
    bmd_sb_puts(sb, ",\"position\":{\"cartographicDegrees\":[");
    carto(sb, s->lat_rad, s->lon_rad, s->height_m);
    bmd_sb_printf(sb, "]},\"point\":{\"pixelSize\":%d,\"color\":", intercept ? 12 : 9);
    rgba(sb, intercept ? PAL_WINDOW : colour[s->kind], 1);
    bmd_sb_puts(sb, ",\"outlineColor\":");
    rgba(sb, 0x000000, 1);
    bmd_sb_puts(sb, ",\"outlineWidth\":1},\"label\":{\"text\":");
    bmd_sb_json_string(sb, s->name);
    bmd_sb_puts(sb, ",\"font\":\"13px sans-serif\",\"style\":\"FILL_AND_OUTLINE\","
                "\"outlineWidth\":3,\"fillColor\":");
    rgba(sb, 0xffffff, 1);
    bmd_sb_puts(sb, ",\"outlineColor\":");
    rgba(sb, 0x000000, 1);
    bmd_sb_puts(sb, ",\"verticalOrigin\":\"BOTTOM\",\"pixelOffset\":{\"cartesian2\":[0,-10]}}}");
}

/* t rounded to the millisecond (the precision of the CZML's times). */
static double ms_round(double t_s)
{
    return round(t_s * 1000.0) / 1000.0;
}

static int write_track(bmd_strbuf *sb, const bmd_scene *scene, int f, double epoch,
                       bmd_error *err)
{
    const bmd_scene_track *t = &scene->tracks[scene->features[f].index];
    unsigned char *keep = malloc((size_t)t->n_points);
    if (!keep)
        return bmd_error_set(err, BMD_ENOMEM, "out of memory writing track '%s'", t->name);
    bmd_export_keep_flags(t, keep);
    int last = 0;
    for (int i = 0; i < t->n_points; i++)
        if (keep[i])
            last = i;
    char e[40], a[40], b[40], lead[256];
    /* the availability from the sample times as written (to the millisecond): a stop a
     * millisecond after the last sample would leave the position undefined there */
    int st = bmd_time_format_iso8601(epoch, e, sizeof e, err);
    if (!st)
        st = bmd_time_format_iso8601(epoch + ms_round(t->points[0].t_s), a, sizeof a, err);
    if (!st)
        st = bmd_time_format_iso8601(epoch + ms_round(t->points[last].t_s), b, sizeof b, err);
    if (st) {
        free(keep);
        return st;
    }
    snprintf(lead, sizeof lead, "%s%s%s trajectory: range %.0f km, apogee %.0f km, t = %.1f to "
             "%.1f s after launch", t->missile ? t->missile : "", t->missile ? " " : "",
             bmd_track_kind_name(t->kind), t->range_m / 1e3, t->apogee_m / 1e3, t->launch_s,
             t->end_s);
    head(sb, scene, f, t->name, lead);
    unsigned colour = t->kind == BMD_TRACK_INTERCEPTOR ? PAL_INTERCEPTOR : PAL_THREAT;
    bmd_sb_printf(sb, ",\"availability\":\"%s/%s\",\"position\":{\"epoch\":\"%s\","
                  "\"interpolationAlgorithm\":\"LAGRANGE\",\"interpolationDegree\":1,"
                  "\"cartographicDegrees\":[", a, b, e);
    for (int i = 0; i < t->n_points; i++) {
        if (!keep[i])
            continue;
        if (i)
            bmd_sb_puts(sb, ",");
        bmd_sb_num(sb, ms_round(t->points[i].t_s), 3);
        bmd_sb_puts(sb, ",");
        carto(sb, t->points[i].lat_rad, t->points[i].lon_rad, t->points[i].altitude_m);
    }
    bmd_sb_puts(sb, "]},\"point\":{\"pixelSize\":8,\"color\":");
    rgba(sb, colour, 1);
    bmd_sb_puts(sb, "},\"path\":{\"width\":3,\"leadTime\":0,\"trailTime\":100000,"
                "\"resolution\":5,\"material\":");
    solid(sb, colour, 1);
    bmd_sb_puts(sb, "}}");
    free(keep);
    return BMD_SUCCESS;
}

/* A coverage as a volume: an ellipsoid of radii range_m (a sphere) centred on the site, above
 * its horizon plane (cone 0 to pi/2 from the local up axis) and, for a sector, between the clock
 * angles of its azimuths. Cesium places an entity's ellipsoid in the east-north-up frame of its
 * position; clock angles run from east toward north, so azimuth az (clockwise from north) is
 * clock pi/2 - az and the sector az_min..az_max (clockwise) is the clock range
 * [pi/2 - az_min - span, pi/2 - az_min]. */
static void write_coverage(bmd_strbuf *sb, const bmd_scene *scene, int f)
{
    const bmd_scene_coverage *c = &scene->coverages[scene->features[f].index];
    char lead[256];
    if (c->full_circle)
        snprintf(lead, sizeof lead, "radar coverage volume: within %.0f km of the site, above "
                 "its horizon plane", c->range_m / 1e3);
    else
        snprintf(lead, sizeof lead, "radar coverage volume: within %.0f km of the site, above "
                 "its horizon plane, azimuth %.1f to %.1f deg", c->range_m / 1e3,
                 bmd_rad_to_deg(c->az_min_rad), bmd_rad_to_deg(c->az_max_rad));
    head(sb, scene, f, c->name, lead);
    bmd_sb_puts(sb, ",\"position\":{\"cartographicDegrees\":[");
    carto(sb, c->lat_rad, c->lon_rad, 0);
    bmd_sb_puts(sb, "]},\"ellipsoid\":{\"radii\":{\"cartesian\":[");
    for (int k = 0; k < 3; k++) {
        if (k)
            bmd_sb_puts(sb, ",");
        bmd_sb_num(sb, c->range_m, 1);
    }
    bmd_sb_puts(sb, "]},\"minimumCone\":0,\"maximumCone\":");
    bmd_sb_num(sb, PI_2, 9);
    if (!c->full_circle) {
        double span = fmod(c->az_max_rad - c->az_min_rad, TWO_PI);
        if (span <= 0)
            span += TWO_PI;
        double max_clock = fmod(PI_2 - c->az_min_rad, TWO_PI);
        if (max_clock < 0)
            max_clock += TWO_PI;
        bmd_sb_puts(sb, ",\"minimumClock\":");
        bmd_sb_num(sb, max_clock - span, 9);
        bmd_sb_puts(sb, ",\"maximumClock\":");
        bmd_sb_num(sb, max_clock, 9);
    }
    bmd_sb_puts(sb, ",\"fill\":true,\"material\":");
    solid(sb, PAL_RADAR, PAL_FILL_COVERAGE);
    bmd_sb_puts(sb, ",\"outline\":true,\"outlineColor\":");
    rgba(sb, PAL_RADAR, 0.6);
    bmd_sb_puts(sb, ",\"slicePartitions\":48,\"stackPartitions\":24}}");
}

static void write_area(bmd_strbuf *sb, const bmd_scene *scene, int f)
{
    static const unsigned colour[] = {PAL_FOOTPRINT, PAL_LAUNCH, PAL_TARGET, PAL_OTHER};
    const bmd_scene_area *ar = &scene->areas[scene->features[f].index];
    head(sb, scene, f, ar->name, bmd_area_kind_name(ar->kind));
    bmd_sb_puts(sb, ",\"polygon\":{\"positions\":{\"cartographicDegrees\":[");
    for (int i = 0; i < ar->n; i++) {
        if (i)
            bmd_sb_puts(sb, ",");
        carto(sb, ar->lat_rad[i], ar->lon_rad[i], 0);
    }
    bmd_sb_puts(sb, "]},\"height\":0,\"material\":");
    solid(sb, colour[ar->kind], PAL_FILL_AREA);
    bmd_sb_puts(sb, ",\"outline\":true,\"outlineColor\":");
    rgba(sb, colour[ar->kind], 1);
    bmd_sb_puts(sb, "}}");
}

/* The document packet: name, version, the epoch assumption and a clock over every track. */
static int write_document(bmd_strbuf *sb, const bmd_scene *scene, const bmd_czml_options *opt,
                          bmd_error *err)
{
    double t0 = INFINITY, t1 = -INFINITY;
    for (int i = 0; i < scene->n_tracks; i++) {
        t0 = fmin(t0, scene->tracks[i].launch_s);
        t1 = fmax(t1, scene->tracks[i].end_s);
    }
    if (!(t1 > t0)) {
        t0 = 0;
        t1 = 1;
    }
    char e[40], a[40], b[40];
    int st = bmd_time_format_iso8601(opt->epoch_unix_s, e, sizeof e, err);
    if (!st)
        st = bmd_time_format_iso8601(opt->epoch_unix_s + t0, a, sizeof a, err);
    if (!st)
        st = bmd_time_format_iso8601(opt->epoch_unix_s + t1, b, sizeof b, err);
    if (st)
        return st;
    bmd_sb_puts(sb, "[\n{\"id\":\"document\",\"name\":");
    bmd_sb_json_string(sb, scene->title ? scene->title : "bmdsim");
    bmd_sb_puts(sb, ",\"version\":\"1.0\",\"description\":");
    char text[256];
    snprintf(text, sizeof text, "Made with bmdsim. " BMD_EXPORT_EPOCH_NOTE "%s (launch time is "
             "not modelled). Heights are above the WGS84 ellipsoid.", e);
    bmd_sb_json_string(sb, text);
    bmd_sb_printf(sb, ",\"clock\":{\"interval\":\"%s/%s\",\"currentTime\":\"%s\","
                  "\"multiplier\":", a, b, a);
    bmd_sb_num(sb, opt->clock_multiplier, 3);
    bmd_sb_puts(sb, ",\"range\":\"LOOP_STOP\",\"step\":\"SYSTEM_CLOCK_MULTIPLIER\"}}");
    return BMD_SUCCESS;
}

int bmd_czml_string(const bmd_scene *scene, const bmd_czml_options *opt, char **czml,
                    bmd_error *err)
{
    bmd_czml_options def;
    *czml = NULL;
    if (!opt) {
        bmd_czml_options_init(&def);
        opt = &def;
    }
    if (!(opt->clock_multiplier > 0 && opt->clock_multiplier <= 1e6))
        return bmd_error_set(err, BMD_EINVAL, "CZML clock multiplier %g is outside (0, 1e6]",
                             opt->clock_multiplier);
    bmd_strbuf sb = {0};
    int st = write_document(&sb, scene, opt, err);
    for (int f = 0; f < scene->n_features && !st; f++) {
        switch (scene->features[f].type) {
        case BMD_FEATURE_SITE: write_site(&sb, scene, f); break;
        case BMD_FEATURE_TRACK: st = write_track(&sb, scene, f, opt->epoch_unix_s, err); break;
        case BMD_FEATURE_COVERAGE: write_coverage(&sb, scene, f); break;
        case BMD_FEATURE_AREA: write_area(&sb, scene, f); break;
        }
    }
    if (st) {
        bmd_sb_free(&sb);
        return st;
    }
    bmd_sb_puts(&sb, "\n]\n");
    return bmd_sb_finish(&sb, czml, err);
}

int bmd_czml_write(const bmd_scene *scene, const bmd_czml_options *opt, const char *path,
                   bmd_error *err)
{
    char *czml;
    int st = bmd_czml_string(scene, opt, &czml, err);
    if (st)
        return st;
    st = bmd_atomic_write_string(path, czml, err);
    free(czml);
    return st;
}
