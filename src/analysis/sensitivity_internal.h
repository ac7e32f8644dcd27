/* Shared by the files of the sensitivity module (src/analysis/sensitivity*.c, threshold*.c): one
 * (threat, site) pair of an analysis as a private model whose inputs can be changed one at a time,
 * re-flying the threat and rebuilding the flyout table only when their inputs changed. */
#ifndef BMD_ANALYSIS_SENSITIVITY_INTERNAL_H
#define BMD_ANALYSIS_SENSITIVITY_INTERNAL_H

#include "bmd/analysis.h"
#include "bmd/sensitivity.h"

typedef struct bmd_analysis_sens_model {
    const bmd_analysis *an;        /* the nominal analysis (borrowed) */
    const bmd_scenario *scn;       /* the scenario the inputs come from (borrowed) */
    int ti, si;
    const bmd_sens_options *opt;
    /* inputs (copies, changed by the callers) */
    bmd_missile missile;
    double rcs_m2;
    bmd_interceptor ic;
    bmd_radar radars[BMD_SCENARIO_MAX_CUES];
    bmd_ir_sensor ir[BMD_SCENARIO_MAX_CUES];
    int n_radars, n_ir;
    int radar_map[BMD_SCENARIO_MAX_CUES];  /* scenario sensor index of radars[i] */
    int has_fcr;
    bmd_radar fcr;
    bmd_timeline tl;
    bmd_engage_options eopt;
    /* what changed since the nominal analysis */
    int missile_changed, interceptor_changed;
    /* owned when changed; else the analysis' */
    bmd_analysis_flight own_flight;
    int has_own_flight;
    bmd_flyout own_flyout;
    int has_own_flyout;
} bmd_analysis_sens_model;

/* The model of pair (ti, si) with the inputs of scn (the analysis' scenario or a changed copy of
 * it with the same threats and sites). Errors: BMD_EINVAL (bad indices, no interceptors). */
int bmd_analysis_sens_model_init(bmd_analysis_sens_model *m, const bmd_analysis *an,
                                 const bmd_scenario *scn, int ti, int si,
                                 const bmd_sens_options *opt, bmd_error *err);

/* Evaluate the model with its current inputs (flies / builds what changed, once). */
int bmd_analysis_sens_model_eval(bmd_analysis_sens_model *m, bmd_sens_outcome *out,
                                 bmd_error *err);

/* Forget the flight (the missile changed again) or the table (the interceptor changed again). */
void bmd_analysis_sens_model_drop_flight(bmd_analysis_sens_model *m);
void bmd_analysis_sens_model_drop_flyout(bmd_analysis_sens_model *m);

void bmd_analysis_sens_model_free(bmd_analysis_sens_model *m);

#endif
