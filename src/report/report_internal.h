/* src/report/report_internal.h — the pieces of the HTML report (bmd/report.h): the report object, text
 * helpers (escaped text, km with miles) and the sections, each written by its own file.
 * Internal to the io layer. */
#ifndef BMD_IO_REPORT_INTERNAL_H
#define BMD_IO_REPORT_INTERNAL_H

#include "bmd/report.h"
#include "bmd/unit_system.h"
#include "core/strbuf.h"

#define REPORT_MAX_MAPS 16

/* An extra map section (drawn when added). */
typedef struct report_map {
    char *heading;
    char *caption;
    char *svg;
} report_map;

struct bmd_report {
    const bmd_analysis *an;
    const bmd_analysis *remote;     /* may be NULL */
    bmd_report_options opt;
    int n_maps;
    report_map maps[REPORT_MAX_MAPS];
    const bmd_analysis_footprints *fps;  /* may be NULL */
    const bmd_analysis *alt;        /* another launch-on setting (may be NULL) */
    const char *leaflet_js, *leaflet_css; /* borrowed; NULL: no interactive map */
    const char *leaflet_why;        /* why there is no Leaflet (may be NULL) */
    const bmd_report_probabilities *prob; /* the per-pair probability table (may be NULL) */
    bmd_unit_system units;          /* what distances and speeds are shown in (report_units.c) */
};

/* The verdicts of every pair under each setting side by side (report_settings.c). */
void bmd_rp_settings_table(const bmd_report *r, bmd_strbuf *sb);

/* Escaped text; printf-style escaped text. */
void bmd_rp_text(bmd_strbuf *sb, const char *text);
void bmd_rp_textf(bmd_strbuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* "1,234 km (767 mi)" for a distance in metres; "-" when not finite. */
void bmd_rp_km_mi(char *buf, size_t n, double m);
/* The report's units (report_units.c; the one table of bmd/unit_system.h). A quantity given in
 * metric_unit ("km", "km/s", "m", "km²") in the report's system with thousands separators:
 * "4.50 km/s", "10.07 mi/s", "8,748 kn"; "-" when not finite. _num: the number only. */
void bmd_rp_qty(const bmd_report *r, char *buf, size_t n, double value, const char *metric_unit,
                int decimals);
void bmd_rp_qty_num(const bmd_report *r, char *buf, size_t n, double value,
                    const char *metric_unit, int decimals);
/* The name metric_unit has in the report's system ("mi/s" for "km/s" in imperial). */
const char *bmd_rp_unit(const bmd_report *r, const char *metric_unit);
/* A distance in metres: metric "1,234 km (767 mi)" (as bmd_rp_km_mi); imperial "767 mi";
 * nautical "666 nmi". */
void bmd_rp_dist(const bmd_report *r, char *buf, size_t n, double m);
/* A paragraph stating the unit system of the page. */
void bmd_rp_units_note(const bmd_report *r, bmd_strbuf *sb);
/* A number with thousands separators and the given decimals; "-" when not finite. */
void bmd_rp_num(char *buf, size_t n, double v, int decimals);

/* Append an SVG figure with its ids made unique by the suffix -fN (N: the figure's number). */
void bmd_rp_svg(bmd_strbuf *sb, const char *svg, int n);

/* The pair of the remote analysis matching p (same threat and site), or NULL. */
const bmd_analysis_pair *bmd_rp_remote_pair(const bmd_report *r, const bmd_analysis_pair *p);

/* A short description of the interceptor of site si ("SM-3 Block IIA (burnout 4.5 km/s)"). */
void bmd_rp_interceptor_label(const bmd_report *r, int si, char *buf, size_t n);

/* Sections. Each appends HTML to sb; those that draw figures may fail (status, err). */
void bmd_rp_summary(const bmd_report *r, bmd_strbuf *sb);
void bmd_rp_findings(const bmd_report *r, bmd_strbuf *sb);
void bmd_rp_scenario_tables(const bmd_report *r, bmd_strbuf *sb);
void bmd_rp_engagement_table(const bmd_report *r, const bmd_analysis *an, bmd_strbuf *sb);
void bmd_rp_parameter_tables(const bmd_report *r, bmd_strbuf *sb);
int bmd_rp_scenario_map(const bmd_report *r, bmd_strbuf *sb, bmd_error *err);
int bmd_rp_threat_figures(const bmd_report *r, bmd_strbuf *sb, bmd_error *err);
/* The footprint section (nothing without footprints); one finding line per footprint (<li>). */
int bmd_rp_footprints(const bmd_report *r, bmd_strbuf *sb, bmd_error *err);
/* The section "How robust is each finding" (report_robust.c). */
int bmd_rp_robustness(const bmd_report *r, bmd_strbuf *sb, bmd_error *err);
/* The per-pair probability table of that section (report_probability.c). */
void bmd_rp_probability_table(const bmd_report *r, bmd_strbuf *sb);
/* The coverage-probability map of that section (report_uncertainty.c). */
int bmd_rp_coverage_probability(const bmd_report *r, bmd_strbuf *sb, bmd_error *err);
void bmd_rp_footprint_findings(const bmd_report *r, bmd_strbuf *sb);
/* The name before " (" of a catalogue full name, or the fallback. */
void bmd_rp_short_name(const char *full, const char *fallback, char *buf, size_t n);

/* The interactive map (report_map.c): Leaflet inlined with our GeoJSON layers, or one line
 * saying why there is none. */
int bmd_rp_interactive_map(const bmd_report *r, bmd_strbuf *sb, bmd_error *err);
/* The map's JavaScript (report_map_glue.c). */
extern const char bmd_rp_map_glue_js[];
extern const char bmd_rp_map_glue2_js[]; /* its second half, in the same script element */

#endif
