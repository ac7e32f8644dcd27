/* Tests of the missile-flight model: missile tables and validation, analytic vacuum cases (Kepler
 * free flight, the rocket equation), Forden's Table 3 maximum ranges, Minuteman III, Earth
 * rotation, the time series, and bad input. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/aim.h"
#include "bmd/catalog.h"
#include "bmd/earth.h"
#include "bmd/geodesy.h"
#include "bmd/kepler.h"
#include "bmd/trajectory.h"
#include "flight/flight_internal.h"
#include "flight_vehicles.h"

#define DEG (M_PI / 180.0)

/* ---- missile.c ---------------------------------------------------------------------------- */

static void table_interpolates_linearly_and_clamps_at_the_ends(void **state)
{
    (void)state;
    bmd_table t = {3, {0.0, 1.0, 3.0}, {2.0, 4.0, 0.0}};
    /* exact linear interpolation: y(0.5) = 3, y(2) = 2; clamped outside [0, 3] */
    assert_float_equal(bmd_table_eval(&t, 0.5), 3.0, 1e-15);
    assert_float_equal(bmd_table_eval(&t, 2.0), 2.0, 1e-15);
    assert_float_equal(bmd_table_eval(&t, -5.0), 2.0, 0.0);
    assert_float_equal(bmd_table_eval(&t, 9.0), 0.0, 0.0);
    bmd_table empty = {0};
    assert_float_equal(bmd_table_eval(&empty, 1.0), 0.0, 0.0);
}

static void default_drag_curve_is_fordens(void **state)
{
    (void)state;
    bmd_table cd;
    bmd_missile_default_cd(&cd);
    /* Forden (2007): Mach [0, .85, 1, 1.2, 2, 4.5] -> Cd [.2, .2, .27, .27, .2, .2]; linear between:
     * Mach 0.925 -> 0.235, Mach 1.6 -> 0.235, Mach 10 -> 0.20 (clamped) */
    assert_float_equal(bmd_table_eval(&cd, 0.925), 0.235, 1e-12);
    assert_float_equal(bmd_table_eval(&cd, 1.1), 0.27, 1e-12);
    assert_float_equal(bmd_table_eval(&cd, 1.6), 0.235, 1e-12);
    assert_float_equal(bmd_table_eval(&cd, 10.0), 0.20, 1e-12);
}

static void launch_mass_and_ideal_delta_v_follow_the_rocket_equation(void **state)
{
    (void)state;
    bmd_missile m;
    vehicle_scud_b(&m);
    /* Forden Table 1: Scud-B launch mass 5,897 kg (exact sum) */
    assert_float_equal(bmd_missile_launch_mass_kg(&m), 5897.0, 1e-9);
    /* Tsiolkovsky: 230 s * g0 * ln(5897 / 2198) */
    assert_float_equal(bmd_missile_ideal_delta_v_m_s(&m), 230.0 * 9.80665 * log(5897.0 / 2198.0),
                       1e-9);
    vehicle_taepodong_1(&m, 0.88);
    /* Taepodong-I launch mass 25,251 kg (references.md section 2) */
    assert_float_equal(bmd_missile_launch_mass_kg(&m), 25251.0, 1e-9);
    double dv = 240.0 * 9.80665 * log(25251.0 / 9151.0) + 230.0 * 9.80665 * log(5351.0 / 1652.0);
    assert_float_equal(bmd_missile_ideal_delta_v_m_s(&m), dv, 1e-9);
}

static void validation_names_the_stage_and_field_of_a_bad_value(void **state)
{
    (void)state;
    bmd_missile m;
    bmd_error err;
    vehicle_taepodong_1(&m, 0.88);
    assert_int_equal(bmd_missile_validate(&m, &err), BMD_SUCCESS);
    m.stages[1].propellant_mass_kg = -5.0;
    assert_int_equal(bmd_missile_validate(&m, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "stage 2"));
    assert_non_null(strstr(err.message, "propellant_mass_kg"));
    vehicle_scud_b(&m);
    m.stages[0].dry_mass_kg = NAN;
    assert_int_equal(bmd_missile_validate(&m, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "dry_mass_kg"));
    vehicle_scud_b(&m);
    m.payload.rv_mass_kg = -1.0;
    assert_int_equal(bmd_missile_validate(&m, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "rv_mass_kg"));
    vehicle_scud_b(&m);
    m.stages[0].cd_mach.x[2] = 0.5; /* not increasing */
    assert_int_equal(bmd_missile_validate(&m, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "cd_mach"));
    vehicle_scud_b(&m);
    m.n_stages = 0;
    assert_int_equal(bmd_missile_validate(&m, &err), BMD_EINVAL);
}

