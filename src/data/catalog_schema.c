/* The missile schema: stages and payload, each numeric parameter written as
 * {value: NUMBER, source: KEY} or {value: NUMBER, notional: true, note: "..."}; tables as
 * {mach: [...], cd: [...], source: KEY}. See docs/catalog.md. */
#include "bmd/param.h"
#include "data/catalog_schema.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* Ranges: wide enough for any real missile or launcher stage (Saturn V's S-IC: 2.1e6 kg of
 * propellant, 10 m diameter; chemical specific impulses below 500 s), narrow enough that a typo
 * or a hostile value (1e300, 1e-300) is refused with the field's name instead of failing in the
 * integrator. */
#define STAGE(f, req, rule, lo, hi) {#f, offsetof(bmd_stage, f), req, rule, lo, hi}
static const cat_scalar stage_fields[] = {
    STAGE(propellant_mass_kg, 1, CAT_POSITIVE, 1e-3, 1e7),
    STAGE(dry_mass_kg, 1, CAT_POSITIVE, 1e-3, 1e7),
    STAGE(burn_time_s, 1, CAT_POSITIVE, 0.1, 1e4),
    STAGE(isp_vacuum_s, 1, CAT_POSITIVE, 1, 1000),
    STAGE(isp_sea_level_s, 0, CAT_POSITIVE, 1, 1000),
    STAGE(nozzle_exit_area_m2, 0, CAT_POSITIVE, 1e-6, 100),
    STAGE(diameter_m, 1, CAT_POSITIVE, 1e-3, 50),
    STAGE(coast_before_s, 0, CAT_NONNEGATIVE, 0, 1e5),
};
#undef STAGE

#define PAYLOAD(f, req, rule, lo, hi) {#f, offsetof(bmd_payload, f), req, rule, lo, hi}
static const cat_scalar payload_fields[] = {
    PAYLOAD(rv_mass_kg, 1, CAT_POSITIVE, 1e-3, 1e6),
    PAYLOAD(rv_beta_kg_m2, 1, CAT_POSITIVE, 1, 1e7),
    PAYLOAD(bus_mass_kg, 0, CAT_NONNEGATIVE, 0, 1e6),
    PAYLOAD(shroud_mass_kg, 0, CAT_NONNEGATIVE, 0, 1e6),
    PAYLOAD(shroud_jettison_s, 0, CAT_POSITIVE, 1e-3, 1e5),
};
#undef PAYLOAD

/* A table field of a stage: its name, the names of its two columns, and their rules. */
typedef struct cat_table {
    const char *name;
    size_t offset;
    const char *x_name;
    const char *y_name;
    int y_rule;
    double y_hi;     /* the largest value of the second column */
} cat_table;

static const cat_table stage_tables[] = {
    {"thrust_vacuum_n", offsetof(bmd_stage, thrust_vacuum_n), "time_s", "thrust_n",
     CAT_NONNEGATIVE, 1e9},
    {"cd_mach", offsetof(bmd_stage, cd_mach), "mach", "cd", CAT_POSITIVE, 100},
};

/* radar cross-sections from a speck (1e-6 m^2) to a large booster body (1e4 m^2) */
#define SIGNATURE(f) {#f, offsetof(bmd_catalog_signature, f), 0, CAT_POSITIVE, 1e-6, 1e4}
static const cat_scalar signature_fields[] = {
    SIGNATURE(booster_rcs_m2),
    SIGNATURE(pbv_rcs_m2),
    SIGNATURE(warhead_rcs_m2),
};
#undef SIGNATURE

#define COUNT(a) ((int)(sizeof a / sizeof *a))

const cat_scalar *bmd_cat_stage_fields(int *n)
{
    *n = COUNT(stage_fields);
    return stage_fields;
}

const cat_scalar *bmd_cat_payload_fields(int *n)
{
    *n = COUNT(payload_fields);
    return payload_fields;
}

int bmd_cat_rule_ok(int rule, double v, const char **what)
{
    if (rule == CAT_ANY) {
        *what = "finite";
        return 1;
    }
    if (rule == CAT_POSITIVE) {
        *what = "positive";
        return v > 0;
    }
    *what = "zero or positive";
    return v >= 0;
}

