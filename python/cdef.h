/* python/cdef.h — the part of the public C API (include/bmd/) the Python module binds, in cffi's
 * cdef syntax. cffi API mode: build_ffi.py compiles a C extension that #includes bmd/bmd.h, so
 * every struct below marked with "...;" takes its layout (offsets, size, padding) from the real
 * header at compile time: a field added to or moved in a library struct cannot silently shift
 * the fields Python reads. Only the fields Python uses are listed. Array lengths written as
 * [...] are taken from the headers too. */

/* core */
#define BMD_ERROR_MESSAGE_SIZE ...
#define BMD_NAME_MAX ...
#define BMD_MAX_STAGES ...
#define BMD_CATALOG_MAX_SOURCES ...
#define BMD_CATALOG_MAX_PARAMS ...
#define BMD_FOOTPRINT_MAX_SITES ...
#define BMD_ENGAGE_MAX_SHOTS ...
enum { BMD_SUCCESS, BMD_EINVAL, BMD_EDOM, BMD_ENOMEM, BMD_EMAXITER, BMD_ESTEP, BMD_EBADFUNC,
       BMD_EIO, BMD_ENOTFOUND, BMD_EPARSE };
typedef struct bmd_error { int status; char message[...]; ...; } bmd_error;
const char *bmd_status_name(int status);
const char *bmd_version(void);
const char *bmd_data_dir(void);
void free(void *ptr);

/* earth */
static const double BMD_WGS84_GM_M3_S2;
static const double BMD_EARTH_MEAN_RADIUS_M;
typedef enum bmd_earth_kind { BMD_EARTH_WGS84 = 0, BMD_EARTH_SPHERE = 1 } bmd_earth_kind;
typedef struct bmd_earth { bmd_earth_kind kind; double a_m; double omega_rad_s; ...; } bmd_earth;
void bmd_earth_init_wgs84(bmd_earth *earth);
int bmd_earth_init_sphere(bmd_earth *earth, double radius_m, int rotating, bmd_error *err);
double bmd_earth_mean_radius_m(const bmd_earth *earth);
void bmd_geodesy_inverse(const bmd_earth *earth, double lat1_rad, double lon1_rad, double lat2_rad,
                         double lon2_rad, double *distance_m, double *azimuth1_rad,
                         double *azimuth2_rad);

/* missile and catalogue */
typedef struct bmd_payload { double rv_mass_kg; double rv_beta_kg_m2; ...; } bmd_payload;
typedef struct bmd_missile { char name[...]; int n_stages; bmd_payload payload; ...; } bmd_missile;
int bmd_missile_validate(const bmd_missile *missile, bmd_error *err);
double bmd_missile_launch_mass_kg(const bmd_missile *missile);
double bmd_missile_ideal_delta_v_m_s(const bmd_missile *missile);
typedef struct bmd_source { char key[...]; char citation[...]; ...; } bmd_source;
typedef struct bmd_param_provenance {
    char field[...]; double value; char source[...]; int notional; char note[...]; int line;
    int has_range; double low, high; ...;
} bmd_param_provenance;
typedef struct bmd_catalog_signature {
    double booster_rcs_m2; double pbv_rcs_m2; double warhead_rcs_m2; ...;
} bmd_catalog_signature;
typedef struct bmd_catalog_missile {
    bmd_missile missile; char full_name[...]; char class_name[...]; char description[...];
    char path[...]; int n_sources; bmd_source sources[...]; int n_params;
    bmd_param_provenance params[...]; bmd_param_provenance published_range;
    bmd_catalog_signature signature; ...;
} bmd_catalog_missile;
int bmd_catalog_find_missile(const char *dir, const char *name, bmd_catalog_missile *entry,
                             bmd_error *err);
int bmd_catalog_override(bmd_catalog_missile *entry, const char *assignment, bmd_error *err);

