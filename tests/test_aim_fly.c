/* Tests of the one threat flight, bmd_aim_fly_to (issue 10): it is the max-range search along the
 * target's bearing with the steering law of the longer range followed by bmd_aim_target (the same
 * plan, bit for bit); an explicit law and vertical rise are honoured; a target beyond reach is a
 * normal answer; the time series is the flight of the plan found; bad options are refused naming
 * the field; shape names round-trip. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/aim.h"
#include "bmd/geodesy.h"
#include "flight_vehicles.h"

#define DEG (M_PI / 180.0)

static void fly_to_is_the_max_range_search_along_the_bearing_then_the_aim(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_missile m;
    load_vehicle(&m, "rs-24-yars-class");
    bmd_site kozelsk = {54.0 * DEG, 35.8 * DEG, 0.0};
    const double tlat = 38.9 * DEG, tlon = -77.0 * DEG;
    bmd_aim_flight f;
    bmd_error err;
    assert_int_equal(bmd_aim_fly_to(&e, &m, &kozelsk, tlat, tlon, NULL, 1, &f, &err), 0);
    assert_true(f.reachable);
    assert_true(f.miss_m <= 100.0); /* the default aim tolerance */
    /* the composed steps */
    double dist, az;
    bmd_geodesy_inverse(&e, kozelsk.lat_rad, kozelsk.lon_rad, tlat, tlon, &dist, &az, NULL);
    assert_float_equal(f.target_distance_m, dist, 1e-6);
    bmd_aim_result base, aim;
    assert_int_equal(bmd_aim_max_range_best(&e, &m, az, &kozelsk, NULL, &base, &err), 0);
    assert_int_equal(bmd_aim_target(&e, &m, BMD_AIM_MIN_ENERGY, &base.plan, &kozelsk, tlat, tlon,
                                     100.0, NULL, &aim, &err), 0);
    assert_memory_equal(&f.plan, &aim.plan, sizeof f.plan);
    assert_float_equal(f.summary.flight_time_s, aim.summary.flight_time_s, 1e-9);
    assert_int_equal(f.evaluations, base.evaluations + aim.evaluations);
    /* the time series is that flight, sampled every 2 s (the default) */
    assert_true(f.traj.n_samples > (int)(f.summary.flight_time_s / 2.0));
    assert_float_equal(f.traj.samples[f.traj.n_samples - 1].t_s, f.summary.flight_time_s, 1e-6);
    bmd_trajectory_free(&f.traj);
}

static void an_explicit_steering_law_and_rise_are_honoured(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_missile m;
    load_vehicle(&m, "no-dong");
    bmd_site s = {39.03 * DEG, 125.75 * DEG, 0.0};
    bmd_aim_fly_options o;
    bmd_aim_fly_options_init(&o);
    assert_int_equal(o.shape, BMD_AIM_MIN_ENERGY);
    assert_int_equal(o.steering, BMD_AIM_STEER_AUTO);
    assert_float_equal(o.aim_tolerance_m, 100.0, 0.0);
    o.steering = BMD_STEER_PITCH_PROGRAM;
    o.vertical_rise_s = 7.0;
    o.shape = BMD_AIM_LOFTED;
    bmd_aim_flight f;
    bmd_error err;
    assert_int_equal(bmd_aim_fly_to(&e, &m, &s, 35.1 * DEG, 129.04 * DEG, &o, 0, &f, &err), 0);
    assert_true(f.reachable);
    assert_int_equal(f.plan.steering, BMD_STEER_PITCH_PROGRAM);
    assert_float_equal(f.plan.vertical_rise_s, 7.0, 0.0);
    assert_float_equal(f.plan.cutoff_s, 0.0, 0.0); /* lofted: full burn */
    assert_int_equal(f.traj.n_samples, 0); /* no series asked for */
}

static void a_target_beyond_reach_is_a_normal_answer(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_missile m;
    load_vehicle(&m, "scud-b");
    bmd_site s = {30.0 * DEG, 40.0 * DEG, 0.0};
    bmd_aim_flight f;
    bmd_error err;
    assert_int_equal(bmd_aim_fly_to(&e, &m, &s, 30.0 * DEG, 50.0 * DEG, NULL, 1, &f, &err), 0);
    assert_false(f.reachable);
    assert_true(f.max_range_m > 200e3 && f.max_range_m < f.target_distance_m);
    assert_int_equal(f.traj.n_samples, 0);
}

static void bad_options_are_refused_naming_the_field(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_missile m;
    load_vehicle(&m, "scud-b");
    bmd_site s = {30.0 * DEG, 40.0 * DEG, 0.0};
    bmd_aim_flight f;
    bmd_error err;
    bmd_aim_fly_options o;
    bmd_aim_fly_options_init(&o);
    o.shape = (bmd_aim_shape)7;
    assert_int_equal(bmd_aim_fly_to(&e, &m, &s, 31 * DEG, 40 * DEG, &o, 0, &f, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "shape"));
    bmd_aim_fly_options_init(&o);
    o.steering = 5;
    assert_int_equal(bmd_aim_fly_to(&e, &m, &s, 31 * DEG, 40 * DEG, &o, 0, &f, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "steering"));
    bmd_aim_fly_options_init(&o);
    o.aim_tolerance_m = 0.0;
    assert_int_equal(bmd_aim_fly_to(&e, &m, &s, 31 * DEG, 40 * DEG, &o, 0, &f, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "aim tolerance"));
    bmd_aim_fly_options_init(&o);
    o.sample_interval_s = NAN;
    assert_int_equal(bmd_aim_fly_to(&e, &m, &s, 31 * DEG, 40 * DEG, &o, 0, &f, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "sample interval"));
    bmd_aim_fly_options_init(&o);
    o.vertical_rise_s = -1.0;
    assert_int_equal(bmd_aim_fly_to(&e, &m, &s, 31 * DEG, 40 * DEG, &o, 0, &f, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "vertical rise"));
    /* a target at the launch point has no bearing */
    assert_int_equal(bmd_aim_fly_to(&e, &m, &s, s.lat_rad, s.lon_rad, NULL, 0, &f, &err),
                     BMD_EINVAL);
    assert_non_null(strstr(err.message, "from the launch point"));
    assert_int_equal(bmd_aim_fly_to(&e, &m, &s, 2.0, 0.0, NULL, 0, &f, &err), BMD_EINVAL);
    assert_int_equal(bmd_aim_fly_to(&e, &m, &s, 0.5, 0.5, NULL, 0, NULL, &err), BMD_EINVAL);
}

static void shape_names_round_trip(void **state)
{
    (void)state;
    static const char *names[4] = {"min-energy", "lofted", "depressed", "cutoff"};
    for (int i = 0; i < 4; i++) {
        bmd_aim_shape s;
        assert_int_equal(bmd_aim_shape_parse(names[i], &s, NULL), 0);
        assert_int_equal(s, i);
        assert_string_equal(bmd_aim_shape_name(s), names[i]);
    }
    bmd_aim_shape s;
    bmd_error err;
    assert_int_equal(bmd_aim_shape_parse("minimum", &s, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "'minimum'"));
    assert_string_equal(bmd_aim_shape_name((bmd_aim_shape)9), "?");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(fly_to_is_the_max_range_search_along_the_bearing_then_the_aim),
        cmocka_unit_test(an_explicit_steering_law_and_rise_are_honoured),
        cmocka_unit_test(a_target_beyond_reach_is_a_normal_answer),
        cmocka_unit_test(bad_options_are_refused_naming_the_field),
        cmocka_unit_test(shape_names_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
