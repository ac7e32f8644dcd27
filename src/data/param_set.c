/* Sets of uncertain parameters (bmd/param.h): from a scenario's catalogue ranges and its
 * `uncertain:` block, and from `--vary PATH=DIST`. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bmd/engagement.h"
#include "bmd/param.h"
#include "data/param_internal.h"

void bmd_param_set_free(bmd_param_set *set)
{
    if (!set)
        return;
    free(set->items);
    memset(set, 0, sizeof *set);
}

int bmd_param_set_find(const bmd_param_set *set, const char *path)
{
    for (int i = 0; set && path && i < set->n; i++)
        if (strcmp(set->items[i].path, path) == 0)
            return i;
    return -1;
}

int bmd_param_set_add(bmd_param_set *set, const bmd_param *p, bmd_error *err)
{
    if (!set || !p)
        return bmd_error_set(err, BMD_EINVAL, "parameter set: set and parameter must be given");
    int i = bmd_param_set_find(set, p->path);
    if (i >= 0) {
        set->items[i] = *p;
        return BMD_SUCCESS;
    }
    if (set->n >= set->cap) {
        int cap = set->cap ? 2 * set->cap : 16;
        bmd_param *items = realloc(set->items, (size_t)cap * sizeof *items);
        if (!items)
            return bmd_error_set(err, BMD_ENOMEM, "parameter set: out of memory for %d parameters",
                                 cap);
        set->items = items;
        set->cap = cap;
    }
    set->items[set->n++] = *p;
    return BMD_SUCCESS;
}

/* The part "FIELD" of "KIND[NAME].FIELD" or "KIND.FIELD", and the kind's length. */
static const char *field_of(const char *path, size_t *kind_len)
{
    const char *dot = strchr(path, '.'), *br = strchr(path, '[');
    *kind_len = (size_t)((br && br < dot ? br : dot) - path);
    if (br && br < dot) {
        const char *close = strchr(br, ']');
        return close && close[1] == '.' ? close + 2 : dot + 1;
    }
    return dot + 1;
}

/* Remove every parameter of the same kind and field as path (a path without [NAME]). */
static void remove_same_field(bmd_param_set *set, const char *path)
{
    size_t kl, pkl;
    const char *f = field_of(path, &kl);
    int w = 0;
    for (int i = 0; i < set->n; i++) {
        const char *g = field_of(set->items[i].path, &pkl);
        int same = kl == pkl && strncmp(path, set->items[i].path, kl) == 0 && strcmp(f, g) == 0;
        if (!same)
            set->items[w++] = set->items[i];
    }
    set->n = w;
}

int bmd_param_set_vary_in(bmd_param_set *set, const bmd_scenario *scn, const char *assignment,
                          bmd_error *err)
{
    bmd_error_clear(err);
    if (!set || !assignment)
        return bmd_error_set(err, BMD_EINVAL, "--vary: set and assignment must be given");
    const char *eq = strchr(assignment, '=');
    if (!eq || eq == assignment)
        return bmd_error_set(err, BMD_EINVAL, "--vary '%s': expected PATH=DIST (e.g. "
                             "interceptor.burnout_speed_m_s=4500:5500)", assignment);
    bmd_param p;
    memset(&p, 0, sizeof p);
    size_t len = (size_t)(eq - assignment);
    if (len >= sizeof p.path)
        return bmd_error_set(err, BMD_EINVAL, "--vary '%.40s...': path too long", assignment);
    memcpy(p.path, assignment, len);
    p.path[len] = '\0';
    bmd_error inner;
    int st;
    if (bmd_param_kind(p.path) == BMD_PARAM_UNKNOWN || (st = bmd_param_check_path(p.path, &inner)))
        return bmd_error_set(err, BMD_EINVAL, "--vary '%s': %s", assignment,
                             bmd_param_kind(p.path) == BMD_PARAM_UNKNOWN
                                 ? "the path must start with missile., interceptor., radar. or "
                                   "rules."
                                 : inner.message);
    if ((st = bmd_dist_parse(eq + 1, &p.dist, &inner)))
        return bmd_error_set(err, st, "--vary '%s': %s", assignment, inner.message);
    if (strcmp(p.path + strlen(p.path) - 9 * (strlen(p.path) >= 9), "launch_on") == 0)
        for (int i = 0; i < p.dist.n_values || (p.dist.kind != BMD_DIST_DISCRETE && i < 2); i++) {
            double v = p.dist.kind == BMD_DIST_DISCRETE ? p.dist.values[i]
                                                        : (i ? p.dist.high : p.dist.low);
            if (!(v >= 0 && v < BMD_LAUNCH_ON_COUNT && v == floor(v)) ||
                (p.dist.kind != BMD_DIST_DISCRETE && p.dist.kind != BMD_DIST_FIXED))
                return bmd_error_set(err, BMD_EINVAL, "--vary '%s': launch_on takes a set of "
                                     "settings, e.g. {ir-track, burnout, radar-track}",
                                     assignment);
        }
    if (scn) {
        double v;
        if ((st = bmd_param_get(scn, p.path, &v, &inner)))
            return bmd_error_set(err, st, "--vary '%s': %s", assignment, inner.message);
        if (p.dist.kind != BMD_DIST_FIXED && v >= p.dist.low && v <= p.dist.high)
            p.dist.nominal = v;
    }
    snprintf(p.unit, sizeof p.unit, "%s", bmd_param_unit(p.path));
    snprintf(p.origin, sizeof p.origin, "--vary");
    snprintf(p.note, sizeof p.note, "given on the command line");
    if (!strchr(p.path, '[') || strchr(p.path, '[') > strchr(p.path, '.'))
        remove_same_field(set, p.path);
    return bmd_param_set_add(set, &p, err);
}

