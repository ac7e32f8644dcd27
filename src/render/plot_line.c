/* Line plot of a one-axis sweep (bmd/plot.h): one or more series against the swept value, the
 * catalogue value as a dashed vertical line with the curve's value there as a point, a legend and
 * the assumptions under the plot. Also the axis frame the contour plot shares
 * (plot_sweep_internal.h). */
#include "bmd/plot.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "render/plot_sweep_internal.h"

#define MAX_SERIES 8

static const unsigned series_rgb[MAX_SERIES] = {0x1f4e9c, 0xc0392b, 0x27864a, 0x8e44ad,
                                                0xd68910, 0x117a8b, 0x6e2c00, 0x555555};

bmd_render_axis bmd_render_axis_make(double lo, double hi, double p0, double p1, int target)
{
    if (!(hi > lo)) {
        double pad = fabs(lo) > 0 ? fabs(lo) * 0.05 : 0.5;
        lo -= pad;
        hi += pad;
    }
    double step = bmd_svg_nice_step(hi - lo, target);
    bmd_render_axis a = {lo, hi, p0, p1, step, ceil(lo / step - 1e-9) * step};
    return a;
}

bmd_render_axis bmd_render_axis_nice(double lo, double hi, double p0, double p1, int target)
{
    bmd_render_axis a = bmd_render_axis_make(lo, hi, p0, p1, target);
    a.lo = floor(a.lo / a.step + 1e-9) * a.step;
    a.hi = ceil(a.hi / a.step - 1e-9) * a.step;
    if (a.hi <= a.lo)
        a.hi = a.lo + a.step;
    a.first = a.lo;
    return a;
}

double bmd_render_axis_px(const bmd_render_axis *a, double v)
{
    return a->p0 + (v - a->lo) / (a->hi - a->lo) * (a->p1 - a->p0);
}

void bmd_render_tick_label(char *buf, size_t n, double v, double step)
{
    int dec = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
    if (dec > 9)
        dec = 9;
    snprintf(buf, n, "%.*f", dec, fabs(v) < step * 1e-6 ? 0.0 : v);
}

void bmd_render_axes_draw(svg *s, const bmd_render_axis *x, const bmd_render_axis *y,
                          const char *xlabel, const char *ylabel, int grid)
{
    char buf[48];
    double xe = x->hi + x->step * 1e-6, ye = y->hi + y->step * 1e-6;
    if (grid) {
        bmd_svg_group_open(s, "stroke=\"#e3e3e3\" stroke-width=\"1\"");
        for (double v = x->first; v <= xe; v += x->step)
            bmd_svg_line(s, bmd_render_axis_px(x, v), y->p0, bmd_render_axis_px(x, v), y->p1,
                         NULL);
        for (double v = y->first; v <= ye; v += y->step)
            bmd_svg_line(s, x->p0, bmd_render_axis_px(y, v), x->p1, bmd_render_axis_px(y, v),
                         NULL);
        bmd_svg_group_close(s);
    }
    bmd_svg_rect(s, x->p0, y->p1, x->p1 - x->p0, y->p0 - y->p1,
                 "fill=\"none\" stroke=\"#555\" stroke-width=\"1\"");
    bmd_svg_group_open(s, "fill=\"#333\" stroke=\"#555\"");
    for (double v = x->first; v <= xe; v += x->step) {
        double px = bmd_render_axis_px(x, v);
        bmd_svg_line(s, px, y->p0, px, y->p0 + 4, NULL);
        bmd_render_tick_label(buf, sizeof buf, v, x->step);
        bmd_svg_text(s, px, y->p0 + 16, "middle", 11, "stroke=\"none\"", buf);
    }
    for (double v = y->first; v <= ye; v += y->step) {
        double py = bmd_render_axis_px(y, v);
        bmd_svg_line(s, x->p0 - 4, py, x->p0, py, NULL);
        bmd_render_tick_label(buf, sizeof buf, v, y->step);
        bmd_svg_text(s, x->p0 - 6, py + 4, "end", 11, "stroke=\"none\"", buf);
    }
    bmd_svg_text(s, (x->p0 + x->p1) / 2, y->p0 + 34, "middle", 12, "stroke=\"none\"",
                 xlabel ? xlabel : "");
    if (ylabel) {
        char rot[96];
        double cx = x->p0 - 52, cy = (y->p0 + y->p1) / 2;
        snprintf(rot, sizeof rot, "stroke=\"none\" transform=\"rotate(-90 %.1f %.1f)\"", cx, cy);
        bmd_svg_text(s, cx, cy, "middle", 12, rot, ylabel);
    }
    bmd_svg_group_close(s);
}

