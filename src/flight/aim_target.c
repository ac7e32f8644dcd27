/* Aiming at a target point on the rotating Earth (see include/bmd/aim.h): a safeguarded
 * iteration on two controls, each with its own secant, warm-started from Kepler.
 *
 * The impact I is measured in a frame fixed by the launch point L and the target's geodesic
 * bearing: its along-track angle eta in the plane of L and that bearing (unwrapped past the
 * antipode, so it grows continuously with range), and its bearing beta seen from L relative to
 * the target's, taken along the flight (beyond the antipode, the long way round: the short-way
 * bearing flips by 180 degrees there and would send the azimuth astray).
 *
 * Controls: p, the along-track one (the shape parameter of a full-burn plan, signed for lofted
 * plans so that a target inside the westward drift of a near-vertical shot is reached by tipping
 * the other way; or the cutoff time for min-energy), kept inside a bracket on the monotone branch
 * of the range (the along-track residual changes sign across it): a secant step that leaves the
 * bracket, or a bracket that does not halve in three steps, falls back to regula falsi or
 * bisection. phi, the plan azimuth relative to the target bearing: its own secant on the bearing
 * error, the slope 1 of a rotation about L (exact without Earth rotation) refined from the last
 * two flights when p hardly moved between them, held within [0.05, 5], the step limited. */
#include <math.h>
#include <string.h>

#include "bmd/geodesy.h"
#include "bmd/kepler.h"
#include "flight/aim_target_internal.h"
#include "bmd/units.h"

#define PEAK_HALF_WIDTH 0.15    /* rad: drift of the max-range shape with azimuth */
#define PEAK_TOL 3e-3           /* rad: 3e-3 in the shape costs < 1 km at the flat peak */
#define PHI_STEP_MAX 0.3        /* rad: largest azimuth step */

/* Search the peak of the full-burn range over the shape parameter near x_pk at azimuth offset
 * phi, stopping early once a flight reaches stop_range_m (the target is then within reach); the
 * best flight becomes the peak. */
static int find_peak(aim_eval *a, aim_state *s, double phi, double stop_range_m)
{
    double x, r;
    a->plan.cutoff_s = 0.0;
    a->plan.azimuth_rad = s->az_t + phi;
    double lo = fmax(0.0, s->x_pk - PEAK_HALF_WIDTH), hi = fmin(s->x_max, s->x_pk + PEAK_HALF_WIDTH);
    int rc = bmd_aim_maximize_range(a, bmd_aim_set_shape, lo, hi, PEAK_TOL, stop_range_m, &x, &r);
    if (rc)
        return rc;
    aim_obs o; /* fly the best shape again: the search's last flight need not be it */
    if ((rc = bmd_aim_fly_full(a, s, x, phi, &o)))
        return rc;
    if (!o.impacted)
        return bmd_error_set(a->err, BMD_EDOM, "the max-range plan along the bearing does not "
                             "come down");
    s->s_pk = -INFINITY;
    bmd_aim_note_peak(a, s, &o, x);
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
        const bmd_stage *st = &m->stages[i];
        double ve = BMD_G0_M_S2 * st->isp_vacuum_s, m0 = mass_at_ignition(m, i);
        double mf = m0 - st->propellant_mass_kg, mdot = st->propellant_mass_kg / st->burn_time_s;
        double dv_stage = ve * log(m0 / mf);
        double t_ign = t_end - st->burn_time_s;
        if (dv < dv_stage)
            return t_end - mf * (exp(dv / ve) - 1.0) / mdot;
        dv -= dv_stage;
        t_end = t_ign - st->coast_before_s;
    }
    return 1.0;
}

/* Warm start of p inside the bracket (lo, hi): min-energy from Kepler's minimum-energy speeds and
 * the rocket equation; lofted/depressed from the Kepler burnout angle for the wanted range at the
 * peak flight's burnout speed (its powered and descent range carried over), mapped to the shape
 * linearly between vertical and the peak; else a parabola through the peak. */
