/* bmd/montecarlo.h — Monte Carlo over uncertain parameters (module `mc`, layer analysis): N
 * samples of a parameter set (bmd/param.h) drawn with a design of bmd/sampling.h; per sample the
 * values are applied to a COPY of the resolved scenario and the analysis (bmd/analysis.h) is run
 * on it. Threat flights are re-flown only when a missile parameter varies, flyout tables rebuilt
 * only when an interceptor parameter varies; otherwise the nominal analysis' are shared.
 *
 * Per (threat, site) pair: the probability of at least one and of at least two shot
 * opportunities (the fraction of samples; with its binomial standard error), the quantiles of the
 * earliest intercept's altitude and time over the samples that engage, and of the required
 * interceptor speed (when asked); and per parameter the first-order Sobol index of "at least one
 * shot" estimated from the same samples by the correlation ratio (the samples binned by the
 * parameter's value into B = clamp(sqrt(N), 2, 20) equal-count bins, or by value for a discrete
 * parameter; S1 = Var(E[Y | bin]) / Var(Y), minus the bias (B - 1) / N of the between-bin
 * variance of noise, clamped to [0, 1]).
 *
 * Samples run in parallel (OpenMP); each is computed by the same calls on the same inputs
 * whatever the thread count, and the statistics are reduced in sample order afterwards, so the
 * results are bit-identical for any number of threads. All SI (m, s, m/s). */
#ifndef BMD_MONTECARLO_H
#define BMD_MONTECARLO_H

#include "bmd/api.h"

#include <stdint.h>

#include "bmd/analysis.h"
#include "bmd/error.h"
#include "bmd/param.h"
#include "bmd/sampling.h"
#include "bmd/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The most samples of one run (larger requests are an error that says so). */
#define BMD_MC_MAX_SAMPLES 100000L
/* The quantiles reported: 5, 25, 50, 75, 95 %. */
#define BMD_MC_N_QUANTILES 5

typedef struct bmd_mc_options {
    long samples;                  /* N >= 1 (default 100) */
    uint64_t seed;                 /* default 1 */
    bmd_sampler sampler;           /* default BMD_SAMPLER_LHS */
    int threads;                   /* OpenMP threads over samples; 0: the OpenMP default */
    bmd_analysis_options analysis; /* per sample (required_speed default 0; threads forced to 1) */
} bmd_mc_options;

BMD_API void bmd_mc_options_init(bmd_mc_options *opt);

/* The probabilities of BMD_MC_N_QUANTILES. */
BMD_API const double *bmd_mc_quantile_levels(void);

/* One pair over the samples. Quantiles are NAN when no sample engaged (speed: none computed). */
typedef struct bmd_mc_pair {
    int threat, site;
    long n_evaluated;              /* samples in which the pair was evaluated (threat reachable,
                                      site with interceptors) */
    double p_one, p_two;           /* P(>= 1), P(>= 2) shot opportunities over all N samples */
    double se_one, se_two;         /* binomial standard errors sqrt(p (1 - p) / N) */
    double nominal_shots;          /* shot opportunities of the nominal scenario */
    double altitude_q_m[BMD_MC_N_QUANTILES];  /* earliest intercept altitude */
    double time_q_s[BMD_MC_N_QUANTILES];      /* earliest intercept time after threat launch */
    double speed_q_m_s[BMD_MC_N_QUANTILES];   /* required speed (samples where possible) */
} bmd_mc_pair;

/* A whole run. values[i * n_params + k]: parameter k of sample i; shots[i * n_pairs + p]: shot
 * opportunities of pair p in sample i (-1: not evaluated); s1[p * n_params + k]: first-order
 * index of parameter k for pair p (NAN when P(>= 1) is 0 or 1: no variance). */
typedef struct bmd_mc_result {
    long n;
    uint64_t seed;
    bmd_sampler sampler;
    bmd_param_set params;          /* a copy of the set sampled (owned) */
    int n_threats, n_sites, n_pairs;
    bmd_mc_pair *pairs;            /* [n_pairs], threat-major as bmd_analysis */
    double *values;
    int *shots;
    double *s1;
    int reflown;                   /* threats re-flown per sample (a missile parameter varied) */
    int rebuilt;                   /* flyout tables rebuilt per sample */
    double run_s;                  /* wall time */
} bmd_mc_result;

/* Run N samples of set on a resolved scenario. opt may be NULL (defaults). An empty set is
 * allowed (every sample is the nominal scenario). Errors: BMD_EINVAL for an unresolved
 * scenario, N outside [1, BMD_MC_MAX_SAMPLES] (saying the cap), more than BMD_SAMPLE_MAX_DIMS
 * parameters; those of bmd_param_apply and bmd_analysis_run, prefixed with the sample number and
 * its values; BMD_ENOMEM. On error out is empty. */
BMD_API int bmd_mc_run(const bmd_scenario *scn, const bmd_param_set *set, const bmd_mc_options *opt,
                       bmd_mc_result *out, bmd_error *err);

/* The pair of threat ti and site si, or NULL. */
BMD_API const bmd_mc_pair *bmd_mc_pair_at(const bmd_mc_result *r, int ti, int si);

/* The first-order index of parameter k for a binary outcome y[0..n-1] (0/1) and the parameter's
 * values x[0..n-1] (the estimator above); NAN when y has no variance. */
BMD_API double bmd_mc_first_order(const double *x, const double *y, long n, int discrete);

BMD_API void bmd_mc_free(bmd_mc_result *r);

#ifdef __cplusplus
}
#endif
#endif
