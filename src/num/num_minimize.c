/* Minimisation in one variable (bmd/num.h): golden section and Brent's parabolic method
 * (R. P. Brent, Algorithms for Minimization without Derivatives (1973), ch. 5). */
#include <math.h>

#include "bmd/num.h"

/* (3 - sqrt 5) / 2: the golden-section fraction of the larger interval. */
#define BMD_NUM_GOLDEN 0.3819660112501051

int bmd_num_brent_min(bmd_num_fn fn, void *ctx, double lo, double hi,
                      const bmd_num_min_options *opt, bmd_error *err, double *x_min,
                      double *f_min)
{
    if (!isfinite(lo) || !isfinite(hi) || lo > hi)
        return bmd_error_set(err, BMD_EINVAL,
                             "Brent minimum: the interval [%g, %g] must be finite and ordered",
                             lo, hi);
    const double tol = opt->xtol, f_stop = opt->f_stop;
    double x = lo + BMD_NUM_GOLDEN * (hi - lo), w = x, v = x, fx;
    int rc = fn(ctx, x, &fx);
    if (rc)
        return rc;
    if (fx <= f_stop)
        lo = hi = x; /* the loop stops at once */
    double fw = fx, fv = fx, d = 0.0, e = 0.0;
    for (int it = 0; it < opt->max_iter; it++) {
        double m = 0.5 * (lo + hi), tol1 = tol + opt->rtol * fabs(x), tol2 = 2.0 * tol1;
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
            d = BMD_NUM_GOLDEN * e;
        }
        double u = x + (fabs(d) >= tol1 ? d : (d > 0 ? tol1 : -tol1)), fu;
        if ((rc = fn(ctx, u, &fu)))
            return rc;
        if (fu <= f_stop) {
            x = u, fx = fu;
            break;
        }
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
    *x_min = x;
    *f_min = fx;
    return BMD_SUCCESS;
}

int bmd_num_golden_min(bmd_num_fn fn, void *ctx, double a, double b, double xtol, bmd_error *err,
                       double *x_min, double *f_min)
{
    if (!isfinite(a) || !isfinite(b) || a > b || !(xtol > 0.0))
        return bmd_error_set(err, BMD_EINVAL,
                             "golden section: need a finite interval a <= b and xtol > 0, got "
                             "[%g, %g], xtol %g",
                             a, b, xtol);
    const double g = 0.5 * (sqrt(5.0) - 1.0);
    double x1 = b - g * (b - a), x2 = a + g * (b - a), f1, f2;
    int rc;
    if ((rc = fn(ctx, x1, &f1)) || (rc = fn(ctx, x2, &f2)))
        return rc;
    while (b - a > xtol) {
        if (f1 <= f2) {
            b = x2;
            x2 = x1;
            f2 = f1;
            x1 = b - g * (b - a);
            if ((rc = fn(ctx, x1, &f1)))
                return rc;
        } else {
            a = x1;
            x1 = x2;
            f1 = f2;
            x2 = a + g * (b - a);
            if ((rc = fn(ctx, x2, &f2)))
                return rc;
        }
    }
    if (f1 <= f2) {
        *x_min = x1;
        *f_min = f1;
    } else {
        *x_min = x2;
        *f_min = f2;
    }
    return BMD_SUCCESS;
}
