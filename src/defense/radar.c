/* Radars: parameters and their checks, the radar equation's range scaling, the geometry of a
 * point seen from the site (range, azimuth, elevation, field of view, Earth masking, optional
 * 4/3-Earth refraction), and the radar horizon (closed form on a sphere, numeric on the
 * ellipsoid). Equations: docs/parts/sensor-physics.md. */
#include <math.h>
#include <stddef.h>
#include <string.h>
#include <strings.h>

#include "bmd/num.h"
#include "bmd/units.h"
#include "bmd/geodesy.h"
#include "bmd/sensor.h"
#include "defense/radar_internal.h"

void bmd_radar_init(bmd_radar *radar)
{
    memset(radar, 0, sizeof *radar);
    radar->full_circle = 1;
    radar->azimuth_half_width_rad = M_PI;
    radar->fov_elevation_min_rad = 0;
    radar->fov_elevation_max_rad = M_PI / 2;
    radar->max_range_m = 1e7;
    radar->ref_detection_range_m = 1e6;
    radar->ref_rcs_m2 = 1;
    for (int i = 0; i < BMD_OBJECT_COUNT; i++)
        radar->rcs_m2[i] = 1;
    radar->refraction_k = 0;
}

/* EINVAL unless lo <= v <= hi (and finite). */
static int check_range(double v, double lo, double hi, const char *field, const char *unit,
                       double scale, bmd_error *err)
{
    if (!isfinite(v) || v < lo || v > hi)
        return bmd_error_set(err, BMD_EINVAL, "radar %s %g %s is outside the allowed range "
                             "[%g, %g] %s", field, v * scale, unit, lo * scale, hi * scale, unit);
    return BMD_SUCCESS;
}

/* EINVAL unless v is finite and > 0. */
static int check_positive(double v, const char *field, const char *unit, bmd_error *err)
{
    if (!isfinite(v) || !(v > 0))
        return bmd_error_set(err, BMD_EINVAL, "radar %s %g %s must be positive and finite",
                             field, v, unit);
    return BMD_SUCCESS;
}

int bmd_radar_validate(const bmd_radar *r, bmd_error *err)
{
    const double deg = BMD_DEG_PER_RAD;
    int st;
    if (!r)
        return bmd_error_set(err, BMD_EINVAL, "radar must not be NULL");
    if ((st = check_range(r->lat_rad, -M_PI / 2, M_PI / 2, "latitude", "deg", deg, err)) ||
        (st = check_range(r->lon_rad, -2 * M_PI, 2 * M_PI, "longitude", "deg", deg, err)) ||
        (st = check_range(r->height_m, -1000, 1e5, "height", "m", 1, err)) ||
        (st = check_range(r->boresight_azimuth_rad, -2 * M_PI, 2 * M_PI, "boresight azimuth",
                          "deg", deg, err)) ||
        (st = check_range(r->boresight_elevation_rad, -M_PI / 2, M_PI / 2,
                          "boresight elevation", "deg", deg, err)) ||
        (st = check_range(r->fov_elevation_min_rad, -M_PI / 2, M_PI / 2,
                          "field-of-view minimum elevation", "deg", deg, err)) ||
        (st = check_range(r->fov_elevation_max_rad, -M_PI / 2, M_PI / 2,
                          "field-of-view maximum elevation", "deg", deg, err)) ||
        (st = check_range(r->min_elevation_rad, -M_PI / 2, M_PI / 2 - 1e-9,
                          "minimum elevation", "deg", deg, err)))
        return st;
    if (!r->full_circle &&
        (st = check_range(r->azimuth_half_width_rad, 1e-9, M_PI, "azimuth half-width", "deg",
                          deg, err)))
        return st;
    if (!(r->fov_elevation_min_rad < r->fov_elevation_max_rad))
        return bmd_error_set(err, BMD_EINVAL, "radar field-of-view elevation limits are "
                             "inverted: minimum %g deg is not below maximum %g deg",
                             r->fov_elevation_min_rad * deg, r->fov_elevation_max_rad * deg);
    if ((st = check_positive(r->max_range_m, "instrumented range", "m", err)) ||
        (st = check_positive(r->ref_detection_range_m, "reference detection range", "m", err)) ||
        (st = check_positive(r->ref_rcs_m2, "reference cross-section", "m^2", err)))
        return st;
    static const char *const names[BMD_OBJECT_COUNT] = {"booster cross-section",
                                                        "RV cross-section",
                                                        "decoy cross-section"};
    for (int i = 0; i < BMD_OBJECT_COUNT; i++)
        if ((st = check_positive(r->rcs_m2[i], names[i], "m^2", err)))
            return st;
    if (!isfinite(r->refraction_k) || (r->refraction_k != 0 && (r->refraction_k < 1 ||
                                                                r->refraction_k > 4)))
        return bmd_error_set(err, BMD_EINVAL, "radar refraction factor k = %g must be 0 (off), "
                             "or in [1, 4] (4/3 for standard refraction)", r->refraction_k);
    return BMD_SUCCESS;
}

