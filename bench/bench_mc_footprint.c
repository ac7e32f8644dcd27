/* bench_mc_footprint — speed of the coverage-probability map (bmd_mc_footprint_run): the
 * defended-area footprint of the RS-24-class launch point Kozelsk (scenarios/europe.yaml, its five
 * defence sites) on a 600-cell grid (40..59 N, 0..29 E every degree), the scenario's DEFAULT
 * uncertain parameters (catalogue low/high: interceptors, radars, warhead cross-sections and the
 * missiles' stage burn times and RV masses, so the threats must be re-flown), LHS, seed 1.
 *   1. K = N (every sample flies its own threat) on OLD samples: the old path (every sample
 *      prepares, flies and engages the whole footprint) and the crossed path (each threat draw's
 *      cells flown once, its samples re-engage): CPU per sample and a check that both give
 *      identical per-cell counts;
 *   2. K = OLD/2 on OLD samples: the old path on the crossed design and the crossed path:
 *      identical counts again (the design changes the values, not the path's answers);
 *   3. the crossed path on N samples with the default K (BMD_MC_FOOTPRINT_THREAT_DRAWS), one
 *      flyout table per site, and one per interceptor type (as the analysis);
 *   4. (session 6) the same N samples with every draw's cells aimed cold (cold_draws, the
 *      session-5 path) against 3.'s default (draws aimed from the nominal's solutions): CPU
 *      ratio and the cells whose counts differ (reported, not an exit status: a warm aim is the
 *      same flight only within the aim's tolerances).
 * Sections 1 and 2 run the paths with cold draws (their identities are exact). Exit 1 when a
 * pair of counts of 1 or 2 differs. OLD = 0 skips 1 and 2.
 * Usage: bench_mc_footprint [N=200] [OLD=4] [THREADS=2]
 * (from the source root, or set BMD_DATA_DIR to the data directory) */
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

