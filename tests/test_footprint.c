/* Tests of footprints (bmd/footprint.h): grids and areas, contours, agreement of cells with
 * bmd_engage on exactly aimed trajectories, limiting cases, thread-count independence, bad input. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/catalog.h"
#include "bmd/footprint.h"
#include "bmd/geodesy.h"

#define D2R (M_PI / 180.0)

/* Even-odd: is (lat, lon) inside ring r? */
static int in_ring(const bmd_footprint_rings *g, int r, double lat, double lon)
{
    int in = 0;
    const int a = g->start[r], n = g->start[r + 1] - a;
    for (int i = 0, j = n - 1; i < n; j = i++) {
        const double yi = g->lat_rad[a + i], yj = g->lat_rad[a + j];
        const double xi = g->lon_rad[a + i], xj = g->lon_rad[a + j];
        if ((yi > lat) != (yj > lat) && lon < (xj - xi) * (lat - yi) / (yj - yi) + xi)
            in = !in;
    }
    return in;
}

/* Every cell centre lies in exactly one ring when covered and in none otherwise. */
static void check_contour(const bmd_footprint_box *box, const unsigned char *mask)
{
    bmd_footprint_rings g;
    assert_int_equal(bmd_footprint_contour(box, mask, &g, NULL), BMD_SUCCESS);
    for (long k = 0; k < (long)box->n_lat * box->n_lon; k++) {
        const double lat = box->south_rad + (k / box->n_lon) * box->dlat_rad;
        const double lon = box->west_rad + (k % box->n_lon) * box->dlon_rad;
        int count = 0;
        for (int r = 0; r < g.n_rings; r++)
            count += in_ring(&g, r, lat, lon);
        assert_int_equal(count, mask[k] ? 1 : 0);
    }
    bmd_footprint_rings_free(&g);
}

static void contours_contain_exactly_the_covered_cells_with_holes_and_corners(void **state)
{
    (void)state;
    bmd_footprint_box box = {10 * D2R, 20 * D2R, 1 * D2R, 1 * D2R, 9, 11};
    const char *rows[9] = {"...........", ".#####.#...", ".#...#..#..", ".#.#.#.#.#.",
                           ".#...#..#..", ".######....", "..#.#......", "...#....###",
                           "..#.#....##"};
    unsigned char mask[99];
    for (int i = 0; i < 9; i++)
        for (int j = 0; j < 11; j++)
            mask[i * 11 + j] = rows[i][j] == '#';
    check_contour(&box, mask);
    /* random masks, 200 of them */
    srand(7);
    for (int t = 0; t < 200; t++) {
        for (int k = 0; k < 99; k++)
            mask[k] = rand() % 100 < 55;
        check_contour(&box, mask);
    }
}

/* How many vertices of ring r repeat an earlier vertex of the same ring. */
static int repeated_vertices(const bmd_footprint_rings *g, int r)
{
    int n = 0;
    for (int i = g->start[r]; i < g->start[r + 1]; i++)
        for (int j = g->start[r]; j < i; j++)
            n += g->lat_rad[i] == g->lat_rad[j] && g->lon_rad[i] == g->lon_rad[j];
    return n;
}

/* Issue 13: a ring that touched itself at a corner (covered cells meeting only at a corner
 * around an uncovered cell) made the exported polygon invalid for GEOS ("Ring Self-
 * intersection"); such a ring is now split there, and the cells stay covered exactly once. */
static void contour_rings_never_pass_a_vertex_twice(void **state)
{
    (void)state;
    bmd_footprint_box box = {10 * D2R, 20 * D2R, 1 * D2R, 1 * D2R, 9, 11};
    /* a ring of cells around a gap that opens to the outside at a corner only */
    const char *rows[9] = {"...........", ".###.......", ".#.#.......", ".##........",
                           "...........", "...........", "...........", "...........",
                           "..........."};
    unsigned char mask[99];
    for (int i = 0; i < 9; i++)
        for (int j = 0; j < 11; j++)
            mask[i * 11 + j] = rows[i][j] == '#';
    srand(11);
    for (int t = 0; t <= 200; t++) {
        if (t > 0)
            for (int k = 0; k < 99; k++)
                mask[k] = rand() % 100 < 55;
        bmd_footprint_rings g;
        assert_int_equal(bmd_footprint_contour(&box, mask, &g, NULL), BMD_SUCCESS);
        int repeats = 0;
        for (int r = 0; r < g.n_rings; r++)
            repeats += repeated_vertices(&g, r);
        if (repeats)
            printf("mask %d: %d repeated ring vertices (expected 0)\n", t, repeats);
        assert_int_equal(repeats, 0);
        bmd_footprint_rings_free(&g);
        check_contour(&box, mask);
    }
}

