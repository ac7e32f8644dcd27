/* Monte Carlo over uncertain parameters (bmd/montecarlo.h): samples drawn by a design, applied to
 * copies of the scenario, analysed in parallel with shared flights and tables, reduced in sample
 * order. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/num.h"
#include "bmd/montecarlo.h"
#include "analysis/analysis_internal.h"
#include "analysis/mc_draws_internal.h"

#ifdef _OPENMP
#include <omp.h>
#endif

void bmd_mc_options_init(bmd_mc_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->samples = 100;
    opt->seed = 1;
    opt->sampler = BMD_SAMPLER_LHS;
    bmd_analysis_options_init(&opt->analysis);
    opt->analysis.required_speed = 0;
}

static double now_s(void)
{
#ifdef _OPENMP
    return omp_get_wtime();
#else
    return 0.0;
#endif
}

/* The records of one sample's analysis (rec[p] for pair p). */
static void fill_records(const bmd_analysis *an, bmd_mc_record *rec)
{
    for (int p = 0; p < an->n_threats * an->n_sites; p++) {
        const bmd_analysis_pair *ap = &an->pairs[p];
        bmd_mc_record *s = &rec[p];
        s->shots = -1;
        s->altitude_m = s->time_s = s->speed_m_s = NAN;
        if (ap->status != BMD_ANALYSIS_EVALUATED)
            continue;
        s->shots = ap->engagement.engageable ? ap->engagement.shot_opportunities : 0;
        if (ap->engagement.engageable) {
            s->altitude_m = ap->engagement.earliest.altitude_m;
            s->time_s = ap->engagement.earliest.t_s;
        }
        if (ap->has_required_speed && ap->required.possible)
            s->speed_m_s = ap->required.speed_m_s;
    }
}

/* The launch-on rules of a run: n_rules 0 (rules NULL) is one run with the options as given;
 * else run r uses launch_on rules[r] with the options' other rules (rules_from_scenario off). */
typedef struct rule_list {
    const bmd_launch_on *rules;
    int n_rules;
} rule_list;

/* Where the lazy run by rules puts rule r's records of one sample. */
typedef struct sample_sink {
    bmd_mc_records *out;   /* [n_rules] */
    long i;                /* the sample's index in the block */
} sample_sink;

static int sink_rule(void *ctx, int r, const bmd_analysis *an, bmd_error *err)
{
    (void)err;
    sample_sink *k = ctx;
    fill_records(an, k->out[r].rec + k->i * k->out[r].n_pairs);
    return BMD_SUCCESS;
}

/* One sample: copy, apply, analyse, record (out[r] for each rule of rl; its block index i). The
 * threat flights: the sample's own (reflow and no draw), its threat draw's (draw not NULL) or the
 * nominal's. */
static int run_sample(const bmd_scenario *scn, const bmd_param_set *set, const double *values,
                      const bmd_mc_options *opt, const rule_list *rl, const bmd_analysis *nominal,
                      const bmd_analysis *draw, int reflow, int rebuild, bmd_mc_records *out,
                      long i,
                      bmd_analysis_lazy_stats *stats, bmd_error *err)
{
    bmd_scenario copy;
    int st = bmd_param_scenario_copy(scn, &copy, err);
    if (st)
        return st;
    if ((st = bmd_param_set_apply(&copy, set, values, err))) {
        bmd_scenario_free(&copy);
        return st;
    }
    bmd_analysis_options ao = opt->analysis;
    ao.threads = 1;
    ao.flights_from = draw ? draw : reflow ? NULL : nominal;
    ao.flyouts_from = rebuild ? NULL : nominal;
    if (rl->n_rules > 0)
        ao.rules_from_scenario = 0;
    if (rl->n_rules > 0 && !opt->plain) {
        /* flights and tables once, the pairs per rule */
        sample_sink sink = {out, i};
        st = bmd_analysis_run_lazy_rules(&copy, &ao, rl->rules, rl->n_rules, sink_rule, &sink,
                                         stats, err);
        bmd_scenario_free(&copy);
        return st;
    }
    const int runs = rl->n_rules > 0 ? rl->n_rules : 1;
    for (int r = 0; !st && r < runs; r++) {
        if (rl->n_rules > 0)
            ao.engage.launch_on = rl->rules[r];
        bmd_analysis an;
        st = opt->plain ? bmd_analysis_run(&copy, &ao, &an, err)
                        : bmd_analysis_run_lazy(&copy, &ao, &an, &stats[r], err);
        if (st)
            break;
        fill_records(&an, out[r].rec + i * out[r].n_pairs);
        bmd_analysis_free(&an);
    }
    bmd_scenario_free(&copy);
    return st;
}

