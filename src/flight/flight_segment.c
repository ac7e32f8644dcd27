/* One phase of a flight: integration with bmd_ode, the events apogee / reentry / impact, samples
 * of the time series, and the summary's burnout and impact fields. */
#include <math.h>
#include <string.h>

#include "bmd/atmosphere.h"
#include "bmd/geodesy.h"
#include "flight/flight_internal.h"

enum { EV_APOGEE = 0, EV_REENTRY = 1, EV_IMPACT = 2, N_EVENTS = 3 };

/* Earth-relative velocity (inertial components) at ECI position r with inertial velocity v. */
void bmd_flight_relative_velocity(const bmd_earth *e, const double *y, double v_rel[3])
{
    double w = e->omega_rad_s;
    v_rel[0] = y[3] + w * y[1];
    v_rel[1] = y[4] - w * y[0];
    v_rel[2] = y[5];
}

/* Apogee: Earth-relative velocity along the geodetic normal, the normal (b cos B, a sin B) of the
 * foot point (reduced latitude B) that bmd_flight_height_m has just found for y (the same point
 * as the right-hand side's last evaluation at the end of the step). */
static double event_apogee(double t, const double *y, void *ctx)
{
    (void)t;
    bmd_flight_ctx *c = ctx;
    double up[3], v_rel[3];
    const double rho = sqrt(y[0] * y[0] + y[1] * y[1]);
    bmd_flight_height_m(c, y);
    if (rho > 0.0) {
        const double cb = c->foot[0], sb = c->foot[1];
        const double nr = c->earth->b_m * cb, nz = c->earth->a_m * sb;
        const double in = 1.0 / sqrt(nr * nr + nz * nz), hr = nr * in / rho;
        up[0] = hr * y[0], up[1] = hr * y[1], up[2] = nz * in;
    } else {
        bmd_earth_local_frame(c->earth, y, NULL, NULL, up);
    }
    bmd_flight_relative_velocity(c->earth, y, v_rel);
    return v_rel[0] * up[0] + v_rel[1] * up[1] + v_rel[2] * up[2];
}

/* Reentry: altitude minus 100 km. */
static double event_reentry(double t, const double *y, void *ctx)
{
    (void)t;
    return bmd_flight_height_m(ctx, y) - BMD_FLIGHT_REENTRY_ALT_M;
}

/* Impact: altitude. */
static double event_impact(double t, const double *y, void *ctx)
{
    (void)t;
    return bmd_flight_height_m(ctx, y);
}

/* Build the sample of state y at time t. */
static void make_sample(const bmd_flight_run *fr, double t, const double *y, bmd_sample *s)
{
    const bmd_flight_ctx *c = &fr->ctx;
    memset(s, 0, sizeof *s);
    s->t_s = t;
    bmd_earth_eci_to_ecef(c->earth, t, y, y + 3, s->r_ecef_m, s->v_ecef_m_s);
    bmd_earth_ecef_to_geodetic(c->earth, s->r_ecef_m, &s->lat_rad, &s->lon_rad, &s->altitude_m);
    bmd_earth_velocity_to_local(c->earth, s->r_ecef_m, s->v_ecef_m_s, &s->speed_m_s,
                                &s->flight_path_rad, &s->heading_rad);
    s->mass_kg = y[6];
    bmd_atmosphere atm;
    if (!c->model.no_atmosphere && s->altitude_m < BMD_ATMOSPHERE_MAX_ALT_M &&
        bmd_atmosphere_us76(fmax(s->altitude_m, BMD_ATMOSPHERE_MIN_ALT_M), &atm, NULL) == 0) {
        s->mach = atm.speed_of_sound_m_s > 0.0 ? s->speed_m_s / atm.speed_of_sound_m_s : 0.0;
        s->dynamic_pressure_pa = 0.5 * atm.density_kg_m3 * s->speed_m_s * s->speed_m_s;
    }
    s->stage = c->stage;
    if (c->powered)
        s->phase = BMD_PHASE_BOOST;
    else if (!c->ballistic)
        s->phase = BMD_PHASE_COAST_STAGE;
    else if (s->altitude_m < BMD_FLIGHT_REENTRY_ALT_M && s->flight_path_rad < 0.0)
        s->phase = BMD_PHASE_REENTRY;
    else
        s->phase = BMD_PHASE_FREE;
}

