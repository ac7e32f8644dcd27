/* Tests of bmd/geojson.h: the output parses (cJSON) and keeps RFC 7946: lon/lat order, closed and
 * counterclockwise rings, cuts at the antimeridian, altitude as third coordinate; geodesic circles
 * at the right distance; escaping; bad input. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cjson/cJSON.h>
#include <cmocka.h>

#include "bmd/geojson.h"
#include "export_fixtures.h"

/* A sphere of the mean radius, so that circle radii have a closed form. */
static void sphere_scene(bmd_scene *scene)
{
    bmd_earth earth;
    assert_int_equal(bmd_earth_init_sphere(&earth, 0, 0, NULL), BMD_SUCCESS);
    bmd_scene_init(scene, &earth);
}

/* Parse the scene's GeoJSON; the caller deletes the tree. */
static cJSON *parse(const bmd_scene *scene)
{
    char *text = NULL;
    bmd_error err;
    assert_int_equal(bmd_geojson_string(scene, &text, &err), BMD_SUCCESS);
    cJSON *root = cJSON_Parse(text);
    free(text);
    assert_non_null(root);
    assert_string_equal(cJSON_GetObjectItem(root, "type")->valuestring, "FeatureCollection");
    return root;
}

static cJSON *feature(cJSON *root, int i)
{
    cJSON *f = cJSON_GetArrayItem(cJSON_GetObjectItem(root, "features"), i);
    assert_non_null(f);
    assert_string_equal(cJSON_GetObjectItem(f, "type")->valuestring, "Feature");
    return f;
}

static const char *geometry_type(cJSON *f)
{
    return cJSON_GetObjectItem(cJSON_GetObjectItem(f, "geometry"), "type")->valuestring;
}

static cJSON *coordinates(cJSON *f)
{
    return cJSON_GetObjectItem(cJSON_GetObjectItem(f, "geometry"), "coordinates");
}

static double coord(cJSON *pos, int k) { return cJSON_GetArrayItem(pos, k)->valuedouble; }

/* Check one linear ring: >= 4 positions, closed, counterclockwise (shoelace area > 0, RFC 7946
 * sec. 3.1.6), longitudes in [-180, 180]. Returns the number of positions. */
static int check_ring(cJSON *ring)
{
    int n = cJSON_GetArraySize(ring);
    assert_true(n >= 4);
    cJSON *first = cJSON_GetArrayItem(ring, 0), *last = cJSON_GetArrayItem(ring, n - 1);
    assert_true(coord(first, 0) == coord(last, 0) && coord(first, 1) == coord(last, 1));
    double area2 = 0;
    for (int i = 0; i + 1 < n; i++) {
        cJSON *a = cJSON_GetArrayItem(ring, i), *b = cJSON_GetArrayItem(ring, i + 1);
        area2 += coord(a, 0) * coord(b, 1) - coord(b, 0) * coord(a, 1);
        assert_true(coord(a, 0) >= -180 && coord(a, 0) <= 180);
        assert_true(coord(a, 1) >= -90 && coord(a, 1) <= 90);
    }
    assert_true(area2 > 0);
    return n;
}

static void a_site_is_a_point_with_longitude_first(void **state)
{
    (void)state;
    bmd_scene scene;
    sphere_scene(&scene);
    /* Deveselu, Romania: 44.08 N, 24.35 E */
    int f;
    assert_int_equal(bmd_scene_add_site(&scene, "Deveselu", BMD_SITE_INTERCEPTOR, D2R(44.08),
                                        D2R(24.35), 0, &f, NULL), BMD_SUCCESS);
    assert_int_equal(bmd_scene_set_text(&scene, f, "system", "Aegis Ashore", NULL), BMD_SUCCESS);
    cJSON *root = parse(&scene);
    cJSON *site = feature(root, 0);
    assert_string_equal(geometry_type(site), "Point");
    /* exact to the 7 written decimals (5e-8 degree) */
    assert_float_equal(coord(coordinates(site), 0), 24.35, 5e-8);
    assert_float_equal(coord(coordinates(site), 1), 44.08, 5e-8);
    cJSON *props = cJSON_GetObjectItem(site, "properties");
    assert_string_equal(cJSON_GetObjectItem(props, "name")->valuestring, "Deveselu");
    assert_string_equal(cJSON_GetObjectItem(props, "kind")->valuestring, "interceptor");
    assert_string_equal(cJSON_GetObjectItem(props, "system")->valuestring, "Aegis Ashore");
    cJSON_Delete(root);
    bmd_scene_free(&scene);
}

