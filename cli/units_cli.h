/* cli/units_cli.h — the units of the tables people read (--units metric|imperial|nautical): one
 * conversion table for every table printer. JSON stays SI-with-suffix (km, km/s, m in the key
 * names) whatever --units says: programs read JSON, people read tables. */
#ifndef BMD_CLI_UNITS_CLI_H
#define BMD_CLI_UNITS_CLI_H

#include "bmd/unit_system.h"

/* The library's unit systems (bmd/unit_system.h holds the one conversion table). */
typedef enum cli_units {
    CLI_UNITS_METRIC = BMD_UNITS_METRIC,     /* km, km/s, m (as computed) */
    CLI_UNITS_IMPERIAL = BMD_UNITS_IMPERIAL, /* statute miles, mi/s, feet */
    CLI_UNITS_NAUTICAL = BMD_UNITS_NAUTICAL  /* nautical miles, knots, feet */
} cli_units;

/* Parse "metric", "imperial" or "nautical"; 0 on success, -1 otherwise. */
int cli_units_parse(const char *text, cli_units *units);

/* Remove every "--units X" / "--units=X" from argv[first..*argc-1] (in place, keeping the order of
 * the rest) and return the last one's text in *text (NULL if none). Returns -1 when --units is the
 * last word (no value), else 0. */
int cli_units_strip(int *argc, char **argv, int first, const char **text);

/* The table units of this run (set once in main before the command runs; default metric). */
void cli_units_set(cli_units units);
cli_units cli_units_get(void);

/* A metric value of unit (km, km/s, m, m/s, km/h) shown with decimals digits, in the units of
 * this run: *value, *unit_out and *decimals_out converted; other units pass through unchanged. */
void cli_units_convert(const char *unit, double value, int decimals, double *value_out,
                       const char **unit_out, int *decimals_out);

#endif