/* The checks of a run's options shared by records and reduce. */
static int check_options(const bmd_mc_options *opt, int d, bmd_error *err)
{
    if (opt->samples < 1 || opt->samples > BMD_MC_MAX_SAMPLES)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo: %ld samples; allowed 1 to %ld (the "
                             "cap of one run)", opt->samples, BMD_MC_MAX_SAMPLES);
    if (d > BMD_SAMPLE_MAX_DIMS)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo: %d uncertain parameters; at most %d",
                             d, BMD_SAMPLE_MAX_DIMS);
    if (opt->threads < 0)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo: threads %d must be >= 0",
                             opt->threads);
    if (opt->threat_draws < 0 || opt->threat_draws > opt->samples)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo: threat_draws %ld; allowed 1 to the "
                             "%ld samples (0: the default, min(N, %d))", opt->threat_draws,
                             opt->samples, BMD_MC_FOOTPRINT_THREAT_DRAWS);
    return BMD_SUCCESS;
}

/* A copy of set (NULL: empty) into copy; and whether its parameters re-fly the threats or
 * rebuild the flyout tables. */
static int copy_params(const bmd_param_set *set, bmd_param_set *copy, int *reflown, int *rebuilt,
                       bmd_error *err)
{
    int d = set ? set->n : 0, st = BMD_SUCCESS;
    for (int k = 0; k < d && !st; k++)
        st = bmd_param_set_add(copy, &set->items[k], err);
    *reflown = *rebuilt = 0;
    for (int k = 0; k < d; k++) {
        int part = bmd_param_kind(set->items[k].path);
        *reflown |= bmd_analysis_mc_is_flight(&set->items[k]);
        *rebuilt |= part == BMD_PARAM_INTERCEPTOR;
    }
    return st;
}

/* The values of all N samples (values[i * d + k]), from the design of N points crossed with the
 * K threat draws (mc_draws_internal.h): sample i's values do not depend on which process
 * computes it. */
static int design_values(const bmd_param_set *set, const bmd_mc_options *opt, double *values,
                         bmd_error *err)
{
    int d = set ? set->n : 0;
    long n = opt->samples;
    if (d <= 0)
        return BMD_SUCCESS;
    double *u = malloc((size_t)n * (size_t)d * sizeof *u);
    if (!u)
        return bmd_error_set(err, BMD_ENOMEM, "Monte Carlo: out of memory for the design");
    int st = bmd_sample_design(opt->sampler, opt->seed, n, d, opt->threads, u, err);
    if (!st)
        for (long i = 0; i < n * d; i++)
            values[i] = bmd_dist_quantile(&set->items[i % d].dist, u[i]);
    free(u);
    if (!st)
        st = bmd_analysis_mc_cross(set, opt->sampler, opt->seed, n,
                                   bmd_analysis_mc_threat_draws(opt->threat_draws, n),
                                   opt->threads, values, err);
    return st;
}

int bmd_mc_records_alloc(bmd_mc_records *r, long n, long first, long count, int n_threats,
                         int n_sites, bmd_error *err)
{
    bmd_error_clear(err);
    if (!r)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo records: none to fill (r is NULL)");
    memset(r, 0, sizeof *r);
    if (n < 1 || n > BMD_MC_MAX_SAMPLES)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo records: %ld samples; allowed 1 to "
                             "%ld", n, BMD_MC_MAX_SAMPLES);
    if (first < 0 || count < 0 || first > n - count)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo records: samples [%ld, %ld) are not "
                             "inside [0, %ld)", first, first + count, n);
    if (n_threats < 0 || n_sites < 0)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo records: %d threats, %d sites; "
                             "allowed >= 0", n_threats, n_sites);
    r->n = n;
    r->first = first;
    r->count = count;
    r->n_threats = n_threats;
    r->n_sites = n_sites;
    r->n_pairs = n_threats * n_sites;
    size_t np = r->n_pairs > 0 ? (size_t)r->n_pairs : 1;
    r->rec = calloc((size_t)(count > 0 ? count : 1) * np, sizeof *r->rec);
    r->nominal_shots = calloc(np, sizeof *r->nominal_shots);
    if (!r->rec || !r->nominal_shots) {
        bmd_mc_records_free(r);
        return bmd_error_set(err, BMD_ENOMEM, "Monte Carlo: out of memory for %ld samples of %d "
                             "pairs", count, n_threats * n_sites);
    }
    return BMD_SUCCESS;
}

