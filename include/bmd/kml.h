/* bmd/kml.h — a scene (bmd/scene.h) as KML 2.2 (OGC 07-147r2, namespace
 * http://www.opengis.net/kml/2.2) for Google Earth: one Document with shared Styles, a "Legend"
 * Folder (one geometry-less Placemark per style, so the sidebar shows each colour with its meaning)
 * and one Folder per kind of feature:
 *   - Trajectories: LineStrings with altitudeMode absolute (altitudes are heights above the
 *     ellipsoid; Google Earth reads them above mean sea level, a difference of at most ~100 m),
 *     optionally extruded down to the ground;
 *   - Sites: Points (clamped to the ground);
 *   - Radar coverage and Areas: Polygons with closed rings, tessellated so they follow the ground.
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
} bmd_kml_options;

BMD_API void bmd_kml_options_init(bmd_kml_options *opt);

/* The KML text of scene in *kml (caller frees). opt may be NULL for the defaults.
 * Errors: BMD_EINVAL for a line width outside (0, 100]; BMD_ENOMEM. */
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
