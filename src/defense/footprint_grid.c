/* Footprint grids (bmd/footprint.h): regular latitude/longitude boxes and exact cell areas. */
#include <math.h>

#include "bmd/units.h"
#include "bmd/footprint.h"

int bmd_footprint_box_make(const bmd_earth *earth, double south_rad, double north_rad,
                           double west_rad, double east_rad, double step_rad, double step_m,
                           long max_cells, bmd_footprint_box *box, bmd_error *err)
{
    const double deg = BMD_DEG_PER_RAD;
    if (!earth || !box)
        return bmd_error_set(err, BMD_EINVAL, "grid: the Earth model and the output must be given");
    if (!isfinite(south_rad) || !isfinite(north_rad) || !isfinite(west_rad) || !isfinite(east_rad))
        return bmd_error_set(err, BMD_EINVAL, "grid: box edges must be finite numbers");
    if (south_rad < -0.5 * M_PI || north_rad > 0.5 * M_PI)
        return bmd_error_set(err, BMD_EINVAL, "grid: latitudes %g..%g degrees must lie in "
                             "[-90, 90]", south_rad * deg, north_rad * deg);
    if (!(south_rad < north_rad))
        return bmd_error_set(err, BMD_EINVAL, "grid: south %g degrees must be below north %g "
                             "degrees", south_rad * deg, north_rad * deg);
    if (!(west_rad < east_rad))
        return bmd_error_set(err, BMD_EINVAL, "grid: west %g degrees must be below east %g "
                             "degrees (east may exceed 180 across the antimeridian)",
                             west_rad * deg, east_rad * deg);
    if (east_rad - west_rad > 2.0 * M_PI + 1e-12)
        return bmd_error_set(err, BMD_EINVAL, "grid: the box spans %g degrees of longitude "
                             "(at most 360)", (east_rad - west_rad) * deg);
    if (!isfinite(step_rad) || !isfinite(step_m) || step_rad < 0 || step_m < 0 ||
        (step_rad > 0) == (step_m > 0))
        return bmd_error_set(err, BMD_EINVAL, "grid: the step must be positive (%g degrees, "
                             "%g m given; exactly one of the two)", step_rad * deg, step_m);
    double dlat = step_rad, dlon = step_rad;
    if (step_m > 0) {
        const double R = bmd_earth_mean_radius_m(earth);
        const double c = cos(0.5 * (south_rad + north_rad));
        dlat = step_m / R;
        dlon = c > 1e-6 ? fmin(step_m / (R * c), 2.0 * M_PI) : 2.0 * M_PI;
    }
    const double n_lat = floor((north_rad - south_rad) / dlat + 1e-9) + 1.0;
    double n_lon = floor((east_rad - west_rad) / dlon + 1e-9) + 1.0;
    if (east_rad - west_rad >= 2.0 * M_PI - 1e-12 && n_lon > 1 &&
        fabs(west_rad + (n_lon - 1) * dlon - (west_rad + 2.0 * M_PI)) < 1e-9 * dlon)
        n_lon -= 1.0; /* a full circle: the last node would repeat the first */
    if (max_cells <= 0)
        max_cells = BMD_FOOTPRINT_DEFAULT_MAX_CELLS;
    const double n = n_lat * n_lon;
    if (n > (double)max_cells)
        return bmd_error_set(err, BMD_EINVAL, "grid: %.0f cells (%.0f x %.0f) is above the cap "
                             "of %ld cells (raise it with --max-cells, or coarsen the step)",
                             n, n_lat, n_lon, max_cells);
    box->south_rad = south_rad;
    box->west_rad = west_rad;
    box->dlat_rad = dlat;
    box->dlon_rad = dlon;
    box->n_lat = (int)n_lat;
    box->n_lon = (int)n_lon;
    return BMD_SUCCESS;
}

void bmd_footprint_box_node(const bmd_footprint_box *box, long k, double *lat_rad, double *lon_rad)
{
    const long i = k / box->n_lon, j = k % box->n_lon;
    if (lat_rad)
        *lat_rad = box->south_rad + (double)i * box->dlat_rad;
    if (lon_rad)
        *lon_rad = remainder(box->west_rad + (double)j * box->dlon_rad, 2.0 * M_PI);
}

/* The authalic function q(lat) / (1 - e^2) without the factor: sin/(1 - e2 sin^2) + atanh(e sin)/e. */
static double authalic_q(double e2, double lat)
{
    const double s = sin(lat);
    if (e2 == 0.0)
        return 2.0 * s;
    const double e = sqrt(e2);
    return (1.0 - e2) * (s / (1.0 - e2 * s * s) + atanh(e * s) / e);
}

double bmd_footprint_zone_area_m2(const bmd_earth *earth, double lat1_rad, double lat2_rad,
                                  double dlon_rad)
{
    const double a = earth->a_m;
    return 0.5 * a * a * dlon_rad * (authalic_q(earth->e2, lat2_rad) - authalic_q(earth->e2, lat1_rad));
}

double bmd_footprint_cell_area_m2(const bmd_earth *earth, const bmd_footprint_box *box, int i)
{
    const double lat = box->south_rad + (double)i * box->dlat_rad;
    const double lo = fmax(lat - 0.5 * box->dlat_rad, -0.5 * M_PI);
    const double hi = fmin(lat + 0.5 * box->dlat_rad, 0.5 * M_PI);
    return hi > lo ? bmd_footprint_zone_area_m2(earth, lo, hi, box->dlon_rad) : 0.0;
}
