/* Footprints from scenarios and their outputs (bmd/footprint_io.h): defence sites, grids, CSV,
 * GeoJSON contours and summaries. */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/atomic_file.h"
#include "bmd/footprint_io.h"
#include "bmd/geodesy.h"
#include "bmd/geojson.h"
#include "bmd/kml.h"
#include "bmd/scene.h"
#include "io/strbuf.h"

/* Limits of a points file (--grid FILE): an endless or binary file is refused, not read forever. */
#define BMD_POINTS_MAX_BYTES (256L << 20)
#define BMD_POINTS_MAX_LINE 65536

#define DEG (180.0 / M_PI)

int bmd_footprint_defence_from_scenario(const bmd_scenario *scn, double toward_lat_rad,
                                        double toward_lon_rad, bmd_footprint_defence *d,
                                        bmd_error *err)
{
    memset(d, 0, sizeof *d);
    if (!scn || !scn->resolved)
        return bmd_error_set(err, BMD_EINVAL, "footprint: the scenario must be resolved");
    int cue_lists[BMD_FOOTPRINT_MAX_SITES];
    for (int i = 0; i < scn->n_sites; i++) {
        const bmd_scenario_site *ss = &scn->sites[i];
        if (ss->count < 1) {
            d->n_skipped++;
            continue;
        }
        if (d->n_sites == BMD_FOOTPRINT_MAX_SITES)
            return bmd_error_set(err, BMD_EINVAL, "footprint: more than %d defence sites with "
                                 "interceptors", BMD_FOOTPRINT_MAX_SITES);
        const int s = d->n_sites++;
        snprintf(d->names[s], sizeof d->names[s], "%s", ss->name);
        d->scenario_index[s] = i;
        bmd_footprint_site *fs = &d->sites[s];
        fs->site.lat_rad = ss->site.lat_rad;
        fs->site.lon_rad = ss->site.lon_rad;
        fs->site.height_m = ss->site.height_m;
        fs->site.n_interceptors = ss->count;
        fs->site.flyout = &d->tables[s];
        if (ss->has_radar) {
            d->fcr[s] = ss->radar.entry.radar;
            fs->site.fire_control = &d->fcr[s];
        }
        fs->timeline.track_delay_s = ss->timeline.detect_to_track_s;
        fs->timeline.decision_delay_s = ss->timeline.track_to_decision_s;
        fs->timeline.launch_delay_s = ss->timeline.decision_to_launch_s;
        fs->timeline.kill_assessment_s = ss->timeline.kill_assessment_s;
        int nr = 0, ni = 0;
        for (int c = 0; c < ss->n_cues; c++) {
            const bmd_scenario_sensor *sn = &scn->sensors[ss->cues[c]];
            if (sn->kind == BMD_SCENARIO_SENSOR_RADAR)
                d->cue_radar[s][nr++] = sn->radar.entry.radar;
            else
                d->cue_ir[s][ni++] = sn->ir;
        }
        fs->cues = (bmd_sensor_set){d->cue_radar[s], nr, d->cue_ir[s], ni};
        /* sites with the same list of cues share the prepared threat */
        fs->cue_group = s;
        for (int r = 0; r < s; r++) {
            const bmd_scenario_site *o = &scn->sites[d->scenario_index[r]];
            if (o->n_cues == ss->n_cues &&
                !memcmp(o->cues, ss->cues, (size_t)ss->n_cues * sizeof(int))) {
                fs->cue_group = d->sites[r].cue_group;
                break;
            }
        }
        cue_lists[s] = ss->n_cues;
    }
    (void)cue_lists;
    int status = 0;
    bmd_error first = {0, ""};
#ifdef _OPENMP
#pragma omp parallel for schedule(dynamic, 1)
#endif
    for (int s = 0; s < d->n_sites; s++) {
        const bmd_scenario_site *ss = &scn->sites[d->scenario_index[s]];
        bmd_flyout_options fo;
        bmd_flyout_options_default(&fo);
        double az = 0;
        bmd_geodesy_inverse(&scn->earth, ss->site.lat_rad, ss->site.lon_rad, toward_lat_rad,
                            toward_lon_rad, NULL, &az, NULL);
        fo.site = (bmd_interceptor_site){ss->site.lat_rad, ss->site.lon_rad, 0.0, az};
        bmd_error e = {0, ""};
        int st = bmd_flyout_build(&d->tables[s], &scn->earth, &ss->interceptor_entry.interceptor,
                                  &fo, &e);
        if (st) {
#ifdef _OPENMP
#pragma omp critical(bmd_footprint_defence)
#endif
            if (!status)
                status = st, first = e;
        }
    }
    if (status) {
        bmd_footprint_defence_free(d);
        if (err)
            *err = first;
    }
    return status;
}

