/* The axes of bmdsim sweep (sweep.h): "NAME=LO:HI:N", "NAME=LO:HI", "NAME={A,B,C}" or "NAME"
 * (the catalogue's low:high), NAME a command flag (--FLAG, --FLAG.lat, --FLAG.lon), a place
 * (site.lat, launch.lon, target.lat, ...), an engagement rule (rules.*) or a catalogue parameter
 * (missile.FIELD, interceptor[NAME].FIELD, ...); the nominal (catalogue or given) value of each;
 * and the target's arguments at one grid point. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bmd/engagement.h"
#include "bmd/interceptor_catalog.h"
#include "bmd/radar_catalog.h"
#include "common.h"
#include "sweep.h"
#include "sweep_inject.h"
#include "threat.h"

static const char allowed_names[] =
    "--FLAG, --FLAG.lat, --FLAG.lon, site.lat, site.lon, launch.lat, launch.lon, target.lat, "
    "target.lon, rules.track_delay_s, rules.decision_delay_s, rules.launch_delay_s, "
    "rules.kill_assessment_s, rules.total_delay_s, rules.launch_on, missile[NAME].FIELD, "
    "interceptor[NAME].FIELD, radar[NAME].FIELD";
static const char allowed_values[] = "LO:HI:N (N from 2 to 1001), LO:HI, {A,B,C} (increasing) "
                                     "or nothing (the catalogue's low:high)";

const char *sweep_unit_of(const char *key)
{
    static const struct { const char *suffix, *unit; } units[] = {
        {"_km_s", "km/s"}, {"_m_s", "m/s"}, {"_m2", "m^2"}, {"_km", "km"}, {"_kg", "kg"},
        {"_deg", "deg"},   {"_rad", "rad"}, {"_s", "s"},    {"_m", "m"},   {"_n", "N"},
        {"_pa", "Pa"},     {"_pct", "%"},   {".lat", "deg"}, {".lon", "deg"}};
    size_t len = strlen(key);
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        size_t s = strlen(units[i].suffix);
        if (len > s && strcmp(key + len - s, units[i].suffix) == 0)
            return units[i].unit;
    }
    return "";
}

/* The text the target was given for --flag (either form), or NULL. */
static const char *given_flag(const sweep_command *cmd, const char *flag)
{
    size_t len = strlen(flag);
    for (int i = 0; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        if (strncmp(a, "--", 2) != 0 || strncmp(a + 2, flag, len) != 0)
            continue;
        if (a[2 + len] == '=')
            return a + 3 + len;
        if (a[2 + len] == '\0' && i + 1 < cmd->argc)
            return cmd->argv[i + 1];
    }
    return NULL;
}

/* A scenario file as the target's first positional argument (engage SCENARIO.yaml, ...). */
static const char *scenario_of(const sweep_command *cmd)
{
    for (int i = 0; i < cmd->argc; i++) {
        const char *a = cmd->argv[i];
        size_t n = strlen(a);
        if (strncmp(a, "--", 2) != 0 && n > 5 &&
            (strcmp(a + n - 5, ".yaml") == 0 || strcmp(a + n - 4, ".yml") == 0))
            return a;
    }
    return NULL;
}

static int number(const char *text, double *v)
{
    char *end = NULL;
    errno = 0;
    *v = strtod(text, &end);
    while (end && *end == ' ')
        end++;
    return end != text && end && *end == '\0' && errno != ERANGE && isfinite(*v);
}

