/* Footprints (bmd/footprint.h): options, preparation and the parallel run over cells. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "bmd/num.h"
#include "bmd/units.h"
#include "bmd/geodesy.h"
#include "defense/footprint_internal.h"

double bmd_fp_now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

void bmd_footprint_options_init(bmd_footprint_options *opt)
{
    memset(opt, 0, sizeof *opt);
    bmd_flight_options_init(&opt->flight);
    opt->flight.sample_interval_s = 5.0;
    bmd_engage_options_init(&opt->engage);
    opt->cls = BMD_OBJECT_RV;
    opt->rcs_m2 = NAN;
    opt->aim = BMD_FOOTPRINT_AIM_AUTO;
    opt->aim_tolerance_m = 1000.0;
    opt->max_corrections = 3;
    opt->family_azimuth_step_rad = 2.0 * BMD_RAD_PER_DEG;
    opt->family_range_step_m = 250e3;
    opt->exact_tolerance_m = 100.0;
    opt->required_speed = 0;
    opt->speed_lo_m_s = 500.0;
    opt->speed_hi_m_s = 11000.0;
    opt->speed_step_m_s = 250.0;
    opt->threads = 0;
}

const char *bmd_footprint_status_name(bmd_footprint_status status)
{
    switch (status) {
    case BMD_FOOTPRINT_OK: return "ok";
    case BMD_FOOTPRINT_OUT_OF_RANGE: return "out of range";
    case BMD_FOOTPRINT_NO_AIM: return "no aim";
    case BMD_FOOTPRINT_NOT_RUN: return "not run";
    }
    return "unknown";
}

/* Check the options. */
static int check_options(const bmd_footprint_options *o, bmd_error *err)
{
    if (!(o->aim_tolerance_m > 0) || !(o->exact_tolerance_m > 0) ||
        !isfinite(o->aim_tolerance_m) || !isfinite(o->exact_tolerance_m))
        return bmd_error_set(err, BMD_EINVAL, "footprint: aim tolerances %g m and %g m must be "
                             "positive", o->aim_tolerance_m, o->exact_tolerance_m);
    if (o->max_corrections < 0 || o->max_corrections > 20)
        return bmd_error_set(err, BMD_EINVAL, "footprint: %d corrections per cell (0..20 allowed)",
                             o->max_corrections);
    if (!(o->family_azimuth_step_rad > 1e-6 && o->family_azimuth_step_rad <= 0.5) ||
        !(o->family_range_step_m >= 1e3 && o->family_range_step_m <= 5e6))
        return bmd_error_set(err, BMD_EINVAL, "footprint: family steps %g rad and %g m (allowed "
                             "(1e-6, 0.5] rad and [1 km, 5000 km])", o->family_azimuth_step_rad,
                             o->family_range_step_m);
    if (o->aim < BMD_FOOTPRINT_AIM_AUTO || o->aim > BMD_FOOTPRINT_AIM_EXACT)
        return bmd_error_set(err, BMD_EINVAL, "footprint: aim method %d is unknown", (int)o->aim);
    if (o->required_speed &&
        !(o->speed_lo_m_s > 0 && o->speed_hi_m_s > o->speed_lo_m_s && o->speed_step_m_s > 0 &&
          isfinite(o->speed_hi_m_s) &&
          (o->speed_hi_m_s - o->speed_lo_m_s) / o->speed_step_m_s <= 1000))
        return bmd_error_set(err, BMD_EINVAL, "footprint: speed ladder %g..%g m/s every %g m/s "
                             "(need 0 < low < high and at most 1000 steps)", o->speed_lo_m_s,
                             o->speed_hi_m_s, o->speed_step_m_s);
    if (o->threads < 0 || o->threads > 1024)
        return bmd_error_set(err, BMD_EINVAL, "footprint: %d threads (0..1024 allowed)",
                             o->threads);
    return BMD_SUCCESS;
}