/* Streaming (fr->sink). The samples must reach the sink in the order bmd_flight_record gives
 * them in a stored series: by time, equal times in the order recorded. The events of a step are
 * only known after its regular samples (bmd_ode_run calls the observer first), and the regular
 * samples of the last step beyond the impact are dropped; so a step's regular samples are sent
 * at the next step or at the end of the segment, from a copy of the step's dense output, after
 * the events that come before them. Only the dense output is copied: the values are those of a
 * stored series, bit for bit. */
static int stream_send(bmd_flight_run *fr, double t, const double *y)
{
    bmd_sample s;
    make_sample(fr, t, y, &s);
    bmd_error_clear(&fr->sink_err);
    int rc = fr->sink(&s, fr->sink_ctx, &fr->sink_err);
    if (rc) {
        fr->sink_status = rc;
        if (fr->err)
            *fr->err = fr->sink_err;
    }
    return rc;
}

/* Send the regular samples of the pending step up to time limit (inclusive). */
static int stream_flush(bmd_flight_run *fr, double limit)
{
    if (!fr->pending)
        return BMD_SUCCESS;
    bmd_ode *o = &fr->pend;
    double y[BMD_ODE_MAX_DIM];
    while (fr->next_sample_s <= o->t && fr->next_sample_s < fr->segment_end_s) {
        if (fr->next_sample_s > limit)
            return BMD_SUCCESS;
        if (fr->next_sample_s > o->t_prev) {
            bmd_ode_dense(o, fr->next_sample_s, y); /* dense output built: evaluation only */
            int rc = stream_send(fr, fr->next_sample_s, y);
            if (rc)
                return rc;
        }
        fr->next_sample_s += fr->opt->sample_interval_s;
    }
    fr->pending = 0;
    return BMD_SUCCESS;
}

/* Append the sample at (t, y); inserted in time order (event samples arrive after the regular
 * samples of their step). Streaming: the pending regular samples up to t, then this one. */
int bmd_flight_record(bmd_flight_run *fr, double t, const double *y)
{
    if (fr->sink) {
        int rc = stream_flush(fr, t);
        return rc ? rc : stream_send(fr, t, y);
    }
    if (!fr->traj)
        return BMD_SUCCESS;
    bmd_sample s;
    make_sample(fr, t, y, &s);
    int rc = bmd_flight_traj_push(fr->traj, &s, fr->err);
    if (rc)
        return rc;
    bmd_sample *a = fr->traj->samples;
    for (int i = fr->traj->n_samples - 1; i > 0 && a[i - 1].t_s > a[i].t_s; i--) {
        bmd_sample tmp = a[i - 1];
        a[i - 1] = a[i];
        a[i] = tmp;
    }
    return BMD_SUCCESS;
}

/* Streaming observer: the events of the earlier steps and the pending step's regular samples
 * go out; this step becomes the pending one. Its dense output is built here, as observe builds
 * it, so that the integration sees the same calls in the same order as with a stored series. */
static int observe_stream(bmd_ode *ode, bmd_flight_run *fr)
{
    int rc = BMD_SUCCESS;
    while (!rc && fr->hits_sent < *fr->n_hits) {
        const bmd_ode_hit *h = &fr->hits[fr->hits_sent++];
        rc = bmd_flight_record(fr, h->t, h->y);
    }
    if (!rc)
        rc = stream_flush(fr, INFINITY);
    if (rc) {
        fr->push_failed = 1;
        return 1;
    }
    double t = fr->next_sample_s, y[BMD_ODE_MAX_DIM];
    while (t <= ode->t && t < fr->segment_end_s && !(t > ode->t_prev))
        t += fr->opt->sample_interval_s;
    if (t <= ode->t && t < fr->segment_end_s) { /* a sample in this step */
        bmd_ode_dense(ode, t, y);
        fr->pend = *ode;
        fr->pending = 1;
    } else {
        fr->next_sample_s = t;
    }
    return 0;
}

