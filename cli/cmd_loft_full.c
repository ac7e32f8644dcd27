/* bmdsim loft --full — range from a lofted test with the full flight model: a catalogue template
 * fitted to the observed apogee and ground range inside thrust-to-weight bounds, the flight time
 * choosing between candidate sizes, flown on a standard trajectory on a non-rotating Earth with a
 * band over the uncertain inputs; the range carrying other warheads; the Kepler estimate from the
 * fitted burnout altitude; and the range toward named targets on the rotating Earth from the
 * test's launch site (library: bmd/loft.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/geodesy.h"
#include "bmd/kepler.h"
#include "loft_cli.h"

/* Read a "MIN,MAX" pair of thrust-to-weight bounds. */
static int read_pair(const cli_args *a, const char *name, double *lo, double *hi)
{
    const char *t = cli_text(a, name);
    if (!t)
        return CLI_OK;
    double x, y;
    char tail;
    if (sscanf(t, "%lf,%lf%c", &x, &y, &tail) != 2 || !(x > 0.0 && y > x && y < 20.0)) {
        cli_complain(a->command, "--%s: '%s' is not MIN,MAX with 0 < MIN < MAX < 20 (vacuum "
                     "thrust over weight)", name, t);
        return CLI_USAGE;
    }
    *lo = x, *hi = y;
    return CLI_OK;
}

/* One --to value: a city name or LAT,LON. */
static int read_target(const cli_args *a, const char *text, cli_loft_target *t)
{
    const cli_loft_city *c = cli_loft_city_find(text);
    if (c) {
        snprintf(t->label, sizeof t->label, "%s", c->label);
        t->lat_rad = bmd_deg_to_rad(c->lat_deg), t->lon_rad = bmd_deg_to_rad(c->lon_deg);
        return CLI_OK;
    }
    if (!strchr(text, ',')) {
        cli_complain(a->command, "--to: '%s' is neither LAT,LON nor a known city (los-angeles, "
                     "chicago, washington, new-york, anchorage, honolulu, guam, seattle, "
                     "san-francisco, denver)", text);
        return CLI_USAGE;
    }
    snprintf(t->label, sizeof t->label, "%s", text);
    return cli_parse_latlon(a->command, "to", text, &t->lat_rad, &t->lon_rad);
}

/* The targets: --to and --toward (repeatable), else the default cities. */
static int read_targets(const cli_args *a, cli_loft_run *r)
{
    const char *list[CLI_LOFT_MAX_TARGETS + 1];
    int n = 0, st;
    for (int pass = 0; pass < 2; pass++) {
        const char *name = pass ? "toward" : "to";
        int k = cli_all(a, name, list, CLI_LOFT_MAX_TARGETS + 1);
        for (int i = 0; i < k; i++) {
            if (n >= CLI_LOFT_MAX_TARGETS) {
                cli_complain(a->command, "--%s: at most %d targets", name, CLI_LOFT_MAX_TARGETS);
                return CLI_USAGE;
            }
            if ((st = read_target(a, list[i], &r->targets[n++])))
                return st;
        }
    }
    if (n == 0) {
        int nc;
        const cli_loft_city *c = cli_loft_default_cities(&nc);
        for (int i = 0; i < nc; i++, n++) {
            snprintf(r->targets[n].label, sizeof r->targets[n].label, "%s", c[i].label);
            r->targets[n].lat_rad = bmd_deg_to_rad(c[i].lat_deg);
            r->targets[n].lon_rad = bmd_deg_to_rad(c[i].lon_deg);
        }
    }
    r->n_targets = n;
    return CLI_OK;
}

/* Candidate templates when neither --template nor --test names one, smallest first. */
static const char *liquid_candidates[] = {"hwasong-12-class", "hwasong-14-class",
                                          "hwasong-15-class"};
static const char *solid_candidates[] = {"minuteman-3", "rs-24-yars-class"};
#define SIZE_TOLERANCE 1.35 /* a candidate may grow or shrink this much and still be "that missile" */

/* Without a named template: the smallest candidate of the class whose fit keeps its size within
 * SIZE_TOLERANCE of the catalogue's (parsimony: the smallest known missile that does what was
 * observed); if none does, the one whose fitted size is nearest its own; if no candidate of the
 * class can be fitted at all, the other class with its default bounds (unless --tw or --upper-tw
 * were given). r->tpl holds the choice; r->template_note says why. */
