/* KML 2.2 export of a scene for Google Earth. */
#include "bmd/kml.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/atomic_file.h"
#include "bmd/czml.h"
#include "export/time_track_internal.h"
#include "export/palette.h"
#include "core/strbuf.h"
#include "bmd/units.h"

#define DEG_DECIMALS 7
#define COVERAGE_STEP_RAD BMD_RAD_PER_DEG

/* A style of the document: id, meaning (legend text), colour, line width, fill opacity. */
typedef struct kml_style {
    const char *id, *legend;
    unsigned rgb;
    double width;      /* 0: the trajectory width of the options */
    double fill;       /* polygon fill opacity; 0: no PolyStyle */
} kml_style;

static const kml_style styles[] = {
    {"threat", "Threat trajectory", PAL_THREAT, 0, 0.25},
    {"interceptor", "Interceptor trajectory", PAL_INTERCEPTOR, 0, 0.25},
    {"site-radar", "Radar", PAL_RADAR, 2, 0},
    {"site-interceptor", "Interceptor site", PAL_INTERCEPTOR, 2, 0},
    {"site-launch", "Launch point", PAL_LAUNCH, 2, 0},
    {"site-target", "Target", PAL_TARGET, 2, 0},
    {"site-other", "Site", PAL_OTHER, 2, 0},
    {"coverage", "Radar coverage", PAL_RADAR, 1.5, PAL_FILL_COVERAGE},
    {"area-footprint", "Defended footprint", PAL_FOOTPRINT, 1.5, PAL_FILL_AREA},
    {"area-launch", "Launch area", PAL_LAUNCH, 1.5, PAL_FILL_AREA},
    {"area-target", "Target area", PAL_TARGET, 1.5, PAL_FILL_AREA},
    {"area-other", "Area", PAL_OTHER, 1.5, PAL_FILL_AREA},
};

void bmd_kml_options_init(bmd_kml_options *opt)
{
    opt->extrude_tracks = 0;
    opt->line_width_px = 3;
    opt->time_tracks = 0;
    opt->epoch_unix_s = BMD_EPOCH_DEFAULT_UNIX_S;
}

/* KML colour aabbggrr from RGB and opacity. */
static void kml_color(bmd_strbuf *sb, unsigned rgb, double alpha)
{
    unsigned a = (unsigned)lround(alpha * 255);
    bmd_sb_printf(sb, "%02x%02x%02x%02x", a, rgb & 0xff, (rgb >> 8) & 0xff, (rgb >> 16) & 0xff);
}

/* <name> and <description> elements. */
static void name_element(bmd_strbuf *sb, const char *name)
{
    bmd_sb_puts(sb, "<name>");
    bmd_sb_xml(sb, name);
    bmd_sb_puts(sb, "</name>");
}

/* One coordinate tuple lon,lat[,alt]. */
static void tuple(bmd_strbuf *sb, double lat_rad, double lon_rad, double alt_m, int with_alt)
{
    bmd_sb_num(sb, remainder(bmd_rad_to_deg(lon_rad), 360.0), DEG_DECIMALS);
    bmd_sb_puts(sb, ",");
    bmd_sb_num(sb, bmd_rad_to_deg(lat_rad), DEG_DECIMALS);
    if (with_alt) {
        bmd_sb_puts(sb, ",");
        bmd_sb_num(sb, alt_m, 1);
    }
}

/* Index of the last scene property named key of feature f, or -1: names are unique in an
 * ExtendedData (a scene property replaces the writer's own value; the last of repeats wins). */
static int scene_property(const bmd_scene *scene, int f, const char *key)
{
    for (int i = scene->n_props - 1; i >= 0; i--)
        if (scene->props[i].feature == f && strcmp(scene->props[i].key, key) == 0)
            return i;
    return -1;
}

