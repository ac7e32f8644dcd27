/* The flyout table (see include/bmd/interceptor.h): fly a fan of launch elevations once, then
 * rasterise the fan's triangles onto a (ground range, altitude) grid keeping the earliest
 * arrival per node; queries interpolate bilinearly. Docs: docs/parts/interceptor-physics.md. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "defense/interceptor_internal.h"

#define FLYOUT_DEFAULT_N_RANGE 201
#define FLYOUT_DEFAULT_N_ALTITUDE 161
#define FLYOUT_DEFAULT_N_ELEVATIONS 361
#define FLYOUT_MAX_NODES 50000000L

void bmd_flyout_options_init(bmd_flyout_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->n_range = FLYOUT_DEFAULT_N_RANGE;
    opt->n_altitude = FLYOUT_DEFAULT_N_ALTITUDE;
    opt->n_elevations = FLYOUT_DEFAULT_N_ELEVATIONS;
    opt->sample_dt_s = 1.0;
}

void bmd_flyout_free(bmd_flyout *table)
{
    if (!table)
        return;
    free(table->t_s);
    free(table->speed_m_s);
    free(table->gamma_rad);
    table->t_s = table->speed_m_s = table->gamma_rad = NULL;
    table->n_range = table->n_altitude = 0;
    table->bytes = 0;
}

/* What the rasteriser needs of a fan state: ground range, altitude, time, speed, and the vertical
 * speed and the square of the horizontal speed, whose angle (bmd_ic_fan_gamma) is computed only
 * for the states around a node (most of the fan's triangles hold no node). */
typedef struct fan_point {
    double r, h, t, v, vu, vh2;
} fan_point;

/* The fan: n trajectories of up to stride points each. */
typedef struct fan {
    fan_point *p;
    int *len;
    int n, stride;
} fan;

/* Fill missing options with defaults and check them. */
static int resolve_options(const bmd_flyout_options *in, bmd_flyout_options *o, bmd_error *err)
{
    bmd_flyout_options d;
    bmd_flyout_options_init(&d);
    *o = in ? *in : d;
    if (o->n_range == 0)
        o->n_range = d.n_range;
    if (o->n_altitude == 0)
        o->n_altitude = d.n_altitude;
    if (o->n_elevations == 0)
        o->n_elevations = d.n_elevations;
    if (o->sample_dt_s == 0.0)
        o->sample_dt_s = d.sample_dt_s;
    if (o->n_range < 2 || o->n_altitude < 2 ||
        (long)o->n_range * o->n_altitude > FLYOUT_MAX_NODES)
        return bmd_error_set(err, BMD_EINVAL, "flyout grid %d x %d is invalid: at least 2 nodes "
                             "each way and at most %ld in all", o->n_range, o->n_altitude,
                             FLYOUT_MAX_NODES);
    if (o->n_elevations < 2 || o->n_elevations > 100000)
        return bmd_error_set(err, BMD_EINVAL, "flyout fan of %d elevations is invalid: 2 to "
                             "100,000 allowed", o->n_elevations);
    if (!isfinite(o->sample_dt_s) || o->sample_dt_s <= 0.0)
        return bmd_error_set(err, BMD_EINVAL, "flyout sample interval %g s is invalid: it must be "
                             "> 0", o->sample_dt_s);
    if (!isfinite(o->range_max_m) || o->range_max_m < 0.0 || !isfinite(o->altitude_max_m) ||
        o->altitude_max_m < 0.0)
        return bmd_error_set(err, BMD_EINVAL, "flyout grid extent %g m x %g m is invalid: give "
                             "positive values, or 0 for automatic", o->range_max_m,
                             o->altitude_max_m);
    return bmd_ic_check_site(&o->site, err);
}