int bmd_cat_scalar_ok(const cat_scalar *f, double v, char *what, size_t n)
{
    const char *sign;
    if (!bmd_cat_rule_ok(f->rule, v, &sign)) {
        snprintf(what, n, "%s", sign);
        return 0;
    }
    if (!(v >= f->lo && v <= f->hi)) {
        snprintf(what, n, "in [%g, %g] (SI units, as the field's name says)", f->lo, f->hi);
        return 0;
    }
    return 1;
}

int bmd_cat_add_param(bmd_catalog_missile *e, const bmd_param_provenance *p, bmd_error *err)
{
    if (e->n_params >= BMD_CATALOG_MAX_PARAMS)
        return bmd_error_set(err, BMD_EINVAL, "%s: more than %d parameters", e->path,
                             BMD_CATALOG_MAX_PARAMS);
    e->params[e->n_params++] = *p;
    return BMD_SUCCESS;
}

/* Copy a field path into a provenance record (paths are short; an over-long one is cut). */
static void set_field(bmd_param_provenance *p, const char *field)
{
    size_t len = strlen(field);
    if (len >= sizeof p->field)
        len = sizeof p->field - 1;
    memcpy(p->field, field, len);
    p->field[len] = '\0';
}

/* Read source / notional / note of a parameter mapping into p; check the source key exists and
 * that the parameter has a source or is notional with a note. */
int bmd_cat_read_provenance(const yw_ctx *c, const yaml_node_t *map, const char *field,
                        const bmd_source *sources, int n_sources, bmd_param_provenance *p)
{
    char sub[160];
    const yaml_node_t *src = bmd_yw_get(c, map, "source");
    const yaml_node_t *notional = bmd_yw_get(c, map, "notional");
    const yaml_node_t *note = bmd_yw_get(c, map, "note");
    int st;
    if (src) {
        snprintf(sub, sizeof sub, "%s.source", field);
        if ((st = bmd_yw_string(c, src, sub, p->source, sizeof p->source)))
            return st;
        int known = 0;
        for (int i = 0; i < n_sources; i++)
            known |= strcmp(sources[i].key, p->source) == 0;
        if (!known) {
            char list[200] = "";
            for (int i = 0; i < n_sources; i++) {
                size_t used = strlen(list);
                snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", sources[i].key);
            }
            return bmd_yw_fail(c, src, BMD_EINVAL,
                           "field '%s': source '%s' is not a key of 'sources' (keys: %s)", field,
                           p->source, *list ? list : "none");
        }
    }
    if (notional) {
        snprintf(sub, sizeof sub, "%s.notional", field);
        if ((st = bmd_yw_bool(c, notional, sub, &p->notional)))
            return st;
    }
    if (note) {
        snprintf(sub, sizeof sub, "%s.note", field);
        if ((st = bmd_yw_string(c, note, sub, p->note, sizeof p->note)))
            return st;
    }
    const yaml_node_t *dist = bmd_yw_get(c, map, "dist");
    if (dist && isfinite(p->value)) { /* a distribution over a catalogue value (bmd/param.h);
                                         the scenario's `uncertain:` reads its own */
        snprintf(sub, sizeof sub, "%s.dist", field);
        if ((st = bmd_yw_string(c, dist, sub, p->dist, sizeof p->dist)))
            return st;
        bmd_dist d;
        bmd_error inner;
        if ((st = bmd_dist_parse(p->dist, &d, &inner)))
            return bmd_yw_fail(c, dist, st, "field '%s': %s", sub, inner.message);
        if (isfinite(p->value) && !(d.low <= p->value && p->value <= d.high))
            return bmd_yw_fail(c, dist, BMD_EINVAL, "field '%s': the distribution's support [%g, "
                           "%g] must contain the value %g", sub, d.low, d.high, p->value);
    }
    if (!p->source[0] && !p->notional)
        return bmd_yw_fail(c, map, BMD_EINVAL,
                       "field '%s' has neither 'source: KEY' nor 'notional: true' (every parameter "
                       "needs its provenance)", field);
    if (p->notional && !p->note[0])
        return bmd_yw_fail(c, map, BMD_EINVAL,
                       "field '%s' is notional but has no 'note' saying how it was reconstructed",
                       field);
    return BMD_SUCCESS;
}