/* trajectory */
typedef enum bmd_steering { BMD_STEER_GRAVITY_TURN = 0, BMD_STEER_PITCH_PROGRAM = 1 } bmd_steering;
typedef struct bmd_plan {
    bmd_steering steering; double azimuth_rad; double vertical_rise_s; double kick_rad;
    double pitch_final_rad; double pitch_end_s; double cutoff_s; ...;
} bmd_plan;
void bmd_plan_init(bmd_plan *plan);
void bmd_plan_init_for(const bmd_missile *missile, bmd_steering steering, bmd_plan *plan);
typedef struct bmd_sample {
    double t_s; double lat_rad, lon_rad, altitude_m; double speed_m_s; double flight_path_rad;
    double heading_rad; double mass_kg; double mach; double dynamic_pressure_pa;
    double r_ecef_m[3]; double v_ecef_m_s[3]; int phase; int stage; ...;
} bmd_sample;
typedef struct bmd_flight_events {
    int n_stages; double stage_burnout_s[...]; double burnout_s; double apogee_s;
    double reentry_s; double impact_s; ...;
} bmd_flight_events;
typedef struct bmd_flight_summary {
    bmd_flight_events events; double burnout_altitude_m; double burnout_speed_m_s;
    double burnout_inertial_speed_m_s; double burnout_inertial_flight_path_rad;
    double burnout_radius_m; double burnout_flight_path_rad; double burnout_lat_rad, burnout_lon_rad;
    double apogee_altitude_m; double reentry_speed_m_s; double impact_lat_rad, impact_lon_rad;
    double impact_speed_m_s; double ground_range_m; double flight_time_s; int impacted;
    int impact_phase; ...;
} bmd_flight_summary;
typedef struct bmd_trajectory { bmd_sample *samples; int n_samples; int capacity; ...; } bmd_trajectory;
typedef struct bmd_flight_options { double sample_interval_s; double max_time_s; ...; } bmd_flight_options;
void bmd_flight_options_init(bmd_flight_options *opt);
int bmd_trajectory_fly(const bmd_earth *earth, const bmd_missile *missile, const bmd_plan *plan,
                       double lat_rad, double lon_rad, double height_m,
                       const bmd_flight_options *opt, bmd_flight_summary *summary,
                       bmd_trajectory *traj, bmd_error *err);
void bmd_trajectory_free(bmd_trajectory *traj);

/* aim */
typedef enum bmd_aim_shape { BMD_AIM_MIN_ENERGY = 0, BMD_AIM_LOFTED = 1, BMD_AIM_DEPRESSED = 2,
                             BMD_AIM_CUTOFF = 3 } bmd_aim_shape;
const char *bmd_aim_shape_name(bmd_aim_shape shape);
int bmd_aim_shape_parse(const char *text, bmd_aim_shape *shape, bmd_error *err);
typedef struct bmd_site { double lat_rad, lon_rad, height_m; ...; } bmd_site;
typedef struct bmd_aim_result {
    bmd_plan plan; bmd_flight_summary summary; int reachable; double max_range_m; double miss_m;
    int evaluations; ...;
} bmd_aim_result;
int bmd_aim_max_range_best(const bmd_earth *earth, const bmd_missile *missile, double azimuth_rad,
                           const bmd_site *launch, const bmd_flight_options *opt,
                           bmd_aim_result *result, bmd_error *err);
int bmd_aim_max_range(const bmd_earth *earth, const bmd_missile *missile, const bmd_plan *base,
                      const bmd_site *launch, const bmd_flight_options *opt,
                      bmd_aim_result *result, bmd_error *err);
int bmd_aim_apogee(const bmd_earth *earth, const bmd_missile *missile, const bmd_plan *base,
                   const bmd_site *launch, double apogee_m, const bmd_flight_options *opt,
                   bmd_aim_result *result, bmd_error *err);
int bmd_aim_burnout_angle(const bmd_earth *earth, const bmd_missile *missile,
                          const bmd_plan *base, const bmd_site *launch, double gamma_rad,
                          const bmd_flight_options *opt, bmd_aim_result *result, bmd_error *err);
#define BMD_AIM_STEER_AUTO ...
typedef struct bmd_aim_fly_options {
    bmd_aim_shape shape; int steering; double vertical_rise_s; double aim_tolerance_m;
    double sample_interval_s; ...;
} bmd_aim_fly_options;
void bmd_aim_fly_options_init(bmd_aim_fly_options *opt);
typedef struct bmd_aim_flight {
    int reachable; double target_distance_m; double max_range_m; double miss_m; bmd_plan plan;
    bmd_flight_summary summary; bmd_trajectory traj; int evaluations; ...;
} bmd_aim_flight;
int bmd_aim_fly_to(const bmd_earth *earth, const bmd_missile *missile, const bmd_site *launch,
                   double target_lat_rad, double target_lon_rad, const bmd_aim_fly_options *opt,
                   int traj, bmd_aim_flight *out, bmd_error *err);

