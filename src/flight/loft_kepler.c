/* The Kepler-only loft estimate (include/bmd/loft.h): the burnout state of the symmetric arc
 * through the observed apogee and range, and, below circular speed, the minimum-energy range at
 * that speed (bmd_kepler_loft_infer); at or above it, the answer "any point on the Earth". */
#include <math.h>

#include "bmd/kepler.h"
#include "bmd/loft.h"
#include "flight/flight_internal.h"

int bmd_loft_kepler_estimate(double r_m, double apogee_radius_m, double psi_rad, double mu,
                             bmd_loft_kepler *out, bmd_error *err)
{
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "loft Kepler estimate: output pointer is NULL");
    bmd_kepler_loft k;
    int rc = bmd_kepler_loft_infer(r_m, apogee_radius_m, psi_rad, mu, &k, err);
    if (rc == BMD_SUCCESS) {
        out->burnout_speed_m_s = k.burnout_speed_m_s;
        out->burnout_gamma_rad = k.burnout_gamma_rad;
        out->circular_speed_m_s = sqrt(mu / r_m);
        out->q = k.burnout_speed_m_s * k.burnout_speed_m_s * r_m / mu;
        out->any_point = 0;
        out->flight_time_s = k.flight_time_s;
        out->max_range_angle_rad = k.max_range_angle_rad;
        out->max_range_gamma_rad = k.max_range_gamma_rad;
        out->max_range_flight_time_s = k.max_range_flight_time_s;
        out->max_range_apogee_radius_m = k.max_range_apogee_radius_m;
        return BMD_SUCCESS;
    }
    if (rc != BMD_EDOM)
        return rc;
    /* Orbital: the same arc (BMW ch. 6; docs/physics.md "Loft inference"), without the maximum
     * range, which does not exist. r_a = p/(1-e), r = p/(1 - e cos(Psi/2)). */
    double e, p, v, gamma;
    bmd_flight_apogee_arc(r_m, apogee_radius_m, psi_rad, mu, &e, &p, &v, &gamma);
    out->burnout_speed_m_s = v;
    out->burnout_gamma_rad = gamma;
    out->circular_speed_m_s = sqrt(mu / r_m);
    out->q = v * v * r_m / mu;
    out->any_point = 1;
    out->flight_time_s = NAN;
    if (e < 1.0) { /* elliptic arc (Q < 2): its time from the eccentric anomaly */
        const double a = p / (1.0 - e * e), n = sqrt(mu / (a * a * a));
        const double cos_nu = (p / r_m - 1.0) / e; /* true anomaly at burnout, nu in (pi/2, pi) */
        const double nu = acos(fmax(-1.0, fmin(1.0, cos_nu)));
        const double ecc = 2.0 * atan(sqrt((1.0 - e) / (1.0 + e)) * tan(0.5 * nu));
        const double m_anom = ecc - e * sin(ecc);
        out->flight_time_s = 2.0 * (M_PI - m_anom) / n;
    }
    out->max_range_angle_rad = NAN;
    out->max_range_gamma_rad = NAN;
    out->max_range_flight_time_s = NAN;
    out->max_range_apogee_radius_m = NAN;
    return BMD_SUCCESS;
}
