/* Fitting a notional missile to a lofted test (see include/bmd/loft.h): nested one-dimensional
 * root finding on the shape parameter (apogee), the propellant scale (range) and the burn-time
 * scale (flight time), each by bracketing then Brent's method. */
#include <math.h>
#include <string.h>

#include "bmd/loft.h"
#include "flight/brent.h"

#define APOGEE_TOL_M 100.0
#define RANGE_TOL_M 100.0
#define TIME_TOL_S 1.0
#define SCALE_MIN 0.1
#define SCALE_MAX 10.0
#define BURN_MIN 0.25
#define BURN_MAX 4.0
#define SHAPE_MAX_RAD 1.45 /* flattest plan tried (83 deg from vertical) */

/* The state of a fit: inputs, the missile and plan being flown, the last flight. */
typedef struct fit_ctx {
    const bmd_earth *earth;
    const bmd_missile *tpl;
    const bmd_loft_setup *setup;
    const bmd_loft_observation *obs;
    const bmd_flight_options *opt;
    bmd_error *err;
    bmd_missile m;
    bmd_plan plan;
    bmd_flight_summary sum;
    double burn_scale;
    double x_warm;     /* last shape found, to bracket the next one */
    double s_warm;     /* last propellant scale found */
    int evaluations;
} fit_ctx;

/* One function of one variable for the root finder: f(x) into *f; nonzero status on failure. */
typedef int (*fit_fn)(fit_ctx *c, double x, double *f);

/* A fit function with its context, for bmd_brent_root. */
typedef struct brent_ctx {
    fit_ctx *c;
    fit_fn fn;
} brent_ctx;

/* f(x) for bmd_brent_root. */
static int brent_fn(void *ctx, double x, double *f)
{
    brent_ctx *b = ctx;
    return b->fn(b->c, x, f);
}

/* Brent's root finding on [a, b] with f(a), f(b) of opposite signs, to |step| <= xtol or
 * |f| <= ftol. */
static int brent(fit_ctx *c, fit_fn fn, double a, double fa, double b, double fb, double xtol,
                 double ftol, double *root)
{
    brent_ctx bc = {c, fn};
    const bmd_brent_stop stop = {xtol, ftol, 80, "loft fit: root finding did not converge"};
    return bmd_brent_root(brent_fn, &bc, a, fa, b, fb, &stop, c->err, root);
}

/* Set the plan's shape parameter x (0 vertical, larger flatter). */
static void set_shape(fit_ctx *c, double x)
{
    if (c->plan.steering == BMD_STEER_PITCH_PROGRAM)
        c->plan.pitch_final_rad = 0.5 * M_PI - x;
    else
        c->plan.kick_rad = x;
}

/* Apogee residual of the plan with shape x. A flight that stays up counts as too high. */
static int apogee_residual(fit_ctx *c, double x, double *f)
{
    set_shape(c, x);
    c->evaluations++;
    int rc = bmd_trajectory_fly(c->earth, &c->m, &c->plan, c->setup->site.lat_rad,
                                c->setup->site.lon_rad, c->setup->site.height_m, c->opt, &c->sum,
                                NULL, c->err);
    if (rc)
        return rc;
    double apo = c->sum.impacted && isfinite(c->sum.apogee_altitude_m) ? c->sum.apogee_altitude_m
                                                                       : 1e12;
    *f = apo - c->obs->apogee_m;
    return BMD_SUCCESS;
}

/* For the current missile: the shape that gives the observed apogee, and the range residual of
 * that flight. A missile that cannot reach the apogee even vertically gets a negative residual
 * growing with the shortfall (so the residual increases with the propellant scale throughout). */
static int range_residual_at_current_missile(fit_ctx *c, double *f)
{
    double f0;
    int rc = apogee_residual(c, 0.0, &f0);
    if (rc)
        return rc;
    if (f0 < 0.0) {
        *f = -c->obs->range_m + f0;
        return BMD_SUCCESS;
    }
    /* bracket: from the last shape found outwards, then up to the flattest plan */
    double lo = 0.0, flo = f0, hi = -1.0, fhi = 0.0;
    double x = c->x_warm > 0.0 ? c->x_warm * 1.05 : 0.05;
    while (x <= SHAPE_MAX_RAD) {
        double fx;
        if ((rc = apogee_residual(c, x, &fx)))
            return rc;
        if (fx <= 0.0) {
            hi = x, fhi = fx;
            break;
        }
        lo = x, flo = fx;
        x = fmin(x * 1.6, x < SHAPE_MAX_RAD ? SHAPE_MAX_RAD : 2.0 * SHAPE_MAX_RAD);
    }
    if (hi < 0.0)
        return bmd_error_set(c->err, BMD_EDOM,
                             "loft fit: even the flattest plan climbs above the observed apogee "
                             "%.1f km", c->obs->apogee_m / 1e3);
    if (c->x_warm > 0.0 && lo == 0.0 && c->x_warm * 0.95 < hi) {
        double fx; /* tighten the lower end near the warm start */
        if ((rc = apogee_residual(c, c->x_warm * 0.95, &fx)))
            return rc;
        if (fx >= 0.0)
            lo = c->x_warm * 0.95, flo = fx;
        else
            hi = c->x_warm * 0.95, fhi = fx;
    }
    double root = hi;
    if ((rc = brent(c, apogee_residual, lo, flo, hi, fhi, 1e-12, 0.005 * APOGEE_TOL_M, &root)))
        return rc;
    if ((rc = apogee_residual(c, root, &f0)))
        return rc;
    c->x_warm = root;
    *f = (c->sum.impacted ? c->sum.ground_range_m : 0.0) - c->obs->range_m;
    return BMD_SUCCESS;
}

