/* Parameter paths (bmd/param.h): reading and setting one value of a resolved scenario by its
 * path ("interceptor[sm-3-block-iia].burnout_speed_m_s", "rules.total_delay_s"), and deep copies
 * of a scenario to apply sampled values to. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bmd/interceptor_catalog.h"
#include "bmd/param.h"
#include "bmd/radar_catalog.h"
#include "bmd/units.h"
#include "data/catalog_schema.h"
#include "data/param_internal.h"

/* A path split into its part, optional [NAME] and field. */
typedef struct ppath {
    int part;
    int has_name;
    char name[BMD_NAME_MAX];
    char field[96];
} ppath;

static const char *const part_names[] = {"missile", "interceptor", "radar", "rules"};

/* A named double of a struct: its field name, offset, and the factor from file units to the
 * stored value (radar angles are degrees in the file, radians in bmd_radar). */
typedef struct named_field {
    const char *name;
    size_t offset;
    double scale;
} named_field;

#define IF(f) {#f, offsetof(bmd_interceptor, f), 1.0}
static const named_field interceptor_fields[] = {
    IF(burnout_speed_m_s), IF(burn_time_s), IF(min_altitude_m), IF(max_altitude_m),
    IF(max_flyout_time_s), IF(min_closing_speed_m_s), IF(min_elevation_rad), IF(max_elevation_rad),
};
#undef IF
#define RF(name, member, scale) {name, offsetof(bmd_radar, member), scale}
static const named_field radar_fields[] = {
    RF("boresight_azimuth_deg", boresight_azimuth_rad, BMD_RAD_PER_DEG),
    RF("boresight_elevation_deg", boresight_elevation_rad, BMD_RAD_PER_DEG),
    RF("azimuth_half_width_deg", azimuth_half_width_rad, BMD_RAD_PER_DEG),
    RF("fov_elevation_min_deg", fov_elevation_min_rad, BMD_RAD_PER_DEG),
    RF("fov_elevation_max_deg", fov_elevation_max_rad, BMD_RAD_PER_DEG),
    RF("min_elevation_deg", min_elevation_rad, BMD_RAD_PER_DEG),
    RF("max_range_m", max_range_m, 1.0),
    RF("detection_range_m", ref_detection_range_m, 1.0),
    RF("reference_rcs_m2", ref_rcs_m2, 1.0),
    RF("rcs_booster_m2", rcs_m2[BMD_OBJECT_BOOSTER], 1.0),
    RF("rcs_rv_m2", rcs_m2[BMD_OBJECT_RV], 1.0),
    RF("rcs_decoy_m2", rcs_m2[BMD_OBJECT_DECOY], 1.0),
};
#undef RF
#define SF(f) {"signature." #f, offsetof(bmd_catalog_signature, f), 1.0}
static const named_field signature_fields[] = {
    SF(warhead_rcs_m2), SF(booster_rcs_m2), SF(pbv_rcs_m2),
};
#undef SF
static const char *const rules_fields[] = {"track_delay_s", "decision_delay_s", "launch_delay_s",
                                           "kill_assessment_s", "total_delay_s", "launch_on"};
#define COUNT(a) ((int)(sizeof a / sizeof *a))

static const named_field *find_named(const named_field *f, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(f[i].name, name) == 0)
            return &f[i];
    return NULL;
}

/* "a, b, c" of a field table into buf. */
static const char *list_names(const named_field *f, int n, char *buf, size_t size)
{
    size_t w = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && w < size; i++)
        w += (size_t)snprintf(buf + w, size - w, "%s%s", i ? ", " : "", f[i].name);
    return buf;
}

/* Check a missile field: signature.X, payload.X or stages[K].X. *stage = K or -1; *sf the
 * stage/payload schema entry or NULL; *sig the signature entry or NULL. */
