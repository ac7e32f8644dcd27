/* The time-stamped tracks of the KML export: one gx:Track per trajectory (Google's KML extension
 * namespace http://www.google.com/kml/ext/2.2, declared on the kml element by kml.c), so Google
 * Earth's time slider animates the flights. Per the gx:Track rules (KML reference, "gx:Track"):
 * altitudeMode first, then every <when>, then as many <gx:coord> ("lon lat alt", spaces) in the
 * same order; times strictly increasing here. */
#include <math.h>
#include <stdlib.h>

#include "bmd/czml.h"
#include "bmd/units.h"
#include "export/time_track_internal.h"

int bmd_export_keep_flags(const bmd_scene_track *t, unsigned char *keep)
{
    double last = -INFINITY;
    int n = 0;
    for (int i = 0; i < t->n_points; i++) {
        double ms = round(t->points[i].t_s * 1000.0);
        keep[i] = i == 0 || ms > last;
        if (keep[i]) {
            last = ms;
            n++;
        }
    }
    return n;
}

int bmd_export_kml_time_tracks(bmd_strbuf *sb, const bmd_scene *scene, double epoch_unix_s,
                               bmd_error *err)
{
    char when[40];
    int st = bmd_time_format_iso8601(epoch_unix_s, when, sizeof when, err);
    if (st)
        return st;
    bmd_sb_puts(sb, "<Folder><name>Flights in time</name><description>");
    bmd_sb_puts(sb, BMD_EXPORT_EPOCH_NOTE);
    bmd_sb_xml(sb, when);
    bmd_sb_puts(sb, " (launch time is not modelled); play them with the time slider"
                "</description>\n");
    for (int f = 0; f < scene->n_features && !st; f++) {
        if (scene->features[f].type != BMD_FEATURE_TRACK)
            continue;
        const bmd_scene_track *t = &scene->tracks[scene->features[f].index];
        unsigned char *keep = malloc((size_t)t->n_points);
        if (!keep)
            return bmd_error_set(err, BMD_ENOMEM, "out of memory writing track '%s'", t->name);
        bmd_export_keep_flags(t, keep);
        bmd_sb_puts(sb, "<Placemark><name>");
        bmd_sb_xml(sb, t->name);
        bmd_sb_puts(sb, " in time</name><description>");
        bmd_sb_printf(sb, "%s trajectory from t = %.1f s to %.1f s after launch; ",
                      bmd_track_kind_name(t->kind), t->launch_s, t->end_s);
        bmd_sb_puts(sb, BMD_EXPORT_EPOCH_NOTE);
        bmd_sb_xml(sb, when);
        bmd_sb_printf(sb, "</description><styleUrl>#%s</styleUrl>",
                      t->kind == BMD_TRACK_INTERCEPTOR ? "interceptor" : "threat");
        bmd_sb_puts(sb, "<gx:Track><altitudeMode>absolute</altitudeMode>\n");
        for (int i = 0; i < t->n_points && !st; i++) {
            if (!keep[i])
                continue;
            char w[40];
            st = bmd_time_format_iso8601(epoch_unix_s + t->points[i].t_s, w, sizeof w, err);
            if (!st)
                bmd_sb_printf(sb, "<when>%s</when>", w);
        }
        bmd_sb_puts(sb, "\n");
        for (int i = 0; i < t->n_points && !st; i++) {
            if (!keep[i])
                continue;
            const bmd_scene_point *p = &t->points[i];
            bmd_sb_puts(sb, "<gx:coord>");
            bmd_sb_num(sb, remainder(bmd_rad_to_deg(p->lon_rad), 360.0), 7);
            bmd_sb_puts(sb, " ");
            bmd_sb_num(sb, bmd_rad_to_deg(p->lat_rad), 7);
            bmd_sb_puts(sb, " ");
            bmd_sb_num(sb, p->altitude_m, 1);
            bmd_sb_puts(sb, "</gx:coord>");
        }
        bmd_sb_puts(sb, "\n</gx:Track></Placemark>\n");
        free(keep);
    }
    bmd_sb_puts(sb, "</Folder>\n");
    return st;
}
