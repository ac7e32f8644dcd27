/* bmdsim sweep — one or two parameters over a grid for any command that prints numbers in JSON:
 * the command after "--" runs in-process at every grid point with the axis values injected
 * (command flags as flags; catalogue and scenario parameters through sweep_inject.h), its JSON
 * is read and every top-level number (or those asked for) tabulated; CSV, JSON and an SVG line or
 * contour plot with the catalogue value marked, each naming the fixed assumptions the command
 * printed. Serial: the commands print to the process' standard output, which the sweep captures
 * (sweep_run.c); a command's own threads (--threads) still apply inside each run. This file holds
 * the options and the command's steps; the nominal run and the grid's runs: sweep_grid.c. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "outputs.h"
#include "sweep_data.h"
#include "sweep_inject.h"

static const cli_option options[] = {
    {"x", "NAME=LO:HI:N", "the first axis: NAME=LO:HI:N, NAME=LO:HI, NAME={A,B,C} or NAME (the catalogue's low:high); NAME a flag of the command (--delay, --site.lat), site.lat|lon, launch.lat|lon, target.lat|lon, rules.*, missile[NAME].FIELD, interceptor[NAME].FIELD, radar[NAME].FIELD"},
    {"y", "NAME=LO:HI:N", "a second axis (a contour plot)"},
    {"metric", "KEY", "a number of the command's JSON to keep (repeatable; default: every top-level number)", 1},
    {"list-metrics", NULL, "run the command once at the nominal point and list its numbers"},
    {"plot", "KEY", "the metric drawn (default: the first --metric, else the first that varies)"},
    {"row", "KEY=VALUE[,...]", "the row of a command printing several (e.g. threat=A,site=B)"},
    {"pair", "THREAT:SITE", "engage SCENARIO: the pair (short for --row threat=T,site=S)"},
    {"csv", "FILE", "write one row per grid point"},
    {"json-file", "FILE", "write the JSON document to FILE"},
    {"svg", "FILE", "write the line (one axis) or contour (two axes) plot"},
    {"json", NULL, "print the JSON document instead of a table"},
    {"quiet", NULL, "no progress on stderr"},
};

static const char usage[] =
    "--x NAME=LO:HI:N [--y NAME=LO:HI:N] [--metric KEY]... [--csv FILE] [--json-file FILE] "
    "[--svg FILE] [--json] -- COMMAND ARGS...\n"
    "  e.g. bmdsim sweep --x missile.payload.rv_mass_kg=500:1500:11 -- range --missile "
    "rs-24-yars-class --no-rotation\n"
    "       bmdsim sweep --x rules.total_delay_s=0:300:31 -- engage scenarios/europe.yaml "
    "--pair T:S";

/* Commands that print no numbers as JSON (or write files as their result). */
static const char *const not_sweepable[] = {"sweep", "report", "map", "catalog", "scenario",
                                            "check", "version"};

/* The metric drawn: --plot, the first --metric, or the first that varies over the grid. */
static int choose_plot_metric(sweep_data *d, const cli_args *a)
{
    const char *want = cli_text(a, "plot");
    if (want) {
        for (int m = 0; m < d->n_metrics; m++)
            if (!strcmp(d->metric[m], want))
                return d->plot_metric = m, CLI_OK;
        cli_complain("sweep", "--plot %s: not among the metrics kept (see --list-metrics)", want);
        return CLI_USAGE;
    }
    d->plot_metric = 0;
    if (cli_has(a, "metric"))
        return CLI_OK;
    for (int m = 0; m < d->n_metrics; m++) {
        double first = NAN;
        for (int p = 0; p < d->n_points; p++) {
            double v = d->value[(size_t)p * d->n_metrics + m];
            if (isnan(first))
                first = v;
            else if (isfinite(v) && v != first)
                return d->plot_metric = m, CLI_OK;
        }
    }
    return CLI_OK;
}

/* Split argv at "--": the sweep's options before, the command after. */
static int split(int argc, char **argv, int *sep, sweep_command *cmd)
{
    *sep = -1;
    for (int i = 2; i < argc; i++)
        if (!strcmp(argv[i], "--")) {
            *sep = i;
            break;
        }
    if (*sep < 0 || *sep + 1 >= argc)
        return 0;
    cmd->name = argv[*sep + 1];
    cmd->argc = argc - *sep - 2;
    cmd->argv = argv + *sep + 2;
    return 1;
}

