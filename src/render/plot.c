/* SVG figures: altitude against ground range, and the engagement timeline. */
#include "bmd/plot.h"
#include "bmd/unit_system.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/atomic_file.h"
#include "bmd/geodesy.h"
#include "export/palette.h"
#include "render/svg.h"

#define KM_PER_MILE 1.609344   /* international mile (exact) */

static const char *dashes[] = {"", " stroke-dasharray=\"7 3\"", " stroke-dasharray=\"2 3\"",
                               " stroke-dasharray=\"9 3 2 3\""};

void bmd_altitude_plot_init(bmd_altitude_plot *plot)
{
    *plot = (bmd_altitude_plot){0};
    plot->window_range_min_m = plot->window_range_max_m = NAN;
    plot->window_altitude_min_m = plot->window_altitude_max_m = NAN;
    plot->miles = 1;
}

void bmd_timeline_plot_init(bmd_timeline_plot *plot)
{
    *plot = (bmd_timeline_plot){0};
    plot->t_min_s = plot->t_max_s = NAN;
}

int bmd_plot_range_profile(const bmd_earth *earth, const bmd_sample *samples, int n,
                           double *range_m, double *altitude_m, bmd_error *err)
{
    if (!samples || n < 1)
        return bmd_error_set(err, BMD_EINVAL, "range profile of %d samples (at least 1 needed)",
                             samples ? n : 0);
    for (int i = 0; i < n; i++) {
        bmd_geodesy_inverse(earth, samples[0].lat_rad, samples[0].lon_rad, samples[i].lat_rad,
                            samples[i].lon_rad, &range_m[i], NULL, NULL);
        altitude_m[i] = samples[i].altitude_m;
    }
    return BMD_SUCCESS;
}

/* A linear axis: data interval [lo, hi] onto pixels [p0, p1]. */
typedef struct axis {
    double lo, hi, p0, p1, step;
} axis;

static double ax(const axis *a, double v) { return a->p0 + (v - a->lo) / (a->hi - a->lo) * (a->p1 - a->p0); }

/* An axis from 0 (or lo) to a nice value above hi with about target ticks. */
static axis nice_axis(double lo, double hi, double p0, double p1, int target)
{
    if (!(hi > lo))
        hi = lo + 1;
    double step = bmd_svg_nice_step(hi - lo, target);
    axis a = {floor(lo / step) * step, ceil(hi / step) * step, p0, p1, step};
    if (a.hi <= a.lo)
        a.hi = a.lo + step;
    return a;
}

/* Tick label text of value v with the step's decimals. */
static void tick_label(char *buf, size_t n, double v, double step)
{
    int dec = step >= 1 ? 0 : (int)ceil(-log10(step) - 1e-9);
    snprintf(buf, n, "%.*f", dec, fabs(v) < step * 1e-6 ? 0.0 : v);
}

static int check_size(int w, int h, bmd_error *err)
{
    if (w < 200 || w > 4000 || h < 200 || h > 4000)
        return bmd_error_set(err, BMD_EINVAL, "plot size %d x %d px is outside [200, 4000] px", w,
                             h);
    return BMD_SUCCESS;
}

