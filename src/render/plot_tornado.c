/* Tornado charts (bmd/plot.h): one bar per parameter, from the nominal metric to its value at the
 * low (blue) and high (orange) end of the parameter's band. */
#include "bmd/plot.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/atomic_file.h"
#include "bmd/sensitivity.h"
#include "render/svg.h"

#define TP_ROW_PX 26.0
#define TP_TOP_PX 58.0
#define TP_BOTTOM_PX 64.0
#define TP_RIGHT_PX 150.0
#define TP_CHAR_PX 6.2   /* average width of an 11 px character */
#define TP_FOOT_LINES 6

void bmd_tornado_plot_init(bmd_tornado_plot *plot)
{
    memset(plot, 0, sizeof *plot);
    plot->nominal = NAN;
}

/* The axis: every finite value and the nominal, padded to nice steps. */
static int axis_range(const bmd_tornado_plot *p, double *lo, double *hi)
{
    double a = INFINITY, b = -INFINITY;
    if (isfinite(p->nominal))
        a = b = p->nominal;
    for (int i = 0; i < p->n_bars; i++) {
        const double v[2] = {p->bars[i].at_low, p->bars[i].at_high};
        for (int k = 0; k < 2; k++)
            if (isfinite(v[k])) {
                a = fmin(a, v[k]);
                b = fmax(b, v[k]);
            }
    }
    if (!isfinite(a))
        return 0;
    if (b - a < 1e-9 * (fabs(a) + 1)) {
        a -= fabs(a) > 0 ? 0.1 * fabs(a) : 1;
        b += fabs(b) > 0 ? 0.1 * fabs(b) : 1;
    }
    const double step = bmd_svg_nice_step(b - a, 6);
    *lo = floor(a / step) * step;
    *hi = ceil(b / step) * step;
    if (*hi <= *lo)
        *hi = *lo + step;
    return 1;
}

int bmd_plot_tornado_svg(const bmd_tornado_plot *p, char **out, bmd_error *err)
{
    if (!p || !out || !p->bars || p->n_bars < 1)
        return bmd_error_set(err, BMD_EINVAL, "tornado plot: at least one bar is needed");
    size_t longest = 0;
    for (int i = 0; i < p->n_bars; i++)
        if (p->bars[i].label && strlen(p->bars[i].label) > longest)
            longest = strlen(p->bars[i].label);
    const double label_px = fmax(160.0, TP_CHAR_PX * (double)longest + 16.0);
    const int width = p->width_px ? p->width_px : (int)(label_px + 480 + TP_RIGHT_PX);
    if (width < 300 || width > 4000)
        return bmd_error_set(err, BMD_EINVAL, "tornado plot: width %d px must be in [300, 4000]",
                             width);
    double lo, hi;
    if (!axis_range(p, &lo, &hi))
        return bmd_error_set(err, BMD_EINVAL, "tornado plot: no finite value to draw (nominal "
                             "and every bar end are undefined)");
    /* the footnote wrapped at "; " into lines that fit */
    char foot[TP_FOOT_LINES][400];
    int n_foot = 0;
    const size_t per_line = (size_t)((width - 24) / 5.6);
    for (const char *f = p->footnote; f && *f && n_foot < TP_FOOT_LINES; n_foot++) {
        size_t take = strlen(f);
        if (take > per_line) {
            take = per_line;
            for (size_t k = per_line; k > per_line / 3; k--)
                if (f[k] == ';' || f[k] == ',' || f[k] == ' ') {
                    take = k + 1;
                    break;
                }
        }
        if (take >= sizeof foot[0])
            take = sizeof foot[0] - 1;
        memcpy(foot[n_foot], f, take);
        foot[n_foot][take] = '\0';
        f += take;
        while (*f == ' ')
            f++;
    }
    const double height = TP_TOP_PX + p->n_bars * TP_ROW_PX + TP_BOTTOM_PX + 14.0 * n_foot;
    const double x0_fit = width - TP_RIGHT_PX - 480 > label_px ? width - TP_RIGHT_PX - 480 : label_px;
    const double x1 = width - TP_RIGHT_PX;
    const double x0 = x0_fit < x1 - 100 ? x0_fit : x1 - 100; /* narrow: labels may overlap */
    const double y0 = TP_TOP_PX, y1 = TP_TOP_PX + p->n_bars * TP_ROW_PX;
#define XP(v) (x0 + ((v) - lo) / (hi - lo) * (x1 - x0))
    svg s;
    bmd_svg_begin(&s, width, height, p->title ? p->title : "tornado chart");
    bmd_svg_rect(&s, 0, 0, width, height, "fill=\"#ffffff\"");
    if (p->title)
        bmd_svg_text(&s, 12, 22, "start", 15, "font-weight=\"bold\"", p->title);
    /* legend */
    bmd_svg_rect(&s, 12, 32, 12, 10, "fill=\"#4477aa\"");
    bmd_svg_text(&s, 28, 41, "start", 11, NULL, "parameter at the low end of its band");
    bmd_svg_rect(&s, 260, 32, 12, 10, "fill=\"#ee7733\"");
    bmd_svg_text(&s, 276, 41, "start", 11, NULL, "at the high end");
    /* grid and axis */
    const double step = bmd_svg_nice_step(hi - lo, 6);
    char buf[160];
    for (double v = lo; v <= hi + 1e-9 * step; v += step) {
        bmd_svg_line(&s, XP(v), y0, XP(v), y1, "stroke=\"#dddddd\"");
        snprintf(buf, sizeof buf, "%g", fabs(v) < 1e-12 * step ? 0.0 : v);
        bmd_svg_text(&s, XP(v), y1 + 16, "middle", 11, NULL, buf);
    }
    bmd_svg_line(&s, x0, y1, x1, y1, "stroke=\"#333333\"");
    bmd_svg_text(&s, 0.5 * (x0 + x1), y1 + 34, "middle", 12, NULL,
                 p->metric_label ? p->metric_label : "metric");
    const double nom = isfinite(p->nominal) ? p->nominal : lo;
    for (int i = 0; i < p->n_bars; i++) {
        const bmd_tornado_bar *b = &p->bars[i];
        const double yc = y0 + (i + 0.5) * TP_ROW_PX;
        bmd_svg_text(&s, x0 - 8, yc + 4, "end", 11, NULL, b->label ? b->label : "");
        const double v[2] = {b->at_low, b->at_high};
        const char *flip[2] = {b->flip_low, b->flip_high};
        const char *fill[2] = {"fill=\"#4477aa\" fill-opacity=\"0.85\"",
                               "fill=\"#ee7733\" fill-opacity=\"0.85\""};
        for (int k = 0; k < 2; k++) {
            const double end = isfinite(v[k]) ? v[k] : lo;
            const double xa = fmin(XP(nom), XP(end)), xb = fmax(XP(nom), XP(end));
            const double yy = yc - TP_ROW_PX * 0.38 + k * TP_ROW_PX * 0.38;
            bmd_svg_rect(&s, xa, yy, fmax(xb - xa, 1.5), TP_ROW_PX * 0.36, fill[k]);
            if (flip[k]) {
                snprintf(buf, sizeof buf, "%s: %s", k ? "high" : "low", flip[k]);
                bmd_svg_text(&s, x1 + 6, yy + 9, "start", 10,
                             "fill=\"#aa0000\" font-weight=\"bold\"", buf);
            }
        }
    }
    if (isfinite(p->nominal)) {
        bmd_svg_line(&s, XP(p->nominal), y0 - 4, XP(p->nominal), y1,
                     "stroke=\"#000000\" stroke-width=\"1.5\"");
        snprintf(buf, sizeof buf, "nominal %g", p->nominal);
        bmd_svg_text(&s, XP(p->nominal), y0 - 7, "middle", 10, NULL, buf);
    }
    for (int i = 0; i < n_foot; i++)
        bmd_svg_text(&s, 12, y1 + 54 + 14.0 * i, "start", 10, "fill=\"#555555\"", foot[i]);
#undef XP
    return bmd_svg_finish(&s, out, err);
}