void bmd_footprint_defence_free(bmd_footprint_defence *d)
{
    if (!d)
        return;
    for (int s = 0; s < BMD_FOOTPRINT_MAX_SITES; s++)
        bmd_flyout_free(&d->tables[s]);
}

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

void bmd_footprint_summarize(const bmd_earth *earth, const bmd_footprint_grid *g,
                             const bmd_footprint_cell *c, bmd_footprint_summary *s)
{
    memset(s, 0, sizeof *s);
    s->cells = g->n_cells;
    s->earliest_intercept_min_s = NAN;
    s->required_speed_min_m_s = s->required_speed_max_m_s = NAN;
    double row_area = 0;
    int row = -1;
    for (long k = 0; k < g->n_cells; k++) {
        double a = NAN;
        if (k < g->n_box) {
            const int i = (int)(k / g->box.n_lon);
            if (i != row)
                row = i, row_area = bmd_footprint_cell_area_m2(earth, &g->box, i) * 1e-6;
            a = row_area;
            s->area_km2 += a;
        }
        s->reachable += c[k].reachable;
        s->not_run += c[k].status == BMD_FOOTPRINT_NOT_RUN;
        if (c[k].shot_opportunities >= 1) {
            s->covered1++;
            if (k < g->n_box)
                s->area1_km2 += a;
        }
        if (c[k].shot_opportunities >= 2) {
            s->covered2++;
            if (k < g->n_box)
                s->area2_km2 += a;
        }
        if (!(c[k].earliest_intercept_s >= s->earliest_intercept_min_s))
            if (!isnan(c[k].earliest_intercept_s))
                s->earliest_intercept_min_s = c[k].earliest_intercept_s;
        const double v = c[k].required_speed_m_s;
        if (!isnan(v)) {
            if (!(v >= s->required_speed_min_m_s))
                s->required_speed_min_m_s = v;
            if (!(v <= s->required_speed_max_m_s))
                s->required_speed_max_m_s = v;
        }
    }
    if (!g->has_box)
        s->area_km2 = s->area1_km2 = s->area2_km2 = NAN;
    s->share_reachable = (double)s->reachable / (double)s->cells;
    s->share1 = (double)s->covered1 / (double)s->cells;
    s->share2 = (double)s->covered2 / (double)s->cells;
}

/* The CSV writer's context. */
/* A number, or nothing when NaN. */
static void csv_num(FILE *out, double v, int decimals)
{
    if (isfinite(v))
        fprintf(out, ",%.*f", decimals, v);
    else
        fputc(',', out);
}

