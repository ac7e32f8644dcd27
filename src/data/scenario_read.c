/* Readers of the value kinds of a scenario file (see scenario_internal.h). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "data/catalog_schema.h"
#include "data/scenario_internal.h"

int bmd_scn_count(const yaml_node_t *seq)
{
    return (int)(seq->data.sequence.items.top - seq->data.sequence.items.start);
}

yaml_node_t *bmd_scn_item(const scn_ctx *c, const yaml_node_t *seq, int i)
{
    return bmd_yw_node(&c->yw, seq->data.sequence.items.start[i]);
}

void bmd_scn_copy(char *dst, size_t n, const char *src)
{
    size_t len = strlen(src);
    if (len >= n)
        len = n - 1;
    memcpy(dst, src, len);
    dst[len] = '\0';
}

bmd_scenario_pos bmd_scn_pos(const yaml_node_t *node)
{
    bmd_scenario_pos p = {0, 0};
    if (node) {
        p.line = (int)node->start_mark.line + 1;
        p.column = (int)node->start_mark.column + 1;
    }
    return p;
}

int bmd_scn_name(const scn_ctx *c, const yaml_node_t *node, const char *field, char *buf)
{
    int st = bmd_yw_string(&c->yw, node, field, buf, BMD_NAME_MAX);
    if (st)
        return st;
    if (!buf[0])
        return bmd_yw_fail(&c->yw, node, BMD_EINVAL, "field '%s' is empty (give a name)", field);
    for (const char *s = buf; *s; s++)
        if (!isalnum((unsigned char)*s) && !strchr("-_.", *s))
            return bmd_yw_fail(&c->yw, node, BMD_EINVAL, "field '%s': name '%s' may only hold "
                           "letters, digits, '-', '_' and '.'", field, buf);
    return BMD_SUCCESS;
}

yaml_node_t *bmd_scn_required(const scn_ctx *c, const yaml_node_t *map, const char *prefix,
                          const char *key, int *status)
{
    yaml_node_t *v = bmd_yw_get(&c->yw, map, key);
    if (!v)
        *status = bmd_yw_fail(&c->yw, map, BMD_EINVAL, "field '%s%s%s' is missing (required)",
                          prefix, *prefix ? "." : "", key);
    return v;
}

int bmd_scn_nonnegative(const scn_ctx *c, const yaml_node_t *node, const char *field, int open,
                    double *out)
{
    int st = bmd_yw_number(&c->yw, node, field, out);
    if (st)
        return st;
    if (open ? !(*out > 0) : !(*out >= 0))
        return bmd_yw_fail(&c->yw, node, BMD_EINVAL, "field '%s': value '%s' must be %s", field,
                       bmd_yw_text(node), open ? "positive" : "zero or positive");
    return BMD_SUCCESS;
}

int bmd_scn_in_range(const scn_ctx *c, const yaml_node_t *node, const char *field, double lo,
                 double hi, const char *what, const char *unit, double *out)
{
    int st = bmd_yw_number(&c->yw, node, field, out);
    if (st)
        return st;
    if (!(*out >= lo && *out <= hi))
        return bmd_yw_fail(&c->yw, node, BMD_EINVAL, "field '%s': value '%s' must be %s in [%g, %g] "
                       "%s", field, bmd_yw_text(node), what, lo, hi, unit);
    return BMD_SUCCESS;
}

int bmd_scn_integer(const scn_ctx *c, const yaml_node_t *node, const char *field, int min, int *out)
{
    double v;
    const char *text = bmd_yw_text(node);
    const char *what = min > 0 ? "a positive integer" : "a non-negative integer";
    if (!text)
        return bmd_yw_fail(&c->yw, node, BMD_EINVAL, "field '%s' must be %s, not %s", field, what,
                       bmd_yw_kind_name(node));
    if (node->data.scalar.style != YAML_PLAIN_SCALAR_STYLE || bmd_yw_parse_number(text, &v) != 0 ||
        v != floor(v) || v < min || v > 1e9)
        return bmd_yw_fail(&c->yw, node, BMD_EINVAL, "field '%s': value '%s' must be %s", field, text,
                       what);
    *out = (int)v;
    return BMD_SUCCESS;
}

int bmd_scn_latlon(const scn_ctx *c, const yaml_node_t *node, const char *field,
               bmd_scenario_point *p)
{
    if (!node || node->type != YAML_SEQUENCE_NODE || bmd_scn_count(node) < 2 || bmd_scn_count(node) > 3)
        return bmd_yw_fail(&c->yw, node, BMD_EINVAL, "field '%s' must be [LAT, LON] or [LAT, LON, "
                       "HEIGHT_M] (degrees, metres), not %s", field,
                       node && node->type == YAML_SEQUENCE_NODE ? "a list of that length"
                                                                 : bmd_yw_kind_name(node));
    char sub[BMD_SCENARIO_PATH_MAX + 8];
    double lat, lon, h = 0;
    int st;
    snprintf(sub, sizeof sub, "%s[0]", field);
    if ((st = bmd_scn_in_range(c, bmd_scn_item(c, node, 0), sub, -90, 90, "a latitude", "degrees", &lat)))
        return st;
    snprintf(sub, sizeof sub, "%s[1]", field);
    if ((st = bmd_scn_in_range(c, bmd_scn_item(c, node, 1), sub, -180, 180, "a longitude", "degrees",
                           &lon)))
        return st;
    snprintf(sub, sizeof sub, "%s[2]", field);
    if (bmd_scn_count(node) == 3 &&
        (st = bmd_scn_in_range(c, bmd_scn_item(c, node, 2), sub, -500, 1e4, "a height", "m", &h)))
        return st;
    p->lat_rad = bmd_deg_to_rad(lat);
    p->lon_rad = bmd_deg_to_rad(lon);
    p->height_m = h;
    return BMD_SUCCESS;
}

int bmd_scn_choice(const scn_ctx *c, const yaml_node_t *node, const char *field,
               const char *const *names, int n, int *out)
{
    const char *text = bmd_yw_text(node);
    if (!text)
        return bmd_yw_fail(&c->yw, node, BMD_EINVAL, "field '%s' must be text, not %s", field,
                       bmd_yw_kind_name(node));
    int best = 0, best_d = 1 << 20;
    for (int i = 0; i < n; i++) {
        if (strcmp(text, names[i]) == 0) {
            *out = i;
            return BMD_SUCCESS;
        }
        int d = bmd_yw_edit_distance(text, names[i]);
        if (d < best_d) {
            best_d = d;
            best = i;
        }
    }
    char list[160] = "";
    for (int i = 0; i < n; i++) {
        size_t used = strlen(list);
        snprintf(list + used, sizeof list - used, "%s%s", i ? ", " : "", names[i]);
    }
    if (best_d <= 3)
        return bmd_yw_fail(&c->yw, node, BMD_EINVAL, "field '%s': value '%s' is not known (did you "
                       "mean '%s'? allowed: %s)", field, text, names[best], list);
    return bmd_yw_fail(&c->yw, node, BMD_EINVAL, "field '%s': value '%s' is not known (allowed: %s)",
                   field, text, list);
}

int bmd_scn_provenance(const scn_ctx *c, const yaml_node_t *map, const char *field,
                   bmd_param_provenance *p)
{
    memset(p, 0, sizeof *p);
    snprintf(p->field, sizeof p->field, "%s", field);
    p->value = NAN;
    p->line = bmd_yw_line(map);
    return bmd_cat_read_provenance(&c->yw, map, field, c->scn->sources, c->scn->n_sources, p);
}

int bmd_scn_ref(const scn_ctx *c, const yaml_node_t *name_node, const yaml_node_t *set_node,
            const char *field, bmd_scenario_ref *ref)
{
    memset(ref, 0, sizeof *ref);
    snprintf(ref->field, sizeof ref->field, "%s", field);
    ref->at = bmd_scn_pos(name_node);
    int st = bmd_yw_string(&c->yw, name_node, field, ref->name, sizeof ref->name);
    if (st)
        return st;
    if (!ref->name[0])
        return bmd_yw_fail(&c->yw, name_node, BMD_EINVAL, "field '%s' is empty (give a catalogue "
                       "name)", field);
    if (!set_node)
        return BMD_SUCCESS;
    char prefix[BMD_SCENARIO_PATH_MAX + 8];
    const char *dot = strrchr(field, '.');
    snprintf(prefix, sizeof prefix, "%.*s.set", dot ? (int)(dot - field) : (int)strlen(field),
             field);
    if ((st = bmd_yw_expect_mapping(&c->yw, set_node, prefix)))
        return st;
    for (yaml_node_pair_t *p = set_node->data.mapping.pairs.start;
         p < set_node->data.mapping.pairs.top; p++) {
        yaml_node_t *k = bmd_yw_node(&c->yw, p->key), *v = bmd_yw_node(&c->yw, p->value);
        const char *key = bmd_yw_text(k);
        if (!key)
            return bmd_yw_fail(&c->yw, k, BMD_EINVAL, "a key under '%s' must be a field name, not %s",
                           prefix, bmd_yw_kind_name(k));
        if (ref->n_set >= BMD_SCENARIO_MAX_SET)
            return bmd_yw_fail(&c->yw, k, BMD_EINVAL, "field '%s': more than %d overrides", prefix,
                           BMD_SCENARIO_MAX_SET);
        bmd_scenario_set *s = &ref->set[ref->n_set];
        char sub[BMD_SCENARIO_PATH_MAX + 96];
        snprintf(sub, sizeof sub, "%s.%s", prefix, key);
        if (strlen(key) >= sizeof s->field)
            return bmd_yw_fail(&c->yw, k, BMD_EINVAL, "field '%s': the name is too long", sub);
        for (int i = 0; i < ref->n_set; i++)
            if (strcmp(ref->set[i].field, key) == 0)
                return bmd_yw_fail(&c->yw, k, BMD_EINVAL, "field '%s' is given twice", sub);
        if ((st = bmd_yw_number(&c->yw, v, sub, &s->value)))
            return st;
        snprintf(s->field, sizeof s->field, "%s", key);
        snprintf(s->text, sizeof s->text, "%s", bmd_yw_text(v));
        s->at = bmd_scn_pos(k);
        ref->n_set++;
    }
    return BMD_SUCCESS;
}

int bmd_scn_timeline(const scn_ctx *c, const yaml_node_t *node, const char *prefix, int all,
                 bmd_scenario_timeline *t)
{
    static const char *const keys[] = {"detect_to_track_s", "track_to_decision_s",
                                       "decision_to_launch_s", "kill_assessment_s", "source",
                                       "notional", "note"};
    int st;
    if ((st = bmd_yw_expect_mapping(&c->yw, node, prefix)) ||
        (st = bmd_yw_check_keys(&c->yw, node, prefix, keys, 7)))
        return st;
    double *dst[] = {&t->detect_to_track_s, &t->track_to_decision_s, &t->decision_to_launch_s,
                     &t->kill_assessment_s};
    for (int i = 0; i < 4; i++) {
        const yaml_node_t *v = bmd_yw_get(&c->yw, node, keys[i]);
        char sub[BMD_SCENARIO_PATH_MAX + 32];
        snprintf(sub, sizeof sub, "%s.%s", prefix, keys[i]);
        if (!v && all)
            return bmd_yw_fail(&c->yw, node, BMD_EINVAL, "field '%s' is missing (required: the "
                           "scenario states every delay of its timeline)", sub);
        if (v && (st = bmd_scn_nonnegative(c, v, sub, 0, dst[i])))
            return st;
    }
    if (bmd_yw_get(&c->yw, node, "source") || bmd_yw_get(&c->yw, node, "notional")) {
        bmd_param_provenance p;
        return bmd_scn_provenance(c, node, prefix, &p);
    }
    return BMD_SUCCESS;
}

double bmd_scn_box_cells(const bmd_scenario_box *b)
{
    double dlat = b->step_rad, dlon = b->step_rad;
    if (b->step_m > 0) {
        const double c = cos(0.5 * (b->south_rad + b->north_rad));
        dlat = b->step_m / BMD_EARTH_MEAN_RADIUS_M;
        dlon = c > 1e-6 ? fmin(dlat / c, 2.0 * M_PI) : 2.0 * M_PI;
    }
    const double rows = floor((b->north_rad - b->south_rad) / dlat + 1e-9) + 1.0;
    const double cols = floor((b->east_rad - b->west_rad) / dlon + 1e-9) + 1.0;
    return rows * cols;
}

int bmd_scn_box_limit(const scn_ctx *c, const yaml_node_t *node, const char *field,
                  const bmd_scenario_box *b)
{
    const double n = bmd_scn_box_cells(b);
    if (!(n <= BMD_SCENARIO_MAX_BOX_CELLS))
        return bmd_yw_fail(&c->yw, node, BMD_EINVAL, "field '%s': step %s gives %.3g cells (rows x "
                       "columns); at most %.0f allowed (coarsen the step)", field, bmd_yw_text(node), n,
                       (double)BMD_SCENARIO_MAX_BOX_CELLS);
    return BMD_SUCCESS;
}
