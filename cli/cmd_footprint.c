/* bmdsim footprint — defended-area, launch-area and exposure maps of a scenario (bmd/footprint.h,
 * bmd/footprint_io.h): per-cell CSV, GeoJSON contours, a summary table or JSON. OpenMP threads
 * over cells; with -DBMD_MPI=ON, 'mpirun -n N bmdsim footprint ...' splits every map's cells
 * into N blocks and gathers them on rank 0 (bit-identical to one process). A progress bar on a
 * terminal; Ctrl-C stops cleanly without writing any output. */
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "bmd/catalog.h"
#include "bmd/footprint_io.h"
#include "common.h"
#include "footprint_cmd.h"
#include "footprint_mc.h"
#include "footprint_mpi.h"
#include "mc_cli.h"
#include "outputs.h"
#include "rules_cli.h"
#include "threat.h"
#include "bmd/version.h"

static const cli_option options[] = {
    {"mode", "MODE", "defended-area (default) | launch-area | exposure"},
    {"grid", "SPEC", "cells: a grid name of the scenario, S,N,W,E,STEP (degrees; STEPkm for km), "
                     "or a file of LAT,LON lines (not needed for exposure)"},
    {"launch", "NAME", "defended-area: a launch point, launch area or threat of the scenario, or "
                       "LAT,LON (default: every named point of every launch area); exposure: a "
                       "launch area (default: all)"},
    {"target", "NAME", "launch-area: a target point, target set or threat, or LAT,LON (default: "
                       "every threat's target); exposure: a target set (default: all)"},
    {"missile", "NAME", "catalogue missile for every flight (default: the scenario's)"},
    {"required-speed", NULL, "also compute the required interceptor speed per cell (slower; on "
                             "by default for exposure)"},
    {"no-required-speed", NULL, "exposure: skip the required speeds"},
    {"speed-step", "KM_S", "resolution of the required speed (default 0.25 km/s)"},
    {"launch-on", "MODE", CLI_LAUNCH_ON_HELP " (default: the scenario's engagement rules)"},
    {"no-fcr-coverage", NULL, "engage on remote: a site's own radar need not see the threat at "
                              "the intercept (the report's remote maps)"},
    {"aim", "METHOD", "family (default: interpolated plans, corrected) | exact (aim every cell)"},
    {"aim-tolerance", "KM", "miss above which a cell's flight is corrected (default 1 km)"},
    {"sample", "S", "time between threat samples (default 10 s)"},
    {"csv", "FILE", "write one row per cell"},
    {"geojson", "FILE", "write the >= 1 and >= 2 shot regions as polygons (box grids)"},
    {"kml", "FILE", "the same regions and the sites as KML 2.2 for Google Earth (box grids)"},
    {"json", NULL, "print the summary as one JSON object"},
    {"threads", "N", "OpenMP threads (default: all cores)"},
    {"max-cells", "N", "refuse larger grids (default 4000000)"},
    {"quiet", NULL, "no progress bar"},
    {"catalog", "DIR", "catalogue root (default $BMD_DATA_DIR/catalog)"},
    CLI_MC_OPTIONS, /* --samples: the coverage probability of one map (footprint_mc.c) */
    {"threat-draws", "K", "with --samples: fly K draws of the missile flight parameters, crossed "
                          "with the N samples (1..N; default min(N, 20); K = N: every sample "
                          "flies its own threat)"},
    {"cold-draws", NULL, "with --samples: aim every threat draw's cells cold (default: from the "
                         "nominal's solutions, the same flights within the aim's tolerances)"},
};

static const char usage[] =
    "SCENARIO.yaml [--mode defended-area|launch-area|exposure] --grid SPEC [--launch NAME] "
    "[--target NAME] [--csv FILE] [--geojson FILE] [--kml FILE] [--json] [--threads N] [--quiet]";

static volatile sig_atomic_t interrupted = 0;
/* On rank 0 until the write phase: the handler says at once that nothing will be written (under
 * mpirun, Ctrl-C reaches the ranks as SIGTERM shortly before SIGKILL). */
