/* The flag form of engage as a scene (GeoJSON, KML): the features of bmd_analysis_scene for one
 * threat and one site, with the same kinds, names and properties. */
#include <math.h>
#include <stdio.h>

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
    }
    return st;
}

int cli_engage_exports(const char *command, const cli_engage_export *x, const char *geojson,
                       const char *kml)
{
    if (!geojson && !kml)
        return CLI_OK;
    /* both files, or neither */
    cli_outputs out;
    int gj = -1, km = -1;
    int st = cli_outputs_open(&out, command, 1);
    if (!st && !(st = cli_outputs_add(&out, geojson, 0, &gj)) &&
        !(st = cli_outputs_add(&out, kml, 0, &km))) {
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
