/* src/render/plot_sweep_internal.h — the frame shared by the sweep plots (plot_line.c,
 * plot_contour.c): linear axes with nice ticks over the data, grid, tick labels, axis titles, the
 * note line and the checks of an axis' values. Internal to the render layer. */
#ifndef BMD_RENDER_PLOT_SWEEP_INTERNAL_H
#define BMD_RENDER_PLOT_SWEEP_INTERNAL_H

#include "bmd/error.h"
#include "render/svg.h"

/* A linear axis: data interval [lo, hi] onto pixels [p0, p1], ticks every step from first. */
typedef struct bmd_render_axis {
    double lo, hi, p0, p1, step, first;
} bmd_render_axis;

/* The axis over exactly [lo, hi] (a small interval is widened) with about target ticks. */
bmd_render_axis bmd_render_axis_make(double lo, double hi, double p0, double p1, int target);

/* The axis over [lo, hi] widened to nice tick values at both ends. */
bmd_render_axis bmd_render_axis_nice(double lo, double hi, double p0, double p1, int target);

/* Pixel of data value v. */
double bmd_render_axis_px(const bmd_render_axis *a, double v);

/* Grid lines (grid nonzero), the frame, tick labels and the two axis titles. */
void bmd_render_axes_draw(svg *s, const bmd_render_axis *x, const bmd_render_axis *y,
                          const char *xlabel, const char *ylabel, int grid);

/* A tick label for v with as many decimals as step needs. */
void bmd_render_tick_label(char *buf, size_t n, double v, double step);

/* The note under the plot, cut into lines of at most about 120 characters (at most 3 lines),
 * starting at baseline y. */
void bmd_render_note(svg *s, double x, double y, const char *note);

/* Check n values of axis name: finite and strictly increasing. */
int bmd_render_check_axis(const char *name, const double *v, int n, int min_n, bmd_error *err);

/* Check a plot size. */
int bmd_render_check_size(int w, int h, bmd_error *err);

#endif
