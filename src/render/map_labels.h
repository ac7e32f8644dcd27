/* render/map_labels.h — label placement for the maps (private to src/render): greedy candidate
 * positions around each anchor, kept only where the label's box stays inside the frame and
 * overlaps no box already taken (symbols, other labels, legend, scale bar, title). A label that
 * fits nowhere is dropped, never drawn over another. */
#ifndef BMD_RENDER_MAP_LABELS_H
#define BMD_RENDER_MAP_LABELS_H

/* An axis-aligned box in pixels, x0 <= x1, y0 <= y1 (y down). */
typedef struct bmd_label_box {
    double x0, y0, x1, y1;
} bmd_label_box;

/* The boxes taken so far (caller-owned array of cap boxes). */
typedef struct bmd_label_boxes {
    bmd_label_box *box;
    int n, cap;
} bmd_label_boxes;

/* A placed label: the text's reference point and anchor as SVG wants them. */
typedef struct bmd_label_spot {
    double x, y;        /* text position (baseline) */
    const char *anchor; /* "start", "middle" or "end" */
    bmd_label_box box;  /* the box the text occupies */
} bmd_label_spot;

/* Estimated box width of text at font_px (sans-serif: 0.62 em per character, UTF-8 aware; wide
 * enough for DejaVu Sans, the font librsvg uses here, so real text stays inside its box). */
double bmd_render_text_width(const char *text, double font_px);

/* Whether two boxes overlap (touching edges do not). */
int bmd_render_boxes_overlap(const bmd_label_box *a, const bmd_label_box *b);

/* Add box to taken (ignored when full: the caller sizes cap for everything it adds). */
void bmd_render_boxes_add(bmd_label_boxes *taken, bmd_label_box box);

/* Place a label of text at font_px next to the anchor (ax, ay) whose symbol has radius r_px: the
 * first of eight positions (right, left, above, below, then the four diagonals) whose box lies
 * inside [margin, w - margin] x [margin, h - margin] and overlaps none of taken. On success the box
 * is added to taken, *spot filled and 1 returned; 0 when the label is dropped. */
int bmd_render_label_place(double ax, double ay, double r_px, const char *text, double font_px,
                           double w, double h, double margin, bmd_label_boxes *taken,
                           bmd_label_spot *spot);

struct mapctx;
/* Degree labels where the graticule (every step_deg) leaves the bottom edge (meridians) and the
 * left edge (parallels), each placed only where its box is free (added to taken); returns how
 * many were dropped. map_graticule.c. */
int bmd_render_graticule_labels(struct mapctx *m, double step_deg, bmd_label_boxes *taken);

#endif
