/* The table units (units_cli.h): the one conversion table of the command line.
 *
 * Exact definitions: 1 international mile = 1609.344 m, 1 international nautical mile = 1852 m,
 * 1 foot = 0.3048 m (international yard and pound agreement, 1959; NIST SP 811, 2008, B.8);
 * 1 knot = 1 nmi/h = 1852/3600 m/s. Nautical units follow aviation and naval use: distances in
 * nautical miles, speeds in knots, heights in feet. */
#include <string.h>

#include "units_cli.h"

static cli_units table_units = CLI_UNITS_METRIC;

#define MI_M 1609.344
#define NMI_M 1852.0
#define FT_M 0.3048

/* One metric unit and what it becomes: factor multiplies the metric value; decimals_shift is
 * added to the digits shown (a knot is ~1/2000 of a km/s: fewer decimals). */
typedef struct unit_row {
    const char *metric;
    const char *unit[3];
    double factor[3];
    int decimals_shift[3];
} unit_row;

static const unit_row conversions[] = {
    {"km", {"km", "mi", "nmi"}, {1.0, 1e3 / MI_M, 1e3 / NMI_M}, {0, 0, 0}},
    {"km/s", {"km/s", "mi/s", "kn"}, {1.0, 1e3 / MI_M, 3.6e6 / NMI_M}, {0, 0, -3}},
    {"km/h", {"km/h", "mph", "kn"}, {1.0, 1e3 / MI_M, 1e3 / NMI_M}, {0, 0, 0}},
    {"m", {"m", "ft", "ft"}, {1.0, 1.0 / FT_M, 1.0 / FT_M}, {0, 0, 0}},
    {"m/s", {"m/s", "ft/s", "kn"}, {1.0, 1.0 / FT_M, 3600.0 / NMI_M}, {0, 0, 0}},
};

int cli_units_parse(const char *text, cli_units *units)
{
    static const char *names[] = {"metric", "imperial", "nautical"};
    for (int i = 0; i < 3; i++)
        if (text && strcmp(text, names[i]) == 0) {
            *units = (cli_units)i;
            return 0;
        }
    return -1;
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
    *value_out = value;
    *unit_out = unit;
    *decimals_out = decimals;
    if (!unit)
        return;
    for (size_t i = 0; i < sizeof conversions / sizeof *conversions; i++)
        if (strcmp(unit, conversions[i].metric) == 0) {
            const unit_row *r = &conversions[i];
            int d = decimals + r->decimals_shift[table_units];
            *value_out = value * r->factor[table_units];
            *unit_out = r->unit[table_units];
            *decimals_out = d < 0 ? 0 : d;
            return;
        }
}
