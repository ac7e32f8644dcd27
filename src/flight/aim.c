/* Plan searches: maximum range, lofted plans for an apogee or a burnout angle, and aiming at a
 * target point (see include/bmd/aim.h). The "shape parameter" x of a plan is the gravity turn's
 * kick, or pi/2 minus the pitch program's final elevation: x = 0 is vertical, larger x flies
 * flatter, in both cases. */
#include "bmd/aim.h"

#include <math.h>
#include <string.h>

#include "bmd/geodesy.h"
#include "bmd/kepler.h"

#define KICK_MAX_RAD 1.45       /* largest kick searched (83 deg) */
#define SHAPE_TOL_RAD 2e-4      /* accuracy of the max-range shape parameter */
#define GOLDEN 0.3819660112501051

/* One search: the fixed inputs, the plan being varied, and the last flight. */
typedef struct aim_eval {
    const bmd_earth *earth;
    const bmd_missile *missile;
    const bmd_site *site;
    const bmd_flight_options *opt;
    bmd_error *err;
    bmd_plan plan;
    bmd_flight_summary sum;
    int evaluations;
    int rc;
} aim_eval;

typedef void (*plan_setter)(bmd_plan *plan, double x);

/* Fly the current plan. */
static int fly(aim_eval *a)
{
    a->evaluations++;
    a->rc = bmd_trajectory_fly(a->earth, a->missile, &a->plan, a->site->lat_rad,
                               a->site->lon_rad, a->site->height_m, a->opt, &a->sum, NULL,
                               a->err);
    return a->rc;
}

/* Ground range of the last flight; 0 when it did not come down. */
static double range_of(const aim_eval *a)
{
    return a->sum.impacted ? a->sum.ground_range_m : 0.0;
}

static void set_shape(bmd_plan *p, double x)
{
    if (p->steering == BMD_STEER_PITCH_PROGRAM)
        p->pitch_final_rad = 0.5 * M_PI - x;
    else
        p->kick_rad = x;
}

static double get_shape(const bmd_plan *p)
{
    return p->steering == BMD_STEER_PITCH_PROGRAM ? 0.5 * M_PI - p->pitch_final_rad : p->kick_rad;
}

static double shape_max(const bmd_plan *p)
{
    return p->steering == BMD_STEER_PITCH_PROGRAM ? 0.5 * M_PI : KICK_MAX_RAD;
}

static void set_pitch_end(bmd_plan *p, double x) { p->pitch_end_s = x; }

static void set_cutoff(bmd_plan *p, double x) { p->cutoff_s = x; }

/* Range of the plan with parameter x set by setter; negative on error (a->rc set). */
static double range_at(aim_eval *a, plan_setter set, double x)
{
    set(&a->plan, x);
    if (fly(a))
        return -1.0;
    return range_of(a);
}

/* Brent's minimisation (golden section with parabolic steps) of -range over [lo, hi]; leaves the
 * best x in *x_best and its range in *r_best, and the plan set to it. */
static int maximize_range(aim_eval *a, plan_setter set, double lo, double hi, double tol,
                          double *x_best, double *r_best)
{
    double x = lo + GOLDEN * (hi - lo), w = x, v = x;
    double fx = -range_at(a, set, x);
    if (a->rc)
        return a->rc;
    double fw = fx, fv = fx, d = 0.0, e = 0.0;
    for (int it = 0; it < 60; it++) {
        double m = 0.5 * (lo + hi), tol1 = tol + 1e-10 * fabs(x), tol2 = 2.0 * tol1;
        if (fabs(x - m) <= tol2 - 0.5 * (hi - lo))
            break;
        int golden = 1;
        if (fabs(e) > tol1) {
            double r = (x - w) * (fx - fv), q = (x - v) * (fx - fw), p = (x - v) * q - (x - w) * r;
            q = 2.0 * (q - r);
            if (q > 0.0)
                p = -p;
            q = fabs(q);
            if (fabs(p) < fabs(0.5 * q * e) && p > q * (lo - x) && p < q * (hi - x)) {
                e = d;
                d = p / q;
                double u = x + d;
                if (u - lo < tol2 || hi - u < tol2)
                    d = x < m ? tol1 : -tol1;
                golden = 0;
            }
        }
        if (golden) {
            e = (x < m ? hi : lo) - x;
            d = GOLDEN * e;
        }
        double u = x + (fabs(d) >= tol1 ? d : (d > 0 ? tol1 : -tol1));
        double fu = -range_at(a, set, u);
        if (a->rc)
            return a->rc;
        if (fu <= fx) {
            if (u < x)
                hi = x;
            else
                lo = x;
            v = w, fv = fw, w = x, fw = fx, x = u, fx = fu;
        } else {
            if (u < x)
                lo = u;
            else
                hi = u;
            if (fu <= fw || w == x) {
                v = w, fv = fw, w = u, fw = fu;
            } else if (fu <= fv || v == x || v == w) {
                v = u, fv = fu;
            }
        }
    }
    *x_best = x;
    *r_best = -fx;
    set(&a->plan, x);
    return BMD_SUCCESS;
}

