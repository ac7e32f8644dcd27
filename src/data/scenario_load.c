/* Loading a scenario file: the top level (kind, title, question, notes, earth, timeline, sources)
 * and the lists in an order that lets later parts refer to earlier ones (sensors before sites,
 * areas before threats). Lookups by name and release. Format: docs/scenarios.md. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "data/catalog_schema.h"
#include "data/scenario_internal.h"

static const char *const top_keys[] = {"kind", "title", "question", "notes", "date", "phase", "earth", "timeline", "engagement",
                                       "sources", "sensors", "sites", "threats", "launch_areas", "uncertain",
                                       "targets", "grids"};

void bmd_scenario_init(bmd_scenario *scn)
{
    if (scn)
        memset(scn, 0, sizeof *scn);
}

/* Free an area list. */
static void free_areas(bmd_scenario_area *a, int n)
{
    for (int i = 0; a && i < n; i++) {
        free(a[i].points);
        free(a[i].entry);
    }
    free(a);
}

void bmd_scenario_free(bmd_scenario *scn)
{
    if (!scn)
        return;
    for (int i = 0; scn->threats && i < scn->n_threats; i++)
        free(scn->threats[i].entry);
    free(scn->threats);
    free(scn->sensors);
    free(scn->sites);
    /* Areas are allocated for the whole list; entries beyond the count are zero. */
    free_areas(scn->launch_areas, scn->n_launch_areas);
    free_areas(scn->targets, scn->n_targets);
    free_areas(scn->grids, scn->n_grids);
    memset(scn, 0, sizeof *scn);
}

/* `earth: wgs84 | sphere` or {model: sphere, radius_m: R, rotating: true|false}. */
static int read_earth(const scn_ctx *c, const yaml_node_t *v)
{
    static const char *const models[] = {"wgs84", "sphere"};
    bmd_scenario *scn = c->scn;
    int model = 0, rotating = 1, st;
    double radius = 0;
    if (v->type == YAML_MAPPING_NODE) {
        static const char *const keys[] = {"model", "radius_m", "rotating"};
        const yaml_node_t *n;
        if ((st = bmd_yw_check_keys(&c->yw, v, "earth", keys, 3)))
            return st;
        if (!(n = bmd_scn_required(c, v, "earth", "model", &st)) ||
            (st = bmd_scn_choice(c, n, "earth.model", models, 2, &model)))
            return st;
        if ((n = bmd_yw_get(&c->yw, v, "radius_m")) &&
            (st = bmd_scn_in_range(c, n, "earth.radius_m", 1000, 1e8, "a radius", "m", &radius)))
            return st;
        if ((n = bmd_yw_get(&c->yw, v, "rotating")) &&
            (st = bmd_yw_bool(&c->yw, n, "earth.rotating", &rotating)))
            return st;
        if (model == 0 && (bmd_yw_get(&c->yw, v, "radius_m") || bmd_yw_get(&c->yw, v, "rotating")))
            return bmd_yw_fail(&c->yw, v, BMD_EINVAL, "field 'earth': 'radius_m' and 'rotating' "
                           "apply to model 'sphere' only (WGS84 is fixed)");
    } else if ((st = bmd_scn_choice(c, v, "earth", models, 2, &model))) {
        return st;
    }
    scn->earth_kind = model ? BMD_EARTH_SPHERE : BMD_EARTH_WGS84;
    if (!model) {
        bmd_earth_init_wgs84(&scn->earth);
        return BMD_SUCCESS;
    }
    bmd_error inner;
    if ((st = bmd_earth_init_sphere(&scn->earth, radius, rotating, &inner)))
        return bmd_yw_fail(&c->yw, v, st, "field 'earth': %s", inner.message);
    return BMD_SUCCESS;
}

/* `notes:` one text or a list of texts. */
static int read_notes(const scn_ctx *c, const yaml_node_t *v)
{
    bmd_scenario *scn = c->scn;
    if (v->type == YAML_SCALAR_NODE) {
        scn->n_notes = 1;
        return bmd_yw_string(&c->yw, v, "notes", scn->notes[0], sizeof scn->notes[0]);
    }
    int st = bmd_yw_expect_sequence(&c->yw, v, "notes");
    if (st)
        return st;
    if (bmd_scn_count(v) > BMD_SCENARIO_MAX_NOTES)
        return bmd_yw_fail(&c->yw, v, BMD_EINVAL, "field 'notes' has %d entries; at most %d",
                       bmd_scn_count(v), BMD_SCENARIO_MAX_NOTES);
    for (int i = 0; i < bmd_scn_count(v); i++) {
        char field[32];
        snprintf(field, sizeof field, "notes[%d]", i);
        if ((st = bmd_yw_string(&c->yw, bmd_scn_item(c, v, i), field, scn->notes[i],
                            sizeof scn->notes[i])))
            return st;
        scn->n_notes = i + 1;
    }
    return BMD_SUCCESS;
}


