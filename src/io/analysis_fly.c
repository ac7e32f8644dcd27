/* One aimed flight of a missile at a target (bmd/analysis.h): the max-range plan, the aim, then the
 * flight of the plan found as a time series. Shared by the analysis runner and the flag forms of
 * `bmdsim engage` and `bmdsim sensor`. */
#include <math.h>
#include <string.h>

#include "bmd/analysis.h"

#define DEFAULT_AIM_TOLERANCE_M 100.0
#define DEFAULT_SAMPLE_INTERVAL_S 2.0

/* Check the options (zeros mean the defaults) and fill the values used. */
static int flight_settings(const bmd_analysis_flight_options *opt, double *tol_m, double *dt_s,
                           bmd_error *err)
{
    *tol_m = DEFAULT_AIM_TOLERANCE_M;
    *dt_s = DEFAULT_SAMPLE_INTERVAL_S;
    if (!opt)
        return BMD_SUCCESS;
    if (!(opt->aim_tolerance_m >= 0) || !isfinite(opt->aim_tolerance_m))
        return bmd_error_set(err, BMD_EINVAL, "aim tolerance %g m must be a finite number >= 0 "
                             "(0: the default 100 m)", opt->aim_tolerance_m);
    if (!(opt->sample_interval_s >= 0) || !isfinite(opt->sample_interval_s))
        return bmd_error_set(err, BMD_EINVAL, "sample interval %g s must be a finite number >= 0 "
                             "(0: the default 2 s)", opt->sample_interval_s);
    if (opt->aim_tolerance_m > 0)
        *tol_m = opt->aim_tolerance_m;
    if (opt->sample_interval_s > 0)
        *dt_s = opt->sample_interval_s;
    return BMD_SUCCESS;
}

int bmd_analysis_fly(const bmd_earth *earth, const bmd_missile *missile, bmd_aim_shape shape,
                     double from_lat_rad, double from_lon_rad, double from_height_m,
                     double to_lat_rad, double to_lon_rad, const bmd_analysis_flight_options *opt,
                     bmd_analysis_flight *out, bmd_error *err)
{
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "no flight to fill (out is NULL)");
    memset(out, 0, sizeof *out);
    if (!earth || !missile)
        return bmd_error_set(err, BMD_EINVAL, "no Earth model or missile (NULL)");
    double tol_m, dt_s;
    int st = flight_settings(opt, &tol_m, &dt_s, err);
    if (st)
        return st;
    bmd_site launch = {from_lat_rad, from_lon_rad, from_height_m};
    bmd_plan base;
    bmd_plan_default(&base);
    bmd_aim_result maxr, aim;
    st = bmd_aim_max_range(earth, missile, &base, &launch, NULL, &maxr, err);
    if (!st)
        st = bmd_aim_target(earth, missile, shape, &maxr.plan, &launch, to_lat_rad, to_lon_rad,
                            tol_m, NULL, &aim, err);
    if (st)
        return st;
    out->max_range_m = aim.max_range_m;
    out->reachable = aim.reachable;
    if (!aim.reachable)
        return BMD_SUCCESS;
    out->miss_m = aim.miss_m;
    out->plan = aim.plan;
    bmd_flight_options fo;
    bmd_flight_options_default(&fo);
    fo.sample_interval_s = dt_s;
    st = bmd_trajectory_fly(earth, missile, &aim.plan, launch.lat_rad, launch.lon_rad,
                            launch.height_m, &fo, &out->summary, &out->traj, err);
    if (st) {
        bmd_trajectory_free(&out->traj);
        memset(out, 0, sizeof *out);
    }
    return st;
}

void bmd_analysis_flight_free(bmd_analysis_flight *flight)
{
    if (flight)
        bmd_trajectory_free(&flight->traj);
}