/* Check the inputs other than the options. */
static int check_input(const bmd_earth *earth, const bmd_footprint_input *in, bmd_error *err)
{
    int st;
    if (!earth || !in || !in->missile)
        return bmd_error_set(err, BMD_EINVAL, "footprint: the Earth model, the input and its "
                             "missile must be given");
    if (in->mode != BMD_FOOTPRINT_DEFENDED_AREA && in->mode != BMD_FOOTPRINT_LAUNCH_AREA)
        return bmd_error_set(err, BMD_EINVAL, "footprint: mode %d is unknown", (int)in->mode);
    if (in->shape != BMD_AIM_MIN_ENERGY && in->shape != BMD_AIM_LOFTED &&
        in->shape != BMD_AIM_DEPRESSED && in->shape != BMD_AIM_CUTOFF)
        return bmd_error_set(err, BMD_EINVAL, "footprint: shape %d is unknown", (int)in->shape);
    if ((st = bmd_missile_validate(in->missile, err)))
        return st;
    if (!(fabs(in->centre_lat_rad) <= 0.5 * M_PI) || !isfinite(in->centre_lon_rad))
        return bmd_error_set(err, BMD_EINVAL, "footprint: centre latitude %g rad, longitude %g "
                             "rad invalid", in->centre_lat_rad, in->centre_lon_rad);
    if (in->n_cells < 1 || !in->cell_lat_rad || !in->cell_lon_rad)
        return bmd_error_set(err, BMD_EINVAL, "footprint: %ld cells given (at least 1 needed)",
                             in->n_cells);
    for (long k = 0; k < in->n_cells; k++)
        if (!(fabs(in->cell_lat_rad[k]) <= 0.5 * M_PI) || !isfinite(in->cell_lon_rad[k]))
            return bmd_error_set(err, BMD_EINVAL, "footprint: cell %ld latitude %g rad, longitude "
                                 "%g rad invalid", k, in->cell_lat_rad[k], in->cell_lon_rad[k]);
    if (in->n_sites < 0 || in->n_sites > BMD_FOOTPRINT_MAX_SITES || (in->n_sites > 0 && !in->sites))
        return bmd_error_set(err, BMD_EINVAL, "footprint: %d sites (0..%d allowed)", in->n_sites,
                             BMD_FOOTPRINT_MAX_SITES);
    for (int s = 0; s < in->n_sites; s++) {
        const bmd_footprint_site *fs = &in->sites[s];
        if (!fs->site.flyout || !fs->site.flyout->t_s || fs->site.n_interceptors < 1)
            return bmd_error_set(err, BMD_EINVAL, "footprint: site %d needs a built flyout table "
                                 "and at least one interceptor (%d given)", s,
                                 fs->site.n_interceptors);
        if ((st = bmd_timeline_validate(&fs->timeline, err)))
            return st;
    }
    return BMD_SUCCESS;
}

void bmd_fp_where_point(const bmd_footprint *fp, double lat_rad, double lon_rad, fp_where *w)
{
    const double clat = fp->in.centre_lat_rad, clon = fp->in.centre_lon_rad;
    double az1, az2;
    bmd_geodesy_inverse(&fp->earth, clat, clon, lat_rad, lon_rad, &w->dist_m, &az1, &az2);
    w->beta_rad = az1;
    if (fp->in.mode == BMD_FOOTPRINT_DEFENDED_AREA) {
        w->launch_lat_rad = clat, w->launch_lon_rad = clon;
        w->target_lat_rad = lat_rad, w->target_lon_rad = lon_rad;
        w->bearing_rad = az1;
    } else {
        w->launch_lat_rad = lat_rad, w->launch_lon_rad = lon_rad;
        w->target_lat_rad = clat, w->target_lon_rad = clon;
        w->bearing_rad = remainder(az2 + M_PI, 2.0 * M_PI);
    }
}

