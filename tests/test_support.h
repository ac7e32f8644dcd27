/* test_support.h — assertions and small fixtures shared by the cmocka tests (header only: macros
 * and static inline functions). Include after the cmocka headers. */
#ifndef BMD_TEST_SUPPORT_H
#define BMD_TEST_SUPPORT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bmd/earth.h"
#include "bmd/interceptor.h"

/* Fail with a readable message unless |actual - expected| <= tol. */
#define assert_close(actual, expected, tol)                                                      \
    do {                                                                                         \
        const double a_ = (actual), e_ = (expected), t_ = (tol);                                 \
        if (!(fabs(a_ - e_) <= t_)) {                                                            \
            print_error("%s = %.15g, expected %s = %.15g within %.3g (off by %.3g)\n", #actual,  \
                        a_, #expected, e_, t_, a_ - e_);                                         \
            fail();                                                                              \
        }                                                                                        \
    } while (0)

/* Fail, naming the file and line, unless |a - b| <= tol. */
#define assert_double_equal(a, b, tol) assert_near_at((a), (b), (tol), #a, __FILE__, __LINE__)
static inline void assert_near_at(double a, double b, double tol, const char *what,
                                  const char *file, int line)
{
    if (!(fabs(a - b) <= tol)) {
        print_error("%s:%d: %s = %.17g, expected %.17g +/- %g\n", file, line, what, a, b, tol);
        fail();
    }
}

/* The shipped catalogue directory of one kind ("missiles", "radars", "interceptors"):
 * $BMD_DATA_DIR/catalog/KIND (CTest sets BMD_DATA_DIR; else ./data). In a static buffer that the
 * next call overwrites. */
static inline const char *test_catalog_dir(const char *kind)
{
    static char dir[4096];
    const char *data = getenv("BMD_DATA_DIR");
    snprintf(dir, sizeof dir, "%s/catalog/%s", data ? data : "data", kind);
    return dir;
}

/* A non-rotating sphere of the mean radius. */
static inline bmd_earth test_sphere_earth(void)
{
    bmd_earth e;
    assert_int_equal(bmd_earth_init_sphere(&e, 0, 0, NULL), BMD_SUCCESS);
    return e;
}

/* A notional interceptor: the defaults with burnout speed v (m/s), burn time tb (s) and maximum
 * fly-out time tmax (s). */
static inline bmd_interceptor test_notional_interceptor(double v, double tb, double tmax)
{
    bmd_interceptor ic;
    bmd_interceptor_init(&ic);
    ic.burnout_speed_m_s = v;
    ic.burn_time_s = tb;
    ic.max_flyout_time_s = tmax;
    return ic;
}

/* Inertial state (position m, velocity m/s) of a body at geocentric latitude lat (rad),
 * longitude 0, radius r_m, moving with speed v_m_s at flight-path angle g_rad and azimuth az_rad
 * relative to a sphere rotating at omega_rad_s: the local ENU velocity plus omega x r. The
 * independent construction the analytic rotating-Earth range is checked against. */
static inline void test_rotating_launch_state(double lat, double az, double r_m, double v_m_s,
                                              double g_rad, double omega_rad_s, double y0[6])
{
    const double up[3] = {cos(lat), 0.0, sin(lat)}, e[3] = {0.0, 1.0, 0.0},
                 n[3] = {-sin(lat), 0.0, cos(lat)};
    for (int k = 0; k < 3; k++) {
        y0[k] = r_m * up[k];
        y0[3 + k] = v_m_s * cos(g_rad) * (sin(az) * e[k] + cos(az) * n[k]) +
                    v_m_s * sin(g_rad) * up[k];
    }
    y0[4] += omega_rad_s * r_m * cos(lat); /* omega x r */
}

#endif
