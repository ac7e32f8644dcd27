/* bmd/engagement.h — engagements (module `defense`): can a defence site see a threat in time,
 * reach it, how often can it shoot, and what interceptor speed would it take.
 *
 * Use:
 *   1. once per threat: bmd_threat_prepare (the flown trajectory of the RV, its flight events, and
 *      the cueing sensors shared by all sites: first report time by any of them);
 *   2. once per interceptor type and Earth model: bmd_flyout_build (bmd/interceptor.h), shared
 *      read-only by every site that fires it;
 *   3. per (threat, site): bmd_engage, and when wanted bmd_engage_required_speed.
 * No global state; every call owns its outputs; prepared threats, sites, flyout tables and sensors
 * are only read, so any number of threads may share them (footprints run this in OpenMP loops).
 *
 * Timeline. detect = first report by a cueing sensor or by the site's fire-control radar (FCR)
 * (radars only with launch_on radar-track); start = detect, or the threat's burnout when later and
 * launch_on is burnout or radar-track; track = start + track_delay; earliest launch
 * L0 = track + decision_delay + launch_delay.
 *
 * Feasibility of an intercept at time t (threat position at t: geodesic ground range d(t) from the
 * site to the point below the threat, altitude h(t); T(t) = earliest KV arrival time after launch
 * at (d, h) from the flyout table, INFINITY when the table does not reach it):
 *   (a) T(t) <= ic.max_flyout_time_s                                         ("reach")
 *   (b) ic.min_altitude_m <= h(t) <= ic.max_altitude_m                       ("altitude")
 *   (c) closing speed |v_kv - v_threat| >= ic.min_closing_speed_m_s, where v_kv has the table's
 *       speed and flight-path angle at (d, h) and the heading of the geodesic from the site at the
 *       intercept point, and v_threat is the threat's Earth-relative velocity     ("reach")
 *   (d) when the site has an FCR and opt.require_fcr_coverage: the FCR sees the threat at t
 *   (e) t - T(t) >= L, the launch time (L0 for the first shot)                ("time")
 * (a)-(d) are geometry and do not depend on L. The feasible set may have gaps; the window reports
 * its first and last times. The trajectory is scanned in steps of at most opt.scan_step_s (<= 1 s;
 * longer strides only where the threat is provably outside the table's grid at its maximum speed)
 * and every change of feasibility is refined by bisection to opt.time_tol_s. Edges of the geometry
 * (a)-(d) between scan points are refined and examined too, and when no scan point is feasible the
 * largest t - T(t) near the best one is maximised (golden section), so short windows at the floor
 * or near the required speed are found.
 *
 * Shoot-look-shoot: shot 1 launched no earlier than L0 intercepts at the earliest feasible t1; the
 * next launch may happen no earlier than t1 + kill_assessment_s, and intercepts at the earliest
 * feasible time for that launch; and so on until no feasible time is left or the site's
 * interceptors are used up. Each shot's launch time is recorded as t_k - T(t_k), the launch of the
 * earliest-arrival flyout meeting the threat at t_k (>= the earliest allowed launch).
 *
 * Reasons for an empty window, tested in this order:
 *   not seen            no cueing sensor and no FCR ever sees the threat;
 *   out of reach        no time satisfies (a) and (c);
 *   below the altitude floor   (a) and (c) hold somewhere, but only where (b) fails (points
 *                       above the ceiling are outside the table: "out of reach");
 *   outside fire-control radar coverage   (a)-(c) hold somewhere, but never where the FCR sees it;
 *   not seen in time    (a)-(d) hold somewhere and the intercept would be feasible had the threat
 *                       been detected at its launch (t = trajectory start), but the actual
 *                       detection is too late;
 *   too late            not feasible even with detection at the threat's launch: the delays and
 *                       the flyout time alone are too long (the threat passes the reachable points
 *                       before any interceptor could arrive).
 *
 * Physics, conventions and sources: docs/parts/engagement-physics.md. All SI (m, s, rad). */
