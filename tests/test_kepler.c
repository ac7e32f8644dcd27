/* Tests of the analytic free-flight module (src/flight/kepler.c).
 *
 * Published numbers: Bate, Mueller & White, Fundamentals of Astrodynamics (Dover, 1971), ch. 6,
 * cited as "BMW p. N"; the metric restatement of the p. 290 example is from the 2nd edition
 * (Bate, Mueller, White & Saylor, Dover 2020, p. 243). Canonical units: mu = 1, 1 DU = 1 Earth
 * radius, 1 DU/TU = circular speed at 1 DU. BMW's metric conversion: 1 DU = 6378.145 km,
 * mu = 3.986012e14 m^3/s^2. Other numbers are checked against analytic identities or against
 * independent numerical solutions computed here with GSL (quadrature and an RK8(9) integrator). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_odeiv2.h>
#include <math.h>
#include <string.h>

#include "bmd/kepler.h"
#include "test_support.h"

#define PI 3.14159265358979323846
#define DEG (PI / 180.0)
#define BMW_DU_M 6378145.0      /* BMW 1971, inside back cover / ch. 6 problem statements */
#define BMW_MU_M3_S2 3.986012e14
#define NMI_M 1852.0            /* international nautical mile */
#define OMEGA_EARTH 7.292115e-5 /* WGS84 rotation rate, rad/s (NIMA TR8350.2) */
#define R_GROUND_M 6371000.0    /* radius used to express angle errors as ground distances */

/* Circular speed at radius r. */
static double circ_speed(double r, double mu) { return sqrt(mu / r); }

/* ---------------------------------------------------------------------------------------------
 * Published examples (BMW ch. 6) */

/* BMW p. 290: burnout altitude 1/5 DU, burnout speed 2/3 DU/TU, apogee altitude 1/2 DU; the book
 * finds cos(phi_bo) = 0.625 and we feed that angle in and check the rest of its answers. */
static void bmw_p290_free_flight_range_is_36_4_deg_in_canonical_units(void **state)
{
    (void)state;
    bmd_kepler_arc arc;
    bmd_error err;
    assert_int_equal(bmd_kepler_arc_from_burnout(1.2, 2.0 / 3.0, acos(0.625), 1.0, &arc, &err),
                     BMD_SUCCESS);
    /* BMW p. 290: energy -11/18 DU^2/TU^2 (exact fraction; tolerance: rounding, 1e-14). */
    assert_close(arc.energy_j_kg, -11.0 / 18.0, 1e-14);
    /* BMW p. 290: h = 1/2 DU^2/TU (exact; 1e-14). */
    assert_close(arc.angular_momentum_m2_s, 0.5, 1e-14);
    /* BMW p. 290: apogee altitude 1/2 DU given, i.e. r_apogee = 1.5 DU (exact; 1e-13). */
    assert_close(arc.apogee_radius_m, 1.5, 1e-13);
    /* BMW p. 290: apogee speed 1/3 DU/TU (exact; 1e-13). */
    assert_close(arc.apogee_speed_m_s, 1.0 / 3.0, 1e-13);
    /* BMW p. 290: Q_bo = 0.533 (printed to 3 decimals; +/-0.0005). */
    assert_close(arc.q, 0.533, 0.0005);
    /* BMW p. 290: Psi = 36.4 deg (printed to 0.1 deg; +/-0.05 deg). */
    assert_close(arc.range_angle_rad / DEG, 36.4, 0.05);
}

/* BMW p. 290 in metres (1 DU = 6378.145 km, mu = 3.986012e14) against the metric restatement,
 * BMW 2nd ed. p. 243: h_bo 1275.6 km, v_bo 5.2702 km/s, apogee altitude 3189.1 km,
 * energy -38.1914 km^2/s^2, apogee speed 2.6351 km/s, Psi 36.4 deg. */
static void bmw_p290_in_metres_matches_the_metric_restatement(void **state)
{
    (void)state;
    const double r = 1.2 * BMW_DU_M, v = 2.0 / 3.0 * circ_speed(BMW_DU_M, BMW_MU_M3_S2);
    bmd_kepler_arc arc;
    assert_int_equal(bmd_kepler_arc_from_burnout(r, v, acos(0.625), BMW_MU_M3_S2, &arc, NULL),
                     BMD_SUCCESS);
    /* 2nd ed. p. 243: h_bo = 1275.6 km (+/-0.05 km, printed precision). */
    assert_close((r - BMW_DU_M) / 1e3, 1275.6, 0.05);
    /* 2nd ed. p. 243: v_bo = 5.2702 km/s (+/-0.00005 km/s). */
    assert_close(v / 1e3, 5.2702, 0.00005);
    /* 2nd ed. p. 243: apogee altitude 3189.1 km (+/-0.05 km). */
    assert_close((arc.apogee_radius_m - BMW_DU_M) / 1e3, 3189.1, 0.05);
    /* 2nd ed. p. 243: energy -38.1914 km^2/s^2. Exactly -11/18 mu/DU = -38.19130 with these
     * constants (and -38.19127 with WGS84 ones), so the book's last digit is one unit off;
     * tolerance 1.5e-4 km^2/s^2 (one unit of the last printed digit plus rounding). */
    assert_close(arc.energy_j_kg / 1e6, -38.1914, 1.5e-4);
    /* 2nd ed. p. 243: apogee speed 2.6351 km/s (+/-0.00005 km/s). */
    assert_close(arc.apogee_speed_m_s / 1e3, 2.6351, 0.00005);
    /* 2nd ed. p. 243: Psi = 36.4 deg (+/-0.05 deg). */
    assert_close(arc.range_angle_rad / DEG, 36.4, 0.05);
}

/* Great-circle central angle between two points (spherical law of cosines, test-side). */
static double central_angle(double lat1, double lon1, double lat2, double lon2)
{
    return acos(sin(lat1) * sin(lat2) + cos(lat1) * cos(lat2) * cos(lon2 - lon1));
}

/* BMW p. 291: burnout 30N 60E, reentry 30S 60W, v_bo = 1.0817 DU/TU at altitude 0.025 DU; the
 * book finds Q = 1.2, cos Psi = -0.625 (Psi = 128.68 deg) and phi_bo = 39.36 deg. */
