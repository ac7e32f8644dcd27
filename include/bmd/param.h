/* bmd/param.h — uncertain parameters (module `param`, layer data): probability distributions of
 * single values, parameter paths that name one value of a RESOLVED scenario (a catalogue field of
 * the missiles, interceptors or radars it uses, or an engagement rule), and the set of uncertain
 * parameters of a scenario (catalogue low/high ranges and `dist:`, the scenario's `uncertain:`
 * block, command-line `--vary`). Contract: docs/scenarios.md, "Uncertain parameters".
 *
 * Paths (text; values in the units of the catalogue file, which the field name carries):
 *   missile.FIELD, missile[NAME].FIELD          FIELD as in bmd_catalog_override
 *                                               ("payload.rv_mass_kg", "stages[0].burn_time_s"),
 *                                               or "signature.warhead_rcs_m2" (also booster_, pbv_)
 *   interceptor.FIELD, interceptor[NAME].FIELD  "burnout_speed_m_s", "burn_time_s", ...
 *   radar.FIELD, radar[NAME].FIELD              "detection_range_m", "azimuth_half_width_deg", ...
 *   rules.FIELD, rules[SITE].FIELD              track_delay_s, decision_delay_s, launch_delay_s,
 *                                               kill_assessment_s, total_delay_s (track +
 *                                               decision + launch; setting it scales the three in
 *                                               proportion), launch_on (0 ir-track, 1 burnout,
 *                                               2 radar-track)
 * Without [NAME] a path applies to every entry of that kind (one value shared: catalogue
 * uncertainty is about the TYPE); NAME is a catalogue name (case-insensitive) or, for rules, a
 * site name (without: the scenario's timeline and every site's).
 * Nothing here touches global state; a set owns its memory (bmd_param_set_free). */
#ifndef BMD_PARAM_H
#define BMD_PARAM_H

#include "bmd/api.h"

#include <stddef.h>

#include "bmd/error.h"
#include "bmd/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

#define BMD_DIST_MAX_VALUES 8
#define BMD_PARAM_PATH_MAX 128
/* A normal distribution given without bounds is truncated at mean -/+ this many SD. */
#define BMD_DIST_NORMAL_DEFAULT_SDS 4.0

typedef enum bmd_dist_kind {
    BMD_DIST_FIXED = 0,    /* always `nominal` */
    BMD_DIST_UNIFORM = 1,  /* uniform on [low, high] */
    BMD_DIST_NORMAL = 2,   /* normal(mean, sd) truncated to [low, high] */
    BMD_DIST_DISCRETE = 3  /* one of values[0..n_values-1], equally likely */
} bmd_dist_kind;

/* One distribution. nominal: the value a single-verdict run uses (the catalogue value; parse
 * sets the middle of the band, the mean, or the first value). low/high: the support (min/max
 * of the values for DISCRETE). */
typedef struct bmd_dist {
    bmd_dist_kind kind;
    double nominal, low, high, mean, sd;
    int n_values;
    double values[BMD_DIST_MAX_VALUES];
} bmd_dist;

/* Parse text: "X" (fixed), "LOW:HIGH" or "uniform(LOW,HIGH)" (uniform), "normal(MEAN,SD)"
 * (truncated at MEAN -/+ 4 SD) or "normal(MEAN,SD,LOW,HIGH)", "{A,B,C}" (discrete, at most
 * BMD_DIST_MAX_VALUES; the names ir-track, burnout and radar-track stand for 0, 1, 2).
 * Errors: BMD_EINVAL naming the text and what is allowed (low > high, sd <= 0, a bound that
 * leaves no probability, a non-number, an empty set). */
BMD_API int bmd_dist_parse(const char *text, bmd_dist *d, bmd_error *err);

/* Check a distribution filled by hand (as parse does). Errors: BMD_EINVAL. */
BMD_API int bmd_dist_validate(const bmd_dist *d, bmd_error *err);

/* The value at probability u in [0, 1) (u outside is clamped): the inverse cumulative
 * distribution. Uniform: low + u (high - low); truncated normal: exact inverse of the truncated
 * cumulative (bmd_dist_normal_quantile); discrete: values[floor(u n)]; fixed: nominal. */
BMD_API double bmd_dist_quantile(const bmd_dist *d, double u);

/* The distribution as text that bmd_dist_parse reads back ("uniform(4500, 5500)",
 * "normal(4500, 300, 3300, 5700)", "{0, 1, 2}", "4500"), into buf (n bytes). Returns buf. */
BMD_API const char *bmd_dist_text(const bmd_dist *d, char *buf, size_t n);

/* The standard normal cumulative distribution Phi(x) (via erfc, full double precision) and its
 * inverse for p in (0, 1) (Acklam's rational approximation refined by one Halley step on erfc;
 * within 1e-14 relative; tests/test_param.c checks tabulated quantiles). p <= 0: -INFINITY,
 * p >= 1: INFINITY. */
BMD_API double bmd_dist_normal_cdf(double x);
BMD_API double bmd_dist_normal_quantile(double p);

