/* Tests of the coverage probability of a footprint (bmd_mc_footprint_run, bmd/montecarlo.h) on
 * a tiny grid: a parameter that cannot change whether a cell is engaged gives probabilities of
 * exactly 0 or 1 equal to the nominal footprint; a burnout-speed band around the required speed
 * of the threat's own target gives the fraction of the band above it; 1 and 2 threads give
 * identical bytes; the band polygons; bad input. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/montecarlo.h"
#include "test_support.h"
#include "test_scenario_support.h"
#include "test_mc_footprint_support.h"

/* The one-pair case of test_scenario_support.h (an MRBM, an SM-3 IIA site near its target, IR
 * cueing) on a footprint grid. */
typedef struct fixture {
    bmd_scenario scn;
    bmd_footprint_grid grid;
    bmd_mc_footprint_input in;
} fixture;

static void open_case(fixture *x, const char *grid)
{
    bmd_test_open_scenario(BMD_TEST_ONE_PAIR_YAML, &x->scn);
    bmd_error err = {0};
    memset(&x->grid, 0, sizeof x->grid);
    if (bmd_footprint_grid_parse(&x->scn, grid, 1000, &x->grid, &err))
        fail_msg("%s", err.message);
    bmd_test_mc_footprint_input(&x->scn, &x->grid, &x->in);
}

static void close_case(fixture *x)
{
    bmd_footprint_grid_free(&x->grid);
    bmd_scenario_free(&x->scn);
}

static void run(fixture *x, const char *vary, long n, int threads, bmd_mc_footprint *r)
{
    bmd_param_set set = {0};
    bmd_error err = {0};
    if (vary && bmd_param_set_vary_in(&set, &x->scn, vary, &err))
        fail_msg("%s", err.message);
    bmd_mc_options opt;
    bmd_mc_options_init(&opt);
    opt.samples = n;
    opt.seed = 7;
    opt.threads = threads;
    if (bmd_mc_footprint_run(&x->scn, &set, &x->in, &opt, r, &err))
        fail_msg("%s", err.message);
    bmd_param_set_free(&set);
}

/* The kill assessment time only delays a second shot: P(>= 1 shot) per cell must be exactly the
 * nominal footprint's 0 or 1. The grid (3 cells along 37 N, 36 to 40 E: the western one beyond the missile's reach) holds covered and
 * uncovered cells, so the comparison can fail. */
static void a_parameter_that_cannot_change_coverage_gives_the_nominal_footprint(void **state)
{
    (void)state;
    fixture x;
    open_case(&x, "37,38,36,40,2");
    bmd_mc_footprint r;
    run(&x, "rules.kill_assessment_s=10:60", 8, 2, &r);
    long covered = 0;
    for (long k = 0; k < r.n_cells; k++) {
        const double want = r.nominal[k].shot_opportunities >= 1 ? 1.0 : 0.0;
        covered += want > 0;
        if (r.p_one[k] != want)
            fail_msg("cell %ld: P(>=1) expected %g (nominal), actual %g", k, want, r.p_one[k]);
    }
    if (covered == 0 || covered == r.n_cells)
        fail_msg("the grid should hold covered and uncovered cells: %ld of %ld covered", covered,
                 r.n_cells);
    bmd_mc_footprint_free(&r);
    close_case(&x);
}

/* The required burnout speed v* of the threat's own target (bmd_engage_required_speed via the
 * analysis; tolerance 10 m/s). Over a uniform band v* -/+ 1000 m/s the cell is engaged iff the
 * drawn speed exceeds v*: P = 0.5. Tolerance: the Latin hypercube's 1/N on a step function plus
 * 100 m/s / 2000 m/s for the footprint's flight (interpolated plan) and table (pointed toward the
 * launch point) against the analysis' own. */
static void a_burnout_band_around_the_required_speed_gives_the_fraction_above_it(void **state)
{
    (void)state;
    fixture x;
    open_case(&x, "37.5,37.6,41.5,41.6,1");
    assert_int_equal(x.grid.n_cells, 1);
    bmd_analysis_options ao;
    bmd_analysis_options_init(&ao);
    ao.threads = 1;
    bmd_analysis an;
    bmd_error err = {0};
    if (bmd_analysis_run(&x.scn, &ao, &an, &err))
        fail_msg("%s", err.message);
    const bmd_analysis_pair *p = bmd_analysis_pair_at(&an, 0, 0);
    assert_true(p->has_required_speed && p->required.possible);
    const double v = p->required.speed_m_s;
    bmd_analysis_free(&an);
    char vary[160];
    snprintf(vary, sizeof vary, "interceptor.burnout_speed_m_s=%.0f:%.0f", v - 1000, v + 1000);
    const long n = 16;
    bmd_mc_footprint r;
    run(&x, vary, n, 2, &r);
    const double want = 0.5, tol = 1.0 / (double)n + 100.0 / 2000.0;
    if (fabs(r.p_one[0] - want) > tol)
        fail_msg("P(>=1) over %s: expected %.3f +/- %.3f (v* = %.0f m/s), actual %.3f", vary,
                 want, tol, v, r.p_one[0]);
    assert_true(r.p_two[0] <= r.p_one[0]);
    bmd_mc_footprint_free(&r);
    close_case(&x);
}

