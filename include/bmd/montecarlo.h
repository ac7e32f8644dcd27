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
#include "bmd/footprint.h"
#include "bmd/footprint_input.h"
#include "bmd/param.h"
#include "bmd/sampling.h"
#include "bmd/scenario.h"
#include "bmd/scene.h"

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
    int plain;                     /* 1: every sample runs the full bmd_analysis_run (the
                                      reference path; default 0: the lazy run below) */
    long threat_draws;             /* K of the crossed design when a missile flight parameter
                                      varies (the same rule and default as the coverage
                                      probability's bmd_mc_footprint_input.threat_draws): 0
                                      (default) = min(N, BMD_MC_FOOTPRINT_THREAT_DRAWS); else
                                      1..N. Sample i keeps the defence values of row i of the
                                      N-point design and takes the missile flight values of row
                                      i mod K of a K-point design (same sampler, flight
                                      dimensions only, seed derived from the run's); each of
                                      the K threat draws is flown once (unless plain) and its
                                      samples rebuild the defence and re-evaluate the pairs on
                                      those flights. K = N: the N-point design unchanged, every
                                      sample flies its own threats (bit for bit the run without
                                      this field). Ignored when no missile flight parameter
                                      varies. bmd_mc_footprint_run reads its input's own field */
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
    long pairs_determined;         /* pair evaluations skipped, verdict certain (see below) */
    long tables_built;             /* flyout tables built for the samples */
    long threat_draws;             /* K of the crossed design (1..n) when a missile flight
                                      parameter varies (reflown), else 0 */
} bmd_mc_result;

/* The sampling design of r in words (bmd_mc_footprint_design_text's wording: threat flights
 * flown once, re-flown in every sample, or K draws crossed with the N samples) into buf[n];
 * returns buf. */
BMD_API const char *bmd_mc_design_text(const bmd_mc_result *r, char *buf, size_t n);

/* Run N samples of set on a resolved scenario. Unless opt->plain, a sample builds a flyout table
 * only when one of its pairs is engaged with it (a table no pair needs is never built, so its
 * build errors are not reported), and (required speed off) does not engage a pair when
 * bmd_engage_fcr_never shows that its threat never comes within its site's fire-control radar
 * reach: that pair has 0 shot opportunities exactly as the full evaluation gives; every
 * statistic is the same as with opt->plain = 1 (tested). When a missile flight parameter varies
 * and opt->threat_draws gives K < N (the default for N > 20), the threat draws a block needs are
 * flown first (each draw once: the analysis of the scenario with that draw's flight values) and
 * every sample borrows its draw's flights (opt->plain: each sample flies them again; the same
 * statistics, tested). opt may be NULL (defaults). An empty set is
 * allowed (every sample is the nominal scenario). Errors: BMD_EINVAL for an unresolved
 * scenario, N outside [1, BMD_MC_MAX_SAMPLES] (saying the cap), more than BMD_SAMPLE_MAX_DIMS
 * parameters, threat_draws outside [0, N]; those of bmd_param_apply and bmd_analysis_run, prefixed
 * with the sample (or threat draw) number and its values; BMD_ENOMEM. On error out is empty. */
BMD_API int bmd_mc_run(const bmd_scenario *scn, const bmd_param_set *set, const bmd_mc_options *opt,
                       bmd_mc_result *out, bmd_error *err);

/* bmd_mc_run for several launch-on rules in one run: out[r] (n_rules results, 1 to
 * BMD_LAUNCH_ON_COUNT) is exactly the result of bmd_mc_run(scn, set, opt') with opt' = opt
 * except analysis.engage.launch_on = rules[r] and analysis.rules_from_scenario = 0 (the other
 * rules as opt->analysis gives them; a sampled rules.launch_on is not applied), bit for bit
 * (tested): the samples and the threat flights and flyout tables of each sample are the same for
 * every rule, so each sample flies its threats and builds its tables once (unless opt->plain:
 * then each rule runs the full analysis, the reference path) and evaluates the pairs per rule.
 * out[r].tables_built counts the tables built during rule r's pass (their sum: the tables
 * built); out[r].run_s is the whole run's wall time. Errors: BMD_EINVAL (no out or rules, a
 * count or rule outside the allowed); those of bmd_mc_run. On error every out[r] is empty. */
BMD_API int bmd_mc_run_rules(const bmd_scenario *scn, const bmd_param_set *set,
                             const bmd_mc_options *opt, const bmd_launch_on *rules, int n_rules,
                             bmd_mc_result *out, bmd_error *err);

