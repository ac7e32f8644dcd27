/* The interceptor catalogue (see include/bmd/interceptor_catalog.h and docs/catalog.md): one
 * flat YAML mapping per interceptor; each parameter {value, low?, high?, source | notional+note}.
 * Built on the shared catalogue helpers (yaml_walk.h, catalog_schema.h, catalog_dir.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bmd/interceptor_catalog.h"
#include "data/catalog_dir.h"
#include "data/catalog_schema.h"
#include "data/yaml_walk.h"

/* A numeric field of the file: its name, where it goes, whether required, and its bounds. */
typedef struct ic_field {
    const char *name;
    size_t offset;
    int required;
    double lo, hi;
    const char *allowed;
} ic_field;

#define F(f, req, lo, hi, allowed) {#f, offsetof(bmd_interceptor, f), req, lo, hi, allowed}
static const ic_field fields[] = {
    F(burnout_speed_m_s, 1, 1e-9, 11e3, "positive and below 11,000 m/s"),
    F(burn_time_s, 1, 1e-9, 1e4, "positive"),
    F(min_altitude_m, 1, 0.0, 1e8, "zero or positive"),
    F(max_altitude_m, 1, 1e-9, 1e8, "positive"),
    F(max_flyout_time_s, 1, 1e-9, 1e5, "positive"),
    F(min_closing_speed_m_s, 0, 0.0, 1e5, "zero or positive"),
    F(min_elevation_rad, 0, 0.0, 1.5707963267948966, "between 0 and pi/2"),
    F(max_elevation_rad, 0, 0.0, 1.5707963267948966, "between 0 and pi/2"),
};
#undef F
#define N_FIELDS ((int)(sizeof fields / sizeof *fields))

static const char *const header_keys[] = {"kind", "name", "full_name", "model", "description",
                                          "sources"};
#define N_HEADER ((int)(sizeof header_keys / sizeof *header_keys))

/* Read low or high (optional) of a parameter mapping; NAN when absent. */
static int read_bound(const yw_ctx *c, const yaml_node_t *map, const char *field,
                      const char *which, double *out)
{
    const yaml_node_t *n = bmd_yw_get(c, map, which);
    *out = NAN;
    if (!n)
        return BMD_SUCCESS;
    char sub[128];
    snprintf(sub, sizeof sub, "%s.%s", field, which);
    return bmd_yw_number(c, n, sub, out);
}

/* Read one parameter {value, low, high, source | notional, note} into *dst and its record. */
static int read_param(const yw_ctx *c, const yaml_node_t *node, const ic_field *f,
                      bmd_catalog_interceptor *e, double *dst)
{
    const char *field = f->name;
    if (node->type == YAML_SCALAR_NODE)
        return bmd_yw_fail(c, node, BMD_EINVAL, "field '%s': bare value '%s' has no provenance; write "
                       "{value: %s, source: KEY} or {value: %s, notional: true, note: \"...\"}",
                       field, bmd_yw_text(node), bmd_yw_text(node), bmd_yw_text(node));
    static const char *const keys[] = {"value", "low", "high", "source", "notional", "note",
                                       "dist"};
    int st;
    if ((st = bmd_yw_expect_mapping(c, node, field)) || (st = bmd_yw_check_keys(c, node, field, keys, 7)))
        return st;
    const yaml_node_t *vnode = bmd_yw_get(c, node, "value");
    if (!vnode)
        return bmd_yw_fail(c, node, BMD_EINVAL, "field '%s' has no 'value'", field);
    if (e->n_params >= BMD_INTERCEPTOR_MAX_PARAMS)
        return bmd_yw_fail(c, node, BMD_EINVAL, "more than %d parameters", BMD_INTERCEPTOR_MAX_PARAMS);
    bmd_interceptor_param *p = &e->params[e->n_params];
    memset(p, 0, sizeof *p);
    snprintf(p->prov.field, sizeof p->prov.field, "%s", field);
    p->prov.line = bmd_yw_line(vnode);
    if ((st = bmd_yw_number(c, vnode, field, &p->prov.value)))
        return st;
    if (!(p->prov.value >= f->lo && p->prov.value <= f->hi))
        return bmd_yw_fail(c, vnode, BMD_EINVAL, "field '%s': value '%s' must be %s", field,
                       bmd_yw_text(vnode), f->allowed);
    if ((st = read_bound(c, node, field, "low", &p->low)) ||
        (st = read_bound(c, node, field, "high", &p->high)))
        return st;
    if (!isnan(p->low) && !(p->low <= p->prov.value))
        return bmd_yw_fail(c, bmd_yw_get(c, node, "low"), BMD_EINVAL, "field '%s': low %g is above the "
                       "value %g (need low <= value <= high)", field, p->low, p->prov.value);
    if (!isnan(p->high) && !(p->high >= p->prov.value))
        return bmd_yw_fail(c, bmd_yw_get(c, node, "high"), BMD_EINVAL, "field '%s': high %g is below the "
                       "value %g (need low <= value <= high)", field, p->high, p->prov.value);
    if ((st = bmd_cat_read_provenance(c, node, field, e->sources, e->n_sources, &p->prov)))
        return st;
    *dst = p->prov.value;
    e->n_params++;
    return BMD_SUCCESS;
}

