/* Footprint maps of an analysis (bmd/analysis.h): which maps the scenario asks for, the grids
 * coarsened for a report, each map computed as modelled and on remote with the footprint
 * library, and the maps as scenes (contours, grid outline, sites). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bmd/analysis.h"
#include "bmd/units.h"

#define DEG BMD_DEG_PER_RAD
#define DEFAULT_MAX_CELLS 600
#define FLIGHT_SAMPLE_S 10.0

void bmd_analysis_footprint_options_init(bmd_analysis_footprint_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->max_cells = DEFAULT_MAX_CELLS;
    opt->remote = 1;
}

/* Wall-clock seconds. */
static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Whether threat t starts in launch area a (one of its named points, or inside its box). */
static int threat_from_area(const bmd_scenario_threat *t, const bmd_scenario_area *a)
{
    for (int p = 0; p < a->n_points; p++)
        if (t->from.name[0] && strcmp(t->from.name, a->points[p].name) == 0)
            return 1;
    if (!a->has_box)
        return 0;
    const bmd_scenario_box *b = &a->box;
    double lon = t->from.lon_rad;
    while (lon < b->west_rad)
        lon += 2 * M_PI;
    return t->from.lat_rad >= b->south_rad && t->from.lat_rad <= b->north_rad &&
           lon <= b->east_rad;
}

/* Cells of a box at step_deg (both directions), as bmd_footprint_box_make counts them. */
static long box_cells(const bmd_scenario_box *b, double step_deg)
{
    double s = step_deg / DEG;
    long n_lat = (long)floor((b->north_rad - b->south_rad) / s + 1e-9) + 1;
    long n_lon = (long)floor((b->east_rad - b->west_rad) / s + 1e-9) + 1;
    return n_lat * n_lon;
}

/* The grid of box b for a report: the scenario's step when it gives at most max_cells cells,
 * else the smallest standard step in degrees that does. */
static int report_grid(const bmd_scenario *scn, const char *name, const bmd_scenario_box *b,
                       long max_cells, bmd_analysis_footprint *m, bmd_error *err)
{
    static const double steps[] = {0.25, 0.5, 1, 2, 3, 5, 10, 15, 30};
    char spec[200];
    bmd_footprint_box probe;
    int keep = !bmd_footprint_box_make(&scn->earth, b->south_rad, b->north_rad, b->west_rad,
                                       b->east_rad, b->step_rad, b->step_m, max_cells, &probe,
                                       NULL);
    m->coarsened = !keep;
    if (keep && b->step_rad > 0) {
        m->step_deg = b->step_rad * DEG;
    } else if (keep) {
        m->step_deg = NAN;
    } else {
        double own = b->step_rad > 0 ? b->step_rad * DEG : b->step_m / BMD_EARTH_MEAN_RADIUS_M * DEG;
        m->step_deg = steps[sizeof steps / sizeof *steps - 1];
        for (size_t k = 0; k < sizeof steps / sizeof *steps; k++)
            if (steps[k] > own && box_cells(b, steps[k]) <= max_cells) {
                m->step_deg = steps[k];
                break;
            }
    }
    if (isnan(m->step_deg))
        snprintf(spec, sizeof spec, "%.12g,%.12g,%.12g,%.12g,%.12gkm", b->south_rad * DEG,
                 b->north_rad * DEG, b->west_rad * DEG, b->east_rad * DEG, b->step_m / 1e3);
    else
        snprintf(spec, sizeof spec, "%.12g,%.12g,%.12g,%.12g,%.12g", b->south_rad * DEG,
                 b->north_rad * DEG, b->west_rad * DEG, b->east_rad * DEG, m->step_deg);
    snprintf(m->grid_spec, sizeof m->grid_spec, "%s", spec);
    int st = bmd_footprint_grid_parse(scn, spec, max_cells > 0 ? 4 * max_cells : 0, &m->grid,
                                      err);
    if (!st)
        snprintf(m->grid.name, sizeof m->grid.name, "%s", name);
    snprintf(m->grid_name, sizeof m->grid_name, "%s", name);
    return st;
}

