/* io/catalog_schema.h — the missile schema of the catalogue: which fields a stage and a payload
 * have, which are required, and what values they allow. Internal to the io layer. */
#ifndef BMD_IO_CATALOG_SCHEMA_H
#define BMD_IO_CATALOG_SCHEMA_H

#include <stddef.h>

#include "bmd/catalog.h"
#include "io/yaml_walk.h"

/* What a scalar field allows. */
enum { CAT_POSITIVE = 1, CAT_NONNEGATIVE = 2 };

/* One scalar field of a stage or the payload: its name (with the SI unit in it), where it lives in
 * bmd_stage / bmd_payload, whether it is required, and its rule. */
typedef struct cat_scalar {
    const char *name;
    size_t offset;
    int required;
    int rule;
} cat_scalar;

/* The scalar fields of a stage and of the payload. */
const cat_scalar *cat_stage_fields(int *n);
const cat_scalar *cat_payload_fields(int *n);

/* Whether v obeys rule; when not, *what is "positive" or "zero or positive". */
int cat_rule_ok(int rule, double v, const char **what);

/* Read stage number index (0-based) from its mapping node into e->missile.stages[index], recording
 * the provenance of each parameter. Needs e->sources already read. */
int cat_read_stage(const yw_ctx *c, const yaml_node_t *node, int index, bmd_catalog_missile *e);

/* Read the payload mapping into e->missile.payload, recording provenance. */
int cat_read_payload(const yw_ctx *c, const yaml_node_t *node, bmd_catalog_missile *e);

/* Read source / notional / note of a parameter mapping into p; check that the source key is one
 * of sources[0..n_sources-1] and that the parameter has a source or is notional with a note.
 * field names the parameter in errors. Shared by the missile and interceptor schemas. */
int cat_read_provenance(const yw_ctx *c, const yaml_node_t *map, const char *field,
                        const bmd_source *sources, int n_sources, bmd_param_provenance *p);

/* Read `sources:`, a mapping from short keys to full citations, into sources[0..*n-1] (at most
 * BMD_CATALOG_MAX_SOURCES). */
int cat_read_sources(const yw_ctx *c, const yaml_node_t *node, bmd_source *sources, int *n);

/* Append a provenance record; BMD_EINVAL when the table of parameters is full. */
int cat_add_param(bmd_catalog_missile *e, const bmd_param_provenance *p, bmd_error *err);

#endif
