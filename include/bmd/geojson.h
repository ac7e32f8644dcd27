/* bmd/geojson.h — a scene (bmd/scene.h) as a GeoJSON FeatureCollection (RFC 7946), for QGIS,
 * geojson.io and web maps:
 *   - positions are [longitude, latitude] in degrees (WGS84), 7 decimals (about 1 cm);
 *   - trajectories are LineStrings with the altitude in metres as a third coordinate;
 *   - sites are Points; radar coverage (geodesic circles or sectors), footprints, launch and
 *     target areas are Polygons whose rings are closed and counterclockwise (right-hand rule,
 *     sec. 3.1.6);
 *   - lines and polygons crossing the antimeridian are cut there into MultiLineStrings and
 *     MultiPolygons (sec. 3.1.9);
 *   - every feature has the properties "name" and "kind" (site, track, coverage or area kind),
 *     the scene's own properties, and per kind: tracks "feature" = "trajectory", "missile",
 *     "start_time_s", "end_time_s", "range_km", "apogee_km", "impacted" and "phases" (a list of
 *     {"phase", "start_s", "end_s"}); coverage "range_km", "azimuth_min_deg", "azimuth_max_deg".
 * No crs member (RFC 7946 sec. 4: always WGS84); the one foreign member is the collection's
 * "name" (the scene title), which QGIS and GDAL show as the layer name. */
#ifndef BMD_GEOJSON_H
#define BMD_GEOJSON_H

#include "bmd/api.h"

#include "bmd/error.h"
#include "bmd/scene.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The GeoJSON text of scene in *json (NUL-terminated, caller frees with free()).
 * Errors: BMD_ENOMEM. */
BMD_API int bmd_geojson_string(const bmd_scene *scene, char **json, bmd_error *err);

/* Write the GeoJSON of scene to path (atomically, bmd/atomic_file.h).
 * Errors: those of bmd_geojson_string and bmd_atomic_write. */
BMD_API int bmd_geojson_write(const bmd_scene *scene, const char *path, bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
