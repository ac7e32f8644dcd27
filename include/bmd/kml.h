/* bmd/kml.h — a scene (bmd/scene.h) as KML 2.2 (OGC 07-147r2, namespace
 * http://www.opengis.net/kml/2.2) for Google Earth: one Document with shared Styles, a "Legend"
 * Folder (one geometry-less Placemark per style, so the sidebar shows each colour with its meaning)
 * and one Folder per kind of feature:
 *   - Trajectories: LineStrings with altitudeMode absolute (altitudes are heights above the
 *     ellipsoid; Google Earth reads them above mean sea level, a difference of at most ~100 m),
 *     optionally extruded down to the ground;
 *   - Sites: Points (clamped to the ground);
 *   - Radar coverage and Areas: Polygons with closed rings, tessellated so they follow the ground;
 *   - with time_tracks, a Folder "Flights in time": per trajectory a Placemark with a gx:Track
 *     (namespace http://www.google.com/kml/ext/2.2) of one <when> (ISO 8601, epoch + seconds after
 *     launch, strictly increasing) and one <gx:coord> per sample, so Google Earth's time slider
 *     animates the flights; the epoch is stated in the document's description.
 * Names and properties (ExtendedData) are XML-escaped. */
#ifndef BMD_KML_H
#define BMD_KML_H

#include "bmd/api.h"

#include "bmd/error.h"
#include "bmd/scene.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bmd_kml_options {
    int extrude_tracks;      /* nonzero: draw a curtain from each trajectory to the ground */
    double line_width_px;    /* trajectory line width (default 3) */
    int time_tracks;         /* nonzero: add the "Flights in time" folder (default 0) */
    double epoch_unix_s;     /* absolute time of t = 0 s after launch for time_tracks (default
                                BMD_EPOCH_DEFAULT_UNIX_S of bmd/czml.h: 2026-01-01T00:00:00Z) */
} bmd_kml_options;

BMD_API void bmd_kml_options_init(bmd_kml_options *opt);

/* The KML text of scene in *kml (caller frees). opt may be NULL for the defaults.
 * Errors: BMD_EINVAL for a line width outside (0, 100] or (time_tracks) an epoch outside the years
 * 1 to 9999; BMD_ENOMEM. */
BMD_API int bmd_kml_string(const bmd_scene *scene, const bmd_kml_options *opt, char **kml,
                           bmd_error *err);

/* Write the KML of scene to path atomically. Errors: those of bmd_kml_string and
 * bmd_atomic_write. */
BMD_API int bmd_kml_write(const bmd_scene *scene, const bmd_kml_options *opt, const char *path,
                          bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
