/* cli/engage_export.h — the GeoJSON and KML of `bmdsim engage` in its flag form: the same features,
 * names and properties as the scenario form (bmd_analysis_scene with intercept points) for one
 * threat against one site. */
#ifndef BMD_CLI_ENGAGE_EXPORT_H
#define BMD_CLI_ENGAGE_EXPORT_H

#include "bmd/engagement.h"
#include "bmd/radar_catalog.h"
#include "threat.h"

/* What the flag form evaluated. radar may be NULL (no fire-control radar). */
typedef struct cli_engage_export {
    const bmd_earth *earth;
    const cli_threat *threat;
    const char *interceptor;           /* catalogue name */
    const bmd_defense_site *site;
    const bmd_catalog_radar *radar;
    const bmd_engagement *engagement;
    const bmd_engagement_rules *rules; /* the rules of the verdict (site and intercept points) */
    const bmd_interceptor *ic;         /* the interceptor flown to the intercept points (KML, CZML
                                          time tracks); NULL: no flyout tracks */
} cli_engage_export;

/* Write the scene to geojson, kml and czml (any may be NULL): the threat's trajectory, its launch
 * point and target, the defence site (and the radar when it stands elsewhere), the radar's
 * coverage for the reentry vehicle, and the earliest and latest intercept points when engageable,
 * each with the interceptor's flyout to it (x->ic flown directly: bmd_interceptor_reach for the
 * launch elevation, then bmd_interceptor_fly; launched so as to arrive at the intercept time).
 * a gives --epoch. One line on stderr and the exit status on failure. */
int cli_engage_exports(const cli_args *a, const cli_engage_export *x, const char *geojson,
                       const char *kml, const char *czml);

#endif
