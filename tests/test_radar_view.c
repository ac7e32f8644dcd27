/* Tests of the prepared radar view (src/defense/radar_internal.h) used by the sensor scans and the
 * engagement's fire-control test: a look through the view is bit for bit bmd_radar_look_at_rcs's
 * look, and bmd_radar_view_sees (which skips points beyond the radar's reach) says exactly what the
 * look's visible says, at every point of a grid of directions and ranges around radars of every
 * kind (full circle, sector, 4/3-Earth refraction, below the ellipsoid, minimum elevation), the
 * points just inside and just beyond the reach included. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <string.h>

#include "bmd/earth.h"
#include "bmd/sensor.h"
#include "defense/radar_internal.h"
#include "test_support.h"

#define DEG (M_PI / 180.0)

/* The ECEF point at slant range s, azimuth az and elevation el from the radar's antenna. */
static void point_from(const bmd_earth *e, const bmd_radar *r, double az, double el, double s,
                       double p[3])
{
    double site[3], east[3], north[3], up[3];
    bmd_earth_geodetic_to_ecef(e, r->lat_rad, r->lon_rad, r->height_m, site);
    bmd_earth_enu_basis(r->lat_rad, r->lon_rad, east, north, up);
    for (int k = 0; k < 3; k++)
        p[k] = site[k] + s * (cos(el) * (sin(az) * east[k] + cos(az) * north[k]) + sin(el) * up[k]);
}

/* Every field equal, bit for bit (== on doubles: the same operations on the same values). */
static int same_look(const bmd_radar_look *a, const bmd_radar_look *b)
{
    return a->slant_range_m == b->slant_range_m && a->azimuth_rad == b->azimuth_rad &&
           a->elevation_rad == b->elevation_rad && a->elevation_eff_rad == b->elevation_eff_rad &&
           a->los_clear == b->los_clear && a->in_range == b->in_range && a->in_fov == b->in_fov &&
           a->above_min_elevation == b->above_min_elevation && a->visible == b->visible;
}

static void looks_through_a_view_are_the_looks_of_bmd_radar_look_at_rcs(void **state)
{
    (void)state;
    bmd_earth w;
    bmd_earth_init_wgs84(&w);
    bmd_radar radars[5];
    for (int i = 0; i < 5; i++) {
        bmd_radar_init(&radars[i]);
        radars[i].lat_rad = (38.0 + 7.0 * i) * DEG;
        radars[i].lon_rad = (37.0 - 9.0 * i) * DEG;
        radars[i].max_range_m = 4000e3;
        radars[i].ref_detection_range_m = 1500e3;
    }
    radars[1].full_circle = 0; /* a sector looking east, with elevation limits */
    radars[1].boresight_azimuth_rad = 90 * DEG;
    radars[1].azimuth_half_width_rad = 60 * DEG;
    radars[1].fov_elevation_max_rad = 60 * DEG;
    radars[2].refraction_k = 4.0 / 3.0;
    radars[2].height_m = 1800;
    radars[3].height_m = -200; /* below the ellipsoid: the masking surface is lowered */
    radars[3].fov_elevation_min_rad = -5 * DEG;
    radars[4].min_elevation_rad = 3 * DEG;
    radars[4].fov_elevation_min_rad = -2 * DEG;
    const double rcs[2] = {0.05, 2.0};
    long points = 0, beyond = 0, seen = 0;
    for (int i = 0; i < 5; i++)
        for (int c = 0; c < 2; c++) {
            bmd_radar_view view;
            bmd_radar_view_init(&view, &radars[i], &w, rcs[c]);
            double reach = 0;
            assert_int_equal(bmd_radar_detection_range(&radars[i], rcs[c], &reach, NULL), 0);
            reach = fmin(reach, radars[i].max_range_m);
            assert_true(view.reach_m == reach);
            for (int a = 0; a < 360; a += 13)
                for (int e = -8; e <= 88; e += 8) {
                    /* ranges from 1 km to 6,000 km, and the reach itself and 1e-9 either side */
                    double ranges[20];
                    int nr = 0;
                    for (double s = 1e3; s < 6.1e6; s *= 2.2)
                        ranges[nr++] = s;
                    ranges[nr++] = reach * (1 - 1e-9);
                    ranges[nr++] = reach;
                    ranges[nr++] = reach * (1 + 1e-9);
                    for (int k = 0; k < nr; k++) {
                        double p[3];
                        point_from(&w, &radars[i], a * DEG, e * DEG, ranges[k], p);
                        bmd_radar_look ref, got;
                        assert_int_equal(bmd_radar_look_at_rcs(&radars[i], &w, p, rcs[c], &ref,
                                                               NULL), 0);
                        bmd_radar_view_look(&view, p, &got);
                        const int sees = bmd_radar_view_sees(&view, p);
                        if (!same_look(&ref, &got) || sees != ref.visible) {
                            print_error("radar %d, rcs %g m^2, az %d deg, el %d deg, range %.9g m:"
                                        " view sees %d, look visible %d (in range %d, fov %d, "
                                        "clear %d)\n", i, rcs[c], a, e, ranges[k], sees,
                                        ref.visible, ref.in_range, ref.in_fov, ref.los_clear);
                            fail();
                        }
                        points++;
                        beyond += ranges[k] > reach * (1 + 1e-12);
                        seen += sees;
                    }
                }
        }
    /* the grid exercises both the short cut and the full look */
    print_message("%ld points, %ld beyond reach, %ld seen\n", points, beyond, seen);
    assert_true(beyond > points / 5 && seen > points / 10 && seen < points - points / 5);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(looks_through_a_view_are_the_looks_of_bmd_radar_look_at_rcs),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
