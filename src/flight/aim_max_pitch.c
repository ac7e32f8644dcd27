/* The pitch program's maximum range over its two controls, the final pitch angle (the shape
 * parameter x) and the pitch end time te: Powell's conjugate-direction method (Powell, Computer J.
 * 7, 1964; Press et al., Numerical Recipes 3rd ed. §10.7). A round maximises along each of two
 * directions, then along the round's net displacement, which then replaces the older direction:
 * the first round's directions are te and x, later ones follow the ridge of the range surface (on
 * which te and x move together). It stops when a round adds less than POWELL_RTOL of the range.
 * Coordinate rounds alone crawl along that ridge: two of them left the Shahab-3-class range 6 km
 * short and jittering by +-0.7 km between payloads 5 kg apart (docs/physics.md, "Maximum range").
 * Cost (bench/bench_aim_max_pitch.c): every line search after the first starts at the current
 * point (the first point of Brent's search is placed on it, and a small table of the flights
 * made answers it without flying); the first round, far from the maximum, searches to 10 times
 * the final tolerances. Within 1 s of a bound of te (the short-burning no-dong's maximum sits on
 * te = rise + 1 s), where the ridge directions cannot slide along the bound, the rounds go along
 * te and x alone. */
#include "flight/aim_internal.h"
#include "bmd/num.h"

#include <math.h>

#define POWELL_ROUNDS 8
#define POWELL_RTOL 1e-5    /* a round adding less than this fraction of the range ends it */
#define TE_TOL_S 0.02       /* accuracy of the pitch end time */
#define X_WIDTH_MAX 0.3     /* largest half-width searched along x (rad) */
#define MIN_WIDTH_TOLS 50.0 /* smallest reach of a line search, in its tolerances */
#define REACH_MOVES 3.0     /* a line search reaches this many times its direction's last move */
#define FIRST_ROUND_LOOSER 10.0 /* the first round's tolerances, times the final ones */
#define NEAR_BOUND_S 1.0    /* this near a bound of te, search along te and x alone */
#define MEMO_N 32           /* flights remembered */
/* Brent's search of [lo, hi] starts at lo + 0.381966 (hi - lo): with lo = -GOLD_BACK hi that
 * is 0, the current point, already flown */
#define GOLD_BACK 0.6180339887498949

/* The search state: the evaluator, the bounds, the flights made and the line being searched. */
typedef struct pitch_search {
    aim_eval *a;
    double te_lo, te_hi, x_hi, x_tol_final;
    double te_tol, x_tol; /* TE_TOL_S and x_tol_final, looser in the first round */
    int n_memo;
    double memo_te[MEMO_N], memo_x[MEMO_N], memo_r[MEMO_N];
    double te0, x0, dte, dx; /* the line te0 + t dte, x0 + t dx */
} pitch_search;

/* Range (m) of the plan with pitch end te and shape x: from the table of flights made, else
 * flown; the status of the flight. */
static int range_at(pitch_search *s, double te, double x, double *r)
{
    int n = s->n_memo < MEMO_N ? s->n_memo : MEMO_N;
    for (int k = 0; k < n; k++)
        if (s->memo_te[k] == te && s->memo_x[k] == x) {
            *r = s->memo_r[k];
            return BMD_SUCCESS;
        }
    s->a->plan.pitch_end_s = te;
    bmd_aim_set_shape(&s->a->plan, x);
    if (bmd_aim_fly(s->a))
        return s->a->rc;
    *r = bmd_aim_range_of(s->a);
    int k = s->n_memo++ % MEMO_N;
    s->memo_te[k] = te, s->memo_x[k] = x, s->memo_r[k] = *r;
    return BMD_SUCCESS;
}

/* -range at t on the line (bmd_num_fn); the status of the flight. */
static int minus_range_line(void *ctx, double t, double *f)
{
    pitch_search *s = ctx;
    double r = 0.0;
    int rc = range_at(s, s->te0 + t * s->dte, s->x0 + t * s->dx, &r);
    *f = rc ? 1.0 : -r;
    return rc;
}

/* Largest t >= 0 with lo <= v0 + t dv <= hi (INFINITY when dv is 0). */
static double t_room(double v0, double dv, double lo, double hi)
{
    if (dv > 0)
        return (hi - v0) / dv;
    if (dv < 0)
        return (lo - v0) / dv;
    return INFINITY;
}

/* Maximise the range along (*te, *x) + t (dte, dx) over t in [-GOLD_BACK reach, reach] (within
 * the bounds; t = 0 is the current point, of range *r); moves the point there when farther and
 * returns the move in t (0: stayed). A tolerance of TE_TOL_S in te and x_tol in x. */
static int line_max(pitch_search *s, double dte, double dx, double reach, double *te, double *x,
                    double *r, double *t_moved)
{
    *t_moved = 0.0;
    double t_fw = fmin(reach, fmin(t_room(*te, dte, s->te_lo, s->te_hi),
                                   t_room(*x, dx, 0.0, s->x_hi)));
    double t_bw = fmin(GOLD_BACK * reach, fmin(t_room(*te, -dte, s->te_lo, s->te_hi),
                                               t_room(*x, -dx, 0.0, s->x_hi)));
    double tol = fmin(dte != 0 ? s->te_tol / fabs(dte) : INFINITY,
                      dx != 0 ? s->x_tol / fabs(dx) : INFINITY);
    if (!(t_fw + t_bw > 2.0 * tol))
        return BMD_SUCCESS;
    s->te0 = *te, s->x0 = *x, s->dte = dte, s->dx = dx;
    const bmd_num_min_options opt = {.xtol = tol, .rtol = 1e-10, .max_iter = 60,
                                     .f_stop = -INFINITY};
    double t, f;
    int rc = bmd_num_brent_min(minus_range_line, s, -t_bw, t_fw, &opt, s->a->err, &t, &f);
    if (rc)
        return rc;
    if (-f > *r) {
        *te = s->te0 + t * dte;
        *x = s->x0 + t * dx;
        *r = -f;
        *t_moved = t;
    }
    return BMD_SUCCESS;
}

