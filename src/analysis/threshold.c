/* Thresholds (bmd/sensitivity.h): the value of one parameter of a pair at which its verdict
 * flips. Not assumed monotonic: the interval is scanned, the changes of verdict are counted, and
 * the change nearest the nominal value is refined by bisection on the verdict (src/num). */
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "analysis/sensitivity_internal.h"
#include "bmd/num.h"

#define TH_MAX_SCAN 64

const char *bmd_threshold_kind_name(bmd_threshold_kind kind)
{
    switch (kind) {
    case BMD_THRESHOLD_INTERCEPTOR_SPEED: return "interceptor speed";
    case BMD_THRESHOLD_TOTAL_DELAY: return "total delay";
    case BMD_THRESHOLD_DETECTION_RANGE: return "detection range";
    case BMD_THRESHOLD_PAYLOAD: return "payload";
    case BMD_THRESHOLD_BURN_TIME: return "burn time";
    case BMD_THRESHOLD_COUNT: break;
    }
    return "unknown";
}

const char *bmd_threshold_status_name(bmd_threshold_status s)
{
    switch (s) {
    case BMD_THRESHOLD_FOUND: return "flips once";
    case BMD_THRESHOLD_NO_FLIP: return "does not flip";
    case BMD_THRESHOLD_MULTIPLE: return "flips more than once";
    case BMD_THRESHOLD_NOT_APPLICABLE: return "not applicable";
    }
    return "unknown";
}

/* One knob: what x sets in the model. */
typedef struct knob {
    bmd_threshold_kind kind;
    bmd_timeline tl0;            /* nominal delays */
    double total0_s;
    bmd_radar *radar;            /* the radar that decides */
    bmd_missile missile0;        /* nominal missile */
    double burn0_s;              /* nominal total burn time */
} knob;

static double total_burn_s(const bmd_missile *ms)
{
    double b = 0;
    for (int i = 0; i < ms->n_stages; i++)
        b += ms->stages[i].burn_time_s;
    return b;
}

/* Set the knob to x in the model. */
static void knob_set(bmd_analysis_sens_model *m, const knob *k, double x)
{
    switch (k->kind) {
    case BMD_THRESHOLD_TOTAL_DELAY:
        if (k->total0_s > 0) {
            const double f = x / k->total0_s;
            m->tl.track_delay_s = k->tl0.track_delay_s * f;
            m->tl.decision_delay_s = k->tl0.decision_delay_s * f;
            m->tl.launch_delay_s = k->tl0.launch_delay_s * f;
        } else {
            m->tl.track_delay_s = x;
        }
        break;
    case BMD_THRESHOLD_DETECTION_RANGE:
        k->radar->ref_detection_range_m = x;
        break;
    case BMD_THRESHOLD_PAYLOAD:
    case BMD_THRESHOLD_BURN_TIME:
        m->missile = k->missile0;
        if (k->kind == BMD_THRESHOLD_PAYLOAD) {
            m->missile.payload.rv_mass_kg = x;
        } else {
            for (int i = 0; i < m->missile.n_stages; i++)
                m->missile.stages[i].burn_time_s *= x / k->burn0_s;
        }
        bmd_analysis_sens_model_drop_flight(m);
        m->missile_changed = memcmp(&m->missile, &m->an->scn->threats[m->ti].entry->missile,
                                    sizeof m->missile) != 0;
        break;
    default:
        break;
    }
}

typedef struct search_ctx {
    bmd_analysis_sens_model *m;
    const knob *k;
    bmd_sens_verdict va, vb;
    int *n_eval;
    bmd_error *err;
} search_ctx;

static int verdict_at(bmd_analysis_sens_model *m, const knob *k, double x, bmd_sens_verdict *v,
                      int *n_eval, bmd_error *err)
{
    knob_set(m, k, x);
    bmd_sens_outcome o;
    int st = bmd_analysis_sens_model_eval(m, &o, err);
    (*n_eval)++;
    *v = o.verdict;
    return st;
}

static int side_fn(void *ctx, double x, int *side)
{
    search_ctx *c = ctx;
    bmd_sens_verdict v;
    int st = verdict_at(c->m, c->k, x, &v, c->n_eval, c->err);
    if (st)
        return st;
    *side = v == c->va ? BMD_NUM_SIDE_A : (v == c->vb ? BMD_NUM_SIDE_B : BMD_NUM_SIDE_NONE);
    return BMD_SUCCESS;
}

