/* bmdsim report SCENARIO.yaml -o out/report.html — the analysis of a scenario as one
 * self-contained HTML page (bmd/report.h), with its GeoJSON and KML beside it, and three lines of
 * summary on stdout. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bmd/map.h"
#include "bmd/report.h"
#include "bmd/version.h"
#include "common.h"
#include "mc_cli.h"
#include "outputs.h"
#include "report_leaflet.h"
#include "scenario_cli.h"
#include "units_cli.h"

/* The report's default sample count as text (for the help). */
#define REPORT_STR2(x) #x
#define REPORT_STR(x) REPORT_STR2(x)

static const cli_option options[] = {
    {"output", "FILE", "the HTML file to write (also -o FILE); its directory is created"},
    {"geojson", "FILE", "GeoJSON of the scenario (default: FILE.html -> FILE.geojson)"},
    {"kml", "FILE", "KML of the scenario (default: FILE.html -> FILE.kml)"},
    {"czml", "FILE", "CZML of the scenario for CesiumJS (default: FILE.html -> FILE.czml)"},
    {"epoch", "TIME", "launch time in the KML and CZML, ISO 8601 UTC (default 2026-01-01T00:00:00Z, an assumption)"},
    {"no-remote", NULL, "skip the engage-on-remote analysis (own radar required only)"},
    {"no-required-speed", NULL, "skip the required-speed searches (faster)"},
    {"no-footprints", NULL, "skip the footprint maps (faster)"},
    {"footprint-cells", "N", "at most N cells per footprint map: coarser grids beyond "
                             "(default 600)"},
    {"quiet", NULL, "no progress on stderr (shown only on a terminal)"},
    {"threads", "N", "OpenMP threads (default: all cores)"},
    {"catalog", "DIR", "catalogue root (default $BMD_DATA_DIR/catalog)"},
    {"data-dir", "DIR", "map data directory (default $BMD_DATA_DIR, else the built-in path)"},
    {"samples", "N", "Monte Carlo samples per launch-on rule for the per-pair probability table "
                     "and the coverage-probability map (default " REPORT_STR(BMD_REPORT_MC_SAMPLES)
                     ", 0: none; at most 100000)"},
    {"seed", "S", "Monte Carlo seed, integer >= 0 (default 1)"},
    {"sampler", "NAME", "Monte Carlo design: lhs (default), mc or halton"},
    {"threat-draws", "K", "Monte Carlo: fly K draws of the missile flight parameters, crossed "
                          "with the N samples (1..N; default min(N, 20); K = N: every sample "
                          "flies its own threats)"},
    {"vary", "PATH=DIST", "Monte Carlo: vary a parameter, e.g. interceptor.burnout_speed_m_s="
                          "4500:5500 or rules.launch_on={ir-track,burnout} (repeatable)", 1},
    {"leaflet-dir", "DIR", "leaflet.js and leaflet.css for the interactive map (default $BMD_LEAFLET_DIR, else the build's or installed share/bmd/leaflet; none: the report says why)"},
};

static const char usage[] = "SCENARIO.yaml -o FILE.html [--geojson FILE] [--kml FILE] [--czml FILE] [--epoch TIME] "
                            "[--no-remote] [--no-footprints] [--footprint-cells N] [--threads N] "
                            "[--samples N] [--seed S] [--sampler NAME] [--vary PATH=DIST] [--threat-draws K]";

/* The command line as one shell-quoted string (for the report's colophon). */
static void command_line(int argc, char **argv, char *buf, size_t n)
{
    size_t k = 0;
    buf[0] = '\0';
    for (int i = 0; i < argc && k + 4 < n; i++) {
        const char *a = i == 0 ? "bmdsim" : argv[i];
        int plain = a[0] != '\0' && strspn(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                             "0123456789-_./=,:@+") == strlen(a);
        k += (size_t)snprintf(buf + k, n - k, i ? " " : "");
        if (plain) {
            k += (size_t)snprintf(buf + k, n - k, "%s", a);
            continue;
        }
        k += (size_t)snprintf(buf + k, n - k, "'");
        for (const char *p = a; *p && k + 6 < n; p++)
            k += (size_t)snprintf(buf + k, n - k, *p == '\'' ? "'\\''" : "%c", *p);
        k += (size_t)snprintf(buf + k, n - k, "'");
    }
}

