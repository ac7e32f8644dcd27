/* The required interceptor speed (bmd/engagement.h): the lowest burnout speed of a notional
 * interceptor that keeps every other property of the site's interceptor. Feasibility is not
 * monotonic in the speed (a fast, nearly straight kill vehicle cannot come down to the altitude
 * floor far away), so the speeds are scanned upward and the first feasible step is refined by
 * bisection. One coarse flyout table per trial, fitted to the threat's extent from the site; its
 * fan (the flown trajectories, independent of the grid) from the options' cache when given
 * (engagement_speed_cache.c), so the pairs of one site fly each scan speed once. */
#include <limits.h>
#include <math.h>
#include <string.h>

#include "defense/interceptor_internal.h"
#include "defense/engagement_internal.h"
#include "bmd/num.h"

#define RS_LO_M_S 500.0
#define RS_HI_M_S 11000.0 /* the notional model's limit (escape speed, bmd_interceptor_validate) */
#define RS_TOL_M_S 10.0
#define RS_STEP_M_S 500.0
#define RS_N_RANGE 81
#define RS_N_ALTITUDE 61
#define RS_N_ELEVATIONS 91
#define RS_SAMPLE_DT_S 2.0

void bmd_required_speed_options_init(bmd_required_speed_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->speed_lo_m_s = RS_LO_M_S;
    opt->speed_hi_m_s = RS_HI_M_S;
    opt->tolerance_m_s = RS_TOL_M_S;
    opt->scan_step_m_s = RS_STEP_M_S;
    bmd_flyout_options_init(&opt->flyout);
    opt->flyout.n_range = RS_N_RANGE;
    opt->flyout.n_altitude = RS_N_ALTITUDE;
    opt->flyout.n_elevations = RS_N_ELEVATIONS;
    opt->flyout.sample_dt_s = RS_SAMPLE_DT_S;
}

/* The grid extent that covers the threat as seen from the site: its largest ground range and
 * altitude, with margins of a few cells. */
static void fit_grid(const bmd_earth *earth, const bmd_threat *th, const bmd_defense_site *site,
                     const bmd_interceptor *ic, bmd_flyout_options *fo)
{
    const double beta = atan2((1.0 - earth->f) * sin(site->lat_rad), cos(site->lat_rad));
    double d_max = 0, h_max = 0;
    for (int i = 0; i < th->traj->n_samples; i++) {
        double lat, lon, h;
        bmd_earth_ecef_to_geodetic(earth, th->traj->samples[i].r_ecef_m, &lat, &lon, &h);
        d_max = fmax(d_max, bmd_eng_ground_range(earth, beta, site->lon_rad, lat, lon, NULL));
        h_max = fmax(h_max, h);
    }
    if (fo->range_max_m == 0)
        fo->range_max_m = fmax(d_max * 1.03 + 20e3, 50e3);
    if (fo->altitude_max_m == 0)
        fo->altitude_max_m = fmax(fmin(h_max * 1.03 + 10e3, ic->max_altitude_m), 10e3);
}

/* Fill zero options with the defaults; check them. */
static int resolve(const bmd_required_speed_options *in, bmd_required_speed_options *o,
                   bmd_error *err)
{
    bmd_required_speed_options d;
    bmd_required_speed_options_init(&d);
    if (!in) {
        *o = d;
        return BMD_SUCCESS;
    }
    *o = *in;
    if (o->speed_lo_m_s == 0)
        o->speed_lo_m_s = d.speed_lo_m_s;
    if (o->speed_hi_m_s == 0)
        o->speed_hi_m_s = d.speed_hi_m_s;
    if (o->tolerance_m_s == 0)
        o->tolerance_m_s = d.tolerance_m_s;
    if (o->scan_step_m_s == 0)
        o->scan_step_m_s = d.scan_step_m_s;
    if (o->flyout.n_range == 0)
        o->flyout.n_range = d.flyout.n_range;
    if (o->flyout.n_altitude == 0)
        o->flyout.n_altitude = d.flyout.n_altitude;
    if (o->flyout.n_elevations == 0)
        o->flyout.n_elevations = d.flyout.n_elevations;
    if (o->flyout.sample_dt_s == 0)
        o->flyout.sample_dt_s = d.flyout.sample_dt_s;
    if (!(o->speed_lo_m_s > 0 && o->speed_hi_m_s > o->speed_lo_m_s &&
          isfinite(o->speed_hi_m_s)))
        return bmd_error_set(err, BMD_EINVAL, "required speed: bracket [%g, %g] m/s must satisfy "
                             "0 < low < high", o->speed_lo_m_s, o->speed_hi_m_s);
    if (!(o->tolerance_m_s > 0 && isfinite(o->tolerance_m_s)))
        return bmd_error_set(err, BMD_EINVAL, "required speed: tolerance %g m/s must be > 0",
                             o->tolerance_m_s);
    if (!(o->scan_step_m_s >= o->tolerance_m_s && isfinite(o->scan_step_m_s)))
        return bmd_error_set(err, BMD_EINVAL, "required speed: scan step %g m/s must be finite "
                             "and at least the tolerance (%g m/s)", o->scan_step_m_s,
                             o->tolerance_m_s);
    return BMD_SUCCESS;
}

