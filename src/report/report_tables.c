/* Tables of the report (bmd/report.h): sites, sensors and threats of the scenario; the engagement
 * table; the parameters of the missiles, interceptors and radars used, with their sources. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "bmd/geodesy.h"
#include "report/report_internal.h"

/* A cell of escaped text; a numeric cell. */
static void td(bmd_strbuf *sb, const char *text)
{
    bmd_sb_puts(sb, "<td>");
    bmd_rp_text(sb, text);
    bmd_sb_puts(sb, "</td>");
}

static void tdn(bmd_strbuf *sb, const char *text)
{
    bmd_sb_puts(sb, "<td class=\"n\">");
    bmd_rp_text(sb, text);
    bmd_sb_puts(sb, "</td>");
}

/* A header row from a |-separated list. */
static void header(bmd_strbuf *sb, const char *cols)
{
    bmd_sb_puts(sb, "<table>\n<tr>");
    const char *p = cols;
    while (*p) {
        const char *bar = strchr(p, '|');
        size_t n = bar ? (size_t)(bar - p) : strlen(p);
        char cell[96];
        snprintf(cell, sizeof cell, "%.*s", (int)n, p);
        bmd_sb_puts(sb, "<th>");
        bmd_rp_text(sb, cell);
        bmd_sb_puts(sb, "</th>");
        p += n + (bar ? 1 : 0);
    }
    bmd_sb_puts(sb, "</tr>\n");
}

/* "54.479 N, 17.109 E". */
static void position(char *buf, size_t n, const bmd_scenario_point *p)
{
    double lat = bmd_rad_to_deg(p->lat_rad), lon = bmd_rad_to_deg(p->lon_rad);
    snprintf(buf, n, "%.3f %s, %.3f %s", fabs(lat), lat >= 0 ? "N" : "S", fabs(lon),
             lon >= 0 ? "E" : "W");
}

/* Where a value or position comes from: the citation, or "notional: note". */
static void provenance(const bmd_scenario *scn, const bmd_param_provenance *prov,
                       const bmd_source *sources, int n_sources, bmd_strbuf *sb)
{
    const char *cite = NULL;
    for (int i = 0; prov->source[0] && i < n_sources; i++)
        if (strcmp(sources[i].key, prov->source) == 0)
            cite = sources[i].citation;
    if (!cite && scn && prov->source[0])
        cite = bmd_scenario_citation(scn, prov->source);
    if (prov->notional)
        bmd_sb_puts(sb, "<b>notional</b>");
    if (cite) {
        bmd_sb_puts(sb, prov->notional ? "; " : "");
        bmd_rp_text(sb, cite);
    } else if (prov->source[0]) {
        bmd_sb_puts(sb, prov->notional ? "; " : "");
        bmd_rp_text(sb, prov->source);
    }
    if (prov->note[0]) {
        bmd_sb_puts(sb, cite || prov->notional || prov->source[0] ? ". " : "");
        bmd_rp_text(sb, prov->note);
    }
}

/* The sites table. */
static void sites_table(const bmd_report *r, bmd_strbuf *sb)
{
    const bmd_scenario *scn = r->an->scn;
    bmd_sb_puts(sb, "<h3>Defence sites</h3>\n");
    header(sb, "site|position|interceptor|count|burnout speed|fire-control radar|cued by|"
               "where the position comes from");
    for (int i = 0; i < scn->n_sites; i++) {
        const bmd_scenario_site *s = &scn->sites[i];
        char pos[64], v[32], cues[256] = "";
        position(pos, sizeof pos, &s->site);
        bmd_rp_qty(r, v, sizeof v, s->interceptor_entry.interceptor.burnout_speed_m_s / 1e3, "km/s",
                   2);
        for (int c = 0; c < s->n_cues; c++)
            snprintf(cues + strlen(cues), sizeof cues - strlen(cues), "%s%s", c ? ", " : "",
                     scn->sensors[s->cues[c]].name);
        bmd_sb_printf(sb, "<tr class=\"%s\">", s->site.prov.notional ? "notional" : "sourced");
        td(sb, s->name);
        td(sb, pos);
        td(sb, s->interceptor_entry.interceptor.name);
        bmd_sb_printf(sb, "<td class=\"n\">%d</td>", s->count);
        tdn(sb, v);
        td(sb, s->has_radar ? s->radar.entry.name : "none");
        td(sb, cues[0] ? cues : "none");
        bmd_sb_puts(sb, "<td>");
        provenance(scn, &s->site.prov, NULL, 0, sb);
        bmd_sb_puts(sb, "</td></tr>\n");
    }
    bmd_sb_puts(sb, "</table>\n");
}

