/* Helpers shared by the free-flight commands. */
#include <math.h>

#include "bmd/earth.h"
#include "common.h"

int cli_sphere_from_args(const cli_args *a, cli_sphere *s)
{
    double radius_km, alt_km;
    if (cli_number(a, "earth-radius", BMD_EARTH_MEAN_RADIUS_M / 1e3, 1000, 0, 100000, 0, "km",
                   &radius_km) ||
        cli_number(a, "altitude", 0, 0, 0, 10000, 0, "km", &alt_km))
        return CLI_USAGE;
    s->radius_m = radius_km * 1e3;
    s->altitude_km = alt_km;
    s->r_bo_m = s->radius_m + alt_km * 1e3;
    s->mu = BMD_WGS84_GM_M3_S2;
    return CLI_OK;
}

int cli_range_angle(const cli_args *a, const cli_sphere *s, double *psi_rad)
{
    double half_km = M_PI * s->radius_m / 1e3, range_km;
    if (cli_number(a, "range", 0, 0, 1, half_km, 0, "km (half the circumference at most)",
                   &range_km))
        return CLI_USAGE;
    *psi_rad = range_km * 1e3 / s->radius_m;
    return CLI_OK;
}

int cli_exit_status(int bmd_status)
{
    switch (bmd_status) {
    case BMD_SUCCESS: return CLI_OK;
    case BMD_EINVAL:
    case BMD_EIO:
    case BMD_ENOTFOUND:
    case BMD_EPARSE: return CLI_USAGE;
    case BMD_EDOM: return CLI_NO_SOLUTION;
    default: return CLI_FAILED; /* ENOMEM, EMAXITER, ESTEP, EBADFUNC */
    }
}

void cli_print_exit_statuses(FILE *out)
{
    fprintf(out, "\nexit status: 0 success (also for a negative verdict); 1 internal failure "
                 "(computation failed,\n  out of memory, standard output not written); 2 usage "
                 "or input error (bad option or value,\n  unknown name, missing or malformed "
                 "file, output file not writable); 3 no solution (e.g.\n  target out of reach); "
                 "130 interrupted\n");
}

int cli_library_failure(const char *command, int status, const bmd_error *err)
{
    cli_complain(command, "%s",
                 err && err->message[0] ? err->message : bmd_status_name(status));
    return cli_exit_status(status);
}
