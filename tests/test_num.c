/* Tests of the numerical methods (bmd/num.h) on textbook functions:
 * - x^3 - 2x - 5 = 0, the cubic of Wallis that Newton solved (root 2.0945514815423265...; used as
 *   the test equation in W. H. Press et al., Numerical Recipes, and in R. P. Brent, Algorithms for
 *   Minimization without Derivatives (1973), ch. 4);
 * - cos x = x (root 0.7390851332151607, the Dottie number);
 * - minima of (x - 1)^2 + 1/2 and of -sin x (at pi/2).
 * Convergence order is checked by counting evaluations and by the error sequence; failures by
 * their status and message. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bmd/num.h"
#include "test_support.h"

#define CUBIC_ROOT 2.0945514815423265
#define DOTTIE 0.7390851332151607

/* A function with a log of where it was evaluated. */
typedef struct logged {
    double (*f)(double);
    double x[200];
    int n;
    int fail_at; /* return BMD_EBADFUNC at this evaluation (1-based; 0: never) */
} logged;

static int logged_fn(void *ctx, double x, double *f)
{
    logged *l = ctx;
    if (l->n < 200)
        l->x[l->n] = x;
    l->n++;
    if (l->fail_at && l->n == l->fail_at)
        return BMD_EBADFUNC;
    *f = l->f(x);
    return BMD_SUCCESS;
}

static double cubic(double x) { return x * x * x - 2.0 * x - 5.0; }
static double cos_minus_x(double x) { return cos(x) - x; }
static double parabola(double x) { return (x - 1.0) * (x - 1.0) + 0.5; }
static double minus_sin(double x) { return -sin(x); }
static double always_positive(double x) { return x * x + 1.0; }
static double nan_inside(double x) { return x < 2.5 ? -1.0 : (x > 2.6 ? 1.0 : NAN); }

/* The largest order estimate log(e[k+1]) / log(e[k]) over the evaluations whose error lies in
 * (1e-13, 1e-2): about 1 for linear convergence, above 1.4 for superlinear. */
static double observed_order(const logged *l, double root)
{
    double best = 0.0;
    for (int k = 0; k + 1 < l->n && k + 1 < 200; k++) {
        double e0 = fabs(l->x[k] - root), e1 = fabs(l->x[k + 1] - root);
        if (e0 < 1e-2 && e0 > 1e-13 && e1 > 1e-13 && e1 < e0)
            best = fmax(best, log(e1) / log(e0));
    }
    return best;
}

static void brent_finds_the_wallis_cubic_root_superlinearly(void **state)
{
    (void)state;
    logged l = {cubic, {0}, 0, 0};
    const bmd_num_stop stop = {1e-14, 0.0, 100, NULL};
    double root;
    assert_int_equal(bmd_num_brent_root(logged_fn, &l, 2.0, cubic(2.0), 3.0, cubic(3.0), &stop,
                                        NULL, &root),
                     BMD_SUCCESS);
    assert_close(root, CUBIC_ROOT, 2e-14);
    /* bisection needs log2(1 / 1e-14) = 47 evaluations; Brent about 8 */
    print_message("brent: %d evaluations, observed order %.2f\n", l.n, observed_order(&l, CUBIC_ROOT));
    assert_in_range(l.n, 1, 12);
    assert_true(observed_order(&l, CUBIC_ROOT) > 1.4);
}

static void brent_solves_cos_x_equals_x(void **state)
{
    (void)state;
    logged l = {cos_minus_x, {0}, 0, 0};
    const bmd_num_stop stop = {1e-15, 0.0, 100, NULL};
    double root;
    assert_int_equal(bmd_num_brent_root(logged_fn, &l, 0.0, 1.0, 1.0, cos(1.0) - 1.0, &stop, NULL,
                                        &root),
                     BMD_SUCCESS);
    assert_close(root, DOTTIE, 2e-15);
    assert_in_range(l.n, 1, 12);
}

static void illinois_converges_faster_than_bisection_and_stays_on_b_side(void **state)
{
    (void)state;
    logged l = {cubic, {0}, 0, 0};
    const bmd_num_stop stop = {1e-12, 0.0, 200, NULL};
    double root;
    assert_int_equal(bmd_num_illinois(logged_fn, &l, 2.0, cubic(2.0), 3.0, cubic(3.0), &stop, NULL,
                                      &root),
                     BMD_SUCCESS);
    /* the end of the final bracket on b's side (f > 0): after the root, by at most the bracket */
    assert_true(root >= CUBIC_ROOT);
    assert_close(root, CUBIC_ROOT, 1e-12);
    print_message("illinois: %d evaluations, observed order %.2f\n", l.n,
                  observed_order(&l, CUBIC_ROOT));
    assert_in_range(l.n, 1, 20); /* bisection: 40 */
    assert_true(observed_order(&l, CUBIC_ROOT) > 1.3);
}

