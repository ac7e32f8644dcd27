/* bmd/footprint.h — footprints (module `defense`): one missile and a set of defence sites
 * evaluated over many points at once.
 *
 *   defended-area   one launch point (the "centre"), the cells are aim points: which targets
 *                   can the defence engage a missile aimed at?
 *   launch-area     one defended (aim) point (the "centre"), the cells are launch points: from
 *                   where can a missile aimed at the point be engaged?
 * The exposure analysis (many launch points x many targets) is a loop of defended-area runs over
 * target lists (bmd/footprint_io.h).
 *
 * Use: bmd_footprint_prepare once (it aims the trajectory family and sets up the sites), then
 * bmd_footprint_run over all cells or any slice of them (each cell is computed on its own into
 * its own slot, so results are bit-identical for any thread count and any split across
 * processes), then bmd_footprint_free.
 *
 * Per cell: the plan (launch azimuth relative to the geodesic bearing, kick or pitch angle and
 * thrust cutoff) is interpolated bilinearly in (bearing, distance) from a polar family of exactly
 * aimed trajectories around the centre; ONE trajectory is flown from it; when its impact misses
 * the aim point by more than opt.aim_tolerance_m, the plan is corrected by Newton steps with the
 * family's derivatives (a few more flights). The flown threat is then prepared per cueing sensor
 * set and engaged by every site with bmd_engage (bmd/engagement.h). A site whose flyout table
 * cannot reach any point of the flight (its smallest ground distance exceeds the table's range)
 * is answered "out of reach" without calling bmd_engage. Optionally the required interceptor
 * speed is the least rung of a ladder of notional flyout tables (built once per site) that
 * engages, found by scanning the rungs upward as bmd_engage_required_speed scans its speeds.
 *
 * Threads: bmd_footprint_run uses OpenMP threads over cells (opt.threads). The library never
 * prints; progress goes to a callback, and a flag set by the caller (e.g. from a SIGINT handler)
 * stops the run cleanly. Physics and costs: docs/parts/footprint-physics.md. All SI (m, s, rad). */
#ifndef BMD_FOOTPRINT_H
#define BMD_FOOTPRINT_H

#include "bmd/api.h"

#include <signal.h>

#include "bmd/aim.h"
#include "bmd/earth.h"
#include "bmd/engagement.h"
#include "bmd/error.h"

