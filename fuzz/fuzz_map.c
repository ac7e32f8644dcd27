/* fuzz/fuzz_map.c — map data files (bmd_world_load) and map views (bmd_map_view_check,
 * bmd_map_svg). Input: 34 bytes of view (centre, radius, graticule as doubles; projection; size),
 * then the content of a map data file ("KIND N X0 Y0 DX DY ..." lines). */
#include <math.h>
#include <string.h>

#include "bmd/map.h"
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    if (!init++)
        fz_quiet();
    enum { HEAD = 4 * sizeof(double) + 2 };
    if (size < HEAD)
        return 0;
    double d[4];
    memcpy(d, data, sizeof d);
    bmd_map_view v;
    bmd_map_view_init(&v);
    v.center_lat_rad = d[0];
    v.center_lon_rad = d[1];
    v.radius_m = d[2];
    v.graticule_deg = d[3];
    v.projection = data[32] & 1 ? BMD_PROJ_EQUIRECTANGULAR : BMD_PROJ_AZIMUTHAL_EQUIDISTANT;
    v.width_px = 200 + (data[33] & 15) * 10;
    v.height_px = 200 + (data[33] >> 4) * 10;
    const char *path = fz_write("world.txt", data + HEAD, size - HEAD);
    bmd_world *w = NULL;
    bmd_error err = {0};
    if (bmd_world_load(path, &w, &err) == BMD_SUCCESS) {
        char *svg = NULL;
        if (bmd_map_svg(&v, w, NULL, &svg, &err) == BMD_SUCCESS)
            free(svg);
    }
    bmd_world_free(w);
    return 0;
}
