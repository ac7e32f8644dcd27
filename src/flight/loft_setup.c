/* The loft fit's inputs (see include/bmd/loft.h): defaults and bounds, the scaled missile, the
 * thrust-to-weight ratio of its stages, and checks of the observation and setup that name the
 * field in the units an analyst types (km, s). */
#include <math.h>
#include <string.h>

#include "bmd/units.h"
#include "bmd/loft.h"
#include "flight/loft_internal.h"

/* Bounds: the catalogue's liquid stages span lift-off 1.58 (hwasong-15-class) to 2.62 (no-dong)
 * in vacuum thrust over weight, Titan II about 1.4 (docs/physics.md); solid first stages 2.6
 * (minuteman-3) to 2.8 (rs-24-yars-class), upper stages 2.3-3.5. */
void bmd_loft_bounds_liquid(bmd_loft_bounds *b)
{
    *b = (bmd_loft_bounds){1.3, 2.7, 0.6, 2.5, 0.25, 4.0};
}

void bmd_loft_bounds_solid(bmd_loft_bounds *b)
{
    *b = (bmd_loft_bounds){1.8, 3.6, 1.2, 4.0, 0.25, 4.0};
}

void bmd_loft_setup_init(bmd_loft_setup *s)
{
    memset(s, 0, sizeof *s);
    s->azimuth_rad = 0.5 * M_PI;
    s->steering = BMD_STEER_PITCH_PROGRAM;
    s->vertical_rise_s = 5.0;
    s->payload_kg = NAN;
    s->size_scale = 1.0;
    s->upper_split = 1.0;
    bmd_loft_bounds_liquid(&s->bounds);
}

int bmd_loft_scale_missile(const bmd_missile *template_missile, double propellant_scale,
                           double burn_time_scale, bmd_missile *out, bmd_error *err)
{
    if (!template_missile || !out)
        return bmd_error_set(err, BMD_EINVAL, "loft scale: missile and output required");
    if (!(propellant_scale > 0.0) || !isfinite(propellant_scale))
        return bmd_error_set(err, BMD_EINVAL, "propellant scale %g must be positive and finite",
                             propellant_scale);
    if (!(burn_time_scale > 0.0) || !isfinite(burn_time_scale))
        return bmd_error_set(err, BMD_EINVAL, "burn-time scale %g must be positive and finite",
                             burn_time_scale);
    int rc = bmd_missile_validate(template_missile, err);
    if (rc)
        return rc;
    *out = *template_missile;
    for (int i = 0; i < out->n_stages; i++) {
        bmd_stage *s = &out->stages[i];
        s->propellant_mass_kg *= propellant_scale;
        s->dry_mass_kg *= propellant_scale;
        s->burn_time_s *= burn_time_scale;
        for (int k = 0; k < s->thrust_vacuum_n.n; k++) {
            s->thrust_vacuum_n.x[k] *= burn_time_scale;
            s->thrust_vacuum_n.y[k] *= propellant_scale / burn_time_scale;
        }
        /* the nozzle exit area scales with the thrust, keeping the pressure loss proportional */
        s->nozzle_exit_area_m2 *= propellant_scale / burn_time_scale;
    }
    return BMD_SUCCESS;
}

void bmd_loft_stage_tw(const bmd_missile *m, double tw[BMD_MAX_STAGES])
{
    double above = m->payload.rv_mass_kg + m->payload.bus_mass_kg + m->payload.shroud_mass_kg;
    for (int i = m->n_stages - 1; i >= 0; i--) {
        const bmd_stage *s = &m->stages[i];
        above += s->propellant_mass_kg + s->dry_mass_kg;
        double thrust = s->isp_vacuum_s * BMD_G0_M_S2 * s->propellant_mass_kg / s->burn_time_s;
        tw[i] = thrust / (above * BMD_G0_M_S2);
    }
}

int bmd_loft_base_missile(const bmd_missile *tpl, const bmd_loft_setup *setup, bmd_missile *out,
                          bmd_error *err)
{
    int rc = bmd_missile_validate(tpl, err);
    if (rc)
        return rc;
    *out = *tpl;
    if (!isnan(setup->payload_kg))
        out->payload.rv_mass_kg = setup->payload_kg;
    for (int i = 1; i < out->n_stages; i++) {
        bmd_stage *s = &out->stages[i];
        s->propellant_mass_kg *= setup->upper_split;
        s->dry_mass_kg *= setup->upper_split;
        s->burn_time_s *= setup->upper_split;
        for (int k = 0; k < s->thrust_vacuum_n.n; k++)
            s->thrust_vacuum_n.x[k] *= setup->upper_split;
    }
    return BMD_SUCCESS;
}

