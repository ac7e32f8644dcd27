/* The polar family of a footprint (bmd/footprint.h): plans aimed exactly at nodes on a grid of
 * bearing and distance around the centre, interpolated bilinearly for every cell. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "bmd/num.h"
#include "bmd/geodesy.h"
#include "defense/footprint_internal.h"

#define CENTRE_EXCLUSION_M 1000.0 /* cells closer to the centre have no meaningful bearing */

/* Shape parameter of a plan: the kick, or the pitch-over angle of the pitch program. */
static double plan_shape(const bmd_plan *p)
{
    return p->steering == BMD_STEER_PITCH_PROGRAM ? 0.5 * M_PI - p->pitch_final_rad : p->kick_rad;
}

static void plan_set_shape(bmd_plan *p, double x)
{
    if (p->steering == BMD_STEER_PITCH_PROGRAM)
        p->pitch_final_rad = 0.5 * M_PI - x;
    else
        p->kick_rad = x;
}

/* The span of the cells' bearings and distances seen from the centre. */
static void cell_span(const bmd_footprint *fp, double *beta_ref, double *rel_lo, double *rel_hi,
                      double *d_lo, double *d_hi)
{
    const long n = fp->in.n_cells;
    double sx = 0, sy = 0;
    *d_lo = INFINITY, *d_hi = 0;
    double *beta = malloc((size_t)n * sizeof(double)), *dist = malloc((size_t)n * sizeof(double));
    for (long k = 0; k < n; k++) {
        double d, az;
        bmd_geodesy_inverse(&fp->earth, fp->in.centre_lat_rad, fp->in.centre_lon_rad,
                            fp->cell_lat_rad[k], fp->cell_lon_rad[k], &d, &az, NULL);
        if (beta)
            beta[k] = az, dist[k] = d;
        *d_lo = fmin(*d_lo, d);
        *d_hi = fmax(*d_hi, d);
        if (d > CENTRE_EXCLUSION_M)
            sx += sin(az), sy += cos(az);
    }
    *beta_ref = atan2(sx, sy);
    *rel_lo = INFINITY, *rel_hi = -INFINITY;
    for (long k = 0; beta && dist && k < n; k++)
        if (dist[k] > CENTRE_EXCLUSION_M) {
            const double r = remainder(beta[k] - *beta_ref, 2.0 * M_PI);
            *rel_lo = fmin(*rel_lo, r);
            *rel_hi = fmax(*rel_hi, r);
        }
    if (!beta || !dist || !(*rel_lo <= *rel_hi))
        *rel_lo = -M_PI, *rel_hi = M_PI; /* no memory, or every cell at the centre */
    free(beta);
    free(dist);
}

/* Aim the node at bearing az and distance d from the centre. */
static int aim_node(const bmd_footprint *fp, double az, double d, fp_node *node, long *flights,
                    bmd_error *err)
{
    const double clat = fp->in.centre_lat_rad, clon = fp->in.centre_lon_rad;
    double plat, plon, paz2;
    bmd_geodesy_direct(&fp->earth, clat, clon, az, d, &plat, &plon, &paz2);
    bmd_site launch;
    double tlat, tlon, bearing;
    if (fp->in.mode == BMD_FOOTPRINT_DEFENDED_AREA) {
        launch = (bmd_site){clat, clon, 0.0};
        tlat = plat, tlon = plon, bearing = az;
    } else {
        launch = (bmd_site){plat, plon, 0.0};
        tlat = clat, tlon = clon, bearing = paz2 + M_PI;
    }
    bmd_aim_result res;
    memset(node, 0, sizeof *node);
    node->max_range_m = NAN;
    int st = bmd_aim_target(&fp->earth, &fp->missile, fp->in.shape, &fp->base, &launch, tlat, tlon,
                            fp->opt.exact_tolerance_m, NULL, &res, err);
    if (st == BMD_EMAXITER || st == BMD_EDOM) {
        bmd_error_clear(err);
        return BMD_SUCCESS; /* not aimed: cells near it are aimed exactly */
    }
    if (st)
        return st;
    *flights += res.evaluations;
    node->aimed = 1;
    node->reachable = res.reachable;
    node->daz_rad = remainder(res.plan.azimuth_rad - bearing, 2.0 * M_PI);
    node->shape = plan_shape(&res.plan);
    node->cutoff_s = res.plan.cutoff_s > 0 ? res.plan.cutoff_s : res.summary.events.burnout_s;
    node->max_range_m = res.max_range_m;
    node->apogee_m = res.summary.apogee_altitude_m;
    return BMD_SUCCESS;
}

