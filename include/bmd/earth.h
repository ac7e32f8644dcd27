/* bmd/earth.h — the Earth model every layer uses: shape, rotation and gravity constants, and the
 * conversions between geodetic coordinates, Earth-fixed (ECEF), inertial (ECI) and local
 * east-north-up (ENU) frames.
 *
 * Two kinds of model:
 *   - BMD_EARTH_WGS84: the WGS84 ellipsoid, rotating at 7.292115e-5 rad/s, point-mass + J2 gravity.
 *   - BMD_EARTH_SPHERE: a sphere of configurable radius (default the IUGG mean radius 6371.0088 km),
 *     point-mass gravity only, rotation on or off (textbook cases want it off).
 * On the sphere, "geodetic" latitude is geocentric latitude and altitude is |r| - R.
 *
 * The inertial frame (ECI) is the one that coincides with ECEF at t = 0 (the launch epoch) and
 * does not rotate: r_eci = Rz(omega t) r_ecef. All quantities are SI (m, s, rad). */
#ifndef BMD_EARTH_H
#define BMD_EARTH_H

#include "bmd/api.h"

#include <geodesic.h>

#include "bmd/error.h"
#include "bmd/units.h" /* bmd_deg_to_rad, bmd_rad_to_deg (were here) */

#ifdef __cplusplus
extern "C" {
#endif

/* WGS84 defining constants (NIMA TR8350.2, 3rd ed., 2000, table 3.1). */
#define BMD_WGS84_A_M 6378137.0
#define BMD_WGS84_INV_F 298.257223563
#define BMD_WGS84_GM_M3_S2 3.986004418e14
#define BMD_WGS84_OMEGA_RAD_S 7.292115e-5
/* J2 = -sqrt(5) * C20bar with C20bar = -0.484166774985e-3, the second-degree zonal of the WGS84
 * ellipsoid's normal gravity field (NIMA TR8350.2 ch. 3, derived constants). EGM96's own C20bar,
 * -0.484165371736e-3 (EGM96, ch. 5), differs by 3e-6 relative: below 1e-8 in surface gravity. */
#define BMD_WGS84_J2 1.08262982131e-3
/* IUGG mean Earth radius R1 = (2a + b)/3 (Moritz, Geodetic Reference System 1980). */
#define BMD_EARTH_MEAN_RADIUS_M 6371008.8

typedef enum bmd_earth_kind { BMD_EARTH_WGS84 = 0, BMD_EARTH_SPHERE = 1 } bmd_earth_kind;

/* An Earth model. Fill it with bmd_earth_init_wgs84 or bmd_earth_init_sphere; treat the fields as
 * read-only afterwards (they are derived from each other). Immutable, so one model can be shared
 * by any number of threads. */
typedef struct bmd_earth {
    bmd_earth_kind kind;
    double a_m;          /* equatorial radius (sphere: the radius) */
    double f;            /* flattening (sphere: 0) */
    double b_m;          /* polar radius */
    double e2;           /* first eccentricity squared */
    double gm_m3_s2;     /* gravitational parameter */
    double j2;           /* second zonal harmonic (sphere: 0) */
    double omega_rad_s;  /* rotation rate (0 when rotation is off) */
    struct geod_geodesic geod; /* PROJ geodesic solver for this shape */
} bmd_earth;

/* The WGS84 model: ellipsoid, J2 gravity, rotating. Cannot fail. */
BMD_API void bmd_earth_init_wgs84(bmd_earth *earth);

/* A spherical model of radius_m (pass 0 for the mean radius 6371.0088 km), point-mass gravity with
 * the WGS84 GM, rotating at the WGS84 rate when rotating is nonzero.
 * Errors: BMD_EINVAL if radius_m is negative, not finite, or below 1 km. */
BMD_API int bmd_earth_init_sphere(bmd_earth *earth, double radius_m, int rotating, bmd_error *err);

/* Parse a model name ("wgs84" or "sphere") into *kind. Errors: BMD_EINVAL for other names. */
BMD_API int bmd_earth_kind_parse(const char *name, bmd_earth_kind *kind, bmd_error *err);

/* The radius used to turn range angles into ground distances on this model: the sphere's radius,
 * or the WGS84 mean radius R1 for the ellipsoid. */
BMD_API double bmd_earth_mean_radius_m(const bmd_earth *earth);

/* Geodetic latitude/longitude (rad) and height above the surface (m) to ECEF position (m). */
BMD_API void bmd_earth_geodetic_to_ecef(const bmd_earth *earth, double lat_rad, double lon_rad,
                                double h_m, double r_ecef_m[3]);

/* ECEF position (m) to geodetic latitude, longitude (rad, longitude in (-pi, pi]) and height (m).
 * Exact to well below a millimetre everywhere outside a few km of the centre. */
BMD_API void bmd_earth_ecef_to_geodetic(const bmd_earth *earth, const double r_ecef_m[3],
                                double *lat_rad, double *lon_rad, double *h_m);

/* Height above the surface (m) of an ECEF or ECI point (the rotation about z does not change it).
 * Cheaper than the full conversion; used by event functions. */
BMD_API double bmd_earth_altitude_m(const bmd_earth *earth, const double r_m[3]);

/* Height above the surface (m) of r (ECEF or ECI) for a caller that converts a sequence of
 * nearby points: Newton's method on the foot point, warm-started from foot[2] (cos and sin of the
 * foot's reduced latitude, kept by the caller between calls; foot[0] = NAN: no start yet), equal
 * to bmd_earth_altitude_m to ~1e-8 m (it falls back to that closed form when far from the start
 * or near the axis, and then re-seeds foot). If p_reduced is not NULL it gets the unit vector of
 * the foot point on the sphere of reduced latitudes (cos b cos lon, cos b sin lon, sin b). */
BMD_API double bmd_earth_altitude_near(const bmd_earth *earth, const double r_m[3], double foot[2],
                               double p_reduced[3]);

/* Height above the surface (m) and the local east-north-up unit vectors at point r (ECEF, or any
 * frame rotated about z: the vectors come out in r's frame). The same as bmd_earth_ecef_to_geodetic
 * followed by bmd_earth_enu_basis, to rounding, but without trigonometric functions (the up vector
 * is the ellipsoid normal of the closed-form inverse). east and north may be NULL. */
BMD_API double bmd_earth_local_frame(const bmd_earth *earth, const double r_m[3], double east[3],
                             double north[3], double up[3]);

/* ECEF -> ECI at time t_s after the epoch: position, and velocity (v_eci = R (v_ecef + w x r)).
 * Either velocity pointer may be NULL to convert position only. */
BMD_API void bmd_earth_ecef_to_eci(const bmd_earth *earth, double t_s, const double r_ecef_m[3],
                           const double v_ecef_m_s[3], double r_eci_m[3], double v_eci_m_s[3]);

/* ECI -> ECEF at time t_s after the epoch (the inverse of bmd_earth_ecef_to_eci). */
BMD_API void bmd_earth_eci_to_ecef(const bmd_earth *earth, double t_s, const double r_eci_m[3],
                           const double v_eci_m_s[3], double r_ecef_m[3], double v_ecef_m_s[3]);

/* Unit vectors of the local east-north-up frame at geodetic (sphere: geocentric) latitude and
 * longitude, expressed in ECEF. */
BMD_API void bmd_earth_enu_basis(double lat_rad, double lon_rad, double east[3], double north[3],
                         double up[3]);

/* Speed (m/s), flight-path angle above the local horizontal (rad) and heading clockwise from
 * north (rad, [0, 2pi)) of ECEF velocity v at ECEF position r, in the local ENU frame. */
BMD_API void bmd_earth_velocity_to_local(const bmd_earth *earth, const double r_ecef_m[3],
                                 const double v_ecef_m_s[3], double *speed_m_s,
                                 double *flight_path_rad, double *heading_rad);

/* The inverse: ECEF velocity from speed, flight-path angle and heading at ECEF position r. */
BMD_API void bmd_earth_local_to_velocity(const bmd_earth *earth, const double r_ecef_m[3],
                                 double speed_m_s, double flight_path_rad, double heading_rad,
                                 double v_ecef_m_s[3]);

#ifdef __cplusplus
}
#endif
#endif
