/* Tests of engagements (src/defense/engagement*.c).
 *
 * Most cases use a "flat-physics" world where every number has a closed form: a non-rotating
 * sphere without gravity (GM = 0), a notional interceptor with a 0.2 s burn (so the kill vehicle
 * flies straight rays at constant speed v after a burn of v t_b / 2: the earliest arrival at a
 * point at straight-line distance D from the site is T = D / v + t_b / 2), and hand-built threat
 * trajectories (vertical descent, constant-altitude great circles). Detection is set with a
 * space-based IR sensor whose report delay fixes the detection time (every sample is marked as
 * boosting, so the IR sees the whole flight from t = 0 + delay). The flyout table's own error
 * against that closed form is 0.02 s (tests/test_flyout.c); tolerances below add the bisection
 * tolerance (1e-3 s) and the interpolation of the threat between samples.
 *
 * Real flights of catalogue missiles (bmd_trajectory_fly) check properties on WGS84. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/aim.h"
#include "bmd/catalog.h"
#include "bmd/engagement.h"
#include "bmd/geodesy.h"
#include "defense/engagement_internal.h"
#include "test_support.h"

#define PI 3.14159265358979323846
#define DEG (PI / 180.0)
#define TB 0.2 /* burn time of the constant-speed interceptor, s */

/* ------------------------------------------------------------------------------------------- */
/* The flat-physics world. */

typedef struct world {
    bmd_earth earth;
    double R;
} world;

static void flat_world(world *w)
{
    assert_int_equal(bmd_earth_init_sphere(&w->earth, 0, 0, NULL), BMD_SUCCESS);
    w->earth.gm_m3_s2 = 0.0;
    w->R = w->earth.a_m;
}

/* A constant-speed interceptor of speed v (0.2 s burn), floor h_min, table over range x alt. */
static void build_table(const world *w, bmd_flyout *tab, double v, double h_min, double range_m,
                        double alt_m)
{
    bmd_interceptor ic;
    bmd_interceptor_init(&ic);
    ic.burnout_speed_m_s = v;
    ic.burn_time_s = TB;
    ic.min_altitude_m = h_min;
    ic.max_flyout_time_s = 600.0;
    bmd_flyout_options o;
    bmd_flyout_options_init(&o);
    o.range_max_m = range_m;
    o.altitude_max_m = alt_m;
    bmd_error err;
    memset(tab, 0, sizeof *tab);
    int st = bmd_flyout_build(tab, &w->earth, &ic, &o, &err);
    if (st)
        print_error("%s\n", err.message);
    assert_int_equal(st, BMD_SUCCESS);
}

/* Append a sample at ECEF r, v (sphere: geocentric latitude). */
static void put_sample(bmd_trajectory *tr, const world *w, double t, const double r[3],
                       const double v[3])
{
    bmd_sample *s = &tr->samples[tr->n_samples++];
    memset(s, 0, sizeof *s);
    s->t_s = t;
    memcpy(s->r_ecef_m, r, sizeof s->r_ecef_m);
    memcpy(s->v_ecef_m_s, v, sizeof s->v_ecef_m_s);
    const double rn = sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]);
    s->lat_rad = asin(r[2] / rn);
    s->lon_rad = atan2(r[1], r[0]);
    s->altitude_m = rn - w->R;
    s->speed_m_s = sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    s->phase = BMD_PHASE_BOOST; /* so that the IR sensor sees it (detection set by its delay) */
}

static void alloc_traj(bmd_trajectory *tr, int n)
{
    tr->samples = calloc((size_t)n, sizeof *tr->samples);
    assert_non_null(tr->samples);
    tr->n_samples = 0;
    tr->capacity = n;
}

/* Vertical descent above (lat 0, lon 0) from altitude h0 at speed u until the ground, 1 s
 * samples. */
static void vertical_descent(bmd_trajectory *tr, const world *w, double h0, double u)
{
    const double t_end = h0 / u;
    const int n = (int)ceil(t_end) + 1;
    alloc_traj(tr, n + 1);
    for (int i = 0; i <= n; i++) {
        const double t = fmin(i, t_end);
        const double r[3] = {w->R + h0 - u * t, 0, 0}, v[3] = {-u, 0, 0};
        put_sample(tr, w, t, r, v);
        if (t >= t_end)
            break;
    }
}

/* A great circle at altitude h at speed u (along the circle of radius R + h): position
 * (R + h)(cos th p + sin th q), th = th0 + omega t; p is (lat 0, lon lon0), q north. Samples
 * every 1 s for t_end s. */
static void circle_track(bmd_trajectory *tr, const world *w, double h, double u, double lon0,
                         double th0, double t_end)
{
    const int n = (int)ceil(t_end) + 1;
    alloc_traj(tr, n + 1);
    const double rr = w->R + h, om = u / rr;
    const double p[3] = {cos(lon0), sin(lon0), 0}, q[3] = {0, 0, 1};
    for (int i = 0; i <= n; i++) {
        const double t = fmin(i, t_end), th = th0 + om * t;
        double r[3], v[3];
        for (int k = 0; k < 3; k++) {
            r[k] = rr * (cos(th) * p[k] + sin(th) * q[k]);
            v[k] = rr * om * (-sin(th) * p[k] + cos(th) * q[k]);
        }
        put_sample(tr, w, t, r, v);
        if (t >= t_end)
            break;
    }
}

/* The same track's straight-line distance from the site (lat 0, lon 0, height 0) at time t. */
static double circle_distance(const world *w, double h, double u, double lon0, double th0,
                              double t)
{
    const double rr = w->R + h, th = th0 + u / rr * t;
    const double r[3] = {rr * cos(th) * cos(lon0), rr * cos(th) * sin(lon0), rr * sin(th)};
    return sqrt((r[0] - w->R) * (r[0] - w->R) + r[1] * r[1] + r[2] * r[2]);
}

/* Root of t - D(t)/v - t_b/2 - L on [a, b] (sign change assumed) by bisection to 1e-9 s. */
static double circle_root(const world *w, double h, double u, double lon0, double th0, double v,
                          double L, double a, double b)
{
    double fa = a - circle_distance(w, h, u, lon0, th0, a) / v - TB / 2 - L;
    for (int i = 0; i < 200 && b - a > 1e-9; i++) {
        const double m = 0.5 * (a + b);
        const double fm = m - circle_distance(w, h, u, lon0, th0, m) / v - TB / 2 - L;
        if ((fm > 0) == (fa > 0)) {
            a = m;
            fa = fm;
        } else {
            b = m;
        }
    }
    return 0.5 * (a + b);
}

/* Closing speed |v_kv - v_t| and the angle between the velocities at time t on a circle track:
 * the constant-speed KV flies the straight ray from the site (lat 0, lon 0) at speed v. */
