/* render/map_canvas.h — the projected-path machinery of the SVG maps (private to src/render): a growing
 * list of projected points, projection of lat/lon polylines, clipping to the view and drawing
 * filled rings and stroked lines with the antimeridian/antipode shifts. Used by map.c's layers. */
#ifndef BMD_IO_MAP_CANVAS_H
#define BMD_IO_MAP_CANVAS_H

#include "render/map_internal.h"
#include "render/svg.h"

/* A growing list of projected points: pixel position, drawn flag, and per edge (i -> i+1)
 * whether it is broken (not drawn as a line). */
typedef struct pbuf {
    double *x, *y;
    char *ok, *brk;
    int n, cap;
} pbuf;

/* The drawing context. */
typedef struct mapctx {
    const bmd_map_view *v;
    svg *s;
    double w, h, k;        /* canvas size, px per m */
    double period_px;      /* equirectangular: width of 360 degrees; 0 for azimuthal */
    double jump_px;        /* azimuthal: edges longer than this are breaks (near the antipode) */
    double x0, y0, x1, y1; /* clip rectangle */
    int failed;
    pbuf a, b, c;          /* scratch */
    double last_x, last_y; /* end of the last path piece (for M/L choice) */
    int have_last;
} mapctx;


/* Release the point list's arrays. */
void bmd_map_pbuf_free(pbuf *p);
/* Make room for at least n points; 1 on success, 0 when memory runs out (the list keeps its points). */
int bmd_map_pbuf_reserve(pbuf *p, int n);
/* Project n points (rad) into p. unwrap: equirectangular longitudes made continuous from the
 * first point (scene features); otherwise lon - lon0 as given (world data, cut at +-180). */
int bmd_map_canvas_project(mapctx *m, const double *lat, const double *lon, int n, int unwrap, pbuf *p);
/* Add ring p (shifted by dx px), clipped to the view, to the open path as a closed subpath. */
void bmd_map_fill_ring(mapctx *m, const pbuf *p, double dx);
/* Add the edges of p (shifted by dx; closed: also the last-to-first edge) that are not broken,
 * clipped to the view, to the open path. */
void bmd_map_stroke_line(mapctx *m, const pbuf *p, double dx, int closed);
/* The horizontal shifts (px) under which the equirectangular copies of p may be visible. */
int bmd_map_shifts(const mapctx *m, const pbuf *p, double out[3]);
/* Whether a projected world ring can be filled: every point drawn, and in the azimuthal
 * projection it does not enclose the antipode (it would fill the whole map). */
int bmd_map_fillable(const mapctx *m, const pbuf *p, const double *lat, const double *lon, int n);

#endif
