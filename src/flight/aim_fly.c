/* The one threat flight (include/bmd/aim.h): missile, launch point, target, shape, Earth model and
 * aim tolerance to a trajectory. The max-range plan is searched along the target's bearing (both
 * steering laws by default), then aimed on the shape asked for. Every command flies threats
 * through bmd_aim_fly_to, so they all give one answer for one threat. */
#include <math.h>
#include <string.h>

#include "bmd/aim.h"
#include "bmd/geodesy.h"
#include "flight/aim_target_internal.h"

#define DEFAULT_AIM_TOLERANCE_M 100.0
#define DEFAULT_SAMPLE_INTERVAL_S 2.0
#define MIN_TARGET_DISTANCE_M 1000.0

static const char *const shape_names[] = {"min-energy", "lofted", "depressed", "cutoff"};

const char *bmd_aim_shape_name(bmd_aim_shape shape)
{
    return (int)shape >= 0 && (int)shape < 4 ? shape_names[shape] : "?";
}

int bmd_aim_shape_parse(const char *text, bmd_aim_shape *shape, bmd_error *err)
{
    for (int i = 0; text && i < 4; i++)
        if (strcmp(text, shape_names[i]) == 0) {
            *shape = (bmd_aim_shape)i;
            return BMD_SUCCESS;
        }
    return bmd_error_set(err, BMD_EINVAL, "shape '%s' is unknown; allowed: min-energy, lofted, "
                         "depressed, cutoff", text ? text : "(null)");
}

void bmd_aim_fly_options_init(bmd_aim_fly_options *opt)
{
    if (!opt)
        return;
    memset(opt, 0, sizeof *opt);
    opt->shape = BMD_AIM_MIN_ENERGY;
    opt->steering = BMD_AIM_STEER_AUTO;
    opt->vertical_rise_s = 0.0;
    opt->aim_tolerance_m = DEFAULT_AIM_TOLERANCE_M;
    opt->sample_interval_s = DEFAULT_SAMPLE_INTERVAL_S;
}

/* Check the options, naming the field at fault. */
static int check_options(const bmd_aim_fly_options *o, bmd_error *err)
{
    if ((int)o->shape < 0 || (int)o->shape > (int)BMD_AIM_CUTOFF)
        return bmd_error_set(err, BMD_EINVAL, "shape %d is unknown (0-3: min-energy, lofted, "
                             "depressed, cutoff)", (int)o->shape);
    if (o->steering != BMD_AIM_STEER_AUTO && o->steering != BMD_STEER_GRAVITY_TURN &&
        o->steering != BMD_STEER_PITCH_PROGRAM)
        return bmd_error_set(err, BMD_EINVAL, "steering %d is unknown (auto, gravity turn or "
                             "pitch program)", o->steering);
    if (!(o->vertical_rise_s >= 0.0) || !(o->vertical_rise_s <= 600.0))
        return bmd_error_set(err, BMD_EINVAL, "vertical rise %g s: allowed 0 (the law's) to 600 s",
                             o->vertical_rise_s);
    if (!(o->aim_tolerance_m > 0.0) || !isfinite(o->aim_tolerance_m))
        return bmd_error_set(err, BMD_EINVAL, "aim tolerance %g m must be a finite number > 0",
                             o->aim_tolerance_m);
    if (!(o->sample_interval_s > 0.0) || !isfinite(o->sample_interval_s))
        return bmd_error_set(err, BMD_EINVAL, "sample interval %g s must be a finite number > 0",
                             o->sample_interval_s);
    return BMD_SUCCESS;
}

/* The options to use: opt, or the defaults when it is NULL, checked. */
static int resolve_options(const bmd_aim_fly_options *opt, bmd_aim_fly_options *o, bmd_error *err)
{
    if (opt)
        *o = *opt;
    else
        bmd_aim_fly_options_init(o);
    return check_options(o, err);
}

