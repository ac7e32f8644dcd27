/* Coverage probability of a footprint (bmd/montecarlo.h): the footprint of one centre run on
 * copies of the scenario with sampled parameters, one sample per thread, counts reduced in
 * sample order. Fast path: the cells flown once and re-engaged by each sample's defence. One
 * footprint of a scenario (the defence, the plain path, the re-engagement, the draws' flights):
 * mc_footprint_one.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/mc_footprint_internal.h"
#include "bmd/footprint_input.h"
#include "bmd/montecarlo.h"

#ifdef _OPENMP
#include <omp.h>
#endif

static const char *const band_labels[BMD_MC_N_BANDS] = {"0-10 %", "10-50 %", "50-90 %",
                                                        "90-100 %"};

int bmd_mc_band(double p)
{
    return p >= 0.9 ? 3 : p >= 0.5 ? 2 : p >= 0.1 ? 1 : 0;
}

const char *bmd_mc_band_label(int band)
{
    return band >= 0 && band < BMD_MC_N_BANDS ? band_labels[band] : "";
}

static double now_s(void)
{
#ifdef _OPENMP
    return omp_get_wtime();
#else
    return 0.0;
#endif
}

static int thread_count(int threads)
{
#ifdef _OPENMP
    return threads > 0 ? threads : omp_get_max_threads();
#else
    (void)threads;
    return 1;
#endif
}

/* The samples of one run: where their values are, where their shots and statuses go. */
typedef struct sample_run {
    const bmd_scenario *scn;
    const bmd_param_set *params;
    const double *values; /* [n * d] of the whole run */
    const bmd_mc_footprint_input *in;
    int d;
    long nc, b0;
    unsigned char *shots; /* [block * nc] */
    int *status;          /* [block] */
    long *first_bad;      /* the first failed sample of the block (block: none) */
    bmd_error *bad;       /* its error */
} sample_run;

/* The block's samples i = i0, i0 + step, ... < nb, in parallel, with the flights fl of fp (NULL:
 * the plain path). Returns their engagements. */
static long run_samples(const sample_run *r, const bmd_footprint *fp, const bmd_footprint_flown *fl,
                        long i0, long nb, long step, int threads)
{
    long engagements = 0;
    const long m = i0 < nb ? (nb - i0 + step - 1) / step : 0;
#pragma omp parallel num_threads(threads) reduction(+ : engagements)
    {
        bmd_footprint_cell *cells = malloc((size_t)r->nc * sizeof *cells);
#pragma omp for schedule(dynamic, 1)
        for (long t = 0; t < m; t++) {
            const long i = i0 + t * step;
            bmd_error e;
            bmd_error_clear(&e);
            const double *v = r->values + (r->b0 + i) * r->d;
            r->status[i] = cells ? bmd_mcf_run_sample(r->scn, r->params, v, r->in, fp, fl, cells,
                                                      &engagements, &e)
                                 : bmd_error_set(&e, BMD_ENOMEM, "out of memory");
            for (long k = 0; k < r->nc && !r->status[i]; k++) {
                const int s = cells[k].shot_opportunities;
                r->shots[i * r->nc + k] = (unsigned char)(s > 2 ? 2 : s < 0 ? 0 : s);
            }
            if (r->status[i]) {
#pragma omp critical(bmd_mc_footprint_error)
                if (i < *r->first_bad) {
                    *r->first_bad = i;
                    *r->bad = e;
                }
            }
        }
        free(cells);
    }
    return engagements;
}

static int check(const bmd_scenario *scn, const bmd_param_set *set,
                 const bmd_mc_footprint_input *in, const bmd_mc_options *opt, bmd_error *err)
{
    if (!scn || !scn->resolved || !in)
        return bmd_error_set(err, BMD_EINVAL, "coverage probability: the scenario and the "
                             "footprint must be given, the scenario resolved");
    if (in->n_cells < 1 || !in->cell_lat_rad || !in->cell_lon_rad)
        return bmd_error_set(err, BMD_EINVAL, "coverage probability: %ld cells; at least 1",
                             in->n_cells);
    if (!bmd_mcf_entry_of(scn, in))
        return bmd_error_set(err, BMD_EINVAL, "coverage probability: threat %d / launch area %d:"
                             " no such threat or launch area with a missile", in->threat,
                             in->launch_area);
    if (opt->samples < 1 || opt->samples > BMD_MC_MAX_SAMPLES)
        return bmd_error_set(err, BMD_EINVAL, "coverage probability: %ld samples; allowed 1 to "
                             "%ld (the cap of one run)", opt->samples, BMD_MC_MAX_SAMPLES);
    if ((set ? set->n : 0) > BMD_SAMPLE_MAX_DIMS)
        return bmd_error_set(err, BMD_EINVAL, "coverage probability: %d uncertain parameters; at"
                             " most %d", set->n, BMD_SAMPLE_MAX_DIMS);
    if (opt->threads < 0)
        return bmd_error_set(err, BMD_EINVAL, "coverage probability: threads %d must be >= 0",
                             opt->threads);
    if (in->threat_draws < 0 || in->threat_draws > opt->samples)
        return bmd_error_set(err, BMD_EINVAL, "coverage probability: threat_draws %ld; allowed 1 "
                             "to the %ld samples (0: the default, min(N, %d))", in->threat_draws,
                             opt->samples, BMD_MC_FOOTPRINT_THREAT_DRAWS);
    if ((in->first_sample || in->block_samples) &&
        (in->first_sample < 0 || in->block_samples < 0 ||
         in->first_sample > opt->samples - in->block_samples))
        return bmd_error_set(err, BMD_EINVAL, "coverage probability: samples [%ld, %ld) are not "
                             "inside [0, %ld)", in->first_sample,
                             in->first_sample + in->block_samples, opt->samples);
    return BMD_SUCCESS;
}

