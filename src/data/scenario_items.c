/* The lists of a scenario file: sensors, defence sites, threats, and areas (launch areas, target
 * sets, grids). Each item is a mapping; unknown keys, duplicate names and dangling references are
 * refused with the item's field path. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/scenario_internal.h"

#define N_OF(a) ((int)(sizeof(a) / sizeof *(a)))

/* The path "LIST[i]" into buf. */
static void item_path(char *buf, size_t n, const char *list, int i)
{
    snprintf(buf, n, "%s[%d]", list, i);
}

/* Whether a provenance key is present in map. */
static int has_provenance(const scn_ctx *c, const yaml_node_t *map)
{
    return bmd_yw_get(&c->yw, map, "source") || bmd_yw_get(&c->yw, map, "notional") ||
           bmd_yw_get(&c->yw, map, "note");
}

/* Refuse a name used by an earlier item of the same list (names[0..n-1], stride bytes apart). */
static int check_unique(const scn_ctx *c, const yaml_node_t *node, const char *field,
                        const char *name, const char *first, size_t stride, int n)
{
    for (int i = 0; i < n; i++)
        if (strcmp(first + stride * (size_t)i, name) == 0)
            return bmd_yw_fail(&c->yw, node, BMD_EINVAL, "field '%s': name '%s' is already used by "
                           "item %d of the same list (names must be unique)", field, name, i);
    return BMD_SUCCESS;
}

/* A sequence node's item count, after checking it is a sequence; allocates *out (zeroed). */
static int alloc_list(const scn_ctx *c, const yaml_node_t *seq, const char *field, size_t size,
                      void **out, int *n)
{
    int st = bmd_yw_expect_sequence(&c->yw, seq, field);
    if (st)
        return st;
    *n = 0;
    int count = bmd_scn_count(seq);
    *out = calloc(count ? (size_t)count : 1, size);
    if (!*out)
        return bmd_yw_fail(&c->yw, seq, BMD_ENOMEM, "out of memory reading '%s'", field);
    return BMD_SUCCESS;
}

/* A radar placement: type name, optional boresight and overrides. */
static int read_radar(const scn_ctx *c, const yaml_node_t *type, const yaml_node_t *boresight,
                      const yaml_node_t *set, const char *field, bmd_scenario_radar *r)
{
    int st = bmd_scn_ref(c, type, set, field, &r->type);
    if (st || !boresight)
        return st;
    char sub[BMD_SCENARIO_PATH_MAX + 16];
    const char *dot = strrchr(field, '.');
    snprintf(sub, sizeof sub, "%.*s.boresight_deg", dot ? (int)(dot - field) : (int)strlen(field),
             field);
    double deg;
    if ((st = bmd_scn_in_range(c, boresight, sub, -360, 360, "an azimuth", "degrees", &deg)))
        return st;
    r->has_boresight = 1;
    r->boresight_azimuth_rad = bmd_deg_to_rad(deg);
    return BMD_SUCCESS;
}

/* The head of item i of list: a mapping of the allowed keys only, with a required `name:` (into
 * name) unlike those of the items before it (first, stride); path gets "LIST[i]". */
static int read_head(const scn_ctx *c, const yaml_node_t *m, const char *list, int i,
                     const char *const *keys, int n_keys, char *name, const char *first,
                     size_t stride, char *path, size_t n)
{
    char sub[BMD_SCENARIO_PATH_MAX + 16];
    item_path(path, n, list, i);
    int st;
    yaml_node_t *v;
    if ((st = bmd_yw_expect_mapping(&c->yw, m, path)) ||
        (st = bmd_yw_check_keys(&c->yw, m, path, keys, n_keys)))
        return st;
    if (!(v = bmd_scn_required(c, m, path, "name", &st)))
        return st;
    snprintf(sub, sizeof sub, "%s.name", path);
    if ((st = bmd_scn_name(c, v, sub, name)) || (st = check_unique(c, v, sub, name, first, stride, i)))
        return st;
    return BMD_SUCCESS;
}