/* `engagement: {launch_on: NAME, fire_control_at_intercept: BOOL}` (both optional). */
static int read_engagement(const scn_ctx *c, const yaml_node_t *node)
{
    static const char *const keys[] = {"launch_on", "fire_control_at_intercept", "source",
                                       "notional", "note"};
    int st;
    if ((st = bmd_yw_expect_mapping(&c->yw, node, "engagement")) ||
        (st = bmd_yw_check_keys(&c->yw, node, "engagement", keys, 5)))
        return st;
    const yaml_node_t *v;
    if ((v = bmd_yw_get(&c->yw, node, "launch_on"))) {
        char name[32];
        bmd_error e2;
        if ((st = bmd_yw_string(&c->yw, v, "engagement.launch_on", name, sizeof name)))
            return st;
        if (bmd_launch_on_parse(name, &c->scn->launch_on, &e2))
            return bmd_yw_fail(&c->yw, v, BMD_EINVAL, "field 'engagement.launch_on': value '%s' is "
                           "not known (ir-track, burnout, radar-track)", name);
    }
    if ((v = bmd_yw_get(&c->yw, node, "fire_control_at_intercept")) &&
        (st = bmd_yw_bool(&c->yw, v, "engagement.fire_control_at_intercept",
                      &c->scn->require_fcr_coverage)))
        return st;
    return BMD_SUCCESS;
}

/* Walk the document. */
static int read_scenario(const scn_ctx *c)
{
    bmd_scenario *scn = c->scn;
    const yaml_node_t *root = yaml_document_get_root_node(c->yw.doc), *v;
    if (!root)
        return bmd_error_set(c->yw.err, BMD_EINVAL, "%s:1:1: the file is empty (expected 'kind: "
                             "scenario' and the fields of docs/scenarios.md)", c->yw.path);
    int st;
    if ((st = bmd_yw_expect_mapping(&c->yw, root, "(top level)")) ||
        (st = bmd_yw_check_keys(&c->yw, root, "", top_keys, (int)(sizeof top_keys /
                                                               sizeof *top_keys))))
        return st;
    char kind[32];
    if (!(v = bmd_scn_required(c, root, "", "kind", &st)) ||
        (st = bmd_yw_string(&c->yw, v, "kind", kind, sizeof kind)))
        return st;
    if (strcmp(kind, "scenario") != 0)
        return bmd_yw_fail(&c->yw, v, BMD_EINVAL, "field 'kind': value '%s' must be 'scenario'", kind);
    if (!(v = bmd_scn_required(c, root, "", "title", &st)) ||
        (st = bmd_yw_string(&c->yw, v, "title", scn->title, sizeof scn->title)))
        return st;
    if ((v = bmd_yw_get(&c->yw, root, "question")) &&
        (st = bmd_yw_string(&c->yw, v, "question", scn->question, sizeof scn->question)))
        return st;
    if ((v = bmd_yw_get(&c->yw, root, "notes")) && (st = read_notes(c, v)))
        return st;
    if ((v = bmd_yw_get(&c->yw, root, "date")) &&
        (st = bmd_yw_string(&c->yw, v, "date", scn->date, sizeof scn->date)))
        return st;
    if ((v = bmd_yw_get(&c->yw, root, "phase")) &&
        (st = bmd_yw_string(&c->yw, v, "phase", scn->phase, sizeof scn->phase)))
        return st;
    bmd_earth_init_wgs84(&scn->earth);
    scn->earth_kind = BMD_EARTH_WGS84;
    if ((v = bmd_yw_get(&c->yw, root, "earth")) && (st = read_earth(c, v)))
        return st;
    if ((v = bmd_yw_get(&c->yw, root, "sources")) &&
        (st = bmd_cat_read_sources(&c->yw, v, scn->sources, &scn->n_sources)))
        return st;
    bmd_engagement_rules rules;
    bmd_engagement_rules_init(&rules);
    scn->timeline = (bmd_scenario_timeline){rules.timeline.track_delay_s,
                                            rules.timeline.decision_delay_s,
                                            rules.timeline.launch_delay_s,
                                            rules.timeline.kill_assessment_s};
    scn->launch_on = rules.launch_on;
    scn->require_fcr_coverage = rules.require_fcr_coverage;
    if ((v = bmd_yw_get(&c->yw, root, "timeline")) &&
        (st = bmd_scn_timeline(c, v, "timeline", 0, &scn->timeline)))
        return st;
    if ((v = bmd_yw_get(&c->yw, root, "engagement")) && (st = read_engagement(c, v)))
        return st;
    if ((v = bmd_yw_get(&c->yw, root, "sensors")) && (st = bmd_scn_read_sensors(c, v)))
        return st;
    if ((v = bmd_yw_get(&c->yw, root, "sites")) && (st = bmd_scn_read_sites(c, v)))
        return st;
    if ((v = bmd_yw_get(&c->yw, root, "launch_areas")) && (st = bmd_scn_read_areas(c, v, 0)))
        return st;
    if ((v = bmd_yw_get(&c->yw, root, "targets")) && (st = bmd_scn_read_areas(c, v, 1)))
        return st;
    if ((v = bmd_yw_get(&c->yw, root, "grids")) && (st = bmd_scn_read_areas(c, v, 2)))
        return st;
    if ((v = bmd_yw_get(&c->yw, root, "threats")) && (st = bmd_scn_read_threats(c, v)))
        return st;
    if ((v = bmd_yw_get(&c->yw, root, "uncertain")) && (st = bmd_scn_read_uncertain(c, v)))
        return st;
    if (scn->n_threats == 0 && scn->n_launch_areas == 0)
        return bmd_yw_fail(&c->yw, root, BMD_EINVAL, "the scenario has no 'threats' and no "
                       "'launch_areas' (give at least one)");
    return BMD_SUCCESS;
}

