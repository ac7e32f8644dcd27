/* bmd/footprint_io.h — footprint outputs (module `export`): per-cell CSV, GeoJSON and KML contours
 * (>= 1 and >= 2 shots) of the maps of bmd/footprint_summary.h. Every file is written atomically
 * (bmd/atomic_file.h). Format and use: docs/footprints.md. */
#ifndef BMD_FOOTPRINT_IO_H
#define BMD_FOOTPRINT_IO_H

#include "bmd/api.h"

#include <stdio.h>

#include "bmd/footprint_summary.h"

#ifdef __cplusplus
extern "C" {
#endif

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

/* GeoJSON: the defence sites and the centres as points, and per map the contoured regions with
 * >= 1 and >= 2 shot opportunities as polygons (bmd_footprint_contour) with the properties
 * "map", "min_shots" and "area_km2" (of each polygon). Needs a box grid.
 * Errors: BMD_EINVAL without a box; those of the contour and of bmd_geojson_write. */
BMD_API int bmd_footprint_write_geojson(const char *path, const bmd_earth *earth, bmd_footprint_mode mode,
                                        const bmd_footprint_grid *grid, const bmd_footprint_map *maps,
                                        int n_maps, const bmd_footprint_defense *defence, bmd_error *err);

/* The same as KML 2.2 (bmd/kml.h): the regions in the "Areas" folder, the sites and centres in
 * "Sites", with the same names and properties. Errors: those of bmd_footprint_write_geojson, with
 * bmd_kml_write in place of bmd_geojson_write. */
BMD_API int bmd_footprint_write_kml(const char *path, const bmd_earth *earth, bmd_footprint_mode mode,
                                    const bmd_footprint_grid *grid, const bmd_footprint_map *maps,
                                    int n_maps, const bmd_footprint_defense *defence, bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
