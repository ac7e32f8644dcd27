/* A tiny SVG canvas (SVG 1.1 subset) writing into a growing buffer. */
#include "io/svg.h"

#include <math.h>
#include <stdio.h>

#define SVG_DECIMALS 2

const char *svg_rgb(unsigned rgb, char buf[8])
{
    snprintf(buf, 8, "#%06x", rgb & 0xffffffu);
    return buf;
}

/* " x,y" with limited decimals. */
static void pair(svg *s, double x, double y)
{
    sb_num(&s->sb, x, SVG_DECIMALS);
    sb_puts(&s->sb, ",");
    sb_num(&s->sb, y, SVG_DECIMALS);
}

/* name="number" attribute with a leading space. */
static void attr(svg *s, const char *name, double v)
{
    sb_printf(&s->sb, " %s=\"", name);
    sb_num(&s->sb, v, SVG_DECIMALS);
    sb_puts(&s->sb, "\"");
}

/* " style-attributes" when given. */
static void style(svg *s, const char *st)
{
    if (st && *st) {
        sb_puts(&s->sb, " ");
        sb_puts(&s->sb, st);
    }
}

void svg_begin(svg *s, double width, double height, const char *title)
{
    *s = (svg){0};
    s->width = width;
    s->height = height;
    sb_puts(&s->sb, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
    attr(s, "width", width);
    attr(s, "height", height);
    sb_puts(&s->sb, " viewBox=\"0 0 ");
    pair(s, width, height);
    sb_puts(&s->sb, "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n<title>");
    sb_xml(&s->sb, title ? title : "bmdsim");
    sb_puts(&s->sb, "</title>\n");
}

int svg_finish(svg *s, char **out, bmd_error *err)
{
    sb_puts(&s->sb, "</svg>\n");
    return sb_finish(&s->sb, out, err);
}

void svg_discard(svg *s) { sb_free(&s->sb); }

void svg_group_open(svg *s, const char *attrs)
{
    sb_puts(&s->sb, "<g");
    style(s, attrs);
    sb_puts(&s->sb, ">\n");
}

void svg_group_close(svg *s) { sb_puts(&s->sb, "</g>\n"); }

void svg_clip_rect(svg *s, const char *id, double x, double y, double w, double h)
{
    sb_printf(&s->sb, "<defs><clipPath id=\"%s\"><rect", id);
    attr(s, "x", x);
    attr(s, "y", y);
    attr(s, "width", w);
    attr(s, "height", h);
    sb_puts(&s->sb, "/></clipPath></defs>\n");
}

void svg_rect(svg *s, double x, double y, double w, double h, const char *st)
{
    sb_puts(&s->sb, "<rect");
    attr(s, "x", x);
    attr(s, "y", y);
    attr(s, "width", w);
    attr(s, "height", h);
    style(s, st);
    sb_puts(&s->sb, "/>\n");
}

void svg_circle(svg *s, double cx, double cy, double r, const char *st)
{
    sb_puts(&s->sb, "<circle");
    attr(s, "cx", cx);
    attr(s, "cy", cy);
    attr(s, "r", r);
    style(s, st);
    sb_puts(&s->sb, "/>\n");
}

void svg_line(svg *s, double x1, double y1, double x2, double y2, const char *st)
{
    sb_puts(&s->sb, "<line");
    attr(s, "x1", x1);
    attr(s, "y1", y1);
    attr(s, "x2", x2);
    attr(s, "y2", y2);
    style(s, st);
    sb_puts(&s->sb, "/>\n");
}

/* <polyline> or <polygon> with a points attribute. */
static void poly(svg *s, const char *tag, const double *x, const double *y, int n, const char *st)
{
    if (n < 2)
        return;
    sb_printf(&s->sb, "<%s points=\"", tag);
    for (int i = 0; i < n; i++) {
        if (i)
            sb_puts(&s->sb, " ");
        pair(s, x[i], y[i]);
    }
    sb_puts(&s->sb, "\"");
    style(s, st);
    sb_puts(&s->sb, "/>\n");
}

void svg_polyline(svg *s, const double *x, const double *y, int n, const char *st)
{
    poly(s, "polyline", x, y, n, st);
}

void svg_polygon(svg *s, const double *x, const double *y, int n, const char *st)
{
    poly(s, "polygon", x, y, n, st);
}

void svg_path_open(svg *s)
{
    sb_puts(&s->sb, "<path d=\"");
    s->in_path = 1;
}

void svg_path_move(svg *s, double x, double y)
{
    sb_puts(&s->sb, "M");
    pair(s, x, y);
}

void svg_path_line(svg *s, double x, double y)
{
    sb_puts(&s->sb, "L");
    pair(s, x, y);
}

void svg_path_z(svg *s) { sb_puts(&s->sb, "Z"); }

void svg_path_end(svg *s, const char *st)
{
    sb_puts(&s->sb, "\"");
    style(s, st);
    sb_puts(&s->sb, "/>\n");
    s->in_path = 0;
}

void svg_text(svg *s, double x, double y, const char *anchor, double size_px, const char *extra,
              const char *text)
{
    sb_puts(&s->sb, "<text");
    attr(s, "x", x);
    attr(s, "y", y);
    attr(s, "font-size", size_px);
    sb_printf(&s->sb, " text-anchor=\"%s\"", anchor ? anchor : "start");
    style(s, extra);
    sb_puts(&s->sb, ">");
    sb_xml(&s->sb, text);
    sb_puts(&s->sb, "</text>\n");
}

double svg_nice_step(double span, int target)
{
    if (!(span > 0) || !isfinite(span) || target < 1)
        return 1;
    double raw = span / target, p = pow(10, floor(log10(raw))), f = raw / p;
    double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
    return nice * p;
}
