/* The outputs of bmdsim sweep (sweep_data.h): the table, the JSON document, the CSV and the SVG
 * plot; each names the command, the axes with their nominal values and the fixed assumptions
 * (the command's texts that do not change over the grid). */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/plot.h"
#include "sweep_data.h"

static const char *const status_name[] = {"ok", "no solution", "failed"};

/* "KEY=VALUE; ..." of the fixed texts (JSON strings without quotes) into buf. */
static void assumptions_text(const sweep_data *d, char *buf, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (int t = 0; t < d->n_texts && len < n; t++) {
        if (!sweep_text_constant(d, t) || !d->nominal_text[t])
            continue;
        cJSON *v = cJSON_Parse(d->nominal_text[t]);
        const char *text = cJSON_IsString(v) ? v->valuestring : d->nominal_text[t];
        len += (size_t)snprintf(buf + len, n - len, "%s%s: %s", len ? "; " : "", d->text[t], text);
        cJSON_Delete(v);
    }
}

int sweep_print(const sweep_data *d, int json)
{
    if (json) {
        char *text = sweep_json(d);
        if (!text)
            return CLI_FAILED;
        printf("%s\n", text);
        free(text);
        return ferror(stdout) ? CLI_FAILED : CLI_OK;
    }
    printf("Sweep of: %s\n", d->command_line);
    for (int k = 0; k < d->n_axes; k++) {
        const sweep_axis *ax = &d->axes[k];
        printf("  %s axis: %s, %d values from %g to %g %s", k ? "y" : "x", ax->name, ax->n,
               ax->values[0], ax->values[ax->n - 1], ax->unit);
        if (isfinite(ax->nominal))
            printf(" (nominal %g, %s)", ax->nominal, ax->nominal_from);
        printf("\n");
    }
    char fixed[4096];
    assumptions_text(d, fixed, sizeof fixed);
    printf("  fixed: %s\n", fixed[0] ? fixed : "(none printed by the command)");
    printf("  run serially in-process, one grid point after another\n\n");
    int show = d->n_metrics < 6 ? d->n_metrics : 6;
    for (int k = 0; k < d->n_axes; k++)
        printf("%14.14s ", d->axes[k].name);
    for (int m = 0; m < show; m++)
        printf("%22.22s ", d->metric[m]);
    printf("\n");
    for (int p = 0; p < d->n_points; p++) {
        for (int k = 0; k < d->n_axes; k++)
            printf("%14.6g ", sweep_point_value(d, p, k));
        if (d->status[p] != SWEEP_OK) {
            printf("%s: %s\n", status_name[d->status[p]], d->message[p] ? d->message[p] : "");
            continue;
        }
        for (int m = 0; m < show; m++) {
            double v = d->value[(size_t)p * d->n_metrics + m];
            if (isfinite(v))
                printf("%22.10g ", v);
            else
                printf("%22s ", "-");
        }
        printf("\n");
    }
    if (show < d->n_metrics)
        printf("(%d of %d numbers shown: --metric KEY to choose, --csv or --json for all)\n", show,
               d->n_metrics);
    return ferror(stdout) ? CLI_FAILED : CLI_OK;
}

/* A number or null. */
static void add_number(cJSON *o, const char *key, double v)
{
    if (isfinite(v))
        cJSON_AddNumberToObject(o, key, v);
    else
        cJSON_AddNullToObject(o, key);
}

static const char *how(const sweep_axis *ax)
{
    switch (ax->target) {
    case SWEEP_FLAG: return "command flag";
    case SWEEP_FLAG_LAT: return "latitude of a LAT,LON flag";
    case SWEEP_FLAG_LON: return "longitude of a LAT,LON flag";
    case SWEEP_FLAG_LAUNCH_ON: return "--launch-on (0 ir-track, 1 burnout, 2 radar-track)";
    case SWEEP_DELAY_TOTAL: return "track, decision and launch delays scaled in proportion";
    case SWEEP_PARAM: return "catalogue or scenario parameter (injected into the loaded entry)";
    }
    return "";
}

