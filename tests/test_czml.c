/* Tests of bmd/czml.h: ISO 8601 times (against dates whose Unix time is known: POSIX "seconds
 * since the epoch" formula, IEEE Std 1003.1 sec. 4.16), the CZML of a small scene parsed back with
 * cJSON, and the gx:Track of bmd/kml.h with time_tracks. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cJSON.h>
#include <cmocka.h>

#include "bmd/czml.h"
#include "bmd/kml.h"
#include "bmd/units.h"

/* Known instants: POSIX formula tm_sec + tm_min*60 + tm_hour*3600 + tm_yday*86400 +
 * (tm_year-70)*31536000 + ((tm_year-69)/4)*86400 - ((tm_year-1)/100)*86400 +
 * ((tm_year+299)/400)*86400, evaluated by hand for each. */
static const struct { const char *text; double unix_s; } known[] = {
    {"1970-01-01T00:00:00Z", 0},
    {"1969-12-31T23:59:59Z", -1},
    {"2000-02-29T12:00:00Z", 951825600},   /* a leap day of a year divisible by 400 */
    {"2026-01-01T00:00:00Z", 1767225600},  /* the default epoch */
    {"2100-03-01T00:00:00Z", 4107542400},  /* 2100 is not a leap year */
    {"2024-02-29T23:59:59.250Z", 1709251199.25},
};

static void known_instants_format_and_parse_both_ways(void **state)
{
    (void)state;
    for (size_t i = 0; i < sizeof known / sizeof *known; i++) {
        char buf[40];
        bmd_error err = {0};
        double t = NAN;
        assert_int_equal(bmd_time_format_iso8601(known[i].unix_s, buf, sizeof buf, &err), 0);
        if (strcmp(buf, known[i].text) != 0)
            fail_msg("format %.3f: expected %s, got %s", known[i].unix_s, known[i].text, buf);
        assert_int_equal(bmd_time_parse_iso8601(known[i].text, &t, &err), 0);
        if (fabs(t - known[i].unix_s) > 1e-6)
            fail_msg("parse %s: expected %.3f, got %.3f", known[i].text, known[i].unix_s, t);
    }
}

static void offsets_and_bare_dates_are_converted_to_utc(void **state)
{
    (void)state;
    double t;
    bmd_error err = {0};
    assert_int_equal(bmd_time_parse_iso8601("2030-06-01T14:00:00+02:00", &t, &err), 0);
    double u;
    assert_int_equal(bmd_time_parse_iso8601("2030-06-01T12:00:00Z", &u, &err), 0);
    assert_true(fabs(t - u) < 1e-9);
    assert_int_equal(bmd_time_parse_iso8601("2030-06-01", &t, &err), 0);
    assert_true(fabs(u - t - 12 * 3600.0) < 1e-9);
}

static void malformed_times_are_refused_naming_the_text(void **state)
{
    (void)state;
    static const char *bad[] = {"", "2026-02-30", "2025-02-29", "2026-13-01", "2026-01-01T24:00:00Z",
                                "2026-01-01T00:00:00", "2026-01-01 00:00:00Z", "2026-01-01T00:00:00.Z",
                                "2026-01-01T00:00:00Zjunk", "yesterday"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        double t;
        bmd_error err = {0};
        if (bmd_time_parse_iso8601(bad[i], &t, &err) != BMD_EINVAL)
            fail_msg("'%s' was accepted", bad[i]);
        assert_non_null(strstr(err.message, bad[i]));
    }
    char buf[40];
    bmd_error err = {0};
    assert_int_equal(bmd_time_format_iso8601(NAN, buf, sizeof buf, &err), BMD_EINVAL);
    assert_int_equal(bmd_time_format_iso8601(0, buf, 8, &err), BMD_EINVAL);
}

/* A scene: a site and a 4-sample track with a repeated event sample at t = 10 s. */
static void small_scene(bmd_scene *sc)
{
    bmd_error err = {0};
    bmd_scene_init(sc, NULL);
    assert_int_equal(bmd_scene_add_site(sc, "radar \"x\"", BMD_SITE_RADAR, 0.7, 0.4, 0, NULL, &err), 0);
    bmd_sample s[4] = {{0}};
    const double t[4] = {0, 10, 10, 20};
    for (int i = 0; i < 4; i++) {
        s[i].t_s = t[i];
        s[i].lat_rad = 0.6 + 0.01 * i;
        s[i].lon_rad = 0.5;
        s[i].altitude_m = 1000.0 * i;
    }
    assert_int_equal(bmd_scene_add_track(sc, "threat", "m", BMD_TRACK_THREAT, s, 4, 1, NULL, &err), 0);
    assert_int_equal(bmd_scene_add_coverage(sc, "cov", 0.7, 0.4, 5e5, 0, BMD_PI / 2, NULL, &err), 0);
}

