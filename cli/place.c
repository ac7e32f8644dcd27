/* Launch and target points, the Earth model and the steering law of the flight commands. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/places.h"
#include "bmd/version.h"
#include "common.h"

/* One coordinate from text [s, end): a finite number, nothing else. */
static int parse_coord(const char *s, char **end, double *v)
{
    errno = 0;
    *v = strtod(s, end);
    return *end != s && errno != ERANGE && isfinite(*v);
}

int cli_place_latlon(const char *command, const char *flag, const char *text, double *lat_rad,
                     double *lon_rad)
{
    bmd_places *places = NULL;
    bmd_error err;
    int st = bmd_places_load_dir(bmd_data_dir(), &places, &err);
    if (st)
        return cli_library_failure(command, st, &err);
    const bmd_place *p = NULL;
    st = bmd_places_find(places, text, &p, &err);
    if (!st) {
        *lat_rad = p->lat_rad;
        *lon_rad = p->lon_rad;
    } else {
        cli_complain(command, "--%s: %s", flag, err.message);
    }
    bmd_places_free(places);
    return st ? CLI_USAGE : CLI_OK;
}

int cli_parse_latlon(const char *command, const char *flag, const char *text, double *lat_rad,
                     double *lon_rad)
{
    if (isalpha((unsigned char)text[0]) || (unsigned char)text[0] >= 0x80)
        return cli_place_latlon(command, flag, text, lat_rad, lon_rad);
    char *end = NULL;
    double lat, lon;
    if (!parse_coord(text, &end, &lat) || *end != ',' || !parse_coord(end + 1, &end, &lon) ||
        *end != '\0') {
        cli_complain(command, "--%s: '%s' is not LAT,LON (two numbers in degrees, e.g. "
                     "39.0,125.7) or a place name (bmdsim places)", flag, text);
        return CLI_USAGE;
    }
    if (!(fabs(lat) <= 90.0)) {
        cli_complain(command, "--%s: latitude %g deg is outside [-90, 90] deg", flag, lat);
        return CLI_USAGE;
    }
    if (!(fabs(lon) <= 180.0)) {
        cli_complain(command, "--%s: longitude %g deg is outside [-180, 180] deg", flag, lon);
        return CLI_USAGE;
    }
    *lat_rad = bmd_deg_to_rad(lat);
    *lon_rad = bmd_deg_to_rad(lon);
    return CLI_OK;
}

int cli_latlon(const cli_args *a, const char *name, double lat_fallback_rad,
               double lon_fallback_rad, double *lat_rad, double *lon_rad)
{
    const char *text = cli_text(a, name);
    if (!text) {
        *lat_rad = lat_fallback_rad;
        *lon_rad = lon_fallback_rad;
        return CLI_OK;
    }
    return cli_parse_latlon(a->command, name, text, lat_rad, lon_rad);
}

int cli_earth_from_args(const cli_args *a, bmd_earth *earth)
{
    const char *name = cli_text(a, "earth");
    bmd_earth_kind kind = BMD_EARTH_WGS84;
    bmd_error err;
    if (name && bmd_earth_kind_parse(name, &kind, &err)) {
        cli_complain(a->command, "--earth: '%s' is not a model (wgs84 or sphere)", name);
        return CLI_USAGE;
    }
    int rotating = !cli_has(a, "no-rotation");
    if (kind == BMD_EARTH_SPHERE) {
        if (bmd_earth_init_sphere(earth, 0.0, rotating, &err))
            return cli_library_failure(a->command, err.status, &err);
    } else {
        bmd_earth_init_wgs84(earth);
        if (!rotating)
            earth->omega_rad_s = 0.0;
    }
    return CLI_OK;
}

int cli_steering_from_args(const cli_args *a, bmd_steering fallback, bmd_steering *steering)
{
    const char *name = cli_text(a, "steering");
    *steering = fallback;
    if (!name || strcmp(name, "auto") == 0)
        return CLI_OK;
    if (strcmp(name, "gravity-turn") == 0)
        *steering = BMD_STEER_GRAVITY_TURN;
    else if (strcmp(name, "pitch-program") == 0)
        *steering = BMD_STEER_PITCH_PROGRAM;
    else {
        cli_complain(a->command, "--steering: '%s' is not a steering law (auto, gravity-turn "
                     "or pitch-program)", name);
        return CLI_USAGE;
    }
    return CLI_OK;
}

int cli_steering_auto(const cli_args *a)
{
    const char *name = cli_text(a, "steering");
    return name ? strcmp(name, "auto") == 0 : !cli_has(a, "rise");
}

int cli_fly_options(const cli_args *a, bmd_aim_fly_options *opt)
{
    bmd_aim_fly_options_init(opt);
    const char *shape = cli_text(a, "shape");
    bmd_error err;
    if (shape && bmd_aim_shape_parse(shape, &opt->shape, &err)) {
        cli_complain(a->command, "--shape: '%s' is not a shape (min-energy, lofted, depressed or "
                     "cutoff)", shape);
        return CLI_USAGE;
    }
    bmd_steering law;
    int st = cli_steering_from_args(a, BMD_STEER_GRAVITY_TURN, &law);
    if (st)
        return st;
    opt->steering = cli_steering_auto(a) ? BMD_AIM_STEER_AUTO : (int)law;
    if (cli_has(a, "rise") &&
        cli_number(a, "rise", 0.0, 0.0, 1, 600.0, 0, "s", &opt->vertical_rise_s))
        return CLI_USAGE;
    return CLI_OK;
}

int cli_max_range(const cli_args *a, const bmd_earth *earth, const bmd_missile *m,
                  const bmd_plan *base, const bmd_site *site, bmd_aim_result *res, bmd_error *err)
{
    if (cli_steering_auto(a))
        return bmd_aim_max_range_best(earth, m, base->azimuth_rad, site, NULL, res, err);
    return bmd_aim_max_range(earth, m, base, site, NULL, res, err);
}

int cli_base_plan(const cli_args *a, const bmd_missile *m, bmd_steering fallback,
                  double azimuth_rad, bmd_plan *plan)
{
    bmd_steering steer;
    int st = cli_steering_from_args(a, fallback, &steer);
    if (st)
        return st;
    double rise;
    double rise_default = steer == BMD_STEER_PITCH_PROGRAM ? 5.0 : 10.0;
    if (cli_number(a, "rise", rise_default, 0.0, 1, 600.0, 0, "s", &rise))
        return CLI_USAGE;
    bmd_plan_init(plan);
    plan->steering = steer;
    plan->azimuth_rad = azimuth_rad;
    plan->vertical_rise_s = rise;
    plan->pitch_final_rad = bmd_deg_to_rad(40.0);
    plan->pitch_end_s = fmax(0.8 * m->stages[0].burn_time_s, rise + 1.0);
    return CLI_OK;
}
