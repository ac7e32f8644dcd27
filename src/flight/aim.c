/* Plan searches: maximum range, lofted plans for an apogee or a burnout angle, and aiming at a
 * target point (see include/bmd/aim.h). The "shape parameter" x of a plan is the gravity turn's
 * kick, or pi/2 minus the pitch program's final elevation: x = 0 is vertical, larger x flies
 * flatter, in both cases. */
#include "bmd/aim.h"

#include <math.h>
#include <string.h>
#ifdef AIM_DEBUG
#include <stdio.h>
#endif

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

/* What one aiming pass knows: the target, the peak of the range along the bearing (shape x_star,
 * range r_max, the peak flight's burnout state for Kepler), and the side bounds. */
typedef struct aim_pass {
    bmd_aim_shape shape;
    double lat, lon, dist, az_t;
    double x_star, r_max, t_final;
    double bo_alt, bo_speed, bo_gamma;
    double tolerance_m;
} aim_pass;

/* Search the peak of the range over the shape parameter near x_center at azimuth az (full
 * burn); updates the pass's peak. */
static int find_peak(aim_eval *a, aim_pass *ps, double az, double x_center)
{
    double x, r;
    a->plan.cutoff_s = 0.0;
    a->plan.azimuth_rad = az;
    double lo = fmax(0.0, x_center - 0.25), hi = fmin(shape_max(&a->plan), x_center + 0.25);
    int rc = maximize_range(a, set_shape, lo, hi, 1e-3, &x, &r);
    if (rc)
        return rc;
    set_shape(&a->plan, x);
    if (fly(a))
        return a->rc;
    ps->x_star = x;
    ps->r_max = range_of(a);
    ps->t_final = a->sum.events.burnout_s;
    ps->bo_alt = a->sum.burnout_altitude_m;
    ps->bo_speed = a->sum.burnout_speed_m_s;
    ps->bo_gamma = a->sum.burnout_flight_path_rad;
    return BMD_SUCCESS;
}

/* Warm start of the shape (or cutoff) parameter and its bounds. */
static void warm_start(const aim_eval *a, const aim_pass *ps, double *x, double *x_lo,
                       double *x_hi)
{
    const bmd_earth *earth = a->earth;
    double R = bmd_earth_mean_radius_m(earth), r_bo = R + ps->bo_alt;
    double psi_t = fmax(ps->dist, 1.0) / R, psi_m = ps->r_max / R, g;
    if (ps->shape == BMD_AIM_MIN_ENERGY) {
        double v_t, v_m;
        *x_lo = a->plan.vertical_rise_s, *x_hi = ps->t_final;
        if (bmd_kepler_min_energy(r_bo, fmin(psi_t, M_PI), earth->gm_m3_s2, &v_t, &g, NULL) ||
            bmd_kepler_min_energy(r_bo, fmin(psi_m, M_PI), earth->gm_m3_s2, &v_m, &g, NULL))
            *x = 0.5 * (*x_lo + *x_hi);
        else
            *x = cutoff_guess(a->missile, ps->t_final, v_m - v_t);
        *x = fmin(fmax(*x, *x_lo + 1.0), *x_hi);
        return;
    }
    *x_lo = ps->shape == BMD_AIM_LOFTED ? 0.0 : ps->x_star;
    *x_hi = ps->shape == BMD_AIM_LOFTED ? ps->x_star : shape_max(&a->plan);
    /* Kepler: the burnout angle for the wanted free-flight range at the peak flight's burnout
     * speed (its powered and descent range carried over), mapped to x by taking the burnout
     * angle linear in x between vertical and the peak */
    bmd_kepler_arc arc;
    double g_lo, g_hi;
    *x = NAN;
    if (bmd_kepler_arc_from_burnout(r_bo, ps->bo_speed, ps->bo_gamma, earth->gm_m3_s2, &arc,
                                    NULL) == 0) {
        double psi_free = psi_t - (psi_m - arc.range_angle_rad);
        if (psi_free > 0.0 && bmd_kepler_angles_for_range(r_bo, ps->bo_speed, psi_free,
                                                          earth->gm_m3_s2, &g_lo, &g_hi,
                                                          NULL) == 0) {
            g = ps->shape == BMD_AIM_LOFTED ? g_hi : g_lo;
            *x = ps->x_star * (0.5 * M_PI - g) / fmax(0.5 * M_PI - ps->bo_gamma, 1e-3);
        }
    }
    if (!(*x > *x_lo && *x < *x_hi)) { /* a parabola through the peak, zero at x = 0 */
        double sq = sqrt(fmax(1.0 - ps->dist / ps->r_max, 0.0));
        *x = ps->shape == BMD_AIM_LOFTED ? ps->x_star * (1.0 - sq) : ps->x_star * (1.0 + sq);
    }
    if (!(*x > *x_lo && *x < *x_hi))
        *x = 0.5 * (*x_lo + *x_hi);
}

