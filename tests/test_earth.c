/* Tests of the Earth model: constants, geodetic <-> ECEF, altitude, ECEF <-> ECI, ENU, local
 * velocity. Every physical number is checked against a published value or an analytic result;
 * the source and the tolerance sit next to each assertion. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/earth.h"

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

/* Deterministic uniform numbers in [0, 1) (64-bit LCG, Knuth MMIX constants). */
static double uniform(uint64_t *state)
{
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*state >> 11) * 0x1.0p-53;
}

static double norm3(const double v[3]) { return sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]); }

static double dot3(const double a[3], const double b[3])
{
    return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

static void wgs84_init_sets_the_tr8350_constants(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    assert_int_equal(e.kind, BMD_EARTH_WGS84);
    /* NIMA TR8350.2 (2000) table 3.1, defining parameters: exact. */
    assert_near(e.a_m, 6378137.0, 0.0);
    assert_near(1.0 / e.f, 298.257223563, 1e-9);
    assert_near(e.gm_m3_s2, 3.986004418e14, 0.0);
    assert_near(e.omega_rad_s, 7.292115e-5, 0.0);
    /* TR8350.2 ch. 3, derived geometric constants: b = 6356752.3142 m, e^2 = 6.69437999014e-3
     * (tolerance: half a unit in the last printed digit). */
    assert_near(e.b_m, 6356752.3142, 0.5e-4);
    assert_near(e.e2, 6.69437999014e-3, 0.5e-14);
    /* TR8350.2 ch. 3 (normal field): C20bar = -0.484166774985e-3 -> J2 = -sqrt(5) C20bar, to
     * the 12 digits of BMD_WGS84_J2. */
    assert_near(e.j2, sqrt(5.0) * 0.484166774985e-3, 1e-14);
    /* TR8350.2 ch. 3, derived geometric constants: mean radius of semi-axes R1 = 6371008.7714 m. */
    assert_near(bmd_earth_mean_radius_m(&e), 6371008.7714, 0.5e-4);
}

static void sphere_init_defaults_to_the_mean_radius_without_j2(void **state)
{
    (void)state;
    bmd_earth e;
    assert_int_equal(bmd_earth_init_sphere(&e, 0.0, 0, NULL), BMD_SUCCESS);
    assert_int_equal(e.kind, BMD_EARTH_SPHERE);
    /* IUGG mean radius 6371.0088 km (Moritz 1980), exact by construction. */
    assert_near(e.a_m, 6371008.8, 0.0);
    assert_near(e.b_m, e.a_m, 0.0);
    assert_near(e.f, 0.0, 0.0);
    assert_near(e.e2, 0.0, 0.0);
    assert_near(e.j2, 0.0, 0.0);
    assert_near(e.omega_rad_s, 0.0, 0.0);
    assert_near(bmd_earth_mean_radius_m(&e), 6371008.8, 0.0);

    assert_int_equal(bmd_earth_init_sphere(&e, 6378137.0, 1, NULL), BMD_SUCCESS);
    assert_near(e.a_m, 6378137.0, 0.0);
    assert_near(e.omega_rad_s, 7.292115e-5, 0.0); /* WGS84 rate when rotating */
    assert_near(e.gm_m3_s2, 3.986004418e14, 0.0);
}

static void sphere_init_rejects_nan_infinite_negative_and_tiny_radii(void **state)
{
    (void)state;
    const double bad[] = {NAN, INFINITY, -INFINITY, -1.0, -6371000.0, 1e-3, 999.0};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
        bmd_earth e;
        bmd_earth_init_wgs84(&e);
        bmd_error err;
        bmd_error_clear(&err);
        assert_int_equal(bmd_earth_init_sphere(&e, bad[i], 0, &err), BMD_EINVAL);
        assert_int_equal(err.status, BMD_EINVAL);
        assert_non_null(strstr(err.message, "radius"));
        assert_int_equal(e.kind, BMD_EARTH_WGS84); /* the model is left untouched */
        assert_int_equal(bmd_earth_init_sphere(&e, bad[i], 1, NULL), BMD_EINVAL);
    }
    bmd_earth e;
    assert_int_equal(bmd_earth_init_sphere(&e, 1000.0, 0, NULL), BMD_SUCCESS); /* the limit */
}

