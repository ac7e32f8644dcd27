/* One threat against one defence site (bmd/engagement.h): detection and timeline, a survey of the
 * whole trajectory for the feasible intercept window, the reason when it is empty, and the
 * shoot-look-shoot opportunities. */
#include <math.h>
#include <string.h>

#include "bmd/units.h"
#include "bmd/num.h"
#include "defense/engagement_internal.h"

/* What the survey is asked: feasibility for launches from L (geometry and t - T >= L). */
static int feasible(const eng_state *s, double L)
{
    return s->geo && s->margin_s >= L;
}

/* Halvings allowed to the bisections of the engagement scan: far more than the ~40 that take a
 * window of hours to the time tolerance. */
#define ENG_MAX_HALVINGS 200

typedef struct refine_ctx {
    eng_ctx *c;
    double L;
} refine_ctx;

static int feasible_side(void *ctx, double t_s, int *side)
{
    const refine_ctx *r = ctx;
    eng_state s;
    bmd_eng_eval(r->c, t_s, &s);
    *side = feasible(&s, r->L) ? BMD_NUM_SIDE_B : BMD_NUM_SIDE_A;
    return BMD_SUCCESS;
}

/* Refine a change of feasibility for launch L (or of geometry alone when L is -INFINITY) between
 * t_false and t_true to the tolerance (bisection, bmd_num_bisect_side); returns the time on the
 * feasible side. */
static double refine(eng_ctx *c, double t_false, double t_true, double L)
{
    refine_ctx r = {c, L};
    bmd_num_bisect_side(feasible_side, &r, &t_false, &t_true, ENG_MAX_HALVINGS, c->tol_s, NULL);
    return t_true;
}

/* The next scan time after state s: the step, or a longer stride while the threat is farther
 * outside the table's grid than it can travel in that time. */
static double next_time(const eng_ctx *c, const eng_state *s, double t_end)
{
    double adv = c->step_s;
    if (s->outside_m > 0)
        adv = fmax(adv, s->outside_m / c->stride_speed_m_s);
    return fmin(s->t_s + adv, t_end);
}

/* One edge set: first and last times where a predicate holds, with the neighbouring scan times
 * where it does not (NAN when the edge is the end of the scan). */
typedef struct edges {
    int found;
    double first, before_first;
    double last, after_last;
} edges;

/* Feed one scan point into an edge set. */
static void edges_add(edges *e, int holds, double t, int prev_holds, double prev_t)
{
    if (holds) {
        if (!e->found) {
            e->found = 1;
            e->first = t;
            e->before_first = prev_t; /* NAN at the first scan point */
        }
        e->last = t;
        e->after_last = NAN;
    } else if (prev_holds && e->found) {
        e->after_last = t;
    }
}

/* The survey of the whole series. */
typedef struct survey {
    int any_reach, any_reach_alt, any_lz;
    edges win;     /* feasible for launches from L0 */
    edges geo;     /* (a)-(d) */
    double launch_last_s, alt_min_m, alt_max_m;
    double best_margin_s, best_t_s;    /* largest t - T over geometry-feasible points */
    double best_before_s, best_after_s; /* its neighbouring scan times */
    int best_pending;                   /* the point after the best is still to come */
    double prev_t;
    int prev_feas, prev_geo;
} survey;