void bmd_render_note(svg *s, double x, double y, const char *note)
{
    if (!note || !*note)
        return;
    char line[160];
    size_t len = strlen(note), at = 0;
    for (int k = 0; k < 3 && at < len; k++) {
        size_t take = len - at;
        if (take > 120) { /* break at the last space (or "; ") before 120 characters */
            take = 120;
            while (take > 40 && note[at + take] != ' ')
                take--;
        }
        if (k == 2 && at + take < len && take > 3) { /* the last line: say there is more */
            snprintf(line, sizeof line, "%.*s...", (int)(take - 3), note + at);
        } else {
            snprintf(line, sizeof line, "%.*s", (int)take, note + at);
        }
        bmd_svg_text(s, x, y + 13.0 * k, "start", 10, "fill=\"#555\"", line);
        at += take;
        while (at < len && note[at] == ' ')
            at++;
    }
}

int bmd_render_check_axis(const char *name, const double *v, int n, int min_n, bmd_error *err)
{
    if (!v || n < min_n)
        return bmd_error_set(err, BMD_EINVAL, "%s axis has %d values (at least %d needed)", name,
                             v ? n : 0, min_n);
    for (int i = 0; i < n; i++) {
        if (!isfinite(v[i]))
            return bmd_error_set(err, BMD_EINVAL, "%s axis: value %d (%g) is not finite", name, i,
                                 v[i]);
        if (i > 0 && !(v[i] > v[i - 1]))
            return bmd_error_set(err, BMD_EINVAL, "%s axis: values must increase (value %d is %g "
                                 "after %g)", name, i, v[i], v[i - 1]);
    }
    return BMD_SUCCESS;
}

int bmd_render_check_size(int w, int h, bmd_error *err)
{
    if (w < 200 || w > 4000 || h < 200 || h > 4000)
        return bmd_error_set(err, BMD_EINVAL, "plot size %d x %d px is outside [200, 4000] px", w,
                             h);
    return BMD_SUCCESS;
}

void bmd_line_plot_init(bmd_line_plot *plot)
{
    *plot = (bmd_line_plot){0};
    plot->x_nominal = plot->y_nominal = NAN;
}

/* The data range of the series (and the nominal point); BMD_EINVAL when no value is finite. */
static int y_extent(const bmd_line_plot *p, double *lo, double *hi, bmd_error *err)
{
    *lo = INFINITY;
    *hi = -INFINITY;
    for (int k = 0; k < p->n_series; k++) {
        int any = 0;
        if (!p->series[k].y)
            return bmd_error_set(err, BMD_EINVAL, "line plot: series %d has no values", k);
        for (int i = 0; i < p->n; i++)
            if (isfinite(p->series[k].y[i])) {
                *lo = fmin(*lo, p->series[k].y[i]);
                *hi = fmax(*hi, p->series[k].y[i]);
                any = 1;
            }
        if (!any)
            return bmd_error_set(err, BMD_EINVAL, "line plot: series '%s' has no finite value",
                                 p->series[k].label ? p->series[k].label : "");
    }
    if (isfinite(p->y_nominal)) {
        *lo = fmin(*lo, p->y_nominal);
        *hi = fmax(*hi, p->y_nominal);
    }
    return BMD_SUCCESS;
}

/* One series as polylines broken at NaN values, with a dot on every finite point. */
static void draw_series(svg *s, const bmd_line_plot *p, int k, const bmd_render_axis *x,
                        const bmd_render_axis *y)
{
    char col[8], style[160];
    bmd_svg_rgb(series_rgb[k], col);
    snprintf(style, sizeof style, "fill=\"none\" stroke=\"%s\" stroke-width=\"2\"", col);
    const double *v = p->series[k].y;
    int open = 0;
    bmd_svg_path_open(s);
    for (int i = 0; i < p->n; i++) {
        if (!isfinite(v[i])) {
            open = 0;
            continue;
        }
        double px = bmd_render_axis_px(x, p->x[i]), py = bmd_render_axis_px(y, v[i]);
        if (open)
            bmd_svg_path_line(s, px, py);
        else
            bmd_svg_path_move(s, px, py);
        open = 1;
    }
    bmd_svg_path_end(s, style);
    snprintf(style, sizeof style, "fill=\"%s\"", col);
    bmd_svg_group_open(s, style);
    for (int i = 0; i < p->n; i++)
        if (isfinite(v[i]))
            bmd_svg_circle(s, bmd_render_axis_px(x, p->x[i]), bmd_render_axis_px(y, v[i]), 2.5,
                           NULL);
    bmd_svg_group_close(s);
}