#ifndef BMD_ENGAGEMENT_H
#define BMD_ENGAGEMENT_H

#include "bmd/api.h"

#include <stddef.h>

#include "bmd/earth.h"
#include "bmd/error.h"
#include "bmd/interceptor.h"
#include "bmd/sensor.h"
#include "bmd/trajectory.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The delays of the engagement chain. */
typedef struct bmd_timeline {
    double track_delay_s;     /* first detection -> firm track (>= 0) */
    double decision_delay_s;  /* firm track -> decision to engage (>= 0) */
    double launch_delay_s;    /* decision -> interceptor launch (>= 0) */
    double kill_assessment_s; /* an intercept -> the next launch may happen (>= 0); includes the
                                 look, the new decision and the launch preparation */
} bmd_timeline;

/* The delays of bmd_engagement_rules_init (notional round numbers, see
 * docs/parts/engagement-physics.md): track 30 s, decision 10 s, launch 5 s, kill assessment 30 s. */
BMD_API void bmd_timeline_init(bmd_timeline *tl);

/* Check the delays. Errors: BMD_EINVAL naming the negative or non-finite delay. */
BMD_API int bmd_timeline_validate(const bmd_timeline *tl, bmd_error *err);

/* When the interceptor may be launched: what the chain of delays starts from. The settings
 * differ mainly on whether a fire-control-quality track exists before the threat's burnout and
 * which sensor provides it (Wilkening 2012, Sankaran 2013, National Academies 2012, Postol).
 *   ir-track     the first report by any cueing sensor (space-based IR while the threat still
 *                boosts, a cueing radar) or the site's fire-control radar; the launch may come
 *                before burnout. The most favourable setting for the defence.
 *   burnout      the same reports, but the chain starts no earlier than the threat's burnout
 *                (the end of the last burn): its ballistic path cannot be predicted before.
 *   radar-track  a radar's track only (a cueing radar or the site's fire-control radar; IR
 *                reports do not count), and no earlier than burnout. */
typedef enum bmd_launch_on {
    BMD_LAUNCH_ON_IR_TRACK = 0,
    BMD_LAUNCH_ON_BURNOUT = 1,
    BMD_LAUNCH_ON_RADAR_TRACK = 2
} bmd_launch_on;

#define BMD_LAUNCH_ON_COUNT 3

/* "ir-track", "burnout", "radar-track" and the inverse (BMD_EINVAL listing the names). */
BMD_API const char *bmd_launch_on_name(bmd_launch_on launch_on);
BMD_API int bmd_launch_on_parse(const char *name, bmd_launch_on *launch_on, bmd_error *err);

/* One sentence saying what a setting means ("launch on the first report by any cueing sensor,
 * space-based IR during boost included"). */
BMD_API const char *bmd_launch_on_meaning(bmd_launch_on launch_on);

/* The engagement rules: every assumption of the engagement chain that decides a verdict. ONE
 * set of defaults (bmd_engagement_rules_init) used by every command and both engage forms. */
typedef struct bmd_engagement_rules {
    bmd_launch_on launch_on;   /* default BMD_LAUNCH_ON_IR_TRACK */
    bmd_timeline timeline;     /* default bmd_timeline_init */
    int require_fcr_coverage;  /* default 1: a site with a fire-control radar engages only where
                                  that radar sees the threat at the intercept */
} bmd_engagement_rules;

/* The defaults: launch on ir-track, track 30 s, decision 10 s, launch 5 s, kill assessment 30 s,
 * fire-control radar coverage at the intercept required. */
BMD_API void bmd_engagement_rules_init(bmd_engagement_rules *rules);

/* Check the rules. Errors: BMD_EINVAL naming the bad delay or setting. */
BMD_API int bmd_engagement_rules_validate(const bmd_engagement_rules *rules, bmd_error *err);

