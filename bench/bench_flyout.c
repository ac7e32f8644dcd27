/* Benchmark of the flyout table: build time for the default options (361 elevations, 201 x 161
 * nodes) and for a coarse table, on WGS84 with an SM-3 IIA-like notional interceptor; queries per
 * second of bmd_flyout_time at random points; the direct computation (bmd_interceptor_reach) per
 * point for comparison; and the fast fan conversion (bmd_flyout_build) against the reference one
 * (PROJ's geodesic inverse at every state, BMD_IC_FAN_EXACT), alternated in one run, CPU time,
 * best of 5 each. Run: build/release/bench/bench_flyout */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bmd/interceptor.h"
#include "defense/interceptor_internal.h"

/* Wall-clock seconds. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* Uniform [0, 1) from a 64-bit LCG. */
static double uniform(uint64_t *s)
{
    *s = *s * 6364136223846793005ULL + 1442695040888963407ULL;
    return (double)(*s >> 11) / 9007199254740992.0;
}

/* Build one table with n_elev trajectories and an nr x nh grid; print the cost. */
static int build(const bmd_earth *e, const bmd_interceptor *ic, int n_elev, int nr, int nh,
                 bmd_flyout *tb)
{
    bmd_flyout_options o;
    bmd_flyout_options_init(&o);
    o.n_elevations = n_elev;
    o.n_range = nr;
    o.n_altitude = nh;
    bmd_error err;
    double t0 = now();
    int st = bmd_flyout_build(tb, e, ic, &o, &err);
    double dt = now() - t0;
    if (st) {
        fprintf(stderr, "build failed: %s\n", err.message);
        return st;
    }
    printf("build  %4d elevations, %3d x %3d nodes: %8.3f s  (%ld states, %.1f MB table)\n",
           n_elev, nr, nh, dt, tb->n_states, tb->bytes / 1048576.0);
    return 0;
}

/* CPU seconds of this process. */
static double cpu_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* The fast against the reference fan conversion, default options, best CPU time of reps each;
 * and the fan's flight alone (no conversion), the floor of both. */
static int compare_modes(const bmd_earth *e, const bmd_interceptor *ic, int reps)
{
    double best[2] = {1e30, 1e30}, best_fly = 1e30;
    bmd_flyout_options o;
    bmd_flyout_options_init(&o);
    o.site = (bmd_interceptor_site){54.48 * 0.017453292519943295, 17.10 * 0.017453292519943295,
                                    0.0, 60.0 * 0.017453292519943295};
    int max = bmd_ic_states_needed(ic, o.sample_dt_s);
    bmd_kv_state *buf = malloc(sizeof *buf * (size_t)max);
    if (!buf)
        return 1;
    for (int r = 0; r < reps; r++) {
        for (int mode = 0; mode < 2; mode++) {
            bmd_flyout tb;
            bmd_error err;
            double t0 = cpu_now();
            if (bmd_ic_flyout_build(&tb, e, ic, &o, (bmd_ic_fan_mode)mode, &err)) {
                fprintf(stderr, "build failed: %s\n", err.message);
                free(buf);
                return 1;
            }
            double dt = cpu_now() - t0;
            best[mode] = dt < best[mode] ? dt : best[mode];
            bmd_flyout_free(&tb);
        }
        double t0 = cpu_now();
        for (int k = 0; k < o.n_elevations; k++) {
            double el = ic->min_elevation_rad +
                        (ic->max_elevation_rad - ic->min_elevation_rad) * k / (o.n_elevations - 1);
            int n;
            bmd_ic_fly_raw(e, ic, &o.site, el, o.sample_dt_s, buf, max, &n, NULL);
        }
        double dt = cpu_now() - t0;
        best_fly = dt < best_fly ? dt : best_fly;
    }
    free(buf);
    printf("fan conversion, default table at 54.5 N (CPU s, best of %d): reference (geodesic "
           "inverse per state) %.3f s, fast %.3f s: %.2f x faster; flying the fan alone %.3f s\n",
           reps, best[1], best[0], best[1] / best[0], best_fly);
    return 0;
}

/* The fan conversion alone (bmd_ic_fan_states over the fan of a default table, flown once and
 * kept), against bmd_ic_fill_state per state, best CPU time of reps each; and the lattice nodes
 * the fan needed (geodesic inverses). The angles are left to the rasteriser, as in a table. */
