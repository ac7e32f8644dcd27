/* The outputs of bmdsim robust (robust_cli.h): per (threat, site) pair the verdict, its label,
 * the thresholds and the tornado, as a table, --json, --csv FILE and --svg DIR (one tornado chart
 * per pair), each naming the assumptions. The options and the analysis: cmd_robust.c. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <cjson/cJSON.h>

#include "bmd/param.h"
#include "bmd/plot.h"
#include "bmd/sensitivity.h"
#include "robust_cli.h"
#include "rules_cli.h"
#include "scenario_cli.h"

static const char *num(char *buf, size_t n, double v)
{
    if (isnan(v))
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%.4g", v);
    return buf;
}

static void print_pair(const robust_run *R, const bmd_robustness *r, int top)
{
    const bmd_scenario *scn = R->scn;
    const bmd_analysis_pair *p = bmd_analysis_pair_at(&R->an, r->threat, r->site);
    printf("%s x %s: %s (%s) -- %s\n", scn->threats[r->threat].name, scn->sites[r->site].name,
           bmd_sens_verdict_name(r->nominal.verdict),
           p->status == BMD_ANALYSIS_EVALUATED ? bmd_engage_reason_name(p->engagement.reason)
                                               : bmd_analysis_status_name(p->status),
           bmd_robust_label_name(r->label));
    printf("  why: %s\n", r->reason);
    printf("  by launch-on rule:");
    for (int k = 0; k < BMD_LAUNCH_ON_COUNT; k++)
        printf(" %s %s%s", bmd_launch_on_name((bmd_launch_on)k),
               bmd_sens_verdict_name(r->by_launch_on[k]), k + 1 < BMD_LAUNCH_ON_COUNT ? ";" : "\n");
    char b[5][32];
    if (r->has_thresholds) {
        printf("  %-52s %10s %10s %-21s %s\n", "threshold (parameter)", "nominal", "flips at",
               "band", "status");
        for (int k = 0; k < BMD_THRESHOLD_COUNT; k++) {
            const bmd_threshold *t = &r->thresholds[k];
            char band[96] = "-";
            if (t->has_band)
                snprintf(band, sizeof band, "%s..%s%s", num(b[2], 32, t->band_low),
                         num(b[3], 32, t->band_high), t->inside_band ? " INSIDE" : "");
            printf("  %-52s %10s %10s %-21s %s %s\n", t->path, num(b[0], 32, t->nominal),
                   num(b[1], 32, t->value), band, t->unit, t->note);
        }
    }
    if (r->n_rows) {
        printf("  tornado (%s; nominal %s; %d rows, %d parameters do not touch this pair):\n",
               bmd_sens_metric_name(r->metric),
               num(b[0], 32, bmd_sens_metric_value(&r->nominal, r->metric)), r->n_rows,
               r->n_params_unused);
        printf("  %-52s %-21s %10s %10s\n", "parameter", "band", "at low", "at high");
        for (int i = 0; i < r->n_rows && i < top; i++) {
            const bmd_tornado_row *w = &r->rows[i];
            char band[96];
            snprintf(band, sizeof band, "%s..%s %s", num(b[0], 32, w->low),
                     num(b[1], 32, w->high), w->unit);
            printf("  %-52s %-21s %10s %10s%s%s\n", w->path, band,
                   w->flips_low ? bmd_sens_verdict_name(w->at_low.verdict) : num(b[2], 32, w->metric_low),
                   w->flips_high ? bmd_sens_verdict_name(w->at_high.verdict)
                                 : num(b[3], 32, w->metric_high),
                   "", "");
        }
        if (r->corner_evaluated)
            printf("  every parameter at its adverse end at once: %s\n",
                   bmd_sens_verdict_name(r->corner.verdict));
    } else {
        printf("  tornado: no uncertain parameter touches this pair (%d do not)\n",
               r->n_params_unused);
    }
    printf("\n");
}

int cli_robust_print_table(const robust_run *R)
{
    printf("%s\n", R->scn->title);
    printf("Assumptions: %s\n", R->assumptions);
    printf("Uncertain parameters: %d (catalogue low/high bands, the scenario's uncertain:, "
           "--vary); labels: docs/robustness.md\n\n", R->set.n);
    double top = 5;
    int st = cli_number(R->a, "top", 5, 0, 0, 1000, 0, "rows", &top);
    if (st)
        return st;
    for (int i = 0; i < R->n; i++)
        print_pair(R, &R->r[i], (int)top);
    return ferror(stdout) ? CLI_FAILED : CLI_OK;
}

/* A JSON number, null when not finite. */
static void jnum(cJSON *o, const char *key, double v)
{
    if (isfinite(v))
        cJSON_AddNumberToObject(o, key, v);
    else
        cJSON_AddNullToObject(o, key);
}

