/* Parameter paths (bmd/param.h): reading and setting one value of a resolved scenario by its
 * path ("interceptor[sm-3-block-iia].burnout_speed_m_s", "rules.total_delay_s"). The paths'
 * syntax and fields: param_parse.c; deep copies of a scenario: param_copy.c. */
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "bmd/interceptor_catalog.h"
#include "bmd/param.h"
#include "bmd/radar_catalog.h"
#include "data/catalog_schema.h"
#include "data/param_internal.h"

/* Whether an entry called name (or referred to as ref) matches the path's NAME. */
static int matches(const bmd_param_path *p, const char *name, const char *ref)
{
    return !p->has_name || strcasecmp(p->name, name) == 0 || (ref && strcasecmp(p->name, ref) == 0);
}

/* The missile entries of the scenario (threats, then launch areas with a missile): entry k or
 * NULL past the end; *ref the name in the scenario. */
static bmd_catalog_missile *missile_entry(const bmd_scenario *scn, int k, const char **ref)
{
    if (k < scn->n_threats) {
        *ref = scn->threats[k].missile.name;
        return scn->threats[k].entry;
    }
    k -= scn->n_threats;
    if (k < scn->n_launch_areas) {
        *ref = scn->launch_areas[k].missile.name;
        return scn->launch_areas[k].has_missile ? scn->launch_areas[k].entry : NULL;
    }
    return NULL;
}

/* The radars of the scenario (sensors, then site radars): radar k or NULL past the end. */
static bmd_scenario_radar *radar_at(const bmd_scenario *scn, int k, int *valid)
{
    *valid = 0;
    if (k < scn->n_sensors) {
        *valid = scn->sensors[k].kind == BMD_SCENARIO_SENSOR_RADAR;
        return &scn->sensors[k].radar;
    }
    k -= scn->n_sensors;
    if (k < scn->n_sites) {
        *valid = scn->sites[k].has_radar;
        return &scn->sites[k].radar;
    }
    return NULL;
}

/* The value of a rules field in a timeline (launch_on from the scenario). */
static double rules_value(const bmd_scenario *scn, const bmd_scenario_timeline *t, const char *f)
{
    if (strcmp(f, "track_delay_s") == 0)
        return t->detect_to_track_s;
    if (strcmp(f, "decision_delay_s") == 0)
        return t->track_to_decision_s;
    if (strcmp(f, "launch_delay_s") == 0)
        return t->decision_to_launch_s;
    if (strcmp(f, "kill_assessment_s") == 0)
        return t->kill_assessment_s;
    if (strcmp(f, "total_delay_s") == 0)
        return t->detect_to_track_s + t->track_to_decision_s + t->decision_to_launch_s;
    return (double)scn->launch_on;
}

static void rules_set(bmd_scenario_timeline *t, const char *f, double v)
{
    if (strcmp(f, "track_delay_s") == 0)
        t->detect_to_track_s = v;
    else if (strcmp(f, "decision_delay_s") == 0)
        t->track_to_decision_s = v;
    else if (strcmp(f, "launch_delay_s") == 0)
        t->decision_to_launch_s = v;
    else if (strcmp(f, "kill_assessment_s") == 0)
        t->kill_assessment_s = v;
    else if (strcmp(f, "total_delay_s") == 0) {
        double sum = t->detect_to_track_s + t->track_to_decision_s + t->decision_to_launch_s;
        if (sum > 0) {
            t->detect_to_track_s *= v / sum;
            t->track_to_decision_s *= v / sum;
            t->decision_to_launch_s = v - t->detect_to_track_s - t->track_to_decision_s;
            if (t->decision_to_launch_s < 0)
                t->decision_to_launch_s = 0;
        } else {
            t->detect_to_track_s = t->track_to_decision_s = t->decision_to_launch_s = v / 3.0;
        }
    }
}

/* Names of the entries of one kind, for "not found" messages. */
static void entry_names(const bmd_scenario *scn, int part, char *buf, size_t n)
{
    size_t w = 0;
    buf[0] = '\0';
    const char *ref;
    for (int k = 0;; k++) {
        const char *name = NULL;
        if (part == BMD_PARAM_MISSILE) {
            bmd_catalog_missile *e = missile_entry(scn, k, &ref);
            if (!e && k >= scn->n_threats + scn->n_launch_areas)
                break;
            name = e ? e->missile.name : NULL;
        } else if (part == BMD_PARAM_INTERCEPTOR) {
            if (k >= scn->n_sites)
                break;
            name = scn->sites[k].interceptor_entry.interceptor.name;
        } else if (part == BMD_PARAM_RADAR) {
            int valid;
            bmd_scenario_radar *r = radar_at(scn, k, &valid);
            if (!r)
                break;
            name = valid ? r->entry.name : NULL;
        } else {
            if (k >= scn->n_sites)
                break;
            name = scn->sites[k].name;
        }
        if (name && name[0] && !strstr(buf, name) && w < n)
            w += (size_t)snprintf(buf + w, n - w, "%s%s", w ? ", " : "", name);
    }
    if (!buf[0])
        snprintf(buf, n, "none");
}

