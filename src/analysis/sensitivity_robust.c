/* One-at-a-time sensitivity (tornado), the adverse corner, the launch-on rules and the label of a
 * pair (bmd/sensitivity.h; definitions in docs/robustness.md). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "analysis/sensitivity_internal.h"

const char *bmd_sens_metric_name(bmd_sens_metric m)
{
    switch (m) {
    case BMD_SENS_METRIC_SHOTS: return "shots";
    case BMD_SENS_METRIC_MARGIN: return "margin_m_s";
    case BMD_SENS_METRIC_ALTITUDE: return "earliest_altitude_m";
    }
    return "unknown";
}

int bmd_sens_metric_parse(const char *name, bmd_sens_metric *m, bmd_error *err)
{
    for (int i = 0; i < 3; i++)
        if (name && strcasecmp(name, bmd_sens_metric_name((bmd_sens_metric)i)) == 0) {
            *m = (bmd_sens_metric)i;
            return BMD_SUCCESS;
        }
    return bmd_error_set(err, BMD_EINVAL, "metric '%s' must be one of shots, margin_m_s, "
                         "earliest_altitude_m", name ? name : "(null)");
}

double bmd_sens_metric_value(const bmd_sens_outcome *o, bmd_sens_metric m)
{
    switch (m) {
    case BMD_SENS_METRIC_SHOTS:
        return o->verdict == BMD_SENS_UNREACHABLE || o->verdict == BMD_SENS_NOT_FLOWN
                   ? NAN
                   : (double)o->shot_opportunities;
    case BMD_SENS_METRIC_MARGIN: return o->margin_m_s;
    case BMD_SENS_METRIC_ALTITUDE: return o->earliest_altitude_m;
    }
    return NAN;
}

const char *bmd_robust_label_name(bmd_robust_label l)
{
    switch (l) {
    case BMD_ROBUST: return "robust";
    case BMD_FRAGILE: return "fragile";
    case BMD_ASSUMPTION_DEPENDENT: return "assumption-dependent";
    }
    return "unknown";
}

void bmd_robustness_free(bmd_robustness *r)
{
    if (!r)
        return;
    free(r->rows);
    memset(r, 0, sizeof *r);
}

/* Whether two models of the same pair have the same inputs. */
static int same_inputs(const bmd_analysis_sens_model *a, const bmd_analysis_sens_model *b)
{
    return memcmp(&a->missile, &b->missile, sizeof a->missile) == 0 && a->rcs_m2 == b->rcs_m2 &&
           memcmp(&a->ic, &b->ic, sizeof a->ic) == 0 && a->n_radars == b->n_radars &&
           memcmp(a->radars, b->radars, (size_t)a->n_radars * sizeof a->radars[0]) == 0 &&
           a->n_ir == b->n_ir && memcmp(a->ir, b->ir, (size_t)a->n_ir * sizeof a->ir[0]) == 0 &&
           a->has_fcr == b->has_fcr && (!a->has_fcr || memcmp(&a->fcr, &b->fcr,
                                                               sizeof a->fcr) == 0) &&
           memcmp(&a->tl, &b->tl, sizeof a->tl) == 0 && a->eopt.launch_on == b->eopt.launch_on &&
           a->eopt.require_fcr_coverage == b->eopt.require_fcr_coverage;
}

/* Evaluate the pair with n parameters set (paths[i] = values[i]) on a copy of the scenario.
 * *unchanged (may be NULL) gets 1 when no input of the pair changed (then out is the nominal). */
static int eval_with(const bmd_analysis *an, int ti, int si, const bmd_sens_options *opt,
                     const bmd_analysis_sens_model *nominal, const char *const *paths,
                     const double *values, int n, bmd_sens_outcome *out, int *unchanged,
                     bmd_error *err)
{
    bmd_scenario copy;
    bmd_scenario_init(&copy);
    int st = bmd_param_scenario_copy(an->scn, &copy, err);
    for (int i = 0; !st && i < n; i++)
        st = bmd_param_apply(&copy, paths[i], values[i], err);
    bmd_analysis_sens_model m;
    memset(&m, 0, sizeof m);
    if (!st)
        st = bmd_analysis_sens_model_init(&m, an, &copy, ti, si, opt, err);
    if (!st) {
        const int same = same_inputs(&m, nominal);
        if (unchanged)
            *unchanged = same;
        if (!same || !unchanged)
            st = bmd_analysis_sens_model_eval(&m, out, err);
    }
    bmd_analysis_sens_model_free(&m);
    bmd_scenario_free(&copy);
    return st;
}

/* Toward a change of verdict: a lower metric when engageable, a higher one when not. */
static int adverse_is_low(const bmd_tornado_row *r, bmd_sens_verdict nominal)
{
    if (r->flips_low != r->flips_high)
        return r->flips_low;
    const double lo = isnan(r->metric_low) ? -INFINITY : r->metric_low;
    const double hi = isnan(r->metric_high) ? -INFINITY : r->metric_high;
    return nominal == BMD_SENS_ENGAGEABLE ? lo <= hi : lo >= hi;
}

