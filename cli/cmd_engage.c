/* bmdsim engage — one threat against one defence site (flag form): the catalogue missile flown
 * from --from to --to, a catalogue interceptor at --site, an optional catalogue fire-control radar,
 * the space-based IR as cueing sensor; prints detection, the feasible intercept window,
 * shoot-look-shoot opportunities and the required interceptor speed (bmd/engagement.h). The
 * scenario form (bmdsim engage SCENARIO.yaml, cmd_engage_scenario.c) runs the same library calls
 * over every threat and site (bmd/analysis.h); --geojson and --kml write the same features in both
 * forms (engage_export.c). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/engagement.h"
#include "bmd/geodesy.h"
#include "bmd/interceptor_catalog.h"
#include "bmd/radar_catalog.h"
#include "engage_export.h"
#include "mc_cli.h"
#include "rules_cli.h"
#include "sweep_inject.h"
#include "threat.h"

static const cli_option options[] = {
    {"missile", "NAME", "threat missile from the catalogue (or a FILE.yaml)"},
    {"from", "LAT,LON", "threat launch point, degrees"},
    {"to", "LAT,LON", "threat aim point, degrees (on --shape)"},
    {"shape", "SHAPE", "threat trajectory: min-energy (default: least burnout speed), lofted, depressed or cutoff"},
    {"site", "LAT,LON", "defence site (interceptor launcher), degrees"},
    {"interceptor", "NAME", "interceptor from the catalogue (or a FILE.yaml)"},
    {"interceptors", "N", "interceptors at the site (default 4)"},
    {"radar", "NAME", "fire-control radar from the radar catalogue (default: none)"},
    {"radar-at", "LAT,LON", "fire-control radar site, degrees (default: the defence site)"},
    {"boresight", "DEG", "radar boresight azimuth, degrees (default: toward --from)"},
    {"no-fcr-coverage", NULL, "do not require the radar to see the threat at intercept"},
    {"launch-on", "MODE", CLI_LAUNCH_ON_HELP},
    {"ir-delay", "S", "space-based IR reporting delay, s (default 0)"},
    {"no-ir", NULL, "no space-based IR cueing"},
    {"track-delay", "S", "detection to firm track, s (default 30)"},
    {"decision-delay", "S", "track to decision, s (default 10)"},
    {"launch-delay", "S", "decision to launch, s (default 5)"},
    {"assess", "S", "kill assessment: intercept to the next launch, s (default 30)"},
    {"no-required-speed", NULL, "skip the required-speed search (about 1 s)"},
    {"json", NULL, "print one JSON object (scenario form: an array) instead of a table"},
    {"geojson", "FILE", "write sites, radar coverage, threat tracks and intercept points (GeoJSON)"},
    {"kml", "FILE", "the same as KML 2.2 for Google Earth (tracks also time-stamped for the time slider)"},
    {"czml", "FILE", "the same as CZML for CesiumJS (tracks sampled in time, coverage volumes)"},
    {"epoch", "TIME", "launch time of the threat in --kml and --czml, ISO 8601 UTC (default 2026-01-01T00:00:00Z, an assumption)"},
    {"catalog", "DIR", "scenario form: catalogue root (default $BMD_DATA_DIR/catalog)"},
    {"threads", "N", "scenario form: OpenMP threads (default: all cores)"},
    CLI_MC_OPTIONS,
    {"threat-draws", "K", "with --samples: fly K draws of the missile flight parameters, crossed "
                          "with the N samples (1..N; default min(N, 20); K = N: every sample "
                          "flies its own threats)"},
};

static const char usage[] =
    "SCENARIO.yaml [--json] [--geojson FILE] [--kml FILE] [--czml FILE] [--epoch TIME] [--no-required-speed]\n"
    "       bmdsim engage --missile NAME --from LAT,LON --to LAT,LON --site LAT,LON --interceptor NAME [--radar NAME] "
    "[--radar-at LAT,LON] [--launch-delay S] [--track-delay S] [--assess S] [--json]\n"
    "       [--geojson FILE] [--kml FILE] [--czml FILE] [--epoch TIME]";

/* Everything the command holds while it runs (the record's texts point into it). */
typedef struct engage_run {
    bmd_earth earth;
    cli_threat threat;
    bmd_catalog_interceptor ic;
    bmd_catalog_radar radar;
    int has_radar;
    bmd_ir_sensor ir;
    int use_ir;
    bmd_engagement_rules rules;
    bmd_timeline tl;
    bmd_engage_options opt;
    bmd_defense_site site;
    bmd_flyout table;
    bmd_threat th;
    bmd_engagement e;
    bmd_required_speed rs;
    int want_speed;
    char speed_note[160];
    char detector[128];
    char detected[192];
} engage_run;