enum { PASS_HIT = 0, PASS_FAILED = -1 };

/* One aiming pass: Broyden's method on (shape parameter, azimuth) -> (along-track residual,
 * bearing error). The Jacobian starts diagonal, d(along)/dx from the peak flight and the warm
 * start, d(bearing)/d(azimuth) = 1, and learns the coupling from each flight. A flight that
 * outranges the known peak becomes the peak. Returns PASS_HIT, PASS_FAILED or a status. */
static int aim_pass_run(aim_eval *a, aim_pass *ps, double *az_io, int max_flights)
{
    const bmd_earth *earth = a->earth;
    const bmd_site *site = a->site;
    double x_lo, x_hi, x;
    warm_start(a, ps, &x, &x_lo, &x_hi);
    double az = *az_io;
    double x_prev = ps->shape == BMD_AIM_MIN_ENERGY ? ps->t_final : ps->x_star;
    double f_prev = residual(ps->shape, ps->r_max, ps->r_max, ps->dist), xs = x_hi - x_lo;
    double az_prev = az, c_prev = 0.0;
    double jac[2][2] = {{0.0, 0.0}, {0.0, 1.0}};
    int have_jac = 0;
    plan_setter set = ps->shape == BMD_AIM_MIN_ENERGY ? set_cutoff : set_shape;
    if (ps->shape == BMD_AIM_MIN_ENERGY)
        set_shape(&a->plan, ps->x_star);
    else
        a->plan.cutoff_s = 0.0;
    for (int it = 0; it < max_flights; it++) {
        a->plan.azimuth_rad = az;
        set(&a->plan, x);
        if (fly(a))
            return a->rc;
        if (!a->sum.impacted)
            return bmd_error_set(a->err, BMD_EDOM, "an aiming flight did not come down");
        double miss, d_imp, az_imp;
        bmd_geodesy_inverse(earth, a->sum.impact_lat_rad, a->sum.impact_lon_rad, ps->lat, ps->lon,
                            &miss, NULL, NULL);
        if (miss <= ps->tolerance_m)
            return PASS_HIT;
        bmd_geodesy_inverse(earth, site->lat_rad, site->lon_rad, a->sum.impact_lat_rad,
                            a->sum.impact_lon_rad, &d_imp, &az_imp, NULL);
        double c = remainder(az_imp - ps->az_t, 2.0 * M_PI);
        if (ps->shape != BMD_AIM_MIN_ENERGY && d_imp > ps->r_max) {
            /* this flight outranges the peak we knew: it is the new peak and side bound */
            ps->r_max = d_imp;
            ps->x_star = x;
            if (ps->shape == BMD_AIM_LOFTED)
                x_hi = x;
            else
                x_lo = x;
            have_jac = 0;
            x_prev = x, f_prev = 0.0, az_prev = az, c_prev = c;
            double sq = sqrt(fmax(1.0 - ps->dist / ps->r_max, 0.0));
            x = ps->shape == BMD_AIM_LOFTED ? x * (1.0 - sq) : x + sq * 0.25 * (x_hi - x);
            az -= c;
            continue;
        }
        double f = residual(ps->shape, d_imp, ps->r_max, ps->dist);
        if (it == 0)
            c_prev = c; /* the bearing error barely depends on x at first order */
        double dp[2] = {(x - x_prev) / xs, az - az_prev}, df[2] = {f - f_prev, c - c_prev};
        if (!have_jac) {
            jac[0][0] = dp[0] != 0.0 && df[0] != 0.0 ? df[0] / dp[0] : 1.0;
            have_jac = 1;
        } else {
            double n2 = dp[0] * dp[0] + dp[1] * dp[1];
            if (n2 > 0.0)
                for (int r = 0; r < 2; r++) {
                    double u = df[r] - jac[r][0] * dp[0] - jac[r][1] * dp[1];
                    jac[r][0] += u * dp[0] / n2;
                    jac[r][1] += u * dp[1] / n2;
                }
        }
#ifdef AIM_DEBUG
        fprintf(stderr, "it %d az %.5f x %.6f range %.1f miss %.1f f %.4g c %.3g J %.3g %.3g %.3g %.3g\n",
                it, az, x, d_imp, miss, f, c, jac[0][0], jac[0][1], jac[1][0], jac[1][1]);
#endif
        x_prev = x, f_prev = f, az_prev = az, c_prev = c;
        double det = jac[0][0] * jac[1][1] - jac[0][1] * jac[1][0], step_x, step_az;
        if (det != 0.0 && fabs(det) > 1e-9 * fabs(jac[0][0] * jac[1][1])) {
            step_x = -(jac[1][1] * f - jac[0][1] * c) / det;
            step_az = -(-jac[1][0] * f + jac[0][0] * c) / det;
        } else { /* decoupled fallback */
            step_x = jac[0][0] != 0.0 ? -f / jac[0][0] : 0.1;
            step_az = -c;
        }
        step_az = fmax(-0.2, fmin(0.2, step_az));
        double x_new = x + step_x * xs;
        if (!(x_new > x_lo))
            x_new = 0.5 * (x + x_lo);
        else if (!(x_new < x_hi))
            x_new = 0.5 * (x + x_hi);
        x = x_new;
        az += step_az;
    }
    *az_io = az;
    return PASS_FAILED;
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
    aim_pass ps = {shape, target_lat_rad, target_lon_rad, 0.0, 0.0, 0.0, 0.0, 0.0,
                   0.0, 0.0, 0.0, tolerance_m};
    bmd_geodesy_inverse(earth, launch->lat_rad, launch->lon_rad, target_lat_rad, target_lon_rad,
                        &ps.dist, &ps.az_t, NULL);
    /* 1. the base (max-range) plan, full burn, along the geodesic azimuth */
    a.plan.cutoff_s = 0.0;
    a.plan.azimuth_rad = ps.az_t;
    if (fly(&a))
        return a.rc;
    if (!a.sum.impacted)
        return bmd_error_set(err, BMD_EDOM, "the base plan does not come down");
    ps.x_star = get_shape(&a.plan);
    ps.r_max = range_of(&a);
    ps.t_final = a.sum.events.burnout_s;
    ps.bo_alt = a.sum.burnout_altitude_m;
    ps.bo_speed = a.sum.burnout_speed_m_s;
    ps.bo_gamma = a.sum.burnout_flight_path_rad;
    /* the base flight's bearing error: a first azimuth correction */
    double az_imp0, az = ps.az_t;
    bmd_geodesy_inverse(earth, launch->lat_rad, launch->lon_rad, a.sum.impact_lat_rad,
                        a.sum.impact_lon_rad, NULL, &az_imp0, NULL);
    az += remainder(ps.az_t - az_imp0, 2.0 * M_PI);
    /* 2. near or beyond the base range the peak along this bearing matters: find it */
    if (ps.dist > 0.85 * ps.r_max && (rc = find_peak(&a, &ps, az, ps.x_star)))
        return rc;
    result->max_range_m = ps.r_max;
    if (ps.dist > ps.r_max) {
        fill_result(&a, result);
        result->reachable = 0;
        bmd_geodesy_inverse(earth, a.sum.impact_lat_rad, a.sum.impact_lon_rad, target_lat_rad,
                            target_lon_rad, &result->miss_m, NULL, NULL);
        return BMD_SUCCESS;
    }
    /* 3. aiming passes; a flight beyond the peak triggers one peak search and a new pass */
    int budget = 40;
    for (int pass = 0; pass < 1 && budget > 0; pass++) {
        int used = a.evaluations;
        rc = aim_pass_run(&a, &ps, &az, budget);
        budget -= a.evaluations - used;
#ifdef AIM_DEBUG
        fprintf(stderr, "pass %d rc %d flights %d r_max %.1f x_star %.4f\n", pass, rc,
                a.evaluations - used, ps.r_max / 1e3, ps.x_star);
#endif
        if (rc == PASS_HIT) {
            fill_result(&a, result);
            result->reachable = 1;
            result->max_range_m = ps.r_max;
            bmd_geodesy_inverse(earth, a.sum.impact_lat_rad, a.sum.impact_lon_rad,
                                target_lat_rad, target_lon_rad, &result->miss_m, NULL, NULL);
            return BMD_SUCCESS;
        }
        if (rc > 0)
            return rc;
    }
    fill_result(&a, result);
    return bmd_error_set(err, BMD_EMAXITER, "aim did not converge within %d flights",
                         a.evaluations);
}
