/* Tests of the fast conversion of a flyout fan's states (src/defense/flyout_fan.c) against the
 * reference conversion bmd_ic_fill_state (PROJ's geodesic inverse at every state, Karney 2013):
 * state by state over whole fans, and whole tables built both ways (bmd_ic_flyout_build with
 * BMD_IC_FAN_FAST and BMD_IC_FAN_EXACT), on WGS84 and on spheres. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/interceptor.h"
#include "defense/interceptor_internal.h"
#include "test_support.h"

#define PI 3.14159265358979323846
#define DEG (PI / 180.0)

/* The worst differences between the fast and the reference conversion. */
typedef struct worst {
    double range_m, altitude_m, speed_rel, gamma_rad;
    long n;
} worst;

/* Fly a fan of n_elev trajectories from site and compare both conversions state by state. */
static void compare_fan(const bmd_earth *e, const bmd_interceptor *ic,
                        const bmd_interceptor_site *site, int n_elev, worst *w)
{
    const double dt = 1.0;
    int max = bmd_ic_states_needed(ic, dt);
    bmd_kv_state *fast = malloc(sizeof *fast * (size_t)max);
    bmd_kv_state *ref = malloc(sizeof *ref * (size_t)max);
    double *scratch = malloc(sizeof *scratch * BMD_IC_FAN_SCRATCH(max));
    assert_non_null(fast);
    assert_non_null(ref);
    assert_non_null(scratch);
    bmd_ic_fan_site fs;
    bmd_ic_fan_site_init(e, site, &fs);

    for (int k = 0; k < n_elev; k++) {
        double el = ic->min_elevation_rad +
                    (ic->max_elevation_rad - ic->min_elevation_rad) * k / (n_elev - 1);
        int n = 0;
        bmd_error err;
        int st = bmd_ic_fly_raw(e, ic, site, el, dt, fast, max, &n, &err);
        if (st)
            print_error("%s\n", err.message);
        assert_int_equal(st, BMD_SUCCESS);
        memcpy(ref, fast, sizeof *fast * (size_t)n);
        bmd_ic_fan_states(&fs, fast, n, scratch, NULL);
        for (int m = 0; m < n; m++) {
            bmd_ic_fill_state(e, site, &ref[m]);
            w->range_m = fmax(w->range_m, fabs(fast[m].ground_range_m - ref[m].ground_range_m));
            w->altitude_m = fmax(w->altitude_m, fabs(fast[m].altitude_m - ref[m].altitude_m));
            if (ref[m].speed_m_s > 0.0)
                w->speed_rel = fmax(w->speed_rel, fabs(fast[m].speed_m_s - ref[m].speed_m_s) /
                                                      ref[m].speed_m_s);
            w->gamma_rad = fmax(w->gamma_rad, fabs(fast[m].gamma_rad - ref[m].gamma_rad));
        }
        w->n += n;
    }
    free(fast);
    free(ref);
    free(scratch);
    bmd_ic_fan_site_free(&fs);
}

/* State by state over whole fans: interceptors of 3 to 6.5 km/s (burn 30 to 60 s, 600 to 900 s of
 * flight), sites at 0, 35, 54, 70 degrees north and 45 south, azimuths all round, WGS84. Bound:
 * ground range within 0.1 mm (measured 11 um; the correction is the tensor-product cubic through
 * a 20 km lattice in the stereographic coordinates of the state's normal, error ~ h^4 c'''' / 128
 * with c'''' ~ 1 / R^3: ~1e-5 m). 0.1 mm is 1e-8 of
 * a default table's range step (~10 km). Altitude: Newton's foot point warm-started from the
 * previous state against the closed form, 1e-8 m (rounding of 6,400 km coordinates, 1 ulp =
 * 9e-10 m; measured 4e-9 m); speed and angle: rounding (1e-12 relative, 1e-12 rad). */
