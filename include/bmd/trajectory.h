/* bmd/trajectory.h — powered flight, free flight and reentry of a missile on an Earth model:
 * point-mass (3-DOF) equations of motion in the inertial frame with thrust, J2 gravity and drag
 * from the air-relative velocity (the atmosphere turns with the Earth). The flight plan (how the
 * missile is steered) is kept apart from the hardware (bmd/missile.h), so one missile flies many
 * plans. Equations: docs/physics.md. All SI. */
#ifndef BMD_TRAJECTORY_H
#define BMD_TRAJECTORY_H

#include "bmd/api.h"

#include "bmd/earth.h"
#include "bmd/error.h"
#include "bmd/missile.h"
#include "bmd/ode.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Steering laws. */
typedef enum bmd_steering {
    /* Vertical rise for vertical_rise_s, then at its end the Earth-relative velocity is tipped by
     * kick_rad from the vertical toward azimuth_rad, then thrust along the Earth-relative velocity
     * (gravity turn). The kick sets the shape: small kicks loft, large kicks depress. */
    BMD_STEER_GRAVITY_TURN = 0,
    /* Forden's pitch program: vertical until vertical_rise_s, then the thrust elevation above the
     * local horizontal goes linearly from 90 degrees to pitch_final_rad at pitch_end_s, then is
     * held, heading azimuth_rad. */
    BMD_STEER_PITCH_PROGRAM = 1
} bmd_steering;

/* How the missile is flown. */
typedef struct bmd_plan {
    bmd_steering steering;
    double azimuth_rad;        /* launch heading, clockwise from north */
    double vertical_rise_s;    /* time of the vertical rise (> 0) */
    double kick_rad;           /* gravity turn: tip from vertical at the end of the rise, [0, pi/2) */
    double pitch_final_rad;    /* pitch program: final thrust elevation above the horizontal */
    double pitch_end_s;        /* pitch program: time at which it is reached (> vertical_rise_s) */
    double cutoff_s;           /* > 0: thrust terminated at this time after launch (energy
                                  management for ranges below the maximum); 0: burn to depletion */
} bmd_plan;

/* Fill a plan with defaults: gravity turn, azimuth 0, vertical rise 10 s, kick 0.1 rad. */
BMD_API void bmd_plan_init(bmd_plan *plan);

/* The standard plan of a steering law for this missile: the gravity turn with a 10 s vertical
 * rise (kick 0.1 rad), or Forden's pitch program with a 5 s rise, a final elevation of 40 deg
 * reached at 0.8 of the first stage's burn. The starting points of bmd_aim_max_range_best. */
BMD_API void bmd_plan_init_for(const bmd_missile *missile, bmd_steering steering, bmd_plan *plan);

/* Flight phases recorded in the time series. */
typedef enum bmd_phase {
    BMD_PHASE_BOOST = 0,       /* a stage burning */
    BMD_PHASE_COAST_STAGE = 1, /* coast between stages */
    BMD_PHASE_FREE = 2,        /* after final burnout, above 100 km */
    BMD_PHASE_REENTRY = 3      /* after final burnout, below 100 km on the way down */
} bmd_phase;

/* One sample of the time series. Position is geodetic; velocity is Earth-relative. */
typedef struct bmd_sample {
    double t_s;
    double lat_rad, lon_rad, altitude_m;
    double speed_m_s;          /* Earth-relative */
    double flight_path_rad;    /* Earth-relative, above the local horizontal */
    double heading_rad;        /* Earth-relative, clockwise from north */
    double mass_kg;
    double mach;
    double dynamic_pressure_pa;
    double r_ecef_m[3];
    double v_ecef_m_s[3];
    int phase;                 /* bmd_phase */
    int stage;                 /* burning or last burnt stage index, 0-based */
} bmd_sample;

/* Events of one flight. Times are s after launch; NAN when the event did not happen. */
typedef struct bmd_flight_events {
    int n_stages;
    double stage_burnout_s[BMD_MAX_STAGES];
    double burnout_s;          /* final burnout (or cutoff) */
    double apogee_s;
    double reentry_s;          /* descending through 100 km */
    double impact_s;           /* descending through altitude 0 */
} bmd_flight_events;

