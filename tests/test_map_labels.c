/* Tests of the maps' readability: label placement (src/render/map_labels.h) never lets two label
 * boxes overlap nor a label leave the frame, both for the placement function itself and for the
 * labels of a rendered map read back from its SVG (libxml2); the scale bar's length equals the
 * great-circle distance it names; the legend states the footprint mode and launch-on assumption. */
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
#include "render/map_labels.h"
#include "svg_fixtures.h"

#define D2R(d) ((d) * M_PI / 180.0)

static const double R = 6371008.8; /* the maps' sphere (bmd/map.h) */

static void expect_no_overlap_inside(const bmd_label_box *b, int n, double w, double h)
{
    for (int i = 0; i < n; i++) {
        if (b[i].x0 < 0 || b[i].y0 < 0 || b[i].x1 > w || b[i].y1 > h)
            fail_msg("label box %d [%.1f, %.1f]x[%.1f, %.1f] leaves the %gx%g frame", i, b[i].x0,
                     b[i].x1, b[i].y0, b[i].y1, w, h);
        for (int j = 0; j < i; j++)
            if (bmd_render_boxes_overlap(&b[i], &b[j]))
                fail_msg("label boxes %d [%.1f, %.1f]x[%.1f, %.1f] and %d [%.1f, %.1f]x[%.1f, "
                         "%.1f] overlap", i, b[i].x0, b[i].x1, b[i].y0, b[i].y1, j, b[j].x0,
                         b[j].x1, b[j].y0, b[j].y1);
    }
}

static void crowded_labels_never_overlap_and_stay_inside_the_frame(void **state)
{
    (void)state;
    enum { N = 80 };
    bmd_label_box store[N], placed[N];
    bmd_label_boxes taken = {store, 0, N};
    unsigned seed = 12345;
    int n_placed = 0;
    const double w = 400, h = 300;
    for (int i = 0; i < N; i++) {
        /* a deterministic cluster, half of it hugging the frame's edges */
        seed = seed * 1103515245u + 12345u;
        double ax = (seed >> 8) % 400, ay = (seed >> 4) % 300;
        if (i % 2)
            ax = i % 4 == 1 ? 2 : w - 2;
        bmd_label_spot spot;
        if (bmd_render_label_place(ax, ay, 5, i % 3 ? "Redzikowo" : "Kürecik radar", 12, w, h, 2,
                                   &taken, &spot))
            placed[n_placed++] = spot.box;
    }
    expect_no_overlap_inside(placed, n_placed, w, h);
    assert_int_equal(taken.n, n_placed);
    /* the frame has room for some, not for all 80: both outcomes occur */
    assert_true(n_placed >= 10);
    assert_true(n_placed < N);
}

static void a_label_avoids_a_taken_box_by_moving_to_the_next_position(void **state)
{
    (void)state;
    bmd_label_box store[4] = {{100, 80, 200, 120}}; /* covers the right-hand position */
    bmd_label_boxes taken = {store, 1, 4};
    bmd_label_spot spot;
    assert_int_equal(bmd_render_label_place(100, 100, 5, "Deveselu", 12, 400, 300, 2, &taken,
                                            &spot), 1);
    assert_string_equal(spot.anchor, "end"); /* left of the anchor */
    assert_true(spot.box.x1 <= 100);
    /* a label wider than the frame fits nowhere: dropped, nothing taken */
    assert_int_equal(bmd_render_label_place(50, 50, 5, "An extremely long site name indeed", 12,
                                            120, 100, 2, &taken, &spot), 0);
    assert_int_equal(taken.n, 2);
}

