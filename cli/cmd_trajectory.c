/* bmdsim trajectory — fly a catalogue missile: on a max-range, lofted (apogee or burnout angle) or
 * given-kick plan along an azimuth, or aimed at a target; the summary, and the time series as CSV. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/aim.h"
#include "bmd/geodesy.h"
#include "bmd/geojson.h"
#include "bmd/kml.h"
#include "bmd/scene.h"
#include "common.h"
#include "flight_out.h"
#include "outputs.h"

static const cli_option options[] = {
    {"missile", "NAME|FILE", "catalogue name or YAML file", 0},
    {"from", "LAT,LON", "launch point, degrees", 0},
    {"to", "LAT,LON", "target point, degrees: aim at it", 0},
    {"shape", "SHAPE", "with --to: min-energy (default: least burnout speed), lofted, depressed, or cutoff (max-range steering, thrust cut off)", 0},
    {"azimuth", "DEG", "launch azimuth, degrees clockwise from north", 0},
    {"max-range", NULL, "with --azimuth: the max-range plan (the default)", 0},
    {"apogee", "KM", "with --azimuth: the lofted plan with this apogee altitude, km", 0},
    {"burnout-angle", "DEG", "with --azimuth: the plan with this burnout flight-path angle", 0},
    {"kick", "DEG", "with --azimuth: gravity turn with this kick from vertical, [0, 90) deg", 0},
    {"payload", "KG", "reentry-vehicle mass, kg (default the catalogue's)", 0},
    {"steering", "LAW", "auto (default: the longer max range of the two), gravity-turn or pitch-program", 0},
    {"rise", "S", "vertical rise, s (default 10; 5 with the pitch program)", 0},
    {"earth", "MODEL", "wgs84 (default) or sphere", 0},
    {"no-rotation", NULL, "a non-rotating Earth", 0},
    {"csv", "FILE", "write the time series to FILE (CSV, units in the column names)", 0},
    {"geojson", "FILE", "write launch, target and the 3-D track to FILE (GeoJSON, RFC 7946)", 0},
    {"kml", "FILE", "write launch, target and the 3-D track to FILE (KML 2.2, Google Earth; the track also time-stamped for the time slider)", 0},
    {"czml", "FILE", "write launch, target and the track sampled in time to FILE (CZML, CesiumJS)", 0},
    {"epoch", "TIME", "launch time in --kml and --czml, ISO 8601 UTC (default 2026-01-01T00:00:00Z, an assumption)", 0},
    {"interval", "S", "time step of the CSV series, s (default 1; at least 0.01)", 0},
    {"set", "FIELD=VALUE[,...]", "override catalogue parameters, SI units", 0},
    {"dir", "DIR", "catalogue directory (default $BMD_DATA_DIR/catalog/missiles)", 0},
    {"json", NULL, "print one JSON object instead of a table", 0},
};

static const char usage[] =
    "--missile NAME|FILE --from LAT,LON (--to LAT,LON [--shape min-energy|lofted|depressed|cutoff] | "
    "--azimuth DEG [--max-range | --apogee KM | --burnout-angle DEG | --kick DEG]) "
    "[--payload KG] [--steering auto|gravity-turn|pitch-program] [--earth wgs84|sphere] "
    "[--no-rotation] [--json] [--csv FILE] [--geojson FILE] [--kml FILE] [--czml FILE] [--epoch TIME]";

/* What the command computed. */
typedef struct traj_run {
    bmd_earth earth;
    bmd_site site;
    bmd_aim_result res;
    const char *mode;
    int aimed;
    double target_lat, target_lon, target_dist_m;
    int evaluations;
} traj_run;

/* Which of the mutually exclusive plan options was given (NULL: none); CLI_USAGE if several. */
static int plan_option(const cli_args *a, const char **which)
{
    static const char *names[] = {"max-range", "apogee", "burnout-angle", "kick"};
    *which = NULL;
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (!cli_has(a, names[i]))
            continue;
        if (*which) {
            cli_complain(a->command, "--%s and --%s cannot both be given", *which, names[i]);
            return CLI_USAGE;
        }
        *which = names[i];
    }
    return CLI_OK;
}

/* Aim at --to: the one threat flight (bmd_aim_fly_to), as engage, sensor, scenario, footprint
 * and report fly it. */
