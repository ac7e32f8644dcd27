/* Adaptive Runge-Kutta integration: Dormand & Prince's DOP853 with dense output (the events
 * driver is in ode_run.c).
 *
 * The method, its error estimate and step-size control follow the description of DOP853 in
 * Hairer, Norsett & Wanner, Solving Ordinary Differential Equations I, 2nd ed. (1993),
 * sec. II.4 (step control, starting step), II.6 (dense output) and II.10 (the 8(5,3) pair).
 * See include/bmd/ode.h for the API and src/flight/dop853_tableau.h for the coefficients. */
#include "bmd/ode.h"

/* No auto-vectorisation here: every stage reads the derivatives the rhs has just stored one
 * double at a time, and 16- or 32-byte loads of them stall on store forwarding. For the small
 * systems this integrator is for (6-16 components) scalar code is ~25% faster per step
 * (measured with bench/bench_integrator). */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC optimize("no-tree-vectorize")
#endif

#include <float.h>
#include <limits.h>
#include <math.h>
#include <string.h>

#include "flight/dop853_tableau.h"
#include "flight/ode_internal.h"

/* Step-size control constants (Hairer's dop853 defaults): safety factor, the new step is kept
 * within [FAC_MIN, FAC_MAX] times the old one. Hairer's stabilisation parameter beta is 0 (its
 * dop853 default); instead the predictive controller below damps the reject/accept cycles. */
#define SAFETY 0.9
#define FAC_MIN 0.333
#define FAC_MAX 6.0

/* Shorthands for the tableau (constant-folded by the compiler). */
#define A(i, j) (BMD_DOP853.a[i][j])
#define C(i) (BMD_DOP853.c[i])
#define B(j) (BMD_DOP853.b[j])
#define E5(j) (BMD_DOP853.e5[j])
#define E3(j) (BMD_DOP853.b[j] - BMD_DOP853.bhh[j])
#define D(r, j) (BMD_DOP853.d[r][j])

void bmd_ode_options_init(bmd_ode_options *opt)
{
    if (!opt)
        return;
    opt->rtol = 1e-9;
    opt->atol = 1e-6;
    opt->h_initial = 0.0;
    opt->h_max = 0.0;
    opt->event_tol = 1e-9;
    opt->max_steps = 1000000;
}

/* Evaluate the right-hand side, count it and check its status and that every value is finite. */
int bmd_ode_internal_eval_rhs(bmd_ode *ode, double t, const double *y, double *dydt, bmd_error *err)
{
    const int n = ode->sys.dim;
    ode->n_rhs++;
    int rc = ode->sys.rhs(t, y, dydt, ode->sys.ctx);
    if (rc != 0)
        return bmd_error_set(err, BMD_EBADFUNC,
                             "right-hand side returned status %d at t = %.17g s", rc, t);
    /* element by element (a loop with an early exit is not vectorised: wide loads of values the
     * rhs has just stored one by one would stall on store forwarding) */
    for (int i = 0; i < n; i++) {
        if (!isfinite(dydt[i]))
            return bmd_error_set(err, BMD_EBADFUNC,
                                 "right-hand side component %d is %g at t = %.17g s; it must be "
                                 "finite", i, dydt[i], t);
    }
    return BMD_SUCCESS;
}

/* Check the options: rtol > 0, atol >= 0, event_tol > 0, h_initial >= 0, h_max >= 0, all finite,
 * and max_steps > 0. */
static int check_options(const bmd_ode_options *o, bmd_error *err)
{
    if (!(o->rtol > 0.0) || !isfinite(o->rtol))
        return bmd_error_set(err, BMD_EINVAL, "rtol %g is not allowed; it must be positive and finite",
                             o->rtol);
    if (!(o->atol >= 0.0) || !isfinite(o->atol))
        return bmd_error_set(err, BMD_EINVAL,
                             "atol %g is not allowed; it must be zero or positive and finite", o->atol);
    if (!(o->event_tol > 0.0) || !isfinite(o->event_tol))
        return bmd_error_set(err, BMD_EINVAL,
                             "event_tol %g s is not allowed; it must be positive and finite",
                             o->event_tol);
    if (!(o->h_initial >= 0.0) || !isfinite(o->h_initial))
        return bmd_error_set(err, BMD_EINVAL,
                             "h_initial %g s is not allowed; it must be 0 (automatic) or positive",
                             o->h_initial);
    if (!(o->h_max >= 0.0) || !isfinite(o->h_max))
        return bmd_error_set(err, BMD_EINVAL,
                             "h_max %g s is not allowed; it must be 0 (no limit) or positive", o->h_max);
    if (o->max_steps <= 0)
        return bmd_error_set(err, BMD_EINVAL, "max_steps %ld is not allowed; it must be positive",
                             o->max_steps);
    return BMD_SUCCESS;
}

