/* Tests of the crossed design of the engage Monte Carlo (bmd_mc_options.threat_draws,
 * bmd/montecarlo.h; the same rule and default as the coverage probability's): K = N is the
 * N-point design unchanged (today's answers, fast and plain path); K < N flies exactly K distinct
 * threats, keeps the defence columns of the N-point design, gives the plain path's statistics bit
 * for bit (the borrowed flights are each sample's own) and the same records for any block of
 * samples (MPI ranks); and K < N agrees with K = N within the LHS bound 1/K + 1/N when the verdict
 * hangs on one missile parameter. */
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

/* The MRBM toward a target well inside its reach (the nominal scenario's flyout table: every
 * sample shares it) and three near its reach (reachable only above some first-stage burn time, as
 * in test_mc_footprint_draws), an SM-3 IIA site near the tracks. */
static const char case_yaml[] =
    BMD_TEST_ONE_SITE_YAML
    "  - {name: mrbm, missile: shahab-3-class, from: [35.5, 51.0], to: [37.5, 41.5], "
    "notional: true, note: t}\n"
    "  - {name: t34, missile: shahab-3-class, from: [35.5, 51.0], to: [37.0, 34.0], "
    "notional: true, note: t}\n"
    "  - {name: t35, missile: shahab-3-class, from: [35.5, 51.0], to: [37.0, 35.0], "
    "notional: true, note: t}\n"
    "  - {name: t36, missile: shahab-3-class, from: [35.5, 51.0], to: [37.0, 36.0], "
    "notional: true, note: t}\n";

static const char *const flight_and_defence[] = {
    "missile.stages[0].burn_time_s=70:110",    /* flight: re-flown */
    "rules.total_delay_s=0:120",                /* defence */
};

static void options(bmd_mc_options *opt, long n, long k, int plain)
{
    bmd_mc_options_init(opt);
    opt->samples = n;
    opt->seed = 5;
    opt->threads = 2;
    opt->plain = plain;
    opt->threat_draws = k;
    opt->analysis.flight.sample_interval_s = 2.0;
    opt->analysis.flyout.n_elevations = 61; /* coarse tables keep the test short */
    opt->analysis.flyout.n_range = 81;
    opt->analysis.flyout.n_altitude = 61;
    opt->analysis.flyout.sample_dt_s = 2.0;
}

static void open_case(bmd_scenario *scn, bmd_param_set *set, int nv)
{
    bmd_test_open_scenario(case_yaml, scn);
    bmd_error err = {0};
    memset(set, 0, sizeof *set);
    for (int k = 0; k < nv; k++)
        if (bmd_param_set_vary_in(set, scn, flight_and_defence[k], &err))
            fail_msg("%s", err.message);
}

static void run(const bmd_scenario *scn, const bmd_param_set *set, long n, long k, int plain,
                bmd_mc_result *r)
{
    bmd_mc_options opt;
    options(&opt, n, k, plain);
    bmd_error err = {0};
    if (bmd_mc_run(scn, set, &opt, r, &err))
        fail_msg("%s", err.message);
}

/* Every statistic of a and b is the same bit pattern (NAN quantiles included). */
static void assert_same_statistics(const bmd_mc_result *a, const bmd_mc_result *b)
{
    assert_int_equal(a->n, b->n);
    assert_int_equal(a->threat_draws, b->threat_draws);
    assert_int_equal(memcmp(a->values, b->values, (size_t)(a->n * a->params.n) * sizeof *a->values), 0);
    for (long i = 0; i < a->n * a->n_pairs; i++)
        if (a->shots[i] != b->shots[i])
            fail_msg("sample %ld pair %ld: %d shot opportunities expected, %d found",
                     i / a->n_pairs, i % a->n_pairs, a->shots[i], b->shots[i]);
    for (int p = 0; p < a->n_pairs; p++)
        if (memcmp(&a->pairs[p], &b->pairs[p], sizeof a->pairs[p]) != 0)
            fail_msg("pair %d: statistics differ (P(>=1) %.17g vs %.17g)", p, a->pairs[p].p_one,
                     b->pairs[p].p_one);
    assert_int_equal(memcmp(a->s1, b->s1, (size_t)(a->n_pairs * a->params.n) * sizeof *a->s1), 0);
}