static void an_empty_mask_has_no_rings_and_a_full_one_one_rectangle(void **state)
{
    (void)state;
    bmd_footprint_box box = {0, 0, 0.01, 0.01, 5, 7};
    unsigned char mask[35] = {0};
    bmd_footprint_rings g;
    assert_int_equal(bmd_footprint_contour(&box, mask, &g, NULL), BMD_SUCCESS);
    assert_int_equal(g.n_rings, 0);
    bmd_footprint_rings_free(&g);
    memset(mask, 1, sizeof mask);
    assert_int_equal(bmd_footprint_contour(&box, mask, &g, NULL), BMD_SUCCESS);
    assert_int_equal(g.n_rings, 1);
    assert_int_equal(g.start[1], 4); /* collinear points merged: 4 corners */
    bmd_footprint_rings_free(&g);
}

static void the_wgs84_surface_area_matches_the_published_value(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    /* WGS84 total surface area 510,065,621.718 km^2 (NIMA TR8350.2, 3rd ed., table 3.5,
     * "surface area of the ellipsoid"); tolerance 1 km^2 */
    const double a = bmd_footprint_zone_area_m2(&e, -M_PI / 2, M_PI / 2, 2 * M_PI) * 1e-6;
    assert_true(fabs(a - 510065621.718) < 1.0);
    /* sphere: 4 pi R^2 for R = 6371 km, analytic; 1e-9 relative */
    bmd_earth s;
    bmd_earth_init_sphere(&s, 6371e3, 0, NULL);
    const double as = bmd_footprint_zone_area_m2(&s, -M_PI / 2, M_PI / 2, 2 * M_PI);
    assert_true(fabs(as / (4 * M_PI * 6371e3 * 6371e3) - 1) < 1e-9);
    /* the cells of a whole-globe 10-degree box add up to the total (pole cells clipped) */
    bmd_footprint_box box;
    assert_int_equal(bmd_footprint_box_make(&e, -M_PI / 2, M_PI / 2, -M_PI, M_PI, 10 * D2R, 0, 0,
                                            &box, NULL), BMD_SUCCESS);
    assert_int_equal(box.n_lon, 36);
    double sum = 0;
    for (int i = 0; i < box.n_lat; i++)
        sum += bmd_footprint_cell_area_m2(&e, &box, i) * box.n_lon;
    assert_true(fabs(sum * 1e-6 - 510065621.718) < 1.0);
}

static void bad_grids_are_refused_with_the_reason(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_footprint_box b;
    bmd_error err;
    assert_int_equal(bmd_footprint_box_make(&e, 0.2, 0.1, 0, 1, 0.01, 0, 0, &b, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "south"));
    assert_int_equal(bmd_footprint_box_make(&e, 0, 0.1, 0, 1, 0, 0, 0, &b, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "step"));
    assert_int_equal(bmd_footprint_box_make(&e, 0, 0.1, 0, 1, NAN, 0, 0, &b, &err), BMD_EINVAL);
    assert_int_equal(bmd_footprint_box_make(&e, 0, NAN, 0, 1, 0.01, 0, 0, &b, &err), BMD_EINVAL);
    /* 2001 x 2001 nodes at 0.01 degree over 20 x 20 degrees: above a cap of 4 million */
    assert_int_equal(bmd_footprint_box_make(&e, 0, 20 * D2R, 0, 20 * D2R, 0.01 * D2R, 0, 0, &b,
                                            &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "4004001 cells"));
    assert_non_null(strstr(err.message, "4000000"));
    assert_int_equal(bmd_footprint_box_make(&e, 0, 20 * D2R, 0, 20 * D2R, 0, 50e3, 0, &b, &err),
                     BMD_SUCCESS);
    /* 50 km steps: 20 degrees of latitude = 2224 km -> 45 nodes (R = 6371.0088 km) */
    assert_int_equal(b.n_lat, 45);
}

