/* The aiming frame and the observation of a flight (aim_target_internal.h): the frame fixed by
 * the launch point L and the target's geodesic bearing, the impact read in it (along-track
 * angle eta, unwrapped past the antipode, and bearing beta along the flight), the two controls
 * (p, phi) set into the plan and flown, and the along-track residual the iteration of
 * aim_target.c drives to zero. Method: the comment at the top of aim_target.c. */
#include <math.h>
#include <string.h>

#include "bmd/geodesy.h"
#include "flight/aim_target_internal.h"

/* Geocentric unit vector of a geodetic point. */
static void unit_vector(const bmd_earth *e, double lat, double lon, double u[3])
{
    bmd_earth_geodetic_to_ecef(e, lat, lon, 0.0, u);
    double r = sqrt(u[0] * u[0] + u[1] * u[1] + u[2] * u[2]);
    for (int i = 0; i < 3; i++)
        u[i] /= r;
}

/* Along-track angle (unwrapped to [-pi/2, 3pi/2)) and bearing along the flight (relative to the
 * frame's tangent; the long way round beyond the antipode) of unit vector u. */
static void frame_coords(const aim_frame *f, const double u[3], double *eta, double *beta)
{
    double ut = bmd_dot3(u, f->t), un = bmd_dot3(u, f->n), e = atan2(ut, bmd_dot3(u, f->l));
    *eta = e < -0.5 * M_PI ? e + 2.0 * M_PI : e;
    *beta = *eta > M_PI ? atan2(-un, -ut) : atan2(un, ut);
}

void bmd_aim_frame_init(const bmd_earth *e, const bmd_site *site, const aim_state *s,
                        aim_frame *f)
{
    double east[3], north[3], up[3], tgt[3], d[3], k;
    unit_vector(e, site->lat_rad, site->lon_rad, f->l);
    bmd_earth_enu_basis(site->lat_rad, site->lon_rad, east, north, up);
    for (int i = 0; i < 3; i++)
        d[i] = sin(s->az_t) * east[i] + cos(s->az_t) * north[i];
    k = bmd_dot3(d, f->l);
    for (int i = 0; i < 3; i++)
        d[i] -= k * f->l[i];
    k = sqrt(bmd_dot3(d, d));
    for (int i = 0; i < 3; i++)
        f->t[i] = d[i] / k;
    /* right-hand normal: forward x up */
    f->n[0] = f->t[1] * f->l[2] - f->t[2] * f->l[1];
    f->n[1] = f->t[2] * f->l[0] - f->t[0] * f->l[2];
    f->n[2] = f->t[0] * f->l[1] - f->t[1] * f->l[0];
    f->radius_m = bmd_earth_mean_radius_m(e);
    unit_vector(e, s->lat, s->lon, tgt);
    frame_coords(f, tgt, &f->eta_t, &f->beta_t);
    f->xi_t = asin(fmax(-1.0, fmin(1.0, bmd_dot3(tgt, f->n))));
}

/* Set the plan for controls (p, phi): min-energy cuts the peak shape off at p and flies at
 * azimuth az_t + phi; depressed flies shape p at az_t + phi; lofted flies the kick vector
 * (p along the bearing, phi across it), regular through the vertical plan. */
static void set_controls(aim_eval *a, const aim_state *s, double p, double phi)
{
    if (s->cut) {
        a->plan.azimuth_rad = s->az_t + phi;
        bmd_aim_set_shape(&a->plan, s->x_me);
        a->plan.cutoff_s = p;
    } else if (s->shape == BMD_AIM_LOFTED) {
        a->plan.azimuth_rad = s->az_t + atan2(phi, p);
        bmd_aim_set_shape(&a->plan, fmin(hypot(p, phi), s->x_max));
        a->plan.cutoff_s = 0.0;
    } else {
        a->plan.azimuth_rad = s->az_t + phi;
        bmd_aim_set_shape(&a->plan, fmin(p, s->x_max));
        a->plan.cutoff_s = 0.0;
    }
}

/* Read the last flight in the frame. A flight that does not come down counts as an overshoot
 * (along-track length of two Earth circumferences). */
static void observe(const aim_eval *a, const aim_state *s, double p, double phi, aim_obs *o)
{
    o->p = p;
    o->phi = phi;
    o->impacted = a->sum.impacted;
    if (!a->sum.impacted) {
        o->s = 4.0 * M_PI * s->fr.radius_m;
        o->c = o->bearing = NAN;
        o->miss_m = INFINITY;
        return;
    }
    double u[3], eta, beta;
    unit_vector(a->earth, a->sum.impact_lat_rad, a->sum.impact_lon_rad, u);
    frame_coords(&s->fr, u, &eta, &beta);
    o->s = eta * s->fr.radius_m;
    o->bearing = remainder(beta - s->fr.beta_t, 2.0 * M_PI);
    /* lofted: the cross-track angle (its sign taken along the flight past the antipode), which
     * a kick across the bearing moves even when the impact lies next to, or behind, L */
    o->c = s->shape == BMD_AIM_LOFTED
               ? (asin(fmax(-1.0, fmin(1.0, bmd_dot3(u, s->fr.n)))) - s->fr.xi_t) *
                     (eta > M_PI ? -1.0 : 1.0)
               : o->bearing;
    bmd_geodesy_inverse(a->earth, a->sum.impact_lat_rad, a->sum.impact_lon_rad, s->lat, s->lon,
                        &o->miss_m, NULL, NULL);
}

int bmd_aim_fly_controls(aim_eval *a, const aim_state *s, double p, double phi, aim_obs *o)
{
    set_controls(a, s, p, phi);
    if (bmd_aim_fly(a))
        return a->rc;
    observe(a, s, p, phi, o);
    return BMD_SUCCESS;
}

int bmd_aim_fly_full(aim_eval *a, const aim_state *s, double x, double daz, aim_obs *o)
{
    a->plan.cutoff_s = 0.0;
    a->plan.azimuth_rad = s->az_t + daz;
    bmd_aim_set_shape(&a->plan, x);
    if (bmd_aim_fly(a))
        return a->rc;
    if (s->cut)
        observe(a, s, a->sum.events.burnout_s, daz, o);
    else if (s->shape == BMD_AIM_LOFTED)
        observe(a, s, x * cos(daz), x * sin(daz), o);
    else
        observe(a, s, x, daz, o);
    return BMD_SUCCESS;
}

double bmd_aim_along_residual(const aim_state *s, double along_m)
{
    if (s->cut)
        return along_m - s->s_t;
    double u = sqrt(fmax(s->s_pk - along_m, 0.0)), ut = sqrt(fmax(s->s_pk - s->s_t, 0.0));
    return s->shape == BMD_AIM_LOFTED ? ut - u : u - ut;
}

void bmd_aim_note_peak(const aim_eval *a, aim_state *s, const aim_obs *o, double x)
{
    if (!o->impacted || !(o->s > s->s_pk))
        return;
    s->s_pk = o->s;
    s->x_pk = x;
    s->p_pk = o->p;
    s->phi_pk = o->phi;
    s->c_pk = o->c;
    s->b_pk = o->bearing;
    s->r_pk = a->sum.ground_range_m;
    s->t_final = a->sum.events.burnout_s;
    s->bo_alt = a->sum.burnout_altitude_m;
    s->bo_speed = a->sum.burnout_speed_m_s;
    s->bo_gamma = a->sum.burnout_flight_path_rad;
    s->bo_r = a->sum.burnout_radius_m;
    s->bo_v_i = a->sum.burnout_inertial_speed_m_s;
    s->bo_gamma_i = a->sum.burnout_inertial_flight_path_rad;
}
