/* Reading the loaded Natural Earth polylines one by one (bmd/map.h), for writers that draw the
 * world themselves (the report's interactive map). */
#include "render/map_internal.h"

int bmd_world_n_lines(const bmd_world *world)
{
    return world ? world->n_lines : 0;
}

int bmd_world_line(const bmd_world *world, int i, char *kind, int *n, const double **lat_rad,
                   const double **lon_rad, bmd_error *err)
{
    if (!world || !kind || !n || !lat_rad || !lon_rad)
        return bmd_error_set(err, BMD_EINVAL, "no world or outputs (NULL)");
    if (i < 0 || i >= world->n_lines)
        return bmd_error_set(err, BMD_EINVAL, "world line index %d is outside [0, %d)", i,
                             world->n_lines);
    const world_line *l = &world->lines[i];
    *kind = l->kind;
    *n = l->n;
    *lat_rad = world->lat_rad + l->start;
    *lon_rad = world->lon_rad + l->start;
    return BMD_SUCCESS;
}
