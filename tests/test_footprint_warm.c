/* Tests of the warm-started exact aims of a footprint's threat draws (bmd_footprint_fly_all_warm,
 * bmd_aim_fly_options.warm_plan): a draw of the missile (stage burn times and RV mass a few per
 * cent off the nominal) aimed from the nominal's converged min-energy plans flies the same
 * flights as the cold aim within the aim's own tolerances, gives every cell the same verdict on
 * this grid, and takes far fewer flights; with no warm start the flights are the cold ones
 * bit for bit. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/footprint.h"
#include "bmd/footprint_input.h"
#include "bmd/montecarlo.h"
#include "test_support.h"
#include "test_scenario_support.h"
#include "test_mc_footprint_support.h"

/* An ICBM-class missile from Kozelsk at targets near an SM-3 IIA site (about 1,900 km): the
 * geometry of the Europe coverage-probability map, on 6 cells. */
#define WARM_YAML                                                                                 \
    BMD_TEST_ONE_SITE_YAML                                                                        \
    "  - {name: icbm, missile: rs-24-yars-class, from: [54.03, 35.78], to: [37.5, 41.5], "        \
    "notional: true, note: t}\n"

/* Bounds of warm against cold (docs/validation.md, "Warm-started threat draws"): both impacts
 * within the exact tolerance (100 m); two min-energy flights to one target that both meet it
 * and the min-energy search's tolerance (|g| < 5e-5 rad) differ by at most ~200 m along track
 * (~0.07 s at 3 km/s) and ~1e3 km/rad x 5e-5 rad = 0.05 km in apogee: bounds 0.1 s, 0.5 km. */
#define FLIGHT_TIME_BOUND_S 0.1
#define APOGEE_BOUND_M 500.0

typedef struct fixture {
    bmd_scenario scn;
    bmd_footprint_grid grid;
    bmd_footprint_defense d;
    bmd_footprint_options o;
} fixture;

static void open_case(fixture *x)
{
    bmd_test_open_scenario(WARM_YAML, &x->scn);
    bmd_error err = {0};
    memset(&x->grid, 0, sizeof x->grid);
    if (bmd_footprint_grid_parse(&x->scn, "37,38,40.5,42.5,1", 1000, &x->grid, &err))
        fail_msg("%s", err.message);
    if (bmd_footprint_defense_from_scenario(&x->scn, x->scn.threats[0].from.lat_rad,
                                            x->scn.threats[0].from.lon_rad, &x->d, &err))
        fail_msg("%s", err.message);
    bmd_footprint_options_init(&x->o);
    x->o.threads = 2;
    x->o.required_speed = 0;
}

static bmd_footprint *prepare(fixture *x, const bmd_missile *m)
{
    bmd_footprint_input fi = {BMD_FOOTPRINT_DEFENDED_AREA, m, BMD_AIM_MIN_ENERGY,
                              x->scn.threats[0].from.lat_rad, x->scn.threats[0].from.lon_rad,
                              x->grid.lat_rad, x->grid.lon_rad, x->grid.n_cells, x->d.sites,
                              x->d.n_sites};
    bmd_footprint *fp = NULL;
    bmd_error err = {0};
    if (bmd_footprint_prepare(&x->scn.earth, &fi, &x->o, &fp, &err))
        fail_msg("%s", err.message);
    return fp;
}

/* The cells of fl engaged by the scenario's own defence. */
static void engage(fixture *x, const bmd_footprint *fp, const bmd_footprint_flown *fl,
                   bmd_footprint_cell *cells)
{
    bmd_footprint_reengage re = {x->d.sites, x->d.n_sites, x->o.engage, x->o.rcs_m2, 2};
    bmd_error err = {0};
    if (bmd_footprint_engage_flown(fp, fl, &re, cells, NULL, &err))
        fail_msg("%s", err.message);
}

static void close_case(fixture *x)
{
    bmd_footprint_defense_free(&x->d);
    bmd_footprint_grid_free(&x->grid);
    bmd_scenario_free(&x->scn);
}

