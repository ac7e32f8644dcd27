/* Tests of plan searches and aiming: targets hit within 100 m for all three trajectory shapes,
 * the evaluation count, targets out of reach, lofted plans for an apogee and for a burnout angle,
 * and bad input. The vehicle is the pytrajlib Minuteman III (tests/flight_vehicles.h) with a
 * notional 350 kg bus. */
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

/* Shared fixture: WGS84, Minuteman III from Minot AFB, its max-range plan (one search). */
typedef struct fixture {
    bmd_earth earth;
    bmd_missile missile;
    bmd_site site;
    bmd_aim_result max;
} fixture;

static int setup(void **state)
{
    static fixture f;
    bmd_earth_init_wgs84(&f.earth);
    vehicle_minuteman_3(&f.missile);
    f.missile.payload.bus_mass_kg = 350.0; /* notional: a heavier bus brings the max range to
                                              about 10,600 km, an ordinary ICBM's (the light
                                              pytrajlib payload is nearly orbital) */
    f.site = (bmd_site){48.4 * DEG, -101.3 * DEG, 500.0};
    bmd_plan p;
    bmd_plan_init(&p);
    p.azimuth_rad = 0.0;
    if (bmd_aim_max_range(&f.earth, &f.missile, &p, &f.site, NULL, &f.max, NULL))
        return -1;
    *state = &f;
    return 0;
}

/* The shapes aimed: the three one-parameter families (cutoff, lofted, depressed) whose aim must
 * take < 10 flights on average (issue 3), and min-energy, which searches the steering shape too
 * (a secant over up to a few aims, issue 10) and is counted apart. */
static const bmd_aim_shape shapes[4] = {BMD_AIM_CUTOFF, BMD_AIM_LOFTED, BMD_AIM_DEPRESSED,
                                        BMD_AIM_MIN_ENERGY};

static void targets_are_hit_within_100_m_in_under_10_flights_on_average(void **state)
{
    fixture *f = *state;
    int total = 0, n = 0, total_me = 0, n_me = 0;
    const double ranges_km[4] = {2500.0, 5000.0, 7500.0, 9500.0};
    for (int si = 0; si < 4; si++) {
        const int shape = shapes[si];
        for (int k = 0; k < 8; k++) {
            double az = (15.0 + 45.0 * k) * DEG, lat, lon;
            double d = ranges_km[(k + shape) % 4] * 1e3;
            bmd_geodesy_direct(&f->earth, f->site.lat_rad, f->site.lon_rad, az, d, &lat, &lon,
                               NULL);
            bmd_aim_result res;
            bmd_error err;
            int rc = bmd_aim_target(&f->earth, &f->missile, (bmd_aim_shape)shape, &f->max.plan,
                                    &f->site, lat, lon, 100.0, NULL, &res, &err);
            if (rc)
                print_message("shape %d az %.0f d %.0f km: %s\n", shape, az / DEG, d / 1e3,
                              err.message);
            assert_int_equal(rc, 0);
            assert_true(res.reachable);
            /* task requirement: within 100 m of the target, measured here independently */
            double miss;
            bmd_geodesy_inverse(&f->earth, res.summary.impact_lat_rad, res.summary.impact_lon_rad,
                                lat, lon, &miss, NULL, NULL);
            assert_true(miss <= 100.0);
            assert_float_equal(miss, res.miss_m, 1e-6);
            /* lofted plans kick less than max-range, depressed more; min-energy cuts off early */
            if (shape == BMD_AIM_LOFTED)
                assert_true(res.plan.kick_rad < f->max.plan.kick_rad);
            if (shape == BMD_AIM_DEPRESSED)
                assert_true(res.plan.kick_rad > f->max.plan.kick_rad);
            if (shape == BMD_AIM_CUTOFF || shape == BMD_AIM_MIN_ENERGY)
                assert_true(res.plan.cutoff_s > 0.0 &&
                            res.plan.cutoff_s < res.summary.events.stage_burnout_s[0] + 200.0);
            if (shape == BMD_AIM_MIN_ENERGY)
                total_me += res.evaluations, n_me++;
            else
                total += res.evaluations, n++;
        }
    }
    double mean = (double)total / n, mean_me = (double)total_me / n_me;
    print_message("aim: %d targets, %.2f flights per target on average; min-energy %d targets, "
                  "%.2f flights\n", n, mean, n_me, mean_me);
    assert_true(mean < 10.0); /* task goal: < 10 trajectory evaluations on average */
    assert_true(mean_me < 30.0); /* the search over the shape: a few aims */
}