int bmd_footprint_csv_write(FILE *out, void *context, bmd_error *err)
{
    const bmd_footprint_csv *c = context;
    if (!out || !c || !c->grid || (c->n_maps > 0 && !c->maps))
        return bmd_error_set(err, BMD_EINVAL, "footprint CSV: NULL input");
    const char *centre = c->mode == BMD_FOOTPRINT_LAUNCH_AREA ? "target" : "launch";
    fprintf(out, "%s,%s_lat_deg,%s_lon_deg,point,lat_deg,lon_deg,reachable,status,"
                 "shot_opportunities,sites_engaging,engaging_sites,earliest_intercept_time_s,"
                 "required_speed_km_s,miss_km,flight_time_s,apogee_km\n", centre, centre, centre);
    for (int m = 0; m < c->n_maps; m++) {
        const bmd_footprint_map *mp = &c->maps[m];
        for (long k = 0; k < c->grid->n_cells; k++) {
            const bmd_footprint_cell *x = &mp->cells[k];
            fprintf(out, "%s,%.6f,%.6f,%s,%.6f,%.6f,%d,%s,%d,%d,", mp->name,
                    mp->centre_lat_rad * DEG, mp->centre_lon_rad * DEG, c->grid->point_names[k],
                    x->lat_rad * DEG, x->lon_rad * DEG, x->reachable,
                    bmd_footprint_status_string((bmd_footprint_status)x->status),
                    x->shot_opportunities, x->sites_engaging);
            int first = 1;
            for (int s = 0; s < c->n_sites; s++)
                if (x->site_mask & (1u << s)) {
                    fprintf(out, "%s%s", first ? "" : ";", c->site_names[s]);
                    first = 0;
                }
            csv_num(out, x->earliest_intercept_s, 3);
            csv_num(out, x->required_speed_m_s / 1e3, 3);
            csv_num(out, x->status == BMD_FOOTPRINT_OK ? x->miss_m / 1e3 : NAN, 3);
            csv_num(out, x->status == BMD_FOOTPRINT_OK ? x->flight_time_s : NAN, 1);
            csv_num(out, x->status == BMD_FOOTPRINT_OK ? x->apogee_m / 1e3 : NAN, 1);
            fputc('\n', out);
        }
    }
    return BMD_SUCCESS;
}

int bmd_footprint_write_csv(const char *path, bmd_footprint_mode mode,
                            const bmd_footprint_grid *grid, const bmd_footprint_map *maps,
                            int n_maps, const char *const *site_names, int n_sites,
                            bmd_error *err)
{
    bmd_footprint_csv c = {mode, grid, maps, n_maps, site_names, n_sites};
    return bmd_atomic_write(path, bmd_footprint_csv_write, &c, err);
}

/* Add one map's contour at min_shots to the scene (mask: n_box bytes of scratch). */
static int add_contour(bmd_scene *scene, const bmd_earth *earth, const bmd_footprint_grid *g,
                       const bmd_footprint_map *mp, int min_shots, unsigned char *mask,
                       bmd_error *err)
{
    for (long k = 0; k < g->n_box; k++)
        mask[k] = mp->cells[k].shot_opportunities >= min_shots;
    bmd_footprint_rings rings;
    int st = bmd_footprint_contour(&g->box, mask, &rings, err);
    if (st)
        return st;
    char name[BMD_NAME_MAX + 32];
    for (int r = 0; r < rings.n_rings && !st; r++) {
        const int a = rings.start[r], n = rings.start[r + 1] - a;
        /* the polygon's area and cells: its cells are the covered cells inside it */
        double area = 0;
        for (int p = 0; p < n; p++) {
            const int q = (p + 1) % n;
            /* exact area of a lat/lon polygon: sum of signed zones under each edge (edges are
               either meridians (no area) or parallels) */
            const double dlon = rings.lon_rad[a + q] - rings.lon_rad[a + p];
            if (dlon != 0)
                area -= bmd_footprint_zone_area_m2(earth, -0.5 * M_PI, rings.lat_rad[a + p], dlon);
        }
        snprintf(name, sizeof name, "%s >= %d shot%s", mp->name, min_shots,
                 min_shots == 1 ? "" : "s");
        int f;
        st = bmd_scene_add_area(scene, name, BMD_AREA_FOOTPRINT, rings.lat_rad + a,
                                rings.lon_rad + a, n, &f, err);
        if (!st)
            st = bmd_scene_set_text(scene, f, "map", mp->name, err);
        if (!st)
            st = bmd_scene_set_number(scene, f, "min_shots", min_shots, err);
        if (!st)
            st = bmd_scene_set_number(scene, f, "area_km2", round(fabs(area) * 1e-6 * 10) / 10, err);
    }
    bmd_footprint_rings_free(&rings);
    return st;
}

