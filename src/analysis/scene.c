/* A scene: sites, tracks, coverage and areas to export or draw; owns copies of everything. */
#include "bmd/scene.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/geodesy.h"

/* Grow an array of elements of size sz to hold one more. */
static int grow(void **array, int *cap, int n, size_t sz)
{
    if (n < *cap)
        return 1;
    int c = *cap ? 2 * *cap : 8;
    void *p = realloc(*array, (size_t)c * sz);
    if (!p)
        return 0;
    *array = p;
    *cap = c;
    return 1;
}

/* strdup that tolerates NULL (returns NULL) and reports failure through *ok. */
static char *copy_text(const char *text, int *ok)
{
    if (!text)
        return NULL;
    size_t n = strlen(text) + 1;
    char *p = malloc(n);
    if (!p) {
        *ok = 0;
        return NULL;
    }
    memcpy(p, text, n);
    return p;
}

void bmd_scene_init(bmd_scene *scene, const bmd_earth *earth)
{
    memset(scene, 0, sizeof *scene);
    if (earth)
        scene->earth = *earth;
    else
        bmd_earth_init_wgs84(&scene->earth);
}

void bmd_scene_free(bmd_scene *scene)
{
    bmd_earth earth = scene->earth;
    for (int i = 0; i < scene->n_sites; i++)
        free(scene->sites[i].name);
    for (int i = 0; i < scene->n_tracks; i++) {
        free(scene->tracks[i].name);
        free(scene->tracks[i].missile);
        free(scene->tracks[i].points);
    }
    for (int i = 0; i < scene->n_coverages; i++)
        free(scene->coverages[i].name);
    for (int i = 0; i < scene->n_areas; i++) {
        free(scene->areas[i].name);
        free(scene->areas[i].lat_rad);
        free(scene->areas[i].lon_rad);
    }
    for (int i = 0; i < scene->n_props; i++) {
        free(scene->props[i].key);
        free(scene->props[i].text);
    }
    free(scene->title);
    free(scene->sites);
    free(scene->tracks);
    free(scene->coverages);
    free(scene->areas);
    free(scene->props);
    free(scene->features);
    memset(scene, 0, sizeof *scene);
    scene->earth = earth;
}

int bmd_scene_set_title(bmd_scene *scene, const char *title, bmd_error *err)
{
    int ok = 1;
    char *t = copy_text(title, &ok);
    if (!ok)
        return bmd_error_set(err, BMD_ENOMEM, "out of memory storing the scene title");
    free(scene->title);
    scene->title = t;
    return BMD_SUCCESS;
}

/* Check a name and a position shared by all features. */
static int check_point(const char *what, const char *name, double lat, double lon, bmd_error *err)
{
    if (!name || !*name)
        return bmd_error_set(err, BMD_EINVAL, "%s name is empty (a name is required)", what);
    if (!isfinite(lat) || fabs(lat) > M_PI / 2)
        return bmd_error_set(err, BMD_EINVAL, "%s '%s': latitude %g rad is outside [-pi/2, pi/2]",
                             what, name, lat);
    if (!isfinite(lon))
        return bmd_error_set(err, BMD_EINVAL, "%s '%s': longitude %g rad is not finite", what,
                             name, lon);
    return BMD_SUCCESS;
}

/* Record the feature (type, index) in insertion order; returns 0 on allocation failure. */
static int push_feature(bmd_scene *s, bmd_feature_type type, int index, int *feature)
{
    if (!grow((void **)&s->features, &s->cap_features, s->n_features, sizeof *s->features))
        return 0;
    s->features[s->n_features] = (bmd_scene_feature){type, index};
    if (feature)
        *feature = s->n_features;
    s->n_features++;
    return 1;
}

static int no_memory(bmd_error *err, const char *what)
{
    return bmd_error_set(err, BMD_ENOMEM, "out of memory adding %s to the scene", what);
}

int bmd_scene_add_site(bmd_scene *scene, const char *name, bmd_site_kind kind, double lat_rad,
                       double lon_rad, double height_m, int *feature, bmd_error *err)
{
    int st = check_point("site", name, lat_rad, lon_rad, err);
    if (st)
        return st;
    if ((int)kind < 0 || kind > BMD_SITE_OTHER)
        return bmd_error_set(err, BMD_EINVAL, "site '%s': kind %d is not a bmd_site_kind", name,
                             (int)kind);
    if (!isfinite(height_m))
        return bmd_error_set(err, BMD_EINVAL, "site '%s': height %g m is not finite", name,
                             height_m);
    int ok = 1;
    if (!grow((void **)&scene->sites, &scene->cap_sites, scene->n_sites, sizeof *scene->sites))
        return no_memory(err, "a site");
    bmd_scene_site *s = &scene->sites[scene->n_sites];
    *s = (bmd_scene_site){copy_text(name, &ok), kind, lat_rad, lon_rad, height_m};
    if (!ok || !push_feature(scene, BMD_FEATURE_SITE, scene->n_sites, feature)) {
        free(s->name);
        return no_memory(err, "a site");
    }
    scene->n_sites++;
    return BMD_SUCCESS;
}

