/* bmd/scene.h — what goes on a map, described once and exported many ways: sites, trajectories,
 * radar coverage and areas (footprints, launch and target areas). A scene copies what it is given
 * (names, points), so the caller's data may be freed afterwards. GeoJSON (bmd/geojson.h), KML
 * (bmd/kml.h) and SVG maps (bmd/map.h) each write a whole scene in one call. Angles in rad,
 * lengths in m, times in s after launch. */
#ifndef BMD_SCENE_H
#define BMD_SCENE_H

#include "bmd/api.h"

#include "bmd/earth.h"
#include "bmd/error.h"
#include "bmd/trajectory.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum bmd_site_kind {
    BMD_SITE_RADAR = 0,
    BMD_SITE_INTERCEPTOR = 1,  /* interceptor battery or ship */
    BMD_SITE_LAUNCH = 2,       /* missile launch point */
    BMD_SITE_TARGET = 3,       /* aim point */
    BMD_SITE_OTHER = 4
} bmd_site_kind;

typedef enum bmd_track_kind { BMD_TRACK_THREAT = 0, BMD_TRACK_INTERCEPTOR = 1 } bmd_track_kind;

typedef enum bmd_area_kind {
    BMD_AREA_FOOTPRINT = 0,    /* ground area a defence protects */
    BMD_AREA_LAUNCH = 1,       /* area missiles may be launched from */
    BMD_AREA_TARGET = 2,       /* area missiles are aimed at */
    BMD_AREA_OTHER = 3
} bmd_area_kind;

/* Which features a scene holds, in the order they were added. */
typedef enum bmd_feature_type {
    BMD_FEATURE_SITE = 0, BMD_FEATURE_TRACK = 1, BMD_FEATURE_COVERAGE = 2, BMD_FEATURE_AREA = 3
} bmd_feature_type;

typedef struct bmd_scene_point {
    double t_s, lat_rad, lon_rad, altitude_m;
    int phase;                 /* bmd_phase, or -1 when unknown */
} bmd_scene_point;

typedef struct bmd_scene_site {
    char *name;
    bmd_site_kind kind;
    double lat_rad, lon_rad, height_m;
} bmd_scene_site;

/* A flight path in three dimensions. */
typedef struct bmd_scene_track {
    char *name;
    char *missile;             /* vehicle name, or NULL */
    bmd_track_kind kind;
    bmd_scene_point *points;
    int n_points;
    double launch_s, end_s;    /* first and last sample times */
    double range_m;            /* geodesic distance from the first to the last point */
    double apogee_m;           /* highest altitude */
    int impacted;              /* 1 if the last point is an impact */
} bmd_scene_track;

/* A radar's coverage on the ground: the points within range_m of the site (geodesic distance on
 * the scene's Earth model) whose azimuth from the site lies clockwise from az_min_rad to
 * az_max_rad; full_circle when the azimuths do not limit it. */
typedef struct bmd_scene_coverage {
    char *name;
    double lat_rad, lon_rad, range_m;
    double az_min_rad, az_max_rad;
    int full_circle;
} bmd_scene_coverage;

/* A polygon given by the caller: one ring of n points (not repeated at the end; any winding). */
typedef struct bmd_scene_area {
    char *name;
    bmd_area_kind kind;
    double *lat_rad, *lon_rad;
    int n;
} bmd_scene_area;

/* A property of one feature: a number, or a text when text is not NULL. */
typedef struct bmd_scene_property {
    int feature;
    char *key;
    char *text;
    double number;
} bmd_scene_property;

typedef struct bmd_scene_feature { bmd_feature_type type; int index; } bmd_scene_feature;

/* A scene. Initialise with bmd_scene_init, fill with the bmd_scene_add_* functions, release with
 * bmd_scene_free. The arrays are readable; change them only through the functions. */
typedef struct bmd_scene {
    char *title;
    bmd_earth earth;           /* for geodesic circles and ranges */
    bmd_scene_site *sites;
    int n_sites, cap_sites;
    bmd_scene_track *tracks;
    int n_tracks, cap_tracks;
    bmd_scene_coverage *coverages;
    int n_coverages, cap_coverages;
    bmd_scene_area *areas;
    int n_areas, cap_areas;
    bmd_scene_property *props;
    int n_props, cap_props;
    bmd_scene_feature *features;
    int n_features, cap_features;
} bmd_scene;

