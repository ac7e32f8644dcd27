/* The report's verdicts under each engagement setting side by side (bmd/report.h): for every
 * (threat, site) pair, the verdict as modelled (the site's own radar must see the intercept),
 * engaging on remote, and under the alternative launch-on setting, each column headed by its
 * launch-on setting, delays and radar requirement, so that the reader sees which assumption a
 * finding depends on. */
#include <stdio.h>
#include <string.h>

#include "report/report_internal.h"

int bmd_report_add_setting(bmd_report *report, const bmd_analysis *alt, bmd_error *err)
{
    if (!report || !alt || !alt->pairs)
        return bmd_error_set(err, BMD_EINVAL, "no report or alternative analysis (NULL)");
    if (alt->scn != report->an->scn)
        return bmd_error_set(err, BMD_EINVAL, "the alternative analysis must be of the report's "
                             "scenario");
    report->alt = alt;
    return BMD_SUCCESS;
}

/* The rules an analysis used (the scenario's timeline; sites with their own say so). */
static void rules_of(const bmd_analysis *an, bmd_engagement_rules *r)
{
    bmd_scenario_rules(an->scn, -1, r);
    r->launch_on = an->opt.engage.launch_on;
    r->require_fcr_coverage = an->opt.engage.require_fcr_coverage;
}

/* One verdict cell: "yes, 3 shots" or the reason, and who first detected what: "detected at
 * 102 s by kurecik (an-tpy-2-fbm radar): warhead 0.1 m^2 (notional)". */
static void verdict(const bmd_analysis *an, int i, bmd_strbuf *sb)
{
    const bmd_analysis_pair *p = &an->pairs[i];
    const bmd_engagement *e = &p->engagement;
    if (p->status != BMD_ANALYSIS_EVALUATED) {
        bmd_sb_puts(sb, "<td class=\"no\">");
        bmd_rp_text(sb, bmd_analysis_status_name(p->status));
        bmd_sb_puts(sb, "</td>");
        return;
    }
    if (e->engageable) {
        bmd_sb_printf(sb, "<td class=\"yes\">yes, %d shot%s", e->shot_opportunities,
                  e->shot_opportunities == 1 ? "" : "s");
    } else {
        bmd_sb_puts(sb, "<td class=\"no\">");
        bmd_rp_text(sb, bmd_engage_reason_name(e->reason));
    }
    if (e->detector != BMD_DETECTOR_NONE) {
        char who[2 * BMD_NAME_MAX + 40], what[160];
        bmd_analysis_detector_name(an, p, who, sizeof who);
        if (e->detector == BMD_DETECTOR_IR)
            snprintf(what, sizeof what, "booster plume (infrared; no cross-section)");
        else
            bmd_catalog_warhead_rcs_text(an->scn->threats[p->threat].entry, what, sizeof what);
        bmd_sb_puts(sb, "<br/><span class=\"small\">");
        bmd_rp_textf(sb, "detected at %.0f s by %s: %s", e->detect_s, who, what);
        bmd_sb_puts(sb, "</span>");
    }
    bmd_sb_puts(sb, "</td>");
}

/* The number of engageable pairs, and of evaluated ones (the threat reaches its target and the
 * site has interceptors) in *n_evaluated. */
static int count_yes(const bmd_analysis *an, int *n_evaluated)
{
    int n = 0;
    *n_evaluated = 0;
    for (int i = 0; i < an->n_threats * an->n_sites; i++) {
        const int ev = an->pairs[i].status == BMD_ANALYSIS_EVALUATED;
        *n_evaluated += ev;
        n += ev && an->pairs[i].engagement.engageable;
    }
    return n;
}

void bmd_rp_settings_table(const bmd_report *r, bmd_strbuf *sb)
{
    const bmd_analysis *cols[3];
    int n = 0;
    cols[n++] = r->an;
    if (r->remote)
        cols[n++] = r->remote;
    if (r->alt)
        cols[n++] = r->alt;
    if (n < 2)
        return;
    bmd_sb_puts(sb, "<h2 id=\"settings\">Verdicts under each engagement setting</h2>\n<p>Published "
                "analyses of the European sites differ mainly on when an interceptor may be "
                "launched (on a space-based infrared track while the threat still boosts, or only "
                "after burnout on a radar track), on the delays, and on whether the site's own "
                "radar must see the threat at the intercept. Each column is one setting:</p>\n<ul>\n");
    for (int c = 0; c < n; c++) {
        bmd_engagement_rules rules;
        char text[320];
        rules_of(cols[c], &rules);
        int n_ev, n_yes = count_yes(cols[c], &n_ev);
        bmd_sb_printf(sb, "<li><b>Setting %c</b>: ", 'A' + c);
        bmd_rp_textf(sb, "%s (%s); %d of %d threat-site pairs engageable.",
                 bmd_engagement_rules_describe(&rules, text, sizeof text),
                 bmd_launch_on_meaning(rules.launch_on), n_yes, n_ev);
        bmd_sb_puts(sb, "</li>\n");
    }
    bmd_sb_puts(sb, "</ul>\n<p>Every radar looks for the warhead, with the cross-section of the "
                "threat's catalogue entry: ");
    for (int t = 0; t < r->an->n_threats; t++) {
        const bmd_catalog_missile *m = r->an->scn->threats[t].entry;
        int seen = 0;
        for (int u = 0; u < t && !seen; u++)
            seen = !strcmp(r->an->scn->threats[u].entry->missile.name, m->missile.name);
        if (seen)
            continue;
        char what[160];
        bmd_sb_puts(sb, t ? "; " : "");
        bmd_rp_textf(sb, "%s: %s", m->missile.name, bmd_catalog_warhead_rcs_text(m, what,
                                                                              sizeof what));
    }
    bmd_sb_puts(sb, ". Each cell names the first detection.</p>\n<table class=\"settings\">\n<tr><th>threat</th><th>site</th>");
    for (int c = 0; c < n; c++) {
        bmd_engagement_rules rules;
        rules_of(cols[c], &rules);
        bmd_sb_printf(sb, "<th>%c: ", 'A' + c);
        bmd_rp_textf(sb, "%s, %s", bmd_launch_on_name(rules.launch_on),
                 rules.require_fcr_coverage ? "own radar at intercept" : "engage on remote");
        bmd_sb_puts(sb, "</th>");
    }
    bmd_sb_puts(sb, "</tr>\n");
    const bmd_scenario *scn = r->an->scn;
    for (int i = 0; i < r->an->n_threats * r->an->n_sites; i++) {
        const bmd_analysis_pair *p = &r->an->pairs[i];
        if (scn->sites[p->site].count < 1)
            continue;
        bmd_sb_puts(sb, "<tr><td>");
        bmd_rp_text(sb, scn->threats[p->threat].name);
        bmd_sb_puts(sb, "</td><td>");
        bmd_rp_text(sb, scn->sites[p->site].name);
        bmd_sb_puts(sb, "</td>");
        for (int c = 0; c < n; c++)
            verdict(cols[c], i, sb);
        bmd_sb_puts(sb, "</tr>\n");
    }
    bmd_sb_puts(sb, "</table>\n");
}
