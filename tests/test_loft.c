/* Tests of the loft fit (bmd/loft.h): scaling a template, the fit reproducing the observation,
 * the Hwasong-14 test of 4 July 2017 against Wright's standard-range estimate, and bad input. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/loft.h"
#include "flight_vehicles.h"

#define DEG (M_PI / 180.0)

static void scaling_multiplies_masses_and_burn_times_exactly(void **state)
{
    (void)state;
    bmd_missile t, m;
    load_vehicle(&t, "hwasong-14-class");
    assert_int_equal(bmd_loft_scale_missile(&t, 0.5, 2.0, &m, NULL), BMD_SUCCESS);
    for (int i = 0; i < t.n_stages; i++) {
        /* definition of the scales (loft.h): exact */
        assert_float_equal(m.stages[i].propellant_mass_kg, 0.5 * t.stages[i].propellant_mass_kg, 0);
        assert_float_equal(m.stages[i].dry_mass_kg, 0.5 * t.stages[i].dry_mass_kg, 0);
        assert_float_equal(m.stages[i].burn_time_s, 2.0 * t.stages[i].burn_time_s, 0);
    }
    assert_float_equal(m.payload.rv_mass_kg, t.payload.rv_mass_kg, 0);
    bmd_error err;
    assert_int_equal(bmd_loft_scale_missile(&t, 0.0, 1.0, &m, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "propellant scale"));
    assert_int_equal(bmd_loft_scale_missile(&t, 1.0, NAN, &m, &err), BMD_EINVAL);
}

/* The fit on a non-rotating WGS84 Earth from 40N 125E heading east (Hwasong-14 launch area). */
static int fit_hwasong_14(double flight_time_s, bmd_loft_fit *fit, double *max_range_km)
{
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    e.omega_rad_s = 0.0;
    bmd_missile t;
    load_vehicle(&t, "hwasong-14-class");
    bmd_loft_setup setup = {{40.0 * DEG, 125.0 * DEG, 0.0}, 90.0 * DEG, BMD_STEER_PITCH_PROGRAM,
                            5.0};
    /* Wright (UCS, 4 July 2017), references.md sec. 3: apogee 2,802 km, range 933 km */
    bmd_loft_observation obs = {2802e3, 933e3, flight_time_s};
    bmd_error err;
    int rc = bmd_loft_fit_missile(&e, &t, &setup, &obs, NULL, fit, &err);
    if (rc) {
        print_message("fit: %s\n", err.message);
        return rc;
    }
    bmd_aim_result max;
    bmd_plan base = fit->plan;
    if ((rc = bmd_aim_max_range(&e, &fit->missile, &base, &setup.site, NULL, &max, &err)))
        return rc;
    *max_range_km = max.max_range_m / 1e3;
    print_message("flight time %.0f s: scales %.4f %.4f, %d flights, max range %.1f km\n",
                  fit->summary.flight_time_s, fit->propellant_scale, fit->burn_time_scale,
                  fit->evaluations, *max_range_km);
    return 0;
}

static void the_fit_reproduces_the_observed_apogee_range_and_time(void **state)
{
    (void)state;
    bmd_loft_fit fit;
    double r;
    assert_int_equal(fit_hwasong_14(2220.0, &fit, &r), 0);
    /* loft.h: apogee within 0.5 m, range within 100 m, flight time within 0.5 s */
    assert_float_equal(fit.summary.apogee_altitude_m, 2802e3, 0.5);
    assert_float_equal(fit.summary.ground_range_m, 933e3, 100.0);
    assert_float_equal(fit.summary.flight_time_s, 2220.0, 0.5);
    assert_true(fit.summary.impacted);
}

static void hwasong_14_full_model_range_is_within_10_percent_of_wright(void **state)
{
    (void)state;
    bmd_loft_fit fit;
    double r;
    /* observed flight time 37 min (Wright 2017; The Diplomat 2017: "in the air for 37 minutes") */
    assert_int_equal(fit_hwasong_14(37.0 * 60.0, &fit, &r), 0);
    /* Wright (UCS, July 2017): roughly 6,700 km on a standard trajectory; issue 3 asks 10%.
     * Measured 7,192 km (+7.3%). */
    assert_float_equal(r, 6700.0, 670.0);
    /* the full model infers more than the Kepler-only estimate from the ground (5,865 km for
     * 2,802 / 933 km, bmdsim loft), the point of references.md sec. 3 */
    assert_true(r > 5865.0);
}

static void bad_observations_are_rejected(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_missile t;
    load_vehicle(&t, "hwasong-14-class");
    bmd_loft_setup setup = {{0.0, 0.0, 0.0}, 90.0 * DEG, BMD_STEER_PITCH_PROGRAM, 5.0};
    bmd_loft_fit fit;
    bmd_error err;
    bmd_loft_observation obs = {-1.0, 933e3, NAN};
    assert_int_equal(bmd_loft_fit_missile(&e, &t, &setup, &obs, NULL, &fit, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "apogee"));
    obs = (bmd_loft_observation){2802e3, 30000e3, NAN};
    assert_int_equal(bmd_loft_fit_missile(&e, &t, &setup, &obs, NULL, &fit, &err), BMD_EINVAL);
    obs = (bmd_loft_observation){2802e3, 933e3, -5.0};
    assert_int_equal(bmd_loft_fit_missile(&e, &t, &setup, &obs, NULL, &fit, &err), BMD_EINVAL);
    setup.site.lat_rad = 2.0;
    obs.flight_time_s = NAN;
    assert_int_equal(bmd_loft_fit_missile(&e, &t, &setup, &obs, NULL, &fit, &err), BMD_EINVAL);
    /* a flight time no burn-time scale in [0.25, 4] reaches (10 h): BMD_EDOM */
    setup.site.lat_rad = 0.0;
    obs.flight_time_s = 36000.0;
    assert_int_equal(bmd_loft_fit_missile(&e, &t, &setup, &obs, NULL, &fit, &err), BMD_EDOM);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(scaling_multiplies_masses_and_burn_times_exactly),
        cmocka_unit_test(the_fit_reproduces_the_observed_apogee_range_and_time),
        cmocka_unit_test(hwasong_14_full_model_range_is_within_10_percent_of_wright),
        cmocka_unit_test(bad_observations_are_rejected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