/* A positive, finite number. */
static int positive(double x)
{
    return x > 0.0 && isfinite(x);
}

int bmd_loft_check_inputs(const bmd_earth *earth, const bmd_loft_setup *setup,
                          const bmd_loft_observation *obs, bmd_error *err)
{
    double radius = bmd_earth_mean_radius_m(earth);
    if (!(obs->apogee_m >= 10e3 && obs->apogee_m <= 4.0 * radius))
        return bmd_error_set(err, BMD_EINVAL, "observed apogee %.1f km is out of range: the loft "
                             "estimate accepts 10 to %.0f km", obs->apogee_m / 1e3,
                             4.0 * radius / 1e3);
    double half = M_PI * radius;
    if (!(obs->range_m >= 1e3 && obs->range_m < 0.5 * half))
        return bmd_error_set(err, BMD_EINVAL, "observed ground range %.1f km is out of range: a "
                             "lofted test accepts 1 to %.0f km (a quarter of the circumference)",
                             obs->range_m / 1e3, 0.5 * half / 1e3);
    if (!(obs->range_m < 2.0 * obs->apogee_m + 2000e3))
        return bmd_error_set(err, BMD_EINVAL, "observed ground range %.1f km is long for an apogee "
                             "of %.1f km: a lofted test has a range below about twice its apogee "
                             "(use the Kepler estimate for a standard trajectory)",
                             obs->range_m / 1e3, obs->apogee_m / 1e3);
    if (!isnan(obs->flight_time_s) && obs->flight_time_s != 0.0 &&
        !(obs->flight_time_s >= 60.0 && obs->flight_time_s <= 20000.0))
        return bmd_error_set(err, BMD_EINVAL, "observed flight time %.0f s (%.1f min) is out of "
                             "range: 60 to 20,000 s are accepted", obs->flight_time_s,
                             obs->flight_time_s / 60.0);
    if (!(fabs(setup->site.lat_rad) <= 0.5 * M_PI) || !isfinite(setup->site.lon_rad))
        return bmd_error_set(err, BMD_EINVAL, "launch point (%g, %g) deg is not on the Earth",
                             setup->site.lat_rad * BMD_DEG_PER_RAD, setup->site.lon_rad * BMD_DEG_PER_RAD);
    if (!positive(setup->vertical_rise_s))
        return bmd_error_set(err, BMD_EINVAL, "vertical rise %g s must be positive",
                             setup->vertical_rise_s);
    if (!isfinite(setup->azimuth_rad))
        return bmd_error_set(err, BMD_EINVAL, "bearing of the test is not finite");
    if (setup->steering != BMD_STEER_GRAVITY_TURN && setup->steering != BMD_STEER_PITCH_PROGRAM)
        return bmd_error_set(err, BMD_EINVAL, "steering %d is unknown", (int)setup->steering);
    if (!isnan(setup->payload_kg) && !(setup->payload_kg >= 1.0 && setup->payload_kg <= 1e5))
        return bmd_error_set(err, BMD_EINVAL, "test payload %g kg is out of range: 1 to 100,000 kg",
                             setup->payload_kg);
    if (!(setup->size_scale >= 0.1 && setup->size_scale <= 10.0))
        return bmd_error_set(err, BMD_EINVAL, "vehicle size scale %g is out of range: 0.1 to 10",
                             setup->size_scale);
    if (!(setup->upper_split >= 0.2 && setup->upper_split <= 5.0))
        return bmd_error_set(err, BMD_EINVAL, "stage split factor %g is out of range: 0.2 to 5",
                             setup->upper_split);
    const bmd_loft_bounds *b = &setup->bounds;
    if (!(positive(b->liftoff_tw_min) && b->liftoff_tw_min > 1.0 &&
          b->liftoff_tw_max > b->liftoff_tw_min && isfinite(b->liftoff_tw_max)))
        return bmd_error_set(err, BMD_EINVAL, "lift-off thrust-to-weight bounds %g to %g: need "
                             "1 < min < max", b->liftoff_tw_min, b->liftoff_tw_max);
    if (!(positive(b->upper_tw_min) && b->upper_tw_max > b->upper_tw_min &&
          isfinite(b->upper_tw_max)))
        return bmd_error_set(err, BMD_EINVAL, "upper-stage thrust-to-weight bounds %g to %g: need "
                             "0 < min < max", b->upper_tw_min, b->upper_tw_max);
    if (!(positive(b->size_min) && b->size_max >= b->size_min && isfinite(b->size_max)))
        return bmd_error_set(err, BMD_EINVAL, "size bounds %g to %g: need 0 < min <= max",
                             b->size_min, b->size_max);
    return BMD_SUCCESS;
}
