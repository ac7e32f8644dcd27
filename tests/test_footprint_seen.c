/* Tests of the footprint's short cut for sites whose fire-control radar never sees a flight
 * (bmd_engage_fcr_never in bmd_fp_engage_cell, bmd_footprint_flown_sites_seen,
 * bmd_footprint_defense_tables with a need mask): such a site engages no cell, with or without
 * its flyout table, so the coverage-probability samples build only the tables of the sites some
 * flight is seen by, and their cells are those of the whole defence, bit for bit. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/aim.h"
#include "bmd/engagement.h"
#include "bmd/footprint.h"
#include "test_support.h"
#include "test_scenario_support.h"
#include "test_mc_footprint_support.h"

/* The engage Monte Carlo's fast-path case (test_scenario_support.h): an MRBM at targets beside
 * an Aegis ship with its SPY-1D (site 0: sees the descending RV) and two sites in northern Europe
 * whose radars see none of the flights (sites 1 and 2). */
#define GRID "37,38,40.5,42.5,1"

typedef struct fixture {
    bmd_scenario scn;
    bmd_footprint_grid grid;
    bmd_footprint_defense *full, *lazy;
    bmd_footprint_options o;
    bmd_footprint *fp;
    bmd_footprint_flown *fl;
} fixture;

static void open_case(fixture *x)
{
    bmd_test_open_scenario(BMD_TEST_FAST_PATH_YAML, &x->scn);
    bmd_error err = {0};
    memset(&x->grid, 0, sizeof x->grid);
    if (bmd_footprint_grid_parse(&x->scn, GRID, 1000, &x->grid, &err))
        fail_msg("%s", err.message);
    x->full = calloc(1, sizeof *x->full);
    x->lazy = calloc(1, sizeof *x->lazy);
    assert_non_null(x->full);
    assert_non_null(x->lazy);
    const double lat = x->scn.threats[0].from.lat_rad, lon = x->scn.threats[0].from.lon_rad;
    if (bmd_footprint_defense_from_scenario(&x->scn, lat, lon, x->full, &err))
        fail_msg("%s", err.message);
    bmd_footprint_options_init(&x->o);
    x->o.threads = 2;
    x->o.required_speed = 0;
    x->o.rcs_m2 = x->scn.threats[0].entry->signature.warhead_rcs_m2;
    bmd_footprint_input fi = {BMD_FOOTPRINT_DEFENDED_AREA, &x->scn.threats[0].entry->missile,
                              BMD_AIM_MIN_ENERGY, lat, lon, x->grid.lat_rad, x->grid.lon_rad,
                              x->grid.n_cells, x->full->sites, x->full->n_sites};
    x->fp = NULL;
    x->fl = NULL;
    if (bmd_footprint_prepare(&x->scn.earth, &fi, &x->o, &x->fp, &err) ||
        bmd_footprint_fly_all(x->fp, &x->fl, &err))
        fail_msg("%s", err.message);
}

static void close_case(fixture *x)
{
    bmd_footprint_flown_free(x->fl);
    bmd_footprint_free(x->fp);
    bmd_footprint_defense_free(x->full);
    bmd_footprint_defense_free(x->lazy);
    free(x->full);
    free(x->lazy);
    bmd_footprint_grid_free(&x->grid);
    bmd_scenario_free(&x->scn);
}

/* The lazy defence: sites first, then the tables of need (NULL: none). */
static void build_lazy(fixture *x, const unsigned char *need)
{
    static const unsigned char none[BMD_FOOTPRINT_MAX_SITES] = {0};
    bmd_error err = {0};
    if (bmd_footprint_defense_sites(&x->scn, x->lazy, &err) ||
        bmd_footprint_defense_tables(&x->scn, x->scn.threats[0].from.lat_rad,
                                     x->scn.threats[0].from.lon_rad, 0, 2, need ? need : none,
                                     x->lazy, &err))
        fail_msg("%s", err.message);
}

static bmd_footprint_reengage reengage_of(const fixture *x, const bmd_footprint_defense *d)
{
    bmd_footprint_reengage re = {d->sites, d->n_sites, x->o.engage, x->o.rcs_m2, 2};
    return re;
}

