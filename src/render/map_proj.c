/* Map projections (Snyder 1987) and views: azimuthal equidistant and equirectangular. */
#include <math.h>

#include "bmd/earth.h"
#include "render/map_internal.h"

void bmd_map_view_init(bmd_map_view *view)
{
    *view = (bmd_map_view){0};
    view->projection = BMD_PROJ_AZIMUTHAL_EQUIDISTANT;
    view->radius_m = 2000e3;
    view->width_px = 960;
    view->height_px = 720;
    view->legend = 1;
    view->scale_bar = 1;
}

int bmd_map_view_check(const bmd_map_view *v, bmd_error *err)
{
    if (v->projection != BMD_PROJ_AZIMUTHAL_EQUIDISTANT && v->projection != BMD_PROJ_EQUIRECTANGULAR)
        return bmd_error_set(err, BMD_EINVAL, "map projection %d is not a bmd_projection",
                             (int)v->projection);
    if (!isfinite(v->center_lat_rad) || fabs(v->center_lat_rad) > M_PI / 2 ||
        !isfinite(v->center_lon_rad))
        return bmd_error_set(err, BMD_EINVAL, "map centre (%g, %g) rad is not a point on the "
                             "globe (|latitude| <= pi/2)", v->center_lat_rad, v->center_lon_rad);
    if (v->scale_units != BMD_UNITS_METRIC && v->scale_units != BMD_UNITS_IMPERIAL &&
        v->scale_units != BMD_UNITS_NAUTICAL)
        return bmd_error_set(err, BMD_EINVAL, "map scale_units %d is not a bmd_unit_system "
                             "(0 metric, 1 imperial, 2 nautical)", (int)v->scale_units);
    double max_r = M_PI * BMD_EARTH_MEAN_RADIUS_M;
    if (!(v->radius_m > 0) || !(v->radius_m <= max_r))
        return bmd_error_set(err, BMD_EINVAL, "map radius %g m is outside (0, %.0f] m", v->radius_m,
                             max_r);
    if (v->width_px < 200 || v->width_px > 4000 || v->height_px < 200 || v->height_px > 4000)
        return bmd_error_set(err, BMD_EINVAL, "map size %d x %d px is outside [200, 4000] px",
                             v->width_px, v->height_px);
    if (!isfinite(v->graticule_deg) || v->graticule_deg < 0 || v->graticule_deg > 90 ||
        (v->graticule_deg > 0 && v->graticule_deg < 0.1))
        return bmd_error_set(err, BMD_EINVAL, "graticule spacing %g deg is outside [0.1, 90] "
                             "(0: chosen from the radius)", v->graticule_deg);
    if (v->projection == BMD_PROJ_EQUIRECTANGULAR && fabs(v->center_lat_rad) > bmd_deg_to_rad(85))
        return bmd_error_set(err, BMD_EINVAL, "equirectangular map centred at latitude %g deg: "
                             "the standard parallel must be within 85 deg of the equator "
                             "(use the azimuthal projection)", bmd_rad_to_deg(v->center_lat_rad));
    return BMD_SUCCESS;
}

int bmd_map_project(const bmd_map_view *v, double lat, double lon, double *x, double *y)
{
    const double R = BMD_EARTH_MEAN_RADIUS_M;
    double phi1 = v->center_lat_rad, dl = lon - v->center_lon_rad;
    if (v->projection == BMD_PROJ_EQUIRECTANGULAR) {
        dl = remainder(dl, 2 * M_PI);
        *x = R * dl * cos(phi1);   /* Snyder eq. 12-1 */
        *y = R * (lat - phi1);     /* Snyder eq. 12-2, origin at the centre */
        return 1;
    }
    /* Snyder eq. 5-3 (cos c) and 22-4/22-5 with k' = c / sin c (eq. 25-2); sin c from the
     * components so that c = atan2(sin c, cos c) keeps full precision near 0 and pi */
    double a = cos(lat) * sin(dl);
    double b = cos(phi1) * sin(lat) - sin(phi1) * cos(lat) * cos(dl);
    double cos_c = sin(phi1) * sin(lat) + cos(phi1) * cos(lat) * cos(dl);
    double sin_c = hypot(a, b);
    double c = atan2(sin_c, cos_c);
    if (sin_c < 1e-15) {
        *x = c > 1 ? -R * c : 0; /* the antipode: any direction; put it on the rim */
        *y = 0;
        return c < MAP_MAX_CENTRAL_ANGLE_RAD;
    }
    *x = R * c * a / sin_c;
    *y = R * c * b / sin_c;
    return c < MAP_MAX_CENTRAL_ANGLE_RAD;
}

double bmd_map_scale_px_per_m(const bmd_map_view *v)
{
    double side = v->width_px < v->height_px ? v->width_px : v->height_px;
    return side / (2 * v->radius_m);
}

int bmd_map_pixel(const bmd_map_view *v, double lat, double lon, double *px, double *py)
{
    double x, y, s = bmd_map_scale_px_per_m(v);
    int ok = bmd_map_project(v, lat, lon, &x, &y);
    *px = v->width_px / 2.0 + s * x;
    *py = v->height_px / 2.0 - s * y;
    return ok;
}

