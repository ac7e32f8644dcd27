/* bmd/plot.h — figures as SVG (hand-written SVG 1.1, no dependencies): the altitude of threats and
 * interceptors against ground range with the intercept window, and an engagement timeline per
 * site. Each figure comes back as a string (caller frees) or is written to a file atomically.
 * Inputs in SI (m, s); axes are labelled in km (with a miles scale on the range axis) and s. */
#ifndef BMD_PLOT_H
#define BMD_PLOT_H

#include "bmd/api.h"

#include "bmd/earth.h"
#include "bmd/error.h"
#include "bmd/unit_system.h"
#include "bmd/scenario.h"
#include "bmd/scene.h"
#include "bmd/trajectory.h"

#ifdef __cplusplus
extern "C" {
#endif

/* One curve: altitude against ground range. */
typedef struct bmd_plot_curve {
    const char *label;
    bmd_track_kind kind;        /* threats red, interceptors blue */
    const double *range_m;      /* n ground ranges (from a common origin, e.g. the launch point) */
    const double *altitude_m;   /* n altitudes */
    int n;                      /* >= 2 */
} bmd_plot_curve;

/* A labelled point (e.g. "intercept", "burnout"). */
typedef struct bmd_plot_marker {
    const char *label;
    double range_m, altitude_m;
} bmd_plot_marker;

typedef struct bmd_altitude_plot {
    const char *title;
    const bmd_plot_curve *curves;
    int n_curves;               /* >= 1 */
    const bmd_plot_marker *markers;
    int n_markers;
    /* The intercept window, shaded: ground ranges [min, max] and altitudes [min, max]; NaN
     * range limits: no window; NaN altitude limits: the whole height of the plot. */
    double window_range_min_m, window_range_max_m;
    double window_altitude_min_m, window_altitude_max_m;
    int width_px, height_px;    /* 0: 760 x 440 */
    int miles;                  /* nonzero: a second range scale in miles along the top (metric
                                   axes only) */
    bmd_unit_system units;      /* the axes' units (bmd/unit_system.h: km, mi or nmi); default
                                   metric */
} bmd_altitude_plot;

/* An empty plot: no window (NaN), default size, miles on. */
BMD_API void bmd_altitude_plot_init(bmd_altitude_plot *plot);

/* The SVG text. Errors: BMD_EINVAL for no curves, a curve with n < 2 or non-finite values, a
 * size outside [200, 4000] px; BMD_ENOMEM. */
BMD_API int bmd_plot_altitude_svg(const bmd_altitude_plot *plot, char **svg, bmd_error *err);
BMD_API int bmd_plot_altitude_write(const bmd_altitude_plot *plot, const char *path, bmd_error *err);

/* Ground range from the first sample (geodesic on earth) and altitude of each of n samples, into
 * range_m[n] and altitude_m[n], for a bmd_plot_curve. Errors: BMD_EINVAL for n < 1. */
BMD_API int bmd_plot_range_profile(const bmd_earth *earth, const bmd_sample *samples, int n,
                                   double *range_m, double *altitude_m, bmd_error *err);

/* One site of the engagement timeline. Intervals are [start, end] in s after threat launch;
 * NaN starts mean "not at all". */
typedef struct bmd_timeline_row {
    const char *site;
    double seen_s[2];             /* the threat is inside a sensor's coverage */
    double tracked_s[2];          /* firm track */
    double launch_window_s[2];    /* interceptor launch times that can intercept */
    double intercept_window_s[2]; /* possible intercept times */
    const double *shots_s;        /* interceptor launch times (tick marks) */
    int n_shots;
} bmd_timeline_row;

typedef struct bmd_timeline_plot {
    const char *title;
    const bmd_timeline_row *rows;
    int n_rows;                   /* >= 1 */
    double t_min_s, t_max_s;      /* time axis; NaN: from the data */
    int width_px;                 /* 0: 760; the height follows from the rows */
} bmd_timeline_plot;

BMD_API void bmd_timeline_plot_init(bmd_timeline_plot *plot);

/* Errors: BMD_EINVAL for no rows, an interval with end < start, an empty time axis, non-finite
 * shot times; BMD_ENOMEM. */
BMD_API int bmd_plot_timeline_svg(const bmd_timeline_plot *plot, char **svg, bmd_error *err);
BMD_API int bmd_plot_timeline_write(const bmd_timeline_plot *plot, const char *path, bmd_error *err);

/* ---------------------------------------------------------------------------------------------
 * Tornado chart (one-at-a-time sensitivity, bmd/sensitivity.h): one horizontal bar per parameter
 * from the nominal value of the metric to its value with the parameter at the low end (blue) and
 * at the high end (orange) of its band, largest swing on top. */

typedef struct bmd_tornado_bar {
    const char *label;            /* the parameter (path and band) */
    double at_low, at_high;       /* the metric; NAN: none at that end (drawn to the axis end and
                                     marked with flip_low / flip_high text) */
    const char *flip_low;         /* NULL, or the verdict at that end when it differs, e.g.
                                     "not engageable" (drawn at the bar's end) */
    const char *flip_high;
} bmd_tornado_bar;

typedef struct bmd_tornado_plot {
    const char *title;
    const char *metric_label;     /* x axis, with its unit */
    double nominal;               /* the metric with every parameter nominal (NAN: none) */
    const bmd_tornado_bar *bars;
    int n_bars;                   /* >= 1 */
    const char *footnote;         /* assumptions (launch-on rule, delays, RCS); may be NULL */
    int width_px;                 /* 0: 860; the height follows from the bars */
} bmd_tornado_plot;

BMD_API void bmd_tornado_plot_init(bmd_tornado_plot *plot);

/* The SVG text (caller frees). Errors: BMD_EINVAL for no bars, a width outside [300, 4000] px or
 * no finite value at all; BMD_ENOMEM. */
BMD_API int bmd_plot_tornado_svg(const bmd_tornado_plot *plot, char **svg, bmd_error *err);
BMD_API int bmd_plot_tornado_write(const bmd_tornado_plot *plot, const char *path, bmd_error *err);

/* The tornado of a pair's robustness (bmd/sensitivity.h) as SVG: its first max_bars rows (0:
 * all, at most 40), labelled "PATH LOW..HIGH UNIT", titled "THREAT x SITE: VERDICT (LABEL)" from
 * scn, with footnote (the assumptions; may be NULL). Errors: BMD_EINVAL when it has no rows;
 * those of bmd_plot_tornado_svg. */
struct bmd_robustness;
BMD_API int bmd_plot_robustness_tornado_svg(const struct bmd_robustness *r,
                                            const bmd_scenario *scn, int max_bars,
                                            const char *footnote, char **svg, bmd_error *err);


/* ---- Sweeps (issue 12, item 4): a line plot of one swept axis, a filled contour plot of two
 * (src/render/plot_line.c, plot_contour.c). Values are in the units of their labels (the caller
 * converts); both mark the catalogue (nominal) value and carry a note naming the assumptions. */

/* One curve of a line plot: y[i] at x[i] of the plot (NaN: no value there, the line breaks). */
typedef struct bmd_line_series {
    const char *label;
    const double *y;
} bmd_line_series;

typedef struct bmd_line_plot {
    const char *title;
    const char *x_label;             /* with its unit, e.g. "payload mass (kg)" */
    const char *y_label;             /* NULL: the first series' label */
    const double *x;                 /* n increasing, finite values */
    int n;                           /* >= 2 */
    const bmd_line_series *series;
    int n_series;                    /* 1 to 8 */
    double x_nominal;                /* the catalogue value: a dashed vertical line (NaN: none) */
    double y_nominal;                /* the first series there: a point (NaN: none) */
    const char *nominal_label;       /* legend text of the mark (NULL: "catalogue value") */
    const char *note;                /* a line under the plot: the fixed assumptions (or NULL) */
    int width_px, height_px;         /* 0: 760 x 460 */
} bmd_line_plot;

/* An empty plot: no nominal mark (NaN), default size. */
BMD_API void bmd_line_plot_init(bmd_line_plot *plot);

/* The SVG text (caller frees). Errors: BMD_EINVAL for n < 2, x not increasing or not finite, no
 * series or more than 8, a series without a finite value, a size outside [200, 4000] px;
 * BMD_ENOMEM. */
BMD_API int bmd_plot_line_svg(const bmd_line_plot *plot, char **svg, bmd_error *err);

/* One piece of an isoline: from (x0, y0) to (x1, y1), in the units of the grid's axes. */
typedef struct bmd_contour_segment {
    double x0, y0, x1, y1;
} bmd_contour_segment;

/* The isoline z = level of a grid by marching squares: z[j * nx + i] is the value at (x[i],
 * y[j]), x and y increasing; crossings are interpolated linearly along cell edges, a saddle cell
 * is resolved by the mean of its corners, a cell with a NaN corner is skipped. *segs (caller
 * frees; NULL when *n is 0) receives *n segments. Errors: BMD_EINVAL for nx or ny < 2, axes not
 * increasing, a level that is not finite; BMD_ENOMEM. */
BMD_API int bmd_contour_segments(const double *x, int nx, const double *y, int ny, const double *z,
                                 double level, bmd_contour_segment **segs, int *n, bmd_error *err);

typedef struct bmd_contour_plot {
    const char *title;
    const char *x_label, *y_label;   /* with units */
    const char *z_label;             /* the quantity contoured, with its unit (legend heading) */
    const double *x;                 /* nx increasing values */
    int nx;                          /* >= 2 */
    const double *y;                 /* ny increasing values */
    int ny;                          /* >= 2 */
    const double *z;                 /* z[j * nx + i] at (x[i], y[j]); NaN: no value (blank) */
    const double *levels;            /* increasing isoline levels; NULL: about 8 nice ones */
    int n_levels;                    /* at most 32 */
    double x_nominal, y_nominal;     /* the catalogue values: dashed lines and a point (NaN: none) */
    const char *nominal_label;       /* NULL: "catalogue value" */
    const char *note;                /* a line under the plot: the fixed assumptions (or NULL) */
    int width_px, height_px;         /* 0: 760 x 560 */
} bmd_contour_plot;

/* An empty plot: no nominal mark, automatic levels, default size. */
BMD_API void bmd_contour_plot_init(bmd_contour_plot *plot);

/* The SVG text (caller frees): filled bands between the levels, the isolines labelled with their
 * level, axes, a legend of the bands and the nominal mark. Errors: BMD_EINVAL for nx or ny < 2,
 * axes not increasing or not finite, no finite z, levels not increasing or more than 32, a size
 * outside [200, 4000] px; BMD_ENOMEM. */
BMD_API int bmd_plot_contour_svg(const bmd_contour_plot *plot, char **svg, bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
