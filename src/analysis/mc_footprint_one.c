/* One footprint of a scenario for the coverage probability (bmd/montecarlo.h): its defence, the
 * plain path (prepared, flown and engaged), the fast path's re-engagement of kept flights by a
 * sample's defence, the nominal flown once, and a threat draw's flights. The run that calls them
 * per sample: mc_footprint.c. */
#include <stdlib.h>

#include "analysis/mc_footprint_internal.h"
#include "bmd/footprint_input.h"

const bmd_catalog_missile *bmd_mcf_entry_of(const bmd_scenario *scn,
                                            const bmd_mc_footprint_input *in)
{
    if (in->threat >= 0)
        return in->threat < scn->n_threats ? scn->threats[in->threat].entry : NULL;
    if (in->launch_area >= 0 && in->launch_area < scn->n_launch_areas &&
        scn->launch_areas[in->launch_area].has_missile)
        return scn->launch_areas[in->launch_area].entry;
    return NULL;
}

static bmd_aim_shape shape_of(const bmd_scenario *scn, const bmd_mc_footprint_input *in)
{
    return in->threat >= 0 ? scn->threats[in->threat].shape
                           : scn->launch_areas[in->launch_area].shape;
}

/* The defence of scenario s (a sample's copy, or the nominal) into d, and the footprint
 * options of its rules and warhead into o (required speed off). tables: build every site's
 * flyout table (0: leave them empty for bmd_footprint_defense_tables). */
static int defense_of(const bmd_scenario *s, const bmd_mc_footprint_input *in, int threads,
                      int tables, bmd_footprint_defense *d, bmd_footprint_options *o,
                      bmd_error *err)
{
    const bmd_catalog_missile *e = bmd_mcf_entry_of(s, in);
    if (!e)
        return bmd_error_set(err, BMD_EINVAL, "coverage probability: no missile for %s %d",
                             in->threat >= 0 ? "threat" : "launch area",
                             in->threat >= 0 ? in->threat : in->launch_area);
    int st = bmd_footprint_defense_sites(s, d, err);
    if (!st && tables)
        st = bmd_footprint_defense_tables(s, in->toward_lat_rad, in->toward_lon_rad,
                                          in->tables_per_type != 0, threads, NULL, d, err);
    if (st)
        return st;
    *o = in->opt;
    bmd_engagement_rules rules;
    bmd_scenario_rules(s, -1, &rules);
    if (in->launch_on >= 0)
        rules.launch_on = (bmd_launch_on)in->launch_on;
    if (in->no_fcr_coverage)
        rules.require_fcr_coverage = 0;
    bmd_engagement_rules_apply(&rules, NULL, &o->engage);
    o->rcs_m2 = e->signature.warhead_rcs_m2;
    o->threads = threads;
    o->required_speed = 0;
    return BMD_SUCCESS;
}

/* Prepare the footprint of scenario s with the defence d and options o. */
static int prepare_of(const bmd_scenario *s, const bmd_mc_footprint_input *in,
                      const bmd_footprint_defense *d, const bmd_footprint_options *o,
                      bmd_footprint **fp, bmd_error *err)
{
    const bmd_catalog_missile *e = bmd_mcf_entry_of(s, in);
    bmd_footprint_input fi = {in->mode, &e->missile, shape_of(s, in), in->centre_lat_rad,
                              in->centre_lon_rad, in->cell_lat_rad, in->cell_lon_rad,
                              in->n_cells, d->sites, d->n_sites};
    return bmd_footprint_prepare(&s->earth, &fi, o, fp, err);
}

/* The plain path: the footprint of scenario s prepared, flown and engaged into cells. */
int bmd_mcf_footprint_of(const bmd_scenario *s, const bmd_mc_footprint_input *in, int threads,
                         bmd_footprint_cell *cells, bmd_error *err)
{
    bmd_footprint_defense *d = calloc(1, sizeof *d);
    if (!d)
        return bmd_error_set(err, BMD_ENOMEM, "coverage probability: out of memory");
    bmd_footprint_options o;
    bmd_footprint *fp = NULL;
    int st = defense_of(s, in, threads, 1, d, &o, err);
    if (!st)
        st = prepare_of(s, in, d, &o, &fp, err);
    if (!st)
        st = bmd_footprint_run(fp, 0, in->n_cells, cells, NULL, NULL, NULL, NULL, err);
    bmd_footprint_free(fp);
    bmd_footprint_defense_free(d);
    free(d);
    return st;
}

/* The fast path: the kept flights fl of the nominal footprint fp engaged by the defence of
 * scenario s into cells. Only the flyout tables of the sites whose fire-control radar sees some
 * flight are built (bmd_footprint_flown_sites_seen: the others engage no cell, with or without a
 * table), so the cells are those of the whole defence. */