static volatile sig_atomic_t say_at_signal = 0, said = 0;
static char interrupted_line[128];
static size_t interrupted_len;

/* Wall-clock seconds. */
static double cli_now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* SIGINT, SIGTERM: set the flag the run loop and the output commit check (and say so, see
 * say_at_signal). */
static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
    if (say_at_signal && !said) {
        said = 1;
        ssize_t w = write(STDERR_FILENO, interrupted_line, interrupted_len);
        (void)w;
    }
}

/* "interrupted: no output written", once. */
static void say_interrupted(const fp_cmd *c)
{
    if (!said) {
        said = 1;
        cli_complain(c->command, "interrupted: no output written");
    }
}

/* Progress bar with ETA (stderr). */
static void progress_cb(void *context, long done, long total)
{
    fp_cmd *c = context;
    (void)total;
    const long all = c->total_cells, now_done = c->done_before + done;
    const double el = cli_now_s() - c->t_start;
    const double frac = all > 0 ? (double)now_done / (double)all : 1.0;
    const int width = 30, fill = (int)(frac * width);
    char bar[64];
    for (int i = 0; i < width; i++)
        bar[i] = i < fill ? '#' : '.';
    bar[width] = 0;
    if (frac > 0.0 && frac < 1.0)
        fprintf(stderr, "\r[%s] %3.0f%% %ld/%ld cells, ETA %.0f s   ", bar, 100 * frac, now_done,
                all, el * (1.0 - frac) / frac);
    else
        fprintf(stderr, "\r[%s] %3.0f%% %ld/%ld cells, %.1f s   ", bar, 100 * frac, now_done, all,
                el);
    fflush(stderr);
}

/* Options of the library from the flags. */
static int read_options(fp_cmd *c, const cli_args *a)
{
    bmd_footprint_options_init(&c->opt);
    c->opt.flight.sample_interval_s = 10.0;
    double v;
    int st;
    bmd_scenario_rules(&c->scn, -1, &c->rules);
    if ((st = cli_rules_read(a, &c->rules)))
        return st;
    bmd_engagement_rules_apply(&c->rules, NULL, &c->opt.engage);
    if ((st = cli_number(a, "threads", 0, 0, 0, 1024, 0, "threads", &v)))
        return st;
    c->opt.threads = (int)v;
    if ((st = cli_number(a, "aim-tolerance", 1.0, 0, 1, 1000, 0, "km", &v)))
        return st;
    c->opt.aim_tolerance_m = v * 1e3;
    if ((st = cli_number(a, "sample", 10.0, 0, 1, 60, 0, "s", &v)))
        return st;
    c->opt.flight.sample_interval_s = v;
    if ((st = cli_number(a, "speed-step", 0.25, 0.001, 0, 5, 0, "km/s", &v)))
        return st;
    c->opt.speed_step_m_s = v * 1e3;
    c->opt.required_speed = cli_has(a, "required-speed") ||
                            (c->exposure && !cli_has(a, "no-required-speed"));
    const char *aim = cli_text(a, "aim");
    if (aim && strcmp(aim, "family") && strcmp(aim, "exact")) {
        cli_complain(c->command, "--aim %s: use family or exact", aim);
        return CLI_USAGE;
    }
    c->opt.aim = aim && !strcmp(aim, "exact") ? BMD_FOOTPRINT_AIM_EXACT
                 : aim                        ? BMD_FOOTPRINT_AIM_FAMILY
                                              : BMD_FOOTPRINT_AIM_AUTO;
    return CLI_OK;
}

/* Cells per thread of a rank between two agreements of the ranks (several ranks): an interrupted
 * or failed rank stops the others within one chunk. */
#define CHUNK_CELLS_PER_THREAD 32L

/* Compute map m into c->cells (this rank's block; gathered on rank 0 with MPI). *stop: set when
 * any rank failed or was interrupted (every rank returns at the same point). */
