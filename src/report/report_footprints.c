/* Footprint maps in the report (bmd/report.h): one map per footprint of
 * bmd_analysis_footprints_run with a caption stating the grid, its step, what "covered" means
 * and the coverage statistics, and one finding line per footprint. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/report_internal.h"
#include "bmd/units.h"

#define DEG BMD_DEG_PER_RAD

int bmd_report_add_footprints(bmd_report *report, const bmd_analysis_footprints *fps,
                              bmd_error *err)
{
    if (!report || !fps)
        return bmd_error_set(err, BMD_EINVAL, "no report or footprints (NULL)");
    if (fps->n > 0 && (!fps->an || fps->an->scn != report->an->scn))
        return bmd_error_set(err, BMD_EINVAL, "the footprints must be of the report's scenario");
    report->fps = fps;
    return BMD_SUCCESS;
}

/* The variant shown: engage on remote when computed, else as modelled. */
static int shown(const bmd_analysis_footprint *m)
{
    return m->cells[1] ? 1 : 0;
}

/* "a Topol-M / Yars-class ... ICBM" for the map's missile. */
static void missile_words(const bmd_report *r, const bmd_analysis_footprint *m, char *buf,
                          size_t n)
{
    const bmd_scenario_area *la = &r->an->scn->launch_areas[m->launch_area];
    char name[160];
    bmd_rp_short_name(la->entry->full_name, la->entry->missile.name, name, sizeof name);
    snprintf(buf, n, "%s", name);
}

/* "12.3%" of a share in [0, 1]. */
static void pct(char *buf, size_t n, double share)
{
    snprintf(buf, n, "%.*f%%", share > 0 && share < 0.001 ? 2 : 1, 100 * share);
}

/* The site that can engage most cells in variant v, or -1. */
static int best_site(const bmd_report *r, const bmd_analysis_footprint *m, int v)
{
    int best = -1;
    for (int s = 0; s < r->fps->n_sites; s++)
        if (m->site_cells[v][s] > 0 && (best < 0 || m->site_cells[v][s] > m->site_cells[v][best]))
            best = s;
    return best;
}

/* One finding line. */
static void finding(const bmd_report *r, const bmd_analysis_footprint *m, bmd_strbuf *sb)
{
    const bmd_footprint_summary *own = &m->summary[0], *rem = &m->summary[1];
    const int v = shown(m), la = m->mode == BMD_FOOTPRINT_LAUNCH_AREA;
    const bmd_footprint_summary *s = &m->summary[v];
    char mis[200], p1[32], p2[32], po[32], area[48];
    missile_words(r, m, mis, sizeof mis);
    pct(p1, sizeof p1, s->share1);
    pct(p2, sizeof p2, s->share2);
    pct(po, sizeof po, own->share1);
    bmd_rp_qty(r, area, sizeof area, s->area1_km2, "km²", 0);
    bmd_sb_puts(sb, "<li class=\"finding\">");
    bmd_rp_textf(sb, "Against a %s %s %s, the %d defence site%s could engage it when %s %s of the "
             "%ld %s cells of %s (%s; %s with two or more shots)", mis,
             la ? "aimed at" : "launched from", m->centre, r->fps->n_sites,
             r->fps->n_sites == 1 ? "" : "s", la ? "launched from" : "aimed at", p1, s->cells,
             la ? "launch" : "target", m->grid_name, area, p2);
    if (v == 1)
        bmd_rp_textf(sb, " if any cueing sensor's track may guide the interceptors, and %s with "
                 "their own radars only", po);
    int b = best_site(r, m, v);
    if (b >= 0) {
        char bp[32];
        pct(bp, sizeof bp, (double)m->site_cells[v][b] / (double)s->cells);
        bmd_rp_textf(sb, "; %s alone covers %s", r->fps->site_names[b], bp);
    }
    char pr[32];
    pct(pr, sizeof pr, s->share_reachable);
    bmd_rp_textf(sb, ". %s of the cells are within the missile's reach.", pr);
    (void)rem;
    bmd_sb_puts(sb, "</li>\n");
}