/* Brent's root finding of f(x) = value(x) - target on [lo, hi] with f(lo), f(hi) of opposite
 * signs given; value() flies the plan and reads the quantity. */
typedef double (*plan_value)(const aim_eval *a);

static int find_root(aim_eval *a, plan_setter set, plan_value value, double target, double lo,
                     double flo, double hi, double fhi, double tol, double *x_root)
{
    double xa = lo, fa = flo, xb = hi, fb = fhi, xc = xa, fc = fa, d = xb - xa, e = d;
    for (int it = 0; it < 60; it++) {
        if ((fb > 0.0) == (fc > 0.0)) {
            xc = xa, fc = fa, d = e = xb - xa;
        }
        if (fabs(fc) < fabs(fb)) {
            xa = xb, xb = xc, xc = xa;
            fa = fb, fb = fc, fc = fa;
        }
        double tol1 = tol, xm = 0.5 * (xc - xb);
        if (fabs(xm) <= tol1 || fb == 0.0) {
            *x_root = xb;
            return BMD_SUCCESS;
        }
        if (fabs(e) >= tol1 && fabs(fa) > fabs(fb)) {
            double s = fb / fa, p, q;
            if (xa == xc) {
                p = 2.0 * xm * s;
                q = 1.0 - s;
            } else {
                double qq = fa / fc, r = fb / fc;
                p = s * (2.0 * xm * qq * (qq - r) - (xb - xa) * (r - 1.0));
                q = (qq - 1.0) * (r - 1.0) * (s - 1.0);
            }
            if (p > 0.0)
                q = -q;
            p = fabs(p);
            if (2.0 * p < fmin(3.0 * xm * q - fabs(tol1 * q), fabs(e * q))) {
                e = d;
                d = p / q;
            } else {
                d = xm, e = d;
            }
        } else {
            d = xm, e = d;
        }
        xa = xb, fa = fb;
        xb += fabs(d) > tol1 ? d : (xm > 0 ? tol1 : -tol1);
        set(&a->plan, xb);
        if (fly(a))
            return a->rc;
        fb = value(a) - target;
    }
    return bmd_error_set(a->err, BMD_EMAXITER, "root finding did not converge");
}

/* Set up an evaluator from a base plan and check the arguments. */
static int init_eval(aim_eval *a, const bmd_earth *earth, const bmd_missile *missile,
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
static void fill_result(const aim_eval *a, bmd_aim_result *result)
{
    result->plan = a->plan;
    result->summary = a->sum;
    result->evaluations = a->evaluations;
}

/* Max-range search on an initialised evaluator (plan: full burn). */
static int max_range(aim_eval *a, double *r_best)
{
    double x = 0.0, r = 0.0;
    int rc = maximize_range(a, set_shape, 0.0, shape_max(&a->plan), SHAPE_TOL_RAD, &x, &r);
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
        for (int round = 0; round < 2; round++) {
            double te, r2;
            if ((rc = maximize_range(a, set_pitch_end, lo, hi, 0.05, &te, &r2)))
                return rc;
            double width = round == 0 ? 0.3 : 0.1;
            double xl = fmax(0.0, x - width), xh = fmin(shape_max(&a->plan), x + width);
            if ((rc = maximize_range(a, set_shape, xl, xh, SHAPE_TOL_RAD, &x, &r)))
                return rc;
        }
    }
    /* fly the best plan once more so the summary is its flight */
    if (fly(a))
        return a->rc;
    *r_best = range_of(a);
    if (!a->sum.impacted)
        return bmd_error_set(a->err, BMD_EDOM, "no plan of the search comes down");
    return BMD_SUCCESS;
}

