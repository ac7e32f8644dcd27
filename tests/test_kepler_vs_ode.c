/* The analytic free flight (src/flight/kepler.c) against bmdsim's own integrator
 * (src/flight/ode.c, DOP853): the same burnout states flown numerically in vacuum with point-mass
 * gravity. State y = inertial position (m) and velocity (m/s). Each arc is flown in two phases:
 * burnout to apogee (r.v falls through zero), then apogee to the burnout radius (|r| - r_bo falls
 * through zero), so no event starts exactly on its zero. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "bmd/kepler.h"
#include "bmd/ode.h"
#include "test_support.h"

#define PI 3.14159265358979323846
#define DEG (PI / 180.0)
#define R_GROUND_M 6371000.0    /* range-angle errors are judged as distances at this radius */
#define OMEGA_EARTH 7.292115e-5 /* WGS84 rotation rate, rad/s (NIMA TR8350.2) */

/* Context shared by the right-hand side and the events. */
struct vacuum {
    double mu;
    double r_stop;
};

/* Point-mass gravity: dy/dt = (v, -mu r / |r|^3). */
static int vacuum_rhs(double t, const double *y, double *dydt, void *ctx)
{
    (void)t;
    const struct vacuum *c = ctx;
    const double r = sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]);
    const double k = -c->mu / (r * r * r);
    for (int i = 0; i < 3; i++) {
        dydt[i] = y[3 + i];
        dydt[3 + i] = k * y[i];
    }
    return 0;
}

/* Apogee: the radial speed r.v changes sign. */
static double apogee_event(double t, const double *y, void *ctx)
{
    (void)t;
    (void)ctx;
    return y[0] * y[3] + y[1] * y[4] + y[2] * y[5];
}

/* Back at the burnout radius. */
static double radius_event(double t, const double *y, void *ctx)
{
    (void)t;
    const struct vacuum *c = ctx;
    return sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]) - c->r_stop;
}

/* Fly y0 (inertial) until it falls back to |r| = r_stop; returns the time, fills y_end. */
static double fly(const double y0[6], double mu, double r_stop, double y_end[6])
{
    struct vacuum c = {mu, r_stop};
    bmd_ode_system sys = {vacuum_rhs, 6, &c};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    opt.rtol = 1e-12;
    opt.atol = 1e-9;
    opt.event_tol = 1e-9;
    bmd_ode ode;
    bmd_error err;
    const bmd_ode_event events[2] = {{apogee_event, &c, -1, 1}, {radius_event, &c, -1, 1}};
    bmd_ode_hit hit;
    int n_hits = 0;
    double y[6];
    memcpy(y, y0, sizeof y);
    double t0 = 0.0;
    for (int phase = 0; phase < 2; phase++) {
        assert_int_equal(bmd_ode_init(&ode, &sys, &opt, t0, y, &err), BMD_SUCCESS);
        assert_int_equal(bmd_ode_run(&ode, t0 + 1e6, &events[phase], 1, &hit, 1, &n_hits, NULL,
                                     NULL, &err),
                         BMD_SUCCESS);
        assert_int_equal(n_hits, 1);
        t0 = hit.t;
        memcpy(y, hit.y, sizeof y);
    }
    memcpy(y_end, y, sizeof y);
    return t0;
}

/* Non-rotating arcs, including lofted ones: range angle within 0.1 km on the ground
 * (R = 6371 km) and flight time within 0.1 s (the brief's acceptance limits). */
