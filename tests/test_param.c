/* Tests of bmd/param.h: distributions (parsing, text, quantiles against tabulated values),
 * parameter paths read and set on a resolved scenario, and the set of uncertain parameters a
 * scenario's catalogue entries give. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/interceptor_catalog.h"
#include "bmd/param.h"
#include "test_support.h"
#include "test_scenario_support.h"

/* Two sites with the same interceptor type, one with another; a cueing radar; one threat. */
static const char case_yaml[] =
    "kind: scenario\n"
    "title: \"param test\"\n"
    "timeline: {detect_to_track_s: 20, track_to_decision_s: 10, decision_to_launch_s: 10, "
    "kill_assessment_s: 30}\n"
    "sensors:\n"
    "  - {name: tpy, radar: an-tpy-2-fbm, at: [38.3, 37.8], notional: true, note: t}\n"
    "sites:\n"
    "  - {name: a, at: [44.0, 24.4], interceptor: sm-3-block-iia, count: 4, cue: [tpy], "
    "notional: true, note: t}\n"
    "  - {name: b, at: [54.5, 16.9], interceptor: sm-3-block-iia, count: 4, cue: [tpy], "
    "notional: true, note: t, timeline: {detect_to_track_s: 40}}\n"
    "  - {name: c, at: [40.0, 40.0], interceptor: sm-3-block-ia, count: 2, radar: spy-1d, "
    "cue: [tpy], notional: true, note: t}\n"
    "threats:\n"
    "  - {name: mrbm, missile: shahab-3-class, from: [35.5, 51.0], to: [37.5, 41.5], "
    "notional: true, note: t}\n";

static void open_case(bmd_scenario *scn)
{
    bmd_test_open_scenario(case_yaml, scn);
}

