/* bench_loft — speed of 'bmdsim loft --full' for one test: the estimate with its band
 * (bmd_loft_estimate_range: three candidate sizes, six one-at-a-time variants, each a fit and a
 * standard-range search), the two other warheads and four targets on the rotating Earth, as the
 * command does them. Test: the Hwasong-14 of 4 July 2017 (2,802 km, 933 km, 38 min; template
 * hwasong-14-class, 1,000 kg; docs/validation.md). Issue 11 asks < 5 s on 2 cores.
 * Usage: bench_loft [--repeat N]. Prints a table and "RESULT key value" lines: wall time and CPU
 * time (process), so a loaded machine can be read by its CPU time. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bmd/geodesy.h"
#include "bmd/loft.h"
#include "../tests/flight_vehicles.h"

#define DEG (M_PI / 180.0)

static double wall_s(void)
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
    int repeat = 3;
    if (argc == 3 && strcmp(argv[1], "--repeat") == 0)
        repeat = atoi(argv[2]);
    if (repeat < 1)
        repeat = 1;
    bmd_missile t;
    load_vehicle(&t, "hwasong-14-class");
    bmd_earth still, turning;
    bmd_earth_init_wgs84(&still);
    still.omega_rad_s = 0.0;
    bmd_earth_init_wgs84(&turning);
    bmd_loft_setup setup;
    bmd_loft_setup_init(&setup);
    setup.site = (bmd_site){39.93 * DEG, 125.21 * DEG, 0.0};
    setup.payload_kg = 1000.0;
    const bmd_loft_observation obs = {2802e3, 933e3, 2280.0};
    const double targets[4][2] = {{34.0537, -118.2428}, {41.8837, -87.6319},
                                  {38.8951, -77.0364}, {40.7128, -74.0060}};
    double best_wall = INFINITY, best_cpu = INFINITY, range = 0.0;
    int flights = 0;
    for (int k = 0; k < repeat; k++) {
        double w0 = wall_s(), c0 = cpu_s();
        bmd_loft_estimate est;
        bmd_error err;
        if (bmd_loft_estimate_range(&still, &t, &setup, &obs, NULL, &est, &err)) {
            fprintf(stderr, "bench_loft: %s\n", err.message);
            return 1;
        }
        flights = est.evaluations;
        for (int i = 0; i < 2; i++) {
            bmd_aim_result res;
            int any;
            if (bmd_loft_standard_range(&still, &est.fit, i ? 1500.0 : 500.0, &setup.site,
                                        setup.azimuth_rad, &res, &any, &err))
                return 1;
            flights += res.evaluations;
        }
        for (int i = 0; i < 4; i++) {
            double d, az;
            bmd_geodesy_inverse(&turning, setup.site.lat_rad, setup.site.lon_rad,
                                targets[i][0] * DEG, targets[i][1] * DEG, &d, &az, NULL);
            bmd_aim_result res;
            int any;
            if (bmd_loft_standard_range(&turning, &est.fit, NAN, &setup.site, az, &res, &any,
                                        &err))
                return 1;
            flights += res.evaluations;
        }
        best_wall = fmin(best_wall, wall_s() - w0);
        best_cpu = fmin(best_cpu, cpu_s() - c0);
        range = est.range_m;
    }
    printf("loft --full, Hwasong-14 4 July 2017, band + 2 warheads + 4 targets (best of %d)\n",
           repeat);
    printf("  central range %.1f km, %d trajectories\n", range / 1e3, flights);
    printf("  wall %.3f s, CPU %.3f s (issue 11: < 5 s)\n", best_wall, best_cpu);
    printf("RESULT loft_full_wall_s %.4f\nRESULT loft_full_cpu_s %.4f\nRESULT loft_full_flights %d\n",
           best_wall, best_cpu, flights);
    return 0;
}
