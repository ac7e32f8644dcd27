/* Tests of the DOP853 integrator (src/flight/ode.c) against the order conditions of its tableau,
 * exact solutions (exponential decay, Kepler two-body motion solved through Kepler's equation)
 * and GSL's rk8pd driver as an independent oracle. */
#include <float.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>

#include "bmd/ode.h"
#include "flight/dop853_tableau.h"

#include <stdlib.h>

/* Measured values are printed when BMD_TEST_VERBOSE is set (for docs/parts/ode-validation.md). */
#define DIAG(...)                                                                                  \
    do {                                                                                           \
        if (getenv("BMD_TEST_VERBOSE"))                                                            \
            fprintf(stderr, __VA_ARGS__);                                                          \
    } while (0)

/* WGS 84 / EGM96 Earth gravitational parameter (m^3/s^2), NIMA TR8350.2 (2000), table 3.1. */
#define MU_EARTH 3.986004418e14
#define PI 3.14159265358979323846

/* ---------------------------------------------------------------------------------------------
 * Problems */

/* Context of the test right-hand sides: the gravitational parameter, an optional J2 term, and
 * counters/switches for the error-path tests. */
typedef struct problem {
    double mu;
    double j2;        /* 0 for pure Kepler */
    double r_eq;      /* equatorial radius for J2 (m) */
    long calls;       /* rhs calls seen by the function itself */
    double bad_after; /* t after which the rhs misbehaves (INFINITY: never) */
    int bad_mode;     /* 1: NaN, 2: return status 7 */
} problem;

/* Two-body (optionally J2) acceleration: y = (r, v), dy/dt = (v, -mu r / |r|^3 + a_J2). J2 term
 * as in Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., eq. 8-30. */
static int two_body_rhs(double t, const double *y, double *dydt, void *ctx)
{
    problem *p = ctx;
    p->calls++;
    if (t > p->bad_after) {
        if (p->bad_mode == 2)
            return 7;
        dydt[0] = NAN;
        for (int i = 1; i < 6; i++)
            dydt[i] = 0.0;
        return 0;
    }
    double r2 = y[0] * y[0] + y[1] * y[1] + y[2] * y[2];
    double r = sqrt(r2);
    double g = -p->mu / (r2 * r);
    dydt[0] = y[3];
    dydt[1] = y[4];
    dydt[2] = y[5];
    dydt[3] = g * y[0];
    dydt[4] = g * y[1];
    dydt[5] = g * y[2];
    if (p->j2 != 0.0) {
        double z2 = y[2] * y[2] / r2;
        double k = -1.5 * p->j2 * p->mu * p->r_eq * p->r_eq / (r2 * r2 * r);
        dydt[3] += k * y[0] * (1.0 - 5.0 * z2);
        dydt[4] += k * y[1] * (1.0 - 5.0 * z2);
        dydt[5] += k * y[2] * (3.0 - 5.0 * z2);
    }
    return 0;
}

/* y' = -lambda y componentwise with lambda_i = i + 1 (exact: y_i(0) exp(-lambda_i t)). */
static int decay_rhs(double t, const double *y, double *dydt, void *ctx)
{
    problem *p = ctx;
    p->calls++;
    if (t > p->bad_after) {
        if (p->bad_mode == 2)
            return 7;
        dydt[0] = NAN;
        return 0;
    }
    for (int i = 0; i < 3; i++)
        dydt[i] = -(double)(i + 1) * y[i];
    return 0;
}

/* y' = y^2, y(0) = 1: y = 1/(1 - t) blows up at t = 1. */
static int blowup_rhs(double t, const double *y, double *dydt, void *ctx)
{
    (void)t;
    (void)ctx;
    dydt[0] = y[0] * y[0];
    return 0;
}

/* y' = 0: the state never changes, so the steps grow to h_max. */
static int still_rhs(double t, const double *y, double *dydt, void *ctx)
{
    (void)t;
    (void)y;
    (void)ctx;
    dydt[0] = 0.0;
    return 0;
}

/* ---------------------------------------------------------------------------------------------
 * Analytic Kepler orbit: Bate, Mueller & White, Fundamentals of Astrodynamics (1971), sec. 4.2
 * (Kepler's equation M = E - e sin E) and sec. 2.5/4.4 (perifocal position and velocity). */

typedef struct orbit {
    double mu, a, e, n, period;
    double rot[3][3]; /* perifocal -> inertial: Rz(raan) Rx(inc) Rz(argp) */
} orbit;

/* An orbit of semi-major axis a (m), eccentricity e and orientation angles (rad). */
static void orbit_setup(orbit *o, double mu, double a, double e, double inc, double raan,
                        double argp)
{
    o->mu = mu;
    o->a = a;
    o->e = e;
    o->n = sqrt(mu / (a * a * a));
    o->period = 2.0 * PI / o->n;
    double cO = cos(raan), sO = sin(raan), ci = cos(inc), si = sin(inc), cw = cos(argp),
           sw = sin(argp);
    double r[3][3] = {{cO * cw - sO * sw * ci, -cO * sw - sO * cw * ci, sO * si},
                      {sO * cw + cO * sw * ci, -sO * sw + cO * cw * ci, -cO * si},
                      {sw * si, cw * si, ci}};
    memcpy(o->rot, r, sizeof r);
}

/* Eccentric anomaly from mean anomaly by Newton's method on Kepler's equation. */
static double kepler_solve(double m, double e)
{
    m = remainder(m, 2.0 * PI);
    double ea = e < 0.8 ? m : (m >= 0.0 ? PI : -PI);
    for (int it = 0; it < 60; it++) {
        double d = (ea - e * sin(ea) - m) / (1.0 - e * cos(ea));
        ea -= d;
        if (fabs(d) < 1e-16)
            break;
    }
    return ea;
}

/* The state (r, v) at time t after periapsis passage. */
static void orbit_state(const orbit *o, double t, double *y)
{
    double ea = kepler_solve(o->n * t, o->e);
    double ce = cos(ea), se = sin(ea);
    double b = o->a * sqrt(1.0 - o->e * o->e);
    double den = 1.0 - o->e * ce;
    double p[6] = {o->a * (ce - o->e), b * se, 0.0, -o->a * o->n * se / den, b * o->n * ce / den,
                   0.0};
    for (int i = 0; i < 3; i++) {
        y[i] = o->rot[i][0] * p[0] + o->rot[i][1] * p[1];
        y[3 + i] = o->rot[i][0] * p[3] + o->rot[i][1] * p[4];
    }
}

/* Time after periapsis at which the orbit reaches radius r on the way down (E in (pi, 2 pi)):
 * r = a (1 - e cos E), BMW eq. 4.2-14; t = (E - e sin E) / n. */
