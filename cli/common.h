/* cli/common.h — helpers shared by the commands: the spherical Earth of the analytic commands
 * (kepler, loft), launch and target points, the Earth model and steering of the flight commands
 * (trajectory, range, loft --full), and loading a catalogue missile with overrides (vehicle.c). */
#ifndef BMD_CLI_COMMON_H
#define BMD_CLI_COMMON_H

#include <stddef.h>

#include "bmd/aim.h"
#include "bmd/catalog.h"
#include "bmd/earth.h"
#include "bmd/error.h"
#include "bmd/trajectory.h"
#include "cli.h"

/* The spherical Earth of the analytic commands, from --earth-radius and --altitude. */
typedef struct cli_sphere {
    double radius_m;     /* surface radius */
    double altitude_km;  /* burnout (and reentry) altitude */
    double r_bo_m;       /* burnout radius */
    double mu;           /* gravitational parameter, m^3/s^2 */
} cli_sphere;

/* Read --earth-radius KM (default the mean radius) and --altitude KM (default 0). */
int cli_sphere_from_args(const cli_args *a, cli_sphere *s);

/* Read --range KM into a central angle (rad); at most half the circumference. */
int cli_range_angle(const cli_args *a, const cli_sphere *s, double *psi_rad);

/* Parse text "LAT,LON" in degrees (latitude in [-90, 90], longitude in [-180, 180]) into radians,
 * or a place name of the gazetteer (text starting with a letter; cli_place_latlon).
 * Bad text or out of range: one line on stderr naming flag and the value, and CLI_USAGE. */
int cli_parse_latlon(const char *command, const char *flag, const char *text, double *lat_rad,
                     double *lon_rad);

/* The position of the gazetteer's place named text (bmd_places_find; data/places/places.tsv of
 * the data directory). Unknown: one line on stderr with close names suggested, and CLI_USAGE. */
int cli_place_latlon(const char *command, const char *flag, const char *text, double *lat_rad,
                     double *lon_rad);

/* Read option name as LAT,LON (see cli_parse_latlon). Absent: fallback values and CLI_OK. */
int cli_latlon(const cli_args *a, const char *name, double lat_fallback_rad,
               double lon_fallback_rad, double *lat_rad, double *lon_rad);

/* The Earth of the flight commands: --earth wgs84|sphere (default wgs84) and --no-rotation. */
int cli_earth_from_args(const cli_args *a, bmd_earth *earth);

/* --steering auto|gravity-turn|pitch-program (absent or auto: fallback). */
int cli_steering_from_args(const cli_args *a, bmd_steering fallback, bmd_steering *steering);

/* Whether the steering is "auto" (the default): the max range is the longer of the two laws'
 * (bmd_aim_max_range_best). An explicit --rise without --steering keeps the gravity turn. */
int cli_steering_auto(const cli_args *a);

/* The options of the one threat flight (bmd_aim_fly_to) from --shape (default min-energy),
 * --steering (default auto) and --rise (default the law's); bad values: one line, CLI_USAGE. */
int cli_fly_options(const cli_args *a, bmd_aim_fly_options *opt);

/* The max-range plan along base's azimuth: both laws when the steering is auto, else base's. */
int cli_max_range(const cli_args *a, const bmd_earth *earth, const bmd_missile *m,
                  const bmd_plan *base, const bmd_site *site, bmd_aim_result *res, bmd_error *err);

/* A base plan for missile: --steering (absent: fallback), --rise S (vertical rise; default 10 s
 * for the gravity turn, 5 s for the pitch program as in Forden's runs), azimuth_rad; the pitch
 * program ends its pitch-over at 0.8 of the first stage burn (its shape is searched by the plan
 * searches). */
int cli_base_plan(const cli_args *a, const bmd_missile *m, bmd_steering fallback,
                  double azimuth_rad, bmd_plan *plan);

/* The catalogue directory: --dir, else $BMD_DATA_DIR/catalog/missiles, else the built-in path. */
void cli_catalogue_dir(const cli_args *a, char *buf, size_t n);

/* Apply overrides "FIELD=VALUE[,FIELD=VALUE...]" (--set) to an entry of any catalogue kind, one
 * set(entry, "FIELD=VALUE") call each; the first failure: one line on stderr and CLI_USAGE. */
int cli_apply_set(const char *command, const char *text,
                  int (*set)(void *entry, const char *assignment, bmd_error *err), void *entry);

/* Apply overrides "FIELD=VALUE[,FIELD=VALUE...]" (--set) to a catalogue missile. */
int cli_apply_overrides(const char *command, const char *text, bmd_catalog_missile *entry);

/* Load the missile named (or the file given) by text from the catalogue directory of a, apply
 * --set, and check it (bmd_missile_validate). Returns CLI_OK or the exit status, having said why. */
int cli_load_missile(const cli_args *a, const char *text, bmd_catalog_missile *entry);

#endif
