/* Parameter paths (bmd/param.h): deep copies of a resolved scenario to apply sampled values to.
 * Reading and setting values by path: param_path.c; the paths' syntax: param_parse.c. */
#include <stdlib.h>
#include <string.h>

#include "bmd/param.h"

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