static void fan_states_match_the_geodesic_inverse_within_a_tenth_of_a_millimetre_on_wgs84(
    void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    const double speeds[] = {3000.0, 4500.0, 6500.0}, burns[] = {30.0, 60.0, 45.0};
    const double tmax[] = {600.0, 900.0, 900.0};
    const bmd_interceptor_site sites[] = {
        {0.0, 10.0 * DEG, 0.0, 90.0 * DEG},
        {35.0 * DEG, -120.0 * DEG, 100.0, 0.0},
        {54.48 * DEG, 17.10 * DEG, 0.0, 60.0 * DEG},
        {70.0 * DEG, 179.5 * DEG, 0.0, 200.0 * DEG},
        {-45.0 * DEG, 100.0 * DEG, 0.0, 315.0 * DEG},
    };
    worst w = {0};
    for (int i = 0; i < 3; i++) {
        bmd_interceptor ic = test_notional_interceptor(speeds[i], burns[i], tmax[i]);
        for (size_t s = 0; s < sizeof sites / sizeof sites[0]; s++)
            compare_fan(&e, &ic, &sites[s], 37, &w);
    }
    print_message("wgs84: %ld states, worst |d range| %.3g m, |d altitude| %.3g m, speed %.3g "
                  "relative, |d gamma| %.3g rad\n", w.n, w.range_m, w.altitude_m, w.speed_rel,
                  w.gamma_rad);
    assert_true(w.n > 100000);
    assert_close(w.range_m, 0.0, 1e-4);
    assert_close(w.altitude_m, 0.0, 1e-8);
    assert_close(w.speed_rel, 0.0, 1e-12);
    assert_close(w.gamma_rad, 0.0, 1e-12);
}

/* On spheres (rotating and not) the correction is the projection's distortion alone
 * (2 R tan(sigma/2) - R sigma), interpolated as on the ellipsoid. Bound 0.1 mm (measured 8 um). */
static void fan_states_match_the_geodesic_inverse_on_spheres(void **state)
{
    (void)state;
    worst w = {0};
    for (int rot = 0; rot <= 1; rot++) {
        bmd_earth e;
        assert_int_equal(bmd_earth_init_sphere(&e, 0, rot, NULL), BMD_SUCCESS);
        bmd_interceptor ic = test_notional_interceptor(4500.0, 60.0, 600.0);
        bmd_interceptor_site site = {54.48 * DEG, 17.10 * DEG, 0.0, 60.0 * DEG};
        compare_fan(&e, &ic, &site, 37, &w);
    }
    print_message("spheres: %ld states, worst |d range| %.3g m\n", w.n, w.range_m);
    assert_true(w.n > 10000);
    assert_close(w.range_m, 0.0, 1e-4);
    assert_close(w.altitude_m, 0.0, 1e-8);
}

/* Near-vertical launches hover over the site (Coriolis drift only, the ground track turning and
 * stalling): the lattice does not care. Bound 0.1 mm (measured 0.5 um) at 54.5 N. */
static void near_vertical_launches_match_within_a_tenth_of_a_millimetre(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_interceptor ic = test_notional_interceptor(4500.0, 60.0, 600.0);
    ic.min_elevation_rad = 89.9 * DEG;
    ic.max_elevation_rad = 90.0 * DEG;
    bmd_interceptor_site site = {54.48 * DEG, 17.10 * DEG, 0.0, 60.0 * DEG};
    worst w = {0};
    compare_fan(&e, &ic, &site, 3, &w);
    print_message("vertical: %ld states, worst |d range| %.3g m\n", w.n, w.range_m);
    assert_close(w.range_m, 0.0, 1e-4);
}

/* The staged model (vertical rise, gravity turn with drag, two stages; the fixture of
 * test_interceptor.c) on WGS84: its fan stalls over the pad during the rise and bends in the
 * atmosphere. Bounds as for the notional model (measured 4.5 um, 3.4e-9 m). */
