/* bmdsim scenario check FILE (also: bmdsim check FILE) — load and validate a scenario file,
 * resolve its catalogue names, and print a summary: threats, defence sites and sensors with the
 * catalogue entries they resolved to, each threat flown as every command flies it (flight time,
 * apogee), launch areas, target sets and grids. Exit 0 when the file
 * is valid, 2 (one line on stderr, FILE:LINE:COL: ...) when it is not. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/aim.h"
#include "bmd/geodesy.h"
#include "bmd/scenario.h"
#include "cli.h"
#include "bmd/version.h"


static const cli_option options[] = {
    {"catalog", "DIR", "catalogue root with missiles/, radars/, interceptors/ (default "
                       "$BMD_DATA_DIR/catalog)"},
    {"no-resolve", NULL, "check the file only; do not look up catalogue names"},
    {"json", NULL, "print one JSON object instead of the summary"},
};

static const char usage[] = "check FILE.yaml [--catalog DIR] [--no-resolve] [--json]";

/* The catalogue root: --catalog, else $BMD_DATA_DIR/catalog, else the built-in path. */
static void catalogue_root(const cli_args *a, char *buf, size_t n)
{
    for (int i = 0; i < a->n_options; i++)
        if (strcmp(a->options[i].name, "catalog") == 0 && a->value[i]) {
            snprintf(buf, n, "%s", a->value[i]);
            return;
        }
    snprintf(buf, n, "%s/catalog", bmd_data_dir());
}

/* Provenance in a few words: "source KEY", "notional", or both. */
static void provenance_text(const bmd_param_provenance *p, char *buf, size_t n)
{
    snprintf(buf, n, "%s%s%s%s", p->source[0] ? "source " : "", p->source,
             p->source[0] && p->notional ? ", " : "", p->notional ? "NOTIONAL" : "");
}

/* A threat flown as every command flies it (bmd_aim_fly_to: min-energy unless the threat says
 * otherwise, steering of the longer range, aimed to 100 m). */
typedef struct threat_flight {
    int flown;          /* 0: not resolved, or the flight failed (message) */
    bmd_aim_flight f;
    char message[sizeof(((bmd_error *)0)->message)];
} threat_flight;

/* Fly every threat of a resolved scenario (flights[i] zeroed when not resolved). */
static void fly_threats(const bmd_scenario *s, threat_flight *flights)
{
    for (int i = 0; i < s->n_threats; i++) {
        threat_flight *x = &flights[i];
        memset(x, 0, sizeof *x);
        const bmd_scenario_threat *t = &s->threats[i];
        if (!s->resolved || !t->entry)
            continue;
        bmd_aim_fly_options fo;
        bmd_aim_fly_options_init(&fo);
        fo.shape = t->shape;
        bmd_site launch = {t->from.lat_rad, t->from.lon_rad, t->from.height_m};
        bmd_error err;
        if (bmd_aim_fly_to(&s->earth, &t->entry->missile, &launch, t->to.lat_rad, t->to.lon_rad,
                           &fo, 0, &x->f, &err))
            snprintf(x->message, sizeof x->message, "%s", err.message);
        else
            x->flown = 1;
    }
}

/* The flight of a threat in a few words. */
static void flight_text(const threat_flight *x, char *buf, size_t n)
{
    if (!x->flown && x->message[0])
        snprintf(buf, n, "flight failed: %s", x->message);
    else if (!x->flown)
        snprintf(buf, n, "not flown (names not resolved)");
    else if (!x->f.reachable)
        snprintf(buf, n, "beyond reach (maximum range %.0f km on that bearing)",
                 x->f.max_range_m / 1e3);
    else
        snprintf(buf, n, "flight time %.1f s, apogee %.1f km, burnout %.3f km/s at %.1f deg",
                 x->f.summary.flight_time_s, x->f.summary.apogee_altitude_m / 1e3,
                 x->f.summary.burnout_speed_m_s / 1e3,
                 bmd_rad_to_deg(x->f.summary.burnout_flight_path_rad));
}

/* Geodesic distance between two points (km) on the scenario's Earth. */
static double distance_km(const bmd_scenario *s, const bmd_scenario_point *a,
                          const bmd_scenario_point *b)
{
    double d = 0;
    bmd_geodesy_inverse(&s->earth, a->lat_rad, a->lon_rad, b->lat_rad, b->lon_rad, &d, NULL, NULL);
    return d / 1e3;
}