/* Fly every trajectory of the fan and keep its (range, altitude, time, speed, angle). */
static int fly_fan(const bmd_earth *earth, const bmd_interceptor *ic, const bmd_flyout_options *o,
                   bmd_ic_fan_mode mode, fan *f, long *n_states, bmd_error *err)
{
    bmd_ic_fan_site fs;
    bmd_ic_fan_site_init(earth, &o->site, &fs);
    f->n = o->n_elevations;
    f->stride = bmd_ic_states_needed(ic, o->sample_dt_s);
    f->p = malloc(sizeof *f->p * (size_t)f->n * (size_t)f->stride);
    f->len = calloc((size_t)f->n, sizeof *f->len);
    bmd_kv_state *buf = malloc(sizeof *buf * (size_t)f->stride);
    double *approx = malloc(sizeof *approx * BMD_IC_FAN_SCRATCH(f->stride));
    double *vu_vh = malloc(sizeof *vu_vh * 2 * (size_t)f->stride);
    int st = BMD_SUCCESS;
    if (!f->p || !f->len || !buf || !approx || !vu_vh)
        st = bmd_error_set(err, BMD_ENOMEM, "out of memory for a fan of %d x %d states", f->n,
                           f->stride);
    *n_states = 0;
    for (int k = 0; k < f->n && !st; k++) {
        double e = ic->min_elevation_rad +
                   (ic->max_elevation_rad - ic->min_elevation_rad) * k / (f->n - 1);
        int n = 0;
        st = bmd_ic_fly_raw(earth, ic, &o->site, e, o->sample_dt_s, buf, f->stride, &n, err);
        if (!st && mode == BMD_IC_FAN_FAST)
            bmd_ic_fan_states(&fs, buf, n, approx, vu_vh);
        for (int m = 0; m < n && !st; m++) {
            if (mode == BMD_IC_FAN_EXACT) { /* the reference's angle, through sin and cos */
                bmd_ic_fill_state(earth, &o->site, &buf[m]);
                const double cg = cos(buf[m].gamma_rad);
                vu_vh[2 * m] = sin(buf[m].gamma_rad), vu_vh[2 * m + 1] = cg * cg;
            }
            f->p[(size_t)k * f->stride + m] =
                (fan_point){buf[m].ground_range_m, buf[m].altitude_m, buf[m].t_s,
                            buf[m].speed_m_s, vu_vh[2 * m], vu_vh[2 * m + 1]};
        }
        f->len[k] = n;
        *n_states += n;
    }
    free(buf);
    free(approx);
    free(vu_vh);
    bmd_ic_fan_site_free(&fs);
    return st;
}

/* Store v at node (i, j) if its time is earlier than what is there. */
static void keep_earliest(bmd_flyout *tb, int i, int j, double t, double v, double g)
{
    size_t idx = (size_t)j * tb->n_range + i;
    if (t < tb->t_s[idx]) {
        tb->t_s[idx] = t;
        tb->speed_m_s[idx] = v;
        tb->gamma_rad[idx] = g;
    }
}

/* Smaller and larger of two finite numbers (inline: fmin/fmax are library calls here). */
static inline double min2(double a, double b)
{
    return a < b ? a : b;
}
static inline double max2(double a, double b)
{
    return a > b ? a : b;
}

/* Rasterise one triangle: every node inside gets the linear interpolation of the vertices'
 * time, speed and angle, if that is earlier than what it has. */
