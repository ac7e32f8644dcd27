/* bmd/analysis.h — the analysis runner (module `analysis`): from a resolved scenario (bmd/scenario.h),
 * fly every threat, build the flyout tables, evaluate every threat against every defence site
 * (bmd/engagement.h) and, when asked, the interceptor speed each pair would need. The report
 * (bmd/report.h) and `bmdsim engage SCENARIO.yaml` are written from its results.
 *
 * What it does, in order:
 *   1. Threats. Each threat's missile (the catalogue entry with the threat's `set:` overrides) is
 *      flown from its launch point to its target on the threat's shape (bmd_analysis_fly, that is
 *      bmd_aim_fly_to: the max-range plan along the target's bearing with the steering law of the
 *      longer range, bmd_aim_target to 100 m, the flight sampled every 2 s; the shape is
 *      min-energy unless the threat says otherwise). A target beyond the missile's reach is a
 *      normal outcome: the threat is reported unreachable with its maximum range and not engaged.
 *   2. Flyout tables. One table per interceptor type (catalogue name and `set:` overrides), shared
 *      by every site that fires it. The reference launch of a table (bmd_flyout_options.site) is
 *      the first site with interceptors of that type, heading toward the launch point of the first
 *      flown threat; on a rotating Earth the table is exact for that latitude and heading and
 *      within about 1 % in flyout time elsewhere (bmd/interceptor.h). With one threat and one site
 *      per type this is exactly the table of `bmdsim engage` in its flag form.
 *   3. Sensors. For each (threat, site): the site's cueing sensors (`cue:`, scenario sensors:
 *      radars placed and turned by bmd_scenario_resolve, space-based IR) form the bmd_sensor_set
 *      of bmd_threat_prepare_rcs; the site's own radar is its fire-control radar. The object every
 *      radar looks for is the warhead (BMD_OBJECT_RV) with the cross-section of the threat's
 *      catalogue entry (signature.warhead_rcs_m2, or its printed default).
 *   4. Timeline. The site's timeline (the scenario's, with the site's own values) maps onto
 *      bmd_timeline: detect_to_track_s -> track_delay_s, track_to_decision_s -> decision_delay_s,
 *      decision_to_launch_s -> launch_delay_s, kill_assessment_s -> kill_assessment_s.
 *   5. Engagements: bmd_engage for every (threat, site) with interceptors, and
 *      bmd_engage_required_speed when opt.required_speed is set. Sites with count 0 are reported
 *      as such (no evaluation).
 * Pairs are evaluated in parallel (OpenMP, when the library is built with it) over threats x
 * sites; every pair is computed by the same calls on the same inputs whatever the number of
 * threads, so the results are identical for any thread count.
 *
 * An analysis owns its memory: release it with bmd_analysis_free. It borrows the scenario, which
 * must outlive it. All SI (m, s, rad). */
#ifndef BMD_ANALYSIS_H
#define BMD_ANALYSIS_H


#include "bmd/api.h"

#include <stddef.h>

#include "bmd/aim.h"
#include "bmd/engagement.h"
#include "bmd/error.h"
#include "bmd/footprint_summary.h"
#include "bmd/interceptor.h"
#include "bmd/scenario.h"
#include "bmd/scene.h"
#include "bmd/trajectory.h"