static int run_aimed(const cli_args *a, const bmd_missile *m, traj_run *r, bmd_error *err)
{
    int st = cli_latlon(a, "to", 0, 0, &r->target_lat, &r->target_lon);
    if (st)
        return st;
    bmd_aim_fly_options fo;
    if ((st = cli_fly_options(a, &fo)))
        return st;
    bmd_aim_flight f;
    st = bmd_aim_fly_to(&r->earth, m, &r->site, r->target_lat, r->target_lon, &fo, 0, &f, err);
    if (st)
        return cli_library_failure(a->command, st, err);
    memset(&r->res, 0, sizeof r->res);
    r->res.plan = f.plan;
    r->res.summary = f.summary;
    r->res.reachable = f.reachable;
    r->res.max_range_m = f.max_range_m;
    r->res.miss_m = f.miss_m;
    r->res.evaluations = f.evaluations;
    r->target_dist_m = f.target_distance_m;
    r->evaluations = f.evaluations;
    r->aimed = 1;
    r->mode = fo.shape == BMD_AIM_LOFTED      ? "aimed, lofted"
              : fo.shape == BMD_AIM_DEPRESSED ? "aimed, depressed"
              : fo.shape == BMD_AIM_CUTOFF    ? "aimed, max-range steering with thrust cut-off"
                                              : "aimed, minimum energy";
    return CLI_OK;
}

/* Fly along --azimuth with the plan option given. */
static int run_azimuth(const cli_args *a, const bmd_missile *m, traj_run *r, bmd_error *err)
{
    const char *which;
    double az_deg;
    int st = plan_option(a, &which);
    if (st || (st = cli_number(a, "azimuth", 0, -360, 0, 360, 0, "deg", &az_deg)))
        return st;
    bmd_plan base;
    if ((st = cli_base_plan(a, m, BMD_STEER_GRAVITY_TURN, bmd_deg_to_rad(az_deg), &base)))
        return st;
    r->mode = which ? which : "max-range";
    int kick = which && strcmp(which, "kick") == 0;
    if (!kick && cli_steering_auto(a) && which && strcmp(which, "max-range") != 0) {
        /* apogee or burnout angle: with the law of the longer max range */
        bmd_aim_result max;
        if ((st = cli_max_range(a, &r->earth, m, &base, &r->site, &max, err)))
            return cli_library_failure(a->command, st, err);
        base = max.plan;
    }
    if (!which || strcmp(which, "max-range") == 0) {
        st = cli_max_range(a, &r->earth, m, &base, &r->site, &r->res, err);
    } else if (strcmp(which, "apogee") == 0) {
        double km;
        if (cli_number(a, "apogee", 0, 0, 1, 1e5, 0, "km", &km))
            return CLI_USAGE;
        st = bmd_aim_apogee(&r->earth, m, &base, &r->site, km * 1e3, NULL, &r->res, err);
    } else if (strcmp(which, "burnout-angle") == 0) {
        double deg;
        if (cli_number(a, "burnout-angle", 0, 0, 1, 90, 1, "deg", &deg))
            return CLI_USAGE;
        st = bmd_aim_burnout_angle(&r->earth, m, &base, &r->site, bmd_deg_to_rad(deg), NULL,
                                   &r->res, err);
    } else {
        double deg;
        if (cli_number(a, "kick", 0, 0, 0, 90, 1, "deg", &deg))
            return CLI_USAGE;
        if (base.steering != BMD_STEER_GRAVITY_TURN) {
            cli_complain(a->command, "--kick needs the gravity turn (not --steering %s)",
                         cli_text(a, "steering"));
            return CLI_USAGE;
        }
        base.kick_rad = bmd_deg_to_rad(deg);
        memset(&r->res, 0, sizeof r->res);
        r->res.plan = base;
        r->res.evaluations = 1;
        r->res.max_range_m = NAN;
        st = bmd_trajectory_fly(&r->earth, m, &base, r->site.lat_rad, r->site.lon_rad,
                                r->site.height_m, NULL, &r->res.summary, NULL, err);
    }
    if (st)
        return cli_library_failure(a->command, st, err);
    r->evaluations = r->res.evaluations;
    return CLI_OK;
}

