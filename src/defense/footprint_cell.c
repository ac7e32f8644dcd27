/* One footprint cell (bmd/footprint.h): fly the threat from the family's plan (with Newton
 * corrections, or an exact aim), engage it by every site, and the required-speed ladders. */
#include <math.h>
#include <stdlib.h>
#include <string.h>
#ifdef _OPENMP
#include <omp.h>
#endif

#include "bmd/num.h"
#include "bmd/geodesy.h"
#include "defense/interceptor_internal.h"
#include "defense/footprint_internal.h"

/* Fly plan from the cell's launch point into the scratch trajectory (reused). */
static int fly(const bmd_footprint *fp, const bmd_plan *plan, const fp_where *w, fp_scratch *sc,
               bmd_error *err)
{
    sc->traj.n_samples = 0;
    return bmd_trajectory_fly(&fp->earth, &fp->missile, plan, w->launch_lat_rad, w->launch_lon_rad,
                              0.0, &fp->opt.flight, &sc->summary, &sc->traj, err);
}

/* Distance from the impact of the scratch flight to the aim point (INFINITY: no impact). */
static double miss_of(const bmd_footprint *fp, const fp_scratch *sc, const fp_where *w)
{
    if (!sc->summary.impacted)
        return INFINITY;
    double d;
    bmd_geodesy_inverse(&fp->earth, sc->summary.impact_lat_rad, sc->summary.impact_lon_rad,
                        w->target_lat_rad, w->target_lon_rad, &d, NULL, NULL);
    return d;
}

/* The reference: the one threat flight (bmd_aim_fly_to, as every command flies a threat) at the
 * exact tolerance, then the flight. */
static int fly_exact(const bmd_footprint *fp, const fp_where *w, fp_scratch *sc,
                     bmd_footprint_cell *cell, int *flights, bmd_error *err)
{
    bmd_site launch = {w->launch_lat_rad, w->launch_lon_rad, 0.0};
    bmd_aim_fly_options fo;
    bmd_aim_fly_options_init(&fo);
    fo.shape = fp->in.shape;
    fo.aim_tolerance_m = fp->opt.exact_tolerance_m;
    fo.warm_plan = sc->warm;
    bmd_aim_flight res;
    int st = bmd_aim_fly_to(&fp->earth, &fp->missile, &launch, w->target_lat_rad,
                            w->target_lon_rad, &fo, 0, &res, err);
    if (st == BMD_EINVAL && res.target_distance_m < 1e3) {
        bmd_error_clear(err);
        cell->status = BMD_FOOTPRINT_NO_AIM; /* the cell is at the launch point */
        return BMD_SUCCESS;
    }
    if (st == BMD_EMAXITER || st == BMD_EDOM) {
        bmd_error_clear(err);
        cell->status = BMD_FOOTPRINT_NO_AIM;
        return BMD_SUCCESS;
    }
    if (st)
        return st;
    *flights += res.evaluations;
    if (!res.reachable) {
        cell->status = BMD_FOOTPRINT_OUT_OF_RANGE;
        return BMD_SUCCESS;
    }
    if ((st = fly(fp, &res.plan, w, sc, err)))
        return st;
    (*flights)++;
    sc->plan = res.plan;
    sc->plan_exact = 1;
    cell->miss_m = (float)miss_of(fp, sc, w);
    cell->status = BMD_FOOTPRINT_OK;
    cell->flight_time_s = (float)sc->summary.flight_time_s;
    cell->apogee_m = (float)sc->summary.apogee_altitude_m;
    cell->reachable = 1;
    return BMD_SUCCESS;
}

/* Put the range parameter p (cutoff for min-energy, else the shape) into the plan. */
static void set_param(const bmd_footprint *fp, bmd_plan *plan, double p)
{
    if (fp_cut_shape(fp))
        plan->cutoff_s = p < fp->t_full_s - 1e-9 ? p : 0.0;
    else if (plan->steering == BMD_STEER_PITCH_PROGRAM)
        plan->pitch_final_rad = 0.5 * M_PI - p;
    else
        plan->kick_rad = p;
}

static double get_param(const bmd_footprint *fp, const bmd_plan *plan)
{
    if (fp_cut_shape(fp))
        return plan->cutoff_s > 0 ? plan->cutoff_s : fp->t_full_s;
    return plan->steering == BMD_STEER_PITCH_PROGRAM ? 0.5 * M_PI - plan->pitch_final_rad
                                                     : plan->kick_rad;
}

