/* Analytic free flight (Kepler two-body arcs) of a ballistic missile, after Bate, Mueller & White,
 * Fundamentals of Astrodynamics (Dover, 1971), chapter 6. See include/bmd/kepler.h and
 * docs/parts/kepler-physics.md for the equations. */
#include "bmd/kepler.h"

#include <math.h>
#include <stddef.h>
#include "bmd/units.h"
#include "flight/flight_internal.h"


/* 1 if x is a finite number greater than zero (NaN and infinities fail). */
static int positive_finite(double x) { return isfinite(x) && x > 0.0; }

/* Check burnout radius, speed and mu; fills err and returns nonzero on the first bad one. */
static int check_r_v_mu(double r_m, double v_m_s, double mu, bmd_error *err)
{
    if (!positive_finite(r_m))
        return bmd_error_set(err, BMD_EINVAL,
                             "burnout radius %g m is invalid: it must be finite and > 0", r_m);
    if (!positive_finite(v_m_s))
        return bmd_error_set(err, BMD_EINVAL,
                             "burnout speed %g m/s is invalid: it must be finite and > 0", v_m_s);
    if (!positive_finite(mu))
        return bmd_error_set(err, BMD_EINVAL,
                             "gravitational parameter mu %g m^3/s^2 is invalid: it must be finite "
                             "and > 0", mu);
    return BMD_SUCCESS;
}

/* BMD_EDOM unless Q = v^2 r / mu < 2 (an arc that falls back to the burnout radius); what names
 * the speed in the message ("burnout speed", "inertial burnout speed"). */
static int check_bound(double r, double v, double mu, const char *what, bmd_error *err)
{
    const double q = v * v * r / mu;
    if (!(q < 2.0))
        return bmd_error_set(err, BMD_EDOM,
                             "%s %g m/s is at or above the escape speed %g m/s at radius %g m "
                             "(Q = v^2 r / mu = %g >= 2): the trajectory never returns to the "
                             "burnout radius", what, v, sqrt(2.0 * mu / r), r, q);
    return BMD_SUCCESS;
}

/* The symmetric arc from radius r, speed v and a flight-path angle given by its sine and cosine
 * (sg > 0, cg >= 0; cg = 0 is the rectilinear, purely radial, limit). Needs Q < 2. */
static void arc_core(double r, double v, double sg, double cg, double mu, bmd_kepler_arc *arc)
{
    const double q = v * v * r / mu;
    const double h = r * v * cg;                       /* angular momentum */
    const double e = hypot(sg, (1.0 - q) * cg);        /* sqrt(1 + Q(Q-2)cos^2 g), no cancellation */
    const double a = r / (2.0 - q);                    /* semi-major axis, from the energy */
    /* BMW eq. 6.2-7 as an angle: e sin(Psi/2) = Q sin g cos g, e cos(Psi/2) = 1 - Q cos^2 g. */
    const double psi = 2.0 * atan2(q * sg * cg, 1.0 - q * cg * cg);
    /* Eccentric anomaly at burnout: e cos E = 1 - r/a = Q - 1, e sin E = r v sin g / sqrt(mu a).
     * By symmetry the flight time is twice burnout-to-apogee (E = pi):
     * t = 2 sqrt(a^3/mu) (pi - E + e sin E), with pi - E taken by atan2 to keep short arcs exact. */
    const double esin = r * v * sg / sqrt(mu * a);
    const double pi_minus_e = atan2(esin, 1.0 - q);
    const double r_apo = a * (1.0 + e);

    arc->q = q;
    arc->range_angle_rad = psi;
    arc->flight_time_s = 2.0 * sqrt(a * a * a / mu) * (pi_minus_e + esin);
    arc->apogee_radius_m = r_apo;
    arc->apogee_speed_m_s = h / r_apo;
    arc->energy_j_kg = 0.5 * v * v - mu / r;
    arc->angular_momentum_m2_s = h;
    arc->eccentricity = e;
    arc->semi_latus_rectum_m = h * h / mu;
}

/* Free-flight arc from burnout radius, speed and flight-path angle (BMW sec. 6.2). */
int bmd_kepler_arc_from_burnout(double r_m, double v_m_s, double gamma_rad, double mu,
                                bmd_kepler_arc *arc, bmd_error *err)
{
    int status = check_r_v_mu(r_m, v_m_s, mu, err);
    if (status)
        return status;
    if (!(gamma_rad > 0.0 && gamma_rad < 0.5 * BMD_PI))
        return bmd_error_set(err, BMD_EINVAL,
                             "burnout flight-path angle %g rad (%g deg) is invalid: it must lie "
                             "in (0, pi/2), strictly above the horizontal and below vertical",
                             gamma_rad, gamma_rad * BMD_DEG_PER_RAD);
    if (!arc)
        return bmd_error_set(err, BMD_EINVAL, "output arc pointer is NULL");
    status = check_bound(r_m, v_m_s, mu, "burnout speed", err);
    if (status)
        return status;
    arc_core(r_m, v_m_s, sin(gamma_rad), cos(gamma_rad), mu, arc);
    return BMD_SUCCESS;
}

