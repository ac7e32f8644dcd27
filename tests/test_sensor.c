/* Tests of the sensors (src/defense/radar.c, sensor_visibility.c, bmd_sensor_scan.c): the radar
 * horizon against the analytic line-of-sight distance and the law of sines, the 4/3-Earth rule of
 * thumb, the radar equation's sigma^(1/4) scaling, the field of view, Earth masking, visibility
 * intervals of hand-built trajectories against closed-form times, the infrared early-warning
 * window, and bad input. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/earth.h"
#include "bmd/sensor.h"
#include "test_support.h"

/* |a - b| <= tol in double precision (cmocka's float assertion rounds to float). */
#define DEG (M_PI / 180.0)
static const double R_MEAN = BMD_EARTH_MEAN_RADIUS_M;

/* The ECEF point at slant range s, azimuth az and elevation el from a geodetic site. */
static void point_from_site(const bmd_earth *e, double lat, double lon, double h, double az,
                            double el, double s, double p[3])
{
    double site[3], east[3], north[3], up[3];
    bmd_earth_geodetic_to_ecef(e, lat, lon, h, site);
    bmd_earth_enu_basis(lat, lon, east, north, up);
    for (int k = 0; k < 3; k++)
        p[k] = site[k] + s * (cos(el) * (sin(az) * east[k] + cos(az) * north[k]) + sin(el) * up[k]);
}

/* ---- radar horizon ---- */

static void zero_elevation_horizon_is_the_tangent_line_of_sight(void **state)
{
    (void)state;
    double s, g;
    /* Radar on the surface, target at 100 km: tangent-ray distance sqrt((R+h)^2 - R^2) (Skolnik,
     * Introduction to Radar Systems, 3rd ed., sec. 8.2, geometric horizon). Tolerance 1 mm:
     * the same quantity computed two ways in double precision. */
    assert_int_equal(bmd_radar_horizon_sphere(R_MEAN, 1, 0, 100e3, 0, &s, &g, NULL), 0);
    assert_double_equal(s, sqrt(pow(R_MEAN + 100e3, 2) - R_MEAN * R_MEAN), 1e-3);
    /* Ground range R * acos(R / (R + h)), the central angle of the tangent triangle (1 mm). */
    assert_double_equal(g, R_MEAN * acos(R_MEAN / (R_MEAN + 100e3)), 1e-3);
    /* Radar and target both at the same height: a horizontal ray meets that height again only
     * at zero range (the first crossing). */
    assert_int_equal(bmd_radar_horizon_sphere(R_MEAN, 1, 500, 500, 0, &s, &g, NULL), 0);
    assert_double_equal(s, 0, 1e-6);
}

static void horizon_above_a_minimum_elevation_follows_the_law_of_sines(void **state)
{
    (void)state;
    /* Triangle centre O, radar A (|OA| = a), target T (|OT| = b); the angle at A is 90 deg + e, so
     * sin T = a cos e / b, the central angle is theta = 90 deg - e - T and the slant range is
     * s = b sin(theta) / cos(e) (law of sines; Skolnik sec. 8.2, fig. 8.6 geometry). */
    const double hr = 500, ht = 300e3, e = 5 * DEG;
    double a = R_MEAN + hr, b = R_MEAN + ht;
    double T = asin(a * cos(e) / b), theta = M_PI / 2 - e - T;
    double s, g;
    assert_int_equal(bmd_radar_horizon_sphere(R_MEAN, 1, hr, ht, e, &s, &g, NULL), 0);
    assert_double_equal(s, b * sin(theta) / cos(e), 1e-3); /* 1 mm, double precision */
    assert_double_equal(g, R_MEAN * theta, 1e-3);
    /* A 3 km radar looking 1 deg down meets 2.5 km on the near side: the near root of
     * s^2 + 2 a s sin e + a^2 - b^2 = 0 (the first crossing), 1 mm. */
    a = R_MEAN + 3000;
    b = R_MEAN + 2500;
    double sn = a * sin(1 * DEG) - sqrt(b * b - a * a * cos(1 * DEG) * cos(1 * DEG));
    assert_int_equal(bmd_radar_horizon_sphere(R_MEAN, 1, 3000, 2500, -1 * DEG, &s, NULL, NULL), 0);
    assert_double_equal(s, sn, 1e-3);
}

