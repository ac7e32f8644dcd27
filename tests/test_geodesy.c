/* Tests of geodesics (PROJ / Karney) and great circles against published worked examples and
 * analytic results. Sources and tolerances are next to each assertion. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "bmd/earth.h"
#include "bmd/geodesy.h"

#define PI 3.14159265358979323846

/* Fail with both numbers printed unless |actual - expected| <= tol (NaN always fails). */
#define assert_near(actual, expected, tol) \
    near_check((actual), (expected), (tol), #actual, __FILE__, __LINE__)
static void near_check(double actual, double expected, double tol, const char *what,
                       const char *file, int line)
{
    if (!(fabs(actual - expected) <= tol)) {
        print_error("%s = %.17g, expected %.17g +/- %.3g (off by %.3g)\n", what, actual, expected,
                    tol, actual - expected);
        _fail(file, line);
    }
}

/* Difference of two angles in degrees, wrapped to [-180, 180]. */
static double ddeg(double a_rad, double b_deg)
{
    return remainder(bmd_rad_to_deg(a_rad) - b_deg, 360.0);
}

/* Degrees, minutes, seconds -> radians. */
static double dms(double d, double m, double s)
{
    return bmd_deg_to_rad(d + m / 60.0 + s / 3600.0);
}

/* Deterministic uniform numbers in [0, 1) (64-bit LCG, Knuth MMIX constants). */
static double uniform(uint64_t *state)
{
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*state >> 11) * 0x1.0p-53;
}

static void direct_matches_karney_2013_table_2(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    double lat2, lon2, azi2;
    /* C. F. F. Karney, "Algorithms for geodesics", J. Geodesy 87, 43 (2013), table 2: WGS84,
     * lat1 = 40 deg, azi1 = 30 deg, s12 = 10,000 km -> lat2 = 41.79331020506 deg,
     * lon2 = 137.84490004377 deg, azi2 = 149.09016931807 deg. Printed to 1e-11 deg:
     * tolerance 1e-11 deg. */
    bmd_geodesy_direct(&e, bmd_deg_to_rad(40.0), 0.0, bmd_deg_to_rad(30.0), 10e6, &lat2, &lon2,
                       &azi2);
    assert_near(ddeg(lat2, 41.79331020506), 0.0, 1e-11);
    assert_near(ddeg(lon2, 137.84490004377), 0.0, 1e-11);
    assert_near(ddeg(azi2, 149.09016931807), 0.0, 1e-11);
    /* NULL outputs are allowed. */
    bmd_geodesy_direct(&e, bmd_deg_to_rad(40.0), 0.0, bmd_deg_to_rad(30.0), 10e6, NULL, &lon2,
                       NULL);
    assert_near(ddeg(lon2, 137.84490004377), 0.0, 1e-11);
}

static void inverse_matches_karney_2013_tables_3_and_5(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    double s12, azi1, azi2;
    /* Karney (2013) table 3, short line: lat1 = -30.12345, lat2 = -30.12344, lon12 = 0.00005 deg
     * -> azi1 = 77.04353354 deg, azi2 = 77.04350845 deg, s12 = 4.944208 m. Table 3 is the
     * one-step short-line solution, good to ~1e-9 deg: tolerances 1e-8 deg and 0.5e-6 m. */
    bmd_geodesy_inverse(&e, bmd_deg_to_rad(-30.12345), 0.0, bmd_deg_to_rad(-30.12344),
                        bmd_deg_to_rad(0.00005), &s12, &azi1, &azi2);
    assert_near(s12, 4.944208, 0.5e-6);
    assert_near(ddeg(azi1, 77.04353354237), 0.0, 1e-8);
    assert_near(ddeg(azi2, 77.04350844913), 0.0, 1e-8);
    /* Tables 4-6, nearly antipodal: lat1 = -30, lat2 = 29.9, lon12 = 179.8 deg -> after the
     * last Newton step azi1 = 161.89052473633, azi2 = 18.09073724574 deg, s12 = 19989832.827610
     * m (printed to 1e-11 deg and 1e-6 m; PROJ is good to 15 nm). Tolerances 1e-10 deg, 1e-6 m. */
    bmd_geodesy_inverse(&e, bmd_deg_to_rad(-30.0), 0.0, bmd_deg_to_rad(29.9),
                        bmd_deg_to_rad(179.8), &s12, &azi1, &azi2);
    assert_near(s12, 19989832.827610, 1e-6);
    assert_near(ddeg(azi1, 161.89052473633), 0.0, 1e-10);
    assert_near(ddeg(azi2, 18.09073724574), 0.0, 1e-10);
}

