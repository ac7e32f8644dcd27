/* Aiming at a target point on the rotating Earth: Broyden's method on the shape parameter (or
 * the cutoff time) and the azimuth, warm-started from Kepler (see include/bmd/aim.h). */
#include <math.h>
#include <string.h>

#include "bmd/geodesy.h"
#include "bmd/kepler.h"
#include "flight/aim_internal.h"

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
    /* +-0.15 rad covers the drift of the peak with azimuth; 3e-3 rad in x costs < 1 km at the
     * flat peak */
    double lo = fmax(0.0, x_center - 0.15);
    double hi = fmin(bmd_aim_shape_max(&a->plan), x_center + 0.15);
    int rc = bmd_aim_maximize_range(a, bmd_aim_set_shape, lo, hi, 3e-3, &x, &r);
    if (rc)
        return rc;
    bmd_aim_set_shape(&a->plan, x);
    if (bmd_aim_fly(a))
        return a->rc;
    ps->x_star = x;
    ps->r_max = bmd_aim_range_of(a);
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
    *x_hi = ps->shape == BMD_AIM_LOFTED ? ps->x_star : bmd_aim_shape_max(&a->plan);
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
    plan_setter set = ps->shape == BMD_AIM_MIN_ENERGY ? bmd_aim_set_cutoff : bmd_aim_set_shape;
    if (ps->shape == BMD_AIM_MIN_ENERGY)
        bmd_aim_set_shape(&a->plan, ps->x_star);
    else
        a->plan.cutoff_s = 0.0;
    for (int it = 0; it < max_flights; it++) {
        a->plan.azimuth_rad = az;
        set(&a->plan, x);
        if (bmd_aim_fly(a))
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
    int rc = bmd_aim_init_eval(&a, earth, missile, base, launch, opt, result, err);
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
    if (bmd_aim_fly(&a))
        return a.rc;
    if (!a.sum.impacted)
        return bmd_error_set(err, BMD_EDOM, "the base plan does not come down");
    ps.x_star = bmd_aim_get_shape(&a.plan);
    ps.r_max = bmd_aim_range_of(&a);
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
        bmd_aim_fill_result(&a, result);
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
        if (rc == PASS_HIT) {
            bmd_aim_fill_result(&a, result);
            result->reachable = 1;
            result->max_range_m = ps.r_max;
            bmd_geodesy_inverse(earth, a.sum.impact_lat_rad, a.sum.impact_lon_rad,
                                target_lat_rad, target_lon_rad, &result->miss_m, NULL, NULL);
            return BMD_SUCCESS;
        }
        if (rc > 0)
            return rc;
    }
    bmd_aim_fill_result(&a, result);
    return bmd_error_set(err, BMD_EMAXITER, "aim did not converge within %d flights",
                         a.evaluations);
}