/* ---- analytic vacuum cases ---------------------------------------------------------------- */

/* Free flight from the surface of a non-rotating sphere in vacuum is a Kepler arc that returns to
 * the same radius: range R Psi and the flight time of Bate, Mueller & White sec. 6.2. */
static void vacuum_free_flight_matches_kepler_range_and_time(void **state)
{
    (void)state;
    bmd_earth e;
    assert_int_equal(bmd_earth_init_sphere(&e, 0.0, 0, NULL), 0);
    const double speeds[3] = {3000.0, 5000.0, 7000.0}, gammas[3] = {45.0, 30.0, 20.0};
    for (int k = 0; k < 3; k++) {
        double lat = 20.0 * DEG, lon = 30.0 * DEG, az = 60.0 * DEG, r[3], v[3];
        bmd_earth_geodetic_to_ecef(&e, lat, lon, 0.0, r);
        bmd_earth_local_to_velocity(&e, r, speeds[k], gammas[k] * DEG, az, v);
        bmd_flight_summary s;
        bmd_error err;
        assert_int_equal(bmd_flight_coast(&e, 0.0, r, v, 100.0, 0.0, NULL, &s, NULL, &err), 0);
        assert_true(s.impacted);
        bmd_kepler_arc arc;
        assert_int_equal(bmd_kepler_arc_from_burnout(e.a_m, speeds[k], gammas[k] * DEG,
                                                     e.gm_m3_s2, &arc, NULL), 0);
        /* Kepler range R Psi and time (BMW sec. 6.2): required within 0.1 km and 0.1 s; held
         * here to 10 m and 0.01 s (measured: under 2 m and 0.3 ms at rtol 1e-8) */
        assert_float_equal(s.ground_range_m, e.a_m * arc.range_angle_rad, 10.0);
        assert_float_equal(s.flight_time_s, arc.flight_time_s, 0.01);
        /* energy is conserved: impact speed equals the launch speed (vis-viva, same radius) */
        assert_float_equal(s.impact_speed_m_s, speeds[k], 1e-3);
        /* apogee radius a(1 + e) of the same arc, within 1 m */
        assert_float_equal(s.apogee_altitude_m + e.a_m, arc.apogee_radius_m, 1.0);
    }
}

/* A single stage fired straight up with no gravity and no air reaches the rocket-equation speed
 * v = ve ln(m0/mf) and the height ve [T + (mf/mdot) ln(mf/m0)] (integral of the rocket equation). */
static void vertical_burn_without_gravity_or_air_reaches_the_rocket_equation_speed(void **state)
{
    (void)state;
    bmd_earth e;
    assert_int_equal(bmd_earth_init_sphere(&e, 0.0, 0, NULL), 0);
    bmd_missile m;
    forden_single(&m, "test", 8000.0, 1000.0, 250.0, 80.0, 1.0, 1000.0);
    m.payload.rv_beta_kg_m2 = 5000.0;
    bmd_plan p;
    bmd_plan_init(&p);
    p.vertical_rise_s = 1000.0; /* never tips over */
    bmd_flight_options opt;
    bmd_flight_options_init(&opt);
    opt.max_time_s = 81.0;
    bmd_flight_model model = {1, 1};
    bmd_flight_summary s;
    bmd_error err;
    assert_int_equal(bmd_flight_fly_model(&e, &m, &p, 10.0 * DEG, 20.0 * DEG, 0.0, &opt, &model,
                                          &s, NULL, &err), 0);
    double ve = 250.0 * BMD_G0_M_S2, m0 = 10000.0, mf = 2000.0, mdot = 100.0, tb = 80.0;
    /* Tsiolkovsky, to integrator accuracy (rtol 1e-8): 1e-4 m/s */
    assert_float_equal(s.burnout_speed_m_s, ve * log(m0 / mf), 1e-4);
    assert_float_equal(s.events.burnout_s, tb, 1e-9);
    /* integrated rocket equation: height within 1 cm */
    assert_float_equal(s.burnout_altitude_m, ve * (tb + mf / mdot * log(mf / m0)), 1e-2);
    assert_false(s.impacted);
}

/* ---- published maximum ranges ------------------------------------------------------------- */

/* Max range from 39N 125E at azimuth 40 deg (Thrusty's site) on the rotating WGS84 Earth:
 * Forden's pitch program with a 5 s vertical rise, or the gravity turn with a 10 s rise (the
 * CLI's default). */
