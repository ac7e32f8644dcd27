/* Internal to the coverage probability (src/analysis/mc_footprint*.c). */
#ifndef BMD_ANALYSIS_MC_FOOTPRINT_INTERNAL_H
#define BMD_ANALYSIS_MC_FOOTPRINT_INTERNAL_H

#include "bmd/montecarlo.h"
#include "analysis/mc_draws_internal.h"
#include "bmd/footprint_input.h"

/* mc_footprint_one.c: one footprint of a scenario. */

/* The catalogue entry whose missile flies (NULL when none). */
const bmd_catalog_missile *bmd_mcf_entry_of(const bmd_scenario *scn,
                                            const bmd_mc_footprint_input *in);

/* The plain path: the footprint of scenario s prepared, flown and engaged into cells. */
int bmd_mcf_footprint_of(const bmd_scenario *s, const bmd_mc_footprint_input *in, int threads,
                         bmd_footprint_cell *cells, bmd_error *err);

/* One sample: a copy of scn with values applied, its footprint into cells (fl NULL: the plain
 * path; else the kept flights fl of fp re-engaged by the sample's defence, only the tables of
 * the sites whose radar sees some flight built). */
int bmd_mcf_run_sample(const bmd_scenario *scn, const bmd_param_set *set, const double *values,
                       const bmd_mc_footprint_input *in, const bmd_footprint *fp,
                       const bmd_footprint_flown *fl, bmd_footprint_cell *cells,
                       long *engagements, bmd_error *err);

/* The fast path's nominal: prepare (*fp), fly every cell once (*fl), engage by the nominal
 * defence into cells. When keep is given the nominal defence and options are kept there (the
 * caller frees *keep with bmd_footprint_defense_free and free, also on error). */
int bmd_mcf_nominal_fast(const bmd_scenario *scn, const bmd_mc_footprint_input *in, int threads,
                         bmd_footprint **fp, bmd_footprint_flown **fl, bmd_footprint_cell *cells,
                         long *engagements, bmd_footprint_defense **keep,
                         bmd_footprint_options *keep_o, bmd_error *err);

/* One threat draw of the crossed design: a copy of scn with only the missile flight values of
 * values applied, its footprint prepared and every cell flown once; cold (warm NULL) with the
 * copy's own defence *d, warm with the nominal's defence d0, options o0 and flights warm as the
 * aims' warm starts. *copy (valid when *have_copy), *d, *fp and *fl are the caller's to free,
 * also on error. */
int bmd_mcf_draw_flights(const bmd_scenario *scn, const bmd_param_set *params,
                         const double *values, const bmd_mc_footprint_input *in, int threads,
                         const bmd_footprint_defense *d0, const bmd_footprint_options *o0,
                         const bmd_footprint_flown *warm, bmd_scenario *copy,
                         bmd_footprint_defense **d, bmd_footprint **fp, bmd_footprint_flown **fl,
                         long *warm_cells, int *have_copy, bmd_error *err);

#endif
