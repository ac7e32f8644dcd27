/* The outputs of bmdsim compare (compare.h): table, JSON, CSV, SVG matrix, HTML page. Every
 * output names the assumptions that decide a verdict: the launch-on setting of each column, the
 * delays of each phase, whether the site's radar must see the intercept, the Earth model, and
 * that probabilities are not computed unless a Monte Carlo engine ran. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

static const char letters[BMD_LAUNCH_ON_COUNT] = {'I', 'B', 'R'};

static const char *earth_name(const cmp_result *c)
{
    return c->u->earth_kind == BMD_EARTH_WGS84 ? "WGS84 (rotating, J2)" : "sphere";
}

/* The rules of phase p under setting s, as text. */
static const char *rules_text(const cmp_result *c, int p, int s, char *buf, size_t n)
{
    bmd_engagement_rules r;
    bmd_scenario_rules(c->phases[p].scn, -1, &r);
    r.launch_on = c->settings[s];
    r.require_fcr_coverage = c->fcr_required;
    return bmd_engagement_rules_describe(&r, buf, n);
}

/* Sites of phase p: "name (interceptor xN)". */
static void sites_text(const cmp_result *c, int p, char *buf, size_t n)
{
    buf[0] = '\0';
    const bmd_scenario *s = c->phases[p].scn;
    size_t k = 0;
    for (int i = 0; i < s->n_sites && k + 1 < n; i++)
        k += (size_t)snprintf(buf + k, n - k, "%s%s (%s x%d)", i ? ", " : "", s->sites[i].name,
                              s->sites[i].interceptor_entry.interceptor.name, s->sites[i].count);
}

/* Routes engageable in phase p under setting s among those of group g (NULL: all). */
static void count(const cmp_result *c, int s, int p, const char *g, int *yes, int *all)
{
    *yes = *all = 0;
    for (int r = 0; r < c->n_routes; r++) {
        if (g && strcmp(c->routes[r].group, g))
            continue;
        (*all)++;
        *yes += cmp_at(c, s, p, r)->engageable;
    }
}

/* Whether route r is the first of its group. */
static int first_of_group(const cmp_result *c, int r)
{
    for (int k = 0; k < r; k++)
        if (!strcmp(c->routes[k].group, c->routes[r].group))
            return 0;
    return 1;
}

