/* The outputs of bmdsim compare (compare.h): table and CSV, and what the outputs share (JSON:
 * compare_json.c; SVG matrix and HTML page: compare_svg.c). Every output names the assumptions
 * that decide a verdict: the launch-on setting of each column, the delays of each phase, whether
 * the site's radar must see the intercept, the Earth model, and that probabilities are not
 * computed unless a Monte Carlo engine ran. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

const char cli_cmp_letters[BMD_LAUNCH_ON_COUNT] = {'I', 'B', 'R'};

const char *cli_cmp_earth_name(const cmp_result *c)
{
    return c->u->earth_kind == BMD_EARTH_WGS84 ? "WGS84 (rotating, J2)" : "sphere";
}

const char *cli_cmp_rules_text(const cmp_result *c, int p, int s, char *buf, size_t n)
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
            cli_cmp_earth_name(c));
    for (int p = 0; p < c->n_phases; p++) {
        const bmd_scenario *s = c->phases[p].scn;
        sites_text(c, p, buf, sizeof buf);
        fprintf(out, "  P%-2d %-10s %s (%s)\n      sites: %s\n", p + 1, s->date[0] ? s->date : "-",
                s->phase[0] ? s->phase : s->title, c->phases[p].path, buf);
        fprintf(out, "      rules: %s%s\n", cli_cmp_rules_text(c, p, 0, buf, sizeof buf),
                c->n_settings > 1 ? " (launch-on: per column)" : "");
    }
    fprintf(out, "Columns per phase: ");
    for (int s = 0; s < c->n_settings; s++)
        fprintf(out, "%s%c = launch on %s (%s)", s ? "; " : "", cli_cmp_letters[c->settings[s]],
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
            fputc(cli_cmp_letters[c->settings[s]], out);
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
                fprintf(out, " %c %d/%d", cli_cmp_letters[c->settings[s]], yes, all);
            }
        }
        fputc('\n', out);
    }
    fprintf(out, "--json, --csv for every cell (engaging sites, shots, reasons); --svg, --html "
                 "for the matrix.\n");
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
