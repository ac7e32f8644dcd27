/* bmd/places.h — a small gazetteer: named places with coordinates and their source
 * (data/places/places.tsv: Natural Earth 1:110m populated places and the scenario library's bases,
 * sites, launch points and targets; see data/places/README.md).
 *
 * Names are matched on a key that ignores case, diacritics (Latin-1 and Latin Extended-A letters
 * fold to their base letter: "kurecik" finds Kürecik) and everything that is not a letter or a
 * digit ("new-york", "New York" and "newyork" are one key). A place may have aliases
 * ("washington" for Washington, D.C.). When two places share a key the first in the file wins;
 * the file lists the scenario library's places first. */
#ifndef BMD_PLACES_H
#define BMD_PLACES_H

#include "bmd/api.h"

#include <stddef.h>

#include "bmd/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One place. The strings point into the gazetteer that returned it and live as long as it. */
typedef struct bmd_place {
    const char *name;    /* as the source spells it, UTF-8 ("Kürecik") */
    const char *country; /* Natural Earth country name, or "" at sea / not on a 1:110m polygon */
    const char *kind;    /* "populated place", "site", "sensor", "launch point (area)", ... */
    const char *aliases; /* comma-separated other names, "" if none */
    const char *source;  /* where the coordinates come from */
    double lat_rad, lon_rad;
} bmd_place;

/* A loaded gazetteer. Opaque. */
typedef struct bmd_places bmd_places;

/* Load a gazetteer file (format: data/places/README.md). Errors: BMD_EIO naming the path;
 * BMD_EPARSE with the line number and the field (missing column, latitude outside [-90, 90] or
 * longitude outside [-180, 180] degrees); BMD_ENOMEM. */
BMD_API int bmd_places_load(const char *path, bmd_places **places, bmd_error *err);
/* Load DATA_DIR/places/places.tsv (DATA_DIR NULL or "": "."). Errors: those of load. */
BMD_API int bmd_places_load_dir(const char *data_dir, bmd_places **places, bmd_error *err);
BMD_API void bmd_places_free(bmd_places *places);

/* Number of places, and place i in [0, count) (NULL outside). */
BMD_API size_t bmd_places_count(const bmd_places *places);
BMD_API const bmd_place *bmd_places_get(const bmd_places *places, size_t i);

/* The matching key of text (see above) in key[0..n), always NUL-terminated; returns key. */
BMD_API char *bmd_place_key(const char *text, char *key, size_t n);

/* The place whose name or one of whose aliases has the key of name. Errors: BMD_ENOTFOUND with
 * up to three close names suggested with country and position ("unknown place 'kozelsc'; did
 * you mean Kozelsk (Russia, 54.03 N 35.78 E)?"), or a pointer to `bmdsim places` if none is
 * close; BMD_EINVAL for an empty name. */
BMD_API int bmd_places_find(const bmd_places *places, const char *name, const bmd_place **place,
                            bmd_error *err);

/* Places matching query, best first, as indexes into idx[0..max): exact key matches of name or
 * alias, then names or aliases starting with the query's key, then containing it, then places
 * whose country has the query's key; if none of those, the names within a small edit distance.
 * Returns the number of matches (which may exceed max; only max are written). An empty query
 * matches every place in file order. */
BMD_API size_t bmd_places_search(const bmd_places *places, const char *query, size_t *idx,
                                 size_t max);

/* "Russia, 54.03 N 35.78 E" (or "54.03 N 35.78 E" without a country) in buf[0..n); returns buf. */
BMD_API char *bmd_place_describe(const bmd_place *place, char *buf, size_t n);

#ifdef __cplusplus
}
#endif
#endif
