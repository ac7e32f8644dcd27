/* bench_integrator — cost of bmdsim's DOP853 (bmd_ode) against GSL's rk8pd and rkf45 at equal
 * accuracy on a ballistic arc.
 *
 * Problem: a ~31-minute ballistic arc from 200 km altitude at 7 km/s, flight-path angle 20 deg,
 * heading north-east, over an oblate (J2) Earth, ending about 22 km up on the way down, with drag
 * (ballistic coefficient beta = 5000 kg/m^2) in an atmosphere that rotates with the Earth. The
 * atmosphere is a bench-only single-scale-height exponential (rho0 = 1.225 kg/m^3, H = 7.2 km) so
 * that the bench does not depend on the atmosphere module. J2 term: Vallado, Fundamentals of
 * Astrodynamics and Applications, 4th ed., eq. 8-30, with WGS 84 / EGM96 constants.
 *
 * Method: a reference solution at rtol 1e-14 (checked against GSL rk8pd at the same tolerance),
 * then every method over a ladder of tolerances (atol = rtol in m and m/s), reporting the final
 * position error, steps, rhs evaluations and the time per trajectory (best of 7 batches, each
 * batch repeated until it lasts >= 50 ms). Finally the cost at matched accuracy (final-position
 * error 1 m and 1 mm) is interpolated log-log on each method's error/cost front.
 *
 * Run: build/dev/bench/bench_integrator */
#define _POSIX_C_SOURCE 200809L /* clock_gettime */

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <gsl/gsl_errno.h>
#include <gsl/gsl_odeiv2.h>

#include "bmd/ode.h"

#define MU 3.986004418e14      /* m^3/s^2, WGS 84 (NIMA TR8350.2) */
#define RE 6378137.0           /* m, WGS 84 equatorial radius */
#define J2 1.08262668e-3       /* EGM96 */
#define OMEGA 7.292115e-5      /* rad/s, WGS 84 Earth rotation rate */
#define RHO0 1.225             /* kg/m^3, bench atmosphere */
#define SCALE_H 7200.0         /* m */
#define BETA 5000.0            /* kg/m^2 */
#define T_END 1870.0           /* s */
#define PI 3.14159265358979323846

typedef struct counter {
    long calls;
} counter;

/* dy/dt for y = (r, v) in an Earth-centred inertial frame: point mass + J2 + drag. */
static int arc_rhs(double t, const double *y, double *dydt, void *ctx)
{
    (void)t;
    ((counter *)ctx)->calls++;
    double r2 = y[0] * y[0] + y[1] * y[1] + y[2] * y[2];
    double r = sqrt(r2);
    double g = -MU / (r2 * r);
    double z2 = y[2] * y[2] / r2;
    double k = -1.5 * J2 * MU * RE * RE / (r2 * r2 * r);
    double vr[3] = {y[3] + OMEGA * y[1], y[4] - OMEGA * y[0], y[5]};
    double vrel = sqrt(vr[0] * vr[0] + vr[1] * vr[1] + vr[2] * vr[2]);
    double rho = RHO0 * exp(-(r - RE) / SCALE_H);
    double d = -0.5 * rho * vrel / BETA;
    dydt[0] = y[3];
    dydt[1] = y[4];
    dydt[2] = y[5];
    dydt[3] = g * y[0] + k * y[0] * (1.0 - 5.0 * z2) + d * vr[0];
    dydt[4] = g * y[1] + k * y[1] * (1.0 - 5.0 * z2) + d * vr[1];
    dydt[5] = g * y[2] + k * y[2] * (3.0 - 5.0 * z2) + d * vr[2];
    return 0;
}

static int arc_rhs_gsl(double t, const double y[], double dydt[], void *ctx)
{
    return arc_rhs(t, y, dydt, ctx) == 0 ? GSL_SUCCESS : GSL_EBADFUNC;
}

/* Initial state: 200 km up on the x axis, 7 km/s, 20 deg above the horizon, heading 45 deg. */
static void initial_state(double *y)
{
    const double v = 7000.0, gam = 20.0 * PI / 180.0, az = 45.0 * PI / 180.0;
    y[0] = RE + 200e3;
    y[1] = 0.0;
    y[2] = 0.0;
    y[3] = v * sin(gam);                /* up */
    y[4] = v * cos(gam) * sin(az);      /* east */
    y[5] = v * cos(gam) * cos(az);      /* north */
}

/* Every method starts with a 1 s trial step (GSL's driver needs one); "bmd dop853 auto" uses
 * bmd_ode's automatic starting step instead. */