static int choose_template(const cli_args *a, cli_loft_run *r, int solid)
{
    bmd_earth still;
    bmd_earth_init_wgs84(&still);
    still.omega_rad_s = 0.0;
    bmd_catalog_missile *m = malloc(sizeof *m);
    bmd_loft_fit *fit = malloc(sizeof *fit);
    if (!m || !fit) {
        free(m), free(fit);
        return CLI_FAILED;
    }
    const int fixed_bounds = cli_has(a, "tw") || cli_has(a, "upper-tw");
    bmd_error err = {0};
    int st = 0, last_st = 0, chosen = -1, cls = solid;
    double best = INFINITY;
    for (int pass = 0; pass < (fixed_bounds ? 1 : 2) && chosen < 0; pass++) {
        cls = pass ? !solid : solid;
        if (pass)
            (cls ? bmd_loft_bounds_solid : bmd_loft_bounds_liquid)(&r->setup.bounds);
        const char **names = cls ? solid_candidates : liquid_candidates;
        const int n = cls ? 2 : 3;
        for (int i = 0; i < n; i++) {
            if ((st = cli_load_missile(a, names[i], m))) {
                free(m), free(fit);
                return st;
            }
            st = bmd_loft_fit_missile(&still, &m->missile, &r->setup, &r->obs, NULL, fit, &err);
            if (st) {
                last_st = st;
                continue;
            }
            double dev = fabs(log(fit->propellant_scale / r->setup.size_scale));
            if (dev <= log(SIZE_TOLERANCE)) {
                chosen = i, best = -1.0;
                break;
            }
            if (dev < best)
                best = dev, chosen = i;
        }
    }
    if (chosen < 0) {
        free(m), free(fit);
        return cli_library_failure(a->command, last_st, &err);
    }
    st = cli_load_missile(a, (cls ? solid_candidates : liquid_candidates)[chosen], &r->tpl);
    snprintf(r->template_note, sizeof r->template_note,
             best < 0.0 ? "chosen: the smallest %s candidate reproducing the test within x%.2f of "
                          "its size%s"
                        : "chosen: no %s candidate reproduces the test within x%.2f of its size; "
                          "the nearest%s",
             cls ? "solid" : "liquid", SIZE_TOLERANCE,
             cls == solid ? "" : solid ? " (no solid candidate could be fitted)"
                                       : " (no liquid candidate could be fitted)");
    free(m), free(fit);
    return st;
}

/* Read the setup, the band and the targets (the observation is read by cmd_loft.c). */
static int read_inputs(const cli_args *a, cli_loft_run *r)
{
    double bearing, payload, size, split, apo_spread, t_spread;
    const cli_loft_test *t = r->test;
    if (cli_number(a, "bearing", 90, -360, 0, 360, 0, "deg", &bearing) ||
        cli_number(a, "payload", 1000, 1, 0, 1e5, 0, "kg", &payload) ||
        cli_number(a, "size", 1, 0.1, 0, 10, 0, "(times the template's propellant)", &size) ||
        cli_number(a, "split", 1, 0.2, 0, 5, 0, "(times the upper stages' propellant)", &split) ||
        cli_number(a, "apogee-spread", 100, 0, 0, 2000, 0, "km", &apo_spread) ||
        cli_number(a, "time-spread", 1, 0, 0, 30, 0, "min", &t_spread))
        return CLI_USAGE;
    bmd_loft_setup_init(&r->setup);
    int st = cli_latlon(a, "from", t ? bmd_deg_to_rad(t->lat_deg) : 0.0,
                        t ? bmd_deg_to_rad(t->lon_deg) : 0.0, &r->setup.site.lat_rad,
                        &r->setup.site.lon_rad);
    if (st)
        return st;
    if (cli_has(a, "solid") || (t && t->solid))
        bmd_loft_bounds_solid(&r->setup.bounds);
    if ((st = read_pair(a, "tw", &r->setup.bounds.liftoff_tw_min,
                        &r->setup.bounds.liftoff_tw_max)) ||
        (st = read_pair(a, "upper-tw", &r->setup.bounds.upper_tw_min,
                        &r->setup.bounds.upper_tw_max)))
        return st;
    if (r->setup.bounds.liftoff_tw_min <= 1.0) {
        cli_complain(a->command, "--tw: the lift-off minimum %g must exceed 1 (the missile must "
                     "lift off)", r->setup.bounds.liftoff_tw_min);
        return CLI_USAGE;
    }
    r->setup.payload_kg = payload;
    r->setup.size_scale = size;
    r->setup.upper_split = split;
    const char *tpl = cli_text(a, "template");
    const int solid = cli_has(a, "solid") || (t && t->solid);
    if ((st = cli_load_missile(a, tpl ? tpl : t ? t->template_name
                                          : solid ? solid_candidates[0] : liquid_candidates[0],
                               &r->tpl)))
        return st;
    bmd_plan base;
    if ((st = cli_base_plan(a, &r->tpl.missile, BMD_STEER_PITCH_PROGRAM, bmd_deg_to_rad(bearing),
                            &base)))
        return st;
    r->setup.azimuth_rad = base.azimuth_rad;
    r->setup.steering = base.steering;
    r->setup.vertical_rise_s = base.vertical_rise_s;
    snprintf(r->template_note, sizeof r->template_note, "%s",
             tpl ? "given (--template)" : "the test's (--test)");
    if (!tpl && !t && (st = choose_template(a, r, solid)))
        return st;
    bmd_loft_band_spec_init(&r->spec);
    r->spec.apogee_spread_m = apo_spread * 1e3;
    r->spec.flight_time_spread_s = t_spread * 60.0;
    r->spec.payload_low_kg = fmin(500.0, payload);
    r->spec.payload_high_kg = fmax(1500.0, payload);
    return read_targets(a, r);
}

