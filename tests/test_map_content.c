/* Tests of issue 15 items 6 and 7 in the library: footprint maps zoomed to their content
 * (bmd_map_view_fit_content), the timeline delays in the map legend, and the one unit table
 * (bmd/unit_system.h) that the command line's tables and the HTML report share. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "bmd/map.h"
#include "bmd/unit_system.h"
#include "svg_fixtures.h"

#define D2R(d) ((d) * M_PI / 180.0)

/* A launch-area map as the report draws it: a wide launch grid (40-60 N, 20-70 E), a small
 * covered region (a footprint contour, about 1 x 1.5 degrees), two interceptor sites and the
 * target. */
static void launch_area_scene(bmd_scene *sc)
{
    bmd_error err;
    bmd_scene_init(sc, NULL);
    double glat[] = {D2R(40), D2R(40), D2R(60), D2R(60)}, glon[] = {D2R(20), D2R(70), D2R(70), D2R(20)};
    assert_int_equal(bmd_scene_add_area(sc, "grid", BMD_AREA_LAUNCH, glat, glon, 4, NULL, &err), 0);
    double flat[] = {D2R(52), D2R(52), D2R(53), D2R(53)}, flon[] = {D2R(23), D2R(24.5), D2R(24.5), D2R(23)};
    assert_int_equal(bmd_scene_add_area(sc, "covered", BMD_AREA_FOOTPRINT, flat, flon, 4, NULL, &err), 0);
    assert_int_equal(bmd_scene_add_site(sc, "Redzikowo", BMD_SITE_INTERCEPTOR, D2R(54.48), D2R(17.10),
                                        0, NULL, &err), 0);
    assert_int_equal(bmd_scene_add_site(sc, "Deveselu", BMD_SITE_INTERCEPTOR, D2R(44.08), D2R(24.35),
                                        0, NULL, &err), 0);
    assert_int_equal(bmd_scene_add_site(sc, "Berlin", BMD_SITE_TARGET, D2R(52.52), D2R(13.40), 0,
                                        NULL, &err), 0);
}

static void a_launch_area_map_zooms_to_the_covered_cells_and_sites_not_the_whole_grid(void **state)
{
    (void)state;
    bmd_scene sc;
    launch_area_scene(&sc);
    bmd_error err;
    bmd_map_view whole, content;
    bmd_map_view_init(&whole);
    bmd_map_view_init(&content);
    whole.width_px = content.width_px = 1000;
    whole.height_px = content.height_px = 720;
    assert_int_equal(bmd_map_view_fit(&whole, &sc, &err), 0);
    assert_int_equal(bmd_map_view_fit_content(&content, &sc, &err), 0);
    /* the old extent held the 50-degree-wide grid (~2,000 km from its centre); the content (the
     * sites and the covered region) spans about 1,200 km: the new radius must be smaller */
    if (!(content.radius_m < 0.8 * whole.radius_m))
        fail_msg("content radius %.0f km, not below 0.8 x the whole-scene radius %.0f km",
                 content.radius_m / 1e3, whole.radius_m / 1e3);
    /* every covered cell corner and every defence site lies inside the drawn frame (the target,
       which the title names, need not) */
    for (int a = 0; a < sc.n_areas; a++)
        for (int j = 0; sc.areas[a].kind == BMD_AREA_FOOTPRINT && j < sc.areas[a].n; j++) {
            double px, py;
            assert_true(bmd_map_pixel(&content, sc.areas[a].lat_rad[j], sc.areas[a].lon_rad[j],
                                      &px, &py));
            if (px < 0 || px > content.width_px || py < 0 || py > content.height_px)
                fail_msg("covered point %d at (%.1f, %.1f) px, outside the %dx%d map", j, px, py,
                         content.width_px, content.height_px);
        }
    for (int i = 0; i < sc.n_sites; i++) {
        double px, py;
        if (sc.sites[i].kind == BMD_SITE_TARGET)
            continue;
        assert_true(bmd_map_pixel(&content, sc.sites[i].lat_rad, sc.sites[i].lon_rad, &px, &py));
        if (px < 0 || px > content.width_px || py < 0 || py > content.height_px)
            fail_msg("site %s at (%.1f, %.1f) px, outside the %dx%d map", sc.sites[i].name, px,
                     py, content.width_px, content.height_px);
    }
    /* and the SVG drawn with it says the same extent: its scale bar follows the new radius */
    char *svg = NULL;
    assert_int_equal(bmd_map_svg(&content, NULL, &sc, &svg, &err), 0);
    const char *bar = strstr(svg, "class=\"scale-bar\" data-km=\"");
    assert_non_null(bar);
    double km = 0, px = 0;
    assert_int_equal(sscanf(bar, "class=\"scale-bar\" data-km=\"%lf\" data-px=\"%lf\"", &km, &px), 2);
    double s = bmd_map_scale_px_per_m(&content);
    if (fabs(km * 1e3 * s - px) > 1e-6 * px)
        fail_msg("scale bar %g km drawn %.4f px; the view's scale gives %.4f px", km, px,
                 km * 1e3 * s);
    free(svg);
    bmd_scene_free(&sc);
}

