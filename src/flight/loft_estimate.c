/* The loft estimate with its band (include/bmd/loft.h): candidate sizes fitted to the test, the
 * one the flight time prefers, its standard range, and the range with each uncertain input moved
 * one at a time. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/loft.h"

void bmd_loft_band_spec_init(bmd_loft_band_spec *spec)
{
    spec->flight_time_spread_s = 60.0;
    spec->apogee_spread_m = 100e3;
    spec->payload_low_kg = 500.0;
    spec->payload_high_kg = 1500.0;
    spec->split_factor = 1.25;
    spec->size_factor = 1.25;
    spec->size_sigma = log(1.25);
    spec->flight_time_sigma_s = 90.0;
}

const char *bmd_loft_input_name(bmd_loft_input input)
{
    static const char *names[BMD_LOFT_N_INPUTS] = {"flight time", "apogee", "payload",
                                                   "stage split", "vehicle size"};
    return input >= 0 && input < BMD_LOFT_N_INPUTS ? names[input] : "?";
}

int bmd_loft_standard_range(const bmd_earth *earth, const bmd_loft_fit *fit, double payload_kg,
                            const bmd_site *site, double azimuth_rad, bmd_aim_result *result,
                            int *any_point, bmd_error *err)
{
    bmd_missile m = fit->missile;
    if (!isnan(payload_kg))
        m.payload.rv_mass_kg = payload_kg;
    bmd_plan base = fit->plan;
    base.azimuth_rad = azimuth_rad;
    const double half = M_PI * bmd_earth_mean_radius_m(earth);
    int rc = bmd_aim_max_range(earth, &m, &base, site, NULL, result, err);
    if (rc == BMD_EDOM) { /* no plan comes down: orbital */
        *any_point = 1;
        result->max_range_m = half;
        return BMD_SUCCESS;
    }
    if (rc)
        return rc;
    *any_point = !result->summary.impacted || result->max_range_m >= 0.995 * half;
    if (*any_point)
        result->max_range_m = half;
    return BMD_SUCCESS;
}

/* One fitted variant and its standard range. */
typedef struct variant {
    int ok;
    bmd_loft_fit fit;
    bmd_aim_result std;
    int any_point;
    double range_m;
} variant;

/* Fit setup to obs and fly the result on a standard trajectory with the test payload. Returns
 * the status of the fit or the flight. */
static int run_variant(const bmd_earth *earth, const bmd_missile *tpl, const bmd_loft_setup *setup,
                       const bmd_loft_observation *obs, variant *v, int *evaluations,
                       bmd_error *err)
{
    memset(v, 0, sizeof *v);
    int rc = bmd_loft_fit_missile(earth, tpl, setup, obs, NULL, &v->fit, err);
    *evaluations += v->fit.evaluations;
    if (rc)
        return rc;
    rc = bmd_loft_standard_range(earth, &v->fit, NAN, &setup->site, setup->azimuth_rad, &v->std,
                                 &v->any_point, err);
    *evaluations += v->std.evaluations;
    if (rc)
        return rc;
    v->ok = 1;
    v->range_m = v->std.max_range_m;
    return BMD_SUCCESS;
}

/* The size the flight time prefers, as l = ln(s / s0), from candidates at l[k] with model flight
 * times t[k]: t is fitted as t0 + k l (least squares), and l minimises
 * ((t(l) - T)/sigma_t)^2 + (l/sigma_s)^2, kept inside the candidates' span. */
static double chosen_l(const double *l, const double *t, int n, double t_obs,
                       const bmd_loft_band_spec *spec)
{
    double ml = 0.0, mt = 0.0, sll = 0.0, slt = 0.0;
    for (int i = 0; i < n; i++)
        ml += l[i] / n, mt += t[i] / n;
    for (int i = 0; i < n; i++)
        sll += (l[i] - ml) * (l[i] - ml), slt += (l[i] - ml) * (t[i] - mt);
    if (!(sll > 0.0))
        return 0.0;
    double k = slt / sll, t0 = mt - k * ml;
    double st2 = spec->flight_time_sigma_s * spec->flight_time_sigma_s;
    double ss2 = spec->size_sigma * spec->size_sigma;
    double x = (k * (t_obs - t0) / st2) / (k * k / st2 + 1.0 / ss2);
    double lo = l[0], hi = l[0];
    for (int i = 1; i < n; i++)
        lo = fmin(lo, l[i]), hi = fmax(hi, l[i]);
    return fmin(fmax(x, lo), hi);
}

