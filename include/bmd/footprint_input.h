/* bmd/footprint_input.h — footprint inputs from scenario files (module `data`): the defence sites
 * of a scenario as footprint sites (flyout tables, fire-control radars, cueing sensors) and the
 * grid specifications (scenario grids and areas, boxes, points files). Format: docs/footprints.md. */
#ifndef BMD_FOOTPRINT_INPUT_H
#define BMD_FOOTPRINT_INPUT_H

#include "bmd/api.h"

#include "bmd/footprint.h"
#include "bmd/scenario.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The defence of a scenario, ready for bmd_footprint_prepare. Large: allocate on the heap. */
typedef struct bmd_footprint_defense {
    int n_sites;
    char names[BMD_FOOTPRINT_MAX_SITES][BMD_NAME_MAX];
    int scenario_index[BMD_FOOTPRINT_MAX_SITES];
    bmd_footprint_site sites[BMD_FOOTPRINT_MAX_SITES];
    bmd_flyout tables[BMD_FOOTPRINT_MAX_SITES];
    bmd_radar fcr[BMD_FOOTPRINT_MAX_SITES];
    bmd_radar cue_radar[BMD_FOOTPRINT_MAX_SITES][BMD_SCENARIO_MAX_CUES];
    bmd_ir_sensor cue_ir[BMD_FOOTPRINT_MAX_SITES][BMD_SCENARIO_MAX_CUES];
    int n_skipped;          /* sites with no interceptors (count 0), left out */
} bmd_footprint_defense;

/* Every site of the resolved scenario with at least one interceptor: its flyout table (the
 * interceptor's defaults, reference launch at the site toward toward_lat/lon — the threats'
 * direction), FCR, cues (sites with the same cue list share a cue group) and timeline.
 * Errors: BMD_EINVAL (unresolved scenario, more than BMD_FOOTPRINT_MAX_SITES sites); those of
 * bmd_flyout_build. */
BMD_API int bmd_footprint_defense_from_scenario(const bmd_scenario *scn, double toward_lat_rad,
                                                double toward_lon_rad, bmd_footprint_defense *d,
                                                bmd_error *err);

/* As bmd_footprint_defense_from_scenario; with per_type nonzero the sites with the same
 * interceptor (catalogue name and values) share one flyout table, built at the first of them
 * toward toward_lat/lon, as the analysis shares its tables (bmd/analysis.h): on a rotating Earth
 * the table of one latitude and azimuth serves the others within ~1 % in time. The tables are
 * built on up to threads OpenMP threads (0: all cores; bmd_footprint_defense_from_scenario uses
 * 0); the result does not depend on it. */
BMD_API int bmd_footprint_defense_from_scenario_shared(const bmd_scenario *scn,
                                                       double toward_lat_rad,
                                                       double toward_lon_rad, int per_type,
                                                       int threads, bmd_footprint_defense *d,
                                                       bmd_error *err);

/* The two steps of bmd_footprint_defense_from_scenario_shared, for callers that build only the
 * tables some cell needs (the coverage-probability samples: bmd_footprint_flown_sites_seen).
 * bmd_footprint_defense_sites fills d with every site with interceptors (radars, cues, timeline)
 * and empty tables (t_s NULL). bmd_footprint_defense_tables then builds the table of each site s
 * with need[s] nonzero (need NULL: every site; a table already built is kept), as
 * bmd_footprint_defense_from_scenario_shared does; with per_type the shared table is built when
 * any of its sites needs it. Errors as bmd_footprint_defense_from_scenario_shared (on an error of
 * the tables d's tables are freed). */
BMD_API int bmd_footprint_defense_sites(const bmd_scenario *scn, bmd_footprint_defense *d,
                                        bmd_error *err);
BMD_API int bmd_footprint_defense_tables(const bmd_scenario *scn, double toward_lat_rad,
                                         double toward_lon_rad, int per_type, int threads,
                                         const unsigned char *need, bmd_footprint_defense *d,
                                         bmd_error *err);

BMD_API void bmd_footprint_defense_free(bmd_footprint_defense *d);

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

#ifdef __cplusplus
}
#endif
#endif