static void inverse_matches_the_geodsolve_jfk_to_singapore_example(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    double s12, azi1, azi2;
    /* GeographicLib GeodSolve(1) man page, EXAMPLES: 40:38:23N 073:46:44W to 01:21:33N
     * 103:59:22E -> azi1 003:18:29.9, azi2 177:29:09.2, s12 15347628 m (printed to 1 m and
     * 0.1 arcsec: tolerances 0.5 m and 0.05 arcsec). */
    const double lat1 = dms(40, 38, 23), lon1 = -dms(73, 46, 44);
    const double lat2 = dms(1, 21, 33), lon2 = dms(103, 59, 22);
    bmd_geodesy_inverse(&e, lat1, lon1, lat2, lon2, &s12, &azi1, &azi2);
    assert_near(s12, 15347628.0, 0.5);
    assert_near(ddeg(azi1, 3.0 + 18.0 / 60 + 29.9 / 3600), 0.0, 0.05 / 3600);
    assert_near(ddeg(azi2, 177.0 + 29.0 / 60 + 9.2 / 3600), 0.0, 0.05 / 3600);
    /* Same man page, waypoint at half the distance: 70:20:29.2N 097:01:29.4E, azimuth
     * 172:31:56.4 (0.05 arcsec tolerance). */
    double lat_mid, lon_mid, azi_mid;
    bmd_geodesy_direct(&e, lat1, lon1, azi1, 0.5 * s12, &lat_mid, &lon_mid, &azi_mid);
    assert_near(ddeg(lat_mid, 70.0 + 20.0 / 60 + 29.2 / 3600), 0.0, 0.05 / 3600);
    assert_near(ddeg(lon_mid, 97.0 + 1.0 / 60 + 29.4 / 3600), 0.0, 0.05 / 3600);
    assert_near(ddeg(azi_mid, 172.0 + 31.0 / 60 + 56.4 / 3600), 0.0, 0.05 / 3600);
}

static void inverse_and_direct_match_the_geographiclib_jfk_to_cdg_checks(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    double s12, azi1, azi2, lat2, lon2;
    /* GeographicLib test suite (GeodSolve0, also in PROJ src/tests/geodtest.c): JFK 40.6 N
     * 73.8 W to CDG 49.01666667 N 2.55 E -> azi1 53.47022, azi2 111.59367 deg, s12 5853226 m
     * (tolerances 0.5e-5 deg and 0.5 m as printed). */
    bmd_geodesy_inverse(&e, bmd_deg_to_rad(40.6), bmd_deg_to_rad(-73.8),
                        bmd_deg_to_rad(49.01666667), bmd_deg_to_rad(2.55), &s12, &azi1, &azi2);
    assert_near(s12, 5853226.0, 0.5);
    assert_near(ddeg(azi1, 53.47022), 0.0, 0.5e-5);
    assert_near(ddeg(azi2, 111.59367), 0.0, 0.5e-5);
    /* GeodSolve1: from 40.63972222 N 73.77888889 W, azimuth 53.5 deg, 5850 km -> 49.01467 N
     * 2.56106 E, azi2 111.62947 deg (0.5e-5 deg). */
    bmd_geodesy_direct(&e, bmd_deg_to_rad(40.63972222), bmd_deg_to_rad(-73.77888889),
                       bmd_deg_to_rad(53.5), 5850e3, &lat2, &lon2, &azi2);
    assert_near(ddeg(lat2, 49.01467), 0.0, 0.5e-5);
    assert_near(ddeg(lon2, 2.56106), 0.0, 0.5e-5);
    assert_near(ddeg(azi2, 111.62947), 0.0, 0.5e-5);
}

