/* What it takes: the shots per target and the inventory that reach a required probability of no
 * leakage, and the doctrine names. */
#include <float.h>
#include <string.h>

#include "bmd/exchange.h"

/* Slack on "P >= required": results that differ from the requirement by rounding only (e.g.
 * 1 - 0.2^2 computed as 0.9599999999999999 against 0.96) count as reaching it. A requirement of
 * exactly 1 gets no slack and is met only by a certain kill (p = 1), not by 1 - p^k rounding to 1. */
#define REQUIRED_SLACK (4.0 * DBL_EPSILON)

/* P(no leak) for params with shots and inventory replaced; status as bmd_exchange_evaluate. */
static int p_no_leak_with(const bmd_exchange_params *base, long shots, long inventory, double *out,
                          bmd_error *err)
{
    bmd_exchange_params q = *base;
    q.shots = shots;
    q.inventory = inventory;
    bmd_exchange_result r;
    int st = bmd_exchange_evaluate(&q, &r, err);
    *out = r.p_no_leak;
    return st;
}

/* Smallest inventory reaching target with the given shots: binary search (P(no leak) never
 * decreases with the inventory) between 0 and the inventory that arms every object fully; -1
 * when even that falls short. */
static int inventory_for(const bmd_exchange_params *base, long shots, double target, long *out,
                         bmd_error *err)
{
    long opp = base->doctrine == BMD_EXCHANGE_SLS ? base->looks + 1 : 1;
    long hi = shots * opp * (base->warheads + base->decoys), lo = 0;
    double p;
    int st = p_no_leak_with(base, shots, hi, &p, err);
    if (st)
        return st;
    if (p < target) {
        *out = -1;
        return BMD_SUCCESS;
    }
    while (lo < hi) { /* invariant: hi reaches the target */
        long mid = lo + (hi - lo) / 2;
        if ((st = p_no_leak_with(base, shots, mid, &p, err)))
            return st;
        if (p >= target)
            hi = mid;
        else
            lo = mid + 1;
    }
    *out = hi;
    return BMD_SUCCESS;
}

int bmd_exchange_requirement_for(const bmd_exchange_params *params, double p_required,
                                 bmd_exchange_requirement *req, bmd_error *err)
{
    int st = bmd_exchange_validate(params, err);
    if (st)
        return st;
    if (!(p_required >= 0.0 && p_required <= 1.0))
        return bmd_error_set(err, BMD_EINVAL,
                             "required %g is not a probability (required probability of no "
                             "leakage; allowed [0, 1])", p_required);
    if (!req)
        return bmd_error_set(err, BMD_EINVAL, "exchange requirement pointer is NULL");
    const int certain = p_required == 1.0;
    const double target = certain ? 1.0 : p_required - REQUIRED_SLACK;
    long k = 0;
    for (;; k++) {
        double p;
        if ((st = p_no_leak_with(params, k, BMD_EXCHANGE_UNLIMITED, &p, err)))
            return st;
        if (p >= target && (!certain || params->warheads == 0 || params->sspk == 1.0))
            break;
        if (k == BMD_EXCHANGE_MAX_SHOTS)
            return bmd_error_set(err, BMD_EDOM,
                                 "no number of shots up to %ld per target reaches a probability "
                                 "of no leakage of %g (sspk %g, %ld warheads)",
                                 BMD_EXCHANGE_MAX_SHOTS, p_required, params->sspk,
                                 params->warheads);
    }
    req->shots_needed = k;
    if ((st = inventory_for(params, k, target, &req->inventory_needed, err)))
        return st;
    return inventory_for(params, params->shots, target, &req->inventory_needed_at_shots, err);
}

const char *bmd_exchange_doctrine_name(bmd_exchange_doctrine doctrine)
{
    switch (doctrine) {
    case BMD_EXCHANGE_SALVO:
        return "salvo";
    case BMD_EXCHANGE_SLS:
        return "sls";
    }
    return "unknown";
}

int bmd_exchange_doctrine_parse(const char *name, bmd_exchange_doctrine *doctrine,
                                    bmd_error *err)
{
    if (name && strcmp(name, "salvo") == 0)
        *doctrine = BMD_EXCHANGE_SALVO;
    else if (name && (strcmp(name, "sls") == 0 || strcmp(name, "shoot-look-shoot") == 0))
        *doctrine = BMD_EXCHANGE_SLS;
    else
        return bmd_error_set(err, BMD_EINVAL,
                             "doctrine '%s' is unknown (allowed: salvo, sls)", name ? name : "");
    return BMD_SUCCESS;
}