/* What every trial of one search shares. */
typedef struct speed_ctx {
    const bmd_earth *earth;
    const bmd_threat *threat;
    const bmd_defense_site *site;
    const bmd_timeline *tl;
    const bmd_engage_options *opt;
    const bmd_interceptor *base;
    const bmd_flyout_options *fo;
    bmd_speed_cache *cache;
    bmd_required_speed *out; /* counts n_tables, n_fans_flown; NULL: not counted */
    bmd_error *err;
} speed_ctx;

/* One trial: the table at speed v (its fan from the cache when there) and engage. */
static int trial(const speed_ctx *c, double v, bmd_engagement *e)
{
    bmd_interceptor ic = *c->base;
    ic.burnout_speed_m_s = v;
    bmd_flyout tab;
    memset(&tab, 0, sizeof tab);
    int flown = 0;
    int st = bmd_eng_speed_table(c->cache, c->earth, &ic, c->fo, &tab, &flown, c->err);
    if (c->out) {
        c->out->n_tables++;
        c->out->n_fans_flown += flown;
    }
    if (!st) {
        bmd_defense_site s = *c->site;
        s.flyout = &tab;
        st = bmd_engage(c->earth, c->threat, &s, c->tl, c->opt, e, c->err);
    }
    bmd_flyout_free(&tab);
    return st;
}

/* The burnout speed of the site's own interceptor: a notional one's, else the fastest state of
 * its table (a staged rocket's largest speed). NAN when unknown. */
static double site_speed(const bmd_flyout *tab)
{
    if (tab->ic.model == BMD_INTERCEPTOR_NOTIONAL)
        return tab->ic.burnout_speed_m_s;
    double v = NAN;
    const long n = (long)tab->n_range * tab->n_altitude;
    for (long k = 0; tab->speed_m_s && k < n; k++)
        if (tab->speed_m_s[k] > v || (isnan(v) && isfinite(tab->speed_m_s[k])))
            v = tab->speed_m_s[k];
    return v;
}

/* The scan: lo, lo + step, ..., hi (the last step shorter), with the site's own speed inserted
 * in order when it lies inside and off the grid. grid_count: the grid's points; own_inserted:
 * whether own is added; scan_speed: the k-th speed in increasing order. */
static int grid_count(const bmd_required_speed_options *o)
{
    return (int)ceil((o->speed_hi_m_s - o->speed_lo_m_s) / o->scan_step_m_s - 1e-9) + 1;
}

static int own_inserted(const bmd_required_speed_options *o, double own)
{
    if (!(own > o->speed_lo_m_s && own < o->speed_hi_m_s))
        return 0;
    const double steps = (own - o->speed_lo_m_s) / o->scan_step_m_s;
    return fabs(steps - round(steps)) * o->scan_step_m_s > 1e-6;
}

static double scan_speed(const bmd_required_speed_options *o, double own, int k)
{
    const int n = grid_count(o);
    const int has_own = own_inserted(o, own);
    double grid[2];
    for (int j = 0; j < 2; j++) {
        const int i = k - j;
        grid[j] = i < 0 ? -INFINITY
                        : (i >= n - 1 ? o->speed_hi_m_s : o->speed_lo_m_s + i * o->scan_step_m_s);
    }
    if (!has_own)
        return grid[0];
    /* with own inserted: grid points below own keep their index, the rest shift by one */
    if (grid[0] < own)
        return grid[0];
    return grid[1] < own ? own : grid[1];
}

/* The notional copy of the site's interceptor and the table options of every trial. */
static void trial_setup(const bmd_earth *earth, const bmd_threat *threat,
                        const bmd_defense_site *site, const bmd_required_speed_options *o,
                        bmd_interceptor *base, bmd_flyout_options *fo)
{
    bmd_ic_notional_copy(&site->flyout->ic, base);
    *fo = o->flyout;
    if (fo->site.lat_rad == 0 && fo->site.lon_rad == 0 && fo->site.height_m == 0 &&
        fo->site.azimuth_rad == 0)
        fo->site = site->flyout->site;
    fit_grid(earth, threat, site, base, fo);
}