static void kind_parse_accepts_the_two_names_and_rejects_others(void **state)
{
    (void)state;
    bmd_earth_kind k = BMD_EARTH_SPHERE;
    assert_int_equal(bmd_earth_kind_parse("wgs84", &k, NULL), BMD_SUCCESS);
    assert_int_equal(k, BMD_EARTH_WGS84);
    assert_int_equal(bmd_earth_kind_parse("sphere", &k, NULL), BMD_SUCCESS);
    assert_int_equal(k, BMD_EARTH_SPHERE);
    assert_int_equal(bmd_earth_kind_parse("WGS84", &k, NULL), BMD_SUCCESS);
    assert_int_equal(k, BMD_EARTH_WGS84);
    bmd_error err;
    const char *bad[] = {"", "wgs", "wgs84 ", "spheres", "grs80"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; ++i) {
        bmd_error_clear(&err);
        assert_int_equal(bmd_earth_kind_parse(bad[i], &k, &err), BMD_EINVAL);
        assert_int_equal(err.status, BMD_EINVAL);
        assert_non_null(strstr(err.message, "wgs84"));
    }
    assert_int_equal(bmd_earth_kind_parse(NULL, &k, &err), BMD_EINVAL);
}

static void surface_points_on_the_axes_are_a_and_b(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    double r[3], lat, lon, h;
    /* Equator, lon 0: (a, 0, 0) by the definition of the ellipsoid; 1e-9 m = rounding. */
    bmd_earth_geodetic_to_ecef(&e, 0.0, 0.0, 0.0, r);
    assert_near(r[0], 6378137.0, 1e-9);
    assert_near(r[1], 0.0, 1e-9);
    assert_near(r[2], 0.0, 1e-9);
    /* Equator, lon 90 deg: (0, a, 0). */
    bmd_earth_geodetic_to_ecef(&e, 0.0, PI / 2, 0.0, r);
    assert_near(r[0], 0.0, 1e-9);
    assert_near(r[1], 6378137.0, 1e-9);
    /* North pole: (0, 0, b), b = a(1 - f) = 6356752.314245 m (TR8350.2 ch. 3 prints 6356752.3142);
     * tolerance 1e-6 m. */
    bmd_earth_geodetic_to_ecef(&e, PI / 2, 0.0, 0.0, r);
    assert_near(r[0], 0.0, 1e-9);
    assert_near(r[2], 6356752.314245, 1e-6);
    bmd_earth_geodetic_to_ecef(&e, -PI / 2, 0.0, 100.0, r);
    assert_near(r[2], -6356852.314245, 1e-6);

    /* And back: the axis points are at h = 0 (analytic), latitude 0 / +-90 deg. */
    const double eq[3] = {6378137.0, 0.0, 0.0}, np[3] = {0.0, 0.0, e.b_m};
    const double sp[3] = {0.0, 0.0, -e.b_m};
    bmd_earth_ecef_to_geodetic(&e, eq, &lat, &lon, &h);
    assert_near(lat, 0.0, 1e-15);
    assert_near(lon, 0.0, 0.0);
    assert_near(h, 0.0, 1e-9);
    bmd_earth_ecef_to_geodetic(&e, np, &lat, &lon, &h);
    assert_near(lat, PI / 2, 1e-15);
    assert_near(h, 0.0, 1e-9);
    bmd_earth_ecef_to_geodetic(&e, sp, &lat, &lon, &h);
    assert_near(lat, -PI / 2, 1e-15);
    assert_near(h, 0.0, 1e-9);
}

static void geodetic_to_ecef_matches_the_geographiclib_cartconvert_example(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    double r[3], lat, lon, h;
    /* GeographicLib CartConvert(1) man page, EXAMPLES: "echo 33.3 44.4 6000 | CartConvert =>
     * 3816209.60 3737108.55 3485109.57" (WGS84). Printed to 1 cm: tolerance 0.005 m. */
    bmd_earth_geodetic_to_ecef(&e, bmd_deg_to_rad(33.3), bmd_deg_to_rad(44.4), 6000.0, r);
    assert_near(r[0], 3816209.60, 0.005);
    assert_near(r[1], 3737108.55, 0.005);
    assert_near(r[2], 3485109.57, 0.005);
    const double printed[3] = {3816209.60, 3737108.55, 3485109.57};
    bmd_earth_ecef_to_geodetic(&e, printed, &lat, &lon, &h);
    /* Inverse of the printed point: within the 1 cm print rounding (1e-9 rad ~ 6 mm). */
    assert_near(bmd_rad_to_deg(lat), 33.3, 1e-7);
    assert_near(bmd_rad_to_deg(lon), 44.4, 1e-7);
    assert_near(h, 6000.0, 0.01);
}

