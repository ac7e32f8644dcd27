/* Tests of the sweep plots of bmd/plot.h: marching squares against isolines known in closed form
 * (circles of x^2 + y^2, straight lines of a linear function, the saddle of x*y), the contour and
 * line plots as well-formed SVG (libxml2) with bands, labelled isolines, the catalogue mark and the
 * legend, and bad input refused. */
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
#include "svg_fixtures.h"

#define N 41

/* A grid of [-2, 2]^2 with N points a side and z = f(x, y). */
static void grid(double *x, double *y, double *z, double (*f)(double, double))
{
    for (int i = 0; i < N; i++)
        x[i] = y[i] = -2.0 + 4.0 * i / (N - 1);
    for (int j = 0; j < N; j++)
        for (int i = 0; i < N; i++)
            z[j * N + i] = f(x[i], y[j]);
}

static double radius2(double x, double y) { return x * x + y * y; }
static double plane(double x, double y) { return 3.0 * x - 2.0 * y; }
static double saddle(double x, double y) { return x * y; }

static void the_isoline_of_x2_plus_y2_is_the_circle_of_that_radius(void **state)
{
    (void)state;
    static double x[N], y[N], z[N * N];
    grid(x, y, z, radius2);
    bmd_contour_segment *seg = NULL;
    int n = 0;
    bmd_error err;
    /* level r^2 = 1.44: the circle r = 1.2. Linear interpolation of r^2 along an edge of length
     * h = 0.1 errs by at most h^2 / (8 r) = 0.00104 in radius (the interpolant of a parabola
     * misses by h^2/8 in r^2, that is h^2 / (8 * 2r) in r, doubled for safety). */
    assert_int_equal(bmd_contour_segments(x, N, y, N, z, 1.44, &seg, &n, &err), BMD_SUCCESS);
    /* the circle crosses 4 * 2 * 1.2 / 0.1 = 96 cell columns and rows: about 100 segments */
    if (n < 80 || n > 140)
        fail_msg("circle r = 1.2: %d segments, expected about 96 to 112", n);
    double worst = 0, sum_angle = 0;
    for (int i = 0; i < n; i++) {
        double r0 = hypot(seg[i].x0, seg[i].y0), r1 = hypot(seg[i].x1, seg[i].y1);
        worst = fmax(worst, fmax(fabs(r0 - 1.2), fabs(r1 - 1.2)));
        double a = atan2(seg[i].y1, seg[i].x1) - atan2(seg[i].y0, seg[i].x0);
        sum_angle += fabs(remainder(a, 2 * M_PI));
    }
    if (worst > 2.1e-3)
        fail_msg("isoline radius off by %.5f (expected 1.2 within 0.0021: h^2/(4r))", worst);
    /* the segments go once around: their angles add up to 2 pi */
    if (fabs(sum_angle - 2 * M_PI) > 1e-9)
        fail_msg("segments cover %.6f rad, expected 2 pi = %.6f", sum_angle, 2 * M_PI);
    free(seg);
}

static void the_isoline_of_a_linear_function_is_exact(void **state)
{
    (void)state;
    static double x[N], y[N], z[N * N];
    grid(x, y, z, plane);
    bmd_contour_segment *seg = NULL;
    int n = 0;
    bmd_error err;
    assert_int_equal(bmd_contour_segments(x, N, y, N, z, 1.0, &seg, &n, &err), BMD_SUCCESS);
    assert_true(n > 0);
    for (int i = 0; i < n; i++) { /* 3x - 2y = 1 exactly (interpolation is exact on a plane) */
        double e0 = 3 * seg[i].x0 - 2 * seg[i].y0 - 1, e1 = 3 * seg[i].x1 - 2 * seg[i].y1 - 1;
        if (fabs(e0) > 1e-12 || fabs(e1) > 1e-12)
            fail_msg("segment %d: 3x - 2y - 1 = %g, %g (expected 0)", i, e0, e1);
    }
    free(seg);
}

static void a_saddle_cell_gives_two_segments_that_do_not_cross(void **state)
{
    (void)state;
    /* one cell with corners z = x*y at (+-1, +-1): 1, -1, 1, -1 around; level 0.5 > mean 0:
     * corners (1,1) and (-1,-1) are cut off separately */
    double x[2] = {-1, 1}, y[2] = {-1, 1};
    double z[4] = {saddle(-1, -1), saddle(1, -1), saddle(-1, 1), saddle(1, 1)};
    bmd_contour_segment *seg = NULL;
    int n = 0;
    bmd_error err;
    assert_int_equal(bmd_contour_segments(x, 2, y, 2, z, 0.5, &seg, &n, &err), BMD_SUCCESS);
    assert_int_equal(n, 2);
    for (int i = 0; i < 2; i++) { /* each segment stays in one quadrant: same sign of x*y > 0 */
        if (!(seg[i].x0 * seg[i].x1 >= 0 && seg[i].y0 * seg[i].y1 >= 0))
            fail_msg("segment %d (%g,%g)-(%g,%g) crosses the cell centre", i, seg[i].x0,
                     seg[i].y0, seg[i].x1, seg[i].y1);
    }
    free(seg);
}

