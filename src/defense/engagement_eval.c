/* The threat at one time seen from one defence site: interpolated state, ground range from the
 * site, earliest KV arrival from the flyout table and the feasibility tests (a)-(d) of
 * bmd/engagement.h. Everything here is on the hot path: no allocation, no validation. */
#include <math.h>
#include <string.h>

#include "bmd/num.h"
#include "defense/engagement_internal.h"

/* Reduced (parametric) latitude of geodetic latitude lat on an ellipsoid of flattening f. */
static double reduced_latitude(double f, double lat_rad)
{
    return atan2((1.0 - f) * sin(lat_rad), cos(lat_rad));
}

void bmd_eng_ctx_init(eng_ctx *c, const bmd_earth *earth, const bmd_threat *th,
                  const bmd_defense_site *site, const bmd_engage_options *opt)
{
    memset(c, 0, sizeof *c);
    c->earth = earth;
    c->th = th;
    c->site = site;
    c->tab = site->flyout;
    c->ic = &site->flyout->ic;
    c->fcr = site->fire_control;
    c->require_fcr = site->fire_control && opt->require_fcr_coverage;
    if (c->fcr) {
        bmd_earth_geodetic_to_ecef(earth, c->fcr->lat_rad, c->fcr->lon_rad, c->fcr->height_m,
                                   c->fcr_site_m);
        c->rcs_m2 = isnan(th->rcs_m2) ? c->fcr->rcs_m2[th->cls] : th->rcs_m2;
        bmd_radar_view_init(&c->fcr_view, c->fcr, earth, c->rcs_m2);
        c->fcr_reach_m = c->fcr_view.reach_m;
    }
    c->site_beta_rad = reduced_latitude(earth->f, site->lat_rad);
    c->site_lon_rad = site->lon_rad;
    c->site_p[0] = cos(c->site_beta_rad) * cos(site->lon_rad);
    c->site_p[1] = cos(c->site_beta_rad) * sin(site->lon_rad);
    c->site_p[2] = sin(c->site_beta_rad);
    c->step_s = opt->scan_step_s;
    c->tol_s = opt->time_tol_s;
    /* Ground range of the foot point and altitude change no faster than the speed (the foot point
     * moves slower than the object above it); 10 % and 100 m/s of margin for the interpolation. */
    c->stride_speed_m_s = 1.1 * th->max_speed_m_s + 100.0;
    c->seg = 0;
}

void bmd_eng_state_at(eng_ctx *c, double t_s, double r_m[3], double v_m_s[3])
{
    const bmd_sample *s = c->th->traj->samples;
    const int n = c->th->traj->n_samples;
    int i = c->seg;
    if (i < 0 || i > n - 1)
        i = 0;
    /* i: the last sample with t <= t_s (duplicate times mark discontinuities: take the later). */
    while (i < n - 1 && s[i + 1].t_s <= t_s)
        i++;
    while (i > 0 && s[i].t_s > t_s)
        i--;
    c->seg = i;
    if (i == n - 1 || t_s <= s[i].t_s) {
        memcpy(r_m, s[i].r_ecef_m, sizeof s[i].r_ecef_m);
        memcpy(v_m_s, s[i].v_ecef_m_s, sizeof s[i].v_ecef_m_s);
        return;
    }
    const bmd_sample *a = &s[i], *b = &s[i + 1];
    bmd_num_hermite3(a->t_s, a->r_ecef_m, a->v_ecef_m_s, b->t_s, b->r_ecef_m, b->v_ecef_m_s, t_s,
                     r_m, v_m_s);
}

