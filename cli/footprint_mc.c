/* bmdsim footprint SCENARIO --samples N ...: the coverage probability of one footprint map
 * (bmd_mc_footprint_run) as a table or JSON, per cell in --csv, as band polygons in --geojson and
 * --kml. Every output names the sampler, the seed, N and the varied parameters with their
 * distributions and sources. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/footprint_summary.h"
#include "bmd/montecarlo.h"
#include "footprint_mc.h"
#include "footprint_mpi.h"
#include "mc_cli.h"
#include "outputs.h"
#include "rules_cli.h"

/* Which threat or launch area flies the centre's missile (-1, -1: none of the scenario's). */
static void missile_source(const fp_cmd *c, const bmd_missile *m, int *threat, int *area)
{
    *threat = *area = -1;
    for (int i = 0; i < c->scn.n_threats && *threat < 0; i++)
        if (c->scn.threats[i].entry && m == &c->scn.threats[i].entry->missile)
            *threat = i;
    for (int i = 0; i < c->scn.n_launch_areas && *threat < 0 && *area < 0; i++)
        if (c->scn.launch_areas[i].has_missile && c->scn.launch_areas[i].entry &&
            m == &c->scn.launch_areas[i].entry->missile)
            *area = i;
}

static cJSON *params_json(const bmd_param_set *set)
{
    cJSON *arr = cJSON_CreateArray();
    for (int k = 0; k < set->n; k++) {
        const bmd_param *p = &set->items[k];
        char dist[160], text[600];
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "path", p->path);
        cJSON_AddStringToObject(o, "distribution", bmd_dist_text(&p->dist, dist, sizeof dist));
        cJSON_AddStringToObject(o, "described", bmd_param_describe(p, text, sizeof text));
        cJSON_AddStringToObject(o, "unit", p->unit);
        cJSON_AddNumberToObject(o, "nominal", p->dist.nominal);
        cJSON_AddStringToObject(o, "source", p->source[0] ? p->source : "notional");
        cJSON_AddStringToObject(o, "origin", p->origin);
        cJSON_AddItemToArray(arr, o);
    }
    return arr;
}

static void band_counts(const bmd_mc_footprint *r, long counts[BMD_MC_N_BANDS])
{
    memset(counts, 0, BMD_MC_N_BANDS * sizeof *counts);
    for (long k = 0; k < r->n_cells; k++)
        counts[bmd_mc_band(r->p_one[k])]++;
}