/* ODE observer: regular samples every sample_interval_s inside the step just taken. */
static int observe(bmd_ode *ode, void *ctx)
{
    bmd_flight_run *fr = ctx;
    if (fr->sink)
        return observe_stream(ode, fr);
    double dt = fr->opt->sample_interval_s;
    double y[BMD_ODE_MAX_DIM];
    while (fr->next_sample_s <= ode->t && fr->next_sample_s < fr->segment_end_s) {
        if (fr->next_sample_s > ode->t_prev) {
            bmd_ode_dense(ode, fr->next_sample_s, y);
            if (bmd_flight_record(fr, fr->next_sample_s, y)) {
                fr->push_failed = 1;
                return 1;
            }
        }
        fr->next_sample_s += dt;
    }
    return 0;
}

/* Integrate from fr->t to t_end (or impact) with the current configuration. */
int bmd_flight_segment(bmd_flight_run *fr, double t_end)
{
    if (t_end > fr->opt->max_time_s)
        t_end = fr->opt->max_time_s;
    if (!(t_end > fr->t + BMD_FLIGHT_TIME_EPS_S))
        return BMD_SUCCESS;
    bmd_ode_system sys = {bmd_flight_rhs, 7, &fr->ctx};
    int rc = bmd_ode_init(&fr->ode, &sys, &fr->opt->ode, fr->t, fr->y, fr->err);
    if (rc)
        return rc;
    bmd_ode_event ev[N_EVENTS] = {{event_apogee, &fr->ctx, -1, 0},
                                  {event_reentry, &fr->ctx, -1, 0},
                                  {event_impact, &fr->ctx, -1, 1}};
    bmd_ode_hit hits[16];
    int n_hits = 0;
    fr->segment_end_s = t_end;
    int sampling = (fr->traj || fr->sink) && fr->opt->sample_interval_s > 0.0;
    fr->hits = hits;
    fr->n_hits = &n_hits;
    fr->hits_sent = 0;
    fr->pending = 0;
    rc = bmd_ode_run(&fr->ode, t_end, ev, N_EVENTS, hits, 16, &n_hits, sampling ? observe : NULL,
                     fr, fr->err);
    if (fr->push_failed) {
        if (!fr->sink_status)
            return BMD_ENOMEM;
        if (fr->err)
            *fr->err = fr->sink_err; /* the sink's message, not the integrator's */
        return fr->sink_status;
    }
    if (rc)
        return rc;
    fr->t = fr->ode.t;
    memcpy(fr->y, fr->ode.y, sizeof fr->y);
    bmd_flight_events *ev_out = &fr->sum->events;
    for (int k = 0; k < n_hits; k++) {
        const bmd_ode_hit *h = &hits[k];
        double alt = bmd_earth_altitude_m(fr->ctx.earth, h->y);
        if (h->event == EV_APOGEE) {
            if (!(alt <= fr->sum->apogee_altitude_m)) {
                ev_out->apogee_s = h->t;
                fr->sum->apogee_altitude_m = alt;
            }
        } else if (h->event == EV_REENTRY) {
            if (!fr->ctx.ballistic || !isnan(ev_out->reentry_s))
                continue;
            ev_out->reentry_s = h->t;
            double r[3], v[3], gam, hd;
            bmd_earth_eci_to_ecef(fr->ctx.earth, h->t, h->y, h->y + 3, r, v);
            bmd_earth_velocity_to_local(fr->ctx.earth, r, v, &fr->sum->reentry_speed_m_s, &gam,
                                        &hd);
        } else {
            fr->impacted = 1;
            ev_out->impact_s = h->t;
            if (fr->traj) /* drop regular samples of the last step that lie below ground */
                while (fr->traj->n_samples > 0 &&
                       fr->traj->samples[fr->traj->n_samples - 1].t_s > h->t)
                    fr->traj->n_samples--;
        }
        if (k < fr->hits_sent) /* streaming: sent during the run */
            continue;
        if ((rc = bmd_flight_record(fr, h->t, h->y)))
            return rc;
        if (fr->impacted)
            fr->pending = 0; /* streaming: the rest of the last step lies below ground */
    }
    if (!fr->impacted && (rc = bmd_flight_record(fr, fr->t, fr->y)))
        return rc;
    fr->pending = 0;
    return BMD_SUCCESS;
}