static void a_trajectory_is_a_linestring_with_altitude_in_metres(void **state)
{
    (void)state;
    bmd_scene scene;
    sphere_scene(&scene);
    bmd_sample s[41];
    fixture_flight(s, 41, 54.0, 36.0, 60.0, 60.0, 500e3);
    bmd_trajectory traj = {s, 41, 41};
    assert_int_equal(bmd_scene_add_trajectory(&scene, "RS-24 from Kozelsk", "rs-24", &traj, NULL,
                                              NULL, NULL), BMD_SUCCESS);
    cJSON *root = parse(&scene);
    cJSON *t = feature(root, 0);
    assert_string_equal(geometry_type(t), "LineString");
    cJSON *c = coordinates(t);
    assert_int_equal(cJSON_GetArraySize(c), 41);
    for (int i = 0; i < 41; i++) {
        cJSON *p = cJSON_GetArrayItem(c, i);
        assert_int_equal(cJSON_GetArraySize(p), 3);
        /* written with 7 decimals in degrees and 1 in metres: half a unit of the last digit */
        assert_float_equal(coord(p, 0), bmd_rad_to_deg(s[i].lon_rad), 5e-8);
        assert_float_equal(coord(p, 1), bmd_rad_to_deg(s[i].lat_rad), 5e-8);
        assert_float_equal(coord(p, 2), s[i].altitude_m, 0.05);
    }
    cJSON *props = cJSON_GetObjectItem(t, "properties");
    /* apogee of the parabola 4 h f (1 - f) at f = 1/2 is h = 500 km exactly */
    assert_float_equal(cJSON_GetObjectItem(props, "apogee_km")->valuedouble, 500.0, 1e-9);
    /* range: great circle from (54 N, 36 E) to (60 N, 60 E) on the sphere, haversine form */
    double range_m = fixture_gc_distance_m(BMD_EARTH_MEAN_RADIUS_M, D2R(54), D2R(36), D2R(60),
                                           D2R(60));
    assert_float_equal(cJSON_GetObjectItem(props, "range_km")->valuedouble, range_m / 1e3, 1e-3);
    cJSON *phases = cJSON_GetObjectItem(props, "phases");
    assert_int_equal(cJSON_GetArraySize(phases), 3); /* boost, free flight, reentry */
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(phases, 0), "phase")->valuestring,
                        "boost");
    cJSON_Delete(root);
    bmd_scene_free(&scene);
}

static void a_trajectory_across_the_antimeridian_is_cut_into_a_multilinestring(void **state)
{
    (void)state;
    bmd_scene scene;
    sphere_scene(&scene);
    /* from 170 E to 170 W (= 190 E) along 50 N: crosses 180 once, at the midpoint in lon */
    bmd_sample s[21];
    fixture_flight(s, 21, 50.0, 170.0, 50.0, 190.0, 300e3);
    assert_int_equal(bmd_scene_add_track(&scene, "Pacific", NULL, BMD_TRACK_THREAT, s, 21, 1, NULL,
                                         NULL), BMD_SUCCESS);
    cJSON *root = parse(&scene);
    cJSON *t = feature(root, 0);
    assert_string_equal(geometry_type(t), "MultiLineString");
    cJSON *lines = coordinates(t);
    assert_int_equal(cJSON_GetArraySize(lines), 2);
    cJSON *a = cJSON_GetArrayItem(lines, 0), *b = cJSON_GetArrayItem(lines, 1);
    cJSON *a_end = cJSON_GetArrayItem(a, cJSON_GetArraySize(a) - 1), *b_start = cJSON_GetArrayItem(b, 0);
    /* the cut is on the meridian: +180 on the west part, -180 on the east part, same point */
    assert_float_equal(coord(a_end, 0), 180.0, 0);
    assert_float_equal(coord(b_start, 0), -180.0, 0);
    assert_float_equal(coord(a_end, 1), coord(b_start, 1), 0);
    /* sample 10 lies exactly on 180 degrees, so the line's altitude there is the apogee */
    assert_float_equal(coord(a_end, 2), 300e3, 0.05);
    for (int k = 0; k < 2; k++)
        for (int i = 0; i < cJSON_GetArraySize(cJSON_GetArrayItem(lines, k)); i++) {
            double lon = coord(cJSON_GetArrayItem(cJSON_GetArrayItem(lines, k), i), 0);
            assert_true(lon >= -180 && lon <= 180);
            assert_true(k == 0 ? lon >= 170 - 1e-7 : lon <= -170 + 1e-7);
        }
    cJSON_Delete(root);
    bmd_scene_free(&scene);
}

