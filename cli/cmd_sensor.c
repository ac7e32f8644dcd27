/* bmdsim sensor — what a catalogue radar at a site can see: its horizon for a target altitude,
 * its detection range for a cross-section, and which of the two limits it; or, in the trajectory
 * form (--missile --from --to), the time intervals in which it sees a flight. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/earth.h"
#include "bmd/radar_catalog.h"
#include "bmd/sensor.h"
#include "cli.h"
#include "common.h"
#include "threat.h"
#include "bmd/version.h"


static const cli_option options[] = {
    {"radar", "NAME", "radar type from the catalogue (or a FILE.yaml)"},
    {"at", "LAT,LON", "radar site, geodetic degrees"},
    {"height", "M", "antenna height above the ellipsoid, m (default 0)"},
    {"boresight", "DEG", "boresight azimuth, degrees from north (default: the catalogue's)"},
    {"target-altitude", "KM", "target altitude for the horizon, km (default 100)"},
    {"rcs", "M2", "target radar cross-section, m^2 (default: the radar's reference; trajectory "
                  "form: the object's, see --object)"},
    {"refraction", NULL, "4/3-Earth refraction (default: geometric line of sight)"},
    {"missile", "NAME", "trajectory form: the threat missile from the catalogue"},
    {"from", "LAT,LON", "trajectory form: launch point, degrees"},
    {"to", "LAT,LON", "trajectory form: aim point, degrees (on --shape)"},
    {"shape", "SHAPE", "threat trajectory: min-energy (default: least burnout speed), lofted, depressed or cutoff"},
    {"object", "CLASS", "trajectory form: rv (default; the missile's warhead cross-section, "
                        "signature.warhead_rcs_m2), booster or decoy"},
    {"dir", "DIR", "radar catalogue directory (default $BMD_DATA_DIR/catalog/radars)"},
    {"json", NULL, "print one JSON object instead of a table"},
};

static const char usage[] =
    "--radar NAME --at LAT,LON [--height M] [--boresight DEG] [--target-altitude KM] [--rcs M2] "
    "[--refraction] [--json]   or   --radar NAME --at LAT,LON --missile NAME --from LAT,LON "
    "--to LAT,LON [--object CLASS] [--json]";

/* The text given for option name, or NULL. */
static const char *option_text(const cli_args *a, const char *name)
{
    for (int i = 0; i < a->n_options; i++)
        if (strcmp(a->options[i].name, name) == 0)
            return a->value[i];
    return NULL;
}

/* Parse "LAT,LON" in degrees (latitude in [-90, 90], longitude in [-180, 360]) into radians. */
static int parse_latlon(const cli_args *a, const char *name, double *lat, double *lon)
{
    const char *text = option_text(a, name);
    if (isalpha((unsigned char)text[0]) || (unsigned char)text[0] >= 0x80) /* a place name */
        return cli_place_latlon(a->command, name, text, lat, lon);
    char *end = NULL;
    errno = 0;
    double la = strtod(text, &end);
    int ok = end != text && *end == ',' && errno == 0;
    double lo = 0;
    if (ok) {
        const char *second = end + 1;
        lo = strtod(second, &end);
        ok = end != second && *end == '\0' && errno == 0 && isfinite(la) && isfinite(lo);
    }
    if (!ok) {
        cli_complain(a->command, "--%s: '%s' is not LAT,LON in degrees (e.g. 38.35,37.79)", name,
                     text);
        return CLI_USAGE;
    }
    if (la < -90 || la > 90 || lo < -180 || lo > 360) {
        cli_complain(a->command, "--%s: latitude %g must be in [-90, 90] and longitude %g in "
                     "[-180, 360] degrees", name, la, lo);
        return CLI_USAGE;
    }
    *lat = bmd_deg_to_rad(la);
    *lon = bmd_deg_to_rad(lo);
    return CLI_OK;
}

/* Report a library error: the one mapping (cli_exit_status). */
static int failure(const char *command, int status, const bmd_error *err)
{
    return cli_library_failure(command, status, err);
}

/* The radar at its site: catalogue entry, site and options applied. */
typedef struct sensor_setup {
    bmd_catalog_radar entry;
    bmd_earth earth;
    double rcs_m2;
} sensor_setup;

