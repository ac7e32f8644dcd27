/* Plan searches: maximum range, lofted plans for an apogee or a burnout angle
 * (see include/bmd/aim.h and flight/aim_internal.h for the shape parameter). */
#include "flight/aim_internal.h"
#include "bmd/num.h"

#include <math.h>
#include <string.h>


#define KICK_MAX_RAD 1.45       /* largest kick searched (83 deg) */
#define SHAPE_TOL_RAD 2e-4      /* accuracy of the max-range shape parameter */
#define PITCH_START_TOL_RAD 2e-3 /* the pitch program's first shape search (then Powell's) */


/* Fly the current plan. */
int bmd_aim_fly(aim_eval *a)
{
    a->evaluations++;
    a->rc = bmd_trajectory_fly(a->earth, a->missile, &a->plan, a->site->lat_rad,
                               a->site->lon_rad, a->site->height_m, a->opt, &a->sum, NULL,
                               a->err);
    return a->rc;
}

/* Ground range of the last flight; 0 when it did not come down. */
double bmd_aim_range_of(const aim_eval *a)
{
    return a->sum.impacted ? a->sum.ground_range_m : 0.0;
}

void bmd_aim_set_shape(bmd_plan *p, double x)
{
    if (p->steering == BMD_STEER_PITCH_PROGRAM)
        p->pitch_final_rad = 0.5 * M_PI - x;
    else
        p->kick_rad = x;
}

double bmd_aim_get_shape(const bmd_plan *p)
{
    return p->steering == BMD_STEER_PITCH_PROGRAM ? 0.5 * M_PI - p->pitch_final_rad : p->kick_rad;
}

double bmd_aim_shape_max(const bmd_plan *p)
{
    return p->steering == BMD_STEER_PITCH_PROGRAM ? 0.5 * M_PI : KICK_MAX_RAD;
}


void bmd_aim_set_cutoff(bmd_plan *p, double x) { p->cutoff_s = x; }

/* Range of the plan with parameter x set by setter; negative on error (a->rc set). */
static double range_at(aim_eval *a, plan_setter set, double x)
{
    set(&a->plan, x);
    if (bmd_aim_fly(a))
        return -1.0;
    return bmd_aim_range_of(a);
}

/* Brent's minimisation (golden section with parabolic steps) of -range over [lo, hi]; leaves the
 * best x in *x_best and its range in *r_best, and the plan set to it. Stops early at the first
 * flight whose range reaches stop_range_m (INFINITY: never). */
/* What the minimised function needs: the search state and the plan setter. */
typedef struct range_ctx {
    aim_eval *a;
    plan_setter set;
} range_ctx;

/* -range at x (bmd_num_fn); the status of the flight. */
static int minus_range(void *ctx, double x, double *f)
{
    range_ctx *c = ctx;
    *f = -range_at(c->a, c->set, x);
    return c->a->rc;
}

int bmd_aim_maximize_range(aim_eval *a, plan_setter set, double lo, double hi, double tol,
                          double stop_range_m, double *x_best, double *r_best)
{
    range_ctx c = {a, set};
    const bmd_num_min_options opt = {
        .xtol = tol, .rtol = 1e-10, .max_iter = 60, .f_stop = -stop_range_m};
    double x, fx;
    int rc = bmd_num_brent_min(minus_range, &c, lo, hi, &opt, a->err, &x, &fx);
    if (rc)
        return rc;
    *x_best = x;
    *r_best = -fx;
    set(&a->plan, x);
    return BMD_SUCCESS;
}

/* Brent's root finding of f(x) = value(x) - target on [lo, hi] with f(lo), f(hi) of opposite
 * signs given; value() flies the plan and reads the quantity. */
typedef double (*plan_value)(const aim_eval *a);

/* What find_root's function needs. */
typedef struct root_ctx {
    aim_eval *a;
    plan_setter set;
    plan_value value;
    double target;
} root_ctx;

/* f(x) for find_root: fly the plan with x and read the quantity. */
static int root_fn(void *ctx, double x, double *f)
{
    root_ctx *c = ctx;
    c->set(&c->a->plan, x);
    if (bmd_aim_fly(c->a))
        return c->a->rc;
    *f = c->value(c->a) - c->target;
    return BMD_SUCCESS;
}

static int find_root(aim_eval *a, plan_setter set, plan_value value, double target, double lo,
                     double flo, double hi, double fhi, double tol, double *x_root)
{
    root_ctx c = {a, set, value, target};
    const bmd_num_stop stop = {tol, 0.0, 60, "root finding did not converge"};
    return bmd_num_brent_root(root_fn, &c, lo, flo, hi, fhi, &stop, a->err, x_root);
}