/* One item of `sensors:`. */
static int read_sensor(const scn_ctx *c, const yaml_node_t *m, int i, bmd_scenario_sensor *s)
{
    static const char *const keys[] = {"name", "radar", "ir", "at", "boresight_deg", "set",
                                       "source", "notional", "note"};
    char path[BMD_SCENARIO_PATH_MAX], sub[BMD_SCENARIO_PATH_MAX + 16];
    int st;
    yaml_node_t *v;
    if ((st = read_head(c, m, "sensors", i, keys, N_OF(keys),
                        s->name, c->scn->sensors[0].name, sizeof *s, path, sizeof path)))
        return st;
    snprintf(s->site.name, sizeof s->site.name, "%s", s->name);
    yaml_node_t *radar = bmd_yw_get(&c->yw, m, "radar"), *ir = bmd_yw_get(&c->yw, m, "ir");
    if (!!radar == !!ir)
        return bmd_yw_fail(&c->yw, m, BMD_EINVAL, "field '%s' needs exactly one of 'radar: TYPE' "
                       "(a catalogue radar at a site) or 'ir: {...}' (space-based infrared)", path);
    snprintf(sub, sizeof sub, "%s.at", path);
    if ((st = bmd_scn_provenance(c, m, sub, &s->site.prov)))
        return st;
    if (ir) {
        s->kind = BMD_SCENARIO_SENSOR_IR;
        static const char *const bad[] = {"at", "boresight_deg", "set"};
        for (int k = 0; k < N_OF(bad); k++)
            if ((v = bmd_yw_get(&c->yw, m, bad[k])))
                return bmd_yw_fail(&c->yw, v, BMD_EINVAL, "field '%s.%s' does not apply to an 'ir' "
                               "sensor", path, bad[k]);
        snprintf(sub, sizeof sub, "%s.ir", path);
        bmd_scn_copy(s->site.prov.field, sizeof s->site.prov.field, sub);
        static const char *const ir_keys[] = {"cloud_top_m", "delay_s"};
        snprintf(sub, sizeof sub, "%s.ir", path);
        if ((st = bmd_yw_expect_mapping(&c->yw, ir, sub)) ||
            (st = bmd_yw_check_keys(&c->yw, ir, sub, ir_keys, 2)))
            return st;
        bmd_ir_sensor_init(&s->ir);
        if ((v = bmd_yw_get(&c->yw, ir, "cloud_top_m"))) {
            snprintf(sub, sizeof sub, "%s.ir.cloud_top_m", path);
            if ((st = bmd_scn_nonnegative(c, v, sub, 0, &s->ir.min_altitude_m)))
                return st;
        }
        if ((v = bmd_yw_get(&c->yw, ir, "delay_s"))) {
            snprintf(sub, sizeof sub, "%s.ir.delay_s", path);
            if ((st = bmd_scn_nonnegative(c, v, sub, 0, &s->ir.delay_s)))
                return st;
        }
        return BMD_SUCCESS;
    }
    s->kind = BMD_SCENARIO_SENSOR_RADAR;
    if (!(v = bmd_scn_required(c, m, path, "at", &st)))
        return st;
    snprintf(sub, sizeof sub, "%s.at", path);
    if ((st = bmd_scn_latlon(c, v, sub, &s->site)))
        return st;
    snprintf(sub, sizeof sub, "%s.radar", path);
    return read_radar(c, radar, bmd_yw_get(&c->yw, m, "boresight_deg"), bmd_yw_get(&c->yw, m, "set"), sub,
                      &s->radar);
}

int bmd_scn_read_sensors(const scn_ctx *c, const yaml_node_t *seq)
{
    bmd_scenario *scn = c->scn;
    int st = alloc_list(c, seq, "sensors", sizeof *scn->sensors, (void **)&scn->sensors,
                        &scn->n_sensors);
    for (int i = 0; !st && i < bmd_scn_count(seq); i++)
        if (!(st = read_sensor(c, bmd_scn_item(c, seq, i), i, &scn->sensors[i])))
            scn->n_sensors = i + 1;
    return st;
}

