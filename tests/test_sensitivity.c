/* Tests of bmd/sensitivity.h: a pair evaluated by the sensitivity model gives the analysis'
 * verdict; the largest tolerable total delay equals the one read off the engagement timeline
 * (analytic: the chain start plus the delay must not pass the last feasible launch time); every
 * threshold found is confirmed by re-running the whole analysis on both sides of its bracket (a
 * brute-force check independent of the model); a parameter that cannot change the verdict inside
 * its interval is reported as not flipping; bad input is refused. */
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
#include "bmd/param.h"
#include "bmd/plot.h"
#include "bmd/sensitivity.h"
#include "test_scenario_support.h"

/* The one-pair case of test_scenario_support.h (an MRBM, an SM-3 IIA site, IR cueing). */
static void open_case(bmd_scenario *scn)
{
    bmd_test_open_scenario(BMD_TEST_ONE_PAIR_YAML, scn);
}

static void run(const bmd_scenario *scn, bmd_analysis *an)
{
    bmd_analysis_options opt;
    bmd_analysis_options_init(&opt);
    opt.required_speed = 0;
    opt.threads = 1;
    bmd_error err = {0};
    if (bmd_analysis_run(scn, &opt, an, &err))
        fail_msg("%s", err.message);
}

/* The verdict of the pair as the whole analysis gives it. */
static bmd_sens_verdict analysis_verdict(const bmd_scenario *scn)
{
    bmd_analysis an;
    run(scn, &an);
    const bmd_analysis_pair *p = bmd_analysis_pair_at(&an, 0, 0);
    bmd_sens_verdict v = p->status == BMD_ANALYSIS_THREAT_UNREACHABLE ? BMD_SENS_UNREACHABLE
                         : p->engagement.engageable ? BMD_SENS_ENGAGEABLE
                                                     : BMD_SENS_NOT_ENGAGEABLE;
    bmd_analysis_free(&an);
    return v;
}

typedef struct fixture {
    bmd_scenario scn;
    bmd_analysis an;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    open_case(&f->scn);
    run(&f->scn, &f->an);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    bmd_analysis_free(&f->an);
    bmd_scenario_free(&f->scn);
    free(f);
    return 0;
}

static void the_model_gives_the_analysis_verdict(void **state)
{
    fixture *f = *state;
    const bmd_analysis_pair *p = bmd_analysis_pair_at(&f->an, 0, 0);
    bmd_sens_outcome o;
    bmd_error err = {0};
    if (bmd_sens_evaluate(&f->an, 0, 0, -1, NULL, &o, &err))
        fail_msg("%s", err.message);
    if (o.verdict != (p->engagement.engageable ? BMD_SENS_ENGAGEABLE : BMD_SENS_NOT_ENGAGEABLE) ||
        o.shot_opportunities != p->engagement.shot_opportunities)
        fail_msg("expected verdict engageable=%d with %d shots, got %s with %d",
                 p->engagement.engageable, p->engagement.shot_opportunities,
                 bmd_sens_verdict_name(o.verdict), o.shot_opportunities);
    /* exact: the same calls on the same inputs */
    if (p->engagement.engageable && o.earliest_altitude_m != p->engagement.earliest.altitude_m)
        fail_msg("earliest altitude: expected %.17g m, got %.17g m",
                 p->engagement.earliest.altitude_m, o.earliest_altitude_m);
}