static void k_equal_to_n_keeps_the_n_point_design_on_the_fast_and_plain_paths(void **state)
{
    (void)state;
    bmd_scenario scn;
    bmd_param_set set;
    open_case(&scn, &set, 2);
    const long n = 6;
    bmd_mc_result fast, plain, dflt;
    run(&scn, &set, n, n, 0, &fast);
    run(&scn, &set, n, n, 1, &plain);
    run(&scn, &set, n, 0, 0, &dflt); /* default min(N, 20) = N */
    /* the values of the design before the crossed design existed: the N-point LHS as drawn */
    double u[6 * 2];
    bmd_error err = {0};
    if (bmd_sample_design(BMD_SAMPLER_LHS, 5, n, 2, 1, u, &err))
        fail_msg("%s", err.message);
    for (long i = 0; i < n * 2; i++) {
        double want = bmd_dist_quantile(&set.items[i % 2].dist, u[i]);
        if (memcmp(&want, &fast.values[i], sizeof want) != 0)
            fail_msg("value %ld: %.17g expected (the N-point design), %.17g found", i, want,
                     fast.values[i]);
    }
    assert_int_equal(fast.threat_draws, n);
    assert_same_statistics(&fast, &plain);
    assert_same_statistics(&fast, &dflt);
    bmd_mc_free(&fast);
    bmd_mc_free(&plain);
    bmd_mc_free(&dflt);
    bmd_param_set_free(&set);
    bmd_scenario_free(&scn);
}

static void fewer_threat_draws_fly_k_threats_and_keep_the_defence_columns(void **state)
{
    (void)state;
    bmd_scenario scn;
    bmd_param_set set;
    open_case(&scn, &set, 2);
    const long n = 8, k = 3;
    bmd_mc_result crossed, plain, full;
    run(&scn, &set, n, k, 0, &crossed);
    run(&scn, &set, n, k, 1, &plain);
    run(&scn, &set, n, n, 0, &full);
    assert_int_equal(crossed.threat_draws, k);
    long distinct = 0;
    for (long i = 0; i < n; i++) {
        double f = crossed.values[i * 2];
        int seen = 0;
        for (long j = 0; j < i; j++)
            seen |= crossed.values[j * 2] == f;
        distinct += !seen;
        if (f != crossed.values[(i % k) * 2])
            fail_msg("sample %ld: burn time %.17g, expected draw %ld's %.17g", i, f, i % k,
                     crossed.values[(i % k) * 2]);
        if (crossed.values[i * 2 + 1] != full.values[i * 2 + 1])
            fail_msg("sample %ld: delay %.17g, expected the N-point design's %.17g", i,
                     crossed.values[i * 2 + 1], full.values[i * 2 + 1]);
    }
    if (distinct != k)
        fail_msg("%ld distinct flight vectors expected, %ld found", k, distinct);
    /* borrowed flights are each sample's own: the plain path flies every sample again */
    assert_same_statistics(&crossed, &plain);
    bmd_mc_free(&crossed);
    bmd_mc_free(&plain);
    bmd_mc_free(&full);
    bmd_param_set_free(&set);
    bmd_scenario_free(&scn);
}

static void a_block_of_samples_gives_the_records_of_the_whole_run(void **state)
{
    (void)state;
    bmd_scenario scn;
    bmd_param_set set;
    open_case(&scn, &set, 2);
    const long n = 8, k = 3, first = 5, count = 3; /* needs draws 2, 0, 1 in that order */
    bmd_mc_options opt;
    options(&opt, n, k, 0);
    bmd_mc_records all, block;
    bmd_error err = {0};
    if (bmd_mc_records_run(&scn, &set, &opt, 0, n, &all, &err) ||
        bmd_mc_records_run(&scn, &set, &opt, first, count, &block, &err))
        fail_msg("%s", err.message);
    for (long i = 0; i < count * block.n_pairs; i++) {
        const bmd_mc_record *a = &all.rec[first * all.n_pairs + i], *b = &block.rec[i];
        if (memcmp(a, b, sizeof *a) != 0)
            fail_msg("sample %ld pair %ld: %d shots, %.17g m in the whole run, %d, %.17g m in "
                     "the block", first + i / block.n_pairs, i % block.n_pairs, a->shots,
                     a->altitude_m, b->shots, b->altitude_m);
    }
    bmd_mc_records_free(&all);
    bmd_mc_records_free(&block);
    bmd_param_set_free(&set);
    bmd_scenario_free(&scn);
}

