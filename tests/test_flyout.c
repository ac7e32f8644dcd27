/* Tests of the flyout table (src/defense/flyout.c): against the closed form of a gravity-free
 * straight-line flyout, against the direct computation (bmd_interceptor_reach) at random points
 * on the rotating WGS84 Earth, and its properties (a faster interceptor is never later, limits,
 * unreachable points, bad input, thread safety). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/interceptor.h"
#include "test_support.h"

#define PI 3.14159265358979323846
#define DEG (PI / 180.0)

/* Deterministic uniform numbers in [0, 1) (64-bit LCG, Knuth MMIX constants). */
static double uniform(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*s >> 11) / 9007199254740992.0;
}

/* Build a table or fail the test with the message. */
static void build(bmd_flyout *tb, const bmd_earth *e, const bmd_interceptor *ic,
                  const bmd_flyout_options *o)
{
    bmd_error err;
    int st = bmd_flyout_build(tb, e, ic, o, &err);
    if (st)
        print_error("%s\n", err.message);
    assert_int_equal(st, BMD_SUCCESS);
}

/* ------------------------------------------------------------------------------------------- */

/* Without gravity every trajectory is a straight ray from the site, so the earliest time at a
 * point is that of the ray through it: sqrt(2 d / a) within the burn distance v t_b / 2, else
 * t_b + (d - v t_b / 2) / v, d the straight-line distance. */
static void table_matches_the_gravity_free_closed_form_at_random_points(void **state)
{
    (void)state;
    bmd_earth e;
    assert_int_equal(bmd_earth_init_sphere(&e, 0, 0, NULL), BMD_SUCCESS);
    e.gm_m3_s2 = 0.0;
    bmd_interceptor ic = test_notional_interceptor(3000.0, 40.0, 300.0);
    bmd_flyout_options o;
    bmd_flyout_options_init(&o);
    o.range_max_m = 800e3;
    o.altitude_max_m = 800e3;
    bmd_flyout tb;
    build(&tb, &e, &ic, &o);
    const double R = e.a_m, a = 75.0, db = 60000.0;
    uint64_t seed = 42;
    double worst = 0.0, worst_rel_v = 0.0, worst_g = 0.0;
    int n = 0;
    for (int k = 0; k < 2000; k++) {
        double x = 800e3 * uniform(&seed), h = 800e3 * uniform(&seed);
        double th = x / R;
        double dx = (R + h) * sin(th), dz = (R + h) * cos(th) - R;
        double d = hypot(dx, dz), los = atan2(dz, dx);
        double t_exact = d <= db ? sqrt(2.0 * d / a) : 40.0 + (d - db) / 3000.0;
        if (los < 1.0 * DEG || t_exact > 290.0 || d < 20e3)
            continue; /* at the edge of the fan (the horizon, the time limit) or at the origin */
        double t, v, g;
        assert_int_equal(bmd_flyout_time(&tb, x, h, &t, &v, &g), BMD_SUCCESS);
        assert_true(isfinite(t));
        worst = fmax(worst, fabs(t - t_exact));
        double v_exact = d <= db ? a * t_exact : 3000.0;
        worst_rel_v = fmax(worst_rel_v, fabs(v - v_exact) / v_exact);
        /* The flight-path angle at the point is the ray's elevation plus the central angle (the
         * local horizontal turns by the central angle; a straight line climbs away from it). */
        worst_g = fmax(worst_g, fabs(g - (los + th)));
        n++;
    }
    /* Bounds achieved with the default fan (361 elevations, 1 s states) and grid (201 x 161 nodes
     * over 800 x 800 km): time within 0.02 s (measured 0.014 s), speed within 0.1 % (measured
     * 0.04 %, inside the burn where v grows as sqrt(d)), angle within 1e-3 rad (measured
     * 3.2e-4). */
    print_message("gravity-free: %d points, worst |dt| %.4f s, speed %.4f %%, angle %.2e rad\n",
                  n, worst, 100 * worst_rel_v, worst_g);
    assert_true(n > 1000);
    assert_true(worst < 0.02);
    assert_true(worst_rel_v < 1e-3);
    assert_true(worst_g < 1e-3);
    /* Points below the tangent plane at the site are never reached by rays above it. */
    double t;
    assert_int_equal(bmd_flyout_time(&tb, 700e3, 1e3, &t, NULL, NULL), BMD_SUCCESS);
    assert_true(isinf(t));
    bmd_flyout_free(&tb);
}

