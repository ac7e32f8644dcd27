/* Tests of bmd/map.h: projection math against closed forms (Snyder 1987), the world data, and the
 * SVG being well formed (libxml2) with the layers present; bad views rejected. Set
 * BMD_MAP_TEST_OUT=DIR to keep the rendered maps for viewing. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/map.h"
#include "export_fixtures.h"
#include "svg_fixtures.h"

static const double R = BMD_EARTH_MEAN_RADIUS_M;

static bmd_world *load_world(void)
{
    const char *dir = getenv("BMD_DATA_DIR");
    bmd_world *w = NULL;
    bmd_error err;
    int st = bmd_world_load_dir(dir ? dir : "data", &w, &err);
    if (st)
        fail_msg("%s", err.message);
    return w;
}

static void azimuthal_map_distance_from_the_centre_is_the_great_circle_distance(void **state)
{
    (void)state;
    bmd_map_view v;
    bmd_map_view_init(&v);
    v.center_lat_rad = D2R(50);
    v.center_lon_rad = D2R(20);
    const double pts[][2] = {{54.48, 17.10}, {38.35, 37.79}, {38.9, -77.0}, {-33.9, 151.2},
                             {0, 0}, {89.9, 120}, {-60, -150}};
    for (size_t i = 0; i < sizeof pts / sizeof *pts; i++) {
        double x, y, lat = D2R(pts[i][0]), lon = D2R(pts[i][1]);
        assert_int_equal(bmd_map_project(&v, lat, lon, &x, &y), 1);
        double d = fixture_gc_distance_m(R, v.center_lat_rad, v.center_lon_rad, lat, lon);
        /* Snyder eq. 25-2: rho = R c; haversine closed form; 1 mm */
        assert_float_equal(hypot(x, y), d, 1e-3);
        /* direction: atan2(x, y) is the initial great-circle azimuth (spherical trigonometry,
         * tan Az = sin dl cos phi2 / (cos phi1 sin phi2 - sin phi1 cos phi2 cos dl)) */
        double dl = lon - v.center_lon_rad;
        double az = atan2(sin(dl) * cos(lat), cos(v.center_lat_rad) * sin(lat) -
                                                  sin(v.center_lat_rad) * cos(lat) * cos(dl));
        assert_float_equal(remainder(atan2(x, y) - az, 2 * M_PI), 0, 1e-12);
    }
}

static void azimuthal_known_points_fall_where_the_closed_form_puts_them(void **state)
{
    (void)state;
    bmd_map_view v;
    bmd_map_view_init(&v);
    v.center_lat_rad = D2R(50);
    v.center_lon_rad = D2R(20);
    double x, y, px, py;
    /* the centre is at the origin and in the middle of the canvas */
    bmd_map_project(&v, v.center_lat_rad, v.center_lon_rad, &x, &y);
    assert_float_equal(x, 0, 1e-6);
    assert_float_equal(y, 0, 1e-6);
    bmd_map_pixel(&v, v.center_lat_rad, v.center_lon_rad, &px, &py);
    assert_float_equal(px, v.width_px / 2.0, 1e-9);
    assert_float_equal(py, v.height_px / 2.0, 1e-9);
    /* 10 deg due north on the central meridian: x = 0, y = R * 10 deg */
    bmd_map_project(&v, D2R(60), D2R(20), &x, &y);
    assert_float_equal(x, 0, 1e-6);
    assert_float_equal(y, R * D2R(10), 1e-6);
    /* the north pole: y = R (90 - 50) deg */
    bmd_map_project(&v, D2R(90), D2R(0), &x, &y);
    assert_float_equal(hypot(x, y), R * D2R(40), 1e-3);
    /* pixel scale: min(W, H) / (2 radius): 720 / 4000 km */
    assert_float_equal(bmd_map_scale_px_per_m(&v), 720.0 / 4e6, 1e-15);
    /* the antipode and its 5-degree neighbourhood are not drawn */
    assert_int_equal(bmd_map_project(&v, D2R(-50), D2R(-160), &x, &y), 0);
    assert_int_equal(bmd_map_project(&v, D2R(-53), D2R(-160), &x, &y), 0);
    assert_int_equal(bmd_map_project(&v, D2R(-40), D2R(-160), &x, &y), 1);
}

static void equirectangular_points_follow_snyder_12_1_and_12_2(void **state)
{
    (void)state;
    bmd_map_view v;
    bmd_map_view_init(&v);
    v.projection = BMD_PROJ_EQUIRECTANGULAR;
    v.center_lat_rad = D2R(45);
    v.center_lon_rad = D2R(170);
    double x, y;
    /* 20 deg east across the antimeridian (190 E = 170 W) and 5 deg north */
    bmd_map_project(&v, D2R(50), D2R(-170), &x, &y);
    assert_float_equal(x, R * D2R(20) * cos(D2R(45)), 1e-6);
    assert_float_equal(y, R * D2R(5), 1e-6);
    bmd_map_project(&v, D2R(45), D2R(150), &x, &y);
    assert_float_equal(x, -R * D2R(20) * cos(D2R(45)), 1e-6);
}