int bmd_footprint_prepare(const bmd_earth *earth, const bmd_footprint_input *in,
                          const bmd_footprint_options *opt, bmd_footprint **out, bmd_error *err)
{
    const double t0 = bmd_fp_now_s();
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "footprint: the output must be given");
    *out = NULL;
    int st = check_input(earth, in, err);
    bmd_footprint_options o;
    bmd_footprint_options_init(&o);
    if (opt)
        o = *opt;
    if (st || (st = check_options(&o, err)))
        return st;
    bmd_footprint *fp = calloc(1, sizeof *fp);
    if (!fp)
        return bmd_error_set(err, BMD_ENOMEM, "footprint: out of memory");
    fp->earth = *earth;
    fp->in = *in;
    fp->opt = o;
    fp->missile = *in->missile;
    fp->in.missile = &fp->missile;
    fp->cell_lat_rad = malloc((size_t)in->n_cells * sizeof(double));
    fp->cell_lon_rad = malloc((size_t)in->n_cells * sizeof(double));
    if (!fp->cell_lat_rad || !fp->cell_lon_rad) {
        bmd_footprint_free(fp);
        return bmd_error_set(err, BMD_ENOMEM, "footprint: out of memory for %ld cells",
                             in->n_cells);
    }
    memcpy(fp->cell_lat_rad, in->cell_lat_rad, (size_t)in->n_cells * sizeof(double));
    memcpy(fp->cell_lon_rad, in->cell_lon_rad, (size_t)in->n_cells * sizeof(double));
    fp->in.cell_lat_rad = fp->cell_lat_rad;
    fp->in.cell_lon_rad = fp->cell_lon_rad;
    for (int s = 0; s < in->n_sites; s++) {
        fp->sites[s] = in->sites[s];
        fp->group_rep[s] = s;
        for (int r = 0; r < s && in->sites[s].cue_group >= 0; r++)
            if (in->sites[r].cue_group == in->sites[s].cue_group) {
                fp->group_rep[s] = r;
                break;
            }
    }
    fp->in.sites = fp->sites;
    /* the max-range plan at the centre: its shape serves every bearing (bmd/aim.h) */
    bmd_site centre = {in->centre_lat_rad, in->centre_lon_rad, 0.0};
    bmd_plan_init(&fp->base);
    bmd_aim_result mr;
    if ((st = bmd_aim_max_range(earth, &fp->missile, &fp->base, &centre, NULL, &mr, err))) {
        bmd_footprint_free(fp);
        return st;
    }
    fp->base = mr.plan;
    fp->base.cutoff_s = 0.0;
    fp->apogee_max_m = mr.summary.apogee_altitude_m;
    fp->t_full_s = mr.summary.events.burnout_s;
    for (int s = 0; s < in->n_sites; s++) {
        double r[3];
        bmd_earth_geodetic_to_ecef(earth, in->sites[s].site.lat_rad, in->sites[s].site.lon_rad, 0.0,
                                   r);
        const double n = sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
        for (int c = 0; c < 3; c++)
            fp->site_unit[s][c] = r[c] / n;
    }
    if ((st = bmd_fp_family_build(fp, err)) ||
        (o.required_speed && in->n_sites > 0 && (st = bmd_fp_ladder_build(fp, err)))) {
        bmd_footprint_free(fp);
        return st;
    }
    fp->prepare_s = bmd_fp_now_s() - t0;
    *out = fp;
    return BMD_SUCCESS;
}

void bmd_footprint_info(const bmd_footprint *fp, bmd_footprint_family_info *info)
{
    memset(info, 0, sizeof *info);
    if (!fp)
        return;
    info->n_azimuth = fp->aim_exact ? 0 : fp->n_az;
    info->n_range = fp->aim_exact ? 0 : fp->n_d;
    info->nodes_reachable = fp->nodes_reachable;
    info->flights = fp->family_flights;
    info->prepare_s = fp->prepare_s;
    info->ladder_tables = fp->n_ladder * fp->in.n_sites;
    info->aim_exact = fp->aim_exact;
}

void bmd_footprint_free(bmd_footprint *fp)
{
    if (!fp)
        return;
    if (fp->ladder)
        for (int k = 0; k < fp->n_ladder * fp->in.n_sites; k++)
            bmd_flyout_free(&fp->ladder[k]);
    free(fp->ladder);
    free(fp->ladder_speed);
    free(fp->nodes);
    free(fp->cell_lat_rad);
    free(fp->cell_lon_rad);
    free(fp);
}

