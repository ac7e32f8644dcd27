/* fuzz/fuzz_slow.c — the slow paths on small scenarios: load and resolve a scenario, run the
 * analysis (flights, engagements, required speeds), the footprint maps on tiny grids (at most 9
 * cells per map) and the HTML report (in memory). Scenarios with more than 2 threats, 2 sites or
 * 3 sensors are skipped so that each input stays within the time budget (run.sh: -timeout). */
#include <stdlib.h>

#include "bmd/analysis.h"
#include "bmd/report.h"
#include "bmd/scenario.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    if (!init++)
        fz_quiet();
    const char *path = fz_write("slow.yaml", data, size);
    bmd_scenario *scn = calloc(1, sizeof *scn);
    bmd_analysis_footprints *fps = calloc(1, sizeof *fps);
    bmd_analysis an = {0};
    bmd_error err = {0};
    if (!scn || !fps)
        goto done;
    if (bmd_scenario_open(path, BMD_FUZZ_DATA_DIR "/catalog", scn, &err) != BMD_SUCCESS)
        goto done;
    if (scn->n_threats > 2 || scn->n_sites > 2 || scn->n_sensors > 3)
        goto done;
    bmd_analysis_options opt;
    bmd_analysis_options_init(&opt);
    opt.threads = 1;
    if (bmd_analysis_run(scn, &opt, &an, &err) != BMD_SUCCESS)
        goto done;
    bmd_analysis_footprint_options fo;
    bmd_analysis_footprint_options_init(&fo);
    fo.max_cells = 9;
    fo.threads = 1;
    fo.remote = 1;
    if (bmd_analysis_footprints_run(&an, &fo, fps, &err) != BMD_SUCCESS)
        goto done;
    bmd_report_options ro = {"bmdsim report fuzz.yaml -o fuzz.html", NULL, "bmdsim fuzz", NULL, NULL};
    bmd_report *rep = NULL;
    if (bmd_report_begin(&rep, &an, NULL, &ro, &err) == BMD_SUCCESS &&
        bmd_report_add_footprints(rep, fps, &err) == BMD_SUCCESS) {
        char *html = NULL;
        if (bmd_report_html(rep, &html, &err) == BMD_SUCCESS)
            free(html);
    }
    bmd_report_free(rep);
    bmd_analysis_footprints_free(fps);
done:
    bmd_analysis_free(&an);
    if (scn)
        bmd_scenario_free(scn);
    free(scn);
    free(fps);
    return 0;
}
