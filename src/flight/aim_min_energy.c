/* The minimum-energy aim (include/bmd/aim.h, BMD_AIM_MIN_ENERGY): the cutoff aim of
 * aim_target.c for a steering shape x, and a secant over x for the Kepler minimum-energy burnout
 * angle. Method: docs/physics.md ("How min-energy is flown"). */
#include <math.h>
#include <string.h>

#include "bmd/kepler.h"
#include "flight/aim_target_internal.h"

/* ---- the minimum-energy search ---------------------------------------------------------------
 * A flight reaching the target with thrust cut off at p and shape x is on the minimum-energy free
 * flight for its own range angle when its inertial burnout flight-path angle is (pi - Psi)/4, Psi
 * the Kepler range angle of its burnout state (BMW eq. 6.2-20): then no smaller burnout speed at
 * that radius reaches that range angle. The residual g(x) = gamma - (pi - Psi)/4 of the flight
 * aimed with shape x (the cutoff iteration above) falls as x grows (flatter); its root is found by
 * a secant safeguarded with a bracket, each aim warm-started from the last. */

#define ME_GAMMA_TOL_RAD 5e-5   /* |g| below this: the speed is within ~1e-8 of the minimum */
#define ME_OUTER_MAX 14         /* shapes tried */
#define ME_BUDGET 200           /* flights for the whole search */

/* g of the last flight (NAN when it did not burn out): the inertial burnout angle minus the
 * minimum-energy angle for the Kepler range angle of its burnout state. */
static double me_residual(const aim_eval *a)
{
    const bmd_flight_summary *f = &a->sum;
    double g = f->burnout_inertial_flight_path_rad;
    if (!isfinite(g))
        return NAN;
    bmd_kepler_arc arc;
    if (g <= 0.0 || bmd_kepler_arc_from_burnout(f->burnout_radius_m, f->burnout_inertial_speed_m_s,
                                                g, a->earth->gm_m3_s2, &arc, NULL) != 0)
        return g - 0.25 * M_PI; /* flat (or escaping): too flat */
    return g - 0.25 * (M_PI - arc.range_angle_rad);
}

/* One trial of the search: shape x, the last aim's cutoff and azimuth as the warm start. */
typedef struct me_trial {
    double x, g, phi, p;
    bmd_plan plan;
    bmd_flight_summary sum;
} me_trial;

enum { ME_FEASIBLE = 0, ME_INFEASIBLE = -10 };

/* The trial of the flight last aimed in a at shape x. */
static void me_from_last(const aim_eval *a, const aim_state *s, double x, me_trial *t)
{
    t->x = x;
    t->g = me_residual(a);
    t->plan = a->plan;
    t->sum = a->sum;
    t->p = a->plan.cutoff_s > 0.0 ? a->plan.cutoff_s : a->sum.events.burnout_s;
    t->phi = remainder(a->plan.azimuth_rad - s->az_t, 2.0 * M_PI);
}

/* Aim with shape x (full burn first, to learn whether it reaches the target at all); fills t and
 * returns ME_FEASIBLE, ME_INFEASIBLE (the full burn at x falls short, or the aim failed), or a
 * status (> 0). */
static int me_try(aim_eval *a, const aim_state *s0, double x, double phi, double p_init,
                  int budget, me_trial *t)
{
    aim_state s = *s0;
    s.x_me = x;
    s.p_init = p_init;
    if (x != s0->x_pk) {
        aim_obs o;
        int rc = bmd_aim_fly_full(a, &s, x, phi, &o);
        if (rc)
            return rc;
        if (!o.impacted || !(o.s > s.s_t))
            return ME_INFEASIBLE;
        s.s_pk = -INFINITY;
        bmd_aim_note_peak(a, &s, &o, x);
    }
    int rc = bmd_aim_run(a, &s, phi, budget - 1);
    if (rc > 0)
        return rc;
    if (rc != RUN_HIT)
        return ME_INFEASIBLE;
    me_from_last(a, s0, x, t);
    return isfinite(t->g) ? ME_FEASIBLE : ME_INFEASIBLE;
}

static int me_refine(aim_eval *a, aim_state *s, me_trial cur, double slope, double *g_best);

/* The first slope of g in the shape: the burnout angle moves about as the shape does between
 * vertical (x = 0, gamma = 90 deg) and the peak's (x_pk, gamma_pk); the cutoff, later on steeper
 * shapes, takes some back. */
static double me_slope0(const aim_state *s)
{
    return -0.8 * fmax(0.5 * M_PI - s->bo_gamma, 0.1) / fmax(s->x_pk, 0.05);
}

/* The minimum-energy aim from the peak state s (cutoff iteration at the peak shape first).
 * Returns RUN_HIT (the plan and flight of the best trial left in a), RUN_FAILED, RUN_TOO_CLOSE or
 * a status. */