int bmd_aim_max_range(const bmd_earth *earth, const bmd_missile *missile, const bmd_plan *base,
                      const bmd_site *launch, const bmd_flight_options *opt,
                      bmd_aim_result *result, bmd_error *err)
{
    aim_eval a;
    int rc = init_eval(&a, earth, missile, base, launch, opt, result, err);
    if (rc)
        return rc;
    a.plan.cutoff_s = 0.0;
    double r;
    rc = max_range(&a, &r);
    fill_result(&a, result);
    result->max_range_m = r;
    result->reachable = 1;
    return rc;
}

static double apogee_of(const aim_eval *a) { return a->sum.apogee_altitude_m; }

static double gamma_of(const aim_eval *a) { return a->sum.burnout_flight_path_rad; }

int bmd_aim_apogee(const bmd_earth *earth, const bmd_missile *missile, const bmd_plan *base,
                   const bmd_site *launch, double apogee_m, const bmd_flight_options *opt,
                   bmd_aim_result *result, bmd_error *err)
{
    aim_eval a;
    int rc = init_eval(&a, earth, missile, base, launch, opt, result, err);
    if (rc)
        return rc;
    if (!(apogee_m > 0.0) || !isfinite(apogee_m))
        return bmd_error_set(err, BMD_EINVAL, "apogee %g m must be positive", apogee_m);
    a.plan.cutoff_s = 0.0;
    double r_max;
    if ((rc = max_range(&a, &r_max)))
        return rc;
    double x_star = get_shape(&a.plan), f_star = a.sum.apogee_altitude_m - apogee_m;
    result->max_range_m = r_max;
    if (f_star > 0.0)
        return bmd_error_set(err, BMD_EDOM,
                             "apogee %.1f km is below the max-range apogee %.1f km; not lofted",
                             apogee_m / 1e3, a.sum.apogee_altitude_m / 1e3);
    set_shape(&a.plan, 0.0);
    if (fly(&a))
        return a.rc;
    double f0 = a.sum.apogee_altitude_m - apogee_m;
    if (f0 < 0.0 || isnan(f0))
        return bmd_error_set(err, BMD_EDOM, "apogee %.1f km is beyond reach (vertical: %.1f km)",
                             apogee_m / 1e3, a.sum.apogee_altitude_m / 1e3);
    double x = 0.0;
    if ((rc = find_root(&a, set_shape, apogee_of, apogee_m, 0.0, f0, x_star, f_star, 1e-7, &x)))
        return rc;
    set_shape(&a.plan, x);
    if (fly(&a))
        return a.rc;
    fill_result(&a, result);
    result->reachable = 1;
    return BMD_SUCCESS;
}

int bmd_aim_burnout_angle(const bmd_earth *earth, const bmd_missile *missile,
                          const bmd_plan *base, const bmd_site *launch, double gamma_rad,
                          const bmd_flight_options *opt, bmd_aim_result *result, bmd_error *err)
{
    aim_eval a;
    int rc = init_eval(&a, earth, missile, base, launch, opt, result, err);
    if (rc)
        return rc;
    if (!(fabs(gamma_rad) < 0.5 * M_PI))
        return bmd_error_set(err, BMD_EINVAL, "burnout angle %g rad; allowed (-pi/2, pi/2)",
                             gamma_rad);
    a.plan.cutoff_s = 0.0;
    double lo = 0.0, hi = shape_max(&a.plan);
    set_shape(&a.plan, lo);
    if (fly(&a))
        return a.rc;
    double flo = a.sum.burnout_flight_path_rad - gamma_rad;
    set_shape(&a.plan, hi);
    if (fly(&a))
        return a.rc;
    double fhi = a.sum.burnout_flight_path_rad - gamma_rad;
    if (!(flo >= 0.0 && fhi <= 0.0))
        return bmd_error_set(err, BMD_EDOM,
                             "burnout angle %g deg is outside what the plan family gives "
                             "(%g to %g deg)", bmd_rad_to_deg(gamma_rad),
                             bmd_rad_to_deg(fhi + gamma_rad), bmd_rad_to_deg(flo + gamma_rad));
    double x = 0.0;
    if ((rc = find_root(&a, set_shape, gamma_of, gamma_rad, lo, flo, hi, fhi, 1e-8, &x)))
        return rc;
    set_shape(&a.plan, x);
    if (fly(&a))
        return a.rc;
    fill_result(&a, result);
    result->reachable = 1;
    return BMD_SUCCESS;
}

