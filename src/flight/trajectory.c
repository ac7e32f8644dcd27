/* The flight driver: splits a flight into phases with discontinuities at their boundaries (stage
 * burnouts, the gravity-turn kick, shroud jettison, pitch-program corners, cutoff) and flies each
 * with bmd_flight_segment (flight_segment.c); checks the inputs (see include/bmd/trajectory.h). */
#include <math.h>
#include <string.h>

#include "bmd/atmosphere.h"
#include "bmd/geodesy.h"
#include "flight/flight_internal.h"

/* stage ignitions and burnouts, thrust-table corners, rise, pitch end, shroud, cutoff */
#define MAX_BREAKS ((2 + BMD_TABLE_MAX) * BMD_MAX_STAGES + 8)

/* Validate the plan. */
static int check_plan(const bmd_plan *p, bmd_error *err)
{
    if (!p)
        return bmd_error_set(err, BMD_EINVAL, "plan is NULL");
    if (!isfinite(p->azimuth_rad))
        return bmd_error_set(err, BMD_EINVAL, "plan azimuth %g rad is not finite", p->azimuth_rad);
    if (!(p->vertical_rise_s > 0.0) || !isfinite(p->vertical_rise_s))
        return bmd_error_set(err, BMD_EINVAL, "plan vertical_rise_s = %g s; must be > 0",
                             p->vertical_rise_s);
    if (!(p->cutoff_s >= 0.0) || !isfinite(p->cutoff_s))
        return bmd_error_set(err, BMD_EINVAL, "plan cutoff_s = %g s; must be >= 0 (0: no cutoff)",
                             p->cutoff_s);
    if (p->steering == BMD_STEER_GRAVITY_TURN) {
        if (!(p->kick_rad >= 0.0 && p->kick_rad < 0.5 * M_PI))
            return bmd_error_set(err, BMD_EINVAL,
                                 "plan kick %g rad (%g deg); allowed [0, 90) deg", p->kick_rad,
                                 bmd_rad_to_deg(p->kick_rad));
    } else if (p->steering == BMD_STEER_PITCH_PROGRAM) {
        if (!(fabs(p->pitch_final_rad) <= 0.5 * M_PI))
            return bmd_error_set(err, BMD_EINVAL,
                                 "plan pitch_final %g rad (%g deg); allowed [-90, 90] deg",
                                 p->pitch_final_rad, bmd_rad_to_deg(p->pitch_final_rad));
        if (!(p->pitch_end_s > p->vertical_rise_s) || !isfinite(p->pitch_end_s))
            return bmd_error_set(err, BMD_EINVAL,
                                 "plan pitch_end_s = %g s; must exceed vertical_rise_s = %g s",
                                 p->pitch_end_s, p->vertical_rise_s);
    } else {
        return bmd_error_set(err, BMD_EINVAL, "plan steering %d is unknown", (int)p->steering);
    }
    return BMD_SUCCESS;
}

/* Validate options. */
static int check_options(const bmd_flight_options *o, bmd_error *err)
{
    if (!(o->sample_interval_s >= 0.0) || !isfinite(o->sample_interval_s))
        return bmd_error_set(err, BMD_EINVAL, "sample_interval_s = %g s; must be >= 0",
                             o->sample_interval_s);
    if (!(o->max_time_s > 0.0) || !isfinite(o->max_time_s))
        return bmd_error_set(err, BMD_EINVAL, "max_time_s = %g s; must be > 0", o->max_time_s);
    return BMD_SUCCESS;
}

/* Burn time of a stage: the table's end or burn_time_s. */
static double burn_time(const bmd_stage *s)
{
    return s->thrust_vacuum_n.n > 0 ? s->thrust_vacuum_n.x[s->thrust_vacuum_n.n - 1]
                                    : s->burn_time_s;
}

/* Set up the mass-flow constants of stage i. */
static void set_stage(bmd_flight_ctx *c, int i, double t_ign)
{
    const bmd_stage *s = &c->missile->stages[i];
    c->stage = i;
    c->aero_stage = i;
    c->t_ignition_s = t_ign;
    c->mdot_kg_s = s->propellant_mass_kg / s->burn_time_s;
    c->f_vac_n = BMD_G0_M_S2 * s->isp_vacuum_s * c->mdot_kg_s;
    if (s->thrust_vacuum_n.n > 0) {
        const bmd_table *tb = &s->thrust_vacuum_n;
        double impulse = tb->y[0] * tb->x[0];
        for (int k = 1; k < tb->n; k++)
            impulse += 0.5 * (tb->y[k] + tb->y[k - 1]) * (tb->x[k] - tb->x[k - 1]);
        c->table_mdot_per_n = s->propellant_mass_kg / impulse;
    }
    double d = s->diameter_m;
    c->area_m2 = 0.25 * M_PI * d * d;
    c->cd = s->cd_mach.n > 0 ? &s->cd_mach : &c->default_cd;
}