static double orbit_time_at_radius_descending(const orbit *o, double r)
{
    double ea = 2.0 * PI - acos((1.0 - r / o->a) / o->e);
    return (ea - o->e * sin(ea)) / o->n;
}

static double distance3(const double *a, const double *b)
{
    return sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) +
                (a[2] - b[2]) * (a[2] - b[2]));
}

static double specific_energy(const double *y, double mu)
{
    double v2 = y[3] * y[3] + y[4] * y[4] + y[5] * y[5];
    return 0.5 * v2 - mu / sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]);
}

static void angular_momentum(const double *y, double *h)
{
    h[0] = y[1] * y[5] - y[2] * y[4];
    h[1] = y[2] * y[3] - y[0] * y[5];
    h[2] = y[0] * y[4] - y[1] * y[3];
}

/* ---------------------------------------------------------------------------------------------
 * Tableau */

/* Rounding bound for a sum of terms: 64 ulp of the sum of the magnitudes. */
static double rounding_bound(double sum_abs)
{
    return 64.0 * DBL_EPSILON * sum_abs;
}

static void dop853_tableau_satisfies_its_order_conditions(void **state)
{
    (void)state;
    const bmd_dop853_tableau *T = &BMD_DOP853;
    /* c_i = sum_j a_ij for all 16 stages (row-sum condition, Hairer-Norsett-Wanner (HNW) I,
     * eq. II.1.9), exact up to rounding of the 30-digit published constants. */
    for (int i = 0; i < 16; i++) {
        double s = 0.0, sa = 0.0;
        for (int j = 0; j < 16; j++) {
            s += T->a[i][j];
            sa += fabs(T->a[i][j]);
        }
        assert_true(fabs(s - T->c[i]) <= rounding_bound(sa + 1.0));
        /* explicit method: a_ij = 0 for j >= i */
        for (int j = i; j < 16; j++)
            assert_true(T->a[i][j] == 0.0);
    }
    /* the weights are the FSAL row of A */
    for (int j = 0; j < 12; j++)
        assert_true(T->b[j] == T->a[12][j]);
    /* Quadrature conditions sum_j b_j c_j^(q-1) = 1/q (HNW I, Table II.2.2, bushy trees):
     * q = 1..8 for the 8th-order weights b, 1..5 for the 5th-order weights b - e5, 1..3 for the
     * 3rd-order weights bhh; and they must FAIL one order higher (q = 9, 6, 4), which shows the
     * check can fail and the orders are exactly 8, 5 and 3. */
    for (int q = 1; q <= 9; q++) {
        double s8 = 0.0, a8 = 0.0, s5 = 0.0, a5 = 0.0, s3 = 0.0, a3 = 0.0;
        for (int j = 0; j < 12; j++) {
            double cq = pow(T->c[j], q - 1);
            s8 += T->b[j] * cq;
            a8 += fabs(T->b[j] * cq);
            s5 += (T->b[j] - T->e5[j]) * cq;
            a5 += fabs((T->b[j] - T->e5[j]) * cq);
            s3 += T->bhh[j] * cq;
            a3 += fabs(T->bhh[j] * cq);
        }
        if (q <= 8)
            assert_true(fabs(s8 - 1.0 / q) <= rounding_bound(a8));
        else
            assert_true(fabs(s8 - 1.0 / q) > 1e-6);
        if (q <= 5)
            assert_true(fabs(s5 - 1.0 / q) <= rounding_bound(a5));
        else if (q == 6)
            assert_true(fabs(s5 - 1.0 / q) > 1e-5);
        if (q <= 3)
            assert_true(fabs(s3 - 1.0 / q) <= rounding_bound(a3));
        else if (q == 4)
            assert_true(fabs(s3 - 1.0 / q) > 1e-3);
    }
    /* Stage order 2 for stages 2..15: sum_j a_ij c_j = c_i^2 / 2 (simplifying assumption C(2),
     * HNW I, eq. II.5.7, which the DOP853 construction imposes, HNW I sec. II.5). */
    for (int i = 2; i < 16; i++) {
        double s = 0.0, sa = 0.0;
        for (int j = 0; j < i; j++) {
            s += T->a[i][j] * T->c[j];
            sa += fabs(T->a[i][j] * T->c[j]);
        }
        assert_true(fabs(s - 0.5 * T->c[i] * T->c[i]) <= rounding_bound(sa + 1.0));
    }
    /* Dense output: for f = const the interpolant must be exact, so each row of d sums to 0. */
    for (int r = 0; r < 4; r++) {
        double s = 0.0, sa = 0.0;
        for (int j = 0; j < 16; j++) {
            s += T->d[r][j];
            sa += fabs(T->d[r][j]);
        }
        assert_true(fabs(s) <= rounding_bound(sa));
    }
}

/* Integrate the nondimensional Kepler orbit mu = a = 1, e = 0.5 over [t0, t0 + len] with fixed
 * steps h (huge tolerances, h_initial = h_max = h) and return the final position error. */
static double fixed_step_kepler_error(double h, double len)
{
    orbit o;
    orbit_setup(&o, 1.0, 1.0, 0.5, 0.3, 0.2, 0.1);
    problem p = {.mu = 1.0, .bad_after = INFINITY};
    bmd_ode_system sys = {two_body_rhs, 6, &p};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    opt.rtol = 1.0;
    opt.atol = 1e30;
    opt.h_initial = h;
    opt.h_max = h;
    double y0[6], ye[6];
    const double t0 = -0.4;
    orbit_state(&o, t0, y0);
    bmd_ode ode;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, t0, y0, NULL), BMD_SUCCESS);
    int nh = 0;
    assert_int_equal(bmd_ode_run(&ode, t0 + len, NULL, 0, NULL, 0, &nh, NULL, NULL, NULL),
                     BMD_SUCCESS);
    assert_int_equal(ode.n_rejected, 0);
    orbit_state(&o, t0 + len, ye);
    return distance3(ode.y, ye);
}

static void fixed_steps_converge_at_eighth_order(void **state)
{
    (void)state;
    /* Global error ~ C h^8 (HNW I, Theorem II.3.6): halving h divides it by 2^8 = 256. The
     * observed order log2(e(h)/e(h/2)) must lie in [7.5, 8.5] (measured 5.6e-9 and 2.0e-11,
     * order 8.1; far above rounding ~1e-15). A wrong coefficient drops the order to 1..7. */
    double e1 = fixed_step_kepler_error(0.1, 2.0);
    double e2 = fixed_step_kepler_error(0.05, 2.0);
    double order = log2(e1 / e2);
    DIAG("fixed steps: e(h)=%.3e e(h/2)=%.3e order %.3f\n", e1, e2, order);
    assert_true(e2 > 1e-13);
    assert_true(order > 7.5 && order < 8.5);
}

