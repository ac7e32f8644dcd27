/* Footprint summaries and contours (bmd/footprint_summary.h): shares and areas of a map, and the
 * scene of the >= 1 and >= 2 shot regions. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/footprint_summary.h"
#include "bmd/geodesy.h"
#include "bmd/scene.h"
#include "bmd/units.h"

#define DEG BMD_DEG_PER_RAD

void bmd_footprint_summarize(const bmd_earth *earth, const bmd_footprint_grid *g,
                             const bmd_footprint_cell *c, bmd_footprint_summary *s)
{
    memset(s, 0, sizeof *s);
    s->cells = g->n_cells;
    s->earliest_intercept_min_s = NAN;
    s->required_speed_min_m_s = s->required_speed_max_m_s = NAN;
    double row_area = 0;
    int row = -1;
    for (long k = 0; k < g->n_cells; k++) {
        double a = NAN;
        if (k < g->n_box) {
            const int i = (int)(k / g->box.n_lon);
            if (i != row)
                row = i, row_area = bmd_footprint_cell_area_m2(earth, &g->box, i) * 1e-6;
            a = row_area;
            s->area_km2 += a;
        }
        s->reachable += c[k].reachable;
        s->not_run += c[k].status == BMD_FOOTPRINT_NOT_RUN;
        if (c[k].shot_opportunities >= 1) {
            s->covered1++;
            if (k < g->n_box)
                s->area1_km2 += a;
        }
        if (c[k].shot_opportunities >= 2) {
            s->covered2++;
            if (k < g->n_box)
                s->area2_km2 += a;
        }
        if (!(c[k].earliest_intercept_s >= s->earliest_intercept_min_s))
            if (!isnan(c[k].earliest_intercept_s))
                s->earliest_intercept_min_s = c[k].earliest_intercept_s;
        const double v = c[k].required_speed_m_s;
        if (!isnan(v)) {
            if (!(v >= s->required_speed_min_m_s))
                s->required_speed_min_m_s = v;
            if (!(v <= s->required_speed_max_m_s))
                s->required_speed_max_m_s = v;
        }
    }
    if (!g->has_box)
        s->area_km2 = s->area1_km2 = s->area2_km2 = NAN;
    s->share_reachable = (double)s->reachable / (double)s->cells;
    s->share1 = (double)s->covered1 / (double)s->cells;
    s->share2 = (double)s->covered2 / (double)s->cells;
}

/* Add one map's contour at min_shots to the scene (mask: n_box bytes of scratch). */
static int add_contour(bmd_scene *scene, const bmd_earth *earth, const bmd_footprint_grid *g,
                       const bmd_footprint_map *mp, int min_shots, unsigned char *mask,
                       bmd_error *err)
{
    for (long k = 0; k < g->n_box; k++)
        mask[k] = mp->cells[k].shot_opportunities >= min_shots;
    bmd_footprint_rings rings;
    int st = bmd_footprint_contour(&g->box, mask, &rings, err);
    if (st)
        return st;
    char name[BMD_NAME_MAX + 32];
    for (int r = 0; r < rings.n_rings && !st; r++) {
        const int a = rings.start[r], n = rings.start[r + 1] - a;
        /* the polygon's area and cells: its cells are the covered cells inside it */
        double area = 0;
        for (int p = 0; p < n; p++) {
            const int q = (p + 1) % n;
            /* exact area of a lat/lon polygon: sum of signed zones under each edge (edges are
               either meridians (no area) or parallels) */
            const double dlon = rings.lon_rad[a + q] - rings.lon_rad[a + p];
            if (dlon != 0)
                area -= bmd_footprint_zone_area_m2(earth, -0.5 * M_PI, rings.lat_rad[a + p], dlon);
        }
        snprintf(name, sizeof name, "%s >= %d shot%s", mp->name, min_shots,
                 min_shots == 1 ? "" : "s");
        int f;
        st = bmd_scene_add_area(scene, name, BMD_AREA_FOOTPRINT, rings.lat_rad + a,
                                rings.lon_rad + a, n, &f, err);
        if (!st)
            st = bmd_scene_set_text(scene, f, "map", mp->name, err);
        if (!st)
            st = bmd_scene_set_number(scene, f, "min_shots", min_shots, err);
        if (!st)
            st = bmd_scene_set_number(scene, f, "area_km2", round(fabs(area) * 1e-6 * 10) / 10, err);
    }
    bmd_footprint_rings_free(&rings);
    return st;
}

int bmd_footprint_scene_add_contours(bmd_scene *scene, const bmd_earth *earth,
                                     const bmd_footprint_grid *grid, const bmd_footprint_map *map,
                                     int min_shots, bmd_error *err)
{
    if (!scene || !earth || !grid || !map || !map->cells)
        return bmd_error_set(err, BMD_EINVAL, "footprint contours: NULL input");
    if (!grid->has_box || grid->n_box < 1)
        return bmd_error_set(err, BMD_EINVAL, "footprint contours need a box grid (a list of "
                             "points has no cells to contour)");
    if (min_shots < 1)
        return bmd_error_set(err, BMD_EINVAL, "footprint contours: min_shots %d must be >= 1",
                             min_shots);
    unsigned char *mask = malloc((size_t)grid->n_box);
    if (!mask)
        return bmd_error_set(err, BMD_ENOMEM, "footprint contours: out of memory for %ld cells",
                             grid->n_box);
    int st = add_contour(scene, earth, grid, map, min_shots, mask, err);
    free(mask);
    return st;
}

int bmd_footprint_scene(bmd_footprint_mode mode, const bmd_footprint_grid *g,
                        const bmd_footprint_map *maps, int n_maps, const bmd_footprint_defense *d,
                        bmd_scene *scene, bmd_error *err)
{
    if (!scene)
        return bmd_error_set(err, BMD_EINVAL, "footprint scene: no scene (NULL)");
    if (!g || !g->has_box)
        return bmd_error_set(err, BMD_EINVAL, "footprint contours need a box grid (a list of "
                             "points has no cells to contour)");
    unsigned char *mask = malloc((size_t)g->n_box);
    int st = BMD_SUCCESS;
    if (!mask)
        st = bmd_error_set(err, BMD_ENOMEM, "footprint scene: out of memory");
    else if (!scene->title)
        st = bmd_scene_set_title(scene, mode == BMD_FOOTPRINT_LAUNCH_AREA
                                            ? "bmdsim launch-area footprint"
                                            : "bmdsim defended-area footprint", err);
    for (int s = 0; d && s < d->n_sites && !st; s++)
        st = bmd_scene_add_site(scene, d->names[s], BMD_SITE_INTERCEPTOR, d->sites[s].site.lat_rad,
                                d->sites[s].site.lon_rad, d->sites[s].site.height_m, NULL, err);
    for (int m = 0; m < n_maps && !st; m++) {
        st = bmd_scene_add_site(scene, maps[m].name,
                                mode == BMD_FOOTPRINT_LAUNCH_AREA ? BMD_SITE_TARGET : BMD_SITE_LAUNCH,
                                maps[m].centre_lat_rad, maps[m].centre_lon_rad, 0.0, NULL, err);
        for (int level = 1; level <= 2 && !st; level++)
            st = add_contour(scene, &scene->earth, g, &maps[m], level, mask, err);
    }
    free(mask);
    return st;
}