/* An empty scene on earth (NULL: WGS84). Cannot fail. */
BMD_API void bmd_scene_init(bmd_scene *scene, const bmd_earth *earth);

/* Release everything the scene holds; it is empty (and reusable) afterwards. */
BMD_API void bmd_scene_free(bmd_scene *scene);

/* Set the title (document name in KML, heading of maps). Errors: BMD_ENOMEM. */
BMD_API int bmd_scene_set_title(bmd_scene *scene, const char *title, bmd_error *err);

/* Each bmd_scene_add_* appends one feature and stores its number (0, 1, ... in the order of
 * addition, across all kinds) in *feature when feature is not NULL. Errors: BMD_EINVAL for a
 * NULL or empty name, a latitude outside [-pi/2, pi/2], a non-finite number, a bad kind;
 * BMD_ENOMEM. */
BMD_API int bmd_scene_add_site(bmd_scene *scene, const char *name, bmd_site_kind kind, double lat_rad,
                               double lon_rad, double height_m, int *feature, bmd_error *err);

/* A path from n >= 2 samples of a time series (the t_s, lat_rad, lon_rad, altitude_m and phase
 * fields are used). impacted says whether the last sample is an impact. */
BMD_API int bmd_scene_add_track(bmd_scene *scene, const char *name, const char *missile,
                                bmd_track_kind kind, const bmd_sample *samples, int n, int impacted,
                                int *feature, bmd_error *err);

/* One call for a flown trajectory: a threat track from traj, with summary (may be NULL) giving
 * whether it impacted, and numeric properties launch_time_s, impact_time_s, range_km, apogee_km. */
BMD_API int bmd_scene_add_trajectory(bmd_scene *scene, const char *name, const char *missile,
                                     const bmd_trajectory *traj, const bmd_flight_summary *summary,
                                     int *feature, bmd_error *err);

/* Radar coverage of radius range_m (> 0, below half the Earth's circumference) around the site.
 * Sector from az_min_rad clockwise to az_max_rad; a full circle when either is NaN or the span is
 * at least 2 pi. */
BMD_API int bmd_scene_add_coverage(bmd_scene *scene, const char *name, double lat_rad, double lon_rad,
                                   double range_m, double az_min_rad, double az_max_rad, int *feature,
                                   bmd_error *err);

/* A polygon of n >= 3 points. */
BMD_API int bmd_scene_add_area(bmd_scene *scene, const char *name, bmd_area_kind kind,
                               const double *lat_rad, const double *lon_rad, int n, int *feature,
                               bmd_error *err);

/* Attach a number (finite) or a text property to a feature. Errors: BMD_EINVAL for an unknown
 * feature number, an empty key or a non-finite number; BMD_ENOMEM. */
BMD_API int bmd_scene_set_number(bmd_scene *scene, int feature, const char *key, double value,
                                 bmd_error *err);
BMD_API int bmd_scene_set_text(bmd_scene *scene, int feature, const char *key, const char *text,
                               bmd_error *err);

/* The boundary of a coverage as a ring on the scene's Earth: points along the range circle every
 * step_rad of azimuth at most (and the site itself first for a sector), by bmd_geodesy_direct.
 * Writes at most max_points points to lat_rad/lon_rad and their number to *n. Needs
 * max_points >= bmd_scene_coverage_points(c, step_rad). Errors: BMD_EINVAL. */
BMD_API int bmd_scene_coverage_points(const bmd_scene_coverage *c, double step_rad);
BMD_API int bmd_scene_coverage_ring(const bmd_scene *scene, const bmd_scene_coverage *c, double step_rad,
                                    double *lat_rad, double *lon_rad, int max_points, int *n,
                                    bmd_error *err);

/* Short lower-case names of the kinds ("radar", "threat", "footprint", ...); "unknown" else. */
BMD_API const char *bmd_site_kind_name(bmd_site_kind kind);
BMD_API const char *bmd_track_kind_name(bmd_track_kind kind);
BMD_API const char *bmd_area_kind_name(bmd_area_kind kind);
BMD_API const char *bmd_phase_name(int phase);

#ifdef __cplusplus
}
#endif
#endif
