/* Monte Carlo on the command line (cli/mc_cli.h): the shared options, and the per-pair
 * probabilities of engage SCENARIO.yaml --samples N as a table, JSON and CSV. Every output names
 * the sampler, the seed, N and every varied parameter with its distribution and source. */
#include <cjson/cJSON.h>
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mc_cli.h"
#include "mc_mpi.h"
#include "outputs.h"
#include "scenario_cli.h"

int cli_mc_wanted(const cli_args *a)
{
    return cli_has(a, "samples") || cli_has(a, "seed") || cli_has(a, "sampler") ||
           cli_has(a, "vary") || cli_has(a, "mc-csv") || cli_has(a, "threat-draws");
}

/* The Monte Carlo options of a command: --samples (default_n when absent, at least min_n; label
 * names the cap in the error), --seed, --threads, --sampler, the scenario's uncertain parameters
 * and every --vary. One parser for engage and report. */
static int mc_setup(const cli_args *a, const bmd_scenario *scn, long default_n, long min_n,
                    const char *label, bmd_mc_options *opt, bmd_param_set *set)
{
    bmd_mc_options_init(opt);
    double n, seed, threads;
    int st;
    const char *nt = cli_text(a, "samples");
    if (nt && strtod(nt, NULL) > (double)BMD_MC_MAX_SAMPLES) {
        cli_complain(a->command, "--samples: %s samples is above %ld, the cap of one run",
                     nt, (long)BMD_MC_MAX_SAMPLES);
        return CLI_USAGE;
    }
    if ((st = cli_number(a, "samples", (double)default_n, (double)min_n, 0,
                         (double)BMD_MC_MAX_SAMPLES, 0, label, &n)) ||
        (st = cli_number(a, "seed", 1, 0, 0, 9007199254740992.0, 0, "", &seed)) ||
        (st = cli_number(a, "threads", 0, 0, 0, 1024, 0, "threads", &threads)))
        return st;
    if (n != floor(n) || seed != floor(seed)) {
        cli_complain(a->command, "--samples %s / --seed %s: give whole numbers",
                     cli_text(a, "samples") ? cli_text(a, "samples") : "(default)",
                     cli_text(a, "seed") ? cli_text(a, "seed") : "1");
        return CLI_USAGE;
    }
    opt->samples = (long)n;
    opt->seed = (uint64_t)seed;
    opt->threads = (int)threads;
    if (cli_has(a, "threat-draws")) { /* K of the crossed design, 1..N (mc_draws_internal.h) */
        double k = 0.0;
        if (opt->samples < 1) {
            cli_complain(a->command, "--threat-draws %s: only with Monte Carlo samples (--samples"
                         " N >= 1)", cli_text(a, "threat-draws"));
            return CLI_USAGE;
        }
        if ((st = cli_number(a, "threat-draws", 0.0, 1.0, 0, (double)opt->samples, 0,
                             "draws (at most the --samples)", &k)))
            return st;
        if (k != floor(k)) {
            cli_complain(a->command, "--threat-draws %s: a whole number of draws, 1 to %ld",
                         cli_text(a, "threat-draws"), opt->samples);
            return CLI_USAGE;
        }
        opt->threat_draws = (long)k;
    }
    bmd_error err = {0};
    if (cli_has(a, "sampler") && bmd_sampler_parse(cli_text(a, "sampler"), &opt->sampler, &err)) {
        cli_complain(a->command, "--sampler: %s", err.message);
        return CLI_USAGE;
    }
    if ((st = bmd_param_set_from_scenario(scn, set, &err))) {
        cli_complain(a->command, "%s", err.message);
        return cli_exit_status(st);
    }
    const char *vary[64];
    int nv = cli_all(a, "vary", vary, 64);
    if (nv > 64) {
        cli_complain(a->command, "--vary given %d times; at most 64", nv);
        return CLI_USAGE;
    }
    for (int i = 0; i < nv; i++)
        if ((st = bmd_param_set_vary_in(set, scn, vary[i], &err))) {
            cli_complain(a->command, "--vary: %s", err.message);
            return CLI_USAGE;
        }
    if (set->n > BMD_SAMPLE_MAX_DIMS) {
        cli_complain(a->command, "%d uncertain parameters; at most %d", set->n,
                     BMD_SAMPLE_MAX_DIMS);
        return CLI_USAGE;
    }
    return CLI_OK;
}