static void raster_triangle(bmd_flyout *tb, const fan_point *a, const fan_point *b,
                            const fan_point *c)
{
    /* the nodes of the bounding box first: most of a fan's triangles hold none */
    const double rmin = min2(a->r, min2(b->r, c->r)), rmax = max2(a->r, max2(b->r, c->r));
    const double hmin = min2(a->h, min2(b->h, c->h)), hmax = max2(a->h, max2(b->h, c->h));
    const double jlo = ceil(hmin / tb->d_altitude_m - 1e-9);
    const double jhi = floor(hmax / tb->d_altitude_m + 1e-9);
    if (!(jlo <= jhi) || jhi < 0.0 || jlo > tb->n_altitude - 1)
        return;
    const double ilo = ceil(rmin / tb->d_range_m - 1e-9), ihi = floor(rmax / tb->d_range_m + 1e-9);
    if (!(ilo <= ihi) || ihi < 0.0 || ilo > tb->n_range - 1)
        return;
    const double x1 = b->r - a->r, y1 = b->h - a->h, x2 = c->r - a->r, y2 = c->h - a->h;
    const double det = x1 * y2 - x2 * y1;
    const double scale = (fabs(x1) + fabs(x2)) * (fabs(y1) + fabs(y2));
    if (!(fabs(det) > 1e-12 * scale) || scale == 0.0)
        return;
    const int i0 = ilo < 0.0 ? 0 : (int)ilo, j0 = jlo < 0.0 ? 0 : (int)jlo;
    const int i1 = ihi > tb->n_range - 1 ? tb->n_range - 1 : (int)ihi;
    const int j1 = jhi > tb->n_altitude - 1 ? tb->n_altitude - 1 : (int)jhi;
    const double tol = -1e-9;
    double ga = NAN, gb = NAN, gc = NAN; /* the vertices' angles, at the first node inside */
    for (int j = j0; j <= j1; j++) {
        const double py = j * tb->d_altitude_m - a->h;
        for (int i = i0; i <= i1; i++) {
            const double px = i * tb->d_range_m - a->r;
            const double l1 = (px * y2 - x2 * py) / det, l2 = (x1 * py - px * y1) / det;
            const double l0 = 1.0 - l1 - l2;
            if (l0 < tol || l1 < tol || l2 < tol)
                continue;
            if (isnan(ga)) {
                ga = bmd_ic_fan_gamma(a->v, a->vu, a->vh2);
                gb = bmd_ic_fan_gamma(b->v, b->vu, b->vh2);
                gc = bmd_ic_fan_gamma(c->v, c->vu, c->vh2);
            }
            keep_earliest(tb, i, j, l0 * a->t + l1 * b->t + l2 * c->t,
                          l0 * a->v + l1 * b->v + l2 * c->v, l0 * ga + l1 * gb + l2 * gc);
        }
    }
}

/* Rasterise the whole fan: two triangles per pair of adjacent trajectories and states. */
static void raster_fan(bmd_flyout *tb, const fan *f)
{
    for (int k = 0; k + 1 < f->n; k++) {
        const fan_point *p = f->p + (size_t)k * f->stride, *q = p + f->stride;
        int n = f->len[k] < f->len[k + 1] ? f->len[k] : f->len[k + 1];
        for (int m = 0; m + 1 < n; m++) {
            raster_triangle(tb, &p[m], &p[m + 1], &q[m + 1]);
            raster_triangle(tb, &p[m], &q[m + 1], &q[m]);
        }
    }
}

/* The grid extent: given, or the fan's farthest range and highest altitude (capped). */
static void grid_extent(const bmd_interceptor *ic, const bmd_flyout_options *o, const fan *f,
                        double *range_max, double *alt_max)
{
    double rmax = 0.0, hmax = 0.0;
    for (int k = 0; k < f->n; k++)
        for (int m = 0; m < f->len[k]; m++) {
            const fan_point *p = &f->p[(size_t)k * f->stride + m];
            rmax = max2(rmax, p->r);
            hmax = max2(hmax, p->h);
        }
    *range_max = o->range_max_m > 0.0 ? o->range_max_m : rmax;
    *alt_max = o->altitude_max_m > 0.0 ? o->altitude_max_m : fmin(hmax, ic->max_altitude_m);
    if (!(*range_max > 0.0))
        *range_max = 1.0;
    if (!(*alt_max > 0.0))
        *alt_max = 1.0;
}

int bmd_flyout_build(bmd_flyout *table, const bmd_earth *earth, const bmd_interceptor *ic,
                     const bmd_flyout_options *opt, bmd_error *err)
{
    return bmd_ic_flyout_build(table, earth, ic, opt, BMD_IC_FAN_FAST, err);
}

/* Fill table from fan f flown for ic with the resolved options o: the grid's extent, its nodes
 * (unreached: t = inf) and the raster of the fan. BMD_ENOMEM frees the table. */