/* Validate the altitude plot's data; fills the data extents (m). */
static int check_altitude_plot(const bmd_altitude_plot *p, double *xmax, double *ymax,
                               bmd_error *err)
{
    if (!p->curves || p->n_curves < 1)
        return bmd_error_set(err, BMD_EINVAL, "altitude plot has %d curves (at least 1 needed)",
                             p->curves ? p->n_curves : 0);
    *xmax = 0;
    *ymax = 0;
    for (int c = 0; c < p->n_curves; c++) {
        const bmd_plot_curve *cv = &p->curves[c];
        if (!cv->range_m || !cv->altitude_m || cv->n < 2)
            return bmd_error_set(err, BMD_EINVAL, "curve %d ('%s') has %d points (at least 2)", c,
                                 cv->label ? cv->label : "", cv->n);
        for (int i = 0; i < cv->n; i++) {
            if (!isfinite(cv->range_m[i]) || !isfinite(cv->altitude_m[i]))
                return bmd_error_set(err, BMD_EINVAL, "curve '%s': point %d (%g m, %g m) is not "
                                     "finite", cv->label ? cv->label : "", i, cv->range_m[i],
                                     cv->altitude_m[i]);
            *xmax = fmax(*xmax, cv->range_m[i]);
            *ymax = fmax(*ymax, cv->altitude_m[i]);
        }
    }
    for (int i = 0; i < p->n_markers; i++) {
        if (!isfinite(p->markers[i].range_m) || !isfinite(p->markers[i].altitude_m))
            return bmd_error_set(err, BMD_EINVAL, "marker %d is not finite", i);
        *xmax = fmax(*xmax, p->markers[i].range_m);
        *ymax = fmax(*ymax, p->markers[i].altitude_m);
    }
    if (!isnan(p->window_range_min_m) &&
        (!isfinite(p->window_range_min_m) || !(p->window_range_max_m >= p->window_range_min_m)))
        return bmd_error_set(err, BMD_EINVAL, "intercept window ranges %g to %g m are not an "
                             "interval", p->window_range_min_m, p->window_range_max_m);
    if (!isnan(p->window_range_min_m))
        *xmax = fmax(*xmax, p->window_range_max_m);
    return BMD_SUCCESS;
}

/* Grid, ticks and labels of a plot frame. */
static void frame(svg *s, const axis *x, const axis *y, const char *xlabel, const char *ylabel,
                  double scale_x, double scale_y)
{
    char buf[32];
    bmd_svg_group_open(s, "stroke=\"#e3e3e3\" stroke-width=\"1\"");
    for (double v = x->lo; v <= x->hi + x->step * 1e-6; v += x->step)
        bmd_svg_line(s, ax(x, v), y->p0, ax(x, v), y->p1, NULL);
    for (double v = y->lo; v <= y->hi + y->step * 1e-6; v += y->step)
        bmd_svg_line(s, x->p0, ax(y, v), x->p1, ax(y, v), NULL);
    bmd_svg_group_close(s);
    bmd_svg_rect(s, x->p0, y->p1, x->p1 - x->p0, y->p0 - y->p1,
             "fill=\"none\" stroke=\"#555\" stroke-width=\"1\"");
    bmd_svg_group_open(s, "fill=\"#333\"");
    for (double v = x->lo; v <= x->hi + x->step * 1e-6; v += x->step) {
        tick_label(buf, sizeof buf, v * scale_x, x->step * scale_x);
        bmd_svg_text(s, ax(x, v), y->p0 + 16, "middle", 11, NULL, buf);
    }
    for (double v = y->lo; v <= y->hi + y->step * 1e-6; v += y->step) {
        tick_label(buf, sizeof buf, v * scale_y, y->step * scale_y);
        bmd_svg_text(s, x->p0 - 6, ax(y, v) + 4, "end", 11, NULL, buf);
    }
    bmd_svg_text(s, (x->p0 + x->p1) / 2, y->p0 + 34, "middle", 12, NULL, xlabel);
    if (ylabel) {
        char rot[96];
        double cx = x->p0 - 48, cy = (y->p0 + y->p1) / 2;
        snprintf(rot, sizeof rot, "transform=\"rotate(-90 %.1f %.1f)\"", cx, cy);
        bmd_svg_text(s, cx, cy, "middle", 12, rot, ylabel);
    }
    bmd_svg_group_close(s);
}

