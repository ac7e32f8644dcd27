/* bmd/catalog.h — the vehicle catalogue: YAML files under data/catalog/ in which every parameter
 * carries its open source, or `notional: true` with a note when it was reconstructed. Users add
 * their own files and override any field by its path (e.g. "stages[1].propellant_mass_kg").
 * Errors name the file, line and column, the field, the value and what is allowed. */
#ifndef BMD_CATALOG_H
#define BMD_CATALOG_H

#include "bmd/api.h"

#include <stddef.h>

#include "bmd/error.h"
#include "bmd/missile.h"

#ifdef __cplusplus
extern "C" {
#endif

#define BMD_CATALOG_MAX_SOURCES 12
#define BMD_CATALOG_MAX_PARAMS 160
#define BMD_CATALOG_TEXT_MAX 512
/* The longest file or folder path held (bytes with the NUL): Linux's PATH_MAX, the longest path
 * the system itself opens; longer ones are refused with a message that names them uncut. */
#define BMD_PATH_MAX 4096

/* A cited source: its key in the file and the full citation (author, title, year, where). */
typedef struct bmd_source {
    char key[48];
    char citation[BMD_CATALOG_TEXT_MAX];
} bmd_source;

/* Where one parameter's value came from. */
typedef struct bmd_param_provenance {
    char field[80];          /* path, e.g. "stages[0].burn_time_s" */
    double value;            /* SI, as stored in the missile; NAN for a table (points in the missile) */
    char source[48];         /* key into sources[], "" when notional without a source */
    int notional;            /* reconstructed, not published */
    char note[256];          /* how it was reconstructed, or the page */
    int line;                /* where it was defined (1-based; 0 for an override) */
    int has_range;           /* sources disagree: the file gives low <= value <= high */
    double low, high;        /* that range, SI (meaningful only when has_range) */
    char dist[64];           /* `dist:` as written (bmd_dist_parse of bmd/param.h), "" when none:
                                then low/high alone mean uniform over the band */
} bmd_param_provenance;

/* The radar cross-sections of a missile's objects (block `signature:` of a missile file, each
 * value with its source or notional flag; docs/catalog.md), m^2. A file without a warhead value
 * gets BMD_DEFAULT_WARHEAD_RCS_M2, recorded as a parameter with the note "default", so that no
 * radar falls back silently to a cross-section of its own. */
typedef struct bmd_catalog_signature {
    double booster_rcs_m2;   /* the booster body (0: not given) */
    double pbv_rcs_m2;       /* the post-boost vehicle (0: none or not given) */
    double warhead_rcs_m2;   /* the reentry vehicle, the object engaged (always > 0 after load) */
} bmd_catalog_signature;

/* The warhead cross-section used when a missile file gives none (m^2): the low end of the
 * 0.01-0.1 m^2 commonly assumed for a conical reentry vehicle seen nose-on (notional). */
#define BMD_DEFAULT_WARHEAD_RCS_M2 0.01

/* One catalogue entry: the missile and the provenance of each of its parameters. */
typedef struct bmd_catalog_missile {
    bmd_missile missile;
    char full_name[128];
    char class_name[32];     /* SRBM, MRBM, IRBM, ICBM, ... */
    char description[BMD_CATALOG_TEXT_MAX];
    char path[BMD_PATH_MAX];
    int n_sources;
    bmd_source sources[BMD_CATALOG_MAX_SOURCES];
    int n_params;
    bmd_param_provenance params[BMD_CATALOG_MAX_PARAMS];
    /* published_range_km: the published class of the maximum range, low..high in m (has_range
     * = 1) with its source or notional note; has_range = 0 when the file gives none */
    bmd_param_provenance published_range;
    bmd_catalog_signature signature;
} bmd_catalog_missile;

/* "warhead 0.01 m^2 (notional)", "warhead 0.1 m^2 (source KEY)" or "warhead 0.01 m^2 (default:
 * the missile file gives none)": the object radars look at and where its cross-section comes
 * from, written into buf (n bytes). Returns buf. */
BMD_API const char *bmd_catalog_warhead_rcs_text(const bmd_catalog_missile *entry, char *buf, size_t n);

/* Load one missile file. Errors: BMD_EIO (cannot read), BMD_EPARSE (YAML syntax), BMD_EINVAL (a
 * missing, negative, non-numeric or unknown field; a parameter with neither source nor notional),
 * each message starting "FILE:LINE:COLUMN: ". */
BMD_API int bmd_catalog_load_missile(const char *path, bmd_catalog_missile *entry, bmd_error *err);

/* Find a missile by name (file stem or `name:` field, case-insensitive) in directory dir, or load
 * name directly when it is a path to a file. Errors: BMD_ENOTFOUND with the closest names
 * suggested ("unknown missile 'scudb'; did you mean scud-b?"), and those of load. */
BMD_API int bmd_catalog_find_missile(const char *dir, const char *name, bmd_catalog_missile *entry,
                                     bmd_error *err);

/* The names (file stems) of the missiles in dir, sorted, written into names[0..*n-1] (at most
 * max). Errors: BMD_EIO when dir cannot be read; BMD_EINVAL when it holds more than max (the
 * first max names are still written). */
BMD_API int bmd_catalog_list_missiles(const char *dir, char (*names)[BMD_NAME_MAX], int max, int *n,
                                      bmd_error *err);

/* Set one field from text, "FIELD=VALUE" (e.g. "payload.rv_mass_kg=500"); recorded in the
 * provenance as an override. Errors: BMD_EINVAL for an unknown field or a bad value. */
BMD_API int bmd_catalog_override(bmd_catalog_missile *entry, const char *assignment, bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
