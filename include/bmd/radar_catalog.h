/* bmd/radar_catalog.h — the radar catalogue: YAML files under data/catalog/radars/, one radar type
 * per file, every parameter with its open source or `notional: true` and a note, and a
 * `low`/`high` range where sources disagree (docs/catalog.md, "Radars"). The radar's site is not
 * part of the type: set radar.lat_rad, lon_rad, height_m (and the boresight azimuth, which the
 * file gives only as a default) before use. Errors name the file, line and column. */
#ifndef BMD_RADAR_CATALOG_H
#define BMD_RADAR_CATALOG_H

#include "bmd/api.h"

#include "bmd/catalog.h"
#include "bmd/sensor.h"

#ifdef __cplusplus
extern "C" {
#endif

#define BMD_RADAR_CATALOG_MAX_PARAMS 24

/* One radar type: the bmd_radar it fills (site at 0, 0, 0) and the provenance of each value. */
typedef struct bmd_catalog_radar {
    bmd_radar radar;
    char name[BMD_NAME_MAX];
    char full_name[128];
    char band[16];           /* UHF, S, X, ... */
    char description[BMD_CATALOG_TEXT_MAX];
    char path[BMD_PATH_MAX];
    int n_sources;
    bmd_source sources[BMD_CATALOG_MAX_SOURCES];
    int n_params;
    bmd_param_provenance params[BMD_RADAR_CATALOG_MAX_PARAMS];
} bmd_catalog_radar;

/* Load one radar file. Errors as bmd_catalog_load_missile (EIO, EPARSE, EINVAL), each message
 * starting "FILE:LINE:COLUMN: ". */
BMD_API int bmd_catalog_load_radar(const char *path, bmd_catalog_radar *entry, bmd_error *err);

/* Find a radar by name (file stem or `name:` field, case-insensitive) in dir, or load name when it
 * is a path. Errors: BMD_ENOTFOUND with the closest names suggested, and those of load. */
BMD_API int bmd_catalog_find_radar(const char *dir, const char *name, bmd_catalog_radar *entry,
                                   bmd_error *err);

/* The names (file stems) of the radars in dir, sorted (as bmd_catalog_list_missiles). */
BMD_API int bmd_catalog_list_radars(const char *dir, char (*names)[BMD_NAME_MAX], int max, int *n,
                                    bmd_error *err);

/* Set one parameter from text, "FIELD=VALUE" in the file's units (e.g. "detection_range_m=1.5e6",
 * "azimuth_half_width_deg=60"; "parameters." may prefix the field), recorded in the provenance as
 * an override (notional, line 0, the file value in the note); the radar is then validated as a
 * whole. Errors: BMD_EINVAL for an unknown field (the closest suggested) or a bad value. */
BMD_API int bmd_catalog_radar_override(bmd_catalog_radar *entry, const char *assignment, bmd_error *err);

/* The provenance of field (e.g. "detection_range_m") of a loaded radar, or NULL. */
BMD_API const bmd_param_provenance *bmd_catalog_radar_param(const bmd_catalog_radar *entry,
                                                            const char *field);

#ifdef __cplusplus
}
#endif
#endif
