/* Tests of the required-speed search's shortcuts (bmd_speed_cache, engagement_speed_cache.c, and
 * the fire-control-radar short cut of engagement_speed.c) against the plain search
 * (bmd_required_speed_options.reference): the answers must be bit for bit the same. A small
 * table (31 elevations, 41 x 31 nodes, 4 s states) keeps the tests short; the claim does not
 * depend on the table's size. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/analysis.h"
#include "bmd/montecarlo.h"
#include "bmd/units.h"
#include "defense/interceptor_internal.h"
#include "test_scenario_support.h"

/* As scenarios/europe.yaml: an MRBM (Tabriz->Ankara) and an ICBM (Kozelsk->Washington) against
 * three sites with SPY-1 radars; from the Black Sea the MRBM is engageable (a scan and a
 * bisection), Redzikowo's radar never sees either threat (the short cut), a site without a
 * radar near Cape Town cannot reach either at any speed within its 600 s flyout (the whole
 * scan). */
static const char case_yaml[] =
    "kind: scenario\n"
    "title: \"required speed cache\"\n"
    "timeline: {detect_to_track_s: 30, track_to_decision_s: 30, decision_to_launch_s: 10, "
    "kill_assessment_s: 60}\n"
    "sensors:\n"
    "  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 30}, notional: true, note: t}\n"
    "sites:\n"
    "  - {name: redzikowo, at: [54.479, 17.109], interceptor: sm-3-block-iia, count: 24, "
    "radar: spy-1d, cue: [sbirs], notional: true, note: t}\n"
    "  - {name: deveselu, at: [44.050, 24.383], interceptor: sm-3-block-ib, count: 24, "
    "radar: spy-1d, cue: [sbirs], notional: true, note: t}\n"
    "  - {name: aegis-black-sea, at: [43.3, 31.0], interceptor: sm-3-block-ib, count: 8, "
    "radar: spy-1d, cue: [sbirs], notional: true, note: t}\n"
    "  - {name: cape-town-no-radar, at: [-34.0, 18.5], interceptor: sm-3-block-ib, count: 24, "
    "cue: [sbirs], notional: true, note: t}\n"
    "threats:\n"
    "  - {name: tabriz-ankara, missile: shahab-3-class, set: {payload.rv_mass_kg: 500}, "
    "from: [38.08, 46.29], to: [39.93, 32.86], notional: true, note: t}\n"
    "  - {name: kozelsk-washington, missile: rs-24-yars-class, from: [54.03, 35.78], "
    "to: [38.90, -77.04], notional: true, note: t}\n";

typedef struct fixture {
    bmd_scenario scn;
    bmd_analysis an; /* with the required speeds: the analysis' cache and short cut */
} fixture;

static void small_table(bmd_flyout_options *fo)
{
    fo->n_elevations = 31;
    fo->n_range = 41;
    fo->n_altitude = 31;
    fo->sample_dt_s = 4.0;
}

static int setup(void **state)
{
    fixture *fx = calloc(1, sizeof *fx);
    assert_non_null(fx);
    bmd_test_open_scenario(case_yaml, &fx->scn);
    bmd_error err = {0};
    bmd_analysis_options opt;
    bmd_analysis_options_init(&opt);
    opt.required_speed = 1;
    opt.threads = 2; /* two threads share the cache */
    small_table(&opt.speed.flyout);
    if (bmd_analysis_run(&fx->scn, &opt, &fx->an, &err))
        fail_msg("%s", err.message);
    *state = fx;
    return 0;
}

static int teardown(void **state)
{
    fixture *fx = *state;
    bmd_analysis_free(&fx->an);
    bmd_scenario_free(&fx->scn);
    free(fx);
    return 0;
}

static bmd_defense_site site_of(const fixture *fx, int si)
{
    const bmd_scenario_site *s = &fx->scn.sites[si];
    bmd_defense_site ds = {s->site.lat_rad, s->site.lon_rad, s->site.height_m,
                           &fx->an.flyouts[fx->an.site_flyout[si]].table, s->count,
                           s->has_radar ? &s->radar.entry.radar : NULL};
    return ds;
}

/* The search of pair p with options ro (cache and reference set by the caller). */
static bmd_required_speed search(const fixture *fx, const bmd_analysis_pair *p,
                                 const bmd_required_speed_options *ro)
{
    bmd_defense_site ds = site_of(fx, p->site);
    bmd_required_speed rs;
    bmd_error err = {0};
    if (bmd_engage_required_speed(&fx->scn.earth, &p->prepared, &ds, &p->timeline,
                                  &fx->an.opt.engage, ro, &rs, &err))
        fail_msg("required speed: %s", err.message);
    return rs;
}