static void print_json(const fp_cmd *c, const bmd_mc_footprint *r)
{
    char rules[320];
    cJSON *root = cJSON_CreateObject();
    cJSON *mc = cJSON_AddObjectToObject(root, "coverage_probability");
    cJSON_AddStringToObject(mc, "scenario", c->scn.title);
    cJSON_AddStringToObject(mc, "mode", c->mode == BMD_FOOTPRINT_LAUNCH_AREA ? "launch-area"
                                                                              : "defended-area");
    cJSON_AddStringToObject(mc, "grid", c->grid.name);
    cJSON_AddStringToObject(mc, "map", c->centres[0].name);
    cJSON_AddNumberToObject(mc, "samples", (double)r->n);
    cJSON_AddNumberToObject(mc, "seed", (double)r->seed);
    cJSON_AddStringToObject(mc, "sampler", bmd_sampler_name(r->sampler));
    cJSON_AddStringToObject(mc, "sampler_meaning", bmd_sampler_meaning(r->sampler));
    cJSON_AddItemToObject(mc, "parameters", params_json(&r->params));
    cJSON_AddStringToObject(mc, "rules", bmd_engagement_rules_describe(&c->rules, rules,
                                                                       sizeof rules));
    cJSON_AddBoolToObject(mc, "threats_reflown_per_sample", r->reflown);
    char design[400];
    cJSON_AddNumberToObject(mc, "threat_draws", (double)r->threat_draws);
    cJSON_AddStringToObject(mc, "threat_design", bmd_mc_footprint_design_text(r, design,
                                                                              sizeof design));
    cJSON_AddBoolToObject(mc, "draws_aimed_warm", r->warm_draws);
    cJSON_AddNumberToObject(mc, "draw_cells_warm_started", (double)r->warm_cells);
    long counts[BMD_MC_N_BANDS];
    band_counts(r, counts);
    cJSON *bands = cJSON_AddArrayToObject(mc, "bands");
    for (int b = 0; b < BMD_MC_N_BANDS; b++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "p_at_least_one_shot", bmd_mc_band_label(b));
        cJSON_AddNumberToObject(o, "cells", (double)counts[b]);
        cJSON_AddItemToArray(bands, o);
    }
    cJSON *cells = cJSON_AddArrayToObject(root, "cells");
    for (long k = 0; k < r->n_cells; k++) {
        cJSON *o = cJSON_CreateObject();
        cJSON_AddNumberToObject(o, "lat_deg", c->grid.lat_rad[k] * DEG);
        cJSON_AddNumberToObject(o, "lon_deg", c->grid.lon_rad[k] * DEG);
        cJSON_AddNumberToObject(o, "p_at_least_one_shot", r->p_one[k]);
        cJSON_AddNumberToObject(o, "p_at_least_two_shots", r->p_two[k]);
        cJSON_AddStringToObject(o, "band", bmd_mc_band_label(bmd_mc_band(r->p_one[k])));
        cJSON_AddNumberToObject(o, "nominal_shot_opportunities", r->nominal[k].shot_opportunities);
        cJSON_AddItemToArray(cells, o);
    }
    char *text = cJSON_PrintUnformatted(root);
    printf("%s\n", text);
    free(text);
    cJSON_Delete(root);
}

static void print_header(FILE *f, const fp_cmd *c, const bmd_mc_footprint *r, const char *lead)
{
    char rules[320];
    fprintf(f, "%sCoverage probability (%s), map %s, grid %s: %ld cells; %ld samples, seed %llu, "
            "sampler %s (%s)\n", lead, c->mode == BMD_FOOTPRINT_LAUNCH_AREA ? "launch-area"
                                                                           : "defended-area",
            c->centres[0].name, c->grid.name, r->n_cells, r->n, (unsigned long long)r->seed,
            bmd_sampler_name(r->sampler), bmd_sampler_meaning(r->sampler));
    fprintf(f, "%sRules: %s%s\n", lead, bmd_engagement_rules_describe(&c->rules, rules,
                                                                     sizeof rules),
            c->rules.require_fcr_coverage ? "" : " (engage on remote)");
    char design[400];
    fprintf(f, "%sDesign: %s\n", lead, bmd_mc_footprint_design_text(r, design, sizeof design));
    if (r->params.n == 0)
        fprintf(f, "%sVaried: none (every sample is the nominal scenario)\n", lead);
    for (int k = 0; k < r->params.n; k++) {
        char text[600];
        fprintf(f, "%sVaried: %s\n", lead, bmd_param_describe(&r->params.items[k], text,
                                                              sizeof text));
    }
}

static void print_table(const fp_cmd *c, const bmd_mc_footprint *r)
{
    print_header(stdout, c, r, "");
    long counts[BMD_MC_N_BANDS], nominal = 0;
    band_counts(r, counts);
    for (long k = 0; k < r->n_cells; k++)
        nominal += r->nominal[k].shot_opportunities >= 1;
    printf("  %-22s %8s %8s\n", "P(>=1 shot)", "cells", "share");
    for (int b = BMD_MC_N_BANDS - 1; b >= 0; b--)
        printf("  %-22s %8ld %7.1f%%\n", bmd_mc_band_label(b), counts[b],
               100.0 * (double)counts[b] / (double)r->n_cells);
    printf("  nominal footprint: %ld cells with >= 1 shot; %.1f s on %d sample%s\n", nominal,
           r->run_s, (int)r->n, r->n == 1 ? "" : "s");
    printf("  per-cell probabilities: --csv FILE or --json\n");
}

