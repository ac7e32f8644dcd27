/* One (threat, site) pair of an analysis as a model whose inputs change one at a time
 * (sensitivity_internal.h): the same calls as the analysis' evaluation of a pair (analysis.c),
 * with the threat re-flown only when the missile changed and the flyout table rebuilt only when
 * the interceptor changed. */
#include <math.h>
#include <string.h>

#include "analysis/sensitivity_internal.h"

void bmd_sens_options_init(bmd_sens_options *opt)
{
    memset(opt, 0, sizeof *opt);
    bmd_analysis_options_init(&opt->analysis);
    opt->analysis.required_speed = 0;
    opt->n_scan = 12;
    opt->max_halvings = 7;
    opt->delay_max_s = 600;
    opt->range_factor_lo = 0.05;
    opt->range_factor_hi = 4;
    opt->payload_factor_lo = 0.25;
    opt->payload_factor_hi = 3;
    opt->burn_factor_lo = 0.3;
    opt->burn_factor_hi = 1.5;
}

const char *bmd_sens_verdict_name(bmd_sens_verdict v)
{
    switch (v) {
    case BMD_SENS_NOT_ENGAGEABLE: return "not engageable";
    case BMD_SENS_ENGAGEABLE: return "engageable";
    case BMD_SENS_UNREACHABLE: return "target beyond reach";
    case BMD_SENS_NOT_FLOWN: return "cannot tell (threat not aimed)";
    }
    return "unknown";
}

int bmd_analysis_sens_model_init(bmd_analysis_sens_model *m, const bmd_analysis *an,
                                 const bmd_scenario *scn, int ti, int si,
                                 const bmd_sens_options *opt, bmd_error *err)
{
    memset(m, 0, sizeof *m);
    if (!an || !an->scn || !an->threats || !scn || !opt)
        return bmd_error_set(err, BMD_EINVAL, "sensitivity: a run analysis, its scenario and "
                             "options must be given");
    if (ti < 0 || ti >= an->n_threats || si < 0 || si >= an->n_sites ||
        scn->n_threats != an->n_threats || scn->n_sites != an->n_sites)
        return bmd_error_set(err, BMD_EINVAL, "sensitivity: pair (threat %d, site %d) is not "
                             "in the analysis of %d threats and %d sites", ti, si, an->n_threats,
                             an->n_sites);
    const bmd_scenario_site *site = &scn->sites[si];
    if (site->count < 1 || an->site_flyout[si] < 0)
        return bmd_error_set(err, BMD_EINVAL, "sensitivity: site %s has no interceptors "
                             "(count %d)", site->name, site->count);
    m->an = an;
    m->scn = scn;
    m->ti = ti;
    m->si = si;
    m->opt = opt;
    m->missile = scn->threats[ti].entry->missile;
    m->rcs_m2 = scn->threats[ti].entry->signature.warhead_rcs_m2;
    m->ic = site->interceptor_entry.interceptor;
    for (int c = 0; c < site->n_cues; c++) {
        const bmd_scenario_sensor *s = &scn->sensors[site->cues[c]];
        if (s->kind == BMD_SCENARIO_SENSOR_RADAR) {
            m->radar_map[m->n_radars] = site->cues[c];
            m->radars[m->n_radars++] = s->radar.entry.radar;
        } else {
            m->ir[m->n_ir++] = s->ir;
        }
    }
    m->has_fcr = site->has_radar;
    if (m->has_fcr)
        m->fcr = site->radar.entry.radar;
    m->tl = (bmd_timeline){site->timeline.detect_to_track_s, site->timeline.track_to_decision_s,
                           site->timeline.decision_to_launch_s, site->timeline.kill_assessment_s};
    m->eopt = an->opt.engage;
    if (an->opt.rules_from_scenario) {
        m->eopt.launch_on = scn->launch_on;
        m->eopt.require_fcr_coverage = scn->require_fcr_coverage;
    } else if (scn != an->scn) { /* a changed copy: its rules when they were changed */
        if (scn->launch_on != an->scn->launch_on)
            m->eopt.launch_on = scn->launch_on;
        if (scn->require_fcr_coverage != an->scn->require_fcr_coverage)
            m->eopt.require_fcr_coverage = scn->require_fcr_coverage;
    }
    /* A changed copy of the scenario: re-fly and rebuild only what differs. */
    const bmd_scenario *s0 = an->scn;
    m->missile_changed = memcmp(&m->missile, &s0->threats[ti].entry->missile,
                                sizeof m->missile) != 0;
    m->interceptor_changed = memcmp(&m->ic, &s0->sites[si].interceptor_entry.interceptor,
                                    sizeof m->ic) != 0;
    return BMD_SUCCESS;
}

void bmd_analysis_sens_model_drop_flight(bmd_analysis_sens_model *m)
{
    if (m->has_own_flight)
        bmd_analysis_flight_free(&m->own_flight);
    m->has_own_flight = 0;
    m->missile_changed = 1;
}

void bmd_analysis_sens_model_drop_flyout(bmd_analysis_sens_model *m)
{
    if (m->has_own_flyout)
        bmd_flyout_free(&m->own_flyout);
    m->has_own_flyout = 0;
    m->interceptor_changed = 1;
}

void bmd_analysis_sens_model_free(bmd_analysis_sens_model *m)
{
    if (!m)
        return;
    if (m->has_own_flight)
        bmd_analysis_flight_free(&m->own_flight);
    if (m->has_own_flyout)
        bmd_flyout_free(&m->own_flyout);
    m->has_own_flight = m->has_own_flyout = 0;
}