/* loft (Kepler) */
typedef struct bmd_loft_kepler {
    double burnout_speed_m_s; double burnout_gamma_rad; double circular_speed_m_s; double q;
    int any_point; double flight_time_s; double max_range_angle_rad; double max_range_gamma_rad;
    double max_range_flight_time_s; double max_range_apogee_radius_m; ...;
} bmd_loft_kepler;
int bmd_loft_kepler_estimate(double r_m, double apogee_radius_m, double psi_rad, double mu,
                             bmd_loft_kepler *out, bmd_error *err);

/* sensors, interceptors, engagements */
typedef enum bmd_object_class { BMD_OBJECT_BOOSTER = 0, BMD_OBJECT_RV = 1, BMD_OBJECT_DECOY = 2,
                                BMD_OBJECT_COUNT = 3 } bmd_object_class;
typedef struct bmd_radar {
    double lat_rad, lon_rad; double height_m; double boresight_azimuth_rad; int full_circle;
    double max_range_m; double ref_detection_range_m; ...;
} bmd_radar;
int bmd_radar_validate(const bmd_radar *radar, bmd_error *err);
typedef struct bmd_ir_sensor { double min_altitude_m; double delay_s; ...; } bmd_ir_sensor;
void bmd_ir_sensor_init(bmd_ir_sensor *ir);
typedef struct bmd_catalog_radar {
    bmd_radar radar; char name[...]; char full_name[...]; char band[...]; char description[...];
    char path[...]; int n_sources; bmd_source sources[...]; int n_params;
    bmd_param_provenance params[...]; ...;
} bmd_catalog_radar;
int bmd_catalog_find_radar(const char *dir, const char *name, bmd_catalog_radar *entry,
                           bmd_error *err);
typedef struct bmd_interceptor {
    char name[...]; double burnout_speed_m_s; double burn_time_s; double min_altitude_m;
    double max_altitude_m; double max_flyout_time_s; ...;
} bmd_interceptor;
typedef struct bmd_interceptor_param { bmd_param_provenance prov; double low; double high; ...; }
    bmd_interceptor_param;
typedef struct bmd_catalog_interceptor {
    bmd_interceptor interceptor; char full_name[...]; char description[...]; char path[...];
    int n_sources; bmd_source sources[...]; int n_params; bmd_interceptor_param params[...]; ...;
} bmd_catalog_interceptor;
int bmd_catalog_find_interceptor(const char *dir, const char *name,
                                 bmd_catalog_interceptor *entry, bmd_error *err);
typedef struct bmd_interceptor_site { double lat_rad, lon_rad, height_m; double azimuth_rad; ...; }
    bmd_interceptor_site;
typedef struct bmd_flyout_options { bmd_interceptor_site site; ...; } bmd_flyout_options;
void bmd_flyout_options_init(bmd_flyout_options *opt);
typedef struct bmd_flyout { ...; } bmd_flyout;
int bmd_flyout_build(bmd_flyout *table, const bmd_earth *earth, const bmd_interceptor *ic,
                     const bmd_flyout_options *opt, bmd_error *err);
void bmd_flyout_free(bmd_flyout *table);

typedef struct bmd_timeline {
    double track_delay_s; double decision_delay_s; double launch_delay_s;
    double kill_assessment_s; ...;
} bmd_timeline;
typedef enum bmd_launch_on { BMD_LAUNCH_ON_IR_TRACK = 0, BMD_LAUNCH_ON_BURNOUT = 1,
                             BMD_LAUNCH_ON_RADAR_TRACK = 2 } bmd_launch_on;
