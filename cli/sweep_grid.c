/* bmdsim sweep (cmd_sweep.c), the runs: the target command at the nominal point (its JSON's keys
 * read as metrics and texts) and at every grid point (its numbers and texts kept, its failures
 * noted), and the grid's values. The options and the command's steps: cmd_sweep.c. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sweep_data.h"
#include "sweep_inject.h"

double sweep_point_value(const sweep_data *d, int p, int k)
{
    const sweep_axis *ax = &d->axes[k];
    int i = k == 0 ? p % d->axes[0].n : p / d->axes[0].n;
    return ax->values[i];
}

int sweep_text_constant(const sweep_data *d, int t)
{
    const char *first = NULL;
    for (int p = 0; p < d->n_points; p++) {
        const char *v = d->text_value[(size_t)p * d->n_texts + t];
        if (d->status[p] != SWEEP_OK || !v)
            continue;
        if (!first)
            first = v;
        else if (strcmp(first, v) != 0)
            return 0;
    }
    return 1;
}

/* The keys of the nominal row: numbers, booleans and nulls are metrics, the rest texts. */
static int read_keys(sweep_data *d, const cJSON *row, const cli_args *a)
{
    const char *wanted[SWEEP_MAX_METRICS];
    int n_wanted = cli_all(a, "metric", wanted, SWEEP_MAX_METRICS);
    if (n_wanted > SWEEP_MAX_METRICS) {
        cli_complain("sweep", "--metric given %d times (at most %d)", n_wanted,
                     SWEEP_MAX_METRICS);
        return CLI_USAGE;
    }
    for (int w = 0; w < n_wanted; w++) {
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(row, wanted[w]);
        if (!v || !(cJSON_IsNumber(v) || cJSON_IsBool(v) || cJSON_IsNull(v))) {
            char list[600] = "";
            const cJSON *it;
            cJSON_ArrayForEach(it, row)
            {
                if ((cJSON_IsNumber(it) || cJSON_IsBool(it) || cJSON_IsNull(it)) &&
                    strlen(list) + strlen(it->string) + 3 < sizeof list)
                    strcat(strcat(list, list[0] ? ", " : ""), it->string);
            }
            cli_complain("sweep", "--metric %s: %s (the numbers it prints: %s)", wanted[w],
                         v ? "not a number" : "the command prints no such key", list);
            return CLI_USAGE;
        }
    }
    for (int w = 0; w < n_wanted; w++) { /* in the order asked, each once */
        int seen = 0;
        for (int m = 0; m < d->n_metrics && !seen; m++)
            seen = !strcmp(d->metric[m], wanted[w]);
        if (!seen)
            d->metric[d->n_metrics++] = strdup(wanted[w]);
    }
    const cJSON *it;
    cJSON_ArrayForEach(it, row)
    {
        int numeric = cJSON_IsNumber(it) || cJSON_IsBool(it) || cJSON_IsNull(it);
        if (numeric) {
            if (n_wanted == 0 && d->n_metrics < SWEEP_MAX_METRICS)
                d->metric[d->n_metrics++] = strdup(it->string);
        } else if (d->n_texts < SWEEP_MAX_TEXTS) {
            d->text[d->n_texts++] = strdup(it->string);
        }
    }
    if (d->n_metrics == 0) {
        cli_complain("sweep", "the command prints no numbers to sweep");
        return CLI_USAGE;
    }
    return CLI_OK;
}

/* A number (booleans 0/1; null NaN). */
static double number_of(const cJSON *v)
{
    if (cJSON_IsNumber(v))
        return v->valuedouble;
    if (cJSON_IsBool(v))
        return cJSON_IsTrue(v) ? 1.0 : 0.0;
    return NAN;
}

/* Run the command with the axes at value[] (NAN: as given). */
static int run_point(const sweep_data *d, const double *value, sweep_output *o)
{
    char *argv[SWEEP_MAX_ARGS];
    static char store[16384];
    int argc = sweep_build_argv(d->cmd, d->axes, d->n_axes, value, argv, store, sizeof store);
    if (argc < 0) {
        cli_complain("sweep", "the command line of the target is too long");
        return CLI_USAGE;
    }
    const char *paths[CLI_INJECT_MAX];
    double values[CLI_INJECT_MAX];
    int n = sweep_param_items(d->axes, d->n_axes, value, paths, values);
    cli_inject_set(paths, values, n);
    int st = sweep_run_captured(d->cmd, argc, argv, o);
    cli_inject_set(NULL, NULL, 0);
    return st;
}

/* "NAME = V" (and ", NAME = V") of a point, for messages. */
static void where(const sweep_data *d, const double *value, char *buf, size_t n)
{
    buf[0] = '\0';
    for (int k = 0; k < d->n_axes; k++) {
        size_t len = strlen(buf);
        if (isnan(value[k]))
            snprintf(buf + len, n - len, "%s%s as given", k ? ", " : "", d->axes[k].name);
        else
            snprintf(buf + len, n - len, "%s%s = %g", k ? ", " : "", d->axes[k].name, value[k]);
    }
}

