/* cli/robust_cli.h — bmdsim robust SCENARIO.yaml (cmd_robust.c runs it, robust_out.c prints and
 * writes it): how robust each (threat, site) verdict is. */
#ifndef BMD_CLI_ROBUST_CLI_H
#define BMD_CLI_ROBUST_CLI_H

#include "bmd/analysis.h"
#include "bmd/param.h"
#include "bmd/scenario.h"
#include "bmd/sensitivity.h"
#include "cli.h"

#define MAX_PAIRS 4096

/* Everything the outputs need. */
typedef struct robust_run {
    const cli_args *a;
    bmd_scenario *scn;
    bmd_analysis an;
    bmd_param_set set;
    bmd_sens_metric metric;
    int thresholds;
    int n;                      /* pairs */
    int ti[MAX_PAIRS], si[MAX_PAIRS];
    bmd_robustness *r;          /* [n] */
    char assumptions[600];
} robust_run;

/* robust_out.c. Each returns CLI_OK or an exit status, the problem said on stderr. */

/* Print the pairs as a table (--top N tornado rows each) on standard output. */
int cli_robust_print_table(const robust_run *R);

/* Print the pairs as one JSON object on standard output. */
int cli_robust_print_json(const robust_run *R);

/* Add and write the outputs --csv FILE and --svg DIR (one tornado chart per pair), all or
 * nothing; CLI_OK when neither is asked for. */
int cli_robust_write_files(robust_run *R);

#endif
