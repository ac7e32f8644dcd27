/* Loading the Natural Earth land and border polylines (data/map/ne_110m.txt). */
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render/map_internal.h"

/* At most this many points in a map data file (Natural Earth 1:110m has about 10^4; 1:10m about
 * 10^7): keeps the int indices and the allocation bounded. */
#define BMD_WORLD_MAX_POINTS 50000000
/* ... and at most this many bytes (an endless or binary file is refused, not read forever). */
#define BMD_WORLD_MAX_BYTES (1 << 30)

void bmd_world_free(bmd_world *world)
{
    if (!world)
        return;
    free(world->lines);
    free(world->lat_rad);
    free(world->lon_rad);
    free(world);
}

void bmd_world_counts(const bmd_world *world, int *n_land_rings, int *n_borders)
{
    int land = 0, borders = 0;
    for (int i = 0; world && i < world->n_lines; i++) {
        if (world->lines[i].kind == 'B')
            borders++;
        else
            land++;
    }
    if (n_land_rings)
        *n_land_rings = land;
    if (n_borders)
        *n_borders = borders;
}

/* Append n points of a line; returns 0 on ENOMEM. */
static int add_points(bmd_world *w, int n)
{
    if (w->n_points + n > w->cap_points) {
        int c = w->cap_points ? w->cap_points : 16384;
        while (c < w->n_points + n)
            c *= 2;
        double *la = realloc(w->lat_rad, (size_t)c * sizeof *la);
        if (!la)
            return 0;
        w->lat_rad = la;
        double *lo = realloc(w->lon_rad, (size_t)c * sizeof *lo);
        if (!lo)
            return 0;
        w->lon_rad = lo;
        w->cap_points = c;
    }
    return 1;
}

/* Parse one data line "KIND N X0 Y0 DX DY ..." into w. Returns 0 or a status. */
static int parse_line(bmd_world *w, char *text, const char *path, int line_no, bmd_error *err)
{
    char kind = text[0];
    if (kind != 'L' && kind != 'H' && kind != 'B')
        return bmd_error_set(err, BMD_EPARSE, "%s:%d: line kind '%c' is not L, H or B", path,
                             line_no, kind);
    char *p = text + 1, *end;
    long n = strtol(p, &end, 10);
    if (end == p || n < 2 || n > 1000000)
        return bmd_error_set(err, BMD_EPARSE, "%s:%d: point count is missing or outside [2, 1e6]",
                             path, line_no);
    if (w->n_points > BMD_WORLD_MAX_POINTS - n)
        return bmd_error_set(err, BMD_EPARSE, "%s:%d: more than %d points in the file", path,
                             line_no, BMD_WORLD_MAX_POINTS);
    if (w->n_lines == w->cap_lines) {
        int c = w->cap_lines ? 2 * w->cap_lines : 512;
        world_line *nl = realloc(w->lines, (size_t)c * sizeof *nl);
        if (!nl)
            return bmd_error_set(err, BMD_ENOMEM, "out of memory loading %s", path);
        w->lines = nl;
        w->cap_lines = c;
    }
    if (!add_points(w, (int)n))
        return bmd_error_set(err, BMD_ENOMEM, "out of memory loading %s", path);
    long x = 0, y = 0;
    p = end;
    for (long i = 0; i < n; i++) {
        long dx = strtol(p, &end, 10);
        if (end == p)
            return bmd_error_set(err, BMD_EPARSE, "%s:%d: %ld points announced, %ld found", path,
                                 line_no, n, i);
        p = end;
        long dy = strtol(p, &end, 10);
        if (end == p)
            return bmd_error_set(err, BMD_EPARSE, "%s:%d: point %ld has no latitude", path,
                                 line_no, i);
        p = end;
        /* a step is at most the whole globe (1e-4 degree units); checked before the sums so
         * that a step near +-2^63 cannot overflow them */
        if (labs(dx) > 3600000 || labs(dy) > 1800000 || dx == LONG_MIN || dy == LONG_MIN)
            return bmd_error_set(err, BMD_EPARSE, "%s:%d: point %ld: step (%ld, %ld) is larger "
                                 "than the globe (at most 3600000 and 1800000, in 1e-4 degrees)",
                                 path, line_no, i, dx, dy);
        x += dx;
        y += dy;
        if (labs(x) > 1800000 || labs(y) > 900000)
            return bmd_error_set(err, BMD_EPARSE, "%s:%d: point %ld (%g, %g deg) is off the globe",
                                 path, line_no, i, x * 1e-4, y * 1e-4);
        w->lon_rad[w->n_points + i] = x * 1e-4 * M_PI / 180;
        w->lat_rad[w->n_points + i] = y * 1e-4 * M_PI / 180;
    }
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
    if (*p)
        return bmd_error_set(err, BMD_EPARSE, "%s:%d: more numbers than the %ld points announced",
                             path, line_no, n);
    w->lines[w->n_lines++] = (world_line){kind, w->n_points, (int)n};
    w->n_points += (int)n;
    return BMD_SUCCESS;
}

int bmd_world_load(const char *path, bmd_world **world, bmd_error *err)
{
    *world = NULL;
    FILE *f = fopen(path, "r");
    if (!f)
        return bmd_error_set(err, BMD_EIO, "cannot read map data '%s': %s", path, strerror(errno));
    bmd_world *w = calloc(1, sizeof *w);
    size_t cap = 1 << 16;
    char *buf = malloc(cap);
    int st = w && buf ? BMD_SUCCESS : bmd_error_set(err, BMD_ENOMEM, "out of memory loading %s", path);
    int line_no = 0;
    long total = 0;
    while (!st) {
        /* read one whole line, however long */
        size_t len = 0;
        int c = 0;
        while ((c = fgetc(f)) != EOF && c != '\n') {
            if (c == '\0') {
                st = bmd_error_set(err, BMD_EPARSE, "%s:%d: a NUL byte: not a map data text file",
                                   path, line_no + 1);
                break;
            }
            if (++total > BMD_WORLD_MAX_BYTES) {
                st = bmd_error_set(err, BMD_EPARSE, "%s: larger than %d MiB: not a map data file",
                                   path, BMD_WORLD_MAX_BYTES >> 20);
                break;
            }
            if (len + 2 > cap) {
                char *nb = realloc(buf, cap * 2);
                if (!nb) {
                    st = bmd_error_set(err, BMD_ENOMEM, "out of memory loading %s", path);
                    break;
                }
                buf = nb;
                cap *= 2;
            }
            buf[len++] = (char)c;
        }
        if (st || (c == EOF && len == 0))
            break;
        buf[len] = '\0';
        line_no++;
        if (len == 0 || buf[0] == '#')
            continue;
        st = parse_line(w, buf, path, line_no, err);
    }
    if (!st && ferror(f))
        st = bmd_error_set(err, BMD_EIO, "error reading map data '%s'", path);
    if (!st && w->n_lines == 0)
        st = bmd_error_set(err, BMD_EPARSE, "%s: no map lines", path);
    fclose(f);
    free(buf);
    if (st) {
        bmd_world_free(w);
        return st;
    }
    *world = w;
    return BMD_SUCCESS;
}

int bmd_world_load_dir(const char *data_dir, bmd_world **world, bmd_error *err)
{
    char path[4096];
    if (!data_dir || !*data_dir)
        data_dir = ".";
    snprintf(path, sizeof path, "%s/map/ne_110m.txt", data_dir);
    return bmd_world_load(path, world, err);
}