double bmd_eng_ground_range(const bmd_earth *earth, double beta1_rad, double lon1_rad, double lat_rad,
                        double lon_rad, double *az2_rad)
{
    const double f = earth->f;
    const double beta2 = reduced_latitude(f, lat_rad);
    const double dlon = lon_rad - lon1_rad;
    const double sb = sin(0.5 * (beta2 - beta1_rad)), sl = sin(0.5 * dlon);
    const double c1 = cos(beta1_rad), c2 = cos(beta2);
    double hav = sb * sb + c1 * c2 * sl * sl;
    hav = hav < 0 ? 0 : hav > 1 ? 1 : hav;
    const double sigma = 2.0 * asin(sqrt(hav));
    if (az2_rad)
        *az2_rad = atan2(sin(dlon) * c1, -c2 * sin(beta1_rad) + sin(beta2) * c1 * cos(dlon));
    if (f == 0.0 || sigma < 1e-12 || sigma > M_PI - 1e-6)
        return earth->a_m * sigma;
    /* Lambert's formula for long lines (Lambert 1942; e.g. Deakin, "Geodesics on an ellipsoid",
     * 2009): P, Q the half sum and difference of the reduced latitudes. */
    const double P = 0.5 * (beta1_rad + beta2), Q = 0.5 * (beta2 - beta1_rad);
    const double sP = sin(P), cP = cos(P), sQ = sin(Q), cQ = cos(Q);
    const double sh = sin(0.5 * sigma), ch = cos(0.5 * sigma);
    const double X = (sigma - sin(sigma)) * sP * sP * cQ * cQ / (ch * ch);
    const double Y = (sigma + sin(sigma)) * cP * cP * sQ * sQ / (sh * sh);
    return earth->a_m * (sigma - 0.5 * f * (X + Y));
}

double bmd_eng_ground_range_up(const bmd_earth *earth, const double p1[3], const double up[3])
{
    const double qz = (1.0 - earth->f) * up[2];
    const double nq = sqrt(up[0] * up[0] + up[1] * up[1] + qz * qz);
    const double p2[3] = {up[0] / nq, up[1] / nq, qz / nq};
    return bmd_eng_ground_range_p(earth, p1, p2);
}

double bmd_eng_height_foot(eng_ctx *c, const double r[3], double p2[3])
{
    if (!c->foot_ok) {
        c->foot[0] = NAN;
        c->foot_ok = 1;
    }
    return bmd_earth_altitude_near(c->earth, r, c->foot, p2);
}

double bmd_eng_ground_range_p(const bmd_earth *earth, const double p1[3], const double p2[3])
{
    const double f = earth->f;
    /* sigma = atan2(|p1 x p2|, p1 . p2); sin^2(sigma/2) and cos^2(sigma/2) from the chord
     * |p1 - p2| = 2 sin(sigma/2) and |p1 + p2| = 2 cos(sigma/2), free of cancellation */
    const double cx = p1[1] * p2[2] - p1[2] * p2[1], cy = p1[2] * p2[0] - p1[0] * p2[2],
                 cz = p1[0] * p2[1] - p1[1] * p2[0];
    const double ss = sqrt(cx * cx + cy * cy + cz * cz);
    const double cs = p1[0] * p2[0] + p1[1] * p2[1] + p1[2] * p2[2];
    const double sigma = atan2(ss, cs);
    if (f == 0.0 || sigma < 1e-12 || sigma > M_PI - 1e-6)
        return earth->a_m * sigma;
    double dm2 = 0, dp2 = 0;
    for (int k = 0; k < 3; k++) {
        dm2 += (p1[k] - p2[k]) * (p1[k] - p2[k]);
        dp2 += (p1[k] + p2[k]) * (p1[k] + p2[k]);
    }
    const double sh2 = 0.25 * dm2, ch2 = 0.25 * dp2; /* sin^2, cos^2 of sigma / 2 */
    /* Lambert: sin P cos Q = (sin b1 + sin b2) / 2, cos P sin Q = (sin b2 - sin b1) / 2 */
    const double spcq = 0.5 * (p1[2] + p2[2]), cpsq = 0.5 * (p2[2] - p1[2]);
    const double X = (sigma - ss) * spcq * spcq / ch2;
    const double Y = (sigma + ss) * cpsq * cpsq / sh2;
    return earth->a_m * (sigma - 0.5 * f * (X + Y));
}