int bmd_ode_init(bmd_ode *ode, const bmd_ode_system *sys, const bmd_ode_options *opt, double t0,
                 const double *y0, bmd_error *err)
{
    if (!ode || !sys || !y0)
        return bmd_error_set(err, BMD_EINVAL, "ode, sys and y0 must not be NULL");
    if (!sys->rhs)
        return bmd_error_set(err, BMD_EINVAL, "the right-hand side function must not be NULL");
    if (sys->dim < 1 || sys->dim > BMD_ODE_MAX_DIM)
        return bmd_error_set(err, BMD_EINVAL, "dimension %d is not allowed; it must be 1..%d",
                             sys->dim, BMD_ODE_MAX_DIM);
    bmd_ode_options o;
    if (opt)
        o = *opt;
    else
        bmd_ode_options_init(&o);
    int rc = check_options(&o, err);
    if (rc)
        return rc;
    if (!isfinite(t0))
        return bmd_error_set(err, BMD_EINVAL, "start time %g s is not finite", t0);
    for (int i = 0; i < sys->dim; i++) {
        if (!isfinite(y0[i]))
            return bmd_error_set(err, BMD_EINVAL, "initial state component %d is %g; it must be finite",
                                 i, y0[i]);
    }

    memset(ode, 0, sizeof *ode);
    ode->sys = *sys;
    ode->opt = o;
    ode->t = t0;
    ode->t_prev = t0;
    ode->h = o.h_initial;
    ode->err_old = 1e-4;
    if (o.h_max > 0.0 && ode->h > o.h_max)
        ode->h = o.h_max;
    memcpy(ode->y, y0, (size_t)sys->dim * sizeof(double));
    memcpy(ode->y_prev, y0, (size_t)sys->dim * sizeof(double));
    rc = bmd_ode_internal_eval_rhs(ode, t0, ode->y, ode->f, err);
    if (rc)
        return rc;
    memcpy(ode->f_prev, ode->f, (size_t)sys->dim * sizeof(double));
    return BMD_SUCCESS;
}

/* Hairer's starting step (Solving ODEs I, sec. II.4, "Starting step size"; code HINIT): an
 * explicit Euler probe estimates the second derivative, and h is chosen so that
 * h^8 * max(|f|, |f'|) ~ 0.01 in the weighted norm. One rhs evaluation. As in dop853, whose
 * HMAX defaults to XEND - X, neither the probe nor the step reaches beyond t_limit: the
 * right-hand side may be undefined there (a rocket stage past its burnout has no mass left). */
static int initial_step(bmd_ode *ode, double t_limit, double *h_out, bmd_error *err)
{
    const int n = ode->sys.dim;
    const double rtol = ode->opt.rtol, atol = ode->opt.atol;
    double hmax = t_limit - ode->t;
    if (ode->opt.h_max > 0.0 && ode->opt.h_max < hmax)
        hmax = ode->opt.h_max;
    double dnf = 0.0, dny = 0.0;
    double sk[BMD_ODE_MAX_DIM], y1[BMD_ODE_MAX_DIM] = {0}, f1[BMD_ODE_MAX_DIM];
    for (int i = 0; i < n; i++) {
        sk[i] = fmax(atol + rtol * fabs(ode->y[i]), DBL_MIN);
        dnf += (ode->f[i] / sk[i]) * (ode->f[i] / sk[i]);
        dny += (ode->y[i] / sk[i]) * (ode->y[i] / sk[i]);
    }
    double h = (dnf <= 1e-10 || dny <= 1e-10) ? 1e-6 : 0.01 * sqrt(dny / dnf);
    if (!(h > 0.0) || !isfinite(h))
        h = 1e-6; /* atol = 0 and a component starting at 0 with nonzero slope: dnf = inf */
    if (h > hmax)
        h = hmax;
    for (int i = 0; i < n; i++)
        y1[i] = ode->y[i] + h * ode->f[i];
    int rc = bmd_ode_internal_eval_rhs(ode, ode->t + h, y1, f1, err);
    if (rc)
        return rc;
    double der2 = 0.0;
    for (int i = 0; i < n; i++) {
        double d = (f1[i] - ode->f[i]) / sk[i];
        der2 += d * d;
    }
    der2 = sqrt(der2) / h;
    double der12 = fmax(der2, sqrt(dnf));
    double h1 = der12 <= 1e-15 ? fmax(1e-6, h * 1e-3) : pow(0.01 / der12, 1.0 / 8.0);
    if (h1 > 0.0)
        h = fmin(100.0 * h, h1);
    if (h > hmax)
        h = hmax;
    *h_out = h;
    return BMD_SUCCESS;
}

