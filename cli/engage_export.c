/* The flag form of engage as a scene (GeoJSON, KML): the features of bmd_analysis_scene for one
 * threat and one site, with the same kinds, names and properties. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bmd/geodesy.h"
#include "bmd/interceptor.h"

#include "bmd/analysis.h"
#include "bmd/scene.h"
#include "common.h"
#include "engage_export.h"
#include "outputs.h"

/* The site, with the properties of the scenario form's interceptor sites. */
static int add_defense(bmd_scene *sc, const cli_engage_export *x, bmd_error *err)
{
    const bmd_defense_site *s = x->site;
    int f, st = bmd_scene_add_site(sc, "defence site", BMD_SITE_INTERCEPTOR, s->lat_rad,
                                   s->lon_rad, s->height_m, &f, err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "interceptor", x->interceptor, err);
    if (!st)
        st = bmd_scene_set_number(sc, f, "count", s->n_interceptors, err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "radar", x->radar ? x->radar->name : "none", err);
    if (!st)
        st = bmd_analysis_scene_set_rules(sc, f, x->rules, err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "engageable", x->engagement->engageable ? "yes" : "no",
                                err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "reason", bmd_engage_reason_name(x->engagement->reason),
                                err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "radar_object", x->threat->rcs_text, err);
    if (st || !x->radar)
        return st;
    const bmd_radar *r = &x->radar->radar;
    char name[BMD_NAME_MAX + 32];
    if (r->lat_rad != s->lat_rad || r->lon_rad != s->lon_rad) {
        snprintf(name, sizeof name, "%s radar", x->radar->name);
        st = bmd_scene_add_site(sc, name, BMD_SITE_RADAR, r->lat_rad, r->lon_rad, r->height_m, &f,
                                err);
        if (!st)
            st = bmd_scene_set_text(sc, f, "radar", x->radar->name, err);
    }
    /* coverage as in bmd_analysis_scene; the message names the radar type, as it always has */
    if (!st && !isfinite(bmd_analysis_radar_coverage_rcs_m(r, x->threat->warhead_rcs_m2)))
        return bmd_error_set(err, BMD_EINVAL, "radar %s: no valid detection range",
                             x->radar->name);
    snprintf(name, sizeof name, "defence site %s", x->radar->name);
    return st ? st : bmd_analysis_scene_add_coverage(sc, name, x->radar->name, r,
                                                     x->threat->warhead_rcs_m2, err);
}

/* The kill vehicle's flight from the site to intercept point p (which: "earliest" or "latest"):
 * the elevation that reaches the point soonest (direct computation), flown with a state every
 * 2 s up to the arrival, then the point itself; times on the threat's clock (launched at
 * p->t_s minus the direct flight time). Not added when the direct computation does not reach the
 * point (the table and the direct fan disagree near the edge of reach). */
