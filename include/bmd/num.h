/* bmd/num.h — the numerical methods of bmdsim, written once: root finding in one variable
 * (bisection, Brent, Illinois), bisection on a predicate, minimisation in one variable
 * (golden section, Brent) and cubic Hermite interpolation of a sampled path. Every solver of the library uses these (docs/architecture.md lists
 * the call sites). The function evaluated is a callback with a context pointer; a nonzero status
 * it returns stops the method and is returned unchanged. No allocation, thread-safe.
 * References: R. P. Brent, Algorithms for Minimization without Derivatives (1973), ch. 4 and 5;
 * W. H. Press et al., Numerical Recipes (3rd ed., 2007), 9.1-9.3 and 10.2-10.3; M. Dowell and
 * P. Jarratt, BIT 11 (1971) 168-174 (the Illinois method). */
#ifndef BMD_NUM_H
#define BMD_NUM_H

#include "bmd/api.h"
#include "bmd/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One function of one variable: f(x) into *f; a nonzero status stops the method. */
typedef int (*bmd_num_fn)(void *ctx, double x, double *f);

/* When a root search stops: once the bracket's half-width is at most xtol (for Brent also the
 * smallest step taken), or |f| at the best point is at most ftol (0: only an exact zero). After
 * max_iter function evaluations it fails with BMD_EMAXITER and fail_message (NULL: a generic
 * message naming the method and the bracket). */
typedef struct bmd_num_stop {
    double xtol;
    double ftol;
    int max_iter;
    const char *fail_message;
} bmd_num_stop;

/* Brent's method (inverse quadratic interpolation, secant and bisection steps; Brent 1973 ch. 4,
 * Numerical Recipes' zbrent) for a root of fn on [a, b], given fa = f(a) and fb = f(b) of
 * opposite signs (or one of them zero). Leaves the root in *root. Order about 1.8 on a simple
 * root, never slower than bisection by more than a factor of about 2 in evaluations.
 * Errors: BMD_EINVAL if fa and fb have the same sign or one is not finite, or a bound is not
 * finite; BMD_EMAXITER; fn's status. */
BMD_API int bmd_num_brent_root(bmd_num_fn fn, void *ctx, double a, double fa, double b, double fb,
                               const bmd_num_stop *stop, bmd_error *err, double *root);

/* The Illinois variant of regula falsi (Dowell & Jarratt 1971; order 1.442) with a bisection
 * every fourth step and no step closer than xtol/2 to either end, for a root of fn between a
 * (fa != 0) and b > a, fa and fb of opposite signs. Stops when the bracket is at most xtol wide,
 * f is exactly zero, the bracket cannot shrink in double precision, or after max_iter
 * evaluations (not an error: the bracket is then as narrow as it got). *root is the end of the
 * final bracket on b's side (f there has the sign of fb or is zero): the root is never after it by
 * more than the bracket. Errors: BMD_EINVAL if the bracket is not a sign change or not ordered;
 * fn's status. */
BMD_API int bmd_num_illinois(bmd_num_fn fn, void *ctx, double a, double fa, double b, double fb,
                             const bmd_num_stop *stop, bmd_error *err, double *root);

/* Which side of a bisection x belongs to: that of a, that of b, or neither (the function is not
 * defined there: the bisection stops and keeps the bracket it had). */
enum { BMD_NUM_SIDE_A = 0, BMD_NUM_SIDE_B = 1, BMD_NUM_SIDE_NONE = -1 };

/* A predicate of one variable: *side gets BMD_NUM_SIDE_A, _B or _NONE for x. A nonzero status
 * stops the bisection. */
typedef int (*bmd_num_side_fn)(void *ctx, double x, int *side);

/* Bisection on a predicate: halves [*a, *b] (either order) at most max_halvings times, keeping
 * *a on a's side and *b on b's side, until |*b - *a| <= xtol (0: only the count stops it) or the
 * predicate answers BMD_NUM_SIDE_NONE. Linear convergence: the bracket is exactly halved per
 * evaluation. *halvings (may be NULL) gets the number of halvings done. Returns BMD_SUCCESS or
 * side's status. */
BMD_API int bmd_num_bisect_side(bmd_num_side_fn side, void *ctx, double *a, double *b,
                                int max_halvings, double xtol, int *halvings);

/* Bisection for a root of fn on [a, b] given fa = f(a), fb = f(b) of opposite signs: stops when
 * the half-width of the bracket is at most xtol or |f(mid)| <= ftol; *root is the midpoint of
 * the final bracket. Errors: BMD_EINVAL for a bracket without a sign change; BMD_EMAXITER;
 * BMD_EBADFUNC if fn gives a non-finite value; fn's status. */
BMD_API int bmd_num_bisect(bmd_num_fn fn, void *ctx, double a, double fa, double b, double fb,
                           const bmd_num_stop *stop, bmd_error *err, double *root);

/* Options of a minimisation in one variable. */
typedef struct bmd_num_min_options {
    double xtol;      /* absolute tolerance on x */
    double rtol;      /* relative tolerance on x (Brent: tol = xtol + rtol |x|) */
    int max_iter;     /* at most this many evaluations after the first (not an error) */
    double f_stop;    /* stop at once at the first f <= f_stop (-INFINITY: never) */
} bmd_num_min_options;

/* Brent's minimisation (golden section with parabolic steps; Brent 1973 ch. 5, Numerical
 * Recipes' brent) of fn on [lo, hi], starting from the golden-section point. *x_min and *f_min
 * get the best point found. Errors: BMD_EINVAL for lo > hi or a non-finite bound; fn's status. */
BMD_API int bmd_num_brent_min(bmd_num_fn fn, void *ctx, double lo, double hi,
                              const bmd_num_min_options *opt, bmd_error *err, double *x_min,
                              double *f_min);

/* Golden-section search (Kiefer 1953; Numerical Recipes 10.2) for a minimum of fn on [a, b],
 * until the bracket is at most xtol wide; *x_min and *f_min get the better of the two interior
 * points. Linear convergence with ratio 0.618 per evaluation. Errors: BMD_EINVAL for a > b or a
 * non-finite bound or xtol <= 0; fn's status. */
BMD_API int bmd_num_golden_min(bmd_num_fn fn, void *ctx, double a, double b, double xtol,
                               bmd_error *err, double *x_min, double *f_min);

/* Cubic Hermite interpolation between two samples of a 3-vector and its rate: r0, v0 at t0_s
 * and r1, v1 at t1_s (t0_s != t1_s; SI units, e.g. m and m/s). r gets the value at t_s and, when
 * v is not NULL, v its derivative (exact for a cubic; error O(h^4) in r for a smooth path). t_s
 * outside [t0_s, t1_s] extrapolates the cubic. No checks, no errors: the callers' samples are
 * validated where they are made (Burden and Faires, Numerical Analysis, sec. 3.4). */
BMD_API void bmd_num_hermite3(double t0_s, const double r0[3], const double v0[3], double t1_s,
                              const double r1[3], const double v1[3], double t_s, double r[3],
                              double v[3]);

/* The number of threads a parallel loop of the library runs on: requested when > 0, else
 * OpenMP's default (omp_get_max_threads: OMP_NUM_THREADS or the cores); 1 in a build without
 * OpenMP. Thread count never changes a result (every parallel loop reduces in a fixed order). */
BMD_API int bmd_num_threads(int requested);

#ifdef __cplusplus
}
#endif
#endif
