/* Benchmark of the engage Monte Carlo (bmd_mc_run, required speeds off): the plain path (the full
 * bmd_analysis_run per sample: every flyout table rebuilt, every pair engaged) and the fast path
 * (tables built when a pair needs them, pairs whose threat never comes within the site's
 * fire-control radar reach skipped) side by side on the same samples, with the CPU time of each,
 * the ratio, and whether the statistics agree bit for bit.
 * Run: build/release/bench/bench_mc [SCENARIO [N [THREADS [--vary PATH=LOW:HIGH | --drop PREFIX ...]]]]
 * (--drop PREFIX: the parameters whose path starts with PREFIX are held at their nominal values;
 * --rules all: instead, the three launch-on rules as three bmd_mc_run (the report's way before
 * issue 12) against one bmd_mc_run_rules, both on the fast path, with CPU times and whether every
 * rule's statistics agree bit for bit)
 * (--threat-draws K, repeatable: the fast path with K threat draws crossed with the N samples,
 * bmd_mc_options.threat_draws, one row each after the two K = N rows, with the largest change of
 * a pair's P(>=1) from K = N and the LHS bound 1/K + 1/N; default: K = N/4 when N >= 8)
 * (default scenarios/europe.yaml, 16 samples, 1 thread, the catalogue's ranges). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bmd/montecarlo.h"

static double cpu_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static double wall_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

static int same(const bmd_mc_result *a, const bmd_mc_result *b)
{
    return a->n_pairs == b->n_pairs &&
           memcmp(a->shots, b->shots, (size_t)(a->n * a->n_pairs) * sizeof *a->shots) == 0 &&
           memcmp(a->pairs, b->pairs, (size_t)a->n_pairs * sizeof *a->pairs) == 0;
}

/* The three launch-on rules: three runs against one bmd_mc_run_rules; 0 when they agree. */
static int bench_rules(const bmd_scenario *scn, const bmd_param_set *set, long n, int threads)
{
    const bmd_launch_on rules[BMD_LAUNCH_ON_COUNT] = {0, 1, 2};
    bmd_mc_result sep[BMD_LAUNCH_ON_COUNT], one[BMD_LAUNCH_ON_COUNT];
    bmd_error err = {0};
    bmd_mc_options opt;
    bmd_mc_options_init(&opt);
    opt.samples = n;
    opt.threads = threads;
    opt.analysis.rules_from_scenario = 0;
    double c0 = cpu_s(), w0 = wall_s();
    for (int r = 0; r < BMD_LAUNCH_ON_COUNT; r++) {
        opt.analysis.engage.launch_on = rules[r];
        if (bmd_mc_run(scn, set, &opt, &sep[r], &err)) {
            fprintf(stderr, "bench_mc: %s\n", err.message);
            return 1;
        }
    }
    double c1 = cpu_s(), w1 = wall_s();
    if (bmd_mc_run_rules(scn, set, &opt, rules, BMD_LAUNCH_ON_COUNT, one, &err)) {
        fprintf(stderr, "bench_mc: %s\n", err.message);
        return 1;
    }
    double c2 = cpu_s(), w2 = wall_s();
    int ok = 1;
    for (int r = 0; r < BMD_LAUNCH_ON_COUNT; r++) {
        ok &= same(&sep[r], &one[r]);
        bmd_mc_free(&sep[r]);
        bmd_mc_free(&one[r]);
    }
    printf("3 runs (one per rule)  CPU %8.2f s (%.3f s per sample)  wall %8.2f s\n", c1 - c0,
           (c1 - c0) / (double)n, w1 - w0);
    printf("1 run of 3 rules       CPU %8.2f s (%.3f s per sample)  wall %8.2f s\n", c2 - c1,
           (c2 - c1) / (double)n, w2 - w1);
    printf("ratio: CPU %.2f, wall %.2f; every rule's statistics identical: %s\n",
           (c1 - c0) / (c2 - c1), (w1 - w0) / (w2 - w1), ok ? "yes" : "NO");
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "scenarios/europe.yaml";
    long n = argc > 2 ? atol(argv[2]) : 16;
    int threads = argc > 3 ? atoi(argv[3]) : 1;
    const char *data = getenv("BMD_DATA_DIR");
    char cat[1024];
    snprintf(cat, sizeof cat, "%s/catalog", data && *data ? data : "data");
    bmd_scenario scn;
    bmd_scenario_init(&scn);
    bmd_error err = {0};
    if (bmd_scenario_open(path, cat, &scn, &err)) {
        fprintf(stderr, "bench_mc: %s\n", err.message);
        return 1;
    }
    bmd_param_set set = {0};
    if (bmd_param_set_from_scenario(&scn, &set, &err)) {
        fprintf(stderr, "bench_mc: %s\n", err.message);
        return 1;
    }
    int rules_mode = 0, nk = 0;
    long ks[16];
    for (int i = 4; i + 1 < argc; i += 2) {
        if (strcmp(argv[i], "--threat-draws") == 0 && nk < 16)
            ks[nk++] = atol(argv[i + 1]);
        if (strcmp(argv[i], "--rules") == 0)
            rules_mode = 1;
        if (strcmp(argv[i], "--vary") == 0 && bmd_param_set_vary_in(&set, &scn, argv[i + 1], &err)) {
            fprintf(stderr, "bench_mc: --vary: %s\n", err.message);
            return 1;
        }
        if (strcmp(argv[i], "--drop") == 0) { /* keep only the parameters not starting so */
            bmd_param_set kept = {0};
            for (int k = 0; k < set.n; k++)
                if (strncmp(set.items[k].path, argv[i + 1], strlen(argv[i + 1])) != 0 &&
                    bmd_param_set_add(&kept, &set.items[k], &err)) {
                    fprintf(stderr, "bench_mc: --drop: %s\n", err.message);
                    return 1;
                }
            bmd_param_set_free(&set);
            set = kept;
        }
    }
    printf("%s: %ld samples, %d thread(s), %d parameters varied, %d pairs\n", path, n, threads,
           set.n, scn.n_threats * scn.n_sites);
    if (rules_mode)
        return bench_rules(&scn, &set, n, threads);
    bmd_mc_result r[2];
    double cpu[2], wall[2];
    for (int plain = 1; plain >= 0; plain--) {
        bmd_mc_options opt;
        bmd_mc_options_init(&opt);
        opt.samples = n;
        opt.threads = threads;
        opt.plain = plain;
        opt.threat_draws = n; /* K = N: every sample flies its own threats */
        double c0 = cpu_s(), w0 = wall_s();
        if (bmd_mc_run(&scn, &set, &opt, &r[plain], &err)) {
            fprintf(stderr, "bench_mc: %s\n", err.message);
            return 1;
        }
        cpu[plain] = cpu_s() - c0;
        wall[plain] = wall_s() - w0;
        printf("%-6s K %5ld  CPU %8.2f s (%.3f s per sample)  wall %8.2f s  tables built %ld (plain: not counted)  pair "
               "evaluations skipped %ld of %ld\n", plain ? "plain" : "fast", n, cpu[plain],
               cpu[plain] / (double)n, wall[plain], plain ? 0L : r[0].tables_built,
               plain ? 0L : r[0].pairs_determined, n * r[plain].n_pairs);
    }
    printf("ratio plain / fast: CPU %.2f, wall %.2f; statistics identical: %s\n", cpu[1] / cpu[0],
           wall[1] / wall[0], same(&r[0], &r[1]) ? "yes" : "NO");
    int ok = same(&r[0], &r[1]);
    if (nk == 0 && n >= 8)
        ks[nk++] = n / 4;
    printf("\n| path | N | K | CPU s | CPU s per sample | CPU ratio to K = N | max |dP(>=1)| vs K = N "
           "| bound 1/K + 1/N |\n|---|---|---|---|---|---|---|---|\n");
    printf("| plain | %ld | %ld | %.2f | %.3f | %.2f | 0 | 0 |\n", n, n, cpu[1], cpu[1] / (double)n,
           cpu[1] / cpu[0]);
    printf("| fast | %ld | %ld | %.2f | %.3f | 1.00 | 0 | 0 |\n", n, n, cpu[0], cpu[0] / (double)n);
    for (int j = 0; j < nk; j++) {
        bmd_mc_options opt;
        bmd_mc_options_init(&opt);
        opt.samples = n;
        opt.threads = threads;
        opt.threat_draws = ks[j];
        bmd_mc_result rk;
        double c0 = cpu_s();
        if (bmd_mc_run(&scn, &set, &opt, &rk, &err)) {
            fprintf(stderr, "bench_mc: %s\n", err.message);
            return 1;
        }
        double ck = cpu_s() - c0, dmax = 0;
        for (int p = 0; p < rk.n_pairs; p++)
            dmax = fmax(dmax, fabs(rk.pairs[p].p_one - r[0].pairs[p].p_one));
        printf("| fast | %ld | %ld | %.2f | %.3f | %.2f | %.3f | %.3f |\n", n, rk.threat_draws, ck,
               ck / (double)n, ck / cpu[0], dmax, 1.0 / (double)ks[j] + 1.0 / (double)n);
        bmd_mc_free(&rk);
    }
    bmd_mc_free(&r[0]);
    bmd_mc_free(&r[1]);
    bmd_param_set_free(&set);
    bmd_scenario_free(&scn);
    return ok ? 0 : 1;
}