/* Scan [lo, hi] with the nominal inserted, count the changes, refine the nearest. */
static int scan_refine(bmd_analysis_sens_model *m, const knob *k, const bmd_sens_options *o,
                       bmd_threshold *th, bmd_error *err)
{
    int n = o->n_scan < 3 ? 3 : (o->n_scan > TH_MAX_SCAN - 1 ? TH_MAX_SCAN - 1 : o->n_scan);
    double xs[TH_MAX_SCAN];
    bmd_sens_verdict vs[TH_MAX_SCAN];
    int nx = 0, k0 = -1;
    const double eps = 1e-9 * (fabs(th->hi) + fabs(th->lo) + 1);
    for (int i = 0; i < n; i++) {
        const double x = th->lo + (th->hi - th->lo) * i / (n - 1);
        if (k0 < 0 && th->nominal < x - eps)
            xs[k0 = nx++] = th->nominal;    /* the nominal, in order, when off the grid */
        if (k0 < 0 && fabs(th->nominal - x) <= eps)
            k0 = nx;
        xs[nx++] = x;
    }
    if (k0 < 0) /* nominal above the interval */
        xs[k0 = nx++] = th->nominal;
    int st;
    for (int i = 0; i < nx; i++)
        if ((st = verdict_at(m, k, xs[i], &vs[i], &th->n_evaluations, err)))
            return st;
    th->verdict_nominal = vs[k0];
    for (int i = 0; i < nx; i++)
        if (vs[i] == BMD_SENS_NOT_FLOWN) {
            th->status = BMD_THRESHOLD_NOT_APPLICABLE;
            snprintf(th->note, sizeof th->note, "cannot tell, because at %.4g %s the threat "
                     "could not be aimed at its target (the aiming search failed)", xs[i],
                     th->unit);
            return BMD_SUCCESS;
        }
    th->n_flips = 0;
    for (int i = 0; i + 1 < nx; i++)
        th->n_flips += vs[i] != vs[i + 1];
    const double step = (th->hi - th->lo) / (n - 1);
    if (th->n_flips == 0) {
        th->status = BMD_THRESHOLD_NO_FLIP;
        snprintf(th->note, sizeof th->note, "does not flip inside [%g, %g] %s (%d scan points; "
                 "a change narrower than %g %s could be missed)", th->lo, th->hi, th->unit, nx,
                 step, th->unit);
        return BMD_SUCCESS;
    }
    /* The change nearest the nominal: first below and first above. */
    int below = -1, above = -1;
    for (int i = k0; i > 0 && below < 0; i--)
        if (vs[i - 1] != vs[i])
            below = i - 1;
    for (int i = k0; i + 1 < nx && above < 0; i++)
        if (vs[i + 1] != vs[i])
            above = i + 1;
    int near, far;
    if (below >= 0 && (above < 0 || th->nominal - xs[below + 1] <= xs[above - 1] - th->nominal)) {
        near = below + 1;
        far = below;
    } else {
        near = above - 1;
        far = above;
    }
    double a = xs[near], b = xs[far];
    search_ctx c = {m, k, vs[near], vs[far], &th->n_evaluations, err};
    if ((st = bmd_num_bisect_side(side_fn, &c, &a, &b, o->max_halvings, 0, NULL)))
        return st;
    th->bracket_lo = fmin(a, b);
    th->bracket_hi = fmax(a, b);
    th->value = 0.5 * (a + b);
    th->verdict_beyond = vs[far];
    th->status = th->n_flips == 1 ? BMD_THRESHOLD_FOUND : BMD_THRESHOLD_MULTIPLE;
    if (th->n_flips == 1)
        snprintf(th->note, sizeof th->note, "%s -> %s at %.4g %s (bracket %.4g..%.4g)",
                 bmd_sens_verdict_name(vs[near]), bmd_sens_verdict_name(vs[far]), th->value,
                 th->unit, th->bracket_lo, th->bracket_hi);
    else
        snprintf(th->note, sizeof th->note, "flips %d times inside [%g, %g] %s: the verdict is "
                 "not monotonic in this parameter; the change nearest the nominal is %s -> %s at "
                 "%.4g %s", th->n_flips, th->lo, th->hi, th->unit,
                 bmd_sens_verdict_name(vs[near]), bmd_sens_verdict_name(vs[far]), th->value,
                 th->unit);
    return BMD_SUCCESS;
}