/* Points of a box: rows x columns (a step in km uses the mean radius for both directions). */
static long box_cells(const bmd_scenario *s, const bmd_scenario_box *b)
{
    double step = b->step_rad > 0 ? b->step_rad : b->step_m / bmd_earth_mean_radius_m(&s->earth);
    long rows = (long)floor((b->north_rad - b->south_rad) / step + 1e-9) + 1;
    long cols = (long)floor((b->east_rad - b->west_rad) / step + 1e-9) + 1;
    return rows * cols;
}

/* The radar line: type, its full name, boresight, detection range. */
static void print_radar(const bmd_scenario_radar *r, int resolved)
{
    printf("%s", r->type.name);
    if (resolved)
        printf(" (%s, detection range %.0f km, %s)", r->entry.full_name,
               r->entry.radar.ref_detection_range_m / 1e3,
               r->entry.radar.full_circle ? "360 deg" : "sector");
    if (r->has_boresight)
        printf(", boresight %.1f deg", bmd_rad_to_deg(r->boresight_azimuth_rad));
    for (int k = 0; k < r->type.n_set; k++)
        printf(", set %s=%s", r->type.set[k].field, r->type.set[k].text);
}

/* The summary as text. */
static void print_summary(const bmd_scenario *s, const threat_flight *flights)
{
    char prov[96];
    printf("scenario  %s\n", s->path);
    printf("title     %s\n", s->title);
    if (s->question[0])
        printf("question  %s\n", s->question);
    printf("earth     %s\n", s->earth_kind == BMD_EARTH_SPHERE ? "sphere" : "wgs84");
    printf("timeline  detect->track %.0f s, track->decision %.0f s, decision->launch %.0f s, "
           "kill assessment %.0f s\n", s->timeline.detect_to_track_s,
           s->timeline.track_to_decision_s, s->timeline.decision_to_launch_s,
           s->timeline.kill_assessment_s);
    printf("\nsensors (%d)\n", s->n_sensors);
    for (int i = 0; i < s->n_sensors; i++) {
        const bmd_scenario_sensor *x = &s->sensors[i];
        provenance_text(&x->site.prov, prov, sizeof prov);
        if (x->kind == BMD_SCENARIO_SENSOR_IR) {
            printf("  %-22s infrared, cloud tops %.0f m, delay %.0f s [%s]\n", x->name,
                   x->ir.min_altitude_m, x->ir.delay_s, prov);
            continue;
        }
        printf("  %-22s radar at %.4f, %.4f: ", x->name, bmd_rad_to_deg(x->site.lat_rad),
               bmd_rad_to_deg(x->site.lon_rad));
        print_radar(&x->radar, s->resolved);
        printf(" [%s]\n", prov);
    }
    printf("\nsites (%d)\n", s->n_sites);
    for (int i = 0; i < s->n_sites; i++) {
        const bmd_scenario_site *x = &s->sites[i];
        provenance_text(&x->site.prov, prov, sizeof prov);
        printf("  %-22s %.4f, %.4f: %d x %s", x->name, bmd_rad_to_deg(x->site.lat_rad),
               bmd_rad_to_deg(x->site.lon_rad), x->count, x->interceptor.name);
        for (int k = 0; k < x->interceptor.n_set; k++)
            printf(" (set %s=%s)", x->interceptor.set[k].field, x->interceptor.set[k].text);
        if (s->resolved)
            printf(" (%s, burnout %.2f km/s)", x->interceptor_entry.full_name,
                   x->interceptor_entry.interceptor.burnout_speed_m_s / 1e3);
        if (x->has_radar) {
            printf("; radar ");
            print_radar(&x->radar, s->resolved);
        }
        for (int k = 0; k < x->n_cues; k++)
            printf("%s%s", k ? ", " : "; cued by ", s->sensors[x->cues[k]].name);
        printf(" [%s]\n", prov);
    }
    printf("\nthreats (%d)\n", s->n_threats);
    for (int i = 0; i < s->n_threats; i++) {
        const bmd_scenario_threat *t = &s->threats[i];
        printf("  %-22s %s", t->name, t->missile.name);
        if (s->resolved && t->entry)
            printf(" (%s, %s)", t->entry->full_name, t->entry->class_name);
        for (int k = 0; k < t->missile.n_set; k++)
            printf(" (set %s=%s)", t->missile.set[k].field, t->missile.set[k].text);
        printf(": %s -> %s, %.0f km, %s\n", t->from.name[0] ? t->from.name : "(point)",
               t->to.name[0] ? t->to.name : "(point)", distance_km(s, &t->from, &t->to),
               bmd_scenario_shape_name(t->shape));
        if (s->resolved) {
            char text[256];
            flight_text(&flights[i], text, sizeof text);
            printf("  %-22s %s\n", "", text);
        }
    }
    const char *titles[] = {"launch areas", "targets", "grids"};
    const bmd_scenario_area *lists[] = {s->launch_areas, s->targets, s->grids};
    const int counts[] = {s->n_launch_areas, s->n_targets, s->n_grids};
    for (int k = 0; k < 3; k++) {
        if (!counts[k])
            continue;
        printf("\n%s (%d)\n", titles[k], counts[k]);
        for (int i = 0; i < counts[k]; i++) {
            const bmd_scenario_area *a = &lists[k][i];
            printf("  %-22s %d point%s", a->name, a->n_points, a->n_points == 1 ? "" : "s");
            if (a->has_box)
                printf(", box %.2f..%.2f N, %.2f..%.2f E (%ld cells)",
                       bmd_rad_to_deg(a->box.south_rad), bmd_rad_to_deg(a->box.north_rad),
                       bmd_rad_to_deg(a->box.west_rad), bmd_rad_to_deg(a->box.east_rad),
                       box_cells(s, &a->box));
            if (a->has_missile)
                printf(", missile %s (%s)", a->missile.name, bmd_scenario_shape_name(a->shape));
            printf("\n");
        }
    }
    printf("\n%s: valid%s\n", s->path, s->resolved ? "; every catalogue name resolved" : "");
}