/* ExtendedData with the scene's properties of feature f plus the given extras (key/number). */
static void extended_data(bmd_strbuf *sb, const bmd_scene *scene, int f, const char **keys,
                          const double *values, int n_extra)
{
    int any = n_extra > 0;
    for (int i = 0; i < scene->n_props && !any; i++)
        any = scene->props[i].feature == f;
    if (!any)
        return;
    bmd_sb_puts(sb, "<ExtendedData>");
    for (int i = 0; i < n_extra; i++) {
        if (!isfinite(values[i]) || scene_property(scene, f, keys[i]) >= 0)
            continue;
        bmd_sb_puts(sb, "<Data name=\"");
        bmd_sb_xml(sb, keys[i]);
        bmd_sb_puts(sb, "\"><value>");
        bmd_sb_num(sb, values[i], 3);
        bmd_sb_puts(sb, "</value></Data>");
    }
    for (int i = 0; i < scene->n_props; i++) {
        const bmd_scene_property *p = &scene->props[i];
        if (p->feature != f || scene_property(scene, f, p->key) != i)
            continue;
        bmd_sb_puts(sb, "<Data name=\"");
        bmd_sb_xml(sb, p->key);
        bmd_sb_puts(sb, "\"><value>");
        if (p->text)
            bmd_sb_xml(sb, p->text);
        else
            bmd_sb_num(sb, p->number, 6);
        bmd_sb_puts(sb, "</value></Data>");
    }
    bmd_sb_puts(sb, "</ExtendedData>");
}

static void write_styles(bmd_strbuf *sb, const bmd_kml_options *opt)
{
    for (size_t i = 0; i < sizeof styles / sizeof *styles; i++) {
        const kml_style *s = &styles[i];
        bmd_sb_printf(sb, "<Style id=\"%s\">", s->id);
        if (s->fill == 0 && s->width == 2) { /* a site: coloured pushpin-free dot */
            bmd_sb_puts(sb, "<IconStyle><color>");
            kml_color(sb, s->rgb, 1);
            bmd_sb_puts(sb, "</color><scale>1.1</scale><Icon><href>"
                        "http://maps.google.com/mapfiles/kml/shapes/placemark_circle.png"
                        "</href></Icon></IconStyle>");
        }
        bmd_sb_puts(sb, "<LineStyle><color>");
        kml_color(sb, s->rgb, 1);
        bmd_sb_puts(sb, "</color><width>");
        bmd_sb_num(sb, s->width > 0 ? s->width : opt->line_width_px, 2);
        bmd_sb_puts(sb, "</width></LineStyle>");
        if (s->fill > 0) {
            bmd_sb_puts(sb, "<PolyStyle><color>");
            kml_color(sb, s->rgb, s->fill);
            bmd_sb_puts(sb, "</color></PolyStyle>");
        }
        bmd_sb_puts(sb, "</Style>\n");
    }
}

static void write_legend(bmd_strbuf *sb)
{
    bmd_sb_puts(sb, "<Folder><name>Legend</name><open>1</open><description>Colours of this "
                "document</description>\n");
    for (size_t i = 0; i < sizeof styles / sizeof *styles; i++) {
        bmd_sb_puts(sb, "<Placemark>");
        name_element(sb, styles[i].legend);
        bmd_sb_printf(sb, "<styleUrl>#%s</styleUrl></Placemark>\n", styles[i].id);
    }
    bmd_sb_puts(sb, "</Folder>\n");
}

/* A closed ring of n points (rad) as a tessellated, ground-clamped Polygon. */
static void polygon(bmd_strbuf *sb, const double *lat, const double *lon, int n)
{
    bmd_sb_puts(sb, "<Polygon><tessellate>1</tessellate><altitudeMode>clampToGround</altitudeMode>"
                "<outerBoundaryIs><LinearRing><coordinates>");
    for (int i = 0; i <= n; i++) {
        if (i)
            bmd_sb_puts(sb, " ");
        tuple(sb, lat[i % n], lon[i % n], 0, 0);
    }
    bmd_sb_puts(sb, "</coordinates></LinearRing></outerBoundaryIs></Polygon>");
}