static void staged_fans_match_the_geodesic_inverse_within_a_tenth_of_a_millimetre(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_interceptor ic;
    bmd_interceptor_init(&ic);
    ic.model = BMD_INTERCEPTOR_STAGED;
    ic.max_flyout_time_s = 400.0;
    ic.vertical_rise_s = 4.0;
    bmd_missile *m = &ic.rocket;
    m->n_stages = 2;
    m->stages[0] = (bmd_stage){.propellant_mass_kg = 600, .dry_mass_kg = 150, .burn_time_s = 20,
                               .isp_vacuum_s = 260, .isp_sea_level_s = 240, .diameter_m = 0.53};
    m->stages[1] = (bmd_stage){.propellant_mass_kg = 250, .dry_mass_kg = 60, .burn_time_s = 25,
                               .isp_vacuum_s = 280, .diameter_m = 0.35};
    m->payload.rv_mass_kg = 30;
    m->payload.rv_beta_kg_m2 = 5000;
    bmd_interceptor_site site = {44.08 * DEG, 24.40 * DEG, 0.0, 45.0 * DEG};
    worst w = {0};
    compare_fan(&e, &ic, &site, 19, &w);
    print_message("staged: %ld states, worst |d range| %.3g m, |d gamma| %.3g rad\n", w.n,
                  w.range_m, w.gamma_rad);
    assert_true(w.n > 1000);
    assert_close(w.range_m, 0.0, 1e-4);
    assert_close(w.altitude_m, 0.0, 1e-8);
    assert_close(w.gamma_rad, 0.0, 1e-12);
}

/* Whole tables, fast against reference, default options (361 elevations, 201 x 161 nodes) on
 * WGS84 at Redzikowo: the same reachable nodes, times within 1e-7 s, speeds within 1e-5 m/s,
 * angles within 1e-8 rad (measured 1.6e-9 s, 1.6e-8 m/s, 1.8e-11 rad). Why these bounds: a node
 * is a linear interpolation of three fan states whose ranges moved by at most 0.1 mm (tests
 * above); across a triangle the time changes by 1 s per state over >= ~1 km of range, so 0.1 mm
 * moves a time by < 1e-7 s, a speed by < 1e-5 m/s (acceleration < 10 g) and an angle by < 1e-8
 * rad (the angles are computed by the rasteriser from the states' vertical and horizontal speeds:
 * the same formula as the reference, and the reference's through sin and cos). The grid extent
 * (the fan's farthest range) moves by at most 0.1 mm. Far below the table's own error against
 * the direct computation (0.02 s, 1 m/s, 1e-3 rad: test_flyout). */
static void tables_built_fast_match_tables_built_with_the_geodesic_inverse(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_interceptor ic = test_notional_interceptor(4500.0, 60.0, 600.0);
    bmd_flyout_options o;
    bmd_flyout_options_init(&o);
    o.site = (bmd_interceptor_site){54.48 * DEG, 17.10 * DEG, 0.0, 60.0 * DEG};
    bmd_flyout fast, ref;
    bmd_error err;
    assert_int_equal(bmd_ic_flyout_build(&fast, &e, &ic, &o, BMD_IC_FAN_FAST, &err), BMD_SUCCESS);
    assert_int_equal(bmd_ic_flyout_build(&ref, &e, &ic, &o, BMD_IC_FAN_EXACT, &err), BMD_SUCCESS);
    assert_int_equal(fast.n_range, ref.n_range);
    assert_int_equal(fast.n_altitude, ref.n_altitude);
    assert_int_equal(fast.n_states, ref.n_states);
    assert_close(fast.range_max_m, ref.range_max_m, 1e-4);
    assert_close(fast.altitude_max_m, ref.altitude_max_m, 1e-9 * ref.altitude_max_m);
    double wt = 0.0, wv = 0.0, wg = 0.0;
    long n_reach = 0, n_differ = 0;
    for (long k = 0; k < (long)ref.n_range * ref.n_altitude; k++) {
        if (isinf(ref.t_s[k]) || isinf(fast.t_s[k])) {
            n_differ += isinf(ref.t_s[k]) != isinf(fast.t_s[k]);
            continue;
        }
        n_reach++;
        wt = fmax(wt, fabs(fast.t_s[k] - ref.t_s[k]));
        wv = fmax(wv, fabs(fast.speed_m_s[k] - ref.speed_m_s[k]));
        wg = fmax(wg, fabs(fast.gamma_rad[k] - ref.gamma_rad[k]));
    }
    print_message("tables: %ld reachable nodes, %ld differ in reach; worst |dt| %.3g s, |dv| %.3g "
                  "m/s, |dgamma| %.3g rad\n", n_reach, n_differ, wt, wv, wg);
    assert_true(n_reach > 10000);
    assert_int_equal(n_differ, 0);
    assert_close(wt, 0.0, 1e-7);
    assert_close(wv, 0.0, 1e-5);
    assert_close(wg, 0.0, 1e-8);
    bmd_flyout_free(&fast);
    bmd_flyout_free(&ref);
}