/* The legend, top right inside the frame: each series and the nominal mark. */
static void legend(svg *s, const bmd_line_plot *p, const bmd_render_axis *x,
                   const bmd_render_axis *y)
{
    int rows = p->n_series + (isfinite(p->x_nominal) ? 1 : 0);
    double w = 230, h = 8 + 16.0 * rows, x0 = x->p1 - w - 8, y0 = y->p1 + 8;
    bmd_svg_rect(s, x0, y0, w, h, "fill=\"#ffffff\" fill-opacity=\"0.9\" stroke=\"#999\"");
    char col[8], style[160];
    for (int k = 0; k < p->n_series; k++) {
        double ly = y0 + 14 + 16.0 * k;
        snprintf(style, sizeof style, "stroke=\"%s\" stroke-width=\"2\"",
                 bmd_svg_rgb(series_rgb[k], col));
        bmd_svg_line(s, x0 + 8, ly - 4, x0 + 32, ly - 4, style);
        bmd_svg_text(s, x0 + 38, ly, "start", 11, "fill=\"#222\"",
                     p->series[k].label ? p->series[k].label : "");
    }
    if (isfinite(p->x_nominal)) {
        double ly = y0 + 14 + 16.0 * p->n_series;
        bmd_svg_line(s, x0 + 20, ly - 10, x0 + 20, ly + 2,
                     "stroke=\"#222\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"");
        bmd_svg_circle(s, x0 + 20, ly - 4, 4, "fill=\"#ffffff\" stroke=\"#222\" stroke-width=\"2\"");
        bmd_svg_text(s, x0 + 38, ly, "start", 11, "fill=\"#222\"",
                     p->nominal_label ? p->nominal_label : "catalogue value");
    }
}

int bmd_plot_line_svg(const bmd_line_plot *p, char **out, bmd_error *err)
{
    *out = NULL;
    int w = p->width_px ? p->width_px : 760, h = p->height_px ? p->height_px : 460;
    int st = bmd_render_check_size(w, h, err);
    if (st || (st = bmd_render_check_axis("x", p->x, p->n, 2, err)))
        return st;
    if (!p->series || p->n_series < 1 || p->n_series > MAX_SERIES)
        return bmd_error_set(err, BMD_EINVAL, "line plot has %d series (1 to %d allowed)",
                             p->series ? p->n_series : 0, MAX_SERIES);
    double ylo, yhi;
    if ((st = y_extent(p, &ylo, &yhi, err)))
        return st;
    double left = 80, right = 20, top = 44, bottom = 84;
    bmd_render_axis x = bmd_render_axis_make(p->x[0], p->x[p->n - 1], left, w - right, 8);
    double pad = (yhi - ylo) * 0.05;
    bmd_render_axis y = bmd_render_axis_nice(ylo - pad, yhi + pad, h - bottom, top, 6);
    const char *title = p->title ? p->title : "Sweep";
    svg s;
    bmd_svg_begin(&s, w, h, title);
    bmd_svg_rect(&s, 0, 0, w, h, "fill=\"#ffffff\"");
    bmd_svg_text(&s, left, 24, "start", strlen(title) > 72 ? 12 : 15,
                 "font-weight=\"bold\" fill=\"#222\"", title);
    bmd_render_axes_draw(&s, &x, &y, p->x_label,
                         p->y_label ? p->y_label : p->series[0].label, 1);
    bmd_svg_clip_rect(&s, "sweep-area", x.p0, y.p1, x.p1 - x.p0, y.p0 - y.p1);
    bmd_svg_group_open(&s, "clip-path=\"url(#sweep-area)\"");
    for (int k = 0; k < p->n_series; k++)
        draw_series(&s, p, k, &x, &y);
    if (isfinite(p->x_nominal) && p->x_nominal >= x.lo && p->x_nominal <= x.hi) {
        double px = bmd_render_axis_px(&x, p->x_nominal);
        bmd_svg_line(&s, px, y.p0, px, y.p1,
                     "stroke=\"#222\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"");
        if (isfinite(p->y_nominal))
            bmd_svg_circle(&s, px, bmd_render_axis_px(&y, p->y_nominal), 5,
                           "fill=\"#ffffff\" stroke=\"#222\" stroke-width=\"2\"");
    }
    bmd_svg_group_close(&s);
    legend(&s, p, &x, &y);
    bmd_render_note(&s, 12, h - 38, p->note);
    return bmd_svg_finish(&s, out, err);
}