static void inverse_and_direct_match_the_geodtest_data_set(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    /* Karney's GeodTest.dat (doi:10.5281/zenodo.32156), first cases as reproduced in PROJ
     * src/tests/geodtest.c: lat1 lon1 azi1 lat2 lon2 azi2 s12 (deg, m). Tolerance 1e-6 m and
     * 1e-9 deg: the data are exact to ~1e-9 m; our rad <-> deg conversions add ~1e-14 deg. */
    static const double cases[][7] = {
        {35.60777, -139.44815, 111.098748429560326, -11.17491, -69.95921, 129.289270889708762,
         8935244.5604818305},
        {55.52454, 106.05087, 22.020059880982801, 77.03196, 197.18234, 109.112041110671519,
         4105086.1713924406},
        {-21.97856, 142.59065, -32.44456876433189, 41.84138, 98.56635, -41.84359951440466,
         8394328.894657671},
        {-66.99028, 112.2363, 173.73491240878403, -12.70631, 285.90344, 2.512956620913668,
         11150344.2312080241},
        {-17.42761, 173.34268, -159.033557661192928, -15.84784, 5.93557, -20.787484651536988,
         16076603.1631180673},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
        const double *c = cases[i];
        double s12, azi1, azi2, lat2, lon2, azi2d;
        bmd_geodesy_inverse(&e, bmd_deg_to_rad(c[0]), bmd_deg_to_rad(c[1]), bmd_deg_to_rad(c[3]),
                            bmd_deg_to_rad(c[4]), &s12, &azi1, &azi2);
        assert_near(s12, c[6], 1e-6);
        assert_near(ddeg(azi1, c[2]), 0.0, 1e-9);
        assert_near(ddeg(azi2, c[5]), 0.0, 1e-9);
        assert_true(azi1 >= 0.0 && azi1 < 2.0 * PI); /* azimuths in [0, 2 pi) */
        bmd_geodesy_direct(&e, bmd_deg_to_rad(c[0]), bmd_deg_to_rad(c[1]), bmd_deg_to_rad(c[2]),
                           c[6], &lat2, &lon2, &azi2d);
        assert_near(ddeg(lat2, c[3]), 0.0, 1e-9);
        assert_near(ddeg(lon2, c[4]), 0.0, 1e-9);
        assert_near(ddeg(azi2d, c[5]), 0.0, 1e-9);
        assert_true(lon2 > -PI && lon2 <= PI); /* longitudes in (-pi, pi] */
    }
}

static void the_quarter_meridian_and_a_degree_of_equator_have_their_known_lengths(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    double s12, azi1;
    /* WGS84 quarter meridian 10001965.7293 m (GeographicLib Geodesic/Ellipsoid QuarterMeridian,
     * quoted e.g. in the Wikipedia article "Latitude"); tolerance 1e-4 m as printed. */
    bmd_geodesy_inverse(&e, 0.0, 0.0, PI / 2, 0.0, &s12, &azi1, NULL);
    assert_near(s12, 10001965.7293, 1e-4);
    assert_near(azi1, 0.0, 1e-15);
    /* Along the equator (lon12 < (1 - f) 180 deg) the geodesic is the equator: 1 deg of
     * longitude = a pi / 180 = 111319.490793 m (analytic); 1e-6 m. */
    bmd_geodesy_inverse(&e, 0.0, 0.0, 0.0, bmd_deg_to_rad(1.0), &s12, &azi1, NULL);
    assert_near(s12, 6378137.0 * PI / 180.0, 1e-6);
    assert_near(azi1, PI / 2, 1e-15);
}