/* Tip the Earth-relative velocity kick_rad from the vertical toward the azimuth. */
static void apply_kick(bmd_flight_run *fr)
{
    const bmd_plan *p = fr->ctx.plan;
    double e[3], n[3], up[3], v_rel[3];
    bmd_flight_local_frame(fr->ctx.earth, fr->y, e, n, up, NULL);
    bmd_flight_relative_velocity(fr->ctx.earth, fr->y, v_rel);
    double s = sqrt(v_rel[0] * v_rel[0] + v_rel[1] * v_rel[1] + v_rel[2] * v_rel[2]);
    double sk = sin(p->kick_rad), ck = cos(p->kick_rad);
    double sa = sin(p->azimuth_rad), ca = cos(p->azimuth_rad);
    double w = fr->ctx.earth->omega_rad_s;
    for (int i = 0; i < 3; i++)
        v_rel[i] = s * (sk * (sa * e[i] + ca * n[i]) + ck * up[i]);
    fr->y[3] = v_rel[0] - w * fr->y[1];
    fr->y[4] = v_rel[1] + w * fr->y[0];
    fr->y[5] = v_rel[2];
    fr->ctx.kicked = 1;
}

/* Add t to the breakpoint list if it lies strictly inside (0, t_final). */
static void add_break(double *b, int *n, double t, double t_final)
{
    if (t > BMD_FLIGHT_TIME_EPS_S && t < t_final - BMD_FLIGHT_TIME_EPS_S && *n < MAX_BREAKS)
        b[(*n)++] = t;
}

/* Sort ascending (insertion sort; a dozen entries). */
static void sort_breaks(double *b, int n)
{
    for (int i = 1; i < n; i++)
        for (int j = i; j > 0 && b[j - 1] > b[j]; j--) {
            double tmp = b[j];
            b[j] = b[j - 1];
            b[j - 1] = tmp;
        }
}

/* Boost: every powered and coasting interval up to the final burnout or cutoff. */
static int fly_boost(bmd_flight_run *fr)
{
    bmd_flight_ctx *c = &fr->ctx;
    const bmd_missile *m = c->missile;
    const bmd_plan *p = c->plan;
    double ign[BMD_MAX_STAGES] = {0}, bo[BMD_MAX_STAGES] = {0}, t = 0.0;
    for (int i = 0; i < m->n_stages; i++) {
        ign[i] = t + m->stages[i].coast_before_s;
        bo[i] = ign[i] + burn_time(&m->stages[i]);
        t = bo[i];
    }
    double t_final = bo[m->n_stages - 1];
    if (p->cutoff_s > 0.0 && p->cutoff_s < t_final)
        t_final = p->cutoff_s;
    double brk[MAX_BREAKS];
    int nb = 0, rc;
    for (int i = 0; i < m->n_stages; i++) {
        add_break(brk, &nb, ign[i], t_final);
        add_break(brk, &nb, bo[i], t_final);
        const bmd_table *tb = &m->stages[i].thrust_vacuum_n; /* corners of the thrust curve */
        for (int k = 0; k < tb->n; k++)
            add_break(brk, &nb, ign[i] + tb->x[k], t_final);
    }
    add_break(brk, &nb, p->vertical_rise_s, t_final);
    if (p->steering == BMD_STEER_PITCH_PROGRAM)
        add_break(brk, &nb, p->pitch_end_s, t_final);
    if (m->payload.shroud_mass_kg > 0.0)
        add_break(brk, &nb, m->payload.shroud_jettison_s, t_final);
    sort_breaks(brk, nb);
    brk[nb++] = t_final;
    int dropped[BMD_MAX_STAGES] = {0}, shroud_on = m->payload.shroud_mass_kg > 0.0;
    for (int k = 0; k < nb && !fr->impacted; k++) {
        /* configuration on [fr->t, brk[k]] */
        double tm = fr->t + BMD_FLIGHT_TIME_EPS_S;
        c->powered = 0;
        for (int i = 0; i < m->n_stages; i++) {
            if (tm >= ign[i] && tm < bo[i]) {
                set_stage(c, i, ign[i]);
                c->powered = 1;
                break;
            }
            if (tm < ign[i]) { /* coasting before stage i: its body is the stack's bottom */
                set_stage(c, i > 0 ? i - 1 : 0, ign[i]);
                double d = m->stages[i].diameter_m;
                c->aero_stage = i;
                c->area_m2 = 0.25 * M_PI * d * d;
                c->cd = m->stages[i].cd_mach.n > 0 ? &m->stages[i].cd_mach : &c->default_cd;
                break;
            }
        }
        if ((rc = bmd_flight_segment(fr, brk[k])))
            return rc;
        if (fr->t < brk[k] - BMD_FLIGHT_TIME_EPS_S)
            return BMD_SUCCESS; /* impact or time limit */
        /* discontinuities at the boundary */
        for (int i = 0; i < m->n_stages; i++)
            if (!dropped[i] && bo[i] <= fr->t + BMD_FLIGHT_TIME_EPS_S) {
                dropped[i] = 1;
                fr->sum->events.stage_burnout_s[i] = bo[i];
                if (i < m->n_stages - 1 && fr->t < t_final - BMD_FLIGHT_TIME_EPS_S)
                    fr->y[6] -= m->stages[i].dry_mass_kg;
            }
        if (shroud_on && m->payload.shroud_jettison_s <= fr->t + BMD_FLIGHT_TIME_EPS_S &&
            fr->t < t_final - BMD_FLIGHT_TIME_EPS_S) {
            shroud_on = 0;
            fr->y[6] -= m->payload.shroud_mass_kg;
        }
        if (p->steering == BMD_STEER_GRAVITY_TURN && !c->kicked &&
            p->vertical_rise_s <= fr->t + BMD_FLIGHT_TIME_EPS_S && fr->t < t_final - BMD_FLIGHT_TIME_EPS_S) {
            apply_kick(fr);
            if ((rc = bmd_flight_record(fr, fr->t, fr->y)))
                return rc;
        }
    }
    if (fr->t < t_final - BMD_FLIGHT_TIME_EPS_S)
        return BMD_SUCCESS;
    /* final burnout or cutoff: the RV alone, or the whole remaining body */
    if (c->powered && isnan(fr->sum->events.stage_burnout_s[c->stage]))
        fr->sum->events.stage_burnout_s[c->stage] = fr->t;
    bmd_flight_record_burnout(fr);
    c->powered = 0;
    c->ballistic = 1;
    if (m->payload.rv_beta_kg_m2 > 0.0) {
        fr->y[6] = m->payload.rv_mass_kg;
        c->inv_beta = 1.0 / m->payload.rv_beta_kg_m2;
    }
    return bmd_flight_record(fr, fr->t, fr->y);
}

