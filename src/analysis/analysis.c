/* The analysis runner (bmd/analysis.h): threats flown, flyout tables shared per interceptor type,
 * every (threat, site) pair evaluated in parallel. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bmd/num.h"
#include "bmd/analysis.h"
#include "bmd/geodesy.h"
#include "analysis/analysis_internal.h"

#ifdef _OPENMP
#include <omp.h>
#endif

void bmd_analysis_options_init(bmd_analysis_options *opt)
{
    memset(opt, 0, sizeof *opt);
    opt->required_speed = 1;
    opt->rules_from_scenario = 1;
    bmd_engage_options_init(&opt->engage);
    bmd_required_speed_options_init(&opt->speed);
    bmd_flyout_options_init(&opt->flyout);
}

const char *bmd_analysis_status_name(bmd_analysis_status status)
{
    switch (status) {
    case BMD_ANALYSIS_EVALUATED: return "evaluated";
    case BMD_ANALYSIS_NO_INTERCEPTORS: return "no interceptors at the site";
    case BMD_ANALYSIS_THREAT_UNREACHABLE: return "target beyond the missile's reach";
    }
    return "unknown";
}

/* Whether two sites fire the same interceptor type: same catalogue name and same overrides. */
static int same_type(const bmd_scenario_site *a, const bmd_scenario_site *b)
{
    const bmd_scenario_ref *x = &a->interceptor, *y = &b->interceptor;
    if (strcasecmp(x->name, y->name) != 0 || x->n_set != y->n_set)
        return 0;
    for (int i = 0; i < x->n_set; i++)
        if (strcmp(x->set[i].field, y->set[i].field) != 0 || x->set[i].value != y->set[i].value)
            return 0;
    return 1;
}

/* The scenario timeline as the engagement's. */
static void map_timeline(const bmd_scenario_timeline *s, bmd_timeline *tl)
{
    tl->track_delay_s = s->detect_to_track_s;
    tl->decision_delay_s = s->track_to_decision_s;
    tl->launch_delay_s = s->decision_to_launch_s;
    tl->kill_assessment_s = s->kill_assessment_s;
}

/* Threads for a parallel loop over n items. */
static int thread_count(const bmd_analysis_options *opt, int n)
{
    const int t = bmd_num_threads(opt->threads);
    return t < 1 ? 1 : (t > n ? (n < 1 ? 1 : n) : t);
}

/* The first failure among n items (status[i] nonzero), copied into err with a prefix. */
static int first_failure(const int *status, const bmd_error *errs, int n, const char *what,
                         const char *(*name)(const bmd_scenario *, int), const bmd_scenario *scn,
                         bmd_error *err)
{
    for (int i = 0; i < n; i++)
        if (status[i])
            return bmd_error_set(err, status[i], "%s %s: %s", what, name(scn, i),
                                 errs[i].message);
    return BMD_SUCCESS;
}

static const char *threat_name(const bmd_scenario *scn, int i) { return scn->threats[i].name; }

/* Step 1: fly every threat (in parallel; each flight is independent). */
static int fly_threats(bmd_analysis *an, int *status, bmd_error *errs, bmd_error *err)
{
    const bmd_scenario *scn = an->scn;
    int n = an->n_threats;
    const bmd_analysis *from = an->opt.flights_from;
    if (from) { /* shared: the same flights, borrowed */
        if (from->n_threats != n || !from->threats)
            return bmd_error_set(err, BMD_EINVAL, "flights_from: that analysis has %d threats, "
                                 "this scenario %d", from->n_threats, n);
        for (int i = 0; i < n; i++)
            an->threats[i] = from->threats[i];
        an->borrowed_flights = 1;
        return BMD_SUCCESS;
    }
#pragma omp parallel for schedule(dynamic, 1) num_threads(thread_count(&an->opt, n))
    for (int i = 0; i < n; i++) {
        const bmd_scenario_threat *t = &scn->threats[i];
        an->threats[i].index = i;
        status[i] = bmd_analysis_fly(&scn->earth, &t->entry->missile, t->shape, t->from.lat_rad,
                                     t->from.lon_rad, t->from.height_m, t->to.lat_rad,
                                     t->to.lon_rad, &an->opt.flight, &an->threats[i].flight,
                                     &errs[i]);
    }
    return first_failure(status, errs, n, "threat", threat_name, scn, err);
}