int bmd_scene_add_track(bmd_scene *scene, const char *name, const char *missile,
                        bmd_track_kind kind, const bmd_sample *samples, int n, int impacted,
                        int *feature, bmd_error *err)
{
    if (!name || !*name)
        return bmd_error_set(err, BMD_EINVAL, "track name is empty (a name is required)");
    if (!samples || n < 2)
        return bmd_error_set(err, BMD_EINVAL, "track '%s': %d samples (at least 2 needed)", name,
                             samples ? n : 0);
    if ((int)kind < 0 || kind > BMD_TRACK_INTERCEPTOR)
        return bmd_error_set(err, BMD_EINVAL, "track '%s': kind %d is not a bmd_track_kind", name,
                             (int)kind);
    for (int i = 0; i < n; i++) {
        const bmd_sample *p = &samples[i];
        int st = check_point("track", name, p->lat_rad, p->lon_rad, err);
        if (st)
            return st;
        if (!isfinite(p->altitude_m) || !isfinite(p->t_s))
            return bmd_error_set(err, BMD_EINVAL, "track '%s': sample %d has a non-finite "
                                 "altitude (%g m) or time (%g s)", name, i, p->altitude_m, p->t_s);
    }
    if (!grow((void **)&scene->tracks, &scene->cap_tracks, scene->n_tracks, sizeof *scene->tracks))
        return no_memory(err, "a track");
    bmd_scene_track *t = &scene->tracks[scene->n_tracks];
    int ok = 1;
    memset(t, 0, sizeof *t);
    t->name = copy_text(name, &ok);
    t->missile = copy_text(missile, &ok);
    t->points = malloc((size_t)n * sizeof *t->points);
    if (!ok || !t->points || !push_feature(scene, BMD_FEATURE_TRACK, scene->n_tracks, feature)) {
        free(t->name);
        free(t->missile);
        free(t->points);
        return no_memory(err, "a track");
    }
    t->kind = kind;
    t->n_points = n;
    t->apogee_m = -INFINITY;
    for (int i = 0; i < n; i++) {
        t->points[i] = (bmd_scene_point){samples[i].t_s, samples[i].lat_rad, samples[i].lon_rad,
                                         samples[i].altitude_m, samples[i].phase};
        if (samples[i].altitude_m > t->apogee_m)
            t->apogee_m = samples[i].altitude_m;
    }
    t->launch_s = samples[0].t_s;
    t->end_s = samples[n - 1].t_s;
    t->impacted = impacted != 0;
    bmd_geodesy_inverse(&scene->earth, samples[0].lat_rad, samples[0].lon_rad,
                        samples[n - 1].lat_rad, samples[n - 1].lon_rad, &t->range_m, NULL, NULL);
    scene->n_tracks++;
    return BMD_SUCCESS;
}

int bmd_scene_add_trajectory(bmd_scene *scene, const char *name, const char *missile,
                             const bmd_trajectory *traj, const bmd_flight_summary *summary,
                             int *feature, bmd_error *err)
{
    if (!traj)
        return bmd_error_set(err, BMD_EINVAL, "trajectory '%s' is NULL", name ? name : "");
    int f, impacted = summary ? summary->impacted : 0;
    int st = bmd_scene_add_track(scene, name, missile, BMD_TRACK_THREAT, traj->samples,
                                 traj->n_samples, impacted, &f, err);
    if (st)
        return st;
    /* the flight's own range and apogee replace the track's (written once, as range_km and
     * apogee_km) */
    bmd_scene_track *t = &scene->tracks[scene->n_tracks - 1];
    if (summary && summary->impacted)
        t->range_m = summary->ground_range_m;
    if (summary && isfinite(summary->apogee_altitude_m))
        t->apogee_m = summary->apogee_altitude_m;
    if ((st = bmd_scene_set_number(scene, f, "launch_time_s", t->launch_s, err)) ||
        (impacted && (st = bmd_scene_set_number(scene, f, "impact_time_s", t->end_s, err))))
        return st;
    if (feature)
        *feature = f;
    return BMD_SUCCESS;
}