static void a_point_inside_the_evolute_matches_the_cartconvert_example(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    double lat, lon, h, back[3];
    /* CartConvert(1) man page: "echo 30000 30000 0 | CartConvert -r => 6.483 45 -6335709.73".
     * 42 km from the centre, inside the evolute: the nearest surface point is off the equator.
     * Printed to 1e-3 deg and 1 cm: tolerances 0.5e-3 deg and 0.005 m. */
    const double r[3] = {30000.0, 30000.0, 0.0};
    bmd_earth_ecef_to_geodetic(&e, r, &lat, &lon, &h);
    assert_near(bmd_rad_to_deg(lat), 6.483, 0.5e-3);
    assert_near(bmd_rad_to_deg(lon), 45.0, 1e-12);
    assert_near(h, -6335709.73, 0.005);
    assert_near(bmd_earth_altitude_m(&e, r), h, 1e-6);
    /* Consistency: converting back gives the point (1e-6 m). */
    bmd_earth_geodetic_to_ecef(&e, lat, lon, h, back);
    for (int i = 0; i < 3; ++i)
        assert_near(back[i], r[i], 1e-6);
    /* The centre: nearest surface points are the poles, h = -b (analytic). */
    const double centre[3] = {0.0, 0.0, 0.0};
    bmd_earth_ecef_to_geodetic(&e, centre, &lat, &lon, &h);
    assert_near(fabs(lat), PI / 2, 1e-15);
    assert_near(h, -e.b_m, 1e-6);
}

/* Distance from (rho, z) to the meridian ellipse (a cos t, b sin t), t in [-pi/2, pi/2], by a
 * dense scan and golden-section refinement: an independent brute-force oracle. */
static double distance_to_ellipse(double a, double b, double rho, double z)
{
    const int n = 20000;
    double best_t = 0.0, best = INFINITY;
    for (int i = 0; i <= n; ++i) {
        const double t = -PI / 2 + PI * i / n;
        const double d = hypot(rho - a * cos(t), z - b * sin(t));
        if (d < best) {
            best = d;
            best_t = t;
        }
    }
    double lo = best_t - PI / n, hi = best_t + PI / n;
    const double g = 0.6180339887498949;
    for (int it = 0; it < 200; ++it) {
        const double t1 = hi - g * (hi - lo), t2 = lo + g * (hi - lo);
        if (hypot(rho - a * cos(t1), z - b * sin(t1)) < hypot(rho - a * cos(t2), z - b * sin(t2)))
            hi = t2;
        else
            lo = t1;
    }
    const double t = 0.5 * (lo + hi);
    return fmin(best, hypot(rho - a * cos(t), z - b * sin(t)));
}

static void points_near_the_centre_get_the_nearest_surface_point(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    /* Inside the evolute (within e^2 a = 42.7 km of the centre) several surface normals pass
     * through a point; the geodetic height is minus the distance to the nearest surface point.
     * Oracle: brute-force distance to the ellipse (scan + golden section, good to ~1e-9 m).
     * Tolerance 1e-6 m; and converting back must reproduce the point to 1e-6 m. */
    const double pts[][2] = {{30000.0, 100.0}, {30000.0, -100.0}, {10000.0, 5000.0},
                             {40000.0, 1.0},   {1.0, 20000.0},    {42000.0, 300.0},
                             {100.0, 100.0},   {0.0, 30.0},       {50000.0, 20000.0},
                             {20000.0, 0.0},   {42697.0, 0.0}};
    for (size_t i = 0; i < sizeof pts / sizeof pts[0]; ++i) {
        const double r[3] = {pts[i][0] * 0.6, pts[i][0] * 0.8, pts[i][1]};
        double lat, lon, h, back[3];
        bmd_earth_ecef_to_geodetic(&e, r, &lat, &lon, &h);
        assert_near(-h, distance_to_ellipse(e.a_m, e.b_m, pts[i][0], pts[i][1]), 1e-6);
        assert_near(bmd_earth_altitude_m(&e, r), h, 1e-6);
        bmd_earth_geodetic_to_ecef(&e, lat, lon, h, back);
        for (int k = 0; k < 3; ++k)
            assert_near(back[k], r[k], 1e-6);
    }
}