int bmd_mc_footprint_run(const bmd_scenario *scn, const bmd_param_set *set,
                         const bmd_mc_footprint_input *in, const bmd_mc_options *opt,
                         bmd_mc_footprint *out, bmd_error *err)
{
    bmd_error_clear(err);
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "coverage probability: out is NULL");
    memset(out, 0, sizeof *out);
    bmd_mc_options defaults;
    bmd_mc_options_init(&defaults);
    if (!opt)
        opt = &defaults;
    int st = check(scn, set, in, opt, err);
    if (st)
        return st;
    const double t0 = now_s();
    const long n = opt->samples, nc = in->n_cells;
    const int d = set ? set->n : 0;
    /* the samples run: all, or the input's block (MPI ranks) */
    const int whole = !in->first_sample && !in->block_samples;
    const long b0 = whole ? 0 : in->first_sample, nb = whole ? n : in->block_samples;
    out->first_sample = b0, out->block_samples = nb;
    out->n = n, out->seed = opt->seed, out->sampler = opt->sampler, out->n_cells = nc;
    for (int k = 0; k < d && !st; k++) {
        st = bmd_param_set_add(&out->params, &set->items[k], err);
        out->reflown |= bmd_analysis_mc_is_flight(&set->items[k]);
    }
    const long kd = bmd_analysis_mc_threat_draws(in->threat_draws, n);
    out->threat_draws = out->reflown ? kd : 0;
    out->p_one = calloc((size_t)nc, sizeof *out->p_one);
    out->p_two = calloc((size_t)nc, sizeof *out->p_two);
    out->nominal = calloc((size_t)nc, sizeof *out->nominal);
    out->n_one = calloc((size_t)nc, sizeof *out->n_one);
    out->n_two = calloc((size_t)nc, sizeof *out->n_two);
    out->values = calloc((size_t)n * (size_t)(d > 0 ? d : 1), sizeof *out->values);
    unsigned char *shots = calloc((size_t)(nb > 0 ? nb : 1) * (size_t)nc, 1);
    int *status = calloc((size_t)(nb > 0 ? nb : 1), sizeof *status);
    if (!st && (!out->p_one || !out->p_two || !out->nominal || !out->values || !shots || !status ||
                !out->n_one || !out->n_two))
        st = bmd_error_set(err, BMD_ENOMEM, "coverage probability: out of memory for %ld samples"
                           " of %ld cells", n, nc);
    if (!st && d > 0) {
        double *u = malloc((size_t)n * (size_t)d * sizeof *u);
        if (!u)
            st = bmd_error_set(err, BMD_ENOMEM, "coverage probability: out of memory");
        else if (!(st = bmd_sample_design(opt->sampler, opt->seed, n, d, opt->threads, u, err)))
            for (long i = 0; i < n * d; i++)
                out->values[i] = bmd_dist_quantile(&set->items[i % d].dist, u[i]);
        free(u);
        if (!st) /* the crossed design: K threat draws (nothing when K = N) */
            st = bmd_analysis_mc_cross(&out->params, opt->sampler, opt->seed, n, kd,
                                       opt->threads, out->values, err);
    }
    bmd_footprint *fp = NULL;
    bmd_footprint_flown *fl = NULL;
    out->reused = !in->plain && !out->reflown;
    const int crossed = !in->plain && out->reflown;
    const int warm_draws = crossed && !in->cold_draws; /* set in out when a cell took it */
    out->tables_per_type = in->tables_per_type != 0;
    bmd_footprint_defense *d0 = NULL; /* the nominal's defence, kept for warm draws */
    bmd_footprint_options o0;
    if (!st) {
        bmd_error inner;
        bmd_error_clear(&inner);
        /* warm draws: the nominal flown once and kept (its plans start the draws' aims), engaged
         * as bmd_footprint_run engages it (the same calls: the same cells) */
        const int nt = opt->threads;
        st = out->reused   ? bmd_mcf_nominal_fast(scn, in, nt, &fp, &fl, out->nominal, NULL, NULL,
                                                  NULL, &inner)
             : warm_draws ? bmd_mcf_nominal_fast(scn, in, nt, &fp, &fl, out->nominal, NULL, &d0,
                                                 &o0, &inner)
                          : bmd_mcf_footprint_of(scn, in, nt, out->nominal, &inner);
        if (st)
            bmd_error_set(err, st, "coverage probability: nominal scenario: %s", inner.message);
    }
    long engagements = 0;
    long first_bad = nb;
    bmd_error bad;
    bmd_error_clear(&bad);
    if (!st) {
        sample_run sr = {scn, &out->params, out->values, in, d, nc, b0, shots, status,
                         &first_bad, &bad};
        if (!crossed) {
            engagements += run_samples(&sr, fp, fl, 0, nb, 1, thread_count(opt->threads));
        } else { /* each threat draw flown once, re-engaged by its samples */
            for (long j = 0; j < kd && first_bad == nb; j++) {
                long i0 = (b0 / kd) * kd + j; /* the first sample of draw j in the block */
                if (i0 < b0)
                    i0 += kd;
                if (i0 >= b0 + nb)
                    continue;
                bmd_footprint *fpj = NULL;
                bmd_footprint_flown *flj = NULL;
                bmd_scenario copy;
                bmd_footprint_defense *dj = NULL;
                bmd_error e;
                bmd_error_clear(&e);
                long warmed = 0;
                int have_copy = 0;
                int sj = bmd_mcf_draw_flights(scn, &out->params, out->values + i0 * d, in,
                                              opt->threads, d0, &o0, warm_draws ? fl : NULL,
                                              &copy, &dj, &fpj, &flj, &warmed, &have_copy, &e);
                out->warm_cells += warmed;
                if (sj) {
                    first_bad = i0 - b0, bad = e, status[i0 - b0] = sj;
                } else {
                    engagements += run_samples(&sr, fpj, flj, i0 - b0, nb, kd,
                                               thread_count(opt->threads));
                }
                bmd_footprint_flown_free(flj);
                bmd_footprint_free(fpj);
                if (dj) {
                    bmd_footprint_defense_free(dj);
                    free(dj);
                }
                if (have_copy)
                    bmd_scenario_free(&copy);
            }
        }
        if (first_bad < nb) {
            const long g = b0 + first_bad; /* the sample's number in the whole run */
            char vals[400] = "";
            size_t w = 0;
            for (int k = 0; k < d && w < sizeof vals; k++)
                w += (size_t)snprintf(vals + w, sizeof vals - w, "%s%s=%.6g", k ? ", " : "",
                                      out->params.items[k].path, out->values[g * d + k]);
            st = bmd_error_set(err, status[first_bad], "coverage probability sample %ld (%s): %s",
                               g + 1, vals, bad.message);
        }
    }
    for (long k = 0; !st && k < nc; k++) {
        long one = 0, two = 0;
        for (long i = 0; i < nb; i++)
            one += shots[i * nc + k] >= 1, two += shots[i * nc + k] >= 2;
        out->n_one[k] = one, out->n_two[k] = two;
        out->p_one[k] = (double)one / (double)n;
        out->p_two[k] = (double)two / (double)n;
    }
    out->warm_draws = out->warm_cells > 0;
    bmd_footprint_flown_free(fl);
    bmd_footprint_free(fp);
    if (d0) {
        bmd_footprint_defense_free(d0);
        free(d0);
    }
    out->engagements = engagements;
    free(shots);
    free(status);
    out->run_s = now_s() - t0;
    if (st)
        bmd_mc_footprint_free(out);
    return st;
}

const char *bmd_mc_footprint_design_text(const bmd_mc_footprint *r, char *buf, size_t n)
{
    bmd_analysis_mc_design_text(r && r->reflown, r ? r->threat_draws : 0, r ? r->n : 0, buf, n);
    if (buf && n > 0 && r && r->reflown && r->warm_draws) {
        const size_t w = strlen(buf);
        snprintf(buf + w, n - w, "; draws' cells aimed from the nominal's solutions (min-energy "
                 "warm start, kept only within the aim's tolerances)");
    }
    return buf;
}

void bmd_mc_footprint_free(bmd_mc_footprint *r)
{
    if (!r)
        return;
    bmd_param_set_free(&r->params);
    free(r->p_one);
    free(r->p_two);
    free(r->n_one);
    free(r->n_two);
    free(r->nominal);
    free(r->values);
    memset(r, 0, sizeof *r);
}
