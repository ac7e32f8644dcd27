/* Benchmark of the flyout table: build time for the default options (361 elevations, 201 x 161
 * nodes) and for a coarse table, on WGS84 with an SM-3 IIA-like notional interceptor; queries per
 * second of bmd_flyout_time at random points; the direct computation (bmd_interceptor_reach) per
 * point for comparison. Run: build/dev/bench/bench_flyout */
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "bmd/interceptor.h"

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

int main(void)
{
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_interceptor ic;
    bmd_interceptor_init(&ic);
    ic.burnout_speed_m_s = 4500.0;
    ic.burn_time_s = 60.0;
    ic.max_flyout_time_s = 900.0;
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
