/* Writing a scenario back out as a scenario file (the format of docs/scenarios.md), so that
 * loading the written file gives the same values: angles in degrees with 17 significant digits,
 * text double-quoted with escapes, every override and provenance kept. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "bmd/scenario.h"

/* Text as a double-quoted YAML scalar. */
static void put_text(FILE *f, const char *s)
{
    fputc('"', f);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            fprintf(f, "\\%c", ch);
        else if (ch == '\n')
            fputs("\\n", f);
        else if (ch == '\t')
            fputs("\\t", f);
        else if (ch < 0x20)
            fprintf(f, "\\x%02x", ch);
        else
            fputc(ch, f);
    }
    fputc('"', f);
}

/* A number that reads back to the same double. */
static void put_number(FILE *f, double v) { fprintf(f, "%.17g", v); }

/* [LAT, LON, HEIGHT] in degrees and metres. */
static void put_point(FILE *f, const bmd_scenario_point *p)
{
    fputc('[', f);
    put_number(f, bmd_rad_to_deg(p->lat_rad));
    fputs(", ", f);
    put_number(f, bmd_rad_to_deg(p->lon_rad));
    fputs(", ", f);
    put_number(f, p->height_m);
    fputc(']', f);
}

/* The provenance keys, each on its own line at indent. */
static void put_provenance(FILE *f, const char *indent, const bmd_param_provenance *p)
{
    if (p->source[0])
        fprintf(f, "%ssource: %s\n", indent, p->source);
    if (p->notional)
        fprintf(f, "%snotional: true\n", indent);
    if (p->note[0]) {
        fprintf(f, "%snote: ", indent);
        put_text(f, p->note);
        fputc('\n', f);
    }
}

/* `set: {...}` of a reference, when it has overrides. */
static void put_set(FILE *f, const char *indent, const bmd_scenario_ref *r)
{
    if (r->n_set == 0)
        return;
    fprintf(f, "%sset: {", indent);
    for (int i = 0; i < r->n_set; i++) {
        fputs(i ? ", " : "", f);
        put_text(f, r->set[i].field);
        fprintf(f, ": %s", r->set[i].text);
    }
    fputs("}\n", f);
}

/* The four delays as a flow mapping. */
static void put_timeline(FILE *f, const bmd_scenario_timeline *t)
{
    fputs("{detect_to_track_s: ", f);
    put_number(f, t->detect_to_track_s);
    fputs(", track_to_decision_s: ", f);
    put_number(f, t->track_to_decision_s);
    fputs(", decision_to_launch_s: ", f);
    put_number(f, t->decision_to_launch_s);
    fputs(", kill_assessment_s: ", f);
    put_number(f, t->kill_assessment_s);
    fputc('}', f);
}

/* The sensors list. */
static void put_sensors(FILE *f, const bmd_scenario *scn)
{
    if (scn->n_sensors)
        fputs("sensors:\n", f);
    for (int i = 0; i < scn->n_sensors; i++) {
        const bmd_scenario_sensor *s = &scn->sensors[i];
        fprintf(f, "  - name: %s\n", s->name);
        if (s->kind == BMD_SCENARIO_SENSOR_IR) {
            fputs("    ir: {cloud_top_m: ", f);
            put_number(f, s->ir.min_altitude_m);
            fputs(", delay_s: ", f);
            put_number(f, s->ir.delay_s);
            fputs("}\n", f);
        } else {
            fputs("    radar: ", f);
            put_text(f, s->radar.type.name);
            fputs("\n    at: ", f);
            put_point(f, &s->site);
            fputc('\n', f);
            if (s->radar.has_boresight) {
                fputs("    boresight_deg: ", f);
                put_number(f, bmd_rad_to_deg(s->radar.boresight_azimuth_rad));
                fputc('\n', f);
            }
            put_set(f, "    ", &s->radar.type);
        }
        put_provenance(f, "    ", &s->site.prov);
    }
}

/* The sites list. */
static void put_sites(FILE *f, const bmd_scenario *scn)
{
    if (scn->n_sites)
        fputs("sites:\n", f);
    for (int i = 0; i < scn->n_sites; i++) {
        const bmd_scenario_site *s = &scn->sites[i];
        fprintf(f, "  - name: %s\n    at: ", s->name);
        put_point(f, &s->site);
        fputs("\n    interceptor: ", f);
        put_text(f, s->interceptor.name);
        fprintf(f, "\n    count: %d\n", s->count);
        put_set(f, "    ", &s->interceptor);
        if (s->has_radar) {
            fputs("    radar:\n      type: ", f);
            put_text(f, s->radar.type.name);
            fputc('\n', f);
            if (s->radar.has_boresight) {
                fputs("      boresight_deg: ", f);
                put_number(f, bmd_rad_to_deg(s->radar.boresight_azimuth_rad));
                fputc('\n', f);
            }
            put_set(f, "      ", &s->radar.type);
        }
        if (s->n_cues) {
            fputs("    cue: [", f);
            for (int k = 0; k < s->n_cues; k++)
                fprintf(f, "%s%s", k ? ", " : "", scn->sensors[s->cues[k]].name);
            fputs("]\n", f);
        }
        fputs("    timeline: ", f);
        put_timeline(f, &s->timeline);
        fputc('\n', f);
        put_provenance(f, "    ", &s->site.prov);
    }
}

