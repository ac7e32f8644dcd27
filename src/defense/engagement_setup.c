/* Engagement inputs: the timeline, options, reason texts, and the preparation of a threat (its
 * first report by the cueing sensors, computed once and shared by every site). */
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <strings.h>

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

void bmd_engagement_rules_init(bmd_engagement_rules *rules)
{
    rules->launch_on = BMD_LAUNCH_ON_IR_TRACK;
    bmd_timeline_init(&rules->timeline);
    rules->require_fcr_coverage = 1;
}

int bmd_engagement_rules_validate(const bmd_engagement_rules *rules, bmd_error *err)
{
    if (!rules)
        return bmd_error_set(err, BMD_EINVAL, "engagement rules must not be NULL");
    if ((int)rules->launch_on < 0 || rules->launch_on >= BMD_LAUNCH_ON_COUNT)
        return bmd_error_set(err, BMD_EINVAL, "launch-on setting %d is not known (ir-track, "
                             "burnout, radar-track)", (int)rules->launch_on);
    return bmd_timeline_validate(&rules->timeline, err);
}

void bmd_engagement_rules_apply(const bmd_engagement_rules *rules, bmd_timeline *tl,
                                bmd_engage_options *opt)
{
    if (tl)
        *tl = rules->timeline;
    if (opt) {
        opt->require_fcr_coverage = rules->require_fcr_coverage;
        opt->launch_on = rules->launch_on;
    }
}

const char *bmd_engagement_rules_describe(const bmd_engagement_rules *rules, char *buf,
                                          size_t n)
{
    if (!buf || n == 0)
        return buf;
    const bmd_timeline *t = &rules->timeline;
    snprintf(buf, n, "launch on %s; delays: track %g s, decision %g s, launch %g s, kill "
             "assessment %g s; fire-control radar must see the intercept: %s",
             bmd_launch_on_name(rules->launch_on), t->track_delay_s, t->decision_delay_s,
             t->launch_delay_s, t->kill_assessment_s, rules->require_fcr_coverage ? "yes" : "no");
    return buf;
}

static const char *const launch_on_names[BMD_LAUNCH_ON_COUNT] = {"ir-track", "burnout",
                                                                 "radar-track"};

const char *bmd_launch_on_name(bmd_launch_on launch_on)
{
    return (int)launch_on >= 0 && launch_on < BMD_LAUNCH_ON_COUNT ? launch_on_names[launch_on]
                                                                  : "unknown";
}

const char *bmd_launch_on_meaning(bmd_launch_on launch_on)
{
    switch (launch_on) {
    case BMD_LAUNCH_ON_IR_TRACK:
        return "launch on the first report by any cueing sensor (space-based IR during boost "
               "included) or the site's radar";
    case BMD_LAUNCH_ON_BURNOUT:
        return "launch no earlier than the delays after the threat's burnout (any sensor's report)";
    case BMD_LAUNCH_ON_RADAR_TRACK:
        return "launch on a radar track only (cueing or fire-control radar; infrared does not "
               "count), and no earlier than the delays after burnout";
    }
    return "unknown";
}

int bmd_launch_on_parse(const char *name, bmd_launch_on *launch_on, bmd_error *err)
{
    for (int i = 0; name && launch_on && i < BMD_LAUNCH_ON_COUNT; i++)
        if (strcasecmp(name, launch_on_names[i]) == 0) {
            *launch_on = (bmd_launch_on)i;
            return BMD_SUCCESS;
        }
    return bmd_error_set(err, BMD_EINVAL, "launch-on setting '%s' is not known (ir-track, "
                         "burnout, radar-track)", name ? name : "(null)");
}

