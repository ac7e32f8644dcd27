/* The maps of `bmdsim footprint` (cmd_footprint.c): their centres (launch points of the
 * defended-area maps, targets of the launch-area maps) from --launch/--target (a threat, an area,
 * one of its points, or LAT,LON) or the scenario's launch areas and threats, each with its
 * missile, trajectory shape and warhead cross-section; and the exposure mode's maps (every launch
 * point of the launch fields) over its grid (the target sets' points). */
#include <math.h>
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
                st = cli_fp_add_centre(c, a->points[p].name, a->points[p].lat_rad,
                                       a->points[p].lon_rad, m, sh);
            if (!a->n_points) {
                cli_complain(c->command, "%s %s: the area has no named points", flag, text);
                return CLI_USAGE;
            }
            return st;
        }
        for (int p = 0; p < a->n_points; p++)
            if (!strcmp(a->points[p].name, text))
                return cli_fp_add_centre(c, text, a->points[p].lat_rad, a->points[p].lon_rad, m,
                                         sh);
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

int cli_fp_exposure_setup(fp_cmd *c, const cli_args *a, bmd_error *err)
{
    const bmd_scenario *s = &c->scn;
    const char *lf = cli_text(a, "launch"), *ts = cli_text(a, "target");
    /* targets: the named set, or all sets */
    long n = 0, max_cells = c->grid.n_cells;
    (void)max_cells;
    bmd_footprint_grid parts[64];
    int n_parts = 0, st = 0;
    for (int i = 0; i < s->n_targets && !st && n_parts < 64; i++)
        if (!ts || !strcmp(ts, s->targets[i].name)) {
            st = bmd_footprint_grid_from_area(&s->earth, &s->targets[i], 0, &parts[n_parts], err);
            if (!st)
                n += parts[n_parts++].n_cells;
        }
    if (!st && n_parts == 0) {
        for (int i = 0; i < n_parts; i++)
            bmd_footprint_grid_free(&parts[i]);
        return bmd_error_set(err, BMD_EINVAL, "exposure: no target set%s%s in the scenario",
                             ts ? " " : "", ts ? ts : "");
    }
    if (!st) {
        memset(&c->grid, 0, sizeof c->grid);
        snprintf(c->grid.name, sizeof c->grid.name, "%s", ts ? ts : "all target sets");
        c->grid.lat_rad = malloc((size_t)n * sizeof(double));
        c->grid.lon_rad = malloc((size_t)n * sizeof(double));
        c->grid.point_names = calloc((size_t)n, sizeof *c->grid.point_names);
        if (!c->grid.lat_rad || !c->grid.lon_rad || !c->grid.point_names)
            st = bmd_error_set(err, BMD_ENOMEM, "exposure: out of memory");
        long k = 0;
        for (int p = 0; p < n_parts && !st; p++)
            for (long q = 0; q < parts[p].n_cells; q++, k++) {
                c->grid.lat_rad[k] = parts[p].lat_rad[q];
                c->grid.lon_rad[k] = parts[p].lon_rad[q];
                memcpy(c->grid.point_names[k], parts[p].point_names[q], BMD_NAME_MAX);
            }
        c->grid.n_cells = n;
    }
    for (int i = 0; i < n_parts; i++)
        bmd_footprint_grid_free(&parts[i]);
    if (st)
        return st;
    /* launch points: named points and box nodes of the launch fields */
    c->centres = calloc(MAX_CENTRES, sizeof *c->centres);
    if (!c->centres)
        return bmd_error_set(err, BMD_ENOMEM, "exposure: out of memory");
    for (int i = 0; i < s->n_launch_areas && !st; i++) {
        const bmd_scenario_area *la = &s->launch_areas[i];
        if (lf && strcmp(lf, la->name))
            continue;
        if (!la->has_missile && !c->has_override)
            return bmd_error_set(err, BMD_EINVAL, "exposure: launch area %s has no missile",
                                 la->name);
        bmd_footprint_grid g;
        if ((st = bmd_footprint_grid_from_area(&s->earth, la, MAX_CENTRES, &g, err)))
            return st;
        for (long k = 0; k < g.n_cells && !st; k++) {
            char name[BMD_NAME_MAX];
            if (g.point_names[k][0])
                snprintf(name, sizeof name, "%s", g.point_names[k]);
            else
                snprintf(name, sizeof name, "%.40s:%.2f,%.2f", la->name,
                         fmax(-90, fmin(90, g.lat_rad[k] * DEG)),
                         fmax(-999, fmin(999, g.lon_rad[k] * DEG)));
            const bmd_missile *m = c->has_override ? &c->override.missile : &la->entry->missile;
            if (cli_fp_add_centre(c, name, g.lat_rad[k], g.lon_rad[k], m, la->shape))
                st = bmd_error_set(err, BMD_EINVAL, "exposure: more than %d launch points",
                                   MAX_CENTRES);
        }
        bmd_footprint_grid_free(&g);
    }
    if (!st && c->n_centres == 0)
        st = bmd_error_set(err, BMD_EINVAL, "exposure: no launch area%s%s in the scenario",
                           lf ? " " : "", lf ? lf : "");
    return st;
}
