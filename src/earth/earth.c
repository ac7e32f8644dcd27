/* The Earth model: WGS84 ellipsoid or sphere, frames and conversions (see include/bmd/earth.h).
 *
 * References:
 *   NIMA TR8350.2, "Department of Defense World Geodetic System 1984", 3rd ed. (2000), ch. 3-4.
 *   H. Vermeille, "Direct transformation from geocentric coordinates to geodetic coordinates",
 *     J. Geodesy 76, 451-454 (2002), closed-form inverse, with the reformulation and the branch for
 *     points inside the evolute of C. F. F. Karney, "Geodesics on an ellipsoid of revolution",
 *     arXiv:1102.1215 (2011), appendix B.
 *   D. A. Vallado, "Fundamentals of Astrodynamics and Applications", 4th ed. (2013), sec. 3.7
 *     (ECEF/ECI rotation, v_eci = R (v_ecef + w x r)). */
#include "bmd/earth.h"
#include "bmd/units.h"

#include <math.h>
#include <stddef.h>


/* Fill the fields shared by both kinds of model. */
static void earth_fill(bmd_earth *earth, bmd_earth_kind kind, double a_m, double f, double j2,
                       double omega_rad_s)
{
    earth->kind = kind;
    earth->a_m = a_m;
    earth->f = f;
    earth->b_m = a_m * (1.0 - f);
    earth->e2 = f * (2.0 - f);
    earth->gm_m3_s2 = BMD_WGS84_GM_M3_S2;
    earth->j2 = j2;
    earth->omega_rad_s = omega_rad_s;
    geod_init(&earth->geod, a_m, f);
}

/* WGS84: NIMA TR8350.2 table 3.1 defining constants and the EGM96 J2. */
void bmd_earth_init_wgs84(bmd_earth *earth)
{
    earth_fill(earth, BMD_EARTH_WGS84, BMD_WGS84_A_M, 1.0 / BMD_WGS84_INV_F, BMD_WGS84_J2,
               BMD_WGS84_OMEGA_RAD_S);
}

/* Sphere of radius_m (0 -> IUGG mean radius), point-mass gravity, optional rotation. */
int bmd_earth_init_sphere(bmd_earth *earth, double radius_m, int rotating, bmd_error *err)
{
    if (!isfinite(radius_m) || radius_m < 0.0 || (radius_m != 0.0 && radius_m < 1000.0))
        return bmd_error_set(err, BMD_EINVAL,
                             "sphere radius %g m is invalid: it must be finite and at least "
                             "1000 m, or 0 for the mean Earth radius",
                             radius_m);
    if (radius_m == 0.0)
        radius_m = BMD_EARTH_MEAN_RADIUS_M;
    earth_fill(earth, BMD_EARTH_SPHERE, radius_m, 0.0, 0.0,
               rotating ? BMD_WGS84_OMEGA_RAD_S : 0.0);
    return BMD_SUCCESS;
}

/* ASCII case-insensitive string equality (strcasecmp is POSIX, not C17). */
static int name_equals(const char *s, const char *lower)
{
    for (; *s && *lower; ++s, ++lower) {
        char c = *s;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (c != *lower)
            return 0;
    }
    return *s == '\0' && *lower == '\0';
}

/* "wgs84" or "sphere" (any case) -> kind. */
int bmd_earth_kind_parse(const char *name, bmd_earth_kind *kind, bmd_error *err)
{
    if (name && name_equals(name, "wgs84")) {
        *kind = BMD_EARTH_WGS84;
        return BMD_SUCCESS;
    }
    if (name && name_equals(name, "sphere")) {
        *kind = BMD_EARTH_SPHERE;
        return BMD_SUCCESS;
    }
    return bmd_error_set(err, BMD_EINVAL,
                         "Earth model \"%s\" is unknown: use \"wgs84\" or \"sphere\"",
                         name ? name : "(null)");
}

/* Sphere radius, or the ellipsoid's mean radius R1 = (2a + b)/3 (Moritz 1980). */
double bmd_earth_mean_radius_m(const bmd_earth *earth)
{
    if (earth->kind == BMD_EARTH_SPHERE)
        return earth->a_m;
    return (2.0 * earth->a_m + earth->b_m) / 3.0;
}

