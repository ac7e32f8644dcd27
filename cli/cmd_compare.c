/* bmdsim compare SCENARIO... — the phases of a deployment side by side: every route (threat) of
 * every scenario against the defence of each scenario, under each launch-on setting. The
 * scenarios are merged into one union scenario (all sensors, all sites, the routes once), so
 * bmd_analysis_run flies each route once per launch-on setting for all phases; each phase's
 * verdict is then read from its own sites' pairs. Flyout tables are shared by interceptor type
 * across phases (bmd/analysis.h: exact for the first site of a type, within about 1 % in
 * flyout time elsewhere). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "compare.h"
#include "outputs.h"
#if defined(__has_include)
#if __has_include("bmd/montecarlo.h")
#include "bmd/montecarlo.h"
#define CMP_HAVE_MC 1 /* the Monte Carlo engine (issue 12 item 2) is in this build */
#endif
#endif
#include "rules_cli.h"
#include "scenario_cli.h"

static const cli_option options[] = {
    {"launch-on", "SETTING", "only this launch-on setting (default: all three: ir-track, "
                             "burnout, radar-track)"},
    {"json", NULL, "one JSON object on stdout instead of the table"},
    {"csv", NULL, "CSV on stdout (one line per route, phase and setting) instead of the table"},
    {"svg", "FILE", "write the matrix as SVG"},
    {"html", "FILE", "write the matrix and the table as one HTML page"},
    {"required-speed", NULL, "also search the interceptor speed each pair would need (slower)"},
    {"no-fcr-coverage", NULL, "the sites' own radars need not see the intercept (engage on "
                              "remote)"},
#ifdef CMP_HAVE_MC
    {"samples", "N", "Monte Carlo samples over the catalogue bands: the probability of each "
                     "cell (bmd/montecarlo.h)"},
#else
    {"samples", "N", "Monte Carlo samples per cell (refused in this build: no Monte Carlo "
                     "engine; probabilities print as not computed)"},
#endif
    {"seed", "S", "with --samples: the seed (default 1); same seed, same probabilities"},
#ifdef CMP_HAVE_MC
    {"threat-draws", "K", "with --samples: fly K draws of the missile flight parameters, crossed "
                          "with the N samples (1..N; default min(N, 20); K = N: every sample "
                          "flies its own threats)"},
#endif
    {"threads", "N", "OpenMP threads (default: all cores)"},
    {"catalog", "DIR", "catalogue root (default $BMD_DATA_DIR/catalog)"},
};

static const char usage[] =
    "SCENARIO.yaml... [--launch-on SETTING] [--json | --csv] [--svg FILE] [--html FILE] "
    "[--required-speed] [--no-fcr-coverage] [--samples N [--seed S] [--threat-draws K]] "
    "[--threads N]\n"
    "Every route (threat) of the scenarios against the defence of each scenario (phase), under "
    "each launch-on setting.\nRoutes of the same name must be the same flight in every file. "
    "Probabilities: with --samples N, over the catalogue's uncertainty bands; else 'not computed'.";

/* The same flight: missile and overrides, end points, shape, launch time, warheads. */
static int same_flight(const bmd_scenario_threat *a, const bmd_scenario_threat *b)
{
    if (strcasecmp(a->missile.name, b->missile.name) || a->missile.n_set != b->missile.n_set ||
        a->from.lat_rad != b->from.lat_rad || a->from.lon_rad != b->from.lon_rad ||
        a->from.height_m != b->from.height_m || a->to.lat_rad != b->to.lat_rad ||
        a->to.lon_rad != b->to.lon_rad || a->to.height_m != b->to.height_m ||
        a->shape != b->shape || a->launch_time_s != b->launch_time_s ||
        a->warheads != b->warheads || a->decoys != b->decoys)
        return 0;
    for (int i = 0; i < a->missile.n_set; i++)
        if (strcmp(a->missile.set[i].field, b->missile.set[i].field) ||
            a->missile.set[i].value != b->missile.set[i].value)
            return 0;
    return 1;
}

static int same_earth(const bmd_scenario *a, const bmd_scenario *b)
{
    return a->earth_kind == b->earth_kind && a->earth.a_m == b->earth.a_m &&
           a->earth.f == b->earth.f && a->earth.gm_m3_s2 == b->earth.gm_m3_s2 &&
           a->earth.j2 == b->earth.j2 && a->earth.omega_rad_s == b->earth.omega_rad_s;
}

