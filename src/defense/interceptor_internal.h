/* defense/interceptor_internal.h — pieces shared by the interceptor models, the direct reach
 * computation and the flyout table. Internal to the defense layer. */
#ifndef BMD_DEFENSE_INTERCEPTOR_INTERNAL_H
#define BMD_DEFENSE_INTERCEPTOR_INTERNAL_H

#include "bmd/interceptor.h"

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

#endif
