/* Figures of the report (bmd/report.h): the scenario map, and per threat its altitude against
 * ground range with the intercept window and the engagement timeline of every site. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/geodesy.h"
#include "bmd/plot.h"
#include "report/report_internal.h"

#define MAX_MARKERS 64

/* A view centred on the defence (sites and radar sensors) that shows them with a margin. */
static void defense_view(const bmd_report *r, bmd_map_view *view)
{
    const bmd_scenario *scn = r->an->scn;
    double v[3] = {0, 0, 0};
    int n = 0;
    for (int i = 0; i < scn->n_sites + scn->n_sensors; i++) {
        const bmd_scenario_point *p = i < scn->n_sites ? &scn->sites[i].site
                                                       : &scn->sensors[i - scn->n_sites].site;
        if (i >= scn->n_sites && scn->sensors[i - scn->n_sites].kind != BMD_SCENARIO_SENSOR_RADAR)
            continue;
        v[0] += cos(p->lat_rad) * cos(p->lon_rad);
        v[1] += cos(p->lat_rad) * sin(p->lon_rad);
        v[2] += sin(p->lat_rad);
        n++;
    }
    view->center_lat_rad = atan2(v[2], hypot(v[0], v[1]));
    view->center_lon_rad = atan2(v[1], v[0]);
    double far = 0;
    for (int i = 0; i < scn->n_sites; i++) {
        double d;
        bmd_geodesy_inverse(&scn->earth, view->center_lat_rad, view->center_lon_rad,
                            scn->sites[i].site.lat_rad, scn->sites[i].site.lon_rad, &d, NULL,
                            NULL);
        far = fmax(far, d);
    }
    view->radius_m = fmax(far * 1.25 + 300e3, 800e3);
    (void)n;
}

/* One map figure of the scene with view; caption text follows. */
static int map_figure(const bmd_report *r, const bmd_scene *sc, bmd_map_view *view,
                      const char *id, int number, bmd_strbuf *sb, bmd_error *err)
{
    char *svg = NULL;
    int st = bmd_map_svg(view, r->opt.world, sc, &svg, err);
    if (st)
        return st;
    bmd_sb_printf(sb, "<figure id=\"%s\">\n", id);
    bmd_rp_svg(sb, svg, number);
    free(svg);
    return BMD_SUCCESS;
}

int bmd_rp_scenario_map(const bmd_report *r, bmd_strbuf *sb, bmd_error *err)
{
    bmd_scene sc;
    bmd_scene_init(&sc, &r->an->scn->earth);
    int st = bmd_analysis_scene(r->an, 0, &sc, err);
    bmd_map_view view;
    bmd_map_view_init(&view);
    view.scale_units = r->units;
    view.width_px = 1000;
    view.height_px = 720;
    view.title = "Sites, sensors and threats";
    if (!st)
        st = bmd_map_view_fit(&view, &sc, err);
    if (!st)
        st = map_figure(r, &sc, &view, "map", 0, sb, err);
    if (st) {
        bmd_scene_free(&sc);
        return st;
    }
    char km[64];
    bmd_rp_dist(r, km, sizeof km, view.radius_m);
    bmd_sb_puts(sb, "<figcaption>");
    bmd_rp_textf(sb, "The scenario on an azimuthal equidistant map (distances and directions from the "
             "centre are true; %s from the centre to the nearer edge). Squares: interceptor "
             "sites; triangles: radars; green: radar coverage against a warhead; brown: launch "
             "points and areas; purple rings: targets; red: the threats' ground tracks.", km);
    bmd_sb_puts(sb, "</figcaption>\n</figure>\n");
    if (r->an->scn->n_sites > 0) {
        view.title = "The defence, closer";
        defense_view(r, &view);
        st = map_figure(r, &sc, &view, "map-defence", 1, sb, err);
        if (!st) {
            bmd_rp_dist(r, km, sizeof km, view.radius_m);
            bmd_sb_puts(sb, "<figcaption>");
            bmd_rp_textf(sb, "The defence sites and radars, closer (%s from the centre to the nearer "
                     "edge); same symbols.", km);
            bmd_sb_puts(sb, "</figcaption>\n</figure>\n");
        }
    }
    bmd_scene_free(&sc);
    return st;
}

/* Ground range from the threat's launch point to a point. */
static double range_from_launch(const bmd_report *r, int ti, double lat, double lon)
{
    const bmd_sample *s0 = &r->an->threats[ti].flight.traj.samples[0];
    double d;
    bmd_geodesy_inverse(&r->an->scn->earth, s0->lat_rad, s0->lon_rad, lat, lon, &d, NULL, NULL);
    return d;
}