/* Build table k (site and azimuth toward the first reachable threat's launch point). */
static int build_table(bmd_analysis *an, int k, bmd_error *err)
{
    const bmd_scenario *scn = an->scn;
    int first_threat = -1;
    for (int i = 0; i < an->n_threats && first_threat < 0; i++)
        if (an->threats[i].flight.reachable)
            first_threat = i;
    const bmd_scenario_point *launch = &scn->threats[first_threat < 0 ? 0 : first_threat].from;
    const bmd_scenario_site *site = &scn->sites[an->flyouts[k].first_site];
    bmd_flyout_options fo = an->opt.flyout;
    double az = 0;
    bmd_geodesy_inverse(&scn->earth, site->site.lat_rad, site->site.lon_rad, launch->lat_rad,
                        launch->lon_rad, NULL, &az, NULL);
    fo.site = (bmd_interceptor_site){site->site.lat_rad, site->site.lon_rad,
                                     site->site.height_m, az};
    return bmd_flyout_build(&an->flyouts[k].table, &scn->earth,
                            &site->interceptor_entry.interceptor, &fo, err);
}

/* The error of table k's build, with its interceptor and site. */
static int table_failure(const bmd_analysis *an, int k, int st, const bmd_error *e,
                         bmd_error *err)
{
    const bmd_scenario_site *site = &an->scn->sites[an->flyouts[k].first_site];
    return bmd_error_set(err, st, "flyout table of %s (site %s): %s", site->interceptor.name,
                         site->name, e->message);
}

/* Step 2: group the sites by interceptor type and build one table per type (in parallel; lazy:
 * only group, the pairs build what they need). */
static int build_flyouts(bmd_analysis *an, int lazy, int *status, bmd_error *errs,
                         bmd_error *err)
{
    const bmd_scenario *scn = an->scn;
    int first_threat = -1;
    for (int i = 0; i < an->n_threats && first_threat < 0; i++)
        if (an->threats[i].flight.reachable)
            first_threat = i;
    for (int s = 0; s < an->n_sites; s++) {
        an->site_flyout[s] = -1;
        if (scn->sites[s].count < 1 || first_threat < 0)
            continue;
        for (int k = 0; k < an->n_flyouts && an->site_flyout[s] < 0; k++)
            if (same_type(&scn->sites[an->flyouts[k].first_site], &scn->sites[s]))
                an->site_flyout[s] = k;
        if (an->site_flyout[s] < 0) {
            an->flyouts[an->n_flyouts].first_site = s;
            an->site_flyout[s] = an->n_flyouts++;
        }
    }
    int n = an->n_flyouts;
    const bmd_analysis *from = an->opt.flyouts_from;
    if (from) { /* shared: the same tables, borrowed (same sites, so the same grouping) */
        if (from->n_sites != an->n_sites || from->n_flyouts != n || !from->flyouts)
            return bmd_error_set(err, BMD_EINVAL, "flyouts_from: that analysis has %d sites and "
                                 "%d tables, this one %d and %d", from->n_sites, from->n_flyouts,
                                 an->n_sites, n);
        for (int k = 0; k < n; k++)
            an->flyouts[k] = from->flyouts[k];
        an->borrowed_flyouts = 1;
        return BMD_SUCCESS;
    }
    if (lazy)
        return BMD_SUCCESS;
#pragma omp parallel for schedule(dynamic, 1) num_threads(thread_count(&an->opt, n))
    for (int k = 0; k < n; k++)
        status[k] = build_table(an, k, &errs[k]);
    for (int k = 0; k < n; k++)
        if (status[k])
            return table_failure(an, k, status[k], &errs[k], err);
    return BMD_SUCCESS;
}