/* One step of size h from the exact state; the dense-output error at the step middle. */
static double dense_midpoint_error(double h)
{
    orbit o;
    orbit_setup(&o, 1.0, 1.0, 0.5, 0.3, 0.2, 0.1);
    problem p = {.mu = 1.0, .bad_after = INFINITY};
    bmd_ode_system sys = {two_body_rhs, 6, &p};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    opt.rtol = 1.0;
    opt.atol = 1e30;
    opt.h_initial = h;
    double y0[6], ym[6], yd[6];
    const double t0 = -0.1; /* just before periapsis: the fastest part */
    orbit_state(&o, t0, y0);
    bmd_ode ode;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, t0, y0, NULL), BMD_SUCCESS);
    assert_int_equal(bmd_ode_step(&ode, t0 + h, NULL), BMD_SUCCESS);
    assert_true(ode.t == t0 + h);
    orbit_state(&o, t0 + 0.37 * h, ym);
    bmd_ode_dense(&ode, t0 + 0.37 * h, yd);
    return distance3(yd, ym);
}

static void dense_output_is_seventh_order(void **state)
{
    (void)state;
    /* A continuous extension of order 7 has local error C h^8 inside the step (HNW I, sec. II.6,
     * eq. 6.9): halving h divides the error at s = 0.37 by 2^8 = 256. Accept observed local
     * orders in [7.5, 8.7] (measured 7.95 with h = 0.1 and 0.05, 1/63 and 1/126 of the period;
     * a 6th-order interpolant would give 7). */
    double e1 = dense_midpoint_error(0.1);
    double e2 = dense_midpoint_error(0.05);
    double order = log2(e1 / e2);
    DIAG("dense: e(h)=%.3e e(h/2)=%.3e local order %.3f\n", e1, e2, order);
    assert_true(e2 > 1e-14);
    assert_true(order > 7.5 && order < 8.7);
}

/* ---------------------------------------------------------------------------------------------
 * Exact solutions */

static void exponential_decay_matches_the_exact_solution(void **state)
{
    (void)state;
    problem p = {.bad_after = INFINITY};
    bmd_ode_system sys = {decay_rhs, 3, &p};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    opt.rtol = 1e-10;
    opt.atol = 0.0; /* pure relative control: the solution decays by up to e^-30 */
    double y0[3] = {1.0, 2.0, -3.0};
    bmd_ode ode;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, NULL), BMD_SUCCESS);
    int nh = 0;
    assert_int_equal(bmd_ode_run(&ode, 10.0, NULL, 0, NULL, 0, &nh, NULL, NULL, NULL),
                     BMD_SUCCESS);
    assert_true(ode.t == 10.0);
    for (int i = 0; i < 3; i++) {
        double exact = y0[i] * exp(-(double)(i + 1) * 10.0);
        DIAG("decay %d: rel err %.3e\n", i, fabs(ode.y[i] - exact) / fabs(exact));
        /* y_i(10) = y_i(0) exp(-(i+1) 10): relative error below 1e-8 = 100 rtol (the global
         * error of a local-error controller is a modest multiple of rtol; measured 1.5e-14,
         * 8.1e-12 and 3.2e-10 for the three rates). */
        assert_true(fabs(ode.y[i] - exact) <= 1e-8 * fabs(exact));
    }
}

static void pure_relative_tolerance_copes_with_components_starting_at_zero(void **state)
{
    (void)state;
    /* atol = 0 with y = (r, 0, 0, 0, v, 0): the zero components have zero weight at the start,
     * which must not break the automatic starting step. Kepler circular orbit, 1 period:
     * position error below 1 m (rtol 1e-10; measured 1.7e-3 m). */
    orbit o;
    orbit_setup(&o, MU_EARTH, 7.0e6, 0.0, 0.0, 0.0, 0.0);
    problem p = {.mu = MU_EARTH, .bad_after = INFINITY};
    bmd_ode_system sys = {two_body_rhs, 6, &p};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    opt.rtol = 1e-10;
    opt.atol = 0.0;
    double y0[6], ye[6];
    orbit_state(&o, 0.0, y0);
    y0[1] = y0[2] = y0[3] = y0[5] = 0.0; /* exactly zero, as the orbit has them */
    bmd_ode ode;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, NULL), BMD_SUCCESS);
    int nh;
    assert_int_equal(bmd_ode_run(&ode, o.period, NULL, 0, NULL, 0, &nh, NULL, NULL, NULL),
                     BMD_SUCCESS);
    orbit_state(&o, o.period, ye);
    DIAG("atol 0: pos err %.3e m, steps %ld\n", distance3(ode.y, ye), ode.n_steps);
    assert_true(distance3(ode.y, ye) < 1.0);
}

/* Integrate orbit o from t0 to t1 (times after periapsis) at rtol/atol with the caller's problem
 * context p (it must outlive ode); return the final state. */
static void integrate_orbit(const orbit *o, problem *p, double t0, double t1, double rtol,
                            double atol, double *y_end, bmd_ode *ode)
{
    *p = (problem){.mu = o->mu, .bad_after = INFINITY};
    bmd_ode_system sys = {two_body_rhs, 6, p};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    opt.rtol = rtol;
    opt.atol = atol;
    double y0[6];
    orbit_state(o, t0, y0);
    assert_int_equal(bmd_ode_init(ode, &sys, &opt, t0, y0, NULL), BMD_SUCCESS);
    int nh = 0;
    assert_int_equal(bmd_ode_run(ode, t1, NULL, 0, NULL, 0, &nh, NULL, NULL, NULL), BMD_SUCCESS);
    assert_true(ode->t == t1);
    memcpy(y_end, ode->y, sizeof(double) * 6);
    assert_int_equal(p->calls, ode->n_rhs);
}

static void circular_leo_orbit_matches_kepler_over_five_periods(void **state)
{
    (void)state;
    orbit o;
    /* 400 km circular orbit at 51.6 deg inclination, period 5553.6 s */
    orbit_setup(&o, MU_EARTH, 6778137.0, 0.0, 51.6 * PI / 180.0, 0.7, 0.0);
    double y[6], ye[6];
    bmd_ode ode;
    problem p;
    const double t1 = 5.0 * o.period;
    integrate_orbit(&o, &p, 0.0, t1, 1e-10, 1e-6, y, &ode);
    orbit_state(&o, t1, ye);
    DIAG("LEO: pos err %.3e m vel err %.3e m/s steps %ld rej %ld\n", distance3(y, ye),
         distance3(y + 3, ye + 3), ode.n_steps, ode.n_rejected);
    /* position error vs Kepler's equation below 1 m after 5 periods (brief: rtol 1e-10) */
    assert_true(distance3(y, ye) < 1.0);
    /* velocity error below 1e-3 m/s (1 m of along-track error over a 1.1e-3 rad/s orbit) */
    assert_true(distance3(y + 3, ye + 3) < 1e-3);
}

