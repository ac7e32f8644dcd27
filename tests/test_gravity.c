/* Tests of point-mass + J2 gravitation against the published WGS84 normal gravity, the analytic
 * point-mass field and the potential (finite differences). Sources and tolerances are next to
 * each assertion. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "bmd/earth.h"
#include "bmd/gravity.h"

#define PI 3.14159265358979323846

/* NIMA TR8350.2 (2000), ch. 3, derived physical constants of the WGS84 ellipsoid. */
#define GAMMA_E 9.7803253359 /* normal gravity at the equator, m/s^2 */
#define GAMMA_P 9.8321849378 /* normal gravity at the poles, m/s^2 */
#define SOMIGLIANA_K 0.00193185265241 /* k = b gamma_p / (a gamma_e) - 1 */
/* Normalised C4,0 of the WGS84 normal gravity field (TR8350.2 ch. 3, with C2,0 = -0.484166774985e-3
 * that gives BMD_WGS84_J2); J4 = -sqrt(9) C4,0bar. */
#define C40BAR_NORMAL 0.790303733511e-6

/* Fail with both numbers printed unless |actual - expected| <= tol (NaN always fails). */
#define assert_near(actual, expected, tol) \
    near_check((actual), (expected), (tol), #actual, __FILE__, __LINE__)
static void near_check(double actual, double expected, double tol, const char *what,
                       const char *file, int line)
{
    if (!(fabs(actual - expected) <= tol)) {
        print_error("%s = %.17g, expected %.17g +/- %.3g (off by %.3g)\n", what, actual, expected,
                    tol, actual - expected);
        _fail(file, line);
    }
}

static double norm3(const double v[3]) { return sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]); }

/* Deterministic uniform numbers in [0, 1) (64-bit LCG, Knuth MMIX constants). */
static double uniform(uint64_t *state)
{
    *state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*state >> 11) * 0x1.0p-53;
}

/* The J2-only model leaves out J4 = -2.3709e-6 of the normal field. Its radial gravitation on the
 * axis and in the equatorial plane is -mu/r^2 * 5 J4 (a/r)^4 P4(sin lat), with P4(1) = 1 and
 * P4(0) = 3/8 (radial derivative of the zonal expansion V = GM/r [1 - sum J2n (a/r)^2n P2n],
 * Heiskanen & Moritz, Physical Geodesy, 1967, ch. 2): relative
 * size 5|J4|(a/b)^4 = 1.19e-5 at the pole and 4.4e-6 at the equator. The tolerances below are
 * set just above these, and the second pair of checks adds the J4 term to show that it is the
 * whole difference (remainder: J6, 7|J6| ~ 4e-8). */
static void gravitation_at_the_equator_matches_wgs84_normal_gravity_plus_centrifugal(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    const double r[3] = {e.a_m, 0.0, 0.0};
    double g[3];
    bmd_gravity_accel(&e, r, g);
    /* Normal gravity = gravitation + centrifugal; at the equator both are radial, so the
     * gravitation is gamma_e + omega^2 a = 9.8142410419 m/s^2. */
    const double expected = GAMMA_E + e.omega_rad_s * e.omega_rad_s * e.a_m;
    assert_near(g[1], 0.0, 0.0);
    assert_near(g[2], 0.0, 0.0);
    assert_near(-g[0], expected, 5e-6 * expected); /* J2 only: 4.45e-6 relative, see above */
    const double j4 = -3.0 * C40BAR_NORMAL;
    const double with_j4 = -g[0] - e.gm_m3_s2 / (e.a_m * e.a_m) * 5.0 * j4 * 0.375;
    assert_near(with_j4, expected, 1e-7 * expected); /* + J4: 1.3e-8 relative */
}