static cJSON *pair_json(const robust_run *R, const bmd_robustness *r)
{
    cJSON *o = cJSON_CreateObject();
    const bmd_analysis_pair *p = bmd_analysis_pair_at(&R->an, r->threat, r->site);
    cJSON_AddStringToObject(o, "threat", R->scn->threats[r->threat].name);
    cJSON_AddStringToObject(o, "site", R->scn->sites[r->site].name);
    cJSON_AddStringToObject(o, "verdict", bmd_sens_verdict_name(r->nominal.verdict));
    cJSON_AddStringToObject(o, "reason", p->status == BMD_ANALYSIS_EVALUATED
                                             ? bmd_engage_reason_name(p->engagement.reason)
                                             : bmd_analysis_status_name(p->status));
    cJSON_AddNumberToObject(o, "shot_opportunities", r->nominal.shot_opportunities);
    jnum(o, "earliest_altitude_m", r->nominal.earliest_altitude_m);
    cJSON_AddStringToObject(o, "label", bmd_robust_label_name(r->label));
    cJSON_AddStringToObject(o, "label_reason", r->reason);
    cJSON *lo = cJSON_AddObjectToObject(o, "verdict_by_launch_on");
    for (int k = 0; k < BMD_LAUNCH_ON_COUNT; k++)
        cJSON_AddStringToObject(lo, bmd_launch_on_name((bmd_launch_on)k),
                                bmd_sens_verdict_name(r->by_launch_on[k]));
    cJSON *ths = cJSON_AddArrayToObject(o, "thresholds");
    for (int k = 0; r->has_thresholds && k < BMD_THRESHOLD_COUNT; k++) {
        const bmd_threshold *t = &r->thresholds[k];
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "kind", bmd_threshold_kind_name(t->kind));
        cJSON_AddStringToObject(j, "path", t->path);
        cJSON_AddStringToObject(j, "unit", t->unit);
        cJSON_AddStringToObject(j, "status", bmd_threshold_status_name(t->status));
        jnum(j, "nominal", t->nominal);
        jnum(j, "searched_low", t->lo);
        jnum(j, "searched_high", t->hi);
        jnum(j, "value", t->value);
        jnum(j, "bracket_low", t->bracket_lo);
        jnum(j, "bracket_high", t->bracket_hi);
        cJSON_AddNumberToObject(j, "flips_seen", t->n_flips);
        if (t->has_band) {
            jnum(j, "band_low", t->band_low);
            jnum(j, "band_high", t->band_high);
        }
        cJSON_AddBoolToObject(j, "inside_band", t->inside_band);
        cJSON_AddStringToObject(j, "note", t->note);
        cJSON_AddItemToArray(ths, j);
    }
    cJSON_AddStringToObject(o, "tornado_metric", bmd_sens_metric_name(r->metric));
    jnum(o, "tornado_nominal", bmd_sens_metric_value(&r->nominal, r->metric));
    cJSON_AddNumberToObject(o, "parameters_not_touching", r->n_params_unused);
    cJSON *rows = cJSON_AddArrayToObject(o, "tornado");
    for (int i = 0; i < r->n_rows; i++) {
        const bmd_tornado_row *w = &r->rows[i];
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "path", w->path);
        cJSON_AddStringToObject(j, "unit", w->unit);
        jnum(j, "low", w->low);
        jnum(j, "nominal", w->nominal);
        jnum(j, "high", w->high);
        cJSON_AddStringToObject(j, "verdict_at_low", bmd_sens_verdict_name(w->at_low.verdict));
        cJSON_AddStringToObject(j, "verdict_at_high", bmd_sens_verdict_name(w->at_high.verdict));
        jnum(j, "metric_at_low", w->metric_low);
        jnum(j, "metric_at_high", w->metric_high);
        jnum(j, "swing", w->swing);
        cJSON_AddItemToArray(rows, j);
    }
    if (r->corner_evaluated)
        cJSON_AddStringToObject(o, "verdict_at_adverse_corner",
                                bmd_sens_verdict_name(r->corner.verdict));
    return o;
}