static int add_flyout(bmd_scene *sc, const cli_engage_export *x, const char *which,
                      const bmd_intercept_point *p, bmd_error *err)
{
    const bmd_defense_site *s = x->site;
    bmd_interceptor_site is = {s->lat_rad, s->lon_rad, s->height_m, 0};
    bmd_geodesy_inverse(x->earth, s->lat_rad, s->lon_rad, p->lat_rad, p->lon_rad, NULL,
                        &is.azimuth_rad, NULL);
    bmd_reach reach;
    int st = bmd_interceptor_reach(x->earth, x->ic, &is, p->ground_range_m, p->altitude_m, 0,
                                   &reach, err);
    if (st || !reach.reachable || !isfinite(reach.elevation_rad))
        return st;
    const double dt = 2.0;
    int cap = (int)ceil(x->ic->max_flyout_time_s / dt) + 3, n = 0;
    bmd_kv_state *kv = malloc((size_t)cap * sizeof *kv);
    bmd_sample *smp = calloc((size_t)cap + 1, sizeof *smp);
    if (!kv || !smp) {
        free(kv);
        free(smp);
        return bmd_error_set(err, BMD_ENOMEM, "out of memory flying the interceptor");
    }
    st = bmd_interceptor_fly(x->earth, x->ic, &is, reach.elevation_rad, dt, kv, cap, &n, err);
    int m = 0;
    double launch_s = p->t_s - reach.t_s;
    for (int i = 0; !st && i < n && kv[i].t_s < reach.t_s; i++, m++) {
        smp[m].t_s = launch_s + kv[i].t_s;
        bmd_earth_ecef_to_geodetic(x->earth, kv[i].r_ecef_m, &smp[m].lat_rad, &smp[m].lon_rad,
                                   &smp[m].altitude_m);
        smp[m].phase = -1;
    }
    smp[m] = (bmd_sample){.t_s = p->t_s, .lat_rad = p->lat_rad, .lon_rad = p->lon_rad,
                          .altitude_m = p->altitude_m, .phase = -1};
    m++;
    char name[BMD_NAME_MAX + 64];
    snprintf(name, sizeof name, "%s to the %s intercept", x->interceptor, which);
    int f;
    if (!st && m >= 2)
        st = bmd_scene_add_track(sc, name, x->interceptor, BMD_TRACK_INTERCEPTOR, smp, m, 0, &f,
                                 err);
    if (!st && m >= 2)
        st = bmd_scene_set_number(sc, f, "launch_time_s", launch_s, err);
    if (!st && m >= 2)
        st = bmd_scene_set_number(sc, f, "elevation_deg", bmd_rad_to_deg(reach.elevation_rad),
                                  err);
    if (!st && m >= 2)
        st = bmd_scene_set_text(sc, f, "method", "direct flight of the catalogue interceptor "
                                "(bmd_interceptor_reach, bmd_interceptor_fly), launched to "
                                "arrive at the intercept time", err);
    free(kv);
    free(smp);
    return st;
}

/* Everything: the site (with its radar and coverage), the track, its ends, the intercepts. */
static int build(bmd_scene *sc, const cli_engage_export *x, bmd_error *err)
{
    const cli_threat *t = x->threat;
    char title[256];
    snprintf(title, sizeof title, "bmdsim engage: %s against %s", t->missile, x->interceptor);
    int f, st = bmd_scene_set_title(sc, title, err);
    if (!st)
        st = add_defense(sc, x, err);
    if (!st)
        st = bmd_scene_add_trajectory(sc, t->missile, t->missile, &t->traj, &t->summary, &f, err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "from", "launch", err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "to", "target", err);
    if (!st)
        st = bmd_scene_add_site(sc, "launch", BMD_SITE_LAUNCH, t->from_lat_rad, t->from_lon_rad, 0,
                                NULL, err);
    if (!st)
        st = bmd_scene_add_site(sc, "target", BMD_SITE_TARGET, t->to_lat_rad, t->to_lon_rad, 0,
                                NULL, err);
    if (!st && x->engagement->engageable) {
        st = bmd_analysis_scene_add_intercept(sc, t->missile, "defence site", "earliest",
                                              &x->engagement->earliest, x->rules, err);
        if (!st)
            st = bmd_analysis_scene_add_intercept(sc, t->missile, "defence site", "latest",
                                                  &x->engagement->latest, x->rules, err);
        if (!st && x->ic)
            st = add_flyout(sc, x, "earliest", &x->engagement->earliest, err);
        if (!st && x->ic)
            st = add_flyout(sc, x, "latest", &x->engagement->latest, err);
    }
    return st;
}

int cli_engage_exports(const cli_args *a, const cli_engage_export *x, const char *geojson,
                       const char *kml, const char *czml)
{
    const char *command = a->command;
    if (!geojson && !kml && !czml)
        return CLI_OK;
    /* both files, or neither */
    cli_outputs out;
    int gj = -1, km = -1;
    int st = cli_outputs_open(&out, command, 1);
    if (!st && !(st = cli_outputs_add(&out, geojson, 0, &gj)) &&
        !(st = cli_outputs_add(&out, kml, 0, &km)) &&
        !(st = cli_outputs_add(&out, czml, 0, &out.czml)) && !(st = cli_outputs_epoch(&out, a))) {
        bmd_scene sc;
        bmd_scene_init(&sc, x->earth);
        bmd_error err = {0};
        int lib = build(&sc, x, &err);
        st = lib ? cli_library_failure(command, lib, &err) : cli_outputs_write_scene(&out, &sc, gj, km);
        bmd_scene_free(&sc);
        if (!st)
            st = cli_outputs_commit(&out);
    }
    cli_outputs_close(&out);
    return st;
}
