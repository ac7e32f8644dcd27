/* test_scenario_support.h — the scenario fixture shared by the cmocka tests that build a scenario
 * from YAML text (test_analysis, test_param, test_sensitivity, test_montecarlo, test_report,
 * test_scenario, test_required_speed, test_mc_footprint, test_report_probability). Header only;
 * include after test_support.h. */
#ifndef BMD_TEST_SCENARIO_SUPPORT_H
#define BMD_TEST_SCENARIO_SUPPORT_H

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "bmd/scenario.h"

/* One MRBM (shahab-3-class), a ship near its track that engages in some samples, and two sites in
 * northern Europe whose fire-control radars never see it (one of them the only SM-3 IIA): the
 * engage Monte Carlo's fast-path case (test_mc_fast.c, test_mc_rules.c). */
#define BMD_TEST_FAST_PATH_YAML \
    "kind: scenario\n" \
    "title: \"mc fast-path test\"\n" \
    "timeline: {detect_to_track_s: 20, track_to_decision_s: 7, decision_to_launch_s: 3, " \
    "kill_assessment_s: 30}\n" \
    "sensors:\n" \
    "  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 5}, notional: true, note: t}\n" \
    "sites:\n" \
    "  - {name: near, at: [38.0, 42.5], interceptor: sm-3-block-ib, count: 4, radar: spy-1d, " \
    "cue: [sbirs], notional: true, note: t}\n" \
    "  - {name: poland, at: [54.48, 17.11], interceptor: sm-3-block-ib, count: 4, radar: spy-1d, " \
    "cue: [sbirs], notional: true, note: t}\n" \
    "  - {name: north-sea, at: [58.0, 2.0], interceptor: sm-3-block-iia, count: 8, radar: spy-1d, " \
    "cue: [sbirs], notional: true, note: t}\n" \
    "threats:\n" \
    "  - {name: mrbm, missile: shahab-3-class, from: [35.5, 51.0], to: [37.5, 41.5], " \
    "notional: true, note: t}\n"

/* One SM-3 IIA site at (38.0 N, 42.5 E) cued only by space-based infrared, and the line opening
 * the threats: the defence of the one-pair scenarios below (append one threat). */
#define BMD_TEST_ONE_SITE_YAML                                                                     \
    "kind: scenario\n"                                                                            \
    "title: \"one pair\"\n"                                                                       \
    "timeline: {detect_to_track_s: 20, track_to_decision_s: 7, decision_to_launch_s: 3, "        \
    "kill_assessment_s: 30}\n"                                                                    \
    "sensors:\n"                                                                                  \
    "  - {name: sbirs, ir: {cloud_top_m: 10000, delay_s: 5}, notional: true, note: t}\n"          \
    "sites:\n"                                                                                    \
    "  - {name: near, at: [38.0, 42.5], interceptor: sm-3-block-iia, count: 4, cue: [sbirs], "    \
    "notional: true, note: t}\n"                                                                  \
    "threats:\n"

/* One MRBM (shahab-3-class) against that site near its target (no radar sees the threat): the
 * one-pair case of the Monte Carlo, sensitivity, coverage-probability and report-probability
 * tests. */
#define BMD_TEST_ONE_PAIR_YAML                                                                     \
    BMD_TEST_ONE_SITE_YAML                                                                         \
    "  - {name: mrbm, missile: shahab-3-class, from: [35.5, 51.0], to: [37.5, 41.5], "            \
    "notional: true, note: t}\n"

/* The data directory: $BMD_DATA_DIR, else the source tree's (BMD_TEST_DATA_DIR). */
static inline const char *bmd_test_data_dir(void)
{
    const char *env = getenv("BMD_DATA_DIR");
    return env && *env ? env : BMD_TEST_DATA_DIR;
}

/* Write text to a temporary file, open it as a scenario against the data directory's catalogue
 * and remove the file. Returns bmd_scenario_open's status (err filled). */
static inline int bmd_test_open_scenario_text(const char *text, bmd_scenario *scn, bmd_error *err)
{
    char path[] = "/tmp/bmd_test_scenario_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    char cat[1024];
    snprintf(cat, sizeof cat, "%s/catalog", bmd_test_data_dir());
    bmd_scenario_init(scn);
    int st = bmd_scenario_open(path, cat, scn, err);
    remove(path);
    return st;
}

/* As bmd_test_open_scenario_text, failing the test with the library's message on an error. */
static inline void bmd_test_open_scenario(const char *text, bmd_scenario *scn)
{
    bmd_error err = {0};
    if (bmd_test_open_scenario_text(text, scn, &err))
        fail_msg("%s", err.message);
}

#endif
