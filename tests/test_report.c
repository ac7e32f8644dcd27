/* Tests of bmd/report.h: the report of a shipped scenario parses without errors with libxml2's
 * HTML parser and is well-formed XML (so every inline SVG is well formed); it has the sections a
 * reader needs, nothing fetched from the network, escaped text, findings that state the computed
 * numbers; a map section is one call; footprint maps make a section with a map, a caption with
 * their statistics and one finding each; bad input is rejected. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

#include "bmd/report.h"
#include "test_scenario_support.h"

/* A shipped scenario, resolved and analysed as modelled and on remote (no required speeds
 * unless speed). */
typedef struct fixture {
    bmd_scenario scn;
    bmd_analysis an, remote;
    bmd_world *world;
} fixture;

static fixture *setup_case(const char *name, int speed)
{
    fixture *f = calloc(1, sizeof *f);
    assert_non_null(f);
    char path[1024], cat[1024];
    snprintf(path, sizeof path, "%s/../scenarios/%s", bmd_test_data_dir(), name);
    snprintf(cat, sizeof cat, "%s/catalog", bmd_test_data_dir());
    bmd_error err = {0};
    bmd_scenario_init(&f->scn);
    if (bmd_scenario_open(path, cat, &f->scn, &err))
        fail_msg("%s", err.message);
    bmd_analysis_options opt;
    bmd_analysis_options_init(&opt);
    opt.required_speed = speed;
    if (bmd_analysis_run(&f->scn, &opt, &f->an, &err))
        fail_msg("%s", err.message);
    opt.engage.require_fcr_coverage = 0;
    if (bmd_analysis_run(&f->scn, &opt, &f->remote, &err))
        fail_msg("%s", err.message);
    if (bmd_world_load_dir(bmd_test_data_dir(), &f->world, &err))
        fail_msg("%s", err.message);
    return f;
}

static void teardown_case(fixture *f)
{
    bmd_analysis_free(&f->an);
    bmd_analysis_free(&f->remote);
    bmd_scenario_free(&f->scn);
    bmd_world_free(f->world);
    free(f);
}

/* The HTML of the fixture's report. */
static char *report_html(fixture *f, const char *command)
{
    bmd_report_options opt = {command, f->world, "bmdsim test", NULL, NULL};
    bmd_report *r = NULL;
    bmd_error err = {0};
    assert_int_equal(bmd_report_begin(&r, &f->an, &f->remote, &opt, &err), BMD_SUCCESS);
    char *html = NULL;
    if (bmd_report_html(r, &html, &err))
        fail_msg("%s", err.message);
    bmd_report_free(r);
    return html;
}

static int n_errors;
static int n_unknown_tags;
/* Count the parser's errors (libxml2 structured error handler); the HTML 4 parser's "unknown
 * tag" (svg, path, ...: SVG inline in HTML5) are counted apart. */
static void count_error(void *ctx, xmlErrorPtr e)
{
    (void)ctx;
    if (e && e->level >= XML_ERR_ERROR) {
        if (e->code == XML_HTML_UNKNOWN_TAG)
            n_unknown_tags++;
        else {
            n_errors++;
            fprintf(stderr, "parser error %d at line %d: %s", e->code, e->line, e->message);
        }
    }
}

/* Number of nodes matching an XPath expression. */
static int count_nodes(xmlDocPtr doc, const char *xpath)
{
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST xpath, ctx);
    int n = obj && obj->nodesetval ? obj->nodesetval->nodeNr : 0;
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    return n;
}

