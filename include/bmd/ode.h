/* bmd/ode.h — adaptive Runge-Kutta integration with dense output and event location.
 *
 * The method is Dormand & Prince's explicit 8(5,3) pair "DOP853" (Hairer, Norsett & Wanner,
 * Solving Ordinary Differential Equations I, 2nd ed., 1993, sec. II.10) with its 7th-order dense
 * output. Error control per component: |err_i| <= atol + rtol * max(|y_i(t)|, |y_i(t+h)|),
 * combined as in Hairer's code.
 *
 * Built for many trajectories in parallel: the workspace is a plain struct with fixed-size arrays
 * (no allocation at all), the right-hand side is a function pointer with a context pointer, and
 * there is no global state. One workspace per thread. */
#ifndef BMD_ODE_H
#define BMD_ODE_H

#include "bmd/api.h"

#include "bmd/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Largest system dimension a workspace holds. */
#define BMD_ODE_MAX_DIM 16

/* Most event functions one bmd_ode_run call watches. */
#define BMD_ODE_MAX_EVENTS 16

/* Right-hand side dy/dt = f(t, y). Return 0 on success, nonzero to abort the integration (the
 * integrator then returns BMD_EBADFUNC). */
typedef int (*bmd_ode_rhs_fn)(double t, const double *y, double *dydt, void *ctx);

/* The problem: right-hand side, dimension (1..BMD_ODE_MAX_DIM) and the context passed to rhs. */
typedef struct bmd_ode_system {
    bmd_ode_rhs_fn rhs;
    int dim;
    void *ctx;
} bmd_ode_system;

/* Tolerances and limits. */
typedef struct bmd_ode_options {
    double rtol;          /* relative tolerance (> 0) */
    double atol;          /* absolute tolerance, in the units of y (>= 0; rtol + atol > 0) */
    double h_initial;     /* first step (s); 0 chooses one automatically */
    double h_max;         /* largest step (s); 0 means no limit */
    double event_tol;     /* events are located to this accuracy in t (s); > 0 */
    long max_steps;       /* accepted + rejected steps allowed per bmd_ode_run call */
} bmd_ode_options;

/* Defaults: rtol 1e-9, atol 1e-6, automatic first step, no h_max, event_tol 1e-9 s,
 * max_steps 1,000,000. */
BMD_API void bmd_ode_options_init(bmd_ode_options *opt);

/* The integrator's workspace and state. Read t, y and the counters; change nothing directly. */
typedef struct bmd_ode {
    bmd_ode_system sys;
    bmd_ode_options opt;
    double t;                          /* current time */
    double t_prev;                     /* start of the last accepted step */
    double h;                          /* next step size to try (0: choose automatically) */
    double h_last;                     /* length of the last accepted step (dense output) */
    double y[BMD_ODE_MAX_DIM];         /* current state */
    double y_prev[BMD_ODE_MAX_DIM];    /* state at t_prev */
    double f[BMD_ODE_MAX_DIM];         /* dy/dt at (t, y) (first-same-as-last) */
    double f_prev[BMD_ODE_MAX_DIM];    /* dy/dt at (t_prev, y_prev) */
    double k[16][BMD_ODE_MAX_DIM];     /* stages of the last step: 0..11, then 13..15 (dense) */
    double dense[8][BMD_ODE_MAX_DIM];  /* dense-output coefficients of the last step */
    int dense_ready;                   /* dense[] computed for the last step */
    int have_step;                     /* at least one step accepted since init */
    int last_rejected;                 /* step-control memory: the last attempt was rejected */
    double err_old;                    /* step-control memory: error of the last accepted step */
    double h_acc;                      /* step-control memory: its size (0: none, or clipped) */
    long n_steps;                      /* accepted steps since init */
    long n_rejected;                   /* rejected steps since init */
    long n_rhs;                        /* right-hand-side evaluations since init */
    long n_dense;                      /* steps whose dense output was built (3 rhs calls each) */
} bmd_ode;

/* Start an integration at (t0, y0). Evaluates the right-hand side once.
 * Errors: BMD_EINVAL for a dimension outside 1..BMD_ODE_MAX_DIM, a NULL rhs, or tolerances that are
 * not positive and finite; BMD_EBADFUNC if rhs fails or gives a non-finite value at y0. */
BMD_API int bmd_ode_init(bmd_ode *ode, const bmd_ode_system *sys, const bmd_ode_options *opt, double t0,
                         const double *y0, bmd_error *err);

/* Take one accepted step forward, never past t_limit (> ode->t). Afterwards the step spans
 * [ode->t_prev, ode->t] and bmd_ode_dense can evaluate the solution anywhere inside it.
 * Errors: BMD_ESTEP if the step size underflows, BMD_EBADFUNC if rhs fails or gives non-finite
 * values, BMD_EINVAL if t_limit <= t. On error the state is left at the last accepted step. */
BMD_API int bmd_ode_step(bmd_ode *ode, double t_limit, bmd_error *err);

/* The solution at t within the last accepted step [t_prev, t] from the 7th-order dense output
 * (3 extra rhs evaluations the first time per step). Outside the step it extrapolates. Before the
 * first step it gives the current state; if rhs fails in the extra stages, y_out is all NaN. */
BMD_API void bmd_ode_dense(bmd_ode *ode, double t, double *y_out);

/* An event function g(t, y): an event happens where g crosses zero. */
typedef double (*bmd_ode_event_fn)(double t, const double *y, void *ctx);

/* An event: its function and context, the crossing direction that counts (+1: g rising through
 * zero, -1: falling, 0: either), and whether it stops the run (terminal). */
typedef struct bmd_ode_event {
    bmd_ode_event_fn g;
    void *ctx;
    int direction;
    int terminal;
} bmd_ode_event;

/* One located event: which (index into the events array), when, and the state then. */
typedef struct bmd_ode_hit {
    int event;
    double t;
    double y[BMD_ODE_MAX_DIM];
} bmd_ode_hit;

/* Called after every accepted step (ode->t_prev .. ode->t) with the workspace, before events of
 * that step are reported; return 0 to continue, nonzero to stop the run with BMD_EBADFUNC. */
typedef int (*bmd_ode_observer_fn)(bmd_ode *ode, void *ctx);

/* Integrate from the current state to t_end, or until the first terminal event, whichever comes
 * first. Events are found by sign changes of g between step ends and located by root finding on
 * the dense output to opt.event_tol; the hits are stored in time order in hits[0..*n_hits-1]
 * (hits may be NULL when max_hits is 0). When a terminal event stops the run, the state
 * (ode->t, ode->y) is set to the event point, so a new phase can start from it with
 * bmd_ode_init; *n_hits counts it and hits[*n_hits-1] is it. The observer may be NULL.
 * Integration runs forward only: t_end == t returns at once, t_end < t is BMD_EINVAL. An event
 * function that is exactly zero at the start does not fire there (only crossings count).
 * Errors: those of bmd_ode_step; BMD_EINVAL for bad arguments (more than BMD_ODE_MAX_EVENTS
 * events, a NULL g, a direction outside -1..1); BMD_EBADFUNC if g is not finite or the observer
 * stops the run; BMD_EMAXITER when max_steps is exceeded or more than max_hits events occur. */
BMD_API int bmd_ode_run(bmd_ode *ode, double t_end, const bmd_ode_event *events, int n_events,
                        bmd_ode_hit *hits, int max_hits, int *n_hits, bmd_ode_observer_fn observer,
                        void *observer_ctx, bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
