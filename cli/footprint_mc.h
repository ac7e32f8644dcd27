/* cli/footprint_mc.h — footprint SCENARIO --samples N: the coverage probability of one map. */
#ifndef BMD_CLI_FOOTPRINT_MC_H
#define BMD_CLI_FOOTPRINT_MC_H

#include "footprint_cmd.h"
#include "outputs.h"

/* Run the Monte Carlo footprint of c's single map (set up by the command: grid, centre,
 * options) and write --csv, --geojson, --kml (indices in out, -1: not asked) and the table or
 * --json. Under MPI every rank runs its block of samples and rank 0 alone writes (the ranks
 * agree on failures as footprint_mpi.h says). *interrupted (set by the command's SIGINT/SIGTERM
 * handler, which already said so on rank 0) is checked after the samples: nothing is written,
 * status 130. Returns the job's exit status (the same on every rank; 2 with one line for a
 * combination it does not support). */
int cli_footprint_mc(fp_cmd *c, const cli_args *a, cli_outputs *out, const int index[3],
                     const volatile sig_atomic_t *interrupted);

#endif
