/* cli/rules_cli.h — the engagement rules at the command line (engage in both forms, footprint,
 * report): --launch-on and --no-fcr-coverage, the rows every verdict carries (launch-on setting,
 * delays, fire-control radar requirement) and the text naming what a detection saw. */
#ifndef BMD_CLI_RULES_CLI_H
#define BMD_CLI_RULES_CLI_H

#include <stddef.h>

#include "bmd/engagement.h"
#include "cli.h"

/* The help line of --launch-on. */
#define CLI_LAUNCH_ON_HELP                                                                     \
    "when the interceptor may launch: ir-track (default; first report by any sensor, "         \
    "space-based IR during boost included) | burnout (not before the threat's burnout) | "     \
    "radar-track (a radar's track only, after burnout)"

/* Apply --launch-on NAME and --no-fcr-coverage (when the command has them and they were given)
 * to rules. One line on stderr and CLI_USAGE for an unknown name. */
int cli_rules_read(const cli_args *a, bmd_engagement_rules *rules);

/* The rows of the rules: launch_on, its meaning, the four delays and fcr_required_at_intercept. */
void cli_record_rules(cli_record *rec, const bmd_engagement_rules *rules);

/* What the first detection saw: "warhead 0.01 m^2 (notional)" (rcs_text) for a radar,
 * "booster plume (space-based infrared; no cross-section)" for IR, "none". Returns buf. */
const char *cli_detected_object(bmd_detector detector, const char *rcs_text, char *buf,
                                size_t n);

#endif
