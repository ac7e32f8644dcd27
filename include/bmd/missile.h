/* bmd/missile.h — what a ballistic missile is (hardware only; how it is flown is a bmd_plan in
 * bmd/trajectory.h). A missile is an ordered list of stages plus a payload. Plain structs with
 * fixed-size arrays: copy them freely, share them read-only between threads, nothing to free.
 * All SI (kg, s, m, N); specific impulse in seconds (multiply by g0 = 9.80665 m/s^2). */
#ifndef BMD_MISSILE_H
#define BMD_MISSILE_H

#include "bmd/api.h"

#include "bmd/error.h"

#ifdef __cplusplus
extern "C" {
#endif

#define BMD_MAX_STAGES 4
#define BMD_TABLE_MAX 48
#define BMD_NAME_MAX 64
#define BMD_G0_M_S2 9.80665

/* A piecewise-linear table y(x), x strictly increasing; clamped outside [x[0], x[n-1]].
 * n = 0 means "not given". */
typedef struct bmd_table {
    int n;
    double x[BMD_TABLE_MAX];
    double y[BMD_TABLE_MAX];
} bmd_table;

/* y(x) by linear interpolation, clamped at the ends; 0 for an empty table. */
BMD_API double bmd_table_eval(const bmd_table *table, double x);

/* One stage. Thrust: constant mass flow propellant/burn_time unless a vacuum-thrust-vs-time table
 * is given (then the mass flow is thrust/(g0 Isp_vac), scaled so the propellant is used up exactly
 * at the end of the table). Ambient pressure lowers the thrust: either linearly between the vacuum
 * and sea-level specific impulses (F = F_vac - (F_vac - F_sl) p/p0), or, when
 * nozzle_exit_area_m2 > 0, as F = F_vac - p A_e. */
typedef struct bmd_stage {
    double propellant_mass_kg;
    double dry_mass_kg;           /* structure and engines, dropped at the stage's burnout */
    double burn_time_s;
    double isp_vacuum_s;
    double isp_sea_level_s;       /* 0: equal to isp_vacuum_s unless nozzle_exit_area_m2 is set */
    double nozzle_exit_area_m2;   /* 0: not used */
    double diameter_m;            /* body diameter; drag reference area pi d^2 / 4 */
    double coast_before_s;        /* unpowered coast between the previous burnout and ignition
                                     (must be 0 for the first stage) */
    bmd_table thrust_vacuum_n;    /* optional: vacuum thrust (N) vs time since ignition (s) */
    bmd_table cd_mach;            /* drag coefficient vs Mach; n = 0: the default curve */
} bmd_stage;

/* The payload: the reentry vehicle (RV), and optional post-boost bus and shroud. After the last
 * burnout the RV flies alone with its ballistic coefficient beta = m / (Cd A).
 * rv_beta_kg_m2 = 0 means a missile whose warhead does not separate (Scud class): after the last
 * burnout the spent last stage, bus and RV fly on together with the last stage's diameter and
 * drag curve (after a cutoff, everything still attached flies on with the current stage's). */
typedef struct bmd_payload {
    double rv_mass_kg;
    double rv_beta_kg_m2;         /* > 0; 0: the warhead does not separate (see above) */
    double bus_mass_kg;           /* carried through boost; released with the RV at burnout */
    double shroud_mass_kg;        /* carried until shroud_jettison_s after launch */
    double shroud_jettison_s;
} bmd_payload;

typedef struct bmd_missile {
    char name[BMD_NAME_MAX];
    int n_stages;
    bmd_stage stages[BMD_MAX_STAGES];
    bmd_payload payload;
} bmd_missile;

/* The default drag curve of a generic missile body, Cd vs Mach on the body cross-section, as used
 * by Forden (2007): Mach [0, 0.85, 1.0, 1.2, 2.0, 4.5] -> Cd [0.20, 0.20, 0.27, 0.27, 0.20, 0.20]. */
BMD_API void bmd_missile_default_cd(bmd_table *cd_mach);

/* Check every field: masses, times and Isp positive where required, tables increasing, at least
 * one stage. Errors: BMD_EINVAL naming the stage, the field and the value. */
BMD_API int bmd_missile_validate(const bmd_missile *missile, bmd_error *err);

/* Launch mass: all stages, the payload (RV, bus, shroud). */
BMD_API double bmd_missile_launch_mass_kg(const bmd_missile *missile);

/* Ideal (vacuum, gravity-free) velocity increment of the whole missile, m/s: the sum over stages
 * of g0 Isp_vac ln(m_before / m_after). A quick sanity number. */
BMD_API double bmd_missile_ideal_delta_v_m_s(const bmd_missile *missile);

#ifdef __cplusplus
}
#endif
#endif
