/* Fitting a notional missile to a lofted test (see include/bmd/loft.h): the shape of the lofted
 * plan for the apogee and the burn-time scale (thrust-to-weight) for the range, nested
 * one-dimensional root finding, each bracketed then solved with Brent's method; the size only
 * when a thrust-to-weight bound is reached. */
#include <math.h>
#include <string.h>

#include "bmd/loft.h"
#include "bmd/num.h"
#include "flight/loft_internal.h"

#define APOGEE_TOL_M 50.0
#define RANGE_TOL_M 100.0
#define RANGE_ACCEPT_M 1000.0 /* a fit within 1 km (observed ranges are given to 1 km) is kept */
#define SHAPE_MAX_RAD 1.45 /* flattest plan tried (83 deg from vertical) */
#define STEP 1.15          /* bracketing step of the scales */

/* The state of a fit: inputs, the missile and plan being flown, the last flight. */
typedef struct fit_ctx {
    const bmd_earth *earth;
    const bmd_missile *base;     /* template with the test payload and stage split */
    const bmd_loft_setup *setup;
    const bmd_loft_observation *obs;
    const bmd_flight_options *opt;
    bmd_error *err;
    bmd_missile m;
    bmd_plan plan;
    bmd_flight_summary sum;
    double x_warm;      /* last shape found, to bracket the next one */
    double vertical_apogee_m; /* apogee of the last vertical shot (when it fell short) */
    double s_fixed;     /* size held while the burn-time scale is fitted */
    int at_max;         /* size fitted at the highest (1) or lowest (0) thrust-to-weight */
    int evaluations;
} fit_ctx;

/* One function of one variable for the root finder: f(x) into *f; nonzero status on failure. */
typedef int (*fit_fn)(fit_ctx *c, double x, double *f);

/* A fit function with its context, for bmd_num_brent_root. */
typedef struct brent_ctx {
    fit_ctx *c;
    fit_fn fn;
} brent_ctx;

/* f(x) for bmd_num_brent_root. */
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
    const bmd_num_stop stop = {xtol, ftol, 80, "loft fit: root finding did not converge"};
    return bmd_num_brent_root(brent_fn, &bc, a, fa, b, fb, &stop, c->err, root);
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
        c->vertical_apogee_m = f0 + c->obs->apogee_m;
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
    if (hi < 0.0) { /* far too much energy: counts as a range far beyond the observed */
        *f = c->obs->range_m + flo;
        return BMD_SUCCESS;
    }
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
    if ((rc = brent(c, apogee_residual, lo, flo, hi, fhi, 1e-12, 0.01 * APOGEE_TOL_M, &root)))
        return rc;
    if ((rc = apogee_residual(c, root, &f0)))
        return rc;
    c->x_warm = root;
    *f = (c->sum.impacted ? c->sum.ground_range_m : 0.0) - c->obs->range_m;
    return BMD_SUCCESS;
}


/* Fly the base missile at size s and burn-time scale b; range residual at the observed apogee. */
static int range_at(fit_ctx *c, double s, double b, double *f)
{
    int rc = bmd_loft_scale_missile(c->base, s, b, &c->m, c->err);
    if (rc)
        return rc;
    if (c->plan.steering == BMD_STEER_PITCH_PROGRAM)
        c->plan.pitch_end_s = fmax(c->m.stages[0].burn_time_s, c->plan.vertical_rise_s + 1.0);
    return range_residual_at_current_missile(c, f);
}

/* The range of u = 1/b (thrust multiplier) that keeps every stage inside the bounds at size s. */
static void thrust_bounds(const fit_ctx *c, double s, double *u_lo, double *u_hi, int *lo_stage,
                          int *hi_stage)
{
    bmd_missile m;
    bmd_loft_scale_missile(c->base, s, 1.0, &m, NULL);
    double tw[BMD_MAX_STAGES];
    bmd_loft_stage_tw(&m, tw);
    const bmd_loft_bounds *bd = &c->setup->bounds;
    *u_lo = 0.0, *u_hi = INFINITY, *lo_stage = 0, *hi_stage = 0;
    for (int i = 0; i < m.n_stages; i++) {
        double lo = (i ? bd->upper_tw_min : bd->liftoff_tw_min) / tw[i];
        double hi = (i ? bd->upper_tw_max : bd->liftoff_tw_max) / tw[i];
        if (lo > *u_lo)
            *u_lo = lo, *lo_stage = i;
        if (hi < *u_hi)
            *u_hi = hi, *hi_stage = i;
    }
}

