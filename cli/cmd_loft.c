/* bmdsim loft — what a lofted test says about a missile's range. Kepler (default): the burnout
 * speed and angle that give the observed apogee and ground range from a stated burnout altitude,
 * and the minimum-energy range at that speed, or, when that speed is orbital, the plain answer
 * "any point on the Earth". --full: a fitted missile flown with the full model, with a band
 * (cmd_loft_full.c). --test NAME takes a published test's figures (loft_tests.c). */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bmd/earth.h"
#include "bmd/kepler.h"
#include "cli.h"
#include "common.h"
#include "loft_cli.h"

static const cli_option options[] = {
    {"test", "NAME", "a published test: its apogee, range, flight time, launch site, template "
                     "('--test list' lists them)", 0},
    {"apogee", "KM", "observed apogee altitude, km (overrides --test)", 0},
    {"range", "KM", "observed ground range, km (overrides --test)", 0},
    {"flight-time", "T", "observed flight time: seconds (2340, 2340s) or minutes (39min)", 0},
    {"altitude", "KM", "Kepler: burnout (and reentry) altitude, km (default 0; --full fits it)", 0},
    {"earth-radius", "KM", "Kepler: radius of the spherical Earth, km (default 6371.0088)", 0},
    {"full", NULL, "fit a notional missile with the full flight model and give a band", 0},
    {"template", "NAME|FILE", "--full: catalogue template (default: the test's, else the "
                              "smallest of hwasong-12/14/15-class, or with --solid minuteman-3, "
                              "rs-24-yars-class, that fits within x1.35 of its size)", 0},
    {"payload", "KG", "--full: test payload, an assumption (default 1000; band 500-1500)", 0},
    {"tw", "MIN,MAX", "--full: lift-off thrust-to-weight bounds, vacuum (default 1.3,2.7 liquid, "
                      "1.8,3.6 solid)", 0},
    {"upper-tw", "MIN,MAX", "--full: upper stages' thrust-to-weight bounds (default 0.6,2.5 "
                            "liquid, 1.2,4 solid)", 0},
    {"solid", NULL, "--full: solid-propellant bounds", 0},
    {"size", "X", "--full: vehicle size held in the fit, x the template (default 1)", 0},
    {"split", "X", "--full: upper stages' propellant x this (default 1)", 0},
    {"apogee-spread", "KM", "--full: apogee +- in the band, km (default 100)", 0},
    {"time-spread", "MIN", "--full: flight time +- in the band, minutes (default 1)", 0},
    {"from", "LAT,LON", "--full: launch point, degrees (default: the test's, else 0,0)", 0},
    {"bearing", "DEG", "--full: azimuth of the test flight, degrees (default 90)", 0},
    {"to", "CITY|LAT,LON", "--full: a target (repeatable; default Los Angeles, Chicago, "
                           "Washington, New York)", 1},
    {"toward", "LAT,LON", "--full: same as --to", 1},
    {"steering", "LAW", "--full: pitch-program (default) or gravity-turn", 0},
    {"rise", "S", "--full: vertical rise, s (default 5 pitch program, 10 gravity turn)", 0},
    {"set", "FIELD=VALUE[,...]", "--full: override template parameters, SI units", 0},
    {"dir", "DIR", "--full: catalogue directory (default $BMD_DATA_DIR/catalog/missiles)", 0},
    {"json", NULL, "print one JSON object instead of a table", 0},
};

static const char usage[] =
    "--apogee KM --range KM [--flight-time T] [--altitude KM] [--json]\n"
    "       bmdsim loft --test NAME [--full] [--payload KG] [--to CITY|LAT,LON ...] [--json]\n"
    "       bmdsim loft --apogee KM --range KM --full [--flight-time T] [--template NAME] "
    "[--from LAT,LON] ...\n"
    "\n"
    "Kepler (default): the free-flight arc through the observed apogee and ground range from the\n"
    "burnout altitude (default 0 km: from the surface; a lofted burn really ends some hundreds of\n"
    "km up, which --full fits), and the minimum-energy range at that burnout speed. When the\n"
    "speed is orbital, it says so: the missile could reach any point on the Earth (exit 0).\n"
    "\n"
    "--full (Wright's method): a catalogue template with the stated test payload is fitted to the\n"
    "apogee and ground range on a non-rotating WGS84 Earth; the size is held (1: the catalogue\n"
    "vehicle) and the burn time fitted, keeping each stage's thrust-to-weight inside --tw and\n"
    "--upper-tw (the size gives only at a bound). The flight time is a check, and chooses between\n"
    "sizes 0.8, 1, 1.25 (weakly: it hardly constrains the vehicle). The fitted vehicle flies a\n"
    "maximum-range trajectory; the band moves the flight time, the apogee, the payload, the stage\n"
    "split and the size one at a time. The band holds in every direction (no rotation); ranges\n"
    "toward targets are on the rotating Earth from the test's launch site. Limits: the answer\n"
    "depends on the template's staging and on the burn time; a notional reconstruction, not the\n"
    "missile. Method and sources: docs/physics.md; tests against published estimates:\n"
    "docs/validation.md.";