static void bmw_p291_flight_path_angle_is_39_36_deg(void **state)
{
    (void)state;
    const double psi = central_angle(30.0 * DEG, 60.0 * DEG, -30.0 * DEG, -60.0 * DEG);
    /* BMW p. 291: cos Psi = -0.625 (exact for these coordinates; 1e-14). */
    assert_close(cos(psi), -0.625, 1e-14);
    double g_low, g_high;
    assert_int_equal(bmd_kepler_angles_for_range(1.025, 1.0817, psi, 1.0, &g_low, &g_high, NULL),
                     BMD_SUCCESS);
    /* BMW p. 291: Q = 1.2 (printed to one decimal; +/-0.05). */
    assert_close(1.0817 * 1.0817 * 1.025, 1.2, 0.05);
    /* BMW p. 291: phi_bo = 39.36 deg; the book rounds Q to 1.2 (exact Q 1.19933 gives
     * 39.33 deg), so +/-0.1 deg (shared/references.md). */
    assert_close(g_high / DEG, 39.36, 0.1);
    /* With Q > 1 the other root of eq. 6.2-16 is negative (-13.7 deg), so both outputs are the
     * single physical angle (exact identity). */
    assert_close(g_low, g_high, 0.0);

    /* The same problem in metres (BMW's DU and mu): the angle is unit-free (agreement 1e-12). */
    double gm_low, gm_high;
    assert_int_equal(bmd_kepler_angles_for_range(1.025 * BMW_DU_M,
                                                 1.0817 * circ_speed(BMW_DU_M, BMW_MU_M3_S2), psi,
                                                 BMW_MU_M3_S2, &gm_low, &gm_high, NULL),
                     BMD_SUCCESS);
    assert_close(gm_high, g_high, 1e-12);
}

/* BMW p. 295: free-flight range 8,000 nmi, burnout altitude 344 nmi; the book finds Psi = 2.32
 * rad, Q = 0.957 and v_bo = 0.933 DU/TU for the minimum-energy (maximum-range) trajectory. */
static void bmw_p295_minimum_burnout_speed_is_0_933_du_per_tu(void **state)
{
    (void)state;
    const double du_nmi = BMW_DU_M / NMI_M;
    const double psi = 8000.0 / du_nmi, r = 1.0 + 344.0 / du_nmi;
    /* BMW p. 295: Psi = 2.32 rad (+/-0.005). */
    assert_close(psi, 2.32, 0.005);
    double v, g;
    assert_int_equal(bmd_kepler_min_energy(r, psi, 1.0, &v, &g, NULL), BMD_SUCCESS);
    /* BMW p. 295: Q = 0.957 (+/-0.0005). */
    assert_close(v * v * r, 0.957, 0.0005);
    /* BMW p. 295: v_bo = 0.933 DU/TU (+/-0.0005). */
    assert_close(v, 0.933, 0.0005);
    /* BMW eq. 6.2-20 neighbour: phi = (180 deg - Psi)/4 (exact formula; 1e-15). */
    assert_close(g, 0.25 * (PI - psi), 1e-15);

    /* In metres: v_bo = 0.933 DU/TU x 7.905 km/s = 7.376 km/s; same relative tolerance. */
    const double vc = circ_speed(BMW_DU_M, BMW_MU_M3_S2);
    double vm, gm;
    assert_int_equal(bmd_kepler_min_energy(r * BMW_DU_M, psi, BMW_MU_M3_S2, &vm, &gm, NULL),
                     BMD_SUCCESS);
    assert_close(vm / vc, 0.933, 0.0005);
    /* The units cancel: canonical and metric results agree to rounding (1e-12 relative). */
    assert_close(vm / vc, v, 1e-12);
}

/* ---------------------------------------------------------------------------------------------
 * Properties of the range equation */

/* eq. 6.2-16 inverts eq. 6.2-7: the angle that made a range angle is one of the two roots. */
static void angles_for_range_recovers_the_flight_path_angle_of_an_arc(void **state)
{
    (void)state;
    const double qs[] = {0.2, 0.6, 0.95, 1.05, 1.5, 1.9};
    const double gs_deg[] = {2.0, 10.0, 25.0, 35.0, 50.0, 65.0, 80.0, 88.0};
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
        const double r = 6.5e6, mu = BMW_MU_M3_S2, v = sqrt(qs[i] * mu / r);
        for (size_t j = 0; j < sizeof gs_deg / sizeof gs_deg[0]; j++) {
            const double g = gs_deg[j] * DEG;
            bmd_kepler_arc arc;
            assert_int_equal(bmd_kepler_arc_from_burnout(r, v, g, mu, &arc, NULL), BMD_SUCCESS);
            double lo, hi;
            assert_int_equal(
                bmd_kepler_angles_for_range(r, v, arc.range_angle_rad, mu, &lo, &hi, NULL),
                BMD_SUCCESS);
            assert_true(lo <= hi);
            /* Round trip, tolerance 1e-9 rad: asin is ill-conditioned only next to the optimum
             * angle, and every case here is at least 1.5 deg away from it. */
            const double d = fmin(fabs(lo - g), fabs(hi - g));
            assert_close(d, 0.0, 1e-9);
            /* Both roots fly the same range angle (identity; 1e-9 rad). */
            bmd_kepler_arc a2;
            assert_int_equal(bmd_kepler_arc_from_burnout(r, v, lo, mu, &a2, NULL), BMD_SUCCESS);
            assert_close(a2.range_angle_rad, arc.range_angle_rad, 1e-9);
            assert_int_equal(bmd_kepler_arc_from_burnout(r, v, hi, mu, &a2, NULL), BMD_SUCCESS);
            assert_close(a2.range_angle_rad, arc.range_angle_rad, 1e-9);
        }
    }
}

