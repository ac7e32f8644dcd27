/* SVG maps: land, borders, graticule and a scene, clipped to the view. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/atomic_file.h"
#include "render/map_canvas.h"
#include "render/map_internal.h"
#include "render/map_labels.h"
#include "export/palette.h"
#include "render/svg.h"
#include "bmd/units.h"

#define COVERAGE_STEP_RAD BMD_RAD_PER_DEG
#define SEA_RGB 0xdde9f3u
#define LAND_RGB 0xf4f1e8u

static void draw_land(mapctx *m, const bmd_world *w)
{
    char style[128], col[8];
    /* fill: one path, even-odd so holes stay open */
    bmd_svg_path_open(m->s);
    for (int i = 0; i < w->n_lines; i++) {
        if (w->lines[i].kind != 'L')
            continue;
        int last = i;
        while (last + 1 < w->n_lines && w->lines[last + 1].kind == 'H')
            last++;
        int ok = 1;
        for (int r = i; r <= last && ok; r++) {
            const world_line *l = &w->lines[r];
            if (!bmd_map_canvas_project(m, w->lat_rad + l->start, w->lon_rad + l->start, l->n, 0, &m->a))
                return;
            ok = bmd_map_fillable(m, &m->a, w->lat_rad + l->start, w->lon_rad + l->start, l->n);
        }
        for (int r = i; r <= last && ok; r++) {
            const world_line *l = &w->lines[r];
            bmd_map_canvas_project(m, w->lat_rad + l->start, w->lon_rad + l->start, l->n, 0, &m->a);
            double sh[3];
            int ns = bmd_map_shifts(m, &m->a, sh);
            for (int k = 0; k < ns; k++)
                bmd_map_fill_ring(m, &m->a, sh[k]);
        }
    }
    snprintf(style, sizeof style, "fill=\"%s\" fill-rule=\"evenodd\" stroke=\"none\"",
             bmd_svg_rgb(LAND_RGB, col));
    bmd_svg_path_end(m->s, style);

    /* coastlines: ring edges except those along the antimeridian cut */
    bmd_svg_path_open(m->s);
    for (int i = 0; i < w->n_lines; i++) {
        const world_line *l = &w->lines[i];
        if (l->kind == 'B')
            continue;
        if (!bmd_map_canvas_project(m, w->lat_rad + l->start, w->lon_rad + l->start, l->n, 0, &m->a))
            return;
        for (int j = 0; j < l->n; j++) {
            double lo1 = w->lon_rad[l->start + j], lo2 = w->lon_rad[l->start + (j + 1) % l->n];
            if (fabs(lo1) > 0.99999 * M_PI && fabs(lo2) > 0.99999 * M_PI)
                m->a.brk[j] = 1;
        }
        double sh[3];
        int ns = bmd_map_shifts(m, &m->a, sh);
        for (int k = 0; k < ns; k++)
            bmd_map_stroke_line(m, &m->a, sh[k], 1);
    }
    bmd_svg_path_end(m->s, "fill=\"none\" stroke=\"#7d8a96\" stroke-width=\"0.7\" "
                       "stroke-linejoin=\"round\"");

    bmd_svg_path_open(m->s);
    for (int i = 0; i < w->n_lines; i++) {
        const world_line *l = &w->lines[i];
        if (l->kind != 'B')
            continue;
        if (!bmd_map_canvas_project(m, w->lat_rad + l->start, w->lon_rad + l->start, l->n, 0, &m->a))
            return;
        double sh[3];
        int ns = bmd_map_shifts(m, &m->a, sh);
        for (int k = 0; k < ns; k++)
            bmd_map_stroke_line(m, &m->a, sh[k], 0);
    }
    bmd_svg_path_end(m->s, "fill=\"none\" stroke=\"#a39e93\" stroke-width=\"0.6\" "
                       "stroke-linejoin=\"round\"");
}

/* Graticule spacing (deg) for the view. */
static double graticule_step(const bmd_map_view *v)
{
    if (v->graticule_deg > 0)
        return v->graticule_deg;
    double r_km = v->radius_m / 1e3;
    return r_km < 800 ? 2 : r_km < 2000 ? 5 : r_km < 6000 ? 10 : 30;
}

/* Project the open polyline lat/lon (n points, rad) and stroke it at each of its wrap shifts;
 * 0 when it cannot be projected. */
