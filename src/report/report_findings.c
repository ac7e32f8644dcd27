/* Findings in plain language (bmd/report.h), generated from the numbers: per threat, what each
 * site can do, under which conditions, and what it would take; and the three-line summary. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bmd/geodesy.h"
#include "report/report_internal.h"

void bmd_rp_short_name(const char *full, const char *fallback, char *buf, size_t n)
{
    const char *cut = full && full[0] ? strstr(full, " (") : NULL;
    if (!full || !full[0])
        snprintf(buf, n, "%s", fallback);
    else if (cut)
        snprintf(buf, n, "%.*s", (int)(cut - full), full);
    else
        snprintf(buf, n, "%s", full);
}

/* Whether a pair can be engaged. */
static int engageable(const bmd_analysis_pair *p)
{
    return p && p->status == BMD_ANALYSIS_EVALUATED && p->engagement.engageable;
}

/* A reason in words, to follow "it cannot engage it: ". */
static const char *reason_words(bmd_engage_reason reason)
{
    switch (reason) {
    case BMD_ENGAGE_NOT_SEEN: return "no sensor of the site sees it";
    case BMD_ENGAGE_NOT_SEEN_IN_TIME:
        return "it is detected too late (it would be reachable had it been seen at launch)";
    case BMD_ENGAGE_OUT_OF_REACH: return "its path stays out of the interceptor's reach";
    case BMD_ENGAGE_BELOW_FLOOR:
        return "it comes within reach only below the interceptor's lowest intercept altitude";
    case BMD_ENGAGE_TOO_LATE:
        return "even if seen at launch, the delays and the interceptor's flight are too long";
    case BMD_ENGAGE_NO_FCR_COVERAGE:
        return "the site's own radar does not see it where an intercept is possible";
    default: return "it cannot be engaged";
    }
}

/* "detected by X at T s; track, decision and launch delays a, b, c s; first launch at L s". */
static void conditions(const bmd_report *r, const bmd_analysis *an, const bmd_analysis_pair *p,
                       bmd_strbuf *sb)
{
    char who[2 * BMD_NAME_MAX + 40];
    bmd_analysis_detector_name(an, p, who, sizeof who);
    (void)r;
    bmd_rp_textf(sb, "Conditions: first detection by %s %.0f s after launch; then %.0f s to a firm "
             "track, %.0f s to decide and %.0f s to launch, so the first interceptor leaves at "
             "%.0f s.", who, p->engagement.detect_s, p->timeline.track_delay_s,
             p->timeline.decision_delay_s, p->timeline.launch_delay_s,
             p->engagement.launch_earliest_s);
}

/* The window of an engageable pair in words. */
static void window_words(const bmd_report *r, const bmd_analysis_pair *p, bmd_strbuf *sb)
{
    const bmd_engagement *e = &p->engagement;
    char a0[32], a1[32];
    bmd_rp_qty_num(r, a0, sizeof a0, e->altitude_min_m / 1e3, "km", 0);
    bmd_rp_qty_num(r, a1, sizeof a1, e->altitude_max_m / 1e3, "km", 0);
    bmd_rp_textf(sb, "intercepts are possible from %.0f to %.0f s after launch (%.1f to %.1f min), "
             "at altitudes of %s to %s %s, with %d shoot-look-shoot opportunit%s",
             e->earliest.t_s, e->latest.t_s, e->earliest.t_s / 60, e->latest.t_s / 60,
             a0, a1, bmd_rp_unit(r, "km"), e->shot_opportunities,
             e->shot_opportunities == 1 ? "y" : "ies");
}

/* What speed a pair would need, in words (empty when not computed). */
static void need_words(const bmd_report *r, const bmd_analysis_pair *p, double has_m_s,
                       bmd_strbuf *sb)
{
    if (!p || !p->has_required_speed)
        return;
    char top[48], need[48], has[48];
    bmd_rp_qty(r, top, sizeof top, 11, "km/s", r->units != BMD_UNITS_METRIC);
    bmd_rp_qty(r, need, sizeof need, p->required.speed_m_s / 1e3, "km/s", 2);
    bmd_rp_qty(r, has, sizeof has, has_m_s / 1e3, "km/s", 2);
    if (!p->required.possible)
        bmd_rp_textf(sb, " No interceptor burnout speed up to %s would do (at %s: %s).", top, top,
                 bmd_engage_reason_name(p->required.reason_at_hi));
    else if (p->required.speed_m_s > has_m_s)
        bmd_rp_textf(sb, " It would need a burnout speed of at least %s; it has %s.", need, has);
    else
        bmd_rp_textf(sb, " A burnout speed of %s would suffice; it has %s.", need, has);
}