static void great_circle_quarter_meridian_and_quarter_equator_are_right_angles(void **state)
{
    (void)state;
    double ang, az;
    /* Unit sphere, analytic: equator to pole pi/2 due north; a quarter of the equator pi/2
     * due east; antipodes pi. Rounding tolerance 1e-15. */
    bmd_geodesy_great_circle_inverse(0.0, 0.3, PI / 2, 0.3, &ang, &az);
    assert_near(ang, PI / 2, 1e-15);
    assert_near(az, 0.0, 1e-15);
    bmd_geodesy_great_circle_inverse(0.0, 0.0, 0.0, PI / 2, &ang, &az);
    assert_near(ang, PI / 2, 1e-15);
    assert_near(az, PI / 2, 1e-15);
    bmd_geodesy_great_circle_inverse(0.0, 0.0, 0.0, -PI / 2, &ang, &az);
    assert_near(az, 1.5 * PI, 1e-15); /* due west, azimuth in [0, 2 pi) */
    bmd_geodesy_great_circle_inverse(0.4, 0.1, -0.4, 0.1 + PI, &ang, NULL);
    assert_near(ang, PI, 1e-15);
    bmd_geodesy_great_circle_inverse(0.4, 0.1, 0.4, 0.1, &ang, NULL);
    assert_near(ang, 0.0, 0.0);
    /* Small separations stay accurate (the atan2 form does not lose digits like acos): about
     * 1 microradian along a meridian is the latitude difference (exact in floating point) to
     * 1e-21 rad, i.e. 1e-15 relative. */
    const double lat_b = 0.5 + 1e-6;
    bmd_geodesy_great_circle_inverse(0.5, 0.0, lat_b, 0.0, &ang, NULL);
    assert_near(ang, lat_b - 0.5, 1e-21);
}

static void great_circle_matches_the_aviation_formulary_lax_to_jfk_example(void **state)
{
    (void)state;
    double ang, az;
    /* E. Williams, "Aviation Formulary" (v1.46), worked example: LAX 33deg57'N 118deg24'W to
     * JFK 40deg38'N 73deg47'W: d = 0.623585 rad, initial true course 1.150035 rad. Printed to
     * 1e-6 rad: tolerance 0.5e-6 rad. */
    bmd_geodesy_great_circle_inverse(dms(33, 57, 0), -dms(118, 24, 0), dms(40, 38, 0),
                                     -dms(73, 47, 0), &ang, &az);
    assert_near(ang, 0.623585, 0.5e-6);
    assert_near(az, 1.150035, 0.5e-6);
}

static void great_circle_direct_and_inverse_round_trip(void **state)
{
    (void)state;
    uint64_t seed = 4242;
    for (int i = 0; i < 5000; ++i) {
        const double lat1 = asin(2.0 * uniform(&seed) - 1.0);
        const double lon1 = PI * (2.0 * uniform(&seed) - 1.0);
        const double az = 2.0 * PI * uniform(&seed), ang = (PI - 1e-3) * uniform(&seed);
        double lat2, lon2, ang2, az2;
        bmd_geodesy_great_circle_direct(lat1, lon1, az, ang, &lat2, &lon2);
        assert_true(lon2 > -PI && lon2 <= PI);
        bmd_geodesy_great_circle_inverse(lat1, lon1, lat2, lon2, &ang2, &az2);
        /* Round trip to rounding: 1e-12 rad (azimuth is ill-conditioned within ~1e-4 rad of
         * the poles, so it is checked elsewhere only). */
        assert_near(ang2, ang, 1e-12);
        if (fabs(lat1) < PI / 2 - 1e-3 && ang > 1e-3)
            assert_near(remainder(az2 - az, 2.0 * PI), 0.0, 1e-10);
    }
    /* Known direct: from the equator due north by pi/2 reaches the pole; due east by pi/2
     * reaches longitude +pi/2 (analytic). */
    double lat, lon;
    bmd_geodesy_great_circle_direct(0.0, 0.2, 0.0, PI / 2, &lat, &lon);
    assert_near(lat, PI / 2, 1e-15);
    bmd_geodesy_great_circle_direct(0.0, 0.2, PI / 2, PI / 2, &lat, &lon);
    assert_near(lat, 0.0, 1e-15);
    assert_near(lon, 0.2 + PI / 2, 1e-15);
    /* Crossing the antimeridian wraps the longitude into (-pi, pi]. */
    bmd_geodesy_great_circle_direct(0.0, 3.0, PI / 2, 0.5, &lat, &lon);
    assert_near(lon, 3.5 - 2.0 * PI, 1e-15);
}

