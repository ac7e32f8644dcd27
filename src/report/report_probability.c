/* The report's per-pair probability table (bmd/report.h): the Monte Carlo of the report's
 * analysis once per launch-on rule (bmd_mc_run), shown in the section "How robust is each
 * finding" with P(>= 1) and P(>= 2) shot opportunities and their 95 % Wilson intervals, the
 * quantiles of the earliest intercept's altitude and time, the most influential parameters
 * (first-order index), the run's N, sampler and seed and every varied parameter with its band
 * and source; findings whose probability is neither about 0 nor about 1 are listed in words. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/param.h"
#include "report/report_internal.h"

/* The words name a parameter only when its first-order index reaches this: with the report's
 * few samples smaller indices are mostly estimator noise (seen: 0.25 for a parameter of another
 * threat's missile with 8 samples). The table shows every index. */
#define REPORT_S1_NAMED 0.5

void bmd_report_wilson95(double p, long n, double *lo, double *hi)
{
    if (n <= 0 || !isfinite(p)) {
        *lo = 0, *hi = 1;
        return;
    }
    const double z = 1.959963984540054, z2 = z * z, nn = (double)n;
    const double den = 1 + z2 / nn, centre = (p + z2 / (2 * nn)) / den;
    const double half = z * sqrt(p * (1 - p) / nn + z2 / (4 * nn * nn)) / den;
    *lo = fmax(0, centre - half);
    *hi = fmin(1, centre + half);
    if (p <= 0)
        *lo = 0;
    if (p >= 1)
        *hi = 1;
}

const char *bmd_report_probability_reading(double p, long n)
{
    if (p >= 1)
        return "always";
    if (p <= 0)
        return "never";
    double lo, hi;
    bmd_report_wilson95(p, n, &lo, &hi);
    if (lo >= 0.95)
        return "almost always";
    if (hi <= 0.05)
        return "almost never";
    return "uncertain";
}

void bmd_report_probabilities_free(bmd_report_probabilities *p)
{
    if (!p)
        return;
    for (int k = 0; k < BMD_LAUNCH_ON_COUNT; k++)
        bmd_mc_free(&p->runs[k]);
    memset(p, 0, sizeof *p);
}

int bmd_report_probabilities_run(const bmd_analysis *an, const bmd_param_set *set,
                                 const bmd_mc_options *opt, bmd_report_probabilities *out,
                                 bmd_error *err)
{
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "report probabilities: no output (NULL)");
    memset(out, 0, sizeof *out);
    if (!an || !an->scn || !opt)
        return bmd_error_set(err, BMD_EINVAL, "report probabilities: no analysis or options "
                             "(NULL)");
    out->scn = an->scn;
    bmd_param_set own = {0};
    int st = BMD_SUCCESS;
    if (!set) {
        st = bmd_param_set_from_scenario(an->scn, &own, err);
        set = &own;
    }
    const int varied = !st && bmd_param_set_find(set, "rules.launch_on") >= 0;
    out->n_runs = varied ? 1 : BMD_LAUNCH_ON_COUNT;
    if (!st && !varied) { /* every rule from one run: each sample flies its threats once */
        bmd_mc_options o = *opt;
        o.analysis = an->opt;
        o.analysis.required_speed = 0;
        o.analysis.flights_from = NULL;
        o.analysis.flyouts_from = NULL;
        o.analysis.rules_from_scenario = 0;
        bmd_launch_on rules[BMD_LAUNCH_ON_COUNT];
        for (int k = 0; k < BMD_LAUNCH_ON_COUNT; k++)
            rules[k] = (bmd_launch_on)k, out->launch_on[k] = k;
        bmd_error e;
        bmd_error_clear(&e);
        if ((st = bmd_mc_run_rules(an->scn, set, &o, rules, BMD_LAUNCH_ON_COUNT, out->runs, &e)))
            bmd_error_set(err, st, "report probabilities: %s", e.message);
    }
    for (int k = 0; !st && varied && k < out->n_runs; k++) {
        bmd_mc_options o = *opt;
        o.analysis = an->opt;
        o.analysis.required_speed = 0;
        o.analysis.flights_from = NULL;
        o.analysis.flyouts_from = NULL;
        if (varied) {
            /* each sample's own rule: the scenario's rules with the sampled launch_on */
            o.analysis.rules_from_scenario = 1;
            out->launch_on[k] = -1;
        } else {
            /* an->opt holds the rules the analysis resolved: keep them, change the rule only */
            o.analysis.rules_from_scenario = 0;
            o.analysis.engage.launch_on = (bmd_launch_on)k;
            out->launch_on[k] = k;
        }
        bmd_error e;
        bmd_error_clear(&e);
        if ((st = bmd_mc_run(an->scn, set, &o, &out->runs[k], &e)))
            bmd_error_set(err, st, "report probabilities, launch on %s: %s",
                          varied ? "varied" : bmd_launch_on_name((bmd_launch_on)k), e.message);
    }
    bmd_param_set_free(&own);
    if (st)
        bmd_report_probabilities_free(out);
    return st;
}

