/* The report's section "How robust is each finding" (bmd/report.h; labels defined in
 * docs/robustness.md): for every evaluated pair its verdict under each launch-on rule (cheap: no
 * flight is repeated); for the pairs nearest a verdict boundary (at most REPORT_ROBUST_MAX_PAIRS,
 * chosen as said below, the section names them and how many were left out) the label, the
 * thresholds and the tornado chart of bmd_sens_robustness. The rest of the pairs: `bmdsim robust
 * SCENARIO.yaml`. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/param.h"
#include "bmd/plot.h"
#include "bmd/sensitivity.h"
#include "report/report_internal.h"

/* At most this many pairs get thresholds and a tornado (each costs a few seconds). */
#define REPORT_ROBUST_MAX_PAIRS 4

/* How near a pair is to a change of verdict (smaller: nearer), from the nominal analysis only:
 * a verdict that changes with the launch-on rule first; then engageable pairs by their time slack
 * (last feasible launch minus earliest launch, s); then pairs too late or seen too late; then
 * pairs outside fire-control radar coverage or below the floor; then the rest (out of reach, never
 * seen); pairs whose threat does not reach its target are not candidates (INFINITY). */
static double nearness(const bmd_analysis_pair *p, const bmd_sens_verdict by_rule[3],
                       bmd_sens_verdict nominal)
{
    for (int k = 0; k < BMD_LAUNCH_ON_COUNT; k++)
        if (by_rule[k] != nominal)
            return -1;
    if (p->status != BMD_ANALYSIS_EVALUATED)
        return INFINITY;
    const bmd_engagement *e = &p->engagement;
    if (e->engageable)
        return fmax(e->launch_last_s - e->launch_earliest_s, 0);
    if (e->reason == BMD_ENGAGE_TOO_LATE || e->reason == BMD_ENGAGE_NOT_SEEN_IN_TIME)
        return 1e6;
    if (e->reason == BMD_ENGAGE_NO_FCR_COVERAGE || e->reason == BMD_ENGAGE_BELOW_FLOOR)
        return 2e6;
    return 3e6; /* out of reach, never seen */
}

/* The per-pair probability table (src/report/report_probability.c) and the coverage-probability
 * map (src/report/report_uncertainty.c) after the labels. */
static int coverage_probability_hook(const bmd_report *r, bmd_strbuf *sb, bmd_error *err)
{
    bmd_rp_probability_table(r, sb);
    return bmd_rp_coverage_probability(r, sb, err);
}

static void threshold_table(const bmd_robustness *x, bmd_strbuf *sb)
{
    bmd_sb_puts(sb, "<table>\n<tr><th>parameter</th><th>nominal</th><th>verdict flips at</th>"
                    "<th>uncertainty band</th><th>what the search found</th></tr>\n");
    for (int k = 0; k < BMD_THRESHOLD_COUNT; k++) {
        const bmd_threshold *t = &x->thresholds[k];
        char a[48], b[48], lo[48], hi[48];
        bmd_rp_num(a, sizeof a, t->nominal, t->nominal >= 100 ? 0 : 1);
        bmd_rp_num(b, sizeof b, t->value, t->value >= 100 ? 0 : 1);
        bmd_sb_puts(sb, "<tr><td>");
        bmd_rp_text(sb, bmd_threshold_kind_name(t->kind));
        bmd_sb_puts(sb, "<br/><code>");
        bmd_rp_text(sb, t->path);
        bmd_sb_puts(sb, "</code></td><td>");
        bmd_rp_textf(sb, "%s %s", a, t->unit);
        bmd_sb_puts(sb, t->inside_band ? "</td><td class=\"no\">" : "</td><td>");
        bmd_rp_textf(sb, "%s %s", b, isfinite(t->value) ? t->unit : "");
        bmd_sb_puts(sb, "</td><td>");
        if (t->has_band) {
            bmd_rp_num(lo, sizeof lo, t->band_low, t->band_low >= 100 ? 0 : 1);
            bmd_rp_num(hi, sizeof hi, t->band_high, t->band_high >= 100 ? 0 : 1);
            bmd_rp_textf(sb, "%s to %s %s%s", lo, hi, t->unit, t->inside_band ? " (inside)" : "");
        } else {
            bmd_sb_puts(sb, "none given");
        }
        bmd_sb_puts(sb, "</td><td class=\"small\">");
        bmd_rp_text(sb, t->note);
        bmd_sb_puts(sb, "</td></tr>\n");
    }
    bmd_sb_puts(sb, "</table>\n");
}

