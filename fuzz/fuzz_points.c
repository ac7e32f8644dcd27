/* fuzz/fuzz_points.c — grid specifications and points files (bmd_footprint_grid_parse). Input:
 * one byte; even: the rest is a grid specification ("S,N,W,E,STEP[km|deg]" or a name); odd: the
 * rest is the content of a points file ("LAT,LON[,NAME]" lines). */
#include <string.h>

#include "bmd/footprint_io.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    if (!init++)
        fz_quiet();
    if (size < 1)
        return 0;
    const int as_file = data[0] & 1;
    data++, size--;
    bmd_footprint_grid g;
    bmd_error err = {0};
    if (as_file) {
        const char *path = fz_write("points.txt", data, size);
        if (bmd_footprint_grid_parse(NULL, path, 5000, &g, &err) == BMD_SUCCESS)
            bmd_footprint_grid_free(&g);
        return 0;
    }
    if (memchr(data, '/', size))
        return 0; /* a path: not a specification */
    char *spec = malloc(size + 1);
    if (!spec)
        return 0;
    memcpy(spec, data, size);
    spec[size] = '\0';
    if (bmd_footprint_grid_parse(NULL, spec, 5000, &g, &err) == BMD_SUCCESS)
        bmd_footprint_grid_free(&g);
    free(spec);
    return 0;
}