/* One search direction: (dte, dx) is its reach, the move its line search may make. */
typedef struct direction {
    double dte, dx;
} direction;

/* The reach of a direction after a move t of it: REACH_MOVES times the move (pointing the way
 * it moved), at least MIN_WIDTH_TOLS tolerances, x within X_WIDTH_MAX. */
static direction next_reach(const pitch_search *s, direction d, double t)
{
    double len_tol = fmax(fabs(d.dte) / TE_TOL_S, fabs(d.dx) / s->x_tol_final); /* in tolerances */
    double scale = fmax(REACH_MOVES * fabs(t), MIN_WIDTH_TOLS / len_tol);
    if (fabs(d.dx) * scale > X_WIDTH_MAX)
        scale = X_WIDTH_MAX / fabs(d.dx);
    if (t < 0)
        scale = -scale;
    return (direction){d.dte * scale, d.dx * scale};
}

int bmd_aim_max_pitch_program(aim_eval *a, double te_lo, double te_hi, double x_tol,
                              double *x_best, double *r_best)
{
    pitch_search s = {.a = a, .te_lo = te_lo, .te_hi = te_hi, .x_hi = bmd_aim_shape_max(&a->plan),
                      .x_tol_final = x_tol,
                      .x_tol = FIRST_ROUND_LOOSER * x_tol, .te_tol = FIRST_ROUND_LOOSER * TE_TOL_S};
    double x = *x_best, r = *r_best, te = a->plan.pitch_end_s;
    if (!(te >= te_lo && te <= te_hi))
        te = 0.5 * (te_lo + te_hi);
    int rc, coordinate = 1; /* the directions are te and x */
    /* the first round: te over its whole bracket (from its start), x within +-X_WIDTH_MAX */
    direction dir[2] = {{te_hi - te_lo, 0.0}, {0.0, X_WIDTH_MAX}};
    for (int round = 0; round < POWELL_ROUNDS; round++) {
        double te_start = te, x_start = x, r_start = r, t;
        if (round == 1)
            s.te_tol = TE_TOL_S, s.x_tol = x_tol;
        for (int k = 0; k < 2; k++) {
            if (round == 0 && k == 0) {
                /* te over its whole bracket: Brent from its golden point, not from te */
                bmd_aim_set_shape(&a->plan, x);
                s.te0 = te_lo, s.x0 = x, s.dte = 1.0, s.dx = 0.0;
                const bmd_num_min_options opt = {.xtol = s.te_tol, .rtol = 1e-10,
                                                 .max_iter = 60, .f_stop = -INFINITY};
                double f;
                if ((rc = bmd_num_brent_min(minus_range_line, &s, 0.0, te_hi - te_lo, &opt,
                                            a->err, &t, &f)))
                    return rc;
                double te_new = te_lo + t;
                t = 0.0;
                if (-f > r) {
                    t = (te_new - te) / (te_hi - te_lo);
                    te = te_new;
                    r = -f;
                }
            } else if ((rc = line_max(&s, dir[k].dte, dir[k].dx, 1.0, &te, &x, &r, &t))) {
                return rc;
            }
            dir[k] = next_reach(&s, dir[k], t);
        }
        /* near a bound of te the ridge directions cannot slide along it: te and x alone */
        int near_bound = te - te_lo <= NEAR_BOUND_S || te_hi - te <= NEAR_BOUND_S;
        if (near_bound) {
            /* Brent's search never flies the end of its interval: the bound itself */
            double te_b = te - te_lo <= NEAR_BOUND_S ? te_lo : te_hi, r_b = 0.0;
            if ((rc = range_at(&s, te_b, x, &r_b)))
                return rc;
            if (r_b > r)
                te = te_b, r = r_b;
            if (r - r_start < POWELL_RTOL * r && coordinate)
                break;
            if (!coordinate) {
                dir[0] = next_reach(&s, (direction){TE_TOL_S, 0.0}, 0.0);
                dir[1] = next_reach(&s, (direction){0.0, x_tol}, 0.0);
                coordinate = 1;
            }
            continue;
        }
        /* along the round's displacement, which replaces the older direction */
        direction disp = {te - te_start, x - x_start};
        if (fabs(disp.dte) > TE_TOL_S || fabs(disp.dx) > x_tol) {
            if ((rc = line_max(&s, disp.dte, disp.dx, REACH_MOVES, &te, &x, &r, &t)))
                return rc;
            direction d_new = next_reach(&s, disp, 1.0 + fabs(t));
            /* keep the pair independent: a displacement along the newer direction replaces it */
            double c = (d_new.dte * dir[1].dte / TE_TOL_S / TE_TOL_S +
                        d_new.dx * dir[1].dx / x_tol / x_tol) /
                       (hypot(d_new.dte / TE_TOL_S, d_new.dx / x_tol) *
                        hypot(dir[1].dte / TE_TOL_S, dir[1].dx / x_tol));
            if (fabs(c) < 0.99)
                dir[0] = dir[1];
            dir[1] = d_new;
        }
        if (r - r_start < POWELL_RTOL * r)
            break;
        coordinate = 0;
    }
    a->plan.pitch_end_s = te;
    bmd_aim_set_shape(&a->plan, x);
    *x_best = x;
    *r_best = r;
    return BMD_SUCCESS;
}