/* The sensors table. */
static void sensors_table(const bmd_report *r, bmd_strbuf *sb)
{
    const bmd_scenario *scn = r->an->scn;
    if (scn->n_sensors == 0)
        return;
    bmd_sb_puts(sb, "<h3>Sensors</h3>\n");
    header(sb, "sensor|kind|position|coverage against a warhead|where it comes from");
    for (int i = 0; i < scn->n_sensors; i++) {
        const bmd_scenario_sensor *s = &scn->sensors[i];
        char pos[64], cov[160];
        bmd_sb_puts(sb, "<tr>");
        td(sb, s->name);
        if (s->kind == BMD_SCENARIO_SENSOR_IR) {
            td(sb, "space-based infrared");
            td(sb, "in orbit");
            char alt[48];
            bmd_rp_qty(r, alt, sizeof alt, s->ir.min_altitude_m / 1e3, "km", 0);
            snprintf(cov, sizeof cov, "a burning missile above %s, reported after %.0f s", alt,
                     s->ir.delay_s);
        } else {
            td(sb, s->radar.entry.full_name[0] ? s->radar.entry.full_name : s->radar.entry.name);
            position(pos, sizeof pos, &s->site);
            td(sb, pos);
            char km[64];
            bmd_rp_dist(r, km, sizeof km, bmd_analysis_radar_coverage_m(&s->radar.entry.radar));
            snprintf(cov, sizeof cov, "%s", km);
        }
        td(sb, cov);
        bmd_sb_puts(sb, "<td>");
        provenance(scn, &s->site.prov, NULL, 0, sb);
        bmd_sb_puts(sb, "</td></tr>\n");
    }
    bmd_sb_puts(sb, "</table>\n");
}

/* The threats table. */
static void threats_table(const bmd_report *r, bmd_strbuf *sb)
{
    const bmd_scenario *scn = r->an->scn;
    bmd_sb_puts(sb, "<h3>Threats</h3>\n");
    header(sb, "threat|missile|from|to|shape|ground range|flight time|apogee");
    for (int i = 0; i < scn->n_threats; i++) {
        const bmd_scenario_threat *t = &scn->threats[i];
        const bmd_analysis_flight *f = &r->an->threats[i].flight;
        char a[64], b[64], d[64], tm[32], ap[32];
        snprintf(a, sizeof a, "%s", t->from.name[0] ? t->from.name : "");
        snprintf(b, sizeof b, "%s", t->to.name[0] ? t->to.name : "");
        if (!a[0])
            position(a, sizeof a, &t->from);
        if (!b[0])
            position(b, sizeof b, &t->to);
        bmd_sb_puts(sb, "<tr>");
        td(sb, t->name);
        td(sb, t->entry->missile.name);
        td(sb, a);
        td(sb, b);
        td(sb, bmd_scenario_shape_name(t->shape));
        if (f->reachable) {
            bmd_rp_dist(r, d, sizeof d, f->summary.ground_range_m);
            snprintf(tm, sizeof tm, "%.1f min", f->summary.flight_time_s / 60);
            bmd_rp_qty(r, ap, sizeof ap, f->summary.apogee_altitude_m / 1e3, "km", 0);
            tdn(sb, d);
            tdn(sb, tm);
            tdn(sb, ap);
        } else {
            bmd_rp_dist(r, d, sizeof d, f->max_range_m);
            bmd_sb_puts(sb, "<td colspan=\"3\">beyond reach (maximum ");
            bmd_rp_text(sb, d);
            bmd_sb_puts(sb, " on that bearing)</td>");
        }
        bmd_sb_puts(sb, "</tr>\n");
    }
    bmd_sb_puts(sb, "</table>\n");
}

