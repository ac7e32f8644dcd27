/* bmd/report.h — the HTML report of an analysis (module `report`): one self-contained file (inline CSS
 * and SVG; nothing fetched from the network) that a journalist can read:
 *   the question (the scenario's, and what physics can and cannot say about it); the findings in
 *   plain language, generated from the numbers; the scenario (a map of sites, radar coverage,
 *   launch areas, targets and ground tracks; tables of sites, sensors and threats); the engagement
 *   table; trajectory plots (altitude against ground range with the intercept window) and
 *   engagement timelines per site; any extra map sections (footprints); the parameters of every
 *   missile, interceptor and radar used with their sources and notional flags; assumptions and
 *   limits; the command line and bmdsim version that produced it.
 * Distances in km with miles beside them; all text is escaped for HTML.
 *
 * Two analyses of the same scenario may be given: `an` (as the scenario says; by default the
 * site's fire-control radar must see the threat at the intercept) and optionally `remote`, the
 * same with opt.engage.require_fcr_coverage = 0 (any cueing sensor's track may guide the
 * interceptor: "engage on remote"), the kinematic reach the public debate is about. Findings
 * then state both.
 *
 * Use:
 *   bmd_report *r; bmd_report_begin(&r, &an, &remote, &opt, &err);
 *   bmd_report_add_footprints(r, &footprints, &err);   // optional (bmd_analysis_footprints_run)
 *   bmd_report_add_map(r, "Defended area", "caption ...", &footprint_scene, &err);   // optional
 *   bmd_report_write(r, "out/report.html", &err);
 *   bmd_report_free(r); */
#ifndef BMD_REPORT_H
#define BMD_REPORT_H

#include "bmd/api.h"

#include "bmd/analysis.h"
#include "bmd/montecarlo.h"
#include "bmd/error.h"
#include "bmd/map.h"
#include "bmd/scene.h"
#include "bmd/unit_system.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bmd_report_options {
    const char *command_line;   /* the exact command that produced the report (shown verbatim) */
    const bmd_world *world;     /* land and borders for the maps; NULL: none drawn */
    const char *generated_by;   /* e.g. "bmdsim 0.1.0"; NULL: "bmdsim " + bmd_version() */
    /* Monte Carlo of the section "How robust is each finding" (added fields; zero: as before).
     * monte_carlo: samples, seed and sampler of the coverage-probability map (samples 0: no
     * map); NULL: the map's own small default (8 samples, seed 1, lhs). uncertain: the
     * parameters varied (borrowed); NULL: the scenario's (bmd_param_set_from_scenario). */
    const bmd_mc_options *monte_carlo;
    const bmd_param_set *uncertain;
} bmd_report_options;

/* The report's default number of Monte Carlo samples (`bmdsim report --samples`), per launch-on
 * rule for the probability table and for the coverage-probability map. One constant: raise it
 * when the Monte Carlo gets faster (docs/robustness.md gives its cost). */
#define BMD_REPORT_MC_SAMPLES 8

typedef struct bmd_report bmd_report;

/* Start a report of an (required) and remote (may be NULL). Both analyses, the scenario and the
 * options' strings and world are borrowed until bmd_report_free. Errors: BMD_EINVAL for a NULL or
 * empty analysis, or a remote analysis of another scenario; BMD_ENOMEM. */
BMD_API int bmd_report_begin(bmd_report **report, const bmd_analysis *an, const bmd_analysis *remote,
                             const bmd_report_options *opt, bmd_error *err);

/* Add a map section (e.g. a footprint): heading, a caption (plain text, escaped) and the scene
 * drawn on a map fitted to it (the scene is drawn at once; it may be freed afterwards).
 * Errors: BMD_EINVAL for a NULL or empty heading or an empty scene; those of bmd_map_svg. */
BMD_API int bmd_report_add_map(bmd_report *report, const char *heading, const char *caption,
                               const bmd_scene *scene, bmd_error *err);

/* Add the footprint maps (bmd_analysis_footprints_run of the report's analysis), borrowed until
 * bmd_report_free: a "Footprints" section with one map per footprint (the >= 1 and >= 2 shot
 * regions as filled polygons, the grid, the sites and the launch point or target, a legend) and
 * a caption giving the grid, its step, what "covered" means and the coverage statistics; and one
 * plain-language line per footprint in the findings. Errors: BMD_EINVAL for NULL or footprints
 * of another analysis. */
BMD_API int bmd_report_add_footprints(bmd_report *report, const bmd_analysis_footprints *footprints,
                                      bmd_error *err);

/* Add the same scenario analysed under another launch-on setting (bmd/engagement.h; e.g. a
 * radar track after burnout), borrowed until bmd_report_free: the report then shows every
 * (threat, site) verdict under each setting side by side (own radar, engage on remote, and this
 * one), each column naming its setting, delays and radar requirement. Errors: BMD_EINVAL for
 * NULL or an analysis of another scenario. */
BMD_API int bmd_report_add_setting(bmd_report *report, const bmd_analysis *alt, bmd_error *err);

