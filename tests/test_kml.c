/* Tests of bmd/kml.h: the output parses as XML (libxml2) and has the structure Google Earth
 * expects: kml/Document/Folder/Placemark with LineString altitudeMode absolute and lon,lat,alt
 * tuples, closed Polygon rings, Styles referenced by styleUrl, a Legend folder, escaped text. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>

#include "bmd/kml.h"
#include "export_fixtures.h"

typedef struct parsed {
    xmlDocPtr doc;
    xmlXPathContextPtr ctx;
} parsed;

/* Parse the KML of scene (must be well formed) and prepare XPath with prefix k. */
static parsed parse(const bmd_scene *scene, const bmd_kml_options *opt)
{
    char *text = NULL;
    bmd_error err;
    assert_int_equal(bmd_kml_string(scene, opt, &text, &err), BMD_SUCCESS);
    parsed p;
    p.doc = xmlReadMemory(text, (int)strlen(text), "scene.kml", NULL,
                          XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    free(text);
    assert_non_null(p.doc);
    p.ctx = xmlXPathNewContext(p.doc);
    xmlXPathRegisterNs(p.ctx, BAD_CAST "k", BAD_CAST "http://www.opengis.net/kml/2.2");
    return p;
}

static void release(parsed *p)
{
    xmlXPathFreeContext(p->ctx);
    xmlFreeDoc(p->doc);
}

/* Number of nodes matching an XPath expression. */
static int count(parsed *p, const char *xpath)
{
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST xpath, p->ctx);
    assert_non_null(o);
    int n = o->nodesetval ? o->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(o);
    return n;
}

/* Text of the first node matching xpath (caller frees with xmlFree). */
static char *text_of(parsed *p, const char *xpath)
{
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST xpath, p->ctx);
    assert_non_null(o);
    assert_true(o->nodesetval && o->nodesetval->nodeNr > 0);
    char *t = (char *)xmlNodeGetContent(o->nodesetval->nodeTab[0]);
    xmlXPathFreeObject(o);
    return t;
}

/* A scene with one of everything. */
static void full_scene(bmd_scene *scene, bmd_sample *s, int n)
{
    bmd_earth earth;
    assert_int_equal(bmd_earth_init_sphere(&earth, 0, 0, NULL), BMD_SUCCESS);
    bmd_scene_init(scene, &earth);
    assert_int_equal(bmd_scene_set_title(scene, "Europe <test> & \"more\"", NULL), 0);
    fixture_flight(s, n, 54.0, 36.0, 60.0, 60.0, 500e3);
    assert_int_equal(bmd_scene_add_track(scene, "RS-24 & co", "rs-24", BMD_TRACK_THREAT, s, n, 1,
                                         NULL, NULL), 0);
    int f;
    assert_int_equal(bmd_scene_add_site(scene, "Redzikowo", BMD_SITE_INTERCEPTOR, D2R(54.48),
                                        D2R(17.10), 0, &f, NULL), 0);
    assert_int_equal(bmd_scene_set_text(scene, f, "note", "a<b", NULL), 0);
    assert_int_equal(bmd_scene_add_coverage(scene, "TPY-2", D2R(38.35), D2R(37.79), 1000e3, D2R(0),
                                            D2R(120), NULL, NULL), 0);
    double lat[] = {D2R(50), D2R(50), D2R(45)}, lon[] = {D2R(10), D2R(20), D2R(15)};
    assert_int_equal(bmd_scene_add_area(scene, "footprint", BMD_AREA_FOOTPRINT, lat, lon, 3, NULL,
                                        NULL), 0);
}

static void the_kml_parses_and_has_document_folders_and_placemarks(void **state)
{
    (void)state;
    bmd_scene scene;
    bmd_sample s[31];
    full_scene(&scene, s, 31);
    parsed p = parse(&scene, NULL);
    assert_int_equal(count(&p, "/k:kml/k:Document"), 1);
    assert_int_equal(count(&p, "/k:kml/k:Document/k:Folder"), 5); /* legend, 4 kinds */
    assert_int_equal(count(&p, "//k:Folder[k:name='Legend']/k:Placemark"), 12);
    assert_int_equal(count(&p, "//k:Placemark/k:Point/k:coordinates"), 1);
    assert_int_equal(count(&p, "//k:Placemark/k:Polygon"), 2);
    char *name = text_of(&p, "/k:kml/k:Document/k:name");
    assert_string_equal(name, "Europe <test> & \"more\"");
    xmlFree(name);
    char *note = text_of(&p, "//k:Data[@name='note']/k:value");
    assert_string_equal(note, "a<b");
    xmlFree(note);
    release(&p);
    bmd_scene_free(&scene);
}