/* Check which options go together. */
static int check_combination(const cli_args *a)
{
    if (!cli_has(a, "missile"))
        return cli_require(a, "missile", "(a catalogue name or a YAML file)");
    if (!cli_has(a, "from"))
        return cli_require(a, "from", "(the launch point LAT,LON in degrees)");
    int to = cli_has(a, "to"), az = cli_has(a, "azimuth");
    if (to == az) {
        cli_complain(a->command, "give either --to LAT,LON or --azimuth DEG");
        return CLI_USAGE;
    }
    const char *which;
    if (plan_option(a, &which))
        return CLI_USAGE;
    if (to && which) {
        cli_complain(a->command, "--%s goes with --azimuth; with --to use --shape", which);
        return CLI_USAGE;
    }
    if (az && cli_has(a, "shape")) {
        cli_complain(a->command, "--shape goes with --to");
        return CLI_USAGE;
    }
    return CLI_OK;
}

/* Write the time series every dt_s as CSV, GeoJSON, KML and/or CZML (each NULL path skipped),
 * all or none (cli/outputs.h). The CSV alone is streamed: the flight is flown while the file is
 * written, one row at a time, so memory does not grow with the rows. A GeoJSON, KML or CZML track
 * needs the series in memory: then the flight is stored once and every file is written from it. */
static int write_series(const cli_args *a, const bmd_catalog_missile *e, const traj_run *r,
                        double dt_s, const char *csv, const char *geojson, const char *kml,
                        const char *czml)
{
    bmd_flight_options opt;
    bmd_flight_options_init(&opt);
    opt.sample_interval_s = dt_s;
    bmd_trajectory tr = {0};
    bmd_flight_summary again;
    bmd_error err;
    int st = CLI_OK;
    const int scene = geojson || kml || czml;
    if (scene) {
        st = bmd_trajectory_fly(&r->earth, &e->missile, &r->res.plan, r->site.lat_rad,
                                r->site.lon_rad, r->site.height_m, &opt, &again, &tr, &err);
        if (st) {
            bmd_trajectory_free(&tr);
            return cli_library_failure(a->command, st, &err);
        }
    }
    /* every file, or none */
    cli_outputs out;
    int i_csv = -1, i_gj = -1, i_kml = -1;
    if ((st = cli_outputs_open(&out, a->command, 1)) == CLI_OK &&
        (st = cli_outputs_add(&out, csv, 0, &i_csv)) == CLI_OK &&
        (st = cli_outputs_add(&out, geojson, 0, &i_gj)) == CLI_OK &&
        (st = cli_outputs_add(&out, kml, 0, &i_kml)) == CLI_OK &&
        (st = cli_outputs_add(&out, czml, 0, &out.czml)) == CLI_OK &&
        (st = cli_outputs_epoch(&out, a)) == CLI_OK) {
        if (scene) {
            st = cli_outputs_write(&out, i_csv, cli_csv_write, &tr);
        } else {
            cli_csv_flight flight = {&r->earth, &e->missile, &r->res.plan, r->site.lat_rad,
                                     r->site.lon_rad, r->site.height_m, &opt};
            st = cli_outputs_write(&out, i_csv, cli_csv_stream_write, &flight);
        }
    }
    if (!st && scene) {
        bmd_scene sc;
        bmd_scene_init(&sc, &r->earth);
        int lib = bmd_scene_set_title(&sc, e->full_name[0] ? e->full_name : e->missile.name, &err);
        if (!lib)
            lib = bmd_scene_add_site(&sc, "launch", BMD_SITE_LAUNCH, r->site.lat_rad,
                                     r->site.lon_rad, r->site.height_m, NULL, &err);
        if (!lib && r->aimed)
            lib = bmd_scene_add_site(&sc, "target", BMD_SITE_TARGET, r->target_lat, r->target_lon,
                                     0.0, NULL, &err);
        if (!lib)
            lib = bmd_scene_add_trajectory(&sc, e->missile.name, e->missile.name, &tr, &again,
                                           NULL, &err);
        st = lib ? cli_library_failure(a->command, lib, &err)
                 : cli_outputs_write_scene(&out, &sc, i_gj, i_kml);
        bmd_scene_free(&sc);
    }
    if (!st)
        st = cli_outputs_commit(&out);
    cli_outputs_close(&out);
    bmd_trajectory_free(&tr);
    return st;
}