/* The values after "=": a range or a list. */
static int parse_values(const char *option, sweep_axis *ax, const char *text, int default_n,
                        double lo_cat, double hi_cat)
{
    double lo, hi;
    int n = default_n;
    if (!text) { /* the catalogue's range */
        if (!isfinite(lo_cat) || !isfinite(hi_cat) || !(hi_cat > lo_cat)) {
            cli_complain("sweep", "--%s %s: no values, and the catalogue gives %s no low:high "
                         "range (give %s=%s)", option, ax->spec, ax->name, ax->name,
                         allowed_values);
            return CLI_USAGE;
        }
        lo = lo_cat, hi = hi_cat;
    } else if (text[0] == '{') {
        size_t len = strlen(text);
        if (len < 3 || text[len - 1] != '}') {
            cli_complain("sweep", "--%s %s: the list '%s' is not closed by '}' (allowed: %s)",
                         option, ax->spec, text, allowed_values);
            return CLI_USAGE;
        }
        char buf[256];
        snprintf(buf, sizeof buf, "%.*s", (int)(len - 2), text + 1);
        ax->values = calloc(SWEEP_MAX_POINTS_1D, sizeof *ax->values);
        if (!ax->values)
            return CLI_FAILED;
        ax->n = 0;
        for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok;
             tok = strtok_r(NULL, ",", &save)) {
            double v;
            while (*tok == ' ')
                tok++;
            if (!number(tok, &v)) {
                cli_complain("sweep", "--%s %s: '%s' is not a number (allowed: %s)", option,
                             ax->spec, tok, allowed_values);
                return CLI_USAGE;
            }
            if (ax->n >= SWEEP_MAX_POINTS_1D) {
                cli_complain("sweep", "--%s %s: more than %d values", option, ax->spec,
                             SWEEP_MAX_POINTS_1D);
                return CLI_USAGE;
            }
            if (ax->n > 0 && !(v > ax->values[ax->n - 1])) {
                cli_complain("sweep", "--%s %s: the values must increase (%g after %g)", option,
                             ax->spec, v, ax->values[ax->n - 1]);
                return CLI_USAGE;
            }
            ax->values[ax->n++] = v;
        }
        if (ax->n < 1) {
            cli_complain("sweep", "--%s %s: the list is empty (allowed: %s)", option, ax->spec,
                         allowed_values);
            return CLI_USAGE;
        }
        return CLI_OK;
    } else {
        char buf[128], *c1, *c2;
        snprintf(buf, sizeof buf, "%s", text);
        if (!(c1 = strchr(buf, ':'))) {
            cli_complain("sweep", "--%s %s: '%s' is not a range (allowed: %s)", option, ax->spec,
                         text, allowed_values);
            return CLI_USAGE;
        }
        *c1++ = '\0';
        if ((c2 = strchr(c1, ':')))
            *c2++ = '\0';
        double dn = default_n;
        if (!number(buf, &lo) || !number(c1, &hi) || (c2 && !number(c2, &dn))) {
            cli_complain("sweep", "--%s %s: '%s' has a part that is not a number (allowed: %s)",
                         option, ax->spec, text, allowed_values);
            return CLI_USAGE;
        }
        if (!(hi > lo)) {
            cli_complain("sweep", "--%s %s: the high end %g is not above the low end %g (allowed: "
                         "%s)", option, ax->spec, hi, lo, allowed_values);
            return CLI_USAGE;
        }
        if (dn != floor(dn) || dn < 2 || dn > SWEEP_MAX_POINTS_1D) {
            cli_complain("sweep", "--%s %s: N = %g values; a whole number from 2 to %d is allowed",
                         option, ax->spec, dn, SWEEP_MAX_POINTS_1D);
            return CLI_USAGE;
        }
        n = (int)dn;
    }
    ax->values = calloc((size_t)n, sizeof *ax->values);
    if (!ax->values)
        return CLI_FAILED;
    ax->n = n;
    for (int i = 0; i < n; i++)
        ax->values[i] = i == n - 1 ? hi : lo + (hi - lo) * i / (n - 1);
    return CLI_OK;
}

/* The catalogue value (and low/high) of a parameter path, from the entry the target names. */
static void catalogue_nominal(const sweep_command *cmd, sweep_axis *ax, double *lo, double *hi)
{
    char kind[16], name[128], dir[BMD_CATALOG_TEXT_MAX];
    const char *field;
    if (!cli_inject_split(ax->path, kind, sizeof kind, name, sizeof name, &field))
        return;
    const char *given = given_flag(cmd, !strcmp(kind, "radar") ? "radar"
                                        : !strcmp(kind, "interceptor") ? "interceptor"
                                                                         : "missile");
    if (!given && !strcmp(kind, "missile") && cmd->argc > 0 && strncmp(cmd->argv[0], "--", 2) &&
        (!strcmp(cmd->name, "range") || !strcmp(cmd->name, "trajectory")))
        given = cmd->argv[0]; /* range NAME */
    if (!given && !name[0])
        return;
    bmd_error err;
    if (!strcmp(kind, "missile")) {
        bmd_catalog_missile *e = malloc(sizeof *e);
        const char *d = given_flag(cmd, "dir");
        if (d)
            snprintf(dir, sizeof dir, "%s", d);
        else
            cli_catalog_dir("missiles", dir, sizeof dir);
        if (e && !bmd_catalog_find_missile(dir, given ? given : name, e, &err))
            for (int i = 0; i < e->n_params; i++)
                if (!strcmp(e->params[i].field, field)) {
                    ax->nominal = e->params[i].value;
                    if (e->params[i].has_range)
                        *lo = e->params[i].low, *hi = e->params[i].high;
                    snprintf(ax->nominal_from, sizeof ax->nominal_from, "catalogue %s",
                             e->missile.name);
                }
        free(e);
    } else if (!strcmp(kind, "interceptor")) {
        bmd_catalog_interceptor *e = malloc(sizeof *e);
        cli_catalog_dir("interceptors", dir, sizeof dir);
        const bmd_interceptor_param *p = NULL;
        if (e && !bmd_catalog_find_interceptor(dir, given ? given : name, e, &err) &&
            (p = bmd_catalog_interceptor_param(e, field))) {
            ax->nominal = p->prov.value;
            *lo = p->low, *hi = p->high;
            snprintf(ax->nominal_from, sizeof ax->nominal_from, "catalogue %s",
                     e->interceptor.name);
        }
        free(e);
    } else {
        bmd_catalog_radar *e = malloc(sizeof *e);
        cli_catalog_dir("radars", dir, sizeof dir);
        const bmd_param_provenance *p = NULL;
        if (e && !bmd_catalog_find_radar(dir, given ? given : name, e, &err) &&
            (p = bmd_catalog_radar_param(e, field))) {
            ax->nominal = p->value;
            if (p->has_range)
                *lo = p->low, *hi = p->high;
            snprintf(ax->nominal_from, sizeof ax->nominal_from, "catalogue %s", e->name);
        }
        free(e);
    }
}

