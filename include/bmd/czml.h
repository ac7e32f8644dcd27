/* bmd/czml.h — a scene (bmd/scene.h) in time, for CesiumJS: CZML (a JSON array of packets,
 * https://github.com/AnalyticalGraphicsInc/czml-writer/wiki/CZML-Guide), and the absolute times
 * (epoch) that time-stamped exports (this file, and the gx:Track of bmd/kml.h) put on the scene's
 * times, which are seconds after launch.
 *
 * The CZML holds: the document packet (name, version "1.0", a clock spanning every track, the
 * epoch and what it assumes in its description); per track a packet whose position is sampled in
 * time (cartographicDegrees: seconds after the epoch, lon, lat, height above the ellipsoid), shown
 * only while it flies (availability) with a trailing path; per site a point with a label (intercept
 * points — sites whose property "feature" is "intercept" — get their own colour); per coverage a
 * volume: an ellipsoid of radius range_m around the site cut to the upper half-space and, for a
 * sector, to its azimuths (clock angles); per area a ground polygon. Every feature's description is
 * an HTML table of its scene properties (numbers and sources). Keys of each object are unique. */
#ifndef BMD_CZML_H
#define BMD_CZML_H

#include "bmd/api.h"

#include <stddef.h>

#include "bmd/error.h"
#include "bmd/scene.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The default epoch, 2026-01-01T00:00:00Z in seconds since 1970-01-01T00:00:00Z: a fixed,
 * arbitrary date (launch time is not modelled; the scene's times are relative to launch). */
#define BMD_EPOCH_DEFAULT_UNIX_S 1767225600.0

/* unix_s (seconds since 1970-01-01T00:00:00Z, UTC, no leap seconds) as ISO 8601
 * "YYYY-MM-DDThh:mm:ss[.fff]Z" (milliseconds only when not whole) into buf of size n (>= 32).
 * Errors: BMD_EINVAL for a non-finite time, one outside years 1..9999, or a short buffer. */
BMD_API int bmd_time_format_iso8601(double unix_s, char *buf, size_t n, bmd_error *err);

/* Parse "YYYY-MM-DDThh:mm:ss[.f...](Z|+hh:mm|-hh:mm)" or "YYYY-MM-DD" (midnight UTC) into
 * *unix_s. Errors: BMD_EINVAL naming the text and the expected form. */
BMD_API int bmd_time_parse_iso8601(const char *text, double *unix_s, bmd_error *err);

typedef struct bmd_czml_options {
    double epoch_unix_s;     /* absolute time of t = 0 s after launch (default the above) */
    double clock_multiplier; /* simulated seconds per real second when played (default 30) */
} bmd_czml_options;

BMD_API void bmd_czml_options_init(bmd_czml_options *opt);

/* The CZML text of scene in *czml (caller frees). opt may be NULL for the defaults.
 * Errors: BMD_EINVAL for a bad epoch or multiplier (outside (0, 1e6]); BMD_ENOMEM. */
BMD_API int bmd_czml_string(const bmd_scene *scene, const bmd_czml_options *opt, char **czml,
                            bmd_error *err);

/* Write the CZML of scene to path atomically. Errors: those of bmd_czml_string and
 * bmd_atomic_write. */
BMD_API int bmd_czml_write(const bmd_scene *scene, const bmd_czml_options *opt, const char *path,
                           bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
