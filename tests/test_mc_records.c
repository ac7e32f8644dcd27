/* Tests of the split of bmd_mc_run (bmd/montecarlo.h): the records of blocks of samples computed
 * separately (as MPI ranks do), put together in sample order and reduced, give exactly the bytes
 * of bmd_mc_run, for any split of the samples; blocks outside the run are refused. */
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

/* One MRBM against a site near its target and one far from it (never in reach). */
static const char case_yaml[] =
    "kind: scenario\n"
    "title: \"mc records test\"\n"
    "timeline: {detect_to_track_s: 20, track_to_decision_s: 7, decision_to_launch_s: 3, "
    "kill_assessment_s: 30}\n"
    "sensors:\n"
    "  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 5}, notional: true, note: t}\n"
    "sites:\n"
    "  - {name: near, at: [38.0, 42.5], interceptor: sm-3-block-iia, count: 4, cue: [sbirs], "
    "notional: true, note: t}\n"
    "  - {name: far, at: [58.0, 2.0], interceptor: sm-3-block-iia, count: 8, radar: spy-1d, "
    "cue: [sbirs], notional: true, note: t}\n"
    "threats:\n"
    "  - {name: mrbm, missile: shahab-3-class, from: [35.5, 51.0], to: [37.5, 41.5], "
    "notional: true, note: t}\n";

enum { N = 7 };

static void setup_run(bmd_scenario *scn, bmd_param_set *set, bmd_mc_options *opt)
{
    bmd_test_open_scenario(case_yaml, scn);
    bmd_error err = {0};
    memset(set, 0, sizeof *set);
    /* an interceptor parameter (tables rebuilt per sample) and a rules one, in a Latin
     * hypercube of N points (its strata depend on N) */
    if (bmd_param_set_vary_in(set, scn, "interceptor.burnout_speed_m_s=500:3000", &err) ||
        bmd_param_set_vary_in(set, scn, "rules.total_delay_s=0:300", &err))
        fail_msg("%s", err.message);
    bmd_mc_options_init(opt);
    opt->samples = N;
    opt->seed = 9;
    opt->sampler = BMD_SAMPLER_LHS;
    opt->threads = 1;
}

/* The records of [0, N) from blocks of the given sizes (summing to N), each computed alone. */
static void records_in_blocks(const bmd_scenario *scn, const bmd_param_set *set,
                              const bmd_mc_options *opt, const long *sizes, int n_blocks,
                              bmd_mc_records *all)
{
    bmd_error err = {0};
    if (bmd_mc_records_alloc(all, N, 0, N, scn->n_threats, scn->n_sites, &err))
        fail_msg("%s", err.message);
    long first = 0;
    for (int b = 0; b < n_blocks; b++) {
        bmd_mc_records part;
        if (bmd_mc_records_run(scn, set, opt, first, sizes[b], &part, &err))
            fail_msg("block %d: %s", b, err.message);
        assert_int_equal(part.first, first);
        assert_int_equal(part.count, sizes[b]);
        memcpy(all->rec + first * all->n_pairs, part.rec,
               (size_t)(sizes[b] * part.n_pairs) * sizeof *part.rec);
        memcpy(all->nominal_shots, part.nominal_shots,
               (size_t)part.n_pairs * sizeof *part.nominal_shots);
        all->pairs_determined += part.pairs_determined;
        all->tables_built += part.tables_built;
        first += sizes[b];
        bmd_mc_records_free(&part);
    }
    assert_int_equal(first, N);
}

