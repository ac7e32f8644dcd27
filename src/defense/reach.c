/* Direct computation of the earliest arrival of the kill vehicle at a point (ground range,
 * altitude): scan the launch elevations, find where the trajectory's altitude at that range
 * crosses the target altitude, refine each crossing by bisection on the elevation, keep the
 * earliest. Inside a trajectory the state is interpolated by cubic Hermite polynomials on the
 * recorded Earth-fixed positions and velocities. The reference for the flyout table. */
#include <math.h>
#include <stdlib.h>

#include "bmd/num.h"
#include "defense/interceptor_internal.h"

#define REACH_DT_S 1.0
#define REACH_BISECT_T 48
#define REACH_BISECT_EPS 40

/* The work of one reach computation: inputs and the state buffer. */
typedef struct reach_ctx {
    const bmd_earth *earth;
    const bmd_interceptor *ic;
    const bmd_interceptor_site *site;
    bmd_kv_state *states;
    int max, n;
} reach_ctx;

/* Position (and velocity, when v is not NULL) between states a and b at t: cubic Hermite. */
static void hermite(const bmd_kv_state *a, const bmd_kv_state *b, double t, double r[3],
                    double v[3])
{
    bmd_num_hermite3(a->t_s, a->r_ecef_m, a->v_ecef_m_s, b->t_s, b->r_ecef_m, b->v_ecef_m_s, t, r,
                     v);
}

/* The coordinate being matched: along-track range, or altitude for a vertical target. */
static double coordinate(const reach_ctx *c, const double r[3], int vertical)
{
    return vertical ? bmd_earth_altitude_m(c->earth, r) : bmd_ic_along_range(c->earth, c->site, r);
}

/* Which side of the crossing time t lies on (bmd_num_bisect_side). */
typedef struct crossing_side_ctx {
    const reach_ctx *c;
    const bmd_kv_state *s0, *s1;
    double target;
    int vertical;
} crossing_side_ctx;

static int crossing_side(void *ctx, double t, int *side)
{
    const crossing_side_ctx *x = ctx;
    double r[3];
    hermite(x->s0, x->s1, t, r, NULL);
    *side = coordinate(x->c, r, x->vertical) < x->target ? BMD_NUM_SIDE_A : BMD_NUM_SIDE_B;
    return BMD_SUCCESS;
}

/* First crossing of coordinate == target on the flown trajectory (range: binary search, it grows
 * with time; altitude: linear scan of the ascent). Fills the state there; *found = 0 if none. */
static void crossing(const reach_ctx *c, double target, int vertical, bmd_kv_state *out,
                     int *found)
{
    *found = 0;
    const bmd_kv_state *s = c->states;
    int n = c->n, m = -1;
    if (vertical) {
        for (int i = 0; i + 1 < n && m < 0; i++) {
            double h0 = coordinate(c, s[i].r_ecef_m, 1), h1 = coordinate(c, s[i + 1].r_ecef_m, 1);
            if (h1 < h0)
                return; /* past the apex */
            if (h0 <= target && target <= h1)
                m = i;
        }
    } else {
        if (n < 2 || coordinate(c, s[n - 1].r_ecef_m, 0) < target)
            return;
        int lo = 0, hi = n - 1; /* R(lo) < target <= R(hi) */
        if (coordinate(c, s[0].r_ecef_m, 0) >= target)
            return;
        while (hi - lo > 1) {
            int mid = (lo + hi) / 2;
            if (coordinate(c, s[mid].r_ecef_m, 0) < target)
                lo = mid;
            else
                hi = mid;
        }
        m = lo;
    }
    if (m < 0)
        return;
    double ta = s[m].t_s, tb = s[m + 1].t_s, r[3], v[3];
    crossing_side_ctx side = {c, &s[m], &s[m + 1], target, vertical};
    (void)bmd_num_bisect_side(crossing_side, &side, &ta, &tb, REACH_BISECT_T, 0.0, NULL);
    double t = 0.5 * (ta + tb);
    hermite(&s[m], &s[m + 1], t, r, v);
    for (int k = 0; k < 3; k++) {
        out->r_ecef_m[k] = r[k];
        out->v_ecef_m_s[k] = v[k];
    }
    out->t_s = t;
    bmd_ic_fill_state(c->earth, c->site, out);
    *found = 1;
}