/* The rules in one line, e.g. "launch on ir-track; delays: track 30 s, decision 10 s, launch 5 s,
 * kill assessment 30 s; fire-control radar must see the intercept: yes". Returns buf. */
BMD_API const char *bmd_engagement_rules_describe(const bmd_engagement_rules *rules, char *buf,
                                                  size_t n);

/* The cueing sensors, shared by all sites. Arrays may be NULL when their count is 0. Radars must
 * have their site set (see bmd/radar_catalog.h). */
typedef struct bmd_sensor_set {
    const bmd_radar *radars;
    int n_radars;
    const bmd_ir_sensor *ir;
    int n_ir;
} bmd_sensor_set;

/* Which sensor first reported the threat. */
typedef enum bmd_detector {
    BMD_DETECTOR_NONE = 0,
    BMD_DETECTOR_RADAR = 1,        /* cueing radar number detector_index */
    BMD_DETECTOR_IR = 2,           /* space-based IR number detector_index */
    BMD_DETECTOR_FIRE_CONTROL = 3  /* the site's fire-control radar */
} bmd_detector;

/* A threat ready for engagement queries. It points to the caller's trajectory and events, which
 * must outlive it; nothing to free. */
typedef struct bmd_threat {
    const bmd_trajectory *traj;      /* the RV's flight, from bmd_trajectory_fly */
    const bmd_flight_events *events; /* may be NULL (IR then ends burns at the last burning sample) */
    bmd_object_class cls;            /* radar cross-section class (BMD_OBJECT_RV for a warhead) */
    double t_first_s, t_last_s;      /* time span of the series */
    double cue_detect_s;             /* first report by a cueing sensor; INFINITY when none */
    bmd_detector cue_detector;
    int cue_index;                   /* index in the sensor set's array; -1 when none */
    double cue_radar_detect_s;       /* first report by a cueing radar (INFINITY: none) */
    int cue_radar_index;             /* its index in the sensor set's radars; -1 when none */
    double rcs_m2;                   /* cross-section every radar uses for this object (m^2);
                                        NAN: each radar's own table for cls (bmd_threat_prepare) */
    double burnout_s;                /* end of the last burn (events, else the last boosting
                                        sample; t_first_s when the series has no boost) */
    double max_speed_m_s;            /* largest Earth-relative speed in the series (scan strides) */
    double max_altitude_m;
} bmd_threat;

/* Prepare a threat: check the trajectory (>= 2 samples, times increasing), find its first report
 * by the cueing sensors (sensors may be NULL: none), its speed and altitude bounds.
 * Errors: BMD_EINVAL for a bad trajectory, class or sensor; those of the visibility scans. */
BMD_API int bmd_threat_prepare(const bmd_earth *earth, const bmd_trajectory *traj,
                                       const bmd_flight_events *events, bmd_object_class cls,
                                       const bmd_sensor_set *sensors, bmd_threat *threat, bmd_error *err);

/* The same with the cross-section radars see for the object (rcs_m2 > 0, m^2): the object's own,
 * from the threat's catalogue entry (bmd/catalog.h, bmd_catalog_signature), instead of the radars'
 * tables. Errors: as bmd_threat_prepare; BMD_EINVAL for a non-positive cross-section. */
BMD_API int bmd_threat_prepare_rcs(const bmd_earth *earth, const bmd_trajectory *traj,
                                   const bmd_flight_events *events, bmd_object_class cls, double rcs_m2,
                                   const bmd_sensor_set *sensors, bmd_threat *threat, bmd_error *err);

/* One defence site. The flyout table is built for the site's interceptor type (its ic carries the
 * altitude limits, maximum flyout time and minimum closing speed used here) on the same Earth
 * model; ground range from this site is looked up in it. */
