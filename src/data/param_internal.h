/* data/param_internal.h — helpers shared by the files of the parameter module (src/data/param*.c).
 * Internal to the data layer. */
#ifndef BMD_DATA_PARAM_INTERNAL_H
#define BMD_DATA_PARAM_INTERNAL_H

#include "bmd/param.h"

/* Check a path's syntax and field (not its NAME, which needs a scenario). err may be NULL. */
int bmd_param_check_path(const char *path, bmd_error *err);

/* Append the scenario's `uncertain:` entries to set (replacing catalogue ranges of the same
 * path). Errors: BMD_EINVAL naming the entry's file position, BMD_ENOMEM. */
int bmd_param_set_from_uncertain(const bmd_scenario *scn, bmd_param_set *set, bmd_error *err);

#endif
