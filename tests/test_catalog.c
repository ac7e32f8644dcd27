/* Tests of the vehicle catalogue (src/data/catalog_*.c): the shipped files load with full provenance,
 * Forden's and pytrajlib's numbers come out as published, bad files are refused with the file,
 * line, column and field, names are found (and typos answered with suggestions), overrides work. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bmd/catalog.h"
#include "test_support.h"

/* The shipped catalogue: $BMD_DATA_DIR/catalog/missiles. */
static const char *catalogue_dir(void)
{
    return test_catalog_dir("missiles");
}

/* A fresh temporary directory for bad files; removed in teardown. */
typedef struct scratch {
    char dir[64];
    char path[128];
} scratch;

static int make_scratch(void **state)
{
    scratch *s = calloc(1, sizeof *s);
    if (!s)
        return -1;
    snprintf(s->dir, sizeof s->dir, "/tmp/bmd_catalog_XXXXXX");
    if (!mkdtemp(s->dir)) {
        free(s);
        return -1;
    }
    snprintf(s->path, sizeof s->path, "%s/bad.yaml", s->dir);
    *state = s;
    return 0;
}

static int remove_scratch(void **state)
{
    scratch *s = *state;
    unlink(s->path);
    char other[160];
    snprintf(other, sizeof other, "%s/foo.yaml", s->dir);
    unlink(other);
    rmdir(s->dir);
    free(s);
    return 0;
}

static void write_file(const char *path, const char *text)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    assert_int_equal(fputs(text, f) >= 0, 1);
    assert_int_equal(fclose(f), 0);
}

/* A small valid missile; the bad-file tests change one line of it. Line numbers matter. */
static const char valid_text[] =
    "kind: missile\n"                                                   /* 1 */
    "name: test\n"                                                      /* 2 */
    "full_name: \"Test missile\"\n"                                     /* 3 */
    "class: SRBM\n"                                                     /* 4 */
    "sources:\n"                                                        /* 5 */
    "  ref: \"A. Author, 'A title', Journal 1(1):1-2 (2000), Table 1\"\n" /* 6 */
    "stages:\n"                                                         /* 7 */
    "  - propellant_mass_kg: {value: 3699, source: ref}\n"              /* 8 */
    "    dry_mass_kg: {value: 1198, source: ref}\n"                     /* 9 */
    "    burn_time_s: {value: 75, source: ref}\n"                       /* 10 */
    "    isp_vacuum_s: {value: 230, source: ref}\n"                     /* 11 */
    "    diameter_m: {value: 0.84, source: ref}\n"                      /* 12 */
    "payload:\n"                                                        /* 13 */
    "  rv_mass_kg: {value: 1000, source: ref}\n"                        /* 14 */
    "  rv_beta_kg_m2: {value: 5000, notional: true, note: \"a guess\"}\n"; /* 15 */

/* valid_text with the first occurrence of from replaced by to. */
static void write_variant(const char *path, const char *from, const char *to)
{
    char text[2048];
    const char *at = strstr(valid_text, from);
    assert_non_null(at);
    snprintf(text, sizeof text, "%.*s%s%s", (int)(at - valid_text), valid_text, to,
             at + strlen(from));
    write_file(path, text);
}

/* Load path expecting status; the message must contain want (e.g. "bad.yaml:10:26: field ..."). */
static void expect_failure(const char *path, int status, const char *want)
{
    bmd_catalog_missile *e = malloc(sizeof *e);
    assert_non_null(e);
    bmd_error err;
    int st = bmd_catalog_load_missile(path, e, &err);
    if (st != status || !strstr(err.message, want))
        print_error("status %d, message: %s\nwanted status %d and: %s\n", st, err.message, status,
                    want);
    assert_int_equal(st, status);
    assert_non_null(strstr(err.message, want));
    free(e);
}

static bmd_catalog_missile *load_shipped(const char *name)
{
    bmd_catalog_missile *e = malloc(sizeof *e);
    assert_non_null(e);
    bmd_error err;
    int st = bmd_catalog_find_missile(catalogue_dir(), name, e, &err);
    if (st)
        print_error("%s\n", err.message);
    assert_int_equal(st, BMD_SUCCESS);
    return e;
}

