/* flight_vehicles.h — test vehicles with their published data (the catalogue YAML is separate).
 *
 * Forden's four reference vehicles: G. Forden, "GUI_Missile_Flyout: A General Program for
 * Simulating Ballistic Missiles", Science & Global Security 15 (2007), Table 1, as tabulated in
 * docs of Thrusty (an open successor of Forden's tool; see /work/shared/references.md section 2):
 * constant thrust F_vac = Isp g0 m_p / t_b reduced by 2% per atmosphere (Isp_sl = 0.98 Isp_vac),
 * Forden's Cd(Mach) curve on the body cross-section, the warhead does not separate.
 *
 * Minuteman III: the default vehicle of pytrajlib (MIT Laboratory for Nuclear Security and
 * Policy): wet mass 23,230 / 7,270 / 3,710 kg, propellant 20,780 / 6,240 / 3,306 kg, Isp g0
 * 2,619 / 2,815 / 2,796 m/s, burn 61 / 66 / 61 s, reference area 2.27 m^2, Cd 0.15, bus 100 kg,
 * RV 450 kg. The RV ballistic coefficient (1e4 kg/m^2) is notional. */
#ifndef TEST_FLIGHT_VEHICLES_H
#define TEST_FLIGHT_VEHICLES_H

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bmd/missile.h"

/* One Forden-style constant-thrust stage. */
static inline void forden_stage(bmd_stage *s, double propellant, double dry, double isp,
                                double burn, double diameter)
{
    memset(s, 0, sizeof *s);
    s->propellant_mass_kg = propellant;
    s->dry_mass_kg = dry;
    s->isp_vacuum_s = isp;
    s->isp_sea_level_s = 0.98 * isp; /* thrust reduced 2% per atmosphere */
    s->burn_time_s = burn;
    s->diameter_m = diameter;
    bmd_missile_default_cd(&s->cd_mach);
}

/* A single-stage Forden vehicle; payload flies on with the body (no separation). */
static inline void forden_single(bmd_missile *m, const char *name, double propellant, double dry,
                                 double isp, double burn, double diameter, double payload)
{
    memset(m, 0, sizeof *m);
    snprintf(m->name, sizeof m->name, "%s", name);
    m->n_stages = 1;
    forden_stage(&m->stages[0], propellant, dry, isp, burn, diameter);
    m->payload.rv_mass_kg = payload;
    m->payload.rv_beta_kg_m2 = 0.0;
}

/* Scud-B: launch 5,897 kg, propellant 3,699 kg, burnout 2,198 kg incl. 1,000 kg payload, Isp 230 s,
 * burn 75 s, diameter 0.84 m (Forden 2007, Table 1). */
static inline void vehicle_scud_b(bmd_missile *m)
{
    forden_single(m, "Scud-B", 3699.0, 1198.0, 230.0, 75.0, 0.84, 1000.0);
}

/* Al Hussein: launch 6,264 kg, propellant 4,739 kg, burnout 1,525 kg incl. 191 kg payload,
 * Isp 230 s, burn 90 s, diameter 0.84 m. */
static inline void vehicle_al_hussein(bmd_missile *m)
{
    forden_single(m, "Al Hussein", 4739.0, 1334.0, 230.0, 90.0, 0.84, 191.0);
}

/* No-dong: launch 20,900 kg, propellant 16,000 kg, burnout 4,900 kg incl. 1,000 kg payload,
 * Isp 240 s, burn 70 s, diameter 0.88 m (Forden Table 1; Thrusty's files say 1.32 m). */
static inline void vehicle_nodong(bmd_missile *m, double diameter)
{
    forden_single(m, "No-dong", 16000.0, 3900.0, 240.0, 70.0, diameter, 1000.0);
}

/* Taepodong-I: stage 1 propellant 16,100 kg, dry 3,800 kg, Isp 240 s, burn 70 s, d 0.88 m;
 * stage 2 propellant 3,699 kg, dry 1,198 kg, Isp 230 s, burn 75 s, d 0.84 m; payload 454 kg;
 * launch mass 25,251 kg. */
static inline void vehicle_taepodong_1(bmd_missile *m, double diameter1)
{
    forden_single(m, "Taepodong-I", 16100.0, 3800.0, 240.0, 70.0, diameter1, 454.0);
    m->n_stages = 2;
    forden_stage(&m->stages[1], 3699.0, 1198.0, 230.0, 75.0, 0.84);
}

/* Minuteman III after pytrajlib (see above); Isp at sea level taken equal to vacuum. */
static inline void vehicle_minuteman_3(bmd_missile *m)
{
    static const double wet[3] = {23230.0, 7270.0, 3710.0};
    static const double prop[3] = {20780.0, 6240.0, 3306.0};
    static const double ve[3] = {2619.0, 2815.0, 2796.0};
    static const double burn[3] = {61.0, 66.0, 61.0};
    memset(m, 0, sizeof *m);
    snprintf(m->name, sizeof m->name, "Minuteman III");
    m->n_stages = 3;
    double d = sqrt(4.0 * 2.27 / M_PI); /* reference area 2.27 m^2 */
    for (int i = 0; i < 3; i++) {
        bmd_stage *s = &m->stages[i];
        s->propellant_mass_kg = prop[i];
        s->dry_mass_kg = wet[i] - prop[i];
        s->isp_vacuum_s = ve[i] / BMD_G0_M_S2;
        s->burn_time_s = burn[i];
        s->diameter_m = d;
        s->cd_mach.n = 2; /* constant Cd 0.15 */
        s->cd_mach.x[0] = 0.0;
        s->cd_mach.x[1] = 10.0;
        s->cd_mach.y[0] = s->cd_mach.y[1] = 0.15;
    }
    m->payload.bus_mass_kg = 100.0;
    m->payload.rv_mass_kg = 450.0;
    m->payload.rv_beta_kg_m2 = 1.0e4;
}

#endif