/* One site against one threat. */
static void site_finding(const bmd_report *r, int ti, int si, bmd_strbuf *sb)
{
    const bmd_scenario *scn = r->an->scn;
    const bmd_scenario_site *site = &scn->sites[si];
    const bmd_analysis_pair *p = bmd_analysis_pair_at(r->an, ti, si);
    const bmd_analysis_pair *q = r->remote ? bmd_analysis_pair_at(r->remote, ti, si) : NULL;
    char ic[160];
    bmd_rp_short_name(site->interceptor_entry.full_name, site->interceptor_entry.interceptor.name, ic,
               sizeof ic);
    double has = site->interceptor_entry.interceptor.burnout_speed_m_s;
    bmd_sb_puts(sb, "<li class=\"finding\">From <b>");
    bmd_rp_text(sb, site->name);
    bmd_sb_puts(sb, "</b>, ");
    if (p->status == BMD_ANALYSIS_NO_INTERCEPTORS) {
        bmd_sb_puts(sb, "nothing: the site has no interceptors in this scenario.</li>\n");
        return;
    }
    if (engageable(p)) {
        bmd_rp_textf(sb, "the %s <span class=\"yes\">can</span> engage it: ", ic);
        bmd_sb_puts(sb, "");
        window_words(r, p, sb);
        bmd_sb_puts(sb, ". ");
        conditions(r, r->an, p, sb);
        need_words(r, p, has, sb);
    } else if (engageable(q)) {
        bmd_rp_textf(sb, "the %s ", ic);
        bmd_sb_puts(sb, "<span class=\"no\">cannot</span> engage it as modelled (");
        bmd_rp_text(sb, reason_words(p->engagement.reason));
        bmd_sb_puts(sb, "), but <span class=\"yes\">could</span> if other sensors guided it "
                    "(engage on remote): ");
        window_words(r, q, sb);
        bmd_sb_puts(sb, ". ");
        conditions(r, r->remote, q, sb);
        need_words(r, q, has, sb);
    } else {
        bmd_rp_textf(sb, "the %s ", ic);
        bmd_sb_puts(sb, "<span class=\"no\">cannot</span> engage it");
        bmd_sb_puts(sb, q ? " even if other sensors guided it: " : ": ");
        bmd_rp_text(sb, reason_words((q ? q : p)->engagement.reason));
        bmd_sb_puts(sb, ".");
        need_words(r, q ? q : p, has, sb);
    }
    bmd_sb_puts(sb, "</li>\n");
}

/* The heading sentence of a threat. */
static void threat_heading(const bmd_report *r, int ti, bmd_strbuf *sb)
{
    const bmd_scenario *scn = r->an->scn;
    const bmd_scenario_threat *t = &scn->threats[ti];
    const bmd_analysis_flight *f = &r->an->threats[ti].flight;
    char m[160], d[64], mx[64];
    bmd_rp_short_name(t->entry->full_name, t->entry->missile.name, m, sizeof m);
    double dist;
    bmd_geodesy_inverse(&scn->earth, t->from.lat_rad, t->from.lon_rad, t->to.lat_rad,
                        t->to.lon_rad, &dist, NULL, NULL);
    bmd_sb_puts(sb, "<h3>");
    bmd_rp_text(sb, t->name);
    bmd_sb_puts(sb, "</h3>\n<p>");
    bmd_rp_textf(sb, "A %s from %s to %s", m, t->from.name[0] ? t->from.name : "its launch point",
             t->to.name[0] ? t->to.name : "its target");
    if (!f->reachable) {
        bmd_rp_dist(r, d, sizeof d, dist);
        bmd_rp_dist(r, mx, sizeof mx, f->max_range_m);
        bmd_rp_textf(sb, " cannot get there: the target is %s away, and the missile's maximum range "
                 "on that bearing is %s. No site needs to engage it.", d, mx);
        bmd_sb_puts(sb, "</p>\n");
        return;
    }
    char ap[48];
    bmd_rp_dist(r, d, sizeof d, f->summary.ground_range_m);
    bmd_rp_qty(r, ap, sizeof ap, f->summary.apogee_altitude_m / 1e3, "km", 0);
    bmd_rp_textf(sb, " (%s trajectory) flies %s in %.1f minutes, peaking at %s altitude.",
             bmd_scenario_shape_name(t->shape), d, f->summary.flight_time_s / 60, ap);
    bmd_sb_puts(sb, "</p>\n<ul>\n");
    for (int si = 0; si < scn->n_sites; si++)
        site_finding(r, ti, si, sb);
    bmd_sb_puts(sb, "</ul>\n");
}

/* Counts over the pairs of an analysis. */
static int count_engageable(const bmd_analysis *an, int *evaluated)
{
    int n = 0, ev = 0;
    for (int i = 0; an && i < an->n_threats * an->n_sites; i++) {
        ev += an->pairs[i].status == BMD_ANALYSIS_EVALUATED;
        n += engageable(&an->pairs[i]);
    }
    if (evaluated)
        *evaluated = ev;
    return n;
}

