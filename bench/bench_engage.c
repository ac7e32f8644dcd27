/* Benchmark of engagements: bmd_engage for one flown threat (catalogue MRBM and ICBM, 2 s
 * samples) against sites on a grid around the target (an SM-3 IIA-like notional interceptor, with
 * and without a fire-control radar), mean time per (threat, site) and threat states examined; and
 * the required-speed search per site. Run: build/dev/bench/bench_engage (BMD_DATA_DIR or ./data) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bmd/aim.h"
#include "bmd/catalog.h"
#include "bmd/engagement.h"

/* Wall-clock seconds. */
static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

/* Fly catalogue missile name between two points (degrees) on shape, 2 s samples. */
static int fly(const bmd_earth *e, const char *name, bmd_aim_shape shape, double la0, double lo0,
               double la1, double lo1, bmd_trajectory *tr, bmd_flight_summary *sum)
{
    char dir[512];
    const char *data = getenv("BMD_DATA_DIR");
    snprintf(dir, sizeof dir, "%s/catalog/missiles", data ? data : "data");
    bmd_catalog_missile *m = malloc(sizeof *m);
    bmd_error err;
    int st = m ? bmd_catalog_find_missile(dir, name, m, &err) : BMD_ENOMEM;
    bmd_site s = {bmd_deg_to_rad(la0), bmd_deg_to_rad(lo0), 0};
    bmd_plan p;
    bmd_plan_init(&p);
    bmd_aim_result mr, aim;
    bmd_flight_options fo;
    bmd_flight_options_init(&fo);
    fo.sample_interval_s = 2.0;
    if (!st)
        st = bmd_aim_max_range(e, &m->missile, &p, &s, NULL, &mr, &err);
    if (!st)
        st = bmd_aim_target(e, &m->missile, shape, &mr.plan, &s, bmd_deg_to_rad(la1),
                            bmd_deg_to_rad(lo1), 100, NULL, &aim, &err);
    if (!st)
        st = bmd_trajectory_fly(e, &m->missile, &aim.plan, s.lat_rad, s.lon_rad, 0, &fo, sum, tr,
                                &err);
    if (st)
        fprintf(stderr, "%s: %s\n", name, err.message);
    free(m);
    return st;
}

/* Engage the threat from an n x n grid of sites spaced step_deg around (lat, lon). */
static void grid(const bmd_earth *e, const bmd_threat *th, const bmd_flyout *tab, double lat,
                 double lon, int n, double step_deg, int with_radar, const char *label)
{
    bmd_timeline tl;
    bmd_timeline_init(&tl);
    bmd_radar fcr;
    bmd_radar_init(&fcr);
    fcr.max_range_m = 1000e3;
    long evals = 0;
    int engageable = 0;
    double t0 = now();
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++) {
            bmd_defense_site s = {bmd_deg_to_rad(lat + (i - n / 2) * step_deg),
                                  bmd_deg_to_rad(lon + (j - n / 2) * step_deg), 0, tab, 4, NULL};
            fcr.lat_rad = s.lat_rad;
            fcr.lon_rad = s.lon_rad;
            if (with_radar)
                s.fire_control = &fcr;
            bmd_engagement out;
            if (bmd_engage(e, th, &s, &tl, NULL, &out, NULL) == BMD_SUCCESS) {
                evals += out.n_evaluations;
                engageable += out.engageable;
            }
        }
    double dt = now() - t0;
    printf("%-34s %5d sites: %7.1f us per (threat, site), %6.0f states each, %d engageable\n",
           label, n * n, 1e6 * dt / (n * n), (double)evals / (n * n), engageable);
}

int main(void)
{
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    bmd_interceptor ic;
    bmd_interceptor_init(&ic);
    ic.burnout_speed_m_s = 4500;
    ic.burn_time_s = 60;
    ic.min_altitude_m = 100e3;
    ic.max_altitude_m = 1000e3;
    ic.max_flyout_time_s = 900;
    bmd_flyout tab = {0};
    bmd_error err;
    double t0 = now();
    if (bmd_flyout_build(&tab, &e, &ic, NULL, &err)) {
        fprintf(stderr, "%s\n", err.message);
        return 1;
    }
    printf("flyout table (SM-3 IIA-like, defaults): %.3f s\n", now() - t0);
    struct {
        const char *name;
        double la0, lo0, la1, lo1;
    } cases[] = {{"shahab-3-class", 35.5, 51.0, 37.5, 41.5},
                 {"generic-solid-icbm", 35.5, 51.0, 51.5, -0.1}};
    /* the threats on the cutoff shape (the trajectories of the measurements before issue 10,
     * for comparison) and on the minimum-energy shape (the default since) */
    for (int k = 0; k < 4; k++) {
        bmd_trajectory tr = {0};
        bmd_flight_summary sum;
        const bmd_aim_shape shape = k < 2 ? BMD_AIM_CUTOFF : BMD_AIM_MIN_ENERGY;
        printf("[%s]\n", bmd_aim_shape_name(shape));
        if (fly(&e, cases[k % 2].name, shape, cases[k % 2].la0, cases[k % 2].lo0,
                cases[k % 2].la1, cases[k % 2].lo1, &tr, &sum))
            continue;
        bmd_ir_sensor ir;
        bmd_ir_sensor_init(&ir);
        bmd_sensor_set ss = {NULL, 0, &ir, 1};
        bmd_threat th;
        if (bmd_threat_prepare(&e, &tr, &sum.events, BMD_OBJECT_RV, &ss, &th, &err)) {
            fprintf(stderr, "%s\n", err.message);
            return 1;
        }
        printf("%s: %.0f km, %.0f s flight, %d samples\n", cases[k % 2].name, sum.ground_range_m / 1e3,
               sum.flight_time_s, tr.n_samples);
        const double la = bmd_rad_to_deg(sum.impact_lat_rad), lo = bmd_rad_to_deg(sum.impact_lon_rad);
        grid(&e, &th, &tab, la, lo, 30, 0.5, 0, "  IR cueing only, sites +-7.5 deg");
        grid(&e, &th, &tab, la, lo, 30, 0.5, 1, "  with a fire-control radar");
        bmd_timeline tl;
        bmd_timeline_init(&tl);
        bmd_defense_site s = {sum.impact_lat_rad, sum.impact_lon_rad, 0, &tab, 4, NULL};
        bmd_required_speed rs;
        t0 = now();
        if (bmd_engage_required_speed(&e, &th, &s, &tl, NULL, NULL, &rs, &err) == BMD_SUCCESS)
            printf("  required speed at the target: %.2f km/s (%d tables, %.3f s)\n",
                   rs.speed_m_s / 1e3, rs.n_tables, now() - t0);
        bmd_trajectory_free(&tr);
    }
    bmd_flyout_free(&tab);
    return 0;
}