static int not_found(const bmd_scenario *scn, const char *path, const bmd_param_path *p,
                     bmd_error *err)
{
    static const char *const what[] = {"threat or launch area flies missile", "site fires "
                                       "interceptor", "sensor or site has radar", "site is called"};
    char names[400];
    entry_names(scn, p->part, names, sizeof names);
    if (!p->has_name)
        return bmd_error_set(err, BMD_ENOTFOUND, "parameter '%s': the scenario has no %s (%s)",
                             path, p->part == BMD_PARAM_MISSILE ? "threat missile"
                             : p->part == BMD_PARAM_INTERCEPTOR ? "interceptor site" : "radar",
                             names);
    return bmd_error_set(err, BMD_ENOTFOUND, "parameter '%s': no %s '%s' in the scenario (%s: %s)",
                         path, what[p->part], p->name,
                         p->part == BMD_PARAM_RULES ? "sites" : "it uses", names);
}

static int check_scenario(const bmd_scenario *scn, const char *path, bmd_error *err)
{
    if (!scn || !scn->resolved)
        return bmd_error_set(err, BMD_EINVAL, "parameter '%s': the scenario must be given and "
                             "resolved", path ? path : "(null)");
    return BMD_SUCCESS;
}

int bmd_param_get(const bmd_scenario *scn, const char *path, double *value, bmd_error *err)
{
    bmd_error_clear(err);
    bmd_param_path p;
    int st;
    if ((st = check_scenario(scn, path, err)) || (st = bmd_param_parse_path(path, &p, err)))
        return st;
    if (!value)
        return bmd_error_set(err, BMD_EINVAL, "parameter '%s': no output (value is NULL)", path);
    const char *ref;
    if (p.part == BMD_PARAM_MISSILE) {
        int stage;
        const cat_scalar *sf;
        const bmd_param_field *sig;
        bmd_param_missile_field(path, p.field, &stage, &sf, &sig, NULL);
        for (int k = 0; k < scn->n_threats + scn->n_launch_areas; k++) {
            bmd_catalog_missile *e = missile_entry(scn, k, &ref);
            if (!e || !matches(&p, e->missile.name, ref))
                continue;
            if (sig) {
                *value = *(const double *)(const void *)((const char *)&e->signature + sig->offset);
                return BMD_SUCCESS;
            }
            if (stage >= e->missile.n_stages)
                return bmd_error_set(err, BMD_EINVAL, "parameter '%s': stage %d does not exist "
                                     "(%s has stages 0 to %d)", path, stage, e->missile.name,
                                     e->missile.n_stages - 1);
            const char *base = stage >= 0 ? (const char *)&e->missile.stages[stage]
                                          : (const char *)&e->missile.payload;
            *value = *(const double *)(const void *)(base + sf->offset);
            return BMD_SUCCESS;
        }
    } else if (p.part == BMD_PARAM_INTERCEPTOR) {
        const bmd_param_field *f = bmd_param_field_of(p.part, p.field);
        for (int s = 0; s < scn->n_sites; s++) {
            const bmd_scenario_site *site = &scn->sites[s];
            if (!matches(&p, site->interceptor_entry.interceptor.name, site->interceptor.name))
                continue;
            *value = *(const double *)(const void *)((const char *)&site->interceptor_entry
                                                         .interceptor + f->offset);
            return BMD_SUCCESS;
        }
    } else if (p.part == BMD_PARAM_RADAR) {
        const bmd_param_field *f = bmd_param_field_of(p.part, p.field);
        int valid;
        bmd_scenario_radar *r;
        for (int k = 0; (r = radar_at(scn, k, &valid)); k++) {
            if (!valid || !matches(&p, r->entry.name, r->type.name))
                continue;
            *value = *(const double *)(const void *)((const char *)&r->entry.radar + f->offset) /
                     f->scale;
            return BMD_SUCCESS;
        }
    } else {
        if (!p.has_name) {
            *value = rules_value(scn, &scn->timeline, p.field);
            return BMD_SUCCESS;
        }
        int s = bmd_scenario_site_index(scn, p.name);
        if (s >= 0) {
            *value = rules_value(scn, &scn->sites[s].timeline, p.field);
            return BMD_SUCCESS;
        }
    }
    return not_found(scn, path, &p, err);
}

/* "FIELD=VALUE" with the value to 17 significant digits. */
static void assignment(char *buf, size_t n, const char *field, double v)
{
    snprintf(buf, n, "%s=%.17g", field, v);
}