const char *bmd_launch_on_name(bmd_launch_on launch_on);
int bmd_launch_on_parse(const char *name, bmd_launch_on *launch_on, bmd_error *err);
const char *bmd_launch_on_meaning(bmd_launch_on launch_on);
typedef struct bmd_engagement_rules {
    bmd_launch_on launch_on; bmd_timeline timeline; int require_fcr_coverage; ...;
} bmd_engagement_rules;
void bmd_engagement_rules_init(bmd_engagement_rules *rules);
int bmd_engagement_rules_validate(const bmd_engagement_rules *rules, bmd_error *err);
const char *bmd_engagement_rules_describe(const bmd_engagement_rules *rules, char *buf, size_t n);
typedef struct bmd_sensor_set {
    const bmd_radar *radars; int n_radars; const bmd_ir_sensor *ir; int n_ir; ...;
} bmd_sensor_set;
typedef enum bmd_detector { BMD_DETECTOR_NONE = 0, BMD_DETECTOR_RADAR = 1, BMD_DETECTOR_IR = 2,
                            BMD_DETECTOR_FIRE_CONTROL = 3 } bmd_detector;
typedef struct bmd_threat { double cue_detect_s; double burnout_s; ...; } bmd_threat;
int bmd_threat_prepare_rcs(const bmd_earth *earth, const bmd_trajectory *traj,
                           const bmd_flight_events *events, bmd_object_class cls, double rcs_m2,
                           const bmd_sensor_set *sensors, bmd_threat *threat, bmd_error *err);
typedef struct bmd_defense_site {
    double lat_rad, lon_rad, height_m; const bmd_flyout *flyout; int n_interceptors;
    const bmd_radar *fire_control; ...;
} bmd_defense_site;
typedef struct bmd_engage_options {
    double scan_step_s; double time_tol_s; int require_fcr_coverage; bmd_launch_on launch_on; ...;
} bmd_engage_options;
void bmd_engage_options_init(bmd_engage_options *opt);
void bmd_engagement_rules_apply(const bmd_engagement_rules *rules, bmd_timeline *tl,
                                bmd_engage_options *opt);
typedef enum bmd_engage_reason { BMD_ENGAGE_OK = 0, BMD_ENGAGE_NOT_SEEN = 1,
    BMD_ENGAGE_NOT_SEEN_IN_TIME = 2, BMD_ENGAGE_OUT_OF_REACH = 3, BMD_ENGAGE_BELOW_FLOOR = 4,
    BMD_ENGAGE_TOO_LATE = 5, BMD_ENGAGE_NO_FCR_COVERAGE = 6 } bmd_engage_reason;
const char *bmd_engage_reason_name(bmd_engage_reason reason);
typedef struct bmd_intercept_point {
    double t_s; double flyout_s; double launch_s; double lat_rad, lon_rad; double altitude_m;
    double ground_range_m; double kv_speed_m_s; double threat_speed_m_s; double closing_speed_m_s;
    double crossing_angle_rad; ...;
} bmd_intercept_point;
typedef struct bmd_shot { double launch_s; double intercept_s; double altitude_m; ...; } bmd_shot;
typedef struct bmd_engagement {
    int engageable; bmd_engage_reason reason; double detect_s; bmd_detector detector;
    int detector_index; double chain_start_s; double track_s; double launch_earliest_s;
    bmd_intercept_point earliest; bmd_intercept_point latest; double altitude_min_m, altitude_max_m;
    double launch_first_s; double launch_last_s; int shot_opportunities; int n_shots;
    bmd_shot shots[...]; double reach_first_s; double reach_last_s; ...;
} bmd_engagement;
int bmd_engage(const bmd_earth *earth, const bmd_threat *threat, const bmd_defense_site *site,
               const bmd_timeline *tl, const bmd_engage_options *opt, bmd_engagement *out,
               bmd_error *err);
typedef struct bmd_required_speed_options {
    double speed_lo_m_s; double speed_hi_m_s; double tolerance_m_s; ...;
} bmd_required_speed_options;
void bmd_required_speed_options_init(bmd_required_speed_options *opt);
typedef struct bmd_required_speed {
    int possible; double speed_m_s; int feasible_at_lo; int site_engages; double site_speed_m_s;
    int from_site; bmd_engage_reason reason_at_hi; ...;
} bmd_required_speed;
int bmd_engage_required_speed(const bmd_earth *earth, const bmd_threat *threat,
                              const bmd_defense_site *site, const bmd_timeline *tl,
                              const bmd_engage_options *opt,
                              const bmd_required_speed_options *ropt, bmd_required_speed *out,
                              bmd_error *err);