enum { M_BMD, M_RK8PD, M_RKF45, M_BMD_AUTO, N_METHODS };
static const char *method_name[N_METHODS] = {"bmd dop853", "gsl rk8pd", "gsl rkf45",
                                             "bmd dop853 auto h0"};
#define H_START 1.0

typedef struct result {
    double rtol;
    double err_m;
    double us;
    long steps, rejected, rhs;
} result;

/* A method at one tolerance; GSL drivers are allocated once, outside the timed loop, and reset
 * per trajectory (bmd_ode needs no allocation at all). */
typedef struct runner {
    int m;
    double rtol;
    counter c;
    gsl_odeiv2_system sys;
    gsl_odeiv2_driver *d;
} runner;

static void runner_open(runner *ru, int m, double rtol)
{
    memset(ru, 0, sizeof *ru);
    ru->m = m;
    ru->rtol = rtol;
    if (m == M_RK8PD || m == M_RKF45) {
        ru->sys = (gsl_odeiv2_system){arc_rhs_gsl, NULL, 6, &ru->c};
        ru->d = gsl_odeiv2_driver_alloc_y_new(
            &ru->sys, m == M_RK8PD ? gsl_odeiv2_step_rk8pd : gsl_odeiv2_step_rkf45, H_START, rtol,
            rtol);
        gsl_odeiv2_driver_set_nmax(ru->d, 0);
    }
}

static void runner_close(runner *ru)
{
    if (ru->d)
        gsl_odeiv2_driver_free(ru->d);
}

/* One trajectory; final state in y, stats in res (may be NULL). */
static int run_once(runner *ru, double *y, result *res)
{
    ru->c.calls = 0;
    initial_state(y);
    if (ru->m == M_BMD || ru->m == M_BMD_AUTO) {
        bmd_ode_system sys = {arc_rhs, 6, &ru->c};
        bmd_ode_options opt;
        bmd_ode_options_init(&opt);
        opt.rtol = ru->rtol;
        opt.atol = ru->rtol;
        opt.max_steps = 10000000;
        opt.h_initial = ru->m == M_BMD ? H_START : 0.0;
        bmd_ode ode;
        bmd_error err;
        int nh;
        if (bmd_ode_init(&ode, &sys, &opt, 0.0, y, &err) ||
            bmd_ode_run(&ode, T_END, NULL, 0, NULL, 0, &nh, NULL, NULL, &err)) {
            fprintf(stderr, "bmd_ode failed: %s\n", err.message);
            return 1;
        }
        memcpy(y, ode.y, 6 * sizeof(double));
        if (res) {
            res->steps = ode.n_steps;
            res->rejected = ode.n_rejected;
        }
    } else {
        gsl_odeiv2_driver_reset_hstart(ru->d, H_START);
        double t = 0.0;
        int s = gsl_odeiv2_driver_apply(ru->d, &t, T_END, y);
        if (s != GSL_SUCCESS) {
            fprintf(stderr, "gsl failed: %d\n", s);
            return 1;
        }
        if (res) {
            res->steps = (long)ru->d->e->count - (long)ru->d->e->failed_steps;
            res->rejected = (long)ru->d->e->failed_steps;
        }
    }
    if (res)
        res->rhs = ru->c.calls;
    return 0;
}

/* A single run of method m at rtol. */
static void run_single(int m, double rtol, double *y, result *res)
{
    runner ru;
    runner_open(&ru, m, rtol);
    run_once(&ru, y, res);
    runner_close(&ru);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* Microseconds per trajectory: best of 7 batches, each repeated until it lasts >= 50 ms. */
static double time_us(int m, double rtol)
{
    runner ru;
    runner_open(&ru, m, rtol);
    double y[6], best = INFINITY;
    long reps = 1;
    for (int b = 0; b < 7; b++) {
        double t0, t1;
        for (;;) {
            t0 = now_s();
            for (long i = 0; i < reps; i++)
                run_once(&ru, y, NULL);
            t1 = now_s();
            if (t1 - t0 >= 0.05)
                break;
            reps *= 2;
        }
        double us = 1e6 * (t1 - t0) / (double)reps;
        if (us < best)
            best = us;
    }
    runner_close(&ru);
    return best;
}

static double dist3(const double *a, const double *b)
{
    return sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) +
                (a[2] - b[2]) * (a[2] - b[2]));
}

/* Cost (us or rhs) to reach final-position error `target` on the front of results r[0..n-1]:
 * log-log interpolation between the two front points bracketing the target. NAN if out of
 * range. */