/* Round trips geodetic -> ECEF -> geodetic and ECEF -> geodetic -> ECEF over a grid. */
static void check_round_trips(const bmd_earth *e)
{
    const double heights[] = {-10e3,  -5e3,   0.0,     1.0,     11e3,
                              100e3, 1000e3, 20000e3, 40000e3, 50000e3};
    for (int ilat = -24; ilat <= 24; ++ilat) {
        const double lat = ilat == 24 ? PI / 2 : ilat == -24 ? -PI / 2 : ilat * (PI / 48.0) + 1e-3;
        for (int ilon = -6; ilon <= 6; ++ilon) {
            const double lon = ilon * (PI / 6.0) + (ilon == 6 ? 0.0 : 0.1);
            for (size_t ih = 0; ih < sizeof heights / sizeof heights[0]; ++ih) {
                double r[3], lat2, lon2, h2, r2[3];
                bmd_earth_geodetic_to_ecef(e, lat, lon, heights[ih], r);
                bmd_earth_ecef_to_geodetic(e, r, &lat2, &lon2, &h2);
                /* Brief: round trip < 1e-12 rad and < 1e-6 m. */
                assert_near(lat2, lat, 1e-12);
                if (fabs(lat) < PI / 2) {
                    double dlon = remainder(lon2 - lon, 2.0 * PI);
                    assert_near(dlon, 0.0, 1e-12);
                    assert_true(lon2 > -PI && lon2 <= PI);
                }
                assert_near(h2, heights[ih], 1e-6);
                bmd_earth_geodetic_to_ecef(e, lat2, lon2, h2, r2);
                for (int k = 0; k < 3; ++k)
                    assert_near(r2[k], r[k], 1e-6);
            }
        }
    }
}

static void geodetic_and_ecef_round_trip_everywhere_on_the_ellipsoid(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    check_round_trips(&e);
}

static void geodetic_and_ecef_round_trip_everywhere_on_the_sphere(void **state)
{
    (void)state;
    bmd_earth e;
    assert_int_equal(bmd_earth_init_sphere(&e, 0.0, 0, NULL), BMD_SUCCESS);
    check_round_trips(&e);
    /* Sphere: geocentric latitude and h = |r| - R (analytic). */
    const double r[3] = {3e6, 4e6, 12e6};
    double lat, lon, h;
    bmd_earth_ecef_to_geodetic(&e, r, &lat, &lon, &h);
    assert_near(lat, atan2(12e6, 5e6), 1e-15);
    assert_near(lon, atan2(4e6, 3e6), 1e-15);
    assert_near(h, 13e6 - 6371008.8, 1e-8);
    assert_near(bmd_earth_altitude_m(&e, r), 13e6 - 6371008.8, 1e-8);
}

static void longitude_stays_in_minus_pi_exclusive_to_pi(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    double lon;
    const double west[3] = {-7e6, -0.0, 0.0}; /* atan2(-0, -x) = -pi in C */
    bmd_earth_ecef_to_geodetic(&e, west, NULL, &lon, NULL);
    assert_near(lon, PI, 0.0);
    const double south_west[3] = {-7e6, -1.0, 0.0};
    bmd_earth_ecef_to_geodetic(&e, south_west, NULL, &lon, NULL);
    assert_true(lon < -PI + 1e-6 && lon > -PI);
}