static int stroke_projected(mapctx *m, const double *lat, const double *lon, int n)
{
    if (!bmd_map_canvas_project(m, lat, lon, n, 1, &m->a))
        return 0;
    double sh[3];
    int ns = bmd_map_shifts(m, &m->a, sh);
    for (int k = 0; k < ns; k++)
        bmd_map_stroke_line(m, &m->a, sh[k], 0);
    return 1;
}

static void draw_graticule(mapctx *m)
{
    double g = graticule_step(m->v), lat[361], lon[361];
    bmd_svg_path_open(m->s);
    for (double l0 = -180; l0 < 180 - 1e-9; l0 += g) { /* meridians */
        int n = 0;
        for (double la = -90; la <= 90 + 1e-9; la += 1, n++) {
            lat[n] = la * M_PI / 180;
            lon[n] = l0 * M_PI / 180;
        }
        if (!stroke_projected(m, lat, lon, n))
            return;
    }
    for (double la = -90 + g; la < 90 - 1e-9; la += g) { /* parallels */
        int n = 0;
        for (double lo = -180; lo <= 180 + 1e-9; lo += 1, n++) {
            lat[n] = la * M_PI / 180;
            lon[n] = lo * M_PI / 180;
        }
        if (!stroke_projected(m, lat, lon, n))
            return;
    }
    bmd_svg_path_end(m->s, "fill=\"none\" stroke=\"#b7c9da\" stroke-width=\"0.5\"");
}

/* A filled, outlined polygon of the scene (coverage or area). */
static void draw_polygon(mapctx *m, const double *lat, const double *lon, int n, unsigned rgb,
                         double opacity)
{
    char style[200], col[8];
    if (!bmd_map_canvas_project(m, lat, lon, n, 1, &m->a))
        return;
    int all_ok = 1;
    for (int i = 0; i < n; i++)
        all_ok &= m->a.ok[i];
    double sh[3];
    int ns = bmd_map_shifts(m, &m->a, sh);
    if (all_ok) {
        bmd_svg_path_open(m->s);
        for (int k = 0; k < ns; k++)
            bmd_map_fill_ring(m, &m->a, sh[k]);
        snprintf(style, sizeof style, "fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"none\"",
                 bmd_svg_rgb(rgb, col), opacity);
        bmd_svg_path_end(m->s, style);
    }
    bmd_svg_path_open(m->s);
    for (int k = 0; k < ns; k++)
        bmd_map_stroke_line(m, &m->a, sh[k], 1);
    snprintf(style, sizeof style, "fill=\"none\" stroke=\"%s\" stroke-width=\"1.3\" "
             "stroke-linejoin=\"round\"", bmd_svg_rgb(rgb, col));
    bmd_svg_path_end(m->s, style);
}

static unsigned area_rgb(bmd_area_kind k)
{
    return k == BMD_AREA_FOOTPRINT ? PAL_FOOTPRINT
           : k == BMD_AREA_LAUNCH  ? PAL_LAUNCH
           : k == BMD_AREA_TARGET  ? PAL_TARGET
                                   : PAL_OTHER;
}

/* The "min_shots" number of area i (a footprint contour), or 0 when it has none. */
static int area_min_shots(const bmd_scene *sc, int i)
{
    for (int f = 0; f < sc->n_features; f++)
        if (sc->features[f].type == BMD_FEATURE_AREA && sc->features[f].index == i) {
            for (int p = 0; p < sc->n_props; p++)
                if (sc->props[p].feature == f && !sc->props[p].text &&
                    strcmp(sc->props[p].key, "min_shots") == 0)
                    return (int)sc->props[p].number;
            return 0;
        }
    return 0;
}

/* The "probability_band" (1..3) of area i (a coverage-probability polygon of
 * bmd_mc_footprint_scene: P(>= 1 shot) >= 10, 50, 90 %), or 0 when it has none. */
static int area_band(const bmd_scene *sc, int i)
{
    for (int f = 0; f < sc->n_features; f++)
        if (sc->features[f].type == BMD_FEATURE_AREA && sc->features[f].index == i) {
            for (int p = 0; p < sc->n_props; p++)
                if (sc->props[p].feature == f && !sc->props[p].text &&
                    strcmp(sc->props[p].key, "probability_band") == 0)
                    return (int)sc->props[p].number >= 1 && (int)sc->props[p].number <= 3
                               ? (int)sc->props[p].number : 0;
            return 0;
        }
    return 0;
}

