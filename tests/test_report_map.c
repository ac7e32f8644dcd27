/* Tests of the report's interactive map (bmd_report_set_leaflet, src/report/report_map.c) and of
 * the world's polyline accessor (bmd_world_line): without Leaflet the page says why and has no
 * script; with it, Leaflet's text is inlined with its url() images dropped, no "</" that could end
 * a script early, our data and glue; the world's lines add up to bmd_world_counts; bad input is
 * rejected. The map in a browser: tests/cli_report_map.sh. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/report.h"

static const char *data_dir(void)
{
    const char *env = getenv("BMD_DATA_DIR");
    return env && *env ? env : BMD_TEST_DATA_DIR;
}

typedef struct fixture {
    bmd_scenario scn;
    bmd_analysis an;
    bmd_world *world;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    char path[1024], cat[1024];
    snprintf(path, sizeof path, "%s/../scenarios/iran-europe-small.yaml", data_dir());
    snprintf(cat, sizeof cat, "%s/catalog", data_dir());
    bmd_error err = {0};
    bmd_scenario_init(&f->scn);
    if (bmd_scenario_open(path, cat, &f->scn, &err))
        fail_msg("%s", err.message);
    bmd_analysis_options opt;
    bmd_analysis_options_init(&opt);
    opt.required_speed = 0;
    if (bmd_analysis_run(&f->scn, &opt, &f->an, &err))
        fail_msg("%s", err.message);
    if (bmd_world_load_dir(data_dir(), &f->world, &err))
        fail_msg("%s", err.message);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    bmd_analysis_free(&f->an);
    bmd_scenario_free(&f->scn);
    bmd_world_free(f->world);
    free(f);
    return 0;
}

/* The HTML with js and css given (NULL: not given) and why. */
static char *html_with(fixture *f, const char *js, const char *css, const char *why)
{
    bmd_report_options opt = {"bmdsim test", f->world, "bmdsim test", NULL, NULL};
    bmd_report *r = NULL;
    bmd_error err = {0};
    assert_int_equal(bmd_report_begin(&r, &f->an, NULL, &opt, &err), BMD_SUCCESS);
    if (js || why)
        assert_int_equal(bmd_report_set_leaflet(r, js, css, why, &err), BMD_SUCCESS);
    char *html = NULL;
    if (bmd_report_html(r, &html, &err))
        fail_msg("%s", err.message);
    bmd_report_free(r);
    return html;
}

static void without_leaflet_the_page_says_why_and_has_no_script(void **state)
{
    char *html = html_with(*state, NULL, NULL, "Leaflet was not installed");
    const char *p = strstr(html, "id=\"no-interactive-map\"");
    assert_non_null(p);
    assert_non_null(strstr(p, "Leaflet was not installed"));
    assert_null(strstr(html, "<script"));
    free(html);
    html = html_with(*state, NULL, NULL, NULL);   /* never told: still says why */
    assert_non_null(strstr(html, "Leaflet was not given to the report writer"));
    free(html);
}

static void leaflet_is_inlined_without_urls_or_an_early_end_of_script(void **state)
{
    const char *js = "/* fake */ var L = {version: '1.9.4'}; var s = '</script><b>';\n"
                     "//# sourceMappingURL=leaflet.js.map\n";
    const char *css = ".a{background-image:url(images/layers.png)}.b{background:url(\"data:image/"
                      "png;base64,AA\")}.c{color:red}";
    char *html = html_with(*state, js, css, NULL);
    assert_null(strstr(html, "no-interactive-map"));
    assert_non_null(strstr(html, "var L = {version: '1.9.4'}; var s = '<\\/script><b>';"));
    assert_null(strstr(html, "sourceMappingURL"));
    assert_null(strstr(html, "url(images/"));
    assert_non_null(strstr(html, ".a{background-image:none}"));
    assert_non_null(strstr(html, "url(\"data:image/png;base64,AA\")"));
    /* our data (land, borders, the scenario's GeoJSON) and the glue */
    const char *data = strstr(html, "<script type=\"application/json\" id=\"bmd-map-data\">");
    assert_non_null(data);
    const char *end = strstr(data, "</script>");
    assert_non_null(end);
    char *json = strndup(data, (size_t)(end - data));
    assert_non_null(strstr(json, "\"land\":{\"type\":\"MultiPolygon\""));
    assert_non_null(strstr(json, "\"borders\":{\"type\":\"MultiLineString\""));
    assert_non_null(strstr(json, "\"scenario\":{\"type\":\"FeatureCollection\""));
    assert_non_null(strstr(json, "\"footprints\":[]"));   /* none added */
    free(json);
    assert_non_null(strstr(html, "window.bmdMap"));
    free(html);
}

static void the_world_lines_add_up_to_its_counts(void **state)
{
    fixture *f = *state;
    int land = 0, borders = 0, n = bmd_world_n_lines(f->world), l = 0, h = 0, b = 0;
    bmd_world_counts(f->world, &land, &borders);
    assert_true(n > 100);
    for (int i = 0; i < n; i++) {
        char kind = 0;
        int np = 0;
        const double *lat = NULL, *lon = NULL;
        assert_int_equal(bmd_world_line(f->world, i, &kind, &np, &lat, &lon, NULL), BMD_SUCCESS);
        assert_true(np >= 1 && lat && lon);
        l += kind == 'L';
        h += kind == 'H';
        b += kind == 'B';
    }
    /* bmd_world_counts counts holes with the land rings */
    if (l + h != land || b != borders)
        fail_msg("expected %d land rings and holes and %d borders, got %d + %d and %d", land,
                 borders, l, h, b);
    assert_int_equal(bmd_world_n_lines(NULL), 0);
}

static void bad_input_is_rejected(void **state)
{
    fixture *f = *state;
    bmd_error err = {0};
    char kind;
    int np;
    const double *lat, *lon;
    assert_int_equal(bmd_world_line(f->world, bmd_world_n_lines(f->world), &kind, &np, &lat, &lon,
                                    &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "outside"));
    assert_int_equal(bmd_world_line(f->world, -1, &kind, &np, &lat, &lon, &err), BMD_EINVAL);
    assert_int_equal(bmd_world_line(NULL, 0, &kind, &np, &lat, &lon, &err), BMD_EINVAL);
    assert_int_equal(bmd_report_set_leaflet(NULL, "x", "y", NULL, &err), BMD_EINVAL);
    bmd_report_options opt = {"c", f->world, "g", NULL, NULL};
    bmd_report *r = NULL;
    assert_int_equal(bmd_report_begin(&r, &f->an, NULL, &opt, &err), BMD_SUCCESS);
    assert_int_equal(bmd_report_set_leaflet(r, "x", NULL, NULL, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "both"));
    bmd_report_free(r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(without_leaflet_the_page_says_why_and_has_no_script),
        cmocka_unit_test(leaflet_is_inlined_without_urls_or_an_early_end_of_script),
        cmocka_unit_test(the_world_lines_add_up_to_its_counts),
        cmocka_unit_test(bad_input_is_rejected),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