/* The cueing sensors of a site as a sensor set; map[i] is the scenario sensor of radar i (first
 * n_radars entries) and of IR sensor i (from offset BMD_SCENARIO_MAX_CUES). */
static void site_sensors(const bmd_scenario *scn, const bmd_scenario_site *site,
                         bmd_radar *radars, bmd_ir_sensor *ir, int *map, bmd_sensor_set *set)
{
    int nr = 0, ni = 0;
    for (int c = 0; c < site->n_cues; c++) {
        const bmd_scenario_sensor *s = &scn->sensors[site->cues[c]];
        if (s->kind == BMD_SCENARIO_SENSOR_RADAR) {
            map[nr] = site->cues[c];
            radars[nr++] = s->radar.entry.radar;
        } else {
            map[BMD_SCENARIO_MAX_CUES + ni] = site->cues[c];
            ir[ni++] = s->ir;
        }
    }
    *set = (bmd_sensor_set){radars, nr, ir, ni};
}

/* Lazy mode (analysis_internal.h): the build state of each table and the counts. */
typedef struct lazy_ctx {
    int *built;                        /* [n_flyouts]: 0 not tried, 1 built, else the error */
    bmd_error *errs;                   /* [n_flyouts] */
    bmd_analysis_lazy_stats *stats;
} lazy_ctx;

/* A pair whose verdict is determined without the table: not engageable, 0 shots. */
static void determined_pair(bmd_analysis_pair *p)
{
    bmd_engagement *e = &p->engagement;
    memset(e, 0, sizeof *e);
    e->reason = BMD_ENGAGE_NO_FCR_COVERAGE;
    bmd_intercept_point *pts[2] = {&e->earliest, &e->latest};
    for (int k = 0; k < 2; k++)
        *pts[k] = (bmd_intercept_point){NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN, NAN};
    e->altitude_min_m = e->altitude_max_m = e->launch_first_s = e->launch_last_s = NAN;
    e->reach_first_s = e->reach_last_s = e->detect_rcs_m2 = NAN;
    e->detect_s = e->track_s = e->launch_earliest_s = e->chain_start_s = INFINITY;
    e->detector_index = -1;
    p->status = BMD_ANALYSIS_EVALUATED;
}

