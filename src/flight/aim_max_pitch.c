/* The pitch program's maximum range over its two controls, the final pitch angle (the shape
 * parameter x) and the pitch end time te: Powell's conjugate-direction method (Powell, Computer J.
 * 7, 1964; Press et al., Numerical Recipes 3rd ed. §10.7). A round maximises along te, then x, then
 * along the round's net displacement (the ridge of the range surface, on which te and x move
 * together); it stops when a round adds less than POWELL_RTOL of the range. Coordinate rounds alone
 * crawl along that ridge: two of them left the Shahab-3-class range 6 km short and jittering by
 * +-0.7 km between payloads 5 kg apart (docs/physics.md, "Maximum range"). */
#include "flight/aim_internal.h"
#include "bmd/num.h"

#include <math.h>

#define POWELL_ROUNDS 8
#define POWELL_RTOL 1e-5    /* a round adding less than this fraction of the range ends it */
#define TE_TOL_S 0.02       /* accuracy of the pitch end time */

/* The line p0 + t d in (te, x), flown by minus_range_line. */
typedef struct line_ctx {
    aim_eval *a;
    double te0, x0, dte, dx;
} line_ctx;

static void set_line(const line_ctx *c, double t)
{
    c->a->plan.pitch_end_s = c->te0 + t * c->dte;
    bmd_aim_set_shape(&c->a->plan, c->x0 + t * c->dx);
}

/* -range at t (bmd_num_fn); the status of the flight. */
static int minus_range_line(void *ctx, double t, double *f)
{
    line_ctx *c = ctx;
    set_line(c, t);
    *f = bmd_aim_fly(c->a) ? 1.0 : -bmd_aim_range_of(c->a);
    return c->a->rc;
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

static void set_pitch_end(bmd_plan *p, double te) { p->pitch_end_s = te; }

int bmd_aim_max_pitch_program(aim_eval *a, double te_lo, double te_hi, double x_tol,
                              double *x_best, double *r_best)
{
    double x = *x_best, r = *r_best, te = a->plan.pitch_end_s;
    double x_hi = bmd_aim_shape_max(&a->plan);
    if (!(te >= te_lo && te <= te_hi))
        te = 0.5 * (te_lo + te_hi);
    int rc;
    double dte_last = INFINITY, dx_last = 0.3;
    for (int round = 0; round < POWELL_ROUNDS; round++) {
        double te_start = te, x_start = x, r_start = r, te_new, x_new, r1, r2;
        /* the first round searches te's whole bracket, later ones around the last point */
        double wte = fmax(1.0, 3.0 * dte_last);
        bmd_aim_set_shape(&a->plan, x);
        if ((rc = bmd_aim_maximize_range(a, set_pitch_end, fmax(te_lo, te - wte),
                                         fmin(te_hi, te + wte), TE_TOL_S, INFINITY, &te_new, &r1)))
            return rc;
        if (r1 > r) {
            te = te_new;
            r = r1;
        }
        a->plan.pitch_end_s = te;
        double width = fmin(0.3, fmax(0.01, 3.0 * dx_last));
        if ((rc = bmd_aim_maximize_range(a, bmd_aim_set_shape, fmax(0.0, x - width),
                                         fmin(x_hi, x + width), x_tol, INFINITY, &x_new, &r2)))
            return rc;
        if (r2 > r) {
            x = x_new;
            r = r2;
        }
        /* along the round's displacement: from the start through the new point and beyond */
        line_ctx c = {a, te_start, x_start, te - te_start, x - x_start};
        if (fabs(c.dte) > TE_TOL_S || fabs(c.dx) > x_tol) {
            double t_hi = fmin(4.0, fmin(t_room(te_start, c.dte, te_lo, te_hi),
                                         t_room(x_start, c.dx, 0.0, x_hi)));
            double tol = fmin(fabs(c.dte) > 0 ? TE_TOL_S / fabs(c.dte) : INFINITY,
                              fabs(c.dx) > 0 ? x_tol / fabs(c.dx) : INFINITY);
            if (t_hi > 1.0 + tol) {
                const bmd_num_min_options opt = {.xtol = tol, .rtol = 1e-10, .max_iter = 60,
                                                 .f_stop = -INFINITY};
                double t, f;
                if ((rc = bmd_num_brent_min(minus_range_line, &c, 0.5, t_hi, &opt, a->err, &t,
                                            &f)))
                    return rc;
                if (-f > r) {
                    te = c.te0 + t * c.dte;
                    x = c.x0 + t * c.dx;
                    r = -f;
                }
            }
        }
        dte_last = fabs(te - te_start);
        dx_last = fabs(x - x_start);
        if (r - r_start < POWELL_RTOL * r)
            break;
    }
    a->plan.pitch_end_s = te;
    bmd_aim_set_shape(&a->plan, x);
    *x_best = x;
    *r_best = r;
    return BMD_SUCCESS;
}