static void the_largest_tolerable_delay_is_the_last_feasible_launch_minus_the_chain_start(
    void **state)
{
    fixture *f = *state;
    const bmd_analysis_pair *p = bmd_analysis_pair_at(&f->an, 0, 0);
    if (!p->engagement.engageable)
        fail_msg("the case must be engageable at the nominal delays (reason %s)",
                 bmd_engage_reason_name(p->engagement.reason));
    /* Analytic: launch at chain_start + total delay; feasible while that is <= the last feasible
     * launch time launch_last_s (the maximum of t - T(t) over the geometrically feasible t). */
    const double expected = p->engagement.launch_last_s - p->engagement.chain_start_s;
    bmd_threshold th;
    bmd_error err = {0};
    if (bmd_sens_threshold(&f->an, 0, 0, BMD_THRESHOLD_TOTAL_DELAY, NULL, &th, &err))
        fail_msg("%s", err.message);
    if (th.status != BMD_THRESHOLD_FOUND)
        fail_msg("expected one flip, got '%s': %s", bmd_threshold_status_name(th.status),
                 th.note);
    /* Tolerance 0.5 s: the final bracket is 600 s / 11 / 2^7 = 0.43 s wide (its middle is
     * reported, so <= 0.22 s off), plus the 1e-3 s edge tolerance of bmd_engage. */
    if (fabs(th.value - expected) > 0.5)
        fail_msg("largest tolerable delay: expected %.3f s (launch_last %.3f - chain start "
                 "%.3f), got %.3f s", expected, p->engagement.launch_last_s,
                 p->engagement.chain_start_s, th.value);
    assert_int_equal(th.verdict_nominal, BMD_SENS_ENGAGEABLE);
    assert_int_equal(th.verdict_beyond, BMD_SENS_NOT_ENGAGEABLE);
    assert_true(th.nominal == 30.0);
}

/* Re-run the whole analysis with the delays scaled to total x. */
static bmd_sens_verdict verdict_at_delay(fixture *f, double x)
{
    bmd_scenario_timeline keep = f->scn.sites[0].timeline;
    bmd_scenario_timeline *t = &f->scn.sites[0].timeline;
    const double s = x / 30.0;
    t->detect_to_track_s *= s;
    t->track_to_decision_s *= s;
    t->decision_to_launch_s *= s;
    bmd_sens_verdict v = analysis_verdict(&f->scn);
    f->scn.sites[0].timeline = keep;
    return v;
}

static void the_delay_threshold_brackets_a_flip_of_the_full_analysis(void **state)
{
    fixture *f = *state;
    bmd_threshold th;
    bmd_error err = {0};
    if (bmd_sens_threshold(&f->an, 0, 0, BMD_THRESHOLD_TOTAL_DELAY, NULL, &th, &err))
        fail_msg("%s", err.message);
    bmd_sens_verdict a = verdict_at_delay(f, th.bracket_lo), b = verdict_at_delay(f, th.bracket_hi);
    if (a != BMD_SENS_ENGAGEABLE || b != BMD_SENS_NOT_ENGAGEABLE)
        fail_msg("expected engageable at %.3f s and not at %.3f s, got %s and %s",
                 th.bracket_lo, th.bracket_hi, bmd_sens_verdict_name(a),
                 bmd_sens_verdict_name(b));
}

static void the_payload_threshold_brackets_the_reach_of_the_full_analysis(void **state)
{
    fixture *f = *state;
    bmd_threshold th;
    bmd_error err = {0};
    bmd_sens_options opt;
    bmd_sens_options_init(&opt);
    opt.n_scan = 5;       /* short test: 5 flights + 7 halvings */
    opt.payload_factor_hi = 4;
    if (bmd_sens_threshold(&f->an, 0, 0, BMD_THRESHOLD_PAYLOAD, &opt, &th, &err))
        fail_msg("%s", err.message);
    if (th.status == BMD_THRESHOLD_NO_FLIP || th.status == BMD_THRESHOLD_NOT_APPLICABLE)
        fail_msg("expected a flip of the payload in [%g, %g] kg, got '%s': %s", th.lo, th.hi,
                 bmd_threshold_status_name(th.status), th.note);
    /* Brute force: the full analysis with the RV mass set to each end of the bracket. */
    bmd_missile *ms = &f->scn.threats[0].entry->missile;
    const double keep = ms->payload.rv_mass_kg;
    const double x[2] = {th.verdict_beyond == BMD_SENS_UNREACHABLE ? th.bracket_lo : th.bracket_hi,
                         th.verdict_beyond == BMD_SENS_UNREACHABLE ? th.bracket_hi : th.bracket_lo};
    bmd_sens_verdict v[2];
    for (int i = 0; i < 2; i++) {
        ms->payload.rv_mass_kg = x[i];
        v[i] = analysis_verdict(&f->scn);
    }
    ms->payload.rv_mass_kg = keep;
    if (v[0] != th.verdict_nominal || v[1] != th.verdict_beyond)
        fail_msg("expected %s at %.1f kg and %s at %.1f kg, got %s and %s",
                 bmd_sens_verdict_name(th.verdict_nominal), x[0],
                 bmd_sens_verdict_name(th.verdict_beyond), x[1], bmd_sens_verdict_name(v[0]),
                 bmd_sens_verdict_name(v[1]));
}