/* A secondary range axis in miles along the top of the frame (x in metres). */
static void miles_axis(svg *s, const axis *x, double y_top)
{
    double span_mi = (x->hi - x->lo) / 1e3 / KM_PER_MILE;
    double step = bmd_svg_nice_step(span_mi, 6);
    char buf[32];
    bmd_svg_group_open(s, "fill=\"#666\" stroke=\"#666\"");
    for (double mi = ceil(x->lo / 1e3 / KM_PER_MILE / step) * step;
         mi * KM_PER_MILE * 1e3 <= x->hi + 1e-6; mi += step) {
        double px = ax(x, mi * KM_PER_MILE * 1e3);
        bmd_svg_line(s, px, y_top, px, y_top - 4, NULL);
        tick_label(buf, sizeof buf, mi, step);
        bmd_svg_text(s, px, y_top - 7, "middle", 10, "stroke=\"none\"", buf);
    }
    bmd_svg_text(s, x->p1, y_top - 20, "end", 10, "stroke=\"none\"", "miles");
    bmd_svg_group_close(s);
}

int bmd_plot_altitude_svg(const bmd_altitude_plot *p, char **out, bmd_error *err)
{
    *out = NULL;
    int w = p->width_px ? p->width_px : 760, h = p->height_px ? p->height_px : 440;
    double xmax = 0, ymax = 0;
    int st = check_size(w, h, err);
    if (st || (st = check_altitude_plot(p, &xmax, &ymax, err)))
        return st;
    /* the axes in the plot's units (bmd/unit_system.h): round ticks in km, mi or nmi, the data
       still in metres */
    double f;
    const char *unit;
    int dec;
    bmd_unit_convert(p->units, "km", 1.0, 0, &f, &unit, &dec);
    const int miles = p->miles && p->units == BMD_UNITS_METRIC; /* a mile scale beside km only */
    double left = 72, right = 20, top = miles ? 70 : 44, bottom = 52;
    axis x = nice_axis(0, xmax * f, left, w - right, 8);
    axis y = nice_axis(0, ymax * 1.05 * f, h - bottom, top, 6);
    x.lo /= f, x.hi /= f, x.step /= f;
    y.lo /= f, y.hi /= f, y.step /= f;
    char xlabel[48], ylabel[48];
    snprintf(xlabel, sizeof xlabel, "ground range (%s)", unit);
    snprintf(ylabel, sizeof ylabel, "altitude (%s)", unit);

    svg s;
    bmd_svg_begin(&s, w, h, p->title ? p->title : "Altitude against ground range");
    bmd_svg_rect(&s, 0, 0, w, h, "fill=\"#ffffff\"");
    bmd_svg_text(&s, left, 22, "start", 15, "font-weight=\"bold\" fill=\"#222\"",
             p->title ? p->title : "Altitude against ground range");
    bmd_svg_clip_rect(&s, "plot-area", x.p0, y.p1, x.p1 - x.p0, y.p0 - y.p1);

    char col[8], style[160];
    if (!isnan(p->window_range_min_m)) {
        double y0 = isnan(p->window_altitude_min_m) ? y.lo : p->window_altitude_min_m;
        double y1 = isnan(p->window_altitude_max_m) ? y.hi : p->window_altitude_max_m;
        snprintf(style, sizeof style, "fill=\"%s\" fill-opacity=\"0.35\" clip-path=\"url(#plot-area)\"",
                 bmd_svg_rgb(PAL_WINDOW, col));
        bmd_svg_rect(&s, ax(&x, p->window_range_min_m), ax(&y, y1),
                 ax(&x, p->window_range_max_m) - ax(&x, p->window_range_min_m),
                 ax(&y, y0) - ax(&y, y1), style);
    }
    frame(&s, &x, &y, xlabel, ylabel, 1e-3 * f, 1e-3 * f);
    if (miles)
        miles_axis(&s, &x, y.p1);

    /* curves */
    int n_threat = 0, n_interceptor = 0;
    bmd_svg_group_open(&s, "clip-path=\"url(#plot-area)\" fill=\"none\" stroke-linejoin=\"round\"");
    for (int c = 0; c < p->n_curves; c++) {
        const bmd_plot_curve *cv = &p->curves[c];
        int k = cv->kind == BMD_TRACK_INTERCEPTOR ? n_interceptor++ : n_threat++;
        double *px = malloc((size_t)cv->n * sizeof *px), *py = malloc((size_t)cv->n * sizeof *py);
        if (!px || !py) {
            free(px);
            free(py);
            bmd_svg_discard(&s);
            return bmd_error_set(err, BMD_ENOMEM, "out of memory drawing curve '%s'",
                                 cv->label ? cv->label : "");
        }
        for (int i = 0; i < cv->n; i++) {
            px[i] = ax(&x, cv->range_m[i]);
            py[i] = ax(&y, cv->altitude_m[i]);
        }
        snprintf(style, sizeof style, "stroke=\"%s\" stroke-width=\"2\"%s",
                 bmd_svg_rgb(cv->kind == BMD_TRACK_INTERCEPTOR ? PAL_INTERCEPTOR : PAL_THREAT, col),
                 dashes[k % 4]);
        bmd_svg_polyline(&s, px, py, cv->n, style);
        free(px);
        free(py);
    }
    bmd_svg_group_close(&s);

    /* markers */
    for (int i = 0; i < p->n_markers; i++) {
        double mx = ax(&x, p->markers[i].range_m), my = ax(&y, p->markers[i].altitude_m);
        bmd_svg_circle(&s, mx, my, 4, "fill=\"#ffffff\" stroke=\"#111\" stroke-width=\"1.5\"");
        if (p->markers[i].label)
            bmd_svg_text(&s, mx + 7, my - 7, "start", 11, "fill=\"#111\"", p->markers[i].label);
    }

    /* legend, top right inside the frame */
    int rows = p->n_curves + !isnan(p->window_range_min_m);
    double lw = 210, lx = x.p1 - lw - 8, ly = y.p1 + 8;
    bmd_svg_rect(&s, lx, ly, lw, 10 + 16 * rows,
             "fill=\"#ffffff\" fill-opacity=\"0.9\" stroke=\"#bbb\"");
    n_threat = n_interceptor = 0;
    for (int c = 0; c < p->n_curves; c++) {
        const bmd_plot_curve *cv = &p->curves[c];
        int k = cv->kind == BMD_TRACK_INTERCEPTOR ? n_interceptor++ : n_threat++;
        double yy = ly + 14 + 16 * c;
        snprintf(style, sizeof style, "stroke=\"%s\" stroke-width=\"2\"%s",
                 bmd_svg_rgb(cv->kind == BMD_TRACK_INTERCEPTOR ? PAL_INTERCEPTOR : PAL_THREAT, col),
                 dashes[k % 4]);
        bmd_svg_line(&s, lx + 8, yy - 4, lx + 34, yy - 4, style);
        bmd_svg_text(&s, lx + 40, yy, "start", 11, "fill=\"#222\"", cv->label ? cv->label : "");
    }
    if (!isnan(p->window_range_min_m)) {
        double yy = ly + 14 + 16 * p->n_curves;
        snprintf(style, sizeof style, "fill=\"%s\" fill-opacity=\"0.35\"", bmd_svg_rgb(PAL_WINDOW, col));
        bmd_svg_rect(&s, lx + 8, yy - 10, 26, 10, style);
        bmd_svg_text(&s, lx + 40, yy, "start", 11, "fill=\"#222\"", "intercept window");
    }
    return bmd_svg_finish(&s, out, err);
}