static int engage_of(const bmd_scenario *s, const bmd_mc_footprint_input *in, int threads,
                     const bmd_footprint *fp, const bmd_footprint_flown *fl,
                     bmd_footprint_cell *cells, long *engagements, bmd_error *err)
{
    bmd_footprint_defense *d = calloc(1, sizeof *d);
    if (!d)
        return bmd_error_set(err, BMD_ENOMEM, "coverage probability: out of memory");
    bmd_footprint_options o;
    int st = defense_of(s, in, threads, 0, d, &o, err);
    if (!st) {
        bmd_footprint_reengage re = {d->sites, d->n_sites, o.engage, o.rcs_m2, threads};
        unsigned char seen[BMD_FOOTPRINT_MAX_SITES];
        if (bmd_footprint_flown_sites_seen(fp, fl, &re, seen))
            st = bmd_error_set(err, BMD_EINVAL, "coverage probability: flights of another "
                               "footprint");
        if (!st)
            st = bmd_footprint_defense_tables(s, in->toward_lat_rad, in->toward_lon_rad,
                                              in->tables_per_type != 0, threads, seen, d, err);
        if (!st)
            st = bmd_footprint_engage_flown(fp, fl, &re, cells, engagements, err);
    }
    bmd_footprint_defense_free(d);
    free(d);
    return st;
}

/* One sample: copy, apply, footprint (fl NULL: plain, else re-engaged). */
int bmd_mcf_run_sample(const bmd_scenario *scn, const bmd_param_set *set, const double *values,
                       const bmd_mc_footprint_input *in, const bmd_footprint *fp,
                       const bmd_footprint_flown *fl, bmd_footprint_cell *cells, long *engagements,
                       bmd_error *err)
{
    bmd_scenario copy;
    int st = bmd_param_scenario_copy(scn, &copy, err);
    if (st)
        return st;
    if (!(st = bmd_param_set_apply(&copy, set, values, err)))
        st = fl ? engage_of(&copy, in, 1, fp, fl, cells, engagements, err)
                : bmd_mcf_footprint_of(&copy, in, 1, cells, err);
    bmd_scenario_free(&copy);
    return st;
}

/* The fast path's nominal: prepare, fly every cell once, engage by the nominal defence. When
 * keep is given the nominal defence and options are kept there (the caller frees *keep with
 * bmd_footprint_defense_free and free, also on error). */
int bmd_mcf_nominal_fast(const bmd_scenario *scn, const bmd_mc_footprint_input *in, int threads,
                         bmd_footprint **fp, bmd_footprint_flown **fl, bmd_footprint_cell *cells,
                         long *engagements, bmd_footprint_defense **keep,
                         bmd_footprint_options *keep_o, bmd_error *err)
{
    bmd_footprint_defense *d = calloc(1, sizeof *d);
    if (!d)
        return bmd_error_set(err, BMD_ENOMEM, "coverage probability: out of memory");
    bmd_footprint_options o;
    if (keep)
        *keep = d;
    int st = defense_of(scn, in, threads, 1, d, &o, err);
    if (keep_o)
        *keep_o = o;
    if (!st)
        st = prepare_of(scn, in, d, &o, fp, err);
    if (!st)
        st = bmd_footprint_fly_all(*fp, fl, err);
    if (!st) {
        bmd_footprint_reengage re = {d->sites, d->n_sites, o.engage, o.rcs_m2, threads};
        st = bmd_footprint_engage_flown(*fp, *fl, &re, cells, engagements, err);
    }
    if (!keep) {
        bmd_footprint_defense_free(d);
        free(d);
    }
    return st;
}

/* One threat draw of the crossed design: a copy of the nominal scenario with only the missile
 * flight values of values (a sample of the draw) applied, its footprint prepared and every cell
 * flown once. Cold (warm NULL): the copy's own (nominal) defence is built for the preparation,
 * as in session 5. Warm: the nominal's defence d0 and options o0 (the copy differs only in the
 * missile's flight, which no defence table depends on) and the nominal's flights warm as the
 * aims' warm starts. *copy (valid when *have_copy), *d (cold only), *fp and *fl are owned by
 * the caller, also on error. */
int bmd_mcf_draw_flights(const bmd_scenario *scn, const bmd_param_set *params, const double *values,
                         const bmd_mc_footprint_input *in, int threads,
                         const bmd_footprint_defense *d0, const bmd_footprint_options *o0,
                         const bmd_footprint_flown *warm, bmd_scenario *copy,
                         bmd_footprint_defense **d, bmd_footprint **fp, bmd_footprint_flown **fl,
                         long *warm_cells, int *have_copy, bmd_error *err)
{
    *have_copy = 0;
    int st = bmd_param_scenario_copy(scn, copy, err);
    if (st)
        return st;
    for (int k = 0; k < params->n && !st; k++)
        if (bmd_analysis_mc_is_flight(&params->items[k]))
            st = bmd_param_apply(copy, params->items[k].path, values[k], err);
    if (!st && !warm && !(*d = calloc(1, sizeof **d)))
        st = bmd_error_set(err, BMD_ENOMEM, "coverage probability: out of memory");
    if (st) {
        bmd_scenario_free(copy);
        return st;
    }
    *have_copy = 1;
    if (warm) {
        bmd_footprint_options o = *o0;
        o.threads = threads;
        st = prepare_of(copy, in, d0, &o, fp, err);
        if (!st)
            st = bmd_footprint_fly_all_warm(*fp, warm, fl, warm_cells, err);
        return st;
    }
    bmd_footprint_options o;
    st = defense_of(copy, in, threads, 1, *d, &o, err);
    if (!st)
        st = prepare_of(copy, in, *d, &o, fp, err);
    if (!st)
        st = bmd_footprint_fly_all(*fp, fl, err);
    return st;
}
