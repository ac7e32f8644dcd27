/* Contour plot of a two-axis sweep (bmd/plot.h): marching squares for the isolines (each with its
 * level written on it), filled bands between the levels, axes, a legend of the bands and the
 * catalogue (nominal) point. The bands are drawn by clipping the two triangles of every cell
 * between consecutive levels (exact for the linear interpolant on a triangle); the isolines
 * interpolate along the same cell edges, so both meet at the cell boundaries. */
#include "bmd/plot.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/plot_sweep_internal.h"

#define MAX_LEVELS 32
#define AUTO_LEVELS 8

void bmd_contour_plot_init(bmd_contour_plot *plot)
{
    *plot = (bmd_contour_plot){0};
    plot->x_nominal = plot->y_nominal = NAN;
}

/* The point where z crosses level on the edge from a (value za) to b (value zb). */
static void cross(double xa, double ya, double za, double xb, double yb, double zb, double level,
                  double *x, double *y)
{
    double t = (level - za) / (zb - za);
    *x = xa + t * (xb - xa);
    *y = ya + t * (yb - ya);
}

int bmd_contour_segments(const double *x, int nx, const double *y, int ny, const double *z,
                         double level, bmd_contour_segment **segs, int *n, bmd_error *err)
{
    *segs = NULL;
    *n = 0;
    int st = bmd_render_check_axis("x", x, nx, 2, err);
    if (st || (st = bmd_render_check_axis("y", y, ny, 2, err)))
        return st;
    if (!z)
        return bmd_error_set(err, BMD_EINVAL, "contour: no grid values");
    if (!isfinite(level))
        return bmd_error_set(err, BMD_EINVAL, "contour level %g is not finite", level);
    int cap = 0;
    bmd_contour_segment *out = NULL;
    for (int j = 0; j + 1 < ny; j++)
        for (int i = 0; i + 1 < nx; i++) {
            /* corners counter-clockwise from the lower left */
            double cx[4] = {x[i], x[i + 1], x[i + 1], x[i]};
            double cy[4] = {y[j], y[j], y[j + 1], y[j + 1]};
            double cz[4] = {z[j * nx + i], z[j * nx + i + 1], z[(j + 1) * nx + i + 1],
                            z[(j + 1) * nx + i]};
            if (!isfinite(cz[0]) || !isfinite(cz[1]) || !isfinite(cz[2]) || !isfinite(cz[3]))
                continue;
            double px[4], py[4];
            int edge[4], k = 0;
            for (int e = 0; e < 4; e++) { /* edge e joins corner e and e + 1 */
                int a = e, b = (e + 1) % 4;
                if ((cz[a] >= level) != (cz[b] >= level)) {
                    cross(cx[a], cy[a], cz[a], cx[b], cy[b], cz[b], level, &px[k], &py[k]);
                    edge[k++] = e;
                }
            }
            if (k < 2)
                continue;
            int pairs[2][2] = {{0, 1}, {-1, -1}};
            if (k == 4) { /* saddle: corners 0, 2 on one side, 1, 3 on the other */
                double mean = 0.25 * (cz[0] + cz[1] + cz[2] + cz[3]);
                int centre_like_0 = (mean >= level) == (cz[0] >= level);
                /* crossings are on edges 0, 1, 2, 3 in order; corner 0 joined to corner 2
                 * through the centre: cut corners 1 (edges 0-1) and 3 (edges 2-3) */
                if (centre_like_0) {
                    pairs[0][0] = 0, pairs[0][1] = 1, pairs[1][0] = 2, pairs[1][1] = 3;
                } else { /* cut corners 0 (edges 3-0) and 2 (edges 1-2) */
                    pairs[0][0] = 3, pairs[0][1] = 0, pairs[1][0] = 1, pairs[1][1] = 2;
                }
            }
            (void)edge;
            for (int q = 0; q < 2 && pairs[q][0] >= 0; q++) {
                if (*n == cap) {
                    int nc = cap ? 2 * cap : 64;
                    bmd_contour_segment *grown = realloc(out, (size_t)nc * sizeof *out);
                    if (!grown) {
                        free(out);
                        *n = 0;
                        return bmd_error_set(err, BMD_ENOMEM, "contour: out of memory");
                    }
                    out = grown;
                    cap = nc;
                }
                int a = pairs[q][0], b = pairs[q][1];
                out[(*n)++] = (bmd_contour_segment){px[a], py[a], px[b], py[b]};
            }
        }
    *segs = out;
    return BMD_SUCCESS;
}