int bmd_plot_altitude_write(const bmd_altitude_plot *plot, const char *path, bmd_error *err)
{
    char *text;
    int st = bmd_plot_altitude_svg(plot, &text, err);
    if (st)
        return st;
    st = bmd_atomic_write_string(path, text, err);
    free(text);
    return st;
}

/* The lanes of a timeline row. */
typedef struct lane {
    const char *label;
    unsigned rgb;
} lane;

static const lane lanes[] = {{"seen", 0x9edae5u},
                             {"tracked", PAL_RADAR},
                             {"launch window", PAL_INTERCEPTOR},
                             {"intercept window", PAL_WINDOW}};

/* The interval of lane k of a row. */
static const double *lane_interval(const bmd_timeline_row *r, int k)
{
    switch (k) {
    case 0: return r->seen_s;
    case 1: return r->tracked_s;
    case 2: return r->launch_window_s;
    default: return r->intercept_window_s;
    }
}

/* Validate the timeline and find the data's time extent. */
static int check_timeline(const bmd_timeline_plot *p, double *t0, double *t1, bmd_error *err)
{
    if (!p->rows || p->n_rows < 1)
        return bmd_error_set(err, BMD_EINVAL, "timeline has %d rows (at least 1 needed)",
                             p->rows ? p->n_rows : 0);
    *t0 = INFINITY;
    *t1 = -INFINITY;
    for (int i = 0; i < p->n_rows; i++) {
        const bmd_timeline_row *r = &p->rows[i];
        for (int k = 0; k < 4; k++) {
            const double *iv = lane_interval(r, k);
            if (isnan(iv[0]))
                continue;
            if (!isfinite(iv[0]) || !isfinite(iv[1]) || iv[1] < iv[0])
                return bmd_error_set(err, BMD_EINVAL, "timeline row '%s': %s interval [%g, %g] s "
                                     "is not an interval", r->site ? r->site : "", lanes[k].label,
                                     iv[0], iv[1]);
            *t0 = fmin(*t0, iv[0]);
            *t1 = fmax(*t1, iv[1]);
        }
        for (int j = 0; j < r->n_shots; j++) {
            if (!r->shots_s || !isfinite(r->shots_s[j]))
                return bmd_error_set(err, BMD_EINVAL, "timeline row '%s': shot %d time is not "
                                     "finite", r->site ? r->site : "", j);
            *t0 = fmin(*t0, r->shots_s[j]);
            *t1 = fmax(*t1, r->shots_s[j]);
        }
    }
    if (!isnan(p->t_min_s))
        *t0 = p->t_min_s;
    if (!isnan(p->t_max_s))
        *t1 = p->t_max_s;
    if (!isfinite(*t0) || !isfinite(*t1) || !(*t1 > *t0)) {
        if (isnan(p->t_min_s) && isnan(p->t_max_s) && !isfinite(*t0)) {
            *t0 = 0; /* nothing happens: an empty axis of 100 s */
            *t1 = 100;
        } else if (!(*t1 > *t0)) {
            return bmd_error_set(err, BMD_EINVAL, "timeline axis [%g, %g] s is empty", *t0, *t1);
        }
    }
    return BMD_SUCCESS;
}