/* Read --radar, --at, --height, --boresight, --rcs, --refraction into s. */
static int setup_radar(const cli_args *a, sensor_setup *s)
{
    if (!cli_has(a, "radar"))
        return cli_require(a, "radar", "(a catalogue name such as an-tpy-2-fbm)");
    if (!cli_has(a, "at"))
        return cli_require(a, "at", "(the radar site, LAT,LON in degrees)");
    char dir[BMD_PATH_MAX];
    if (option_text(a, "dir"))
        snprintf(dir, sizeof dir, "%s", option_text(a, "dir"));
    else
        snprintf(dir, sizeof dir, "%s/catalog/radars", bmd_data_dir());
    bmd_error err;
    int st = bmd_catalog_find_radar(dir, option_text(a, "radar"), &s->entry, &err);
    if (st)
        return failure(a->command, st, &err);
    bmd_radar *r = &s->entry.radar;
    double boresight_deg;
    if ((st = parse_latlon(a, "at", &r->lat_rad, &r->lon_rad)) ||
        (st = cli_number(a, "height", 0, -500, 0, 1e4, 0, "m", &r->height_m)) ||
        (st = cli_number(a, "boresight", bmd_rad_to_deg(r->boresight_azimuth_rad), -360, 0, 360,
                         0, "degrees", &boresight_deg)) ||
        (st = cli_number(a, "rcs", r->ref_rcs_m2, 0, 1, 1e6, 0, "m^2", &s->rcs_m2)))
        return st;
    r->boresight_azimuth_rad = bmd_deg_to_rad(boresight_deg);
    r->refraction_k = cli_has(a, "refraction") ? BMD_RADAR_K_STANDARD : 0;
    bmd_earth_init_wgs84(&s->earth);
    if ((st = bmd_radar_validate(r, &err)))
        return failure(a->command, st, &err);
    return CLI_OK;
}

/* Ground range (m) on a sphere of radius R between a radar at radius a and a target at radius b
 * at slant range s (law of cosines); NAN when no such triangle exists. */
static double ground_at_slant(double R, double a, double b, double s)
{
    double c = (a * a + b * b - s * s) / (2 * a * b);
    return c >= -1 && c <= 1 ? R * acos(c) : NAN;
}

