/* bmd/sensor.h — the defence's sensors (module `defense`): ground- and sea-based radars and
 * space-based infrared early warning. A sensor answers two questions: does it see an object at
 * this point (radars), and in which time intervals does it see an object flying this trajectory.
 *
 * Radar visibility of a point needs all of:
 *   - slant range <= the instrumented range, and <= the detection range for the object's radar
 *     cross-section, R_det = R_ref (sigma / sigma_ref)^(1/4) (radar equation at fixed
 *     signal-to-noise ratio; Skolnik, Introduction to Radar Systems, 3rd ed., eq. 1.2);
 *   - elevation above the local geodetic horizontal at the radar >= the minimum elevation;
 *   - inside the field of view (azimuth within the half-width of the boresight azimuth, or a full
 *     circle; elevation within the field-of-view limits);
 *   - the line of sight does not pass below the ellipsoid (Earth masking). For a radar at or above
 *     the ellipsoid looking at elevation >= 0 this follows from the elevation test (the ellipsoid
 *     is convex and lies below the radar's horizontal plane), but it is checked explicitly so that
 *     negative minimum elevations (a radar on a mountain looking down) are masked correctly.
 * Optional 4/3-Earth refraction (default off): elevation and masking are evaluated on a sphere of
 * radius k R (k = 4/3; Skolnik ch. 8) with heights and ground distances kept.
 *
 * Space-based IR early warning sees a missile while a stage burns (BMD_PHASE_BOOST) above the
 * cloud tops; each stretch of such visibility is reported delay_s after it begins, until the burn
 * ends. Cold objects (after burnout) are not seen.
 *
 * All SI (m, s, rad, m^2). Equations and sources: docs/physics.md (section "Sensors"). */
#ifndef BMD_SENSOR_H
#define BMD_SENSOR_H

#include "bmd/api.h"

#include "bmd/earth.h"
#include "bmd/error.h"
#include "bmd/trajectory.h"