static void a_detection_range_without_a_radar_is_not_applicable(void **state)
{
    fixture *f = *state;
    bmd_threshold th;
    bmd_error err = {0};
    if (bmd_sens_threshold(&f->an, 0, 0, BMD_THRESHOLD_DETECTION_RANGE, NULL, &th, &err))
        fail_msg("%s", err.message);
    if (th.status != BMD_THRESHOLD_NOT_APPLICABLE || !strstr(th.note, "cannot tell"))
        fail_msg("expected 'not applicable' with 'cannot tell' (IR cue, no fire-control "
                 "radar), got '%s': %s", bmd_threshold_status_name(th.status), th.note);
}

static void a_delay_interval_below_the_threshold_does_not_flip(void **state)
{
    fixture *f = *state;
    /* A delay interval that stays far below the threshold: no flip, and the note says where. */
    bmd_sens_options opt;
    bmd_sens_options_init(&opt);
    opt.delay_max_s = 1;   /* searched up to max(1, 3 x 30) = 90 s */
    const bmd_analysis_pair *p = bmd_analysis_pair_at(&f->an, 0, 0);
    const double expected = p->engagement.launch_last_s - p->engagement.chain_start_s;
    bmd_threshold th;
    bmd_error err = {0};
    if (bmd_sens_threshold(&f->an, 0, 0, BMD_THRESHOLD_TOTAL_DELAY, &opt, &th, &err))
        fail_msg("%s", err.message);
    if (!(expected > 90))
        fail_msg("the case needs a threshold beyond 90 s, got %.1f s", expected);
    if (th.status != BMD_THRESHOLD_NO_FLIP)
        fail_msg("threshold %.1f s lies beyond 90 s: expected 'does not flip', got '%s'",
                 expected, bmd_threshold_status_name(th.status));
    if (!strstr(th.note, "does not flip inside [0, 90]"))
        fail_msg("note should name the interval: %s", th.note);
}

