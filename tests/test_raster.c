/* Tests of bmd/raster.h: SVG rendered to PNG through librsvg. The PNGs are read back with cairo
 * (cairo_image_surface_create_from_png) and checked by their signature, size and pixels: exact
 * colours of flat shapes away from their edges, and the land and sea colours of a map. Bad input
 * and failed writes leave no file behind. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cairo.h>
#include <cmocka.h>
#include <dirent.h>

#include "bmd/map.h"
#include "bmd/raster.h"

/* A temporary directory per test. */
typedef struct fixture {
    char dir[64];
    char path[128];
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    snprintf(f->dir, sizeof f->dir, "/tmp/bmd_raster_XXXXXX");
    if (!f || !mkdtemp(f->dir))
        return -1;
    snprintf(f->path, sizeof f->path, "%s/out.png", f->dir);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    DIR *d = opendir(f->dir);
    struct dirent *e;
    char p[512];
    while (d && (e = readdir(d)))
        if (e->d_name[0] != '.') {
            snprintf(p, sizeof p, "%s/%s", f->dir, e->d_name);
            unlink(p);
        }
    if (d)
        closedir(d);
    rmdir(f->dir);
    free(f);
    return 0;
}

/* Number of entries in the directory (a left-over temporary file counts). */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int n = 0;
    while (d && (e = readdir(d)))
        n += e->d_name[0] != '.';
    if (d)
        closedir(d);
    return n;
}

/* The pixel (x, y) of an image surface as 0xRRGGBB (opaque images: no premultiplication). */
static unsigned pixel(cairo_surface_t *s, int x, int y)
{
    const unsigned char *row = cairo_image_surface_get_data(s) +
                               (size_t)y * (size_t)cairo_image_surface_get_stride(s);
    uint32_t v;
    memcpy(&v, row + 4 * x, 4);
    return v & 0xffffffu;
}

/* Whether two colours differ by at most tol in every channel. */
static int near_rgb(unsigned a, unsigned b, int tol)
{
    for (int sh = 0; sh <= 16; sh += 8) {
        int d = (int)((a >> sh) & 255u) - (int)((b >> sh) & 255u);
        if (d > tol || d < -tol)
            return 0;
    }
    return 1;
}

/* Read a PNG back; fails the test when it is not one. */
static cairo_surface_t *read_png(const char *path)
{
    cairo_surface_t *s = cairo_image_surface_create_from_png(path);
    assert_int_equal(cairo_surface_status(s), CAIRO_STATUS_SUCCESS);
    return s;
}

/* 200 x 100 px: the left half red, the right half left empty (white background). */
static const char HALF_RED[] =
    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"200\" height=\"100\" viewBox=\"0 0 200 100\">"
    "<rect x=\"0\" y=\"0\" width=\"100\" height=\"100\" fill=\"#ff0000\"/>"
    "<circle cx=\"150\" cy=\"50\" r=\"20\" fill=\"#1f77b4\"/></svg>";

static void a_png_starts_with_the_png_signature(void **state)
{
    fixture *f = *state;
    bmd_error err;
    assert_int_equal(bmd_svg_to_png(HALF_RED, 0, 0, f->path, &err), BMD_SUCCESS);
    unsigned char sig[8] = {0};
    FILE *in = fopen(f->path, "rb");
    assert_non_null(in);
    assert_int_equal(fread(sig, 1, 8, in), 8);
    fclose(in);
    /* PNG signature: ISO/IEC 15948:2003 sec. 5.2, bytes 137 80 78 71 13 10 26 10 (exact) */
    static const unsigned char png_sig[8] = {137, 80, 78, 71, 13, 10, 26, 10};
    assert_memory_equal(sig, png_sig, 8);
    assert_int_equal(entries(f->dir), 1); /* no temporary file left */
}

static void width_zero_keeps_the_svgs_own_size(void **state)
{
    fixture *f = *state;
    bmd_error err;
    assert_int_equal(bmd_svg_to_png(HALF_RED, strlen(HALF_RED), 0, f->path, &err), BMD_SUCCESS);
    cairo_surface_t *s = read_png(f->path);
    /* the SVG's width and height attributes: 200 x 100 px (exact) */
    assert_int_equal(cairo_image_surface_get_width(s), 200);
    assert_int_equal(cairo_image_surface_get_height(s), 100);
    cairo_surface_destroy(s);
}

static void a_requested_width_scales_the_height_by_the_aspect_ratio(void **state)
{
    fixture *f = *state;
    bmd_error err;
    assert_int_equal(bmd_svg_to_png(HALF_RED, 0, 333, f->path, &err), BMD_SUCCESS);
    cairo_surface_t *s = read_png(f->path);
    /* 333 px wide; height 333 * 100 / 200 = 166.5, rounded half away from zero: 167 (exact) */
    assert_int_equal(cairo_image_surface_get_width(s), 333);
    assert_int_equal(cairo_image_surface_get_height(s), 167);
    cairo_surface_destroy(s);
}

