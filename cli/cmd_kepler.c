/* bmdsim kepler — analytic free flight over a spherical, non-rotating Earth (BMW ch. 6). */
#include <math.h>
#include <stdio.h>

#include "bmd/earth.h"
#include "bmd/kepler.h"
#include "cli.h"
#include "common.h"

static const cli_option options[] = {
    {"speed", "KM_S", "burnout speed relative to the Earth, km/s", 0},
    {"angle", "DEG", "burnout flight-path angle above the horizontal, degrees, in (0, 90)", 0},
    {"range", "KM", "ground range, km (at most half the circumference)", 0},
    {"min-energy", NULL, "with --range: the minimum-energy (maximum-range) trajectory", 0},
    {"altitude", "KM", "burnout and reentry altitude, km (default 0)", 0},
    {"earth-radius", "KM", "radius of the spherical Earth, km (default 6371.0088)", 0},
    {"json", NULL, "print one JSON object instead of a table", 0},
};

static const char usage[] =
    "(--speed KM_S --angle DEG | --range KM --min-energy | --range KM --speed KM_S) "
    "[--altitude KM] [--earth-radius KM] [--json]";

/* Speed and angle given: the arc, and the best this speed can do. */
static int arc_from_speed_angle(const cli_args *a, const cli_sphere *s, cli_record *rec)
{
    double v_km_s, angle_deg;
    if (cli_number(a, "speed", 0, 0, 1, 1e3, 0, "km/s", &v_km_s) ||
        cli_number(a, "angle", 0, 0, 1, 90, 1, "degrees", &angle_deg))
        return CLI_USAGE;
    bmd_error err;
    bmd_kepler_arc arc;
    int st = bmd_kepler_arc_from_burnout(s->r_bo_m, v_km_s * 1e3, bmd_deg_to_rad(angle_deg),
                                         s->mu, &arc, &err);
    if (st)
        return cli_library_failure(a->command, st, &err);
    double psi_max = NAN, gamma_opt = NAN;
    if (arc.q < 1.0 && bmd_kepler_max_range(s->r_bo_m, v_km_s * 1e3, s->mu, &psi_max, &gamma_opt,
                                            NULL) != BMD_SUCCESS)
        psi_max = gamma_opt = NAN;
    cli_record_number(rec, "burnout_speed_km_s", "burnout speed", v_km_s, "km/s", 4);
    cli_record_number(rec, "burnout_angle_deg", "burnout flight-path angle", angle_deg, "deg", 3);
    cli_record_number(rec, "burnout_altitude_km", "burnout altitude", s->altitude_km, "km", 1);
    cli_record_number(rec, "range_km", "ground range", arc.range_angle_rad * s->radius_m / 1e3,
                      "km", 1);
    cli_record_number(rec, "range_angle_deg", "free-flight range angle",
                      bmd_rad_to_deg(arc.range_angle_rad), "deg", 3);
    cli_record_number(rec, "apogee_km", "apogee altitude", (arc.apogee_radius_m - s->radius_m) / 1e3,
                      "km", 1);
    cli_record_number(rec, "apogee_speed_km_s", "speed at apogee", arc.apogee_speed_m_s / 1e3,
                      "km/s", 4);
    cli_record_number(rec, "flight_time_s", "time of free flight", arc.flight_time_s, "s", 1);
    cli_record_number(rec, "max_range_km", "maximum range at this speed",
                      psi_max * s->radius_m / 1e3, "km", 1);
    cli_record_number(rec, "max_range_angle_deg", "flight-path angle for maximum range",
                      bmd_rad_to_deg(gamma_opt), "deg", 3);
    return CLI_OK;
}

/* Range given: the minimum-energy trajectory. */
static int min_energy(const cli_args *a, const cli_sphere *s, double psi, cli_record *rec)
{
    bmd_error err;
    double v, gamma;
    int st = bmd_kepler_min_energy(s->r_bo_m, psi, s->mu, &v, &gamma, &err);
    bmd_kepler_arc arc;
    if (!st)
        st = bmd_kepler_arc_from_burnout(s->r_bo_m, v, gamma, s->mu, &arc, &err);
    if (st)
        return cli_library_failure(a->command, st, &err);
    cli_record_text(rec, "trajectory", "trajectory", "minimum energy");
    cli_record_number(rec, "range_km", "ground range", psi * s->radius_m / 1e3, "km", 1);
    cli_record_number(rec, "burnout_speed_km_s", "burnout speed", v / 1e3, "km/s", 4);
    cli_record_number(rec, "burnout_angle_deg", "burnout flight-path angle",
                      bmd_rad_to_deg(gamma), "deg", 3);
    cli_record_number(rec, "burnout_altitude_km", "burnout altitude", s->altitude_km, "km", 1);
    cli_record_number(rec, "apogee_km", "apogee altitude", (arc.apogee_radius_m - s->radius_m) / 1e3,
                      "km", 1);
    cli_record_number(rec, "flight_time_s", "time of free flight", arc.flight_time_s, "s", 1);
    return CLI_OK;
}