int bmd_fp_fly_cell(const bmd_footprint *fp, const fp_where *w, fp_scratch *sc,
                bmd_footprint_cell *cell, bmd_error *err)
{
    int flights = 0, st;
    bmd_plan plan;
    double dparam_dd, max_range;
    sc->plan_exact = 0;
    if (fp->aim_exact || !bmd_fp_family_plan(fp, w, &plan, &dparam_dd, &max_range)) {
        st = fly_exact(fp, w, sc, cell, &flights, err);
        cell->flights = (unsigned char)(flights > 255 ? 255 : flights);
        return st;
    }
    if (w->dist_m > max_range) {
        cell->status = BMD_FOOTPRINT_OUT_OF_RANGE;
        return BMD_SUCCESS;
    }
    if ((st = fly(fp, &plan, w, sc, err)))
        return st;
    flights++;
    double miss = miss_of(fp, sc, w), p = get_param(fp, &plan);
    double slope = dparam_dd != 0 ? 1.0 / dparam_dd : NAN; /* d range / d parameter */
    double p_prev = NAN, d_prev = NAN;
    const double p_lo = fp_cut_shape(fp) ? plan.vertical_rise_s + 1.0 : 1e-4;
    const double p_hi = fp_cut_shape(fp) ? fp->t_full_s : 0.5 * M_PI - 1e-4;
    for (int it = 0; it < fp->opt.max_corrections && miss > fp->opt.aim_tolerance_m &&
                     isfinite(miss); it++) {
        double d_imp, b_imp;
        bmd_geodesy_inverse(&fp->earth, w->launch_lat_rad, w->launch_lon_rad,
                            sc->summary.impact_lat_rad, sc->summary.impact_lon_rad, &d_imp, &b_imp,
                            NULL);
        if (isfinite(p_prev) && fabs(p - p_prev) > 1e-12) {
            const double s = (d_imp - d_prev) / (p - p_prev);
            if (s * slope > 0)
                slope = s; /* secant, when it agrees in sign with the family */
        }
        if (!isfinite(slope) || slope == 0)
            break;
        p_prev = p, d_prev = d_imp;
        p = fmin(fmax(p + (w->dist_m - d_imp) / slope, p_lo), p_hi);
        if (!isfinite(p))
            break; /* aimed exactly below */
        set_param(fp, &plan, p);
        plan.azimuth_rad += remainder(w->bearing_rad - b_imp, 2.0 * M_PI);
        if ((st = fly(fp, &plan, w, sc, err)))
            return st;
        flights++;
        miss = miss_of(fp, sc, w);
    }
    if (!(miss <= fp->opt.aim_tolerance_m)) {
        st = fly_exact(fp, w, sc, cell, &flights, err);
        cell->flights = (unsigned char)(flights > 255 ? 255 : flights);
        return st;
    }
    cell->flights = (unsigned char)(flights > 255 ? 255 : flights);
    cell->miss_m = (float)miss;
    cell->status = BMD_FOOTPRINT_OK;
    cell->flight_time_s = (float)sc->summary.flight_time_s;
    cell->apogee_m = (float)sc->summary.apogee_altitude_m;
    cell->reachable = 1;
    return BMD_SUCCESS;
}

/* Geometry of the flight for pruning: for each site the largest cosine of the geocentric angle
 * to any sample, the largest speed and sample spacing. */
typedef struct fp_reach_bound {
    double max_cos[BMD_FOOTPRINT_MAX_SITES];
    double margin_m;
} fp_reach_bound;

static void reach_bound(const bmd_footprint *fp, const bmd_trajectory *tr, fp_reach_bound *rb)
{
    const int ns = fp->in.n_sites;
    double v_max = 0, dt_max = 0;
    for (int s = 0; s < ns; s++)
        rb->max_cos[s] = -1.0;
    for (int i = 0; i < tr->n_samples; i++) {
        const bmd_sample *x = &tr->samples[i];
        const double r = sqrt(x->r_ecef_m[0] * x->r_ecef_m[0] + x->r_ecef_m[1] * x->r_ecef_m[1] +
                              x->r_ecef_m[2] * x->r_ecef_m[2]);
        const double v = sqrt(x->v_ecef_m_s[0] * x->v_ecef_m_s[0] +
                              x->v_ecef_m_s[1] * x->v_ecef_m_s[1] +
                              x->v_ecef_m_s[2] * x->v_ecef_m_s[2]);
        v_max = fmax(v_max, v);
        if (i > 0)
            dt_max = fmax(dt_max, x->t_s - tr->samples[i - 1].t_s);
        for (int s = 0; s < ns; s++) {
            const double *u = fp->site_unit[s];
            const double c = (x->r_ecef_m[0] * u[0] + x->r_ecef_m[1] * u[1] + x->r_ecef_m[2] * u[2]) / r;
            rb->max_cos[s] = fmax(rb->max_cos[s], c);
        }
    }
    /* the geodetic sub-point is within 0.2 degrees (22 km) of the geocentric direction; between
     * samples the sub-point moves at most v dt / 2 from the nearer sample */
    rb->margin_m = 30e3 + 0.5 * v_max * dt_max;
}

