/* Tests of scenario files (src/data/scenario_*.c): the shipped scenarios load and resolve against
 * the shipped catalogue; every class of bad input is refused with the right status at the file,
 * line and column of the offending token, naming the field; overrides reach the catalogue entries;
 * a scenario written out loads back to the same values. Positions expected in the error tests are
 * found by searching the test's own text for the offending token, independently of the library. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bmd/scenario.h"
#include "test_support.h"
#include "test_scenario_support.h"

static const char *catalog_dir(void)
{
    static char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s/catalog", bmd_test_data_dir());
    return dir;
}

static const char *scenario_path(const char *name)
{
    static char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/../scenarios/%s", bmd_test_data_dir(), name);
    return path;
}

static bmd_scenario scn, again; /* large: static, not on the stack */

/* A scratch directory for files written by the tests. */
static char scratch[64];

static int make_scratch(void **state)
{
    (void)state;
    snprintf(scratch, sizeof scratch, "/tmp/bmd_scenario_XXXXXX");
    return mkdtemp(scratch) ? 0 : -1;
}

static int remove_scratch(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", scratch);
    return system(cmd) == 0 ? 0 : -1;
}

/* Write text to scratch/name; return the path. */
static const char *write_file(const char *name, const char *text)
{
    static char path[PATH_MAX];
    snprintf(path, sizeof path, "%s/%s", scratch, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    return path;
}

/* A minimal valid scenario: one radar sensor, one IR sensor, one site, one launch area with a
 * point, one target set, one threat by point names and one by coordinates. */
static const char base[] =
    "kind: scenario\n"
    "title: \"test\"\n"
    "question: \"can it?\"\n"
    "sources:\n"
    "  s1: \"A citation, 2024\"\n"
    "timeline: {detect_to_track_s: 30, track_to_decision_s: 20, decision_to_launch_s: 10, "
    "kill_assessment_s: 60}\n"
    "sensors:\n"
    "  - {name: kurecik, radar: an-tpy-2-fbm, at: [38.35, 37.79, 2085], boresight_deg: 90, "
    "source: s1}\n"
    "  - {name: sbirs, ir: {cloud_top_m: 12000, delay_s: 20}, notional: true, note: \"round\"}\n"
    "sites:\n"
    "  - name: deveselu\n"
    "    at: [44.05, 24.38]\n"
    "    interceptor: sm-3-block-ib\n"
    "    count: 24\n"
    "    radar: spy-1d\n"
    "    cue: [kurecik, sbirs]\n"
    "    timeline: {decision_to_launch_s: 5}\n"
    "    source: s1\n"
    "launch_areas:\n"
    "  - name: west-iran\n"
    "    missile: shahab-3-class\n"
    "    source: s1\n"
    "    points:\n"
    "      - {name: tabriz, at: [38.08, 46.29]}\n"
    "targets:\n"
    "  - name: cities\n"
    "    notional: true\n"
    "    note: \"rounded\"\n"
    "    points:\n"
    "      - {name: ankara, at: [39.93, 32.86]}\n"
    "threats:\n"
    "  - {name: t1, missile: shahab-3-class, from: tabriz, to: ankara, shape: lofted}\n"
    "  - {name: t2, missile: no-dong, from: [38.08, 46.29], to: [39.93, 32.86], notional: true, "
    "note: \"n\"}\n";

/* base with the first occurrence of old replaced by new (old must occur). */
static const char *edit(const char *old, const char *new)
{
    static char text[8192];
    const char *at = strstr(base, old);
    assert_non_null(at);
    snprintf(text, sizeof text, "%.*s%s%s", (int)(at - base), base, new, at + strlen(old));
    return text;
}

/* 1-based line and column of the first occurrence of needle in text. */
static void position_of(const char *text, const char *needle, int *line, int *col)
{
    const char *at = strstr(text, needle);
    assert_non_null(at);
    *line = 1;
    const char *start = text;
    for (const char *s = text; s < at; s++)
        if (*s == '\n') {
            (*line)++;
            start = s + 1;
        }
    *col = (int)(at - start) + 1;
}

/* Load (and resolve when the load succeeds) text; expect status, a message starting
 * "PATH:LINE:COL: " at the first occurrence of token, and containing each of the words. */
static void expect_error(const char *text, int status, const char *token, const char *word1,
                         const char *word2)
{
    const char *path = write_file("bad.yaml", text);
    bmd_error err;
    int st = bmd_scenario_open(path, catalog_dir(), &scn, &err);
    if (st != status)
        print_error("status %d (%s), expected %d\n", st, err.message, status);
    assert_int_equal(st, status);
    int line, col;
    position_of(text, token, &line, &col);
    char prefix[PATH_MAX + 32];
    snprintf(prefix, sizeof prefix, "%s:%d:%d: ", path, line, col);
    if (strncmp(err.message, prefix, strlen(prefix)) != 0)
        print_error("message '%s' does not start with '%s'\n", err.message, prefix);
    assert_int_equal(strncmp(err.message, prefix, strlen(prefix)), 0);
    if (word1 && !strstr(err.message, word1))
        print_error("message '%s' lacks '%s'\n", err.message, word1);
    assert_true(!word1 || strstr(err.message, word1));
    if (word2 && !strstr(err.message, word2))
        print_error("message '%s' lacks '%s'\n", err.message, word2);
    assert_true(!word2 || strstr(err.message, word2));
    assert_int_equal(scn.n_sites + scn.n_threats + scn.n_sensors, 0); /* left empty */
}

static void the_shipped_scenarios_load_and_resolve(void **state)
{
    (void)state;
    static const char *const names[] = {"europe.yaml", "iran-europe-small.yaml",
                                        "russia-us-icbm.yaml"};
    for (int i = 0; i < 3; i++) {
        bmd_error err;
        int st = bmd_scenario_open(scenario_path(names[i]), catalog_dir(), &scn, &err);
        if (st)
            print_error("%s\n", err.message);
        assert_int_equal(st, BMD_SUCCESS);
        assert_true(scn.resolved);
        assert_true(scn.title[0] && scn.question[0]);
        assert_true(scn.n_threats >= 1 && scn.n_sites >= 1);
        for (int k = 0; k < scn.n_sites; k++) {
            const bmd_scenario_site *s = &scn.sites[k];
            assert_true(s->site.prov.source[0] || (s->site.prov.notional && s->site.prov.note[0]));
            assert_true(s->interceptor_entry.interceptor.burnout_speed_m_s > 0);
            assert_true(!s->has_radar || s->radar.entry.radar.lat_rad == s->site.lat_rad);
        }
        for (int k = 0; k < scn.n_sensors; k++)
            assert_true(scn.sensors[k].site.prov.source[0] || scn.sensors[k].site.prov.notional);
        for (int k = 0; k < scn.n_threats; k++)
            assert_non_null(scn.threats[k].entry);
        bmd_scenario_free(&scn);
    }
}

static void the_default_analysis_holds_the_european_sites(void **state)
{
    (void)state;
    bmd_error err;
    assert_int_equal(bmd_scenario_open(scenario_path("europe.yaml"), catalog_dir(), &scn, &err),
                     BMD_SUCCESS);
    /* Deveselu: 24 SM-3 Block IB with an SPY-1 radar (Seapower 2015); Redzikowo: 24 SM-3 Block
     * IIA with an SPY-1D(V) (Altair 2023). Exact integers and names. */
    int d = bmd_scenario_site_index(&scn, "deveselu"), r = bmd_scenario_site_index(&scn,
                                                                                  "redzikowo");
    assert_true(d >= 0 && r >= 0);
    assert_int_equal(scn.sites[d].count, 24);
    assert_string_equal(scn.sites[d].interceptor.name, "sm-3-block-ib");
    assert_string_equal(scn.sites[d].radar.type.name, "spy-1d");
    assert_int_equal(scn.sites[r].count, 24);
    assert_string_equal(scn.sites[r].interceptor.name, "sm-3-block-iia");
    /* Kürecik: 38.34944 N 37.79361 E (Wikipedia infobox), read back to 1e-12 degree. */
    int k = bmd_scenario_sensor_index(&scn, "kurecik");
    assert_true(k >= 0);
    assert_double_equal(bmd_rad_to_deg(scn.sensors[k].site.lat_rad), 38.34944, 1e-12);
    assert_double_equal(bmd_rad_to_deg(scn.sensors[k].site.lon_rad), 37.79361, 1e-12);
    /* Ship stations are notional, with a note. */
    int ship = bmd_scenario_site_index(&scn, "aegis-black-sea");
    assert_true(ship >= 0 && scn.sites[ship].site.prov.notional && scn.sites[ship].site.prov.note[0]);
    /* Ten ICBM division towns in the launch area. */
    assert_int_equal(scn.launch_areas[0].n_points, 10);
    assert_non_null(bmd_scenario_find_point(&scn, "uzhur", NULL, NULL));
    bmd_scenario_free(&scn);
}

static void a_valid_scenario_reads_every_field(void **state)
{
    (void)state;
    bmd_error err;
    const char *path = write_file("ok.yaml", base);
    int st = bmd_scenario_open(path, catalog_dir(), &scn, &err);
    if (st)
        print_error("%s\n", err.message);
    assert_int_equal(st, BMD_SUCCESS);
    assert_string_equal(scn.title, "test");
    assert_int_equal(scn.earth_kind, BMD_EARTH_WGS84);
    assert_double_equal(scn.timeline.track_to_decision_s, 20, 0);
    /* The site's own timeline overrides one delay and keeps the others. */
    assert_double_equal(scn.sites[0].timeline.decision_to_launch_s, 5, 0);
    assert_double_equal(scn.sites[0].timeline.detect_to_track_s, 30, 0);
    assert_int_equal(scn.sites[0].n_cues, 2);
    assert_int_equal(scn.sites[0].cues[1], 1);
    assert_int_equal(scn.sensors[1].kind, BMD_SCENARIO_SENSOR_IR);
    assert_double_equal(scn.sensors[1].ir.min_altitude_m, 12000, 0);
    assert_double_equal(scn.sensors[1].ir.delay_s, 20, 0);
    /* The radar is placed at its site (height 2085 m) and turned to its boresight. */
    const bmd_radar *radar = &scn.sensors[0].radar.entry.radar;
    assert_double_equal(bmd_rad_to_deg(radar->lat_rad), 38.35, 1e-12);
    assert_double_equal(radar->height_m, 2085, 0);
    assert_double_equal(bmd_rad_to_deg(radar->boresight_azimuth_rad), 90, 1e-12);
    /* A threat by point names takes the points' coordinates and provenance. */
    const bmd_scenario_threat *t = &scn.threats[0];
    assert_string_equal(t->from.name, "tabriz");
    assert_double_equal(bmd_rad_to_deg(t->to.lon_rad), 32.86, 1e-12);
    assert_string_equal(t->from.prov.source, "s1");
    assert_true(t->to.prov.notional);
    assert_int_equal(t->shape, BMD_AIM_LOFTED);
    assert_int_equal(scn.threats[1].shape, BMD_AIM_MIN_ENERGY);
    assert_int_equal(t->warheads, 1);
    assert_string_equal(t->entry->missile.name, "shahab-3-class");
    assert_string_equal(bmd_scenario_citation(&scn, "s1"), "A citation, 2024");
    bmd_scenario_free(&scn);
}

static void overrides_reach_the_catalogue_entries(void **state)
{
    (void)state;
    const char *text = edit("    cue: [kurecik, sbirs]\n",
                            "    cue: [kurecik, sbirs]\n    set: {burnout_speed_m_s: 3500}\n");
    char buf[8192];
    snprintf(buf, sizeof buf, "%s", text);
    /* A missile override and a radar override as well. */
    char *t1 = strstr(buf, "{name: t1, missile: shahab-3-class,");
    assert_non_null(t1);
    char out[8192];
    snprintf(out, sizeof out, "%.*s{name: t1, missile: shahab-3-class, set: {payload.rv_mass_kg: "
             "500},%s", (int)(t1 - buf), buf, t1 + strlen("{name: t1, missile: shahab-3-class,"));
    char *k = strstr(out, "boresight_deg: 90,");
    assert_non_null(k);
    char out2[8192];
    snprintf(out2, sizeof out2, "%.*sboresight_deg: 90, set: {detection_range_m: 1500000},%s",
             (int)(k - out), out, k + strlen("boresight_deg: 90,"));
    const char *path = write_file("set.yaml", out2);
    bmd_error err;
    int st = bmd_scenario_open(path, catalog_dir(), &scn, &err);
    if (st)
        print_error("%s\n", err.message);
    assert_int_equal(st, BMD_SUCCESS);
    /* The values written under set: reach the models exactly, and the provenance says so. */
    const bmd_catalog_interceptor *ic = &scn.sites[0].interceptor_entry;
    assert_double_equal(ic->interceptor.burnout_speed_m_s, 3500, 0);
    const bmd_interceptor_param *p = bmd_catalog_interceptor_param(ic, "burnout_speed_m_s");
    assert_non_null(p);
    assert_true(p->prov.notional && strstr(p->prov.note, "override"));
    assert_double_equal(scn.threats[0].entry->missile.payload.rv_mass_kg, 500, 0);
    assert_double_equal(scn.sensors[0].radar.entry.radar.ref_detection_range_m, 1.5e6, 0);
    const bmd_param_provenance *rp = bmd_catalog_radar_param(&scn.sensors[0].radar.entry,
                                                             "detection_range_m");
    assert_true(rp && rp->notional && strstr(rp->note, "override"));
    /* The other threat, without set:, keeps the catalogue's 1,000 kg... of its own missile. */
    assert_true(scn.threats[1].entry->missile.payload.rv_mass_kg > 0);
    bmd_scenario_free(&scn);
}

static void bad_numbers_and_ranges_are_refused_at_their_position(void **state)
{
    (void)state;
    expect_error(edit("at: [44.05, 24.38]", "at: [95, 24.38]"), BMD_EINVAL, "95",
                 "field 'sites[0].at[0]'", "latitude in [-90, 90]");
    expect_error(edit("at: [44.05, 24.38]", "at: [44.05, 200]"), BMD_EINVAL, "200]",
                 "field 'sites[0].at[1]'", "longitude");
    expect_error(edit("count: 24", "count: -3"), BMD_EINVAL, "-3\n",
                 "field 'sites[0].count': value '-3' must be a non-negative integer", NULL);
    expect_error(edit("count: 24", "count: 2.5"), BMD_EINVAL, "2.5",
                 "field 'sites[0].count'", "non-negative integer");
    expect_error(edit("detect_to_track_s: 30", "detect_to_track_s: -5"), BMD_EINVAL, "-5",
                 "field 'timeline.detect_to_track_s'", "zero or positive");
    expect_error(edit("delay_s: 20", "delay_s: -1"), BMD_EINVAL, "-1",
                 "field 'sensors[1].ir.delay_s'", "zero or positive");
    expect_error(edit("{decision_to_launch_s: 5}", "{decision_to_launch_s: -2}"), BMD_EINVAL,
                 "-2}", "field 'sites[0].timeline.decision_to_launch_s'", NULL);
    expect_error(edit("boresight_deg: 90", "boresight_deg: .nan"), BMD_EINVAL, ".nan",
                 "field 'sensors[0].boresight_deg'", "not a number");
    expect_error(edit("count: 24", "count: \"24\""), BMD_EINVAL, "\"24\"",
                 "field 'sites[0].count'", NULL);
}

static void wrong_types_and_unknown_keys_are_refused(void **state)
{
    (void)state;
    expect_error(edit("    interceptor: sm-3-block-ib", "    interceptr: sm-3-block-ib"),
                 BMD_EINVAL, "interceptr", "field 'sites[0].interceptr' is not known",
                 "did you mean 'interceptor'");
    expect_error(edit("at: [44.05, 24.38]", "at: north"), BMD_EINVAL, "north",
                 "field 'sites[0].at' must be [LAT, LON]", NULL);
    expect_error(edit("cue: [kurecik, sbirs]", "cue: {a: 1}"), BMD_EINVAL, "{a: 1}",
                 "field 'sites[0].cue' must be a list", NULL);
    expect_error(edit("shape: lofted", "shape: lofed"), BMD_EINVAL, "lofed",
                 "field 'threats[0].shape'", "did you mean 'lofted'");
    expect_error(edit("kind: scenario", "kind: missile"), BMD_EINVAL, "missile",
                 "field 'kind'", "must be 'scenario'");
    expect_error(edit("    source: s1\nlaunch_areas", "    source: s2\nlaunch_areas"),
                 BMD_EINVAL, "s2\nlaunch", "source 's2' is not a key of 'sources'", NULL);
    expect_error(edit("    source: s1\nlaunch_areas", "launch_areas"), BMD_EINVAL,
                 "name: deveselu", "field 'sites[0].at' has neither 'source: KEY' nor", NULL);
    expect_error(edit("title: \"test\"", "title: [1, 2]"), BMD_EINVAL, "[1, 2]",
                 "field 'title' must be text", NULL);
    expect_error(edit("\"can it?\"", "\"can it?\"\nearth: spheroid"), BMD_EINVAL,
                 "spheroid", "field 'earth'", "allowed: wgs84, sphere");
}

static void duplicates_and_dangling_references_are_refused(void **state)
{
    (void)state;
    expect_error(edit("launch_areas:", "  - {name: deveselu, at: [45, 25], interceptor: "
                                       "sm-3-block-ib, count: 1, source: s1}\nlaunch_areas:"),
                 BMD_EINVAL, "deveselu, at", "field 'sites[1].name': name 'deveselu' is already "
                 "used", NULL);
    expect_error(edit("cue: [kurecik, sbirs]", "cue: [kurecick]"), BMD_EINVAL, "kurecick",
                 "field 'sites[0].cue[0]': no sensor 'kurecick'", "did you mean 'kurecik'");
    expect_error(edit("from: tabriz", "from: tebriz"), BMD_EINVAL, "tebriz",
                 "field 'threats[0].from': no point 'tebriz'", NULL);
    expect_error(edit("{name: ankara,", "{name: tabriz,"), BMD_EINVAL, "tabriz, at: [39",
                 "point name 'tabriz' is already used", NULL);
    expect_error(edit("    count: 24\n", "    count: 24\n    count: 12\n"), BMD_EINVAL,
                 "count: 12", "'sites[0].count' is given twice", NULL);
    expect_error(edit("from: [38.08, 46.29], to: [39.93, 32.86], notional: true, note: \"n\"",
                      "from: [38.08, 46.29], to: [39.93, 32.86]"), BMD_EINVAL,
                 "[38.08, 46.29], to", "threat needs 'source: KEY' or 'notional: true'", NULL);
}

static void unknown_catalogue_names_and_fields_are_answered_with_close_names(void **state)
{
    (void)state;
    expect_error(edit("missile: no-dong", "missile: nodong"), BMD_ENOTFOUND, "nodong",
                 "field 'threats[1].missile': unknown missile 'nodong'", "no-dong");
    expect_error(edit("interceptor: sm-3-block-ib", "interceptor: sm3-block-ib"), BMD_ENOTFOUND,
                 "sm3-block-ib", "field 'sites[0].interceptor': unknown interceptor", "sm-3-block-ib");
    expect_error(edit("radar: spy-1d", "radar: spy1d"), BMD_ENOTFOUND, "spy1d",
                 "field 'sites[0].radar': unknown radar 'spy1d'", "spy-1d");
    expect_error(edit("    count: 24\n", "    count: 24\n    set: {burnout_sped_m_s: 5000}\n"),
                 BMD_EINVAL, "burnout_sped_m_s", "field 'sites[0].set.burnout_sped_m_s'",
                 "did you mean 'burnout_speed_m_s'");
    expect_error(edit("    count: 24\n", "    count: 24\n    set: {burnout_speed_m_s: -1}\n"),
                 BMD_EINVAL, "burnout_speed_m_s", "field 'sites[0].set.burnout_speed_m_s'",
                 "must be");
    expect_error(edit("missile: no-dong,", "missile: no-dong, set: {\"stages[0].burn_tme_s\": 60},"),
                 BMD_EINVAL, "\"stages[0].burn_tme_s", "field 'threats[1].set.stages[0].burn_tme_s'",
                 "burn_time_s");
    expect_error(edit("boresight_deg: 90,", "boresight_deg: 90, set: {detection_range_m: 0},"),
                 BMD_EINVAL, "detection_range_m", "field 'sensors[0].set.detection_range_m'",
                 "positive");
}

/* A timeline left out, in whole or in part, takes the delays of bmd_engagement_rules_init (the
 * flag form's), and `engagement:` sets the launch-on setting and the radar requirement. */
static void a_missing_timeline_takes_the_engagement_defaults(void **state)
{
    (void)state;
    bmd_engagement_rules def;
    bmd_engagement_rules_init(&def);
    char text[8192];
    const char *t = strstr(base, "timeline: {");
    const char *end = strchr(t, '\n');
    snprintf(text, sizeof text, "%.*sengagement: {launch_on: radar-track, "
             "fire_control_at_intercept: false}%s", (int)(t - base), base, end);
    bmd_error err;
    int st = bmd_scenario_open(write_file("defaults.yaml", text), catalog_dir(), &scn, &err);
    if (st)
        print_error("%s\n", err.message);
    assert_int_equal(st, BMD_SUCCESS);
    bmd_engagement_rules r;
    bmd_scenario_rules(&scn, -1, &r);
    assert_true(r.timeline.track_delay_s == def.timeline.track_delay_s);
    assert_true(r.timeline.decision_delay_s == def.timeline.decision_delay_s);
    assert_true(r.timeline.launch_delay_s == def.timeline.launch_delay_s);
    assert_true(r.timeline.kill_assessment_s == def.timeline.kill_assessment_s);
    assert_int_equal(r.launch_on, BMD_LAUNCH_ON_RADAR_TRACK);
    assert_int_equal(r.require_fcr_coverage, 0);
    bmd_scenario_free(&scn);
    /* a partial timeline keeps the defaults for the delays it leaves out */
    st = bmd_scenario_open(write_file("partial.yaml", edit("decision_to_launch_s: 10, ", "")),
                           catalog_dir(), &scn, &err);
    assert_int_equal(st, BMD_SUCCESS);
    assert_true(scn.timeline.decision_to_launch_s == def.timeline.launch_delay_s);
    assert_int_equal(scn.launch_on, def.launch_on);
    bmd_scenario_free(&scn);
    expect_error(edit("timeline: {", "engagement: {launch_on: sometime}\ntimeline: {"),
                 BMD_EINVAL, "sometime", "engagement.launch_on", "radar-track");
}

static void areas_check_their_boxes(void **state)
{
    (void)state;
    const char *grid = "grids:\n  - name: g\n    box: {south: 50, north: 40, west: 0, east: 10, "
                       "step_deg: 1}\nthreats:";
    expect_error(edit("threats:", grid), BMD_EINVAL, "50, north",
                 "field 'grids[0].box': south 50 must be below north 40", NULL);
    expect_error(edit("threats:", "grids:\n  - name: g\n    box: {south: 40, north: 50, west: "
                                  "0, east: 10, step_deg: 0}\nthreats:"),
                 BMD_EINVAL, "0}\nthreats", "field 'grids[0].box.step_deg'", "positive");
    expect_error(edit("threats:", "grids:\n  - name: g\n    box: {south: 40, north: 50, west: "
                                  "0, east: 10}\nthreats:"),
                 BMD_EINVAL, "{south: 40", "exactly one of 'step_deg' or 'step_m'", NULL);
    /* A valid grid: 0.5-degree step over 10 x 20 degrees. */
    const char *path = write_file("grid.yaml", edit("threats:", "grids:\n  - name: g\n    box: "
                                  "{south: 40, north: 50, west: 0, east: 20, step_m: 50000}\n"
                                  "threats:"));
    bmd_error err;
    assert_int_equal(bmd_scenario_load(path, &scn, &err), BMD_SUCCESS);
    assert_int_equal(scn.n_grids, 1);
    assert_double_equal(scn.grids[0].box.step_m, 50000, 0);
    assert_double_equal(bmd_rad_to_deg(scn.grids[0].box.east_rad), 20, 1e-12);
    bmd_scenario_free(&scn);
}

static void unreadable_and_malformed_files_are_refused(void **state)
{
    (void)state;
    bmd_error err;
    char missing[PATH_MAX];
    snprintf(missing, sizeof missing, "%s/none.yaml", scratch);
    assert_int_equal(bmd_scenario_load(missing, &scn, &err), BMD_EIO);
    assert_non_null(strstr(err.message, "cannot open scenario file"));
    const char *text = edit("count: 24", "count: [24");
    const char *path = write_file("syntax.yaml", text);
    assert_int_equal(bmd_scenario_load(path, &scn, &err), BMD_EPARSE);
    char prefix[PATH_MAX + 8];
    snprintf(prefix, sizeof prefix, "%s:", path);
    assert_int_equal(strncmp(err.message, prefix, strlen(prefix)), 0);
    assert_int_equal(bmd_scenario_load(write_file("empty.yaml", ""), &scn, &err), BMD_EINVAL);
    assert_int_equal(bmd_scenario_load(NULL, &scn, &err), BMD_EINVAL);
    assert_int_equal(bmd_scenario_resolve(&scn, NULL, &err), BMD_EINVAL);
}

/* Compare two points to 1e-12 rad (17 significant digits of degrees survive the round trip). */
static void same_point(const bmd_scenario_point *a, const bmd_scenario_point *b)
{
    assert_string_equal(a->name, b->name);
    assert_double_equal(a->lat_rad, b->lat_rad, 1e-15);
    assert_double_equal(a->lon_rad, b->lon_rad, 1e-15);
    assert_double_equal(a->height_m, b->height_m, 0);
    assert_string_equal(a->prov.source, b->prov.source);
    assert_int_equal(a->prov.notional, b->prov.notional);
    assert_string_equal(a->prov.note, b->prov.note);
}

static void a_saved_scenario_loads_back_to_the_same_values(void **state)
{
    (void)state;
    bmd_error err;
    const char *src = write_file("rt.yaml",
                                 edit("    cue: [kurecik, sbirs]\n", "    cue: [kurecik, sbirs]\n"
                                      "    set: {burnout_speed_m_s: 3500}\n"));
    assert_int_equal(bmd_scenario_load(src, &scn, &err), BMD_SUCCESS);
    char out[PATH_MAX];
    snprintf(out, sizeof out, "%s/out.yaml", scratch);
    assert_int_equal(bmd_scenario_save(&scn, out, &err), BMD_SUCCESS);
    int st = bmd_scenario_open(out, catalog_dir(), &again, &err);
    if (st)
        print_error("%s\n", err.message);
    assert_int_equal(st, BMD_SUCCESS);
    assert_string_equal(scn.title, again.title);
    assert_string_equal(scn.question, again.question);
    assert_int_equal(scn.n_sources, again.n_sources);
    assert_string_equal(scn.sources[0].citation, again.sources[0].citation);
    assert_memory_equal(&scn.timeline, &again.timeline, sizeof scn.timeline);
    assert_int_equal(scn.n_sensors, again.n_sensors);
    for (int i = 0; i < scn.n_sensors; i++) {
        assert_int_equal(scn.sensors[i].kind, again.sensors[i].kind);
        same_point(&scn.sensors[i].site, &again.sensors[i].site);
        assert_double_equal(scn.sensors[i].radar.boresight_azimuth_rad,
                            again.sensors[i].radar.boresight_azimuth_rad, 1e-15);
        assert_memory_equal(&scn.sensors[i].ir, &again.sensors[i].ir, sizeof scn.sensors[i].ir);
    }
    assert_int_equal(scn.n_sites, again.n_sites);
    const bmd_scenario_site *a = &scn.sites[0], *b = &again.sites[0];
    same_point(&a->site, &b->site);
    assert_int_equal(a->count, b->count);
    assert_string_equal(a->interceptor.name, b->interceptor.name);
    assert_int_equal(a->interceptor.n_set, 1);
    assert_int_equal(b->interceptor.n_set, 1);
    assert_string_equal(a->interceptor.set[0].field, b->interceptor.set[0].field);
    assert_double_equal(a->interceptor.set[0].value, b->interceptor.set[0].value, 0);
    assert_double_equal(b->interceptor_entry.interceptor.burnout_speed_m_s, 3500, 0);
    assert_memory_equal(&a->timeline, &b->timeline, sizeof a->timeline);
    assert_memory_equal(a->cues, b->cues, sizeof a->cues);
    assert_int_equal(scn.n_threats, again.n_threats);
    for (int i = 0; i < scn.n_threats; i++) {
        same_point(&scn.threats[i].from, &again.threats[i].from);
        same_point(&scn.threats[i].to, &again.threats[i].to);
        assert_int_equal(scn.threats[i].shape, again.threats[i].shape);
        assert_string_equal(scn.threats[i].missile.name, again.threats[i].missile.name);
    }
    assert_int_equal(scn.n_launch_areas, again.n_launch_areas);
    same_point(&scn.launch_areas[0].points[0], &again.launch_areas[0].points[0]);
    assert_string_equal(scn.launch_areas[0].missile.name, again.launch_areas[0].missile.name);
    assert_int_equal(scn.n_targets, again.n_targets);
    bmd_scenario_free(&scn);
    bmd_scenario_free(&again);
}

static void a_sphere_earth_and_shape_names_parse(void **state)
{
    (void)state;
    bmd_error err;
    const char *path = write_file("sphere.yaml", edit("\"can it?\"", "\"can it?\"\nearth: "
                                  "{model: sphere, radius_m: 6371000, rotating: false}"));
    assert_int_equal(bmd_scenario_load(path, &scn, &err), BMD_SUCCESS);
    assert_int_equal(scn.earth_kind, BMD_EARTH_SPHERE);
    assert_double_equal(scn.earth.a_m, 6371000, 0);
    assert_double_equal(scn.earth.omega_rad_s, 0, 0);
    bmd_scenario_free(&scn);
    bmd_aim_shape shape;
    assert_int_equal(bmd_scenario_shape_parse("depressed", &shape, &err), BMD_SUCCESS);
    assert_int_equal(shape, BMD_AIM_DEPRESSED);
    assert_string_equal(bmd_scenario_shape_name(BMD_AIM_MIN_ENERGY), "min-energy");
    assert_int_equal(bmd_scenario_shape_parse("flat", &shape, &err), BMD_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_shipped_scenarios_load_and_resolve),
        cmocka_unit_test(the_default_analysis_holds_the_european_sites),
        cmocka_unit_test(a_valid_scenario_reads_every_field),
        cmocka_unit_test(overrides_reach_the_catalogue_entries),
        cmocka_unit_test(bad_numbers_and_ranges_are_refused_at_their_position),
        cmocka_unit_test(wrong_types_and_unknown_keys_are_refused),
        cmocka_unit_test(duplicates_and_dangling_references_are_refused),
        cmocka_unit_test(unknown_catalogue_names_and_fields_are_answered_with_close_names),
        cmocka_unit_test(a_missing_timeline_takes_the_engagement_defaults),
        cmocka_unit_test(areas_check_their_boxes),
        cmocka_unit_test(unreadable_and_malformed_files_are_refused),
        cmocka_unit_test(a_saved_scenario_loads_back_to_the_same_values),
        cmocka_unit_test(a_sphere_earth_and_shape_names_parse),
    };
    return cmocka_run_group_tests(tests, make_scratch, remove_scratch);
}
