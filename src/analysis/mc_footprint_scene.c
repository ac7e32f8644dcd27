/* The coverage probability of a footprint as nested band polygons on a scene
 * (bmd/montecarlo.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/montecarlo.h"

static const double band_edge[BMD_MC_N_BANDS] = {0.0, 0.1, 0.5, 0.9};

const char *bmd_mc_params_text(const bmd_param_set *set, char *buf, size_t n)
{
    if (!buf || n == 0)
        return buf;
    buf[0] = 0;
    size_t w = 0;
    for (int k = 0; set && k < set->n && w + 1 < n; k++) {
        char one[600];
        bmd_param_describe(&set->items[k], one, sizeof one);
        w += (size_t)snprintf(buf + w, n - w, "%s%s", k ? "; " : "", one);
    }
    if (!set || set->n == 0)
        snprintf(buf, n, "none (nominal only)");
    return buf;
}

/* The common properties of feature f. */
static int set_props(bmd_scene *sc, int f, const bmd_mc_footprint *r, const char *name, int b,
                     const char *params, bmd_error *err)
{
    char band[32];
    snprintf(band, sizeof band, ">= %.0f %%", 100 * band_edge[b]);
    int st = bmd_scene_set_text(sc, f, "map", name, err);
    if (!st)
        st = bmd_scene_set_number(sc, f, "probability_band", b, err);
    if (!st)
        st = bmd_scene_set_number(sc, f, "min_probability", band_edge[b], err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "band", band, err);
    if (!st)
        st = bmd_scene_set_number(sc, f, "samples", (double)r->n, err);
    if (!st)
        st = bmd_scene_set_number(sc, f, "seed", (double)r->seed, err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "sampler", bmd_sampler_name(r->sampler), err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "parameters", params, err);
    char design[400];
    if (!st)
        st = bmd_scene_set_number(sc, f, "threat_draws", (double)r->threat_draws, err);
    if (!st)
        st = bmd_scene_set_text(sc, f, "threat_design",
                                bmd_mc_footprint_design_text(r, design, sizeof design), err);
    return st;
}

int bmd_mc_footprint_scene(const bmd_mc_footprint *r, const bmd_footprint_grid *grid,
                           const char *name, bmd_scene *scene, bmd_error *err)
{
    if (!r || !grid || !scene || !name || !r->p_one)
        return bmd_error_set(err, BMD_EINVAL, "coverage probability scene: NULL input");
    if (!grid->has_box || grid->n_box < 1)
        return bmd_error_set(err, BMD_EINVAL, "coverage probability polygons need a box grid (a "
                             "list of points has no cells to contour)");
    if (grid->n_cells != r->n_cells)
        return bmd_error_set(err, BMD_EINVAL, "coverage probability scene: grid of %ld cells, "
                             "result of %ld", grid->n_cells, r->n_cells);
    unsigned char *mask = malloc((size_t)grid->n_box);
    char *params = malloc(8192);
    int st = mask && params ? BMD_SUCCESS
                            : bmd_error_set(err, BMD_ENOMEM, "coverage probability scene: out of "
                                            "memory");
    if (!st)
        bmd_mc_params_text(&r->params, params, 8192);
    for (int b = 1; b < BMD_MC_N_BANDS && !st; b++) {
        long any = 0;
        for (long k = 0; k < grid->n_box; k++)
            any += mask[k] = bmd_mc_band(r->p_one[k]) >= b;
        if (!any)
            continue;
        bmd_footprint_rings rings;
        if ((st = bmd_footprint_contour(&grid->box, mask, &rings, err)))
            break;
        char fname[BMD_NAME_MAX + 48];
        snprintf(fname, sizeof fname, "%s P(>=1 shot) >= %.0f %%", name, 100 * band_edge[b]);
        for (int g = 0; g < rings.n_rings && !st; g++) {
            const int a = rings.start[g], n = rings.start[g + 1] - a;
            int f;
            st = bmd_scene_add_area(scene, fname, BMD_AREA_FOOTPRINT, rings.lat_rad + a,
                                    rings.lon_rad + a, n, &f, err);
            if (!st)
                st = set_props(scene, f, r, name, b, params, err);
        }
        bmd_footprint_rings_free(&rings);
    }
    free(mask);
    free(params);
    return st;
}