/* A fixture: the generic ICBM from the Caspian region, two notional SM-3 IIA-like sites. */
typedef struct fx {
    bmd_earth e;
    bmd_catalog_missile m;
    bmd_interceptor ic;
    bmd_flyout tab[2];
    bmd_ir_sensor ir;
    bmd_footprint_site sites[2];
    double lat[64], lon[64];
    long n;
} fx;

static int fx_setup(void **state)
{
    fx *f = calloc(1, sizeof *f);
    bmd_earth_init_wgs84(&f->e);
    char dir[512];
    const char *data = getenv("BMD_DATA_DIR");
    snprintf(dir, sizeof dir, "%s/catalog/missiles", data ? data : BMD_TEST_DATA_DIR);
    if (bmd_catalog_find_missile(dir, "generic-solid-icbm", &f->m, NULL))
        return -1;
    bmd_interceptor_init(&f->ic);
    f->ic.burnout_speed_m_s = 4500;
    f->ic.burn_time_s = 60;
    f->ic.min_altitude_m = 100e3;
    f->ic.max_altitude_m = 1000e3;
    f->ic.max_flyout_time_s = 900;
    bmd_ir_sensor_init(&f->ir);
    f->ir.delay_s = 30;
    const double sl[2] = {44.05, 52.0}, so[2] = {24.4, 20.0};
    for (int s = 0; s < 2; s++) {
        bmd_flyout_options fo;
        bmd_flyout_options_init(&fo);
        double az;
        bmd_geodesy_inverse(&f->e, sl[s] * D2R, so[s] * D2R, 35.5 * D2R, 51 * D2R, NULL, &az, NULL);
        fo.site = (bmd_interceptor_site){sl[s] * D2R, so[s] * D2R, 0, az};
        if (bmd_flyout_build(&f->tab[s], &f->e, &f->ic, &fo, NULL))
            return -1;
        f->sites[s].site = (bmd_defense_site){sl[s] * D2R, so[s] * D2R, 0, &f->tab[s], 4, NULL};
        bmd_timeline_init(&f->sites[s].timeline);
        f->sites[s].cues = (bmd_sensor_set){NULL, 0, &f->ir, 1};
        f->sites[s].cue_group = 0;
    }
    /* a 6 x 8 box over Europe, 2 x 4 degrees */
    for (int i = 0; i < 6; i++)
        for (int j = 0; j < 8; j++) {
            f->lat[f->n] = (42 + 2 * i) * D2R;
            f->lon[f->n] = (0 + 4 * j) * D2R;
            f->n++;
        }
    *state = f;
    return 0;
}

static int fx_teardown(void **state)
{
    fx *f = *state;
    bmd_flyout_free(&f->tab[0]);
    bmd_flyout_free(&f->tab[1]);
    free(f);
    return 0;
}

/* Run a defended-area footprint from the Caspian launch point. */
static bmd_footprint_cell *run_fp(fx *f, const bmd_footprint_options *o, const bmd_footprint_site *sites,
                                  int n_sites, bmd_footprint_stats *st)
{
    bmd_footprint_input in = {BMD_FOOTPRINT_DEFENDED_AREA, &f->m.missile, BMD_AIM_MIN_ENERGY,
                              35.5 * D2R, 51 * D2R, f->lat, f->lon, f->n, sites, n_sites};
    bmd_footprint *fp;
    bmd_error err;
    assert_int_equal(bmd_footprint_prepare(&f->e, &in, o, &fp, &err), BMD_SUCCESS);
    bmd_footprint_cell *c = calloc((size_t)f->n, sizeof *c);
    assert_int_equal(bmd_footprint_run(fp, 0, f->n, c, NULL, NULL, NULL, st, &err), BMD_SUCCESS);
    bmd_footprint_free(fp);
    return c;
}