static int is_full_only(const char *name)
{
    static const char *names[] = {"template", "from", "bearing", "toward", "to", "steering",
                                  "rise", "set", "dir", "payload", "tw", "upper-tw", "solid",
                                  "size", "split", "apogee-spread", "time-spread"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(names[i], name) == 0)
            return 1;
    return 0;
}

/* --test list: the table of published tests. */
static int list_tests(void)
{
    int n;
    const cli_loft_test *t = cli_loft_tests(&n);
    printf("%-24s %-30s %9s %9s %8s  %s\n", "name", "test", "apogee km", "range km", "time s",
           "published estimate");
    for (int i = 0; i < n; i++)
        printf("%-24s %-30s %9.1f %9.1f %8.0f  %s\n", t[i].name, t[i].label, t[i].apogee_km,
               t[i].range_km, t[i].flight_time_s, t[i].published);
    return ferror(stdout) ? CLI_FAILED : CLI_OK;
}

/* The observation: --test, then --apogee/--range/--flight-time. */
static int read_observation(const cli_args *a, const cli_loft_test *t, double max_range_km,
                            bmd_loft_observation *obs)
{
    double apogee_km, range_km;
    if (cli_number(a, "apogee", t ? t->apogee_km : 0, 10, 0, 25000, 0, "km", &apogee_km) ||
        cli_number(a, "range", t ? t->range_km : 0, 1, 0, max_range_km, 0, "km", &range_km))
        return CLI_USAGE;
    obs->apogee_m = apogee_km * 1e3;
    obs->range_m = range_km * 1e3;
    obs->flight_time_s = t ? t->flight_time_s : NAN;
    const char *ft = cli_text(a, "flight-time");
    if (ft) {
        double s;
        if (cli_loft_parse_time(ft, &s)) {
            cli_complain(a->command, "--flight-time: '%s' is not a time (seconds: 2340 or 2340s; "
                         "minutes: 39min)", ft);
            return CLI_USAGE;
        }
        if (!(s >= 60.0 && s <= 20000.0)) {
            cli_complain(a->command, "--flight-time: %s is %.0f s (%.1f min); accepted: 60 to "
                         "20,000 s (1 to 333 min)", ft, s, s / 60.0);
            return CLI_USAGE;
        }
        obs->flight_time_s = s;
    }
    return CLI_OK;
}