static void cells_with_a_missing_value_are_skipped(void **state)
{
    (void)state;
    double x[3] = {0, 1, 2}, y[2] = {0, 1};
    double z[6] = {0, 1, NAN, 0, 1, 2};
    bmd_contour_segment *seg = NULL;
    int n = 0;
    bmd_error err;
    assert_int_equal(bmd_contour_segments(x, 3, y, 2, z, 0.5, &seg, &n, &err), BMD_SUCCESS);
    assert_int_equal(n, 1); /* only the left cell: x = 0.5 from y = 0 to 1 */
    assert_true(fabs(seg[0].x0 - 0.5) < 1e-12 && fabs(seg[0].x1 - 0.5) < 1e-12);
    free(seg);
}

static void the_contour_plot_has_bands_labelled_isolines_nominal_mark_and_legend(void **state)
{
    (void)state;
    static double x[N], y[N], z[N * N];
    grid(x, y, z, radius2);
    double levels[] = {0.5, 1.0, 2.0, 4.0};
    bmd_contour_plot p;
    bmd_contour_plot_init(&p);
    p.title = "x^2 + y^2 <test>";
    p.x_label = "x (m)";
    p.y_label = "y (m)";
    p.z_label = "r^2 (m^2)";
    p.x = x, p.nx = N, p.y = y, p.ny = N, p.z = z;
    p.levels = levels, p.n_levels = 4;
    p.x_nominal = 0.5, p.y_nominal = -0.5;
    p.note = "assumptions: a test function";
    char *svg = NULL;
    bmd_error err;
    assert_int_equal(bmd_plot_contour_svg(&p, &svg, &err), BMD_SUCCESS);
    keep("contour.svg", svg);
    assert_int_equal(svg_count(svg, "/s:svg"), 1);
    assert_int_equal(svg_count(svg, "//s:text[.='x^2 + y^2 <test>']"), 1);
    /* each level is drawn and labelled once on the plot (and once in the band legend) */
    assert_int_equal(svg_count(svg, "//s:text[@class='isoline-label']"), 4);
    assert_int_equal(svg_count(svg, "//s:text[@class='isoline-label' and .='0.5']"), 1);
    assert_int_equal(svg_count(svg, "//s:text[.='4.0 and above']"), 1);
    assert_int_equal(svg_count(svg, "//s:text[.='below 0.5']"), 1);
    assert_int_equal(svg_count(svg, "//s:text[.='catalogue value']"), 1);
    assert_int_equal(svg_count(svg, "//s:text[.='x (m)']"), 1);
    assert_true(svg_count(svg, "//s:polygon") > N * N); /* bands fill every cell */
    free(svg);
    /* automatic levels: nice values inside the range 0..8 */
    p.levels = NULL, p.n_levels = 0;
    assert_int_equal(bmd_plot_contour_svg(&p, &svg, &err), BMD_SUCCESS);
    assert_true(svg_count(svg, "//s:text[@class='isoline-label']") >= 3);
    free(svg);
}

static void the_line_plot_has_the_series_the_nominal_mark_and_the_note(void **state)
{
    (void)state;
    double x[5] = {500, 750, 1000, 1250, 1500}, y[5] = {11000, 10500, 10100, NAN, 9400};
    bmd_line_series s = {"max range (km)", y};
    bmd_line_plot p;
    bmd_line_plot_init(&p);
    p.title = "range against payload";
    p.x_label = "payload (kg)";
    p.x = x, p.n = 5, p.series = &s, p.n_series = 1;
    p.x_nominal = 1200, p.y_nominal = 9800;
    p.note = "non-rotating WGS84 Earth & gravity turn";
    char *svg = NULL;
    bmd_error err;
    assert_int_equal(bmd_plot_line_svg(&p, &svg, &err), BMD_SUCCESS);
    keep("line.svg", svg);
    assert_int_equal(svg_count(svg, "//s:text[.='catalogue value']"), 1);
    assert_int_equal(svg_count(svg, "//s:text[.='payload (kg)']"), 1);
    assert_int_equal(svg_count(svg, "//s:text[.='non-rotating WGS84 Earth & gravity turn']"), 1);
    assert_int_equal(svg_count(svg, "//s:circle"), 4 + 2); /* 4 finite points, mark, legend */
    free(svg);
}

static void bad_plot_input_is_refused_with_the_field_named(void **state)
{
    (void)state;
    double x[3] = {0, 2, 1}, y[2] = {0, 1}, z[6] = {0};
    bmd_contour_segment *seg = NULL;
    int n = 0;
    bmd_error err;
    assert_int_equal(bmd_contour_segments(x, 3, y, 2, z, 0.5, &seg, &n, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "x axis"));
    assert_int_equal(bmd_contour_segments(y, 2, y, 2, z, NAN, &seg, &n, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "level"));
    double ally[2] = {NAN, NAN};
    bmd_line_series s = {"y", ally};
    bmd_line_plot p;
    bmd_line_plot_init(&p);
    p.x = y, p.n = 2, p.series = &s, p.n_series = 1;
    char *svg = NULL;
    assert_int_equal(bmd_plot_line_svg(&p, &svg, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "no finite value"));
    assert_null(svg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_isoline_of_x2_plus_y2_is_the_circle_of_that_radius),
        cmocka_unit_test(the_isoline_of_a_linear_function_is_exact),
        cmocka_unit_test(a_saddle_cell_gives_two_segments_that_do_not_cross),
        cmocka_unit_test(cells_with_a_missing_value_are_skipped),
        cmocka_unit_test(the_contour_plot_has_bands_labelled_isolines_nominal_mark_and_legend),
        cmocka_unit_test(the_line_plot_has_the_series_the_nominal_mark_and_the_note),
        cmocka_unit_test(bad_plot_input_is_refused_with_the_field_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
