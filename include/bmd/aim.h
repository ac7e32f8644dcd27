/* bmd/aim.h — choosing a flight plan: the plan that maximizes range, a lofted plan for a given
 * apogee or burnout angle, and aiming at a target point on the rotating Earth (azimuth and plan that
 * put the impact within a tolerance of the target). A target beyond reach is a normal answer. */
#ifndef BMD_AIM_H
#define BMD_AIM_H

#include "bmd/api.h"

#include "bmd/trajectory.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Which family of trajectories reaches a target short of the maximum range. */
typedef enum bmd_aim_shape {
    /* The minimum-energy trajectory: the least burnout speed that reaches the target. Thrust is
     * terminated (liquids: cut-off; solids: thrust termination, as analysts model energy
     * management) and the steering shape searched so that the inertial burnout flight-path angle
     * is (pi - Psi)/4 for the Kepler free-flight range angle Psi of the burnout state (Bate,
     * Mueller & White eq. 6.2-20): no smaller speed at that burnout radius reaches that range.
     * At the maximum range it is the full-burn max-range plan. The reference shape of published
     * analyses, and the default of every command. */
    BMD_AIM_MIN_ENERGY = 0,
    BMD_AIM_LOFTED = 1,      /* full burn, steeper than max-range (smaller kick) */
    BMD_AIM_DEPRESSED = 2,   /* full burn, shallower than max-range (larger kick) */
    /* The max-range steering kept, thrust cut off early to shorten the range: flatter and faster
     * than minimum energy at short range (the "min-energy" of versions before issue 10). */
    BMD_AIM_CUTOFF = 3
} bmd_aim_shape;

/* "min-energy", "lofted", "depressed", "cutoff" ("?" for another value). */
BMD_API const char *bmd_aim_shape_name(bmd_aim_shape shape);

/* The shape named text (the names above); BMD_EINVAL naming the allowed ones otherwise. */
BMD_API int bmd_aim_shape_parse(const char *text, bmd_aim_shape *shape, bmd_error *err);

/* A launch point. */
typedef struct bmd_site {
    double lat_rad, lon_rad, height_m;
} bmd_site;

/* The result of a plan search or an aim. */
typedef struct bmd_aim_result {
    bmd_plan plan;               /* the plan found */
    bmd_flight_summary summary;  /* its flight */
    int reachable;               /* aim: 1 if the target is within reach */
    double max_range_m;          /* maximum ground range along the final bearing */
    double miss_m;               /* aim: distance from impact to target */
    int evaluations;             /* trajectories flown */
} bmd_aim_result;

/* The plan that maximizes ground range, starting from base (its steering, azimuth and vertical
 * rise are kept; the kick, or the pitch program's final angle and end time, are searched).
 * Errors: those of bmd_trajectory_fly; BMD_EDOM if no plan impacts. */
BMD_API int bmd_aim_max_range(const bmd_earth *earth, const bmd_missile *missile, const bmd_plan *base,
                              const bmd_site *launch, const bmd_flight_options *opt,
                              bmd_aim_result *result, bmd_error *err);

/* The maximum range over both steering laws, the library's default for "max range": the
 * gravity turn and the pitch program (each from bmd_plan_init_for, its shape parameters
 * searched by bmd_aim_max_range) at azimuth_rad; result holds the longer (its plan says which
 * law), evaluations counts both searches. Neither law is best for every missile: the gravity turn
 * flies the short-burning solid ICBMs of the catalogue 4-8% farther, the pitch program the
 * long-burning liquid ones 12-20% farther (measurements: docs/physics.md). Errors: as
 * bmd_aim_max_range, when both searches fail. */
BMD_API int bmd_aim_max_range_best(const bmd_earth *earth, const bmd_missile *missile, double azimuth_rad,
                                   const bmd_site *launch, const bmd_flight_options *opt,
                                   bmd_aim_result *result, bmd_error *err);

/* A lofted plan (steeper than max-range) whose apogee is apogee_m. Errors: BMD_EDOM when the
 * missile cannot reach that apogee, or when it is below the max-range apogee. */
BMD_API int bmd_aim_apogee(const bmd_earth *earth, const bmd_missile *missile, const bmd_plan *base,
                           const bmd_site *launch, double apogee_m, const bmd_flight_options *opt,
                           bmd_aim_result *result, bmd_error *err);

/* A plan whose Earth-relative burnout flight-path angle is gamma_rad. Errors: BMD_EDOM when no
 * kick gives it. */
BMD_API int bmd_aim_burnout_angle(const bmd_earth *earth, const bmd_missile *missile,
                                  const bmd_plan *base, const bmd_site *launch, double gamma_rad,
                                  const bmd_flight_options *opt, bmd_aim_result *result, bmd_error *err);