int bmd_scenario_load(const char *path, bmd_scenario *scn, bmd_error *err)
{
    bmd_error_clear(err);
    if (!path || !scn)
        return bmd_error_set(err, BMD_EINVAL, "scenario load: path and scenario must be given");
    memset(scn, 0, sizeof *scn);
    size_t len = strlen(path);
    if (len >= sizeof scn->path)
        return bmd_error_set(err, BMD_EINVAL, "scenario path is %zu characters; at most %zu", len,
                             sizeof scn->path - 1);
    FILE *f = fopen(path, "rb");
    if (!f)
        return bmd_error_set(err, BMD_EIO, "%s: cannot open scenario file: %s", path,
                             strerror(errno));
    fclose(f);
    memcpy(scn->path, path, len + 1);
    yaml_document_t doc;
    int st = bmd_yw_load_file(path, &doc, err);
    if (st)
        return st;
    scn_ctx c = {.yw = {.path = path, .doc = &doc, .err = err}, .scn = scn};
    st = read_scenario(&c);
    yaml_document_delete(&doc);
    if (st)
        bmd_scenario_free(scn);
    return st;
}

int bmd_scenario_open(const char *path, const char *catalog_dir, bmd_scenario *scn,
                      bmd_error *err)
{
    int st = bmd_scenario_load(path, scn, err);
    if (!st && (st = bmd_scenario_resolve(scn, catalog_dir, err)))
        bmd_scenario_free(scn);
    return st;
}

int bmd_scenario_sensor_index(const bmd_scenario *scn, const char *name)
{
    for (int i = 0; scn && name && i < scn->n_sensors; i++)
        if (strcmp(scn->sensors[i].name, name) == 0)
            return i;
    return -1;
}

int bmd_scenario_site_index(const bmd_scenario *scn, const char *name)
{
    for (int i = 0; scn && name && i < scn->n_sites; i++)
        if (strcmp(scn->sites[i].name, name) == 0)
            return i;
    return -1;
}

int bmd_scenario_threat_index(const bmd_scenario *scn, const char *name)
{
    for (int i = 0; scn && name && i < scn->n_threats; i++)
        if (strcmp(scn->threats[i].name, name) == 0)
            return i;
    return -1;
}

const bmd_scenario_point *bmd_scenario_find_point(const bmd_scenario *scn, const char *name,
                                                  int *area_kind, int *area)
{
    if (!scn || !name)
        return NULL;
    const bmd_scenario_area *lists[] = {scn->launch_areas, scn->targets};
    const int counts[] = {scn->n_launch_areas, scn->n_targets};
    for (int k = 0; k < 2; k++)
        for (int i = 0; lists[k] && i < counts[k]; i++)
            for (int j = 0; j < lists[k][i].n_points; j++)
                if (strcmp(lists[k][i].points[j].name, name) == 0) {
                    if (area_kind)
                        *area_kind = k;
                    if (area)
                        *area = i;
                    return &lists[k][i].points[j];
                }
    return NULL;
}

const char *bmd_scenario_citation(const bmd_scenario *scn, const char *key)
{
    for (int i = 0; scn && key && i < scn->n_sources; i++)
        if (strcmp(scn->sources[i].key, key) == 0)
            return scn->sources[i].citation;
    return NULL;
}

static const char *const shape_names[] = {"min-energy", "lofted", "depressed"};

const char *bmd_scenario_shape_name(bmd_aim_shape shape)
{
    return (int)shape >= 0 && (int)shape < 3 ? shape_names[shape] : "unknown";
}

int bmd_scenario_shape_parse(const char *name, bmd_aim_shape *shape, bmd_error *err)
{
    for (int i = 0; name && i < 3; i++)
        if (strcmp(name, shape_names[i]) == 0) {
            *shape = (bmd_aim_shape)i;
            return BMD_SUCCESS;
        }
    return bmd_error_set(err, BMD_EINVAL, "trajectory shape '%s' is not known (allowed: "
                         "min-energy, lofted, depressed)", name ? name : "(null)");
}