int bmd_engage_at_speed(const bmd_earth *earth, const bmd_threat *threat,
                        const bmd_defense_site *site, const bmd_timeline *tl,
                        const bmd_engage_options *opt, const bmd_required_speed_options *ropt,
                        double speed_m_s, bmd_engagement *out, bmd_error *err)
{
    bmd_required_speed_options o;
    int st = resolve(ropt, &o, err);
    if (st)
        return st;
    if (!earth || !threat || !threat->traj || !site || !site->flyout || !out)
        return bmd_error_set(err, BMD_EINVAL, "engage at speed: the Earth model, a prepared "
                             "threat, a site with a flyout table and the output must be given");
    bmd_interceptor base;
    bmd_flyout_options fo;
    trial_setup(earth, threat, site, &o, &base, &fo);
    const speed_ctx c = {earth, threat, site, tl, opt, &base, &fo, o.reference ? NULL : o.cache,
                         NULL, err};
    return trial(&c, speed_m_s, out);
}

/* Side B (feasible) when the site engages with interceptors of burnout speed v, else side A. */
static int engageable_side(void *ctx, double v, int *side)
{
    bmd_engagement e;
    int st = trial(ctx, v, &e);
    if (st)
        return st;
    *side = e.engageable ? BMD_NUM_SIDE_B : BMD_NUM_SIDE_A;
    return BMD_SUCCESS;
}

int bmd_engage_required_speed(const bmd_earth *earth, const bmd_threat *threat,
                              const bmd_defense_site *site, const bmd_timeline *tl,
                              const bmd_engage_options *opt,
                              const bmd_required_speed_options *ropt, bmd_required_speed *out,
                              bmd_error *err)
{
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "required speed: the output must be given");
    memset(out, 0, sizeof *out);
    out->speed_m_s = NAN;
    out->site_speed_m_s = NAN;
    bmd_required_speed_options o;
    int st = resolve(ropt, &o, err);
    if (st)
        return st;
    /* bmd_engage checks the rest; check what is used before it here. */
    if (!earth || !threat || !threat->traj || !site || !site->flyout)
        return bmd_error_set(err, BMD_EINVAL, "required speed: the Earth model, a prepared "
                             "threat and a site with a flyout table must be given");
    /* The site's own interceptor: when it engages, the answer is at most its speed. */
    bmd_engagement e;
    if ((st = bmd_engage(earth, threat, site, tl, opt, &e, err)))
        return st;
    out->site_engages = e.engageable;
    out->site_speed_m_s = site_speed(site->flyout);
    if (e.reason == BMD_ENGAGE_NOT_SEEN) { /* never detected: no speed helps */
        out->reason_at_hi = e.reason;
        return BMD_SUCCESS;
    }
    bmd_interceptor base;
    bmd_flyout_options fo;
    trial_setup(earth, threat, site, &o, &base, &fo);
    const speed_ctx c = {earth, threat, site, tl, opt, &base, &fo, o.reference ? NULL : o.cache,
                         out, err};
    if (!o.reference && !out->site_engages && bmd_engage_fcr_never(earth, threat, site, opt)) {
        /* The FCR never sees it: bmd_engage says no at every speed whatever the table (nor does
         * the site's own engage), so the scan below would end with nothing found and the reason
         * of its last trial, at speed_hi. Run that trial only. */
        out->fcr_never = 1;
        if ((st = trial(&c, o.speed_hi_m_s, &e)))
            return st;
        out->reason_at_hi = e.reason;
        return BMD_SUCCESS;
    }

    /* Scan upward for the first feasible speed. */
    const double own = out->site_speed_m_s;
    const int n = grid_count(&o) + own_inserted(&o, own);
    double below = NAN, found = NAN;
    for (int k = 0; k < n; k++) {
        const double v = scan_speed(&o, own, k);
        if ((st = trial(&c, v, &e)))
            return st;
        if (e.engageable) {
            found = v;
            break;
        }
        below = v;
        out->reason_at_hi = e.reason;
    }
    if (isnan(found)) {
        if (out->site_engages) { /* the notional copies never engage; the site's own does */
            out->possible = 1;
            out->from_site = 1;
            out->speed_m_s = own;
        }
        return BMD_SUCCESS;
    }
    out->possible = 1;
    out->reason_at_hi = BMD_ENGAGE_OK;
    if (isnan(below)) {
        out->feasible_at_lo = 1;
        out->speed_m_s = found;
        return BMD_SUCCESS;
    }
    /* Refine inside the step: bisection between an infeasible and a feasible speed. */
    double lo = below, hi = found;
    if ((st = bmd_num_bisect_side(engageable_side, (void *)&c, &lo, &hi, INT_MAX,
                                  o.tolerance_m_s, NULL)))
        return st;
    out->speed_m_s = hi;
    if (out->site_engages && !(hi <= own)) { /* feasible only above the site's own speed */
        out->from_site = 1;
        out->speed_m_s = own;
    }
    return BMD_SUCCESS;
}