static void cells_agree_with_bmd_engage_on_exactly_aimed_trajectories(void **state)
{
    fx *f = *state;
    bmd_footprint_options o;
    bmd_footprint_options_init(&o);
    o.aim = BMD_FOOTPRINT_AIM_FAMILY;
    o.family_azimuth_step_rad = 3 * D2R;
    o.family_range_step_m = 400e3;
    bmd_footprint_stats st;
    bmd_footprint_cell *c = run_fp(f, &o, f->sites, 2, &st);
    /* the reference: bmd_aim_target (100 m), flown with 2 s samples, bmd_engage per site */
    bmd_site L = {35.5 * D2R, 51 * D2R, 0};
    bmd_plan p;
    bmd_plan_init(&p);
    bmd_aim_result mr, aim;
    assert_int_equal(bmd_aim_max_range(&f->e, &f->m.missile, &p, &L, NULL, &mr, NULL), 0);
    int flips = 0, checked = 0;
    for (long k = 0; k < f->n; k += 3) {
        assert_int_equal(bmd_aim_target(&f->e, &f->m.missile, BMD_AIM_MIN_ENERGY, &mr.plan, &L,
                                        f->lat[k], f->lon[k], 100, NULL, &aim, NULL), 0);
        assert_int_equal(c[k].reachable, aim.reachable);
        if (!aim.reachable)
            continue;
        bmd_flight_options fo;
        bmd_flight_options_init(&fo);
        fo.sample_interval_s = 2;
        bmd_trajectory tr = {0};
        bmd_flight_summary sum;
        assert_int_equal(bmd_trajectory_fly(&f->e, &f->m.missile, &aim.plan, L.lat_rad, L.lon_rad,
                                            0, &fo, &sum, &tr, NULL), 0);
        bmd_threat th;
        assert_int_equal(bmd_threat_prepare(&f->e, &tr, &sum.events, BMD_OBJECT_RV,
                                            &f->sites[0].cues, &th, NULL), 0);
        int shots = 0;
        double earliest = INFINITY;
        for (int s = 0; s < 2; s++) {
            bmd_engagement e;
            assert_int_equal(bmd_engage(&f->e, &th, &f->sites[s].site, &f->sites[s].timeline, NULL,
                                        &e, NULL), 0);
            shots += e.shot_opportunities;
            if (e.engageable)
                earliest = fmin(earliest, e.earliest.t_s);
        }
        checked++;
        /* the cell's trajectory ends within aim_tolerance (1 km) of the point, so its window
         * may differ from the exact one by about the time the threat needs for 1 km: 1 s */
        if (shots != c[k].shot_opportunities) {
            flips++;
        } else if (shots > 0) {
            assert_true(fabs(earliest - c[k].earliest_intercept_s) < 2.0);
        }
        assert_true(c[k].miss_m <= 1000.0 + 1e-3);
        bmd_trajectory_free(&tr);
    }
    /* boundary cells may flip; on this coarse 2 x 4 degree grid none should */
    assert_true(checked >= 10);
    assert_int_equal(flips, 0);
    free(c);
}

static void the_thread_count_does_not_change_a_single_bit(void **state)
{
    fx *f = *state;
    bmd_footprint_options o;
    bmd_footprint_options_init(&o);
    o.aim = BMD_FOOTPRINT_AIM_FAMILY;
    o.family_azimuth_step_rad = 4 * D2R;
    o.family_range_step_m = 500e3;
    o.threads = 1;
    bmd_footprint_stats s1, s2;
    bmd_footprint_cell *a = run_fp(f, &o, f->sites, 2, &s1);
    o.threads = 3;
    bmd_footprint_cell *b = run_fp(f, &o, f->sites, 2, &s2);
    assert_memory_equal(a, b, (size_t)f->n * sizeof *a);
    assert_int_equal(s2.threads, 3);
    free(a);
    free(b);
}

