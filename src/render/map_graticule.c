/* Graticule labels of the maps: degrees where meridians leave the bottom edge and parallels leave
 * the left edge, placed through the label boxes of map_labels.h (dropped when they would overlap
 * a site label, the legend or the scale bar). */
#include <math.h>
#include <stdio.h>

#include "bmd/units.h"
#include "render/map_canvas.h"
#include "render/map_labels.h"

#define GRATICULE_LABEL_PX 10.0

/* "20°E", "35.5°W", "0°", "50°N"; positive is east (meridian) or north (parallel). */
static void degree_text(double deg, int meridian, char *buf, size_t n)
{
    double a = fabs(deg);
    if (a < 1e-9 || (meridian && fabs(a - 180) < 1e-9))
        snprintf(buf, n, "%g\u00b0", a);
    else
        snprintf(buf, n, "%g\u00b0%c", a, meridian ? (deg > 0 ? 'E' : 'W') : (deg > 0 ? 'N' : 'S'));
}

/* Pixel of (lat, lon) deg, the equirectangular copy nearest the centre; 0 when not drawn. */
static int pixel(const mapctx *m, double lat, double lon, double *x, double *y)
{
    if (!bmd_map_pixel(m->v, bmd_deg_to_rad(lat), bmd_deg_to_rad(lon), x, y))
        return 0;
    if (m->period_px > 0)
        *x -= m->period_px * round((*x - m->w / 2) / m->period_px);
    return 1;
}

/* Place and draw one label; 1 when drawn. */
static int put(mapctx *m, bmd_label_boxes *taken, const char *text, double x, double y,
               const char *anchor)
{
    double tw = bmd_render_text_width(text, GRATICULE_LABEL_PX);
    double left = anchor[0] == 's' ? x : anchor[0] == 'm' ? x - tw / 2 : x - tw;
    bmd_label_box b = {left - 1, y - 0.8 * GRATICULE_LABEL_PX - 1, left + tw + 1,
                       y + 0.25 * GRATICULE_LABEL_PX + 1};
    if (b.x0 < 1 || b.y0 < 1 || b.x1 > m->w - 1 || b.y1 > m->h - 1)
        return 0;
    for (int i = 0; i < taken->n; i++)
        if (bmd_render_boxes_overlap(&b, &taken->box[i]))
            return 0;
    bmd_render_boxes_add(taken, b);
    bmd_svg_text(m->s, x, y, anchor, GRATICULE_LABEL_PX,
                 "class=\"graticule-label\" fill=\"#3f5f7f\" stroke=\"#ffffff\" stroke-width=\"2.5\" "
                 "paint-order=\"stroke\" stroke-linejoin=\"round\"", text);
    return 1;
}

int bmd_render_graticule_labels(mapctx *m, double step_deg, bmd_label_boxes *taken)
{
    int dropped = 0;
    char text[32];
    for (double l0 = -180; l0 < 180 - 1e-9; l0 += step_deg) { /* meridians: bottom edge */
        double px = 0, py = 0, x, y;
        int have = 0;
        for (double la = -89.5; la <= 89.5 + 1e-9; la += 0.25) {
            int ok = pixel(m, la, l0, &x, &y);
            if (ok && have && fabs(x - px) < m->w / 4 && (py - m->h) * (y - m->h) < 0) {
                double xc = px + (x - px) * (m->h - py) / (y - py);
                if (xc > 0 && xc < m->w) {
                    degree_text(l0, 1, text, sizeof text);
                    dropped += !put(m, taken, text, xc, m->h - 6, "middle");
                    break;
                }
            }
            px = x;
            py = y;
            have = ok;
        }
    }
    for (double la = -90 + step_deg; la < 90 - 1e-9; la += step_deg) { /* parallels: left edge */
        double px = 0, py = 0, x, y;
        int have = 0;
        for (double lo = -180; lo <= 180 + 1e-9; lo += 0.25) {
            int ok = pixel(m, la, lo, &x, &y);
            if (ok && have && fabs(y - py) < m->h / 4 && fabs(x - px) < m->w / 4 && px * x < 0) {
                double yc = py + (y - py) * (0 - px) / (x - px);
                if (yc > 0 && yc < m->h) {
                    degree_text(la, 0, text, sizeof text);
                    dropped += !put(m, taken, text, 4, yc + 3.5, "start");
                    break;
                }
            }
            px = x;
            py = y;
            have = ok;
        }
    }
    return dropped;
}