static char *csv_text(const fp_cmd *c, const bmd_mc_footprint *r)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        return NULL;
    print_header(f, c, r, "# ");
    fprintf(f, "cell,lat_deg,lon_deg,p_at_least_one_shot,p_at_least_two_shots,band,"
               "nominal_shot_opportunities,nominal_status\n");
    for (long k = 0; k < r->n_cells; k++)
        fprintf(f, "%ld,%.6f,%.6f,%.6g,%.6g,%s,%d,%s\n", k, c->grid.lat_rad[k] * DEG,
                c->grid.lon_rad[k] * DEG, r->p_one[k], r->p_two[k],
                bmd_mc_band_label(bmd_mc_band(r->p_one[k])), r->nominal[k].shot_opportunities,
                bmd_footprint_status_name((bmd_footprint_status)r->nominal[k].status));
    if (fclose(f)) {
        free(buf);
        return NULL;
    }
    return buf;
}

static int write_scene(fp_cmd *c, const bmd_mc_footprint *r, cli_outputs *out, int geojson,
                       int kml)
{
    if (geojson < 0 && kml < 0)
        return CLI_OK;
    bmd_scene scene;
    bmd_scene_init(&scene, &c->scn.earth);
    bmd_error err = {0};
    int lib = bmd_scene_set_title(&scene, "bmdsim coverage probability", &err);
    for (int s = 0; s < c->defence->n_sites && !lib; s++)
        lib = bmd_scene_add_site(&scene, c->defence->names[s], BMD_SITE_INTERCEPTOR,
                                 c->defence->sites[s].site.lat_rad,
                                 c->defence->sites[s].site.lon_rad,
                                 c->defence->sites[s].site.height_m, NULL, &err);
    if (!lib)
        lib = bmd_scene_add_site(&scene, c->centres[0].name,
                                 c->mode == BMD_FOOTPRINT_LAUNCH_AREA ? BMD_SITE_TARGET
                                                                      : BMD_SITE_LAUNCH,
                                 c->centres[0].lat_rad, c->centres[0].lon_rad, 0.0, NULL, &err);
    const int first = scene.n_features;
    if (!lib)
        lib = bmd_mc_footprint_scene(r, &c->grid, c->centres[0].name, &scene, &err);
    for (int f = first; f < scene.n_features && !lib; f++)
        lib = bmd_analysis_scene_set_rules(&scene, f, &c->rules, &err);
    int st = lib ? cli_library_failure(c->command, lib, &err)
                 : cli_outputs_write_scene(out, &scene, geojson, kml);
    bmd_scene_free(&scene);
    return st;
}