/* Set up an evaluator from a base plan and check the arguments. */
int bmd_aim_init_eval(aim_eval *a, const bmd_earth *earth, const bmd_missile *missile,
                     const bmd_plan *base, const bmd_site *launch, const bmd_flight_options *opt,
                     bmd_aim_result *result, bmd_error *err)
{
    memset(a, 0, sizeof *a);
    if (!earth || !missile || !base || !launch || !result)
        return bmd_error_set(err, BMD_EINVAL, "aim: earth, missile, plan, site, result required");
    a->earth = earth;
    a->missile = missile;
    a->site = launch;
    a->opt = opt;
    a->err = err;
    a->plan = *base;
    memset(result, 0, sizeof *result);
    return BMD_SUCCESS;
}

/* Copy the evaluator's plan and flight into the result. */
void bmd_aim_fill_result(const aim_eval *a, bmd_aim_result *result)
{
    result->plan = a->plan;
    result->summary = a->sum;
    result->evaluations = a->evaluations;
}

/* Max-range search on an initialised evaluator (plan: full burn). */
static int max_range(aim_eval *a, double *r_best)
{
    double x = 0.0, r = 0.0;
    /* the pitch program's shape is refined with its pitch end time below: a coarser start */
    double tol = a->plan.steering == BMD_STEER_PITCH_PROGRAM ? PITCH_START_TOL_RAD : SHAPE_TOL_RAD;
    int rc = bmd_aim_maximize_range(a, bmd_aim_set_shape, 0.0, bmd_aim_shape_max(&a->plan), tol,
                                    INFINITY, &x, &r);
    if (rc)
        return rc;
    if (a->plan.steering == BMD_STEER_PITCH_PROGRAM) {
        /* coordinate-wise: pitch end time, then the angle again */
        const bmd_missile *m = a->missile;
        double t_burn = 0.0;
        for (int i = 0; i < m->n_stages; i++)
            t_burn += m->stages[i].coast_before_s + (m->stages[i].thrust_vacuum_n.n > 0
                                                         ? m->stages[i].thrust_vacuum_n.x[m->stages[i].thrust_vacuum_n.n - 1]
                                                         : m->stages[i].burn_time_s);
        double lo = a->plan.vertical_rise_s + 1.0, hi = fmax(t_burn, lo + 10.0);
        if ((rc = bmd_aim_max_pitch_program(a, lo, hi, SHAPE_TOL_RAD, &x, &r)))
            return rc;
    }
    /* fly the best plan once more so the summary is its flight */
    if (bmd_aim_fly(a))
        return a->rc;
    *r_best = bmd_aim_range_of(a);
    if (!a->sum.impacted)
        return bmd_error_set(a->err, BMD_EDOM, "no plan of the search comes down");
    return BMD_SUCCESS;
}

int bmd_aim_max_range(const bmd_earth *earth, const bmd_missile *missile, const bmd_plan *base,
                      const bmd_site *launch, const bmd_flight_options *opt,
                      bmd_aim_result *result, bmd_error *err)
{
    aim_eval a;
    int rc = bmd_aim_init_eval(&a, earth, missile, base, launch, opt, result, err);
    if (rc)
        return rc;
    a.plan.cutoff_s = 0.0;
    double r;
    rc = max_range(&a, &r);
    bmd_aim_fill_result(&a, result);
    result->max_range_m = r;
    result->reachable = 1;
    return rc;
}

int bmd_aim_max_range_best(const bmd_earth *earth, const bmd_missile *missile, double azimuth_rad,
                           const bmd_site *launch, const bmd_flight_options *opt,
                           bmd_aim_result *result, bmd_error *err)
{
    if (!result || !isfinite(azimuth_rad))
        return bmd_error_set(err, BMD_EINVAL, "max range: result required, azimuth %g rad must "
                             "be finite", azimuth_rad);
    bmd_aim_result best = {0};
    int rc_best = -1, evaluations = 0;
    static const bmd_steering laws[2] = {BMD_STEER_GRAVITY_TURN, BMD_STEER_PITCH_PROGRAM};
    for (int k = 0; k < 2; k++) {
        bmd_plan base;
        bmd_plan_init_for(missile, laws[k], &base);
        base.azimuth_rad = azimuth_rad;
        bmd_aim_result r = {0};
        int rc = bmd_aim_max_range(earth, missile, &base, launch, opt, &r, err);
        evaluations += r.evaluations;
        if (rc == BMD_EINVAL || rc == BMD_ENOMEM)
            return rc;
        if (rc == BMD_SUCCESS && (rc_best != BMD_SUCCESS || r.max_range_m > best.max_range_m))
            best = r, rc_best = rc;
        else if (rc_best < 0)
            rc_best = rc;
    }
    *result = best;
    result->evaluations = evaluations;
    if (rc_best == BMD_SUCCESS)
        bmd_error_clear(err);
    return rc_best;
}