static double warm_start(const aim_eval *a, const aim_state *s, double lo, double hi)
{
    const bmd_earth *earth = a->earth;
    double r_bo = s->fr.radius_m + s->bo_alt, g, x = NAN;
    double psi_t = fmax(s->s_t, 1.0) / s->fr.radius_m, psi_m = s->s_pk / s->fr.radius_m;
    if (s->cut && isfinite(s->p_init) && s->p_init > lo && s->p_init < hi)
        return s->p_init;
    if (s->cut) {
        double v_t, v_m;
        if (bmd_kepler_min_energy(r_bo, fmin(psi_t, M_PI), earth->gm_m3_s2, &v_t, &g, NULL) == 0 &&
            bmd_kepler_min_energy(r_bo, fmin(psi_m, M_PI), earth->gm_m3_s2, &v_m, &g, NULL) == 0)
            x = cutoff_guess(a->missile, s->t_final, v_m - v_t);
    } else {
        bmd_kepler_arc arc;
        double g_lo, g_hi;
        if (bmd_kepler_arc_from_burnout(r_bo, s->bo_speed, s->bo_gamma, earth->gm_m3_s2, &arc,
                                        NULL) == 0) {
            double psi_free = psi_t - (psi_m - arc.range_angle_rad);
            if (psi_free > 0.0 && bmd_kepler_angles_for_range(r_bo, s->bo_speed, psi_free,
                                                              earth->gm_m3_s2, &g_lo, &g_hi,
                                                              NULL) == 0) {
                g = s->shape == BMD_AIM_LOFTED ? g_hi : g_lo;
                x = s->x_pk * (0.5 * M_PI - g) / fmax(0.5 * M_PI - s->bo_gamma, 1e-3);
            }
        }
        if (!(x > lo && x < hi)) {
            double sq = sqrt(fmax(1.0 - s->s_t / s->s_pk, 0.0));
            x = s->shape == BMD_AIM_LOFTED ? s->x_pk * (1.0 - sq) : s->x_pk * (1.0 + sq);
        }
    }
    if (!(x > lo && x < hi))
        x = 0.5 * (lo + hi);
    return x;
}

/* The aiming iteration from the peak; returns RUN_HIT, RUN_FAILED, RUN_TOO_CLOSE or a status.
 * Steps: Broyden's method (the "good" update) on (p, phi) -> (along-track residual, bearing
 * error), its Jacobian started as diag(secant slope from the peak, 1), so the coupling of the two
 * (the range changes with the azimuth through the Earth's rotation; the deflection with the
 * flight time) is learnt. Safeguards: p stays inside the bracket of the flights' signs (else
 * regula falsi, or bisection when the residual has not halved in three flights); the bearing
 * error's slope in phi stays within [0.05, 5] of a rotation about the launch point's, and the
 * azimuth step within PHI_STEP_MAX. */
