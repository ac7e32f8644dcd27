/* bmd/sensitivity.h — how robust is a verdict (module `sensitivity`, layer analysis): for one
 * (threat, site) pair of a resolved scenario, the value of a parameter at which the verdict flips
 * (thresholds), the one-at-a-time low/high swings of every uncertain parameter (tornado), and a
 * label: robust, fragile or assumption-dependent. Definitions: docs/robustness.md.
 *
 * The verdict of a pair is one of: engageable, not engageable, target beyond the missile's reach
 * (bmd_sens_verdict). A threshold is a value of one parameter at which the verdict changes, all
 * else as in the scenario. Feasibility is not assumed monotonic in any parameter: the search
 * interval is scanned (n_scan points, the nominal value included), every change of verdict
 * between neighbouring scan points is counted, and the change nearest to the nominal value is
 * refined by bisection (bmd_num_bisect_side). A change narrower than the scan step can be missed;
 * the answer says how many changes the scan saw.
 *
 * Each evaluation re-flies the threat only when a missile parameter changed and rebuilds the
 * flyout table only when an interceptor parameter changed. Nothing global; thread-safe. All SI. */
#ifndef BMD_SENSITIVITY_H
#define BMD_SENSITIVITY_H

#include "bmd/api.h"

#include <stddef.h>

#include "bmd/analysis.h"
#include "bmd/error.h"
#include "bmd/param.h"
#include "bmd/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The verdict of a pair. */
typedef enum bmd_sens_verdict {
    BMD_SENS_NOT_ENGAGEABLE = 0,
    BMD_SENS_ENGAGEABLE = 1,
    BMD_SENS_UNREACHABLE = 2,  /* the threat's target is beyond its missile's reach */
    BMD_SENS_NOT_FLOWN = 3     /* cannot tell: with this value the threat could not be aimed at
                                  its target (the aiming search failed), so no verdict */
} bmd_sens_verdict;

/* "not engageable", "engageable", "target beyond reach", "cannot tell (threat not aimed)". */
BMD_API const char *bmd_sens_verdict_name(bmd_sens_verdict v);

/* One evaluation of a pair: the verdict and the output metrics. */
typedef struct bmd_sens_outcome {
    bmd_sens_verdict verdict;
    bmd_engage_reason reason;        /* why not engageable (BMD_ENGAGE_OK when engageable) */
    int shot_opportunities;          /* 0 unless engageable */
    double earliest_altitude_m;      /* of the earliest intercept; NAN when none */
    double margin_m_s;               /* available minus required interceptor burnout speed; NAN
                                        unless asked for (bmd_sens_options.margin) or when no
                                        speed engages */
} bmd_sens_outcome;

/* The thresholds searched. */
typedef enum bmd_threshold_kind {
    BMD_THRESHOLD_INTERCEPTOR_SPEED = 0, /* interceptor burnout speed needed (m/s):
                                            bmd_engage_required_speed */
    BMD_THRESHOLD_TOTAL_DELAY = 1,       /* track + decision + launch delay (s), scaled in
                                            proportion; largest tolerable */
    BMD_THRESHOLD_DETECTION_RANGE = 2,   /* reference detection range (m, the catalogue's
                                            detection_range_m) of the radar that decides: the
                                            detecting radar, else the site's fire-control radar */
    BMD_THRESHOLD_PAYLOAD = 3,           /* the threat's RV mass (kg, payload.rv_mass_kg) */
    BMD_THRESHOLD_BURN_TIME = 4,         /* the threat's total burn time (s): every stage's burn
                                            time scaled by one factor, propellant unchanged */
    BMD_THRESHOLD_COUNT = 5
} bmd_threshold_kind;

/* "interceptor speed", "total delay", "detection range", "payload", "burn time". */
BMD_API const char *bmd_threshold_kind_name(bmd_threshold_kind kind);

