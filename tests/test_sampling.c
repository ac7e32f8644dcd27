/* Tests of bmd/sampling.h: the counter-based generator is uniform (Kolmogorov-Smirnov and
 * chi-square at fixed seeds, thresholds stated), order- and thread-independent; the Latin
 * hypercube puts one point in every stratum; the Halton design is more even than Monte Carlo. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/sampling.h"
#include "test_support.h"

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* The Kolmogorov-Smirnov statistic D_n of column j of an n x d design against U(0, 1). */
static double ks_statistic(const double *u, long n, int d, int j)
{
    double *x = malloc((size_t)n * sizeof *x);
    for (long i = 0; i < n; i++)
        x[i] = u[i * d + j];
    qsort(x, (size_t)n, sizeof *x, cmp_double);
    double dmax = 0;
    for (long i = 0; i < n; i++)
        dmax = fmax(dmax, fmax((double)(i + 1) / n - x[i], x[i] - (double)i / n));
    free(x);
    return dmax;
}

static double *design(bmd_sampler s, uint64_t seed, long n, int d, int threads)
{
    double *u = malloc((size_t)n * (size_t)d * sizeof *u);
    bmd_error err = {0};
    if (bmd_sample_design(s, seed, n, d, threads, u, &err))
        fail_msg("%s", err.message);
    return u;
}

static void monte_carlo_samples_pass_kolmogorov_smirnov_and_chi_square(void **state)
{
    (void)state;
    /* n = 20000 in 4 dimensions, seed 12345. KS: the 0.1 % critical value of D_n is
     * 1.949 / sqrt(n) = 0.0138 (asymptotic Kolmogorov distribution); a generator with a bias of
     * 1.5 % in any quantile fails. Chi-square of pairs (j, j+1) in 10 x 10 cells: 99 degrees of
     * freedom, 0.1 % critical value 148.2 (chi-square table); a correlation between dimensions
     * fails. Fixed seed: the outcome is deterministic, and was checked not to sit near the
     * threshold (D_n and chi-square printed on failure). */
    const long n = 20000;
    const int d = 4;
    double *u = design(BMD_SAMPLER_MC, 12345, n, d, 1);
    for (int j = 0; j < d; j++) {
        double D = ks_statistic(u, n, d, j);
        if (!(D < 1.949 / sqrt((double)n)))
            fail_msg("dimension %d: D_n = %g, 0.1%% critical value %g", j, D, 1.949 / sqrt((double)n));
    }
    for (int j = 0; j + 1 < d; j++) {
        long cells[100] = {0};
        for (long i = 0; i < n; i++)
            cells[(int)(u[i * d + j] * 10) * 10 + (int)(u[i * d + j + 1] * 10)]++;
        double chi2 = 0, e = n / 100.0;
        for (int k = 0; k < 100; k++)
            chi2 += (cells[k] - e) * (cells[k] - e) / e;
        if (!(chi2 < 148.2))
            fail_msg("dimensions %d, %d: chi-square %g >= 148.2 (99 dof, 0.1%%)", j, j + 1, chi2);
    }
    free(u);
}

static void a_sample_depends_only_on_seed_index_and_dimension(void **state)
{
    (void)state;
    /* The same coordinates give the same bits whatever was computed before; another seed,
     * index or dimension gives another value. */
    double a = bmd_rng_uniform(7, 1000, 3);
    for (int k = 0; k < 100; k++)
        (void)bmd_rng_uniform(7, (uint64_t)k, 0);
    assert_true(bmd_rng_uniform(7, 1000, 3) == a);
    assert_true(bmd_rng_uniform(8, 1000, 3) != a);
    assert_true(bmd_rng_uniform(7, 1001, 3) != a);
    assert_true(bmd_rng_uniform(7, 1000, 4) != a);
    assert_true(a >= 0.0 && a < 1.0);
    /* mix64 is the SplitMix64 finaliser: 0 maps to 0, and the first output of SplitMix64
     * seeded with 0, mix64(0x9e3779b97f4a7c15), is the reference implementation's
     * 0xe220a8397b1dcdaf (= 16294208416658607535). */
    assert_true(bmd_rng_mix64(0) == 0);
    assert_true(bmd_rng_mix64(UINT64_C(0x9e3779b97f4a7c15)) == UINT64_C(0xe220a8397b1dcdaf));
}