static void kepler_arcs_match_the_dop853_integration_in_vacuum(void **state)
{
    (void)state;
    const double mu = BMD_WGS84_GM_M3_S2, r = R_GROUND_M + 100e3;
    const struct { double v, g_deg; } cases[] = {
        {1800.0, 45.0}, /* Scud-class */
        {4500.0, 38.0}, /* intermediate range, near optimum */
        {7000.0, 22.0}, /* ICBM, minimum-energy-like */
        {6200.0, 83.0}, /* lofted, Hwasong-14-like */
        {7200.0, 85.0}, /* very lofted */
        {7000.0, 8.0},  /* depressed */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const double v = cases[i].v, g = cases[i].g_deg * DEG;
        bmd_kepler_arc arc;
        assert_int_equal(bmd_kepler_arc_from_burnout(r, v, g, mu, &arc, NULL), BMD_SUCCESS);
        const double y0[6] = {r, 0.0, 0.0, v * sin(g), v * cos(g), 0.0};
        double y1[6];
        const double t = fly(y0, mu, r, y1);
        double psi = atan2(y1[1], y1[0]);
        if (psi < 0.0)
            psi += 2.0 * PI;
        /* Brief: 0.1 km on the ground, 0.1 s. */
        assert_close(arc.range_angle_rad * R_GROUND_M, psi * R_GROUND_M, 100.0);
        assert_close(arc.flight_time_s, t, 0.1);
        /* Tighter, what rtol 1e-12 supports (measured: below 0.1 mm and 1e-8 s): 1 m, 1e-5 s. */
        assert_close(arc.range_angle_rad * R_GROUND_M, psi * R_GROUND_M, 1.0);
        assert_close(arc.flight_time_s, t, 1e-5);
        /* The run really stopped on the burnout radius: event_tol 1e-9 s times a radial speed
         * below 8 km/s is under 1e-5 m; tolerance 1 mm. */
        assert_close(sqrt(y1[0] * y1[0] + y1[1] * y1[1] + y1[2] * y1[2]), r, 1e-3);
    }
}

/* A rotating-Earth case: the inertial state flown by DOP853, the landing point turned back by
 * omega t, against bmd_kepler_rotating_range (0.1 km, 0.1 s). */
static void rotating_earth_landing_point_matches_the_dop853_integration(void **state)
{
    (void)state;
    const double mu = BMD_WGS84_GM_M3_S2, r = R_GROUND_M + 150e3, w = OMEGA_EARTH;
    const struct { double lat_deg, az_deg, v, g_deg; } cases[] = {
        {39.0, 40.0, 5000.0, 35.0}, {0.0, 90.0, 7000.0, 25.0}, {0.0, 270.0, 7000.0, 25.0},
        {55.0, 330.0, 6800.0, 80.0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const double lat = cases[i].lat_deg * DEG, az = cases[i].az_deg * DEG;
        const double v = cases[i].v, g = cases[i].g_deg * DEG;
        bmd_kepler_rotating out;
        assert_int_equal(bmd_kepler_rotating_range(lat, az, r, v, g, mu, w, &out, NULL),
                         BMD_SUCCESS);
        double y0[6]; /* inertial: ENU at (lat, lon 0) plus omega x r */
        test_rotating_launch_state(lat, az, r, v, g, w, y0);
        double y1[6];
        const double t = fly(y0, mu, r, y1);
        const double lat2 = asin(y1[2] / r);
        const double lon2 = atan2(y1[1], y1[0]) - w * t;
        assert_close(out.flight_time_s, t, 0.1);
        assert_close(out.reentry_lat_rad * R_GROUND_M, lat2 * R_GROUND_M, 100.0);
        assert_close(remainder(out.reentry_lon_rad - lon2, 2.0 * PI) * cos(lat2) * R_GROUND_M,
                     0.0, 100.0);
        /* Tighter (measured: below 0.2 mm, 3e-8 s): 1 m and 1e-5 s. */
        assert_close(out.flight_time_s, t, 1e-5);
        assert_close(out.reentry_lat_rad * R_GROUND_M, lat2 * R_GROUND_M, 1.0);
        assert_close(remainder(out.reentry_lon_rad - lon2, 2.0 * PI) * cos(lat2) * R_GROUND_M,
                     0.0, 1.0);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(kepler_arcs_match_the_dop853_integration_in_vacuum),
        cmocka_unit_test(rotating_earth_landing_point_matches_the_dop853_integration),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
