/* The `uncertain:` block of a scenario (docs/scenarios.md, "Uncertain parameters"): reading it
 * at load, and turning it into parameters (bmd/param.h) once the scenario is resolved.
 *
 *   uncertain:
 *     rules.total_delay_s: {dist: "30:120", notional: true, note: "..."}
 *     rules.launch_on: {dist: [ir-track, burnout, radar-track], source: KEY}
 *     interceptor[sm-3-block-iia].burnout_speed_m_s: {dist: "normal(4500, 400, 4000, 5500)", ...}
 */
#include <stdio.h>
#include <string.h>

#include "data/param_internal.h"
#include "data/scenario_internal.h"

/* The dist of an entry: a string, or a sequence of scalars written as the set "{a, b, c}". */
static int read_dist(const scn_ctx *c, const yaml_node_t *v, const char *field, char *buf,
                     size_t n)
{
    if (v->type != YAML_SEQUENCE_NODE)
        return bmd_yw_string(&c->yw, v, field, buf, n);
    size_t w = (size_t)snprintf(buf, n, "{");
    int count = bmd_scn_count(v);
    for (int i = 0; i < count; i++) {
        const yaml_node_t *item = bmd_scn_item(c, v, i);
        const char *text = bmd_yw_text(item);
        if (!text)
            return bmd_yw_fail(&c->yw, item, BMD_EINVAL, "field '%s': item %d must be a number or "
                               "a launch-on setting, not %s", field, i + 1,
                               bmd_yw_kind_name(item));
        if (w < n)
            w += (size_t)snprintf(buf + w, n - w, "%s%s", i ? ", " : "", text);
    }
    if (w < n)
        w += (size_t)snprintf(buf + w, n - w, "}");
    if (w >= n)
        return bmd_yw_fail(&c->yw, v, BMD_EINVAL, "field '%s': the set is too long", field);
    return BMD_SUCCESS;
}

int bmd_scn_read_uncertain(const scn_ctx *c, const yaml_node_t *map)
{
    bmd_scenario *scn = c->scn;
    int st;
    if ((st = bmd_yw_expect_mapping(&c->yw, map, "uncertain")))
        return st;
    for (yaml_node_pair_t *p = map->data.mapping.pairs.start; p < map->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = bmd_yw_node(&c->yw, p->key), *v = bmd_yw_node(&c->yw, p->value);
        const char *key = bmd_yw_text(k);
        if (!key)
            return bmd_yw_fail(&c->yw, k, BMD_EINVAL, "a key under 'uncertain' must be a "
                               "parameter path, not %s", bmd_yw_kind_name(k));
        char field[200];
        snprintf(field, sizeof field, "uncertain.%.150s", key);
        if (scn->n_uncertain >= BMD_SCENARIO_MAX_UNCERTAIN)
            return bmd_yw_fail(&c->yw, k, BMD_EINVAL, "field 'uncertain': more than %d parameters",
                               BMD_SCENARIO_MAX_UNCERTAIN);
        bmd_scenario_uncertain *u = &scn->uncertain[scn->n_uncertain];
        memset(u, 0, sizeof *u);
        bmd_error inner;
        if (strlen(key) >= sizeof u->path)
            return bmd_yw_fail(&c->yw, k, BMD_EINVAL, "field '%s': the path is too long", field);
        if ((st = bmd_param_check_path(key, &inner)))
            return bmd_yw_fail(&c->yw, k, st, "field '%s': %s", field, inner.message);
        for (int i = 0; i < scn->n_uncertain; i++)
            if (strcmp(scn->uncertain[i].path, key) == 0)
                return bmd_yw_fail(&c->yw, k, BMD_EINVAL, "field '%s' is given twice", field);
        static const char *const keys[] = {"dist", "source", "notional", "note"};
        if ((st = bmd_yw_expect_mapping(&c->yw, v, field)) ||
            (st = bmd_yw_check_keys(&c->yw, v, field, keys, 4)))
            return st;
        const yaml_node_t *d = bmd_scn_required(c, v, field, "dist", &st);
        char sub[220];
        snprintf(sub, sizeof sub, "%s.dist", field);
        if (!d || (st = read_dist(c, d, sub, u->dist, sizeof u->dist)))
            return st;
        bmd_dist dist;
        if ((st = bmd_dist_parse(u->dist, &dist, &inner)))
            return bmd_yw_fail(&c->yw, d, st, "field '%s': %s", sub, inner.message);
        if ((st = bmd_scn_provenance(c, v, field, &u->prov)))
            return st;
        snprintf(u->path, sizeof u->path, "%s", key);
        u->at = bmd_scn_pos(k);
        scn->n_uncertain++;
    }
    return BMD_SUCCESS;
}

int bmd_param_set_from_uncertain(const bmd_scenario *scn, bmd_param_set *set, bmd_error *err)
{
    for (int i = 0; i < scn->n_uncertain; i++) {
        const bmd_scenario_uncertain *u = &scn->uncertain[i];
        bmd_param p;
        memset(&p, 0, sizeof p);
        snprintf(p.path, sizeof p.path, "%s", u->path);
        bmd_error inner;
        double v;
        int st = bmd_dist_parse(u->dist, &p.dist, &inner);
        if (!st)
            st = bmd_param_get(scn, p.path, &v, &inner);
        if (st)
            return bmd_error_set(err, st, "%s:%d:%d: field 'uncertain.%s': %s", scn->path,
                                 u->at.line, u->at.column, u->path, inner.message);
        if (p.dist.kind != BMD_DIST_FIXED && v >= p.dist.low && v <= p.dist.high)
            p.dist.nominal = v;
        snprintf(p.source, sizeof p.source, "%s", u->prov.source);
        snprintf(p.note, sizeof p.note, "%s", u->prov.note);
        snprintf(p.unit, sizeof p.unit, "%s", bmd_param_unit(p.path));
        snprintf(p.origin, sizeof p.origin, "scenario uncertain:");
        /* A path without [NAME] replaces the catalogue ranges of the same field. */
        const char *br = strchr(p.path, '['), *dot = strchr(p.path, '.');
        if (!br || br > dot) {
            for (int k = set->n - 1; k >= 0; k--) {
                const char *q = set->items[k].path, *qb = strchr(q, '['), *qd = strchr(q, '.');
                size_t kl = (size_t)(dot - p.path);
                if (qb && qb < qd && strncmp(q, p.path, kl) == 0 && (size_t)(qb - q) == kl) {
                    const char *qf = strchr(qb, ']');
                    if (qf && strcmp(qf + 2, dot + 1) == 0) {
                        memmove(&set->items[k], &set->items[k + 1],
                                (size_t)(set->n - k - 1) * sizeof *set->items);
                        set->n--;
                    }
                }
            }
        }
        if ((st = bmd_param_set_add(set, &p, err)))
            return st;
    }
    return BMD_SUCCESS;
}