void bmd_mc_records_free(bmd_mc_records *r)
{
    if (!r)
        return;
    free(r->rec);
    free(r->nominal_shots);
    memset(r, 0, sizeof *r);
}

/* bmd_mc_records_run for the rules of rl: out[0..R-1] (R = rl->n_rules, or 1). */
static int records_run(const bmd_scenario *scn, const bmd_param_set *set,
                       const bmd_mc_options *opt, const rule_list *rl, long first, long count,
                       bmd_mc_records *out, bmd_error *err)
{
    bmd_error_clear(err);
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo: no records to fill (out is NULL)");
    const int runs = rl->n_rules > 0 ? rl->n_rules : 1;
    memset(out, 0, (size_t)runs * sizeof *out);
    bmd_mc_options defaults;
    bmd_mc_options_init(&defaults);
    if (!opt)
        opt = &defaults;
    if (!scn || !scn->resolved)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo: the scenario must be given and "
                             "resolved");
    int d = set ? set->n : 0;
    int st = check_options(opt, d, err);
    if (st)
        return st;
    long n = opt->samples;
    for (int r = 0; !st && r < runs; r++)
        st = bmd_mc_records_alloc(&out[r], n, first, count, scn->n_threats, scn->n_sites, err);
    if (st) {
        for (int r = 0; r < runs; r++)
            bmd_mc_records_free(&out[r]);
        return st;
    }
    bmd_param_set params = {0};
    int reflown, rebuilt;
    st = copy_params(set, &params, &reflown, &rebuilt, err);
    int np = out[0].n_pairs;
    double *values = calloc((size_t)n * (size_t)(d > 0 ? d : 1), sizeof *values);
    int *status = calloc((size_t)(count > 0 ? count : 1), sizeof *status);
    bmd_analysis_lazy_stats *stats =
        calloc((size_t)(count > 0 ? count : 1) * (size_t)runs, sizeof *stats);
    bmd_analysis *nominal = calloc((size_t)runs, sizeof *nominal);
    if (!st && (!values || !status || !stats || !nominal))
        st = bmd_error_set(err, BMD_ENOMEM, "Monte Carlo: out of memory for %ld samples of %d "
                           "pairs", n, np);
    if (!st)
        st = design_values(set, opt, values, err);
    /* The nominal analysis, whose flights and tables the samples share (per rule: the first
     * rule's flights and tables, the pairs evaluated with the rule). */
    int n_nominal = 0;
    for (int r = 0; !st && r < runs; r++) {
        bmd_analysis_options ao = opt->analysis;
        ao.threads = opt->threads;
        ao.flights_from = ao.flyouts_from = r > 0 ? &nominal[0] : NULL;
        if (rl->n_rules > 0) {
            ao.rules_from_scenario = 0;
            ao.engage.launch_on = rl->rules[r];
        }
        bmd_error inner;
        if ((st = bmd_analysis_run(scn, &ao, &nominal[r], &inner)))
            bmd_error_set(err, st, "Monte Carlo: nominal scenario: %s", inner.message);
        else
            n_nominal++;
        for (int p = 0; !st && p < np; p++) {
            const bmd_analysis_pair *ap = &nominal[r].pairs[p];
            out[r].nominal_shots[p] = ap->status == BMD_ANALYSIS_EVALUATED &&
                                              ap->engagement.engageable
                                          ? ap->engagement.shot_opportunities : 0;
        }
    }
    /* The crossed design (K < N threat draws): the draws this block needs, each flown once. */
    bmd_analysis_mc_draws td = {0};
    const long kd = bmd_analysis_mc_threat_draws(opt->threat_draws, n);
    if (!st && reflown && kd < n && !opt->plain)
        st = bmd_analysis_mc_fly_draws(scn, &params, values, &opt->analysis, opt->threads,
                                       &nominal[0], kd, first, count, &td, err);
    long first_bad = count;
    bmd_error bad;
    bmd_error_clear(&bad);
    if (!st) {
#pragma omp parallel for schedule(dynamic, 1) num_threads(bmd_num_threads(opt->threads))
        for (long i = 0; i < count; i++) {
            bmd_error e;
            bmd_error_clear(&e);
            const bmd_analysis *draw = td.k ? &td.an[(first + i) % td.k] : NULL;
            status[i] = run_sample(scn, &params, values + (first + i) * (d > 0 ? d : 0), opt, rl,
                                   &nominal[0], draw, reflown, rebuilt, out, i, &stats[i * runs],
                                   &e);
            if (status[i]) {
#pragma omp critical(bmd_mc_error)
                if (i < first_bad) {
                    first_bad = i;
                    bad = e;
                }
            }
        }
        if (first_bad < count) {
            long g = first + first_bad;
            char vals[400] = "";
            size_t w = 0;
            for (int k = 0; k < d && w < sizeof vals; k++)
                w += (size_t)snprintf(vals + w, sizeof vals - w, "%s%s=%.6g", k ? ", " : "",
                                      params.items[k].path, values[g * d + k]);
            st = bmd_error_set(err, status[first_bad], "Monte Carlo sample %ld (%s): %s", g + 1,
                               vals, bad.message);
        }
    }
    bmd_analysis_mc_draws_free(&td); /* they borrow the nominal's tables */
    for (int r = n_nominal - 1; r >= 0; r--) /* the borrowers first */
        bmd_analysis_free(&nominal[r]);
    for (long i = 0; !st && i < count; i++)
        for (int r = 0; r < runs; r++) {
            out[r].pairs_determined += stats[i * runs + r].pairs_determined;
            out[r].tables_built += stats[i * runs + r].tables_built;
        }
    bmd_param_set_free(&params);
    free(values);
    free(status);
    free(stats);
    free(nominal);
    if (st)
        for (int r = 0; r < runs; r++)
            bmd_mc_records_free(&out[r]);
    return st;
}