/* One attempt of size h from (t, y, f = k[0]): the stages 1..11 into k[1..11] and the 8th-order
 * solution into y_new; returns the scaled error (<= 1 means acceptable) in *err_out. */
static int attempt(bmd_ode *ode, double h, double *y_new, double *err_out, bmd_error *err)
{
    const int n = ode->sys.dim;
    const double t = ode->t;
    const double *y = ode->y;
    double (*k)[BMD_ODE_MAX_DIM] = ode->k;
    double ys[BMD_ODE_MAX_DIM];
    int rc;
    int i;

    for (i = 0; i < n; i++)
        ys[i] = y[i] + h * A(1, 0) * k[0][i];
    if ((rc = bmd_ode_internal_eval_rhs(ode, t + C(1) * h, ys, k[1], err)))
        return rc;
    for (i = 0; i < n; i++)
        ys[i] = y[i] + h * (A(2, 0) * k[0][i] + A(2, 1) * k[1][i]);
    if ((rc = bmd_ode_internal_eval_rhs(ode, t + C(2) * h, ys, k[2], err)))
        return rc;
    for (i = 0; i < n; i++)
        ys[i] = y[i] + h * (A(3, 0) * k[0][i] + A(3, 2) * k[2][i]);
    if ((rc = bmd_ode_internal_eval_rhs(ode, t + C(3) * h, ys, k[3], err)))
        return rc;
    for (i = 0; i < n; i++)
        ys[i] = y[i] + h * (A(4, 0) * k[0][i] + A(4, 2) * k[2][i] + A(4, 3) * k[3][i]);
    if ((rc = bmd_ode_internal_eval_rhs(ode, t + C(4) * h, ys, k[4], err)))
        return rc;
    for (i = 0; i < n; i++)
        ys[i] = y[i] + h * (A(5, 0) * k[0][i] + A(5, 3) * k[3][i] + A(5, 4) * k[4][i]);
    if ((rc = bmd_ode_internal_eval_rhs(ode, t + C(5) * h, ys, k[5], err)))
        return rc;
    for (i = 0; i < n; i++)
        ys[i] = y[i] + h * (A(6, 0) * k[0][i] + A(6, 3) * k[3][i] + A(6, 4) * k[4][i] +
                            A(6, 5) * k[5][i]);
    if ((rc = bmd_ode_internal_eval_rhs(ode, t + C(6) * h, ys, k[6], err)))
        return rc;
    for (i = 0; i < n; i++)
        ys[i] = y[i] + h * (A(7, 0) * k[0][i] + A(7, 3) * k[3][i] + A(7, 4) * k[4][i] +
                            A(7, 5) * k[5][i] + A(7, 6) * k[6][i]);
    if ((rc = bmd_ode_internal_eval_rhs(ode, t + C(7) * h, ys, k[7], err)))
        return rc;
    for (i = 0; i < n; i++)
        ys[i] = y[i] + h * (A(8, 0) * k[0][i] + A(8, 3) * k[3][i] + A(8, 4) * k[4][i] +
                            A(8, 5) * k[5][i] + A(8, 6) * k[6][i] + A(8, 7) * k[7][i]);
    if ((rc = bmd_ode_internal_eval_rhs(ode, t + C(8) * h, ys, k[8], err)))
        return rc;
    for (i = 0; i < n; i++)
        ys[i] = y[i] + h * (A(9, 0) * k[0][i] + A(9, 3) * k[3][i] + A(9, 4) * k[4][i] +
                            A(9, 5) * k[5][i] + A(9, 6) * k[6][i] + A(9, 7) * k[7][i] +
                            A(9, 8) * k[8][i]);
    if ((rc = bmd_ode_internal_eval_rhs(ode, t + C(9) * h, ys, k[9], err)))
        return rc;
    for (i = 0; i < n; i++)
        ys[i] = y[i] + h * (A(10, 0) * k[0][i] + A(10, 3) * k[3][i] + A(10, 4) * k[4][i] +
                            A(10, 5) * k[5][i] + A(10, 6) * k[6][i] + A(10, 7) * k[7][i] +
                            A(10, 8) * k[8][i] + A(10, 9) * k[9][i]);
    if ((rc = bmd_ode_internal_eval_rhs(ode, t + C(10) * h, ys, k[10], err)))
        return rc;
    for (i = 0; i < n; i++)
        ys[i] = y[i] + h * (A(11, 0) * k[0][i] + A(11, 3) * k[3][i] + A(11, 4) * k[4][i] +
                            A(11, 5) * k[5][i] + A(11, 6) * k[6][i] + A(11, 7) * k[7][i] +
                            A(11, 8) * k[8][i] + A(11, 9) * k[9][i] + A(11, 10) * k[10][i]);
    if ((rc = bmd_ode_internal_eval_rhs(ode, t + h, ys, k[11], err)))
        return rc;

    /* 8th-order solution and the two error estimates (5th and 3rd order), combined as in
     * Hairer's dop853: err = |h| E5^2 / sqrt(n (E5^2 + 0.01 E3^2)) with weighted sums of squares. */
    const double rtol = ode->opt.rtol, atol = ode->opt.atol;
    double s5 = 0.0, s3 = 0.0;
    for (i = 0; i < n; i++) {
        double bk = B(0) * k[0][i] + B(5) * k[5][i] + B(6) * k[6][i] + B(7) * k[7][i] +
                    B(8) * k[8][i] + B(9) * k[9][i] + B(10) * k[10][i] + B(11) * k[11][i];
        y_new[i] = y[i] + h * bk;
        double ya = fabs(y[i]), yb = fabs(y_new[i]);
        double sk = atol + rtol * (ya > yb ? ya : yb);
        double inv = sk > DBL_MIN ? 1.0 / sk : 1.0 / DBL_MIN;
        double e3 = E3(0) * k[0][i] + E3(5) * k[5][i] + E3(6) * k[6][i] + E3(7) * k[7][i] +
                    E3(8) * k[8][i] + E3(9) * k[9][i] + E3(10) * k[10][i] + E3(11) * k[11][i];
        double e5 = E5(0) * k[0][i] + E5(5) * k[5][i] + E5(6) * k[6][i] + E5(7) * k[7][i] +
                    E5(8) * k[8][i] + E5(9) * k[9][i] + E5(10) * k[10][i] + E5(11) * k[11][i];
        e3 *= inv;
        e5 *= inv;
        s3 += e3 * e3;
        s5 += e5 * e5;
    }
    double deno = s5 + 0.01 * s3;
    if (deno <= 0.0)
        deno = 1.0;
    *err_out = fabs(h) * s5 / sqrt((double)n * deno);
    return BMD_SUCCESS;
}