/* Feed one evaluated point (in time order) into the survey. */
static void survey_feed(survey *sv, const eng_state *s, double L0, double Lz)
{
    const int feas = feasible(s, L0);
    sv->any_reach |= s->reach;
    sv->any_reach_alt |= s->reach && s->alt_ok;
    sv->any_lz |= feasible(s, Lz);
    edges_add(&sv->win, feas, s->t_s, sv->prev_feas, sv->prev_t);
    edges_add(&sv->geo, s->geo, s->t_s, sv->prev_geo, sv->prev_t);
    if (feas) {
        sv->launch_last_s = fmax(sv->launch_last_s, s->margin_s);
        sv->alt_min_m = fmin(sv->alt_min_m, s->h_m);
        sv->alt_max_m = fmax(sv->alt_max_m, s->h_m);
    }
    if (sv->best_pending) {
        sv->best_after_s = s->t_s;
        sv->best_pending = 0;
    }
    if (s->geo && s->margin_s > sv->best_margin_s) {
        sv->best_margin_s = s->margin_s;
        sv->best_t_s = s->t_s;
        sv->best_before_s = isnan(sv->prev_t) ? s->t_s : sv->prev_t;
        sv->best_after_s = s->t_s;
        sv->best_pending = 1;
    }
    sv->prev_t = s->t_s;
    sv->prev_feas = feas;
    sv->prev_geo = s->geo;
}

/* Scan the series once: window for L0, geometry, and feasibility for the ideal launch Lz. Where
 * the geometry changes between two scan points its edge is refined and examined too, so that a
 * window ending at a geometric edge (the floor, the table's reach, the FCR's coverage) is found
 * even when it is shorter than the step. */
static void survey_run(eng_ctx *c, double L0, double Lz, survey *sv)
{
    memset(sv, 0, sizeof *sv);
    sv->launch_last_s = -INFINITY;
    sv->alt_min_m = INFINITY;
    sv->alt_max_m = -INFINITY;
    sv->best_margin_s = -INFINITY;
    sv->best_t_s = sv->prev_t = NAN;
    const double t_end = c->th->t_last_s;
    double t = c->th->t_first_s;
    eng_state s, e;
    for (;;) {
        bmd_eng_eval(c, t, &s);
        if (!isnan(sv->prev_t) && s.geo != sv->prev_geo) {
            const double te = s.geo ? refine(c, sv->prev_t, t, -INFINITY)
                                    : refine(c, t, sv->prev_t, -INFINITY);
            if (te != t && te != sv->prev_t) {
                bmd_eng_eval(c, te, &e);
                survey_feed(sv, &e, L0, Lz);
            }
        }
        survey_feed(sv, &s, L0, Lz);
        if (t >= t_end)
            break;
        t = next_time(c, &s, t_end);
    }
}

/* Minus the margin t - T at t_s (+INFINITY outside the geometry), for the golden section. */
static int neg_margin_at(void *ctx, double t_s, double *f)
{
    eng_state s;
    bmd_eng_eval(ctx, t_s, &s);
    *f = s.geo ? -s.margin_s : INFINITY;
    return BMD_SUCCESS;
}

/* A window shorter than the step inside the geometry: when no scan point is feasible, maximise
 * t - T around the best scan point (golden section between its neighbours, bmd_num_golden_min) and feed the maximum.
 * Returns 1 when that makes the window non-empty. */
static int survey_rescue(eng_ctx *c, survey *sv, double L0, double Lz)
{
    if (sv->win.found || !isfinite(sv->best_margin_s) || !isfinite(L0))
        return 0;
    double t_best, neg_margin;
    if (bmd_num_golden_min(neg_margin_at, c, sv->best_before_s, sv->best_after_s, c->tol_s, NULL,
                           &t_best, &neg_margin))
        return 0;
    eng_state best;
    bmd_eng_eval(c, t_best, &best);
    const eng_state *m = &best;
    if (!feasible(m, L0))
        return 0;
    /* The neighbours are infeasible scan points: they bound the refinement on both sides. */
    sv->any_lz |= feasible(m, Lz);
    sv->win.found = 1;
    sv->win.first = sv->win.last = m->t_s;
    sv->win.before_first = sv->best_before_s < m->t_s ? sv->best_before_s : NAN;
    sv->win.after_last = sv->best_after_s > m->t_s ? sv->best_after_s : NAN;
    sv->launch_last_s = m->margin_s;
    sv->alt_min_m = sv->alt_max_m = m->h_m;
    return 1;
}