static int assemble_table(bmd_flyout *table, const bmd_interceptor *ic,
                          bmd_earth_kind earth_kind, const bmd_flyout_options *o, const fan *f,
                          long n_states, bmd_error *err)
{
    table->ic = *ic;
    table->earth_kind = earth_kind;
    table->site = o->site;
    table->n_range = o->n_range;
    table->n_altitude = o->n_altitude;
    grid_extent(ic, o, f, &table->range_max_m, &table->altitude_max_m);
    table->d_range_m = table->range_max_m / (o->n_range - 1);
    table->d_altitude_m = table->altitude_max_m / (o->n_altitude - 1);
    size_t nodes = (size_t)o->n_range * (size_t)o->n_altitude;
    table->t_s = malloc(nodes * sizeof(double));
    table->speed_m_s = malloc(nodes * sizeof(double));
    table->gamma_rad = malloc(nodes * sizeof(double));
    if (!table->t_s || !table->speed_m_s || !table->gamma_rad) {
        bmd_flyout_free(table);
        return bmd_error_set(err, BMD_ENOMEM, "out of memory for a flyout table of %zu nodes",
                             nodes);
    }
    for (size_t n = 0; n < nodes; n++) {
        table->t_s[n] = INFINITY;
        table->speed_m_s[n] = table->gamma_rad[n] = NAN;
    }
    table->bytes = 3 * nodes * sizeof(double);
    table->n_trajectories = f->n;
    table->n_states = n_states;
    raster_fan(table, f);
    return BMD_SUCCESS;
}

int bmd_ic_flyout_build(bmd_flyout *table, const bmd_earth *earth, const bmd_interceptor *ic,
                        const bmd_flyout_options *opt, bmd_ic_fan_mode mode, bmd_error *err)
{
    bmd_error_clear(err);
    if (!table || !earth)
        return bmd_error_set(err, BMD_EINVAL, "flyout build: table and earth must be given");
    memset(table, 0, sizeof *table);
    bmd_flyout_options o;
    int st;
    if ((st = bmd_interceptor_validate(ic, err)) || (st = resolve_options(opt, &o, err)))
        return st;
    fan f = {0};
    long n_states = 0;
    st = fly_fan(earth, ic, &o, mode, &f, &n_states, err);
    if (!st)
        st = assemble_table(table, ic, earth->kind, &o, &f, n_states, err);
    free(f.p);
    free(f.len);
    if (st)
        bmd_flyout_free(table);
    return st;
}

/* Fill an unreachable answer. */
static void not_reached(bmd_reach *out, bmd_reach_reason reason)
{
    out->reachable = 0;
    out->reason = reason;
    out->t_s = INFINITY;
    out->speed_m_s = out->gamma_rad = out->elevation_rad = NAN;
}

int bmd_flyout_query(const bmd_flyout *table, double ground_range_m, double altitude_m,
                     bmd_reach *out)
{
    if (!table || !out || !table->t_s || table->n_range < 2 || table->n_altitude < 2)
        return BMD_EINVAL;
    if (!isfinite(ground_range_m) || ground_range_m < 0.0 || !isfinite(altitude_m) ||
        altitude_m < 0.0) {
        not_reached(out, BMD_REACH_OUT_OF_REACH);
        return BMD_EINVAL;
    }
    if (altitude_m < table->ic.min_altitude_m) {
        not_reached(out, BMD_REACH_BELOW_FLOOR);
        return BMD_SUCCESS;
    }
    if (altitude_m > table->ic.max_altitude_m) {
        not_reached(out, BMD_REACH_ABOVE_CEILING);
        return BMD_SUCCESS;
    }
    const double x = ground_range_m / table->d_range_m, y = altitude_m / table->d_altitude_m;
    if (x > table->n_range - 1 + 1e-9 || y > table->n_altitude - 1 + 1e-9) {
        not_reached(out, BMD_REACH_OUT_OF_REACH);
        return BMD_SUCCESS;
    }
    int i = (int)x, j = (int)y;
    if (i > table->n_range - 2)
        i = table->n_range - 2;
    if (j > table->n_altitude - 2)
        j = table->n_altitude - 2;
    const double fx = x - i, fy = y - j;
    const size_t n00 = (size_t)j * table->n_range + i, n01 = n00 + 1;
    const size_t n10 = n00 + table->n_range, n11 = n10 + 1;
    const double *t = table->t_s;
    if (isinf(t[n00]) || isinf(t[n01]) || isinf(t[n10]) || isinf(t[n11])) {
        not_reached(out, BMD_REACH_OUT_OF_REACH);
        return BMD_SUCCESS;
    }
    const double w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy,
                 w11 = fx * fy;
#define BILINEAR(a) (w00 * (a)[n00] + w01 * (a)[n01] + w10 * (a)[n10] + w11 * (a)[n11])
    out->reachable = 1;
    out->reason = BMD_REACH_OK;
    out->t_s = BILINEAR(t);
    out->speed_m_s = BILINEAR(table->speed_m_s);
    out->gamma_rad = BILINEAR(table->gamma_rad);
    out->elevation_rad = NAN;
#undef BILINEAR
    if (out->t_s > table->ic.max_flyout_time_s)
        not_reached(out, BMD_REACH_OUT_OF_REACH);
    return BMD_SUCCESS;
}