/* Colours of the probability bands (light to dark; nested polygons drawn on each other). */
static const unsigned band_rgb[4] = {0, 0xfdae6bu, 0xe6550du, 0x8c2d04u};
static const char *const band_text[4] = {"", "P(\u2265 1 shot) \u2265 10 %",
                                         "P(\u2265 1 shot) \u2265 50 %",
                                         "P(\u2265 1 shot) \u2265 90 %"};

/* Colour of area i: footprint contours of two or more shots darker. */
static unsigned area_colour(const bmd_scene *sc, int i)
{
    if (sc->areas[i].kind == BMD_AREA_FOOTPRINT && area_band(sc, i) > 0)
        return band_rgb[area_band(sc, i)];
    if (sc->areas[i].kind == BMD_AREA_FOOTPRINT && area_min_shots(sc, i) >= 2)
        return PAL_FOOTPRINT2;
    return area_rgb(sc->areas[i].kind);
}

static void draw_scene_shapes(mapctx *m, const bmd_scene *sc)
{
    for (int i = 0; i < sc->n_coverages && !m->failed; i++) {
        const bmd_scene_coverage *c = &sc->coverages[i];
        int cap = bmd_scene_coverage_points(c, COVERAGE_STEP_RAD), n = 0;
        double *lat = malloc((size_t)cap * sizeof *lat), *lon = malloc((size_t)cap * sizeof *lon);
        if (lat && lon &&
            !bmd_scene_coverage_ring(sc, c, COVERAGE_STEP_RAD, lat, lon, cap, &n, NULL))
            draw_polygon(m, lat, lon, n, PAL_RADAR, PAL_FILL_COVERAGE);
        else
            m->failed = 1;
        free(lat);
        free(lon);
    }
    for (int i = 0; i < sc->n_areas; i++)
        draw_polygon(m, sc->areas[i].lat_rad, sc->areas[i].lon_rad, sc->areas[i].n,
                     area_colour(sc, i), PAL_FILL_AREA);
    char style[200], col[8];
    for (int i = 0; i < sc->n_tracks && !m->failed; i++) {
        const bmd_scene_track *t = &sc->tracks[i];
        double *lat = malloc((size_t)t->n_points * sizeof *lat);
        double *lon = malloc((size_t)t->n_points * sizeof *lon);
        if (!lat || !lon) {
            free(lat);
            free(lon);
            m->failed = 1;
            return;
        }
        for (int j = 0; j < t->n_points; j++) {
            lat[j] = t->points[j].lat_rad;
            lon[j] = t->points[j].lon_rad;
        }
        int ok = bmd_map_canvas_project(m, lat, lon, t->n_points, 1, &m->a);
        free(lat);
        free(lon);
        if (!ok)
            return;
        double sh[3];
        int ns = bmd_map_shifts(m, &m->a, sh);
        bmd_svg_path_open(m->s);
        for (int k = 0; k < ns; k++)
            bmd_map_stroke_line(m, &m->a, sh[k], 0);
        int icpt = t->kind == BMD_TRACK_INTERCEPTOR;
        snprintf(style, sizeof style, "fill=\"none\" stroke=\"%s\" stroke-width=\"2.2\" "
                 "stroke-linecap=\"round\"%s", bmd_svg_rgb(icpt ? PAL_INTERCEPTOR : PAL_THREAT, col),
                 icpt ? " stroke-dasharray=\"6 3\"" : "");
        bmd_svg_path_end(m->s, style);
    }
}