static void four_thirds_earth_horizon_matches_the_rule_of_thumb(void **state)
{
    (void)state;
    /* Skolnik, Introduction to Radar Systems, 3rd ed., sec. 8.2: with the 4/3 effective radius,
     * the distance to the horizon is d (statute miles) = sqrt(2 h (feet)). For h = 10,000 ft:
     * 141.42 mi = 227.59 km. The rule takes R = 3,960 mi and drops h^2; against R = 6371.0088 km
     * the two differ by 0.02 %: tolerance 0.05 %. */
    const double h = 10000 * 0.3048, expect = sqrt(2.0 * 10000) * 1609.344;
    double s, g;
    assert_int_equal(bmd_radar_horizon_sphere(R_MEAN, BMD_RADAR_K_STANDARD, 0, h, 0, &s, &g,
                                              NULL), 0);
    assert_double_equal(s, expect, 5e-4 * expect);
    /* Without refraction: s^2 = 2 R h + h^2 against 2 k R h + h^2 with refraction (the tangent
     * triangle on radius R and k R), about sqrt(3/4) shorter; 1e-9 relative. */
    double s1, ratio = sqrt((2 * R_MEAN * h + h * h) / (2 * BMD_RADAR_K_STANDARD * R_MEAN * h + h * h));
    assert_int_equal(bmd_radar_horizon_sphere(R_MEAN, 1, 0, h, 0, &s1, NULL, NULL), 0);
    assert_double_equal(s1 / s, ratio, 1e-9);
}

static void numeric_horizon_on_a_sphere_equals_the_closed_form(void **state)
{
    (void)state;
    bmd_earth e = test_sphere_earth();
    const double cases[][3] = {{0, 100e3, 0}, {500, 300e3, 5 * DEG}, {20, 1000e3, 10 * DEG}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        double s, g, sc, gc;
        assert_int_equal(bmd_radar_horizon(&e, 40 * DEG, 30 * DEG, cases[i][0], 123 * DEG,
                                           cases[i][2], cases[i][1], &s, &g, NULL), 0);
        assert_int_equal(bmd_radar_horizon_sphere(R_MEAN, 1, cases[i][0], cases[i][1],
                                                  cases[i][2], &sc, &gc, NULL), 0);
        /* Bisection to 1 mm on the ray; the geodesic on the sphere is exact: 1 cm. */
        assert_double_equal(s, sc, 1e-2);
        assert_double_equal(g, gc, 1e-2);
    }
}

static void ellipsoid_horizon_follows_the_local_radius_of_curvature(void **state)
{
    (void)state;
    bmd_earth w;
    bmd_earth_init_wgs84(&w);
    /* At the equator the meridian radius of curvature is M = a (1 - e^2) and the prime-vertical
     * radius N = a (NIMA TR8350.2 ch. 4). A target at 1 km is at the horizon 113 km away; over that
     * path M changes by 3/2 e^2 sin^2(1 deg) = 3e-6 relative (M = a (1 - e^2)(1 + 3/2 e^2
     * sin^2 lat + ...)) and N by less: the horizon equals the closed form on a sphere of radius M
     * (looking north) or N (looking east) to 5e-6 relative. The two differ
     * by 0.34 %, so the test tells them apart. */
    double M = w.a_m * (1 - w.e2), N = w.a_m, s, sc;
    assert_int_equal(bmd_radar_horizon(&w, 0, 0, 0, 0, 0, 1000, &s, NULL, NULL), 0);
    assert_int_equal(bmd_radar_horizon_sphere(M, 1, 0, 1000, 0, &sc, NULL, NULL), 0);
    assert_double_equal(s, sc, 5e-6 * sc);
    assert_int_equal(bmd_radar_horizon(&w, 0, 0, 0, M_PI / 2, 0, 1000, &s, NULL, NULL), 0);
    assert_int_equal(bmd_radar_horizon_sphere(N, 1, 0, 1000, 0, &sc, NULL, NULL), 0);
    assert_double_equal(s, sc, 5e-6 * sc);
}

/* ---- radar equation and geometry ---- */