int bmd_param_set_vary(bmd_param_set *set, const char *assignment, bmd_error *err)
{
    return bmd_param_set_vary_in(set, NULL, assignment, err);
}

/* One catalogue range as a uniform parameter, unless the set has its path already. */
static int add_range(bmd_param_set *set, const bmd_scenario *scn, const char *kind,
                     const char *name, const char *field, double low, double high,
                     const char *dist_text, const char *source, const char *note, bmd_error *err)
{
    bmd_param p;
    memset(&p, 0, sizeof p);
    if (snprintf(p.path, sizeof p.path, "%s[%s].%s", kind, name, field) >= (int)sizeof p.path)
        return BMD_SUCCESS;
    if (bmd_param_set_find(set, p.path) >= 0 || bmd_param_check_path(p.path, NULL))
        return BMD_SUCCESS;
    double v;
    if (bmd_param_get(scn, p.path, &v, NULL))
        return BMD_SUCCESS; /* not a settable value of this scenario (a table, a missing stage) */
    bmd_error inner;
    if (dist_text && dist_text[0]) {
        int st = bmd_dist_parse(dist_text, &p.dist, &inner);
        if (st)
            return bmd_error_set(err, st, "catalogue %s %s, field '%s': dist: %s", kind, name,
                                 field, inner.message);
        snprintf(p.note, sizeof p.note, "%s", note);
    } else {
        if (!(low < high) || !isfinite(low) || !isfinite(high))
            return BMD_SUCCESS;
        p.dist.kind = BMD_DIST_UNIFORM;
        p.dist.low = low;
        p.dist.high = high;
        p.dist.mean = 0.5 * (low + high);
        snprintf(p.note, sizeof p.note, "uniform over the catalogue's low-high band (no "
                 "distribution given); %.150s", note);
    }
    p.dist.nominal = v >= p.dist.low && v <= p.dist.high ? v : p.dist.mean;
    snprintf(p.source, sizeof p.source, "%s", source);
    snprintf(p.unit, sizeof p.unit, "%s", bmd_param_unit(p.path));
    snprintf(p.origin, sizeof p.origin, "catalogue %s", name);
    return bmd_param_set_add(set, &p, err);
}

/* Whether name occurs among the first n of names (a catalogue entry already visited). */
static int seen(char (*names)[BMD_NAME_MAX], int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcasecmp(names[i], name) == 0)
            return 1;
    return 0;
}

static int from_missiles(const bmd_scenario *scn, bmd_param_set *set, bmd_error *err)
{
    int n = scn->n_threats + scn->n_launch_areas, k = 0, st;
    char (*names)[BMD_NAME_MAX] = calloc((size_t)(n > 0 ? n : 1), BMD_NAME_MAX);
    if (!names)
        return bmd_error_set(err, BMD_ENOMEM, "parameter set: out of memory");
    for (int i = 0; i < n; i++) {
        const bmd_catalog_missile *e = i < scn->n_threats ? scn->threats[i].entry
                                       : scn->launch_areas[i - scn->n_threats].has_missile
                                           ? scn->launch_areas[i - scn->n_threats].entry
                                           : NULL;
        if (!e || seen(names, k, e->missile.name))
            continue;
        snprintf(names[k++], BMD_NAME_MAX, "%s", e->missile.name);
        for (int j = 0; j < e->n_params; j++) {
            const bmd_param_provenance *q = &e->params[j];
            if (!q->has_range && !q->dist[0])
                continue;
            if ((st = add_range(set, scn, "missile", e->missile.name, q->field, q->low, q->high,
                                q->dist, q->source, q->note, err))) {
                free(names);
                return st;
            }
        }
    }
    free(names);
    return BMD_SUCCESS;
}