/* Fly elevation eps and evaluate the crossing at the target range (or altitude). */
static int at_elevation(reach_ctx *c, double eps, double target, int vertical, bmd_kv_state *out,
                        int *found, bmd_error *err)
{
    int st = bmd_ic_fly_raw(c->earth, c->ic, c->site, eps, REACH_DT_S, c->states, c->max, &c->n, err);
    if (st)
        return st;
    crossing(c, target, vertical, out, found);
    return BMD_SUCCESS;
}

/* A bisection on the elevation (bmd_num_bisect_side): fly it, see where its trajectory crosses the
 * target range. refine: the side of the sign of altitude - h at the range (f0's sign: a's side);
 * find_edge: whether the range is reached at all (reached: a's side). */
typedef struct elevation_side_ctx {
    reach_ctx *c;
    double range, h;
    int f0_negative; /* refine: the sign of f at a; -1: find_edge */
    bmd_error *err;
} elevation_side_ctx;

static int elevation_side(void *ctx, double eps, int *side)
{
    elevation_side_ctx *x = ctx;
    bmd_kv_state s;
    int found, st;
    if ((st = at_elevation(x->c, eps, x->range, 0, &s, &found, x->err)))
        return st;
    if (x->f0_negative < 0)
        *side = found ? BMD_NUM_SIDE_A : BMD_NUM_SIDE_B;
    else if (!found)
        *side = BMD_NUM_SIDE_NONE; /* a hole in the fan: keep the bracket found so far */
    else
        *side = ((s.altitude_m - x->h) < 0) == x->f0_negative ? BMD_NUM_SIDE_A : BMD_NUM_SIDE_B;
    return BMD_SUCCESS;
}

/* Refine a sign change of altitude(R) - h between elevations e0 (f0) and e1 by bisection;
 * keeps the result in *best if it is earlier. */
static int refine(reach_ctx *c, double e0, double f0, double e1, double range, double h,
                  bmd_kv_state *best, double *best_eps, bmd_error *err)
{
    bmd_kv_state s;
    int found = 0, st;
    elevation_side_ctx side = {c, range, h, f0 < 0, err};
    if ((st = bmd_num_bisect_side(elevation_side, &side, &e0, &e1, REACH_BISECT_EPS, 0.0, NULL)))
        return st;
    double e = 0.5 * (e0 + e1);
    if ((st = at_elevation(c, e, range, 0, &s, &found, err)))
        return st;
    if (found && fabs(s.altitude_m - h) < 1.0 && s.t_s < best->t_s) {
        *best = s;
        *best_eps = e;
    }
    return BMD_SUCCESS;
}

/* Fill an unreachable answer. */
static void unreachable(bmd_reach *out, bmd_reach_reason reason)
{
    out->reachable = 0;
    out->reason = reason;
    out->t_s = INFINITY;
    out->speed_m_s = NAN;
    out->gamma_rad = NAN;
    out->elevation_rad = NAN;
}

/* Between a defined elevation e_def (where the trajectory reaches the range) and an undefined
 * one, find the edge of the defined interval by bisection; *e_edge and *f_edge get the defined
 * elevation nearest the edge and its altitude difference. */
static int find_edge(reach_ctx *c, double e_def, double e_undef, double range, double h,
                     double *e_edge, double *f_edge, bmd_error *err)
{
    bmd_kv_state s;
    int found, st;
    elevation_side_ctx side = {c, range, h, -1, err};
    if ((st = bmd_num_bisect_side(elevation_side, &side, &e_def, &e_undef, REACH_BISECT_EPS, 0.0,
                                  NULL)))
        return st;
    if ((st = at_elevation(c, e_def, range, 0, &s, &found, err)))
        return st;
    *e_edge = e_def;
    *f_edge = found ? s.altitude_m - h : NAN;
    return BMD_SUCCESS;
}

/* Scan the elevations and refine every crossing; *best keeps the earliest. Where the set of
 * elevations that reach the range ends between two scan points, its edge is located too, so
 * crossings between the last scan point and the edge are not missed. */