/* ---------------------------------------------------------------------------------------------
 * bmd_mc_run in two steps, so that processes (MPI ranks) can share the samples: each computes the
 * records of a block of samples [first, first + count) with bmd_mc_records_run (the design value
 * of sample i is the same whoever computes it: the design of all N samples is drawn and sample i
 * taken from it), one process puts every block in sample order into one bmd_mc_records of
 * [0, N) and bmd_mc_reduce turns it into exactly the result of bmd_mc_run with the same scenario,
 * set and options (bmd_mc_run is records of [0, N) then reduce; tested). */

/* One sample's outcome for one pair: what the reduction reads. */
typedef struct bmd_mc_record {
    int shots;                     /* shot opportunities; -1: the pair was not evaluated */
    double altitude_m, time_s;     /* earliest intercept (NAN: not engaged) */
    double speed_m_s;              /* required speed (NAN: not computed or not possible) */
} bmd_mc_record;

/* The records of samples [first, first + count) of a run of n samples. */
typedef struct bmd_mc_records {
    long n;                        /* N of the whole run */
    long first, count;             /* the samples held */
    int n_threats, n_sites, n_pairs;
    bmd_mc_record *rec;            /* [count * n_pairs]: sample first + i, pair p at
                                      rec[i * n_pairs + p] (pairs threat-major) */
    double *nominal_shots;         /* [n_pairs]: shot opportunities of the nominal scenario */
    long pairs_determined;         /* sums over the samples held (see bmd_mc_result) */
    long tables_built;
} bmd_mc_records;

/* Allocate r for samples [first, first + count) of n and n_threats x n_sites pairs (records
 * zeroed; nominal_shots zero). Errors: BMD_EINVAL (n outside [1, BMD_MC_MAX_SAMPLES], a block
 * outside [0, n), negative counts of threats or sites); BMD_ENOMEM. On error r is empty. */
BMD_API int bmd_mc_records_alloc(bmd_mc_records *r, long n, long first, long count, int n_threats,
                                 int n_sites, bmd_error *err);

/* Compute the records of samples [first, first + count) of the run bmd_mc_run(scn, set, opt)
 * (count 0 is allowed: only the nominal analysis). Errors: those of bmd_mc_run (a failing sample
 * named by its number in the whole run, the first failing one of the block); BMD_EINVAL for a
 * block outside [0, opt->samples). On error out is empty. */
BMD_API int bmd_mc_records_run(const bmd_scenario *scn, const bmd_param_set *set,
                               const bmd_mc_options *opt, long first, long count,
                               bmd_mc_records *out, bmd_error *err);

/* The statistics of the run from the records of all its samples (all->first 0, all->count
 * all->n = opt->samples), reduced in sample order; set and opt as given to bmd_mc_records_run.
 * out->run_s is the reduction's time only. Errors: BMD_EINVAL (records not of [0, N) of this
 * run, too many parameters); BMD_ENOMEM. On error out is empty. */
BMD_API int bmd_mc_reduce(const bmd_param_set *set, const bmd_mc_options *opt,
                          const bmd_mc_records *all, bmd_mc_result *out, bmd_error *err);

BMD_API void bmd_mc_records_free(bmd_mc_records *r);

/* The pair of threat ti and site si, or NULL. */
BMD_API const bmd_mc_pair *bmd_mc_pair_at(const bmd_mc_result *r, int ti, int si);

/* The first-order index of parameter k for a binary outcome y[0..n-1] (0/1) and the parameter's
 * values x[0..n-1] (the estimator above); NAN when y has no variance. */
BMD_API double bmd_mc_first_order(const double *x, const double *y, long n, int discrete);

BMD_API void bmd_mc_free(bmd_mc_result *r);