/* Whether a table of range range_max_m at site s provably cannot reach the flight: every ground
 * distance (at least b times the geocentric angle: central projection onto the inscribed sphere
 * shortens curves) exceeds the table's grid. */
static int out_of_reach(const bmd_footprint *fp, const fp_reach_bound *rb, int s,
                        double range_max_m)
{
    const double b = fp->earth.a_m * (1.0 - fp->earth.f);
    const double theta = acos(fmin(fmax(rb->max_cos[s], -1.0), 1.0));
    return b * theta - rb->margin_m > range_max_m;
}

/* The least rung of site s's speed ladder whose notional interceptor engages th (NAN: none).
 * The rungs are tried upward and the first that engages is the answer, as in
 * bmd_engage_required_speed's scan: feasibility need not be monotone in speed (a faster
 * interceptor can arrive before the threat enters the fire-control radar's coverage or rises
 * above the minimum altitude), so no bisection. A rung whose table cannot reach the threat's
 * ground track is skipped without an engagement; a threat that is never detected ends the
 * search (no speed helps). */
static int ladder_search(const bmd_footprint *fp, int s, const bmd_threat *th,
                         const fp_reach_bound *rb, double *speed, long *engagements,
                         bmd_error *err)
{
    const int n = fp->n_ladder;
    const bmd_flyout *lad = &fp->ladder[(long)s * n];
    bmd_defense_site site = fp->sites[s].site;
    bmd_engagement e;
    int st;
    *speed = NAN;
    for (int k = 0; k < n; k++) {
        if (out_of_reach(fp, rb, s, lad[k].range_max_m))
            continue;
        site.flyout = &lad[k];
        (*engagements)++;
        if ((st = bmd_engage(&fp->earth, th, &site, &fp->sites[s].timeline, &fp->opt.engage, &e,
                             err)))
            return st;
        if (e.engageable) {
            *speed = fp->ladder_speed[k];
            return BMD_SUCCESS;
        }
        if (e.reason == BMD_ENGAGE_NOT_SEEN)
            return BMD_SUCCESS;
    }
    return BMD_SUCCESS;
}

int bmd_fp_fcr_never(const bmd_footprint *fp, const bmd_trajectory *traj, double rcs_m2,
                     const bmd_defense_site *site, const bmd_engage_options *eng)
{
    bmd_threat bare = {0};
    bare.traj = traj;
    bare.cls = fp->opt.cls;
    bare.rcs_m2 = rcs_m2;
    return bmd_engage_fcr_never(&fp->earth, &bare, site, eng);
}

int bmd_fp_engage_cell(const bmd_footprint *fp, fp_scratch *sc, bmd_footprint_cell *cell,
                   long *engagements, long *pruned, bmd_error *err)
{
    const int ns = fp->in.n_sites;
    if (ns == 0)
        return BMD_SUCCESS;
    bmd_threat th[BMD_FOOTPRINT_MAX_SITES];
    int prepared[BMD_FOOTPRINT_MAX_SITES] = {0};
    fp_reach_bound rb;
    reach_bound(fp, &sc->traj, &rb);
    int st, shots = 0;
    double earliest = INFINITY, need = INFINITY;
    for (int s = 0; s < ns; s++) {
        const bmd_footprint_site *fs = &fp->sites[s];
        const int rep = fp->group_rep[s];
        /* a fire-control radar that never sees the flight (when the intercept must be inside its
         * coverage): not engageable at any interceptor speed, decided without bmd_engage */
        if (bmd_fp_fcr_never(fp, &sc->traj, fp->opt.rcs_m2, &fs->site, &fp->opt.engage)) {
            (*pruned)++;
            continue;
        }
        if (!fs->site.flyout || !fs->site.flyout->t_s)
            return bmd_error_set(err, BMD_EINVAL, "site %d has no flyout table, and its "
                                 "fire-control radar sees the flight", s);
        const int far = out_of_reach(fp, &rb, s, fs->site.flyout->range_max_m);
        const int want_speed = fp->opt.required_speed && fp->n_ladder > 0;
        if (far && !want_speed) {
            (*pruned)++;
            continue;
        }
        if (!prepared[rep]) {
            if ((st = bmd_threat_prepare_rcs(&fp->earth, &sc->traj, &sc->summary.events,
                                             fp->opt.cls, fp->opt.rcs_m2, &fp->sites[rep].cues,
                                             &th[rep], err)))
                return st;
            prepared[rep] = 1;
        }
        if (far) {
            (*pruned)++;
        } else {
            bmd_engagement e;
            (*engagements)++;
            if ((st = bmd_engage(&fp->earth, &th[rep], &fs->site, &fs->timeline, &fp->opt.engage,
                                 &e, err)))
                return st;
            if (e.engageable) {
                cell->site_mask |= 1u << s;
                cell->sites_engaging++;
                shots += e.shot_opportunities;
                earliest = fmin(earliest, e.earliest.t_s);
            }
        }
        if (want_speed) {
            double v;
            if ((st = ladder_search(fp, s, &th[rep], &rb, &v, engagements, err)))
                return st;
            if (v < need)
                need = v;
        }
    }
    cell->shot_opportunities = (short)(shots > 32767 ? 32767 : shots);
    cell->earliest_intercept_s = isfinite(earliest) ? earliest : NAN;
    cell->required_speed_m_s = isfinite(need) ? need : NAN;
    return BMD_SUCCESS;
}