static void circle_closing(const world *w, double h, double u, double lon0, double th0, double v,
                           double t, double *closing, double *angle)
{
    const double rr = w->R + h, om = u / rr, th = th0 + om * t;
    const double p[3] = {cos(lon0), sin(lon0), 0}, q[3] = {0, 0, 1}, site[3] = {w->R, 0, 0};
    double r[3], vt[3], d[3], dn = 0;
    for (int k = 0; k < 3; k++) {
        r[k] = rr * (cos(th) * p[k] + sin(th) * q[k]);
        vt[k] = rr * om * (-sin(th) * p[k] + cos(th) * q[k]);
        d[k] = r[k] - site[k];
        dn += d[k] * d[k];
    }
    dn = sqrt(dn);
    double rel = 0, dot = 0;
    for (int k = 0; k < 3; k++) {
        const double vk = v * d[k] / dn;
        rel += (vk - vt[k]) * (vk - vt[k]);
        dot += vk * vt[k];
    }
    *closing = sqrt(rel);
    *angle = acos(dot / (v * fabs(u)));
}

/* Prepare a threat detected by an IR sensor at t = delay (NAN: no sensors). */
static void prepare(const world *w, const bmd_trajectory *tr, double ir_delay, bmd_threat *th)
{
    bmd_ir_sensor ir = {0.0, ir_delay};
    bmd_sensor_set ss = {NULL, 0, &ir, 1};
    bmd_error err;
    int st = bmd_threat_prepare(&w->earth, tr, NULL, BMD_OBJECT_RV, isnan(ir_delay) ? NULL : &ss,
                                th, &err);
    if (st)
        print_error("%s\n", err.message);
    assert_int_equal(st, BMD_SUCCESS);
}

/* Timeline track 5 s, decision 3 s, launch 2 s (10 s from detection to launch), assessment A. */
static bmd_timeline timeline(double assess)
{
    bmd_timeline tl = {5.0, 3.0, 2.0, assess};
    return tl;
}

static bmd_defense_site site_at_origin(const bmd_flyout *tab, int n)
{
    bmd_defense_site s = {0.0, 0.0, 0.0, tab, n, NULL};
    return s;
}

static void engage(const bmd_earth *earth, const bmd_threat *th, const bmd_defense_site *site,
                   const bmd_timeline *tl, const bmd_engage_options *opt, bmd_engagement *e)
{
    bmd_error err;
    int st = bmd_engage(earth, th, site, tl, opt, e, &err);
    if (st)
        print_error("%s\n", err.message);
    assert_int_equal(st, BMD_SUCCESS);
}

/* ------------------------------------------------------------------------------------------- */
/* Closed forms. */

/* Vertical descent from h0 at speed u straight down onto the site; the KV climbs vertically at v:
 * T(h) = h / v + t_b / 2, so the earliest intercept solves t = L0 + t_b/2 + (h0 - u t)/v,
 * t1 = (L0 + t_b/2 + h0/v) / (1 + u/v), and the latest is the floor crossing (h0 - h_min)/u. */
static void vertical_descent_window_is_the_closed_form(void **state)
{
    (void)state;
    world w;
    flat_world(&w);
    const double h0 = 400e3, u = 3000.0, v = 2000.0, h_min = 50e3;
    bmd_trajectory tr = {0};
    vertical_descent(&tr, &w, h0, u);
    bmd_flyout tab;
    build_table(&w, &tab, v, h_min, 200e3, 500e3);
    bmd_threat th;
    prepare(&w, &tr, 10.0, &th);
    bmd_timeline tl = timeline(5.0);
    bmd_defense_site site = site_at_origin(&tab, 4);
    bmd_engagement e;
    engage(&w.earth, &th, &site, &tl, NULL, &e);
    assert_true(e.engageable);
    assert_int_equal(e.reason, BMD_ENGAGE_OK);
    assert_close(e.detect_s, 10.0, 1e-9);         /* IR delay: exact */
    assert_close(e.track_s, 15.0, 1e-9);          /* + track delay */
    assert_close(e.launch_earliest_s, 20.0, 1e-9); /* + decision + launch */
    const double t1 = (20.0 + TB / 2 + h0 / v) / (1 + u / v); /* 88.04 s */
    const double t2 = (h0 - h_min) / u;                      /* 116.667 s */
    /* table 0.02 s on T, which moves t1 by 0.02 / (1 + u/v); bisection 1e-3 s: 0.03 s */
    assert_close(e.earliest.t_s, t1, 0.03);
    assert_close(e.earliest.launch_s, 20.0, 0.03);
    assert_close(e.latest.t_s, t2, 0.01); /* floor crossing: u t exact, bisection 1e-3 s */
    assert_close(e.altitude_max_m, h0 - u * t1, 100.0); /* 0.03 s x 3 km/s */
    assert_close(e.altitude_min_m, h_min, 5.0);           /* 1e-3 s x 3 km/s + margin */
    /* Head-on: closing speed u + v, crossing angle pi (KV straight up, threat straight down);
     * table speed 0.1 %, vertical within the fan's 1/4 degree at range 0. */
    assert_close(e.earliest.closing_speed_m_s, u + v, 5.0);
    assert_close(e.earliest.crossing_angle_rad, PI, 0.01);
    assert_close(e.earliest.ground_range_m, 0.0, 1e-3);
    /* Launch window: first = L0; last launch = latest t - T there = t2 - h_min/v - t_b/2 (the
     * margin t - T grows as t (1 + u/v) - ... so it is largest at the window's end). */
    assert_close(e.launch_first_s, 20.0, 0.03);
    assert_close(e.launch_last_s, t2 - h_min / v - TB / 2, 0.03);
    /* Geometry alone: reachable from the start (400 km, 200 s flyout) to the floor. */
    assert_close(e.reach_first_s, 0.0, 1e-9);
    assert_close(e.reach_last_s, t2, 0.01);
    bmd_flyout_free(&tab);
    bmd_trajectory_free(&tr);
}

/* Hand count of shoot-look-shoot against the vertical descent: shot k launched at L intercepts at
 * t = (L + t_b/2 + h0/v)/(1 + u/v); the next L = t + A; stop past the floor or out of rounds. */
static void shot_opportunities_match_the_hand_count(void **state)
{
    (void)state;
    world w;
    flat_world(&w);
    const double h0 = 400e3, u = 3000.0, v = 4000.0, h_min = 50e3, t_floor = (h0 - h_min) / u;
    bmd_trajectory tr = {0};
    vertical_descent(&tr, &w, h0, u);
    bmd_flyout tab;
    build_table(&w, &tab, v, h_min, 200e3, 500e3);
    bmd_threat th;
    prepare(&w, &tr, 10.0, &th);
    const double assess[] = {0.0, 2.0, 10.0, 30.0};
    const int rounds[] = {8, 2};
    for (size_t a = 0; a < sizeof assess / sizeof *assess; a++) {
        for (size_t r = 0; r < sizeof rounds / sizeof *rounds; r++) {
            bmd_timeline tl = timeline(assess[a]);
            bmd_defense_site site = site_at_origin(&tab, rounds[r]);
            bmd_engagement e;
            engage(&w.earth, &th, &site, &tl, NULL, &e);
            double L = 20.0, t_hand[16];
            int n = 0;
            while (n < rounds[r]) {
                const double t = (L + TB / 2 + h0 / v) / (1 + u / v);
                if (t > t_floor)
                    break;
                t_hand[n++] = t;
                L = t + assess[a];
            }
            print_message("assess %g s, %d rounds: %d shots (hand %d)\n", assess[a], rounds[r],
                          e.shot_opportunities, n);
            assert_true(n >= 1);
            assert_int_equal(e.shot_opportunities, n); /* hand count: exact */
            assert_int_equal(e.n_shots, n);
            for (int k = 0; k < n; k++) /* 0.02 s table + bisection, carried through k shots */
                assert_close(e.shots[k].intercept_s, t_hand[k], 0.03 * (k + 1));
        }
    }
    /* Sanity of the hand count itself: with A = 2 s and 8 rounds, 3 shots (68.63, 97.59,
     * 114.10 s) before the floor at 116.67 s. */
    bmd_trajectory_free(&tr);
    bmd_flyout_free(&tab);
}

