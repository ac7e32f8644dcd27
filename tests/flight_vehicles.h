/* flight_vehicles.h — the test vehicles: shipped catalogue files (data/catalog/missiles), loaded
 * here so that the validated data are the shipped data, and a helper for synthetic stages.
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

#include <stdlib.h>

#include "bmd/catalog.h"
#include "bmd/missile.h"

#ifndef BMD_TEST_DATA_DIR
#define BMD_TEST_DATA_DIR "data"
#endif

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

/* Load a shipped catalogue vehicle (data/catalog/missiles/NAME.yaml): the vehicle data live in
 * the catalogue only, so the tests validate the shipped files. Directory: $BMD_DATA_DIR/catalog/
 * missiles (set by CTest), else the source tree's. Aborts the test on failure. */
static inline void load_vehicle(bmd_missile *m, const char *name)
{
    static bmd_catalog_missile entry; /* large; tests are single-threaded */
    char dir[1024];
    const char *env = getenv("BMD_DATA_DIR");
    snprintf(dir, sizeof dir, "%s/catalog/missiles", env && *env ? env : BMD_TEST_DATA_DIR);
    bmd_error err;
    if (bmd_catalog_find_missile(dir, name, &entry, &err) != BMD_SUCCESS) {
        fprintf(stderr, "cannot load %s: %s\n", name, err.message);
        abort();
    }
    *m = entry.missile;
}

/* Forden's (2007) Table 1 vehicles as shipped (scud-b.yaml etc.): launch masses 5,897 / 6,264 /
 * 20,900 / 25,251 kg. The catalogue's warheads separate with the burnt-out body's beta. */
static inline void vehicle_scud_b(bmd_missile *m) { load_vehicle(m, "scud-b"); }
static inline void vehicle_al_hussein(bmd_missile *m) { load_vehicle(m, "al-hussein"); }

/* No-dong with a chosen body diameter (Forden Table 1: 0.88 m; Thrusty's files 1.32 m). */
static inline void vehicle_nodong(bmd_missile *m, double diameter)
{
    load_vehicle(m, "no-dong");
    m->stages[0].diameter_m = diameter;
}

/* Taepodong-I with a chosen first-stage diameter. */
static inline void vehicle_taepodong_1(bmd_missile *m, double diameter1)
{
    load_vehicle(m, "taepodong-1");
    m->stages[0].diameter_m = diameter1;
}

/* Minuteman III: the catalogue's pytrajlib booster with pytrajlib's own light payload (450 kg RV,
 * 100 kg bus) and a notional RV beta of 1e4 kg/m^2, not the catalogue's three-warhead load; the
 * exhaust speeds 2,619 / 2,815 / 2,796 m/s and the 2.27 m^2 area of swerve.json exactly (the
 * catalogue stores Isp x 9.81 and 1.7 m, 0.02% apart; the aiming tests were tuned on these). */
static inline void vehicle_minuteman_3(bmd_missile *m)
{
    static const double ve[3] = {2619.0, 2815.0, 2796.0};
    load_vehicle(m, "minuteman-3");
    for (int i = 0; i < 3; i++) {
        m->stages[i].isp_vacuum_s = ve[i] / BMD_G0_M_S2;
        m->stages[i].diameter_m = sqrt(4.0 * 2.27 / M_PI);
    }
    m->payload.rv_mass_kg = 450.0;
    m->payload.bus_mass_kg = 100.0;
    m->payload.rv_beta_kg_m2 = 1.0e4;
}

#endif
