/* cli/mc_mpi.h — `bmdsim engage SCENARIO --samples N` across MPI ranks (built with -DBMD_MPI=ON;
 * without it, or run without mpirun, one rank does everything). Every rank loads the scenario and
 * computes the records of its block of samples (bmd_mc_records_run; blocks as fp_block); the
 * ranks agree whether any failed; rank 0 gathers the records in sample order, reduces them
 * (bmd_mc_reduce) and alone writes. The output is byte-identical to one process: sample i's
 * design values and records do not depend on the rank that computes them, and the reduction
 * reads them in sample order. Errors follow `bmdsim footprint` (cli/footprint_mpi.h): the lowest
 * failing rank alone says why and every rank exits with its status. */
#ifndef BMD_CLI_MC_MPI_H
#define BMD_CLI_MC_MPI_H

#include "bmd/montecarlo.h"
#include "footprint_mpi.h"

/* The ranks of one Monte Carlo command. */
typedef struct mc_mpi {
    fp_cmd *c;                 /* rank and size (the agreement functions of footprint_mpi.h) */
    int rank, size;
    int default_threads;       /* fp_mpi_default_threads: threads per rank when --threads is not
                                  given (0: the library's default) */
    fp_held_stderr held;       /* ranks above 0: stderr held until the job's status is agreed */
} mc_mpi;

/* MPI_Init when needed, the rank's default threads, and hold stderr on ranks above 0. Returns 0,
 * or nonzero (out of memory; nothing started). Collective. */
int mc_mpi_begin(mc_mpi *m, const char *command);

/* Agree on the job's exit status from this rank's status st (0: fine; the lowest failing rank's
 * status wins), let the lowest failing rank's held stderr through, MPI_Finalize. Returns the
 * status every rank exits with. Collective. */
int mc_mpi_end(mc_mpi *m, int st);

/* Whether any rank failed (failed nonzero). Collective: every rank calls it at the same point. */
int mc_mpi_any_failed(const mc_mpi *m, int failed);

/* This rank's block of the n samples. */
void mc_mpi_block(const mc_mpi *m, long n, long *first, long *count);

/* Gather every rank's records (mine: this rank's block of mine->n samples) into all on rank 0
 * (allocated there by the caller for [0, n) with the same pairs), in sample order, and sum the
 * run counters into all. Counts in samples (an MPI datatype of one sample's records), as
 * fp_gather_counts. Returns 0, or nonzero on every rank when the counts do not fit an int.
 * Collective; on one rank it copies. */
int mc_mpi_gather(const mc_mpi *m, const bmd_mc_records *mine, bmd_mc_records *all);

#endif