/* The band colours: a sequential blue-green-yellow scale (after viridis), k of n. */
static unsigned band_rgb(int k, int n)
{
    static const double stops[6][3] = {{68, 1, 84},    {65, 68, 135},  {42, 120, 142},
                                       {34, 168, 132}, {122, 209, 81}, {253, 231, 37}};
    double t = n > 1 ? (double)k / (n - 1) : 0.5;
    double f = t * 5;
    int i = (int)floor(f);
    if (i >= 5)
        i = 4;
    double u = f - i;
    unsigned rgb = 0;
    for (int c = 0; c < 3; c++) {
        double v = stops[i][c] + u * (stops[i + 1][c] - stops[i][c]);
        rgb = (rgb << 8) | (unsigned)lround(v);
    }
    return rgb;
}

/* Clip polygon (x, y, z) of n <= 8 points to z >= level (above nonzero) or z <= level: one step
 * of Sutherland-Hodgman on a linear function (exact on a triangle). Returns the new count. */
static int clip(double *x, double *y, double *z, int n, double level, int above)
{
    double ox[12], oy[12], oz[12];
    int m = 0;
    for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        double di = above ? z[i] - level : level - z[i];
        double dj = above ? z[j] - level : level - z[j];
        if (di >= 0) {
            ox[m] = x[i], oy[m] = y[i], oz[m++] = z[i];
        }
        if ((di >= 0) != (dj >= 0)) {
            double t = di / (di - dj);
            ox[m] = x[i] + t * (x[j] - x[i]);
            oy[m] = y[i] + t * (y[j] - y[i]);
            oz[m++] = level;
        }
    }
    for (int i = 0; i < m; i++)
        x[i] = ox[i], y[i] = oy[i], z[i] = oz[i];
    return m;
}

/* Nice automatic levels inside the finite range of z (at least one). */
static int auto_levels(double zlo, double zhi, double *levels)
{
    if (!(zhi > zlo)) {
        levels[0] = zlo;
        return 1;
    }
    double step = bmd_svg_nice_step(zhi - zlo, AUTO_LEVELS);
    int n = 0;
    for (double v = ceil(zlo / step + 1e-9) * step; v < zhi - step * 1e-9 && n < MAX_LEVELS;
         v += step)
        levels[n++] = fabs(v) < step * 1e-9 ? 0.0 : v;
    if (n == 0)
        levels[n++] = 0.5 * (zlo + zhi);
    return n;
}

/* The filled bands: below the first level, between levels, above the last. */
static void draw_bands(svg *s, const bmd_contour_plot *p, const double *lv, int nl,
                       const bmd_render_axis *ax, const bmd_render_axis *ay)
{
    char col[8], style[128];
    for (int b = 0; b <= nl; b++) {
        snprintf(style, sizeof style, "fill=\"%s\" stroke=\"%s\" stroke-width=\"0.6\"",
                 bmd_svg_rgb(band_rgb(b, nl + 1), col), col);
        bmd_svg_group_open(s, style);
        for (int j = 0; j + 1 < p->ny; j++)
            for (int i = 0; i + 1 < p->nx; i++) {
                double cx[4] = {p->x[i], p->x[i + 1], p->x[i + 1], p->x[i]};
                double cy[4] = {p->y[j], p->y[j], p->y[j + 1], p->y[j + 1]};
                double cz[4] = {p->z[j * p->nx + i], p->z[j * p->nx + i + 1],
                                p->z[(j + 1) * p->nx + i + 1], p->z[(j + 1) * p->nx + i]};
                if (!isfinite(cz[0]) || !isfinite(cz[1]) || !isfinite(cz[2]) || !isfinite(cz[3]))
                    continue;
                static const int tri[2][3] = {{0, 1, 2}, {0, 2, 3}};
                for (int t = 0; t < 2; t++) {
                    double tx[12], ty[12], tz[12], px[12], py[12];
                    for (int v = 0; v < 3; v++)
                        tx[v] = cx[tri[t][v]], ty[v] = cy[tri[t][v]], tz[v] = cz[tri[t][v]];
                    int m = 3;
                    if (b > 0)
                        m = clip(tx, ty, tz, m, lv[b - 1], 1);
                    if (m >= 3 && b < nl)
                        m = clip(tx, ty, tz, m, lv[b], 0);
                    if (m < 3)
                        continue;
                    for (int v = 0; v < m; v++) {
                        px[v] = bmd_render_axis_px(ax, tx[v]);
                        py[v] = bmd_render_axis_px(ay, ty[v]);
                    }
                    bmd_svg_polygon(s, px, py, m, NULL);
                }
            }
        bmd_svg_group_close(s);
    }
}