void bmd_report_summary(const bmd_report *r, char lines[3][BMD_REPORT_SUMMARY_MAX])
{
    const bmd_scenario *scn = r->an->scn;
    int ev = 0, own = count_engageable(r->an, &ev), rem = count_engageable(r->remote, NULL);
    if (r->remote)
        snprintf(lines[0], BMD_REPORT_SUMMARY_MAX, "%d threats x %d sites: %d of %d threat-site "
                 "pairs engageable with the sites' own radars; %d if other sensors guide the "
                 "interceptors.", scn->n_threats, scn->n_sites, own, ev, rem);
    else
        snprintf(lines[0], BMD_REPORT_SUMMARY_MAX, "%d threats x %d sites: %d of %d threat-site "
                 "pairs engageable.", scn->n_threats, scn->n_sites, own, ev);
    const bmd_analysis *best = r->remote ? r->remote : r->an;
    int reached = 0, flown = 0;
    char none[BMD_REPORT_SUMMARY_MAX] = "";
    for (int ti = 0; ti < scn->n_threats; ti++) {
        if (!best->threats[ti].flight.reachable)
            continue;
        flown++;
        int any = 0;
        for (int si = 0; si < scn->n_sites; si++)
            any |= engageable(bmd_analysis_pair_at(best, ti, si));
        reached += any;
        if (!any && strlen(none) + strlen(scn->threats[ti].name) + 3 < sizeof none)
            snprintf(none + strlen(none), sizeof none - strlen(none), "%s%s", none[0] ? ", " : "",
                     scn->threats[ti].name);
    }
    snprintf(lines[1], BMD_REPORT_SUMMARY_MAX, "%d of %d threats that reach their targets can be "
             "engaged by at least one site%s%s%s.", reached, flown,
             r->remote ? " (engage on remote)" : "", none[0] ? "; no site can engage " : "", none);
    /* The closest miss: the non-engageable pair whose required speed is nearest its own. */
    double gap = INFINITY;
    int bt = -1, bs = -1;
    for (int i = 0; i < best->n_threats * best->n_sites; i++) {
        const bmd_analysis_pair *p = &best->pairs[i];
        if (p->status != BMD_ANALYSIS_EVALUATED || p->engagement.engageable ||
            !p->has_required_speed || !p->required.possible)
            continue;
        double g = p->required.speed_m_s -
                   scn->sites[p->site].interceptor_entry.interceptor.burnout_speed_m_s;
        if (g < gap) {
            gap = g;
            bt = p->threat;
            bs = p->site;
        }
    }
    if (bt >= 0) {
        const bmd_analysis_pair *p = bmd_analysis_pair_at(best, bt, bs);
        char need[24], has[24]; /* "12,345.67 km/s" at most */
        bmd_rp_qty(r, need, sizeof need, p->required.speed_m_s / 1e3, "km/s", 2);
        bmd_rp_qty(r, has, sizeof has,
                   scn->sites[bs].interceptor_entry.interceptor.burnout_speed_m_s / 1e3, "km/s", 2);
        snprintf(lines[2], BMD_REPORT_SUMMARY_MAX, "Closest miss: from %s, %s would need %s "
                 "against %s (it has %s).", scn->sites[bs].name,
                 scn->sites[bs].interceptor_entry.interceptor.name, need, scn->threats[bt].name,
                 has);
    } else {
        char top[48];
        bmd_rp_qty(r, top, sizeof top, 11, "km/s", r->units != BMD_UNITS_METRIC);
        snprintf(lines[2], BMD_REPORT_SUMMARY_MAX, "No pair is short of reach by a speed an "
                 "interceptor could have (up to %s).", top);
    }
}

void bmd_rp_summary(const bmd_report *r, bmd_strbuf *sb)
{
    char lines[3][BMD_REPORT_SUMMARY_MAX];
    bmd_report_summary(r, lines);
    bmd_sb_puts(sb, "<h2>Findings in brief</h2>\n<ul>\n");
    for (int i = 0; i < 3; i++) {
        bmd_sb_puts(sb, "<li>");
        bmd_rp_text(sb, lines[i]);
        bmd_sb_puts(sb, "</li>\n");
    }
    bmd_sb_puts(sb, "</ul>\n");
    if (r->fps && r->fps->n > 0) {
        bmd_sb_puts(sb, "<p>The footprint maps (<a href=\"#footprints\">Footprints</a>), one line "
                    "each:</p>\n<ul>\n");
        bmd_rp_footprint_findings(r, sb);
        bmd_sb_puts(sb, "</ul>\n");
    }
    bmd_sb_puts(sb, "<p>The details, threat by threat, follow the map.</p>\n");
}

void bmd_rp_findings(const bmd_report *r, bmd_strbuf *sb)
{
    bmd_sb_puts(sb, "<h2>Findings, threat by threat</h2>\n<p>Site by site, and site by site (burnout speeds are those of the "
                "catalogue; &#8220;would need&#8221; is the smallest burnout speed of an "
                "interceptor with the same burn time and limits that could make any intercept"
                "):</p>\n");
    for (int ti = 0; ti < r->an->scn->n_threats; ti++)
        threat_heading(r, ti, sb);
}
