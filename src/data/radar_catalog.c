/* The radar catalogue: one radar type per YAML file (docs/catalog.md, "Radars"). Parameters are
 * read with the shared catalogue helpers (catalog_schema.h), directories with catalog_dir.h. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bmd/radar_catalog.h"
#include "data/catalog_dir.h"
#include "data/catalog_schema.h"
#include "data/yaml_walk.h"
#include "bmd/units.h"

/* Units in the file: angles in degrees (named *_deg), everything else SI. */
enum { U_SI = 0, U_DEG = 1 };
enum { R_POS = CAT_POSITIVE, R_ANY = CAT_ANY };

/* One numeric field of a radar file: where it goes in bmd_radar and what it allows. */
typedef struct radar_field {
    const char *name;
    size_t offset;
    int required;
    int unit;
    double lo, hi; /* allowed range in file units (for R_ANY); checked after the rule */
    int rule;
} radar_field;

#define F(name, member, req, unit, lo, hi, rule) \
    {name, offsetof(bmd_radar, member), req, unit, lo, hi, rule}
static const radar_field fields[] = {
    F("boresight_azimuth_deg", boresight_azimuth_rad, 0, U_DEG, -360, 360, R_ANY),
    F("boresight_elevation_deg", boresight_elevation_rad, 0, U_DEG, -90, 90, R_ANY),
    F("azimuth_half_width_deg", azimuth_half_width_rad, 1, U_DEG, 0, 180, R_POS),
    F("fov_elevation_min_deg", fov_elevation_min_rad, 1, U_DEG, -90, 90, R_ANY),
    F("fov_elevation_max_deg", fov_elevation_max_rad, 1, U_DEG, -90, 90, R_ANY),
    F("min_elevation_deg", min_elevation_rad, 1, U_DEG, -90, 89.9, R_ANY),
    F("max_range_m", max_range_m, 1, U_SI, 0, 1e9, R_POS),
    F("detection_range_m", ref_detection_range_m, 1, U_SI, 0, 1e9, R_POS),
    F("reference_rcs_m2", ref_rcs_m2, 1, U_SI, 0, 1e6, R_POS),
    F("rcs_booster_m2", rcs_m2[BMD_OBJECT_BOOSTER], 0, U_SI, 0, 1e6, R_POS),
    F("rcs_rv_m2", rcs_m2[BMD_OBJECT_RV], 0, U_SI, 0, 1e6, R_POS),
    F("rcs_decoy_m2", rcs_m2[BMD_OBJECT_DECOY], 0, U_SI, 0, 1e6, R_POS),
};
#undef F
#define N_FIELDS ((int)(sizeof fields / sizeof *fields))

static const char *const top_keys[] = {"kind", "name", "full_name", "band", "description",
                                       "sources", "parameters"};

/* A required top-level text field into buf. */
static int read_text(const yw_ctx *c, const yaml_node_t *root, const char *key, int required,
                     char *buf, size_t n)
{
    const yaml_node_t *v = bmd_yw_get(c, root, key);
    if (!v)
        return required ? bmd_yw_fail(c, root, BMD_EINVAL, "field '%s' is missing (required)", key)
                        : BMD_SUCCESS;
    int st = bmd_yw_string(c, v, key, buf, n);
    if (!st && required && !buf[0])
        return bmd_yw_fail(c, v, BMD_EINVAL, "field '%s' is empty", key);
    return st;
}

/* Read one parameter and store it (degrees converted to radians). */
static int read_field(const yw_ctx *c, const yaml_node_t *node, const radar_field *f,
                      bmd_catalog_radar *e)
{
    char path[96];
    snprintf(path, sizeof path, "parameters.%s", f->name);
    bmd_param_provenance p;
    int st = bmd_cat_read_param(c, node, path, f->rule, e->sources, e->n_sources, &p);
    if (st)
        return st;
    const yaml_node_t *v = bmd_yw_get(c, node, "value");
    if (!(p.value >= f->lo && p.value <= f->hi))
        return bmd_yw_fail(c, v, BMD_EINVAL, "field '%s': value '%s' must be in [%g, %g]", path,
                       bmd_yw_text(v), f->lo, f->hi);
    if (p.has_range && !(p.low >= f->lo && p.high <= f->hi))
        return bmd_yw_fail(c, v, BMD_EINVAL, "field '%s': range [%g, %g] must lie in [%g, %g]", path,
                       p.low, p.high, f->lo, f->hi);
    double scale = f->unit == U_DEG ? BMD_RAD_PER_DEG : 1.0;
    *(double *)(void *)((char *)&e->radar + f->offset) = p.value * scale;
    if (e->n_params >= BMD_RADAR_CATALOG_MAX_PARAMS)
        return bmd_yw_fail(c, node, BMD_EINVAL, "more than %d parameters",
                       BMD_RADAR_CATALOG_MAX_PARAMS);
    e->params[e->n_params++] = p;
    return BMD_SUCCESS;
}