void bmd_rp_scenario_tables(const bmd_report *r, bmd_strbuf *sb)
{
    sites_table(r, sb);
    sensors_table(r, sb);
    threats_table(r, sb);
}

void bmd_rp_engagement_table(const bmd_report *r, const bmd_analysis *an, bmd_strbuf *sb)
{
    const bmd_scenario *scn = an->scn;
    int remote = an == r->remote;
    bmd_sb_puts(sb, remote ? "<h3>Engage on remote: any cueing sensor may guide the interceptor</h3>\n"
                       : "<h3>As modelled: the site's own radar must see the threat at the "
                         "intercept</h3>\n");
    char lo[32], hi[32], cols[200];
    bmd_rp_qty_num(r, lo, sizeof lo, 0.5, "km/s", 1);
    bmd_rp_qty_num(r, hi, sizeof hi, 11, "km/s", r->units != BMD_UNITS_METRIC);
    bmd_sb_puts(sb, "<p class=\"small\">Times in seconds after the threat's launch. Window: the "
                "earliest and latest possible intercepts. Shots: shoot-look-shoot "
                "opportunities. Needs: the smallest burnout speed that gives any intercept ");
    bmd_rp_textf(sb, "(none to %s: no speed from %s to %s %s does; at most: the site's own speed "
                 "engages, no slower notional copy does).", hi, lo, hi, bmd_rp_unit(r, "km/s"));
    bmd_sb_puts(sb, "</p>\n");
    snprintf(cols, sizeof cols, "threat|site|engageable|detected|by|tracked|window|altitudes|"
             "shots|needs (has), %s|reason", bmd_rp_unit(r, "km/s"));
    header(sb, cols);
    for (int i = 0; i < an->n_threats * an->n_sites; i++) {
        const bmd_analysis_pair *p = &an->pairs[i];
        const bmd_engagement *e = &p->engagement;
        int ev = p->status == BMD_ANALYSIS_EVALUATED;
        char c[6][96], who[2 * BMD_NAME_MAX + 40];
        bmd_sb_printf(sb, "<tr>");
        td(sb, scn->threats[p->threat].name);
        td(sb, scn->sites[p->site].name);
        bmd_sb_printf(sb, "<td class=\"%s\">%s</td>", ev && e->engageable ? "yes" : "no",
                  ev && e->engageable ? "yes" : "no");
        bmd_rp_num(c[0], sizeof c[0], ev ? e->detect_s : NAN, 0);
        tdn(sb, c[0]);
        td(sb, ev ? bmd_analysis_detector_name(an, p, who, sizeof who) : "-");
        bmd_rp_num(c[1], sizeof c[1], ev ? e->track_s : NAN, 0);
        tdn(sb, c[1]);
        if (ev && e->engageable) {
            snprintf(c[2], sizeof c[2], "%.0f-%.0f s", e->earliest.t_s, e->latest.t_s);
            char a0[32], a1[32];
            bmd_rp_qty_num(r, a0, sizeof a0, e->altitude_min_m / 1e3, "km", 0);
            bmd_rp_qty_num(r, a1, sizeof a1, e->altitude_max_m / 1e3, "km", 0);
            snprintf(c[3], sizeof c[3], "%s-%s %s", a0, a1, bmd_rp_unit(r, "km"));
        } else {
            snprintf(c[2], sizeof c[2], "-");
            snprintf(c[3], sizeof c[3], "-");
        }
        tdn(sb, c[2]);
        tdn(sb, c[3]);
        bmd_sb_printf(sb, "<td class=\"n\">%d</td>", ev ? e->shot_opportunities : 0);
        char has[32], need[32];
        bmd_rp_qty_num(r, has, sizeof has,
                       scn->sites[p->site].interceptor_entry.interceptor.burnout_speed_m_s / 1e3,
                       "km/s", 2);
        bmd_rp_qty_num(r, need, sizeof need, p->required.speed_m_s / 1e3, "km/s", 2);
        if (p->has_required_speed && p->required.possible)
            snprintf(c[4], sizeof c[4], "%s%s (%s)", p->required.from_site ? "at most " : "",
                     need, has);
        else if (p->has_required_speed) /* no speed from 0.5 to 11 km/s engages */
            snprintf(c[4], sizeof c[4], "none to %s (%s)", hi, has);
        else
            snprintf(c[4], sizeof c[4], "- (%s)", has);
        tdn(sb, c[4]);
        td(sb, ev ? bmd_engage_reason_name(e->reason) : bmd_analysis_status_name(p->status));
        bmd_sb_puts(sb, "</tr>\n");
    }
    bmd_sb_puts(sb, "</table>\n");
}