static double cost_at(const result *r, int n, double target, int use_rhs)
{
    /* the error/cost front: sort by cost, keep points more accurate than every cheaper one */
    int idx[64], nf = 0;
    int order[64];
    for (int i = 0; i < n; i++)
        order[i] = i;
    for (int i = 1; i < n; i++) {
        int v = order[i], j = i;
        double cv = use_rhs ? (double)r[v].rhs : r[v].us;
        while (j > 0 && (use_rhs ? (double)r[order[j - 1]].rhs : r[order[j - 1]].us) > cv) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = v;
    }
    double best_err = INFINITY;
    for (int i = 0; i < n; i++) {
        int k = order[i];
        if (r[k].err_m < best_err) {
            best_err = r[k].err_m;
            idx[nf++] = k;
        }
    }
    for (int i = 0; i + 1 < nf; i++) {
        const result *a = &r[idx[i]], *b = &r[idx[i + 1]];
        if (a->err_m >= target && b->err_m <= target) {
            double ca = use_rhs ? (double)a->rhs : a->us, cb = use_rhs ? (double)b->rhs : b->us;
            double f = log(target / a->err_m) / log(b->err_m / a->err_m);
            return exp(log(ca) + f * log(cb / ca));
        }
    }
    return NAN;
}

int main(void)
{
    gsl_set_error_handler_off();
    double yref[6], ygsl[6], y0[6];
    initial_state(y0);
    run_single(M_BMD, 1e-14, yref, NULL);
    run_single(M_RK8PD, 1e-14, ygsl, NULL);
    double r_end = sqrt(yref[0] * yref[0] + yref[1] * yref[1] + yref[2] * yref[2]);
    printf("Ballistic arc: 200 km, 7 km/s, gamma 20 deg, J2 + drag (beta %.0f kg/m^2), %.0f s\n",
           BETA, T_END);
    printf("final altitude %.1f km, final speed %.1f m/s\n", (r_end - RE) / 1e3,
           sqrt(yref[3] * yref[3] + yref[4] * yref[4] + yref[5] * yref[5]));
    printf("reference: bmd dop853 at rtol 1e-14; gsl rk8pd at 1e-14 differs by %.2e m\n\n",
           dist3(yref, ygsl));

    static const double tols[] = {1e-3, 3e-4, 1e-4, 3e-5, 1e-5, 3e-6, 1e-6, 3e-7, 1e-7, 3e-8, 1e-8, 3e-9, 1e-9, 3e-10,
                                  1e-10, 3e-11, 1e-11, 3e-12, 1e-12, 3e-13, 1e-13};
    const int nt = (int)(sizeof tols / sizeof tols[0]);
    result res[N_METHODS][32];
    int nres[N_METHODS] = {0};

    printf("| method | rtol=atol | steps | rejected | rhs evals | final pos. error (m) | us/trajectory |\n");
    printf("|---|---|---|---|---|---|---|\n");
    for (int m = 0; m < N_METHODS; m++) {
        for (int i = 0; i < nt; i++) {
            if (m == M_RKF45 && tols[i] < 1e-12)
                continue; /* 5th order: too many steps to be of interest */
            result *r = &res[m][nres[m]++];
            double y[6];
            r->rtol = tols[i];
            run_single(m, tols[i], y, r);
            r->err_m = dist3(y, yref);
            r->us = time_us(m, tols[i]);
            printf("| %s | %.0e | %ld | %ld | %ld | %.3e | %.1f |\n", method_name[m], tols[i],
                   r->steps, r->rejected, r->rhs, r->err_m, r->us);
        }
    }

    printf("\nCost at matched accuracy (log-log interpolation on each method's error/cost front)\n\n");
    printf("| final pos. error | bmd us (rhs) | rk8pd us (rhs) | rkf45 us (rhs) | time bmd/rk8pd | "
           "time bmd/rkf45 | rhs bmd/rk8pd | bmd auto h0 us (rhs) |\n");
    printf("|---|---|---|---|---|---|---|---|\n");
    static const double targets[] = {1.0, 1e-3};
    for (int k = 0; k < 2; k++) {
        double us[N_METHODS], rhs[N_METHODS];
        for (int m = 0; m < N_METHODS; m++) {
            us[m] = cost_at(res[m], nres[m], targets[k], 0);
            rhs[m] = cost_at(res[m], nres[m], targets[k], 1);
        }
        printf("| %g m | %.1f (%.0f) | %.1f (%.0f) | %.1f (%.0f) | %.2f | %.2f | %.2f | %.1f (%.0f) |\n",
               targets[k], us[0], rhs[0], us[1], rhs[1], us[2], rhs[2], us[0] / us[1],
               us[0] / us[2], rhs[0] / rhs[1], us[3], rhs[3]);
    }
    return 0;
}