static int missile_field(const char *path, const char *field, int *stage, const cat_scalar **sf,
                         const named_field **sig, bmd_error *err)
{
    int n;
    const cat_scalar *fields;
    const char *name;
    *stage = -1;
    *sf = NULL;
    *sig = NULL;
    if (strncmp(field, "signature.", 10) == 0) {
        if (!(*sig = find_named(signature_fields, COUNT(signature_fields), field)))
            return bmd_error_set(err, BMD_EINVAL, "parameter '%s': missile field '%s' is not "
                                 "known (signature.warhead_rcs_m2, signature.booster_rcs_m2, "
                                 "signature.pbv_rcs_m2)", path, field);
        return BMD_SUCCESS;
    }
    if (strncmp(field, "payload.", 8) == 0) {
        fields = bmd_cat_payload_fields(&n);
        name = field + 8;
    } else if (strncmp(field, "stages[", 7) == 0) {
        char *end;
        long k = strtol(field + 7, &end, 10);
        if (end == field + 7 || strncmp(end, "].", 2) != 0 || k < 0 || k >= BMD_MAX_STAGES)
            return bmd_error_set(err, BMD_EINVAL, "parameter '%s': missile field '%s' is not of "
                                 "the form stages[N].NAME with N from 0 to %d", path, field,
                                 BMD_MAX_STAGES - 1);
        *stage = (int)k;
        fields = bmd_cat_stage_fields(&n);
        name = end + 2;
    } else {
        return bmd_error_set(err, BMD_EINVAL, "parameter '%s': missile field '%s' is not known "
                             "(use stages[N].NAME, payload.NAME or signature.NAME, e.g. "
                             "stages[0].burn_time_s)", path, field);
    }
    for (int i = 0; i < n; i++)
        if (strcmp(fields[i].name, name) == 0) {
            *sf = &fields[i];
            return BMD_SUCCESS;
        }
    int d, best = bmd_cat_closest_name(name, &fields[0].name, sizeof fields[0], n, &d);
    return bmd_error_set(err, BMD_EINVAL, "parameter '%s': missile field '%s' is not known%s%s%s",
                         path, field, d <= 3 ? " (did you mean '" : "",
                         d <= 3 ? fields[best].name : "", d <= 3 ? "'?)" : "");
}

