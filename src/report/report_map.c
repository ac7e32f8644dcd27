/* The report's interactive map (bmd/report.h, bmd_report_set_leaflet): Leaflet's JavaScript and
 * CSS inlined, our own vector layers as GeoJSON in the page (Natural Earth land and borders, the
 * scenario's sites, radar coverage, tracks and areas, one layer per footprint and mode), a layer
 * control and a popup per object with its GeoJSON properties. No tile server, nothing fetched:
 * url() references of the CSS (Leaflet's icon images) are dropped, markers are vector circles.
 * Without Leaflet the section says why and the static SVG maps above remain. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/geojson.h"
#include "report/report_internal.h"

int bmd_report_set_leaflet(bmd_report *report, const char *js, const char *css,
                           const char *why_absent, bmd_error *err)
{
    if (!report)
        return bmd_error_set(err, BMD_EINVAL, "no report (NULL)");
    if ((js == NULL) != (css == NULL))
        return bmd_error_set(err, BMD_EINVAL, "Leaflet needs both its JavaScript and its CSS "
                             "(one of them is NULL)");
    report->leaflet_js = js;
    report->leaflet_css = css;
    report->leaflet_why = why_absent;
    return BMD_SUCCESS;
}

/* Text for a <script> or <style> element: "</" written as "<\/" (JSON and JavaScript strings
 * read it the same; it cannot end the element). */
static void raw_text(bmd_strbuf *sb, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        const char *hit = NULL;
        for (size_t j = i; j + 1 < n; j++)
            if (s[j] == '<' && s[j + 1] == '/') {
                hit = s + j;
                break;
            }
        size_t len = hit ? (size_t)(hit - (s + i)) : n - i;
        bmd_sb_printf(sb, "%.*s", (int)len, s + i);
        if (!hit)
            return;
        bmd_sb_puts(sb, "<\\/");
        i += len + 2;
    }
}

/* Leaflet's CSS with every url(...) that is not a data: URL replaced by none (its images are
 * not shipped: markers are vector circles and the layer control is always open). */
static void css_offline(bmd_strbuf *sb, const char *css)
{
    const char *p = css;
    for (;;) {
        const char *u = strstr(p, "url(");
        if (!u) {
            raw_text(sb, p, strlen(p));
            return;
        }
        raw_text(sb, p, (size_t)(u - p));
        const char *q = u + 4;
        while (*q == ' ' || *q == '"' || *q == '\'')
            q++;
        const char *end = strchr(u, ')');
        if (!end) {
            bmd_sb_puts(sb, "none");
            return;
        }
        if (strncmp(q, "data:", 5) == 0)
            raw_text(sb, u, (size_t)(end + 1 - u));
        else
            bmd_sb_puts(sb, "none");
        p = end + 1;
    }
}

/* Leaflet's JavaScript without its source-map comment (a file the page would not have). */
static void js_offline(bmd_strbuf *sb, const char *js)
{
    const char *m = strstr(js, "\n//# sourceMappingURL=");
    raw_text(sb, js, m ? (size_t)(m - js) : strlen(js));
}

/* One [lon,lat] pair in degrees (3 decimals: about 100 m, finer than the 1:110m data). */
static void lonlat(bmd_strbuf *sb, double lat_rad, double lon_rad)
{
    bmd_sb_printf(sb, "[%.3f,%.3f]", lon_rad * 180.0 / M_PI, lat_rad * 180.0 / M_PI);
}

/* The world as {"land": MultiPolygon, "borders": MultiLineString} (GeoJSON geometries). */
static int world_json(const bmd_world *w, bmd_strbuf *sb, bmd_error *err)
{
    int n = bmd_world_n_lines(w);
    for (int pass = 0; pass < 2; pass++) {
        bmd_sb_puts(sb, pass ? ",\"borders\":{\"type\":\"MultiLineString\",\"coordinates\":["
                             : "{\"land\":{\"type\":\"MultiPolygon\",\"coordinates\":[");
        int first = 1, open = 0;
        for (int i = 0; i < n; i++) {
            char kind;
            int np;
            const double *lat, *lon;
            int st = bmd_world_line(w, i, &kind, &np, &lat, &lon, err);
            if (st)
                return st;
            if (np < 2 || (pass == 1) != (kind == 'B') || (kind == 'H' && !open))
                continue;
            if (pass == 0 && kind == 'L') {
                bmd_sb_puts(sb, open ? "]],[[" : (first ? "[[" : ",[["));
                open = 1;
            } else {
                bmd_sb_puts(sb, first && pass ? "[" : (pass ? ",[" : "],["));
            }
            first = 0;
            for (int k = 0; k < np; k++) {
                if (k)
                    bmd_sb_puts(sb, ",");
                lonlat(sb, lat[k], lon[k]);
            }
            if (pass)
                bmd_sb_puts(sb, "]");
        }
        bmd_sb_puts(sb, pass ? "]}" : (open ? "]]]}" : "]}"));
    }
    bmd_sb_puts(sb, "}");
    return BMD_SUCCESS;
}

/* Append the GeoJSON of a scene. */
static int scene_json(const bmd_scene *sc, bmd_strbuf *sb, bmd_error *err)
{
    char *json = NULL;
    int st = bmd_geojson_string(sc, &json, err);
    if (!st)
        bmd_sb_puts(sb, json);
    free(json);
    return st;
}