static void without_covered_cells_the_map_still_shows_the_whole_grid(void **state)
{
    (void)state;
    bmd_scene sc;
    bmd_error err;
    bmd_scene_init(&sc, NULL);
    double glat[] = {D2R(40), D2R(40), D2R(60), D2R(60)}, glon[] = {D2R(20), D2R(70), D2R(70), D2R(20)};
    assert_int_equal(bmd_scene_add_area(&sc, "grid", BMD_AREA_LAUNCH, glat, glon, 4, NULL, &err), 0);
    assert_int_equal(bmd_scene_add_site(&sc, "Berlin", BMD_SITE_TARGET, D2R(52.52), D2R(13.40), 0,
                                        NULL, &err), 0);
    bmd_map_view v;
    bmd_map_view_init(&v);
    assert_int_equal(bmd_map_view_fit_content(&v, &sc, &err), 0);
    for (int j = 0; j < 4; j++) {
        double px, py;
        assert_true(bmd_map_pixel(&v, glat[j], glon[j], &px, &py));
        if (px < 0 || px > v.width_px || py < 0 || py > v.height_px)
            fail_msg("grid corner %d at (%.1f, %.1f) px, outside the map", j, px, py);
    }
    bmd_scene_free(&sc); /* empty now: an empty scene is refused */
    assert_int_equal(bmd_map_view_fit_content(&v, &sc, &err), BMD_EINVAL);
}

static void the_legend_states_the_timeline_delays_the_verdicts_rest_on(void **state)
{
    (void)state;
    bmd_scene sc;
    launch_area_scene(&sc);
    bmd_error err;
    int f = 1; /* the covered region */
    assert_int_equal(bmd_scene_set_text(&sc, f, "mode", "launch-area", &err), 0);
    assert_int_equal(bmd_scene_set_text(&sc, f, "launch_on", "burnout", &err), 0);
    assert_int_equal(bmd_scene_set_number(&sc, f, "track_delay_s", 30, &err), 0);
    assert_int_equal(bmd_scene_set_number(&sc, f, "decision_delay_s", 10, &err), 0);
    assert_int_equal(bmd_scene_set_number(&sc, f, "launch_delay_s", 5, &err), 0);
    assert_int_equal(bmd_scene_set_number(&sc, f, "kill_assessment_s", 30, &err), 0);
    bmd_map_view v;
    bmd_map_view_init(&v);
    assert_int_equal(bmd_map_view_fit_content(&v, &sc, &err), 0);
    char *svg = NULL;
    assert_int_equal(bmd_map_svg(&v, NULL, &sc, &svg, &err), 0);
    assert_int_equal(svg_count(svg, "//s:text[@class='legend-assumption']"), 3);
    const char *want[] = {"Mode: launch-area footprint", "launch on burnout; own radar at intercept",
                          "delays: track 30 s + decision 10 s + launch 5 s = 45 s; kill "
                          "assessment 30 s"};
    for (int i = 0; i < 3; i++)
        if (!strstr(svg, want[i]))
            fail_msg("the legend does not say \"%s\"", want[i]);
    free(svg);
    bmd_scene_free(&sc);
}