static void the_world_data_has_the_natural_earth_110m_rings_and_borders(void **state)
{
    (void)state;
    bmd_world *w = load_world();
    int land, borders;
    bmd_world_counts(w, &land, &borders);
    /* written by scripts/make_map_data.py from world-atlas 2.0.2: 131 land rings (130 + 1 hole,
     * after cutting Eurasia, Fiji and Wrangel Island at the antimeridian)
     * and 326 border arcs */
    assert_int_equal(land, 131);
    assert_int_equal(borders, 326);
    bmd_world_free(w);
    bmd_error err;
    assert_int_equal(bmd_world_load("/nonexistent/ne.txt", &w, &err), BMD_EIO);
    assert_null(w);
}

static void a_malformed_map_file_is_a_parse_error_with_the_line(void **state)
{
    (void)state;
    char path[] = "/tmp/bmd-world-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("# comment\nL 3 0 0 10 10 -10\n", f);
    fclose(f);
    bmd_world *w = NULL;
    bmd_error err;
    assert_int_equal(bmd_world_load(path, &w, &err), BMD_EPARSE);
    assert_non_null(strstr(err.message, ":2:"));
    remove(path);
}

/* A Europe scene with every kind of feature. */
static void europe_scene(bmd_scene *scene)
{
    bmd_scene_init(scene, NULL);
    assert_int_equal(bmd_scene_set_title(scene, "Europe & the Middle East", NULL), 0);
    assert_int_equal(bmd_scene_add_site(scene, "Redzikowo", BMD_SITE_INTERCEPTOR, D2R(54.48),
                                        D2R(17.10), 0, NULL, NULL), 0);
    assert_int_equal(bmd_scene_add_site(scene, "Deveselu", BMD_SITE_INTERCEPTOR, D2R(44.08),
                                        D2R(24.35), 0, NULL, NULL), 0);
    assert_int_equal(bmd_scene_add_site(scene, "Kürecik", BMD_SITE_RADAR, D2R(38.35), D2R(37.79),
                                        0, NULL, NULL), 0);
    assert_int_equal(bmd_scene_add_site(scene, "Tabriz", BMD_SITE_LAUNCH, D2R(38.08), D2R(46.29),
                                        0, NULL, NULL), 0);
    assert_int_equal(bmd_scene_add_site(scene, "Berlin", BMD_SITE_TARGET, D2R(52.52), D2R(13.40),
                                        0, NULL, NULL), 0);
    assert_int_equal(bmd_scene_add_coverage(scene, "AN/TPY-2", D2R(38.35), D2R(37.79), 1000e3,
                                            D2R(30), D2R(150), NULL, NULL), 0);
    bmd_sample s[60];
    fixture_flight(s, 60, 38.08, 46.29, 52.52, 13.40, 600e3);
    assert_int_equal(bmd_scene_add_track(scene, "Shahab-3 to Berlin", NULL, BMD_TRACK_THREAT, s,
                                         60, 1, NULL, NULL), 0);
    fixture_flight(s, 20, 44.08, 24.35, 46.0, 30.0, 200e3);
    assert_int_equal(bmd_scene_add_track(scene, "SM-3", NULL, BMD_TRACK_INTERCEPTOR, s, 20, 0,
                                         NULL, NULL), 0);
    double lat[] = {D2R(48), D2R(48), D2R(42), D2R(42)}, lon[] = {D2R(20), D2R(28), D2R(28),
                                                                  D2R(20)};
    assert_int_equal(bmd_scene_add_area(scene, "Deveselu footprint", BMD_AREA_FOOTPRINT, lat, lon,
                                        4, NULL, NULL), 0);
}

static void a_europe_map_is_well_formed_svg_with_every_layer(void **state)
{
    (void)state;
    bmd_world *w = load_world();
    bmd_scene scene;
    europe_scene(&scene);
    bmd_map_view v;
    bmd_map_view_init(&v);
    bmd_error err;
    assert_int_equal(bmd_map_view_fit(&v, &scene, &err), BMD_SUCCESS);
    /* the fitted centre lies among the sites: between 35-55 N and 10-50 E */
    assert_true(v.center_lat_rad > D2R(35) && v.center_lat_rad < D2R(55));
    assert_true(v.center_lon_rad > D2R(10) && v.center_lon_rad < D2R(50));
    char *text = NULL;
    assert_int_equal(bmd_map_svg(&v, w, &scene, &text, &err), BMD_SUCCESS);
    keep("europe_scene.svg", text);
    assert_int_equal(svg_count(text, "/s:svg"), 1);
    assert_int_equal(svg_count(text, "/s:svg/s:title[.='Europe & the Middle East']"), 1);
    assert_true(svg_count(text, "//s:path[@fill-rule='evenodd']") == 1);  /* land */
    assert_true(svg_count(text, "//s:text[.='Kürecik']") == 1);          /* a label */
    assert_true(svg_count(text, "//s:text[.='Radar coverage']") == 1);   /* legend */
    assert_true(svg_count(text, "//s:text[.='Defended footprint']") == 1);
    assert_true(svg_count(text, "//s:text[.='Threat ground track']") == 1);
    assert_true(svg_count(text, "//s:text[contains(., ' km (')]") == 1); /* scale bar */
    /* every site is on the canvas: the fit keeps them inside */
    for (int i = 0; i < scene.n_sites; i++) {
        double px, py;
        assert_int_equal(bmd_map_pixel(&v, scene.sites[i].lat_rad, scene.sites[i].lon_rad, &px,
                                       &py), 1);
        assert_true(px > 0 && px < v.width_px && py > 0 && py < v.height_px);
    }
    free(text);
    bmd_scene_free(&scene);
    bmd_world_free(w);
}

