/* defense/radar_internal.h — a radar prepared for many looks at one object (internal): the
 * antenna's ECEF position, its local frame, the detection range for the object's cross-section
 * and the masking surface, computed once instead of at every point of a scan. Looks through a
 * view give bit for bit what bmd_radar_look_at_rcs gives (the same operations on the same
 * values); bmd_radar_view_sees skips the angles and the masking test for a point beyond the
 * range at which the radar could see it. */
#ifndef BMD_DEFENSE_RADAR_INTERNAL_H
#define BMD_DEFENSE_RADAR_INTERNAL_H

#include "bmd/sensor.h"

typedef struct bmd_radar_view {
    const bmd_radar *radar;
    const bmd_earth *earth;
    bmd_earth shell;              /* the masking surface (lowered to a radar below the ellipsoid) */
    double site_m[3];             /* antenna, ECEF */
    double east[3], north[3], up[3];
    double detection_range_m;     /* for the object's cross-section (radar equation) */
    double reach_m;               /* min(instrumented, detection range) */
} bmd_radar_view;

/* Prepare view for looks of a valid radar (bmd_radar_validate) on earth at an object of
 * cross-section rcs_m2 (> 0, finite). No checks: the caller has made them. */
void bmd_radar_view_init(bmd_radar_view *view, const bmd_radar *radar, const bmd_earth *earth,
                         double rcs_m2);

/* Look at the finite ECEF point r_ecef_m: exactly bmd_radar_look_at_rcs's result. */
void bmd_radar_view_look(const bmd_radar_view *view, const double r_ecef_m[3],
                         bmd_radar_look *look);

/* Whether the radar sees r_ecef_m (look.visible), without the angles when r_ecef_m is beyond
 * reach_m (by more than 1e-12 relative: then the look's slant range is too, whatever the
 * rounding). */
int bmd_radar_view_sees(const bmd_radar_view *view, const double r_ecef_m[3]);

#endif
