/* aim_target_internal.h — shared by target aiming (aim_target.c), its frame and observations
 * (aim_observe.c) and the minimum-energy search (aim_min_energy.c). Not part of the public API;
 * see aim_target.c for the method. */
#ifndef BMD_AIM_TARGET_INTERNAL_H
#define BMD_AIM_TARGET_INTERNAL_H

#include "flight/aim_internal.h"

#define AIM_BUDGET 40           /* flights allowed per target */

/* The frame of the residuals: unit vectors of the launch point, of the tangent toward the target
 * bearing and of the right-hand normal; the target's along-track angle and bearing; a mean radius
 * for lengths. */
typedef struct aim_frame {
    double l[3], t[3], n[3];
    double eta_t, beta_t, xi_t, radius_m;
} aim_frame;

/* What one aiming run knows: the target, the frame, and the peak of the full-burn range along the
 * bearing (shape x_pk at azimuth offset phi_pk, along-track length s_pk, geodesic range r_pk,
 * bearing error c_pk, burnout time and state for Kepler). */
typedef struct aim_state {
    bmd_aim_shape shape;
    int cut;           /* min-energy or cutoff: thrust cut off at p, the shape held at x_me */
    double x_me;       /* the shape flown with a cutoff (cutoff: the peak's; min-energy: searched) */
    double p_init;     /* a first p for the iteration (NAN: the Kepler warm start) */
    double lat, lon, dist, az_t, tolerance_m;
    aim_frame fr;
    double s_t;
    double x_pk, p_pk, phi_pk, s_pk, r_pk, c_pk, b_pk, t_final;
    double bo_alt, bo_speed, bo_gamma;
    double bo_r, bo_v_i, bo_gamma_i;   /* the peak's inertial burnout state */
    double x_max;
} aim_state;

/* One flight seen in the frame. */
typedef struct aim_obs {
    double p, phi;     /* controls (phi: the azimuth offset; for lofted the kick's cross part) */
    double s, c;       /* along-track length (m); cross residual (rad; NAN when unknown) */
    double bearing;    /* bearing error (rad; NAN when unknown) */
    double miss_m;
    int impacted;
} aim_obs;

enum { RUN_HIT = 0, RUN_FAILED = -1, RUN_TOO_CLOSE = -2 };

/* aim_observe.c: fly the full-burn plan of shape x at azimuth offset daz, seen as the family's
 * controls (for min-energy p is the burnout time). */
int bmd_aim_fly_full(aim_eval *a, const aim_state *s, double x, double daz, aim_obs *o);

/* aim_observe.c: build the frame f from the launch point and the geodesic bearing of the target
 * (s->az_t, s->lat, s->lon). */
void bmd_aim_frame_init(const bmd_earth *e, const bmd_site *site, const aim_state *s,
                        aim_frame *f);

/* Fly controls (p, phi) (the plan set for the state's shape: min-energy cuts the shape x_me off
 * at p; depressed flies shape p; lofted the kick vector) and read the impact into o. */
int bmd_aim_fly_controls(aim_eval *a, const aim_state *s, double p, double phi, aim_obs *o);

/* The along-track residual, increasing in p on the branch: range error for min-energy; for
 * lofted and depressed a signed square root of the shortfall from the peak, nearly linear in the
 * shape parameter on either side of the peak (the range is quadratic there). */
double bmd_aim_along_residual(const aim_state *s, double along_m);

/* Record the full-burn flight o of shape x as the peak when it outranges it. */
void bmd_aim_note_peak(const aim_eval *a, aim_state *s, const aim_obs *o, double x);

/* The aiming iteration from the peak on (p, phi); RUN_HIT, RUN_FAILED, RUN_TOO_CLOSE or a
 * status (> 0). */
int bmd_aim_run(aim_eval *a, aim_state *s, double phi, int max_flights);

/* The minimum-energy aim from the peak state s: the steering shape searched so that the aimed
 * flight burns out at (pi - Psi)/4 (aim_min_energy.c); returns as bmd_aim_run, the flight of the
 * best shape left in a. */
int bmd_aim_min_energy(aim_eval *a, aim_state *s, double phi);

/* The minimum-energy aim warm-started at shape x, cutoff p (s) and azimuth offset phi (rad) (a
 * state s without a peak: the full burn at x becomes it); RUN_HIT only when the best flight hits
 * and meets the search's own tolerance on g, else RUN_FAILED, RUN_TOO_CLOSE or a status. */
int bmd_aim_min_energy_warm(aim_eval *a, aim_state *s, double x, double p, double phi);

/* bmd_aim_target for min-energy from the converged plan warm of a nearby problem (its steering
 * law, shape, cutoff and azimuth; the plan's other fields are those of bmd_plan_init_for for
 * the missile): BMD_SUCCESS with result->reachable 1 and max_range_m NAN when the warm search
 * converged, BMD_EMAXITER when it did not (the caller aims cold), or an error. */
int bmd_aim_target_warm(const bmd_earth *earth, const bmd_missile *missile, const bmd_plan *warm,
                        const bmd_site *launch, double target_lat_rad, double target_lon_rad,
                        double tolerance_m, bmd_aim_result *result, bmd_error *err);

#endif
