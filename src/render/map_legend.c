/* The SVG map's key: colours and symbols of scene elements, the legend (with the assumptions
 * the footprints rest on) and the scale bar (internal to src/render; used by map.c). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render/map_legend.h"
#include "render/map_labels.h"
#include "export/palette.h"
#include "render/svg.h"

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
unsigned bmd_map_area_colour(const bmd_scene *sc, int i)
{
    if (sc->areas[i].kind == BMD_AREA_FOOTPRINT && area_band(sc, i) > 0)
        return band_rgb[area_band(sc, i)];
    if (sc->areas[i].kind == BMD_AREA_FOOTPRINT && area_min_shots(sc, i) >= 2)
        return PAL_FOOTPRINT2;
    return area_rgb(sc->areas[i].kind);
}

/* The symbol of a site kind centred at (x, y). */
void bmd_map_site_symbol(svg *s, bmd_site_kind kind, double x, double y)
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
void bmd_map_draw_legend(mapctx *m, const bmd_scene *sc, int draw, bmd_label_box *box)
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
            bmd_map_site_symbol(m->s, (bmd_site_kind)k, x + 18, row - 4);
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

/* A scale bar at the bottom right: four alternating segments, a round length in the view's
 * scale_units (km, with miles beside it; statute miles, with km; nautical miles, with km). Its
 * length is true at the map centre (azimuthal equidistant: along every line from the centre;
 * equirectangular: along the centre's parallel and meridian); the group carries data-km (its
 * length in km, whatever the unit) and data-px for checking. The bar's box goes to *box; draw 0
 * only measures. */
void bmd_map_draw_scale_bar(mapctx *m, int draw, bmd_label_box *box)
{
    /* metres per unit of the bar, its unit and the unit named beside it */
    bmd_unit_system u = m->v->scale_units;
    double unit_m = u == BMD_UNITS_IMPERIAL ? 1609.344 : u == BMD_UNITS_NAUTICAL ? 1852.0 : 1e3;
    const char *name = u == BMD_UNITS_IMPERIAL ? "mi" : u == BMD_UNITS_NAUTICAL ? "nmi" : "km";
    double len_u = bmd_svg_nice_step(m->w / m->k / unit_m / 5, 1);
    double len_km = len_u * unit_m / 1e3;
    double len_px = len_u * unit_m * m->k, x1 = m->w - 24, x0 = x1 - len_px, y = m->h - 26;
    *box = (bmd_label_box){x0 - 12, y - 30, x0 + len_px + 18, y + 18};
    if (!draw)
        return;
    char attrs[96];
    snprintf(attrs, sizeof attrs, "class=\"scale-bar\" data-km=\"%.10g\" data-px=\"%.4f\" "
             "data-unit=\"%s\"", len_km, len_px, name);
    bmd_svg_group_open(m->s, attrs);
    bmd_svg_rect(m->s, x0 - 12, y - 30, len_px + 30, 48,
             "fill=\"#ffffff\" fill-opacity=\"0.92\" stroke=\"#999\"");
    for (int i = 0; i < 4; i++)
        bmd_svg_rect(m->s, x0 + len_px * i / 4, y - 4, len_px / 4, 6,
                 i % 2 ? "fill=\"#ffffff\" stroke=\"#222\" stroke-width=\"0.8\""
                       : "fill=\"#222\" stroke=\"#222\" stroke-width=\"0.8\"");
    char buf[64];
    if (u == BMD_UNITS_IMPERIAL || u == BMD_UNITS_NAUTICAL)
        snprintf(buf, sizeof buf, "%g %s (%.0f km)", len_u, name, len_km);
    else
        snprintf(buf, sizeof buf, "%g km (%.0f mi)", len_km, len_km / 1.609344);
    bmd_svg_text(m->s, x0, y - 10, "start", 11, "fill=\"#222\"", "0");
    bmd_svg_text(m->s, x1, y - 10, "end", 11, "fill=\"#222\"", buf);
    bmd_svg_text(m->s, (x0 + x1) / 2, y + 15, "middle", 9, "fill=\"#555\"",
             m->v->projection == BMD_PROJ_AZIMUTHAL_EQUIDISTANT ? "true along lines from the centre"
                                                              : "true along the centre parallel");
    bmd_svg_group_close(m->s);
}