static double forden_max_range_km(const bmd_missile *m, bmd_steering steering)
{
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_plan p;
    bmd_plan_init(&p);
    p.steering = steering;
    p.azimuth_rad = 40.0 * DEG;
    if (steering == BMD_STEER_PITCH_PROGRAM) {
        p.vertical_rise_s = 5.0;
        p.pitch_final_rad = 40.0 * DEG;
        p.pitch_end_s = 0.8 * m->stages[0].burn_time_s;
    }
    bmd_site site = {39.0 * DEG, 125.0 * DEG, 0.0};
    bmd_aim_result res;
    bmd_error err;
    int rc = bmd_aim_max_range(&e, m, &p, &site, NULL, &res, &err);
    assert_int_equal(rc, 0);
    print_message("%-12s %s max range %8.1f km  (%d flights)\n", m->name,
                  steering == BMD_STEER_PITCH_PROGRAM ? "pitch program" : "gravity turn ",
                  res.max_range_m / 1e3, res.evaluations);
    return res.max_range_m / 1e3;
}

/* The shipped catalogue files scud-b, al-hussein, no-dong, taepodong-1 (data/catalog/missiles),
 * flown as shipped. */
static void forden_table_3_maximum_ranges_are_reproduced_within_3_percent(void **state)
{
    (void)state;
    static const char *names[4] = {"scud-b", "al-hussein", "no-dong", "taepodong-1"};
    /* Forden, Science & Global Security 15 (2007), Table 3: Scud-B 288 km, Al Hussein 693 km,
     * No-dong 973 km, Taepodong-I 2,349 km (azimuth 40 deg); tolerance 3% (issue 3). Measured
     * with the pitch program: 287.3 / 698.0 / 970.6 / 2,340.5 km (all within 0.8%). */
    static const double table3_km[4] = {288.0, 693.0, 973.0, 2349.0};
    for (int i = 0; i < 4; i++) {
        bmd_missile m;
        load_vehicle(&m, names[i]);
        assert_float_equal(forden_max_range_km(&m, BMD_STEER_PITCH_PROGRAM), table3_km[i],
                           0.03 * table3_km[i]);
    }
}

/* The gravity turn (the CLI's default steering) also flies Forden's vehicles within 3% of his
 * Table 3, though less closely than his pitch program: measured 292.3 / 704.4 / 982.5 /
 * 2,282.7 km (+1.5 / +1.6 / +1.0 / -2.8%), vertical rise 10 s. */
static void forden_vehicles_fly_within_3_percent_with_the_gravity_turn_too(void **state)
{
    (void)state;
    static const char *names[4] = {"scud-b", "al-hussein", "no-dong", "taepodong-1"};
    /* Forden (2007) Table 3, as above; tolerance 3% */
    static const double table3_km[4] = {288.0, 693.0, 973.0, 2349.0};
    for (int i = 0; i < 4; i++) {
        bmd_missile m;
        load_vehicle(&m, names[i]);
        assert_float_equal(forden_max_range_km(&m, BMD_STEER_GRAVITY_TURN), table3_km[i],
                           0.03 * table3_km[i]);
    }
}

/* The catalogue's Minuteman III (pytrajlib booster, three 200 kg warheads on a 150 kg bus) from
 * Minot AFB toward Russia over the pole. */
static void minuteman_3_max_range_is_in_its_published_class(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_missile m;
    load_vehicle(&m, "minuteman-3");
    bmd_plan p;
    bmd_plan_init(&p);
    p.azimuth_rad = 300.0 * DEG;
    bmd_site site = {48.4 * DEG, -101.3 * DEG, 500.0};
    bmd_aim_result res;
    bmd_error err;
    assert_int_equal(bmd_aim_max_range(&e, &m, &p, &site, NULL, &res, &err), 0);
    print_message("Minuteman III (750 kg) max range %.1f km, burnout %.0f m/s\n",
                  res.max_range_m / 1e3, res.summary.burnout_speed_m_s);
    assert_true(res.summary.impacted);
    /* Lower bound: U.S. Air Force fact sheet LGM-30G Minuteman III (af.mil), range "6,000-plus
     * miles (5,218 nautical miles)" = 9,664 km. Upper: press figures "up to 8,080 miles"
     * (essanews.com, June 2024) = 13,003 km, "over 13,000 km" (WION, 2025). Measured 10,948 km
     * (gravity turn, rotating Earth, toward az 300). */
    assert_true(res.max_range_m > 9664e3);
    assert_true(res.max_range_m < 13003e3);

    /* pytrajlib's own light load (450 kg RV, 100 kg bus) is nearly orbital: it must still come
     * down, beyond the fact sheet's lower bound (measured about 17,800 km, kept for reference) */
    vehicle_minuteman_3(&m);
    assert_int_equal(bmd_aim_max_range(&e, &m, &p, &site, NULL, &res, &err), 0);
    print_message("Minuteman III (pytrajlib 550 kg) max range %.1f km\n", res.max_range_m / 1e3);
    assert_true(res.summary.impacted);
    assert_true(res.max_range_m > 9664e3);
}

