/* `bmdsim footprint` across MPI ranks: agreement points, the gather, thread defaults
 * (cli/footprint_mpi.h). */
#define _GNU_SOURCE /* sched_setaffinity, CPU_SET */
#include "footprint_mpi.h"

#include <limits.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#ifdef BMD_MPI
#include <mpi.h>
#endif

void fp_block(int rank, int size, long n, long *first, long *count)
{
    const long q = n / size, r = n % size;
    *first = rank * q + (rank < r ? rank : r);
    *count = q + (rank < r ? 1 : 0);
}

void fp_mpi_init(fp_cmd *c)
{
    c->rank = 0;
    c->size = 1;
#ifdef BMD_MPI
    int inited = 0;
    MPI_Initialized(&inited);
    if (!inited)
        MPI_Init(NULL, NULL);
    MPI_Comm_rank(MPI_COMM_WORLD, &c->rank);
    MPI_Comm_size(MPI_COMM_WORLD, &c->size);
#endif
}

void fp_mpi_finalize(const fp_cmd *c)
{
    (void)c;
#ifdef BMD_MPI
    int done = 0;
    MPI_Finalized(&done);
    if (!done)
        MPI_Finalize();
#endif
}

int fp_mpi_default_threads(const fp_cmd *c)
{
    /* a process not started by mpirun (or with OMP_NUM_THREADS) keeps the library's default */
    const int launched = c->size > 1 || getenv("OMPI_COMM_WORLD_SIZE") || getenv("PMI_SIZE");
    int local = 1;
#ifdef BMD_MPI
    MPI_Comm node;
    if (MPI_Comm_split_type(MPI_COMM_WORLD, MPI_COMM_TYPE_SHARED, 0, MPI_INFO_NULL, &node) ==
        MPI_SUCCESS) {
        MPI_Comm_size(node, &local);
        MPI_Comm_free(&node);
    }
#endif
    if (!launched || getenv("OMP_NUM_THREADS"))
        return 0;
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    int threads = cpus > local ? (int)(cpus / local) : 1;
    cpu_set_t mask;
    if (sched_getaffinity(0, sizeof mask, &mask) == 0 && CPU_COUNT(&mask) < threads) {
        CPU_ZERO(&mask);
        for (long i = 0; i < cpus && i < CPU_SETSIZE; i++)
            CPU_SET((int)i, &mask);
        if (sched_setaffinity(0, sizeof mask, &mask) != 0)
            threads = 1; /* kept in one core: one thread */
    }
    return threads;
}

int fp_mpi_any_stop(const fp_cmd *c, int failed, const volatile sig_atomic_t *interrupted)
{
    int mine[2] = {failed != 0, *interrupted != 0}, all[2] = {mine[0], mine[1]};
#ifdef BMD_MPI
    if (c->size > 1)
        MPI_Allreduce(mine, all, 2, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
#else
    (void)c;
#endif
    return all[0] || all[1];
}

int fp_mpi_job_status(const fp_cmd *c, int st, const volatile sig_atomic_t *interrupted,
                      int *speaker)
{
    int lowest = st ? c->rank : c->size, status = st, any_int = *interrupted != 0;
#ifdef BMD_MPI
    if (c->size > 1) {
        int mine = lowest, flag = any_int;
        MPI_Allreduce(&mine, &lowest, 1, MPI_INT, MPI_MIN, MPI_COMM_WORLD);
        MPI_Allreduce(&flag, &any_int, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
        if (lowest < c->size)
            MPI_Bcast(&status, 1, MPI_INT, lowest, MPI_COMM_WORLD);
    }
#endif
    if (lowest < c->size) {
        *speaker = c->rank == lowest;
        return status;
    }
    *speaker = c->rank == 0;
    return any_int ? 130 : 0;
}

int fp_gather_counts(int size, long n, int *counts, int *displs)
{
    if (size < 1 || n < 0 || n > INT_MAX) /* every displacement, in cells, must fit an int */
        return 1;
    for (int r = 0; r < size; r++) {
        long first, count;
        fp_block(r, size, n, &first, &count);
        counts[r] = (int)count;
        displs[r] = (int)first;
    }
    return 0;
}

int fp_mpi_gather_cells(const fp_cmd *c, bmd_footprint_cell *out, long n)
{
    if (c->size <= 1)
        return 0;
#ifdef BMD_MPI
    int *counts = malloc((size_t)c->size * sizeof *counts);
    int *displs = malloc((size_t)c->size * sizeof *displs);
    int bad = !counts || !displs; /* the same on every rank */
    if (!bad)
        bad = fp_gather_counts(c->size, n, counts, displs);
    if (!bad) {
        MPI_Datatype cell; /* counts in cells, not bytes: a block may pass 2 GiB */
        MPI_Type_contiguous((int)sizeof(bmd_footprint_cell), MPI_BYTE, &cell);
        MPI_Type_commit(&cell);
        if (c->rank == 0)
            MPI_Gatherv(MPI_IN_PLACE, 0, cell, out, counts, displs, cell, 0, MPI_COMM_WORLD);
        else
            MPI_Gatherv(out + displs[c->rank], counts[c->rank], cell, NULL, NULL, NULL, cell, 0,
                        MPI_COMM_WORLD);
        MPI_Type_free(&cell);
    }
    free(counts);
    free(displs);
    return bad;
#else
    (void)out;
    (void)n;
    return 0;
#endif
}

void fp_mpi_sum_stats(const fp_cmd *c, bmd_footprint_stats *stats)
{
#ifdef BMD_MPI
    if (c->size > 1) {
        long mine[3] = {stats->flights, stats->engagements, stats->pruned}, sum[3];
        MPI_Allreduce(mine, sum, 3, MPI_LONG, MPI_SUM, MPI_COMM_WORLD);
        stats->flights = sum[0], stats->engagements = sum[1], stats->pruned = sum[2];
    }
#else
    (void)c;
    (void)stats;
#endif
}

void fp_mpi_sum_longs(const fp_cmd *c, long *v, long n)
{
#ifdef BMD_MPI
    if (c->size > 1)
        for (long at = 0; at < n;) { /* in chunks an int counts */
            const int part = n - at > (1L << 30) ? 1 << 30 : (int)(n - at);
            if (c->rank == 0)
                MPI_Reduce(MPI_IN_PLACE, v + at, part, MPI_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
            else
                MPI_Reduce(v + at, NULL, part, MPI_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
            at += part;
        }
#else
    (void)c;
    (void)v;
    (void)n;
#endif
}

void fp_stderr_hold(const fp_cmd *c, fp_held_stderr *h)
{
    h->file = NULL;
    h->saved_fd = -1;
    if (c->rank == 0 || c->size <= 1)
        return;
    fflush(stderr);
    h->file = tmpfile();
    if (h->file)
        h->saved_fd = dup(STDERR_FILENO);
    if (!h->file || h->saved_fd < 0 || dup2(fileno(h->file), STDERR_FILENO) < 0) {
        if (h->saved_fd >= 0)
            close(h->saved_fd);
        if (h->file)
            fclose(h->file);
        h->file = NULL;
        h->saved_fd = -1;
    }
}

void fp_stderr_release(fp_held_stderr *h, int say)
{
    if (!h->file)
        return;
    fflush(stderr);
    dup2(h->saved_fd, STDERR_FILENO);
    close(h->saved_fd);
    if (say) {
        char buf[4096];
        size_t n;
        rewind(h->file);
        while ((n = fread(buf, 1, sizeof buf, h->file)) > 0)
            fwrite(buf, 1, n, stderr);
        fflush(stderr);
    }
    fclose(h->file);
    h->file = NULL;
}