int bmd_fp_family_build(bmd_footprint *fp, bmd_error *err)
{
    const bmd_footprint_options *o = &fp->opt;
    double ref, lo, hi, d_lo, d_hi;
    cell_span(fp, &ref, &lo, &hi, &d_lo, &d_hi);
    if (hi - lo > 1.5 * M_PI) {
        fp->periodic = 1;
        fp->n_az = (int)ceil(2.0 * M_PI / o->family_azimuth_step_rad);
        fp->n_az = fp->n_az < 3 ? 3 : fp->n_az;
        fp->daz_rad = 2.0 * M_PI / fp->n_az;
        fp->az0_rad = 0.0;
    } else {
        fp->periodic = 0;
        const double span = hi - lo;
        fp->n_az = 1 + (int)ceil(span / o->family_azimuth_step_rad);
        fp->n_az = fp->n_az < 2 ? 2 : fp->n_az;
        fp->daz_rad = span > 0 ? span / (fp->n_az - 1) : o->family_azimuth_step_rad;
        fp->az0_rad = ref + (span > 0 ? lo : lo - 0.5 * fp->daz_rad);
    }
    const double dspan = d_hi - d_lo;
    fp->n_d = 1 + (int)ceil(dspan / o->family_range_step_m);
    fp->n_d = fp->n_d < 2 ? 2 : fp->n_d;
    fp->dd_m = dspan > 0 ? dspan / (fp->n_d - 1) : 1e3;
    fp->d0_m = dspan > 0 ? d_lo : fmax(d_lo - 0.5e3, 0.0);
    const long n_nodes = (long)fp->n_az * fp->n_d;
    /* the nodes are aimed as bmd_aim_fly_to aims: from its max-range plan (steering law of the
     * longer range) along the cells' mean bearing; the min-energy, lofted and depressed flights
     * found do not depend on the starting shape, only on the law, so a node's flight is the one
     * bmd_aim_fly_to gives for it within the aim tolerance */
    {
        bmd_site centre = {fp->in.centre_lat_rad, fp->in.centre_lon_rad, 0.0};
        const double az = fp->in.mode == BMD_FOOTPRINT_DEFENDED_AREA ? ref : ref + M_PI;
        bmd_aim_result mr;
        int st = bmd_aim_fly_base(&fp->earth, &fp->missile, &centre, az, NULL, &mr, err);
        if (st)
            return st;
        fp->base = mr.plan;
        fp->base.cutoff_s = 0.0;
        fp->apogee_max_m = fmax(fp->apogee_max_m, mr.summary.apogee_altitude_m);
    }
    fp->aim_exact = o->aim == BMD_FOOTPRINT_AIM_EXACT ||
                    (o->aim == BMD_FOOTPRINT_AIM_AUTO && fp->in.n_cells < n_nodes);
    if (fp->aim_exact)
        return BMD_SUCCESS;
    fp->nodes = calloc((size_t)n_nodes, sizeof *fp->nodes);
    if (!fp->nodes)
        return bmd_error_set(err, BMD_ENOMEM, "footprint: out of memory for %ld family nodes",
                             n_nodes);
    int status = 0;
    long flights = 0, bad = -1;
    bmd_error first = {0, ""};
#ifdef _OPENMP
    const int nt = o->threads > 0 ? o->threads : 0;
#pragma omp parallel for schedule(dynamic, 1) reduction(+ : flights) num_threads(bmd_num_threads(nt))
#endif
    for (long n = 0; n < n_nodes; n++) {
        const int i = (int)(n % fp->n_az), j = (int)(n / fp->n_az);
        bmd_error e = {0, ""};
        int st = aim_node(fp, fp->az0_rad + i * fp->daz_rad, fp->d0_m + j * fp->dd_m,
                          &fp->nodes[n], &flights, &e);
        if (st) {
#ifdef _OPENMP
#pragma omp critical(bmd_footprint_family)
#endif
            if (bad < 0 || n < bad)
                bad = n, status = st, first = e;
        }
    }
    fp->family_flights = flights;
    if (status) {
        if (err)
            *err = first;
        return status;
    }
    for (long n = 0; n < n_nodes; n++) {
        fp->nodes_reachable += fp->nodes[n].reachable;
        if (fp->nodes[n].aimed)
            fp->apogee_max_m = fmax(fp->apogee_max_m, fp->nodes[n].apogee_m);
    }
    return BMD_SUCCESS;
}

