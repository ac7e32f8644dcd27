/* Converting a flyout fan's states (see interceptor_internal.h, bmd_ic_fan_states): ground range,
 * altitude, speed and flight-path angle of every state of one trajectory, at a fraction of the
 * cost of bmd_ic_fill_state per state.
 *
 * The cost of bmd_ic_fill_state is the PROJ geodesic inverse (Karney 2013) behind the ground
 * range, plus three solutions of the ellipsoid's closest-point problem (range, altitude, local
 * frame). Here:
 * - the ground range is g = a + c, where a is a cheap approximation (approx_range: the
 *   stereographic projection of the state's ellipsoid normal about the site's, its east and north
 *   components scaled by the site's radii of curvature, so that a is exact to first order at the
 *   site; one division) and c = exact - a is the correction. c depends only on the foot point,
 *   i.e. on the approximate coordinates (a, b) (b: cross-track) of the state, the site and the
 *   Earth, not on the interceptor; it is smooth and varies on the scale of the Earth's radius.
 *   It is computed exactly (PROJ's geodesic inverse, as bmd_ic_along_range) at the nodes
 *   of a square lattice in (a, b), FAN_CELL_M apart and anchored at the site, and interpolated
 *   by the tensor-product cubic through the 4 x 4 nodes around the state. Lattice nodes are
 *   computed when a state first needs them (bmd_ic_fan_site keeps them for the whole fan: a
 *   node's value depends only on its indices, so tables do not depend on the order of work).
 *   A default table needs ~800 nodes instead of ~60,000 geodesic inverses along its
 *   trajectories (session 5: exact nodes every 15 km of each trajectory's ground track).
 * - the altitude and the up vector: Newton's method on the foot point warm-started from the
 *   previous state (bmd_earth_altitude_near), equal to the closed form to rounding (4e-9 m);
 * - the flight-path angle (an atan2) optionally left to the caller (the flyout table computes it
 *   only at the states around its nodes).
 * Accuracy (tests/test_flyout_fan.c): |g - exact| below 0.1 mm (measured 11 um) over fans of
 * interceptors from 3 to 6.5 km/s at sites from 45 S to 70 N on WGS84 and on spheres.
 * Speed: docs/performance.md ("Flyout tables, session 6"). */
#include <math.h>
#include <stdlib.h>

#include "bmd/error.h"
#include "bmd/geodesy.h"
#include "bmd/units.h"

#include "defense/interceptor_internal.h"

/* Spacing of the correction's lattice in (a, b). The cubic's error is ~ h^4 c'''' / 128: c is
 * dominated by the projection's own distortion (2 R tan(sigma/2) - R sigma ~ R sigma^3 / 12),
 * c'''' ~ 1 / R^3 at 3,000 km: ~1e-5 m at 20 km (tests/test_flyout_fan.c). */
#define FAN_CELL_M 20.0e3
/* Largest lattice kept (nodes), and the largest |a| or |b| it serves (beyond: the reference;
 * 1e7 m of projected range is a central angle of 76 degrees, ~8,500 km). */
#define FAN_MAX_LATTICE 1000000L
#define FAN_MAX_LATTICE_M 1.0e7

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
    fs->corr_m = NULL;
    fs->i_lo = fs->j_lo = 0;
    fs->ni = fs->nj = 0;
}

void bmd_ic_fan_site_free(bmd_ic_fan_site *fs)
{
    free(fs->corr_m);
    fs->corr_m = NULL;
    fs->ni = fs->nj = 0;
}

/* The approximate ground range a of the foot point with ellipsoid normal up, and its approximate
 * cross-track coordinate b: the stereographic projection of the normal from the site's antipode
 * (tan of half the central angle sigma between the normals), its east and north components
 * scaled by the site's radii of curvature (N and M), so that (a, b) is exact to first order at
 * the site: a = 2 / (1 + cos sigma) (E sin az0 + N cos az0) where (E, N) = (N up . east,
 * M up . north). No trigonometric function: one division (a great-circle arc would need an
 * atan2; the correction's lattice takes the difference either way, smooth). */
static void approx_range(const bmd_ic_fan_site *fs, const double up[3], double *a, double *b)
{
    const double x = up[0] * fs->east[0] + up[1] * fs->east[1] + up[2] * fs->east[2];
    const double y = up[0] * fs->north[0] + up[1] * fs->north[1] + up[2] * fs->north[2];
    const double z = up[0] * fs->up[0] + up[1] * fs->up[1] + up[2] * fs->up[2];
    const double ratio = 2.0 / (1.0 + z);
    const double e = ratio * fs->east_scale_m * x, n = ratio * fs->north_scale_m * y;
    *a = e * fs->sin_az + n * fs->cos_az;
    *b = e * fs->cos_az - n * fs->sin_az;
}

