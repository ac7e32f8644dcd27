/* The coverage-probability map of the report's section "How robust is each finding"
 * (bmd_mc_footprint_run on the first footprint map of the report, coarsened, a few samples of
 * every uncertain parameter): the map with its band legend and a caption naming N, the seed,
 * the sampler, the varied parameters and the command that reproduces it with more samples. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/map.h"
#include "bmd/montecarlo.h"
#include "bmd/units.h"
#include "report/report_internal.h"

/* Samples and cells of the report's map, to keep the report within about +30 s: when only
 * defence parameters vary the cells are flown once and each sample costs its flyout tables (one
 * per interceptor type) and engagements (bmd/montecarlo.h, fast path): 40 samples of <= 240
 * cells; when a missile flight parameter varies every sample flies every cell again: 8 of
 * <= 80. report --samples N gives N samples (at least 40 on the fast path). */
#define REPORT_MC_SAMPLES 40
#define REPORT_MC_MAX_CELLS 240
#define REPORT_MC_SAMPLES_REFLOWN 8
#define REPORT_MC_MAX_CELLS_REFLOWN 80
#define REPORT_MC_SEED 1

/* Whether a missile flight parameter varies (every sample then flies again). */
static int reflown(const bmd_param_set *set)
{
    for (int k = 0; k < set->n; k++)
        if (bmd_param_kind(set->items[k].path) == BMD_PARAM_MISSILE &&
            !strstr(set->items[k].path, ".signature."))
            return 1;
    return 0;
}

/* The map's grid coarsened to at most REPORT_MC_MAX_CELLS cells (its spec into spec). */
static int coarse_grid(const bmd_scenario *scn, const bmd_footprint_box *b, long max_cells,
                       bmd_footprint_grid *g, char *spec, size_t n, bmd_error *err)
{
    static const double steps[] = {0.25, 0.5, 1, 2, 3, 5, 10, 20};
    const double s = b->south_rad * BMD_DEG_PER_RAD, w = b->west_rad * BMD_DEG_PER_RAD;
    const double north = s + (b->n_lat - 1) * b->dlat_rad * BMD_DEG_PER_RAD;
    const double east = w + (b->n_lon - 1) * b->dlon_rad * BMD_DEG_PER_RAD;
    double step = steps[0];
    for (size_t k = 0; k < sizeof steps / sizeof *steps; k++) {
        step = steps[k];
        if ((floor((north - s) / step + 1e-9) + 1) * (floor((east - w) / step + 1e-9) + 1) <=
            max_cells)
            break;
    }
    snprintf(spec, n, "%.4f,%.4f,%.4f,%.4f,%g", s, fmax(north, s + step * 0.5), w,
             fmax(east, w + step * 0.5), step);
    memset(g, 0, sizeof *g);
    return bmd_footprint_grid_parse(scn, spec, 100000, g, err);
}

