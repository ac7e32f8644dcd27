/* src/core/strbuf.h — a growing text buffer for the writers (GeoJSON, KML, SVG): printf-style
 * appends, numbers with limited decimals, JSON and XML escaping. An allocation failure is sticky:
 * later appends do nothing and bmd_sb_finish reports it. Internal to the io layer. */
#ifndef BMD_IO_STRBUF_H
#define BMD_IO_STRBUF_H

#include <stddef.h>

#include "bmd/error.h"

typedef struct bmd_strbuf {
    char *data;
    size_t len, cap;
    int failed;
} bmd_strbuf;

void bmd_sb_printf(bmd_strbuf *sb, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
void bmd_sb_puts(bmd_strbuf *sb, const char *text);
/* A number with at most decimals digits after the point, trailing zeros removed ("12.5", "-3",
 * never "-0"); non-finite values are written as null (JSON) — callers avoid them. */
void bmd_sb_num(bmd_strbuf *sb, double value, int decimals);
/* Length of the valid UTF-8 character starting at p (1 to 4), or 0 when the bytes there are not
 * one (a stray continuation byte, an overlong form, a surrogate, beyond U+10FFFF, or cut off). */
size_t bmd_utf8_sequence(const unsigned char *p);
/* Byte offset of the first invalid UTF-8 byte of text, or -1 when text is valid UTF-8. */
long bmd_utf8_invalid_at(const char *text);
/* text as a JSON string, quotes included (control characters as \u escapes; bytes that are not
 * UTF-8 as U+FFFD). NULL -> null. */
void bmd_sb_json_string(bmd_strbuf *sb, const char *text);
/* text with &, <, >, " and ' replaced by entities; control characters other than tab, newline
 * and carriage return (not allowed in XML 1.0) dropped; bytes that are not UTF-8 replaced by U+FFFD
 * (so that a name read as Latin-1 never makes the SVG, KML or HTML malformed). */
void bmd_sb_xml(bmd_strbuf *sb, const char *text);
/* Hand the text to the caller (*out, to free) or report ENOMEM; frees the buffer on failure. */
int bmd_sb_finish(bmd_strbuf *sb, char **out, bmd_error *err);
void bmd_sb_free(bmd_strbuf *sb);

#endif
