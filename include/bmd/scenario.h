/* bmd/scenario.h — scenario files: YAML descriptions of an analysis (threats, defence sites,
 * sensors, timelines, the Earth model, launch areas, target sets and grids for footprints, and the
 * title, question and notes of the report). Format: docs/scenarios.md.
 *
 * Two steps:
 *   1. bmd_scenario_load reads and validates the file on its own: structure, types, numbers,
 *      latitude and longitude ranges, non-negative delays and counts, unknown keys (with the
 *      closest known one), duplicate names, references between its parts (a site's cueing
 *      sensors, a threat's named launch point or target), and the provenance of every location
 *      (`source: KEY` into the file's `sources:`, or `notional: true` with a `note`).
 *   2. bmd_scenario_resolve looks up every catalogue name (missiles, radars, interceptors) in a
 *      catalogue directory and applies the `set:` overrides.
 * Every error message starts "FILE:LINE:COL: field 'PATH': ...", e.g.
 *     europe.yaml:41:14: field 'sites[1].count': value '-3' must be a non-negative integer
 *
 * Angles are degrees in the file and radians here; everything else SI. A scenario owns heap
 * memory: release it with bmd_scenario_free. Loading and resolving touch no global state. */
#ifndef BMD_SCENARIO_H
#define BMD_SCENARIO_H

#include "bmd/api.h"

#include "bmd/aim.h"
#include "bmd/catalog.h"
#include "bmd/earth.h"
#include "bmd/engagement.h"
#include "bmd/error.h"
#include "bmd/interceptor_catalog.h"
#include "bmd/radar_catalog.h"
#include "bmd/sensor.h"

