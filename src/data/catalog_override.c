/* Overriding one parameter of a loaded catalogue entry: "stages[1].propellant_mass_kg=12000". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/catalog.h"
#include "data/catalog_schema.h"
#include "data/yaml_walk.h"

int bmd_cat_closest_name(const char *name, const char *const *first, size_t stride, int n,
                     int *dist)
{
    int best = 0, best_d = 1 << 20;
    for (int i = 0; i < n; i++) {
        const char *const *at = (const char *const *)(const void *)((const char *)first +
                                                                   (size_t)i * stride);
        int d = bmd_yw_edit_distance(name, *at);
        if (d < best_d) {
            best_d = d;
            best = i;
        }
    }
    *dist = best_d;
    return best;
}

int bmd_cat_split_assignment(const char *assignment, const char *example, char name[80],
                         const char **value, bmd_error *err)
{
    const char *eq = strchr(assignment, '=');
    if (!eq || eq == assignment || (size_t)(eq - assignment) >= 80)
        return bmd_error_set(err, BMD_EINVAL, "override '%s' is not of the form FIELD=VALUE "
                             "(e.g. %s)", assignment, example);
    memcpy(name, assignment, (size_t)(eq - assignment));
    name[eq - assignment] = '\0';
    *value = eq + 1;
    return BMD_SUCCESS;
}

void bmd_cat_override_prov(bmd_param_provenance *p, const char *field, double v,
                       const bmd_param_provenance *old)
{
    memset(p, 0, sizeof *p);
    snprintf(p->field, sizeof p->field, "%s", field);
    p->value = v;
    p->notional = 1;
    p->line = 0;
    if (old)
        snprintf(p->note, sizeof p->note, "override (file value %.10g%s%s)", old->value,
                 old->source[0] ? " from " : "", old->source);
    else
        snprintf(p->note, sizeof p->note, "override (not set in the file)");
}

/* Find the scalar field named name in fields[0..n-1]. */
static const cat_scalar *lookup(const cat_scalar *fields, int n, const char *name)
{
    for (int i = 0; i < n; i++)
        if (strcmp(fields[i].name, name) == 0)
            return &fields[i];
    return NULL;
}

/* Resolve a field path to the double it names and its schema entry. */
static int resolve(bmd_catalog_missile *e, const char *field, double **dst,
                   const cat_scalar **f, bmd_error *err)
{
    int n;
    const cat_scalar *fields;
    char *base;
    const char *name;
    if (strncmp(field, "payload.", 8) == 0) {
        fields = bmd_cat_payload_fields(&n);
        base = (char *)&e->missile.payload;
        name = field + 8;
    } else if (strncmp(field, "stages[", 7) == 0) {
        char *end;
        long k = strtol(field + 7, &end, 10);
        if (end == field + 7 || strncmp(end, "].", 2) != 0)
            return bmd_error_set(err, BMD_EINVAL, "override: field '%s' is not of the form "
                                 "stages[N].NAME", field);
        if (k < 0 || k >= e->missile.n_stages)
            return bmd_error_set(err, BMD_EINVAL, "override: field '%s': stage %ld does not "
                                 "exist (%s has stages 0 to %d)", field, k, e->missile.name,
                                 e->missile.n_stages - 1);
        fields = bmd_cat_stage_fields(&n);
        base = (char *)&e->missile.stages[k];
        name = end + 2;
    } else {
        return bmd_error_set(err, BMD_EINVAL, "override: field '%s' is not known (use "
                             "stages[N].NAME or payload.NAME, e.g. stages[0].burn_time_s)", field);
    }
    *f = lookup(fields, n, name);
    if (!*f) {
        int best_d, best = bmd_cat_closest_name(name, &fields[0].name, sizeof fields[0], n, &best_d);
        return bmd_error_set(err, BMD_EINVAL, "override: field '%s' is not known%s%s%s (tables "
                             "cannot be overridden)", field, best_d <= 3 ? " (did you mean '" : "",
                             best_d <= 3 ? fields[best].name : "", best_d <= 3 ? "'?)" : "");
    }
    *dst = (double *)(void *)(base + (*f)->offset);
    return BMD_SUCCESS;
}

int bmd_catalog_override(bmd_catalog_missile *entry, const char *assignment, bmd_error *err)
{
    bmd_error_clear(err);
    if (!entry || !assignment)
        return bmd_error_set(err, BMD_EINVAL, "override: entry and assignment must be given");
    const char *eq = strchr(assignment, '=');
    if (!eq || eq == assignment)
        return bmd_error_set(err, BMD_EINVAL, "override '%s' is not of the form FIELD=VALUE "
                             "(e.g. stages[1].propellant_mass_kg=12000)", assignment);
    char field[80];
    size_t len = (size_t)(eq - assignment);
    if (len >= sizeof field)
        return bmd_error_set(err, BMD_EINVAL, "override: field name '%.*s' is too long", (int)len,
                             assignment);
    memcpy(field, assignment, len);
    field[len] = '\0';
    double *dst = NULL;
    const cat_scalar *f = NULL;
    int st = resolve(entry, field, &dst, &f, err);
    if (st)
        return st;
    double v;
    if (bmd_yw_parse_number(eq + 1, &v) != 0)
        return bmd_error_set(err, BMD_EINVAL, "override: field '%s': value '%s' is not a number "
                             "(SI units)", field, eq + 1);
    char range[96];
    if (!bmd_cat_scalar_ok(f, v, range, sizeof range))
        return bmd_error_set(err, BMD_EINVAL, "override: field '%s': value '%s' must be %s", field,
                             eq + 1, range);
    bmd_param_provenance p, *old = NULL;
    for (int i = 0; i < entry->n_params; i++)
        if (strcmp(entry->params[i].field, field) == 0)
            old = &entry->params[i];
    bmd_cat_override_prov(&p, field, v, old);
    if (old)
        *old = p;
    else if ((st = bmd_cat_add_param(entry, &p, err)))
        return st;
    *dst = v;
    return BMD_SUCCESS;
}