/* The symbol of a site kind centred at (x, y). */
static void site_symbol(svg *s, bmd_site_kind kind, double x, double y)
{
    char style[160], col[8];
    switch (kind) {
    case BMD_SITE_RADAR: {
        double px[] = {x, x + 6, x - 6}, py[] = {y - 7, y + 4.5, y + 4.5};
        snprintf(style, sizeof style, "fill=\"%s\" stroke=\"#1b1b1b\" stroke-width=\"0.8\"",
                 bmd_svg_rgb(PAL_RADAR, col));
        bmd_svg_polygon(s, px, py, 3, style);
        break;
    }
    case BMD_SITE_INTERCEPTOR:
        snprintf(style, sizeof style, "fill=\"%s\" stroke=\"#1b1b1b\" stroke-width=\"0.8\"",
                 bmd_svg_rgb(PAL_INTERCEPTOR, col));
        bmd_svg_rect(s, x - 5, y - 5, 10, 10, style);
        break;
    case BMD_SITE_LAUNCH:
        snprintf(style, sizeof style, "fill=\"%s\" stroke=\"#1b1b1b\" stroke-width=\"0.8\"",
                 bmd_svg_rgb(PAL_LAUNCH, col));
        bmd_svg_circle(s, x, y, 5, style);
        break;
    case BMD_SITE_TARGET:
        snprintf(style, sizeof style, "fill=\"#ffffff\" stroke=\"%s\" stroke-width=\"2\"",
                 bmd_svg_rgb(PAL_TARGET, col));
        bmd_svg_circle(s, x, y, 5.5, style);
        bmd_svg_circle(s, x, y, 1.8, "fill=\"#9467bd\"");
        break;
    default:
        bmd_svg_circle(s, x, y, 3.5, "fill=\"#7f7f7f\" stroke=\"#1b1b1b\" stroke-width=\"0.8\"");
    }
}

/* Pixel position of site s when it is inside the frame (the equirectangular copy nearest the
 * centre); 0 when it is not drawn. */
static int site_pixel(const mapctx *m, const bmd_scene_site *s, double *x, double *y)
{
    if (!bmd_map_pixel(m->v, s->lat_rad, s->lon_rad, x, y))
        return 0;
    if (m->period_px > 0) /* equirectangular: the copy nearest the centre */
        *x -= m->period_px * round((*x - m->w / 2) / m->period_px);
    return !(*x < 0 || *x > m->w || *y < 0 || *y > m->h);
}

#define SITE_SYMBOL_R 7.0 /* half the size of the largest site symbol, px */
#define SITE_LABEL_PX 12.0

static void draw_sites(mapctx *m, const bmd_scene *sc)
{
    for (int i = 0; i < sc->n_sites; i++) {
        double x, y;
        if (site_pixel(m, &sc->sites[i], &x, &y))
            site_symbol(m->s, sc->sites[i].kind, x, y);
    }
}

/* The sites' names where they fit (map_labels.h): every symbol is an obstacle first, then each
 * name in scene order takes its first free position; returns how many were dropped. */
static int draw_site_labels(mapctx *m, const bmd_scene *sc, bmd_label_boxes *taken)
{
    int dropped = 0;
    for (int i = 0; i < sc->n_sites; i++) {
        double x, y;
        if (site_pixel(m, &sc->sites[i], &x, &y))
            bmd_render_boxes_add(taken, (bmd_label_box){x - SITE_SYMBOL_R, y - SITE_SYMBOL_R,
                                                        x + SITE_SYMBOL_R, y + SITE_SYMBOL_R});
    }
    for (int i = 0; i < sc->n_sites; i++) {
        double x, y;
        bmd_label_spot spot;
        if (!site_pixel(m, &sc->sites[i], &x, &y))
            continue;
        if (!bmd_render_label_place(x, y, SITE_SYMBOL_R, sc->sites[i].name, SITE_LABEL_PX, m->w,
                                    m->h, 2, taken, &spot)) {
            dropped++;
            continue;
        }
        bmd_svg_text(m->s, spot.x, spot.y, spot.anchor, SITE_LABEL_PX,
                     "class=\"site-label\" fill=\"#111\" stroke=\"#ffffff\" stroke-width=\"3\" "
                     "paint-order=\"stroke\" stroke-linejoin=\"round\"", sc->sites[i].name);
    }
    return dropped;
}

/* Text property key of the first footprint contour in the scene (NULL when none). */
static const char *footprint_text(const bmd_scene *sc, const char *key)
{
    for (int f = 0; f < sc->n_features; f++)
        if (sc->features[f].type == BMD_FEATURE_AREA &&
            sc->areas[sc->features[f].index].kind == BMD_AREA_FOOTPRINT)
            for (int p = 0; p < sc->n_props; p++)
                if (sc->props[p].feature == f && sc->props[p].text &&
                    strcmp(sc->props[p].key, key) == 0)
                    return sc->props[p].text;
    return NULL;
}