/* The boxes of the <text> elements with class cls in the SVG, as the renderer sized them. */
static int text_boxes(const char *svgtext, const char *cls, bmd_label_box *out, int max)
{
    xmlDocPtr doc = xmlReadMemory(svgtext, (int)strlen(svgtext), "t.svg", NULL, XML_PARSE_NONET);
    assert_non_null(doc);
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathRegisterNs(ctx, BAD_CAST "s", BAD_CAST "http://www.w3.org/2000/svg");
    char xp[96];
    snprintf(xp, sizeof xp, "//s:text[@class='%s']", cls);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST xp, ctx);
    int n = o->nodesetval ? o->nodesetval->nodeNr : 0;
    for (int i = 0; i < n && i < max; i++) {
        xmlNodePtr e = o->nodesetval->nodeTab[i];
        xmlChar *x = xmlGetProp(e, BAD_CAST "x"), *y = xmlGetProp(e, BAD_CAST "y"),
                *fs = xmlGetProp(e, BAD_CAST "font-size"),
                *an = xmlGetProp(e, BAD_CAST "text-anchor"), *t = xmlNodeGetContent(e);
        double px = atof((char *)x), py = atof((char *)y), f = atof((char *)fs);
        double tw = bmd_render_text_width((char *)t, f);
        double left = an[0] == 's' ? px : an[0] == 'm' ? px - tw / 2 : px - tw;
        /* the glyphs, without the 1 px padding the placement adds */
        out[i] = (bmd_label_box){left, py - 0.8 * f, left + tw, py + 0.25 * f};
        xmlFree(x);
        xmlFree(y);
        xmlFree(fs);
        xmlFree(an);
        xmlFree(t);
    }
    xmlXPathFreeObject(o);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    return n;
}

static bmd_world *load_world(void)
{
    const char *dir = getenv("BMD_DATA_DIR");
    bmd_world *w = NULL;
    bmd_error err;
    if (bmd_world_load_dir(dir ? dir : BMD_TEST_DATA_DIR, &w, &err))
        fail_msg("%s", err.message);
    return w;
}

static void the_labels_of_a_crowded_map_neither_overlap_nor_leave_it(void **state)
{
    (void)state;
    bmd_world *world = load_world();
    bmd_scene sc;
    bmd_scene_init(&sc, NULL);
    bmd_error err;
    /* 30 sites within a few hundred km, some near the frame's edges */
    for (int i = 0; i < 30; i++) {
        char name[32];
        snprintf(name, sizeof name, "Site number %d", i);
        double lat = 50 + 0.37 * (i % 6) - (i % 7 == 0 ? 12.9 : 0), lon = 20 + 0.53 * (i / 6);
        assert_int_equal(bmd_scene_add_site(&sc, name, (bmd_site_kind)(i % 5), D2R(lat), D2R(lon),
                                            0, NULL, &err), 0);
    }
    bmd_map_view v;
    bmd_map_view_init(&v);
    v.center_lat_rad = D2R(50);
    v.center_lon_rad = D2R(20);
    v.radius_m = 1500e3;
    v.width_px = 640;
    v.height_px = 480;
    char *svg = NULL;
    assert_int_equal(bmd_map_svg(&v, world, &sc, &svg, &err), 0);
    keep("labels_crowded.svg", svg);
    bmd_label_box boxes[400];
    int ns = text_boxes(svg, "site-label", boxes, 200);
    int ng = text_boxes(svg, "graticule-label", boxes + ns, 200);
    assert_true(ns >= 8 && ns < 30); /* many placed, some dropped */
    assert_true(ng >= 2);
    expect_no_overlap_inside(boxes, ns + ng, v.width_px, v.height_px);
    /* the SVG says how many were dropped */
    char want[96];
    snprintf(want, sizeof want, "labels: %d site labels and", 30 - ns);
    if (!strstr(svg, want))
        fail_msg("the SVG lacks the comment \"%s ...\"", want);
    free(svg);
    bmd_scene_free(&sc);
    bmd_world_free(world);
}

/* Destination at distance d_m along azimuth az from (lat, lon) on the sphere of radius R. */
static void destination(double lat, double lon, double az, double d_m, double *lat2, double *lon2)
{
    double c = d_m / R;
    *lat2 = asin(sin(lat) * cos(c) + cos(lat) * sin(c) * cos(az));
    *lon2 = lon + atan2(sin(az) * sin(c) * cos(lat), cos(c) - sin(lat) * sin(*lat2));
}