/* Append a planned map (grid filled later). */
static bmd_analysis_footprint *plan(bmd_analysis_footprints *out, bmd_footprint_mode mode,
                                    int la, int grid_index, const char *centre, double lat,
                                    double lon)
{
    if (out->n == BMD_ANALYSIS_MAX_FOOTPRINTS)
        return NULL;
    bmd_analysis_footprint *m = &out->maps[out->n++];
    memset(m, 0, sizeof *m);
    m->mode = mode;
    m->launch_area = la;
    m->grid_index = grid_index;
    snprintf(m->centre, sizeof m->centre, "%s", centre);
    m->centre_lat_rad = lat;
    m->centre_lon_rad = lon;
    m->threat = -1;
    return m;
}

/* The maps the scenario asks for (see bmd/analysis.h). */
static void plan_maps(const bmd_analysis *an, bmd_analysis_footprints *out)
{
    const bmd_scenario *scn = an->scn;
    for (int a = 0; a < scn->n_launch_areas; a++) {
        const bmd_scenario_area *la = &scn->launch_areas[a];
        if (!la->has_missile || !la->entry)
            continue;
        const bmd_scenario_point *c = NULL;
        for (int t = 0; t < scn->n_threats && !c; t++)
            if (threat_from_area(&scn->threats[t], la))
                c = &scn->threats[t].from;
        if (!c && la->n_points > 0)
            c = &la->points[0];
        for (int g = 0; c && g < scn->n_grids; g++)
            if (scn->grids[g].has_box)
                plan(out, BMD_FOOTPRINT_DEFENDED_AREA, a, g, c->name[0] ? c->name : la->name,
                     c->lat_rad, c->lon_rad);
    }
    for (int a = 0; a < scn->n_launch_areas; a++) {
        const bmd_scenario_area *la = &scn->launch_areas[a];
        if (!la->has_missile || !la->entry || !la->has_box)
            continue;
        for (int t = 0; t < scn->n_threats; t++) {
            const bmd_scenario_threat *th = &scn->threats[t];
            if (!threat_from_area(th, la) || !an->threats[t].flight.reachable)
                continue;
            bmd_analysis_footprint *m = plan(out, BMD_FOOTPRINT_LAUNCH_AREA, a, -1,
                                             th->to.name[0] ? th->to.name : th->name,
                                             th->to.lat_rad, th->to.lon_rad);
            if (m)
                m->threat = t;
            break;
        }
    }
}

/* Progress relay: the run's number and count. */
typedef struct relay {
    const bmd_analysis_footprint_options *opt;
    int run, n_runs;
} relay;

static void relay_progress(void *context, long done, long total)
{
    const relay *r = context;
    r->opt->progress(r->opt->context, r->run, r->n_runs, done, total);
}

/* Compute map m (both variants) with the defence d. */
static int compute(const bmd_analysis *an, const bmd_analysis_footprint_options *opt,
                   bmd_analysis_footprint *m, const bmd_footprint_defense *d, relay *rl,
                   bmd_error *err)
{
    const bmd_scenario *scn = an->scn;
    const bmd_scenario_area *la = &scn->launch_areas[m->launch_area];
    /* launch-area maps fly the threat's missile (as `--target THREAT` does); defended-area maps
       the launch area's (as `--launch POINT`) */
    const bmd_catalog_missile *entry = m->threat >= 0 ? scn->threats[m->threat].entry : la->entry;
    const bmd_aim_shape shape = m->threat >= 0 ? scn->threats[m->threat].shape : la->shape;
    bmd_footprint_input in = {m->mode, &entry->missile, shape, m->centre_lat_rad,
                              m->centre_lon_rad, m->grid.lat_rad, m->grid.lon_rad,
                              m->grid.n_cells, d->sites, d->n_sites};
    int st = BMD_SUCCESS;
    for (int v = 0; v < 1 + (opt->remote != 0) && !st; v++) {
        bmd_footprint_options fo;
        bmd_footprint_options_init(&fo);
        fo.flight.sample_interval_s = FLIGHT_SAMPLE_S;
        fo.engage = an->opt.engage;
        fo.rcs_m2 = entry->signature.warhead_rcs_m2;
        if (v == 1)
            fo.engage.require_fcr_coverage = 0;
        fo.threads = opt->threads;
        m->cells[v] = calloc((size_t)m->grid.n_cells, sizeof *m->cells[v]);
        if (!m->cells[v])
            return bmd_error_set(err, BMD_ENOMEM, "out of memory for %ld footprint cells",
                                 m->grid.n_cells);
        bmd_footprint *fp = NULL;
        st = bmd_footprint_prepare(&scn->earth, &in, &fo, &fp, err);
        if (!st)
            st = bmd_footprint_run(fp, 0, m->grid.n_cells, m->cells[v],
                                   opt->progress ? relay_progress : NULL, rl, NULL, NULL, err);
        bmd_footprint_free(fp);
        rl->run++;
        if (st)
            return st;
        bmd_footprint_summarize(&scn->earth, &m->grid, m->cells[v], &m->summary[v]);
        for (long k = 0; k < m->grid.n_cells; k++)
            for (int s = 0; s < d->n_sites; s++)
                m->site_cells[v][s] += (m->cells[v][k].site_mask >> s) & 1u;
    }
    return st;
}

