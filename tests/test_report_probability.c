/* Tests of the report's per-pair probability table (bmd/report.h, report_probability.c): the 95 %
 * Wilson interval against textbook values, the plain-language reading of a probability, a
 * parameter that cannot change a verdict giving exactly the nominal P = 0 or 1 under every
 * launch-on rule, identical tables on 1 and 2 threads, and the table in the report's HTML. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/report.h"
#include "test_support.h"
#include "test_scenario_support.h"

static void the_wilson_interval_matches_textbook_values(void **state)
{
    (void)state;
    double lo, hi;
    /* p = 0.5, n = 100: 0.5 +/- 1.96 sqrt(0.25/100 + 1.96^2/40000) / (1 + 1.96^2/100)
     * = [0.4038, 0.5962] (Wilson 1927; Agresti & Coull 1998, table 1); tolerance 1e-4. */
    bmd_report_wilson95(0.5, 100, &lo, &hi);
    assert_close(lo, 0.4038, 1e-4);
    assert_close(hi, 0.5962, 1e-4);
    /* p = 0, n = 10: [0, z^2 / (n + z^2)] = [0, 3.8415 / 13.8415] = [0, 0.2775]. */
    bmd_report_wilson95(0.0, 10, &lo, &hi);
    assert_close(lo, 0.0, 1e-12);
    assert_close(hi, 0.2775, 1e-4);
    /* p = 1 mirrors p = 0. */
    bmd_report_wilson95(1.0, 10, &lo, &hi);
    assert_close(lo, 1 - 0.2775, 1e-4);
    assert_close(hi, 1.0, 1e-12);
}

static void the_reading_says_always_never_or_uncertain(void **state)
{
    (void)state;
    assert_string_equal(bmd_report_probability_reading(1.0, 4), "always");
    assert_string_equal(bmd_report_probability_reading(0.0, 4), "never");
    /* 9900 of 10000: the interval [0.988, 0.992] lies within 5 points of 1 */
    assert_string_equal(bmd_report_probability_reading(0.99, 10000), "almost always");
    assert_string_equal(bmd_report_probability_reading(0.01, 10000), "almost never");
    /* 15 of 16: the interval [0.72, 0.99] does not */
    assert_string_equal(bmd_report_probability_reading(15.0 / 16, 16), "uncertain");
    assert_string_equal(bmd_report_probability_reading(0.5, 100), "uncertain");
}

static void run_table(const bmd_analysis *an, const char *vary, int threads,
                      bmd_report_probabilities *p)
{
    bmd_param_set set = {0};
    bmd_error err = {0};
    if (bmd_param_set_vary_in(&set, an->scn, vary, &err))
        fail_msg("%s", err.message);
    bmd_mc_options opt;
    bmd_mc_options_init(&opt);
    opt.samples = 4;
    opt.seed = 7;
    opt.sampler = BMD_SAMPLER_MC;
    opt.threads = threads;
    if (bmd_report_probabilities_run(an, &set, &opt, p, &err))
        fail_msg("%s", err.message);
    bmd_param_set_free(&set);
}

static void a_parameter_that_cannot_change_a_verdict_gives_exactly_the_nominal_probability(
    void **state)
{
    (void)state;
    bmd_scenario scn;
    /* the one-pair case: IR cueing only, no radar sees the threat, so the warhead's radar
     * cross-section cannot change any verdict */
    bmd_test_open_scenario(BMD_TEST_ONE_PAIR_YAML, &scn);
    bmd_analysis_options ao;
    bmd_analysis_options_init(&ao);
    ao.required_speed = 0;
    bmd_analysis an;
    bmd_error err = {0};
    if (bmd_analysis_run(&scn, &ao, &an, &err))
        fail_msg("%s", err.message);
    bmd_report_probabilities a, b;
    run_table(&an, "missile.signature.warhead_rcs_m2=0.001:10", 1, &a);
    run_table(&an, "missile.signature.warhead_rcs_m2=0.001:10", 2, &b);
    assert_int_equal(a.n_runs, BMD_LAUNCH_ON_COUNT);
    int engages = 0;
    for (int k = 0; k < a.n_runs; k++) {
        assert_int_equal(a.launch_on[k], k);
        const bmd_mc_pair *mp = bmd_mc_pair_at(&a.runs[k], 0, 0);
        const double want = mp->nominal_shots >= 1 ? 1.0 : 0.0;
        if (mp->p_one != want)
            fail_msg("launch on %s: P(>=1) %g, expected exactly %g (nominal shots %g)",
                     bmd_launch_on_name((bmd_launch_on)k), mp->p_one, want, mp->nominal_shots);
        assert_int_equal(mp->n_evaluated, 4);
        engages += want == 1.0;
        /* 1 and 2 threads: the same bytes */
        assert_int_equal(memcmp(a.runs[k].pairs, b.runs[k].pairs, sizeof *a.runs[k].pairs), 0);
        assert_int_equal(memcmp(a.runs[k].shots, b.runs[k].shots, 4 * sizeof(int)), 0);
    }
    /* the case is not trivial: at least one rule engages (IR track) and one does not (a radar
     * track, with no radar) */
    assert_true(engages >= 1 && engages < BMD_LAUNCH_ON_COUNT);

    /* the report's HTML carries the table with one row per rule and the reading */
    bmd_report_options ro = {"bmdsim test", NULL, "bmdsim test", NULL, NULL};
    bmd_report *rep = NULL;
    char *html = NULL;
    if (bmd_report_begin(&rep, &an, NULL, &ro, &err) ||
        bmd_report_add_probabilities(rep, &a, &err) || bmd_report_html(rep, &html, &err))
        fail_msg("%s", err.message);
    const char *sec = strstr(html, "id=\"probabilities\"");
    assert_non_null(sec);
    assert_non_null(strstr(sec, "4 samples per launch-on rule, mc sampler"));
    assert_non_null(strstr(sec, "seed 7"));
    assert_non_null(strstr(sec, "missile.signature.warhead_rcs_m2 ~ uniform(0.001, 10)"));
    assert_non_null(strstr(sec, "<td>always</td>"));
    assert_non_null(strstr(sec, "<td>never</td>"));
    assert_non_null(strstr(sec, "No finding is uncertain"));
    free(html);
    bmd_report_free(rep);
    bmd_report_probabilities_free(&a);
    bmd_report_probabilities_free(&b);
    bmd_analysis_free(&an);
    bmd_scenario_free(&scn);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_wilson_interval_matches_textbook_values),
        cmocka_unit_test(the_reading_says_always_never_or_uncertain),
        cmocka_unit_test(a_parameter_that_cannot_change_a_verdict_gives_exactly_the_nominal_probability),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