int bmd_radar_detection_range(const bmd_radar *radar, double rcs_m2, double *range_m,
                              bmd_error *err)
{
    int st;
    if (!range_m)
        return bmd_error_set(err, BMD_EINVAL, "detection range: output must not be NULL");
    if ((st = bmd_radar_validate(radar, err)))
        return st;
    if (!isfinite(rcs_m2) || !(rcs_m2 > 0))
        return bmd_error_set(err, BMD_EINVAL, "radar cross-section %g m^2 must be positive and "
                             "finite", rcs_m2);
    /* Radar equation at a fixed detection threshold: R^4 proportional to sigma. */
    *range_m = radar->ref_detection_range_m * pow(rcs_m2 / radar->ref_rcs_m2, 0.25);
    return BMD_SUCCESS;
}

const char *bmd_object_class_name(bmd_object_class cls)
{
    switch (cls) {
    case BMD_OBJECT_BOOSTER: return "booster";
    case BMD_OBJECT_RV: return "rv";
    case BMD_OBJECT_DECOY: return "decoy";
    default: return "unknown";
    }
}

int bmd_object_class_parse(const char *name, bmd_object_class *cls, bmd_error *err)
{
    static const struct { const char *name; bmd_object_class cls; } names[] = {
        {"booster", BMD_OBJECT_BOOSTER}, {"rv", BMD_OBJECT_RV},
        {"reentry-vehicle", BMD_OBJECT_RV}, {"warhead", BMD_OBJECT_RV},
        {"decoy", BMD_OBJECT_DECOY}};
    for (size_t i = 0; name && cls && i < sizeof names / sizeof *names; i++)
        if (strcasecmp(name, names[i].name) == 0) {
            *cls = names[i].cls;
            return BMD_SUCCESS;
        }
    return bmd_error_set(err, BMD_EINVAL, "object class '%s' is not known (booster, rv, decoy)",
                         name ? name : "(null)");
}

int bmd_earth_segment_clear(const bmd_earth *earth, const double a_m[3], const double b_m[3])
{
    /* Scale (x, y, z) -> (x/a, y/a, z/b): the ellipsoid becomes the unit sphere and a segment
     * stays a segment; find its point nearest the centre. */
    double A[3] = {a_m[0] / earth->a_m, a_m[1] / earth->a_m, a_m[2] / earth->b_m};
    double B[3] = {b_m[0] / earth->a_m, b_m[1] / earth->a_m, b_m[2] / earth->b_m};
    double D[3] = {B[0] - A[0], B[1] - A[1], B[2] - A[2]};
    double dd = D[0] * D[0] + D[1] * D[1] + D[2] * D[2];
    double t = dd > 0 ? -(A[0] * D[0] + A[1] * D[1] + A[2] * D[2]) / dd : 0;
    if (t < 0)
        t = 0;
    if (t > 1)
        t = 1;
    double q2 = 0;
    for (int k = 0; k < 3; k++) {
        double q = A[k] + t * D[k];
        q2 += q * q;
    }
    return q2 >= 1 - 1e-9; /* touching (to about 3 mm) counts as clear */
}

/* Wrap an angle into [0, 2 pi). */
static double wrap_2pi(double x)
{
    x = fmod(x, 2 * M_PI);
    return x < 0 ? x + 2 * M_PI : x;
}

/* Elevation and masking on the effective Earth of radius k R: heights and the ground distance
 * between the feet are kept, the central angle shrinks to theta / k. */