/* Grid, defence and cells of map m. */
static int build_map(const bmd_analysis *an, const bmd_analysis_footprint_options *opt,
                     bmd_analysis_footprints *out, bmd_analysis_footprint *m, relay *rl,
                     bmd_error *err)
{
    const bmd_scenario *scn = an->scn;
    const bmd_scenario_area *area = m->grid_index >= 0 ? &scn->grids[m->grid_index]
                                                        : &scn->launch_areas[m->launch_area];
    int st = report_grid(scn, area->name, &area->box, opt->max_cells, m, err);
    if (st)
        return st;
    bmd_footprint_defense *d = calloc(1, sizeof *d);
    if (!d)
        return bmd_error_set(err, BMD_ENOMEM, "out of memory for the footprint defence");
    /* flyout tables toward the threats: the launch point, or the middle of the launch grid */
    double tlat = m->centre_lat_rad, tlon = m->centre_lon_rad;
    if (m->mode == BMD_FOOTPRINT_LAUNCH_AREA) {
        tlat = m->grid.lat_rad[m->grid.n_cells / 2];
        tlon = m->grid.lon_rad[m->grid.n_cells / 2];
    }
    st = bmd_footprint_defense_from_scenario_shared(scn, tlat, tlon, 0, opt->threads, d, err);
    if (!st) {
        out->n_sites = d->n_sites;
        for (int s = 0; s < d->n_sites; s++)
            snprintf(out->site_names[s], sizeof out->site_names[s], "%s", d->names[s]);
        if (d->n_sites > 0)
            st = compute(an, opt, m, d, rl, err);
    }
    bmd_footprint_defense_free(d);
    free(d);
    return st;
}

/* Release one map. */
static void free_map(bmd_analysis_footprint *m)
{
    bmd_footprint_grid_free(&m->grid);
    free(m->cells[0]);
    free(m->cells[1]);
    m->cells[0] = m->cells[1] = NULL;
}

