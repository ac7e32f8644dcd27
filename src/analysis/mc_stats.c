/* The statistics of the Monte Carlo (bmd/montecarlo.h): quantiles of the intercept altitude,
 * time and required speed, the probabilities of one and two shot opportunities with their
 * standard errors, and the first-order sensitivity index from the same samples (binned
 * conditional means), and the result's accessors. Method: docs/robustness.md (probabilities per
 * pair). The run: mc.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/montecarlo.h"
#include "analysis/mc_draws_internal.h"

static const double levels[BMD_MC_N_QUANTILES] = {0.05, 0.25, 0.5, 0.75, 0.95};

const double *bmd_mc_quantile_levels(void)
{
    return levels;
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

int bmd_mc_reduce_pair(bmd_mc_result *r, const bmd_mc_record *rec, int p, double *buf)
{
    bmd_mc_pair *mp = &r->pairs[p];
    long n = r->n, one = 0, two = 0, m;
    for (long i = 0; i < n; i++) {
        const bmd_mc_record *s = &rec[i * r->n_pairs + p];
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
            const bmd_mc_record *s = &rec[i * r->n_pairs + p];
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

const char *bmd_mc_design_text(const bmd_mc_result *r, char *buf, size_t n)
{
    return bmd_analysis_mc_design_text(r && r->reflown, r ? r->threat_draws : 0, r ? r->n : 0,
                                       buf, n);
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
