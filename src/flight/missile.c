/* Missile hardware: tables, the default drag curve, validation, masses, ideal delta-v
 * (see include/bmd/missile.h). */
#include "bmd/missile.h"

#include <math.h>
#include <stddef.h>

/* Linear interpolation in a table, clamped at the ends; binary search for the interval. */
double bmd_table_eval(const bmd_table *table, double x)
{
    if (!table || table->n <= 0)
        return 0.0;
    int n = table->n;
    if (n == 1 || x <= table->x[0])
        return table->y[0];
    if (x >= table->x[n - 1])
        return table->y[n - 1];
    int lo = 0, hi = n - 1;
    while (hi - lo > 1) {
        int mid = (lo + hi) / 2;
        if (table->x[mid] <= x)
            lo = mid;
        else
            hi = mid;
    }
    double f = (x - table->x[lo]) / (table->x[hi] - table->x[lo]);
    return table->y[lo] + f * (table->y[hi] - table->y[lo]);
}

/* Forden (2007) generic body drag curve: Cd against Mach on the body cross-section. */
void bmd_missile_default_cd(bmd_table *cd_mach)
{
    static const double mach[6] = {0.0, 0.85, 1.0, 1.2, 2.0, 4.5};
    static const double cd[6] = {0.20, 0.20, 0.27, 0.27, 0.20, 0.20};
    if (!cd_mach)
        return;
    cd_mach->n = 6;
    for (int i = 0; i < 6; i++) {
        cd_mach->x[i] = mach[i];
        cd_mach->y[i] = cd[i];
    }
}

/* Check one table: 0 <= n <= BMD_TABLE_MAX, finite values, x strictly increasing, y >= 0. */
static int check_table(const bmd_table *t, int stage, const char *field, bmd_error *err)
{
    if (t->n < 0 || t->n > BMD_TABLE_MAX)
        return bmd_error_set(err, BMD_EINVAL, "stage %d %s: %d points; allowed 0..%d", stage + 1,
                             field, t->n, BMD_TABLE_MAX);
    for (int i = 0; i < t->n; i++) {
        if (!isfinite(t->x[i]) || !isfinite(t->y[i]) || t->y[i] < 0.0)
            return bmd_error_set(err, BMD_EINVAL,
                                 "stage %d %s: point %d (%g, %g) must be finite with y >= 0",
                                 stage + 1, field, i + 1, t->x[i], t->y[i]);
        if (i > 0 && !(t->x[i] > t->x[i - 1]))
            return bmd_error_set(err, BMD_EINVAL,
                                 "stage %d %s: x must increase strictly, but x[%d] = %g follows %g",
                                 stage + 1, field, i + 1, t->x[i], t->x[i - 1]);
    }
    return BMD_SUCCESS;
}

/* A value that must be finite and > 0 (strict) or >= 0. */
static int check_value(double v, int strict, int stage, const char *field, bmd_error *err)
{
    if (!isfinite(v) || (strict ? !(v > 0.0) : !(v >= 0.0))) {
        if (stage >= 0)
            return bmd_error_set(err, BMD_EINVAL, "stage %d %s = %g; must be finite and %s",
                                 stage + 1, field, v, strict ? "> 0" : ">= 0");
        return bmd_error_set(err, BMD_EINVAL, "payload %s = %g; must be finite and %s", field, v,
                             strict ? "> 0" : ">= 0");
    }
    return BMD_SUCCESS;
}

/* Check a stage's thrust table: times from 0 upward, thrust not all zero. */
static int check_thrust_table(const bmd_stage *s, int i, bmd_error *err)
{
    const bmd_table *t = &s->thrust_vacuum_n;
    int rc = check_table(t, i, "thrust_vacuum_n", err);
    if (rc || t->n == 0)
        return rc;
    if (t->n < 2 || t->x[0] < 0.0)
        return bmd_error_set(err, BMD_EINVAL,
                             "stage %d thrust_vacuum_n: needs >= 2 points from time >= 0 (has %d, "
                             "first time %g s)", i + 1, t->n, t->x[0]);
    double impulse = 0.0;
    for (int k = 1; k < t->n; k++)
        impulse += 0.5 * (t->y[k] + t->y[k - 1]) * (t->x[k] - t->x[k - 1]);
    if (!(impulse > 0.0))
        return bmd_error_set(err, BMD_EINVAL, "stage %d thrust_vacuum_n: total impulse is zero",
                             i + 1);
    return BMD_SUCCESS;
}

