/* Contours of footprints (bmd/footprint.h): the union of covered grid cells traced along cell
 * edges into counterclockwise rings, cut into hole-free pieces where the union has holes. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/footprint.h"

enum { DIR_E = 0, DIR_N = 1, DIR_W = 2, DIR_S = 3 };
static const int DX[4] = {1, 0, -1, 0}, DY[4] = {0, 1, 0, -1};

/* Rings in corner coordinates (x along longitude, y along latitude). */
typedef struct ring_buf {
    int *x, *y;
    long n, cap;
    int *start;
    int n_rings, cap_rings;
    int *orient;  /* +1 counterclockwise, -1 clockwise */
} ring_buf;

static int push_point(ring_buf *rb, int x, int y)
{
    if (rb->n == rb->cap) {
        long cap = rb->cap ? 2 * rb->cap : 1024;
        int *nx = realloc(rb->x, (size_t)cap * sizeof(int));
        if (!nx)
            return 0;
        rb->x = nx;
        int *ny = realloc(rb->y, (size_t)cap * sizeof(int));
        if (!ny)
            return 0;
        rb->y = ny;
        rb->cap = cap;
    }
    rb->x[rb->n] = x, rb->y[rb->n] = y;
    rb->n++;
    return 1;
}

static int push_ring(ring_buf *rb, long start, int orient)
{
    if (rb->n_rings + 1 >= rb->cap_rings) {
        int cap = rb->cap_rings ? 2 * rb->cap_rings : 64;
        int *ns = realloc(rb->start, (size_t)cap * sizeof(int));
        if (!ns)
            return 0;
        rb->start = ns;
        int *no = realloc(rb->orient, (size_t)cap * sizeof(int));
        if (!no)
            return 0;
        rb->orient = no;
        rb->cap_rings = cap;
    }
    rb->start[rb->n_rings] = (int)start;
    rb->orient[rb->n_rings] = orient;
    rb->n_rings++;
    rb->start[rb->n_rings] = (int)rb->n;
    return 1;
}

static void ring_buf_free(ring_buf *rb)
{
    free(rb->x);
    free(rb->y);
    free(rb->start);
    free(rb->orient);
    memset(rb, 0, sizeof *rb);
}

/* Whether cell (row i, column j) is covered and inside columns [c0, c1). */
static int covered(const bmd_footprint_box *box, const unsigned char *mask, int i, int j, int c0,
                   int c1)
{
    return i >= 0 && i < box->n_lat && j >= c0 && j < c1 && mask[(long)i * box->n_lon + j];
}

/* Push points [a, b) of xs, ys as one ring of rb with its orientation (shoelace sign). */
static int push_piece(ring_buf *rb, const int *xs, const int *ys, long a, long b)
{
    const long first = rb->n;
    long area2 = 0;
    for (long p = a; p < b; p++) {
        const long q = p + 1 < b ? p + 1 : a;
        area2 += (long)xs[p] * ys[q] - (long)xs[q] * ys[p];
        if (!push_point(rb, xs[p], ys[p]))
            return 0;
    }
    return push_ring(rb, first, area2 > 0 ? 1 : -1);
}

/* The ring just traced (rb's points from first on) as rings that never pass a vertex twice: where
 * the boundary touches itself at a corner (cells meeting only at a corner around an uncovered
 * cell), the loop between the two visits becomes a ring of its own (GEOS and OGC do not accept a
 * self-touching ring). at: W x H ints, all -1, left so. Returns 0 on ENOMEM. */