/* A site's `radar:`: a type name, or {type, boresight_deg, set}. */
static int read_site_radar(const scn_ctx *c, const yaml_node_t *v, const char *path,
                           bmd_scenario_radar *r)
{
    char sub[BMD_SCENARIO_PATH_MAX + 16];
    if (v->type == YAML_SCALAR_NODE) {
        snprintf(sub, sizeof sub, "%s.radar", path);
        return read_radar(c, v, NULL, NULL, sub, r);
    }
    static const char *const keys[] = {"type", "boresight_deg", "set"};
    int st;
    snprintf(sub, sizeof sub, "%s.radar", path);
    if ((st = bmd_yw_expect_mapping(&c->yw, v, sub)) ||
        (st = bmd_yw_check_keys(&c->yw, v, sub, keys, 3)))
        return st;
    yaml_node_t *type = bmd_scn_required(c, v, sub, "type", &st);
    if (!type)
        return st;
    snprintf(sub, sizeof sub, "%s.radar.type", path);
    return read_radar(c, type, bmd_yw_get(&c->yw, v, "boresight_deg"), bmd_yw_get(&c->yw, v, "set"), sub,
                      r);
}

/* A site's `cue:`: a list of names of sensors. */
static int read_cues(const scn_ctx *c, const yaml_node_t *v, const char *path,
                     bmd_scenario_site *s)
{
    char sub[BMD_SCENARIO_PATH_MAX + 16];
    snprintf(sub, sizeof sub, "%s.cue", path);
    int st = bmd_yw_expect_sequence(&c->yw, v, sub);
    if (st)
        return st;
    if (bmd_scn_count(v) > BMD_SCENARIO_MAX_CUES)
        return bmd_yw_fail(&c->yw, v, BMD_EINVAL, "field '%s' lists %d sensors; at most %d", sub,
                       bmd_scn_count(v), BMD_SCENARIO_MAX_CUES);
    for (int k = 0; k < bmd_scn_count(v); k++) {
        yaml_node_t *item = bmd_scn_item(c, v, k);
        char name[BMD_NAME_MAX], at[BMD_SCENARIO_PATH_MAX + 40];
        snprintf(at, sizeof at, "%s[%d]", sub, k);
        if ((st = bmd_scn_name(c, item, at, name)))
            return st;
        int idx = bmd_scenario_sensor_index(c->scn, name);
        if (idx < 0) {
            int best = -1, best_d = 4;
            for (int j = 0; j < c->scn->n_sensors; j++) {
                int d = bmd_yw_edit_distance(name, c->scn->sensors[j].name);
                if (d < best_d) {
                    best_d = d;
                    best = j;
                }
            }
            if (best >= 0)
                return bmd_yw_fail(&c->yw, item, BMD_EINVAL, "field '%s': no sensor '%s' in "
                               "'sensors' (did you mean '%s'?)", at, name,
                               c->scn->sensors[best].name);
            return bmd_yw_fail(&c->yw, item, BMD_EINVAL, "field '%s': no sensor '%s' in 'sensors' "
                           "(cue sensors must be listed there)", at, name);
        }
        for (int j = 0; j < s->n_cues; j++)
            if (s->cues[j] == idx)
                return bmd_yw_fail(&c->yw, item, BMD_EINVAL, "field '%s': sensor '%s' is listed "
                               "twice", at, name);
        s->cues[s->n_cues++] = idx;
    }
    return BMD_SUCCESS;
}

