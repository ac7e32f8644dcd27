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
    bmd_interceptor_default(&ic);
    ic.burnout_speed_m_s = v;
    ic.burn_time_s = tb;
    ic.max_flyout_time_s = tmax;
    return ic;
}

#endif