/* Split and check a path (its field against the kind's fields). */
static int parse_path(const char *path, ppath *p, bmd_error *err)
{
    memset(p, 0, sizeof *p);
    p->part = -1;
    if (!path || !path[0])
        return bmd_error_set(err, BMD_EINVAL, "parameter path is empty (expected e.g. "
                             "interceptor.burnout_speed_m_s)");
    if (strlen(path) >= BMD_PARAM_PATH_MAX)
        return bmd_error_set(err, BMD_EINVAL, "parameter path '%.40s...' is too long (at most %d "
                             "characters)", path, BMD_PARAM_PATH_MAX - 1);
    const char *rest = NULL;
    for (int k = 0; k < COUNT(part_names); k++) {
        size_t l = strlen(part_names[k]);
        if (strncmp(path, part_names[k], l) == 0 && (path[l] == '.' || path[l] == '[')) {
            p->part = k;
            rest = path + l;
        }
    }
    if (p->part < 0)
        return bmd_error_set(err, BMD_EINVAL, "parameter '%s': must start with missile., "
                             "interceptor., radar. or rules. (optionally with [NAME], e.g. "
                             "interceptor[sm-3-block-iia].burnout_speed_m_s)", path);
    if (*rest == '[') {
        const char *close = strchr(rest, ']');
        size_t len = close ? (size_t)(close - rest - 1) : 0;
        if (!close || len == 0 || len >= sizeof p->name || close[1] != '.')
            return bmd_error_set(err, BMD_EINVAL, "parameter '%s': expected %s[NAME].FIELD",
                                 path, part_names[p->part]);
        memcpy(p->name, rest + 1, len);
        p->name[len] = '\0';
        p->has_name = 1;
        rest = close + 1;
    }
    rest++; /* the '.' */
    if (!rest[0] || strlen(rest) >= sizeof p->field)
        return bmd_error_set(err, BMD_EINVAL, "parameter '%s': no field after '%s'", path,
                             part_names[p->part]);
    snprintf(p->field, sizeof p->field, "%s", rest);
    if (p->part == BMD_PARAM_RADAR && strncmp(p->field, "parameters.", 11) == 0)
        memmove(p->field, p->field + 11, strlen(p->field + 11) + 1);
    char names[512];
    switch (p->part) {
    case BMD_PARAM_MISSILE: {
        int stage;
        const cat_scalar *sf;
        const named_field *sig;
        return missile_field(path, p->field, &stage, &sf, &sig, err);
    }
    case BMD_PARAM_INTERCEPTOR:
        if (!find_named(interceptor_fields, COUNT(interceptor_fields), p->field))
            return bmd_error_set(err, BMD_EINVAL, "parameter '%s': interceptor field '%s' is not "
                                 "known (fields: %s)", path, p->field,
                                 list_names(interceptor_fields, COUNT(interceptor_fields), names,
                                            sizeof names));
        return BMD_SUCCESS;
    case BMD_PARAM_RADAR:
        if (!find_named(radar_fields, COUNT(radar_fields), p->field))
            return bmd_error_set(err, BMD_EINVAL, "parameter '%s': radar field '%s' is not known "
                                 "(fields: %s)", path, p->field,
                                 list_names(radar_fields, COUNT(radar_fields), names, sizeof names));
        return BMD_SUCCESS;
    default:
        for (int i = 0; i < COUNT(rules_fields); i++)
            if (strcmp(rules_fields[i], p->field) == 0) {
                if (p->has_name && strcmp(p->field, "launch_on") == 0)
                    return bmd_error_set(err, BMD_EINVAL, "parameter '%s': the launch-on rule is "
                                         "the scenario's, not a site's (use rules.launch_on)",
                                         path);
                return BMD_SUCCESS;
            }
        return bmd_error_set(err, BMD_EINVAL, "parameter '%s': rules field '%s' is not known "
                             "(track_delay_s, decision_delay_s, launch_delay_s, kill_assessment_s, "
                             "total_delay_s, launch_on)", path, p->field);
    }
}

int bmd_param_kind(const char *path)
{
    ppath p;
    if (parse_path(path, &p, NULL) && p.part < 0)
        return BMD_PARAM_UNKNOWN;
    return p.part;
}

const char *bmd_param_unit(const char *path)
{
    static const struct { const char *suffix, *unit; } units[] = {
        {"launch_on", ""}, {"_kg_m2", "kg/m^2"}, {"_m_s", "m/s"}, {"_m2", "m^2"},
        {"_kg", "kg"}, {"_deg", "deg"}, {"_rad", "rad"}, {"_n", "N"}, {"_s", "s"}, {"_m", "m"},
    };
    size_t n = path ? strlen(path) : 0;
    for (int i = 0; i < COUNT(units); i++) {
        size_t l = strlen(units[i].suffix);
        if (n >= l && strcmp(path + n - l, units[i].suffix) == 0)
            return units[i].unit;
    }
    return "";
}

/* Whether an entry called name (or referred to as ref) matches the path's NAME. */
static int matches(const ppath *p, const char *name, const char *ref)
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