int cli_mc_setup(const cli_args *a, const bmd_scenario *scn, bmd_mc_options *opt,
                 bmd_param_set *set)
{
    bmd_mc_options_init(opt);
    if (!cli_has(a, "samples") && cli_has(a, "threat-draws")) {
        cli_complain(a->command, "--threat-draws %s: only with --samples N (the Monte Carlo run)",
                     cli_text(a, "threat-draws"));
        return CLI_USAGE;
    }
    if (!cli_has(a, "samples"))
        return cli_require(a, "samples", "the Monte Carlo options need the number of samples");
    return mc_setup(a, scn, 100, 1, "samples", opt, set);
}

/* The parameters as JSON objects. */
static cJSON *params_json(const bmd_mc_result *r)
{
    cJSON *arr = cJSON_CreateArray();
    for (int k = 0; k < r->params.n; k++) {
        const bmd_param *p = &r->params.items[k];
        char dist[160], text[600];
        bmd_dist_text(&p->dist, dist, sizeof dist);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "path", p->path);
        cJSON_AddStringToObject(o, "distribution", dist);
        cJSON_AddStringToObject(o, "described", bmd_param_describe(p, text, sizeof text));
        cJSON_AddStringToObject(o, "unit", p->unit);
        cJSON_AddNumberToObject(o, "nominal", p->dist.nominal);
        cJSON_AddStringToObject(o, "source", p->source[0] ? p->source : "notional");
        cJSON_AddStringToObject(o, "note", p->note);
        cJSON_AddStringToObject(o, "origin", p->origin);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static void add_number(cJSON *o, const char *key, double v)
{
    if (isfinite(v))
        cJSON_AddNumberToObject(o, key, v);
    else
        cJSON_AddNullToObject(o, key);
}

static const char *const qnames[BMD_MC_N_QUANTILES] = {"q05", "q25", "q50", "q75", "q95"};

static int print_json(const bmd_scenario *scn, const bmd_mc_result *r)
{
    cJSON *root = cJSON_CreateObject();
    cJSON *mc = cJSON_AddObjectToObject(root, "monte_carlo");
    cJSON_AddStringToObject(mc, "scenario", scn->title);
    cJSON_AddNumberToObject(mc, "samples", (double)r->n);
    cJSON_AddNumberToObject(mc, "seed", (double)r->seed);
    cJSON_AddStringToObject(mc, "sampler", bmd_sampler_name(r->sampler));
    cJSON_AddStringToObject(mc, "sampler_meaning", bmd_sampler_meaning(r->sampler));
    cJSON_AddItemToObject(mc, "parameters", params_json(r));
    cJSON_AddBoolToObject(mc, "threats_reflown_per_sample", r->reflown);
    char design[400];
    cJSON_AddNumberToObject(mc, "threat_draws", (double)r->threat_draws);
    cJSON_AddStringToObject(mc, "threat_design", bmd_mc_design_text(r, design, sizeof design));
    cJSON_AddBoolToObject(mc, "flyout_tables_rebuilt_per_sample", r->rebuilt);
    cJSON_AddNumberToObject(mc, "flyout_tables_built", (double)r->tables_built);
    cJSON_AddNumberToObject(mc, "pairs_skipped_verdict_certain", (double)r->pairs_determined);
    cJSON_AddStringToObject(mc, "first_order_estimator", "correlation ratio of 'at least one "
                            "shot' over equal-count bins of each parameter, bias-corrected");
    cJSON *pairs = cJSON_AddArrayToObject(root, "pairs");
    for (int p = 0; p < r->n_pairs; p++) {
        const bmd_mc_pair *mp = &r->pairs[p];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "threat", scn->threats[mp->threat].name);
        cJSON_AddStringToObject(o, "site", scn->sites[mp->site].name);
        cJSON_AddNumberToObject(o, "samples_evaluated", (double)mp->n_evaluated);
        cJSON_AddNumberToObject(o, "nominal_shot_opportunities", mp->nominal_shots);
        cJSON_AddNumberToObject(o, "p_at_least_one_shot", mp->p_one);
        cJSON_AddNumberToObject(o, "p_at_least_one_shot_se", mp->se_one);
        cJSON_AddNumberToObject(o, "p_at_least_two_shots", mp->p_two);
        cJSON_AddNumberToObject(o, "p_at_least_two_shots_se", mp->se_two);
        cJSON *alt = cJSON_AddObjectToObject(o, "intercept_altitude_km");
        cJSON *tim = cJSON_AddObjectToObject(o, "intercept_time_s");
        cJSON *spd = cJSON_AddObjectToObject(o, "required_speed_km_s");
        for (int k = 0; k < BMD_MC_N_QUANTILES; k++) {
            add_number(alt, qnames[k], mp->altitude_q_m[k] / 1e3);
            add_number(tim, qnames[k], mp->time_q_s[k]);
            add_number(spd, qnames[k], mp->speed_q_m_s[k] / 1e3);
        }
        cJSON *s1 = cJSON_AddObjectToObject(o, "first_order_index");
        for (int k = 0; k < r->params.n; k++)
            add_number(s1, r->params.items[k].path, r->s1[p * r->params.n + k]);
        cJSON_AddItemToArray(pairs, o);
    }
    char *text = cJSON_Print(root);
    cJSON_Delete(root);
    if (!text)
        return CLI_FAILED;
    puts(text);
    free(text);
    return CLI_OK;
}