/* FILE.html -> FILE.ext (or FILE.ext appended when it does not end in .html), allocated; NULL
 * when out of memory. */
static char *beside(const char *html, const char *ext)
{
    size_t len = strlen(html);
    if (len > 5 && strcmp(html + len - 5, ".html") == 0)
        len -= 5;
    char *buf = malloc(len + strlen(ext) + 2);
    if (buf)
        sprintf(buf, "%.*s.%s", (int)len, html, ext);
    return buf;
}

/* Progress of the footprint maps on stderr (a terminal). */
static void footprint_progress(void *context, int run, int n_runs, long done, long total)
{
    (void)context;
    fprintf(stderr, "\rfootprint maps: run %d of %d, %ld of %ld cells   ", run + 1, n_runs, done,
            total);
    fflush(stderr);
}

/* The footprint maps of the analysis (nothing with --no-footprints). */
static int footprints(const cli_args *a, const bmd_analysis *an, int remote,
                      bmd_analysis_footprints *fps)
{
    if (cli_has(a, "no-footprints"))
        return CLI_OK;
    bmd_analysis_footprint_options opt;
    bmd_analysis_footprint_options_init(&opt);
    double v;
    int st = cli_number(a, "footprint-cells", (double)opt.max_cells, 1, 0, 1e6, 0, "cells", &v);
    if (st)
        return st;
    opt.max_cells = (long)v;
    if ((st = cli_number(a, "threads", 0, 0, 0, 1024, 0, "threads", &v)))
        return st;
    opt.threads = (int)v;
    opt.remote = remote;
    const int tty = !cli_has(a, "quiet") && isatty(STDERR_FILENO);
    if (tty)
        opt.progress = footprint_progress;
    bmd_error err = {0};
    st = bmd_analysis_footprints_run(an, &opt, fps, &err);
    if (tty)
        fprintf(stderr, "\r%60s\r", "");
    return st ? cli_library_failure(a->command, st, &err) : CLI_OK;
}

/* The analysis under launch-on radar-track, engaging on remote, without required speeds (sharing
 * the flights and flyout tables of the analysis shared). */
static int radar_track_analysis(const cli_args *a, const bmd_scenario *scn,
                                const bmd_analysis *shared, bmd_analysis *alt)
{
    bmd_analysis_options opt;
    bmd_analysis_options_init(&opt);
    double threads = 0;
    int st;
    if (cli_has(a, "threads") &&
        (st = cli_number(a, "threads", 0, 0, 0, 1024, 0, "threads", &threads)))
        return st;
    opt.threads = (int)threads;
    opt.required_speed = 0;
    opt.rules_from_scenario = 0;
    opt.engage.launch_on = BMD_LAUNCH_ON_RADAR_TRACK;
    opt.engage.require_fcr_coverage = 0;
    opt.flights_from = shared; /* the same threats and tables: not flown or built again */
    opt.flyouts_from = shared;
    bmd_error err = {0};
    if ((st = bmd_analysis_run(scn, &opt, alt, &err)))
        return cli_library_failure(a->command, st, &err);
    return CLI_OK;
}

/* The per-pair probability table: --samples N per launch-on rule (nothing with --samples 0). */
static int probabilities(const cli_args *a, const bmd_analysis *an, const bmd_mc_options *mc,
                         const bmd_param_set *uset, bmd_report_probabilities *prob)
{
    if (mc->samples < 1)
        return CLI_OK;
    const int tty = !cli_has(a, "quiet") && isatty(STDERR_FILENO);
    if (tty)
        fprintf(stderr, "probability table: %ld Monte Carlo samples per launch-on rule ...",
                mc->samples);
    bmd_error err = {0};
    int st = bmd_report_probabilities_run(an, uset, mc, prob, &err);
    if (tty)
        fprintf(stderr, "\r%75s\r", "");
    return st ? cli_library_failure(a->command, st, &err) : CLI_OK;
}

/* The probability table on the intercept points of the exported scene (cli_scene_hook). */
static int add_probabilities(const void *ctx, bmd_scene *sc, bmd_error *err)
{
    return bmd_report_probabilities_scene(ctx, sc, err);
}