static void write_sites(bmd_strbuf *sb, const bmd_scene *scene)
{
    static const char *style_of[] = {"site-radar", "site-interceptor", "site-launch",
                                     "site-target", "site-other"};
    bmd_sb_puts(sb, "<Folder><name>Sites</name>\n");
    for (int f = 0; f < scene->n_features; f++) {
        if (scene->features[f].type != BMD_FEATURE_SITE)
            continue;
        const bmd_scene_site *s = &scene->sites[scene->features[f].index];
        bmd_sb_puts(sb, "<Placemark>");
        name_element(sb, s->name);
        bmd_sb_puts(sb, "<description>");
        bmd_sb_xml(sb, bmd_site_kind_name(s->kind));
        bmd_sb_printf(sb, "</description><styleUrl>#%s</styleUrl>", style_of[s->kind]);
        extended_data(sb, scene, f, NULL, NULL, 0);
        bmd_sb_puts(sb, "<Point><coordinates>");
        tuple(sb, s->lat_rad, s->lon_rad, 0, 0);
        bmd_sb_puts(sb, "</coordinates></Point></Placemark>\n");
    }
    bmd_sb_puts(sb, "</Folder>\n");
}

static void write_tracks(bmd_strbuf *sb, const bmd_scene *scene, const bmd_kml_options *opt)
{
    bmd_sb_puts(sb, "<Folder><name>Trajectories</name>\n");
    for (int f = 0; f < scene->n_features; f++) {
        if (scene->features[f].type != BMD_FEATURE_TRACK)
            continue;
        const bmd_scene_track *t = &scene->tracks[scene->features[f].index];
        bmd_sb_puts(sb, "<Placemark>");
        name_element(sb, t->name);
        bmd_sb_puts(sb, "<description>");
        if (t->missile) {
            bmd_sb_xml(sb, t->missile);
            bmd_sb_puts(sb, ": ");
        }
        bmd_sb_printf(sb, "%s trajectory, range %.0f km, apogee %.0f km, %.0f s of flight",
                  bmd_track_kind_name(t->kind), t->range_m / 1e3, t->apogee_m / 1e3,
                  t->end_s - t->launch_s);
        bmd_sb_printf(sb, "</description><styleUrl>#%s</styleUrl>",
                  t->kind == BMD_TRACK_INTERCEPTOR ? "interceptor" : "threat");
        static const char *keys[] = {"start_time_s", "end_time_s", "range_km", "apogee_km"};
        double values[] = {t->launch_s, t->end_s, t->range_m / 1e3, t->apogee_m / 1e3};
        extended_data(sb, scene, f, keys, values, 4);
        bmd_sb_printf(sb, "<LineString><extrude>%d</extrude><tessellate>0</tessellate>"
                      "<altitudeMode>absolute</altitudeMode><coordinates>",
                  opt->extrude_tracks ? 1 : 0);
        for (int i = 0; i < t->n_points; i++) {
            if (i)
                bmd_sb_puts(sb, " ");
            tuple(sb, t->points[i].lat_rad, t->points[i].lon_rad, t->points[i].altitude_m, 1);
        }
        bmd_sb_puts(sb, "</coordinates></LineString></Placemark>\n");
    }
    bmd_sb_puts(sb, "</Folder>\n");
}

