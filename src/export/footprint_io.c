/* Footprint outputs (bmd/footprint_io.h): the per-cell CSV and the GeoJSON and KML contours, each
 * written atomically. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/atomic_file.h"
#include "bmd/footprint_io.h"
#include "bmd/geojson.h"
#include "bmd/kml.h"
#include "bmd/scene.h"
#include "bmd/units.h"

#define DEG BMD_DEG_PER_RAD

/* The CSV writer's context. */
/* A number, or nothing when NaN. */
static void csv_num(FILE *out, double v, int decimals)
{
    if (isfinite(v))
        fprintf(out, ",%.*f", decimals, v);
    else
        fputc(',', out);
}

int bmd_footprint_csv_write(FILE *out, void *context, bmd_error *err)
{
    const bmd_footprint_csv *c = context;
    if (!out || !c || !c->grid || (c->n_maps > 0 && !c->maps))
        return bmd_error_set(err, BMD_EINVAL, "footprint CSV: NULL input");
    const char *centre = c->mode == BMD_FOOTPRINT_LAUNCH_AREA ? "target" : "launch";
    fprintf(out, "%s,%s_lat_deg,%s_lon_deg,point,lat_deg,lon_deg,reachable,status,"
                 "shot_opportunities,sites_engaging,engaging_sites,earliest_intercept_time_s,"
                 "required_speed_km_s,miss_km,flight_time_s,apogee_km\n", centre, centre, centre);
    for (int m = 0; m < c->n_maps; m++) {
        const bmd_footprint_map *mp = &c->maps[m];
        for (long k = 0; k < c->grid->n_cells; k++) {
            const bmd_footprint_cell *x = &mp->cells[k];
            fprintf(out, "%s,%.6f,%.6f,%s,%.6f,%.6f,%d,%s,%d,%d,", mp->name,
                    mp->centre_lat_rad * DEG, mp->centre_lon_rad * DEG, c->grid->point_names[k],
                    x->lat_rad * DEG, x->lon_rad * DEG, x->reachable,
                    bmd_footprint_status_name((bmd_footprint_status)x->status),
                    x->shot_opportunities, x->sites_engaging);
            int first = 1;
            for (int s = 0; s < c->n_sites; s++)
                if (x->site_mask & (1u << s)) {
                    fprintf(out, "%s%s", first ? "" : ";", c->site_names[s]);
                    first = 0;
                }
            csv_num(out, x->earliest_intercept_s, 3);
            csv_num(out, x->required_speed_m_s / 1e3, 3);
            csv_num(out, x->status == BMD_FOOTPRINT_OK ? x->miss_m / 1e3 : NAN, 3);
            csv_num(out, x->status == BMD_FOOTPRINT_OK ? x->flight_time_s : NAN, 1);
            csv_num(out, x->status == BMD_FOOTPRINT_OK ? x->apogee_m / 1e3 : NAN, 1);
            fputc('\n', out);
        }
    }
    return BMD_SUCCESS;
}

int bmd_footprint_write_csv(const char *path, bmd_footprint_mode mode,
                            const bmd_footprint_grid *grid, const bmd_footprint_map *maps,
                            int n_maps, const char *const *site_names, int n_sites,
                            bmd_error *err)
{
    bmd_footprint_csv c = {mode, grid, maps, n_maps, site_names, n_sites};
    return bmd_atomic_write(path, bmd_footprint_csv_write, &c, err);
}

/* The footprint's scene written by the GeoJSON or the KML writer (kml nonzero). */
static int write_scene(const char *path, int kml, const bmd_earth *earth, bmd_footprint_mode mode,
                       const bmd_footprint_grid *g, const bmd_footprint_map *maps, int n_maps,
                       const bmd_footprint_defense *d, bmd_error *err)
{
    bmd_scene scene;
    bmd_scene_init(&scene, earth);
    int st = bmd_footprint_scene(mode, g, maps, n_maps, d, &scene, err);
    if (!st)
        st = kml ? bmd_kml_write(&scene, NULL, path, err) : bmd_geojson_write(&scene, path, err);
    bmd_scene_free(&scene);
    return st;
}

int bmd_footprint_write_geojson(const char *path, const bmd_earth *earth, bmd_footprint_mode mode,
                                const bmd_footprint_grid *g, const bmd_footprint_map *maps,
                                int n_maps, const bmd_footprint_defense *d, bmd_error *err)
{
    return write_scene(path, 0, earth, mode, g, maps, n_maps, d, err);
}

int bmd_footprint_write_kml(const char *path, const bmd_earth *earth, bmd_footprint_mode mode,
                            const bmd_footprint_grid *g, const bmd_footprint_map *maps, int n_maps,
                            const bmd_footprint_defense *d, bmd_error *err)
{
    return write_scene(path, 1, earth, mode, g, maps, n_maps, d, err);
}