static void a_radar_circle_is_a_closed_counterclockwise_ring_at_the_range(void **state)
{
    (void)state;
    bmd_scene scene;
    sphere_scene(&scene);
    /* Kurecik, Turkey: 38.35 N, 37.79 E; 1000 km */
    assert_int_equal(bmd_scene_add_coverage(&scene, "TPY-2 Kurecik", D2R(38.35), D2R(37.79), 1000e3,
                                            NAN, NAN, NULL, NULL), BMD_SUCCESS);
    cJSON *root = parse(&scene);
    cJSON *c = feature(root, 0);
    assert_string_equal(geometry_type(c), "Polygon");
    cJSON *ring = cJSON_GetArrayItem(coordinates(c), 0);
    int n = check_ring(ring);
    assert_true(n >= 361);
    for (int i = 0; i < n; i++) {
        cJSON *p = cJSON_GetArrayItem(ring, i);
        double d = fixture_gc_distance_m(BMD_EARTH_MEAN_RADIUS_M, D2R(38.35), D2R(37.79),
                                         D2R(coord(p, 1)), D2R(coord(p, 0)));
        /* closed-form great-circle distance; 7 decimals of a degree are 1.1 cm on the ground */
        assert_float_equal(d, 1000e3, 0.05);
    }
    cJSON_Delete(root);
    bmd_scene_free(&scene);
}

static void a_radar_sector_starts_at_the_site_and_is_counterclockwise(void **state)
{
    (void)state;
    bmd_scene scene;
    sphere_scene(&scene);
    /* boresight 90 deg (east) +- 60 deg: the given order is clockwise and must be reversed */
    assert_int_equal(bmd_scene_add_coverage(&scene, "sector", D2R(38.35), D2R(37.79), 800e3,
                                            D2R(30), D2R(150), NULL, NULL), BMD_SUCCESS);
    cJSON *root = parse(&scene);
    cJSON *c = feature(root, 0);
    cJSON *ring = cJSON_GetArrayItem(coordinates(c), 0);
    int n = check_ring(ring), at_site = 0;
    for (int i = 0; i < n; i++) {
        cJSON *p = cJSON_GetArrayItem(ring, i);
        double d = fixture_gc_distance_m(BMD_EARTH_MEAN_RADIUS_M, D2R(38.35), D2R(37.79),
                                         D2R(coord(p, 1)), D2R(coord(p, 0)));
        if (d < 0.05)
            at_site++;
        else
            assert_float_equal(d, 800e3, 0.05); /* closed form, as above */
        assert_true(coord(p, 0) > 37.78); /* a sector facing east lies east of the site */
    }
    assert_int_equal(at_site, 2); /* the site opens and closes the ring */
    cJSON *props = cJSON_GetObjectItem(c, "properties");
    assert_float_equal(cJSON_GetObjectItem(props, "azimuth_min_deg")->valuedouble, 30.0, 1e-9);
    cJSON_Delete(root);
    bmd_scene_free(&scene);
}

static void a_circle_across_the_antimeridian_becomes_two_counterclockwise_polygons(void **state)
{
    (void)state;
    bmd_scene scene;
    sphere_scene(&scene);
    assert_int_equal(bmd_scene_add_coverage(&scene, "Aleutians", D2R(52.7), D2R(179.6), 500e3, NAN,
                                            NAN, NULL, NULL), BMD_SUCCESS);
    cJSON *root = parse(&scene);
    cJSON *c = feature(root, 0);
    assert_string_equal(geometry_type(c), "MultiPolygon");
    cJSON *polys = coordinates(c);
    assert_int_equal(cJSON_GetArraySize(polys), 2);
    int on_east = 0, on_west = 0;
    for (int k = 0; k < 2; k++) {
        cJSON *ring = cJSON_GetArrayItem(cJSON_GetArrayItem(polys, k), 0);
        int n = check_ring(ring);
        double lon0 = coord(cJSON_GetArrayItem(ring, 0), 0);
        for (int i = 0; i < n; i++) {
            double lon = coord(cJSON_GetArrayItem(ring, i), 0);
            assert_true(lon0 > 0 ? lon > 0 : lon < 0); /* each piece on one side */
            on_east += lon == 180.0;
            on_west += lon == -180.0;
        }
    }
    assert_true(on_east >= 2 && on_west >= 2); /* both pieces have an edge on the meridian */
    cJSON_Delete(root);
    bmd_scene_free(&scene);
}