/* At exactly the maximum range the two roots merge into the optimum angle (pi - Psi)/4. */
static void angles_for_the_maximum_range_are_both_the_optimum_angle(void **state)
{
    (void)state;
    const double qs[] = {0.1, 0.5, 0.9, 0.999};
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
        const double r = 6.5e6, mu = BMW_MU_M3_S2, v = sqrt(qs[i] * mu / r);
        double psi_max, g_opt, lo, hi;
        assert_int_equal(bmd_kepler_max_range(r, v, mu, &psi_max, &g_opt, NULL), BMD_SUCCESS);
        assert_int_equal(bmd_kepler_angles_for_range(r, v, psi_max, mu, &lo, &hi, NULL),
                         BMD_SUCCESS);
        /* Double root of eq. 6.2-16: asin near 1 turns rounding e into sqrt(e), so 1e-7 rad. */
        assert_close(lo, g_opt, 1e-7);
        assert_close(hi, g_opt, 1e-7);
        /* Slightly beyond (1e-6 rad) is refused. */
        assert_int_equal(bmd_kepler_angles_for_range(r, v, psi_max + 1e-6, mu, &lo, &hi, NULL),
                         BMD_EDOM);
    }
}

/* The closed-form maximum (eq. 6.2-20) equals the largest range angle found by scanning gamma. */
static void max_range_equals_the_largest_range_over_a_scan_of_flight_path_angles(void **state)
{
    (void)state;
    const double qs[] = {0.05, 0.3, 0.7, 0.98};
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
        const double r = 1.0, v = sqrt(qs[i]);
        double best = 0.0, g_best = 0.0;
        const int n = 90000; /* 0.001 deg steps */
        for (int k = 1; k < n; k++) {
            const double g = 0.5 * PI * k / n;
            bmd_kepler_arc arc;
            assert_int_equal(bmd_kepler_arc_from_burnout(r, v, g, 1.0, &arc, NULL), BMD_SUCCESS);
            if (arc.range_angle_rad > best) {
                best = arc.range_angle_rad;
                g_best = g;
            }
        }
        double psi_max, g_opt;
        assert_int_equal(bmd_kepler_max_range(r, v, 1.0, &psi_max, &g_opt, NULL), BMD_SUCCESS);
        /* Scan step dg = 1.75e-5 rad: the grid maximum is below the true one by at most
         * |Psi''| dg^2 / 8 < 1e-9 (|Psi''| < 8 here), and never above it. */
        assert_true(best <= psi_max + 1e-13);
        assert_close(best, psi_max, 1e-9);
        /* The optimum angle lies within one scan step of the grid's best (1.75e-5 rad). */
        assert_close(g_best, g_opt, 0.5 * PI / n);
    }
}

/* min_energy and max_range are inverse relations (eq. 6.2-20 read both ways). */
static void min_energy_is_the_inverse_of_max_range(void **state)
{
    (void)state;
    const double psis[] = {0.01, 0.5, 1.0, 2.0, 3.0, 3.1};
    for (size_t i = 0; i < sizeof psis / sizeof psis[0]; i++) {
        const double r = 6.6e6, mu = BMW_MU_M3_S2;
        double v, g, psi_back, g_back;
        assert_int_equal(bmd_kepler_min_energy(r, psis[i], mu, &v, &g, NULL), BMD_SUCCESS);
        assert_int_equal(bmd_kepler_max_range(r, v, mu, &psi_back, &g_back, NULL), BMD_SUCCESS);
        /* Identity up to rounding (1e-9 rad: asin near 1 loses half the digits at Psi = 3.1). */
        assert_close(psi_back, psis[i], 1e-9);
        assert_close(g_back, g, 1e-9);
        /* And the arc flown at (v, g) really has that range angle (1e-9 rad). */
        bmd_kepler_arc arc;
        assert_int_equal(bmd_kepler_arc_from_burnout(r, v, g, mu, &arc, NULL), BMD_SUCCESS);
        assert_close(arc.range_angle_rad, psis[i], 1e-9);
    }
}

/* Half the circumference needs circular speed (Q = 1) flown horizontally (BMW sec. 6.2: the
 * minimum-energy range reaches pi as Q -> 1). */
static void min_energy_range_of_half_the_circumference_needs_circular_speed(void **state)
{
    (void)state;
    double v, g;
    assert_int_equal(bmd_kepler_min_energy(7.0e6, PI, BMW_MU_M3_S2, &v, &g, NULL), BMD_SUCCESS);
    /* Q = 2 sin(pi/2)/(1 + sin(pi/2)) = 1 exactly: v = sqrt(mu/r) (1e-12 relative). */
    assert_close(v / circ_speed(7.0e6, BMW_MU_M3_S2), 1.0, 1e-12);
    /* gamma = (pi - pi)/4 = 0 (exact). */
    assert_close(g, 0.0, 1e-15);
    /* Just below circular speed the maximum range angle approaches pi: with Q = 1 - d,
     * sin(Psi/2) = Q/(2-Q) = 1 - 2d + O(d^2) so pi - Psi = 4 sqrt(d) + O(d^1.5) (d = 1e-6:
     * 4e-3 rad; tolerance 1e-7 rad covers the next order term). */
    double psi, go;
    assert_int_equal(bmd_kepler_max_range(1.0, sqrt(1.0 - 1e-6), 1.0, &psi, &go, NULL),
                     BMD_SUCCESS);
    assert_close(PI - psi, 4.0 * sqrt(1e-6), 1e-7);
}

/* ---------------------------------------------------------------------------------------------
 * Time of free flight */

/* Integrand of t = integral of r^2 / h dnu, r = p / (1 + e cos nu). */
struct tof_params {
    double p, e, h;
};

static double tof_integrand(double nu, void *vp)
{
    const struct tof_params *tp = vp;
    const double rr = tp->p / (1.0 + tp->e * cos(nu));
    return rr * rr / tp->h;
}

/* The eccentric-anomaly flight time equals the quadrature of Kepler's second law dt = r^2/h dnu
 * from the burnout true anomaly pi - Psi/2 to pi + Psi/2 (GSL QAG, 21-point rule). */