int bmd_mc_records_run(const bmd_scenario *scn, const bmd_param_set *set,
                       const bmd_mc_options *opt, long first, long count, bmd_mc_records *out,
                       bmd_error *err)
{
    const rule_list one = {NULL, 0};
    return records_run(scn, set, opt, &one, first, count, out, err);
}

int bmd_mc_reduce(const bmd_param_set *set, const bmd_mc_options *opt, const bmd_mc_records *all,
                  bmd_mc_result *out, bmd_error *err)
{
    bmd_error_clear(err);
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo: no result to fill (out is NULL)");
    memset(out, 0, sizeof *out);
    bmd_mc_options defaults;
    bmd_mc_options_init(&defaults);
    if (!opt)
        opt = &defaults;
    int d = set ? set->n : 0;
    int st = check_options(opt, d, err);
    if (st)
        return st;
    if (!all || !all->rec || !all->nominal_shots || all->n != opt->samples || all->first != 0 ||
        all->count != all->n || all->n_pairs != all->n_threats * all->n_sites)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo reduce: the records must hold every "
                             "sample [0, %ld) of the run (got %s)", opt->samples,
                             all ? "a partial or inconsistent block" : "none");
    double t0 = now_s();
    long n = opt->samples;
    out->n = n;
    out->seed = opt->seed;
    out->sampler = opt->sampler;
    out->n_threats = all->n_threats;
    out->n_sites = all->n_sites;
    out->n_pairs = all->n_pairs;
    st = copy_params(set, &out->params, &out->reflown, &out->rebuilt, err);
    int np = out->n_pairs > 0 ? out->n_pairs : 1;
    out->pairs = calloc((size_t)np, sizeof *out->pairs);
    out->values = calloc((size_t)n * (size_t)(d > 0 ? d : 1), sizeof *out->values);
    out->shots = calloc((size_t)n * (size_t)np, sizeof *out->shots);
    out->s1 = calloc((size_t)np * (size_t)(d > 0 ? d : 1), sizeof *out->s1);
    double *buf = calloc((size_t)(2 * n), sizeof *buf);
    if (!st && (!out->pairs || !out->values || !out->shots || !out->s1 || !buf))
        st = bmd_error_set(err, BMD_ENOMEM, "Monte Carlo: out of memory for %ld samples of %d "
                           "pairs", n, out->n_pairs);
    if (!st)
        st = design_values(set, opt, out->values, err);
    for (int p = 0; !st && p < out->n_pairs; p++) {
        out->pairs[p].threat = p / out->n_sites;
        out->pairs[p].site = p % out->n_sites;
        out->pairs[p].nominal_shots = all->nominal_shots[p];
    }
    out->threat_draws = out->reflown ? bmd_analysis_mc_threat_draws(opt->threat_draws, n) : 0;
    if (!st) {
        out->pairs_determined = all->pairs_determined;
        out->tables_built = all->tables_built;
    }
    for (int p = 0; !st && p < out->n_pairs; p++)
        bmd_mc_reduce_pair(out, all->rec, p, buf);
    free(buf);
    out->run_s = now_s() - t0;
    if (st)
        bmd_mc_free(out);
    return st;
}