#ifdef __cplusplus
extern "C" {
#endif

/* ---------------------------------------------------------------------------------------------
 * One aimed flight (also used by `bmdsim engage` and `bmdsim sensor` in their flag forms). */

/* Options of an aimed flight. Zeros select the defaults. */
typedef struct bmd_analysis_flight_options {
    double aim_tolerance_m;    /* impact within this of the target (default 100 m) */
    double sample_interval_s;  /* time series step (default 2 s) */
} bmd_analysis_flight_options;

/* An aimed flight. reachable 0: the target is beyond the missile's reach on that bearing
 * (max_range_m says how far it gets); nothing was flown and traj is empty. */
typedef struct bmd_analysis_flight {
    int reachable;
    double max_range_m;          /* maximum ground range along the target's bearing */
    double miss_m;               /* impact to target */
    bmd_plan plan;               /* the plan flown */
    bmd_flight_summary summary;
    bmd_trajectory traj;         /* owned: bmd_trajectory_free (or bmd_analysis_flight_free) */
} bmd_analysis_flight;

/* Fly missile from (lat, lon, height) to the target (lat, lon) on shape: bmd_aim_fly_to (the one
 * threat flight of every command: max-range plan along the target's bearing with the steering law
 * of the longer range, aim to 100 m) recording the time series every sample_interval_s. opt may
 * be NULL. Out of reach is a normal answer (BMD_SUCCESS, reachable 0).
 * Errors: those of bmd_aim_fly_to; out is then empty. */
BMD_API int bmd_analysis_fly(const bmd_earth *earth, const bmd_missile *missile, bmd_aim_shape shape,
                                     double from_lat_rad, double from_lon_rad, double from_height_m,
                                     double to_lat_rad, double to_lon_rad, const bmd_analysis_flight_options *opt,
                                     bmd_analysis_flight *out, bmd_error *err);

/* Release the flight's time series. */
BMD_API void bmd_analysis_flight_free(bmd_analysis_flight *flight);

/* ---------------------------------------------------------------------------------------------
 * The analysis of a scenario. */

/* Options. Start from bmd_analysis_options_init. */
typedef struct bmd_analysis_options {
    int required_speed;                   /* nonzero: bmd_engage_required_speed per pair
                                             (default 1) */
    bmd_engage_options engage;            /* bmd_engage_options_init; with
                                             rules_from_scenario its launch_on and
                                             require_fcr_coverage are the scenario's */
    int rules_from_scenario;              /* default 1: the scenario's `engagement:` rules
                                             (bmd_scenario_rules); 0: engage as given */
    bmd_required_speed_options speed;     /* bmd_required_speed_options_init */
    bmd_flyout_options flyout;            /* site and azimuth are set per table (see above);
                                             the rest as given (defaults) */
    bmd_analysis_flight_options flight;   /* zeros: defaults */
    int threads;                          /* OpenMP threads; 0: the OpenMP default */
    /* Reuse instead of recompute (borrowed; must outlive this analysis and have been run on a
     * scenario with the same threats and sites, e.g. a bmd_param_scenario_copy whose missiles,
     * resp. interceptors, are unchanged): NULL computes as usual. Monte Carlo samples and the
     * report's launch-on variants share the nominal flights and tables this way. */
    const struct bmd_analysis *flights_from;   /* step 1: the threat flights */
    const struct bmd_analysis *flyouts_from;   /* step 2: the flyout tables */
} bmd_analysis_options;

BMD_API void bmd_analysis_options_init(bmd_analysis_options *opt);

/* What happened to one (threat, site) pair. */
typedef enum bmd_analysis_status {
    BMD_ANALYSIS_EVALUATED = 0,        /* bmd_engage ran: see engagement */
    BMD_ANALYSIS_NO_INTERCEPTORS = 1,  /* the site has count 0 */
    BMD_ANALYSIS_THREAT_UNREACHABLE = 2 /* the threat's target is beyond its missile's reach */
} bmd_analysis_status;

/* "evaluated", "no interceptors at the site", "target beyond the missile's reach". */
BMD_API const char *bmd_analysis_status_name(bmd_analysis_status status);

/* One flown threat. */
typedef struct bmd_analysis_threat {
    int index;                         /* in the scenario's threats */
    bmd_analysis_flight flight;
} bmd_analysis_threat;

/* One (threat, site) pair. */
typedef struct bmd_analysis_pair {
    int threat, site;                  /* scenario indices */
    bmd_analysis_status status;
    bmd_timeline timeline;             /* the site's, mapped (step 4) */
    bmd_threat prepared;               /* with the site's cueing sensors (points into the
                                          analysis' trajectory) */
    bmd_engagement engagement;         /* when evaluated */
    int detector_sensor;               /* scenario sensor index of the first detection; -1 for
                                          none or the site's fire-control radar */
    int has_required_speed;
    bmd_required_speed required;       /* when has_required_speed */
} bmd_analysis_pair;

/* One flyout table and the sites that share it. */
typedef struct bmd_analysis_flyout {
    int first_site;                    /* the site whose interceptor and location define it */
    bmd_flyout table;
} bmd_analysis_flyout;

/* The whole analysis. */
typedef struct bmd_analysis {
    const bmd_scenario *scn;           /* borrowed */
    bmd_analysis_options opt;
    int n_threats, n_sites;
    bmd_analysis_threat *threats;      /* [n_threats] */
    int n_flyouts;
    bmd_analysis_flyout *flyouts;      /* [n_flyouts] */
    int *site_flyout;                  /* [n_sites]: index into flyouts, -1 for count 0 */
    bmd_analysis_pair *pairs;          /* [n_threats * n_sites], threat-major */
    int borrowed_flights;              /* flights are opt.flights_from's (not freed here) */
    int borrowed_flyouts;              /* tables are opt.flyouts_from's (not freed here) */
} bmd_analysis;

/* Run the analysis of a resolved scenario. opt may be NULL (defaults). On error the analysis is
 * left empty (bmd_analysis_free is still safe). Errors: BMD_EINVAL for an unresolved scenario or
 * bad options (naming the field); those of the flights, flyout builds and engagements, prefixed
 * with the threat's and site's names; BMD_ENOMEM. */
BMD_API int bmd_analysis_run(const bmd_scenario *scn, const bmd_analysis_options *opt,
                                     bmd_analysis *out, bmd_error *err);

/* The pair of threat ti and site si (scenario indices), or NULL when out of range. */
BMD_API const bmd_analysis_pair *bmd_analysis_pair_at(const bmd_analysis *an, int ti, int si);

/* A short text naming who first detected the threat in a pair: the scenario sensor's name, or
 * "fire-control radar (TYPE)", or "none"; written into buf (n bytes). Returns buf. */
BMD_API const char *bmd_analysis_detector_name(const bmd_analysis *an, const bmd_analysis_pair *pair,
                                                       char *buf, size_t n);

/* ---------------------------------------------------------------------------------------------
 * The analysis on a map (bmd/scene.h), for GeoJSON, KML and SVG maps. */

/* What bmd_analysis_scene adds besides the defaults. */
enum {
    BMD_ANALYSIS_SCENE_INTERCEPTS = 1,  /* earliest and latest intercept points of every
                                           engageable pair (sites of kind other, at the
                                           intercept altitude, "feature": "intercept") */
    BMD_ANALYSIS_SCENE_ALL_POINTS = 2   /* every point of the launch areas and target sets, not
                                           only those the threats use */
};

/* The ground radius drawn as a radar's coverage: its detection range for the reentry vehicle's
 * cross-section (R_ref (sigma_RV / sigma_ref)^(1/4)), capped by the instrumented range; NAN for
 * an invalid radar. A slant range used as a ground radius: the coverage of targets at altitude
 * (the radar horizon limits low targets further; bmd/sensor.h). */
BMD_API double bmd_analysis_radar_coverage_m(const bmd_radar *radar);

/* Add the analysis to scene (initialised by the caller with bmd_scene_init, on the scenario's
 * Earth; more features, e.g. footprints, may be added before or after): the title (when the scene
 * has none); launch-area boxes as launch areas and target-set boxes as target areas; radar
 * coverage of every radar sensor and of every site's fire-control radar (sectors for radars with
 * a limited field of view); the threats' trajectories (reachable ones); the sites (interceptor
 * sites with properties interceptor, count, radar; radar sensors; the threats' launch points and
 * targets, each once); and what flags ask for. Errors: BMD_EINVAL for an empty analysis; those of
 * the bmd_scene_add_* functions. */
BMD_API int bmd_analysis_scene(const bmd_analysis *an, int flags, bmd_scene *scene, bmd_error *err);

/* The same against an object of cross-section rcs_m2 (m^2): the warhead of a threat. */
BMD_API double bmd_analysis_radar_coverage_rcs_m(const bmd_radar *radar, double rcs_m2);

/* The pieces of bmd_analysis_scene, for callers that build a scene of their own (bmdsim engage):
 * one radar's coverage, named name, as a circle of bmd_analysis_radar_coverage_rcs_m against a
 * warhead of cross-section rcs_m2 (a sector when the radar's field of view is limited) with
 * properties "radar": type, "object": "warhead" and "rcs_m2"; BMD_EINVAL ("radar NAME: no valid
 * detection range") when the radar has none. bmd_analysis_scene draws every radar against the
 * smallest warhead cross-section of the scenario's threats. */
BMD_API int bmd_analysis_scene_add_coverage(bmd_scene *sc, const char *name, const char *type,
                                            const bmd_radar *r, double rcs_m2, bmd_error *err);

/* The engagement rules as properties of feature f: launch_on, track_delay_s, decision_delay_s,
 * launch_delay_s, kill_assessment_s and fcr_required_at_intercept ("yes"/"no"). bmd_analysis_scene
 * puts them on every interceptor site and intercept point. Errors: those of bmd_scene_set_*. */
BMD_API int bmd_analysis_scene_set_rules(bmd_scene *sc, int f, const bmd_engagement_rules *r,
                                         bmd_error *err);

/* One intercept point p as a site of kind other named "WHICH intercept of THREAT from SITE"
 * (which: "earliest" or "latest"), at the intercept altitude, with properties "feature":
 * "intercept", threat, site, time_s, altitude_km, closing_speed_km_s and (rules not NULL) the
 * rules of bmd_analysis_scene_set_rules. Errors: those of the bmd_scene_add_* functions. */
BMD_API int bmd_analysis_scene_add_intercept(bmd_scene *sc, const char *threat, const char *site,
                                             const char *which, const bmd_intercept_point *p,
                                             const bmd_engagement_rules *rules, bmd_error *err);

/* ---------------------------------------------------------------------------------------------
 * Footprint maps of an analysis (bmd/footprint.h, bmd/footprint_summary.h), for the report.
 *
 * Which maps (derived from the scenario; docs/scenarios.md, "Footprint maps in the report"):
 *   - defended-area: for every launch area with a missile, and every grid of `grids:` with a box:
 *     the missile launched from the area's first threat launch point (else its first named point)
 *     aimed at every cell of the grid. Maps with no cell within the missile's reach are dropped
 *     (named in `dropped`).
 *   - launch-area: for every launch area with a missile and a box: the missile aimed at the target
 *     of the area's first threat that reaches its target, launched from every cell of the box.
 * Each grid is coarsened to at most opt.max_cells cells: the scenario's step when that fits, else
 * the smallest of 0.25, 0.5, 1, 2, 3, 5, 10 degrees that fits. Every map is computed as modelled
 * (the site's fire-control radar must see the threat, the analysis' engage options) and, with
 * opt.remote, again on remote (require_fcr_coverage = 0). The defence: every site with
 * interceptors (bmd_footprint_defense_from_scenario, flyout tables toward the launch point, or
 * toward the middle of the launch grid). Threat flights sampled every 10 s (as `bmdsim
 * footprint`). */

#define BMD_ANALYSIS_MAX_FOOTPRINTS 16

/* Progress: map run `run` of n_runs (own radar and remote runs counted apart), cells done of
 * total in that run. Called from one thread. */
typedef void (*bmd_analysis_progress_fn)(void *context, int run, int n_runs, long done,
                                         long total);

typedef struct bmd_analysis_footprint_options {
    long max_cells;                      /* per map (default 600; 0: the default) */
    int remote;                          /* also compute engage on remote (default 1) */
    int threads;                         /* OpenMP threads (0: the OpenMP default) */
    bmd_analysis_progress_fn progress;   /* may be NULL */
    void *context;
} bmd_analysis_footprint_options;

BMD_API void bmd_analysis_footprint_options_init(bmd_analysis_footprint_options *opt);

/* One footprint map. Results [0]: as modelled; [1]: on remote (cells NULL when not computed). */
typedef struct bmd_analysis_footprint {
    bmd_footprint_mode mode;
    int launch_area;                     /* scenario index of the launch area */
    int grid_index;                      /* scenario grids[] index; -1: the launch area's box */
    char grid_name[BMD_NAME_MAX];
    char centre[BMD_NAME_MAX];           /* launch point (defended-area) or target */
    double centre_lat_rad, centre_lon_rad;
    double step_deg;                     /* grid step used (degrees; NAN when the scenario's
                                            step_m was kept) */
    int coarsened;                       /* 1 when coarser than the scenario's grid */
    char grid_spec[200];                 /* the grid as `bmdsim footprint --grid SPEC` */
    int threat;                          /* launch-area: the scenario threat whose target is
                                            the centre and whose missile flies; -1 otherwise */
    bmd_footprint_grid grid;             /* the cells (owned) */
    bmd_footprint_cell *cells[2];        /* [grid.n_cells] each (owned) */
    bmd_footprint_summary summary[2];
    long site_cells[2][BMD_FOOTPRINT_MAX_SITES]; /* cells each site can engage */
    double run_s;                        /* wall time of the map (both runs) */
} bmd_analysis_footprint;

typedef struct bmd_analysis_footprints {
    const bmd_analysis *an;              /* borrowed */
    int has_remote;
    int n;
    bmd_analysis_footprint maps[BMD_ANALYSIS_MAX_FOOTPRINTS];
    int n_sites;                         /* sites with interceptors (bits of site_mask) */
    char site_names[BMD_FOOTPRINT_MAX_SITES][BMD_NAME_MAX];
    int n_dropped;                       /* maps with no cell within reach, not kept */
    char dropped[BMD_ANALYSIS_MAX_FOOTPRINTS][2 * BMD_NAME_MAX + 8];
    double run_s;                        /* wall time of everything */
} bmd_analysis_footprints;

/* Compute the footprint maps of an analysis (see above; none when the scenario has no launch
 * area with a missile, or neither grids nor launch boxes). opt may be NULL (defaults). out is
 * large: allocate it on the heap. Errors: BMD_EINVAL (empty analysis, bad options); those of
 * the grids, bmd_footprint_defense_from_scenario, bmd_footprint_prepare and bmd_footprint_run,
 * prefixed with the map; BMD_ENOMEM. On error out is freed. */
BMD_API int bmd_analysis_footprints_run(const bmd_analysis *an, const bmd_analysis_footprint_options *opt,
                                                bmd_analysis_footprints *out, bmd_error *err);

/* What bmd_analysis_footprint_scene adds. */
enum {
    BMD_ANALYSIS_FP_OWN = 1,     /* contours (>= 1 and >= 2 shots) of the own-radar result */
    BMD_ANALYSIS_FP_REMOTE = 2,  /* contours of the engage-on-remote result (when computed) */
    BMD_ANALYSIS_FP_GRID = 4,    /* the grid's box outline (target area for defended-area maps,
                                    launch area for launch-area maps) */
    BMD_ANALYSIS_FP_SITES = 8    /* the defence sites and the centre as sites */
};

/* Add map i of fps to scene: what flags ask for. Contour polygons are named "NAME >= N shot(s)"
 * (NAME "CENTRE x GRID", with " (remote)" for engage on remote) with the properties "map",
 * "min_shots", "area_km2", "mode" and "engage_on_remote". Errors: BMD_EINVAL (bad index); those
 * of bmd_footprint_scene_add_contours and the bmd_scene_add_* functions. */
BMD_API int bmd_analysis_footprint_scene(const bmd_analysis_footprints *fps, int i, int flags,
                                                 bmd_scene *scene, bmd_error *err);

BMD_API void bmd_analysis_footprints_free(bmd_analysis_footprints *fps);

/* The command line that reproduces variant v (0: as modelled, 1: on remote) of map i exactly:
 * "bmdsim footprint SCENARIO --mode MODE --launch POINT (or --target THREAT) --grid SPEC
 * --launch-on SETTING [--no-fcr-coverage]", written into buf (n bytes). Returns buf ("" for a
 * bad index). */
BMD_API const char *bmd_analysis_footprint_command(const bmd_analysis_footprints *fps, int i, int v,
                                                   char *buf, size_t n);

/* "engage on remote, launch on ir-track" or "own radar at intercept, launch on burnout": the
 * mode of variant v of the maps, for legends and captions. Returns buf. */
BMD_API const char *bmd_analysis_footprint_mode_text(const bmd_analysis_footprints *fps, int v,
                                                     char *buf, size_t n);

/* Release everything the analysis holds and zero it. */
BMD_API void bmd_analysis_free(bmd_analysis *an);

#ifdef __cplusplus
}
#endif
#endif
