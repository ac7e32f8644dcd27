/* tests/export_fixtures.h — scenes shared by the exporter tests, on a sphere so that distances
 * have closed forms (spherical law of cosines). */
#ifndef BMD_TESTS_EXPORT_FIXTURES_H
#define BMD_TESTS_EXPORT_FIXTURES_H

#include <math.h>
#include <string.h>

#include "bmd/earth.h"
#include "bmd/scene.h"

#define D2R(x) ((x) * M_PI / 180.0)

/* Great-circle distance (m) on a sphere of radius r_m: the spherical law of cosines in its
 * haversine form (closed form, independent of PROJ). */
static inline double fixture_gc_distance_m(double r_m, double lat1, double lon1, double lat2,
                                           double lon2)
{
    double s1 = sin((lat2 - lat1) / 2), s2 = sin((lon2 - lon1) / 2);
    double h = s1 * s1 + cos(lat1) * cos(lat2) * s2 * s2;
    return 2 * r_m * asin(sqrt(h));
}

/* A straight synthetic flight: n samples from (lat0, lon0) to (lat1, lon1) (degrees, linear in
 * lon/lat, lon1 may exceed 180 to cross the antimeridian), altitude a parabola peaking at
 * apogee_m, one sample per second, boost for the first fifth. */
static inline void fixture_flight(bmd_sample *s, int n, double lat0, double lon0, double lat1,
                                  double lon1, double apogee_m)
{
    for (int i = 0; i < n; i++) {
        double f = (double)i / (n - 1);
        memset(&s[i], 0, sizeof s[i]);
        s[i].t_s = i;
        s[i].lat_rad = D2R(lat0 + f * (lat1 - lat0));
        s[i].lon_rad = D2R(remainder(lon0 + f * (lon1 - lon0), 360.0));
        s[i].altitude_m = 4 * apogee_m * f * (1 - f);
        s[i].phase = f < 0.2 ? 0 : (f < 0.9 ? 2 : 3);
    }
}

#endif
