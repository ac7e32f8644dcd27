/* cli/report_leaflet.h — where `bmdsim report` finds Leaflet for the report's interactive map. */
#ifndef BMD_CLI_REPORT_LEAFLET_H
#define BMD_CLI_REPORT_LEAFLET_H

#include <stddef.h>

#include "cli.h"

/* Read leaflet.js and leaflet.css (npm leaflet 1.9.4, dist/) from --leaflet-dir DIR, else
 * $BMD_LEAFLET_DIR, else the build tree's share/bmd/leaflet, else the installed one. Found:
 * *js and *css (caller frees), CLI_OK. Not found in the default places: *js = *css = NULL, why
 * says so (the report then says why it has no interactive map), CLI_OK. A --leaflet-dir or
 * $BMD_LEAFLET_DIR without the files: one line on stderr, CLI_USAGE. */
int cli_report_leaflet(const cli_args *a, char **js, char **css, char *why, size_t n);

#endif