static int pair_detail(const bmd_report *r, const bmd_robustness *x, const char *assumptions,
                       int fig, bmd_strbuf *sb, bmd_error *err)
{
    const bmd_scenario *scn = r->an->scn;
    bmd_sb_puts(sb, "<h3>");
    bmd_rp_textf(sb, "%s against %s: %s, %s", scn->threats[x->threat].name,
                 scn->sites[x->site].name, bmd_sens_verdict_name(x->nominal.verdict),
                 bmd_robust_label_name(x->label));
    bmd_sb_puts(sb, "</h3>\n<p>");
    bmd_rp_textf(sb, "Why: %s.", x->reason);
    bmd_sb_puts(sb, "</p>\n");
    threshold_table(x, sb);
    if (x->n_rows < 1) {
        bmd_sb_puts(sb, "<p>No uncertain parameter touches this pair: no tornado.</p>\n");
        return BMD_SUCCESS;
    }
    char *svg = NULL;
    int st = bmd_plot_robustness_tornado_svg(x, scn, 12, assumptions, &svg, err);
    if (st)
        return st;
    bmd_sb_puts(sb, "<figure class=\"robust\">\n");
    bmd_rp_svg(sb, svg, fig);
    free(svg);
    bmd_sb_puts(sb, "<figcaption>");
    bmd_rp_textf(sb, "One parameter at a time at the low and high end of its band, everything "
                 "else nominal (%d parameters; %d more do not touch this pair). With every "
                 "parameter at its adverse end at once: %s.", x->n_rows, x->n_params_unused,
                 x->corner_evaluated ? bmd_sens_verdict_name(x->corner.verdict) : "not computed");
    bmd_sb_puts(sb, "</figcaption>\n</figure>\n");
    return BMD_SUCCESS;
}

