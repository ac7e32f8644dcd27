/* bmd/gravity.h — gravitational acceleration of the Earth model: point mass plus the J2 zonal
 * term (zero on the sphere). J2 is symmetric about the rotation axis, so the same formula holds in
 * ECEF and in the inertial frame that shares its z axis. Equations: docs/physics.md. */
#ifndef BMD_GRAVITY_H
#define BMD_GRAVITY_H

#include "bmd/api.h"

#include "bmd/earth.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Gravitational acceleration (m/s^2) at position r (m, Earth-centred, z along the spin axis). */
BMD_API void bmd_gravity_accel(const bmd_earth *earth, const double r_m[3], double accel_m_s2[3]);

/* Gravitational potential energy per unit mass (J/kg, negative) at r, including J2; with the
 * kinetic energy it gives the conserved energy of a coasting body in the inertial frame. */
BMD_API double bmd_gravity_potential(const bmd_earth *earth, const double r_m[3]);

#ifdef __cplusplus
}
#endif
#endif