int bmd_plot_tornado_write(const bmd_tornado_plot *plot, const char *path, bmd_error *err)
{
    char *text;
    int st = bmd_plot_tornado_svg(plot, &text, err);
    if (st)
        return st;
    st = bmd_atomic_write_string(path, text, err);
    free(text);
    return st;
}

int bmd_plot_robustness_tornado_svg(const bmd_robustness *r, const bmd_scenario *scn,
                                    int max_bars, const char *footnote, char **out,
                                    bmd_error *err)
{
    if (!r || !scn || !out || r->n_rows < 1)
        return bmd_error_set(err, BMD_EINVAL, "tornado plot: the pair has no tornado rows (no "
                             "uncertain parameter touches it)");
    int n = r->n_rows;
    if (max_bars > 0 && n > max_bars)
        n = max_bars;
    if (n > 40)
        n = 40;
    bmd_tornado_bar bars[40];
    char labels[40][200];
    const double scale = r->metric == BMD_SENS_METRIC_ALTITUDE ? 1e-3 : 1;
    for (int i = 0; i < n; i++) {
        const bmd_tornado_row *w = &r->rows[i];
        snprintf(labels[i], sizeof labels[i], "%s %.4g..%.4g %s", w->path, w->low, w->high,
                 w->unit);
        bars[i] = (bmd_tornado_bar){labels[i], w->metric_low * scale, w->metric_high * scale,
                                    w->flips_low ? bmd_sens_verdict_name(w->at_low.verdict) : NULL,
                                    w->flips_high ? bmd_sens_verdict_name(w->at_high.verdict)
                                                  : NULL};
    }
    char title[400], metric[80];
    snprintf(title, sizeof title, "%s x %s: %s (%s)", scn->threats[r->threat].name,
             scn->sites[r->site].name, bmd_sens_verdict_name(r->nominal.verdict),
             bmd_robust_label_name(r->label));
    snprintf(metric, sizeof metric, "%s",
             r->metric == BMD_SENS_METRIC_SHOTS    ? "shot opportunities"
             : r->metric == BMD_SENS_METRIC_MARGIN ? "margin: available minus required "
                                                     "interceptor speed (m/s)"
                                                   : "altitude of the earliest intercept (km)");
    bmd_tornado_plot p;
    bmd_tornado_plot_init(&p);
    p.title = title;
    p.metric_label = metric;
    p.nominal = bmd_sens_metric_value(&r->nominal, r->metric) * scale;
    p.bars = bars;
    p.n_bars = n;
    p.footnote = footnote;
    return bmd_plot_tornado_svg(&p, out, err);
}
