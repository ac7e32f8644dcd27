/* defense/engagement_internal.h — the machinery of bmd_engage shared by its files (internal):
 * the evaluation context of one (threat, site) pair and the state of the threat at one time with
 * the feasibility tests (a)-(d) of bmd/engagement.h. */
#ifndef BMD_DEFENSE_ENGAGEMENT_INTERNAL_H
#define BMD_DEFENSE_ENGAGEMENT_INTERNAL_H

#include "bmd/engagement.h"
#include "defense/radar_internal.h"

/* One (threat, site) evaluation: read-only inputs plus a segment cursor and a counter. */
typedef struct eng_ctx {
    const bmd_earth *earth;
    const bmd_threat *th;
    const bmd_defense_site *site;
    const bmd_flyout *tab;
    const bmd_interceptor *ic;
    const bmd_radar *fcr;        /* the site's fire-control radar, NULL when none */
    int require_fcr;             /* intercepts only inside its coverage (test (d)) */
    double fcr_site_m[3];        /* FCR antenna, ECEF */
    double fcr_reach_m;          /* min(instrumented, detection range for the object) */
    double rcs_m2;               /* the object's cross-section seen by the FCR */
    bmd_radar_view fcr_view;     /* the FCR's view of the object (when fcr is set) */
    double site_beta_rad;        /* reduced latitude of the site */
    double site_lon_rad;
    double site_p[3];            /* the site on the unit sphere of reduced latitudes */
    double step_s;               /* scan step */
    double tol_s;                /* bisection tolerance */
    double stride_speed_m_s;     /* bound on the rate of change of ground range and altitude */
    int seg;                     /* cursor: last segment used */
    int foot_ok;                 /* foot is set (NAN: no warm start yet) */
    double foot[2];              /* cos, sin of the reduced latitude of the last foot point */
    long n_eval;
} eng_ctx;

/* The threat at one time and what the site can do about it. */
typedef struct eng_state {
    double t_s;
    double r_m[3], v_m_s[3];     /* ECEF, Earth-relative */
    double lat_rad, lon_rad, h_m;  /* lat/lon NAN until bmd_eng_geodetic */
    double d_m;                  /* ground range from the site */
    double T_s;                  /* earliest KV arrival (INFINITY: not reached) */
    double kv_speed_m_s, kv_gamma_rad;
    double outside_m;            /* how far outside the table's grid (0 inside) */
    int reach;                   /* (a) and (c) */
    int alt_ok;                  /* (b) */
    int geo;                     /* (a)-(d) */
    double margin_s;             /* t - T: the latest launch that meets the threat here */
} eng_state;

/* Set up the context (validated inputs). */
void bmd_eng_ctx_init(eng_ctx *c, const bmd_earth *earth, const bmd_threat *th,
                  const bmd_defense_site *site, const bmd_engage_options *opt);

/* Evaluate the threat at t_s (inside the series): position, ground range, table, tests. */
void bmd_eng_eval(eng_ctx *c, double t_s, eng_state *s);

/* Fill s->lat_rad and s->lon_rad (bmd_eng_eval leaves them NAN: only reported points need them). */
void bmd_eng_geodetic(const eng_ctx *c, eng_state *s);

/* Closing speed and crossing angle at state s (KV heading: the geodesic from the site, at the
 * point). */
void bmd_eng_closing(const eng_ctx *c, const eng_state *s, double *closing_m_s, double *angle_rad);

/* Position and Earth-relative velocity at t_s (cubic Hermite, as bmd_trajectory_state_at) using
 * the cursor. */
void bmd_eng_state_at(eng_ctx *c, double t_s, double r_m[3], double v_m_s[3]);

/* Ground range (m) on the Earth model from the site (reduced latitude beta1, lon1) to geodetic
 * (lat, lon): Andoyer-Lambert, exact on a sphere, ~10 m per 1000 km on WGS84. When az2 is not
 * NULL also the forward azimuth of the path at the far point (spherical formula on reduced
 * latitudes). */
double bmd_eng_ground_range(const bmd_earth *earth, double beta1_rad, double lon1_rad, double lat_rad,
                        double lon_rad, double *az2_rad);

/* The ground range of bmd_eng_ground_range from the site's reduced-sphere point p1 (unit vector
 * (cos b1 cos l1, cos b1 sin l1, sin b1)) to the foot point of a point whose geodetic normal is
 * up: the same formula evaluated without trigonometric functions but one atan2 (the reduced
 * sphere point of the foot is along (up0, up1, (1 - f) up2)). Equal to bmd_eng_ground_range to
 * rounding. */
double bmd_eng_ground_range_up(const bmd_earth *earth, const double p1[3], const double up[3]);

/* The same from the foot point's reduced-sphere unit vector p2. */
double bmd_eng_ground_range_p(const bmd_earth *earth, const double p1[3], const double p2[3]);

/* Height (m) of ECEF r and the reduced-sphere unit vector p2 of its foot point
 * (bmd_earth_altitude_near, warm-started from the previous call in this context). */
double bmd_eng_height_foot(eng_ctx *c, const double r[3], double p2[3]);

/* The first time >= t_from at which the FCR sees the threat (stride-accelerated scan + bisection),
 * INFINITY when never before t_to. */
double bmd_eng_fcr_first_sight(eng_ctx *c, const bmd_radar *fcr, double t_from, double t_to);

/* Whether the FCR sees the threat at ECEF r. */
int bmd_eng_fcr_sees(const eng_ctx *c, const bmd_radar *fcr, const double r_m[3]);

/* The flyout table of the required-speed search's trial (engagement_speed_cache.c): the notional
 * interceptor ic with table options fo (extents set), its fan taken from cache when there (else
 * flown and kept while the cache has room); cache NULL: bmd_flyout_build. Bit for bit the table
 * of bmd_flyout_build(tab, earth, ic, fo). *flown: 1 when this call flew the fan. */
int bmd_eng_speed_table(bmd_speed_cache *cache, const bmd_earth *earth, const bmd_interceptor *ic,
                        const bmd_flyout_options *fo, bmd_flyout *tab, int *flown,
                        bmd_error *err);

#endif