static void a_trajectory_is_a_linestring_with_absolute_altitudes(void **state)
{
    (void)state;
    bmd_scene scene;
    bmd_sample s[31];
    full_scene(&scene, s, 31);
    bmd_kml_options opt;
    bmd_kml_options_init(&opt);
    opt.extrude_tracks = 1;
    parsed p = parse(&scene, &opt);
    assert_int_equal(count(&p, "//k:Placemark/k:LineString[k:altitudeMode='absolute']"), 1);
    assert_int_equal(count(&p, "//k:LineString[k:extrude='1']"), 1);
    char *coords = text_of(&p, "//k:Placemark/k:LineString/k:coordinates");
    /* 31 tuples lon,lat,alt separated by spaces, equal to the samples to the written digits */
    char *save = NULL;
    int i = 0;
    for (char *tok = strtok_r(coords, " ", &save); tok; tok = strtok_r(NULL, " ", &save), i++) {
        double lon, lat, alt;
        assert_int_equal(sscanf(tok, "%lf,%lf,%lf", &lon, &lat, &alt), 3);
        assert_true(i < 31);
        assert_float_equal(lon, bmd_rad_to_deg(s[i].lon_rad), 5e-8); /* 7 decimals */
        assert_float_equal(lat, bmd_rad_to_deg(s[i].lat_rad), 5e-8);
        assert_float_equal(alt, s[i].altitude_m, 0.05);              /* 1 decimal */
    }
    assert_int_equal(i, 31);
    xmlFree(coords);
    char *style = text_of(&p, "//k:Placemark[k:LineString]/k:styleUrl");
    assert_string_equal(style, "#threat");
    xmlFree(style);
    char *name = text_of(&p, "//k:Placemark[k:LineString]/k:name");
    assert_string_equal(name, "RS-24 & co");
    xmlFree(name);
    release(&p);
    bmd_scene_free(&scene);
}

static void every_style_url_points_to_a_style_and_colours_are_aabbggrr(void **state)
{
    (void)state;
    bmd_scene scene;
    bmd_sample s[11];
    full_scene(&scene, s, 11);
    parsed p = parse(&scene, NULL);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(BAD_CAST "//k:styleUrl", p.ctx);
    assert_true(o->nodesetval->nodeNr >= 16);
    for (int i = 0; i < o->nodesetval->nodeNr; i++) {
        char *url = (char *)xmlNodeGetContent(o->nodesetval->nodeTab[i]);
        assert_int_equal(url[0], '#');
        char xpath[128];
        snprintf(xpath, sizeof xpath, "/k:kml/k:Document/k:Style[@id='%s']", url + 1);
        assert_int_equal(count(&p, xpath), 1);
        xmlFree(url);
    }
    xmlXPathFreeObject(o);
    /* the threat red #d62728 is written alpha ff, blue 28, green 27, red d6 */
    char *c = text_of(&p, "//k:Style[@id='threat']/k:LineStyle/k:color");
    assert_string_equal(c, "ff2827d6");
    xmlFree(c);
    release(&p);
    bmd_scene_free(&scene);
}

static void polygon_rings_are_closed(void **state)
{
    (void)state;
    bmd_scene scene;
    bmd_sample s[11];
    full_scene(&scene, s, 11);
    parsed p = parse(&scene, NULL);
    xmlXPathObjectPtr o = xmlXPathEvalExpression(
        BAD_CAST "//k:Polygon/k:outerBoundaryIs/k:LinearRing/k:coordinates", p.ctx);
    assert_int_equal(o->nodesetval->nodeNr, 2);
    for (int i = 0; i < 2; i++) {
        char *t = (char *)xmlNodeGetContent(o->nodesetval->nodeTab[i]);
        char *last = strrchr(t, ' ');
        assert_non_null(last);
        size_t first_len = (size_t)(strchr(t, ' ') - t);
        assert_int_equal(strlen(last + 1), first_len);
        assert_memory_equal(t, last + 1, first_len); /* first tuple repeated at the end */
        xmlFree(t);
    }
    xmlXPathFreeObject(o);
    release(&p);
    bmd_scene_free(&scene);
}

static void a_bad_line_width_is_rejected(void **state)
{
    (void)state;
    bmd_scene scene;
    bmd_scene_init(&scene, NULL);
    bmd_kml_options opt;
    bmd_kml_options_init(&opt);
    opt.line_width_px = NAN;
    char *text = NULL;
    bmd_error err;
    assert_int_equal(bmd_kml_string(&scene, &opt, &text, &err), BMD_EINVAL);
    assert_null(text);
    assert_int_equal(bmd_kml_write(&scene, NULL, "/nonexistent-dir/x.kml", &err), BMD_EIO);
    bmd_scene_free(&scene);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_kml_parses_and_has_document_folders_and_placemarks),
        cmocka_unit_test(a_trajectory_is_a_linestring_with_absolute_altitudes),
        cmocka_unit_test(every_style_url_points_to_a_style_and_colours_are_aabbggrr),
        cmocka_unit_test(polygon_rings_are_closed),
        cmocka_unit_test(a_bad_line_width_is_rejected),
    };
    int rc = cmocka_run_group_tests(tests, NULL, NULL);
    xmlCleanupParser();
    return rc;
}
