/* bmd/interceptor_catalog.h — the interceptor catalogue: YAML files under
 * data/catalog/interceptors/, one interceptor per file, every parameter with its open source or
 * `notional: true` and a note, and optionally the range over which sources disagree
 * (`{value: X, low: L, high: H, source: KEY, note: "..."}`). Format: docs/catalog.md.
 * Errors name the file, line and column, the field, the value and what is allowed. */
#ifndef BMD_INTERCEPTOR_CATALOG_H
#define BMD_INTERCEPTOR_CATALOG_H

#include "bmd/api.h"

#include "bmd/catalog.h"
#include "bmd/interceptor.h"

#ifdef __cplusplus
extern "C" {
#endif

#define BMD_INTERCEPTOR_MAX_PARAMS 16

/* One parameter's provenance and, when sources disagree, the range they span (low <= value <=
 * high; NAN when not given). */
typedef struct bmd_interceptor_param {
    bmd_param_provenance prov;
    double low;
    double high;
} bmd_interceptor_param;

/* One catalogue entry: the interceptor (notional model) and where each parameter came from. */
typedef struct bmd_catalog_interceptor {
    bmd_interceptor interceptor;
    char full_name[128];
    char description[BMD_CATALOG_TEXT_MAX];
    char path[BMD_PATH_MAX];
    int n_sources;
    bmd_source sources[BMD_CATALOG_MAX_SOURCES];
    int n_params;
    bmd_interceptor_param params[BMD_INTERCEPTOR_MAX_PARAMS];
} bmd_catalog_interceptor;

/* Load one interceptor file. Errors: BMD_EIO, BMD_EPARSE, BMD_EINVAL (missing, unknown, out of
 * range or unsourced field; low > value or high < value), each message starting
 * "FILE:LINE:COLUMN: ". */
BMD_API int bmd_catalog_load_interceptor(const char *path, bmd_catalog_interceptor *entry,
                                         bmd_error *err);

/* Find an interceptor by name (file stem or `name:` field, case-insensitive) in dir, or load
 * name directly when it is a path. Errors: BMD_ENOTFOUND with close names suggested ("unknown
 * interceptor 'sm3-iia' in DIR; did you mean sm-3-block-iia?"), and those of load. */
BMD_API int bmd_catalog_find_interceptor(const char *dir, const char *name,
                                         bmd_catalog_interceptor *entry, bmd_error *err);

/* The names (file stems) of the interceptors in dir, sorted (at most max). Errors as
 * bmd_catalog_list_missiles. */
BMD_API int bmd_catalog_list_interceptors(const char *dir, char (*names)[BMD_NAME_MAX], int max, int *n,
                                          bmd_error *err);

/* Set one parameter from text, "FIELD=VALUE" (e.g. "burnout_speed_m_s=4500"), recorded as an
 * override (notional, line 0, the file value in the note, no low/high); the interceptor is then
 * validated as a whole. Errors: BMD_EINVAL for an unknown field (the closest suggested), a value
 * outside the field's bounds, or an interceptor that no longer validates (entry unchanged). */
BMD_API int bmd_catalog_interceptor_override(bmd_catalog_interceptor *entry, const char *assignment,
                                             bmd_error *err);

/* The provenance of one field ("burnout_speed_m_s", ...) of an entry, or NULL. */
BMD_API const bmd_interceptor_param *bmd_catalog_interceptor_param(const bmd_catalog_interceptor *entry,
                                                                   const char *field);

#ifdef __cplusplus
}
#endif
#endif
