/* The analysis as a scene (bmd/analysis.h): areas, radar coverage, trajectories, sites and
 * intercept points, for GeoJSON, KML and SVG maps. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/analysis.h"

#define BOX_EDGE_POINTS 24  /* points per edge of a box drawn as a polygon */
#define MAX_NAMED 512       /* launch points and targets remembered to add each once */

double bmd_analysis_radar_coverage_m(const bmd_radar *radar)
{
    double det;
    if (!radar || bmd_radar_detection_range(radar, radar->rcs_m2[BMD_OBJECT_RV], &det, NULL))
        return NAN;
    return det < radar->max_range_m ? det : radar->max_range_m;
}

/* A box as a polygon: its edges sampled along parallels and meridians. */
static int add_box(bmd_scene *sc, const char *name, bmd_area_kind kind, const bmd_scenario_box *b,
                   bmd_error *err)
{
    double lat[4 * BOX_EDGE_POINTS], lon[4 * BOX_EDGE_POINTS];
    int n = 0;
    for (int e = 0; e < 4; e++)
        for (int i = 0; i < BOX_EDGE_POINTS; i++) {
            double f = (double)i / BOX_EDGE_POINTS;
            switch (e) {
            case 0: lat[n] = b->south_rad; lon[n] = b->west_rad + f * (b->east_rad - b->west_rad); break;
            case 1: lat[n] = b->south_rad + f * (b->north_rad - b->south_rad); lon[n] = b->east_rad; break;
            case 2: lat[n] = b->north_rad; lon[n] = b->east_rad - f * (b->east_rad - b->west_rad); break;
            default: lat[n] = b->north_rad - f * (b->north_rad - b->south_rad); lon[n] = b->west_rad;
            }
            lon[n] = remainder(lon[n], 2 * M_PI);
            n++;
        }
    return bmd_scene_add_area(sc, name, kind, lat, lon, n, NULL, err);
}

/* The boxes of the launch areas and target sets. */
static int add_areas(const bmd_scenario *scn, bmd_scene *sc, bmd_error *err)
{
    int st = BMD_SUCCESS;
    for (int i = 0; i < scn->n_launch_areas && !st; i++)
        if (scn->launch_areas[i].has_box)
            st = add_box(sc, scn->launch_areas[i].name, BMD_AREA_LAUNCH, &scn->launch_areas[i].box,
                         err);
    for (int i = 0; i < scn->n_targets && !st; i++)
        if (scn->targets[i].has_box)
            st = add_box(sc, scn->targets[i].name, BMD_AREA_TARGET, &scn->targets[i].box, err);
    return st;
}

double bmd_analysis_radar_coverage_rcs_m(const bmd_radar *radar, double rcs_m2)
{
    double det;
    if (!radar || bmd_radar_detection_range(radar, rcs_m2, &det, NULL))
        return NAN;
    return det < radar->max_range_m ? det : radar->max_range_m;
}

/* The smallest warhead cross-section among the scenario's threats (the default when none). */
static double smallest_warhead_rcs(const bmd_scenario *scn)
{
    double rcs = INFINITY;
    for (int i = 0; i < scn->n_threats; i++)
        if (scn->threats[i].entry && scn->threats[i].entry->signature.warhead_rcs_m2 < rcs)
            rcs = scn->threats[i].entry->signature.warhead_rcs_m2;
    return isfinite(rcs) ? rcs : BMD_DEFAULT_WARHEAD_RCS_M2;
}

int bmd_analysis_scene_set_rules(bmd_scene *sc, int f, const bmd_engagement_rules *r,
                                 bmd_error *err)
{
    int st = bmd_scene_set_text(sc, f, "launch_on", bmd_launch_on_name(r->launch_on), err);
    if (!st)
        st = bmd_scene_set_number(sc, f, "track_delay_s", r->timeline.track_delay_s, err);
    if (!st)
        st = bmd_scene_set_number(sc, f, "decision_delay_s", r->timeline.decision_delay_s, err);
    if (!st)
        st = bmd_scene_set_number(sc, f, "launch_delay_s", r->timeline.launch_delay_s, err);
    if (!st)
        st = bmd_scene_set_number(sc, f, "kill_assessment_s", r->timeline.kill_assessment_s, err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "fcr_required_at_intercept",
                                r->require_fcr_coverage ? "yes" : "no", err);
    return st;
}

int bmd_analysis_scene_add_coverage(bmd_scene *sc, const char *name, const char *type,
                                    const bmd_radar *r, double rcs_m2, bmd_error *err)
{
    double range = bmd_analysis_radar_coverage_rcs_m(r, rcs_m2);
    if (!isfinite(range))
        return bmd_error_set(err, BMD_EINVAL, "radar %s: no valid detection range", name);
    double lo = NAN, hi = NAN;
    if (!r->full_circle && r->azimuth_half_width_rad < M_PI) {
        lo = r->boresight_azimuth_rad - r->azimuth_half_width_rad;
        hi = r->boresight_azimuth_rad + r->azimuth_half_width_rad;
    }
    int f, st = bmd_scene_add_coverage(sc, name, r->lat_rad, r->lon_rad, range, lo, hi, &f, err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "radar", type, err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "object", "warhead", err);
    if (!st)
        st = bmd_scene_set_number(sc, f, "rcs_m2", rcs_m2, err);
    return st;
}

