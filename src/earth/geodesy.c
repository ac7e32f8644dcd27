/* Distances and bearings on the Earth model (see include/bmd/geodesy.h).
 *
 * Ellipsoid (and sphere) geodesics: PROJ's geodesic.h, C. F. F. Karney, "Algorithms for
 * geodesics", J. Geodesy 87, 43-55 (2013). Great circles in closed form: the atan2 ("Vincenty")
 * form of the central angle, which is well conditioned for all distances, and the direct problem
 * by rotating the unit position vector (e.g. Vallado 2013, sec. 11.4; Snyder, "Map Projections -
 * A Working Manual", USGS PP 1395 (1987), eqs. 5-3a, 5-4b). */
#include "bmd/units.h"
#include "bmd/geodesy.h"

#include <math.h>


/* Azimuth (rad) into [0, 2 pi). */
static double wrap_azimuth(double az)
{
    az = fmod(az, BMD_TWO_PI);
    if (az < 0.0)
        az += BMD_TWO_PI;
    if (az >= BMD_TWO_PI)
        az = 0.0;
    return az;
}

/* Longitude (rad) into (-pi, pi]. */
static double wrap_longitude(double lon)
{
    lon = remainder(lon, BMD_TWO_PI); /* [-pi, pi] */
    if (lon <= -BMD_PI)
        lon += BMD_TWO_PI;
    return lon;
}

/* Inverse geodesic problem through PROJ (degrees there, radians here); azimuths in [0, 2 pi). */
void bmd_geodesy_inverse(const bmd_earth *earth, double lat1_rad, double lon1_rad, double lat2_rad,
                         double lon2_rad, double *distance_m, double *azimuth1_rad,
                         double *azimuth2_rad)
{
    double s12, azi1, azi2;
    geod_inverse(&earth->geod, bmd_rad_to_deg(lat1_rad), bmd_rad_to_deg(lon1_rad),
                 bmd_rad_to_deg(lat2_rad), bmd_rad_to_deg(lon2_rad), &s12, &azi1, &azi2);
    if (distance_m)
        *distance_m = s12;
    if (azimuth1_rad)
        *azimuth1_rad = wrap_azimuth(bmd_deg_to_rad(azi1));
    if (azimuth2_rad)
        *azimuth2_rad = wrap_azimuth(bmd_deg_to_rad(azi2));
}

/* Direct geodesic problem through PROJ; longitude in (-pi, pi], azimuth in [0, 2 pi). */
void bmd_geodesy_direct(const bmd_earth *earth, double lat1_rad, double lon1_rad,
                        double azimuth1_rad, double distance_m, double *lat2_rad, double *lon2_rad,
                        double *azimuth2_rad)
{
    double lat2, lon2, azi2;
    geod_direct(&earth->geod, bmd_rad_to_deg(lat1_rad), bmd_rad_to_deg(lon1_rad),
                bmd_rad_to_deg(azimuth1_rad), distance_m, &lat2, &lon2, &azi2);
    if (lat2_rad)
        *lat2_rad = bmd_deg_to_rad(lat2);
    if (lon2_rad)
        *lon2_rad = wrap_longitude(bmd_deg_to_rad(lon2));
    if (azimuth2_rad)
        *azimuth2_rad = wrap_azimuth(bmd_deg_to_rad(azi2));
}

/* Central angle sigma = atan2(sqrt(E^2 + N^2), U) and initial azimuth atan2(E, N), where
 * (E, N, U) = (c2 sin dl, c1 s2 - s1 c2 cos dl, s1 s2 + c1 c2 cos dl) is point 2 in the local
 * east-north-up frame of point 1. N is evaluated as sin(lat2 - lat1) + 2 s1 c2 sin^2(dl/2)
 * (the haversine rearrangement), which keeps full relative accuracy for short arcs. */
void bmd_geodesy_great_circle_inverse(double lat1_rad, double lon1_rad, double lat2_rad,
                                      double lon2_rad, double *angle_rad, double *azimuth1_rad)
{
    const double s1 = sin(lat1_rad), c1 = cos(lat1_rad);
    const double s2 = sin(lat2_rad), c2 = cos(lat2_rad);
    const double dl = lon2_rad - lon1_rad;
    const double sh = sin(0.5 * dl);
    const double ye = c2 * sin(dl);
    const double yn = sin(lat2_rad - lat1_rad) + 2.0 * s1 * c2 * sh * sh;
    const double yu = s1 * s2 + c1 * c2 * cos(dl);
    if (angle_rad)
        *angle_rad = atan2(hypot(ye, yn), yu);
    if (azimuth1_rad)
        *azimuth1_rad = wrap_azimuth(atan2(ye, yn));
}

/* End point: n2 = n1 cos sigma + (north cos az + east sin az) sin sigma, in the frame with
 * point 1 at longitude 0. */
void bmd_geodesy_great_circle_direct(double lat1_rad, double lon1_rad, double azimuth1_rad,
                                     double angle_rad, double *lat2_rad, double *lon2_rad)
{
    const double s1 = sin(lat1_rad), c1 = cos(lat1_rad);
    const double sa = sin(azimuth1_rad), ca = cos(azimuth1_rad);
    const double ss = sin(angle_rad), cs = cos(angle_rad);
    const double x = c1 * cs - s1 * ca * ss;
    const double y = sa * ss;
    const double z = s1 * cs + c1 * ca * ss;
    if (lat2_rad)
        *lat2_rad = atan2(z, hypot(x, y));
    if (lon2_rad)
        *lon2_rad = wrap_longitude(lon1_rad + atan2(y, x));
}