/* Take one accepted step, at most to t_limit, counting attempts against *budget (decremented per
 * attempt; BMD_EMAXITER when it runs out). */
int bmd_ode_internal_step(bmd_ode *ode, double t_limit, long *budget, bmd_error *err)
{
    const int n = ode->sys.dim;
    const size_t bytes = (size_t)n * sizeof(double);
    const double hmax = ode->opt.h_max;
    double y_new[BMD_ODE_MAX_DIM];
    int rc;

    if (!(t_limit > ode->t))
        return bmd_error_set(err, BMD_EINVAL,
                             "step limit t = %.17g s is not after the current time %.17g s", t_limit,
                             ode->t);
    if (!(ode->h > 0.0)) {
        if ((rc = initial_step(ode, t_limit, &ode->h, err)))
            return rc;
    }
    double h = ode->h;
    if (hmax > 0.0 && h > hmax)
        h = hmax;
    memcpy(ode->k[0], ode->f, bytes);

    for (;;) {
        if (*budget <= 0)
            return bmd_error_set(err, BMD_EMAXITER,
                                 "step limit of %ld steps reached at t = %.17g s before t = %.17g s",
                                 ode->opt.max_steps, ode->t, t_limit);
        (*budget)--;
        /* Step size underflow (as in dop853: 0.1 |h| <= |t| * unit roundoff). */
        if (!(0.1 * h > fabs(ode->t) * DBL_EPSILON) || !(h > DBL_MIN))
            return bmd_error_set(err, BMD_ESTEP,
                                 "step size %g s underflowed at t = %.17g s; the tolerances cannot "
                                 "be met", h, ode->t);
        /* Clip the last step to t_limit (stretch by up to 1% to land on it, as in dop853). */
        const double h_try = h;
        int last = 0;
        if (ode->t + 1.01 * h >= t_limit) {
            h = t_limit - ode->t;
            last = 1;
        }
        double e;
        if ((rc = attempt(ode, h, y_new, &e, err)))
            return rc;

        /* New step size h / fac, fac = err^(1/8) / safety limited to [1/6, 1/0.333] (HNW I,
         * eq. II.4.13 with q = 8, as in dop853). */
        double fac11 = sqrt(sqrt(sqrt(e)));
        if (e <= 1.0) {
            double fac = fmax(1.0 / FAC_MAX, fmin(1.0 / FAC_MIN, fac11 / SAFETY));
            /* Gustafsson's predictive controller (Gustafsson, ACM TOMS 20, 1994; as used in
             * Hairer's RADAU5, HNW II sec. IV.8): extrapolate the trend of the error from the
             * previous accepted step, fac_g = (h_prev / h) (err^2 / err_prev)^(1/8) / safety, and
             * take the smaller step. It removes most of the reject/accept cycles where the step
             * must shrink steadily (perigee approach, atmospheric entry). Not across clipped
             * steps, whose size the controller did not choose. */
            if (ode->h_acc > 0.0 && !last) {
                double fg = (ode->h_acc / h) * sqrt(sqrt(sqrt(e * e / ode->err_old))) / SAFETY;
                fg = fmax(1.0 / FAC_MAX, fmin(1.0 / FAC_MIN, fg));
                fac = fmax(fac, fg);
            }
            double h_new = h / fac;
            /* A step clipped short has an error too small to predict the next one; then keep
             * the step size that was planned before the clipping. */
            if (last && fac11 / SAFETY < 1.0 / FAC_MAX && h_try > h_new)
                h_new = h_try;
            if (hmax > 0.0 && h_new > hmax)
                h_new = hmax;
            if (ode->last_rejected && h_new > h)
                h_new = h;
            /* FSAL: f at the new point, stored as stage 12; state untouched if it fails. */
            const double t_new = last ? t_limit : ode->t + h;
            if ((rc = bmd_ode_internal_eval_rhs(ode, t_new, y_new, ode->k[12], err)))
                return rc;
            ode->t_prev = ode->t;
            ode->h_last = h;
            memcpy(ode->y_prev, ode->y, bytes);
            memcpy(ode->f_prev, ode->k[0], bytes);
            memcpy(ode->y, y_new, bytes);
            memcpy(ode->f, ode->k[12], bytes);
            ode->t = t_new;
            ode->h = h_new;
            ode->last_rejected = 0;
            ode->err_old = fmax(e, 1e-4);
            ode->h_acc = last ? 0.0 : h; /* a clipped step says nothing about the trend */
            ode->dense_ready = 0;
            ode->have_step = 1;
            ode->n_steps++;
            return BMD_SUCCESS;
        }
        /* Rejected (also when err is NaN): shrink by at least the factor 1/0.333... */
        ode->n_rejected++;
        ode->last_rejected = 1;
        if (isnan(fac11))
            h = h * FAC_MIN;
        else
            h = h / fmin(1.0 / FAC_MIN, fac11 / SAFETY);
        ode->h = h;
    }
}

