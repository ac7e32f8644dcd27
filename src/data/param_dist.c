/* Distributions of one uncertain value (bmd/param.h): parsing, checking, text, and the inverse
 * cumulative distribution (uniform, truncated normal, discrete). */
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/engagement.h"
#include "bmd/param.h"
#include "data/yaml_walk.h"

double bmd_dist_normal_cdf(double x)
{
    return 0.5 * erfc(-x / sqrt(2.0));
}

/* Acklam's rational approximation of the normal quantile for p in (0, 0.5] (relative error
 * below 1.2e-9; P. J. Acklam, "An algorithm for computing the inverse normal cumulative
 * distribution function", 2003), then one Halley step on Phi(x) - p computed with erfc, which
 * brings it to full double precision. */
static double lower_quantile(double p)
{
    static const double a[6] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                -2.759285104469687e+02, 1.383577518672690e+02,
                                -3.066479806614716e+01, 2.506628277459239e+00};
    static const double b[5] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                -1.556989798598866e+02, 6.680131188771972e+01,
                                -1.328068155288572e+01};
    static const double c[6] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                -2.400758277161838e+00, -2.549732539343734e+00,
                                4.374664141464968e+00, 2.938163982698783e+00};
    static const double d[4] = {7.784695709041462e-03, 3.224671290700398e-01,
                                2.445134137142996e+00, 3.754408661907416e+00};
    double x;
    if (p < 0.02425) {
        double q = sqrt(-2.0 * log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
            ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
    } else {
        double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
    }
    for (int k = 0; k < 2; k++) {
        double e = bmd_dist_normal_cdf(x) - p;
        double u = e * sqrt(2.0 * M_PI) * exp(0.5 * x * x);
        x -= u / (1.0 + 0.5 * x * u);
    }
    return x;
}

double bmd_dist_normal_quantile(double p)
{
    if (!(p > 0.0))
        return -INFINITY;
    if (!(p < 1.0))
        return INFINITY;
    if (p <= 0.5)
        return lower_quantile(p);
    return -lower_quantile(1.0 - p);
}

/* Quantile of the standard normal truncated to [a, b] at u. */
static double truncated_std_quantile(double a, double b, double u)
{
    if (a >= 0.0) /* mirror into the lower tail, where Phi is accurate */
        return -truncated_std_quantile(-b, -a, 1.0 - u);
    double pa = bmd_dist_normal_cdf(a), pb = bmd_dist_normal_cdf(b);
    double z = bmd_dist_normal_quantile(pa + u * (pb - pa));
    return z < a ? a : (z > b ? b : z);
}

double bmd_dist_quantile(const bmd_dist *d, double u)
{
    if (!d)
        return NAN;
    if (!(u >= 0.0))
        u = 0.0;
    if (u >= 1.0)
        u = nextafter(1.0, 0.0);
    switch (d->kind) {
    case BMD_DIST_FIXED:
        return d->nominal;
    case BMD_DIST_UNIFORM: {
        double v = d->low + u * (d->high - d->low);
        return v > d->high ? d->high : v;
    }
    case BMD_DIST_NORMAL: {
        double z = truncated_std_quantile((d->low - d->mean) / d->sd, (d->high - d->mean) / d->sd, u);
        double v = d->mean + d->sd * z;
        return v < d->low ? d->low : (v > d->high ? d->high : v);
    }
    case BMD_DIST_DISCRETE: {
        int i = (int)(u * d->n_values);
        return d->values[i >= d->n_values ? d->n_values - 1 : i];
    }
    }
    return NAN;
}