typedef struct bmd_defense_site {
    double lat_rad, lon_rad, height_m; /* launcher, geodetic */
    const bmd_flyout *flyout;          /* shared, read-only */
    int n_interceptors;                /* ready to fire (>= 1) */
    const bmd_radar *fire_control;     /* NULL: none; its own site fields say where it is */
} bmd_defense_site;

/* Options of an engagement evaluation. */
typedef struct bmd_engage_options {
    double scan_step_s;        /* largest step of the scan (default 1 s; (0, 1] allowed) */
    double time_tol_s;         /* bisection tolerance of window edges (default 1e-3 s) */
    int require_fcr_coverage;  /* default 1: with an FCR, intercepts only where it sees the
                                  threat (the KV needs its in-flight updates); 0: the FCR only
                                  contributes to detection */
    bmd_launch_on launch_on;   /* what the launch waits for (default BMD_LAUNCH_ON_IR_TRACK) */
} bmd_engage_options;

/* Defaults: scan step 1 s, tolerance 1e-3 s, and require_fcr_coverage and launch_on of
 * bmd_engagement_rules_init. */
BMD_API void bmd_engage_options_init(bmd_engage_options *opt);

/* The timeline and options of the rules: tl = rules->timeline; opt's require_fcr_coverage and
 * launch_on from the rules (its scan step and tolerance unchanged). Either output may be NULL. */
BMD_API void bmd_engagement_rules_apply(const bmd_engagement_rules *rules, bmd_timeline *tl,
                                        bmd_engage_options *opt);

/* Why a window is empty. */
typedef enum bmd_engage_reason {
    BMD_ENGAGE_OK = 0,
    BMD_ENGAGE_NOT_SEEN = 1,
    BMD_ENGAGE_NOT_SEEN_IN_TIME = 2,
    BMD_ENGAGE_OUT_OF_REACH = 3,
    BMD_ENGAGE_BELOW_FLOOR = 4,
    BMD_ENGAGE_TOO_LATE = 5,
    BMD_ENGAGE_NO_FCR_COVERAGE = 6
} bmd_engage_reason;

/* "engageable", "not seen", "not seen in time", "out of reach", "below the altitude floor",
 * "too late", "outside fire-control radar coverage". */
BMD_API const char *bmd_engage_reason_name(bmd_engage_reason reason);

/* An intercept point (all NAN when there is none). */
typedef struct bmd_intercept_point {
    double t_s;                /* intercept time, s after threat launch */
    double flyout_s;           /* T(t): KV flight time to it */
    double launch_s;           /* t - T(t) */
    double lat_rad, lon_rad;   /* ground point below the threat */
    double altitude_m;
    double ground_range_m;     /* geodesic from the site */
    double kv_speed_m_s;       /* Earth-relative, from the table */
    double threat_speed_m_s;   /* Earth-relative */
    double closing_speed_m_s;  /* |v_kv - v_threat| */
    double crossing_angle_rad; /* angle between v_kv and v_threat: pi head-on, pi/2 crossing at
                                  right angles, 0 tail chase */
} bmd_intercept_point;

/* One shot of shoot-look-shoot. */
typedef struct bmd_shot {
    double launch_s;
    double intercept_s;
    double altitude_m;
} bmd_shot;

#define BMD_ENGAGE_MAX_SHOTS 16

/* The answer for one threat and one site. Times in s after the threat's launch; NAN when not
 * applicable (INFINITY for never-detected times). */
