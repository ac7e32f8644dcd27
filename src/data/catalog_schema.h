/* data/catalog_schema.h — the missile schema of the catalogue: which fields a stage and a payload
 * have, which are required, and what values they allow. Internal to the io layer. */
#ifndef BMD_IO_CATALOG_SCHEMA_H
#define BMD_IO_CATALOG_SCHEMA_H

#include <stddef.h>

#include "bmd/catalog.h"
#include "data/yaml_walk.h"

/* What a scalar field allows. */
enum { CAT_POSITIVE = 1, CAT_NONNEGATIVE = 2, CAT_ANY = 3 };

/* One scalar field of a stage or the payload: its name (with the SI unit in it), where it lives in
 * bmd_stage / bmd_payload, whether it is required, and its rule. */
typedef struct cat_scalar {
    const char *name;
    size_t offset;
    int required;
    int rule;
    double lo, hi;   /* the physically meaningful range (inclusive; beyond the rule's sign) */
} cat_scalar;

/* The scalar fields of a stage and of the payload. */
const cat_scalar *bmd_cat_stage_fields(int *n);
const cat_scalar *bmd_cat_payload_fields(int *n);

/* Whether v obeys rule; when not, *what is "positive" or "zero or positive" (CAT_ANY: any finite
 * number, always true). */
int bmd_cat_rule_ok(int rule, double v, const char **what);

/* Whether v obeys f's rule and lies in [f->lo, f->hi]; when not, what (n bytes) says what is
 * allowed ("positive", "in [0.1, 10000]"). Catches absurd values (negative mass, a burn of
 * 1e-300 s, a specific impulse of 1e300 s) before they reach the integrator. */
int bmd_cat_scalar_ok(const cat_scalar *f, double v, char *what, size_t n);

/* Read stage number index (0-based) from its mapping node into e->missile.stages[index], recording
 * the provenance of each parameter. Needs e->sources already read. */
int bmd_cat_read_stage(const yw_ctx *c, const yaml_node_t *node, int index, bmd_catalog_missile *e);

/* Read the payload mapping into e->missile.payload, recording provenance. */
int bmd_cat_read_payload(const yw_ctx *c, const yaml_node_t *node, bmd_catalog_missile *e);

/* Read the signature block (node may be NULL: none); a missing warhead cross-section gets
 * BMD_DEFAULT_WARHEAD_RCS_M2, recorded as a notional parameter with the note "default". */
int bmd_cat_read_signature(const yw_ctx *c, const yaml_node_t *node, bmd_catalog_missile *e);

/* Read the provenance keys (source, notional, note) of a parameter mapping into p, checking the
 * source key against sources[0..n_sources-1] and that there is a source or a noted notional flag.
 * Shared by every catalogue schema. */
int bmd_cat_read_provenance(const yw_ctx *c, const yaml_node_t *map, const char *field,
                        const bmd_source *sources, int n_sources, bmd_param_provenance *p);

/* Read one scalar parameter {value: N, [low: L, high: H,] source: KEY | notional: true, note: T}
 * at field path into p (value and range checked by rule). Shared by every catalogue schema. */
int bmd_cat_read_param(const yw_ctx *c, const yaml_node_t *node, const char *field, int rule,
                   const bmd_source *sources, int n_sources, bmd_param_provenance *p);

/* Read `sources:` (key -> full citation, 1 to BMD_CATALOG_MAX_SOURCES) into sources, *n. */
int bmd_cat_read_sources(const yw_ctx *c, const yaml_node_t *node, bmd_source *sources, int *n);

/* Append a provenance record; BMD_EINVAL when the table of parameters is full. */
int bmd_cat_add_param(bmd_catalog_missile *e, const bmd_param_provenance *p, bmd_error *err);

/* The index of the name closest to name (its edit distance into *dist) among the n names at
 * *first, and every stride bytes after it (the `name` member of a table of field descriptors:
 * first = &fields[0].name, stride = sizeof fields[0]). The first of equals wins. */
int bmd_cat_closest_name(const char *name, const char *const *first, size_t stride, int n,
                     int *dist);

/* Split assignment "FIELD=VALUE" into name (80 bytes) and *value. BMD_EINVAL "override '...' is
 * not of the form FIELD=VALUE (e.g. EXAMPLE)" without '=', without a field, or when the field does
 * not fit. */
int bmd_cat_split_assignment(const char *assignment, const char *example, char name[80],
                         const char **value, bmd_error *err);

/* Fill p (zeroed first) as an override of field to value v: notional, line 0, and a note with
 * the file value and its source (old), or saying the file did not set it (old NULL). */
void bmd_cat_override_prov(bmd_param_provenance *p, const char *field, double v,
                       const bmd_param_provenance *old);

#endif