int bmd_dist_validate(const bmd_dist *d, bmd_error *err)
{
    if (!d)
        return bmd_error_set(err, BMD_EINVAL, "distribution: none given (NULL)");
    switch (d->kind) {
    case BMD_DIST_FIXED:
        if (!isfinite(d->nominal))
            return bmd_error_set(err, BMD_EINVAL, "distribution: fixed value %g must be finite",
                                 d->nominal);
        return BMD_SUCCESS;
    case BMD_DIST_UNIFORM:
        if (!isfinite(d->low) || !isfinite(d->high) || !(d->low <= d->high))
            return bmd_error_set(err, BMD_EINVAL, "distribution: uniform(%g, %g): need finite "
                                 "low <= high", d->low, d->high);
        return BMD_SUCCESS;
    case BMD_DIST_NORMAL:
        if (!isfinite(d->mean) || !(d->sd > 0.0) || !isfinite(d->sd))
            return bmd_error_set(err, BMD_EINVAL, "distribution: normal(%g, %g): need a finite "
                                 "mean and a standard deviation > 0", d->mean, d->sd);
        if (!isfinite(d->low) || !isfinite(d->high) || !(d->low < d->high))
            return bmd_error_set(err, BMD_EINVAL, "distribution: normal(%g, %g, %g, %g): need "
                                 "finite bounds low < high", d->mean, d->sd, d->low, d->high);
        {
            double a = (d->low - d->mean) / d->sd, b = (d->high - d->mean) / d->sd;
            double mass = a >= 0 ? bmd_dist_normal_cdf(-a) - bmd_dist_normal_cdf(-b)
                                 : bmd_dist_normal_cdf(b) - bmd_dist_normal_cdf(a);
            if (!(mass > 1e-12))
                return bmd_error_set(err, BMD_EINVAL, "distribution: normal(%g, %g, %g, %g): the "
                                     "bounds leave no probability (more than 7 SD from the mean)",
                                     d->mean, d->sd, d->low, d->high);
        }
        return BMD_SUCCESS;
    case BMD_DIST_DISCRETE:
        if (d->n_values < 1 || d->n_values > BMD_DIST_MAX_VALUES)
            return bmd_error_set(err, BMD_EINVAL, "distribution: a set needs 1 to %d values (got "
                                 "%d)", BMD_DIST_MAX_VALUES, d->n_values);
        for (int i = 0; i < d->n_values; i++)
            if (!isfinite(d->values[i]))
                return bmd_error_set(err, BMD_EINVAL, "distribution: set value %d is not finite",
                                     i + 1);
        return BMD_SUCCESS;
    }
    return bmd_error_set(err, BMD_EINVAL, "distribution: unknown kind %d", (int)d->kind);
}

/* Split the inside of "NAME(...)" or "{...}" at commas into at most max trimmed tokens. */
static int split(const char *inside, size_t len, char tok[][64], int max)
{
    int n = 0;
    size_t start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && inside[i] != ',')
            continue;
        if (n >= max)
            return max + 1;
        size_t a = start, b = i;
        while (a < b && isspace((unsigned char)inside[a]))
            a++;
        while (b > a && isspace((unsigned char)inside[b - 1]))
            b--;
        if (b - a >= 64)
            return -1;
        memcpy(tok[n], inside + a, b - a);
        tok[n][b - a] = '\0';
        n++;
        start = i + 1;
    }
    return n;
}

/* A number token, or (names 1) a launch-on name. */
static int token_value(const char *tok, int names, double *v)
{
    if (bmd_yw_parse_number(tok, v) == 0 && isfinite(*v))
        return 0;
    bmd_launch_on lo;
    if (names && bmd_launch_on_parse(tok, &lo, NULL) == BMD_SUCCESS) {
        *v = (double)lo;
        return 0;
    }
    return -1;
}

static const char *allowed = "X, LOW:HIGH, uniform(LOW,HIGH), normal(MEAN,SD), "
                             "normal(MEAN,SD,LOW,HIGH) or {A,B,...}";