int cmp_print_table(const cmp_result *c, FILE *out)
{
    char buf[1024];
    fprintf(out, "Comparing %d scenario(s) on %d route(s); Earth %s\n", c->n_phases, c->n_routes,
            earth_name(c));
    for (int p = 0; p < c->n_phases; p++) {
        const bmd_scenario *s = c->phases[p].scn;
        sites_text(c, p, buf, sizeof buf);
        fprintf(out, "  P%-2d %-10s %s (%s)\n      sites: %s\n", p + 1, s->date[0] ? s->date : "-",
                s->phase[0] ? s->phase : s->title, c->phases[p].path, buf);
        fprintf(out, "      rules: %s%s\n", rules_text(c, p, 0, buf, sizeof buf),
                c->n_settings > 1 ? " (launch-on: per column)" : "");
    }
    fprintf(out, "Columns per phase: ");
    for (int s = 0; s < c->n_settings; s++)
        fprintf(out, "%s%c = launch on %s (%s)", s ? "; " : "", letters[c->settings[s]],
                bmd_launch_on_name(c->settings[s]), bmd_launch_on_meaning(c->settings[s]));
    fprintf(out, "\nSite radar must see the intercept: %s. Probabilities: %s.\n\n",
            c->fcr_required ? "yes" : "no (engage on remote)", c->probability_note);
    fprintf(out, "%-26s %-22s", "route", "launch area");
    for (int p = 0; p < c->n_phases; p++)
        fprintf(out, " P%-*d", c->n_settings > 1 ? c->n_settings : 2, p + 1);
    fprintf(out, "\n%-26s %-22s", "", "");
    for (int p = 0; p < c->n_phases; p++) {
        fputc(' ', out);
        for (int s = 0; s < c->n_settings; s++)
            fputc(letters[c->settings[s]], out);
        for (int s = c->n_settings; s < 3 && c->n_settings == 1; s++)
            fputc(' ', out);
    }
    fputc('\n', out);
    for (int r = 0; r < c->n_routes; r++) {
        fprintf(out, "%-26s %-22s", c->u->threats[r].name, c->routes[r].group);
        for (int p = 0; p < c->n_phases; p++) {
            fputc(' ', out);
            for (int s = 0; s < c->n_settings; s++) {
                const cmp_cell *x = cmp_at(c, s, p, r);
                fputc(!x->evaluated ? '-' : x->engageable ? 'Y' : '.', out);
            }
            for (int s = c->n_settings; s < 3 && c->n_settings == 1; s++)
                fputc(' ', out);
        }
        fputc('\n', out);
    }
    fprintf(out, "\nY: engageable (a site of the phase has a shoot-look-shoot opportunity); "
                 ".: not engageable; -: the route's target is beyond the missile's reach.\n");
    if (c->required_speed) {
        fprintf(out, "\nRequired burnout speed, km/s (the smallest over the phase's sites; "
                     "launch on %s):\n", bmd_launch_on_name(c->settings[0]));
        for (int r = 0; r < c->n_routes; r++) {
            fprintf(out, "%-26s %-22s", c->u->threats[r].name, c->routes[r].group);
            for (int p = 0; p < c->n_phases; p++) {
                double v = cmp_at(c, 0, p, r)->need_m_s;
                if (isfinite(v))
                    fprintf(out, " %5.2f", v / 1e3);
                else
                    fprintf(out, " %5s", ">max");
            }
            fputc('\n', out);
        }
    }
    if (c->samples > 0) {
        fprintf(out, "\nProbability that the phase can engage the route (%s):\n",
                c->probability_note);
        for (int r = 0; r < c->n_routes; r++) {
            fprintf(out, "%-26s %-22s", c->u->threats[r].name, c->routes[r].group);
            for (int p = 0; p < c->n_phases; p++) {
                fputc(' ', out);
                for (int s = 0; s < c->n_settings; s++)
                    fprintf(out, "%s%.2f", s ? "/" : "", cmp_at(c, s, p, r)->probability);
            }
            fputc('\n', out);
        }
    }
    fprintf(out, "\nEngageable routes per phase:\n");
    for (int p = 0; p < c->n_phases; p++) {
        fprintf(out, "  P%d", p + 1);
        for (int r = 0; r < c->n_routes; r++) {
            if (!first_of_group(c, r))
                continue;
            fprintf(out, "  %s:", c->routes[r].group);
            for (int s = 0; s < c->n_settings; s++) {
                int yes, all;
                count(c, s, p, c->routes[r].group, &yes, &all);
                fprintf(out, " %c %d/%d", letters[c->settings[s]], yes, all);
            }
        }
        fputc('\n', out);
    }
    fprintf(out, "--json, --csv for every cell (engaging sites, shots, reasons); --svg, --html "
                 "for the matrix.\n");
    return ferror(out) ? CLI_FAILED : CLI_OK;
}

