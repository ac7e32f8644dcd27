/* The outputs of `bmdsim footprint`: files and the summary table or JSON. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <cjson/cJSON.h>

#include "bmd/analysis.h"
#include "common.h"
#include "footprint_cmd.h"
#include "outputs.h"

/* Site names as an array of pointers, in names[BMD_FOOTPRINT_MAX_SITES]. */
static const char *const *site_names(const fp_cmd *c, const char **names)
{
    for (int s = 0; s < c->defence->n_sites; s++)
        names[s] = c->defence->names[s];
    return names;
}

/* The JSON summary. */
static cJSON *summary_json(const fp_cmd *c, double run_s)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "mode", c->exposure ? "exposure"
                                       : c->mode == BMD_FOOTPRINT_LAUNCH_AREA ? "launch-area"
                                                                              : "defended-area");
    cJSON_AddStringToObject(o, "scenario", c->scn.path);
    cJSON_AddStringToObject(o, "launch_on", bmd_launch_on_name(c->rules.launch_on));
    cJSON_AddBoolToObject(o, "engage_on_remote", !c->rules.require_fcr_coverage);
    char rules[320];
    cJSON_AddStringToObject(o, "rules", bmd_engagement_rules_describe(&c->rules, rules,
                                                                       sizeof rules));
    cJSON_AddStringToObject(o, "grid", c->grid.name);
    cJSON_AddNumberToObject(o, "cells", (double)c->grid.n_cells);
    cJSON_AddNumberToObject(o, "run_time_s", run_s);
    cJSON_AddNumberToObject(o, "threads", c->stats[0].threads);
    cJSON_AddNumberToObject(o, "processes", c->size);
    cJSON *sites = cJSON_AddArrayToObject(o, "sites");
    for (int s = 0; s < c->defence->n_sites; s++)
        cJSON_AddItemToArray(sites, cJSON_CreateString(c->defence->names[s]));
    cJSON *maps = cJSON_AddArrayToObject(o, "maps");
    for (int m = 0; m < c->n_centres; m++) {
        bmd_footprint_summary s;
        bmd_footprint_summarize(&c->scn.earth, &c->grid, c->maps[m].cells, &s);
        cJSON *x = cJSON_CreateObject();
        cJSON_AddStringToObject(x, c->mode == BMD_FOOTPRINT_LAUNCH_AREA ? "target" : "launch",
                                c->maps[m].name);
        cJSON_AddNumberToObject(x, "lat_deg", c->maps[m].centre_lat_rad * DEG);
        cJSON_AddNumberToObject(x, "lon_deg", c->maps[m].centre_lon_rad * DEG);
        cJSON_AddNumberToObject(x, "cells", (double)s.cells);
        cJSON_AddNumberToObject(x, "reachable_cells", (double)s.reachable);
        cJSON_AddNumberToObject(x, "covered_cells_1_shot", (double)s.covered1);
        cJSON_AddNumberToObject(x, "covered_cells_2_shots", (double)s.covered2);
        cJSON_AddNumberToObject(x, "share_reachable", s.share_reachable);
        cJSON_AddNumberToObject(x, "share_covered_1_shot", s.share1);
        cJSON_AddNumberToObject(x, "share_covered_2_shots", s.share2);
        if (c->grid.has_box) {
            cJSON_AddNumberToObject(x, "grid_area_km2", s.area_km2);
            cJSON_AddNumberToObject(x, "covered_area_km2_1_shot", s.area1_km2);
            cJSON_AddNumberToObject(x, "covered_area_km2_2_shots", s.area2_km2);
        } else {
            cJSON_AddNullToObject(x, "covered_area_km2_1_shot");
            cJSON_AddNullToObject(x, "covered_area_km2_2_shots");
        }
        if (!isnan(s.required_speed_min_m_s)) {
            cJSON_AddNumberToObject(x, "required_speed_min_km_s", s.required_speed_min_m_s / 1e3);
            cJSON_AddNumberToObject(x, "required_speed_max_km_s", s.required_speed_max_m_s / 1e3);
        } else if (c->opt.required_speed) { /* computed, but no cell can be engaged at any speed */
            cJSON_AddNullToObject(x, "required_speed_min_km_s");
            cJSON_AddNullToObject(x, "required_speed_max_km_s");
        }
        /* per site: share of reachable cells it can engage */
        cJSON *ps = cJSON_AddArrayToObject(x, "sites");
        for (int si = 0; si < c->defence->n_sites; si++) {
            long n = 0;
            for (long k = 0; k < c->grid.n_cells; k++)
                n += (c->maps[m].cells[k].site_mask >> si) & 1u;
            cJSON *y = cJSON_CreateObject();
            cJSON_AddStringToObject(y, "site", c->defence->names[si]);
            cJSON_AddNumberToObject(y, "engageable_cells", (double)n);
            cJSON_AddNumberToObject(y, "share_of_reachable", s.reachable ? (double)n / s.reachable : 0);
            cJSON_AddItemToArray(ps, y);
        }
        cJSON_AddNumberToObject(x, "run_time_s", c->maps[m].run_s);
        cJSON_AddNumberToObject(x, "family_azimuths", c->info[m].n_azimuth);
        cJSON_AddNumberToObject(x, "family_ranges", c->info[m].n_range);
        cJSON_AddBoolToObject(x, "aimed_exactly", c->info[m].aim_exact);
        cJSON_AddNumberToObject(x, "prepare_time_s", c->info[m].prepare_s);
        cJSON_AddNumberToObject(x, "threat_flights", (double)c->stats[m].flights);
        cJSON_AddNumberToObject(x, "engagements", (double)c->stats[m].engagements);
        cJSON_AddNumberToObject(x, "pairs_decided_without_engagement",
                                (double)c->stats[m].pruned);
        double miss_max = 0, miss_sum = 0;
        long n_ok = 0;
        for (long k = 0; k < c->grid.n_cells; k++)
            if (c->maps[m].cells[k].status == BMD_FOOTPRINT_OK) {
                miss_max = fmax(miss_max, c->maps[m].cells[k].miss_m);
                miss_sum += c->maps[m].cells[k].miss_m, n_ok++;
            }
        cJSON_AddNumberToObject(x, "miss_max_km", miss_max / 1e3);
        cJSON_AddNumberToObject(x, "miss_mean_km", n_ok ? miss_sum / n_ok / 1e3 : 0);
        cJSON_AddItemToArray(maps, x);
    }
    return o;
}