int bmd_aim_min_energy(aim_eval *a, aim_state *s, double phi)
{
    me_trial cur;
    double slope = me_slope0(s);
    /* first shape: g predicted from the peak flight, whose burnout angle the cutoff flight at
     * the peak shape nearly keeps, against the min-energy angle of the target's free-flight
     * range angle (the peak's powered and descent range carried over) */
    int rc = ME_INFEASIBLE;
    bmd_kepler_arc arc;
    if (s->bo_gamma_i > 0.0 &&
        bmd_kepler_arc_from_burnout(s->bo_r, s->bo_v_i, s->bo_gamma_i, a->earth->gm_m3_s2, &arc,
                                    NULL) == 0) {
        double psi_t = arc.range_angle_rad - (s->s_pk - s->s_t) / s->fr.radius_m;
        double g_pred = s->bo_gamma_i - 0.25 * (M_PI - fmax(psi_t, 1e-3));
        double x1 = fmax(0.3 * s->x_pk, fmin(s->x_max, s->x_pk - g_pred / slope));
        rc = me_try(a, s, x1, phi, NAN, AIM_BUDGET, &cur);
        if (rc > 0)
            return rc;
    }
    if (rc != ME_FEASIBLE) { /* the peak shape cut off: it reaches whatever is in reach */
        s->x_me = s->x_pk;
        s->p_init = NAN;
        rc = bmd_aim_run(a, s, phi, AIM_BUDGET);
        if (rc != RUN_HIT)
            return rc;
        me_from_last(a, s, s->x_pk, &cur);
    }
    double g_best;
    return me_refine(a, s, cur, slope, &g_best);
}

/* The secant over the shape from the first trial cur (slope: the first guess of dg/dx); leaves
 * the best trial's plan and flight in a and its |g| in *g_best; RUN_HIT or a status. */
static int me_refine(aim_eval *a, aim_state *s, me_trial cur, double slope, double *g_best)
{
    me_trial best, lo = {0}, hi = {0};
    int have_lo = 0, have_hi = 0; /* bracket: g(lo.x) > 0 (steep side), g(hi.x) < 0 */
    int rc;
    best = cur;
    *g_best = fabs(cur.g);
    if (!isfinite(cur.g))
        return RUN_HIT;
    me_trial prev = cur;
    int have_prev = 0;
    double feasible_x = cur.x;
    for (int k = 0; k < ME_OUTER_MAX && fabs(best.g) > ME_GAMMA_TOL_RAD; k++) {
        if (cur.g > 0.0 && (!have_lo || cur.x > lo.x))
            lo = cur, have_lo = 1;
        if (cur.g < 0.0 && (!have_hi || cur.x < hi.x))
            hi = cur, have_hi = 1;
        if (have_prev && cur.x != prev.x && (cur.g - prev.g) / (cur.x - prev.x) < 0.0)
            slope = (cur.g - prev.g) / (cur.x - prev.x);
        double x = cur.x - cur.g / slope;
        x = fmax(cur.x - 0.5, fmin(cur.x + 0.5, x));
        if (have_lo && have_hi && !(x > lo.x && x < hi.x)) /* regula falsi inside the bracket */
            x = lo.x - lo.g * (hi.x - lo.x) / (hi.g - lo.g);
        x = fmax(1e-4, fmin(s->x_max, x));
        if (!isfinite(x) || fabs(x - cur.x) < 1e-7)
            break;
        me_trial t;
        int budget = ME_BUDGET - a->evaluations;
        if (budget < 4)
            break;
        /* the cutoff and azimuth offset, extrapolated along the last two shapes */
        double p0 = cur.p, phi0 = cur.phi;
        if (have_prev && fabs(cur.x - prev.x) > 1e-9) {
            p0 += (x - cur.x) * (cur.p - prev.p) / (cur.x - prev.x);
            phi0 += (x - cur.x) * (cur.phi - prev.phi) / (cur.x - prev.x);
        }
        if (!isfinite(p0) || !isfinite(phi0))
            p0 = NAN, phi0 = cur.phi; /* no extrapolation: the aim's own warm start */
        rc = me_try(a, s, x, phi0, p0, budget > AIM_BUDGET ? AIM_BUDGET : budget, &t);
        while (rc == ME_INFEASIBLE && fabs(x - feasible_x) > 1e-6 &&
               (budget = ME_BUDGET - a->evaluations) >= 4) {
            x = 0.5 * (x + feasible_x); /* back toward the shapes that reach */
            if (have_lo && have_hi && !(x > lo.x && x < hi.x))
                break;
            rc = me_try(a, s, x, cur.phi, cur.p, budget > AIM_BUDGET ? AIM_BUDGET : budget, &t);
        }
        if (rc != ME_FEASIBLE) {
            if (rc > 0)
                return rc;
            break;
        }
        feasible_x = t.x;
        prev = cur, have_prev = 1;
        cur = t;
        if (fabs(cur.g) < fabs(best.g))
            best = cur;
    }
    a->plan = best.plan;
    a->sum = best.sum;
    *g_best = fabs(best.g);
    return RUN_HIT;
}

int bmd_aim_min_energy_warm(aim_eval *a, aim_state *s, double x, double p, double phi)
{
    /* the full burn at the warm shape: the cutoff's bracket (its burnout time) and the slope */
    aim_obs o;
    int rc = bmd_aim_fly_full(a, s, x, phi, &o);
    if (rc)
        return rc;
    if (!o.impacted || !(o.s > s->s_t))
        return RUN_FAILED;
    s->s_pk = -INFINITY;
    bmd_aim_note_peak(a, s, &o, x);
    s->x_me = x;
    s->p_init = p;
    rc = bmd_aim_run(a, s, phi, AIM_BUDGET - a->evaluations);
    if (rc != RUN_HIT)
        return rc;
    me_trial cur;
    me_from_last(a, s, x, &cur);
    double g_best;
    if ((rc = me_refine(a, s, cur, me_slope0(s), &g_best)))
        return rc;
    return g_best <= ME_GAMMA_TOL_RAD ? RUN_HIT : RUN_FAILED;
}