/* Crossing at constant altitude: the track passes 300 km east of the site at 150 km altitude,
 * 3 km/s northward; KV 2 km/s. Earliest: root of t - D(t)/v - t_b/2 = L0 with the straight-line
 * distance D(t) in closed form. Since the KV is faster than the threat, t - T(t) keeps growing:
 * the window runs to the end of the track. */
static void crossing_window_is_the_closed_form(void **state)
{
    (void)state;
    world w;
    flat_world(&w);
    const double h = 150e3, u = 3000.0, v = 2000.0, lon0 = 300e3 / w.R;
    const double th0 = -900e3 / (w.R + h), t_end = 600.0;
    bmd_trajectory tr = {0};
    circle_track(&tr, &w, h, u, lon0, th0, t_end);
    bmd_flyout tab;
    build_table(&w, &tab, v, 50e3, 1200e3, 400e3);
    bmd_threat th;
    prepare(&w, &tr, 10.0, &th);
    bmd_timeline tl = timeline(30.0);
    bmd_defense_site site = site_at_origin(&tab, 4);
    bmd_engagement e;
    engage(&w.earth, &th, &site, &tl, NULL, &e);
    assert_true(e.engageable);
    const double t1 = circle_root(&w, h, u, lon0, th0, v, 20.0, 20.0, t_end);
    print_message("crossing: earliest %.3f s (closed form %.3f s), latest %.3f s\n",
                  e.earliest.t_s, t1, e.latest.t_s);
    /* table 0.02 s on T; d(t - T)/dt >= 1 - u/v... near t1 the slope is ~1.3: 0.03 s */
    assert_close(e.earliest.t_s, t1, 0.03);
    assert_close(e.latest.t_s, t_end, 1e-9); /* feasible to the end of the series */
    assert_close(e.altitude_min_m, h, 1.0);  /* constant altitude (Hermite on a circle: < 1 m) */
    assert_close(e.altitude_max_m, h, 1.0);
    /* At the earliest point the threat is still south of the closest approach: the KV meets it
     * neither head-on nor tail-on. */
    assert_true(e.earliest.crossing_angle_rad > 30 * DEG && e.earliest.crossing_angle_rad < 150 * DEG);
    double cl, an;
    circle_closing(&w, h, u, lon0, th0, v, e.earliest.t_s, &cl, &an);
    /* closed form (straight ray at v); the table's speed 0.1 % and angle 1e-3 rad, the heading
     * from the geodesic: 10 m/s and 2e-3 rad */
    assert_close(e.earliest.closing_speed_m_s, cl, 10.0);
    assert_close(e.earliest.crossing_angle_rad, an, 2e-3);
    bmd_flyout_free(&tab);
    bmd_trajectory_free(&tr);
}

/* Head-on: the track flies at 150 km straight over the site from 600 km north at 3 km/s; KV
 * 2 km/s. t - T(t) grows while the threat approaches and falls (slope 1 - u/v < 0) once it has
 * passed, so the window is [root on the way in, root on the way out]. */
static void head_on_window_is_the_closed_form(void **state)
{
    (void)state;
    world w;
    flat_world(&w);
    const double h = 150e3, u = 3000.0, v = 2000.0;
    const double th0 = 600e3 / (w.R + h), t_end = 800.0;
    bmd_trajectory tr = {0};
    circle_track(&tr, &w, h, -u, 0.0, th0, t_end); /* moving south */
    bmd_flyout tab;
    build_table(&w, &tab, v, 50e3, 1300e3, 400e3);
    bmd_threat th;
    prepare(&w, &tr, 10.0, &th);
    bmd_timeline tl = timeline(30.0);
    bmd_defense_site site = site_at_origin(&tab, 4);
    bmd_engagement e;
    engage(&w.earth, &th, &site, &tl, NULL, &e);
    assert_true(e.engageable);
    const double t_over = th0 * (w.R + h) / u; /* 200 s: overhead */
    const double t1 = circle_root(&w, h, -u, 0.0, th0, v, 20.0, 20.0, t_over);
    const double t2 = circle_root(&w, h, -u, 0.0, th0, v, 20.0, t_over, t_end);
    print_message("head-on: [%.3f, %.3f] s, closed form [%.3f, %.3f] s\n", e.earliest.t_s,
                  e.latest.t_s, t1, t2);
    assert_close(e.earliest.t_s, t1, 0.03); /* table 0.02 s; slope of t - T about 2.5 */
    assert_close(e.latest.t_s, t2, 0.1);    /* slope of t - T only -0.5 there: 0.02/0.5 + 0.05 */
    /* Approaching: the KV meets it from the front (it climbs at ~40 degrees toward a level
     * threat, so the angle between the velocities is ~140 degrees). */
    assert_true(e.earliest.crossing_angle_rad > 120 * DEG);
    double cl, an;
    circle_closing(&w, h, -u, 0.0, th0, v, e.earliest.t_s, &cl, &an);
    assert_close(e.earliest.closing_speed_m_s, cl, 10.0); /* as in the crossing case */
    assert_close(e.earliest.crossing_angle_rad, an, 2e-3);
    /* On the way out the KV chases it: the angle is below 90 degrees. */
    assert_true(e.latest.crossing_angle_rad < PI / 2);
    bmd_flyout_free(&tab);
    bmd_trajectory_free(&tr);
}

/* Tail chase: the same track flying away from above the site. A faster KV (4 km/s) catches it;
 * a slower one (2 km/s) never does: t - T(t) = t (1 - u/v) - t_b/2 < 0 for all t when u > v,
 * even with detection at launch ("too late"). */
static void tail_chase_needs_a_faster_interceptor(void **state)
{
    (void)state;
    world w;
    flat_world(&w);
    const double h = 150e3, u = 3000.0, t_end = 400.0;
    bmd_trajectory tr = {0};
    circle_track(&tr, &w, h, u, 0.0, 0.0, t_end);
    bmd_threat th;
    prepare(&w, &tr, 10.0, &th);
    bmd_timeline tl = timeline(30.0);
    bmd_flyout fast, slow;
    build_table(&w, &fast, 4000.0, 50e3, 1500e3, 400e3);
    build_table(&w, &slow, 2000.0, 50e3, 1500e3, 400e3);
    bmd_defense_site site = site_at_origin(&fast, 4);
    bmd_engagement e;
    engage(&w.earth, &th, &site, &tl, NULL, &e);
    assert_true(e.engageable);
    const double t1 = circle_root(&w, h, u, 0.0, 0.0, 4000.0, 20.0, 20.0, t_end);
    assert_close(e.earliest.t_s, t1, 0.1); /* slope of t - T is 1 - u/v = 0.25: 0.02/0.25 */
    assert_true(e.earliest.crossing_angle_rad < 60 * DEG); /* from behind and below */
    double cl, an;
    circle_closing(&w, h, u, 0.0, 0.0, 4000.0, e.earliest.t_s, &cl, &an);
    assert_close(e.earliest.closing_speed_m_s, cl, 10.0); /* as in the crossing case */
    assert_close(e.earliest.crossing_angle_rad, an, 2e-3);
    site.flyout = &slow;
    engage(&w.earth, &th, &site, &tl, NULL, &e);
    assert_false(e.engageable);
    assert_int_equal(e.reason, BMD_ENGAGE_TOO_LATE);
    assert_true(isnan(e.earliest.t_s));
    bmd_flyout_free(&fast);
    bmd_flyout_free(&slow);
    bmd_trajectory_free(&tr);
}

