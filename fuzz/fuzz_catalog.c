/* fuzz/fuzz_catalog.c — the catalogue loaders (missile, radar, interceptor) and the --set
 * overrides. Input: one byte choosing the kind, then the YAML file; text after a NUL byte is
 * applied as "FIELD=VALUE" overrides, one per line, to the loaded entry (or to the repository's
 * entry when the file does not load). */
#include <string.h>

#include "bmd/catalog.h"
#include "bmd/interceptor_catalog.h"
#include "bmd/radar_catalog.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Apply each line of sets (NUL-terminated copy) with apply(entry, line). */
#define APPLY_SETS(entry, fn)                                                                  \
    do {                                                                                       \
        for (char *line = sets; line && *line;) {                                              \
            char *nl = strchr(line, '\n');                                                     \
            if (nl)                                                                            \
                *nl = '\0';                                                                    \
            bmd_error e2 = {0};                                                                \
            fn(entry, line, &e2);                                                              \
            line = nl ? nl + 1 : NULL;                                                         \
        }                                                                                      \
    } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    if (!init++)
        fz_quiet();
    if (size < 1)
        return 0;
    const int kind = data[0] % 3;
    data++, size--;
    const uint8_t *nul = memchr(data, 0, size);
    size_t yaml_size = nul ? (size_t)(nul - data) : size;
    char *sets = NULL;
    if (nul) {
        size_t n = size - yaml_size - 1;
        sets = malloc(n + 1);
        if (!sets)
            return 0;
        memcpy(sets, nul + 1, n);
        sets[n] = '\0';
    }
    const char *path = fz_write("catalog.yaml", data, yaml_size);
    bmd_error err = {0};
    const char *dir = BMD_FUZZ_DATA_DIR "/catalog";
    if (kind == 0) {
        bmd_catalog_missile m;
        if (bmd_catalog_load_missile(path, &m, &err) == BMD_SUCCESS ||
            bmd_catalog_find_missile(dir, "shahab-3-class", &m, &err) == BMD_SUCCESS)
            APPLY_SETS(&m, bmd_catalog_override);
    } else if (kind == 1) {
        bmd_catalog_radar r;
        if (bmd_catalog_load_radar(path, &r, &err) == BMD_SUCCESS ||
            bmd_catalog_find_radar(dir, "spy-1d", &r, &err) == BMD_SUCCESS)
            APPLY_SETS(&r, bmd_catalog_radar_override);
    } else {
        bmd_catalog_interceptor ic;
        if (bmd_catalog_load_interceptor(path, &ic, &err) == BMD_SUCCESS ||
            bmd_catalog_find_interceptor(dir, "sm-3-block-ib", &ic, &err) == BMD_SUCCESS)
            APPLY_SETS(&ic, bmd_catalog_interceptor_override);
    }
    free(sets);
    return 0;
}
