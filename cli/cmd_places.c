/* bmdsim places — the gazetteer (data/places/places.tsv): the places whose name, alias or country
 * matches QUERY, with coordinates and source; the names --from, --to, --at ... accept. */
#include <cjson/cJSON.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bmd/places.h"
#include "bmd/units.h"
#include "bmd/version.h"
#include "catalog_view.h"
#include "cli.h"

static const cli_option options[] = {
    {"json", NULL, "print one JSON object instead of a table", 0},
    {"limit", "N", "list at most N places (default 25; 0: all)", 0},
    {"data-dir", "DIR", "data directory (default $BMD_DATA_DIR, else the built-in path)", 0},
};

static const char usage[] = "[QUERY] [--json] [--limit N]   (QUERY: a place name, part of one, "
                            "or a country; case and accents ignored)";

static double deg(double rad)
{
    return bmd_rad_to_deg(rad);
}

static int print_json(const bmd_places *g, const char *query, const size_t *idx, size_t shown,
                      size_t found)
{
    cJSON *root = cJSON_CreateObject();
    if (!root)
        return CLI_FAILED;
    cJSON_AddStringToObject(root, "query", query);
    cJSON_AddNumberToObject(root, "matches", (double)found);
    cJSON *arr = cJSON_AddArrayToObject(root, "places");
    for (size_t k = 0; k < shown; k++) {
        const bmd_place *p = bmd_places_get(g, idx[k]);
        cJSON *o = cJSON_CreateObject();
        cJSON_AddStringToObject(o, "name", p->name);
        cJSON_AddStringToObject(o, "country", p->country);
        cJSON_AddNumberToObject(o, "lat_deg", deg(p->lat_rad));
        cJSON_AddNumberToObject(o, "lon_deg", deg(p->lon_rad));
        cJSON_AddStringToObject(o, "kind", p->kind);
        cJSON *al = cJSON_AddArrayToObject(o, "aliases");
        for (const char *a = p->aliases; *a;) {
            size_t len = strcspn(a, ",");
            char buf[128];
            snprintf(buf, sizeof buf, "%.*s", (int)len, a);
            cJSON_AddItemToArray(al, cJSON_CreateString(buf));
            a += len + (a[len] == ',');
        }
        cJSON_AddStringToObject(o, "source", p->source);
        cJSON_AddItemToArray(arr, o);
    }
    return cli_print_json(root);
}

/* Printed width of UTF-8 text (code points). */
static int text_width(const char *s)
{
    int w = 0;
    for (; *s; s++)
        w += ((unsigned char)*s & 0xC0) != 0x80;
    return w;
}

static void print_padded(const char *s, int width)
{
    printf("%s%*s", s, width - text_width(s) > 0 ? width - text_width(s) : 0, "");
}

static void print_table(const bmd_places *g, const char *query, const size_t *idx, size_t shown,
                        size_t found)
{
    int wn = 4, wc = 7, wk = 4;
    for (size_t k = 0; k < shown; k++) {
        const bmd_place *p = bmd_places_get(g, idx[k]);
        wn = text_width(p->name) > wn ? text_width(p->name) : wn;
        wc = text_width(p->country) > wc ? text_width(p->country) : wc;
        wk = text_width(p->kind) > wk ? text_width(p->kind) : wk;
    }
    printf("places matching '%s': %zu%s\n", query, found,
           shown < found ? " (use --limit to see more)" : "");
    print_padded("name", wn + 2);
    print_padded("country", wc + 2);
    printf("%9s  %10s  ", "lat_deg", "lon_deg");
    print_padded("kind", wk + 2);
    printf("source\n");
    for (size_t k = 0; k < shown; k++) {
        const bmd_place *p = bmd_places_get(g, idx[k]);
        print_padded(p->name, wn + 2);
        print_padded(p->country[0] ? p->country : "-", wc + 2);
        printf("%9.4f  %10.4f  ", deg(p->lat_rad), deg(p->lon_rad));
        print_padded(p->kind, wk + 2);
        printf("%s\n", p->source);
    }
}

int cli_cmd_places(int argc, char **argv)
{
    cli_args a;
    const char *pos[1] = {NULL};
    int n_pos = 0;
    int st = cli_parse_positional(&a, "places", usage, options,
                                  (int)(sizeof options / sizeof *options), argc, argv, 2, pos, 1,
                                  &n_pos);
    if (st)
        return st < 0 ? CLI_OK : st;
    double limit;
    if (cli_number(&a, "limit", 25, 0, 0, 1e6, 0, "places", &limit))
        return CLI_USAGE;
    if (limit != floor(limit)) {
        cli_complain("places", "--limit: %g is not a whole number", limit);
        return CLI_USAGE;
    }
    const char *dir = cli_text(&a, "data-dir");
    bmd_places *g = NULL;
    bmd_error err;
    st = bmd_places_load_dir(dir ? dir : bmd_data_dir(), &g, &err);
    if (st)
        return cli_library_failure("places", st, &err);
    const char *query = n_pos ? pos[0] : "";
    size_t count = bmd_places_count(g);
    size_t *idx = malloc((count ? count : 1) * sizeof *idx);
    if (!idx) {
        bmd_places_free(g);
        return CLI_FAILED;
    }
    size_t found = bmd_places_search(g, query, idx, count);
    size_t shown = found < count ? found : count;
    if (limit > 0 && (size_t)limit < shown)
        shown = (size_t)limit;
    if (cli_has(&a, "json"))
        st = print_json(g, query, idx, shown, found);
    else
        print_table(g, query, idx, shown, found);
    free(idx);
    bmd_places_free(g);
    return st;
}