/* One item of `sites:`. */
static int read_site(const scn_ctx *c, const yaml_node_t *m, int i, bmd_scenario_site *s)
{
    static const char *const keys[] = {"name", "at", "interceptor", "count", "set", "radar",
                                       "cue", "timeline", "source", "notional", "note"};
    char path[BMD_SCENARIO_PATH_MAX], sub[BMD_SCENARIO_PATH_MAX + 16];
    int st;
    yaml_node_t *v;
    if ((st = read_head(c, m, "sites", i, keys, N_OF(keys),
                        s->name, c->scn->sites[0].name, sizeof *s, path, sizeof path)))
        return st;
    snprintf(s->site.name, sizeof s->site.name, "%s", s->name);
    if (!(v = bmd_scn_required(c, m, path, "at", &st)))
        return st;
    snprintf(sub, sizeof sub, "%s.at", path);
    if ((st = bmd_scn_latlon(c, v, sub, &s->site)) || (st = bmd_scn_provenance(c, m, sub, &s->site.prov)))
        return st;
    if (!(v = bmd_scn_required(c, m, path, "interceptor", &st)))
        return st;
    snprintf(sub, sizeof sub, "%s.interceptor", path);
    if ((st = bmd_scn_ref(c, v, bmd_yw_get(&c->yw, m, "set"), sub, &s->interceptor)))
        return st;
    if (!(v = bmd_scn_required(c, m, path, "count", &st)))
        return st;
    snprintf(sub, sizeof sub, "%s.count", path);
    if ((st = bmd_scn_integer(c, v, sub, 0, &s->count)))
        return st;
    if ((v = bmd_yw_get(&c->yw, m, "radar"))) {
        s->has_radar = 1;
        if ((st = read_site_radar(c, v, path, &s->radar)))
            return st;
    }
    if ((v = bmd_yw_get(&c->yw, m, "cue")) && (st = read_cues(c, v, path, s)))
        return st;
    s->timeline = c->scn->timeline;
    snprintf(sub, sizeof sub, "%s.timeline", path);
    if ((v = bmd_yw_get(&c->yw, m, "timeline")) && (st = bmd_scn_timeline(c, v, sub, 0, &s->timeline)))
        return st;
    return BMD_SUCCESS;
}

int bmd_scn_read_sites(const scn_ctx *c, const yaml_node_t *seq)
{
    bmd_scenario *scn = c->scn;
    int st = alloc_list(c, seq, "sites", sizeof *scn->sites, (void **)&scn->sites, &scn->n_sites);
    for (int i = 0; !st && i < bmd_scn_count(seq); i++)
        if (!(st = read_site(c, bmd_scn_item(c, seq, i), i, &scn->sites[i])))
            scn->n_sites = i + 1;
    return st;
}

static const char *const shape_names[] = {"min-energy", "lofted", "depressed"};

/* A threat's `from:` or `to:`: [LAT, LON] (needs the threat's provenance) or a point name. */
static int read_end(const scn_ctx *c, const yaml_node_t *m, const yaml_node_t *v,
                    const char *field, bmd_scenario_point *p)
{
    int st;
    if (v->type == YAML_SCALAR_NODE) {
        char name[BMD_NAME_MAX];
        if ((st = bmd_scn_name(c, v, field, name)))
            return st;
        int kind, area;
        const bmd_scenario_point *q = bmd_scenario_find_point(c->scn, name, &kind, &area);
        if (!q)
            return bmd_yw_fail(&c->yw, v, BMD_EINVAL, "field '%s': no point '%s' in 'launch_areas' "
                           "or 'targets' (give a point name from there, or [LAT, LON])", field,
                           name);
        *p = *q;
        return BMD_SUCCESS;
    }
    if ((st = bmd_scn_latlon(c, v, field, p)))
        return st;
    if (!has_provenance(c, m))
        return bmd_yw_fail(&c->yw, v, BMD_EINVAL, "field '%s' gives coordinates, so the threat needs "
                       "'source: KEY' or 'notional: true' with a 'note'", field);
    return bmd_scn_provenance(c, m, field, &p->prov);
}

