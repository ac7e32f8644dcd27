/* bmd/loft.h — range from a lofted test: a notional missile fitted to the observed apogee and
 * ground range (Wright's method), kept inside physical bounds, flown on a standard (max-range)
 * trajectory, with a band over the uncertain inputs; and the Kepler-only estimate from a burnout
 * altitude, which says so plainly when the implied speed is orbital.
 *
 * The fitted missile is a catalogue template with the test payload (a stated assumption), every
 * stage's propellant and dry mass times the size scale s (same structural ratios) and every burn
 * time times the burn-time scale b (thrust times s/b). The fit holds the size at its stated value
 * (1: the catalogue vehicle, whose size analysts read from photographs) and fits b, i.e. the
 * thrust-to-weight ratio, so that the lofted flight reproduces apogee and range; the
 * thrust-to-weight ratio of every stage must stay inside bounds taken from real stages of that
 * class (bmd_loft_bounds_liquid/solid; sources in docs/physics.md). Only when the bound is reached
 * is the size fitted instead. The flight time is not a target: it is checked, and it chooses
 * between candidate sizes (bmd_loft_estimate). Method and limits: docs/physics.md. All SI. */
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
    double flight_time_s;  /* launch to impact; NAN (or 0): not observed */
} bmd_loft_observation;

/* Bounds of the fitted vehicle: vacuum thrust over weight (mean thrust Isp g0 m_p / t_burn over
 * the weight of everything above and including the stage at its ignition). */
typedef struct bmd_loft_bounds {
    double liftoff_tw_min, liftoff_tw_max;  /* first stage at lift-off */
    double upper_tw_min, upper_tw_max;      /* upper stages at ignition */
    double size_min, size_max;              /* size scale when it has to be fitted */
} bmd_loft_bounds;

/* Liquid-propellant stages: lift-off 1.3-2.7, upper stages 0.6-2.5, size 0.25-4 (sources:
 * docs/physics.md). */
BMD_API void bmd_loft_bounds_liquid(bmd_loft_bounds *bounds);

/* Solid-propellant stages: lift-off 1.8-3.6, upper stages 1.2-4.0, size 0.25-4. */
BMD_API void bmd_loft_bounds_solid(bmd_loft_bounds *bounds);

/* How the test flight is flown and what the fit assumes. */
typedef struct bmd_loft_setup {
    bmd_site site;            /* launch point */
    double azimuth_rad;       /* bearing of the test flight */
    bmd_steering steering;    /* steering family (gravity turn or pitch program) */
    double vertical_rise_s;   /* > 0 */
    double payload_kg;        /* RV mass during the test (> 0); NAN: the template's */
    double size_scale;        /* size held in the fit (> 0; 1: the catalogue vehicle) */
    double upper_split;       /* stage split: upper stages' propellant, dry mass and burn time
                                 times this (> 0; 1: the template's split) */
    bmd_loft_bounds bounds;
} bmd_loft_setup;

/* Defaults: launch at 0,0 heading east (pi/2), pitch program with a 5 s rise, the template's
 * payload, size 1, split 1, liquid bounds. */
BMD_API void bmd_loft_setup_init(bmd_loft_setup *setup);

/* The fitted missile and the flight that reproduces the observation. */
typedef struct bmd_loft_fit {
    bmd_missile missile;          /* the template scaled */
    double propellant_scale;      /* size scale s (propellant and dry mass multiplier) */
    double burn_time_scale;       /* b (burn time multiplier) */
    int size_fitted;              /* 1: a thrust-to-weight bound was reached, so s was fitted */
    int bound_stage;              /* then: the stage (0-based) whose bound was reached */
    double stage_tw[BMD_MAX_STAGES];  /* each stage's thrust-to-weight at ignition */
    bmd_plan plan;                /* the lofted plan of the fitted flight */
    bmd_flight_summary summary;   /* its flight */
    double apogee_error_m;        /* fitted minus observed */
    double range_error_m;
    double flight_time_error_s;   /* NAN when no flight time was observed */
    int evaluations;              /* trajectories flown */
} bmd_loft_fit;

/* The template scaled: propellant and dry mass times propellant_scale, burn times (and thrust-
 * table times) times burn_time_scale, thrust tables times propellant_scale / burn_time_scale.
 * Errors: BMD_EINVAL for a scale that is not positive and finite, or an invalid template. */
BMD_API int bmd_loft_scale_missile(const bmd_missile *template_missile, double propellant_scale,
                                   double burn_time_scale, bmd_missile *out, bmd_error *err);

/* Fit the burn-time scale (and the lofted plan's shape) so that the flight on earth (normally
 * without rotation) reproduces the observed apogee (within 50 m) and ground range (aimed at 100 m,
 * accepted within 1 km; fit->range_error_m says how close) with the
 * size held at setup->size_scale; when no thrust-to-weight inside the bounds does, hold it at the
 * bound and fit the size within [size_min, size_max]. opt NULL: rtol 1e-10, atol 1e-5.
 * Errors: BMD_EINVAL for bad observations or setup (the message names the field, the value in km
 * or s, and what is accepted); BMD_EDOM when the observation cannot be matched inside the bounds
 * (the message says which observation and by how much); those of bmd_trajectory_fly. */
BMD_API int bmd_loft_fit_missile(const bmd_earth *earth, const bmd_missile *template_missile,
                                 const bmd_loft_setup *setup, const bmd_loft_observation *obs,
                                 const bmd_flight_options *opt, bmd_loft_fit *fit, bmd_error *err);