static void bisection_halves_the_bracket_exactly_at_every_evaluation(void **state)
{
    (void)state;
    logged l = {cubic, {0}, 0, 0};
    const bmd_num_stop stop = {0.5 * 0x1p-30, 0.0, 100, NULL};
    double root;
    assert_int_equal(bmd_num_bisect(logged_fn, &l, 2.0, cubic(2.0), 3.0, cubic(3.0), &stop, NULL,
                                    &root),
                     BMD_SUCCESS);
    /* [2, 3] halved 30 times: width 2^-30, exactly, after exactly 30 evaluations */
    assert_int_equal(l.n, 30);
    assert_close(root, CUBIC_ROOT, 0x1p-31);
    /* linear order: the first evaluation is the midpoint, then quarter points... */
    assert_true(l.x[0] == 2.5 && l.x[1] == 2.25 && l.x[2] == 2.125);
}

/* x >= 0.3: b's side; undefined in [0.26, 0.27]; else a's side. */
static int side_fn(void *ctx, double x, int *side)
{
    (void)ctx;
    *side = x >= 0.3 ? BMD_NUM_SIDE_B : (x >= 0.26 && x <= 0.27 ? BMD_NUM_SIDE_NONE : BMD_NUM_SIDE_A);
    return BMD_SUCCESS;
}

static void bisection_on_a_predicate_keeps_each_end_on_its_side(void **state)
{
    (void)state;
    double a = 0.0, b = 1.0;
    int n;
    /* side: x < 0.3 is a's side (the hole [0.26, 0.27] is not visited from [0, 1]) */
    assert_int_equal(bmd_num_bisect_side(side_fn, NULL, &a, &b, 40, 0.0, &n), BMD_SUCCESS);
    assert_int_equal(n, 40);
    assert_true(a < 0.3 && b >= 0.3);
    assert_close(b - a, 0x1p-40, 0.0);
}

static void bisection_on_a_predicate_stops_where_it_is_undefined(void **state)
{
    (void)state;
    double a = 0.0, b = 1.04;
    int n;
    /* the midpoint 0.52 is on b's side; the next, 0.26, is not defined: stop, keep [0, 0.52] */
    assert_int_equal(bmd_num_bisect_side(side_fn, NULL, &a, &b, 40, 0.0, &n), BMD_SUCCESS);
    assert_int_equal(n, 1);
    assert_close(a, 0.0, 0.0);
    assert_close(b, 0.52, 0.0);
}

static void a_bracket_without_sign_change_is_reported_with_its_values(void **state)
{
    (void)state;
    logged l = {always_positive, {0}, 0, 0};
    const bmd_num_stop stop = {1e-10, 0.0, 100, NULL};
    bmd_error err;
    double root;
    assert_int_equal(bmd_num_brent_root(logged_fn, &l, -1.0, 2.0, 1.0, 2.0, &stop, &err, &root),
                     BMD_EINVAL);
    assert_non_null(strstr(err.message, "opposite signs"));
    assert_int_equal(bmd_num_bisect(logged_fn, &l, -1.0, 2.0, 1.0, 2.0, &stop, &err, &root),
                     BMD_EINVAL);
    assert_non_null(strstr(err.message, "f(-1) = 2"));
    assert_int_equal(bmd_num_illinois(logged_fn, &l, -1.0, 2.0, 1.0, 2.0, &stop, &err, &root),
                     BMD_EINVAL);
    assert_int_equal(l.n, 0); /* nothing evaluated */
}

static double minus_one_plus_x(double x) { return x - 1.0; }

/* An ODE step that ends exactly on an event gives f(b) == 0 with f(a) < 0 (src/flight/ode_run.c):
 * the root is b itself, found with no evaluation. */
static void illinois_accepts_a_bracket_that_ends_on_the_root(void **state)
{
    (void)state;
    logged l = {.f = minus_one_plus_x};
    bmd_num_stop stop = {.xtol = 1e-12, .max_iter = 200};
    bmd_error err = {0};
    double root = NAN;
    int st = bmd_num_illinois(logged_fn, &l, 0.0, -1.0, 1.0, 0.0, &stop, &err, &root);
    if (st != BMD_SUCCESS)
        fail_msg("expected BMD_SUCCESS, got %d (%s)", st, err.message);
    if (root != 1.0 || l.n != 0)
        fail_msg("expected root 1 after 0 evaluations, got %.17g after %d", root, l.n);
}