/* Launch mass from the stages and payload (the sum the tests compare with published totals). */
static double launch_mass_kg(const bmd_missile *m)
{
    double sum = m->payload.rv_mass_kg + m->payload.bus_mass_kg + m->payload.shroud_mass_kg;
    for (int i = 0; i < m->n_stages; i++)
        sum += m->stages[i].propellant_mass_kg + m->stages[i].dry_mass_kg;
    return sum;
}

static const bmd_param_provenance *param(const bmd_catalog_missile *e, const char *field)
{
    for (int i = 0; i < e->n_params; i++)
        if (strcmp(e->params[i].field, field) == 0)
            return &e->params[i];
    return NULL;
}

/* ---- the shipped catalogue ---- */

static void every_shipped_file_loads_with_a_source_or_a_noted_notional_flag(void **state)
{
    (void)state;
    char names[64][BMD_NAME_MAX];
    int n = 0;
    bmd_error err;
    assert_int_equal(bmd_catalog_list_missiles(catalogue_dir(), names, 64, &n, &err), BMD_SUCCESS);
    assert_true(n >= 9); /* the nine vehicles the catalogue ships with */
    for (int i = 0; i < n; i++) {
        bmd_catalog_missile *e = load_shipped(names[i]);
        assert_string_equal(e->missile.name, names[i]); /* name: matches the file stem */
        assert_true(e->missile.n_stages >= 1);
        assert_true(e->n_params >= 6 * e->missile.n_stages);
        for (int k = 0; k < e->n_params; k++) {
            const bmd_param_provenance *p = &e->params[k];
            int sourced = p->source[0] != '\0';
            if (!sourced && !p->notional)
                print_error("%s: %s has no provenance\n", names[i], p->field);
            assert_true(sourced || p->notional);
            if (p->notional)
                assert_true(p->note[0] != '\0');
            if (sourced) { /* the key resolves to a citation */
                int found = 0;
                for (int j = 0; j < e->n_sources; j++)
                    found |= strcmp(e->sources[j].key, p->source) == 0;
                assert_true(found);
            }
            assert_true(p->line > 0);
        }
        free(e);
    }
}

static void the_catalogue_lists_its_vehicles_sorted(void **state)
{
    (void)state;
    char names[64][BMD_NAME_MAX];
    int n = 0;
    assert_int_equal(bmd_catalog_list_missiles(catalogue_dir(), names, 64, &n, NULL), BMD_SUCCESS);
    const char *required[] = {"al-hussein", "generic-solid-icbm", "hwasong-14-class",
                              "hwasong-15-class",
                              "minuteman-3", "no-dong", "rs-24-yars-class", "scud-b",
                              "shahab-3-class", "taepodong-1"};
    for (size_t r = 0; r < sizeof required / sizeof *required; r++) {
        int found = 0;
        for (int i = 0; i < n; i++)
            found |= strcmp(names[i], required[r]) == 0;
        assert_true(found);
    }
    for (int i = 1; i < n; i++)
        assert_true(strcmp(names[i - 1], names[i]) < 0);
    /* A list too short for the directory is filled and reported. */
    bmd_error err;
    assert_int_equal(bmd_catalog_list_missiles(catalogue_dir(), names, 2, &n, &err), BMD_EINVAL);
    assert_int_equal(n, 2);
    assert_int_equal(bmd_catalog_list_missiles("/nonexistent/dir", names, 64, &n, &err), BMD_EIO);
}

/* Forden (2007), Table 1 as reproduced by Thrusty (docs/validation.md): launch mass = propellant +
 * burnout mass; burnout mass includes the payload. Exact transcriptions: tolerance 1e-9 kg. */