int bmd_aim_run(aim_eval *a, aim_state *s, double phi, int max_flights)
{
    const int me = s->cut;
    /* the family's interval; the end away from the peak is only assumed to have the right sign:
     * min-energy cut off at the end of the vertical rise, lofted tipped backwards, depressed at
     * the flattest plan */
    double lo0, hi0;
    if (me)
        lo0 = fmin(a->plan.vertical_rise_s, 0.5 * s->t_final), hi0 = s->t_final;
    else if (s->shape == BMD_AIM_LOFTED)
        lo0 = -s->x_pk, hi0 = s->p_pk;
    else
        lo0 = s->x_pk, hi0 = s->x_max;
    double span = hi0 - lo0;
    /* bracket [lo, hi] of p with its flights' along-track lengths (the peak end is known) */
    double lo = lo0, hi = hi0, s_lo = s->s_pk, s_hi = s->s_pk;
    int known_lo = s->shape == BMD_AIM_DEPRESSED, known_hi = !known_lo;
    aim_obs prev = {s->p_pk, s->phi_pk, s->s_pk, s->c_pk, s->b_pk, 0.0, 1};
    const int lofted = s->shape == BMD_AIM_LOFTED;
    /* the cross residual's slope in phi: 1 for the bearing error of a rotation about L; for the
     * lofted kick vector, the displacement sin(eta) R per kick angle |x| R, in radians */
    const double sin_eta = fmax(sin(fmin(s->fr.eta_t, M_PI - 1e-3)), 0.02);
    double jac[2][2] = {{0.0, 0.0}, {0.0, 1.0}}, f_hist[3] = {INFINITY, INFINITY, INFINITY};
    int have_jac = 0;
    double p = warm_start(a, s, lo0, hi0);
    if (!isfinite(p))
        return RUN_FAILED; /* no finite bracket (e.g. a flight without burnout time) */
    for (int it = 0; it < max_flights; it++) {
        aim_obs o;
        int rc = bmd_aim_fly_controls(a, s, p, phi, &o);
        if (rc)
            return rc;
        if (o.miss_m <= s->tolerance_m)
            return RUN_HIT;
        double s_pk_old = s->s_pk, x_now = lofted ? hypot(p, phi) : p;
        double geo = lofted ? sin_eta / fmax(x_now, 1e-3) : 1.0;
        double q_max = lofted ? PHI_STEP_MAX * fmax(x_now, 0.02) : PHI_STEP_MAX;
        if (!me && p > 0.0)
            bmd_aim_note_peak(a, s, &o, x_now);
        if (s->s_pk != s_pk_old) { /* a new peak: the bracket's peak end moves to it */
            if (s->shape == BMD_AIM_DEPRESSED)
                lo0 = lo = p, s_lo = o.s, known_lo = 1;
            else
                hi0 = hi = p, s_hi = o.s, known_hi = 1;
            span = hi0 - lo0;
            have_jac = 0;
            prev = o;
            p = warm_start(a, s, lo0, hi0);
            if (!isfinite(p))
                return RUN_FAILED;
            if (!lofted)
                phi += fmax(-PHI_STEP_MAX, fmin(PHI_STEP_MAX, -o.c));
            continue;
        }
        double f = bmd_aim_along_residual(s, o.s);
        if (f < 0.0) {
            if (s->shape == BMD_AIM_DEPRESSED && p >= hi0)
                return RUN_TOO_CLOSE; /* the flattest plan still flies too far */
            lo = p, s_lo = o.s, known_lo = 1;
        } else {
            if (me && p <= lo0)
                return RUN_TOO_CLOSE; /* the earliest cutoff still flies too far */
            hi = p, s_hi = o.s, known_hi = 1;
        }
        if (!(hi - lo > 1e-12 * span)) { /* collapsed on ends made stale by the azimuth */
            lo = lo0, hi = hi0, known_lo = s->shape == BMD_AIM_DEPRESSED, known_hi = !known_lo;
            s_lo = s_hi = s->s_pk;
        }
        f_hist[0] = f_hist[1], f_hist[1] = f_hist[2], f_hist[2] = fabs(f);
        /* Broyden */
        double c = isfinite(o.c) ? o.c : 0.0, f_prev = bmd_aim_along_residual(s, prev.s);
        double c_prev = isfinite(prev.c) ? prev.c : c;
        double dp = (p - prev.p) / span, dq = phi - prev.phi, df = f - f_prev, dc = c - c_prev;
        if (!have_jac) {
            jac[0][0] = dp != 0.0 && df / dp > 0.0 ? df / dp : 1.0;
            jac[0][1] = jac[1][0] = 0.0;
            jac[1][1] = geo;
            have_jac = 1;
        } else {
            double n2 = dp * dp + dq * dq;
            if (n2 > 0.0) {
                double u0 = df - jac[0][0] * dp - jac[0][1] * dq;
                double u1 = dc - jac[1][0] * dp - jac[1][1] * dq;
                jac[0][0] += u0 * dp / n2, jac[0][1] += u0 * dq / n2;
                jac[1][0] += u1 * dp / n2, jac[1][1] += u1 * dq / n2;
            }
            if (!(jac[0][0] > 0.0))
                jac[0][0] = dp != 0.0 && df / dp > 0.0 ? df / dp : fabs(jac[0][0]) + 1e-12;
            if (!(jac[1][1] >= 0.05 * geo && jac[1][1] <= 5.0 * geo))
                jac[1][1] = geo, jac[1][0] = 0.0;
        }
        double det = jac[0][0] * jac[1][1] - jac[0][1] * jac[1][0], step_p, step_q;
        if (fabs(det) > 1e-6 * fabs(jac[0][0] * jac[1][1])) {
            step_p = -(jac[1][1] * f - jac[0][1] * c) / det;
            step_q = -(-jac[1][0] * f + jac[0][0] * c) / det;
        } else {
            step_p = -f / jac[0][0];
            step_q = -c / jac[1][1];
        }
        double cand = p + step_p * span, margin = 1e-12 * span;
        int stalled = f_hist[2] > 0.5 * f_hist[0];
        int inside = cand > lo + margin && cand < hi - margin;
        if (!inside && fabs(cand - p) <= 0.02 * span && cand > lo0 && cand < hi0) {
            /* a short step just out of the bracket: the end it crosses was flown at another
             * azimuth and is stale; trust the local model and reopen that end */
            if (cand <= lo)
                lo = lo0, s_lo = s->s_pk, known_lo = s->shape == BMD_AIM_DEPRESSED;
            else
                hi = hi0, s_hi = s->s_pk, known_hi = s->shape != BMD_AIM_DEPRESSED;
            inside = 1;
            stalled = 0;
        }
        if (!inside || stalled) {
            double mid = 0.5 * (lo + hi), alt = mid;
            if (known_lo && known_hi && !stalled) { /* regula falsi */
                double fa = bmd_aim_along_residual(s, s_lo), fb = bmd_aim_along_residual(s, s_hi);
                alt = fb > fa ? lo - fa * (hi - lo) / (fb - fa) : mid;
                if (!(alt > lo + margin && alt < hi - margin))
                    alt = mid;
            }
            /* an end only assumed: try it once the bracket has shrunk next to it */
            if (!known_hi && hi == hi0 && hi - lo < 0.02 * span)
                alt = hi;
            if (!known_lo && lo == lo0 && hi - lo < 0.02 * span)
                alt = lo;
            /* the azimuth step for that p from the cross row */
            step_q = -(c + jac[1][0] * (alt - p) / span) / jac[1][1];
            cand = alt;
            if (stalled)
                f_hist[0] = f_hist[1] = f_hist[2] = INFINITY;
        }
        prev = o;
        prev.c = c;
        p = cand;
        phi += fmax(-q_max, fmin(q_max, step_q));
    }
    return RUN_FAILED;
}