/* Step 3-5 for one pair (lazy: NULL, or the lazy run's state; serial). */
static int evaluate_pair(bmd_analysis *an, bmd_analysis_pair *p, lazy_ctx *lazy, bmd_error *err)
{
    const bmd_scenario *scn = an->scn;
    const bmd_scenario_site *site = &scn->sites[p->site];
    const bmd_analysis_flight *f = &an->threats[p->threat].flight;
    map_timeline(&site->timeline, &p->timeline);
    p->detector_sensor = -1;
    if (!f->reachable) {
        p->status = BMD_ANALYSIS_THREAT_UNREACHABLE;
        return BMD_SUCCESS;
    }
    if (site->count < 1) {
        p->status = BMD_ANALYSIS_NO_INTERCEPTORS;
        return BMD_SUCCESS;
    }
    bmd_radar radars[BMD_SCENARIO_MAX_CUES];
    bmd_ir_sensor ir[BMD_SCENARIO_MAX_CUES];
    int map[2 * BMD_SCENARIO_MAX_CUES];
    bmd_sensor_set set;
    site_sensors(scn, site, radars, ir, map, &set);
    int st = bmd_threat_prepare_rcs(&scn->earth, &f->traj, &f->summary.events, BMD_OBJECT_RV,
                                    scn->threats[p->threat].entry->signature.warhead_rcs_m2, &set,
                                    &p->prepared, err);
    if (st)
        return st;
    const int k = an->site_flyout[p->site];
    bmd_defense_site ds = {site->site.lat_rad, site->site.lon_rad, site->site.height_m,
                           &an->flyouts[k].table, site->count,
                           site->has_radar ? &site->radar.entry.radar : NULL};
    if (lazy) {
        if (bmd_engage_fcr_never(&scn->earth, &p->prepared, &ds, &an->opt.engage)) {
            determined_pair(p);
            lazy->stats->pairs_determined++;
            if (an->opt.required_speed) { /* no speed engages (the search's own short cut) */
                memset(&p->required, 0, sizeof p->required);
                p->required.speed_m_s = p->required.site_speed_m_s = NAN;
                p->required.fcr_never = 1;
                p->required.reason_at_hi = BMD_ENGAGE_NO_FCR_COVERAGE;
                p->has_required_speed = 1;
            }
            return BMD_SUCCESS;
        }
        if (!an->borrowed_flyouts && lazy->built[k] == 0) {
            st = build_table(an, k, &lazy->errs[k]);
            lazy->built[k] = st ? st : 1;
            lazy->stats->tables_built += !st;
        }
        if (!an->borrowed_flyouts && lazy->built[k] != 1)
            return table_failure(an, k, lazy->built[k], &lazy->errs[k], err);
    }
    if ((st = bmd_engage(&scn->earth, &p->prepared, &ds, &p->timeline, &an->opt.engage,
                         &p->engagement, err)))
        return st;
    p->status = BMD_ANALYSIS_EVALUATED;
    const bmd_engagement *e = &p->engagement;
    if (e->detector == BMD_DETECTOR_RADAR && e->detector_index >= 0)
        p->detector_sensor = map[e->detector_index];
    else if (e->detector == BMD_DETECTOR_IR && e->detector_index >= 0)
        p->detector_sensor = map[BMD_SCENARIO_MAX_CUES + e->detector_index];
    if (!an->opt.required_speed)
        return BMD_SUCCESS;
    st = bmd_engage_required_speed(&scn->earth, &p->prepared, &ds, &p->timeline, &an->opt.engage,
                                   &an->opt.speed, &p->required, err);
    p->has_required_speed = st == BMD_SUCCESS;
    return st;
}

/* Step 3-5 for every pair (in parallel, or serially in sample order when lazy; the prepared
 * threat points into the analysis' flight). */
static int evaluate_pairs(bmd_analysis *an, lazy_ctx *lazy, int *status, bmd_error *errs,
                          bmd_error *err)
{
    int n = an->n_threats * an->n_sites;
#pragma omp parallel for schedule(dynamic, 1) num_threads(lazy ? 1 : thread_count(&an->opt, n))
    for (int i = 0; i < n; i++) {
        bmd_analysis_pair *p = &an->pairs[i];
        p->threat = i / an->n_sites;
        p->site = i % an->n_sites;
        status[i] = evaluate_pair(an, p, lazy, &errs[i]);
    }
    for (int i = 0; i < n; i++)
        if (status[i])
            return bmd_error_set(err, status[i], "threat %s, site %s: %s",
                                 an->scn->threats[an->pairs[i].threat].name,
                                 an->scn->sites[an->pairs[i].site].name, errs[i].message);
    return BMD_SUCCESS;
}

/* Check the inputs. */
static int check_input(const bmd_scenario *scn, const bmd_analysis_options *opt, bmd_error *err)
{
    if (!scn)
        return bmd_error_set(err, BMD_EINVAL, "no scenario (NULL)");
    if (!scn->resolved)
        return bmd_error_set(err, BMD_EINVAL, "scenario %s is not resolved (call "
                             "bmd_scenario_resolve first)", scn->path);
    if (opt->threads < 0)
        return bmd_error_set(err, BMD_EINVAL, "threads %d must be >= 0 (0: the OpenMP default)",
                             opt->threads);
    return BMD_SUCCESS;
}