/* The point form: horizon and detection range for one target altitude and cross-section. */
static int run_point_form(const cli_args *a, sensor_setup *s, cli_record *rec)
{
    double alt_km;
    int st;
    if ((st = cli_number(a, "target-altitude", 100, 0, 0, 1e5, 0, "km", &alt_km)))
        return st;
    const bmd_radar *r = &s->entry.radar;
    bmd_error err;
    double det, horizon_s = NAN, horizon_g = NAN;
    if ((st = bmd_radar_detection_range(r, s->rcs_m2, &det, &err)))
        return failure(a->command, st, &err);
    /* Horizon at the minimum elevation, along the boresight: WGS84 numerically, or the 4/3-Earth
     * closed form on the mean sphere with refraction. */
    if (r->refraction_k > 1)
        st = bmd_radar_horizon_sphere(bmd_earth_mean_radius_m(&s->earth), r->refraction_k,
                                      r->height_m, alt_km * 1e3, r->min_elevation_rad, &horizon_s,
                                      &horizon_g, &err);
    else
        st = bmd_radar_horizon(&s->earth, r->lat_rad, r->lon_rad, r->height_m,
                               r->boresight_azimuth_rad, r->min_elevation_rad, alt_km * 1e3,
                               &horizon_s, &horizon_g, &err);
    if (st && st != BMD_EDOM)
        return failure(a->command, st, &err);
    const bmd_param_provenance *p = bmd_catalog_radar_param(&s->entry, "detection_range_m");
    double scale = det / r->ref_detection_range_m;
    const char *limit = "horizon";
    double reach = horizon_s;
    if (!(reach <= det)) {
        reach = det;
        limit = "detection range";
    }
    if (r->max_range_m < reach) {
        reach = r->max_range_m;
        limit = "instrumented range";
    }
    if (isnan(horizon_s)) {
        reach = NAN;
        limit = "minimum elevation (target too low to be seen)";
    }
    double R = bmd_earth_mean_radius_m(&s->earth);
    double reach_g = reach == horizon_s ? horizon_g
                                        : ground_at_slant(R, R + r->height_m, R + alt_km * 1e3,
                                                          reach);
    cli_record_text(rec, "radar", "radar", s->entry.name);
    cli_record_text(rec, "full_name", "type", s->entry.full_name);
    cli_record_number(rec, "site_lat_deg", "site latitude", bmd_rad_to_deg(r->lat_rad), "deg", 4);
    cli_record_number(rec, "site_lon_deg", "site longitude", bmd_rad_to_deg(r->lon_rad), "deg", 4);
    cli_record_number(rec, "site_height_m", "antenna height", r->height_m, "m", 0);
    cli_record_number(rec, "boresight_deg", "boresight azimuth",
                      bmd_rad_to_deg(r->boresight_azimuth_rad), "deg", 1);
    cli_record_number(rec, "min_elevation_deg", "minimum elevation",
                      bmd_rad_to_deg(r->min_elevation_rad), "deg", 2);
    cli_record_text(rec, "refraction", "refraction", r->refraction_k > 1 ? "4/3 Earth" : "none");
    cli_record_number(rec, "rcs_m2", "target cross-section", s->rcs_m2, "m^2", 4);
    cli_record_number(rec, "target_altitude_km", "target altitude", alt_km, "km", 1);
    cli_record_number(rec, "detection_range_km", "detection range", det / 1e3, "km", 1);
    cli_record_number(rec, "detection_range_low_km", "detection range, low",
                      p && p->has_range ? p->low * scale / 1e3 : NAN, "km", 1);
    cli_record_number(rec, "detection_range_high_km", "detection range, high",
                      p && p->has_range ? p->high * scale / 1e3 : NAN, "km", 1);
    cli_record_number(rec, "instrumented_range_km", "instrumented range", r->max_range_m / 1e3,
                      "km", 1);
    cli_record_number(rec, "horizon_slant_range_km", "horizon: slant range", horizon_s / 1e3,
                      "km", 1);
    cli_record_number(rec, "horizon_ground_range_km", "horizon: ground range", horizon_g / 1e3,
                      "km", 1);
    cli_record_number(rec, "reach_slant_range_km", "reach: slant range", reach / 1e3, "km", 1);
    cli_record_number(rec, "reach_ground_range_km", "reach: ground range", reach_g / 1e3, "km",
                      1);
    cli_record_text(rec, "limited_by", "limited by", limit);
    return CLI_OK;
}

#define SENSOR_MAX_INTERVALS 8

/* What the trajectory form keeps alive until the record is printed. */
typedef struct trajectory_texts {
    char intervals[SENSOR_MAX_INTERVALS * 40 + 16];
    char missile[64];
    char rcs_text[192];
} trajectory_texts;

/* The trajectory form: fly --missile from --from to --to (minimum energy) and list the intervals
 * in which the radar sees the object (bmd_radar_visibility). */
