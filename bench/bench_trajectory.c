/* bench_trajectory — speed of the missile-flight model: one full ICBM trajectory (boost, coast,
 * reentry) at default tolerances, and aiming at 100 targets. Vehicle: the pytrajlib Minuteman III
 * (tests/flight_vehicles.h) with a notional 350 kg bus, from Minot AFB on WGS84 with the US76 atmosphere.
 * Usage: bench_trajectory [--table FILE] [--quick]
 *   --table FILE  also write the US76 table (altitude km, density, pressure, speed of sound) that
 *                 bench/reference_scipy.py interpolates, so both codes see the same air.
 * Prints a table and machine-readable "RESULT key value" lines. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "bmd/aim.h"
#include "bmd/atmosphere.h"
#include "bmd/geodesy.h"
#include "../tests/flight_vehicles.h"

#define DEG (M_PI / 180.0)

/* Wall-clock seconds. */
static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

/* The US76 table for the SciPy reference: fine where the air matters, coarse above. */
static int write_table(const char *path)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return 1;
    for (double h = 0.0; h <= 1000.0 + 1e-9; h += (h < 150.0 ? 0.25 : 5.0)) {
        bmd_atmosphere a;
        if (bmd_atmosphere_us76(h * 1e3, &a, NULL) == 0)
            fprintf(f, "%.3f %.10e %.10e %.6f\n", h, a.density_kg_m3, a.pressure_pa,
                    a.speed_of_sound_m_s);
    }
    fclose(f);
    return 0;
}

int main(int argc, char **argv)
{
    const char *table = NULL;
    int quick = 0;
    for (int i = 1; i < argc; i++) {
        if (!strcmp(argv[i], "--table") && i + 1 < argc)
            table = argv[++i];
        else if (!strcmp(argv[i], "--quick"))
            quick = 1;
    }
    if (table && write_table(table)) {
        fprintf(stderr, "bench_trajectory: cannot write %s\n", table);
        return 1;
    }
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_missile m;
    vehicle_minuteman_3(&m);
    m.payload.bus_mass_kg = 350.0; /* notional, as in tests/test_aim.c: max range ~10,600 km */
    bmd_site site = {48.4 * DEG, -101.3 * DEG, 0.0};
    bmd_plan p;
    bmd_plan_init(&p);
    p.azimuth_rad = 300.0 * DEG;
    bmd_aim_result best;
    bmd_error err;
    double t0 = now_s();
    if (bmd_aim_max_range(&e, &m, &p, &site, NULL, &best, &err)) {
        fprintf(stderr, "bench_trajectory: %s\n", err.message);
        return 1;
    }
    double t_search = now_s() - t0;

    /* 1. one full trajectory, repeated */
    int n = quick ? 50 : 1000;
    bmd_flight_summary s;
    t0 = now_s();
    for (int i = 0; i < n; i++)
        if (bmd_trajectory_fly(&e, &m, &best.plan, site.lat_rad, site.lon_rad, site.height_m, NULL,
                               &s, NULL, &err)) {
            fprintf(stderr, "bench_trajectory: %s\n", err.message);
            return 1;
        }
    double t_traj = (now_s() - t0) / n;

    /* 2. aiming at 100 targets: 10 bearings x 10 ranges, the one-parameter shapes in turn
     * (cutoff, the "min-energy" before issue 10; lofted; depressed) */
    static const bmd_aim_shape shapes[3] = {BMD_AIM_CUTOFF, BMD_AIM_LOFTED, BMD_AIM_DEPRESSED};
    int targets = quick ? 20 : 100, evals = 0, misses = 0;
    t0 = now_s();
    for (int k = 0; k < targets; k++) {
        double az = 36.0 * (k % 10) * DEG + 7.0 * DEG, lat, lon;
        double d = (1500.0 + 900.0 * (k / 10)) * 1e3;
        bmd_geodesy_direct(&e, site.lat_rad, site.lon_rad, az, d, &lat, &lon, NULL);
        bmd_aim_result r;
        if (bmd_aim_target(&e, &m, shapes[k % 3], &best.plan, &site, lat, lon, 100.0,
                           NULL, &r, &err)) {
            fprintf(stderr, "bench_trajectory: target %d: %s\n", k, err.message);
            return 1;
        }
        evals += r.evaluations;
        misses += r.reachable ? 0 : 1;
    }
    double t_aim = (now_s() - t0) / targets;

    /* 3. the minimum-energy aim (issue 10: the steering shape searched too) at the same targets */
    int evals_me = 0;
    t0 = now_s();
    for (int k = 0; k < targets; k++) {
        double az = 36.0 * (k % 10) * DEG + 7.0 * DEG, lat, lon;
        double d = (1500.0 + 900.0 * (k / 10)) * 1e3;
        bmd_geodesy_direct(&e, site.lat_rad, site.lon_rad, az, d, &lat, &lon, NULL);
        bmd_aim_result r;
        if (bmd_aim_target(&e, &m, BMD_AIM_MIN_ENERGY, &best.plan, &site, lat, lon, 100.0, NULL,
                           &r, &err)) {
            fprintf(stderr, "bench_trajectory: min-energy target %d: %s\n", k, err.message);
            return 1;
        }
        evals_me += r.evaluations;
    }
    double t_me = (now_s() - t0) / targets;

    printf("| quantity | bmdsim |\n|---|---|\n");
    printf("| vehicle | Minuteman III (pytrajlib data, 350 kg bus), Minot AFB, azimuth 300 deg, WGS84, US76 |\n");
    printf("| max-range kick (deg) | %.4f |\n", best.plan.kick_rad / DEG);
    printf("| max-range search | %d flights, %.1f ms |\n", best.evaluations, 1e3 * t_search);
    printf("| ground range (km) | %.3f |\n", s.ground_range_m / 1e3);
    printf("| flight time (s) | %.3f |\n", s.flight_time_s);
    printf("| apogee (km) | %.3f |\n", s.apogee_altitude_m / 1e3);
    printf("| burnout speed (m/s) | %.3f |\n", s.burnout_speed_m_s);
    printf("| time per trajectory (ms) | %.4f |\n", 1e3 * t_traj);
    printf("| trajectories per second | %.0f |\n", 1.0 / t_traj);
    printf("| aim: targets (out of reach) | %d (%d) |\n", targets, misses);
    printf("| aim: flights per target | %.2f |\n", (double)evals / targets);
    printf("| aim: time per target (ms) | %.3f |\n", 1e3 * t_aim);
    printf("| min-energy aim: flights per target | %.2f |\n", (double)evals_me / targets);
    printf("| min-energy aim: time per target (ms) | %.3f |\n", 1e3 * t_me);
    printf("RESULT kick_rad %.12f\n", best.plan.kick_rad);
    printf("RESULT azimuth_rad %.12f\n", best.plan.azimuth_rad);
    printf("RESULT vertical_rise_s %.6f\n", best.plan.vertical_rise_s);
    printf("RESULT range_km %.6f\n", s.ground_range_m / 1e3);
    printf("RESULT flight_time_s %.6f\n", s.flight_time_s);
    printf("RESULT trajectory_ms %.6f\n", 1e3 * t_traj);
    printf("RESULT aim_flights_per_target %.3f\n", (double)evals / targets);
    return 0;
}
