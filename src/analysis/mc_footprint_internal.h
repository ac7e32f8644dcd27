/* Internal to the coverage probability (src/analysis/mc_footprint*.c). */
#ifndef BMD_ANALYSIS_MC_FOOTPRINT_INTERNAL_H
#define BMD_ANALYSIS_MC_FOOTPRINT_INTERNAL_H

#include "bmd/montecarlo.h"

/* 1 when p changes the threat's flight (a missile parameter other than its signature). */
int bmd_analysis_mc_is_flight(const bmd_param *p);

/* K for a run of n samples: requested (1..n) or, for 0, min(n, BMD_MC_FOOTPRINT_THREAT_DRAWS). */
long bmd_analysis_mc_threat_draws(long requested, long n);

/* Replace the flight columns of values [n * set->n] by the crossed design of k threat draws
 * (sample i takes row i mod k of a k-point design of the sampler in the flight dimensions, seed
 * derived from seed); nothing when k >= n or no flight parameter varies. Errors: those of
 * bmd_sample_design, BMD_ENOMEM. */
int bmd_analysis_mc_cross(const bmd_param_set *set, bmd_sampler sampler, uint64_t seed, long n,
                          long k, int threads, double *values, bmd_error *err);

#endif