static void eccentric_orbit_matches_kepler_over_three_periods(void **state)
{
    (void)state;
    orbit o;
    /* e = 0.7, perigee radius 7000 km: a = 23333 km, period 35463 s */
    orbit_setup(&o, MU_EARTH, 7.0e6 / 0.3, 0.7, 63.4 * PI / 180.0, 1.1, 4.2);
    double y[6], ye[6], y0[6];
    bmd_ode ode;
    problem p;
    const double t0 = -0.2 * o.period, t1 = t0 + 3.0 * o.period;
    integrate_orbit(&o, &p, t0, t1, 1e-10, 1e-9, y, &ode);
    orbit_state(&o, t1, ye);
    orbit_state(&o, t0, y0);
    DIAG("e=0.7: pos err %.3e m steps %ld rej %ld\n", distance3(y, ye), ode.n_steps,
         ode.n_rejected);
    /* position error vs Kepler's equation below 1 m after 3 periods, including 3 perigee
     * passages at 9.8 km/s (measured 0.37 m). atol 1e-9 so that the velocities (rtol v ~ 1e-7
     * m/s) are controlled by rtol, not atol. */
    assert_true(distance3(y, ye) < 1.0);
    /* Conservation of energy and angular momentum (BMW eqs. 1.4-2, 1.5-1): the exact flow keeps
     * them; an explicit RK method drifts secularly, mostly at the perigee passages. At
     * rtol = 1e-10: energy relative drift < 1e-8 (measured 1.0e-9, ~3e-10 per passage; a 0.4 m
     * position error at perigee alone could change mu/r by 4e-7 of E, so this is tight), angular
     * momentum < 1e-9 (measured 6.6e-11). */
    double e0 = specific_energy(y0, MU_EARTH), e1 = specific_energy(y, MU_EARTH);
    double h0[3], h1[3];
    angular_momentum(y0, h0);
    angular_momentum(y, h1);
    double hn = sqrt(h0[0] * h0[0] + h0[1] * h0[1] + h0[2] * h0[2]);
    DIAG("e=0.7: rel energy drift %.3e, rel ang mom drift %.3e\n", fabs(e1 - e0) / fabs(e0),
         distance3(h0, h1) / hn);
    assert_true(fabs(e1 - e0) <= 1e-8 * fabs(e0));
    assert_true(distance3(h0, h1) <= 1e-9 * hn);
}

static void rhs_evaluations_are_eleven_per_attempt_plus_one_per_accepted_step(void **state)
{
    (void)state;
    orbit o;
    orbit_setup(&o, MU_EARTH, 7.0e6 / 0.3, 0.7, 1.0, 1.1, 4.2);
    double y[6], yd[6];
    bmd_ode ode;
    problem p;
    integrate_orbit(&o, &p, -0.2 * o.period, 2.0 * o.period, 1e-10, 1e-9, y, &ode);
    /* DOP853 (HNW I, sec. II.10): 12 stages, the first is the last of the previous step (FSAL),
     * so 11 new evaluations per attempt plus f(t+h, y_new) once per accepted step; one at init
     * and one for the automatic starting step (HNW I, sec. II.4). */
    DIAG("count: steps %ld rejected %ld rhs %ld\n", ode.n_steps, ode.n_rejected, ode.n_rhs);
    assert_true(ode.n_rejected >= 1); /* the run does exercise rejections (perigee passages) */
    assert_int_equal(ode.n_rhs, 2 + 11 * (ode.n_steps + ode.n_rejected) + ode.n_steps);
    /* dense output: 3 extra evaluations the first time in a step, none after */
    bmd_ode_dense(&ode, ode.t - 0.3 * ode.h_last, yd);
    bmd_ode_dense(&ode, ode.t - 0.6 * ode.h_last, yd);
    assert_int_equal(ode.n_dense, 1);
    assert_int_equal(ode.n_rhs, 2 + 11 * (ode.n_steps + ode.n_rejected) + ode.n_steps + 3);
    /* plausible step count: an 8th-order method needs few hundred steps for two orbits at 1e-9 */
    assert_true(ode.n_steps > 20 && ode.n_steps < 1000);
}

/* ---------------------------------------------------------------------------------------------
 * Events */

static double radial_velocity_event(double t, const double *y, void *ctx)
{
    (void)t;
    (void)ctx;
    return y[0] * y[3] + y[1] * y[4] + y[2] * y[5]; /* r . v: zero at apsides */
}

static double radius_event(double t, const double *y, void *ctx)
{
    (void)t;
    return sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]) - *(const double *)ctx;
}

static double time_event(double t, const double *y, void *ctx)
{
    (void)y;
    return t - *(const double *)ctx;
}

/* A ballistic arc: perigee radius 2000 km (a fictitious inner point), apogee about 1000 km
 * above the Earth's surface, starting 100 km up on the way out. */
static void ballistic_orbit(orbit *o)
{
    const double r_apogee = 6378137.0 + 1.0e6, r_perigee = 2.0e6;
    orbit_setup(o, MU_EARTH, 0.5 * (r_apogee + r_perigee),
                (r_apogee - r_perigee) / (r_apogee + r_perigee), 0.4, 0.3, 0.2);
}

static void apogee_event_matches_half_period_after_perigee(void **state)
{
    (void)state;
    orbit o;
    ballistic_orbit(&o);
    problem p = {.mu = MU_EARTH, .bad_after = INFINITY};
    bmd_ode_system sys = {two_body_rhs, 6, &p};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    opt.rtol = 1e-10;
    opt.atol = 1e-6;
    opt.event_tol = 1e-9;
    /* start 100 km up on the ascending branch: t0 = -(time from 100 km altitude down to perigee) */
    double t0 = o.period - orbit_time_at_radius_descending(&o, 6378137.0 + 1.0e5);
    double y0[6], ye[6];
    orbit_state(&o, t0, y0);
    bmd_ode ode;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, t0, y0, NULL), BMD_SUCCESS);
    bmd_ode_event ev = {radial_velocity_event, NULL, -1, 0};
    bmd_ode_hit hits[4];
    int nh = 0;
    double t_end = 0.9 * o.period;
    assert_int_equal(bmd_ode_run(&ode, t_end, &ev, 1, hits, 4, &nh, NULL, NULL, NULL),
                     BMD_SUCCESS);
    /* r.v falls through zero only at apogee (perigee is a rising crossing, not in [t0, t_end]) */
    assert_int_equal(nh, 1);
    DIAG("apogee: t err %.3e s\n", hits[0].t - 0.5 * o.period);
    /* apogee at t_perigee + T/2 (BMW sec. 4.2); error below 1e-6 s (measured 1.5e-8 s: event_tol
     * is 1e-9 s, the rest is the trajectory's own error, r.v error / |v^2 - mu/r| with
     * |v^2 - mu/r| = 3.1e7 m^2/s^2 at this apogee) */
    assert_true(fabs(hits[0].t - 0.5 * o.period) < 1e-6);
    orbit_state(&o, hits[0].t, ye);
    assert_true(distance3(hits[0].y, ye) < 1e-3); /* state at the hit from the dense output */
}