/* Fail with the message unless the status is success. */
#define assert_ok(call)                                                                          \
    do {                                                                                         \
        bmd_error e_ = {0};                                                                      \
        int s_ = (call);                                                                         \
        (void)e_;                                                                                \
        if (s_)                                                                                  \
            fail_msg("%s returned %d", #call, s_);                                              \
    } while (0)

/* Expect status st and a message containing each of the given fragments. */
static void expect_error(int got, int st, const bmd_error *err, const char *a, const char *b)
{
    if (got != st)
        fail_msg("status %d, expected %d (message: %s)", got, st, err->message);
    if ((a && !strstr(err->message, a)) || (b && !strstr(err->message, b)))
        fail_msg("message '%s' should name '%s' and '%s'", err->message, a ? a : "",
                 b ? b : "");
}

static void the_inverse_normal_matches_tabulated_quantiles(void **state)
{
    (void)state;
    /* Quantiles of the standard normal to 16 digits (Abramowitz & Stegun, table 26.5, and
     * the values of R's qnorm). Tolerance 1e-14 relative: the Halley steps on erfc give full
     * double precision; Acklam's rational function alone is off by ~1e-9 and would fail. */
    static const struct { double p, z; } tab[] = {
        {0.5, 0.0},
        {0.8413447460685429, 1.0},
        {0.975, 1.959963984540054},
        {0.95, 1.644853626951472},
        {0.999, 3.090232306167813},
        {0.01, -2.326347874040841},
        {1e-10, -6.361340902404056},
        {0.025, -1.959963984540054},  /* either side of the branch point 0.02425 */
        {0.02, -2.053748910631823},
    };
    for (size_t i = 0; i < sizeof tab / sizeof *tab; i++) {
        double z = bmd_dist_normal_quantile(tab[i].p);
        assert_close(z, tab[i].z, 1e-14 * fmax(1.0, fabs(tab[i].z)));
        assert_close(bmd_dist_normal_cdf(tab[i].z), tab[i].p, 1e-15 * fmax(1e-10, tab[i].p) +
                                                                  2e-16);
    }
    assert_true(isinf(bmd_dist_normal_quantile(0.0)) && bmd_dist_normal_quantile(0.0) < 0);
    assert_true(isinf(bmd_dist_normal_quantile(1.0)) && bmd_dist_normal_quantile(1.0) > 0);
}

/* The cumulative of normal(mean, sd) truncated to [lo, hi] at x (independent formula). */
static double truncated_cdf(double mean, double sd, double lo, double hi, double x)
{
    double a = 0.5 * erfc(-(lo - mean) / sd / sqrt(2.0)), b = 0.5 * erfc(-(hi - mean) / sd / sqrt(2.0));
    return (0.5 * erfc(-(x - mean) / sd / sqrt(2.0)) - a) / (b - a);
}

static void a_truncated_normal_quantile_inverts_its_cumulative(void **state)
{
    (void)state;
    bmd_dist d;
    bmd_error err = {0};
    /* Centred, one-sided and far-tail truncations; the cumulative of the quantile must return u
     * within 1e-9 (the conditioning of 1 - Phi at 3 SD costs a few digits of the 1e-16). */
    static const double cases[][4] = {
        {4500, 300, 3300, 5700}, {4500, 300, 4500, 6000}, {4500, 300, 5100, 5400},
        {0, 1, -8, -3}, {10, 5, 0, 12},
    };
    for (size_t c = 0; c < sizeof cases / sizeof *cases; c++) {
        char text[128];
        snprintf(text, sizeof text, "normal(%g, %g, %g, %g)", cases[c][0], cases[c][1],
                 cases[c][2], cases[c][3]);
        assert_int_equal(bmd_dist_parse(text, &d, &err), BMD_SUCCESS);
        for (double u = 0.0; u < 1.0; u += 0.0625) {
            double x = bmd_dist_quantile(&d, u);
            assert_true(x >= cases[c][2] && x <= cases[c][3]);
            assert_close(truncated_cdf(cases[c][0], cases[c][1], cases[c][2], cases[c][3], x), u,
                         1e-9);
        }
    }
    /* Symmetric truncation: the median is the mean (exact up to rounding). */
    assert_int_equal(bmd_dist_parse("normal(4500, 300)", &d, &err), BMD_SUCCESS);
    assert_close(bmd_dist_quantile(&d, 0.5), 4500.0, 1e-9);
    assert_close(d.low, 4500.0 - 4 * 300.0, 0.0); /* default truncation: 4 SD */
}

static void uniform_and_discrete_quantiles_split_the_unit_interval(void **state)
{
    (void)state;
    bmd_dist d;
    bmd_error err = {0};
    assert_int_equal(bmd_dist_parse("4500:5500", &d, &err), BMD_SUCCESS);
    assert_int_equal(d.kind, BMD_DIST_UNIFORM);
    assert_close(bmd_dist_quantile(&d, 0.25), 4750.0, 1e-9);
    assert_close(d.nominal, 5000.0, 0.0);
    assert_int_equal(bmd_dist_parse("{ir-track, burnout, radar-track}", &d, &err), BMD_SUCCESS);
    assert_int_equal(d.n_values, 3);
    /* Equal thirds: [0, 1/3) -> 0, [1/3, 2/3) -> 1, [2/3, 1) -> 2. */
    assert_close(bmd_dist_quantile(&d, 0.0), 0.0, 0.0);
    assert_close(bmd_dist_quantile(&d, 0.3333), 0.0, 0.0);
    assert_close(bmd_dist_quantile(&d, 0.3334), 1.0, 0.0);
    assert_close(bmd_dist_quantile(&d, 0.9999), 2.0, 0.0);
    assert_close(bmd_dist_quantile(&d, 1.0), 2.0, 0.0); /* clamped into [0, 1) */
    assert_int_equal(bmd_dist_parse("  60 ", &d, &err), BMD_SUCCESS);
    assert_int_equal(d.kind, BMD_DIST_FIXED);
    assert_close(bmd_dist_quantile(&d, 0.7), 60.0, 0.0);
}

static void every_distribution_form_prints_back_to_itself(void **state)
{
    (void)state;
    static const char *const forms[] = {"4500", "uniform(4500, 5500)", "normal(4500, 300, 3300, 5700)",
                                        "{0, 1, 2}", "{-1.5, 3}"};
    for (size_t i = 0; i < sizeof forms / sizeof *forms; i++) {
        bmd_dist d, e;
        bmd_error err = {0};
        char text[200];
        assert_int_equal(bmd_dist_parse(forms[i], &d, &err), BMD_SUCCESS);
        bmd_dist_text(&d, text, sizeof text);
        if (strcmp(text, forms[i]) != 0)
            fail_msg("'%s' printed as '%s'", forms[i], text);
        assert_int_equal(bmd_dist_parse(text, &e, &err), BMD_SUCCESS);
        assert_int_equal(memcmp(&d, &e, sizeof d), 0);
    }
}

static void impossible_distributions_are_rejected_naming_the_text(void **state)
{
    (void)state;
    bmd_dist d;
    bmd_error err = {0};
    expect_error(bmd_dist_parse("5500:4500", &d, &err), BMD_EINVAL, &err, "5500:4500", "LOW <= HIGH");
    expect_error(bmd_dist_parse("normal(4500, 0)", &d, &err), BMD_EINVAL, &err, "normal(4500, 0)",
                 "standard deviation > 0");
    expect_error(bmd_dist_parse("normal(4500, -3)", &d, &err), BMD_EINVAL, &err, "normal", "> 0");
    expect_error(bmd_dist_parse("normal(0, 1, 20, 30)", &d, &err), BMD_EINVAL, &err, "normal",
                 "no probability");
    expect_error(bmd_dist_parse("normal(0, 1, 3, 2)", &d, &err), BMD_EINVAL, &err, "normal",
                 "below high");
    expect_error(bmd_dist_parse("gamma(1, 2)", &d, &err), BMD_EINVAL, &err, "gamma", "unknown kind");
    expect_error(bmd_dist_parse("uniform(1)", &d, &err), BMD_EINVAL, &err, "uniform", "2 numbers");
    expect_error(bmd_dist_parse("{}", &d, &err), BMD_EINVAL, &err, "{}", "1 to");
    expect_error(bmd_dist_parse("{1,2,3,4,5,6,7,8,9}", &d, &err), BMD_EINVAL, &err, "1 to 8", NULL);
    expect_error(bmd_dist_parse("abc", &d, &err), BMD_EINVAL, &err, "abc", "not a number");
    expect_error(bmd_dist_parse("", &d, &err), BMD_EINVAL, &err, "empty", NULL);
    expect_error(bmd_dist_parse("1:nan", &d, &err), BMD_EINVAL, &err, "1:nan", NULL);
}

static void get_reads_catalogue_values_and_the_rules_of_the_scenario(void **state)
{
    (void)state;
    bmd_scenario scn;
    open_case(&scn);
    bmd_error err = {0};
    double v;
    /* The catalogue values of data/catalog (sm-3-block-iia.yaml, an-tpy-2-fbm.yaml, spy-1d,
     * shahab-3-class) and the scenario's timeline, read back exactly. */
    assert_int_equal(bmd_param_get(&scn, "interceptor.burnout_speed_m_s", &v, &err), BMD_SUCCESS);
    assert_close(v, 4500.0, 0.0);
    assert_int_equal(bmd_param_get(&scn, "interceptor[sm-3-block-ia].burnout_speed_m_s", &v, &err),
                     BMD_SUCCESS);
    assert_close(v, 3000.0, 0.0);
    assert_int_equal(bmd_param_get(&scn, "radar[an-tpy-2-fbm].detection_range_m", &v, &err), 0);
    assert_close(v, 1e6, 0.0);
    assert_int_equal(bmd_param_get(&scn, "radar[spy-1d].parameters.detection_range_m", &v, &err), 0);
    assert_close(v, 3e5, 0.0);
    assert_int_equal(bmd_param_get(&scn, "missile.signature.warhead_rcs_m2", &v, &err), 0);
    assert_close(v, 0.1, 0.0);
    assert_int_equal(bmd_param_get(&scn, "missile[shahab-3-class].stages[0].burn_time_s", &v, &err), 0);
    assert_close(v, scn.threats[0].entry->missile.stages[0].burn_time_s, 0.0);
    assert_int_equal(bmd_param_get(&scn, "rules.total_delay_s", &v, &err), 0);
    assert_close(v, 40.0, 0.0);
    assert_int_equal(bmd_param_get(&scn, "rules[b].track_delay_s", &v, &err), 0);
    assert_close(v, 40.0, 0.0);
    assert_int_equal(bmd_param_get(&scn, "rules.launch_on", &v, &err), 0);
    assert_close(v, (double)scn.launch_on, 0.0);
    assert_int_equal(bmd_param_kind("missile.payload.rv_mass_kg"), BMD_PARAM_MISSILE);
    assert_int_equal(bmd_param_kind("radar[x].max_range_m"), BMD_PARAM_RADAR);
    assert_int_equal(bmd_param_kind("rules.launch_on"), BMD_PARAM_RULES);
    assert_int_equal(bmd_param_kind("interceptor.anything"), BMD_PARAM_INTERCEPTOR);
    assert_int_equal(bmd_param_kind("payload.rv_mass_kg"), BMD_PARAM_UNKNOWN);
    assert_string_equal(bmd_param_unit("interceptor.burnout_speed_m_s"), "m/s");
    assert_string_equal(bmd_param_unit("rules.launch_on"), "");
    bmd_scenario_free(&scn);
}

static void apply_changes_every_entry_of_a_type_in_the_copy_only(void **state)
{
    (void)state;
    bmd_scenario scn, copy;
    open_case(&scn);
    bmd_error err = {0};
    assert_int_equal(bmd_param_scenario_copy(&scn, &copy, &err), BMD_SUCCESS);
    assert_int_equal(bmd_param_apply(&copy, "interceptor[sm-3-block-iia].burnout_speed_m_s", 5200,
                                     &err), BMD_SUCCESS);
    assert_close(copy.sites[0].interceptor_entry.interceptor.burnout_speed_m_s, 5200.0, 0.0);
    assert_close(copy.sites[1].interceptor_entry.interceptor.burnout_speed_m_s, 5200.0, 0.0);
    assert_close(copy.sites[2].interceptor_entry.interceptor.burnout_speed_m_s, 3000.0, 0.0);
    assert_close(scn.sites[0].interceptor_entry.interceptor.burnout_speed_m_s, 4500.0, 0.0);
    /* Radars: placed radars keep their site; every radar of the type changes. */
    assert_int_equal(bmd_param_apply(&copy, "radar.detection_range_m", 7e5, &err), BMD_SUCCESS);
    assert_close(copy.sensors[0].radar.entry.radar.ref_detection_range_m, 7e5, 0.0);
    assert_close(copy.sites[2].radar.entry.radar.ref_detection_range_m, 7e5, 0.0);
    assert_close(copy.sensors[0].radar.entry.radar.lat_rad, scn.sensors[0].radar.entry.radar.lat_rad,
                 0.0);
    assert_close(scn.sensors[0].radar.entry.radar.ref_detection_range_m, 1e6, 0.0);
    assert_int_equal(bmd_param_apply(&copy, "radar[an-tpy-2-fbm].azimuth_half_width_deg", 30, &err), 0);
    assert_close(copy.sensors[0].radar.entry.radar.azimuth_half_width_rad, 30 * M_PI / 180, 1e-15);
    /* Missiles: through the catalogue override; the copy's entry is its own. */
    assert_int_equal(bmd_param_apply(&copy, "missile.payload.rv_mass_kg", 650, &err), 0);
    assert_close(copy.threats[0].entry->missile.payload.rv_mass_kg, 650.0, 0.0);
    assert_true(scn.threats[0].entry->missile.payload.rv_mass_kg != 650.0);
    assert_int_equal(bmd_param_apply(&copy, "missile.signature.warhead_rcs_m2", 0.02, &err), 0);
    assert_close(copy.threats[0].entry->signature.warhead_rcs_m2, 0.02, 0.0);
    /* Rules: without a site, the scenario's timeline and every site's; with one, that site's. */
    assert_int_equal(bmd_param_apply(&copy, "rules.decision_delay_s", 5, &err), 0);
    assert_close(copy.timeline.track_to_decision_s, 5.0, 0.0);
    assert_close(copy.sites[1].timeline.track_to_decision_s, 5.0, 0.0);
    assert_int_equal(bmd_param_apply(&copy, "rules[a].kill_assessment_s", 99, &err), 0);
    assert_close(copy.sites[0].timeline.kill_assessment_s, 99.0, 0.0);
    assert_close(copy.sites[1].timeline.kill_assessment_s, 30.0, 0.0);
    assert_int_equal(bmd_param_apply(&copy, "rules.launch_on", 2, &err), 0);
    assert_int_equal(copy.launch_on, BMD_LAUNCH_ON_RADAR_TRACK);
    bmd_scenario_free(&copy);
    bmd_scenario_free(&scn);
}

static void the_total_delay_scales_the_three_delays_in_proportion(void **state)
{
    (void)state;
    bmd_scenario scn;
    open_case(&scn);
    bmd_error err = {0};
    double v;
    /* Site b: 40 + 10 + 10 = 60 s; set to 120 s: each doubles (80, 20, 20), exactly. */
    assert_int_equal(bmd_param_apply(&scn, "rules[b].total_delay_s", 120, &err), 0);
    assert_close(scn.sites[1].timeline.detect_to_track_s, 80.0, 1e-12);
    assert_close(scn.sites[1].timeline.track_to_decision_s, 20.0, 1e-12);
    assert_close(scn.sites[1].timeline.decision_to_launch_s, 20.0, 1e-12);
    assert_int_equal(bmd_param_get(&scn, "rules[b].total_delay_s", &v, &err), 0);
    assert_close(v, 120.0, 1e-12);
    assert_close(scn.sites[0].timeline.detect_to_track_s, 20.0, 0.0); /* others unchanged */
    bmd_scenario_free(&scn);
}

static void bad_paths_and_values_name_the_path_and_what_is_allowed(void **state)
{
    (void)state;
    bmd_scenario scn;
    open_case(&scn);
    bmd_error err = {0};
    double v;
    expect_error(bmd_param_get(&scn, "interceptor.burnout_sped_m_s", &v, &err), BMD_EINVAL, &err,
                 "burnout_sped_m_s", "burnout_speed_m_s");
    expect_error(bmd_param_get(&scn, "interceptor[thaad].burn_time_s", &v, &err), BMD_ENOTFOUND,
                 &err, "thaad", "sm-3-block-iia");
    expect_error(bmd_param_get(&scn, "missile.payload.rv_mas_kg", &v, &err), BMD_EINVAL, &err,
                 "rv_mas_kg", "rv_mass_kg");
    expect_error(bmd_param_get(&scn, "missile.stages[7].burn_time_s", &v, &err), BMD_EINVAL, &err,
                 "stages[7]", "stage");
    expect_error(bmd_param_get(&scn, "sites.count", &v, &err), BMD_EINVAL, &err, "sites.count",
                 "interceptor.");
    expect_error(bmd_param_get(&scn, "rules[nowhere].track_delay_s", &v, &err), BMD_ENOTFOUND,
                 &err, "nowhere", "a, b, c");
    expect_error(bmd_param_apply(&scn, "interceptor.burnout_speed_m_s", -5, &err), BMD_EINVAL, &err,
                 "interceptor.burnout_speed_m_s", "positive");
    expect_error(bmd_param_apply(&scn, "rules.launch_on", 1.5, &err), BMD_EINVAL, &err,
                 "rules.launch_on", "radar-track");
    expect_error(bmd_param_apply(&scn, "rules.track_delay_s", -1, &err), BMD_EINVAL, &err,
                 "rules.track_delay_s", "[0, 100000]");
    expect_error(bmd_param_apply(&scn, "rules[a].launch_on", 1, &err), BMD_EINVAL, &err,
                 "rules[a].launch_on", "rules.launch_on");
    expect_error(bmd_param_apply(&scn, "radar.detection_range_m", NAN, &err), BMD_EINVAL, &err,
                 "radar.detection_range_m", "finite");
    bmd_scenario_free(&scn);
}

static void the_set_of_a_scenario_holds_its_catalogue_ranges_at_their_nominal_values(void **state)
{
    (void)state;
    bmd_scenario scn;
    open_case(&scn);
    bmd_error err = {0};
    bmd_param_set set = {0};
    assert_int_equal(bmd_param_set_from_scenario(&scn, &set, &err), BMD_SUCCESS);
    /* sm-3-block-iia.yaml: burnout_speed_m_s {value 4500, low 4500, high 5500}; once per type
     * although two sites fire it. */
    int i = bmd_param_set_find(&set, "interceptor[sm-3-block-iia].burnout_speed_m_s");
    assert_true(i >= 0);
    assert_int_equal(set.items[i].dist.kind, BMD_DIST_UNIFORM);
    assert_close(set.items[i].dist.low, 4500.0, 0.0);
    assert_close(set.items[i].dist.high, 5500.0, 0.0);
    assert_close(set.items[i].dist.nominal, 4500.0, 0.0);
    assert_string_equal(set.items[i].source, "issue4");
    assert_string_equal(set.items[i].unit, "m/s");
    assert_non_null(strstr(set.items[i].note, "uniform over the catalogue's low-high band"));
    assert_true(bmd_param_set_find(&set, "interceptor[sm-3-block-ia].burnout_speed_m_s") >= 0);
    assert_true(bmd_param_set_find(&set, "radar[an-tpy-2-fbm].detection_range_m") >= 0);
    assert_true(bmd_param_set_find(&set, "radar[spy-1d].detection_range_m") >= 0);
    assert_true(bmd_param_set_find(&set, "missile[shahab-3-class].signature.warhead_rcs_m2") >= 0);
    int count = 0;
    for (int k = 0; k < set.n; k++)
        count += strcmp(set.items[k].path, set.items[i].path) == 0;
    assert_int_equal(count, 1);
    /* Every parameter's nominal is the scenario's value: applying all nominals changes nothing
     * that get reads back. */
    for (int k = 0; k < set.n; k++) {
        double v;
        assert_int_equal(bmd_param_get(&scn, set.items[k].path, &v, &err), 0);
        assert_close(set.items[k].dist.nominal, v, 0.0);
    }
    char text[400];
    bmd_param_describe(&set.items[i], text, sizeof text);
    assert_non_null(strstr(text, "interceptor[sm-3-block-iia].burnout_speed_m_s ~ uniform(4500, "
                                 "5500) m/s"));
    bmd_param_set_free(&set);
    bmd_scenario_free(&scn);
}

static void vary_replaces_the_catalogue_ranges_of_the_same_field(void **state)
{
    (void)state;
    bmd_scenario scn;
    open_case(&scn);
    bmd_error err = {0};
    bmd_param_set set = {0};
    assert_int_equal(bmd_param_set_from_scenario(&scn, &set, &err), BMD_SUCCESS);
    int n0 = set.n;
    /* Without [NAME]: both interceptor types' burnout ranges give way to one shared draw. */
    assert_int_equal(bmd_param_set_vary_in(&set, &scn, "interceptor.burnout_speed_m_s=3000:5000",
                                           &err), BMD_SUCCESS);
    assert_int_equal(set.n, n0 - 1);
    assert_int_equal(bmd_param_set_find(&set, "interceptor[sm-3-block-iia].burnout_speed_m_s"), -1);
    int i = bmd_param_set_find(&set, "interceptor.burnout_speed_m_s");
    assert_true(i >= 0);
    assert_string_equal(set.items[i].origin, "--vary");
    assert_close(set.items[i].dist.nominal, 4500.0, 0.0); /* the scenario's first value */
    assert_int_equal(bmd_param_set_vary_in(&set, &scn, "rules.launch_on={ir-track, burnout}",
                                           &err), BMD_SUCCESS);
    char text[400];
    bmd_param_describe(&set.items[set.n - 1], text, sizeof text);
    assert_non_null(strstr(text, "{ir-track, burnout}"));
    expect_error(bmd_param_set_vary_in(&set, &scn, "rules.launch_on=0:2", &err), BMD_EINVAL, &err,
                 "launch_on", "set of settings");
    expect_error(bmd_param_set_vary_in(&set, &scn, "interceptor.burnout_speed_m_s", &err),
                 BMD_EINVAL, &err, "PATH=DIST", NULL);
    expect_error(bmd_param_set_vary_in(&set, &scn, "interceptor.speed=1:2", &err), BMD_EINVAL, &err,
                 "interceptor.speed", "fields");
    expect_error(bmd_param_set_vary_in(&set, &scn, "radar[nope].max_range_m=1:2", &err),
                 BMD_ENOTFOUND, &err, "nope", NULL);
    expect_error(bmd_param_set_vary(&set, "rules.total_delay_s=90:30", &err), BMD_EINVAL, &err,
                 "rules.total_delay_s=90:30", "LOW <= HIGH");
    /* Applying a whole set of drawn values. */
    double *values = calloc((size_t)set.n, sizeof *values);
    for (int k = 0; k < set.n; k++)
        values[k] = bmd_dist_quantile(&set.items[k].dist, 0.5);
    bmd_scenario copy;
    assert_int_equal(bmd_param_scenario_copy(&scn, &copy, &err), 0);
    assert_int_equal(bmd_param_set_apply(&copy, &set, values, &err), BMD_SUCCESS);
    assert_close(copy.sites[2].interceptor_entry.interceptor.burnout_speed_m_s, 4000.0, 0.0);
    free(values);
    bmd_scenario_free(&copy);
    bmd_param_set_free(&set);
    bmd_scenario_free(&scn);
}


static void the_uncertain_block_adds_and_replaces_parameters(void **state)
{
    (void)state;
    char text[4096];
    snprintf(text, sizeof text, "%suncertain:\n"
             "  rules.total_delay_s: {dist: \"30:120\", notional: true, note: \"study range\"}\n"
             "  rules.launch_on: {dist: [ir-track, burnout, radar-track], notional: true, note: n}\n"
             "  interceptor.burnout_speed_m_s: {dist: \"normal(4500, 400, 4000, 5500)\", "
             "notional: true, note: n}\n", case_yaml);
    bmd_scenario scn;
    bmd_error err = {0};
    if (bmd_test_open_scenario_text(text, &scn, &err))
        fail_msg("%s", err.message);
    assert_int_equal(scn.n_uncertain, 3);
    bmd_param_set set = {0};
    assert_int_equal(bmd_param_set_from_scenario(&scn, &set, &err), BMD_SUCCESS);
    int i = bmd_param_set_find(&set, "rules.total_delay_s");
    assert_true(i >= 0);
    assert_close(set.items[i].dist.nominal, 40.0, 0.0); /* the scenario's 20 + 10 + 10 s */
    assert_string_equal(set.items[i].origin, "scenario uncertain:");
    i = bmd_param_set_find(&set, "rules.launch_on");
    assert_true(i >= 0);
    assert_int_equal(set.items[i].dist.n_values, 3);
    /* interceptor.burnout_speed_m_s (no NAME) replaces both catalogue burnout ranges */
    assert_int_equal(bmd_param_set_find(&set, "interceptor[sm-3-block-iia].burnout_speed_m_s"), -1);
    assert_int_equal(bmd_param_set_find(&set, "interceptor[sm-3-block-ia].burnout_speed_m_s"), -1);
    assert_true(bmd_param_set_find(&set, "interceptor[sm-3-block-iia].burn_time_s") >= 0);
    bmd_param_set_free(&set);
    bmd_scenario_free(&scn);
    /* Bad entries: the file position, the path and what is allowed. */
    static const char *const bad[][3] = {
        {"  rules.total_delay_s: {dist: \"120:30\", notional: true, note: n}\n", "uncertain.rules.total_delay_s.dist", "LOW <= HIGH"},
        {"  rules.delay_s: {dist: \"1:2\", notional: true, note: n}\n", "rules.delay_s", "total_delay_s"},
        {"  rules.total_delay_s: {dist: \"1:2\"}\n", "uncertain.rules.total_delay_s", "provenance"},
        {"  radar[nope].max_range_m: {dist: \"1:2\", notional: true, note: n}\n", "nope", NULL},
    };
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
        snprintf(text, sizeof text, "%suncertain:\n%s", case_yaml, bad[k][0]);
        int st = bmd_test_open_scenario_text(text, &scn, &err);
        if (!st) {
            st = bmd_param_set_from_scenario(&scn, &set, &err);
            bmd_param_set_free(&set);
        }
        bmd_scenario_free(&scn);
        assert_true(st != BMD_SUCCESS);
        if (!strstr(err.message, bad[k][1]) || (bad[k][2] && !strstr(err.message, bad[k][2])) ||
            !strstr(err.message, ":"))
            fail_msg("message '%s' should name '%s' and '%s'", err.message, bad[k][1],
                     bad[k][2] ? bad[k][2] : "");
    }
}

