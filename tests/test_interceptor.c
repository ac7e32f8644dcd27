/* Tests of the notional interceptor model (src/defense/interceptor.c) and of the direct reach
 * computation (src/defense/reach.c).
 *
 * References: the burn phase is constant acceleration along a straight line (closed form
 * s = a t^2 / 2, v = a t); the vertical coast is rectilinear Kepler motion (energy
 * v^2/2 - mu/r = const; r = A (1 - cos eta), t = sqrt(A^3/mu) (eta - sin eta), A the semi-major
 * axis: Bate, Mueller & White, Fundamentals of Astrodynamics, 1971, sec. 2.3 and 4.2 with e = 1);
 * the inclined coast is checked against bmd_kepler_arc_from_burnout (BMW ch. 6, itself tested
 * against BMW's printed examples in test_kepler.c). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/gravity.h"
#include "bmd/interceptor.h"
#include "bmd/kepler.h"
#include "bmd/trajectory.h"
#include "test_support.h"

#define PI 3.14159265358979323846
#define DEG (PI / 180.0)

/* Fly and return a malloc'ed state array (*n states). */
static bmd_kv_state *fly(const bmd_earth *e, const bmd_interceptor *ic,
                         const bmd_interceptor_site *site, double eps, double dt, int *n)
{
    int max = (int)ceil(ic->max_flyout_time_s / dt) + 3;
    bmd_kv_state *s = malloc(sizeof *s * (size_t)max);
    assert_non_null(s);
    bmd_error err;
    int st = bmd_interceptor_fly(e, ic, site, eps, dt, s, max, n, &err);
    if (st)
        print_error("%s\n", err.message);
    assert_int_equal(st, BMD_SUCCESS);
    return s;
}

static double norm3(const double a[3]) { return sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]); }