/* Library failure: the one mapping (cli_exit_status). */
static int failure(const char *command, int status, const bmd_error *err)
{
    return cli_library_failure(command, status, err);
}

/* Read the numbers and switches. */
static int read_numbers(const cli_args *a, engage_run *r)
{
    bmd_engagement_rules_init(&r->rules);
    bmd_engage_options_init(&r->opt);
    bmd_ir_sensor_init(&r->ir);
    bmd_timeline *tl = &r->rules.timeline;
    double n_ic;
    int st;
    if ((st = cli_number(a, "track-delay", tl->track_delay_s, 0, 0, 1e5, 0, "s",
                         &tl->track_delay_s)) ||
        (st = cli_number(a, "decision-delay", tl->decision_delay_s, 0, 0, 1e5, 0, "s",
                         &tl->decision_delay_s)) ||
        (st = cli_number(a, "launch-delay", tl->launch_delay_s, 0, 0, 1e5, 0, "s",
                         &tl->launch_delay_s)) ||
        (st = cli_number(a, "assess", tl->kill_assessment_s, 0, 0, 1e5, 0, "s",
                         &tl->kill_assessment_s)) ||
        (st = cli_rules_read(a, &r->rules)) ||
        (st = cli_number(a, "ir-delay", 0, 0, 0, 1e4, 0, "s", &r->ir.delay_s)) ||
        (st = cli_number(a, "interceptors", 4, 1, 0, 1000, 0, "interceptors", &n_ic)))
        return st;
    if (n_ic != floor(n_ic)) {
        cli_complain(a->command, "--interceptors: %g is not a whole number", n_ic);
        return CLI_USAGE;
    }
    r->site.n_interceptors = (int)n_ic;
    r->use_ir = !cli_has(a, "no-ir");
    bmd_engagement_rules_apply(&r->rules, &r->tl, &r->opt);
    r->want_speed = !cli_has(a, "no-required-speed");
    return CLI_OK;
}

/* Site, interceptor and radar from the catalogues. */
static int read_defense(const cli_args *a, engage_run *r)
{
    int st;
    bmd_error err;
    if ((st = cli_latlon_required(a, "site", &r->site.lat_rad, &r->site.lon_rad)))
        return st;
    if (!cli_text(a, "interceptor"))
        return cli_require(a, "interceptor", "(a catalogue interceptor such as sm-3-block-iia)");
    char dir[BMD_PATH_MAX];
    cli_catalog_dir("interceptors", dir, sizeof dir);
    if ((st = bmd_catalog_find_interceptor(dir, cli_text(a, "interceptor"), &r->ic, &err)))
        return failure(a->command, st, &err);
    if ((st = cli_inject_interceptor(a->command, &r->ic))) /* bmdsim sweep */
        return st;
    if (cli_has(a, "radar-at") && !cli_has(a, "radar")) {
        cli_complain(a->command, "--radar-at needs --radar NAME");
        return CLI_USAGE;
    }
    if (!cli_has(a, "radar"))
        return CLI_OK;
    cli_catalog_dir("radars", dir, sizeof dir);
    if ((st = bmd_catalog_find_radar(dir, cli_text(a, "radar"), &r->radar, &err)))
        return failure(a->command, st, &err);
    if ((st = cli_inject_radar(a->command, &r->radar))) /* bmdsim sweep */
        return st;
    bmd_radar *rd = &r->radar.radar;
    rd->lat_rad = r->site.lat_rad;
    rd->lon_rad = r->site.lon_rad;
    if (cli_has(a, "radar-at") &&
        (st = cli_latlon_required(a, "radar-at", &rd->lat_rad, &rd->lon_rad)))
        return st;
    r->has_radar = 1;
    return CLI_OK;
}

/* Point the radar (toward the threat's launch point unless --boresight) and check it. */
static int aim_radar(const cli_args *a, engage_run *r)
{
    if (!r->has_radar)
        return CLI_OK;
    bmd_radar *rd = &r->radar.radar;
    double az;
    bmd_geodesy_inverse(&r->earth, rd->lat_rad, rd->lon_rad, r->threat.from_lat_rad,
                        r->threat.from_lon_rad, NULL, &az, NULL);
    double deg;
    int st = cli_number(a, "boresight", bmd_rad_to_deg(az), -360, 0, 360, 0, "degrees", &deg);
    if (st)
        return st;
    rd->boresight_azimuth_rad = bmd_deg_to_rad(deg);
    bmd_error err;
    if ((st = bmd_radar_validate(rd, &err)))
        return failure(a->command, st, &err);
    r->site.fire_control = rd;
    return CLI_OK;
}