/* Aim over a broad set of targets: 6 bearings all around, ranges from 300 km to 97% of the max
 * range, the three shapes, four vehicles and both steering laws. Every target within reach is hit
 * within 100 m (the task requirement), the reported miss is the independent geodesic distance,
 * and a target reported out of reach lies beyond the max range reported for its bearing. The
 * regression targets of the hardening (issue 3) are included: Minuteman III with the catalogue's
 * specific impulses (0.02% from the fixture's) depressed at 2,500 km, azimuth 105 deg, and
 * depressed at 1,500 km, azimuth 187 deg (each failed to converge in 40 flights before). */
static void targets_all_around_at_all_ranges_and_shapes_are_hit_for_several_vehicles(void **state)
{
    fixture *f = *state;
    static const char *names[4] = {"minuteman-3", "no-dong", "taepodong-1", "hwasong-15-class"};
    static const int steering[4] = {BMD_STEER_GRAVITY_TURN, BMD_STEER_GRAVITY_TURN,
                                    BMD_STEER_PITCH_PROGRAM, BMD_STEER_PITCH_PROGRAM};
    int total = 0, n = 0, unreachable = 0, total_me = 0, n_me = 0;
    for (int v = 0; v < 4; v++) {
        bmd_missile m;
        load_vehicle(&m, names[v]);
        if (v == 0) { /* the fixture's payload on the catalogue's booster */
            m.payload = f->missile.payload;
        }
        bmd_plan p;
        bmd_plan_init(&p);
        p.steering = (bmd_steering)steering[v];
        if (p.steering == BMD_STEER_PITCH_PROGRAM) {
            p.vertical_rise_s = 5.0;
            p.pitch_final_rad = 40.0 * DEG;
            p.pitch_end_s = 0.8 * m.stages[0].burn_time_s;
        }
        bmd_aim_result max;
        assert_int_equal(bmd_aim_max_range(&f->earth, &m, &p, &f->site, NULL, &max, NULL), 0);
        const double frac[4] = {0.0, 0.35, 0.7, 0.97};
        for (int si = 0; si < 4; si++)
            for (int k = 0; k < 6; k++)
                for (int j = 0; j < 4; j++) {
                    const int shape = shapes[si];
                    double az = (20.0 + 60.0 * k + 7.0 * j) * DEG, lat, lon;
                    double d = j == 0 ? 300e3 : frac[j] * max.max_range_m;
                    if (v == 0 && shape == BMD_AIM_DEPRESSED && k == 1 && j == 1)
                        az = 105.0 * DEG, d = 2500e3;
                    if (v == 0 && shape == BMD_AIM_DEPRESSED && k == 3 && j == 1)
                        az = 187.0 * DEG, d = 1500e3;
                    bmd_geodesy_direct(&f->earth, f->site.lat_rad, f->site.lon_rad, az, d, &lat,
                                       &lon, NULL);
                    bmd_aim_result res;
                    bmd_error err;
                    int rc = bmd_aim_target(&f->earth, &m, (bmd_aim_shape)shape, &max.plan,
                                            &f->site, lat, lon, 100.0, NULL, &res, &err);
                    if (rc)
                        print_message("%s shape %d az %.0f d %.0f km: %s\n", names[v], shape,
                                      az / DEG, d / 1e3, err.message);
                    assert_int_equal(rc, 0);
                    if (!res.reachable) {
                        /* out of reach only beyond the max range along the bearing */
                        assert_true(d > res.max_range_m);
                        unreachable++;
                        continue;
                    }
                    double miss;
                    bmd_geodesy_inverse(&f->earth, res.summary.impact_lat_rad,
                                        res.summary.impact_lon_rad, lat, lon, &miss, NULL, NULL);
                    assert_true(miss <= 100.0); /* task requirement: within 100 m */
                    assert_float_equal(miss, res.miss_m, 1e-6);
                    if (shape == BMD_AIM_MIN_ENERGY)
                        total_me += res.evaluations, n_me++;
                    else
                        total += res.evaluations, n++;
                }
    }
    double mean = (double)total / n;
    print_message("aim: %d targets hit (%d out of reach), %.2f flights per target; min-energy "
                  "%d hit, %.2f flights\n", n, unreachable, mean, n_me, (double)total_me / n_me);
    assert_true(n >= 270);   /* nearly all 288 are within reach */
    assert_true(n_me >= 90); /* nearly all 96 */
    assert_true(mean < 10.0); /* task goal: < 10 trajectory evaluations on average */
}

