/* The outputs of bmdsim compare (compare.h), SVG matrix and HTML page: the matrix route x phase x
 * setting with the assumptions that decide a verdict in its legend. Table and CSV:
 * compare_out.c; JSON: compare_json.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"

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
                    x0 + s * CELL + CELL / 2, TOP - 4, cli_cmp_letters[c->settings[s]]);
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
        snprintf(buf, sizeof buf, "%s%c: launch on %s", s ? "; " : "",
                 cli_cmp_letters[c->settings[s]], bmd_launch_on_name(c->settings[s]));
        xml(out, buf);
    }
    snprintf(buf, sizeof buf, ". Site radar must see the intercept: %s. Earth %s.",
             c->fcr_required ? "yes" : "no", cli_cmp_earth_name(c));
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
        xml(out, cli_cmp_rules_text(c, p, 0, rules, sizeof rules));
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
            fprintf(out, "<th>P%d %c</th>", p + 1, cli_cmp_letters[c->settings[s]]);
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