static void every_design_is_identical_on_one_and_two_threads(void **state)
{
    (void)state;
    for (int s = 0; s < 3; s++) {
        double *a = design((bmd_sampler)s, 99, 3001, 7, 1), *b = design((bmd_sampler)s, 99, 3001, 7, 2);
        assert_int_equal(memcmp(a, b, 3001 * 7 * sizeof *a), 0);
        /* and the first points of a longer Monte Carlo run are those of a shorter one */
        if (s == BMD_SAMPLER_MC || s == BMD_SAMPLER_HALTON) {
            double *c = design((bmd_sampler)s, 99, 500, 7, 2);
            assert_int_equal(memcmp(a, c, 500 * 7 * sizeof *a), 0);
            free(c);
        }
        free(a);
        free(b);
    }
}

static void a_latin_hypercube_has_one_point_in_every_stratum(void **state)
{
    (void)state;
    /* Exact property (McKay et al. 1979): in each dimension the n points fall one per stratum. */
    const long n = 997;
    const int d = 5;
    double *u = design(BMD_SAMPLER_LHS, 2026, n, d, 2);
    for (int j = 0; j < d; j++) {
        char *hit = calloc((size_t)n, 1);
        for (long i = 0; i < n; i++) {
            long k = (long)(u[i * d + j] * n);
            assert_true(k >= 0 && k < n);
            if (hit[k])
                fail_msg("dimension %d: stratum %ld holds two points", j, k);
            hit[k] = 1;
        }
        free(hit);
    }
    free(u);
}

static void the_halton_design_is_more_even_than_monte_carlo(void **state)
{
    (void)state;
    /* For n = 1000 the KS statistic of a random sample is about 0.87 / sqrt(n) = 0.027 (its
     * median); a one-dimensional projection of a (shifted, scrambled) Halton set has star
     * discrepancy O(log n / n), here below 0.006 in each of 8 dimensions (we assert < 0.006;
     * Monte Carlo passes that with probability below 1e-6 per dimension). Values in [0, 1). */
    const long n = 1000;
    const int d = 8;
    double *u = design(BMD_SAMPLER_HALTON, 5, n, d, 1);
    for (int j = 0; j < d; j++) {
        double D = ks_statistic(u, n, d, j);
        if (!(D < 0.006))
            fail_msg("dimension %d: D_n = %g, expected < 0.006", j, D);
    }
    for (long i = 0; i < n * d; i++)
        assert_true(u[i] >= 0.0 && u[i] < 1.0);
    free(u);
}

static void bad_designs_are_rejected_naming_the_value(void **state)
{
    (void)state;
    double u[4];
    bmd_error err = {0};
    assert_int_equal(bmd_sample_design(BMD_SAMPLER_MC, 1, 0, 1, 1, u, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "0 samples"));
    assert_int_equal(bmd_sample_design(BMD_SAMPLER_MC, 1, 1, 65, 1, u, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "65 dimensions"));
    bmd_sampler s;
    assert_int_equal(bmd_sampler_parse("sobol", &s, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "halton"));
    assert_int_equal(bmd_sampler_parse("LHS", &s, &err), BMD_SUCCESS);
    assert_int_equal(s, BMD_SAMPLER_LHS);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(monte_carlo_samples_pass_kolmogorov_smirnov_and_chi_square),
        cmocka_unit_test(a_sample_depends_only_on_seed_index_and_dimension),
        cmocka_unit_test(every_design_is_identical_on_one_and_two_threads),
        cmocka_unit_test(a_latin_hypercube_has_one_point_in_every_stratum),
        cmocka_unit_test(the_halton_design_is_more_even_than_monte_carlo),
        cmocka_unit_test(bad_designs_are_rejected_naming_the_value),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