/* A JSON string. */
static void jstr(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

static void jnum(FILE *out, double v, int decimals)
{
    if (isfinite(v))
        fprintf(out, "%.*f", decimals, v);
    else
        fputs("null", out);
}

/* "KEY": */
static void jkey(FILE *out, int *first, const char *key)
{
    fprintf(out, "%s\"%s\":", *first ? "" : ",", key);
    *first = 0;
}

int cmp_print_json(const cmp_result *c, FILE *out)
{
    char buf[1024];
    int f = 1;
    fputc('{', out);
    jkey(out, &f, "command");
    jstr(out, "compare");
    jkey(out, &f, "earth");
    jstr(out, earth_name(c));
    jkey(out, &f, "launch_on_settings");
    fputc('[', out);
    for (int s = 0; s < c->n_settings; s++) {
        fputs(s ? "," : "", out);
        jstr(out, bmd_launch_on_name(c->settings[s]));
    }
    fputc(']', out);
    jkey(out, &f, "fcr_required_at_intercept");
    fputs(c->fcr_required ? "true" : "false", out);
    jkey(out, &f, "required_speed_computed");
    fputs(c->required_speed ? "true" : "false", out);
    jkey(out, &f, "samples");
    fprintf(out, "%ld", c->samples);
    jkey(out, &f, "threat_draws"); /* K of the crossed design (0: no missile flight band varied) */
    fprintf(out, "%ld", c->samples > 0 ? c->threat_draws : 0);
    jkey(out, &f, "probability_note");
    jstr(out, c->probability_note);
    jkey(out, &f, "phases");
    fputc('[', out);
    for (int p = 0; p < c->n_phases; p++) {
        const bmd_scenario *s = c->phases[p].scn;
        int g = 1;
        fputs(p ? ",{" : "{", out);
        snprintf(buf, sizeof buf, "P%d", p + 1);
        jkey(out, &g, "id");
        jstr(out, buf);
        jkey(out, &g, "file");
        jstr(out, c->phases[p].path);
        jkey(out, &g, "title");
        jstr(out, s->title);
        jkey(out, &g, "phase");
        jstr(out, s->phase);
        jkey(out, &g, "date");
        jstr(out, s->date);
        bmd_engagement_rules r;
        bmd_scenario_rules(s, -1, &r);
        jkey(out, &g, "track_delay_s");
        jnum(out, r.timeline.track_delay_s, 1);
        jkey(out, &g, "decision_delay_s");
        jnum(out, r.timeline.decision_delay_s, 1);
        jkey(out, &g, "launch_delay_s");
        jnum(out, r.timeline.launch_delay_s, 1);
        jkey(out, &g, "kill_assessment_s");
        jnum(out, r.timeline.kill_assessment_s, 1);
        jkey(out, &g, "sites");
        fputc('[', out);
        for (int i = 0; i < s->n_sites; i++) {
            const bmd_scenario_site *si = &s->sites[i];
            fprintf(out, "%s{\"name\":", i ? "," : "");
            jstr(out, si->name);
            fputs(",\"interceptor\":", out);
            jstr(out, si->interceptor_entry.interceptor.name);
            fprintf(out, ",\"count\":%d,\"radar\":", si->count);
            if (si->has_radar)
                jstr(out, si->radar.entry.name);
            else
                fputs("null", out);
            fputc('}', out);
        }
        fputs("]}", out);
    }
    fputc(']', out);
    jkey(out, &f, "routes");
    fputc('[', out);
    for (int r = 0; r < c->n_routes; r++) {
        const bmd_scenario_threat *t = &c->u->threats[r];
        const bmd_analysis_flight *fl = &c->an[0].threats[r].flight;
        int g = 1;
        fputs(r ? ",{" : "{", out);
        jkey(out, &g, "route");
        jstr(out, t->name);
        jkey(out, &g, "launch_area");
        jstr(out, c->routes[r].group);
        jkey(out, &g, "from");
        jstr(out, t->from.name);
        jkey(out, &g, "to");
        jstr(out, t->to.name);
        jkey(out, &g, "missile");
        jstr(out, t->entry->missile.name);
        jkey(out, &g, "reachable");
        fputs(fl->reachable ? "true" : "false", out);
        jkey(out, &g, "range_km");
        jnum(out, fl->reachable ? fl->summary.ground_range_m / 1e3 : NAN, 1);
        jkey(out, &g, "max_range_km");
        jnum(out, fl->max_range_m / 1e3, 1);
        jkey(out, &g, "flight_time_s");
        jnum(out, fl->reachable ? fl->summary.flight_time_s : NAN, 1);
        fputc('}', out);
    }
    fputc(']', out);
    jkey(out, &f, "cells");
    fputc('[', out);
    int n = 0;
    for (int s = 0; s < c->n_settings; s++)
        for (int p = 0; p < c->n_phases; p++)
            for (int r = 0; r < c->n_routes; r++) {
                const cmp_cell *x = cmp_at(c, s, p, r);
                int g = 1;
                fputs(n++ ? ",{" : "{", out);
                snprintf(buf, sizeof buf, "P%d", p + 1);
                jkey(out, &g, "phase");
                jstr(out, buf);
                jkey(out, &g, "launch_on");
                jstr(out, bmd_launch_on_name(c->settings[s]));
                jkey(out, &g, "route");
                jstr(out, c->u->threats[r].name);
                jkey(out, &g, "route_reaches_target");
                fputs(x->evaluated ? "true" : "false", out);
                jkey(out, &g, "engageable");
                fputs(x->engageable ? "true" : "false", out);
                jkey(out, &g, "sites_engaging");
                fputc('[', out);
                const char *q = x->sites;
                for (int k = 0; *q; k++) {
                    size_t len = strcspn(q, ",");
                    snprintf(buf, sizeof buf, "%.*s", (int)len, q);
                    fputs(k ? "," : "", out);
                    jstr(out, buf);
                    q += len + (q[len] == ',');
                }
                fputc(']', out);
                jkey(out, &g, "shot_opportunities");
                fprintf(out, "%d", x->shots);
                jkey(out, &g, "required_speed_km_s");
                jnum(out, x->need_m_s / 1e3, 3);
                jkey(out, &g, "probability");
                jnum(out, x->probability, 4);
                jkey(out, &g, "reason");
                jstr(out, x->reason);
                fputc('}', out);
            }
    fputs("]}\n", out);
    return ferror(out) ? CLI_FAILED : CLI_OK;
}

/* A CSV field (quoted when needed). */
static void cfield(FILE *out, const char *s, int last)
{
    if (strpbrk(s, ",\"\n")) {
        fputc('"', out);
        for (; *s; s++)
            fprintf(out, *s == '"' ? "\"\"" : "%c", *s);
        fputc('"', out);
    } else {
        fputs(s, out);
    }
    fputc(last ? '\n' : ',', out);
}

int cmp_print_csv(const cmp_result *c, FILE *out)
{
    char b[64];
    fputs("phase,file,date,launch_on,fcr_required_at_intercept,route,launch_area,from,to,missile,"
          "route_reaches_target,engageable,sites_engaging,shot_opportunities,"
          "required_speed_km_s,probability,probability_note,reason\n", out);
    for (int s = 0; s < c->n_settings; s++)
        for (int p = 0; p < c->n_phases; p++)
            for (int r = 0; r < c->n_routes; r++) {
                const cmp_cell *x = cmp_at(c, s, p, r);
                const bmd_scenario_threat *t = &c->u->threats[r];
                snprintf(b, sizeof b, "P%d", p + 1);
                cfield(out, b, 0);
                cfield(out, c->phases[p].path, 0);
                cfield(out, c->phases[p].scn->date, 0);
                cfield(out, bmd_launch_on_name(c->settings[s]), 0);
                cfield(out, c->fcr_required ? "yes" : "no", 0);
                cfield(out, t->name, 0);
                cfield(out, c->routes[r].group, 0);
                cfield(out, t->from.name, 0);
                cfield(out, t->to.name, 0);
                cfield(out, t->entry->missile.name, 0);
                cfield(out, x->evaluated ? "yes" : "no", 0);
                cfield(out, x->engageable ? "yes" : "no", 0);
                cfield(out, x->sites, 0);
                snprintf(b, sizeof b, "%d", x->shots);
                cfield(out, b, 0);
                if (isfinite(x->need_m_s))
                    snprintf(b, sizeof b, "%.3f", x->need_m_s / 1e3);
                else
                    snprintf(b, sizeof b, "%s", c->required_speed ? "above search range" : "not computed");
                cfield(out, b, 0);
                if (isfinite(x->probability))
                    snprintf(b, sizeof b, "%.4f", x->probability);
                else
                    snprintf(b, sizeof b, "not computed");
                cfield(out, b, 0);
                cfield(out, c->probability_note, 0);
                cfield(out, x->reason, 1);
            }
    return ferror(out) ? CLI_FAILED : CLI_OK;
}

/* XML text. */
static void xml(FILE *out, const char *s)
{
    for (; *s; s++)
        switch (*s) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        default: fputc(*s, out);
        }
}