/* The estimate, the warheads, the Kepler estimate from the fitted burnout, the targets. */
static int compute(const cli_args *a, cli_loft_run *r)
{
    bmd_earth still, turning;
    bmd_earth_init_wgs84(&still);
    still.omega_rad_s = 0.0;
    bmd_earth_init_wgs84(&turning);
    bmd_error err;
    int st = bmd_loft_estimate_range(&still, &r->tpl.missile, &r->setup, &r->obs, &r->spec,
                                     &r->est, &err);
    if (st)
        return cli_library_failure(a->command, st, &err);
    const bmd_loft_fit *fit = &r->est.fit;
    const double w[3] = {500.0, 1000.0, 1500.0};
    for (int i = 0; i < 3; i++) {
        bmd_aim_result res;
        r->warhead_kg[i] = w[i];
        if ((st = bmd_loft_standard_range(&still, fit, w[i], &r->setup.site, r->setup.azimuth_rad,
                                          &res, &r->warhead_any_point[i], &err)))
            return cli_library_failure(a->command, st, &err);
        r->warhead_range_m[i] = res.max_range_m;
    }
    /* Kepler from the fitted lofted burnout altitude (spherical Earth, mean radius) */
    const double R = bmd_earth_mean_radius_m(&still);
    r->kepler_altitude_m = fit->summary.burnout_altitude_m;
    if ((st = bmd_loft_kepler_estimate(R + r->kepler_altitude_m, R + r->obs.apogee_m,
                                       r->obs.range_m / R, still.gm_m3_s2, &r->kepler, &err)))
        return cli_library_failure(a->command, st, &err);
    for (int i = 0; i < r->n_targets; i++) {
        cli_loft_target *t = &r->targets[i];
        bmd_geodesy_inverse(&turning, r->setup.site.lat_rad, r->setup.site.lon_rad, t->lat_rad,
                            t->lon_rad, &t->distance_m, &t->bearing_rad, NULL);
        if (t->distance_m < 10e3) {
            cli_complain(a->command, "--to: target '%s' is at the launch point", t->label);
            return CLI_USAGE;
        }
        bmd_aim_result res;
        if ((st = bmd_loft_standard_range(&turning, fit, NAN, &r->setup.site, t->bearing_rad,
                                          &res, &t->any_point, &err)))
            return cli_library_failure(a->command, st, &err);
        t->max_range_m = res.max_range_m;
        t->any_point = t->any_point || r->est.any_point; /* orbital speed reaches every point */
        t->reachable = t->any_point || t->max_range_m >= t->distance_m;
    }
    return CLI_OK;
}

int cli_loft_full(const cli_args *a, const cli_loft_test *test, const bmd_loft_observation *obs)
{
    if (cli_has(a, "altitude") || cli_has(a, "earth-radius")) {
        cli_complain(a->command, "--%s is for the Kepler estimate, not --full (--full takes the "
                     "burnout altitude from the fitted burn)",
                     cli_has(a, "altitude") ? "altitude" : "earth-radius");
        return CLI_USAGE;
    }
    cli_loft_run *r = calloc(1, sizeof *r);
    if (!r)
        return CLI_FAILED;
    r->test = test;
    r->obs = *obs;
    int st = read_inputs(a, r);
    if (!st)
        st = compute(a, r);
    if (!st)
        st = cli_has(a, "json") ? cli_loft_print_json(r) : cli_loft_print_text(r);
    free(r);
    return st;
}