/* The lattice's nodes depend only on their indices: a trajectory converted with a lattice that
 * other trajectories (and a far one) have filled gets bit for bit the ranges it gets with a fresh
 * one, so a table does not depend on the order of the fan's trajectories. */
static void converted_ranges_do_not_depend_on_what_the_lattice_holds(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_interceptor ic = test_notional_interceptor(4500.0, 60.0, 600.0);
    bmd_interceptor_site site = {54.48 * DEG, 17.10 * DEG, 0.0, 60.0 * DEG};
    const int max = bmd_ic_states_needed(&ic, 1.0);
    bmd_kv_state *raw = malloc(sizeof *raw * (size_t)max), *a = malloc(sizeof *a * (size_t)max);
    bmd_kv_state *b = malloc(sizeof *b * (size_t)max);
    double *scratch = malloc(sizeof *scratch * BMD_IC_FAN_SCRATCH(max));
    assert_true(raw && a && b && scratch);
    bmd_ic_fan_site fresh, used;
    bmd_ic_fan_site_init(&e, &site, &fresh);
    bmd_ic_fan_site_init(&e, &site, &used);
    const double els[] = {10.0 * DEG, 80.0 * DEG, 45.0 * DEG};
    for (int k = 0; k < 3; k++) {
        int n = 0;
        assert_int_equal(bmd_ic_fly_raw(&e, &ic, &site, els[k], 1.0, raw, max, &n, NULL), 0);
        memcpy(b, raw, sizeof *raw * (size_t)n);
        bmd_ic_fan_states(&used, b, n, scratch, NULL); /* fills the lattice along the way */
        if (k < 2)
            continue;
        memcpy(a, raw, sizeof *raw * (size_t)n);
        bmd_ic_fan_states(&fresh, a, n, scratch, NULL);
        for (int m = 0; m < n; m++)
            assert_true(a[m].ground_range_m == b[m].ground_range_m);
        assert_true(used.ni * used.nj > fresh.ni * fresh.nj);
    }
    bmd_ic_fan_site_free(&fresh);
    bmd_ic_fan_site_free(&used);
    free(raw);
    free(a);
    free(b);
    free(scratch);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(
            fan_states_match_the_geodesic_inverse_within_a_tenth_of_a_millimetre_on_wgs84),
        cmocka_unit_test(fan_states_match_the_geodesic_inverse_on_spheres),
        cmocka_unit_test(near_vertical_launches_match_within_a_tenth_of_a_millimetre),
        cmocka_unit_test(staged_fans_match_the_geodesic_inverse_within_a_tenth_of_a_millimetre),
        cmocka_unit_test(converted_ranges_do_not_depend_on_what_the_lattice_holds),
        cmocka_unit_test(tables_built_fast_match_tables_built_with_the_geodesic_inverse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