int bmd_rp_robustness(const bmd_report *r, bmd_strbuf *sb, bmd_error *err)
{
    const bmd_analysis *an = r->an;
    const bmd_scenario *scn = an->scn;
    const int n = an->n_threats * an->n_sites;
    bmd_sens_options opt;
    bmd_sens_options_init(&opt);
    opt.n_scan = 8; /* the report's budget: 8 scan points per threshold */
    bmd_sens_verdict(*by)[BMD_LAUNCH_ON_COUNT] = calloc((size_t)(n > 0 ? n : 1), sizeof *by);
    bmd_sens_verdict *nominal = calloc((size_t)(n > 0 ? n : 1), sizeof *nominal);
    double *near = calloc((size_t)(n > 0 ? n : 1), sizeof *near);
    bmd_robustness *x = calloc(REPORT_ROBUST_MAX_PAIRS, sizeof *x);
    int pick[REPORT_ROBUST_MAX_PAIRS], n_pick = 0, n_candidates = 0;
    bmd_param_set set = {0};
    int st = by && nominal && near && x ? BMD_SUCCESS
                                        : bmd_error_set(err, BMD_ENOMEM, "robustness section: "
                                                        "out of memory");
    for (int i = 0; !st && i < n; i++) {
        const bmd_analysis_pair *p = &an->pairs[i];
        near[i] = INFINITY;
        if (p->status == BMD_ANALYSIS_NO_INTERCEPTORS)
            continue;
        nominal[i] = p->status == BMD_ANALYSIS_THREAT_UNREACHABLE ? BMD_SENS_UNREACHABLE
                     : p->engagement.engageable                  ? BMD_SENS_ENGAGEABLE
                                                                  : BMD_SENS_NOT_ENGAGEABLE;
        for (int k = 0; !st && k < BMD_LAUNCH_ON_COUNT; k++) {
            bmd_sens_outcome o;
            if (p->status == BMD_ANALYSIS_THREAT_UNREACHABLE)
                o.verdict = BMD_SENS_UNREACHABLE;
            else
                st = bmd_sens_evaluate(an, p->threat, p->site, k, &opt, &o, err);
            by[i][k] = o.verdict;
        }
        near[i] = nearness(p, by[i], nominal[i]);
        n_candidates += isfinite(near[i]);
    }
    /* the nearest pairs, in order */
    while (!st && n_pick < REPORT_ROBUST_MAX_PAIRS) {
        int best = -1;
        for (int i = 0; i < n; i++) {
            int taken = 0;
            for (int j = 0; j < n_pick; j++)
                taken |= pick[j] == i;
            if (!taken && isfinite(near[i]) && (best < 0 || near[i] < near[best]))
                best = i;
        }
        if (best < 0)
            break;
        pick[n_pick++] = best;
    }
    if (!st)
        st = bmd_param_set_from_scenario(scn, &set, err);
    for (int j = 0; !st && j < n_pick; j++)
        st = bmd_sens_robustness(an, an->pairs[pick[j]].threat, an->pairs[pick[j]].site, &set,
                                 BMD_SENS_METRIC_SHOTS, 1, &opt, &x[j], err);
    if (!st) {
        bmd_engagement_rules rules;
        char rtext[320], assumptions[400];
        bmd_scenario_rules(scn, -1, &rules);
        rules.launch_on = an->opt.engage.launch_on;
        rules.require_fcr_coverage = an->opt.engage.require_fcr_coverage;
        snprintf(assumptions, sizeof assumptions, "%s",
                 bmd_engagement_rules_describe(&rules, rtext, sizeof rtext));
        bmd_sb_puts(sb, "<h2 id=\"robustness\">How robust is each finding</h2>\n<p>A finding "
                        "is <b>robust</b> when its verdict holds at both ends of the band of every "
                        "uncertain parameter (one at a time, and all at their adverse ends at "
                        "once), no threshold lies inside a band, and every launch-on rule gives "
                        "the same verdict; <b>fragile</b> when it flips inside a band (the "
                        "parameter is named); <b>assumption-dependent</b> when it flips with the "
                        "launch-on rule (docs/robustness.md). ");
        bmd_rp_textf(sb, "Assumptions: %s. The %d uncertain parameters are the catalogue's "
                     "low/high bands and the scenario's uncertain: entries.", assumptions, set.n);
        bmd_sb_puts(sb, "</p>\n<table>\n<tr><th>threat</th><th>site</th><th>verdict</th>");
        for (int k = 0; k < BMD_LAUNCH_ON_COUNT; k++) {
            bmd_sb_puts(sb, "<th>launch on ");
            bmd_rp_text(sb, bmd_launch_on_name((bmd_launch_on)k));
            bmd_sb_puts(sb, "</th>");
        }
        bmd_sb_puts(sb, "<th>label</th></tr>\n");
        for (int i = 0; i < n; i++) {
            const bmd_analysis_pair *p = &an->pairs[i];
            if (p->status == BMD_ANALYSIS_NO_INTERCEPTORS)
                continue;
            const char *label = "not examined";
            for (int j = 0; j < n_pick; j++)
                if (pick[j] == i)
                    label = bmd_robust_label_name(x[j].label);
            int dep = 0;
            for (int k = 0; k < BMD_LAUNCH_ON_COUNT; k++)
                dep |= by[i][k] != nominal[i];
            if (dep)
                label = bmd_robust_label_name(BMD_ASSUMPTION_DEPENDENT);
            bmd_sb_puts(sb, "<tr><td>");
            bmd_rp_text(sb, scn->threats[p->threat].name);
            bmd_sb_puts(sb, "</td><td>");
            bmd_rp_text(sb, scn->sites[p->site].name);
            bmd_sb_puts(sb, "</td><td>");
            bmd_rp_text(sb, bmd_sens_verdict_name(nominal[i]));
            for (int k = 0; k < BMD_LAUNCH_ON_COUNT; k++) {
                bmd_sb_puts(sb, by[i][k] == BMD_SENS_ENGAGEABLE ? "</td><td class=\"yes\">"
                                                                 : "</td><td class=\"no\">");
                bmd_rp_text(sb, bmd_sens_verdict_name(by[i][k]));
            }
            bmd_sb_puts(sb, "</td><td>");
            bmd_rp_text(sb, label);
            bmd_sb_puts(sb, "</td></tr>\n");
        }
        bmd_sb_puts(sb, "</table>\n<p>");
        bmd_rp_textf(sb, "Thresholds and tornado charts are computed for the %d pair%s nearest a "
                     "change of verdict (of %d candidates: first those whose verdict changes "
                     "with the launch-on rule, then engageable pairs by their launch-time slack, "
                     "then pairs too late, outside fire-control radar coverage or below the floor, "
                     "then the rest; pairs whose threat does not reach its target are not "
                     "candidates), to keep the report fast. Every pair: bmdsim robust %s.",
                     n_pick, n_pick == 1 ? "" : "s", n_candidates, scn->path);
        bmd_sb_puts(sb, "</p>\n");
        for (int j = 0; !st && j < n_pick; j++)
            st = pair_detail(r, &x[j], assumptions, 200 + j, sb, err);
        if (!st)
            st = coverage_probability_hook(r, sb, err);
    }
    for (int j = 0; x && j < REPORT_ROBUST_MAX_PAIRS; j++)
        bmd_robustness_free(&x[j]);
    bmd_param_set_free(&set);
    free(x);
    free(by);
    free(nominal);
    free(near);
    return st;
}
