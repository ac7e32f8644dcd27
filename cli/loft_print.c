/* The output of bmdsim loft --full: a table for people, one JSON object for scripts. Both say
 * which observations were matched and how well, the band and what moves it, and the direction the
 * answer refers to. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "loft_cli.h"

/* Unit and scale of an input's values for people (value in SI times scale). */
static void input_unit(int i, const char **unit, double *scale)
{
    static const char *units[BMD_LOFT_N_INPUTS] = {"min", "km", "kg", "x", "x"};
    static const double scales[BMD_LOFT_N_INPUTS] = {1.0 / 60.0, 1e-3, 1.0, 1.0, 1.0};
    *unit = units[i];
    *scale = scales[i];
}

/* "7,123 km" or "any point on the Earth". */
static const char *range_text(double m, int any_point, char *buf, size_t n)
{
    if (any_point)
        snprintf(buf, n, "any point on the Earth");
    else if (isnan(m))
        snprintf(buf, n, "no fit");
    else
        snprintf(buf, n, "%.0f km", m / 1e3);
    return buf;
}

static const char *steering_name(bmd_steering s)
{
    return s == BMD_STEER_PITCH_PROGRAM ? "pitch-program" : "gravity-turn";
}

int cli_loft_print_text(const cli_loft_run *r)
{
    const bmd_loft_estimate *e = &r->est;
    const bmd_loft_fit *f = &e->fit;
    const bmd_missile *m = &f->missile;
    const bmd_loft_bounds *bd = &r->setup.bounds;
    const bmd_flight_summary *lf = &f->summary, *sf = &e->standard.summary;
    char b1[64], b2[64];
    printf("Range from a lofted test, full model: %s\n", r->test ? r->test->label : "the observation given");
    if (r->test)
        printf("  observed (%s)\n", r->test->observation_source);
    printf("  observed apogee %.1f km, ground range %.1f km", r->obs.apogee_m / 1e3,
           r->obs.range_m / 1e3);
    if (!isnan(r->obs.flight_time_s))
        printf(", flight time %.1f min (%.0f s)", r->obs.flight_time_s / 60.0,
               r->obs.flight_time_s);
    printf("\n\nFitted vehicle: %s (catalogue template, %s; test payload %.0f kg, an "
           "assumption)\n", r->tpl.missile.name, r->template_note, m->payload.rv_mass_kg);
    printf("  size %.3f x the template's propellant and dry mass (%s); burn times x %.3f\n",
           f->propellant_scale, f->size_fitted ? "fitted: a thrust-to-weight bound was reached"
                                               : "held at the size the flight time chose; the burn time was fitted",
           f->burn_time_scale);
    for (int i = 0; i < m->n_stages; i++)
        printf("  stage %d: propellant %7.0f kg, burn %6.1f s, thrust-to-weight %.2f at "
               "ignition (bounds %.2f-%.2f)%s\n", i + 1, m->stages[i].propellant_mass_kg,
               m->stages[i].burn_time_s, f->stage_tw[i], i ? bd->upper_tw_min : bd->liftoff_tw_min,
               i ? bd->upper_tw_max : bd->liftoff_tw_max,
               f->size_fitted && f->bound_stage == i ? "  <- at its bound" : "");
    printf("  launch mass %.0f kg; steering %s\n", bmd_missile_launch_mass_kg(m),
           steering_name(f->plan.steering));
    printf("  matched: apogee %.1f km (%+.3f km), ground range %.1f km (%+.3f km)\n",
           lf->apogee_altitude_m / 1e3, f->apogee_error_m / 1e3, lf->ground_range_m / 1e3,
           f->range_error_m / 1e3);
    if (!isnan(f->flight_time_error_s))
        printf("  check:   flight time %.1f min against %.1f min observed (%+.1f min; not fitted, "
               "it chooses the size: %.3f)\n", lf->flight_time_s / 60.0,
               r->obs.flight_time_s / 60.0, f->flight_time_error_s / 60.0, e->chosen_size);
    else
        printf("  check:   flight time %.1f min (none observed)\n", lf->flight_time_s / 60.0);
    printf("  lofted burnout: altitude %.0f km, speed %.3f km/s, angle %.1f deg\n",
           lf->burnout_altitude_m / 1e3, lf->burnout_speed_m_s / 1e3,
           bmd_rad_to_deg(lf->burnout_flight_path_rad));

    printf("\nStandard trajectory (maximum range; non-rotating Earth, so the same in every "
           "direction)\n");
    printf("  range %s", range_text(e->range_m, e->any_point, b1, sizeof b1));
    printf("   band %.0f-%s\n", e->band_low_m / 1e3,
           e->band_high_m >= 0.995 * e->half_circumference_m
               ? " any point on the Earth"
               : range_text(e->band_high_m, 0, b2, sizeof b2));
    if (e->any_point)
        printf("  the standard burnout speed %.3f km/s reaches circular speed (%.3f km/s at "
               "burnout): on a standard trajectory this missile could reach any point on the "
               "Earth with %.0f kg\n", sf->burnout_inertial_speed_m_s / 1e3,
               e->standard_circular_speed_m_s / 1e3, m->payload.rv_mass_kg);
    else
        printf("  burnout %.3f km/s at %.1f deg, %.0f km up; apogee %.0f km; flight %.1f min\n",
               sf->burnout_speed_m_s / 1e3, bmd_rad_to_deg(sf->burnout_flight_path_rad),
               sf->burnout_altitude_m / 1e3, sf->apogee_altitude_m / 1e3,
               sf->flight_time_s / 60.0);
    printf("\nBand: each input moved alone (others central), deviations added in quadrature\n");
    printf("  %-14s %12s %12s %16s %16s\n", "input", "low", "high", "range (low)", "range (high)");
    for (int i = 0; i < BMD_LOFT_N_INPUTS; i++) {
        const bmd_loft_contribution *c = &e->inputs[i];
        const char *unit;
        double sc;
        input_unit(i, &unit, &sc);
        if (!c->evaluated) {
            printf("  %-14s %s\n", bmd_loft_input_name(i),
                   f->size_fitted ? "not varied: the size was fitted at a thrust-to-weight bound"
                   : i == BMD_LOFT_IN_FLIGHT_TIME ? "not varied: no flight time observed"
                                                  : "not varied: no fit");
            continue;
        }
        printf("  %-14s %8.2f %-3s %8.2f %-3s %16s %16s\n", bmd_loft_input_name(i),
               c->input_low * sc, unit, c->input_high * sc, unit,
               range_text(c->range_low_m, c->any_point_low, b1, sizeof b1),
               range_text(c->range_high_m, c->any_point_high, b2, sizeof b2));
    }
    if (e->dominant >= 0)
        printf("  moves the answer most: %s\n", bmd_loft_input_name(e->dominant));

    printf("\nSame vehicle carrying another warhead (standard range):");
    for (int i = 0; i < 3; i++)
        printf("%s %.0f kg: %s", i ? ";" : "", r->warhead_kg[i],
               range_text(r->warhead_range_m[i], r->warhead_any_point[i], b1, sizeof b1));
    printf("\n\nKepler estimate from the fitted burnout altitude %.0f km: burnout speed %.3f km/s "
           "(circular %.3f)", r->kepler_altitude_m / 1e3, r->kepler.burnout_speed_m_s / 1e3,
           r->kepler.circular_speed_m_s / 1e3);
    if (r->kepler.any_point)
        printf(": orbital, so any point on the Earth\n");
    else
        printf(", minimum-energy range %.0f km\n",
               r->kepler.max_range_angle_rad * (e->half_circumference_m / M_PI) / 1e3);

    printf("\nToward targets from %s (%.2f, %.2f deg), rotating Earth, %.0f kg\n",
           r->test ? r->test->site : "the launch point", bmd_rad_to_deg(r->setup.site.lat_rad),
           bmd_rad_to_deg(r->setup.site.lon_rad), m->payload.rv_mass_kg);
    for (int i = 0; i < r->n_targets; i++) {
        const cli_loft_target *t = &r->targets[i];
        printf("  %-16s %7.0f km at %5.1f deg: range along the bearing %s, %s\n", t->label,
               t->distance_m / 1e3, bmd_rad_to_deg(t->bearing_rad),
               range_text(t->max_range_m, t->any_point, b1, sizeof b1),
               t->reachable ? "within reach" : "out of reach");
    }
    if (r->test)
        printf("\nPublished: %s; bmdsim central %s\n", r->test->published,
               range_text(e->range_m, e->any_point, b1, sizeof b1));
    printf("(%d trajectories flown)\n", e->evaluations);
    return ferror(stdout) ? CLI_FAILED : CLI_OK;
}