static void a_circle_around_the_pole_is_closed_through_the_pole(void **state)
{
    (void)state;
    bmd_scene scene;
    sphere_scene(&scene);
    assert_int_equal(bmd_scene_add_coverage(&scene, "Thule-ish", D2R(88.0), D2R(-60), 600e3, NAN,
                                            NAN, NULL, NULL), BMD_SUCCESS);
    cJSON *root = parse(&scene);
    cJSON *c = feature(root, 0);
    int n_polys = strcmp(geometry_type(c), "Polygon") == 0 ? 1 : cJSON_GetArraySize(coordinates(c));
    int at_pole = 0;
    double lat_min = 90;
    for (int k = 0; k < n_polys; k++) {
        cJSON *ring = n_polys == 1 ? cJSON_GetArrayItem(coordinates(c), 0)
                                   : cJSON_GetArrayItem(cJSON_GetArrayItem(coordinates(c), k), 0);
        int n = check_ring(ring);
        for (int i = 0; i < n; i++) {
            at_pole += coord(cJSON_GetArrayItem(ring, i), 1) == 90.0;
            lat_min = fmin(lat_min, coord(cJSON_GetArrayItem(ring, i), 1));
        }
    }
    assert_true(at_pole >= 2);
    /* the lowest latitude of the cap: 88 deg minus the 600 km arc, 600/6371.0088 rad (closed
     * form), to the 1 degree step of the circle */
    assert_float_equal(lat_min, 88.0 - bmd_rad_to_deg(600e3 / BMD_EARTH_MEAN_RADIUS_M), 0.01);
    cJSON_Delete(root);
    bmd_scene_free(&scene);
}

static void a_clockwise_footprint_is_written_counterclockwise_and_closed(void **state)
{
    (void)state;
    bmd_scene scene;
    sphere_scene(&scene);
    double lat[] = {D2R(50), D2R(50), D2R(45), D2R(45)}; /* NW, NE, SE, SW: clockwise */
    double lon[] = {D2R(10), D2R(20), D2R(20), D2R(10)};
    assert_int_equal(bmd_scene_add_area(&scene, "footprint", BMD_AREA_FOOTPRINT, lat, lon, 4, NULL,
                                        NULL), BMD_SUCCESS);
    cJSON *root = parse(&scene);
    cJSON *a = feature(root, 0);
    assert_string_equal(geometry_type(a), "Polygon");
    assert_int_equal(check_ring(cJSON_GetArrayItem(coordinates(a), 0)), 5);
    cJSON_Delete(root);
    bmd_scene_free(&scene);
}

static void names_with_quotes_backslashes_and_newlines_survive_the_round_trip(void **state)
{
    (void)state;
    bmd_scene scene;
    sphere_scene(&scene);
    const char *name = "A \"quoted\" \\ name\nwith \t tab & <tag> \x01 and Kürecik";
    assert_int_equal(bmd_scene_add_site(&scene, name, BMD_SITE_RADAR, 0.5, 0.5, 0, NULL, NULL),
                     BMD_SUCCESS);
    assert_int_equal(bmd_scene_set_title(&scene, "title \"x\"", NULL), BMD_SUCCESS);
    cJSON *root = parse(&scene);
    cJSON *props = cJSON_GetObjectItem(feature(root, 0), "properties");
    assert_string_equal(cJSON_GetObjectItem(props, "name")->valuestring, name);
    assert_string_equal(cJSON_GetObjectItem(root, "name")->valuestring, "title \"x\"");
    cJSON_Delete(root);
    bmd_scene_free(&scene);
}

