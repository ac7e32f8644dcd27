/* Shared by engage SCENARIO.yaml and report: open, analyse, export. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/scene.h"
#include "common.h"
#include "rules_cli.h"
#include "scenario_cli.h"
#include "sweep_inject.h"
#include "bmd/version.h"


/* The option's text when the command has that option and it was given. */
static const char *option_text(const cli_args *a, const char *name)
{
    for (int i = 0; i < a->n_options; i++)
        if (strcmp(a->options[i].name, name) == 0)
            return a->value[i];
    return NULL;
}

int cli_scenario_open(const cli_args *a, const char *path, bmd_scenario *scn)
{
    char root[BMD_PATH_MAX];
    const char *given = option_text(a, "catalog");
    if (given)
        snprintf(root, sizeof root, "%s", given);
    else
        snprintf(root, sizeof root, "%s/catalog", bmd_data_dir());
    bmd_error err = {0};
    bmd_scenario_init(scn);
    int st = bmd_scenario_open(path, root, scn, &err);
    if (!st)
        return cli_inject_scenario(a->command, scn); /* bmdsim sweep: CLI_OK without one */
    cli_complain(a->command, "%s", err.message[0] ? err.message : bmd_status_name(st));
    return cli_exit_status(st);
}

int cli_scenario_analyse(const cli_args *a, const bmd_scenario *scn, int engage_on_remote,
                         bmd_analysis *an)
{
    bmd_analysis_options opt;
    bmd_analysis_options_init(&opt);
    double threads = 0;
    int st;
    if (option_text(a, "threads") &&
        (st = cli_number(a, "threads", 0, 0, 0, 1024, 0, "threads", &threads)))
        return st;
    if (threads != floor(threads)) {
        cli_complain(a->command, "--threads: %g is not a whole number", threads);
        return CLI_USAGE;
    }
    opt.threads = (int)threads;
    opt.required_speed = !option_text(a, "no-required-speed");
    /* the scenario's rules, then the flags */
    bmd_engagement_rules rules;
    bmd_scenario_rules(scn, -1, &rules);
    if ((st = cli_rules_read(a, &rules)))
        return st;
    if (engage_on_remote)
        rules.require_fcr_coverage = 0;
    opt.rules_from_scenario = 0;
    bmd_engagement_rules_apply(&rules, NULL, &opt.engage);
    bmd_error err = {0};
    if ((st = bmd_analysis_run(scn, &opt, an, &err)))
        return cli_library_failure(a->command, st, &err);
    return CLI_OK;
}

int cli_scenario_exports(const char *command, const bmd_analysis *an,
                         const bmd_analysis_footprints *fps, cli_outputs *o, int geojson, int kml)
{
    return cli_scenario_exports_with(command, an, fps, NULL, NULL, o, geojson, kml);
}

int cli_scenario_exports_with(const char *command, const bmd_analysis *an,
                              const bmd_analysis_footprints *fps, cli_scene_hook hook,
                              const void *hook_ctx, cli_outputs *o, int geojson, int kml)
{
    if (geojson < 0 && kml < 0 && o->czml < 0)
        return CLI_OK;
    bmd_scene sc;
    bmd_scene_init(&sc, &an->scn->earth);
    bmd_error err = {0};
    int st = bmd_analysis_scene(an, BMD_ANALYSIS_SCENE_INTERCEPTS, &sc, &err);
    if (!st && hook)
        st = hook(hook_ctx, &sc, &err);
    for (int i = 0; fps && i < fps->n && !st; i++)
        st = bmd_analysis_footprint_scene(fps, i, BMD_ANALYSIS_FP_OWN | BMD_ANALYSIS_FP_REMOTE |
                                                      BMD_ANALYSIS_FP_GRID, &sc, &err);
    int cli = st ? cli_library_failure(command, st, &err) : cli_outputs_write_scene(o, &sc, geojson, kml);
    bmd_scene_free(&sc);
    return cli;
}

void cli_analysis_rules(const bmd_analysis *an, int si, bmd_engagement_rules *rules)
{
    bmd_scenario_rules(an->scn, si, rules);
    rules->launch_on = an->opt.engage.launch_on;
    rules->require_fcr_coverage = an->opt.engage.require_fcr_coverage;
}
