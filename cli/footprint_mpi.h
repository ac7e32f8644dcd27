/* cli/footprint_mpi.h — `bmdsim footprint` across MPI ranks (built with -DBMD_MPI=ON; without it
 * every function is the one-process case). The ranks meet at the same points — after loading,
 * after every chunk of cells, after every map — and agree there whether any rank failed or was
 * interrupted; then every rank stops, the lowest failing rank alone says why, rank 0 writes
 * nothing, and every rank exits with the same status. No rank waits in a collective the others
 * never reach. */
#ifndef BMD_CLI_FOOTPRINT_MPI_H
#define BMD_CLI_FOOTPRINT_MPI_H

#include <signal.h>
#include <stdio.h>

#include "footprint_cmd.h"

/* MPI_Init when needed; rank and size into c (0 and 1 without MPI). */
void fp_mpi_init(fp_cmd *c);

/* MPI_Finalize (once per process). */
void fp_mpi_finalize(const fp_cmd *c);

/* The default thread count of a rank (--threads not given): the node's online processors shared
 * among the ranks on the node (at least 1). mpirun binds each rank to one core by default, which
 * would leave one thread per rank; the rank's affinity is widened to every online processor when
 * it is narrower than that count. 0 (the library's default: every processor this process may
 * use) when not started by mpirun or when OMP_NUM_THREADS is set. Collective: every rank calls it. */
int fp_mpi_default_threads(const fp_cmd *c);

/* Whether any rank failed (failed nonzero) or saw *interrupted: every rank must call it at the
 * same points. */
int fp_mpi_any_stop(const fp_cmd *c, int failed, const volatile sig_atomic_t *interrupted);

/* The job's exit status from every rank's own status st (0: fine): the status of the lowest
 * failing rank, else 130 when any rank was interrupted, else 0. *speaker: 1 on the one rank that
 * must say why (the lowest failing rank; rank 0 for an interruption). */
int fp_mpi_job_status(const fp_cmd *c, int st, const volatile sig_atomic_t *interrupted,
                      int *speaker);

/* Gather every rank's block of cells (n cells in all, blocks as fp_block) into out on rank 0. The
 * counts are in cells (an MPI datatype of one cell), so blocks beyond 2 GiB are fine up to 2^31
 * cells per rank. Returns 0, or nonzero when a block has more cells than an int counts. */
int fp_mpi_gather_cells(const fp_cmd *c, bmd_footprint_cell *out, long n);

/* The counts and displacements of fp_mpi_gather_cells for n cells over size ranks (blocks as
 * fp_block), in cells: one MPI datatype is one cell, so a block of more than 2 GiB (2^31 bytes)
 * is counted right as long as its cells fit an int. Returns 0, or nonzero (nothing filled) when
 * n > INT_MAX or size < 1. Pure: tested without MPI (tests/test_footprint_mpi_counts.c). */
int fp_gather_counts(int size, long n, int *counts, int *displs);

/* Sum the run counters of stats over the ranks (flights, engagements, pruned). */
void fp_mpi_sum_stats(const fp_cmd *c, bmd_footprint_stats *stats);

/* Sum v[0..n-1] over the ranks into rank 0's v (integers: exact, any order); other ranks' v
 * unchanged. Collective. */
void fp_mpi_sum_longs(const fp_cmd *c, long *v, long n);

/* The block of cells [first, first + count) of rank among size ranks, for n cells. */
void fp_block(int rank, int size, long n, long *first, long *count);

/* Hold this rank's stderr until the ranks have agreed (ranks above 0; on rank 0 and without MPI
 * nothing is held), then print it only when say is nonzero. */
typedef struct fp_held_stderr {
    FILE *file;
    int saved_fd;
} fp_held_stderr;
void fp_stderr_hold(const fp_cmd *c, fp_held_stderr *h);
void fp_stderr_release(fp_held_stderr *h, int say);

#endif
