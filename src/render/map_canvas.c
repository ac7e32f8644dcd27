/* Projected paths of the SVG maps: projection, clipping to the view, filled rings and stroked
 * lines (see render/map_canvas.h). */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "render/map_canvas.h"

void bmd_map_pbuf_free(pbuf *p)
{
    free(p->x);
    free(p->y);
    free(p->ok);
    free(p->brk);
    *p = (pbuf){0};
}

int bmd_map_pbuf_reserve(pbuf *p, int n)
{
    if (n <= p->cap)
        return 1;
    int c = p->cap ? p->cap : 256;
    while (c < n)
        c *= 2;
    double *x = realloc(p->x, (size_t)c * sizeof *x);
    if (x)
        p->x = x;
    double *y = realloc(p->y, (size_t)c * sizeof *y);
    if (y)
        p->y = y;
    char *ok = realloc(p->ok, (size_t)c);
    if (ok)
        p->ok = ok;
    char *brk = realloc(p->brk, (size_t)c);
    if (brk)
        p->brk = brk;
    if (!x || !y || !ok || !brk)
        return 0;
    p->cap = c;
    return 1;
}

/* Project n points (rad) into p. unwrap: equirectangular longitudes made continuous from the
 * first point (scene features); otherwise lon - lon0 as given (world data, cut at +-180). */
int bmd_map_canvas_project(mapctx *m, const double *lat, const double *lon, int n, int unwrap, pbuf *p)
{
    if (!bmd_map_pbuf_reserve(p, n + 1)) {
        m->failed = 1;
        return 0;
    }
    p->n = n;
    const bmd_map_view *v = m->v;
    double prev = 0;
    for (int i = 0; i < n; i++) {
        if (v->projection == BMD_PROJ_EQUIRECTANGULAR) {
            double dl = lon[i] - v->center_lon_rad;
            if (unwrap)
                dl = i == 0 ? remainder(dl, 2 * M_PI) : prev + remainder(lon[i] - lon[i - 1], 2 * M_PI);
            prev = dl;
            p->x[i] = m->w / 2 + m->k * BMD_EARTH_MEAN_RADIUS_M * dl * cos(v->center_lat_rad);
            p->y[i] = m->h / 2 - m->k * BMD_EARTH_MEAN_RADIUS_M * (lat[i] - v->center_lat_rad);
            p->ok[i] = 1;
        } else {
            p->ok[i] = (char)bmd_map_pixel(v, lat[i], lon[i], &p->x[i], &p->y[i]);
        }
    }
    for (int i = 0; i < n; i++) {
        int j = (i + 1) % n;
        p->brk[i] = !p->ok[i] || !p->ok[j] ||
                    (m->jump_px > 0 && hypot(p->x[j] - p->x[i], p->y[j] - p->y[i]) > m->jump_px);
    }
    return 1;
}

/* Sutherland-Hodgman: clip in (n points) to one side of the rectangle into out. side: 0 left,
 * 1 right, 2 top, 3 bottom. */
static int clip_side(mapctx *m, const pbuf *in, pbuf *out, int side, double dx)
{
    if (!bmd_map_pbuf_reserve(out, 2 * in->n + 4)) {
        m->failed = 1;
        return 0;
    }
    int k = 0;
    for (int i = 0; i < in->n; i++) {
        int j = (i + in->n - 1) % in->n;
        double cx = in->x[i] + dx, cy = in->y[i], px = in->x[j] + dx, py = in->y[j];
        double dc, dp;
        switch (side) {
        case 0: dc = cx - m->x0; dp = px - m->x0; break;
        case 1: dc = m->x1 - cx; dp = m->x1 - px; break;
        case 2: dc = cy - m->y0; dp = py - m->y0; break;
        default: dc = m->y1 - cy; dp = m->y1 - py; break;
        }
        if ((dc >= 0) != (dp >= 0)) {
            double f = dp / (dp - dc);
            out->x[k] = px + f * (cx - px);
            out->y[k++] = py + f * (cy - py);
        }
        if (dc >= 0) {
            out->x[k] = cx;
            out->y[k++] = cy;
        }
    }
    out->n = k;
    return 1;
}

/* Add ring p (shifted by dx px), clipped to the view, to the open path as a closed subpath. */
void bmd_map_fill_ring(mapctx *m, const pbuf *p, double dx)
{
    if (!clip_side(m, p, &m->b, 0, dx) || !clip_side(m, &m->b, &m->c, 1, 0) ||
        !clip_side(m, &m->c, &m->b, 2, 0) || !clip_side(m, &m->b, &m->c, 3, 0))
        return;
    if (m->c.n < 3)
        return;
    bmd_svg_path_move(m->s, m->c.x[0], m->c.y[0]);
    for (int i = 1; i < m->c.n; i++)
        bmd_svg_path_line(m->s, m->c.x[i], m->c.y[i]);
    bmd_svg_path_z(m->s);
}