/* The summary as a table (one block per map). */
static void summary_table(const fp_cmd *c, double run_s)
{
    printf("Footprint (%s), grid %s: %ld cells, %d site%s, %.2f s on %d thread%s x %d process%s\n",
           c->exposure ? "exposure" : c->mode == BMD_FOOTPRINT_LAUNCH_AREA ? "launch-area"
                                                                            : "defended-area",
           c->grid.name, c->grid.n_cells, c->defence->n_sites, c->defence->n_sites == 1 ? "" : "s",
           run_s, c->stats[0].threads, c->stats[0].threads == 1 ? "" : "s", c->size,
           c->size == 1 ? "" : "es");
    char rules[320];
    printf("Rules: %s%s\n", bmd_engagement_rules_describe(&c->rules, rules, sizeof rules),
           c->rules.require_fcr_coverage ? "" : " (engage on remote)");
    for (int m = 0; m < c->n_centres; m++) {
        bmd_footprint_summary s;
        bmd_footprint_summarize(&c->scn.earth, &c->grid, c->maps[m].cells, &s);
        printf("  %-24s reachable %6.1f%%  >=1 shot %6.1f%%  >=2 shots %6.1f%%", c->maps[m].name,
               100 * s.share_reachable, 100 * s.share1, 100 * s.share2);
        if (c->grid.has_box)
            printf("  covered %.0f km2 (>=1), %.0f km2 (>=2)", s.area1_km2, s.area2_km2);
        if (!isnan(s.required_speed_min_m_s))
            printf("  required speed %.2f..%.2f km/s", s.required_speed_min_m_s / 1e3,
                   s.required_speed_max_m_s / 1e3);
        printf("\n");
        for (int si = 0; si < c->defence->n_sites; si++) {
            long n = 0;
            for (long k = 0; k < c->grid.n_cells; k++)
                n += (c->maps[m].cells[k].site_mask >> si) & 1u;
            printf("      %-20s engages %6.1f%% of the reachable cells\n", c->defence->names[si],
                   s.reachable ? 100.0 * n / s.reachable : 0.0);
        }
    }
}

/* The GeoJSON and KML (either index -1 to skip) into the set. */
static int write_scene(fp_cmd *c, cli_outputs *out, int geojson, int kml)
{
    if (geojson < 0 && kml < 0)
        return CLI_OK;
    bmd_scene scene;
    bmd_scene_init(&scene, &c->scn.earth);
    bmd_error err = {0};
    int lib = bmd_footprint_scene(c->mode, &c->grid, c->maps, c->n_centres, c->defence, &scene,
                                  &err);
    /* every feature states the engagement rules its verdicts rest on (launch-on, delays, radar
       requirement), as the table and the JSON do */
    for (int f = 0; f < scene.n_features && !lib; f++)
        lib = bmd_analysis_scene_set_rules(&scene, f, &c->rules, &err);
    int st = lib ? cli_library_failure(c->command, lib, &err)
                 : cli_outputs_write_scene(out, &scene, geojson, kml);
    bmd_scene_free(&scene);
    return st;
}

int cli_footprint_write_outputs(fp_cmd *c, const cli_args *a, cli_outputs *out,
                                const int index[3], const volatile sig_atomic_t *interrupted,
                                double run_s)
{
    const char *names[BMD_FOOTPRINT_MAX_SITES];
    bmd_footprint_csv csv = {c->exposure ? BMD_FOOTPRINT_DEFENDED_AREA : c->mode, &c->grid,
                             c->maps, c->n_centres, site_names(c, names), c->defence->n_sites};
    int st = cli_outputs_write(out, index[0], bmd_footprint_csv_write, &csv);
    if (!st)
        st = write_scene(c, out, index[1], index[2]);
    if (!st && *interrupted)
        return 130; /* the caller says so */
    if (!st)
        st = cli_outputs_commit(out);
    if (st)
        return st;
    if (cli_has(a, "json")) {
        cJSON *o = summary_json(c, run_s);
        char *text = cJSON_PrintUnformatted(o);
        printf("%s\n", text);
        free(text);
        cJSON_Delete(o);
    } else {
        summary_table(c, run_s);
    }
    return fflush(stdout) ? CLI_FAILED : CLI_OK;
}