static void bad_indices_and_kinds_are_refused(void **state)
{
    fixture *f = *state;
    bmd_threshold th;
    bmd_sens_outcome o;
    bmd_error err = {0};
    assert_int_equal(bmd_sens_threshold(&f->an, 3, 0, BMD_THRESHOLD_PAYLOAD, NULL, &th, &err),
                     BMD_EINVAL);
    assert_non_null(strstr(err.message, "threat 3"));
    assert_int_equal(bmd_sens_threshold(&f->an, 0, 0, (bmd_threshold_kind)9, NULL, &th, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_sens_evaluate(&f->an, 0, 0, 7, NULL, &o, &err), BMD_EINVAL);
    assert_int_equal(bmd_sens_evaluate(NULL, 0, 0, -1, NULL, &o, &err), BMD_EINVAL);
}

static void a_delay_band_holding_the_threshold_flips_at_its_high_end_and_is_named(void **state)
{
    fixture *f = *state;
    bmd_param_set set = {0};
    bmd_error err = {0};
    if (bmd_param_set_vary_in(&set, &f->scn, "rules.total_delay_s=20:400", &err))
        fail_msg("%s", err.message);
    bmd_robustness r;
    if (bmd_sens_robustness(&f->an, 0, 0, &set, BMD_SENS_METRIC_SHOTS, 0, NULL, &r, &err))
        fail_msg("%s", err.message);
    /* The threshold is about 334 s (test above): the band's high end (400 s) is not engageable,
     * the low end (20 s) is. */
    if (r.n_rows != 1 || strcmp(r.rows[0].path, "rules.total_delay_s") != 0)
        fail_msg("expected one tornado row rules.total_delay_s, got %d rows (%s)", r.n_rows,
                 r.n_rows ? r.rows[0].path : "-");
    if (r.rows[0].flips_low || !r.rows[0].flips_high ||
        r.rows[0].at_high.verdict != BMD_SENS_NOT_ENGAGEABLE)
        fail_msg("expected a flip at the high end only, got low %d high %d (%s)",
                 r.rows[0].flips_low, r.rows[0].flips_high,
                 bmd_sens_verdict_name(r.rows[0].at_high.verdict));
    assert_true(isinf(r.rows[0].swing));
    /* no radar: radar-track never engages, so the label is assumption-dependent (it takes
     * precedence, docs/robustness.md), and the reason still names the delay */
    assert_int_equal(r.by_launch_on[BMD_LAUNCH_ON_IR_TRACK], BMD_SENS_ENGAGEABLE);
    assert_int_equal(r.by_launch_on[BMD_LAUNCH_ON_RADAR_TRACK], BMD_SENS_NOT_ENGAGEABLE);
    if (r.label != BMD_ASSUMPTION_DEPENDENT || !strstr(r.reason, "rules.total_delay_s = 400"))
        fail_msg("expected assumption-dependent naming the delay, got %s: %s",
                 bmd_robust_label_name(r.label), r.reason);
    assert_int_equal(r.corner.verdict, BMD_SENS_NOT_ENGAGEABLE);
    /* the chart names the parameter and the assumptions */
    char *svg = NULL;
    if (bmd_plot_robustness_tornado_svg(&r, &f->scn, 0, "launch on ir-track", &svg, &err))
        fail_msg("%s", err.message);
    assert_non_null(strstr(svg, "<svg"));
    assert_non_null(strstr(svg, "rules.total_delay_s"));
    assert_non_null(strstr(svg, "high: not engageable"));
    assert_non_null(strstr(svg, "launch on ir-track"));
    free(svg);
    bmd_robustness_free(&r);
    bmd_param_set_free(&set);
}

static void a_tornado_plot_without_bars_or_with_a_bad_width_is_refused(void **state)
{
    (void)state;
    bmd_tornado_plot p;
    bmd_tornado_plot_init(&p);
    char *svg = NULL;
    bmd_error err = {0};
    assert_int_equal(bmd_plot_tornado_svg(&p, &svg, &err), BMD_EINVAL);
    bmd_tornado_bar bar = {"x", NAN, NAN, NULL, NULL};
    p.bars = &bar;
    p.n_bars = 1;
    assert_int_equal(bmd_plot_tornado_svg(&p, &svg, &err), BMD_EINVAL); /* nothing finite */
    assert_non_null(strstr(err.message, "no finite value"));
    bar.at_low = 1;
    p.width_px = 100;
    assert_int_equal(bmd_plot_tornado_svg(&p, &svg, &err), BMD_EINVAL);
    p.width_px = 0;
    assert_int_equal(bmd_plot_tornado_svg(&p, &svg, &err), BMD_SUCCESS);
    free(svg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_model_gives_the_analysis_verdict),
        cmocka_unit_test(the_largest_tolerable_delay_is_the_last_feasible_launch_minus_the_chain_start),
        cmocka_unit_test(the_delay_threshold_brackets_a_flip_of_the_full_analysis),
        cmocka_unit_test(the_payload_threshold_brackets_the_reach_of_the_full_analysis),
        cmocka_unit_test(a_detection_range_without_a_radar_is_not_applicable),
        cmocka_unit_test(a_delay_interval_below_the_threshold_does_not_flip),
        cmocka_unit_test(bad_indices_and_kinds_are_refused),
        cmocka_unit_test(a_delay_band_holding_the_threshold_flips_at_its_high_end_and_is_named),
        cmocka_unit_test(a_tornado_plot_without_bars_or_with_a_bad_width_is_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
