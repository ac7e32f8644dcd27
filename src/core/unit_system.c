/* The units people read (bmd/unit_system.h): the one conversion table of the tables and the
 * report. Exact definitions in the header (NIST SP 811, 2008, B.8). */
#include <string.h>

#include "bmd/unit_system.h"

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
    {"km²", {"km²", "mi²", "nmi²"}, {1.0, 1e6 / (MI_M * MI_M), 1e6 / (NMI_M * NMI_M)}, {0, 0, 0}},
};

static const char *const names[] = {"metric", "imperial", "nautical"};

int bmd_unit_system_parse(const char *text, bmd_unit_system *units, bmd_error *err)
{
    for (int i = 0; i < 3; i++)
        if (text && strcmp(text, names[i]) == 0) {
            if (units)
                *units = (bmd_unit_system)i;
            return BMD_SUCCESS;
        }
    return bmd_error_set(err, BMD_EINVAL, "units '%s': not metric, imperial or nautical",
                         text ? text : "(NULL)");
}

const char *bmd_unit_system_name(bmd_unit_system units)
{
    return (unsigned)units < 3 ? names[units] : "unknown";
}

const char *bmd_unit_system_description(bmd_unit_system units)
{
    switch (units) {
    case BMD_UNITS_METRIC:
        return "distances and altitudes in kilometres, speeds in km/s, heights in metres";
    case BMD_UNITS_IMPERIAL:
        return "distances and altitudes in statute miles (1 mi = 1.609344 km), speeds in mi/s, "
               "heights in feet (1 ft = 0.3048 m), areas in square miles";
    case BMD_UNITS_NAUTICAL:
        return "distances and altitudes in nautical miles (1 nmi = 1.852 km), speeds in knots "
               "(1 kn = 1.852 km/h), heights in feet (1 ft = 0.3048 m), areas in square nautical "
               "miles";
    }
    return "";
}

int bmd_unit_convert(bmd_unit_system units, const char *metric_unit, double value, int decimals,
                     double *value_out, const char **unit_out, int *decimals_out)
{
    *value_out = value;
    *unit_out = metric_unit;
    *decimals_out = decimals;
    if (!metric_unit || (unsigned)units >= 3)
        return 0;
    for (size_t i = 0; i < sizeof conversions / sizeof *conversions; i++)
        if (strcmp(metric_unit, conversions[i].metric) == 0) {
            const unit_row *r = &conversions[i];
            int d = decimals + r->decimals_shift[units];
            *value_out = value * r->factor[units];
            *unit_out = r->unit[units];
            *decimals_out = d < 0 ? 0 : d;
            return 1;
        }
    return 0;
}
