/* cli/threat.h — pieces shared by the commands that fly a catalogue missile at a target (engage,
 * sensor): LAT,LON options, catalogue directories, and the aimed flight. */
#ifndef BMD_CLI_THREAT_H
#define BMD_CLI_THREAT_H

#include <stddef.h>

#include "bmd/aim.h"
#include "bmd/engagement.h"
#include "bmd/trajectory.h"
#include "cli.h"

/* Read the required option name as "LAT,LON" in degrees (cli_parse_latlon); one line on stderr and
 * CLI_USAGE when absent, malformed or out of range. */
int cli_latlon_required(const cli_args *a, const char *name, double *lat_rad, double *lon_rad);

/* buf = $BMD_DATA_DIR/catalog/SUB (or the build's data directory). */
void cli_catalog_dir(const char *sub, char *buf, size_t n);

/* A flown threat: the catalogue missile aimed from --from at --to on --shape (default
 * min-energy) by the one threat flight of every command (bmd_aim_fly_to: max-range plan along the
 * bearing with the steering law of the longer range, aim to 100 m), its time series every 2 s. */
typedef struct cli_threat {
    char missile[64];
    bmd_aim_shape shape;  /* the trajectory flown (--shape, default min-energy) */
    double from_lat_rad, from_lon_rad, to_lat_rad, to_lon_rad;
    bmd_flight_summary summary;
    bmd_trajectory traj;  /* free with bmd_trajectory_free */
    double miss_m;
    double warhead_rcs_m2;  /* the catalogue's (or default) cross-section radars look for */
    char rcs_text[160];     /* bmd_catalog_warhead_rcs_text */
} cli_threat;

/* Read --missile, --from, --to and fly. Errors (one line on stderr): unknown missile with
 * suggestions, bad coordinates (CLI_USAGE); target out of reach (CLI_NO_SOLUTION); flight failures
 * (cli_exit_status). */
int cli_fly_threat(const cli_args *a, const bmd_earth *earth, cli_threat *t);

/* The note beside a required speed: "not possible at any speed from 0.5 to 11.0 km/s (...)", "0.5 km/s or less",
 * or the model and tolerance of the search. */
void cli_required_speed_note(const bmd_required_speed *rs, const bmd_required_speed_options *ro,
                             double burn_time_s, char *buf, size_t n);

#endif
