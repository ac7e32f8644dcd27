/* Result records: named rows printed as an aligned table for people or one JSON object (cJSON)
 * for programs. JSON keys are part of the interface: snake_case with the unit in the name. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "units_cli.h"

static cli_row *next_row(cli_record *rec)
{
    if (rec->n_rows >= CLI_MAX_ROWS)
        return NULL;
    cli_row *row = &rec->rows[rec->n_rows++];
    memset(row, 0, sizeof *row);
    return row;
}

void cli_record_number(cli_record *rec, const char *key, const char *label, double value,
                       const char *unit, int decimals)
{
    cli_row *row = next_row(rec);
    if (!row)
        return;
    row->key = key;
    row->label = label;
    row->unit = unit ? unit : "";
    row->number = value;
    row->decimals = decimals;
}

void cli_record_text(cli_record *rec, const char *key, const char *label, const char *text)
{
    cli_row *row = next_row(rec);
    if (!row)
        return;
    row->key = key;
    row->label = label;
    row->unit = "";
    row->text = text;
}

void cli_record_bool(cli_record *rec, const char *key, const char *label, int value)
{
    cli_row *row = next_row(rec);
    if (!row)
        return;
    row->key = key;
    row->label = label;
    row->unit = "";
    row->number = value ? 1.0 : 0.0;
    row->boolean = 1;
}

/* JSON carries three more decimals than the table: enough to reproduce every printed digit and
 * compare runs, without binary noise such as 10000.000000000002. */
static double json_rounded(double value, int decimals)
{
    char buf[64];
    snprintf(buf, sizeof buf, "%.*f", decimals + 3, value);
    return strtod(buf, NULL);
}

/* The record as a cJSON object (NULL when out of memory). */
static cJSON *record_object(const cli_record *rec)
{
    cJSON *obj = cJSON_CreateObject();
    if (!obj)
        return NULL;
    for (int i = 0; i < rec->n_rows; i++) {
        const cli_row *row = &rec->rows[i];
        cJSON *item;
        if (row->text)
            item = cJSON_AddStringToObject(obj, row->key, row->text);
        else if (row->boolean)
            item = cJSON_AddBoolToObject(obj, row->key, row->number != 0.0);
        else if (isfinite(row->number))
            item = cJSON_AddNumberToObject(obj, row->key, json_rounded(row->number, row->decimals));
        else
            item = cJSON_AddNullToObject(obj, row->key);
        if (!item) {
            cJSON_Delete(obj);
            return NULL;
        }
    }
    return obj;
}

/* Print a cJSON value on one line and release it. */
static int print_value(cJSON *value, FILE *out)
{
    if (!value)
        return CLI_FAILED;
    char *text = cJSON_PrintUnformatted(value);
    cJSON_Delete(value);
    if (!text)
        return CLI_FAILED;
    int ok = fprintf(out, "%s\n", text) > 0;
    cJSON_free(text);
    return ok ? CLI_OK : CLI_FAILED;
}

static int print_json(const cli_record *rec, FILE *out)
{
    return print_value(record_object(rec), out);
}

int cli_records_print_json(const cli_record *recs, int n, FILE *out)
{
    cJSON *arr = cJSON_CreateArray();
    for (int i = 0; arr && i < n; i++) {
        cJSON *obj = record_object(&recs[i]);
        if (!obj) {
            cJSON_Delete(arr);
            return CLI_FAILED;
        }
        cJSON_AddItemToArray(arr, obj);
    }
    return print_value(arr, out);
}

static int print_table(const cli_record *rec, FILE *out)
{
    size_t width = 0;
    for (int i = 0; i < rec->n_rows; i++) {
        size_t n = strlen(rec->rows[i].label);
        if (n > width)
            width = n;
    }
    if (rec->title)
        fprintf(out, "%s\n", rec->title);
    for (int i = 0; i < rec->n_rows; i++) {
        const cli_row *row = &rec->rows[i];
        if (row->text || row->boolean)
            fprintf(out, "  %-*s  %s\n", (int)width, row->label,
                    row->text ? row->text : (row->number != 0.0 ? "yes" : "no"));
        else if (!isfinite(row->number)) /* not applicable (JSON: null) */
            fprintf(out, "  %-*s  %12s\n", (int)width, row->label, "-");
        else {
            double v; /* in the table units of this run (--units; JSON stays SI) */
            const char *unit;
            int decimals;
            cli_units_convert(row->unit, row->number, row->decimals, &v, &unit, &decimals);
            fprintf(out, "  %-*s  %12.*f %s\n", (int)width, row->label, decimals, v, unit);
        }
    }
    return ferror(out) ? CLI_FAILED : CLI_OK;
}

int cli_record_print(const cli_record *rec, int json, FILE *out)
{
    return json ? print_json(rec, out) : print_table(rec, out);
}