int cli_footprint_mc(fp_cmd *c, const cli_args *a, cli_outputs *out, const int index[3],
                     const volatile sig_atomic_t *interrupted)
{
    /* every rank runs this; ranks above 0 hold their stderr until the job's status is agreed */
    fp_held_stderr held;
    fp_stderr_hold(c, &held);
    int st = CLI_OK;
    if (c->exposure || c->n_centres != 1 || c->has_override || cli_has(a, "required-speed") ||
        cli_has(a, "mc-csv")) {
        cli_complain(c->command, "--samples: %s", c->exposure ? "not with --mode exposure"
                     : c->n_centres != 1 ? "one map only: name one point with --launch/--target"
                     : c->has_override ? "not with --missile (vary the scenario's missile)"
                     : cli_has(a, "mc-csv") ? "--mc-csv is engage's; use --csv"
                                            : "not with --required-speed");
        st = CLI_USAGE;
    }
    bmd_mc_options opt;
    bmd_param_set set = {0};
    if (!st)
        st = cli_mc_setup(a, &c->scn, &opt, &set);
    bmd_mc_footprint_input in;
    memset(&in, 0, sizeof in);
    if (!st && cli_has(a, "threat-draws")) { /* K of the crossed design, 1..N */
        double k = 0.0;
        st = cli_number(a, "threat-draws", 0.0, 1.0, 0, (double)opt.samples, 0,
                        "(at most the --samples)", &k);
        if (!st && k != floor(k)) {
            cli_complain(c->command, "--threat-draws %s: a whole number of draws, 1 to %ld",
                         cli_text(a, "threat-draws"), opt.samples);
            st = CLI_USAGE;
        }
        in.threat_draws = (long)k;
    }
    in.cold_draws = cli_has(a, "cold-draws");
    if (!st) { /* (on failure the ranks still meet below) */
        in.mode = c->mode;
        missile_source(c, c->centres[0].missile, &in.threat, &in.launch_area);
        in.centre_lat_rad = c->centres[0].lat_rad, in.centre_lon_rad = c->centres[0].lon_rad;
        in.cell_lat_rad = c->grid.lat_rad, in.cell_lon_rad = c->grid.lon_rad;
        in.n_cells = c->grid.n_cells;
        in.toward_lat_rad = c->centres[0].lat_rad, in.toward_lon_rad = c->centres[0].lon_rad;
        if (c->mode == BMD_FOOTPRINT_LAUNCH_AREA)
            in.toward_lat_rad = c->grid.lat_rad[c->grid.n_cells / 2],
            in.toward_lon_rad = c->grid.lon_rad[c->grid.n_cells / 2];
        in.launch_on = cli_has(a, "launch-on") ? (int)c->rules.launch_on : -1;
        in.no_fcr_coverage = cli_has(a, "no-fcr-coverage");
        in.opt = c->opt;
        opt.threads = c->opt.threads;
        if (c->size > 1) /* this rank's block of samples (MPI) */
            fp_block(c->rank, c->size, opt.samples, &in.first_sample, &in.block_samples);
    }
    bmd_mc_footprint r;
    memset(&r, 0, sizeof r);
    bmd_error err = {0};
    if (!st && (st = bmd_mc_footprint_run(&c->scn, &set, &in, &opt, &r, &err)))
        st = cli_library_failure(c->command, st, &err);
    /* The ranks agree; rank 0 sums the integer counts of every block and divides by N: the same
     * numbers as one process (p = count / N). */
    const int stop = fp_mpi_any_stop(c, st, interrupted);
    if (!stop && c->size > 1) {
        fp_mpi_sum_longs(c, r.n_one, r.n_cells);
        fp_mpi_sum_longs(c, r.n_two, r.n_cells);
        fp_mpi_sum_longs(c, &r.engagements, 1);
        for (long k = 0; c->rank == 0 && k < r.n_cells; k++) {
            r.p_one[k] = (double)r.n_one[k] / (double)r.n;
            r.p_two[k] = (double)r.n_two[k] / (double)r.n;
        }
    }
    if (!stop && c->rank == 0) { /* only rank 0 writes */
        if (!st && index[0] >= 0) {
            char *text = csv_text(c, &r);
            st = text ? cli_outputs_write_string(out, index[0], text) : CLI_FAILED;
            free(text);
        }
        if (!st)
            st = write_scene(c, &r, out, index[1], index[2]);
        if (!st && *interrupted) /* a signal while writing: nothing is committed */
            st = 130;
        if (!st)
            st = cli_outputs_commit(out);
        if (!st) {
            if (cli_has(a, "json"))
                print_json(c, &r);
            else
                print_table(c, &r);
            st = fflush(stdout) ? CLI_FAILED : CLI_OK;
        }
    }
    int speaker = 0;
    st = fp_mpi_job_status(c, st, interrupted, &speaker);
    fp_stderr_release(&held, speaker);
    if (st == 130 && speaker && !*interrupted) /* another rank was interrupted: say it here */
        cli_complain(c->command, "interrupted: no output written");
    bmd_mc_footprint_free(&r);
    bmd_param_set_free(&set);
    return st;
}