static void a_draw_aimed_from_the_nominal_flies_the_cold_flights_within_the_aim_tolerance(
    void **state)
{
    (void)state;
    fixture x;
    open_case(&x);
    const bmd_missile *nominal = &x.scn.threats[0].entry->missile;
    bmd_footprint *fp0 = prepare(&x, nominal);
    bmd_footprint_flown *fl0 = NULL;
    bmd_error err = {0};
    if (bmd_footprint_fly_all(fp0, &fl0, &err))
        fail_msg("%s", err.message);
    /* a draw: every stage burning 4 % longer, the RV 3 % lighter */
    bmd_missile draw = *nominal;
    for (int s = 0; s < draw.n_stages; s++)
        draw.stages[s].burn_time_s *= 1.04;
    draw.payload.rv_mass_kg *= 0.97;
    bmd_footprint *fp = prepare(&x, &draw);
    bmd_footprint_flown *cold = NULL, *warm = NULL;
    long warmed = -1;
    if (bmd_footprint_fly_all(fp, &cold, &err) ||
        bmd_footprint_fly_all_warm(fp, fl0, &warm, &warmed, &err))
        fail_msg("%s", err.message);
    const long n = x.grid.n_cells;
    bmd_footprint_cell *a = calloc((size_t)n, sizeof *a), *b = calloc((size_t)n, sizeof *b);
    assert_non_null(a);
    assert_non_null(b);
    engage(&x, fp, cold, a);
    engage(&x, fp, warm, b);
    if (warmed != n)
        fail_msg("expected every one of the %ld cells warm-started, actual %ld", n, warmed);
    long flights_cold = 0, flights_warm = 0;
    for (long k = 0; k < n; k++) {
        assert_int_equal(a[k].status, BMD_FOOTPRINT_OK);
        assert_int_equal(b[k].status, BMD_FOOTPRINT_OK);
        if (!(a[k].miss_m <= x.o.exact_tolerance_m && b[k].miss_m <= x.o.exact_tolerance_m))
            fail_msg("cell %ld: misses cold %.1f m, warm %.1f m; expected both <= %.0f m", k,
                     a[k].miss_m, b[k].miss_m, x.o.exact_tolerance_m);
        if (fabs(a[k].flight_time_s - b[k].flight_time_s) > FLIGHT_TIME_BOUND_S)
            fail_msg("cell %ld: flight time cold %.3f s, warm %.3f s; expected within %.1f s", k,
                     a[k].flight_time_s, b[k].flight_time_s, FLIGHT_TIME_BOUND_S);
        if (fabs(a[k].apogee_m - b[k].apogee_m) > APOGEE_BOUND_M)
            fail_msg("cell %ld: apogee cold %.0f m, warm %.0f m; expected within %.0f m", k,
                     a[k].apogee_m, b[k].apogee_m, APOGEE_BOUND_M);
        if (a[k].shot_opportunities != b[k].shot_opportunities)
            fail_msg("cell %ld: shot opportunities cold %d, warm %d; expected equal (no cell of "
                     "this grid is at a verdict's edge)", k, a[k].shot_opportunities,
                     b[k].shot_opportunities);
        flights_cold += a[k].flights, flights_warm += b[k].flights;
    }
    /* the cold aim searches the max range (~85 flights) before the min-energy aim (~20) */
    if (!(flights_warm * 3 < flights_cold))
        fail_msg("expected the warm aims to take under a third of the cold aims' %ld flights, "
                 "actual %ld", flights_cold, flights_warm);
    free(a);
    free(b);
    bmd_footprint_flown_free(fl0);
    bmd_footprint_flown_free(cold);
    bmd_footprint_flown_free(warm);
    bmd_footprint_free(fp0);
    bmd_footprint_free(fp);
    close_case(&x);
}

