/* bmdsim loft --full — range from a lofted test with the full flight model: fit a notional
 * missile (a scaled catalogue template) to the observed apogee, range and flight time on a
 * non-rotating Earth, fly it on a max-range plan, and for each --toward target find the range
 * along that bearing with rotation (library: bmd/loft.h, bmd/aim.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "bmd/geodesy.h"
#include "bmd/loft.h"
#include "common.h"

#define MAX_TOWARD 4

/* One --toward target and what the fitted missile does along its bearing. */
typedef struct toward {
    double lat, lon, dist_m;
    bmd_aim_result res;
    char key[6][32];
} toward;

/* Everything loft --full computes. */
typedef struct loft_run {
    bmd_catalog_missile tpl;
    bmd_loft_observation obs;
    bmd_loft_setup setup;
    bmd_loft_fit fit;
    bmd_aim_result max;          /* max-range plan, non-rotating Earth */
    toward tw[MAX_TOWARD];
    int n_toward;
    char stage_key[BMD_MAX_STAGES][32];
    char stage_label[BMD_MAX_STAGES][48];
} loft_run;

/* Read the observation and the setup. */
static int read_inputs(const cli_args *a, loft_run *r)
{
    double apogee_km, range_km, t_s, bearing;
    if (cli_number(a, "apogee", 0, 0, 1, 1e5, 0, "km", &apogee_km) ||
        cli_number(a, "range", 0, 0, 1, 20000, 0, "km", &range_km) ||
        cli_number(a, "flight-time", NAN, 0, 1, 1e5, 0, "s", &t_s) ||
        cli_number(a, "bearing", 90, -360, 0, 360, 0, "deg", &bearing))
        return CLI_USAGE;
    r->obs = (bmd_loft_observation){apogee_km * 1e3, range_km * 1e3, t_s};
    int st = cli_latlon(a, "from", 0, 0, &r->setup.site.lat_rad, &r->setup.site.lon_rad);
    if (st)
        return st;
    const char *targets[MAX_TOWARD];
    int n = cli_all(a, "toward", targets, MAX_TOWARD);
    if (n > MAX_TOWARD) {
        cli_complain(a->command, "--toward given %d times; at most %d", n, MAX_TOWARD);
        return CLI_USAGE;
    }
    for (int i = 0; i < n; i++)
        if ((st = cli_parse_latlon(a->command, "toward", targets[i], &r->tw[i].lat,
                                   &r->tw[i].lon)))
            return st;
    r->n_toward = n;
    const char *tpl = cli_text(a, "template");
    if ((st = cli_load_missile(a, tpl ? tpl : "hwasong-14-class", &r->tpl)))
        return st;
    bmd_plan base;
    if ((st = cli_base_plan(a, &r->tpl.missile, BMD_STEER_PITCH_PROGRAM, bmd_deg_to_rad(bearing),
                            &base)))
        return st;
    r->setup.azimuth_rad = base.azimuth_rad;
    r->setup.steering = base.steering;
    r->setup.vertical_rise_s = base.vertical_rise_s;
    return CLI_OK;
}

/* Fit, max range without rotation, and the targets with rotation. */
static int compute(const cli_args *a, loft_run *r)
{
    bmd_earth still, turning;
    bmd_earth_init_wgs84(&still);
    still.omega_rad_s = 0.0;
    bmd_earth_init_wgs84(&turning);
    bmd_error err;
    int st = bmd_loft_fit_missile(&still, &r->tpl.missile, &r->setup, &r->obs, NULL, &r->fit, &err);
    if (st)
        return cli_library_failure(a->command, st, &err);
    bmd_plan base = r->fit.plan;
    if ((st = bmd_aim_max_range(&still, &r->fit.missile, &base, &r->setup.site, NULL, &r->max,
                                &err)))
        return cli_library_failure(a->command, st, &err);
    bmd_aim_result rot_max;
    for (int i = 0; i < r->n_toward; i++) {
        toward *t = &r->tw[i];
        bmd_geodesy_inverse(&turning, r->setup.site.lat_rad, r->setup.site.lon_rad, t->lat, t->lon,
                            &t->dist_m, &base.azimuth_rad, NULL);
        if (t->dist_m < 1e3) {
            cli_complain(a->command, "--toward: target %d is at the launch point", i + 1);
            return CLI_USAGE;
        }
        if (i == 0 && (st = bmd_aim_max_range(&turning, &r->fit.missile, &base, &r->setup.site,
                                              NULL, &rot_max, &err)))
            return cli_library_failure(a->command, st, &err);
        if ((st = bmd_aim_target(&turning, &r->fit.missile, BMD_AIM_MIN_ENERGY, &rot_max.plan,
                                 &r->setup.site, t->lat, t->lon, 100.0, NULL, &t->res, &err)))
            return cli_library_failure(a->command, st, &err);
    }
    return CLI_OK;
}