int bmd_fp_ladder_build(bmd_footprint *fp, bmd_error *err)
{
    const bmd_footprint_options *o = &fp->opt;
    const int ns = fp->in.n_sites;
    int n = (int)ceil((o->speed_hi_m_s - o->speed_lo_m_s) / o->speed_step_m_s - 1e-9) + 1;
    n = n < 2 ? 2 : n;
    fp->ladder_speed = malloc((size_t)n * sizeof(double));
    fp->ladder = calloc((size_t)n * (size_t)ns, sizeof *fp->ladder);
    if (!fp->ladder_speed || !fp->ladder)
        return bmd_error_set(err, BMD_ENOMEM, "footprint: out of memory for the speed ladders");
    fp->n_ladder = n;
    for (int k = 0; k < n; k++)
        fp->ladder_speed[k] = k < n - 1 ? o->speed_lo_m_s + k * o->speed_step_m_s : o->speed_hi_m_s;
    bmd_interceptor ics[BMD_FOOTPRINT_MAX_SITES];
    bmd_flyout_options fos[BMD_FOOTPRINT_MAX_SITES];
    for (int s = 0; s < ns; s++) {
        const bmd_defense_site *site = &fp->sites[s].site;
        bmd_ic_notional_copy(&site->flyout->ic, &ics[s]);
        bmd_required_speed_options ro;
        bmd_required_speed_options_init(&ro);
        fos[s] = ro.flyout;
        fos[s].site = site->flyout->site;
        /* every flight stays near the geodesics between the centre and the cells */
        double d_max = 0, d;
        bmd_geodesy_inverse(&fp->earth, site->lat_rad, site->lon_rad, fp->in.centre_lat_rad,
                            fp->in.centre_lon_rad, &d_max, NULL, NULL);
        for (long k = 0; k < fp->in.n_cells; k++) {
            bmd_geodesy_inverse(&fp->earth, site->lat_rad, site->lon_rad, fp->cell_lat_rad[k],
                                fp->cell_lon_rad[k], &d, NULL, NULL);
            d_max = fmax(d_max, d);
        }
        fos[s].range_max_m = d_max * 1.1 + 200e3;
        fos[s].altitude_max_m =
            fmax(fmin(fp->apogee_max_m * 1.03 + 10e3, ics[s].max_altitude_m), 10e3);
    }
    const long total = (long)n * ns;
    long bad = -1;
    int status = 0;
    bmd_error first = {0, ""};
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 1) num_threads(bmd_num_threads(o->threads))
#endif
    for (long idx = 0; idx < total; idx++) {
        const int s = (int)(idx / n), k = (int)(idx % n);
        bmd_interceptor ic = ics[s];
        ic.burnout_speed_m_s = fp->ladder_speed[k];
        bmd_error e = {0, ""};
        int st = bmd_flyout_build(&fp->ladder[idx], &fp->earth, &ic, &fos[s], &e);
        if (st) {
#ifdef _OPENMP
#pragma omp critical(bmd_footprint_ladder)
#endif
            if (bad < 0 || idx < bad)
                bad = idx, status = st, first = e;
        }
    }
    if (status && err)
        *err = first;
    return status;
}