/* Mass of the vehicle at the start of stage i's burn (all stages below dropped). */
static double mass_at_ignition(const bmd_missile *m, int i)
{
    double mass = bmd_missile_launch_mass_kg(m);
    for (int k = 0; k < i; k++)
        mass -= m->stages[k].propellant_mass_kg + m->stages[k].dry_mass_kg;
    return mass;
}

/* Warm start of the min-energy cutoff: remove the burnout speed dv by cutting the burn short,
 * walking back through the stages with the rocket equation (constant mass flow). */
static double cutoff_guess(const bmd_missile *m, double t_final, double dv)
{
    double t_end = t_final;
    for (int i = m->n_stages - 1; i >= 0; i--) {
        const bmd_stage *s = &m->stages[i];
        double ve = BMD_G0_M_S2 * s->isp_vacuum_s, m0 = mass_at_ignition(m, i);
        double mf = m0 - s->propellant_mass_kg, mdot = s->propellant_mass_kg / s->burn_time_s;
        double dv_stage = ve * log(m0 / mf);
        double t_ign = t_end - s->burn_time_s;
        if (dv < dv_stage)
            return t_end - mf * (exp(dv / ve) - 1.0) / mdot;
        dv -= dv_stage;
        t_end = t_ign - s->coast_before_s;
    }
    return 1.0;
}

/* The along-track residual the shape iteration drives to zero: for min-energy the range error;
 * for lofted/depressed a signed square root of the shortfall from the max range, nearly linear in
 * the shape parameter on either side of the peak. */
static double residual(bmd_aim_shape shape, double range, double r_max, double target)
{
    if (shape == BMD_AIM_MIN_ENERGY)
        return range - target;
    double u = sqrt(fmax(r_max - range, 0.0)), ut = sqrt(fmax(r_max - target, 0.0));
    return shape == BMD_AIM_LOFTED ? ut - u : u - ut;
}

