/* Footprint inputs from scenarios (bmd/footprint_input.h): the grids of cells (a scenario's grid
 * or area, a box, a points file). The defence sites: footprint_defense.c. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/footprint_input.h"
#include "bmd/units.h"
#include "core/strbuf.h"

/* Limits of a points file (--grid FILE): an endless or binary file is refused, not read forever. */
#define BMD_POINTS_MAX_BYTES (256L << 20)
#define BMD_POINTS_MAX_LINE 65536

#define DEG BMD_DEG_PER_RAD

/* Allocate the grid's arrays for n cells. */
static int grid_alloc(bmd_footprint_grid *g, long n, bmd_error *err)
{
    g->lat_rad = calloc((size_t)n, sizeof(double));
    g->lon_rad = calloc((size_t)n, sizeof(double));
    g->point_names = calloc((size_t)n, sizeof *g->point_names);
    if (!g->lat_rad || !g->lon_rad || !g->point_names) {
        bmd_footprint_grid_free(g);
        return bmd_error_set(err, BMD_ENOMEM, "grid: out of memory for %ld cells", n);
    }
    g->n_cells = n;
    return BMD_SUCCESS;
}

/* Box nodes (optional) and points into a grid. */
static int grid_fill(const bmd_earth *earth, const char *name, const bmd_scenario_box *b,
                     const bmd_scenario_point *pts, int n_pts, long max_cells,
                     bmd_footprint_grid *g, bmd_error *err)
{
    memset(g, 0, sizeof *g);
    snprintf(g->name, sizeof g->name, "%s", name);
    int st;
    if (b) {
        if ((st = bmd_footprint_box_make(earth, b->south_rad, b->north_rad, b->west_rad,
                                         b->east_rad, b->step_rad, b->step_m, max_cells, &g->box,
                                         err)))
            return st;
        g->has_box = 1;
        g->n_box = (long)g->box.n_lat * g->box.n_lon;
    }
    const long cap = max_cells > 0 ? max_cells : BMD_FOOTPRINT_DEFAULT_MAX_CELLS;
    if (g->n_box + n_pts > cap)
        return bmd_error_set(err, BMD_EINVAL, "grid: %ld cells is above the cap of %ld cells",
                             g->n_box + n_pts, cap);
    if (g->n_box + n_pts < 1)
        return bmd_error_set(err, BMD_EINVAL, "grid '%s' has no cells", name);
    if ((st = grid_alloc(g, g->n_box + n_pts, err)))
        return st;
    for (long k = 0; k < g->n_box; k++)
        bmd_footprint_box_node(&g->box, k, &g->lat_rad[k], &g->lon_rad[k]);
    for (int p = 0; p < n_pts; p++) {
        g->lat_rad[g->n_box + p] = pts[p].lat_rad;
        g->lon_rad[g->n_box + p] = pts[p].lon_rad;
        snprintf(g->point_names[g->n_box + p], BMD_NAME_MAX, "%s", pts[p].name);
    }
    return BMD_SUCCESS;
}

int bmd_footprint_grid_from_area(const bmd_earth *earth, const bmd_scenario_area *a,
                                 long max_cells, bmd_footprint_grid *g, bmd_error *err)
{
    return grid_fill(earth, a->name, a->has_box ? &a->box : NULL, a->points, a->n_points,
                     max_cells, g, err);
}

/* Parse "S,N,W,E,STEP[km|deg]"; returns 1 when spec has that form (then *st is the status). */
static int parse_box(const bmd_earth *earth, const char *spec, long max_cells,
                     bmd_footprint_grid *g, int *st, bmd_error *err)
{
    double v[5];
    const char *p = spec;
    char *end;
    for (int i = 0; i < 5; i++) {
        errno = 0;
        v[i] = strtod(p, &end);
        if (end == p || errno)
            return 0;
        p = end;
        while (isspace((unsigned char)*p))
            p++;
        if (i < 4) {
            if (*p != ',')
                return 0;
            p++;
        }
    }
    double step_rad = 0, step_m = 0;
    if (!strcmp(p, "km"))
        step_m = v[4] * 1e3;
    else if (!*p || !strcmp(p, "deg"))
        step_rad = v[4] / DEG;
    else
        return 0;
    if (!(v[4] > 0)) {
        *st = bmd_error_set(err, BMD_EINVAL, "grid '%s': the step %g must be positive", spec,
                            v[4]);
        return 1;
    }
    bmd_scenario_box b = {v[0] / DEG, v[1] / DEG, v[2] / DEG, v[3] / DEG, step_rad, step_m};
    *st = grid_fill(earth, "box", &b, NULL, 0, max_cells, g, err);
    if (*st) {
        char msg[BMD_ERROR_MESSAGE_SIZE];
        memcpy(msg, err ? err->message : "", err ? sizeof msg : 1);
        if (err)
            bmd_error_set(err, *st, "grid '%s': %.400s", spec, msg);
    }
    return 1;
}