static int split_pinches(ring_buf *rb, long first, int *at, int c0, int W)
{
    const long n = rb->n - first;
    int *buf = malloc((size_t)(4 * n + 1) * sizeof *buf);
    if (!buf)
        return 0;
    int *xs = buf, *ys = buf + n, *sx = buf + 2 * n, *sy = buf + 3 * n;
    memcpy(xs, rb->x + first, (size_t)n * sizeof *xs);
    memcpy(ys, rb->y + first, (size_t)n * sizeof *ys);
    rb->n = first;
    long top = 0;
    int ok = 1;
    for (long p = 0; p < n && ok; p++) {
        const long key = (long)ys[p] * W + (xs[p] - c0);
        if (at[key] >= 0) { /* back at a vertex of the stack: the loop since then is a ring */
            const long k = at[key];
            ok = push_piece(rb, sx, sy, k, top);
            for (long q = k + 1; q < top; q++)
                at[(long)sy[q] * W + (sx[q] - c0)] = -1;
            top = k + 1;
        } else {
            at[key] = (int)top;
            sx[top] = xs[p], sy[top] = ys[p];
            top++;
        }
    }
    if (ok && top >= 3)
        ok = push_piece(rb, sx, sy, 0, top);
    for (long q = 0; q < top; q++)
        at[(long)sy[q] * W + (sx[q] - c0)] = -1;
    free(buf);
    return ok;
}

/* Trace the boundary of the covered cells of columns [c0, c1) into rb (edges with the covered
 * cell on the left; at a vertex with two ways out the left turn is taken, which keeps cells
 * that touch only at a corner apart). Returns 0 on ENOMEM. */
static int trace(const bmd_footprint_box *box, const unsigned char *mask, int c0, int c1,
                 ring_buf *rb)
{
    const int W = c1 - c0 + 1, H = box->n_lat + 1;
    unsigned char *edges = calloc((size_t)W * (size_t)H, 1); /* bits 0-3: out, 4-7: used */
    int *at = malloc((size_t)W * (size_t)H * sizeof *at);     /* split_pinches' scratch */
    if (!edges || !at) {
        free(edges);
        free(at);
        return 0;
    }
    for (long k = 0; k < (long)W * H; k++)
        at[k] = -1;
#define V(x, y) edges[(long)(y) * W + ((x) - c0)]
    for (int i = 0; i < box->n_lat; i++)
        for (int j = c0; j < c1; j++) {
            if (!covered(box, mask, i, j, c0, c1))
                continue;
            if (!covered(box, mask, i - 1, j, c0, c1))
                V(j, i) |= 1 << DIR_E;
            if (!covered(box, mask, i, j + 1, c0, c1))
                V(j + 1, i) |= 1 << DIR_N;
            if (!covered(box, mask, i + 1, j, c0, c1))
                V(j + 1, i + 1) |= 1 << DIR_W;
            if (!covered(box, mask, i, j - 1, c0, c1))
                V(j, i + 1) |= 1 << DIR_S;
        }
    int ok = 1;
    for (int y = 0; y < H && ok; y++)
        for (int x = c0; x < c1 + 1 && ok; x++)
            for (int d0 = 0; d0 < 4 && ok; d0++) {
                if (!(V(x, y) & (1 << d0)) || (V(x, y) & (16 << d0)))
                    continue;
                const long first = rb->n;
                long area2 = 0;
                int cx = x, cy = y, d = d0, prev = -1;
                for (;;) {
                    V(cx, cy) |= (unsigned char)(16 << d);
                    if (d != prev)
                        ok = ok && push_point(rb, cx, cy);
                    const int nx = cx + DX[d], ny = cy + DY[d];
                    area2 += (long)cx * ny - (long)nx * cy;
                    cx = nx, cy = ny, prev = d;
                    const int pref[3] = {(d + 1) % 4, d, (d + 3) % 4};
                    int next = -1;
                    for (int p = 0; p < 3 && next < 0; p++)
                        if (V(cx, cy) & (1 << pref[p]))
                            next = pref[p];
                    if (next < 0 || (V(cx, cy) & (16 << next)))
                        break; /* closed (the next edge is the first one) */
                    d = next;
                }
                /* the first point is a corner unless the ring closes straight through it */
                if (ok && rb->n - first >= 2 && prev == d0) {
                    memmove(rb->x + first, rb->x + first + 1,
                            (size_t)(rb->n - first - 1) * sizeof(int));
                    memmove(rb->y + first, rb->y + first + 1,
                            (size_t)(rb->n - first - 1) * sizeof(int));
                    rb->n--;
                }
                (void)area2;
                ok = ok && split_pinches(rb, first, at, c0, W);
            }
#undef V
    free(edges);
    free(at);
    return ok;
}