/* Every shipped missile's maximum range under the library's default for max range (the longer of
 * the gravity turn's and the pitch program's, bmd_aim_max_range_best) lies inside the published
 * class its file states (published_range_km: low and high, each with its source or a noted
 * notional flag; docs/catalog.md). Non-rotating WGS84 Earth (ranges quoted without a bearing),
 * from 40N 125E toward the east. */
static void every_shipped_missile_flies_inside_its_published_range_class(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    e.omega_rad_s = 0.0;
    char dir[1024], names[32][BMD_NAME_MAX];
    const char *env = getenv("BMD_DATA_DIR");
    snprintf(dir, sizeof dir, "%s/catalog/missiles", env && *env ? env : BMD_TEST_DATA_DIR);
    int n = 0;
    assert_int_equal(bmd_catalog_list_missiles(dir, names, 32, &n, NULL), 0);
    assert_true(n >= 10);
    static bmd_catalog_missile entry;
    for (int i = 0; i < n; i++) {
        assert_int_equal(bmd_catalog_find_missile(dir, names[i], &entry, NULL), 0);
        const bmd_param_provenance *cls = &entry.published_range;
        assert_true(cls->has_range); /* every shipped file states its class */
        assert_true(cls->source[0] || (cls->notional && cls->note[0]));
        bmd_site site = {40.0 * DEG, 125.0 * DEG, 0.0};
        bmd_aim_result res;
        bmd_error err;
        assert_int_equal(bmd_aim_max_range_best(&e, &entry.missile, 90.0 * DEG, &site, NULL, &res,
                                                &err), 0);
        print_message("%-20s %-13s max range %8.1f km  class %6.0f-%6.0f km\n", names[i],
                      res.plan.steering == BMD_STEER_PITCH_PROGRAM ? "pitch program"
                                                                   : "gravity turn",
                      res.max_range_m / 1e3, cls->low / 1e3, cls->high / 1e3);
        /* the published class, with the source in the file */
        assert_true(res.max_range_m >= cls->low && res.max_range_m <= cls->high);
    }
}

/* ---- Earth rotation ----------------------------------------------------------------------- */

/* The same Earth-relative burnout state flown east and west from the equator of a rotating
 * sphere in vacuum: each range equals bmd_kepler_rotating_range's (the same physics in closed
 * form), and east flies farther. */
static void rotation_lengthens_eastward_free_flight_as_kepler_predicts(void **state)
{
    (void)state;
    bmd_earth e;
    assert_int_equal(bmd_earth_init_sphere(&e, 0.0, 1, NULL), 0);
    double range[2];
    for (int k = 0; k < 2; k++) {
        double az = k == 0 ? 90.0 * DEG : 270.0 * DEG, r[3], v[3];
        bmd_earth_geodetic_to_ecef(&e, 0.0, 0.0, 0.0, r);
        bmd_earth_local_to_velocity(&e, r, 6000.0, 30.0 * DEG, az, v);
        double r_eci[3], v_eci[3];
        bmd_earth_ecef_to_eci(&e, 0.0, r, v, r_eci, v_eci);
        bmd_flight_summary s;
        assert_int_equal(bmd_flight_coast(&e, 0.0, r_eci, v_eci, 100.0, 0.0, NULL, &s, NULL, NULL),
                         0);
        bmd_kepler_rotating kr;
        assert_int_equal(bmd_kepler_rotating_range(0.0, az, e.a_m, 6000.0, 30.0 * DEG, e.gm_m3_s2,
                                                   e.omega_rad_s, &kr, NULL), 0);
        range[k] = s.ground_range_m;
        /* closed-form rotating Kepler range and time: within 10 m and 0.01 s (measured 0.1 m) */
        assert_float_equal(s.ground_range_m, e.a_m * kr.range_angle_rad, 10.0);
        assert_float_equal(s.flight_time_s, kr.flight_time_s, 0.01);
    }
    assert_true(range[0] > range[1] + 100e3); /* east beats west by far more than 100 km */
}

/* Full Scud-B flights east and west from the equator: east is longer, by roughly what the
 * rotating Kepler relation gives for the two burnout states (within 30%, drag and the powered
 * phase differ). Forden (2007) reports about 6 km for Scud-B (references.md section 2). */