/* One item of `threats:`. */
static int read_threat(const scn_ctx *c, const yaml_node_t *m, int i, bmd_scenario_threat *t)
{
    static const char *const keys[] = {"name", "missile", "set", "from", "to", "shape",
                                       "launch_time_s", "warheads", "decoys", "source",
                                       "notional", "note"};
    char path[BMD_SCENARIO_PATH_MAX], sub[BMD_SCENARIO_PATH_MAX + 16];
    int st;
    yaml_node_t *v;
    if ((st = read_head(c, m, "threats", i, keys, N_OF(keys),
                        t->name, c->scn->threats[0].name, sizeof *t, path, sizeof path)))
        return st;
    if (!(v = bmd_scn_required(c, m, path, "missile", &st)))
        return st;
    snprintf(sub, sizeof sub, "%s.missile", path);
    if ((st = bmd_scn_ref(c, v, bmd_yw_get(&c->yw, m, "set"), sub, &t->missile)))
        return st;
    if (!(v = bmd_scn_required(c, m, path, "from", &st)))
        return st;
    snprintf(sub, sizeof sub, "%s.from", path);
    if ((st = read_end(c, m, v, sub, &t->from)))
        return st;
    if (!(v = bmd_scn_required(c, m, path, "to", &st)))
        return st;
    snprintf(sub, sizeof sub, "%s.to", path);
    if ((st = read_end(c, m, v, sub, &t->to)))
        return st;
    if (t->from.lat_rad == t->to.lat_rad && t->from.lon_rad == t->to.lon_rad)
        return bmd_yw_fail(&c->yw, v, BMD_EINVAL, "field '%s': the target is the launch point", sub);
    int shape = 0;
    snprintf(sub, sizeof sub, "%s.shape", path);
    if ((v = bmd_yw_get(&c->yw, m, "shape")) &&
        (st = bmd_scn_choice(c, v, sub, shape_names, N_OF(shape_names), &shape)))
        return st;
    t->shape = (bmd_aim_shape)shape;
    t->warheads = 1;
    snprintf(sub, sizeof sub, "%s.launch_time_s", path);
    if ((v = bmd_yw_get(&c->yw, m, "launch_time_s")) &&
        (st = bmd_scn_nonnegative(c, v, sub, 0, &t->launch_time_s)))
        return st;
    snprintf(sub, sizeof sub, "%s.warheads", path);
    if ((v = bmd_yw_get(&c->yw, m, "warheads")) && (st = bmd_scn_integer(c, v, sub, 1, &t->warheads)))
        return st;
    snprintf(sub, sizeof sub, "%s.decoys", path);
    if ((v = bmd_yw_get(&c->yw, m, "decoys")) && (st = bmd_scn_integer(c, v, sub, 0, &t->decoys)))
        return st;
    return BMD_SUCCESS;
}

int bmd_scn_read_threats(const scn_ctx *c, const yaml_node_t *seq)
{
    bmd_scenario *scn = c->scn;
    int st = alloc_list(c, seq, "threats", sizeof *scn->threats, (void **)&scn->threats,
                        &scn->n_threats);
    for (int i = 0; !st && i < bmd_scn_count(seq); i++)
        if (!(st = read_threat(c, bmd_scn_item(c, seq, i), i, &scn->threats[i])))
            scn->n_threats = i + 1;
    return st;
}