/* Append the rings of rb with orientation +1 to out, in lat/lon. */
static int emit(const bmd_footprint_box *box, const ring_buf *rb, bmd_footprint_rings *out)
{
    long n_new = 0;
    int r_new = 0;
    for (int r = 0; r < rb->n_rings; r++)
        if (rb->orient[r] > 0)
            n_new += rb->start[r + 1] - rb->start[r], r_new++;
    int *start = realloc(out->start, (size_t)(out->n_rings + r_new + 1) * sizeof(int));
    if (!start)
        return 0;
    out->start = start;
    double *la = realloc(out->lat_rad, (size_t)(out->n_points + n_new + 1) * sizeof(double));
    if (!la)
        return 0;
    out->lat_rad = la;
    double *lo = realloc(out->lon_rad, (size_t)(out->n_points + n_new + 1) * sizeof(double));
    if (!lo)
        return 0;
    out->lon_rad = lo;
    if (out->n_rings == 0)
        out->start[0] = 0;
    for (int r = 0; r < rb->n_rings; r++) {
        if (rb->orient[r] <= 0)
            continue;
        for (long p = rb->start[r]; p < rb->start[r + 1]; p++) {
            double lat = box->south_rad + (rb->y[p] - 0.5) * box->dlat_rad;
            lat = fmin(fmax(lat, -0.5 * M_PI), 0.5 * M_PI);
            out->lat_rad[out->n_points] = lat;
            out->lon_rad[out->n_points] = box->west_rad + (rb->x[p] - 0.5) * box->dlon_rad;
            out->n_points++;
        }
        out->n_rings++;
        out->start[out->n_rings] = (int)out->n_points;
    }
    return 1;
}

static int compare_int(const void *a, const void *b)
{
    const int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int bmd_footprint_contour(const bmd_footprint_box *box, const unsigned char *mask,
                          bmd_footprint_rings *rings, bmd_error *err)
{
    if (!box || !mask || !rings || box->n_lat < 1 || box->n_lon < 1)
        return bmd_error_set(err, BMD_EINVAL, "contour: a box, its mask and the output are needed");
    memset(rings, 0, sizeof *rings);
    ring_buf rb = {0};
    int ok = trace(box, mask, 0, box->n_lon, &rb);
    int n_holes = 0;
    for (int r = 0; ok && r < rb.n_rings; r++)
        n_holes += rb.orient[r] < 0;
    if (ok && n_holes == 0) {
        ok = emit(box, &rb, rings);
    } else if (ok) {
        /* cut at the western edge of every hole: no piece of a slab can enclose a hole */
        int *cuts = malloc((size_t)(n_holes + 2) * sizeof(int)), n_cuts = 0;
        ok = cuts != NULL;
        for (int r = 0; ok && r < rb.n_rings; r++) {
            if (rb.orient[r] > 0)
                continue;
            int xmin = box->n_lon;
            for (long p = rb.start[r]; p < rb.start[r + 1]; p++)
                xmin = rb.x[p] < xmin ? rb.x[p] : xmin;
            cuts[n_cuts++] = xmin;
        }
        if (ok) {
            cuts[n_cuts++] = 0;
            cuts[n_cuts++] = box->n_lon;
            qsort(cuts, (size_t)n_cuts, sizeof(int), compare_int);
        }
        for (int c = 0; ok && c + 1 < n_cuts; c++) {
            if (cuts[c + 1] == cuts[c])
                continue;
            ring_buf slab = {0};
            ok = trace(box, mask, cuts[c], cuts[c + 1], &slab) && emit(box, &slab, rings);
            ring_buf_free(&slab);
        }
        free(cuts);
    }
    ring_buf_free(&rb);
    if (!ok) {
        bmd_footprint_rings_free(rings);
        return bmd_error_set(err, BMD_ENOMEM, "contour: out of memory");
    }
    return BMD_SUCCESS;
}

void bmd_footprint_rings_free(bmd_footprint_rings *rings)
{
    if (!rings)
        return;
    free(rings->start);
    free(rings->lat_rad);
    free(rings->lon_rad);
    memset(rings, 0, sizeof *rings);
}