static int write_coverages(bmd_strbuf *sb, const bmd_scene *scene, bmd_error *err)
{
    bmd_sb_puts(sb, "<Folder><name>Radar coverage</name>\n");
    for (int f = 0; f < scene->n_features; f++) {
        if (scene->features[f].type != BMD_FEATURE_COVERAGE)
            continue;
        const bmd_scene_coverage *c = &scene->coverages[scene->features[f].index];
        int cap = bmd_scene_coverage_points(c, COVERAGE_STEP_RAD), n = 0;
        double *lat = malloc((size_t)cap * sizeof *lat), *lon = malloc((size_t)cap * sizeof *lon);
        int st = lat && lon ? bmd_scene_coverage_ring(scene, c, COVERAGE_STEP_RAD, lat, lon, cap,
                                                       &n, err)
                            : bmd_error_set(err, BMD_ENOMEM, "out of memory writing coverage "
                                            "'%s'", c->name);
        if (!st) {
            bmd_sb_puts(sb, "<Placemark>");
            name_element(sb, c->name);
            bmd_sb_printf(sb, "<description>radar coverage, %.0f km", c->range_m / 1e3);
            if (!c->full_circle)
                bmd_sb_printf(sb, ", azimuth %.1f to %.1f deg", bmd_rad_to_deg(c->az_min_rad),
                          bmd_rad_to_deg(c->az_max_rad));
            bmd_sb_puts(sb, "</description><styleUrl>#coverage</styleUrl>");
            static const char *keys[] = {"range_km"};
            double values[] = {c->range_m / 1e3};
            extended_data(sb, scene, f, keys, values, 1);
            polygon(sb, lat, lon, n);
            bmd_sb_puts(sb, "</Placemark>\n");
        }
        free(lat);
        free(lon);
        if (st)
            return st;
    }
    bmd_sb_puts(sb, "</Folder>\n");
    return BMD_SUCCESS;
}

static void write_areas(bmd_strbuf *sb, const bmd_scene *scene)
{
    static const char *style_of[] = {"area-footprint", "area-launch", "area-target",
                                     "area-other"};
    bmd_sb_puts(sb, "<Folder><name>Areas</name>\n");
    for (int f = 0; f < scene->n_features; f++) {
        if (scene->features[f].type != BMD_FEATURE_AREA)
            continue;
        const bmd_scene_area *a = &scene->areas[scene->features[f].index];
        bmd_sb_puts(sb, "<Placemark>");
        name_element(sb, a->name);
        bmd_sb_puts(sb, "<description>");
        bmd_sb_xml(sb, bmd_area_kind_name(a->kind));
        bmd_sb_printf(sb, "</description><styleUrl>#%s</styleUrl>", style_of[a->kind]);
        extended_data(sb, scene, f, NULL, NULL, 0);
        polygon(sb, a->lat_rad, a->lon_rad, a->n);
        bmd_sb_puts(sb, "</Placemark>\n");
    }
    bmd_sb_puts(sb, "</Folder>\n");
}

int bmd_kml_string(const bmd_scene *scene, const bmd_kml_options *opt, char **kml,
                   bmd_error *err)
{
    bmd_kml_options def;
    *kml = NULL;
    if (!opt) {
        bmd_kml_options_init(&def);
        opt = &def;
    }
    if (!(opt->line_width_px > 0 && opt->line_width_px <= 100))
        return bmd_error_set(err, BMD_EINVAL, "KML line width %g px is outside (0, 100]",
                             opt->line_width_px);
    bmd_strbuf sb = {0};
    bmd_sb_puts(&sb, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                 "<kml xmlns=\"http://www.opengis.net/kml/2.2\"");
    if (opt->time_tracks)
        bmd_sb_puts(&sb, " xmlns:gx=\"http://www.google.com/kml/ext/2.2\"");
    bmd_sb_puts(&sb, ">\n<Document>");
    name_element(&sb, scene->title ? scene->title : "bmdsim");
    bmd_sb_puts(&sb, "<open>1</open><description>Made with bmdsim</description>\n");
    write_styles(&sb, opt);
    write_legend(&sb);
    write_sites(&sb, scene);
    write_tracks(&sb, scene, opt);
    int st = opt->time_tracks ? bmd_export_kml_time_tracks(&sb, scene, opt->epoch_unix_s, err) : 0;
    if (!st)
        st = write_coverages(&sb, scene, err);
    if (st) {
        bmd_sb_free(&sb);
        return st;
    }
    write_areas(&sb, scene);
    bmd_sb_puts(&sb, "</Document>\n</kml>\n");
    return bmd_sb_finish(&sb, kml, err);
}

int bmd_kml_write(const bmd_scene *scene, const bmd_kml_options *opt, const char *path,
                  bmd_error *err)
{
    char *kml;
    int st = bmd_kml_string(scene, opt, &kml, err);
    if (st)
        return st;
    st = bmd_atomic_write_string(path, kml, err);
    free(kml);
    return st;
}
