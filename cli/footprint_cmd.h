/* cli/footprint_cmd.h — the state of `bmdsim footprint`, shared by the command (cmd_footprint.c)
 * and its outputs (footprint_out.c). */
#ifndef BMD_CLI_FOOTPRINT_CMD_H
#define BMD_CLI_FOOTPRINT_CMD_H

#include <math.h>
#include <signal.h>

#include "bmd/aim.h"
#include "bmd/catalog.h"
#include "bmd/footprint_io.h"
#include "bmd/scenario.h"
#include "cli.h"
#include "bmd/units.h"

#define DEG BMD_DEG_PER_RAD

/* The most maps one command computes. */
#define MAX_CENTRES 4096

/* One map to compute: its centre and missile. */
typedef struct centre {
    char name[BMD_NAME_MAX];
    double lat_rad, lon_rad;
    const bmd_missile *missile;
    bmd_aim_shape shape;
    double rcs_m2;                /* the missile's warhead cross-section (its catalogue entry) */
} centre;

/* Everything the command holds. */
typedef struct fp_cmd {
    const char *command;
    bmd_scenario scn;
    bmd_footprint_mode mode;
    int exposure;
    bmd_footprint_grid grid;
    centre *centres;
    int n_centres;
    bmd_catalog_missile override;
    int has_override;
    bmd_footprint_options opt;
    bmd_engagement_rules rules;   /* the scenario's, with --launch-on and --no-fcr-coverage */
    bmd_footprint_defense *defence;
    bmd_footprint_map *maps;
    bmd_footprint_cell *cells;    /* n_centres x n_cells */
    bmd_footprint_stats *stats;
    bmd_footprint_family_info *info;
    int rank, size;
    int progress;
    long total_cells, done_before;
    double t_start;
} fp_cmd;

/* The outputs, on rank 0: CSV, GeoJSON and KML files named by --csv, --geojson and --kml (their
 * indices in the set out, -1 when not asked for) written all-or-nothing — nothing is replaced
 * when *interrupted is set before the commit — then the summary on stdout as a table or (--json)
 * one JSON object. Returns an exit status (130, said by the caller, when interrupted). */
struct cli_outputs;
int cli_footprint_write_outputs(fp_cmd *c, const cli_args *a, struct cli_outputs *out,
                                const int index[3], const volatile sig_atomic_t *interrupted,
                                double run_s);

/* footprint_centres.c: add the map centred on (lat, lon) with missile m and shape (a name seen
 * before is skipped; more than MAX_CENTRES: usage error, said); and collect every map of the
 * defended-area or launch-area mode from --launch/--target or the scenario (allocates
 * c->centres). Return CLI_OK or an exit status, the problem said on stderr. */
int cli_fp_add_centre(fp_cmd *c, const char *name, double lat, double lon, const bmd_missile *m,
                      bmd_aim_shape shape);
int cli_fp_collect_centres(fp_cmd *c, const cli_args *a);

/* footprint_centres.c: the exposure mode, every launch point of the launch fields (--launch: one
 * field) against the target sets' points (--target: one set) as c's grid. Errors (err filled):
 * BMD_EINVAL (no target set, no launch area, a field without a missile, too many points),
 * BMD_ENOMEM. */
int cli_fp_exposure_setup(fp_cmd *c, const cli_args *a, bmd_error *err);

#endif
