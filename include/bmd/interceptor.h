/* bmd/interceptor.h — interceptor kinematics (module `defense`): how fast and how far a kill
 * vehicle (KV) can fly, and the flyout table that answers "when can the KV earliest be at this
 * (ground range, altitude)?" by interpolation instead of integration.
 *
 * Two models:
 *   - BMD_INTERCEPTOR_NOTIONAL, the model of the open analyses (Wilkening 2012; Sankaran 2013;
 *     National Academies 2012): the interceptor accelerates at the constant rate v_bo / t_b along
 *     a straight line at a launch elevation (Earth-fixed frame), reaching the Earth-relative
 *     burnout speed v_bo after the burn time t_b at a distance v_bo t_b / 2 from the site; then the
 *     KV coasts ballistically under point-mass + J2 gravity (no drag). The quoted burnout speed is
 *     the speed actually reached, so gravity and drag losses are inside it and are not subtracted
 *     again. Equations: docs/parts/interceptor-physics.md.
 *   - BMD_INTERCEPTOR_STAGED: a bmd_missile (the booster stack; its payload's RV is the KV) flown
 *     with bmd_trajectory_fly on a gravity-turn plan; the launch elevation eps maps to the kick
 *     pi/2 - eps (vertical rise first), resampled every dt from the flight's time series.
 *
 * Ground range in this module is the along-track distance from the launch site: the geodesic
 * distance d from the site to the point below the KV times cos(alpha - azimuth), alpha the
 * geodesic's initial azimuth. On a non-rotating sphere it is the great-circle distance; on a
 * rotating Earth the Coriolis drift (a few km) goes into a cross-track offset that is ignored.
 * All SI (m, s, rad). Plain structs; no global state; thread-safe. */
#ifndef BMD_INTERCEPTOR_H
#define BMD_INTERCEPTOR_H

#include "bmd/api.h"

#include <stddef.h>

#include "bmd/earth.h"
#include "bmd/error.h"
#include "bmd/missile.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum bmd_interceptor_model {
    BMD_INTERCEPTOR_NOTIONAL = 0, /* burnout speed after a burn time, then ballistic coast */
    BMD_INTERCEPTOR_STAGED = 1    /* a staged rocket flown with bmd_trajectory_fly */
} bmd_interceptor_model;

/* An interceptor: its kinematic model and its engagement limits. */
typedef struct bmd_interceptor {
    char name[BMD_NAME_MAX];
    bmd_interceptor_model model;
    double burnout_speed_m_s;     /* notional: Earth-relative speed at burnout (> 0) */
    double burn_time_s;           /* notional: launch to burnout (> 0) */
    bmd_missile rocket;           /* staged: booster stages; payload.rv_* is the kill vehicle */
    double vertical_rise_s;       /* staged: vertical rise before the gravity-turn kick (> 0) */
    double min_elevation_rad;     /* launch elevation limits, 0 <= min < max <= pi/2 */
    double max_elevation_rad;
    double min_altitude_m;        /* intercept altitude floor (>= 0), e.g. 100 km for an
                                     exo-atmospheric KV */
    double max_altitude_m;        /* intercept altitude ceiling (> floor) */
    double max_flyout_time_s;     /* KV flight time limit after launch (> 0) */
    double min_closing_speed_m_s; /* used by engagements (>= 0); not applied by the table */
} bmd_interceptor;

/* Defaults: notional, no speed (must be set), elevations 0..pi/2, altitude 0..2000 km, flyout
 * time 600 s, no minimum closing speed. */
BMD_API void bmd_interceptor_init(bmd_interceptor *ic);

/* Check the fields above. Errors: BMD_EINVAL naming the field, value and what is allowed. */
BMD_API int bmd_interceptor_validate(const bmd_interceptor *ic, bmd_error *err);

/* A launch: geodetic site and the azimuth (clockwise from north) the fan is flown toward. */
typedef struct bmd_interceptor_site {
    double lat_rad, lon_rad, height_m;
    double azimuth_rad;
} bmd_interceptor_site;

/* One state of the kill vehicle (after burnout) or of the boosting interceptor. */
typedef struct bmd_kv_state {
    double t_s;               /* since launch */
    double ground_range_m;    /* along-track, see above (negative behind the site) */
    double altitude_m;        /* above the Earth model's surface */
    double speed_m_s;         /* Earth-relative */
    double gamma_rad;         /* Earth-relative flight-path angle above the local horizontal */
    double r_ecef_m[3];
    double v_ecef_m_s[3];
} bmd_kv_state;

/* Fly one trajectory of the fan at launch elevation elevation_rad and record a state every dt_s
 * from t = 0 (plus the burnout time of the notional model, and the last state) until impact or
 * ic->max_flyout_time_s, into states[0..*n_states-1]. max_states of
 * ceil(max_flyout_time_s / dt_s) + 3 always suffice. Limits other than the flyout time and the
 * elevation range are not applied here.
 * Errors: BMD_EINVAL for an invalid interceptor, site, elevation outside the limits, dt_s <= 0 or
 * too few states; integrator errors; for the staged model those of bmd_trajectory_fly. */
BMD_API int bmd_interceptor_fly(const bmd_earth *earth, const bmd_interceptor *ic,
                                const bmd_interceptor_site *site, double elevation_rad, double dt_s,
                                bmd_kv_state *states, int max_states, int *n_states, bmd_error *err);