int bmd_report_add_probabilities(bmd_report *report, const bmd_report_probabilities *p,
                                 bmd_error *err)
{
    if (!report)
        return bmd_error_set(err, BMD_EINVAL, "report probabilities: no report (NULL)");
    for (int k = 0; p && k < p->n_runs; k++)
        if (p->runs[k].n_threats != report->an->n_threats ||
            p->runs[k].n_sites != report->an->n_sites)
            return bmd_error_set(err, BMD_EINVAL, "report probabilities: %d threats x %d sites, "
                                 "the report's analysis has %d x %d (another scenario)",
                                 p->runs[k].n_threats, p->runs[k].n_sites, report->an->n_threats,
                                 report->an->n_sites);
    report->prob = p;
    return BMD_SUCCESS;
}

static const char *rule_name(const bmd_report_probabilities *p, int k)
{
    return p->launch_on[k] < 0 ? "varied" : bmd_launch_on_name((bmd_launch_on)p->launch_on[k]);
}

/* The indices of the two most influential parameters of pair q in run x (-1: none). */
static void top_two(const bmd_mc_result *x, int q, int best[2])
{
    best[0] = best[1] = -1;
    const int np = x->params.n;
    for (int k = 0; k < np; k++) {
        double s = x->s1[q * np + k];
        if (!isfinite(s) || s <= 0)
            continue;
        if (best[0] < 0 || s > x->s1[q * np + best[0]]) {
            best[1] = best[0];
            best[0] = k;
        } else if (best[1] < 0 || s > x->s1[q * np + best[1]]) {
            best[1] = k;
        }
    }
}

static void prob_cell(bmd_strbuf *sb, double p, long n)
{
    double lo, hi;
    bmd_report_wilson95(p, n, &lo, &hi);
    const char *reading = bmd_report_probability_reading(p, n);
    bmd_sb_puts(sb, strcmp(reading, "uncertain") == 0 ? "<td class=\"no\">" : "<td>");
    bmd_rp_textf(sb, "%.0f %% [%.0f, %.0f]", 100 * p, 100 * lo, 100 * hi);
    bmd_sb_puts(sb, "</td>");
}

/* Median [5 %, 95 %] of q (in metric_unit after scale), in the report's units. */
static void quantile_cell(const bmd_report *r, bmd_strbuf *sb, const double *q, double scale,
                          const char *metric_unit)
{
    bmd_sb_puts(sb, "<td>");
    if (isfinite(q[2])) {
        char a[64], b[64], c[64];
        bmd_rp_qty_num(r, a, sizeof a, q[2] * scale, metric_unit, 0);
        bmd_rp_qty_num(r, b, sizeof b, q[0] * scale, metric_unit, 0);
        bmd_rp_qty_num(r, c, sizeof c, q[4] * scale, metric_unit, 0);
        bmd_rp_textf(sb, "%s [%s, %s]", a, b, c);
    } else
        bmd_sb_puts(sb, "-");
    bmd_sb_puts(sb, "</td>");
}

static void influence_cell(bmd_strbuf *sb, const bmd_mc_result *x, int q)
{
    int best[2];
    top_two(x, q, best);
    bmd_sb_puts(sb, "<td class=\"small\">");
    if (best[0] < 0)
        bmd_sb_puts(sb, "-");
    for (int j = 0; j < 2 && best[j] >= 0; j++) {
        bmd_sb_puts(sb, j ? "<br/><code>" : "<code>");
        bmd_rp_text(sb, x->params.items[best[j]].path);
        bmd_sb_printf(sb, "</code> %.2f", x->s1[q * x->params.n + best[j]]);
    }
    bmd_sb_puts(sb, "</td>");
}