static void flight_time_matches_a_quadrature_of_the_areal_velocity(void **state)
{
    (void)state;
    const double qs[] = {0.1, 0.5, 0.9, 1.2, 1.8};
    const double gs_deg[] = {1.0, 15.0, 30.0, 45.0, 70.0, 85.0};
    gsl_integration_workspace *ws = gsl_integration_workspace_alloc(1000);
    for (size_t i = 0; i < sizeof qs / sizeof qs[0]; i++) {
        for (size_t j = 0; j < sizeof gs_deg / sizeof gs_deg[0]; j++) {
            const double r = 6.5e6, mu = BMW_MU_M3_S2, v = sqrt(qs[i] * mu / r);
            bmd_kepler_arc arc;
            assert_int_equal(bmd_kepler_arc_from_burnout(r, v, gs_deg[j] * DEG, mu, &arc, NULL),
                             BMD_SUCCESS);
            struct tof_params tp = {arc.semi_latus_rectum_m, arc.eccentricity,
                                    arc.angular_momentum_m2_s};
            gsl_function f = {tof_integrand, &tp};
            double t, abserr;
            const double half = 0.5 * arc.range_angle_rad;
            assert_int_equal(gsl_integration_qag(&f, PI - half, PI + half, 0.0, 1e-12, 1000,
                                                 GSL_INTEG_GAUSS21, ws, &t, &abserr),
                             GSL_SUCCESS);
            /* Two independent routes to the same integral: 1e-9 relative. */
            assert_close(arc.flight_time_s / t, 1.0, 1e-9);
        }
    }
    gsl_integration_workspace_free(ws);
}

/* Time to fall radially from rest at r_max to r (classical closed form of the rectilinear
 * Kepler problem): t = sqrt(r_max^3 / (2 mu)) (sqrt(x (1 - x)) + acos(sqrt(x))), x = r / r_max. */
static double radial_fall_time(double r, double r_max, double mu)
{
    const double x = r / r_max;
    return sqrt(r_max * r_max * r_max / (2.0 * mu)) * (sqrt(x * (1.0 - x)) + acos(sqrt(x)));
}

/* A nearly vertical shot takes the time of the straight up-and-down (rectilinear) flight. */
static void flight_time_of_a_nearly_vertical_shot_matches_the_radial_kepler_solution(void **state)
{
    (void)state;
    const double r = 6.4e6, mu = BMW_MU_M3_S2;
    const double speeds[] = {1000.0, 3000.0, 7000.0, 10000.0};
    for (size_t i = 0; i < sizeof speeds / sizeof speeds[0]; i++) {
        const double v = speeds[i];
        const double r_max = 1.0 / (1.0 / r - 0.5 * v * v / mu); /* v^2/2 - mu/r = -mu/r_max */
        bmd_kepler_arc arc;
        assert_int_equal(bmd_kepler_arc_from_burnout(r, v, 0.5 * PI - 1e-7, mu, &arc, NULL),
                         BMD_SUCCESS);
        /* The time and apogee differ from the radial ones by c tilt^2 with c < 0.5 (measured:
         * 5e-7 relative at a tilt of 1e-3 rad), so 1e-7 rad off vertical they agree to 1e-14;
         * tolerance 1e-12 relative. */
        assert_close(arc.flight_time_s / (2.0 * radial_fall_time(r, r_max, mu)), 1.0, 1e-12);
        assert_close(arc.apogee_radius_m / r_max, 1.0, 1e-12);
        /* The range angle is first order in the tilt: Psi -> 0 (below 1e-5 rad here). */
        assert_true(arc.range_angle_rad > 0.0 && arc.range_angle_rad < 1e-5);
    }
}

/* ---------------------------------------------------------------------------------------------
 * Numerical integration oracle (GSL rk8pd) */

/* Point-mass gravity in the inertial frame: y = (x, y, z, vx, vy, vz). */
static int twobody_rhs(double t, const double y[], double f[], void *params)
{
    (void)t;
    const double mu = *(const double *)params;
    const double rr = sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]);
    const double k = -mu / (rr * rr * rr);
    f[0] = y[3];
    f[1] = y[4];
    f[2] = y[5];
    f[3] = k * y[0];
    f[4] = k * y[1];
    f[5] = k * y[2];
    return GSL_SUCCESS;
}

/* Integrate from (r0, v0) until |r| falls back to r_stop; returns the time and the final state.
 * Steps at 1/200 of the period scale, then Newton on |r| - r_stop (radial speed as slope). */
static double integrate_to_radius(const double y0[6], double r_stop, double mu, double y_end[6])
{
    gsl_odeiv2_system sys = {twobody_rhs, NULL, 6, (void *)&mu};
    gsl_odeiv2_driver *d =
        gsl_odeiv2_driver_alloc_y_new(&sys, gsl_odeiv2_step_rk8pd, 1.0, 1e-13, 0.0);
    double y[6], t = 0.0;
    memcpy(y, y0, sizeof y);
    const double dt = 2.0 * PI * sqrt(r_stop * r_stop * r_stop / mu) / 2000.0;
    double y_prev[6], t_prev = 0.0;
    int was_above = 0;
    for (int step = 0; step < 200000; step++) {
        memcpy(y_prev, y, sizeof y);
        t_prev = t;
        assert_int_equal(gsl_odeiv2_driver_apply(d, &t, t + dt, y), GSL_SUCCESS);
        const double rr = sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]);
        if (rr > r_stop)
            was_above = 1;
        else if (was_above)
            break;
    }
    /* Newton from the last step start: f(t) = |r(t)| - r_stop, f' = r.v / |r|. */
    double tc = t;
    for (int it = 0; it < 30; it++) {
        double yc[6], tt = t_prev;
        memcpy(yc, y_prev, sizeof yc);
        gsl_odeiv2_driver_reset(d);
        if (tc > tt)
            assert_int_equal(gsl_odeiv2_driver_apply(d, &tt, tc, yc), GSL_SUCCESS);
        const double rr = sqrt(yc[0] * yc[0] + yc[1] * yc[1] + yc[2] * yc[2]);
        const double rdot = (yc[0] * yc[3] + yc[1] * yc[4] + yc[2] * yc[5]) / rr;
        const double dtc = -(rr - r_stop) / rdot;
        tc += dtc;
        memcpy(y_end, yc, 6 * sizeof(double));
        if (fabs(dtc) < 1e-9)
            break;
    }
    gsl_odeiv2_driver_free(d);
    return tc;
}