/* Add the unit vector of (lat, lon) to sum. */
static void add_unit(double sum[3], double lat, double lon)
{
    sum[0] += cos(lat) * cos(lon);
    sum[1] += cos(lat) * sin(lon);
    sum[2] += sin(lat);
}

/* Extend *r to include map distance of (lat, lon) from the view's centre plus extra_m. */
static void extend(const bmd_map_view *v, double lat, double lon, double extra_m, double *r)
{
    double x, y;
    bmd_map_project(v, lat, lon, &x, &y);
    double d = v->projection == BMD_PROJ_EQUIRECTANGULAR ? fmax(fabs(x), fabs(y)) : hypot(x, y);
    if (d + extra_m > *r)
        *r = d + extra_m;
}

/* Whether area i takes part in the fit: all areas, or with content_only only the footprint
 * contours (the grid outline and other launch or target areas are left to be clipped). */
static int area_used(const bmd_scene *s, int i, int content_only)
{
    return !content_only || s->areas[i].kind == BMD_AREA_FOOTPRINT;
}

/* Whether site i takes part in the fit: all sites, or with content_only the defence's (not the
 * footprint's fixed launch point or target, which the map's title names: an ICBM's target may be
 * a continent away from the launch area). */
static int site_used(const bmd_scene *s, int i, int content_only)
{
    return !content_only ||
           (s->sites[i].kind != BMD_SITE_LAUNCH && s->sites[i].kind != BMD_SITE_TARGET);
}

/* bmd_map_view_fit (content_only 0, margin 10%) and bmd_map_view_fit_content. */
static int fit(bmd_map_view *v, const bmd_scene *s, int content_only, double margin,
               bmd_error *err)
{
    if (!v || !s)
        return bmd_error_set(err, BMD_EINVAL, "no view or scene to fit (NULL)");
    double sum[3] = {0, 0, 0};
    int n = 0;
    for (int i = 0; i < s->n_sites; i++)
        if (site_used(s, i, content_only)) {
            add_unit(sum, s->sites[i].lat_rad, s->sites[i].lon_rad);
            n++;
        }
    for (int i = 0; i < s->n_tracks; i++)
        for (int j = 0; j < s->tracks[i].n_points; j++, n++)
            add_unit(sum, s->tracks[i].points[j].lat_rad, s->tracks[i].points[j].lon_rad);
    for (int i = 0; i < s->n_coverages; i++, n++)
        add_unit(sum, s->coverages[i].lat_rad, s->coverages[i].lon_rad);
    for (int i = 0; i < s->n_areas; i++)
        for (int j = 0; area_used(s, i, content_only) && j < s->areas[i].n; j++, n++)
            add_unit(sum, s->areas[i].lat_rad[j], s->areas[i].lon_rad[j]);
    double norm = sqrt(sum[0] * sum[0] + sum[1] * sum[1] + sum[2] * sum[2]);
    if (n == 0)
        return bmd_error_set(err, BMD_EINVAL, "cannot fit a map to an empty scene");
    if (norm < 1e-9 * n) { /* points balanced around the globe: centre on the first */
        sum[0] = sum[1] = 0;
        sum[2] = 1;
        norm = 1;
    }
    v->center_lat_rad = asin(fmax(-1, fmin(1, sum[2] / norm)));
    v->center_lon_rad = atan2(sum[1], sum[0]);
    if (v->projection == BMD_PROJ_EQUIRECTANGULAR)
        v->center_lat_rad = fmax(-bmd_deg_to_rad(80), fmin(bmd_deg_to_rad(80), v->center_lat_rad));
    double r = 0;
    for (int i = 0; i < s->n_sites; i++)
        if (site_used(s, i, content_only))
            extend(v, s->sites[i].lat_rad, s->sites[i].lon_rad, 0, &r);
    for (int i = 0; i < s->n_tracks; i++)
        for (int j = 0; j < s->tracks[i].n_points; j++)
            extend(v, s->tracks[i].points[j].lat_rad, s->tracks[i].points[j].lon_rad, 0, &r);
    for (int i = 0; i < s->n_coverages; i++)
        extend(v, s->coverages[i].lat_rad, s->coverages[i].lon_rad, s->coverages[i].range_m, &r);
    for (int i = 0; i < s->n_areas; i++)
        for (int j = 0; area_used(s, i, content_only) && j < s->areas[i].n; j++)
            extend(v, s->areas[i].lat_rad[j], s->areas[i].lon_rad[j], 0, &r);
    r *= 1 + margin;
    v->radius_m = fmin(fmax(r, 300e3), M_PI * BMD_EARTH_MEAN_RADIUS_M);
    return BMD_SUCCESS;
}

int bmd_map_view_fit(bmd_map_view *v, const bmd_scene *s, bmd_error *err)
{
    return fit(v, s, 0, 0.1, err);
}

int bmd_map_view_fit_content(bmd_map_view *v, const bmd_scene *s, bmd_error *err)
{
    int covered = 0;
    for (int i = 0; s && i < s->n_areas; i++)
        covered |= s->areas[i].kind == BMD_AREA_FOOTPRINT && s->areas[i].n > 0;
    return fit(v, s, covered, 0.15, err);
}
