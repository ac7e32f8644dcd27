/* cli/mc_cli.h — the Monte Carlo options shared by engage, footprint and report (--samples,
 * --seed, --sampler, --vary, --mc-csv) and the scenario-form Monte Carlo run of engage. */
#ifndef BMD_CLI_MC_CLI_H
#define BMD_CLI_MC_CLI_H

#include "bmd/montecarlo.h"
#include "cli.h"

/* The option lines (append to a command's options table). */
#define CLI_MC_OPTIONS                                                                            \
    {"samples", "N", "Monte Carlo: N samples of the uncertain parameters (catalogue low/high and "  \
                     "dist:, the scenario's uncertain:, --vary), 1 to 100000"},                     \
    {"seed", "S", "Monte Carlo seed, integer >= 0 (default 1)"},                                  \
    {"sampler", "NAME", "Monte Carlo design: lhs (default), mc or halton"},                       \
    {"vary", "PATH=DIST", "Monte Carlo: vary a parameter, e.g. interceptor.burnout_speed_m_s="     \
                          "4500:5500 or rules.launch_on={ir-track,burnout} (repeatable)", 1},     \
    {"mc-csv", "FILE", "Monte Carlo: per-pair probabilities and quantiles as CSV"}

/* Whether a Monte Carlo option was given (then --samples is required). */
int cli_mc_wanted(const cli_args *a);

/* Read --samples/--seed/--sampler/--threads into opt and the parameters (the scenario's, then
 * every --vary) into set. One line on stderr and CLI_USAGE on bad input. */
int cli_mc_setup(const cli_args *a, const bmd_scenario *scn, bmd_mc_options *opt,
                 bmd_param_set *set);

/* The same for a command whose Monte Carlo is optional (report): --samples N defaults to
 * default_n and may be 0 (opt->samples 0: no Monte Carlo; the other options are still checked).
 * One line on stderr and CLI_USAGE on bad input (N < 0, N above BMD_MC_MAX_SAMPLES, not whole,
 * a bad --seed, --sampler or --vary). */
int cli_mc_setup_optional(const cli_args *a, const bmd_scenario *scn, long default_n,
                          bmd_mc_options *opt, bmd_param_set *set);

/* bmdsim engage SCENARIO.yaml --samples N ...: the Monte Carlo table, or --json, and --mc-csv.
 * Under mpirun (-DBMD_MPI=ON) the samples are split over the ranks and rank 0 alone writes
 * (cli/mc_mpi.h); the output is the same bytes as one process. Returns the job's exit status. */
int cli_mc_engage(const cli_args *a, const bmd_scenario *scn);

/* The same from the scenario's path (opened with --catalog); --geojson and --kml are refused
 * (the maps of a Monte Carlo run are footprint's). */
int cli_mc_engage_path(const cli_args *a, const char *path);

#endif