static void forden_scud_b_comes_out_as_published(void **state)
{
    (void)state;
    bmd_catalog_missile *e = load_shipped("scud-b");
    const bmd_stage *s = &e->missile.stages[0];
    assert_int_equal(e->missile.n_stages, 1);
    assert_double_equal(s->propellant_mass_kg, 3699.0, 1e-9);               /* Forden T1 */
    assert_double_equal(s->dry_mass_kg + e->missile.payload.rv_mass_kg, 2198.0, 1e-9); /* burnout */
    assert_double_equal(launch_mass_kg(&e->missile), 5897.0, 1e-9);          /* Forden T1 */
    assert_double_equal(s->isp_vacuum_s, 230.0, 1e-12);
    assert_double_equal(s->burn_time_s, 75.0, 1e-12);
    assert_double_equal(s->diameter_m, 0.84, 1e-12);
    assert_double_equal(e->missile.payload.rv_mass_kg, 1000.0, 1e-9);
    /* Forden's thrust falls 2% per atmosphere: Isp_sl = 0.98 Isp_vac (to the 0.1 s printed). */
    assert_double_equal(s->isp_sea_level_s, 0.98 * 230.0, 1e-9);
    /* Forden's drag curve: Mach [0 .85 1 1.2 2 4.5] -> Cd [.20 .20 .27 .27 .20 .20]. */
    assert_int_equal(s->cd_mach.n, 6);
    assert_double_equal(s->cd_mach.x[2], 1.0, 1e-12);
    assert_double_equal(s->cd_mach.y[2], 0.27, 1e-12);
    assert_double_equal(s->cd_mach.y[5], 0.20, 1e-12);
    assert_string_equal(param(e, "stages[0].propellant_mass_kg")->source, "forden2007");
    free(e);
}

static void forden_al_hussein_and_no_dong_come_out_as_published(void **state)
{
    (void)state;
    bmd_catalog_missile *e = load_shipped("al-hussein");
    /* Forden T1: 6,264 kg launch, 4,739 kg propellant, 1,525 kg burnout, 191 kg payload, 90 s. */
    assert_double_equal(launch_mass_kg(&e->missile), 6264.0, 1e-9);
    assert_double_equal(e->missile.stages[0].propellant_mass_kg, 4739.0, 1e-9);
    assert_double_equal(e->missile.stages[0].dry_mass_kg + e->missile.payload.rv_mass_kg, 1525.0,
                        1e-9);
    assert_double_equal(e->missile.payload.rv_mass_kg, 191.0, 1e-9);
    assert_double_equal(e->missile.stages[0].burn_time_s, 90.0, 1e-12);
    free(e);
    e = load_shipped("no-dong");
    /* Forden T1: 20,900 kg launch, 16,000 kg propellant, 4,900 kg burnout, Isp 240 s, 70 s,
     * diameter 0.88 m, payload 1,000 kg. */
    assert_double_equal(launch_mass_kg(&e->missile), 20900.0, 1e-9);
    assert_double_equal(e->missile.stages[0].propellant_mass_kg, 16000.0, 1e-9);
    assert_double_equal(e->missile.stages[0].isp_vacuum_s, 240.0, 1e-12);
    assert_double_equal(e->missile.stages[0].burn_time_s, 70.0, 1e-12);
    assert_double_equal(e->missile.stages[0].diameter_m, 0.88, 1e-12);
    free(e);
}

static void forden_taepodong_1_stack_comes_out_as_published(void **state)
{
    (void)state;
    bmd_catalog_missile *e = load_shipped("taepodong-1");
    const bmd_missile *m = &e->missile;
    assert_int_equal(m->n_stages, 2);
    /* Forden T1: whole stack 25,251 kg; stage 1 16,100 kg propellant, 3,800 kg dropped; stage 2
     * 5,351 kg with 3,699 kg propellant, 1,652 kg burnout including the 454 kg payload. */
    assert_double_equal(launch_mass_kg(m), 25251.0, 1e-9);
    assert_double_equal(m->stages[0].propellant_mass_kg, 16100.0, 1e-9);
    assert_double_equal(m->stages[0].dry_mass_kg, 3800.0, 1e-9);
    assert_double_equal(m->stages[1].propellant_mass_kg + m->stages[1].dry_mass_kg +
                            m->payload.rv_mass_kg, 5351.0, 1e-9);
    assert_double_equal(m->stages[1].dry_mass_kg + m->payload.rv_mass_kg, 1652.0, 1e-9);
    assert_double_equal(m->payload.rv_mass_kg, 454.0, 1e-9);
    free(e);
}

/* pytrajlib init_mmiii_booster (vehicle.h): wet 23,230 / 7,270 / 3,710 kg, propellant 20,780 /
 * 6,240 / 3,306 kg, Isp x 9.81 = 2,619.27 / 2,815.47 / 2,795.85 m/s (swerve.json), burn 61 / 66 /
 * 61 s, area 2.2698 m^2, bus 100 kg; ballistic RV shape Cd 0.1, radius 0.23 m. Payload: three
 * 200 kg warheads (StrategyPage 2011), one flying as the RV, two carried as bus mass with
 * pytrajlib's 100 kg bus. Exact transcriptions: 1e-9. */
