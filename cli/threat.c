/* Shared by engage and sensor: coordinates, catalogue directories, the aimed threat flight. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/aim.h"
#include "bmd/catalog.h"
#include "common.h"
#include "threat.h"

#ifndef BMD_DATA_DIR
#define BMD_DATA_DIR "data"
#endif

int cli_latlon_required(const cli_args *a, const char *name, double *lat_rad, double *lon_rad)
{
    const char *text = cli_text(a, name);
    if (!text)
        return cli_require(a, name, "(LAT,LON in degrees)");
    return cli_parse_latlon(a->command, name, text, lat_rad, lon_rad);
}

void cli_catalog_dir(const char *sub, char *buf, size_t n)
{
    const char *env = getenv("BMD_DATA_DIR");
    snprintf(buf, n, "%s/catalog/%s", env && *env ? env : BMD_DATA_DIR, sub);
}

int cli_fly_threat(const cli_args *a, const bmd_earth *earth, cli_threat *t)
{
    int st;
    memset(t, 0, sizeof *t);
    if (!cli_text(a, "missile"))
        return cli_require(a, "missile", "(a catalogue missile such as shahab-3-class)");
    if ((st = cli_latlon_required(a, "from", &t->from_lat_rad, &t->from_lon_rad)) ||
        (st = cli_latlon_required(a, "to", &t->to_lat_rad, &t->to_lon_rad)))
        return st;
    char dir[BMD_CATALOG_TEXT_MAX];
    cli_catalog_dir("missiles", dir, sizeof dir);
    bmd_catalog_missile *m = malloc(sizeof *m);
    if (!m)
        return CLI_FAILED;
    bmd_error err;
    if ((st = bmd_catalog_find_missile(dir, cli_text(a, "missile"), m, &err))) {
        cli_complain(a->command, "%s", err.message);
        free(m);
        return st == BMD_EIO || st == BMD_ENOMEM ? CLI_FAILED : CLI_USAGE;
    }
    snprintf(t->missile, sizeof t->missile, "%s", m->missile.name);
    bmd_site launch = {t->from_lat_rad, t->from_lon_rad, 0};
    bmd_plan base;
    bmd_plan_default(&base);
    bmd_aim_result maxr, aim;
    bmd_flight_options fo;
    bmd_flight_options_default(&fo);
    st = bmd_aim_max_range(earth, &m->missile, &base, &launch, NULL, &maxr, &err);
    if (!st)
        st = bmd_aim_target(earth, &m->missile, BMD_AIM_MIN_ENERGY, &maxr.plan, &launch,
                            t->to_lat_rad, t->to_lon_rad, 100.0, NULL, &aim, &err);
    if (!st && !aim.reachable) {
        cli_complain(a->command, "--to: the target is out of reach of %s (maximum range %.0f km "
                     "on that bearing)", m->missile.name, aim.max_range_m / 1e3);
        free(m);
        return CLI_USAGE;
    }
    if (!st) {
        fo.sample_interval_s = 2.0;
        t->miss_m = aim.miss_m;
        st = bmd_trajectory_fly(earth, &m->missile, &aim.plan, launch.lat_rad, launch.lon_rad, 0,
                                &fo, &t->summary, &t->traj, &err);
    }
    free(m);
    if (st) {
        cli_complain(a->command, "flight of the threat failed: %s", err.message);
        bmd_trajectory_free(&t->traj);
        return CLI_FAILED;
    }
    return CLI_OK;
}