enum { CELL = 22, ROW = 18, LEFT = 330, TOP = 70 };

static void svg_body(const cmp_result *c, FILE *out)
{
    char buf[1024];
    int cols = c->n_phases * c->n_settings;
    int width = LEFT + cols * CELL + c->n_phases * 6 + 20;
    int legend_y = TOP + c->n_routes * ROW + 24;
    int height = legend_y + 40 + (2 * c->n_phases + 4) * 16;
    if (width < 1000)
        width = 1000;
    fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                 "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n",
            width, height, width, height);
    fprintf(out, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n");
    fprintf(out, "<text x=\"10\" y=\"20\" font-size=\"15\" font-weight=\"bold\">Which routes "
                 "each phase can engage, by launch-on setting</text>\n");
    for (int p = 0; p < c->n_phases; p++) {
        int x0 = LEFT + p * (c->n_settings * CELL + 6);
        fprintf(out, "<text x=\"%d\" y=\"%d\" font-weight=\"bold\">P%d</text>\n", x0, TOP - 30,
                p + 1);
        fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"9\">", x0, TOP - 18);
        xml(out, c->phases[p].scn->date);
        fputs("</text>\n", out);
        for (int s = 0; s < c->n_settings; s++)
            fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%c</text>\n",
                    x0 + s * CELL + CELL / 2, TOP - 4, letters[c->settings[s]]);
    }
    for (int r = 0; r < c->n_routes; r++) {
        int y = TOP + r * ROW;
        fprintf(out, "<text x=\"10\" y=\"%d\">", y + 13);
        xml(out, c->u->threats[r].name);
        fputs(" <tspan fill=\"#666\">(", out);
        xml(out, c->routes[r].group);
        fputs(")</tspan></text>\n", out);
        for (int p = 0; p < c->n_phases; p++)
            for (int s = 0; s < c->n_settings; s++) {
                const cmp_cell *x = cmp_at(c, s, p, r);
                int xx = LEFT + p * (c->n_settings * CELL + 6) + s * CELL;
                const char *fill = !x->evaluated ? "#bdbdbd" : x->engageable ? "#c62828" : "#f1f1f1";
                fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\" "
                             "stroke=\"#999\"><title>", xx, y + 1, CELL - 2, ROW - 2, fill);
                snprintf(buf, sizeof buf, "%s, P%d, launch on %s: %s", c->u->threats[r].name,
                         p + 1, bmd_launch_on_name(c->settings[s]),
                         !x->evaluated ? "target beyond reach"
                         : x->engageable ? x->sites : x->reason);
                xml(out, buf);
                fputs("</title></rect>\n", out);
                if (x->engageable)
                    fprintf(out, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" fill=\"white\" "
                                 "font-size=\"10\">%d</text>\n", xx + CELL / 2 - 1, y + 13, x->shots);
            }
    }
    int y = legend_y;
    fprintf(out, "<rect x=\"10\" y=\"%d\" width=\"14\" height=\"12\" fill=\"#c62828\"/>"
                 "<text x=\"28\" y=\"%d\">engageable (number: most shoot-look-shoot "
                 "opportunities of one site)</text>\n", y, y + 10);
    fprintf(out, "<rect x=\"390\" y=\"%d\" width=\"14\" height=\"12\" fill=\"#f1f1f1\" "
                 "stroke=\"#999\"/><text x=\"408\" y=\"%d\">not engageable</text>\n", y, y + 10);
    fprintf(out, "<rect x=\"520\" y=\"%d\" width=\"14\" height=\"12\" fill=\"#bdbdbd\"/>"
                 "<text x=\"538\" y=\"%d\">target beyond the missile's reach</text>\n", y, y + 10);
    y += 28;
    fprintf(out, "<text x=\"10\" y=\"%d\">", y);
    for (int s = 0; s < c->n_settings; s++) {
        snprintf(buf, sizeof buf, "%s%c: launch on %s", s ? "; " : "", letters[c->settings[s]],
                 bmd_launch_on_name(c->settings[s]));
        xml(out, buf);
    }
    snprintf(buf, sizeof buf, ". Site radar must see the intercept: %s. Earth %s.",
             c->fcr_required ? "yes" : "no", earth_name(c));
    xml(out, buf);
    fputs("</text>\n", out);
    y += 16;
    fprintf(out, "<text x=\"10\" y=\"%d\">Probabilities: ", y);
    xml(out, c->probability_note);
    fputs(".</text>\n", out);
    for (int p = 0; p < c->n_phases; p++) {
        y += 16;
        char rules[320];
        snprintf(buf, sizeof buf, "P%d %s %s (%s)", p + 1, c->phases[p].scn->date,
                 c->phases[p].scn->phase[0] ? c->phases[p].scn->phase : c->phases[p].scn->title,
                 c->phases[p].path);
        fprintf(out, "<text x=\"10\" y=\"%d\" font-size=\"10\">", y);
        xml(out, buf);
        fputs("</text>\n", out);
        y += 16;
        fprintf(out, "<text x=\"30\" y=\"%d\" font-size=\"10\">", y);
        xml(out, rules_text(c, p, 0, rules, sizeof rules));
        fputs(" (the launch-on setting varies by column)</text>\n", out);
    }
    fputs("</svg>\n", out);
}