/* 1 when a and b have the same per-cell counts and nominal footprint. */
static int same_counts(const bmd_mc_footprint *a, const bmd_mc_footprint *b)
{
    return a->n_cells == b->n_cells &&
           !memcmp(a->n_one, b->n_one, (size_t)a->n_cells * sizeof *a->n_one) &&
           !memcmp(a->n_two, b->n_two, (size_t)a->n_cells * sizeof *a->n_two) &&
           !memcmp(a->p_one, b->p_one, (size_t)a->n_cells * sizeof *a->p_one) &&
           !memcmp(a->nominal, b->nominal, (size_t)a->n_cells * sizeof *a->nominal);
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
    in.threat_draws = n; /* K = N: every sample flies its own threat */
    printf("coverage probability: %s from %s, %ld cells, %d uncertain parameters (the scenario's "
           "defaults, missile flight bands included), %d threads\n",
           la->entry ? "RS-24-class" : "?", c->name, g.n_cells, set.n, threads);
    printf("| path | samples | K | wall (s) | CPU (s) | CPU per sample (s) | cells >= 50 %% |\n"
           "|---|---|---|---|---|---|---|\n");
    bmd_mc_footprint old, same_k, plain_k, crossed_k, big, typed;
    timing t_old, t_same, t_plain_k, t_crossed_k, t_big, t_typed;
    int ok = 1;
#define ROW(label, r, t, nn)                                                                       \
    printf("| %s | %ld | %ld | %.1f | %.1f | %.2f | %ld |\n", label, (long)(nn), (r).threat_draws, \
           (t).wall_s, (t).cpu_s, (t).cpu_s / (double)(nn), covered(&(r), 0.5))
    /* 1. K = N on OLD samples: the old path (every sample prepares, flies, engages) and the
     * crossed path with one draw per sample (each draw flown, its sample re-engages) */
    memset(&old, 0, sizeof old), memset(&same_k, 0, sizeof same_k);
    memset(&plain_k, 0, sizeof plain_k), memset(&crossed_k, 0, sizeof crossed_k);
    memset(&t_old, 0, sizeof t_old), memset(&t_same, 0, sizeof t_same);
    memset(&t_plain_k, 0, sizeof t_plain_k), memset(&t_crossed_k, 0, sizeof t_crossed_k);
    int same1 = 1, same2 = 1;
    in.cold_draws = 1;
    if (n_old > 0) {
    in.plain = 1;
    in.threat_draws = n_old;
    if (run(&scn, &set, &in, n_old, threads, &old, &t_old))
        return 1;
    ROW("old: prepare + fly + engage per sample (K = N)", old, t_old, n_old);
    in.plain = 0;
    if (run(&scn, &set, &in, n_old, threads, &same_k, &t_same))
        return 1;
    ROW("crossed path, K = N (one flight set per sample)", same_k, t_same, n_old);
    same1 = same_counts(&old, &same_k);
    ok &= same1;
    /* 2. K < N on OLD samples: the old path on the crossed design and the crossed path */
    in.threat_draws = n_old > 1 ? n_old / 2 : 1;
    in.plain = 1;
    if (run(&scn, &set, &in, n_old, threads, &plain_k, &t_plain_k))
        return 1;
    ROW("old path on the crossed design (K = N/2)", plain_k, t_plain_k, n_old);
    in.plain = 0;
    if (run(&scn, &set, &in, n_old, threads, &crossed_k, &t_crossed_k))
        return 1;
    ROW("crossed path (K = N/2)", crossed_k, t_crossed_k, n_old);
    same2 = same_counts(&plain_k, &crossed_k);
    ok &= same2;
    }
    in.cold_draws = 0;
    /* 3. N samples with the default K, per-site and per-type flyout tables */
    in.threat_draws = 0;
    if (run(&scn, &set, &in, n, threads, &big, &t_big))
        return 1;
    ROW("crossed path, default K, one flyout table per site", big, t_big, n);
    in.tables_per_type = 1;
    if (run(&scn, &set, &in, n, threads, &typed, &t_typed))
        return 1;
    ROW("crossed path, default K, one flyout table per interceptor type", typed, t_typed, n);
    in.tables_per_type = 0;
    /* 4. the same N samples, every draw aimed cold (session 5) */
    bmd_mc_footprint cold;
    timing t_cold;
    in.cold_draws = 1;
    if (run(&scn, &set, &in, n, threads, &cold, &t_cold))
        return 1;
    in.cold_draws = 0;
    ROW("crossed path, default K, per site, draws aimed cold (session 5)", cold, t_cold, n);
    long differ = 0;
    double dp_max = 0.0;
    for (long k = 0; k < g.n_cells; k++) {
        differ += cold.n_one[k] != big.n_one[k] || cold.n_two[k] != big.n_two[k];
        const double dp = cold.p_one[k] > big.p_one[k] ? cold.p_one[k] - big.p_one[k]
                                                       : big.p_one[k] - cold.p_one[k];
        dp_max = dp > dp_max ? dp : dp_max;
    }
    printf("\ndraws aimed from the nominal's solutions vs cold (K = %ld, %ld samples, per site): "
           "CPU %.1f vs %.1f s (%.2fx), %ld warm-started cells; %ld of %ld cells with other "
           "counts (largest |dP(>=1)| %.3f)\n", big.threat_draws, n, t_big.cpu_s, t_cold.cpu_s,
           t_cold.cpu_s / t_big.cpu_s, big.warm_cells, differ, g.n_cells, dp_max);
    bmd_mc_footprint_free(&cold);
    if (n_old > 0) {
    const double old_cpu = t_old.cpu_s / (double)n_old;
    printf("\nK = N, old vs crossed path on the same %ld samples: per-cell counts %s (CPU %.1f vs "
           "%.1f s)\n", n_old, same1 ? "identical" : "DIFFERENT", t_old.cpu_s, t_same.cpu_s);
    printf("K = %ld < N = %ld, old vs crossed path on the same design: per-cell counts %s (CPU "
           "%.1f vs %.1f s)\n", crossed_k.threat_draws, n_old, same2 ? "identical" : "DIFFERENT",
           t_plain_k.cpu_s, t_crossed_k.cpu_s);
    printf("old path extrapolated to %ld samples: %.0f CPU-s; crossed (K = %ld): %.1f CPU-s (per "
           "site), %.1f CPU-s (per type), %.1f s / %.1f s wall: %.0fx, %.0fx (CPU)\n", n,
           old_cpu * (double)n, big.threat_draws, t_big.cpu_s, t_typed.cpu_s, t_big.wall_s,
           t_typed.wall_s, old_cpu * (double)n / t_big.cpu_s, old_cpu * (double)n / t_typed.cpu_s);
    }
    printf("engagements: %ld over %ld samples\n", big.engagements, n);
    bmd_mc_footprint_free(&old);
    bmd_mc_footprint_free(&same_k);
    bmd_mc_footprint_free(&plain_k);
    bmd_mc_footprint_free(&crossed_k);
    bmd_mc_footprint_free(&big);
    bmd_mc_footprint_free(&typed);
    bmd_param_set_free(&set);
    bmd_footprint_grid_free(&g);
    bmd_scenario_free(&scn);
    return ok ? 0 : 1;
}
