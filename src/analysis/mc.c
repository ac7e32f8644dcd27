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

#ifdef _OPENMP
#include <omp.h>
#endif

static const double levels[BMD_MC_N_QUANTILES] = {0.05, 0.25, 0.5, 0.75, 0.95};

const double *bmd_mc_quantile_levels(void)
{
    return levels;
}

void bmd_mc_options_init(bmd_mc_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->samples = 100;
    opt->seed = 1;
    opt->sampler = BMD_SAMPLER_LHS;
    bmd_analysis_options_init(&opt->analysis);
    opt->analysis.required_speed = 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Quantiles (linear interpolation between order statistics) of v[0..m-1] (sorted in place). */
static void quantiles(double *v, long m, double q[BMD_MC_N_QUANTILES])
{
    if (m <= 0) {
        for (int k = 0; k < BMD_MC_N_QUANTILES; k++)
            q[k] = NAN;
        return;
    }
    qsort(v, (size_t)m, sizeof *v, cmp_double);
    for (int k = 0; k < BMD_MC_N_QUANTILES; k++) {
        double h = levels[k] * (double)(m - 1);
        long lo = (long)floor(h);
        long hi = lo + 1 < m ? lo + 1 : lo;
        q[k] = v[lo] + (h - (double)lo) * (v[hi] - v[lo]);
    }
}

typedef struct ranked {
    double x;
    long i;
} ranked;

static int cmp_ranked(const void *a, const void *b)
{
    const ranked *p = a, *q = b;
    if (p->x != q->x)
        return (p->x > q->x) - (p->x < q->x);
    return (p->i > q->i) - (p->i < q->i);
}

double bmd_mc_first_order(const double *x, const double *y, long n, int discrete)
{
    if (n < 2)
        return NAN;
    double mean = 0;
    for (long i = 0; i < n; i++)
        mean += y[i];
    mean /= (double)n;
    double var = 0;
    for (long i = 0; i < n; i++)
        var += (y[i] - mean) * (y[i] - mean);
    var /= (double)n;
    if (!(var > 0))
        return NAN;
    ranked *r = malloc((size_t)n * sizeof *r);
    if (!r)
        return NAN;
    for (long i = 0; i < n; i++)
        r[i] = (ranked){x[i], i};
    qsort(r, (size_t)n, sizeof *r, cmp_ranked);
    int B = (int)sqrt((double)n);
    B = B < 2 ? 2 : (B > 20 ? 20 : B);
    double between = 0;
    int bins = 0;
    long start = 0;
    while (start < n) {
        long end;
        if (discrete) { /* one bin per value */
            end = start + 1;
            while (end < n && r[end].x == r[start].x)
                end++;
        } else {
            end = (long)(((double)(bins + 1) * (double)n) / B);
            if (end <= start)
                end = start + 1;
            if (bins == B - 1)
                end = n;
        }
        double m = 0;
        for (long k = start; k < end; k++)
            m += y[r[k].i];
        m /= (double)(end - start);
        between += (double)(end - start) * (m - mean) * (m - mean);
        bins++;
        start = end;
    }
    free(r);
    between /= (double)n;
    /* The between-bin variance of pure noise is about (B - 1) / N of the within variance. */
    double s = (between - (double)(bins - 1) / (double)n * (var - between)) / var;
    return s < 0 ? 0 : (s > 1 ? 1 : s);
}

static double now_s(void)
{
#ifdef _OPENMP
    return omp_get_wtime();
#else
    return 0.0;
#endif
}

/* Per sample and pair: what the reduction needs. */
typedef struct sample_pair {
    int shots;        /* -1: not evaluated */
    double altitude_m, time_s, speed_m_s;
} sample_pair;

/* One sample: copy, apply, analyse, record. */
static int run_sample(const bmd_scenario *scn, const bmd_param_set *set, const double *values,
                      const bmd_mc_options *opt, const bmd_analysis *nominal, int reflow,
                      int rebuild, sample_pair *rec, bmd_analysis_lazy_stats *stats,
                      bmd_error *err)
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
    ao.flights_from = reflow ? NULL : nominal;
    ao.flyouts_from = rebuild ? NULL : nominal;
    bmd_analysis an;
    st = opt->plain ? bmd_analysis_run(&copy, &ao, &an, err)
                    : bmd_analysis_run_lazy(&copy, &ao, &an, stats, err);
    if (st) {
        bmd_scenario_free(&copy);
        return st;
    }
    for (int p = 0; p < an.n_threats * an.n_sites; p++) {
        const bmd_analysis_pair *ap = &an.pairs[p];
        sample_pair *s = &rec[p];
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
    bmd_analysis_free(&an);
    bmd_scenario_free(&copy);
    return BMD_SUCCESS;
}

/* Reduce the records of pair p over the n samples (in sample order). */
static int reduce_pair(bmd_mc_result *r, const sample_pair *rec, int p, double *buf)
{
    bmd_mc_pair *mp = &r->pairs[p];
    long n = r->n, one = 0, two = 0, m;
    for (long i = 0; i < n; i++) {
        const sample_pair *s = &rec[i * r->n_pairs + p];
        r->shots[i * r->n_pairs + p] = s->shots;
        mp->n_evaluated += s->shots >= 0;
        one += s->shots >= 1;
        two += s->shots >= 2;
    }
    mp->p_one = (double)one / (double)n;
    mp->p_two = (double)two / (double)n;
    mp->se_one = sqrt(mp->p_one * (1 - mp->p_one) / (double)n);
    mp->se_two = sqrt(mp->p_two * (1 - mp->p_two) / (double)n);
    for (int which = 0; which < 3; which++) {
        m = 0;
        for (long i = 0; i < n; i++) {
            const sample_pair *s = &rec[i * r->n_pairs + p];
            double v = which == 0 ? s->altitude_m : which == 1 ? s->time_s : s->speed_m_s;
            if (!isnan(v))
                buf[m++] = v;
        }
        quantiles(buf, m, which == 0 ? mp->altitude_q_m : which == 1 ? mp->time_q_s
                                                                     : mp->speed_q_m_s);
    }
    double *x = buf, *y = buf + n;
    for (long i = 0; i < n; i++)
        y[i] = rec[i * r->n_pairs + p].shots >= 1;
    for (int k = 0; k < r->params.n; k++) {
        for (long i = 0; i < n; i++)
            x[i] = r->values[i * r->params.n + k];
        r->s1[p * r->params.n + k] = bmd_mc_first_order(
            x, y, n, r->params.items[k].dist.kind == BMD_DIST_DISCRETE);
    }
    return BMD_SUCCESS;
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
    if (!scn || !scn->resolved)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo: the scenario must be given and "
                             "resolved");
    if (opt->samples < 1 || opt->samples > BMD_MC_MAX_SAMPLES)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo: %ld samples; allowed 1 to %ld (the "
                             "cap of one run)", opt->samples, BMD_MC_MAX_SAMPLES);
    int d = set ? set->n : 0;
    if (d > BMD_SAMPLE_MAX_DIMS)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo: %d uncertain parameters; at most %d",
                             d, BMD_SAMPLE_MAX_DIMS);
    if (opt->threads < 0)
        return bmd_error_set(err, BMD_EINVAL, "Monte Carlo: threads %d must be >= 0",
                             opt->threads);
    double t0 = now_s();
    long n = opt->samples;
    out->n = n;
    out->seed = opt->seed;
    out->sampler = opt->sampler;
    out->n_threats = scn->n_threats;
    out->n_sites = scn->n_sites;
    out->n_pairs = scn->n_threats * scn->n_sites;
    int st = BMD_SUCCESS;
    for (int k = 0; k < d && !st; k++)
        st = bmd_param_set_add(&out->params, &set->items[k], err);
    for (int k = 0; k < d; k++) {
        int part = bmd_param_kind(set->items[k].path);
        /* a warhead's cross-section changes what radars see, not the flight */
        out->reflown |= part == BMD_PARAM_MISSILE && !strstr(set->items[k].path, ".signature.");
        out->rebuilt |= part == BMD_PARAM_INTERCEPTOR;
    }
    int np = out->n_pairs > 0 ? out->n_pairs : 1;
    out->pairs = calloc((size_t)np, sizeof *out->pairs);
    out->values = calloc((size_t)n * (size_t)(d > 0 ? d : 1), sizeof *out->values);
    out->shots = calloc((size_t)n * (size_t)np, sizeof *out->shots);
    out->s1 = calloc((size_t)np * (size_t)(d > 0 ? d : 1), sizeof *out->s1);
    sample_pair *rec = calloc((size_t)n * (size_t)np, sizeof *rec);
    double *buf = calloc((size_t)(2 * n), sizeof *buf);
    int *status = calloc((size_t)n, sizeof *status);
    bmd_analysis_lazy_stats *stats = calloc((size_t)n, sizeof *stats);
    if (!st && (!out->pairs || !out->values || !out->shots || !out->s1 || !rec || !buf || !status ||
                !stats))
        st = bmd_error_set(err, BMD_ENOMEM, "Monte Carlo: out of memory for %ld samples of %d "
                           "pairs", n, out->n_pairs);
    /* The design, then the values. */
    if (!st && d > 0) {
        double *u = malloc((size_t)n * (size_t)d * sizeof *u);
        if (!u)
            st = bmd_error_set(err, BMD_ENOMEM, "Monte Carlo: out of memory for the design");
        else if (!(st = bmd_sample_design(opt->sampler, opt->seed, n, d, opt->threads, u, err)))
            for (long i = 0; i < n * d; i++)
                out->values[i] = bmd_dist_quantile(&set->items[i % d].dist, u[i]);
        free(u);
    }
    /* The nominal analysis, whose flights and tables the samples share. */
    bmd_analysis nominal;
    memset(&nominal, 0, sizeof nominal);
    if (!st) {
        bmd_analysis_options ao = opt->analysis;
        ao.threads = opt->threads;
        ao.flights_from = ao.flyouts_from = NULL;
        bmd_error inner;
        if ((st = bmd_analysis_run(scn, &ao, &nominal, &inner)))
            bmd_error_set(err, st, "Monte Carlo: nominal scenario: %s", inner.message);
    }
    for (int p = 0; !st && p < out->n_pairs; p++) {
        const bmd_analysis_pair *ap = &nominal.pairs[p];
        out->pairs[p].threat = p / scn->n_sites;
        out->pairs[p].site = p % scn->n_sites;
        out->pairs[p].nominal_shots = ap->status == BMD_ANALYSIS_EVALUATED && ap->engagement.engageable
                                          ? ap->engagement.shot_opportunities : 0;
    }
    long first_bad = n;
    bmd_error bad;
    bmd_error_clear(&bad);
    if (!st) {
#pragma omp parallel for schedule(dynamic, 1) num_threads(bmd_num_threads(opt->threads))
        for (long i = 0; i < n; i++) {
            bmd_error e;
            bmd_error_clear(&e);
            status[i] = run_sample(scn, &out->params, out->values + i * (d > 0 ? d : 0), opt,
                                   &nominal, out->reflown, out->rebuilt, rec + i * np, &stats[i], &e);
            if (status[i]) {
#pragma omp critical(bmd_mc_error)
                if (i < first_bad) {
                    first_bad = i;
                    bad = e;
                }
            }
        }
        if (first_bad < n) {
            char vals[400] = "";
            size_t w = 0;
            for (int k = 0; k < d && w < sizeof vals; k++)
                w += (size_t)snprintf(vals + w, sizeof vals - w, "%s%s=%.6g", k ? ", " : "",
                                      out->params.items[k].path, out->values[first_bad * d + k]);
            st = bmd_error_set(err, status[first_bad], "Monte Carlo sample %ld (%s): %s",
                               first_bad + 1, vals, bad.message);
        }
    }
    bmd_analysis_free(&nominal);
    for (long i = 0; !st && i < n; i++) {
        out->pairs_determined += stats[i].pairs_determined;
        out->tables_built += stats[i].tables_built;
    }
    for (int p = 0; !st && p < out->n_pairs; p++)
        reduce_pair(out, rec, p, buf);
    free(rec);
    free(buf);
    free(status);
    free(stats);
    out->run_s = now_s() - t0;
    if (st)
        bmd_mc_free(out);
    return st;
}

const bmd_mc_pair *bmd_mc_pair_at(const bmd_mc_result *r, int ti, int si)
{
    if (!r || !r->pairs || ti < 0 || si < 0 || ti >= r->n_threats || si >= r->n_sites)
        return NULL;
    return &r->pairs[ti * r->n_sites + si];
}

void bmd_mc_free(bmd_mc_result *r)
{
    if (!r)
        return;
    bmd_param_set_free(&r->params);
    free(r->pairs);
    free(r->values);
    free(r->shots);
    free(r->s1);
    memset(r, 0, sizeof *r);
}
