/* Tests of the crossed design of the coverage probability (bmd_mc_footprint_input.threat_draws,
 * bmd/montecarlo.h): K = N gives the plain path's counts on the unchanged N-point design (today's
 * answers); K < N gives the plain path's counts on the crossed design, flies only K distinct
 * threats (samples i and i + K share theirs, the defence values stay the N-point design's); and
 * K < N agrees with K = N within the LHS bound when coverage hangs on one missile parameter. */ 
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

typedef struct fixture {
    bmd_scenario scn;
    bmd_footprint_grid grid;
    bmd_mc_footprint_input in;
    bmd_param_set set;
} fixture;

/* The one-pair case (an MRBM from 35.5 N 51 E, an SM-3 IIA site at 38 N 42.5 E) on grid, with
 * the parameters vary[0..nv-1]. */
static void open_case(fixture *x, const char *grid, const char *const *vary, int nv)
{
    bmd_test_open_scenario(BMD_TEST_ONE_PAIR_YAML, &x->scn);
    bmd_error err = {0};
    memset(&x->grid, 0, sizeof x->grid);
    if (bmd_footprint_grid_parse(&x->scn, grid, 1000, &x->grid, &err))
        fail_msg("%s", err.message);
    bmd_test_vary(&x->scn, vary, nv, &x->set);
    bmd_test_mc_footprint_input(&x->scn, &x->grid, &x->in);
}

static void close_case(fixture *x)
{
    bmd_param_set_free(&x->set);
    bmd_footprint_grid_free(&x->grid);
    bmd_scenario_free(&x->scn);
}

static void run_aimed(fixture *x, long n, long k, int plain, int cold, bmd_mc_footprint *r)
{
    bmd_mc_options opt;
    bmd_mc_options_init(&opt);
    opt.samples = n;
    opt.seed = 5;
    opt.threads = 2;
    x->in.threat_draws = k;
    x->in.plain = plain;
    x->in.cold_draws = cold;
    bmd_error err = {0};
    if (bmd_mc_footprint_run(&x->scn, &x->set, &x->in, &opt, r, &err))
        fail_msg("%s", err.message);
}

/* The exact identities of the design are those of the cold aims (a warm-started draw is the
 * same flight only within the aim's tolerances: test_footprint_warm.c, and the test below). */
static void run(fixture *x, long n, long k, int plain, bmd_mc_footprint *r)
{
    run_aimed(x, n, k, plain, 1, r);
}

static void expect_same_counts(const bmd_mc_footprint *a, const bmd_mc_footprint *b,
                               const char *what)
{
    assert_int_equal(a->n_cells, b->n_cells);
    for (long c = 0; c < a->n_cells; c++)
        if (a->n_one[c] != b->n_one[c] || a->n_two[c] != b->n_two[c])
            fail_msg("%s, cell %ld: expected the plain path's counts (>=1: %ld, >=2: %ld), actual "
                     "%ld, %ld", what, c, b->n_one[c], b->n_two[c], a->n_one[c], a->n_two[c]);
    if (memcmp(a->nominal, b->nominal, (size_t)a->n_cells * sizeof *a->nominal))
        fail_msg("%s: the nominal footprints differ", what);
}

static const char *const flight_and_defence[] = {"missile.stages[0].burn_time_s=70:110",
                                                 "interceptor.burnout_speed_m_s=3000:6000"};

static void one_threat_draw_per_sample_gives_the_plain_paths_counts(void **state)
{
    (void)state;
    fixture x;
    open_case(&x, "37,38,40.5,42.5,1", flight_and_defence, 2);
    bmd_mc_footprint crossed, plain, dflt;
    run(&x, 3, 3, 0, &crossed);
    run(&x, 3, 3, 1, &plain);
    run(&x, 3, 0, 0, &dflt); /* the default: min(N, 20) = N here */
    assert_int_equal(crossed.reflown, 1);
    assert_int_equal(crossed.threat_draws, 3);
    assert_int_equal(dflt.threat_draws, 3);
    expect_same_counts(&crossed, &plain, "K = N");
    expect_same_counts(&dflt, &plain, "K default (= N)");
    if (memcmp(crossed.values, plain.values, 3 * 2 * sizeof *plain.values))
        fail_msg("K = N must leave the N-point design unchanged");
    bmd_mc_footprint_free(&crossed);
    bmd_mc_footprint_free(&plain);
    bmd_mc_footprint_free(&dflt);
    close_case(&x);
}

static void fewer_threat_draws_give_the_plain_paths_counts_on_the_same_design(void **state)
{
    (void)state;
    fixture x;
    open_case(&x, "37,38,40.5,42.5,1", flight_and_defence, 2);
    bmd_mc_footprint crossed, plain, full;
    run(&x, 4, 2, 0, &crossed);
    run(&x, 4, 2, 1, &plain);
    run(&x, 4, 4, 1, &full);
    assert_int_equal(crossed.threat_draws, 2);
    expect_same_counts(&crossed, &plain, "K = 2 of N = 4");
    /* column 0 (burn time) takes K distinct values, sample i that of i mod K; column 1
     * (burnout speed, a defence parameter) stays the N-point design's */
    for (long i = 0; i < 4; i++) {
        if (crossed.values[i * 2] != crossed.values[(i % 2) * 2])
            fail_msg("sample %ld: expected the burn time of draw %ld (%.6g), actual %.6g", i,
                     i % 2, crossed.values[(i % 2) * 2], crossed.values[i * 2]);
        if (crossed.values[i * 2 + 1] != full.values[i * 2 + 1])
            fail_msg("sample %ld: expected the N-point design's burnout speed %.6g, actual %.6g",
                     i, full.values[i * 2 + 1], crossed.values[i * 2 + 1]);
        if (!(crossed.values[i * 2] >= 70 && crossed.values[i * 2] <= 110))
            fail_msg("sample %ld: burn time %.6g outside its band [70, 110] s", i,
                     crossed.values[i * 2]);
    }
    if (crossed.values[0] == crossed.values[2])
        fail_msg("expected two distinct threat draws; both %.6g", crossed.values[0]);
    bmd_mc_footprint_free(&crossed);
    bmd_mc_footprint_free(&plain);
    bmd_mc_footprint_free(&full);
    close_case(&x);
}