/* ---------------------------------------------------------------------------------------------
 * Coverage probability of a footprint (src/analysis/mc_footprint.c): the footprint of one centre
 * (bmd/footprint.h) over N samples of the uncertain parameters. Per sample the values are applied
 * to a copy of the scenario, the defence is rebuilt from it (bmd_footprint_defense_from_scenario:
 * flyout tables, radars, timelines of the sample) and the footprint prepared and run on every
 * cell (one thread per sample); the engage options are the sample's scenario rules, with
 * launch_on and require_fcr_coverage overridden when the input says so. The missile is the
 * sample's entry of the given threat or launch area, so a varied missile parameter re-flies the
 * threats. Per cell: the fraction of samples in which it is engageable with >= 1 and >= 2 shot
 * opportunities. Counts are integers reduced in sample order: identical for any thread count.
 *
 * Fast path (unless in->plain, or a missile flight parameter varies): the threats do not depend
 * on the sampled values, so every cell is flown once (bmd_footprint_fly_all) and each sample
 * only rebuilds its defence (flyout tables, radars, timelines, rules, warhead cross-section) and
 * re-engages the kept flights (bmd_footprint_engage_flown): the same calls on the same inputs as
 * the plain path, so the counts are bit-identical to it, at the cost of the sample's flyout
 * tables and engagements only. When a missile flight parameter varies, the K threat draws of
 * the crossed design (threat_draws below) are flown one after the other, every cell once per
 * draw (bmd_footprint_fly_all on a copy with the draw's flight values), and the samples of each
 * draw re-engage those flights: again bit-identical to the plain path on the same values (which
 * in->plain runs, for any K). Samples run in parallel over threads (each sample's cells on one
 * thread); a draw's cells are flown in parallel. */

typedef struct bmd_mc_footprint_input {
    bmd_footprint_mode mode;
    int threat;                       /* scenario threat whose missile flies, or -1 */
    int launch_area;                  /* else the launch area's missile (threat = -1) */
    double centre_lat_rad, centre_lon_rad;
    const double *cell_lat_rad, *cell_lon_rad;
    long n_cells;
    double toward_lat_rad, toward_lon_rad; /* the flyout tables' reference heading point */
    int launch_on;                    /* -1: the sample's rules; else a bmd_launch_on */
    int no_fcr_coverage;              /* 1: engage on remote (require_fcr_coverage = 0) */
    bmd_footprint_options opt;        /* flight, aim and speed options (engage, rcs_m2, threads
                                         and required_speed are set per sample) */
    int plain;                        /* 1: prepare and fly the whole footprint again in every
                                         sample (the reference path; 0, the default: see below) */
    int tables_per_type;              /* 1: sites with the same interceptor share one flyout
                                         table per sample (built at the first of them, as the
                                         analysis shares them; bmd_footprint_defense_from_
                                         scenario_shared), nominal included; 0 (default): one
                                         table per site, as `bmdsim footprint` */
    long first_sample, block_samples; /* 0, 0 (default): every sample. Else only the samples
                                         [first_sample, first_sample + block_samples) of the N
                                         are run (MPI ranks share them; the design is still of
                                         N points, so sample i is the same whoever runs it): the
                                         result's n_one and n_two count over those samples, and
                                         p_one, p_two are n_one / N, n_two / N (the block's part;
                                         the counts of all blocks summed over N give exactly
                                         the p_one, p_two of the whole run) */
    long threat_draws;                /* K, the crossed design when a missile flight parameter
                                         varies: 0 (default) = min(N, BMD_MC_FOOTPRINT_THREAT_
                                         DRAWS); else 1..N. Sample i takes the defence values of
                                         row i of the N-point design and the missile flight values
                                         of row i mod K of a K-point design of the same sampler
                                         in the flight dimensions (seed derived from the run's),
                                         so every sample is still a draw of the joint
                                         distribution but only K distinct threats are flown:
                                         K x cells flights instead of N x cells, and the
                                         effective sample size in the flight dimensions is K.
                                         K = N is the N-point design unchanged (every sample
                                         flies its own threat). Ignored when no missile flight
                                         parameter varies (every sample shares one flight). */
    int cold_draws;                   /* crossed design: 0 (default): each draw's exactly aimed
                                         cells are warm-started from the nominal's converged
                                         min-energy plans (bmd_footprint_fly_all_warm: the same
                                         flight within the aim's tolerances, ~6x fewer flights;
                                         the draws reuse the nominal's defence to prepare); 1:
                                         every draw aimed cold (the session-5 path) */
} bmd_mc_footprint_input;

/* The default number of threat draws K (bmd_mc_footprint_input.threat_draws = 0, and
 * bmd_mc_options.threat_draws = 0 for the per-pair run: one rule for both): with an LHS in
 * the missile flight dimensions, 20 draws hold the standard error of a cell's probability from
 * the threat dimensions alone to at most 0.5 / sqrt(20) = 0.11 (less with LHS stratification),
 * and cost 20 x cells flights (docs/performance.md: measured). */
#define BMD_MC_FOOTPRINT_THREAT_DRAWS 20