/* Cueing, flyout table, engagement and required speed. */
static int compute(const cli_args *a, engage_run *r)
{
    bmd_error err;
    int st;
    bmd_sensor_set ss = {NULL, 0, &r->ir, r->use_ir ? 1 : 0};
    if ((st = bmd_threat_prepare_rcs(&r->earth, &r->threat.traj, &r->threat.summary.events,
                                     BMD_OBJECT_RV, r->threat.warhead_rcs_m2, &ss, &r->th,
                                     &err)))
        return failure(a->command, st, &err);
    bmd_flyout_options fo;
    bmd_flyout_options_init(&fo);
    double az;
    bmd_geodesy_inverse(&r->earth, r->site.lat_rad, r->site.lon_rad, r->threat.from_lat_rad,
                        r->threat.from_lon_rad, NULL, &az, NULL);
    fo.site = (bmd_interceptor_site){r->site.lat_rad, r->site.lon_rad, 0, az};
    if ((st = bmd_flyout_build(&r->table, &r->earth, &r->ic.interceptor, &fo, &err)))
        return failure(a->command, st, &err);
    r->site.flyout = &r->table;
    if ((st = bmd_engage(&r->earth, &r->th, &r->site, &r->tl, &r->opt, &r->e, &err)))
        return failure(a->command, st, &err);
    if (!r->want_speed)
        return CLI_OK;
    bmd_required_speed_options ro;
    bmd_required_speed_options_init(&ro);
    if ((st = bmd_engage_required_speed(&r->earth, &r->th, &r->site, &r->tl, &r->opt, &ro, &r->rs,
                                        &err)))
        return failure(a->command, st, &err);
    cli_required_speed_note(&r->rs, &ro, r->ic.interceptor.burn_time_s, r->speed_note,
                            sizeof r->speed_note);
    return CLI_OK;
}

/* Name of the first detector. */
static void detector_text(engage_run *r)
{
    switch (r->e.detector) {
    case BMD_DETECTOR_IR: snprintf(r->detector, sizeof r->detector, "space-based IR"); break;
    case BMD_DETECTOR_RADAR: snprintf(r->detector, sizeof r->detector, "cueing radar"); break;
    case BMD_DETECTOR_FIRE_CONTROL:
        snprintf(r->detector, sizeof r->detector, "fire-control radar (%s)", r->radar.name);
        break;
    default: snprintf(r->detector, sizeof r->detector, "none"); break;
    }
    cli_detected_object(r->e.detector, r->threat.rcs_text, r->detected, sizeof r->detected);
}

/* --geojson and --kml: the threat, the site, its radar's coverage and the intercept points. */
static int write_exports(const cli_args *a, const engage_run *r)
{
    cli_engage_export x = {&r->earth, &r->threat, r->ic.interceptor.name, &r->site,
                           r->has_radar ? &r->radar : NULL, &r->e, &r->rules,
                           &r->ic.interceptor};
    return cli_engage_exports(a, &x, cli_text(a, "geojson"), cli_text(a, "kml"),
                              cli_text(a, "czml"));
}