char *sweep_json(const sweep_data *d)
{
    cJSON *doc = cJSON_CreateObject();
    if (!doc)
        return NULL;
    cJSON_AddStringToObject(doc, "sweep_of", d->command_line);
    cJSON_AddStringToObject(doc, "execution", "serial, in-process: the command runs once per grid "
                                              "point with its output captured");
    cJSON *axes = cJSON_AddArrayToObject(doc, "axes");
    for (int k = 0; k < d->n_axes; k++) {
        const sweep_axis *ax = &d->axes[k];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", ax->name);
        if (ax->target == SWEEP_PARAM)
            cJSON_AddStringToObject(o, "path", ax->path);
        cJSON_AddStringToObject(o, "unit", ax->unit);
        cJSON_AddStringToObject(o, "injected_as", how(ax));
        add_number(o, "nominal", ax->nominal);
        cJSON_AddStringToObject(o, "nominal_from", ax->nominal_from[0] ? ax->nominal_from
                                                                        : "unknown");
        cJSON_AddItemToObject(o, "values", cJSON_CreateDoubleArray(ax->values, ax->n));
        cJSON_AddItemToArray(axes, o);
    }
    cJSON *metrics = cJSON_AddArrayToObject(doc, "metrics");
    for (int m = 0; m < d->n_metrics; m++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "key", d->metric[m]);
        cJSON_AddStringToObject(o, "unit", sweep_unit_of(d->metric[m]));
        add_number(o, "nominal", d->nominal_metric[m]);
        cJSON_AddItemToArray(metrics, o);
    }
    cJSON_AddStringToObject(doc, "plotted", d->metric[d->plot_metric]);
    /* the command's texts that are the same at every point: its fixed assumptions */
    cJSON *fixed = cJSON_AddObjectToObject(doc, "assumptions");
    for (int t = 0; t < d->n_texts; t++)
        if (sweep_text_constant(d, t) && d->nominal_text[t]) {
            cJSON *v = cJSON_Parse(d->nominal_text[t]);
            if (v)
                cJSON_AddItemToObject(fixed, d->text[t], v);
        }
    cJSON *points = cJSON_AddArrayToObject(doc, "points");
    for (int p = 0; p < d->n_points; p++) {
        cJSON *o = cJSON_CreateObject();
        for (int k = 0; k < d->n_axes; k++)
            cJSON_AddNumberToObject(o, k ? "y" : "x", sweep_point_value(d, p, k));
        cJSON_AddStringToObject(o, "status", status_name[d->status[p]]);
        if (d->message[p])
            cJSON_AddStringToObject(o, "message", d->message[p]);
        cJSON *vals = cJSON_AddObjectToObject(o, "values");
        for (int m = 0; m < d->n_metrics; m++)
            add_number(vals, d->metric[m], d->value[(size_t)p * d->n_metrics + m]);
        cJSON *texts = NULL;
        for (int t = 0; t < d->n_texts; t++) {
            const char *tv = d->text_value[(size_t)p * d->n_texts + t];
            if (sweep_text_constant(d, t) || !tv)
                continue;
            if (!texts)
                texts = cJSON_AddObjectToObject(o, "texts");
            cJSON *v = cJSON_Parse(tv);
            if (v)
                cJSON_AddItemToObject(texts, d->text[t], v);
        }
        cJSON_AddItemToArray(points, o);
    }
    char *text = cJSON_PrintUnformatted(doc);
    cJSON_Delete(doc);
    return text;
}

/* A CSV field: quoted when it holds a comma, a quote or a line break. */
static void csv_field(FILE *f, const char *text)
{
    if (!strpbrk(text, ",\"\n\r")) {
        fputs(text, f);
        return;
    }
    fputc('"', f);
    for (const char *c = text; *c; c++) {
        if (*c == '"')
            fputc('"', f);
        fputc(*c == '\n' || *c == '\r' ? ' ' : *c, f);
    }
    fputc('"', f);
}