/* Fill the summary's burnout fields from the current state. */
void bmd_flight_record_burnout(bmd_flight_run *fr)
{
    bmd_flight_summary *s = fr->sum;
    double r[3], v[3], h;
    bmd_earth_eci_to_ecef(fr->ctx.earth, fr->t, fr->y, fr->y + 3, r, v);
    bmd_earth_ecef_to_geodetic(fr->ctx.earth, r, &s->burnout_lat_rad, &s->burnout_lon_rad, &h);
    s->burnout_altitude_m = h;
    double hd;
    bmd_earth_velocity_to_local(fr->ctx.earth, r, v, &s->burnout_speed_m_s,
                                &s->burnout_flight_path_rad, &hd);
    s->burnout_inertial_speed_m_s =
        sqrt(fr->y[3] * fr->y[3] + fr->y[4] * fr->y[4] + fr->y[5] * fr->y[5]);
    s->burnout_radius_m = sqrt(fr->y[0] * fr->y[0] + fr->y[1] * fr->y[1] + fr->y[2] * fr->y[2]);
    const double rv = fr->y[0] * fr->y[3] + fr->y[1] * fr->y[4] + fr->y[2] * fr->y[5];
    s->burnout_inertial_flight_path_rad =
        asin(fmax(-1.0, fmin(1.0, rv / (s->burnout_radius_m * s->burnout_inertial_speed_m_s))));
    s->events.burnout_s = fr->t;
}

/* Start a summary with NaN event times. */
void bmd_flight_init_summary(bmd_flight_summary *s, int n_stages)
{
    memset(s, 0, sizeof *s);
    s->events.n_stages = n_stages;
    for (int i = 0; i < BMD_MAX_STAGES; i++)
        s->events.stage_burnout_s[i] = NAN;
    s->events.burnout_s = s->events.apogee_s = s->events.reentry_s = s->events.impact_s = NAN;
    s->apogee_altitude_m = NAN;
    s->burnout_altitude_m = s->burnout_speed_m_s = s->burnout_inertial_speed_m_s = NAN;
    s->burnout_inertial_flight_path_rad = s->burnout_radius_m = NAN;
    s->burnout_flight_path_rad = s->burnout_lat_rad = s->burnout_lon_rad = NAN;
    s->impact_phase = -1;
    s->reentry_speed_m_s = s->impact_lat_rad = s->impact_lon_rad = NAN;
    s->impact_speed_m_s = s->ground_range_m = s->flight_time_s = NAN;
}

/* Free flight to impact, then the impact fields of the summary. */
int bmd_flight_finish(bmd_flight_run *fr)
{
    int rc = fr->impacted ? BMD_SUCCESS : bmd_flight_segment(fr, fr->opt->max_time_s);
    if (rc)
        return rc;
    bmd_flight_summary *s = fr->sum;
    s->impacted = fr->impacted;
    if (!fr->impacted)
        return BMD_SUCCESS;
    s->impact_phase = fr->ctx.powered     ? BMD_PHASE_BOOST
                      : !fr->ctx.ballistic ? BMD_PHASE_COAST_STAGE
                                           : BMD_PHASE_REENTRY;
    double r[3], v[3], h, gam, hd;
    bmd_earth_eci_to_ecef(fr->ctx.earth, fr->t, fr->y, fr->y + 3, r, v);
    bmd_earth_ecef_to_geodetic(fr->ctx.earth, r, &s->impact_lat_rad, &s->impact_lon_rad, &h);
    bmd_earth_velocity_to_local(fr->ctx.earth, r, v, &s->impact_speed_m_s, &gam, &hd);
    bmd_geodesy_inverse(fr->ctx.earth, fr->launch_lat, fr->launch_lon, s->impact_lat_rad,
                        s->impact_lon_rad, &s->ground_range_m, NULL, NULL);
    s->flight_time_s = s->events.impact_s;
    return BMD_SUCCESS;
}
