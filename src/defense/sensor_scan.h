/* defense/bmd_sensor_scan.h — shared machinery of the sensors (internal): the state of a trajectory
 * between samples, and the search for the time intervals in which a predicate holds. */
#ifndef BMD_DEFENSE_SENSOR_SCAN_H
#define BMD_DEFENSE_SENSOR_SCAN_H

#include "bmd/error.h"
#include "bmd/sensor.h"
#include "bmd/trajectory.h"

/* Whether the object is seen at time t_s with ECEF position r (1 yes, 0 no). */
typedef int (*sensor_predicate)(const double r_ecef_m[3], void *ctx);

/* Where found intervals go: the caller's buffer, its size, how many were written, and how many
 * were found beyond the buffer. */
typedef struct interval_sink {
    bmd_interval *out;
    int max;
    int n;
    int dropped;
} interval_sink;

/* Check a trajectory for the scans: at least 2 samples, finite positions, times non-decreasing
 * and not all equal. */
int bmd_sensor_check_trajectory(const bmd_trajectory *traj, bmd_error *err);

/* ECEF position at t_s in the segment from sample i to i+1 (t_i <= t_s <= t_{i+1}): cubic
 * Hermite on position and Earth-relative velocity (the derivative of the ECEF position), linear
 * when a velocity is not finite or the segment has zero length. */
void bmd_sensor_position_in_segment(const bmd_trajectory *traj, int i, double t_s, double r_ecef_m[3]);

/* Append [start, end] to the sink (counted in dropped when full). */
void bmd_sensor_sink_add(interval_sink *sink, double start_s, double end_s);

/* Find the intervals within [t_from, t_to] (both inside the trajectory) where pred holds, by
 * stepping every segment in sub-steps of at most BMD_SENSOR_SCAN_STEP_S and bisecting each change
 * to BMD_SENSOR_TIME_TOL_S (the reported end is the last time seen, the start the first). */
void bmd_sensor_scan(const bmd_trajectory *traj, double t_from, double t_to, sensor_predicate pred,
                 void *ctx, interval_sink *sink);

/* Report the sink's outcome: *n = intervals written; EINVAL when some did not fit. */
int bmd_sensor_sink_finish(const interval_sink *sink, int *n, bmd_error *err);

#endif