/* Read the optional `low`/`high` of a parameter (both or neither; low <= value <= high; each
 * obeying rule) into p. */
static int read_range(const yw_ctx *c, const yaml_node_t *map, const char *field, int rule,
                      bmd_param_provenance *p)
{
    const yaml_node_t *lo = bmd_yw_get(c, map, "low"), *hi = bmd_yw_get(c, map, "high");
    if (!lo && !hi)
        return BMD_SUCCESS;
    if (!lo || !hi)
        return bmd_yw_fail(c, lo ? lo : hi, BMD_EINVAL, "field '%s': give both 'low' and 'high' (the "
                       "range of the published values), or neither", field);
    int st;
    char sub[160];
    snprintf(sub, sizeof sub, "%s.low", field);
    if ((st = bmd_yw_number(c, lo, sub, &p->low)))
        return st;
    snprintf(sub, sizeof sub, "%s.high", field);
    if ((st = bmd_yw_number(c, hi, sub, &p->high)))
        return st;
    const char *what;
    if (!bmd_cat_rule_ok(rule, p->low, &what))
        return bmd_yw_fail(c, lo, BMD_EINVAL, "field '%s.low': value '%s' must be %s", field,
                       bmd_yw_text(lo), what);
    if (!(p->low <= p->value && p->value <= p->high))
        return bmd_yw_fail(c, lo, BMD_EINVAL, "field '%s': range [%s, %s] must contain the value %g "
                       "(low <= value <= high)", field, bmd_yw_text(lo), bmd_yw_text(hi), p->value);
    p->has_range = 1;
    return BMD_SUCCESS;
}

int bmd_cat_read_param(const yw_ctx *c, const yaml_node_t *node, const char *field, int rule,
                   const bmd_source *sources, int n_sources, bmd_param_provenance *p)
{
    if (node && node->type == YAML_SCALAR_NODE)
        return bmd_yw_fail(c, node, BMD_EINVAL,
                       "field '%s': bare value '%s' has no provenance; write {value: %s, source: "
                       "KEY} or {value: %s, notional: true, note: \"how it was reconstructed\"}",
                       field, bmd_yw_text(node), bmd_yw_text(node), bmd_yw_text(node));
    int st;
    if ((st = bmd_yw_expect_mapping(c, node, field)))
        return st;
    static const char *const keys[] = {"value", "low", "high", "source", "notional", "note",
                                       "dist"};
    if ((st = bmd_yw_check_keys(c, node, field, keys, 7)))
        return st;
    const yaml_node_t *vnode = bmd_yw_get(c, node, "value");
    if (!vnode)
        return bmd_yw_fail(c, node, BMD_EINVAL, "field '%s' has no 'value'", field);
    memset(p, 0, sizeof *p);
    set_field(p, field);
    p->line = bmd_yw_line(vnode);
    if ((st = bmd_yw_number(c, vnode, field, &p->value)))
        return st;
    const char *what;
    if (!bmd_cat_rule_ok(rule, p->value, &what))
        return bmd_yw_fail(c, vnode, BMD_EINVAL, "field '%s': value '%s' must be %s", field,
                       bmd_yw_text(vnode), what);
    if ((st = read_range(c, node, field, rule, p)))
        return st;
    return bmd_cat_read_provenance(c, node, field, sources, n_sources, p);
}

/* Read one scalar parameter {value, source | notional+note} at field path into *dst. */
static int read_scalar(const yw_ctx *c, const yaml_node_t *node, const char *field, int rule,
                       bmd_catalog_missile *e, double *dst)
{
    bmd_param_provenance p;
    int st = bmd_cat_read_param(c, node, field, rule, e->sources, e->n_sources, &p);
    if (st)
        return st;
    *dst = p.value;
    return bmd_cat_add_param(e, &p, c->err);
}