int cli_robust_print_json(const robust_run *R)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "scenario", R->scn->path);
    cJSON_AddStringToObject(root, "title", R->scn->title);
    bmd_engagement_rules rules;
    cli_analysis_rules(&R->an, -1, &rules);
    cJSON_AddStringToObject(root, "launch_on", bmd_launch_on_name(rules.launch_on));
    cJSON_AddNumberToObject(root, "track_delay_s", rules.timeline.track_delay_s);
    cJSON_AddNumberToObject(root, "decision_delay_s", rules.timeline.decision_delay_s);
    cJSON_AddNumberToObject(root, "launch_delay_s", rules.timeline.launch_delay_s);
    cJSON_AddNumberToObject(root, "kill_assessment_s", rules.timeline.kill_assessment_s);
    cJSON_AddBoolToObject(root, "fcr_required_at_intercept", rules.require_fcr_coverage);
    cJSON_AddStringToObject(root, "assumptions", R->assumptions);
    cJSON_AddNumberToObject(root, "uncertain_parameters", R->set.n);
    cJSON *pairs = cJSON_AddArrayToObject(root, "pairs");
    for (int i = 0; i < R->n; i++)
        cJSON_AddItemToArray(pairs, pair_json(R, &R->r[i]));
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    if (!text)
        return CLI_FAILED;
    printf("%s\n", text);
    free(text);
    return ferror(stdout) ? CLI_FAILED : CLI_OK;
}

/* CSV text: one line per threshold and per tornado row, the assumptions in every line. */
static char *csv_text(const robust_run *R)
{
    size_t cap = 1 << 16, len = 0;
    char *s = malloc(cap);
    if (!s)
        return NULL;
    bmd_engagement_rules rules;
    cli_analysis_rules(&R->an, -1, &rules);
#define EMIT(...)                                                                              \
    do {                                                                                       \
        int k_ = snprintf(s + len, cap - len, __VA_ARGS__);                                    \
        while (k_ >= 0 && (size_t)k_ >= cap - len) {                                           \
            char *t_ = realloc(s, cap *= 2);                                                   \
            if (!t_) {                                                                         \
                free(s);                                                                       \
                return NULL;                                                                   \
            }                                                                                  \
            s = t_;                                                                            \
            k_ = snprintf(s + len, cap - len, __VA_ARGS__);                                    \
        }                                                                                      \
        len += (size_t)(k_ > 0 ? k_ : 0);                                                      \
    } while (0)
    EMIT("threat,site,verdict,label,row,path,unit,nominal,low,high,value,status,"
         "verdict_at_low,verdict_at_high,metric,metric_at_low,metric_at_high,launch_on,"
         "track_delay_s,decision_delay_s,launch_delay_s,warhead_rcs_m2\n");
    char b[6][32];
    for (int i = 0; i < R->n; i++) {
        const bmd_robustness *r = &R->r[i];
        const char *tn = R->scn->threats[r->threat].name, *sn = R->scn->sites[r->site].name;
        const bmd_scenario_timeline *tl = &R->scn->sites[r->site].timeline;
        char tail[160];
        snprintf(tail, sizeof tail, "%s,%g,%g,%g,%g", bmd_launch_on_name(rules.launch_on),
                 tl->detect_to_track_s, tl->track_to_decision_s, tl->decision_to_launch_s,
                 R->scn->threats[r->threat].entry->signature.warhead_rcs_m2);
        for (int k = 0; r->has_thresholds && k < BMD_THRESHOLD_COUNT; k++) {
            const bmd_threshold *t = &r->thresholds[k];
            EMIT("%s,%s,%s,%s,threshold,\"%s\",%s,%s,%s,%s,%s,%s,,,,,,%s\n", tn, sn,
                 bmd_sens_verdict_name(r->nominal.verdict), bmd_robust_label_name(r->label),
                 t->path, t->unit, num(b[0], 32, t->nominal), num(b[1], 32, t->has_band ? t->band_low : NAN),
                 num(b[2], 32, t->has_band ? t->band_high : NAN), num(b[3], 32, t->value),
                 bmd_threshold_status_name(t->status), tail);
        }
        for (int k = 0; k < r->n_rows; k++) {
            const bmd_tornado_row *w = &r->rows[k];
            EMIT("%s,%s,%s,%s,tornado,\"%s\",%s,%s,%s,%s,,,%s,%s,%s,%s,%s,%s\n", tn, sn,
                 bmd_sens_verdict_name(r->nominal.verdict), bmd_robust_label_name(r->label),
                 w->path, w->unit, num(b[0], 32, w->nominal), num(b[1], 32, w->low),
                 num(b[2], 32, w->high), bmd_sens_verdict_name(w->at_low.verdict),
                 bmd_sens_verdict_name(w->at_high.verdict), bmd_sens_metric_name(r->metric),
                 num(b[3], 32, w->metric_low), num(b[4], 32, w->metric_high), tail);
        }
    }
#undef EMIT
    return s;
}

