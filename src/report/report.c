/* The HTML report (bmd/report.h): the document, its style, the question, the assumptions and the
 * colophon; the other sections are in report_*.c. */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/atomic_file.h"
#include "bmd/version.h"
#include "report/report_internal.h"

/* Inline style: readable on paper and screen, no external fonts. */
static const char css[] =
    "body{font-family:Georgia,'DejaVu Serif',serif;max-width:62em;margin:2em auto;padding:0 1em;"
    "color:#1b1b1b;line-height:1.5;background:#fff}"
    "h1{font-size:1.9em;line-height:1.2;margin-bottom:.2em}"
    "h2{font-size:1.35em;border-bottom:2px solid #ddd;padding-bottom:.2em;margin-top:2em}"
    "h3{font-size:1.1em;margin-top:1.5em}"
    ".sub{color:#555;margin-top:0}"
    ".question{font-size:1.15em;border-left:4px solid #1f77b4;padding:.3em 1em;background:#f4f8fb}"
    ".finding{margin:.6em 0}"
    ".yes{color:#1a7f37;font-weight:bold}.no{color:#b42318;font-weight:bold}"
    "table{border-collapse:collapse;margin:1em 0;font-family:'DejaVu Sans',Helvetica,Arial,"
    "sans-serif;font-size:.82em;width:100%}"
    "th,td{border:1px solid #ccc;padding:.25em .45em;text-align:left;vertical-align:top}"
    "th{background:#f0f0f0}td.n{text-align:right;white-space:nowrap}"
    "tr.notional td.flag{color:#9a6700;font-weight:bold}"
    "figure{margin:1.2em 0}figure svg{max-width:100%;height:auto;display:block}"
    "figcaption{font-size:.9em;color:#444}"
    "code,pre{font-family:'DejaVu Sans Mono',monospace;font-size:.9em;background:#f6f6f6}"
    "pre{padding:.6em;white-space:pre-wrap;word-break:break-all}"
    ".small{font-size:.85em;color:#444}";

void bmd_rp_text(bmd_strbuf *sb, const char *text)
{
    bmd_sb_xml(sb, text ? text : "");
}

void bmd_rp_textf(bmd_strbuf *sb, const char *fmt, ...)
{
    char buf[2048];
    va_list ap;
    va_start(ap, fmt);
    int len = vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    /* a longer text (e.g. a caption listing many uncertain parameters) is formatted again into
       a buffer of its size rather than cut off; without memory the cut text is kept */
    char *big = len >= (int)sizeof buf ? malloc((size_t)len + 1) : NULL;
    if (big) {
        va_start(ap, fmt);
        vsnprintf(big, (size_t)len + 1, fmt, ap);
        va_end(ap);
    }
    bmd_sb_xml(sb, big ? big : buf);
    free(big);
}

void bmd_rp_num(char *buf, size_t n, double v, int decimals)
{
    if (!isfinite(v)) {
        snprintf(buf, n, "-");
        return;
    }
    char raw[64];
    snprintf(raw, sizeof raw, "%.*f", decimals, fabs(v));
    const char *dot = strchr(raw, '.');
    size_t int_len = dot ? (size_t)(dot - raw) : strlen(raw), k = 0;
    char out[96];
    if (v < 0 && strspn(raw, "0.") != strlen(raw))
        out[k++] = '-';
    for (size_t i = 0; i < int_len; i++) {
        out[k++] = raw[i];
        if ((int_len - i - 1) % 3 == 0 && i + 1 < int_len)
            out[k++] = ',';
    }
    snprintf(out + k, sizeof out - k, "%s", dot ? dot : "");
    snprintf(buf, n, "%s", out);
}

void bmd_rp_km_mi(char *buf, size_t n, double m)
{
    if (!isfinite(m)) {
        snprintf(buf, n, "-");
        return;
    }
    char km[48], mi[48];
    bmd_rp_num(km, sizeof km, m / 1e3, 0);
    bmd_rp_num(mi, sizeof mi, m / 1609.344, 0);
    snprintf(buf, n, "%s km (%s mi)", km, mi);
}

const bmd_analysis_pair *bmd_rp_remote_pair(const bmd_report *r, const bmd_analysis_pair *p)
{
    return r->remote ? bmd_analysis_pair_at(r->remote, p->threat, p->site) : NULL;
}

void bmd_rp_interceptor_label(const bmd_report *r, int si, char *buf, size_t n)
{
    const bmd_catalog_interceptor *e = &r->an->scn->sites[si].interceptor_entry;
    char v[48];
    bmd_rp_qty(r, v, sizeof v, e->interceptor.burnout_speed_m_s / 1e3, "km/s", 1);
    snprintf(buf, n, "%s (burnout speed %s)", e->full_name[0] ? e->full_name :
             e->interceptor.name, v);
}