/* Read one column of a table (a list of numbers) into out[0..*n-1]. */
static int read_column(const yw_ctx *c, const yaml_node_t *seq, const char *field, double *out,
                       int *n)
{
    int st;
    if ((st = bmd_yw_expect_sequence(c, seq, field)))
        return st;
    int count = (int)(seq->data.sequence.items.top - seq->data.sequence.items.start);
    if (count < 2 || count > BMD_TABLE_MAX)
        return bmd_yw_fail(c, seq, BMD_EINVAL, "field '%s' has %d entries; between 2 and %d allowed",
                       field, count, BMD_TABLE_MAX);
    for (int i = 0; i < count; i++) {
        char sub[192];
        snprintf(sub, sizeof sub, "%s[%d]", field, i);
        if ((st = bmd_yw_number(c, bmd_yw_node(c, seq->data.sequence.items.start[i]), sub, &out[i])))
            return st;
    }
    *n = count;
    return BMD_SUCCESS;
}

/* Read a table {X: [...], Y: [...], source...}: equal lengths, X increasing from zero up, Y by
 * its rule. */
static int read_table(const yw_ctx *c, const yaml_node_t *node, const char *field,
                      const cat_table *t, bmd_catalog_missile *e, bmd_table *dst)
{
    int st;
    if ((st = bmd_yw_expect_mapping(c, node, field)))
        return st;
    const char *const keys[] = {t->x_name, t->y_name, "source", "notional", "note"};
    if ((st = bmd_yw_check_keys(c, node, field, keys, 5)))
        return st;
    bmd_table tab = {0};
    const yaml_node_t *cols[2] = {bmd_yw_get(c, node, t->x_name), bmd_yw_get(c, node, t->y_name)};
    int n[2] = {0, 0};
    for (int k = 0; k < 2; k++) {
        char sub[160];
        snprintf(sub, sizeof sub, "%s.%s", field, k ? t->y_name : t->x_name);
        if (!cols[k])
            return bmd_yw_fail(c, node, BMD_EINVAL, "field '%s' is missing", sub);
        if ((st = read_column(c, cols[k], sub, k ? tab.y : tab.x, &n[k])))
            return st;
    }
    if (n[0] != n[1])
        return bmd_yw_fail(c, cols[1], BMD_EINVAL, "field '%s': '%s' has %d entries but '%s' has %d",
                       field, t->y_name, n[1], t->x_name, n[0]);
    tab.n = n[0];
    for (int i = 0; i < tab.n; i++) {
        const yaml_node_t *xi = bmd_yw_node(c, cols[0]->data.sequence.items.start[i]);
        const yaml_node_t *yi = bmd_yw_node(c, cols[1]->data.sequence.items.start[i]);
        const char *what;
        if (tab.x[i] < 0 || (i > 0 && !(tab.x[i] > tab.x[i - 1])))
            return bmd_yw_fail(c, xi, BMD_EINVAL,
                           "field '%s.%s[%d]': value '%s' must be zero or positive and greater "
                           "than the one before", field, t->x_name, i, bmd_yw_text(xi));
        if (!bmd_cat_rule_ok(t->y_rule, tab.y[i], &what))
            return bmd_yw_fail(c, yi, BMD_EINVAL, "field '%s.%s[%d]': value '%s' must be %s", field,
                           t->y_name, i, bmd_yw_text(yi), what);
        if (!(tab.y[i] <= t->y_hi))
            return bmd_yw_fail(c, yi, BMD_EINVAL, "field '%s.%s[%d]': value '%s' must be at most %g",
                           field, t->y_name, i, bmd_yw_text(yi), t->y_hi);
    }
    bmd_param_provenance p = {0};
    set_field(&p, field);
    p.value = NAN; /* a table has no single value; its points are in the missile */
    p.line = bmd_yw_line(node);
    if ((st = bmd_cat_read_provenance(c, node, field, e->sources, e->n_sources, &p)))
        return st;
    *dst = tab;
    return bmd_cat_add_param(e, &p, c->err);
}