int bmd_dist_parse(const char *text, bmd_dist *d, bmd_error *err)
{
    bmd_error_clear(err);
    if (!text || !d)
        return bmd_error_set(err, BMD_EINVAL, "distribution: text and output must be given");
    memset(d, 0, sizeof *d);
    char buf[256];
    size_t len = strlen(text);
    while (len && isspace((unsigned char)text[len - 1]))
        len--;
    while (len && isspace((unsigned char)*text))
        text++, len--;
    if (len == 0 || len >= sizeof buf)
        return bmd_error_set(err, BMD_EINVAL, "distribution '%s': %s (expected %s)", text,
                             len ? "too long" : "empty", allowed);
    memcpy(buf, text, len);
    buf[len] = '\0';
    char tok[BMD_DIST_MAX_VALUES + 1][64];
    int n, st;
    if (buf[0] == '{') {
        if (buf[len - 1] != '}')
            return bmd_error_set(err, BMD_EINVAL, "distribution '%s': a set must end with '}' "
                                 "(e.g. {0, 1, 2})", buf);
        n = split(buf + 1, len - 2, tok, BMD_DIST_MAX_VALUES);
        if (n < 0 || n > BMD_DIST_MAX_VALUES || (n == 1 && !tok[0][0]))
            return bmd_error_set(err, BMD_EINVAL, "distribution '%s': a set needs 1 to %d "
                                 "values", buf, BMD_DIST_MAX_VALUES);
        d->kind = BMD_DIST_DISCRETE;
        d->n_values = n;
        for (int i = 0; i < n; i++)
            if (token_value(tok[i], 1, &d->values[i]))
                return bmd_error_set(err, BMD_EINVAL, "distribution '%s': value '%s' is not a "
                                     "number (or ir-track, burnout, radar-track)", buf, tok[i]);
        d->low = d->high = d->nominal = d->values[0];
        for (int i = 1; i < n; i++) {
            d->low = fmin(d->low, d->values[i]);
            d->high = fmax(d->high, d->values[i]);
        }
    } else if (strchr(buf, '(')) {
        char *open = strchr(buf, '(');
        if (buf[len - 1] != ')')
            return bmd_error_set(err, BMD_EINVAL, "distribution '%s': missing ')' (expected %s)",
                                 buf, allowed);
        *open = '\0';
        int is_u = strcmp(buf, "uniform") == 0, is_n = strcmp(buf, "normal") == 0;
        *open = '(';
        if (!is_u && !is_n)
            return bmd_error_set(err, BMD_EINVAL, "distribution '%s': unknown kind '%.*s' "
                                 "(expected %s)", buf, (int)(open - buf), buf, allowed);
        n = split(open + 1, (size_t)(buf + len - 1 - (open + 1)), tok, 4);
        double v[4] = {0, 0, 0, 0};
        for (int i = 0; i >= 0 && i < n && i < 4; i++)
            if (token_value(tok[i], 0, &v[i]))
                return bmd_error_set(err, BMD_EINVAL, "distribution '%s': '%s' is not a number",
                                     buf, tok[i]);
        if (is_u) {
            if (n != 2)
                return bmd_error_set(err, BMD_EINVAL, "distribution '%s': uniform takes 2 numbers "
                                     "(LOW, HIGH)", buf);
            d->kind = BMD_DIST_UNIFORM;
            d->low = v[0];
            d->high = v[1];
        } else {
            if (n != 2 && n != 4)
                return bmd_error_set(err, BMD_EINVAL, "distribution '%s': normal takes 2 numbers "
                                     "(MEAN, SD) or 4 (MEAN, SD, LOW, HIGH)", buf);
            d->kind = BMD_DIST_NORMAL;
            d->mean = v[0];
            d->sd = v[1];
            d->low = n == 4 ? v[2] : v[0] - BMD_DIST_NORMAL_DEFAULT_SDS * v[1];
            d->high = n == 4 ? v[3] : v[0] + BMD_DIST_NORMAL_DEFAULT_SDS * v[1];
            if (n == 4 && !(v[2] < v[3]))
                return bmd_error_set(err, BMD_EINVAL, "distribution '%s': low %g must be below "
                                     "high %g", buf, v[2], v[3]);
        }
    } else if (strchr(buf, ':')) {
        char *colon = strchr(buf, ':');
        *colon = '\0';
        double lo, hi;
        if (bmd_yw_parse_number(buf, &lo) || bmd_yw_parse_number(colon + 1, &hi)) {
            *colon = ':';
            return bmd_error_set(err, BMD_EINVAL, "distribution '%s': LOW:HIGH needs two numbers",
                                 buf);
        }
        *colon = ':';
        d->kind = BMD_DIST_UNIFORM;
        d->low = lo;
        d->high = hi;
    } else {
        double v;
        if (token_value(buf, 1, &v))
            return bmd_error_set(err, BMD_EINVAL, "distribution '%s': not a number (expected %s)",
                                 buf, allowed);
        d->kind = BMD_DIST_FIXED;
        d->nominal = d->low = d->high = d->mean = v;
        return BMD_SUCCESS;
    }
    if (d->kind == BMD_DIST_UNIFORM && !(d->low <= d->high))
        return bmd_error_set(err, BMD_EINVAL, "distribution '%s': low %g is above high %g (need "
                             "LOW <= HIGH)", buf, d->low, d->high);
    bmd_error inner;
    if ((st = bmd_dist_validate(d, &inner)))
        return bmd_error_set(err, st, "distribution '%s': %s", buf,
                             inner.message + strlen("distribution: "));
    if (d->kind == BMD_DIST_UNIFORM)
        d->nominal = d->mean = 0.5 * (d->low + d->high);
    else if (d->kind == BMD_DIST_NORMAL)
        d->nominal = d->mean;
    return BMD_SUCCESS;
}

const char *bmd_dist_text(const bmd_dist *d, char *buf, size_t n)
{
    if (!buf || n == 0)
        return buf;
    buf[0] = '\0';
    if (!d)
        return buf;
    switch (d->kind) {
    case BMD_DIST_FIXED:
        snprintf(buf, n, "%.10g", d->nominal);
        break;
    case BMD_DIST_UNIFORM:
        snprintf(buf, n, "uniform(%.10g, %.10g)", d->low, d->high);
        break;
    case BMD_DIST_NORMAL:
        snprintf(buf, n, "normal(%.10g, %.10g, %.10g, %.10g)", d->mean, d->sd, d->low, d->high);
        break;
    case BMD_DIST_DISCRETE: {
        size_t w = (size_t)snprintf(buf, n, "{");
        for (int i = 0; i < d->n_values && w < n; i++)
            w += (size_t)snprintf(buf + w, n - w, "%s%.10g", i ? ", " : "", d->values[i]);
        if (w < n)
            snprintf(buf + w, n - w, "}");
        break;
    }
    }
    return buf;
}