/* The pair of (ti, si) that shows a window: as modelled when engageable, else on remote when
 * engageable there, else NULL; *remote says which. */
static const bmd_analysis_pair *window_pair(const bmd_report *r, int ti, int si, int *remote)
{
    const bmd_analysis_pair *p = bmd_analysis_pair_at(r->an, ti, si);
    *remote = 0;
    if (p && p->status == BMD_ANALYSIS_EVALUATED && p->engagement.engageable)
        return p;
    p = r->remote ? bmd_analysis_pair_at(r->remote, ti, si) : NULL;
    *remote = 1;
    if (p && p->status == BMD_ANALYSIS_EVALUATED && p->engagement.engageable)
        return p;
    return NULL;
}

/* Altitude against ground range with the window of every site that has one. */
static int altitude_figure(const bmd_report *r, int ti, bmd_strbuf *sb, bmd_error *err)
{
    const bmd_scenario *scn = r->an->scn;
    const bmd_trajectory *tr = &r->an->threats[ti].flight.traj;
    double *rg = malloc((size_t)tr->n_samples * sizeof *rg);
    double *alt = malloc((size_t)tr->n_samples * sizeof *alt);
    char (*labels)[2 * BMD_NAME_MAX] = calloc(MAX_MARKERS, sizeof *labels);
    bmd_plot_marker *mk = calloc(MAX_MARKERS, sizeof *mk);
    int st = !rg || !alt || !labels || !mk
                 ? bmd_error_set(err, BMD_ENOMEM, "out of memory for a plot")
                 : bmd_plot_range_profile(&scn->earth, tr->samples, tr->n_samples, rg, alt, err);
    char *svg = NULL;
    if (!st) {
        bmd_plot_curve curve = {scn->threats[ti].name, BMD_TRACK_THREAT, rg, alt, tr->n_samples};
        bmd_altitude_plot plot;
        bmd_altitude_plot_init(&plot);
        plot.units = r->units; /* the axes in the report's units */
        char title[160];
        snprintf(title, sizeof title, "%s: altitude against ground range", scn->threats[ti].name);
        plot.title = title;
        plot.curves = &curve;
        plot.n_curves = 1;
        double r0 = INFINITY, r1 = -INFINITY, a0 = INFINITY, a1 = -INFINITY;
        int n = 0;
        for (int si = 0; si < scn->n_sites && n + 2 <= MAX_MARKERS; si++) {
            int remote;
            const bmd_analysis_pair *p = window_pair(r, ti, si, &remote);
            if (!p)
                continue;
            const bmd_intercept_point *e = &p->engagement.earliest, *l = &p->engagement.latest;
            double re = range_from_launch(r, ti, e->lat_rad, e->lon_rad);
            double rl = range_from_launch(r, ti, l->lat_rad, l->lon_rad);
            snprintf(labels[n], sizeof labels[n], "%s%s first", scn->sites[si].name,
                     remote ? " (remote)" : "");
            mk[n] = (bmd_plot_marker){labels[n], re, e->altitude_m};
            n++;
            r0 = fmin(r0, fmin(re, rl));
            r1 = fmax(r1, fmax(re, rl));
            a0 = fmin(a0, p->engagement.altitude_min_m);
            a1 = fmax(a1, p->engagement.altitude_max_m);
        }
        plot.markers = mk;
        plot.n_markers = n;
        if (n > 0) {
            plot.window_range_min_m = r0;
            plot.window_range_max_m = r1;
            plot.window_altitude_min_m = a0;
            plot.window_altitude_max_m = a1;
        }
        st = bmd_plot_altitude_svg(&plot, &svg, err);
        if (!st) {
            bmd_sb_puts(sb, "<figure>\n");
            bmd_rp_svg(sb, svg, 2 + 2 * ti);
            bmd_sb_puts(sb, "<figcaption>");
            bmd_rp_textf(sb, "The flight of %s, altitude against ground range from the launch point. "
                     "%s", scn->threats[ti].name,
                     n ? "Shaded: where intercepts are possible (all sites together); markers: "
                         "each site's earliest intercept (\"remote\": only if other sensors guide "
                         "the interceptor)."
                       : "No site has an intercept window against it.");
            bmd_sb_puts(sb, "</figcaption>\n</figure>\n");
        }
    }
    free(svg);
    free(rg);
    free(alt);
    free(labels);
    free(mk);
    return st;
}

