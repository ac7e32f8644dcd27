/* bmdsim engage SCENARIO.yaml — every threat of a scenario against every defence site
 * (bmd/analysis.h): a table with one line per (threat, site), or with --json an array of objects
 * carrying the keys of the flag form; --geojson and --kml write the sites, radar coverage, threat
 * tracks and intercept points. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/geodesy.h"
#include "mc_cli.h"
#include "rules_cli.h"
#include "scenario_cli.h"
#include "threat.h"

/* Texts of one pair (the records point into them). */
typedef struct pair_text {
    char detector[2 * BMD_NAME_MAX + 32];
    char rcs[160];
    char detected[192];
    bmd_engagement_rules rules;
    char speed_note[160];
    const char *reason;
} pair_text;

/* Options of engage that belong to the flag form only. */
static const char *const flag_only[] = {"missile", "from", "to", "site", "interceptor",
                                        "interceptors", "radar", "radar-at", "boresight", "ir-delay", "no-ir", "track-delay",
                                        "decision-delay", "launch-delay", "assess"};

/* Refuse flag-form options next to a scenario. */
static int check_options(const cli_args *a, const char *path)
{
    for (size_t i = 0; i < sizeof flag_only / sizeof *flag_only; i++)
        if (cli_has(a, flag_only[i])) {
            cli_complain(a->command, "--%s belongs to the flag form; the scenario %s gives "
                         "threats, sites, sensors and timelines itself", flag_only[i], path);
            return CLI_USAGE;
        }
    return CLI_OK;
}

/* The texts of a pair. */
static void pair_texts(const bmd_analysis *an, const bmd_analysis_pair *p, pair_text *t)
{
    bmd_analysis_detector_name(an, p, t->detector, sizeof t->detector);
    const bmd_scenario_site *site = &an->scn->sites[p->site];
    cli_analysis_rules(an, p->site, &t->rules);
    bmd_catalog_warhead_rcs_text(an->scn->threats[p->threat].entry, t->rcs, sizeof t->rcs);
    cli_detected_object(p->status == BMD_ANALYSIS_EVALUATED ? p->engagement.detector
                                                            : BMD_DETECTOR_NONE,
                        t->rcs, t->detected, sizeof t->detected);
    if (p->status != BMD_ANALYSIS_EVALUATED) {
        t->reason = bmd_analysis_status_name(p->status);
        snprintf(t->speed_note, sizeof t->speed_note, "not computed");
        return;
    }
    t->reason = bmd_engage_reason_name(p->engagement.reason);
    if (p->has_required_speed)
        cli_required_speed_note(&p->required, &an->opt.speed,
                                site->interceptor_entry.interceptor.burn_time_s, t->speed_note,
                                sizeof t->speed_note);
    else
        snprintf(t->speed_note, sizeof t->speed_note, "not computed");
}