/* "12.3" or "-". */
static const char *num(char *buf, size_t n, double v, int decimals)
{
    if (isfinite(v))
        snprintf(buf, n, "%.*f", decimals, v);
    else
        snprintf(buf, n, "-");
    return buf;
}

static void print_header(FILE *f, const bmd_mc_result *r, const char *prefix)
{
    fprintf(f, "%sMonte Carlo: %ld samples, %s sampler (%s), seed %" PRIu64 "\n", prefix, r->n,
            bmd_sampler_name(r->sampler), bmd_sampler_meaning(r->sampler), r->seed);
    char design[400];
    fprintf(f, "%sDesign: %s\n", prefix, bmd_mc_design_text(r, design, sizeof design));
    fprintf(f, "%sVaried parameters (%d):%s\n", prefix, r->params.n,
            r->params.n ? "" : " none (every sample is the nominal scenario)");
    for (int k = 0; k < r->params.n; k++) {
        char text[600];
        fprintf(f, "%s  %s\n", prefix, bmd_param_describe(&r->params.items[k], text, sizeof text));
    }
}

static int print_table(const bmd_scenario *scn, const bmd_mc_result *r)
{
    printf("%s\n", scn->title);
    print_header(stdout, r, "");
    printf("P(>=1), P(>=2): fraction of samples with at least one / two shot opportunities "
           "(+/- binomial standard error); altitude and time of the earliest intercept, median "
           "[5%%, 95%%] over the samples that engage\n\n");
    printf("%-24s %-18s %5s %15s %15s %22s %22s  %s\n", "threat", "site", "nom", "P(>=1)",
           "P(>=2)", "altitude km", "time s", "most influential (S1)");
    for (int p = 0; p < r->n_pairs; p++) {
        const bmd_mc_pair *mp = &r->pairs[p];
        char a[3][24], t[3][24], p1[32], p2[32], alt[96], tim[96], infl[200] = "-";
        snprintf(p1, sizeof p1, "%.3f+/-%.3f", mp->p_one, mp->se_one);
        snprintf(p2, sizeof p2, "%.3f+/-%.3f", mp->p_two, mp->se_two);
        snprintf(alt, sizeof alt, "%s [%s, %s]", num(a[0], 24, mp->altitude_q_m[2] / 1e3, 0),
                 num(a[1], 24, mp->altitude_q_m[0] / 1e3, 0), num(a[2], 24, mp->altitude_q_m[4] / 1e3, 0));
        snprintf(tim, sizeof tim, "%s [%s, %s]", num(t[0], 24, mp->time_q_s[2], 0),
                 num(t[1], 24, mp->time_q_s[0], 0), num(t[2], 24, mp->time_q_s[4], 0));
        int best = -1;
        for (int k = 0; k < r->params.n; k++) {
            double s = r->s1[p * r->params.n + k];
            if (isfinite(s) && (best < 0 || s > r->s1[p * r->params.n + best]))
                best = k;
        }
        if (best >= 0)
            snprintf(infl, sizeof infl, "%s (%.2f)", r->params.items[best].path,
                     r->s1[p * r->params.n + best]);
        printf("%-24s %-18s %5.0f %15s %15s %22s %22s  %s\n", scn->threats[mp->threat].name,
               scn->sites[mp->site].name, mp->nominal_shots, p1, p2, alt, tim, infl);
    }
    return CLI_OK;
}