static void one_and_two_threads_give_identical_bytes(void **state)
{
    (void)state;
    fixture x;
    open_case(&x, "37,38,36,40,2");
    bmd_mc_footprint a, b;
    const char *vary = "rules.total_delay_s=0:200";
    run(&x, vary, 6, 1, &a);
    run(&x, vary, 6, 2, &b);
    assert_int_equal(a.n_cells, b.n_cells);
    if (memcmp(a.p_one, b.p_one, (size_t)a.n_cells * sizeof *a.p_one) ||
        memcmp(a.p_two, b.p_two, (size_t)a.n_cells * sizeof *a.p_two) ||
        memcmp(a.nominal, b.nominal, (size_t)a.n_cells * sizeof *a.nominal))
        fail_msg("1 and 2 threads differ");
    /* the band polygons: nested, each with the run's names */
    bmd_scene sc;
    bmd_scene_init(&sc, &x.scn.earth);
    bmd_error err = {0};
    if (bmd_mc_footprint_scene(&a, &x.grid, "test", &sc, &err))
        fail_msg("%s", err.message);
    long any = 0;
    for (long k = 0; k < a.n_cells; k++)
        any += a.p_one[k] >= 0.1;
    if ((any > 0) != (sc.n_areas > 0))
        fail_msg("%ld cells at >= 10 %% but %d polygons", any, sc.n_areas);
    bmd_scene_free(&sc);
    bmd_mc_footprint_free(&a);
    bmd_mc_footprint_free(&b);
    close_case(&x);
}

/* The fast path (cells flown once, re-engaged by each sample's defence) makes the same calls on
 * the same inputs as the plain path (every sample prepared and flown again): the per-cell
 * probabilities and the nominal footprint must be identical bytes. Interceptor speed (flyout
 * tables rebuilt per sample) and the delays vary; the grid has cells that flip inside the band
 * (asserted), so the comparison can fail. */
static void the_fast_path_gives_the_plain_paths_probabilities(void **state)
{
    (void)state;
    fixture x;
    open_case(&x, "37,38,40.5,42.5,1");
    bmd_param_set set = {0};
    bmd_error err = {0};
    if (bmd_param_set_vary_in(&set, &x.scn, "interceptor.burnout_speed_m_s=3000:6000", &err) ||
        bmd_param_set_vary_in(&set, &x.scn, "rules.total_delay_s=0:1200", &err))
        fail_msg("%s", err.message);
    bmd_mc_options opt;
    bmd_mc_options_init(&opt);
    opt.samples = 5;
    opt.seed = 11;
    opt.threads = 2;
    bmd_mc_footprint fast, plain;
    x.in.plain = 0;
    if (bmd_mc_footprint_run(&x.scn, &set, &x.in, &opt, &fast, &err))
        fail_msg("%s", err.message);
    x.in.plain = 1;
    if (bmd_mc_footprint_run(&x.scn, &set, &x.in, &opt, &plain, &err))
        fail_msg("%s", err.message);
    assert_int_equal(fast.reused, 1);
    assert_int_equal(plain.reused, 0);
    long fractional = 0;
    for (long k = 0; k < fast.n_cells; k++) {
        fractional += fast.p_one[k] > 0 && fast.p_one[k] < 1;
        if (fast.p_one[k] != plain.p_one[k] || fast.p_two[k] != plain.p_two[k])
            fail_msg("cell %ld: expected the plain path's P(>=1) %.4f, P(>=2) %.4f; fast %.4f, "
                     "%.4f", k, plain.p_one[k], plain.p_two[k], fast.p_one[k], fast.p_two[k]);
    }
    if (memcmp(fast.nominal, plain.nominal, (size_t)fast.n_cells * sizeof *fast.nominal))
        fail_msg("the nominal footprints of the fast and the plain path differ");
    if (fractional == 0)
        fail_msg("expected a cell that flips inside the band (0 < P < 1); none of %ld",
                 fast.n_cells);
    bmd_mc_footprint_free(&fast);
    bmd_mc_footprint_free(&plain);
    bmd_param_set_free(&set);
    close_case(&x);
}

static void the_bands_have_the_documented_edges(void **state)
{
    (void)state;
    const double p[] = {0, 0.0999, 0.1, 0.4999, 0.5, 0.8999, 0.9, 1};
    const int want[] = {0, 0, 1, 1, 2, 2, 3, 3};
    for (int i = 0; i < 8; i++)
        if (bmd_mc_band(p[i]) != want[i])
            fail_msg("band of %g: expected %d, actual %d", p[i], want[i], bmd_mc_band(p[i]));
    assert_string_equal(bmd_mc_band_label(3), "90-100 %");
}

static void bad_input_is_rejected_with_a_message(void **state)
{
    (void)state;
    fixture x;
    open_case(&x, "37.5,37.6,41.5,41.6,1");
    bmd_mc_options opt;
    bmd_mc_options_init(&opt);
    bmd_mc_footprint r;
    bmd_error err = {0};
    opt.samples = 0;
    assert_int_equal(bmd_mc_footprint_run(&x.scn, NULL, &x.in, &opt, &r, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "samples"));
    opt.samples = BMD_MC_MAX_SAMPLES + 1;
    assert_int_equal(bmd_mc_footprint_run(&x.scn, NULL, &x.in, &opt, &r, &err), BMD_EINVAL);
    opt.samples = 2;
    x.in.threat = 5;
    assert_int_equal(bmd_mc_footprint_run(&x.scn, NULL, &x.in, &opt, &r, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "threat 5"));
    x.in.threat = 0;
    x.in.n_cells = 0;
    assert_int_equal(bmd_mc_footprint_run(&x.scn, NULL, &x.in, &opt, &r, &err), BMD_EINVAL);
    assert_null(r.p_one);
    close_case(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_bands_have_the_documented_edges),
        cmocka_unit_test(bad_input_is_rejected_with_a_message),
        cmocka_unit_test(a_parameter_that_cannot_change_coverage_gives_the_nominal_footprint),
        cmocka_unit_test(a_burnout_band_around_the_required_speed_gives_the_fraction_above_it),
        cmocka_unit_test(one_and_two_threads_give_identical_bytes),
        cmocka_unit_test(the_fast_path_gives_the_plain_paths_probabilities),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