static void effective_earth(const bmd_radar *radar, const bmd_earth *earth, const double r[3],
                            double *elevation, int *clear)
{
    double k = radar->refraction_k, R = bmd_earth_mean_radius_m(earth);
    double lat, lon, h, ground;
    bmd_earth_ecef_to_geodetic(earth, r, &lat, &lon, &h);
    bmd_geodesy_inverse(earth, radar->lat_rad, radar->lon_rad, lat, lon, &ground, NULL, NULL);
    double Re = k * R, theta = ground / Re;
    double a = Re + radar->height_m, b = Re + h;
    double x = b * sin(theta), y = b * cos(theta) - a; /* target in the radar's plane */
    *elevation = atan2(y, x);
    /* Nearest approach of the segment (0, a) -> (x, a + y) to the centre, against Re. */
    double dd = x * x + y * y, t = dd > 0 ? -(a * y) / dd : 0;
    if (t < 0)
        t = 0;
    if (t > 1)
        t = 1;
    double px = t * x, py = a + t * y;
    double floor_r = Re + (radar->height_m < 0 ? radar->height_m : 0);
    *clear = px * px + py * py >= floor_r * floor_r * (1 - 1e-9);
}

int bmd_radar_look_at(const bmd_radar *radar, const bmd_earth *earth, const double r_ecef_m[3],
                      bmd_object_class cls, bmd_radar_look *look, bmd_error *err)
{
    int st;
    if (!radar)
        return bmd_radar_validate(radar, err);
    if ((int)cls < 0 || cls >= BMD_OBJECT_COUNT)
        return bmd_error_set(err, BMD_EINVAL, "object class %d is not known (0..%d)", (int)cls,
                             BMD_OBJECT_COUNT - 1);
    if ((st = bmd_radar_validate(radar, err)))
        return st;
    return bmd_radar_look_at_rcs(radar, earth, r_ecef_m, radar->rcs_m2[cls], look, err);
}

int bmd_radar_look_at_rcs(const bmd_radar *radar, const bmd_earth *earth,
                          const double r_ecef_m[3], double rcs_m2, bmd_radar_look *look,
                          bmd_error *err)
{
    int st;
    if (!earth || !r_ecef_m || !look)
        return bmd_error_set(err, BMD_EINVAL, "radar look: earth, point and output must be "
                             "given");
    if ((st = bmd_radar_validate(radar, err)))
        return st;
    if (!isfinite(rcs_m2) || !(rcs_m2 > 0))
        return bmd_error_set(err, BMD_EINVAL, "radar look: cross-section %g m^2 must be positive "
                             "and finite", rcs_m2);
    if (!isfinite(r_ecef_m[0]) || !isfinite(r_ecef_m[1]) || !isfinite(r_ecef_m[2]))
        return bmd_error_set(err, BMD_EINVAL, "radar look: target position is not finite");
    bmd_radar_view view;
    bmd_radar_view_init(&view, radar, earth, rcs_m2);
    bmd_radar_view_look(&view, r_ecef_m, look);
    return BMD_SUCCESS;
}

void bmd_radar_view_init(bmd_radar_view *view, const bmd_radar *radar, const bmd_earth *earth,
                         double rcs_m2)
{
    view->radar = radar;
    view->earth = earth;
    bmd_earth_geodetic_to_ecef(earth, radar->lat_rad, radar->lon_rad, radar->height_m,
                               view->site_m);
    bmd_earth_enu_basis(radar->lat_rad, radar->lon_rad, view->east, view->north, view->up);
    /* Below the ellipsoid, the masking surface is lowered to the radar's height. */
    view->shell = *earth;
    if (radar->height_m < 0) {
        view->shell.a_m += radar->height_m;
        view->shell.b_m += radar->height_m;
    }
    view->detection_range_m = radar->ref_detection_range_m * pow(rcs_m2 / radar->ref_rcs_m2, 0.25);
    view->reach_m = fmin(view->detection_range_m, radar->max_range_m);
}

