/* Looking places up by name, listing matches and suggesting close names (bmd/places.h). */
#include <stdio.h>
#include <string.h>

#include "data/places_internal.h"
#include "data/yaml_walk.h"

enum { MATCH_EXACT = 0, MATCH_PREFIX = 1, MATCH_CONTAINS = 2, MATCH_COUNTRY = 3, MATCH_NONE = 4 };

/* How well one name matches key (MATCH_*). */
static int name_match(const char *name, size_t len, const char *key)
{
    char buf[BMD_PLACE_KEY_MAX], k[BMD_PLACE_KEY_MAX];
    size_t n = len < sizeof buf - 1 ? len : sizeof buf - 1;
    memcpy(buf, name, n);
    buf[n] = '\0';
    bmd_place_key(buf, k, sizeof k);
    if (!k[0])
        return MATCH_NONE;
    if (strcmp(k, key) == 0)
        return MATCH_EXACT;
    if (strncmp(k, key, strlen(key)) == 0)
        return MATCH_PREFIX;
    return strstr(k, key) ? MATCH_CONTAINS : MATCH_NONE;
}

/* The best match of key against the name and every alias of p. */
static int place_match(const bmd_place *p, const char *key)
{
    int best = name_match(p->name, strlen(p->name), key);
    for (const char *a = p->aliases; *a;) {
        size_t len = strcspn(a, ",");
        int m = name_match(a, len, key);
        if (m < best)
            best = m;
        a += len + (a[len] == ',');
    }
    if (best == MATCH_NONE && p->country[0]) {
        char k[BMD_PLACE_KEY_MAX];
        if (strcmp(bmd_place_key(p->country, k, sizeof k), key) == 0)
            best = MATCH_COUNTRY;
    }
    return best;
}

/* The smallest edit distance between key and the keys of p's name and aliases. */
static int place_distance(const bmd_place *p, const char *key)
{
    char buf[BMD_PLACE_KEY_MAX], k[BMD_PLACE_KEY_MAX];
    int best = bmd_yw_edit_distance(key, bmd_place_key(p->name, k, sizeof k));
    for (const char *a = p->aliases; *a;) {
        size_t len = strcspn(a, ",");
        size_t n = len < sizeof buf - 1 ? len : sizeof buf - 1;
        memcpy(buf, a, n);
        buf[n] = '\0';
        int d = bmd_yw_edit_distance(key, bmd_place_key(buf, k, sizeof k));
        if (d < best)
            best = d;
        a += len + (a[len] == ',');
    }
    return best;
}

/* Up to max places within a small edit distance of key, closest first; returns how many. */
static size_t close_names(const bmd_places *g, const char *key, size_t *idx, size_t max)
{
    int limit = (int)strlen(key) / 3 + 1;
    if (limit < 2)
        limit = 2;
    size_t shown = 0;
    int dist[8];
    if (max > 8)
        max = 8;
    for (size_t i = 0; i < g->n; i++) {
        int d = place_distance(&g->places[i], key);
        if (d > limit)
            continue;
        int dup = 0; /* the same name once only (scenario and Natural Earth entries) */
        for (size_t k = 0; k < shown; k++)
            dup |= strcmp(g->places[idx[k]].name, g->places[i].name) == 0;
        if (dup)
            continue;
        size_t at = shown;
        while (at > 0 && dist[at - 1] > d)
            at--;
        if (at >= max)
            continue;
        size_t last = shown < max ? shown : max - 1;
        for (size_t k = last; k > at; k--) {
            idx[k] = idx[k - 1];
            dist[k] = dist[k - 1];
        }
        idx[at] = i;
        dist[at] = d;
        if (shown < max)
            shown++;
    }
    return shown;
}

int bmd_places_find(const bmd_places *g, const char *name, const bmd_place **place,
                    bmd_error *err)
{
    char key[BMD_PLACE_KEY_MAX];
    *place = NULL;
    if (!name || !*bmd_place_key(name, key, sizeof key))
        return bmd_error_set(err, BMD_EINVAL, "place name '%s' has no letters or digits",
                             name ? name : "");
    for (size_t i = 0; i < g->n; i++)
        if (place_match(&g->places[i], key) == MATCH_EXACT) {
            *place = &g->places[i];
            return BMD_SUCCESS;
        }
    size_t idx[3];
    size_t n = close_names(g, key, idx, 3);
    char msg[BMD_ERROR_MESSAGE_SIZE];
    snprintf(msg, sizeof msg, "unknown place '%s'", name);
    if (!n)
        return bmd_error_set(err, BMD_ENOTFOUND, "%s (see 'bmdsim places' for the list)", msg);
    for (size_t k = 0; k < n; k++) {
        char where[96];
        size_t used = strlen(msg);
        snprintf(msg + used, sizeof msg - used, "%s%s (%s)", k ? ", " : "; did you mean ",
                 g->places[idx[k]].name,
                 bmd_place_describe(&g->places[idx[k]], where, sizeof where));
    }
    return bmd_error_set(err, BMD_ENOTFOUND, "%s?", msg);
}

size_t bmd_places_search(const bmd_places *g, const char *query, size_t *idx, size_t max)
{
    char key[BMD_PLACE_KEY_MAX];
    size_t found = 0;
    bmd_place_key(query ? query : "", key, sizeof key);
    if (!key[0]) {
        for (size_t i = 0; i < g->n; i++, found++)
            if (found < max)
                idx[found] = i;
        return found;
    }
    for (int level = MATCH_EXACT; level <= MATCH_COUNTRY; level++)
        for (size_t i = 0; i < g->n; i++)
            if (place_match(&g->places[i], key) == level) {
                if (found < max)
                    idx[found] = i;
                found++;
            }
    if (found)
        return found;
    return close_names(g, key, idx, max);
}
