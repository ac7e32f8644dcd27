/* Tests of the interceptor catalogue (src/data/interceptor_catalog.c, data/catalog/interceptors):
 * every shipped file loads, every value is sourced or notional with a note, ranges are ordered,
 * the published numbers are what the cited sources say, bad files give FILE:LINE:COL errors, and
 * unknown names get suggestions. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bmd/interceptor_catalog.h"
#include "test_support.h"

/* The shipped directory: $BMD_DATA_DIR/catalog/interceptors. */
static const char *dir(void)
{
    return test_catalog_dir("interceptors");
}

static const char *const shipped[] = {"sm-3-block-ia", "sm-3-block-ib", "sm-3-block-iia",
                                      "sm-3-block-iib", "gbi", "thaad", "gbi-two-stage"};
#define N_SHIPPED 7

/* Load one catalogue entry by name or fail with the message. */
static void load(const char *name, bmd_catalog_interceptor *e)
{
    bmd_error err;
    int st = bmd_catalog_find_interceptor(dir(), name, e, &err);
    if (st)
        print_error("%s\n", err.message);
    assert_int_equal(st, BMD_SUCCESS);
}

static void every_shipped_interceptor_loads_with_provenance_for_each_value(void **state)
{
    (void)state;
    char names[16][BMD_NAME_MAX];
    int n;
    assert_int_equal(bmd_catalog_list_interceptors(dir(), names, 16, &n, NULL), BMD_SUCCESS);
    assert_int_equal(n, N_SHIPPED);
    static bmd_catalog_interceptor e;
    for (int k = 0; k < N_SHIPPED; k++) {
        load(shipped[k], &e);
        assert_string_equal(e.interceptor.name, shipped[k]);
        assert_int_equal(bmd_interceptor_validate(&e.interceptor, NULL), BMD_SUCCESS);
        assert_true(e.n_params >= 5);
        for (int i = 0; i < e.n_params; i++) {
            const bmd_interceptor_param *p = &e.params[i];
            /* Sourced, or notional with a note saying how. */
            assert_true(p->prov.source[0] || (p->prov.notional && p->prov.note[0]));
            assert_true(p->prov.line > 0);
            if (!isnan(p->low))
                assert_true(p->low <= p->prov.value);
            if (!isnan(p->high))
                assert_true(p->high >= p->prov.value);
        }
        /* The values reach the interceptor struct. */
        const bmd_interceptor_param *v = bmd_catalog_interceptor_param(&e, "burnout_speed_m_s");
        assert_non_null(v);
        assert_true(v->prov.value == e.interceptor.burnout_speed_m_s);
    }
}

static void published_numbers_are_those_of_the_cited_sources(void **state)
{
    (void)state;
    static bmd_catalog_interceptor e;
    /* Sankaran (Arms Control Today, 2013): SM-3 IIB planned velocity 5.5 km/s. */
    load("sm-3-block-iib", &e);
    const bmd_interceptor_param *p = bmd_catalog_interceptor_param(&e, "burnout_speed_m_s");
    assert_true(p->prov.value == 5500.0);
    assert_string_equal(p->prov.source, "sankaran2013");
    assert_false(p->prov.notional);
    /* Asia Business Daily (2020): SM-3 IIA maximum intercept altitude 1,000 km. */
    load("sm-3-block-iia", &e);
    p = bmd_catalog_interceptor_param(&e, "max_altitude_m");
    assert_true(p->prov.value == 1.0e6);
    assert_string_equal(p->prov.source, "asiae2020");
    /* The IIA's spread runs up to the IIB's planned 5.5 km/s. */
    p = bmd_catalog_interceptor_param(&e, "burnout_speed_m_s");
    assert_true(p->prov.notional && p->low == 4500.0 && p->high == 5500.0);
    /* THAAD: 10,000 km/h is 2,778 m/s (within the rounding to 2,780 m/s); ceiling 150 km. */
    load("thaad", &e);
    assert_true(fabs(e.interceptor.burnout_speed_m_s - 1.0e7 / 3600.0) < 5.0);
    assert_true(e.interceptor.max_altitude_m == 150e3);
    /* GBI: the range spans MDA's 6.3 km/s and the ~9 km/s claim. */
    load("gbi", &e);
    p = bmd_catalog_interceptor_param(&e, "burnout_speed_m_s");
    assert_true(p->low == 6300.0 && p->high == 9000.0);
}

static void unknown_names_get_close_suggestions(void **state)
{
    (void)state;
    static bmd_catalog_interceptor e;
    bmd_error err;
    assert_int_equal(bmd_catalog_find_interceptor(dir(), "sm3-block-iia", &e, &err),
                     BMD_ENOTFOUND);
    assert_non_null(strstr(err.message, "unknown interceptor 'sm3-block-iia'"));
    assert_non_null(strstr(err.message, "did you mean sm-3-block-iia"));
    assert_int_equal(bmd_catalog_find_interceptor(dir(), "THAAD", &e, &err), BMD_SUCCESS);
    assert_int_equal(bmd_catalog_find_interceptor(dir(), "", &e, &err), BMD_EINVAL);
}