static void minuteman_3_matches_pytrajlib(void **state)
{
    (void)state;
    bmd_catalog_missile *e = load_shipped("minuteman-3");
    const bmd_missile *m = &e->missile;
    const double wet[] = {23230, 7270, 3710}, prop[] = {20780, 6240, 3306};
    const double c[] = {2619.27, 2815.47, 2795.85}, burn[] = {61, 66, 61};
    assert_int_equal(m->n_stages, 3);
    for (int i = 0; i < 3; i++) {
        assert_double_equal(m->stages[i].propellant_mass_kg + m->stages[i].dry_mass_kg, wet[i],
                            1e-9);
        assert_double_equal(m->stages[i].propellant_mass_kg, prop[i], 1e-9);
        assert_double_equal(m->stages[i].isp_vacuum_s * 9.81, c[i], 1e-9); /* their g0 */
        assert_double_equal(m->stages[i].burn_time_s, burn[i], 1e-12);
    }
    /* pi (1.7/2)^2 = 2.2698 m^2, printed to 4 decimals: tolerance 5e-5 m^2. */
    assert_double_equal(M_PI * m->stages[0].diameter_m * m->stages[0].diameter_m / 4, 2.2698,
                        5e-5);
    /* two more 200 kg warheads (StrategyPage 2011) on a notional 150 kg bus (pytrajlib's 100 kg
     * plus 50 kg, retuned into the published range class): exact sum */
    assert_double_equal(m->payload.bus_mass_kg, 2 * 200.0 + 150.0, 1e-9);
    assert_double_equal(m->payload.rv_mass_kg, 200.0, 1e-9);
    /* beta = m / (Cd A) = 200 / (0.1 pi 0.23^2) = 12,034.4 kg/m^2, stored rounded to 1 kg/m^2. */
    assert_double_equal(m->payload.rv_beta_kg_m2, 200.0 / (0.1 * M_PI * 0.23 * 0.23), 0.5);
    free(e);
}

/* ---- bad files ---- */

static void a_small_valid_file_loads(void **state)
{
    scratch *s = *state;
    write_file(s->path, valid_text);
    bmd_catalog_missile *e = malloc(sizeof *e);
    assert_non_null(e);
    bmd_error err;
    assert_int_equal(bmd_catalog_load_missile(s->path, e, &err), BMD_SUCCESS);
    assert_string_equal(e->missile.name, "test");
    assert_double_equal(e->missile.stages[0].burn_time_s, 75.0, 0);
    const bmd_param_provenance *p = param(e, "stages[0].burn_time_s");
    assert_non_null(p);
    assert_int_equal(p->line, 10);
    assert_string_equal(p->source, "ref");
    p = param(e, "payload.rv_beta_kg_m2");
    assert_int_equal(p->notional, 1);
    assert_string_equal(p->note, "a guess");
    assert_int_equal(e->missile.stages[0].cd_mach.n, 0); /* not given: the default curve */
    free(e);
}

/* published_range_km: low..high in km with provenance, stored in metres; optional; an inverted or
 * unsourced class is refused at its position. */
static void a_published_range_class_is_read_in_metres_and_checked(void **state)
{
    scratch *s = *state;
    const char *line = "  rv_beta_kg_m2: {value: 5000, notional: true, note: \"a guess\"}\n";
    char to[512];
    snprintf(to, sizeof to, "%spublished_range_km: {low: 280, high: 300, source: ref}\n", line);
    write_variant(s->path, line, to);
    bmd_catalog_missile *e = malloc(sizeof *e);
    assert_non_null(e);
    bmd_error err;
    assert_int_equal(bmd_catalog_load_missile(s->path, e, &err), BMD_SUCCESS);
    assert_int_equal(e->published_range.has_range, 1);
    /* exact conversion of the written kilometres */
    assert_double_equal(e->published_range.low, 280e3, 0);
    assert_double_equal(e->published_range.high, 300e3, 0);
    assert_string_equal(e->published_range.source, "ref");
    assert_int_equal(e->published_range.line, 16);
    /* absent: has_range 0 */
    write_file(s->path, valid_text);
    assert_int_equal(bmd_catalog_load_missile(s->path, e, &err), BMD_SUCCESS);
    assert_int_equal(e->published_range.has_range, 0);
    free(e);
    snprintf(to, sizeof to, "%spublished_range_km: {low: 300, high: 280, source: ref}\n", line);
    write_variant(s->path, line, to);
    expect_failure(s->path, BMD_EINVAL, "bad.yaml:16:38: field 'published_range_km.high': value "
                                        "'280' must not be below low");
    snprintf(to, sizeof to, "%spublished_range_km: {low: 280, high: 300}\n", line);
    write_variant(s->path, line, to);
    expect_failure(s->path, BMD_EINVAL, "field 'published_range_km' has neither 'source: KEY'");
}

