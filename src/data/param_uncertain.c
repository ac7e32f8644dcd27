/* The `uncertain:` block of a scenario as parameters (bmd/param.h, docs/scenarios.md). */
#include <stdio.h>
#include <string.h>

#include "data/param_internal.h"

int bmd_param_set_from_uncertain(const bmd_scenario *scn, bmd_param_set *set, bmd_error *err)
{
    (void)scn;
    (void)set;
    (void)err;
    return BMD_SUCCESS;
}
