/* loft_internal.h — helpers shared by the loft files (loft_setup.c, loft_fit.c,
 * loft_estimate.c). Not part of the public API. */
#ifndef BMD_FLIGHT_LOFT_INTERNAL_H
#define BMD_FLIGHT_LOFT_INTERNAL_H

#include "bmd/loft.h"

/* Each stage's vacuum thrust-to-weight at its ignition (mean thrust Isp g0 m_p / t_b). */
void bmd_loft_stage_tw(const bmd_missile *missile, double tw[BMD_MAX_STAGES]);

/* The template with the setup's test payload and stage split applied (before s and b).
 * Errors: those of bmd_missile_validate. */
int bmd_loft_base_missile(const bmd_missile *template_missile, const bmd_loft_setup *setup,
                          bmd_missile *out, bmd_error *err);

/* Check observation and setup; messages in km, s and degrees. Errors: BMD_EINVAL. */
int bmd_loft_check_inputs(const bmd_earth *earth, const bmd_loft_setup *setup,
                          const bmd_loft_observation *obs, bmd_error *err);

#endif