/* ------------------------------------------------------------------------------------------- */
/* Reasons. */

static void every_reason_for_an_empty_window_is_produced(void **state)
{
    (void)state;
    world w;
    flat_world(&w);
    bmd_trajectory tr = {0};
    vertical_descent(&tr, &w, 400e3, 3000.0);
    bmd_flyout tab, high_floor;
    build_table(&w, &tab, 2000.0, 50e3, 200e3, 500e3);
    build_table(&w, &high_floor, 2000.0, 450e3, 200e3, 500e3);
    bmd_timeline tl = timeline(5.0);
    bmd_engagement e;
    bmd_threat th;

    /* Not seen: no sensors at all. */
    prepare(&w, &tr, NAN, &th);
    bmd_defense_site site = site_at_origin(&tab, 2);
    engage(&w.earth, &th, &site, &tl, NULL, &e);
    assert_int_equal(e.reason, BMD_ENGAGE_NOT_SEEN);
    assert_true(isinf(e.detect_s));
    assert_string_equal(bmd_engage_reason_name(e.reason), "not seen");

    /* Not seen in time: IR reports at 100 s, launch at 110 s, but the floor is crossed at
     * 116.7 s and T(50 km) = 25.1 s; reported at launch (10 s) it would work. */
    prepare(&w, &tr, 100.0, &th);
    engage(&w.earth, &th, &site, &tl, NULL, &e);
    assert_int_equal(e.reason, BMD_ENGAGE_NOT_SEEN_IN_TIME);
    assert_close(e.detect_s, 100.0, 1e-9);
    assert_false(e.engageable);

    /* Below the altitude floor: floor 450 km above the 400 km start. */
    prepare(&w, &tr, 10.0, &th);
    site.flyout = &high_floor;
    engage(&w.earth, &th, &site, &tl, NULL, &e);
    assert_int_equal(e.reason, BMD_ENGAGE_BELOW_FLOOR);
    assert_string_equal(bmd_engage_reason_name(e.reason), "below the altitude floor");

    /* Out of reach: the site 1,000 km away (table only to 200 km). */
    site.flyout = &tab;
    site.lon_rad = 1000e3 / w.R;
    engage(&w.earth, &th, &site, &tl, NULL, &e);
    assert_int_equal(e.reason, BMD_ENGAGE_OUT_OF_REACH);
    assert_true(isnan(e.reach_first_s));

    /* Outside fire-control radar coverage: an FCR at the site that looks only up to 30 degrees
     * never sees a target straight overhead. Detection is still the IR's at 10 s. */
    site.lon_rad = 0;
    bmd_radar fcr;
    bmd_radar_init(&fcr);
    fcr.fov_elevation_max_rad = 30 * DEG;
    site.fire_control = &fcr;
    engage(&w.earth, &th, &site, &tl, NULL, &e);
    assert_int_equal(e.reason, BMD_ENGAGE_NO_FCR_COVERAGE);
    assert_close(e.detect_s, 10.0, 1e-9);
    /* ...and switching the coverage rule off makes it engageable again. */
    bmd_engage_options o;
    bmd_engage_options_init(&o);
    o.require_fcr_coverage = 0;
    engage(&w.earth, &th, &site, &tl, &o, &e);
    assert_true(e.engageable);
    site.fire_control = NULL;

    /* Too late: tested with the tail chase (tail_chase_needs_a_faster_interceptor). */
    bmd_flyout_free(&tab);
    bmd_flyout_free(&high_floor);
    bmd_trajectory_free(&tr);
}

/* An FCR that sees the threat before the cueing sensors sets the detection time: the default
 * radar (full circle, 1,000 km for 1 m^2) at the site sees the descending target from t = 0. */
static void fire_control_radar_detects_before_the_cueing_sensors(void **state)
{
    (void)state;
    world w;
    flat_world(&w);
    bmd_trajectory tr = {0};
    vertical_descent(&tr, &w, 400e3, 3000.0);
    bmd_flyout tab;
    build_table(&w, &tab, 2000.0, 50e3, 200e3, 500e3);
    bmd_threat th;
    prepare(&w, &tr, 60.0, &th);
    bmd_radar fcr;
    bmd_radar_init(&fcr);
    fcr.max_range_m = 300e3; /* sees it from 400 - 300 = 100 km of descent, i.e. t = 33.33 s */
    bmd_defense_site site = site_at_origin(&tab, 2);
    site.fire_control = &fcr;
    bmd_timeline tl = timeline(5.0);
    bmd_engagement e;
    engage(&w.earth, &th, &site, &tl, NULL, &e);
    assert_int_equal(e.detector, BMD_DETECTOR_FIRE_CONTROL);
    assert_close(e.detect_s, 100e3 / 3000.0, 2e-3); /* closed form; bisection 1e-3 s */
    assert_true(e.engageable);
    bmd_flyout_free(&tab);
    bmd_trajectory_free(&tr);
}

/* ------------------------------------------------------------------------------------------- */
/* Properties on a real flight. */

/* Fly catalogue missile name from (lat0, lon0) to (lat1, lon1) (degrees), minimum energy. */
static void fly(const bmd_earth *earth, const char *name, double lat0, double lon0, double lat1,
                double lon1, bmd_trajectory *tr, bmd_flight_summary *sum)
{
    bmd_catalog_missile *m = malloc(sizeof *m);
    assert_non_null(m);
    bmd_error err;
    int st = bmd_catalog_find_missile(test_catalog_dir("missiles"), name, m, &err);
    if (st)
        print_error("%s\n", err.message);
    assert_int_equal(st, BMD_SUCCESS);
    bmd_site launch = {lat0 * DEG, lon0 * DEG, 0};
    bmd_plan base;
    bmd_plan_init(&base);
    bmd_aim_result maxr, aim;
    assert_int_equal(bmd_aim_max_range(earth, &m->missile, &base, &launch, NULL, &maxr, &err),
                     BMD_SUCCESS);
    assert_int_equal(bmd_aim_target(earth, &m->missile, BMD_AIM_MIN_ENERGY, &maxr.plan, &launch,
                                    lat1 * DEG, lon1 * DEG, 100.0, NULL, &aim, &err),
                     BMD_SUCCESS);
    assert_true(aim.reachable);
    bmd_flight_options fo;
    bmd_flight_options_init(&fo);
    fo.sample_interval_s = 5.0;
    memset(tr, 0, sizeof *tr);
    assert_int_equal(bmd_trajectory_fly(earth, &m->missile, &aim.plan, launch.lat_rad,
                                        launch.lon_rad, 0, &fo, sum, tr, &err),
                     BMD_SUCCESS);
    free(m);
}