/* Geodetic -> ECEF, TR8350.2 ch. 4; Vallado 2013 sec. 3.2: N = a / sqrt(1 - e2 sin^2 lat). */
void bmd_earth_geodetic_to_ecef(const bmd_earth *earth, double lat_rad, double lon_rad,
                                double h_m, double r_ecef_m[3])
{
    const double sl = sin(lat_rad), cl = cos(lat_rad);
    const double n = earth->a_m / sqrt(1.0 - earth->e2 * sl * sl);
    const double rho = (n + h_m) * cl;
    r_ecef_m[0] = rho * cos(lon_rad);
    r_ecef_m[1] = rho * sin(lon_rad);
    r_ecef_m[2] = (n * (1.0 - earth->e2) + h_m) * sl;
}

/* The closed-form core of the ellipsoidal inverse for a point at distance rho2 = x^2 + y^2
 * (squared) from the axis and height z above the equatorial plane. Returns the height and the
 * factors k, k + e2 of the foot point's normal: tan lat = z (k + e2) / (rho k), so the geodetic
 * normal points along (x k, y k, z (k + e2)), of length *n_out = |(rho k, z (k + e2))|.
 * *k_out = 0 flags a point inside the evolute on the
 * equatorial plane, whose latitude is returned in *lat_evolute. Vermeille (2002) in Karney's
 * (2011, app. B) arrangement, which avoids dividing by r^3 and treats points inside the evolute
 * (within e^2 a ~ 43 km of the centre) exactly. */
static double ellipsoid_inverse(const bmd_earth *earth, double rho2, double z, double *k_out,
                                double *kp_out, double *n_out, double *lat_evolute)
{
    const double a = earth->a_m, e2 = earth->e2, e4 = e2 * e2, e2m = 1.0 - e2;
    const double ia2 = 1.0 / (a * a);
    const double p = rho2 * ia2;
    const double q = e2m * (z * z) * ia2;
    const double r = (p + q - e4) * (1.0 / 6.0);
    if (e4 * q == 0.0 && r <= 0.0) {
        /* On the equatorial plane inside the evolute: the nearest surface point is off the
         * equator, tan^2 lat = (e4 - p) / ((1 - e2) p), and h = -a (1 - e2) H / e2. */
        const double zz = sqrt((e4 - p) / e2m), xx = sqrt(p);
        const double hh = hypot(zz, xx);
        *k_out = *kp_out = *n_out = 0.0;
        *lat_evolute = atan2(z < 0.0 ? -zz : zz, xx);
        return -a * e2m * hh / e2;
    }
    const double s = e4 * p * q * 0.25;
    const double r2 = r * r, r3 = r * r2;
    const double disc = s * (2.0 * r3 + s);
    double u = r;
    if (disc >= 0.0) {
        /* One real root of the resolvent cubic (Cardano). t3 >= |r|^3 > 0 here unless s = 0,
         * so the sum has no cancellation. */
        const double t = cbrt(s + r3 + sqrt(disc));
        u += t + (t != 0.0 ? r2 / t : 0.0);
    } else {
        /* Three real roots (only for r < 0, near the centre): trigonometric form. */
        const double ang = atan2(sqrt(-disc), -(s + r3));
        u += 2.0 * r * cos(ang / 3.0);
    }
    const double v = sqrt(u * u + e4 * q);
    const double uv = u < 0.0 ? e4 * q / (v - u) : u + v; /* u + v without cancellation */
    const double w = fmax(0.0, e2 * (uv - q) / (2.0 * v));
    const double k = uv / (sqrt(uv + w * w) + w);
    const double kp = k + e2;
    /* |(k rho, (k + e2) z)|: the length of the normal (x k, y k, z (k + e2)), and
     * h = (1 - (1 - e2)/k) |(k rho/(k + e2), z)| = (k - (1 - e2)) n / (k (k + e2)) (one division;
     * k - (1 - e2) is exact near the surface); no overflow is possible at planetary scales. */
    const double n = sqrt(k * k * rho2 + kp * kp * (z * z));
    *k_out = k;
    *kp_out = kp;
    *n_out = n;
    return (k - e2m) * n / (k * kp);
}