void bmd_radar_view_look(const bmd_radar_view *view, const double r_ecef_m[3],
                         bmd_radar_look *look)
{
    const bmd_radar *radar = view->radar;
    const double *site = view->site_m, *east = view->east, *north = view->north, *up = view->up;
    double d[3];
    memset(look, 0, sizeof *look);
    for (int k = 0; k < 3; k++)
        d[k] = r_ecef_m[k] - site[k];
    double e = d[0] * east[0] + d[1] * east[1] + d[2] * east[2];
    double n = d[0] * north[0] + d[1] * north[1] + d[2] * north[2];
    double u = d[0] * up[0] + d[1] * up[1] + d[2] * up[2];
    look->slant_range_m = sqrt(e * e + n * n + u * u);
    look->azimuth_rad = wrap_2pi(atan2(e, n));
    look->elevation_rad = atan2(u, hypot(e, n));
    if (radar->refraction_k > 1) {
        effective_earth(radar, view->earth, r_ecef_m, &look->elevation_eff_rad, &look->los_clear);
    } else {
        look->elevation_eff_rad = look->elevation_rad;
        look->los_clear = bmd_earth_segment_clear(&view->shell, site, r_ecef_m);
    }
    look->in_range = look->slant_range_m <= radar->max_range_m &&
                     look->slant_range_m <= view->detection_range_m;
    double off = fabs(remainder(look->azimuth_rad - radar->boresight_azimuth_rad, 2 * M_PI));
    int in_az = radar->full_circle || off <= radar->azimuth_half_width_rad;
    look->in_fov = in_az && look->elevation_eff_rad >= radar->fov_elevation_min_rad &&
                   look->elevation_eff_rad <= radar->fov_elevation_max_rad;
    look->above_min_elevation = look->elevation_eff_rad >= radar->min_elevation_rad;
    look->visible = look->los_clear && look->in_range && look->in_fov &&
                    look->above_min_elevation;
}

int bmd_radar_view_sees(const bmd_radar_view *view, const double r_ecef_m[3])
{
    const double dx = r_ecef_m[0] - view->site_m[0], dy = r_ecef_m[1] - view->site_m[1],
                 dz = r_ecef_m[2] - view->site_m[2];
    if (dx * dx + dy * dy + dz * dz > view->reach_m * view->reach_m * (1 + 1e-12))
        return 0;
    bmd_radar_look look;
    bmd_radar_view_look(view, r_ecef_m, &look);
    return look.visible;
}

/* Check the common inputs of the horizon functions. */
static int check_horizon_inputs(double radius_m, double h_r, double h_t, double e, bmd_error *err)
{
    if (!isfinite(radius_m) || !(radius_m > 0))
        return bmd_error_set(err, BMD_EINVAL, "Earth radius %g m must be positive", radius_m);
    if (!isfinite(h_r) || h_r < -radius_m / 2 || !isfinite(h_t) || h_t < -radius_m / 2)
        return bmd_error_set(err, BMD_EINVAL, "radar height %g m and target height %g m must be "
                             "finite and above -R/2", h_r, h_t);
    if (!isfinite(e) || !(fabs(e) < M_PI / 2))
        return bmd_error_set(err, BMD_EINVAL, "elevation %g deg must be in (-90, 90) deg",
                             e * BMD_DEG_PER_RAD);
    return BMD_SUCCESS;
}

int bmd_radar_horizon_sphere(double radius_m, double k, double radar_height_m,
                             double target_height_m, double elevation_rad, double *slant_range_m,
                             double *ground_range_m, bmd_error *err)
{
    int st;
    if ((st = check_horizon_inputs(radius_m, radar_height_m, target_height_m, elevation_rad,
                                   err)))
        return st;
    if (k == 0)
        k = 1;
    if (!isfinite(k) || k < 1 || k > 4)
        return bmd_error_set(err, BMD_EINVAL, "effective-Earth factor k = %g must be in [1, 4]",
                             k);
    double Re = k * radius_m, a = Re + radar_height_m, b = Re + target_height_m;
    double se = sin(elevation_rad), ce = cos(elevation_rad);
    /* |(0, a) + s (cos e, sin e)| = b:  s^2 + 2 a s sin e + a^2 - b^2 = 0. */
    double disc = b * b - a * a * ce * ce;
    if (disc < 0)
        return bmd_error_set(err, BMD_EDOM, "a ray at elevation %g deg from height %g m never "
                             "reaches height %g m", elevation_rad * BMD_DEG_PER_RAD, radar_height_m,
                             target_height_m);
    double root = sqrt(disc), s = -a * se - root; /* the near crossing first */
    if (!(s >= 0))
        s = -a * se + root;
    if (!(s >= 0))
        return bmd_error_set(err, BMD_EDOM, "a ray at elevation %g deg from height %g m never "
                             "reaches height %g m", elevation_rad * BMD_DEG_PER_RAD, radar_height_m,
                             target_height_m);
    double theta = atan2(s * ce, a + s * se);
    if (slant_range_m)
        *slant_range_m = s;
    if (ground_range_m)
        *ground_range_m = Re * theta;
    return BMD_SUCCESS;
}

