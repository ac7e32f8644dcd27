/* cli/cli.h — shared pieces of the bmdsim command line: option parsing with clear errors, and
 * result records that print as an aligned table or as one JSON object. */
#ifndef BMD_CLI_H
#define BMD_CLI_H

#include <stdio.h>
#include "bmd/catalog.h" /* BMD_PATH_MAX */

/* The exit statuses of every command (README "Exit statuses", the footer of every --help):
 *   0   success (including an analysis whose verdict is negative, e.g. "not engageable");
 *   1   internal failure: a computation failed (iteration limit, step underflow, non-finite
 *       value), out of memory, or standard output could not be written;
 *   2   usage or input error: unknown option, bad value, unknown name, a missing, unreadable or
 *       malformed file (catalogue, scenario, template, grid, map data) or an output file that
 *       cannot be written, with the path;
 *   3   no solution: the inputs are valid but nothing satisfies them (a target out of reach, an
 *       apogee or range no trajectory flies, a fit that does not converge to the observation);
 *   130 interrupted (SIGINT; 128 + 2 as a shell reports a process killed by it).
 * cli_exit_status is the one mapping from library statuses (bmd/error.h) to these. */
enum {
    CLI_OK = 0,
    CLI_FAILED = 1,
    CLI_USAGE = 2,
    CLI_NO_SOLUTION = 3,
    CLI_INTERRUPTED = 130
};

/* The exit status of a library status: BMD_SUCCESS 0; BMD_EINVAL, BMD_EIO, BMD_ENOTFOUND,
 * BMD_EPARSE 2; BMD_EDOM 3; BMD_ENOMEM, BMD_EMAXITER, BMD_ESTEP, BMD_EBADFUNC and unknown codes 1. */
int cli_exit_status(int bmd_status);

/* Report a library error on stderr ("bmdsim COMMAND: message", the status name when err has no
 * message; err may be NULL) and return cli_exit_status(status). */
struct bmd_error;
int cli_library_failure(const char *command, int status, const struct bmd_error *err);

/* The table above as the footer of every --help and of 'bmdsim --help'. */
void cli_print_exit_statuses(FILE *out);

/* One option of a command: "--name VALUE" (metavar non-NULL) or a bare "--name" switch. */
typedef struct cli_option {
    const char *name;     /* without the leading dashes */
    const char *metavar;  /* e.g. "KM_S"; NULL for a switch */
    const char *help;     /* one line, with units */
    int repeatable;       /* nonzero: may be given several times (see cli_all) */
} cli_option;

#define CLI_MAX_OPTIONS 32

/* The longest folder path accepted (options with metavar DIR, $BMD_DATA_DIR): catalogue and data
 * file paths are built inside it in BMD_PATH_MAX (4096, the system's own limit) bytes, which
 * leaves 256 bytes for the longest name inside (catalog/interceptors/NAME.yaml, map files); error
 * messages (BMD_ERROR_MESSAGE_SIZE, 8192) hold such a path uncut. Longer paths are refused with
 * their length, not cut. */
#define CLI_DIR_MAX (BMD_PATH_MAX - 256)

/* A command's parsed options: value[i] is the text given for option i (NULL when absent; "" for a
 * switch that is present). */
typedef struct cli_args {
    const char *command;
    const cli_option *options;
    int n_options;
    const char *value[CLI_MAX_OPTIONS];
    int argc;             /* the command line, for cli_all */
    char **argv;
    int first;
} cli_args;

/* Parse argv[first..argc-1] against options. Prints one line to stderr and returns CLI_USAGE for an
 * unknown flag, a missing value or a repeated flag; returns -1 (not an error) when --help was asked
 * for, after printing the help text built from usage and options to stdout. */
int cli_parse(cli_args *args, const char *command, const char *usage, const cli_option *options,
              int n_options, int argc, char **argv, int first);

/* As cli_parse, but up to max_positional arguments that do not start with "--" are accepted and
 * stored in positional[0..*n_positional-1] (e.g. the NAME of 'bmdsim catalog NAME'). */