int bmd_ode_step(bmd_ode *ode, double t_limit, bmd_error *err)
{
    if (!ode)
        return bmd_error_set(err, BMD_EINVAL, "ode must not be NULL");
    if (!isfinite(t_limit))
        return bmd_error_set(err, BMD_EINVAL, "step limit t = %g s is not finite", t_limit);
    long budget = LONG_MAX;
    return bmd_ode_internal_step(ode, t_limit, &budget, err);
}

/* Build the dense-output coefficients of the last step (Hairer's dop853 "contd8" form): three
 * extra stages 13..15, then dense[0..7]. */
static int build_dense(bmd_ode *ode, bmd_error *err)
{
    const int n = ode->sys.dim;
    const double h = ode->h_last, t = ode->t_prev;
    const double *y = ode->y_prev;
    double (*k)[BMD_ODE_MAX_DIM] = ode->k;
    double (*d)[BMD_ODE_MAX_DIM] = ode->dense;
    double ys[BMD_ODE_MAX_DIM] = {0};
    int rc, i;

    for (i = 0; i < n; i++)
        ys[i] = y[i] + h * (A(13, 0) * k[0][i] + A(13, 6) * k[6][i] + A(13, 7) * k[7][i] +
                            A(13, 8) * k[8][i] + A(13, 9) * k[9][i] + A(13, 10) * k[10][i] +
                            A(13, 11) * k[11][i] + A(13, 12) * k[12][i]);
    if ((rc = bmd_ode_internal_eval_rhs(ode, t + C(13) * h, ys, k[13], err)))
        return rc;
    for (i = 0; i < n; i++)
        ys[i] = y[i] + h * (A(14, 0) * k[0][i] + A(14, 5) * k[5][i] + A(14, 6) * k[6][i] +
                            A(14, 7) * k[7][i] + A(14, 10) * k[10][i] + A(14, 11) * k[11][i] +
                            A(14, 12) * k[12][i] + A(14, 13) * k[13][i]);
    if ((rc = bmd_ode_internal_eval_rhs(ode, t + C(14) * h, ys, k[14], err)))
        return rc;
    for (i = 0; i < n; i++)
        ys[i] = y[i] + h * (A(15, 0) * k[0][i] + A(15, 5) * k[5][i] + A(15, 6) * k[6][i] +
                            A(15, 7) * k[7][i] + A(15, 8) * k[8][i] + A(15, 12) * k[12][i] +
                            A(15, 13) * k[13][i] + A(15, 14) * k[14][i]);
    if ((rc = bmd_ode_internal_eval_rhs(ode, t + C(15) * h, ys, k[15], err)))
        return rc;

    for (i = 0; i < n; i++) {
        /* y_end is y_prev + h * sum b k, recomputed so a moved state (terminal event) is harmless */
        double ydiff = h * (B(0) * k[0][i] + B(5) * k[5][i] + B(6) * k[6][i] + B(7) * k[7][i] +
                            B(8) * k[8][i] + B(9) * k[9][i] + B(10) * k[10][i] + B(11) * k[11][i]);
        double bspl = h * k[0][i] - ydiff;
        d[0][i] = y[i];
        d[1][i] = ydiff;
        d[2][i] = bspl;
        d[3][i] = ydiff - h * k[12][i] - bspl;
        for (int r = 0; r < 4; r++) {
            double s = D(r, 0) * k[0][i] + D(r, 5) * k[5][i] + D(r, 6) * k[6][i] +
                       D(r, 7) * k[7][i] + D(r, 8) * k[8][i] + D(r, 9) * k[9][i] +
                       D(r, 10) * k[10][i] + D(r, 11) * k[11][i] + D(r, 12) * k[12][i] +
                       D(r, 13) * k[13][i] + D(r, 14) * k[14][i] + D(r, 15) * k[15][i];
            d[4 + r][i] = h * s;
        }
    }
    ode->dense_ready = 1;
    ode->n_dense++;
    return BMD_SUCCESS;
}