/* The union scenario of the phases: sensors and sites concatenated (cues shifted), threats once
 * each. One line on stderr and CLI_USAGE when two files disagree about a route or the Earth. */
static int build_union(cmp_result *c)
{
    int ns = 0, nsi = 0, nt = 0;
    for (int p = 0; p < c->n_phases; p++) {
        ns += c->phases[p].scn->n_sensors;
        nsi += c->phases[p].scn->n_sites;
        nt += c->phases[p].scn->n_threats;
    }
    bmd_scenario *u = c->u = calloc(1, sizeof *u);
    if (!u)
        return CLI_FAILED;
    const bmd_scenario *first = c->phases[0].scn;
    snprintf(u->path, sizeof u->path, "compare");
    snprintf(u->title, sizeof u->title, "compare");
    u->earth_kind = first->earth_kind;
    u->earth = first->earth;
    u->timeline = first->timeline;
    u->launch_on = first->launch_on;
    u->require_fcr_coverage = first->require_fcr_coverage;
    u->resolved = 1;
    u->sensors = calloc((size_t)(ns > 0 ? ns : 1), sizeof *u->sensors);
    u->sites = calloc((size_t)(nsi > 0 ? nsi : 1), sizeof *u->sites);
    u->threats = calloc((size_t)(nt > 0 ? nt : 1), sizeof *u->threats);
    c->routes = calloc((size_t)(nt > 0 ? nt : 1), sizeof *c->routes);
    if (!u->sensors || !u->sites || !u->threats || !c->routes)
        return CLI_FAILED;
    for (int p = 0; p < c->n_phases; p++) {
        cmp_phase *ph = &c->phases[p];
        const bmd_scenario *s = ph->scn;
        if (!same_earth(first, s)) {
            cli_complain("compare", "%s and %s use different Earth models; compare needs one",
                         c->phases[0].path, ph->path);
            return CLI_USAGE;
        }
        ph->sensor0 = u->n_sensors;
        ph->site0 = u->n_sites;
        ph->n_sites = s->n_sites;
        for (int i = 0; i < s->n_sensors; i++)
            u->sensors[u->n_sensors++] = s->sensors[i];
        for (int i = 0; i < s->n_sites; i++) {
            bmd_scenario_site *site = &u->sites[u->n_sites++];
            *site = s->sites[i];
            for (int k = 0; k < site->n_cues; k++)
                site->cues[k] += ph->sensor0;
        }
        for (int i = 0; i < s->n_threats; i++) {
            const bmd_scenario_threat *t = &s->threats[i];
            int found = -1;
            for (int k = 0; k < u->n_threats && found < 0; k++) {
                int same_name = strcmp(u->threats[k].name, t->name) == 0;
                int same = same_flight(&u->threats[k], t);
                if (same_name && !same) {
                    cli_complain("compare", "route '%s' is not the same flight in %s and %s "
                                 "(missile, overrides, end points, shape and launch time must "
                                 "match; rename one)", t->name,
                                 c->phases[c->routes[k].phase].path, ph->path);
                    return CLI_USAGE;
                }
                if (same)
                    found = k;
            }
            if (found >= 0)
                continue;
            cmp_route *r = &c->routes[u->n_threats];
            r->phase = p;
            int kind = -1, area = -1;
            snprintf(r->group, sizeof r->group, "coordinates");
            if (t->from.name[0] && bmd_scenario_find_point(s, t->from.name, &kind, &area) &&
                kind == 0)
                snprintf(r->group, sizeof r->group, "%s", s->launch_areas[area].name);
            u->threats[u->n_threats++] = *t;
        }
    }
    c->n_routes = u->n_threats;
    return CLI_OK;
}

/* Append "text" to buf with a separator, keeping it terminated. */
static void append(char *buf, size_t n, const char *sep, const char *text)
{
    size_t k = strlen(buf);
    if (k + 1 < n)
        snprintf(buf + k, n - k, "%s%s", k ? sep : "", text);
}