static void altitude_crossing_matches_keplers_equation(void **state)
{
    (void)state;
    orbit o;
    ballistic_orbit(&o);
    problem p = {.mu = MU_EARTH, .bad_after = INFINITY};
    bmd_ode_system sys = {two_body_rhs, 6, &p};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    opt.rtol = 1e-10;
    opt.atol = 1e-6;
    double r_100 = 6378137.0 + 1.0e5, r_500 = 6378137.0 + 5.0e5;
    double t0 = o.period - orbit_time_at_radius_descending(&o, r_100); /* ascending */
    double y0[6];
    orbit_state(&o, t0, y0);
    bmd_ode ode;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, t0, y0, NULL), BMD_SUCCESS);
    bmd_ode_event ev[2] = {{radius_event, &r_500, -1, 0}, {radius_event, &r_100, -1, 1}};
    bmd_ode_hit hits[4];
    int nh = 0;
    assert_int_equal(bmd_ode_run(&ode, o.period, ev, 2, hits, 4, &nh, NULL, NULL, NULL),
                     BMD_SUCCESS);
    /* descending through 500 km, then 100 km (terminal): both vs Kepler's equation (BMW eq.
     * 4.2-9 with r = a (1 - e cos E)), error below 1e-6 s */
    for (int i = 0; i < nh; i++)
        DIAG("hit %d: event %d t %.9f\n", i, hits[i].event, hits[i].t);
    assert_int_equal(nh, 2);
    DIAG("altitude: t err 500 km %.3e s, 100 km %.3e s\n",
         hits[0].t - orbit_time_at_radius_descending(&o, r_500),
         hits[1].t - orbit_time_at_radius_descending(&o, r_100));
    assert_int_equal(hits[0].event, 0);
    assert_int_equal(hits[1].event, 1);
    assert_true(fabs(hits[0].t - orbit_time_at_radius_descending(&o, r_500)) < 1e-6);
    assert_true(fabs(hits[1].t - orbit_time_at_radius_descending(&o, r_100)) < 1e-6);
}

static void terminal_event_leaves_the_state_at_the_event(void **state)
{
    (void)state;
    orbit o;
    ballistic_orbit(&o);
    problem p = {.mu = MU_EARTH, .bad_after = INFINITY};
    bmd_ode_system sys = {two_body_rhs, 6, &p};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    opt.rtol = 1e-10;
    opt.atol = 1e-6;
    double r_100 = 6378137.0 + 1.0e5;
    double t0 = o.period - orbit_time_at_radius_descending(&o, r_100); /* ascending */
    double y0[6], ye[6], f[6];
    orbit_state(&o, t0, y0);
    bmd_ode ode;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, t0, y0, NULL), BMD_SUCCESS);
    bmd_ode_event ev = {radius_event, &r_100, -1, 1};
    bmd_ode_hit hit;
    int nh = 0;
    assert_int_equal(bmd_ode_run(&ode, o.period, &ev, 1, &hit, 1, &nh, NULL, NULL, NULL),
                     BMD_SUCCESS);
    assert_int_equal(nh, 1);
    /* the state is the event point, bit for bit, and f is the rhs there */
    assert_true(ode.t == hit.t);
    assert_memory_equal(ode.y, hit.y, sizeof(double) * 6);
    two_body_rhs(ode.t, ode.y, f, &p);
    assert_memory_equal(ode.f, f, sizeof(double) * 6);
    /* the event point is on or past the crossing (radius at or below 100 km, within 1e-9 s of
     * descent at 7 km/s = 7 um) and matches Kepler within 1 mm */
    assert_true(radius_event(0.0, ode.y, &r_100) <= 0.0);
    assert_true(radius_event(0.0, ode.y, &r_100) > -1e-4);
    orbit_state(&o, ode.t, ye);
    assert_true(distance3(ode.y, ye) < 1e-3);
    /* a further run with the same event does not fire again at its start, and continuing to
     * a later time reproduces Kepler (the continuing step is valid) */
    double t2 = ode.t + 50.0;
    assert_int_equal(bmd_ode_run(&ode, t2, &ev, 1, &hit, 1, &nh, NULL, NULL, NULL), BMD_SUCCESS);
    assert_int_equal(nh, 0);
    assert_true(ode.t == t2);
    orbit_state(&o, t2, ye);
    assert_true(distance3(ode.y, ye) < 1e-3);
}

static void given_time_event_fires_at_that_time_with_the_right_state(void **state)
{
    (void)state;
    orbit o;
    orbit_setup(&o, MU_EARTH, 6778137.0, 0.01, 0.9, 0.1, 0.2);
    problem p = {.mu = MU_EARTH, .bad_after = INFINITY};
    bmd_ode_system sys = {two_body_rhs, 6, &p};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    opt.rtol = 1e-11;
    opt.atol = 1e-6;
    double t_ev = 1234.5678, y0[6], ye[6];
    orbit_state(&o, 0.0, y0);
    bmd_ode ode;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, NULL), BMD_SUCCESS);
    bmd_ode_event ev = {time_event, &t_ev, 0, 0};
    bmd_ode_hit hit;
    int nh = 0;
    assert_int_equal(bmd_ode_run(&ode, 3000.0, &ev, 1, &hit, 1, &nh, NULL, NULL, NULL),
                     BMD_SUCCESS);
    assert_int_equal(nh, 1);
    /* g = t - t_ev is linear, so regula falsi lands within rounding; allow event_tol */
    assert_true(fabs(hit.t - t_ev) <= opt.event_tol);
    orbit_state(&o, hit.t, ye);
    assert_true(distance3(hit.y, ye) < 1e-3); /* dense output vs Kepler, 1 mm */
    assert_true(ode.t == 3000.0);             /* not terminal: ran to t_end exactly */
}