void bmd_rp_footprint_findings(const bmd_report *r, bmd_strbuf *sb)
{
    for (int i = 0; r->fps && i < r->fps->n; i++)
        finding(r, &r->fps->maps[i], sb);
}

/* "25 to 55 N, 125 to 60 W" for the grid's node extent. */
static void extent_words(const bmd_footprint_box *b, char *buf, size_t n)
{
    double s = b->south_rad * DEG, no = (b->south_rad + (b->n_lat - 1) * b->dlat_rad) * DEG;
    double w = remainder(b->west_rad, 2 * M_PI) * DEG;
    double e = remainder(b->west_rad + (b->n_lon - 1) * b->dlon_rad, 2 * M_PI) * DEG;
    snprintf(buf, n, "%.4g%s to %.4g%s, %.4g%s to %.4g%s", fabs(s), s < 0 ? " S" : " N",
             fabs(no), no < 0 ? " S" : " N", fabs(w), w < 0 ? " W" : " E", fabs(e),
             e < 0 ? " W" : " E");
}

/* The caption of map m. */
static void caption(const bmd_report *r, const bmd_analysis_footprint *m, bmd_strbuf *sb)
{
    const bmd_scenario *scn = r->an->scn;
    const int v = shown(m), la = m->mode == BMD_FOOTPRINT_LAUNCH_AREA;
    const bmd_footprint_summary *s = &m->summary[v];
    char mis[200], ext[96], step[96], a1[48], a2[48], at[48], p1[32], p2[32], pa[32], pr[32];
    missile_words(r, m, mis, sizeof mis);
    extent_words(&m->grid.box, ext, sizeof ext);
    if (isnan(m->step_deg))
    {
        char d[48];
        bmd_rp_qty(r, d, sizeof d, m->grid.box.dlat_rad * BMD_EARTH_MEAN_RADIUS_M / 1e3, "km", 0);
        snprintf(step, sizeof step, "every %s", d);
    }
    else
        snprintf(step, sizeof step, "every %g degree%s of latitude and longitude", m->step_deg,
                 m->step_deg == 1 ? "" : "s");
    bmd_sb_puts(sb, "<figcaption>");
    if (la)
        bmd_rp_textf(sb, "Launch-area footprint: a %s aimed at %s (%.2f%s, %.2f%s) is launched in "
                 "turn from each cell of %s (nodes %s), ", mis, m->centre, fabs(m->centre_lat_rad * DEG),
                 m->centre_lat_rad < 0 ? " S" : " N", fabs(m->centre_lon_rad * DEG),
                 m->centre_lon_rad < 0 ? " W" : " E", m->grid_name, ext);
    else
        bmd_rp_textf(sb, "Defended-area footprint: a %s launched from %s (%.2f%s, %.2f%s) is aimed in "
                 "turn at each cell of the grid %s (nodes %s), ", mis, m->centre,
                 fabs(m->centre_lat_rad * DEG), m->centre_lat_rad < 0 ? " S" : " N",
                 fabs(m->centre_lon_rad * DEG), m->centre_lon_rad < 0 ? " W" : " E",
                 m->grid_name, ext);
    bmd_rp_textf(sb, "%ld cells %s", s->cells, step);
    if (m->coarsened)
        bmd_sb_puts(sb, ", coarser than the scenario's grid to keep the report quick (bmdsim "
                    "footprint computes the full grid)");
    bmd_rp_textf(sb, "; trajectories of the %s shape. A cell is covered when at least one of the "
             "%d defence sites has a shoot-look-shoot opportunity against that flight "
             "(light orange: at least one shot; dark orange: two or more, from one site or "
             "several)%s. ", bmd_scenario_shape_name(
                 scn->launch_areas[m->launch_area].shape), r->fps->n_sites,
             v ? ", when any cueing sensor's track may guide the interceptor (engage on remote)"
               : ", the site's own radar seeing the threat at the intercept");
    bmd_rp_qty(r, a1, sizeof a1, s->area1_km2, "km²", 0);
    bmd_rp_qty(r, a2, sizeof a2, s->area2_km2, "km²", 0);
    bmd_rp_qty(r, at, sizeof at, s->area_km2, "km²", 0);
    pct(p1, sizeof p1, s->share1);
    pct(p2, sizeof p2, s->share2);
    pct(pa, sizeof pa, s->area_km2 > 0 ? s->area1_km2 / s->area_km2 : 0);
    pct(pr, sizeof pr, s->share_reachable);
    bmd_rp_textf(sb, "Covered: %s (%s of the %s of the grid; %s of the cells); two or more "
             "shots: %s (%s of the cells). Within the missile's reach: %s of the cells.", a1,
             pa, at, p1, a2, p2, pr);
    if (v) {
        char o1[32], o2[32], oa[48];
        pct(o1, sizeof o1, m->summary[0].share1);
        pct(o2, sizeof o2, m->summary[0].share2);
        bmd_rp_qty(r, oa, sizeof oa, m->summary[0].area1_km2, "km²", 0);
        bmd_rp_textf(sb, " With the sites' own radars only: %s (%s of the cells; %s with two or "
                 "more shots).", oa, o1, o2);
    }
    char mode[96], cmd[2 * BMD_PATH_MAX];
    bmd_rp_textf(sb, " Mode of this map: %s.", bmd_analysis_footprint_mode_text(r->fps, v, mode,
                                                                             sizeof mode));
    bmd_sb_puts(sb, " Reproduce its numbers: <code>");
    bmd_rp_text(sb, bmd_analysis_footprint_command(r->fps, (int)(m - r->fps->maps), v, cmd,
                                               sizeof cmd));
    bmd_sb_puts(sb, "</code>");
    if (v) {
        bmd_sb_puts(sb, "; the own-radar numbers: <code>");
        bmd_rp_text(sb, bmd_analysis_footprint_command(r->fps, (int)(m - r->fps->maps), 0, cmd,
                                                   sizeof cmd));
        bmd_sb_puts(sb, "</code>");
    }
    bmd_sb_puts(sb, ".</figcaption>\n");
}

