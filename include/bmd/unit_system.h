/* bmd/unit_system.h — the units people read (metric, imperial, nautical): ONE conversion table
 * for the command line's tables and the HTML report. The library computes in SI; this table is
 * used only where numbers are shown to people. JSON, GeoJSON, KML and CZML stay SI with the unit
 * in the key name (range_km, speed_km_s) whatever unit system is chosen.
 *
 * Exact definitions: 1 international mile = 1609.344 m, 1 international nautical mile = 1852 m,
 * 1 foot = 0.3048 m (international yard and pound agreement, 1959; NIST SP 811, 2008, B.8);
 * 1 knot = 1 nmi/h = 1852/3600 m/s. Nautical units follow aviation and naval use: distances in
 * nautical miles, speeds in knots, heights in feet. */
#ifndef BMD_UNIT_SYSTEM_H
#define BMD_UNIT_SYSTEM_H

#include "bmd/api.h"
#include "bmd/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum bmd_unit_system {
    BMD_UNITS_METRIC = 0,   /* km, km/s, m (as computed) */
    BMD_UNITS_IMPERIAL = 1, /* statute miles, mi/s, feet */
    BMD_UNITS_NAUTICAL = 2  /* nautical miles, knots, feet */
} bmd_unit_system;

/* Parse "metric", "imperial" or "nautical" into *units. Errors: BMD_EINVAL naming the text and
 * the three allowed names. */
BMD_API int bmd_unit_system_parse(const char *text, bmd_unit_system *units, bmd_error *err);

/* "metric", "imperial" or "nautical"; "unknown" for another value. */
BMD_API const char *bmd_unit_system_name(bmd_unit_system units);

/* One sentence saying what the system shows ("distances and altitudes in statute miles
 * (1 mi = 1.609344 km), speeds in mi/s and mph, heights in feet"); "" for an unknown value. */
BMD_API const char *bmd_unit_system_description(bmd_unit_system units);

/* A metric value of unit metric_unit ("km", "km/s", "km/h", "m", "m/s", "km²") shown with
 * decimals digits, in units: *value_out, *unit_out (a static string) and *decimals_out
 * converted. Returns 1 when the unit is in the table, 0 when it is not (then the value, unit and
 * decimals pass through unchanged, as they do for NULL metric_unit or an unknown system). */
BMD_API int bmd_unit_convert(bmd_unit_system units, const char *metric_unit, double value,
                             int decimals, double *value_out, const char **unit_out,
                             int *decimals_out);

#ifdef __cplusplus
}
#endif
#endif