static void the_report_parses_as_html_and_as_xml_with_its_sections(void **state)
{
    (void)state;
    fixture *f = setup_case("iran-europe-small.yaml", 0);
    char *html = report_html(f, "bmdsim report scenarios/iran-europe-small.yaml -o r.html");
    n_errors = n_unknown_tags = 0;
    xmlSetStructuredErrorFunc(NULL, count_error);
    htmlDocPtr hdoc = htmlReadMemory(html, (int)strlen(html), "report.html", "UTF-8",
                                     HTML_PARSE_NONET | HTML_PARSE_NOWARNING);
    assert_non_null(hdoc);
    /* libxml2's HTML parser (HTML 4) knows no SVG element names and reports them as unknown
     * tags; nothing else may be wrong (unclosed or misnested elements, bad entities). */
    assert_int_equal(n_errors, 0);
    assert_true(n_unknown_tags > 0); /* the SVG was seen */
    xmlFreeDoc(hdoc);
    n_errors = 0;
    xmlDocPtr doc = xmlReadMemory(html, (int)strlen(html), "report.html", "UTF-8",
                                  XML_PARSE_NONET);
    xmlSetStructuredErrorFunc(NULL, NULL);
    assert_non_null(doc);
    assert_int_equal(n_errors, 0); /* well-formed XML: every inline SVG is well formed */
    /* The sections a reader needs, in the document. */
    assert_int_equal(count_nodes(doc, "/html/head/title"), 1);
    assert_int_equal(count_nodes(doc, "//h2[.='The question']"), 1);
    assert_int_equal(count_nodes(doc, "//h2[.='Findings in brief']"), 1);
    assert_int_equal(count_nodes(doc, "//h2[.='Assumptions and limits']"), 1);
    assert_int_equal(count_nodes(doc, "//h2[.='Parameters and their sources']"), 1);
    assert_int_equal(count_nodes(doc, "//pre[contains(., 'bmdsim report scenarios/')]"), 1);
    /* Two maps, an altitude plot and a timeline for the one threat. */
    assert_int_equal(count_nodes(doc, "//*[local-name()='svg'][not(ancestor::figure[@class="
                                      "'robust'])]"), 4);
    /* The robustness section (report_robust.c): its heading and the launch-on table. */
    assert_int_equal(count_nodes(doc, "//h2[@id='robustness']"), 1);
    assert_int_equal(count_nodes(doc, "//th[.='launch on radar-track']"), 1);
    assert_int_equal(count_nodes(doc, "//figure[@id='map']/*[local-name()='svg']"), 1);
    /* Nothing fetched from the network: no src, no link, no @import, no url(http...). */
    assert_int_equal(count_nodes(doc, "//*[@src] | //link | //script"), 0);
    assert_null(strstr(html, "@import"));
    assert_null(strstr(html, "url(http"));
    /* Parameters with the notional flag (the SPY-1D ranges are notional in the catalogue). */
    assert_true(count_nodes(doc, "//tr[@class='notional']") > 0);
    xmlFreeDoc(doc);
    free(html);
    teardown_case(f);
}