static void a_target_beyond_reach_is_reported_with_the_max_range(void **state)
{
    fixture *f = *state;
    double lat, lon;
    bmd_geodesy_direct(&f->earth, f->site.lat_rad, f->site.lon_rad, 0.0,
                       f->max.max_range_m + 1500e3, &lat, &lon, NULL);
    bmd_aim_result res;
    bmd_error err;
    assert_int_equal(bmd_aim_target(&f->earth, &f->missile, BMD_AIM_MIN_ENERGY, &f->max.plan,
                                     &f->site, lat, lon, 100.0, NULL, &res, &err), 0);
    assert_int_equal(res.reachable, 0);
    assert_true(res.max_range_m < f->max.max_range_m + 1500e3);
    /* the reported max range is that of the launch azimuth it settled on: a full max-range
     * search at that azimuth agrees within 0.2% (both searches stop at ~1e-3 rad in the kick) */
    bmd_plan p = f->max.plan;
    p.azimuth_rad = res.plan.azimuth_rad;
    bmd_aim_result check;
    assert_int_equal(bmd_aim_max_range(&f->earth, &f->missile, &p, &f->site, NULL, &check, &err),
                     0);
    assert_float_equal(res.max_range_m, check.max_range_m, 2e-3 * check.max_range_m);
    assert_true(res.evaluations <= 20);
}

static void a_lofted_plan_reaches_the_requested_apogee(void **state)
{
    fixture *f = *state;
    double want = 1.5 * f->max.summary.apogee_altitude_m;
    bmd_aim_result res;
    bmd_error err;
    assert_int_equal(bmd_aim_apogee(&f->earth, &f->missile, &f->max.plan, &f->site, want, NULL,
                                    &res, &err), 0);
    /* root found to 1 km of the requested apogee */
    assert_float_equal(res.summary.apogee_altitude_m, want, 1e3);
    assert_true(res.plan.kick_rad < f->max.plan.kick_rad);
    assert_true(res.summary.ground_range_m < f->max.max_range_m);
    /* below the max-range apogee is not lofted: BMD_EDOM */
    assert_int_equal(bmd_aim_apogee(&f->earth, &f->missile, &f->max.plan, &f->site,
                                    0.5 * f->max.summary.apogee_altitude_m, NULL, &res, &err),
                     BMD_EDOM);
    /* beyond the vertical shot: BMD_EDOM */
    assert_int_equal(bmd_aim_apogee(&f->earth, &f->missile, &f->max.plan, &f->site, 1e8, NULL,
                                    &res, &err), BMD_EDOM);
}

static void a_plan_gives_the_requested_burnout_angle(void **state)
{
    fixture *f = *state;
    bmd_aim_result res;
    bmd_error err;
    assert_int_equal(bmd_aim_burnout_angle(&f->earth, &f->missile, &f->max.plan, &f->site,
                                           35.0 * DEG, NULL, &res, &err), 0);
    /* root found to 1e-5 rad */
    assert_float_equal(res.summary.burnout_flight_path_rad, 35.0 * DEG, 1e-5);
}

static void bad_aim_input_is_rejected(void **state)
{
    fixture *f = *state;
    bmd_aim_result res;
    bmd_error err;
    assert_int_equal(bmd_aim_target(&f->earth, &f->missile, BMD_AIM_LOFTED, &f->max.plan,
                                     &f->site, 100.0 * DEG, 0.0, 100.0, NULL, &res, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_aim_target(&f->earth, &f->missile, BMD_AIM_LOFTED, &f->max.plan,
                                     &f->site, 0.5, 0.0, 0.0, NULL, &res, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_aim_target(&f->earth, &f->missile, BMD_AIM_LOFTED, &f->max.plan,
                                     &f->site, 0.5, NAN, 100.0, NULL, &res, &err),
                     BMD_EINVAL);
    bmd_plan p = f->max.plan;
    p.kick_rad = 2.0; /* above 90 degrees */
    assert_int_equal(bmd_aim_max_range(&f->earth, &f->missile, &p, &f->site, NULL, &res, &err),
                     BMD_SUCCESS); /* the kick is searched, the base value is not used */
    assert_int_equal(bmd_aim_burnout_angle(&f->earth, &f->missile, &f->max.plan, &f->site,
                                           2.0, NULL, &res, &err), BMD_EINVAL);
    bmd_site bad = {95.0 * DEG, 0.0, 0.0};
    assert_int_equal(bmd_aim_max_range(&f->earth, &f->missile, &f->max.plan, &bad, NULL, &res,
                                       &err), BMD_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(targets_are_hit_within_100_m_in_under_10_flights_on_average),
        cmocka_unit_test(targets_all_around_at_all_ranges_and_shapes_are_hit_for_several_vehicles),
        cmocka_unit_test(a_target_beyond_reach_is_reported_with_the_max_range),
        cmocka_unit_test(a_lofted_plan_reaches_the_requested_apogee),
        cmocka_unit_test(a_plan_gives_the_requested_burnout_angle),
        cmocka_unit_test(bad_aim_input_is_rejected),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