static double dist3(const double a[3], const double b[3])
{
    double d[3] = {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    return norm3(d);
}

/* ------------------------------------------------------------------------------------------- */

static void burn_phase_is_constant_acceleration_along_a_straight_line(void **state)
{
    (void)state;
    bmd_earth e = test_sphere_earth();
    bmd_interceptor ic = test_notional_interceptor(4500.0, 60.0, 100.0);
    bmd_interceptor_site site = {0.3, 0.2, 0.0, 1.0};
    int n;
    bmd_kv_state *s = fly(&e, &ic, &site, 35.0 * DEG, 1.0, &n);
    const double a = 4500.0 / 60.0;
    int checked = 0;
    for (int i = 0; i < n && s[i].t_s <= 60.0; i++) {
        /* Closed form s = a t^2 / 2 and v = a t (tolerance: rounding of 6.4e6 m coordinates,
         * 1e-6 m; 1e-9 m/s). */
        assert_close(dist3(s[i].r_ecef_m, s[0].r_ecef_m), 0.5 * a * s[i].t_s * s[i].t_s, 1e-6);
        assert_close(s[i].speed_m_s, a * s[i].t_s, 1e-9);
        checked++;
    }
    assert_int_equal(checked, 61); /* t = 0, 1, ..., 60 s: burnout is a recorded state */
    free(s);
}

static void gravity_free_coast_continues_the_straight_line_at_burnout_speed(void **state)
{
    (void)state;
    bmd_earth e = test_sphere_earth();
    e.gm_m3_s2 = 0.0; /* no gravity: the limit where the flyout is a straight line */
    bmd_interceptor ic = test_notional_interceptor(3000.0, 40.0, 300.0);
    bmd_interceptor_site site = {-0.5, 1.0, 0.0, 2.0};
    int n;
    bmd_kv_state *s = fly(&e, &ic, &site, 20.0 * DEG, 5.0, &n);
    assert_close(s[n - 1].t_s, 300.0, 1e-9); /* no impact: the straight line climbs forever */
    for (int i = 0; i < n; i++) {
        double t = s[i].t_s;
        double d = t <= 40.0 ? 0.5 * 75.0 * t * t : 60000.0 + 3000.0 * (t - 40.0);
        /* Closed form: distance v t_b / 2 + v (t - t_b) after burnout (tolerance 1 mm: the
         * integrator's rtol 1e-10 over 900 km). */
        assert_close(dist3(s[i].r_ecef_m, s[0].r_ecef_m), d, 1e-3);
    }
    free(s);
}

/* Radius of rectilinear Kepler motion at time tau after the start at radius r0 moving up with
 * speed v0 (mu > 0, bound): solve Kepler's equation for the rectilinear ellipse by Newton. */
static double radial_kepler_radius(double r0, double v0, double mu, double tau)
{
    const double energy = 0.5 * v0 * v0 - mu / r0;
    const double A = -mu / (2.0 * energy);      /* semi-major axis; apex at 2A */
    const double nmean = sqrt(mu / (A * A * A));
    const double eta0 = acos(1.0 - r0 / A);
    const double m = (eta0 - sin(eta0)) + nmean * tau;
    double eta = eta0 + nmean * tau;
    for (int it = 0; it < 60; it++)
        eta -= (eta - sin(eta) - m) / (1.0 - cos(eta));
    return A * (1.0 - cos(eta));
}

static void vertical_coast_matches_rectilinear_kepler_motion(void **state)
{
    (void)state;
    bmd_earth e = test_sphere_earth();
    bmd_interceptor ic = test_notional_interceptor(3000.0, 30.0, 900.0);
    bmd_interceptor_site site = {0.7, -1.2, 0.0, 0.0};
    int n;
    bmd_kv_state *s = fly(&e, &ic, &site, 90.0 * DEG, 2.0, &n);
    const double mu = e.gm_m3_s2, rb = e.a_m + 45000.0; /* burnout 45 km up (v t_b / 2) */
    double apex_alt = 0.0;
    for (int i = 0; i < n; i++) {
        apex_alt = fmax(apex_alt, s[i].altitude_m);
        if (s[i].t_s < 30.0)
            continue;
        double r = norm3(s[i].r_ecef_m);
        /* Rectilinear Kepler (BMW sec. 4.2, e = 1): radius within 5 cm (the integrator runs at
         * rtol 1e-10; by the end of the 730 s flight the error is ~1 cm, a 3 us timing error at
         * 3 km/s); speed from the energy within 1e-4 m/s (1e-3 m/s near the apex). */
        assert_close(r, radial_kepler_radius(rb, 3000.0, mu, s[i].t_s - 30.0), 5e-2);
        assert_close(s[i].speed_m_s, sqrt(fmax(0.0, 9.0e6 + 2.0 * mu * (1.0 / r - 1.0 / rb))),
                     1e-4 + 1e-3 * (s[i].speed_m_s < 50.0));
        assert_close(s[i].ground_range_m, 0.0, 1e-6);
    }
    /* Apex radius 1/(1/r_b - v^2/(2 mu)) from the energy (within 2 m: the 2 s sampling near the
     * apex, where the altitude is flat to g (1 s)^2 / 2 = 4 m at worst). */
    const double r_apex = 1.0 / (1.0 / rb - 9.0e6 / (2.0 * mu));
    assert_true(apex_alt <= r_apex - e.a_m + 1e-3);
    assert_close(apex_alt, r_apex - e.a_m, 5.0);
    /* It comes down: the last state is the impact. */
    assert_close(s[n - 1].altitude_m, 0.0, 1e-3);
    free(s);
}

static void inclined_coast_matches_the_kepler_arc_from_burnout(void **state)
{
    (void)state;
    bmd_earth e = test_sphere_earth();
    bmd_interceptor ic = test_notional_interceptor(5000.0, 60.0, 1500.0);
    bmd_interceptor_site site = {0.2, 0.4, 0.0, 0.6};
    const double dt = 0.01;
    int n;
    bmd_kv_state *s = fly(&e, &ic, &site, 30.0 * DEG, dt, &n);
    int ib = (int)lround(60.0 / dt);
    assert_close(s[ib].t_s, 60.0, 1e-9);
    const double rb = norm3(s[ib].r_ecef_m);
    bmd_kepler_arc arc;
    assert_int_equal(bmd_kepler_arc_from_burnout(rb, s[ib].speed_m_s, s[ib].gamma_rad, e.gm_m3_s2,
                                                 &arc, NULL),
                     BMD_SUCCESS);
    /* Find the return through the burnout radius and the highest state. */
    double rmax = 0.0, t_back = NAN, psi = NAN;
    for (int i = ib + 1; i + 1 < n; i++) {
        double r0 = norm3(s[i].r_ecef_m), r1 = norm3(s[i + 1].r_ecef_m);
        rmax = fmax(rmax, r0);
        if (r0 > rb && r1 <= rb && isnan(t_back)) {
            double f = (r0 - rb) / (r0 - r1);
            t_back = s[i].t_s + f * dt;
            double p[3], ub[3], up[3];
            for (int k = 0; k < 3; k++)
                p[k] = s[i].r_ecef_m[k] + f * (s[i + 1].r_ecef_m[k] - s[i].r_ecef_m[k]);
            for (int k = 0; k < 3; k++) {
                ub[k] = s[ib].r_ecef_m[k] / rb;
                up[k] = p[k] / norm3(p);
            }
            psi = acos(ub[0] * up[0] + ub[1] * up[1] + ub[2] * up[2]);
        }
    }
    /* BMW ch. 6 via bmd_kepler_arc_from_burnout: time of free flight within 1 ms (linear
     * interpolation over 10 ms steps of a 1.8 km/s radial motion: < 1e-6 s; integrator
     * rtol 1e-10), range angle within 1e-6 rad (6 m), apogee radius within 1 m. */
    assert_close(t_back - 60.0, arc.flight_time_s, 1e-3);
    assert_close(psi, arc.range_angle_rad, 1e-6);
    assert_close(rmax, arc.apogee_radius_m, 1.0);
    free(s);
}

static void coast_on_rotating_wgs84_conserves_inertial_energy_with_j2(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_interceptor ic = test_notional_interceptor(4500.0, 50.0, 800.0);
    bmd_interceptor_site site = {0.9, 0.3, 100.0, 1.3};
    int n;
    bmd_kv_state *s = fly(&e, &ic, &site, 40.0 * DEG, 5.0, &n);
    double e0 = NAN;
    for (int i = 0; i < n; i++) {
        if (s[i].t_s < 50.0)
            continue;
        double r[3], v[3];
        bmd_earth_ecef_to_eci(&e, s[i].t_s, s[i].r_ecef_m, s[i].v_ecef_m_s, r, v);
        double en = 0.5 * (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]) + bmd_gravity_potential(&e, r);
        if (isnan(e0))
            e0 = en;
        /* A coast under a static potential conserves v^2/2 + U in the inertial frame (J2 is
         * axisymmetric, so the potential is static there); 1e-9 relative (rtol 1e-10). */
        assert_close(en, e0, 1e-9 * fabs(e0));
    }
    free(s);
}