typedef struct bmd_engagement {
    int engageable;
    bmd_engage_reason reason;
    double detect_s;
    bmd_detector detector;         /* who detected first */
    int detector_index;
    double detect_rcs_m2;          /* cross-section of the object a radar detected (m^2); NAN for
                                      an IR detection or none */
    double chain_start_s;          /* when the delays start: detect_s, or burnout when later and
                                      launch_on waits for it */
    double track_s;
    double launch_earliest_s;      /* L0 */
    bmd_intercept_point earliest;  /* first feasible intercept (window start) */
    bmd_intercept_point latest;    /* last feasible intercept (window end) */
    double altitude_min_m, altitude_max_m;  /* over the feasible intercepts */
    double launch_first_s;         /* first launch giving a feasible intercept (= earliest.launch_s) */
    double launch_last_s;          /* last launch giving one: max of t - T(t) over (a)-(d) with
                                      t - T(t) >= L0 */
    int shot_opportunities;        /* shoot-look-shoot shots possible (<= n_interceptors) */
    int n_shots;                   /* recorded in shots[] (at most BMD_ENGAGE_MAX_SHOTS) */
    bmd_shot shots[BMD_ENGAGE_MAX_SHOTS];
    double reach_first_s;          /* geometry alone ((a)-(d), any launch time): first and last */
    double reach_last_s;           /*   times; NAN when none */
    long n_evaluations;            /* threat states examined (cost) */
} bmd_engagement;

/* Evaluate one threat against one site. opt may be NULL (defaults). An empty window is a normal
 * answer (BMD_SUCCESS, engageable 0 and the reason). Re-entrant; no allocation.
 * Errors: BMD_EINVAL for a NULL or unprepared threat, a site without a table or with
 * n_interceptors < 1, an invalid latitude, timeline, FCR or options. */
BMD_API int bmd_engage(const bmd_earth *earth, const bmd_threat *threat, const bmd_defense_site *site,
                               const bmd_timeline *tl, const bmd_engage_options *opt, bmd_engagement *out,
                               bmd_error *err);

/* Whether it is certain, without the flyout table (site->flyout may be NULL), that bmd_engage
 * finds no intercept geometry: the options require fire-control coverage (test (d)), the site has
 * a fire-control radar, and every point of the threat's series (the samples and the cubic Hermite
 * interpolant between them, whose departure from each chord is bounded) is farther from that
 * radar than its reach for the object (min(instrumented range, detection range for the threat's
 * cross-section)), with 1e-9 relative and 1 mm of margin. Then bmd_engage would report the pair
 * not engageable with 0 shot opportunities whatever the table. Returns 1 when certain, 0
 * otherwise (also for incomplete input). opt NULL: the defaults. */
BMD_API int bmd_engage_fcr_never(const bmd_earth *earth, const bmd_threat *threat,
                                 const bmd_defense_site *site, const bmd_engage_options *opt);

/* ---------------------------------------------------------------------------------------------
 * Required interceptor speed. */

/* Flown interceptor fans kept between searches (one analysis): a search's trial at speed v
 * flies the fan of the notional interceptor at v once and rasterises it onto each pair's grid, so
 * the pairs of one site share the fans of the scan's speeds. Results are bit for bit those without
 * a cache (the key is the whole notional interceptor, the Earth model and the fan options).
 * Thread-safe: any number of threads may search with one cache. Holds at most max_bytes (0: the
 * default, 512 MiB); fans beyond it are flown, used and freed. */
typedef struct bmd_speed_cache bmd_speed_cache;

/* A new empty cache; NULL when out of memory (the searches then run without one). */
BMD_API bmd_speed_cache *bmd_speed_cache_new(size_t max_bytes);

/* Free the cache and its fans (NULL: nothing). No search may be using it. */
BMD_API void bmd_speed_cache_free(bmd_speed_cache *cache);

/* How to search. Zeros select the defaults. */
typedef struct bmd_required_speed_options {
    double speed_lo_m_s;        /* default 500 */
    double speed_hi_m_s;        /* default 11,000 (the notional model refuses escape speed) */
    double tolerance_m_s;       /* default 10 */
    double scan_step_m_s;       /* default 500: the scan before the refinement (>= tolerance) */
    bmd_flyout_options flyout;  /* per-trial table; zeros: a coarse table (81 x 61 nodes, 91
                                   elevations, 2 s states) whose grid is fitted to the threat's
                                   largest ground range from the site and largest altitude, and
                                   the reference launch of the site's own table */
    bmd_speed_cache *cache;     /* fans shared between searches; NULL: none (not owned) */
    int reference;              /* nonzero: the plain search, every trial's table flown and the
                                   whole scan run (no cache, no fire-control-radar short cut):
                                   the reference of tests and benchmarks */
} bmd_required_speed_options;