static int row_cmp(const void *pa, const void *pb)
{
    const bmd_tornado_row *a = pa, *b = pb;
    const int fa = a->flips_low || a->flips_high, fb = b->flips_low || b->flips_high;
    if (fa != fb)
        return fb - fa;
    if (a->swing != b->swing)
        return a->swing < b->swing ? 1 : -1;
    return strcmp(a->path, b->path);
}

/* The band of a threshold's parameter in set: its path, or the path without [NAME]. */
static void threshold_band(const bmd_param_set *set, const bmd_analysis *an, int ti,
                           bmd_threshold *th)
{
    if (!set)
        return;
    char path[BMD_PARAM_PATH_MAX];
    snprintf(path, sizeof path, "%s", th->path);
    if (th->kind == BMD_THRESHOLD_BURN_TIME) /* the first stage's band, scaled to the total */
        snprintf(path, sizeof path, "missile[%s].stages[0].burn_time_s",
                 an->scn->threats[ti].missile.name);
    int i = bmd_param_set_find(set, path);
    if (i < 0) {
        char *br = strchr(path, '['), *close = br ? strchr(br, ']') : NULL;
        if (br && close)
            memmove(br, close + 1, strlen(close + 1) + 1);
        i = bmd_param_set_find(set, path);
    }
    if (i < 0)
        return;
    const bmd_dist *d = &set->items[i].dist;
    double lo = d->low, hi = d->high;
    if (th->kind == BMD_THRESHOLD_BURN_TIME) {
        const double b0 = an->scn->threats[ti].entry->missile.stages[0].burn_time_s;
        if (!(b0 > 0))
            return;
        lo *= th->nominal / b0;
        hi *= th->nominal / b0;
    }
    th->has_band = 1;
    th->band_low = lo;
    th->band_high = hi;
    th->inside_band = (th->status == BMD_THRESHOLD_FOUND || th->status == BMD_THRESHOLD_MULTIPLE) &&
                      th->value >= lo && th->value <= hi;
}

/* Append to the reason. */
static void say(bmd_robustness *r, const char *text)
{
    size_t n = strlen(r->reason);
    snprintf(r->reason + n, sizeof r->reason - n, "%s%s", n ? "; " : "", text);
}

static void label(bmd_robustness *r)
{
    char buf[400];
    int dep = 0, fragile = 0;
    for (int k = 0; k < BMD_LAUNCH_ON_COUNT; k++)
        if (r->by_launch_on[k] != r->nominal.verdict) {
            dep = 1;
            snprintf(buf, sizeof buf, "%s with launch on %s", bmd_sens_verdict_name(r->by_launch_on[k]),
                     bmd_launch_on_name((bmd_launch_on)k));
            say(r, buf);
        }
    for (int i = 0; i < r->n_rows; i++) {
        const bmd_tornado_row *w = &r->rows[i];
        if (w->flips_low || w->flips_high) {
            fragile = 1;
            snprintf(buf, sizeof buf, "%s at %s = %.4g %s", bmd_sens_verdict_name(
                         w->flips_low ? w->at_low.verdict : w->at_high.verdict), w->path,
                     w->flips_low ? w->low : w->high, w->unit);
            say(r, buf);
        }
    }
    if (r->corner_evaluated && r->corner.verdict != r->nominal.verdict &&
        r->corner.verdict != BMD_SENS_NOT_FLOWN && !fragile) {
        fragile = 1;
        snprintf(buf, sizeof buf, "%s with every parameter at its adverse band end at once",
                 bmd_sens_verdict_name(r->corner.verdict));
        say(r, buf);
    }
    for (int k = 0; r->has_thresholds && k < BMD_THRESHOLD_COUNT; k++) {
        const bmd_threshold *t = &r->thresholds[k];
        if (t->inside_band) {
            fragile = 1;
            snprintf(buf, sizeof buf, "threshold of %s at %.4g %s inside its band [%.4g, %.4g]",
                     t->path, t->value, t->unit, t->band_low, t->band_high);
            say(r, buf);
        }
    }
    r->label = dep ? BMD_ASSUMPTION_DEPENDENT : (fragile ? BMD_FRAGILE : BMD_ROBUST);
    if (!dep && !fragile)
        say(r, r->n_rows ? "the verdict holds at both ends of every band, at the adverse corner "
                           "and under every launch-on rule"
                         : "the verdict holds under every launch-on rule; no uncertain parameter "
                           "touches this pair");
}