int cli_parse_positional(cli_args *args, const char *command, const char *usage,
                         const cli_option *options, int n_options, int argc, char **argv, int first,
                         const char **positional, int max_positional, int *n_positional);

/* Whether option name was given. */
int cli_has(const cli_args *args, const char *name);

/* The text given for option name (the first, for a repeatable option); NULL when absent. */
const char *cli_text(const cli_args *args, const char *name);

/* Every text given for the repeatable option name, in order, into out[0..max-1]; returns how
 * many were given (which may exceed max). */
int cli_all(const cli_args *args, const char *name, const char **out, int max);

/* Read option name as a number in [lo, hi] (open at an end when the matching *_open flag is set).
 * Absent: *out = fallback and CLI_OK. Bad text or out of range: one line on stderr naming the
 * flag, the value and the allowed range in unit, and CLI_USAGE. */
int cli_number(const cli_args *args, const char *name, double fallback, double lo, int lo_open,
               double hi, int hi_open, const char *unit, double *out);

/* Complain on stderr that option name is required (with why) and return CLI_USAGE. */
int cli_require(const cli_args *args, const char *name, const char *why);

/* Print "bmdsim COMMAND: message" on stderr. */
void cli_complain(const char *command, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;

/* A result record: named rows printed as a table or one JSON object. */
#define CLI_MAX_ROWS 48
typedef struct cli_row {
    const char *key;    /* JSON key, snake_case with the unit in it */
    const char *label;  /* table label */
    const char *unit;   /* table unit ("" for none) */
    double number;
    const char *text;   /* non-NULL for a text row */
    int boolean;        /* 1: a yes/no row (number 0 or 1), JSON true/false */
    int decimals;       /* digits after the point in the table */
} cli_row;

typedef struct cli_record {
    const char *title;
    cli_row rows[CLI_MAX_ROWS];
    int n_rows;
} cli_record;

void cli_record_number(cli_record *rec, const char *key, const char *label, double value,
                       const char *unit, int decimals);
void cli_record_text(cli_record *rec, const char *key, const char *label, const char *text);
void cli_record_bool(cli_record *rec, const char *key, const char *label, int value);

/* Print the record to out: an aligned table, or (json nonzero) one JSON object on one line.
 * Returns CLI_OK, or CLI_FAILED if the output could not be written. */
int cli_record_print(const cli_record *rec, int json, FILE *out);

/* Print n records as one JSON array of objects on one line (numbers as cli_record_print). */
int cli_records_print_json(const cli_record *recs, int n, FILE *out);

/* The commands. Each returns an exit status. */
int cli_cmd_kepler(int argc, char **argv);
int cli_cmd_loft(int argc, char **argv);
int cli_cmd_catalog(int argc, char **argv);
int cli_cmd_exchange(int argc, char **argv);
int cli_cmd_sensor(int argc, char **argv);
int cli_cmd_engage(int argc, char **argv);
int cli_cmd_trajectory(int argc, char **argv);
int cli_cmd_range(int argc, char **argv);
int cli_cmd_scenario(int argc, char **argv); /* also 'check' */
int cli_cmd_map(int argc, char **argv);
int cli_cmd_places(int argc, char **argv);
int cli_cmd_report(int argc, char **argv);
int cli_cmd_robust(int argc, char **argv);

/* bmdsim engage SCENARIO.yaml (cmd_engage_scenario.c), with the parsed options of engage. */
int cli_engage_scenario(const cli_args *a, const char *path);
int cli_cmd_footprint(int argc, char **argv);
int cli_cmd_sweep(int argc, char **argv);

/* The run function of the command called name (main.c's table), or NULL (bmdsim sweep runs
 * commands in-process). */
int (*cli_command_find(const char *name))(int argc, char **argv);

int cli_cmd_compare(int argc, char **argv); /* cmd_compare.c */

#endif
