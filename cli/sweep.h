/* cli/sweep.h — bmdsim sweep (cmd_sweep.c): one or two parameters varied over a grid, the target
 * command run in-process at every grid point with the value injected, its JSON read and its
 * numbers tabulated. The axis (sweep_axis.c, sweep_given.c, sweep_argv.c), one run of the target
 * (sweep_run.c) and the outputs (sweep_out.c). */
#ifndef BMD_CLI_SWEEP_H
#define BMD_CLI_SWEEP_H

#include <stddef.h>

#include "cli.h"

#define SWEEP_MAX_POINTS_1D 1001   /* values of one axis */
#define SWEEP_MAX_GRID 10000       /* grid points in all */
#define SWEEP_MAX_ARGS 96          /* arguments of the target command, injected ones included */
#define SWEEP_MAX_METRICS 64
#define SWEEP_MAX_TEXTS 48

/* How an axis value reaches the target command. */
typedef enum sweep_target {
    SWEEP_FLAG,          /* --FLAG VALUE */
    SWEEP_FLAG_LAT,      /* the latitude of --FLAG LAT,LON (the longitude as given) */
    SWEEP_FLAG_LON,      /* the longitude of --FLAG LAT,LON */
    SWEEP_FLAG_LAUNCH_ON,/* rules.launch_on: 0 ir-track, 1 burnout, 2 radar-track as --launch-on */
    SWEEP_DELAY_TOTAL,   /* rules.total_delay_s: the three delay flags scaled in proportion */
    SWEEP_PARAM          /* a catalogue or scenario parameter path (sweep_inject.h) */
} sweep_target;

typedef struct sweep_axis {
    char spec[256];          /* as given, for messages */
    char name[128];          /* the path or --FLAG as given (the CSV/JSON column) */
    char unit[16];           /* from the name's suffix (_kg, _s, _km_s, ...) or "deg" */
    sweep_target target;
    char flag[48];           /* SWEEP_FLAG*: the flag without dashes */
    char path[128];          /* SWEEP_PARAM: the normalised path */
    double delays[3];        /* SWEEP_DELAY_TOTAL: track, decision, launch as given or default */
    int n;
    double *values;          /* n values (owned) */
    double nominal;          /* the catalogue / given value; NAN when unknown */
    char nominal_from[96];   /* where the nominal value comes from */
    int also_payload_grid;   /* range: set --payload-min and --payload-max to the value too */
} sweep_axis;

/* The target command as given after "--": its name and arguments. */
typedef struct sweep_command {
    const char *name;
    int (*run)(int argc, char **argv);
    int argc;                /* arguments after the name */
    char **argv;
    double payload_kg;       /* range: the catalogue RV mass the rows are pinned to (NAN: not) */
} sweep_command;

/* range without a payload axis or --payload-min/max: the catalogue RV mass of its missile (one
 * row at the catalogue payload instead of its default five), else NAN. */
double sweep_range_payload(const sweep_command *cmd);

/* Parse axis spec (option --x or --y of a sweep over cmd; one_axis: the only axis, default 11
 * values, else 9) into ax, resolving its nominal value. One line on stderr and CLI_USAGE for a bad
 * spec (naming the field, the value and the allowed form). */
int sweep_axis_parse(const char *option, const char *spec, const sweep_command *cmd, int one_axis,
                     sweep_axis *ax);
void sweep_axis_free(sweep_axis *ax);

/* The arguments of the target command at one grid point (value[k] for axis k, NAN: leave that
 * axis as given): "bmdsim", name, the given arguments with the swept flags replaced, the injected
 * ones, "--json". The strings live in store (size bytes). Returns the count, or -1 when they do
 * not fit. */
int sweep_build_argv(const sweep_command *cmd, const sweep_axis *axes, int n_axes,
                     const double *value, char **argv, char *store, size_t size);

/* The parameter assignments ("PATH", value) of one grid point that go through sweep_inject.h. */
int sweep_param_items(const sweep_axis *axes, int n_axes, const double *value,
                      const char **paths, double *values);

/* One run of the target: its exit status, what it printed on stdout and stderr (owned). */
typedef struct sweep_output {
    int status;
    char *out;
    char *err;
} sweep_output;

/* Run cmd in-process with argv (argc), its standard output and error captured. Returns CLI_OK or
 * CLI_FAILED (the capture could not be set up). */
int sweep_run_captured(const sweep_command *cmd, int argc, char **argv, sweep_output *o);
void sweep_output_free(sweep_output *o);

/* The row of a run's JSON (an object, or the element of an array picked by select "KEY=VALUE
 * [,KEY=VALUE]"; an array of one element needs none) as a cJSON object owned by *root (free
 * with cJSON_Delete). One line in msg (size n) and CLI_USAGE when the output is not JSON or the
 * row is not found or ambiguous. */
struct cJSON;
int sweep_pick_row(const char *json, const char *select, struct cJSON **root,
                   const struct cJSON **row, char *msg, size_t n);

/* sweep_given.c: what the target command was given. */

/* The text the target was given for --flag (either form), or NULL. */
const char *cli_sweep_given_flag(const sweep_command *cmd, const char *flag);

/* A scenario file as the target's first positional argument (engage SCENARIO.yaml, ...), or NULL.
 */
const char *cli_sweep_scenario_of(const sweep_command *cmd);

/* The catalogue value (ax->nominal, ax->nominal_from) and low/high (*lo, *hi) of the parameter
 * path ax->path, from the entry the target names; left unchanged when not found. */
void cli_sweep_catalogue_nominal(const sweep_command *cmd, sweep_axis *ax, double *lo,
                                 double *hi);

/* The given value (deg) of a LAT,LON flag: component 0 latitude, 1 longitude; NAN if absent or
 * bad. */
double cli_sweep_latlon_given(const sweep_command *cmd, const char *flag, int component);

/* The engage flag of a rule (track_delay_s, ...) into *flag and its default (s) into *fallback;
 * 0 when rule is not one of the four delays. */
int cli_sweep_rule_flag(const char *rule, const char **flag, double *fallback);

/* The unit of a JSON key from its suffix ("km_s" -> "km/s", "kg", "s", "deg", ...; "" if none). */
const char *sweep_unit_of(const char *key);

#endif
