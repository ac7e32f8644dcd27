/* flight_internal.h — internals of the missile-flight model shared by the src/flight sources and the tests:
 * the right-hand side's context, physics switches for analytic test cases, and a free-flight entry
 * point that starts from an inertial state. Not part of the public API. */
#ifndef BMD_FLIGHT_INTERNAL_H
#define BMD_FLIGHT_INTERNAL_H

#include "bmd/trajectory.h"

/* The symmetric Kepler arc through burnout radius r_m and apogee radius ra_m with range angle
 * psi_rad (BMW ch. 6; docs/physics.md "Loft inference"): from r_a = p/(1-e) and
 * r = p/(1 - e cos(Psi/2)), e = (r_a - r)/(r_a - r cos(Psi/2)), p = r_a (1 - e). Fills the
 * eccentricity, semi-latus rectum (m), burnout speed (m/s) and flight-path angle (rad; from the
 * radial speed (mu/h) e sin(Psi/2), accurate near vertical). Inputs are checked by the callers. */
void bmd_flight_apogee_arc(double r_m, double ra_m, double psi_rad, double mu, double *e,
                           double *p_m, double *v_m_s, double *gamma_rad);

/* Standard sea-level pressure (Pa), the p0 of the thrust law (U.S. Standard Atmosphere 1976). */
#define BMD_FLIGHT_P0_PA 101325.0
/* Altitude of the reentry event (m). */
#define BMD_FLIGHT_REENTRY_ALT_M 100000.0

/* Physics switches, all 0 for a real flight; tests turn terms off to get analytic cases. */
typedef struct bmd_flight_model {
    int no_atmosphere;   /* vacuum: no drag and no ambient pressure */
    int no_gravity;      /* no gravitational acceleration */
} bmd_flight_model;

/* What the right-hand side needs: the vehicle's configuration during one phase. */
typedef struct bmd_flight_ctx {
    const bmd_earth *earth;
    const bmd_missile *missile;
    const bmd_plan *plan;
    bmd_flight_model model;
    int stage;            /* burning or last burnt stage */
    int aero_stage;       /* stage whose diameter and drag curve apply (bottom of the stack) */
    int powered;          /* a stage is burning */
    int kicked;           /* gravity turn: the kick has been applied */
    int ballistic;        /* after the final burnout or cutoff */
    double t_ignition_s;  /* ignition time of the burning stage */
    double f_vac_n;       /* constant vacuum thrust (no thrust table) */
    double mdot_kg_s;     /* constant mass flow (no thrust table) */
    double table_mdot_per_n; /* with a thrust table: mass flow per newton of vacuum thrust */
    double area_m2;       /* drag reference area of the stack */
    double inv_beta;      /* > 0: the RV alone, drag per unit mass 0.5 rho v^2 / beta */
    const bmd_table *cd;  /* drag curve of the stack */
    bmd_table default_cd; /* Forden's curve, used when a stage gives none */
    /* the last height computed (memo of bmd_flight_height_m: the end of a step is seen by the
     * right-hand side and by two event functions); zeroed with the context */
    int memo_set;
    double memo_r[3], memo_h_m;
    double foot[2];       /* warm start of bmd_earth_altitude_near (set with memo_set) */
} bmd_flight_ctx;

/* Height of position r (bmd_earth_altitude_near, warm-started from the previous call of this
 * flight), remembered for the next call at the same r. */
double bmd_flight_height_m(bmd_flight_ctx *ctx, const double r[3]);

/* dy/dt of the state y = (r_eci[3], v_eci[3], m) for the ODE integrator; ctx is a bmd_flight_ctx. */
int bmd_flight_rhs(double t, const double *y, double *dydt, void *ctx);

/* Unit thrust direction (inertial frame) at time t for the plan in ctx, at ECI position r with
 * Earth-relative velocity v_rel (inertial components). */
void bmd_flight_steer(const bmd_flight_ctx *ctx, double t, const double r[3],
                      const double v_rel[3], double u[3]);

/* Local geodetic east, north, up unit vectors at an ECI (or ECEF) position, in the same frame,
 * and the height; the longitude used is the position's own. */