/* Coverage hanging on one missile parameter: the K-point LHS puts one draw in each of K equal
 * strata of its band, so the fraction of draws on the covered side of a single threshold is
 * within 1/K of the band's fraction, and the N-point design's within 1/N: |p_K - p_N| <= 1/K +
 * 1/N (McKay, Beckman, Conover 1979 stratification; exact, not a confidence bound). */
static void fewer_threat_draws_agree_with_one_per_sample_within_the_lhs_bound(void **state)
{
    (void)state;
    static const char *const flight[] = {"missile.stages[0].burn_time_s=70:110"};
    /* 37 N, 34 to 36 E: targets near the MRBM's reach, covered only above some burn time */
    fixture x;
    open_case(&x, "36.5,37.5,34,36,1", flight, 1);
    const long n = 24, k = 6;
    bmd_mc_footprint few, all;
    run(&x, n, k, 0, &few);
    run(&x, n, n, 0, &all);
    long fractional = 0;
    const double bound = 1.0 / (double)k + 1.0 / (double)n;
    for (long c = 0; c < few.n_cells; c++) {
        fractional += all.p_one[c] > 0 && all.p_one[c] < 1;
        if (fabs(few.p_one[c] - all.p_one[c]) > bound + 1e-12)
            fail_msg("cell %ld: P(>=1) with K = %ld: %.4f, with K = N = %ld: %.4f; expected within "
                     "%.4f", c, k, few.p_one[c], n, all.p_one[c], bound);
    }
    if (fractional == 0)
        fail_msg("expected a cell that flips inside the burn-time band (0 < P < 1); none of %ld",
                 few.n_cells);
    bmd_mc_footprint_free(&few);
    bmd_mc_footprint_free(&all);
    close_case(&x);
}

/* The default aims the draws' cells from the nominal's converged plans where the steering law
 * allows it. The MRBM flies farther with the pitch program (1,337 vs 1,315 km): its cold aims use
 * that law, whose max-range plan (pitch end time) depends on the missile, so no cell takes the
 * warm start, the counts are the cold draws' and the design text does not claim it (the warm
 * path with cells: test_footprint_warm.c). */
static void draws_no_cell_can_warm_start_are_the_cold_draws_and_not_called_warm(void **state)
{
    (void)state;
    fixture x;
    open_case(&x, "37,38,40.5,42.5,1", flight_and_defence, 2);
    bmd_mc_footprint warm, cold;
    run_aimed(&x, 4, 2, 0, 0, &warm);
    run_aimed(&x, 4, 2, 0, 1, &cold);
    assert_int_equal(warm.warm_cells, 0);
    assert_int_equal(warm.warm_draws, 0);
    assert_int_equal(cold.warm_draws, 0);
    expect_same_counts(&warm, &cold, "default draws (no warm start taken) against cold");
    char text[400];
    if (strstr(bmd_mc_footprint_design_text(&warm, text, sizeof text), "nominal's solutions"))
        fail_msg("no cell took the warm start: the design text must not name it; actual \"%s\"",
                 text);
    bmd_mc_footprint_free(&warm);
    bmd_mc_footprint_free(&cold);
    close_case(&x);
}

static void threat_draws_outside_one_to_n_are_refused_naming_the_field(void **state)
{
    (void)state;
    fixture x;
    open_case(&x, "37.5,37.6,41.5,41.6,1", flight_and_defence, 2);
    bmd_mc_options opt;
    bmd_mc_options_init(&opt);
    opt.samples = 3;
    bmd_mc_footprint r;
    bmd_error err = {0};
    x.in.threat_draws = 4;
    assert_int_equal(bmd_mc_footprint_run(&x.scn, &x.set, &x.in, &opt, &r, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "threat_draws 4"));
    x.in.threat_draws = -1;
    assert_int_equal(bmd_mc_footprint_run(&x.scn, &x.set, &x.in, &opt, &r, &err), BMD_EINVAL);
    assert_null(r.p_one);
    close_case(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(threat_draws_outside_one_to_n_are_refused_naming_the_field),
        cmocka_unit_test(one_threat_draw_per_sample_gives_the_plain_paths_counts),
        cmocka_unit_test(fewer_threat_draws_give_the_plain_paths_counts_on_the_same_design),
        cmocka_unit_test(fewer_threat_draws_agree_with_one_per_sample_within_the_lhs_bound),
        cmocka_unit_test(draws_no_cell_can_warm_start_are_the_cold_draws_and_not_called_warm),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
