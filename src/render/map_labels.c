/* Label placement for the maps (map_labels.h). */
#include <string.h>

#include "render/map_labels.h"

double bmd_render_text_width(const char *text, double font_px)
{
    int chars = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++)
        chars += (*p & 0xC0) != 0x80;
    return 0.62 * font_px * chars;
}

int bmd_render_boxes_overlap(const bmd_label_box *a, const bmd_label_box *b)
{
    return a->x0 < b->x1 && b->x0 < a->x1 && a->y0 < b->y1 && b->y0 < a->y1;
}

void bmd_render_boxes_add(bmd_label_boxes *taken, bmd_label_box box)
{
    if (taken->n < taken->cap)
        taken->box[taken->n++] = box;
}

int bmd_render_label_place(double ax, double ay, double r_px, const char *text, double font_px,
                           double w, double h, double margin, bmd_label_boxes *taken,
                           bmd_label_spot *spot)
{
    const double tw = bmd_render_text_width(text, font_px);
    const double asc = 0.8 * font_px, desc = 0.25 * font_px; /* above / below the baseline */
    const double gap = r_px + 3;
    /* text position (baseline) and anchor of each candidate, in order of preference */
    const struct {
        double dx, dy;
        int anchor; /* 0 start, 1 middle, 2 end */
    } cand[8] = {
        {gap, 0.35 * font_px, 0},           {-gap, 0.35 * font_px, 2},
        {0, -gap - desc, 1},                {0, gap + asc, 1},
        {0.7 * gap, -0.7 * gap - desc, 0},  {0.7 * gap, 0.7 * gap + asc, 0},
        {-0.7 * gap, -0.7 * gap - desc, 2}, {-0.7 * gap, 0.7 * gap + asc, 2},
    };
    static const char *anchors[] = {"start", "middle", "end"};
    for (int c = 0; c < 8; c++) {
        double x = ax + cand[c].dx, y = ay + cand[c].dy;
        double left = cand[c].anchor == 0 ? x : cand[c].anchor == 1 ? x - tw / 2 : x - tw;
        bmd_label_box b = {left - 1, y - asc - 1, left + tw + 1, y + desc + 1};
        if (b.x0 < margin || b.y0 < margin || b.x1 > w - margin || b.y1 > h - margin)
            continue;
        int clash = 0;
        for (int i = 0; i < taken->n && !clash; i++)
            clash = bmd_render_boxes_overlap(&b, &taken->box[i]);
        if (clash)
            continue;
        bmd_render_boxes_add(taken, b);
        spot->x = x;
        spot->y = y;
        spot->anchor = anchors[cand[c].anchor];
        spot->box = b;
        return 1;
    }
    return 0;
}