static void a_site_whose_radar_sees_no_flight_needs_no_table_and_engages_no_cell(void **state)
{
    (void)state;
    fixture x;
    open_case(&x);
    assert_int_equal(x.full->n_sites, 3);
    const long n = x.grid.n_cells;
    bmd_footprint_reengage re = reengage_of(&x, x.full);
    unsigned char seen[BMD_FOOTPRINT_MAX_SITES];
    assert_int_equal(bmd_footprint_flown_sites_seen(x.fp, x.fl, &re, seen), 0);
    if (!(seen[0] == 1 && seen[1] == 0 && seen[2] == 0))
        fail_msg("expected seen = {1, 0, 0} (the ship, Poland, North Sea); actual {%d, %d, %d}",
                 seen[0], seen[1], seen[2]);
    /* a site without a fire-control radar (or not required to see the intercept) is "seen" */
    bmd_footprint_reengage blind = re;
    bmd_footprint_site sites[BMD_FOOTPRINT_MAX_SITES];
    memcpy(sites, x.full->sites, sizeof sites);
    sites[1].site.fire_control = NULL;
    blind.sites = sites;
    unsigned char seen_blind[BMD_FOOTPRINT_MAX_SITES];
    assert_int_equal(bmd_footprint_flown_sites_seen(x.fp, x.fl, &blind, seen_blind), 0);
    assert_int_equal(seen_blind[1], 1);
    blind.sites = x.full->sites;
    blind.engage.require_fcr_coverage = 0;
    assert_int_equal(bmd_footprint_flown_sites_seen(x.fp, x.fl, &blind, seen_blind), 0);
    if (!(seen_blind[0] && seen_blind[1] && seen_blind[2]))
        fail_msg("without the coverage requirement every site must count as seen");
    build_lazy(&x, seen);
    assert_non_null(x.lazy->tables[0].t_s);
    assert_null(x.lazy->tables[1].t_s);
    assert_null(x.lazy->tables[2].t_s);
    bmd_footprint_cell *a = calloc((size_t)n, sizeof *a), *b = calloc((size_t)n, sizeof *b);
    assert_non_null(a);
    assert_non_null(b);
    long eng_full = 0, eng_lazy = 0;
    bmd_error err = {0};
    if (bmd_footprint_engage_flown(x.fp, x.fl, &re, a, &eng_full, &err))
        fail_msg("%s", err.message);
    bmd_footprint_reengage rl = reengage_of(&x, x.lazy);
    if (bmd_footprint_engage_flown(x.fp, x.fl, &rl, b, &eng_lazy, &err))
        fail_msg("%s", err.message);
    if (memcmp(a, b, (size_t)n * sizeof *a))
        fail_msg("the cells engaged without the northern tables differ from the whole defence's");
    assert_int_equal(eng_full, eng_lazy);
    long by_near = 0;
    for (long k = 0; k < n; k++) {
        by_near += (a[k].site_mask & 1u) != 0;
        if (a[k].site_mask & 6u)
            fail_msg("cell %ld is engaged by a site whose radar sees no flight", k);
    }
    if (by_near == 0)
        fail_msg("expected cells engaged by the near site (else the comparison proves nothing)");
    /* the radar short cut decides the northern pairs without bmd_engage: 1 call a cell */
    if (!(eng_full <= n))
        fail_msg("expected at most %ld engagements (the ship's), actual %ld", n, eng_full);
    free(a);
    free(b);
    close_case(&x);
}

static void an_empty_table_where_a_radar_sees_a_flight_is_refused_with_the_site_named(
    void **state)
{
    (void)state;
    fixture x;
    open_case(&x);
    build_lazy(&x, NULL); /* no table at all: the near site's radar sees the flights */
    bmd_footprint_cell *c = calloc((size_t)x.grid.n_cells, sizeof *c);
    assert_non_null(c);
    bmd_footprint_reengage rl = reengage_of(&x, x.lazy);
    bmd_error err = {0};
    assert_int_equal(bmd_footprint_engage_flown(x.fp, x.fl, &rl, c, NULL, &err), BMD_EINVAL);
    if (!strstr(err.message, "site 0 has no flyout table"))
        fail_msg("expected the error to name site 0's missing table; actual \"%s\"", err.message);
    free(c);
    close_case(&x);
}

/* The short cut changes no answer: every cell's shots and engaging sites equal those of
 * bmd_engage run on the cell's own flight (flown as the footprint flies it: bmd_aim_fly_to at the
 * exact tolerance, then the plan flown with the footprint's flight options) for every site, the
 * sites whose radars see nothing included. */