static void assert_same_result(const bmd_mc_result *a, const bmd_mc_result *b)
{
    assert_int_equal(a->n, b->n);
    assert_int_equal(a->n_pairs, b->n_pairs);
    assert_int_equal(a->params.n, b->params.n);
    assert_int_equal(a->reflown, b->reflown);
    assert_int_equal(a->rebuilt, b->rebuilt);
    assert_int_equal(a->pairs_determined, b->pairs_determined);
    assert_int_equal(a->tables_built, b->tables_built);
    size_t d = (size_t)(a->params.n > 0 ? a->params.n : 1);
    if (memcmp(a->values, b->values, (size_t)a->n * d * sizeof *a->values))
        fail_msg("design values differ");
    if (memcmp(a->shots, b->shots, (size_t)(a->n * a->n_pairs) * sizeof *a->shots))
        fail_msg("per-sample shot counts differ");
    if (memcmp(a->s1, b->s1, (size_t)a->n_pairs * d * sizeof *a->s1))
        fail_msg("first-order indices differ");
    for (int p = 0; p < a->n_pairs; p++)
        if (memcmp(&a->pairs[p], &b->pairs[p], sizeof a->pairs[p]))
            fail_msg("pair %d: statistics differ (P(>=1) expected %.17g, actual %.17g)", p,
                     a->pairs[p].p_one, b->pairs[p].p_one);
}

static void blocks_of_any_split_reduce_to_the_bytes_of_bmd_mc_run(void **state)
{
    (void)state;
    bmd_scenario scn;
    bmd_param_set set;
    bmd_mc_options opt;
    setup_run(&scn, &set, &opt);
    bmd_mc_result ref;
    bmd_error err = {0};
    if (bmd_mc_run(&scn, &set, &opt, &ref, &err))
        fail_msg("%s", err.message);
    /* the run is not trivial: the near site engages in some samples and not in all */
    const bmd_mc_pair *near = bmd_mc_pair_at(&ref, 0, 0);
    if (!(near->p_one > 0 && near->p_one < 1))
        fail_msg("P(>=1) of the near site: expected inside (0, 1), actual %g", near->p_one);
    assert_true(ref.pairs_determined > 0); /* the far site: skipped, summed over blocks */
    static const long two[] = {4, 3}, three[] = {3, 0, 4}, seven[] = {1, 1, 1, 1, 1, 1, 1};
    /* (one block of N is bmd_mc_run itself) */
    const long *splits[] = {two, three, seven};
    const int n_blocks[] = {2, 3, 7};
    for (int s = 0; s < 3; s++) {
        bmd_mc_records all;
        records_in_blocks(&scn, &set, &opt, splits[s], n_blocks[s], &all);
        bmd_mc_result r;
        if (bmd_mc_reduce(&set, &opt, &all, &r, &err))
            fail_msg("split %d: %s", s, err.message);
        assert_same_result(&ref, &r);
        bmd_mc_free(&r);
        bmd_mc_records_free(&all);
    }
    bmd_mc_free(&ref);
    bmd_param_set_free(&set);
    bmd_scenario_free(&scn);
}

static void a_block_outside_the_run_or_a_partial_reduce_is_refused(void **state)
{
    (void)state;
    bmd_scenario scn;
    bmd_param_set set;
    bmd_mc_options opt;
    setup_run(&scn, &set, &opt);
    bmd_mc_records part;
    bmd_error err = {0};
    assert_int_equal(bmd_mc_records_run(&scn, &set, &opt, N - 2, 3, &part, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "[5, 8)"));
    assert_null(part.rec);
    assert_int_equal(bmd_mc_records_run(&scn, &set, &opt, -1, 1, &part, &err), BMD_EINVAL);
    /* a block of the run that is not all of it cannot be reduced */
    if (bmd_mc_records_alloc(&part, N, 0, N - 1, scn.n_threats, scn.n_sites, &err))
        fail_msg("%s", err.message);
    bmd_mc_result r;
    assert_int_equal(bmd_mc_reduce(&set, &opt, &part, &r, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "every sample [0, 7)"));
    assert_null(r.pairs);
    bmd_mc_records_free(&part);
    /* records of another N */
    if (bmd_mc_records_alloc(&part, N + 1, 0, N + 1, scn.n_threats, scn.n_sites, &err))
        fail_msg("%s", err.message);
    assert_int_equal(bmd_mc_reduce(&set, &opt, &part, &r, &err), BMD_EINVAL);
    bmd_mc_records_free(&part);
    bmd_param_set_free(&set);
    bmd_scenario_free(&scn);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(blocks_of_any_split_reduce_to_the_bytes_of_bmd_mc_run),
        cmocka_unit_test(a_block_outside_the_run_or_a_partial_reduce_is_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
