/* The engagement rules at the command line (rules_cli.h). */
#include <stdio.h>
#include <string.h>

#include "rules_cli.h"

/* The option's text when the command has that option and it was given. */
static const char *given(const cli_args *a, const char *name)
{
    for (int i = 0; i < a->n_options; i++)
        if (strcmp(a->options[i].name, name) == 0)
            return a->value[i];
    return NULL;
}

int cli_rules_read(const cli_args *a, bmd_engagement_rules *rules)
{
    const char *name = given(a, "launch-on");
    if (name) {
        bmd_error err;
        if (bmd_launch_on_parse(name, &rules->launch_on, &err)) {
            cli_complain(a->command, "--launch-on %s: use ir-track, burnout or radar-track",
                         name);
            return CLI_USAGE;
        }
    }
    if (given(a, "no-fcr-coverage"))
        rules->require_fcr_coverage = 0;
    return CLI_OK;
}

void cli_record_rules(cli_record *rec, const bmd_engagement_rules *r)
{
    cli_record_text(rec, "launch_on", "launch on", bmd_launch_on_name(r->launch_on));
    cli_record_text(rec, "launch_on_meaning", "launch on, meaning",
                    bmd_launch_on_meaning(r->launch_on));
    cli_record_number(rec, "track_delay_s", "delay: detection to track", r->timeline.track_delay_s,
                      "s", 1);
    cli_record_number(rec, "decision_delay_s", "delay: track to decision",
                      r->timeline.decision_delay_s, "s", 1);
    cli_record_number(rec, "launch_delay_s", "delay: decision to launch",
                      r->timeline.launch_delay_s, "s", 1);
    cli_record_number(rec, "kill_assessment_s", "delay: kill assessment",
                      r->timeline.kill_assessment_s, "s", 1);
    cli_record_bool(rec, "fcr_required_at_intercept", "site radar must see the intercept",
                    r->require_fcr_coverage);
}

const char *cli_detected_object(bmd_detector detector, const char *rcs_text, char *buf, size_t n)
{
    switch (detector) {
    case BMD_DETECTOR_IR:
        snprintf(buf, n, "booster plume (space-based infrared; no cross-section)");
        break;
    case BMD_DETECTOR_RADAR:
    case BMD_DETECTOR_FIRE_CONTROL: snprintf(buf, n, "%s", rcs_text); break;
    default: snprintf(buf, n, "none"); break;
    }
    return buf;
}