/* Evaluate the dense-output polynomial at t (dense[] must be built). */
static void eval_dense(const bmd_ode *ode, double t, double *y_out)
{
    const int n = ode->sys.dim;
    const double (*d)[BMD_ODE_MAX_DIM] = (const double (*)[BMD_ODE_MAX_DIM])ode->dense;
    const double s = (t - ode->t_prev) / ode->h_last, s1 = 1.0 - s;
    for (int i = 0; i < n; i++) {
        double conpar = d[4][i] + s * (d[5][i] + s1 * (d[6][i] + s * d[7][i]));
        y_out[i] = d[0][i] + s * (d[1][i] + s1 * (d[2][i] + s * (d[3][i] + s1 * conpar)));
    }
}

/* The solution at t with error reporting (dense output built on first use). */
int bmd_ode_internal_dense_at(bmd_ode *ode, double t, double *y_out, bmd_error *err)
{
    if (!ode->have_step) {
        memcpy(y_out, ode->y, (size_t)ode->sys.dim * sizeof(double));
        return BMD_SUCCESS;
    }
    if (!ode->dense_ready) {
        int rc = build_dense(ode, err);
        if (rc)
            return rc;
    }
    eval_dense(ode, t, y_out);
    return BMD_SUCCESS;
}

void bmd_ode_dense(bmd_ode *ode, double t, double *y_out)
{
    if (!ode || !y_out)
        return;
    if (bmd_ode_internal_dense_at(ode, t, y_out, NULL) != BMD_SUCCESS) {
        for (int i = 0; i < ode->sys.dim; i++)
            y_out[i] = NAN;
    }
}
