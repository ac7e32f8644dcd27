/* bmd/sampling.h — sample designs on the unit hypercube (module `sampling`, layer num) for Monte
 * Carlo runs: a counter-based random number generator (a value depends only on the seed and its
 * coordinates, never on the order of the calls or the thread that makes them), plain Monte
 * Carlo, Latin hypercube and randomised Halton designs.
 *
 * The generator: u(seed, i, j) = the top 53 bits of a hash of (seed, i, j) built from the
 * SplitMix64 finaliser (G. L. Steele, D. Lea, C. H. Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014: z ^= z >> 30; z *= 0xbf58476d1ce4e5b9; z ^= z >> 27;
 * z *= 0x94d049bb133111eb; z ^= z >> 31), applied to the seed, then after mixing in i, then j.
 * So sample i of an N-sample run is the same whether it is computed first or last, on one thread
 * or many, on one MPI rank or another.
 *
 * Designs (n points in d dimensions, u[i * d + j] in [0, 1)):
 *   - mc:     u(seed, i, j).
 *   - lhs:    Latin hypercube (McKay, Beckman, Conover 1979): in every dimension each of the n
 *             strata [k/n, (k+1)/n) holds exactly one point; the strata are assigned by a
 *             Fisher-Yates permutation per dimension drawn from the generator, the position in
 *             the stratum uniform. A design of n points is generated as a whole (sample i
 *             depends on (seed, n, i)).
 *   - halton: the Halton sequence (bases 2, 3, 5, ... the j-th prime), point i+1, with each
 *             digit position's non-zero digits permuted at random (Braaten-Weller-style
 *             scrambling) and a random shift modulo 1 per dimension (Cranley-Patterson), both
 *             from the seed: every point is marginally uniform, the set is low-discrepancy. Used
 *             instead of Sobol (whose direction numbers this project does not ship).
 * All functions are thread-safe and touch no global state. */
#ifndef BMD_SAMPLING_H
#define BMD_SAMPLING_H

#include "bmd/api.h"

#include <stddef.h>
#include <stdint.h>

#include "bmd/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The most dimensions of a design (the number of primes the Halton design knows). */
#define BMD_SAMPLE_MAX_DIMS 64
/* The most points of a design. */
#define BMD_SAMPLE_MAX_POINTS 10000000L

typedef enum bmd_sampler {
    BMD_SAMPLER_MC = 0,
    BMD_SAMPLER_LHS = 1,
    BMD_SAMPLER_HALTON = 2
} bmd_sampler;

/* "mc", "lhs", "halton". */
BMD_API const char *bmd_sampler_name(bmd_sampler s);

/* "plain Monte Carlo", "Latin hypercube", "randomised Halton (digit-scrambled, shifted)". */
BMD_API const char *bmd_sampler_meaning(bmd_sampler s);

/* Parse a name of bmd_sampler_name. Errors: BMD_EINVAL listing the names (and saying that Sobol
 * is not available, halton is the low-discrepancy design). */
BMD_API int bmd_sampler_parse(const char *name, bmd_sampler *s, bmd_error *err);

/* The SplitMix64 finaliser of x (a bijection of 64-bit integers). */
BMD_API uint64_t bmd_rng_mix64(uint64_t x);

/* The counter-based uniform u(seed, i, j) in [0, 1) (multiples of 2^-53). */
BMD_API double bmd_rng_uniform(uint64_t seed, uint64_t i, uint64_t j);

/* Fill u[0 .. n*d-1] with the design (u[i * d + j]: point i, dimension j), computed with threads
 * OpenMP threads (0: the OpenMP default); the values do not depend on threads. Errors:
 * BMD_EINVAL for n < 1 or n > BMD_SAMPLE_MAX_POINTS, d < 1 or d > BMD_SAMPLE_MAX_DIMS, a NULL u;
 * BMD_ENOMEM. */
BMD_API int bmd_sample_design(bmd_sampler s, uint64_t seed, long n, int d, int threads, double *u,
                              bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