/* One parameter row. */
static void param_row(const bmd_param_provenance *p, const char *value, const char *range,
                      const bmd_source *src, int n_src, bmd_strbuf *sb)
{
    bmd_sb_printf(sb, "<tr class=\"%s\">", p->notional ? "notional" : "sourced");
    td(sb, p->field);
    tdn(sb, value);
    tdn(sb, range);
    bmd_sb_printf(sb, "<td class=\"flag\">%s</td><td>", p->notional ? "notional" : "sourced");
    provenance(NULL, p, src, n_src, sb);
    bmd_sb_puts(sb, "</td></tr>\n");
}

/* A number for people: six significant digits (all integer digits), fixed notation, trailing
 * zeros dropped, thousands separated by commas: 4828030 -> "4,828,030", 0.7 -> "0.7",
 * 1e-05 -> "0.00001" (never "4.82803e+06"). */
static void human_number(double v, char *buf, size_t n)
{
    if (!isfinite(v) || fabs(v) >= 1e21) {
        snprintf(buf, n, "%.6g", v);
        return;
    }
    int mag = v == 0 ? 0 : (int)floor(log10(fabs(v)));
    int decimals = 5 - mag;
    decimals = decimals < 0 ? 0 : (decimals > 15 ? 15 : decimals);
    char raw[64];
    snprintf(raw, sizeof raw, "%.*f", decimals, v);
    char *dot = strchr(raw, '.');
    if (dot) { /* drop trailing zeros and a bare point */
        char *end = raw + strlen(raw) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    if (strcmp(raw, "-0") == 0)
        snprintf(raw, sizeof raw, "0");
    const char *digits = raw[0] == '-' ? raw + 1 : raw;
    size_t int_len = strcspn(digits, ".");
    char out[96];
    size_t k = 0;
    if (raw[0] == '-')
        out[k++] = '-';
    for (size_t i = 0; i < int_len; i++) {
        if (i > 0 && (int_len - i) % 3 == 0)
            out[k++] = ',';
        out[k++] = digits[i];
    }
    snprintf(out + k, sizeof out - k, "%s", digits + int_len);
    snprintf(buf, n, "%s", out);
}

/* A value and its range, as human numbers. */
static void value_text(double v, int has_range, double lo, double hi, char *val, char *rng,
                       size_t n)
{
    if (isfinite(v))
        human_number(v, val, n);
    else
        snprintf(val, n, "table");
    if (has_range) {
        char a[40], b[40];
        human_number(lo, a, sizeof a);
        human_number(hi, b, sizeof b);
        snprintf(rng, n, "%s to %s", a, b);
    } else {
        snprintf(rng, n, "-");
    }
}

/* Parameters of one catalogue entry: heading, description, rows. */
static void entry_heading(const char *kind, const char *name, const char *full,
                          const char *description, bmd_strbuf *sb)
{
    bmd_sb_puts(sb, "<h3>");
    bmd_rp_textf(sb, "%s: %s", kind, full && full[0] ? full : name);
    bmd_sb_puts(sb, "</h3>\n<p class=\"small\">");
    bmd_rp_textf(sb, "Catalogue entry %s. ", name);
    bmd_rp_text(sb, description);
    bmd_sb_puts(sb, "</p>\n");
    header(sb, "parameter (SI unit in the name)|value|range in sources|status|source or note");
}

/* Whether the name was already listed (entries used by several threats or sites). */
static int listed(const char (*names)[BMD_NAME_MAX], int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcasecmp(names[i], name) == 0)
            return 1;
    return 0;
}