/* Write the files (the paths were checked before the grid ran). */
static int write_files(const sweep_data *d, const cli_args *a)
{
    const char *names[3] = {"csv", "json-file", "svg"};
    int idx[3];
    cli_outputs out;
    int st = cli_outputs_open(&out, "sweep", 1);
    for (int i = 0; i < 3 && !st; i++)
        st = cli_outputs_add(&out, cli_text(a, names[i]), 0, &idx[i]);
    for (int i = 0; i < 3 && !st; i++) {
        if (idx[i] < 0)
            continue;
        char *text = i == 0 ? sweep_csv(d) : i == 1 ? sweep_json(d) : sweep_svg(d);
        st = text ? cli_outputs_write_string(&out, idx[i], text) : CLI_FAILED;
        free(text);
    }
    if (!st)
        st = cli_outputs_commit(&out);
    cli_outputs_close(&out);
    return st;
}

/* Check the output paths before any work (nothing is written). */
static int check_files(const cli_args *a)
{
    const char *names[3] = {"csv", "json-file", "svg"};
    cli_outputs out;
    int st = cli_outputs_open(&out, "sweep", 0), idx;
    for (int i = 0; i < 3 && !st; i++)
        st = cli_outputs_add(&out, cli_text(a, names[i]), 0, &idx);
    cli_outputs_close(&out);
    return st;
}

static void data_free(sweep_data *d)
{
    for (int k = 0; k < d->n_axes; k++)
        sweep_axis_free(&d->axes[k]);
    for (int m = 0; m < d->n_metrics; m++)
        free(d->metric[m]);
    for (int t = 0; t < d->n_texts; t++) {
        free(d->text[t]);
        free(d->nominal_text[t]);
    }
    if (d->text_value)
        for (size_t i = 0; i < (size_t)d->n_points * d->n_texts; i++)
            free(d->text_value[i]);
    if (d->message)
        for (int p = 0; p < d->n_points; p++)
            free(d->message[p]);
    free(d->text_value);
    free(d->message);
    free(d->status);
    free(d->value);
}

static int sweep_main(const cli_args *a, sweep_command *cmd, sweep_data *d)
{
    for (size_t i = 0; i < sizeof not_sweepable / sizeof *not_sweepable; i++)
        if (!strcmp(cmd->name, not_sweepable[i])) {
            cli_complain("sweep", "'%s' prints no numbers as JSON to sweep (sweep kepler, loft, "
                         "trajectory, range, exchange, sensor, engage or footprint)", cmd->name);
            return CLI_USAGE;
        }
#ifdef BMD_MPI
    if (!strcmp(cmd->name, "footprint")) { /* it starts and ends MPI once per process */
        cli_complain("sweep", "footprint cannot be swept in-process by an MPI build of bmdsim "
                     "(MPI starts once per process); use a build without -DBMD_MPI=ON");
        return CLI_USAGE;
    }
#endif
    if (!(cmd->run = cli_command_find(cmd->name))) {
        cli_complain("sweep", "unknown command '%s' after '--' (see 'bmdsim --help')", cmd->name);
        return CLI_USAGE;
    }
    if (!cli_has(a, "x"))
        return cli_require(a, "x", "(NAME=LO:HI:N; see 'bmdsim sweep --help')");
    const char *row = cli_text(a, "row"), *pair = cli_text(a, "pair");
    char select[512];
    if ((row && d->row) || (pair && d->pair)) {
        cli_complain("sweep", "--%s given twice", row && d->row ? "row" : "pair");
        return CLI_USAGE;
    }
    row = row ? row : d->row;
    pair = pair ? pair : d->pair;
    if (row && pair) {
        cli_complain("sweep", "--row and --pair cannot both be given");
        return CLI_USAGE;
    }
    if (pair) {
        const char *colon = strchr(pair, ':');
        if (!colon || colon == pair || !colon[1]) {
            cli_complain("sweep", "--pair '%s': give THREAT:SITE (names as in the scenario)",
                         pair);
            return CLI_USAGE;
        }
        snprintf(select, sizeof select, "threat=%.*s,site=%s", (int)(colon - pair), pair,
                 colon + 1);
        row = select;
    }
    d->cmd = cmd;
    cmd->payload_kg = sweep_range_payload(cmd);
    size_t len = (size_t)snprintf(d->command_line, sizeof d->command_line, "bmdsim %s",
                                  cmd->name);
    for (int i = 0; i < cmd->argc && len < sizeof d->command_line; i++)
        len += (size_t)snprintf(d->command_line + len, sizeof d->command_line - len, " %s",
                                cmd->argv[i]);
    if (row && len < sizeof d->command_line) /* the row read: part of what was swept */
        snprintf(d->command_line + len, sizeof d->command_line - len, " (row %s)", row);
    int st = sweep_axis_parse("x", cli_text(a, "x"), cmd, !cli_has(a, "y"), &d->axes[0]);
    d->n_axes = 1;
    if (!st && cli_has(a, "y")) {
        st = sweep_axis_parse("y", cli_text(a, "y"), cmd, 0, &d->axes[1]);
        d->n_axes = 2;
        if (!st && !strcmp(d->axes[0].name, d->axes[1].name)) {
            cli_complain("sweep", "--x and --y both vary %s", d->axes[0].name);
            st = CLI_USAGE;
        }
    }
    if (st)
        return st;
    d->n_points = d->axes[0].n * (d->n_axes > 1 ? d->axes[1].n : 1);
    if (d->n_points > SWEEP_MAX_GRID) {
        cli_complain("sweep", "%d x %d = %d grid points; at most %d allowed", d->axes[0].n,
                     d->n_axes > 1 ? d->axes[1].n : 1, d->n_points, SWEEP_MAX_GRID);
        return CLI_USAGE;
    }
    if ((st = check_files(a)) || (st = cli_sweep_nominal_run(d, a, row)))
        return st;
    if (cli_has(a, "list-metrics"))
        return CLI_OK;
    d->status = calloc((size_t)d->n_points, sizeof *d->status);
    d->message = calloc((size_t)d->n_points, sizeof *d->message);
    d->value = calloc((size_t)d->n_points * d->n_metrics, sizeof *d->value);
    d->text_value = calloc((size_t)d->n_points * (d->n_texts ? d->n_texts : 1),
                           sizeof *d->text_value);
    if (!d->status || !d->message || !d->value || !d->text_value)
        return CLI_FAILED;
    int progress = !cli_has(a, "quiet") && isatty(STDERR_FILENO);
    if ((st = cli_sweep_run_grid(d, row, progress)) || (st = choose_plot_metric(d, a)))
        return st;
    int n_ok = 0;
    for (int p = 0; p < d->n_points; p++)
        n_ok += d->status[p] == SWEEP_OK;
    if (n_ok == 0) {
        cli_complain("sweep", "the command gave no result at any of the %d grid points (first: "
                     "%s)", d->n_points, d->message[0] ? d->message[0] : "?");
        return d->status[0] == SWEEP_NO_SOLUTION ? CLI_NO_SOLUTION : CLI_FAILED;
    }
    if ((st = write_files(d, a)))
        return st;
    return sweep_print(d, cli_has(a, "json"));
}

