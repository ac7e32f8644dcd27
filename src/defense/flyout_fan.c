/* Converting a flyout fan's states (see interceptor_internal.h, bmd_ic_fan_states): ground range,
 * altitude, speed and flight-path angle of every state of one trajectory, at a fraction of the
 * cost of bmd_ic_fill_state per state.
 *
 * The cost of bmd_ic_fill_state is the PROJ geodesic inverse (Karney 2013) behind the ground
 * range, plus three solutions of the ellipsoid's closest-point problem (range, altitude, local
 * frame). Here:
 * - one closest-point solution per state (bmd_earth_local_frame) gives the altitude and the local
 *   frame: the same altitude as bmd_earth_altitude_m, speed and flight-path angle to rounding;
 * - the ground range is g = a + c, where a is a cheap approximation (approx_range: the great
 *   circle of the site's and the state's ellipsoid normals, its east and north components scaled
 *   by the site's radii of curvature, so that a is exact to first order at the site; one atan2
 *   and one sqrt) and c = exact - a, a smooth function of the foot point (0 on a sphere). c is
 *   computed exactly (bmd_ic_along_range, the reference) at nodes along the trajectory: at most
 *   FAN_NODE_SPACING_M of (approximate) ground track and FAN_NODE_COS_TURN of turn apart, and at
 *   every turn or stall of the ground track (a hovering vertical launch); in between c is
 *   interpolated quadratically in the ground-track length through the segment's two nodes and a
 *   third (linearly when no third node is usable).
 * Accuracy (tests/test_flyout_fan.c): |g - exact| below 2 cm (measured 3.6 mm, 8 mm for the
 * staged model; below 1 mm on spheres and near the site) over fans of interceptors from 3 to
 * 6.5 km/s at sites from 45 S to 70 N on WGS84; tables' nodes within 5e-8 s of the reference.
 * Speed (~3.2x cheaper tables): docs/performance.md. */
#include <math.h>

#include "bmd/units.h"

#include "defense/interceptor_internal.h"

/* Longest stretch of (approximate) ground track between two exact nodes. */
#define FAN_NODE_SPACING_M 15.0e3
/* Cosine of the largest turn of the ground track between two exact nodes. */
#define FAN_NODE_COS_TURN 0.995
/* A step of the ground track shorter than this is a stall (made a node). */
#define FAN_STALL_M 1e-3

void bmd_ic_fan_site_init(const bmd_earth *earth, const bmd_interceptor_site *site,
                          bmd_ic_fan_site *fs)
{
    double e[3], n[3];
    fs->earth = earth;
    fs->site = *site;
    bmd_earth_enu_basis(site->lat_rad, site->lon_rad, e, n, fs->up);
    const double sa = sin(site->azimuth_rad), ca = cos(site->azimuth_rad);
    for (int k = 0; k < 3; k++) {
        fs->east[k] = e[k];
        fs->north[k] = n[k];
    }
    /* Radii of curvature in the prime vertical (N) and the meridian (M). */
    const double s = sin(site->lat_rad), w2 = 1.0 - earth->e2 * s * s, w = sqrt(w2);
    const double nrad = earth->a_m / w, mrad = earth->a_m * (1.0 - earth->e2) / (w2 * w);
    fs->east_scale_m = nrad;
    fs->north_scale_m = mrad;
    fs->sin_az = sa;
    fs->cos_az = ca;
}

/* The approximate ground range a of the foot point with ellipsoid normal up, and its approximate
 * cross-track coordinate b: the great circle of the normals (central angle sigma), with the east
 * and north components of its direction scaled by the site's radii of curvature (N and M), so
 * that (a, b) is exact to first order at the site; a = sigma / sin(sigma) (E sin az0 + N cos az0)
 * where (E, N) = (N up . east, M up . north). */
static void approx_range(const bmd_ic_fan_site *fs, const double up[3], double *a, double *b)
{
    const double x = up[0] * fs->east[0] + up[1] * fs->east[1] + up[2] * fs->east[2];
    const double y = up[0] * fs->north[0] + up[1] * fs->north[1] + up[2] * fs->north[2];
    const double z = up[0] * fs->up[0] + up[1] * fs->up[1] + up[2] * fs->up[2];
    const double h = sqrt(x * x + y * y);
    const double ratio = h > 1e-300 ? atan2(h, z) / h : 1.0;
    const double e = ratio * fs->east_scale_m * x, n = ratio * fs->north_scale_m * y;
    *a = e * fs->sin_az + n * fs->cos_az;
    *b = e * fs->cos_az - n * fs->sin_az;
}

/* Quadratic (Lagrange) interpolation at x through (x0, y0), (x1, y1), (x2, y2). */
static double quadratic(double x, double x0, double y0, double x1, double y1, double x2, double y2)
{
    const double l0 = (x - x1) * (x - x2) / ((x0 - x1) * (x0 - x2));
    const double l1 = (x - x0) * (x - x2) / ((x1 - x0) * (x1 - x2));
    const double l2 = (x - x0) * (x - x1) / ((x2 - x0) * (x2 - x1));
    return l0 * y0 + l1 * y1 + l2 * y2;
}

