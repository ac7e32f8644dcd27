/* The fan cache of the required-speed search (bmd/engagement.h, bmd_speed_cache): flown
 * interceptor fans keyed by everything a fan depends on (the Earth model's constants, the whole
 * notional interceptor, the fan options without the grid extents), compared byte for byte, so a
 * hit returns the fan bmd_flyout_build would fly. Entries are never evicted while the cache
 * lives, so a fan found stays valid without reference counts; a mutex guards the list, fans are
 * flown outside it (two threads missing the same key both fly, the second copy is dropped). */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "defense/engagement_internal.h"
#include "defense/interceptor_internal.h"

#define CACHE_DEFAULT_BYTES ((size_t)512 << 20)

/* Everything the fan depends on; built from a zeroed struct so padding compares equal. */
typedef struct fan_key {
    double earth[7];
    int earth_kind;
    bmd_interceptor ic;
    bmd_flyout_options fo; /* extents zeroed */
} fan_key;

typedef struct fan_entry {
    fan_key key;
    bmd_ic_fan *fan;
} fan_entry;

struct bmd_speed_cache {
    pthread_mutex_t lock;
    size_t max_bytes, bytes;
    fan_entry *e;
    int n, cap;
};

bmd_speed_cache *bmd_speed_cache_new(size_t max_bytes)
{
    bmd_speed_cache *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    if (pthread_mutex_init(&c->lock, NULL)) {
        free(c);
        return NULL;
    }
    c->max_bytes = max_bytes ? max_bytes : CACHE_DEFAULT_BYTES;
    return c;
}

void bmd_speed_cache_free(bmd_speed_cache *c)
{
    if (!c)
        return;
    for (int i = 0; i < c->n; i++)
        bmd_ic_fan_free(c->e[i].fan);
    free(c->e);
    pthread_mutex_destroy(&c->lock);
    free(c);
}

static void make_key(fan_key *k, const bmd_earth *earth, const bmd_interceptor *ic,
                     const bmd_flyout_options *fo)
{
    memset(k, 0, sizeof *k);
    const double ev[7] = {earth->a_m, earth->f, earth->b_m, earth->e2, earth->gm_m3_s2,
                          earth->j2, earth->omega_rad_s};
    memcpy(k->earth, ev, sizeof ev);
    k->earth_kind = (int)earth->kind;
    memcpy(&k->ic, ic, sizeof *ic);
    memcpy(&k->fo, fo, sizeof *fo);
    k->fo.range_max_m = 0;
    k->fo.altitude_max_m = 0;
}

/* The fan with key k, NULL when absent (lock held). */
static bmd_ic_fan *find(const bmd_speed_cache *c, const fan_key *k)
{
    for (int i = c->n - 1; i >= 0; i--)
        if (!memcmp(&c->e[i].key, k, sizeof *k))
            return c->e[i].fan;
    return NULL;
}

/* Keep fan under key k when it fits (lock held); returns the fan to use and whether the cache
 * owns it. */
static bmd_ic_fan *keep(bmd_speed_cache *c, const fan_key *k, bmd_ic_fan *fan, int *owned)
{
    bmd_ic_fan *had = find(c, k);
    if (had) { /* another thread flew it meanwhile */
        bmd_ic_fan_free(fan);
        *owned = 1;
        return had;
    }
    const size_t b = bmd_ic_fan_bytes(fan);
    *owned = 0;
    if (c->bytes + b > c->max_bytes)
        return fan;
    if (c->n == c->cap) {
        int cap = c->cap ? 2 * c->cap : 32;
        fan_entry *e = realloc(c->e, sizeof *e * (size_t)cap);
        if (!e)
            return fan;
        c->e = e;
        c->cap = cap;
    }
    c->e[c->n].key = *k;
    c->e[c->n].fan = fan;
    c->n++;
    c->bytes += b;
    *owned = 1;
    return fan;
}

int bmd_eng_speed_table(bmd_speed_cache *cache, const bmd_earth *earth, const bmd_interceptor *ic,
                        const bmd_flyout_options *fo, bmd_flyout *tab, int *flown,
                        bmd_error *err)
{
    *flown = 0;
    if (!cache) {
        *flown = 1;
        return bmd_flyout_build(tab, earth, ic, fo, err);
    }
    fan_key *k = malloc(sizeof *k); /* large (the interceptor holds a rocket) */
    if (!k)
        return bmd_error_set(err, BMD_ENOMEM, "out of memory for a fan key");
    make_key(k, earth, ic, fo);
    pthread_mutex_lock(&cache->lock);
    bmd_ic_fan *fan = find(cache, k);
    pthread_mutex_unlock(&cache->lock);
    int owned = 1, st = BMD_SUCCESS;
    if (!fan) {
        if ((st = bmd_ic_fan_fly(&fan, earth, ic, fo, err))) {
            free(k);
            return st;
        }
        *flown = 1;
        pthread_mutex_lock(&cache->lock);
        fan = keep(cache, k, fan, &owned);
        pthread_mutex_unlock(&cache->lock);
    }
    free(k);
    st = bmd_ic_flyout_from_fan(tab, fan, fo->range_max_m, fo->altitude_max_m, err);
    if (!owned)
        bmd_ic_fan_free(fan);
    return st;
}
