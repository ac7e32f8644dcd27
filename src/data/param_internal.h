/* data/param_internal.h — helpers shared by the files of the parameter module (src/data/param*.c).
 * Internal to the data layer. */
#ifndef BMD_DATA_PARAM_INTERNAL_H
#define BMD_DATA_PARAM_INTERNAL_H

#include <stddef.h>

#include "bmd/param.h"
#include "data/catalog_schema.h"

/* param_parse.c: the paths' syntax and fields. */

/* A path split into its part (BMD_PARAM_*), optional [NAME] and field. */
typedef struct bmd_param_path {
    int part;
    int has_name;
    char name[BMD_NAME_MAX];
    char field[96];
} bmd_param_path;

/* A named double of a struct: its field name, offset, and the factor from file units to the
 * stored value (radar angles are degrees in the file, radians in bmd_radar). */
typedef struct bmd_param_field {
    const char *name;
    size_t offset;
    double scale;
} bmd_param_field;

/* Split and check a path (its field against the kind's fields) into *p. Errors: BMD_EINVAL
 * naming the path and what is allowed (err may be NULL). */
int bmd_param_parse_path(const char *path, bmd_param_path *p, bmd_error *err);

/* Check a missile field: signature.X, payload.X or stages[K].X. *stage = K or -1; *sf the
 * stage/payload schema entry or NULL; *sig the signature entry or NULL. Errors: BMD_EINVAL
 * naming the path and field (err may be NULL). */
int bmd_param_missile_field(const char *path, const char *field, int *stage,
                            const cat_scalar **sf, const bmd_param_field **sig, bmd_error *err);

/* The interceptor or radar field called field of part (BMD_PARAM_INTERCEPTOR or
 * BMD_PARAM_RADAR); NULL when unknown or for another part. */
const bmd_param_field *bmd_param_field_of(int part, const char *field);

/* Check a path's syntax and field (not its NAME, which needs a scenario). err may be NULL. */
int bmd_param_check_path(const char *path, bmd_error *err);

/* Append the scenario's `uncertain:` entries to set (replacing catalogue ranges of the same
 * path). Errors: BMD_EINVAL naming the entry's file position, BMD_ENOMEM. */
int bmd_param_set_from_uncertain(const bmd_scenario *scn, bmd_param_set *set, bmd_error *err);

#endif