/* The first time >= t_from (or the series start) feasible for launch L, refined; INFINITY if
 * none. Geometric edges between scan points are examined as in the survey. */
static double first_feasible(eng_ctx *c, double t_from, double L)
{
    const double t_end = c->th->t_last_s;
    double t = fmax(t_from, c->th->t_first_s), prev_t = NAN;
    int prev_geo = 0;
    if (!(t <= t_end))
        return INFINITY;
    eng_state s, e;
    for (;;) {
        bmd_eng_eval(c, t, &s);
        if (!isnan(prev_t) && s.geo != prev_geo) {
            const double te = s.geo ? refine(c, prev_t, t, -INFINITY)
                                    : refine(c, t, prev_t, -INFINITY);
            bmd_eng_eval(c, te, &e);
            if (feasible(&e, L))
                return refine(c, prev_t, te, L);
        }
        if (feasible(&s, L))
            return isnan(prev_t) ? t : refine(c, prev_t, t, L);
        if (t >= t_end)
            return INFINITY;
        prev_t = t;
        prev_geo = s.geo;
        t = next_time(c, &s, t_end);
    }
}

/* Fill an intercept point at time t. */
static void intercept_point(eng_ctx *c, double t, bmd_intercept_point *p)
{
    eng_state s;
    bmd_eng_eval(c, t, &s);
    bmd_eng_geodetic(c, &s);
    p->t_s = t;
    p->flyout_s = s.T_s;
    p->launch_s = s.margin_s;
    p->lat_rad = s.lat_rad;
    p->lon_rad = s.lon_rad;
    p->altitude_m = s.h_m;
    p->ground_range_m = s.d_m;
    p->kv_speed_m_s = s.kv_speed_m_s;
    p->threat_speed_m_s = sqrt(s.v_m_s[0] * s.v_m_s[0] + s.v_m_s[1] * s.v_m_s[1] +
                               s.v_m_s[2] * s.v_m_s[2]);
    bmd_eng_closing(c, &s, &p->closing_speed_m_s, &p->crossing_angle_rad);
}

/* An intercept point with every field NAN. */
static void no_point(bmd_intercept_point *p)
{
    p->t_s = p->flyout_s = p->launch_s = p->lat_rad = p->lon_rad = p->altitude_m = NAN;
    p->ground_range_m = p->kv_speed_m_s = p->threat_speed_m_s = NAN;
    p->closing_speed_m_s = p->crossing_angle_rad = NAN;
}

/* Check the inputs of bmd_engage. */
static int check_inputs(const bmd_earth *earth, const bmd_threat *th, const bmd_defense_site *site,
                        const bmd_timeline *tl, const bmd_engage_options *o, bmd_error *err)
{
    int st;
    if (!earth || !th || !site)
        return bmd_error_set(err, BMD_EINVAL, "engage: the Earth model, threat and site must be "
                             "given");
    if (!th->traj || th->traj->n_samples < 2 || !(th->t_last_s > th->t_first_s) ||
        (int)th->cls < 0 || th->cls >= BMD_OBJECT_COUNT)
        return bmd_error_set(err, BMD_EINVAL, "engage: the threat is not prepared (call "
                             "bmd_threat_prepare)");
    if (!isfinite(site->lat_rad) || fabs(site->lat_rad) > M_PI / 2 || !isfinite(site->lon_rad) ||
        !isfinite(site->height_m))
        return bmd_error_set(err, BMD_EINVAL, "engage: site latitude %g deg must be within +-90 "
                             "deg (and longitude and height finite)", site->lat_rad * BMD_DEG_PER_RAD);
    if (!site->flyout || !site->flyout->t_s || site->flyout->n_range < 2 ||
        site->flyout->n_altitude < 2)
        return bmd_error_set(err, BMD_EINVAL, "engage: the site has no flyout table (build one "
                             "with bmd_flyout_build)");
    if (site->n_interceptors < 1)
        return bmd_error_set(err, BMD_EINVAL, "engage: the site has %d interceptors; at least 1 "
                             "is needed", site->n_interceptors);
    if (site->fire_control && (st = bmd_radar_validate(site->fire_control, err)))
        return st;
    if ((st = bmd_timeline_validate(tl, err)))
        return st;
    if (!(o->scan_step_s > 0 && o->scan_step_s <= 1.0))
        return bmd_error_set(err, BMD_EINVAL, "engage: scan step %g s must be in (0, 1] s",
                             o->scan_step_s);
    if ((int)o->launch_on < 0 || o->launch_on >= BMD_LAUNCH_ON_COUNT)
        return bmd_error_set(err, BMD_EINVAL, "engage: launch-on setting %d is not known "
                             "(ir-track, burnout, radar-track)", (int)o->launch_on);
    if (!(o->time_tol_s > 0 && o->time_tol_s <= o->scan_step_s))
        return bmd_error_set(err, BMD_EINVAL, "engage: time tolerance %g s must be in (0, scan "
                             "step] s", o->time_tol_s);
    return BMD_SUCCESS;
}