/* Rounded to 0.1 m / 0.1 s etc. in km: keeps the JSON short and deterministic. */
static double km(double m)
{
    return round(m) / 1e3;
}

int cli_loft_print_json(const cli_loft_run *r)
{
    const bmd_loft_estimate *e = &r->est;
    const bmd_loft_fit *f = &e->fit;
    const bmd_missile *m = &f->missile;
    const bmd_flight_summary *lf = &f->summary, *sf = &e->standard.summary;
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "model", "full");
    if (r->test)
        cJSON_AddStringToObject(o, "test", r->test->name);
    cJSON_AddStringToObject(o, "template", r->tpl.missile.name);
    cJSON_AddStringToObject(o, "template_choice", r->template_note);
    cJSON_AddNumberToObject(o, "apogee_km", r->obs.apogee_m / 1e3);
    cJSON_AddNumberToObject(o, "range_km", r->obs.range_m / 1e3);
    if (!isnan(r->obs.flight_time_s))
        cJSON_AddNumberToObject(o, "observed_flight_time_s", r->obs.flight_time_s);
    cJSON_AddNumberToObject(o, "payload_kg", m->payload.rv_mass_kg);
    cJSON_AddNumberToObject(o, "propellant_scale", round(f->propellant_scale * 1e4) / 1e4);
    cJSON_AddBoolToObject(o, "size_fitted", f->size_fitted);
    cJSON_AddNumberToObject(o, "burn_time_scale", round(f->burn_time_scale * 1e4) / 1e4);
    cJSON_AddNumberToObject(o, "chosen_size", round(e->chosen_size * 1e4) / 1e4);
    cJSON *stages = cJSON_AddArrayToObject(o, "stages");
    for (int i = 0; i < m->n_stages; i++) {
        cJSON *s = cJSON_CreateObject();
        cJSON_AddNumberToObject(s, "propellant_kg", round(m->stages[i].propellant_mass_kg));
        cJSON_AddNumberToObject(s, "dry_kg", round(m->stages[i].dry_mass_kg));
        cJSON_AddNumberToObject(s, "burn_s", round(m->stages[i].burn_time_s * 100) / 100);
        cJSON_AddNumberToObject(s, "thrust_to_weight", round(f->stage_tw[i] * 1e4) / 1e4);
        cJSON_AddNumberToObject(s, "tw_min", i ? r->setup.bounds.upper_tw_min
                                               : r->setup.bounds.liftoff_tw_min);
        cJSON_AddNumberToObject(s, "tw_max", i ? r->setup.bounds.upper_tw_max
                                               : r->setup.bounds.liftoff_tw_max);
        cJSON_AddBoolToObject(s, "at_bound", f->size_fitted && f->bound_stage == i);
        cJSON_AddItemToArray(stages, s);
    }
    cJSON_AddNumberToObject(o, "launch_mass_kg", round(bmd_missile_launch_mass_kg(m)));
    cJSON_AddStringToObject(o, "steering", steering_name(f->plan.steering));
    cJSON *mt = cJSON_AddObjectToObject(o, "matched");
    cJSON_AddNumberToObject(mt, "apogee_km", km(lf->apogee_altitude_m));
    cJSON_AddNumberToObject(mt, "apogee_error_km", round(f->apogee_error_m) / 1e3);
    cJSON_AddNumberToObject(mt, "range_km", km(lf->ground_range_m));
    cJSON_AddNumberToObject(mt, "range_error_km", round(f->range_error_m) / 1e3);
    cJSON_AddNumberToObject(o, "flight_time_s", round(lf->flight_time_s * 10) / 10);
    if (!isnan(f->flight_time_error_s))
        cJSON_AddNumberToObject(o, "flight_time_error_s", round(f->flight_time_error_s * 10) / 10);
    cJSON_AddNumberToObject(o, "burnout_altitude_km", km(lf->burnout_altitude_m));
    cJSON_AddNumberToObject(o, "burnout_speed_km_s", km(lf->burnout_speed_m_s));
    cJSON_AddNumberToObject(o, "burnout_angle_deg",
                            round(bmd_rad_to_deg(lf->burnout_flight_path_rad) * 1e3) / 1e3);
    cJSON_AddNumberToObject(o, "max_range_km", km(e->range_m));
    cJSON_AddBoolToObject(o, "any_point", e->any_point);
    cJSON_AddStringToObject(o, "direction", "any (non-rotating Earth)");
    cJSON_AddNumberToObject(o, "max_range_burnout_speed_km_s", km(sf->burnout_speed_m_s));
    cJSON_AddNumberToObject(o, "max_range_burnout_inertial_speed_km_s",
                            km(sf->burnout_inertial_speed_m_s));
    cJSON_AddNumberToObject(o, "circular_speed_at_burnout_km_s",
                            km(e->standard_circular_speed_m_s));
    cJSON *band = cJSON_AddObjectToObject(o, "band");
    cJSON_AddNumberToObject(band, "low_km", km(e->band_low_m));
    cJSON_AddNumberToObject(band, "high_km", km(e->band_high_m));
    cJSON_AddBoolToObject(band, "high_any_point",
                          e->band_high_m >= 0.995 * e->half_circumference_m);
    cJSON_AddStringToObject(band, "dominant", e->dominant >= 0 ? bmd_loft_input_name(e->dominant)
                                                               : "none");
    cJSON *inputs = cJSON_AddArrayToObject(band, "inputs");
    for (int i = 0; i < BMD_LOFT_N_INPUTS; i++) {
        const bmd_loft_contribution *c = &e->inputs[i];
        const char *unit;
        double sc;
        input_unit(i, &unit, &sc);
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "input", bmd_loft_input_name(i));
        cJSON_AddBoolToObject(x, "evaluated", c->evaluated);
        if (c->evaluated) {
            cJSON_AddStringToObject(x, "unit", unit);
            cJSON_AddNumberToObject(x, "low", round(c->input_low * sc * 1e4) / 1e4);
            cJSON_AddNumberToObject(x, "high", round(c->input_high * sc * 1e4) / 1e4);
            if (isnan(c->range_low_m))
                cJSON_AddNullToObject(x, "range_low_km");
            else
                cJSON_AddNumberToObject(x, "range_low_km", km(c->range_low_m));
            if (isnan(c->range_high_m))
                cJSON_AddNullToObject(x, "range_high_km");
            else
                cJSON_AddNumberToObject(x, "range_high_km", km(c->range_high_m));
            cJSON_AddBoolToObject(x, "any_point_low", c->any_point_low);
            cJSON_AddBoolToObject(x, "any_point_high", c->any_point_high);
            cJSON_AddNumberToObject(x, "contribution_km",
                                    km(fmax(fabs(c->range_low_m - e->range_m),
                                            fabs(c->range_high_m - e->range_m))));
        }
        cJSON_AddItemToArray(inputs, x);
    }
    cJSON *wh = cJSON_AddArrayToObject(o, "warheads");
    for (int i = 0; i < 3; i++) {
        cJSON *x = cJSON_CreateObject();
        cJSON_AddNumberToObject(x, "payload_kg", r->warhead_kg[i]);
        cJSON_AddNumberToObject(x, "max_range_km", km(r->warhead_range_m[i]));
        cJSON_AddBoolToObject(x, "any_point", r->warhead_any_point[i]);
        cJSON_AddItemToArray(wh, x);
    }
    cJSON *k = cJSON_AddObjectToObject(o, "kepler");
    cJSON_AddNumberToObject(k, "burnout_altitude_km", km(r->kepler_altitude_m));
    cJSON_AddNumberToObject(k, "burnout_speed_km_s", round(r->kepler.burnout_speed_m_s) / 1e3);
    cJSON_AddNumberToObject(k, "circular_speed_km_s", round(r->kepler.circular_speed_m_s) / 1e3);
    cJSON_AddBoolToObject(k, "any_point", r->kepler.any_point);
    if (!r->kepler.any_point)
        cJSON_AddNumberToObject(k, "max_range_km",
                                km(r->kepler.max_range_angle_rad * e->half_circumference_m / M_PI));
    cJSON *tg = cJSON_AddArrayToObject(o, "targets");
    for (int i = 0; i < r->n_targets; i++) {
        const cli_loft_target *t = &r->targets[i];
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, "name", t->label);
        cJSON_AddNumberToObject(x, "lat", round(bmd_rad_to_deg(t->lat_rad) * 1e4) / 1e4);
        cJSON_AddNumberToObject(x, "lon", round(bmd_rad_to_deg(t->lon_rad) * 1e4) / 1e4);
        cJSON_AddNumberToObject(x, "distance_km", km(t->distance_m));
        cJSON_AddNumberToObject(x, "bearing_deg", round(bmd_rad_to_deg(t->bearing_rad) * 10) / 10);
        cJSON_AddNumberToObject(x, "max_range_km", km(t->max_range_m));
        cJSON_AddBoolToObject(x, "any_point", t->any_point);
        cJSON_AddBoolToObject(x, "reachable", t->reachable);
        cJSON_AddItemToArray(tg, x);
    }
    if (r->test) {
        cJSON *p = cJSON_AddObjectToObject(o, "published");
        cJSON_AddNumberToObject(p, "range_km", r->test->published_km);
        cJSON_AddBoolToObject(p, "at_least", r->test->at_least);
        cJSON_AddStringToObject(p, "source", r->test->published);
    }
    cJSON_AddNumberToObject(o, "evaluations", e->evaluations);
    char *text = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!text)
        return CLI_FAILED;
    printf("%s\n", text);
    cJSON_free(text);
    return ferror(stdout) ? CLI_FAILED : CLI_OK;
}