static int not_found(const bmd_scenario *scn, const char *path, const ppath *p, bmd_error *err)
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
    ppath p;
    int st;
    if ((st = check_scenario(scn, path, err)) || (st = parse_path(path, &p, err)))
        return st;
    if (!value)
        return bmd_error_set(err, BMD_EINVAL, "parameter '%s': no output (value is NULL)", path);
    const char *ref;
    if (p.part == BMD_PARAM_MISSILE) {
        int stage;
        const cat_scalar *sf;
        const named_field *sig;
        missile_field(path, p.field, &stage, &sf, &sig, NULL);
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
        const named_field *f = find_named(interceptor_fields, COUNT(interceptor_fields), p.field);
        for (int s = 0; s < scn->n_sites; s++) {
            const bmd_scenario_site *site = &scn->sites[s];
            if (!matches(&p, site->interceptor_entry.interceptor.name, site->interceptor.name))
                continue;
            *value = *(const double *)(const void *)((const char *)&site->interceptor_entry
                                                         .interceptor + f->offset);
            return BMD_SUCCESS;
        }
    } else if (p.part == BMD_PARAM_RADAR) {
        const named_field *f = find_named(radar_fields, COUNT(radar_fields), p.field);
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

static int apply_missile(bmd_scenario *scn, const char *path, const ppath *p, double v,
                         int *hits, bmd_error *err)
{
    int stage;
    const cat_scalar *sf;
    const named_field *sig;
    missile_field(path, p->field, &stage, &sf, &sig, NULL);
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

static int apply_rules(bmd_scenario *scn, const char *path, const ppath *p, double v, int *hits,
                       bmd_error *err)
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
    ppath p;
    int st, hits = 0;
    if ((st = check_scenario(scn, path, err)) || (st = parse_path(path, &p, err)))
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

/* A copy of n items of size bytes (NULL for none); *fail set on allocation failure. */
static void *dup_array(const void *src, int n, size_t size, int *fail)
{
    if (!src || n <= 0)
        return NULL;
    void *p = malloc((size_t)n * size);
    if (!p) {
        *fail = 1;
        return NULL;
    }
    memcpy(p, src, (size_t)n * size);
    return p;
}

static void copy_areas(bmd_scenario_area **dst, const bmd_scenario_area *src, int n, int *fail)
{
    *dst = dup_array(src, n, sizeof *src, fail);
    for (int i = 0; *dst && i < n; i++) {
        (*dst)[i].points = dup_array(src[i].points, src[i].n_points, sizeof *src[i].points, fail);
        (*dst)[i].entry = dup_array(src[i].entry, src[i].entry ? 1 : 0, sizeof *src[i].entry, fail);
    }
}

int bmd_param_scenario_copy(const bmd_scenario *scn, bmd_scenario *out, bmd_error *err)
{
    if (!scn || !out)
        return bmd_error_set(err, BMD_EINVAL, "scenario copy: source and destination must be "
                             "given");
    int fail = 0;
    *out = *scn;
    out->sensors = dup_array(scn->sensors, scn->n_sensors, sizeof *scn->sensors, &fail);
    out->sites = dup_array(scn->sites, scn->n_sites, sizeof *scn->sites, &fail);
    out->threats = dup_array(scn->threats, scn->n_threats, sizeof *scn->threats, &fail);
    for (int i = 0; out->threats && i < scn->n_threats; i++)
        out->threats[i].entry = dup_array(scn->threats[i].entry, scn->threats[i].entry ? 1 : 0,
                                          sizeof *scn->threats[i].entry, &fail);
    copy_areas(&out->launch_areas, scn->launch_areas, scn->n_launch_areas, &fail);
    copy_areas(&out->targets, scn->targets, scn->n_targets, &fail);
    copy_areas(&out->grids, scn->grids, scn->n_grids, &fail);
    if (fail || (scn->n_sensors > 0 && !out->sensors) || (scn->n_sites > 0 && !out->sites) ||
        (scn->n_threats > 0 && !out->threats)) {
        if (!out->threats)
            out->n_threats = 0;
        if (!out->launch_areas)
            out->n_launch_areas = 0;
        if (!out->targets)
            out->n_targets = 0;
        if (!out->grids)
            out->n_grids = 0;
        bmd_scenario_free(out);
        return bmd_error_set(err, BMD_ENOMEM, "scenario copy: out of memory");
    }
    return BMD_SUCCESS;
}

int bmd_param_check_path(const char *path, bmd_error *err)
{
    ppath p;
    return parse_path(path, &p, err);
}