char *cmp_svg(const cmp_result *c)
{
    char *text = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&text, &n);
    if (!out)
        return NULL;
    svg_body(c, out);
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    return text;
}

char *cmp_html(const cmp_result *c)
{
    char *text = NULL;
    size_t n = 0;
    FILE *out = open_memstream(&text, &n);
    if (!out)
        return NULL;
    fputs("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
          "<title>bmdsim compare</title><style>body{font-family:sans-serif}"
          "table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:2px 6px;"
          "font-size:12px}td.y{background:#c62828;color:#fff}td.u{background:#bdbdbd}"
          "</style></head><body>\n<h1>Which routes each phase can engage</h1>\n", out);
    svg_body(c, out);
    fputs("<h2>Cells</h2>\n<table><tr><th>route</th><th>launch area</th>", out);
    for (int p = 0; p < c->n_phases; p++)
        for (int s = 0; s < c->n_settings; s++)
            fprintf(out, "<th>P%d %c</th>", p + 1, letters[c->settings[s]]);
    fputs("</tr>\n", out);
    for (int r = 0; r < c->n_routes; r++) {
        fputs("<tr><td>", out);
        xml(out, c->u->threats[r].name);
        fputs("</td><td>", out);
        xml(out, c->routes[r].group);
        fputs("</td>", out);
        for (int p = 0; p < c->n_phases; p++)
            for (int s = 0; s < c->n_settings; s++) {
                const cmp_cell *x = cmp_at(c, s, p, r);
                fprintf(out, "<td class=\"%s\" title=\"", !x->evaluated ? "u" : x->engageable ? "y" : "n");
                xml(out, x->engageable ? x->sites : x->reason);
                fputs("\">", out);
                if (!x->evaluated)
                    fputs("beyond reach", out);
                else if (x->engageable)
                    fprintf(out, "yes (%d)", x->shots);
                else
                    fputs("no", out);
                fputs("</td>", out);
            }
        fputs("</tr>\n", out);
    }
    fputs("</table>\n<p>Hover a cell for the engaging sites or the reasons. Probabilities: ", out);
    xml(out, c->probability_note);
    fputs(".</p>\n</body></html>\n", out);
    if (fclose(out) != 0) {
        free(text);
        return NULL;
    }
    return text;
}