/* A notional interceptor of speed v and burn tb on earth: table at default resolution. */
static void real_table(const bmd_earth *earth, bmd_flyout *tab, double v, double tb, double h_min)
{
    bmd_interceptor ic;
    bmd_interceptor_init(&ic);
    ic.burnout_speed_m_s = v;
    ic.burn_time_s = tb;
    ic.min_altitude_m = h_min;
    ic.max_flyout_time_s = 600.0;
    bmd_error err;
    memset(tab, 0, sizeof *tab);
    int st = bmd_flyout_build(tab, earth, &ic, NULL, &err);
    if (st)
        print_error("%s\n", err.message);
    assert_int_equal(st, BMD_SUCCESS);
}

typedef struct real_case {
    bmd_earth earth;
    bmd_trajectory tr;
    bmd_flight_summary sum;
    bmd_threat th;
} real_case;

/* A Shahab-3-class flight of ~880 km (its catalogue maximum is ~1,060 km), seen by the
 * space-based IR (default cloud tops, 30 s delay). */
static void real_threat(real_case *rc)
{
    bmd_earth_init_wgs84(&rc->earth);
    fly(&rc->earth, "shahab-3-class", 35.5, 51.0, 37.5, 41.5, &rc->tr, &rc->sum);
    bmd_ir_sensor ir = {10e3, 30.0};
    bmd_sensor_set ss = {NULL, 0, &ir, 1};
    assert_int_equal(bmd_threat_prepare(&rc->earth, &rc->tr, &rc->sum.events, BMD_OBJECT_RV, &ss,
                                        &rc->th, NULL),
                     BMD_SUCCESS);
}

/* A faster interceptor never shrinks the window and a longer delay never enlarges it (the
 * feasible set only grows with a smaller T and a smaller L0). Tolerance: the bisection 2e-3 s. */
static void faster_interceptors_never_shrink_and_longer_delays_never_enlarge_windows(void **state)
{
    (void)state;
    real_case rc;
    real_threat(&rc);
    bmd_flyout t3, t45;
    real_table(&rc.earth, &t3, 3000.0, 40.0, 15e3);
    real_table(&rc.earth, &t45, 4500.0, 40.0, 15e3);
    /* Site 200 km short of the impact point on the ground track. */
    double lat, lon, az;
    bmd_geodesy_inverse(&rc.earth, rc.sum.impact_lat_rad, rc.sum.impact_lon_rad, 35.5 * DEG,
                        51.0 * DEG, NULL, &az, NULL);
    bmd_geodesy_direct(&rc.earth, rc.sum.impact_lat_rad, rc.sum.impact_lon_rad, az, 200e3, &lat,
                       &lon, NULL);
    bmd_defense_site site = {lat, lon, 0, &t3, 4, NULL};
    bmd_engagement prev = {0};
    int first = 1;
    const double delays[] = {0.0, 60.0, 150.0, 250.0, 400.0};
    for (size_t k = 0; k < sizeof delays / sizeof *delays; k++) {
        bmd_timeline tl = {delays[k], 10.0, 5.0, 30.0};
        bmd_engagement slow, fast;
        site.flyout = &t3;
        engage(&rc.earth, &rc.th, &site, &tl, NULL, &slow);
        site.flyout = &t45;
        engage(&rc.earth, &rc.th, &site, &tl, NULL, &fast);
        print_message("track delay %3.0f s: 3 km/s [%.2f, %.2f] (%s), 4.5 km/s [%.2f, %.2f] (%s)\n",
                      delays[k], slow.earliest.t_s, slow.latest.t_s,
                      bmd_engage_reason_name(slow.reason), fast.earliest.t_s, fast.latest.t_s,
                      bmd_engage_reason_name(fast.reason));
        if (slow.engageable) {
            assert_true(fast.engageable);
            assert_true(fast.earliest.t_s <= slow.earliest.t_s + 2e-3);
            assert_true(fast.latest.t_s >= slow.latest.t_s - 2e-3);
            assert_true(fast.shot_opportunities >= slow.shot_opportunities);
        }
        if (!first) {
            if (fast.engageable) {
                assert_true(prev.engageable);
                assert_true(fast.earliest.t_s >= prev.earliest.t_s - 2e-3);
                assert_true(fast.latest.t_s <= prev.latest.t_s + 2e-3);
            }
        }
        if (k == 0) /* the case must be interesting: engageable without delays */
            assert_true(fast.engageable && slow.engageable);
        prev = fast;
        first = 0;
    }
    assert_false(prev.engageable); /* 400 s of track delay is too much for an 880 km MRBM */
    bmd_flyout_free(&t3);
    bmd_flyout_free(&t45);
    bmd_trajectory_free(&rc.tr);
}

/* The launch-on settings (bmd/engagement.h): with space-based IR as the only cue, ir-track starts
 * the delays at the IR report (during boost), burnout at the threat's burnout (the flight events'
 * final burnout), and radar-track never (no radar: "not seen"); with a radar at the target,
 * radar-track starts at max(its first sight, burnout). Exact: L0 = start + 30 + 10 + 5 s. */
static void launch_on_settings_start_the_delays_where_documented(void **state)
{
    (void)state;
    real_case rc;
    real_threat(&rc);
    bmd_flyout tab;
    real_table(&rc.earth, &tab, 4500.0, 40.0, 15e3);
    bmd_defense_site site = {rc.sum.impact_lat_rad, rc.sum.impact_lon_rad, 0, &tab, 4, NULL};
    bmd_engagement_rules rules;
    bmd_engagement_rules_init(&rules);
    assert_int_equal(rules.launch_on, BMD_LAUNCH_ON_IR_TRACK);
    const double chain = rules.timeline.track_delay_s + rules.timeline.decision_delay_s +
                         rules.timeline.launch_delay_s;
    const double burnout = rc.sum.events.burnout_s;
    assert_true(rc.th.cue_detect_s < burnout); /* the IR report comes during boost */
    assert_close(rc.th.burnout_s, burnout, 0);
    bmd_engagement e[BMD_LAUNCH_ON_COUNT];
    for (int k = 0; k < BMD_LAUNCH_ON_COUNT; k++) {
        bmd_timeline tl;
        bmd_engage_options opt;
        bmd_engage_options_init(&opt);
        rules.launch_on = (bmd_launch_on)k;
        bmd_engagement_rules_apply(&rules, &tl, &opt);
        engage(&rc.earth, &rc.th, &site, &tl, &opt, &e[k]);
        print_message("%-11s detect %.2f start %.2f L0 %.2f %s\n", bmd_launch_on_name(k),
                      e[k].detect_s, e[k].chain_start_s, e[k].launch_earliest_s,
                      bmd_engage_reason_name(e[k].reason));
    }
    assert_close(e[0].launch_earliest_s, rc.th.cue_detect_s + chain, 1e-9);
    assert_close(e[1].detect_s, rc.th.cue_detect_s, 0);
    assert_close(e[1].launch_earliest_s, burnout + chain, 1e-9);
    assert_int_equal(e[2].reason, BMD_ENGAGE_NOT_SEEN);
    assert_true(isnan(e[0].detect_rcs_m2)); /* an IR detection has no cross-section */
    /* A radar at the target (1,000 km against 0.1 m^2: it sees the warhead on its way down). */
    bmd_radar r;
    bmd_radar_init(&r);
    r.lat_rad = site.lat_rad;
    r.lon_rad = site.lon_rad;
    r.ref_detection_range_m = 1000e3;
    r.ref_rcs_m2 = 0.1;
    bmd_ir_sensor ir = {10e3, 30.0};
    bmd_sensor_set ss = {&r, 1, &ir, 1};
    bmd_threat th;
    assert_int_equal(bmd_threat_prepare_rcs(&rc.earth, &rc.tr, &rc.sum.events, BMD_OBJECT_RV, 0.1,
                                            &ss, &th, NULL),
                     BMD_SUCCESS);
    assert_true(isfinite(th.cue_radar_detect_s));
    bmd_timeline tl;
    bmd_engage_options opt;
    bmd_engage_options_init(&opt);
    rules.launch_on = BMD_LAUNCH_ON_RADAR_TRACK;
    bmd_engagement_rules_apply(&rules, &tl, &opt);
    bmd_engagement er;
    engage(&rc.earth, &th, &site, &tl, &opt, &er);
    assert_int_equal(er.detector, BMD_DETECTOR_RADAR);
    assert_close(er.detect_s, th.cue_radar_detect_s, 0);
    assert_close(er.chain_start_s, fmax(th.cue_radar_detect_s, burnout), 0);
    assert_close(er.launch_earliest_s, er.chain_start_s + chain, 1e-9);
    assert_close(er.detect_rcs_m2, 0.1, 0);
    /* A 16 times smaller cross-section halves the radar's range (R ~ sigma^(1/4)): seen later. */
    assert_int_equal(bmd_threat_prepare_rcs(&rc.earth, &rc.tr, &rc.sum.events, BMD_OBJECT_RV,
                                            0.1 / 16, &ss, &th, NULL),
                     BMD_SUCCESS);
    assert_true(!(th.cue_radar_detect_s < er.detect_s));
    bmd_flyout_free(&tab);
    bmd_trajectory_free(&rc.tr);
}

