/* bmdsim map — draw a map (SVG, or PNG when the file name ends in .png) of a region with optional
 * sites: a demonstration of the map layer (land and borders from Natural Earth 1:110m). */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "bmd/map.h"
#include "bmd/raster.h"
#include "bmd/scene.h"
#include "cli.h"
#include "common.h"
#include "bmd/version.h"
#include "outputs.h"
#include "units_cli.h"


#define MAX_SITES 64

static const cli_option options[] = {
    {"center", "LAT,LON", "map centre, degrees (north and east positive), or a place name"},
    {"radius", "KM", "distance from the centre to the nearer edge, km (default 2500)"},
    {"site", "NAME@LAT,LON[,KIND]", "a site to mark (repeatable); KIND radar, interceptor, "
                                    "launch, target or other"},
    {"projection", "NAME", "azimuthal (default; azimuthal equidistant) or equirectangular"},
    {"width", "PX", "width in pixels (default 960)"},
    {"height", "PX", "height in pixels (default 720)"},
    {"title", "TEXT", "title drawn on the map"},
    {"output", "FILE", "the file to write (also -o FILE): PNG when FILE ends in .png, else SVG"},
    {"png", "FILE", "also write the map as a PNG image of the same size"},
    {"data-dir", "DIR", "data directory (default $BMD_DATA_DIR, else the built-in path)"},
};

static const char usage[] = "--center LAT,LON [--radius KM] [--site NAME@LAT,LON[,KIND] ...] "
                            "-o FILE.svg|FILE.png [--png FILE]";

/* Parse "LAT,LON" (degrees) into radians; 0 on success. */
static int parse_lat_lon(const char *text, double *lat, double *lon, char **rest)
{
    char *end;
    errno = 0;
    double a = strtod(text, &end);
    if (end == text || *end != ',')
        return -1;
    const char *p = end + 1;
    double b = strtod(p, &end);
    if (end == p || errno == ERANGE || !isfinite(a) || !isfinite(b) || fabs(a) > 90 ||
        fabs(b) > 360)
        return -1;
    *lat = bmd_deg_to_rad(a);
    *lon = bmd_deg_to_rad(b);
    if (rest)
        *rest = end;
    else if (*end)
        return -1;
    return 0;
}

/* Whether the map can be written to path: its name ends in .svg or .png (any case). */
static int writable_extension(const char *path)
{
    size_t n = strlen(path);
    return bmd_path_is_png(path) || (n >= 4 && strcasecmp(path + n - 4, ".svg") == 0);
}

/* --center: LAT,LON in degrees or a place name of the gazetteer (cli_place_latlon). */
static int parse_centre(const char *text, bmd_map_view *view)
{
    if (isalpha((unsigned char)text[0]) || (unsigned char)text[0] >= 0x80)
        return cli_place_latlon("map", "center", text, &view->center_lat_rad,
                                &view->center_lon_rad);
    if (parse_lat_lon(text, &view->center_lat_rad, &view->center_lon_rad, NULL)) {
        cli_complain("map", "--center: '%s' is not LAT,LON in degrees (|LAT| <= 90) or a place "
                     "name (bmdsim places)", text);
        return CLI_USAGE;
    }
    return CLI_OK;
}

/* Add "NAME@LAT,LON[,KIND]" to the scene. */
static int add_site(bmd_scene *scene, const char *spec)
{
    const char *at = strrchr(spec, '@');
    double lat, lon;
    char *rest = NULL;
    if (!at || at == spec || parse_lat_lon(at + 1, &lat, &lon, &rest)) {
        cli_complain("map", "--site: '%s' is not NAME@LAT,LON[,KIND] (degrees, |LAT| <= 90)",
                     spec);
        return CLI_USAGE;
    }
    bmd_site_kind kind = BMD_SITE_OTHER;
    if (*rest) {
        static const char *names[] = {"radar", "interceptor", "launch", "target", "other"};
        int k = -1;
        for (int i = 0; i < 5; i++)
            if (*rest == ',' && strcmp(rest + 1, names[i]) == 0)
                k = i;
        if (k < 0) {
            cli_complain("map", "--site: kind '%s' in '%s' is not radar, interceptor, launch, "
                         "target or other", *rest == ',' ? rest + 1 : rest, spec);
            return CLI_USAGE;
        }
        kind = (bmd_site_kind)k;
    }
    char name[128];
    snprintf(name, sizeof name, "%.*s", (int)(at - spec), spec);
    bmd_error err;
    int st = bmd_scene_add_site(scene, name, kind, lat, lon, 0, NULL, &err);
    return st ? cli_library_failure("map", st, &err) : CLI_OK;
}