/* Common set-up of a flight run. */
static void init_run(bmd_flight_run *fr, const bmd_earth *earth, const bmd_missile *missile,
                     const bmd_plan *plan, const bmd_flight_options *opt,
                     const bmd_flight_model *model, bmd_flight_summary *summary,
                     bmd_trajectory *traj, bmd_error *err)
{
    memset(fr, 0, sizeof *fr);
    fr->ctx.earth = earth;
    fr->ctx.missile = missile;
    fr->ctx.plan = plan;
    if (model)
        fr->ctx.model = *model;
    bmd_missile_default_cd(&fr->ctx.default_cd);
    fr->ctx.cd = &fr->ctx.default_cd;
    fr->opt = opt;
    fr->sum = summary;
    fr->traj = traj;
    fr->err = err;
    fr->next_sample_s = 0.0;
}

/* One flight, its samples stored in traj or sent to sink (or neither). */
static int fly(const bmd_earth *earth, const bmd_missile *missile, const bmd_plan *plan,
               double lat_rad, double lon_rad, double height_m, const bmd_flight_options *opt,
               const bmd_flight_model *model, bmd_flight_summary *summary, bmd_trajectory *traj,
               bmd_sample_fn sink, void *sink_ctx, bmd_error *err)
{
    bmd_flight_options defaults;
    if (!opt) {
        bmd_flight_options_init(&defaults);
        opt = &defaults;
    }
    int rc;
    if (!earth || !summary)
        return bmd_error_set(err, BMD_EINVAL, "earth and summary must not be NULL");
    if ((rc = bmd_missile_validate(missile, err)) || (rc = check_plan(plan, err)) ||
        (rc = check_options(opt, err)))
        return rc;
    if (!(fabs(lat_rad) <= 0.5 * M_PI) || !isfinite(lon_rad))
        return bmd_error_set(err, BMD_EINVAL,
                             "launch latitude %g rad, longitude %g rad; latitude must be within "
                             "[-pi/2, pi/2] and longitude finite", lat_rad, lon_rad);
    if (!(height_m >= BMD_ATMOSPHERE_MIN_ALT_M && height_m < BMD_ATMOSPHERE_MAX_ALT_M))
        return bmd_error_set(err, BMD_EINVAL, "launch height %g m; allowed [-5000, 1e6) m",
                             height_m);
    bmd_flight_init_summary(summary, missile->n_stages);
    bmd_flight_run *fr = &(bmd_flight_run){0};
    init_run(fr, earth, missile, plan, opt, model, summary, traj, err);
    fr->sink = sink;
    fr->sink_ctx = sink_ctx;
    fr->launch_lat = lat_rad;
    fr->launch_lon = lon_rad;
    double r[3], v0[3] = {0.0, 0.0, 0.0};
    bmd_earth_geodetic_to_ecef(earth, lat_rad, lon_rad, height_m, r);
    bmd_earth_ecef_to_eci(earth, 0.0, r, v0, fr->y, fr->y + 3);
    fr->y[6] = bmd_missile_launch_mass_kg(missile);
    if ((rc = bmd_flight_record(fr, 0.0, fr->y)))
        return rc;
    if (opt->sample_interval_s > 0.0)
        fr->next_sample_s = opt->sample_interval_s;
    if ((rc = fly_boost(fr)) || (rc = bmd_flight_finish(fr)))
        return rc;
    return BMD_SUCCESS;
}

