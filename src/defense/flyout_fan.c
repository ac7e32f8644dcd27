/* Converting a flyout fan's states (see interceptor_internal.h, bmd_ic_fan_states): ground range,
 * altitude, speed and flight-path angle of every state of one trajectory, at a fraction of the
 * cost of bmd_ic_fill_state per state.
 *
 * The cost of bmd_ic_fill_state is the PROJ geodesic inverse (Karney 2013) behind the ground
 * range, plus three solutions of the ellipsoid's closest-point problem (range, altitude, local
 * frame). Here:
 * - one closest-point solution per state (bmd_earth_local_frame) gives the altitude and the local
 *   frame, bitwise the same numbers as bmd_earth_altitude_m and bmd_earth_velocity_to_local;
 * - the ground range is g = a + c, where a is a cheap approximation (the great circle between the
 *   site's and the state's ellipsoid normals, on a sphere of the site's normal-section radius of
 *   curvature in the launch azimuth: no trigonometric function but one atan2) and c = exact - a is
 *   a smooth function of the foot point. c is computed exactly (bmd_ic_along_range, the old path)
 *   at nodes along the trajectory no farther apart than FAN_NODE_SPACING_M in a, and between
 *   nodes interpolated linearly in a. Between two nodes a is kept strictly monotone (a turn
 *   makes a node), so the interpolation is well defined; a hovering state (vertical launch) ends
 *   up a node of its own, i.e. computed exactly.
 * Accuracy (tests/test_flyout_fan.c, docs/performance.md): |g - exact| below 1 mm over fans of
 * interceptors from 3 to 6.5 km/s at sites from the equator to 70 degrees, on WGS84 and spheres. */
#include <math.h>

#include "bmd/units.h"

#include "defense/interceptor_internal.h"

/* Largest change of the approximate range a between two exact nodes. */
#define FAN_NODE_SPACING_M 25.0e3

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
        fs->along[k] = sa * e[k] + ca * n[k];
    }
    /* Normal-section radius of curvature in the azimuth (Euler): 1/R = cos^2/M + sin^2/N. */
    const double s = sin(site->lat_rad), w2 = 1.0 - earth->e2 * s * s, w = sqrt(w2);
    const double nrad = earth->a_m / w, mrad = earth->a_m * (1.0 - earth->e2) / (w2 * w);
    fs->radius_m = 1.0 / (ca * ca / mrad + sa * sa / nrad);
    fs->east_scale_m = nrad * sa;
    fs->north_scale_m = mrad * ca;
}

/* The approximate ground range of the foot point with ellipsoid normal up: R sigma cos(az - az0)
 * on the great circle of the normals, written as R (sigma / sin sigma) (up . along). */
static double approx_range(const bmd_ic_fan_site *fs, const double up[3])
{
    const double x = up[0] * fs->east[0] + up[1] * fs->east[1] + up[2] * fs->east[2];
    const double y = up[0] * fs->north[0] + up[1] * fs->north[1] + up[2] * fs->north[2];
    const double z = up[0] * fs->up[0] + up[1] * fs->up[1] + up[2] * fs->up[2];
    const double w = up[0] * fs->along[0] + up[1] * fs->along[1] + up[2] * fs->along[2];
    const double h = hypot(x, y);
    const double ratio = h > 1e-300 ? atan2(h, z) / h : 1.0;
    (void)w;
    return ratio * (fs->east_scale_m * x + fs->north_scale_m * y);
}

/* Sign of x: -1, 0 or 1. */
static int sign_of(double x)
{
    return (x > 0.0) - (x < 0.0);
}

void bmd_ic_fan_states(const bmd_ic_fan_site *fs, bmd_kv_state *s, int n, double *approx_m)
{
    if (n <= 0)
        return;
    const bmd_earth *earth = fs->earth;
    for (int m = 0; m < n; m++) {
        double e[3], nn[3], u[3];
        s[m].altitude_m = bmd_earth_local_frame(earth, s[m].r_ecef_m, e, nn, u);
        const double *v = s[m].v_ecef_m_s;
        const double ve = v[0] * e[0] + v[1] * e[1] + v[2] * e[2];
        const double vn = v[0] * nn[0] + v[1] * nn[1] + v[2] * nn[2];
        const double vu = v[0] * u[0] + v[1] * u[1] + v[2] * u[2];
        s[m].speed_m_s = sqrt(ve * ve + vn * vn + vu * vu);
        s[m].gamma_rad = atan2(vu, hypot(ve, vn));
        if (!(s[m].speed_m_s > 0.0))
            s[m].gamma_rad = (0.5 * BMD_PI); /* at rest on the pad: vertical */
        approx_m[m] = approx_range(fs, u);
    }
    /* Exact nodes and the linear interpolation of the correction between them. */
    int last = 0;
    s[0].ground_range_m = bmd_ic_along_range(earth, &fs->site, s[0].r_ecef_m);
    double c_last = s[0].ground_range_m - approx_m[0];
    while (last < n - 1) {
        int dir = sign_of(approx_m[last + 1] - approx_m[last]);
        int m = last + 1;
        if (dir != 0)
            while (m < n - 1 && sign_of(approx_m[m + 1] - approx_m[m]) == dir &&
                   fabs(approx_m[m + 1] - approx_m[last]) <= FAN_NODE_SPACING_M)
                m++;
        s[m].ground_range_m = bmd_ic_along_range(earth, &fs->site, s[m].r_ecef_m);
        const double c_m = s[m].ground_range_m - approx_m[m];
        const double a0 = approx_m[last], span = approx_m[m] - a0;
        for (int k = last + 1; k < m; k++)
            s[k].ground_range_m = approx_m[k] + c_last + (c_m - c_last) * (approx_m[k] - a0) / span;
        last = m;
        c_last = c_m;
    }
}
