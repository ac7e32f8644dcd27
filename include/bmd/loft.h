/* bmd/loft.h — range from a lofted test with the full flight model: fit a notional missile to an
 * observed lofted flight (apogee, ground range and optionally flight time) by scaling a template
 * missile, so that its standard (max-range) trajectory can then be flown (bmd/aim.h).
 *
 * The fitted missile is the template with every stage's propellant and dry mass multiplied by
 * propellant_scale (the same structural ratios; burn times kept, so thrust scales with the mass and
 * the thrust-to-weight ratio stays close to the template's) and every burn time multiplied by
 * burn_time_scale (thrust divided by it). The payload (RV, bus, shroud) is kept. The test flight is
 * flown with the template's steering family (gravity turn: the kick; pitch program: the final
 * elevation, reached at the end of the first stage's burn) and its shape parameter is the second
 * free parameter. Method and equations: docs/physics.md. All SI. */
#ifndef BMD_LOFT_H
#define BMD_LOFT_H

#include "bmd/api.h"

#include "bmd/aim.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What was observed of the lofted flight. */
typedef struct bmd_loft_observation {
    double apogee_m;       /* apogee altitude */
    double range_m;        /* ground range, launch to impact */
    double flight_time_s;  /* launch to impact; NAN (or 0): not fitted, burn_time_scale stays 1 */
} bmd_loft_observation;

/* How the test flight is flown during the fit. */
typedef struct bmd_loft_setup {
    bmd_site site;            /* launch point */
    double azimuth_rad;       /* bearing of the test flight */
    bmd_steering steering;    /* steering family (gravity turn or pitch program) */
    double vertical_rise_s;   /* > 0 */
} bmd_loft_setup;

/* The fitted missile and the flight that reproduces the observation. */
typedef struct bmd_loft_fit {
    bmd_missile missile;          /* the template scaled */
    double propellant_scale;      /* propellant and dry mass multiplier */
    double burn_time_scale;       /* burn time multiplier (1 unless the flight time was fitted) */
    bmd_plan plan;                /* the lofted plan of the fitted flight */
    bmd_flight_summary summary;   /* its flight */
    int evaluations;              /* trajectories flown */
} bmd_loft_fit;

/* The template scaled: propellant and dry mass times propellant_scale, burn times (and thrust-
 * table times) times burn_time_scale, thrust tables times propellant_scale / burn_time_scale.
 * Errors: BMD_EINVAL for a scale that is not positive and finite, or an invalid template. */
BMD_API int bmd_loft_scale_missile(const bmd_missile *template_missile, double propellant_scale,
                                   double burn_time_scale, bmd_missile *out, bmd_error *err);

/* Fit the scales and the shape parameter so that the flight on earth (normally without rotation)
 * reproduces obs: apogee within 0.5 m, range within 100 m, flight time within 0.5 s. opt NULL:
 * flight options with rtol 1e-10, atol 1e-5 (near vertical the apogee hardly changes with the
 * shape, so integration noise of the default tolerances would become range noise).
 * Nested one-dimensional root finding: the shape for the apogee, the propellant scale for the
 * range, the burn-time scale for the flight time. Errors: BMD_EINVAL for bad observations or setup;
 * BMD_EDOM when no propellant scale in [0.1, 10] or burn-time scale in [0.25, 4] reproduces the
 * observation (the message gives what the bounds reach); those of bmd_trajectory_fly. */
BMD_API int bmd_loft_fit_missile(const bmd_earth *earth, const bmd_missile *template_missile,
                                 const bmd_loft_setup *setup, const bmd_loft_observation *obs,
                                 const bmd_flight_options *opt, bmd_loft_fit *fit, bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
