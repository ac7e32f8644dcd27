/* Tests of the engage Monte Carlo's fast path (bmd_mc_run with opt.plain = 0: flyout tables built
 * only when a pair is engaged with them, pairs whose threat never comes within the site's
 * fire-control radar reach not engaged): the same statistics, bit for bit, as the plain path that
 * runs the full bmd_analysis_run per sample, with threats re-flown, tables rebuilt and radars
 * varied; the same bytes on 1 and 2 threads; and the certainty test bmd_engage_fcr_never against
 * bmd_engage on the scenario's pairs. */
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

/* One MRBM; a ship near its track (engages in some samples), two sites in northern Europe whose
 * fire-control radars never see it (one of them the only SM-3 IIA: its table is never needed). */
static const char case_yaml[] = BMD_TEST_FAST_PATH_YAML;

static const char *const vary[] = {
    "interceptor.burnout_speed_m_s=2000:4000", /* tables rebuilt */
    "radar.detection_range_m=150000:600000",
    "missile.payload.rv_mass_kg=900:1100",     /* threats re-flown */
};

static void run(const bmd_scenario *scn, int plain, int threads, long n, bmd_mc_result *r)
{
    bmd_param_set set = {0};
    bmd_error err = {0};
    for (size_t k = 0; k < sizeof vary / sizeof *vary; k++)
        if (bmd_param_set_vary_in(&set, scn, vary[k], &err))
            fail_msg("%s", err.message);
    bmd_mc_options opt;
    bmd_mc_options_init(&opt);
    opt.samples = n;
    opt.seed = 7;
    opt.threads = threads;
    opt.plain = plain;
    /* coarse tables keep the test short; both paths use them */
    opt.analysis.flyout.n_elevations = 61;
    opt.analysis.flyout.n_range = 81;
    opt.analysis.flyout.n_altitude = 61;
    opt.analysis.flyout.sample_dt_s = 2.0;
    if (bmd_mc_run(scn, &set, &opt, r, &err))
        fail_msg("%s", err.message);
    bmd_param_set_free(&set);
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

static void the_fast_path_gives_the_statistics_of_the_plain_path_bit_for_bit(void **state)
{
    (void)state;
    bmd_scenario scn;
    bmd_test_open_scenario(case_yaml, &scn);
    bmd_mc_result plain, fast;
    const long n = 6;
    run(&scn, 1, 1, n, &plain);
    run(&scn, 0, 1, n, &fast);
    assert_true(plain.reflown && plain.rebuilt);
    assert_same_statistics(&plain, &fast);
    /* The case must exercise both savings, and the near site must engage in some sample (else
     * the comparison would be between two columns of zeros). */
    printf("# fast path: %ld pair evaluations skipped, %ld tables built (plain: %ld)\n",
           fast.pairs_determined, fast.tables_built, 2 * n);
    assert_true(fast.pairs_determined >= n);     /* north-sea at least, every sample */
    assert_true(fast.tables_built <= n);         /* never the SM-3 IIA's */
    assert_true(fast.pairs[0].p_one > 0);
    bmd_mc_free(&plain);
    bmd_mc_free(&fast);
    bmd_scenario_free(&scn);
}

static void the_fast_path_gives_the_same_bytes_on_one_and_two_threads(void **state)
{
    (void)state;
    bmd_scenario scn;
    bmd_test_open_scenario(case_yaml, &scn);
    bmd_mc_result a, b;
    run(&scn, 0, 1, 4, &a);
    run(&scn, 0, 2, 4, &b);
    assert_same_statistics(&a, &b);
    assert_int_equal(a.pairs_determined, b.pairs_determined);
    assert_int_equal(a.tables_built, b.tables_built);
    bmd_mc_free(&a);
    bmd_mc_free(&b);
    bmd_scenario_free(&scn);
}

/* Where bmd_engage_fcr_never is certain, bmd_engage finds no geometry with the FCR required; it
 * is certain for the far sites and not for the near one (whose radar sees the threat). */
static void the_certainty_test_agrees_with_the_engagement(void **state)
{
    (void)state;
    bmd_scenario scn;
    bmd_test_open_scenario(case_yaml, &scn);
    bmd_analysis_options ao;
    bmd_analysis_options_init(&ao);
    ao.threads = 1;
    ao.required_speed = 0;
    bmd_analysis an;
    bmd_error err = {0};
    if (bmd_analysis_run(&scn, &ao, &an, &err))
        fail_msg("%s", err.message);
    const int expect_certain[3] = {0, 1, 1};
    for (int s = 0; s < 3; s++) {
        const bmd_analysis_pair *p = bmd_analysis_pair_at(&an, 0, s);
        const bmd_scenario_site *site = &scn.sites[s];
        bmd_defense_site ds = {site->site.lat_rad, site->site.lon_rad, site->site.height_m, NULL,
                               site->count, &site->radar.entry.radar};
        int never = bmd_engage_fcr_never(&scn.earth, &p->prepared, &ds, &an.opt.engage);
        if (never != expect_certain[s])
            fail_msg("site %s: certainty %d expected, %d found", site->name, expect_certain[s],
                     never);
        if (never && (p->engagement.engageable || !isnan(p->engagement.reach_first_s)))
            fail_msg("site %s: certain of no FCR coverage, but the engagement has geometry "
                     "(reason %d)", site->name, (int)p->engagement.reason);
        /* without the FCR requirement there is nothing to be certain of */
        bmd_engage_options o = an.opt.engage;
        o.require_fcr_coverage = 0;
        assert_int_equal(bmd_engage_fcr_never(&scn.earth, &p->prepared, &ds, &o), 0);
    }
    bmd_analysis_free(&an);
    bmd_scenario_free(&scn);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_fast_path_gives_the_statistics_of_the_plain_path_bit_for_bit),
        cmocka_unit_test(the_fast_path_gives_the_same_bytes_on_one_and_two_threads),
        cmocka_unit_test(the_certainty_test_agrees_with_the_engagement),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