/* The interceptor speed: the required speed of the pair. */
static int speed_threshold(const bmd_analysis *an, int ti, int si, bmd_threshold *th,
                           bmd_error *err)
{
    const bmd_analysis_pair *p = bmd_analysis_pair_at(an, ti, si);
    const bmd_scenario_site *site = &an->scn->sites[si];
    snprintf(th->path, sizeof th->path, "interceptor[%s].burnout_speed_m_s",
             site->interceptor_entry.interceptor.name[0] ? site->interceptor_entry.interceptor.name
                                                         : site->interceptor.name);
    snprintf(th->unit, sizeof th->unit, "m/s");
    if (p->status != BMD_ANALYSIS_EVALUATED) {
        th->status = BMD_THRESHOLD_NOT_APPLICABLE;
        snprintf(th->note, sizeof th->note, "cannot tell, because the pair was not evaluated "
                 "(%s)", bmd_analysis_status_name(p->status));
        return BMD_SUCCESS;
    }
    bmd_required_speed rs;
    if (p->has_required_speed) {
        rs = p->required;
    } else {
        bmd_defense_site ds = {site->site.lat_rad, site->site.lon_rad, site->site.height_m,
                               &an->flyouts[an->site_flyout[si]].table, site->count,
                               site->has_radar ? &site->radar.entry.radar : NULL};
        int st = bmd_engage_required_speed(&an->scn->earth, &p->prepared, &ds, &p->timeline,
                                           &an->opt.engage, &an->opt.speed, &rs, err);
        if (st)
            return st;
        th->n_evaluations = rs.n_tables;
    }
    th->nominal = rs.site_speed_m_s;
    th->lo = an->opt.speed.speed_lo_m_s;
    th->hi = an->opt.speed.speed_hi_m_s;
    th->verdict_nominal = p->engagement.engageable ? BMD_SENS_ENGAGEABLE : BMD_SENS_NOT_ENGAGEABLE;
    if (!rs.possible) {
        th->status = BMD_THRESHOLD_NO_FLIP;
        snprintf(th->note, sizeof th->note, "no burnout speed in [%g, %g] m/s engages (at the "
                 "highest: %s)", th->lo, th->hi, bmd_engage_reason_name(rs.reason_at_hi));
        return BMD_SUCCESS;
    }
    if (rs.feasible_at_lo) {
        th->status = BMD_THRESHOLD_NO_FLIP;
        snprintf(th->note, sizeof th->note, "engageable already at the lowest speed searched "
                 "(%g m/s)", th->lo);
        return BMD_SUCCESS;
    }
    th->status = BMD_THRESHOLD_FOUND;
    th->n_flips = 1;
    th->value = rs.speed_m_s;
    th->bracket_lo = rs.speed_m_s - an->opt.speed.tolerance_m_s;
    th->bracket_hi = rs.speed_m_s;
    th->verdict_beyond = th->verdict_nominal == BMD_SENS_ENGAGEABLE ? BMD_SENS_NOT_ENGAGEABLE
                                                                     : BMD_SENS_ENGAGEABLE;
    snprintf(th->note, sizeof th->note, "lowest burnout speed that engages: %.0f m/s (the "
             "search scans upward in steps of %g m/s and takes the first feasible one%s)",
             rs.speed_m_s, an->opt.speed.scan_step_m_s,
             rs.from_site ? "; the site's own interceptor" : "");
    return BMD_SUCCESS;
}

/* The radar that decides: the site's fire-control radar when its coverage is why the pair is
 * not engageable; else the detecting radar; else the site's fire-control radar. */
static bmd_radar *deciding_radar(bmd_analysis_sens_model *m, const bmd_analysis_pair *p,
                                 const char **name)
{
    const bmd_scenario *scn = m->scn;
    const bmd_engagement *e = &p->engagement;
    if (m->has_fcr && e->reason == BMD_ENGAGE_NO_FCR_COVERAGE) {
        *name = scn->sites[m->si].radar.entry.name;
        return &m->fcr;
    }
    if (e->detector == BMD_DETECTOR_RADAR && e->detector_index >= 0 &&
        e->detector_index < m->n_radars) {
        *name = scn->sensors[m->radar_map[e->detector_index]].radar.entry.name;
        return &m->radars[e->detector_index];
    }
    if (m->has_fcr) {
        *name = scn->sites[m->si].radar.entry.name;
        return &m->fcr;
    }
    return NULL;
}