static void altitude_agrees_with_the_full_conversion(void **state)
{
    (void)state;
    bmd_earth e, s;
    bmd_earth_init_wgs84(&e);
    assert_int_equal(bmd_earth_init_sphere(&s, 0.0, 1, NULL), BMD_SUCCESS);
    uint64_t seed = 12345;
    for (int i = 0; i < 20000; ++i) {
        /* Uniform on the sphere of directions; heights -10 km .. 50,000 km (log-spread). */
        const double zu = 2.0 * uniform(&seed) - 1.0, phi = 2.0 * PI * uniform(&seed);
        const double lat = asin(zu);
        const double h = i % 2 ? -10e3 * uniform(&seed) : pow(10.0, 7.7 * uniform(&seed));
        double r[3], h_full;
        bmd_earth_geodetic_to_ecef(&e, lat, phi, h, r);
        bmd_earth_ecef_to_geodetic(&e, r, NULL, NULL, &h_full);
        /* Brief: sub-mm; achieved ~1e-8 m. Tolerance 1e-6 m against both the full conversion
         * and the height the point was built from (analytic). */
        assert_near(bmd_earth_altitude_m(&e, r), h_full, 1e-6);
        assert_near(bmd_earth_altitude_m(&e, r), h, 1e-6);
        bmd_earth_geodetic_to_ecef(&s, lat, phi, h, r);
        assert_near(bmd_earth_altitude_m(&s, r), h, 1e-7 + 1e-15 * fabs(h));
    }
}

/* bmd_earth_local_frame (no trigonometric functions) against the geodetic conversion followed by
 * the ENU basis of the latitude and longitude (the definition): the same vectors to rounding
 * (tolerance 1e-12 per component, ~ 1e3 ulp) and the same height (1e-6 m, as above), on WGS84
 * and the sphere, including points on the axis (longitude 0 by the atan2(0, 0) convention). */
static void trig_free_local_frame_equals_the_enu_basis_of_the_geodetic_point(void **state)
{
    (void)state;
    bmd_earth models[2];
    bmd_earth_init_wgs84(&models[0]);
    assert_int_equal(bmd_earth_init_sphere(&models[1], 0.0, 1, NULL), BMD_SUCCESS);
    uint64_t seed = 4242;
    for (int m = 0; m < 2; ++m) {
        const bmd_earth *e = &models[m];
        for (int i = 0; i < 20000; ++i) {
            const double zu = 2.0 * uniform(&seed) - 1.0, phi = 2.0 * PI * uniform(&seed) - PI;
            const double lat = i < 4 ? (i % 2 ? -0.5 * PI : 0.5 * PI) : asin(zu);
            const double h = pow(10.0, 7.0 * uniform(&seed)) - 5e3;
            double r[3], la, lo, hf, e1[3], n1[3], u1[3], e2[3], n2[3], u2[3];
            bmd_earth_geodetic_to_ecef(e, lat, phi, h, r);
            if (i < 4)
                r[0] = r[1] = 0.0; /* on the axis */
            bmd_earth_ecef_to_geodetic(e, r, &la, &lo, &hf);
            bmd_earth_enu_basis(la, lo, e1, n1, u1);
            const double h2 = bmd_earth_local_frame(e, r, e2, n2, u2);
            assert_near(h2, hf, 1e-6);
            for (int k = 0; k < 3; ++k) {
                assert_near(e2[k], e1[k], 1e-12);
                assert_near(n2[k], n1[k], 1e-12);
                assert_near(u2[k], u1[k], 1e-12);
            }
        }
    }
}

/* bmd_earth_altitude_near (Newton on the foot point, warm-started) against the closed form along
 * random walks (steps up to 240 km, heights -5 .. 5000 km, over the poles and the axis, where it
 * falls back to the closed form) on WGS84 and the sphere: within 1e-6 m (the closed form's
 * accuracy above), and its reduced-sphere vector is a unit vector at the point's longitude. */
