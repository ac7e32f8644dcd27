/* Internal to the coverage probability (src/analysis/mc_footprint*.c). */
#ifndef BMD_ANALYSIS_MC_FOOTPRINT_INTERNAL_H
#define BMD_ANALYSIS_MC_FOOTPRINT_INTERNAL_H

#include "bmd/montecarlo.h"
#include "analysis/mc_draws_internal.h"

#endif