/* The record: observation, fitted missile and lofted flight, max range, targets. */
static int report(const cli_args *a, loft_run *r)
{
    const bmd_missile *m = &r->fit.missile;
    const bmd_flight_summary *lf = &r->fit.summary, *mx = &r->max.summary;
    char title[256];
    snprintf(title, sizeof title, "Lofted test, full model: %s scaled to fit (WGS84 Earth, not "
             "rotating)", r->tpl.missile.name);
    cli_record rec = {.title = title};
    cli_record_text(&rec, "model", "model", "full");
    cli_record_text(&rec, "template", "template", r->tpl.missile.name);
    cli_record_number(&rec, "apogee_km", "observed apogee altitude", r->obs.apogee_m / 1e3, "km", 1);
    cli_record_number(&rec, "range_km", "observed ground range", r->obs.range_m / 1e3, "km", 1);
    if (!isnan(r->obs.flight_time_s))
        cli_record_number(&rec, "observed_flight_time_s", "observed flight time",
                          r->obs.flight_time_s, "s", 1);
    cli_record_number(&rec, "propellant_scale", "fitted propellant (and dry mass) scale",
                      r->fit.propellant_scale, "", 4);
    cli_record_number(&rec, "burn_time_scale", "fitted burn-time scale", r->fit.burn_time_scale,
                      "", 4);
    for (int i = 0; i < m->n_stages; i++) {
        snprintf(r->stage_key[i], sizeof r->stage_key[i], "stage%d_propellant_kg", i + 1);
        snprintf(r->stage_label[i], sizeof r->stage_label[i], "stage %d propellant (burn %.1f s)",
                 i + 1, m->stages[i].burn_time_s);
        cli_record_number(&rec, r->stage_key[i], r->stage_label[i],
                          m->stages[i].propellant_mass_kg, "kg", 0);
    }
    cli_record_number(&rec, "payload_kg", "payload (RV, bus, shroud; kept)",
                      m->payload.rv_mass_kg + m->payload.bus_mass_kg + m->payload.shroud_mass_kg,
                      "kg", 0);
    cli_record_number(&rec, "launch_mass_kg", "launch mass", bmd_missile_launch_mass_kg(m), "kg", 0);
    cli_record_text(&rec, "steering", "steering",
                    r->fit.plan.steering == BMD_STEER_PITCH_PROGRAM ? "pitch-program"
                                                                    : "gravity-turn");
    if (r->fit.plan.steering == BMD_STEER_PITCH_PROGRAM)
        cli_record_number(&rec, "loft_pitch_final_deg", "lofted plan: final pitch",
                          bmd_rad_to_deg(r->fit.plan.pitch_final_rad), "deg", 3);
    else
        cli_record_number(&rec, "loft_kick_deg", "lofted plan: kick",
                          bmd_rad_to_deg(r->fit.plan.kick_rad), "deg", 3);
    cli_record_number(&rec, "flight_time_s", "lofted flight time", lf->flight_time_s, "s", 1);
    cli_record_number(&rec, "burnout_speed_km_s", "lofted burnout speed", lf->burnout_speed_m_s / 1e3,
                      "km/s", 4);
    cli_record_number(&rec, "burnout_angle_deg", "lofted burnout angle",
                      bmd_rad_to_deg(lf->burnout_flight_path_rad), "deg", 3);
    cli_record_number(&rec, "burnout_altitude_km", "lofted burnout altitude",
                      lf->burnout_altitude_m / 1e3, "km", 1);
    cli_record_number(&rec, "max_range_km", "max range, no rotation", r->max.max_range_m / 1e3, "km",
                      1);
    cli_record_number(&rec, "max_range_burnout_speed_km_s", "its burnout speed",
                      mx->burnout_speed_m_s / 1e3, "km/s", 4);
    cli_record_number(&rec, "max_range_burnout_angle_deg", "its burnout angle",
                      bmd_rad_to_deg(mx->burnout_flight_path_rad), "deg", 3);
    cli_record_number(&rec, "max_range_apogee_km", "its apogee altitude", mx->apogee_altitude_m / 1e3,
                      "km", 1);
    cli_record_number(&rec, "max_range_flight_time_s", "its flight time", mx->flight_time_s, "s", 1);
    for (int i = 0; i < r->n_toward; i++) {
        toward *t = &r->tw[i];
        static const char *fmt[5] = {"toward%d_lat", "toward%d_lon", "toward%d_distance_km",
                                     "toward%d_max_range_km", "toward%d_reachable"};
        for (int k = 0; k < 5; k++)
            snprintf(t->key[k], sizeof t->key[k], fmt[k], i + 1);
        snprintf(t->key[5], sizeof t->key[5], "target %d", i + 1);
        cli_record_number(&rec, t->key[0], t->key[5], bmd_rad_to_deg(t->lat), "deg lat", 4);
        cli_record_number(&rec, t->key[1], "  longitude", bmd_rad_to_deg(t->lon), "deg", 4);
        cli_record_number(&rec, t->key[2], "  distance", t->dist_m / 1e3, "km", 1);
        cli_record_number(&rec, t->key[3], "  max range along its bearing (rotating)",
                          t->res.max_range_m / 1e3, "km", 1);
        cli_record_bool(&rec, t->key[4], "  within reach", t->res.reachable);
    }
    cli_record_number(&rec, "evaluations", "trajectories flown (fit)", r->fit.evaluations, "", 0);
    return cli_record_print(&rec, cli_has(a, "json"), stdout);
}

int cli_loft_full(const cli_args *a)
{
    if (cli_has(a, "altitude") || cli_has(a, "earth-radius")) {
        cli_complain(a->command, "--%s is for the Kepler inference, not --full",
                     cli_has(a, "altitude") ? "altitude" : "earth-radius");
        return CLI_USAGE;
    }
    loft_run *r = calloc(1, sizeof *r);
    if (!r)
        return CLI_FAILED;
    int st = read_inputs(a, r);
    if (!st)
        st = compute(a, r);
    if (!st)
        st = report(a, r);
    free(r);
    return st;
}