/* The correction c = exact - a at the foot point whose approximate coordinates are (a, b): the
 * inverse of approx_range (t = |(E/N, N/M)| / 2 = tan(sigma/2), cos sigma = (1 - t^2)/(1 + t^2),
 * up = cos sigma up0 + (1 + cos sigma)/2 (E/N east + N/M north)), then the reference
 * along-track range (bmd_ic_along_range: PROJ's geodesic inverse) of that foot point, less
 * approx_range of the same normal. */
static double exact_correction(const bmd_ic_fan_site *fs, double a, double b)
{
    const double e = a * fs->sin_az + b * fs->cos_az, n = a * fs->cos_az - b * fs->sin_az;
    const double x = e / fs->east_scale_m, y = n / fs->north_scale_m;
    const double t2 = 0.25 * (x * x + y * y);
    const double cs = (1.0 - t2) / (1.0 + t2), half = 0.5 * (1.0 + cs);
    double up[3];
    for (int k = 0; k < 3; k++)
        up[k] = cs * fs->up[k] + half * (x * fs->east[k] + y * fs->north[k]);
    const double lat = atan2(up[2], sqrt(up[0] * up[0] + up[1] * up[1]));
    const double lon = atan2(up[1], up[0]);
    double d, az1, a_up, b_up;
    bmd_geodesy_inverse(fs->earth, fs->site.lat_rad, fs->site.lon_rad, lat, lon, &d, &az1, NULL);
    const double g = d > 0.0 ? d * cos(az1 - fs->site.azimuth_rad) : 0.0;
    approx_range(fs, up, &a_up, &b_up);
    return g - a_up;
}

/* Make the lattice cover node indices [i0, i1] x [j0, j1] (new nodes: NAN, not yet computed).
 * Returns BMD_ENOMEM when it cannot (or the box would exceed FAN_MAX_LATTICE nodes). */
static int cover(bmd_ic_fan_site *fs, int i0, int i1, int j0, int j1)
{
    if (fs->corr_m && i0 >= fs->i_lo && i1 < fs->i_lo + fs->ni && j0 >= fs->j_lo &&
        j1 < fs->j_lo + fs->nj)
        return BMD_SUCCESS;
    if (fs->corr_m) {
        i0 = i0 < fs->i_lo ? i0 : fs->i_lo;
        j0 = j0 < fs->j_lo ? j0 : fs->j_lo;
        i1 = i1 > fs->i_lo + fs->ni - 1 ? i1 : fs->i_lo + fs->ni - 1;
        j1 = j1 > fs->j_lo + fs->nj - 1 ? j1 : fs->j_lo + fs->nj - 1;
    }
    const long ni = (long)i1 - i0 + 1, nj = (long)j1 - j0 + 1;
    if (ni > FAN_MAX_LATTICE || nj > FAN_MAX_LATTICE || ni * nj > FAN_MAX_LATTICE)
        return BMD_ENOMEM;
    double *c = malloc(sizeof *c * (size_t)(ni * nj));
    if (!c)
        return BMD_ENOMEM;
    for (long k = 0; k < ni * nj; k++)
        c[k] = NAN;
    for (int j = 0; j < fs->nj; j++)
        for (int i = 0; i < fs->ni; i++)
            c[(long)(j + fs->j_lo - j0) * ni + (i + fs->i_lo - i0)] =
                fs->corr_m[(long)j * fs->ni + i];
    free(fs->corr_m);
    fs->corr_m = c;
    fs->i_lo = i0, fs->j_lo = j0;
    fs->ni = (int)ni, fs->nj = (int)nj;
    return BMD_SUCCESS;
}

/* Weights of the cubic through nodes -1, 0, 1, 2 at fraction f in [0, 1). */
static void cubic_weights(double f, double w[4])
{
    const double fm1 = f - 1.0, fm2 = f - 2.0, fp1 = f + 1.0;
    w[0] = -f * fm1 * fm2 * (1.0 / 6.0);
    w[1] = fp1 * fm1 * fm2 * 0.5;
    w[2] = -fp1 * f * fm2 * 0.5;
    w[3] = fp1 * f * fm1 * (1.0 / 6.0);
}

