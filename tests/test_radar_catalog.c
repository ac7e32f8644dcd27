/* Tests of the radar catalogue (src/data/radar_catalog.c): the shipped radars load with provenance,
 * published figures come out as published, the low/high convention is enforced, bad files are
 * refused at their file, line and column, names are found and typos answered. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bmd/radar_catalog.h"
#include "test_support.h"

/* $BMD_DATA_DIR/catalog/radars. */
static const char *radar_dir(void)
{
    return test_catalog_dir("radars");
}

static bmd_catalog_radar entry; /* large: static, not on the stack */

static void every_shipped_radar_loads_with_sourced_or_noted_values(void **state)
{
    (void)state;
    char names[16][BMD_NAME_MAX];
    int n;
    bmd_error err;
    assert_int_equal(bmd_catalog_list_radars(radar_dir(), names, 16, &n, &err), BMD_SUCCESS);
    assert_true(n >= 4);
    for (int i = 0; i < n; i++) {
        char path[PATH_MAX];
        int w = snprintf(path, sizeof path, "%s/%s.yaml", radar_dir(), names[i]);
        assert_true(w > 0 && (size_t)w < sizeof path);
        if (bmd_catalog_load_radar(path, &entry, &err) != BMD_SUCCESS)
            print_error("%s\n", err.message);
        assert_int_equal(bmd_catalog_load_radar(path, &entry, &err), BMD_SUCCESS);
        assert_string_equal(entry.name, names[i]);
        assert_int_equal(bmd_radar_validate(&entry.radar, NULL), BMD_SUCCESS);
        assert_true(entry.n_params >= 7);
        for (int k = 0; k < entry.n_params; k++) {
            const bmd_param_provenance *p = &entry.params[k];
            assert_true(p->source[0] || (p->notional && p->note[0]));
            if (p->has_range)
                assert_true(p->low <= p->value && p->value <= p->high);
        }
        /* The detection range is uncertain for every shipped radar: a range is given. */
        const bmd_param_provenance *d = bmd_catalog_radar_param(&entry, "detection_range_m");
        assert_non_null(d);
        assert_int_equal(d->has_range, 1);
    }
}

static void published_radar_figures_come_out_as_published(void **state)
{
    (void)state;
    bmd_error err;
    assert_int_equal(bmd_catalog_find_radar(radar_dir(), "AN-TPY-2-FBM", &entry, &err), 0);
    const bmd_param_provenance *d = bmd_catalog_radar_param(&entry, "detection_range_m");
    /* NAS 2012 Fig. 5-8, read by Lewis & Postol (2012): about 1,500 km (exact as transcribed). */
    assert_double_equal(d->high, 1.5e6, 0);
    assert_string_equal(d->source, "nas2012");
    assert_double_equal(entry.radar.ref_detection_range_m, 1.0e6, 0);
    /* Degrees in the file, radians in the radar: 60 deg = pi/3 (1e-15). */
    assert_double_equal(entry.radar.azimuth_half_width_rad, M_PI / 3, 1e-15);
    assert_int_equal(entry.radar.full_circle, 0);
    /* Fylingdales: 3,000 statute miles (Yorkshire CND) = 4,828,032 m exactly; full circle. */
    assert_int_equal(bmd_catalog_find_radar(radar_dir(), "uewr-fylingdales", &entry, &err), 0);
    assert_double_equal(entry.radar.ref_detection_range_m, 3000 * 1609.344, 1e-6);
    assert_int_equal(entry.radar.full_circle, 1);
    /* Cross-sections not in the file default to the reference one. */
    assert_double_equal(entry.radar.rcs_m2[BMD_OBJECT_RV], entry.radar.ref_rcs_m2, 0);
}

/* A scratch file for the bad-file tests. */
static char scratch_dir[64], scratch_path[128];

static int make_scratch(void **state)
{
    (void)state;
    snprintf(scratch_dir, sizeof scratch_dir, "/tmp/bmd_radar_XXXXXX");
    if (!mkdtemp(scratch_dir))
        return -1;
    snprintf(scratch_path, sizeof scratch_path, "%s/bad.yaml", scratch_dir);
    return 0;
}

static int remove_scratch(void **state)
{
    (void)state;
    unlink(scratch_path);
    rmdir(scratch_dir);
    return 0;
}

/* A small valid radar; the bad-file tests replace one piece. Line numbers matter. */
static const char valid[] =
    "kind: radar\n"                                                                /* 1 */
    "name: test-radar\n"                                                           /* 2 */
    "full_name: Test\n"                                                            /* 3 */
    "band: X\n"                                                                    /* 4 */
    "sources:\n"                                                                   /* 5 */
    "  a: \"A. Author, A Title (2000), p. 1\"\n"                                   /* 6 */
    "parameters:\n"                                                                /* 7 */
    "  azimuth_half_width_deg: {value: 60, source: a}\n"                           /* 8 */
    "  fov_elevation_min_deg: {value: 0, source: a}\n"                             /* 9 */
    "  fov_elevation_max_deg: {value: 80, source: a}\n"                            /* 10 */
    "  min_elevation_deg: {value: 2, source: a}\n"                                 /* 11 */
    "  max_range_m: {value: 3000000, source: a}\n"                                 /* 12 */
    "  detection_range_m: {value: 1000000, low: 600000, high: 1500000, source: a}\n" /* 13 */
    "  reference_rcs_m2: {value: 0.01, notional: true, note: guessed}\n";          /* 14 */

