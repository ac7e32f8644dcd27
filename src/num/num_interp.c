/* Cubic Hermite interpolation of a 3-vector and its derivative between two samples
 * (R. L. Burden and J. D. Faires, Numerical Analysis, 9th ed., 2011, sec. 3.4). */
#include <stddef.h>

#include "bmd/num.h"

void bmd_num_hermite3(double t0_s, const double r0[3], const double v0[3], double t1_s,
                      const double r1[3], const double v1[3], double t_s, double r[3], double v[3])
{
    const double h = t1_s - t0_s, x = (t_s - t0_s) / h;
    const double x2 = x * x, x3 = x2 * x;
    /* the basis and its derivative with respect to x */
    const double h00 = 2 * x3 - 3 * x2 + 1, h10 = x3 - 2 * x2 + x, h01 = -2 * x3 + 3 * x2,
                 h11 = x3 - x2;
    const double d00 = 6 * x2 - 6 * x, d10 = 3 * x2 - 4 * x + 1, d11 = 3 * x2 - 2 * x;
    for (int k = 0; k < 3; k++) {
        r[k] = h00 * r0[k] + h10 * h * v0[k] + h01 * r1[k] + h11 * h * v1[k];
        if (v)
            v[k] = d00 * (r0[k] - r1[k]) / h + d10 * v0[k] + d11 * v1[k];
    }
}