int bmd_scene_add_coverage(bmd_scene *scene, const char *name, double lat_rad, double lon_rad,
                           double range_m, double az_min_rad, double az_max_rad, int *feature,
                           bmd_error *err)
{
    int st = check_point("coverage", name, lat_rad, lon_rad, err);
    if (st)
        return st;
    double half_circumference = M_PI * bmd_earth_mean_radius_m(&scene->earth);
    if (!(range_m > 0) || !(range_m < half_circumference))
        return bmd_error_set(err, BMD_EINVAL, "coverage '%s': range %g m is outside (0, %.0f) m "
                             "(half the Earth's circumference)", name, range_m,
                             half_circumference);
    int full = isnan(az_min_rad) || isnan(az_max_rad);
    if (!full && (!isfinite(az_min_rad) || !isfinite(az_max_rad)))
        return bmd_error_set(err, BMD_EINVAL, "coverage '%s': azimuth limits %g, %g rad are not "
                             "finite", name, az_min_rad, az_max_rad);
    if (!full && az_max_rad - az_min_rad >= 2 * M_PI)
        full = 1;
    if (!full && fmod(fmod(az_max_rad - az_min_rad, 2 * M_PI) + 2 * M_PI, 2 * M_PI) < 1e-9)
        return bmd_error_set(err, BMD_EINVAL, "coverage '%s': azimuth limits %g and %g rad enclose "
                             "no sector (use NaN for a full circle)", name, az_min_rad, az_max_rad);
    if (!grow((void **)&scene->coverages, &scene->cap_coverages, scene->n_coverages,
              sizeof *scene->coverages))
        return no_memory(err, "a coverage");
    int ok = 1;
    bmd_scene_coverage *c = &scene->coverages[scene->n_coverages];
    *c = (bmd_scene_coverage){copy_text(name, &ok), lat_rad, lon_rad, range_m,
                              full ? 0 : az_min_rad, full ? 2 * M_PI : az_max_rad, full};
    if (!ok || !push_feature(scene, BMD_FEATURE_COVERAGE, scene->n_coverages, feature)) {
        free(c->name);
        return no_memory(err, "a coverage");
    }
    scene->n_coverages++;
    return BMD_SUCCESS;
}

int bmd_scene_add_area(bmd_scene *scene, const char *name, bmd_area_kind kind,
                       const double *lat_rad, const double *lon_rad, int n, int *feature,
                       bmd_error *err)
{
    if (!name || !*name)
        return bmd_error_set(err, BMD_EINVAL, "area name is empty (a name is required)");
    if (!lat_rad || !lon_rad || n < 3)
        return bmd_error_set(err, BMD_EINVAL, "area '%s': %d points (at least 3 needed)", name,
                             lat_rad && lon_rad ? n : 0);
    if ((int)kind < 0 || kind > BMD_AREA_OTHER)
        return bmd_error_set(err, BMD_EINVAL, "area '%s': kind %d is not a bmd_area_kind", name,
                             (int)kind);
    for (int i = 0; i < n; i++) {
        int st = check_point("area", name, lat_rad[i], lon_rad[i], err);
        if (st)
            return st;
    }
    if (!grow((void **)&scene->areas, &scene->cap_areas, scene->n_areas, sizeof *scene->areas))
        return no_memory(err, "an area");
    int ok = 1;
    bmd_scene_area *a = &scene->areas[scene->n_areas];
    a->name = copy_text(name, &ok);
    a->kind = kind;
    a->n = n;
    a->lat_rad = malloc((size_t)n * sizeof(double));
    a->lon_rad = malloc((size_t)n * sizeof(double));
    if (!ok || !a->lat_rad || !a->lon_rad ||
        !push_feature(scene, BMD_FEATURE_AREA, scene->n_areas, feature)) {
        free(a->name);
        free(a->lat_rad);
        free(a->lon_rad);
        return no_memory(err, "an area");
    }
    memcpy(a->lat_rad, lat_rad, (size_t)n * sizeof(double));
    memcpy(a->lon_rad, lon_rad, (size_t)n * sizeof(double));
    scene->n_areas++;
    return BMD_SUCCESS;
}