/* An area's `box:` {south, north, west, east, step_deg | step_m}. */
static int read_box(const scn_ctx *c, const yaml_node_t *v, const char *path,
                    bmd_scenario_box *b)
{
    static const char *const keys[] = {"south", "north", "west", "east", "step_deg", "step_m"};
    char sub[BMD_SCENARIO_PATH_MAX + 16];
    snprintf(sub, sizeof sub, "%s.box", path);
    int st;
    if ((st = bmd_yw_expect_mapping(&c->yw, v, sub)) ||
        (st = bmd_yw_check_keys(&c->yw, v, sub, keys, N_OF(keys))))
        return st;
    double deg[4];
    for (int k = 0; k < 4; k++) {
        yaml_node_t *n = bmd_scn_required(c, v, sub, keys[k], &st);
        if (!n)
            return st;
        char at[BMD_SCENARIO_PATH_MAX + 32];
        snprintf(at, sizeof at, "%s.%s", sub, keys[k]);
        if ((st = k < 2 ? bmd_scn_in_range(c, n, at, -90, 90, "a latitude", "degrees", &deg[k])
                        : bmd_scn_in_range(c, n, at, -180, 360, "a longitude", "degrees", &deg[k])))
            return st;
    }
    if (!(deg[0] < deg[1]))
        return bmd_yw_fail(&c->yw, bmd_yw_get(&c->yw, v, "south"), BMD_EINVAL, "field '%s': south %g "
                       "must be below north %g", sub, deg[0], deg[1]);
    if (!(deg[2] < deg[3]) || deg[3] - deg[2] > 360)
        return bmd_yw_fail(&c->yw, bmd_yw_get(&c->yw, v, "west"), BMD_EINVAL, "field '%s': west %g must "
                       "be below east %g, at most 360 degrees apart (east may exceed 180 to cross "
                       "the antimeridian)", sub, deg[2], deg[3]);
    const yaml_node_t *sd = bmd_yw_get(&c->yw, v, "step_deg"), *sm = bmd_yw_get(&c->yw, v, "step_m");
    if (!!sd == !!sm)
        return bmd_yw_fail(&c->yw, v, BMD_EINVAL, "field '%s' needs exactly one of 'step_deg' or "
                       "'step_m' (the spacing of its points)", sub);
    char at[BMD_SCENARIO_PATH_MAX + 32];
    snprintf(at, sizeof at, "%s.%s", sub, sd ? "step_deg" : "step_m");
    double step;
    if ((st = bmd_scn_nonnegative(c, sd ? sd : sm, at, 1, &step)))
        return st;
    b->south_rad = bmd_deg_to_rad(deg[0]);
    b->north_rad = bmd_deg_to_rad(deg[1]);
    b->west_rad = bmd_deg_to_rad(deg[2]);
    b->east_rad = bmd_deg_to_rad(deg[3]);
    b->step_rad = sd ? bmd_deg_to_rad(step) : 0;
    b->step_m = sm ? step : 0;
    return bmd_scn_box_limit(c, sd ? sd : sm, at, b);
}

/* An area's `points:`: a list of {name, at, source | notional + note}; a point without its own
 * provenance takes the area's (has_prov). */
static int read_points(const scn_ctx *c, const yaml_node_t *v, const char *path, int has_prov,
                       bmd_scenario_area *a)
{
    char sub[BMD_SCENARIO_PATH_MAX + 16];
    snprintf(sub, sizeof sub, "%s.points", path);
    int st = bmd_yw_expect_sequence(&c->yw, v, sub);
    if (st)
        return st;
    if (bmd_scn_count(v) == 0)
        return bmd_yw_fail(&c->yw, v, BMD_EINVAL, "field '%s' is empty", sub);
    a->points = calloc((size_t)bmd_scn_count(v), sizeof *a->points);
    if (!a->points)
        return bmd_yw_fail(&c->yw, v, BMD_ENOMEM, "out of memory reading '%s'", sub);
    static const char *const keys[] = {"name", "at", "source", "notional", "note"};
    for (int k = 0; k < bmd_scn_count(v); k++) {
        yaml_node_t *m = bmd_scn_item(c, v, k), *n;
        bmd_scenario_point *p = &a->points[k];
        char at[BMD_SCENARIO_PATH_MAX + 40], field[BMD_SCENARIO_PATH_MAX + 48];
        snprintf(at, sizeof at, "%s[%d]", sub, k);
        if ((st = bmd_yw_expect_mapping(&c->yw, m, at)) ||
            (st = bmd_yw_check_keys(&c->yw, m, at, keys, N_OF(keys))))
            return st;
        if (!(n = bmd_scn_required(c, m, at, "name", &st)))
            return st;
        snprintf(field, sizeof field, "%s.name", at);
        if ((st = bmd_scn_name(c, n, field, p->name)))
            return st;
        int kind, area;
        if (bmd_scenario_find_point(c->scn, p->name, &kind, &area))
            return bmd_yw_fail(&c->yw, n, BMD_EINVAL, "field '%s': point name '%s' is already used "
                           "(point names must be unique across launch_areas and targets)", field,
                           p->name);
        if (!(n = bmd_scn_required(c, m, at, "at", &st)))
            return st;
        snprintf(field, sizeof field, "%s.at", at);
        if ((st = bmd_scn_latlon(c, n, field, p)))
            return st;
        if (has_provenance(c, m)) {
            if ((st = bmd_scn_provenance(c, m, field, &p->prov)))
                return st;
        } else if (has_prov) {
            p->prov = a->prov;
            bmd_scn_copy(p->prov.field, sizeof p->prov.field, field);
        } else {
            return bmd_yw_fail(&c->yw, m, BMD_EINVAL, "field '%s' has neither 'source: KEY' nor "
                           "'notional: true' (give them here or on the whole area)", field);
        }
        a->n_points = k + 1;
    }
    return BMD_SUCCESS;
}