/* What the search found. */
typedef enum bmd_threshold_status {
    BMD_THRESHOLD_FOUND = 0,          /* one change inside the interval, refined */
    BMD_THRESHOLD_NO_FLIP = 1,        /* the same verdict at every scan point */
    BMD_THRESHOLD_MULTIPLE = 2,       /* more than one change: the one nearest the nominal is
                                         refined, n_flips says how many the scan saw */
    BMD_THRESHOLD_NOT_APPLICABLE = 3  /* cannot be searched (note says why) */
} bmd_threshold_status;

/* "flips once", "does not flip", "flips more than once", "not applicable". */
BMD_API const char *bmd_threshold_status_name(bmd_threshold_status s);

/* One threshold. Values in SI (the unit names it). */
typedef struct bmd_threshold {
    bmd_threshold_kind kind;
    char path[128];              /* the parameter path (docs/scenarios.md, uncertain parameters),
                                    e.g. "rules.total_delay_s", "radar[spy-1d].detection_range_m" */
    char unit[16];
    bmd_threshold_status status;
    double nominal;              /* the scenario's value */
    double lo, hi;               /* the interval searched */
    double value;                /* the change nearest the nominal (middle of the final
                                    bracket); NAN when none */
    double bracket_lo, bracket_hi; /* the final bracket of the refinement */
    bmd_sens_verdict verdict_nominal;   /* at the nominal value */
    bmd_sens_verdict verdict_beyond;    /* on the far side of value (seen from the nominal) */
    int n_flips;                 /* changes seen by the scan */
    int n_evaluations;
    int has_band;                /* the parameter has an uncertainty band (bmd/param.h) */
    double band_low, band_high;
    int inside_band;             /* has_band and value inside [band_low, band_high] */
    char note[256];              /* "cannot tell, because ..." and other remarks */
} bmd_threshold;

/* Options. Start from bmd_sens_options_init. */
typedef struct bmd_sens_options {
    bmd_analysis_options analysis;  /* engage options, flight options, speed search (its
                                       required_speed flag is ignored) */
    int n_scan;                 /* scan points per threshold (default 12, >= 3) */
    int max_halvings;           /* bisection steps after the scan (default 7) */
    int margin;                 /* nonzero: compute margin_m_s in every outcome (one required
                                   speed search each: slow) */
    double delay_max_s;         /* total delay searched up to max(this, 3 x nominal)
                                   (default 600 s) */
    double range_factor_lo, range_factor_hi;   /* detection range: nominal x [lo, hi]
                                                  (default 0.05, 4) */
    double payload_factor_lo, payload_factor_hi; /* RV mass: nominal x [lo, hi] (0.25, 3) */
    double burn_factor_lo, burn_factor_hi;     /* burn time: nominal x [lo, hi] (0.3, 1.5) */
} bmd_sens_options;

BMD_API void bmd_sens_options_init(bmd_sens_options *opt);

/* Evaluate pair (ti, si) of a run analysis (bmd_analysis_run, any required_speed setting) with
 * the same inputs and calls as the analysis: the outcome equals the analysis' pair. launch_on >= 0
 * replaces the scenario's launch-on rule; -1 keeps it. opt may be NULL (defaults).
 * Errors: BMD_EINVAL for bad indices or a site without interceptors; those of the flight, the
 * flyout table and bmd_engage. */
BMD_API int bmd_sens_evaluate(const bmd_analysis *an, int ti, int si, int launch_on,
                              const bmd_sens_options *opt, bmd_sens_outcome *out, bmd_error *err);

/* The threshold of one kind for pair (ti, si) of a run analysis: see above (has_band 0; the
 * bands are filled by bmd_sens_robustness). BMD_THRESHOLD_INTERCEPTOR_SPEED is the answer of
 * bmd_engage_required_speed (the analysis' when it computed it). opt may be NULL (defaults).
 * Not applicable (status, note) is a normal answer. Errors: those of bmd_sens_evaluate. */
BMD_API int bmd_sens_threshold(const bmd_analysis *an, int ti, int si, bmd_threshold_kind kind,
                               const bmd_sens_options *opt, bmd_threshold *out, bmd_error *err);

/* ---------------------------------------------------------------------------------------------
 * One-at-a-time sensitivity (tornado) and the robustness label of a pair. */

