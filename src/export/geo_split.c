/* Antimeridian cutting and ring orientation for GeoJSON (RFC 7946 sec. 3.1.9 and 3.1.6). */
#include "export/geo_split.h"

#include <math.h>
#include <stdlib.h>

void bmd_geo_parts_free(geo_parts *p)
{
    free(p->pts);
    free(p->start);
    *p = (geo_parts){0};
}

/* Append a point to the current part. */
static int push_pt(geo_parts *p, geo_pt q)
{
    if (p->n_pts == p->cap_pts) {
        int c = p->cap_pts ? 2 * p->cap_pts : 64;
        geo_pt *np = realloc(p->pts, (size_t)c * sizeof *np);
        if (!np)
            return 0;
        p->pts = np;
        p->cap_pts = c;
    }
    p->pts[p->n_pts++] = q;
    return 1;
}

/* Start a new part at the current end of the point list (start[n_parts] is kept as sentinel). */
static int new_part(geo_parts *p)
{
    if (p->n_parts + 2 > p->cap_parts) {
        int c = p->cap_parts ? 2 * p->cap_parts : 8;
        int *ns = realloc(p->start, (size_t)c * sizeof *ns);
        if (!ns)
            return 0;
        p->start = ns;
        p->cap_parts = c;
    }
    p->start[p->n_parts++] = p->n_pts;
    p->start[p->n_parts] = p->n_pts;
    return 1;
}

/* Close the current part (update the sentinel). */
static void end_part(geo_parts *p) { p->start[p->n_parts] = p->n_pts; }

/* Longitude difference b - a wrapped to (-180, 180]. */
static double dlon(double a, double b)
{
    double d = fmod(b - a, 360.0);
    if (d > 180)
        d -= 360;
    if (d <= -180)
        d += 360;
    return d;
}

/* Longitude wrapped to [-180, 180]; 180 stays 180. */
static double wrap(double lon)
{
    double w = fmod(lon + 180.0, 360.0);
    if (w < 0)
        w += 360;
    w -= 180;
    if (w == -180 && lon > 0)
        w = 180;
    return w;
}

/* Copy the parts of tmp with at least min_pts points into out. */
static int keep_parts(const geo_parts *tmp, int min_pts, geo_parts *out)
{
    *out = (geo_parts){0};
    for (int j = 0; j < tmp->n_parts; j++) {
        int a = tmp->start[j], b = tmp->start[j + 1];
        if (b - a < min_pts)
            continue;
        if (!new_part(out))
            return 0;
        for (int i = a; i < b; i++)
            if (!push_pt(out, tmp->pts[i]))
                return 0;
        end_part(out);
    }
    return 1;
}

int bmd_geo_split_line(const geo_pt *in, int n, geo_parts *out)
{
    geo_parts tmp = {0};
    *out = (geo_parts){0};
    if (n < 1 || !new_part(&tmp))
        goto fail;
    geo_pt prev = in[0];
    prev.lon = wrap(prev.lon);
    if (!push_pt(&tmp, prev))
        goto fail;
    for (int i = 1; i < n; i++) {
        geo_pt q = in[i];
        double u = prev.lon + dlon(prev.lon, q.lon); /* unwrapped longitude of q */
        if (u > 180 || u < -180) {
            double edge = u > 180 ? 180 : -180;
            double f = (edge - prev.lon) / (u - prev.lon);
            geo_pt x = {edge, prev.lat + f * (q.lat - prev.lat), prev.alt + f * (q.alt - prev.alt)};
            if (f > 0 && !push_pt(&tmp, x))
                goto fail;
            end_part(&tmp);
            if (!new_part(&tmp))
                goto fail;
            x.lon = -edge;
            if (!push_pt(&tmp, x))
                goto fail;
            q.lon = u - 2 * edge;
        } else {
            q.lon = u;
        }
        if (!push_pt(&tmp, q))
            goto fail;
        end_part(&tmp);
        prev = q;
    }
    if (!keep_parts(&tmp, 2, out))
        goto fail;
    bmd_geo_parts_free(&tmp);
    return 1;
fail:
    bmd_geo_parts_free(&tmp);
    bmd_geo_parts_free(out);
    return 0;
}

double bmd_geo_ring_area2(const geo_pt *ring, int n)
{
    double s = 0;
    for (int i = 0; i < n; i++) {
        const geo_pt *a = &ring[i], *b = &ring[(i + 1) % n];
        s += a->lon * b->lat - b->lon * a->lat;
    }
    return s;
}

/* Sutherland-Hodgman clip of ring (m points) to the half-plane x >= c (sign +1) or x <= c (-1). */
static int clip_half(const geo_pt *in, int m, double c, int sign, geo_pt *out)
{
    int k = 0;
    for (int i = 0; i < m; i++) {
        const geo_pt *cur = &in[i], *prev = &in[(i + m - 1) % m];
        int cin = sign * (cur->lon - c) >= 0, pin = sign * (prev->lon - c) >= 0;
        if (cin != pin) {
            double f = (c - prev->lon) / (cur->lon - prev->lon);
            out[k++] = (geo_pt){c, prev->lat + f * (cur->lat - prev->lat),
                                prev->alt + f * (cur->alt - prev->alt)};
        }
        if (cin)
            out[k++] = *cur;
    }
    return k;
}