static void caption(const bmd_report *r, const bmd_analysis_footprint *m, const bmd_mc_footprint *x,
                    const char *spec, bmd_strbuf *sb)
{
    long counts[BMD_MC_N_BANDS] = {0};
    for (long k = 0; k < x->n_cells; k++)
        counts[bmd_mc_band(x->p_one[k])]++;
    char params[8192];
    bmd_mc_params_text(&x->params, params, sizeof params);
    const int la = m->mode == BMD_FOOTPRINT_LAUNCH_AREA;
    char design[600], line[400];
    snprintf(design, sizeof design, "A missile flight parameter varies (%s%s)",
             bmd_mc_footprint_design_text(x, line, sizeof line),
             x->threat_draws >= x->n ? ", hence fewer samples and cells" : "");
    bmd_sb_puts(sb, "<figcaption>");
    bmd_rp_textf(sb, "Probability that a cell can be engaged (at least one shot opportunity) over "
                 "%ld samples (seed %llu, %s sampler) of the uncertain parameters: %s. Grid %s "
                 "(%ld cells, coarser than the footprint map above to keep the report fast): "
                 "%ld cells at 90-100 %%, %ld at 50-90 %%, %ld at 10-50 %%, %ld below 10 %%. With "
                 "%ld samples each probability is a multiple of 1/%ld and uncertain by up to about "
                 "%.0f percentage points. %s; one flyout table per interceptor type per "
                 "sample (as the engagement tables). For more: bmdsim footprint %s --mode %s "
                 "--%s %s --grid %s --samples 200.",
                 x->n, (unsigned long long)x->seed, bmd_sampler_name(x->sampler), params, spec,
                 x->n_cells, counts[3], counts[2], counts[1], counts[0], x->n, x->n,
                 100.0 * 0.5 / sqrt((double)x->n),
                 x->reused ? "Only defence parameters vary, so each cell's threat was flown once "
                             "and re-engaged in every sample"
                           : design,
                 r->an->scn->path,
                 la ? "launch-area" : "defended-area", la ? "target" : "launch",
                 la && m->threat >= 0 ? r->an->scn->threats[m->threat].name : m->centre, spec);
    bmd_sb_puts(sb, "</figcaption>\n");
}