/* bmd_analysis_run, eager (stats NULL) or lazy. With rules (n_rules > 0, lazy only): the
 * flights and the table grouping once, then per rule r the pairs evaluated with launch_on
 * rules[r] (counts into stats[r]) and visit(ctx, r, out) called; the tables built for one rule
 * serve the next (a table is the same whenever it is built). */
static int run(const bmd_scenario *scn, const bmd_analysis_options *opt, bmd_analysis *out,
               bmd_analysis_lazy_stats *stats, const bmd_launch_on *rules, int n_rules,
               bmd_analysis_rule_visit visit, void *ctx, bmd_error *err)
{
    if (!out)
        return bmd_error_set(err, BMD_EINVAL, "no analysis to fill (out is NULL)");
    memset(out, 0, sizeof *out);
    bmd_analysis_options defaults;
    bmd_analysis_options_init(&defaults);
    int st = check_input(scn, opt ? opt : &defaults, err);
    if (st)
        return st;
    out->scn = scn;
    out->opt = opt ? *opt : defaults;
    if (out->opt.rules_from_scenario) {
        out->opt.engage.launch_on = scn->launch_on;
        out->opt.engage.require_fcr_coverage = scn->require_fcr_coverage;
    }
    out->n_threats = scn->n_threats;
    out->n_sites = scn->n_sites;
    int n_pairs = scn->n_threats * scn->n_sites;
    int n_work = n_pairs > scn->n_threats ? n_pairs : scn->n_threats;
    n_work = n_work > scn->n_sites ? n_work : scn->n_sites;
    out->threats = calloc((size_t)(scn->n_threats > 0 ? scn->n_threats : 1), sizeof *out->threats);
    out->flyouts = calloc((size_t)(scn->n_sites > 0 ? scn->n_sites : 1), sizeof *out->flyouts);
    out->site_flyout = calloc((size_t)(scn->n_sites > 0 ? scn->n_sites : 1), sizeof(int));
    out->pairs = calloc((size_t)(n_pairs > 0 ? n_pairs : 1), sizeof *out->pairs);
    int *status = calloc((size_t)(n_work > 0 ? n_work : 1), sizeof *status);
    bmd_error *errs = calloc((size_t)(n_work > 0 ? n_work : 1), sizeof *errs);
    if (!out->threats || !out->flyouts || !out->site_flyout || !out->pairs || !status || !errs)
        st = bmd_error_set(err, BMD_ENOMEM, "out of memory for the analysis of %d threats and %d "
                           "sites", scn->n_threats, scn->n_sites);
    if (!st)
        st = fly_threats(out, status, errs, err);
    if (!st) {
        memset(status, 0, (size_t)n_work * sizeof *status);
        st = build_flyouts(out, stats != NULL, status, errs, err);
    }
    lazy_ctx lazy = {NULL, NULL, stats};
    if (!st && stats) {
        lazy.built = calloc((size_t)(out->n_flyouts > 0 ? out->n_flyouts : 1), sizeof(int));
        lazy.errs = calloc((size_t)(out->n_flyouts > 0 ? out->n_flyouts : 1), sizeof(bmd_error));
        if (!lazy.built || !lazy.errs)
            st = bmd_error_set(err, BMD_ENOMEM, "out of memory for the analysis' tables");
    }
    bmd_speed_cache *cache = NULL; /* required-speed fans shared by the pairs of a site */
    if (!st && out->opt.required_speed && !out->opt.speed.cache)
        out->opt.speed.cache = cache = bmd_speed_cache_new(0);
    if (!st && !rules) {
        memset(status, 0, (size_t)n_work * sizeof *status);
        st = evaluate_pairs(out, stats ? &lazy : NULL, status, errs, err);
    }
    for (int r = 0; !st && rules && r < n_rules; r++) {
        out->opt.engage.launch_on = rules[r];
        memset(out->pairs, 0, (size_t)(n_pairs > 0 ? n_pairs : 1) * sizeof *out->pairs);
        memset(status, 0, (size_t)n_work * sizeof *status);
        lazy.stats = &stats[r];
        st = evaluate_pairs(out, &lazy, status, errs, err);
        if (!st)
            st = visit(ctx, r, out, err);
    }
    if (cache) {
        out->opt.speed.cache = NULL;
        bmd_speed_cache_free(cache);
    }
    free(lazy.built);
    free(lazy.errs);
    free(status);
    free(errs);
    if (st)
        bmd_analysis_free(out);
    return st;
}