/* Maximum range angle for Q < 1 (BMW eq. 6.2-20): sin(Psi/2) = Q / (2 - Q). */
static double max_range_angle(double q) { return 2.0 * asin(q / (2.0 - q)); }

/* The two flight-path angles for a range angle (BMW eq. 6.2-16):
 * sin(2 gamma + Psi/2) = ((2 - Q)/Q) sin(Psi/2). */
int bmd_kepler_angles_for_range(double r_m, double v_m_s, double psi_rad, double mu,
                                double *gamma_low_rad, double *gamma_high_rad, bmd_error *err)
{
    int status = check_r_v_mu(r_m, v_m_s, mu, err);
    if (status)
        return status;
    if (!(psi_rad > 0.0 && psi_rad < 2.0 * BMD_PI))
        return bmd_error_set(err, BMD_EINVAL,
                             "range angle %g rad is invalid: it must lie in (0, 2 pi)", psi_rad);
    if (!gamma_low_rad || !gamma_high_rad)
        return bmd_error_set(err, BMD_EINVAL, "output angle pointer is NULL");
    const double q = v_m_s * v_m_s * r_m / mu;
    status = check_bound(r_m, v_m_s, mu, "burnout speed", err);
    if (status)
        return status;
    const double half = 0.5 * psi_rad;
    const double s = (2.0 - q) / q * sin(half);
    /* The maximum is at most pi; 1e-12 of slack lets the maximum itself (from
     * bmd_kepler_max_range, rounded) through as the double root. */
    if (q <= 1.0 && (s > 1.0 + 1e-12 || half >= 0.5 * BMD_PI)) {
        const double pmax = max_range_angle(q);
        return bmd_error_set(err, BMD_EDOM,
                             "range angle %g rad (%g deg) is beyond the maximum range angle %g rad "
                             "(%g deg, %g km at the burnout radius) for burnout speed %g m/s "
                             "(Q = %g)",
                             psi_rad, psi_rad * BMD_DEG_PER_RAD, pmax, pmax * BMD_DEG_PER_RAD,
                             pmax * r_m / 1000.0, v_m_s, q);
    }
    /* 2 gamma + Psi/2 = x or pi - x with x = asin(s) in [0, pi/2]; a root counts when
     * 0 < gamma < pi/2. For Q < 1 both do; for Q >= 1 only the high one (the low root is
     * negative: with Q >= 1 each range angle is reached by one flight-path angle only). */
    const double x = asin(fmin(s, 1.0));
    const double g_high = 0.5 * (BMD_PI - x - half);
    const double g_low = 0.5 * (x - half);
    if (!(g_high > 0.0 && g_high < 0.5 * BMD_PI))
        return bmd_error_set(err, BMD_EDOM,
                             "range angle %g rad (%g deg) cannot be reached at burnout speed "
                             "%g m/s (Q = %g): no flight-path angle in (0, pi/2) gives it",
                             psi_rad, psi_rad * BMD_DEG_PER_RAD, v_m_s, q);
    *gamma_high_rad = g_high;
    *gamma_low_rad = (q < 1.0 && g_low > 0.0) ? g_low : g_high;
    return BMD_SUCCESS;
}

/* Maximum range angle and its flight-path angle at a given speed (BMW eq. 6.2-20). */
int bmd_kepler_max_range(double r_m, double v_m_s, double mu, double *psi_max_rad,
                         double *gamma_opt_rad, bmd_error *err)
{
    int status = check_r_v_mu(r_m, v_m_s, mu, err);
    if (status)
        return status;
    if (!psi_max_rad || !gamma_opt_rad)
        return bmd_error_set(err, BMD_EINVAL, "output pointer is NULL");
    const double q = v_m_s * v_m_s * r_m / mu;
    if (!(q < 1.0))
        return bmd_error_set(err, BMD_EDOM,
                             "burnout speed %g m/s is at or above the circular speed %g m/s at "
                             "radius %g m (Q = v^2 r / mu = %g >= 1): the range has no maximum "
                             "below the full circumference", v_m_s, sqrt(mu / r_m), r_m, q);
    const double psi = max_range_angle(q);
    *psi_max_rad = psi;
    *gamma_opt_rad = 0.25 * (BMD_PI - psi);
    return BMD_SUCCESS;
}