/* A turn of the ground track at state m: the step into m and the step out of it point apart, or
 * one of them is shorter than FAN_STALL_M (hovering: rounding noise has no direction). */
static int turns_at(const double *da, const double *db, int m)
{
    const double stall2 = FAN_STALL_M * FAN_STALL_M;
    return !(da[m] * da[m + 1] + db[m] * db[m + 1] > 0.0) ||
           da[m] * da[m] + db[m] * db[m] < stall2 ||
           da[m + 1] * da[m + 1] + db[m + 1] * db[m + 1] < stall2;
}

void bmd_ic_fan_states(const bmd_ic_fan_site *fs, bmd_kv_state *s, int n, double *scratch)
{
    if (n <= 0)
        return;
    const bmd_earth *earth = fs->earth;
    const size_t sn = (size_t)n;
    double *approx_m = scratch, *path_m = scratch + sn;
    double *da = scratch + 2 * sn, *db = scratch + 3 * sn;
    int *node = (int *)(scratch + 4 * sn); /* exact nodes in order, ~index if at a turn */
    double b_prev = 0.0;
    for (int m = 0; m < n; m++) {
        double e[3], nn[3], u[3], b;
        s[m].altitude_m = bmd_earth_local_frame(earth, s[m].r_ecef_m, e, nn, u);
        const double *v = s[m].v_ecef_m_s;
        const double ve = v[0] * e[0] + v[1] * e[1] + v[2] * e[2];
        const double vn = v[0] * nn[0] + v[1] * nn[1] + v[2] * nn[2];
        const double vu = v[0] * u[0] + v[1] * u[1] + v[2] * u[2];
        s[m].speed_m_s = sqrt(ve * ve + vn * vn + vu * vu);
        s[m].gamma_rad = atan2(vu, sqrt(ve * ve + vn * vn)); /* hypot in the reference */
        if (!(s[m].speed_m_s > 0.0))
            s[m].gamma_rad = (0.5 * BMD_PI); /* at rest on the pad: vertical */
        approx_range(fs, u, &approx_m[m], &b);
        if (m == 0) {
            path_m[0] = da[0] = db[0] = 0.0;
        } else {
            da[m] = approx_m[m] - approx_m[m - 1];
            db[m] = b - b_prev;
            path_m[m] = path_m[m - 1] + sqrt(da[m] * da[m] + db[m] * db[m]);
        }
        b_prev = b;
    }
    /* The exact nodes: at most FAN_NODE_SPACING_M of ground track apart, and at every turn. */
    int n_nodes = 0, last = 0;
    node[n_nodes++] = ~0;
    while (last < n - 1) {
        int m = last + 1;
        const double dp0 = path_m[last + 1] - path_m[last];
        while (m < n - 1 && !turns_at(da, db, m) &&
               path_m[m + 1] - path_m[last] <= FAN_NODE_SPACING_M &&
               da[m + 1] * da[last + 1] + db[m + 1] * db[last + 1] >
                   FAN_NODE_COS_TURN * dp0 * (path_m[m + 1] - path_m[m]))
            m++;
        node[n_nodes++] = m < n - 1 && turns_at(da, db, m) ? ~m : m;
        last = m;
    }
#define IDX(j) (node[j] < 0 ? ~node[j] : node[j])
    for (int j = 0; j < n_nodes; j++)
        s[IDX(j)].ground_range_m = bmd_ic_along_range(earth, &fs->site, s[IDX(j)].r_ecef_m);
    /* Between nodes: the correction c = exact - approx, quadratic in the ground-track length
     * through the segment's nodes and the next (else the previous) node, not across a turn;
     * linear if turns bound the segment on both sides. */
#define C_AT(k) (s[k].ground_range_m - approx_m[k])
    for (int j = 0; j + 1 < n_nodes; j++) {
        const int i0 = IDX(j), i1 = IDX(j + 1);
        if (i1 - i0 < 2)
            continue;
        const double p0 = path_m[i0], p1 = path_m[i1], c0 = C_AT(i0), c1 = C_AT(i1);
        /* the third node: the next, else the previous, not across a turn, and making a
         * well-conditioned parabola (1 m and 0.001 segments to 50 segments away) */
        int i2 = -1;
        for (int side = 0; side < 2 && i2 < 0; side++) {
            int cand = -1;
            if (side == 0 && j + 2 < n_nodes && node[j + 1] >= 0)
                cand = IDX(j + 2);
            if (side == 1 && j > 0 && node[j] >= 0)
                cand = IDX(j - 1);
            if (cand < 0)
                continue;
            const double gap = cand > i1 ? path_m[cand] - p1 : p0 - path_m[cand];
            if (gap >= 1.0 && gap >= 1e-3 * (p1 - p0) && gap <= 50.0 * (p1 - p0))
                i2 = cand;
        }
        for (int k = i0 + 1; k < i1; k++) {
            const double p = path_m[k];
            const double c = i2 >= 0 ? quadratic(p, p0, c0, p1, c1, path_m[i2], C_AT(i2))
                                     : c0 + (c1 - c0) * (p - p0) / (p1 - p0);
            s[k].ground_range_m = approx_m[k] + c;
        }
    }
#undef C_AT
#undef IDX
}
