/* bmdsim robust SCENARIO.yaml — how robust is each verdict (bmd/sensitivity.h): per (threat, site)
 * pair the verdict, its label (robust, fragile, assumption-dependent, docs/robustness.md), the
 * thresholds at which it flips, and the tornado of the uncertain parameters (bmd/param.h), as a
 * table, --json, --csv FILE and --svg DIR (one tornado chart per pair). This file holds the
 * options, the pairs, the parameters and the analysis; the outputs: robust_out.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/param.h"
#include "bmd/sensitivity.h"
#include "robust_cli.h"
#include "rules_cli.h"
#include "scenario_cli.h"

static const cli_option options[] = {
    {"pair", "THREAT:SITE", "only this pair (repeatable; default: every pair whose site has "
                            "interceptors)", 1},
    {"launch-on", "RULE", CLI_LAUNCH_ON_HELP},
    {"no-fcr-coverage", NULL, "the site's fire-control radar need not see the intercept"},
    {"vary", "PATH=DIST", "add or replace an uncertain parameter, e.g. "
                          "interceptor.burnout_speed_m_s=4000:5000 (repeatable)", 1},
    {"metric", "NAME", "what the tornado ranks: shots (default) | margin_m_s (slow) | "
                       "earliest_altitude_m"},
    {"no-thresholds", NULL, "skip the threshold searches (faster)"},
    {"top", "N", "tornado rows printed per pair (default 5)"},
    {"json", NULL, "one JSON object on standard output instead of the table"},
    {"csv", "FILE", "thresholds and tornado rows of every pair as CSV"},
    {"svg", "DIR", "one tornado chart per pair: DIR/tornado-THREAT-SITE.svg"},
    {"threads", "N", "OpenMP threads of the analysis (default: all cores)"},
    {"catalog", "DIR", "catalogue root (default $BMD_DATA_DIR/catalog)"},
};

static const char usage[] = "SCENARIO.yaml [--pair THREAT:SITE] [--launch-on RULE] "
                            "[--vary PATH=DIST] [--metric NAME] [--json] [--csv FILE] [--svg DIR]";

/* The analysis: the scenario's rules, then --launch-on / --no-fcr-coverage; no required speeds
 * (the interceptor-speed threshold computes them for the pairs asked for). */
static int analyse(robust_run *R)
{
    bmd_analysis_options opt;
    bmd_analysis_options_init(&opt);
    double threads = 0;
    int st;
    if ((st = cli_number(R->a, "threads", 0, 0, 0, 1024, 0, "threads", &threads)))
        return st;
    opt.threads = (int)threads;
    opt.required_speed = 0;
    bmd_engagement_rules rules;
    bmd_scenario_rules(R->scn, -1, &rules);
    if ((st = cli_rules_read(R->a, &rules)))
        return st;
    opt.rules_from_scenario = 0;
    bmd_engagement_rules_apply(&rules, NULL, &opt.engage);
    bmd_error err = {0};
    if ((st = bmd_analysis_run(R->scn, &opt, &R->an, &err)))
        return cli_library_failure(R->a->command, st, &err);
    return CLI_OK;
}

/* The pairs: --pair THREAT:SITE, else every pair whose site has interceptors. */
static int select_pairs(robust_run *R)
{
    const char *given[64];
    int ng = cli_all(R->a, "pair", given, 64);
    if (ng > 64) {
        cli_complain(R->a->command, "--pair given %d times; at most 64 allowed", ng);
        return CLI_USAGE;
    }
    for (int i = 0; i < ng; i++) {
        char buf[2 * BMD_NAME_MAX + 2];
        snprintf(buf, sizeof buf, "%s", given[i]);
        char *colon = strchr(buf, ':');
        if (!colon) {
            cli_complain(R->a->command, "--pair '%s': expected THREAT:SITE", given[i]);
            return CLI_USAGE;
        }
        *colon = '\0';
        int t = bmd_scenario_threat_index(R->scn, buf), s = bmd_scenario_site_index(R->scn, colon + 1);
        if (t < 0 || s < 0) {
            cli_complain(R->a->command, "--pair '%s': no %s '%s' in %s", given[i],
                         t < 0 ? "threat" : "site", t < 0 ? buf : colon + 1, R->scn->path);
            return CLI_USAGE;
        }
        if (R->scn->sites[s].count < 1) {
            cli_complain(R->a->command, "--pair '%s': site %s has no interceptors (count 0)",
                         given[i], colon + 1);
            return CLI_USAGE;
        }
        R->ti[R->n] = t;
        R->si[R->n++] = s;
    }
    for (int t = 0; ng == 0 && t < R->scn->n_threats; t++)
        for (int s = 0; s < R->scn->n_sites && R->n < MAX_PAIRS; s++)
            if (R->scn->sites[s].count > 0) {
                R->ti[R->n] = t;
                R->si[R->n++] = s;
            }
    return CLI_OK;
}