/* The result record. */
static void fill_record(const engage_run *r, cli_record *rec)
{
    const bmd_engagement *e = &r->e;
    cli_record_text(rec, "missile", "threat", r->threat.missile);
    cli_record_number(rec, "threat_range_km", "threat ground range",
                      r->threat.summary.ground_range_m / 1e3, "km", 1);
    cli_record_text(rec, "threat_shape", "threat trajectory", bmd_aim_shape_name(r->threat.shape));
    cli_record_number(rec, "threat_flight_time_s", "threat flight time",
                      r->threat.summary.flight_time_s, "s", 1);
    cli_record_number(rec, "threat_apogee_km", "threat apogee",
                      r->threat.summary.apogee_altitude_m / 1e3, "km", 1);
    cli_record_text(rec, "interceptor", "interceptor", r->ic.interceptor.name);
    cli_record_number(rec, "interceptor_speed_km_s", "interceptor burnout speed",
                      r->ic.interceptor.burnout_speed_m_s / 1e3, "km/s", 2);
    cli_record_text(rec, "radar", "fire-control radar", r->has_radar ? r->radar.name : "none");
    cli_record_number(rec, "ir_delay_s", "space-based IR reporting delay",
                      r->use_ir ? r->ir.delay_s : NAN, "s", 1);
    cli_record_rules(rec, &r->rules);
    cli_record_text(rec, "radar_object", "radars look for", r->threat.rcs_text);
    cli_record_text(rec, "detected_by", "first detection by", r->detector);
    cli_record_text(rec, "detected_object", "first detection saw", r->detected);
    cli_record_number(rec, "detect_time_s", "detection", e->detect_s, "s", 2);
    cli_record_number(rec, "chain_start_s", "delays start", e->chain_start_s, "s", 2);
    cli_record_number(rec, "track_time_s", "firm track", e->track_s, "s", 2);
    cli_record_number(rec, "earliest_launch_time_s", "earliest launch", e->launch_earliest_s, "s",
                      2);
    cli_record_number(rec, "earliest_intercept_time_s", "earliest intercept", e->earliest.t_s, "s",
                      2);
    cli_record_number(rec, "latest_intercept_time_s", "latest intercept", e->latest.t_s, "s", 2);
    cli_record_number(rec, "intercept_altitude_min_km", "intercept altitude, lowest",
                      e->altitude_min_m / 1e3, "km", 1);
    cli_record_number(rec, "intercept_altitude_max_km", "intercept altitude, highest",
                      e->altitude_max_m / 1e3, "km", 1);
    cli_record_number(rec, "earliest_intercept_lat_deg", "earliest intercept latitude",
                      bmd_rad_to_deg(e->earliest.lat_rad), "deg", 3);
    cli_record_number(rec, "earliest_intercept_lon_deg", "earliest intercept longitude",
                      bmd_rad_to_deg(e->earliest.lon_rad), "deg", 3);
    cli_record_number(rec, "latest_intercept_lat_deg", "latest intercept latitude",
                      bmd_rad_to_deg(e->latest.lat_rad), "deg", 3);
    cli_record_number(rec, "latest_intercept_lon_deg", "latest intercept longitude",
                      bmd_rad_to_deg(e->latest.lon_rad), "deg", 3);
    cli_record_number(rec, "earliest_closing_speed_km_s", "closing speed, earliest",
                      e->earliest.closing_speed_m_s / 1e3, "km/s", 2);
    cli_record_number(rec, "earliest_crossing_angle_deg", "crossing angle, earliest (180 head-on)",
                      bmd_rad_to_deg(e->earliest.crossing_angle_rad), "deg", 1);
    cli_record_number(rec, "latest_closing_speed_km_s", "closing speed, latest",
                      e->latest.closing_speed_m_s / 1e3, "km/s", 2);
    cli_record_number(rec, "latest_crossing_angle_deg", "crossing angle, latest (180 head-on)",
                      bmd_rad_to_deg(e->latest.crossing_angle_rad), "deg", 1);
    cli_record_number(rec, "launch_window_first_s", "launch window, first", e->launch_first_s, "s",
                      2);
    cli_record_number(rec, "launch_window_last_s", "launch window, last", e->launch_last_s, "s", 2);
    cli_record_number(rec, "shot_opportunities", "shoot-look-shoot opportunities",
                      e->shot_opportunities, "", 0);
    cli_record_number(rec, "required_speed_km_s", "required burnout speed",
                      r->want_speed ? r->rs.speed_m_s / 1e3 : NAN, "km/s", 2);
    cli_record_text(rec, "required_speed_note", "required speed, note",
                    r->want_speed ? r->speed_note : "not computed");
    cli_record_bool(rec, "engageable", "engageable", e->engageable);
    cli_record_text(rec, "reason", "reason", bmd_engage_reason_name(e->reason));
}

int cli_cmd_engage(int argc, char **argv)
{
    cli_args a;
    const char *positional[1];
    int n_pos = 0;
    int st = cli_parse_positional(&a, "engage", usage, options,
                                  (int)(sizeof options / sizeof *options), argc, argv, 2,
                                  positional, 1, &n_pos);
    if (st)
        return st < 0 ? CLI_OK : st;
    if (n_pos > 0)
        return cli_engage_scenario(&a, positional[0]);
    static const char *const scenario_only[] = {"catalog", "threads", "samples", "seed",
                                                "sampler", "vary", "mc-csv", "threat-draws"};
    for (size_t i = 0; i < sizeof scenario_only / sizeof *scenario_only; i++)
        if (cli_has(&a, scenario_only[i])) {
            cli_complain(a.command, "--%s belongs to the scenario form (bmdsim engage "
                         "SCENARIO.yaml --%s ...)", scenario_only[i], scenario_only[i]);
            return CLI_USAGE;
        }
    engage_run *r = calloc(1, sizeof *r);
    if (!r)
        return CLI_FAILED;
    bmd_earth_init_wgs84(&r->earth);
    cli_record rec = {.title = "Engagement (WGS84; times in s after the threat's launch)"};
    if ((st = read_numbers(&a, r)) == CLI_OK && (st = read_defense(&a, r)) == CLI_OK &&
        (st = cli_fly_threat(&a, &r->earth, &r->threat)) == CLI_OK &&
        (st = aim_radar(&a, r)) == CLI_OK && (st = compute(&a, r)) == CLI_OK &&
        (st = write_exports(&a, r)) == CLI_OK) {
        detector_text(r);
        fill_record(r, &rec);
        st = cli_record_print(&rec, cli_has(&a, "json"), stdout);
    }
    bmd_flyout_free(&r->table);
    bmd_trajectory_free(&r->threat.traj);
    free(r);
    return st;
}