/* A point as a JSON object. */
static cJSON *point_json(const bmd_scenario_point *p)
{
    cJSON *o = cJSON_CreateObject();
    if (p->name[0])
        cJSON_AddStringToObject(o, "name", p->name);
    cJSON_AddNumberToObject(o, "lat_deg", bmd_rad_to_deg(p->lat_rad));
    cJSON_AddNumberToObject(o, "lon_deg", bmd_rad_to_deg(p->lon_rad));
    cJSON_AddNumberToObject(o, "height_m", p->height_m);
    cJSON_AddStringToObject(o, "source", p->prov.source);
    cJSON_AddBoolToObject(o, "notional", p->prov.notional);
    return o;
}

/* The summary as one JSON object. */
static int print_json(const bmd_scenario *s, const threat_flight *flights)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "scenario", s->path);
    cJSON_AddStringToObject(o, "title", s->title);
    cJSON_AddStringToObject(o, "question", s->question);
    cJSON_AddBoolToObject(o, "valid", 1);
    cJSON_AddBoolToObject(o, "resolved", s->resolved);
    cJSON *arr = cJSON_AddArrayToObject(o, "sensors");
    for (int i = 0; i < s->n_sensors; i++) {
        const bmd_scenario_sensor *x = &s->sensors[i];
        cJSON *e = cJSON_CreateObject();
        cJSON_AddStringToObject(e, "name", x->name);
        cJSON_AddStringToObject(e, "kind", x->kind == BMD_SCENARIO_SENSOR_IR ? "ir" : "radar");
        if (x->kind == BMD_SCENARIO_SENSOR_RADAR) {
            cJSON_AddStringToObject(e, "radar", x->radar.type.name);
            if (s->resolved)
                cJSON_AddNumberToObject(e, "detection_range_km",
                                        x->radar.entry.radar.ref_detection_range_m / 1e3);
            cJSON_AddItemToObject(e, "at", point_json(&x->site));
        }
        cJSON_AddItemToArray(arr, e);
    }
    arr = cJSON_AddArrayToObject(o, "sites");
    for (int i = 0; i < s->n_sites; i++) {
        const bmd_scenario_site *x = &s->sites[i];
        cJSON *e = cJSON_CreateObject();
        cJSON_AddStringToObject(e, "name", x->name);
        cJSON_AddStringToObject(e, "interceptor", x->interceptor.name);
        cJSON_AddNumberToObject(e, "count", x->count);
        if (s->resolved)
            cJSON_AddNumberToObject(e, "burnout_speed_km_s",
                                    x->interceptor_entry.interceptor.burnout_speed_m_s / 1e3);
        if (x->has_radar)
            cJSON_AddStringToObject(e, "radar", x->radar.type.name);
        cJSON_AddItemToObject(e, "at", point_json(&x->site));
        cJSON_AddItemToArray(arr, e);
    }
    arr = cJSON_AddArrayToObject(o, "threats");
    for (int i = 0; i < s->n_threats; i++) {
        const bmd_scenario_threat *t = &s->threats[i];
        cJSON *e = cJSON_CreateObject();
        cJSON_AddStringToObject(e, "name", t->name);
        cJSON_AddStringToObject(e, "missile", t->missile.name);
        cJSON_AddItemToObject(e, "from", point_json(&t->from));
        cJSON_AddItemToObject(e, "to", point_json(&t->to));
        cJSON_AddNumberToObject(e, "ground_distance_km", distance_km(s, &t->from, &t->to));
        cJSON_AddStringToObject(e, "shape", bmd_scenario_shape_name(t->shape));
        const threat_flight *x = &flights[i];
        if (x->flown) {
            cJSON_AddBoolToObject(e, "reachable", x->f.reachable);
            cJSON_AddNumberToObject(e, "max_range_km", x->f.max_range_m / 1e3);
        }
        if (x->flown && x->f.reachable) {
            cJSON_AddNumberToObject(e, "flight_time_s", x->f.summary.flight_time_s);
            cJSON_AddNumberToObject(e, "apogee_km", x->f.summary.apogee_altitude_m / 1e3);
            cJSON_AddNumberToObject(e, "burnout_speed_km_s", x->f.summary.burnout_speed_m_s / 1e3);
        }
        if (!x->flown && x->message[0])
            cJSON_AddStringToObject(e, "flight_error", x->message);
        cJSON_AddItemToArray(arr, e);
    }
    cJSON_AddNumberToObject(o, "launch_areas", s->n_launch_areas);
    cJSON_AddNumberToObject(o, "targets", s->n_targets);
    cJSON_AddNumberToObject(o, "grids", s->n_grids);
    char *text = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    if (!text)
        return CLI_FAILED;
    printf("%s\n", text);
    free(text);
    return ferror(stdout) ? CLI_FAILED : CLI_OK;
}