/* The uncertain parameters: the scenario's, then --vary. */
static int params(robust_run *R)
{
    bmd_error err = {0};
    int st = bmd_param_set_from_scenario(R->scn, &R->set, &err);
    const char *vary[64];
    int nv = cli_all(R->a, "vary", vary, 64);
    for (int i = 0; !st && i < nv && i < 64; i++)
        st = bmd_param_set_vary_in(&R->set, R->scn, vary[i], &err);
    if (st) {
        cli_complain(R->a->command, "%s", err.message);
        return cli_exit_status(st);
    }
    return CLI_OK;
}

/* The assumptions in one line (the rules of the first pair's site, the warheads' RCS). */
static void assumptions(robust_run *R)
{
    bmd_engagement_rules rules;
    char rtext[320], rcs[160];
    cli_analysis_rules(&R->an, -1, &rules);
    int k = snprintf(R->assumptions, sizeof R->assumptions, "%s; radars look for the warhead: ",
                     bmd_engagement_rules_describe(&rules, rtext, sizeof rtext));
    for (int i = 0; i < R->scn->n_threats && k < (int)sizeof R->assumptions; i++) {
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = !strcmp(R->scn->threats[j].entry->missile.name,
                           R->scn->threats[i].entry->missile.name);
        if (!seen)
            k += snprintf(R->assumptions + k, sizeof R->assumptions - (size_t)k, "%s%s %s",
                          i ? ", " : "", R->scn->threats[i].entry->missile.name,
                          bmd_catalog_warhead_rcs_text(R->scn->threats[i].entry, rcs, sizeof rcs));
    }
}

static int compute(robust_run *R)
{
    bmd_sens_options opt;
    bmd_sens_options_init(&opt);
    R->r = calloc((size_t)(R->n > 0 ? R->n : 1), sizeof *R->r);
    if (!R->r)
        return CLI_FAILED;
    for (int i = 0; i < R->n; i++) {
        bmd_error err = {0};
        int st = bmd_sens_robustness(&R->an, R->ti[i], R->si[i], &R->set, R->metric,
                                     R->thresholds, &opt, &R->r[i], &err);
        if (st)
            return cli_library_failure(R->a->command, st, &err);
    }
    return CLI_OK;
}

int cli_cmd_robust(int argc, char **argv)
{
    cli_args a;
    const char *pos[1];
    int npos = 0;
    int st = cli_parse_positional(&a, "robust", usage, options, sizeof options / sizeof *options,
                                  argc, argv, 2, pos, 1, &npos);
    if (st)
        return st < 0 ? CLI_OK : st;
    if (npos != 1) {
        cli_complain("robust", "give one scenario file (usage: bmdsim robust %s)", usage);
        return CLI_USAGE;
    }
    robust_run *R = calloc(1, sizeof *R);
    bmd_scenario *scn = calloc(1, sizeof *scn);
    if (!R || !scn) {
        free(R);
        free(scn);
        return CLI_FAILED;
    }
    R->a = &a;
    R->scn = scn;
    R->thresholds = !cli_has(&a, "no-thresholds");
    R->metric = BMD_SENS_METRIC_SHOTS;
    double top;
    bmd_error err = {0};
    if (cli_has(&a, "metric") && bmd_sens_metric_parse(cli_text(&a, "metric"), &R->metric, &err)) {
        cli_complain("robust", "--metric: %s", err.message);
        st = CLI_USAGE;
    } else if (!(st = cli_number(&a, "top", 5, 0, 0, 1000, 0, "rows", &top)) &&
               !(st = cli_scenario_open(&a, pos[0], scn)) && !(st = select_pairs(R)) &&
               !(st = params(R)) && !(st = analyse(R))) {
        assumptions(R);
        if (!(st = compute(R)) && !(st = cli_robust_write_files(R)))
            st = cli_has(&a, "json") ? cli_robust_print_json(R) : cli_robust_print_table(R);
    }
    for (int i = 0; R->r && i < R->n; i++)
        bmd_robustness_free(&R->r[i]);
    free(R->r);
    bmd_param_set_free(&R->set);
    bmd_analysis_free(&R->an);
    bmd_scenario_free(scn);
    free(scn);
    free(R);
    return st;
}