int bmd_analysis_run(const bmd_scenario *scn, const bmd_analysis_options *opt, bmd_analysis *out,
                     bmd_error *err)
{
    return run(scn, opt, out, NULL, NULL, 0, NULL, NULL, err);
}

int bmd_analysis_run_lazy(const bmd_scenario *scn, const bmd_analysis_options *opt,
                          bmd_analysis *out, bmd_analysis_lazy_stats *stats, bmd_error *err)
{
    bmd_analysis_lazy_stats none;
    memset(&none, 0, sizeof none);
    return run(scn, opt, out, stats ? stats : &none, NULL, 0, NULL, NULL, err);
}

int bmd_analysis_run_lazy_rules(const bmd_scenario *scn, const bmd_analysis_options *opt,
                                const bmd_launch_on *rules, int n_rules,
                                bmd_analysis_rule_visit visit, void *ctx,
                                bmd_analysis_lazy_stats *stats, bmd_error *err)
{
    if (!rules || n_rules < 1 || !visit || !stats)
        return bmd_error_set(err, BMD_EINVAL, "analysis by rules: %d rules (at least 1), a "
                             "visitor and n_rules stats required", n_rules);
    bmd_analysis an;
    int st = run(scn, opt, &an, stats, rules, n_rules, visit, ctx, err);
    if (!st)
        bmd_analysis_free(&an);
    return st;
}

const bmd_analysis_pair *bmd_analysis_pair_at(const bmd_analysis *an, int ti, int si)
{
    if (!an || !an->pairs || ti < 0 || si < 0 || ti >= an->n_threats || si >= an->n_sites)
        return NULL;
    return &an->pairs[ti * an->n_sites + si];
}

const char *bmd_analysis_detector_name(const bmd_analysis *an, const bmd_analysis_pair *pair,
                                       char *buf, size_t n)
{
    if (!buf || n == 0)
        return buf;
    snprintf(buf, n, "none");
    if (!an || !pair || pair->status != BMD_ANALYSIS_EVALUATED)
        return buf;
    const bmd_scenario *scn = an->scn;
    const bmd_engagement *e = &pair->engagement;
    if (e->detector == BMD_DETECTOR_FIRE_CONTROL) {
        snprintf(buf, n, "fire-control radar (%s)", scn->sites[pair->site].radar.entry.name);
    } else if (pair->detector_sensor >= 0 && pair->detector_sensor < scn->n_sensors) {
        const bmd_scenario_sensor *s = &scn->sensors[pair->detector_sensor];
        if (s->kind == BMD_SCENARIO_SENSOR_IR)
            snprintf(buf, n, "%s (space-based infrared)", s->name);
        else
            snprintf(buf, n, "%s (%s radar)", s->name, s->radar.entry.name);
    }
    return buf;
}

void bmd_analysis_free(bmd_analysis *an)
{
    if (!an)
        return;
    for (int i = 0; an->threats && !an->borrowed_flights && i < an->n_threats; i++)
        bmd_analysis_flight_free(&an->threats[i].flight);
    for (int k = 0; an->flyouts && !an->borrowed_flyouts && k < an->n_flyouts; k++)
        bmd_flyout_free(&an->flyouts[k].table);
    free(an->threats);
    free(an->flyouts);
    free(an->site_flyout);
    free(an->pairs);
    memset(an, 0, sizeof *an);
}
