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
#include "bmd/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The verdict of a pair. */
typedef enum bmd_sens_verdict {
    BMD_SENS_NOT_ENGAGEABLE = 0,
    BMD_SENS_ENGAGEABLE = 1,
    BMD_SENS_UNREACHABLE = 2   /* the threat's target is beyond its missile's reach */
} bmd_sens_verdict;

/* "not engageable", "engageable", "target beyond reach". */
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

#ifdef __cplusplus
}
#endif
#endif
