/* src/render/map_internal.h — the loaded world and shared helpers of the map code. Internal. */
#ifndef BMD_IO_MAP_INTERNAL_H
#define BMD_IO_MAP_INTERNAL_H

#include "bmd/map.h"

/* One polyline of the world: kind 'L' land ring, 'H' hole of the previous ring, 'B' border. */
typedef struct world_line {
    char kind;
    int start, n;
} world_line;

struct bmd_world {
    world_line *lines;
    int n_lines, cap_lines;
    double *lat_rad, *lon_rad;
    int n_points, cap_points;
};

/* Points closer than this to the antipode are not drawn in the azimuthal projection. */
#define MAP_MAX_CENTRAL_ANGLE_RAD (175.0 * M_PI / 180.0)

#endif
