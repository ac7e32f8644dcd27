/* The equations of motion of a missile in the inertial frame (ECI = ECEF at launch): gravity,
 * thrust with its ambient-pressure loss, drag from the air-relative velocity, and the steering
 * laws of bmd_plan. Equations: docs/physics.md (flight section). */
#include <math.h>
#include <stddef.h>

#include "bmd/atmosphere.h"
#include "bmd/gravity.h"
#include "flight/flight_internal.h"

/* Geodetic ENU basis and height at r; lat/lon of r in whichever frame r is given. */
void bmd_flight_local_frame(const bmd_earth *earth, const double r[3], double east[3],
                            double north[3], double up[3], double *height_m)
{
    const double h = bmd_earth_local_frame(earth, r, east, north, up);
    if (height_m)
        *height_m = h;
}

double bmd_flight_height_m(bmd_flight_ctx *ctx, const double r[3])
{
    if (ctx->memo_set && ctx->memo_r[0] == r[0] && ctx->memo_r[1] == r[1] &&
        ctx->memo_r[2] == r[2])
        return ctx->memo_h_m;
    if (!ctx->memo_set)
        ctx->foot[0] = NAN;
    ctx->memo_h_m = bmd_earth_altitude_near(ctx->earth, r, ctx->foot, NULL);
    ctx->memo_r[0] = r[0], ctx->memo_r[1] = r[1], ctx->memo_r[2] = r[2];
    ctx->memo_set = 1;
    return ctx->memo_h_m;
}

/* Thrust elevation above the local horizontal of the pitch program at time t. */
static double pitch_elevation(const bmd_plan *plan, double t)
{
    const double vertical = 0.5 * M_PI;
    if (t <= plan->vertical_rise_s)
        return vertical;
    if (t >= plan->pitch_end_s)
        return plan->pitch_final_rad;
    double f = (t - plan->vertical_rise_s) / (plan->pitch_end_s - plan->vertical_rise_s);
    return vertical + f * (plan->pitch_final_rad - vertical);
}

void bmd_flight_steer(const bmd_flight_ctx *ctx, double t, const double r[3],
                      const double v_rel[3], double u[3])
{
    const bmd_plan *plan = ctx->plan;
    if (plan->steering == BMD_STEER_GRAVITY_TURN && ctx->kicked) {
        double s = sqrt(v_rel[0] * v_rel[0] + v_rel[1] * v_rel[1] + v_rel[2] * v_rel[2]);
        if (s > 1e-6) {
            for (int i = 0; i < 3; i++)
                u[i] = v_rel[i] / s;
            return;
        }
    }
    double e[3], n[3], up[3];
    bmd_flight_local_frame(ctx->earth, r, e, n, up, NULL);
    if (plan->steering == BMD_STEER_PITCH_PROGRAM) {
        double el = pitch_elevation(plan, t);
        double ch = cos(el), sh = sin(el);
        double sa = sin(plan->azimuth_rad), ca = cos(plan->azimuth_rad);
        for (int i = 0; i < 3; i++)
            u[i] = ch * (sa * e[i] + ca * n[i]) + sh * up[i];
        return;
    }
    for (int i = 0; i < 3; i++)
        u[i] = up[i];
}

/* Drag acceleration of the stack (Cd(Mach) on the body cross-section) or of the RV alone
 * (ballistic coefficient); also returns the ambient pressure for the thrust law. */
static int drag_accel(const bmd_flight_ctx *c, double alt, const double v_rel[3], double m,
                      double acc[3], double *pressure_pa)
{
    *pressure_pa = 0.0;
    acc[0] = acc[1] = acc[2] = 0.0;
    if (c->model.no_atmosphere || alt >= BMD_ATMOSPHERE_MAX_ALT_M)
        return 0;
    double vr = sqrt(v_rel[0] * v_rel[0] + v_rel[1] * v_rel[1] + v_rel[2] * v_rel[2]);
    double k;
    if (c->inv_beta > 0.0) {
        double rho = bmd_atmosphere_density(alt);
        k = 0.5 * rho * vr * c->inv_beta;
    } else {
        bmd_atmosphere atm;
        double h = alt < BMD_ATMOSPHERE_MIN_ALT_M ? BMD_ATMOSPHERE_MIN_ALT_M : alt;
        if (bmd_atmosphere_us76(h, &atm, NULL) != BMD_SUCCESS)
            return 1;
        *pressure_pa = atm.pressure_pa;
        double mach = atm.speed_of_sound_m_s > 0.0 ? vr / atm.speed_of_sound_m_s : 0.0;
        double cd = bmd_table_eval(c->cd, mach);
        k = 0.5 * atm.density_kg_m3 * vr * cd * c->area_m2 / m;
    }
    for (int i = 0; i < 3; i++)
        acc[i] = -k * v_rel[i];
    return 0;
}

/* Thrust (N) and mass flow (kg/s) of the burning stage at time t and ambient pressure p. */
static void thrust(const bmd_flight_ctx *c, double t, double p, double *f_n, double *mdot)
{
    const bmd_stage *s = &c->missile->stages[c->stage];
    double f_vac = c->f_vac_n;
    *mdot = c->mdot_kg_s;
    if (s->thrust_vacuum_n.n > 0) {
        f_vac = bmd_table_eval(&s->thrust_vacuum_n, t - c->t_ignition_s);
        *mdot = f_vac * c->table_mdot_per_n;
    }
    double f;
    if (s->nozzle_exit_area_m2 > 0.0) {
        f = f_vac - p * s->nozzle_exit_area_m2;
    } else {
        double isp_sl = s->isp_sea_level_s > 0.0 ? s->isp_sea_level_s : s->isp_vacuum_s;
        double f_sl = f_vac * isp_sl / s->isp_vacuum_s;
        f = f_vac - (f_vac - f_sl) * p / BMD_FLIGHT_P0_PA;
    }
    *f_n = f > 0.0 ? f : 0.0;
}

int bmd_flight_rhs(double t, const double *y, double *dydt, void *ctx)
{
    bmd_flight_ctx *c = ctx;
    const double *r = y, *v = y + 3;
    double m = y[6];
    if (!(m > 0.0))
        return 1;
    double w = c->earth->omega_rad_s;
    double v_rel[3] = {v[0] + w * r[1], v[1] - w * r[0], v[2]};
    double acc[3] = {0.0, 0.0, 0.0};
    if (!c->model.no_gravity)
        bmd_gravity_accel(c->earth, r, acc);
    double alt = bmd_flight_height_m(c, r);
    double drag[3], p;
    if (drag_accel(c, alt, v_rel, m, drag, &p))
        return 1;
    double mdot = 0.0;
    if (c->powered) {
        double f, u[3];
        thrust(c, t, p, &f, &mdot);
        bmd_flight_steer(c, t, r, v_rel, u);
        for (int i = 0; i < 3; i++)
            acc[i] += f / m * u[i];
    }
    for (int i = 0; i < 3; i++) {
        dydt[i] = v[i];
        dydt[3 + i] = acc[i] + drag[i];
    }
    dydt[6] = -mdot;
    return 0;
}