/* Liang-Barsky: clip segment to the rectangle; 0 when nothing is left. */
static int clip_segment(const mapctx *m, double *ax, double *ay, double *bx, double *by)
{
    double t0 = 0, t1 = 1, dx = *bx - *ax, dy = *by - *ay;
    double p[4] = {-dx, dx, -dy, dy};
    double q[4] = {*ax - m->x0, m->x1 - *ax, *ay - m->y0, m->y1 - *ay};
    for (int i = 0; i < 4; i++) {
        if (p[i] == 0) {
            if (q[i] < 0)
                return 0;
            continue;
        }
        double t = q[i] / p[i];
        if (p[i] < 0)
            t0 = fmax(t0, t);
        else
            t1 = fmin(t1, t);
        if (t0 > t1)
            return 0;
    }
    double x0 = *ax + t0 * dx, y0 = *ay + t0 * dy;
    *bx = *ax + t1 * dx;
    *by = *ay + t1 * dy;
    *ax = x0;
    *ay = y0;
    return 1;
}

/* Add the edges of p (shifted by dx; closed: also the last-to-first edge) that are not broken,
 * clipped to the view, to the open path. */
void bmd_map_stroke_line(mapctx *m, const pbuf *p, double dx, int closed)
{
    int edges = closed ? p->n : p->n - 1;
    m->have_last = 0;
    for (int i = 0; i < edges; i++) {
        if (p->brk[i])
            continue;
        int j = (i + 1) % p->n;
        double ax = p->x[i] + dx, ay = p->y[i], bx = p->x[j] + dx, by = p->y[j];
        if (!clip_segment(m, &ax, &ay, &bx, &by))
            continue;
        if (!m->have_last || fabs(ax - m->last_x) > 1e-9 || fabs(ay - m->last_y) > 1e-9)
            bmd_svg_path_move(m->s, ax, ay);
        bmd_svg_path_line(m->s, bx, by);
        m->last_x = bx;
        m->last_y = by;
        m->have_last = 1;
    }
}

/* The horizontal shifts (px) under which the equirectangular copies of p may be visible. */
int bmd_map_shifts(const mapctx *m, const pbuf *p, double out[3])
{
    if (m->period_px == 0) {
        out[0] = 0;
        return 1;
    }
    double lo = INFINITY, hi = -INFINITY;
    for (int i = 0; i < p->n; i++) {
        lo = fmin(lo, p->x[i]);
        hi = fmax(hi, p->x[i]);
    }
    int n = 0;
    for (int k = -2; k <= 2; k++)
        if (hi + k * m->period_px >= m->x0 && lo + k * m->period_px <= m->x1)
            out[n < 3 ? n++ : 2] = k * m->period_px;
    return n;
}

/* Winding number of ring p around the canvas centre. */
static int winding_around_centre(const mapctx *m, const pbuf *p)
{
    double sum = 0, cx = m->w / 2, cy = m->h / 2;
    for (int i = 0; i < p->n; i++) {
        int j = (i + 1) % p->n;
        double a = atan2(p->y[i] - cy, p->x[i] - cx), b = atan2(p->y[j] - cy, p->x[j] - cx);
        sum += remainder(b - a, 2 * M_PI);
    }
    return (int)lround(sum / (2 * M_PI));
}

/* Whether (lat, lon) lies inside the ring in the longitude/latitude plane (crossing rule). */
static int inside_lonlat(const double *lat, const double *lon, int n, double plat, double plon)
{
    int in = 0;
    plon = remainder(plon, 2 * M_PI);
    for (int i = 0, j = n - 1; i < n; j = i++)
        if ((lat[i] > plat) != (lat[j] > plat) &&
            plon < (lon[j] - lon[i]) * (plat - lat[i]) / (lat[j] - lat[i]) + lon[i])
            in = !in;
    return in;
}

/* Whether a projected world ring can be filled: every point drawn, and in the azimuthal
 * projection it does not enclose the antipode (it would fill the whole map). */
int bmd_map_fillable(const mapctx *m, const pbuf *p, const double *lat, const double *lon, int n)
{
    for (int i = 0; i < p->n; i++)
        if (!p->ok[i])
            return 0;
    if (m->period_px == 0 && winding_around_centre(m, p) != 0 &&
        !inside_lonlat(lat, lon, n, m->v->center_lat_rad, m->v->center_lon_rad))
        return 0;
    return 1;
}