int bmd_sens_threshold(const bmd_analysis *an, int ti, int si, bmd_threshold_kind kind,
                       const bmd_sens_options *opt, bmd_threshold *out, bmd_error *err)
{
    bmd_sens_options d;
    if (!opt) {
        bmd_sens_options_init(&d);
        opt = &d;
    }
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "threshold: the output must be given");
    memset(out, 0, sizeof *out);
    out->kind = kind;
    out->value = out->bracket_lo = out->bracket_hi = out->nominal = NAN;
    out->lo = out->hi = NAN;
    out->band_low = out->band_high = NAN;
    if ((int)kind < 0 || kind >= BMD_THRESHOLD_COUNT)
        return bmd_error_set(err, BMD_EINVAL, "threshold: kind %d must be 0..%d", (int)kind,
                             BMD_THRESHOLD_COUNT - 1);
    bmd_analysis_sens_model m;
    int st = bmd_analysis_sens_model_init(&m, an, an ? an->scn : NULL, ti, si, opt, err);
    if (st)
        return st;
    const bmd_analysis_pair *p = bmd_analysis_pair_at(an, ti, si);
    const char *mname = an->scn->threats[ti].missile.name;
    knob k;
    memset(&k, 0, sizeof k);
    k.kind = kind;
    k.tl0 = m.tl;
    k.total0_s = m.tl.track_delay_s + m.tl.decision_delay_s + m.tl.launch_delay_s;
    k.missile0 = m.missile;
    k.burn0_s = total_burn_s(&m.missile);
    const char *rname = NULL;
    switch (kind) {
    case BMD_THRESHOLD_INTERCEPTOR_SPEED:
        st = speed_threshold(an, ti, si, out, err);
        bmd_analysis_sens_model_free(&m);
        return st;
    case BMD_THRESHOLD_TOTAL_DELAY:
        snprintf(out->path, sizeof out->path, "rules.total_delay_s");
        snprintf(out->unit, sizeof out->unit, "s");
        out->nominal = k.total0_s;
        out->lo = 0;
        out->hi = fmax(opt->delay_max_s, 3 * k.total0_s);
        break;
    case BMD_THRESHOLD_DETECTION_RANGE:
        k.radar = deciding_radar(&m, p, &rname);
        snprintf(out->unit, sizeof out->unit, "m");
        if (!k.radar) {
            out->status = BMD_THRESHOLD_NOT_APPLICABLE;
            snprintf(out->path, sizeof out->path, "radar.detection_range_m");
            snprintf(out->note, sizeof out->note, "cannot tell, because no radar decides: the "
                     "site has no fire-control radar and %s", p->engagement.detector ==
                     BMD_DETECTOR_IR ? "the first report is space-based infrared" :
                     "no radar detects the threat");
            bmd_analysis_sens_model_free(&m);
            return BMD_SUCCESS;
        }
        snprintf(out->path, sizeof out->path, "radar[%s].detection_range_m", rname);
        out->nominal = k.radar->ref_detection_range_m;
        out->lo = out->nominal * opt->range_factor_lo;
        out->hi = out->nominal * opt->range_factor_hi;
        break;
    case BMD_THRESHOLD_PAYLOAD:
        snprintf(out->path, sizeof out->path, "missile[%s].payload.rv_mass_kg", mname);
        snprintf(out->unit, sizeof out->unit, "kg");
        out->nominal = m.missile.payload.rv_mass_kg;
        out->lo = out->nominal * opt->payload_factor_lo;
        out->hi = out->nominal * opt->payload_factor_hi;
        break;
    case BMD_THRESHOLD_BURN_TIME:
        snprintf(out->path, sizeof out->path, "missile[%s].stages[*].burn_time_s (sum)", mname);
        snprintf(out->unit, sizeof out->unit, "s");
        for (int i = 0; i < m.missile.n_stages; i++)
            if (m.missile.stages[i].thrust_vacuum_n.n > 0) {
                out->status = BMD_THRESHOLD_NOT_APPLICABLE;
                snprintf(out->note, sizeof out->note, "cannot tell, because stage %d has a "
                         "thrust table: scaling its burn time would not keep the thrust curve", i);
                bmd_analysis_sens_model_free(&m);
                return BMD_SUCCESS;
            }
        out->nominal = k.burn0_s;
        out->lo = out->nominal * opt->burn_factor_lo;
        out->hi = out->nominal * opt->burn_factor_hi;
        break;
    default:
        break;
    }
    if (p->status == BMD_ANALYSIS_THREAT_UNREACHABLE && kind != BMD_THRESHOLD_PAYLOAD &&
        kind != BMD_THRESHOLD_BURN_TIME) {
        out->status = BMD_THRESHOLD_NOT_APPLICABLE;
        snprintf(out->note, sizeof out->note, "cannot tell, because the threat does not reach "
                 "its target (only missile parameters can change that)");
        bmd_analysis_sens_model_free(&m);
        return BMD_SUCCESS;
    }
    st = scan_refine(&m, &k, opt, out, err);
    bmd_analysis_sens_model_free(&m);
    return st;
}
