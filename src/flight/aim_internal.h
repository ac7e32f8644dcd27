/* aim_internal.h — helpers shared by the plan searches (aim.c) and target aiming (aim_target.c).
 * Not part of the public API. The "shape parameter" x of a plan is the gravity turn's kick, or
 * pi/2 minus the pitch program's final elevation: x = 0 is vertical, larger x flies flatter. */
#ifndef BMD_AIM_INTERNAL_H
#define BMD_AIM_INTERNAL_H

#include "bmd/aim.h"

/* One search: the fixed inputs, the plan being varied, and the last flight. */
typedef struct aim_eval {
    const bmd_earth *earth;
    const bmd_missile *missile;
    const bmd_site *site;
    const bmd_flight_options *opt;
    bmd_error *err;
    bmd_plan plan;
    bmd_flight_summary sum;
    int evaluations;
    int rc;
} aim_eval;

typedef void (*plan_setter)(bmd_plan *plan, double x);

/* Fly the current plan (counts the evaluation). */
int bmd_aim_fly(aim_eval *a);
/* Ground range of the last flight; 0 when it did not come down. */
double bmd_aim_range_of(const aim_eval *a);
/* The shape parameter of a plan, its setter and its largest value. */
void bmd_aim_set_shape(bmd_plan *p, double x);
double bmd_aim_get_shape(const bmd_plan *p);
double bmd_aim_shape_max(const bmd_plan *p);
/* Setter of the thrust cutoff time. */
void bmd_aim_set_cutoff(bmd_plan *p, double x);
/* Brent's minimisation of -range over [lo, hi] in the parameter set by set; stops at the first
 * flight reaching stop_range_m (INFINITY: never). */
int bmd_aim_maximize_range(aim_eval *a, plan_setter set, double lo, double hi, double tol,
                           double stop_range_m, double *x_best, double *r_best);
/* The pitch program's max range over the final pitch angle (shape x, from *x_best with range
 * *r_best on entry) and the pitch end time in [te_lo, te_hi] s (Powell's method,
 * aim_max_pitch.c); leaves the plan at the best point found and its x and range (m). */
int bmd_aim_max_pitch_program(aim_eval *a, double te_lo, double te_hi, double x_tol,
                              double *x_best, double *r_best);
/* Set up an evaluator from a base plan and check the arguments. */
int bmd_aim_init_eval(aim_eval *a, const bmd_earth *earth, const bmd_missile *missile,
                      const bmd_plan *base, const bmd_site *launch, const bmd_flight_options *opt,
                      bmd_aim_result *result, bmd_error *err);
/* Copy the evaluator's plan and flight into the result. */
void bmd_aim_fill_result(const aim_eval *a, bmd_aim_result *result);

#endif