/* The table against the direct computation on the rotating WGS84 Earth, at random points. */
static void table_matches_direct_computation_on_wgs84_at_random_points(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_interceptor ic = test_notional_interceptor(4500.0, 60.0, 600.0);
    bmd_flyout_options o;
    bmd_flyout_options_init(&o);
    o.site = (bmd_interceptor_site){54.48 * DEG, 17.10 * DEG, 0.0, 60.0 * DEG};
    bmd_flyout tb;
    build(&tb, &e, &ic, &o);
    uint64_t seed = 7;
    double worst = 0.0, worst_v = 0.0, worst_g = 0.0;
    int both = 0, disagree = 0, n_loose = 0;
    for (int k = 0; k < 60; k++) {
        double x = tb.range_max_m * uniform(&seed), h = tb.altitude_max_m * uniform(&seed);
        bmd_reach q, d;
        assert_int_equal(bmd_flyout_query(&tb, x, h, &q), BMD_SUCCESS);
        assert_int_equal(bmd_interceptor_reach(&e, &ic, &o.site, x, h, 0, &d, NULL), BMD_SUCCESS);
        if (q.reachable != d.reachable) {
            /* Allowed only at the edge of the reachable region, where the table is conservative
             * by up to one cell: the table says no, and a point one cell nearer is reached. */
            assert_true(d.reachable && !q.reachable);
            bmd_reach nearer;
            assert_int_equal(bmd_flyout_query(&tb, fmax(0.0, x - 1.5 * tb.d_range_m), h, &nearer),
                             BMD_SUCCESS);
            bmd_reach lower;
            assert_int_equal(bmd_flyout_query(&tb, x, fmax(0.0, h - 1.5 * tb.d_altitude_m),
                                              &lower), BMD_SUCCESS);
            assert_true(nearer.reachable || lower.reachable ||
                        d.t_s > ic.max_flyout_time_s - 2.0);
            disagree++;
            continue;
        }
        if (!q.reachable)
            continue;
        both++;
        n_loose += fabs(q.t_s - d.t_s) > 0.02;
        worst = fmax(worst, fabs(q.t_s - d.t_s));
        worst_v = fmax(worst_v, fabs(q.speed_m_s - d.speed_m_s));
        worst_g = fmax(worst_g, fabs(q.gamma_rad - d.gamma_rad));
    }
    print_message("wgs84: %d points reachable by both, %d disagree; worst |dt| %.4f s (%d above "
                  "0.02 s), |dv| %.2f m/s, |dgamma| %.5f rad\n", both, disagree, worst, n_loose,
                  worst_v, worst_g);
    /* Bounds achieved (201 x 161 grid over 2,260 x 1,410 km, 361 elevations, 1 s states):
     * time within 0.02 s at all but the points next to the edge of reach (measured: 38 of 39
     * within 0.015 s), within 0.1 s everywhere (measured 0.086 s, at 184 km range and 1,352 km
     * altitude, near the flyout-time edge of the near-vertical fan); speed within 1 m/s
     * (measured 0.44 m/s), angle within 1e-3 rad (measured 4.2e-4). */
    assert_true(both >= 20);
    assert_true(disagree <= 4);
    assert_true(n_loose <= 2);
    assert_true(worst < 0.1);
    assert_true(worst_v < 1.0);
    assert_true(worst_g < 1e-3);
    bmd_flyout_free(&tb);
}

/* A faster interceptor (same burn time) reaches every node of the slower one's table, no later. */
static void a_faster_interceptor_reaches_every_point_no_later(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_flyout_options o;
    bmd_flyout_options_init(&o);
    o.range_max_m = 1500e3;
    o.altitude_max_m = 1000e3;
    o.n_range = 121;
    o.n_altitude = 81;
    o.site = (bmd_interceptor_site){44.08 * DEG, 24.34 * DEG, 0.0, 120.0 * DEG};
    bmd_interceptor slow = test_notional_interceptor(3000.0, 50.0, 600.0);
    bmd_interceptor fast = test_notional_interceptor(4500.0, 50.0, 600.0);
    bmd_flyout ts, tf;
    build(&ts, &e, &slow, &o);
    build(&tf, &e, &fast, &o);
    int n_slow = 0, n_fast = 0;
    for (int k = 0; k < o.n_range * o.n_altitude; k++) {
        n_slow += isfinite(ts.t_s[k]);
        n_fast += isfinite(tf.t_s[k]);
        if (!isfinite(ts.t_s[k]))
            continue;
        /* Never later: allowance 0.01 s for the rasterisation (both tables interpolate linearly
         * inside the fan's triangles). */
        assert_true(isfinite(tf.t_s[k]));
        assert_true(tf.t_s[k] <= ts.t_s[k] + 0.01);
    }
    assert_true(n_fast > n_slow); /* and strictly more nodes are reachable */
    bmd_flyout_free(&ts);
    bmd_flyout_free(&tf);
}

