/* analysis/analysis_internal.h — the lazy analysis the Monte Carlo runs per sample (internal to
 * the analysis layer). */
#ifndef BMD_ANALYSIS_INTERNAL_H
#define BMD_ANALYSIS_INTERNAL_H

#include "bmd/analysis.h"

/* What the lazy run saved. */
typedef struct bmd_analysis_lazy_stats {
    long pairs_determined;   /* pairs not engaged: bmd_engage_fcr_never was certain */
    long tables_built;       /* flyout tables built (not borrowed) */
} bmd_analysis_lazy_stats;

/* bmd_analysis_run with two savings whose results are those of the full run: a flyout table is
 * built only when a pair is engaged with it (a table no pair needs is never built, so its build
 * errors are not reported), and with required_speed off a pair for which bmd_engage_fcr_never is
 * certain is not engaged: status BMD_ANALYSIS_EVALUATED, engagement not engageable with reason
 * BMD_ENGAGE_NO_FCR_COVERAGE, 0 shot opportunities, every time and point NAN or INFINITY as
 * bmd_engage leaves them (detection times included: they are not computed). The pairs run
 * serially. stats may be NULL; else the counts are added to it. */
int bmd_analysis_run_lazy(const bmd_scenario *scn, const bmd_analysis_options *opt,
                          bmd_analysis *out, bmd_analysis_lazy_stats *stats, bmd_error *err);

#endif
