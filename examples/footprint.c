/* examples/footprint.c — the footprint maps of a scenario on a coarse grid: which share of the
 * grid the defence can engage at least once and twice. Builds against the installed library:
 *   cc footprint.c $(pkg-config --cflags --libs bmd) -o footprint
 *   ./footprint SCENARIO.yaml [MAX_CELLS]   (a scenario with launch areas, e.g. scenarios/europe.yaml) */
#include <stdio.h>
#include <stdlib.h>

#include <bmd/analysis.h>
#include <bmd/scenario.h>
#include <bmd/version.h>

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: footprint SCENARIO.yaml [MAX_CELLS]\n");
        return 2;
    }
    char catalog[1024];
    snprintf(catalog, sizeof catalog, "%s/catalog", bmd_data_dir());

    bmd_error err;
    bmd_scenario scn;
    bmd_scenario_init(&scn);
    bmd_analysis an;
    bmd_analysis_footprints *fps = calloc(1, sizeof *fps); /* large: on the heap */
    if (!fps)
        return 1;
    int st = bmd_scenario_open(argv[1], catalog, &scn, &err);
    if (!st)
        st = bmd_analysis_run(&scn, NULL, &an, &err);
    if (st) {
        fprintf(stderr, "footprint: %s\n", err.message);
        bmd_scenario_free(&scn);
        free(fps);
        return 1;
    }
    bmd_analysis_footprint_options opt;
    bmd_analysis_footprint_options_init(&opt);
    opt.max_cells = argc == 3 ? atol(argv[2]) : 60;
    opt.remote = 0;
    if ((st = bmd_analysis_footprints_run(&an, &opt, fps, &err)))
        fprintf(stderr, "footprint: %s\n", err.message);
    for (int i = 0; !st && i < fps->n; i++) {
        const bmd_analysis_footprint *m = &fps->maps[i];
        const bmd_footprint_summary *s = &m->summary[0];
        printf("%s x %s: %ld cells, engageable once %.0f %%, twice %.0f %%\n", m->centre,
               m->grid_name, s->cells, 100.0 * s->share1, 100.0 * s->share2);
    }
    if (!st && fps->n == 0)
        printf("the scenario has no footprint maps\n");
    bmd_analysis_footprints_free(fps);
    free(fps);
    bmd_analysis_free(&an);
    bmd_scenario_free(&scn);
    return st ? 1 : 0;
}
