/* bmd/geodesy.h — distances and bearings on the Earth model's surface. On the ellipsoid these are
 * geodesics solved by PROJ's geodesic.h (Karney's algorithms, accurate to nanometres); on a sphere,
 * great circles (the same call works; PROJ with f = 0 gives great circles). Closed-form great-circle
 * functions are also provided for spheres of any radius. Angles in rad, distances in m. */
#ifndef BMD_GEODESY_H
#define BMD_GEODESY_H

#include "bmd/api.h"

#include "bmd/earth.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Distance (m) and forward azimuths (rad, clockwise from north) at both ends of the shortest path
 * from point 1 to point 2 on the model's surface. Any output pointer may be NULL. */
BMD_API void bmd_geodesy_inverse(const bmd_earth *earth, double lat1_rad, double lon1_rad, double lat2_rad,
                                 double lon2_rad, double *distance_m, double *azimuth1_rad,
                                 double *azimuth2_rad);

/* The point distance_m from (lat1, lon1) along initial azimuth azimuth1_rad, and the forward
 * azimuth there. Any output pointer may be NULL. */
BMD_API void bmd_geodesy_direct(const bmd_earth *earth, double lat1_rad, double lon1_rad,
                                double azimuth1_rad, double distance_m, double *lat2_rad, double *lon2_rad,
                                double *azimuth2_rad);

/* Great-circle central angle (rad) and initial azimuth (rad) from point 1 to point 2 on a sphere. */
BMD_API void bmd_geodesy_great_circle_inverse(double lat1_rad, double lon1_rad, double lat2_rad,
                                              double lon2_rad, double *angle_rad, double *azimuth1_rad);

/* The point a central angle angle_rad from (lat1, lon1) along initial azimuth azimuth1_rad on a
 * sphere. */
BMD_API void bmd_geodesy_great_circle_direct(double lat1_rad, double lon1_rad, double azimuth1_rad,
                                             double angle_rad, double *lat2_rad, double *lon2_rad);

#ifdef __cplusplus
}
#endif
#endif
