/* One aimed flight of a missile at a target (bmd/analysis.h): bmd_aim_fly_to (the one threat
 * flight of every command) with the analysis' options. Shared by the analysis runner and the flag
 * forms of `bmdsim engage` and `bmdsim sensor`. */
#include <math.h>
#include <string.h>

#include "bmd/analysis.h"


/* Check the options (zeros keep the defaults already in *tol_m and *dt_s) and fill the values
 * used. */
static int flight_settings(const bmd_analysis_flight_options *opt, double *tol_m, double *dt_s,
                           bmd_error *err)
{
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
    bmd_aim_fly_options fo;
    bmd_aim_fly_options_init(&fo);
    int st = flight_settings(opt, &fo.aim_tolerance_m, &fo.sample_interval_s, err);
    if (st)
        return st;
    fo.shape = shape;
    bmd_site launch = {from_lat_rad, from_lon_rad, from_height_m};
    bmd_aim_flight f;
    if ((st = bmd_aim_fly_to(earth, missile, &launch, to_lat_rad, to_lon_rad, &fo, 1, &f, err)))
        return st;
    out->max_range_m = f.max_range_m;
    out->reachable = f.reachable;
    if (!f.reachable)
        return BMD_SUCCESS;
    out->miss_m = f.miss_m;
    out->plan = f.plan;
    out->summary = f.summary;
    out->traj = f.traj;
    return BMD_SUCCESS;
}

void bmd_analysis_flight_free(bmd_analysis_flight *flight)
{
    if (flight)
        bmd_trajectory_free(&flight->traj);
}