static int apply_missile(bmd_scenario *scn, const char *path, const bmd_param_path *p, double v,
                         int *hits, bmd_error *err)
{
    int stage;
    const cat_scalar *sf;
    const bmd_param_field *sig;
    bmd_param_missile_field(path, p->field, &stage, &sf, &sig, NULL);
    const char *ref;
    for (int k = 0; k < scn->n_threats + scn->n_launch_areas; k++) {
        bmd_catalog_missile *e = missile_entry(scn, k, &ref);
        if (!e || !matches(p, e->missile.name, ref))
            continue;
        (*hits)++;
        if (sig) {
            if (!(v >= 1e-6 && v <= 1e4))
                return bmd_error_set(err, BMD_EINVAL, "parameter '%s': value %.10g must be in "
                                     "[1e-06, 10000] m^2", path, v);
            *(double *)(void *)((char *)&e->signature + sig->offset) = v;
            continue;
        }
        char text[160];
        bmd_error inner;
        assignment(text, sizeof text, p->field, v);
        int st = bmd_catalog_override(e, text, &inner);
        if (!st)
            st = bmd_missile_validate(&e->missile, &inner);
        if (st)
            return bmd_error_set(err, st, "parameter '%s': value %.10g: %s (missile %s)", path, v,
                                 inner.message, e->missile.name);
    }
    return BMD_SUCCESS;
}

static int apply_rules(bmd_scenario *scn, const char *path, const bmd_param_path *p, double v,
                       int *hits, bmd_error *err)
{
    if (strcmp(p->field, "launch_on") == 0) {
        if (!(v >= 0 && v < BMD_LAUNCH_ON_COUNT && v == floor(v)))
            return bmd_error_set(err, BMD_EINVAL, "parameter '%s': value %.10g must be 0 "
                                 "(ir-track), 1 (burnout) or 2 (radar-track)", path, v);
        scn->launch_on = (bmd_launch_on)(int)v;
        (*hits)++;
        return BMD_SUCCESS;
    }
    if (!(v >= 0 && v <= 1e5))
        return bmd_error_set(err, BMD_EINVAL, "parameter '%s': value %.10g s must be in [0, "
                             "100000] s", path, v);
    if (!p->has_name)
        rules_set(&scn->timeline, p->field, v);
    for (int s = 0; s < scn->n_sites; s++)
        if (!p->has_name || strcasecmp(scn->sites[s].name, p->name) == 0) {
            rules_set(&scn->sites[s].timeline, p->field, v);
            (*hits)++;
        }
    if (!p->has_name)
        (*hits)++;
    return BMD_SUCCESS;
}

int bmd_param_apply(bmd_scenario *scn, const char *path, double value, bmd_error *err)
{
    bmd_error_clear(err);
    bmd_param_path p;
    int st, hits = 0;
    if ((st = check_scenario(scn, path, err)) || (st = bmd_param_parse_path(path, &p, err)))
        return st;
    if (!isfinite(value))
        return bmd_error_set(err, BMD_EINVAL, "parameter '%s': value %g must be finite", path,
                             value);
    char text[160];
    bmd_error inner;
    if (p.part == BMD_PARAM_MISSILE) {
        st = apply_missile(scn, path, &p, value, &hits, err);
    } else if (p.part == BMD_PARAM_INTERCEPTOR) {
        assignment(text, sizeof text, p.field, value);
        for (int s = 0; s < scn->n_sites && !st; s++) {
            bmd_scenario_site *site = &scn->sites[s];
            if (!matches(&p, site->interceptor_entry.interceptor.name, site->interceptor.name))
                continue;
            hits++;
            if ((st = bmd_catalog_interceptor_override(&site->interceptor_entry, text, &inner)))
                bmd_error_set(err, st, "parameter '%s': value %.10g: %s (site %s)", path, value,
                              inner.message, site->name);
        }
    } else if (p.part == BMD_PARAM_RADAR) {
        assignment(text, sizeof text, p.field, value);
        int valid;
        bmd_scenario_radar *r;
        for (int k = 0; !st && (r = radar_at(scn, k, &valid)); k++) {
            if (!valid || !matches(&p, r->entry.name, r->type.name))
                continue;
            hits++;
            if ((st = bmd_catalog_radar_override(&r->entry, text, &inner)))
                bmd_error_set(err, st, "parameter '%s': value %.10g: %s (radar %s)", path, value,
                              inner.message, r->entry.name);
        }
    } else {
        st = apply_rules(scn, path, &p, value, &hits, err);
    }
    if (st)
        return st;
    return hits ? BMD_SUCCESS : not_found(scn, path, &p, err);
}

int bmd_param_set_apply(bmd_scenario *scn, const bmd_param_set *set, const double *values,
                        bmd_error *err)
{
    for (int i = 0; set && i < set->n; i++) {
        int st = bmd_param_apply(scn, set->items[i].path, values[i], err);
        if (st)
            return st;
    }
    return BMD_SUCCESS;
}