/* Every field of the answer but the counters, bit for bit. */
static void assert_same_answer(const char *what, const bmd_required_speed *a,
                               const bmd_required_speed *ref)
{
    if (a->possible != ref->possible || a->feasible_at_lo != ref->feasible_at_lo ||
        a->site_engages != ref->site_engages || a->from_site != ref->from_site ||
        a->reason_at_hi != ref->reason_at_hi ||
        memcmp(&a->speed_m_s, &ref->speed_m_s, sizeof(double)) ||
        memcmp(&a->site_speed_m_s, &ref->site_speed_m_s, sizeof(double)))
        fail_msg("%s: expected possible %d speed %.17g m/s (at lo %d, site %d/%d, reason %s), "
                 "got possible %d speed %.17g m/s (at lo %d, site %d/%d, reason %s)", what,
                 ref->possible, ref->speed_m_s, ref->feasible_at_lo, ref->site_engages,
                 ref->from_site, bmd_engage_reason_name(ref->reason_at_hi), a->possible,
                 a->speed_m_s, a->feasible_at_lo, a->site_engages, a->from_site,
                 bmd_engage_reason_name(a->reason_at_hi));
}

static void the_analysis_with_its_cache_answers_every_pair_as_the_plain_search(void **state)
{
    const fixture *fx = *state;
    bmd_required_speed_options ref = fx->an.opt.speed;
    ref.reference = 1;
    int tables = 0, flown = 0, bisected = 0, short_cut = 0, whole_scan = 0;
    for (int i = 0; i < fx->an.n_threats * fx->an.n_sites; i++) {
        const bmd_analysis_pair *p = &fx->an.pairs[i];
        assert_int_equal(p->status, BMD_ANALYSIS_EVALUATED);
        assert_true(p->has_required_speed);
        const bmd_required_speed r = search(fx, p, &ref);
        char what[160];
        snprintf(what, sizeof what, "%s from %s", fx->scn.threats[p->threat].name,
                 fx->scn.sites[p->site].name);
        assert_same_answer(what, &p->required, &r);
        assert_false(r.fcr_never); /* the reference never takes the short cut */
        assert_int_equal(r.n_fans_flown, r.n_tables);
        tables += p->required.n_tables;
        flown += p->required.n_fans_flown;
        bisected += p->required.possible && !p->required.feasible_at_lo;
        short_cut += p->required.fcr_never;
        whole_scan += !p->required.possible && !p->required.fcr_never;
    }
    print_message("cache: %d tables, %d fans flown; %d bisected, %d short cuts, %d whole scans\n",
                  tables, flown, bisected, short_cut, whole_scan);
    /* every path taken: the test can fail on each */
    assert_true(bisected >= 1);
    assert_true(short_cut >= 1);
    assert_true(whole_scan >= 1);
    /* the pairs of one site share the scan's fans: fewer fans than tables */
    if (!(flown < tables))
        fail_msg("expected fewer fans flown than tables with the cache, got %d of %d", flown,
                 tables);
}

static void a_cache_too_small_for_any_fan_still_gives_the_plain_answer(void **state)
{
    const fixture *fx = *state;
    const bmd_analysis_pair *p = bmd_analysis_pair_at(&fx->an, 0, 2); /* engageable: bisection */
    assert_non_null(p);
    assert_true(p->required.possible);
    bmd_required_speed_options ro = fx->an.opt.speed, ref = fx->an.opt.speed;
    ref.reference = 1;
    ro.cache = bmd_speed_cache_new(1);
    assert_non_null(ro.cache);
    const bmd_required_speed a = search(fx, p, &ro), r = search(fx, p, &ref);
    bmd_speed_cache_free(ro.cache);
    assert_same_answer("tabriz-ankara from aegis-black-sea, 1-byte cache", &a, &r);
    assert_int_equal(a.n_fans_flown, a.n_tables); /* nothing kept, nothing reused */
}

static void a_table_rasterised_from_a_kept_fan_is_the_table_flyout_build_makes(void **state)
{
    (void)state;
    bmd_earth earth;
    bmd_earth_init_wgs84(&earth);
    bmd_interceptor ic;
    bmd_interceptor_init(&ic);
    ic.burnout_speed_m_s = 4500.0;
    ic.burn_time_s = 60.0;
    ic.min_altitude_m = 100e3;
    bmd_flyout_options fo;
    bmd_flyout_options_init(&fo);
    small_table(&fo);
    fo.site.lat_rad = 54.479 * BMD_PI / 180;
    fo.site.lon_rad = 17.109 * BMD_PI / 180;
    fo.site.azimuth_rad = 1.0;
    bmd_error err = {0};
    bmd_ic_fan *fan = NULL;
    assert_int_equal(bmd_ic_fan_fly(&fan, &earth, &ic, &fo, &err), BMD_SUCCESS);
    const double extents[3][2] = {{0, 0}, {2000e3, 800e3}, {700e3, 300e3}};
    for (int k = 0; k < 3; k++) {
        fo.range_max_m = extents[k][0];
        fo.altitude_max_m = extents[k][1];
        bmd_flyout a, b;
        assert_int_equal(bmd_flyout_build(&a, &earth, &ic, &fo, &err), BMD_SUCCESS);
        assert_int_equal(bmd_ic_flyout_from_fan(&b, fan, fo.range_max_m, fo.altitude_max_m, &err),
                         BMD_SUCCESS);
        const size_t n = (size_t)a.n_range * a.n_altitude * sizeof(double);
        assert_int_equal(a.n_range, b.n_range);
        assert_int_equal(a.n_altitude, b.n_altitude);
        assert_true(a.n_states == b.n_states && a.n_trajectories == b.n_trajectories);
        if (memcmp(&a.range_max_m, &b.range_max_m, sizeof(double)) ||
            memcmp(&a.altitude_max_m, &b.altitude_max_m, sizeof(double)) ||
            memcmp(a.t_s, b.t_s, n) || memcmp(a.speed_m_s, b.speed_m_s, n) ||
            memcmp(a.gamma_rad, b.gamma_rad, n))
            fail_msg("extent %g x %g m: the table from the fan differs from bmd_flyout_build's "
                     "(grid %g x %g m expected, %g x %g m got)", extents[k][0], extents[k][1],
                     a.range_max_m, a.altitude_max_m, b.range_max_m, b.altitude_max_m);
        bmd_flyout_free(&a);
        bmd_flyout_free(&b);
    }
    bmd_ic_fan_free(fan);
}

