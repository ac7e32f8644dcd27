/* Tests of bmd/places.h: the gazetteer loads, names match without regard to case, accents and
 * punctuation, aliases resolve, unknown names get close suggestions with country and position,
 * searches rank exact before partial matches, and malformed files are refused with the line. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "bmd/places.h"

static bmd_places *load(void)
{
    const char *dir = getenv("BMD_DATA_DIR");
    bmd_places *g = NULL;
    bmd_error err;
    int st = bmd_places_load_dir(dir ? dir : BMD_TEST_DATA_DIR, &g, &err);
    if (st)
        fail_msg("loading the gazetteer: %s", err.message);
    return g;
}

static const bmd_place *must_find(const bmd_places *g, const char *name)
{
    const bmd_place *p = NULL;
    bmd_error err;
    if (bmd_places_find(g, name, &p, &err))
        fail_msg("'%s' not found: %s", name, err.message);
    return p;
}

static void expect_deg(const char *what, double rad, double deg)
{
    double got = rad * 180.0 / M_PI;
    if (fabs(got - deg) > 1e-9)
        fail_msg("%s: expected %.6f deg, got %.6f deg", what, deg, got);
}

static void the_key_ignores_case_accents_and_punctuation(void **state)
{
    (void)state;
    char k[64];
    assert_string_equal(bmd_place_key("Kürecik", k, sizeof k), "kurecik");
    assert_string_equal(bmd_place_key("Washington, D.C.", k, sizeof k), "washingtondc");
    assert_string_equal(bmd_place_key("new-york", k, sizeof k), "newyork");
    /* one base letter per accented letter: Æ folds to a, ø to o */
    assert_string_equal(bmd_place_key("Słupsk Łódź Ærøskøbing", k, sizeof k),
                        "slupsklodzaroskobing");
    assert_string_equal(bmd_place_key("Čačak São Tomé", k, sizeof k), "cacaksaotome");
    char small[4];
    assert_string_equal(bmd_place_key("Kozelsk", small, sizeof small), "koz");
}

static void kurecik_finds_the_scenario_radar_with_its_source(void **state)
{
    (void)state;
    bmd_places *g = load();
    const bmd_place *p = must_find(g, "kurecik");
    assert_string_equal(p->name, "Kürecik");
    assert_string_equal(p->country, "Turkey");
    /* scenarios/europe.yaml sensor kurecik: at [38.34944, 37.79361], rounded to 1e-4 deg */
    expect_deg("Kürecik latitude", p->lat_rad, 38.3494);
    expect_deg("Kürecik longitude", p->lon_rad, 37.7936);
    assert_non_null(strstr(p->source, "wiki-kurecik"));
    assert_ptr_equal(must_find(g, "KÜRECIK"), p);
    bmd_places_free(g);
}

static void washington_resolves_to_the_scenario_target_and_the_alias_to_natural_earth(void **state)
{
    (void)state;
    bmd_places *g = load();
    const bmd_place *w = must_find(g, "washington");
    /* the scenario library's target comes first in the file: scenarios/europe.yaml [38.90, -77.04] */
    expect_deg("washington latitude", w->lat_rad, 38.90);
    expect_deg("washington longitude", w->lon_rad, -77.04);
    const bmd_place *dc = must_find(g, "Washington DC");
    assert_string_equal(dc->name, "Washington, D.C.");
    assert_non_null(strstr(dc->source, "Natural Earth"));
    const bmd_place *kiev = must_find(g, "kiev");
    assert_string_equal(kiev->name, "Kyiv");
    bmd_places_free(g);
}

static void every_scenario_launch_point_is_in_the_gazetteer(void **state)
{
    (void)state;
    bmd_places *g = load();
    /* scenarios/europe.yaml launch_areas russia-icbm-divisions and iran-west */
    const struct { const char *name; double lat, lon; } pts[] = {
        {"kozelsk", 54.03, 35.78}, {"tatishchevo", 51.67, 45.59}, {"yoshkar-ola", 56.63, 47.89},
        {"uzhur", 55.31, 89.82}, {"tabriz", 38.08, 46.29}, {"deveselu", 44.050, 24.383},
        {"redzikowo", 54.479, 17.109}, {"new york", 40.71, -74.01}};
    for (size_t i = 0; i < sizeof pts / sizeof *pts; i++) {
        const bmd_place *p = must_find(g, pts[i].name);
        expect_deg(pts[i].name, p->lat_rad, pts[i].lat);
        expect_deg(pts[i].name, p->lon_rad, pts[i].lon);
        assert_true(strstr(p->source, "scenarios/") == p->source);
    }
    bmd_places_free(g);
}

