/* Internals of the footprint module (bmd/footprint.h): the prepared footprint, the polar family
 * of aimed plans and the per-cell pieces shared by footprint*.c. */
#ifndef BMD_DEFENSE_FOOTPRINT_INTERNAL_H
#define BMD_DEFENSE_FOOTPRINT_INTERNAL_H

#include "bmd/footprint.h"

/* One node of the family: the aimed plan relative to the geodesic bearing from launch to target.
 * Nodes beyond reach keep the peak (full-burn) plan along their bearing. */
typedef struct fp_node {
    double daz_rad;      /* plan azimuth - geodesic bearing launch -> target */
    double shape;        /* kick (gravity turn) or pi/2 - final pitch (pitch program) */
    double cutoff_s;     /* thrust cutoff; the full-burn burnout time for a full burn */
    double max_range_m;  /* maximum range along the bearing (NAN: aim failed) */
    double apogee_m;
    int aimed;           /* 1: aim converged (reachable) or gave a peak plan (not reachable) */
    int reachable;
} fp_node;

/* Where a cell is as seen from the family's centre, and the geodesic bearing launch -> target. */
typedef struct fp_where {
    double beta_rad;       /* azimuth from the centre to the cell */
    double dist_m;         /* geodesic distance centre - cell */
    double bearing_rad;    /* initial azimuth from the launch point to the target */
    double launch_lat_rad, launch_lon_rad, target_lat_rad, target_lon_rad;
} fp_where;

struct bmd_footprint {
    bmd_earth earth;
    bmd_footprint_input in;       /* cells point to the copies below */
    bmd_footprint_options opt;
    bmd_missile missile;
    double *cell_lat_rad, *cell_lon_rad;
    bmd_footprint_site sites[BMD_FOOTPRINT_MAX_SITES];
    int group_rep[BMD_FOOTPRINT_MAX_SITES];   /* first site of each site's cue group */
    bmd_plan base;                /* max-range plan at the centre */
    double t_full_s;              /* burnout time of a full burn */
    double site_unit[BMD_FOOTPRINT_MAX_SITES][3];  /* geocentric unit vectors of the sites */
    /* family */
    int aim_exact;
    int n_az, n_d, periodic;
    double az0_rad, daz_rad, d0_m, dd_m;
    fp_node *nodes;               /* node (i along azimuth, j along distance) at j * n_az + i */
    long family_flights;
    int nodes_reachable;
    double apogee_max_m;
    /* required-speed ladders: ladder[s * n_ladder + k] at ladder_speed[k] */
    int n_ladder;
    double *ladder_speed;
    bmd_flyout *ladder;
    double prepare_s;
};

/* Geometry of cell k (or of any point) relative to the centre. */
void bmd_fp_where_point(const bmd_footprint *fp, double lat_rad, double lon_rad, fp_where *w);

/* Build the family (OpenMP over nodes). */
int bmd_fp_family_build(bmd_footprint *fp, bmd_error *err);

/* The plan for a cell interpolated from the family. Returns 1 with *plan, *dcut_dd (d cutoff or
 * shape / d distance) and *max_range_m set; 0 when a corner node failed (aim exactly instead). */
int bmd_fp_family_plan(const bmd_footprint *fp, const fp_where *w, bmd_plan *plan,
                   double *dparam_dd, double *max_range_m);

/* Per-thread scratch of a run. */
typedef struct fp_scratch {
    bmd_trajectory traj;
    bmd_flight_summary summary;
    const bmd_plan *warm;  /* an exact aim's min-energy warm start (NULL: cold) */
    bmd_plan plan;         /* the plan of the last exact aim that reached its target */
    int plan_exact;        /* 1: plan is that of this cell's flight */
} fp_scratch;

/* Fly the cell's threat into scratch: family plan + corrections, or exact aim. Sets the cell's
 * status, reachable, miss and flights. Returns a status (library error) or 0. */
int bmd_fp_fly_cell(const bmd_footprint *fp, const fp_where *w, fp_scratch *sc,
                bmd_footprint_cell *cell, bmd_error *err);

/* Whether site's fire-control radar never sees the flight traj of fp's threat class with
 * cross-section rcs_m2 under the engagement options eng (bmd_engage_fcr_never on the flight
 * alone, no cues): then no interceptor speed engages it. Shared by bmd_fp_engage_cell and
 * bmd_footprint_flown_sites_seen so that both ask the same question. */
int bmd_fp_fcr_never(const bmd_footprint *fp, const bmd_trajectory *traj, double rcs_m2,
                     const bmd_defense_site *site, const bmd_engage_options *eng);

/* Engage the flown threat by every site (and the required speed when asked). */
int bmd_fp_engage_cell(const bmd_footprint *fp, fp_scratch *sc, bmd_footprint_cell *cell,
                   long *engagements, long *pruned, bmd_error *err);

/* Build the speed ladders (OpenMP over tables). */
int bmd_fp_ladder_build(bmd_footprint *fp, bmd_error *err);

/* Whether the footprint's shape reaches short of the maximum range by a thrust cutoff (min-energy
 * and cutoff: the cutoff time is the range parameter; lofted and depressed: the shape). */
static inline int fp_cut_shape(const bmd_footprint *fp)
{
    return fp->in.shape == BMD_AIM_MIN_ENERGY || fp->in.shape == BMD_AIM_CUTOFF;
}

/* Wall-clock seconds. */
double bmd_fp_now_s(void);

#endif