/* The given value of a LAT,LON flag: component 0 latitude, 1 longitude; NAN if absent or bad. */
static double latlon_given(const sweep_command *cmd, const char *flag, int component)
{
    const char *t = given_flag(cmd, flag);
    double lat, lon;
    if (!t || sscanf(t, "%lf,%lf", &lat, &lon) != 2)
        return NAN;
    return component ? lon : lat;
}

/* The engage flag of a rule: the flag and its default. */
static int rule_flag(const char *rule, const char **flag, double *fallback)
{
    bmd_engagement_rules r;
    bmd_engagement_rules_init(&r);
    static const char *const rules[] = {"track_delay_s", "decision_delay_s", "launch_delay_s",
                                        "kill_assessment_s"};
    static const char *const flags[] = {"track-delay", "decision-delay", "launch-delay", "assess"};
    const double defaults[] = {r.timeline.track_delay_s, r.timeline.decision_delay_s,
                               r.timeline.launch_delay_s, r.timeline.kill_assessment_s};
    for (int i = 0; i < 4; i++)
        if (!strcmp(rule, rules[i])) {
            *flag = flags[i];
            *fallback = defaults[i];
            return 1;
        }
    return 0;
}

/* The value of a parameter path in the target's scenario (and the low:high it gives). */
static int scenario_nominal(const char *option, const sweep_command *cmd, sweep_axis *ax,
                            double *lo, double *hi)
{
    char msg[BMD_ERROR_MESSAGE_SIZE];
    if (cli_inject_scenario_nominal(scenario_of(cmd), given_flag(cmd, "catalog"), ax->path,
                                    &ax->nominal, lo, hi, msg, sizeof msg)) {
        cli_complain("sweep", "--%s %s: %s", option, ax->spec, msg);
        return CLI_USAGE;
    }
    snprintf(ax->nominal_from, sizeof ax->nominal_from, "scenario %s", scenario_of(cmd));
    return CLI_OK;
}

