/* Tests of bmd/plot.h: the altitude plot and the timeline are well formed SVG (libxml2) with the
 * curves, window, legend and bars; the range profile against the great-circle closed form; bad
 * input rejected. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/plot.h"
#include "export_fixtures.h"
#include "svg_fixtures.h"

static void the_altitude_plot_has_curves_window_markers_and_legend(void **state)
{
    (void)state;
    double r1[50], a1[50], r2[20], a2[20];
    for (int i = 0; i < 50; i++) { /* a parabola to 2000 km, apogee 600 km */
        double f = i / 49.0;
        r1[i] = 2000e3 * f;
        a1[i] = 4 * 600e3 * f * (1 - f);
    }
    for (int i = 0; i < 20; i++) {
        double f = i / 19.0;
        r2[i] = 1800e3 - 500e3 * f;
        a2[i] = 300e3 * sqrt(f);
    }
    bmd_plot_curve curves[] = {{"Shahab-3 <MRBM>", BMD_TRACK_THREAT, r1, a1, 50},
                               {"SM-3 Block IB", BMD_TRACK_INTERCEPTOR, r2, a2, 20}};
    bmd_plot_marker marker = {"intercept", 1300e3, 300e3};
    bmd_altitude_plot p;
    bmd_altitude_plot_init(&p);
    p.title = "Threat & interceptor";
    p.curves = curves;
    p.n_curves = 2;
    p.markers = &marker;
    p.n_markers = 1;
    p.window_range_min_m = 1200e3;
    p.window_range_max_m = 1500e3;
    char *svg = NULL;
    bmd_error err;
    assert_int_equal(bmd_plot_altitude_svg(&p, &svg, &err), BMD_SUCCESS);
    keep("altitude.svg", svg);
    assert_int_equal(svg_count(svg, "/s:svg"), 1);
    assert_int_equal(svg_count(svg, "//s:polyline"), 2);
    assert_int_equal(svg_count(svg, "//s:text[.='Shahab-3 <MRBM>']"), 1);
    assert_int_equal(svg_count(svg, "//s:text[.='intercept window']"), 1);
    assert_int_equal(svg_count(svg, "//s:text[.='intercept']"), 1);
    assert_int_equal(svg_count(svg, "//s:text[.='miles']"), 1);
    /* the range axis is labelled in km with nice ticks: 2000 km over about 8 intervals is 250 km,
     * which the 1-2-5 rule rounds to 200 km (250 = 2.5e2, 2.5 < 3.5 -> 2), so 0 ... 2000 by 200;
     * 1800 appears once (the altitude axis stops at 700 km, the miles axis at 1200 mi) */
    assert_int_equal(svg_count(svg, "//s:text[.='2000']"), 1);
    assert_int_equal(svg_count(svg, "//s:text[.='1800']"), 1);
    assert_int_equal(svg_count(svg, "//s:text[.='250']"), 0);
    free(svg);
}

static void the_range_profile_is_the_great_circle_distance_from_the_first_sample(void **state)
{
    (void)state;
    bmd_earth earth;
    assert_int_equal(bmd_earth_init_sphere(&earth, 0, 0, NULL), BMD_SUCCESS);
    bmd_sample s[10];
    fixture_flight(s, 10, 38.0, 46.0, 52.5, 13.4, 500e3);
    double range[10], alt[10];
    assert_int_equal(bmd_plot_range_profile(&earth, s, 10, range, alt, NULL), BMD_SUCCESS);
    for (int i = 0; i < 10; i++) {
        double d = fixture_gc_distance_m(BMD_EARTH_MEAN_RADIUS_M, s[0].lat_rad, s[0].lon_rad,
                                         s[i].lat_rad, s[i].lon_rad);
        assert_float_equal(range[i], d, 1e-3); /* haversine closed form, 1 mm */
        assert_float_equal(alt[i], s[i].altitude_m, 0);
    }
    assert_int_equal(bmd_plot_range_profile(&earth, s, 0, range, alt, NULL), BMD_EINVAL);
}

static void the_timeline_has_a_row_per_site_with_bars_and_shots(void **state)
{
    (void)state;
    double shots[] = {400, 460};
    bmd_timeline_row rows[] = {
        {"Kürecik & co", {120, 700}, {160, 680}, {NAN, NAN}, {NAN, NAN}, NULL, 0},
        {"Deveselu", {300, 720}, {330, 700}, {350, 520}, {500, 690}, shots, 2},
    };
    bmd_timeline_plot p;
    bmd_timeline_plot_init(&p);
    p.rows = rows;
    p.n_rows = 2;
    char *svg = NULL;
    bmd_error err;
    assert_int_equal(bmd_plot_timeline_svg(&p, &svg, &err), BMD_SUCCESS);
    keep("timeline.svg", svg);
    assert_int_equal(svg_count(svg, "/s:svg"), 1);
    assert_int_equal(svg_count(svg, "//s:text[.='Kürecik & co']"), 1);
    /* bars: 2 + 4 in the rows; shots: 2 lines of width 2 plus the legend's */
    assert_int_equal(svg_count(svg, "//s:g[@clip-path]/s:rect"), 6);
    assert_int_equal(svg_count(svg, "//s:g[@clip-path]/s:line"), 2);
    free(svg);
    rows[0].seen_s[1] = 50; /* end before start */
    assert_int_equal(bmd_plot_timeline_svg(&p, &svg, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "seen"));
}

static void bad_plots_are_rejected(void **state)
{
    (void)state;
    bmd_altitude_plot p;
    bmd_altitude_plot_init(&p);
    char *svg = NULL;
    bmd_error err;
    assert_int_equal(bmd_plot_altitude_svg(&p, &svg, &err), BMD_EINVAL); /* no curves */
    double r[2] = {0, NAN}, a[2] = {0, 1};
    bmd_plot_curve c = {"x", BMD_TRACK_THREAT, r, a, 2};
    p.curves = &c;
    p.n_curves = 1;
    assert_int_equal(bmd_plot_altitude_svg(&p, &svg, &err), BMD_EINVAL); /* NaN */
    r[1] = 1;
    p.width_px = 100;
    assert_int_equal(bmd_plot_altitude_svg(&p, &svg, &err), BMD_EINVAL); /* too small */
    p.width_px = 0;
    assert_int_equal(bmd_plot_altitude_write(&p, "/nonexistent-dir/a.svg", &err), BMD_EIO);
    assert_null(svg);
    bmd_timeline_plot t;
    bmd_timeline_plot_init(&t);
    assert_int_equal(bmd_plot_timeline_svg(&t, &svg, &err), BMD_EINVAL); /* no rows */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_altitude_plot_has_curves_window_markers_and_legend),
        cmocka_unit_test(the_range_profile_is_the_great_circle_distance_from_the_first_sample),
        cmocka_unit_test(the_timeline_has_a_row_per_site_with_bars_and_shots),
        cmocka_unit_test(bad_plots_are_rejected),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return rc;
}
