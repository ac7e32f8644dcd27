/* Sample designs on the unit hypercube (bmd/sampling.h): a counter-based generator built on the
 * SplitMix64 finaliser, plain Monte Carlo, Latin hypercube and randomised Halton. Written from
 * the published descriptions cited in the header. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bmd/num.h"
#include "bmd/sampling.h"

#ifdef _OPENMP
#include <omp.h>
#endif

/* Streams of the generator (mixed into the seed so that the designs' draws never coincide). */
enum { STREAM_MC = 0x6d63, STREAM_LHS_PERM = 0x6c7031, STREAM_LHS_POS = 0x6c7032,
       STREAM_HALTON_PERM = 0x686131, STREAM_HALTON_SHIFT = 0x686132 };

uint64_t bmd_rng_mix64(uint64_t z)
{
    z ^= z >> 30;
    z *= UINT64_C(0xbf58476d1ce4e5b9);
    z ^= z >> 27;
    z *= UINT64_C(0x94d049bb133111eb);
    z ^= z >> 31;
    return z;
}

/* The golden-ratio increment of SplitMix64, separating consecutive counters before mixing. */
#define GAMMA UINT64_C(0x9e3779b97f4a7c15)

double bmd_rng_uniform(uint64_t seed, uint64_t i, uint64_t j)
{
    uint64_t h = bmd_rng_mix64(seed + GAMMA);
    h = bmd_rng_mix64(h ^ (i * GAMMA + UINT64_C(0x632be59bd9b4e019)));
    h = bmd_rng_mix64(h ^ (j * GAMMA + UINT64_C(0x8cb92ba72f3d8dd7)));
    return (double)(h >> 11) * 0x1.0p-53;
}

static uint64_t stream_seed(uint64_t seed, uint64_t stream)
{
    return bmd_rng_mix64(seed ^ bmd_rng_mix64(stream * GAMMA));
}

const char *bmd_sampler_name(bmd_sampler s)
{
    switch (s) {
    case BMD_SAMPLER_MC: return "mc";
    case BMD_SAMPLER_LHS: return "lhs";
    case BMD_SAMPLER_HALTON: return "halton";
    }
    return "unknown";
}

const char *bmd_sampler_meaning(bmd_sampler s)
{
    switch (s) {
    case BMD_SAMPLER_MC: return "plain Monte Carlo";
    case BMD_SAMPLER_LHS: return "Latin hypercube";
    case BMD_SAMPLER_HALTON: return "randomised Halton (digit-scrambled, shifted)";
    }
    return "unknown";
}

int bmd_sampler_parse(const char *name, bmd_sampler *s, bmd_error *err)
{
    for (int k = 0; name && s && k < 3; k++)
        if (strcasecmp(name, bmd_sampler_name((bmd_sampler)k)) == 0) {
            *s = (bmd_sampler)k;
            return BMD_SUCCESS;
        }
    if (name && strcasecmp(name, "sobol") == 0)
        return bmd_error_set(err, BMD_EINVAL, "sampler 'sobol' is not available (no Sobol "
                             "direction numbers are shipped); use halton, the low-discrepancy "
                             "design, or mc or lhs");
    return bmd_error_set(err, BMD_EINVAL, "sampler '%s' is not known (mc, lhs, halton)",
                         name ? name : "(null)");
}

/* The first BMD_SAMPLE_MAX_DIMS primes: the Halton bases. */
static const int primes[BMD_SAMPLE_MAX_DIMS] = {
    2,   3,   5,   7,   11,  13,  17,  19,  23,  29,  31,  37,  41,  43,  47,  53,
    59,  61,  67,  71,  73,  79,  83,  89,  97,  101, 103, 107, 109, 113, 127, 131,
    137, 139, 149, 151, 157, 163, 167, 173, 179, 181, 191, 193, 197, 199, 211, 223,
    227, 229, 233, 239, 241, 251, 257, 263, 269, 271, 277, 281, 283, 293, 307, 311};

/* Digit positions used in base p: enough that p^-K is below 2^-53. */
static int digits_of(int p)
{
    return (int)ceil(53.0 / log2((double)p)) + 1;
}

/* A permutation of 0..m-1 into perm by Fisher-Yates from the generator (seed, stream row). */
static void shuffle(int *perm, long m, uint64_t seed, uint64_t row)
{
    for (long k = 0; k < m; k++)
        perm[k] = (int)k;
    for (long k = m - 1; k > 0; k--) {
        long r = (long)(bmd_rng_uniform(seed, row, (uint64_t)k) * (double)(k + 1));
        if (r > k)
            r = k;
        int t = perm[k];
        perm[k] = perm[r];
        perm[r] = t;
    }
}