static void an_unknown_name_suggests_the_closest_with_country_and_position(void **state)
{
    (void)state;
    bmd_places *g = load();
    const bmd_place *p = (const bmd_place *)1;
    bmd_error err;
    assert_int_equal(bmd_places_find(g, "kozelsc", &p, &err), BMD_ENOTFOUND);
    assert_null(p);
    const char *want = "unknown place 'kozelsc'; did you mean Kozelsk (Russia, 54.03 N 35.78 E)?";
    if (strcmp(err.message, want))
        fail_msg("expected \"%s\", got \"%s\"", want, err.message);
    assert_int_equal(bmd_places_find(g, "xqzzyv", &p, &err), BMD_ENOTFOUND);
    assert_non_null(strstr(err.message, "bmdsim places"));
    assert_int_equal(bmd_places_find(g, "--", &p, &err), BMD_EINVAL);
    bmd_places_free(g);
}

static void a_search_lists_exact_matches_before_partial_ones_and_finds_by_country(void **state)
{
    (void)state;
    bmd_places *g = load();
    size_t idx[64];
    size_t n = bmd_places_search(g, "washington", idx, 64);
    assert_int_equal(n, 2);
    assert_string_equal(bmd_places_get(g, idx[0])->name, "Washington");
    assert_string_equal(bmd_places_get(g, idx[1])->name, "Washington, D.C.");
    n = bmd_places_search(g, "russia", idx, 64);
    assert_true(n >= 10); /* ten division towns and Moscow at least */
    for (size_t k = 0; k < n && k < 64; k++)
        assert_string_equal(bmd_places_get(g, idx[k])->country, "Russia");
    /* nothing contains "kozelsc": the close names instead */
    n = bmd_places_search(g, "kozelsc", idx, 64);
    assert_int_equal(n, 1);
    assert_string_equal(bmd_places_get(g, idx[0])->name, "Kozelsk");
    /* an empty query lists everything; only max indexes written */
    n = bmd_places_search(g, "", idx, 3);
    assert_int_equal(n, bmd_places_count(g));
    assert_true(bmd_places_count(g) > 250); /* 243 Natural Earth places and the scenarios' */
    bmd_places_free(g);
}

static void a_bad_line_is_refused_with_its_number_and_field(void **state)
{
    (void)state;
    char path[] = "/tmp/bmd_places_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    const char text[] = "# comment\nA\t-\t10\t20\tsite\t-\tsrc\nB\t-\t95\t20\tsite\t-\tsrc\n";
    assert_int_equal(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
    close(fd);
    bmd_places *g = (bmd_places *)1;
    bmd_error err;
    assert_int_equal(bmd_places_load(path, &g, &err), BMD_EPARSE);
    assert_null(g);
    assert_non_null(strstr(err.message, ":3: lat_deg '95'"));
    FILE *f = fopen(path, "w");
    fputs("A\t-\t10\n", f);
    fclose(f);
    assert_int_equal(bmd_places_load(path, &g, &err), BMD_EPARSE);
    assert_non_null(strstr(err.message, ":1: 3 tab-separated fields, expected 7"));
    unlink(path);
    assert_int_equal(bmd_places_load("/nonexistent/places.tsv", &g, &err), BMD_EIO);
    assert_non_null(strstr(err.message, "/nonexistent/places.tsv"));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_key_ignores_case_accents_and_punctuation),
        cmocka_unit_test(kurecik_finds_the_scenario_radar_with_its_source),
        cmocka_unit_test(washington_resolves_to_the_scenario_target_and_the_alias_to_natural_earth),
        cmocka_unit_test(every_scenario_launch_point_is_in_the_gazetteer),
        cmocka_unit_test(an_unknown_name_suggests_the_closest_with_country_and_position),
        cmocka_unit_test(a_search_lists_exact_matches_before_partial_ones_and_finds_by_country),
        cmocka_unit_test(a_bad_line_is_refused_with_its_number_and_field),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
