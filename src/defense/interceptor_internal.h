/* defense/interceptor_internal.h — pieces shared by the interceptor models, the direct reach
 * computation and the flyout table. Internal to the defense layer. */
#ifndef BMD_DEFENSE_INTERCEPTOR_INTERNAL_H
#define BMD_DEFENSE_INTERCEPTOR_INTERNAL_H

#include <math.h>

#include "bmd/interceptor.h"
#include "bmd/units.h"

/* Fly one trajectory and record t, r_ecef and v_ecef only (the derived fields are left 0); the
 * notional model here, the staged model through bmd_ic_fly_staged. Same contract as
 * bmd_interceptor_fly otherwise. */
int bmd_ic_fly_raw(const bmd_earth *earth, const bmd_interceptor *ic, const bmd_interceptor_site *site,
               double elevation_rad, double dt_s, bmd_kv_state *states, int max_states,
               int *n_states, bmd_error *err);

/* The staged model's raw flight (interceptor_staged.c). */
int bmd_ic_fly_staged(const bmd_earth *earth, const bmd_interceptor *ic,
                  const bmd_interceptor_site *site, double elevation_rad, double dt_s,
                  bmd_kv_state *states, int max_states, int *n_states, bmd_error *err);

/* Along-track ground range (m) of the point below ECEF position r from the site. */
double bmd_ic_along_range(const bmd_earth *earth, const bmd_interceptor_site *site,
                      const double r_ecef_m[3]);

/* Fill ground range, altitude, speed and flight-path angle of a state from its r and v. */
void bmd_ic_fill_state(const bmd_earth *earth, const bmd_interceptor_site *site, bmd_kv_state *s);

/* The notional interceptor of the required-speed searches (bmd_engage_required_speed and the
 * footprint's speed ladders): a copy of in with the notional model, a staged rocket's burn and
 * coast times summed into burn_time_s. */
void bmd_ic_notional_copy(const bmd_interceptor *in, bmd_interceptor *ic);

/* Check a site: finite, |lat| <= pi/2, finite azimuth and height. */
int bmd_ic_check_site(const bmd_interceptor_site *site, bmd_error *err);

/* States needed for one trajectory with step dt_s. */
int bmd_ic_states_needed(const bmd_interceptor *ic, double dt_s);

/* Per-site constants for converting a flyout fan's states (flyout_fan.c). */
typedef struct bmd_ic_fan_site {
    const bmd_earth *earth;
    bmd_interceptor_site site;
    double east[3], north[3], up[3]; /* the site's local frame (ECEF) */
    double east_scale_m, north_scale_m; /* radii of curvature at the site: N (prime vertical), M */
    double sin_az, cos_az;              /* of the launch azimuth */
    /* The lattice of the ground range's correction (flyout_fan.c): node (i, j) at
     * (a, b) = (i, j) FAN_CELL_M, stored at [(j - j_lo) ni + i - i_lo]; NAN until computed. */
    double *corr_m;
    int i_lo, j_lo, ni, nj;
} bmd_ic_fan_site;

/* Fill fs for the fan of site on earth (earth must outlive fs); free with bmd_ic_fan_site_free.
 * One fs serves one thread (it keeps the lattice it computes). */
void bmd_ic_fan_site_init(const bmd_earth *earth, const bmd_interceptor_site *site,
                          bmd_ic_fan_site *fs);
void bmd_ic_fan_site_free(bmd_ic_fan_site *fs);

/* Fill ground range, altitude, speed and flight-path angle of the n states of ONE trajectory from
 * their r and v, as bmd_ic_fill_state does, but with the geodesic inverse only at the nodes of a
 * lattice kept in fs (the ground range: a cheap approximation plus the correction interpolated
 * from the lattice; within 1 cm of bmd_ic_fill_state, see flyout_fan.c). scratch: room for
 * BMD_IC_FAN_SCRATCH(n) doubles. vu_vh2: NULL, or room for 2 n doubles: then the angle is left
 * NAN and the vertical speed (m/s) and the square of the horizontal speed (m^2/s^2) of state m go
 * to vu_vh2[2m], vu_vh2[2m + 1], for bmd_ic_fan_gamma later (the flyout table needs the angle
 * only at the states around its nodes). */
void bmd_ic_fan_states(bmd_ic_fan_site *fs, bmd_kv_state *s, int n, double *scratch,
                       double *vu_vh2);

/* Flight-path angle (rad) from speed, vertical speed (m/s) and the square of the horizontal speed
 * (m^2/s^2), as bmd_ic_fill_state computes it: vertical at rest on the pad. */
static inline double bmd_ic_fan_gamma(double speed_m_s, double vu_m_s, double vh2_m2_s2)
{
    return speed_m_s > 0.0 ? atan2(vu_m_s, sqrt(vh2_m2_s2)) : (0.5 * BMD_PI);
}
#define BMD_IC_FAN_SCRATCH(n) (2 * (size_t)(n))

/* How bmd_ic_flyout_build converts the fan's states: through bmd_ic_fan_states (what
 * bmd_flyout_build does), or bmd_ic_fill_state on every state (the reference for tests and
 * benchmarks). */
typedef enum bmd_ic_fan_mode { BMD_IC_FAN_FAST = 0, BMD_IC_FAN_EXACT = 1 } bmd_ic_fan_mode;

/* bmd_flyout_build with the fan conversion chosen. */
int bmd_ic_flyout_build(bmd_flyout *table, const bmd_earth *earth, const bmd_interceptor *ic,
                        const bmd_flyout_options *opt, bmd_ic_fan_mode mode, bmd_error *err);

/* A flown fan kept for reuse (flyout.c): bmd_ic_fan_fly flies it as bmd_flyout_build does (the
 * extents of opt are ignored); bmd_ic_flyout_from_fan rasterises it onto a grid of the given
 * extents (0: automatic), giving bit for bit the table of bmd_flyout_build with those extents.
 * A fan is read-only after bmd_ic_fan_fly: any number of threads may rasterise it. */
typedef struct bmd_ic_fan bmd_ic_fan;
int bmd_ic_fan_fly(bmd_ic_fan **out, const bmd_earth *earth, const bmd_interceptor *ic,
                   const bmd_flyout_options *opt, bmd_error *err);
int bmd_ic_flyout_from_fan(bmd_flyout *table, const bmd_ic_fan *fn, double range_max_m,
                           double altitude_max_m, bmd_error *err);
size_t bmd_ic_fan_bytes(const bmd_ic_fan *fn); /* memory held */
void bmd_ic_fan_free(bmd_ic_fan *fn);

#endif