int bmd_analysis_footprints_run(const bmd_analysis *an, const bmd_analysis_footprint_options *opt,
                                bmd_analysis_footprints *out, bmd_error *err)
{
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "no footprints to fill (NULL)");
    memset(out, 0, sizeof *out);
    if (!an || !an->scn || !an->threats)
        return bmd_error_set(err, BMD_EINVAL, "footprints need a completed analysis");
    bmd_analysis_footprint_options o;
    bmd_analysis_footprint_options_init(&o);
    if (opt)
        o = *opt;
    if (o.max_cells == 0)
        o.max_cells = DEFAULT_MAX_CELLS;
    if (o.max_cells < 1 || o.threads < 0)
        return bmd_error_set(err, BMD_EINVAL, "footprint options: max_cells %ld must be >= 1 and "
                             "threads %d >= 0", o.max_cells, o.threads);
    const double t0 = now_s();
    out->an = an;
    out->has_remote = o.remote != 0;
    plan_maps(an, out);
    relay rl = {&o, 0, out->n * (1 + out->has_remote)};
    int st = BMD_SUCCESS, kept = 0;
    for (int i = 0; i < out->n && !st; i++) {
        bmd_analysis_footprint *m = &out->maps[i];
        const double t1 = now_s();
        st = build_map(an, &o, out, m, &rl, err);
        m->run_s = now_s() - t1;
        if (st) {
            char msg[BMD_ERROR_MESSAGE_SIZE];
            snprintf(msg, sizeof msg, "%s", err ? err->message : "");
            bmd_error_set(err, st, "footprint %s x %s: %.400s", m->centre, m->grid_name, msg);
            break;
        }
        if (!m->cells[0] || m->summary[0].reachable == 0) {
            /* nothing within reach (or no defence): say so instead of drawing an empty map */
            snprintf(out->dropped[out->n_dropped++], sizeof out->dropped[0], "%s x %s",
                     m->centre, m->grid_name);
            free_map(m);
            continue;
        }
        if (kept != i) {
            out->maps[kept] = *m;
            memset(m, 0, sizeof *m);
        }
        kept++;
    }
    if (st) {
        bmd_analysis_footprints_free(out);
        return st;
    }
    out->n = kept;
    out->run_s = now_s() - t0;
    return BMD_SUCCESS;
}

void bmd_analysis_footprints_free(bmd_analysis_footprints *fps)
{
    if (!fps)
        return;
    for (int i = 0; i < fps->n && i < BMD_ANALYSIS_MAX_FOOTPRINTS; i++)
        free_map(&fps->maps[i]);
    fps->n = 0;
}

/* The grid's box as a polygon, its edges sampled every degree or so. */
static int add_grid_outline(bmd_scene *sc, const bmd_analysis_footprint *m, bmd_error *err)
{
    const bmd_footprint_box *b = &m->grid.box;
    const double s = b->south_rad - 0.5 * b->dlat_rad, w = b->west_rad - 0.5 * b->dlon_rad;
    const double n = fmin(0.5 * M_PI, s + b->n_lat * b->dlat_rad), e = w + b->n_lon * b->dlon_rad;
    const int per = 24;
    double lat[4 * 24], lon[4 * 24];
    int k = 0;
    for (int edge = 0; edge < 4; edge++)
        for (int i = 0; i < per; i++, k++) {
            const double f = (double)i / per;
            lat[k] = edge == 0 ? s : edge == 1 ? s + f * (n - s) : edge == 2 ? n : n - f * (n - s);
            lon[k] = edge == 0 ? w + f * (e - w) : edge == 1 ? e : edge == 2 ? e - f * (e - w) : w;
            lon[k] = remainder(lon[k], 2 * M_PI);
            lat[k] = fmax(-0.5 * M_PI, fmin(0.5 * M_PI, lat[k]));
        }
    char name[BMD_NAME_MAX + 16];
    snprintf(name, sizeof name, "grid %s", m->grid_name);
    int f, st = bmd_scene_add_area(sc, name, m->mode == BMD_FOOTPRINT_LAUNCH_AREA
                                                 ? BMD_AREA_LAUNCH : BMD_AREA_TARGET,
                                   lat, lon, k, &f, err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "feature", "footprint grid", err);
    return st;
}

/* The contours of variant v of map m, with the map's properties. */
static int add_contours(bmd_scene *sc, const bmd_analysis_footprints *fps,
                        const bmd_analysis_footprint *m, int v, bmd_error *err)
{
    bmd_footprint_map map = {{0}, m->centre_lat_rad, m->centre_lon_rad, m->cells[v], 0};
    snprintf(map.name, sizeof map.name, "%.16s x %.14s (%s, %s)", m->centre, m->grid_name,
             v || !fps->an->opt.engage.require_fcr_coverage ? "remote" : "own radar",
             bmd_launch_on_name(fps->an->opt.engage.launch_on));
    char cmd[2 * BMD_PATH_MAX];
    bmd_analysis_footprint_command(fps, (int)(m - fps->maps), v, cmd, sizeof cmd);
    const int first = sc->n_features;
    int st = BMD_SUCCESS;
    for (int level = 1; level <= 2 && !st; level++)
        st = bmd_footprint_scene_add_contours(sc, &fps->an->scn->earth, &m->grid, &map, level,
                                              err);
    for (int f = first; f < sc->n_features && !st; f++) {
        st = bmd_scene_set_text(sc, f, "mode", m->mode == BMD_FOOTPRINT_LAUNCH_AREA
                                                   ? "launch-area" : "defended-area", err);
        if (!st)
            st = bmd_scene_set_number(sc, f, "engage_on_remote",
                                      v || !fps->an->opt.engage.require_fcr_coverage, err);
        if (!st)
            st = bmd_scene_set_text(sc, f, "launch_on",
                                    bmd_launch_on_name(fps->an->opt.engage.launch_on), err);
        if (!st)
            st = bmd_scene_set_text(sc, f, "command", cmd, err);
    }
    return st;
}