static void reach_agrees_with_the_closed_form_without_gravity(void **state)
{
    (void)state;
    bmd_earth e = test_sphere_earth();
    e.gm_m3_s2 = 0.0;
    bmd_interceptor ic = test_notional_interceptor(3000.0, 40.0, 400.0);
    bmd_interceptor_site site = {0.0, 0.0, 0.0, 0.0};
    /* A point 500 km downrange at 200 km altitude: straight-line distance from the site by the
     * law of cosines on the sphere. */
    const double R = e.a_m, theta = 500e3 / R, h = 200e3;
    const double d = sqrt(R * R + (R + h) * (R + h) - 2.0 * R * (R + h) * cos(theta));
    const double t_expect = 40.0 + (d - 60000.0) / 3000.0;
    bmd_reach r;
    bmd_error err;
    assert_int_equal(bmd_interceptor_reach(&e, &ic, &site, 500e3, h, 0, &r, &err), BMD_SUCCESS);
    assert_true(r.reachable);
    /* Closed form t_b + (d - v t_b / 2) / v (tolerance 1e-6 s: bisections to 1e-12). */
    assert_close(r.t_s, t_expect, 1e-6);
    assert_close(r.speed_m_s, 3000.0, 1e-6);
    /* The line-of-sight elevation: atan2((R+h) cos(theta) - R, (R+h) sin(theta)) (1e-9 rad). */
    assert_close(r.elevation_rad, atan2((R + h) * cos(theta) - R, (R + h) * sin(theta)), 1e-9);
    /* The vertical column: 200 km straight up is at time t_b + (h - 60 km)/v. */
    assert_int_equal(bmd_interceptor_reach(&e, &ic, &site, 0.0, h, 0, &r, &err), BMD_SUCCESS);
    assert_close(r.t_s, 40.0 + 140e3 / 3000.0, 1e-6);
}