static int compute_map(fp_cmd *c, int m, const bmd_footprint_grid *g, int *stop, bmd_error *err)
{
    const centre *x = &c->centres[m];
    bmd_footprint_input in = {c->mode, x->missile, x->shape, x->lat_rad, x->lon_rad,
                              g->lat_rad, g->lon_rad, g->n_cells, c->defence->sites,
                              c->defence->n_sites};
    bmd_footprint *fp = NULL;
    const double t0 = cli_now_s();
    bmd_footprint_options opt = c->opt;
    opt.rcs_m2 = x->rcs_m2;
    int st = bmd_footprint_prepare(&c->scn.earth, &in, &opt, &fp, err);
    if (!st)
        bmd_footprint_info(fp, &c->info[m]);
    long first, count;
    fp_block(c->rank, c->size, g->n_cells, &first, &count);
    bmd_footprint_cell *out = c->cells + (long)m * g->n_cells;
    /* one run per rank block; with several ranks, the same number of chunks on every rank */
    long most, dummy, chunk = count;
    fp_block(0, c->size, g->n_cells, &dummy, &most);
    long n_chunks = 1;
    if (c->size > 1) {
        chunk = CHUNK_CELLS_PER_THREAD * (c->opt.threads > 0 ? c->opt.threads : 1);
        n_chunks = most > 0 ? (most + chunk - 1) / chunk : 1;
    }
    bmd_footprint_stats *total = &c->stats[m];
    memset(total, 0, sizeof *total);
    *stop = fp_mpi_any_stop(c, st, &interrupted);
    for (long k = 0; k < n_chunks && !*stop; k++) {
        const long a = first + k * chunk;
        const long n = a < first + count ? (first + count - a < chunk ? first + count - a : chunk)
                                         : 0;
        bmd_footprint_stats s = {0};
        if (n > 0 && !interrupted) {
            st = bmd_footprint_run(fp, a, n, out + a, c->progress ? progress_cb : NULL, c,
                                   &interrupted, &s, err);
            total->cells_done += s.cells_done, total->flights += s.flights;
            total->engagements += s.engagements, total->pruned += s.pruned;
            total->threads = s.threads, total->cancelled |= s.cancelled;
            c->done_before += n;
        }
        if (c->size > 1)
            *stop = fp_mpi_any_stop(c, st, &interrupted);
        else
            *stop = st || interrupted;
    }
    bmd_footprint_free(fp);
    if (!*stop) {
        if (fp_mpi_gather_cells(c, out, g->n_cells)) {
            st = bmd_error_set(err, BMD_EINVAL, "%ld cells per map are more than one MPI "
                               "gather counts (%d)", g->n_cells, INT_MAX);
            *stop = 1; /* the same on every rank */
        } else {
            fp_mpi_sum_stats(c, total);
        }
    }
    c->maps[m].run_s = cli_now_s() - t0;
    return st;
}

/* Load the scenario and the --missile override. */
static int load(fp_cmd *c, const cli_args *a, const char *path)
{
    char root[BMD_PATH_MAX];
    const char *cat = cli_text(a, "catalog");
    if (cat)
        snprintf(root, sizeof root, "%s", cat);
    else
        snprintf(root, sizeof root, "%s/catalog", bmd_data_dir());
    bmd_error err;
    int st = bmd_scenario_open(path, root, &c->scn, &err);
    if (st) {
        cli_complain(c->command, "%s", err.message);
        return cli_exit_status(st);
    }
    if (cli_text(a, "missile")) {
        char dir[BMD_PATH_MAX + 16];
        snprintf(dir, sizeof dir, "%s/missiles", root);
        if ((st = bmd_catalog_find_missile(dir, cli_text(a, "missile"), &c->override, &err)))
            return cli_library_failure(c->command, st, &err);
        c->has_override = 1;
    }
    return CLI_OK;
}