/* The flight to use: the analysis' unless the missile changed. *f is NULL when the changed
 * missile cannot be aimed at the target (the aiming search fails: BMD_EMAXITER or BMD_EDOM), which
 * is not an error of the analysis: that value gets no verdict. */
static int flight_of(bmd_analysis_sens_model *m, const bmd_analysis_flight **f, bmd_error *err)
{
    *f = NULL;
    if (!m->missile_changed) {
        *f = &m->an->threats[m->ti].flight;
        return BMD_SUCCESS;
    }
    if (!m->has_own_flight) {
        const bmd_scenario_threat *t = &m->scn->threats[m->ti];
        int st = bmd_analysis_fly(&m->scn->earth, &m->missile, t->shape, t->from.lat_rad,
                                  t->from.lon_rad, t->from.height_m, t->to.lat_rad, t->to.lon_rad,
                                  &m->an->opt.flight, &m->own_flight, err);
        if (st == BMD_EMAXITER || st == BMD_EDOM) {
            bmd_analysis_flight_free(&m->own_flight);
            return BMD_SUCCESS;
        }
        if (st)
            return st;
        m->has_own_flight = 1;
    }
    *f = &m->own_flight;
    return BMD_SUCCESS;
}

/* The flyout table to use: the analysis' unless the interceptor changed (then one built at the
 * same reference launch with the analysis' options). */
static int flyout_of(bmd_analysis_sens_model *m, const bmd_flyout **tab, bmd_error *err)
{
    const bmd_flyout *base = &m->an->flyouts[m->an->site_flyout[m->si]].table;
    if (!m->interceptor_changed) {
        *tab = base;
        return BMD_SUCCESS;
    }
    if (!m->has_own_flyout) {
        bmd_flyout_options fo = m->an->opt.flyout;
        fo.site = base->site;
        memset(&m->own_flyout, 0, sizeof m->own_flyout);
        int st = bmd_flyout_build(&m->own_flyout, &m->scn->earth, &m->ic, &fo, err);
        if (st)
            return st;
        m->has_own_flyout = 1;
    }
    *tab = &m->own_flyout;
    return BMD_SUCCESS;
}

int bmd_analysis_sens_model_eval(bmd_analysis_sens_model *m, bmd_sens_outcome *out,
                                 bmd_error *err)
{
    memset(out, 0, sizeof *out);
    out->earliest_altitude_m = NAN;
    out->margin_m_s = NAN;
    out->reason = BMD_ENGAGE_OK;
    const bmd_analysis_flight *f;
    int st = flight_of(m, &f, err);
    if (st)
        return st;
    if (!f) {
        out->verdict = BMD_SENS_NOT_FLOWN;
        return BMD_SUCCESS;
    }
    if (!f->reachable) {
        out->verdict = BMD_SENS_UNREACHABLE;
        return BMD_SUCCESS;
    }
    const bmd_flyout *tab;
    if ((st = flyout_of(m, &tab, err)))
        return st;
    bmd_sensor_set set = {m->radars, m->n_radars, m->ir, m->n_ir};
    bmd_threat th;
    if ((st = bmd_threat_prepare_rcs(&m->scn->earth, &f->traj, &f->summary.events, BMD_OBJECT_RV,
                                     m->rcs_m2, &set, &th, err)))
        return st;
    const bmd_scenario_site *site = &m->scn->sites[m->si];
    bmd_defense_site ds = {site->site.lat_rad, site->site.lon_rad, site->site.height_m, tab,
                           site->count, m->has_fcr ? &m->fcr : NULL};
    bmd_engagement e;
    if ((st = bmd_engage(&m->scn->earth, &th, &ds, &m->tl, &m->eopt, &e, err)))
        return st;
    out->verdict = e.engageable ? BMD_SENS_ENGAGEABLE : BMD_SENS_NOT_ENGAGEABLE;
    out->reason = e.reason;
    out->shot_opportunities = e.engageable ? e.shot_opportunities : 0;
    out->earliest_altitude_m = e.engageable ? e.earliest.altitude_m : NAN;
    if (m->opt->margin) {
        bmd_required_speed rs;
        if ((st = bmd_engage_required_speed(&m->scn->earth, &th, &ds, &m->tl, &m->eopt,
                                            &m->an->opt.speed, &rs, err)))
            return st;
        if (rs.possible && isfinite(rs.site_speed_m_s))
            out->margin_m_s = rs.site_speed_m_s - rs.speed_m_s;
    }
    return BMD_SUCCESS;
}

int bmd_sens_evaluate(const bmd_analysis *an, int ti, int si, int launch_on,
                      const bmd_sens_options *opt, bmd_sens_outcome *out, bmd_error *err)
{
    bmd_sens_options d;
    if (!opt) {
        bmd_sens_options_init(&d);
        opt = &d;
    }
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "sensitivity: the outcome must be given");
    if (launch_on < -1 || launch_on >= BMD_LAUNCH_ON_COUNT)
        return bmd_error_set(err, BMD_EINVAL, "sensitivity: launch_on %d must be -1 (the "
                             "scenario's) or 0..%d", launch_on, BMD_LAUNCH_ON_COUNT - 1);
    bmd_analysis_sens_model m;
    int st = bmd_analysis_sens_model_init(&m, an, an ? an->scn : NULL, ti, si, opt, err);
    if (!st) {
        if (launch_on >= 0)
            m.eopt.launch_on = (bmd_launch_on)launch_on;
        st = bmd_analysis_sens_model_eval(&m, out, err);
    }
    bmd_analysis_sens_model_free(&m);
    return st;
}