/* Append svg to sb with every id="X" renamed X-N and every reference url(#X) or href="#X" to
 * it likewise, so that several inline figures (which use the same clip ids) stay unique. */
void bmd_rp_svg(bmd_strbuf *sb, const char *svg, int n)
{
    const char *p = svg;
    while (*p) {
        const char *hit = NULL, *name = NULL;
        static const char *const marks[] = {" id=\"", "url(#", "href=\"#"};
        for (int k = 0; k < 3; k++) {
            const char *h = strstr(p, marks[k]);
            if (h && (!hit || h < hit)) {
                hit = h;
                name = h + strlen(marks[k]);
            }
        }
        if (!hit) {
            bmd_sb_puts(sb, p);
            return;
        }
        size_t len = strcspn(name, "\")\"");
        bmd_sb_printf(sb, "%.*s%.*s-f%d", (int)(name - p), p, (int)len, name, n);
        p = name + len;
    }
}

/* Free one map section. */
static void free_map(report_map *m)
{
    free(m->heading);
    free(m->caption);
    free(m->svg);
}

int bmd_report_begin(bmd_report **report, const bmd_analysis *an, const bmd_analysis *remote,
                     const bmd_report_options *opt, bmd_error *err)
{
    if (!report)
        return bmd_error_set(err, BMD_EINVAL, "no report to fill (NULL)");
    *report = NULL;
    if (!an || !an->scn || !an->pairs)
        return bmd_error_set(err, BMD_EINVAL, "the report needs a completed analysis");
    if (remote && (remote->scn != an->scn || !remote->pairs))
        return bmd_error_set(err, BMD_EINVAL, "the engage-on-remote analysis must be of the same "
                             "scenario and completed");
    bmd_report *r = calloc(1, sizeof *r);
    if (!r)
        return bmd_error_set(err, BMD_ENOMEM, "out of memory for the report");
    r->an = an;
    r->remote = remote;
    if (opt)
        r->opt = *opt;
    *report = r;
    return BMD_SUCCESS;
}

/* A copy of text, or NULL (sets *ok to 0 when out of memory). */
static char *dup_text(const char *text, int *ok)
{
    if (!text)
        return NULL;
    size_t n = strlen(text) + 1;
    char *c = malloc(n);
    if (c)
        memcpy(c, text, n);
    else
        *ok = 0;
    return c;
}

int bmd_report_add_map(bmd_report *report, const char *heading, const char *caption,
                       const bmd_scene *scene, bmd_error *err)
{
    if (!report || !heading || !heading[0] || !scene)
        return bmd_error_set(err, BMD_EINVAL, "a map section needs a report, a heading and a "
                             "scene");
    if (report->n_maps >= REPORT_MAX_MAPS)
        return bmd_error_set(err, BMD_EINVAL, "at most %d map sections", REPORT_MAX_MAPS);
    bmd_map_view view;
    bmd_map_view_init(&view);
    view.scale_units = report->units;
    view.title = heading;
    int st = bmd_map_view_fit(&view, scene, err);
    char *svg = NULL;
    if (!st)
        st = bmd_map_svg(&view, report->opt.world, scene, &svg, err);
    if (st)
        return st;
    int ok = 1;
    report_map *m = &report->maps[report->n_maps];
    *m = (report_map){dup_text(heading, &ok), dup_text(caption ? caption : "", &ok), svg};
    if (!ok) {
        free_map(m);
        return bmd_error_set(err, BMD_ENOMEM, "out of memory for the map section");
    }
    report->n_maps++;
    return BMD_SUCCESS;
}

/* Whether any threat of the scenario is an ICBM (the European debate is about those). */
static int has_icbm(const bmd_scenario *scn)
{
    for (int i = 0; i < scn->n_threats; i++)
        if (scn->threats[i].entry && strcmp(scn->threats[i].entry->class_name, "ICBM") == 0)
            return 1;
    return 0;
}

