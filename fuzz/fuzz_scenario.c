/* fuzz/fuzz_scenario.c — the scenario loader (bmd_scenario_load), then resolving against the
 * repository catalogue, on arbitrary bytes. */
#include <stdlib.h>

#include "bmd/scenario.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    if (!init++)
        fz_quiet();
    const char *path = fz_write("scenario.yaml", data, size);
    bmd_scenario *scn = calloc(1, sizeof *scn);
    if (!scn)
        return 0;
    bmd_error err = {0};
    /* (saving is left out: bmd_scenario_save syncs the file to disk, 100 times slower) */
    if (bmd_scenario_load(path, scn, &err) == BMD_SUCCESS)
        bmd_scenario_resolve(scn, BMD_FUZZ_DATA_DIR "/catalog", &err);
    bmd_scenario_free(scn);
    free(scn);
    return 0;
}
