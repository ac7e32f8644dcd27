/* The event-driven driver of the integrator (bmd_ode_run): steps of ode.c, sign changes of the
 * event functions at step ends, roots located on the dense output. See include/bmd/ode.h. */
#include <float.h>
#include <math.h>
#include <string.h>

#include "bmd/ode.h"
#include "flight/ode_internal.h"
#include "bmd/num.h"

/* Evaluate event function ev at t on the dense output; BMD_EBADFUNC if it is not finite. */
static int event_value(bmd_ode *ode, const bmd_ode_event *ev, int index, double t, double *g,
                       bmd_error *err)
{
    double y[BMD_ODE_MAX_DIM];
    int rc = bmd_ode_internal_dense_at(ode, t, y, err);
    if (rc)
        return rc;
    *g = ev->g(t, y, ev->ctx);
    if (!isfinite(*g))
        return bmd_error_set(err, BMD_EBADFUNC, "event function %d gave %g at t = %.17g s", index,
                             *g, t);
    return BMD_SUCCESS;
}

/* Locate the zero of g in [ta, tb], where g(ta) = ga != 0 and g(tb) = gb have opposite signs, by
 * the Illinois variant of regula falsi (Dowell & Jarratt, BIT 11, 1971) with a bisection every
 * fourth iteration and a minimum step of tol/2, until the bracket is narrower than tol. Returns
 * the end of the final bracket on the far side of the crossing (g there has the sign of gb or is
 * zero), so the event point never lies before the true crossing by more than rounding. */
/* The event function as a bmd_num_fn. */
typedef struct event_ctx {
    bmd_ode *ode;
    const bmd_ode_event *ev;
    int index;
    bmd_error *err;
} event_ctx;

static int event_fn(void *ctx, double t, double *g)
{
    event_ctx *c = ctx;
    return event_value(c->ode, c->ev, c->index, t, g, c->err);
}

/* Time of the event between ta (value ga != 0) and tb (gb of the other sign or zero): Illinois
 * (bmd_num_illinois, 200 evaluations at most) to tol; the end of the bracket on tb's side. */
static int locate_root(bmd_ode *ode, const bmd_ode_event *ev, int index, double ta, double ga,
                       double tb, double gb, double tol, double *t_root, bmd_error *err)
{
    event_ctx c = {ode, ev, index, err};
    const bmd_num_stop stop = {.xtol = tol, .ftol = 0.0, .max_iter = 200, .fail_message = NULL};
    return bmd_num_illinois(event_fn, &c, ta, ga, tb, gb, &stop, err, t_root);
}

/* An event candidate within one step. */
typedef struct candidate {
    int event;
    double t;
} candidate;

/* Check the arguments of bmd_ode_run. */
static int check_run_args(const bmd_ode *ode, double t_end, const bmd_ode_event *events,
                          int n_events, const bmd_ode_hit *hits, int max_hits, bmd_error *err)
{
    if (!isfinite(t_end) || t_end < ode->t)
        return bmd_error_set(err, BMD_EINVAL,
                             "end time %.17g s is not allowed; it must be finite and not before the "
                             "current time %.17g s", t_end, ode->t);
    if (n_events < 0 || n_events > BMD_ODE_MAX_EVENTS)
        return bmd_error_set(err, BMD_EINVAL, "%d event functions are not allowed; 0..%d are",
                             n_events, BMD_ODE_MAX_EVENTS);
    if (n_events > 0 && !events)
        return bmd_error_set(err, BMD_EINVAL, "events must not be NULL when n_events is %d",
                             n_events);
    for (int i = 0; i < n_events; i++) {
        if (!events[i].g)
            return bmd_error_set(err, BMD_EINVAL, "event %d has no function", i);
        if (events[i].direction < -1 || events[i].direction > 1)
            return bmd_error_set(err, BMD_EINVAL,
                                 "event %d has direction %d; it must be -1, 0 or +1", i,
                                 events[i].direction);
    }
    if (max_hits < 0 || (max_hits > 0 && !hits))
        return bmd_error_set(err, BMD_EINVAL,
                             "max_hits %d is not allowed; it must be >= 0, with hits not NULL if > 0",
                             max_hits);
    return BMD_SUCCESS;
}

/* Find the events of the last step, given their values g_old at t_prev (updated to the values at
 * t), and store them in cand[] sorted by time. */
