/* Interceptor models (see include/bmd/interceptor.h and docs/parts/interceptor-physics.md):
 * defaults, validation, the geometry of a state, and the notional model — constant acceleration
 * v_bo / t_b along a straight line at the launch elevation, then a ballistic coast under
 * point-mass + J2 gravity integrated with DOP853 in the inertial frame. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bmd/units.h"
#include "bmd/geodesy.h"
#include "bmd/gravity.h"
#include "bmd/ode.h"
#include "defense/interceptor_internal.h"


void bmd_interceptor_init(bmd_interceptor *ic)
{
    memset(ic, 0, sizeof *ic);
    ic->model = BMD_INTERCEPTOR_NOTIONAL;
    ic->vertical_rise_s = 5.0;
    ic->min_elevation_rad = 0.0;
    ic->max_elevation_rad = (0.5 * BMD_PI);
    ic->min_altitude_m = 0.0;
    ic->max_altitude_m = 2.0e6;
    ic->max_flyout_time_s = 600.0;
}

const char *bmd_reach_reason_name(bmd_reach_reason reason)
{
    switch (reason) {
    case BMD_REACH_OK: return "reachable";
    case BMD_REACH_BELOW_FLOOR: return "below the altitude floor";
    case BMD_REACH_ABOVE_CEILING: return "above the altitude ceiling";
    case BMD_REACH_OUT_OF_REACH: return "out of reach within the flyout time";
    }
    return "unknown";
}

/* EINVAL unless lo <= x <= hi and x is finite. */
static int check_range(double x, double lo, double hi, const char *field, const char *allowed,
                       bmd_error *err)
{
    if (!isfinite(x) || x < lo || x > hi)
        return bmd_error_set(err, BMD_EINVAL, "interceptor %s %g is invalid: it must be %s", field,
                             x, allowed);
    return BMD_SUCCESS;
}

int bmd_interceptor_validate(const bmd_interceptor *ic, bmd_error *err)
{
    if (!ic)
        return bmd_error_set(err, BMD_EINVAL, "interceptor must not be NULL");
    int st;
    if (ic->model == BMD_INTERCEPTOR_NOTIONAL) {
        if ((st = check_range(ic->burnout_speed_m_s, 1e-9, 11.0e3, "burnout_speed_m_s",
                              "positive and below 11 km/s (escape speed)", err)) ||
            (st = check_range(ic->burn_time_s, 1e-9, 1e4, "burn_time_s",
                              "positive and at most 10,000 s", err)))
            return st;
    } else if (ic->model == BMD_INTERCEPTOR_STAGED) {
        if ((st = check_range(ic->vertical_rise_s, 1e-9, 1e4, "vertical_rise_s",
                              "positive (staged model)", err)))
            return st;
        if (ic->rocket.n_stages < 1)
            return bmd_error_set(err, BMD_EINVAL, "interceptor rocket has %d stages: the staged "
                                 "model needs at least one", ic->rocket.n_stages);
    } else {
        return bmd_error_set(err, BMD_EINVAL, "interceptor model %d is invalid: 0 (notional) or "
                             "1 (staged)", (int)ic->model);
    }
    if ((st = check_range(ic->min_elevation_rad, 0.0, (0.5 * BMD_PI), "min_elevation_rad",
                          "between 0 and pi/2", err)) ||
        (st = check_range(ic->max_elevation_rad, 0.0, (0.5 * BMD_PI), "max_elevation_rad",
                          "between 0 and pi/2", err)))
        return st;
    if (!(ic->max_elevation_rad > ic->min_elevation_rad))
        return bmd_error_set(err, BMD_EINVAL, "interceptor max_elevation_rad %g must exceed "
                             "min_elevation_rad %g", ic->max_elevation_rad, ic->min_elevation_rad);
    if ((st = check_range(ic->min_altitude_m, 0.0, 1e8, "min_altitude_m", "zero or positive",
                          err)) ||
        (st = check_range(ic->max_altitude_m, 0.0, 1e8, "max_altitude_m", "positive", err)))
        return st;
    if (!(ic->max_altitude_m > ic->min_altitude_m))
        return bmd_error_set(err, BMD_EINVAL, "interceptor max_altitude_m %g must exceed "
                             "min_altitude_m %g", ic->max_altitude_m, ic->min_altitude_m);
    if ((st = check_range(ic->max_flyout_time_s, 1e-6, 1e5, "max_flyout_time_s",
                          "positive and at most 100,000 s", err)) ||
        (st = check_range(ic->min_closing_speed_m_s, 0.0, 1e5, "min_closing_speed_m_s",
                          "zero or positive", err)))
        return st;
    return BMD_SUCCESS;
}

void bmd_ic_notional_copy(const bmd_interceptor *in, bmd_interceptor *ic)
{
    *ic = *in;
    if (in->model == BMD_INTERCEPTOR_STAGED) {
        double burn = 0;
        for (int i = 0; i < in->rocket.n_stages; i++)
            burn += in->rocket.stages[i].burn_time_s + in->rocket.stages[i].coast_before_s;
        ic->burn_time_s = burn;
    }
    ic->model = BMD_INTERCEPTOR_NOTIONAL;
}