/* A site at the target with a fast interceptor engages whatever its radar sees: the window is
 * the radar's visibility (from bmd_radar_visibility) after the launch delays plus the flyout, up
 * to the end of visibility or the floor crossing. */
static void site_at_the_target_engages_whatever_its_radar_sees(void **state)
{
    (void)state;
    real_case rc;
    real_threat(&rc);
    bmd_flyout fast;
    real_table(&rc.earth, &fast, 8000.0, 5.0, 15e3);
    bmd_radar fcr;
    bmd_radar_init(&fcr);
    fcr.lat_rad = rc.sum.impact_lat_rad;
    fcr.lon_rad = rc.sum.impact_lon_rad;
    fcr.max_range_m = 800e3;
    bmd_threat th;
    assert_int_equal(bmd_threat_prepare(&rc.earth, &rc.tr, &rc.sum.events, BMD_OBJECT_RV, NULL,
                                        &th, NULL),
                     BMD_SUCCESS);
    bmd_defense_site site = {fcr.lat_rad, fcr.lon_rad, 0, &fast, 4, &fcr};
    bmd_timeline tl = {5.0, 3.0, 2.0, 10.0};
    bmd_engagement e;
    engage(&rc.earth, &th, &site, &tl, NULL, &e);
    bmd_interval iv[4];
    int n;
    assert_int_equal(bmd_radar_visibility(&fcr, &rc.earth, &rc.tr, BMD_OBJECT_RV, iv, 4, &n, NULL),
                     BMD_SUCCESS);
    assert_int_equal(n, 1);
    /* the floor crossing (15 km) on the way down, from the samples by bisection */
    double a = rc.sum.events.apogee_s, b = rc.sum.events.impact_s;
    for (int i = 0; i < 60; i++) {
        double r[3], v[3], m = 0.5 * (a + b);
        bmd_trajectory_state_at(&rc.tr, m, r, v, NULL);
        if (bmd_earth_altitude_m(&rc.earth, r) > 15e3)
            a = m;
        else
            b = m;
    }
    const double t_floor = a, t_end = fmin(iv[0].end_s, t_floor);
    print_message("radar sees [%.2f, %.2f] s, floor at %.2f s; window [%.2f, %.2f] s, detect "
                  "%.2f s\n", iv[0].start_s, iv[0].end_s, t_floor, e.earliest.t_s, e.latest.t_s,
                  e.detect_s);
    assert_true(e.engageable);
    assert_int_equal(e.detector, BMD_DETECTOR_FIRE_CONTROL);
    assert_close(e.detect_s, iv[0].start_s, 2e-3);     /* both bisect to 1e-3 s */
    assert_close(e.earliest.launch_s, e.detect_s + 10.0, 2e-3); /* launch right after the delays */
    assert_close(e.earliest.t_s, e.earliest.launch_s + e.earliest.flyout_s, 2e-3);
    assert_close(e.latest.t_s, t_end, 2e-3);
    assert_true(e.shot_opportunities >= 2); /* a long window and 10 s assessment */
    bmd_flyout_free(&fast);
    bmd_trajectory_free(&rc.tr);
}

/* Re-entrancy: the same evaluations in four threads give identical answers. */
typedef struct thread_job {
    const real_case *rc;
    const bmd_defense_site *site;
    bmd_engagement out;
    int st;
} thread_job;

static void *thread_main(void *arg)
{
    thread_job *j = arg;
    bmd_timeline tl = {10.0, 10.0, 5.0, 30.0};
    for (int i = 0; i < 20; i++)
        j->st |= bmd_engage(&j->rc->earth, &j->rc->th, j->site, &tl, NULL, &j->out, NULL);
    return NULL;
}

static void engagements_are_reentrant_across_threads(void **state)
{
    (void)state;
    real_case rc;
    real_threat(&rc);
    bmd_flyout tab;
    real_table(&rc.earth, &tab, 4500.0, 40.0, 15e3);
    bmd_defense_site site = {37.5 * DEG, 42.5 * DEG, 0, &tab, 4, NULL};
    thread_job jobs[4];
    pthread_t tid[4];
    for (int i = 0; i < 4; i++) {
        jobs[i] = (thread_job){&rc, &site, {0}, 0};
        assert_int_equal(pthread_create(&tid[i], NULL, thread_main, &jobs[i]), 0);
    }
    for (int i = 0; i < 4; i++)
        assert_int_equal(pthread_join(tid[i], NULL), 0);
    assert_true(jobs[0].out.engageable);
    for (int i = 0; i < 4; i++) {
        assert_int_equal(jobs[i].st, BMD_SUCCESS);
        assert_true(memcmp(&jobs[i].out, &jobs[0].out, sizeof jobs[0].out) == 0);
    }
    bmd_flyout_free(&tab);
    bmd_trajectory_free(&rc.tr);
}

/* ------------------------------------------------------------------------------------------- */
/* Required speed. */

/* Vertical descent: the last chance is the floor crossing at t_f = (h0 - h_min)/u, reachable when
 * t_f - h_min/v - t_b/2 >= L0, so v* = h_min / (t_f - L0 - t_b/2) (2.372 km/s here). */