/* Read one line of f into *buf (grown as needed, NUL-terminated, without the newline). Returns
 * 1 for a line, 0 at the end of the file, or minus a status (with err set) for a NUL byte, a line
 * longer than BMD_POINTS_MAX_LINE or a file longer than BMD_POINTS_MAX_BYTES (*total counts the
 * bytes read so far). */
static int read_line(FILE *f, const char *path, long lineno, char **buf, size_t *cap,
                     long *total, bmd_error *err)
{
    size_t len = 0;
    int c = EOF;
    while ((c = getc(f)) != EOF && c != '\n') {
        if (c == '\0')
            return -bmd_error_set(err, BMD_EINVAL, "grid file %s line %ld: a NUL byte (a binary "
                                 "file, not LAT,LON[,NAME] text lines)", path, lineno);
        if (++*total > BMD_POINTS_MAX_BYTES)
            return -bmd_error_set(err, BMD_EINVAL, "grid file %s: longer than %ld bytes (the "
                                 "limit of a points file)", path, (long)BMD_POINTS_MAX_BYTES);
        if (len + 1 >= BMD_POINTS_MAX_LINE)
            return -bmd_error_set(err, BMD_EINVAL, "grid file %s line %ld: longer than %d bytes "
                                 "(expected LAT,LON[,NAME])", path, lineno, BMD_POINTS_MAX_LINE);
        if (len + 2 > *cap) {
            size_t n = *cap ? 2 * *cap : 256;
            char *b = realloc(*buf, n);
            if (!b)
                return -bmd_error_set(err, BMD_ENOMEM, "grid file %s: out of memory", path);
            *buf = b;
            *cap = n;
        }
        (*buf)[len++] = (char)c;
    }
    if (c == EOF && len == 0)
        return 0;
    ++*total;
    if (!*buf && !(*buf = malloc(*cap = 1)))
        return -bmd_error_set(err, BMD_ENOMEM, "grid file %s: out of memory", path);
    (*buf)[len] = '\0';
    return 1;
}

/* The NAME of a points-file line (text after the second comma; surrounding blanks and a \r
 * removed) into name: at most BMD_NAME_MAX - 1 bytes of UTF-8 without control characters. */
static int point_name(const char *text, const char *path, long lineno, char *name, bmd_error *err)
{
    while (*text == ' ' || *text == '\t')
        text++;
    size_t len = strlen(text);
    while (len && (text[len - 1] == '\r' || text[len - 1] == ' ' || text[len - 1] == '\t'))
        len--;
    if (len >= BMD_NAME_MAX)
        return bmd_error_set(err, BMD_EINVAL, "grid file %s line %ld: the name is %zu bytes long; "
                             "at most %d allowed", path, lineno, len, BMD_NAME_MAX - 1);
    memcpy(name, text, len);
    name[len] = '\0';
    for (size_t i = 0; i < len; i++)
        if ((unsigned char)name[i] < 0x20 || name[i] == 0x7f)
            return bmd_error_set(err, BMD_EINVAL, "grid file %s line %ld: the name holds a "
                                 "control character (byte %zu)", path, lineno, i + 1);
    long bad = bmd_utf8_invalid_at(name);
    if (bad >= 0)
        return bmd_error_set(err, BMD_EINVAL, "grid file %s line %ld: the name is not UTF-8 text "
                             "(byte %ld); save the file as UTF-8", path, lineno, bad + 1);
    return BMD_SUCCESS;
}