static void unreachable_points_are_a_normal_answer(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_interceptor ic = test_notional_interceptor(3000.0, 40.0, 600.0);
    bmd_flyout tb;
    build(&tb, &e, &ic, NULL);
    double t = 0, v = 0, g = 0;
    /* Beyond the table: 3 km/s reaches about 1,000 km (Kepler maximum range angle
     * sin(Psi/2) = Q / (2 - Q), BMW eq. 6.2-20, Q = 0.145: 996 km) plus the 60 km burn. */
    assert_true(tb.range_max_m > 1000e3 && tb.range_max_m < 1100e3);
    assert_int_equal(bmd_flyout_time(&tb, 3000e3, 100e3, &t, &v, &g), BMD_SUCCESS);
    assert_true(isinf(t) && isnan(v) && isnan(g));
    /* Inside the table's extent but out of reach: far and low (below the fan). */
    bmd_reach r;
    assert_int_equal(bmd_flyout_query(&tb, 0.95 * tb.range_max_m, 0.9 * tb.altitude_max_m, &r),
                     BMD_SUCCESS);
    assert_false(r.reachable);
    assert_int_equal(r.reason, BMD_REACH_OUT_OF_REACH);
    /* And a reachable one, for contrast. */
    assert_int_equal(bmd_flyout_query(&tb, 300e3, 150e3, &r), BMD_SUCCESS);
    assert_true(r.reachable);
    bmd_flyout_free(&tb);
}

static void altitude_floor_ceiling_and_flyout_time_are_respected(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_interceptor ic = test_notional_interceptor(4500.0, 60.0, 200.0);
    ic.min_altitude_m = 100e3;
    ic.max_altitude_m = 500e3;
    bmd_flyout tb;
    build(&tb, &e, &ic, NULL);
    assert_true(tb.altitude_max_m <= 500e3);
    bmd_reach r;
    assert_int_equal(bmd_flyout_query(&tb, 200e3, 50e3, &r), BMD_SUCCESS);
    assert_int_equal(r.reason, BMD_REACH_BELOW_FLOOR);
    assert_int_equal(bmd_flyout_query(&tb, 200e3, 600e3, &r), BMD_SUCCESS);
    assert_int_equal(r.reason, BMD_REACH_ABOVE_CEILING);
    assert_int_equal(bmd_flyout_query(&tb, 200e3, 150e3, &r), BMD_SUCCESS);
    assert_true(r.reachable);
    assert_true(r.t_s > 60.0 && r.t_s < 200.0);
    /* Every reachable node is reached within the flyout time. */
    for (int k = 0; k < tb.n_range * tb.n_altitude; k++)
        if (isfinite(tb.t_s[k]))
            assert_true(tb.t_s[k] <= 200.0 + 1e-9);
    /* 200 s at <= 4.5 km/s cannot cover 1,000 km. */
    assert_int_equal(bmd_flyout_query(&tb, 1000e3, 200e3, &r), BMD_SUCCESS);
    assert_false(r.reachable);
    bmd_flyout_free(&tb);
}

static void bad_input_is_refused_with_einval(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_interceptor ic = test_notional_interceptor(3000.0, 40.0, 300.0);
    bmd_flyout tb;
    bmd_error err;
    bmd_flyout_options o;
    bmd_flyout_options_init(&o);
    o.n_range = 1;
    assert_int_equal(bmd_flyout_build(&tb, &e, &ic, &o, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "grid"));
    bmd_flyout_options_init(&o);
    o.sample_dt_s = -1.0;
    assert_int_equal(bmd_flyout_build(&tb, &e, &ic, &o, &err), BMD_EINVAL);
    bmd_flyout_options_init(&o);
    o.range_max_m = NAN;
    assert_int_equal(bmd_flyout_build(&tb, &e, &ic, &o, &err), BMD_EINVAL);
    bmd_flyout_options_init(&o);
    o.site.lat_rad = 100 * DEG;
    assert_int_equal(bmd_flyout_build(&tb, &e, &ic, &o, &err), BMD_EINVAL);
    bmd_interceptor bad = test_notional_interceptor(-3000.0, 40.0, 300.0);
    assert_int_equal(bmd_flyout_build(&tb, &e, &bad, NULL, &err), BMD_EINVAL);
    /* A failed build leaves an empty table that queries refuse. */
    double t;
    assert_int_equal(bmd_flyout_time(&tb, 1e5, 1e5, &t, NULL, NULL), BMD_EINVAL);
    assert_int_equal(bmd_flyout_time(NULL, 1e5, 1e5, &t, NULL, NULL), BMD_EINVAL);
    bmd_flyout_free(&tb);
    o.n_range = 21;
    o.n_altitude = 21;
    o.n_elevations = 31;
    o.site.lat_rad = 0.0;
    build(&tb, &e, &ic, &o);
    assert_int_equal(bmd_flyout_time(&tb, NAN, 1e5, &t, NULL, NULL), BMD_EINVAL);
    assert_true(isinf(t));
    assert_int_equal(bmd_flyout_time(&tb, 1e5, -5.0, &t, NULL, NULL), BMD_EINVAL);
    assert_int_equal(bmd_flyout_time(&tb, -1.0, 1e5, &t, NULL, NULL), BMD_EINVAL);
    bmd_reach r;
    assert_int_equal(bmd_flyout_query(&tb, 1e5, INFINITY, &r), BMD_EINVAL);
    bmd_flyout_free(&tb);
}

