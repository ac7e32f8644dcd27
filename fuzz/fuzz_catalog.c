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
    /* the repository's entries, loaded once: the overrides go to them when the file fails */
    static bmd_catalog_missile m0;
    static bmd_catalog_radar r0;
    static bmd_catalog_interceptor i0;
    static int loaded;
    if (!loaded++) {
        if (bmd_catalog_find_missile(BMD_FUZZ_DATA_DIR "/catalog/missiles", "shahab-3-class", &m0,
                                     &err) ||
            bmd_catalog_find_radar(BMD_FUZZ_DATA_DIR "/catalog/radars", "spy-1d", &r0, &err) ||
            bmd_catalog_find_interceptor(BMD_FUZZ_DATA_DIR "/catalog/interceptors",
                                         "sm-3-block-ib", &i0, &err)) {
            fprintf(stderr, "fuzz_catalog: %s\n", err.message);
            abort();
        }
    }
    if (kind == 0) {
        static bmd_catalog_missile m;
        if (bmd_catalog_load_missile(path, &m, &err) != BMD_SUCCESS)
            m = m0;
        APPLY_SETS(&m, bmd_catalog_override);
    } else if (kind == 1) {
        static bmd_catalog_radar r;
        if (bmd_catalog_load_radar(path, &r, &err) != BMD_SUCCESS)
            r = r0;
        APPLY_SETS(&r, bmd_catalog_radar_override);
    } else {
        static bmd_catalog_interceptor ic;
        if (bmd_catalog_load_interceptor(path, &ic, &err) != BMD_SUCCESS)
            ic = i0;
        APPLY_SETS(&ic, bmd_catalog_interceptor_override);
    }
    free(sets);
    return 0;
}