int bmd_fp_family_plan(const bmd_footprint *fp, const fp_where *w, bmd_plan *plan, double *dparam_dd,
                   double *max_range_m)
{
    double u = remainder(w->beta_rad - fp->az0_rad, 2.0 * M_PI);
    int i0, i1;
    double fu;
    if (fp->periodic) {
        if (u < 0)
            u += 2.0 * M_PI;
        u /= fp->daz_rad;
        i0 = (int)floor(u);
        fu = u - i0;
        i0 %= fp->n_az;
        i1 = (i0 + 1) % fp->n_az;
    } else {
        u = fmin(fmax(u / fp->daz_rad, 0.0), fp->n_az - 1.0);
        i0 = (int)floor(u);
        if (i0 > fp->n_az - 2)
            i0 = fp->n_az - 2;
        i1 = i0 + 1;
        fu = u - i0;
    }
    double v = fmin(fmax((w->dist_m - fp->d0_m) / fp->dd_m, 0.0), fp->n_d - 1.0);
    int j0 = (int)floor(v);
    if (j0 > fp->n_d - 2)
        j0 = fp->n_d - 2;
    const double fv = v - j0;
    const fp_node *c00 = &fp->nodes[(long)j0 * fp->n_az + i0];
    const fp_node *c10 = &fp->nodes[(long)j0 * fp->n_az + i1];
    const fp_node *c01 = &fp->nodes[(long)(j0 + 1) * fp->n_az + i0];
    const fp_node *c11 = &fp->nodes[(long)(j0 + 1) * fp->n_az + i1];
    if (!c00->aimed || !c10->aimed || !c01->aimed || !c11->aimed)
        return 0;
    const int min_energy = fp_cut_shape(fp);
    /* Catmull-Rom along the distance (where the cutoff is most curved) when the 4 x 2 stencil is
     * all reachable, bilinear otherwise */
    const fp_node *col[2][4];
    int cubic = 1;
    for (int c = 0; c < 2; c++)
        for (int r = 0; r < 4; r++) {
            int j = j0 - 1 + r;
            j = j < 0 ? 0 : j > fp->n_d - 1 ? fp->n_d - 1 : j;
            col[c][r] = &fp->nodes[(long)j * fp->n_az + (c ? i1 : i0)];
            cubic = cubic && col[c][r]->aimed && col[c][r]->reachable;
        }
    double wv[4], dv[4];
    if (cubic) {
        const double t = fv, t2 = t * t, t3 = t2 * t;
        wv[0] = 0.5 * (-t3 + 2 * t2 - t), wv[1] = 0.5 * (3 * t3 - 5 * t2 + 2);
        wv[2] = 0.5 * (-3 * t3 + 4 * t2 + t), wv[3] = 0.5 * (t3 - t2);
        dv[0] = 0.5 * (-3 * t2 + 4 * t - 1), dv[1] = 0.5 * (9 * t2 - 10 * t);
        dv[2] = 0.5 * (-9 * t2 + 8 * t + 1), dv[3] = 0.5 * (3 * t2 - 2 * t);
    } else {
        wv[0] = 0, wv[1] = 1 - fv, wv[2] = fv, wv[3] = 0;
        dv[0] = 0, dv[1] = -1, dv[2] = 1, dv[3] = 0;
    }
    double daz = 0, shape = 0, cutoff = 0, rmax = 0, dp = 0;
    for (int c = 0; c < 2; c++) {
        const double wu = c ? fu : 1 - fu;
        for (int r = 0; r < 4; r++) {
            const fp_node *nd = col[c][r];
            if (wv[r] == 0 && dv[r] == 0)
                continue;
            daz += wu * wv[r] * nd->daz_rad;
            shape += wu * wv[r] * nd->shape;
            cutoff += wu * wv[r] * nd->cutoff_s;
            rmax += wu * wv[r] * nd->max_range_m;
            dp += wu * dv[r] * (min_energy ? nd->cutoff_s : nd->shape);
        }
    }
    /* a node whose aim failed can carry non-finite values: the cell is then aimed exactly */
    if (!isfinite(daz) || !isfinite(shape) || !isfinite(cutoff) || !isfinite(rmax) ||
        !isfinite(dp))
        return 0;
    *max_range_m = rmax;
    *dparam_dd = dp / fp->dd_m;
    *plan = fp->base;
    plan->azimuth_rad = remainder(w->bearing_rad + daz, 2.0 * M_PI);
    if (plan->azimuth_rad < 0)
        plan->azimuth_rad += 2.0 * M_PI;
    plan_set_shape(plan, shape);
    plan->cutoff_s = min_energy && cutoff < fp->t_full_s - 1e-9 ? cutoff : 0.0;
    return 1;
}