/* Number property key of the first footprint contour that has it; 0 when none has. */
static int footprint_number(const bmd_scene *sc, const char *key, double *v)
{
    for (int f = 0; f < sc->n_features; f++)
        if (sc->features[f].type == BMD_FEATURE_AREA &&
            sc->areas[sc->features[f].index].kind == BMD_AREA_FOOTPRINT)
            for (int p = 0; p < sc->n_props; p++)
                if (sc->props[p].feature == f && !sc->props[p].text &&
                    strcmp(sc->props[p].key, key) == 0) {
                    *v = sc->props[p].number;
                    return 1;
                }
    return 0;
}

/* The timeline delays the footprint's verdicts rest on, as one legend line ("delays: track 30 s
 * + decision 10 s + launch 5 s = 45 s; kill assessment 30 s"), from the footprint
 * contours' numbers track_delay_s, decision_delay_s, launch_delay_s and kill_assessment_s and
 * the optional text delays_note; empty when the scene does not carry them. */
static int delay_line(const bmd_scene *sc, char *l3, size_t n)
{
    double t, d, l, k;
    l3[0] = '\0';
    if (!footprint_number(sc, "track_delay_s", &t) ||
        !footprint_number(sc, "decision_delay_s", &d) ||
        !footprint_number(sc, "launch_delay_s", &l))
        return 0;
    int len = snprintf(l3, n, "delays: track %g s + decision %g s + launch %g s = %g s", t, d, l,
                       t + d + l);
    if (len > 0 && (size_t)len < n && footprint_number(sc, "kill_assessment_s", &k))
        len += snprintf(l3 + len, n - (size_t)len, "; kill assessment %g s", k);
    const char *note = footprint_text(sc, "delays_note");
    if (note && len > 0 && (size_t)len < n)
        snprintf(l3 + len, n - (size_t)len, " (%s)", note);
    return 1;
}

/* The assumptions under which the footprints were computed, as up to three legend lines (empty
 * when the scene has no footprint with a mode): "Mode: defended-area footprint", "launch on
 * ..." and the timeline delays (delay_line). */
static int footprint_lines(const bmd_scene *sc, char *l1, char *l2, char *l3, size_t n)
{
    const char *mode = footprint_text(sc, "mode"), *on = footprint_text(sc, "launch_on");
    l1[0] = l2[0] = l3[0] = '\0';
    if (!mode)
        return 0;
    int remote = 0;
    for (int f = 0; f < sc->n_features; f++)
        for (int p = 0; p < sc->n_props; p++)
            if (sc->props[p].feature == f && !sc->props[p].text &&
                strcmp(sc->props[p].key, "engage_on_remote") == 0 && sc->props[p].number != 0)
                remote = 1;
    snprintf(l1, n, "Mode: %s footprint", mode);
    snprintf(l2, n, "launch on %s; %s", on ? on : "(not given)",
             remote ? "engage on remote" : "own radar at intercept");
    return 2 + delay_line(sc, l3, n);
}

/* Legend entries present in the scene; draw 0 only measures. The legend's box goes to *box
 * (zero size when there is no legend). */
