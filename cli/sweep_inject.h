/* cli/sweep_inject.h — parameter values that `bmdsim sweep` injects into the commands it runs
 * in-process: while a set is active, every catalogue entry the command line loads (the missile of
 * range, trajectory, engage, sensor; the interceptor and radar of engage) and every scenario it
 * opens (engage SCENARIO.yaml, report, footprint) gets the values of the paths of
 * docs/param_spec (missile.FIELD, missile[NAME].FIELD, interceptor[...].FIELD, radar[...].FIELD;
 * rules.* and every path in a scenario through bmd/param.h). Without an active set the hooks do
 * nothing. One set per process at a time: the sweep runs its points one after another. */
#ifndef BMD_CLI_SWEEP_INJECT_H
#define BMD_CLI_SWEEP_INJECT_H

#include "bmd/catalog.h"
#include "bmd/interceptor_catalog.h"
#include "bmd/radar_catalog.h"
#include "bmd/scenario.h"

#include <stddef.h>

#define CLI_INJECT_MAX 4

/* Activate n (at most CLI_INJECT_MAX) assignments path[i] = value[i] (the strings must outlive
 * the set); n = 0 deactivates. */
void cli_inject_set(const char *const *paths, const double *values, int n);

/* Apply the active assignments that concern entry (a missile, an interceptor, a radar by their
 * names), after any --set of the command. One line on stderr naming the path, the value and what
 * is allowed, and CLI_USAGE, when the catalogue refuses the value. */
int cli_inject_missile(const char *command, bmd_catalog_missile *entry);
int cli_inject_interceptor(const char *command, bmd_catalog_interceptor *entry);
int cli_inject_radar(const char *command, bmd_catalog_radar *entry);

/* Apply the active assignments to an opened scenario (bmd_param_apply); CLI_USAGE as above. */
int cli_inject_scenario(const char *command, bmd_scenario *scn);

/* The value of path in scenario file yaml (catalogue root catalog, NULL: the data directory's),
 * and the low:high the scenario or catalogue gives it (NAN when none). Returns a library status
 * with one line in msg (n bytes) for an unknown path, field or file. */
int cli_inject_scenario_nominal(const char *yaml, const char *catalog, const char *path,
                                double *value, double *lo, double *hi, char *msg, size_t n);

/* Split a catalogue path "KIND.FIELD" or "KIND[NAME].FIELD" (KIND missile, interceptor or radar):
 * kind and name (empty when absent) and a pointer to FIELD; 0 when path is not of that form. */
int cli_inject_split(const char *path, char *kind, size_t kind_n, char *name, size_t name_n,
                     const char **field);

#endif