static void events_within_one_step_are_reported_in_time_order(void **state)
{
    (void)state;
    problem p = {.bad_after = INFINITY};
    bmd_ode_system sys = {still_rhs, 1, &p};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    opt.h_initial = 100.0;
    double y0 = 0.0, ta = 60.0, tb = 20.0, tc = 40.0;
    bmd_ode ode;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, &y0, NULL), BMD_SUCCESS);
    /* event 0 at 60 s, event 1 at 20 s (terminal? no), event 2 at 40 s: all inside the first
     * 100 s step; reported as 1, 2, 0 */
    bmd_ode_event ev[3] = {{time_event, &ta, 1, 0}, {time_event, &tb, 1, 0}, {time_event, &tc, 1, 0}};
    bmd_ode_hit hits[3];
    int nh = 0;
    assert_int_equal(bmd_ode_run(&ode, 100.0, ev, 3, hits, 3, &nh, NULL, NULL, NULL), BMD_SUCCESS);
    assert_int_equal(ode.n_steps, 1);
    assert_int_equal(nh, 3);
    assert_int_equal(hits[0].event, 1);
    assert_int_equal(hits[1].event, 2);
    assert_int_equal(hits[2].event, 0);
    assert_true(fabs(hits[0].t - 20.0) <= 1e-9 && fabs(hits[1].t - 40.0) <= 1e-9 &&
                fabs(hits[2].t - 60.0) <= 1e-9);
    /* a terminal event in the middle drops the later ones and stops there */
    tc = 40.0;
    ev[2].terminal = 1;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, &y0, NULL), BMD_SUCCESS);
    assert_int_equal(bmd_ode_run(&ode, 100.0, ev, 3, hits, 3, &nh, NULL, NULL, NULL), BMD_SUCCESS);
    assert_int_equal(nh, 2);
    assert_int_equal(hits[1].event, 2);
    assert_true(ode.t == hits[1].t);
    /* the wrong direction does not count: falling-only events on rising g never fire */
    for (int i = 0; i < 3; i++) {
        ev[i].direction = -1;
        ev[i].terminal = 0;
    }
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, &y0, NULL), BMD_SUCCESS);
    assert_int_equal(bmd_ode_run(&ode, 100.0, ev, 3, hits, 3, &nh, NULL, NULL, NULL), BMD_SUCCESS);
    assert_int_equal(nh, 0);
}

static void event_zero_at_the_start_does_not_fire(void **state)
{
    (void)state;
    problem p = {.bad_after = INFINITY};
    bmd_ode_system sys = {still_rhs, 1, &p};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    double y0 = 0.0, t_zero = 5.0;
    bmd_ode ode;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 5.0, &y0, NULL), BMD_SUCCESS);
    bmd_ode_event ev = {time_event, &t_zero, 0, 1}; /* g = t - 5: zero at the start, then > 0 */
    bmd_ode_hit hit;
    int nh = -1;
    assert_int_equal(bmd_ode_run(&ode, 50.0, &ev, 1, &hit, 1, &nh, NULL, NULL, NULL), BMD_SUCCESS);
    assert_int_equal(nh, 0);
    assert_true(ode.t == 50.0);
}

/* Observer: counts calls and checks the step bounds increase. */
typedef struct obs_count {
    long calls;
    double last_t;
    long stop_at;
} obs_count;

static int count_observer(bmd_ode *ode, void *ctx)
{
    obs_count *c = ctx;
    c->calls++;
    if (!(ode->t > ode->t_prev && ode->t_prev >= c->last_t))
        return 1;
    c->last_t = ode->t;
    return (c->stop_at > 0 && c->calls >= c->stop_at) ? 1 : 0;
}

static void observer_is_called_after_every_accepted_step_and_t_end_is_hit_exactly(void **state)
{
    (void)state;
    problem p = {.bad_after = INFINITY};
    bmd_ode_system sys = {decay_rhs, 3, &p};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    double y0[3] = {1.0, 1.0, 1.0};
    bmd_ode ode;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, NULL), BMD_SUCCESS);
    obs_count c = {0, 0.0, 0};
    int nh;
    const double t_end = 1.2345678901234567;
    assert_int_equal(bmd_ode_run(&ode, t_end, NULL, 0, NULL, 0, &nh, count_observer, &c, NULL),
                     BMD_SUCCESS);
    assert_int_equal(c.calls, ode.n_steps);
    assert_true(ode.t == t_end); /* last step clipped to land on t_end bit for bit */
    /* run again to the same t_end: nothing to do; then stepwise runs continue */
    assert_int_equal(bmd_ode_run(&ode, t_end, NULL, 0, NULL, 0, &nh, NULL, NULL, NULL),
                     BMD_SUCCESS);
    for (int i = 1; i <= 10; i++)
        assert_int_equal(bmd_ode_run(&ode, t_end + 0.1 * i, NULL, 0, NULL, 0, &nh, NULL, NULL, NULL),
                         BMD_SUCCESS);
    assert_true(ode.t == t_end + 1.0);
    /* y_i = exp(-(i+1) t) within 1e-8 absolute (default rtol 1e-9, atol 1e-6 on values <= 1;
     * measured 3e-12, 2e-10, 9e-10 after 11 clipped runs) */
    for (int i = 0; i < 3; i++) {
        DIAG("stepwise runs: y%d err %.3e\n", i, fabs(ode.y[i] - exp(-(i + 1) * ode.t)));
        assert_true(fabs(ode.y[i] - exp(-(i + 1) * ode.t)) < 1e-8);
    }
    /* an observer returning nonzero stops the run with BMD_EBADFUNC */
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, NULL), BMD_SUCCESS);
    obs_count stop = {0, 0.0, 3};
    bmd_error e;
    assert_int_equal(bmd_ode_run(&ode, 10.0, NULL, 0, NULL, 0, &nh, count_observer, &stop, &e),
                     BMD_EBADFUNC);
    assert_int_equal(stop.calls, 3);
}

/* ---------------------------------------------------------------------------------------------
 * GSL oracle */

static int gsl_two_body(double t, const double y[], double dydt[], void *params)
{
    return two_body_rhs(t, y, dydt, params) == 0 ? GSL_SUCCESS : GSL_EBADFUNC;
}

/* Integrate the e = 0.1 orbit (perigee 6778 km) with the given J2 over 3 periods, by bmd_ode and
 * by GSL's rk8pd driver, both at rtol 1e-13 and atol 1e-9; final states in yb and yg. */