static void a_missing_required_field_names_the_stage_and_field(void **state)
{
    scratch *s = *state;
    write_variant(s->path, "    burn_time_s: {value: 75, source: ref}\n", "");
    /* Reported at the stage mapping, line 8 column 5. */
    expect_failure(s->path, BMD_EINVAL, "bad.yaml:8:5: field 'stages[0].burn_time_s' is missing");
}

static void a_negative_burn_time_is_refused_at_its_value(void **state)
{
    scratch *s = *state;
    write_variant(s->path, "{value: 75,", "{value: -3,");
    expect_failure(s->path, BMD_EINVAL,
                   "bad.yaml:10:26: field 'stages[0].burn_time_s': value '-3' must be positive");
}

static void a_zero_mass_is_refused(void **state)
{
    scratch *s = *state;
    write_variant(s->path, "{value: 1198,", "{value: 0,");
    expect_failure(s->path, BMD_EINVAL,
                   "bad.yaml:9:26: field 'stages[0].dry_mass_kg': value '0' must be positive");
}

static void text_for_a_number_is_refused(void **state)
{
    scratch *s = *state;
    write_variant(s->path, "{value: 230,", "{value: fast,");
    expect_failure(s->path, BMD_EINVAL,
                   "bad.yaml:11:27: field 'stages[0].isp_vacuum_s': value 'fast' is not a number");
    write_variant(s->path, "{value: 230,", "{value: .nan,");
    expect_failure(s->path, BMD_EINVAL, "value '.nan' is not a number");
    write_variant(s->path, "{value: 230,", "{value: \"230\",");
    expect_failure(s->path, BMD_EINVAL, "value '230' is not a number");
}

static void an_unknown_field_is_refused_with_the_closest_name(void **state)
{
    scratch *s = *state;
    write_variant(s->path, "burn_time_s:", "burn_tme_s:");
    expect_failure(s->path, BMD_EINVAL,
                   "bad.yaml:10:5: field 'stages[0].burn_tme_s' is not known (did you mean "
                   "'burn_time_s'?)");
    write_variant(s->path, "class: SRBM\n", "class: SRBM\nrange_km: 300\n");
    expect_failure(s->path, BMD_EINVAL, "bad.yaml:5:1: field 'range_km' is not known");
}

static void an_unknown_source_key_is_refused(void **state)
{
    scratch *s = *state;
    write_variant(s->path, "{value: 75, source: ref}", "{value: 75, source: forden}");
    expect_failure(s->path, BMD_EINVAL,
                   "bad.yaml:10:38: field 'stages[0].burn_time_s': source 'forden' is not a key "
                   "of 'sources'");
}

static void a_parameter_without_provenance_is_refused(void **state)
{
    scratch *s = *state;
    write_variant(s->path, "{value: 75, source: ref}", "{value: 75}");
    expect_failure(s->path, BMD_EINVAL,
                   "bad.yaml:10:18: field 'stages[0].burn_time_s' has neither 'source: KEY' nor "
                   "'notional: true'");
    write_variant(s->path, "{value: 75, source: ref}", "75");
    expect_failure(s->path, BMD_EINVAL, "bad.yaml:10:18: field 'stages[0].burn_time_s': bare value");
    write_variant(s->path, "notional: true, note: \"a guess\"", "notional: true");
    expect_failure(s->path, BMD_EINVAL, "field 'payload.rv_beta_kg_m2' is notional but has no 'note'");
}

static void a_yaml_syntax_error_gives_a_parse_error_with_its_position(void **state)
{
    scratch *s = *state;
    write_variant(s->path, "{value: 75, source: ref}\n", "{value: 75, source: ref\n");
    /* libyaml notices the unclosed flow mapping at the next key, line 11 column 17. */
    expect_failure(s->path, BMD_EPARSE, "bad.yaml:11:17: YAML syntax error");
}