/* Read `parameters:`: every known field, required ones present; then the radar as a whole. */
static int read_parameters(const yw_ctx *c, const yaml_node_t *node, bmd_catalog_radar *e)
{
    int st;
    if ((st = bmd_yw_expect_mapping(c, node, "parameters")))
        return st;
    const char *keys[N_FIELDS];
    for (int i = 0; i < N_FIELDS; i++)
        keys[i] = fields[i].name;
    if ((st = bmd_yw_check_keys(c, node, "parameters", keys, N_FIELDS)))
        return st;
    for (int i = 0; i < N_FIELDS; i++) {
        const yaml_node_t *v = bmd_yw_get(c, node, fields[i].name);
        if (!v) {
            if (fields[i].required)
                return bmd_yw_fail(c, node, BMD_EINVAL, "field 'parameters.%s' is missing (required)",
                               fields[i].name);
            continue;
        }
        if ((st = read_field(c, v, &fields[i], e)))
            return st;
    }
    bmd_radar *r = &e->radar;
    r->full_circle = r->azimuth_half_width_rad >= M_PI;
    /* Cross-sections not given default to the reference cross-section. */
    for (int k = 0; k < BMD_OBJECT_COUNT; k++) {
        static const char *const names[] = {"rcs_booster_m2", "rcs_rv_m2", "rcs_decoy_m2"};
        if (!bmd_yw_get(c, node, names[k]))
            r->rcs_m2[k] = r->ref_rcs_m2;
    }
    bmd_error inner;
    if ((st = bmd_radar_validate(r, &inner)))
        return bmd_yw_fail(c, node, st, "parameters: %s", inner.message);
    return BMD_SUCCESS;
}

/* Walk the document: header, sources, parameters. */
static int read_radar(const yw_ctx *c, void *entry)
{
    bmd_catalog_radar *e = entry;
    const yaml_node_t *root = yaml_document_get_root_node(c->doc);
    if (!root)
        return bmd_error_set(c->err, BMD_EINVAL, "%s:1:1: the file is empty (expected 'kind: "
                             "radar' and the fields of docs/catalog.md)", c->path);
    int st;
    if ((st = bmd_yw_expect_mapping(c, root, "(top level)")) ||
        (st = bmd_yw_check_keys(c, root, "", top_keys, (int)(sizeof top_keys / sizeof *top_keys))))
        return st;
    char kind[32];
    if ((st = read_text(c, root, "kind", 1, kind, sizeof kind)))
        return st;
    if (strcmp(kind, "radar") != 0)
        return bmd_yw_fail(c, bmd_yw_get(c, root, "kind"), BMD_EINVAL, "field 'kind': value '%s' must "
                       "be 'radar'", kind);
    if ((st = read_text(c, root, "name", 1, e->name, sizeof e->name)) ||
        (st = read_text(c, root, "full_name", 1, e->full_name, sizeof e->full_name)) ||
        (st = read_text(c, root, "band", 1, e->band, sizeof e->band)) ||
        (st = read_text(c, root, "description", 0, e->description, sizeof e->description)))
        return st;
    const yaml_node_t *n = bmd_yw_get(c, root, "sources");
    if (!n)
        return bmd_yw_fail(c, root, BMD_EINVAL, "field 'sources' is missing (required)");
    if ((st = bmd_cat_read_sources(c, n, e->sources, &e->n_sources)))
        return st;
    if (!(n = bmd_yw_get(c, root, "parameters")))
        return bmd_yw_fail(c, root, BMD_EINVAL, "field 'parameters' is missing (required)");
    return read_parameters(c, n, e);
}

int bmd_catalog_load_radar(const char *path, bmd_catalog_radar *entry, bmd_error *err)
{
    bmd_error_clear(err);
    if (!path || !entry)
        return bmd_error_set(err, BMD_EINVAL, "radar catalogue: path and entry must not be NULL");
    memset(entry, 0, sizeof *entry);
    bmd_radar_init(&entry->radar);
    entry->radar.boresight_azimuth_rad = 0;
    return bmd_cat_parse_file(path, entry->path, sizeof entry->path, read_radar, entry,
                          sizeof *entry, err);
}