/* What a one-dimensional solve ended with. */
enum { SOLVED = 0, NEED_MORE = 1, NEED_LESS = -1 };

/* g(x) increasing in x on [lo, hi]: bracket a root from x0 by multiplicative steps, then Brent.
 * *where: SOLVED (root in *x), NEED_MORE (g(hi) < 0, *x = hi) or NEED_LESS (g(lo) > 0, *x = lo);
 * *g_end is g at the end reached. */
typedef int (*scalar_fn)(fit_ctx *c, double x, double *g);
static int solve_bounded(fit_ctx *c, scalar_fn fn, double x0, double lo, double hi, double xtol,
                         double *x, int *where, double *g_end)
{
    double a = fmin(fmax(x0, lo), hi), ga;
    int rc = fn(c, a, &ga);
    if (rc)
        return rc;
    for (;;) {
        if (ga == 0.0 || (ga < 0.0 && a >= hi) || (ga > 0.0 && a <= lo)) {
            *x = a, *g_end = ga;
            *where = ga == 0.0 ? SOLVED : ga < 0.0 ? NEED_MORE : NEED_LESS;
            return BMD_SUCCESS;
        }
        double b = ga < 0.0 ? fmin(a * STEP, hi) : fmax(a / STEP, lo), gb;
        if ((rc = fn(c, b, &gb)))
            return rc;
        if ((ga < 0.0) != (gb < 0.0)) {
            brent_ctx bc = {c, (fit_fn)fn};
            const bmd_num_stop stop = {xtol, 0.5 * RANGE_TOL_M, 80,
                                         "loft fit: root finding did not converge"};
            *where = SOLVED;
            return bmd_num_brent_root(brent_fn, &bc, a, ga, b, gb, &stop, c->err, x);
        }
        a = b, ga = gb;
    }
}

/* Size held (c->s_fixed): range residual of thrust multiplier u = 1/b. */
static int g_of_u(fit_ctx *c, double u, double *g)
{
    return range_at(c, c->s_fixed, 1.0 / u, g);
}

/* Thrust-to-weight at its bound (c->at_max: the upper one): range residual of size s. */
static int g_of_s(fit_ctx *c, double s, double *g)
{
    double lo, hi;
    int ls, hs;
    thrust_bounds(c, s, &lo, &hi, &ls, &hs);
    return range_at(c, s, 1.0 / (c->at_max ? hi : lo), g);
}

/* The message of a fit that cannot be made. */
static int unmatched(fit_ctx *c, double g_end, double s, int at_max)
{
    const bmd_loft_observation *o = c->obs;
    if (g_end < -o->range_m + 1.0 && c->vertical_apogee_m < o->apogee_m)
        return bmd_error_set(c->err, BMD_EDOM,
                             "loft fit: the observed apogee %.1f km cannot be reached inside the "
                             "bounds: even vertically the vehicle climbs to %.1f km (%.1f km short) "
                             "at size %.2f and the %s thrust-to-weight bound; raise the size bound "
                             "or choose a larger template", o->apogee_m / 1e3,
                             c->vertical_apogee_m / 1e3, (o->apogee_m - c->vertical_apogee_m) / 1e3,
                             s, at_max ? "highest" : "lowest");
    return bmd_error_set(c->err, BMD_EDOM,
                         "loft fit: the observed ground range %.1f km at apogee %.1f km cannot be "
                         "matched inside the bounds: the closest fit flies %.1f km (%+.1f km) at "
                         "size %.2f and the %s thrust-to-weight bound; widen the bounds or choose "
                         "another template", o->range_m / 1e3, o->apogee_m / 1e3,
                         (o->range_m + g_end) / 1e3, g_end / 1e3, s,
                         at_max ? "highest" : "lowest");
}

