/* src/export/geo_split.h — cutting lines and polygons at the antimeridian (RFC 7946 sec. 3.1.9) and
 * orienting rings, in longitude/latitude degrees. Internal to the io layer. */
#ifndef BMD_IO_GEO_SPLIT_H
#define BMD_IO_GEO_SPLIT_H

/* A point in degrees with an altitude (m). */
typedef struct geo_pt { double lon, lat, alt; } geo_pt;

/* A list of parts: part k is pts[start[k] .. start[k+1]-1], k < n_parts. Owned. */
typedef struct geo_parts {
    geo_pt *pts;
    int n_pts, cap_pts;
    int *start;
    int n_parts, cap_parts;
} geo_parts;

void bmd_geo_parts_free(geo_parts *p);

/* Split a line (n points, longitudes in any range) where it crosses +-180 degrees: each crossing
 * ends one part at the meridian and starts the next on the other side, latitude and altitude
 * interpolated linearly. Longitudes of the output are in [-180, 180]. Returns 0 on ENOMEM. */
int bmd_geo_split_line(const geo_pt *in, int n, geo_parts *out);

/* Split a ring (n points, not repeated at the end) into polygons that do not cross +-180 degrees,
 * each closed (first point repeated) and counterclockwise in (lon, lat). A ring that winds once
 * around a pole is closed through that pole. Returns 0 on ENOMEM. */
int bmd_geo_split_ring(const geo_pt *in, int n, geo_parts *out);

/* Twice the signed area of a ring in the (lon, lat) plane (shoelace); > 0 counterclockwise. The
 * ring may or may not repeat its first point. */
double bmd_geo_ring_area2(const geo_pt *ring, int n);

#endif