static void bmd_and_gsl_on_j2_orbit(double j2, const orbit *o, double *yb, double *yg)
{
    problem p = {.mu = MU_EARTH, .j2 = j2, .r_eq = 6378137.0, .bad_after = INFINITY};
    double y0[6];
    orbit_state(o, 0.0, y0);
    const double t1 = 3.0 * o->period;

    bmd_ode_system sys = {two_body_rhs, 6, &p};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    opt.rtol = 1e-13;
    opt.atol = 1e-9;
    bmd_ode ode;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, NULL), BMD_SUCCESS);
    int nh;
    assert_int_equal(bmd_ode_run(&ode, t1, NULL, 0, NULL, 0, &nh, NULL, NULL, NULL), BMD_SUCCESS);
    memcpy(yb, ode.y, sizeof(double) * 6);

    gsl_odeiv2_system gs = {gsl_two_body, NULL, 6, &p};
    gsl_odeiv2_driver *d =
        gsl_odeiv2_driver_alloc_y_new(&gs, gsl_odeiv2_step_rk8pd, 1.0, 1e-9, 1e-13);
    assert_non_null(d);
    double t = 0.0;
    memcpy(yg, y0, sizeof(double) * 6);
    assert_int_equal(gsl_odeiv2_driver_apply(d, &t, t1, yg), GSL_SUCCESS);
    gsl_odeiv2_driver_free(d);
}

static void agrees_with_gsl_rk8pd_on_a_j2_orbit(void **state)
{
    (void)state;
    /* A J2-perturbed orbit has no closed form; GSL's rk8pd (Prince-Dormand 8(7), a different
     * method and controller) is the oracle. J2 = 1.08262668e-3, R = 6378137 m (WGS 84 / EGM96,
     * NIMA TR8350.2). */
    orbit o;
    orbit_setup(&o, MU_EARTH, 6778137.0 / 0.9, 0.1, 0.9, 0.1, 0.2);
    double yb[6], yg[6], yk[6];
    orbit_state(&o, 3.0 * o.period, yk);
    /* First the settings' accuracy: with J2 = 0 both must match Kepler's equation within
     * 1e-4 m after 3 periods (22,000 km of travel each). */
    bmd_and_gsl_on_j2_orbit(0.0, &o, yb, yg);
    DIAG("J2=0: bmd err %.3e m, gsl err %.3e m\n", distance3(yb, yk), distance3(yg, yk));
    assert_true(distance3(yb, yk) < 1e-4);
    assert_true(distance3(yg, yk) < 1e-4);
    /* With J2 both are equally accurate, so they must agree within the sum of their errors:
     * 1 mm (10x margin over 2e-4 m) in position, 1e-6 m/s in velocity. */
    bmd_and_gsl_on_j2_orbit(1.08262668e-3, &o, yb, yg);
    DIAG("J2: pos diff %.3e m, vel diff %.3e m/s, J2 effect %.3e m\n", distance3(yb, yg),
         distance3(yb + 3, yg + 3), distance3(yb, yk));
    assert_true(distance3(yb, yg) < 1e-3);
    assert_true(distance3(yb + 3, yg + 3) < 1e-6);
    /* and the J2 effect itself is far larger than that, so the comparison is not vacuous */
    assert_true(distance3(yb, yk) > 1e3);
}

/* ---------------------------------------------------------------------------------------------
 * Error paths */

static void bad_dimensions_and_tolerances_are_rejected(void **state)
{
    (void)state;
    problem p = {.bad_after = INFINITY};
    bmd_ode_system sys = {decay_rhs, 0, &p};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    double y0[BMD_ODE_MAX_DIM + 1] = {1.0, 1.0, 1.0};
    bmd_ode ode;
    bmd_error e;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, &e), BMD_EINVAL);
    assert_int_equal(e.status, BMD_EINVAL);
    assert_non_null(strstr(e.message, "dimension 0"));
    sys.dim = BMD_ODE_MAX_DIM + 1;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, &e), BMD_EINVAL);
    sys.dim = 3;
    sys.rhs = NULL;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, &e), BMD_EINVAL);
    sys.rhs = decay_rhs;
    opt.rtol = 0.0;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, &e), BMD_EINVAL);
    assert_non_null(strstr(e.message, "rtol"));
    opt.rtol = -1e-9;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, &e), BMD_EINVAL);
    opt.rtol = NAN;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, &e), BMD_EINVAL);
    opt.rtol = 1e-9;
    opt.atol = -1.0;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, &e), BMD_EINVAL);
    opt.atol = 1e-6;
    opt.event_tol = 0.0;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, &e), BMD_EINVAL);
    opt.event_tol = 1e-9;
    opt.max_steps = 0;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, &e), BMD_EINVAL);
    opt.max_steps = 100;
    y0[1] = NAN;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, &e), BMD_EINVAL);
    y0[1] = 1.0;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, &e), BMD_SUCCESS);
    /* backwards or non-finite end times, step limits not after t */
    int nh;
    assert_int_equal(bmd_ode_run(&ode, -1.0, NULL, 0, NULL, 0, &nh, NULL, NULL, &e), BMD_EINVAL);
    assert_int_equal(bmd_ode_run(&ode, NAN, NULL, 0, NULL, 0, &nh, NULL, NULL, &e), BMD_EINVAL);
    assert_int_equal(bmd_ode_step(&ode, 0.0, &e), BMD_EINVAL);
    /* too many events, a NULL event function, a bad direction */
    double tz = 1.0;
    bmd_ode_event ev[BMD_ODE_MAX_EVENTS + 1];
    for (int i = 0; i <= BMD_ODE_MAX_EVENTS; i++)
        ev[i] = (bmd_ode_event){time_event, &tz, 0, 0};
    assert_int_equal(bmd_ode_run(&ode, 2.0, ev, BMD_ODE_MAX_EVENTS + 1, NULL, 0, &nh, NULL, NULL, &e),
                     BMD_EINVAL);
    ev[0].g = NULL;
    assert_int_equal(bmd_ode_run(&ode, 2.0, ev, 1, NULL, 0, &nh, NULL, NULL, &e), BMD_EINVAL);
    ev[0].g = time_event;
    ev[0].direction = 2;
    assert_int_equal(bmd_ode_run(&ode, 2.0, ev, 1, NULL, 0, &nh, NULL, NULL, &e), BMD_EINVAL);
    ev[0].direction = 0;
    /* more events than max_hits */
    assert_int_equal(bmd_ode_run(&ode, 2.0, ev, 1, NULL, 0, &nh, NULL, NULL, &e), BMD_EMAXITER);
}

