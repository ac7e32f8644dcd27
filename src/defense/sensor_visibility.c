/* Visibility of a flight: the time intervals in which a radar or the space-based infrared early
 * warning sees the object (see bmd/sensor.h). The scan and interpolation are in bmd_sensor_scan.c. */
#include <math.h>
#include <stddef.h>

#include "bmd/sensor.h"
#include "defense/radar_internal.h"
#include "defense/sensor_scan.h"

void bmd_ir_sensor_init(bmd_ir_sensor *ir)
{
    ir->min_altitude_m = BMD_IR_DEFAULT_CLOUD_TOP_M;
    ir->delay_s = 0;
}

int bmd_ir_sensor_validate(const bmd_ir_sensor *ir, bmd_error *err)
{
    if (!ir)
        return bmd_error_set(err, BMD_EINVAL, "IR sensor must not be NULL");
    if (!isfinite(ir->min_altitude_m) || ir->min_altitude_m < 0)
        return bmd_error_set(err, BMD_EINVAL, "IR sensor cloud-top altitude %g m must be zero or "
                             "positive", ir->min_altitude_m);
    if (!isfinite(ir->delay_s) || ir->delay_s < 0)
        return bmd_error_set(err, BMD_EINVAL, "IR sensor reporting delay %g s must be zero or "
                             "positive", ir->delay_s);
    return BMD_SUCCESS;
}

/* Check the output arguments shared by both visibility functions. */
static int check_output(const bmd_interval *out, int max, const int *n, bmd_error *err)
{
    if (!n || max < 0 || (max > 0 && !out))
        return bmd_error_set(err, BMD_EINVAL, "visibility: the interval buffer (max %d) and the "
                             "count must be given", max);
    return BMD_SUCCESS;
}

/* Radar: the point is seen by the radar (context: the radar's view of the object, prepared once
 * for the scan; the same answer as bmd_radar_look_at_rcs's visible). */
static int radar_sees(const double r[3], void *ctx)
{
    return bmd_radar_view_sees(ctx, r);
}

int bmd_radar_visibility(const bmd_radar *radar, const bmd_earth *earth,
                         const bmd_trajectory *traj, bmd_object_class cls, bmd_interval *out,
                         int max, int *n, bmd_error *err)
{
    if (!radar) /* the rest is checked by bmd_radar_visibility_rcs */
        return bmd_radar_validate(radar, err);
    if ((int)cls < 0 || cls >= BMD_OBJECT_COUNT)
        return bmd_error_set(err, BMD_EINVAL, "object class %d is not known (0..%d)", (int)cls,
                             BMD_OBJECT_COUNT - 1);
    return bmd_radar_visibility_rcs(radar, earth, traj, radar->rcs_m2[cls], out, max, n, err);
}

int bmd_radar_visibility_rcs(const bmd_radar *radar, const bmd_earth *earth,
                             const bmd_trajectory *traj, double rcs_m2, bmd_interval *out,
                             int max, int *n, bmd_error *err)
{
    int st;
    if ((st = check_output(out, max, n, err)))
        return st;
    *n = 0;
    if (!earth)
        return bmd_error_set(err, BMD_EINVAL, "radar visibility: earth must be given");
    if ((st = bmd_radar_validate(radar, err)) || (st = bmd_sensor_check_trajectory(traj, err)))
        return st;
    if (!isfinite(rcs_m2) || !(rcs_m2 > 0))
        return bmd_error_set(err, BMD_EINVAL, "radar visibility: cross-section %g m^2 must be "
                             "positive and finite", rcs_m2);
    bmd_radar_view view;
    bmd_radar_view_init(&view, radar, earth, rcs_m2);
    interval_sink sink = {out, max, 0, 0};
    bmd_sensor_scan(traj, traj->samples[0].t_s, traj->samples[traj->n_samples - 1].t_s, radar_sees,
                &view, &sink);
    return bmd_sensor_sink_finish(&sink, n, err);
}

/* IR: the plume is above the cloud tops (the burn is handled by the caller). */
typedef struct ir_ctx {
    const bmd_earth *earth;
    double min_altitude_m;
} ir_ctx;

static int ir_sees(const double r[3], void *ctx)
{
    const ir_ctx *c = ctx;
    return bmd_earth_altitude_m(c->earth, r) >= c->min_altitude_m;
}

/* The end of the burn whose last burning sample is j: a stage burnout time from events between
 * sample j and the next, else sample j's time. */
static double burn_end(const bmd_trajectory *traj, int j, const bmd_flight_events *events)
{
    double t_j = traj->samples[j].t_s;
    if (!events || j + 1 >= traj->n_samples)
        return t_j;
    double t_next = traj->samples[j + 1].t_s, best = t_j;
    int n = events->n_stages < BMD_MAX_STAGES ? events->n_stages : BMD_MAX_STAGES;
    for (int i = 0; i < n; i++) {
        double b = events->stage_burnout_s[i];
        if (isfinite(b) && b >= t_j && b <= t_next && b > best)
            best = b;
    }
    if (isfinite(events->burnout_s) && events->burnout_s >= t_j && events->burnout_s <= t_next &&
        events->burnout_s > best)
        best = events->burnout_s;
    return best;
}

int bmd_ir_visibility(const bmd_ir_sensor *ir, const bmd_earth *earth, const bmd_trajectory *traj,
                      const bmd_flight_events *events, bmd_interval *out, int max, int *n,
                      bmd_error *err)
{
    int st;
    if ((st = check_output(out, max, n, err)))
        return st;
    *n = 0;
    if (!earth)
        return bmd_error_set(err, BMD_EINVAL, "IR visibility: earth must be given");
    if ((st = bmd_ir_sensor_validate(ir, err)) || (st = bmd_sensor_check_trajectory(traj, err)))
        return st;
    ir_ctx c = {earth, ir->min_altitude_m};
    interval_sink sink = {out, max, 0, 0};
    int count = traj->n_samples;
    for (int i = 0; i < count;) {
        if (traj->samples[i].phase != BMD_PHASE_BOOST) {
            i++;
            continue;
        }
        int j = i;
        while (j + 1 < count && traj->samples[j + 1].phase == BMD_PHASE_BOOST)
            j++;
        double t0 = traj->samples[i].t_s, t1 = burn_end(traj, j, events);
        /* Stretches above the cloud tops within this burn, each reported after the delay. */
        bmd_interval found[16];
        interval_sink burn = {found, 16, 0, 0};
        if (t1 > t0)
            bmd_sensor_scan(traj, t0, t1, ir_sees, &c, &burn);
        for (int k = 0; k < burn.n; k++) {
            double start = found[k].start_s + ir->delay_s;
            double end = found[k].end_s;
            if (start <= end)
                bmd_sensor_sink_add(&sink, start, end);
        }
        sink.dropped += burn.dropped;
        i = j + 1;
    }
    return bmd_sensor_sink_finish(&sink, n, err);
}