/* Azimuth and plan that put the impact within tolerance_m (e.g. 100 m) of the target,
 * warm-started from the geodesic azimuth and the Kepler estimate. base must be a max-range plan
 * (from bmd_aim_max_range; its shape hardly depends on the azimuth, so one search serves all
 * targets): its full-burn flight along the target's bearing gives max_range_m (near or beyond it,
 * the peak along the corrected bearing is searched); min-energy plans keep its steering and cut
 * the thrust off early; lofted and depressed plans keep full burn and move the kick (or the pitch
 * program's final angle) to the steep or the shallow side of base's (lofted plans may tip the
 * other way, to reach targets inside the westward drift of a near-vertical shot). The iteration
 * is safeguarded: the impact is measured along and across the target bearing (continuous past the
 * antipode), the shape or cutoff stays inside a bracket of the range on its monotone branch
 * (Broyden steps that leave it fall back to regula falsi or bisection), the azimuth has its own
 * bounded secant. Method: docs/physics.md. When the target is out of reach: BMD_SUCCESS with
 * result->reachable = 0 and result->max_range_m the maximum range along that bearing. Errors:
 * those of bmd_trajectory_fly; BMD_EDOM when the target is closer than the family reaches (the
 * flattest depressed plan, or the earliest min-energy cutoff, still flies beyond it);
 * BMD_EMAXITER if the iteration does not converge within 40 flights. */
BMD_API int bmd_aim_target(const bmd_earth *earth, const bmd_missile *missile, bmd_aim_shape shape,
                           const bmd_plan *base, const bmd_site *launch, double target_lat_rad,
                           double target_lon_rad, double tolerance_m, const bmd_flight_options *opt,
                           bmd_aim_result *result, bmd_error *err);

/* ---------------------------------------------------------------------------------------------
 * The one threat flight: every command that flies a missile at a target (trajectory --to, engage,
 * sensor, scenario, footprint, report) calls bmd_aim_fly_to, so one threat gets one answer. */

/* bmd_aim_fly_options.steering: the steering law of the longer maximum range along the target's
 * bearing (bmd_aim_max_range_best), the default. */
#define BMD_AIM_STEER_AUTO (-1)

/* Options of bmd_aim_fly_to. Start from bmd_aim_fly_options_init. */
typedef struct bmd_aim_fly_options {
    bmd_aim_shape shape;        /* default BMD_AIM_MIN_ENERGY */
    int steering;               /* BMD_AIM_STEER_AUTO (default) or a bmd_steering */
    double vertical_rise_s;     /* > 0: this vertical rise; 0 (default): the law's (10 s gravity
                                   turn, 5 s pitch program: bmd_plan_init_for) */
    double aim_tolerance_m;     /* impact within this of the target (default 100 m) */
    double sample_interval_s;   /* time series step when one is recorded (default 2 s) */
    const bmd_plan *warm_plan;  /* NULL (default): the cold search below. Else, for min-energy
                                   with steering auto only, a converged gravity-turn min-energy
                                   plan of a nearby problem (another missile of the same design,
                                   the same launch point and target): its shape, cutoff and
                                   azimuth start the min-energy search directly (no max-range
                                   search); the result is accepted only when it hits within
                                   aim_tolerance_m and meets the min-energy search's own
                                   tolerance, else the cold search runs. out->max_range_m is then
                                   NAN (not searched). The caller vouches that the cold search
                                   would choose the gravity turn (bmd_footprint_fly_all_warm
                                   checks the two laws' max ranges: >= 1 % apart). */
} bmd_aim_fly_options;

BMD_API void bmd_aim_fly_options_init(bmd_aim_fly_options *opt);

/* A threat flight. reachable 0: the target is beyond reach along its bearing (max_range_m says
 * how far the missile gets); plan and summary are then those of the longest flight, traj empty. */
typedef struct bmd_aim_flight {
    int reachable;
    double target_distance_m;   /* geodesic, launch to target */
    double max_range_m;         /* maximum ground range along the target's bearing */
    double miss_m;              /* impact to target */
    bmd_plan plan;              /* the plan flown */
    bmd_flight_summary summary;
    bmd_trajectory traj;        /* when asked for: free with bmd_trajectory_free */
    int evaluations;            /* trajectories flown by the searches */
} bmd_aim_flight;

/* Fly missile (its payload as set) from launch to the target on earth: the max-range plan along
 * the target's geodesic bearing (both steering laws when opt->steering is auto, else the law
 * given, bmd_aim_max_range), then bmd_aim_target on opt->shape to opt->aim_tolerance_m. When traj
 * is nonzero the flight found is flown once more recording out->traj every sample_interval_s.
 * opt NULL: the defaults. Out of reach is a normal answer (BMD_SUCCESS, reachable 0). Errors:
 * BMD_EINVAL for bad options (naming the field) or a target within 1 km of the launch point;
 * those of bmd_aim_max_range, bmd_aim_target and bmd_trajectory_fly (out is then empty). */
BMD_API int bmd_aim_fly_to(const bmd_earth *earth, const bmd_missile *missile, const bmd_site *launch,
                           double target_lat_rad, double target_lon_rad, const bmd_aim_fly_options *opt,
                           int traj, bmd_aim_flight *out, bmd_error *err);

/* The steering law and max-range plan bmd_aim_fly_to starts from for a target at azimuth_rad
 * (searched as it does). A caller aiming many targets with one law (the footprint family) calls
 * this once and bmd_aim_target with res->plan. Errors: as bmd_aim_fly_to's max-range search. */
BMD_API int bmd_aim_fly_base(const bmd_earth *earth, const bmd_missile *missile, const bmd_site *launch,
                             double azimuth_rad, const bmd_aim_fly_options *opt, bmd_aim_result *res,
                             bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
