/* bmd/footprint_summary.h — what a footprint map says (module `analysis`): the summary numbers
 * (covered area on the ellipsoid, shares) and the contours of the >= 1 and >= 2 shot regions as a
 * scene (bmd/scene.h), which the writers of bmd/footprint_io.h export. */
#ifndef BMD_FOOTPRINT_SUMMARY_H
#define BMD_FOOTPRINT_SUMMARY_H

#include "bmd/api.h"

#include "bmd/footprint_input.h"
#include "bmd/scene.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One computed map: the footprint of one centre (launch point or defended point). */
typedef struct bmd_footprint_map {
    char name[BMD_NAME_MAX];
    double centre_lat_rad, centre_lon_rad;
    const bmd_footprint_cell *cells;  /* grid->n_cells */
    double run_s;
} bmd_footprint_map;

/* Summary of a map. Areas are sums of the exact ellipsoidal areas of box cells (NAN without a
 * box); shares are of all cells. */
typedef struct bmd_footprint_summary {
    long cells, reachable, covered1, covered2, not_run;
    double share_reachable, share1, share2;
    double area_km2, area1_km2, area2_km2;
    double earliest_intercept_min_s;
    double required_speed_min_m_s, required_speed_max_m_s;
} bmd_footprint_summary;

BMD_API void bmd_footprint_summarize(const bmd_earth *earth, const bmd_footprint_grid *grid,
                                     const bmd_footprint_cell *cells, bmd_footprint_summary *s);

/* Add to scene the regions of map with >= min_shots (>= 1) shot opportunities, contoured with
 * bmd_footprint_contour, as footprint polygons (bmd_scene_add_area, BMD_AREA_FOOTPRINT) named
 * "MAP >= N shot(s)" with the properties "map", "min_shots" and "area_km2" (of each polygon, on
 * the ellipsoid). No polygon when no cell qualifies. Errors: BMD_EINVAL (NULL input, a grid
 * without a box, min_shots < 1); BMD_ENOMEM; those of bmd_scene_add_area. */
BMD_API int bmd_footprint_scene_add_contours(bmd_scene *scene, const bmd_earth *earth,
                                             const bmd_footprint_grid *grid, const bmd_footprint_map *map,
                                             int min_shots, bmd_error *err);

/* What both writers write, added to scene (initialised by the caller; its Earth model gives the
 * polygons' areas): the title (when the scene has none), the defence sites (defence may be NULL),
 * the centres, and per map the regions with >= 1 and >= 2 shot opportunities. More features may
 * be added before or after (e.g. bmd_analysis_scene for tracks and coverage). Errors: BMD_EINVAL
 * without a box grid; those of the contour and the bmd_scene_add_* functions. */
BMD_API int bmd_footprint_scene(bmd_footprint_mode mode, const bmd_footprint_grid *grid,
                                const bmd_footprint_map *maps, int n_maps,
                                const bmd_footprint_defense *defence, bmd_scene *scene, bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