/* Give the report Leaflet (npm leaflet 1.9.4: dist/leaflet.js and dist/leaflet.css, as text;
 * borrowed until bmd_report_free) for an interactive map in the scenario section: pan and zoom,
 * layers to toggle (Natural Earth land and borders, radar coverage, launch and target areas, one
 * per footprint and mode, tracks, sites) and a popup per object with its GeoJSON properties; all
 * inlined, nothing fetched (the CSS's url() images are dropped). js and css NULL: no interactive
 * map, and the page says why_absent (may be NULL). Without this call the page says Leaflet was
 * not given. Errors: BMD_EINVAL for a NULL report or only one of js and css. */
BMD_API int bmd_report_set_leaflet(bmd_report *report, const char *js, const char *css,
                                   const char *why_absent, bmd_error *err);

/* Show the report's distances, altitudes, speeds and areas (tables, findings, captions, figure
 * axes, the interactive map's popups) in units (bmd/unit_system.h; default metric); the page
 * states which. The exports (GeoJSON, KML, CZML) and the parameter tables stay SI.
 * Errors: BMD_EINVAL for a NULL report or an unknown unit system. */
BMD_API int bmd_report_set_units(bmd_report *report, bmd_unit_system units, bmd_error *err);

/* The HTML text (caller frees). Errors: those of the plots and maps; BMD_ENOMEM. */
BMD_API int bmd_report_html(const bmd_report *report, char **html, bmd_error *err);

/* Write the HTML to path atomically (bmd/atomic_file.h). */
BMD_API int bmd_report_write(const bmd_report *report, const char *path, bmd_error *err);

/* Three lines summing up the findings (for a terminal), each NUL-terminated in lines[i]. */
#define BMD_REPORT_SUMMARY_MAX 320
BMD_API void bmd_report_summary(const bmd_report *report, char lines[3][BMD_REPORT_SUMMARY_MAX]);

/* ---------------------------------------------------------------------------------------------
 * The per-pair probability table (src/report/report_probability.c): the Monte Carlo of the
 * report's analysis (bmd_mc_run) once per launch-on rule (bmd_launch_on), each run with the
 * analysis' engagement options and that rule, required speeds off; one run with the rule itself
 * uncertain when the parameter set varies rules.launch_on. Same seed: identical results on any
 * thread count (bmd/montecarlo.h). */
typedef struct bmd_report_probabilities {
    const bmd_scenario *scn;                  /* the analysis' scenario (borrowed) */
    int n_runs;                               /* BMD_LAUNCH_ON_COUNT, or 1 (rule varied) */
    int launch_on[BMD_LAUNCH_ON_COUNT];       /* each run's bmd_launch_on; -1: varied */
    bmd_mc_result runs[BMD_LAUNCH_ON_COUNT];
} bmd_report_probabilities;

/* Run it on the report's analysis an (required) with set (NULL: the scenario's uncertain
 * parameters) and opt (samples >= 1, seed, sampler, threads; opt->analysis is ignored).
 * Errors: BMD_EINVAL (NULL an or opt); those of bmd_mc_run, prefixed with the rule. On error out
 * is empty. */
BMD_API int bmd_report_probabilities_run(const bmd_analysis *an, const bmd_param_set *set,
                                         const bmd_mc_options *opt, bmd_report_probabilities *out,
                                         bmd_error *err);

/* The plain-language reading of a probability p over n samples: "always", "never", "almost
 * always", "almost never" (the 95 % Wilson interval within 5 percentage points of 1 resp. 0),
 * else "uncertain". */
BMD_API const char *bmd_report_probability_reading(double p, long n);

/* The 95 % Wilson score interval of a fraction p of n samples into lo, hi. */
BMD_API void bmd_report_wilson95(double p, long n, double *lo, double *hi);

/* Show the table in the section "How robust is each finding" (borrowed until bmd_report_free;
 * NULL: the section says how to get it). Errors: BMD_EINVAL for a NULL report or a table of
 * another scenario. */
BMD_API int bmd_report_add_probabilities(bmd_report *report, const bmd_report_probabilities *p,
                                         bmd_error *err);

/* Add the table to the scene's intercept points (bmd_analysis_scene, feature "intercept", with
 * "threat" and "site" properties) as properties per rule R (its bmd_launch_on_name, or
 * "varied"): "mc_p_at_least_one_shot_R", "mc_p_at_least_one_shot_R_wilson95_low"/"_high",
 * "mc_p_at_least_two_shots_R", "mc_reading_R"; and "mc_samples", "mc_seed", "mc_sampler",
 * "mc_parameters". Errors: those of bmd_scene_set_number and _text. */
BMD_API int bmd_report_probabilities_scene(const bmd_report_probabilities *p, bmd_scene *scene,
                                           bmd_error *err);

BMD_API void bmd_report_probabilities_free(bmd_report_probabilities *p);

BMD_API void bmd_report_free(bmd_report *report);

#ifdef __cplusplus
}
#endif
#endif
