/* cli/scenario_cli.h — pieces shared by the commands that run a scenario (engage SCENARIO.yaml,
 * report): open and resolve it, run the analysis, and write its GeoJSON and KML. */
#ifndef BMD_CLI_SCENARIO_CLI_H
#define BMD_CLI_SCENARIO_CLI_H

#include "bmd/analysis.h"
#include "bmd/scenario.h"
#include "cli.h"
#include "outputs.h"

/* Load and resolve path against the catalogue root (--catalog DIR when the command has it and it
 * was given, else $BMD_DATA_DIR/catalog, else the built-in path). One line on stderr and
 * CLI_USAGE for a bad file or name (CLI_FAILED when out of memory). */
int cli_scenario_open(const cli_args *a, const char *path, bmd_scenario *scn);

/* Run the analysis (--threads N when given; required speeds unless --no-required-speed; the
 * fire-control radar need not see the threat when engage_on_remote or --no-fcr-coverage).
 * One line on stderr and the exit status on failure. */
int cli_scenario_analyse(const cli_args *a, const bmd_scenario *scn, int engage_on_remote,
                         bmd_analysis *an);

/* The rules a pair of site si was evaluated under: the site's timeline with the analysis'
 * launch-on setting and fire-control requirement (si -1: the scenario's timeline). */
void cli_analysis_rules(const bmd_analysis *an, int si, bmd_engagement_rules *rules);

/* Write the analysis' scene (with intercept points), and the footprint maps of fps (may be NULL:
 * their contours as modelled and on remote, and their grids), as GeoJSON to file geojson and KML
 * to file kml of the output set o (either -1 to skip; committed by the caller). One line on
 * stderr and the exit status on failure. */
int cli_scenario_exports(const char *command, const bmd_analysis *an,
                         const bmd_analysis_footprints *fps, cli_outputs *o, int geojson, int kml);

/* Adds features to the scene after its intercept points (before the footprint maps); returns a
 * library status and fills err. */
typedef int (*cli_scene_hook)(const void *ctx, bmd_scene *sc, bmd_error *err);

/* cli_scenario_exports with hook (may be NULL) called on the scene before it is written, with
 * hook_ctx as its first argument. */
int cli_scenario_exports_with(const char *command, const bmd_analysis *an,
                              const bmd_analysis_footprints *fps, cli_scene_hook hook,
                              const void *hook_ctx, cli_outputs *o, int geojson, int kml);

#endif