/* A file name piece: letters, digits, '-' and '_' kept, the rest '_'. */
static void safe_name(const char *in, char *out, size_t n)
{
    size_t k = 0;
    for (; *in && k + 1 < n; in++)
        out[k++] = (strchr("-_", *in) || (*in >= '0' && *in <= '9') || (*in >= 'a' && *in <= 'z') ||
                    (*in >= 'A' && *in <= 'Z'))
                       ? *in
                       : '_';
    out[k] = '\0';
}

int cli_robust_write_files(robust_run *R)
{
    const char *csv = cli_text(R->a, "csv"), *dir = cli_text(R->a, "svg");
    if (!csv && !dir)
        return CLI_OK;
    cli_outputs out;
    int st = cli_outputs_open(&out, R->a->command, 1);
    if (st)
        return st;
    int ci = -1;
    if (dir && mkdir(dir, 0777) != 0 && errno != EEXIST) {
        cli_complain(R->a->command, "--svg %s: cannot create the folder: %s", dir,
                     strerror(errno));
        cli_outputs_close(&out);
        return CLI_USAGE;
    }
    st = cli_outputs_add(&out, csv, 0, &ci);
    if (!st && csv) {
        char *text = csv_text(R);
        st = text ? cli_outputs_write_string(&out, ci, text) : CLI_FAILED;
        free(text);
    }
    for (int i = 0; !st && dir && i < R->n; i++) {
        const bmd_robustness *r = &R->r[i];
        if (r->n_rows < 1)
            continue;
        char t[BMD_NAME_MAX], s[BMD_NAME_MAX], path[1024];
        safe_name(R->scn->threats[r->threat].name, t, sizeof t);
        safe_name(R->scn->sites[r->site].name, s, sizeof s);
        snprintf(path, sizeof path, "%s/tornado-%s-%s.svg", dir, t, s);
        int idx = -1;
        if ((st = cli_outputs_add(&out, path, 0, &idx)))
            break;
        char *svg = NULL;
        bmd_error err = {0};
        int lst = bmd_plot_robustness_tornado_svg(r, R->scn, 20, R->assumptions, &svg, &err);
        if (lst) {
            st = cli_library_failure(R->a->command, lst, &err);
            break;
        }
        st = cli_outputs_write_string(&out, idx, svg);
        free(svg);
    }
    if (!st)
        st = cli_outputs_commit(&out);
    cli_outputs_close(&out);
    return st;
}
