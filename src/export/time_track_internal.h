/* src/export/time_track_internal.h — shared by the time-stamped writers of the export layer (the
 * gx:Track of kml.c, czml.c): which samples of a track go out (strictly increasing times at the
 * millisecond the writers print) and the epoch's text. */
#ifndef BMD_EXPORT_TIME_TRACK_INTERNAL_H
#define BMD_EXPORT_TIME_TRACK_INTERNAL_H

#include "bmd/scene.h"
#include "core/strbuf.h"

/* keep[i] (t->n_points flags) = 1 when sample i of t is written: its time, rounded to the
 * millisecond, is later than that of the last written sample (the first always is). Repeated
 * event samples (same time) would otherwise give a track two positions at one instant. Returns
 * the number kept. */
int bmd_export_keep_flags(const bmd_scene_track *t, unsigned char *keep);

/* The KML Folder "Flights in time" (gx:Track per trajectory, styles "threat"/"interceptor" of
 * kml.c) for epoch_unix_s. Errors: BMD_EINVAL for an epoch the ISO writer refuses. */
int bmd_export_kml_time_tracks(bmd_strbuf *sb, const bmd_scene *scene, double epoch_unix_s,
                               bmd_error *err);

/* The sentence that states the epoch assumption (same text in KML and CZML). */
#define BMD_EXPORT_EPOCH_NOTE "Times are seconds after launch put on an assumed epoch "

#endif
