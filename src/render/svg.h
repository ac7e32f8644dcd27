/* src/render/svg.h — a tiny SVG canvas for plots and maps: shapes, paths, text, groups, clip paths,
 * numbers with 2 decimals, escaped text. Style arguments are attribute text written by the
 * library itself (never user input); user text goes through bmd_svg_text, which escapes it.
 * Internal to the io layer. */
#ifndef BMD_IO_SVG_H
#define BMD_IO_SVG_H

#include "bmd/error.h"
#include "core/strbuf.h"

typedef struct svg {
    bmd_strbuf sb;
    double width, height;
    int in_path;             /* a path's d attribute is open */
} svg;

/* "#rrggbb" from 0xRRGGBB into buf (8 bytes). */
const char *bmd_svg_rgb(unsigned rgb, char buf[8]);

/* Start a document of width x height px with an accessible <title>. */
void bmd_svg_begin(svg *s, double width, double height, const char *title);
/* Close the document and hand over the text (caller frees); ENOMEM if anything failed. */
int bmd_svg_finish(svg *s, char **out, bmd_error *err);
void bmd_svg_discard(svg *s);

void bmd_svg_group_open(svg *s, const char *attrs);
void bmd_svg_group_close(svg *s);
/* An XML comment <!-- text --> (text written by the library itself; "--" is replaced). */
void bmd_svg_comment(svg *s, const char *text);
/* Define a rectangular clip path named id (inside <defs>). */
void bmd_svg_clip_rect(svg *s, const char *id, double x, double y, double w, double h);

void bmd_svg_rect(svg *s, double x, double y, double w, double h, const char *style);
void bmd_svg_circle(svg *s, double cx, double cy, double r, const char *style);
void bmd_svg_line(svg *s, double x1, double y1, double x2, double y2, const char *style);
void bmd_svg_polyline(svg *s, const double *x, const double *y, int n, const char *style);
void bmd_svg_polygon(svg *s, const double *x, const double *y, int n, const char *style);

/* A path built piece by piece: bmd_svg_path_open, then move/line/close any number of times, then
 * svg_path_close_element with the style. */
void bmd_svg_path_open(svg *s);
void bmd_svg_path_move(svg *s, double x, double y);
void bmd_svg_path_line(svg *s, double x, double y);
void bmd_svg_path_z(svg *s);
void bmd_svg_path_end(svg *s, const char *style);

/* Text at (x, y); anchor "start", "middle" or "end"; extra is more attribute text or NULL. */
void bmd_svg_text(svg *s, double x, double y, const char *anchor, double size_px, const char *extra,
              const char *text);

/* A "nice" step (1, 2 or 5 times a power of ten) giving about target intervals over span > 0. */
double bmd_svg_nice_step(double span, int target);

#endif