static void the_czml_has_a_document_and_time_sampled_positions(void **state)
{
    (void)state;
    bmd_scene sc;
    small_scene(&sc);
    bmd_czml_options opt;
    bmd_czml_options_init(&opt);
    opt.epoch_unix_s = 0;
    char *text = NULL;
    bmd_error err = {0};
    assert_int_equal(bmd_czml_string(&sc, &opt, &text, &err), 0);
    cJSON *root = cJSON_Parse(text);
    assert_non_null(root);
    assert_int_equal(cJSON_GetArraySize(root), 4); /* document + 3 features */
    cJSON *doc = cJSON_GetArrayItem(root, 0);
    assert_string_equal(cJSON_GetObjectItem(doc, "id")->valuestring, "document");
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetObjectItem(doc, "clock"), "interval")->valuestring,
                        "1970-01-01T00:00:00Z/1970-01-01T00:00:20Z");
    cJSON *track = cJSON_GetArrayItem(root, 2);
    cJSON *pos = cJSON_GetObjectItem(track, "position");
    cJSON *cd = cJSON_GetObjectItem(pos, "cartographicDegrees");
    /* the repeated sample at 10 s is written once: 3 samples of 4 numbers */
    assert_int_equal(cJSON_GetArraySize(cd), 12);
    assert_true(fabs(cJSON_GetArrayItem(cd, 8)->valuedouble - 20) < 1e-9);
    assert_true(fabs(cJSON_GetArrayItem(cd, 10)->valuedouble - bmd_rad_to_deg(0.63)) < 1e-6);
    /* sector 0..90 deg azimuth (north to east) = clock 0..90 deg (east to north) */
    cJSON *el = cJSON_GetObjectItem(cJSON_GetArrayItem(root, 3), "ellipsoid");
    assert_true(fabs(cJSON_GetObjectItem(el, "minimumClock")->valuedouble) < 1e-9);
    assert_true(fabs(cJSON_GetObjectItem(el, "maximumClock")->valuedouble - BMD_PI / 2) < 1e-8);
    /* the site's name survives JSON escaping */
    assert_string_equal(cJSON_GetObjectItem(cJSON_GetArrayItem(root, 1), "name")->valuestring, "radar \"x\"");
    cJSON_Delete(root);
    free(text);
    opt.clock_multiplier = 0;
    assert_int_equal(bmd_czml_string(&sc, &opt, &text, &err), BMD_EINVAL);
    assert_null(text);
    bmd_scene_free(&sc);
}

/* A track's availability ends at its last sample as written: with the default epoch
 * (2026-01-01) a last sample at 401.2004999 s used to be written 401.200 while the availability
 * said 401.201, and CesiumJS found no position at the stop (cli_czml_cesium). */
static void the_availability_ends_at_the_last_sample_as_written(void **state)
{
    (void)state;
    bmd_scene sc;
    bmd_error err = {0};
    bmd_scene_init(&sc, NULL);
    const double t[3] = {290.4192, 350.0, 401.2004999};
    bmd_sample s[3] = {{0}};
    for (int i = 0; i < 3; i++) {
        s[i].t_s = t[i];
        s[i].lat_rad = 0.6 + 0.01 * i;
        s[i].lon_rad = 0.7;
        s[i].altitude_m = 1e5;
    }
    assert_int_equal(bmd_scene_add_track(&sc, "kv", "thaad", BMD_TRACK_INTERCEPTOR, s, 3, 1, NULL,
                                         &err), 0);
    bmd_czml_options opt;
    bmd_czml_options_init(&opt);
    char *text = NULL;
    assert_int_equal(bmd_czml_string(&sc, &opt, &text, &err), 0);
    cJSON *root = cJSON_Parse(text);
    assert_non_null(root);
    cJSON *track = cJSON_GetArrayItem(root, 1);
    const char *av = cJSON_GetObjectItem(track, "availability")->valuestring;
    cJSON *cd = cJSON_GetObjectItem(cJSON_GetObjectItem(track, "position"), "cartographicDegrees");
    double first = cJSON_GetArrayItem(cd, 0)->valuedouble;
    double last = cJSON_GetArrayItem(cd, cJSON_GetArraySize(cd) - 4)->valuedouble;
    char a[40], b[40], want[90];
    assert_int_equal(bmd_time_format_iso8601(opt.epoch_unix_s + first, a, sizeof a, &err), 0);
    assert_int_equal(bmd_time_format_iso8601(opt.epoch_unix_s + last, b, sizeof b, &err), 0);
    snprintf(want, sizeof want, "%s/%s", a, b);
    if (strcmp(av, want) != 0)
        fail_msg("availability %s; the samples run %s (first %.3f s, last %.3f s)", av, want,
                 first, last);
    cJSON_Delete(root);
    free(text);
    bmd_scene_free(&sc);
}

static void the_kml_time_track_has_one_when_per_coord(void **state)
{
    (void)state;
    bmd_scene sc;
    small_scene(&sc);
    bmd_kml_options opt;
    bmd_kml_options_init(&opt);
    char *text = NULL;
    bmd_error err = {0};
    assert_int_equal(bmd_kml_string(&sc, &opt, &text, &err), 0);
    assert_null(strstr(text, "gx:Track")); /* off by default */
    free(text);
    opt.time_tracks = 1;
    assert_int_equal(bmd_kml_string(&sc, &opt, &text, &err), 0);
    int whens = 0, coords = 0;
    for (const char *p = text; (p = strstr(p, "<when>")); p++)
        whens++;
    for (const char *p = text; (p = strstr(p, "<gx:coord>")); p++)
        coords++;
    assert_int_equal(whens, 3);
    assert_int_equal(coords, 3);
    assert_non_null(strstr(text, "<when>2026-01-01T00:00:10Z</when><when>2026-01-01T00:00:20Z</when>"));
    assert_non_null(strstr(text, "xmlns:gx=\"http://www.google.com/kml/ext/2.2\""));
    free(text);
    bmd_scene_free(&sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(known_instants_format_and_parse_both_ways),
        cmocka_unit_test(offsets_and_bare_dates_are_converted_to_utc),
        cmocka_unit_test(malformed_times_are_refused_naming_the_text),
        cmocka_unit_test(the_czml_has_a_document_and_time_sampled_positions),
        cmocka_unit_test(the_availability_ends_at_the_last_sample_as_written),
        cmocka_unit_test(the_kml_time_track_has_one_when_per_coord),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