#ifdef __cplusplus
extern "C" {
#endif

/* What a radar looks at; each class has its own radar cross-section. */
typedef enum bmd_object_class {
    BMD_OBJECT_BOOSTER = 0, /* the burning or spent booster body */
    BMD_OBJECT_RV = 1,      /* the reentry vehicle (warhead) */
    BMD_OBJECT_DECOY = 2,   /* a decoy or other object released with the RV */
    BMD_OBJECT_COUNT = 3
} bmd_object_class;

/* The 4/3-Earth effective radius factor of standard atmospheric refraction (Skolnik, Introduction
 * to Radar Systems, 3rd ed., sec. 8.2). */
#define BMD_RADAR_K_STANDARD (4.0 / 3.0)

/* A radar: where it is, where it looks, how far it sees. Fill with bmd_radar_init and set the
 * fields; bmd_radar_validate checks them. */
typedef struct bmd_radar {
    double lat_rad, lon_rad;        /* geodetic site, |lat| <= pi/2 */
    double height_m;                /* antenna height above the ellipsoid, >= -1000 m */
    double boresight_azimuth_rad;   /* face normal, clockwise from north */
    double boresight_elevation_rad; /* face tilt above the horizontal (informational: the
                                       field of view below is given in absolute elevation) */
    int full_circle;                /* nonzero: 360 degrees in azimuth (rotating or multi-face) */
    double azimuth_half_width_rad;  /* when not full circle: |az - boresight| <= this, (0, pi] */
    double fov_elevation_min_rad;   /* field-of-view elevation limits above the horizontal, */
    double fov_elevation_max_rad;   /*   -pi/2 <= min < max <= pi/2 */
    double min_elevation_rad;       /* minimum elevation angle (clutter, terrain), [-pi/2, pi/2) */
    double max_range_m;             /* maximum instrumented range, > 0 */
    double ref_detection_range_m;   /* detection range for the reference cross-section, > 0 */
    double ref_rcs_m2;              /* that reference cross-section sigma_ref, > 0 */
    double rcs_m2[BMD_OBJECT_COUNT];/* cross-section of each object class, > 0 */
    double refraction_k;            /* effective-Earth factor: 0 or 1 for none (default),
                                       BMD_RADAR_K_STANDARD for the 4/3-Earth model; in [1, 4] */
} bmd_radar;

/* Defaults: site (0, 0, 0), boresight north at 0 degrees, full circle, field of view 0..90
 * degrees, minimum elevation 0, instrumented range 1e7 m, R_ref 1e6 m at sigma_ref 1 m^2, every
 * RCS 1 m^2, no refraction. */
BMD_API void bmd_radar_init(bmd_radar *radar);

/* Check every field. Errors: BMD_EINVAL naming the field, its value and what is allowed (NaN,
 * latitude outside +-90 degrees, negative or zero ranges or cross-sections, inverted elevation
 * limits, ...). */
BMD_API int bmd_radar_validate(const bmd_radar *radar, bmd_error *err);

/* Detection range (m) for cross-section rcs_m2: R_ref (rcs / sigma_ref)^(1/4), not capped by the
 * instrumented range. Errors: BMD_EINVAL for a non-positive or non-finite rcs or radar. */
BMD_API int bmd_radar_detection_range(const bmd_radar *radar, double rcs_m2, double *range_m,
                                      bmd_error *err);

/* Geometry of an ECEF point seen from the radar. */
typedef struct bmd_radar_look {
    double slant_range_m;
    double azimuth_rad;       /* clockwise from north, [0, 2 pi) */
    double elevation_rad;     /* above the local geodetic horizontal (geometric) */
    double elevation_eff_rad; /* as used by the tests: on the effective Earth when refraction is on,
                                 else equal to elevation_rad */
    int los_clear;            /* the line of sight stays above the (effective) Earth */
    int in_range;             /* slant range within instrumented and detection range */
    int in_fov;               /* inside the field of view (azimuth and elevation limits) */
    int above_min_elevation;  /* elevation_eff_rad >= min_elevation_rad */
    int visible;              /* all of the above */
} bmd_radar_look;

/* Look at ECEF point r_ecef_m (an object of class cls) from the radar on earth. Errors: BMD_EINVAL
 * for an invalid radar, class or non-finite point. */
BMD_API int bmd_radar_look_at(const bmd_radar *radar, const bmd_earth *earth, const double r_ecef_m[3],
                              bmd_object_class cls, bmd_radar_look *look, bmd_error *err);

/* The same for an object of cross-section rcs_m2 (> 0, m^2) instead of the radar's table of
 * classes. Errors: as bmd_radar_look_at; BMD_EINVAL for a non-positive cross-section. */
BMD_API int bmd_radar_look_at_rcs(const bmd_radar *radar, const bmd_earth *earth,
                                  const double r_ecef_m[3], double rcs_m2, bmd_radar_look *look,
                                  bmd_error *err);

/* Whether the straight segment between ECEF points a and b stays outside the ellipsoid of earth
 * (touching counts as clear). Exact: the ellipsoid is mapped onto the unit sphere. */
BMD_API int bmd_earth_segment_clear(const bmd_earth *earth, const double a_m[3], const double b_m[3]);

/* A closed time interval [start_s, end_s] in s after launch. */
typedef struct bmd_interval {
    double start_s;
    double end_s;
} bmd_interval;

/* Ends of visibility intervals are refined to this time (s) by bisection on the interpolated
 * state; the samples are examined in sub-steps of at most BMD_SENSOR_SCAN_STEP_S so that short
 * passes between samples are not missed. */
#define BMD_SENSOR_TIME_TOL_S 1e-3
#define BMD_SENSOR_SCAN_STEP_S 1.0

/* The intervals in which the radar sees an object of class cls flying traj (at least 2 samples,
 * times increasing). Written into out[0..*n-1]. Errors: BMD_EINVAL for an invalid radar or
 * trajectory, or when more than max intervals are found (the first max are still written and *n
 * is the number that fit). */
BMD_API int bmd_radar_visibility(const bmd_radar *radar, const bmd_earth *earth,
                                 const bmd_trajectory *traj, bmd_object_class cls, bmd_interval *out,
                                 int max, int *n, bmd_error *err);

/* The same for an object of cross-section rcs_m2 (> 0, m^2) instead of the radar's table. */
BMD_API int bmd_radar_visibility_rcs(const bmd_radar *radar, const bmd_earth *earth,
                                     const bmd_trajectory *traj, double rcs_m2, bmd_interval *out,
                                     int max, int *n, bmd_error *err);

/* Radar horizon on a sphere, closed form (law of sines in the triangle centre-radar-target):
 * a radar at height h_r sees a target at height h_t at elevation e at slant range
 *     s = sqrt((R_e + h_t)^2 - (R_e + h_r)^2 cos^2 e) - (R_e + h_r) sin e,   R_e = k R,
 * and ground range R_e * theta with theta = pi/2 - e - asin((R_e + h_r) cos e / (R_e + h_t)).
 * k = 1 (or 0) for the geometric horizon, 4/3 for standard refraction. Either output may be NULL.
 * Errors: BMD_EINVAL for bad numbers (R <= 0, heights below -R/2, |e| >= pi/2, k outside
 * [1, 4]); BMD_EDOM when the ray at elevation e never reaches height h_t (a target below the
 * radar seen upward). */
BMD_API int bmd_radar_horizon_sphere(double radius_m, double k, double radar_height_m,
                                     double target_height_m, double elevation_rad, double *slant_range_m,
                                     double *ground_range_m, bmd_error *err);

/* The same on the Earth model (the ellipsoid for WGS84), numerically: along the ray leaving the
 * radar at (lat, lon, h_r) with azimuth az and geodetic elevation e, the first point at height h_t
 * (bisection to 1 mm). Ground range is the geodesic from the radar's foot to the target's foot.
 * Errors: as the sphere (EDOM when the ray does not reach h_t within 40,000 km), EINVAL for
 * |lat| > pi/2. */
BMD_API int bmd_radar_horizon(const bmd_earth *earth, double lat_rad, double lon_rad,
                              double radar_height_m, double azimuth_rad, double elevation_rad,
                              double target_height_m, double *slant_range_m, double *ground_range_m,
                              bmd_error *err);

/* Space-based infrared early warning. */
typedef struct bmd_ir_sensor {
    double min_altitude_m; /* cloud tops: the plume is seen above this, >= 0 */
    double delay_s;        /* from first sight to report, >= 0 */
} bmd_ir_sensor;

/* Default cloud tops (m): a round number for high tropospheric cloud (notional; set your own). */
#define BMD_IR_DEFAULT_CLOUD_TOP_M 10000.0

/* Defaults: cloud tops BMD_IR_DEFAULT_CLOUD_TOP_M, no delay. */
BMD_API void bmd_ir_sensor_init(bmd_ir_sensor *ir);

/* Check the fields. Errors: BMD_EINVAL for NaN or negative values. */
BMD_API int bmd_ir_sensor_validate(const bmd_ir_sensor *ir, bmd_error *err);

/* The intervals in which the IR sensor reports the missile flying traj: for each stretch of
 * burning flight (samples with phase BMD_PHASE_BOOST) above min_altitude_m, [first sight +
 * delay_s, end of the burn], dropped when empty. The end of a burn is the stage burnout time in
 * events (when events is not NULL and one lies between the last burning and the next sample),
 * else the last burning sample. Cloud-top crossings are refined by bisection. Output and errors as
 * bmd_radar_visibility. */
BMD_API int bmd_ir_visibility(const bmd_ir_sensor *ir, const bmd_earth *earth, const bmd_trajectory *traj,
                              const bmd_flight_events *events, bmd_interval *out, int max, int *n,
                              bmd_error *err);

/* Name of an object class ("booster", "rv", "decoy") and the inverse (case-insensitive; also
 * accepts "reentry-vehicle", "warhead"). Parse errors: BMD_EINVAL listing the names. */
BMD_API const char *bmd_object_class_name(bmd_object_class cls);
BMD_API int bmd_object_class_parse(const char *name, bmd_object_class *cls, bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