static void rotation_lengthens_eastward_missile_flight(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_missile m;
    vehicle_scud_b(&m);
    bmd_plan p;
    bmd_plan_init(&p);
    p.steering = BMD_STEER_PITCH_PROGRAM;
    p.vertical_rise_s = 5.0;
    p.pitch_final_rad = 40.0 * DEG;
    p.pitch_end_s = 60.0;
    double range[2], kep[2];
    for (int k = 0; k < 2; k++) {
        p.azimuth_rad = k == 0 ? 90.0 * DEG : 270.0 * DEG;
        bmd_flight_summary s;
        assert_int_equal(bmd_trajectory_fly(&e, &m, &p, 0.0, 0.0, 0.0, NULL, &s, NULL, NULL), 0);
        range[k] = s.ground_range_m;
        bmd_kepler_rotating kr;
        assert_int_equal(bmd_kepler_rotating_range(0.0, p.azimuth_rad,
                                                   e.a_m + s.burnout_altitude_m,
                                                   s.burnout_speed_m_s, s.burnout_flight_path_rad,
                                                   e.gm_m3_s2, e.omega_rad_s, &kr, NULL), 0);
        kep[k] = kr.range_angle_rad - kr.nonrotating_range_angle_rad;
    }
    double diff = range[0] - range[1];
    double kep_diff = (kep[0] - kep[1]) * e.a_m;
    print_message("Scud-B east - west: %.2f km (Kepler from the burnout states: %.2f km)\n",
                  diff / 1e3, kep_diff / 1e3);
    assert_true(diff > 0.0);
    assert_float_equal(diff, kep_diff, 0.3 * fabs(kep_diff));
}

/* ---- time series and events --------------------------------------------------------------- */

static void time_series_is_ordered_and_interpolates_between_samples(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_missile m;
    vehicle_minuteman_3(&m);
    bmd_plan p;
    bmd_plan_init(&p);
    p.kick_rad = 0.2;
    p.azimuth_rad = 1.0;
    bmd_flight_options coarse, fine;
    bmd_flight_options_init(&coarse);
    coarse.sample_interval_s = 20.0;
    fine = coarse;
    fine.sample_interval_s = 0.5;
    bmd_trajectory tc = {0}, tf = {0};
    bmd_flight_summary sc, sf;
    assert_int_equal(bmd_trajectory_fly(&e, &m, &p, 0.7, 0.3, 0.0, &coarse, &sc, &tc, NULL), 0);
    assert_int_equal(bmd_trajectory_fly(&e, &m, &p, 0.7, 0.3, 0.0, &fine, &sf, &tf, NULL), 0);
    assert_true(sc.impacted);
    /* sampling does not change the flight: impact time identical to 1 microsecond */
    assert_float_equal(sc.flight_time_s, sf.flight_time_s, 1e-6);
    for (int i = 1; i < tc.n_samples; i++)
        assert_true(tc.samples[i].t_s >= tc.samples[i - 1].t_s);
    /* first sample at launch on the ground, last at impact at altitude 0 (within 1 mm) */
    assert_float_equal(tc.samples[0].altitude_m, 0.0, 1e-3);
    assert_float_equal(tc.samples[tc.n_samples - 1].t_s, sc.flight_time_s, 1e-9);
    assert_float_equal(tc.samples[tc.n_samples - 1].altitude_m, 0.0, 1e-3);
    /* apogee event: no sample is higher (1 m) */
    for (int i = 0; i < tf.n_samples; i++)
        assert_true(tf.samples[i].altitude_m <= sf.apogee_altitude_m + 1.0);
    /* Hermite interpolation of the 20 s series in free flight agrees with the 0.5 s samples to
     * 1 m (a cubic's error over 20 s with ~10 m/s^2 acceleration changing slowly) */
    for (int i = 0; i < tf.n_samples; i++) {
        const bmd_sample *x = &tf.samples[i];
        if (x->t_s < sf.events.burnout_s + 30.0 || x->t_s > sf.events.reentry_s)
            continue;
        double r[3], v[3];
        assert_int_equal(bmd_trajectory_state_at(&tc, x->t_s, r, v, NULL), 0);
        double d = hypot(hypot(r[0] - x->r_ecef_m[0], r[1] - x->r_ecef_m[1]),
                         r[2] - x->r_ecef_m[2]);
        assert_true(d < 1.0);
    }
    /* phases appear in order boost -> coast/free -> reentry */
    int last = -1;
    for (int i = 0; i < tf.n_samples; i++) {
        int ph = tf.samples[i].phase == BMD_PHASE_COAST_STAGE ? BMD_PHASE_BOOST
                                                              : tf.samples[i].phase;
        assert_true(ph >= last);
        last = ph;
    }
    assert_int_equal(last, BMD_PHASE_REENTRY);
    /* events: three stage burnouts at 61, 127, 188 s (pytrajlib burn times) */
    assert_float_equal(sf.events.stage_burnout_s[0], 61.0, 1e-9);
    assert_float_equal(sf.events.stage_burnout_s[1], 127.0, 1e-9);
    assert_float_equal(sf.events.stage_burnout_s[2], 188.0, 1e-9);
    assert_true(sf.events.apogee_s < sf.events.reentry_s);
    assert_true(sf.events.reentry_s < sf.events.impact_s);
    bmd_error err;
    assert_int_equal(bmd_trajectory_state_at(&tc, -1.0, NULL, NULL, &err), BMD_EDOM);
    bmd_trajectory_free(&tc);
    bmd_trajectory_free(&tf);
    assert_null(tc.samples);
}

