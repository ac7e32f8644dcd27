/* A footprint's threat flights kept for re-engagement (bmd/footprint.h): every cell flown once,
 * then engaged by any number of defences (a Monte Carlo sample's interceptors, radars, delays and
 * rules) without flying again. Each cell is flown by bmd_fp_fly_cell and engaged by
 * bmd_fp_engage_cell, the calls bmd_footprint_run makes, so a cell re-engaged with the
 * footprint's own sites is bit-identical to bmd_footprint_run's. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "bmd/num.h"
#include "defense/footprint_internal.h"

struct bmd_footprint_flown {
    long n_cells;
    bmd_footprint_cell *cells;     /* flown, not engaged */
    bmd_trajectory *traj;          /* [n_cells] (empty where the status is not OK) */
    bmd_flight_summary *summary;   /* [n_cells] */
};

void bmd_footprint_flown_free(bmd_footprint_flown *fl)
{
    if (!fl)
        return;
    for (long k = 0; fl->traj && k < fl->n_cells; k++)
        bmd_trajectory_free(&fl->traj[k]);
    free(fl->traj);
    free(fl->summary);
    free(fl->cells);
    free(fl);
}

/* A cell as bmd_footprint_run starts it. */
static void cell_init(const bmd_footprint *fp, long k, bmd_footprint_cell *c)
{
    memset(c, 0, sizeof *c);
    c->lat_rad = fp->cell_lat_rad[k];
    c->lon_rad = fp->cell_lon_rad[k];
    c->earliest_intercept_s = NAN;
    c->required_speed_m_s = NAN;
    c->status = BMD_FOOTPRINT_NOT_RUN;
}

int bmd_footprint_fly_all(const bmd_footprint *fp, bmd_footprint_flown **out, bmd_error *err)
{
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "footprint flights: the output must be given");
    *out = NULL;
    if (!fp)
        return bmd_error_set(err, BMD_EINVAL, "footprint flights: no prepared footprint");
    const long n = fp->in.n_cells;
    bmd_footprint_flown *fl = calloc(1, sizeof *fl);
    if (fl) {
        fl->n_cells = n;
        fl->cells = calloc((size_t)n, sizeof *fl->cells);
        fl->traj = calloc((size_t)n, sizeof *fl->traj);
        fl->summary = calloc((size_t)n, sizeof *fl->summary);
    }
    if (!fl || !fl->cells || !fl->traj || !fl->summary) {
        bmd_footprint_flown_free(fl);
        return bmd_error_set(err, BMD_ENOMEM, "footprint flights: out of memory for %ld cells", n);
    }
    long bad = -1;
    int status = 0;
    bmd_error first = {0, ""};
#ifdef _OPENMP
#pragma omp parallel num_threads(bmd_num_threads(fp->opt.threads))
#endif
    {
        fp_scratch sc;
        memset(&sc, 0, sizeof sc);
#ifdef _OPENMP
#pragma omp for schedule(dynamic, 1)
#endif
        for (long k = 0; k < n; k++) {
            bmd_footprint_cell *c = &fl->cells[k];
            cell_init(fp, k, c);
            fp_where w;
            bmd_fp_where_point(fp, c->lat_rad, c->lon_rad, &w);
            bmd_error e = {0, ""};
            int st = bmd_fp_fly_cell(fp, &w, &sc, c, &e);
            if (!st && c->status == BMD_FOOTPRINT_OK) {
                bmd_trajectory *t = &fl->traj[k];
                t->samples = malloc((size_t)sc.traj.n_samples * sizeof *t->samples);
                if (!t->samples && sc.traj.n_samples > 0)
                    st = bmd_error_set(&e, BMD_ENOMEM, "out of memory for a trajectory");
                else {
                    memcpy(t->samples, sc.traj.samples,
                           (size_t)sc.traj.n_samples * sizeof *t->samples);
                    t->n_samples = t->capacity = sc.traj.n_samples;
                    fl->summary[k] = sc.summary;
                }
            }
            if (st) {
#ifdef _OPENMP
#pragma omp critical(bmd_footprint_flown)
#endif
                if (bad < 0 || k < bad)
                    bad = k, status = st, first = e;
            }
        }
        bmd_trajectory_free(&sc.traj);
    }
    if (status) {
        bmd_footprint_flown_free(fl);
        return bmd_error_set(err, status, "footprint cell %ld: %.400s", bad, first.message);
    }
    *out = fl;
    return BMD_SUCCESS;
}