/* Range and speed given: the low and high trajectories that reach it. */
static int angles_for_range(const cli_args *a, const cli_sphere *s, double psi, cli_record *rec)
{
    double v_km_s;
    if (cli_number(a, "speed", 0, 0, 1, 1e3, 0, "km/s", &v_km_s))
        return CLI_USAGE;
    bmd_error err;
    double lo, hi;
    bmd_kepler_arc arc_lo, arc_hi;
    int st = bmd_kepler_angles_for_range(s->r_bo_m, v_km_s * 1e3, psi, s->mu, &lo, &hi, &err);
    if (!st)
        st = bmd_kepler_arc_from_burnout(s->r_bo_m, v_km_s * 1e3, lo, s->mu, &arc_lo, &err);
    if (!st)
        st = bmd_kepler_arc_from_burnout(s->r_bo_m, v_km_s * 1e3, hi, s->mu, &arc_hi, &err);
    if (st)
        return cli_library_failure(a->command, st, &err);
    cli_record_number(rec, "range_km", "ground range", psi * s->radius_m / 1e3, "km", 1);
    cli_record_number(rec, "burnout_speed_km_s", "burnout speed", v_km_s, "km/s", 4);
    cli_record_number(rec, "burnout_altitude_km", "burnout altitude", s->altitude_km, "km", 1);
    cli_record_number(rec, "low_burnout_angle_deg", "low trajectory: flight-path angle",
                      bmd_rad_to_deg(lo), "deg", 3);
    cli_record_number(rec, "low_apogee_km", "low trajectory: apogee altitude",
                      (arc_lo.apogee_radius_m - s->radius_m) / 1e3, "km", 1);
    cli_record_number(rec, "low_flight_time_s", "low trajectory: time of free flight",
                      arc_lo.flight_time_s, "s", 1);
    cli_record_number(rec, "high_burnout_angle_deg", "high trajectory: flight-path angle",
                      bmd_rad_to_deg(hi), "deg", 3);
    cli_record_number(rec, "high_apogee_km", "high trajectory: apogee altitude",
                      (arc_hi.apogee_radius_m - s->radius_m) / 1e3, "km", 1);
    cli_record_number(rec, "high_flight_time_s", "high trajectory: time of free flight",
                      arc_hi.flight_time_s, "s", 1);
    return CLI_OK;
}

int cli_cmd_kepler(int argc, char **argv)
{
    cli_args a;
    int st = cli_parse(&a, "kepler", usage, options, (int)(sizeof options / sizeof *options), argc,
                       argv, 2);
    if (st)
        return st < 0 ? CLI_OK : st;
    cli_sphere s;
    if ((st = cli_sphere_from_args(&a, &s)))
        return st;

    char title[160];
    snprintf(title, sizeof title,
             "Free flight (Kepler; spherical, non-rotating Earth, R = %.4f km)", s.radius_m / 1e3);
    cli_record rec = {.title = title};
    cli_record_text(&rec, "model", "model", "kepler");
    cli_record_number(&rec, "earth_radius_km", "Earth radius", s.radius_m / 1e3, "km", 4);

    int has_speed = cli_has(&a, "speed"), has_angle = cli_has(&a, "angle");
    int has_range = cli_has(&a, "range"), has_min = cli_has(&a, "min-energy");
    if (has_range) {
        double psi;
        if ((st = cli_range_angle(&a, &s, &psi)))
            return st;
        if (has_angle) {
            cli_complain(a.command, "--angle cannot be combined with --range (give --speed for "
                         "the two trajectories, or --min-energy)");
            return CLI_USAGE;
        }
        if (has_min && has_speed) {
            cli_complain(a.command, "--min-energy and --speed cannot both be given with --range");
            return CLI_USAGE;
        }
        if (has_min)
            st = min_energy(&a, &s, psi, &rec);
        else if (has_speed)
            st = angles_for_range(&a, &s, psi, &rec);
        else
            return cli_require(&a, "min-energy", "with --range (or give --speed)");
    } else if (has_speed || has_angle) {
        if (has_min)
            return cli_require(&a, "range", "with --min-energy");
        if (!has_speed)
            return cli_require(&a, "speed", "with --angle");
        if (!has_angle)
            return cli_require(&a, "angle", "with --speed (or give --range)");
        st = arc_from_speed_angle(&a, &s, &rec);
    } else {
        cli_complain(a.command, "give --speed and --angle, or --range with --min-energy "
                     "(see 'bmdsim kepler --help')");
        return CLI_USAGE;
    }
    if (st)
        return st;
    return cli_record_print(&rec, cli_has(&a, "json"), stdout);
}