/* Earliest arrival at (d, h) by bilinear interpolation in the table's cell (every corner must be
 * reached), without the altitude limits (applied by the caller so that the reasons can be told
 * apart). Sets T INFINITY and *outside_m > 0 beyond the grid. */
static void table_lookup(const bmd_flyout *tab, double d, double h, eng_state *s)
{
    s->T_s = INFINITY;
    s->kv_speed_m_s = s->kv_gamma_rad = NAN;
    const double over_r = d - tab->range_max_m, over_h = h - tab->altitude_max_m;
    s->outside_m = fmax(0.0, fmax(over_r, over_h));
    if (s->outside_m > 0.0 || !(h >= 0.0) || !(d >= 0.0))
        return;
    const double x = d / tab->d_range_m, y = h / tab->d_altitude_m;
    int i = (int)x, j = (int)y;
    if (i > tab->n_range - 2)
        i = tab->n_range - 2;
    if (j > tab->n_altitude - 2)
        j = tab->n_altitude - 2;
    const double fx = x - i, fy = y - j;
    const size_t n00 = (size_t)j * (size_t)tab->n_range + (size_t)i, n01 = n00 + 1;
    const size_t n10 = n00 + (size_t)tab->n_range, n11 = n10 + 1;
    const double *t = tab->t_s;
    if (isinf(t[n00]) || isinf(t[n01]) || isinf(t[n10]) || isinf(t[n11]))
        return;
    const double w00 = (1 - fx) * (1 - fy), w01 = fx * (1 - fy), w10 = (1 - fx) * fy, w11 = fx * fy;
    s->T_s = w00 * t[n00] + w01 * t[n01] + w10 * t[n10] + w11 * t[n11];
    const double *v = tab->speed_m_s, *g = tab->gamma_rad;
    s->kv_speed_m_s = w00 * v[n00] + w01 * v[n01] + w10 * v[n10] + w11 * v[n11];
    s->kv_gamma_rad = w00 * g[n00] + w01 * g[n01] + w10 * g[n10] + w11 * g[n11];
}

void bmd_eng_geodetic(const eng_ctx *c, eng_state *s)
{
    if (isnan(s->lat_rad))
        bmd_earth_ecef_to_geodetic(c->earth, s->r_m, &s->lat_rad, &s->lon_rad, NULL);
}

void bmd_eng_closing(const eng_ctx *c, const eng_state *s, double *closing_m_s, double *angle_rad)
{
    double az2, lat = s->lat_rad, lon = s->lon_rad;
    if (isnan(lat))
        bmd_earth_ecef_to_geodetic(c->earth, s->r_m, &lat, &lon, NULL);
    bmd_eng_ground_range(c->earth, c->site_beta_rad, c->site_lon_rad, lat, lon, &az2);
    double e[3], n[3], u[3], vk[3];
    bmd_earth_enu_basis(lat, lon, e, n, u);
    const double ch = s->kv_speed_m_s * cos(s->kv_gamma_rad);
    const double vu = s->kv_speed_m_s * sin(s->kv_gamma_rad);
    const double ve = ch * sin(az2), vn = ch * cos(az2);
    double rel2 = 0, dot = 0, vt2 = 0, vk2 = 0;
    for (int k = 0; k < 3; k++) {
        vk[k] = ve * e[k] + vn * n[k] + vu * u[k];
        const double dv = vk[k] - s->v_m_s[k];
        rel2 += dv * dv;
        dot += vk[k] * s->v_m_s[k];
        vt2 += s->v_m_s[k] * s->v_m_s[k];
        vk2 += vk[k] * vk[k];
    }
    if (closing_m_s)
        *closing_m_s = sqrt(rel2);
    if (angle_rad) {
        const double den = sqrt(vt2 * vk2);
        double cs = den > 0 ? dot / den : 1.0;
        cs = cs > 1 ? 1 : cs < -1 ? -1 : cs;
        *angle_rad = den > 0 ? acos(cs) : NAN;
    }
}