/* Resolve ax->name into the target and its nominal value. */
static int resolve(const char *option, const sweep_command *cmd, sweep_axis *ax, double *lo,
                   double *hi)
{
    const char *nm = ax->name;
    int scenario = scenario_of(cmd) != NULL;
    static const struct { const char *alias, *flag; } places[] = {
        {"site", "site"}, {"launch", "from"}, {"target", "to"}, {"radar-site", "radar-at"}};
    for (size_t i = 0; i < sizeof places / sizeof *places; i++) {
        size_t len = strlen(places[i].alias);
        if (!strncmp(nm, places[i].alias, len) &&
            (!strcmp(nm + len, ".lat") || !strcmp(nm + len, ".lon"))) {
            char buf[128];
            snprintf(buf, sizeof buf, "--%s%s", places[i].flag, nm + len);
            nm = buf;
            snprintf(ax->path, sizeof ax->path, "%s", buf); /* keep the flag form */
            nm = ax->path;
            break;
        }
    }
    if (!strncmp(nm, "--", 2)) {
        const char *f = nm + 2;
        size_t len = strlen(f);
        ax->target = SWEEP_FLAG;
        if (len > 4 && (!strcmp(f + len - 4, ".lat") || !strcmp(f + len - 4, ".lon"))) {
            ax->target = f[len - 2] == 'a' ? SWEEP_FLAG_LAT : SWEEP_FLAG_LON;
            len -= 4;
        }
        if (len == 0 || len >= sizeof ax->flag || strchr(f, '=')) {
            cli_complain("sweep", "--%s %s: '%s' is not a flag name (allowed: %s)", option,
                         ax->spec, nm, allowed_names);
            return CLI_USAGE;
        }
        snprintf(ax->flag, sizeof ax->flag, "%.*s", (int)len, f);
        if (!strcmp(ax->flag, "json")) {
            cli_complain("sweep", "--%s %s: --json is how the sweep reads the command", option,
                         ax->spec);
            return CLI_USAGE;
        }
        if (ax->target == SWEEP_FLAG) {
            const char *t = given_flag(cmd, ax->flag);
            double v, fb;
            const char *rf;
            if (t && number(t, &v))
                ax->nominal = v, snprintf(ax->nominal_from, sizeof ax->nominal_from, "given");
            static const char *const rules[] = {"track_delay_s", "decision_delay_s",
                                                "launch_delay_s", "kill_assessment_s"};
            for (int k = 0; k < 4 && isnan(ax->nominal) && !strcmp(cmd->name, "engage"); k++)
                if (rule_flag(rules[k], &rf, &fb) && !strcmp(rf, ax->flag)) {
                    ax->nominal = fb; /* engage's default delays */
                    snprintf(ax->nominal_from, sizeof ax->nominal_from, "default");
                }
        } else {
            ax->nominal = latlon_given(cmd, ax->flag, ax->target == SWEEP_FLAG_LON);
            if (isnan(ax->nominal)) {
                cli_complain("sweep", "--%s %s: the command is not given --%s LAT,LON (the other "
                             "coordinate is taken from it)", option, ax->spec, ax->flag);
                return CLI_USAGE;
            }
            snprintf(ax->nominal_from, sizeof ax->nominal_from, "given");
            snprintf(ax->unit, sizeof ax->unit, "deg");
        }
        return CLI_OK;
    }
    if (!strncmp(nm, "rules.", 6)) {
        const char *rule = nm + 6, *flag = NULL;
        double fb = 0;
        snprintf(ax->path, sizeof ax->path, "%s", nm);
        if (scenario) { /* the scenario's rules through bmd/param.h */
            ax->target = SWEEP_PARAM;
            return scenario_nominal(option, cmd, ax, lo, hi) ? CLI_USAGE : CLI_OK;
        }
        if (strcmp(cmd->name, "engage") != 0) {
            cli_complain("sweep", "--%s %s: rules.* applies to engage (flag form) or a scenario",
                         option, ax->spec);
            return CLI_USAGE;
        }
        if (rule_flag(rule, &flag, &fb)) {
            ax->target = SWEEP_FLAG;
            snprintf(ax->flag, sizeof ax->flag, "%s", flag);
            const char *t = given_flag(cmd, flag);
            double v;
            ax->nominal = t && number(t, &v) ? v : fb;
            snprintf(ax->nominal_from, sizeof ax->nominal_from, t ? "given" : "default");
            return CLI_OK;
        }
        if (!strcmp(rule, "total_delay_s")) {
            static const char *const parts[] = {"track_delay_s", "decision_delay_s",
                                                "launch_delay_s"};
            ax->target = SWEEP_DELAY_TOTAL;
            ax->nominal = 0;
            for (int k = 0; k < 3; k++) {
                const char *t;
                double v;
                rule_flag(parts[k], &flag, &fb);
                t = given_flag(cmd, flag);
                ax->delays[k] = t && number(t, &v) ? v : fb;
                ax->nominal += ax->delays[k];
            }
            snprintf(ax->nominal_from, sizeof ax->nominal_from, "given or default delays");
            return CLI_OK;
        }
        if (!strcmp(rule, "launch_on")) {
            ax->target = SWEEP_FLAG_LAUNCH_ON;
            const char *t = given_flag(cmd, "launch-on");
            bmd_launch_on lo_v = BMD_LAUNCH_ON_IR_TRACK;
            bmd_error err;
            if (t)
                bmd_launch_on_parse(t, &lo_v, &err);
            ax->nominal = (double)lo_v;
            snprintf(ax->nominal_from, sizeof ax->nominal_from, t ? "given" : "default");
            *lo = 0, *hi = BMD_LAUNCH_ON_COUNT - 1;
            return CLI_OK;
        }
        cli_complain("sweep", "--%s %s: unknown rule '%s' (allowed: %s)", option, ax->spec, nm,
                     allowed_names);
        return CLI_USAGE;
    }
    char kind[16], name[128];
    const char *field;
    if (cli_inject_split(nm, kind, sizeof kind, name, sizeof name, &field)) {
        ax->target = SWEEP_PARAM;
        if (!strcmp(kind, "missile") && !strcmp(field, "payload.mass_kg"))
            snprintf(ax->path, sizeof ax->path, "%.*spayload.rv_mass_kg", (int)(field - nm), nm);
        else
            snprintf(ax->path, sizeof ax->path, "%s", nm);
        if (!scenario)
            catalogue_nominal(cmd, ax, lo, hi);
        else if (scenario_nominal(option, cmd, ax, lo, hi))
            return CLI_USAGE;
        if (!strcmp(cmd->name, "range") && strstr(ax->path, "payload.rv_mass_kg"))
            ax->also_payload_grid = 1;
        return CLI_OK;
    }
    cli_complain("sweep", "--%s %s: unknown axis '%s' (allowed: %s)", option, ax->spec, nm,
                 allowed_names);
    return CLI_USAGE;
}