/* The engagement timeline: one row per site. */
static int timeline_figure(const bmd_report *r, int ti, bmd_strbuf *sb, bmd_error *err)
{
    const bmd_scenario *scn = r->an->scn;
    int ns = scn->n_sites;
    bmd_timeline_row *rows = calloc((size_t)ns, sizeof *rows);
    char (*labels)[2 * BMD_NAME_MAX] = calloc((size_t)ns, sizeof *labels);
    double (*shots)[BMD_ENGAGE_MAX_SHOTS] = calloc((size_t)ns, sizeof *shots);
    if (!rows || !labels || !shots) {
        free(rows);
        free(labels);
        free(shots);
        return bmd_error_set(err, BMD_ENOMEM, "out of memory for a timeline");
    }
    double end = r->an->threats[ti].flight.summary.flight_time_s;
    for (int si = 0; si < ns; si++) {
        const bmd_analysis_pair *p = bmd_analysis_pair_at(r->an, ti, si);
        int remote;
        const bmd_analysis_pair *w = window_pair(r, ti, si, &remote);
        bmd_timeline_row *row = &rows[si];
        snprintf(labels[si], sizeof labels[si], "%s%s", scn->sites[si].name,
                 w && remote ? " (remote)" : "");
        row->site = labels[si];
        for (int k = 0; k < 2; k++)
            row->seen_s[k] = row->tracked_s[k] = row->launch_window_s[k] =
                row->intercept_window_s[k] = NAN;
        if (p->status == BMD_ANALYSIS_EVALUATED && isfinite(p->engagement.detect_s) &&
            p->engagement.detect_s < end) {
            row->seen_s[0] = p->engagement.detect_s;
            row->seen_s[1] = end;
            if (p->engagement.track_s < end) {
                row->tracked_s[0] = p->engagement.track_s;
                row->tracked_s[1] = end;
            }
        }
        if (w) {
            const bmd_engagement *e = &w->engagement;
            row->launch_window_s[0] = e->launch_first_s;
            row->launch_window_s[1] = fmax(e->launch_first_s, e->launch_last_s);
            row->intercept_window_s[0] = e->earliest.t_s;
            row->intercept_window_s[1] = e->latest.t_s;
            int n = e->n_shots < BMD_ENGAGE_MAX_SHOTS ? e->n_shots : BMD_ENGAGE_MAX_SHOTS;
            for (int k = 0; k < n; k++)
                shots[si][k] = e->shots[k].launch_s;
            row->shots_s = shots[si];
            row->n_shots = n;
        }
    }
    bmd_timeline_plot plot;
    bmd_timeline_plot_init(&plot);
    char title[160];
    snprintf(title, sizeof title, "%s: engagement timeline per site", scn->threats[ti].name);
    plot.title = title;
    plot.rows = rows;
    plot.n_rows = ns;
    plot.t_min_s = 0;
    plot.t_max_s = end;
    char *svg = NULL;
    int st = bmd_plot_timeline_svg(&plot, &svg, err);
    if (!st) {
        bmd_sb_puts(sb, "<figure>\n");
        bmd_rp_svg(sb, svg, 3 + 2 * ti);
        bmd_sb_puts(sb, "<figcaption>");
        bmd_rp_textf(sb, "Seconds after the launch of %s, until impact at %.0f s: when each site's "
                 "sensors first report it, when it is tracked, when interceptors could be "
                 "launched (ticks: shoot-look-shoot launches) and when they could intercept.",
                 scn->threats[ti].name, end);
        bmd_sb_puts(sb, "</figcaption>\n</figure>\n");
    }
    free(svg);
    free(rows);
    free(labels);
    free(shots);
    return st;
}

int bmd_rp_threat_figures(const bmd_report *r, bmd_strbuf *sb, bmd_error *err)
{
    const bmd_scenario *scn = r->an->scn;
    bmd_sb_puts(sb, "<h2>Trajectories and timelines</h2>\n");
    int st = BMD_SUCCESS;
    for (int ti = 0; ti < scn->n_threats && !st; ti++) {
        if (!r->an->threats[ti].flight.reachable || r->an->threats[ti].flight.traj.n_samples < 2)
            continue;
        bmd_sb_puts(sb, "<h3>");
        bmd_rp_text(sb, scn->threats[ti].name);
        bmd_sb_puts(sb, "</h3>\n");
        st = altitude_figure(r, ti, sb, err);
        if (!st && scn->n_sites > 0)
            st = timeline_figure(r, ti, sb, err);
    }
    return st;
}