static int scan(reach_ctx *c, double range, double h, int n_scan, bmd_kv_state *best,
                double *best_eps, bmd_error *err)
{
    const bmd_interceptor *ic = c->ic;
    double e_prev = 0, f_prev = 0;
    int have_prev = 0, st;
    for (int j = 0; j < n_scan; j++) {
        double e = ic->min_elevation_rad +
                   (ic->max_elevation_rad - ic->min_elevation_rad) * j / (n_scan - 1);
        bmd_kv_state s;
        int found;
        if ((st = at_elevation(c, e, range, 0, &s, &found, err)))
            return st;
        if (found != have_prev && j > 0) {
            /* The defined interval starts or ends between e_prev and e. */
            double e_def = found ? e : e_prev, e_undef = found ? e_prev : e;
            double f_def = found ? s.altitude_m - h : f_prev, e_edge, f_edge;
            if ((st = find_edge(c, e_def, e_undef, range, h, &e_edge, &f_edge, err)))
                return st;
            if (isfinite(f_edge) && (f_edge < 0) != (f_def < 0) &&
                (st = refine(c, e_edge, f_edge, e_def, range, h, best, best_eps, err)))
                return st;
        }
        if (!found) {
            e_prev = e;
            have_prev = 0;
            continue;
        }
        double f = s.altitude_m - h;
        if (f == 0.0 && s.t_s < best->t_s) {
            *best = s;
            *best_eps = e;
        }
        if (have_prev && (f < 0) != (f_prev < 0) &&
            (st = refine(c, e_prev, f_prev, e, range, h, best, best_eps, err)))
            return st;
        e_prev = e;
        f_prev = f;
        have_prev = 1;
    }
    return BMD_SUCCESS;
}

int bmd_interceptor_reach(const bmd_earth *earth, const bmd_interceptor *ic,
                          const bmd_interceptor_site *site, double ground_range_m,
                          double altitude_m, int n_scan, bmd_reach *out, bmd_error *err)
{
    bmd_error_clear(err);
    int st;
    if (!earth || !out)
        return bmd_error_set(err, BMD_EINVAL, "interceptor reach: earth and out must be given");
    if ((st = bmd_interceptor_validate(ic, err)) || (st = bmd_ic_check_site(site, err)))
        return st;
    if (!isfinite(ground_range_m) || ground_range_m < 0.0)
        return bmd_error_set(err, BMD_EINVAL, "ground range %g m is invalid: it must be finite "
                             "and >= 0", ground_range_m);
    if (!isfinite(altitude_m) || altitude_m < 0.0)
        return bmd_error_set(err, BMD_EINVAL, "altitude %g m is invalid: it must be finite and "
                             ">= 0", altitude_m);
    if (n_scan == 0)
        n_scan = 61;
    if (n_scan < 2 || n_scan > 100000)
        return bmd_error_set(err, BMD_EINVAL, "elevation scan of %d trajectories: 2 to 100,000 "
                             "allowed (0 for the default 61)", n_scan);
    if (altitude_m < ic->min_altitude_m) {
        unreachable(out, BMD_REACH_BELOW_FLOOR);
        return BMD_SUCCESS;
    }
    if (altitude_m > ic->max_altitude_m) {
        unreachable(out, BMD_REACH_ABOVE_CEILING);
        return BMD_SUCCESS;
    }
    reach_ctx c = {earth, ic, site, NULL, bmd_ic_states_needed(ic, REACH_DT_S), 0};
    c.states = malloc(sizeof *c.states * (size_t)c.max);
    if (!c.states)
        return bmd_error_set(err, BMD_ENOMEM, "out of memory for %d interceptor states", c.max);
    bmd_kv_state best = {.t_s = INFINITY};
    double best_eps = NAN;
    if (ground_range_m == 0.0) {
        int found = 0;
        if (ic->max_elevation_rad >= 1.5707963267948966 &&
            (st = at_elevation(&c, ic->max_elevation_rad, altitude_m, 1, &best, &found, err)) ==
                BMD_SUCCESS &&
            found)
            best_eps = ic->max_elevation_rad;
        if (!found)
            best.t_s = INFINITY;
    } else {
        st = scan(&c, ground_range_m, altitude_m, n_scan, &best, &best_eps, err);
    }
    free(c.states);
    if (st)
        return st;
    if (!isfinite(best.t_s)) {
        unreachable(out, BMD_REACH_OUT_OF_REACH);
        return BMD_SUCCESS;
    }
    out->reachable = 1;
    out->reason = BMD_REACH_OK;
    out->t_s = best.t_s;
    out->speed_m_s = best.speed_m_s;
    out->gamma_rad = best.gamma_rad;
    out->elevation_rad = best_eps;
    return BMD_SUCCESS;
}