static int conversion_alone(const bmd_earth *e, const bmd_interceptor *ic, int reps)
{
    bmd_flyout_options o;
    bmd_flyout_options_init(&o);
    o.site = (bmd_interceptor_site){54.48 * 0.017453292519943295, 17.10 * 0.017453292519943295,
                                    0.0, 60.0 * 0.017453292519943295};
    const int n_el = o.n_elevations, max = bmd_ic_states_needed(ic, o.sample_dt_s);
    bmd_kv_state *raw = malloc(sizeof *raw * (size_t)max * (size_t)n_el);
    bmd_kv_state *buf = malloc(sizeof *buf * (size_t)max);
    double *scratch = malloc(sizeof *scratch * BMD_IC_FAN_SCRATCH(max));
    int *len = malloc(sizeof *len * (size_t)n_el);
    double *vu_vh = malloc(sizeof *vu_vh * 2 * (size_t)max);
    if (!raw || !buf || !scratch || !len || !vu_vh)
        return 1;
    long states = 0;
    for (int k = 0; k < n_el; k++) {
        double el = ic->min_elevation_rad +
                    (ic->max_elevation_rad - ic->min_elevation_rad) * k / (n_el - 1);
        bmd_ic_fly_raw(e, ic, &o.site, el, o.sample_dt_s, raw + (size_t)k * max, max, &len[k],
                       NULL);
        states += len[k];
    }
    double best_fast = 1e30, best_ref = 1e30, sum = 0.0;
    long nodes = 0;
    for (int r = 0; r < reps; r++) {
        double t0 = cpu_now();
        bmd_ic_fan_site fs;
        bmd_ic_fan_site_init(e, &o.site, &fs);
        for (int k = 0; k < n_el; k++) {
            memcpy(buf, raw + (size_t)k * max, sizeof *buf * (size_t)len[k]);
            bmd_ic_fan_states(&fs, buf, len[k], scratch, vu_vh);
            sum += buf[len[k] - 1].ground_range_m;
        }
        nodes = 0;
        for (long q = 0; q < (long)fs.ni * fs.nj; q++)
            nodes += !isnan(fs.corr_m[q]);
        bmd_ic_fan_site_free(&fs);
        double dt = cpu_now() - t0;
        best_fast = dt < best_fast ? dt : best_fast;
        t0 = cpu_now();
        for (int k = 0; k < n_el; k++) {
            memcpy(buf, raw + (size_t)k * max, sizeof *buf * (size_t)len[k]);
            for (int m = 0; m < len[k]; m++)
                bmd_ic_fill_state(e, &o.site, &buf[m]);
            sum += buf[len[k] - 1].ground_range_m;
        }
        dt = cpu_now() - t0;
        best_ref = dt < best_ref ? dt : best_ref;
    }
    printf("fan conversion alone, %ld states (CPU s, best of %d): bmd_ic_fill_state per state "
           "%.4f s, bmd_ic_fan_states %.4f s (%.0f ns per state, %ld lattice nodes): %.1f x "
           "faster (checksum %.6g)\n", states, reps, best_ref, best_fast, 1e9 * best_fast / states,
           nodes, best_ref / best_fast, sum);
    free(raw);
    free(buf);
    free(scratch);
    free(len);
    free(vu_vh);
    return 0;
}

int main(void)
{
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_interceptor ic;
    bmd_interceptor_init(&ic);
    ic.burnout_speed_m_s = 4500.0;
    ic.burn_time_s = 60.0;
    ic.max_flyout_time_s = 900.0;
    if (compare_modes(&e, &ic, 5) || conversion_alone(&e, &ic, 5))
        return 1;
    bmd_flyout coarse, tb;
    if (build(&e, &ic, 91, 101, 81, &coarse) || build(&e, &ic, 361, 201, 161, &tb))
        return 1;
    bmd_flyout_free(&coarse);
    enum { N = 4000000 };
    uint64_t seed = 1;
    double sum = 0.0;
    int reached = 0;
    double t0 = now();
    for (int k = 0; k < N; k++) {
        double t, v, g;
        bmd_flyout_time(&tb, tb.range_max_m * uniform(&seed), tb.altitude_max_m * uniform(&seed),
                        &t, &v, &g);
        if (t < 1e30) {
            sum += t;
            reached++;
        }
    }
    double dt = now() - t0;
    printf("query  %d random points: %.3f s, %.1f million queries/s (%d reachable, mean %.1f s)\n",
           N, dt, N / dt / 1e6, reached, sum / (reached ? reached : 1));
    bmd_interceptor_site site = tb.site;
    t0 = now();
    int n_direct = 20;
    for (int k = 0; k < n_direct; k++) {
        bmd_reach r;
        bmd_interceptor_reach(&e, &ic, &site, 0.8 * tb.range_max_m * uniform(&seed),
                              0.8 * tb.altitude_max_m * uniform(&seed), 0, &r, NULL);
    }
    dt = now() - t0;
    printf("direct %d points (bmd_interceptor_reach): %.4f s per point\n", n_direct,
           dt / n_direct);
    bmd_flyout_free(&tb);
    return 0;
}
