/* The threat draws of the per-pair Monte Carlo's crossed design (mc_draws_internal.h): each draw
 * the samples of a block need is flown once, on a copy of the scenario that holds only the draw's
 * missile flight values (the flights depend on nothing else), and the samples borrow its flights.
 * A sample's own flights, flown from its full values, are the same (the same calls on the same
 * missile and geometry; tested against opt->plain). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "analysis/analysis_internal.h"
#include "analysis/mc_draws_internal.h"

void bmd_analysis_mc_draws_free(bmd_analysis_mc_draws *td)
{
    if (!td)
        return;
    for (long g = 0; td->flown && g < td->k; g++)
        if (td->flown[g]) {
            bmd_analysis_free(&td->an[g]);
            bmd_scenario_free(&td->scn[g]);
        }
    free(td->scn);
    free(td->an);
    free(td->flown);
    memset(td, 0, sizeof *td);
}

/* Fly draw g (row g of values): td->scn[g], td->an[g]. */
static int fly_draw(const bmd_scenario *scn, const bmd_param_set *set, const double *row,
                    const bmd_analysis_options *opt, int threads, const bmd_analysis *nominal,
                    bmd_scenario *copy, bmd_analysis *an, bmd_error *err)
{
    int st = bmd_param_scenario_copy(scn, copy, err);
    if (st)
        return st;
    for (int j = 0; !st && j < set->n; j++)
        if (bmd_analysis_mc_is_flight(&set->items[j]))
            st = bmd_param_apply(copy, set->items[j].path, row[j], err);
    bmd_analysis_options ao = *opt;
    ao.threads = threads;
    ao.required_speed = 0; /* only the flights are kept */
    ao.flights_from = NULL;
    /* the interceptors are the nominal's (no tables when no nominal threat is reachable: the
     * draw's lazy run builds what its pairs need) */
    ao.flyouts_from = nominal->n_flyouts > 0 ? nominal : NULL;
    bmd_analysis_lazy_stats stats = {0};
    if (!st)
        st = bmd_analysis_run_lazy(copy, &ao, an, &stats, err);
    if (st)
        bmd_scenario_free(copy);
    return st;
}

int bmd_analysis_mc_fly_draws(const bmd_scenario *scn, const bmd_param_set *set,
                              const double *values, const bmd_analysis_options *opt, int threads,
                              const bmd_analysis *nominal, long k, long first, long count,
                              bmd_analysis_mc_draws *td, bmd_error *err)
{
    memset(td, 0, sizeof *td);
    if (k < 1)
        return BMD_SUCCESS;
    td->k = k;
    td->scn = calloc((size_t)k, sizeof *td->scn);
    td->an = calloc((size_t)k, sizeof *td->an);
    td->flown = calloc((size_t)k, 1);
    unsigned char *need = calloc((size_t)k, 1);
    int st = BMD_SUCCESS;
    if (!td->scn || !td->an || !td->flown || !need)
        st = bmd_error_set(err, BMD_ENOMEM, "Monte Carlo: out of memory for %ld threat draws", k);
    for (long i = 0; !st && i < count && i < k; i++)
        need[(first + i) % k] = 1; /* count >= k: every draw */
    const int d = set ? set->n : 0;
    for (long g = 0; !st && g < k; g++) {
        if (!need[g])
            continue;
        bmd_error inner;
        bmd_error_clear(&inner);
        st = fly_draw(scn, set, values + g * d, opt, threads, nominal, &td->scn[g], &td->an[g],
                      &inner);
        if (!st) {
            td->flown[g] = 1;
            continue;
        }
        char vals[400] = "";
        size_t w = 0;
        for (int j = 0; j < d && w < sizeof vals; j++)
            if (bmd_analysis_mc_is_flight(&set->items[j]))
                w += (size_t)snprintf(vals + w, sizeof vals - w, "%s%s=%.6g", w ? ", " : "",
                                      set->items[j].path, values[g * d + j]);
        bmd_error_set(err, st, "Monte Carlo threat draw %ld of %ld (%s): %s", g + 1, k, vals,
                      inner.message);
    }
    free(need);
    if (st)
        bmd_analysis_mc_draws_free(td);
    return st;
}