/* Least burnout speed reaching range angle psi (the inverse of eq. 6.2-20). */
int bmd_kepler_min_energy(double r_m, double psi_rad, double mu, double *v_m_s,
                          double *gamma_rad, bmd_error *err)
{
    if (!positive_finite(r_m))
        return bmd_error_set(err, BMD_EINVAL,
                             "burnout radius %g m is invalid: it must be finite and > 0", r_m);
    if (!(psi_rad > 0.0 && psi_rad <= BMD_PI))
        return bmd_error_set(err, BMD_EINVAL,
                             "range angle %g rad is invalid: it must lie in (0, pi] (at most half "
                             "the circumference)", psi_rad);
    if (!positive_finite(mu))
        return bmd_error_set(err, BMD_EINVAL,
                             "gravitational parameter mu %g m^3/s^2 is invalid: it must be finite "
                             "and > 0", mu);
    if (!v_m_s || !gamma_rad)
        return bmd_error_set(err, BMD_EINVAL, "output pointer is NULL");
    const double s = sin(0.5 * psi_rad);
    const double q = 2.0 * s / (1.0 + s);
    *v_m_s = sqrt(q * mu / r_m);
    *gamma_rad = 0.25 * (BMD_PI - psi_rad);
    return BMD_SUCCESS;
}

/* a x b for 3-vectors. */
static void cross3(const double a[3], const double b[3], double c[3])
{
    c[0] = a[1] * b[2] - a[2] * b[1];
    c[1] = a[2] * b[0] - a[0] * b[2];
    c[2] = a[0] * b[1] - a[1] * b[0];
}

/* Free flight from a rotating Earth: the Earth-relative burnout velocity plus omega x r gives the
 * inertial state; the Kepler arc is flown in inertial space and its end carried back to the
 * Earth, which has turned by omega t meanwhile (BMW sec. 6.4). */
int bmd_kepler_rotating_range(double lat_rad, double azimuth_rad, double r_m, double v_rel_m_s,
                              double gamma_rel_rad, double mu, double omega_rad_s,
                              bmd_kepler_rotating *out, bmd_error *err)
{
    bmd_kepler_arc arc0, arc;
    if (!(fabs(lat_rad) <= 0.5 * BMD_PI))
        return bmd_error_set(err, BMD_EINVAL,
                             "burnout latitude %g rad is invalid: it must lie in [-pi/2, pi/2]",
                             lat_rad);
    if (!isfinite(azimuth_rad))
        return bmd_error_set(err, BMD_EINVAL, "launch azimuth %g rad is not finite", azimuth_rad);
    if (!isfinite(omega_rad_s))
        return bmd_error_set(err, BMD_EINVAL, "Earth rotation rate %g rad/s is not finite",
                             omega_rad_s);
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "output pointer is NULL");
    int status = bmd_kepler_arc_from_burnout(r_m, v_rel_m_s, gamma_rel_rad, mu, &arc0, err);
    if (status)
        return status;

    /* Burnout at longitude 0: position and local east-north-up unit vectors (Earth-fixed axes,
     * z along the spin axis; the inertial frame coincides with them at burnout). */
    const double cl = cos(lat_rad), sl = sin(lat_rad);
    const double up[3] = {cl, 0.0, sl};
    const double east[3] = {0.0, 1.0, 0.0};
    const double north[3] = {-sl, 0.0, cl};
    const double vh = v_rel_m_s * cos(gamma_rel_rad), vu = v_rel_m_s * sin(gamma_rel_rad);
    const double se = sin(azimuth_rad), ce = cos(azimuth_rad);
    double vi[3];
    for (int k = 0; k < 3; k++)
        vi[k] = vh * (se * east[k] + ce * north[k]) + vu * up[k];
    vi[1] += omega_rad_s * r_m * cl; /* omega x r with omega = (0, 0, omega), r = r_m up */

    /* Inertial flight-path angle: the vertical part is unchanged, the horizontal part is not. */
    const double vr = bmd_dot3(vi, up);
    double hor[3];
    for (int k = 0; k < 3; k++)
        hor[k] = vi[k] - vr * up[k];
    const double vhi = bmd_norm3(hor);
    const double vi_mag = bmd_norm3(vi);
    status = check_bound(r_m, vi_mag, mu, "inertial burnout speed", err);
    if (status)
        return status;
    arc_core(r_m, vi_mag, vr / vi_mag, vhi / vi_mag, mu, &arc);

    /* Reentry in inertial space: the burnout direction turned by Psi in the orbit plane, towards
     * the inertial horizontal velocity (a radial shot, vhi = 0, comes back where it left). */
    double ri[3] = {up[0], up[1], up[2]};
    if (vhi > 0.0) {
        const double cp = cos(arc.range_angle_rad), sp = sin(arc.range_angle_rad);
        for (int k = 0; k < 3; k++)
            ri[k] = cp * up[k] + sp * hor[k] / vhi;
    }
    /* Earth-fixed: the Earth turned by omega t; subtract it from the inertial longitude. */
    const double t = arc.flight_time_s;
    const double lat2 = atan2(ri[2], hypot(ri[0], ri[1]));
    double lon2 = atan2(ri[1], ri[0]) - omega_rad_s * t;
    lon2 = remainder(lon2, 2.0 * BMD_PI);
    if (lon2 <= -BMD_PI)
        lon2 += 2.0 * BMD_PI;
    /* Great-circle central angle burnout -> reentry on the Earth, in [0, pi]. */
    const double p1[3] = {cl, 0.0, sl};
    const double p2[3] = {cos(lat2) * cos(lon2), cos(lat2) * sin(lon2), sin(lat2)};
    double c[3];
    cross3(p1, p2, c);

    out->range_angle_rad = atan2(bmd_norm3(c), bmd_dot3(p1, p2));
    out->flight_time_s = t;
    out->reentry_lat_rad = lat2;
    out->reentry_lon_rad = lon2;
    out->inertial_speed_m_s = vi_mag;
    out->inertial_gamma_rad = atan2(vr, vhi);
    out->nonrotating_range_angle_rad = arc0.range_angle_rad;
    return BMD_SUCCESS;
}