/* One item of an area list (kind 0 launch areas, 1 targets, 2 grids). */
static int read_area(const scn_ctx *c, const yaml_node_t *m, const char *list, int i, int kind,
                     bmd_scenario_area *a, const bmd_scenario_area *all)
{
    static const char *const keys[] = {"name", "box", "points", "source", "notional", "note",
                                       "missile", "set", "shape"};
    char path[BMD_SCENARIO_PATH_MAX], sub[BMD_SCENARIO_PATH_MAX + 16];
    int st;
    yaml_node_t *v;
    if ((st = read_head(c, m, list, i, keys, kind == 0 ? 9 : 6,
                        a->name, all[0].name, sizeof *a, path, sizeof path)))
        return st;
    yaml_node_t *box = bmd_yw_get(&c->yw, m, "box"), *points = bmd_yw_get(&c->yw, m, "points");
    if (!box && !points)
        return bmd_yw_fail(&c->yw, m, BMD_EINVAL, "field '%s' needs 'box: {...}' or 'points: [...]' "
                       "(or both)", path);
    int has_prov = has_provenance(c, m);
    snprintf(sub, sizeof sub, "%s", path);
    if (has_prov && (st = bmd_scn_provenance(c, m, sub, &a->prov)))
        return st;
    if (box) {
        if (!has_prov && kind != 2)
            return bmd_yw_fail(&c->yw, m, BMD_EINVAL, "field '%s' has a box but neither 'source: "
                           "KEY' nor 'notional: true' saying where it comes from", path);
        a->has_box = 1;
        if ((st = read_box(c, box, path, &a->box)))
            return st;
    }
    if (points && (st = read_points(c, points, path, has_prov || kind == 2, a)))
        return st;
    if (kind != 0)
        return BMD_SUCCESS;
    if (!(v = bmd_scn_required(c, m, path, "missile", &st)))
        return st;
    a->has_missile = 1;
    snprintf(sub, sizeof sub, "%s.missile", path);
    if ((st = bmd_scn_ref(c, v, bmd_yw_get(&c->yw, m, "set"), sub, &a->missile)))
        return st;
    int shape = 0;
    snprintf(sub, sizeof sub, "%s.shape", path);
    if ((v = bmd_yw_get(&c->yw, m, "shape")) &&
        (st = bmd_scn_choice(c, v, sub, shape_names, N_OF(shape_names), &shape)))
        return st;
    a->shape = (bmd_aim_shape)shape;
    return BMD_SUCCESS;
}

int bmd_scn_read_areas(const scn_ctx *c, const yaml_node_t *seq, int kind)
{
    static const char *const lists[] = {"launch_areas", "targets", "grids"};
    bmd_scenario *scn = c->scn;
    bmd_scenario_area **areas[] = {&scn->launch_areas, &scn->targets, &scn->grids};
    int *counts[] = {&scn->n_launch_areas, &scn->n_targets, &scn->n_grids};
    int st = alloc_list(c, seq, lists[kind], sizeof **areas[kind], (void **)areas[kind],
                        counts[kind]);
    for (int i = 0; !st && i < bmd_scn_count(seq); i++) {
        /* Count the area before reading it so that its points are found by later duplicates
         * checks; its own points are compared as they are read. */
        *counts[kind] = i + 1;
        st = read_area(c, bmd_scn_item(c, seq, i), lists[kind], i, kind, &(*areas[kind])[i],
                       *areas[kind]);
    }
    return st;
}