static void the_file_is_written_and_parses(void **state)
{
    (void)state;
    bmd_scene scene;
    sphere_scene(&scene);
    assert_int_equal(bmd_scene_add_site(&scene, "x", BMD_SITE_TARGET, 0.1, 0.2, 0, NULL, NULL), 0);
    char path[] = "/tmp/bmd-geojson-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    close(fd);
    bmd_error err;
    assert_int_equal(bmd_geojson_write(&scene, path, &err), BMD_SUCCESS);
    FILE *f = fopen(path, "r");
    char buf[4096];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = 0;
    fclose(f);
    cJSON *root = cJSON_Parse(buf);
    assert_non_null(root);
    assert_int_equal(cJSON_GetArraySize(cJSON_GetObjectItem(root, "features")), 1);
    cJSON_Delete(root);
    unlink(path);
    assert_int_equal(bmd_geojson_write(&scene, "/nonexistent-dir/x.geojson", &err), BMD_EIO);
    bmd_scene_free(&scene);
}

static void bad_input_is_rejected_with_einval(void **state)
{
    (void)state;
    bmd_scene scene;
    sphere_scene(&scene);
    bmd_error err;
    assert_int_equal(bmd_scene_add_site(&scene, "x", BMD_SITE_RADAR, NAN, 0, 0, NULL, &err),
                     BMD_EINVAL);
    assert_non_null(strstr(err.message, "latitude"));
    assert_int_equal(bmd_scene_add_site(&scene, "x", BMD_SITE_RADAR, 1.6, 0, 0, NULL, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_scene_add_site(&scene, "", BMD_SITE_RADAR, 0, 0, 0, NULL, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_scene_add_site(&scene, "x", (bmd_site_kind)9, 0, 0, 0, NULL, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_scene_add_coverage(&scene, "r", 0, 0, 0, NAN, NAN, NULL, &err),
                     BMD_EINVAL);
    assert_non_null(strstr(err.message, "range"));
    assert_int_equal(bmd_scene_add_coverage(&scene, "r", 0, 0, 3e7, NAN, NAN, NULL, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_scene_add_coverage(&scene, "r", 0, 0, 1e5, 1, 1, NULL, &err),
                     BMD_EINVAL);
    bmd_sample s[2];
    fixture_flight(s, 2, 0, 0, 1, 1, 1e3);
    assert_int_equal(bmd_scene_add_track(&scene, "t", NULL, BMD_TRACK_THREAT, s, 1, 0, NULL, &err),
                     BMD_EINVAL);
    s[1].altitude_m = NAN;
    assert_int_equal(bmd_scene_add_track(&scene, "t", NULL, BMD_TRACK_THREAT, s, 2, 0, NULL, &err),
                     BMD_EINVAL);
    double lat[2] = {0, 0.1}, lon[2] = {0, 0.1};
    assert_int_equal(bmd_scene_add_area(&scene, "a", BMD_AREA_OTHER, lat, lon, 2, NULL, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_scene_set_number(&scene, 0, "k", 1, &err), BMD_EINVAL); /* no feature */
    assert_int_equal(bmd_scene_add_site(&scene, "x", BMD_SITE_RADAR, 0, 0, 0, NULL, &err), 0);
    assert_int_equal(bmd_scene_set_number(&scene, 0, "k", INFINITY, &err), BMD_EINVAL);
    assert_int_equal(bmd_scene_set_number(&scene, 0, "", 1, &err), BMD_EINVAL);
    assert_int_equal(scene.n_features, 1);
    bmd_scene_free(&scene);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_site_is_a_point_with_longitude_first),
        cmocka_unit_test(a_trajectory_is_a_linestring_with_altitude_in_metres),
        cmocka_unit_test(a_trajectory_across_the_antimeridian_is_cut_into_a_multilinestring),
        cmocka_unit_test(a_radar_circle_is_a_closed_counterclockwise_ring_at_the_range),
        cmocka_unit_test(a_radar_sector_starts_at_the_site_and_is_counterclockwise),
        cmocka_unit_test(a_circle_across_the_antimeridian_becomes_two_counterclockwise_polygons),
        cmocka_unit_test(a_circle_around_the_pole_is_closed_through_the_pole),
        cmocka_unit_test(a_clockwise_footprint_is_written_counterclockwise_and_closed),
        cmocka_unit_test(names_with_quotes_backslashes_and_newlines_survive_the_round_trip),
        cmocka_unit_test(the_file_is_written_and_parses),
        cmocka_unit_test(bad_input_is_rejected_with_einval),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