/* What a parameter path touches: which part of an analysis must be recomputed when it changes. */
typedef enum bmd_param_part {
    BMD_PARAM_UNKNOWN = -1,
    BMD_PARAM_MISSILE = 0,      /* threat flights */
    BMD_PARAM_INTERCEPTOR = 1,  /* flyout tables */
    BMD_PARAM_RADAR = 2,        /* sensors */
    BMD_PARAM_RULES = 3         /* timeline and launch-on rule */
} bmd_param_part;

/* One uncertain parameter. source: a source key (of the catalogue file or the scenario), ""
 * when notional; note: why this distribution; unit: derived from the field name ("m/s", "s",
 * "m", "kg", "deg", "m^2", "" for launch_on); origin: where the parameter came from
 * ("catalogue sm-3-block-iia", "scenario uncertain:", "--vary"). */
typedef struct bmd_param {
    char path[BMD_PARAM_PATH_MAX];
    bmd_dist dist;
    char source[48];
    char note[256];
    char unit[16];
    char origin[96];
} bmd_param;

/* A list of parameters (items owned; cap: allocated length). Zero it before use. */
typedef struct bmd_param_set {
    int n;
    bmd_param *items;
    int cap;
} bmd_param_set;

/* Which part a path touches (from its prefix only; the rest is checked by get/apply). */
BMD_API int bmd_param_kind(const char *path);

/* The unit of a path's field ("m/s" for *_m_s, "s" for *_s, ...; "" for launch_on). Returns a
 * static string. */
BMD_API const char *bmd_param_unit(const char *path);

/* The current value of path in a resolved scenario (the first matching entry; for rules without
 * a site, the scenario's timeline). Errors: BMD_EINVAL for a malformed path or unknown field
 * (naming it and what is allowed), BMD_ENOTFOUND when no entry of the scenario matches NAME. */
BMD_API int bmd_param_get(const bmd_scenario *scn, const char *path, double *value, bmd_error *err);

/* Set path to value in a resolved scenario: every matching catalogue entry (through
 * bmd_catalog_override, bmd_catalog_interceptor_override, bmd_catalog_radar_override, then
 * validated) or the rules. Errors as bmd_param_get, and BMD_EINVAL naming the path, the value and
 * what is allowed when the value is not (the scenario may then be partly changed: apply to a
 * copy, bmd_param_scenario_copy). */
BMD_API int bmd_param_apply(bmd_scenario *scn, const char *path, double value, bmd_error *err);

/* Apply every parameter of set with values[i] (set->n values). Errors: those of apply. */
BMD_API int bmd_param_set_apply(bmd_scenario *scn, const bmd_param_set *set, const double *values,
                                bmd_error *err);

/* A deep copy of a scenario (resolved or not) into *out (owned: bmd_scenario_free). Errors:
 * BMD_ENOMEM (out is then empty). */
BMD_API int bmd_param_scenario_copy(const bmd_scenario *scn, bmd_scenario *out, bmd_error *err);

/* The uncertain parameters of a resolved scenario, appended to set: every catalogue value with a
 * low/high range (uniform over the band, note saying so) among the entries the scenario uses
 * (missiles of threats and launch areas, site interceptors, scenario and site radars; one
 * parameter per catalogue name, path with [NAME]), then the scenario's `uncertain:` entries.
 * Nominal: the scenario's current value. Errors: BMD_EINVAL (a bad `uncertain:` entry, naming it),
 * BMD_ENOMEM. */
BMD_API int bmd_param_set_from_scenario(const bmd_scenario *scn, bmd_param_set *set, bmd_error *err);

/* Add or replace a parameter from "PATH=DIST" (DIST as bmd_dist_parse), origin "--vary". A path
 * without [NAME] replaces every parameter of the same kind and field; with [NAME], the one of the
 * same path. The path's syntax and field are checked (scn may be NULL: then NAME and the nominal
 * are not; with scn, nominal = the scenario's value when it lies in the band). Errors: BMD_EINVAL
 * naming the assignment and what is allowed, BMD_ENOMEM. */
BMD_API int bmd_param_set_vary(bmd_param_set *set, const char *assignment, bmd_error *err);

/* As bmd_param_set_vary, with the scenario to check NAME and take the nominal from. */
BMD_API int bmd_param_set_vary_in(bmd_param_set *set, const bmd_scenario *scn,
                                  const char *assignment, bmd_error *err);

/* Add p (a copy), replacing a parameter of the same path. Errors: BMD_ENOMEM. */
BMD_API int bmd_param_set_add(bmd_param_set *set, const bmd_param *p, bmd_error *err);

/* The index of path in set, or -1. */
BMD_API int bmd_param_set_find(const bmd_param_set *set, const char *path);

/* "interceptor[sm-3-block-iia].burnout_speed_m_s ~ uniform(4500, 5500) m/s (source issue4;
 * catalogue sm-3-block-iia)" into buf (n bytes); launch_on values by name. Returns buf. */
BMD_API const char *bmd_param_describe(const bmd_param *p, char *buf, size_t n);

BMD_API void bmd_param_set_free(bmd_param_set *set);

#ifdef __cplusplus
}
#endif
#endif
