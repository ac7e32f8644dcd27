/* bmd/units.h — constants, unit conversions and 3-vector helpers, written once for the whole
 * library (header-only: static inline). SI inside; degrees and kilometres only at the edges. */
#ifndef BMD_UNITS_H
#define BMD_UNITS_H

#include <math.h>

#ifdef __cplusplus
extern "C" {
#endif

#define BMD_PI 3.14159265358979323846
#define BMD_TWO_PI 6.28318530717958647692
#define BMD_DEG_PER_RAD 57.295779513082320877 /* 180 / pi */
#define BMD_RAD_PER_DEG 0.017453292519943295769 /* pi / 180 */
#define BMD_M_PER_KM 1000.0

/* Degrees to radians and back. */
static inline double bmd_deg_to_rad(double deg) { return deg * BMD_RAD_PER_DEG; }
static inline double bmd_rad_to_deg(double rad) { return rad * BMD_DEG_PER_RAD; }

/* a . b of two 3-vectors. */
static inline double bmd_dot3(const double a[3], const double b[3])
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/* |a| of a 3-vector. */
static inline double bmd_norm3(const double a[3]) { return sqrt(bmd_dot3(a, a)); }

/* out = a x b (out may not alias a or b). */
static inline void bmd_cross3(const double a[3], const double b[3], double out[3])
{
    out[0] = a[1] * b[2] - a[2] * b[1];
    out[1] = a[2] * b[0] - a[0] * b[2];
    out[2] = a[0] * b[1] - a[1] * b[0];
}

#ifdef __cplusplus
}
#endif
#endif