/* Write text to a temporary file; returns its path (static buffer). */
static const char *temp_file(const char *text)
{
    static char path[64];
    snprintf(path, sizeof path, "/tmp/bmd_ic_test_%d.yaml", (int)getpid());
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

#define GOOD_HEAD                                                                                \
    "kind: interceptor\nname: t\nfull_name: T\nsources:\n  s: \"A, B, 2000\"\n"
#define GOOD_TAIL                                                                                \
    "burn_time_s: {value: 50, source: s}\n"                                                      \
    "min_altitude_m: {value: 100000, source: s}\n"                                               \
    "max_altitude_m: {value: 500000, source: s}\n"                                               \
    "max_flyout_time_s: {value: 600, notional: true, note: n}\n"

/* Load text as a file and check the status and that the message holds want. */
static void expect_error(const char *text, int status, const char *want)
{
    static bmd_catalog_interceptor e;
    bmd_error err;
    const char *path = temp_file(text);
    int st = bmd_catalog_load_interceptor(path, &e, &err);
    if (st != status || !strstr(err.message, want))
        print_error("status %d, message: %s\n(wanted %d and '%s')\n", st, err.message, status,
                    want);
    assert_int_equal(st, status);
    assert_non_null(strstr(err.message, want));
    assert_non_null(strstr(err.message, path)); /* FILE:LINE:COL: */
    unlink(path);
}

static void bad_files_are_refused_with_file_line_and_column(void **state)
{
    (void)state;
    static bmd_catalog_interceptor e;
    const char *path = temp_file(GOOD_HEAD "burnout_speed_m_s: {value: 3000, low: 2500, high: "
                                           "3500, source: s}\n" GOOD_TAIL);
    assert_int_equal(bmd_catalog_load_interceptor(path, &e, NULL), BMD_SUCCESS);
    assert_true(e.interceptor.burnout_speed_m_s == 3000.0);
    unlink(path);
    expect_error(GOOD_HEAD "burnout_speed_m_s: 3000\n" GOOD_TAIL, BMD_EINVAL,
                 ":6:20: field 'burnout_speed_m_s': bare value '3000' has no provenance");
    expect_error(GOOD_HEAD "burnout_sped_m_s: {value: 3000, source: s}\n" GOOD_TAIL, BMD_EINVAL,
                 "did you mean 'burnout_speed_m_s'?");
    expect_error(GOOD_HEAD "burnout_speed_m_s: {value: 3000, low: 3100, source: s}\n" GOOD_TAIL,
                 BMD_EINVAL, "low 3100 is above the value 3000");
    expect_error(GOOD_HEAD "burnout_speed_m_s: {value: 3000, high: 2900, source: s}\n" GOOD_TAIL,
                 BMD_EINVAL, "high 2900 is below the value 3000");
    expect_error(GOOD_HEAD "burnout_speed_m_s: {value: -5, source: s}\n" GOOD_TAIL, BMD_EINVAL,
                 "value '-5' must be positive");
    expect_error(GOOD_HEAD "burnout_speed_m_s: {value: 3000, source: nobody}\n" GOOD_TAIL,
                 BMD_EINVAL, "source 'nobody' is not a key of 'sources'");
    expect_error(GOOD_HEAD "burnout_speed_m_s: {value: 3000, notional: true}\n" GOOD_TAIL,
                 BMD_EINVAL, "is notional but has no 'note'");
    expect_error(GOOD_HEAD GOOD_TAIL, BMD_EINVAL, "field 'burnout_speed_m_s' is missing");
    expect_error("kind: missile\nname: t\nfull_name: T\nsources: {s: x}\n", BMD_EINVAL,
                 "must be 'interceptor'");
    expect_error(GOOD_HEAD "burnout_speed_m_s: {value: 3000, source: s\n", BMD_EPARSE,
                 "YAML syntax error");
    /* A file that loads field by field but fails the interceptor's own checks. */
    expect_error(GOOD_HEAD "burnout_speed_m_s: {value: 3000, source: s}\n"
                           "burn_time_s: {value: 50, source: s}\n"
                           "min_altitude_m: {value: 600000, source: s}\n"
                           "max_altitude_m: {value: 500000, source: s}\n"
                           "max_flyout_time_s: {value: 600, source: s}\n",
                 BMD_EINVAL, "max_altitude_m 500000 must exceed min_altitude_m 600000");
    assert_int_equal(bmd_catalog_load_interceptor("/nonexistent/x.yaml", &e, NULL), BMD_EIO);
}

static void every_shipped_interceptor_builds_a_flyout_table(void **state)
{
    (void)state;
    static bmd_catalog_interceptor e;
    bmd_earth earth;
    bmd_earth_init_wgs84(&earth);
    bmd_flyout_options o;
    bmd_flyout_options_init(&o);
    o.n_range = 41;
    o.n_altitude = 41;
    o.n_elevations = 46;
    double prev_reach = 0.0;
    for (int k = 0; k < N_SHIPPED; k++) {
        load(shipped[k], &e);
        bmd_flyout tb;
        bmd_error err;
        int st = bmd_flyout_build(&tb, &earth, &e.interceptor, &o, &err);
        if (st)
            print_error("%s: %s\n", shipped[k], err.message);
        assert_int_equal(st, BMD_SUCCESS);
        assert_true(tb.range_max_m > 50e3);
        /* The SM-3 blocks in order of speed reach at least as far (IA, IB same speed). */
        if (k < 4)
            assert_true(tb.range_max_m >= prev_reach - 1.0);
        prev_reach = tb.range_max_m;
        bmd_flyout_free(&tb);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_shipped_interceptor_loads_with_provenance_for_each_value),
        cmocka_unit_test(published_numbers_are_those_of_the_cited_sources),
        cmocka_unit_test(unknown_names_get_close_suggestions),
        cmocka_unit_test(bad_files_are_refused_with_file_line_and_column),
        cmocka_unit_test(every_shipped_interceptor_builds_a_flyout_table),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