static void warm_started_altitude_equals_the_closed_form_along_a_walk(void **state)
{
    (void)state;
    bmd_earth models[2];
    bmd_earth_init_wgs84(&models[0]);
    assert_int_equal(bmd_earth_init_sphere(&models[1], 0.0, 1, NULL), BMD_SUCCESS);
    uint64_t seed = 777;
    for (int m = 0; m < 2; ++m) {
        const bmd_earth *e = &models[m];
        double foot[2] = {NAN, NAN}, worst = 0.0;
        double lat = 0.3, lon = 0.2, h = 1e5;
        for (int i = 0; i < 50000; ++i) {
            const double step = (i % 5 == 0 ? 240e3 : 8e3) * uniform(&seed);
            const double dir = 2.0 * PI * uniform(&seed);
            lat += step / 6.4e6 * cos(dir);
            if (lat > 0.5 * PI || lat < -0.5 * PI) /* over the pole */
                lat = (lat > 0 ? PI : -PI) - lat, lon += PI;
            lon = remainder(lon + step / 6.4e6 * sin(dir), 2.0 * PI);
            h = fmin(fmax(h + step * (uniform(&seed) - 0.5), -5e3), 5e6);
            double r[3], p[3];
            bmd_earth_geodetic_to_ecef(e, i % 1000 == 7 ? 0.5 * PI : lat, lon, h, r);
            const double hn = bmd_earth_altitude_near(e, r, foot, p);
            worst = fmax(worst, fabs(hn - bmd_earth_altitude_m(e, r)));
            assert_near(p[0] * p[0] + p[1] * p[1] + p[2] * p[2], 1.0, 1e-14);
            assert_true(p[0] * r[1] - p[1] * r[0] < 1e-6 * hypot(r[0], r[1]) + 1e-9);
        }
        assert_true(worst < 1e-6);
    }
}

static void ecef_eci_round_trip_is_the_identity(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    const double r[3] = {1234567.0, -5432100.0, 3141592.0};
    const double v[3] = {-700.0, 1500.0, 6500.0};
    const double times[] = {0.0, 1.0, 600.0, 3600.0, 86164.0905, -1000.0};
    for (size_t i = 0; i < sizeof times / sizeof times[0]; ++i) {
        double ri[3], vi[3], rb[3], vb[3];
        bmd_earth_ecef_to_eci(&e, times[i], r, v, ri, vi);
        bmd_earth_eci_to_ecef(&e, times[i], ri, vi, rb, vb);
        for (int k = 0; k < 3; ++k) {
            assert_near(rb[k], r[k], 1e-8); /* rounding of a 7e6 m vector: ~1e-9 m */
            assert_near(vb[k], v[k], 1e-11);
        }
        /* A rotation keeps |r| and z (analytic). */
        assert_near(norm3(ri), norm3(r), 1e-8);
        assert_near(ri[2], r[2], 0.0);
        /* Positions only: the velocity outputs may be NULL. */
        double rp[3];
        bmd_earth_ecef_to_eci(&e, times[i], r, NULL, rp, NULL);
        for (int k = 0; k < 3; ++k)
            assert_near(rp[k], ri[k], 0.0);
        bmd_earth_eci_to_ecef(&e, times[i], ri, vi, rp, NULL);
        for (int k = 0; k < 3; ++k)
            assert_near(rp[k], rb[k], 0.0);
    }
    /* At t = 0 the frames coincide in position (definition in earth.h). */
    double r0[3];
    bmd_earth_ecef_to_eci(&e, 0.0, r, NULL, r0, NULL);
    for (int k = 0; k < 3; ++k)
        assert_near(r0[k], r[k], 0.0);
}

static void a_point_fixed_on_the_equator_moves_at_omega_times_a_in_eci(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    const double r[3] = {6378137.0, 0.0, 0.0}, zero[3] = {0.0, 0.0, 0.0};
    double ri[3], vi[3];
    bmd_earth_ecef_to_eci(&e, 0.0, r, zero, ri, vi);
    /* omega a = 7.292115e-5 * 6378137 = 465.1010849 m/s (analytic, TR8350.2
     * constants), due east (+y); 1e-6 m/s. */
    assert_near(norm3(vi), 465.1010849, 1e-6);
    assert_near(vi[0], 0.0, 1e-12);
    assert_near(vi[1], 465.1010849, 1e-6);
    /* A quarter turn later (t = pi/2 / omega) the point is at (0, a, 0) moving in -x. */
    const double t = 0.5 * PI / e.omega_rad_s;
    bmd_earth_ecef_to_eci(&e, t, r, zero, ri, vi);
    assert_near(ri[0], 0.0, 1e-8);
    assert_near(ri[1], 6378137.0, 1e-8);
    assert_near(vi[0], -465.1010849, 1e-6);
    assert_near(vi[1], 0.0, 1e-12);
    /* On a non-rotating sphere ECI and ECEF coincide at all times. */
    bmd_earth s;
    assert_int_equal(bmd_earth_init_sphere(&s, 0.0, 0, NULL), BMD_SUCCESS);
    bmd_earth_ecef_to_eci(&s, 5000.0, r, zero, ri, vi);
    assert_near(ri[0], r[0], 0.0);
    assert_near(norm3(vi), 0.0, 0.0);
}

