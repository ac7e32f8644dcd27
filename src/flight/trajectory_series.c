/* Time series of a flight: growth, cubic Hermite interpolation, release; plan and option
 * defaults (see include/bmd/trajectory.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/num.h"
#include "flight/flight_internal.h"
#include "bmd/units.h"

void bmd_plan_init(bmd_plan *plan)
{
    if (!plan)
        return;
    memset(plan, 0, sizeof *plan);
    plan->steering = BMD_STEER_GRAVITY_TURN;
    plan->azimuth_rad = 0.0;
    plan->vertical_rise_s = 10.0;
    plan->kick_rad = 0.1;
    plan->pitch_final_rad = 0.5;
    plan->pitch_end_s = 60.0;
    plan->cutoff_s = 0.0;
}

void bmd_plan_init_for(const bmd_missile *missile, bmd_steering steering, bmd_plan *plan)
{
    if (!plan)
        return;
    bmd_plan_init(plan);
    if (steering != BMD_STEER_PITCH_PROGRAM || !missile)
        return;
    const bmd_stage *s0 = &missile->stages[0];
    double burn = s0->thrust_vacuum_n.n > 0 ? s0->thrust_vacuum_n.x[s0->thrust_vacuum_n.n - 1]
                                            : s0->burn_time_s;
    plan->steering = BMD_STEER_PITCH_PROGRAM;
    plan->vertical_rise_s = 5.0;
    plan->pitch_final_rad = 40.0 * BMD_RAD_PER_DEG;
    plan->pitch_end_s = fmax(0.8 * burn, plan->vertical_rise_s + 1.0);
}

void bmd_flight_options_init(bmd_flight_options *opt)
{
    if (!opt)
        return;
    memset(opt, 0, sizeof *opt);
    bmd_ode_options_init(&opt->ode);
    opt->ode.rtol = 1e-8;
    opt->ode.atol = 1e-3;
    opt->ode.event_tol = 1e-6;
    opt->sample_interval_s = 0.0;
    opt->max_time_s = 10000.0;
}

/* Append with doubling growth (first block 256 samples). */
int bmd_flight_traj_push(bmd_trajectory *traj, const bmd_sample *s, bmd_error *err)
{
    if (traj->n_samples >= traj->capacity) {
        int cap = traj->capacity > 0 ? 2 * traj->capacity : 256;
        bmd_sample *p = realloc(traj->samples, (size_t)cap * sizeof *p);
        if (!p)
            return bmd_error_set(err, BMD_ENOMEM, "cannot grow the time series to %d samples",
                                 cap);
        traj->samples = p;
        traj->capacity = cap;
    }
    traj->samples[traj->n_samples++] = *s;
    return BMD_SUCCESS;
}

void bmd_trajectory_free(bmd_trajectory *traj)
{
    if (!traj)
        return;
    free(traj->samples);
    traj->samples = NULL;
    traj->n_samples = 0;
    traj->capacity = 0;
}

/* Cubic Hermite between two samples on ECEF position, with ECEF velocity as its derivative (the
 * Earth-fixed velocity is the time derivative of the Earth-fixed position). */
int bmd_trajectory_state_at(const bmd_trajectory *traj, double t_s, double r_ecef_m[3],
                            double v_ecef_m_s[3], bmd_error *err)
{
    if (!traj || traj->n_samples < 1)
        return bmd_error_set(err, BMD_EDOM, "time series is empty");
    const bmd_sample *s = traj->samples;
    int n = traj->n_samples;
    if (!(t_s >= s[0].t_s && t_s <= s[n - 1].t_s))
        return bmd_error_set(err, BMD_EDOM, "time %g s is outside the time series [%g, %g] s", t_s,
                             s[0].t_s, s[n - 1].t_s);
    /* Last sample with t <= t_s, then the first later sample with a longer time (duplicate times
     * mark discontinuities such as the gravity-turn kick). */
    int lo = 0, hi = n - 1;
    while (hi - lo > 1) {
        int mid = (lo + hi) / 2;
        if (s[mid].t_s <= t_s)
            lo = mid;
        else
            hi = mid;
    }
    if (s[hi].t_s <= t_s)
        lo = hi;
    int j = lo + 1;
    while (j < n && !(s[j].t_s > s[lo].t_s))
        j++;
    if (j >= n || t_s == s[lo].t_s) {
        memcpy(r_ecef_m, s[lo].r_ecef_m, sizeof s[lo].r_ecef_m);
        memcpy(v_ecef_m_s, s[lo].v_ecef_m_s, sizeof s[lo].v_ecef_m_s);
        return BMD_SUCCESS;
    }
    const bmd_sample *a = &s[lo], *b = &s[j];
    bmd_num_hermite3(a->t_s, a->r_ecef_m, a->v_ecef_m_s, b->t_s, b->r_ecef_m, b->v_ecef_m_s, t_s,
                     r_ecef_m, v_ecef_m_s);
    return BMD_SUCCESS;
}