static double apogee_of(const aim_eval *a) { return a->sum.apogee_altitude_m; }

/* Burnout flight-path angle of the last flight; a flight that came down before its burnout
 * (a near-horizontal plan) counts as -90 deg, flatter than any burnout. */
static double gamma_of(const aim_eval *a)
{
    double g = a->sum.burnout_flight_path_rad;
    return isnan(g) ? -0.5 * M_PI : g;
}

int bmd_aim_apogee(const bmd_earth *earth, const bmd_missile *missile, const bmd_plan *base,
                   const bmd_site *launch, double apogee_m, const bmd_flight_options *opt,
                   bmd_aim_result *result, bmd_error *err)
{
    aim_eval a;
    int rc = bmd_aim_init_eval(&a, earth, missile, base, launch, opt, result, err);
    if (rc)
        return rc;
    if (!(apogee_m > 0.0) || !isfinite(apogee_m))
        return bmd_error_set(err, BMD_EINVAL, "apogee %g m must be positive", apogee_m);
    a.plan.cutoff_s = 0.0;
    double r_max;
    if ((rc = max_range(&a, &r_max)))
        return rc;
    double x_star = bmd_aim_get_shape(&a.plan), f_star = a.sum.apogee_altitude_m - apogee_m;
    result->max_range_m = r_max;
    if (f_star > 0.0)
        return bmd_error_set(err, BMD_EDOM,
                             "apogee %.1f km is below the max-range apogee %.1f km; not lofted",
                             apogee_m / 1e3, a.sum.apogee_altitude_m / 1e3);
    bmd_aim_set_shape(&a.plan, 0.0);
    if (bmd_aim_fly(&a))
        return a.rc;
    double f0 = a.sum.apogee_altitude_m - apogee_m;
    if (f0 < 0.0 || isnan(f0))
        return bmd_error_set(err, BMD_EDOM, "apogee %.1f km is beyond reach (vertical: %.1f km)",
                             apogee_m / 1e3, a.sum.apogee_altitude_m / 1e3);
    double x = 0.0;
    if ((rc = find_root(&a, bmd_aim_set_shape, apogee_of, apogee_m, 0.0, f0, x_star, f_star, 1e-7, &x)))
        return rc;
    bmd_aim_set_shape(&a.plan, x);
    if (bmd_aim_fly(&a))
        return a.rc;
    bmd_aim_fill_result(&a, result);
    result->reachable = 1;
    return BMD_SUCCESS;
}

int bmd_aim_burnout_angle(const bmd_earth *earth, const bmd_missile *missile,
                          const bmd_plan *base, const bmd_site *launch, double gamma_rad,
                          const bmd_flight_options *opt, bmd_aim_result *result, bmd_error *err)
{
    aim_eval a;
    int rc = bmd_aim_init_eval(&a, earth, missile, base, launch, opt, result, err);
    if (rc)
        return rc;
    if (!(fabs(gamma_rad) < 0.5 * M_PI))
        return bmd_error_set(err, BMD_EINVAL, "burnout angle %g rad; allowed (-pi/2, pi/2)",
                             gamma_rad);
    a.plan.cutoff_s = 0.0;
    double lo = 0.0, hi = bmd_aim_shape_max(&a.plan);
    bmd_aim_set_shape(&a.plan, lo);
    if (bmd_aim_fly(&a))
        return a.rc;
    double flo = gamma_of(&a) - gamma_rad;
    bmd_aim_set_shape(&a.plan, hi);
    if (bmd_aim_fly(&a))
        return a.rc;
    double fhi = gamma_of(&a) - gamma_rad;
    if (!(flo >= 0.0 && fhi <= 0.0))
        return bmd_error_set(err, BMD_EDOM,
                             "burnout angle %g deg is outside what the plan family gives "
                             "(%g to %g deg)", bmd_rad_to_deg(gamma_rad),
                             bmd_rad_to_deg(fhi + gamma_rad), bmd_rad_to_deg(flo + gamma_rad));
    double x = 0.0;
    if ((rc = find_root(&a, bmd_aim_set_shape, gamma_of, gamma_rad, lo, flo, hi, fhi, 1e-8, &x)))
        return rc;
    bmd_aim_set_shape(&a.plan, x);
    if (bmd_aim_fly(&a))
        return a.rc;
    bmd_aim_fill_result(&a, result);
    result->reachable = 1;
    return BMD_SUCCESS;
}
