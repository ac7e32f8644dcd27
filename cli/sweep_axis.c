/* The axes of bmdsim sweep (sweep.h): "NAME=LO:HI:N", "NAME=LO:HI", "NAME={A,B,C}" or "NAME"
 * (the catalogue's low:high), NAME a command flag (--FLAG, --FLAG.lat, --FLAG.lon), a place
 * (site.lat, launch.lon, target.lat, ...), an engagement rule (rules.*) or a catalogue parameter
 * (missile.FIELD, interceptor[NAME].FIELD, ...); the nominal (catalogue or given) value of each.
 * What the target was given and the catalogue's values: sweep_given.c; the target's arguments at
 * one grid point: sweep_argv.c. */
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

/* The value of a parameter path in the target's scenario (and the low:high it gives). */
static int scenario_nominal(const char *option, const sweep_command *cmd, sweep_axis *ax,
                            double *lo, double *hi)
{
    char msg[BMD_ERROR_MESSAGE_SIZE];
    if (cli_inject_scenario_nominal(cli_sweep_scenario_of(cmd), cli_sweep_given_flag(cmd, "catalog"),
                                    ax->path, &ax->nominal, lo, hi, msg, sizeof msg)) {
        cli_complain("sweep", "--%s %s: %s", option, ax->spec, msg);
        return CLI_USAGE;
    }
    snprintf(ax->nominal_from, sizeof ax->nominal_from, "scenario %s", cli_sweep_scenario_of(cmd));
    return CLI_OK;
}

/* Resolve ax->name into the target and its nominal value. */
static int resolve(const char *option, const sweep_command *cmd, sweep_axis *ax, double *lo,
                   double *hi)
{
    const char *nm = ax->name;
    int scenario = cli_sweep_scenario_of(cmd) != NULL;
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
            const char *t = cli_sweep_given_flag(cmd, ax->flag);
            double v, fb;
            const char *rf;
            if (t && number(t, &v))
                ax->nominal = v, snprintf(ax->nominal_from, sizeof ax->nominal_from, "given");
            static const char *const rules[] = {"track_delay_s", "decision_delay_s",
                                                "launch_delay_s", "kill_assessment_s"};
            for (int k = 0; k < 4 && isnan(ax->nominal) && !strcmp(cmd->name, "engage"); k++)
                if (cli_sweep_rule_flag(rules[k], &rf, &fb) && !strcmp(rf, ax->flag)) {
                    ax->nominal = fb; /* engage's default delays */
                    snprintf(ax->nominal_from, sizeof ax->nominal_from, "default");
                }
        } else {
            ax->nominal = cli_sweep_latlon_given(cmd, ax->flag, ax->target == SWEEP_FLAG_LON);
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
        if (cli_sweep_rule_flag(rule, &flag, &fb)) {
            ax->target = SWEEP_FLAG;
            snprintf(ax->flag, sizeof ax->flag, "%s", flag);
            const char *t = cli_sweep_given_flag(cmd, flag);
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
                cli_sweep_rule_flag(parts[k], &flag, &fb);
                t = cli_sweep_given_flag(cmd, flag);
                ax->delays[k] = t && number(t, &v) ? v : fb;
                ax->nominal += ax->delays[k];
            }
            snprintf(ax->nominal_from, sizeof ax->nominal_from, "given or default delays");
            return CLI_OK;
        }
        if (!strcmp(rule, "launch_on")) {
            ax->target = SWEEP_FLAG_LAUNCH_ON;
            const char *t = cli_sweep_given_flag(cmd, "launch-on");
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
            cli_sweep_catalogue_nominal(cmd, ax, lo, hi);
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
