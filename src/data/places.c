/* Loading the gazetteer (bmd/places.h) and the matching key of a name. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/units.h"
#include "data/places_internal.h"

/* Largest gazetteer file read (bytes): a safeguard against being handed the wrong file. */
#define PLACES_MAX_BYTES (16L << 20)

/* ASCII base letters of U+00C0..U+00FF and U+0100..U+017F (' ': not a letter). */
static const char fold_latin1[] = "AAAAAAACEEEEIIIIDNOOOOO OUUUUYTsaaaaaaaceeeeiiiidnooooo ouuuuyty";
static const char fold_ext_a[] = "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlL"
                                 "lLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/* Decode one UTF-8 sequence at *s (advancing it); invalid bytes decode as themselves. */
static unsigned decode_utf8(const unsigned char **s)
{
    const unsigned char *p = *s;
    if (p[0] >= 0xC2 && p[0] <= 0xDF && (p[1] & 0xC0) == 0x80) {
        *s += 2;
        return ((unsigned)(p[0] & 0x1F) << 6) | (p[1] & 0x3F);
    }
    if ((p[0] & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
        *s += 3;
        return ((unsigned)(p[0] & 0x0F) << 12) | ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    }
    *s += 1;
    return p[0];
}

char *bmd_place_key(const char *text, char *key, size_t n)
{
    size_t k = 0;
    if (!n)
        return key;
    const unsigned char *s = (const unsigned char *)(text ? text : "");
    while (*s && k + 1 < n) {
        unsigned c = decode_utf8(&s);
        char a = 0;
        if (c < 0x80)
            a = (char)c;
        else if (c >= 0xC0 && c <= 0xFF)
            a = fold_latin1[c - 0xC0];
        else if (c >= 0x100 && c <= 0x17F)
            a = fold_ext_a[c - 0x100];
        if (a >= 'A' && a <= 'Z')
            a = (char)(a - 'A' + 'a');
        if ((a >= 'a' && a <= 'z') || (a >= '0' && a <= '9'))
            key[k++] = a;
    }
    key[k] = '\0';
    return key;
}

char *bmd_place_describe(const bmd_place *p, char *buf, size_t n)
{
    double lat = bmd_rad_to_deg(p->lat_rad), lon = bmd_rad_to_deg(p->lon_rad);
    snprintf(buf, n, "%s%s%.2f %c %.2f %c", p->country[0] ? p->country : "",
             p->country[0] ? ", " : "", fabs(lat), lat < 0 ? 'S' : 'N', fabs(lon),
             lon < 0 ? 'W' : 'E');
    return buf;
}

/* Split line at tabs into at most max fields; returns the number found. */
static int split_tabs(char *line, char **field, int max)
{
    int n = 0;
    field[n++] = line;
    for (char *p = line; *p && n < max; p++)
        if (*p == '\t') {
            *p = '\0';
            field[n++] = p + 1;
        }
    return n;
}

/* A degree value in [-limit, limit] from the whole of text. */
static int parse_deg(const char *text, double limit, double *rad)
{
    char *end = NULL;
    errno = 0;
    double v = strtod(text, &end);
    if (end == text || *end || errno == ERANGE || !(fabs(v) <= limit))
        return -1;
    *rad = bmd_deg_to_rad(v);
    return 0;
}

static int read_all(const char *path, char **text, size_t *len, bmd_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return bmd_error_set(err, BMD_EIO, "cannot read the gazetteer '%s': %s", path,
                             strerror(errno));
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    int st = buf ? BMD_SUCCESS : bmd_error_set(err, BMD_ENOMEM, "out of memory reading %s", path);
    while (!st) {
        if (n + 1 >= cap) {
            char *nb = cap * 2 > (size_t)PLACES_MAX_BYTES + 2 ? NULL : realloc(buf, cap * 2);
            if (!nb) {
                st = cap * 2 > (size_t)PLACES_MAX_BYTES + 2
                         ? bmd_error_set(err, BMD_EPARSE, "%s: larger than %ld MiB: not a "
                                         "gazetteer", path, PLACES_MAX_BYTES >> 20)
                         : bmd_error_set(err, BMD_ENOMEM, "out of memory reading %s", path);
                break;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - 1 - n, f);
        n += got;
        if (got == 0) {
            if (ferror(f))
                st = bmd_error_set(err, BMD_EIO, "error reading the gazetteer '%s'", path);
            break;
        }
    }
    fclose(f);
    if (st) {
        free(buf);
        return st;
    }
    buf[n] = '\0';
    if (memchr(buf, '\0', n)) {
        free(buf);
        return bmd_error_set(err, BMD_EPARSE, "%s: a NUL byte: not a gazetteer text file", path);
    }
    *text = buf;
    *len = n;
    return BMD_SUCCESS;
}

static int parse_place(char *line, const char *path, int line_no, bmd_place *p, bmd_error *err)
{
    char *f[7];
    size_t len = strlen(line);
    if (len && line[len - 1] == '\r')
        line[len - 1] = '\0';
    int nf = split_tabs(line, f, 7);
    if (nf < 7)
        return bmd_error_set(err, BMD_EPARSE, "%s:%d: %d tab-separated fields, expected 7 (name, "
                             "country, lat_deg, lon_deg, kind, aliases, source)", path, line_no, nf);
    if (!f[0][0])
        return bmd_error_set(err, BMD_EPARSE, "%s:%d: empty name", path, line_no);
    if (parse_deg(f[2], 90.0, &p->lat_rad))
        return bmd_error_set(err, BMD_EPARSE, "%s:%d: lat_deg '%s' is not a latitude in [-90, 90] "
                             "degrees", path, line_no, f[2]);
    if (parse_deg(f[3], 180.0, &p->lon_rad))
        return bmd_error_set(err, BMD_EPARSE, "%s:%d: lon_deg '%s' is not a longitude in [-180, "
                             "180] degrees", path, line_no, f[3]);
    p->name = f[0];
    p->country = strcmp(f[1], "-") ? f[1] : "";
    p->kind = f[4];
    p->aliases = strcmp(f[5], "-") ? f[5] : "";
    p->source = f[6];
    return BMD_SUCCESS;
}

int bmd_places_load(const char *path, bmd_places **places, bmd_error *err)
{
    *places = NULL;
    bmd_places *g = calloc(1, sizeof *g);
    if (!g)
        return bmd_error_set(err, BMD_ENOMEM, "out of memory loading %s", path);
    size_t len = 0;
    int st = read_all(path, &g->text, &len, err);
    size_t lines = 1;
    for (size_t i = 0; !st && i < len; i++)
        lines += g->text[i] == '\n';
    if (!st && !(g->places = calloc(lines, sizeof *g->places)))
        st = bmd_error_set(err, BMD_ENOMEM, "out of memory loading %s", path);
    char *line = g->text;
    for (int line_no = 1; !st && line && *line; line_no++) {
        char *nl = strchr(line, '\n');
        if (nl)
            *nl = '\0';
        if (line[0] && line[0] != '#' && strcmp(line, "\r"))
            st = parse_place(line, path, line_no, &g->places[g->n++], err);
        line = nl ? nl + 1 : NULL;
    }
    if (!st && g->n == 0)
        st = bmd_error_set(err, BMD_EPARSE, "%s: no places", path);
    if (st) {
        bmd_places_free(g);
        return st;
    }
    *places = g;
    return BMD_SUCCESS;
}

int bmd_places_load_dir(const char *data_dir, bmd_places **places, bmd_error *err)
{
    char path[4096];
    if (!data_dir || !*data_dir)
        data_dir = ".";
    snprintf(path, sizeof path, "%s/places/places.tsv", data_dir);
    return bmd_places_load(path, places, err);
}

void bmd_places_free(bmd_places *places)
{
    if (!places)
        return;
    free(places->places);
    free(places->text);
    free(places);
}

size_t bmd_places_count(const bmd_places *places)
{
    return places ? places->n : 0;
}

const bmd_place *bmd_places_get(const bmd_places *places, size_t i)
{
    return places && i < places->n ? &places->places[i] : NULL;
}