static int report(const cli_args *a, const bmd_catalog_missile *e, traj_run *r)
{
    char title[256];
    snprintf(title, sizeof title, "Trajectory of %s (%s, %s Earth, %s)", e->full_name, r->mode,
             r->earth.kind == BMD_EARTH_SPHERE ? "spherical" : "WGS84",
             r->earth.omega_rad_s != 0.0 ? "rotating" : "not rotating");
    cli_record rec = {.title = title};
    cli_record_text(&rec, "missile", "missile", e->missile.name);
    cli_record_text(&rec, "mode", "plan", r->mode);
    cli_record_number(&rec, "launch_lat", "launch latitude", bmd_rad_to_deg(r->site.lat_rad), "deg",
                      4);
    cli_record_number(&rec, "launch_lon", "launch longitude", bmd_rad_to_deg(r->site.lon_rad), "deg",
                      4);
    cli_record_number(&rec, "payload_kg", "reentry-vehicle mass", e->missile.payload.rv_mass_kg,
                      "kg", 1);
    if (r->aimed) {
        cli_record_number(&rec, "target_lat", "target latitude", bmd_rad_to_deg(r->target_lat),
                          "deg", 4);
        cli_record_number(&rec, "target_lon", "target longitude", bmd_rad_to_deg(r->target_lon),
                          "deg", 4);
        cli_record_number(&rec, "target_distance_km", "target distance", r->target_dist_m / 1e3,
                          "km", 1);
        cli_record_bool(&rec, "reachable", "target within reach", r->res.reachable);
        cli_record_number(&rec, "miss_m", "miss distance", r->res.miss_m, "m", 1);
    }
    if (isfinite(r->res.max_range_m) && r->res.max_range_m > 0.0)
        cli_record_number(&rec, "max_range_km", r->aimed ? "maximum range along the bearing"
                                                         : "maximum range",
                          r->res.max_range_m / 1e3, "km", 1);
    cli_record_flight(&rec, &r->res.summary);
    cli_record_plan(&rec, &r->res.plan);
    cli_record_number(&rec, "evaluations", "trajectories flown", r->evaluations, "", 0);
    const char *csv = cli_text(a, "csv"), *geojson = cli_text(a, "geojson");
    const char *kml = cli_text(a, "kml"), *czml = cli_text(a, "czml");
    if (csv || geojson || kml || czml) {
        double dt;
        if (cli_number(a, "interval", 1.0, CLI_MIN_INTERVAL_S, 0, 3600.0, 0, "s", &dt) ||
            cli_series_rows_check(a, r->res.summary.flight_time_s, dt))
            return CLI_USAGE;
        int st = write_series(a, e, r, dt, csv, geojson, kml, czml);
        if (st)
            return st;
    }
    return cli_record_print(&rec, cli_has(a, "json"), stdout);
}

int cli_cmd_trajectory(int argc, char **argv)
{
    cli_args a;
    int st = cli_parse(&a, "trajectory", usage, options, (int)(sizeof options / sizeof *options),
                       argc, argv, 2);
    if (st)
        return st < 0 ? CLI_OK : st;
    if ((st = check_combination(&a)))
        return st;
    traj_run *r = calloc(1, sizeof *r);
    bmd_catalog_missile *e = malloc(sizeof *e);
    if (!r || !e) {
        free(r);
        free(e);
        return CLI_FAILED;
    }
    bmd_error err;
    double payload;
    st = cli_latlon(&a, "from", 0, 0, &r->site.lat_rad, &r->site.lon_rad);
    if (!st)
        st = cli_earth_from_args(&a, &r->earth);
    if (!st)
        st = cli_number(&a, "payload", NAN, 0, 1, 1e6, 0, "kg", &payload);
    if (!st)
        st = cli_load_missile(&a, cli_text(&a, "missile"), e);
    if (!st && !isnan(payload))
        e->missile.payload.rv_mass_kg = payload;
    if (!st)
        st = cli_has(&a, "to") ? run_aimed(&a, &e->missile, r, &err)
                               : run_azimuth(&a, &e->missile, r, &err);
    if (!st)
        st = report(&a, e, r);
    if (!st && cli_has(&a, "to") && !r->res.reachable) { /* printed; no flight reaches it */
        cli_complain(a.command, "--to: the target is out of reach (the flight shown is the "
                     "longest along the bearing)");
        st = CLI_NO_SOLUTION;
    }
    free(r);
    free(e);
    return st;
}
