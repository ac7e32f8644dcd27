/* Tests of bmd/analysis.h: the runner flies the threats, maps the scenario's timeline and cues,
 * reports sites without interceptors and targets beyond reach, gives the same numbers as the
 * engagement module called directly, is identical for one and two threads, and rejects bad
 * input. */
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
#include "bmd/geodesy.h"
#include "test_scenario_support.h"

/* |a - b| <= tol (this cmocka has no assert_double_equal). */
#define assert_near(a, b, tol) assert_true(fabs((double)(a) - (double)(b)) <= (tol))

/* A scenario file written for a test: one MRBM, a site in reach, a site out of reach, a site
 * without interceptors; and a threat beyond its missile's reach. */
static const char case_yaml[] =
    "kind: scenario\n"
    "title: \"analysis test\"\n"
    "timeline: {detect_to_track_s: 20, track_to_decision_s: 7, decision_to_launch_s: 3, "
    "kill_assessment_s: 30}\n"
    "sensors:\n"
    "  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 5}, notional: true, note: t}\n"
    "sites:\n"
    "  - {name: near, at: [38.0, 42.5], interceptor: sm-3-block-iia, count: 4, cue: [sbirs], "
    "notional: true, note: t}\n"
    "  - {name: far, at: [50.0, 10.0], interceptor: sm-3-block-ia, count: 4, cue: [sbirs], "
    "notional: true, note: t}\n"
    "  - {name: empty, at: [40.0, 40.0], interceptor: sm-3-block-iia, count: 0, cue: [sbirs], "
    "notional: true, note: t}\n"
    "threats:\n"
    "  - {name: mrbm, missile: shahab-3-class, from: [35.5, 51.0], to: [37.5, 41.5], "
    "notional: true, note: t}\n"
    "  - {name: too-far, missile: scud-b, from: [35.5, 51.0], to: [52.5, 13.4], notional: true, "
    "note: t}\n";

static void open_case(bmd_scenario *scn)
{
    bmd_test_open_scenario(case_yaml, scn);
}

/* Run the analysis without required speeds (threads as given). */
static void run(const bmd_scenario *scn, int threads, int speed, bmd_analysis *an)
{
    bmd_analysis_options opt;
    bmd_analysis_options_init(&opt);
    opt.threads = threads;
    opt.required_speed = speed;
    bmd_error err = {0};
    if (bmd_analysis_run(scn, &opt, an, &err))
        fail_msg("%s", err.message);
}

static void sites_without_interceptors_and_unreachable_targets_are_reported(void **state)
{
    (void)state;
    bmd_scenario scn;
    open_case(&scn);
    bmd_analysis an;
    run(&scn, 0, 0, &an);
    assert_int_equal(an.n_threats, 2);
    assert_int_equal(an.n_sites, 3);
    assert_true(an.threats[0].flight.reachable);
    /* Scud-B (about 300 km, Forden 2007 Table 3: 288 km) cannot fly 3,500 km to Berlin. */
    assert_false(an.threats[1].flight.reachable);
    assert_true(an.threats[1].flight.max_range_m < 400e3);
    assert_int_equal(bmd_analysis_pair_at(&an, 0, 2)->status, BMD_ANALYSIS_NO_INTERCEPTORS);
    for (int s = 0; s < 3; s++)
        assert_int_equal(bmd_analysis_pair_at(&an, 1, s)->status,
                         BMD_ANALYSIS_THREAT_UNREACHABLE);
    assert_int_equal(bmd_analysis_pair_at(&an, 0, 0)->status, BMD_ANALYSIS_EVALUATED);
    assert_null(bmd_analysis_pair_at(&an, 2, 0));
    /* Two sites with interceptors of two types: two tables; the count-0 site none. */
    assert_int_equal(an.n_flyouts, 2);
    assert_int_equal(an.site_flyout[2], -1);
    bmd_analysis_free(&an);
    bmd_scenario_free(&scn);
}