/* scenarios and their analysis */
typedef struct bmd_scenario_point {
    char name[...]; double lat_rad, lon_rad, height_m; bmd_param_provenance prov; ...;
} bmd_scenario_point;
typedef struct bmd_scenario_ref { char name[...]; ...; } bmd_scenario_ref;
typedef struct bmd_scenario_site {
    char name[...]; bmd_scenario_point site; bmd_scenario_ref interceptor; int count;
    int has_radar; ...;
} bmd_scenario_site;
typedef struct bmd_scenario_threat {
    char name[...]; bmd_scenario_ref missile; bmd_scenario_point from; bmd_scenario_point to;
    bmd_aim_shape shape; ...;
} bmd_scenario_threat;
typedef struct bmd_scenario_sensor { char name[...]; bmd_scenario_point site; ...; } bmd_scenario_sensor;
typedef struct bmd_scenario {
    char path[...]; char title[...]; char question[...]; bmd_earth earth; bmd_launch_on launch_on;
    int require_fcr_coverage; int n_sources; bmd_source sources[...];
    int n_sensors, n_sites, n_threats; bmd_scenario_sensor *sensors; bmd_scenario_site *sites;
    bmd_scenario_threat *threats; int resolved; ...;
} bmd_scenario;
void bmd_scenario_init(bmd_scenario *scn);
int bmd_scenario_open(const char *path, const char *catalog_dir, bmd_scenario *scn,
                      bmd_error *err);
void bmd_scenario_free(bmd_scenario *scn);
const bmd_scenario_point *bmd_scenario_find_point(const bmd_scenario *scn, const char *name,
                                                  int *area_kind, int *area);
void bmd_scenario_rules(const bmd_scenario *scn, int si, bmd_engagement_rules *rules);

typedef struct bmd_analysis_flight {
    int reachable; double max_range_m; double miss_m; bmd_plan plan; bmd_flight_summary summary;
    bmd_trajectory traj; ...;
} bmd_analysis_flight;
typedef struct bmd_analysis_options {
    int required_speed; bmd_engage_options engage; int rules_from_scenario; int threads; ...;
} bmd_analysis_options;
void bmd_analysis_options_init(bmd_analysis_options *opt);
typedef enum bmd_analysis_status { BMD_ANALYSIS_EVALUATED = 0, BMD_ANALYSIS_NO_INTERCEPTORS = 1,
                                   BMD_ANALYSIS_THREAT_UNREACHABLE = 2 } bmd_analysis_status;
const char *bmd_analysis_status_name(bmd_analysis_status status);
typedef struct bmd_analysis_threat { int index; bmd_analysis_flight flight; ...; } bmd_analysis_threat;
typedef struct bmd_analysis_pair {
    int threat, site; bmd_analysis_status status; bmd_timeline timeline;
    bmd_engagement engagement; int detector_sensor; int has_required_speed;
    bmd_required_speed required; ...;
} bmd_analysis_pair;
typedef struct bmd_analysis {
    int n_threats, n_sites; bmd_analysis_threat *threats; bmd_analysis_pair *pairs; ...;
} bmd_analysis;
int bmd_analysis_run(const bmd_scenario *scn, const bmd_analysis_options *opt,
                     bmd_analysis *out, bmd_error *err);
const bmd_analysis_pair *bmd_analysis_pair_at(const bmd_analysis *an, int ti, int si);
const char *bmd_analysis_detector_name(const bmd_analysis *an, const bmd_analysis_pair *pair,
                                       char *buf, size_t n);
void bmd_analysis_free(bmd_analysis *an);

/* scenes and GeoJSON */
typedef enum bmd_site_kind { BMD_SITE_RADAR = 0, BMD_SITE_INTERCEPTOR = 1, BMD_SITE_LAUNCH = 2,
                             BMD_SITE_TARGET = 3, BMD_SITE_OTHER = 4 } bmd_site_kind;
typedef struct bmd_scene { ...; } bmd_scene;
void bmd_scene_init(bmd_scene *scene, const bmd_earth *earth);
void bmd_scene_free(bmd_scene *scene);
int bmd_scene_set_title(bmd_scene *scene, const char *title, bmd_error *err);
int bmd_scene_add_site(bmd_scene *scene, const char *name, bmd_site_kind kind, double lat_rad,
                       double lon_rad, double height_m, int *feature, bmd_error *err);