/* ---- mass bookkeeping, thrust tables, cutoff ---------------------------------------------- */

/* Sum of the flight's mass changes: launch mass less all propellant, the lower stages' dry mass and
 * the jettisoned shroud equals the mass at final burnout (exact bookkeeping), and the RV alone
 * flies on. A thrust table of constant thrust over the burn time flies exactly like the constant
 * stage (same mass flow by construction). */
static void stage_masses_shroud_and_thrust_tables_are_accounted_exactly(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_missile m;
    vehicle_minuteman_3(&m);
    m.payload.shroud_mass_kg = 150.0;
    m.payload.shroud_jettison_s = 100.0;
    m.stages[2].coast_before_s = 5.0;
    bmd_plan p;
    bmd_plan_init(&p);
    p.kick_rad = 0.3;
    bmd_flight_options opt;
    bmd_flight_options_init(&opt);
    opt.sample_interval_s = 5.0;
    bmd_trajectory tr = {0};
    bmd_flight_summary s;
    assert_int_equal(bmd_trajectory_fly(&e, &m, &p, 0.8, -1.7, 0.0, &opt, &s, &tr, NULL), 0);
    /* burnouts at 61, 127 and 127 + 5 + 61 = 193 s */
    assert_float_equal(s.events.stage_burnout_s[2], 193.0, 1e-9);
    assert_float_equal(s.events.burnout_s, 193.0, 1e-9);
    double at_burnout = NAN, after = NAN, coast_mass = NAN;
    int coast_seen = 0;
    for (int i = 0; i < tr.n_samples; i++) {
        const bmd_sample *x = &tr.samples[i];
        if (x->t_s == 193.0 && x->phase == BMD_PHASE_BOOST)
            at_burnout = x->mass_kg;
        if (x->t_s == 193.0 && x->phase == BMD_PHASE_FREE)
            after = x->mass_kg;
        if (x->phase == BMD_PHASE_COAST_STAGE) {
            coast_seen = 1;
            coast_mass = x->mass_kg;
        }
    }
    /* 34,760 + 150 - 30,326 propellant - 2,450 - 1,030 dry - 150 shroud = 954 kg (RV + bus +
     * third-stage dry 404 kg), to rounding of the integrated mass flow (1e-6 kg) */
    assert_float_equal(at_burnout, 450.0 + 100.0 + 404.0, 1e-6);
    assert_float_equal(after, 450.0, 0.0); /* the RV alone */
    assert_true(coast_seen);
    /* during the coast: stage 3 full, RV, bus, no shroud: 3,710 + 550 = 4,260 kg */
    assert_float_equal(coast_mass, 4260.0, 1e-6);
    bmd_trajectory_free(&tr);

    /* constant-thrust table == constant stage: same impact to 1 m */
    vehicle_minuteman_3(&m);
    bmd_flight_summary s_const, s_table;
    assert_int_equal(bmd_trajectory_fly(&e, &m, &p, 0.8, -1.7, 0.0, NULL, &s_const, NULL, NULL), 0);
    bmd_stage *st = &m.stages[1];
    double f = BMD_G0_M_S2 * st->isp_vacuum_s * st->propellant_mass_kg / st->burn_time_s;
    st->thrust_vacuum_n.n = 2;
    st->thrust_vacuum_n.x[0] = 0.0;
    st->thrust_vacuum_n.x[1] = st->burn_time_s;
    st->thrust_vacuum_n.y[0] = st->thrust_vacuum_n.y[1] = f;
    assert_int_equal(bmd_trajectory_fly(&e, &m, &p, 0.8, -1.7, 0.0, NULL, &s_table, NULL, NULL), 0);
    assert_float_equal(s_table.ground_range_m, s_const.ground_range_m, 1.0);
    /* a ramped table still burns exactly the propellant: burnout mass unchanged (1e-6 kg) */
    st->thrust_vacuum_n.n = 3;
    st->thrust_vacuum_n.x[1] = 20.0;
    st->thrust_vacuum_n.x[2] = st->burn_time_s;
    st->thrust_vacuum_n.y[0] = 0.5 * f;
    st->thrust_vacuum_n.y[1] = 1.5 * f;
    st->thrust_vacuum_n.y[2] = 0.8 * f;
    opt.sample_interval_s = 0.0;
    assert_int_equal(bmd_trajectory_fly(&e, &m, &p, 0.8, -1.7, 0.0, &opt, &s_table, &tr, NULL), 0);
    for (int i = 0; i < tr.n_samples; i++)
        if (tr.samples[i].t_s == 127.0 && tr.samples[i].phase == BMD_PHASE_BOOST &&
            tr.samples[i].stage == 1)
            assert_float_equal(tr.samples[i].mass_kg, 3710.0 + 550.0 + 1030.0, 1e-6);
    bmd_trajectory_free(&tr);
}

