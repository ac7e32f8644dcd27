/* The gazetteer's storage, shared by places.c (loading) and places_find.c (look-up). */
#ifndef BMD_DATA_PLACES_INTERNAL_H
#define BMD_DATA_PLACES_INTERNAL_H

#include "bmd/places.h"

/* Longest key compared (bytes); longer names are cut for matching. */
#define BMD_PLACE_KEY_MAX 64

struct bmd_places {
    char *text;        /* the whole file, cut into NUL-terminated fields */
    bmd_place *places; /* n entries */
    size_t n;
};

#endif