static void detection_range_scales_with_the_fourth_root_of_the_cross_section(void **state)
{
    (void)state;
    bmd_radar r;
    bmd_radar_init(&r);
    r.ref_detection_range_m = 1000e3;
    r.ref_rcs_m2 = 1;
    double d;
    /* R = R_ref (sigma / sigma_ref)^(1/4) (Skolnik eq. 1.2 at a fixed threshold): 16 times the
     * cross-section doubles the range, 1/100 divides it by sqrt(10). Exact up to rounding, 1 mm. */
    assert_int_equal(bmd_radar_detection_range(&r, 16, &d, NULL), 0);
    assert_double_equal(d, 2000e3, 1e-3);
    assert_int_equal(bmd_radar_detection_range(&r, 0.01, &d, NULL), 0);
    assert_double_equal(d, 1000e3 / sqrt(10.0), 1e-3);
    r.ref_rcs_m2 = 0.01;
    assert_int_equal(bmd_radar_detection_range(&r, 0.01, &d, NULL), 0);
    assert_double_equal(d, 1000e3, 1e-3);
}

static void a_point_is_seen_only_inside_the_field_of_view(void **state)
{
    (void)state;
    bmd_earth w;
    bmd_earth_init_wgs84(&w);
    bmd_radar r;
    bmd_radar_init(&r);
    r.lat_rad = 38 * DEG;
    r.lon_rad = 37 * DEG;
    r.height_m = 1800;
    r.full_circle = 0;
    r.boresight_azimuth_rad = 90 * DEG;
    r.azimuth_half_width_rad = 60 * DEG;
    r.fov_elevation_min_rad = 0;
    r.fov_elevation_max_rad = 60 * DEG;
    r.min_elevation_rad = 2 * DEG;
    r.max_range_m = 3000e3;
    r.ref_detection_range_m = 1000e3;
    const struct { double az, el, s; int visible; const char *why; } cases[] = {
        {90, 10, 500e3, 1, "on boresight"},
        {145, 10, 500e3, 1, "55 deg off boresight"},
        {155, 10, 500e3, 0, "65 deg off boresight"},
        {35, 10, 500e3, 1, "55 deg off the other way"},
        {25, 10, 500e3, 0, "65 deg off the other way"},
        {90, 59, 500e3, 1, "below the elevation limit"},
        {90, 61, 500e3, 0, "above the elevation limit"},
        {90, 1, 100e3, 0, "below the minimum elevation"},
        {90, 10, 999e3, 1, "inside the detection range"},
        {90, 10, 1001e3, 0, "beyond the detection range"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        double p[3];
        point_from_site(&w, r.lat_rad, r.lon_rad, r.height_m, cases[i].az * DEG,
                        cases[i].el * DEG, cases[i].s, p);
        bmd_radar_look look;
        assert_int_equal(bmd_radar_look_at(&r, &w, p, BMD_OBJECT_RV, &look, NULL), 0);
        if (look.visible != cases[i].visible)
            print_error("case %zu (%s): visible = %d\n", i, cases[i].why, look.visible);
        assert_int_equal(look.visible, cases[i].visible);
        /* The look recovers the construction: identity up to rounding (1 um, 1e-9 rad). */
        assert_double_equal(look.slant_range_m, cases[i].s, 1e-6);
        assert_double_equal(look.azimuth_rad, cases[i].az * DEG, 1e-9);
        assert_double_equal(look.elevation_rad, cases[i].el * DEG, 1e-9);
    }
    /* Full circle: 65 deg off boresight is seen. */
    r.full_circle = 1;
    double p[3];
    point_from_site(&w, r.lat_rad, r.lon_rad, r.height_m, 155 * DEG, 10 * DEG, 500e3, p);
    bmd_radar_look look;
    assert_int_equal(bmd_radar_look_at(&r, &w, p, BMD_OBJECT_RV, &look, NULL), 0);
    assert_int_equal(look.visible, 1);
}

static void the_earth_masks_a_look_below_the_horizontal_from_a_mountain(void **state)
{
    (void)state;
    bmd_earth e = test_sphere_earth();
    bmd_radar r;
    bmd_radar_init(&r);
    r.height_m = 3000;
    r.min_elevation_rad = -5 * DEG;
    r.fov_elevation_min_rad = -10 * DEG;
    /* From 3 km the horizon dips acos(R / (R + 3 km)) = 1.76 deg. A ray 2.5 deg down hits the
     * ground; on it, the first crossing of 1 km height is seen, the second (beyond the ground
     * contact) is masked although its elevation passes the elevation test. */
    double a = R_MEAN + 3000, b = R_MEAN + 1000, e25 = -2.5 * DEG;
    double root = sqrt(b * b - a * a * cos(e25) * cos(e25));
    double near = -a * sin(e25) - root, far = -a * sin(e25) + root;
    double p[3];
    bmd_radar_look look;
    point_from_site(&e, 0, 0, 3000, 0, e25, near, p);
    assert_int_equal(bmd_radar_look_at(&r, &e, p, BMD_OBJECT_RV, &look, NULL), 0);
    assert_int_equal(look.los_clear, 1);
    assert_int_equal(look.visible, 1);
    point_from_site(&e, 0, 0, 3000, 0, e25, far, p);
    assert_int_equal(bmd_radar_look_at(&r, &e, p, BMD_OBJECT_RV, &look, NULL), 0);
    assert_int_equal(look.above_min_elevation, 1);
    assert_int_equal(look.los_clear, 0);
    assert_int_equal(look.visible, 0);
    /* A ray 1 deg down passes 2.03 km above the ground at its lowest (a cos 1 deg - R): the far
     * crossing of 2.5 km is seen. */
    b = R_MEAN + 2500;
    far = a * sin(1 * DEG) + sqrt(b * b - a * a * cos(1 * DEG) * cos(1 * DEG));
    point_from_site(&e, 0, 0, 3000, 0, -1 * DEG, far, p);
    assert_int_equal(bmd_radar_look_at(&r, &e, p, BMD_OBJECT_RV, &look, NULL), 0);
    assert_int_equal(look.visible, 1);
}

static void at_non_negative_elevation_the_ellipsoid_never_masks(void **state)
{
    (void)state;
    /* The ellipsoid is convex and lies below the tangent plane at the radar's foot; the radar's
     * horizontal plane is parallel and at or above it, so a ray at elevation >= 0 never enters
     * the ellipsoid: the elevation test alone is the radar's horizon. Checked on 2,000 random
     * rays on WGS84 with the exact segment test. */
    bmd_earth w;
    bmd_earth_init_wgs84(&w);
    srand(12345);
    for (int i = 0; i < 2000; i++) {
        double lat = (rand() / (double)RAND_MAX - 0.5) * M_PI;
        double lon = (rand() / (double)RAND_MAX - 0.5) * 2 * M_PI;
        double h = rand() / (double)RAND_MAX * 5000;
        double az = rand() / (double)RAND_MAX * 2 * M_PI;
        double el = rand() / (double)RAND_MAX * 0.5 * M_PI * (i % 4 == 0 ? 0.001 : 1);
        double s = 1e3 + rand() / (double)RAND_MAX * 5e6;
        double site[3], p[3];
        bmd_earth_geodetic_to_ecef(&w, lat, lon, h, site);
        point_from_site(&w, lat, lon, h, az, el, s, p);
        assert_int_equal(bmd_earth_segment_clear(&w, site, p), 1);
    }
    /* And the test can fail: a chord through the Earth is not clear. */
    double p1[3], p2[3];
    bmd_earth_geodetic_to_ecef(&w, 0, 0, 100, p1);
    bmd_earth_geodetic_to_ecef(&w, 0, 90 * DEG, 100, p2);
    assert_int_equal(bmd_earth_segment_clear(&w, p1, p2), 0);
}

static void refraction_extends_the_visibility_to_the_four_thirds_horizon(void **state)
{
    (void)state;
    bmd_earth e = test_sphere_earth();
    bmd_radar r;
    bmd_radar_init(&r);
    r.ref_detection_range_m = 5e6;
    /* A target at 10 km just inside the 4/3-Earth horizon (ground range from the closed form
     * with k = 4/3, less 1 km) is seen with refraction and hidden without; 1 km beyond it, it
     * is hidden either way. */
    double g;
    assert_int_equal(bmd_radar_horizon_sphere(R_MEAN, BMD_RADAR_K_STANDARD, 0, 10e3, 0, NULL, &g,
                                              NULL), 0);
    double p[3];
    bmd_radar_look look;
    bmd_earth_geodetic_to_ecef(&e, 0, (g - 1e3) / R_MEAN, 10e3, p);
    assert_int_equal(bmd_radar_look_at(&r, &e, p, BMD_OBJECT_RV, &look, NULL), 0);
    assert_int_equal(look.visible, 0);
    r.refraction_k = BMD_RADAR_K_STANDARD;
    assert_int_equal(bmd_radar_look_at(&r, &e, p, BMD_OBJECT_RV, &look, NULL), 0);
    assert_int_equal(look.visible, 1);
    bmd_earth_geodetic_to_ecef(&e, 0, (g + 1e3) / R_MEAN, 10e3, p);
    assert_int_equal(bmd_radar_look_at(&r, &e, p, BMD_OBJECT_RV, &look, NULL), 0);
    assert_int_equal(look.visible, 0);
}

/* ---- trajectories built by hand ---- */

/* A trajectory of n samples every dt from t = 0: position f(t), velocity g(t) (ECEF). */
typedef void (*path_fn)(double t, double r[3], double v[3], const void *ctx);

static bmd_trajectory build(int n, double dt, path_fn f, const void *ctx, double boost_end_s)
{
    bmd_trajectory tr = {calloc((size_t)n, sizeof(bmd_sample)), n, n};
    assert_non_null(tr.samples);
    for (int i = 0; i < n; i++) {
        bmd_sample *s = &tr.samples[i];
        s->t_s = i * dt;
        f(s->t_s, s->r_ecef_m, s->v_ecef_m_s, ctx);
        s->phase = s->t_s <= boost_end_s ? BMD_PHASE_BOOST : BMD_PHASE_FREE;
    }
    return tr;
}

/* Vertical rise at speed v from (lat 0, lon 0) on the sphere. */
static void vertical_rise(double t, double r[3], double v[3], const void *ctx)
{
    double speed = *(const double *)ctx;
    r[0] = R_MEAN + speed * t;
    r[1] = r[2] = 0;
    v[0] = speed;
    v[1] = v[2] = 0;
}

static void a_vertical_rise_is_seen_from_the_elevation_limit_to_the_detection_range(void **state)
{
    (void)state;
    bmd_earth e = test_sphere_earth();
    double speed = 3000;
    bmd_trajectory tr = build(101, 10.0, vertical_rise, &speed, 1e9); /* 0..1000 s */
    bmd_radar r;
    bmd_radar_init(&r);
    double theta = 800e3 / R_MEAN, emin = 3 * DEG; /* radar 800 km east of the launch point */
    r.lon_rad = theta;
    r.height_m = 100;
    r.min_elevation_rad = emin;
    r.ref_detection_range_m = 2000e3;
    /* Seen from height b with b = a cos e / cos(e + theta) (law of sines in the triangle
     * centre-radar-target; the angle at the radar is 90 deg + e) until the slant range reaches
     * 2,000 km: b = a cos theta + sqrt(R_det^2 - a^2 sin^2 theta) (law of cosines). */
    double a = R_MEAN + 100;
    double t_in = (a * cos(emin) / cos(emin + theta) - R_MEAN) / speed;
    double t_out = (a * cos(theta) + sqrt(pow(2000e3, 2) - pow(a * sin(theta), 2)) - R_MEAN) /
                   speed;
    bmd_interval iv[4];
    int n;
    assert_int_equal(bmd_radar_visibility(&r, &e, &tr, BMD_OBJECT_RV, iv, 4, &n, NULL), 0);
    assert_int_equal(n, 1);
    /* The path is linear in time, so the Hermite interpolation is exact; the ends are bisected
     * to 1 ms: tolerance 0.01 s (the issue asks for 0.1 s). */
    assert_double_equal(iv[0].start_s, t_in, 0.01);
    assert_double_equal(iv[0].end_s, t_out, 0.01);
    /* A smaller target is lost earlier: the RV cross-section 0.01 m^2 cuts R_det to 632 km, less
     * than the 800 km ground offset, so it is never seen. */
    r.rcs_m2[BMD_OBJECT_RV] = 0.01;
    assert_int_equal(bmd_radar_visibility(&r, &e, &tr, BMD_OBJECT_RV, iv, 4, &n, NULL), 0);
    assert_int_equal(n, 0);
    free(tr.samples);
}

/* A straight line at constant velocity through the radar's local frame: x = x0 + v t east,
 * y = y0 north, z = z0 up of a WGS84 site. */
typedef struct line_ctx {
    double site[3], east[3], north[3], up[3];
    double x0, y0, z0, v;
} line_ctx;

static void straight_line(double t, double r[3], double v[3], const void *ctx)
{
    const line_ctx *c = ctx;
    for (int k = 0; k < 3; k++) {
        r[k] = c->site[k] + (c->x0 + c->v * t) * c->east[k] + c->y0 * c->north[k] +
               c->z0 * c->up[k];
        v[k] = c->v * c->east[k];
    }
}

static void a_straight_pass_is_cut_by_range_azimuth_and_zenith_limits(void **state)
{
    (void)state;
    bmd_earth w;
    bmd_earth_init_wgs84(&w);
    bmd_radar r;
    bmd_radar_init(&r);
    r.lat_rad = 50 * DEG;
    r.lon_rad = 10 * DEG;
    r.ref_detection_range_m = 1000e3;
    line_ctx c = {.x0 = -1500e3, .y0 = 0, .z0 = 400e3, .v = 5000};
    bmd_earth_geodetic_to_ecef(&w, r.lat_rad, r.lon_rad, 0, c.site);
    bmd_earth_enu_basis(r.lat_rad, r.lon_rad, c.east, c.north, c.up);
    /* Samples every 20 s (100 km apart): the ends fall between samples. */
    bmd_trajectory tr = build(31, 20.0, straight_line, &c, -1);
    /* The line runs 400 km above the site's horizontal plane, so the Earth never masks it.
     * Range limit: x^2 + z0^2 <= R_det^2, |x| <= 916.5 km; zenith gap: elevation > 80 deg when
     * |x| < z0 tan 10 deg = 70.5 km. Times t = (x - x0) / v. */
    r.fov_elevation_max_rad = 80 * DEG;
    double xr = sqrt(1000e3 * 1000e3 - c.z0 * c.z0), xz = c.z0 * tan(10 * DEG);
    bmd_interval iv[4];
    int n;
    assert_int_equal(bmd_radar_visibility(&r, &w, &tr, BMD_OBJECT_BOOSTER, iv, 4, &n, NULL), 0);
    assert_int_equal(n, 2);
    /* Linear motion: interpolation exact, ends bisected to 1 ms; tolerance 0.01 s. */
    assert_double_equal(iv[0].start_s, (-xr - c.x0) / c.v, 0.01);
    assert_double_equal(iv[0].end_s, (-xz - c.x0) / c.v, 0.01);
    assert_double_equal(iv[1].start_s, (xz - c.x0) / c.v, 0.01);
    assert_double_equal(iv[1].end_s, (xr - c.x0) / c.v, 0.01);
    /* A face looking north-east (boresight 45 deg, half-width 30 deg) on a line 300 km north:
     * azimuth atan2(x, y0) in [15, 75] deg, so x in [y0 tan 15, y0 tan 75]; range still cuts at
     * x^2 + y0^2 + z0^2 = R_det^2. */
    c.y0 = 300e3;
    free(tr.samples);
    tr = build(31, 20.0, straight_line, &c, -1);
    r.fov_elevation_max_rad = 90 * DEG;
    r.full_circle = 0;
    r.boresight_azimuth_rad = 45 * DEG;
    r.azimuth_half_width_rad = 30 * DEG;
    double x_lo = c.y0 * tan(15 * DEG);
    double x_hi = fmin(c.y0 * tan(75 * DEG), sqrt(1e12 - c.y0 * c.y0 - c.z0 * c.z0));
    assert_int_equal(bmd_radar_visibility(&r, &w, &tr, BMD_OBJECT_BOOSTER, iv, 4, &n, NULL), 0);
    assert_int_equal(n, 1);
    assert_double_equal(iv[0].start_s, (x_lo - c.x0) / c.v, 0.01);
    assert_double_equal(iv[0].end_s, (x_hi - c.x0) / c.v, 0.01);
    /* A buffer of one interval for the two-interval case: EINVAL, the first one kept. */
    r.full_circle = 1;
    r.fov_elevation_max_rad = 80 * DEG;
    c.y0 = 0;
    free(tr.samples);
    tr = build(31, 20.0, straight_line, &c, -1);
    bmd_error err;
    assert_int_equal(bmd_radar_visibility(&r, &w, &tr, BMD_OBJECT_BOOSTER, iv, 1, &n, &err),
                     BMD_EINVAL);
    assert_int_equal(n, 1);
    assert_non_null(strstr(err.message, "2 visibility intervals"));
    free(tr.samples);
}

/* ---- space-based infrared ---- */

static void the_ir_window_runs_from_cloud_tops_plus_delay_to_burnout(void **state)
{
    (void)state;
    bmd_earth e = test_sphere_earth();
    double speed = 500; /* reaches 12 km at 24 s */
    /* Samples every 7 s: the last burning sample is at 98 s, burnout at 100 s falls between. */
    bmd_trajectory tr = build(40, 7.0, vertical_rise, &speed, 99.0);
    bmd_flight_events ev;
    memset(&ev, 0, sizeof ev);
    ev.n_stages = 1;
    ev.stage_burnout_s[0] = 100;
    ev.burnout_s = 100;
    bmd_ir_sensor ir = {12e3, 30};
    bmd_interval iv[4];
    int n;
    assert_int_equal(bmd_ir_visibility(&ir, &e, &tr, &ev, iv, 4, &n, NULL), 0);
    assert_int_equal(n, 1);
    /* [t_cloud + delay, burnout] = [24 + 30, 100] s; crossing bisected to 1 ms: 0.01 s. */
    assert_double_equal(iv[0].start_s, 54.0, 0.01);
    assert_double_equal(iv[0].end_s, 100.0, 1e-12);
    /* Without the events the burn ends at the last burning sample. */
    assert_int_equal(bmd_ir_visibility(&ir, &e, &tr, NULL, iv, 4, &n, NULL), 0);
    assert_int_equal(n, 1);
    assert_double_equal(iv[0].end_s, 98.0, 1e-12);
    /* A report delay longer than the burn above the clouds: nothing is reported. */
    ir.delay_s = 80;
    assert_int_equal(bmd_ir_visibility(&ir, &e, &tr, &ev, iv, 4, &n, NULL), 0);
    assert_int_equal(n, 0);
    /* Two stages with a coast (60-70 s) between them: two windows, each after the delay; nothing
     * after burnout at 120 s although the object keeps climbing. */
    free(tr.samples);
    tr = build(40, 5.0, vertical_rise, &speed, 120.0);
    for (int i = 0; i < tr.n_samples; i++)
        if (tr.samples[i].t_s > 60 && tr.samples[i].t_s < 70)
            tr.samples[i].phase = BMD_PHASE_COAST_STAGE;
    ir.delay_s = 10;
    assert_int_equal(bmd_ir_visibility(&ir, &e, &tr, NULL, iv, 4, &n, NULL), 0);
    assert_int_equal(n, 2);
    assert_double_equal(iv[0].start_s, 34.0, 0.01); /* 24 s + 10 s */
    assert_double_equal(iv[0].end_s, 60.0, 1e-12);
    assert_double_equal(iv[1].start_s, 80.0, 1e-12); /* 70 s reignition + 10 s */
    assert_double_equal(iv[1].end_s, 120.0, 1e-12);
    free(tr.samples);
}

/* ---- bad input ---- */

static void bad_radars_are_refused_with_einval(void **state)
{
    (void)state;
    bmd_radar r;
    bmd_error err;
    bmd_radar_init(&r);
    assert_int_equal(bmd_radar_validate(&r, &err), BMD_SUCCESS);
    r.lat_rad = 91 * DEG;
    assert_int_equal(bmd_radar_validate(&r, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "latitude 91"));
    bmd_radar_init(&r);
    r.lat_rad = NAN;
    assert_int_equal(bmd_radar_validate(&r, &err), BMD_EINVAL);
    bmd_radar_init(&r);
    r.max_range_m = -1;
    assert_int_equal(bmd_radar_validate(&r, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "instrumented range"));
    bmd_radar_init(&r);
    r.ref_detection_range_m = -5e5;
    assert_int_equal(bmd_radar_validate(&r, &err), BMD_EINVAL);
    bmd_radar_init(&r);
    r.fov_elevation_min_rad = 50 * DEG;
    r.fov_elevation_max_rad = 10 * DEG;
    assert_int_equal(bmd_radar_validate(&r, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "inverted"));
    bmd_radar_init(&r);
    r.rcs_m2[BMD_OBJECT_DECOY] = 0;
    assert_int_equal(bmd_radar_validate(&r, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "decoy"));
    bmd_radar_init(&r);
    r.refraction_k = 0.5;
    assert_int_equal(bmd_radar_validate(&r, &err), BMD_EINVAL);
    bmd_radar_init(&r);
    r.full_circle = 0;
    r.azimuth_half_width_rad = 0;
    assert_int_equal(bmd_radar_validate(&r, &err), BMD_EINVAL);
    bmd_radar_init(&r);
    double d;
    assert_int_equal(bmd_radar_detection_range(&r, -1, &d, &err), BMD_EINVAL);
    assert_int_equal(bmd_radar_detection_range(&r, NAN, &d, &err), BMD_EINVAL);
    bmd_earth e = test_sphere_earth();
    double p[3] = {NAN, 0, 0};
    bmd_radar_look look;
    assert_int_equal(bmd_radar_look_at(&r, &e, p, BMD_OBJECT_RV, &look, &err), BMD_EINVAL);
    p[0] = R_MEAN;
    assert_int_equal(bmd_radar_look_at(&r, &e, p, (bmd_object_class)7, &look, &err),
                     BMD_EINVAL);
}

static void bad_horizon_and_ir_inputs_are_refused(void **state)
{
    (void)state;
    bmd_error err;
    double s;
    assert_int_equal(bmd_radar_horizon_sphere(-1, 1, 0, 1e5, 0, &s, NULL, &err), BMD_EINVAL);
    assert_int_equal(bmd_radar_horizon_sphere(R_MEAN, 1, 0, NAN, 0, &s, NULL, &err), BMD_EINVAL);
    assert_int_equal(bmd_radar_horizon_sphere(R_MEAN, 1, 0, 1e5, M_PI / 2, &s, NULL, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_radar_horizon_sphere(R_MEAN, 0.5, 0, 1e5, 0, &s, NULL, &err),
                     BMD_EINVAL);
    /* A target below the radar cannot be seen looking up: EDOM. */
    assert_int_equal(bmd_radar_horizon_sphere(R_MEAN, 1, 1000, 0, 1 * DEG, &s, NULL, &err),
                     BMD_EDOM);
    bmd_earth w;
    bmd_earth_init_wgs84(&w);
    assert_int_equal(bmd_radar_horizon(&w, 95 * DEG, 0, 0, 0, 0, 1e5, &s, NULL, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_radar_horizon(&w, 0, 0, 1000, 0, 1 * DEG, 0, &s, NULL, &err), BMD_EDOM);
    bmd_ir_sensor ir = {10e3, -1};
    assert_int_equal(bmd_ir_sensor_validate(&ir, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "delay"));
    ir.delay_s = 0;
    ir.min_altitude_m = NAN;
    assert_int_equal(bmd_ir_sensor_validate(&ir, &err), BMD_EINVAL);
    /* A trajectory of one sample, or with time running backwards. */
    bmd_ir_sensor_init(&ir);
    bmd_sample smp[2];
    memset(smp, 0, sizeof smp);
    smp[0].r_ecef_m[0] = smp[1].r_ecef_m[0] = R_MEAN;
    smp[1].t_s = -1;
    bmd_trajectory tr = {smp, 1, 2};
    bmd_interval iv[2];
    int n;
    assert_int_equal(bmd_ir_visibility(&ir, &w, &tr, NULL, iv, 2, &n, &err), BMD_EINVAL);
    tr.n_samples = 2;
    assert_int_equal(bmd_ir_visibility(&ir, &w, &tr, NULL, iv, 2, &n, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "before"));
    bmd_radar r;
    bmd_radar_init(&r);
    assert_int_equal(bmd_radar_visibility(&r, &w, &tr, BMD_OBJECT_RV, NULL, 2, &n, &err),
                     BMD_EINVAL);
    bmd_object_class cls;
    assert_int_equal(bmd_object_class_parse("Warhead", &cls, &err), BMD_SUCCESS);
    assert_int_equal(cls, BMD_OBJECT_RV);
    assert_int_equal(bmd_object_class_parse("balloon", &cls, &err), BMD_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(zero_elevation_horizon_is_the_tangent_line_of_sight),
        cmocka_unit_test(horizon_above_a_minimum_elevation_follows_the_law_of_sines),
        cmocka_unit_test(four_thirds_earth_horizon_matches_the_rule_of_thumb),
        cmocka_unit_test(numeric_horizon_on_a_sphere_equals_the_closed_form),
        cmocka_unit_test(ellipsoid_horizon_follows_the_local_radius_of_curvature),
        cmocka_unit_test(detection_range_scales_with_the_fourth_root_of_the_cross_section),
        cmocka_unit_test(a_point_is_seen_only_inside_the_field_of_view),
        cmocka_unit_test(the_earth_masks_a_look_below_the_horizontal_from_a_mountain),
        cmocka_unit_test(at_non_negative_elevation_the_ellipsoid_never_masks),
        cmocka_unit_test(refraction_extends_the_visibility_to_the_four_thirds_horizon),
        cmocka_unit_test(a_vertical_rise_is_seen_from_the_elevation_limit_to_the_detection_range),
        cmocka_unit_test(a_straight_pass_is_cut_by_range_azimuth_and_zenith_limits),
        cmocka_unit_test(the_ir_window_runs_from_cloud_tops_plus_delay_to_burnout),
        cmocka_unit_test(bad_radars_are_refused_with_einval),
        cmocka_unit_test(bad_horizon_and_ir_inputs_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