#define MAX_LISTED 64

void bmd_rp_parameter_tables(const bmd_report *r, bmd_strbuf *sb)
{
    const bmd_scenario *scn = r->an->scn;
    char names[MAX_LISTED][BMD_NAME_MAX];
    int n = 0;
    char v[96], rg[96]; /* a range: two 39-character numbers and " to " */
    bmd_sb_puts(sb, "<h2>Parameters and their sources</h2>\n<p>Every number the analysis uses, as "
                "the catalogue (and the scenario's overrides) give it. Values marked "
                "<b>notional</b> are reconstructed or assumed, not published; ranges show where "
                "sources disagree.</p>\n");
    for (int i = 0; i < scn->n_threats; i++) {
        const bmd_catalog_missile *m = scn->threats[i].entry;
        char key[BMD_NAME_MAX];
        snprintf(key, sizeof key, "m:%.*s", BMD_NAME_MAX - 3, m->missile.name);
        if (listed((const char(*)[BMD_NAME_MAX])names, n, key) || n >= MAX_LISTED)
            continue;
        snprintf(names[n++], BMD_NAME_MAX, "%s", key);
        entry_heading("Missile", m->missile.name, m->full_name, m->description, sb);
        for (int k = 0; k < m->n_params; k++) {
            const bmd_param_provenance *p = &m->params[k];
            value_text(p->value, p->has_range, p->low, p->high, v, rg, sizeof v);
            param_row(p, v, rg, m->sources, m->n_sources, sb);
        }
        bmd_sb_puts(sb, "</table>\n");
    }
    for (int i = 0; i < scn->n_sites; i++) {
        const bmd_catalog_interceptor *e = &scn->sites[i].interceptor_entry;
        char key[BMD_NAME_MAX];
        snprintf(key, sizeof key, "i:%.*s", BMD_NAME_MAX - 3, e->interceptor.name);
        if (listed((const char(*)[BMD_NAME_MAX])names, n, key) || n >= MAX_LISTED)
            continue;
        snprintf(names[n++], BMD_NAME_MAX, "%s", key);
        entry_heading("Interceptor", e->interceptor.name, e->full_name, e->description, sb);
        for (int k = 0; k < e->n_params; k++) {
            const bmd_interceptor_param *p = &e->params[k];
            int has_range = isfinite(p->low) && isfinite(p->high);
            value_text(p->prov.value, has_range, p->low, p->high, v, rg, sizeof v);
            param_row(&p->prov, v, rg, e->sources, e->n_sources, sb);
        }
        bmd_sb_puts(sb, "</table>\n");
    }
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < (pass ? scn->n_sites : scn->n_sensors); i++) {
            const bmd_catalog_radar *e;
            if (pass == 0 && scn->sensors[i].kind != BMD_SCENARIO_SENSOR_RADAR)
                continue;
            if (pass == 1 && !scn->sites[i].has_radar)
                continue;
            e = pass ? &scn->sites[i].radar.entry : &scn->sensors[i].radar.entry;
            char key[BMD_NAME_MAX];
            snprintf(key, sizeof key, "r:%.*s", BMD_NAME_MAX - 3, e->name);
            if (listed((const char(*)[BMD_NAME_MAX])names, n, key) || n >= MAX_LISTED)
                continue;
            snprintf(names[n++], BMD_NAME_MAX, "%s", key);
            entry_heading("Radar", e->name, e->full_name, e->description, sb);
            for (int k = 0; k < e->n_params; k++) {
                const bmd_param_provenance *p = &e->params[k];
                value_text(p->value, p->has_range, p->low, p->high, v, rg, sizeof v);
                param_row(p, v, rg, e->sources, e->n_sources, sb);
            }
            bmd_sb_puts(sb, "</table>\n");
        }
}
