/* bmdsim range — maximum range of a catalogue missile against its payload (reentry-vehicle mass),
 * each row a max-range plan search: by default on a non-rotating Earth (the range analysts and
 * catalogues quote), with the best and worst of 12 azimuths on the rotating Earth beside it;
 * with --azimuth, along that heading on the Earth asked for. A range that reaches the antipode is
 * shown as "any point" (JSON: max_range_km null, reaches_any_point true). */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bmd/aim.h"
#include "bmd/geodesy.h"
#include "common.h"

static const cli_option options[] = {
    {"missile", "NAME|FILE", "catalogue name or YAML file", 0},
    {"payload-min", "KG", "smallest reentry-vehicle mass, kg (default half the catalogue's)", 0},
    {"payload-max", "KG", "largest reentry-vehicle mass, kg (default 1.5 x the catalogue's)", 0},
    {"step", "KG", "payload step, kg (default a quarter of the interval)", 0},
    {"from", "LAT,LON", "launch point, degrees (default 0,0)", 0},
    {"azimuth", "DEG", "one launch azimuth, degrees, on the Earth asked for (default: the range on a non-rotating Earth, with the best and worst of 12 azimuths on the rotating one)", 0},
    {"steering", "LAW", "auto (default: the longer max range of the two), gravity-turn or pitch-program", 0},
    {"rise", "S", "vertical rise, s (default 10; 5 with the pitch program)", 0},
    {"earth", "MODEL", "wgs84 (default) or sphere", 0},
    {"no-rotation", NULL, "a non-rotating Earth only (no best/worst azimuth columns)", 0},
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

/* What the sweep assumes: the headline on a non-rotating Earth (an analyst's "maximum range", the
 * catalogue's) unless --azimuth asks for one heading, with the best and worst of AZ_COUNT azimuths
 * on the rotating Earth beside it. */
#define AZ_COUNT 12
#define ANTIPODE_SLACK_M 1000.0

typedef struct range_setup {
    bmd_earth earth;       /* as asked (rotating unless --no-rotation) */
    bmd_earth still;       /* the same shape, not rotating */
    bmd_site site;
    bmd_plan base;
    int one_azimuth;       /* --azimuth given: that heading on earth only */
    int spread;            /* best/worst azimuth on the rotating Earth shown */
    double cap_m;          /* geodesic distance to the antipode of the launch point */
} range_setup;

/* One max range; *capped when it reaches the antipode (any point on Earth is then in reach). */
static int one_range(const cli_args *a, const bmd_earth *earth, const bmd_missile *m,
                     const range_setup *rs, double azimuth_rad, bmd_aim_result *res, int *capped)
{
    bmd_plan base = rs->base;
    base.azimuth_rad = azimuth_rad;
    bmd_error err;
    int st = cli_max_range(a, earth, m, &base, &rs->site, res, &err);
    if (st)
        return cli_library_failure(a->command, st, &err);
    *capped = res->max_range_m >= rs->cap_m - ANTIPODE_SLACK_M;
    return CLI_OK;
}

/* Best and worst max range over AZ_COUNT azimuths on the rotating Earth. */
static int azimuth_spread(const cli_args *a, const bmd_missile *m, const range_setup *rs,
                          double best[2], double worst[2], int caps[2])
{
    best[0] = -INFINITY, worst[0] = INFINITY, caps[0] = caps[1] = 0;
    for (int k = 0; k < AZ_COUNT; k++) {
        double az = 2.0 * M_PI * k / AZ_COUNT;
        bmd_aim_result res;
        int capped = 0, st = one_range(a, &rs->earth, m, rs, az, &res, &capped);
        if (st)
            return st;
        if (res.max_range_m > best[0])
            best[0] = res.max_range_m, best[1] = az, caps[0] = capped;
        if (res.max_range_m < worst[0])
            worst[0] = res.max_range_m, worst[1] = az, caps[1] = capped;
    }
    return CLI_OK;
}

/* A range as JSON: km, or null with the flag reaches_any_point. */
static void json_range(cJSON *o, const char *key, const char *flag, double range_m, int capped)
{
    if (capped)
        cJSON_AddNullToObject(o, key);
    else
        cJSON_AddNumberToObject(o, key, round(range_m) / 1e3);
    cJSON_AddBoolToObject(o, flag, capped);
}

/* A range in the table: km, or "any point". */
static void text_range(char *buf, size_t n, double range_m, int capped, double az_rad)
{
    if (capped)
        snprintf(buf, n, "any point");
    else if (isnan(az_rad))
        snprintf(buf, n, "%.1f", range_m / 1e3);
    else
        snprintf(buf, n, "%.0f @%03.0f", range_m / 1e3, bmd_rad_to_deg(az_rad));
}

static void print_heading(const bmd_catalog_missile *e, const range_setup *rs)
{
    const double lat = bmd_rad_to_deg(rs->site.lat_rad), lon = bmd_rad_to_deg(rs->site.lon_rad);
    const char *shape = rs->earth.kind == BMD_EARTH_SPHERE ? "spherical" : "WGS84";
    if (rs->one_azimuth)
        printf("Maximum range of %s against payload (launch %.4f, %.4f deg, azimuth %.1f deg, "
               "%s %s Earth)\n", e->full_name, lat, lon, bmd_rad_to_deg(rs->base.azimuth_rad),
               rs->earth.omega_rad_s != 0.0 ? "rotating" : "non-rotating", shape);
    else
        printf("Maximum range of %s against payload: on a non-rotating %s Earth (the usual "
               "quoted range)%s\n", e->full_name, shape,
               rs->spread ? "; best and worst of 12 azimuths (every 30 deg) on the rotating "
                            "Earth" : "");
    if (!rs->one_azimuth)
        printf("  launch %.4f, %.4f deg. \"any point\": the range reaches the antipode "
               "(%.1f km), so every point on Earth is in reach\n", lat, lon, rs->cap_m / 1e3);
    printf("  %12s %14s %14s %12s %14s", "payload kg", "max range km", "burnout km/s",
           "apogee km", "flight time s");
    if (rs->spread)
        printf(" %16s %16s", "rotating best", "rotating worst");
    printf("\n");
}

/* Fly the grid and print it. */
static int sweep(const cli_args *a, const bmd_catalog_missile *e, const range_setup *rs,
                 double lo, double hi, double step)
{
    int json = cli_has(a, "json");
    cJSON *arr = json ? cJSON_CreateArray() : NULL;
    if (json && !arr)
        return CLI_FAILED;
    if (!json)
        print_heading(e, rs);
    bmd_missile m = e->missile;
    const bmd_earth *headline = rs->one_azimuth ? &rs->earth : &rs->still;
    int n = (int)floor((hi - lo) / step + 1e-9) + 1;
    for (int i = 0; i < n; i++) {
        m.payload.rv_mass_kg = lo + i * step;
        bmd_aim_result res;
        int capped = 0, st = one_range(a, headline, &m, rs, rs->base.azimuth_rad, &res, &capped);
        double best[2] = {NAN, NAN}, worst[2] = {NAN, NAN};
        int caps[2] = {0, 0};
        if (!st && rs->spread)
            st = azimuth_spread(a, &m, rs, best, worst, caps);
        if (st) {
            cJSON_Delete(arr);
            return st;
        }
        const bmd_flight_summary *s = &res.summary;
        if (json) {
            cJSON *o = cJSON_CreateObject();
            cJSON_AddNumberToObject(o, "payload_kg", m.payload.rv_mass_kg);
            json_range(o, "max_range_km", "reaches_any_point", res.max_range_m, capped);
            cJSON_AddStringToObject(o, "earth", headline->omega_rad_s != 0.0 ? "rotating"
                                                                             : "non-rotating");
            if (rs->one_azimuth)
                cJSON_AddNumberToObject(o, "azimuth_deg", bmd_rad_to_deg(rs->base.azimuth_rad));
            cJSON_AddNumberToObject(o, "burnout_speed_km_s", round(s->burnout_speed_m_s) / 1e3);
            cJSON_AddNumberToObject(o, "apogee_km", round(s->apogee_altitude_m) / 1e3);
            cJSON_AddNumberToObject(o, "flight_time_s", round(s->flight_time_s * 10.0) / 10.0);
            if (rs->spread) {
                json_range(o, "rotating_best_km", "rotating_best_reaches_any_point", best[0],
                           caps[0]);
                cJSON_AddNumberToObject(o, "rotating_best_azimuth_deg", bmd_rad_to_deg(best[1]));
                json_range(o, "rotating_worst_km", "rotating_worst_reaches_any_point", worst[0],
                           caps[1]);
                cJSON_AddNumberToObject(o, "rotating_worst_azimuth_deg",
                                        bmd_rad_to_deg(worst[1]));
            }
            cJSON_AddItemToArray(arr, o);
        } else {
            char r[32], b[32], w[32];
            text_range(r, sizeof r, res.max_range_m, capped, NAN);
            printf("  %12.1f %14s %14.4f %12.1f %14.1f", m.payload.rv_mass_kg, r,
                   s->burnout_speed_m_s / 1e3, s->apogee_altitude_m / 1e3, s->flight_time_s);
            if (rs->spread) {
                text_range(b, sizeof b, best[0], caps[0], best[1]);
                text_range(w, sizeof w, worst[0], caps[1], worst[1]);
                printf(" %16s %16s", b, w);
            }
            printf("\n");
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
    range_setup *rs = calloc(1, sizeof *rs);
    if (!rs) {
        free(e);
        return CLI_FAILED;
    }
    double lo = 0, hi = 0, step = 1, az_deg;
    rs->one_azimuth = cli_has(&a, "azimuth");
    st = cli_latlon(&a, "from", 0, 0, &rs->site.lat_rad, &rs->site.lon_rad);
    if (!st)
        st = cli_number(&a, "azimuth", 90.0, -360, 0, 360, 0, "deg", &az_deg);
    if (!st)
        st = cli_earth_from_args(&a, &rs->earth);
    if (!st)
        st = cli_load_missile(&a, cli_text(&a, "missile"), e);
    if (!st)
        st = payload_grid(&a, e->missile.payload.rv_mass_kg, &lo, &hi, &step);
    if (!st)
        st = cli_base_plan(&a, &e->missile, BMD_STEER_GRAVITY_TURN, bmd_deg_to_rad(az_deg),
                           &rs->base);
    if (!st) {
        rs->still = rs->earth;
        rs->still.omega_rad_s = 0.0;
        rs->spread = !rs->one_azimuth && rs->earth.omega_rad_s != 0.0;
        bmd_geodesy_inverse(&rs->earth, rs->site.lat_rad, rs->site.lon_rad, -rs->site.lat_rad,
                            remainder(rs->site.lon_rad + M_PI, 2.0 * M_PI), &rs->cap_m, NULL, NULL);
        st = sweep(&a, e, rs, lo, hi, step);
    }
    free(rs);
    free(e);
    return st;
}