/* The timeline delays the footprint's verdicts rest on, on every footprint contour of sc (the
 * map's legend states them): the scenario's delays, with a note when a site has its own. */
static int add_delays(const bmd_report *r, bmd_scene *sc, bmd_error *err)
{
    const bmd_scenario *scn = r->an->scn;
    bmd_engagement_rules rules, site;
    bmd_scenario_rules(scn, -1, &rules);
    const bmd_timeline *t = &rules.timeline;
    int differ = 0;
    for (int s = 0; s < scn->n_sites; s++) {
        bmd_scenario_rules(scn, s, &site);
        differ |= memcmp(&site.timeline, t, sizeof *t) != 0;
    }
    int st = BMD_SUCCESS;
    for (int f = 0; f < sc->n_features && !st; f++) {
        if (sc->features[f].type != BMD_FEATURE_AREA ||
            sc->areas[sc->features[f].index].kind != BMD_AREA_FOOTPRINT)
            continue;
        st = bmd_scene_set_number(sc, f, "track_delay_s", t->track_delay_s, err);
        if (!st)
            st = bmd_scene_set_number(sc, f, "decision_delay_s", t->decision_delay_s, err);
        if (!st)
            st = bmd_scene_set_number(sc, f, "launch_delay_s", t->launch_delay_s, err);
        if (!st)
            st = bmd_scene_set_number(sc, f, "kill_assessment_s", t->kill_assessment_s, err);
        if (!st && differ)
            st = bmd_scene_set_text(sc, f, "delays_note", "some sites have their own", err);
    }
    return st;
}

