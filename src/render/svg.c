/* A tiny SVG canvas (SVG 1.1 subset) writing into a growing buffer. */
#include "render/svg.h"

#include <math.h>
#include <stdio.h>

#define SVG_DECIMALS 2

const char *bmd_svg_rgb(unsigned rgb, char buf[8])
{
    snprintf(buf, 8, "#%06x", rgb & 0xffffffu);
    return buf;
}

/* " x,y" with limited decimals. */
static void pair(svg *s, double x, double y)
{
    bmd_sb_num(&s->sb, x, SVG_DECIMALS);
    bmd_sb_puts(&s->sb, ",");
    bmd_sb_num(&s->sb, y, SVG_DECIMALS);
}

/* name="number" attribute with a leading space. */
static void attr(svg *s, const char *name, double v)
{
    bmd_sb_printf(&s->sb, " %s=\"", name);
    bmd_sb_num(&s->sb, v, SVG_DECIMALS);
    bmd_sb_puts(&s->sb, "\"");
}

/* " style-attributes" when given. */
static void style(svg *s, const char *st)
{
    if (st && *st) {
        bmd_sb_puts(&s->sb, " ");
        bmd_sb_puts(&s->sb, st);
    }
}

void bmd_svg_begin(svg *s, double width, double height, const char *title)
{
    *s = (svg){0};
    s->width = width;
    s->height = height;
    bmd_sb_puts(&s->sb, "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\"");
    attr(s, "width", width);
    attr(s, "height", height);
    bmd_sb_puts(&s->sb, " viewBox=\"0 0 ");
    pair(s, width, height);
    bmd_sb_puts(&s->sb, "\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\">\n<title>");
    bmd_sb_xml(&s->sb, title ? title : "bmdsim");
    bmd_sb_puts(&s->sb, "</title>\n");
}

int bmd_svg_finish(svg *s, char **out, bmd_error *err)
{
    bmd_sb_puts(&s->sb, "</svg>\n");
    return bmd_sb_finish(&s->sb, out, err);
}

void bmd_svg_discard(svg *s) { bmd_sb_free(&s->sb); }

void bmd_svg_group_open(svg *s, const char *attrs)
{
    bmd_sb_puts(&s->sb, "<g");
    style(s, attrs);
    bmd_sb_puts(&s->sb, ">\n");
}

void bmd_svg_group_close(svg *s) { bmd_sb_puts(&s->sb, "</g>\n"); }

void bmd_svg_comment(svg *s, const char *text)
{
    bmd_sb_puts(&s->sb, "<!-- ");
    for (const char *p = text; *p; p++)
        bmd_sb_puts(&s->sb, p[0] == '-' && p[1] == '-' ? "- " : (char[2]){*p, 0});
    bmd_sb_puts(&s->sb, " -->\n");
}

void bmd_svg_clip_rect(svg *s, const char *id, double x, double y, double w, double h)
{
    bmd_sb_printf(&s->sb, "<defs><clipPath id=\"%s\"><rect", id);
    attr(s, "x", x);
    attr(s, "y", y);
    attr(s, "width", w);
    attr(s, "height", h);
    bmd_sb_puts(&s->sb, "/></clipPath></defs>\n");
}

void bmd_svg_rect(svg *s, double x, double y, double w, double h, const char *st)
{
    bmd_sb_puts(&s->sb, "<rect");
    attr(s, "x", x);
    attr(s, "y", y);
    attr(s, "width", w);
    attr(s, "height", h);
    style(s, st);
    bmd_sb_puts(&s->sb, "/>\n");
}

void bmd_svg_circle(svg *s, double cx, double cy, double r, const char *st)
{
    bmd_sb_puts(&s->sb, "<circle");
    attr(s, "cx", cx);
    attr(s, "cy", cy);
    attr(s, "r", r);
    style(s, st);
    bmd_sb_puts(&s->sb, "/>\n");
}

void bmd_svg_line(svg *s, double x1, double y1, double x2, double y2, const char *st)
{
    bmd_sb_puts(&s->sb, "<line");
    attr(s, "x1", x1);
    attr(s, "y1", y1);
    attr(s, "x2", x2);
    attr(s, "y2", y2);
    style(s, st);
    bmd_sb_puts(&s->sb, "/>\n");
}

/* <polyline> or <polygon> with a points attribute. */
static void poly(svg *s, const char *tag, const double *x, const double *y, int n, const char *st)
{
    if (n < 2)
        return;
    bmd_sb_printf(&s->sb, "<%s points=\"", tag);
    for (int i = 0; i < n; i++) {
        if (i)
            bmd_sb_puts(&s->sb, " ");
        pair(s, x[i], y[i]);
    }
    bmd_sb_puts(&s->sb, "\"");
    style(s, st);
    bmd_sb_puts(&s->sb, "/>\n");
}

void bmd_svg_polyline(svg *s, const double *x, const double *y, int n, const char *st)
{
    poly(s, "polyline", x, y, n, st);
}

void bmd_svg_polygon(svg *s, const double *x, const double *y, int n, const char *st)
{
    poly(s, "polygon", x, y, n, st);
}

void bmd_svg_path_open(svg *s)
{
    bmd_sb_puts(&s->sb, "<path d=\"");
    s->in_path = 1;
}

void bmd_svg_path_move(svg *s, double x, double y)
{
    bmd_sb_puts(&s->sb, "M");
    pair(s, x, y);
}

void bmd_svg_path_line(svg *s, double x, double y)
{
    bmd_sb_puts(&s->sb, "L");
    pair(s, x, y);
}

void bmd_svg_path_z(svg *s) { bmd_sb_puts(&s->sb, "Z"); }

void bmd_svg_path_end(svg *s, const char *st)
{
    bmd_sb_puts(&s->sb, "\"");
    style(s, st);
    bmd_sb_puts(&s->sb, "/>\n");
    s->in_path = 0;
}

void bmd_svg_text(svg *s, double x, double y, const char *anchor, double size_px, const char *extra,
              const char *text)
{
    bmd_sb_puts(&s->sb, "<text");
    attr(s, "x", x);
    attr(s, "y", y);
    attr(s, "font-size", size_px);
    bmd_sb_printf(&s->sb, " text-anchor=\"%s\"", anchor ? anchor : "start");
    style(s, extra);
    bmd_sb_puts(&s->sb, ">");
    bmd_sb_xml(&s->sb, text);
    bmd_sb_puts(&s->sb, "</text>\n");
}

double bmd_svg_nice_step(double span, int target)
{
    if (!(span > 0) || !isfinite(span) || target < 1)
        return 1;
    double raw = span / target, p = pow(10, floor(log10(raw))), f = raw / p;
    double nice = f < 1.5 ? 1 : f < 3.5 ? 2 : f < 7.5 ? 5 : 10;
    return nice * p;
}
