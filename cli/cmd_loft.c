/* bmdsim loft — what a lofted test says about a missile's range (Kepler only): the burnout speed
 * and angle that give the observed apogee and ground range, and the range that burnout speed
 * reaches on a minimum-energy trajectory. */
#include <stdio.h>
#include <string.h>

#include "bmd/earth.h"
#include "bmd/kepler.h"
#include "cli.h"
#include "common.h"

static const cli_option options[] = {
    {"apogee", "KM", "observed apogee altitude, km", 0},
    {"range", "KM", "observed ground range, km", 0},
    {"altitude", "KM", "Kepler: burnout and reentry altitude, km (default 0)", 0},
    {"earth-radius", "KM", "Kepler: radius of the spherical Earth, km (default 6371.0088)", 0},
    {"full", NULL, "fit a notional missile with the full flight model (see docs/physics.md)", 0},
    {"flight-time", "S", "--full: observed flight time, s (then the burn time is fitted too)", 0},
    {"template", "NAME|FILE", "--full: catalogue template (default hwasong-14-class)", 0},
    {"from", "LAT,LON", "--full: launch point of the test, degrees (default 0,0)", 0},
    {"bearing", "DEG", "--full: azimuth of the test flight, degrees (default 90)", 0},
    {"toward", "LAT,LON", "--full: a target: range along its bearing with rotation (repeatable)", 1},
    {"steering", "LAW", "--full: pitch-program (default) or gravity-turn", 0},
    {"rise", "S", "--full: vertical rise, s (default 5 pitch program, 10 gravity turn)", 0},
    {"set", "FIELD=VALUE[,...]", "--full: override template parameters, SI units", 0},
    {"dir", "DIR", "--full: catalogue directory (default $BMD_DATA_DIR/catalog/missiles)", 0},
    {"json", NULL, "print one JSON object instead of a table", 0},
};

static const char usage[] =
    "--apogee KM --range KM [--altitude KM] [--earth-radius KM] [--json]\n"
    "       bmdsim loft --apogee KM --range KM --full [--flight-time S] [--template NAME] "
    "[--from LAT,LON] [--bearing DEG] [--toward LAT,LON ...] [--json]";

static int is_full_only(const char *name)
{
    static const char *names[] = {"flight-time", "template", "from", "bearing", "toward",
                                  "steering", "rise", "set", "dir"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(names[i], name) == 0)
            return 1;
    return 0;
}

int cli_cmd_loft(int argc, char **argv)
{
    cli_args a;
    int st = cli_parse(&a, "loft", usage, options, (int)(sizeof options / sizeof *options), argc,
                       argv, 2);
    if (st)
        return st < 0 ? CLI_OK : st;
    if (!cli_has(&a, "apogee"))
        return cli_require(&a, "apogee", "(the observed apogee altitude in km)");
    if (!cli_has(&a, "range"))
        return cli_require(&a, "range", "(the observed ground range in km)");
    if (cli_has(&a, "full"))
        return cli_loft_full(&a);
    for (int i = 0; i < a.n_options; i++)
        if (a.value[i] && is_full_only(a.options[i].name)) {
            cli_complain(a.command, "--%s needs --full", a.options[i].name);
            return CLI_USAGE;
        }
    cli_sphere s;
    double psi, apogee_km;
    if ((st = cli_sphere_from_args(&a, &s)) || (st = cli_range_angle(&a, &s, &psi)))
        return st;
    if (cli_number(&a, "apogee", 0, s.altitude_km, 1, 1e6, 0, "km (above --altitude)", &apogee_km))
        return CLI_USAGE;

    bmd_error err;
    bmd_kepler_loft loft;
    st = bmd_kepler_loft_infer(s.r_bo_m, s.radius_m + apogee_km * 1e3, psi, s.mu, &loft, &err);
    if (st)
        return cli_library_failure(a.command, st, &err);

    char title[160];
    snprintf(title, sizeof title,
             "Lofted flight (Kepler; spherical, non-rotating Earth, R = %.4f km)", s.radius_m / 1e3);
    cli_record rec = {.title = title};
    cli_record_text(&rec, "model", "model", "kepler");
    cli_record_number(&rec, "earth_radius_km", "Earth radius", s.radius_m / 1e3, "km", 4);
    cli_record_number(&rec, "apogee_km", "observed apogee altitude", apogee_km, "km", 1);
    cli_record_number(&rec, "range_km", "observed ground range", psi * s.radius_m / 1e3, "km", 1);
    cli_record_number(&rec, "burnout_altitude_km", "burnout altitude", s.altitude_km, "km", 1);
    cli_record_number(&rec, "burnout_speed_km_s", "burnout speed", loft.burnout_speed_m_s / 1e3,
                      "km/s", 4);
    cli_record_number(&rec, "burnout_angle_deg", "burnout flight-path angle",
                      bmd_rad_to_deg(loft.burnout_gamma_rad), "deg", 3);
    cli_record_number(&rec, "flight_time_s", "time of free flight (lofted)", loft.flight_time_s,
                      "s", 1);
    cli_record_number(&rec, "max_range_km", "minimum-energy range at this speed",
                      loft.max_range_angle_rad * s.radius_m / 1e3, "km", 1);
    cli_record_number(&rec, "max_range_burnout_angle_deg", "its flight-path angle",
                      bmd_rad_to_deg(loft.max_range_gamma_rad), "deg", 3);
    cli_record_number(&rec, "max_range_apogee_km", "its apogee altitude",
                      (loft.max_range_apogee_radius_m - s.radius_m) / 1e3, "km", 1);
    cli_record_number(&rec, "max_range_flight_time_s", "its time of free flight",
                      loft.max_range_flight_time_s, "s", 1);
    return cli_record_print(&rec, cli_has(&a, "json"), stdout);
}