/* The search state of an aim of shape at (target_lat_rad, target_lon_rad) from launch: the
 * target's distance and azimuth and the aiming frame (shared by the cold and warm aims). */
static void state_init(aim_state *s, const bmd_earth *earth, const aim_eval *a,
                       const bmd_site *launch, bmd_aim_shape shape, double target_lat_rad,
                       double target_lon_rad, double tolerance_m)
{
    memset(s, 0, sizeof *s);
    s->shape = shape;
    s->cut = shape == BMD_AIM_MIN_ENERGY || shape == BMD_AIM_CUTOFF;
    s->p_init = NAN;
    s->lat = target_lat_rad;
    s->lon = target_lon_rad;
    s->tolerance_m = tolerance_m;
    s->x_max = bmd_aim_shape_max(&a->plan);
    bmd_geodesy_inverse(earth, launch->lat_rad, launch->lon_rad, target_lat_rad, target_lon_rad,
                        &s->dist, &s->az_t, NULL);
    bmd_aim_frame_init(earth, launch, s, &s->fr);
    s->s_t = s->fr.eta_t * s->fr.radius_m;
}

int bmd_aim_target_warm(const bmd_earth *earth, const bmd_missile *missile, const bmd_plan *warm,
                        const bmd_site *launch, double target_lat_rad, double target_lon_rad,
                        double tolerance_m, bmd_aim_result *result, bmd_error *err)
{
    if (!warm || warm->steering != BMD_STEER_GRAVITY_TURN || !(warm->cutoff_s > 0.0) ||
        !isfinite(warm->azimuth_rad))
        return BMD_EMAXITER;
    bmd_plan base;
    bmd_plan_init_for(missile, BMD_STEER_GRAVITY_TURN, &base);
    aim_eval a;
    int rc = bmd_aim_init_eval(&a, earth, missile, &base, launch, NULL, result, err);
    if (rc)
        return rc;
    aim_state s;
    state_init(&s, earth, &a, launch, BMD_AIM_MIN_ENERGY, target_lat_rad, target_lon_rad,
               tolerance_m);
    const double x = bmd_aim_get_shape(warm);
    if (!(x > 0.0 && x < s.x_max))
        return BMD_EMAXITER;
    rc = bmd_aim_min_energy_warm(&a, &s, x, warm->cutoff_s,
                                 remainder(warm->azimuth_rad - s.az_t, 2.0 * M_PI));
    bmd_aim_fill_result(&a, result);
    result->max_range_m = NAN;
    if (rc > 0)
        return rc;
    if (rc != RUN_HIT)
        return BMD_EMAXITER;
    result->reachable = 1;
    bmd_geodesy_inverse(earth, a.sum.impact_lat_rad, a.sum.impact_lon_rad, target_lat_rad,
                        target_lon_rad, &result->miss_m, NULL, NULL);
    return result->miss_m <= tolerance_m ? BMD_SUCCESS : BMD_EMAXITER;
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
    if (shape != BMD_AIM_MIN_ENERGY && shape != BMD_AIM_LOFTED && shape != BMD_AIM_DEPRESSED &&
        shape != BMD_AIM_CUTOFF)
        return bmd_error_set(err, BMD_EINVAL, "aim shape %d is unknown", (int)shape);
    aim_state s;
    state_init(&s, earth, &a, launch, shape, target_lat_rad, target_lon_rad, tolerance_m);
    /* 1. the base (max-range) plan, full burn, along the geodesic azimuth */
    aim_obs o;
    double x0 = bmd_aim_get_shape(&a.plan);
    if ((rc = bmd_aim_fly_full(&a, &s, x0, 0.0, &o)))
        return rc;
    if (!a.sum.impacted)
        return bmd_error_set(err, BMD_EDOM, "the base plan does not come down");
    s.s_pk = -INFINITY;
    bmd_aim_note_peak(&a, &s, &o, x0);
    /* its bearing error is the first azimuth correction */
    double daz = fmax(-PHI_STEP_MAX, fmin(PHI_STEP_MAX, -o.bearing));
    /* 2. near or beyond the base range the peak along the corrected bearing matters: search it,
     * stopping once the target is within reach */
    if (s.dist > 0.9 * s.r_pk) {
        double stop = s.dist * (1.0 + 2e-3) + 2.0 * tolerance_m;
        if ((rc = find_peak(&a, &s, daz, stop)))
            return rc;
        daz += fmax(-PHI_STEP_MAX, fmin(PHI_STEP_MAX, -s.b_pk));
    }
    double phi = shape == BMD_AIM_LOFTED ? s.x_pk * sin(daz) : daz;
    result->max_range_m = s.r_pk;
    if (s.dist > s.r_pk) {
        bmd_aim_fill_result(&a, result);
        result->reachable = 0;
        bmd_geodesy_inverse(earth, a.sum.impact_lat_rad, a.sum.impact_lon_rad, target_lat_rad,
                            target_lon_rad, &result->miss_m, NULL, NULL);
        return BMD_SUCCESS;
    }
    /* 3. the iteration (min-energy: the search over the shape around it) */
    s.x_me = s.x_pk;
    rc = shape == BMD_AIM_MIN_ENERGY ? bmd_aim_min_energy(&a, &s, phi)
                                     : bmd_aim_run(&a, &s, phi, AIM_BUDGET - a.evaluations);
    bmd_aim_fill_result(&a, result);
    result->max_range_m = s.r_pk;
    if (rc == RUN_HIT) {
        result->reachable = 1;
        bmd_geodesy_inverse(earth, a.sum.impact_lat_rad, a.sum.impact_lon_rad, target_lat_rad,
                            target_lon_rad, &result->miss_m, NULL, NULL);
        return BMD_SUCCESS;
    }
    if (rc > 0)
        return rc;
    if (rc == RUN_TOO_CLOSE)
        return bmd_error_set(err, BMD_EDOM, "target %.1f km away is closer than the %s family "
                             "reaches", s.dist / 1e3,
                             shape == BMD_AIM_DEPRESSED  ? "depressed"
                             : shape == BMD_AIM_CUTOFF ? "cutoff"
                                                       : "min-energy");
    return bmd_error_set(err, BMD_EMAXITER, "aim did not converge within %d flights",
                         a.evaluations);
}
