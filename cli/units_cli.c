/* The table units (units_cli.h): the run's unit system; the conversion table itself is the
 * library's (bmd/unit_system.h), which the HTML report uses too. */
#include <string.h>

#include "bmd/unit_system.h"
#include "units_cli.h"

static cli_units table_units = CLI_UNITS_METRIC;

int cli_units_parse(const char *text, cli_units *units)
{
    bmd_unit_system u;
    if (bmd_unit_system_parse(text, &u, NULL))
        return -1;
    *units = (cli_units)u;
    return 0;
}

int cli_units_strip(int *argc, char **argv, int first, const char **text)
{
    int n = first;
    *text = NULL;
    for (int i = first; i < *argc; i++) {
        if (strcmp(argv[i], "--units") == 0) {
            if (i + 1 >= *argc)
                return -1;
            *text = argv[++i];
        } else if (strncmp(argv[i], "--units=", 8) == 0) {
            *text = argv[i] + 8;
        } else {
            argv[n++] = argv[i];
        }
    }
    argv[n] = NULL;
    *argc = n;
    return 0;
}

void cli_units_set(cli_units units)
{
    table_units = units;
}

cli_units cli_units_get(void)
{
    return table_units;
}

void cli_units_convert(const char *unit, double value, int decimals, double *value_out,
                       const char **unit_out, int *decimals_out)
{
    bmd_unit_convert((bmd_unit_system)table_units, unit, value, decimals, value_out, unit_out,
                     decimals_out);
}