/* Write valid with from replaced by to, load it, expect status and a message containing want. */
static void expect(const char *from, const char *to, int status, const char *want)
{
    char text[2048];
    const char *at = strstr(valid, from);
    assert_non_null(at);
    snprintf(text, sizeof text, "%.*s%s%s", (int)(at - valid), valid, to, at + strlen(from));
    FILE *f = fopen(scratch_path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    bmd_error err;
    int st = bmd_catalog_load_radar(scratch_path, &entry, &err);
    if (st != status || !strstr(err.message, want))
        print_error("got %d '%s', wanted %d '%s'\n", st, err.message, status, want);
    assert_int_equal(st, status);
    assert_non_null(strstr(err.message, want));
}

static void a_valid_radar_file_loads(void **state)
{
    (void)state;
    expect("band: X", "band: X", BMD_SUCCESS, "");
    const bmd_param_provenance *d = bmd_catalog_radar_param(&entry, "detection_range_m");
    assert_non_null(d);
    assert_int_equal(d->line, 13);
    assert_double_equal(d->low, 6e5, 0);
}

static void bad_radar_files_are_refused_at_their_position(void **state)
{
    (void)state;
    expect("max_range_m: {value: 3000000", "max_range_m: {value: -3000000", BMD_EINVAL,
           "bad.yaml:12:24: field 'parameters.max_range_m': value '-3000000' must be positive");
    expect("low: 600000", "low: 1200000", BMD_EINVAL,
           ":13:44: field 'parameters.detection_range_m': range [1200000, 1500000] must contain");
    expect("low: 600000, ", "", BMD_EINVAL, ":13:45: field 'parameters.detection_range_m': give "
           "both 'low' and 'high'");
    expect("fov_elevation_max_deg: {value: 80", "fov_elevation_max_deg: {value: -10", BMD_EINVAL,
           "inverted");
    expect("min_elevation_deg", "min_elevation_dg", BMD_EINVAL, ":11:3: field "
           "'parameters.min_elevation_dg' is not known (did you mean 'min_elevation_deg'?)");
    expect("  min_elevation_deg: {value: 2, source: a}\n", "", BMD_EINVAL,
           "'parameters.min_elevation_deg' is missing (required)");
    expect("source: a}\n  fov_elevation_min", "source: b}\n  fov_elevation_min", BMD_EINVAL,
           ":8:47: field 'parameters.azimuth_half_width_deg': source 'b' is not a key");
    expect("notional: true, note: guessed", "notional: true", BMD_EINVAL, "has no 'note'");
    expect("kind: radar", "kind: missile", BMD_EINVAL, ":1:7: field 'kind': value 'missile' "
           "must be 'radar'");
    expect("azimuth_half_width_deg: {value: 60", "azimuth_half_width_deg: {value: 200",
           BMD_EINVAL, "must be in [0, 180]");
    expect("{value: 80,", "{value: 80,,", BMD_EPARSE, "bad.yaml:10:");
    bmd_error err;
    assert_int_equal(bmd_catalog_load_radar("/nonexistent/x.yaml", &entry, &err), BMD_EIO);
}

static void radar_names_are_found_and_typos_answered(void **state)
{
    (void)state;
    bmd_error err;
    assert_int_equal(bmd_catalog_find_radar(radar_dir(), "spy1d", &entry, &err), BMD_ENOTFOUND);
    assert_non_null(strstr(err.message, "did you mean spy-1d"));
    assert_int_equal(bmd_catalog_find_radar("/nonexistent", "spy-1d", &entry, &err), BMD_EIO);
    char path[PATH_MAX];
    int w = snprintf(path, sizeof path, "%s/spy-1d.yaml", radar_dir());
    assert_true(w > 0 && (size_t)w < sizeof path);
    assert_int_equal(bmd_catalog_find_radar(radar_dir(), path, &entry, &err), BMD_SUCCESS);
    assert_string_equal(entry.band, "S");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_shipped_radar_loads_with_sourced_or_noted_values),
        cmocka_unit_test(published_radar_figures_come_out_as_published),
        cmocka_unit_test(a_valid_radar_file_loads),
        cmocka_unit_test(bad_radar_files_are_refused_at_their_position),
        cmocka_unit_test(radar_names_are_found_and_typos_answered),
    };
    return cmocka_run_group_tests(tests, make_scratch, remove_scratch);
}
