/* cli/flight_out.h — output of the flight commands: a flight's summary as result-record rows, and
 * a time series written as CSV through the output module (bmd/atomic_file.h). */
#ifndef BMD_CLI_FLIGHT_OUT_H
#define BMD_CLI_FLIGHT_OUT_H

#include <stdio.h>

#include "bmd/aim.h"
#include "bmd/error.h"
#include "cli.h"

/* The summary rows with the foundation's JSON names (range_km, apogee_km, flight_time_s,
 * burnout_speed_km_s, burnout_angle_deg, burnout_altitude_km) plus impact_lat, impact_lon,
 * burnout_time_s, reentry_speed_km_s, ground_range_km, impact_speed_km_s, impacted and
 * impact_phase (boost or coast: the missile came down before its final burnout). */
void cli_record_flight(cli_record *rec, const bmd_flight_summary *s);

/* The plan rows: steering, azimuth, vertical rise, kick or pitch program, cutoff. */
void cli_record_plan(cli_record *rec, const bmd_plan *p);

/* The bmd_write_fn of the CSV time series: one header line, one row per sample of the
 * bmd_trajectory given as context (used with bmd/atomic_file.h, like every output). */
int cli_csv_write(FILE *out, void *trajectory, bmd_error *err);

/* A flight whose time series is written as CSV while it is flown (cli_csv_stream_write): the
 * rows go to the output's temporary as they are computed, so memory does not grow with the
 * number of rows. summary receives the flight's summary. */
typedef struct cli_csv_flight {
    const bmd_earth *earth;
    const bmd_missile *missile;
    const bmd_plan *plan;
    double lat_rad, lon_rad, height_m;
    const bmd_flight_options *opt;
    bmd_flight_summary summary;
    FILE *out;        /* set by cli_csv_stream_write */
    int write_errno;  /* the errno of a failed write (0: none) */
} cli_csv_flight;

/* The bmd_write_fn of the streamed CSV time series (context: a cli_csv_flight); the same bytes as
 * cli_csv_write on the stored series of the same flight. */
int cli_csv_stream_write(FILE *out, void *flight, bmd_error *err);

/* Limits of a time series (--interval): the shortest sampling step and the most rows, so that a
 * tiny interval cannot make the file grow without bound (the CSV alone is streamed; a GeoJSON or
 * KML track holds the series in memory). */
#define CLI_MIN_INTERVAL_S 0.01
#define CLI_MAX_SERIES_ROWS 1000000.0

/* Check that a flight of flight_time_s sampled every dt_s gives at most CLI_MAX_SERIES_ROWS rows;
 * else one line on stderr naming --interval and CLI_USAGE. */
int cli_series_rows_check(const cli_args *a, double flight_time_s, double dt_s);

/* Write the time series as CSV to path with the output module (bmd_atomic_write: checked target,
 * temporary in the same folder, fsync, rename; a new file gets 0666 less the umask, a replaced
 * one keeps its mode). Returns CLI_OK, or the exit status after saying why. */
int cli_write_csv(const char *command, const char *path, const bmd_trajectory *traj);

#endif