/* Coverage of the radar sensors and of the sites' fire-control radars. */
static int add_coverages(const bmd_scenario *scn, bmd_scene *sc, bmd_error *err)
{
    int st = BMD_SUCCESS;
    char name[2 * BMD_NAME_MAX + 16];
    const double rcs = smallest_warhead_rcs(scn);
    for (int i = 0; i < scn->n_sensors && !st; i++)
        if (scn->sensors[i].kind == BMD_SCENARIO_SENSOR_RADAR)
            st = bmd_analysis_scene_add_coverage(sc, scn->sensors[i].name,
                                                 scn->sensors[i].radar.entry.name,
                                                 &scn->sensors[i].radar.entry.radar, rcs, err);
    for (int i = 0; i < scn->n_sites && !st; i++)
        if (scn->sites[i].has_radar) {
            snprintf(name, sizeof name, "%s %s", scn->sites[i].name,
                     scn->sites[i].radar.entry.name);
            st = bmd_analysis_scene_add_coverage(sc, name, scn->sites[i].radar.entry.name,
                                                 &scn->sites[i].radar.entry.radar, rcs, err);
        }
    return st;
}

/* The reachable threats' trajectories, with the threat's name and target. */
static int add_tracks(const bmd_analysis *an, bmd_scene *sc, bmd_error *err)
{
    int st = BMD_SUCCESS;
    for (int i = 0; i < an->n_threats && !st; i++) {
        const bmd_analysis_flight *f = &an->threats[i].flight;
        const bmd_scenario_threat *t = &an->scn->threats[i];
        if (!f->reachable)
            continue;
        int feat;
        st = bmd_scene_add_trajectory(sc, t->name, t->entry->missile.name, &f->traj, &f->summary,
                                      &feat, err);
        if (!st)
            st = bmd_scene_set_text(sc, feat, "from", t->from.name[0] ? t->from.name : "launch",
                                    err);
        if (!st)
            st = bmd_scene_set_text(sc, feat, "to", t->to.name[0] ? t->to.name : "target", err);
        if (!st)
            st = bmd_scene_set_text(sc, feat, "shape", bmd_scenario_shape_name(t->shape), err);
    }
    return st;
}

/* Names already added (launch points and targets are shared by threats). */
typedef struct seen_names {
    char names[MAX_NAMED][BMD_NAME_MAX + 16];
    int n;
} seen_names;

/* Whether name was seen; remembers it. */
static int seen_before(seen_names *s, const char *name)
{
    for (int i = 0; i < s->n; i++)
        if (strcmp(s->names[i], name) == 0)
            return 1;
    if (s->n < MAX_NAMED)
        snprintf(s->names[s->n++], sizeof s->names[0], "%s", name);
    return 0;
}

/* A launch point or target, once. */
static int add_point(bmd_scene *sc, seen_names *seen, const bmd_scenario_point *p,
                     const char *fallback, bmd_site_kind kind, bmd_error *err)
{
    const char *name = p->name[0] ? p->name : fallback;
    if (seen_before(seen, name))
        return BMD_SUCCESS;
    return bmd_scene_add_site(sc, name, kind, p->lat_rad, p->lon_rad, p->height_m, NULL, err);
}

/* The rules pair (threat, site si) was evaluated under. */
static void pair_rules(const bmd_analysis *an, int si, bmd_engagement_rules *r)
{
    bmd_scenario_rules(an->scn, si, r);
    r->launch_on = an->opt.engage.launch_on;
    r->require_fcr_coverage = an->opt.engage.require_fcr_coverage;
}

