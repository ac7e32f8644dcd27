/* bmd/atmosphere.h — the U.S. Standard Atmosphere, 1976 (NOAA/NASA/USAF, NASA TM-X-74335).
 * From -5 km to 86 km geometric altitude the exact piecewise definition (7 layers in geopotential
 * altitude, hydrostatic pressure); from 86 to 1,000 km the standard's temperature profile and its
 * printed pressure and density tables, interpolated (log-linear or spline, see docs/physics.md).
 * Above 1,000 km the air is treated as vacuum. Pure functions, thread-safe. */
#ifndef BMD_ATMOSPHERE_H
#define BMD_ATMOSPHERE_H

#include "bmd/api.h"

#include "bmd/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* The state of the air at one altitude. */
typedef struct bmd_atmosphere {
    double temperature_k;       /* kinetic temperature */
    double pressure_pa;
    double density_kg_m3;
    double speed_of_sound_m_s;  /* sqrt(gamma R T / M); above 86 km where the standard does not
                                   define it, the value at 86 km's molecular weight is used */
} bmd_atmosphere;

/* Lowest and highest altitudes (geometric, m) the model accepts. */
#define BMD_ATMOSPHERE_MIN_ALT_M (-5000.0)
#define BMD_ATMOSPHERE_MAX_ALT_M 1000000.0

/* The atmosphere at geometric altitude altitude_m. Above 1,000 km: zero pressure and density,
 * temperature 1000 K (the exospheric value). Errors: BMD_EINVAL for altitudes below -5 km or NaN. */
BMD_API int bmd_atmosphere_us76(double altitude_m, bmd_atmosphere *out, bmd_error *err);

/* Density only (kg/m^3), the fast path for drag; 0 above 1,000 km, the -5 km value below -5 km. */
BMD_API double bmd_atmosphere_density(double altitude_m);

#ifdef __cplusplus
}
#endif
#endif