/* Geodetic latitude from the factors of ellipsoid_inverse. */
static double latitude_of(double rho2, double z, double k, double kp, double lat_evolute)
{
    return k == 0.0 ? lat_evolute : atan2(z * kp, sqrt(rho2) * k);
}

/* ECEF -> geodetic. Sphere: geocentric latitude and |r| - R. */
void bmd_earth_ecef_to_geodetic(const bmd_earth *earth, const double r_ecef_m[3],
                                double *lat_rad, double *lon_rad, double *h_m)
{
    const double x = r_ecef_m[0], y = r_ecef_m[1], z = r_ecef_m[2];
    const double rho2 = x * x + y * y;
    double lon = atan2(y, x);
    if (lon == -BMD_PI)
        lon = BMD_PI; /* keep (-pi, pi] for y = -0 */
    double lat, h;
    if (earth->e2 == 0.0) {
        lat = atan2(z, sqrt(rho2));
        h = sqrt(rho2 + z * z) - earth->a_m;
    } else {
        double k, kp, n, lat_ev;
        h = ellipsoid_inverse(earth, rho2, z, &k, &kp, &n, &lat_ev);
        lat = lat_rad ? latitude_of(rho2, z, k, kp, lat_ev) : 0.0;
    }
    if (lat_rad)
        *lat_rad = lat;
    if (lon_rad)
        *lon_rad = lon;
    if (h_m)
        *h_m = h;
}

/* Height only: same exact closed form, without the latitude's atan2 and the longitude. */
double bmd_earth_altitude_m(const bmd_earth *earth, const double r_m[3])
{
    const double rho2 = r_m[0] * r_m[0] + r_m[1] * r_m[1];
    if (earth->e2 == 0.0)
        return sqrt(rho2 + r_m[2] * r_m[2]) - earth->a_m;
    double k, kp, n, lat_ev;
    return ellipsoid_inverse(earth, rho2, r_m[2], &k, &kp, &n, &lat_ev);
}

/* Height and the east-north-up frame at r without trigonometric functions: up along (x k, y k,
 * z (k + e2)) (the sphere: along r), east = (-y, x, 0) / rho (longitude 0 on the axis, as
 * atan2(0, 0) = 0 in bmd_earth_ecef_to_geodetic), north = up x east. */
double bmd_earth_local_frame(const bmd_earth *earth, const double r_m[3], double east[3],
                             double north[3], double up[3])
{
    const double x = r_m[0], y = r_m[1], z = r_m[2];
    const double rho2 = x * x + y * y;
    double h, ux, uy, uz;
    if (earth->e2 == 0.0) {
        const double n = sqrt(rho2 + z * z);
        h = n - earth->a_m;
        ux = x / n, uy = y / n, uz = z / n;
    } else {
        double k, kp, n, lat_ev;
        h = ellipsoid_inverse(earth, rho2, z, &k, &kp, &n, &lat_ev);
        if (k == 0.0 || rho2 == 0.0) {
            /* inside the evolute or on the axis: through the latitude */
            const double lat = latitude_of(rho2, z, k, kp, lat_ev), lon = atan2(y, x);
            ux = cos(lat) * cos(lon), uy = cos(lat) * sin(lon), uz = sin(lat);
        } else {
            const double in = 1.0 / n;
            ux = x * k * in, uy = y * k * in, uz = z * kp * in;
        }
    }
    up[0] = ux, up[1] = uy, up[2] = uz;
    if (east || north) {
        const double rho = sqrt(rho2);
        const double cl = rho > 0.0 ? x / rho : 1.0, sl = rho > 0.0 ? y / rho : 0.0;
        const double cphi = sqrt(ux * ux + uy * uy);
        if (east)
            east[0] = -sl, east[1] = cl, east[2] = 0.0;
        if (north)
            north[0] = -uz * cl, north[1] = -uz * sl, north[2] = cphi;
    }
    return h;
}

