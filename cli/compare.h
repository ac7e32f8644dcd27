/* cli/compare.h — bmdsim compare SCENARIO... (cmd_compare.c runs it, compare_out.c,
 * compare_json.c and compare_svg.c print it): several scenarios that share their threats (the
 * phases of a deployment) evaluated against the same routes under each launch-on setting, as one
 * matrix route x phase x setting. */
#ifndef BMD_CLI_COMPARE_H
#define BMD_CLI_COMPARE_H

#include <stdio.h>

#include "bmd/analysis.h"
#include "bmd/scenario.h"
#include "cli.h"

#define CMP_MAX_PHASES 16

/* One scenario (phase): its sites are union sites [site0, site0 + n_sites). */
typedef struct cmp_phase {
    const char *path;
    const bmd_scenario *scn;
    int site0, n_sites, sensor0;
} cmp_phase;

/* One route: union threat t, first seen in phase `phase`. */
typedef struct cmp_route {
    char group[BMD_NAME_MAX];      /* the launch area of its launch point, or "coordinates" */
    int phase;
} cmp_route;

/* One cell: route x phase x launch-on setting. */
typedef struct cmp_cell {
    int evaluated;                 /* the route reaches its target (else nothing to engage) */
    int engageable;                /* some site of the phase has a shot opportunity */
    int n_engaging;                /* sites with a shot opportunity */
    int shots;                     /* the most shoot-look-shoot opportunities of one site */
    double need_m_s;               /* the smallest required speed of its sites (NAN: not asked) */
    double probability;            /* NAN: not computed */
    char sites[256];               /* the engaging sites, comma-separated */
    char reason[512];              /* why not: "SITE: reason; ..." */
} cmp_cell;

typedef struct cmp_result {
    int n_phases, n_routes, n_settings;
    cmp_phase phases[CMP_MAX_PHASES];
    bmd_launch_on settings[BMD_LAUNCH_ON_COUNT];
    bmd_scenario *u;               /* the union scenario (arrays owned, entries borrowed) */
    cmp_route *routes;             /* [n_routes]: union threats */
    cmp_cell *cells;               /* [(s * n_phases + p) * n_routes + r] */
    bmd_analysis an[BMD_LAUNCH_ON_COUNT];
    int required_speed;            /* required speeds were computed */
    int fcr_required;
    long samples;                  /* 0: no Monte Carlo */
    unsigned long long seed;       /* of the Monte Carlo samples */
    long threat_draws;             /* --threat-draws K asked for (0: the default, min(N, 20)) */
    char probability_note[640];    /* how the probabilities were computed, with the design */
} cmp_result;

static inline cmp_cell *cmp_at(const cmp_result *c, int s, int p, int r)
{
    return &c->cells[((size_t)s * (size_t)c->n_phases + (size_t)p) * (size_t)c->n_routes + (size_t)r];
}

/* compare_out.c: what the outputs share. */

/* The letter of each launch-on setting in column heads: I (ir-track), B (burnout), R (radar-track). */
extern const char cli_cmp_letters[BMD_LAUNCH_ON_COUNT];

/* The Earth model of the comparison, as text ("WGS84 (rotating, J2)" or "sphere"). */
const char *cli_cmp_earth_name(const cmp_result *c);

/* The rules of phase p under setting s, as text in buf (n bytes); returns buf. */
const char *cli_cmp_rules_text(const cmp_result *c, int p, int s, char *buf, size_t n);

/* Print (compare_out.c, compare_json.c). Each returns CLI_OK or CLI_FAILED. */
int cmp_print_table(const cmp_result *c, FILE *out);
int cmp_print_json(const cmp_result *c, FILE *out);
int cmp_print_csv(const cmp_result *c, FILE *out);
/* The matrix as a standalone SVG, or as an HTML page holding the same SVG and a table
 * (compare_svg.c);
 * allocated text (NULL: out of memory). */
char *cmp_svg(const cmp_result *c);
char *cmp_html(const cmp_result *c);

#endif