static void a_catalogue_dist_is_read_checked_and_used(void **state)
{
    (void)state;
    static const char head[] =
        "kind: interceptor\nname: test-ic\nfull_name: \"t\"\nsources: {s: \"a source\"}\n"
        "burn_time_s: {value: 60, notional: true, note: n}\n"
        "min_altitude_m: {value: 100000, notional: true, note: n}\n"
        "max_altitude_m: {value: 1000000, notional: true, note: n}\n"
        "max_flyout_time_s: {value: 900, notional: true, note: n}\n";
    char path[] = "/tmp/bmd_test_param_ic_XXXXXX";
    static const char *const speed[] = {
        "burnout_speed_m_s: {value: 4500, low: 4000, high: 5500, dist: \"normal(4500, 300, 4000, 5500)\", source: s}\n",
        "burnout_speed_m_s: {value: 4500, dist: \"normal(5000, 100, 4800, 5200)\", source: s}\n",
        "burnout_speed_m_s: {value: 4500, dist: \"normal(5000, -1)\", source: s}\n",
    };
    for (int k = 0; k < 3; k++) {
        int fd = mkstemp(path);
        assert_true(fd >= 0);
        FILE *f = fdopen(fd, "w");
        fputs(head, f);
        fputs(speed[k], f);
        fclose(f);
        bmd_catalog_interceptor e;
        bmd_error err = {0};
        int st = bmd_catalog_load_interceptor(path, &e, &err);
        remove(path);
        strcpy(path, "/tmp/bmd_test_param_ic_XXXXXX");
        if (k == 0) {
            if (st)
                fail_msg("%s", err.message);
            const bmd_interceptor_param *q = bmd_catalog_interceptor_param(&e, "burnout_speed_m_s");
            assert_string_equal(q->prov.dist, "normal(4500, 300, 4000, 5500)");
        } else {
            assert_int_equal(st, BMD_EINVAL);
            assert_non_null(strstr(err.message, "burnout_speed_m_s.dist"));
            assert_non_null(strstr(err.message, k == 1 ? "must contain the value" : "> 0"));
        }
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_inverse_normal_matches_tabulated_quantiles),
        cmocka_unit_test(a_truncated_normal_quantile_inverts_its_cumulative),
        cmocka_unit_test(uniform_and_discrete_quantiles_split_the_unit_interval),
        cmocka_unit_test(every_distribution_form_prints_back_to_itself),
        cmocka_unit_test(impossible_distributions_are_rejected_naming_the_text),
        cmocka_unit_test(get_reads_catalogue_values_and_the_rules_of_the_scenario),
        cmocka_unit_test(apply_changes_every_entry_of_a_type_in_the_copy_only),
        cmocka_unit_test(the_total_delay_scales_the_three_delays_in_proportion),
        cmocka_unit_test(bad_paths_and_values_name_the_path_and_what_is_allowed),
        cmocka_unit_test(the_set_of_a_scenario_holds_its_catalogue_ranges_at_their_nominal_values),
        cmocka_unit_test(vary_replaces_the_catalogue_ranges_of_the_same_field),
        cmocka_unit_test(the_uncertain_block_adds_and_replaces_parameters),
        cmocka_unit_test(a_catalogue_dist_is_read_checked_and_used),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