static void gravitation_at_the_pole_matches_wgs84_normal_gravity(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    const double r[3] = {0.0, 0.0, e.b_m};
    double g[3];
    bmd_gravity_accel(&e, r, g);
    /* No centrifugal term on the axis: gravitation = gamma_p (TR8350.2). */
    assert_near(g[0], 0.0, 0.0);
    assert_near(g[1], 0.0, 0.0);
    assert_near(-g[2], GAMMA_P, 1.25e-5 * GAMMA_P); /* J2 only: 1.20e-5 relative, see above */
    const double j4 = -3.0 * C40BAR_NORMAL, ab = e.a_m / e.b_m;
    const double with_j4 = -g[2] - e.gm_m3_s2 / (e.b_m * e.b_m) * 5.0 * j4 * pow(ab, 4.0);
    assert_near(with_j4, GAMMA_P, 1e-7 * GAMMA_P); /* + J4: 4.3e-8 relative */
    /* The south pole is the mirror image (the field is symmetric about the equator). */
    const double rs[3] = {0.0, 0.0, -e.b_m};
    double gs[3];
    bmd_gravity_accel(&e, rs, gs);
    assert_near(gs[2], -g[2], 0.0);
}

static void gravity_plus_centrifugal_follows_somigliana_and_is_normal_to_ellipsoid(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    for (int deg = 0; deg <= 90; deg += 5) {
        const double lat = bmd_deg_to_rad((double)deg), lon = bmd_deg_to_rad(30.0);
        double r[3], g[3], east[3], north[3], up[3];
        bmd_earth_geodetic_to_ecef(&e, lat, lon, 0.0, r);
        bmd_gravity_accel(&e, r, g);
        const double w2 = e.omega_rad_s * e.omega_rad_s;
        const double gt[3] = {g[0] + w2 * r[0], g[1] + w2 * r[1], g[2]};
        /* Somigliana: gamma = gamma_e (1 + k sin^2 lat) / sqrt(1 - e^2 sin^2 lat), TR8350.2
         * ch. 4. J2-only tolerance 1.25e-5 relative (the J4 bound above). */
        const double s2 = sin(lat) * sin(lat);
        const double gamma = GAMMA_E * (1.0 + SOMIGLIANA_K * s2) / sqrt(1.0 - e.e2 * s2);
        assert_near(norm3(gt), gamma, 1.25e-5 * gamma);
        /* Normal gravity is perpendicular to the ellipsoid (an equipotential surface): the
         * horizontal part of our field is the J4 deflection, at most ~6e-6 rad; bound 1e-5. */
        bmd_earth_enu_basis(lat, lon, east, north, up);
        const double gn = norm3(gt);
        const double along_up = -(gt[0] * up[0] + gt[1] * up[1] + gt[2] * up[2]) / gn;
        const double along_north = (gt[0] * north[0] + gt[1] * north[1] + gt[2] * north[2]) / gn;
        const double along_east = (gt[0] * east[0] + gt[1] * east[1] + gt[2] * east[2]) / gn;
        assert_near(along_up, 1.0, 1e-10);
        assert_near(along_north, 0.0, 1e-5);
        assert_near(along_east, 0.0, 1e-15); /* zonal field: no east component (exact) */
    }
}

static void the_sphere_has_pure_point_mass_gravity(void **state)
{
    (void)state;
    bmd_earth s;
    assert_int_equal(bmd_earth_init_sphere(&s, 0.0, 1, NULL), BMD_SUCCESS);
    uint64_t seed = 7;
    for (int i = 0; i < 1000; ++i) {
        const double r[3] = {2e7 * (uniform(&seed) - 0.5), 2e7 * (uniform(&seed) - 0.5),
                             2e7 * (uniform(&seed) - 0.5)};
        const double rn = norm3(r);
        if (rn < 1e5)
            continue;
        double g[3];
        bmd_gravity_accel(&s, r, g);
        /* Newton: a = -mu r / |r|^3, U = -mu / r; J2 term identically zero. 1e-14 relative. */
        const double scale = s.gm_m3_s2 / (rn * rn * rn);
        for (int k = 0; k < 3; ++k)
            assert_near(g[k], -scale * r[k], 1e-14 * scale * rn);
        assert_near(bmd_gravity_potential(&s, r), -s.gm_m3_s2 / rn, 1e-14 * s.gm_m3_s2 / rn);
    }
    /* Surface gravity of the mean-radius sphere: GM / R^2 = 3.986004418e14 / 6371008.8^2
     * = 9.820251 m/s^2 (analytic). */
    const double r[3] = {0.0, s.a_m, 0.0};
    double g[3];
    bmd_gravity_accel(&s, r, g);
    assert_near(-g[1], 3.986004418e14 / (6371008.8 * 6371008.8), 1e-12);
}

