/* Brent's root finding (bmd/num.h): R. P. Brent, Algorithms for Minimization without Derivatives
 * (1973), ch. 4, in the form of Numerical Recipes' zbrent. */
#include <math.h>

#include "bmd/num.h"

int bmd_num_brent_root(bmd_num_fn fn, void *ctx, double a, double fa, double b, double fb,
                       const bmd_num_stop *stop, bmd_error *err, double *root)
{
    if (!isfinite(a) || !isfinite(b) || !isfinite(fa) || !isfinite(fb) ||
        (fa > 0.0 && fb > 0.0) || (fa < 0.0 && fb < 0.0))
        return bmd_error_set(err, BMD_EINVAL,
                             "Brent root: f(%g) = %g and f(%g) = %g must be finite and of "
                             "opposite signs",
                             a, fa, b, fb);
    const double xtol = stop->xtol, ftol = stop->ftol;
    double xc = a, fc = fa, d = b - a, e = d;
    for (int it = 0; it < stop->max_iter; it++) {
        if ((fb > 0.0) == (fc > 0.0)) {
            xc = a, fc = fa, d = e = b - a;
        }
        if (fabs(fc) < fabs(fb)) {
            a = b, b = xc, xc = a;
            fa = fb, fb = fc, fc = fa;
        }
        double xm = 0.5 * (xc - b);
        if (fabs(xm) <= xtol || fabs(fb) <= ftol) {
            *root = b;
            return BMD_SUCCESS;
        }
        if (fabs(e) >= xtol && fabs(fa) > fabs(fb)) {
            double s = fb / fa, p, q;
            if (a == xc) {
                p = 2.0 * xm * s;
                q = 1.0 - s;
            } else {
                double qq = fa / fc, r = fb / fc;
                p = s * (2.0 * xm * qq * (qq - r) - (b - a) * (r - 1.0));
                q = (qq - 1.0) * (r - 1.0) * (s - 1.0);
            }
            if (p > 0.0)
                q = -q;
            p = fabs(p);
            if (2.0 * p < fmin(3.0 * xm * q - fabs(xtol * q), fabs(e * q))) {
                e = d;
                d = p / q;
            } else {
                d = xm, e = d;
            }
        } else {
            d = xm, e = d;
        }
        a = b, fa = fb;
        b += fabs(d) > xtol ? d : (xm > 0 ? xtol : -xtol);
        int rc = fn(ctx, b, &fb);
        if (rc)
            return rc;
    }
    if (stop->fail_message)
        return bmd_error_set(err, BMD_EMAXITER, "%s", stop->fail_message);
    return bmd_error_set(err, BMD_EMAXITER,
                         "Brent root: no convergence to %g in %d evaluations (bracket [%g, %g])",
                         xtol, stop->max_iter, fmin(b, xc), fmax(b, xc));
}