static void the_timeline_and_the_ir_cue_are_mapped_from_the_scenario(void **state)
{
    (void)state;
    bmd_scenario scn;
    open_case(&scn);
    bmd_analysis an;
    run(&scn, 0, 0, &an);
    const bmd_analysis_pair *p = bmd_analysis_pair_at(&an, 0, 0);
    assert_true(p->engagement.engageable);
    assert_int_equal(p->engagement.detector, BMD_DETECTOR_IR);
    assert_int_equal(p->detector_sensor, 0);
    /* Definitions (engagement.h): track = detect + 20 s; L0 = track + 7 + 3 s (exact sums). */
    assert_near(p->engagement.track_s, p->engagement.detect_s + 20.0, 1e-9);
    assert_near(p->engagement.launch_earliest_s, p->engagement.track_s + 10.0, 1e-9);
    assert_near(p->timeline.kill_assessment_s, 30.0, 0);
    char who[128];
    assert_string_equal(bmd_analysis_detector_name(&an, p, who, sizeof who),
                        "sbirs (space-based infrared)");
    bmd_analysis_free(&an);
    bmd_scenario_free(&scn);
}

static void a_pair_equals_the_engagement_module_called_directly(void **state)
{
    (void)state;
    bmd_scenario scn;
    open_case(&scn);
    bmd_analysis an;
    run(&scn, 0, 0, &an);
    /* The direct computation: the same flight, table (site 0 toward the launch point), IR cue
     * and timeline (engagement.h use steps 1-3). */
    const bmd_scenario_site *s = &scn.sites[0];
    const bmd_analysis_flight *f = &an.threats[0].flight;
    bmd_ir_sensor ir = scn.sensors[0].ir;
    bmd_sensor_set set = {NULL, 0, &ir, 1};
    bmd_threat th;
    bmd_error err = {0};
    assert_int_equal(bmd_threat_prepare(&scn.earth, &f->traj, &f->summary.events, BMD_OBJECT_RV,
                                        &set, &th, &err), BMD_SUCCESS);
    bmd_flyout_options fo;
    bmd_flyout_options_init(&fo);
    double az;
    bmd_geodesy_inverse(&scn.earth, s->site.lat_rad, s->site.lon_rad, scn.threats[0].from.lat_rad,
                        scn.threats[0].from.lon_rad, NULL, &az, NULL);
    fo.site = (bmd_interceptor_site){s->site.lat_rad, s->site.lon_rad, 0, az};
    bmd_flyout table;
    assert_int_equal(bmd_flyout_build(&table, &scn.earth, &s->interceptor_entry.interceptor, &fo,
                                      &err), BMD_SUCCESS);
    bmd_defense_site ds = {s->site.lat_rad, s->site.lon_rad, 0, &table, 4, NULL};
    bmd_timeline tl = {20, 7, 3, 30};
    bmd_engagement e;
    assert_int_equal(bmd_engage(&scn.earth, &th, &ds, &tl, NULL, &e, &err), BMD_SUCCESS);
    const bmd_engagement *a = &bmd_analysis_pair_at(&an, 0, 0)->engagement;
    /* Same inputs, same deterministic calls: equal to the last bit. */
    assert_true(a->earliest.t_s == e.earliest.t_s && a->latest.t_s == e.latest.t_s);
    assert_true(a->detect_s == e.detect_s && a->altitude_min_m == e.altitude_min_m);
    assert_int_equal(a->shot_opportunities, e.shot_opportunities);
    bmd_flyout_free(&table);
    bmd_analysis_free(&an);
    bmd_scenario_free(&scn);
}

static void one_and_two_threads_give_identical_results(void **state)
{
    (void)state;
    bmd_scenario scn;
    open_case(&scn);
    bmd_analysis a1, a2;
    run(&scn, 1, 1, &a1);
    run(&scn, 2, 1, &a2);
    for (int i = 0; i < a1.n_threats * a1.n_sites; i++) {
        const bmd_analysis_pair *p = &a1.pairs[i], *q = &a2.pairs[i];
        assert_int_equal(p->status, q->status);
        assert_memory_equal(&p->engagement, &q->engagement, sizeof p->engagement);
        assert_int_equal(p->has_required_speed, q->has_required_speed);
        assert_true(p->required.speed_m_s == q->required.speed_m_s ||
                    (isnan(p->required.speed_m_s) && isnan(q->required.speed_m_s)));
    }
    bmd_analysis_free(&a1);
    bmd_analysis_free(&a2);
    bmd_scenario_free(&scn);
}

