/* The crossed sampling design of the Monte Carlo runs (bmd/montecarlo.h, threat_draws; shared by
 * the coverage probability, mc_footprint.c, and the per-pair run, mc.c: one rule, one default): K
 * draws of the missile flight parameters crossed with the N defence draws. Sample i keeps the
 * defence values of row i of the N-point design and takes its missile flight values from row
 * i mod K of a separate K-point design (same sampler, a seed derived from the run's) in the flight
 * dimensions only; K = N leaves the N-point design as it is. Each sample's vector is still drawn
 * from the parameters' joint (independent) distribution: every column of either design is
 * marginally uniform, and the two designs are independent. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/mc_draws_internal.h"

/* A fixed odd constant (the 64-bit golden ratio) mixed into the seed of the K-point design so
 * that it is not the N-point design's first rows. */
#define THREAT_SEED_MIX 0x9E3779B97F4A7C15ULL

int bmd_analysis_mc_is_flight(const bmd_param *p)
{
    /* a warhead's cross-section changes what radars see, not the flight */
    return bmd_param_kind(p->path) == BMD_PARAM_MISSILE && !strstr(p->path, ".signature.");
}

long bmd_analysis_mc_threat_draws(long requested, long n)
{
    if (requested > 0)
        return requested < n ? requested : n;
    return n < BMD_MC_FOOTPRINT_THREAT_DRAWS ? n : BMD_MC_FOOTPRINT_THREAT_DRAWS;
}

int bmd_analysis_mc_cross(const bmd_param_set *set, bmd_sampler sampler, uint64_t seed, long n,
                          long k, int threads, double *values, bmd_error *err)
{
    const int d = set->n;
    int flight[BMD_SAMPLE_MAX_DIMS], df = 0;
    for (int j = 0; j < d; j++)
        if (bmd_analysis_mc_is_flight(&set->items[j]))
            flight[df++] = j;
    if (df == 0 || k >= n)
        return BMD_SUCCESS;
    double *u = malloc((size_t)k * (size_t)df * sizeof *u);
    if (!u)
        return bmd_error_set(err, BMD_ENOMEM, "coverage probability: out of memory for %ld threat"
                             " draws", k);
    int st = bmd_sample_design(sampler, seed ^ THREAT_SEED_MIX, k, df, threads, u, err);
    for (long i = 0; !st && i < n; i++)
        for (int f = 0; f < df; f++)
            values[i * d + flight[f]] =
                bmd_dist_quantile(&set->items[flight[f]].dist, u[(i % k) * df + f]);
    free(u);
    return st;
}

const char *bmd_analysis_mc_design_text(int reflown, long k, long n, char *buf, size_t len)
{
    if (!buf || len == 0)
        return buf;
    if (!reflown)
        snprintf(buf, len, "threat flights: flown once (no missile flight parameter varies)");
    else if (k >= n)
        snprintf(buf, len, "threat flights: re-flown in every sample (K = N = %ld threat draws)",
                 n);
    else
        snprintf(buf, len, "threat flights: %ld draws of the missile flight parameters crossed "
                 "with the %ld samples (sample i flies draw i mod %ld; effective sample size in "
                 "those dimensions %ld)", k, n, k, k);
    return buf;
}
