/* Engagement inputs: the timeline, options, reason texts, and the preparation of a threat (its
 * first report by the cueing sensors, computed once and shared by every site). */
#include <math.h>
#include <stddef.h>

#include "bmd/engagement.h"
#include "defense/sensor_scan.h"

void bmd_timeline_init(bmd_timeline *tl)
{
    tl->track_delay_s = 30.0;
    tl->decision_delay_s = 10.0;
    tl->launch_delay_s = 5.0;
    tl->kill_assessment_s = 30.0;
}

/* EINVAL unless the delay is finite and >= 0. */
static int check_delay(double value, const char *name, bmd_error *err)
{
    if (!isfinite(value) || value < 0)
        return bmd_error_set(err, BMD_EINVAL, "%s %g s is invalid: it must be finite and >= 0",
                             name, value);
    return BMD_SUCCESS;
}

int bmd_timeline_validate(const bmd_timeline *tl, bmd_error *err)
{
    int st;
    if (!tl)
        return bmd_error_set(err, BMD_EINVAL, "timeline must not be NULL");
    if ((st = check_delay(tl->track_delay_s, "track delay", err)) ||
        (st = check_delay(tl->decision_delay_s, "decision delay", err)) ||
        (st = check_delay(tl->launch_delay_s, "launch delay", err)) ||
        (st = check_delay(tl->kill_assessment_s, "kill-assessment time", err)))
        return st;
    return BMD_SUCCESS;
}

void bmd_engage_options_init(bmd_engage_options *opt)
{
    opt->scan_step_s = 1.0;
    opt->time_tol_s = 1e-3;
    opt->require_fcr_coverage = 1;
}

const char *bmd_engage_reason_name(bmd_engage_reason reason)
{
    switch (reason) {
    case BMD_ENGAGE_OK: return "engageable";
    case BMD_ENGAGE_NOT_SEEN: return "not seen";
    case BMD_ENGAGE_NOT_SEEN_IN_TIME: return "not seen in time";
    case BMD_ENGAGE_OUT_OF_REACH: return "out of reach";
    case BMD_ENGAGE_BELOW_FLOOR: return "below the altitude floor";
    case BMD_ENGAGE_TOO_LATE: return "too late";
    case BMD_ENGAGE_NO_FCR_COVERAGE: return "outside fire-control radar coverage";
    }
    return "unknown";
}

#define CUE_MAX_INTERVALS 32

/* The first start among the intervals of one visibility call, accepting a full buffer (more
 * intervals than fit: the first ones are still there). */
static int first_start(int st, const bmd_interval *iv, int n, double *t_s)
{
    if (st && !(st == BMD_EINVAL && n == CUE_MAX_INTERVALS))
        return st;
    *t_s = n > 0 ? iv[0].start_s : INFINITY;
    return BMD_SUCCESS;
}

/* Record the earliest report among the cueing sensors. */
static int cue(const bmd_earth *earth, const bmd_sensor_set *ss, bmd_threat *th, bmd_error *err)
{
    bmd_interval iv[CUE_MAX_INTERVALS];
    int n, st;
    double t;
    if (ss->n_radars < 0 || ss->n_ir < 0 || (ss->n_radars > 0 && !ss->radars) ||
        (ss->n_ir > 0 && !ss->ir))
        return bmd_error_set(err, BMD_EINVAL, "sensor set: %d radars and %d IR sensors given "
                             "without arrays (or negative counts)", ss->n_radars, ss->n_ir);
    for (int i = 0; i < ss->n_radars; i++) {
        if ((st = bmd_radar_validate(&ss->radars[i], err)))
            return st;
        st = bmd_radar_visibility(&ss->radars[i], earth, th->traj, th->cls, iv,
                                  CUE_MAX_INTERVALS, &n, err);
        if ((st = first_start(st, iv, n, &t)))
            return st;
        if (t < th->cue_detect_s) {
            th->cue_detect_s = t;
            th->cue_detector = BMD_DETECTOR_RADAR;
            th->cue_index = i;
        }
    }
    for (int i = 0; i < ss->n_ir; i++) {
        if ((st = bmd_ir_sensor_validate(&ss->ir[i], err)))
            return st;
        st = bmd_ir_visibility(&ss->ir[i], earth, th->traj, th->events, iv, CUE_MAX_INTERVALS,
                               &n, err);
        if ((st = first_start(st, iv, n, &t)))
            return st;
        if (t < th->cue_detect_s) {
            th->cue_detect_s = t;
            th->cue_detector = BMD_DETECTOR_IR;
            th->cue_index = i;
        }
    }
    bmd_error_clear(err);
    return BMD_SUCCESS;
}

int bmd_threat_prepare(const bmd_earth *earth, const bmd_trajectory *traj,
                       const bmd_flight_events *events, bmd_object_class cls,
                       const bmd_sensor_set *sensors, bmd_threat *threat, bmd_error *err)
{
    int st;
    if (!threat)
        return bmd_error_set(err, BMD_EINVAL, "threat: the output must be given");
    *threat = (bmd_threat){0};
    if (!earth)
        return bmd_error_set(err, BMD_EINVAL, "threat: the Earth model must be given");
    if ((st = bmd_sensor_check_trajectory(traj, err)))
        return st;
    if ((int)cls < 0 || cls >= BMD_OBJECT_COUNT)
        return bmd_error_set(err, BMD_EINVAL, "threat object class %d is not known (0..%d)",
                             (int)cls, BMD_OBJECT_COUNT - 1);
    threat->traj = traj;
    threat->events = events;
    threat->cls = cls;
    threat->t_first_s = traj->samples[0].t_s;
    threat->t_last_s = traj->samples[traj->n_samples - 1].t_s;
    threat->cue_detect_s = INFINITY;
    threat->cue_detector = BMD_DETECTOR_NONE;
    threat->cue_index = -1;
    for (int i = 0; i < traj->n_samples; i++) {
        const bmd_sample *s = &traj->samples[i];
        const double v = sqrt(s->v_ecef_m_s[0] * s->v_ecef_m_s[0] +
                              s->v_ecef_m_s[1] * s->v_ecef_m_s[1] +
                              s->v_ecef_m_s[2] * s->v_ecef_m_s[2]);
        if (!isfinite(v) || !isfinite(s->t_s))
            return bmd_error_set(err, BMD_EINVAL, "threat trajectory sample %d has a non-finite "
                                 "time or velocity", i);
        threat->max_speed_m_s = fmax(threat->max_speed_m_s, v);
        threat->max_altitude_m = fmax(threat->max_altitude_m, bmd_earth_altitude_m(earth,
                                                                                   s->r_ecef_m));
    }
    if (sensors && (st = cue(earth, sensors, threat, err))) {
        threat->traj = NULL;
        return st;
    }
    return BMD_SUCCESS;
}
