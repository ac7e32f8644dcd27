/* The maps of `bmdsim footprint` (cmd_footprint.c): their centres (launch points of the
 * defended-area maps, targets of the launch-area maps) from --launch/--target (a threat, an area,
 * one of its points, or LAT,LON) or the scenario's launch areas and threats, each with its
 * missile, trajectory shape and warhead cross-section. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "footprint_cmd.h"

/* The warhead cross-section of the catalogue entry that holds missile m (the default when
 * none does). */
static double missile_rcs(const fp_cmd *c, const bmd_missile *m)
{
    if (c->has_override && m == &c->override.missile)
        return c->override.signature.warhead_rcs_m2;
    for (int i = 0; i < c->scn.n_threats; i++)
        if (c->scn.threats[i].entry && m == &c->scn.threats[i].entry->missile)
            return c->scn.threats[i].entry->signature.warhead_rcs_m2;
    for (int i = 0; i < c->scn.n_launch_areas; i++)
        if (c->scn.launch_areas[i].entry && m == &c->scn.launch_areas[i].entry->missile)
            return c->scn.launch_areas[i].entry->signature.warhead_rcs_m2;
    return BMD_DEFAULT_WARHEAD_RCS_M2;
}

int cli_fp_add_centre(fp_cmd *c, const char *name, double lat, double lon,
                      const bmd_missile *m, bmd_aim_shape shape)
{
    for (int i = 0; i < c->n_centres; i++)
        if (!strcmp(c->centres[i].name, name))
            return CLI_OK;
    if (c->n_centres == MAX_CENTRES) {
        cli_complain(c->command, "more than %d maps; choose one with --launch/--target",
                     MAX_CENTRES);
        return CLI_USAGE;
    }
    centre *x = &c->centres[c->n_centres++];
    snprintf(x->name, sizeof x->name, "%s", name);
    x->lat_rad = lat, x->lon_rad = lon, x->missile = m, x->shape = shape;
    x->rcs_m2 = missile_rcs(c, m);
    return CLI_OK;
}

/* The missile of the first launch area that has one, else of the first threat. */
static const bmd_missile *default_missile(const fp_cmd *c, bmd_aim_shape *shape)
{
    for (int i = 0; i < c->scn.n_launch_areas; i++)
        if (c->scn.launch_areas[i].has_missile && c->scn.launch_areas[i].entry) {
            *shape = c->scn.launch_areas[i].shape;
            return &c->scn.launch_areas[i].entry->missile;
        }
    if (c->scn.n_threats > 0 && c->scn.threats[0].entry) {
        *shape = c->scn.threats[0].shape;
        return &c->scn.threats[0].entry->missile;
    }
    *shape = BMD_AIM_MIN_ENERGY;
    return NULL;
}

/* Centres named by text (point, area, threat or LAT,LON); target: the aim side. */
static int centres_from(fp_cmd *c, const char *flag, const char *text, int target)
{
    const bmd_scenario *s = &c->scn;
    bmd_aim_shape shape;
    const bmd_missile *dm = default_missile(c, &shape);
    for (int i = 0; i < s->n_threats; i++)
        if (!strcmp(s->threats[i].name, text)) {
            const bmd_scenario_point *p = target ? &s->threats[i].to : &s->threats[i].from;
            return cli_fp_add_centre(c, p->name[0] ? p->name : text, p->lat_rad, p->lon_rad,
                              &s->threats[i].entry->missile, s->threats[i].shape);
        }
    const bmd_scenario_area *areas = target ? s->targets : s->launch_areas;
    const int n_areas = target ? s->n_targets : s->n_launch_areas;
    for (int i = 0; i < n_areas; i++) {
        const bmd_scenario_area *a = &areas[i];
        const bmd_missile *m = !target && a->has_missile ? &a->entry->missile : dm;
        const bmd_aim_shape sh = !target && a->has_missile ? a->shape : shape;
        int st = CLI_OK;
        if (!strcmp(a->name, text)) {
            for (int p = 0; p < a->n_points && !st; p++)
                st = cli_fp_add_centre(c, a->points[p].name, a->points[p].lat_rad, a->points[p].lon_rad,
                                m, sh);
            if (!a->n_points) {
                cli_complain(c->command, "%s %s: the area has no named points", flag, text);
                return CLI_USAGE;
            }
            return st;
        }
        for (int p = 0; p < a->n_points; p++)
            if (!strcmp(a->points[p].name, text))
                return cli_fp_add_centre(c, text, a->points[p].lat_rad, a->points[p].lon_rad, m, sh);
    }
    double lat, lon;
    if (strchr(text, ',')) {
        int st = cli_parse_latlon(c->command, flag, text, &lat, &lon);
        return st ? st : cli_fp_add_centre(c, text, lat, lon, dm, shape);
    }
    cli_complain(c->command, "%s %s: no such %s point, %s or threat in %s", flag, text,
                 target ? "target" : "launch", target ? "target set" : "launch area", s->path);
    return CLI_USAGE;
}

int cli_fp_collect_centres(fp_cmd *c, const cli_args *a)
{
    const int target = c->mode == BMD_FOOTPRINT_LAUNCH_AREA;
    const char *flag = target ? "target" : "launch";
    c->centres = calloc(MAX_CENTRES, sizeof *c->centres);
    if (!c->centres)
        return CLI_FAILED;
    const char *text = cli_text(a, flag);
    int st = CLI_OK;
    if (text) {
        st = centres_from(c, target ? "--target" : "--launch", text, target);
    } else if (!target) {
        for (int i = 0; i < c->scn.n_launch_areas && !st; i++)
            if (c->scn.launch_areas[i].n_points)
                st = centres_from(c, "--launch", c->scn.launch_areas[i].name, 0);
        for (int i = 0; i < c->scn.n_threats && !st && c->n_centres == 0; i++)
            st = centres_from(c, "--launch", c->scn.threats[i].name, 0);
    } else {
        for (int i = 0; i < c->scn.n_threats && !st; i++)
            st = centres_from(c, "--target", c->scn.threats[i].name, 1);
    }
    if (!st && c->n_centres == 0) {
        cli_complain(c->command, "no %s point: give --%s", flag, flag);
        st = CLI_USAGE;
    }
    for (int i = 0; i < c->n_centres && !st; i++) {
        if (c->has_override)
            c->centres[i].missile = &c->override.missile;
        if (!c->centres[i].missile) {
            cli_complain(c->command, "no missile for %s: give --missile NAME",
                         c->centres[i].name);
            st = CLI_USAGE;
        }
    }
    return st;
}
