/* The report's units (bmd_report_set_units): every distance, altitude, speed and area the page
 * shows goes through the one conversion table of bmd/unit_system.h, the table the command line's
 * tables use. */
#include <math.h>
#include <stdio.h>

#include "report/report_internal.h"

int bmd_report_set_units(bmd_report *report, bmd_unit_system units, bmd_error *err)
{
    if (!report)
        return bmd_error_set(err, BMD_EINVAL, "no report (NULL)");
    if ((unsigned)units > BMD_UNITS_NAUTICAL)
        return bmd_error_set(err, BMD_EINVAL, "unit system %d: not metric (0), imperial (1) or "
                             "nautical (2)", (int)units);
    report->units = units;
    return BMD_SUCCESS;
}

void bmd_rp_qty_num(const bmd_report *r, char *buf, size_t n, double value,
                    const char *metric_unit, int decimals)
{
    double v;
    const char *u;
    int d;
    bmd_unit_convert(r->units, metric_unit, value, decimals, &v, &u, &d);
    bmd_rp_num(buf, n, v, d);
}

void bmd_rp_qty(const bmd_report *r, char *buf, size_t n, double value, const char *metric_unit,
                int decimals)
{
    char num[64];
    bmd_rp_qty_num(r, num, sizeof num, value, metric_unit, decimals);
    if (!isfinite(value))
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%s %s", num, bmd_rp_unit(r, metric_unit));
}

const char *bmd_rp_unit(const bmd_report *r, const char *metric_unit)
{
    double v;
    const char *u;
    int d;
    bmd_unit_convert(r->units, metric_unit, 0, 0, &v, &u, &d);
    return u;
}

void bmd_rp_dist(const bmd_report *r, char *buf, size_t n, double m)
{
    if (r->units == BMD_UNITS_METRIC)
        bmd_rp_km_mi(buf, n, m);
    else
        bmd_rp_qty(r, buf, n, m / 1e3, "km", 0);
}

void bmd_rp_units_note(const bmd_report *r, bmd_strbuf *sb)
{
    bmd_sb_printf(sb, "<p class=\"small units\" data-units=\"%s\">Units: ",
                  bmd_unit_system_name(r->units));
    bmd_rp_textf(sb, "%s (%s). ", bmd_unit_system_name(r->units),
                 bmd_unit_system_description(r->units));
    bmd_sb_puts(sb, "Times are in seconds or minutes, angles in degrees. The parameter tables "
                "keep the catalogue's SI units, and the GeoJSON, KML and CZML files written beside "
                "this page are SI whatever the page shows (the unit is in each key's name).</p>\n");
}