double sweep_range_payload(const sweep_command *cmd)
{
    if (strcmp(cmd->name, "range") != 0 || given_flag(cmd, "payload-min") ||
        given_flag(cmd, "payload-max"))
        return NAN;
    const char *set = given_flag(cmd, "set");
    if (set && strstr(set, "payload.rv_mass_kg")) /* the --set value */
        return NAN;
    sweep_axis ax;
    memset(&ax, 0, sizeof ax);
    ax.nominal = NAN;
    snprintf(ax.path, sizeof ax.path, "missile.payload.rv_mass_kg");
    double lo, hi;
    catalogue_nominal(cmd, &ax, &lo, &hi);
    return ax.nominal;
}

int sweep_axis_parse(const char *option, const char *spec, const sweep_command *cmd, int one_axis,
                     sweep_axis *ax)
{
    memset(ax, 0, sizeof *ax);
    ax->nominal = NAN;
    snprintf(ax->spec, sizeof ax->spec, "%s", spec);
    const char *eq = strchr(spec, '=');
    size_t len = eq ? (size_t)(eq - spec) : strlen(spec);
    if (len == 0 || len >= sizeof ax->name) {
        cli_complain("sweep", "--%s '%s': give NAME=VALUES (NAME one of %s; VALUES %s)", option,
                     spec, allowed_names, allowed_values);
        return CLI_USAGE;
    }
    snprintf(ax->name, sizeof ax->name, "%.*s", (int)len, spec);
    double lo = NAN, hi = NAN;
    int st = resolve(option, cmd, ax, &lo, &hi);
    if (st)
        return st;
    if (!ax->unit[0])
        snprintf(ax->unit, sizeof ax->unit, "%s",
                 sweep_unit_of(ax->target == SWEEP_PARAM ? ax->path : ax->name));
    if ((st = parse_values(option, ax, eq ? eq + 1 : NULL, one_axis ? 11 : 9, lo, hi)))
        return st;
    if (ax->target == SWEEP_FLAG_LAUNCH_ON)
        for (int i = 0; i < ax->n; i++)
            if (ax->values[i] != floor(ax->values[i]) || ax->values[i] < 0 ||
                ax->values[i] > BMD_LAUNCH_ON_COUNT - 1) {
                cli_complain("sweep", "--%s %s: %g is not a launch-on setting (allowed: 0 "
                             "ir-track, 1 burnout, 2 radar-track)", option, ax->spec,
                             ax->values[i]);
                return CLI_USAGE;
            }
    if (ax->target == SWEEP_FLAG_LAT || ax->target == SWEEP_FLAG_LON) {
        double lim = ax->target == SWEEP_FLAG_LAT ? 90 : 180;
        if (ax->values[0] < -lim || ax->values[ax->n - 1] > lim) {
            cli_complain("sweep", "--%s %s: %s outside [%g, %g] degrees", option, ax->spec,
                         ax->target == SWEEP_FLAG_LAT ? "latitude" : "longitude", -lim, lim);
            return CLI_USAGE;
        }
    }
    return CLI_OK;
}

void sweep_axis_free(sweep_axis *ax)
{
    free(ax->values);
    ax->values = NULL;
}

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
            double lat = latlon_given(cmd, ax->flag, 0), lon = latlon_given(cmd, ax->flag, 1);
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