/* Title, the question and what physics can answer. */
static void question(const bmd_report *r, bmd_strbuf *sb)
{
    const bmd_scenario *scn = r->an->scn;
    bmd_sb_puts(sb, "<h1>");
    bmd_rp_text(sb, scn->title);
    bmd_sb_puts(sb, "</h1>\n<p class=\"sub\">A kinematic analysis made with ");
    bmd_rp_text(sb, r->opt.generated_by);
    bmd_sb_puts(sb, " (open-source; every number below can be reproduced with the command at the "
                "end).</p>\n");
    bmd_rp_units_note(r, sb);
    bmd_sb_puts(sb, "<h2>The question</h2>\n");
    if (scn->question[0]) {
        bmd_sb_puts(sb, "<p class=\"question\">");
        bmd_rp_text(sb, scn->question);
        bmd_sb_puts(sb, "</p>\n");
    }
    if (has_icbm(scn))
        bmd_sb_puts(sb, "<p>Russia and its partners in the Collective Security Treaty Organization "
                    "have called the US and NATO missile-defence deployments near their western "
                    "borders a threat to their security; the United States and NATO say the "
                    "system is aimed at medium-range missiles from the Middle East. Part of that "
                    "argument is physics that anyone can check: can the interceptors deployed "
                    "reach the missiles in question at all, and if not, how fast would they have "
                    "to be?</p>\n");
    bmd_sb_puts(sb, "<p>This report answers that part only. It flies each missile on a computed "
                "trajectory, asks when the defence's sensors would see it, and tests, second by "
                "second, whether an interceptor launched after the detection and decision delays "
                "could be at the same place at the same time. It says nothing about whether an "
                "intercept would succeed: telling warheads from decoys, countermeasures and "
                "reliability are outside it (see <a href=\"#limits\">Assumptions and "
                "limits</a>).</p>\n");
}

/* Assumptions and limits. */
static void limits(const bmd_report *r, bmd_strbuf *sb)
{
    const bmd_scenario *scn = r->an->scn;
    const bmd_scenario_timeline *tl = &scn->timeline;
    bmd_sb_puts(sb, "<h2 id=\"limits\">Assumptions and limits</h2>\n<ul>\n");
    bmd_sb_puts(sb, "<li><b>Kinematics only.</b> An intercept is counted as possible when an "
                "interceptor could be at the threat's position at the same time, within its "
                "altitude limits, flight time and minimum closing speed. There is no model of "
                "discrimination (telling the warhead from decoys and debris), countermeasures, "
                "homing errors, reliability or kill probability.</li>\n");
    char v_step[48], v_lo[48], v_hi[48];
    bmd_rp_qty(r, v_step, sizeof v_step, 0.01, "km/s", 2);
    bmd_rp_qty(r, v_lo, sizeof v_lo, 0.5, "km/s", 1);
    bmd_rp_qty(r, v_hi, sizeof v_hi, 11, "km/s", r->units != BMD_UNITS_METRIC);
    bmd_sb_puts(sb, "<li><b>Interceptors</b> follow the notional model of the open literature: "
                "the catalogue burnout speed is reached after the burn time along a straight "
                "line, then the kill vehicle coasts under gravity. Flyout times come from one "
                "precomputed table per interceptor type (exact at one reference site and "
                "heading; within about 1% elsewhere). ");
    bmd_rp_textf(sb, "Required speeds keep the burn time and limits and search the burnout speed "
                 "(to %s) between %s and %s.", v_step, v_lo, v_hi);
    bmd_sb_puts(sb, "</li>\n");
    bmd_sb_puts(sb, "<li><b>Missiles</b> are point masses flown from launch to impact with thrust, "
                "drag (US Standard Atmosphere 1976) and gravity with the J2 term on a rotating "
                "WGS84 ellipsoid, aimed at their targets with the trajectory shape named in the "
                "scenario (minimum energy unless stated). One warhead per threat; decoys are not "
                "modelled.</li>\n");
    bmd_sb_puts(sb, "<li><b>Sensors.</b> Radars see the warhead within a detection range scaled "
                "from a reference cross-section by the radar equation (range proportional to the "
                "fourth root of the cross-section), above a minimum elevation, inside their "
                "field of view and above the Earth's horizon. Space-based infrared sensors "
                "report a burning missile above the cloud tops after a delay and do not see "
                "cold objects.</li>\n");
    bmd_sb_printf(sb, "<li><b>Timeline</b> (notional round numbers unless a source is given): "
                  "%.0f s from first detection to a firm track, %.0f s to the decision, "
                  "%.0f s to launch, %.0f s to assess a kill before the next shot "
                  "(shoot-look-shoot). Sites may change these in the scenario.</li>\n",
              tl->detect_to_track_s, tl->track_to_decision_s, tl->decision_to_launch_s,
              tl->kill_assessment_s);
    bmd_sb_puts(sb, "<li><b>Fire control.</b> As modelled, the site's own radar must see the "
                "threat at the intercept. ");
    if (r->remote)
        bmd_sb_puts(sb, "The second set of results (&#8220;engage on remote&#8221;) drops that "
                    "requirement: any cueing sensor's track may guide the interceptor. That is "
                    "the kinematic reach the public debate is about.");
    bmd_sb_puts(sb, "</li>\n<li><b>Notional values.</b> Many parameters are not published; the "
                "tables below flag every value that is reconstructed or assumed, and give the "
                "range over which sources disagree. Positions of launchers, ships and targets "
                "are notional to the extent stated in the scenario.</li>\n</ul>\n");
    for (int i = 0; i < scn->n_notes; i++) {
        if (i == 0)
            bmd_sb_puts(sb, "<h3>Notes of the scenario</h3>\n<ul>\n");
        bmd_sb_puts(sb, "<li>");
        bmd_rp_text(sb, scn->notes[i]);
        bmd_sb_puts(sb, "</li>\n");
        if (i == scn->n_notes - 1)
            bmd_sb_puts(sb, "</ul>\n");
    }
}