/* Defence sites, radar sensors, and launch points and targets. */
static int add_sites(const bmd_analysis *an, int flags, bmd_scene *sc, bmd_error *err)
{
    const bmd_scenario *scn = an->scn;
    int st = BMD_SUCCESS, f;
    for (int i = 0; i < scn->n_sites && !st; i++) {
        const bmd_scenario_site *s = &scn->sites[i];
        st = bmd_scene_add_site(sc, s->name, BMD_SITE_INTERCEPTOR, s->site.lat_rad,
                                s->site.lon_rad, s->site.height_m, &f, err);
        if (!st)
            st = bmd_scene_set_text(sc, f, "interceptor", s->interceptor_entry.interceptor.name,
                                    err);
        if (!st)
            st = bmd_scene_set_number(sc, f, "count", s->count, err);
        if (!st)
            st = bmd_scene_set_text(sc, f, "radar", s->has_radar ? s->radar.entry.name : "none",
                                    err);
        if (!st) {
            bmd_engagement_rules r;
            pair_rules(an, i, &r);
            st = bmd_analysis_scene_set_rules(sc, f, &r, err);
        }
    }
    for (int i = 0; i < scn->n_sensors && !st; i++) {
        const bmd_scenario_sensor *s = &scn->sensors[i];
        if (s->kind != BMD_SCENARIO_SENSOR_RADAR)
            continue;
        st = bmd_scene_add_site(sc, s->name, BMD_SITE_RADAR, s->site.lat_rad, s->site.lon_rad,
                                s->site.height_m, &f, err);
        if (!st)
            st = bmd_scene_set_text(sc, f, "radar", s->radar.entry.name, err);
    }
    seen_names *seen = calloc(1, sizeof *seen);
    if (!seen)
        return st ? st : bmd_error_set(err, BMD_ENOMEM, "out of memory for the scene");
    char fallback[2][BMD_NAME_MAX + 16];
    for (int i = 0; i < scn->n_threats && !st; i++) {
        snprintf(fallback[0], sizeof fallback[0], "%s launch", scn->threats[i].name);
        snprintf(fallback[1], sizeof fallback[1], "%s target", scn->threats[i].name);
        st = add_point(sc, seen, &scn->threats[i].from, fallback[0], BMD_SITE_LAUNCH, err);
        if (!st)
            st = add_point(sc, seen, &scn->threats[i].to, fallback[1], BMD_SITE_TARGET, err);
    }
    for (int i = 0; (flags & BMD_ANALYSIS_SCENE_ALL_POINTS) && i < scn->n_launch_areas && !st; i++)
        for (int j = 0; j < scn->launch_areas[i].n_points && !st; j++)
            st = add_point(sc, seen, &scn->launch_areas[i].points[j], "launch", BMD_SITE_LAUNCH,
                           err);
    for (int i = 0; (flags & BMD_ANALYSIS_SCENE_ALL_POINTS) && i < scn->n_targets && !st; i++)
        for (int j = 0; j < scn->targets[i].n_points && !st; j++)
            st = add_point(sc, seen, &scn->targets[i].points[j], "target", BMD_SITE_TARGET, err);
    free(seen);
    return st;
}

int bmd_analysis_scene_add_intercept(bmd_scene *sc, const char *threat, const char *site,
                                     const char *which, const bmd_intercept_point *p,
                                     const bmd_engagement_rules *rules, bmd_error *err)
{
    char name[2 * BMD_NAME_MAX + 40];
    snprintf(name, sizeof name, "%s intercept of %s from %s", which, threat, site);
    int f, st = bmd_scene_add_site(sc, name, BMD_SITE_OTHER, p->lat_rad, p->lon_rad, p->altitude_m,
                                   &f, err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "feature", "intercept", err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "threat", threat, err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "site", site, err);
    if (!st)
        st = bmd_scene_set_number(sc, f, "time_s", p->t_s, err);
    if (!st)
        st = bmd_scene_set_number(sc, f, "altitude_km", p->altitude_m / 1e3, err);
    if (!st)
        st = bmd_scene_set_number(sc, f, "closing_speed_km_s", p->closing_speed_m_s / 1e3, err);
    if (!st && rules)
        st = bmd_analysis_scene_set_rules(sc, f, rules, err);
    return st;
}

/* Earliest and latest intercept points of the engageable pairs. */
static int add_intercepts(const bmd_analysis *an, bmd_scene *sc, bmd_error *err)
{
    int st = BMD_SUCCESS;
    for (int i = 0; i < an->n_threats * an->n_sites && !st; i++) {
        const bmd_analysis_pair *p = &an->pairs[i];
        if (p->status != BMD_ANALYSIS_EVALUATED || !p->engagement.engageable)
            continue;
        const char *tn = an->scn->threats[p->threat].name, *sn = an->scn->sites[p->site].name;
        bmd_engagement_rules r;
        pair_rules(an, p->site, &r);
        st = bmd_analysis_scene_add_intercept(sc, tn, sn, "earliest", &p->engagement.earliest,
                                              &r, err);
        if (!st)
            st = bmd_analysis_scene_add_intercept(sc, tn, sn, "latest", &p->engagement.latest,
                                                  &r, err);
    }
    return st;
}

int bmd_analysis_scene(const bmd_analysis *an, int flags, bmd_scene *scene, bmd_error *err)
{
    if (!an || !an->scn || !scene)
        return bmd_error_set(err, BMD_EINVAL, "no analysis or scene (NULL or empty)");
    const bmd_scenario *scn = an->scn;
    int st = BMD_SUCCESS;
    if (!scene->title && scn->title[0])
        st = bmd_scene_set_title(scene, scn->title, err);
    if (!st)
        st = add_areas(scn, scene, err);
    if (!st)
        st = add_coverages(scn, scene, err);
    if (!st)
        st = add_tracks(an, scene, err);
    if (!st)
        st = add_sites(an, flags, scene, err);
    if (!st && (flags & BMD_ANALYSIS_SCENE_INTERCEPTS))
        st = add_intercepts(an, scene, err);
    return st;
}
