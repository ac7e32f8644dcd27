/* A growing text buffer with escaping, for the exporters. */
#include "core/strbuf.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Make room for extra more bytes plus the terminating NUL. */
static int reserve(bmd_strbuf *sb, size_t extra)
{
    if (sb->failed)
        return 0;
    if (sb->len + extra + 1 <= sb->cap)
        return 1;
    size_t cap = sb->cap ? sb->cap : 4096;
    while (cap < sb->len + extra + 1)
        cap *= 2;
    char *p = realloc(sb->data, cap);
    if (!p) {
        sb->failed = 1;
        return 0;
    }
    sb->data = p;
    sb->cap = cap;
    return 1;
}

void bmd_sb_printf(bmd_strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0 || !reserve(sb, (size_t)n))
        return;
    va_start(ap, fmt);
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    sb->len += (size_t)n;
}

void bmd_sb_puts(bmd_strbuf *sb, const char *text)
{
    size_t n = strlen(text);
    if (!reserve(sb, n))
        return;
    memcpy(sb->data + sb->len, text, n + 1);
    sb->len += n;
}

void bmd_sb_num(bmd_strbuf *sb, double value, int decimals)
{
    if (!isfinite(value)) {
        bmd_sb_puts(sb, "null");
        return;
    }
    char buf[64];
    if (decimals < 0)
        decimals = 0;
    if (decimals > 12)
        decimals = 12;
    snprintf(buf, sizeof buf, "%.*f", decimals, value);
    char *dot = strchr(buf, '.');
    if (dot) {
        char *end = buf + strlen(buf) - 1;
        while (end > dot && *end == '0')
            *end-- = '\0';
        if (end == dot)
            *end = '\0';
    }
    if (strcmp(buf, "-0") == 0)
        strcpy(buf, "0");
    bmd_sb_puts(sb, buf);
}

size_t bmd_utf8_sequence(const unsigned char *p)
{
    const unsigned c = p[0];
    size_t n;
    unsigned min, cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        n = 2, min = 0x80, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        n = 3, min = 0x800, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        n = 4, min = 0x10000, cp = c & 0x07;
    else
        return 0;
    for (size_t i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0; /* also stops at the terminating NUL */
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0; /* overlong, beyond Unicode, or a UTF-16 surrogate */
    return n;
}

long bmd_utf8_invalid_at(const char *text)
{
    const unsigned char *p = (const unsigned char *)text;
    for (size_t i = 0; p[i];) {
        size_t n = bmd_utf8_sequence(p + i);
        if (!n)
            return (long)i;
        i += n;
    }
    return -1;
}

/* Append the UTF-8 character at *p (n bytes from bmd_utf8_sequence), or U+FFFD for an invalid
 * byte (n == 0, one byte consumed); returns the bytes consumed. */
static size_t put_utf8(bmd_strbuf *sb, const unsigned char *p, size_t n)
{
    if (!n) {
        bmd_sb_puts(sb, "\xEF\xBF\xBD");
        return 1;
    }
    bmd_sb_printf(sb, "%.*s", (int)n, (const char *)p);
    return n;
}

void bmd_sb_json_string(bmd_strbuf *sb, const char *text)
{
    if (!text) {
        bmd_sb_puts(sb, "null");
        return;
    }
    bmd_sb_puts(sb, "\"");
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p >= 0x80) {
            p += put_utf8(sb, p, bmd_utf8_sequence(p)) - 1;
            continue;
        }
        switch (*p) {
        case '"': bmd_sb_puts(sb, "\\\""); break;
        case '\\': bmd_sb_puts(sb, "\\\\"); break;
        case '\n': bmd_sb_puts(sb, "\\n"); break;
        case '\r': bmd_sb_puts(sb, "\\r"); break;
        case '\t': bmd_sb_puts(sb, "\\t"); break;
        default:
            if (*p < 0x20)
                bmd_sb_printf(sb, "\\u%04x", *p);
            else
                bmd_sb_printf(sb, "%c", *p);
        }
    }
    bmd_sb_puts(sb, "\"");
}

void bmd_sb_xml(bmd_strbuf *sb, const char *text)
{
    if (!text)
        return;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        if (*p >= 0x80) {
            p += put_utf8(sb, p, bmd_utf8_sequence(p)) - 1;
            continue;
        }
        switch (*p) {
        case '&': bmd_sb_puts(sb, "&amp;"); break;
        case '<': bmd_sb_puts(sb, "&lt;"); break;
        case '>': bmd_sb_puts(sb, "&gt;"); break;
        case '"': bmd_sb_puts(sb, "&quot;"); break;
        case '\'': bmd_sb_puts(sb, "&apos;"); break;
        default:
            if (*p >= 0x20 || *p == '\t' || *p == '\n' || *p == '\r')
                bmd_sb_printf(sb, "%c", *p);
        }
    }
}

int bmd_sb_finish(bmd_strbuf *sb, char **out, bmd_error *err)
{
    if (!sb->failed && !sb->data)
        reserve(sb, 0);
    if (sb->failed) {
        bmd_sb_free(sb);
        *out = NULL;
        return bmd_error_set(err, BMD_ENOMEM, "out of memory building the output text");
    }
    sb->data[sb->len] = '\0';
    *out = sb->data;
    sb->data = NULL;
    sb->len = sb->cap = 0;
    return BMD_SUCCESS;
}

void bmd_sb_free(bmd_strbuf *sb)
{
    free(sb->data);
    sb->data = NULL;
    sb->len = sb->cap = 0;
}