static void world_and_pacific_maps_are_well_formed_in_both_projections(void **state)
{
    (void)state;
    bmd_world *w = load_world();
    bmd_scene scene;
    bmd_scene_init(&scene, NULL);
    bmd_sample s[40];
    fixture_flight(s, 40, 40.0, 140.0, 55.0, 230.0, 1000e3); /* across the antimeridian */
    assert_int_equal(bmd_scene_add_track(&scene, "Pacific", NULL, BMD_TRACK_THREAT, s, 40, 1, NULL,
                                         NULL), 0);
    assert_int_equal(bmd_scene_add_coverage(&scene, "Shemya", D2R(52.7), D2R(174.1), 2000e3, NAN,
                                            NAN, NULL, NULL), 0);
    const struct {
        bmd_projection p;
        double lat, lon, r;
        const char *name;
    } views[] = {{BMD_PROJ_AZIMUTHAL_EQUIDISTANT, 50, 20, M_PI * R, "world_aeqd.svg"},
                 {BMD_PROJ_EQUIRECTANGULAR, 0, 0, M_PI * R / 2, "world_equirect.svg"},
                 {BMD_PROJ_EQUIRECTANGULAR, 45, 180, 3500e3, "pacific_equirect.svg"},
                 {BMD_PROJ_AZIMUTHAL_EQUIDISTANT, 50, 180, 4000e3, "pacific_aeqd.svg"}};
    for (size_t i = 0; i < sizeof views / sizeof *views; i++) {
        bmd_map_view v;
        bmd_map_view_init(&v);
        v.projection = views[i].p;
        v.center_lat_rad = D2R(views[i].lat);
        v.center_lon_rad = D2R(views[i].lon);
        v.radius_m = views[i].r;
        char *text = NULL;
        bmd_error err;
        assert_int_equal(bmd_map_svg(&v, w, &scene, &text, &err), BMD_SUCCESS);
        keep(views[i].name, text);
        assert_int_equal(svg_count(text, "/s:svg"), 1);
        assert_true(svg_count(text, "//s:path") >= 5);
        free(text);
    }
    bmd_scene_free(&scene);
    bmd_world_free(w);
}

static void bad_views_are_rejected_with_einval(void **state)
{
    (void)state;
    bmd_map_view v;
    bmd_map_view_init(&v);
    char *text = NULL;
    bmd_error err;
    v.radius_m = 0;
    assert_int_equal(bmd_map_svg(&v, NULL, NULL, &text, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "radius"));
    bmd_map_view_init(&v);
    v.center_lat_rad = NAN;
    assert_int_equal(bmd_map_svg(&v, NULL, NULL, &text, &err), BMD_EINVAL);
    bmd_map_view_init(&v);
    v.width_px = 50;
    assert_int_equal(bmd_map_svg(&v, NULL, NULL, &text, &err), BMD_EINVAL);
    bmd_map_view_init(&v);
    v.projection = BMD_PROJ_EQUIRECTANGULAR;
    v.center_lat_rad = D2R(89);
    assert_int_equal(bmd_map_svg(&v, NULL, NULL, &text, &err), BMD_EINVAL);
    bmd_scene scene;
    bmd_scene_init(&scene, NULL);
    assert_int_equal(bmd_map_view_fit(&v, &scene, &err), BMD_EINVAL);
    assert_null(text);
    bmd_map_view_init(&v);
    assert_int_equal(bmd_map_write_svg(&v, NULL, NULL, "/nonexistent-dir/m.svg", &err), BMD_EIO);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(azimuthal_map_distance_from_the_centre_is_the_great_circle_distance),
        cmocka_unit_test(azimuthal_known_points_fall_where_the_closed_form_puts_them),
        cmocka_unit_test(equirectangular_points_follow_snyder_12_1_and_12_2),
        cmocka_unit_test(the_world_data_has_the_natural_earth_110m_rings_and_borders),
        cmocka_unit_test(a_malformed_map_file_is_a_parse_error_with_the_line),
        cmocka_unit_test(a_europe_map_is_well_formed_svg_with_every_layer),
        cmocka_unit_test(world_and_pacific_maps_are_well_formed_in_both_projections),
        cmocka_unit_test(bad_views_are_rejected_with_einval),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return rc;
}
