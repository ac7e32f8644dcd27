/* The lists of a scenario file, the offence: threats and areas (launch areas, target sets, grids).
 * Each item is a mapping; unknown keys, duplicate names and dangling references are refused with
 * the item's field path. Sensors, sites and the helpers the lists share: scenario_items.c. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/scenario_internal.h"

#define N_OF(a) ((int)(sizeof(a) / sizeof *(a)))

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
    if (!bmd_scn_has_provenance(c, m))
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
    if ((st = bmd_scn_read_head(c, m, "threats", i, keys, N_OF(keys), t->name,
                                c->scn->threats[0].name, sizeof *t, path, sizeof path)))
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
    int st = bmd_scn_alloc_list(c, seq, "threats", sizeof *scn->threats,
                                (void **)&scn->threats, &scn->n_threats);
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
        if (bmd_scn_has_provenance(c, m)) {
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
    if ((st = bmd_scn_read_head(c, m, list, i, keys, kind == 0 ? 9 : 6, a->name,
                                all[0].name, sizeof *a, path, sizeof path)))
        return st;
    yaml_node_t *box = bmd_yw_get(&c->yw, m, "box"), *points = bmd_yw_get(&c->yw, m, "points");
    if (!box && !points)
        return bmd_yw_fail(&c->yw, m, BMD_EINVAL, "field '%s' needs 'box: {...}' or 'points: [...]' "
                       "(or both)", path);
    int has_prov = bmd_scn_has_provenance(c, m);
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
    int st = bmd_scn_alloc_list(c, seq, lists[kind], sizeof **areas[kind],
                                (void **)areas[kind], counts[kind]);
    for (int i = 0; !st && i < bmd_scn_count(seq); i++) {
        /* Count the area before reading it so that its points are found by later duplicates
         * checks; its own points are compared as they are read. */
        *counts[kind] = i + 1;
        st = read_area(c, bmd_scn_item(c, seq, i), lists[kind], i, kind, &(*areas[kind])[i],
                       *areas[kind]);
    }
    return st;
}