/* Fill the cells of setting s from its analysis. */
static void fill_cells(cmp_result *c, int s)
{
    const bmd_analysis *an = &c->an[s];
    for (int p = 0; p < c->n_phases; p++)
        for (int r = 0; r < c->n_routes; r++) {
            cmp_cell *cell = cmp_at(c, s, p, r);
            memset(cell, 0, sizeof *cell);
            cell->need_m_s = NAN;
            cell->probability = NAN;
            cell->evaluated = an->threats[r].flight.reachable;
            if (!cell->evaluated) {
                snprintf(cell->reason, sizeof cell->reason, "%s",
                         bmd_analysis_status_name(BMD_ANALYSIS_THREAT_UNREACHABLE));
                continue;
            }
            const cmp_phase *ph = &c->phases[p];
            for (int k = 0; k < ph->n_sites; k++) {
                const bmd_analysis_pair *pair = bmd_analysis_pair_at(an, r, ph->site0 + k);
                const char *site = c->u->sites[ph->site0 + k].name;
                if (!pair)
                    continue;
                if (pair->has_required_speed && pair->required.possible &&
                    !(pair->required.speed_m_s >= cell->need_m_s))
                    cell->need_m_s = pair->required.speed_m_s;
                int ok = pair->status == BMD_ANALYSIS_EVALUATED && pair->engagement.engageable;
                if (ok) {
                    cell->engageable = 1;
                    cell->n_engaging++;
                    if (pair->engagement.shot_opportunities > cell->shots)
                        cell->shots = pair->engagement.shot_opportunities;
                    append(cell->sites, sizeof cell->sites, ",", site);
                } else {
                    char why[BMD_NAME_MAX + 96];
                    snprintf(why, sizeof why, "%s: %s", site,
                             pair->status == BMD_ANALYSIS_EVALUATED
                                 ? bmd_engage_reason_name(pair->engagement.reason)
                                 : bmd_analysis_status_name(pair->status));
                    append(cell->reason, sizeof cell->reason, "; ", why);
                }
            }
            if (cell->engageable)
                cell->reason[0] = '\0';
        }
}

#ifdef CMP_HAVE_MC
/* Every setting by one Monte Carlo run (bmd_mc_run_rules: the flights and flyout tables of a
 * sample shared by the settings, each setting's result that of its own bmd_mc_run) over the
 * catalogue bands of the union scenario: per cell, the fraction of samples in which some site of
 * the phase has a shot opportunity. opt: the analysis options (engagement rules of the settings
 * but the launch-on, which each run sets). */
static int probabilities(const cli_args *a, cmp_result *c, const bmd_analysis_options *opt)
{
    bmd_param_set set = {0};
    bmd_mc_options mo;
    bmd_mc_result res[BMD_LAUNCH_ON_COUNT];
    bmd_error err = {0};
    memset(res, 0, sizeof res);
    bmd_mc_options_init(&mo);
    mo.samples = c->samples;
    mo.seed = (uint64_t)c->seed;
    mo.threads = opt->threads;
    mo.threat_draws = c->threat_draws; /* 0: the default crossed design, stated in the note */
    mo.analysis = *opt;
    mo.analysis.flights_from = NULL;
    mo.analysis.flyouts_from = NULL;
    mo.analysis.required_speed = 0;
    int st = bmd_param_set_from_scenario(c->u, &set, &err);
    if (!st)
        st = bmd_mc_run_rules(c->u, &set, &mo, c->settings, c->n_settings, res, &err);
    if (st) {
        bmd_param_set_free(&set);
        return cli_library_failure(a->command, st, &err);
    }
    for (int s = 0; s < c->n_settings; s++)
        for (int p = 0; p < c->n_phases; p++)
            for (int r = 0; r < c->n_routes; r++) {
                const bmd_mc_result *m = &res[s];
                long yes = 0;
                for (long i = 0; i < m->n; i++) {
                    int any = 0;
                    for (int k = 0; k < c->phases[p].n_sites && !any; k++)
                        any = m->shots[i * m->n_pairs + (long)r * m->n_sites +
                                       c->phases[p].site0 + k] >= 1;
                    yes += any;
                }
                cmp_at(c, s, p, r)->probability = m->n > 0 ? (double)yes / (double)m->n : NAN;
            }
    char design[400];
    snprintf(c->probability_note, sizeof c->probability_note,
             "Monte Carlo, %ld samples (%s, seed %llu) over %d catalogue bands; P = fraction of "
             "samples in which a site of the phase has a shot opportunity; design: %s",
             res[0].n, bmd_sampler_name(res[0].sampler), c->seed, set.n,
             bmd_mc_design_text(&res[0], design, sizeof design));
    c->threat_draws = res[0].reflown ? res[0].threat_draws : 0;
    for (int s = 0; s < c->n_settings; s++)
        bmd_mc_free(&res[s]);
    bmd_param_set_free(&set);
    return CLI_OK;
}
#endif

