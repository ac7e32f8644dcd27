/* bench_python_c — the C side of bench/bench_python.py: the same short ballistic flight that
 * bmdsim.fly() makes (catalogue missile, gravity turn with the default 10 s rise and the given
 * kick toward the azimuth, WGS84, a sample every interval) flown N times through libbmd.so,
 * recording the time series and freeing it each time, as the Python call does.
 * Usage: bench_python_c MISSILE LAT LON AZ_DEG KICK_DEG INTERVAL_S N
 * Prints "RESULT c_us_per_flight X" and "RESULT samples N". */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bmd/catalog.h"
#include "bmd/trajectory.h"
#include "bmd/version.h"

/* CPU time of this thread: on a shared, loaded machine wall time measures the neighbours */
static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

int main(int argc, char **argv)
{
    if (argc != 8) {
        fprintf(stderr, "usage: bench_python_c MISSILE LAT LON AZ_DEG KICK_DEG INTERVAL_S N\n");
        return 2;
    }
    const double d2r = M_PI / 180.0;
    double lat = atof(argv[2]) * d2r, lon = atof(argv[3]) * d2r;
    double az = atof(argv[4]) * d2r, kick = atof(argv[5]) * d2r, dt = atof(argv[6]);
    int n = atoi(argv[7]);
    char dir[1024];
    snprintf(dir, sizeof dir, "%s/catalog/missiles", bmd_data_dir());
    bmd_catalog_missile *entry = malloc(sizeof *entry);
    bmd_error err;
    if (!entry || bmd_catalog_find_missile(dir, argv[1], entry, &err)) {
        fprintf(stderr, "bench_python_c: %s\n", entry ? err.message : "out of memory");
        free(entry);
        return 1;
    }
    bmd_earth earth;
    bmd_earth_init_wgs84(&earth);
    bmd_plan plan;
    bmd_plan_init(&plan);
    plan.azimuth_rad = az;
    plan.kick_rad = kick;
    bmd_flight_options opt;
    bmd_flight_options_init(&opt);
    opt.sample_interval_s = dt;
    int samples = 0;
    double t0 = now_s();
    for (int i = 0; i < n; i++) {
        bmd_trajectory traj = {0};
        bmd_flight_summary s;
        if (bmd_trajectory_fly(&earth, &entry->missile, &plan, lat, lon, 0.0, &opt, &s, &traj,
                               &err)) {
            fprintf(stderr, "bench_python_c: %s\n", err.message);
            free(entry);
            return 1;
        }
        samples = traj.n_samples;
        bmd_trajectory_free(&traj);
    }
    double us = (now_s() - t0) / n * 1e6;
    printf("RESULT c_us_per_flight %.3f\nRESULT samples %d\n", us, samples);
    free(entry);
    return 0;
}