int bmd_loft_fit_missile(const bmd_earth *earth, const bmd_missile *template_missile,
                         const bmd_loft_setup *setup, const bmd_loft_observation *obs,
                         const bmd_flight_options *opt, bmd_loft_fit *fit, bmd_error *err)
{
    if (!earth || !template_missile || !setup || !obs || !fit)
        return bmd_error_set(err, BMD_EINVAL, "loft fit: earth, template, setup, observation "
                                              "and result required");
    memset(fit, 0, sizeof *fit);
    int rc = bmd_loft_check_inputs(earth, setup, obs, err);
    if (rc)
        return rc;
    bmd_missile base;
    if ((rc = bmd_loft_base_missile(template_missile, setup, &base, err)))
        return rc;
    bmd_flight_options tight;
    if (!opt) { /* near vertical the apogee hardly moves with the shape: integrate finely */
        bmd_flight_options_init(&tight);
        tight.ode.rtol = 1e-10;
        tight.ode.atol = 1e-5;
        tight.max_time_s = fmax(tight.max_time_s, 30000.0);
        opt = &tight;
    }
    fit_ctx c = {.earth = earth, .base = &base, .setup = setup, .obs = obs, .opt = opt,
                 .err = err, .s_fixed = setup->size_scale, .vertical_apogee_m = INFINITY};
    bmd_plan_init(&c.plan);
    c.plan.steering = setup->steering;
    c.plan.azimuth_rad = setup->azimuth_rad;
    c.plan.vertical_rise_s = setup->vertical_rise_s;
    c.plan.pitch_end_s = setup->vertical_rise_s + 1.0;

    double u_lo, u_hi, u, s = setup->size_scale, g_end;
    int ls, hs, where;
    thrust_bounds(&c, s, &u_lo, &u_hi, &ls, &hs);
    if (!(u_lo <= u_hi))
        return bmd_error_set(err, BMD_EINVAL, "loft fit: no burn time keeps every stage of %s "
                             "inside the thrust-to-weight bounds (stage %d needs more thrust "
                             "than stage %d allows); widen the bounds", template_missile->name,
                             ls + 1, hs + 1);
    rc = solve_bounded(&c, g_of_u, 1.0, u_lo, u_hi, 1e-10, &u, &where, &g_end);
    fit->evaluations = c.evaluations;
    if (rc)
        return rc;
    fit->bound_stage = -1;
    if (where != SOLVED) { /* the size has to give */
        c.at_max = where == NEED_MORE;
        fit->size_fitted = 1;
        fit->bound_stage = c.at_max ? hs : ls;
        double s_lo = c.at_max ? s : setup->bounds.size_min;
        double s_hi = c.at_max ? setup->bounds.size_max : s;
        rc = solve_bounded(&c, g_of_s, s, s_lo, s_hi, 1e-10, &s, &where, &g_end);
        fit->evaluations = c.evaluations;
        if (rc)
            return rc;
        if (where != SOLVED)
            return unmatched(&c, g_end, s, c.at_max);
        thrust_bounds(&c, s, &u_lo, &u_hi, &ls, &hs);
        u = c.at_max ? u_hi : u_lo;
    }
    double f;
    if ((rc = range_at(&c, s, 1.0 / u, &f))) /* leave the context at the solution */
        return rc;
    fit->evaluations = c.evaluations;
    if (!(fabs(f) <= RANGE_ACCEPT_M))
        return bmd_error_set(err, BMD_EDOM,
                             "loft fit: the observed ground range %.1f km at apogee %.1f km is "
                             "not matched: the fit flies %.1f km (%+.1f km; the range jumps where "
                             "the vehicle just reaches the apogee: try the other steering)",
                             obs->range_m / 1e3, obs->apogee_m / 1e3, (obs->range_m + f) / 1e3,
                             f / 1e3);
    fit->missile = c.m;
    fit->propellant_scale = s;
    fit->burn_time_scale = 1.0 / u;
    bmd_loft_stage_tw(&c.m, fit->stage_tw);
    fit->plan = c.plan;
    fit->summary = c.sum;
    fit->apogee_error_m = c.sum.apogee_altitude_m - obs->apogee_m;
    fit->range_error_m = f;
    fit->flight_time_error_s = isnan(obs->flight_time_s) || obs->flight_time_s == 0.0
                                   ? NAN
                                   : c.sum.flight_time_s - obs->flight_time_s;
    return BMD_SUCCESS;
}