static void the_rules_run_on_the_crossed_design_gives_each_rules_own_run(void **state)
{
    (void)state;
    bmd_scenario scn;
    bmd_param_set set;
    open_case(&scn, &set, 2);
    const bmd_launch_on rules[2] = {BMD_LAUNCH_ON_IR_TRACK, BMD_LAUNCH_ON_BURNOUT};
    bmd_mc_options opt;
    options(&opt, 4, 2, 0);
    opt.analysis.rules_from_scenario = 0;
    bmd_mc_result both[2], one;
    bmd_error err = {0};
    if (bmd_mc_run_rules(&scn, &set, &opt, rules, 2, both, &err))
        fail_msg("%s", err.message);
    for (int r = 0; r < 2; r++) {
        opt.analysis.engage.launch_on = rules[r];
        if (bmd_mc_run(&scn, &set, &opt, &one, &err))
            fail_msg("%s", err.message);
        assert_int_equal(both[r].threat_draws, 2);
        assert_same_statistics(&both[r], &one);
        bmd_mc_free(&one);
        bmd_mc_free(&both[r]);
    }
    bmd_param_set_free(&set);
    bmd_scenario_free(&scn);
}

/* A verdict hanging on one missile parameter through one threshold: the K-point LHS puts one draw
 * in each of K equal strata of its band, so the fraction of draws on one side is within 1/K of the
 * band's fraction, and the N-point design's within 1/N: |p_K - p_N| <= 1/K + 1/N (McKay, Beckman,
 * Conover 1979 stratification; exact, not a confidence bound). */
static void fewer_threat_draws_agree_with_one_per_sample_within_the_lhs_bound(void **state)
{
    (void)state;
    bmd_scenario scn;
    bmd_param_set set;
    open_case(&scn, &set, 1);
    const long n = 24, k = 6;
    bmd_mc_result few, all;
    run(&scn, &set, n, k, 0, &few);
    run(&scn, &set, n, n, 0, &all);
    const double bound = 1.0 / (double)k + 1.0 / (double)n;
    int fractional = 0;
    for (int p = 0; p < all.n_pairs; p++) {
        printf("# pair %d: P(>=1) %.3f with K = %ld, %.3f with K = N = %ld\n", p,
               few.pairs[p].p_one, k, all.pairs[p].p_one, n);
        fractional += all.pairs[p].p_one > 0 && all.pairs[p].p_one < 1;
        if (fabs(few.pairs[p].p_one - all.pairs[p].p_one) > bound + 1e-12)
            fail_msg("pair %d: P(>=1) with K = %ld: %.4f, with K = N = %ld: %.4f; expected "
                     "within %.4f", p, k, few.pairs[p].p_one, n, all.pairs[p].p_one, bound);
    }
    if (!fractional)
        fail_msg("expected a pair that flips inside the burn-time band (0 < P < 1); none");
    bmd_mc_free(&few);
    bmd_mc_free(&all);
    bmd_param_set_free(&set);
    bmd_scenario_free(&scn);
}

static void threat_draws_outside_zero_to_n_are_refused_naming_the_field(void **state)
{
    (void)state;
    bmd_scenario scn;
    bmd_param_set set;
    open_case(&scn, &set, 1);
    bmd_mc_options opt;
    options(&opt, 3, 4, 0);
    bmd_mc_result r;
    bmd_error err = {0};
    assert_int_equal(bmd_mc_run(&scn, &set, &opt, &r, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "threat_draws 4"));
    opt.threat_draws = -1;
    assert_int_equal(bmd_mc_run(&scn, &set, &opt, &r, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "threat_draws -1"));
    bmd_param_set_free(&set);
    bmd_scenario_free(&scn);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(threat_draws_outside_zero_to_n_are_refused_naming_the_field),
        cmocka_unit_test(k_equal_to_n_keeps_the_n_point_design_on_the_fast_and_plain_paths),
        cmocka_unit_test(fewer_threat_draws_fly_k_threats_and_keep_the_defence_columns),
        cmocka_unit_test(a_block_of_samples_gives_the_records_of_the_whole_run),
        cmocka_unit_test(the_rules_run_on_the_crossed_design_gives_each_rules_own_run),
        cmocka_unit_test(fewer_threat_draws_agree_with_one_per_sample_within_the_lhs_bound),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