/* The interpolated correction at (a, b) (the lattice covers the 4 x 4 nodes: see cover). */
static double correction(bmd_ic_fan_site *fs, double a, double b)
{
    const double u = a * (1.0 / FAN_CELL_M), v = b * (1.0 / FAN_CELL_M);
    const double fi = floor(u), fj = floor(v);
    const int i = (int)fi - 1 - fs->i_lo, j = (int)fj - 1 - fs->j_lo;
    double wu[4], wv[4];
    cubic_weights(u - fi, wu);
    cubic_weights(v - fj, wv);
    double sum = 0.0;
    for (int q = 0; q < 4; q++) {
        double *row = fs->corr_m + (long)(j + q) * fs->ni + i;
        double rs = 0.0;
        for (int p = 0; p < 4; p++) {
            if (isnan(row[p]))
                row[p] = exact_correction(fs, (i + p + fs->i_lo) * FAN_CELL_M,
                                          (j + q + fs->j_lo) * FAN_CELL_M);
            rs += wu[p] * row[p];
        }
        sum += wv[q] * rs;
    }
    return sum;
}

/* Height of r and the up vector (the ellipsoid normal at the foot point), as bmd_earth_local_frame
 * gives them (to rounding), from Newton's method on the foot point warm-started from the previous
 * state (bmd_earth_altitude_near; foot: its cos and sin of the reduced latitude): the normal at
 * reduced latitude b and longitude lon is along (B cos b cos lon, B cos b sin lon, A sin b). */
static double local_frame_near(const bmd_earth *earth, const double r[3], double foot[2],
                               double up[3], double *cphi)
{
    double p[3];
    const double h = bmd_earth_altitude_near(earth, r, foot, p);
    const double nx = earth->b_m * p[0], ny = earth->b_m * p[1], nz = earth->a_m * p[2];
    const double in = 1.0 / sqrt(nx * nx + ny * ny + nz * nz);
    up[0] = nx * in, up[1] = ny * in, up[2] = nz * in;
    *cphi = earth->b_m * foot[0] * in; /* |(up0, up1)|: foot[0] = cos b = |(p0, p1)| */
    return h;
}

void bmd_ic_fan_states(bmd_ic_fan_site *fs, bmd_kv_state *s, int n, double *scratch,
                       double *vu_vh2)
{
    if (n <= 0)
        return;
    const bmd_earth *earth = fs->earth;
    double *am = scratch, *bm = scratch + n;
    double amin = INFINITY, amax = -INFINITY, bmin = INFINITY, bmax = -INFINITY;
    double foot[2] = {NAN, NAN};
    for (int m = 0; m < n; m++) {
        double u[3], cphi;
        s[m].altitude_m = local_frame_near(earth, s[m].r_ecef_m, foot, u, &cphi);
        const double *r = s[m].r_ecef_m, *v = s[m].v_ecef_m_s;
        /* east = (-y, x, 0) / rho, north = up x east (as bmd_earth_local_frame) */
        const double rho = sqrt(r[0] * r[0] + r[1] * r[1]), irho = 1.0 / rho;
        const double cl = rho > 0.0 ? r[0] * irho : 1.0, sl = rho > 0.0 ? r[1] * irho : 0.0;
        const double ve = -v[0] * sl + v[1] * cl;
        const double vn = -v[0] * u[2] * cl - v[1] * u[2] * sl + v[2] * cphi;
        const double vu = v[0] * u[0] + v[1] * u[1] + v[2] * u[2];
        const double vh2 = ve * ve + vn * vn;
        s[m].speed_m_s = sqrt(vh2 + vu * vu);
        if (vu_vh2) {
            vu_vh2[2 * m] = vu, vu_vh2[2 * m + 1] = vh2;
            s[m].gamma_rad = NAN;
        } else {
            s[m].gamma_rad = bmd_ic_fan_gamma(s[m].speed_m_s, vu, vh2);
        }
        approx_range(fs, u, &am[m], &bm[m]);
        amin = am[m] < amin ? am[m] : amin, amax = am[m] > amax ? am[m] : amax;
        bmin = bm[m] < bmin ? bm[m] : bmin, bmax = bm[m] > bmax ? bm[m] : bmax;
    }
    /* The lattice around the trajectory; where it cannot be had (no memory, or a trajectory
     * beyond FAN_MAX_LATTICE_M), the reference at every state. */
    const double lim = FAN_MAX_LATTICE_M;
    if (!(amin > -lim && amax < lim && bmin > -lim && bmax < lim) ||
        cover(fs, (int)floor(amin / FAN_CELL_M) - 1, (int)floor(amax / FAN_CELL_M) + 2,
              (int)floor(bmin / FAN_CELL_M) - 1, (int)floor(bmax / FAN_CELL_M) + 2)) {
        for (int m = 0; m < n; m++)
            s[m].ground_range_m = bmd_ic_along_range(earth, &fs->site, s[m].r_ecef_m);
        return;
    }
    for (int m = 0; m < n; m++)
        s[m].ground_range_m = am[m] + correction(fs, am[m], bm[m]);
}