static void text_from_the_scenario_is_escaped(void **state)
{
    (void)state;
    fixture *f = setup_case("iran-europe-small.yaml", 0);
    const char *evil = "<script>alert(\"x\")</script> & 'quotes' </p>";
    snprintf(f->scn.title, sizeof f->scn.title, "%s", evil);
    snprintf(f->scn.notes[0], sizeof f->scn.notes[0], "%s", evil);
    char *html = report_html(f, "bmdsim report 'a b' <c> & d");
    assert_null(strstr(html, "<script>"));
    assert_null(strstr(html, "<c>"));
    xmlDocPtr doc = xmlReadMemory(html, (int)strlen(html), "report.html", "UTF-8",
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    assert_non_null(doc);
    /* The text survives as text: the h1 reads exactly the title. */
    xmlXPathContextPtr ctx = xmlXPathNewContext(doc);
    xmlXPathObjectPtr obj = xmlXPathEvalExpression(BAD_CAST "//h1", ctx);
    assert_int_equal(obj->nodesetval->nodeNr, 1);
    xmlChar *text = xmlNodeGetContent(obj->nodesetval->nodeTab[0]);
    assert_string_equal((const char *)text, evil);
    xmlFree(text);
    xmlXPathFreeObject(obj);
    xmlXPathFreeContext(ctx);
    xmlFreeDoc(doc);
    free(html);
    teardown_case(f);
}

/* Issue 10 item 8: numbers for people, never "1e+06" or "4.82803e+06": the AN/TPY-2's
 * 1,000,000 m detection range and its 600,000-1,500,000 m spread (data/catalog/radars). */
static void parameter_tables_print_numbers_for_people(void **state)
{
    (void)state;
    fixture *f = setup_case("iran-europe-small.yaml", 0);
    char *html = report_html(f, "bmdsim report scenarios/iran-europe-small.yaml -o r.html");
    const char *params = strstr(html, "Parameters and their sources");
    assert_non_null(params);
    for (const char *c = params; *c; c++)
        if ((c[0] == 'e' || c[0] == 'E') && (c[1] == '+' || c[1] == '-') && c > params &&
            c[-1] >= '0' && c[-1] <= '9' && c[2] >= '0' && c[2] <= '9')
            fail_msg("exponent notation in the parameter tables: '%.24s'", c - 8);
    if (!strstr(params, "<td class=\"n\">1,000,000</td>"))
        fail_msg("expected the 1,000,000 m detection range written with separators");
    if (!strstr(params, "600,000 to 1,500,000"))
        fail_msg("expected the range '600,000 to 1,500,000'");
    free(html);
    teardown_case(f);
}

static void findings_state_the_computed_required_speed(void **state)
{
    (void)state;
    fixture *f = setup_case("russia-us-icbm.yaml", 1);
    char *html = report_html(f, "bmdsim report scenarios/russia-us-icbm.yaml -o r.html");
    /* Every site's finding gives the speed it would need, as computed, to 0.01 km/s. */
    for (int s = 0; s < f->scn.n_sites; s++) {
        const bmd_analysis_pair *p = bmd_analysis_pair_at(&f->remote, 0, s);
        assert_true(p->has_required_speed);
        char want[96];
        if (!p->required.possible)
            snprintf(want, sizeof want, "No interceptor burnout speed up to 11 km/s");
        else if (!p->engagement.engageable)
            snprintf(want, sizeof want, "at least %.2f km/s", p->required.speed_m_s / 1e3);
        else
            snprintf(want, sizeof want, "of %.2f km/s would suffice", p->required.speed_m_s / 1e3);
        assert_non_null(strstr(html, want));
    }
    char lines[3][BMD_REPORT_SUMMARY_MAX];
    bmd_report_options opt = {NULL, NULL, NULL, NULL, NULL};
    bmd_report *r = NULL;
    assert_int_equal(bmd_report_begin(&r, &f->an, &f->remote, &opt, NULL), 0);
    bmd_report_summary(r, lines);
    assert_non_null(strstr(lines[0], "1 threats x 2 sites"));
    bmd_report_free(r);
    free(html);
    teardown_case(f);
}

static void a_map_section_is_one_call(void **state)
{
    (void)state;
    fixture *f = setup_case("iran-europe-small.yaml", 0);
    bmd_report_options opt = {"cmd", f->world, "bmdsim test", NULL, NULL};
    bmd_report *r = NULL;
    bmd_error err = {0};
    assert_int_equal(bmd_report_begin(&r, &f->an, NULL, &opt, &err), 0);
    bmd_scene sc;
    bmd_scene_init(&sc, NULL);
    double lat[] = {0.70, 0.70, 0.75}, lon[] = {0.40, 0.45, 0.42};
    assert_int_equal(bmd_scene_add_area(&sc, "covered", BMD_AREA_FOOTPRINT, lat, lon, 3, NULL,
                                        &err), 0);
    assert_int_equal(bmd_report_add_map(r, "Defended area & more", "a <caption>", &sc, &err), 0);
    bmd_scene_free(&sc);
    char *html = NULL;
    assert_int_equal(bmd_report_html(r, &html, &err), 0);
    assert_non_null(strstr(html, "<h2>Defended area &amp; more</h2>"));
    assert_non_null(strstr(html, "a &lt;caption&gt;"));
    free(html);
    bmd_report_free(r);
    teardown_case(f);
}

/* Sum of the "area_km2" properties of the footprint polygons of a scene with min_shots and
 * engage_on_remote as given. */
static double polygon_area_km2(const bmd_scene *sc, int min_shots, int remote, int *n)
{
    double sum = 0;
    *n = 0;
    for (int f = 0; f < sc->n_features; f++) {
        if (sc->features[f].type != BMD_FEATURE_AREA ||
            sc->areas[sc->features[f].index].kind != BMD_AREA_FOOTPRINT)
            continue;
        double shots = -1, rem = -1, area = NAN;
        for (int p = 0; p < sc->n_props; p++) {
            if (sc->props[p].feature != f || sc->props[p].text)
                continue;
            if (!strcmp(sc->props[p].key, "min_shots"))
                shots = sc->props[p].number;
            else if (!strcmp(sc->props[p].key, "engage_on_remote"))
                rem = sc->props[p].number;
            else if (!strcmp(sc->props[p].key, "area_km2"))
                area = sc->props[p].number;
        }
        if (shots == min_shots && rem == remote) {
            sum += area;
            (*n)++;
        }
    }
    return sum;
}

static void footprint_maps_are_a_section_with_a_map_and_their_statistics(void **state)
{
    (void)state;
    fixture *f = setup_case("russia-us-icbm.yaml", 0);
    bmd_analysis_footprints *fps = calloc(1, sizeof *fps);
    assert_non_null(fps);
    bmd_error err = {0};
    if (bmd_analysis_footprints_run(&f->an, NULL, fps, &err))
        fail_msg("%s", err.message);
    /* One defended-area map: the launch area's threat launch point (kozelsk) against the
     * scenario's one grid, 44..56 N every 3 degrees (5 rows) x 5..35 E (11 columns), kept at the
     * scenario's step (55 cells are below the default cap of 600). */
    assert_int_equal(fps->n, 1);
    const bmd_analysis_footprint *m = &fps->maps[0];
    assert_int_equal(m->mode, BMD_FOOTPRINT_DEFENDED_AREA);
    assert_string_equal(m->centre, "kozelsk");
    assert_string_equal(m->grid_name, "europe-east");
    assert_int_equal(m->grid.n_cells, 55);
    assert_false(m->coarsened);
    assert_non_null(m->cells[0]);
    assert_non_null(m->cells[1]);
    /* Engaging on remote only drops a requirement: it covers every cell the own radars cover. */
    for (long k = 0; k < m->grid.n_cells; k++)
        assert_true(m->cells[1][k].shot_opportunities >= 1 ||
                    m->cells[0][k].shot_opportunities == 0);
    assert_true(m->summary[1].covered1 >= m->summary[0].covered1);
    assert_true(m->summary[1].covered1 > 0); /* the polygons below are not vacuous */
    assert_true(m->summary[1].covered2 <= m->summary[1].covered1);
    /* The contour polygons' areas (edge integrals of the authalic zone area) add up to the
     * summary's covered area (sum of whole cells' areas): two computations of the same number,
     * equal to the 0.1 km2 rounding of each polygon's area. */
    bmd_scene sc;
    bmd_scene_init(&sc, &f->scn.earth);
    assert_int_equal(bmd_analysis_footprint_scene(fps, 0, BMD_ANALYSIS_FP_OWN |
                                                  BMD_ANALYSIS_FP_REMOTE, &sc, &err), 0);
    for (int remote = 0; remote <= 1; remote++)
        for (int shots = 1; shots <= 2; shots++) {
            int n;
            double a = polygon_area_km2(&sc, shots, remote, &n);
            double want = shots == 1 ? m->summary[remote].area1_km2 : m->summary[remote].area2_km2;
            assert_true(fabs(a - want) <= 0.05 * n + 1e-6);
        }
    bmd_scene_free(&sc);
    /* The report: a Footprints section with the map, a caption with the grid, the step, what
     * covered means and the statistics, and one finding line. */
    bmd_report_options opt = {"cmd", f->world, "bmdsim test", NULL, NULL};
    bmd_report *r = NULL;
    assert_int_equal(bmd_report_begin(&r, &f->an, &f->remote, &opt, &err), 0);
    assert_int_equal(bmd_report_add_footprints(r, fps, &err), 0);
    char *html = NULL;
    if (bmd_report_html(r, &html, &err))
        fail_msg("%s", err.message);
    xmlDocPtr doc = xmlReadMemory(html, (int)strlen(html), "report.html", "UTF-8",
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    assert_non_null(doc); /* still well-formed XML */
    assert_int_equal(count_nodes(doc, "//h2[@id='footprints']"), 1);
    assert_int_equal(count_nodes(doc, "//figure[@id='footprint-1']/*[local-name()='svg']"), 1);
    assert_int_equal(count_nodes(doc, "//figure[@id='footprint-1']//*[local-name()='text']"
                                      "[starts-with(., 'Footprint: ')]"), 2); /* the legend */
    assert_int_equal(count_nodes(doc, "//figure[@id='footprint-1']/figcaption[contains(., "
                                      "'55 cells every 3 degrees') and contains(., 'A cell is "
                                      "covered when') and contains(., 'Covered: ')]"), 1);
    assert_int_equal(count_nodes(doc, "//li[@class='finding'][starts-with(., 'Against a ')]"), 1);
    /* The coverage-probability map of the robustness section (report_uncertainty.c): a map, its
     * band legend, and a caption naming N, the seed, the sampler and the grid. */
    assert_int_equal(count_nodes(doc, "//figure[@id='coverage-probability-map']/*[local-name()="
                                      "'svg']"), 1);
    assert_true(count_nodes(doc, "//figure[@id='coverage-probability-map']//*[local-name()="
                                 "'text'][starts-with(., 'P(\u2265 1 shot) \u2265 ')]") >= 1);
    assert_int_equal(count_nodes(doc, "//figure[@id='coverage-probability-map']/figcaption["
                                      "(contains(., 'over 40 samples (seed 1, lhs sampler)') or "
                                      "contains(., 'over 8 samples (seed 1, lhs sampler)')) and "
                                      "contains(., '--samples 200')]"), 1);
    char want[160];
    snprintf(want, sizeof want, "%.1f%% of the cells)", 100 * m->summary[1].share1);
    assert_non_null(strstr(html, want));
    xmlFreeDoc(doc);
    free(html);
    /* Bad input. */
    assert_int_equal(bmd_report_add_footprints(r, NULL, &err), BMD_EINVAL);
    assert_int_equal(bmd_analysis_footprint_scene(fps, 1, BMD_ANALYSIS_FP_OWN, &sc, &err),
                     BMD_EINVAL);
    bmd_analysis_footprint_options bad;
    bmd_analysis_footprint_options_init(&bad);
    bad.max_cells = -5;
    bmd_analysis_footprints *other = calloc(1, sizeof *other);
    assert_int_equal(bmd_analysis_footprints_run(&f->an, &bad, other, &err), BMD_EINVAL);
    free(other);
    bmd_report_free(r);
    bmd_analysis_footprints_free(fps);
    free(fps);
    teardown_case(f);
}

static void bad_input_is_rejected(void **state)
{
    (void)state;
    bmd_report *r = NULL;
    bmd_error err = {0};
    bmd_analysis empty = {0};
    assert_int_equal(bmd_report_begin(&r, NULL, NULL, NULL, &err), BMD_EINVAL);
    assert_int_equal(bmd_report_begin(&r, &empty, NULL, NULL, &err), BMD_EINVAL);
    assert_null(r);
    fixture *f = setup_case("iran-europe-small.yaml", 0);
    fixture *g = setup_case("russia-us-icbm.yaml", 0);
    /* the remote analysis must be of the same scenario */
    assert_int_equal(bmd_report_begin(&r, &f->an, &g->remote, NULL, &err), BMD_EINVAL);
    assert_int_equal(bmd_report_begin(&r, &f->an, NULL, NULL, &err), 0);
    bmd_scene sc;
    bmd_scene_init(&sc, NULL);
    assert_int_equal(bmd_report_add_map(r, "", "x", &sc, &err), BMD_EINVAL);
    assert_int_equal(bmd_report_add_map(r, "Empty", "x", &sc, &err), BMD_EINVAL);
    assert_int_equal(bmd_report_write(r, "/nonexistent-dir/r.html", &err), BMD_EIO);
    bmd_report_free(r);
    teardown_case(f);
    teardown_case(g);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_report_parses_as_html_and_as_xml_with_its_sections),
        cmocka_unit_test(text_from_the_scenario_is_escaped),
        cmocka_unit_test(findings_state_the_computed_required_speed),
        cmocka_unit_test(parameter_tables_print_numbers_for_people),
        cmocka_unit_test(a_map_section_is_one_call),
        cmocka_unit_test(footprint_maps_are_a_section_with_a_map_and_their_statistics),
        cmocka_unit_test(bad_input_is_rejected),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