/* The isolines, each labelled once with its level (on its longest segment). */
static int draw_isolines(svg *s, const bmd_contour_plot *p, const double *lv, int nl,
                         const bmd_render_axis *ax, const bmd_render_axis *ay, double step,
                         bmd_error *err)
{
    for (int k = 0; k < nl; k++) {
        bmd_contour_segment *seg = NULL;
        int n = 0;
        int st = bmd_contour_segments(p->x, p->nx, p->y, p->ny, p->z, lv[k], &seg, &n, err);
        if (st)
            return st;
        if (n == 0)
            continue;
        bmd_svg_path_open(s);
        /* the label goes on the segment nearest a height staggered by level (golden-ratio
         * steps), away from the frame, so that labels of neighbouring levels do not overlap */
        double frac = 0.15 + 0.7 * fmod(0.5 + 0.618034 * k, 1.0);
        double target = ay->p1 + frac * (ay->p0 - ay->p1);
        int best = 0;
        double best_cost = INFINITY;
        for (int i = 0; i < n; i++) {
            double x0 = bmd_render_axis_px(ax, seg[i].x0), y0 = bmd_render_axis_px(ay, seg[i].y0);
            double x1 = bmd_render_axis_px(ax, seg[i].x1), y1 = bmd_render_axis_px(ay, seg[i].y1);
            bmd_svg_path_move(s, x0, y0);
            bmd_svg_path_line(s, x1, y1);
            double mx = 0.5 * (x0 + x1), my = 0.5 * (y0 + y1);
            double margin = fmin(fmin(mx - ax->p0, ax->p1 - mx), fmin(my - ay->p1, ay->p0 - my));
            double cost = fabs(my - target) + (margin > 24 ? 0 : 1e4);
            if (cost < best_cost)
                best_cost = cost, best = i;
        }
        bmd_svg_path_end(s, "fill=\"none\" stroke=\"#111\" stroke-width=\"1\"");
        char text[48];
        bmd_render_tick_label(text, sizeof text, lv[k], step);
        double mx = bmd_render_axis_px(ax, 0.5 * (seg[best].x0 + seg[best].x1));
        double my = bmd_render_axis_px(ay, 0.5 * (seg[best].y0 + seg[best].y1));
        double wbox = 7.0 * (double)strlen(text) + 6;
        bmd_svg_rect(s, mx - wbox / 2, my - 8, wbox, 13,
                     "fill=\"#ffffff\" fill-opacity=\"0.85\" stroke=\"none\"");
        bmd_svg_text(s, mx, my + 3, "middle", 10, "fill=\"#111\" class=\"isoline-label\"", text);
        free(seg);
    }
    return BMD_SUCCESS;
}

/* The legend right of the frame: a swatch per band with its interval, and the nominal mark. */
static void legend(svg *s, const bmd_contour_plot *p, const double *lv, int nl, double x0,
                   double y0, double step)
{
    char col[8], style[96], a[48], b[48], text[120];
    bmd_svg_text(s, x0, y0, "start", 11, "font-weight=\"bold\" fill=\"#222\"",
                 p->z_label ? p->z_label : "value");
    for (int k = nl; k >= 0; k--) {
        double y = y0 + 10 + 17.0 * (nl - k);
        snprintf(style, sizeof style, "fill=\"%s\" stroke=\"#555\"",
                 bmd_svg_rgb(band_rgb(k, nl + 1), col));
        bmd_svg_rect(s, x0, y, 16, 13, style);
        if (k > 0)
            bmd_render_tick_label(a, sizeof a, lv[k - 1], step);
        if (k < nl)
            bmd_render_tick_label(b, sizeof b, lv[k], step);
        if (k == 0)
            snprintf(text, sizeof text, "below %s", b);
        else if (k == nl)
            snprintf(text, sizeof text, "%s and above", a);
        else
            snprintf(text, sizeof text, "%s to %s", a, b);
        bmd_svg_text(s, x0 + 22, y + 11, "start", 11, "fill=\"#222\"", text);
    }
    double y = y0 + 10 + 17.0 * (nl + 1) + 8;
    bmd_svg_line(s, x0, y + 6, x0 + 16, y + 6, "stroke=\"#111\" stroke-width=\"1\"");
    bmd_svg_text(s, x0 + 22, y + 10, "start", 11, "fill=\"#222\"", "isoline (labelled)");
    int blank = 0;
    for (int i = 0; i < p->nx * p->ny && !blank; i++)
        blank = !isfinite(p->z[i]);
    if (blank) {
        y += 18;
        bmd_svg_rect(s, x0, y, 16, 13, "fill=\"#eeeeee\" stroke=\"#555\"");
        bmd_svg_text(s, x0 + 22, y + 11, "start", 11, "fill=\"#222\"", "no value");
    }
    if (isfinite(p->x_nominal) || isfinite(p->y_nominal)) {
        y += 18;
        bmd_svg_circle(s, x0 + 8, y + 6, 5, "fill=\"#ffffff\" stroke=\"#d62728\" stroke-width=\"2\"");
        bmd_svg_text(s, x0 + 22, y + 10, "start", 11, "fill=\"#222\"",
                     p->nominal_label ? p->nominal_label : "catalogue value");
    }
}