/* Exact definitions (NIST SP 811, 2008, B.8): mi = 1609.344 m, nmi = 1852 m, ft = 0.3048 m. */
static void the_unit_table_converts_by_the_exact_definitions(void **state)
{
    (void)state;
    static const struct {
        bmd_unit_system u;
        const char *metric, *unit;
        double in, out;
        int dec_in, dec_out;
    } cases[] = {
        {BMD_UNITS_METRIC, "km", "km", 1000, 1000, 0, 0},
        {BMD_UNITS_IMPERIAL, "km", "mi", 1609.344, 1000, 0, 0},
        {BMD_UNITS_NAUTICAL, "km", "nmi", 1852, 1000, 0, 0},
        {BMD_UNITS_IMPERIAL, "km/s", "mi/s", 1.609344, 1, 2, 2},
        {BMD_UNITS_NAUTICAL, "km/s", "kn", 1.852, 3600, 2, 0},
        {BMD_UNITS_IMPERIAL, "m", "ft", 0.3048, 1, 0, 0},
        {BMD_UNITS_NAUTICAL, "m/s", "kn", 1852.0 / 3600, 1, 0, 0},
        {BMD_UNITS_IMPERIAL, "km²", "mi²", 1.609344 * 1.609344, 1, 0, 0},
        {BMD_UNITS_NAUTICAL, "km²", "nmi²", 1.852 * 1.852, 1, 0, 0},
        {BMD_UNITS_IMPERIAL, "s", "s", 7, 7, 1, 1}, /* not in the table: unchanged */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        double v;
        const char *u;
        int d;
        int known = bmd_unit_convert(cases[i].u, cases[i].metric, cases[i].in, cases[i].dec_in,
                                     &v, &u, &d);
        assert_int_equal(known, strcmp(cases[i].metric, "s") != 0);
        if (fabs(v - cases[i].out) > 1e-12 * cases[i].out || strcmp(u, cases[i].unit) ||
            d != cases[i].dec_out)
            fail_msg("%s: %g %s -> expected %.15g %s (%d decimals), got %.15g %s (%d)",
                     bmd_unit_system_name(cases[i].u), cases[i].in, cases[i].metric,
                     cases[i].out, cases[i].unit, cases[i].dec_out, v, u, d);
    }
    bmd_unit_system s;
    bmd_error err;
    assert_int_equal(bmd_unit_system_parse("nautical", &s, &err), 0);
    assert_int_equal(s, BMD_UNITS_NAUTICAL);
    assert_int_equal(bmd_unit_system_parse("furlongs", &s, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "'furlongs'"));
    assert_non_null(strstr(err.message, "metric, imperial or nautical"));
    assert_non_null(strstr(bmd_unit_system_description(BMD_UNITS_IMPERIAL), "1 mi = 1.609344 km"));
}

/* The scale bar of a nautical (imperial) map is a round number of nautical (statute) miles, named
 * so, with km beside it, and drawn at the view's scale (1 nmi = 1852 m, 1 mi = 1609.344 m exactly,
 * NIST SP 811 B.8). */
static void the_scale_bar_of_a_nautical_map_is_a_round_number_of_nautical_miles(void **state)
{
    (void)state;
    static const struct { bmd_unit_system u; const char *name; double unit_m; } cases[] = {
        {BMD_UNITS_METRIC, "km", 1000.0},
        {BMD_UNITS_IMPERIAL, "mi", 1609.344},
        {BMD_UNITS_NAUTICAL, "nmi", 1852.0}};
    for (int c = 0; c < 3; c++) {
        bmd_map_view v;
        bmd_map_view_init(&v);
        v.radius_m = 1500e3;
        v.scale_units = cases[c].u;
        bmd_error err;
        char *svg = NULL;
        assert_int_equal(bmd_map_svg(&v, NULL, NULL, &svg, &err), 0);
        const char *bar = strstr(svg, "class=\"scale-bar\" data-km=\"");
        assert_non_null(bar);
        double km = 0, px = 0;
        char unit[8] = "";
        assert_int_equal(sscanf(bar, "class=\"scale-bar\" data-km=\"%lf\" data-px=\"%lf\" "
                                     "data-unit=\"%7[a-z]\"", &km, &px, unit), 3);
        assert_string_equal(unit, cases[c].name);
        double len_u = km * 1e3 / cases[c].unit_m;
        /* a round length: 1, 2 or 5 times a power of ten of its own unit */
        double mant = len_u / pow(10, floor(log10(len_u) + 1e-12));
        if (fabs(mant - 1) > 1e-9 && fabs(mant - 2) > 1e-9 && fabs(mant - 5) > 1e-9)
            fail_msg("%s scale bar: %.10g %s is not a round length", cases[c].name, len_u,
                     cases[c].name);
        double s = bmd_map_scale_px_per_m(&v);
        if (fabs(km * 1e3 * s - px) > 1e-6 * px)
            fail_msg("%s scale bar %g km drawn %.4f px; the view's scale gives %.4f px",
                     cases[c].name, km, px, km * 1e3 * s);
        char label[64];
        snprintf(label, sizeof label, ">%g %s (", len_u, cases[c].name);
        if (!strstr(bar, label))
            fail_msg("%s scale bar: label '%s' not found", cases[c].name, label + 1);
        free(svg);
    }
    bmd_map_view v;
    bmd_map_view_init(&v);
    v.scale_units = (bmd_unit_system)7;
    bmd_error err;
    char *svg = NULL;
    assert_int_equal(bmd_map_svg(&v, NULL, NULL, &svg, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "scale_units"));
    assert_null(svg);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_launch_area_map_zooms_to_the_covered_cells_and_sites_not_the_whole_grid),
        cmocka_unit_test(without_covered_cells_the_map_still_shows_the_whole_grid),
        cmocka_unit_test(the_legend_states_the_timeline_delays_the_verdicts_rest_on),
        cmocka_unit_test(the_unit_table_converts_by_the_exact_definitions),
        cmocka_unit_test(the_scale_bar_of_a_nautical_map_is_a_round_number_of_nautical_miles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
