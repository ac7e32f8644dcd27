/* Loading one missile file of the catalogue: the top-level fields and the sources; stages and
 * payload are read by the schema (catalog_schema.c). */
#include <stdio.h>
#include <string.h>

#include "bmd/catalog.h"
#include "data/catalog_dir.h"
#include "data/catalog_schema.h"
#include "data/yaml_walk.h"

static const char *const top_keys[] = {"kind", "name", "full_name", "class", "description",
                                       "sources", "stages", "payload", "published_range_km",
                                       "signature"};

/* A required top-level node, or an error naming it. */
static const yaml_node_t *required(const yw_ctx *c, const yaml_node_t *root, const char *key,
                                   int *st)
{
    const yaml_node_t *v = bmd_yw_get(c, root, key);
    if (!v)
        *st = bmd_yw_fail(c, root, BMD_EINVAL, "field '%s' is missing (required)", key);
    return v;
}

int bmd_cat_read_sources(const yw_ctx *c, const yaml_node_t *node, bmd_source *sources, int *n)
{
    int st;
    *n = 0;
    if ((st = bmd_yw_expect_mapping(c, node, "sources")))
        return st;
    for (yaml_node_pair_t *p = node->data.mapping.pairs.start; p < node->data.mapping.pairs.top;
         p++) {
        const yaml_node_t *key = bmd_yw_node(c, p->key);
        const yaml_node_t *val = bmd_yw_node(c, p->value);
        if (*n >= BMD_CATALOG_MAX_SOURCES)
            return bmd_yw_fail(c, key, BMD_EINVAL, "field 'sources': more than %d sources",
                           BMD_CATALOG_MAX_SOURCES);
        bmd_source *s = &sources[*n];
        if ((st = bmd_yw_string(c, key, "sources", s->key, sizeof s->key)))
            return st;
        char field[96];
        snprintf(field, sizeof field, "sources.%s", s->key);
        for (int i = 0; i < *n; i++)
            if (strcmp(sources[i].key, s->key) == 0)
                return bmd_yw_fail(c, key, BMD_EINVAL, "field '%s' is given twice", field);
        if ((st = bmd_yw_string(c, val, field, s->citation, sizeof s->citation)))
            return st;
        if (!s->citation[0])
            return bmd_yw_fail(c, val, BMD_EINVAL, "field '%s' is empty (give the full citation)",
                           field);
        (*n)++;
    }
    if (*n == 0)
        return bmd_yw_fail(c, node, BMD_EINVAL, "field 'sources' is empty (cite at least one source)");
    return BMD_SUCCESS;
}

/* Read the header fields: kind, name, full_name, class, description. */
static int read_header(const yw_ctx *c, const yaml_node_t *root, bmd_catalog_missile *e)
{
    int st = BMD_SUCCESS;
    char kind[32];
    const yaml_node_t *n;
    if (!(n = required(c, root, "kind", &st)) || (st = bmd_yw_string(c, n, "kind", kind, sizeof kind)))
        return st;
    if (strcmp(kind, "missile") != 0)
        return bmd_yw_fail(c, n, BMD_EINVAL, "field 'kind': value '%s' must be 'missile'", kind);
    if (!(n = required(c, root, "name", &st)) ||
        (st = bmd_yw_string(c, n, "name", e->missile.name, sizeof e->missile.name)))
        return st;
    if (!e->missile.name[0])
        return bmd_yw_fail(c, n, BMD_EINVAL, "field 'name' is empty");
    if (!(n = required(c, root, "full_name", &st)) ||
        (st = bmd_yw_string(c, n, "full_name", e->full_name, sizeof e->full_name)))
        return st;
    if (!(n = required(c, root, "class", &st)) ||
        (st = bmd_yw_string(c, n, "class", e->class_name, sizeof e->class_name)))
        return st;
    static const char *const classes[] = {"SRBM", "MRBM", "IRBM", "ICBM", "SLBM", "SLV", "generic"};
    int ok = 0;
    for (size_t i = 0; i < sizeof classes / sizeof *classes; i++)
        ok |= strcmp(e->class_name, classes[i]) == 0;
    if (!ok)
        return bmd_yw_fail(c, n, BMD_EINVAL, "field 'class': value '%s' must be one of SRBM, MRBM, "
                       "IRBM, ICBM, SLBM, SLV, generic", e->class_name);
    if ((n = bmd_yw_get(c, root, "description")) &&
        (st = bmd_yw_string(c, n, "description", e->description, sizeof e->description)))
        return st;
    return BMD_SUCCESS;
}

/* Read published_range_km {low: KM, high: KM, source: KEY | notional: true, note: "..."}: the
 * published class of the maximum range, stored in metres. */