/* Cutting the thrust off early shortens the range monotonically (min-energy family). */
static void earlier_cutoff_flies_shorter(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_missile m;
    vehicle_minuteman_3(&m);
    bmd_plan p;
    bmd_plan_init(&p);
    p.kick_rad = 0.3;
    double last = INFINITY;
    for (double tc = 188.0; tc > 100.0; tc -= 20.0) {
        p.cutoff_s = tc < 188.0 ? tc : 0.0;
        bmd_flight_summary s;
        assert_int_equal(bmd_trajectory_fly(&e, &m, &p, 0.8, -1.7, 0.0, NULL, &s, NULL, NULL), 0);
        assert_true(s.impacted);
        assert_true(s.ground_range_m < last);
        assert_float_equal(s.events.burnout_s, tc, 1e-9);
        last = s.ground_range_m;
    }
}

/* A small two-stage rocket (the staged interceptor of test_interceptor) flown nearly horizontally
 * on a non-rotating sphere: after a 4 s rise the kick leaves it at elevations of 0 to 0.25 rad, it
 * dives back and hits the ground while its second stage still burns. Regression (issue 3 aim
 * hardening): this was BMD_EBADFUNC, "right-hand side returned status 1 at t = 56.3 s" (the
 * integrator's first-step probe reached past the stage's burnout, where no mass is left). It is a
 * normal ending: an impact, its time and point, and the phase. */
static void a_missile_hitting_the_ground_while_boosting_is_an_impact_not_an_error(void **state)
{
    (void)state;
    bmd_earth e;
    assert_int_equal(bmd_earth_init_sphere(&e, 0.0, 0, NULL), 0);
    bmd_missile m;
    memset(&m, 0, sizeof m);
    m.n_stages = 2;
    m.stages[0] = (bmd_stage){.propellant_mass_kg = 600, .dry_mass_kg = 150, .burn_time_s = 20,
                              .isp_vacuum_s = 260, .isp_sea_level_s = 240, .diameter_m = 0.53};
    m.stages[1] = (bmd_stage){.propellant_mass_kg = 250, .dry_mass_kg = 60, .burn_time_s = 25,
                              .isp_vacuum_s = 280, .diameter_m = 0.35};
    m.payload.rv_mass_kg = 30;
    m.payload.rv_beta_kg_m2 = 5000;
    const double az = 0.3, lat0 = 0.5, lon0 = 0.5;
    int boost_impacts = 0;
    for (double el = 0.0; el <= 0.6001; el += 0.05) {
        bmd_plan p;
        bmd_plan_init(&p);
        p.azimuth_rad = az;
        p.vertical_rise_s = 4.0;
        p.kick_rad = 0.5 * M_PI - el - 1e-6;
        bmd_flight_options opt;
        bmd_flight_options_init(&opt);
        opt.max_time_s = 400.0;
        opt.sample_interval_s = 1.0;
        bmd_flight_summary s;
        bmd_trajectory traj = {0};
        bmd_error err;
        int rc = bmd_trajectory_fly(&e, &m, &p, lat0, lon0, 0.0, &opt, &s, &traj, &err);
        if (rc)
            print_message("elevation %.2f rad: %s\n", el, err.message);
        assert_int_equal(rc, BMD_SUCCESS);
        assert_true(s.impacted);
        const bmd_sample *last = &traj.samples[traj.n_samples - 1];
        /* the series ends at the impact: altitude 0 to the event tolerance (1e-9 s at under
         * 2 km/s: well under 1 mm) */
        assert_float_equal(last->t_s, s.events.impact_s, 1e-12);
        assert_float_equal(last->altitude_m, 0.0, 1e-3);
        /* the gravity turn stays in the vertical plane of the launch azimuth on a non-rotating
         * sphere: the impact bearing is the azimuth (to 1e-6 rad) */
        double d, bearing;
        bmd_geodesy_inverse(&e, lat0, lon0, s.impact_lat_rad, s.impact_lon_rad, &d, &bearing,
                            NULL);
        assert_float_equal(d, s.ground_range_m, 1e-6);
        assert_float_equal(bearing, az, 1e-6);
        if (s.events.impact_s < 45.0) { /* before the second stage's burnout at 20 + 25 s */
            boost_impacts++;
            assert_int_equal(s.impact_phase, BMD_PHASE_BOOST);
            assert_true(isnan(s.events.burnout_s) && isnan(s.burnout_speed_m_s));
            assert_int_equal(last->phase, BMD_PHASE_BOOST);
        } else {
            assert_int_equal(s.impact_phase, BMD_PHASE_REENTRY);
            assert_float_equal(s.events.burnout_s, 45.0, 1e-9);
        }
        bmd_trajectory_free(&traj);
    }
    assert_true(boost_impacts >= 4); /* elevations 0 to 0.25 rad come down while boosting */
}