/* The window's edges, altitudes and launch times from the survey. */
static void fill_window(eng_ctx *c, const survey *sv, double L0, bmd_engagement *out)
{
    double t1 = sv->win.first, t2 = sv->win.last;
    if (!isnan(sv->win.before_first))
        t1 = refine(c, sv->win.before_first, t1, L0);
    if (!isnan(sv->win.after_last))
        t2 = refine(c, sv->win.after_last, t2, L0);
    intercept_point(c, t1, &out->earliest);
    intercept_point(c, t2, &out->latest);
    out->altitude_min_m = fmin(sv->alt_min_m, fmin(out->earliest.altitude_m,
                                                   out->latest.altitude_m));
    out->altitude_max_m = fmax(sv->alt_max_m, fmax(out->earliest.altitude_m,
                                                   out->latest.altitude_m));
    out->launch_first_s = out->earliest.launch_s;
    out->launch_last_s = fmax(sv->launch_last_s, fmax(out->earliest.launch_s,
                                                      out->latest.launch_s));
}

/* Shoot-look-shoot: shot k+1 may launch kill_assessment after shot k's intercept. */
static void shots(eng_ctx *c, const bmd_timeline *tl, int n_interceptors, bmd_engagement *out)
{
    double L = out->launch_earliest_s, t = out->earliest.t_s;
    for (int k = 0; k < n_interceptors; k++) {
        if (k > 0)
            t = first_feasible(c, L, L);
        if (!isfinite(t))
            break;
        eng_state s;
        bmd_eng_eval(c, t, &s);
        if (out->n_shots < BMD_ENGAGE_MAX_SHOTS) {
            bmd_shot *sh = &out->shots[out->n_shots++];
            sh->launch_s = s.margin_s;
            sh->intercept_s = t;
            sh->altitude_m = s.h_m;
        }
        out->shot_opportunities++;
        L = t + tl->kill_assessment_s;
    }
}