static void sphere_geodesics_are_great_circles_times_the_radius(void **state)
{
    (void)state;
    bmd_earth s;
    assert_int_equal(bmd_earth_init_sphere(&s, 0.0, 0, NULL), BMD_SUCCESS);
    const double R = s.a_m;
    uint64_t seed = 77;
    for (int i = 0; i < 2000; ++i) {
        const double lat1 = asin(2.0 * uniform(&seed) - 1.0);
        const double lon1 = PI * (2.0 * uniform(&seed) - 1.0);
        const double lat2 = asin(2.0 * uniform(&seed) - 1.0);
        const double lon2 = PI * (2.0 * uniform(&seed) - 1.0);
        double ang, az, s12, azi1, lat3, lon3, lat4, lon4;
        bmd_geodesy_great_circle_inverse(lat1, lon1, lat2, lon2, &ang, &az);
        if (ang > PI - 1e-3 || ang < 1e-6)
            continue; /* near-antipodal pairs have ill-defined azimuths */
        bmd_geodesy_inverse(&s, lat1, lon1, lat2, lon2, &s12, &azi1, NULL);
        /* PROJ with f = 0 solves great circles (Karney 2013, sec. 1); agreement to 1e-6 m and
         * 1e-9 rad (both solvers are accurate to ~1e-15 relative; the bound allows for the
         * degree conversions). */
        assert_near(s12, R * ang, 1e-6);
        assert_near(remainder(azi1 - az, 2.0 * PI), 0.0, 1e-9);
        bmd_geodesy_direct(&s, lat1, lon1, az, R * ang, &lat3, &lon3, NULL);
        bmd_geodesy_great_circle_direct(lat1, lon1, az, ang, &lat4, &lon4);
        assert_near(lat3, lat4, 1e-12);
        if (fabs(lat4) < PI / 2 - 1e-6)
            assert_near(remainder(lon3 - lon4, 2.0 * PI), 0.0, 1e-12);
    }
}

static void nan_input_gives_nan_output(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    double s12 = 0.0, azi1 = 0.0, ang = 0.0, lat = 0.0;
    /* PROJ returns NaN for a NaN longitude (GeographicLib test GeodSolve14); the closed-form
     * great circles propagate NaN. Nothing silently returns a number. */
    bmd_geodesy_inverse(&e, 0.0, 0.0, 0.01, NAN, &s12, &azi1, NULL);
    assert_true(isnan(s12));
    assert_true(isnan(azi1));
    bmd_geodesy_great_circle_inverse(0.0, 0.0, NAN, 0.0, &ang, NULL);
    assert_true(isnan(ang));
    bmd_geodesy_great_circle_direct(0.0, 0.0, 0.0, NAN, &lat, NULL);
    assert_true(isnan(lat));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(direct_matches_karney_2013_table_2),
        cmocka_unit_test(inverse_matches_karney_2013_tables_3_and_5),
        cmocka_unit_test(inverse_matches_the_geodsolve_jfk_to_singapore_example),
        cmocka_unit_test(inverse_and_direct_match_the_geographiclib_jfk_to_cdg_checks),
        cmocka_unit_test(inverse_and_direct_match_the_geodtest_data_set),
        cmocka_unit_test(the_quarter_meridian_and_a_degree_of_equator_have_their_known_lengths),
        cmocka_unit_test(great_circle_quarter_meridian_and_quarter_equator_are_right_angles),
        cmocka_unit_test(great_circle_matches_the_aviation_formulary_lax_to_jfk_example),
        cmocka_unit_test(great_circle_direct_and_inverse_round_trip),
        cmocka_unit_test(sphere_geodesics_are_great_circles_times_the_radius),
        cmocka_unit_test(nan_input_gives_nan_output),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