void bmd_flight_apogee_arc(double r_m, double ra_m, double psi_rad, double mu, double *e,
                           double *p_m, double *v_m_s, double *gamma_rad)
{
    const double half = 0.5 * psi_rad;
    const double ecc = (ra_m - r_m) / (ra_m - r_m * cos(half));
    const double p = ra_m * (1.0 - ecc);
    const double h = sqrt(mu * p);
    const double energy = -mu * (1.0 - ecc * ecc) / (2.0 * p);
    *e = ecc;
    *p_m = p;
    *v_m_s = sqrt(2.0 * (energy + mu / r_m));
    *gamma_rad = atan2(mu / h * ecc * sin(half), h / r_m);
}

/* Loft inference: the symmetric arc through burnout radius r and apogee radius r_a with range
 * angle Psi (bmd_flight_apogee_arc), then its flight time and the maximum range at its speed. */
int bmd_kepler_loft_infer(double r_m, double apogee_radius_m, double psi_rad, double mu,
                          bmd_kepler_loft *out, bmd_error *err)
{
    if (!positive_finite(r_m))
        return bmd_error_set(err, BMD_EINVAL,
                             "burnout radius %g m is invalid: it must be finite and > 0", r_m);
    if (!(isfinite(apogee_radius_m) && apogee_radius_m > r_m))
        return bmd_error_set(err, BMD_EINVAL,
                             "apogee radius %g m is invalid: it must be finite and above the "
                             "burnout radius %g m", apogee_radius_m, r_m);
    if (!(psi_rad > 0.0 && psi_rad < BMD_PI))
        return bmd_error_set(err, BMD_EINVAL,
                             "range angle %g rad is invalid: it must lie in (0, pi)", psi_rad);
    if (!positive_finite(mu))
        return bmd_error_set(err, BMD_EINVAL,
                             "gravitational parameter mu %g m^3/s^2 is invalid: it must be finite "
                             "and > 0", mu);
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "output pointer is NULL");

    double e, p, v, gamma;
    bmd_flight_apogee_arc(r_m, apogee_radius_m, psi_rad, mu, &e, &p, &v, &gamma);
    const double q = v * v * r_m / mu;
    if (!(q < 1.0))
        return bmd_error_set(err, BMD_EDOM,
                             "the inferred burnout speed %g m/s is orbital (Q = v^2 r / mu = %g >= "
                             "1): no maximum range exists", v, q);
    bmd_kepler_arc arc, arc_max;
    arc_core(r_m, v, sin(gamma), cos(gamma), mu, &arc);
    const double psi_max = max_range_angle(q);
    const double g_max = 0.25 * (BMD_PI - psi_max);
    arc_core(r_m, v, sin(g_max), cos(g_max), mu, &arc_max);

    out->burnout_speed_m_s = v;
    out->burnout_gamma_rad = gamma;
    out->flight_time_s = arc.flight_time_s;
    out->max_range_angle_rad = psi_max;
    out->max_range_gamma_rad = g_max;
    out->max_range_flight_time_s = arc_max.flight_time_s;
    out->max_range_apogee_radius_m = arc_max.apogee_radius_m;
    return BMD_SUCCESS;
}