static void required_speed_brackets_the_closed_form_boundary(void **state)
{
    (void)state;
    world w;
    flat_world(&w);
    const double h0 = 400e3, u = 3000.0, h_min = 150e3, L0 = 20.0;
    const double t_f = (h0 - h_min) / u, v_star = h_min / (t_f - L0 - TB / 2);
    bmd_trajectory tr = {0};
    vertical_descent(&tr, &w, h0, u);
    bmd_threat th;
    prepare(&w, &tr, 10.0, &th);
    bmd_flyout tab;
    build_table(&w, &tab, 1000.0, h_min, 200e3, 500e3); /* too slow: the site's own interceptor */
    bmd_defense_site site = site_at_origin(&tab, 2);
    bmd_timeline tl = timeline(5.0);
    bmd_engagement e;
    engage(&w.earth, &th, &site, &tl, NULL, &e);
    assert_false(e.engageable);
    bmd_required_speed rs;
    bmd_error err;
    int st = bmd_engage_required_speed(&w.earth, &th, &site, &tl, NULL, NULL, &rs, &err);
    if (st)
        print_error("%s\n", err.message);
    assert_int_equal(st, BMD_SUCCESS);
    print_message("required speed %.4f km/s (closed form %.4f), %d tables\n", rs.speed_m_s / 1e3,
                  v_star / 1e3, rs.n_tables);
    assert_true(rs.possible);
    /* the coarse table (61 altitude nodes over ~410 km, 91 elevations) and the 10 m/s bisection:
     * 0.5 % (measured +0.18 %) */
    assert_close(rs.speed_m_s, v_star, 0.005 * v_star);
    /* Just below (-1 %) the window is empty, just above (+1 %) it is not (default tables). */
    bmd_flyout below, above;
    build_table(&w, &below, 0.99 * v_star, h_min, 200e3, 500e3);
    build_table(&w, &above, 1.01 * v_star, h_min, 200e3, 500e3);
    site.flyout = &below;
    engage(&w.earth, &th, &site, &tl, NULL, &e);
    assert_false(e.engageable);
    site.flyout = &above;
    engage(&w.earth, &th, &site, &tl, NULL, &e);
    assert_true(e.engageable);

    /* The site's own interceptor engages (3 km/s > v*) but the search is capped below v*
     * (0.5-2 km/s): never "not possible"; the answer is the site's own speed, marked from_site. */
    bmd_flyout own;
    build_table(&w, &own, 3000.0, h_min, 200e3, 500e3);
    site.flyout = &own;
    bmd_required_speed_options capped;
    bmd_required_speed_options_init(&capped);
    capped.speed_hi_m_s = 2000.0;
    assert_int_equal(bmd_engage_required_speed(&w.earth, &th, &site, &tl, NULL, &capped, &rs,
                                               &err),
                     BMD_SUCCESS);
    assert_true(rs.site_engages);
    assert_true(rs.possible);
    assert_true(rs.from_site);
    assert_close(rs.speed_m_s, 3000.0, 0.0);
    bmd_flyout_free(&own);

    /* Seen too late: not possible at any speed of the scan, with the reason at its top. */
    prepare(&w, &tr, 100.0, &th);
    site.flyout = &tab;
    assert_int_equal(bmd_engage_required_speed(&w.earth, &th, &site, &tl, NULL, NULL, &rs, &err),
                     BMD_SUCCESS);
    assert_false(rs.possible);
    assert_true(isnan(rs.speed_m_s));
    assert_int_equal(rs.reason_at_hi, BMD_ENGAGE_NOT_SEEN_IN_TIME);
    /* the whole scan: 0.5, 1.0, ..., 11 km/s (the site's own 1 km/s is on the grid) */
    assert_int_equal(rs.n_tables, 22);
    assert_false(rs.site_engages);
    bmd_flyout_free(&tab);
    bmd_flyout_free(&below);
    bmd_flyout_free(&above);
    bmd_trajectory_free(&tr);
}

/* ------------------------------------------------------------------------------------------- */
/* Pieces and bad input. */

/* Lambert's formula against PROJ's geodesic (Karney) on WGS84: Lambert's error is of order
 * f^2 a sigma, "about 10 m over thousands of km" (Deakin 2009; Wikipedia, Geographical
 * distance). Bound 30 m up to 3,000 km. */
static void ground_range_matches_the_geodesic_on_wgs84(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    uint64_t seed = 7;
    double worst = 0;
    for (int k = 0; k < 2000; k++) {
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        const double u1 = (double)(seed >> 11) / 9007199254740992.0;
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        const double u2 = (double)(seed >> 11) / 9007199254740992.0;
        seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
        const double u3 = (double)(seed >> 11) / 9007199254740992.0;
        const double lat1 = (u1 * 160 - 80) * DEG, az = u2 * 2 * PI, dist = u3 * 3000e3;
        double lat2, lon2;
        bmd_geodesy_direct(&e, lat1, 0.3, az, dist, &lat2, &lon2, NULL);
        const double beta1 = atan2((1 - e.f) * sin(lat1), cos(lat1));
        worst = fmax(worst, fabs(bmd_eng_ground_range(&e, beta1, 0.3, lat2, lon2, NULL) - dist));
    }
    print_message("Lambert vs geodesic: worst %.2f m\n", worst);
    assert_true(worst < 30.0);
}

/* The trigonometry-free form used on the hot path (the foot point's reduced-sphere vector from
 * the geodetic normal of bmd_earth_local_frame) is the same formula as bmd_eng_ground_range: equal
 * to rounding. Bound 1 mm up to 15,000 km at any height 0..2,000 km (both are evaluated in
 * double precision: ~1e-16 x 2e7 m x the condition of Lambert's terms). */
static void trig_free_ground_range_equals_the_lambert_formula(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    uint64_t seed = 11;
    double worst = 0;
    for (int k = 0; k < 5000; k++) {
        double u[5];
        for (int i = 0; i < 5; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            u[i] = (double)(seed >> 11) / 9007199254740992.0;
        }
        const double lat1 = (u[0] * 178 - 89) * DEG, lon1 = (u[1] * 360 - 180) * DEG;
        double lat2, lon2, r[3], up[3];
        bmd_geodesy_direct(&e, lat1, lon1, u[2] * 2 * PI, u[3] * 15000e3, &lat2, &lon2, NULL);
        bmd_earth_geodetic_to_ecef(&e, lat2, lon2, u[4] * 2000e3, r);
        bmd_earth_local_frame(&e, r, NULL, NULL, up);
        const double beta1 = atan2((1 - e.f) * sin(lat1), cos(lat1));
        const double p1[3] = {cos(beta1) * cos(lon1), cos(beta1) * sin(lon1), sin(beta1)};
        const double d_ref = bmd_eng_ground_range(&e, beta1, lon1, lat2, lon2, NULL);
        worst = fmax(worst, fabs(bmd_eng_ground_range_up(&e, p1, up) - d_ref));
    }
    print_message("trig-free vs Lambert: worst %.3g m\n", worst);
    assert_true(worst < 1e-3);
}

/* The warm-started Newton foot point of bmd_eng_eval against the closed form (bmd_earth_local_frame,
 * Vermeille) along random walks of states 0.01 s .. 30 s apart at up to 8 km/s, heights
 * -1 .. 3000 km: height within 1e-6 m (the closed form's own accuracy, test_earth) and ground
 * range within 1e-6 m of bmd_eng_ground_range_up. */