int bmd_rp_coverage_probability(const bmd_report *r, bmd_strbuf *sb, bmd_error *err)
{
    bmd_sb_puts(sb, "<h3 id=\"coverage-probability\">Coverage probability</h3>\n");
    if (!r->fps || r->fps->n < 1) {
        bmd_sb_puts(sb, "<p>No footprint map in this report, so no coverage-probability map "
                        "(give the scenario a launch area with a missile and a grid).</p>\n");
        return BMD_SUCCESS;
    }
    if (r->opt.monte_carlo && r->opt.monte_carlo->samples < 1) {
        bmd_sb_puts(sb, "<p>Not computed: the report was asked for no Monte Carlo samples "
                        "(--samples 0).</p>\n");
        return BMD_SUCCESS;
    }
    const bmd_analysis_footprint *m = &r->fps->maps[0];
    const bmd_scenario *scn = r->an->scn;
    bmd_footprint_grid g;
    memset(&g, 0, sizeof g);
    char spec[160];
    bmd_param_set set = {0};
    int st = BMD_SUCCESS;
    if (!r->opt.uncertain)
        st = bmd_param_set_from_scenario(scn, &set, err);
    for (int k = 0; !st && r->opt.uncertain && k < r->opt.uncertain->n; k++) /* report --vary */
        st = bmd_param_set_add(&set, &r->opt.uncertain->items[k], err);
    const int refly = !st && reflown(&set);
    long samples = refly ? REPORT_MC_SAMPLES_REFLOWN : REPORT_MC_SAMPLES;
    if (r->opt.monte_carlo) /* report --samples N: N samples, at least 40 when flown once */
        samples = refly ? r->opt.monte_carlo->samples
                        : (r->opt.monte_carlo->samples > samples ? r->opt.monte_carlo->samples
                                                                 : samples);
    if (!st)
        st = coarse_grid(scn, &m->grid.box, refly ? REPORT_MC_MAX_CELLS_REFLOWN
                                                  : REPORT_MC_MAX_CELLS, &g, spec, sizeof spec,
                         err);
    bmd_mc_footprint_input in;
    memset(&in, 0, sizeof in);
    in.mode = m->mode;
    in.threat = m->mode == BMD_FOOTPRINT_LAUNCH_AREA ? m->threat : -1;
    in.launch_area = m->launch_area;
    in.centre_lat_rad = m->centre_lat_rad, in.centre_lon_rad = m->centre_lon_rad;
    in.cell_lat_rad = g.lat_rad, in.cell_lon_rad = g.lon_rad, in.n_cells = g.n_cells;
    in.toward_lat_rad = m->centre_lat_rad, in.toward_lon_rad = m->centre_lon_rad;
    if (!st && m->mode == BMD_FOOTPRINT_LAUNCH_AREA)
        in.toward_lat_rad = g.lat_rad[g.n_cells / 2], in.toward_lon_rad = g.lon_rad[g.n_cells / 2];
    /* the report's launch-on setting, unless it is itself uncertain */
    in.launch_on = bmd_param_set_find(&set, "rules.launch_on") >= 0
                       ? -1 : (int)r->an->opt.engage.launch_on;
    in.no_fcr_coverage = !r->an->opt.engage.require_fcr_coverage;
    bmd_footprint_options_init(&in.opt);
    in.opt.flight.sample_interval_s = 10.0; /* as the report's footprint maps */
    in.tables_per_type = 1;                 /* as the analysis' engagements */
    bmd_mc_options opt;
    bmd_mc_options_init(&opt);
    opt.samples = samples;
    opt.seed = REPORT_MC_SEED;
    if (r->opt.monte_carlo) { /* report --seed/--sampler (bmd_report_options) */
        opt.seed = r->opt.monte_carlo->seed;
        opt.sampler = r->opt.monte_carlo->sampler;
        if (r->opt.monte_carlo->threat_draws <= samples) /* report --threat-draws K */
            in.threat_draws = r->opt.monte_carlo->threat_draws;
    }
    opt.threads = 0; /* the OpenMP default; the counts do not depend on it */
    bmd_mc_footprint x;
    memset(&x, 0, sizeof x);
    bmd_error run_err;
    bmd_error_clear(&run_err);
    if (!st && bmd_mc_footprint_run(scn, &set, &in, &opt, &x, &run_err)) {
        /* a sample the models refuse (e.g. an aim that does not converge) costs the map, not the
           report: say why */
        bmd_sb_puts(sb, "<p>The coverage-probability map could not be computed: ");
        bmd_rp_text(sb, run_err.message);
        bmd_sb_puts(sb, ".</p>\n");
        bmd_param_set_free(&set);
        bmd_footprint_grid_free(&g);
        return BMD_SUCCESS;
    }
    bmd_scene sc;
    bmd_scene_init(&sc, &scn->earth);
    for (int s = 0; !st && s < scn->n_sites; s++)
        if (scn->sites[s].count > 0)
            st = bmd_scene_add_site(&sc, scn->sites[s].name, BMD_SITE_INTERCEPTOR,
                                    scn->sites[s].site.lat_rad, scn->sites[s].site.lon_rad,
                                    scn->sites[s].site.height_m, NULL, err);
    if (!st)
        st = bmd_scene_add_site(&sc, m->centre, m->mode == BMD_FOOTPRINT_LAUNCH_AREA
                                                    ? BMD_SITE_TARGET : BMD_SITE_LAUNCH,
                                m->centre_lat_rad, m->centre_lon_rad, 0.0, NULL, err);
    if (!st)
        st = bmd_mc_footprint_scene(&x, &g, m->centre, &sc, err);
    char title[240];
    snprintf(title, sizeof title, "Coverage probability: %.50s x %.50s, %ld samples, seed %llu",
             m->centre, m->grid_name, opt.samples, (unsigned long long)opt.seed);
    bmd_map_view view;
    bmd_map_view_init(&view);
    view.scale_units = r->units;
    view.width_px = 1000;
    view.height_px = 720;
    view.title = title;
    char *svg = NULL;
    if (!st)
        st = bmd_map_view_fit(&view, &sc, err);
    if (!st)
        st = bmd_map_svg(&view, r->opt.world, &sc, &svg, err);
    if (!st) {
        bmd_sb_puts(sb, "<figure id=\"coverage-probability-map\" class=\"footprint\">\n");
        bmd_rp_svg(sb, svg, 290);
        caption(r, m, &x, spec, sb);
        bmd_sb_puts(sb, "</figure>\n");
    }
    free(svg);
    bmd_scene_free(&sc);
    bmd_mc_footprint_free(&x);
    bmd_param_set_free(&set);
    bmd_footprint_grid_free(&g);
    return st;
}