/* Work of one thread: build a table. */
typedef struct job {
    const bmd_earth *earth;
    bmd_interceptor ic;
    bmd_flyout_options opt;
    bmd_flyout table;
    int status;
} job;

static void *build_job(void *arg)
{
    job *j = arg;
    j->status = bmd_flyout_build(&j->table, j->earth, &j->ic, &j->opt, NULL);
    return NULL;
}

static void tables_built_in_parallel_threads_equal_serial_ones(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    job jobs[3];
    pthread_t th[3];
    for (int k = 0; k < 3; k++) {
        jobs[k].earth = &e;
        jobs[k].ic = test_notional_interceptor(3000.0 + 1000.0 * k, 50.0, 400.0);
        bmd_flyout_options_init(&jobs[k].opt);
        jobs[k].opt.n_range = 61;
        jobs[k].opt.n_altitude = 41;
        jobs[k].opt.n_elevations = 91;
        assert_int_equal(pthread_create(&th[k], NULL, build_job, &jobs[k]), 0);
    }
    for (int k = 0; k < 3; k++) {
        assert_int_equal(pthread_join(th[k], NULL), 0);
        assert_int_equal(jobs[k].status, BMD_SUCCESS);
        bmd_flyout serial;
        build(&serial, &e, &jobs[k].ic, &jobs[k].opt);
        /* Bit-identical: the build has no shared state. */
        assert_memory_equal(serial.t_s, jobs[k].table.t_s, sizeof(double) * 61 * 41);
        assert_int_equal(serial.bytes, 3 * sizeof(double) * 61 * 41);
        bmd_flyout_free(&serial);
        bmd_flyout_free(&jobs[k].table);
    }
}

/* On a non-rotating sphere the flyout does not depend on the site or the azimuth. */
static void tables_on_a_nonrotating_sphere_do_not_depend_on_azimuth(void **state)
{
    (void)state;
    bmd_earth e;
    assert_int_equal(bmd_earth_init_sphere(&e, 0, 0, NULL), BMD_SUCCESS);
    bmd_interceptor ic = test_notional_interceptor(4000.0, 50.0, 500.0);
    bmd_flyout_options o;
    bmd_flyout_options_init(&o);
    o.n_range = 81;
    o.n_altitude = 61;
    o.n_elevations = 121;
    o.range_max_m = 1500e3;
    o.altitude_max_m = 800e3;
    bmd_flyout a, b;
    o.site = (bmd_interceptor_site){0.0, 0.0, 0.0, 0.0};
    build(&a, &e, &ic, &o);
    o.site = (bmd_interceptor_site){1.0, 2.0, 0.0, 4.0};
    build(&b, &e, &ic, &o);
    double worst = 0.0;
    for (int k = 0; k < o.n_range * o.n_altitude; k++) {
        assert_int_equal(isfinite(a.t_s[k]), isfinite(b.t_s[k]));
        if (isfinite(a.t_s[k]))
            worst = fmax(worst, fabs(a.t_s[k] - b.t_s[k]));
    }
    /* Symmetry of the sphere: equal to rounding (1e-6 s; measured in the message). */
    print_message("sphere, two sites and azimuths: worst |dt| %.2e s\n", worst);
    assert_true(worst < 1e-6);
    bmd_flyout_free(&a);
    bmd_flyout_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(table_matches_the_gravity_free_closed_form_at_random_points),
        cmocka_unit_test(table_matches_direct_computation_on_wgs84_at_random_points),
        cmocka_unit_test(a_faster_interceptor_reaches_every_point_no_later),
        cmocka_unit_test(unreachable_points_are_a_normal_answer),
        cmocka_unit_test(altitude_floor_ceiling_and_flyout_time_are_respected),
        cmocka_unit_test(bad_input_is_refused_with_einval),
        cmocka_unit_test(tables_built_in_parallel_threads_equal_serial_ones),
        cmocka_unit_test(tables_on_a_nonrotating_sphere_do_not_depend_on_azimuth),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