/* Read kind, name, full_name, model, description. */
static int read_header(const yw_ctx *c, const yaml_node_t *root, bmd_catalog_interceptor *e)
{
    int st;
    char kind[32], model[32] = "notional";
    const yaml_node_t *n;
    static const char *const req[] = {"kind", "name", "full_name", "sources"};
    for (int i = 0; i < 4; i++)
        if (!bmd_yw_get(c, root, req[i]))
            return bmd_yw_fail(c, root, BMD_EINVAL, "field '%s' is missing (required)", req[i]);
    n = bmd_yw_get(c, root, "kind");
    if ((st = bmd_yw_string(c, n, "kind", kind, sizeof kind)))
        return st;
    if (strcmp(kind, "interceptor") != 0)
        return bmd_yw_fail(c, n, BMD_EINVAL, "field 'kind': value '%s' must be 'interceptor'", kind);
    if ((st = bmd_yw_string(c, bmd_yw_get(c, root, "name"), "name", e->interceptor.name,
                        sizeof e->interceptor.name)) ||
        (st = bmd_yw_string(c, bmd_yw_get(c, root, "full_name"), "full_name", e->full_name,
                        sizeof e->full_name)))
        return st;
    if (!e->interceptor.name[0])
        return bmd_yw_fail(c, bmd_yw_get(c, root, "name"), BMD_EINVAL, "field 'name' is empty");
    if ((n = bmd_yw_get(c, root, "model")) && (st = bmd_yw_string(c, n, "model", model, sizeof model)))
        return st;
    if (strcmp(model, "notional") != 0)
        return bmd_yw_fail(c, n, BMD_EINVAL, "field 'model': value '%s' must be 'notional' (staged "
                       "interceptors are built in C from a missile file)", model);
    if ((n = bmd_yw_get(c, root, "description")) &&
        (st = bmd_yw_string(c, n, "description", e->description, sizeof e->description)))
        return st;
    return bmd_cat_read_sources(c, bmd_yw_get(c, root, "sources"), e->sources, &e->n_sources);
}

/* Walk the document: header, then every parameter. */
static int read_interceptor(const yw_ctx *c, void *entry)
{
    bmd_catalog_interceptor *e = entry;
    const yaml_node_t *root = yaml_document_get_root_node(c->doc);
    if (!root)
        return bmd_error_set(c->err, BMD_EINVAL, "%s:1:1: the file is empty (expected 'kind: "
                             "interceptor' and the fields of docs/catalog.md)", c->path);
    const char *keys[N_HEADER + N_FIELDS];
    for (int i = 0; i < N_HEADER; i++)
        keys[i] = header_keys[i];
    for (int i = 0; i < N_FIELDS; i++)
        keys[N_HEADER + i] = fields[i].name;
    int st;
    if ((st = bmd_yw_expect_mapping(c, root, "(top level)")) ||
        (st = bmd_yw_check_keys(c, root, "", keys, N_HEADER + N_FIELDS)) ||
        (st = read_header(c, root, e)))
        return st;
    for (int i = 0; i < N_FIELDS; i++) {
        const yaml_node_t *v = bmd_yw_get(c, root, fields[i].name);
        if (!v) {
            if (fields[i].required)
                return bmd_yw_fail(c, root, BMD_EINVAL, "field '%s' is missing (required)",
                               fields[i].name);
            continue;
        }
        if ((st = read_param(c, v, &fields[i], e,
                             (double *)(void *)((char *)&e->interceptor + fields[i].offset))))
            return st;
    }
    bmd_error verr;
    if (bmd_interceptor_validate(&e->interceptor, &verr))
        return bmd_yw_fail(c, root, BMD_EINVAL, "%s", verr.message);
    return BMD_SUCCESS;
}