static void run_header(const bmd_report *r, const bmd_report_probabilities *p, bmd_strbuf *sb)
{
    const bmd_mc_result *x = &p->runs[0];
    const bmd_scenario *scn = r->an->scn;
    bmd_sb_puts(sb, "<h3 id=\"probabilities\">Probabilities per pair</h3>\n<p>");
    bmd_rp_textf(sb, "Monte Carlo: %ld samples per launch-on rule, %s sampler (%s), seed %llu; "
                 "each sample draws every uncertain parameter below, flies the threats and "
                 "evaluates every pair with the engagement rules of the findings above (required "
                 "speeds not searched). P(>=1), P(>=2): the fraction of samples with at "
                 "least one / two shot opportunities, with its 95 %% Wilson interval in brackets "
                 "(with %ld samples a probability is a multiple of %.3f). Altitude and time: the "
                 "earliest intercept, median [5 %%, 95 %%] over the samples that engage. Most "
                 "influential: the first-order Sobol index of 'at least one shot' for the "
                 "parameter (the share of the variance it explains alone, estimated from the same "
                 "samples; '-' when the verdict never changes; with few samples an index below "
                 "about 0.5 may be noise). Reading: always / never (every "
                 "sample agrees), almost always / almost never (the interval within 5 points of "
                 "100 %% / 0 %%), uncertain (anything else).",
                 x->n, bmd_sampler_name(x->sampler), bmd_sampler_meaning(x->sampler),
                 (unsigned long long)x->seed, x->n, 1.0 / (double)x->n);
    bmd_sb_puts(sb, "</p>\n<p>");
    char design[400];
    bmd_rp_textf(sb, "Design: %s.", bmd_mc_design_text(x, design, sizeof design));
    bmd_sb_puts(sb, "</p>\n<p>");
    bmd_rp_textf(sb, "Parameters varied (%d)%s", x->params.n,
                 x->params.n ? ":" : ": none, so every sample is the nominal scenario.");
    bmd_sb_puts(sb, "</p>\n");
    if (x->params.n) {
        bmd_sb_puts(sb, "<ul class=\"small\">\n");
        for (int k = 0; k < x->params.n; k++) {
            char text[700];
            bmd_sb_puts(sb, "<li>");
            bmd_rp_text(sb, bmd_param_describe(&x->params.items[k], text, sizeof text));
            bmd_sb_puts(sb, "</li>\n");
        }
        bmd_sb_puts(sb, "</ul>\n");
    }
    bmd_sb_puts(sb, "<p>");
    char draws[64] = "";
    if (x->threat_draws > 0 && x->threat_draws < x->n)
        snprintf(draws, sizeof draws, " --threat-draws %ld", x->threat_draws);
    bmd_rp_textf(sb, "Reproduce one rule's numbers: bmdsim engage %s --samples %ld --seed %llu "
                 "--sampler %s%s --no-required-speed (with the scenario's launch-on rule; every "
                 "--vary given to the report as well).", scn->path, x->n,
                 (unsigned long long)x->seed, bmd_sampler_name(x->sampler), draws);
    bmd_sb_puts(sb, "</p>\n");
}

