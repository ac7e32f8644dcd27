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

/* What bmd_analysis_run_lazy_rules calls after the pairs of rule r are evaluated: an is the
 * lazy analysis with launch_on rules[r] (valid during the call only). A nonzero status stops the
 * run and is returned. */
typedef int (*bmd_analysis_rule_visit)(void *ctx, int r, const bmd_analysis *an, bmd_error *err);

/* bmd_analysis_run_lazy for several launch-on rules at once: the threats flown and the tables
 * grouped once, then per rule r the pairs evaluated as bmd_analysis_run_lazy does with
 * opt->engage.launch_on = rules[r] (the rest of the rules as opt resolves them) and visit
 * called; a table built for one rule is kept for the next (a table does not depend on the rule),
 * so each rule's pairs are exactly those of its own bmd_analysis_run_lazy. stats[0..n_rules-1]
 * (required) get each rule's counts (tables: those built during that rule's pass). Errors: those
 * of bmd_analysis_run_lazy and of visit; BMD_EINVAL for no rules, visitor or stats. */
int bmd_analysis_run_lazy_rules(const bmd_scenario *scn, const bmd_analysis_options *opt,
                                const bmd_launch_on *rules, int n_rules,
                                bmd_analysis_rule_visit visit, void *ctx,
                                bmd_analysis_lazy_stats *stats, bmd_error *err);

#endif
