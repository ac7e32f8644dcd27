/* ISO 8601 times of the time-stamped exports (bmd/czml.h): proleptic Gregorian calendar, UTC,
 * no leap seconds (as CZML and KML readers count). Civil-from-days after H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms". */
#include "bmd/czml.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

/* Days since 1970-01-01 of y-m-d. */
static long days_from_civil(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, long *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

int bmd_time_format_iso8601(double unix_s, char *buf, size_t n, bmd_error *err)
{
    /* 0001-01-01 and 10000-01-01 */
    if (!isfinite(unix_s) || unix_s < -62135596800.0 || unix_s >= 253402300800.0)
        return bmd_error_set(err, BMD_EINVAL, "time %g s after 1970 is outside the years "
                             "1 to 9999", unix_s);
    if (n < 32)
        return bmd_error_set(err, BMD_EINVAL, "time buffer of %zu bytes: at least 32 needed", n);
    double ms_total = round(unix_s * 1000.0);
    double days = floor(ms_total / 86400000.0);
    long ms_of_day = (long)(ms_total - days * 86400000.0);
    long y;
    int m, d;
    civil_from_days((long)days, &y, &m, &d);
    long s = ms_of_day / 1000, ms = ms_of_day % 1000;
    if (ms)
        snprintf(buf, n, "%04ld-%02d-%02dT%02ld:%02ld:%02ld.%03ldZ", y, m, d, s / 3600,
                 s / 60 % 60, s % 60, ms);
    else
        snprintf(buf, n, "%04ld-%02d-%02dT%02ld:%02ld:%02ldZ", y, m, d, s / 3600, s / 60 % 60,
                 s % 60);
    return BMD_SUCCESS;
}

/* n digits at *p as a number (advancing *p), or -1. */
static long digits(const char **p, int n)
{
    long v = 0;
    for (int i = 0; i < n; i++, (*p)++) {
        if (!isdigit((unsigned char)**p))
            return -1;
        v = v * 10 + (**p - '0');
    }
    return v;
}

int bmd_time_parse_iso8601(const char *text, double *unix_s, bmd_error *err)
{
    static const char form[] = "YYYY-MM-DDThh:mm:ss[.fff]Z (or +hh:mm / -hh:mm), or YYYY-MM-DD";
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const char *p = text ? text : "";
    long y = digits(&p, 4), mo = -1, d = -1, h = 0, mi = 0, s = 0;
    double frac = 0, offset_s = 0;
    if (y >= 0 && *p++ == '-' && (mo = digits(&p, 2)) >= 0 && *p++ == '-')
        d = digits(&p, 2);
    int ok = y >= 1 && mo >= 1 && mo <= 12 && d >= 1 && d <= mdays[mo - 1];
    if (ok && mo == 2 && d == 29)
        ok = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (ok && *p) {
        ok = (*p == 'T' || *p == 't') && (p++, (h = digits(&p, 2)) >= 0 && h <= 23) &&
             *p++ == ':' && (mi = digits(&p, 2)) >= 0 && mi <= 59 && *p++ == ':' &&
             (s = digits(&p, 2)) >= 0 && s <= 59;
        if (ok && *p == '.') {
            double scale = 0.1;
            int any = 0;
            for (p++; isdigit((unsigned char)*p); p++, scale /= 10, any = 1)
                frac += (*p - '0') * scale;
            ok = any;
        }
        if (ok && (*p == 'Z' || *p == 'z') && p[1] == '\0') {
            p++;
        } else if (ok && (*p == '+' || *p == '-')) {
            int sign = *p++ == '-' ? -1 : 1;
            long oh = digits(&p, 2), om = -1;
            if (oh >= 0 && *p++ == ':')
                om = digits(&p, 2);
            ok = oh >= 0 && oh <= 23 && om >= 0 && om <= 59 && *p == '\0';
            offset_s = sign * (oh * 3600.0 + om * 60.0);
        } else {
            ok = 0;
        }
    }
    if (!ok)
        return bmd_error_set(err, BMD_EINVAL, "time '%s' is not an ISO 8601 UTC time: expected %s",
                             text ? text : "(null)", form);
    *unix_s = days_from_civil(y, (int)mo, (int)d) * 86400.0 + h * 3600.0 + mi * 60.0 + s + frac -
              offset_s;
    return BMD_SUCCESS;
}