/* The Kepler-only estimate: the symmetric free-flight arc from burnout radius r_m through the
 * apogee radius with range angle psi_rad. When the implied burnout speed is at or above circular
 * (Q >= 1) there is no maximum range: on a standard trajectory the missile could reach any point
 * on the Earth at that payload. That is an answer, not an error. */
typedef struct bmd_loft_kepler {
    double burnout_speed_m_s;
    double burnout_gamma_rad;
    double circular_speed_m_s;    /* sqrt(mu / r) */
    double q;                     /* v^2 r / mu */
    int any_point;                /* 1: Q >= 1 (the fields below are NAN) */
    double flight_time_s;         /* of the lofted arc (NAN when Q >= 2) */
    double max_range_angle_rad;   /* minimum-energy range angle at the same speed */
    double max_range_gamma_rad;
    double max_range_flight_time_s;
    double max_range_apogee_radius_m;
} bmd_loft_kepler;

/* Errors: BMD_EINVAL as bmd_kepler_loft_infer. */
BMD_API int bmd_loft_kepler_estimate(double r_m, double apogee_radius_m, double psi_rad, double mu,
                                     bmd_loft_kepler *out, bmd_error *err);

/* The inputs varied for the band, one at a time. */
typedef enum bmd_loft_input {
    BMD_LOFT_IN_FLIGHT_TIME = 0,  /* observed flight time +- spread (chooses the size) */
    BMD_LOFT_IN_APOGEE = 1,       /* observed apogee +- spread (agencies differ) */
    BMD_LOFT_IN_PAYLOAD = 2,      /* test payload (and warhead) low / high */
    BMD_LOFT_IN_SPLIT = 3,        /* upper stages' share divided / multiplied by split_factor */
    BMD_LOFT_IN_SIZE = 4,         /* vehicle size divided / multiplied by size_factor */
    BMD_LOFT_N_INPUTS = 5
} bmd_loft_input;

/* Name of an input ("flight time", ...); "?" for others. */
BMD_API const char *bmd_loft_input_name(bmd_loft_input input);

/* How far each input is varied. */
typedef struct bmd_loft_band_spec {
    double flight_time_spread_s;  /* default 60 */
    double apogee_spread_m;       /* default 100 km */
    double payload_low_kg;        /* default 500 */
    double payload_high_kg;       /* default 1500 */
    double split_factor;          /* > 1, default 1.25 */
    double size_factor;           /* > 1, default 1.25: the candidates s/f, s, s f */
    double size_sigma;            /* prior spread of ln(size), default ln 1.25 */
    double flight_time_sigma_s;   /* uncertainty of observed and modelled flight time, default 90 s */
} bmd_loft_band_spec;

/* The defaults above: +-60 s, +-100 km, 500 and 1,500 kg, x1.25 split and size, sigma ln 1.25 and
 * 90 s. */
BMD_API void bmd_loft_band_spec_init(bmd_loft_band_spec *spec);

/* One input's effect: the standard range with the input at its low and high value. */
typedef struct bmd_loft_contribution {
    int evaluated;                /* 0: not varied (e.g. no flight time observed, or size fitted) */
    double input_low, input_high; /* in SI (s, m, kg, or the factor) */
    double range_low_m, range_high_m;   /* NAN: that side could not be fitted inside the bounds */
    int any_point_low, any_point_high;
} bmd_loft_contribution;

/* The estimate: central standard range of the chosen vehicle with its band. */
typedef struct bmd_loft_estimate {
    bmd_loft_fit fit;             /* the central vehicle, fitted at the chosen size */
    bmd_aim_result standard;      /* its max-range flight on the estimate's Earth */
    double range_m;               /* central standard range of fit (at the chosen size) */
    double chosen_size;           /* the size the flight time chose (1 with no flight time) */
    int any_point;                /* the central vehicle reaches orbital speed: any point */
    double standard_circular_speed_m_s; /* circular speed at its standard burnout radius */
    double band_low_m, band_high_m;     /* root-sum-square of the one-at-a-time deviations,
                                           capped at half the circumference */
    bmd_loft_contribution inputs[BMD_LOFT_N_INPUTS];
    int dominant;                 /* the input that moves the range most; -1: none moves it */
    double half_circumference_m;
    int evaluations;
} bmd_loft_estimate;

/* Fit the central vehicle (setup), fly it on a standard trajectory on earth (normally without
 * rotation, so the band holds in every direction), and vary each input of spec one at a time
 * (refitting the vehicle) to get the band. With an observed flight time, three candidate sizes are
 * fitted and the one the flight time prefers is chosen (a Gaussian prior on ln(size) around
 * setup->size_scale and the flight-time uncertainty; the answer moves smoothly with the flight
 * time). Deterministic. Errors: those of bmd_loft_fit_missile for the central fit; a variant that
 * cannot be fitted counts as not evaluated. */
BMD_API int bmd_loft_estimate_range(const bmd_earth *earth, const bmd_missile *template_missile,
                                    const bmd_loft_setup *setup, const bmd_loft_observation *obs,
                                    const bmd_loft_band_spec *spec, bmd_loft_estimate *est,
                                    bmd_error *err);

/* The standard (max-range) flight of a fitted missile with its RV mass set to payload_kg (NAN:
 * as fitted), along azimuth_rad from site on earth. any_point is set when the flight does not come
 * down or reaches half the circumference (orbital speed). Errors: those of bmd_aim_max_range
 * other than BMD_EDOM (no impacting plan: any_point). */
BMD_API int bmd_loft_standard_range(const bmd_earth *earth, const bmd_loft_fit *fit, double payload_kg,
                                    const bmd_site *site, double azimuth_rad, bmd_aim_result *result,
                                    int *any_point, bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