/* The command's complaint without its "bmdsim COMMAND: " prefix (one line). */
static const char *complaint(const sweep_output *o)
{
    const char *e = o->err && o->err[0] ? o->err : "(no message)";
    const char *nl = strrchr(e, '\n');
    return nl ? nl + 1 : e;
}

int cli_sweep_nominal_run(sweep_data *d, const cli_args *a, const char *select)
{
    /* an axis without a known nominal value: the middle of its values (the keys are read there;
     * no nominal result is then marked) */
    double value[2] = {NAN, NAN};
    int known = 1;
    for (int k = 0; k < d->n_axes; k++) {
        const sweep_axis *ax = &d->axes[k];
        value[k] = isfinite(ax->nominal) ? ax->nominal : ax->values[ax->n / 2];
        known &= isfinite(ax->nominal);
    }
    sweep_output o;
    int st = run_point(d, value, &o);
    if (st)
        return st;
    char at[300], msg[400];
    where(d, value, at, sizeof at);
    if (o.status != CLI_OK) {
        cli_complain("sweep", "the command fails at %s point (%s): %s",
                     known ? "the nominal" : "the first", at,
                     complaint(&o));
        st = o.status;
        sweep_output_free(&o);
        return st;
    }
    cJSON *root = NULL;
    const cJSON *row = NULL;
    if ((st = sweep_pick_row(o.out, select, &root, &row, msg, sizeof msg))) {
        cli_complain("sweep", "%s: %s", d->cmd->name, msg);
    } else if ((st = read_keys(d, row, a)) == CLI_OK) {
        for (int m = 0; m < d->n_metrics; m++)
            d->nominal_metric[m] =
                known ? number_of(cJSON_GetObjectItemCaseSensitive(row, d->metric[m])) : NAN;
        for (int t = 0; t < d->n_texts; t++)
            d->nominal_text[t] =
                cJSON_PrintUnformatted(cJSON_GetObjectItemCaseSensitive(row, d->text[t]));
        if (cli_has(a, "list-metrics")) {
            printf("Numbers of '%s' at %s (%s):\n", d->cmd->name,
                   known ? "the nominal point" : "the middle of the axes", at);
            for (int m = 0; m < d->n_metrics; m++)
                printf("  %-36s %-6s %.10g\n", d->metric[m], sweep_unit_of(d->metric[m]),
                       number_of(cJSON_GetObjectItemCaseSensitive(row, d->metric[m])));
            printf("Texts (fixed assumptions when they do not change over the grid):\n");
            for (int t = 0; t < d->n_texts; t++)
                printf("  %-36s %s\n", d->text[t], d->nominal_text[t] ? d->nominal_text[t] : "");
        }
    }
    cJSON_Delete(root);
    sweep_output_free(&o);
    return st;
}

int cli_sweep_run_grid(sweep_data *d, const char *select, int progress)
{
    for (int p = 0; p < d->n_points; p++) {
        double value[2] = {sweep_point_value(d, p, 0),
                           d->n_axes > 1 ? sweep_point_value(d, p, 1) : NAN};
        if (progress) {
            fprintf(stderr, "\rbmdsim sweep: point %d of %d", p + 1, d->n_points);
            fflush(stderr);
        }
        sweep_output o;
        int st = run_point(d, value, &o);
        if (st)
            return st;
        char at[300], msg[400];
        where(d, value, at, sizeof at);
        for (int m = 0; m < d->n_metrics; m++)
            d->value[(size_t)p * d->n_metrics + m] = NAN;
        if (o.status == CLI_USAGE || o.status == CLI_INTERRUPTED) {
            if (progress)
                fputc('\n', stderr);
            cli_complain("sweep", "at %s: %s", at, complaint(&o));
            st = o.status;
            sweep_output_free(&o);
            return st;
        }
        if (o.status != CLI_OK) {
            d->status[p] = o.status == CLI_NO_SOLUTION ? SWEEP_NO_SOLUTION : SWEEP_FAILED;
            d->message[p] = strdup(complaint(&o));
            sweep_output_free(&o);
            continue;
        }
        cJSON *root = NULL;
        const cJSON *row = NULL;
        if ((st = sweep_pick_row(o.out, select, &root, &row, msg, sizeof msg))) {
            if (progress)
                fputc('\n', stderr);
            cli_complain("sweep", "at %s: %s", at, msg);
            cJSON_Delete(root);
            sweep_output_free(&o);
            return st;
        }
        d->status[p] = SWEEP_OK;
        for (int m = 0; m < d->n_metrics; m++)
            d->value[(size_t)p * d->n_metrics + m] =
                number_of(cJSON_GetObjectItemCaseSensitive(row, d->metric[m]));
        for (int t = 0; t < d->n_texts; t++) {
            const cJSON *v = cJSON_GetObjectItemCaseSensitive(row, d->text[t]);
            d->text_value[(size_t)p * d->n_texts + t] = v ? cJSON_PrintUnformatted(v) : NULL;
        }
        cJSON_Delete(root);
        sweep_output_free(&o);
    }
    if (progress)
        fputc('\n', stderr);
    return CLI_OK;
}