int bmd_sens_robustness(const bmd_analysis *an, int ti, int si, const bmd_param_set *set,
                        bmd_sens_metric metric, int thresholds, const bmd_sens_options *opt,
                        bmd_robustness *out, bmd_error *err)
{
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "robustness: the output must be given");
    memset(out, 0, sizeof *out);
    bmd_sens_options o;
    if (opt)
        o = *opt;
    else
        bmd_sens_options_init(&o);
    if (metric == BMD_SENS_METRIC_MARGIN)
        o.margin = 1;
    out->threat = ti;
    out->site = si;
    out->metric = metric;
    bmd_analysis_sens_model nom;
    int st = bmd_analysis_sens_model_init(&nom, an, an ? an->scn : NULL, ti, si, &o, err);
    if (!st)
        st = bmd_analysis_sens_model_eval(&nom, &out->nominal, err);
    out->launch_on = nom.eopt.launch_on;
    for (int k = 0; !st && k < BMD_LAUNCH_ON_COUNT; k++) {
        bmd_sens_outcome lo;
        st = bmd_sens_evaluate(an, ti, si, k, &o, &lo, err);
        out->by_launch_on[k] = lo.verdict;
    }
    const int n = set ? set->n : 0;
    if (!st && n > 0 && !(out->rows = calloc((size_t)n, sizeof *out->rows)))
        st = bmd_error_set(err, BMD_ENOMEM, "robustness: out of memory for %d rows", n);
    const double m0 = bmd_sens_metric_value(&out->nominal, metric);
    for (int i = 0; !st && i < n; i++) {
        const bmd_param *p = &set->items[i];
        bmd_tornado_row *w = &out->rows[out->n_rows];
        memset(w, 0, sizeof *w);
        snprintf(w->path, sizeof w->path, "%s", p->path);
        snprintf(w->unit, sizeof w->unit, "%s", p->unit);
        w->low = p->dist.low;
        w->high = p->dist.high;
        w->nominal = p->dist.nominal;
        const char *path = p->path;
        int same_lo = 0, same_hi = 0;
        if ((st = eval_with(an, ti, si, &o, &nom, &path, &w->low, 1, &w->at_low, &same_lo, err)) ||
            (st = eval_with(an, ti, si, &o, &nom, &path, &w->high, 1, &w->at_high, &same_hi, err)))
            break;
        if (same_lo && same_hi) {
            out->n_params_unused++;
            continue;
        }
        if (same_lo)
            w->at_low = out->nominal;
        if (same_hi)
            w->at_high = out->nominal;
        w->metric_low = bmd_sens_metric_value(&w->at_low, metric);
        w->metric_high = bmd_sens_metric_value(&w->at_high, metric);
        /* a band end where the threat cannot be aimed gives no verdict: not a flip */
        const int unknown = w->at_low.verdict == BMD_SENS_NOT_FLOWN ||
                            w->at_high.verdict == BMD_SENS_NOT_FLOWN;
        w->flips_low = w->at_low.verdict != out->nominal.verdict &&
                       w->at_low.verdict != BMD_SENS_NOT_FLOWN;
        w->flips_high = w->at_high.verdict != out->nominal.verdict &&
                        w->at_high.verdict != BMD_SENS_NOT_FLOWN;
        if (unknown && !w->flips_low && !w->flips_high)
            w->swing = 0;
        else if (w->flips_low || w->flips_high || isnan(w->metric_low) != isnan(w->metric_high))
            w->swing = INFINITY;
        else if (isnan(w->metric_low))
            w->swing = 0;
        else
            w->swing = fabs(w->metric_high - w->metric_low);
        (void)m0;
        out->n_rows++;
    }
    if (!st && out->n_rows > 0) {
        qsort(out->rows, (size_t)out->n_rows, sizeof *out->rows, row_cmp);
        /* The adverse corner: every parameter at its adverse end, all at once. */
        const char **paths = calloc((size_t)out->n_rows, sizeof *paths);
        double *vals = calloc((size_t)out->n_rows, sizeof *vals);
        if (!paths || !vals) {
            st = bmd_error_set(err, BMD_ENOMEM, "robustness: out of memory");
        } else {
            for (int i = 0; i < out->n_rows; i++) {
                paths[i] = out->rows[i].path;
                vals[i] = adverse_is_low(&out->rows[i], out->nominal.verdict) ? out->rows[i].low
                                                                              : out->rows[i].high;
            }
            st = eval_with(an, ti, si, &o, &nom, paths, vals, out->n_rows, &out->corner, NULL,
                           err);
            out->corner_evaluated = st == BMD_SUCCESS;
        }
        free(paths);
        free(vals);
    }
    for (int k = 0; !st && thresholds && k < BMD_THRESHOLD_COUNT; k++) {
        o.margin = 0;
        st = bmd_sens_threshold(an, ti, si, (bmd_threshold_kind)k, &o, &out->thresholds[k], err);
        if (!st)
            threshold_band(set, an, ti, &out->thresholds[k]);
        out->has_thresholds = 1;
    }
    bmd_analysis_sens_model_free(&nom);
    if (st) {
        bmd_robustness_free(out);
        return st;
    }
    label(out);
    return BMD_SUCCESS;
}