/* A footprint over the samples. */
typedef struct bmd_mc_footprint {
    long n;
    uint64_t seed;
    bmd_sampler sampler;
    bmd_param_set params;             /* a copy of the set sampled (owned) */
    long n_cells;
    double *p_one, *p_two;            /* [n_cells]: P(>= 1), P(>= 2) shot opportunities */
    bmd_footprint_cell *nominal;      /* [n_cells]: the nominal scenario's footprint */
    double *values;                   /* [n * params.n] */
    int reflown;                      /* a missile flight parameter varied */
    double run_s;                     /* wall time */
    int reused;                       /* 1: the threat flights were flown once and re-engaged
                                         in every sample (the fast path) */
    long engagements;                 /* bmd_engage calls over the samples (fast path) */
    int tables_per_type;              /* the input's choice, for the outputs to name */
    long *n_one, *n_two;              /* [n_cells]: the samples run with >= 1, >= 2 shot
                                         opportunities (integers: blocks sum exactly) */
    long first_sample, block_samples; /* the samples run: [0, n) unless the input's block */
    long threat_draws;                /* K of the crossed design (1..n) when a missile flight
                                         parameter varied (reflown), else 0 (one flight shared) */
    int warm_draws;                   /* 1: cells of the draws were aimed from the nominal's
                                         solutions (input cold_draws 0, crossed design, and at
                                         least one cell took the warm start) */
    long warm_cells;                  /* cells given that warm start, summed over the draws */
} bmd_mc_footprint;

/* One line naming the threat-flight design of r into buf (n bytes): "threat flights: K draws of
 * the missile flight parameters crossed with the N samples (sample i flies draw i mod K;
 * effective sample size in those dimensions K)", "... re-flown in every sample (K = N)" or
 * "... flown once (no missile flight parameter varies)". Returns buf. */
BMD_API const char *bmd_mc_footprint_design_text(const bmd_mc_footprint *r, char *buf, size_t n);

/* Run it. opt: samples, seed, sampler, threads (opt->analysis unused; NULL: defaults). Errors:
 * BMD_EINVAL (unresolved scenario, no cells, no missile for the threat or launch area, N outside
 * [1, BMD_MC_MAX_SAMPLES], more than BMD_SAMPLE_MAX_DIMS parameters); those of bmd_param_apply,
 * bmd_footprint_defense_from_scenario, bmd_footprint_prepare and bmd_footprint_run, prefixed
 * with the sample and its values; BMD_ENOMEM. On error out is empty. */
BMD_API int bmd_mc_footprint_run(const bmd_scenario *scn, const bmd_param_set *set,
                                 const bmd_mc_footprint_input *in, const bmd_mc_options *opt,
                                 bmd_mc_footprint *out, bmd_error *err);

/* The probability band of p: 0 for [0, 0.1), 1 for [0.1, 0.5), 2 for [0.5, 0.9), 3 for
 * [0.9, 1]; and its label ("0-10 %", "10-50 %", "50-90 %", "90-100 %"). */
#define BMD_MC_N_BANDS 4
BMD_API int bmd_mc_band(double p);
BMD_API const char *bmd_mc_band_label(int band);

/* Add the coverage probability to scene as nested polygons (bmd_footprint_contour of the box
 * cells whose P(>= 1 shot) is >= 10 %, >= 50 %, >= 90 %; valid simple polygons, as footprint
 * contours), kind BMD_AREA_FOOTPRINT, named "NAME P(>=1 shot) >= X %", with the properties
 * "map" (name), "probability_band" (1, 2, 3: the band's lower edge 10, 50, 90 %),
 * "min_probability", "band" ("10-50 %" ...; the nested polygon of band b covers bands >= b),
 * "samples", "seed", "sampler", "parameters" (every varied parameter with its distribution
 * and source, "; "-separated; "none (nominal only)"), "threat_draws" (K, 0 when no missile flight
 * parameter varies) and "threat_design" (bmd_mc_footprint_design_text). grid: the cells of r
 * (its box first).
 * Errors: BMD_EINVAL (NULL input, a grid without a box, cell counts that differ); BMD_ENOMEM;
 * those of bmd_scene_add_area. */
BMD_API int bmd_mc_footprint_scene(const bmd_mc_footprint *r, const bmd_footprint_grid *grid,
                                   const char *name, bmd_scene *scene, bmd_error *err);

/* The varied parameters as one line (bmd_param_describe of each, "; "-separated; "none (nominal
 * only)") into buf (n bytes). Returns buf. */
BMD_API const char *bmd_mc_params_text(const bmd_param_set *set, char *buf, size_t n);

BMD_API void bmd_mc_footprint_free(bmd_mc_footprint *r);

#ifdef __cplusplus
}
#endif
#endif