/* Append a property with a copied key and text. */
static int add_property(bmd_scene *scene, int feature, const char *key, const char *text,
                        double number, bmd_error *err)
{
    if (feature < 0 || feature >= scene->n_features)
        return bmd_error_set(err, BMD_EINVAL, "feature %d does not exist (the scene has %d)",
                             feature, scene->n_features);
    if (!key || !*key)
        return bmd_error_set(err, BMD_EINVAL, "property key is empty");
    if (!grow((void **)&scene->props, &scene->cap_props, scene->n_props, sizeof *scene->props))
        return no_memory(err, "a property");
    int ok = 1;
    bmd_scene_property *p = &scene->props[scene->n_props];
    p->feature = feature;
    p->key = copy_text(key, &ok);
    p->text = copy_text(text, &ok);
    p->number = number;
    if (!ok) {
        free(p->key);
        free(p->text);
        return no_memory(err, "a property");
    }
    scene->n_props++;
    return BMD_SUCCESS;
}

int bmd_scene_set_number(bmd_scene *scene, int feature, const char *key, double value,
                         bmd_error *err)
{
    if (!isfinite(value))
        return bmd_error_set(err, BMD_EINVAL, "property '%s': value %g is not finite",
                             key ? key : "", value);
    return add_property(scene, feature, key, NULL, value, err);
}

int bmd_scene_set_text(bmd_scene *scene, int feature, const char *key, const char *text,
                       bmd_error *err)
{
    if (!text)
        return bmd_error_set(err, BMD_EINVAL, "property '%s': text is NULL", key ? key : "");
    return add_property(scene, feature, key, text, 0, err);
}

/* Number of azimuth steps of at most step_rad over the coverage's span. */
static int arc_steps(const bmd_scene_coverage *c, double step_rad)
{
    double span = c->full_circle ? 2 * M_PI
                                 : fmod(fmod(c->az_max_rad - c->az_min_rad, 2 * M_PI) + 2 * M_PI,
                                        2 * M_PI);
    int k = (int)ceil(span / step_rad - 1e-9);
    return k < 4 ? 4 : k;
}

int bmd_scene_coverage_points(const bmd_scene_coverage *c, double step_rad)
{
    if (!(step_rad > 0) || !isfinite(step_rad))
        return 0;
    int k = arc_steps(c, step_rad);
    return c->full_circle ? k : k + 2;
}

int bmd_scene_coverage_ring(const bmd_scene *scene, const bmd_scene_coverage *c, double step_rad,
                            double *lat_rad, double *lon_rad, int max_points, int *n,
                            bmd_error *err)
{
    if (!(step_rad > 0) || !isfinite(step_rad) || step_rad > 1)
        return bmd_error_set(err, BMD_EINVAL, "coverage step %g rad is outside (0, 1]", step_rad);
    int need = bmd_scene_coverage_points(c, step_rad);
    if (max_points < need)
        return bmd_error_set(err, BMD_EINVAL, "coverage '%s' needs %d points (room for %d)",
                             c->name, need, max_points);
    int k = arc_steps(c, step_rad), m = 0;
    double span = c->full_circle ? 2 * M_PI
                                 : fmod(fmod(c->az_max_rad - c->az_min_rad, 2 * M_PI) + 2 * M_PI,
                                        2 * M_PI);
    if (!c->full_circle) {
        lat_rad[m] = c->lat_rad;
        lon_rad[m++] = c->lon_rad;
    }
    int last = c->full_circle ? k - 1 : k;
    for (int i = 0; i <= last; i++) {
        double az = c->az_min_rad + span * i / k;
        bmd_geodesy_direct(&scene->earth, c->lat_rad, c->lon_rad, az, c->range_m, &lat_rad[m],
                           &lon_rad[m], NULL);
        m++;
    }
    *n = m;
    return BMD_SUCCESS;
}

const char *bmd_site_kind_name(bmd_site_kind kind)
{
    static const char *names[] = {"radar", "interceptor", "launch", "target", "other"};
    return (int)kind >= 0 && kind <= BMD_SITE_OTHER ? names[kind] : "unknown";
}

const char *bmd_track_kind_name(bmd_track_kind kind)
{
    static const char *names[] = {"threat", "interceptor"};
    return (int)kind >= 0 && kind <= BMD_TRACK_INTERCEPTOR ? names[kind] : "unknown";
}

const char *bmd_area_kind_name(bmd_area_kind kind)
{
    static const char *names[] = {"footprint", "launch area", "target area", "area"};
    return (int)kind >= 0 && kind <= BMD_AREA_OTHER ? names[kind] : "unknown";
}

const char *bmd_phase_name(int phase)
{
    static const char *names[] = {"boost", "coast between stages", "free flight", "reentry"};
    return phase >= 0 && phase <= BMD_PHASE_REENTRY ? names[phase] : "unknown";
}
