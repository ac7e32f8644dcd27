/* The axes of bmdsim sweep (sweep.h), the target's arguments at one grid point: the given ones
 * with the swept flags replaced, the injected ones, and the parameter assignments that go through
 * sweep_inject.h. Parsing the axes: sweep_axis.c; what the target was given: sweep_given.c. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "bmd/engagement.h"
#include "sweep.h"

/* Whether argument a of the target is a flag the sweep sets itself (then it is left out). */
static int swept_flag(const char *a, const sweep_axis *axes, int n_axes)
{
    if (strncmp(a, "--", 2) != 0)
        return 0;
    const char *f = a + 2;
    size_t len = strcspn(f, "=");
    if (len == 4 && !strncmp(f, "json", 4))
        return 1;
    for (int k = 0; k < n_axes; k++) {
        const sweep_axis *ax = &axes[k];
        const char *names[4] = {NULL, NULL, NULL, NULL};
        switch (ax->target) {
        case SWEEP_FLAG:
        case SWEEP_FLAG_LAT:
        case SWEEP_FLAG_LON: names[0] = ax->flag; break;
        case SWEEP_FLAG_LAUNCH_ON: names[0] = "launch-on"; break;
        case SWEEP_DELAY_TOTAL:
            names[0] = "track-delay", names[1] = "decision-delay", names[2] = "launch-delay";
            break;
        case SWEEP_PARAM:
            if (ax->also_payload_grid)
                names[0] = "payload-min", names[1] = "payload-max", names[2] = "step";
            break;
        }
        for (int i = 0; i < 4 && names[i]; i++)
            if (strlen(names[i]) == len && !strncmp(f, names[i], len))
                return 1;
    }
    return 0;
}

int sweep_build_argv(const sweep_command *cmd, const sweep_axis *axes, int n_axes,
                     const double *value, char **argv, char *store, size_t size)
{
    int n = 0;
    size_t used = 0;
#define PUSH(...)                                                                            \
    do {                                                                                     \
        if (n >= SWEEP_MAX_ARGS - 1 || used >= size)                                         \
            return -1;                                                                       \
        int w_ = snprintf(store + used, size - used, __VA_ARGS__);                           \
        if (w_ < 0 || (size_t)w_ >= size - used)                                             \
            return -1;                                                                       \
        argv[n++] = store + used;                                                            \
        used += (size_t)w_ + 1;                                                              \
    } while (0)
    PUSH("bmdsim");
    PUSH("%s", cmd->name);
    int positional_missile = !strcmp(cmd->name, "range") || !strcmp(cmd->name, "trajectory");
    for (int i = 0; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (swept_flag(a, axes, n_axes)) {
            if (!strchr(a, '=') && strcmp(a, "--json") != 0 && i + 1 < cmd->argc)
                i++; /* its value */
            continue;
        }
        if (positional_missile && i == 0 && strncmp(a, "--", 2) != 0) {
            PUSH("--missile=%s", a); /* bmdsim sweep ... -- range NAME */
            continue;
        }
        PUSH("%s", a);
    }
    for (int k = 0; k < n_axes; k++) {
        const sweep_axis *ax = &axes[k];
        double v = value[k];
        if (isnan(v))
            continue;
        switch (ax->target) {
        case SWEEP_FLAG: PUSH("--%s=%.10g", ax->flag, v); break;
        case SWEEP_FLAG_LAT:
        case SWEEP_FLAG_LON: {
            double lat = cli_sweep_latlon_given(cmd, ax->flag, 0),
                   lon = cli_sweep_latlon_given(cmd, ax->flag, 1);
            int done = 0;
            for (int j = 0; j < n_axes; j++) { /* both coordinates of one flag swept */
                if (isnan(value[j]) || strcmp(axes[j].flag, ax->flag) != 0)
                    continue;
                if (axes[j].target == SWEEP_FLAG_LAT)
                    lat = value[j];
                else if (axes[j].target == SWEEP_FLAG_LON)
                    lon = value[j];
                if (j < k && (axes[j].target == SWEEP_FLAG_LAT || axes[j].target == SWEEP_FLAG_LON))
                    done = 1;
            }
            if (!done)
                PUSH("--%s=%.10g,%.10g", ax->flag, lat, lon);
            break;
        }
        case SWEEP_FLAG_LAUNCH_ON: PUSH("--launch-on=%s", bmd_launch_on_name((bmd_launch_on)v)); break;
        case SWEEP_DELAY_TOTAL: {
            static const char *const flags[] = {"track-delay", "decision-delay", "launch-delay"};
            double sum = ax->delays[0] + ax->delays[1] + ax->delays[2];
            for (int d = 0; d < 3; d++)
                PUSH("--%s=%.10g", flags[d], sum > 0 ? ax->delays[d] * v / sum : v / 3.0);
            break;
        }
        case SWEEP_PARAM:
            if (ax->also_payload_grid) {
                PUSH("--payload-min=%.10g", v);
                PUSH("--payload-max=%.10g", v);
            }
            break;
        }
    }
    int pinned = 0;
    for (int k = 0; k < n_axes; k++)
        pinned |= axes[k].also_payload_grid;
    if (!pinned && isfinite(cmd->payload_kg)) {
        PUSH("--payload-min=%.10g", cmd->payload_kg);
        PUSH("--payload-max=%.10g", cmd->payload_kg);
    }
    PUSH("--json");
#undef PUSH
    argv[n] = NULL;
    return n;
}

int sweep_param_items(const sweep_axis *axes, int n_axes, const double *value,
                      const char **paths, double *values)
{
    int n = 0;
    for (int k = 0; k < n_axes; k++)
        if (axes[k].target == SWEEP_PARAM && !isnan(value[k])) {
            paths[n] = axes[k].path;
            values[n++] = value[k];
        }
    return n;
}
