/* bmd/footprint_io.h — footprints from scenario files (module `io`): the defence sites of a
 * scenario as footprint sites (flyout tables, fire-control radars, cueing sensors), grid
 * specifications, and the outputs: per-cell CSV, GeoJSON and KML contours (>= 1 and >= 2 shots) and the
 * summary numbers (covered area on the ellipsoid, shares). Every file is written atomically
 * (bmd/atomic_file.h). Format and use: docs/footprints.md. */
#ifndef BMD_FOOTPRINT_IO_H
#define BMD_FOOTPRINT_IO_H

#include "bmd/api.h"

#include <stdio.h>

#include "bmd/footprint.h"
#include "bmd/scenario.h"
#include "bmd/scene.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The defence of a scenario, ready for bmd_footprint_prepare. Large: allocate on the heap. */
typedef struct bmd_footprint_defence {
    int n_sites;
    char names[BMD_FOOTPRINT_MAX_SITES][BMD_NAME_MAX];
    int scenario_index[BMD_FOOTPRINT_MAX_SITES];
    bmd_footprint_site sites[BMD_FOOTPRINT_MAX_SITES];
    bmd_flyout tables[BMD_FOOTPRINT_MAX_SITES];
    bmd_radar fcr[BMD_FOOTPRINT_MAX_SITES];
    bmd_radar cue_radar[BMD_FOOTPRINT_MAX_SITES][BMD_SCENARIO_MAX_CUES];
    bmd_ir_sensor cue_ir[BMD_FOOTPRINT_MAX_SITES][BMD_SCENARIO_MAX_CUES];
    int n_skipped;          /* sites with no interceptors (count 0), left out */
} bmd_footprint_defence;

/* Every site of the resolved scenario with at least one interceptor: its flyout table (the
 * interceptor's defaults, reference launch at the site toward toward_lat/lon — the threats'
 * direction), FCR, cues (sites with the same cue list share a cue group) and timeline.
 * Errors: BMD_EINVAL (unresolved scenario, more than BMD_FOOTPRINT_MAX_SITES sites); those of
 * bmd_flyout_build. */
BMD_API int bmd_footprint_defence_from_scenario(const bmd_scenario *scn, double toward_lat_rad,
                                                double toward_lon_rad, bmd_footprint_defence *d,
                                                bmd_error *err);
BMD_API void bmd_footprint_defence_free(bmd_footprint_defence *d);

/* Cells to evaluate: a box's nodes (when has_box) followed by extra points. */
typedef struct bmd_footprint_grid {
    char name[BMD_NAME_MAX];
    int has_box;
    bmd_footprint_box box;
    long n_box;              /* box nodes (the first cells) */
    long n_cells;
    double *lat_rad, *lon_rad;
    char (*point_names)[BMD_NAME_MAX];  /* n_cells names ("" for box nodes) */
} bmd_footprint_grid;

/* Parse a grid specification:
 *   NAME                      a grid of the scenario's `grids:` (or a launch area / target set)
 *   S,N,W,E,STEP              a box in degrees sampled every STEP degrees ("0.5" or "0.5deg")
 *   S,N,W,E,STEPkm            ... or every STEP km
 *   FILE                      a text file of points, one "LAT,LON[,NAME]" (degrees) per line;
 *                             blank lines and lines starting with # are skipped
 * max_cells <= 0: the default cap. Errors: BMD_EINVAL with the reason (unknown name, malformed
 * box, zero step, south above north, cap exceeded with the count and the cap, bad file line with
 * its number); BMD_EIO for an unreadable file. */
BMD_API int bmd_footprint_grid_parse(const bmd_scenario *scn, const char *spec, long max_cells,
                                     bmd_footprint_grid *grid, bmd_error *err);

/* The cells of a scenario area (box nodes, then its named points). */
BMD_API int bmd_footprint_grid_from_area(const bmd_earth *earth, const bmd_scenario_area *area,
                                         long max_cells, bmd_footprint_grid *grid, bmd_error *err);

