/* cli/sweep_data.h — the results of a sweep (cmd_sweep.c and sweep_grid.c fill them, sweep_out.c
 * writes them). */
#ifndef BMD_CLI_SWEEP_DATA_H
#define BMD_CLI_SWEEP_DATA_H

#include "sweep.h"

typedef enum sweep_status { SWEEP_OK, SWEEP_NO_SOLUTION, SWEEP_FAILED } sweep_status;

typedef struct sweep_data {
    const sweep_command *cmd;
    char command_line[1024];           /* the target as given, for the outputs */
    sweep_axis axes[2];
    int n_axes;
    int n_points;                      /* axes[0].n * (axes[1].n or 1); x varies fastest */
    int n_metrics;
    char *metric[SWEEP_MAX_METRICS];   /* keys (owned) */
    double nominal_metric[SWEEP_MAX_METRICS]; /* at the nominal point (NAN: null) */
    int n_texts;
    char *text[SWEEP_MAX_TEXTS];       /* keys of text (and nested) values (owned) */
    char **text_value;                 /* n_points * n_texts, JSON text of the value (owned) */
    char *nominal_text[SWEEP_MAX_TEXTS];
    int *status;                       /* n_points */
    char **message;                    /* n_points, the command's complaint (owned) or NULL */
    double *value;                     /* n_points * n_metrics */
    int plot_metric;                   /* index of the metric drawn */
    const char *row, *pair;            /* --row / --pair written among the command's arguments */
} sweep_data;

/* The value of axis k at point p. */
double sweep_point_value(const sweep_data *d, int p, int k);

/* Whether text key t has the same value at every point that ran (a fixed assumption). */
int sweep_text_constant(const sweep_data *d, int t);

/* sweep_grid.c: the runs of the target. Each returns CLI_OK or an exit status, the problem said
 * on stderr (one line). */

/* The nominal run: the catalogue (or given) values (an axis without one: the middle of its
 * values); fills the metric and text keys (--metric, --list-metrics of a) from the row picked by
 * select (--row / --pair, NULL: none). */
int cli_sweep_nominal_run(sweep_data *d, const cli_args *a, const char *select);

/* Every grid point: fills status, message, value and text_value; progress nonzero: a counter on
 * stderr. */
int cli_sweep_run_grid(sweep_data *d, const char *select, int progress);

/* Print the table (or, json nonzero, the JSON document) on stdout. */
int sweep_print(const sweep_data *d, int json);

/* The JSON document, the CSV and the SVG (caller frees); NULL when out of memory (or, for the
 * SVG, after one line on stderr). */
char *sweep_json(const sweep_data *d);
char *sweep_csv(const sweep_data *d);
char *sweep_svg(const sweep_data *d);

#endif