int bmd_plot_timeline_svg(const bmd_timeline_plot *p, char **out, bmd_error *err)
{
    *out = NULL;
    double t0 = 0, t1 = 1;
    int st = check_timeline(p, &t0, &t1, err);
    if (st)
        return st;
    int w = p->width_px ? p->width_px : 760;
    double row_h = 50, left = 150, right = 20, top = 64, bottom = 48;
    int h = (int)(top + bottom + row_h * p->n_rows);
    if ((st = check_size(w, h < 200 ? 200 : h, err)))
        return st;
    if (h < 200)
        h = 200;
    axis x = nice_axis(t0, t1, left, w - right, 8);
    if (!isnan(p->t_min_s))
        x.lo = p->t_min_s;
    if (!isnan(p->t_max_s))
        x.hi = p->t_max_s;
    axis y = {0, p->n_rows, top + row_h * p->n_rows, top, 1};

    svg s;
    char col[8], style[160], buf[32];
    const char *title = p->title ? p->title : "Engagement timeline";
    bmd_svg_begin(&s, w, h, title);
    bmd_svg_rect(&s, 0, 0, w, h, "fill=\"#ffffff\"");
    bmd_svg_text(&s, 12, 22, "start", 15, "font-weight=\"bold\" fill=\"#222\"", title);
    /* legend */
    double lx = left;
    for (int k = 0; k < 4; k++) {
        snprintf(style, sizeof style, "fill=\"%s\"", bmd_svg_rgb(lanes[k].rgb, col));
        bmd_svg_rect(&s, lx, 36, 18, 9, style);
        bmd_svg_text(&s, lx + 23, 45, "start", 11, "fill=\"#222\"", lanes[k].label);
        lx += 40 + 7.0 * (double)strlen(lanes[k].label);
    }
    bmd_svg_line(&s, lx, 34, lx, 47, "stroke=\"#111\" stroke-width=\"2\"");
    bmd_svg_text(&s, lx + 6, 45, "start", 11, "fill=\"#222\"", "shot");

    /* grid and time axis */
    bmd_svg_group_open(&s, "stroke=\"#e3e3e3\"");
    double first = ceil(x.lo / x.step) * x.step;
    for (double v = first; v <= x.hi + x.step * 1e-6; v += x.step)
        bmd_svg_line(&s, ax(&x, v), y.p0, ax(&x, v), y.p1, NULL);
    bmd_svg_group_close(&s);
    bmd_svg_rect(&s, x.p0, y.p1, x.p1 - x.p0, y.p0 - y.p1, "fill=\"none\" stroke=\"#555\"");
    bmd_svg_group_open(&s, "fill=\"#333\"");
    for (double v = first; v <= x.hi + x.step * 1e-6; v += x.step) {
        tick_label(buf, sizeof buf, v, x.step);
        bmd_svg_text(&s, ax(&x, v), y.p0 + 16, "middle", 11, NULL, buf);
    }
    bmd_svg_text(&s, (x.p0 + x.p1) / 2, y.p0 + 36, "middle", 12, NULL, "time after threat launch (s)");
    bmd_svg_group_close(&s);

    bmd_svg_clip_rect(&s, "timeline-area", x.p0, y.p1, x.p1 - x.p0, y.p0 - y.p1);
    for (int i = 0; i < p->n_rows; i++) {
        const bmd_timeline_row *r = &p->rows[i];
        double ry = top + row_h * i;
        if (i)
            bmd_svg_line(&s, 8, ry, x.p1, ry, "stroke=\"#ccc\"");
        bmd_svg_text(&s, left - 8, ry + row_h / 2 + 4, "end", 12, "fill=\"#222\"",
                 r->site ? r->site : "");
        bmd_svg_group_open(&s, "clip-path=\"url(#timeline-area)\"");
        for (int k = 0; k < 4; k++) {
            const double *iv = lane_interval(r, k);
            if (isnan(iv[0]))
                continue;
            snprintf(style, sizeof style, "fill=\"%s\"", bmd_svg_rgb(lanes[k].rgb, col));
            double bx = ax(&x, iv[0]), bw = fmax(ax(&x, iv[1]) - bx, 1.0);
            bmd_svg_rect(&s, bx, ry + 6 + 9.5 * k, bw, 8, style);
        }
        for (int j = 0; j < r->n_shots; j++) {
            double sx = ax(&x, r->shots_s[j]);
            bmd_svg_line(&s, sx, ry + 3, sx, ry + row_h - 3, "stroke=\"#111\" stroke-width=\"2\"");
        }
        bmd_svg_group_close(&s);
    }
    return bmd_svg_finish(&s, out, err);
}

int bmd_plot_timeline_write(const bmd_timeline_plot *plot, const char *path, bmd_error *err)
{
    char *text;
    int st = bmd_plot_timeline_svg(plot, &text, err);
    if (st)
        return st;
    st = bmd_atomic_write_string(path, text, err);
    free(text);
    return st;
}