static void flat_shapes_keep_their_colours_and_the_background_is_white(void **state)
{
    fixture *f = *state;
    bmd_error err;
    assert_int_equal(bmd_svg_to_png(HALF_RED, 0, 400, f->path, &err), BMD_SUCCESS);
    cairo_surface_t *s = read_png(f->path);
    assert_int_equal(cairo_image_surface_get_width(s), 400);
    assert_int_equal(cairo_image_surface_get_height(s), 200);
    /* scale 2: the red rectangle covers x < 200; its inside is exactly #ff0000 (no
       anti-aliasing away from edges: tolerance 0) */
    assert_int_equal(pixel(s, 50, 100), 0xff0000u);
    assert_int_equal(pixel(s, 190, 10), 0xff0000u);
    /* the circle (centre (300, 100), radius 40 px) is #1f77b4 at its centre (tolerance 0) */
    assert_int_equal(pixel(s, 300, 100), 0x1f77b4u);
    /* outside everything: the white background (tolerance 0) */
    assert_int_equal(pixel(s, 390, 10), 0xffffffu);
    assert_int_equal(pixel(s, 210, 190), 0xffffffu);
    cairo_surface_destroy(s);
}

static void a_map_renders_land_and_sea_at_the_requested_width(void **state)
{
    fixture *f = *state;
    const char *dir = getenv("BMD_DATA_DIR");
    bmd_world *world = NULL;
    bmd_error err;
    assert_int_equal(bmd_world_load_dir(dir ? dir : BMD_TEST_DATA_DIR, &world, &err),
                     BMD_SUCCESS);
    bmd_scene scene;
    bmd_scene_init(&scene, NULL);
    assert_int_equal(bmd_scene_add_site(&scene, "Redzikowo", BMD_SITE_INTERCEPTOR,
                                        54.48 * M_PI / 180, 17.10 * M_PI / 180, 0, NULL, &err),
                     BMD_SUCCESS);
    bmd_map_view view;
    bmd_map_view_init(&view);
    view.center_lat_rad = 50 * M_PI / 180;
    view.center_lon_rad = 20 * M_PI / 180;
    view.radius_m = 1.5e6;
    char *svg = NULL;
    assert_int_equal(bmd_map_svg(&view, world, &scene, &svg, &err), BMD_SUCCESS);
    assert_int_equal(bmd_svg_write_file(svg, 480, f->path, &err), BMD_SUCCESS);
    free(svg);
    cairo_surface_t *s = read_png(f->path);
    /* default map 960 x 720 px drawn 480 wide: 480 x 360 (exact) */
    assert_int_equal(cairo_image_surface_get_width(s), 480);
    assert_int_equal(cairo_image_surface_get_height(s), 360);
    long land = 0, sea = 0, white = 0, n = 480L * 360L;
    for (int y = 0; y < 360; y++)
        for (int x = 0; x < 480; x++) {
            unsigned p = pixel(s, x, y);
            land += near_rgb(p, 0xf4f1e8u, 2); /* LAND_RGB of src/render/map.c */
            sea += near_rgb(p, 0xdde9f3u, 2);  /* SEA_RGB */
            white += p == 0xffffffu;
        }
    /* Europe within 1500 km of (50 N, 20 E): mostly land, with the Baltic, North Sea,
       Mediterranean and Black Sea; each colour covers well over a tenth of the image and the
       picture is far from blank (bounds, not exact: the borders and labels vary with fonts) */
    assert_true(land > n / 4);
    assert_true(sea > n / 10);
    assert_true(white < n / 10);
    cairo_surface_destroy(s);
    bmd_scene_free(&scene);
    bmd_world_free(world);
}

static void bad_arguments_are_refused_and_write_nothing(void **state)
{
    fixture *f = *state;
    bmd_error err;
    assert_int_equal(bmd_svg_to_png(NULL, 0, 100, f->path, &err), BMD_EINVAL);
    assert_int_equal(bmd_svg_to_png("", 0, 100, f->path, &err), BMD_EINVAL);
    assert_int_equal(bmd_svg_to_png(HALF_RED, 0, 100, "", &err), BMD_EINVAL);
    assert_int_equal(bmd_svg_to_png(HALF_RED, 0, 100, NULL, &err), BMD_EINVAL);
    assert_int_equal(bmd_svg_to_png(HALF_RED, 0, BMD_PNG_MIN_PX - 1, f->path, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "15"));
    assert_int_equal(bmd_svg_to_png(HALF_RED, 0, BMD_PNG_MAX_PX + 1, f->path, &err), BMD_EINVAL);
    assert_int_equal(bmd_svg_to_png(HALF_RED, 0, -200, f->path, &err), BMD_EINVAL);
    /* 8000 px wide makes 4000 high: allowed; 20 wide makes 10 high: below the minimum */
    assert_int_equal(bmd_svg_to_png(HALF_RED, 0, 20, f->path, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "20 x 10"));
    assert_int_equal(entries(f->dir), 0);
}