static double svg_number_attr(const char *svg, const char *name)
{
    char key[32];
    snprintf(key, sizeof key, "%s=\"", name);
    const char *p = strstr(svg, key);
    if (!p)
        fail_msg("the SVG has no %s attribute", name);
    return atof(p + strlen(key));
}

static void the_scale_bar_is_as_long_as_the_great_circle_distance_it_names(void **state)
{
    (void)state;
    const bmd_projection projs[] = {BMD_PROJ_AZIMUTHAL_EQUIDISTANT, BMD_PROJ_EQUIRECTANGULAR};
    for (int k = 0; k < 2; k++) {
        bmd_map_view v;
        bmd_map_view_init(&v);
        v.projection = projs[k];
        v.center_lat_rad = D2R(55);
        v.center_lon_rad = D2R(30);
        v.radius_m = 2500e3;
        char *svg = NULL;
        bmd_error err;
        assert_int_equal(bmd_map_svg(&v, NULL, NULL, &svg, &err), 0);
        double km = svg_number_attr(svg, "data-km"), px = svg_number_attr(svg, "data-px");
        free(svg);
        /* from the centre, along a line the projection keeps true there: any azimuth for the
         * azimuthal equidistant projection (Snyder 1987, ch. 25), the meridian for the
         * equirectangular (its scale along meridians is true everywhere, Snyder ch. 12) */
        double lat2, lon2, x0, y0, x1, y1;
        destination(v.center_lat_rad, v.center_lon_rad, k ? 0.0 : D2R(63), km * 1e3, &lat2, &lon2);
        assert_true(bmd_map_pixel(&v, v.center_lat_rad, v.center_lon_rad, &x0, &y0));
        assert_true(bmd_map_pixel(&v, lat2, lon2, &x1, &y1));
        double d_px = hypot(x1 - x0, y1 - y0);
        if (fabs(d_px - px) > 1e-6 * px)
            fail_msg("projection %d: scale bar %g km drawn %.4f px, the great-circle distance "
                     "%g km spans %.4f px", k, km, px, km, d_px);
    }
}

static void the_legend_states_the_footprint_mode_and_launch_on_assumption(void **state)
{
    (void)state;
    bmd_scene sc;
    bmd_scene_init(&sc, NULL);
    bmd_error err;
    double lat[] = {D2R(50), D2R(51), D2R(51)}, lon[] = {D2R(20), D2R(20), D2R(21)};
    int f;
    assert_int_equal(bmd_scene_add_area(&sc, "fp", BMD_AREA_FOOTPRINT, lat, lon, 3, &f, &err), 0);
    assert_int_equal(bmd_scene_set_text(&sc, f, "mode", "defended-area", &err), 0);
    assert_int_equal(bmd_scene_set_text(&sc, f, "launch_on", "remote track", &err), 0);
    assert_int_equal(bmd_scene_set_number(&sc, f, "engage_on_remote", 1, &err), 0);
    bmd_map_view v;
    bmd_map_view_init(&v);
    v.center_lat_rad = D2R(50);
    v.center_lon_rad = D2R(20);
    char *svg = NULL;
    assert_int_equal(bmd_map_svg(&v, NULL, &sc, &svg, &err), 0);
    assert_int_equal(svg_count(svg, "//s:text[@class='legend-assumption']"), 2);
    assert_non_null(strstr(svg, "Mode: defended-area footprint"));
    assert_non_null(strstr(svg, "launch on remote track; engage on remote"));
    free(svg);
    bmd_scene_free(&sc);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(crowded_labels_never_overlap_and_stay_inside_the_frame),
        cmocka_unit_test(a_label_avoids_a_taken_box_by_moving_to_the_next_position),
        cmocka_unit_test(the_labels_of_a_crowded_map_neither_overlap_nor_leave_it),
        cmocka_unit_test(the_scale_bar_is_as_long_as_the_great_circle_distance_it_names),
        cmocka_unit_test(the_legend_states_the_footprint_mode_and_launch_on_assumption),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
