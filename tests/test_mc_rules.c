/* Tests of bmd_mc_run_rules (the engage Monte Carlo for several launch-on rules in one run, each
 * sample flying its threats and building its tables once): each rule's result is the result of
 * its own bmd_mc_run bit for bit, on the fast and on the plain path, with threats re-flown,
 * tables rebuilt and radars varied; the rules differ on the case (else the comparison could not
 * fail); bad rule lists are refused naming what is allowed. */
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

/* One MRBM, a ship near its track (engages in some samples), two far sites (the case of
 * test_mc_fast.c). */
static const char case_yaml[] = BMD_TEST_FAST_PATH_YAML;

static const char *const vary[] = {
    "interceptor.burnout_speed_m_s=2000:4000", /* tables rebuilt */
    "radar.detection_range_m=150000:600000",
    "missile.payload.rv_mass_kg=900:1100",     /* threats re-flown */
};

static void options(int plain, long n, bmd_mc_options *opt)
{
    bmd_mc_options_init(opt);
    opt->samples = n;
    opt->seed = 7;
    opt->threads = 1;
    opt->plain = plain;
    /* coarse tables keep the test short; every run uses them */
    opt->analysis.flyout.n_elevations = 61;
    opt->analysis.flyout.n_range = 81;
    opt->analysis.flyout.n_altitude = 61;
    opt->analysis.flyout.sample_dt_s = 2.0;
}

static void params(const bmd_scenario *scn, bmd_param_set *set)
{
    bmd_error err = {0};
    memset(set, 0, sizeof *set);
    for (size_t k = 0; k < sizeof vary / sizeof *vary; k++)
        if (bmd_param_set_vary_in(set, scn, vary[k], &err))
            fail_msg("%s", err.message);
}

/* Every statistic of a and b is the same bit pattern (NAN quantiles included). */
static void assert_same_statistics(const bmd_mc_result *a, const bmd_mc_result *b)
{
    assert_int_equal(a->n_pairs, b->n_pairs);
    assert_int_equal(a->n, b->n);
    assert_int_equal(memcmp(a->values, b->values, (size_t)(a->n * a->params.n) * sizeof *a->values), 0);
    for (long i = 0; i < a->n * a->n_pairs; i++)
        if (a->shots[i] != b->shots[i])
            fail_msg("sample %ld pair %ld: %d shot opportunities expected (plain), %d found",
                     i / a->n_pairs, i % a->n_pairs, a->shots[i], b->shots[i]);
    for (int p = 0; p < a->n_pairs; p++)
        if (memcmp(&a->pairs[p], &b->pairs[p], sizeof a->pairs[p]) != 0)
            fail_msg("pair %d: statistics differ (P(>=1) %.17g vs %.17g, median altitude %.17g "
                     "vs %.17g m)", p, a->pairs[p].p_one, b->pairs[p].p_one,
                     a->pairs[p].altitude_q_m[2], b->pairs[p].altitude_q_m[2]);
    assert_int_equal(memcmp(a->s1, b->s1, (size_t)(a->n_pairs * a->params.n) * sizeof *a->s1), 0);
}

static const bmd_launch_on rules[BMD_LAUNCH_ON_COUNT] = {0, 1, 2};

/* bmd_mc_run with launch_on rule (the reference of rule's result). */
static void run_one(const bmd_scenario *scn, const bmd_param_set *set, int plain, long n,
                    bmd_launch_on rule, bmd_mc_result *r)
{
    bmd_mc_options opt;
    options(plain, n, &opt);
    opt.analysis.rules_from_scenario = 0;
    opt.analysis.engage.launch_on = rule;
    bmd_error err = {0};
    if (bmd_mc_run(scn, set, &opt, r, &err))
        fail_msg("%s", err.message);
}

static void check_rules_match_separate_runs(int plain)
{
    bmd_scenario scn;
    bmd_test_open_scenario(case_yaml, &scn);
    bmd_param_set set;
    params(&scn, &set);
    const long n = 5;
    bmd_mc_options opt;
    options(plain, n, &opt);
    bmd_mc_result all[BMD_LAUNCH_ON_COUNT];
    bmd_error err = {0};
    if (bmd_mc_run_rules(&scn, &set, &opt, rules, BMD_LAUNCH_ON_COUNT, all, &err))
        fail_msg("%s", err.message);
    long tables = 0;
    for (int r = 0; r < BMD_LAUNCH_ON_COUNT; r++) {
        bmd_mc_result one;
        run_one(&scn, &set, plain, n, rules[r], &one);
        printf("# launch on %s: P(>=1) at the near site %.3f (separate run %.3f)\n",
               bmd_launch_on_name(rules[r]), all[r].pairs[0].p_one, one.pairs[0].p_one);
        assert_same_statistics(&one, &all[r]);
        for (int p = 0; p < one.n_pairs; p++)
            if (one.pairs[p].nominal_shots != all[r].pairs[p].nominal_shots)
                fail_msg("rule %d pair %d: nominal shots %g expected, %g found", r, p,
                         one.pairs[p].nominal_shots, all[r].pairs[p].nominal_shots);
        if (!plain)
            assert_int_equal(one.pairs_determined, all[r].pairs_determined);
        tables += all[r].tables_built;
        bmd_mc_free(&one);
    }
    /* the rules must give different shots somewhere, else the test could not fail */
    int differ = 0;
    for (long i = 0; i < n * all[0].n_pairs; i++)
        differ |= all[0].shots[i] != all[1].shots[i] || all[0].shots[i] != all[2].shots[i];
    if (!differ)
        fail_msg("the three launch-on rules gave the same shots in every sample: the case does "
                 "not tell them apart");
    if (!plain) /* one table per sample at most (the near site's; the IIA's is never needed) */
        assert_true(tables <= n);
    for (int r = 0; r < BMD_LAUNCH_ON_COUNT; r++)
        bmd_mc_free(&all[r]);
    bmd_param_set_free(&set);
    bmd_scenario_free(&scn);
}

static void each_rule_of_one_run_equals_its_own_run_bit_for_bit_on_the_fast_path(void **state)
{
    (void)state;
    check_rules_match_separate_runs(0);
}

static void each_rule_of_one_run_equals_its_own_run_bit_for_bit_on_the_plain_path(void **state)
{
    (void)state;
    check_rules_match_separate_runs(1);
}

static void a_run_without_rules_or_with_an_unknown_rule_is_refused(void **state)
{
    (void)state;
    bmd_scenario scn;
    bmd_test_open_scenario(case_yaml, &scn);
    bmd_mc_options opt;
    options(0, 2, &opt);
    bmd_mc_result out[BMD_LAUNCH_ON_COUNT];
    bmd_error err = {0};
    assert_int_equal(bmd_mc_run_rules(&scn, NULL, &opt, rules, 0, out, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "allowed 1 to"));
    const bmd_launch_on bad[2] = {0, (bmd_launch_on)7};
    assert_int_equal(bmd_mc_run_rules(&scn, NULL, &opt, bad, 2, out, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "rule 1 is 7"));
    assert_null(out[0].pairs);
    bmd_scenario_free(&scn);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_rule_of_one_run_equals_its_own_run_bit_for_bit_on_the_fast_path),
        cmocka_unit_test(each_rule_of_one_run_equals_its_own_run_bit_for_bit_on_the_plain_path),
        cmocka_unit_test(a_run_without_rules_or_with_an_unknown_rule_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
