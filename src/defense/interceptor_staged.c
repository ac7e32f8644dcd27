/* The staged-rocket interceptor model: placeholder until the flight module (bmd_trajectory_fly)
 * is part of the library. */
#include "defense/interceptor_internal.h"

int ic_fly_staged(const bmd_earth *earth, const bmd_interceptor *ic,
                  const bmd_interceptor_site *site, double elevation_rad, double dt_s,
                  bmd_kv_state *states, int max_states, int *n_states, bmd_error *err)
{
    (void)earth, (void)ic, (void)site, (void)elevation_rad, (void)dt_s, (void)states;
    (void)max_states;
    *n_states = 0;
    return bmd_error_set(err, BMD_EDOM, "the staged interceptor model needs the flight module "
                         "(bmd_trajectory_fly), which is not built in");
}