int bmd_plot_contour_svg(const bmd_contour_plot *p, char **out, bmd_error *err)
{
    *out = NULL;
    int w = p->width_px ? p->width_px : 760, h = p->height_px ? p->height_px : 560;
    int st = bmd_render_check_size(w, h, err);
    if (st || (st = bmd_render_check_axis("x", p->x, p->nx, 2, err)) ||
        (st = bmd_render_check_axis("y", p->y, p->ny, 2, err)))
        return st;
    if (!p->z)
        return bmd_error_set(err, BMD_EINVAL, "contour plot: no grid values");
    double zlo = INFINITY, zhi = -INFINITY;
    for (int i = 0; i < p->nx * p->ny; i++)
        if (isfinite(p->z[i]))
            zlo = fmin(zlo, p->z[i]), zhi = fmax(zhi, p->z[i]);
    if (!(zlo <= zhi))
        return bmd_error_set(err, BMD_EINVAL, "contour plot: no finite value in the %d x %d grid",
                             p->nx, p->ny);
    double lv[MAX_LEVELS];
    int nl;
    double step;
    if (p->levels && p->n_levels > 0) {
        if (p->n_levels > MAX_LEVELS)
            return bmd_error_set(err, BMD_EINVAL, "contour plot: %d levels (at most %d)",
                                 p->n_levels, MAX_LEVELS);
        if ((st = bmd_render_check_axis("level", p->levels, p->n_levels, 1, err)))
            return st;
        nl = p->n_levels;
        for (int k = 0; k < nl; k++)
            lv[k] = p->levels[k];
        step = INFINITY; /* label decimals: those of the smallest gap */
        for (int k = 1; k < nl; k++)
            step = fmin(step, lv[k] - lv[k - 1]);
        if (!isfinite(step))
            step = fabs(lv[0]) > 0 ? fabs(lv[0]) / 10 : 1;
    } else {
        nl = auto_levels(zlo, zhi, lv);
        step = zhi > zlo ? bmd_svg_nice_step(zhi - zlo, AUTO_LEVELS) : fmax(fabs(zlo) / 10, 1e-9);
    }
    double left = 80, right = 210, top = 44, bottom = 84;
    bmd_render_axis ax = bmd_render_axis_make(p->x[0], p->x[p->nx - 1], left, w - right, 7);
    bmd_render_axis ay = bmd_render_axis_make(p->y[0], p->y[p->ny - 1], h - bottom, top, 7);
    const char *title = p->title ? p->title : "Sweep";
    svg s;
    bmd_svg_begin(&s, w, h, title);
    bmd_svg_rect(&s, 0, 0, w, h, "fill=\"#ffffff\"");
    bmd_svg_text(&s, left, 24, "start", strlen(title) > 64 ? 12 : 15,
                 "font-weight=\"bold\" fill=\"#222\"", title);
    bmd_svg_rect(&s, ax.p0, ay.p1, ax.p1 - ax.p0, ay.p0 - ay.p1, "fill=\"#eeeeee\"");
    draw_bands(&s, p, lv, nl, &ax, &ay);
    if ((st = draw_isolines(&s, p, lv, nl, &ax, &ay, step, err))) {
        bmd_svg_discard(&s);
        return st;
    }
    bmd_render_axes_draw(&s, &ax, &ay, p->x_label, p->y_label, 0);
    int nom_x = isfinite(p->x_nominal) && p->x_nominal >= ax.lo && p->x_nominal <= ax.hi;
    int nom_y = isfinite(p->y_nominal) && p->y_nominal >= ay.lo && p->y_nominal <= ay.hi;
    const char *dash = "stroke=\"#d62728\" stroke-width=\"1.5\" stroke-dasharray=\"5 3\"";
    if (nom_x)
        bmd_svg_line(&s, bmd_render_axis_px(&ax, p->x_nominal), ay.p0,
                     bmd_render_axis_px(&ax, p->x_nominal), ay.p1, dash);
    if (nom_y)
        bmd_svg_line(&s, ax.p0, bmd_render_axis_px(&ay, p->y_nominal), ax.p1,
                     bmd_render_axis_px(&ay, p->y_nominal), dash);
    if (nom_x && nom_y)
        bmd_svg_circle(&s, bmd_render_axis_px(&ax, p->x_nominal),
                       bmd_render_axis_px(&ay, p->y_nominal), 6,
                       "fill=\"#ffffff\" stroke=\"#d62728\" stroke-width=\"2.5\"");
    legend(&s, p, lv, nl, ax.p1 + 16, ay.p1 + 10, step);
    bmd_render_note(&s, 12, h - 38, p->note);
    return bmd_svg_finish(&s, out, err);
}