/* Run the analysis once per setting. */
static int run(const cli_args *a, cmp_result *c)
{
    bmd_analysis_options opt;
    bmd_analysis_options_init(&opt);
    double threads = 0;
    int st = cli_number(a, "threads", 0, 0, 0, 1024, 0, "threads", &threads);
    if (st)
        return st;
    if (threads != floor(threads)) {
        cli_complain(a->command, "--threads: %g is not a whole number", threads);
        return CLI_USAGE;
    }
    opt.threads = (int)threads;
    opt.required_speed = c->required_speed;
    opt.rules_from_scenario = 0;
    for (int s = 0; s < c->n_settings; s++) {
        bmd_engagement_rules rules;
        bmd_scenario_rules(c->u, -1, &rules);
        rules.launch_on = c->settings[s];
        rules.require_fcr_coverage = c->fcr_required;
        bmd_engagement_rules_apply(&rules, NULL, &opt.engage);
        bmd_error err = {0};
#ifdef CMP_HAVE_MC
        /* the flights and flyout tables do not depend on the launch-on setting */
        opt.flights_from = s > 0 ? &c->an[0] : NULL;
        opt.flyouts_from = s > 0 ? &c->an[0] : NULL;
#endif
        if ((st = bmd_analysis_run(c->u, &opt, &c->an[s], &err)))
            return cli_library_failure(a->command, st, &err);
        fill_cells(c, s);
    }
#ifdef CMP_HAVE_MC
    if (c->samples > 0 && (st = probabilities(a, c, &opt)))
        return st;
#endif
    return CLI_OK;
}

/* The settings asked for, the fire-control requirement and the probability note. */
static int read_options(const cli_args *a, cmp_result *c)
{
    const char *lo = cli_text(a, "launch-on");
    if (lo) {
        bmd_error err;
        if (bmd_launch_on_parse(lo, &c->settings[0], &err)) {
            cli_complain(a->command, "--launch-on %s: use ir-track, burnout or radar-track", lo);
            return CLI_USAGE;
        }
        c->n_settings = 1;
    } else {
        c->n_settings = BMD_LAUNCH_ON_COUNT;
        for (int s = 0; s < BMD_LAUNCH_ON_COUNT; s++)
            c->settings[s] = (bmd_launch_on)s;
    }
    if (cli_has(a, "json") && cli_has(a, "csv")) {
        cli_complain(a->command, "--json and --csv both write stdout: give one");
        return CLI_USAGE;
    }
#ifdef CMP_HAVE_MC
    if (cli_has(a, "samples")) {
        double n = 0, seed = 1;
        int st = cli_number(a, "samples", 0, 1, 0, (double)BMD_MC_MAX_SAMPLES, 0, "samples", &n);
        if (!st)
            st = cli_number(a, "seed", 1, 0, 0, 9007199254740992.0, 0, "", &seed);
        if (st)
            return st;
        if (n != floor(n) || seed != floor(seed)) {
            cli_complain(a->command, "--samples and --seed must be whole numbers");
            return CLI_USAGE;
        }
        c->samples = (long)n;
        c->seed = (unsigned long long)seed;
    }
    if (cli_has(a, "threat-draws")) { /* K of the crossed design, 1..N */
        double k = 0;
        if (!cli_has(a, "samples")) {
            cli_complain(a->command, "--threat-draws %s: only with --samples N (the Monte Carlo "
                         "run)", cli_text(a, "threat-draws"));
            return CLI_USAGE;
        }
        int st = cli_number(a, "threat-draws", 0, 1, 0, (double)c->samples, 0, "", &k);
        if (st)
            return st;
        if (k != floor(k)) {
            cli_complain(a->command, "--threat-draws %s: a whole number of draws, 1 to %ld",
                         cli_text(a, "threat-draws"), c->samples);
            return CLI_USAGE;
        }
        c->threat_draws = (long)k;
    }
    snprintf(c->probability_note, sizeof c->probability_note,
             "not computed (run with --samples N): each verdict is for the catalogue's "
             "nominal values");
#else
    if (cli_has(a, "samples")) {
        cli_complain(a->command, "--samples %s: this build has no Monte Carlo engine "
                     "(include/bmd/montecarlo.h); run without --samples (probabilities are "
                     "then 'not computed')", cli_text(a, "samples"));
        return CLI_USAGE;
    }
    snprintf(c->probability_note, sizeof c->probability_note,
             "not computed (no Monte Carlo engine in this build): each verdict is for the "
             "catalogue's nominal values");
#endif
    c->required_speed = cli_has(a, "required-speed");
    c->fcr_required = !cli_has(a, "no-fcr-coverage");
    return CLI_OK;
}