BMD_API void bmd_required_speed_options_init(bmd_required_speed_options *opt);

/* The answer. */
typedef struct bmd_required_speed {
    int possible;               /* some speed in [speed_lo, speed_hi] engages, or the site's own
                                   interceptor does */
    double speed_m_s;           /* lowest feasible burnout speed found (within tolerance; the
                                   upper end of the final bracket); NAN when not possible */
    int feasible_at_lo;         /* already feasible at speed_lo (speed_m_s = speed_lo) */
    int site_engages;           /* the site's own interceptor (its own table) engages */
    double site_speed_m_s;      /* its burnout speed (staged: the table's largest speed) */
    int from_site;              /* speed_m_s is the site's own speed: the notional copies engage
                                   only above it, or not at all, while the site's own does */
    bmd_engage_reason reason_at_hi;  /* why not at speed_hi, when not possible */
    int n_tables;               /* flyout tables built (one per trial) */
    int n_fans_flown;           /* interceptor fans flown for them (the rest: from the cache) */
    int fcr_never;              /* the site's fire-control radar never sees the threat
                                   (bmd_engage_fcr_never): no speed engages, only the trial at
                                   speed_hi was run, for reason_at_hi */
} bmd_required_speed;

/* The lowest burnout speed of a notional interceptor (bmd/interceptor.h) keeping the site
 * interceptor's burn time (staged: the sum of its burn and coast times), launch-elevation and
 * altitude limits, flyout time and minimum closing speed, for which bmd_engage finds a non-empty
 * window. Feasibility is not monotonic in the speed (a fast, nearly straight kill vehicle cannot
 * come down to the altitude floor far away), so the speeds lo, lo + step, ..., hi (and the site's
 * own speed) are scanned upward and the first feasible step is refined by bisection to the
 * tolerance; a feasible band narrower than the step can be missed. One table per trial, built on
 * earth at the site's table reference launch. Never "not possible" when the site's own
 * interceptor engages (then at most its speed, from_site). Cost: up to (hi - lo)/step + 2 tables
 * plus ~log2(step/tol) (~25 ms each with the coarse defaults); with ropt->cache the fans of the
 * scan's speeds are flown once per site and interceptor (a table then costs its rasterisation),
 * and when the site's fire-control radar never sees the threat (bmd_engage_fcr_never) only the
 * trial at speed_hi runs. Either way the answer is bit for bit that of the plain search
 * (ropt->reference). Not possible at any speed is a
 * normal answer (e.g. not seen in time). Errors: those of bmd_engage and bmd_flyout_build;
 * BMD_EINVAL for bad options. */
BMD_API int bmd_engage_required_speed(const bmd_earth *earth, const bmd_threat *threat,
                                              const bmd_defense_site *site, const bmd_timeline *tl,
                                              const bmd_engage_options *opt,
                                              const bmd_required_speed_options *ropt, bmd_required_speed *out,
                                              bmd_error *err);

/* One trial of the search above: bmd_engage with the notional copy of the site's interceptor at
 * burnout speed speed_m_s, its table built as the search builds it (ropt may be NULL: defaults).
 * For what-if questions and for checking the search by a sweep. Errors: those of bmd_engage and
 * bmd_flyout_build (e.g. BMD_EINVAL for escape speed); BMD_EINVAL for bad options. */
BMD_API int bmd_engage_at_speed(const bmd_earth *earth, const bmd_threat *threat,
                                        const bmd_defense_site *site, const bmd_timeline *tl,
                                        const bmd_engage_options *opt, const bmd_required_speed_options *ropt,
                                        double speed_m_s, bmd_engagement *out, bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
