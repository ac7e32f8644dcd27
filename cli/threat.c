/* Shared by engage and sensor: coordinates, catalogue directories, the aimed threat flight. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/analysis.h"
#include "bmd/catalog.h"
#include "common.h"
#include "sweep_inject.h"
#include "threat.h"
#include "bmd/version.h"


int cli_latlon_required(const cli_args *a, const char *name, double *lat_rad, double *lon_rad)
{
    const char *text = cli_text(a, name);
    if (!text)
        return cli_require(a, name, "(LAT,LON in degrees)");
    return cli_parse_latlon(a->command, name, text, lat_rad, lon_rad);
}

void cli_catalog_dir(const char *sub, char *buf, size_t n)
{
    snprintf(buf, n, "%s/catalog/%s", bmd_data_dir(), sub);
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
    char dir[BMD_PATH_MAX];
    cli_catalog_dir("missiles", dir, sizeof dir);
    bmd_catalog_missile *m = malloc(sizeof *m);
    if (!m)
        return CLI_FAILED;
    bmd_error err;
    if ((st = bmd_catalog_find_missile(dir, cli_text(a, "missile"), m, &err))) {
        cli_complain(a->command, "%s", err.message);
        free(m);
        return cli_exit_status(st);
    }
    if ((st = cli_inject_missile(a->command, m))) { /* bmdsim sweep */
        free(m);
        return st;
    }
    snprintf(t->missile, sizeof t->missile, "%s", m->missile.name);
    t->warhead_rcs_m2 = m->signature.warhead_rcs_m2;
    bmd_catalog_warhead_rcs_text(m, t->rcs_text, sizeof t->rcs_text);
    bmd_aim_fly_options fo;
    if ((st = cli_fly_options(a, &fo))) {
        free(m);
        return st;
    }
    t->shape = fo.shape;
    bmd_aim_flight f;
    bmd_site launch = {t->from_lat_rad, t->from_lon_rad, 0.0};
    st = bmd_aim_fly_to(earth, &m->missile, &launch, t->to_lat_rad, t->to_lon_rad, &fo, 1, &f,
                        &err);
    if (!st && !f.reachable) {
        cli_complain(a->command, "--to: the target is out of reach of %s (maximum range %.0f km "
                     "on that bearing)", m->missile.name, f.max_range_m / 1e3);
        free(m);
        return CLI_NO_SOLUTION;
    }
    free(m);
    if (st) {
        cli_complain(a->command, "flight of the threat failed: %s", err.message);
        return cli_exit_status(st);
    }
    t->miss_m = f.miss_m;
    t->summary = f.summary;
    t->traj = f.traj;
    return CLI_OK;
}

void cli_required_speed_note(const bmd_required_speed *rs, const bmd_required_speed_options *ro,
                             double burn_time_s, char *buf, size_t n)
{
    if (!rs->possible)
        snprintf(buf, n, "not possible at any speed from %.1f to %.1f km/s (at %.1f: %s)",
                 ro->speed_lo_m_s / 1e3, ro->speed_hi_m_s / 1e3, ro->speed_hi_m_s / 1e3,
                 bmd_engage_reason_name(rs->reason_at_hi));
    else if (rs->from_site)
        snprintf(buf, n, "at most the site's own %.2f km/s (notional copies engage only above it)",
                 rs->site_speed_m_s / 1e3);
    else if (rs->feasible_at_lo)
        snprintf(buf, n, "%.1f km/s or less", ro->speed_lo_m_s / 1e3);
    else
        snprintf(buf, n, "notional interceptor, burn %.0f s, +-%.2f km/s", burn_time_s,
                 ro->tolerance_m_s / 1e3);
}