/* One cell: fly, engage; a library error is returned (the cell is left NOT_RUN). */
static int run_cell(const bmd_footprint *fp, long k, fp_scratch *sc, bmd_footprint_cell *cell,
                    long *engagements, long *pruned, bmd_error *err)
{
    fp_where w;
    bmd_fp_where_point(fp, cell->lat_rad, cell->lon_rad, &w);
    int st = bmd_fp_fly_cell(fp, &w, sc, cell, err);
    if (!st && cell->status == BMD_FOOTPRINT_OK)
        st = bmd_fp_engage_cell(fp, sc, cell, engagements, pruned, err);
    if (st) {
        char msg[BMD_ERROR_MESSAGE_SIZE];
        memcpy(msg, err->message, sizeof msg);
        bmd_error_set(err, st, "footprint cell %ld: %.400s", k, msg);
    }
    return st;
}

int bmd_footprint_run(const bmd_footprint *fp, long first, long count, bmd_footprint_cell *out,
                      bmd_footprint_progress_fn progress, void *context,
                      const volatile sig_atomic_t *cancel, bmd_footprint_stats *stats,
                      bmd_error *err)
{
    bmd_footprint_stats local;
    if (!stats)
        stats = &local;
    memset(stats, 0, sizeof *stats);
    if (!fp || !out || first < 0 || count < 0 || first + count > fp->in.n_cells)
        return bmd_error_set(err, BMD_EINVAL, "footprint run: cells %ld..%ld outside 0..%ld",
                             first, first + count - 1, fp ? fp->in.n_cells - 1 : -1L);
    long done = 0, engagements = 0, pruned = 0, err_cell = -1;
    int first_status = 0, threads = 1;
    bmd_error first_err = {0, ""};
    double last_report = bmd_fp_now_s();
    for (long k = 0; k < count; k++) {
        memset(&out[k], 0, sizeof out[k]);
        out[k].lat_rad = fp->cell_lat_rad[first + k];
        out[k].lon_rad = fp->cell_lon_rad[first + k];
        out[k].earliest_intercept_s = NAN;
        out[k].required_speed_m_s = NAN;
        out[k].status = BMD_FOOTPRINT_NOT_RUN;
    }
#ifdef _OPENMP
    const int nt = bmd_num_threads(fp->opt.threads);
#pragma omp parallel num_threads(nt) reduction(+ : engagements, pruned)
#endif
    {
        fp_scratch sc;
        memset(&sc, 0, sizeof sc);
#ifdef _OPENMP
#pragma omp single
        threads = omp_get_num_threads();
#pragma omp for schedule(dynamic, 1)
#endif
        for (long k = 0; k < count; k++) {
            if (cancel && *cancel)
                continue;
            bmd_error e = {0, ""};
            int st = run_cell(fp, first + k, &sc, &out[k], &engagements, &pruned, &e);
            if (st) {
#ifdef _OPENMP
#pragma omp critical(bmd_footprint_error)
#endif
                if (err_cell < 0 || k < err_cell) {
                    err_cell = k;
                    first_status = st;
                    first_err = e;
                }
            }
            long d;
#ifdef _OPENMP
#pragma omp atomic capture
#endif
            d = ++done;
#ifdef _OPENMP
            if (omp_get_thread_num() == 0)
#endif
                if (progress && bmd_fp_now_s() - last_report >= 0.1) {
                    last_report = bmd_fp_now_s();
                    progress(context, d, count);
                }
        }
        bmd_trajectory_free(&sc.traj);
    }
    if (progress)
        progress(context, done, count);
    /* statistics in cell order: the same for any thread count */
    double miss_sum = 0;
    long n_miss = 0;
    stats->threads = threads;
    stats->engagements = engagements;
    stats->pruned = pruned;
    for (long k = 0; k < count; k++) {
        const bmd_footprint_cell *c = &out[k];
        stats->flights += c->flights;
        if (c->status != BMD_FOOTPRINT_NOT_RUN)
            stats->cells_done++;
        if (c->status == BMD_FOOTPRINT_OK) {
            miss_sum += c->miss_m;
            n_miss++;
            stats->miss_max_m = fmax(stats->miss_max_m, c->miss_m);
        }
    }
    stats->miss_mean_m = n_miss ? miss_sum / (double)n_miss : 0.0;
    stats->cancelled = cancel && *cancel && stats->cells_done < count;
    if (first_status) {
        if (err)
            *err = first_err;
        return first_status;
    }
    return BMD_SUCCESS;
}
