/* The byte counts of the MPI gather of `bmdsim footprint` (issue 13, MPI paragraph): they were
 * `int` byte counts and overflowed past 2 GiB per rank. The gather now counts cells with one MPI
 * datatype per cell; its counts come from fp_gather_counts (cli/footprint_mpi.c, the function
 * fp_mpi_gather_cells calls), tested here with counts far beyond 2 GiB without allocating them. */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "footprint_mpi.h"

/* Blocks cover [0, n) in order without gaps; returns the sum of the counts. */
static long check_blocks(int size, const int *counts, const int *displs)
{
    long next = 0;
    for (int r = 0; r < size; r++) {
        if (displs[r] != next)
            fail_msg("rank %d: displacement %d, expected %ld", r, displs[r], next);
        next += counts[r];
    }
    return next;
}

static void a_block_of_more_than_2_gib_is_counted_in_cells_not_bytes(void **state)
{
    (void)state;
    /* the footprint's cell cap (10^9 cells) over 2 ranks: 5*10^8 cells a rank */
    int counts[2], displs[2];
    const long n = 1000000000L;
    assert_int_equal(fp_gather_counts(2, n, counts, displs), 0);
    assert_int_equal(counts[0], 500000000);
    assert_int_equal(counts[1], 500000000);
    assert_int_equal(check_blocks(2, counts, displs), n);
    /* each block is > 2 GiB: as an int byte count (the old code) it overflowed */
    const uint64_t bytes = (uint64_t)counts[1] * sizeof(bmd_footprint_cell);
    if (!(bytes > (uint64_t)INT_MAX))
        fail_msg("block of %d cells is %llu bytes; the test needs > 2 GiB", counts[1],
                 (unsigned long long)bytes);
}

static void counts_up_to_int_max_cells_are_exact_for_any_rank_count(void **state)
{
    (void)state;
    int counts[7], displs[7];
    for (int size = 1; size <= 7; size++) {
        assert_int_equal(fp_gather_counts(size, INT_MAX, counts, displs), 0);
        assert_int_equal(check_blocks(size, counts, displs), (long)INT_MAX);
        for (int r = 0; r < size; r++) /* blocks differ by at most one cell */
            assert_true(counts[r] == INT_MAX / size || counts[r] == INT_MAX / size + 1);
    }
    assert_int_equal(fp_gather_counts(3, 10, counts, displs), 0);
    assert_int_equal(counts[0], 4);
    assert_int_equal(counts[1], 3);
    assert_int_equal(counts[2], 3);
    assert_int_equal(displs[2], 7);
}

static void more_cells_than_an_int_counts_are_refused(void **state)
{
    (void)state;
    int counts[2] = {-1, -1}, displs[2] = {-1, -1};
    assert_int_not_equal(fp_gather_counts(2, (long)INT_MAX + 1, counts, displs), 0);
    assert_int_equal(counts[0], -1); /* nothing filled */
    assert_int_not_equal(fp_gather_counts(0, 10, counts, displs), 0);
    assert_int_not_equal(fp_gather_counts(2, -1, counts, displs), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_block_of_more_than_2_gib_is_counted_in_cells_not_bytes),
        cmocka_unit_test(counts_up_to_int_max_cells_are_exact_for_any_rank_count),
        cmocka_unit_test(more_cells_than_an_int_counts_are_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