/* ---- bad input ---------------------------------------------------------------------------- */

static void bad_plans_masses_and_launch_points_are_rejected(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_missile m;
    vehicle_scud_b(&m);
    bmd_plan p;
    bmd_plan_init(&p);
    bmd_flight_summary s;
    bmd_error err;
    p.kick_rad = 95.0 * DEG;
    assert_int_equal(bmd_trajectory_fly(&e, &m, &p, 0.5, 0.5, 0.0, NULL, &s, NULL, &err),
                     BMD_EINVAL);
    assert_non_null(strstr(err.message, "kick"));
    bmd_plan_init(&p);
    p.kick_rad = NAN;
    assert_int_equal(bmd_trajectory_fly(&e, &m, &p, 0.5, 0.5, 0.0, NULL, &s, NULL, &err),
                     BMD_EINVAL);
    bmd_plan_init(&p);
    p.vertical_rise_s = 0.0;
    assert_int_equal(bmd_trajectory_fly(&e, &m, &p, 0.5, 0.5, 0.0, NULL, &s, NULL, &err),
                     BMD_EINVAL);
    bmd_plan_init(&p);
    p.steering = BMD_STEER_PITCH_PROGRAM;
    p.pitch_end_s = 5.0; /* before the end of the vertical rise */
    assert_int_equal(bmd_trajectory_fly(&e, &m, &p, 0.5, 0.5, 0.0, NULL, &s, NULL, &err),
                     BMD_EINVAL);
    bmd_plan_init(&p);
    m.stages[0].dry_mass_kg = -100.0;
    assert_int_equal(bmd_trajectory_fly(&e, &m, &p, 0.5, 0.5, 0.0, NULL, &s, NULL, &err),
                     BMD_EINVAL);
    assert_non_null(strstr(err.message, "dry_mass_kg"));
    vehicle_scud_b(&m);
    assert_int_equal(bmd_trajectory_fly(&e, &m, &p, 91.0 * DEG, 0.5, 0.0, NULL, &s, NULL, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_trajectory_fly(&e, &m, &p, NAN, 0.5, 0.0, NULL, &s, NULL, &err),
                     BMD_EINVAL);
    bmd_flight_options opt;
    bmd_flight_options_init(&opt);
    opt.sample_interval_s = -1.0;
    assert_int_equal(bmd_trajectory_fly(&e, &m, &p, 0.5, 0.5, 0.0, &opt, &s, NULL, &err),
                     BMD_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(table_interpolates_linearly_and_clamps_at_the_ends),
        cmocka_unit_test(default_drag_curve_is_fordens),
        cmocka_unit_test(launch_mass_and_ideal_delta_v_follow_the_rocket_equation),
        cmocka_unit_test(validation_names_the_stage_and_field_of_a_bad_value),
        cmocka_unit_test(vacuum_free_flight_matches_kepler_range_and_time),
        cmocka_unit_test(vertical_burn_without_gravity_or_air_reaches_the_rocket_equation_speed),
        cmocka_unit_test(forden_table_3_maximum_ranges_are_reproduced_within_3_percent),
        cmocka_unit_test(forden_vehicles_fly_within_3_percent_with_the_gravity_turn_too),
        cmocka_unit_test(minuteman_3_max_range_is_in_its_published_class),
        cmocka_unit_test(every_shipped_missile_flies_inside_its_published_range_class),
        cmocka_unit_test(rotation_lengthens_eastward_free_flight_as_kepler_predicts),
        cmocka_unit_test(rotation_lengthens_eastward_missile_flight),
        cmocka_unit_test(time_series_is_ordered_and_interpolates_between_samples),
        cmocka_unit_test(stage_masses_shroud_and_thrust_tables_are_accounted_exactly),
        cmocka_unit_test(earlier_cutoff_flies_shorter),
        cmocka_unit_test(a_missile_hitting_the_ground_while_boosting_is_an_impact_not_an_error),
        cmocka_unit_test(bad_plans_masses_and_launch_points_are_rejected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