void bmd_flight_local_frame(const bmd_earth *earth, const double r[3], double east[3],
                            double north[3], double up[3], double *height_m);

/* bmd_trajectory_fly with physics switches (model may be NULL for the full physics). */
int bmd_flight_fly_model(const bmd_earth *earth, const bmd_missile *missile, const bmd_plan *plan,
                         double lat_rad, double lon_rad, double height_m,
                         const bmd_flight_options *opt, const bmd_flight_model *model,
                         bmd_flight_summary *summary, bmd_trajectory *traj, bmd_error *err);

/* bmd_trajectory_fly_stream with physics switches (model may be NULL for the full physics). */
int bmd_flight_fly_model_stream(const bmd_earth *earth, const bmd_missile *missile,
                                const bmd_plan *plan, double lat_rad, double lon_rad,
                                double height_m, const bmd_flight_options *opt,
                                const bmd_flight_model *model, bmd_flight_summary *summary,
                                bmd_sample_fn sink, void *context, bmd_error *err);

/* Free flight of an unpowered body from the inertial state (r_eci, v_eci) at time t0_s until
 * impact or opt->max_time_s. beta_kg_m2 > 0: drag with that ballistic coefficient; 0: vacuum.
 * The summary's "burnout" is the start state; ground range is measured from the point under the
 * start. Used by tests to compare with Kepler's analytic free flight. */
int bmd_flight_coast(const bmd_earth *earth, double t0_s, const double r_eci_m[3],
                     const double v_eci_m_s[3], double mass_kg, double beta_kg_m2,
                     const bmd_flight_options *opt, bmd_flight_summary *summary,
                     bmd_trajectory *traj, bmd_error *err);

/* Append a sample to a time series (amortized growth). Errors: BMD_ENOMEM. */
int bmd_flight_traj_push(bmd_trajectory *traj, const bmd_sample *s, bmd_error *err);

/* Boundary times closer than this are the same instant (s). */
#define BMD_FLIGHT_TIME_EPS_S 1e-9

/* One flight in progress (driver state shared by trajectory.c and flight_segment.c). */
typedef struct bmd_flight_run {
    bmd_flight_ctx ctx;
    const bmd_flight_options *opt;
    bmd_flight_summary *sum;
    bmd_trajectory *traj;
    bmd_error *err;
    bmd_ode ode;
    double t;
    double y[7];
    double next_sample_s;
    double segment_end_s;
    double launch_lat, launch_lon;
    int impacted;
    int push_failed;
    /* streaming (bmd_trajectory_fly_stream): each sample goes to sink, in time order, once no
     * later sample can come before it; nothing is stored but the last step's dense output */
    bmd_sample_fn sink;
    void *sink_ctx;
    int sink_status;           /* the sink's status when it stopped the flight */
    bmd_error sink_err;        /* and its message (bmd_ode_run overwrites fr->err) */
    const bmd_ode_hit *hits;   /* the events found so far in this segment (by bmd_ode_run) */
    const int *n_hits;
    int hits_sent;             /* how many of them were sent already */
    int pending;               /* pend is a step whose regular samples were not all sent */
    bmd_ode pend;
} bmd_flight_run;

/* Earth-relative velocity (inertial components) of the state y = (r, v, ...). */
void bmd_flight_relative_velocity(const bmd_earth *e, const double *y, double v_rel[3]);
/* Append the sample of (t, y) to the run's time series, in time order, or send it to the run's
 * sink after the pending samples before it (no-op without either). */
int bmd_flight_record(bmd_flight_run *fr, double t, const double *y);
/* Integrate the run from fr->t to t_end (clamped to max_time_s) or to impact, with events. */
int bmd_flight_segment(bmd_flight_run *fr, double t_end);
/* The summary's burnout fields from the run's current state. */
void bmd_flight_record_burnout(bmd_flight_run *fr);
/* A summary with NaN event times. */
void bmd_flight_init_summary(bmd_flight_summary *s, int n_stages);
/* Free flight to impact (or the time limit), then the summary's impact fields. */
int bmd_flight_finish(bmd_flight_run *fr);

#endif