int bmd_aim_fly_base(const bmd_earth *earth, const bmd_missile *missile, const bmd_site *launch,
                     double azimuth_rad, const bmd_aim_fly_options *opt, bmd_aim_result *res,
                     bmd_error *err)
{
    bmd_aim_fly_options o;
    int st = resolve_options(opt, &o, err);
    if (st)
        return st;
    if (!earth || !missile || !launch || !res)
        return bmd_error_set(err, BMD_EINVAL, "fly: earth, missile, launch and result required");
    if (o.steering == BMD_AIM_STEER_AUTO)
        return bmd_aim_max_range_best(earth, missile, azimuth_rad, launch, NULL, res, err);
    bmd_plan base;
    bmd_plan_init_for(missile, (bmd_steering)o.steering, &base);
    base.azimuth_rad = azimuth_rad;
    if (o.vertical_rise_s > 0.0) {
        base.vertical_rise_s = o.vertical_rise_s;
        if (base.pitch_end_s < o.vertical_rise_s + 1.0)
            base.pitch_end_s = o.vertical_rise_s + 1.0;
    }
    return bmd_aim_max_range(earth, missile, &base, launch, NULL, res, err);
}

int bmd_aim_fly_to(const bmd_earth *earth, const bmd_missile *missile, const bmd_site *launch,
                   double target_lat_rad, double target_lon_rad, const bmd_aim_fly_options *opt,
                   int traj, bmd_aim_flight *out, bmd_error *err)
{
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "fly: no flight to fill (out is NULL)");
    memset(out, 0, sizeof *out);
    if (!earth || !missile || !launch)
        return bmd_error_set(err, BMD_EINVAL, "fly: earth, missile and launch point required");
    bmd_aim_fly_options o;
    int st = resolve_options(opt, &o, err);
    if (st)
        return st;
    if (!(fabs(launch->lat_rad) <= 0.5 * M_PI) || !isfinite(launch->lon_rad) ||
        !(fabs(target_lat_rad) <= 0.5 * M_PI) || !isfinite(target_lon_rad))
        return bmd_error_set(err, BMD_EINVAL, "fly: launch (%g, %g) or target (%g, %g) rad is "
                             "not a point", launch->lat_rad, launch->lon_rad, target_lat_rad,
                             target_lon_rad);
    double az;
    bmd_geodesy_inverse(earth, launch->lat_rad, launch->lon_rad, target_lat_rad, target_lon_rad,
                        &out->target_distance_m, &az, NULL);
    if (!(out->target_distance_m >= MIN_TARGET_DISTANCE_M))
        return bmd_error_set(err, BMD_EINVAL, "fly: the target is %.0f m from the launch point "
                             "(at least %.0f m)", out->target_distance_m, MIN_TARGET_DISTANCE_M);
    bmd_aim_result base, aim;
    int warm_flights = 0, warm_ok = 0;
    if (o.warm_plan && o.shape == BMD_AIM_MIN_ENERGY && o.steering == BMD_AIM_STEER_AUTO) {
        /* warm: the nominal's solution first; not converged to the tolerances: cold */
        memset(&aim, 0, sizeof aim);
        st = bmd_aim_target_warm(earth, missile, o.warm_plan, launch, target_lat_rad,
                                 target_lon_rad, o.aim_tolerance_m, &aim, err);
        if (st == BMD_ENOMEM) {
            memset(out, 0, sizeof *out);
            return st;
        }
        warm_ok = st == BMD_SUCCESS;
        base.evaluations = 0;
        warm_flights = aim.evaluations;
        bmd_error_clear(err);
    }
    if (!warm_ok) {
        st = bmd_aim_fly_base(earth, missile, launch, az, &o, &base, err);
        if (!st)
            st = bmd_aim_target(earth, missile, o.shape, &base.plan, launch, target_lat_rad,
                                target_lon_rad, o.aim_tolerance_m, NULL, &aim, err);
        base.evaluations += warm_flights;
    }
    if (st) {
        memset(out, 0, sizeof *out);
        return st;
    }
    out->evaluations = base.evaluations + aim.evaluations;
    out->max_range_m = aim.max_range_m;
    out->reachable = aim.reachable;
    out->miss_m = aim.miss_m;
    out->plan = aim.plan;
    out->summary = aim.summary;
    if (!aim.reachable || !traj)
        return BMD_SUCCESS;
    bmd_flight_options fo;
    bmd_flight_options_init(&fo);
    fo.sample_interval_s = o.sample_interval_s;
    st = bmd_trajectory_fly(earth, missile, &aim.plan, launch->lat_rad, launch->lon_rad,
                            launch->height_m, &fo, &out->summary, &out->traj, err);
    if (st) {
        bmd_trajectory_free(&out->traj);
        memset(out, 0, sizeof *out);
    }
    return st;
}