/* Newton's method on the reduced latitude b of the foot point F = (a cos b, b sin b) of
 * P = (rho, z) in its meridian plane: (P - F) is normal to the ellipse, so
 * g(b) = -a rho sin b + b z cos b + (a^2 - b^2) sin b cos b = 0. Each step rotates (cos, sin) by
 * d = -g/g' (series for cos d and sin d to d^6 and d^7, exact to rounding for |d| < 0.1).
 * Convergence is quadratic with a constant of order e^2: after a step below 1e-7 rad the error
 * left is ~ e^2 d^2 < 1e-16 rad, and h = (P - F) . n is stationary in the foot point. The closed
 * form seeds the iteration and takes over when it does not converge in five steps. */
double bmd_earth_altitude_near(const bmd_earth *earth, const double r_m[3], double foot[2],
                               double p_reduced[3])
{
    const double x = r_m[0], y = r_m[1], z = r_m[2];
    const double rho2 = x * x + y * y, rho = sqrt(rho2);
    const double A = earth->a_m, B = earth->b_m;
    if (earth->e2 != 0.0 && rho > 1e5 && isfinite(foot[0])) {
        const double ab2 = (A - B) * (A + B);
        double cb = foot[0], sb = foot[1];
        int done = 0;
        for (int it = 0; it < 5 && !done; it++) {
            const double g = -A * rho * sb + B * z * cb + ab2 * sb * cb;
            const double gp = -A * rho * cb - B * z * sb + ab2 * (cb - sb) * (cb + sb);
            const double d = -g / gp, d2 = d * d;
            if (!(fabs(d) < 0.1))
                break;
            const double cd = 1.0 - d2 * (0.5 - d2 * (1.0 / 24.0 - d2 * (1.0 / 720.0)));
            const double sd =
                d * (1.0 - d2 * (1.0 / 6.0 - d2 * (1.0 / 120.0 - d2 * (1.0 / 5040.0))));
            const double nc = cb * cd - sb * sd, ns = sb * cd + cb * sd;
            cb = nc, sb = ns;
            done = fabs(d) < 1e-7;
        }
        if (done) {
            const double nn = cb * cb + sb * sb, sc = 1.5 - 0.5 * nn; /* renormalise */
            cb *= sc, sb *= sc;
            foot[0] = cb, foot[1] = sb;
            if (p_reduced) {
                const double cr = cb / rho;
                p_reduced[0] = cr * x, p_reduced[1] = cr * y, p_reduced[2] = sb;
            }
            /* h = (P - F) . n, n the unit normal (B cos b, A sin b) / |.| */
            const double nr = B * cb, nz = A * sb, in = 1.0 / sqrt(nr * nr + nz * nz);
            return ((rho - A * cb) * nr + (z - B * sb) * nz) * in;
        }
    }
    double up[3];
    const double h = bmd_earth_local_frame(earth, r_m, NULL, NULL, up);
    /* the reduced-sphere point is along (up0, up1, (1 - f) up2) */
    const double qz = (1.0 - earth->f) * up[2];
    const double iq = 1.0 / sqrt(up[0] * up[0] + up[1] * up[1] + qz * qz);
    const double p0 = up[0] * iq, p1 = up[1] * iq, p2 = qz * iq;
    if (p_reduced)
        p_reduced[0] = p0, p_reduced[1] = p1, p_reduced[2] = p2;
    foot[0] = sqrt(p0 * p0 + p1 * p1), foot[1] = p2;
    return h;
}

/* out = Rz(angle) in (positive rotation about z); in and out may alias. */
static void rotate_z(double c, double s, const double in[3], double out[3])
{
    const double x = in[0], y = in[1], z = in[2];
    out[0] = c * x - s * y;
    out[1] = s * x + c * y;
    out[2] = z;
}

/* ECEF -> ECI: r_eci = Rz(w t) r_ecef, v_eci = Rz(w t) (v_ecef + w x r_ecef). */
void bmd_earth_ecef_to_eci(const bmd_earth *earth, double t_s, const double r_ecef_m[3],
                           const double v_ecef_m_s[3], double r_eci_m[3], double v_eci_m_s[3])
{
    const double w = earth->omega_rad_s, th = w * t_s;
    const double c = cos(th), s = sin(th);
    double vin[3] = {0.0, 0.0, 0.0};
    if (v_ecef_m_s && v_eci_m_s) {
        vin[0] = v_ecef_m_s[0] - w * r_ecef_m[1];
        vin[1] = v_ecef_m_s[1] + w * r_ecef_m[0];
        vin[2] = v_ecef_m_s[2];
    }
    rotate_z(c, s, r_ecef_m, r_eci_m);
    if (v_ecef_m_s && v_eci_m_s)
        rotate_z(c, s, vin, v_eci_m_s);
}