/* The Kepler estimate and its record. */
static int kepler(const cli_args *a, const cli_loft_test *t, const bmd_loft_observation *obs)
{
    cli_sphere s;
    int st = cli_sphere_from_args(a, &s);
    if (st)
        return st;
    const double apogee_km = obs->apogee_m / 1e3, psi = obs->range_m / s.radius_m;
    if (!(apogee_km > s.altitude_km)) {
        cli_complain(a->command, "--apogee: %g km is not above the burnout altitude --altitude "
                     "%g km; accepted: an apogee above the burnout altitude", apogee_km,
                     s.altitude_km);
        return CLI_USAGE;
    }
    if (!(psi < M_PI)) {
        cli_complain(a->command, "--range: %g km is not below half the circumference (%.1f km)",
                     obs->range_m / 1e3, M_PI * s.radius_m / 1e3);
        return CLI_USAGE;
    }
    bmd_error err;
    bmd_loft_kepler k;
    st = bmd_loft_kepler_estimate(s.r_bo_m, s.radius_m + obs->apogee_m, psi, s.mu, &k, &err);
    if (st)
        return cli_library_failure(a->command, st, &err);

    char title[200];
    snprintf(title, sizeof title, "Lofted flight%s%s (Kepler; spherical, non-rotating Earth, "
             "R = %.4f km)", t ? ": " : "", t ? t->label : "", s.radius_m / 1e3);
    cli_record rec = {.title = title};
    cli_record_text(&rec, "model", "model", "kepler");
    if (t)
        cli_record_text(&rec, "test", "test", t->name);
    cli_record_number(&rec, "earth_radius_km", "Earth radius", s.radius_m / 1e3, "km", 4);
    cli_record_number(&rec, "apogee_km", "observed apogee altitude", apogee_km, "km", 1);
    cli_record_number(&rec, "range_km", "observed ground range", psi * s.radius_m / 1e3, "km", 1);
    cli_record_number(&rec, "burnout_altitude_km",
                      cli_has(a, "altitude") ? "burnout altitude (given)"
                                             : "burnout altitude (default: the surface)",
                      s.altitude_km, "km", 1);
    cli_record_number(&rec, "burnout_speed_km_s", "burnout speed", k.burnout_speed_m_s / 1e3,
                      "km/s", 4);
    cli_record_number(&rec, "circular_speed_km_s", "circular speed there",
                      k.circular_speed_m_s / 1e3, "km/s", 4);
    cli_record_number(&rec, "burnout_angle_deg", "burnout flight-path angle",
                      bmd_rad_to_deg(k.burnout_gamma_rad), "deg", 3);
    if (!isnan(k.flight_time_s))
        cli_record_number(&rec, "flight_time_s", "time of free flight (lofted)", k.flight_time_s,
                          "s", 1);
    if (!isnan(obs->flight_time_s))
        cli_record_number(&rec, "observed_flight_time_s", "observed flight time (not used)",
                          obs->flight_time_s, "s", 0);
    cli_record_bool(&rec, "any_point", "orbital speed: any point on the Earth", k.any_point);
    if (k.any_point) {
        cli_record_text(&rec, "answer", "answer",
                        "the implied burnout speed is at or above circular: on a standard "
                        "trajectory the missile could reach any point on the Earth with the "
                        "test payload");
    } else {
        cli_record_number(&rec, "max_range_km", "minimum-energy range at this speed",
                          k.max_range_angle_rad * s.radius_m / 1e3, "km", 1);
        cli_record_number(&rec, "max_range_burnout_angle_deg", "its flight-path angle",
                          bmd_rad_to_deg(k.max_range_gamma_rad), "deg", 3);
        cli_record_number(&rec, "max_range_apogee_km", "its apogee altitude",
                          (k.max_range_apogee_radius_m - s.radius_m) / 1e3, "km", 1);
        cli_record_number(&rec, "max_range_flight_time_s", "its time of free flight",
                          k.max_range_flight_time_s, "s", 1);
    }
    return cli_record_print(&rec, cli_has(a, "json"), stdout);
}

int cli_cmd_loft(int argc, char **argv)
{
    cli_args a;
    int st = cli_parse(&a, "loft", usage, options, (int)(sizeof options / sizeof *options), argc,
                       argv, 2);
    if (st)
        return st < 0 ? CLI_OK : st;
    const cli_loft_test *t = NULL;
    const char *tname = cli_text(&a, "test");
    if (tname) {
        if (strcmp(tname, "list") == 0)
            return list_tests();
        if (!(t = cli_loft_test_find(tname))) {
            cli_complain(a.command, "--test: '%s' is not a known test ('bmdsim loft --test list' "
                         "lists them)", tname);
            return CLI_USAGE;
        }
    }
    if (!t && !cli_has(&a, "apogee"))
        return cli_require(&a, "apogee", "(the observed apogee altitude in km, or --test NAME)");
    if (!t && !cli_has(&a, "range"))
        return cli_require(&a, "range", "(the observed ground range in km, or --test NAME)");
    bmd_loft_observation obs;
    const int full = cli_has(&a, "full");
    if ((st = read_observation(&a, t, full ? 10000.0 : 20015.0, &obs)))
        return st;
    if (full)
        return cli_loft_full(&a, t, &obs);
    for (int i = 0; i < a.n_options; i++)
        if (a.value[i] && is_full_only(a.options[i].name)) {
            cli_complain(a.command, "--%s needs --full", a.options[i].name);
            return CLI_USAGE;
        }
    return kepler(&a, t, &obs);
}
