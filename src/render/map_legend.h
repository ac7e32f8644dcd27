/* render/map_legend.h — colours, symbols, legend and scale bar of the SVG maps (private to
 * src/render; map_legend.c). */
#ifndef BMD_RENDER_MAP_LEGEND_H
#define BMD_RENDER_MAP_LEGEND_H

#include "render/map_canvas.h"
#include "render/map_labels.h"
#include "bmd/scene.h"

/* Fill colour (0xRRGGBB) of area i of sc: coverage-probability bands, footprint contours of two
 * or more shots darker, else by the area's kind. */
unsigned bmd_map_area_colour(const bmd_scene *sc, int i);
/* The symbol of a site kind centred at (x, y) px. */
void bmd_map_site_symbol(svg *s, bmd_site_kind kind, double x, double y);
/* Legend entries present in the scene, with the footprints' assumptions; draw 0 only measures.
 * The legend's box goes to *box (zero size when there is no legend). */
void bmd_map_draw_legend(mapctx *m, const bmd_scene *sc, int draw, bmd_label_box *box);
/* The scale bar at the bottom right in the view's scale_units; draw 0 only measures; its box
 * goes to *box. */
void bmd_map_draw_scale_bar(mapctx *m, int draw, bmd_label_box *box);

#endif