int bmd_mc_run(const bmd_scenario *scn, const bmd_param_set *set, const bmd_mc_options *opt,
               bmd_mc_result *out, bmd_error *err)
{
    bmd_error_clear(err);
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo: no result to fill (out is NULL)");
    memset(out, 0, sizeof *out);
    bmd_mc_options defaults;
    bmd_mc_options_init(&defaults);
    if (!opt)
        opt = &defaults;
    double t0 = now_s();
    bmd_mc_records all;
    int st = bmd_mc_records_run(scn, set, opt, 0, opt->samples, &all, err);
    if (!st) {
        st = bmd_mc_reduce(set, opt, &all, out, err);
        bmd_mc_records_free(&all);
    }
    if (!st)
        out->run_s = now_s() - t0;
    return st;
}

int bmd_mc_run_rules(const bmd_scenario *scn, const bmd_param_set *set,
                     const bmd_mc_options *opt, const bmd_launch_on *rules, int n_rules,
                     bmd_mc_result *out, bmd_error *err)
{
    bmd_error_clear(err);
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo by rules: no results to fill (out is "
                             "NULL)");
    if (!rules || n_rules < 1 || n_rules > BMD_LAUNCH_ON_COUNT)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo by rules: %d rules; allowed 1 to %d",
                             n_rules, BMD_LAUNCH_ON_COUNT);
    memset(out, 0, (size_t)n_rules * sizeof *out);
    for (int r = 0; r < n_rules; r++)
        if ((int)rules[r] < 0 || (int)rules[r] >= BMD_LAUNCH_ON_COUNT)
            return bmd_error_set(err, BMD_EINVAL, "Monte Carlo by rules: rule %d is %d; allowed "
                                 "0 to %d (a bmd_launch_on)", r, (int)rules[r],
                                 BMD_LAUNCH_ON_COUNT - 1);
    bmd_mc_options defaults;
    bmd_mc_options_init(&defaults);
    if (!opt)
        opt = &defaults;
    double t0 = now_s();
    const rule_list rl = {rules, n_rules};
    bmd_mc_records all[BMD_LAUNCH_ON_COUNT];
    int st = records_run(scn, set, opt, &rl, 0, opt->samples, all, err);
    if (st)
        return st;
    for (int r = 0; r < n_rules; r++) {
        bmd_mc_options o = *opt;
        o.analysis.rules_from_scenario = 0;
        o.analysis.engage.launch_on = rules[r];
        if (!st)
            st = bmd_mc_reduce(set, &o, &all[r], &out[r], err);
        bmd_mc_records_free(&all[r]);
    }
    if (st)
        for (int r = 0; r < n_rules; r++)
            bmd_mc_free(&out[r]);
    for (int r = 0; !st && r < n_rules; r++)
        out[r].run_s = now_s() - t0;
    return st;
}