int cli_cmd_sweep(int argc, char **argv)
{
    sweep_command cmd = {0};
    int sep;
    int has_cmd = split(argc, argv, &sep, &cmd);
    cli_args a;
    int st = cli_parse(&a, "sweep", usage, options, (int)(sizeof options / sizeof *options),
                       has_cmd ? sep : argc, argv, 2);
    if (st)
        return st < 0 ? CLI_OK : st;
    if (!has_cmd) {
        cli_complain("sweep", "give the command to sweep after '--' (e.g. bmdsim sweep --x "
                     "--speed=3:7:9 -- kepler --angle 30)");
        return CLI_USAGE;
    }
    /* --pair and --row belong to the sweep wherever they are written (no command has them):
     * "bmdsim sweep --x ... -- engage S.yaml --pair T:S" */
    char **rest = calloc((size_t)cmd.argc + 1, sizeof *rest);
    sweep_data *d = calloc(1, sizeof *d);
    if (!d || !rest) {
        free(d);
        free(rest);
        return CLI_FAILED;
    }
    int n_rest = 0;
    for (int i = 0; i < cmd.argc; i++) {
        const char *t = cmd.argv[i];
        int pair = !strncmp(t, "--pair", 6), row = !strncmp(t, "--row", 5);
        size_t len = pair ? 6 : 5;
        if ((pair || row) && (t[len] == '=' || t[len] == '\0')) {
            const char *v = t[len] == '=' ? t + len + 1 : i + 1 < cmd.argc ? cmd.argv[++i] : NULL;
            if (!v || (pair ? d->pair : d->row)) {
                cli_complain("sweep", "--%s %s", pair ? "pair" : "row",
                             v ? "given twice" : "needs a value");
                free(d);
                free(rest);
                return CLI_USAGE;
            }
            if (pair)
                d->pair = v;
            else
                d->row = v;
            continue;
        }
        rest[n_rest++] = cmd.argv[i];
    }
    cmd.argv = rest;
    cmd.argc = n_rest;
    st = sweep_main(&a, &cmd, d);
    data_free(d);
    free(d);
    free(rest);
    return st;
}
