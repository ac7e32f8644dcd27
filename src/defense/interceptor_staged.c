/* The staged-rocket interceptor model: the booster stack (a bmd_missile whose RV is the kill
 * vehicle) flown by the flight module on a gravity-turn plan — vertical rise, then a kick of
 * pi/2 - elevation toward the site's azimuth — and resampled every dt_s for the flyout fan. */
#include <math.h>

#include "bmd/trajectory.h"
#include "defense/interceptor_internal.h"

#define STAGED_MAX_KICK_RAD 1.5707953267948966 /* just below pi/2, the plan's limit */

int bmd_ic_fly_staged(const bmd_earth *earth, const bmd_interceptor *ic,
                  const bmd_interceptor_site *site, double elevation_rad, double dt_s,
                  bmd_kv_state *states, int max_states, int *n_states, bmd_error *err)
{
    *n_states = 0;
    bmd_plan plan;
    bmd_plan_init(&plan);
    plan.steering = BMD_STEER_GRAVITY_TURN;
    plan.azimuth_rad = site->azimuth_rad;
    plan.vertical_rise_s = ic->vertical_rise_s;
    plan.kick_rad = fmin(1.5707963267948966 - elevation_rad, STAGED_MAX_KICK_RAD);
    bmd_flight_options opt;
    bmd_flight_options_init(&opt);
    opt.sample_interval_s = dt_s;
    opt.max_time_s = ic->max_flyout_time_s;
    bmd_flight_summary summary;
    bmd_trajectory traj = {0};
    int st = bmd_trajectory_fly(earth, &ic->rocket, &plan, site->lat_rad, site->lon_rad,
                                site->height_m, &opt, &summary, &traj, err);
    if (st) {
        bmd_trajectory_free(&traj);
        return st;
    }
    /* Resample on the common grid t = m dt (the series also holds event samples), then the
     * last state. */
    const double t_end = fmin(traj.samples[traj.n_samples - 1].t_s, ic->max_flyout_time_s);
    int n = 0;
    for (int m = 0; m * dt_s <= t_end && n < max_states - 1 && !st; m++, n++) {
        states[n] = (bmd_kv_state){.t_s = m * dt_s};
        st = bmd_trajectory_state_at(&traj, m * dt_s, states[n].r_ecef_m, states[n].v_ecef_m_s,
                                     err);
    }
    if (!st && t_end - states[n - 1].t_s > 1e-9) {
        states[n] = (bmd_kv_state){.t_s = t_end};
        st = bmd_trajectory_state_at(&traj, t_end, states[n].r_ecef_m, states[n].v_ecef_m_s, err);
        n++;
    }
    bmd_trajectory_free(&traj);
    if (!st)
        *n_states = n;
    return st;
}