/* The radar kind of catalog_dir.h: its load and name accessor, untyped. */
static int load(const char *path, void *entry, bmd_error *err)
{
    return bmd_catalog_load_radar(path, entry, err);
}
static const char *name_of(const void *entry) { return ((const bmd_catalog_radar *)entry)->name; }

static const cat_kind radars = {"radar", "radars", "radar", "the files in that directory",
                                sizeof(bmd_catalog_radar), load, name_of};

int bmd_catalog_list_radars(const char *dir, char (*names)[BMD_NAME_MAX], int max, int *n,
                            bmd_error *err)
{
    return bmd_cat_list(&radars, dir, names, max, n, err);
}

int bmd_catalog_find_radar(const char *dir, const char *name, bmd_catalog_radar *entry,
                           bmd_error *err)
{
    return bmd_cat_find(&radars, dir, name, entry, err);
}

const bmd_param_provenance *bmd_catalog_radar_param(const bmd_catalog_radar *entry,
                                                    const char *field)
{
    for (int i = 0; entry && field && i < entry->n_params; i++) {
        const char *f = entry->params[i].field;
        if (strncmp(f, "parameters.", 11) == 0)
            f += 11;
        if (strcmp(f, field) == 0 || strcmp(entry->params[i].field, field) == 0)
            return &entry->params[i];
    }
    return NULL;
}

/* The field named name (with or without "parameters."), or NULL. */
static const radar_field *find_field(const char *name)
{
    if (strncmp(name, "parameters.", 11) == 0)
        name += 11;
    for (int i = 0; i < N_FIELDS; i++)
        if (strcmp(fields[i].name, name) == 0)
            return &fields[i];
    return NULL;
}

int bmd_catalog_radar_override(bmd_catalog_radar *entry, const char *assignment, bmd_error *err)
{
    bmd_error_clear(err);
    if (!entry || !assignment)
        return bmd_error_set(err, BMD_EINVAL, "override: entry and assignment must be given");
    char name[80];
    const char *text;
    int st = bmd_cat_split_assignment(assignment, "detection_range_m=1500000", name, &text, err);
    if (st)
        return st;
    const radar_field *f = find_field(name);
    if (!f) {
        int best_d, best = bmd_cat_closest_name(name, &fields[0].name, sizeof fields[0], N_FIELDS,
                                            &best_d);
        if (best_d <= 3)
            return bmd_error_set(err, BMD_EINVAL, "override: radar field '%s' is not known (did "
                                 "you mean '%s'?)", name, fields[best].name);
        return bmd_error_set(err, BMD_EINVAL, "override: radar field '%s' is not known (fields: "
                             "docs/catalog.md, Radars)", name);
    }
    double v;
    const char *what;
    if (bmd_yw_parse_number(text, &v) != 0)
        return bmd_error_set(err, BMD_EINVAL, "override: field '%s': value '%s' is not a number",
                             f->name, text);
    if (!bmd_cat_rule_ok(f->rule, v, &what))
        return bmd_error_set(err, BMD_EINVAL, "override: field '%s': value '%s' must be %s",
                             f->name, text, what);
    if (!(v >= f->lo && v <= f->hi))
        return bmd_error_set(err, BMD_EINVAL, "override: field '%s': value '%s' must be in "
                             "[%g, %g]", f->name, text, f->lo, f->hi);
    bmd_radar trial = entry->radar;
    *(double *)(void *)((char *)&trial + f->offset) = v * (f->unit == U_DEG ? BMD_RAD_PER_DEG : 1.0);
    trial.full_circle = trial.azimuth_half_width_rad >= M_PI;
    bmd_error inner;
    st = bmd_radar_validate(&trial, &inner);
    if (st)
        return bmd_error_set(err, st, "override: field '%s' = %s: %s", f->name, text,
                             inner.message);
    char path[sizeof ((bmd_param_provenance *)0)->field];
    snprintf(path, sizeof path, "parameters.%.40s", f->name);
    bmd_param_provenance p, *old = NULL;
    for (int i = 0; i < entry->n_params; i++)
        if (strcmp(entry->params[i].field, path) == 0)
            old = &entry->params[i];
    if (!old && entry->n_params >= BMD_RADAR_CATALOG_MAX_PARAMS)
        return bmd_error_set(err, BMD_EINVAL, "override: more than %d parameters",
                             BMD_RADAR_CATALOG_MAX_PARAMS);
    bmd_cat_override_prov(&p, path, v, old);
    if (old)
        *old = p;
    else
        entry->params[entry->n_params++] = p;
    entry->radar = trial;
    return BMD_SUCCESS;
}
