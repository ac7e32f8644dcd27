/* Tests of the minimum-energy trajectory (issue 10): on a non-rotating spherical Earth the
 * min-energy flight's burnout speed must be within 1 % of the Kepler minimum for its burnout
 * radius and its free-flight range angle (Bate, Mueller & White eq. 6.2-20, bmd_kepler_min_energy),
 * at four ranges from 1,000 to 9,000 km. The free-flight range angle is measured on the flown time
 * series (burnout to the descent through the burnout radius, drag included), not taken from the
 * search's own Kepler condition, so the check is independent of how the search works. The cutoff
 * shape (max-range steering cut off) fails the same check, so the check can fail. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/aim.h"
#include "bmd/geodesy.h"
#include "bmd/kepler.h"
#include "flight_vehicles.h"

#define DEG (M_PI / 180.0)

/* One case: a catalogue missile and a range it reaches (its max range on this Earth in the
 * comment). */
typedef struct me_case {
    const char *missile;
    double range_km;
} me_case;

static const me_case cases[4] = {
    {"shahab-3-class", 1000.0},   /* max about 1,330 km */
    {"hwasong-14-class", 3000.0}, /* an ICBM at an intermediate range */
    {"rs-24-yars-class", 6000.0},
    {"minuteman-3", 9000.0},
};

/* Geocentric angle between two position vectors. */
static double angle_between(const double a[3], const double b[3])
{
    double c[3] = {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
    double s = sqrt(c[0] * c[0] + c[1] * c[1] + c[2] * c[2]);
    return atan2(s, a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
}

static double norm3(const double a[3]) { return sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]); }

/* Fly case c on shape; return the burnout speed over the Kepler minimum for the burnout radius
 * and the measured free-flight range angle (also the burnout angle's distance from (pi-Psi)/4). */
static double speed_over_kepler_minimum(const bmd_earth *earth, const me_case *c,
                                        bmd_aim_shape shape, double *gamma_gap_rad)
{
    bmd_missile m;
    load_vehicle(&m, c->missile);
    bmd_site launch = {30.0 * DEG, 10.0 * DEG, 0.0};
    double tlat, tlon;
    bmd_geodesy_direct(earth, launch.lat_rad, launch.lon_rad, 60.0 * DEG, c->range_km * 1e3,
                       &tlat, &tlon, NULL);
    bmd_aim_fly_options o;
    bmd_aim_fly_options_init(&o);
    o.shape = shape;
    o.sample_interval_s = 0.5;
    bmd_aim_flight f;
    bmd_error err;
    int rc = bmd_aim_fly_to(earth, &m, &launch, tlat, tlon, &o, 1, &f, &err);
    if (rc)
        print_message("%s %.0f km: %s\n", c->missile, c->range_km, err.message);
    assert_int_equal(rc, BMD_SUCCESS);
    assert_true(f.reachable);
    /* burnout, and the descent through the burnout radius, from the time series */
    const bmd_trajectory *tr = &f.traj;
    const double t_bo = f.summary.events.burnout_s;
    int i_bo = -1, i_x = -1;
    for (int i = 0; i < tr->n_samples; i++) {
        if (i_bo < 0 && fabs(tr->samples[i].t_s - t_bo) < 1e-9)
            i_bo = i;
        if (i_bo >= 0 && i > i_bo && tr->samples[i].t_s > f.summary.events.apogee_s &&
            norm3(tr->samples[i].r_ecef_m) <= norm3(tr->samples[i_bo].r_ecef_m)) {
            i_x = i;
            break;
        }
    }
    assert_true(i_bo >= 0 && i_x > i_bo);
    const double *r_bo = tr->samples[i_bo].r_ecef_m, r_b = norm3(r_bo);
    const double *p0 = tr->samples[i_x - 1].r_ecef_m, *p1 = tr->samples[i_x].r_ecef_m;
    const double h0 = norm3(p0) - r_b, h1 = norm3(p1) - r_b, w = h0 / (h0 - h1);
    double cross[3];
    for (int k = 0; k < 3; k++)
        cross[k] = p0[k] + w * (p1[k] - p0[k]);
    const double psi = angle_between(r_bo, cross);
    double v_min, gamma_min;
    assert_int_equal(bmd_kepler_min_energy(r_b, psi, earth->gm_m3_s2, &v_min, &gamma_min, NULL),
                     BMD_SUCCESS);
    const double v = f.summary.burnout_inertial_speed_m_s;
    *gamma_gap_rad = f.summary.burnout_inertial_flight_path_rad - gamma_min;
    print_message("%-18s %6.0f km %-10s burnout %.1f km, Psi %.2f deg: v %.1f m/s, Kepler min "
                  "%.1f m/s (ratio %.5f); gamma %.2f deg, (180-Psi)/4 %.2f deg; %d flights\n",
                  c->missile, c->range_km, bmd_aim_shape_name(shape), (r_b - 6371008.8) / 1e3,
                  psi / DEG, v, v_min, v / v_min, f.summary.burnout_inertial_flight_path_rad / DEG,
                  gamma_min / DEG, f.evaluations);
    bmd_trajectory_free(&f.traj);
    return v / v_min;
}

/* The non-rotating sphere of BMW's Kepler problem (no J2). */
static void sphere_still(bmd_earth *e)
{
    assert_int_equal(bmd_earth_init_sphere(e, 0.0, 0, NULL), BMD_SUCCESS);
}

static void min_energy_burnout_speed_is_within_1_percent_of_kepler_at_four_ranges(void **state)
{
    (void)state;
    bmd_earth e;
    sphere_still(&e);
    for (int i = 0; i < 4; i++) {
        double gap;
        double ratio = speed_over_kepler_minimum(&e, &cases[i], BMD_AIM_MIN_ENERGY, &gap);
        /* issue 10: within 1 % of the Kepler minimum (BMW eq. 6.2-20) */
        if (!(ratio >= 1.0 - 0.01 && ratio <= 1.0 + 0.01))
            fail_msg("%s %.0f km: burnout speed / Kepler minimum = %.5f, expected 1 +- 0.01",
                     cases[i].missile, cases[i].range_km, ratio);
        /* and its burnout angle is (180 deg - Psi)/4 within 0.5 deg (drag in free flight moves
         * the measured Psi a little) */
        if (!(fabs(gap) < 0.5 * DEG))
            fail_msg("%s %.0f km: burnout angle %.3f deg from (180-Psi)/4, expected < 0.5",
                     cases[i].missile, cases[i].range_km, gap / DEG);
    }
}

static void cutoff_shape_is_not_minimum_energy_so_the_check_can_fail(void **state)
{
    (void)state;
    bmd_earth e;
    sphere_still(&e);
    double gap, worst = 1.0;
    for (int i = 0; i < 4; i++)
        worst = fmax(worst, speed_over_kepler_minimum(&e, &cases[i], BMD_AIM_CUTOFF, &gap));
    /* the max-range steering cut off flies flatter than minimum energy: more than 1 % faster at
     * least at one range */
    if (!(worst > 1.01))
        fail_msg("cutoff shape: largest burnout speed / Kepler minimum %.5f, expected > 1.01",
                 worst);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(min_energy_burnout_speed_is_within_1_percent_of_kepler_at_four_ranges),
        cmocka_unit_test(cutoff_shape_is_not_minimum_energy_so_the_check_can_fail),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