static void table(const bmd_report *r, const bmd_report_probabilities *p, bmd_strbuf *sb)
{
    const bmd_scenario *scn = r->an->scn;
    bmd_sb_puts(sb, "<table class=\"probabilities\">\n<tr><th>threat</th><th>site</th>"
                    "<th>launch on</th><th>nominal shots</th><th>P(&gt;=1) [95 %]</th>"
                    "<th>P(&gt;=2) [95 %]</th>");
    bmd_rp_textf(sb, "<th>intercept altitude %s</th>", bmd_rp_unit(r, "km"));
    bmd_sb_puts(sb, "<th>intercept time s</th><th>most influential (S1)</th><th>reading</th>"
                    "<th>samples evaluated</th></tr>\n");
    const bmd_mc_result *x0 = &p->runs[0];
    for (int q = 0; q < x0->n_pairs; q++) {
        const bmd_analysis_pair *ap = &r->an->pairs[q];
        if (ap->status == BMD_ANALYSIS_NO_INTERCEPTORS)
            continue;
        for (int k = 0; k < p->n_runs; k++) {
            const bmd_mc_result *x = &p->runs[k];
            const bmd_mc_pair *mp = &x->pairs[q];
            bmd_sb_puts(sb, "<tr>");
            if (k == 0) {
                bmd_sb_printf(sb, "<td rowspan=\"%d\">", p->n_runs);
                bmd_rp_text(sb, scn->threats[mp->threat].name);
                bmd_sb_printf(sb, "</td><td rowspan=\"%d\">", p->n_runs);
                bmd_rp_text(sb, scn->sites[mp->site].name);
                bmd_sb_puts(sb, "</td>");
            }
            bmd_sb_puts(sb, "<td>");
            bmd_rp_text(sb, rule_name(p, k));
            bmd_sb_printf(sb, "</td><td>%.0f</td>", mp->nominal_shots);
            prob_cell(sb, mp->p_one, x->n);
            prob_cell(sb, mp->p_two, x->n);
            quantile_cell(r, sb, mp->altitude_q_m, 1e-3, "km");
            quantile_cell(r, sb, mp->time_q_s, 1, "s");
            influence_cell(sb, x, q);
            bmd_sb_puts(sb, "<td>");
            bmd_rp_text(sb, bmd_report_probability_reading(mp->p_one, x->n));
            if (ap->status == BMD_ANALYSIS_THREAT_UNREACHABLE)
                bmd_sb_puts(sb, " (the threat does not reach its target)");
            bmd_sb_printf(sb, "</td><td>%ld of %ld</td></tr>\n", mp->n_evaluated, x->n);
        }
    }
    bmd_sb_puts(sb, "</table>\n");
}

/* The uncertain findings in plain words. */
static void uncertain_list(const bmd_report *r, const bmd_report_probabilities *p, bmd_strbuf *sb)
{
    const bmd_scenario *scn = r->an->scn;
    int count = 0;
    for (int q = 0; q < p->runs[0].n_pairs; q++)
        for (int k = 0; k < p->n_runs; k++) {
            const bmd_mc_result *x = &p->runs[k];
            const bmd_mc_pair *mp = &x->pairs[q];
            if (strcmp(bmd_report_probability_reading(mp->p_one, x->n), "uncertain") != 0)
                continue;
            if (count++ == 0)
                bmd_sb_puts(sb, "<p><b>Uncertain findings</b> (the probability is neither about "
                                "0 nor about 1: the answer depends on values nobody outside "
                                "knows):</p>\n<ul>\n");
            double lo, hi;
            bmd_report_wilson95(mp->p_one, x->n, &lo, &hi);
            int best[2];
            top_two(x, q, best);
            bmd_sb_puts(sb, "<li>");
            bmd_rp_textf(sb, "%s can engage %s (launch on %s) in %.0f %% of the samples "
                         "(95 %% interval %.0f to %.0f %%), although the nominal values give "
                         "%s",
                         scn->sites[mp->site].name, scn->threats[mp->threat].name,
                         rule_name(p, k), 100 * mp->p_one, 100 * lo, 100 * hi,
                         mp->nominal_shots >= 1 ? "a shot" : "none");
            if (best[0] >= 0 && x->s1[q * x->params.n + best[0]] >= REPORT_S1_NAMED)
                bmd_rp_textf(sb, "; it hangs most on %s (first-order index %.2f)",
                             x->params.items[best[0]].path,
                             x->s1[q * x->params.n + best[0]]);
            else
                bmd_rp_textf(sb, "; no single parameter explains it at this number of samples "
                             "(no first-order index reaches %.1f)", REPORT_S1_NAMED);
            bmd_sb_puts(sb, ".</li>\n");
        }
    if (count)
        bmd_sb_puts(sb, "</ul>\n");
    else
        bmd_sb_puts(sb, "<p>No finding is uncertain at this number of samples: every "
                        "probability of at least one shot is about 0 or about 1.</p>\n");
}

void bmd_rp_probability_table(const bmd_report *r, bmd_strbuf *sb)
{
    const bmd_report_probabilities *p = r->prob;
    if (!p || p->n_runs < 1) {
        bmd_sb_puts(sb, "<h3 id=\"probabilities\">Probabilities per pair</h3>\n<p>Not computed "
                        "for this report (bmdsim report --samples N gives every pair's "
                        "probability of at least one and two shot opportunities under each "
                        "launch-on rule; --samples 0 skips it).</p>\n");
        return;
    }
    run_header(r, p, sb);
    uncertain_list(r, p, sb);
    table(r, p, sb);
}

