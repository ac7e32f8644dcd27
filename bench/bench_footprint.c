/* bench_footprint — speed of footprints: a defended-area footprint of one ICBM-class launch point
 * (RS-24-class from Kozelsk, scenarios/russia-us-icbm.yaml) with its two defence sites (Redzikowo,
 * Deveselu), on an N x N grid over Europe (default 200 x 200, 40..65 N, 10 W..30 E:
 * Europe west of the launch point), run with 1
 * and with 2 threads. Prints cells per second, CPU and wall time, the 1-vs-2-thread parallel
 * efficiency, the family's misses, and checks that both runs are bit-identical.
 * Usage: bench_footprint [N] [S,N,W,E]   (run from the source root, or set BMD_DATA_DIR) */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bmd/footprint_io.h"

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

int main(int argc, char **argv)
{
    int n = argc > 1 ? atoi(argv[1]) : 200;
    double s = 40, nn = 65, w = -10, e = 30;
    if (argc > 2 && sscanf(argv[2], "%lf,%lf,%lf,%lf", &s, &nn, &w, &e) != 4)
        return 2;
    const char *data = getenv("BMD_DATA_DIR");
    char root[512], path[512];
    snprintf(root, sizeof root, "%s/catalog", data ? data : "data");
    snprintf(path, sizeof path, "%s/../scenarios/russia-us-icbm.yaml", data ? data : "data");
    static bmd_scenario scn;
    static bmd_footprint_defense d;
    bmd_error err;
    if (bmd_scenario_open(path, root, &scn, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    const bmd_scenario_point *L = &scn.launch_areas[0].points[0];
    double t0 = now_s();
    if (bmd_footprint_defense_from_scenario(&scn, L->lat_rad, L->lon_rad, &d, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    printf("flyout tables (%d sites): %.2f s\n", d.n_sites, now_s() - t0);
    const double D = M_PI / 180;
    long cells = (long)n * n;
    double *lat = malloc(cells * sizeof(double)), *lon = malloc(cells * sizeof(double));
    for (long k = 0; k < cells; k++) {
        lat[k] = (s + (nn - s) * (double)(k / n) / (n - 1)) * D;
        lon[k] = (w + (e - w) * (double)(k % n) / (n - 1)) * D;
    }
    bmd_footprint_input in = {BMD_FOOTPRINT_DEFENDED_AREA, &scn.launch_areas[0].entry->missile,
                              BMD_AIM_MIN_ENERGY, L->lat_rad, L->lon_rad, lat, lon, cells,
                              d.sites, d.n_sites};
    bmd_footprint_cell *out[2];
    double wall[2], cpu[2];
    printf("grid %d x %d over %g..%g N, %g..%g E; RS-24-class from %s; sites", n, n, s, nn, w, e,
           L->name);
    for (int i = 0; i < d.n_sites; i++)
        printf(" %s", d.names[i]);
    printf("\n| threads | prepare (s) | cells (s) | total (s) | CPU (s) | cells/s | flights/cell | "
           "miss mean / max (m) |\n|---|---|---|---|---|---|---|---|\n");
    for (int t = 0; t < 2; t++) {
        bmd_footprint_options o;
        bmd_footprint_options_init(&o);
        o.flight.sample_interval_s = 10;
        o.threads = t + 1;
        bmd_footprint *fp;
        bmd_footprint_stats st;
        double w0 = now_s(), c0 = cpu_s();
        if (bmd_footprint_prepare(&scn.earth, &in, &o, &fp, &err)) {
            fprintf(stderr, "%s\n", err.message);
            return 1;
        }
        const double w1 = now_s();
        out[t] = malloc(cells * sizeof *out[t]);
        if (bmd_footprint_run(fp, 0, cells, out[t], NULL, NULL, NULL, &st, &err)) {
            fprintf(stderr, "%s\n", err.message);
            return 1;
        }
        wall[t] = now_s() - w0, cpu[t] = cpu_s() - c0;
        printf("| %d | %.2f | %.2f | %.2f | %.2f | %.0f | %.2f | %.0f / %.0f |\n", t + 1, w1 - w0,
               now_s() - w1, wall[t], cpu[t], cells / wall[t], (double)st.flights / cells,
               st.miss_mean_m, st.miss_max_m);
        bmd_footprint_free(fp);
    }
    long covered = 0;
    for (long k = 0; k < cells; k++)
        covered += out[0][k].shot_opportunities > 0;
    printf("covered cells: %ld of %ld\n", covered, cells);
    printf("parallel efficiency 1 -> 2 threads: %.0f %% (wall %.2f s -> %.2f s)\n",
           100 * wall[0] / (2 * wall[1]), wall[0], wall[1]);
    printf("bit-identical for 1 and 2 threads: %s\n",
           memcmp(out[0], out[1], cells * sizeof *out[0]) ? "NO" : "yes");
    printf("RESULT cells_per_s_2_threads %.0f\nRESULT efficiency %.3f\n", cells / wall[1],
           wall[0] / (2 * wall[1]));
    bmd_footprint_defense_free(&d);
    bmd_scenario_free(&scn);
    free(out[0]);
    free(out[1]);
    free(lat);
    free(lon);
    return 0;
}
