/* Interpolation of a trajectory between samples and the interval search shared by the radar and
 * infrared sensors (see bmd_sensor_scan.h). The flight module's bmd_trajectory_state_at does the same
 * interpolation; it is done here on a known segment so that the bisection needs no search. */
#include <stddef.h>

#include "bmd/num.h"
#include "defense/sensor_scan.h"

#include <math.h>

int bmd_sensor_check_trajectory(const bmd_trajectory *traj, bmd_error *err)
{
    if (!traj || !traj->samples || traj->n_samples < 2)
        return bmd_error_set(err, BMD_EINVAL, "trajectory has %d samples; at least 2 needed",
                             traj && traj->samples ? traj->n_samples : 0);
    for (int i = 0; i < traj->n_samples; i++) {
        const bmd_sample *s = &traj->samples[i];
        if (!isfinite(s->t_s) || !isfinite(s->r_ecef_m[0]) || !isfinite(s->r_ecef_m[1]) ||
            !isfinite(s->r_ecef_m[2]))
            return bmd_error_set(err, BMD_EINVAL, "trajectory sample %d: time or position is "
                                 "not finite", i);
        if (i > 0 && s->t_s < traj->samples[i - 1].t_s)
            return bmd_error_set(err, BMD_EINVAL, "trajectory sample %d: time %g s is before "
                                 "the previous sample's %g s (times must not decrease)", i,
                                 s->t_s, traj->samples[i - 1].t_s);
    }
    if (!(traj->samples[traj->n_samples - 1].t_s > traj->samples[0].t_s))
        return bmd_error_set(err, BMD_EINVAL, "trajectory spans no time (all samples at %g s)",
                             traj->samples[0].t_s);
    return BMD_SUCCESS;
}

void bmd_sensor_position_in_segment(const bmd_trajectory *traj, int i, double t_s, double r[3])
{
    const bmd_sample *a = &traj->samples[i], *b = &traj->samples[i + 1];
    double h = b->t_s - a->t_s;
    if (!(h > 0)) {
        for (int k = 0; k < 3; k++)
            r[k] = a->r_ecef_m[k];
        return;
    }
    double u = (t_s - a->t_s) / h;
    if (u < 0)
        u = 0;
    if (u > 1)
        u = 1;
    int hermite = 1;
    for (int k = 0; k < 3; k++)
        hermite &= isfinite(a->v_ecef_m_s[k]) && isfinite(b->v_ecef_m_s[k]);
    if (hermite) { /* clamped to the segment: t_s = a->t_s + u h */
        bmd_num_hermite3(a->t_s, a->r_ecef_m, a->v_ecef_m_s, b->t_s, b->r_ecef_m, b->v_ecef_m_s,
                         a->t_s + u * h, r, NULL);
        return;
    }
    for (int k = 0; k < 3; k++)
        r[k] = (1 - u) * a->r_ecef_m[k] + u * b->r_ecef_m[k];
}

void bmd_sensor_sink_add(interval_sink *sink, double start_s, double end_s)
{
    if (sink->n < sink->max) {
        sink->out[sink->n].start_s = start_s;
        sink->out[sink->n].end_s = end_s;
        sink->n++;
    } else {
        sink->dropped++;
    }
}

int bmd_sensor_sink_finish(const interval_sink *sink, int *n, bmd_error *err)
{
    *n = sink->n;
    if (sink->dropped)
        return bmd_error_set(err, BMD_EINVAL, "%d visibility intervals found; the buffer holds "
                             "%d", sink->n + sink->dropped, sink->max);
    return BMD_SUCCESS;
}

/* The predicate at time t in segment i. */
static int seen_at(const bmd_trajectory *traj, int i, double t, sensor_predicate pred, void *ctx)
{
    double r[3];
    bmd_sensor_position_in_segment(traj, i, t, r);
    return pred(r, ctx) ? 1 : 0;
}

typedef struct seen_ctx {
    const bmd_trajectory *traj;
    int i;
    sensor_predicate pred;
    void *ctx;
    int v_lo;
} seen_ctx;

/* Side A: the predicate has the value it has at the low end; side B: the other. */
static int seen_side(void *ctx, double t_s, int *side)
{
    const seen_ctx *c = ctx;
    *side = seen_at(c->traj, c->i, t_s, c->pred, c->ctx) == c->v_lo ? BMD_NUM_SIDE_A
                                                                     : BMD_NUM_SIDE_B;
    return BMD_SUCCESS;
}

/* Bisect in segment i between t_lo (predicate = v_lo) and t_hi (the other value) to the time
 * tolerance (bmd_num_bisect_side); returns the bracket ends. */
static void bisect(const bmd_trajectory *traj, int i, double t_lo, double t_hi, int v_lo,
                   sensor_predicate pred, void *ctx, double *lo, double *hi)
{
    seen_ctx c = {traj, i, pred, ctx, v_lo};
    bmd_num_bisect_side(seen_side, &c, &t_lo, &t_hi, 200, BMD_SENSOR_TIME_TOL_S, NULL);
    *lo = t_lo;
    *hi = t_hi;
}

void bmd_sensor_scan(const bmd_trajectory *traj, double t_from, double t_to, sensor_predicate pred,
                 void *ctx, interval_sink *sink)
{
    int open = 0;
    double start = 0, last_seen = 0;
    int first = 1;
    for (int i = 0; i + 1 < traj->n_samples; i++) {
        double a = traj->samples[i].t_s, b = traj->samples[i + 1].t_s;
        if (!(b > a) || b < t_from || a > t_to)
            continue;
        double lo = a > t_from ? a : t_from, hi = b < t_to ? b : t_to;
        if (first) {
            open = seen_at(traj, i, lo, pred, ctx);
            start = last_seen = lo;
            first = 0;
        }
        int steps = (int)ceil((hi - lo) / BMD_SENSOR_SCAN_STEP_S);
        if (steps < 1)
            steps = 1;
        double t_prev = lo;
        for (int k = 1; k <= steps; k++) {
            double t = k == steps ? hi : lo + (hi - lo) * k / steps;
            int v = seen_at(traj, i, t, pred, ctx);
            if (v != open) {
                double tl, th;
                bisect(traj, i, t_prev, t, open, pred, ctx, &tl, &th);
                if (open) {
                    bmd_sensor_sink_add(sink, start, tl);
                } else {
                    start = th;
                }
                open = v;
            }
            if (open)
                last_seen = t;
            t_prev = t;
        }
    }
    if (open && !first)
        bmd_sensor_sink_add(sink, start, last_seen);
}