/* Range at l, interpolated piecewise linearly between candidates sorted by l. */
static double range_at_l(const double *l, const double *r, int n, double x)
{
    if (n == 1)
        return r[0];
    for (int i = 0; i + 1 < n; i++)
        if (x <= l[i + 1] || i + 2 == n) {
            double w = (x - l[i]) / (l[i + 1] - l[i]);
            return r[i] + w * (r[i + 1] - r[i]);
        }
    return r[n - 1];
}

/* Record a contribution from two variants against the reference range r0. */
static void contribute(bmd_loft_contribution *c, double in_lo, double in_hi, const variant *lo,
                       const variant *hi, double r0, double central)
{
    if (!lo->ok && !hi->ok)
        return;
    c->evaluated = 1;
    c->input_low = in_lo, c->input_high = in_hi;
    c->range_low_m = lo->ok ? central + (lo->range_m - r0) : NAN;
    c->range_high_m = hi->ok ? central + (hi->range_m - r0) : NAN;
    c->any_point_low = lo->ok && lo->any_point;
    c->any_point_high = hi->ok && hi->any_point;
}

int bmd_loft_estimate_range(const bmd_earth *earth, const bmd_missile *template_missile,
                            const bmd_loft_setup *setup, const bmd_loft_observation *obs,
                            const bmd_loft_band_spec *spec_in, bmd_loft_estimate *est,
                            bmd_error *err)
{
    if (!earth || !template_missile || !setup || !obs || !est)
        return bmd_error_set(err, BMD_EINVAL, "loft estimate: earth, template, setup, "
                                              "observation and result required");
    memset(est, 0, sizeof *est);
    bmd_loft_band_spec spec;
    if (spec_in)
        spec = *spec_in;
    else
        bmd_loft_band_spec_init(&spec);
    if (!(spec.size_factor > 1.0 && spec.split_factor > 1.0 && spec.size_sigma > 0.0 &&
          spec.flight_time_sigma_s > 0.0 && spec.apogee_spread_m >= 0.0 &&
          spec.flight_time_spread_s >= 0.0 && spec.payload_low_kg > 0.0 &&
          spec.payload_high_kg > 0.0))
        return bmd_error_set(err, BMD_EINVAL, "loft band: factors must exceed 1, spreads be "
                                              "non-negative and payloads positive");
    est->half_circumference_m = M_PI * bmd_earth_mean_radius_m(earth);
    const double half = est->half_circumference_m;
    int ev = 0;
    variant *v = calloc(1, sizeof(variant) * 10);
    if (!v)
        return bmd_error_set(err, BMD_ENOMEM, "loft estimate: out of memory");
    variant *cand = v; /* [0] s0/f, [1] s0, [2] s0 f; [3..8] band variants; [9] chosen size */
    int rc = run_variant(earth, template_missile, setup, obs, &cand[1], &ev, err);
    if (rc) {
        free(v);
        return rc;
    }
    const double s0 = cand[1].fit.propellant_scale;
    double l[3], t[3], r[3];
    int n = 0;
    if (!cand[1].fit.size_fitted) {
        for (int k = 0; k < 3; k += 2) {
            bmd_loft_setup su = *setup;
            su.size_scale = s0 * (k ? spec.size_factor : 1.0 / spec.size_factor);
            bmd_error e2;
            run_variant(earth, template_missile, &su, obs, &cand[k], &ev, &e2);
            if (cand[k].ok && cand[k].fit.size_fitted)
                cand[k].ok = 0; /* the size was not held: not a candidate */
        }
    }
    for (int k = 0; k < 3; k++)
        if (cand[k].ok) {
            l[n] = log(cand[k].fit.propellant_scale / s0);
            t[n] = cand[k].fit.summary.flight_time_s;
            r[n] = cand[k].any_point ? half : cand[k].range_m;
            n++;
        }
    const int timed = !isnan(obs->flight_time_s) && obs->flight_time_s > 0.0;
    double lc = timed && n > 1 ? chosen_l(l, t, n, obs->flight_time_s, &spec) : 0.0;
    est->chosen_size = s0 * exp(lc);
    const double r_interp = range_at_l(l, r, n, lc);
    /* the central vehicle: refitted at the chosen size, so that the vehicle shown flies the range
     * shown; the candidate nearest the choice if that refit fails */
    variant *chosen = &cand[1];
    if (fabs(lc) > 1e-9) {
        bmd_loft_setup su = *setup;
        su.size_scale = est->chosen_size;
        bmd_error e2;
        if (run_variant(earth, template_missile, &su, obs, &v[9], &ev, &e2) == BMD_SUCCESS &&
            !v[9].fit.size_fitted)
            chosen = &v[9];
        else
            for (int k = 0; k < 3; k++)
                if (cand[k].ok && fabs(log(cand[k].fit.propellant_scale / s0) - lc) <
                                      fabs(log(chosen->fit.propellant_scale / s0) - lc))
                    chosen = &cand[k];
    }
    est->fit = chosen->fit;
    est->standard = chosen->std;
    est->any_point = chosen->any_point;
    est->range_m = chosen->any_point ? half : chosen->range_m;
    {
        double rb = bmd_earth_mean_radius_m(earth) + est->standard.summary.burnout_altitude_m;
        est->standard_circular_speed_m_s = sqrt(earth->gm_m3_s2 / rb);
    }
    const double r0 = cand[1].any_point ? half : cand[1].range_m, c0 = est->range_m;

    /* flight time: the choice moved by the spread */
    if (timed && n > 1) {
        bmd_loft_contribution *c = &est->inputs[BMD_LOFT_IN_FLIGHT_TIME];
        c->evaluated = 1;
        c->input_low = obs->flight_time_s - spec.flight_time_spread_s;
        c->input_high = obs->flight_time_s + spec.flight_time_spread_s;
        c->range_low_m = c0 + range_at_l(l, r, n, chosen_l(l, t, n, c->input_low, &spec)) - r_interp;
        c->range_high_m =
            c0 + range_at_l(l, r, n, chosen_l(l, t, n, c->input_high, &spec)) - r_interp;
        c->any_point_low = c->range_low_m >= 0.995 * half;
        c->any_point_high = c->range_high_m >= 0.995 * half;
    }
    /* vehicle size: the outer candidates */
    if (cand[0].ok || cand[2].ok)
        contribute(&est->inputs[BMD_LOFT_IN_SIZE], s0 / spec.size_factor, s0 * spec.size_factor,
                   &cand[0], &cand[2], r0, c0);
    /* apogee, payload, split: refitted at the central size */
    bmd_loft_setup su = *setup;
    su.size_scale = s0;
    bmd_error e2;
    if (spec.apogee_spread_m > 0.0) {
        bmd_loft_observation o = *obs;
        o.apogee_m = obs->apogee_m - spec.apogee_spread_m;
        run_variant(earth, template_missile, &su, &o, &v[3], &ev, &e2);
        o.apogee_m = obs->apogee_m + spec.apogee_spread_m;
        run_variant(earth, template_missile, &su, &o, &v[4], &ev, &e2);
        contribute(&est->inputs[BMD_LOFT_IN_APOGEE], obs->apogee_m - spec.apogee_spread_m,
                   obs->apogee_m + spec.apogee_spread_m, &v[3], &v[4], r0, c0);
    }
    su.payload_kg = spec.payload_low_kg;
    run_variant(earth, template_missile, &su, obs, &v[5], &ev, &e2);
    su.payload_kg = spec.payload_high_kg;
    run_variant(earth, template_missile, &su, obs, &v[6], &ev, &e2);
    contribute(&est->inputs[BMD_LOFT_IN_PAYLOAD], spec.payload_low_kg, spec.payload_high_kg, &v[5],
               &v[6], r0, c0);
    su.payload_kg = setup->payload_kg;
    if (template_missile->n_stages > 1) {
        su.upper_split = setup->upper_split / spec.split_factor;
        run_variant(earth, template_missile, &su, obs, &v[7], &ev, &e2);
        su.upper_split = setup->upper_split * spec.split_factor;
        run_variant(earth, template_missile, &su, obs, &v[8], &ev, &e2);
        contribute(&est->inputs[BMD_LOFT_IN_SPLIT], 1.0 / spec.split_factor, spec.split_factor,
                   &v[7], &v[8], r0, c0);
    }

    /* the band: root-sum-square of the one-at-a-time deviations */
    double up2 = 0.0, down2 = 0.0, worst = 0.0;
    int cap = est->any_point;
    est->dominant = -1;
    for (int i = 0; i < BMD_LOFT_N_INPUTS; i++) {
        const bmd_loft_contribution *c = &est->inputs[i];
        if (!c->evaluated)
            continue;
        double hi = fmax(c->range_low_m, c->range_high_m); /* fmax/fmin skip a NAN side */
        double lo = fmin(c->range_low_m, c->range_high_m);
        double up = fmax(0.0, hi - c0), down = fmax(0.0, c0 - lo);
        up2 += up * up, down2 += down * down;
        if (c->any_point_low || c->any_point_high)
            cap = 1;
        if (fmax(up, down) > worst)
            worst = fmax(up, down), est->dominant = i;
    }
    est->band_low_m = fmax(0.0, c0 - sqrt(down2));
    est->band_high_m = cap ? half : fmin(half, c0 + sqrt(up2));
    est->evaluations = ev;
    free(v);
    return BMD_SUCCESS;
}