static void reach_reports_floor_ceiling_and_out_of_reach_as_answers(void **state)
{
    (void)state;
    bmd_earth e = test_sphere_earth();
    bmd_interceptor ic = test_notional_interceptor(3000.0, 40.0, 400.0);
    ic.min_altitude_m = 100e3;
    ic.max_altitude_m = 500e3;
    bmd_interceptor_site site = {0.0, 0.0, 0.0, 0.0};
    bmd_reach r;
    assert_int_equal(bmd_interceptor_reach(&e, &ic, &site, 300e3, 50e3, 0, &r, NULL), BMD_SUCCESS);
    assert_false(r.reachable);
    assert_int_equal(r.reason, BMD_REACH_BELOW_FLOOR);
    assert_true(isinf(r.t_s));
    assert_int_equal(bmd_interceptor_reach(&e, &ic, &site, 300e3, 600e3, 0, &r, NULL), BMD_SUCCESS);
    assert_int_equal(r.reason, BMD_REACH_ABOVE_CEILING);
    /* 3 km/s reaches about 900 km (Kepler maximum range); 3000 km is out of reach. */
    assert_int_equal(bmd_interceptor_reach(&e, &ic, &site, 3000e3, 150e3, 0, &r, NULL),
                     BMD_SUCCESS);
    assert_int_equal(r.reason, BMD_REACH_OUT_OF_REACH);
    assert_true(isnan(r.speed_m_s));
    assert_string_equal(bmd_reach_reason_name(BMD_REACH_BELOW_FLOOR), "below the altitude floor");
}

static void bad_interceptors_and_inputs_are_refused_with_einval(void **state)
{
    (void)state;
    bmd_earth e = test_sphere_earth();
    bmd_interceptor_site site = {0.0, 0.0, 0.0, 0.0};
    bmd_kv_state s[700];
    int n;
    bmd_error err;
    bmd_interceptor ic = test_notional_interceptor(NAN, 40.0, 400.0);
    assert_int_equal(bmd_interceptor_fly(&e, &ic, &site, 0.5, 1.0, s, 700, &n, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "burnout_speed_m_s"));
    ic = test_notional_interceptor(3000.0, -1.0, 400.0);
    assert_int_equal(bmd_interceptor_validate(&ic, &err), BMD_EINVAL);
    ic = test_notional_interceptor(3000.0, 40.0, 400.0);
    ic.min_altitude_m = 600e3;
    ic.max_altitude_m = 500e3;
    assert_int_equal(bmd_interceptor_validate(&ic, &err), BMD_EINVAL);
    ic = test_notional_interceptor(3000.0, 40.0, 400.0);
    ic.min_elevation_rad = 30 * DEG;
    assert_int_equal(bmd_interceptor_fly(&e, &ic, &site, 10 * DEG, 1.0, s, 700, &n, &err),
                     BMD_EINVAL);
    assert_non_null(strstr(err.message, "elevation"));
    assert_int_equal(bmd_interceptor_fly(&e, &ic, &site, 0.7, 0.0, s, 700, &n, &err), BMD_EINVAL);
    assert_int_equal(bmd_interceptor_fly(&e, &ic, &site, 0.7, 1.0, s, 10, &n, &err), BMD_EINVAL);
    bmd_interceptor_site bad = {2.0, 0.0, 0.0, 0.0};
    assert_int_equal(bmd_interceptor_fly(&e, &ic, &bad, 0.7, 1.0, s, 700, &n, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "latitude"));
    bmd_reach r;
    assert_int_equal(bmd_interceptor_reach(&e, &ic, &site, NAN, 1e5, 0, &r, &err), BMD_EINVAL);
    assert_int_equal(bmd_interceptor_reach(&e, &ic, &site, 1e5, -1.0, 0, &r, &err), BMD_EINVAL);
    assert_int_equal(bmd_interceptor_reach(&e, &ic, &site, 1e5, 1e5, 1, &r, &err), BMD_EINVAL);
}

