/* bmdsim range — maximum range of a catalogue missile against its payload (reentry-vehicle mass),
 * each row a max-range plan search. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bmd/aim.h"
#include "common.h"

static const cli_option options[] = {
    {"missile", "NAME|FILE", "catalogue name or YAML file", 0},
    {"payload-min", "KG", "smallest reentry-vehicle mass, kg (default half the catalogue's)", 0},
    {"payload-max", "KG", "largest reentry-vehicle mass, kg (default 1.5 x the catalogue's)", 0},
    {"step", "KG", "payload step, kg (default a quarter of the interval)", 0},
    {"from", "LAT,LON", "launch point, degrees (default 0,0)", 0},
    {"azimuth", "DEG", "launch azimuth, degrees (default 90: east)", 0},
    {"steering", "LAW", "auto (default: the longer max range of the two), gravity-turn or pitch-program", 0},
    {"rise", "S", "vertical rise, s (default 10; 5 with the pitch program)", 0},
    {"earth", "MODEL", "wgs84 (default) or sphere", 0},
    {"no-rotation", NULL, "a non-rotating Earth", 0},
    {"set", "FIELD=VALUE[,...]", "override catalogue parameters, SI units", 0},
    {"dir", "DIR", "catalogue directory (default $BMD_DATA_DIR/catalog/missiles)", 0},
    {"json", NULL, "print a JSON array of objects instead of a table", 0},
};

static const char usage[] = "--missile NAME|FILE [--payload-min KG --payload-max KG --step KG] "
                            "[--from LAT,LON] [--azimuth DEG] [--no-rotation] [--json]";

#define MAX_ROWS 200

/* The payload grid: from the options, or around the catalogue's RV mass. */
static int payload_grid(const cli_args *a, double rv_kg, double *lo, double *hi, double *step)
{
    if (cli_number(a, "payload-min", fmax(1.0, round(0.5 * rv_kg)), 0, 1, 1e6, 0, "kg", lo) ||
        cli_number(a, "payload-max", fmax(*lo, round(1.5 * rv_kg)), 0, 1, 1e6, 0, "kg", hi))
        return CLI_USAGE;
    if (*hi < *lo) {
        cli_complain(a->command, "--payload-max %g kg is below --payload-min %g kg", *hi, *lo);
        return CLI_USAGE;
    }
    double fallback = *hi > *lo ? (*hi - *lo) / 4.0 : 1.0;
    if (cli_number(a, "step", fallback, 0, 1, 1e6, 0, "kg", step))
        return CLI_USAGE;
    if ((*hi - *lo) / *step + 1.0 > MAX_ROWS + 1e-9) {
        cli_complain(a->command, "--step %g kg gives more than %d rows", *step, MAX_ROWS);
        return CLI_USAGE;
    }
    return CLI_OK;
}

/* Fly the grid and print it. */
static int sweep(const cli_args *a, const bmd_catalog_missile *e, const bmd_earth *earth,
                 const bmd_site *site, const bmd_plan *base, double lo, double hi, double step)
{
    int json = cli_has(a, "json");
    cJSON *arr = json ? cJSON_CreateArray() : NULL;
    if (json && !arr)
        return CLI_FAILED;
    if (!json)
        printf("Maximum range of %s against payload (launch %.4f, %.4f deg, azimuth %.1f deg, %s)\n"
               "  %12s %14s %14s %12s %14s\n",
               e->full_name, bmd_rad_to_deg(site->lat_rad), bmd_rad_to_deg(site->lon_rad),
               bmd_rad_to_deg(base->azimuth_rad),
               earth->omega_rad_s != 0.0 ? "rotating Earth" : "non-rotating Earth",
               "payload kg", "max range km", "burnout km/s", "apogee km", "flight time s");
    bmd_missile m = e->missile;
    int n = (int)floor((hi - lo) / step + 1e-9) + 1;
    for (int i = 0; i < n; i++) {
        m.payload.rv_mass_kg = lo + i * step;
        bmd_aim_result res;
        bmd_error err;
        int st = cli_max_range(a, earth, &m, base, site, &res, &err);
        if (st) {
            cJSON_Delete(arr);
            return cli_library_failure(a->command, st, &err);
        }
        const bmd_flight_summary *s = &res.summary;
        if (json) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddNumberToObject(o, "payload_kg", m.payload.rv_mass_kg);
            cJSON_AddNumberToObject(o, "max_range_km", round(res.max_range_m) / 1e3);
            cJSON_AddNumberToObject(o, "burnout_speed_km_s", round(s->burnout_speed_m_s) / 1e3);
            cJSON_AddNumberToObject(o, "apogee_km", round(s->apogee_altitude_m) / 1e3);
            cJSON_AddNumberToObject(o, "flight_time_s", round(s->flight_time_s * 10.0) / 10.0);
            cJSON_AddItemToArray(arr, o);
        } else {
            printf("  %12.1f %14.1f %14.4f %12.1f %14.1f\n", m.payload.rv_mass_kg,
                   res.max_range_m / 1e3, s->burnout_speed_m_s / 1e3, s->apogee_altitude_m / 1e3,
                   s->flight_time_s);
        }
    }
    if (json) {
        char *text = cJSON_PrintUnformatted(arr);
        cJSON_Delete(arr);
        if (!text)
            return CLI_FAILED;
        printf("%s\n", text);
        cJSON_free(text);
    }
    return ferror(stdout) ? CLI_FAILED : CLI_OK;
}

int cli_cmd_range(int argc, char **argv)
{
    cli_args a;
    int st = cli_parse(&a, "range", usage, options, (int)(sizeof options / sizeof *options), argc,
                       argv, 2);
    if (st)
        return st < 0 ? CLI_OK : st;
    if (!cli_has(&a, "missile"))
        return cli_require(&a, "missile", "(a catalogue name or a YAML file)");
    bmd_catalog_missile *e = malloc(sizeof *e);
    if (!e)
        return CLI_FAILED;
    bmd_earth earth;
    bmd_site site = {0, 0, 0};
    bmd_plan base;
    double lo = 0, hi = 0, step = 1, az_deg;
    st = cli_latlon(&a, "from", 0, 0, &site.lat_rad, &site.lon_rad);
    if (!st)
        st = cli_number(&a, "azimuth", 90.0, -360, 0, 360, 0, "deg", &az_deg);
    if (!st)
        st = cli_earth_from_args(&a, &earth);
    if (!st)
        st = cli_load_missile(&a, cli_text(&a, "missile"), e);
    if (!st)
        st = payload_grid(&a, e->missile.payload.rv_mass_kg, &lo, &hi, &step);
    if (!st)
        st = cli_base_plan(&a, &e->missile, BMD_STEER_GRAVITY_TURN, bmd_deg_to_rad(az_deg), &base);
    if (!st)
        st = sweep(&a, e, &earth, &site, &base, lo, hi, step);
    free(e);
    return st;
}