static void enu_basis_is_orthonormal_right_handed_and_up_is_the_ellipsoid_normal(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    for (int ilat = -6; ilat <= 6; ++ilat) {
        for (int ilon = -5; ilon <= 6; ++ilon) {
            const double lat = ilat * PI / 12.0, lon = ilon * PI / 6.0 + 0.05;
            double east[3], north[3], up[3];
            bmd_earth_enu_basis(lat, lon, east, north, up);
            /* Orthonormal to rounding (1e-15). */
            assert_near(dot3(east, east), 1.0, 1e-15);
            assert_near(dot3(north, north), 1.0, 1e-15);
            assert_near(dot3(up, up), 1.0, 1e-15);
            assert_near(dot3(east, north), 0.0, 1e-15);
            assert_near(dot3(east, up), 0.0, 1e-15);
            assert_near(dot3(north, up), 0.0, 1e-15);
            /* east x north = up (right-handed). */
            assert_near(east[1] * north[2] - east[2] * north[1], up[0], 1e-15);
            assert_near(east[2] * north[0] - east[0] * north[2], up[1], 1e-15);
            assert_near(east[0] * north[1] - east[1] * north[0], up[2], 1e-15);
            /* Up is the outward normal of the ellipsoid x^2/a^2 + y^2/a^2 + z^2/b^2 = 1 at the
             * surface point: gradient (x/a^2, y/a^2, z/b^2), normalised (analytic). */
            double r[3];
            bmd_earth_geodetic_to_ecef(&e, lat, lon, 0.0, r);
            double g[3] = {r[0] / (e.a_m * e.a_m), r[1] / (e.a_m * e.a_m), r[2] / (e.b_m * e.b_m)};
            const double gn = norm3(g);
            for (int k = 0; k < 3; ++k)
                assert_near(up[k], g[k] / gn, 1e-14);
            /* And dr/dh = up (differentiate the geodetic -> ECEF formula, exact for any h). */
            double r2[3];
            bmd_earth_geodetic_to_ecef(&e, lat, lon, 1000.0, r2);
            for (int k = 0; k < 3; ++k)
                assert_near((r2[k] - r[k]) / 1000.0, up[k], 1e-11);
            /* North points up the meridian: increasing latitude moves the point along north. */
            bmd_earth_geodetic_to_ecef(&e, lat + 1e-7, lon, 0.0, r2);
            double d[3] = {r2[0] - r[0], r2[1] - r[1], r2[2] - r[2]};
            if (fabs(lat) < PI / 2 - 1e-6)
                assert_near(dot3(d, north) / norm3(d), 1.0, 1e-9);
        }
    }
}