/* The command and version. */
static void colophon(const bmd_report *r, bmd_strbuf *sb)
{
    bmd_sb_puts(sb, "<h2>How this report was made</h2>\n<p>Produced by ");
    bmd_rp_text(sb, r->opt.generated_by);
    bmd_sb_puts(sb, " from the scenario file <code>");
    bmd_rp_text(sb, r->an->scn->path);
    bmd_sb_puts(sb, "</code> with the command:</p>\n<pre>");
    bmd_rp_text(sb, r->opt.command_line ? r->opt.command_line : "(not given)");
    bmd_sb_puts(sb, "</pre>\n<p class=\"small\">The same numbers, one line per threat and site, come "
                "from <code>bmdsim engage SCENARIO.yaml</code> (add <code>--no-fcr-coverage</code> "
                "for engage on remote; <code>--json</code> for every field). The map data are "
                "Natural Earth 1:110m (public domain). The GeoJSON and KML files written beside "
                "this report open in QGIS and Google Earth.</p>\n");
}

/* The extra map sections. */
static void extra_maps(const bmd_report *r, bmd_strbuf *sb)
{
    for (int i = 0; i < r->n_maps; i++) {
        bmd_sb_puts(sb, "<h2>");
        bmd_rp_text(sb, r->maps[i].heading);
        bmd_sb_puts(sb, "</h2>\n<figure>\n");
        bmd_rp_svg(sb, r->maps[i].svg, 100 + i);
        bmd_sb_puts(sb, "<figcaption>");
        bmd_rp_text(sb, r->maps[i].caption);
        bmd_sb_puts(sb, "</figcaption>\n</figure>\n");
    }
}

int bmd_report_html(const bmd_report *r, char **html, bmd_error *err)
{
    if (!r || !html)
        return bmd_error_set(err, BMD_EINVAL, "no report or output (NULL)");
    bmd_report rr = *r;
    char gen[64];
    if (!rr.opt.generated_by) {
        snprintf(gen, sizeof gen, "bmdsim %s", bmd_version());
        rr.opt.generated_by = gen;
    }
    bmd_strbuf sb = {0};
    bmd_sb_puts(&sb, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
                 "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                 "<meta name=\"generator\" content=\"");
    bmd_rp_text(&sb, rr.opt.generated_by);
    bmd_sb_puts(&sb, "\"/>\n<title>");
    bmd_rp_text(&sb, rr.an->scn->title);
    bmd_sb_printf(&sb, "</title>\n<style>%s</style>\n</head>\n<body>\n", css);
    question(&rr, &sb);
    bmd_rp_summary(&rr, &sb);
    bmd_sb_puts(&sb, "<h2>The scenario</h2>\n");
    int st = bmd_rp_scenario_map(&rr, &sb, err);
    if (!st)
        st = bmd_rp_interactive_map(&rr, &sb, err);
    if (!st) {
        bmd_rp_scenario_tables(&rr, &sb);
        bmd_rp_findings(&rr, &sb);
        bmd_rp_settings_table(&rr, &sb);
        bmd_sb_puts(&sb, "<h2>Engagements</h2>\n");
        bmd_rp_engagement_table(&rr, rr.an, &sb);
        if (rr.remote)
            bmd_rp_engagement_table(&rr, rr.remote, &sb);
        st = bmd_rp_threat_figures(&rr, &sb, err);
    }
    if (!st)
        st = bmd_rp_footprints(&rr, &sb, err);
    if (!st)
        st = bmd_rp_robustness(&rr, &sb, err);
    if (st) {
        bmd_sb_free(&sb);
        return st;
    }
    extra_maps(&rr, &sb);
    bmd_rp_parameter_tables(&rr, &sb);
    limits(&rr, &sb);
    colophon(&rr, &sb);
    bmd_sb_puts(&sb, "</body>\n</html>\n");
    return bmd_sb_finish(&sb, html, err);
}

int bmd_report_write(const bmd_report *report, const char *path, bmd_error *err)
{
    char *html = NULL;
    int st = bmd_report_html(report, &html, err);
    if (!st)
        st = bmd_atomic_write_string(path, html, err);
    free(html);
    return st;
}

void bmd_report_free(bmd_report *report)
{
    if (!report)
        return;
    for (int i = 0; i < report->n_maps; i++)
        free_map(&report->maps[i]);
    free(report);
}
