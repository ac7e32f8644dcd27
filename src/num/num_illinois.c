/* The Illinois method (bmd/num.h): regula falsi where an end kept twice has its function value
 * halved, which restores superlinear convergence (order 1.442; M. Dowell and P. Jarratt, BIT 11
 * (1971) 168-174). A bisection every fourth step bounds the worst case. */
#include <math.h>

#include "bmd/num.h"

int bmd_num_illinois(bmd_num_fn fn, void *ctx, double a, double fa, double b, double fb,
                     const bmd_num_stop *stop, bmd_error *err, double *root)
{
    if (!(a < b) || !isfinite(a) || !isfinite(b) || fa == 0.0 || !(fb == 0.0 || (fa > 0.0) != (fb > 0.0)) ||
        !isfinite(fa) || !isfinite(fb))
        return bmd_error_set(err, BMD_EINVAL,
                             "Illinois root: need a < b with f(a) != 0 and f(b) of the other sign "
                             "or zero, got f(%g) = %g, f(%g) = %g",
                             a, fa, b, fb);
    const double tol = stop->xtol;
    int side = 0;
    for (int iter = 0; iter < stop->max_iter && fb != 0.0 && b - a > tol; iter++) {
        double m;
        if (iter % 4 == 3)
            m = 0.5 * (a + b);
        else
            m = b - fb * (b - a) / (fb - fa);
        double lo = a + 0.5 * tol, hi = b - 0.5 * tol;
        if (!(m >= lo))
            m = lo;
        if (!(m <= hi))
            m = hi;
        if (!(m > a && m < b))
            break; /* bracket at the resolution of double */
        double fm;
        int rc = fn(ctx, m, &fm);
        if (rc)
            return rc;
        if (fm == 0.0 || (fm > 0.0) == (fb > 0.0)) {
            b = m;
            fb = fm;
            if (side == 1)
                fa *= 0.5; /* a kept twice: Illinois halving */
            side = 1;
        } else {
            a = m;
            fa = fm;
            if (side == -1)
                fb *= 0.5;
            side = -1;
        }
    }
    *root = b;
    return BMD_SUCCESS;
}