static void newton_foot_point_matches_the_closed_form_along_a_track(void **state)
{
    (void)state;
    bmd_earth e;
    bmd_earth_init_wgs84(&e);
    eng_ctx c;
    memset(&c, 0, sizeof c);
    c.earth = &e;
    const double p1[3] = {cos(0.9) * cos(0.3), cos(0.9) * sin(0.3), sin(0.9)};
    uint64_t seed = 99;
    double worst_h = 0, worst_d = 0;
    double r[3];
    bmd_earth_geodetic_to_ecef(&e, 0.8, 0.5, 2e5, r);
    for (int k = 0; k < 20000; k++) {
        double u[4];
        for (int i = 0; i < 4; i++) {
            seed = seed * 6364136223846793005ULL + 1442695040888963407ULL;
            u[i] = (double)(seed >> 11) / 9007199254740992.0;
        }
        double lat, lon, h;
        bmd_earth_ecef_to_geodetic(&e, r, &lat, &lon, &h);
        const double step = (k % 7 == 0 ? 30.0 : 1.0) * 8e3 * u[3];
        lat = fmax(fmin(lat + step / 6.4e6 * cos(2 * PI * u[0]), 1.5), -1.5);
        lon += step / 6.4e6 * sin(2 * PI * u[0]);
        h = fmin(fmax(h + step * (u[1] - 0.5), -1e3), 3e6);
        bmd_earth_geodetic_to_ecef(&e, lat, lon, h, r);
        double p2[3], up[3];
        const double hn = bmd_eng_height_foot(&c, r, p2);
        const double hv = bmd_earth_local_frame(&e, r, NULL, NULL, up);
        worst_h = fmax(worst_h, fabs(hn - hv));
        worst_d = fmax(worst_d, fabs(bmd_eng_ground_range_p(&e, p1, p2) -
                                     bmd_eng_ground_range_up(&e, p1, up)));
    }
    print_message("Newton foot point vs closed form: height %.3g m, range %.3g m\n", worst_h,
                  worst_d);
    assert_true(worst_h < 1e-6);
    assert_true(worst_d < 1e-6);
}

static void bad_input_is_refused_with_einval(void **state)
{
    (void)state;
    world w;
    flat_world(&w);
    bmd_trajectory tr = {0};
    vertical_descent(&tr, &w, 400e3, 3000.0);
    bmd_flyout tab;
    build_table(&w, &tab, 2000.0, 50e3, 100e3, 500e3);
    bmd_threat th;
    prepare(&w, &tr, 10.0, &th);
    bmd_timeline tl = timeline(5.0);
    bmd_defense_site site = site_at_origin(&tab, 2);
    bmd_engagement e;
    bmd_error err;
    /* negative delay */
    bmd_timeline bad = tl;
    bad.launch_delay_s = -1;
    assert_int_equal(bmd_engage(&w.earth, &th, &site, &bad, NULL, &e, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "launch delay"));
    bad = tl;
    bad.kill_assessment_s = NAN;
    assert_int_equal(bmd_timeline_validate(&bad, &err), BMD_EINVAL);
    /* latitude outside +-90 degrees, NaN */
    bmd_defense_site s2 = site;
    s2.lat_rad = 1.7;
    assert_int_equal(bmd_engage(&w.earth, &th, &s2, &tl, NULL, &e, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "latitude"));
    s2.lat_rad = NAN;
    assert_int_equal(bmd_engage(&w.earth, &th, &s2, &tl, NULL, &e, &err), BMD_EINVAL);
    /* no interceptors, no table */
    s2 = site;
    s2.n_interceptors = 0;
    assert_int_equal(bmd_engage(&w.earth, &th, &s2, &tl, NULL, &e, &err), BMD_EINVAL);
    s2 = site;
    s2.flyout = NULL;
    assert_int_equal(bmd_engage(&w.earth, &th, &s2, &tl, NULL, &e, &err), BMD_EINVAL);
    /* scan step above 1 s */
    bmd_engage_options o;
    bmd_engage_options_init(&o);
    o.scan_step_s = 2.0;
    assert_int_equal(bmd_engage(&w.earth, &th, &site, &tl, &o, &e, &err), BMD_EINVAL);
    /* an unprepared threat, NULLs */
    bmd_threat none = {0};
    assert_int_equal(bmd_engage(&w.earth, &none, &site, &tl, NULL, &e, &err), BMD_EINVAL);
    assert_int_equal(bmd_engage(&w.earth, NULL, &site, &tl, NULL, &e, &err), BMD_EINVAL);
    assert_int_equal(bmd_engage(&w.earth, &th, &site, &tl, NULL, NULL, &err), BMD_EINVAL);
    /* a trajectory of one sample; an unknown object class; a bad IR sensor */
    bmd_trajectory one = tr;
    one.n_samples = 1;
    assert_int_equal(bmd_threat_prepare(&w.earth, &one, NULL, BMD_OBJECT_RV, NULL, &none, &err),
                     BMD_EINVAL);
    assert_int_equal(bmd_threat_prepare(&w.earth, &tr, NULL, (bmd_object_class)7, NULL, &none,
                                        &err),
                     BMD_EINVAL);
    bmd_ir_sensor ir = {-5.0, 0.0};
    bmd_sensor_set ss = {NULL, 0, &ir, 1};
    assert_int_equal(bmd_threat_prepare(&w.earth, &tr, NULL, BMD_OBJECT_RV, &ss, &none, &err),
                     BMD_EINVAL);
    /* required-speed bracket upside down */
    bmd_required_speed_options ro;
    bmd_required_speed_options_init(&ro);
    ro.speed_lo_m_s = 5000;
    ro.speed_hi_m_s = 1000;
    bmd_required_speed rs;
    assert_int_equal(bmd_engage_required_speed(&w.earth, &th, &site, &tl, NULL, &ro, &rs, &err),
                     BMD_EINVAL);
    bmd_flyout_free(&tab);
    bmd_trajectory_free(&tr);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(vertical_descent_window_is_the_closed_form),
        cmocka_unit_test(shot_opportunities_match_the_hand_count),
        cmocka_unit_test(crossing_window_is_the_closed_form),
        cmocka_unit_test(head_on_window_is_the_closed_form),
        cmocka_unit_test(tail_chase_needs_a_faster_interceptor),
        cmocka_unit_test(every_reason_for_an_empty_window_is_produced),
        cmocka_unit_test(fire_control_radar_detects_before_the_cueing_sensors),
        cmocka_unit_test(faster_interceptors_never_shrink_and_longer_delays_never_enlarge_windows),
        cmocka_unit_test(launch_on_settings_start_the_delays_where_documented),
        cmocka_unit_test(site_at_the_target_engages_whatever_its_radar_sees),
        cmocka_unit_test(engagements_are_reentrant_across_threads),
        cmocka_unit_test(required_speed_brackets_the_closed_form_boundary),
        cmocka_unit_test(ground_range_matches_the_geodesic_on_wgs84),
        cmocka_unit_test(trig_free_ground_range_equals_the_lambert_formula),
        cmocka_unit_test(newton_foot_point_matches_the_closed_form_along_a_track),
        cmocka_unit_test(bad_input_is_refused_with_einval),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
