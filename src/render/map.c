/* SVG maps: land, borders, graticule and a scene, clipped to the view. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/atomic_file.h"
#include "render/map_canvas.h"
#include "render/map_internal.h"
#include "render/map_labels.h"
#include "render/map_legend.h"
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
                     bmd_map_area_colour(sc, i), PAL_FILL_AREA);
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
            bmd_map_site_symbol(m->s, sc->sites[i].kind, x, y);
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
        bmd_map_draw_legend(&m, scene, 0, &legend_box);
        bmd_render_boxes_add(&taken, legend_box);
    }
    if (v->scale_bar) {
        bmd_map_draw_scale_bar(&m, 0, &scale_box);
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
        bmd_map_draw_legend(&m, scene, 1, &legend_box);
    if (v->scale_bar)
        bmd_map_draw_scale_bar(&m, 1, &scale_box);
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