static void running_out_of_iterations_is_an_error_with_the_callers_message(void **state)
{
    (void)state;
    logged l = {cubic, {0}, 0, 0};
    const bmd_num_stop stop = {1e-15, 0.0, 3, "aim: root finding did not converge"};
    bmd_error err;
    double root;
    assert_int_equal(bmd_num_brent_root(logged_fn, &l, 2.0, cubic(2.0), 3.0, cubic(3.0), &stop,
                                        &err, &root),
                     BMD_EMAXITER);
    assert_string_equal(err.message, "aim: root finding did not converge");
    const bmd_num_stop plain = {1e-15, 0.0, 5, NULL};
    assert_int_equal(bmd_num_bisect(logged_fn, &l, 2.0, cubic(2.0), 3.0, cubic(3.0), &plain, &err,
                                    &root),
                     BMD_EMAXITER);
    assert_non_null(strstr(err.message, "after 5 evaluations"));
}

static void a_failing_function_stops_the_method_with_its_status(void **state)
{
    (void)state;
    logged l = {cubic, {0}, 0, 2};
    const bmd_num_stop stop = {1e-12, 0.0, 100, NULL};
    double root, x, f;
    assert_int_equal(bmd_num_brent_root(logged_fn, &l, 2.0, cubic(2.0), 3.0, cubic(3.0), &stop,
                                        NULL, &root),
                     BMD_EBADFUNC);
    assert_int_equal(l.n, 2);
    l.n = 0;
    assert_int_equal(bmd_num_illinois(logged_fn, &l, 2.0, cubic(2.0), 3.0, cubic(3.0), &stop, NULL,
                                      &root),
                     BMD_EBADFUNC);
    l.n = 0;
    const bmd_num_min_options mo = {1e-8, 1e-10, 60, -INFINITY};
    assert_int_equal(bmd_num_brent_min(logged_fn, &l, 0.0, 3.0, &mo, NULL, &x, &f), BMD_EBADFUNC);
    /* a NaN inside the bracket is reported by bisection */
    logged m = {nan_inside, {0}, 0, 0};
    bmd_error err;
    assert_int_equal(bmd_num_bisect(logged_fn, &m, 2.0, -1.0, 3.0, 1.0, &stop, &err, &root),
                     BMD_EBADFUNC);
    assert_non_null(strstr(err.message, "not finite"));
}

static void brent_minimisation_finds_the_parabola_vertex_in_few_evaluations(void **state)
{
    (void)state;
    logged l = {parabola, {0}, 0, 0};
    const bmd_num_min_options opt = {1e-9, 1e-10, 60, -INFINITY};
    double x, f;
    assert_int_equal(bmd_num_brent_min(logged_fn, &l, 0.0, 3.0, &opt, NULL, &x, &f), BMD_SUCCESS);
    assert_close(x, 1.0, 1e-8);
    assert_close(f, 0.5, 1e-15);
    /* a parabola is fitted exactly: the vertex is hit within a few evaluations (golden section
     * needs ~20 for 1e-4); the rest only shrinks the bracket to prove it (still fewer than the
     * ~44 of golden section to 2e-9) */
    int first = 0;
    while (first < l.n && fabs(l.x[first] - 1.0) > 1e-6)
        first++;
    print_message("brent min: vertex within 1e-6 at evaluation %d, %d in all\n", first + 1, l.n);
    assert_in_range(first + 1, 1, 6);
    assert_in_range(l.n, 1, 35);
}

static void brent_minimisation_stops_at_the_first_value_below_f_stop(void **state)
{
    (void)state;
    logged l = {parabola, {0}, 0, 0};
    const bmd_num_min_options opt = {1e-9, 1e-10, 60, 0.75};
    double x, f;
    assert_int_equal(bmd_num_brent_min(logged_fn, &l, 0.0, 3.0, &opt, NULL, &x, &f), BMD_SUCCESS);
    assert_true(f <= 0.75);
    assert_close(x, l.x[l.n - 1], 0.0); /* the last evaluation is the answer */
}

static void golden_section_shrinks_by_the_golden_ratio_per_evaluation(void **state)
{
    (void)state;
    logged l = {minus_sin, {0}, 0, 0};
    double x, f;
    const double tol = 1e-6;
    assert_int_equal(bmd_num_golden_min(logged_fn, &l, 0.0, 3.0, tol, NULL, &x, &f), BMD_SUCCESS);
    assert_close(x, M_PI / 2.0, tol);
    /* width 3 * 0.618^(n - 1) after n evaluations (two to start, one per step): linear order */
    const int expected = 2 + (int)ceil(log(3.0 / tol) / log(2.0 / (sqrt(5.0) - 1.0))) - 1;
    print_message("golden: %d evaluations, expected %d\n", l.n, expected);
    assert_in_range(l.n, expected - 1, expected + 1);
    bmd_error err;
    assert_int_equal(bmd_num_golden_min(logged_fn, &l, 3.0, 0.0, tol, &err, &x, &f), BMD_EINVAL);
    assert_non_null(strstr(err.message, "[3, 0]"));
}