int bmd_flyout_time(const bmd_flyout *table, double ground_range_m, double altitude_m,
                    double *t_s, double *speed_m_s, double *gamma_rad)
{
    bmd_reach r;
    int st = bmd_flyout_query(table, ground_range_m, altitude_m, &r);
    if (st && st != BMD_EINVAL)
        return st;
    if (st == BMD_EINVAL)
        r.t_s = INFINITY, r.speed_m_s = r.gamma_rad = NAN;
    if (t_s)
        *t_s = r.t_s;
    if (speed_m_s)
        *speed_m_s = r.speed_m_s;
    if (gamma_rad)
        *gamma_rad = r.gamma_rad;
    return st;
}

/* ---------------------------------------------------------------------------------------------
 * A fan kept for reuse (interceptor_internal.h): the required-speed search rasterises one fan onto
 * the grids of several pairs (engagement_speed_cache.c). bmd_ic_flyout_from_fan does what
 * bmd_ic_flyout_build does after fly_fan, so its table is bit for bit the one
 * bmd_flyout_build(earth, ic, opt with the extents) returns (tests/test_required_speed_cache.c). */
struct bmd_ic_fan {
    fan f;
    bmd_flyout_options o; /* resolved */
    bmd_interceptor ic;
    bmd_earth_kind earth_kind;
    long n_states;
};

int bmd_ic_fan_fly(bmd_ic_fan **out, const bmd_earth *earth, const bmd_interceptor *ic,
                   const bmd_flyout_options *opt, bmd_error *err)
{
    bmd_error_clear(err);
    *out = NULL;
    if (!earth)
        return bmd_error_set(err, BMD_EINVAL, "flyout build: table and earth must be given");
    bmd_flyout_options o;
    int st;
    if ((st = bmd_interceptor_validate(ic, err)) || (st = resolve_options(opt, &o, err)))
        return st;
    bmd_ic_fan *fn = calloc(1, sizeof *fn);
    if (!fn)
        return bmd_error_set(err, BMD_ENOMEM, "out of memory for a flyout fan");
    if ((st = fly_fan(earth, ic, &o, BMD_IC_FAN_FAST, &fn->f, &fn->n_states, err))) {
        bmd_ic_fan_free(fn);
        return st;
    }
    fn->o = o;
    fn->ic = *ic;
    fn->earth_kind = earth->kind;
    *out = fn;
    return BMD_SUCCESS;
}

size_t bmd_ic_fan_bytes(const bmd_ic_fan *fn)
{
    return sizeof *fn + (size_t)fn->f.n * (size_t)fn->f.stride * sizeof(fan_point) +
           (size_t)fn->f.n * sizeof(int);
}

void bmd_ic_fan_free(bmd_ic_fan *fn)
{
    if (!fn)
        return;
    free(fn->f.p);
    free(fn->f.len);
    free(fn);
}

int bmd_ic_flyout_from_fan(bmd_flyout *table, const bmd_ic_fan *fn, double range_max_m,
                           double altitude_max_m, bmd_error *err)
{
    memset(table, 0, sizeof *table);
    if (!isfinite(range_max_m) || range_max_m < 0.0 || !isfinite(altitude_max_m) ||
        altitude_max_m < 0.0)
        return bmd_error_set(err, BMD_EINVAL, "flyout grid extent %g m x %g m is invalid: give "
                             "positive values, or 0 for automatic", range_max_m, altitude_max_m);
    bmd_flyout_options o = fn->o;
    o.range_max_m = range_max_m;
    o.altitude_max_m = altitude_max_m;
    return assemble_table(table, &fn->ic, fn->earth_kind, &o, &fn->f, fn->n_states, err);
}