/* Why a point can or cannot be reached. */
typedef enum bmd_reach_reason {
    BMD_REACH_OK = 0,
    BMD_REACH_BELOW_FLOOR = 1,    /* altitude below ic->min_altitude_m */
    BMD_REACH_ABOVE_CEILING = 2,  /* altitude above ic->max_altitude_m */
    BMD_REACH_OUT_OF_REACH = 3    /* no trajectory of the fan gets there within the flyout time
                                     (or the point is outside the table) */
} bmd_reach_reason;

/* The answer for one point. Unreachable: t_s = INFINITY, speed and gamma NAN. */
typedef struct bmd_reach {
    int reachable;
    bmd_reach_reason reason;
    double t_s;               /* earliest KV arrival time after launch */
    double speed_m_s;         /* Earth-relative KV speed then */
    double gamma_rad;         /* Earth-relative flight-path angle then */
    double elevation_rad;     /* launch elevation of that trajectory (direct computation only;
                                 NAN from the table) */
} bmd_reach;

/* Short text for a reason ("reachable", "below the altitude floor", ...). */
BMD_API const char *bmd_reach_reason_name(bmd_reach_reason reason);

/* Direct computation (no table): the earliest time any trajectory of the elevation fan is at
 * (ground_range_m, altitude_m), found by scanning n_scan elevations (0: 61) and refining each
 * crossing by bisection on the elevation. Costs some 100 trajectories; it is the reference the
 * table is tested against. Altitude limits are applied as in bmd_flyout_query.
 * Errors: BMD_EINVAL for bad input (NaN, negative range or altitude); those of _fly. */
BMD_API int bmd_interceptor_reach(const bmd_earth *earth, const bmd_interceptor *ic,
                                  const bmd_interceptor_site *site, double ground_range_m,
                                  double altitude_m, int n_scan, bmd_reach *out, bmd_error *err);

/* ---------------------------------------------------------------------------------------------
 * Flyout table. */

/* How to build a table. Zeros select the defaults. */
typedef struct bmd_flyout_options {
    bmd_interceptor_site site;  /* reference launch (default: equator, longitude 0, height 0,
                                   azimuth 0 = north). On a non-rotating sphere the table serves
                                   every site and azimuth; on a rotating Earth it holds for this
                                   latitude and azimuth (east vs west differ by ~1 % in time for
                                   400 s flyouts; docs/parts/interceptor-physics.md) */
    double range_max_m;         /* grid extent (default: the farthest point the fan reaches) */
    double altitude_max_m;      /* grid extent (default: the highest point the fan reaches, at
                                   most ic->max_altitude_m) */
    int n_range;                /* grid nodes along range (default 201, >= 2) */
    int n_altitude;             /* grid nodes along altitude (default 161, >= 2) */
    int n_elevations;           /* trajectories in the fan (default 361, >= 2) */
    double sample_dt_s;         /* time between states of a fan trajectory (default 1 s) */
} bmd_flyout_options;

BMD_API void bmd_flyout_options_init(bmd_flyout_options *opt);

/* A built table: nodes (i along range, j along altitude) at index j * n_range + i. Read-only
 * after bmd_flyout_build; queries are pure reads, so any number of threads may share it. */
typedef struct bmd_flyout {
    bmd_interceptor ic;         /* the interceptor it was built for (limits applied at query) */
    bmd_earth_kind earth_kind;
    bmd_interceptor_site site;
    int n_range, n_altitude;
    double range_max_m, altitude_max_m;
    double d_range_m, d_altitude_m;
    double *t_s;                /* earliest arrival; INFINITY where not reached */
    double *speed_m_s;          /* NAN where not reached */
    double *gamma_rad;
    int n_trajectories;         /* fan trajectories flown */
    long n_states;              /* states computed over the fan */
    size_t bytes;               /* heap memory held */
} bmd_flyout;

/* Build the table: fly the fan, then for every node take the earliest time over all triangles
 * (adjacent trajectories, consecutive states) that cover it, interpolating time, speed and angle
 * linearly inside the triangle. Cost: n_elevations trajectories + the rasterisation; memory
 * 3 * 8 * n_range * n_altitude bytes plus the fan while building. opt may be NULL (defaults).
 * Thread-safe (each call owns its table). Errors: BMD_EINVAL for bad options or interceptor;
 * BMD_ENOMEM; those of bmd_interceptor_fly. On error the table is left empty (free is safe). */
BMD_API int bmd_flyout_build(bmd_flyout *table, const bmd_earth *earth, const bmd_interceptor *ic,
                             const bmd_flyout_options *opt, bmd_error *err);

/* Release the table's arrays (the struct may be reused). */
BMD_API void bmd_flyout_free(bmd_flyout *table);

/* The earliest arrival at (ground_range_m, altitude_m) by bilinear interpolation in the cell
 * holding the point; a cell with any unreached corner counts as unreached (conservative by at
 * most one cell at the edge of the reachable region). Applies the altitude floor and ceiling.
 * Errors: BMD_EINVAL for a NULL or empty table, a NULL out, NaN or negative inputs. */
BMD_API int bmd_flyout_query(const bmd_flyout *table, double ground_range_m, double altitude_m,
                             bmd_reach *out);

/* Shorthand: *t_s (INFINITY when not reachable), *speed_m_s and *gamma_rad (NAN then); any
 * output may be NULL. Not reachable is a normal answer (BMD_SUCCESS). Errors as _query. */
BMD_API int bmd_flyout_time(const bmd_flyout *table, double ground_range_m, double altitude_m,
                            double *t_s, double *speed_m_s, double *gamma_rad);

#ifdef __cplusplus
}
#endif
#endif