static int from_interceptors(const bmd_scenario *scn, bmd_param_set *set, bmd_error *err)
{
    for (int s = 0; s < scn->n_sites; s++) {
        const bmd_catalog_interceptor *e = &scn->sites[s].interceptor_entry;
        int dup = 0;
        for (int t = 0; t < s; t++)
            dup |= strcasecmp(scn->sites[t].interceptor_entry.interceptor.name,
                              e->interceptor.name) == 0;
        if (dup)
            continue;
        for (int j = 0; j < e->n_params; j++) {
            const bmd_interceptor_param *q = &e->params[j];
            if ((isnan(q->low) || isnan(q->high)) && !q->prov.dist[0])
                continue;
            int st = add_range(set, scn, "interceptor", e->interceptor.name, q->prov.field,
                               q->low, q->high, q->prov.dist, q->prov.source, q->prov.note, err);
            if (st)
                return st;
        }
    }
    return BMD_SUCCESS;
}

static int from_radars(const bmd_scenario *scn, bmd_param_set *set, bmd_error *err)
{
    for (int k = 0; k < scn->n_sensors + scn->n_sites; k++) {
        const bmd_scenario_radar *r = NULL;
        if (k < scn->n_sensors && scn->sensors[k].kind == BMD_SCENARIO_SENSOR_RADAR)
            r = &scn->sensors[k].radar;
        else if (k >= scn->n_sensors && scn->sites[k - scn->n_sensors].has_radar)
            r = &scn->sites[k - scn->n_sensors].radar;
        if (!r)
            continue;
        for (int j = 0; j < r->entry.n_params; j++) {
            const bmd_param_provenance *q = &r->entry.params[j];
            if (!q->has_range && !q->dist[0])
                continue;
            const char *field = strncmp(q->field, "parameters.", 11) == 0 ? q->field + 11
                                                                          : q->field;
            int st = add_range(set, scn, "radar", r->entry.name, field, q->low, q->high, q->dist,
                               q->source, q->note, err);
            if (st)
                return st;
        }
    }
    return BMD_SUCCESS;
}

int bmd_param_set_from_scenario(const bmd_scenario *scn, bmd_param_set *set, bmd_error *err)
{
    bmd_error_clear(err);
    if (!scn || !set || !scn->resolved)
        return bmd_error_set(err, BMD_EINVAL, "parameter set: a resolved scenario and a set must "
                             "be given");
    int st;
    if ((st = from_missiles(scn, set, err)) || (st = from_interceptors(scn, set, err)) ||
        (st = from_radars(scn, set, err)))
        return st;
    return bmd_param_set_from_uncertain(scn, set, err);
}

const char *bmd_param_describe(const bmd_param *p, char *buf, size_t n)
{
    if (!buf || n == 0)
        return buf;
    buf[0] = '\0';
    if (!p)
        return buf;
    char dist[160];
    int is_lo = strlen(p->path) >= 9 && strcmp(p->path + strlen(p->path) - 9, "launch_on") == 0;
    if (is_lo && p->dist.kind == BMD_DIST_DISCRETE) {
        size_t w = (size_t)snprintf(dist, sizeof dist, "{");
        for (int i = 0; i < p->dist.n_values && w < sizeof dist; i++)
            w += (size_t)snprintf(dist + w, sizeof dist - w, "%s%s", i ? ", " : "",
                                  bmd_launch_on_name((bmd_launch_on)(int)p->dist.values[i]));
        if (w < sizeof dist)
            snprintf(dist + w, sizeof dist - w, "}");
    } else {
        bmd_dist_text(&p->dist, dist, sizeof dist);
    }
    snprintf(buf, n, "%s ~ %s%s%s (nominal %.6g; %s%s%s%s)", p->path, dist, p->unit[0] ? " " : "",
             p->unit, p->dist.nominal, p->source[0] ? "source " : "notional",
             p->source[0] ? p->source : "", p->origin[0] ? "; " : "", p->origin);
    return buf;
}