static void other_bad_input_is_refused(void **state)
{
    scratch *s = *state;
    expect_failure("/nonexistent/missile.yaml", BMD_EIO, "/nonexistent/missile.yaml: cannot open");
    write_file(s->path, "");
    expect_failure(s->path, BMD_EINVAL, "bad.yaml:1:1: the file is empty");
    write_variant(s->path, "kind: missile", "kind: radar");
    expect_failure(s->path, BMD_EINVAL, "bad.yaml:1:7: field 'kind': value 'radar' must be 'missile'");
    write_variant(s->path, "class: SRBM", "class: ABM");
    expect_failure(s->path, BMD_EINVAL, "field 'class': value 'ABM' must be one of");
    write_variant(s->path, "  - propellant", "  - dry_mass_kg: {value: 1, source: ref}\n    propellant");
    expect_failure(s->path, BMD_EINVAL, "field 'stages[0].dry_mass_kg' is given twice");
    write_variant(s->path, "stages:\n", "stages: []\nxstages:\n");
    expect_failure(s->path, BMD_EINVAL, "field 'xstages' is not known");
    write_variant(s->path, "\"a guess\"}", "\"a guess\"}\n  cd_mach: {mach: [0, 1], cd: [0.2, 0.3], source: ref}");
    expect_failure(s->path, BMD_EINVAL, "field 'payload.cd_mach' is not known");
    write_variant(s->path, "    diameter_m", "    cd_mach: {mach: [0, 2, 1], cd: [0.2, 0.3, 0.2], source: ref}\n    diameter_m");
    expect_failure(s->path, BMD_EINVAL, "field 'stages[0].cd_mach.mach[2]': value '1' must be");
    write_variant(s->path, "    diameter_m", "    cd_mach: {mach: [0, 2], cd: [0.2], source: ref}\n    diameter_m");
    expect_failure(s->path, BMD_EINVAL, "field 'stages[0].cd_mach.cd' has 1 entries");
    bmd_catalog_missile *e = malloc(sizeof *e);
    assert_int_equal(bmd_catalog_load_missile(NULL, e, NULL), BMD_EINVAL);
    free(e);
}

/* ---- finding ---- */

static void find_is_case_insensitive_and_suggests_close_names(void **state)
{
    (void)state;
    bmd_catalog_missile *e = load_shipped("SCUD-B");
    assert_string_equal(e->missile.name, "scud-b");
    bmd_error err;
    assert_int_equal(bmd_catalog_find_missile(catalogue_dir(), "scudb", e, &err), BMD_ENOTFOUND);
    assert_non_null(strstr(err.message, "unknown missile 'scudb'"));
    assert_non_null(strstr(err.message, "did you mean scud-b"));
    assert_int_equal(bmd_catalog_find_missile(catalogue_dir(), "minuteman3", e, &err),
                     BMD_ENOTFOUND);
    assert_non_null(strstr(err.message, "did you mean minuteman-3"));
    assert_int_equal(bmd_catalog_find_missile(catalogue_dir(), "hwasong", e, &err), BMD_ENOTFOUND);
    assert_non_null(strstr(err.message, "hwasong-15-class"));
    assert_int_equal(bmd_catalog_find_missile(catalogue_dir(), "zzzzzzzzzzzz", e, &err),
                     BMD_ENOTFOUND);
    assert_null(strstr(err.message, "did you mean"));
    free(e);
}

static void find_matches_the_name_field_and_loads_paths(void **state)
{
    scratch *s = *state;
    char foo[160];
    snprintf(foo, sizeof foo, "%s/foo.yaml", s->dir);
    write_file(foo, valid_text); /* file stem foo, name: test */
    bmd_catalog_missile *e = malloc(sizeof *e);
    bmd_error err;
    assert_int_equal(bmd_catalog_find_missile(s->dir, "TEST", e, &err), BMD_SUCCESS);
    assert_string_equal(e->missile.name, "test");
    assert_int_equal(bmd_catalog_find_missile(s->dir, "foo", e, &err), BMD_SUCCESS);
    assert_int_equal(bmd_catalog_find_missile("/elsewhere", foo, e, &err), BMD_SUCCESS);
    assert_string_equal(e->path, foo);
    free(e);
}

/* ---- overrides ---- */

