/* SVG to PNG (bmd/raster.h): librsvg draws the SVG onto a white cairo image surface, cairo
 * encodes the PNG into a file written atomically. */
#include "bmd/raster.h"

#include <cairo.h>
#include <librsvg/rsvg.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "bmd/atomic_file.h"

/* cairo's PNG stream callback: append the bytes to the FILE. */
static cairo_status_t png_stream(void *closure, const unsigned char *data, unsigned int length)
{
    FILE *out = closure;
    return fwrite(data, 1, length, out) == length ? CAIRO_STATUS_SUCCESS
                                                  : CAIRO_STATUS_WRITE_ERROR;
}

/* The bmd_atomic_write writer: the surface as PNG. */
static int write_png(FILE *out, void *context, bmd_error *err)
{
    cairo_status_t cs = cairo_surface_write_to_png_stream(context, png_stream, out);
    if (cs == CAIRO_STATUS_WRITE_ERROR)
        return BMD_SUCCESS; /* the stream's error flag tells bmd_atomic_write what happened */
    if (cs != CAIRO_STATUS_SUCCESS)
        return bmd_error_set(err, cs == CAIRO_STATUS_NO_MEMORY ? BMD_ENOMEM : BMD_EIO,
                             "PNG encoding failed: %s", cairo_status_to_string(cs));
    return BMD_SUCCESS;
}

/* The size the SVG asks for, in px; 0 when it has none usable. */
static int svg_size(RsvgHandle *h, double *w, double *h_px)
{
    if (rsvg_handle_get_intrinsic_size_in_pixels(h, w, h_px) && *w > 0 && *h_px > 0 &&
        isfinite(*w) && isfinite(*h_px))
        return 1;
    gboolean has_vb = FALSE, has_w = FALSE, has_h = FALSE;
    RsvgLength lw, lh;
    RsvgRectangle vb;
    rsvg_handle_get_intrinsic_dimensions(h, &has_w, &lw, &has_h, &lh, &has_vb, &vb);
    if (has_vb && vb.width > 0 && vb.height > 0) {
        *w = vb.width;
        *h_px = vb.height;
        return 1;
    }
    return 0;
}

/* Draw the parsed SVG into a new width x height surface over white, in *out. */
static int render(RsvgHandle *h, int width, int height, cairo_surface_t **out, bmd_error *err)
{
    *out = NULL;
    cairo_surface_t *surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, width, height);
    if (cairo_surface_status(surface) != CAIRO_STATUS_SUCCESS) {
        int st = bmd_error_set(err, BMD_ENOMEM, "PNG: no %d x %d px image (%s)", width, height,
                               cairo_status_to_string(cairo_surface_status(surface)));
        cairo_surface_destroy(surface);
        return st;
    }
    cairo_t *cr = cairo_create(surface);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    RsvgRectangle viewport = {0, 0, width, height};
    GError *gerr = NULL;
    int st = BMD_SUCCESS;
    if (!rsvg_handle_render_document(h, cr, &viewport, &gerr) ||
        cairo_status(cr) != CAIRO_STATUS_SUCCESS)
        st = bmd_error_set(err, BMD_EPARSE, "PNG: librsvg could not draw the SVG: %s",
                           gerr ? gerr->message : cairo_status_to_string(cairo_status(cr)));
    if (gerr)
        g_error_free(gerr);
    cairo_destroy(cr);
    if (st) {
        cairo_surface_destroy(surface);
        return st;
    }
    cairo_surface_flush(surface);
    *out = surface;
    return BMD_SUCCESS;
}

/* Render svg and write it as PNG: to path (set NULL), or to file index of set. */
static int svg_png(const char *svg, size_t len, int width_px, const char *path,
                   bmd_output_set *set, int index, bmd_error *err)
{
    if (!svg || !(len ? len : (len = strlen(svg))))
        return bmd_error_set(err, BMD_EINVAL, "PNG: no SVG text to render (NULL or empty)");
    if (!path || !*path)
        return bmd_error_set(err, BMD_EINVAL, "PNG: output path is empty (a file name is "
                             "required)");
    if (width_px != 0 && (width_px < BMD_PNG_MIN_PX || width_px > BMD_PNG_MAX_PX))
        return bmd_error_set(err, BMD_EINVAL, "PNG width %d px is outside [%d, %d] (or 0 for "
                             "the SVG's own width)", width_px, BMD_PNG_MIN_PX, BMD_PNG_MAX_PX);
    GError *gerr = NULL;
    RsvgHandle *h = rsvg_handle_new_from_data((const guint8 *)svg, len, &gerr);
    if (!h) {
        int st = bmd_error_set(err, BMD_EPARSE, "PNG: librsvg cannot read the SVG: %s",
                               gerr ? gerr->message : "unknown error");
        if (gerr)
            g_error_free(gerr);
        return st;
    }
    double w = 0, hh = 0;
    int st = BMD_SUCCESS;
    if (!svg_size(h, &w, &hh))
        st = bmd_error_set(err, BMD_EINVAL, "PNG: the SVG has neither width and height nor a "
                           "viewBox");
    double width = width_px ? width_px : round(w);
    double height = round(width * hh / (w > 0 ? w : 1));
    if (!st && (width < BMD_PNG_MIN_PX || width > BMD_PNG_MAX_PX || height < BMD_PNG_MIN_PX ||
                height > BMD_PNG_MAX_PX))
        st = bmd_error_set(err, BMD_EINVAL, "PNG: %.0f x %.0f px is outside [%d, %d] px in "
                           "width or height", width, height, BMD_PNG_MIN_PX, BMD_PNG_MAX_PX);
    cairo_surface_t *surface = NULL;
    if (!st)
        st = render(h, (int)width, (int)height, &surface, err);
    if (!st)
        st = set ? bmd_output_set_write(set, index, write_png, surface, err)
                 : bmd_atomic_write(path, write_png, surface, err);
    if (surface)
        cairo_surface_destroy(surface);
    g_object_unref(h);
    return st;
}

int bmd_svg_to_png(const char *svg, size_t len, int width_px, const char *path, bmd_error *err)
{
    return svg_png(svg, len, width_px, path, NULL, 0, err);
}

int bmd_svg_to_png_set(const char *svg, int width_px, bmd_output_set *set, int index,
                       bmd_error *err)
{
    const char *path = bmd_output_set_path(set, index);
    if (!path)
        return bmd_error_set(err, BMD_EINVAL, "PNG: no output set or file %d", index);
    return svg_png(svg, 0, width_px, path, set, index, err);
}

int bmd_path_is_png(const char *path)
{
    size_t n = path ? strlen(path) : 0;
    return n >= 4 && strcasecmp(path + n - 4, ".png") == 0;
}

int bmd_svg_write_file(const char *svg, int width_px, const char *path, bmd_error *err)
{
    if (bmd_path_is_png(path))
        return bmd_svg_to_png(svg, 0, width_px, path, err);
    return bmd_atomic_write_string(path, svg, err);
}