int bmd_aim_target(const bmd_earth *earth, const bmd_missile *missile, bmd_aim_shape shape,
                   const bmd_plan *base, const bmd_site *launch, double target_lat_rad,
                   double target_lon_rad, double tolerance_m, const bmd_flight_options *opt,
                   bmd_aim_result *result, bmd_error *err)
{
    aim_eval a;
    int rc = init_eval(&a, earth, missile, base, launch, opt, result, err);
    if (rc)
        return rc;
    if (!(fabs(target_lat_rad) <= 0.5 * M_PI) || !isfinite(target_lon_rad))
        return bmd_error_set(err, BMD_EINVAL, "target latitude %g rad, longitude %g rad invalid",
                             target_lat_rad, target_lon_rad);
    if (!(tolerance_m > 0.0))
        return bmd_error_set(err, BMD_EINVAL, "aim tolerance %g m must be > 0", tolerance_m);
    if (shape != BMD_AIM_MIN_ENERGY && shape != BMD_AIM_LOFTED && shape != BMD_AIM_DEPRESSED)
        return bmd_error_set(err, BMD_EINVAL, "aim shape %d is unknown", (int)shape);
    double dist, az_t;
    bmd_geodesy_inverse(earth, launch->lat_rad, launch->lon_rad, target_lat_rad, target_lon_rad,
                        &dist, &az_t, NULL);
    /* 1. the base (max-range) plan, full burn, along the geodesic azimuth */
    a.plan.cutoff_s = 0.0;
    a.plan.azimuth_rad = az_t;
    if (fly(&a))
        return a.rc;
    double r_max = range_of(&a), x_star = get_shape(&a.plan), t_final = a.sum.events.burnout_s;
    result->max_range_m = r_max;
    if (!a.sum.impacted || dist > r_max) {
        fill_result(&a, result);
        result->reachable = 0;
        result->miss_m = NAN;
        if (a.sum.impacted)
            bmd_geodesy_inverse(earth, a.sum.impact_lat_rad, a.sum.impact_lon_rad, target_lat_rad,
                                target_lon_rad, &result->miss_m, NULL, NULL);
        return BMD_SUCCESS;
    }
    /* 2. warm start of the shape parameter from Kepler's relations */
    double x_lo, x_hi, x_prev, f_prev, x;
    double r_bo = bmd_earth_mean_radius_m(earth) + a.sum.burnout_altitude_m;
    double psi_t = fmax(dist, 1.0) / bmd_earth_mean_radius_m(earth);
    double psi_m = r_max / bmd_earth_mean_radius_m(earth);
    if (shape == BMD_AIM_MIN_ENERGY) {
        double v_t, v_m, g;
        x_lo = 0.0, x_hi = t_final;
        x_prev = t_final;
        f_prev = r_max - dist;
        if (bmd_kepler_min_energy(r_bo, fmin(psi_t, M_PI), earth->gm_m3_s2, &v_t, &g, NULL) ||
            bmd_kepler_min_energy(r_bo, fmin(psi_m, M_PI), earth->gm_m3_s2, &v_m, &g, NULL))
            x = 0.5 * t_final;
        else
            x = cutoff_guess(missile, t_final, v_m - v_t);
        x = fmin(fmax(x, a.plan.vertical_rise_s + 1.0), t_final);
    } else {
        double g_lo, g_hi, v = a.sum.burnout_speed_m_s, g_star = a.sum.burnout_flight_path_rad;
        x_prev = x_star;
        f_prev = residual(shape, r_max, r_max, dist);
        x_lo = shape == BMD_AIM_LOFTED ? 0.0 : x_star;
        x_hi = shape == BMD_AIM_LOFTED ? x_star : shape_max(&a.plan);
        /* Kepler free-flight range wanted: the target less the base flight's excess over
         * Kepler (powered flight, descent below the burnout altitude, drag) */
        bmd_kepler_arc arc;
        double psi_free = psi_t;
        if (bmd_kepler_arc_from_burnout(r_bo, v, g_star, earth->gm_m3_s2, &arc, NULL) == 0)
            psi_free = psi_t - (psi_m - arc.range_angle_rad);
        if (bmd_kepler_angles_for_range(r_bo, v, fmax(psi_free, 1e-4), earth->gm_m3_s2, &g_lo,
                                        &g_hi, NULL) == BMD_SUCCESS) {
            double g = shape == BMD_AIM_LOFTED ? g_hi : g_lo;
            /* gamma(x) taken linear between vertical (x = 0) and the max-range point */
            x = x_star * (0.5 * M_PI - g) / fmax(0.5 * M_PI - g_star, 1e-3);
        } else {
            x = 0.5 * (x_lo + x_hi);
        }
        if (!(x > x_lo && x < x_hi))
            x = 0.5 * (x_lo + x_hi);
    }
    plan_setter set = shape == BMD_AIM_MIN_ENERGY ? set_cutoff : set_shape;
    double az = az_t;
    /* 3. secant on the along-track residual (bracketed), fixed point on the azimuth */
    for (int it = 0; it < 40; it++) {
        a.plan.azimuth_rad = az;
        set(&a.plan, x);
        if (fly(&a))
            return a.rc;
        if (!a.sum.impacted)
            return bmd_error_set(err, BMD_EDOM, "an aiming flight did not come down");
        double miss, d_imp, az_imp;
        bmd_geodesy_inverse(earth, a.sum.impact_lat_rad, a.sum.impact_lon_rad, target_lat_rad,
                            target_lon_rad, &miss, NULL, NULL);
        if (miss <= tolerance_m) {
            fill_result(&a, result);
            result->reachable = 1;
            result->miss_m = miss;
            return BMD_SUCCESS;
        }
        bmd_geodesy_inverse(earth, launch->lat_rad, launch->lon_rad, a.sum.impact_lat_rad,
                            a.sum.impact_lon_rad, &d_imp, &az_imp, NULL);
        az += remainder(az_t - az_imp, 2.0 * M_PI);
        double f = residual(shape, d_imp, r_max, dist);
        if (f < 0.0)
            x_lo = x;
        else
            x_hi = x;
        double x_new = x;
        if (f != f_prev)
            x_new = x - f * (x - x_prev) / (f - f_prev);
        if (!(x_new > x_lo && x_new < x_hi))
            x_new = 0.5 * (x_lo + x_hi);
        x_prev = x, f_prev = f, x = x_new;
    }
    fill_result(&a, result);
    return bmd_error_set(err, BMD_EMAXITER, "aim did not converge within 40 flights");
}