int bmd_footprint_scene_add_contours(bmd_scene *scene, const bmd_earth *earth,
                                     const bmd_footprint_grid *grid, const bmd_footprint_map *map,
                                     int min_shots, bmd_error *err)
{
    if (!scene || !earth || !grid || !map || !map->cells)
        return bmd_error_set(err, BMD_EINVAL, "footprint contours: NULL input");
    if (!grid->has_box || grid->n_box < 1)
        return bmd_error_set(err, BMD_EINVAL, "footprint contours need a box grid (a list of "
                             "points has no cells to contour)");
    if (min_shots < 1)
        return bmd_error_set(err, BMD_EINVAL, "footprint contours: min_shots %d must be >= 1",
                             min_shots);
    unsigned char *mask = malloc((size_t)grid->n_box);
    if (!mask)
        return bmd_error_set(err, BMD_ENOMEM, "footprint contours: out of memory for %ld cells",
                             grid->n_box);
    int st = add_contour(scene, earth, grid, map, min_shots, mask, err);
    free(mask);
    return st;
}

int bmd_footprint_scene(bmd_footprint_mode mode, const bmd_footprint_grid *g,
                        const bmd_footprint_map *maps, int n_maps, const bmd_footprint_defence *d,
                        bmd_scene *scene, bmd_error *err)
{
    if (!scene)
        return bmd_error_set(err, BMD_EINVAL, "footprint scene: no scene (NULL)");
    if (!g || !g->has_box)
        return bmd_error_set(err, BMD_EINVAL, "footprint contours need a box grid (a list of "
                             "points has no cells to contour)");
    unsigned char *mask = malloc((size_t)g->n_box);
    int st = BMD_SUCCESS;
    if (!mask)
        st = bmd_error_set(err, BMD_ENOMEM, "footprint scene: out of memory");
    else if (!scene->title)
        st = bmd_scene_set_title(scene, mode == BMD_FOOTPRINT_LAUNCH_AREA
                                            ? "bmdsim launch-area footprint"
                                            : "bmdsim defended-area footprint", err);
    for (int s = 0; d && s < d->n_sites && !st; s++)
        st = bmd_scene_add_site(scene, d->names[s], BMD_SITE_INTERCEPTOR, d->sites[s].site.lat_rad,
                                d->sites[s].site.lon_rad, d->sites[s].site.height_m, NULL, err);
    for (int m = 0; m < n_maps && !st; m++) {
        st = bmd_scene_add_site(scene, maps[m].name,
                                mode == BMD_FOOTPRINT_LAUNCH_AREA ? BMD_SITE_TARGET : BMD_SITE_LAUNCH,
                                maps[m].centre_lat_rad, maps[m].centre_lon_rad, 0.0, NULL, err);
        for (int level = 1; level <= 2 && !st; level++)
            st = add_contour(scene, &scene->earth, g, &maps[m], level, mask, err);
    }
    free(mask);
    return st;
}

/* The footprint's scene written by the GeoJSON or the KML writer (kml nonzero). */
static int write_scene(const char *path, int kml, const bmd_earth *earth, bmd_footprint_mode mode,
                       const bmd_footprint_grid *g, const bmd_footprint_map *maps, int n_maps,
                       const bmd_footprint_defence *d, bmd_error *err)
{
    bmd_scene scene;
    bmd_scene_init(&scene, earth);
    int st = bmd_footprint_scene(mode, g, maps, n_maps, d, &scene, err);
    if (!st)
        st = kml ? bmd_kml_write(&scene, NULL, path, err) : bmd_geojson_write(&scene, path, err);
    bmd_scene_free(&scene);
    return st;
}

int bmd_footprint_write_geojson(const char *path, const bmd_earth *earth, bmd_footprint_mode mode,
                                const bmd_footprint_grid *g, const bmd_footprint_map *maps,
                                int n_maps, const bmd_footprint_defence *d, bmd_error *err)
{
    return write_scene(path, 0, earth, mode, g, maps, n_maps, d, err);
}

int bmd_footprint_write_kml(const char *path, const bmd_earth *earth, bmd_footprint_mode mode,
                            const bmd_footprint_grid *g, const bmd_footprint_map *maps, int n_maps,
                            const bmd_footprint_defence *d, bmd_error *err)
{
    return write_scene(path, 1, earth, mode, g, maps, n_maps, d, err);
}