int bmd_ic_check_site(const bmd_interceptor_site *site, bmd_error *err)
{
    if (!site)
        return bmd_error_set(err, BMD_EINVAL, "interceptor site must not be NULL");
    if (!isfinite(site->lat_rad) || fabs(site->lat_rad) > (0.5 * BMD_PI))
        return bmd_error_set(err, BMD_EINVAL, "site latitude %g rad is invalid: it must be within "
                             "[-pi/2, pi/2]", site->lat_rad);
    if (!isfinite(site->lon_rad) || !isfinite(site->azimuth_rad))
        return bmd_error_set(err, BMD_EINVAL, "site longitude %g rad or azimuth %g rad is not "
                             "finite", site->lon_rad, site->azimuth_rad);
    if (!isfinite(site->height_m) || site->height_m < -1e4 || site->height_m > 1e5)
        return bmd_error_set(err, BMD_EINVAL, "site height %g m is invalid: it must be within "
                             "[-10 km, 100 km]", site->height_m);
    return BMD_SUCCESS;
}

int bmd_ic_states_needed(const bmd_interceptor *ic, double dt_s)
{
    double n = ceil(ic->max_flyout_time_s / dt_s) + 3.0;
    return n > 1e8 ? 100000000 : (int)n;
}

double bmd_ic_along_range(const bmd_earth *earth, const bmd_interceptor_site *site,
                      const double r_ecef_m[3])
{
    double lat, lon, h, d, az1;
    bmd_earth_ecef_to_geodetic(earth, r_ecef_m, &lat, &lon, &h);
    bmd_geodesy_inverse(earth, site->lat_rad, site->lon_rad, lat, lon, &d, &az1, NULL);
    if (!(d > 0.0))
        return 0.0;
    return d * cos(az1 - site->azimuth_rad);
}

void bmd_ic_fill_state(const bmd_earth *earth, const bmd_interceptor_site *site, bmd_kv_state *s)
{
    double heading;
    s->ground_range_m = bmd_ic_along_range(earth, site, s->r_ecef_m);
    s->altitude_m = bmd_earth_altitude_m(earth, s->r_ecef_m);
    bmd_earth_velocity_to_local(earth, s->r_ecef_m, s->v_ecef_m_s, &s->speed_m_s, &s->gamma_rad,
                                &heading);
    if (!(s->speed_m_s > 0.0))
        s->gamma_rad = (0.5 * BMD_PI); /* at rest on the pad: call it vertical */
}

/* ---- the notional model ---- */

/* Coast right-hand side in the inertial frame: y = (r, v), dy/dt = (v, g(r)). */
static int coast_rhs(double t, const double *y, double *dydt, void *ctx)
{
    (void)t;
    const bmd_earth *earth = ctx;
    dydt[0] = y[3];
    dydt[1] = y[4];
    dydt[2] = y[5];
    bmd_gravity_accel(earth, y, dydt + 3);
    return 0;
}

/* Terminal event: altitude crossing zero downward. */
static double ground_event(double t, const double *y, void *ctx)
{
    (void)t;
    return bmd_earth_altitude_m((const bmd_earth *)ctx, y);
}

/* Where the observer writes states: every multiple of dt after burnout. */
typedef struct coast_rec {
    const bmd_earth *earth;
    double dt, t_next;
    bmd_kv_state *states;
    int max, n;
} coast_rec;

/* Record a state in ECEF from an inertial (r, v) at time t. */
static void push_inertial(coast_rec *rec, double t, const double *y)
{
    bmd_kv_state *s = &rec->states[rec->n++];
    memset(s, 0, sizeof *s);
    s->t_s = t;
    bmd_earth_eci_to_ecef(rec->earth, t, y, y + 3, s->r_ecef_m, s->v_ecef_m_s);
}

/* Observer: states at the multiples of dt inside the step just taken (dense output). */
static int coast_observer(bmd_ode *ode, void *ctx)
{
    coast_rec *rec = ctx;
    double y[BMD_ODE_MAX_DIM];
    while (rec->t_next <= ode->t) {
        if (rec->n >= rec->max - 1)
            return 1;
        bmd_ode_dense(ode, rec->t_next, y);
        push_inertial(rec, rec->t_next, y);
        rec->t_next += rec->dt;
    }
    return 0;
}

/* Unit launch direction in ECEF: elevation above the local horizontal toward the azimuth. */
static void launch_direction(const bmd_interceptor_site *site, double elevation_rad,
                             double u[3])
{
    double e[3], n[3], up[3];
    bmd_earth_enu_basis(site->lat_rad, site->lon_rad, e, n, up);
    const double ce = cos(elevation_rad), se = sin(elevation_rad);
    const double sa = sin(site->azimuth_rad), ca = cos(site->azimuth_rad);
    for (int k = 0; k < 3; k++)
        u[k] = ce * (sa * e[k] + ca * n[k]) + se * up[k];
}