/* ECI -> ECEF: r_ecef = Rz(-w t) r_eci, v_ecef = Rz(-w t) v_eci - w x r_ecef. */
void bmd_earth_eci_to_ecef(const bmd_earth *earth, double t_s, const double r_eci_m[3],
                           const double v_eci_m_s[3], double r_ecef_m[3], double v_ecef_m_s[3])
{
    const double w = earth->omega_rad_s, th = w * t_s;
    const double c = cos(th), s = -sin(th);
    double vrot[3] = {0.0, 0.0, 0.0};
    if (v_eci_m_s && v_ecef_m_s)
        rotate_z(c, s, v_eci_m_s, vrot);
    rotate_z(c, s, r_eci_m, r_ecef_m);
    if (v_eci_m_s && v_ecef_m_s) {
        v_ecef_m_s[0] = vrot[0] + w * r_ecef_m[1];
        v_ecef_m_s[1] = vrot[1] - w * r_ecef_m[0];
        v_ecef_m_s[2] = vrot[2];
    }
}

/* East, north, up unit vectors in ECEF (up is the ellipsoid normal at geodetic latitude). */
void bmd_earth_enu_basis(double lat_rad, double lon_rad, double east[3], double north[3],
                         double up[3])
{
    const double sl = sin(lat_rad), cl = cos(lat_rad);
    const double so = sin(lon_rad), co = cos(lon_rad);
    east[0] = -so;
    east[1] = co;
    east[2] = 0.0;
    north[0] = -sl * co;
    north[1] = -sl * so;
    north[2] = cl;
    up[0] = cl * co;
    up[1] = cl * so;
    up[2] = sl;
}

/* The ENU basis at ECEF position r (geodetic latitude on the ellipsoid, geocentric on the
 * sphere). */
static void enu_at(const bmd_earth *earth, const double r[3], double e[3], double n[3], double u[3])
{
    bmd_earth_local_frame(earth, r, e, n, u);
}

/* ECEF velocity -> speed, flight-path angle (atan2(up, horizontal)), heading (atan2(east,
 * north) in [0, 2 pi)). A zero velocity gives zero angles. */
void bmd_earth_velocity_to_local(const bmd_earth *earth, const double r_ecef_m[3],
                                 const double v_ecef_m_s[3], double *speed_m_s,
                                 double *flight_path_rad, double *heading_rad)
{
    double e[3], n[3], u[3];
    enu_at(earth, r_ecef_m, e, n, u);
    const double ve = bmd_dot3(v_ecef_m_s, e), vn = bmd_dot3(v_ecef_m_s, n), vu = bmd_dot3(v_ecef_m_s, u);
    const double horiz = hypot(ve, vn);
    double heading = atan2(ve, vn);
    if (heading < 0.0)
        heading += BMD_TWO_PI;
    if (heading >= BMD_TWO_PI)
        heading = 0.0; /* -tiny + 2 pi rounds up to 2 pi */
    if (speed_m_s)
        *speed_m_s = sqrt(ve * ve + vn * vn + vu * vu);
    if (flight_path_rad)
        *flight_path_rad = atan2(vu, horiz);
    if (heading_rad)
        *heading_rad = heading;
}

/* Speed, flight-path angle, heading -> ECEF velocity. */
void bmd_earth_local_to_velocity(const bmd_earth *earth, const double r_ecef_m[3],
                                 double speed_m_s, double flight_path_rad, double heading_rad,
                                 double v_ecef_m_s[3])
{
    double e[3], n[3], u[3];
    enu_at(earth, r_ecef_m, e, n, u);
    const double vh = speed_m_s * cos(flight_path_rad);
    const double ce = vh * sin(heading_rad), cn = vh * cos(heading_rad);
    const double cu = speed_m_s * sin(flight_path_rad);
    for (int i = 0; i < 3; ++i)
        v_ecef_m_s[i] = ce * e[i] + cn * n[i] + cu * u[i];
}
