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
    bmd_plan *plan;                /* [n_cells]: the plan of an exact aim (plan_exact) */
    unsigned char *plan_exact;     /* [n_cells] */
};

void bmd_footprint_flown_free(bmd_footprint_flown *fl)
{
    if (!fl)
        return;
    for (long k = 0; fl->traj && k < fl->n_cells; k++)
        bmd_trajectory_free(&fl->traj[k]);
    free(fl->traj);
    free(fl->summary);
    free(fl->plan);
    free(fl->plan_exact);
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

/* Whether fp's missile flies farther with the gravity turn than with the pitch program by at
 * least WARM_LAW_MARGIN along the bearing of the cell w (the law a cold aim would choose). */
#define WARM_LAW_MARGIN 0.01
static int gravity_turn_wins(const bmd_footprint *fp, const fp_where *w)
{
    const bmd_site launch = {w->launch_lat_rad, w->launch_lon_rad, 0.0};
    double r[2];
    static const bmd_steering laws[2] = {BMD_STEER_GRAVITY_TURN, BMD_STEER_PITCH_PROGRAM};
    for (int k = 0; k < 2; k++) {
        bmd_plan base;
        bmd_plan_init_for(&fp->missile, laws[k], &base);
        base.azimuth_rad = w->bearing_rad;
        bmd_aim_result res;
        bmd_error e = {0, ""};
        if (bmd_aim_max_range(&fp->earth, &fp->missile, &base, &launch, NULL, &res, &e))
            return 0;
        r[k] = res.max_range_m;
    }
    return r[0] >= (1.0 + WARM_LAW_MARGIN) * r[1];
}

static int fly_all(const bmd_footprint *fp, const bmd_footprint_flown *warm,
                   bmd_footprint_flown **out, long *warm_cells, bmd_error *err);

int bmd_footprint_fly_all(const bmd_footprint *fp, bmd_footprint_flown **out, bmd_error *err)
{
    return fly_all(fp, NULL, out, NULL, err);
}

int bmd_footprint_fly_all_warm(const bmd_footprint *fp, const bmd_footprint_flown *warm,
                               bmd_footprint_flown **out, long *warm_cells, bmd_error *err)
{
    if (warm_cells)
        *warm_cells = 0;
    if (fp && warm && warm->n_cells != fp->in.n_cells)
        return bmd_error_set(err, BMD_EINVAL, "footprint flights: the warm start has %ld cells, "
                             "the footprint %ld", warm->n_cells, fp->in.n_cells);
    if (fp && warm && fp->in.shape == BMD_AIM_MIN_ENERGY) {
        long k0 = 0;
        while (k0 < warm->n_cells && !warm->plan_exact[k0])
            k0++;
        fp_where w;
        if (k0 < warm->n_cells)
            bmd_fp_where_point(fp, fp->cell_lat_rad[k0], fp->cell_lon_rad[k0], &w);
        if (k0 == warm->n_cells || !gravity_turn_wins(fp, &w))
            warm = NULL;
    } else {
        warm = NULL;
    }
    return fly_all(fp, warm, out, warm_cells, err);
}

static int fly_all(const bmd_footprint *fp, const bmd_footprint_flown *warm,
                   bmd_footprint_flown **out, long *warm_cells, bmd_error *err)
{
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "footprint flights: the output must be given");
    *out = NULL;
    if (!fp)
        return bmd_error_set(err, BMD_EINVAL, "footprint flights: no prepared footprint");
    const long n = fp->in.n_cells;
    long warmed = 0;
    bmd_footprint_flown *fl = calloc(1, sizeof *fl);
    if (fl) {
        fl->n_cells = n;
        fl->cells = calloc((size_t)n, sizeof *fl->cells);
        fl->traj = calloc((size_t)n, sizeof *fl->traj);
        fl->summary = calloc((size_t)n, sizeof *fl->summary);
        fl->plan = calloc((size_t)n, sizeof *fl->plan);
        fl->plan_exact = calloc((size_t)n, 1);
    }
    if (!fl || !fl->cells || !fl->traj || !fl->summary || !fl->plan || !fl->plan_exact) {
        bmd_footprint_flown_free(fl);
        return bmd_error_set(err, BMD_ENOMEM, "footprint flights: out of memory for %ld cells", n);
    }
    long bad = -1;
    int status = 0;
    bmd_error first = {0, ""};
#ifdef _OPENMP
#pragma omp parallel num_threads(bmd_num_threads(fp->opt.threads)) reduction(+ : warmed)
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
            sc.warm = warm && warm->plan_exact[k] ? &warm->plan[k] : NULL;
            warmed += sc.warm != NULL;
            int st = bmd_fp_fly_cell(fp, &w, &sc, c, &e);
            if (!st && sc.plan_exact) {
                fl->plan[k] = sc.plan;
                fl->plan_exact[k] = 1;
            }
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
    if (warm_cells)
        *warm_cells = warmed;
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
        if (!re->sites[s].site.flyout || re->sites[s].site.n_interceptors < 1)
            return bmd_error_set(err, BMD_EINVAL, "footprint re-engagement: site %d needs a flyout"
                                 " table (built, or empty when its radar sees no flight) and at "
                                 "least one interceptor", s);
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

int bmd_footprint_flown_sites_seen(const bmd_footprint *fp, const bmd_footprint_flown *fl,
                                   const bmd_footprint_reengage *re, unsigned char *seen)
{
    if (!fp || !fl || !re || !seen || fl->n_cells != fp->in.n_cells || re->n_sites < 0 ||
        re->n_sites > BMD_FOOTPRINT_MAX_SITES || (re->n_sites > 0 && !re->sites))
        return BMD_EINVAL;
    for (int s = 0; s < re->n_sites; s++) {
        seen[s] = 0;
        for (long k = 0; k < fl->n_cells && !seen[s]; k++) {
            if (fl->cells[k].status != BMD_FOOTPRINT_OK)
                continue;
            seen[s] = !bmd_fp_fcr_never(fp, &fl->traj[k], re->rcs_m2, &re->sites[s].site,
                                        &re->engage);
        }
    }
    return BMD_SUCCESS;
}
