/* cli/common.h — helpers shared by the free-flight commands (kepler, loft). */
#ifndef BMD_CLI_COMMON_H
#define BMD_CLI_COMMON_H

#include "bmd/error.h"
#include "cli.h"

/* The spherical Earth of the analytic commands, from --earth-radius and --altitude. */
typedef struct cli_sphere {
    double radius_m;     /* surface radius */
    double altitude_km;  /* burnout (and reentry) altitude */
    double r_bo_m;       /* burnout radius */
    double mu;           /* gravitational parameter, m^3/s^2 */
} cli_sphere;

/* Read --earth-radius KM (default the mean radius) and --altitude KM (default 0). */
int cli_sphere_from_args(const cli_args *a, cli_sphere *s);

/* Read --range KM into a central angle (rad); at most half the circumference. */
int cli_range_angle(const cli_args *a, const cli_sphere *s, double *psi_rad);

/* Report a library error on stderr; input-domain errors (EINVAL, EDOM) give exit status 2. */
int cli_library_failure(const char *command, int status, const bmd_error *err);

#endif