#ifdef __cplusplus
extern "C" {
#endif

#define BMD_SCENARIO_TEXT_MAX 1024   /* title, question, each note */
#define BMD_SCENARIO_MAX_NOTES 16
#define BMD_SCENARIO_MAX_SET 16      /* overrides per catalogue reference */
#define BMD_SCENARIO_MAX_CUES 8      /* cueing sensors per site */
#define BMD_SCENARIO_PATH_MAX 96     /* field paths in messages */
#define BMD_SCENARIO_MAX_BOX_CELLS 1000000000L /* rows x columns of a box (as footprint --max-cells) */

/* Where something was written in the file (1-based; 0 when it was not read from a file). */
typedef struct bmd_scenario_pos {
    int line;
    int column;
} bmd_scenario_pos;

/* One override of a catalogue field, `FIELD: VALUE` under `set:`. The field and the value are
 * those of the catalogue file (e.g. "burnout_speed_m_s", "stages[0].burn_time_s", a radar's
 * "detection_range_m" or "azimuth_half_width_deg"); checked by bmd_scenario_resolve. */
typedef struct bmd_scenario_set {
    char field[80];
    double value;
    char text[48];           /* the value as written */
    bmd_scenario_pos at;     /* of the key */
} bmd_scenario_set;

/* A reference to a catalogue entry by name, with its overrides. */
typedef struct bmd_scenario_ref {
    char name[BMD_NAME_MAX];          /* catalogue name (file stem or `name:`), or a path */
    char field[BMD_SCENARIO_PATH_MAX];/* where it was given, e.g. "sites[1].interceptor" */
    bmd_scenario_pos at;              /* of the name */
    int n_set;
    bmd_scenario_set set[BMD_SCENARIO_MAX_SET];
} bmd_scenario_ref;

/* A named geodetic point and where its coordinates come from (prov.field is its path,
 * prov.value NAN; prov.source / notional / note as in the catalogue). */
typedef struct bmd_scenario_point {
    char name[BMD_NAME_MAX];
    double lat_rad, lon_rad, height_m;
    bmd_param_provenance prov;
} bmd_scenario_point;

/* The delays of the engagement timeline (s, each >= 0). */
typedef struct bmd_scenario_timeline {
    double detect_to_track_s;     /* first detection to a fire-control-quality track */
    double track_to_decision_s;   /* track to the decision to engage */
    double decision_to_launch_s;  /* decision to interceptor launch */
    double kill_assessment_s;     /* intercept to the assessment that allows the next shot */
} bmd_scenario_timeline;

/* A radar type from the catalogue placed at a site. After bmd_scenario_resolve, entry.radar is
 * the type with the overrides applied, placed at the site (latitude, longitude, height) and
 * turned to the boresight (when given; otherwise the catalogue's default). */
typedef struct bmd_scenario_radar {
    bmd_scenario_ref type;
    int has_boresight;
    double boresight_azimuth_rad;
    bmd_catalog_radar entry;      /* filled by bmd_scenario_resolve */
} bmd_scenario_radar;

typedef enum bmd_scenario_sensor_kind {
    BMD_SCENARIO_SENSOR_RADAR = 0, /* a catalogue radar at a site */
    BMD_SCENARIO_SENSOR_IR = 1     /* space-based infrared early warning (no site) */
} bmd_scenario_sensor_kind;

/* A sensor of `sensors:`. For a radar, site holds its location and provenance; for an IR sensor,
 * site.prov holds the provenance of its parameters (site coordinates unused). */
typedef struct bmd_scenario_sensor {
    char name[BMD_NAME_MAX];
    bmd_scenario_sensor_kind kind;
    bmd_scenario_point site;
    bmd_scenario_radar radar;     /* kind radar */
    bmd_ir_sensor ir;             /* kind IR */
} bmd_scenario_sensor;

/* A defence site of `sites:`: interceptors, an optional fire-control radar at the site, cueing
 * sensors (indices into the scenario's sensors), and its timeline (the scenario's, with any
 * values the site gives itself). */
typedef struct bmd_scenario_site {
    char name[BMD_NAME_MAX];
    bmd_scenario_point site;
    bmd_scenario_ref interceptor;
    int count;                    /* interceptors at the site, >= 0 */
    int has_radar;
    bmd_scenario_radar radar;
    int n_cues;
    int cues[BMD_SCENARIO_MAX_CUES];
    bmd_scenario_timeline timeline;
    /* Filled by bmd_scenario_resolve: the catalogue interceptor with interceptor.set applied
     * (entry.interceptor is the bmd_interceptor to fly). */
    bmd_catalog_interceptor interceptor_entry;
} bmd_scenario_site;

/* A threat of `threats:`: one missile flight from a launch point to a target, of a shape. */
typedef struct bmd_scenario_threat {
    char name[BMD_NAME_MAX];
    bmd_scenario_ref missile;
    bmd_scenario_point from;      /* named: copied from launch_areas/targets, with its name */
    bmd_scenario_point to;
    bmd_aim_shape shape;          /* default BMD_AIM_MIN_ENERGY */
    double launch_time_s;         /* >= 0, default 0 */
    int warheads;                 /* >= 1, default 1 */
    int decoys;                   /* >= 0, default 0 */
    bmd_catalog_missile *entry;   /* filled by bmd_scenario_resolve (owned) */
} bmd_scenario_threat;

/* A lat/lon box sampled every step (exactly one of step_rad, step_m is > 0). West < east; east
 * may exceed 180 degrees for a box across the antimeridian. */
typedef struct bmd_scenario_box {
    double south_rad, north_rad, west_rad, east_rad;
    double step_rad;
    double step_m;
} bmd_scenario_box;

/* A named area: a box, or a list of named points, or both (the points are then extra). Used for
 * launch areas (then with a missile and shape), target sets and footprint grids. */
typedef struct bmd_scenario_area {
    char name[BMD_NAME_MAX];
    bmd_param_provenance prov;    /* of the box or of the set as a whole */
    int has_box;
    bmd_scenario_box box;
    int n_points;
    bmd_scenario_point *points;   /* owned */
    int has_missile;              /* launch areas: what flies from here */
    bmd_scenario_ref missile;
    bmd_aim_shape shape;
    bmd_catalog_missile *entry;   /* filled by bmd_scenario_resolve (owned) */
} bmd_scenario_area;

#define BMD_SCENARIO_MAX_UNCERTAIN 32

/* One entry of `uncertain:` (docs/scenarios.md, "Uncertain parameters"): a parameter path of
 * bmd/param.h and its distribution as written (bmd_dist_parse), with its provenance (source key,
 * or notional with a note). Checked at load (path syntax and field, distribution); the names in
 * [NAME] are checked against the resolved scenario by bmd_param_set_from_scenario. */
typedef struct bmd_scenario_uncertain {
    char path[128];
    char dist[96];
    bmd_param_provenance prov;
    bmd_scenario_pos at;          /* of the key */
} bmd_scenario_uncertain;

/* A whole scenario. Zero it (or bmd_scenario_init) before loading. */
typedef struct bmd_scenario {
    char path[BMD_PATH_MAX];
    char title[256];
    char question[BMD_SCENARIO_TEXT_MAX];
    int n_notes;
    char notes[BMD_SCENARIO_MAX_NOTES][BMD_SCENARIO_TEXT_MAX];
    bmd_earth_kind earth_kind;
    bmd_earth earth;
    bmd_scenario_timeline timeline;  /* `timeline:`; absent: the delays of
                                        bmd_engagement_rules_init */
    bmd_launch_on launch_on;         /* `engagement: {launch_on: NAME}`; default of
                                        bmd_engagement_rules_init */
    int require_fcr_coverage;        /* `engagement: {fire_control_at_intercept: BOOL}`; default
                                        of bmd_engagement_rules_init */
    int n_sources;
    bmd_source sources[BMD_CATALOG_MAX_SOURCES];
    int n_sensors, n_sites, n_threats, n_launch_areas, n_targets, n_grids;
    bmd_scenario_sensor *sensors;
    bmd_scenario_site *sites;
    bmd_scenario_threat *threats;
    bmd_scenario_area *launch_areas;
    bmd_scenario_area *targets;
    bmd_scenario_area *grids;
    int resolved;                 /* bmd_scenario_resolve succeeded */
    int n_uncertain;              /* `uncertain:` (bmd/param.h) */
    bmd_scenario_uncertain uncertain[BMD_SCENARIO_MAX_UNCERTAIN];

    char date[32];                /* `date:` (optional): when the deployment described was
                                     operational or planned, as written ("2011-03", "2024-11-13");
                                     "" when absent */
    char phase[128];              /* `phase:` (optional): which deployment or plan this is
                                     ("EPAA phase 1"); "" when absent */
} bmd_scenario;

/* Zero a scenario (nothing allocated). */
BMD_API void bmd_scenario_init(bmd_scenario *scn);

/* Read and validate the file at path (step 1 above). On error the scenario is left empty
 * (bmd_scenario_free is still safe). Errors: BMD_EIO (cannot open), BMD_EPARSE (YAML syntax),
 * BMD_EINVAL (everything else), BMD_ENOMEM; messages start "FILE:LINE:COL: ". */
BMD_API int bmd_scenario_load(const char *path, bmd_scenario *scn, bmd_error *err);

/* Look up every catalogue name under catalog_dir (its missiles/, radars/ and interceptors/
 * folders) and apply the overrides (step 2). Errors: BMD_ENOTFOUND for an unknown name (close
 * names suggested), BMD_EINVAL for an unknown override field or a bad value, those of the
 * catalogue loaders; each message starts with the file, line and column of the name or key. */
BMD_API int bmd_scenario_resolve(bmd_scenario *scn, const char *catalog_dir, bmd_error *err);

/* Load, then resolve. */
BMD_API int bmd_scenario_open(const char *path, const char *catalog_dir, bmd_scenario *scn,
                              bmd_error *err);

/* Release everything the scenario holds and zero it. */
BMD_API void bmd_scenario_free(bmd_scenario *scn);

/* Write the scenario as a scenario file that loads back to the same values (within the 17
 * significant digits of the numbers). Errors: BMD_EIO. */
BMD_API int bmd_scenario_save(const bmd_scenario *scn, const char *path, bmd_error *err);

/* The index of the sensor, site, threat or named point (in launch areas, then targets) called
 * name, or -1. For points, *area_kind is 0 (launch area) or 1 (target set) and *area its index. */
BMD_API int bmd_scenario_sensor_index(const bmd_scenario *scn, const char *name);
BMD_API int bmd_scenario_site_index(const bmd_scenario *scn, const char *name);
BMD_API int bmd_scenario_threat_index(const bmd_scenario *scn, const char *name);
BMD_API const bmd_scenario_point *bmd_scenario_find_point(const bmd_scenario *scn, const char *name,
                                                          int *area_kind, int *area);

/* The citation of a source key, or NULL. */
BMD_API const char *bmd_scenario_citation(const bmd_scenario *scn, const char *key);

/* The engagement rules of site si (bmd/engagement.h): the scenario's launch-on setting and
 * fire-control requirement with the site's timeline (the scenario's with the site's own values).
 * The one mapping from a scenario to the rules; si out of range: the scenario's timeline. */
BMD_API void bmd_scenario_rules(const bmd_scenario *scn, int si, bmd_engagement_rules *rules);

/* Names of trajectory shapes in files ("min-energy", "lofted", "depressed") and the inverse
 * (BMD_EINVAL listing the names). */
BMD_API const char *bmd_scenario_shape_name(bmd_aim_shape shape);
BMD_API int bmd_scenario_shape_parse(const char *name, bmd_aim_shape *shape, bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
