/* bmd/kepler.h — analytic free flight of a ballistic missile (Kepler two-body motion over a
 * spherical, non-rotating Earth unless stated), after Bate, Mueller & White, Fundamentals of
 * Astrodynamics (1971), chapter 6. Burnout and reentry are at the same radius r (a symmetric
 * trajectory) unless stated. All SI: r in m, speeds in m/s, angles in rad, mu in m^3/s^2.
 *
 * Q = v^2 r / mu is the ratio of the burnout speed squared to the circular speed squared.
 * The free-flight range angle Psi is the central angle between burnout and reentry. */
#ifndef BMD_KEPLER_H
#define BMD_KEPLER_H

#include "bmd/api.h"

#include "bmd/earth.h"
#include "bmd/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One free-flight arc from burnout to reentry at the burnout radius. */
typedef struct bmd_kepler_arc {
    double q;                  /* v^2 r / mu */
    double range_angle_rad;    /* Psi, BMW eq. 6.2-7 */
    double flight_time_s;      /* time of free flight, BMW sec. 6.2 (eccentric anomaly) */
    double apogee_radius_m;    /* a (1 + e) */
    double apogee_speed_m_s;   /* h / r_apogee */
    double energy_j_kg;        /* v^2/2 - mu/r */
    double angular_momentum_m2_s; /* r v cos(gamma) */
    double eccentricity;
    double semi_latus_rectum_m;
} bmd_kepler_arc;

/* The free-flight arc from burnout radius r_m, speed v_m_s and flight-path angle gamma_rad above
 * the horizontal. Errors: BMD_EINVAL for r <= 0, v <= 0, gamma outside (0, pi/2) or mu <= 0;
 * BMD_EDOM when the arc does not return to r (escape speed, Q >= 2). */
BMD_API int bmd_kepler_arc_from_burnout(double r_m, double v_m_s, double gamma_rad, double mu,
                                        bmd_kepler_arc *arc, bmd_error *err);

/* The two burnout flight-path angles (rad, low <= high) that give range angle psi_rad for speed
 * v_m_s at radius r_m (BMW eq. 6.2-16). For Q >= 1 each range angle in (0, 2 pi) is reached by one
 * angle only (the other root of eq. 6.2-16 is negative); both outputs are then set to it.
 * Errors: BMD_EINVAL for invalid inputs (psi outside (0, 2 pi)); BMD_EDOM when psi is beyond the
 * maximum range for that speed (the message says the maximum) or Q >= 2. */
BMD_API int bmd_kepler_angles_for_range(double r_m, double v_m_s, double psi_rad, double mu,
                                        double *gamma_low_rad, double *gamma_high_rad, bmd_error *err);

/* The maximum range angle (rad) for speed v_m_s at radius r_m and the flight-path angle that
 * gives it (BMW eq. 6.2-20: sin(Psi/2) = Q / (2 - Q), gamma = (pi - Psi)/4).
 * Errors: BMD_EINVAL for invalid inputs; BMD_EDOM for Q >= 1 (orbital speed). */
BMD_API int bmd_kepler_max_range(double r_m, double v_m_s, double mu, double *psi_max_rad,
                                 double *gamma_opt_rad, bmd_error *err);

/* The minimum-energy trajectory for range angle psi_rad from radius r_m: the least burnout speed
 * that reaches it and its flight-path angle (Q = 2 sin(Psi/2) / (1 + sin(Psi/2))).
 * Errors: BMD_EINVAL unless 0 < psi <= pi (half the circumference) and r, mu > 0. */
BMD_API int bmd_kepler_min_energy(double r_m, double psi_rad, double mu, double *v_m_s,
                                  double *gamma_rad, bmd_error *err);

/* Free flight from a launch on a rotating spherical Earth: burnout at geocentric latitude lat_rad,
 * longitude 0, radius r_m, with speed v_rel_m_s, flight-path angle gamma_rel_rad and heading
 * azimuth_rad all relative to the rotating Earth. The arc is flown in inertial space and the
 * reentry point (same radius) is carried back into Earth-fixed coordinates. */
typedef struct bmd_kepler_rotating {
    double range_angle_rad;     /* Earth-fixed great-circle central angle from burnout to
                                   reentry, in [0, pi] */
    double flight_time_s;
    double reentry_lat_rad;     /* geocentric */
    double reentry_lon_rad;     /* relative to the burnout meridian */
    double inertial_speed_m_s;  /* burnout speed in the inertial frame */
    double inertial_gamma_rad;  /* burnout flight-path angle in the inertial frame */
    double nonrotating_range_angle_rad; /* the same burnout state on a non-rotating Earth */
} bmd_kepler_rotating;

/* Errors: those of bmd_kepler_arc_from_burnout; BMD_EINVAL for |lat| > pi/2. */
BMD_API int bmd_kepler_rotating_range(double lat_rad, double azimuth_rad, double r_m, double v_rel_m_s,
                                      double gamma_rel_rad, double mu, double omega_rad_s,
                                      bmd_kepler_rotating *out, bmd_error *err);

/* Loft inference, Kepler only: the symmetric arc from radius r_m with apogee radius
 * apogee_radius_m and range angle psi_rad; its burnout speed and angle, time of flight, and the
 * maximum (minimum-energy) range angle that burnout speed would give. */
typedef struct bmd_kepler_loft {
    double burnout_speed_m_s;
    double burnout_gamma_rad;
    double flight_time_s;
    double max_range_angle_rad;   /* minimum-energy range angle at the same speed */
    double max_range_gamma_rad;   /* its flight-path angle */
    double max_range_flight_time_s;
    double max_range_apogee_radius_m;
} bmd_kepler_loft;

/* Errors: BMD_EINVAL for apogee_radius_m <= r_m, psi outside (0, pi), mu or r not positive;
 * BMD_EDOM if the inferred speed is orbital. */
BMD_API int bmd_kepler_loft_infer(double r_m, double apogee_radius_m, double psi_rad, double mu,
                                  bmd_kepler_loft *out, bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