/* Range residual with propellant scale s (burn-time scale from the context). */
static int range_residual(fit_ctx *c, double s, double *f)
{
    int rc = bmd_loft_scale_missile(c->tpl, s, c->burn_scale, &c->m, c->err);
    if (rc)
        return rc;
    if (c->plan.steering == BMD_STEER_PITCH_PROGRAM)
        c->plan.pitch_end_s = fmax(c->m.stages[0].burn_time_s, c->plan.vertical_rise_s + 1.0);
    return range_residual_at_current_missile(c, f);
}

/* Bracket and solve g(x) = 0 for a function increasing in x, by multiplicative steps from x0
 * within [xmin, xmax]. what names the quantity for the error message. */
static int solve_increasing(fit_ctx *c, fit_fn fn, double x0, double step, double xmin,
                            double xmax, double xtol, double ftol, const char *what,
                            double *root)
{
    double a = x0, fa = 0.0;
    *root = x0;
    int rc = fn(c, a, &fa);
    if (rc)
        return rc;
    double b = fa < 0.0 ? a * step : a / step, fb;
    for (;;) {
        if (b < xmin || b > xmax)
            return bmd_error_set(c->err, BMD_EDOM,
                                 "loft fit: no %s in [%g, %g] reproduces the observation "
                                 "(residual %g at %g)", what, xmin, xmax, fa, a);
        if ((rc = fn(c, b, &fb)))
            return rc;
        if ((fa < 0.0) != (fb < 0.0))
            break;
        a = b, fa = fb;
        b = fa < 0.0 ? b * step : b / step;
    }
    return brent(c, fn, a, fa, b, fb, xtol, ftol, root);
}

/* Fit the propellant scale (and shape) for the current burn-time scale. */
static int fit_propellant(fit_ctx *c, double s0, double *s)
{
    int rc = solve_increasing(c, range_residual, s0, 1.25, SCALE_MIN, SCALE_MAX, 1e-7,
                              0.5 * RANGE_TOL_M, "propellant scale", s);
    if (rc)
        return rc;
    double f;
    if ((rc = range_residual(c, *s, &f))) /* leave the context at the solution */
        return rc;
    if (!(fabs(f) <= RANGE_TOL_M))
        return bmd_error_set(c->err, BMD_EDOM,
                             "loft fit: this steering cannot fly the observed range at that "
                             "apogee (closest: %.1f km instead of %.1f km; the range jumps where "
                             "the missile just reaches the apogee: try the pitch program)",
                             (f + c->obs->range_m) / 1e3, c->obs->range_m / 1e3);
    return BMD_SUCCESS;
}

/* Flight-time residual with burn-time scale b (propellant and shape fitted inside). */
static int time_residual(fit_ctx *c, double b, double *f)
{
    c->burn_scale = b;
    double s = c->s_warm;
    int rc = fit_propellant(c, c->s_warm, &s);
    if (rc)
        return rc;
    c->s_warm = s;
    *f = c->sum.flight_time_s - c->obs->flight_time_s;
    return BMD_SUCCESS;
}

int bmd_loft_scale_missile(const bmd_missile *template_missile, double propellant_scale,
                           double burn_time_scale, bmd_missile *out, bmd_error *err)
{
    if (!template_missile || !out)
        return bmd_error_set(err, BMD_EINVAL, "loft scale: missile and output required");
    if (!(propellant_scale > 0.0) || !isfinite(propellant_scale))
        return bmd_error_set(err, BMD_EINVAL, "propellant scale %g must be positive and finite",
                             propellant_scale);
    if (!(burn_time_scale > 0.0) || !isfinite(burn_time_scale))
        return bmd_error_set(err, BMD_EINVAL, "burn-time scale %g must be positive and finite",
                             burn_time_scale);
    int rc = bmd_missile_validate(template_missile, err);
    if (rc)
        return rc;
    *out = *template_missile;
    for (int i = 0; i < out->n_stages; i++) {
        bmd_stage *s = &out->stages[i];
        s->propellant_mass_kg *= propellant_scale;
        s->dry_mass_kg *= propellant_scale;
        s->burn_time_s *= burn_time_scale;
        for (int k = 0; k < s->thrust_vacuum_n.n; k++) {
            s->thrust_vacuum_n.x[k] *= burn_time_scale;
            s->thrust_vacuum_n.y[k] *= propellant_scale / burn_time_scale;
        }
        /* the nozzle exit area scales with the thrust, keeping the pressure loss proportional */
        s->nozzle_exit_area_m2 *= propellant_scale / burn_time_scale;
    }
    return BMD_SUCCESS;
}