#ifdef __cplusplus
extern "C" {
#endif

#define BMD_FOOTPRINT_MAX_SITES 32
#define BMD_FOOTPRINT_DEFAULT_MAX_CELLS 4000000L

/* ---------------------------------------------------------------------------------------------
 * Grids. */

/* A regular latitude/longitude grid: nodes (cell centres) at south_rad + i dlat_rad,
 * west_rad + j dlon_rad, i < n_lat, j < n_lon; cell k = i n_lon + j (rows from the south). Each
 * cell is the dlat x dlon rectangle around its node (clipped at the poles). */
typedef struct bmd_footprint_box {
    double south_rad, west_rad;
    double dlat_rad, dlon_rad;
    int n_lat, n_lon;
} bmd_footprint_box;

/* The grid of a box south..north, west..east (east may exceed pi for a box across the
 * antimeridian) sampled every step_rad of latitude and longitude, or (step_rad = 0) every step_m:
 * dlat = step_m / R, dlon = step_m / (R cos(mid latitude)), R the mean radius. Nodes from the
 * south-west corner while they stay within the box (+ 1e-9 of a step).
 * Errors: BMD_EINVAL for a non-finite edge, south >= north, west >= east, a span above 2 pi, a
 * latitude outside [-pi/2, pi/2], neither or both steps positive, a zero or negative step, and
 * more than max_cells cells (the message gives the count and the cap; max_cells <= 0: the default
 * cap BMD_FOOTPRINT_DEFAULT_MAX_CELLS). */
BMD_API int bmd_footprint_box_make(const bmd_earth *earth, double south_rad, double north_rad,
                                   double west_rad, double east_rad, double step_rad, double step_m,
                                   long max_cells, bmd_footprint_box *box, bmd_error *err);

/* Node of cell k (longitude reduced to (-pi, pi]). */
BMD_API void bmd_footprint_box_node(const bmd_footprint_box *box, long k, double *lat_rad,
                                    double *lon_rad);

/* Area of the ellipsoidal (or spherical) quadrangle between latitudes lat1 < lat2 spanning dlon:
 * a^2 (1 - e^2) dlon / 2 [q(lat2) - q(lat1)], q the authalic function (exact on the ellipsoid). */
BMD_API double bmd_footprint_zone_area_m2(const bmd_earth *earth, double lat1_rad, double lat2_rad,
                                          double dlon_rad);

/* Area of a cell of row i of the box (its rectangle clipped to [-pi/2, pi/2]). */
BMD_API double bmd_footprint_cell_area_m2(const bmd_earth *earth, const bmd_footprint_box *box, int i);

/* ---------------------------------------------------------------------------------------------
 * Inputs. */

typedef enum bmd_footprint_mode {
    BMD_FOOTPRINT_DEFENDED_AREA = 0,  /* centre = launch point, cells = aim points */
    BMD_FOOTPRINT_LAUNCH_AREA = 1     /* centre = aim point, cells = launch points */
} bmd_footprint_mode;

/* One defence site: the engagement site (flyout table, interceptors, FCR), its timeline and its
 * cueing sensors. Sites with the same cue_group >= 0 must have identical cues (the flown threat
 * is then prepared once for them); -1: a group of its own. */
typedef struct bmd_footprint_site {
    bmd_defense_site site;
    bmd_timeline timeline;
    bmd_sensor_set cues;
    int cue_group;
} bmd_footprint_site;

/* How per-cell plans are found. */
typedef enum bmd_footprint_aim {
    BMD_FOOTPRINT_AIM_AUTO = 0,    /* family, unless there are fewer cells than family nodes */
    BMD_FOOTPRINT_AIM_FAMILY = 1,  /* interpolated from the family, Newton-corrected */
    BMD_FOOTPRINT_AIM_EXACT = 2    /* bmd_aim_target per cell (the reference; ~5x slower) */
} bmd_footprint_aim;

typedef struct bmd_footprint_options {
    bmd_flight_options flight;       /* threat flights (default: the flight defaults with a
                                        sample every 5 s; see footprint-physics.md) */
    bmd_engage_options engage;       /* default bmd_engage_options_init */
    bmd_object_class cls;            /* default BMD_OBJECT_RV */
    double rcs_m2;                   /* the object's cross-section every radar uses (m^2; the
                                        missile's catalogue signature); NAN (default): each
                                        radar's own table for cls */
    bmd_footprint_aim aim;           /* default AUTO */
    double aim_tolerance_m;          /* impact miss that triggers a correction (default 1000) */
    int max_corrections;             /* Newton corrections per cell (default 3) */
    double family_azimuth_step_rad;  /* family spacing in bearing (default 2 degrees) */
    double family_range_step_m;      /* family spacing in distance (default 250 km) */
    double exact_tolerance_m;        /* bmd_aim_target tolerance of family nodes and exact aims
                                        (default 100 m) */
    int required_speed;              /* 1: compute the required speed per cell (default 0) */
    double speed_lo_m_s, speed_hi_m_s, speed_step_m_s;  /* ladder (default 500, 11000, 250) */
    int threads;                     /* OpenMP threads (0: the OpenMP default) */
} bmd_footprint_options;

BMD_API void bmd_footprint_options_init(bmd_footprint_options *opt);

/* ---------------------------------------------------------------------------------------------
 * Results. */

typedef enum bmd_footprint_status {
    BMD_FOOTPRINT_OK = 0,           /* flown and evaluated */
    BMD_FOOTPRINT_OUT_OF_RANGE = 1, /* beyond the missile's maximum range on that bearing */
    BMD_FOOTPRINT_NO_AIM = 2,       /* aiming failed (e.g. closer than the shortest trajectory) */
    BMD_FOOTPRINT_NOT_RUN = 3       /* not computed (run cancelled) */
} bmd_footprint_status;

/* "ok", "out of range", "no aim", "not run". */
BMD_API const char *bmd_footprint_status_name(bmd_footprint_status status);

/* One cell (about 56 bytes; zero padding, so arrays compare with memcmp). */
typedef struct bmd_footprint_cell {
    double lat_rad, lon_rad;          /* the cell's point */
    double earliest_intercept_s;      /* earliest feasible intercept over the sites; NAN: none */
    double required_speed_m_s;        /* smallest burnout speed over the sites (ladder upper
                                         end); NAN: not computed or not possible */
    float miss_m;                     /* impact of the flown trajectory to the aim point */
    unsigned int site_mask;           /* bit s: site s engageable */
    short shot_opportunities;         /* sum over the sites (shoot-look-shoot each) */
    unsigned char status;             /* bmd_footprint_status */
    unsigned char reachable;          /* 1: the missile reaches (status OK) */
    unsigned char sites_engaging;
    unsigned char flights;            /* threat trajectories flown for the cell */
    unsigned char pad[2];
    float flight_time_s;              /* of the flown trajectory (status OK; else NAN) */
    float apogee_m;                   /* of the flown trajectory (status OK; else NAN) */
} bmd_footprint_cell;

/* What a run did. */
typedef struct bmd_footprint_stats {
    long cells_done;         /* cells computed (all of the slice unless cancelled) */
    int cancelled;
    long flights;            /* threat trajectories flown (cells) */
    double miss_max_m;       /* over flown cells */
    double miss_mean_m;
    long engagements;        /* bmd_engage calls */
    long pruned;             /* (cell, site) pairs answered without bmd_engage: the site's
                                fire-control radar never sees the flight (bmd_engage_fcr_never),
                                or the flight is beyond its table's reach */
    int threads;             /* OpenMP threads used */
} bmd_footprint_stats;

/* Progress: called from one thread at most every ~0.1 s and at the end, with the cells done so
 * far in this run and the slice size. */
typedef void (*bmd_footprint_progress_fn)(void *context, long done, long total);

/* ---------------------------------------------------------------------------------------------
 * Evaluation. */

typedef struct bmd_footprint bmd_footprint;  /* opaque: the prepared footprint */

/* The inputs of bmd_footprint_prepare. The arrays are copied where needed (cells) or pointed to
 * (sites, their tables, radars and sensors must outlive the footprint). */
typedef struct bmd_footprint_input {
    bmd_footprint_mode mode;
    const bmd_missile *missile;
    bmd_aim_shape shape;
    double centre_lat_rad, centre_lon_rad;
    const double *cell_lat_rad, *cell_lon_rad;
    long n_cells;
    const bmd_footprint_site *sites;
    int n_sites;                     /* 0 .. BMD_FOOTPRINT_MAX_SITES */
} bmd_footprint_input;

/* Prepare: check the inputs, find the missile's max-range plan, aim the polar family of plans
 * around the centre over the cells' bearings and distances (OpenMP threads over nodes), and with
 * opt->required_speed build each site's speed ladder. opt may be NULL (defaults).
 * Errors: BMD_EINVAL for bad inputs (NaN or out-of-range coordinates, no cells, too many sites, a
 * site without a table, bad options); BMD_ENOMEM; those of bmd_aim_max_range. */
BMD_API int bmd_footprint_prepare(const bmd_earth *earth, const bmd_footprint_input *in,
                                  const bmd_footprint_options *opt, bmd_footprint **fp, bmd_error *err);

/* Family size and cost, for reports. */
typedef struct bmd_footprint_family_info {
    int n_azimuth, n_range;
    int nodes_reachable;
    long flights;            /* trajectories flown while aiming the family */
    double prepare_s;        /* wall time of bmd_footprint_prepare */
    int ladder_tables;       /* flyout tables of the speed ladders */
    int aim_exact;           /* 1 when cells are aimed exactly (AUTO with few cells, or EXACT) */
} bmd_footprint_family_info;

BMD_API void bmd_footprint_info(const bmd_footprint *fp, bmd_footprint_family_info *info);

/* Compute cells first .. first + count - 1 into out[0 .. count - 1]. progress may be NULL;
 * cancel may be NULL, else when *cancel becomes nonzero the remaining cells are left with status
 * NOT_RUN and stats->cancelled is set (BMD_SUCCESS). stats may be NULL.
 * Errors: BMD_EINVAL for a slice outside the cells; the first library error of a cell (e.g.
 * BMD_ENOMEM) — the other cells are still computed. */
BMD_API int bmd_footprint_run(const bmd_footprint *fp, long first, long count, bmd_footprint_cell *out,
                              bmd_footprint_progress_fn progress, void *context,
                              const volatile sig_atomic_t *cancel, bmd_footprint_stats *stats,
                              bmd_error *err);

BMD_API void bmd_footprint_free(bmd_footprint *fp);

/* ---------------------------------------------------------------------------------------------
 * Re-engagement (src/defense/footprint_reuse.c): the threat flights of a prepared footprint kept,
 * so that other defences (a Monte Carlo sample's interceptors, radars, delays, rules or warhead
 * cross-section) engage the same flights without flying them again. The flights depend only on
 * the missile, the plans and the cells; a cell re-engaged with the footprint's own sites, engage
 * options and cross-section is bit-identical to bmd_footprint_run's (the same calls). */

typedef struct bmd_footprint_flown bmd_footprint_flown;  /* opaque: every cell's flight */

/* Fly every cell of fp once (OpenMP threads over cells, fp's opt.threads) and keep the flights
 * (about 100 bytes per trajectory sample; a 2000 s flight sampled every 10 s is ~20 kB).
 * Errors: BMD_EINVAL (NULL input); BMD_ENOMEM; the first library error of a cell's flight. */
BMD_API int bmd_footprint_fly_all(const bmd_footprint *fp, bmd_footprint_flown **out,
                                  bmd_error *err);

/* bmd_footprint_fly_all with the exact (min-energy) aims warm-started from the converged plans
 * of warm, the flights of another footprint of the same cells and shape (the nominal missile;
 * fp's missile a draw of the same design): each exactly aimed cell of warm gives its plan as
 * bmd_aim_fly_options.warm_plan to the same cell's exact aim in fp, which accepts it only when
 * the aim hits within fp's exact tolerance and meets the min-energy search's own tolerance, and
 * otherwise aims cold. No warm start at all (every cell cold, identical to bmd_footprint_fly_all)
 * when fp's missile does not fly farther with the gravity turn than with the pitch program by
 * at least 1 % along the bearing of warm's first aimed cell (the cold aim's steering law might
 * differ), or the shape is not min-energy. *warm_cells (may be NULL): the cells given a warm
 * start. Errors: as bmd_footprint_fly_all; BMD_EINVAL when warm has another number of cells. */
BMD_API int bmd_footprint_fly_all_warm(const bmd_footprint *fp, const bmd_footprint_flown *warm,
                                       bmd_footprint_flown **out, long *warm_cells,
                                       bmd_error *err);

/* The defence that engages the kept flights. sites (and their tables, radars and sensors) must
 * outlive the call; the sites need not be fp's (another count, other tables, radars, timelines). */
typedef struct bmd_footprint_reengage {
    const bmd_footprint_site *sites;
    int n_sites;                     /* 0 .. BMD_FOOTPRINT_MAX_SITES */
    bmd_engage_options engage;
    double rcs_m2;                   /* as bmd_footprint_options.rcs_m2 */
    int threads;                     /* OpenMP threads over cells (0: the OpenMP default) */
} bmd_footprint_reengage;

/* Engage every cell's kept flight by re's defence into out[0 .. n_cells - 1] (cells that were
 * not flown keep their status: out of range, no aim). No required speed. engagements (may be
 * NULL): bmd_engage calls are added to it (a site whose fire-control radar never sees a flight,
 * bmd_engage_fcr_never, is decided without one). A site's table may be left empty (t_s NULL)
 * when bmd_footprint_flown_sites_seen says its radar sees none of the flights. Errors:
 * BMD_EINVAL (NULL input, flights of another footprint, a site without interceptors, an empty
 * table where the site's radar sees a flight); BMD_ENOMEM; the first library error of a cell. */
BMD_API int bmd_footprint_engage_flown(const bmd_footprint *fp, const bmd_footprint_flown *fl,
                                       const bmd_footprint_reengage *re, bmd_footprint_cell *out,
                                       long *engagements, bmd_error *err);

/* For each of re's sites (tables not needed), seen[s] = 1 when its fire-control radar sees at
 * least one kept flight (that is, bmd_engage_fcr_never is false for some cell flown: the site
 * has no FCR, coverage is not required, or the flight comes within its reach), else 0: no cell
 * can be engaged by that site, and its flyout table need not be built. seen has re->n_sites
 * entries. Returns BMD_EINVAL for NULL input or flights of another footprint, else 0. */
BMD_API int bmd_footprint_flown_sites_seen(const bmd_footprint *fp, const bmd_footprint_flown *fl,
                                           const bmd_footprint_reengage *re, unsigned char *seen);

BMD_API void bmd_footprint_flown_free(bmd_footprint_flown *fl);

/* ---------------------------------------------------------------------------------------------
 * Contours. */

/* Rings (closed, first point not repeated) in grid-corner coordinates. */
typedef struct bmd_footprint_rings {
    int n_rings;
    int *start;          /* ring r: points start[r] .. start[r + 1] - 1 (n_rings + 1 entries) */
    double *lat_rad, *lon_rad;
    long n_points;
} bmd_footprint_rings;

/* The union of the box's cells with mask[k] != 0 as simple polygons without holes that together
 * contain exactly those cells: the boundary is traced along cell edges (counterclockwise, edge-
 * connected cells together; cells touching only at a corner apart), and a region with holes is cut
 * at each hole's western edge into hole-free pieces. Collinear points are merged.
 * Errors: BMD_EINVAL (NULL input); BMD_ENOMEM. Free with bmd_footprint_rings_free. */
BMD_API int bmd_footprint_contour(const bmd_footprint_box *box, const unsigned char *mask,
                                  bmd_footprint_rings *rings, bmd_error *err);

BMD_API void bmd_footprint_rings_free(bmd_footprint_rings *rings);

#ifdef __cplusplus
}
#endif
#endif
