/* Bisection (bmd/num.h): on a predicate, and for a sign change of a function. */
#include <math.h>

#include "bmd/num.h"

int bmd_num_bisect_side(bmd_num_side_fn side, void *ctx, double *a, double *b, int max_halvings,
                        double xtol, int *halvings)
{
    int n = 0, rc = BMD_SUCCESS;
    for (; n < max_halvings && !(fabs(*b - *a) <= xtol); n++) {
        double m = 0.5 * (*a + *b);
        int s = BMD_NUM_SIDE_NONE;
        if ((rc = side(ctx, m, &s)))
            break;
        if (s == BMD_NUM_SIDE_NONE)
            break;
        if (s == BMD_NUM_SIDE_A)
            *a = m;
        else
            *b = m;
    }
    if (halvings)
        *halvings = n;
    return rc;
}

/* The sign of f relative to f(a), for bmd_num_bisect. */
typedef struct sign_ctx {
    bmd_num_fn fn;
    void *ctx;
    int a_negative;
    double ftol;
    int converged;
    double x_converged;
    bmd_error *err;
} sign_ctx;

static int sign_side(void *ctx, double x, int *side)
{
    sign_ctx *c = ctx;
    double f;
    int rc = c->fn(c->ctx, x, &f);
    if (rc)
        return rc;
    if (!isfinite(f))
        return bmd_error_set(c->err, BMD_EBADFUNC, "bisection: f(%g) = %g is not finite", x, f);
    if (fabs(f) <= c->ftol) {
        c->converged = 1;
        c->x_converged = x;
        *side = BMD_NUM_SIDE_NONE;
        return BMD_SUCCESS;
    }
    *side = (f < 0.0) == c->a_negative ? BMD_NUM_SIDE_A : BMD_NUM_SIDE_B;
    return BMD_SUCCESS;
}

int bmd_num_bisect(bmd_num_fn fn, void *ctx, double a, double fa, double b, double fb,
                   const bmd_num_stop *stop, bmd_error *err, double *root)
{
    if (!isfinite(a) || !isfinite(b) || !isfinite(fa) || !isfinite(fb) ||
        (fa > 0.0 && fb > 0.0) || (fa < 0.0 && fb < 0.0))
        return bmd_error_set(err, BMD_EINVAL,
                             "bisection: f(%g) = %g and f(%g) = %g must be finite and of "
                             "opposite signs",
                             a, fa, b, fb);
    if (fa == 0.0 || fb == 0.0) {
        *root = fa == 0.0 ? a : b;
        return BMD_SUCCESS;
    }
    sign_ctx c = {fn, ctx, fa < 0.0, stop->ftol, 0, 0.0, err};
    int n;
    int rc = bmd_num_bisect_side(sign_side, &c, &a, &b, stop->max_iter, 2.0 * stop->xtol, &n);
    if (rc)
        return rc;
    if (c.converged) {
        *root = c.x_converged;
        return BMD_SUCCESS;
    }
    if (!(fabs(b - a) <= 2.0 * stop->xtol)) {
        if (stop->fail_message)
            return bmd_error_set(err, BMD_EMAXITER, "%s", stop->fail_message);
        return bmd_error_set(err, BMD_EMAXITER,
                             "bisection: bracket [%g, %g] still wider than 2 x %g after %d "
                             "evaluations",
                             fmin(a, b), fmax(a, b), stop->xtol, n);
    }
    *root = 0.5 * (a + b);
    return BMD_SUCCESS;
}