static void minus_the_gradient_of_the_potential_is_the_acceleration(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    uint64_t seed = 2024;
    for (int i = 0; i < 300; ++i) {
        /* Points from 100 km below the surface to 40,000 km, all latitudes. */
        const double lat = asin(2.0 * uniform(&seed) - 1.0);
        const double lon = PI * (2.0 * uniform(&seed) - 1.0);
        const double h = -100e3 + 40e6 * uniform(&seed) * uniform(&seed);
        double r[3], g[3];
        bmd_earth_geodetic_to_ecef(&e, lat, lon, h, r);
        bmd_gravity_accel(&e, r, g);
        /* Central differences with step d = 10 m: truncation ~ d^2 |U'''| / 6 ~ 1e-11 m/s^2,
         * rounding ~ 1e-16 |U| / d ~ 1e-9 m/s^2. Tolerance 1e-8 m/s^2 (1e-9 relative). */
        const double d = 10.0;
        for (int k = 0; k < 3; ++k) {
            double rp[3] = {r[0], r[1], r[2]}, rm[3] = {r[0], r[1], r[2]};
            rp[k] += d;
            rm[k] -= d;
            const double dudx = (bmd_gravity_potential(&e, rp) - bmd_gravity_potential(&e, rm)) /
                                (2.0 * d);
            assert_near(-dudx, g[k], 1e-8);
        }
    }
}

static void the_j2_term_has_the_textbook_size_and_sign(void **state)
{
    (void)state;
    bmd_earth e, s;
    bmd_earth_init_wgs84(&e);
    assert_int_equal(bmd_earth_init_sphere(&s, e.a_m, 0, NULL), BMD_SUCCESS);
    /* Same GM: the only difference is J2. At the equator (r = a) the J2 term adds 1.5 J2 to
     * the point-mass value, on the axis at r = a it removes 3 J2 (Vallado 2013, sec. 8.6.1:
     * a_r = -mu/r^2 [1 - 1.5 J2 (a/r)^2 (3 sin^2 lat - 1)]). 1e-15 relative. */
    const double req[3] = {e.a_m, 0.0, 0.0}, rax[3] = {0.0, 0.0, e.a_m};
    double ge[3], gs[3];
    bmd_gravity_accel(&e, req, ge);
    bmd_gravity_accel(&s, req, gs);
    assert_near(ge[0] / gs[0], 1.0 + 1.5 * e.j2, 1e-15);
    bmd_gravity_accel(&e, rax, ge);
    bmd_gravity_accel(&s, rax, gs);
    assert_near(ge[2] / gs[2], 1.0 - 3.0 * e.j2, 1e-15);
    /* Potential: U = -mu/r [1 - J2 (a/r)^2 P2]: P2 = -1/2 on the equator, 1 on the axis. */
    assert_near(bmd_gravity_potential(&e, req) / bmd_gravity_potential(&s, req), 1.0 + 0.5 * e.j2,
                1e-15);
    assert_near(bmd_gravity_potential(&e, rax) / bmd_gravity_potential(&s, rax), 1.0 - e.j2,
                1e-15);
    /* The J2 term falls off as (a/r)^2 relative: at 10 a it is 100 times smaller. */
    const double far[3] = {10.0 * e.a_m, 0.0, 0.0};
    bmd_gravity_accel(&e, far, ge);
    bmd_gravity_accel(&s, far, gs);
    assert_near(ge[0] / gs[0], 1.0 + 0.015 * e.j2, 1e-15);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(gravitation_at_the_equator_matches_wgs84_normal_gravity_plus_centrifugal),
        cmocka_unit_test(gravitation_at_the_pole_matches_wgs84_normal_gravity),
        cmocka_unit_test(gravity_plus_centrifugal_follows_somigliana_and_is_normal_to_ellipsoid),
        cmocka_unit_test(the_sphere_has_pure_point_mass_gravity),
        cmocka_unit_test(minus_the_gradient_of_the_potential_is_the_acceleration),
        cmocka_unit_test(the_j2_term_has_the_textbook_size_and_sign),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