/* Load (and resolve), then print. */
static int check(const cli_args *a, const char *path)
{
    bmd_scenario *s = malloc(sizeof *s);
    if (!s)
        return CLI_FAILED;
    char root[BMD_PATH_MAX];
    catalogue_root(a, root, sizeof root);
    bmd_error err;
    int st = bmd_scenario_load(path, s, &err);
    if (!st && !cli_has(a, "no-resolve"))
        st = bmd_scenario_resolve(s, root, &err);
    if (st) {
        cli_complain(a->command, "%s", err.message[0] ? err.message : bmd_status_name(st));
        bmd_scenario_free(s);
        free(s);
        return cli_exit_status(st);
    }
    int rc = CLI_OK;
    threat_flight *flights = calloc((size_t)(s->n_threats > 0 ? s->n_threats : 1), sizeof *flights);
    if (!flights) {
        bmd_scenario_free(s);
        free(s);
        return CLI_FAILED;
    }
    fly_threats(s, flights);
    if (cli_has(a, "json"))
        rc = print_json(s, flights);
    else
        print_summary(s, flights);
    free(flights);
    bmd_scenario_free(s);
    free(s);
    return rc;
}

int cli_cmd_scenario(int argc, char **argv)
{
    cli_args a;
    const char *pos[2];
    int n_pos = 0;
    int check_alias = strcmp(argv[1], "check") == 0;
    int st = cli_parse_positional(&a, check_alias ? "check" : "scenario", usage, options,
                                  (int)(sizeof options / sizeof *options), argc, argv, 2, pos,
                                  check_alias ? 1 : 2, &n_pos);
    if (st)
        return st < 0 ? CLI_OK : st;
    if (!check_alias) {
        if (n_pos == 0) {
            cli_complain(a.command, "give a subcommand: bmdsim scenario check FILE.yaml");
            return CLI_USAGE;
        }
        if (strcmp(pos[0], "check") != 0) {
            cli_complain(a.command, "'%s' is not a subcommand (use: bmdsim scenario check "
                         "FILE.yaml)", pos[0]);
            return CLI_USAGE;
        }
        pos[0] = pos[1];
        n_pos--;
    }
    if (n_pos != 1) {
        cli_complain(a.command, "give the scenario file (bmdsim scenario check FILE.yaml)");
        return CLI_USAGE;
    }
    return check(&a, pos[0]);
}