int bmd_footprint_engage_flown(const bmd_footprint *fp, const bmd_footprint_flown *fl,
                               const bmd_footprint_reengage *re, bmd_footprint_cell *out,
                               long *engagements, bmd_error *err)
{
    if (!fp || !fl || !re || !out || fl->n_cells != fp->in.n_cells)
        return bmd_error_set(err, BMD_EINVAL, "footprint re-engagement: NULL input, or flights of "
                             "another footprint");
    if (re->n_sites < 0 || re->n_sites > BMD_FOOTPRINT_MAX_SITES || (re->n_sites > 0 && !re->sites))
        return bmd_error_set(err, BMD_EINVAL, "footprint re-engagement: %d sites (0..%d allowed)",
                             re->n_sites, BMD_FOOTPRINT_MAX_SITES);
    for (int s = 0; s < re->n_sites; s++)
        if (!re->sites[s].site.flyout || !re->sites[s].site.flyout->t_s ||
            re->sites[s].site.n_interceptors < 1)
            return bmd_error_set(err, BMD_EINVAL, "footprint re-engagement: site %d needs a built "
                                 "flyout table and at least one interceptor", s);
    /* the footprint with the new defence: sites, engagement options and cross-section swapped */
    bmd_footprint *x = malloc(sizeof *x);
    if (!x)
        return bmd_error_set(err, BMD_ENOMEM, "footprint re-engagement: out of memory");
    *x = *fp;
    x->opt.engage = re->engage;
    x->opt.rcs_m2 = re->rcs_m2;
    x->opt.required_speed = 0;
    x->n_ladder = 0;
    x->ladder = NULL;
    x->ladder_speed = NULL;
    x->in.n_sites = re->n_sites;
    for (int s = 0; s < re->n_sites; s++) {
        x->sites[s] = re->sites[s];
        x->group_rep[s] = s;
        for (int r = 0; r < s && re->sites[s].cue_group >= 0; r++)
            if (re->sites[r].cue_group == re->sites[s].cue_group) {
                x->group_rep[s] = r;
                break;
            }
        double r[3];
        bmd_earth_geodetic_to_ecef(&fp->earth, re->sites[s].site.lat_rad,
                                   re->sites[s].site.lon_rad, 0.0, r);
        const double nr = sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
        for (int c = 0; c < 3; c++)
            x->site_unit[s][c] = r[c] / nr;
    }
    x->in.sites = x->sites;
    long eng = 0, pruned = 0, bad = -1;
    int status = 0;
    bmd_error first = {0, ""};
    const long n = fl->n_cells;
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 8) reduction(+ : eng, pruned) \
    num_threads(bmd_num_threads(re->threads))
#endif
    for (long k = 0; k < n; k++) {
        out[k] = fl->cells[k];
        if (fl->cells[k].status != BMD_FOOTPRINT_OK)
            continue;
        fp_scratch sc;
        sc.traj = fl->traj[k];
        sc.summary = fl->summary[k];
        bmd_error e = {0, ""};
        int st = bmd_fp_engage_cell(x, &sc, &out[k], &eng, &pruned, &e);
        if (st) {
#ifdef _OPENMP
#pragma omp critical(bmd_footprint_reengage)
#endif
            if (bad < 0 || k < bad)
                bad = k, status = st, first = e;
        }
    }
    free(x);
    if (engagements)
        *engagements += eng;
    if (status)
        return bmd_error_set(err, status, "footprint cell %ld: %.400s", bad, first.message);
    return BMD_SUCCESS;
}