static void release(cmp_result *c, bmd_scenario *scns)
{
    for (int s = 0; s < BMD_LAUNCH_ON_COUNT; s++)
        bmd_analysis_free(&c->an[s]);
    if (c->u) {
        free(c->u->sensors);
        free(c->u->sites);
        free(c->u->threats);
        free(c->u);
    }
    free(c->routes);
    free(c->cells);
    for (int p = 0; p < c->n_phases; p++)
        bmd_scenario_free(&scns[p]);
    free(scns);
}

/* Write the --svg and --html files (all or nothing). */
static int write_files(const cli_args *a, const cmp_result *c)
{
    const char *svg = cli_text(a, "svg"), *html = cli_text(a, "html");
    if (!svg && !html)
        return CLI_OK;
    cli_outputs out;
    int i_svg = -1, i_html = -1, st;
    char *t_svg = NULL, *t_html = NULL;
    if ((st = cli_outputs_open(&out, a->command, 1)) == CLI_OK &&
        (st = cli_outputs_add(&out, svg, 0, &i_svg)) == CLI_OK &&
        (st = cli_outputs_add(&out, html, 0, &i_html)) == CLI_OK) {
        t_svg = svg ? cmp_svg(c) : NULL;
        t_html = html ? cmp_html(c) : NULL;
        if ((svg && !t_svg) || (html && !t_html))
            st = CLI_FAILED;
        if (st == CLI_OK && svg)
            st = cli_outputs_write_string(&out, i_svg, t_svg);
        if (st == CLI_OK && html)
            st = cli_outputs_write_string(&out, i_html, t_html);
        if (st == CLI_OK)
            st = cli_outputs_commit(&out);
    }
    cli_outputs_close(&out);
    free(t_svg);
    free(t_html);
    return st;
}

int cli_cmd_compare(int argc, char **argv)
{
    cli_args a;
    const char *paths[CMP_MAX_PHASES];
    int n_paths = 0;
    int st = cli_parse_positional(&a, "compare", usage, options,
                                  (int)(sizeof options / sizeof *options), argc, argv, 2, paths,
                                  CMP_MAX_PHASES, &n_paths);
    if (st < 0)
        return CLI_OK;
    if (st)
        return st;
    if (n_paths < 1) {
        cli_complain("compare", "give one or more scenario files (at most %d)", CMP_MAX_PHASES);
        return CLI_USAGE;
    }
    cmp_result c;
    memset(&c, 0, sizeof c);
    if ((st = read_options(&a, &c)))
        return st;
    bmd_scenario *scns = calloc((size_t)n_paths, sizeof *scns);
    if (!scns)
        return CLI_FAILED;
    for (int p = 0; p < n_paths && !st; p++) {
        c.phases[p].path = paths[p];
        c.phases[p].scn = &scns[p];
        c.n_phases = p + 1;
        st = cli_scenario_open(&a, paths[p], &scns[p]);
    }
    if (!st)
        st = build_union(&c);
    if (!st) {
        c.cells = calloc((size_t)c.n_settings * (size_t)c.n_phases * (size_t)(c.n_routes + 1),
                         sizeof *c.cells);
        st = c.cells ? CLI_OK : CLI_FAILED;
    }
    if (!st)
        st = run(&a, &c);
    if (!st)
        st = write_files(&a, &c);
    if (!st)
        st = cli_has(&a, "json")  ? cmp_print_json(&c, stdout)
             : cli_has(&a, "csv") ? cmp_print_csv(&c, stdout)
                                  : cmp_print_table(&c, stdout);
    release(&c, scns);
    return st;
}