/* The output a tornado ranks by. */
typedef enum bmd_sens_metric {
    BMD_SENS_METRIC_SHOTS = 0,     /* shot opportunities */
    BMD_SENS_METRIC_MARGIN = 1,    /* available minus required interceptor speed (m/s; slow:
                                      one required-speed search per evaluation) */
    BMD_SENS_METRIC_ALTITUDE = 2   /* altitude of the earliest intercept (m) */
} bmd_sens_metric;

/* "shots", "margin_m_s", "earliest_altitude_m"; and the inverse (BMD_EINVAL listing them). */
BMD_API const char *bmd_sens_metric_name(bmd_sens_metric m);
BMD_API int bmd_sens_metric_parse(const char *name, bmd_sens_metric *m, bmd_error *err);

/* The metric of an outcome (NAN when it has none: no intercept, margin not computed). */
BMD_API double bmd_sens_metric_value(const bmd_sens_outcome *o, bmd_sens_metric m);

/* One row of a tornado: one parameter at the low and the high end of its band, everything else
 * nominal. */
typedef struct bmd_tornado_row {
    char path[BMD_PARAM_PATH_MAX];
    char unit[16];
    double low, nominal, high;         /* the parameter's values (catalogue units) */
    bmd_sens_outcome at_low, at_high;
    double metric_low, metric_high;    /* NAN when none */
    double swing;                      /* |metric_high - metric_low|; INFINITY when the verdict
                                          flips at an end or only one end has a metric */
    int flips_low, flips_high;         /* the verdict at that end differs from the nominal */
} bmd_tornado_row;

typedef enum bmd_robust_label {
    BMD_ROBUST = 0,                 /* holds over the whole band of every uncertain parameter */
    BMD_FRAGILE = 1,                /* flips inside a band (named in reason) */
    BMD_ASSUMPTION_DEPENDENT = 2    /* flips with the launch-on rule */
} bmd_robust_label;

/* "robust", "fragile", "assumption-dependent". */
BMD_API const char *bmd_robust_label_name(bmd_robust_label l);

/* Everything known about how robust one pair's verdict is. Owns rows (bmd_robustness_free). */
typedef struct bmd_robustness {
    int threat, site;
    bmd_sens_outcome nominal;
    bmd_launch_on launch_on;                        /* the scenario's */
    bmd_sens_verdict by_launch_on[BMD_LAUNCH_ON_COUNT];
    bmd_sens_metric metric;
    int n_rows;
    bmd_tornado_row *rows;                          /* sorted: flips first, then by swing */
    int n_params_unused;                            /* parameters that do not touch the pair */
    int corner_evaluated;                           /* the adverse corner (below) */
    bmd_sens_outcome corner;
    int has_thresholds;
    bmd_threshold thresholds[BMD_THRESHOLD_COUNT];
    bmd_robust_label label;
    char reason[768];                               /* why the label, naming the parameters */
} bmd_robustness;

/* The tornado of pair (ti, si): every parameter of set (bmd/param.h; its dist's low and high)
 * applied alone to a copy of the scenario and the pair evaluated; parameters that do not change
 * any input of the pair are counted in n_params_unused and left out. Then the adverse corner:
 * every parameter at the end that moves the metric toward a change of verdict, all at once. The
 * verdict under every launch-on rule. With thresholds nonzero, every bmd_sens_threshold too, with
 * its band from set (the path, or the path without [NAME]). Then the label (docs/robustness.md):
 * assumption-dependent when a launch-on rule changes the verdict; else fragile when a band end,
 * the adverse corner or a threshold inside a band changes it; else robust. opt may be NULL.
 * Errors: those of bmd_param_apply (naming the path), bmd_sens_evaluate, bmd_sens_threshold;
 * BMD_ENOMEM. On error out is freed. */
BMD_API int bmd_sens_robustness(const bmd_analysis *an, int ti, int si, const bmd_param_set *set,
                                bmd_sens_metric metric, int thresholds,
                                const bmd_sens_options *opt, bmd_robustness *out, bmd_error *err);

BMD_API void bmd_robustness_free(bmd_robustness *r);

#ifdef __cplusplus
}
#endif
#endif