static void text_that_is_not_svg_is_a_parse_error_and_writes_nothing(void **state)
{
    fixture *f = *state;
    bmd_error err;
    assert_int_equal(bmd_svg_to_png("this is not SVG", 0, 100, f->path, &err), BMD_EPARSE);
    assert_non_null(strstr(err.message, "librsvg"));
    assert_int_equal(bmd_svg_to_png("<svg xmlns=\"http://www.w3.org/2000/svg\"><rect", 0, 100,
                                    f->path, &err),
                     BMD_EPARSE);
    assert_int_equal(entries(f->dir), 0);
}

static void an_svg_without_a_size_is_refused(void **state)
{
    fixture *f = *state;
    bmd_error err;
    const char *no_size = "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect width=\"5\" "
                          "height=\"5\"/></svg>";
    assert_int_equal(bmd_svg_to_png(no_size, 0, 100, f->path, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "viewBox"));
    assert_int_equal(entries(f->dir), 0);
}

static void a_failed_render_leaves_an_existing_file_untouched(void **state)
{
    fixture *f = *state;
    bmd_error err;
    assert_int_equal(bmd_svg_to_png(HALF_RED, 0, 0, f->path, &err), BMD_SUCCESS);
    struct stat before, after;
    assert_int_equal(stat(f->path, &before), 0);
    assert_int_equal(bmd_svg_to_png("<not-svg", 0, 0, f->path, &err), BMD_EPARSE);
    assert_int_equal(stat(f->path, &after), 0);
    assert_int_equal(before.st_size, after.st_size);
    assert_int_equal(before.st_ino, after.st_ino);
    assert_int_equal(entries(f->dir), 1);
}

static void writing_into_a_missing_directory_is_an_io_error(void **state)
{
    fixture *f = *state;
    bmd_error err;
    char path[160];
    snprintf(path, sizeof path, "%s/no/such/dir/out.png", f->dir);
    assert_int_equal(bmd_svg_to_png(HALF_RED, 0, 0, path, &err), BMD_EIO);
    assert_non_null(strstr(err.message, "out.png"));
    assert_int_equal(entries(f->dir), 0);
}

static void png_file_names_are_recognised_by_their_extension(void **state)
{
    (void)state;
    assert_int_equal(bmd_path_is_png("map.png"), 1);
    assert_int_equal(bmd_path_is_png("out/MAP.PNG"), 1);
    assert_int_equal(bmd_path_is_png("map.svg"), 0);
    assert_int_equal(bmd_path_is_png("png"), 0);
    assert_int_equal(bmd_path_is_png(".png"), 1);
    assert_int_equal(bmd_path_is_png("map.png.svg"), 0);
    assert_int_equal(bmd_path_is_png(NULL), 0);
}

static void svg_file_names_get_the_svg_text_itself(void **state)
{
    fixture *f = *state;
    bmd_error err;
    char path[160];
    snprintf(path, sizeof path, "%s/out.svg", f->dir);
    assert_int_equal(bmd_svg_write_file(HALF_RED, 999, path, &err), BMD_SUCCESS);
    char buf[sizeof HALF_RED + 8] = {0};
    FILE *in = fopen(path, "rb");
    assert_non_null(in);
    size_t n = fread(buf, 1, sizeof buf, in);
    fclose(in);
    assert_int_equal(n, strlen(HALF_RED));
    assert_string_equal(buf, HALF_RED);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(a_png_starts_with_the_png_signature, setup, teardown),
        cmocka_unit_test_setup_teardown(width_zero_keeps_the_svgs_own_size, setup, teardown),
        cmocka_unit_test_setup_teardown(a_requested_width_scales_the_height_by_the_aspect_ratio,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(flat_shapes_keep_their_colours_and_the_background_is_white,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(a_map_renders_land_and_sea_at_the_requested_width, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(bad_arguments_are_refused_and_write_nothing, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(text_that_is_not_svg_is_a_parse_error_and_writes_nothing,
                                        setup, teardown),
        cmocka_unit_test_setup_teardown(an_svg_without_a_size_is_refused, setup, teardown),
        cmocka_unit_test_setup_teardown(a_failed_render_leaves_an_existing_file_untouched, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(writing_into_a_missing_directory_is_an_io_error, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(png_file_names_are_recognised_by_their_extension, setup,
                                        teardown),
        cmocka_unit_test_setup_teardown(svg_file_names_get_the_svg_text_itself, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