/* The GeoJSON, KML and CZML: cli_scenario_exports' scene, with the probability table on the
 * intercept points when there is one. */
static int report_exports(const char *command, const bmd_analysis *an,
                          const bmd_analysis_footprints *fps, const bmd_report_probabilities *prob,
                          cli_outputs *o, int geojson, int kml)
{
    return cli_scenario_exports_with(command, an, fps, prob->n_runs > 0 ? add_probabilities : NULL,
                                     prob, o, geojson, kml);
}

/* The map data (before the analysis: a missing data folder ends the run before any work). */
static int load_world(const cli_args *a, bmd_world **world)
{
    const char *dir = cli_text(a, "data-dir");
    bmd_error err = {0};
    int st = bmd_world_load_dir(dir ? dir : bmd_data_dir(), world, &err);
    return st ? cli_library_failure(a->command, st, &err) : CLI_OK;
}

/* The HTML into file html of the set; the summary lines into lines. */
static int write_report(const cli_args *a, const bmd_analysis *an, const bmd_analysis *remote,
                        const bmd_analysis *alt, const bmd_analysis_footprints *fps,
                        const bmd_world *world,
                        cli_outputs *o, int html, char *cmdline, char *const leaflet[3],
                        char lines[3][BMD_REPORT_SUMMARY_MAX], const bmd_mc_options *mc,
                        const bmd_param_set *uncertain, const bmd_report_probabilities *prob)
{
    bmd_error err = {0};
    char gen[64];
    snprintf(gen, sizeof gen, "bmdsim %s", bmd_version());
    bmd_report_options opt = {cmdline, world, gen};
    opt.monte_carlo = mc;
    opt.uncertain = uncertain;
    bmd_report *rep = NULL;
    char *text = NULL;
    int st = bmd_report_begin(&rep, an, remote, &opt, &err);
    if (!st && prob->n_runs > 0)
        st = bmd_report_add_probabilities(rep, prob, &err);
    if (!st)
        st = bmd_report_set_leaflet(rep, leaflet[0], leaflet[1], leaflet[2], &err);
    if (!st) /* --units: the page's distances and speeds; the exports stay SI */
        st = bmd_report_set_units(rep, (bmd_unit_system)cli_units_get(), &err);
    if (!st)
        st = bmd_report_add_footprints(rep, fps, &err);
    if (!st && alt && alt->pairs)
        st = bmd_report_add_setting(rep, alt, &err);
    if (!st)
        st = bmd_report_html(rep, &text, &err);
    if (!st)
        bmd_report_summary(rep, lines);
    bmd_report_free(rep);
    int cli = st ? cli_library_failure(a->command, st, &err) : cli_outputs_write_string(o, html, text);
    free(text);
    return cli;
}