/* One area list (launch areas, targets or grids). */
static void put_areas(FILE *f, const char *list, const bmd_scenario_area *a, int n)
{
    if (n)
        fprintf(f, "%s:\n", list);
    for (int i = 0; i < n; i++) {
        fprintf(f, "  - name: %s\n", a[i].name);
        if (a[i].has_box) {
            const bmd_scenario_box *b = &a[i].box;
            fputs("    box: {south: ", f);
            put_number(f, bmd_rad_to_deg(b->south_rad));
            fputs(", north: ", f);
            put_number(f, bmd_rad_to_deg(b->north_rad));
            fputs(", west: ", f);
            put_number(f, bmd_rad_to_deg(b->west_rad));
            fputs(", east: ", f);
            put_number(f, bmd_rad_to_deg(b->east_rad));
            fputs(b->step_rad > 0 ? ", step_deg: " : ", step_m: ", f);
            put_number(f, b->step_rad > 0 ? bmd_rad_to_deg(b->step_rad) : b->step_m);
            fputs("}\n", f);
        }
        if (a[i].n_points)
            fputs("    points:\n", f);
        for (int k = 0; k < a[i].n_points; k++) {
            fprintf(f, "      - name: %s\n        at: ", a[i].points[k].name);
            put_point(f, &a[i].points[k]);
            fputc('\n', f);
            put_provenance(f, "        ", &a[i].points[k].prov);
        }
        if (a[i].has_missile) {
            fputs("    missile: ", f);
            put_text(f, a[i].missile.name);
            fprintf(f, "\n    shape: %s\n", bmd_scenario_shape_name(a[i].shape));
            put_set(f, "    ", &a[i].missile);
        }
        put_provenance(f, "    ", &a[i].prov);
    }
}

/* A threat's end: the point's name, or its coordinates. */
static void put_end(FILE *f, const char *key, const bmd_scenario_point *p)
{
    fprintf(f, "    %s: ", key);
    if (p->name[0])
        fputs(p->name, f);
    else
        put_point(f, p);
    fputc('\n', f);
}

/* The threats list. */
static void put_threats(FILE *f, const bmd_scenario *scn)
{
    if (scn->n_threats)
        fputs("threats:\n", f);
    for (int i = 0; i < scn->n_threats; i++) {
        const bmd_scenario_threat *t = &scn->threats[i];
        fprintf(f, "  - name: %s\n    missile: ", t->name);
        put_text(f, t->missile.name);
        fputc('\n', f);
        put_set(f, "    ", &t->missile);
        put_end(f, "from", &t->from);
        put_end(f, "to", &t->to);
        fprintf(f, "    shape: %s\n    launch_time_s: ", bmd_scenario_shape_name(t->shape));
        put_number(f, t->launch_time_s);
        fprintf(f, "\n    warheads: %d\n    decoys: %d\n", t->warheads, t->decoys);
        if (!t->from.name[0])
            put_provenance(f, "    ", &t->from.prov);
        else if (!t->to.name[0])
            put_provenance(f, "    ", &t->to.prov);
    }
}

/* Write the whole scenario to f. */
static void put_scenario(FILE *f, const bmd_scenario *scn)
{
    fputs("kind: scenario\ntitle: ", f);
    put_text(f, scn->title);
    fputc('\n', f);
    if (scn->question[0]) {
        fputs("question: ", f);
        put_text(f, scn->question);
        fputc('\n', f);
    }
    if (scn->date[0]) {
        fputs("date: ", f);
        put_text(f, scn->date);
        fputc('\n', f);
    }
    if (scn->phase[0]) {
        fputs("phase: ", f);
        put_text(f, scn->phase);
        fputc('\n', f);
    }
    if (scn->n_notes)
        fputs("notes:\n", f);
    for (int i = 0; i < scn->n_notes; i++) {
        fputs("  - ", f);
        put_text(f, scn->notes[i]);
        fputc('\n', f);
    }
    if (scn->earth_kind == BMD_EARTH_SPHERE) {
        fputs("earth: {model: sphere, radius_m: ", f);
        put_number(f, scn->earth.a_m);
        fprintf(f, ", rotating: %s}\n", scn->earth.omega_rad_s != 0 ? "true" : "false");
    } else {
        fputs("earth: wgs84\n", f);
    }
    fputs("timeline: ", f);
    put_timeline(f, &scn->timeline);
    fputc('\n', f);
    fprintf(f, "engagement: {launch_on: %s, fire_control_at_intercept: %s}\n",
            bmd_launch_on_name(scn->launch_on), scn->require_fcr_coverage ? "true" : "false");
    if (scn->n_sources)
        fputs("sources:\n", f);
    for (int i = 0; i < scn->n_sources; i++) {
        fprintf(f, "  %s: ", scn->sources[i].key);
        put_text(f, scn->sources[i].citation);
        fputc('\n', f);
    }
    put_sensors(f, scn);
    put_sites(f, scn);
    put_areas(f, "launch_areas", scn->launch_areas, scn->n_launch_areas);
    put_areas(f, "targets", scn->targets, scn->n_targets);
    put_areas(f, "grids", scn->grids, scn->n_grids);
    put_threats(f, scn);
}

int bmd_scenario_save(const bmd_scenario *scn, const char *path, bmd_error *err)
{
    bmd_error_clear(err);
    if (!scn || !path)
        return bmd_error_set(err, BMD_EINVAL, "scenario save: scenario and path must be given");
    FILE *f = fopen(path, "w");
    if (!f)
        return bmd_error_set(err, BMD_EIO, "%s: cannot write scenario file: %s", path,
                             strerror(errno));
    put_scenario(f, scn);
    int bad = ferror(f);
    if (fclose(f) != 0 || bad)
        return bmd_error_set(err, BMD_EIO, "%s: writing the scenario failed", path);
    return BMD_SUCCESS;
}
