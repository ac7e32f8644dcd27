/* cli/footprint_mc.h — footprint SCENARIO --samples N: the coverage probability of one map. */
#ifndef BMD_CLI_FOOTPRINT_MC_H
#define BMD_CLI_FOOTPRINT_MC_H

#include "footprint_cmd.h"
#include "outputs.h"

/* Run the Monte Carlo footprint of c's single map (set up by the command: grid, centre,
 * options) and write --csv, --geojson, --kml (indices in out, -1: not asked) and the table or
 * --json. Returns an exit status (2 with one line for a combination it does not support). */
int cli_footprint_mc(fp_cmd *c, const cli_args *a, cli_outputs *out, const int index[3]);

#endif