static int design_lhs(uint64_t seed, long n, int d, int threads, double *u, bmd_error *err)
{
    int *perm = malloc((size_t)n * (size_t)d * sizeof *perm);
    if (!perm)
        return bmd_error_set(err, BMD_ENOMEM, "Latin hypercube of %ld points in %d dimensions: "
                             "out of memory", n, d);
    uint64_t sp = stream_seed(seed, STREAM_LHS_PERM), su = stream_seed(seed, STREAM_LHS_POS);
    /* The permutation of dimension j depends on (seed, n, j) only. */
#pragma omp parallel for schedule(static) num_threads(bmd_num_threads(threads))
    for (int j = 0; j < d; j++)
        shuffle(perm + (size_t)j * (size_t)n, n, sp ^ bmd_rng_mix64((uint64_t)n), (uint64_t)j);
#pragma omp parallel for schedule(static) num_threads(bmd_num_threads(threads))
    for (long i = 0; i < n; i++)
        for (int j = 0; j < d; j++) {
            double v = (perm[(size_t)j * (size_t)n + (size_t)i] +
                        bmd_rng_uniform(su, (uint64_t)i, (uint64_t)j)) / (double)n;
            u[i * d + j] = v < 1.0 ? v : nextafter(1.0, 0.0);
        }
    free(perm);
    return BMD_SUCCESS;
}

static int design_halton(uint64_t seed, long n, int d, int threads, double *u, bmd_error *err)
{
    /* perms[j]: digits_of(p) permutations of 0..p-1 with 0 fixed, for base p of dimension j. */
    size_t total = 0;
    size_t offset[BMD_SAMPLE_MAX_DIMS];
    for (int j = 0; j < d; j++) {
        offset[j] = total;
        total += (size_t)digits_of(primes[j]) * (size_t)primes[j];
    }
    int *perms = malloc(total * sizeof *perms);
    if (!perms)
        return bmd_error_set(err, BMD_ENOMEM, "Halton design: out of memory");
    uint64_t sp = stream_seed(seed, STREAM_HALTON_PERM), ss = stream_seed(seed, STREAM_HALTON_SHIFT);
    double shift[BMD_SAMPLE_MAX_DIMS];
    for (int j = 0; j < d; j++) {
        int p = primes[j], K = digits_of(p);
        shift[j] = bmd_rng_uniform(ss, 0, (uint64_t)j);
        for (int k = 0; k < K; k++) {
            int *perm = perms + offset[j] + (size_t)k * (size_t)p;
            perm[0] = 0;
            shuffle(perm + 1, p - 1, sp, (uint64_t)j * 1000 + (uint64_t)k);
            for (int m = 1; m < p; m++)
                perm[m] += 1;
        }
    }
#pragma omp parallel for schedule(static) num_threads(bmd_num_threads(threads))
    for (long i = 0; i < n; i++)
        for (int j = 0; j < d; j++) {
            int p = primes[j];
            const int *perm = perms + offset[j];
            uint64_t m = (uint64_t)i + 1;
            double x = 0.0, scale = 1.0 / p;
            for (int k = 0; m > 0; k++, scale /= p, m /= (uint64_t)p)
                x += perm[(size_t)k * (size_t)p + (size_t)(m % (uint64_t)p)] * scale;
            x += shift[j];
            x -= floor(x);
            u[i * d + j] = x < 1.0 ? x : nextafter(1.0, 0.0);
        }
    free(perms);
    return BMD_SUCCESS;
}

int bmd_sample_design(bmd_sampler s, uint64_t seed, long n, int d, int threads, double *u,
                      bmd_error *err)
{
    if (!u)
        return bmd_error_set(err, BMD_EINVAL, "sample design: no output (u is NULL)");
    if (n < 1 || n > BMD_SAMPLE_MAX_POINTS)
        return bmd_error_set(err, BMD_EINVAL, "sample design: %ld samples; allowed 1 to %ld", n,
                             BMD_SAMPLE_MAX_POINTS);
    if (d < 1 || d > BMD_SAMPLE_MAX_DIMS)
        return bmd_error_set(err, BMD_EINVAL, "sample design: %d dimensions; allowed 1 to %d", d,
                             BMD_SAMPLE_MAX_DIMS);
    if (threads < 0)
        return bmd_error_set(err, BMD_EINVAL, "sample design: threads %d must be >= 0", threads);
    switch (s) {
    case BMD_SAMPLER_MC: {
        uint64_t sm = stream_seed(seed, STREAM_MC);
#pragma omp parallel for schedule(static) num_threads(bmd_num_threads(threads))
        for (long i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
                u[i * d + j] = bmd_rng_uniform(sm, (uint64_t)i, (uint64_t)j);
        return BMD_SUCCESS;
    }
    case BMD_SAMPLER_LHS:
        return design_lhs(seed, n, d, threads, u, err);
    case BMD_SAMPLER_HALTON:
        return design_halton(seed, n, d, threads, u, err);
    }
    return bmd_error_set(err, BMD_EINVAL, "sample design: unknown sampler %d", (int)s);
}