/* Height above the model's surface of the point s metres along the ray p0 + s d. */
static double ray_height(const bmd_earth *earth, const double p0[3], const double d[3], double s)
{
    double p[3] = {p0[0] + s * d[0], p0[1] + s * d[1], p0[2] + s * d[2]};
    return bmd_earth_altitude_m(earth, p);
}

typedef struct ray_ctx {
    const bmd_earth *earth;
    const double *p0, *d;
    double target_height_m;
    int start_above;
} ray_ctx;

/* Side A: the ray at s_m is on the side of the target height where it started; B: past it. */
static int ray_side(void *ctx, double s_m, int *side)
{
    const ray_ctx *r = ctx;
    const double f = ray_height(r->earth, r->p0, r->d, s_m) - r->target_height_m;
    *side = (f > 0) == r->start_above ? BMD_NUM_SIDE_A : BMD_NUM_SIDE_B;
    return BMD_SUCCESS;
}

int bmd_radar_horizon(const bmd_earth *earth, double lat_rad, double lon_rad,
                      double radar_height_m, double azimuth_rad, double elevation_rad,
                      double target_height_m, double *slant_range_m, double *ground_range_m,
                      bmd_error *err)
{
    int st;
    if (!earth)
        return bmd_error_set(err, BMD_EINVAL, "radar horizon: earth must be given");
    if ((st = check_horizon_inputs(earth->a_m, radar_height_m, target_height_m, elevation_rad,
                                   err)))
        return st;
    if (!isfinite(lat_rad) || fabs(lat_rad) > M_PI / 2 || !isfinite(lon_rad) ||
        !isfinite(azimuth_rad))
        return bmd_error_set(err, BMD_EINVAL, "radar site latitude %g deg must be in [-90, 90] "
                             "and longitude and azimuth finite", lat_rad * BMD_DEG_PER_RAD);
    double p0[3], east[3], north[3], up[3], d[3];
    bmd_earth_geodetic_to_ecef(earth, lat_rad, lon_rad, radar_height_m, p0);
    bmd_earth_enu_basis(lat_rad, lon_rad, east, north, up);
    double ce = cos(elevation_rad), se = sin(elevation_rad);
    for (int k = 0; k < 3; k++)
        d[k] = ce * (sin(azimuth_rad) * east[k] + cos(azimuth_rad) * north[k]) + se * up[k];
    /* The first crossing of the target height: march in steps no longer than 1 km (short while
     * the ray is near the surface), then bisect to 1 mm. */
    double f0 = ray_height(earth, p0, d, 0) - target_height_m;
    double s_lo = 0, s_hi = -1;
    if (f0 == 0) {
        s_hi = 0;
    } else {
        double s = 0, step = 1.0;
        while (s < 4e7) {
            double next = s + step;
            double f = ray_height(earth, p0, d, next) - target_height_m;
            if ((f > 0) != (f0 > 0) || f == 0) {
                s_lo = s;
                s_hi = next;
                break;
            }
            s = next;
            if (step < 1000)
                step *= 2;
        }
    }
    if (s_hi < 0)
        return bmd_error_set(err, BMD_EDOM, "a ray at elevation %g deg from height %g m does "
                             "not reach height %g m within 40,000 km", elevation_rad * BMD_DEG_PER_RAD,
                             radar_height_m, target_height_m);
    ray_ctx rc = {earth, p0, d, target_height_m, f0 > 0};
    bmd_num_bisect_side(ray_side, &rc, &s_lo, &s_hi, 200, 1e-3, NULL);
    double s = 0.5 * (s_lo + s_hi);
    if (slant_range_m)
        *slant_range_m = s;
    if (ground_range_m) {
        double p[3] = {p0[0] + s * d[0], p0[1] + s * d[1], p0[2] + s * d[2]};
        double lat, lon, h;
        bmd_earth_ecef_to_geodetic(earth, p, &lat, &lon, &h);
        bmd_geodesy_inverse(earth, lat_rad, lon_rad, lat, lon, ground_range_m, NULL, NULL);
    }
    return BMD_SUCCESS;
}