char *sweep_csv(const sweep_data *d)
{
    char *buf = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&buf, &size);
    if (!f)
        return NULL;
    /* the fixed assumptions and the axes as comment lines ("#"), then one row per point */
    fprintf(f, "# sweep of: %s\n", d->command_line);
    for (int k = 0; k < d->n_axes; k++)
        fprintf(f, "# axis %s: %s (%s), nominal %.10g (%s)\n", k ? "y" : "x", d->axes[k].name,
                d->axes[k].unit[0] ? d->axes[k].unit : "no unit", d->axes[k].nominal,
                d->axes[k].nominal_from[0] ? d->axes[k].nominal_from : "unknown");
    for (int t = 0; t < d->n_texts; t++)
        if (sweep_text_constant(d, t) && d->nominal_text[t]) {
            cJSON *v = cJSON_Parse(d->nominal_text[t]);
            fprintf(f, "# assumption %s: %s\n", d->text[t],
                    cJSON_IsString(v) ? v->valuestring : d->nominal_text[t]);
            cJSON_Delete(v);
        }
    for (int k = 0; k < d->n_axes; k++) {
        csv_field(f, d->axes[k].name);
        fputc(',', f);
    }
    fputs("status", f);
    for (int m = 0; m < d->n_metrics; m++)
        fprintf(f, ",%s", d->metric[m]);
    fputc('\n', f);
    for (int p = 0; p < d->n_points; p++) {
        for (int k = 0; k < d->n_axes; k++)
            fprintf(f, "%.10g,", sweep_point_value(d, p, k));
        fputs(status_name[d->status[p]], f);
        for (int m = 0; m < d->n_metrics; m++) {
            double v = d->value[(size_t)p * d->n_metrics + m];
            if (isfinite(v))
                fprintf(f, ",%.10g", v);
            else
                fputc(',', f);
        }
        fputc('\n', f);
    }
    if (fclose(f) != 0) {
        free(buf);
        return NULL;
    }
    return buf;
}

/* "name (unit)". */
static void label(char *buf, size_t n, const char *name, const char *unit)
{
    if (unit && unit[0])
        snprintf(buf, n, "%s (%s)", name, unit);
    else
        snprintf(buf, n, "%s", name);
}

char *sweep_svg(const sweep_data *d)
{
    int m = d->plot_metric;
    char xl[160], yl[160], zl[160], title[512], note[5200], fixed[3900];
    label(xl, sizeof xl, d->axes[0].name, d->axes[0].unit);
    label(zl, sizeof zl, d->metric[m], sweep_unit_of(d->metric[m]));
    assumptions_text(d, fixed, sizeof fixed);
    snprintf(note, sizeof note, "%s. Fixed: %s", d->command_line,
             fixed[0] ? fixed : "(none printed)");
    double *z = malloc((size_t)d->n_points * sizeof *z);
    if (!z)
        return NULL;
    for (int p = 0; p < d->n_points; p++)
        z[p] = d->status[p] == SWEEP_OK ? d->value[(size_t)p * d->n_metrics + m] : NAN;
    char *svg = NULL;
    bmd_error err = {0};
    int st;
    if (d->n_axes == 1) {
        snprintf(title, sizeof title, "%s against %s", d->metric[m], d->axes[0].name);
        bmd_line_series s = {zl, z};
        bmd_line_plot p;
        bmd_line_plot_init(&p);
        p.title = title;
        p.x_label = xl;
        p.x = d->axes[0].values;
        p.n = d->axes[0].n;
        p.series = &s;
        p.n_series = 1;
        p.x_nominal = d->axes[0].nominal;
        p.y_nominal = d->nominal_metric[m];
        p.nominal_label = "catalogue (nominal) value";
        p.note = note;
        st = d->axes[0].n < 2
                 ? bmd_error_set(&err, BMD_EINVAL, "a line plot needs at least 2 values of %s",
                                 d->axes[0].name)
                 : bmd_plot_line_svg(&p, &svg, &err);
    } else {
        label(yl, sizeof yl, d->axes[1].name, d->axes[1].unit);
        snprintf(title, sizeof title, "%s over %s and %s", d->metric[m], d->axes[0].name,
                 d->axes[1].name);
        bmd_contour_plot p;
        bmd_contour_plot_init(&p);
        p.title = title;
        p.x_label = xl;
        p.y_label = yl;
        p.z_label = zl;
        p.x = d->axes[0].values;
        p.nx = d->axes[0].n;
        p.y = d->axes[1].values;
        p.ny = d->axes[1].n;
        p.z = z;
        p.x_nominal = d->axes[0].nominal;
        p.y_nominal = d->axes[1].nominal;
        p.nominal_label = "catalogue (nominal) value";
        p.note = note;
        st = bmd_plot_contour_svg(&p, &svg, &err);
    }
    free(z);
    if (st) {
        cli_complain("sweep", "--svg: %s", err.message);
        return NULL;
    }
    return svg;
}