static int read_published_range(const yw_ctx *c, const yaml_node_t *node, bmd_catalog_missile *e)
{
    static const char *const keys[] = {"low", "high", "source", "notional", "note"};
    const char *field = "published_range_km";
    bmd_param_provenance *p = &e->published_range;
    int st;
    if ((st = bmd_yw_expect_mapping(c, node, field)) || (st = bmd_yw_check_keys(c, node, field, keys, 5)))
        return st;
    const yaml_node_t *lo = bmd_yw_get(c, node, "low"), *hi = bmd_yw_get(c, node, "high");
    if (!lo || !hi)
        return bmd_yw_fail(c, node, BMD_EINVAL, "field '%s' needs both 'low' and 'high' (km)", field);
    memset(p, 0, sizeof *p);
    snprintf(p->field, sizeof p->field, "%s", field);
    p->line = bmd_yw_line(node);
    if ((st = bmd_yw_number(c, lo, "published_range_km.low", &p->low)) ||
        (st = bmd_yw_number(c, hi, "published_range_km.high", &p->high)))
        return st;
    if (!(p->low > 0.0))
        return bmd_yw_fail(c, lo, BMD_EINVAL, "field '%s.low': value '%s' must be positive", field,
                       bmd_yw_text(lo));
    if (!(p->high >= p->low))
        return bmd_yw_fail(c, hi, BMD_EINVAL, "field '%s.high': value '%s' must not be below low "
                       "(%g km)", field, bmd_yw_text(hi), p->low);
    if ((st = bmd_cat_read_provenance(c, node, field, e->sources, e->n_sources, p)))
        return st;
    p->low *= 1e3;
    p->high *= 1e3;
    p->value = 0.5 * (p->low + p->high);
    p->has_range = 1;
    return BMD_SUCCESS;
}

/* Walk the document: header, sources, stages, payload. */
static int read_missile(const yw_ctx *c, void *entry)
{
    bmd_catalog_missile *e = entry;
    const yaml_node_t *root = yaml_document_get_root_node(c->doc);
    if (!root)
        return bmd_error_set(c->err, BMD_EINVAL, "%s:1:1: the file is empty (expected 'kind: "
                             "missile' and the fields of docs/catalog.md)", c->path);
    int st;
    if ((st = bmd_yw_expect_mapping(c, root, "(top level)")) ||
        (st = bmd_yw_check_keys(c, root, "", top_keys, (int)(sizeof top_keys / sizeof *top_keys))) ||
        (st = read_header(c, root, e)))
        return st;
    const yaml_node_t *n;
    if (!(n = required(c, root, "sources", &st)) || (st = bmd_cat_read_sources(c, n, e->sources, &e->n_sources)))
        return st;
    if (!(n = required(c, root, "stages", &st)) || (st = bmd_yw_expect_sequence(c, n, "stages")))
        return st;
    int count = (int)(n->data.sequence.items.top - n->data.sequence.items.start);
    if (count < 1 || count > BMD_MAX_STAGES)
        return bmd_yw_fail(c, n, BMD_EINVAL, "field 'stages' has %d stages; between 1 and %d allowed",
                       count, BMD_MAX_STAGES);
    for (int i = 0; i < count; i++)
        if ((st = bmd_cat_read_stage(c, bmd_yw_node(c, n->data.sequence.items.start[i]), i, e)))
            return st;
    e->missile.n_stages = count;
    if (!(n = required(c, root, "payload", &st)) || (st = bmd_cat_read_payload(c, n, e)))
        return st;
    if ((n = bmd_yw_get(c, root, "published_range_km")) && (st = read_published_range(c, n, e)))
        return st;
    return bmd_cat_read_signature(c, bmd_yw_get(c, root, "signature"), e);
}

int bmd_catalog_load_missile(const char *path, bmd_catalog_missile *entry, bmd_error *err)
{
    bmd_error_clear(err);
    if (!path || !entry)
        return bmd_error_set(err, BMD_EINVAL, "catalogue: path and entry must not be NULL");
    memset(entry, 0, sizeof *entry);
    return bmd_cat_parse_file(path, entry->path, sizeof entry->path, read_missile, entry,
                          sizeof *entry, err);
}

const char *bmd_catalog_warhead_rcs_text(const bmd_catalog_missile *e, char *buf, size_t n)
{
    if (!buf || n == 0)
        return buf;
    const bmd_param_provenance *p = NULL;
    for (int i = 0; e && i < e->n_params && !p; i++)
        if (strcmp(e->params[i].field, "signature.warhead_rcs_m2") == 0)
            p = &e->params[i];
    const double v = e ? e->signature.warhead_rcs_m2 : BMD_DEFAULT_WARHEAD_RCS_M2;
    if (p && strncmp(p->note, "default:", 8) == 0)
        snprintf(buf, n, "warhead %g m^2 (default: the missile file gives none)", v);
    else if (p && p->source[0])
        snprintf(buf, n, "warhead %g m^2 (source %s)", v, p->source);
    else
        snprintf(buf, n, "warhead %g m^2 (notional)", v);
    return buf;
}