void bmd_engage_options_init(bmd_engage_options *opt)
{
    bmd_engagement_rules r;
    bmd_engagement_rules_init(&r);
    opt->scan_step_s = 1.0;
    opt->time_tol_s = 1e-3;
    bmd_engagement_rules_apply(&r, NULL, opt);
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
        const double rcs = isnan(th->rcs_m2) ? ss->radars[i].rcs_m2[th->cls] : th->rcs_m2;
        st = bmd_radar_visibility_rcs(&ss->radars[i], earth, th->traj, rcs, iv,
                                      CUE_MAX_INTERVALS, &n, err);
        if ((st = first_start(st, iv, n, &t)))
            return st;
        if (t < th->cue_detect_s) {
            th->cue_detect_s = t;
            th->cue_detector = BMD_DETECTOR_RADAR;
            th->cue_index = i;
        }
        if (t < th->cue_radar_detect_s) {
            th->cue_radar_detect_s = t;
            th->cue_radar_index = i;
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

/* The end of the last burn: the events' burnout when known, else the last boosting sample. */
static double last_burnout(const bmd_trajectory *traj, const bmd_flight_events *events)
{
    if (events && isfinite(events->burnout_s))
        return events->burnout_s;
    double t = traj->samples[0].t_s;
    for (int i = 0; i < traj->n_samples; i++)
        if (traj->samples[i].phase == BMD_PHASE_BOOST)
            t = traj->samples[i].t_s;
    return t;
}

int bmd_threat_prepare(const bmd_earth *earth, const bmd_trajectory *traj,
                       const bmd_flight_events *events, bmd_object_class cls,
                       const bmd_sensor_set *sensors, bmd_threat *threat, bmd_error *err)
{
    return bmd_threat_prepare_rcs(earth, traj, events, cls, NAN, sensors, threat, err);
}

int bmd_threat_prepare_rcs(const bmd_earth *earth, const bmd_trajectory *traj,
                           const bmd_flight_events *events, bmd_object_class cls, double rcs_m2,
                           const bmd_sensor_set *sensors, bmd_threat *threat, bmd_error *err)
{
    int st;
    if (!threat)
        return bmd_error_set(err, BMD_EINVAL, "threat: the output must be given");
    *threat = (bmd_threat){0};
    if (!isnan(rcs_m2) && !(isfinite(rcs_m2) && rcs_m2 > 0))
        return bmd_error_set(err, BMD_EINVAL, "threat cross-section %g m^2 must be positive and "
                             "finite", rcs_m2);
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
    threat->cue_radar_detect_s = INFINITY;
    threat->cue_radar_index = -1;
    threat->rcs_m2 = rcs_m2;
    threat->burnout_s = last_burnout(traj, events);
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

/* Distance (m) from point c to the segment [a, b] (a == b allowed). */
static double point_segment_m(const double a[3], const double b[3], const double c[3])
{
    double ab[3], ac[3], ab2 = 0, t = 0;
    for (int k = 0; k < 3; k++) {
        ab[k] = b[k] - a[k];
        ac[k] = c[k] - a[k];
        ab2 += ab[k] * ab[k];
        t += ab[k] * ac[k];
    }
    t = ab2 > 0 ? fmin(1.0, fmax(0.0, t / ab2)) : 0.0;
    double d2 = 0;
    for (int k = 0; k < 3; k++) {
        const double e = ac[k] - t * ab[k];
        d2 += e * e;
    }
    return sqrt(d2);
}

int bmd_engage_fcr_never(const bmd_earth *earth, const bmd_threat *th,
                         const bmd_defense_site *site, const bmd_engage_options *opt)
{
    bmd_engage_options o;
    if (opt)
        o = *opt;
    else
        bmd_engage_options_init(&o);
    if (!earth || !th || !th->traj || th->traj->n_samples < 2 || !site || !site->fire_control ||
        !o.require_fcr_coverage || (int)th->cls < 0 || th->cls >= BMD_OBJECT_COUNT)
        return 0;
    const bmd_radar *fcr = site->fire_control;
    /* the reach of bmd_engage's test (d): min(instrumented, detection range for the object) */
    const double rcs = isnan(th->rcs_m2) ? fcr->rcs_m2[th->cls] : th->rcs_m2;
    const double reach = fmin(fcr->ref_detection_range_m * pow(rcs / fcr->ref_rcs_m2, 0.25),
                              fcr->max_range_m);
    if (!(reach >= 0) || !isfinite(fcr->max_range_m))
        return 0;
    /* 1 mm and 1e-9 of margin over the test's own 1e-12 (squared) */
    const double limit = reach * (1 + 1e-9) + 1e-3;
    double f[3];
    bmd_earth_geodetic_to_ecef(earth, fcr->lat_rad, fcr->lon_rad, fcr->height_m, f);
    const bmd_sample *s = th->traj->samples;
    for (int i = 0; i + 1 < th->traj->n_samples; i++) {
        const bmd_sample *a = &s[i], *b = &s[i + 1];
        const double dt = b->t_s - a->t_s;
        if (!(dt >= 0) || !isfinite(dt))
            return 0;
        /* The cubic Hermite interpolant between the samples (bmd_eng_state_at) departs from the
         * chord by h01(u) - u times the chord plus dt (h10(u) v0 + h11(u) v1): at most
         * 0.0963 |chord| + (4/27) dt (|v0| + |v1|) for u in [0, 1]. */
        double chord2 = 0, va2 = 0, vb2 = 0;
        for (int k = 0; k < 3; k++) {
            const double c = b->r_ecef_m[k] - a->r_ecef_m[k];
            chord2 += c * c;
            va2 += a->v_ecef_m_s[k] * a->v_ecef_m_s[k];
            vb2 += b->v_ecef_m_s[k] * b->v_ecef_m_s[k];
        }
        const double dev = 0.0963 * sqrt(chord2) + (4.0 / 27.0) * dt * (sqrt(va2) + sqrt(vb2));
        const double near = point_segment_m(a->r_ecef_m, b->r_ecef_m, f) - dev;
        if (!(near > limit))
            return 0;
    }
    return 1;
}