/* Read the scalar fields in fields[] (and tables in tables[]) of mapping node into the struct at
 * base; prefix is the field path of the mapping. */
static int read_fields(const yw_ctx *c, const yaml_node_t *node, const char *prefix,
                       const cat_scalar *fields, int n_fields, const cat_table *tables,
                       int n_tables, bmd_catalog_missile *e, char *base)
{
    int st;
    if ((st = bmd_yw_expect_mapping(c, node, prefix)))
        return st;
    const char *keys[24];
    int n_keys = 0;
    for (int i = 0; i < n_fields; i++)
        keys[n_keys++] = fields[i].name;
    for (int i = 0; i < n_tables; i++)
        keys[n_keys++] = tables[i].name;
    if ((st = bmd_yw_check_keys(c, node, prefix, keys, n_keys)))
        return st;
    for (int i = 0; i < n_fields; i++) {
        char field[96];
        snprintf(field, sizeof field, "%s.%s", prefix, fields[i].name);
        const yaml_node_t *v = bmd_yw_get(c, node, fields[i].name);
        if (!v) {
            if (fields[i].required)
                return bmd_yw_fail(c, node, BMD_EINVAL, "field '%s' is missing (required)", field);
            continue;
        }
        double *dst = (double *)(void *)(base + fields[i].offset);
        if ((st = read_scalar(c, v, field, fields[i].rule, e, dst)))
            return st;
        char what[96];
        if (!bmd_cat_scalar_ok(&fields[i], *dst, what, sizeof what))
            return bmd_yw_fail(c, v, BMD_EINVAL, "field '%s': value %g must be %s", field, *dst,
                           what);
    }
    for (int i = 0; i < n_tables; i++) {
        char field[96];
        snprintf(field, sizeof field, "%s.%s", prefix, tables[i].name);
        const yaml_node_t *v = bmd_yw_get(c, node, tables[i].name);
        if (v && (st = read_table(c, v, field, &tables[i], e,
                                  (bmd_table *)(void *)(base + tables[i].offset))))
            return st;
    }
    return BMD_SUCCESS;
}

int bmd_cat_read_stage(const yw_ctx *c, const yaml_node_t *node, int index, bmd_catalog_missile *e)
{
    char prefix[32];
    snprintf(prefix, sizeof prefix, "stages[%d]", index);
    bmd_stage *s = &e->missile.stages[index];
    memset(s, 0, sizeof *s);
    return read_fields(c, node, prefix, stage_fields, COUNT(stage_fields), stage_tables,
                       COUNT(stage_tables), e, (char *)s);
}

int bmd_cat_read_payload(const yw_ctx *c, const yaml_node_t *node, bmd_catalog_missile *e)
{
    memset(&e->missile.payload, 0, sizeof e->missile.payload);
    return read_fields(c, node, "payload", payload_fields, COUNT(payload_fields), NULL, 0, e,
                       (char *)&e->missile.payload);
}

int bmd_cat_read_signature(const yw_ctx *c, const yaml_node_t *node, bmd_catalog_missile *e)
{
    memset(&e->signature, 0, sizeof e->signature);
    if (node) {
        int st = read_fields(c, node, "signature", signature_fields, COUNT(signature_fields),
                             NULL, 0, e, (char *)&e->signature);
        if (st)
            return st;
    }
    if (e->signature.warhead_rcs_m2 > 0)
        return BMD_SUCCESS;
    e->signature.warhead_rcs_m2 = BMD_DEFAULT_WARHEAD_RCS_M2;
    bmd_param_provenance p;
    memset(&p, 0, sizeof p);
    snprintf(p.field, sizeof p.field, "signature.warhead_rcs_m2");
    p.value = BMD_DEFAULT_WARHEAD_RCS_M2;
    p.notional = 1;
    snprintf(p.note, sizeof p.note, "default: the missile file gives none (the low end of the "
             "0.01-0.1 m^2 commonly assumed for a reentry vehicle seen nose-on)");
    return bmd_cat_add_param(e, &p, c->err);
}