static void an_override_sets_the_value_and_records_it(void **state)
{
    (void)state;
    bmd_catalog_missile *e = load_shipped("taepodong-1");
    bmd_error err;
    assert_int_equal(bmd_catalog_override(e, "stages[1].propellant_mass_kg=12000", &err),
                     BMD_SUCCESS);
    assert_double_equal(e->missile.stages[1].propellant_mass_kg, 12000.0, 0);
    const bmd_param_provenance *p = param(e, "stages[1].propellant_mass_kg");
    assert_int_equal(p->line, 0);
    assert_int_equal(p->notional, 1);
    assert_non_null(strstr(p->note, "override"));
    assert_non_null(strstr(p->note, "3699"));
    int before = e->n_params;
    assert_int_equal(bmd_catalog_override(e, "payload.bus_mass_kg=50", &err), BMD_SUCCESS);
    assert_int_equal(e->n_params, before + 1);
    assert_double_equal(e->missile.payload.bus_mass_kg, 50.0, 0);
    free(e);
}

static void a_bad_override_is_refused_and_changes_nothing(void **state)
{
    (void)state;
    bmd_catalog_missile *e = load_shipped("scud-b");
    bmd_error err;
    const char *bad[] = {"stages[0].burn_time_s=-3", "stages[0].burn_time_s=fast",
                         "stages[1].burn_time_s=3", "stages[0].burn_tme_s=3",
                         "payload.rv_mass_kg=", "stages[0].cd_mach=1", "nonsense=1",
                         "stages[0].burn_time_s", "=3", "payload.bus_mass_kg=nan"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        assert_int_equal(bmd_catalog_override(e, bad[i], &err), BMD_EINVAL);
        assert_true(err.message[0] != '\0');
    }
    assert_int_equal(bmd_catalog_override(e, "stages[0].burn_time_s=-3", &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "'stages[0].burn_time_s': value '-3' must be positive"));
    assert_int_equal(bmd_catalog_override(e, "stages[0].burn_tme_s=3", &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "did you mean 'burn_time_s'"));
    assert_double_equal(e->missile.stages[0].burn_time_s, 75.0, 0); /* unchanged */
    free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(every_shipped_file_loads_with_a_source_or_a_noted_notional_flag),
        cmocka_unit_test(the_catalogue_lists_its_vehicles_sorted),
        cmocka_unit_test(forden_scud_b_comes_out_as_published),
        cmocka_unit_test(forden_al_hussein_and_no_dong_come_out_as_published),
        cmocka_unit_test(forden_taepodong_1_stack_comes_out_as_published),
        cmocka_unit_test(minuteman_3_matches_pytrajlib),
        cmocka_unit_test_setup_teardown(a_small_valid_file_loads, make_scratch, remove_scratch),
        cmocka_unit_test_setup_teardown(a_published_range_class_is_read_in_metres_and_checked,
                                        make_scratch, remove_scratch),
        cmocka_unit_test_setup_teardown(a_missing_required_field_names_the_stage_and_field,
                                        make_scratch, remove_scratch),
        cmocka_unit_test_setup_teardown(a_negative_burn_time_is_refused_at_its_value, make_scratch,
                                        remove_scratch),
        cmocka_unit_test_setup_teardown(a_zero_mass_is_refused, make_scratch, remove_scratch),
        cmocka_unit_test_setup_teardown(text_for_a_number_is_refused, make_scratch, remove_scratch),
        cmocka_unit_test_setup_teardown(an_unknown_field_is_refused_with_the_closest_name,
                                        make_scratch, remove_scratch),
        cmocka_unit_test_setup_teardown(an_unknown_source_key_is_refused, make_scratch,
                                        remove_scratch),
        cmocka_unit_test_setup_teardown(a_parameter_without_provenance_is_refused, make_scratch,
                                        remove_scratch),
        cmocka_unit_test_setup_teardown(a_yaml_syntax_error_gives_a_parse_error_with_its_position,
                                        make_scratch, remove_scratch),
        cmocka_unit_test_setup_teardown(other_bad_input_is_refused, make_scratch, remove_scratch),
        cmocka_unit_test(find_is_case_insensitive_and_suggests_close_names),
        cmocka_unit_test_setup_teardown(find_matches_the_name_field_and_loads_paths, make_scratch,
                                        remove_scratch),
        cmocka_unit_test(an_override_sets_the_value_and_records_it),
        cmocka_unit_test(a_bad_override_is_refused_and_changes_nothing),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