/* A two-stage interceptor of round numbers (notional, for the test only). */
static bmd_interceptor staged(void)
{
    bmd_interceptor ic;
    bmd_interceptor_init(&ic);
    ic.model = BMD_INTERCEPTOR_STAGED;
    ic.max_flyout_time_s = 400.0;
    ic.vertical_rise_s = 4.0; /* the fan spans the default elevations 0 to 90 deg: the flattest
                                 flights hit the ground while still boosting, a normal ending */
    bmd_missile *m = &ic.rocket;
    m->n_stages = 2;
    m->stages[0] = (bmd_stage){.propellant_mass_kg = 600, .dry_mass_kg = 150, .burn_time_s = 20,
                               .isp_vacuum_s = 260, .isp_sea_level_s = 240, .diameter_m = 0.53};
    m->stages[1] = (bmd_stage){.propellant_mass_kg = 250, .dry_mass_kg = 60, .burn_time_s = 25,
                               .isp_vacuum_s = 280, .diameter_m = 0.35};
    m->payload.rv_mass_kg = 30;
    m->payload.rv_beta_kg_m2 = 5000;
    return ic;
}

static void staged_model_reuses_the_flight_module_and_fills_the_fan(void **state)
{
    (void)state;
    bmd_earth e = test_sphere_earth();
    bmd_interceptor ic = staged();
    bmd_interceptor_site site = {0.5, 0.5, 0.0, 0.3};
    int n;
    bmd_kv_state *s = fly(&e, &ic, &site, 50.0 * DEG, 1.0, &n);
    /* The same flight through bmd_trajectory_fly directly: kick pi/2 - 50 deg. */
    bmd_plan plan;
    bmd_plan_init(&plan);
    plan.azimuth_rad = 0.3;
    plan.vertical_rise_s = 4.0;
    plan.kick_rad = 40.0 * DEG;
    bmd_flight_options opt;
    bmd_flight_options_init(&opt);
    opt.max_time_s = 400.0;
    bmd_flight_summary sum;
    assert_int_equal(bmd_trajectory_fly(&e, &ic.rocket, &plan, 0.5, 0.5, 0.0, &opt, &sum, NULL,
                                        NULL),
                     BMD_SUCCESS);
    double vmax = 0.0;
    for (int i = 0; i < n; i++)
        vmax = fmax(vmax, s[i].speed_m_s);
    /* The fastest recorded state is within one 1 s step of burnout (45 s): the speed there is
     * the summary's burnout speed to within the drop in one second of coasting (< 15 m/s). */
    assert_close(vmax, sum.burnout_speed_m_s, 15.0);
    /* The ideal (rocket-equation) speed bounds it from above: gravity and drag losses. */
    assert_true(vmax < bmd_missile_ideal_delta_v_m_s(&ic.rocket));
    /* Downrange and climbing at burnout. */
    assert_true(s[50].ground_range_m > 10e3 && s[50].altitude_m > 10e3);
    free(s);
    /* A table builds from the staged fan, and reaches a point the fan passes. */
    bmd_flyout_options o;
    bmd_flyout_options_init(&o);
    o.n_elevations = 46;
    o.site = site;
    bmd_flyout tb;
    assert_int_equal(bmd_flyout_build(&tb, &e, &ic, &o, NULL), BMD_SUCCESS);
    bmd_reach r;
    assert_int_equal(bmd_flyout_query(&tb, 0.3 * tb.range_max_m, 0.3 * tb.altitude_max_m, &r),
                     BMD_SUCCESS);
    assert_true(r.reachable && r.t_s > 45.0);
    bmd_flyout_free(&tb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(burn_phase_is_constant_acceleration_along_a_straight_line),
        cmocka_unit_test(gravity_free_coast_continues_the_straight_line_at_burnout_speed),
        cmocka_unit_test(vertical_coast_matches_rectilinear_kepler_motion),
        cmocka_unit_test(inclined_coast_matches_the_kepler_arc_from_burnout),
        cmocka_unit_test(coast_on_rotating_wgs84_conserves_inertial_energy_with_j2),
        cmocka_unit_test(reach_agrees_with_the_closed_form_without_gravity),
        cmocka_unit_test(reach_reports_floor_ceiling_and_out_of_reach_as_answers),
        cmocka_unit_test(bad_interceptors_and_inputs_are_refused_with_einval),
        cmocka_unit_test(staged_model_reuses_the_flight_module_and_fills_the_fan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