const char *bmd_analysis_footprint_mode_text(const bmd_analysis_footprints *fps, int v,
                                             char *buf, size_t n)
{
    if (!buf || n == 0)
        return buf;
    const bmd_engage_options *o = &fps->an->opt.engage;
    snprintf(buf, n, "%s, launch on %s",
             v || !o->require_fcr_coverage ? "engage on remote" : "own radar at intercept",
             bmd_launch_on_name(o->launch_on));
    return buf;
}

const char *bmd_analysis_footprint_command(const bmd_analysis_footprints *fps, int i, int v,
                                           char *buf, size_t n)
{
    if (!buf || n == 0)
        return buf;
    buf[0] = 0;
    if (!fps || !fps->an || i < 0 || i >= fps->n)
        return buf;
    const bmd_analysis_footprint *m = &fps->maps[i];
    const bmd_scenario *scn = fps->an->scn;
    const bmd_engage_options *o = &fps->an->opt.engage;
    const int la = m->mode == BMD_FOOTPRINT_LAUNCH_AREA;
    snprintf(buf, n, "bmdsim footprint %s --mode %s --%s %s --grid %s --launch-on %s%s", scn->path,
             la ? "launch-area" : "defended-area", la ? "target" : "launch",
             la && m->threat >= 0 ? scn->threats[m->threat].name : m->centre, m->grid_spec,
             bmd_launch_on_name(o->launch_on),
             v || !o->require_fcr_coverage ? " --no-fcr-coverage" : "");
    return buf;
}

int bmd_analysis_footprint_scene(const bmd_analysis_footprints *fps, int i, int flags,
                                 bmd_scene *scene, bmd_error *err)
{
    if (!fps || !fps->an || !scene || i < 0 || i >= fps->n)
        return bmd_error_set(err, BMD_EINVAL, "footprint map %d: no such map (%d maps)", i,
                             fps ? fps->n : 0);
    const bmd_analysis_footprint *m = &fps->maps[i];
    const bmd_scenario *scn = fps->an->scn;
    int st = BMD_SUCCESS;
    if (flags & BMD_ANALYSIS_FP_GRID)
        st = add_grid_outline(scene, m, err);
    if (!st && (flags & BMD_ANALYSIS_FP_OWN) && m->cells[0])
        st = add_contours(scene, fps, m, 0, err);
    if (!st && (flags & BMD_ANALYSIS_FP_REMOTE) && m->cells[1])
        st = add_contours(scene, fps, m, 1, err);
    for (int s = 0; (flags & BMD_ANALYSIS_FP_SITES) && s < scn->n_sites && !st; s++)
        if (scn->sites[s].count > 0)
            st = bmd_scene_add_site(scene, scn->sites[s].name, BMD_SITE_INTERCEPTOR,
                                    scn->sites[s].site.lat_rad, scn->sites[s].site.lon_rad,
                                    scn->sites[s].site.height_m, NULL, err);
    if (!st && (flags & BMD_ANALYSIS_FP_SITES))
        st = bmd_scene_add_site(scene, m->centre, m->mode == BMD_FOOTPRINT_LAUNCH_AREA
                                                      ? BMD_SITE_TARGET : BMD_SITE_LAUNCH,
                                m->centre_lat_rad, m->centre_lon_rad, 0.0, NULL, err);
    return st;
}
