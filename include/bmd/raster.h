/* bmd/raster.h — SVG figures and maps (bmd/plot.h, bmd/map.h) as PNG images, rendered by librsvg
 * (LGPL version 2 or later, linked dynamically) onto a cairo image surface and written with
 * cairo's PNG encoder. The image is opaque: the SVG is drawn over a white background, so viewers
 * that show transparency as black or as a checkerboard show the figure as it looks in a browser.
 * Files are written atomically (bmd/atomic_file.h): a failed render or write leaves no file. */
#ifndef BMD_RASTER_H
#define BMD_RASTER_H

#include "bmd/api.h"

#include <stddef.h>

#include "bmd/atomic_file.h"
#include "bmd/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Smallest and largest width and height of a PNG, in pixels. */
#define BMD_PNG_MIN_PX 16
#define BMD_PNG_MAX_PX 8000

/* Render the len bytes of svg (len 0: strlen(svg)) to a PNG file width_px pixels wide (0: the
 * SVG's own width attribute, in px); the height keeps the SVG's aspect ratio, rounded to the
 * nearest pixel. Errors: BMD_EINVAL for NULL or empty text or path, a width outside
 * [BMD_PNG_MIN_PX, BMD_PNG_MAX_PX] (or 0), an SVG without a usable size, or a resulting height
 * outside that range; BMD_EPARSE for text librsvg cannot read (with its message); BMD_ENOMEM;
 * those of bmd_atomic_write. */
BMD_API int bmd_svg_to_png(const char *svg, size_t len, int width_px, const char *path, bmd_error *err);

/* 1 when path names a PNG file (ends in ".png", any case), else 0. */
BMD_API int bmd_path_is_png(const char *path);

/* Write the NUL-terminated SVG text to path: as PNG (bmd_svg_to_png with width_px) when
 * bmd_path_is_png(path), else as the SVG text itself (width_px ignored). Errors: those of
 * bmd_svg_to_png or bmd_atomic_write_string. */
BMD_API int bmd_svg_write_file(const char *svg, int width_px, const char *path, bmd_error *err);

/* As bmd_svg_to_png (len 0), into file index of an output set (bmd/atomic_file.h), renamed into
 * place by bmd_output_set_commit. Errors: as bmd_svg_to_png; BMD_EINVAL for a bad set or index. */
BMD_API int bmd_svg_to_png_set(const char *svg, int width_px, bmd_output_set *set, int index,
                               bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
