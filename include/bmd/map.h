/* bmd/map.h — maps as SVG: land and country borders (Natural Earth 1:110m, data/map/), a
 * graticule, and a scene's sites, trajectories' ground tracks, radar coverage and areas, with a
 * legend and a km scale bar.
 *
 * Projections, on a sphere of the mean radius R = 6371.0088 km (Snyder, Map Projections — A
 * Working Manual, USGS PP 1395, 1987):
 *   - azimuthal equidistant centred on (phi1, lambda0) (Snyder eqs. 25-2, 22-4, 22-5): a point at
 *     central angle c and azimuth Az from the centre is drawn at distance R c in direction Az:
 *     x = R c sin Az, y = R c cos Az. Distances and directions from the centre are true; the whole
 *     globe fits in a disc of radius pi R. Points within 5 degrees of the antipode are not drawn.
 *   - equirectangular with the centre's latitude as standard parallel (Snyder eqs. 12-1, 12-2):
 *     x = R (lambda - lambda0) cos phi1, y = R (phi - phi1), repeated every 360 degrees.
 * Map coordinates (x east, y north, metres) become pixels by px = W/2 + s x, py = H/2 - s y with
 * s = min(W, H) / (2 radius_m). */
#ifndef BMD_MAP_H
#define BMD_MAP_H

#include "bmd/api.h"

#include <stddef.h>

#include "bmd/error.h"
#include "bmd/scene.h"
#include "bmd/unit_system.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum bmd_projection {
    BMD_PROJ_AZIMUTHAL_EQUIDISTANT = 0,
    BMD_PROJ_EQUIRECTANGULAR = 1
} bmd_projection;

typedef struct bmd_map_view {
    bmd_projection projection;
    double center_lat_rad, center_lon_rad;
    double radius_m;         /* map distance from the centre to the nearer edge, (0, pi R] */
    int width_px, height_px; /* [200, 4000]; default 960 x 720 */
    const char *title;       /* NULL: the scene's title, else none */
    double graticule_deg;    /* spacing of the graticule, [0.1, 90]; 0: chosen from the radius */
    int legend;              /* nonzero: draw the legend (default 1) */
    int scale_bar;           /* nonzero: draw the scale bar (default 1) */
    bmd_unit_system scale_units; /* the scale bar's unit: metric km (default), imperial mi,
                                  * nautical nmi; each with km or mi beside it */
} bmd_map_view;

/* Land and borders loaded from a data/map file (see data/map/README.md). Opaque. */
typedef struct bmd_world bmd_world;

/* Load path (e.g. "data/map/ne_110m.txt"). Errors: BMD_EIO naming the path and the reason;
 * BMD_EPARSE with the line number; BMD_ENOMEM. */
BMD_API int bmd_world_load(const char *path, bmd_world **world, bmd_error *err);
/* Load DATA_DIR/map/ne_110m.txt. */
BMD_API int bmd_world_load_dir(const char *data_dir, bmd_world **world, bmd_error *err);
BMD_API void bmd_world_free(bmd_world *world);
/* Number of land rings and border lines loaded. */
BMD_API void bmd_world_counts(const bmd_world *world, int *n_land_rings, int *n_borders);
/* Number of polylines in world (land rings, their holes and borders); 0 for NULL. */
BMD_API int bmd_world_n_lines(const bmd_world *world);
/* Polyline i of world: kind 'L' (land ring), 'H' (hole of the previous ring) or 'B' (border),
 * its n points' latitudes and longitudes (rad; borrowed until bmd_world_free).
 * Errors: BMD_EINVAL for NULL or i outside [0, bmd_world_n_lines). */
BMD_API int bmd_world_line(const bmd_world *world, int i, char *kind, int *n,
                           const double **lat_rad, const double **lon_rad, bmd_error *err);

/* Defaults: azimuthal equidistant centred on (0, 0), radius 2000 km, 960 x 720 px, legend and
 * scale bar on, automatic graticule. */
BMD_API void bmd_map_view_init(bmd_map_view *view);

/* Centre the view on the scene (the normalised sum of the unit vectors of its sites, track
 * points, coverage sites and area points) and set the radius so that everything (coverage
 * circles included) fits with a margin of 10% (at least 300 km). Keeps the projection and size.
 * Errors: BMD_EINVAL for an empty scene. */
BMD_API int bmd_map_view_fit(bmd_map_view *view, const bmd_scene *scene, bmd_error *err);

/* Like bmd_map_view_fit, zoomed to the content of a footprint map: when the scene has footprint
 * contours (BMD_AREA_FOOTPRINT, the covered cells), the view is fitted to them, the defence's
 * sites (all kinds but BMD_SITE_LAUNCH and BMD_SITE_TARGET), the tracks and the radar coverage
 * only, with a margin of 15% (at least 300 km); the rest (a footprint's whole grid, launch and
 * target areas, the map's fixed launch point or target, which may be a continent away) is
 * clipped at the map's edge. Without footprint contours it is bmd_map_view_fit with a 15%
 * margin. Keeps the projection and
 * size (so the aspect ratio, scale bar and graticule follow the new extent).
 * Errors: BMD_EINVAL for an empty scene. */
BMD_API int bmd_map_view_fit_content(bmd_map_view *view, const bmd_scene *scene, bmd_error *err);

/* Check a view. Errors: BMD_EINVAL naming the bad field. */
BMD_API int bmd_map_view_check(const bmd_map_view *view, bmd_error *err);

/* Map coordinates (m) of a point. Returns 1 when the point is drawn, 0 when it is too close to
 * the antipode of the centre (azimuthal equidistant only; x, y are still filled). */
BMD_API int bmd_map_project(const bmd_map_view *view, double lat_rad, double lon_rad, double *x_m,
                            double *y_m);

/* Pixel coordinates of a point in the SVG; return value as bmd_map_project. */
BMD_API int bmd_map_pixel(const bmd_map_view *view, double lat_rad, double lon_rad, double *px,
                          double *py);

/* Pixels per metre of map distance: min(W, H) / (2 radius_m). */
BMD_API double bmd_map_scale_px_per_m(const bmd_map_view *view);

/* The map as SVG text (caller frees). world and scene may be NULL (nothing of that kind drawn).
 * Errors: those of bmd_map_view_check; BMD_ENOMEM. */
BMD_API int bmd_map_svg(const bmd_map_view *view, const bmd_world *world, const bmd_scene *scene,
                        char **svg, bmd_error *err);
BMD_API int bmd_map_write_svg(const bmd_map_view *view, const bmd_world *world, const bmd_scene *scene,
                              const char *path, bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
