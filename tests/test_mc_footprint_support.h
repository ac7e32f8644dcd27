/* test_mc_footprint_support.h — the coverage-probability input shared by the footprint Monte
 * Carlo tests (test_mc_footprint, test_mc_footprint_draws, test_footprint_warm,
 * test_footprint_seen). Header only; include after cmocka.h. */
#ifndef BMD_TEST_MC_FOOTPRINT_SUPPORT_H
#define BMD_TEST_MC_FOOTPRINT_SUPPORT_H

#include <string.h>

#include "bmd/footprint_input.h"
#include "bmd/montecarlo.h"

/* The defended-area map of scn's first threat over grid: centred on its launch point, flyout
 * tables pointed toward it, the scenario's launch-on rule, footprint defaults with flights
 * sampled every 2 s (as the analysis' flights); everything else zero (fast path, default K). */
static inline void bmd_test_mc_footprint_input(const bmd_scenario *scn,
                                               const bmd_footprint_grid *grid,
                                               bmd_mc_footprint_input *in)
{
    memset(in, 0, sizeof *in);
    in->mode = BMD_FOOTPRINT_DEFENDED_AREA;
    in->threat = 0;
    in->launch_area = -1;
    in->centre_lat_rad = in->toward_lat_rad = scn->threats[0].from.lat_rad;
    in->centre_lon_rad = in->toward_lon_rad = scn->threats[0].from.lon_rad;
    in->cell_lat_rad = grid->lat_rad;
    in->cell_lon_rad = grid->lon_rad;
    in->n_cells = grid->n_cells;
    in->launch_on = -1;
    bmd_footprint_options_init(&in->opt);
    in->opt.flight.sample_interval_s = 2.0;
}

/* The parameter set of the --vary texts vary[0 .. n - 1] on scn (a failure fails the test). */
static inline void bmd_test_vary(const bmd_scenario *scn, const char *const *vary, int n,
                                 bmd_param_set *set)
{
    bmd_error err = {0};
    memset(set, 0, sizeof *set);
    for (int k = 0; k < n; k++)
        if (bmd_param_set_vary_in(set, scn, vary[k], &err))
            fail_msg("%s", err.message);
}

#endif