int bmd_missile_validate(const bmd_missile *m, bmd_error *err)
{
    if (!m)
        return bmd_error_set(err, BMD_EINVAL, "missile is NULL");
    if (m->n_stages < 1 || m->n_stages > BMD_MAX_STAGES)
        return bmd_error_set(err, BMD_EINVAL, "missile '%.*s' has %d stages; allowed 1..%d",
                             BMD_NAME_MAX, m->name, m->n_stages, BMD_MAX_STAGES);
    for (int i = 0; i < m->n_stages; i++) {
        const bmd_stage *s = &m->stages[i];
        int rc;
        if ((rc = check_value(s->propellant_mass_kg, 1, i, "propellant_mass_kg", err)) ||
            (rc = check_value(s->dry_mass_kg, 0, i, "dry_mass_kg", err)) ||
            (rc = check_value(s->isp_vacuum_s, 1, i, "isp_vacuum_s", err)) ||
            (rc = check_value(s->isp_sea_level_s, 0, i, "isp_sea_level_s", err)) ||
            (rc = check_value(s->nozzle_exit_area_m2, 0, i, "nozzle_exit_area_m2", err)) ||
            (rc = check_value(s->diameter_m, 1, i, "diameter_m", err)) ||
            (rc = check_value(s->coast_before_s, 0, i, "coast_before_s", err)))
            return rc;
        if (s->thrust_vacuum_n.n == 0 &&
            (rc = check_value(s->burn_time_s, 1, i, "burn_time_s", err)))
            return rc;
        if (s->isp_sea_level_s > s->isp_vacuum_s)
            return bmd_error_set(err, BMD_EINVAL,
                                 "stage %d isp_sea_level_s = %g s exceeds isp_vacuum_s = %g s",
                                 i + 1, s->isp_sea_level_s, s->isp_vacuum_s);
        if (i == 0 && s->coast_before_s != 0.0)
            return bmd_error_set(err, BMD_EINVAL,
                                 "stage 1 coast_before_s = %g s; must be 0 for the first stage",
                                 s->coast_before_s);
        if ((rc = check_thrust_table(s, i, err)) || (rc = check_table(&s->cd_mach, i, "cd_mach", err)))
            return rc;
    }
    const bmd_payload *p = &m->payload;
    int rc;
    if ((rc = check_value(p->rv_mass_kg, 1, -1, "rv_mass_kg", err)) ||
        (rc = check_value(p->rv_beta_kg_m2, 0, -1, "rv_beta_kg_m2", err)) ||
        (rc = check_value(p->bus_mass_kg, 0, -1, "bus_mass_kg", err)) ||
        (rc = check_value(p->shroud_mass_kg, 0, -1, "shroud_mass_kg", err)) ||
        (rc = check_value(p->shroud_jettison_s, 0, -1, "shroud_jettison_s", err)))
        return rc;
    return BMD_SUCCESS;
}

double bmd_missile_launch_mass_kg(const bmd_missile *m)
{
    if (!m)
        return 0.0;
    double mass = m->payload.rv_mass_kg + m->payload.bus_mass_kg + m->payload.shroud_mass_kg;
    for (int i = 0; i < m->n_stages && i < BMD_MAX_STAGES; i++)
        mass += m->stages[i].propellant_mass_kg + m->stages[i].dry_mass_kg;
    return mass;
}

/* Sum of g0 Isp_vac ln(m_before/m_after) over the stages; the shroud is counted as carried. */
double bmd_missile_ideal_delta_v_m_s(const bmd_missile *m)
{
    if (!m)
        return 0.0;
    double mass = bmd_missile_launch_mass_kg(m);
    double dv = 0.0;
    for (int i = 0; i < m->n_stages && i < BMD_MAX_STAGES; i++) {
        const bmd_stage *s = &m->stages[i];
        double after = mass - s->propellant_mass_kg;
        if (after > 0.0 && mass > 0.0)
            dv += BMD_G0_M_S2 * s->isp_vacuum_s * log(mass / after);
        mass = after - s->dry_mass_kg;
    }
    return dv;
}