static void draw_legend(mapctx *m, const bmd_scene *sc, int draw, bmd_label_box *box)
{
    char notes[3][200];
    int n_notes = footprint_lines(sc, notes[0], notes[1], notes[2], sizeof notes[0]);
    int site_kinds[5] = {0}, area_kinds[4] = {0}, threats = 0, interceptors = 0, n = 0;
    int shots[3] = {0}; /* footprint contours: [0] without min_shots, [1] >= 1, [2] >= 2 */
    int bands[4] = {0};  /* coverage-probability bands present */
    for (int i = 0; i < sc->n_sites; i++)
        site_kinds[sc->sites[i].kind] = 1;
    for (int i = 0; i < sc->n_areas; i++) {
        area_kinds[sc->areas[i].kind] = 1;
        if (sc->areas[i].kind == BMD_AREA_FOOTPRINT && area_band(sc, i) > 0) {
            bands[area_band(sc, i)] = 1; /* a band of its own in the legend */
        } else if (sc->areas[i].kind == BMD_AREA_FOOTPRINT) {
            int k = area_min_shots(sc, i);
            shots[k >= 2 ? 2 : k == 1 ? 1 : 0] = 1;
        }
    }
    if (area_kinds[BMD_AREA_FOOTPRINT] && (shots[1] || shots[2])) {
        area_kinds[BMD_AREA_FOOTPRINT] = shots[0];
        n += shots[1] + shots[2];
    }
    if (bands[1] || bands[2] || bands[3]) {
        area_kinds[BMD_AREA_FOOTPRINT] = shots[0] || shots[1] || shots[2];
        n += bands[1] + bands[2] + bands[3];
    }
    for (int i = 0; i < sc->n_tracks; i++) {
        threats |= sc->tracks[i].kind == BMD_TRACK_THREAT;
        interceptors |= sc->tracks[i].kind == BMD_TRACK_INTERCEPTOR;
    }
    for (int k = 0; k < 5; k++)
        n += site_kinds[k];
    for (int k = 0; k < 4; k++)
        n += area_kinds[k];
    n += threats + interceptors + (sc->n_coverages > 0);
    *box = (bmd_label_box){0, 0, 0, 0};
    if (n == 0 && n_notes == 0)
        return;
    double box_w = 190;
    for (int k = 0; k < n_notes; k++) {
        double tw = 20 + bmd_render_text_width(notes[k], 11);
        box_w = tw > box_w ? tw : box_w;
    }
    n += n_notes;
    double box_y = m->h - 10 - (12 + 18.0 * n);
    *box = (bmd_label_box){10, box_y, 10 + box_w, m->h - 10};
    if (!draw)
        return;
    static const char *site_names[] = {"Radar", "Interceptor site", "Launch point", "Target",
                                       "Site"};
    static const char *area_names[] = {"Defended footprint", "Launch area", "Target area",
                                       "Area"};
    double x = 10, y = box_y, row = y + 16;
    bmd_svg_rect(m->s, x, y, box_w, 12 + 18.0 * n,
             "fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"#999\"");
    char style[200], col[8];
    for (int k = 0; k < 5; k++)
        if (site_kinds[k]) {
            site_symbol(m->s, (bmd_site_kind)k, x + 18, row - 4);
            bmd_svg_text(m->s, x + 36, row, "start", 12, "fill=\"#222\"", site_names[k]);
            row += 18;
        }
    if (threats || interceptors)
        for (int k = 0; k < 2; k++) {
            if (!(k ? interceptors : threats))
                continue;
            snprintf(style, sizeof style, "stroke=\"%s\" stroke-width=\"2.2\"%s",
                     bmd_svg_rgb(k ? PAL_INTERCEPTOR : PAL_THREAT, col),
                     k ? " stroke-dasharray=\"6 3\"" : "");
            bmd_svg_line(m->s, x + 6, row - 4, x + 30, row - 4, style);
            bmd_svg_text(m->s, x + 36, row, "start", 12, "fill=\"#222\"",
                     k ? "Interceptor ground track" : "Threat ground track");
            row += 18;
        }
    if (sc->n_coverages > 0) {
        snprintf(style, sizeof style, "fill=\"%s\" fill-opacity=\"0.25\" stroke=\"%s\"",
                 bmd_svg_rgb(PAL_RADAR, col), col);
        bmd_svg_rect(m->s, x + 6, row - 10, 24, 10, style);
        bmd_svg_text(m->s, x + 36, row, "start", 12, "fill=\"#222\"", "Radar coverage");
        row += 18;
    }
    for (int k = 0; k < 4; k++)
        if (area_kinds[k]) {
            snprintf(style, sizeof style, "fill=\"%s\" fill-opacity=\"0.4\" stroke=\"%s\"",
                     bmd_svg_rgb(area_rgb((bmd_area_kind)k), col), col);
            bmd_svg_rect(m->s, x + 6, row - 10, 24, 10, style);
            bmd_svg_text(m->s, x + 36, row, "start", 12, "fill=\"#222\"", area_names[k]);
            row += 18;
        }
    for (int k = 1; k <= 2; k++)
        if (shots[k]) {
            /* as drawn: the >= 2 region lies on the >= 1 region */
            snprintf(style, sizeof style, "fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"%s\"",
                     bmd_svg_rgb(PAL_FOOTPRINT, col), PAL_FILL_AREA, col);
            bmd_svg_rect(m->s, x + 6, row - 10, 24, 10, style);
            if (k == 2) {
                snprintf(style, sizeof style, "fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"%s\"",
                         bmd_svg_rgb(PAL_FOOTPRINT2, col), PAL_FILL_AREA, col);
                bmd_svg_rect(m->s, x + 6, row - 10, 24, 10, style);
            }
            bmd_svg_text(m->s, x + 36, row, "start", 12, "fill=\"#222\"",
                     k == 1 ? "Footprint: \u2265 1 shot" : "Footprint: \u2265 2 shots");
            row += 18;
        }
    for (int b = 1; b <= 3; b++)
        if (bands[b]) { /* as drawn: each band's polygon lies on the lower bands' */
            for (int k = 1; k <= b; k++) {
                snprintf(style, sizeof style, "fill=\"%s\" fill-opacity=\"%.2f\" stroke=\"%s\"",
                         bmd_svg_rgb(band_rgb[k], col), PAL_FILL_AREA, col);
                bmd_svg_rect(m->s, x + 6, row - 10, 24, 10, style);
            }
            bmd_svg_text(m->s, x + 36, row, "start", 12, "fill=\"#222\"", band_text[b]);
            row += 18;
        }
    for (int k = 0; k < n_notes; k++) { /* the assumptions the footprints depend on */
        bmd_svg_text(m->s, x + 6, row, "start", 11, "class=\"legend-assumption\" fill=\"#222\"",
                     notes[k]);
        row += 18;
    }
}

/* A km scale bar at the bottom right: four alternating segments. Its length is true at the map
 * centre (azimuthal equidistant: along every line from the centre; equirectangular: along the
 * centre's parallel and meridian); the group carries data-km and data-px for checking. The bar's
 * box goes to *box; draw 0 only measures. */
static void draw_scale_bar(mapctx *m, int draw, bmd_label_box *box)
{
    double width_km = m->w / m->k / 1e3;
    double len_km = bmd_svg_nice_step(width_km / 5, 1);
    double len_px = len_km * 1e3 * m->k, x1 = m->w - 24, x0 = x1 - len_px, y = m->h - 26;
    *box = (bmd_label_box){x0 - 12, y - 30, x0 + len_px + 18, y + 18};
    if (!draw)
        return;
    char attrs[96];
    snprintf(attrs, sizeof attrs, "class=\"scale-bar\" data-km=\"%g\" data-px=\"%.4f\"", len_km,
             len_px);
    bmd_svg_group_open(m->s, attrs);
    bmd_svg_rect(m->s, x0 - 12, y - 30, len_px + 30, 48,
             "fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"#999\"");
    for (int i = 0; i < 4; i++)
        bmd_svg_rect(m->s, x0 + len_px * i / 4, y - 4, len_px / 4, 6,
                 i % 2 ? "fill=\"#ffffff\" stroke=\"#222\" stroke-width=\"0.8\""
                       : "fill=\"#222\" stroke=\"#222\" stroke-width=\"0.8\"");
    char buf[64];
    snprintf(buf, sizeof buf, "%g km (%.0f mi)", len_km, len_km / 1.609344);
    bmd_svg_text(m->s, x0, y - 10, "start", 11, "fill=\"#222\"", "0");
    bmd_svg_text(m->s, x1, y - 10, "end", 11, "fill=\"#222\"", buf);
    bmd_svg_text(m->s, (x0 + x1) / 2, y + 15, "middle", 9, "fill=\"#555\"",
             m->v->projection == BMD_PROJ_AZIMUTHAL_EQUIDISTANT ? "true along lines from the centre"
                                                              : "true along the centre parallel");
    bmd_svg_group_close(m->s);
}

int bmd_map_svg(const bmd_map_view *v, const bmd_world *world, const bmd_scene *scene,
                char **out, bmd_error *err)
{
    *out = NULL;
    int st = bmd_map_view_check(v, err);
    if (st)
        return st;
    svg s;
    mapctx m = {0};
    m.v = v;
    m.s = &s;
    m.w = v->width_px;
    m.h = v->height_px;
    m.k = bmd_map_scale_px_per_m(v);
    m.x0 = -2;
    m.y0 = -2;
    m.x1 = m.w + 2;
    m.y1 = m.h + 2;
    if (v->projection == BMD_PROJ_EQUIRECTANGULAR)
        m.period_px = m.k * 2 * M_PI * BMD_EARTH_MEAN_RADIUS_M * cos(v->center_lat_rad);
    else
        m.jump_px = m.k * 0.5 * M_PI * BMD_EARTH_MEAN_RADIUS_M;
    const char *title = v->title ? v->title : scene && scene->title ? scene->title : NULL;
    char col[8], style[96];
    bmd_svg_begin(&s, m.w, m.h, title ? title : "bmdsim map");
    bmd_svg_clip_rect(&s, "map-frame", 0, 0, m.w, m.h);
    snprintf(style, sizeof style, "fill=\"%s\"", bmd_svg_rgb(SEA_RGB, col));
    bmd_svg_rect(&s, 0, 0, m.w, m.h, style);
    bmd_svg_group_open(&s, "clip-path=\"url(#map-frame)\"");
    if (world)
        draw_land(&m, world);
    draw_graticule(&m);
    if (scene) {
        draw_scene_shapes(&m, scene);
        draw_sites(&m, scene);
    }
    bmd_svg_group_close(&s);
    /* the boxes labels must not cover: title, legend, scale bar, attribution, then symbols */
    int cap = 8 + 2 * (scene ? scene->n_sites : 0) + 200;
    bmd_label_boxes taken = {calloc((size_t)cap, sizeof(bmd_label_box)), 0, cap};
    if (!taken.box)
        m.failed = 1;
    double title_w = 0;
    if (title) {
        double tw = 16 + 8.6 * (double)strlen(title);
        title_w = tw < m.w - 16 ? tw : m.w - 16;
        bmd_render_boxes_add(&taken, (bmd_label_box){8, 8, 8 + title_w, 38});
    }
    bmd_label_box legend_box = {0, 0, 0, 0}, scale_box = {0, 0, 0, 0};
    if (scene && v->legend) {
        draw_legend(&m, scene, 0, &legend_box);
        bmd_render_boxes_add(&taken, legend_box);
    }
    if (v->scale_bar) {
        draw_scale_bar(&m, 0, &scale_box);
        bmd_render_boxes_add(&taken, scale_box);
    }
    if (world)
        bmd_render_boxes_add(&taken, (bmd_label_box){m.w - 8 - bmd_render_text_width(
                                                         "Made with Natural Earth (public domain)", 9),
                                                     4, m.w - 8, 17});
    int dropped = scene && taken.box ? draw_site_labels(&m, scene, &taken) : 0;
    int g_dropped = taken.box ? bmd_render_graticule_labels(&m, graticule_step(v), &taken) : 0;
    char note[160];
    snprintf(note, sizeof note, "labels: %d site label%s and %d graticule label%s dropped to avoid "
             "overlaps", dropped, dropped == 1 ? "" : "s", g_dropped, g_dropped == 1 ? "" : "s");
    bmd_svg_comment(&s, note);
    free(taken.box);
    if (title) {
        bmd_svg_rect(&s, 8, 8, title_w, 30,
                 "fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"#999\"");
        bmd_svg_text(&s, 16, 29, "start", 16, "font-weight=\"bold\" fill=\"#222\"", title);
    }
    if (scene && v->legend)
        draw_legend(&m, scene, 1, &legend_box);
    if (v->scale_bar)
        draw_scale_bar(&m, 1, &scale_box);
    if (world)
        bmd_svg_text(&s, m.w - 8, 14, "end", 9, "fill=\"#555\"",
                 "Made with Natural Earth (public domain)");
    bmd_svg_rect(&s, 0.5, 0.5, m.w - 1, m.h - 1, "fill=\"none\" stroke=\"#666\"");
    bmd_map_pbuf_free(&m.a);
    bmd_map_pbuf_free(&m.b);
    bmd_map_pbuf_free(&m.c);
    if (m.failed) {
        bmd_svg_discard(&s);
        return bmd_error_set(err, BMD_ENOMEM, "out of memory drawing the map");
    }
    return bmd_svg_finish(&s, out, err);
}

int bmd_map_write_svg(const bmd_map_view *view, const bmd_world *world, const bmd_scene *scene,
                      const char *path, bmd_error *err)
{
    char *text;
    int st = bmd_map_svg(view, world, scene, &text, err);
    if (st)
        return st;
    st = bmd_atomic_write_string(path, text, err);
    free(text);
    return st;
}