static int run_trajectory_form(const cli_args *a, sensor_setup *s, trajectory_texts *txt,
                               cli_record *rec)
{
    bmd_object_class cls = BMD_OBJECT_RV;
    bmd_error err;
    int st;
    if (option_text(a, "object") && (st = bmd_object_class_parse(option_text(a, "object"), &cls,
                                                                 &err)))
        return failure(a->command, st, &err);
    cli_threat t;
    if ((st = cli_fly_threat(a, &s->earth, &t)))
        return st;
    /* the object's cross-section: --rcs; else the warhead's from the missile's catalogue entry
       (or its printed default); else, for the booster or a decoy, the radar file's for that class */
    double rcs = s->entry.radar.rcs_m2[cls];
    if (option_text(a, "rcs")) {
        rcs = s->rcs_m2;
        snprintf(txt->rcs_text, sizeof txt->rcs_text, "%s %g m^2 (--rcs)",
                 cls == BMD_OBJECT_RV ? "warhead" : bmd_object_class_name(cls), rcs);
    } else if (cls == BMD_OBJECT_RV) {
        rcs = t.warhead_rcs_m2;
        snprintf(txt->rcs_text, sizeof txt->rcs_text, "%s", t.rcs_text);
    } else {
        snprintf(txt->rcs_text, sizeof txt->rcs_text, "%s %g m^2 (the radar file's value for "
                 "that class)", bmd_object_class_name(cls), rcs);
    }
    bmd_interval iv[SENSOR_MAX_INTERVALS];
    int n = 0;
    st = bmd_radar_visibility_rcs(&s->entry.radar, &s->earth, &t.traj, rcs, iv,
                                  SENSOR_MAX_INTERVALS, &n, &err);
    int truncated = st == BMD_EINVAL && n == SENSOR_MAX_INTERVALS;
    if (st && !truncated) {
        bmd_trajectory_free(&t.traj);
        return failure(a->command, st, &err);
    }
    double total = 0;
    size_t used = 0;
    txt->intervals[0] = '\0';
    for (int i = 0; i < n; i++) {
        total += iv[i].end_s - iv[i].start_s;
        used += (size_t)snprintf(txt->intervals + used, sizeof txt->intervals - used,
                                 "%s[%.2f, %.2f]", i ? " " : "", iv[i].start_s, iv[i].end_s);
    }
    if (n == 0)
        snprintf(txt->intervals, sizeof txt->intervals, "none");
    else if (truncated)
        snprintf(txt->intervals + used, sizeof txt->intervals - used, " ...");
    snprintf(txt->missile, sizeof txt->missile, "%s", t.missile);
    const bmd_radar *r = &s->entry.radar;
    cli_record_text(rec, "radar", "radar", s->entry.name);
    cli_record_number(rec, "site_lat_deg", "site latitude", bmd_rad_to_deg(r->lat_rad), "deg", 4);
    cli_record_number(rec, "site_lon_deg", "site longitude", bmd_rad_to_deg(r->lon_rad), "deg", 4);
    cli_record_number(rec, "boresight_deg", "boresight azimuth",
                      bmd_rad_to_deg(r->boresight_azimuth_rad), "deg", 1);
    cli_record_text(rec, "missile", "threat", txt->missile);
    cli_record_text(rec, "object", "object", bmd_object_class_name(cls));
    cli_record_text(rec, "shape", "threat trajectory", bmd_aim_shape_name(t.shape));
    cli_record_text(rec, "object_rcs", "object and cross-section", txt->rcs_text);
    cli_record_number(rec, "rcs_m2", "target cross-section", rcs, "m^2", 4);
    cli_record_number(rec, "flight_time_s", "threat flight time", t.summary.flight_time_s, "s", 1);
    cli_record_number(rec, "apogee_km", "threat apogee", t.summary.apogee_altitude_m / 1e3, "km", 1);
    cli_record_number(rec, "ground_range_km", "threat ground range",
                      t.summary.ground_range_m / 1e3, "km", 1);
    cli_record_number(rec, "intervals", "visibility intervals", n, "", 0);
    cli_record_number(rec, "first_visible_s", "first seen", n ? iv[0].start_s : NAN, "s", 2);
    cli_record_number(rec, "last_visible_s", "last seen", n ? iv[n - 1].end_s : NAN, "s", 2);
    cli_record_number(rec, "visible_total_s", "time seen", total, "s", 2);
    cli_record_text(rec, "visibility_s", "intervals (s after launch)", txt->intervals);
    bmd_trajectory_free(&t.traj);
    return CLI_OK;
}

int cli_cmd_sensor(int argc, char **argv)
{
    cli_args a;
    int st = cli_parse(&a, "sensor", usage, options, (int)(sizeof options / sizeof *options),
                       argc, argv, 2);
    if (st)
        return st < 0 ? CLI_OK : st;
    sensor_setup *s = malloc(sizeof *s);
    trajectory_texts txt;
    if (!s)
        return CLI_FAILED;
    cli_record rec = {.title = "Radar coverage (WGS84)"};
    if ((st = setup_radar(&a, s)) == CLI_OK) {
        int trajectory = cli_has(&a, "missile") || cli_has(&a, "from") || cli_has(&a, "to");
        if (trajectory)
            rec.title = "Radar visibility of a flight (WGS84)";
        st = trajectory ? run_trajectory_form(&a, s, &txt, &rec) : run_point_form(&a, s, &rec);
    }
    if (st == CLI_OK) /* the record's text points into s: print before freeing it */
        st = cli_record_print(&rec, cli_has(&a, "json"), stdout);
    free(s);
    return st;
}