/* The record of one pair: the keys of the flag form, with the same decimals. */
static void pair_record(const bmd_analysis *an, const bmd_analysis_pair *p, const pair_text *t,
                        cli_record *rec)
{
    const bmd_scenario_threat *th = &an->scn->threats[p->threat];
    const bmd_scenario_site *site = &an->scn->sites[p->site];
    const bmd_analysis_flight *f = &an->threats[p->threat].flight;
    int ev = p->status == BMD_ANALYSIS_EVALUATED;
    const bmd_engagement *e = &p->engagement;
    memset(rec, 0, sizeof *rec);
    cli_record_text(rec, "threat", "threat", th->name);
    cli_record_text(rec, "site", "site", site->name);
    cli_record_text(rec, "missile", "missile", th->entry->missile.name);
    cli_record_number(rec, "threat_range_km", "threat ground range",
                      f->reachable ? f->summary.ground_range_m / 1e3 : NAN, "km", 1);
    cli_record_number(rec, "threat_flight_time_s", "threat flight time",
                      f->reachable ? f->summary.flight_time_s : NAN, "s", 1);
    cli_record_number(rec, "threat_apogee_km", "threat apogee",
                      f->reachable ? f->summary.apogee_altitude_m / 1e3 : NAN, "km", 1);
    cli_record_text(rec, "interceptor", "interceptor", site->interceptor_entry.interceptor.name);
    cli_record_number(rec, "interceptors", "interceptors", site->count, "", 0);
    cli_record_rules(rec, &t->rules);
    cli_record_text(rec, "radar_object", "radars look for", t->rcs);
    cli_record_text(rec, "detected_by", "first detection by", t->detector);
    cli_record_text(rec, "detected_object", "first detection saw", t->detected);
    cli_record_number(rec, "detect_time_s", "detection", ev ? e->detect_s : NAN, "s", 2);
    cli_record_number(rec, "chain_start_s", "delays start", ev ? e->chain_start_s : NAN, "s", 2);
    cli_record_number(rec, "track_time_s", "firm track", ev ? e->track_s : NAN, "s", 2);
    cli_record_number(rec, "earliest_launch_time_s", "earliest launch",
                      ev ? e->launch_earliest_s : NAN, "s", 2);
    cli_record_number(rec, "earliest_intercept_time_s", "earliest intercept",
                      ev ? e->earliest.t_s : NAN, "s", 2);
    cli_record_number(rec, "latest_intercept_time_s", "latest intercept",
                      ev ? e->latest.t_s : NAN, "s", 2);
    cli_record_number(rec, "intercept_altitude_min_km", "intercept altitude, lowest",
                      ev ? e->altitude_min_m / 1e3 : NAN, "km", 1);
    cli_record_number(rec, "intercept_altitude_max_km", "intercept altitude, highest",
                      ev ? e->altitude_max_m / 1e3 : NAN, "km", 1);
    cli_record_number(rec, "shot_opportunities", "shoot-look-shoot opportunities",
                      ev ? e->shot_opportunities : 0, "", 0);
    cli_record_number(rec, "required_speed_km_s", "required burnout speed",
                      p->has_required_speed ? p->required.speed_m_s / 1e3 : NAN, "km/s", 2);
    cli_record_text(rec, "required_speed_note", "required speed, note", t->speed_note);
    cli_record_bool(rec, "engageable", "engageable", ev && e->engageable);
    cli_record_text(rec, "reason", "reason", t->reason);
}

/* A number for the table: "-" when it does not apply. */
static const char *cell(char *buf, size_t n, double v, int decimals)
{
    if (!isfinite(v))
        snprintf(buf, n, "-");
    else
        snprintf(buf, n, "%.*f", decimals, v);
    return buf;
}

/* The table: the threats, then one line per pair. */
static int print_table(const bmd_analysis *an, const pair_text *texts)
{
    const bmd_scenario *scn = an->scn;
    printf("%s\n", scn->title);
    printf("Earth %s; times in s after each threat's launch; altitudes in km; speeds in km/s\n",
           scn->earth_kind == BMD_EARTH_WGS84 ? "WGS84" : "sphere");
    bmd_engagement_rules rules;
    char rtext[320];
    cli_analysis_rules(an, -1, &rules);
    printf("Rules: %s (%s; sites with their own timeline say so in --json)\n",
           bmd_engagement_rules_describe(&rules, rtext, sizeof rtext),
           bmd_launch_on_meaning(rules.launch_on));
    printf("Radars look for the warhead of each threat: ");
    for (int i = 0; i < an->n_threats; i++) {
        char rcs[160];
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = scn->threats[j].entry == scn->threats[i].entry ||
                   !strcmp(scn->threats[j].entry->missile.name, scn->threats[i].entry->missile.name);
        if (!seen)
            printf("%s%s %s", i ? "; " : "", scn->threats[i].entry->missile.name,
                   bmd_catalog_warhead_rcs_text(scn->threats[i].entry, rcs, sizeof rcs));
    }
    printf("\n\n");
    printf("%-26s %-18s %9s %9s %9s\n", "threat", "missile", "range km", "time s", "apogee km");
    for (int i = 0; i < an->n_threats; i++) {
        const bmd_analysis_flight *f = &an->threats[i].flight;
        char b1[32], b2[32], b3[32];
        if (f->reachable)
            printf("%-26s %-18s %9s %9s %9s\n", scn->threats[i].name,
                   scn->threats[i].entry->missile.name, cell(b1, 32, f->summary.ground_range_m / 1e3, 0),
                   cell(b2, 32, f->summary.flight_time_s, 0),
                   cell(b3, 32, f->summary.apogee_altitude_m / 1e3, 0));
        else
            printf("%-26s %-18s target beyond reach (maximum %.0f km on that bearing)\n",
                   scn->threats[i].name, scn->threats[i].entry->missile.name,
                   f->max_range_m / 1e3);
    }
    printf("\n%-26s %-16s %8s %8s %8s %8s %6s %6s %5s %7s %-4s %s\n", "threat", "site", "detect",
           "track", "first", "last", "alt lo", "alt hi", "shots", "needs", "ok", "reason");
    for (int i = 0; i < an->n_threats * an->n_sites; i++) {
        const bmd_analysis_pair *p = &an->pairs[i];
        const bmd_engagement *e = &p->engagement;
        int ev = p->status == BMD_ANALYSIS_EVALUATED;
        char c[8][32];
        double need = p->has_required_speed ? p->required.speed_m_s / 1e3 : NAN;
        printf("%-26s %-16s %8s %8s %8s %8s %6s %6s %5d %7s %-4s %s\n",
               scn->threats[p->threat].name, scn->sites[p->site].name,
               cell(c[0], 32, ev ? e->detect_s : NAN, 1), cell(c[1], 32, ev ? e->track_s : NAN, 1),
               cell(c[2], 32, ev ? e->earliest.t_s : NAN, 1),
               cell(c[3], 32, ev ? e->latest.t_s : NAN, 1),
               cell(c[4], 32, ev ? e->altitude_min_m / 1e3 : NAN, 0),
               cell(c[5], 32, ev ? e->altitude_max_m / 1e3 : NAN, 0),
               ev ? e->shot_opportunities : 0,
               p->has_required_speed && !p->required.possible ? ">max" : cell(c[6], 32, need, 2),
               ev && e->engageable ? "yes" : "no", texts[i].reason);
    }
    printf("\nfirst, last: the intercept window; alt lo, alt hi: intercept altitudes; shots: "
           "shoot-look-shoot opportunities;\nneeds: the smallest interceptor burnout speed giving "
           "any intercept (notional model, %.1f-%.1f km/s searched). --json for every field.\n",
           an->opt.speed.speed_lo_m_s / 1e3, an->opt.speed.speed_hi_m_s / 1e3);
    return ferror(stdout) ? CLI_FAILED : CLI_OK;
}

