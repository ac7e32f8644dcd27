/* The axes of bmdsim sweep (sweep.h), what the target command was given: its flags, its scenario
 * file, the catalogue value (and low:high) of a parameter it names, the engage flag of a rule, and
 * range's catalogue payload. Parsing the axes: sweep_axis.c; the target's arguments at one grid
 * point: sweep_argv.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/engagement.h"
#include "bmd/interceptor_catalog.h"
#include "bmd/radar_catalog.h"
#include "common.h"
#include "sweep.h"
#include "sweep_inject.h"
#include "threat.h"

/* The text the target was given for --flag (either form), or NULL. */
const char *cli_sweep_given_flag(const sweep_command *cmd, const char *flag)
{
    size_t len = strlen(flag);
    for (int i = 0; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (strncmp(a, "--", 2) != 0 || strncmp(a + 2, flag, len) != 0)
            continue;
        if (a[2 + len] == '=')
            return a + 3 + len;
        if (a[2 + len] == '\0' && i + 1 < cmd->argc)
            return cmd->argv[i + 1];
    }
    return NULL;
}

/* A scenario file as the target's first positional argument (engage SCENARIO.yaml, ...). */
const char *cli_sweep_scenario_of(const sweep_command *cmd)
{
    for (int i = 0; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        size_t n = strlen(a);
        if (strncmp(a, "--", 2) != 0 && n > 5 &&
            (strcmp(a + n - 5, ".yaml") == 0 || strcmp(a + n - 4, ".yml") == 0))
            return a;
    }
    return NULL;
}

/* The catalogue value (and low/high) of a parameter path, from the entry the target names. */
void cli_sweep_catalogue_nominal(const sweep_command *cmd, sweep_axis *ax, double *lo, double *hi)
{
    char kind[16], name[128], dir[BMD_CATALOG_TEXT_MAX];
    const char *field;
    if (!cli_inject_split(ax->path, kind, sizeof kind, name, sizeof name, &field))
        return;
    const char *given = cli_sweep_given_flag(cmd, !strcmp(kind, "radar") ? "radar"
                                        : !strcmp(kind, "interceptor") ? "interceptor"
                                                                         : "missile");
    if (!given && !strcmp(kind, "missile") && cmd->argc > 0 && strncmp(cmd->argv[0], "--", 2) &&
        (!strcmp(cmd->name, "range") || !strcmp(cmd->name, "trajectory")))
        given = cmd->argv[0]; /* range NAME */
    if (!given && !name[0])
        return;
    bmd_error err;
    if (!strcmp(kind, "missile")) {
        bmd_catalog_missile *e = malloc(sizeof *e);
        const char *d = cli_sweep_given_flag(cmd, "dir");
        if (d)
            snprintf(dir, sizeof dir, "%s", d);
        else
            cli_catalog_dir("missiles", dir, sizeof dir);
        if (e && !bmd_catalog_find_missile(dir, given ? given : name, e, &err))
            for (int i = 0; i < e->n_params; i++)
                if (!strcmp(e->params[i].field, field)) {
                    ax->nominal = e->params[i].value;
                    if (e->params[i].has_range)
                        *lo = e->params[i].low, *hi = e->params[i].high;
                    snprintf(ax->nominal_from, sizeof ax->nominal_from, "catalogue %s",
                             e->missile.name);
                }
        free(e);
    } else if (!strcmp(kind, "interceptor")) {
        bmd_catalog_interceptor *e = malloc(sizeof *e);
        cli_catalog_dir("interceptors", dir, sizeof dir);
        const bmd_interceptor_param *p = NULL;
        if (e && !bmd_catalog_find_interceptor(dir, given ? given : name, e, &err) &&
            (p = bmd_catalog_interceptor_param(e, field))) {
            ax->nominal = p->prov.value;
            *lo = p->low, *hi = p->high;
            snprintf(ax->nominal_from, sizeof ax->nominal_from, "catalogue %s",
                     e->interceptor.name);
        }
        free(e);
    } else {
        bmd_catalog_radar *e = malloc(sizeof *e);
        cli_catalog_dir("radars", dir, sizeof dir);
        const bmd_param_provenance *p = NULL;
        if (e && !bmd_catalog_find_radar(dir, given ? given : name, e, &err) &&
            (p = bmd_catalog_radar_param(e, field))) {
            ax->nominal = p->value;
            if (p->has_range)
                *lo = p->low, *hi = p->high;
            snprintf(ax->nominal_from, sizeof ax->nominal_from, "catalogue %s", e->name);
        }
        free(e);
    }
}

/* The given value of a LAT,LON flag: component 0 latitude, 1 longitude; NAN if absent or bad. */
double cli_sweep_latlon_given(const sweep_command *cmd, const char *flag, int component)
{
    const char *t = cli_sweep_given_flag(cmd, flag);
    double lat, lon;
    if (!t || sscanf(t, "%lf,%lf", &lat, &lon) != 2)
        return NAN;
    return component ? lon : lat;
}

/* The engage flag of a rule: the flag and its default. */
int cli_sweep_rule_flag(const char *rule, const char **flag, double *fallback)
{
    bmd_engagement_rules r;
    bmd_engagement_rules_init(&r);
    static const char *const rules[] = {"track_delay_s", "decision_delay_s", "launch_delay_s",
                                        "kill_assessment_s"};
    static const char *const flags[] = {"track-delay", "decision-delay", "launch-delay", "assess"};
    const double defaults[] = {r.timeline.track_delay_s, r.timeline.decision_delay_s,
                               r.timeline.launch_delay_s, r.timeline.kill_assessment_s};
    for (int i = 0; i < 4; i++)
        if (!strcmp(rule, rules[i])) {
            *flag = flags[i];
            *fallback = defaults[i];
            return 1;
        }
    return 0;
}

double sweep_range_payload(const sweep_command *cmd)
{
    if (strcmp(cmd->name, "range") != 0 || cli_sweep_given_flag(cmd, "payload-min") ||
        cli_sweep_given_flag(cmd, "payload-max"))
        return NAN;
    const char *set = cli_sweep_given_flag(cmd, "set");
    if (set && strstr(set, "payload.rv_mass_kg")) /* the --set value */
        return NAN;
    sweep_axis ax;
    memset(&ax, 0, sizeof ax);
    ax.nominal = NAN;
    snprintf(ax.path, sizeof ax.path, "missile.payload.rv_mass_kg");
    double lo, hi;
    cli_sweep_catalogue_nominal(cmd, &ax, &lo, &hi);
    return ax.nominal;
}