/* As tests/test_mc_fast.c: an MRBM, a ship near its track and two sites whose radars never see
 * it. */
static const char mc_yaml[] =
    "kind: scenario\n"
    "title: \"mc required speed\"\n"
    "timeline: {detect_to_track_s: 20, track_to_decision_s: 7, decision_to_launch_s: 3, "
    "kill_assessment_s: 30}\n"
    "sensors:\n"
    "  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 5}, notional: true, note: t}\n"
    "sites:\n"
    "  - {name: near, at: [38.0, 42.5], interceptor: sm-3-block-ib, count: 4, radar: spy-1d, "
    "cue: [sbirs], notional: true, note: t}\n"
    "  - {name: north-sea, at: [58.0, 2.0], interceptor: sm-3-block-iia, count: 8, radar: spy-1d, "
    "cue: [sbirs], notional: true, note: t}\n"
    "threats:\n"
    "  - {name: mrbm, missile: shahab-3-class, from: [35.5, 51.0], to: [37.5, 41.5], "
    "notional: true, note: t}\n";

static void mc_run(const bmd_scenario *scn, int plain, bmd_mc_result *r)
{
    bmd_param_set set = {0};
    bmd_error err = {0};
    if (bmd_param_set_vary_in(&set, scn, "interceptor.burnout_speed_m_s=2000:4000", &err) ||
        bmd_param_set_vary_in(&set, scn, "radar.detection_range_m=150000:600000", &err))
        fail_msg("%s", err.message);
    bmd_mc_options opt;
    bmd_mc_options_init(&opt);
    opt.samples = 3;
    opt.seed = 11;
    opt.threads = 1;
    opt.plain = plain;
    opt.analysis.required_speed = 1;
    opt.analysis.flyout.n_elevations = 61;
    opt.analysis.flyout.n_range = 81;
    opt.analysis.flyout.n_altitude = 61;
    opt.analysis.flyout.sample_dt_s = 2.0;
    small_table(&opt.analysis.speed.flyout);
    if (bmd_mc_run(scn, &set, &opt, r, &err))
        fail_msg("%s", err.message);
    bmd_param_set_free(&set);
}

static void the_fast_monte_carlo_gives_the_required_speeds_of_the_plain_one(void **state)
{
    (void)state;
    bmd_scenario scn;
    bmd_test_open_scenario(mc_yaml, &scn);
    bmd_mc_result plain, fast;
    mc_run(&scn, 1, &plain);
    mc_run(&scn, 0, &fast);
    assert_int_equal(plain.n_pairs, fast.n_pairs);
    for (int p = 0; p < plain.n_pairs; p++)
        if (memcmp(&plain.pairs[p], &fast.pairs[p], sizeof plain.pairs[p]))
            fail_msg("pair %d: statistics differ between the plain and the fast path", p);
    /* the near ship has a required speed in some sample (not two columns of NAN) */
    if (!isfinite(plain.pairs[0].speed_q_m_s[0]))
        fail_msg("expected a required speed for the near site, got none");
    /* the fast path skipped the north-sea pair (its radar never sees the MRBM) in each sample,
     * required speeds included */
    if (!(fast.pairs_determined >= 3))
        fail_msg("expected >= 3 pairs skipped, got %ld", fast.pairs_determined);
    bmd_mc_free(&plain);
    bmd_mc_free(&fast);
    bmd_scenario_free(&scn);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_table_rasterised_from_a_kept_fan_is_the_table_flyout_build_makes),
        cmocka_unit_test(the_analysis_with_its_cache_answers_every_pair_as_the_plain_search),
        cmocka_unit_test(a_cache_too_small_for_any_fan_still_gives_the_plain_answer),
        cmocka_unit_test(the_fast_monte_carlo_gives_the_required_speeds_of_the_plain_one),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