/* Print the table or the JSON array. */
static int print_results(const cli_args *a, const bmd_analysis *an)
{
    int n = an->n_threats * an->n_sites;
    pair_text *texts = calloc((size_t)(n > 0 ? n : 1), sizeof *texts);
    cli_record *recs = calloc((size_t)(n > 0 ? n : 1), sizeof *recs);
    int st = CLI_FAILED;
    if (texts && recs) {
        for (int i = 0; i < n; i++)
            pair_texts(an, &an->pairs[i], &texts[i]);
        if (cli_has(a, "json")) {
            for (int i = 0; i < n; i++)
                pair_record(an, &an->pairs[i], &texts[i], &recs[i]);
            st = cli_records_print_json(recs, n, stdout);
        } else {
            st = print_table(an, texts);
        }
    }
    free(texts);
    free(recs);
    return st;
}

int cli_engage_scenario(const cli_args *a, const char *path)
{
    int st = check_options(a, path);
    if (st)
        return st;
    if (cli_mc_wanted(a))
        return cli_mc_engage_path(a, path);
    bmd_scenario *scn = calloc(1, sizeof *scn);
    bmd_analysis an = {0};
    if (!scn)
        return CLI_FAILED;
    /* the output paths are checked before the analysis; both files are written, or neither */
    cli_outputs out;
    int gj = -1, kml = -1;
    if ((st = cli_outputs_open(&out, a->command, 1)) == CLI_OK &&
        (st = cli_outputs_add(&out, cli_text(a, "geojson"), 0, &gj)) == CLI_OK &&
        (st = cli_outputs_add(&out, cli_text(a, "kml"), 0, &kml)) == CLI_OK &&
        (st = cli_outputs_add(&out, cli_text(a, "czml"), 0, &out.czml)) == CLI_OK &&
        (st = cli_outputs_epoch(&out, a)) == CLI_OK &&
        (st = cli_scenario_open(a, path, scn)) == CLI_OK &&
        (st = cli_scenario_analyse(a, scn, 0, &an)) == CLI_OK &&
        (st = cli_scenario_exports(a->command, &an, NULL, &out, gj, kml)) == CLI_OK &&
        (st = cli_outputs_commit(&out)) == CLI_OK)
        st = print_results(a, &an);
    cli_outputs_close(&out);
    bmd_analysis_free(&an);
    bmd_scenario_free(scn);
    free(scn);
    return st;
}