/* The CSV: commented header lines naming the run, then one row per pair. */
static char *csv_text(const bmd_scenario *scn, const bmd_mc_result *r)
{
    size_t cap = 4096 + (size_t)r->params.n * 700 + (size_t)r->n_pairs * 600, w = 0;
    char *buf = malloc(cap);
    if (!buf)
        return NULL;
    FILE *f = fmemopen(buf, cap, "w");
    if (!f) {
        free(buf);
        return NULL;
    }
    print_header(f, r, "# ");
    fprintf(f, "threat,site,samples_evaluated,nominal_shots,p_one,p_one_se,p_two,p_two_se");
    for (int k = 0; k < BMD_MC_N_QUANTILES; k++)
        fprintf(f, ",altitude_km_%s", qnames[k]);
    for (int k = 0; k < BMD_MC_N_QUANTILES; k++)
        fprintf(f, ",time_s_%s", qnames[k]);
    for (int k = 0; k < BMD_MC_N_QUANTILES; k++)
        fprintf(f, ",required_speed_km_s_%s", qnames[k]);
    fprintf(f, "\n");
    for (int p = 0; p < r->n_pairs; p++) {
        const bmd_mc_pair *mp = &r->pairs[p];
        fprintf(f, "%s,%s,%ld,%.0f,%.6f,%.6f,%.6f,%.6f", scn->threats[mp->threat].name,
                scn->sites[mp->site].name, mp->n_evaluated, mp->nominal_shots, mp->p_one,
                mp->se_one, mp->p_two, mp->se_two);
        for (int k = 0; k < BMD_MC_N_QUANTILES; k++)
            fprintf(f, isfinite(mp->altitude_q_m[k]) ? ",%.3f" : ",", mp->altitude_q_m[k] / 1e3);
        for (int k = 0; k < BMD_MC_N_QUANTILES; k++)
            fprintf(f, isfinite(mp->time_q_s[k]) ? ",%.3f" : ",", mp->time_q_s[k]);
        for (int k = 0; k < BMD_MC_N_QUANTILES; k++)
            fprintf(f, isfinite(mp->speed_q_m_s[k]) ? ",%.4f" : ",", mp->speed_q_m_s[k] / 1e3);
        fprintf(f, "\n");
    }
    w = (size_t)ftell(f);
    fclose(f);
    buf[w < cap ? w : cap - 1] = '\0';
    return buf;
}

/* The run on the ranks of m: each computes the records of its block of samples, rank 0 gathers
 * them in sample order, reduces and alone writes (cli/mc_mpi.h). Every rank reaches the same
 * collective calls whatever fails where. Returns this rank's exit status. */
