/* The outputs of bmdsim compare (compare.h), JSON: the matrix with the assumptions that decide a
 * verdict (launch-on settings, each phase's delays, the Earth model, how probabilities were
 * computed). Table and CSV: compare_out.c; SVG matrix and HTML page: compare_svg.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

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
    jstr(out, cli_cmp_earth_name(c));
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
