/* Parameter paths (bmd/param.h), their syntax: splitting a path
 * ("interceptor[sm-3-block-iia].burnout_speed_m_s", "rules.total_delay_s") into its part, NAME and
 * field and checking the field against the kind's fields; a path's kind and unit. Reading and
 * setting values by path: param_path.c; deep copies of a scenario: param_copy.c. */
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

static const char *const part_names[] = {"missile", "interceptor", "radar", "rules"};

#define IF(f) {#f, offsetof(bmd_interceptor, f), 1.0}
static const bmd_param_field interceptor_fields[] = {
    IF(burnout_speed_m_s), IF(burn_time_s), IF(min_altitude_m), IF(max_altitude_m),
    IF(max_flyout_time_s), IF(min_closing_speed_m_s), IF(min_elevation_rad), IF(max_elevation_rad),
};
#undef IF
#define RF(name, member, scale) {name, offsetof(bmd_radar, member), scale}
static const bmd_param_field radar_fields[] = {
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
static const bmd_param_field signature_fields[] = {
    SF(warhead_rcs_m2), SF(booster_rcs_m2), SF(pbv_rcs_m2),
};
#undef SF
static const char *const rules_fields[] = {"track_delay_s", "decision_delay_s", "launch_delay_s",
                                           "kill_assessment_s", "total_delay_s", "launch_on"};
#define COUNT(a) ((int)(sizeof a / sizeof *a))

static const bmd_param_field *find_named(const bmd_param_field *f, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(f[i].name, name) == 0)
            return &f[i];
    return NULL;
}

/* "a, b, c" of a field table into buf. */
static const char *list_names(const bmd_param_field *f, int n, char *buf, size_t size)
{
    size_t w = 0;
    buf[0] = '\0';
    for (int i = 0; i < n && w < size; i++)
        w += (size_t)snprintf(buf + w, size - w, "%s%s", i ? ", " : "", f[i].name);
    return buf;
}

int bmd_param_missile_field(const char *path, const char *field, int *stage,
                            const cat_scalar **sf, const bmd_param_field **sig, bmd_error *err)
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

const bmd_param_field *bmd_param_field_of(int part, const char *field)
{
    if (part == BMD_PARAM_INTERCEPTOR)
        return find_named(interceptor_fields, COUNT(interceptor_fields), field);
    if (part == BMD_PARAM_RADAR)
        return find_named(radar_fields, COUNT(radar_fields), field);
    return NULL;
}

int bmd_param_parse_path(const char *path, bmd_param_path *p, bmd_error *err)
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
        const bmd_param_field *sig;
        return bmd_param_missile_field(path, p->field, &stage, &sf, &sig, err);
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
    bmd_param_path p;
    if (bmd_param_parse_path(path, &p, NULL) && p.part < 0)
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

int bmd_param_check_path(const char *path, bmd_error *err)
{
    bmd_param_path p;
    return bmd_param_parse_path(path, &p, err);
}