static void no_warm_start_flies_the_cold_flights_bit_for_bit(void **state)
{
    (void)state;
    fixture x;
    open_case(&x);
    const bmd_missile *nominal = &x.scn.threats[0].entry->missile;
    bmd_footprint *fp = prepare(&x, nominal);
    bmd_footprint_flown *cold = NULL, *none = NULL;
    long warmed = -1;
    bmd_error err = {0};
    if (bmd_footprint_fly_all(fp, &cold, &err) ||
        bmd_footprint_fly_all_warm(fp, NULL, &none, &warmed, &err))
        fail_msg("%s", err.message);
    assert_int_equal(warmed, 0);
    const long n = x.grid.n_cells;
    bmd_footprint_cell *a = calloc((size_t)n, sizeof *a), *b = calloc((size_t)n, sizeof *b);
    assert_non_null(a);
    assert_non_null(b);
    engage(&x, fp, cold, a);
    engage(&x, fp, none, b);
    if (memcmp(a, b, (size_t)n * sizeof *a))
        fail_msg("without a warm start the flights must be bmd_footprint_fly_all's, bit for bit");
    free(a);
    free(b);
    bmd_footprint_flown_free(cold);
    bmd_footprint_flown_free(none);
    bmd_footprint_free(fp);
    close_case(&x);
}

/* The coverage probability's default on the ICBM case: K = 2 draws of the stage-1 burn time
 * (and the interceptor's burnout speed as a defence parameter), N = 4: every draw's cells
 * warm-started, the counts equal to the cold draws' (no cell at a verdict's edge). */
static void the_coverage_probability_warm_starts_its_draws_and_keeps_the_cold_counts(void **state)
{
    (void)state;
    fixture x;
    open_case(&x);
    static const char *const vary[] = {"missile.stages[0].burn_time_s=55:65",
                                       "interceptor.burnout_speed_m_s=3000:6000"};
    bmd_param_set set;
    bmd_test_vary(&x.scn, vary, 2, &set);
    bmd_error err = {0};
    bmd_mc_footprint_input in;
    bmd_test_mc_footprint_input(&x.scn, &x.grid, &in);
    in.threat_draws = 2;
    bmd_mc_options opt;
    bmd_mc_options_init(&opt);
    opt.samples = 4;
    opt.seed = 3;
    opt.threads = 2;
    bmd_mc_footprint warm, cold;
    if (bmd_mc_footprint_run(&x.scn, &set, &in, &opt, &warm, &err))
        fail_msg("%s", err.message);
    in.cold_draws = 1;
    if (bmd_mc_footprint_run(&x.scn, &set, &in, &opt, &cold, &err))
        fail_msg("%s", err.message);
    assert_int_equal(warm.warm_draws, 1);
    if (warm.warm_cells != 2 * x.grid.n_cells)
        fail_msg("expected all %ld cells of both draws warm-started, actual %ld",
                 2 * x.grid.n_cells, warm.warm_cells);
    /* the nominal is flown once and kept for the warm starts: the same cells as
     * bmd_footprint_run's (the cold path's nominal) */
    if (memcmp(warm.nominal, cold.nominal, (size_t)x.grid.n_cells * sizeof *warm.nominal))
        fail_msg("the nominal footprints of the warm and cold runs differ");
    char text[400];
    if (!strstr(bmd_mc_footprint_design_text(&warm, text, sizeof text), "nominal's solutions"))
        fail_msg("expected the design text to name the warm start; actual \"%s\"", text);
    if (strstr(bmd_mc_footprint_design_text(&cold, text, sizeof text), "nominal's solutions"))
        fail_msg("a cold run must not name the warm start; actual \"%s\"", text);
    for (long c = 0; c < x.grid.n_cells; c++)
        if (warm.n_one[c] != cold.n_one[c] || warm.n_two[c] != cold.n_two[c])
            fail_msg("cell %ld: expected the cold draws' counts (>=1: %ld, >=2: %ld), actual %ld, "
                     "%ld", c, cold.n_one[c], cold.n_two[c], warm.n_one[c], warm.n_two[c]);
    bmd_mc_footprint_free(&warm);
    bmd_mc_footprint_free(&cold);
    bmd_param_set_free(&set);
    close_case(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            a_draw_aimed_from_the_nominal_flies_the_cold_flights_within_the_aim_tolerance),
        cmocka_unit_test(no_warm_start_flies_the_cold_flights_bit_for_bit),
        cmocka_unit_test(the_coverage_probability_warm_starts_its_draws_and_keeps_the_cold_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
