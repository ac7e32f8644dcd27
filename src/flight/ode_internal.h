/* flight/ode_internal.h — what the DOP853 stepper (ode.c) shares with the event-driven driver
 * (ode_run.c). Private to src/flight. */
#ifndef BMD_FLIGHT_ODE_INTERNAL_H
#define BMD_FLIGHT_ODE_INTERNAL_H

#include "bmd/ode.h"

/* Evaluate the right-hand side, count it and check its status and that every value is finite. */
int bmd_ode_internal_eval_rhs(bmd_ode *ode, double t, const double *y, double *dydt, bmd_error *err);

/* Take one accepted step, at most to t_limit, counting attempts against *budget (decremented per
 * attempt; BMD_EMAXITER when it runs out). */
int bmd_ode_internal_step(bmd_ode *ode, double t_limit, long *budget, bmd_error *err);

/* The solution at t with error reporting (dense output built on first use). */
int bmd_ode_internal_dense_at(bmd_ode *ode, double t, double *y_out, bmd_error *err);

#endif