static int engage_ranks(const cli_args *a, const bmd_scenario *scn, const mc_mpi *m)
{
    bmd_mc_options opt;
    bmd_param_set set = {0};
    int st = cli_mc_setup(a, scn, &opt, &set);
    if (!st && !cli_has(a, "threads"))
        opt.threads = m->default_threads;
    opt.analysis.required_speed = !cli_has(a, "no-required-speed");
    cli_outputs out;
    int csv = -1, opened = 0;
    if (!st && m->rank == 0) {
        opened = (st = cli_outputs_open(&out, a->command, 1)) == CLI_OK;
        if (st == CLI_OK)
            st = cli_outputs_add(&out, cli_text(a, "mc-csv"), 0, &csv);
    }
    bmd_mc_records mine, all;
    memset(&mine, 0, sizeof mine);
    memset(&all, 0, sizeof all);
    bmd_mc_result r;
    memset(&r, 0, sizeof r);
    bmd_error err = {0};
    if (st == CLI_OK) {
        long first, count;
        mc_mpi_block(m, opt.samples, &first, &count);
        int lib = bmd_mc_records_run(scn, &set, &opt, first, count, &mine, &err);
        if (!lib && m->rank == 0) /* the whole run's records, before the ranks agree */
            lib = bmd_mc_records_alloc(&all, opt.samples, 0, opt.samples, mine.n_threats,
                                       mine.n_sites, &err);
        if (lib) {
            cli_complain(a->command, "%s", err.message);
            st = cli_exit_status(lib);
        }
    }
    int stop = mc_mpi_any_failed(m, st != CLI_OK);
    if (!stop && mc_mpi_gather(m, &mine, &all)) {
        cli_complain(a->command, "%ld samples of %d pairs are more than one MPI gather counts",
                     opt.samples, mine.n_pairs);
        st = CLI_FAILED;
    }
    if (!stop && st == CLI_OK && m->rank == 0) {
        memcpy(all.nominal_shots, mine.nominal_shots,
               (size_t)(mine.n_pairs > 0 ? mine.n_pairs : 1) * sizeof *all.nominal_shots);
        int lib = bmd_mc_reduce(&set, &opt, &all, &r, &err);
        if (lib) {
            cli_complain(a->command, "%s", err.message);
            st = cli_exit_status(lib);
        }
        if (st == CLI_OK && csv >= 0) {
            char *text = csv_text(scn, &r);
            st = text ? cli_outputs_write_string(&out, csv, text) : CLI_FAILED;
            free(text);
        }
        if (st == CLI_OK)
            st = cli_outputs_commit(&out);
        if (st == CLI_OK)
            st = cli_has(a, "json") ? print_json(scn, &r) : print_table(scn, &r);
        if (st == CLI_OK)
            st = fflush(stdout) ? CLI_FAILED : CLI_OK;
    }
    if (opened)
        cli_outputs_close(&out);
    bmd_mc_free(&r);
    bmd_mc_records_free(&mine);
    bmd_mc_records_free(&all);
    bmd_param_set_free(&set);
    return st;
}

int cli_mc_engage(const cli_args *a, const bmd_scenario *scn)
{
    mc_mpi m;
    if (mc_mpi_begin(&m, a->command))
        return CLI_FAILED;
    return mc_mpi_end(&m, engage_ranks(a, scn, &m));
}

int cli_mc_engage_path(const cli_args *a, const char *path)
{
    mc_mpi m;
    if (mc_mpi_begin(&m, a->command))
        return CLI_FAILED;
    int st = CLI_OK;
    if (cli_has(a, "geojson") || cli_has(a, "kml")) {
        cli_complain(a->command, "--%s cannot be combined with the Monte Carlo options (--samples"
                     " ...): give --json or --mc-csv", cli_has(a, "geojson") ? "geojson" : "kml");
        st = CLI_USAGE;
    }
    bmd_scenario *scn = st ? NULL : calloc(1, sizeof *scn);
    if (!st && !scn)
        st = CLI_FAILED;
    if (!st)
        st = cli_scenario_open(a, path, scn);
    if (!st)
        st = engage_ranks(a, scn, &m);
    if (scn) {
        bmd_scenario_free(scn);
        free(scn);
    }
    return mc_mpi_end(&m, st);
}

int cli_mc_setup_optional(const cli_args *a, const bmd_scenario *scn, long default_n,
                          bmd_mc_options *opt, bmd_param_set *set)
{
    return mc_setup(a, scn, default_n, 0, "samples", opt, set);
}