int bmd_eng_fcr_sees(const eng_ctx *c, const bmd_radar *fcr, const double r_m[3])
{
    const double dx = r_m[0] - c->fcr_site_m[0], dy = r_m[1] - c->fcr_site_m[1],
                 dz = r_m[2] - c->fcr_site_m[2];
    if (dx * dx + dy * dy + dz * dz > c->fcr_reach_m * c->fcr_reach_m * (1 + 1e-12))
        return 0;
    if (fcr == c->fcr) /* the prepared view: the same look without re-deriving the site */
        return bmd_radar_view_sees(&c->fcr_view, r_m);
    bmd_radar_look look;
    return bmd_radar_look_at_rcs(fcr, c->earth, r_m, c->rcs_m2, &look, NULL) == BMD_SUCCESS &&
           look.visible;
}

void bmd_eng_eval(eng_ctx *c, double t_s, eng_state *s)
{
    c->n_eval++;
    s->t_s = t_s;
    bmd_eng_state_at(c, t_s, s->r_m, s->v_m_s);
    double p2[3];
    s->h_m = bmd_eng_height_foot(c, s->r_m, p2);
    s->lat_rad = s->lon_rad = NAN;
    s->d_m = bmd_eng_ground_range_p(c->earth, c->site_p, p2);
    table_lookup(c->tab, s->d_m, s->h_m, s);
    const bmd_interceptor *ic = c->ic;
    s->reach = s->T_s <= ic->max_flyout_time_s;
    if (s->reach && ic->min_closing_speed_m_s > 0) {
        double closing;
        bmd_eng_closing(c, s, &closing, NULL);
        s->reach = closing >= ic->min_closing_speed_m_s;
    }
    s->alt_ok = s->h_m >= ic->min_altitude_m && s->h_m <= ic->max_altitude_m;
    s->geo = s->reach && s->alt_ok;
    if (s->geo && c->require_fcr)
        s->geo = bmd_eng_fcr_sees(c, c->fcr, s->r_m);
    s->margin_s = s->t_s - s->T_s;
}

typedef struct fcr_sight_ctx {
    eng_ctx *c;
    const bmd_radar *fcr;
} fcr_sight_ctx;

/* Whether the fire-control radar sees the threat at t_s (side B) or not (side A). */
static int fcr_sight_side(void *ctx, double t_s, int *side)
{
    const fcr_sight_ctx *f = ctx;
    double r[3], v[3];
    f->c->n_eval++;
    bmd_eng_state_at(f->c, t_s, r, v);
    *side = bmd_eng_fcr_sees(f->c, f->fcr, r) ? BMD_NUM_SIDE_B : BMD_NUM_SIDE_A;
    return BMD_SUCCESS;
}

double bmd_eng_fcr_first_sight(eng_ctx *c, const bmd_radar *fcr, double t_from, double t_to)
{
    double t = t_from, prev = NAN, r[3], v[3];
    for (;;) {
        c->n_eval++;
        bmd_eng_state_at(c, t, r, v);
        const double slant = sqrt((r[0] - c->fcr_site_m[0]) * (r[0] - c->fcr_site_m[0]) +
                                  (r[1] - c->fcr_site_m[1]) * (r[1] - c->fcr_site_m[1]) +
                                  (r[2] - c->fcr_site_m[2]) * (r[2] - c->fcr_site_m[2]));
        if (slant <= c->fcr_reach_m && bmd_eng_fcr_sees(c, fcr, r)) {
            if (isnan(prev))
                return t;
            double bad = prev, good = t;
            fcr_sight_ctx fc = {c, fcr};
            bmd_num_bisect_side(fcr_sight_side, &fc, &bad, &good, 200, c->tol_s, NULL);
            return good;
        }
        if (t >= t_to)
            return INFINITY;
        double adv = c->step_s;
        if (slant > c->fcr_reach_m)
            adv = fmax(adv, (slant - c->fcr_reach_m) / c->stride_speed_m_s);
        prev = t;
        t = fmin(t + adv, t_to);
    }
}
