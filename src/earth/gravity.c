/* Point-mass plus J2 gravitation (see include/bmd/gravity.h).
 *
 * Potential and acceleration of the second zonal harmonic: D. A. Vallado, "Fundamentals of
 * Astrodynamics and Applications", 4th ed. (2013), sec. 8.6.1 (the J2 potential and acceleration
 * components); equivalently O. Montenbruck and E. Gill, "Satellite Orbits" (2000), sec. 3.2. */
#include "bmd/gravity.h"

#include <math.h>

/* a = -mu r / |r|^3 [1 + 1.5 J2 (a/r)^2 (1 - 5 z^2/r^2)]          for x and y,
 * a_z = -mu z / |r|^3 [1 + 1.5 J2 (a/r)^2 (3 - 5 z^2/r^2)].
 * r = 0 gives non-finite values (there is no acceleration at the centre of a point mass). */
void bmd_gravity_accel(const bmd_earth *earth, const double r_m[3], double accel_m_s2[3])
{
    const double x = r_m[0], y = r_m[1], z = r_m[2];
    const double r2 = x * x + y * y + z * z;
    const double r = sqrt(r2);
    const double mu_r3 = earth->gm_m3_s2 / (r2 * r);
    const double k = 1.5 * earth->j2 * earth->a_m * earth->a_m / r2; /* 1.5 J2 (a/r)^2 */
    const double z2r2 = z * z / r2;
    const double fxy = 1.0 + k * (1.0 - 5.0 * z2r2);
    const double fz = 1.0 + k * (3.0 - 5.0 * z2r2);
    accel_m_s2[0] = -mu_r3 * fxy * x;
    accel_m_s2[1] = -mu_r3 * fxy * y;
    accel_m_s2[2] = -mu_r3 * fz * z;
}

/* U = -mu/r [1 - J2 (a/r)^2 (3 z^2/r^2 - 1)/2], so that accel = -grad U. */
double bmd_gravity_potential(const bmd_earth *earth, const double r_m[3])
{
    const double x = r_m[0], y = r_m[1], z = r_m[2];
    const double r2 = x * x + y * y + z * z;
    const double r = sqrt(r2);
    const double p2 = 0.5 * (3.0 * z * z / r2 - 1.0); /* Legendre P2(sin geocentric lat) */
    return -earth->gm_m3_s2 / r * (1.0 - earth->j2 * earth->a_m * earth->a_m / r2 * p2);
}