/* One map figure. */
static int figure(const bmd_report *r, int i, bmd_strbuf *sb, bmd_error *err)
{
    const bmd_analysis_footprint *m = &r->fps->maps[i];
    const int la = m->mode == BMD_FOOTPRINT_LAUNCH_AREA;
    bmd_scene sc;
    bmd_scene_init(&sc, &r->an->scn->earth);
    int st = bmd_analysis_footprint_scene(r->fps, i, BMD_ANALYSIS_FP_GRID | BMD_ANALYSIS_FP_SITES |
                                          (shown(m) ? BMD_ANALYSIS_FP_REMOTE : BMD_ANALYSIS_FP_OWN),
                                          &sc, err);
    if (!st)
        st = add_delays(r, &sc, err);
    char title[240], mode[96];
    bmd_analysis_footprint_mode_text(r->fps, shown(m), mode, sizeof mode);
    if (la)
        snprintf(title, sizeof title, "Launch area: from %.50s, aimed at %.50s (%s)", m->grid_name,
                 m->centre, mode);
    else
        snprintf(title, sizeof title, "Defended area: from %.50s, aimed at %.50s (%s)", m->centre,
                 m->grid_name, mode);
    bmd_map_view view;
    bmd_map_view_init(&view);
    view.scale_units = r->units;
    view.width_px = 1000;
    view.height_px = 720;
    view.title = title;
    char *svg = NULL;
    if (!st)
        st = bmd_map_view_fit_content(&view, &sc, err); /* the covered cells, not the grid */
    if (!st)
        st = bmd_map_svg(&view, r->opt.world, &sc, &svg, err);
    bmd_scene_free(&sc);
    if (st)
        return st;
    bmd_sb_puts(sb, "<h3>");
    if (la)
        bmd_rp_textf(sb, "Launched from %s, aimed at %s", m->grid_name, m->centre);
    else
        bmd_rp_textf(sb, "Launched from %s, aimed at %s", m->centre, m->grid_name);
    bmd_sb_printf(sb, "</h3>\n<figure id=\"footprint-%d\" class=\"footprint\">\n", i + 1);
    bmd_rp_svg(sb, svg, 50 + i);
    free(svg);
    caption(r, m, sb);
    bmd_sb_puts(sb, "</figure>\n");
    return BMD_SUCCESS;
}

int bmd_rp_footprints(const bmd_report *r, bmd_strbuf *sb, bmd_error *err)
{
    const bmd_analysis_footprints *fps = r->fps;
    if (!fps || (fps->n == 0 && fps->n_dropped == 0))
        return BMD_SUCCESS;
    bmd_sb_puts(sb, "<h2 id=\"footprints\">Footprints</h2>\n<p>A footprint turns one engagement into "
                "a map. A <b>defended-area</b> map keeps the launch point fixed and aims the "
                "missile in turn at every cell of a grid: the coloured cells are the targets the "
                "defence could protect against that missile. A <b>launch-area</b> map keeps the "
                "target fixed and launches the missile from every cell: the coloured cells are "
                "the launch points from which the defence could engage a missile aimed at that "
                "target. Every cell is a full computation: the missile is flown, the sensors "
                "look for it and every site's interceptors are tested against it, as in the "
                "engagement table above.</p>\n");
    for (int i = 0; i < fps->n; i++) {
        int st = figure(r, i, sb, err);
        if (st)
            return st;
    }
    if (fps->n_dropped > 0) {
        bmd_sb_puts(sb, "<p class=\"small\">Not drawn (no cell of the grid within the missile's "
                    "reach): ");
        for (int i = 0; i < fps->n_dropped; i++) {
            bmd_rp_text(sb, fps->dropped[i]);
            bmd_sb_puts(sb, i + 1 < fps->n_dropped ? "; " : ".</p>\n");
        }
    }
    char t[32];
    snprintf(t, sizeof t, "%.0f", fps->run_s);
    bmd_sb_puts(sb, "<p class=\"small\">Each caption gives the command that reproduces its map's "
                "numbers; with --grid GRID (a scenario grid) it computes the same map at full "
                "resolution, with --csv and --geojson per cell (docs/footprints.md). Computed in ");
    bmd_rp_text(sb, t);
    bmd_sb_puts(sb, " s.</p>\n");
    return BMD_SUCCESS;
}
