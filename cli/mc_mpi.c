/* `bmdsim engage SCENARIO --samples N` across MPI ranks: the blocks of samples, the gather of the
 * records in sample order, the agreement on errors (cli/mc_mpi.h). */
#include "mc_mpi.h"

#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#ifdef BMD_MPI
#include <mpi.h>
#endif

int mc_mpi_begin(mc_mpi *m, const char *command)
{
    memset(m, 0, sizeof *m);
    m->c = calloc(1, sizeof *m->c);
    if (!m->c)
        return 1;
    m->c->command = command;
    fp_mpi_init(m->c);
    m->rank = m->c->rank;
    m->size = m->c->size;
    m->default_threads = fp_mpi_default_threads(m->c); /* collective */
    fp_stderr_hold(m->c, &m->held);
    return 0;
}

int mc_mpi_end(mc_mpi *m, int st)
{
    static const volatile sig_atomic_t not_interrupted = 0;
    int speaker = 1;
    if (m->c) {
        st = fp_mpi_job_status(m->c, st, &not_interrupted, &speaker);
        fp_stderr_release(&m->held, speaker);
        fp_mpi_finalize(m->c);
        free(m->c);
        m->c = NULL;
    }
    return st;
}

int mc_mpi_any_failed(const mc_mpi *m, int failed)
{
    static const volatile sig_atomic_t not_interrupted = 0;
    return fp_mpi_any_stop(m->c, failed, &not_interrupted);
}

void mc_mpi_block(const mc_mpi *m, long n, long *first, long *count)
{
    fp_block(m->rank, m->size, n, first, count);
}

int mc_mpi_gather(const mc_mpi *m, const bmd_mc_records *mine, bmd_mc_records *all)
{
    const size_t per_sample = (size_t)mine->n_pairs * sizeof *mine->rec;
    if (m->size <= 1) {
        memcpy(all->rec + mine->first * mine->n_pairs, mine->rec, (size_t)mine->count * per_sample);
        all->pairs_determined = mine->pairs_determined;
        all->tables_built = mine->tables_built;
        return 0;
    }
#ifdef BMD_MPI
    int *counts = malloc((size_t)m->size * sizeof *counts);
    int *displs = malloc((size_t)m->size * sizeof *displs);
    int bad = !counts || !displs || per_sample > INT_MAX ||
              fp_gather_counts(m->size, mine->n, counts, displs);
    int any_bad = bad;
    MPI_Allreduce(&bad, &any_bad, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
    if (!any_bad && per_sample > 0) {
        MPI_Datatype sample; /* counts in samples, not bytes */
        MPI_Type_contiguous((int)per_sample, MPI_BYTE, &sample);
        MPI_Type_commit(&sample);
        if (m->rank == 0) {
            memcpy(all->rec + mine->first * mine->n_pairs, mine->rec,
                   (size_t)mine->count * per_sample);
            MPI_Gatherv(MPI_IN_PLACE, 0, sample, all->rec, counts, displs, sample, 0,
                        MPI_COMM_WORLD);
        } else {
            MPI_Gatherv(mine->rec, counts[m->rank], sample, NULL, NULL, NULL, sample, 0,
                        MPI_COMM_WORLD);
        }
        MPI_Type_free(&sample);
    }
    if (!any_bad) {
        long sums[2] = {mine->pairs_determined, mine->tables_built}, total[2] = {0, 0};
        MPI_Reduce(sums, total, 2, MPI_LONG, MPI_SUM, 0, MPI_COMM_WORLD);
        if (m->rank == 0)
            all->pairs_determined = total[0], all->tables_built = total[1];
    }
    free(counts);
    free(displs);
    return any_bad;
#else
    (void)all;
    return 0;
#endif
}