/* The summary of one flight: what analysts quote. */
typedef struct bmd_flight_summary {
    bmd_flight_events events;
    double burnout_altitude_m;
    double burnout_speed_m_s;         /* Earth-relative */
    double burnout_inertial_speed_m_s;
    double burnout_inertial_flight_path_rad; /* in the inertial frame, above the plane normal to
                                                the geocentric radius */
    double burnout_radius_m;          /* geocentric distance at burnout */
    double burnout_flight_path_rad;   /* Earth-relative */
    double burnout_lat_rad, burnout_lon_rad;
    double apogee_altitude_m;
    double reentry_speed_m_s;         /* Earth-relative, at 100 km */
    double impact_lat_rad, impact_lon_rad;
    double impact_speed_m_s;
    double ground_range_m;            /* geodesic from launch point to impact */
    double flight_time_s;             /* launch to impact */
    int impacted;                     /* 0 if the flight ended another way (time limit, orbit) */
    int impact_phase;                 /* bmd_phase at impact: BMD_PHASE_BOOST or
                                         BMD_PHASE_COAST_STAGE when the missile came down before
                                         its final burnout (the burnout fields are then NaN),
                                         else BMD_PHASE_REENTRY; -1 when it did not impact */
} bmd_flight_summary;

/* The time series of one flight (owned; free with bmd_trajectory_free). */
typedef struct bmd_trajectory {
    bmd_sample *samples;
    int n_samples;
    int capacity;
} bmd_trajectory;

/* Options of a flight. */
typedef struct bmd_flight_options {
    bmd_ode_options ode;       /* integrator tolerances (default rtol 1e-8, atol 1e-3) */
    double sample_interval_s;  /* > 0: a sample every this many seconds (dense output) plus every
                                  event; 0: samples only at events; the time series is only
                                  recorded when a bmd_trajectory is passed */
    double max_time_s;         /* give up after this flight time (default 10,000 s) */
} bmd_flight_options;

BMD_API void bmd_flight_options_init(bmd_flight_options *opt);

/* Fly missile with plan from geodetic launch point (lat_rad, lon_rad, height_m above the
 * ellipsoid) on earth until impact. Fills summary; when traj is not NULL, appends the time series
 * to it (it must be zero-initialised or previously used). Thread-safe; no allocation unless traj.
 * Errors: BMD_EINVAL for an invalid missile, plan or launch point (|lat| > pi/2); BMD_ENOMEM;
 * integrator errors. A flight that does not come down within max_time_s is not an error:
 * summary->impacted = 0. Nor is one that hits the ground while still boosting (a near-horizontal
 * plan): summary->impacted = 1 with the impact time and point, impact_phase says when. */
BMD_API int bmd_trajectory_fly(const bmd_earth *earth, const bmd_missile *missile, const bmd_plan *plan,
                               double lat_rad, double lon_rad, double height_m,
                               const bmd_flight_options *opt, bmd_flight_summary *summary,
                               bmd_trajectory *traj, bmd_error *err);

/* A consumer of a flight's samples (bmd_trajectory_fly_stream): called once per sample, in time
 * order. Return 0 to go on, or a status after filling err to stop the flight with it. */
typedef int (*bmd_sample_fn)(const bmd_sample *sample, void *context, bmd_error *err);

/* bmd_trajectory_fly, handing each sample of the time series to sink(sample, context, err) as
 * soon as it is final instead of storing it: the memory used does not grow with the number of
 * samples (a time series of any length can be written out as it is computed). The samples, their
 * values and their order are exactly those bmd_trajectory_fly appends with the same options.
 * Errors: those of bmd_trajectory_fly; BMD_EINVAL for a NULL sink; any status sink returns (its
 * message kept). */
BMD_API int bmd_trajectory_fly_stream(const bmd_earth *earth, const bmd_missile *missile,
                                      const bmd_plan *plan, double lat_rad, double lon_rad,
                                      double height_m, const bmd_flight_options *opt,
                                      bmd_flight_summary *summary, bmd_sample_fn sink,
                                      void *context, bmd_error *err);

/* Earth-fixed position and velocity at time t_s, interpolated in the time series (cubic Hermite
 * on position and velocity). Errors: BMD_EDOM if t_s is outside the series. */
BMD_API int bmd_trajectory_state_at(const bmd_trajectory *traj, double t_s, double r_ecef_m[3],
                                    double v_ecef_m_s[3], bmd_error *err);

/* Release the time series. */
BMD_API void bmd_trajectory_free(bmd_trajectory *traj);

#ifdef __cplusplus
}
#endif
#endif