static void every_cell_agrees_with_bmd_engage_on_its_own_flight_at_every_site(void **state)
{
    (void)state;
    fixture x;
    open_case(&x);
    const long n = x.grid.n_cells;
    bmd_footprint_cell *c = calloc((size_t)n, sizeof *c);
    assert_non_null(c);
    bmd_footprint_stats st;
    bmd_error err = {0};
    if (bmd_footprint_run(x.fp, 0, n, c, NULL, NULL, NULL, &st, &err))
        fail_msg("%s", err.message);
    const bmd_catalog_missile *m = x.scn.threats[0].entry;
    const bmd_site launch = {x.scn.threats[0].from.lat_rad, x.scn.threats[0].from.lon_rad, 0.0};
    long engaged = 0, never = 0;
    for (long k = 0; k < n; k++) {
        assert_int_equal(c[k].status, BMD_FOOTPRINT_OK);
        bmd_aim_fly_options fo;
        bmd_aim_fly_options_init(&fo);
        fo.shape = BMD_AIM_MIN_ENERGY;
        fo.aim_tolerance_m = x.o.exact_tolerance_m;
        bmd_aim_flight aim;
        if (bmd_aim_fly_to(&x.scn.earth, &m->missile, &launch, x.grid.lat_rad[k],
                           x.grid.lon_rad[k], &fo, 0, &aim, &err))
            fail_msg("%s", err.message);
        bmd_trajectory tr = {0};
        bmd_flight_summary sum;
        if (bmd_trajectory_fly(&x.scn.earth, &m->missile, &aim.plan, launch.lat_rad,
                               launch.lon_rad, 0.0, &x.o.flight, &sum, &tr, &err))
            fail_msg("%s", err.message);
        int shots = 0;
        unsigned mask = 0;
        for (int s = 0; s < x.full->n_sites; s++) {
            const bmd_footprint_site *fs = &x.full->sites[s];
            bmd_threat th;
            bmd_engagement e;
            if (bmd_threat_prepare_rcs(&x.scn.earth, &tr, &sum.events, x.o.cls, x.o.rcs_m2,
                                       &fs->cues, &th, &err) ||
                bmd_engage(&x.scn.earth, &th, &fs->site, &fs->timeline, &x.o.engage, &e, &err))
                fail_msg("%s", err.message);
            never += bmd_engage_fcr_never(&x.scn.earth, &th, &fs->site, &x.o.engage);
            if (e.engageable)
                shots += e.shot_opportunities, mask |= 1u << s;
        }
        engaged += mask != 0;
        if (shots != c[k].shot_opportunities || mask != c[k].site_mask)
            fail_msg("cell %ld: bmd_engage gives %d shots from sites 0x%x, the footprint %d from "
                     "0x%x", k, shots, mask, c[k].shot_opportunities, c[k].site_mask);
        bmd_trajectory_free(&tr);
    }
    if (engaged == 0 || never < n)
        fail_msg("expected engaged cells and a radar that sees no flight (else nothing is "
                 "compared): %ld engaged, %ld pairs never seen", engaged, never);
    assert_int_equal(st.pruned >= n, 1);
    free(c);
    close_case(&x);
}

/* The coverage probability's samples build the tables of the sites some flight is seen by (here
 * never the northern sites'): the per-cell counts equal the plain path's (every sample's footprint
 * prepared, flown and engaged with all its tables), for a band of the near radar's detection
 * range that makes its cells flip (asserted) and a band of its interceptor's speed. */
static void the_coverage_probability_with_only_the_seen_tables_keeps_the_plain_counts(
    void **state)
{
    (void)state;
    fixture x;
    open_case(&x);
    static const char *const vary[] = {"radar[spy-1d].detection_range_m=20000:400000",
                                       "interceptor[sm-3-block-ib].burnout_speed_m_s=3000:6000"};
    bmd_param_set set;
    bmd_test_vary(&x.scn, vary, 2, &set);
    bmd_error err = {0};
    bmd_mc_footprint_input in;
    bmd_test_mc_footprint_input(&x.scn, &x.grid, &in);
    bmd_mc_options opt;
    bmd_mc_options_init(&opt);
    opt.samples = 6;
    opt.seed = 5;
    opt.threads = 2;
    bmd_mc_footprint fast, plain;
    if (bmd_mc_footprint_run(&x.scn, &set, &in, &opt, &fast, &err))
        fail_msg("%s", err.message);
    in.plain = 1;
    if (bmd_mc_footprint_run(&x.scn, &set, &in, &opt, &plain, &err))
        fail_msg("%s", err.message);
    assert_int_equal(fast.reused, 1);
    long fractional = 0;
    for (long k = 0; k < fast.n_cells; k++) {
        fractional += fast.p_one[k] > 0 && fast.p_one[k] < 1;
        if (fast.n_one[k] != plain.n_one[k] || fast.n_two[k] != plain.n_two[k])
            fail_msg("cell %ld: expected the plain path's counts %ld, %ld; fast %ld, %ld", k,
                     plain.n_one[k], plain.n_two[k], fast.n_one[k], fast.n_two[k]);
    }
    if (fractional == 0)
        fail_msg("expected a cell that flips inside the bands (0 < P < 1); none of %ld",
                 fast.n_cells);
    bmd_mc_footprint_free(&fast);
    bmd_mc_footprint_free(&plain);
    bmd_param_set_free(&set);
    close_case(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_site_whose_radar_sees_no_flight_needs_no_table_and_engages_no_cell),
        cmocka_unit_test(
            an_empty_table_where_a_radar_sees_a_flight_is_refused_with_the_site_named),
        cmocka_unit_test(every_cell_agrees_with_bmd_engage_on_its_own_flight_at_every_site),
        cmocka_unit_test(
            the_coverage_probability_with_only_the_seen_tables_keeps_the_plain_counts),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