/* Check the observation and the setup. */
static int check_inputs(const bmd_earth *earth, const bmd_loft_setup *setup,
                        const bmd_loft_observation *obs, bmd_error *err)
{
    if (!(obs->apogee_m > 0.0) || !isfinite(obs->apogee_m))
        return bmd_error_set(err, BMD_EINVAL, "observed apogee %g m must be positive",
                             obs->apogee_m);
    double half = M_PI * bmd_earth_mean_radius_m(earth);
    if (!(obs->range_m > 0.0 && obs->range_m < half))
        return bmd_error_set(err, BMD_EINVAL,
                             "observed range %g m must be positive and below half the "
                             "circumference (%g m)", obs->range_m, half);
    if (!isnan(obs->flight_time_s) && obs->flight_time_s != 0.0 &&
        !(obs->flight_time_s > 0.0 && isfinite(obs->flight_time_s)))
        return bmd_error_set(err, BMD_EINVAL, "observed flight time %g s must be positive",
                             obs->flight_time_s);
    if (!(fabs(setup->site.lat_rad) <= 0.5 * M_PI) || !isfinite(setup->site.lon_rad))
        return bmd_error_set(err, BMD_EINVAL, "launch point (%g, %g) rad is not on the Earth",
                             setup->site.lat_rad, setup->site.lon_rad);
    if (!(setup->vertical_rise_s > 0.0) || !isfinite(setup->vertical_rise_s))
        return bmd_error_set(err, BMD_EINVAL, "vertical rise %g s must be positive",
                             setup->vertical_rise_s);
    if (!isfinite(setup->azimuth_rad))
        return bmd_error_set(err, BMD_EINVAL, "azimuth %g rad is not finite", setup->azimuth_rad);
    if (setup->steering != BMD_STEER_GRAVITY_TURN && setup->steering != BMD_STEER_PITCH_PROGRAM)
        return bmd_error_set(err, BMD_EINVAL, "steering %d is unknown", (int)setup->steering);
    return BMD_SUCCESS;
}

int bmd_loft_fit_missile(const bmd_earth *earth, const bmd_missile *template_missile,
                         const bmd_loft_setup *setup, const bmd_loft_observation *obs,
                         const bmd_flight_options *opt, bmd_loft_fit *fit, bmd_error *err)
{
    if (!earth || !template_missile || !setup || !obs || !fit)
        return bmd_error_set(err, BMD_EINVAL, "loft fit: earth, template, setup, observation "
                                              "and result required");
    memset(fit, 0, sizeof *fit);
    int rc = check_inputs(earth, setup, obs, err);
    if (rc)
        return rc;
    if ((rc = bmd_missile_validate(template_missile, err)))
        return rc;
    bmd_flight_options tight;
    if (!opt) { /* near vertical the apogee hardly moves with the shape: integrate finely */
        bmd_flight_options_default(&tight);
        tight.ode.rtol = 1e-10;
        tight.ode.atol = 1e-5;
        opt = &tight;
    }
    fit_ctx c = {.earth = earth, .tpl = template_missile, .setup = setup, .obs = obs,
                 .opt = opt, .err = err, .burn_scale = 1.0, .s_warm = 1.0};
    bmd_plan_default(&c.plan);
    c.plan.steering = setup->steering;
    c.plan.azimuth_rad = setup->azimuth_rad;
    c.plan.vertical_rise_s = setup->vertical_rise_s;
    c.plan.pitch_end_s = setup->vertical_rise_s + 1.0;
    double s = 1.0, b = 1.0;
    if (isnan(obs->flight_time_s) || obs->flight_time_s == 0.0) {
        rc = fit_propellant(&c, 1.0, &s);
    } else {
        rc = solve_increasing(&c, time_residual, 1.0, 1.3, BURN_MIN, BURN_MAX, 1e-5,
                              0.5 * TIME_TOL_S, "burn-time scale", &b);
        if (!rc) {
            c.burn_scale = b;
            rc = fit_propellant(&c, c.s_warm, &s);
        }
    }
    fit->evaluations = c.evaluations;
    if (rc)
        return rc;
    fit->missile = c.m;
    fit->propellant_scale = s;
    fit->burn_time_scale = b;
    fit->plan = c.plan;
    fit->summary = c.sum;
    return BMD_SUCCESS;
}