static int step_events(bmd_ode *ode, const bmd_ode_event *events, int n_events, double *g_old,
                       candidate *cand, int *n_cand, bmd_error *err)
{
    *n_cand = 0;
    for (int i = 0; i < n_events; i++) {
        const bmd_ode_event *ev = &events[i];
        double ga = g_old[i];
        double gb = ev->g(ode->t, ode->y, ev->ctx);
        if (!isfinite(gb))
            return bmd_error_set(err, BMD_EBADFUNC, "event function %d gave %g at t = %.17g s", i,
                                 gb, ode->t);
        g_old[i] = gb;
        /* A crossing needs a nonzero start value (a zero start never fires) and an end value of
         * the other sign or zero, in the allowed direction. */
        if (ga == 0.0 || (gb != 0.0 && (gb > 0.0) == (ga > 0.0)))
            continue;
        if ((ev->direction > 0 && ga > 0.0) || (ev->direction < 0 && ga < 0.0))
            continue;
        double t_root;
        int rc = locate_root(ode, ev, i, ode->t_prev, ga, ode->t, gb, ode->opt.event_tol, &t_root,
                             err);
        if (rc)
            return rc;
        /* insert sorted by time (stable for equal times) */
        int j = *n_cand;
        while (j > 0 && cand[j - 1].t > t_root) {
            cand[j] = cand[j - 1];
            j--;
        }
        cand[j].event = i;
        cand[j].t = t_root;
        (*n_cand)++;
    }
    return BMD_SUCCESS;
}

int bmd_ode_run(bmd_ode *ode, double t_end, const bmd_ode_event *events, int n_events,
                bmd_ode_hit *hits, int max_hits, int *n_hits, bmd_ode_observer_fn observer,
                void *observer_ctx, bmd_error *err)
{
    int local_hits = 0;
    if (!n_hits)
        n_hits = &local_hits;
    *n_hits = 0;
    if (!ode)
        return bmd_error_set(err, BMD_EINVAL, "ode must not be NULL");
    int rc = check_run_args(ode, t_end, events, n_events, hits, max_hits, err);
    if (rc)
        return rc;

    double g_old[BMD_ODE_MAX_EVENTS];
    candidate cand[BMD_ODE_MAX_EVENTS];
    for (int i = 0; i < n_events; i++) {
        g_old[i] = events[i].g(ode->t, ode->y, events[i].ctx);
        if (!isfinite(g_old[i]))
            return bmd_error_set(err, BMD_EBADFUNC, "event function %d gave %g at t = %.17g s", i,
                                 g_old[i], ode->t);
    }

    long budget = ode->opt.max_steps;
    while (ode->t < t_end) {
        if ((rc = bmd_ode_internal_step(ode, t_end, &budget, err)))
            return rc;
        if (observer && observer(ode, observer_ctx) != 0)
            return bmd_error_set(err, BMD_EBADFUNC, "the observer stopped the run at t = %.17g s",
                                 ode->t);
        int n_cand;
        if ((rc = step_events(ode, events, n_events, g_old, cand, &n_cand, err)))
            return rc;
        for (int c = 0; c < n_cand; c++) {
            if (*n_hits >= max_hits)
                return bmd_error_set(err, BMD_EMAXITER,
                                     "more than max_hits = %d events occurred (event %d at t = "
                                     "%.17g s)", max_hits, cand[c].event, cand[c].t);
            bmd_ode_hit *hit = &hits[*n_hits];
            hit->event = cand[c].event;
            hit->t = cand[c].t;
            if (hit->t == ode->t)
                memcpy(hit->y, ode->y, (size_t)ode->sys.dim * sizeof(double));
            else if ((rc = bmd_ode_internal_dense_at(ode, hit->t, hit->y, err)))
                return rc;
            (*n_hits)++;
            if (events[cand[c].event].terminal) {
                if (hit->t != ode->t) {
                    /* Move the state to the event point; f anew so a further step is valid.
                     * The dense output of the step stays valid (it is already built). */
                    double f_ev[BMD_ODE_MAX_DIM];
                    if ((rc = bmd_ode_internal_eval_rhs(ode, hit->t, hit->y, f_ev, err)))
                        return rc;
                    ode->t = hit->t;
                    memcpy(ode->y, hit->y, (size_t)ode->sys.dim * sizeof(double));
                    memcpy(ode->f, f_ev, (size_t)ode->sys.dim * sizeof(double));
                }
                return BMD_SUCCESS;
            }
        }
    }
    return BMD_SUCCESS;
}
