/* loft_cli.h — shared by the loft command's files (cmd_loft.c, cmd_loft_full.c, loft_tests.c,
 * loft_text.c): the published lofted tests, named targets, and the --full run. */
#ifndef BMD_CLI_LOFT_CLI_H
#define BMD_CLI_LOFT_CLI_H

#include "bmd/loft.h"
#include "common.h"

/* A published long-range lofted test: the observation, where it was launched from, the template
 * used for it, and the published range estimate with its source. */
typedef struct cli_loft_test {
    const char *name;            /* --test NAME */
    const char *label;
    double apogee_km, range_km, flight_time_s;
    const char *observation_source;
    const char *site;
    double lat_deg, lon_deg;     /* launch site */
    const char *template_name;
    int solid;                   /* solid-propellant bounds */
    double published_km;         /* the published standard-range estimate */
    int at_least;                /* 1: "over"/"at least"/"up to" figure */
    const char *published;       /* as published, with source */
} cli_loft_test;

/* The table of tests and its length. */
const cli_loft_test *cli_loft_tests(int *n);

/* The test named name, or NULL. */
const cli_loft_test *cli_loft_test_find(const char *name);

/* A named target city. */
typedef struct cli_loft_city {
    const char *name;
    const char *label;
    double lat_deg, lon_deg;
} cli_loft_city;

/* The city named name (case-insensitive; spaces or hyphens), or NULL. */
const cli_loft_city *cli_loft_city_find(const char *name);

/* The default targets (Los Angeles, Chicago, Washington, New York) and their number. */
const cli_loft_city *cli_loft_default_cities(int *n);

/* Read a flight time typed as seconds ("2340", "2340s") or minutes ("39min", "39m", "39.5 min")
 * into seconds. Returns 0, or -1 for text that is neither. */
int cli_loft_parse_time(const char *text, double *seconds);

#define CLI_LOFT_MAX_TARGETS 8

/* One target and how far the central vehicle flies toward it. */
typedef struct cli_loft_target {
    char label[64];
    double lat_rad, lon_rad;
    double distance_m, bearing_rad;
    double max_range_m;          /* along the bearing, rotating Earth */
    int any_point;
    int reachable;
} cli_loft_target;

/* Everything loft --full computes. */
typedef struct cli_loft_run {
    const cli_loft_test *test;   /* NULL unless --test */
    bmd_catalog_missile tpl;
    char template_note[192];     /* how the template was chosen */
    bmd_loft_observation obs;
    bmd_loft_setup setup;
    bmd_loft_band_spec spec;
    bmd_loft_estimate est;
    bmd_loft_kepler kepler;      /* from the fitted lofted burnout altitude */
    double kepler_altitude_m;
    double warhead_kg[3];        /* range carrying these (same fitted vehicle) */
    double warhead_range_m[3];
    int warhead_any_point[3];
    cli_loft_target targets[CLI_LOFT_MAX_TARGETS];
    int n_targets;
} cli_loft_run;

/* bmdsim loft --full (cmd_loft_full.c), called by cli_cmd_loft with the parsed options, the
 * --test entry (or NULL) and the observation. */
int cli_loft_full(const cli_args *a, const cli_loft_test *test, const bmd_loft_observation *obs);

/* Print the run as a table on stdout. Returns CLI_OK or CLI_FAILED. */
int cli_loft_print_text(const cli_loft_run *r);

/* Print the run as one JSON object on stdout. */
int cli_loft_print_json(const cli_loft_run *r);

#endif