int bmd_scene_add_trajectory(bmd_scene *scene, const char *name, const char *missile,
                             const bmd_trajectory *traj, const bmd_flight_summary *summary,
                             int *feature, bmd_error *err);
int bmd_analysis_scene(const bmd_analysis *an, int flags, bmd_scene *scene, bmd_error *err);
int bmd_geojson_string(const bmd_scene *scene, char **json, bmd_error *err);

/* footprints */
typedef enum bmd_footprint_mode { BMD_FOOTPRINT_DEFENDED_AREA = 0, BMD_FOOTPRINT_LAUNCH_AREA = 1 }
    bmd_footprint_mode;
typedef struct bmd_footprint_box {
    double south_rad, west_rad; double dlat_rad, dlon_rad; int n_lat, n_lon; ...;
} bmd_footprint_box;
typedef struct bmd_footprint_site { bmd_defense_site site; ...; } bmd_footprint_site;
typedef struct bmd_footprint_options { bmd_engage_options engage; double rcs_m2; int threads; ...; }
    bmd_footprint_options;
void bmd_footprint_options_init(bmd_footprint_options *opt);
typedef struct bmd_footprint_cell {
    double lat_rad, lon_rad; double earliest_intercept_s; double required_speed_m_s; float miss_m;
    unsigned int site_mask; short shot_opportunities; unsigned char status;
    unsigned char reachable; unsigned char sites_engaging; unsigned char flights;
    float flight_time_s; float apogee_m; ...;
} bmd_footprint_cell;
typedef struct bmd_footprint_stats { long cells_done; int cancelled; long flights; int threads; ...; }
    bmd_footprint_stats;
typedef struct bmd_footprint bmd_footprint;
typedef struct bmd_footprint_input {
    bmd_footprint_mode mode; const bmd_missile *missile; bmd_aim_shape shape;
    double centre_lat_rad, centre_lon_rad; const double *cell_lat_rad, *cell_lon_rad; long n_cells;
    const bmd_footprint_site *sites; int n_sites; ...;
} bmd_footprint_input;
int bmd_footprint_prepare(const bmd_earth *earth, const bmd_footprint_input *in,
                          const bmd_footprint_options *opt, bmd_footprint **fp, bmd_error *err);
typedef int... sig_atomic_t;
typedef void (*bmd_footprint_progress_fn)(void *context, long done, long total);
int bmd_footprint_run(const bmd_footprint *fp, long first, long count, bmd_footprint_cell *out,
                      bmd_footprint_progress_fn progress, void *context,
                      const volatile sig_atomic_t *cancel, bmd_footprint_stats *stats,
                      bmd_error *err);
void bmd_footprint_free(bmd_footprint *fp);
const char *bmd_footprint_status_name(int status);
typedef struct bmd_footprint_defense {
    int n_sites; int scenario_index[...]; bmd_footprint_site sites[...]; ...;
} bmd_footprint_defense;
int bmd_footprint_defense_from_scenario(const bmd_scenario *scn, double toward_lat_rad,
                                        double toward_lon_rad, bmd_footprint_defense *d,
                                        bmd_error *err);
void bmd_footprint_defense_free(bmd_footprint_defense *d);
typedef struct bmd_footprint_grid {
    int has_box; bmd_footprint_box box; long n_box; long n_cells; double *lat_rad, *lon_rad; ...;
} bmd_footprint_grid;
int bmd_footprint_grid_parse(const bmd_scenario *scn, const char *spec, long max_cells,
                             bmd_footprint_grid *grid, bmd_error *err);
void bmd_footprint_grid_free(bmd_footprint_grid *grid);
typedef struct bmd_footprint_rings {
    int n_rings; int *start; double *lat_rad, *lon_rad; long n_points; ...;
} bmd_footprint_rings;
int bmd_footprint_contour(const bmd_footprint_box *box, const unsigned char *mask,
                          bmd_footprint_rings *rings, bmd_error *err);
void bmd_footprint_rings_free(bmd_footprint_rings *rings);