int bmd_flight_fly_model(const bmd_earth *earth, const bmd_missile *missile, const bmd_plan *plan,
                         double lat_rad, double lon_rad, double height_m,
                         const bmd_flight_options *opt, const bmd_flight_model *model,
                         bmd_flight_summary *summary, bmd_trajectory *traj, bmd_error *err)
{
    return fly(earth, missile, plan, lat_rad, lon_rad, height_m, opt, model, summary, traj, NULL,
               NULL, err);
}

int bmd_flight_fly_model_stream(const bmd_earth *earth, const bmd_missile *missile,
                                const bmd_plan *plan, double lat_rad, double lon_rad,
                                double height_m, const bmd_flight_options *opt,
                                const bmd_flight_model *model, bmd_flight_summary *summary,
                                bmd_sample_fn sink, void *context, bmd_error *err)
{
    if (!sink)
        return bmd_error_set(err, BMD_EINVAL, "the sample sink must not be NULL");
    return fly(earth, missile, plan, lat_rad, lon_rad, height_m, opt, model, summary, NULL, sink,
               context, err);
}

int bmd_trajectory_fly_stream(const bmd_earth *earth, const bmd_missile *missile,
                              const bmd_plan *plan, double lat_rad, double lon_rad,
                              double height_m, const bmd_flight_options *opt,
                              bmd_flight_summary *summary, bmd_sample_fn sink, void *context,
                              bmd_error *err)
{
    return bmd_flight_fly_model_stream(earth, missile, plan, lat_rad, lon_rad, height_m, opt,
                                       NULL, summary, sink, context, err);
}

int bmd_trajectory_fly(const bmd_earth *earth, const bmd_missile *missile, const bmd_plan *plan,
                       double lat_rad, double lon_rad, double height_m,
                       const bmd_flight_options *opt, bmd_flight_summary *summary,
                       bmd_trajectory *traj, bmd_error *err)
{
    return bmd_flight_fly_model(earth, missile, plan, lat_rad, lon_rad, height_m, opt, NULL,
                                summary, traj, err);
}

int bmd_flight_coast(const bmd_earth *earth, double t0_s, const double r_eci_m[3],
                     const double v_eci_m_s[3], double mass_kg, double beta_kg_m2,
                     const bmd_flight_options *opt, bmd_flight_summary *summary,
                     bmd_trajectory *traj, bmd_error *err)
{
    bmd_flight_options defaults;
    if (!opt) {
        bmd_flight_options_init(&defaults);
        opt = &defaults;
    }
    if (!earth || !summary || !(mass_kg > 0.0) || !(beta_kg_m2 >= 0.0))
        return bmd_error_set(err, BMD_EINVAL, "coast: bad arguments (mass %g kg, beta %g kg/m^2)",
                             mass_kg, beta_kg_m2);
    int rc = check_options(opt, err);
    if (rc)
        return rc;
    static const bmd_plan coast_plan = {BMD_STEER_GRAVITY_TURN, 0.0, 1.0, 0.0, 0.0, 0.0, 0.0};
    bmd_flight_model model = {beta_kg_m2 > 0.0 ? 0 : 1, 0};
    bmd_flight_init_summary(summary, 0);
    bmd_flight_run *fr = &(bmd_flight_run){0};
    init_run(fr, earth, NULL, &coast_plan, opt, &model, summary, traj, err);
    fr->t = t0_s;
    memcpy(fr->y, r_eci_m, 3 * sizeof(double));
    memcpy(fr->y + 3, v_eci_m_s, 3 * sizeof(double));
    fr->y[6] = mass_kg;
    fr->ctx.ballistic = 1;
    fr->ctx.inv_beta = beta_kg_m2 > 0.0 ? 1.0 / beta_kg_m2 : 0.0;
    bmd_flight_record_burnout(fr);
    fr->launch_lat = fr->sum->burnout_lat_rad;
    fr->launch_lon = fr->sum->burnout_lon_rad;
    if ((rc = bmd_flight_record(fr, fr->t, fr->y)))
        return rc;
    fr->next_sample_s = t0_s + opt->sample_interval_s;
    return bmd_flight_finish(fr);
}
