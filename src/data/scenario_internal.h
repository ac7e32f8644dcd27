/* data/scenario_internal.h — pieces shared by the scenario reader's files: the read context and
 * readers of the value kinds a scenario uses (names, points, non-negative numbers, integers,
 * choices, overrides, provenance). Every reader names the field path in its errors and records
 * them at the node's file, line and column (yaml_walk.h). Internal to the io layer. */
#ifndef BMD_IO_SCENARIO_INTERNAL_H
#define BMD_IO_SCENARIO_INTERNAL_H

#include <stddef.h>

#include "bmd/scenario.h"
#include "data/yaml_walk.h"

/* The walk over one scenario document. */
typedef struct scn_ctx {
    yw_ctx yw;
    bmd_scenario *scn;
} scn_ctx;

/* The number of items of a sequence node. */
int bmd_scn_count(const yaml_node_t *seq);

/* Item i of a sequence node. */
yaml_node_t *bmd_scn_item(const scn_ctx *c, const yaml_node_t *seq, int i);

/* A name: 1 to 63 characters of letters, digits, '-', '_', '.'. */
int bmd_scn_name(const scn_ctx *c, const yaml_node_t *node, const char *field, char *buf);

/* A required key of mapping map (error "field 'PREFIX.KEY' is missing (required)"). */
yaml_node_t *bmd_scn_required(const scn_ctx *c, const yaml_node_t *map, const char *prefix,
                          const char *key, int *status);

/* A number that must be >= 0 (open: > 0). */
int bmd_scn_nonnegative(const scn_ctx *c, const yaml_node_t *node, const char *field, int open,
                    double *out);

/* A number in [lo, hi] (what: "a latitude", ...; unit: "degrees"). */
int bmd_scn_in_range(const scn_ctx *c, const yaml_node_t *node, const char *field, double lo,
                 double hi, const char *what, const char *unit, double *out);

/* An integer >= min (1 or 0), at most 1e9. */
int bmd_scn_integer(const scn_ctx *c, const yaml_node_t *node, const char *field, int min, int *out);

/* A point [LAT, LON] or [LAT, LON, HEIGHT_M] in degrees into p (radians, m). */
int bmd_scn_latlon(const scn_ctx *c, const yaml_node_t *node, const char *field,
               bmd_scenario_point *p);

/* One of names[0..n-1] (error lists them, suggests the closest); index into *out. */
int bmd_scn_choice(const scn_ctx *c, const yaml_node_t *node, const char *field,
               const char *const *names, int n, int *out);

/* The provenance keys (source, notional, note) of mapping map, describing field, into p
 * (p->field = field, p->value = NAN, p->line = the map's line). Needs the scenario's sources. */
int bmd_scn_provenance(const scn_ctx *c, const yaml_node_t *map, const char *field,
                   bmd_param_provenance *p);

/* A catalogue reference: the name in name_node (text) and the overrides in set_node (a mapping
 * FIELD: NUMBER, may be NULL) into ref; field is the path of the name. */
int bmd_scn_ref(const scn_ctx *c, const yaml_node_t *name_node, const yaml_node_t *set_node,
            const char *field, bmd_scenario_ref *ref);

/* The timeline keys of mapping node (each >= 0) over *t; prefix is its path. all: every delay
 * is required (the scenario's own timeline); otherwise the keys present replace those of *t. */
int bmd_scn_timeline(const scn_ctx *c, const yaml_node_t *node, const char *prefix, int all,
                 bmd_scenario_timeline *t);

/* What the lists share (scenario_items.c). */

/* Whether a provenance key (source, notional, note) is present in mapping map. */
int bmd_scn_has_provenance(const scn_ctx *c, const yaml_node_t *map);

/* A sequence node's item count, after checking it is a sequence (*n = 0); allocates *out
 * (zeroed, room for every item). Errors: BMD_EINVAL naming field, BMD_ENOMEM. */
int bmd_scn_alloc_list(const scn_ctx *c, const yaml_node_t *seq, const char *field, size_t size,
                       void **out, int *n);

/* The head of item i of list: a mapping of the allowed keys only, with a required `name:` (into
 * name) unlike those of the items before it (first, stride bytes apart); path gets "LIST[i]" (n
 * bytes). Errors: BMD_EINVAL naming the field path. */
int bmd_scn_read_head(const scn_ctx *c, const yaml_node_t *m, const char *list, int i,
                      const char *const *keys, int n_keys, char *name, const char *first,
                      size_t stride, char *path, size_t n);

/* Read the list items of `sensors:`, `sites:` (scenario_items.c), `threats:` and the areas
 * (scenario_threats.c). */
/* The cells of box b (rows x columns, counted in floating point as bmd_footprint_box_make does,
 * a km step on the mean radius): EINVAL naming field (the step) when above
 * BMD_SCENARIO_MAX_BOX_CELLS, before anything is allocated for them. */
int bmd_scn_box_limit(const scn_ctx *c, const yaml_node_t *node, const char *field,
                  const bmd_scenario_box *b);
double bmd_scn_box_cells(const bmd_scenario_box *b);

int bmd_scn_read_sensors(const scn_ctx *c, const yaml_node_t *seq);
int bmd_scn_read_sites(const scn_ctx *c, const yaml_node_t *seq);
int bmd_scn_read_threats(const scn_ctx *c, const yaml_node_t *seq);
/* `uncertain:` (src/data/param_uncertain.c). */
int bmd_scn_read_uncertain(const scn_ctx *c, const yaml_node_t *map);
/* kind: 0 launch areas, 1 targets, 2 grids. */
int bmd_scn_read_areas(const scn_ctx *c, const yaml_node_t *seq, int kind);

/* Copy src into dst (size n), truncated to fit and NUL-terminated. */
void bmd_scn_copy(char *dst, size_t n, const char *src);

/* Position of a node for a bmd_scenario_pos. */
bmd_scenario_pos bmd_scn_pos(const yaml_node_t *node);

#endif