/* Mode, grid, centres, defence. */
static int setup(fp_cmd *c, const cli_args *a)
{
    const char *mode = cli_text(a, "mode");
    if (!mode || !strcmp(mode, "defended-area"))
        c->mode = BMD_FOOTPRINT_DEFENDED_AREA;
    else if (!strcmp(mode, "launch-area"))
        c->mode = BMD_FOOTPRINT_LAUNCH_AREA;
    else if (!strcmp(mode, "exposure"))
        c->mode = BMD_FOOTPRINT_DEFENDED_AREA, c->exposure = 1;
    else {
        cli_complain(c->command, "--mode %s: use defended-area, launch-area or exposure", mode);
        return CLI_USAGE;
    }
    int st;
    double max_cells;
    if ((st = cli_number(a, "max-cells", (double)BMD_FOOTPRINT_DEFAULT_MAX_CELLS, 1, 0, 1e9, 0,
                         "cells", &max_cells)) ||
        (st = read_options(c, a)))
        return st;
    bmd_error err;
    if (c->exposure) {
        if ((st = cli_fp_exposure_setup(c, a, &err)))
            return cli_library_failure(c->command, st, &err);
    } else {
        if (!cli_text(a, "grid"))
            return cli_require(a, "grid", "(a grid name, S,N,W,E,STEP or a file of points)");
        if ((st = bmd_footprint_grid_parse(&c->scn, cli_text(a, "grid"), (long)max_cells,
                                           &c->grid, &err))) {
            cli_complain(c->command, "--grid: %s", err.message);
            return cli_exit_status(st);
        }
        if ((st = cli_fp_collect_centres(c, a)))
            return st;
    }
    for (int i = 0; i < 2; i++)
        if (cli_has(a, i ? "kml" : "geojson") && !c->grid.has_box) {
            cli_complain(c->command, "--%s needs a box grid (S,N,W,E,STEP or a scenario grid "
                         "with a box)", i ? "kml" : "geojson");
            return CLI_USAGE;
        }
    /* flyout tables point toward the threats: the first centre (defended-area: a launch point),
       or the grid's first cell (launch-area) */
    double tlat = c->centres[0].lat_rad, tlon = c->centres[0].lon_rad;
    if (c->mode == BMD_FOOTPRINT_LAUNCH_AREA)
        tlat = c->grid.lat_rad[c->grid.n_cells / 2], tlon = c->grid.lon_rad[c->grid.n_cells / 2];
    c->defence = calloc(1, sizeof *c->defence);
    if (!c->defence)
        return CLI_FAILED;
    if ((st = bmd_footprint_defense_from_scenario_shared(&c->scn, tlat, tlon, 0, c->opt.threads,
                                                          c->defence, &err)))
        return cli_library_failure(c->command, st, &err);
    const long n = c->grid.n_cells;
    c->maps = calloc((size_t)c->n_centres, sizeof *c->maps);
    c->cells = calloc((size_t)c->n_centres * (size_t)n, sizeof *c->cells);
    c->stats = calloc((size_t)c->n_centres, sizeof *c->stats);
    c->info = calloc((size_t)c->n_centres, sizeof *c->info);
    if (!c->maps || !c->cells || !c->stats || !c->info) {
        cli_complain(c->command, "out of memory for %d maps of %ld cells", c->n_centres, n);
        return CLI_FAILED;
    }
    for (int m = 0; m < c->n_centres; m++) {
        snprintf(c->maps[m].name, sizeof c->maps[m].name, "%s", c->centres[m].name);
        c->maps[m].centre_lat_rad = c->centres[m].lat_rad;
        c->maps[m].centre_lon_rad = c->centres[m].lon_rad;
        c->maps[m].cells = c->cells + (long)m * n;
    }
    c->total_cells = (long)c->n_centres * n;
    return CLI_OK;
}

/* Release everything. */
static void release(fp_cmd *c)
{
    bmd_footprint_defense_free(c->defence);
    free(c->defence);
    free(c->maps);
    free(c->cells);
    free(c->stats);
    free(c->info);
    free(c->centres);
    bmd_footprint_grid_free(&c->grid);
    bmd_scenario_free(&c->scn);
}

/* Compute every map; any rank's interruption or error stops all, with one message. */
static int run_all(fp_cmd *c)
{
    bmd_error err = {0, ""};
    int st = 0, stop = 0;
    for (int m = 0; m < c->n_centres && !stop; m++)
        st = compute_map(c, m, &c->grid, &stop, &err);
    if (c->progress)
        fputc('\n', stderr);
    int speaker = 0;
    const int status = fp_mpi_job_status(c, st ? cli_exit_status(st) : 0, &interrupted, &speaker);
    if (status && speaker) {
        if (status == 130)
            say_interrupted(c);
        else
            cli_complain(c->command, "%s%s", err.message[0] ? err.message : bmd_status_name(st),
                         c->size > 1 ? " (no output written)" : "");
    }
    return status;
}