static void the_scene_has_sites_coverage_tracks_and_intercepts(void **state)
{
    (void)state;
    bmd_scenario scn;
    open_case(&scn);
    bmd_analysis an;
    run(&scn, 0, 0, &an);
    bmd_scene sc;
    bmd_scene_init(&sc, &scn.earth);
    bmd_error err = {0};
    assert_int_equal(bmd_analysis_scene(&an, BMD_ANALYSIS_SCENE_INTERCEPTS, &sc, &err), 0);
    assert_int_equal(sc.n_tracks, 1);       /* the reachable threat only */
    assert_int_equal(sc.n_coverages, 0);    /* no radars in the case */
    /* 3 sites + launch and target of each threat (4) + earliest and latest intercept of the one
     * engageable pair (2). */
    assert_int_equal(sc.n_sites, 9);
    bmd_scene_free(&sc);
    bmd_analysis_free(&an);
    bmd_scenario_free(&scn);
}

static void a_radar_coverage_is_the_detection_range_capped_by_the_instrumented_range(void **state)
{
    (void)state;
    bmd_radar r;
    bmd_radar_init(&r);
    r.ref_detection_range_m = 1000e3;
    r.ref_rcs_m2 = 1.0;
    r.rcs_m2[BMD_OBJECT_RV] = 0.01;
    r.max_range_m = 5000e3;
    /* Radar equation R = R_ref (sigma / sigma_ref)^(1/4) (Skolnik eq. 1.2): 0.01^(1/4) = 0.316. */
    assert_near(bmd_analysis_radar_coverage_m(&r), 1000e3 * pow(0.01, 0.25), 1e-6);
    r.max_range_m = 200e3;
    assert_near(bmd_analysis_radar_coverage_m(&r), 200e3, 0);
    assert_true(isnan(bmd_analysis_radar_coverage_m(NULL)));
}

static void bad_input_is_rejected(void **state)
{
    (void)state;
    bmd_analysis an;
    bmd_error err = {0};
    assert_int_equal(bmd_analysis_run(NULL, NULL, &an, &err), BMD_EINVAL);
    bmd_scenario empty;
    bmd_scenario_init(&empty);
    assert_int_equal(bmd_analysis_run(&empty, NULL, &an, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "not resolved"));
    bmd_scenario scn;
    open_case(&scn);
    bmd_analysis_options opt;
    bmd_analysis_options_init(&opt);
    opt.threads = -1;
    assert_int_equal(bmd_analysis_run(&scn, &opt, &an, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "threads"));
    bmd_analysis_free(&an); /* safe on an empty analysis */
    bmd_analysis_flight fl;
    bmd_analysis_flight_options fopt = {-1, 0};
    assert_int_equal(bmd_analysis_fly(&scn.earth, &scn.threats[0].entry->missile,
                                      BMD_AIM_MIN_ENERGY, 0, 0, 0, 0.1, 0.1, &fopt, &fl, &err),
                     BMD_EINVAL);
    fopt = (bmd_analysis_flight_options){0, NAN};
    assert_int_equal(bmd_analysis_fly(&scn.earth, &scn.threats[0].entry->missile,
                                      BMD_AIM_MIN_ENERGY, 0, 0, 0, 0.1, 0.1, &fopt, &fl, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_analysis_scene(NULL, 0, NULL, &err), BMD_EINVAL);
    bmd_scenario_free(&scn);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(sites_without_interceptors_and_unreachable_targets_are_reported),
        cmocka_unit_test(the_timeline_and_the_ir_cue_are_mapped_from_the_scenario),
        cmocka_unit_test(a_pair_equals_the_engagement_module_called_directly),
        cmocka_unit_test(one_and_two_threads_give_identical_results),
        cmocka_unit_test(the_scene_has_sites_coverage_tracks_and_intercepts),
        cmocka_unit_test(a_radar_coverage_is_the_detection_range_capped_by_the_instrumented_range),
        cmocka_unit_test(bad_input_is_rejected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
