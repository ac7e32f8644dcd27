/* bmd/report.h — the HTML report of an analysis (module `report`): one self-contained file (inline CSS
 * and SVG; nothing fetched from the network) that a journalist can read:
 *   the question (the scenario's, and what physics can and cannot say about it); the findings in
 *   plain language, generated from the numbers; the scenario (a map of sites, radar coverage,
 *   launch areas, targets and ground tracks; tables of sites, sensors and threats); the engagement
 *   table; trajectory plots (altitude against ground range with the intercept window) and
 *   engagement timelines per site; any extra map sections (footprints); the parameters of every
 *   missile, interceptor and radar used with their sources and notional flags; assumptions and
 *   limits; the command line and bmdsim version that produced it.
 * Distances in km with miles beside them; all text is escaped for HTML.
 *
 * Two analyses of the same scenario may be given: `an` (as the scenario says; by default the
 * site's fire-control radar must see the threat at the intercept) and optionally `remote`, the
 * same with opt.engage.require_fcr_coverage = 0 (any cueing sensor's track may guide the
 * interceptor: "engage on remote"), the kinematic reach the public debate is about. Findings
 * then state both.
 *
 * Use:
 *   bmd_report *r; bmd_report_begin(&r, &an, &remote, &opt, &err);
 *   bmd_report_add_footprints(r, &footprints, &err);   // optional (bmd_analysis_footprints_run)
 *   bmd_report_add_map(r, "Defended area", "caption ...", &footprint_scene, &err);   // optional
 *   bmd_report_write(r, "out/report.html", &err);
 *   bmd_report_free(r); */
#ifndef BMD_REPORT_H
#define BMD_REPORT_H

#include "bmd/api.h"

#include "bmd/analysis.h"
#include "bmd/error.h"
#include "bmd/map.h"
#include "bmd/scene.h"
#include "bmd/unit_system.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct bmd_report_options {
    const char *command_line;   /* the exact command that produced the report (shown verbatim) */
    const bmd_world *world;     /* land and borders for the maps; NULL: none drawn */
    const char *generated_by;   /* e.g. "bmdsim 0.1.0"; NULL: "bmdsim " + bmd_version() */
} bmd_report_options;

typedef struct bmd_report bmd_report;

/* Start a report of an (required) and remote (may be NULL). Both analyses, the scenario and the
 * options' strings and world are borrowed until bmd_report_free. Errors: BMD_EINVAL for a NULL or
 * empty analysis, or a remote analysis of another scenario; BMD_ENOMEM. */
BMD_API int bmd_report_begin(bmd_report **report, const bmd_analysis *an, const bmd_analysis *remote,
                             const bmd_report_options *opt, bmd_error *err);

/* Add a map section (e.g. a footprint): heading, a caption (plain text, escaped) and the scene
 * drawn on a map fitted to it (the scene is drawn at once; it may be freed afterwards).
 * Errors: BMD_EINVAL for a NULL or empty heading or an empty scene; those of bmd_map_svg. */
BMD_API int bmd_report_add_map(bmd_report *report, const char *heading, const char *caption,
                               const bmd_scene *scene, bmd_error *err);

/* Add the footprint maps (bmd_analysis_footprints_run of the report's analysis), borrowed until
 * bmd_report_free: a "Footprints" section with one map per footprint (the >= 1 and >= 2 shot
 * regions as filled polygons, the grid, the sites and the launch point or target, a legend) and
 * a caption giving the grid, its step, what "covered" means and the coverage statistics; and one
 * plain-language line per footprint in the findings. Errors: BMD_EINVAL for NULL or footprints
 * of another analysis. */
BMD_API int bmd_report_add_footprints(bmd_report *report, const bmd_analysis_footprints *footprints,
                                      bmd_error *err);

/* Add the same scenario analysed under another launch-on setting (bmd/engagement.h; e.g. a
 * radar track after burnout), borrowed until bmd_report_free: the report then shows every
 * (threat, site) verdict under each setting side by side (own radar, engage on remote, and this
 * one), each column naming its setting, delays and radar requirement. Errors: BMD_EINVAL for
 * NULL or an analysis of another scenario. */
BMD_API int bmd_report_add_setting(bmd_report *report, const bmd_analysis *alt, bmd_error *err);

/* Give the report Leaflet (npm leaflet 1.9.4: dist/leaflet.js and dist/leaflet.css, as text;
 * borrowed until bmd_report_free) for an interactive map in the scenario section: pan and zoom,
 * layers to toggle (Natural Earth land and borders, radar coverage, launch and target areas, one
 * per footprint and mode, tracks, sites) and a popup per object with its GeoJSON properties; all
 * inlined, nothing fetched (the CSS's url() images are dropped). js and css NULL: no interactive
 * map, and the page says why_absent (may be NULL). Without this call the page says Leaflet was
 * not given. Errors: BMD_EINVAL for a NULL report or only one of js and css. */
BMD_API int bmd_report_set_leaflet(bmd_report *report, const char *js, const char *css,
                                   const char *why_absent, bmd_error *err);

/* Show the report's distances, altitudes, speeds and areas (tables, findings, captions, figure
 * axes, the interactive map's popups) in units (bmd/unit_system.h; default metric); the page
 * states which. The exports (GeoJSON, KML, CZML) and the parameter tables stay SI.
 * Errors: BMD_EINVAL for a NULL report or an unknown unit system. */
BMD_API int bmd_report_set_units(bmd_report *report, bmd_unit_system units, bmd_error *err);

/* The HTML text (caller frees). Errors: those of the plots and maps; BMD_ENOMEM. */
BMD_API int bmd_report_html(const bmd_report *report, char **html, bmd_error *err);

/* Write the HTML to path atomically (bmd/atomic_file.h). */
BMD_API int bmd_report_write(const bmd_report *report, const char *path, bmd_error *err);

/* Three lines summing up the findings (for a terminal), each NUL-terminated in lines[i]. */
#define BMD_REPORT_SUMMARY_MAX 320
BMD_API void bmd_report_summary(const bmd_report *report, char lines[3][BMD_REPORT_SUMMARY_MAX]);

BMD_API void bmd_report_free(bmd_report *report);

#ifdef __cplusplus
}
#endif
#endif