int bmd_catalog_load_interceptor(const char *path, bmd_catalog_interceptor *entry,
                                 bmd_error *err)
{
    bmd_error_clear(err);
    if (!path || !entry)
        return bmd_error_set(err, BMD_EINVAL, "catalogue: path and entry must not be NULL");
    memset(entry, 0, sizeof *entry);
    bmd_interceptor_init(&entry->interceptor);
    /* An interceptor that fails to read is left as read so far (clear_size 0). */
    return bmd_cat_parse_file(path, entry->path, sizeof entry->path, read_interceptor, entry, 0, err);
}

/* The interceptor kind of catalog_dir.h: its load and name accessor, untyped. */
static int load(const char *path, void *entry, bmd_error *err)
{
    return bmd_catalog_load_interceptor(path, entry, err);
}
static const char *name_of(const void *entry)
{
    return ((const bmd_catalog_interceptor *)entry)->interceptor.name;
}

static const cat_kind interceptors = {"interceptor", "interceptors", "catalogue",
                                      "the files in that directory",
                                      sizeof(bmd_catalog_interceptor), load, name_of};

int bmd_catalog_find_interceptor(const char *dir, const char *name,
                                 bmd_catalog_interceptor *entry, bmd_error *err)
{
    return bmd_cat_find(&interceptors, dir, name, entry, err);
}

int bmd_catalog_list_interceptors(const char *dir, char (*names)[BMD_NAME_MAX], int max, int *n,
                                  bmd_error *err)
{
    /* The missiles' listing, messages included ("... holds N missiles ..."), as before. */
    return bmd_catalog_list_missiles(dir, names, max, n, err);
}

const bmd_interceptor_param *bmd_catalog_interceptor_param(const bmd_catalog_interceptor *entry,
                                                           const char *field)
{
    for (int i = 0; entry && field && i < entry->n_params; i++)
        if (strcmp(entry->params[i].prov.field, field) == 0)
            return &entry->params[i];
    return NULL;
}

int bmd_catalog_interceptor_override(bmd_catalog_interceptor *entry, const char *assignment,
                                     bmd_error *err)
{
    bmd_error_clear(err);
    if (!entry || !assignment)
        return bmd_error_set(err, BMD_EINVAL, "override: entry and assignment must be given");
    char name[80];
    const char *text;
    int st = bmd_cat_split_assignment(assignment, "burnout_speed_m_s=4500", name, &text, err);
    if (st)
        return st;
    const ic_field *f = NULL;
    for (int i = 0; i < N_FIELDS; i++)
        if (strcmp(fields[i].name, name) == 0)
            f = &fields[i];
    int best_d, best = bmd_cat_closest_name(name, &fields[0].name, sizeof fields[0], N_FIELDS, &best_d);
    if (!f && best_d <= 3)
        return bmd_error_set(err, BMD_EINVAL, "override: interceptor field '%s' is not known "
                             "(did you mean '%s'?)", name, fields[best].name);
    if (!f)
        return bmd_error_set(err, BMD_EINVAL, "override: interceptor field '%s' is not known "
                             "(fields: docs/catalog.md, Interceptors)", name);
    double v;
    if (bmd_yw_parse_number(text, &v) != 0)
        return bmd_error_set(err, BMD_EINVAL, "override: field '%s': value '%s' is not a number "
                             "(SI units)", f->name, text);
    if (!(v >= f->lo && v <= f->hi))
        return bmd_error_set(err, BMD_EINVAL, "override: field '%s': value '%s' must be %s",
                             f->name, text, f->allowed);
    bmd_interceptor trial = entry->interceptor;
    *(double *)(void *)((char *)&trial + f->offset) = v;
    bmd_error inner;
    st = bmd_interceptor_validate(&trial, &inner);
    if (st)
        return bmd_error_set(err, st, "override: field '%s' = %s: %s", f->name, text,
                             inner.message);
    bmd_interceptor_param p, *old = NULL;
    for (int i = 0; i < entry->n_params; i++)
        if (strcmp(entry->params[i].prov.field, f->name) == 0)
            old = &entry->params[i];
    if (!old && entry->n_params >= BMD_INTERCEPTOR_MAX_PARAMS)
        return bmd_error_set(err, BMD_EINVAL, "override: more than %d parameters",
                             BMD_INTERCEPTOR_MAX_PARAMS);
    bmd_cat_override_prov(&p.prov, f->name, v, old ? &old->prov : NULL);
    p.low = p.high = NAN;
    if (old)
        *old = p;
    else
        entry->params[entry->n_params++] = p;
    entry->interceptor = trial;
    return BMD_SUCCESS;
}