/* The output files, checked before any work (rank 0 writes them). */
static int open_outputs(fp_cmd *c, const cli_args *a, cli_outputs *out, int *index)
{
    static const char *const names[3] = {"csv", "geojson", "kml"};
    int st = cli_outputs_open(out, c->command, 0);
    for (int i = 0; i < 3 && !st; i++)
        st = cli_outputs_add(out, cli_text(a, names[i]), 0, &index[i]);
    return st;
}

int cli_cmd_footprint(int argc, char **argv)
{
    cli_args a;
    const char *positional[1];
    int n_pos = 0;
    int st = cli_parse_positional(&a, "footprint", usage, options,
                                  (int)(sizeof options / sizeof *options), argc, argv, 2,
                                  positional, 1, &n_pos);
    if (st)
        return st < 0 ? CLI_OK : st;
    if (n_pos < 1) {
        cli_complain("footprint", "a scenario file is required (bmdsim footprint SCENARIO.yaml "
                     "--grid SPEC)");
        return CLI_USAGE;
    }
    fp_cmd *c = calloc(1, sizeof *c);
    if (!c)
        return CLI_FAILED;
    c->command = a.command;
    interrupted = 0;
    said = 0;
    snprintf(interrupted_line, sizeof interrupted_line, "bmdsim %s: interrupted: no output "
             "written\n", c->command);
    interrupted_len = strlen(interrupted_line);
    struct sigaction sa, old_int, old_term;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    sigaction(SIGTERM, &sa, &old_term);
    fp_mpi_init(c); /* after the handlers: a signal during MPI start-up is not lost */
    const int default_threads = fp_mpi_default_threads(c); /* collective: on every rank */
    say_at_signal = c->rank == 0;
    c->progress = c->rank == 0 && !cli_has(&a, "quiet") && isatty(STDERR_FILENO);
    c->t_start = cli_now_s();
    /* load and set up on every rank; then the ranks agree: one message from the lowest failing
       rank, the same status everywhere */
    cli_outputs out = {0};
    int index[3] = {-1, -1, -1};
    fp_held_stderr held;
    fp_stderr_hold(c, &held);
    if (c->rank == 0)
        st = open_outputs(c, &a, &out, index);
    if (!st)
        st = load(c, &a, positional[0]);
    if (!st)
        st = setup(c, &a);
    if (!st && !cli_has(&a, "threads"))
        c->opt.threads = default_threads;
    int speaker = 0;
    st = fp_mpi_job_status(c, st, &interrupted, &speaker);
    fp_stderr_release(&held, speaker);
    if (st == 130 && speaker)
        say_interrupted(c);
    const int mc = !st && cli_mc_wanted(&a); /* Monte Carlo: its own run and outputs */
    if (!st && !mc && cli_has(&a, "threat-draws")) {
        cli_complain(c->command, "--threat-draws %s: only with --samples N (the coverage "
                     "probability)", cli_text(&a, "threat-draws"));
        st = CLI_USAGE;
    }
    if (!st && !mc && cli_has(&a, "cold-draws")) {
        cli_complain(c->command, "--cold-draws: only with --samples N (the coverage probability)");
        st = CLI_USAGE;
    }
    if (mc)
        st = cli_footprint_mc(c, &a, &out, index, &interrupted);
    if (!st && !mc)
        st = run_all(c);
    say_at_signal = 0; /* the write phase checks the flag before its commit */
    if (!st && !mc && c->rank == 0) {
        st = cli_footprint_write_outputs(c, &a, &out, index, &interrupted,
                                         cli_now_s() - c->t_start);
        if (st == 130)
            say_interrupted(c);
    }
    cli_outputs_close(&out);
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGTERM, &old_term, NULL);
    release(c);
    fp_mpi_finalize(c);
    free(c);
    return st;
}