/* Burn phase, analytic: r = r0 + u a t^2 / 2, v = u a t in the Earth-fixed frame. */
static void burn_state(const double r0[3], const double u[3], double a, double t, bmd_kv_state *s)
{
    memset(s, 0, sizeof *s);
    s->t_s = t;
    for (int k = 0; k < 3; k++) {
        s->r_ecef_m[k] = r0[k] + u[k] * 0.5 * a * t * t;
        s->v_ecef_m_s[k] = u[k] * a * t;
    }
}

/* The notional model's raw flight. */
static int fly_notional(const bmd_earth *earth, const bmd_interceptor *ic,
                        const bmd_interceptor_site *site, double elevation_rad, double dt,
                        bmd_kv_state *states, int max_states, int *n_states, bmd_error *err)
{
    double r0[3], u[3];
    bmd_earth_geodetic_to_ecef(earth, site->lat_rad, site->lon_rad, site->height_m, r0);
    launch_direction(site, elevation_rad, u);
    const double tb = ic->burn_time_s, tmax = ic->max_flyout_time_s;
    const double a = ic->burnout_speed_m_s / tb;
    const double t_burn_end = tb < tmax ? tb : tmax;
    int n = 0;
    for (int m = 0; m * dt < t_burn_end; m++)
        burn_state(r0, u, a, m * dt, &states[n++]);
    burn_state(r0, u, a, t_burn_end, &states[n++]);
    if (tb >= tmax) {
        *n_states = n;
        return BMD_SUCCESS;
    }
    /* Coast in the inertial frame from burnout. */
    double y0[6];
    bmd_earth_ecef_to_eci(earth, tb, states[n - 1].r_ecef_m, states[n - 1].v_ecef_m_s, y0, y0 + 3);
    bmd_ode_system sys = {coast_rhs, 6, (void *)earth};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    opt.rtol = 1e-10;
    opt.atol = 1e-5;
    opt.event_tol = 1e-8;
    bmd_ode ode;
    int st = bmd_ode_init(&ode, &sys, &opt, tb, y0, err);
    if (st)
        return st;
    coast_rec rec = {earth, dt, (floor(tb / dt) + 1.0) * dt, states, max_states, n};
    bmd_ode_event ev = {ground_event, (void *)earth, -1, 1};
    bmd_ode_hit hit;
    int n_hits = 0;
    st = bmd_ode_run(&ode, tmax, &ev, 1, &hit, 1, &n_hits, coast_observer, &rec, err);
    if (st)
        return st;
    /* A terminal event ends the run inside a step whose later states the observer recorded. */
    while (rec.n > 0 && rec.states[rec.n - 1].t_s > ode.t)
        rec.n--;
    if (ode.t - rec.states[rec.n - 1].t_s > 1e-9)
        push_inertial(&rec, ode.t, ode.y);
    *n_states = rec.n;
    return BMD_SUCCESS;
}

int bmd_ic_fly_raw(const bmd_earth *earth, const bmd_interceptor *ic, const bmd_interceptor_site *site,
               double elevation_rad, double dt_s, bmd_kv_state *states, int max_states,
               int *n_states, bmd_error *err)
{
    int st;
    *n_states = 0;
    if (!earth || !states)
        return bmd_error_set(err, BMD_EINVAL, "interceptor flight: earth and states must be given");
    if ((st = bmd_interceptor_validate(ic, err)) || (st = bmd_ic_check_site(site, err)))
        return st;
    if (!isfinite(elevation_rad) || elevation_rad < ic->min_elevation_rad - 1e-12 ||
        elevation_rad > ic->max_elevation_rad + 1e-12)
        return bmd_error_set(err, BMD_EINVAL, "launch elevation %g rad is outside the "
                             "interceptor's limits [%g, %g] rad", elevation_rad,
                             ic->min_elevation_rad, ic->max_elevation_rad);
    if (!isfinite(dt_s) || dt_s <= 0.0)
        return bmd_error_set(err, BMD_EINVAL, "state interval %g s is invalid: it must be > 0",
                             dt_s);
    int need = bmd_ic_states_needed(ic, dt_s);
    if (max_states < need)
        return bmd_error_set(err, BMD_EINVAL, "room for %d states given; %d needed for %g s of "
                             "flight every %g s", max_states, need, ic->max_flyout_time_s, dt_s);
    if (ic->model == BMD_INTERCEPTOR_STAGED)
        return bmd_ic_fly_staged(earth, ic, site, elevation_rad, dt_s, states, max_states, n_states,
                             err);
    return fly_notional(earth, ic, site, elevation_rad, dt_s, states, max_states, n_states, err);
}

int bmd_interceptor_fly(const bmd_earth *earth, const bmd_interceptor *ic,
                        const bmd_interceptor_site *site, double elevation_rad, double dt_s,
                        bmd_kv_state *states, int max_states, int *n_states, bmd_error *err)
{
    bmd_error_clear(err);
    if (!n_states)
        return bmd_error_set(err, BMD_EINVAL, "interceptor flight: n_states must be given");
    int st = bmd_ic_fly_raw(earth, ic, site, elevation_rad, dt_s, states, max_states, n_states, err);
    if (st)
        return st;
    for (int i = 0; i < *n_states; i++)
        bmd_ic_fill_state(earth, site, &states[i]);
    return BMD_SUCCESS;
}