static void local_velocity_round_trips_and_has_the_right_directions(void **state)
{
    (void)state;
    bmd_earth e, s;
    bmd_earth_init_wgs84(&e);
    assert_int_equal(bmd_earth_init_sphere(&s, 0.0, 0, NULL), BMD_SUCCESS);
    const bmd_earth *models[2] = {&e, &s};
    uint64_t seed = 99;
    for (int m = 0; m < 2; ++m) {
        for (int i = 0; i < 2000; ++i) {
            const double lat = asin(2.0 * uniform(&seed) - 1.0) * 0.999;
            const double lon = PI * (2.0 * uniform(&seed) - 1.0);
            const double h = 2e6 * uniform(&seed);
            const double speed = 10.0 + 8000.0 * uniform(&seed);
            const double fpa = (PI - 0.02) * (uniform(&seed) - 0.5);
            const double hdg = 2.0 * PI * uniform(&seed);
            double r[3], v[3], sp, ga, he;
            bmd_earth_geodetic_to_ecef(models[m], lat, lon, h, r);
            bmd_earth_local_to_velocity(models[m], r, speed, fpa, hdg, v);
            assert_near(norm3(v), speed, 1e-11 * speed); /* rotation keeps the speed */
            bmd_earth_velocity_to_local(models[m], r, v, &sp, &ga, &he);
            assert_near(sp, speed, 1e-11 * speed);
            assert_near(ga, fpa, 1e-12);
            assert_near(remainder(he - hdg, 2.0 * PI), 0.0, 1e-11);
            assert_true(he >= 0.0 && he < 2.0 * PI);
        }
    }
    /* At (a, 0, 0): +z is north (heading 0), +y east (pi/2), +x up (flight path pi/2), -z south
     * (pi): definitions of the ENU frame. */
    const double r[3] = {6378137.0, 0.0, 0.0};
    const double vn[3] = {0.0, 0.0, 100.0}, ve[3] = {0.0, 100.0, 0.0};
    const double vu[3] = {100.0, 0.0, 0.0}, vs[3] = {0.0, 0.0, -100.0}, vz[3] = {0.0, 0.0, 0.0};
    double sp, ga, he;
    bmd_earth_velocity_to_local(&e, r, vn, &sp, &ga, &he);
    assert_near(sp, 100.0, 1e-12);
    assert_near(ga, 0.0, 1e-15);
    assert_near(he, 0.0, 1e-15);
    bmd_earth_velocity_to_local(&e, r, ve, &sp, &ga, &he);
    assert_near(he, PI / 2, 1e-15);
    bmd_earth_velocity_to_local(&e, r, vs, &sp, &ga, &he);
    assert_near(he, PI, 1e-15);
    bmd_earth_velocity_to_local(&e, r, vu, &sp, &ga, &he);
    assert_near(ga, PI / 2, 1e-15);
    bmd_earth_velocity_to_local(&e, r, vz, &sp, &ga, &he);
    assert_near(sp, 0.0, 0.0);
    assert_near(ga, 0.0, 0.0);
    assert_near(he, 0.0, 0.0);
    /* Flight path is measured from the geodetic horizontal, not the geocentric one: at 45 deg
     * geodetic latitude a velocity along the geocentric radius has flight-path angle
     * 90 deg - (geodetic - geocentric latitude), about 90 - 0.1924 deg; on the surface
     * tan(geocentric latitude) = (1 - e^2) tan(geodetic latitude) (analytic). 1e-12 rad. */
    double p[3];
    bmd_earth_geodetic_to_ecef(&e, PI / 4, 0.0, 0.0, p);
    bmd_earth_velocity_to_local(&e, p, p, &sp, &ga, &he);
    const double geoc = atan((1.0 - e.e2) * tan(PI / 4));
    assert_near(ga, PI / 2 - (PI / 4 - geoc), 1e-12);
    assert_near(he, PI, 1e-9); /* the radial tilts south of the normal in the north */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(wgs84_init_sets_the_tr8350_constants),
        cmocka_unit_test(sphere_init_defaults_to_the_mean_radius_without_j2),
        cmocka_unit_test(sphere_init_rejects_nan_infinite_negative_and_tiny_radii),
        cmocka_unit_test(kind_parse_accepts_the_two_names_and_rejects_others),
        cmocka_unit_test(surface_points_on_the_axes_are_a_and_b),
        cmocka_unit_test(geodetic_to_ecef_matches_the_geographiclib_cartconvert_example),
        cmocka_unit_test(a_point_inside_the_evolute_matches_the_cartconvert_example),
        cmocka_unit_test(points_near_the_centre_get_the_nearest_surface_point),
        cmocka_unit_test(geodetic_and_ecef_round_trip_everywhere_on_the_ellipsoid),
        cmocka_unit_test(geodetic_and_ecef_round_trip_everywhere_on_the_sphere),
        cmocka_unit_test(longitude_stays_in_minus_pi_exclusive_to_pi),
        cmocka_unit_test(altitude_agrees_with_the_full_conversion),
        cmocka_unit_test(ecef_eci_round_trip_is_the_identity),
        cmocka_unit_test(a_point_fixed_on_the_equator_moves_at_omega_times_a_in_eci),
        cmocka_unit_test(enu_basis_is_orthonormal_right_handed_and_up_is_the_ellipsoid_normal),
        cmocka_unit_test(local_velocity_round_trips_and_has_the_right_directions),
        cmocka_unit_test(trig_free_local_frame_equals_the_enu_basis_of_the_geodetic_point),
        cmocka_unit_test(warm_started_altitude_equals_the_closed_form_along_a_walk),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