/* A points file: "LAT,LON[,NAME]" per line. */
static int parse_file(const char *path, long max_cells, bmd_footprint_grid *g, bmd_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return bmd_error_set(err, BMD_EIO, "grid file %s: %s", path, strerror(errno));
    memset(g, 0, sizeof *g);
    snprintf(g->name, sizeof g->name, "points");
    const long cap = max_cells > 0 ? max_cells : BMD_FOOTPRINT_DEFAULT_MAX_CELLS;
    char *line = NULL;
    size_t line_cap = 0;
    long n = 0, alloc = 0, lineno = 0, total = 0;
    int st = 0, more = 0;
    while (!st && (more = read_line(f, path, lineno + 1, &line, &line_cap, &total, err)) == 1) {
        lineno++;
        char *s = line;
        while (isspace((unsigned char)*s))
            s++;
        if (!*s || *s == '#')
            continue;
        char *end;
        double lat = strtod(s, &end);
        double lon = NAN;
        if (end != s && *end == ',') {
            char *s2 = end + 1;
            lon = strtod(s2, &end);
            if (end == s2)
                lon = NAN;
        }
        while (isspace((unsigned char)*end))
            end++;
        char name[BMD_NAME_MAX] = "";
        if (*end == ',') {
            if ((st = point_name(end + 1, path, lineno, name, err)))
                break;
        } else if (*end) {
            lon = NAN;
        }
        if (!(fabs(lat) <= 90) || !(fabs(lon) <= 180)) {
            st = bmd_error_set(err, BMD_EINVAL, "grid file %s line %ld: expected LAT,LON[,NAME] "
                               "in degrees (latitude in [-90, 90], longitude in [-180, 180])",
                               path, lineno);
            break;
        }
        if (n == cap) {
            st = bmd_error_set(err, BMD_EINVAL, "grid file %s: more than the cap of %ld points",
                               path, cap);
            break;
        }
        if (n == alloc) {
            alloc = alloc ? 2 * alloc : 256;
            double *la = realloc(g->lat_rad, (size_t)alloc * sizeof(double));
            double *lo = la ? realloc(g->lon_rad, (size_t)alloc * sizeof(double)) : NULL;
            char(*nm)[BMD_NAME_MAX] = lo ? realloc(g->point_names, (size_t)alloc * sizeof *nm) : NULL;
            if (la)
                g->lat_rad = la;
            if (lo)
                g->lon_rad = lo;
            if (!nm) {
                st = bmd_error_set(err, BMD_ENOMEM, "grid file %s: out of memory", path);
                break;
            }
            g->point_names = nm;
        }
        g->lat_rad[n] = lat / DEG;
        g->lon_rad[n] = lon / DEG;
        memcpy(g->point_names[n], name, sizeof name);
        n++;
    }
    if (!st && more < 0)
        st = -more;
    if (!st && ferror(f))
        st = bmd_error_set(err, BMD_EIO, "grid file %s: read error", path);
    free(line);
    fclose(f);
    g->n_cells = n;
    if (!st && n == 0)
        st = bmd_error_set(err, BMD_EINVAL, "grid file %s has no points", path);
    if (st)
        bmd_footprint_grid_free(g);
    return st;
}

int bmd_footprint_grid_parse(const bmd_scenario *scn, const char *spec, long max_cells,
                             bmd_footprint_grid *g, bmd_error *err)
{
    memset(g, 0, sizeof *g);
    if (!spec || !*spec)
        return bmd_error_set(err, BMD_EINVAL, "grid: empty specification");
    bmd_earth wgs;
    bmd_earth_init_wgs84(&wgs);
    const bmd_earth *earth = scn ? &scn->earth : &wgs;
    int st = 0;
    if (parse_box(earth, spec, max_cells, g, &st, err))
        return st;
    if (scn) {
        const bmd_scenario_area *lists[3] = {scn->grids, scn->targets, scn->launch_areas};
        const int counts[3] = {scn->n_grids, scn->n_targets, scn->n_launch_areas};
        for (int l = 0; l < 3; l++)
            for (int i = 0; i < counts[l]; i++)
                if (!strcmp(lists[l][i].name, spec))
                    return bmd_footprint_grid_from_area(earth, &lists[l][i], max_cells, g, err);
    }
    FILE *f = fopen(spec, "r");
    if (f) {
        fclose(f);
        return parse_file(spec, max_cells, g, err);
    }
    return bmd_error_set(err, BMD_EINVAL, "grid '%s' is neither a grid of the scenario, nor "
                         "S,N,W,E,STEP (degrees; STEPkm for km), nor a readable file of LAT,LON "
                         "lines", spec);
}

void bmd_footprint_grid_free(bmd_footprint_grid *g)
{
    if (!g)
        return;
    free(g->lat_rad);
    free(g->lon_rad);
    free(g->point_names);
    memset(g, 0, sizeof *g);
}
