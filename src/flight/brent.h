/* brent.h — Brent's root finding, shared by the plan searches (aim.c) and the loft fit
 * (loft_fit.c). Not part of the public API. */
#ifndef BMD_FLIGHT_BRENT_H
#define BMD_FLIGHT_BRENT_H

#include "bmd/error.h"

/* One function of one variable: f(x) into *f; a nonzero status stops the search. */
typedef int (*bmd_brent_fn)(void *ctx, double x, double *f);

/* When the search stops: once the bracket's half-width is at most xtol (also the smallest step
 * taken), or |f| at the best point is at most ftol (0: only an exact zero), and after at most
 * max_iter function evaluations at the latest (then an error). */
typedef struct bmd_brent_stop {
    double xtol;
    double ftol;
    int max_iter;
    const char *fail_message; /* the BMD_EMAXITER message when max_iter is reached */
} bmd_brent_stop;

/* Brent's method (inverse quadratic interpolation, secant and bisection steps) for a root of fn
 * on [a, b], given f(a) = fa and f(b) = fb of opposite signs. Leaves the root in *root. Returns
 * BMD_SUCCESS, fn's status, or BMD_EMAXITER (with stop->fail_message in err). */
int bmd_brent_root(bmd_brent_fn fn, void *ctx, double a, double fa, double b, double fb,
                   const bmd_brent_stop *stop, bmd_error *err, double *root);

#endif