BMD_API void bmd_footprint_grid_free(bmd_footprint_grid *grid);

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

/* CSV, one row per (map, cell): CENTRE,centre_lat_deg,centre_lon_deg,point,lat_deg,lon_deg,
 * reachable,status,shot_opportunities,sites_engaging,engaging_sites,earliest_intercept_time_s,
 * required_speed_km_s,miss_km (CENTRE is "launch" for defended-area and exposure, "target" for
 * launch-area; empty fields where a value does not apply). site_names[s] names bit s. */
BMD_API int bmd_footprint_write_csv(const char *path, bmd_footprint_mode mode, const bmd_footprint_grid *grid,
                                    const bmd_footprint_map *maps, int n_maps, const char *const *site_names,
                                    int n_sites, bmd_error *err);

/* The same CSV written to an open stream, as a bmd_write_fn (bmd/atomic_file.h) for output sets:
 * context is a bmd_footprint_csv. Write errors are left in the stream's error flag. */
typedef struct bmd_footprint_csv {
    bmd_footprint_mode mode;
    const bmd_footprint_grid *grid;
    const bmd_footprint_map *maps;
    int n_maps;
    const char *const *site_names;
    int n_sites;
} bmd_footprint_csv;
BMD_API int bmd_footprint_csv_write(FILE *out, void *csv, bmd_error *err);

/* Add to scene the regions of map with >= min_shots (>= 1) shot opportunities, contoured with
 * bmd_footprint_contour, as footprint polygons (bmd_scene_add_area, BMD_AREA_FOOTPRINT) named
 * "MAP >= N shot(s)" with the properties "map", "min_shots" and "area_km2" (of each polygon, on
 * the ellipsoid). No polygon when no cell qualifies. Errors: BMD_EINVAL (NULL input, a grid
 * without a box, min_shots < 1); BMD_ENOMEM; those of bmd_scene_add_area. */
BMD_API int bmd_footprint_scene_add_contours(bmd_scene *scene, const bmd_earth *earth,
                                             const bmd_footprint_grid *grid, const bmd_footprint_map *map,
                                             int min_shots, bmd_error *err);

/* GeoJSON: the defence sites and the centres as points, and per map the contoured regions with
 * >= 1 and >= 2 shot opportunities as polygons (bmd_footprint_contour) with the properties
 * "map", "min_shots" and "area_km2" (of each polygon). Needs a box grid.
 * Errors: BMD_EINVAL without a box; those of the contour and of bmd_geojson_write. */
BMD_API int bmd_footprint_write_geojson(const char *path, const bmd_earth *earth, bmd_footprint_mode mode,
                                        const bmd_footprint_grid *grid, const bmd_footprint_map *maps,
                                        int n_maps, const bmd_footprint_defence *defence, bmd_error *err);

/* The same as KML 2.2 (bmd/kml.h): the regions in the "Areas" folder, the sites and centres in
 * "Sites", with the same names and properties. Errors: those of bmd_footprint_write_geojson, with
 * bmd_kml_write in place of bmd_geojson_write. */
BMD_API int bmd_footprint_write_kml(const char *path, const bmd_earth *earth, bmd_footprint_mode mode,
                                    const bmd_footprint_grid *grid, const bmd_footprint_map *maps,
                                    int n_maps, const bmd_footprint_defence *defence, bmd_error *err);

/* What both writers write, added to scene (initialised by the caller; its Earth model gives the
 * polygons' areas): the title (when the scene has none), the defence sites (defence may be NULL),
 * the centres, and per map the regions with >= 1 and >= 2 shot opportunities. More features may
 * be added before or after (e.g. bmd_analysis_scene for tracks and coverage). Errors: BMD_EINVAL
 * without a box grid; those of the contour and the bmd_scene_add_* functions. */
BMD_API int bmd_footprint_scene(bmd_footprint_mode mode, const bmd_footprint_grid *grid,
                                const bmd_footprint_map *maps, int n_maps,
                                const bmd_footprint_defence *defence, bmd_scene *scene, bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