/* Vacuum arcs integrated numerically agree with the analytic range angle and time of flight. */
static void arcs_match_a_numerical_integration_of_two_body_motion(void **state)
{
    (void)state;
    const double mu = BMD_WGS84_GM_M3_S2, r = R_GROUND_M + 100e3;
    const struct { double v, g_deg; } cases[] = {
        {2000.0, 45.0}, {5000.0, 30.0}, {7000.0, 22.0}, {6000.0, 70.0}, {7200.0, 85.0},
        {8500.0, 10.0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        bmd_kepler_arc arc;
        const double g = cases[i].g_deg * DEG, v = cases[i].v;
        assert_int_equal(bmd_kepler_arc_from_burnout(r, v, g, mu, &arc, NULL), BMD_SUCCESS);
        const double y0[6] = {r, 0.0, 0.0, v * sin(g), v * cos(g), 0.0};
        double y1[6];
        const double t = integrate_to_radius(y0, r, mu, y1);
        const double psi = atan2(y1[1], y1[0]);
        const double psi_num = psi < 0.0 ? psi + 2.0 * PI : psi;
        /* Range angle within 0.1 km on the ground (R = 6371 km); time within 0.1 s. The
         * integration (tol 1e-13) is good to far better than either. */
        assert_close(arc.range_angle_rad * R_GROUND_M, psi_num * R_GROUND_M, 100.0);
        assert_close(arc.flight_time_s, t, 0.1);
        /* Tighter: they agree to 1e-8 relative. */
        assert_close(arc.range_angle_rad / psi_num, 1.0, 1e-8);
        assert_close(arc.flight_time_s / t, 1.0, 1e-8);
    }
}

/* ---------------------------------------------------------------------------------------------
 * Rotating Earth */

/* With omega = 0 the rotating-Earth result is the non-rotating arc, landing where the spherical
 * "direct problem" puts it: lat2 = asin(sin lat cos Psi + cos lat sin Psi cos az). */
static void rotating_range_with_zero_spin_equals_the_nonrotating_range(void **state)
{
    (void)state;
    const double mu = BMD_WGS84_GM_M3_S2, r = R_GROUND_M;
    const double lats[] = {-80.0, -30.0, 0.0, 45.0, 89.0};
    const double azs[] = {0.0, 40.0, 90.0, 200.0, 300.0};
    for (size_t i = 0; i < 5; i++) {
        for (size_t j = 0; j < 5; j++) {
            const double lat = lats[i] * DEG, az = azs[j] * DEG;
            bmd_kepler_rotating out;
            assert_int_equal(bmd_kepler_rotating_range(lat, az, r, 6000.0, 35.0 * DEG, mu, 0.0,
                                                       &out, NULL),
                             BMD_SUCCESS);
            /* Identity (rounding only): 1e-12 rad. */
            assert_close(out.range_angle_rad, out.nonrotating_range_angle_rad, 1e-12);
            const double psi = out.nonrotating_range_angle_rad;
            const double lat2 = asin(sin(lat) * cos(psi) + cos(lat) * sin(psi) * cos(az));
            const double dlon = atan2(sin(az) * sin(psi) * cos(lat),
                                      cos(psi) - sin(lat) * sin(lat2));
            /* Spherical trigonometry (Vincenty's direct formula on a sphere): 1e-12 rad. */
            assert_close(out.reentry_lat_rad, lat2, 1e-12);
            assert_close(remainder(out.reentry_lon_rad - dlon, 2.0 * PI), 0.0, 1e-12);
            bmd_kepler_arc arc;
            assert_int_equal(bmd_kepler_arc_from_burnout(r, 6000.0, 35.0 * DEG, mu, &arc, NULL),
                             BMD_SUCCESS);
            /* No spin: inertial = relative state, same flight time (identity; 1e-12 relative). */
            assert_close(out.flight_time_s / arc.flight_time_s, 1.0, 1e-12);
            assert_close(out.inertial_speed_m_s, 6000.0, 1e-9);
            assert_close(out.inertial_gamma_rad, 35.0 * DEG, 1e-12);
        }
    }
}

/* Range angle partial derivative d Psi / d v_h at fixed radial speed (from tan(Psi/2) =
 * A / B, A = r v_r v_h / mu, B = 1 - r v_h^2 / mu). */
static double dpsi_dvh(double r, double vr, double vh, double mu)
{
    const double a = r * vr * vh / mu, b = 1.0 - r * vh * vh / mu;
    return 2.0 * (b * r * vr / mu + a * 2.0 * r * vh / mu) / (a * a + b * b);
}

/* East-minus-west range angle difference at the equator for spin w, and its first-order
 * estimate 2 w (r dPsi/dv_h - t). */
static void east_west_difference(double r, double v, double g, double mu, double w, double *diff,
                                 double *first)
{
    bmd_kepler_rotating east, west;
    assert_int_equal(bmd_kepler_rotating_range(0.0, 0.5 * PI, r, v, g, mu, w, &east, NULL),
                     BMD_SUCCESS);
    assert_int_equal(bmd_kepler_rotating_range(0.0, 1.5 * PI, r, v, g, mu, w, &west, NULL),
                     BMD_SUCCESS);
    bmd_kepler_arc arc0;
    assert_int_equal(bmd_kepler_arc_from_burnout(r, v, g, mu, &arc0, NULL), BMD_SUCCESS);
    *diff = east.range_angle_rad - west.range_angle_rad;
    *first = 2.0 * w * (r * dpsi_dvh(r, v * sin(g), v * cos(g), mu) - arc0.flight_time_s);
}

/* Due east from the equator gains range over due west. The east-minus-west difference is odd in
 * omega, so it is 2 omega (r dPsi/dv_h - t) + O(omega^3): the launch point moves at omega r and
 * the missile keeps that speed, while the Earth turns by omega t under it. */
static void due_east_launch_from_the_equator_flies_farther_than_due_west(void **state)
{
    (void)state;
    const double mu = BMD_WGS84_GM_M3_S2, r = R_GROUND_M + 80e3, w = OMEGA_EARTH;
    const struct { double v, g_deg; } cases[] = {{2000.0, 40.0}, {4000.0, 35.0}, {6500.0, 25.0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const double v = cases[i].v, g = cases[i].g_deg * DEG;
        bmd_kepler_rotating east, west;
        assert_int_equal(bmd_kepler_rotating_range(0.0, 0.5 * PI, r, v, g, mu, w, &east, NULL),
                         BMD_SUCCESS);
        assert_int_equal(bmd_kepler_rotating_range(0.0, 1.5 * PI, r, v, g, mu, w, &west, NULL),
                         BMD_SUCCESS);
        /* Sign: east > non-rotating > west. */
        assert_true(east.range_angle_rad > east.nonrotating_range_angle_rad);
        assert_true(west.range_angle_rad < west.nonrotating_range_angle_rad);
        /* Both stay on the equator (symmetry; 1e-12 rad). */
        assert_close(east.reentry_lat_rad, 0.0, 1e-12);
        assert_close(west.reentry_lat_rad, 0.0, 1e-12);

        /* Magnitude: at the real spin the first-order estimate holds to 2 % (1.03 % at
         * 6.5 km/s). That the estimate is the exact first-order term is shown by the remainder
         * shrinking as omega^2: halving omega (omega/2 -> omega/4) divides the relative error by
         * 4 (+/-5 %). */
        double d1, f1, d2, f2, d4, f4;
        east_west_difference(r, v, g, mu, w, &d1, &f1);
        east_west_difference(r, v, g, mu, 0.5 * w, &d2, &f2);
        east_west_difference(r, v, g, mu, 0.25 * w, &d4, &f4);
        assert_close(d1 / f1, 1.0, 0.02);
        assert_close((d2 / f2 - 1.0) / (d4 / f4 - 1.0), 4.0, 0.2);
        /* (The naive 2 omega R t, the ground moving under the missile, is not the scale: on a
         * flat Earth the two terms cancel exactly; here d1 is 6 % of it at 2 km/s and 144 % at
         * 6.5 km/s. No assertion on it.) */

        /* Due east on the equator the motion stays in the equatorial plane, so exactly:
         * Psi_earth = Psi_inertial - omega t with the inertial speed v_h + omega r (1e-12 rad). */
        const double vh = v * cos(g) + w * r, vr = v * sin(g);
        bmd_kepler_arc arci;
        assert_int_equal(
            bmd_kepler_arc_from_burnout(r, hypot(vh, vr), atan2(vr, vh), mu, &arci, NULL),
            BMD_SUCCESS);
        assert_close(east.range_angle_rad, arci.range_angle_rad - w * arci.flight_time_s, 1e-12);
        assert_close(east.flight_time_s, arci.flight_time_s, 1e-9);
    }
}

/* A rotating-Earth case against numerical integration: the inertial state built here, flown by
 * GSL, and the landing point turned back by omega t lands where the module says. */
static void rotating_reentry_point_matches_a_numerical_integration(void **state)
{
    (void)state;
    const double mu = BMD_WGS84_GM_M3_S2, r = R_GROUND_M + 150e3, w = OMEGA_EARTH;
    const struct { double lat_deg, az_deg, v, g_deg; } cases[] = {
        {39.0, 40.0, 5000.0, 35.0}, {-20.0, 300.0, 7000.0, 25.0}, {60.0, 180.0, 3000.0, 50.0},
        {10.0, 90.0, 7100.0, 60.0}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        const double lat = cases[i].lat_deg * DEG, az = cases[i].az_deg * DEG;
        const double v = cases[i].v, g = cases[i].g_deg * DEG;
        bmd_kepler_rotating out;
        assert_int_equal(bmd_kepler_rotating_range(lat, az, r, v, g, mu, w, &out, NULL),
                         BMD_SUCCESS);
        double y0[6]; /* inertial: ENU at (lat, lon 0) plus omega x r */
        test_rotating_launch_state(lat, az, r, v, g, w, y0);
        double y1[6];
        const double t = integrate_to_radius(y0, r, mu, y1);
        const double lat2 = asin(y1[2] / r);
        const double lon2 = atan2(y1[1], y1[0]) - w * t;
        /* Time within 0.1 s; landing point within 0.1 km on the ground (R = 6371 km). */
        assert_close(out.flight_time_s, t, 0.1);
        assert_close(out.reentry_lat_rad * R_GROUND_M, lat2 * R_GROUND_M, 100.0);
        assert_close(remainder(out.reentry_lon_rad - lon2, 2.0 * PI) * cos(lat2) * R_GROUND_M,
                     0.0, 100.0);
        const double psi = central_angle(lat, 0.0, lat2, lon2);
        assert_close(out.range_angle_rad * R_GROUND_M, psi * R_GROUND_M, 100.0);
        /* Inertial speed and angle at burnout from the same state (1e-9 relative/rad). */
        const double vi = sqrt(y0[3] * y0[3] + y0[4] * y0[4] + y0[5] * y0[5]);
        assert_close(out.inertial_speed_m_s / vi, 1.0, 1e-12);
        assert_close(out.inertial_gamma_rad,
                     asin((y0[3] * y0[0] + y0[4] * y0[1] + y0[5] * y0[2]) / (r * vi)), 1e-9);
    }
}

/* ---------------------------------------------------------------------------------------------
 * Loft inference */

/* The inferred burnout state, flown forward, reproduces the apogee and range it came from. */
static void loft_inference_fed_back_into_the_arc_returns_apogee_and_range(void **state)
{
    (void)state;
    const double mu = BMD_WGS84_GM_M3_S2, r = R_GROUND_M;
    const double apogees_km[] = {100.0, 600.0, 2802.0, 4500.0};
    const double ranges_km[] = {50.0, 933.0, 3000.0, 8000.0};
    for (size_t i = 0; i < 4; i++) {
        for (size_t j = 0; j < 4; j++) {
            const double ra = r + apogees_km[i] * 1e3, psi = ranges_km[j] * 1e3 / r;
            bmd_kepler_loft lo;
            bmd_error err;
            assert_int_equal(bmd_kepler_loft_infer(r, ra, psi, mu, &lo, &err), BMD_SUCCESS);
            bmd_kepler_arc arc;
            assert_int_equal(bmd_kepler_arc_from_burnout(r, lo.burnout_speed_m_s,
                                                         lo.burnout_gamma_rad, mu, &arc, NULL),
                             BMD_SUCCESS);
            /* Derivation round trip: 1e-9 relative (brief). */
            assert_close(arc.apogee_radius_m / ra, 1.0, 1e-9);
            assert_close(arc.range_angle_rad / psi, 1.0, 1e-9);
            assert_close(arc.flight_time_s / lo.flight_time_s, 1.0, 1e-12);
            /* cos gamma = h / (r v), the definition of h (identity; 1e-12). */
            assert_close(cos(lo.burnout_gamma_rad),
                         arc.angular_momentum_m2_s / (r * lo.burnout_speed_m_s), 1e-12);
            /* The maximum-range arc at that speed: eq. 6.2-20 and its apogee / time. */
            double pm, gm;
            assert_int_equal(bmd_kepler_max_range(r, lo.burnout_speed_m_s, mu, &pm, &gm, NULL),
                             BMD_SUCCESS);
            assert_close(lo.max_range_angle_rad, pm, 1e-12);
            assert_close(lo.max_range_gamma_rad, gm, 1e-12);
            assert_true(lo.max_range_angle_rad >= psi * (1.0 - 1e-12));
            bmd_kepler_arc am;
            assert_int_equal(bmd_kepler_arc_from_burnout(r, lo.burnout_speed_m_s, gm, mu, &am,
                                                         NULL),
                             BMD_SUCCESS);
            assert_close(am.range_angle_rad, pm, 1e-9);
            assert_close(lo.max_range_flight_time_s / am.flight_time_s, 1.0, 1e-12);
            assert_close(lo.max_range_apogee_radius_m / am.apogee_radius_m, 1.0, 1e-12);
        }
    }
}

/* BMW p. 290 read backwards: apogee 1.5 DU and Psi 36.4 deg at r = 1.2 DU give back the book's
 * burnout speed 2/3 DU/TU and angle 51.32 deg. */
static void loft_inference_recovers_bmw_p290_burnout_state(void **state)
{
    (void)state;
    bmd_kepler_loft lo;
    assert_int_equal(bmd_kepler_loft_infer(1.2, 1.5, 36.4 * DEG, 1.0, &lo, NULL), BMD_SUCCESS);
    /* Psi is printed to 0.1 deg; +/-0.05 deg in Psi moves v by 1.9e-4 DU/TU and gamma by
     * 0.039 deg here (sensitivities of this derivation), so tolerances 2.5e-4 DU/TU and 0.05 deg
     * (the printed 51.32 adds 0.005 deg). */
    assert_close(lo.burnout_speed_m_s, 2.0 / 3.0, 2.5e-4);
    assert_close(lo.burnout_gamma_rad / DEG, 51.32, 0.05);
}

/* ---------------------------------------------------------------------------------------------
 * Bad input */

static void arc_rejects_invalid_inputs_with_einval_or_edom(void **state)
{
    (void)state;
    bmd_kepler_arc arc;
    bmd_error err;
    const double g = 0.5;
    assert_int_equal(bmd_kepler_arc_from_burnout(NAN, 1.0, g, 1.0, &arc, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "radius"));
    assert_int_equal(bmd_kepler_arc_from_burnout(-1.0, 1.0, g, 1.0, &arc, &err), BMD_EINVAL);
    assert_int_equal(bmd_kepler_arc_from_burnout(1.0, 0.0, g, 1.0, &arc, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "speed"));
    assert_int_equal(bmd_kepler_arc_from_burnout(1.0, INFINITY, g, 1.0, &arc, &err), BMD_EINVAL);
    assert_int_equal(bmd_kepler_arc_from_burnout(1.0, 1.0, 0.0, 1.0, &arc, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "flight-path angle"));
    assert_int_equal(bmd_kepler_arc_from_burnout(1.0, 1.0, 0.5 * PI, 1.0, &arc, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_kepler_arc_from_burnout(1.0, 1.0, NAN, 1.0, &arc, &err), BMD_EINVAL);
    assert_int_equal(bmd_kepler_arc_from_burnout(1.0, 1.0, g, 0.0, &arc, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "mu"));
    assert_int_equal(bmd_kepler_arc_from_burnout(1.0, 1.0, g, NAN, &arc, NULL), BMD_EINVAL);
    /* Escape speed: Q = 2 exactly and above. */
    assert_int_equal(bmd_kepler_arc_from_burnout(1.0, sqrt(2.0), g, 1.0, &arc, &err), BMD_EDOM);
    assert_non_null(strstr(err.message, "escape"));
    assert_int_equal(bmd_kepler_arc_from_burnout(1.0, 2.0, g, 1.0, &arc, NULL), BMD_EDOM);
}

static void angles_for_range_beyond_the_maximum_is_edom_and_names_the_maximum(void **state)
{
    (void)state;
    double lo, hi;
    bmd_error err;
    /* Q = 0.5: max range angle 2 asin(1/3) = 38.942 deg. */
    assert_int_equal(bmd_kepler_angles_for_range(1.0, sqrt(0.5), 40.0 * DEG, 1.0, &lo, &hi, &err),
                     BMD_EDOM);
    assert_int_equal(err.status, BMD_EDOM);
    assert_non_null(strstr(err.message, "38.94")); /* the maximum, in degrees */
    /* Beyond pi with Q < 1 (sin(Psi/2) small again, but still unreachable). */
    assert_int_equal(bmd_kepler_angles_for_range(1.0, sqrt(0.5), 350.0 * DEG, 1.0, &lo, &hi, &err),
                     BMD_EDOM);
    /* Q = 1 reaches at most pi. */
    assert_int_equal(bmd_kepler_angles_for_range(1.0, 1.0, 200.0 * DEG, 1.0, &lo, &hi, &err),
                     BMD_EDOM);
    assert_int_equal(bmd_kepler_angles_for_range(1.0, 1.5, 1.0, 1.0, &lo, &hi, &err), BMD_EDOM);
    assert_int_equal(bmd_kepler_angles_for_range(1.0, 0.5, 0.0, 1.0, &lo, &hi, &err), BMD_EINVAL);
    assert_int_equal(bmd_kepler_angles_for_range(1.0, 0.5, 2.0 * PI, 1.0, &lo, &hi, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_kepler_angles_for_range(1.0, 0.5, NAN, 1.0, &lo, &hi, &err), BMD_EINVAL);
    assert_int_equal(bmd_kepler_angles_for_range(1.0, NAN, 0.3, 1.0, &lo, &hi, &err), BMD_EINVAL);
    /* Q = 1.5: ranges beyond pi are reachable (one angle). */
    assert_int_equal(bmd_kepler_angles_for_range(1.0, sqrt(1.5), 4.0, 1.0, &lo, &hi, &err),
                     BMD_SUCCESS);
    assert_close(lo, hi, 0.0);
}

static void max_range_min_energy_and_rotating_range_reject_bad_inputs(void **state)
{
    (void)state;
    double a, b;
    bmd_error err;
    assert_int_equal(bmd_kepler_max_range(1.0, 1.0, 1.0, &a, &b, &err), BMD_EDOM);
    assert_non_null(strstr(err.message, "circular speed"));
    assert_int_equal(bmd_kepler_max_range(1.0, -1.0, 1.0, &a, &b, &err), BMD_EINVAL);
    assert_int_equal(bmd_kepler_max_range(NAN, 0.5, 1.0, &a, &b, &err), BMD_EINVAL);
    assert_int_equal(bmd_kepler_min_energy(1.0, 0.0, 1.0, &a, &b, &err), BMD_EINVAL);
    assert_int_equal(bmd_kepler_min_energy(1.0, PI + 1e-9, 1.0, &a, &b, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "range angle"));
    assert_int_equal(bmd_kepler_min_energy(1.0, NAN, 1.0, &a, &b, &err), BMD_EINVAL);
    assert_int_equal(bmd_kepler_min_energy(0.0, 1.0, 1.0, &a, &b, &err), BMD_EINVAL);
    assert_int_equal(bmd_kepler_min_energy(1.0, 1.0, -1.0, &a, &b, &err), BMD_EINVAL);

    bmd_kepler_rotating out;
    assert_int_equal(bmd_kepler_rotating_range(1.6, 0.0, 1.0, 0.5, 0.5, 1.0, 0.0, &out, &err),
                     BMD_EINVAL);
    assert_non_null(strstr(err.message, "latitude"));
    assert_int_equal(bmd_kepler_rotating_range(NAN, 0.0, 1.0, 0.5, 0.5, 1.0, 0.0, &out, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_kepler_rotating_range(0.0, NAN, 1.0, 0.5, 0.5, 1.0, 0.0, &out, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_kepler_rotating_range(0.0, 0.0, 1.0, 0.5, 0.5, 1.0, NAN, &out, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_kepler_rotating_range(0.0, 0.0, 1.0, 0.5, 0.0, 1.0, 0.0, &out, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_kepler_rotating_range(0.0, 0.0, 1.0, 1.5, 0.5, 1.0, 0.0, &out, &err),
                     BMD_EDOM);
    /* Below escape relative to the Earth but above it in inertial space (eastward boost). */
    assert_int_equal(bmd_kepler_rotating_range(0.0, 0.5 * PI, 1.0, 1.40, 0.1, 1.0, 0.05, &out,
                                               &err),
                     BMD_EDOM);
}

static void loft_inference_rejects_bad_inputs(void **state)
{
    (void)state;
    bmd_kepler_loft lo;
    bmd_error err;
    assert_int_equal(bmd_kepler_loft_infer(1.0, 1.0, 0.5, 1.0, &lo, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "apogee"));
    assert_int_equal(bmd_kepler_loft_infer(1.0, NAN, 0.5, 1.0, &lo, &err), BMD_EINVAL);
    assert_int_equal(bmd_kepler_loft_infer(1.0, 1.2, PI, 1.0, &lo, &err), BMD_EINVAL);
    assert_int_equal(bmd_kepler_loft_infer(1.0, 1.2, 0.0, 1.0, &lo, &err), BMD_EINVAL);
    assert_int_equal(bmd_kepler_loft_infer(1.0, 1.2, NAN, 1.0, &lo, &err), BMD_EINVAL);
    assert_int_equal(bmd_kepler_loft_infer(-1.0, 1.2, 0.5, 1.0, &lo, &err), BMD_EINVAL);
    assert_int_equal(bmd_kepler_loft_infer(1.0, 1.2, 0.5, 0.0, &lo, &err), BMD_EINVAL);
    /* Apogee 10 DU over a half-circumference-ish arc: Q > 1. */
    assert_int_equal(bmd_kepler_loft_infer(1.0, 10.0, 3.0, 1.0, &lo, &err), BMD_EDOM);
    assert_non_null(strstr(err.message, "orbital"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(bmw_p290_free_flight_range_is_36_4_deg_in_canonical_units),
        cmocka_unit_test(bmw_p290_in_metres_matches_the_metric_restatement),
        cmocka_unit_test(bmw_p291_flight_path_angle_is_39_36_deg),
        cmocka_unit_test(bmw_p295_minimum_burnout_speed_is_0_933_du_per_tu),
        cmocka_unit_test(angles_for_range_recovers_the_flight_path_angle_of_an_arc),
        cmocka_unit_test(angles_for_the_maximum_range_are_both_the_optimum_angle),
        cmocka_unit_test(max_range_equals_the_largest_range_over_a_scan_of_flight_path_angles),
        cmocka_unit_test(min_energy_is_the_inverse_of_max_range),
        cmocka_unit_test(min_energy_range_of_half_the_circumference_needs_circular_speed),
        cmocka_unit_test(flight_time_matches_a_quadrature_of_the_areal_velocity),
        cmocka_unit_test(flight_time_of_a_nearly_vertical_shot_matches_the_radial_kepler_solution),
        cmocka_unit_test(arcs_match_a_numerical_integration_of_two_body_motion),
        cmocka_unit_test(rotating_range_with_zero_spin_equals_the_nonrotating_range),
        cmocka_unit_test(due_east_launch_from_the_equator_flies_farther_than_due_west),
        cmocka_unit_test(rotating_reentry_point_matches_a_numerical_integration),
        cmocka_unit_test(loft_inference_fed_back_into_the_arc_returns_apogee_and_range),
        cmocka_unit_test(loft_inference_recovers_bmw_p290_burnout_state),
        cmocka_unit_test(arc_rejects_invalid_inputs_with_einval_or_edom),
        cmocka_unit_test(angles_for_range_beyond_the_maximum_is_edom_and_names_the_maximum),
        cmocka_unit_test(max_range_min_energy_and_rotating_range_reject_bad_inputs),
        cmocka_unit_test(loft_inference_rejects_bad_inputs),
    };
    gsl_set_error_handler_off();
    return cmocka_run_group_tests(tests, NULL, NULL);
}