/* The text of property key of feature f, or NULL. */
static const char *prop_text(const bmd_scene *sc, int f, const char *key)
{
    for (int i = 0; i < sc->n_props; i++)
        if (sc->props[i].feature == f && sc->props[i].text && strcmp(sc->props[i].key, key) == 0)
            return sc->props[i].text;
    return NULL;
}

static int pair_of(const bmd_scenario *scn, const char *threat, const char *site)
{
    for (int t = 0; t < scn->n_threats; t++)
        for (int s = 0; s < scn->n_sites; s++)
            if (strcmp(scn->threats[t].name, threat) == 0 && strcmp(scn->sites[s].name, site) == 0)
                return t * scn->n_sites + s;
    return -1;
}

/* Properties of one intercept feature f for pair q. */
static int feature_props(const bmd_report_probabilities *p, bmd_scene *sc, int f, int q,
                         const char *params, bmd_error *err)
{
    const bmd_mc_result *x0 = &p->runs[0];
    int st = bmd_scene_set_number(sc, f, "mc_samples", (double)x0->n, err);
    if (!st)
        st = bmd_scene_set_number(sc, f, "mc_seed", (double)x0->seed, err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "mc_sampler", bmd_sampler_name(x0->sampler), err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "mc_parameters", params, err);
    char design[400];
    if (!st)
        st = bmd_scene_set_number(sc, f, "mc_threat_draws", (double)x0->threat_draws, err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "mc_threat_design",
                                bmd_mc_design_text(x0, design, sizeof design), err);
    for (int k = 0; !st && k < p->n_runs; k++) {
        const bmd_mc_result *x = &p->runs[k];
        const bmd_mc_pair *mp = &x->pairs[q];
        char key[96];
        double lo, hi;
        bmd_report_wilson95(mp->p_one, x->n, &lo, &hi);
        const char *rn = rule_name(p, k);
        snprintf(key, sizeof key, "mc_p_at_least_one_shot_%s", rn);
        st = bmd_scene_set_number(sc, f, key, mp->p_one, err);
        snprintf(key, sizeof key, "mc_p_at_least_one_shot_%s_wilson95_low", rn);
        if (!st)
            st = bmd_scene_set_number(sc, f, key, lo, err);
        snprintf(key, sizeof key, "mc_p_at_least_one_shot_%s_wilson95_high", rn);
        if (!st)
            st = bmd_scene_set_number(sc, f, key, hi, err);
        snprintf(key, sizeof key, "mc_p_at_least_two_shots_%s", rn);
        if (!st)
            st = bmd_scene_set_number(sc, f, key, mp->p_two, err);
        snprintf(key, sizeof key, "mc_reading_%s", rn);
        if (!st)
            st = bmd_scene_set_text(sc, f, key, bmd_report_probability_reading(mp->p_one, x->n),
                                    err);
    }
    return st;
}

int bmd_report_probabilities_scene(const bmd_report_probabilities *p, bmd_scene *scene,
                                   bmd_error *err)
{
    if (!p || p->n_runs < 1 || !p->scn || !scene)
        return BMD_SUCCESS;
    char *params = malloc(16384);
    if (!params)
        return bmd_error_set(err, BMD_ENOMEM, "report probabilities: out of memory");
    bmd_mc_params_text(&p->runs[0].params, params, 16384);
    int st = BMD_SUCCESS;
    const int n_props = scene->n_props; /* the features that exist now */
    for (int i = 0; !st && i < n_props; i++) {
        const bmd_scene_property *pr = &scene->props[i];
        if (!pr->text || strcmp(pr->key, "feature") != 0 || strcmp(pr->text, "intercept") != 0)
            continue;
        const int f = pr->feature;
        const char *t = prop_text(scene, f, "threat"), *s = prop_text(scene, f, "site");
        const int q = t && s ? pair_of(p->scn, t, s) : -1;
        if (q >= 0 && q < p->runs[0].n_pairs)
            st = feature_props(p, scene, f, q, params, err);
    }
    free(params);
    return st;
}