static void rhs_failures_give_ebadfunc_and_keep_the_last_good_state(void **state)
{
    (void)state;
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    double y0[3] = {1.0, 1.0, 1.0};
    bmd_ode ode;
    bmd_error e;
    int nh;
    /* NaN at the initial point */
    problem p0 = {.bad_after = -1.0, .bad_mode = 1};
    bmd_ode_system sys0 = {decay_rhs, 3, &p0};
    assert_int_equal(bmd_ode_init(&ode, &sys0, &opt, 0.0, y0, &e), BMD_EBADFUNC);
    /* NaN after t = 0.5 */
    problem p1 = {.bad_after = 0.5, .bad_mode = 1};
    bmd_ode_system sys1 = {decay_rhs, 3, &p1};
    assert_int_equal(bmd_ode_init(&ode, &sys1, &opt, 0.0, y0, &e), BMD_SUCCESS);
    assert_int_equal(bmd_ode_run(&ode, 2.0, NULL, 0, NULL, 0, &nh, NULL, NULL, &e), BMD_EBADFUNC);
    assert_int_equal(e.status, BMD_EBADFUNC);
    assert_true(ode.t <= 0.5 && ode.t > 0.0);
    assert_true(fabs(ode.y[0] - exp(-ode.t)) < 1e-8); /* last accepted state is intact */
    /* a nonzero status after t = 0.5 */
    problem p2 = {.bad_after = 0.5, .bad_mode = 2};
    bmd_ode_system sys2 = {decay_rhs, 3, &p2};
    assert_int_equal(bmd_ode_init(&ode, &sys2, &opt, 0.0, y0, &e), BMD_SUCCESS);
    assert_int_equal(bmd_ode_run(&ode, 2.0, NULL, 0, NULL, 0, &nh, NULL, NULL, &e), BMD_EBADFUNC);
    assert_non_null(strstr(e.message, "status 7"));
    /* the two-body rhs with NaN after 100 s through bmd_ode_step */
    problem p3 = {.mu = MU_EARTH, .bad_after = 100.0, .bad_mode = 1};
    bmd_ode_system sys3 = {two_body_rhs, 6, &p3};
    double y6[6] = {7e6, 0, 0, 0, 7.5e3, 0};
    assert_int_equal(bmd_ode_init(&ode, &sys3, &opt, 0.0, y6, &e), BMD_SUCCESS);
    int rc = BMD_SUCCESS;
    while (rc == BMD_SUCCESS && ode.t < 1000.0)
        rc = bmd_ode_step(&ode, 1000.0, &e);
    assert_int_equal(rc, BMD_EBADFUNC);
}

/* y' = 1e-3, y(0) = 1: nearly constant, so Hairer's first-step guess 0.01 |y| / |y'| is 10; the
 * rhs fails after bad_after (a rocket stage past its burnout has no mass left). */
static int slow_rhs(double t, const double *y, double *dydt, void *ctx)
{
    (void)y;
    const problem *p = ctx;
    if (t > p->bad_after)
        return 7;
    dydt[0] = 1e-3;
    return 0;
}

/* The right-hand side need not be defined beyond the end of a run: the automatic first step,
 * its Euler probe included, stays inside [t0, t_end], as dop853's HMAX = XEND - X does.
 * Regression: before, the probe went to t = 10 s here and the run failed with BMD_EBADFUNC
 * (in the flight model: "right-hand side returned status 1 at t = 56.3 s"). */
static void the_first_step_never_probes_beyond_the_end_of_the_run(void **state)
{
    (void)state;
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    problem p = {.bad_after = 1.0, .bad_mode = 2};
    bmd_ode_system sys = {slow_rhs, 1, &p};
    double y0[1] = {1.0};
    bmd_ode ode;
    bmd_error e;
    int nh;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y0, &e), BMD_SUCCESS);
    assert_int_equal(bmd_ode_run(&ode, 1.0, NULL, 0, NULL, 0, &nh, NULL, NULL, &e), BMD_SUCCESS);
    assert_true(ode.t == 1.0);
    /* exact solution y = 1 + 1e-3 t; RK methods integrate a constant slope exactly (to rounding) */
    assert_float_equal(ode.y[0], 1.001, 1e-15);
}

static void step_limit_gives_emaxiter_and_singularity_gives_estep(void **state)
{
    (void)state;
    problem p = {.mu = MU_EARTH, .bad_after = INFINITY};
    bmd_ode_system sys = {two_body_rhs, 6, &p};
    bmd_ode_options opt;
    bmd_ode_options_init(&opt);
    opt.max_steps = 10;
    double y6[6] = {7e6, 0, 0, 0, 7.5e3, 0};
    bmd_ode ode;
    bmd_error e;
    int nh;
    assert_int_equal(bmd_ode_init(&ode, &sys, &opt, 0.0, y6, &e), BMD_SUCCESS);
    assert_int_equal(bmd_ode_run(&ode, 1e5, NULL, 0, NULL, 0, &nh, NULL, NULL, &e), BMD_EMAXITER);
    assert_int_equal(ode.n_steps + ode.n_rejected, 10);
    /* y' = y^2, y(0) = 1 has y = 1/(1 - t): no step can cross t = 1 */
    bmd_ode_system sb = {blowup_rhs, 1, NULL};
    double y1 = 1.0;
    bmd_ode_options_init(&opt);
    assert_int_equal(bmd_ode_init(&ode, &sb, &opt, 0.0, &y1, &e), BMD_SUCCESS);
    assert_int_equal(bmd_ode_run(&ode, 2.0, NULL, 0, NULL, 0, &nh, NULL, NULL, &e), BMD_ESTEP);
    /* stuck at the pole (finite steps may hop just past it: y is then ~1e13 and the error
     * estimate still cannot be met) */
    assert_true(fabs(ode.t - 1.0) < 1e-3 && ode.y[0] > 1e6);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(dop853_tableau_satisfies_its_order_conditions),
        cmocka_unit_test(fixed_steps_converge_at_eighth_order),
        cmocka_unit_test(dense_output_is_seventh_order),
        cmocka_unit_test(exponential_decay_matches_the_exact_solution),
        cmocka_unit_test(pure_relative_tolerance_copes_with_components_starting_at_zero),
        cmocka_unit_test(circular_leo_orbit_matches_kepler_over_five_periods),
        cmocka_unit_test(eccentric_orbit_matches_kepler_over_three_periods),
        cmocka_unit_test(rhs_evaluations_are_eleven_per_attempt_plus_one_per_accepted_step),
        cmocka_unit_test(apogee_event_matches_half_period_after_perigee),
        cmocka_unit_test(altitude_crossing_matches_keplers_equation),
        cmocka_unit_test(terminal_event_leaves_the_state_at_the_event),
        cmocka_unit_test(given_time_event_fires_at_that_time_with_the_right_state),
        cmocka_unit_test(events_within_one_step_are_reported_in_time_order),
        cmocka_unit_test(event_zero_at_the_start_does_not_fire),
        cmocka_unit_test(observer_is_called_after_every_accepted_step_and_t_end_is_hit_exactly),
        cmocka_unit_test(agrees_with_gsl_rk8pd_on_a_j2_orbit),
        cmocka_unit_test(bad_dimensions_and_tolerances_are_rejected),
        cmocka_unit_test(rhs_failures_give_ebadfunc_and_keep_the_last_good_state),
        cmocka_unit_test(step_limit_gives_emaxiter_and_singularity_gives_estep),
        cmocka_unit_test(the_first_step_never_probes_beyond_the_end_of_the_run),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
