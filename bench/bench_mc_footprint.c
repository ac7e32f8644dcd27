/* bench_mc_footprint — speed of the coverage-probability map (bmd_mc_footprint_run): the
 * defended-area footprint of the RS-24-class launch point Kozelsk (scenarios/europe.yaml, its five
 * defence sites) on a 600-cell grid (40..59 N, 0..29 E every degree), the scenario's uncertain
 * parameters (catalogue low/high: interceptors, radars, warhead cross-sections; no missile flight
 * parameter, so the fast path applies), LHS, seed 1.
 *   1. old path (every sample prepares, flies and engages the whole footprint) and fast path
 *      (cells flown once, each sample rebuilds its defence and re-engages) on the same OLD samples:
 *      per-sample cost, ratio, and a check that both give identical per-cell counts;
 *   2. the fast path on N samples with one flyout table per site, and with one per interceptor
 *      type (as the analysis);
 *   3. a missile flight parameter varied as well (RS-24 first-stage burn time +-10 %): every
 *      sample flies again (the old path), on OLD samples.
 * Usage: bench_mc_footprint [N=200] [OLD=4] [THREADS=2]   (from the source root, or set
 * BMD_DATA_DIR to the data directory) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bmd/bmd.h"

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

typedef struct timing {
    double wall_s, cpu_s;
} timing;

static int run(const bmd_scenario *scn, const bmd_param_set *set, bmd_mc_footprint_input *in,
               long n, int threads, bmd_mc_footprint *r, timing *t)
{
    bmd_mc_options opt;
    bmd_mc_options_init(&opt);
    opt.samples = n;
    opt.seed = 1;
    opt.threads = threads;
    bmd_error err = {0};
    const double w0 = now_s(), c0 = cpu_s();
    int st = bmd_mc_footprint_run(scn, set, in, &opt, r, &err);
    t->wall_s = now_s() - w0;
    t->cpu_s = cpu_s() - c0;
    if (st)
        fprintf(stderr, "bench_mc_footprint: %s\n", err.message);
    return st;
}

static long covered(const bmd_mc_footprint *r, double p)
{
    long c = 0;
    for (long k = 0; k < r->n_cells; k++)
        c += r->p_one[k] >= p;
    return c;
}

int main(int argc, char **argv)
{
    const long n = argc > 1 ? atol(argv[1]) : 200, n_old = argc > 2 ? atol(argv[2]) : 4;
    const int threads = argc > 3 ? atoi(argv[3]) : 2;
    const char *data = getenv("BMD_DATA_DIR");
    char cat[512], path[512];
    snprintf(cat, sizeof cat, "%s/catalog", data ? data : "data");
    snprintf(path, sizeof path, "%s/../scenarios/europe.yaml", data ? data : "data");
    static bmd_scenario scn;
    bmd_error err = {0};
    bmd_scenario_init(&scn);
    if (bmd_scenario_open(path, cat, &scn, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    bmd_footprint_grid g;
    memset(&g, 0, sizeof g);
    bmd_param_set set = {0};
    if (bmd_footprint_grid_parse(&scn, "40,59,0,29,1", 0, &g, &err) ||
        bmd_param_set_from_scenario(&scn, &set, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    const bmd_scenario_area *la = &scn.launch_areas[0];
    const bmd_scenario_point *c = &la->points[0];
    bmd_mc_footprint_input in;
    memset(&in, 0, sizeof in);
    in.mode = BMD_FOOTPRINT_DEFENDED_AREA;
    in.threat = -1;
    in.launch_area = 0;
    in.centre_lat_rad = in.toward_lat_rad = c->lat_rad;
    in.centre_lon_rad = in.toward_lon_rad = c->lon_rad;
    in.cell_lat_rad = g.lat_rad, in.cell_lon_rad = g.lon_rad, in.n_cells = g.n_cells;
    in.launch_on = -1;
    bmd_footprint_options_init(&in.opt);
    in.opt.flight.sample_interval_s = 10.0; /* as `bmdsim footprint` */
    printf("coverage probability: %s from %s, %ld cells, %d uncertain parameters, %d threads\n",
           la->entry ? "RS-24-class" : "?", c->name, g.n_cells, set.n, threads);
    printf("| path | samples | wall (s) | CPU (s) | wall per sample (s) | cells >= 50 %% |\n"
           "|---|---|---|---|---|---|\n");
    bmd_mc_footprint old, fast, big, typed, refly;
    timing t_old, t_fast, t_big, t_typed, t_refly;
    in.plain = 1;
    if (run(&scn, &set, &in, n_old, threads, &old, &t_old))
        return 1;
    printf("| old: prepare + fly + engage per sample | %ld | %.1f | %.1f | %.2f | %ld |\n", n_old,
           t_old.wall_s, t_old.cpu_s, t_old.wall_s / (double)n_old, covered(&old, 0.5));
    in.plain = 0;
    if (run(&scn, &set, &in, n_old, threads, &fast, &t_fast))
        return 1;
    printf("| fast: fly once, re-engage per sample | %ld | %.1f | %.1f | %.2f | %ld |\n", n_old,
           t_fast.wall_s, t_fast.cpu_s, t_fast.wall_s / (double)n_old, covered(&fast, 0.5));
    const int same = !memcmp(old.p_one, fast.p_one, (size_t)old.n_cells * sizeof(double)) &&
                     !memcmp(old.p_two, fast.p_two, (size_t)old.n_cells * sizeof(double)) &&
                     !memcmp(old.nominal, fast.nominal, (size_t)old.n_cells * sizeof *old.nominal);
    if (run(&scn, &set, &in, n, threads, &big, &t_big))
        return 1;
    printf("| fast, one flyout table per site | %ld | %.1f | %.1f | %.3f | %ld |\n", n,
           t_big.wall_s, t_big.cpu_s, t_big.wall_s / (double)n, covered(&big, 0.5));
    in.tables_per_type = 1;
    if (run(&scn, &set, &in, n, threads, &typed, &t_typed))
        return 1;
    printf("| fast, one flyout table per interceptor type | %ld | %.1f | %.1f | %.3f | %ld |\n", n,
           t_typed.wall_s, t_typed.cpu_s, t_typed.wall_s / (double)n, covered(&typed, 0.5));
    in.tables_per_type = 0;
    if (bmd_param_set_vary_in(&set, &scn, "missile[rs-24-yars-class].stages[0].burn_time_s=50:61",
                              &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    if (run(&scn, &set, &in, n_old, threads, &refly, &t_refly))
        return 1;
    printf("| missile burn time varied too: re-flown per sample | %ld | %.1f | %.1f | %.2f | %ld |\n",
           n_old, t_refly.wall_s, t_refly.cpu_s, t_refly.wall_s / (double)n_old,
           covered(&refly, 0.5));
    const double per_old = (t_old.wall_s - 0) / (double)n_old;
    printf("\nold vs fast on the same %ld samples: %.1fx faster (wall), per-cell counts %s\n",
           n_old, t_old.wall_s / t_fast.wall_s, same ? "identical" : "DIFFERENT");
    printf("old path extrapolated to %ld samples: %.0f s; fast: %.1f s (per site), %.1f s (per "
           "type): %.0fx, %.0fx\n", n, per_old * (double)n, t_big.wall_s, t_typed.wall_s,
           per_old * (double)n / t_big.wall_s, per_old * (double)n / t_typed.wall_s);
    printf("fast path engagements: %ld over %ld samples; re-flown case: %d\n", big.engagements, n,
           refly.reflown);
    bmd_mc_footprint_free(&old);
    bmd_mc_footprint_free(&fast);
    bmd_mc_footprint_free(&big);
    bmd_mc_footprint_free(&typed);
    bmd_mc_footprint_free(&refly);
    bmd_param_set_free(&set);
    bmd_footprint_grid_free(&g);
    bmd_scenario_free(&scn);
    return same ? 0 : 1;
}