int cli_cmd_map(int argc, char **argv)
{
    /* --site may be repeated and -o is short for --output: collect them before cli_parse */
    const char *sites[MAX_SITES];
    int n_sites = 0, n = 0;
    char **rest = malloc((size_t)(argc + 1) * sizeof *rest);
    if (!rest)
        return CLI_FAILED;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (i >= 2 && (strcmp(a, "--site") == 0 || strncmp(a, "--site=", 7) == 0)) {
            const char *v = a[6] == '=' ? a + 7 : (i + 1 < argc ? argv[++i] : NULL);
            if (!v || n_sites == MAX_SITES) {
                cli_complain("map", v ? "at most %d --site options" : "option '--site' needs a "
                             "value NAME@LAT,LON", MAX_SITES);
                free(rest);
                return CLI_USAGE;
            }
            sites[n_sites++] = v;
            continue;
        }
        rest[n++] = strcmp(a, "-o") == 0 && i >= 2 ? (char *)"--output" : argv[i];
    }
    rest[n] = NULL;
    cli_args a;
    int st = cli_parse(&a, "map", usage, options, (int)(sizeof options / sizeof *options), n, rest,
                       2);
    if (st) {
        free(rest);
        return st < 0 ? CLI_OK : st;
    }
    bmd_map_view view;
    bmd_map_view_init(&view);
    view.scale_units = (bmd_unit_system)cli_units_get();
    double radius_km, w, h;
    const char *centre = NULL, *output = NULL, *proj = NULL, *dir = NULL,
               *png = NULL;
    for (int i = 0; i < a.n_options; i++) {
        if (strcmp(options[i].name, "center") == 0) centre = a.value[i];
        if (strcmp(options[i].name, "output") == 0) output = a.value[i];
        if (strcmp(options[i].name, "projection") == 0) proj = a.value[i];
        if (strcmp(options[i].name, "title") == 0) view.title = a.value[i];
        if (strcmp(options[i].name, "data-dir") == 0) dir = a.value[i];
        if (strcmp(options[i].name, "png") == 0) png = a.value[i];
    }
    if (!centre)
        st = cli_require(&a, "center", "(the map centre, e.g. --center 50,20)");
    else if (!output)
        st = cli_require(&a, "output", "(the file to write: -o FILE.svg or -o FILE.png)");
    else if ((st = parse_centre(centre, &view)) != CLI_OK)
        ;
    else if (!writable_extension(output)) {
        const char *dot = strrchr(output, '.');
        cli_complain("map", "--output: '%s': cannot write %s%s (a map is written as .svg or "
                     ".png)", output, dot && !strchr(dot, '/') ? dot : "a file without an extension",
                     dot && !strchr(dot, '/') ? " files" : "");
        st = CLI_USAGE;
    }
    else if (cli_number(&a, "radius", 2500, 0, 1, M_PI * 6371.0088, 0, "km", &radius_km) ||
               cli_number(&a, "width", 960, 200, 0, 4000, 0, "px", &w) ||
               cli_number(&a, "height", 720, 200, 0, 4000, 0, "px", &h)) {
        st = CLI_USAGE;
    } else if (proj && strcmp(proj, "azimuthal") && strcmp(proj, "equirectangular")) {
        cli_complain("map", "--projection: '%s' is not azimuthal or equirectangular", proj);
        st = CLI_USAGE;
    }
    if (st) {
        free(rest);
        return st;
    }
    view.radius_m = radius_km * 1e3;
    view.width_px = (int)w;
    view.height_px = (int)h;
    if (proj && strcmp(proj, "equirectangular") == 0)
        view.projection = BMD_PROJ_EQUIRECTANGULAR;

    bmd_scene scene;
    bmd_scene_init(&scene, NULL);
    for (int i = 0; i < n_sites && !st; i++)
        st = add_site(&scene, sites[i]);
    bmd_world *world = NULL;
    bmd_error err;
    if (!st) {
        if (!dir)
            dir = bmd_data_dir();
        /* both files, or neither */
        char *svg = NULL;
        cli_outputs out;
        int i_out = -1, i_png = -1, s2 = 0;
        if ((st = cli_outputs_open(&out, "map", 1)) == CLI_OK &&
            (st = cli_outputs_add(&out, output, 0, &i_out)) == CLI_OK &&
            (st = cli_outputs_add(&out, png, 0, &i_png)) == CLI_OK) {
            s2 = bmd_world_load_dir(dir, &world, &err);
            if (!s2)
                s2 = bmd_map_svg(&view, world, &scene, &svg, &err);
            if (!s2 && bmd_path_is_png(output))
                s2 = bmd_svg_to_png_set(svg, view.width_px, out.set, i_out, &err);
            else if (!s2 && bmd_output_set_write_string(out.set, i_out, svg, &err))
                s2 = err.status;
            if (!s2 && png) /* --png: always PNG, whatever its name */
                s2 = bmd_svg_to_png_set(svg, view.width_px, out.set, i_png, &err);
            if (s2)
                st = cli_library_failure("map", s2, &err);
            else
                st = cli_outputs_commit(&out);
        }
        cli_outputs_close(&out);
        free(svg);
    }
    if (!st && png)
        printf("wrote %s and %s\n", output, png);
    else if (!st)
        printf("wrote %s\n", output);
    bmd_world_free(world);
    bmd_scene_free(&scene);
    free(rest);
    return st;
}
