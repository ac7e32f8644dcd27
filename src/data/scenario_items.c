/* The lists of a scenario file, the defence: sensors and defence sites, and the helpers every list
 * shares (threats and areas: scenario_threats.c). Each item is a mapping; unknown keys, duplicate
 * names and dangling references are refused with the item's field path. */
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

int bmd_scn_has_provenance(const scn_ctx *c, const yaml_node_t *map)
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

int bmd_scn_alloc_list(const scn_ctx *c, const yaml_node_t *seq, const char *field, size_t size,
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

int bmd_scn_read_head(const scn_ctx *c, const yaml_node_t *m, const char *list, int i,
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
    if ((st = bmd_scn_read_head(c, m, "sensors", i, keys, N_OF(keys), s->name,
                                c->scn->sensors[0].name, sizeof *s, path, sizeof path)))
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
    int st = bmd_scn_alloc_list(c, seq, "sensors", sizeof *scn->sensors,
                                (void **)&scn->sensors, &scn->n_sensors);
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
    if ((st = bmd_scn_read_head(c, m, "sites", i, keys, N_OF(keys), s->name,
                                c->scn->sites[0].name, sizeof *s, path, sizeof path)))
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
    int st = bmd_scn_alloc_list(c, seq, "sites", sizeof *scn->sites, (void **)&scn->sites,
                                &scn->n_sites);
    for (int i = 0; !st && i < bmd_scn_count(seq); i++)
        if (!(st = read_site(c, bmd_scn_item(c, seq, i), i, &scn->sites[i])))
            scn->n_sites = i + 1;
    return st;
}