/* The footprint layers: [{"name", "mode", "geojson"}, ...], one per map and computed mode. */
static int footprints_json(const bmd_report *r, bmd_strbuf *sb, bmd_error *err)
{
    bmd_sb_puts(sb, "[");
    int first = 1;
    for (int i = 0; r->fps && i < r->fps->n; i++) {
        const bmd_analysis_footprint *m = &r->fps->maps[i];
        for (int v = 0; v < 2; v++) {
            if (!m->cells[v])
                continue;
            bmd_scene sc;
            bmd_scene_init(&sc, &r->an->scn->earth);
            int st = bmd_analysis_footprint_scene(r->fps, i, v ? BMD_ANALYSIS_FP_REMOTE :
                                                  BMD_ANALYSIS_FP_OWN, &sc, err);
            char name[300], mode[96];
            bmd_analysis_footprint_mode_text(r->fps, v, mode, sizeof mode);
            if (m->mode == BMD_FOOTPRINT_LAUNCH_AREA)
                snprintf(name, sizeof name, "Footprint: launch area %.60s aimed at %.60s",
                         m->grid_name, m->centre);
            else
                snprintf(name, sizeof name, "Footprint: defended area from %.60s over %.60s",
                         m->centre, m->grid_name);
            if (!st) {
                bmd_sb_puts(sb, first ? "{\"name\":" : ",{\"name\":");
                bmd_sb_json_string(sb, name);
                bmd_sb_puts(sb, ",\"mode\":");
                bmd_sb_json_string(sb, mode);
                bmd_sb_puts(sb, ",\"geojson\":");
                st = scene_json(&sc, sb, err);
                bmd_sb_puts(sb, "}");
                first = 0;
            }
            bmd_scene_free(&sc);
            if (st)
                return st;
        }
    }
    bmd_sb_puts(sb, "]");
    return BMD_SUCCESS;
}

/* The popups' unit conversions, ,"units":{"system":NAME,"keys":[[SUFFIX, FACTOR, UNIT], ...]}
 * from the one table (bmd/unit_system.h); no keys in metric (the GeoJSON's own SI keys). The
 * longer suffixes come first: the glue takes the first that ends a key. */
static void units_json(const bmd_report *r, bmd_strbuf *sb)
{
    static const char *const keys[][2] = {
        {"_km_s", "km/s"}, {"_m_s", "m/s"}, {"_km2", "km²"}, {"_km", "km"}, {"_m", "m"}};
    bmd_sb_printf(sb, ",\"units\":{\"system\":\"%s\",\"keys\":[",
                  bmd_unit_system_name(r->units));
    for (size_t i = 0; r->units != BMD_UNITS_METRIC && i < sizeof keys / sizeof *keys; i++) {
        double f;
        const char *u;
        int d;
        bmd_unit_convert(r->units, keys[i][1], 1.0, 0, &f, &u, &d);
        bmd_sb_printf(sb, "%s[\"%s\",%.17g,\"%s\"]", i ? "," : "", keys[i][0], f, u);
    }
    bmd_sb_puts(sb, "]}");
}

int bmd_rp_interactive_map(const bmd_report *r, bmd_strbuf *sb, bmd_error *err)
{
    bmd_sb_puts(sb, "<h3 id=\"interactive-map\">Interactive map</h3>\n");
    if (!r->leaflet_js || !r->leaflet_css) {
        bmd_sb_puts(sb, "<p class=\"small\" id=\"no-interactive-map\">No interactive map in this "
                    "copy of the report: ");
        bmd_rp_text(sb, r->leaflet_why && r->leaflet_why[0] ? r->leaflet_why :
                    "Leaflet was not given to the report writer");
        bmd_sb_puts(sb, ". The static maps above show the same sites, coverage and tracks (and "
                    "print better).</p>\n");
        return BMD_SUCCESS;
    }
    bmd_sb_puts(sb, "<p class=\"small\">Pan and zoom; the control at the top right shows or hides "
                "each layer; hover over an object for its name, click it for its numbers and "
                "sources. Everything is drawn from this file (Natural Earth 1:110m outlines, no "
                "map tiles, nothing fetched from the network).</p>\n<style>");
    css_offline(sb, r->leaflet_css);
    bmd_sb_puts(sb, "#bmd-map .leaflet-control-layers{max-width:24em;font:12px/1.3 'DejaVu Sans',"
                "Helvetica,Arial,sans-serif}#bmd-map table.bmd-pop{font-size:11px;margin:.3em 0;"
                "width:auto}#bmd-map table.bmd-pop th{background:none}</style>\n<div id=\"bmd-map\" style=\"height:560px;border:1px solid #ccc;"
                "background:#dfeaf2\"></div>\n<script type=\"application/json\" "
                "id=\"bmd-map-data\">");
    bmd_strbuf data = {0};
    bmd_sb_puts(&data, "{\"world\":");
    int st = world_json(r->opt.world, &data, err);
    bmd_scene sc;
    bmd_scene_init(&sc, &r->an->scn->earth);
    if (!st) {
        bmd_sb_puts(&data, ",\"scenario\":");
        st = bmd_analysis_scene(r->an, 0, &sc, err);
    }
    if (!st)
        st = scene_json(&sc, &data, err);
    bmd_scene_free(&sc);
    if (!st) {
        bmd_sb_puts(&data, ",\"footprints\":");
        st = footprints_json(r, &data, err);
    }
    if (!st)
        units_json(r, &data);
    bmd_sb_puts(&data, "}");
    if (!st) {
        char *text = NULL;
        st = bmd_sb_finish(&data, &text, err);
        if (!st)
            raw_text(sb, text, strlen(text));
        free(text);
    } else {
        bmd_sb_free(&data);
    }
    if (st)
        return st;
    bmd_sb_puts(sb, "</script>\n<script>");
    js_offline(sb, r->leaflet_js);
    bmd_sb_puts(sb, "</script>\n<script>");
    bmd_sb_puts(sb, bmd_rp_map_glue_js);
    bmd_sb_puts(sb, bmd_rp_map_glue2_js);
    bmd_sb_puts(sb, "</script>\n");
    return BMD_SUCCESS;
}