int cli_cmd_report(int argc, char **argv)
{
    char **rest = malloc((size_t)(argc + 1) * sizeof *rest);
    if (!rest)
        return CLI_FAILED;
    for (int i = 0; i < argc; i++)
        rest[i] = strcmp(argv[i], "-o") == 0 && i >= 2 ? (char *)"--output" : argv[i];
    rest[argc] = NULL;
    cli_args a;
    const char *pos[1];
    int n_pos = 0;
    int st = cli_parse_positional(&a, "report", usage, options,
                                  (int)(sizeof options / sizeof *options), argc, rest, 2, pos, 1,
                                  &n_pos);
    if (st) {
        free(rest);
        return st < 0 ? CLI_OK : st;
    }
    const char *out = cli_text(&a, "output");
    if (n_pos < 1) {
        cli_complain(a.command, "give the scenario file (bmdsim report SCENARIO.yaml -o "
                     "FILE.html)");
        free(rest);
        return CLI_USAGE;
    }
    if (!out) {
        free(rest);
        return cli_require(&a, "output", "(the HTML file to write: -o out/report.html)");
    }
    /* every output is checked before any work; all four (HTML, GeoJSON, KML, CZML) are written, or none */
    char *geo = beside(out, "geojson"), *kml = beside(out, "kml"), cmdline[4 * BMD_PATH_MAX];
    char *czml = beside(out, "czml");
    command_line(argc, argv, cmdline, sizeof cmdline);
    if (cli_units_get() != CLI_UNITS_METRIC) /* main took --units off argv: say it */
        snprintf(cmdline + strlen(cmdline), sizeof cmdline - strlen(cmdline), " --units %s",
                 bmd_unit_system_name((bmd_unit_system)cli_units_get()));
    bmd_scenario *scn = calloc(1, sizeof *scn);
    bmd_analysis an = {0}, remote = {0}, alt = {0};
    bmd_analysis_footprints *fps = calloc(1, sizeof *fps);
    bmd_world *world = NULL;
    cli_outputs set;
    int i_html = -1, i_geo = -1, i_kml = -1;
    char lines[3][BMD_REPORT_SUMMARY_MAX];
    char *ljs = NULL, *lcss = NULL, lwhy[300] = "";
    bmd_mc_options mc;
    bmd_mc_options_init(&mc);
    bmd_param_set uset = {0};
    bmd_report_probabilities prob;
    memset(&prob, 0, sizeof prob);
    if (!scn || !fps || !geo || !kml || !czml) {
        cli_complain(a.command, "out of memory");
        st = CLI_FAILED;
    } else if ((st = cli_outputs_open(&set, a.command, 1)) == CLI_OK) {
        const char *gj_path = cli_text(&a, "geojson") ? cli_text(&a, "geojson") : geo;
        const char *kml_path = cli_text(&a, "kml") ? cli_text(&a, "kml") : kml;
        if ((st = cli_outputs_add(&set, out, BMD_OUTPUT_CREATE_DIR, &i_html)) == CLI_OK &&
            (st = cli_outputs_add(&set, gj_path, BMD_OUTPUT_CREATE_DIR, &i_geo)) == CLI_OK &&
            (st = cli_outputs_add(&set, kml_path, BMD_OUTPUT_CREATE_DIR, &i_kml)) == CLI_OK &&
            (st = cli_outputs_add(&set, cli_text(&a, "czml") ? cli_text(&a, "czml") : czml,
                                  BMD_OUTPUT_CREATE_DIR, &set.czml)) == CLI_OK &&
            (st = cli_outputs_epoch(&set, &a)) == CLI_OK &&
            (st = load_world(&a, &world)) == CLI_OK &&
            (st = cli_report_leaflet(&a, &ljs, &lcss, lwhy, sizeof lwhy)) == CLI_OK &&
            (st = cli_scenario_open(&a, pos[0], scn)) == CLI_OK &&
            (st = cli_mc_setup_optional(&a, scn, BMD_REPORT_MC_SAMPLES, &mc, &uset)) == CLI_OK &&
            (st = cli_scenario_analyse(&a, scn, 0, &an)) == CLI_OK && !cli_has(&a, "no-remote")) {
            /* the same analysis without the fire-control radar requirement */
            st = cli_scenario_analyse(&a, scn, 1, &remote);
            /* and launching only after burnout on a radar track (engage on remote) */
            if (!st)
                st = radar_track_analysis(&a, scn, &an, &alt);
        }
        if (!st)
            st = footprints(&a, &an, !cli_has(&a, "no-remote"), fps);
        if (!st)
            st = probabilities(&a, &an, &mc, &uset, &prob);
        if (!st)
            st = report_exports(a.command, &an, fps, &prob, &set, i_geo, i_kml);
        if (!st)
            st = write_report(&a, &an, cli_has(&a, "no-remote") ? NULL : &remote,
                              cli_has(&a, "no-remote") ? NULL : &alt, fps, world,
                              &set, i_html, cmdline, (char *const[3]){ljs, lcss, lwhy}, lines,
                              &mc, &uset, &prob);
        if (!st)
            st = cli_outputs_commit(&set);
        cli_outputs_close(&set);
    }
    if (!st) {
        printf("wrote %s\n", out);
        for (int i = 0; i < 3; i++)
            printf("  %s\n", lines[i]);
    }
    bmd_world_free(world);
    bmd_report_probabilities_free(&prob);
    bmd_param_set_free(&uset);
    free(ljs);
    free(lcss);
    bmd_analysis_footprints_free(fps);
    free(fps);
    bmd_analysis_free(&an);
    bmd_analysis_free(&remote);
    bmd_analysis_free(&alt);
    bmd_scenario_free(scn);
    free(scn);
    free(geo);
    free(kml);
    free(czml);
    free(rest);
    return st;
}