int bmd_engage(const bmd_earth *earth, const bmd_threat *threat, const bmd_defense_site *site,
               const bmd_timeline *tl, const bmd_engage_options *opt, bmd_engagement *out,
               bmd_error *err)
{
    bmd_engage_options o;
    if (opt)
        o = *opt;
    else
        bmd_engage_options_init(&o);
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "engage: the output must be given");
    memset(out, 0, sizeof *out);
    no_point(&out->earliest);
    no_point(&out->latest);
    out->altitude_min_m = out->altitude_max_m = NAN;
    out->launch_first_s = out->launch_last_s = NAN;
    out->reach_first_s = out->reach_last_s = NAN;
    out->detect_s = out->track_s = out->launch_earliest_s = out->chain_start_s = INFINITY;
    out->detect_rcs_m2 = NAN;
    out->detector_index = -1;
    int st = check_inputs(earth, threat, site, tl, &o, err);
    if (st)
        return st;

    eng_ctx c;
    bmd_eng_ctx_init(&c, earth, threat, site, &o);
    /* Detection: the cueing sensors (radars only for a radar track), or the fire-control radar
     * if it sees the threat earlier. */
    const int radar_only = o.launch_on == BMD_LAUNCH_ON_RADAR_TRACK;
    if (radar_only) {
        out->detect_s = threat->cue_radar_detect_s;
        out->detector = isfinite(out->detect_s) ? BMD_DETECTOR_RADAR : BMD_DETECTOR_NONE;
        out->detector_index = threat->cue_radar_index;
    } else {
        out->detect_s = threat->cue_detect_s;
        out->detector = threat->cue_detector;
        out->detector_index = threat->cue_index;
    }
    if (site->fire_control) {
        const double t_to = fmin(threat->t_last_s, out->detect_s);
        const double t_fcr = bmd_eng_fcr_first_sight(&c, site->fire_control, threat->t_first_s, t_to);
        if (t_fcr < out->detect_s) {
            out->detect_s = t_fcr;
            out->detector = BMD_DETECTOR_FIRE_CONTROL;
            out->detector_index = 0;
        }
    }
    out->detect_rcs_m2 = NAN;
    if (out->detector == BMD_DETECTOR_FIRE_CONTROL)
        out->detect_rcs_m2 = c.rcs_m2;
    else if (out->detector == BMD_DETECTOR_RADAR)
        out->detect_rcs_m2 = isnan(threat->rcs_m2) ? NAN : threat->rcs_m2;
    /* The delays start at the detection, or at burnout when the launch must wait for it. */
    const double floor_s = o.launch_on == BMD_LAUNCH_ON_IR_TRACK ? -INFINITY : threat->burnout_s;
    const double chain = tl->decision_delay_s + tl->launch_delay_s;
    out->chain_start_s = fmax(out->detect_s, floor_s);
    out->track_s = out->chain_start_s + tl->track_delay_s;
    out->launch_earliest_s = out->track_s + chain;
    const double L0 = out->launch_earliest_s;
    const double Lz = fmax(threat->t_first_s, floor_s) + tl->track_delay_s + chain;

    survey sv;
    survey_run(&c, L0, Lz, &sv);
    survey_rescue(&c, &sv, L0, Lz);
    if (sv.geo.found) {
        out->reach_first_s = isnan(sv.geo.before_first)
                                 ? sv.geo.first
                                 : refine(&c, sv.geo.before_first, sv.geo.first, -INFINITY);
        out->reach_last_s = isnan(sv.geo.after_last)
                                ? sv.geo.last
                                : refine(&c, sv.geo.after_last, sv.geo.last, -INFINITY);
    }
    if (!isfinite(out->detect_s))
        out->reason = BMD_ENGAGE_NOT_SEEN;
    else if (sv.win.found)
        out->reason = BMD_ENGAGE_OK;
    else if (!sv.any_reach)
        out->reason = BMD_ENGAGE_OUT_OF_REACH;
    else if (!sv.any_reach_alt)
        out->reason = BMD_ENGAGE_BELOW_FLOOR;
    else if (!sv.geo.found)
        out->reason = BMD_ENGAGE_NO_FCR_COVERAGE;
    else if (sv.any_lz)
        out->reason = BMD_ENGAGE_NOT_SEEN_IN_TIME;
    else
        out->reason = BMD_ENGAGE_TOO_LATE;
    out->engageable = out->reason == BMD_ENGAGE_OK;
    if (out->engageable) {
        fill_window(&c, &sv, L0, out);
        shots(&c, tl, site->n_interceptors, out);
    }
    out->n_evaluations = c.n_eval;
    return BMD_SUCCESS;
}