/* Point q_j of the ring r (n points, unwrapped) continued around: r[j mod n] shifted by 360 w
 * degrees per turn. */
static geo_pt around(const geo_pt *r, int n, int j, double w)
{
    geo_pt q = r[j % n];
    q.lon += 360.0 * w * (j / n);
    return q;
}

/* A ring r (n points, unwrapped) that winds once around a pole (w: +1 eastward, -1 westward) is
 * rewritten in place to start and end on the antimeridian (cut where it first crosses one) and
 * closed through the pole along the antimeridian: it then runs from -180 w to 180 w degrees, so
 * its cap has no seam inside [-180, 180] (a cut elsewhere left two polygons sharing an edge).
 * r has room for n + 4 points; *m receives the count. Returns 0 on ENOMEM. */
static int around_pole(geo_pt *r, int n, double w, double pole, int *m)
{
    int j = 0;
    double c = 0;
    for (; j < 2 * n; j++) {
        const double k0 = floor((around(r, n, j, w).lon - 180) / 360);
        const double k1 = floor((around(r, n, j + 1, w).lon - 180) / 360);
        if (k0 != k1) {
            c = 180 + 360 * (w > 0 ? k1 : k0);
            break;
        }
    }
    geo_pt *q = malloc((size_t)(n + 4) * sizeof *q);
    if (!q)
        return 0;
    const geo_pt a = around(r, n, j, w), b = around(r, n, j + 1, w);
    const double f = b.lon != a.lon ? (c - a.lon) / (b.lon - a.lon) : 0;
    geo_pt x = {c, a.lat + f * (b.lat - a.lat), a.alt + f * (b.alt - a.alt)};
    const double shift = -180 * w - c;
    int k = 0;
    q[k++] = x;
    for (int i = 1; i <= n; i++)
        q[k++] = around(r, n, j + i, w);
    geo_pt x2 = x;
    x2.lon += 360 * w;
    q[k++] = x2;
    q[k++] = (geo_pt){x2.lon, pole, x.alt};
    q[k++] = (geo_pt){x.lon, pole, x.alt};
    for (int i = 0; i < k; i++) {
        r[i] = q[i];
        r[i].lon += shift;
    }
    free(q);
    *m = k;
    return 1;
}

int bmd_geo_split_ring(const geo_pt *in, int n, geo_parts *out)
{
    *out = (geo_parts){0};
    if (n < 3)
        return 1;
    /* the ring in unwrapped longitude, closed through a pole if it winds around one */
    int cap = n + 5;
    geo_pt *r = malloc((size_t)cap * sizeof *r);
    geo_pt *a = malloc((size_t)4 * cap * sizeof *a);
    geo_pt *b = malloc((size_t)4 * cap * sizeof *b);
    if (!r || !a || !b)
        goto fail;
    double mean_lat = in[0].lat;
    r[0] = in[0];
    for (int i = 1; i < n; i++) {
        r[i] = in[i];
        r[i].lon = r[i - 1].lon + dlon(in[i - 1].lon, in[i].lon);
        mean_lat += in[i].lat;
    }
    int m = n;
    double close = r[n - 1].lon + dlon(in[n - 1].lon, in[0].lon);
    if (fabs(close - r[0].lon) > 180 && !around_pole(r, n, close - r[0].lon > 0 ? 1 : -1,
                                                     mean_lat >= 0 ? 90 : -90, &m))
        goto fail;
    double xmin = r[0].lon, xmax = r[0].lon;
    for (int i = 1; i < m; i++) {
        xmin = fmin(xmin, r[i].lon);
        xmax = fmax(xmax, r[i].lon);
    }
    /* every copy shifted by a multiple of 360 degrees that overlaps [-180, 180] */
    for (int s = (int)ceil((-180 - xmax) / 360); s * 360.0 + xmin < 180; s++) {
        for (int i = 0; i < m; i++) {
            a[i] = r[i];
            a[i].lon += 360.0 * s;
        }
        int k = clip_half(a, m, -180, +1, b);
        k = clip_half(b, k, 180, -1, a);
        if (k < 3 || fabs(bmd_geo_ring_area2(a, k)) < 1e-12)
            continue;
        if (bmd_geo_ring_area2(a, k) < 0) /* reverse, keeping the first vertex first */
            for (int i = 1, j = k - 1; i < j; i++, j--) {
                geo_pt t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        if (!new_part(out))
            goto fail;
        for (int i = 0; i < k; i++)
            if (!push_pt(out, a[i]))
                goto fail;
        if (!push_pt(out, a[0]))
            goto fail;
        end_part(out);
    }
    free(r);
    free(a);
    free(b);
    return 1;
fail:
    free(r);
    free(a);
    free(b);
    bmd_geo_parts_free(out);
    return 0;
}