static void a_very_fast_interceptor_covers_what_its_sensors_see_and_a_slow_one_nothing(void **state)
{
    fx *f = *state;
    /* a 10 km/s interceptor at the target with a long flyout: every reachable target it is
     * cued for (space-based IR sees every boost) is engageable */
    bmd_interceptor fast = f->ic;
    fast.burnout_speed_m_s = 8000;
    fast.burn_time_s = 20;
    bmd_flyout tf = {0};
    bmd_flyout_options fo;
    bmd_flyout_options_init(&fo);
    assert_int_equal(bmd_flyout_build(&tf, &f->e, &fast, &fo, NULL), 0);
    bmd_footprint_options o;
    bmd_footprint_options_init(&o);
    o.family_azimuth_step_rad = 4 * D2R;
    o.family_range_step_m = 500e3;
    bmd_footprint_site s = f->sites[0];
    s.site.flyout = &tf;
    s.site.lat_rad = 48 * D2R, s.site.lon_rad = 14 * D2R; /* the middle of the box */
    s.timeline = (bmd_timeline){0, 0, 0, 0}; /* no delays: seen means engageable */
    bmd_footprint_stats st;
    bmd_footprint_cell *c = run_fp(f, &o, &s, 1, &st);
    for (long k = 0; k < f->n; k++)
        if (c[k].reachable)
            assert_int_equal(c[k].sites_engaging, 1);
    free(c);
    bmd_flyout_free(&tf);
    /* a 0.5 km/s interceptor (altitude floor 100 km) reaches no threat: nothing is covered */
    bmd_interceptor slow = f->ic;
    slow.burnout_speed_m_s = 500;
    bmd_flyout ts = {0};
    assert_int_equal(bmd_flyout_build(&ts, &f->e, &slow, NULL, NULL), 0);
    s = f->sites[0];
    s.site.flyout = &ts;
    c = run_fp(f, &o, &s, 1, &st);
    for (long k = 0; k < f->n; k++)
        assert_int_equal(c[k].shot_opportunities, 0);
    free(c);
    bmd_flyout_free(&ts);
}

static void bad_inputs_and_slices_are_refused(void **state)
{
    fx *f = *state;
    bmd_footprint *fp;
    bmd_error err;
    double bad_lat = NAN;
    bmd_footprint_input in = {BMD_FOOTPRINT_DEFENDED_AREA, &f->m.missile, BMD_AIM_MIN_ENERGY,
                              35.5 * D2R, 51 * D2R, &bad_lat, f->lon, 1, f->sites, 2};
    assert_int_equal(bmd_footprint_prepare(&f->e, &in, NULL, &fp, &err), BMD_EINVAL);
    assert_null(fp);
    in.cell_lat_rad = f->lat;
    in.n_cells = 0;
    assert_int_equal(bmd_footprint_prepare(&f->e, &in, NULL, &fp, &err), BMD_EINVAL);
    in.n_cells = 2;
    in.n_sites = 40;
    assert_int_equal(bmd_footprint_prepare(&f->e, &in, NULL, &fp, &err), BMD_EINVAL);
    in.n_sites = 0;
    assert_int_equal(bmd_footprint_prepare(&f->e, &in, NULL, &fp, &err), BMD_SUCCESS);
    bmd_footprint_cell c[2];
    assert_int_equal(bmd_footprint_run(fp, 1, 2, c, NULL, NULL, NULL, NULL, &err), BMD_EINVAL);
    /* a cancelled run leaves the cells not run */
    volatile sig_atomic_t stop = 1;
    bmd_footprint_stats st;
    assert_int_equal(bmd_footprint_run(fp, 0, 2, c, NULL, NULL, &stop, &st, &err), BMD_SUCCESS);
    assert_int_equal(st.cancelled, 1);
    assert_int_equal(c[0].status, BMD_FOOTPRINT_NOT_RUN);
    bmd_footprint_free(fp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(contours_contain_exactly_the_covered_cells_with_holes_and_corners),
        cmocka_unit_test(contour_rings_never_pass_a_vertex_twice),
        cmocka_unit_test(an_empty_mask_has_no_rings_and_a_full_one_one_rectangle),
        cmocka_unit_test(the_wgs84_surface_area_matches_the_published_value),
        cmocka_unit_test(bad_grids_are_refused_with_the_reason),
        cmocka_unit_test(cells_agree_with_bmd_engage_on_exactly_aimed_trajectories),
        cmocka_unit_test(the_thread_count_does_not_change_a_single_bit),
        cmocka_unit_test(a_very_fast_interceptor_covers_what_its_sensors_see_and_a_slow_one_nothing),
        cmocka_unit_test(bad_inputs_and_slices_are_refused),
    };
    return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
