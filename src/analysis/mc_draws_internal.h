/* Internal to the Monte Carlo runs (src/analysis/mc.c, src/analysis/mc_footprint*.c): the crossed
 * sampling design of K threat draws both use (src/analysis/mc_footprint_draws.c), one rule and
 * one default for `engage --samples`, `report` and `footprint --samples`. */
#ifndef BMD_ANALYSIS_MC_DRAWS_INTERNAL_H
#define BMD_ANALYSIS_MC_DRAWS_INTERNAL_H

#include <stddef.h>

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

/* The design in words for a run of n samples: reflown 0 (no missile flight parameter varies),
 * else k threat draws (k >= n: every sample flies its own threat). Returns buf. */
const char *bmd_analysis_mc_design_text(int reflown, long k, long n, char *buf, size_t len);

/* The threat draws of a per-pair run (mc.c) flown once each. */
typedef struct bmd_analysis_mc_draws {
    long k;                      /* K of the design; 0: none (not crossed) */
    bmd_scenario *scn;           /* [k]: the copies with each draw's flight values (flown only) */
    bmd_analysis *an;            /* [k]: their analyses, whose flights the samples borrow */
    unsigned char *flown;        /* [k]: 1 when draw g was flown (an[g], scn[g] valid) */
} bmd_analysis_mc_draws;

/* Fly the draws that samples [first, first + count) of an n-sample run need (draw g = sample
 * g mod k; its flight values are row g of values[n * set->n], sample g being draw g's first):
 * each the analysis (lazy, opt->threads threads) of a copy of scn with only the missile flight
 * values of row g applied, the flyout tables borrowed from nominal. k < 1: nothing (td->k 0).
 * Errors: those of bmd_param_apply and the analysis, prefixed with the draw's number and flight
 * values; BMD_ENOMEM. On error td is freed. */
int bmd_analysis_mc_fly_draws(const bmd_scenario *scn, const bmd_param_set *set,
                              const double *values, const bmd_analysis_options *opt, int threads,
                              const bmd_analysis *nominal, long k, long first, long count,
                              bmd_analysis_mc_draws *td, bmd_error *err);

void bmd_analysis_mc_draws_free(bmd_analysis_mc_draws *td);

/* mc_stats.c: the statistics of pair p (probabilities, standard errors, quantiles, first-order
 * indices) from the records of the n samples of r, in sample order; buf holds 2 n doubles. */
int bmd_mc_reduce_pair(bmd_mc_result *r, const bmd_mc_record *rec, int p, double *buf);

#endif