/* A cubic path r(t) = a + b t + c t^2 + d t^3 per component is reproduced exactly (to rounding)
 * by cubic Hermite interpolation from its values and rates at the ends, with its derivative. */
static void hermite_reproduces_a_cubic_and_its_derivative_exactly(void **state)
{
    (void)state;
    const double a[3] = {6.4e6, -1.2e6, 3.3e5}, b[3] = {1200, -7000, 350}, c[3] = {-4.5, 2, 9.8},
                 d[3] = {0.01, -0.003, 0.0007};
    const double t0 = 100, t1 = 160;
    double r0[3], v0[3], r1[3], v1[3];
    for (int k = 0; k < 3; k++) {
        r0[k] = a[k] + b[k] * t0 + c[k] * t0 * t0 + d[k] * t0 * t0 * t0;
        v0[k] = b[k] + 2 * c[k] * t0 + 3 * d[k] * t0 * t0;
        r1[k] = a[k] + b[k] * t1 + c[k] * t1 * t1 + d[k] * t1 * t1 * t1;
        v1[k] = b[k] + 2 * c[k] * t1 + 3 * d[k] * t1 * t1;
    }
    for (double t = t0; t <= t1; t += 7.5) {
        double r[3], v[3];
        bmd_num_hermite3(t0, r0, v0, t1, r1, v1, t, r, v);
        for (int k = 0; k < 3; k++) {
            const double re = a[k] + b[k] * t + c[k] * t * t + d[k] * t * t * t;
            const double ve = b[k] + 2 * c[k] * t + 3 * d[k] * t * t;
            /* rounding only: 1e-12 relative to the size of the terms (|r| ~ 1e7 m) */
            if (fabs(r[k] - re) > 1e-12 * 1e7 || fabs(v[k] - ve) > 1e-9)
                fail_msg("t = %g, component %d: r %.17g (expected %.17g), v %.17g (expected %.17g)",
                         t, k, r[k], re, v[k], ve);
        }
    }
}

/* For a smooth non-polynomial path (a circle) the error falls as h^4: halving the interval
 * divides the largest position error by about 16 (between 12 and 20 allowed). */
static void hermite_error_falls_with_the_fourth_power_of_the_step(void **state)
{
    (void)state;
    double err_prev = 0;
    for (int i = 0; i < 4; i++) {
        const double h = 0.4 / (1 << i);
        double r0[3] = {cos(0), sin(0), 0}, v0[3] = {-sin(0), cos(0), 0};
        double r1[3] = {cos(h), sin(h), 0}, v1[3] = {-sin(h), cos(h), 0};
        double worst = 0;
        for (int j = 1; j < 20; j++) {
            const double t = h * j / 20.0;
            double r[3];
            bmd_num_hermite3(0, r0, v0, h, r1, v1, t, r, NULL);
            worst = fmax(worst, hypot(r[0] - cos(t), r[1] - sin(t)));
        }
        if (i > 0) {
            const double ratio = err_prev / worst;
            if (!(ratio > 12 && ratio < 20))
                fail_msg("step %g: error ratio %g (expected about 16: fourth order)", h, ratio);
        }
        err_prev = worst;
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(brent_finds_the_wallis_cubic_root_superlinearly),
        cmocka_unit_test(brent_solves_cos_x_equals_x),
        cmocka_unit_test(illinois_converges_faster_than_bisection_and_stays_on_b_side),
        cmocka_unit_test(illinois_accepts_a_bracket_that_ends_on_the_root),
        cmocka_unit_test(bisection_halves_the_bracket_exactly_at_every_evaluation),
        cmocka_unit_test(bisection_on_a_predicate_keeps_each_end_on_its_side),
        cmocka_unit_test(bisection_on_a_predicate_stops_where_it_is_undefined),
        cmocka_unit_test(a_bracket_without_sign_change_is_reported_with_its_values),
        cmocka_unit_test(running_out_of_iterations_is_an_error_with_the_callers_message),
        cmocka_unit_test(a_failing_function_stops_the_method_with_its_status),
        cmocka_unit_test(brent_minimisation_finds_the_parabola_vertex_in_few_evaluations),
        cmocka_unit_test(brent_minimisation_stops_at_the_first_value_below_f_stop),
        cmocka_unit_test(golden_section_shrinks_by_the_golden_ratio_per_evaluation),
        cmocka_unit_test(hermite_reproduces_a_cubic_and_its_derivative_exactly),
        cmocka_unit_test(hermite_error_falls_with_the_fourth_power_of_the_step),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
