/* cli/catalog_view.h — how `bmdsim catalog` lists and shows one kind of catalogue entry. Each kind
 * (missile, radar, interceptor) is one cli_catalog_view: its directory, its library calls (list,
 * find, override) and its printers; cmd_catalog.c drives them all the same way. */
#ifndef BMD_CLI_CATALOG_VIEW_H
#define BMD_CLI_CATALOG_VIEW_H

#include <cjson/cJSON.h>
#include <stddef.h>

#include "bmd/catalog.h"

/* One kind of catalogue entry as the catalog command lists and shows it. */
typedef struct cli_catalog_view {
    const char *kind;       /* the --kind value: "missile" */
    const char *plural;     /* "missiles": the key of the JSON list */
    const char *subdir;     /* its folder under $BMD_DATA_DIR/catalog */
    size_t entry_size;      /* sizeof its bmd_catalog_* entry */
    int (*list)(const char *dir, char (*names)[BMD_NAME_MAX], int max, int *n, bmd_error *err);
    int (*find)(const char *dir, const char *name, void *entry, bmd_error *err);
    int (*set)(void *entry, const char *assignment, bmd_error *err); /* one FIELD=VALUE */
    void (*heading)(const char *dir, int n);  /* the table heading of the list */
    void (*row)(const void *entry);           /* one line of the list */
    cJSON *(*summary)(const void *entry);     /* one object of the JSON list */
    int (*print)(const void *entry);          /* one entry, every parameter, as a table */
    cJSON *(*json)(const void *entry);        /* one entry, every parameter, as JSON */
} cli_catalog_view;

extern const cli_catalog_view cli_missile_view;
extern const cli_catalog_view cli_radar_view;
extern const cli_catalog_view cli_interceptor_view;

/* The unit of a field from the suffix of its name ("" when none is known). */
const char *cli_unit_of(const char *field);

/* The citation of source key among sources[0..n-1], or NULL. */
const char *cli_citation_of(const bmd_source *sources, int n, const char *key);

/* "NOTIONAL (from KEY)", "NOTIONAL" or "KEY": the provenance column of a parameter. */
void cli_provenance_text(const bmd_param_provenance *p, char *buf, size_t n);

/* One table row: field, value text, unit, provenance and note. */
void cli_print_param_row(const char *field, const char *value, const bmd_param_provenance *p);

/* Add to q the keys after "value" of a parameter: unit, source, citation, notional, note, line. */
void cli_param_json_tail(cJSON *q, const char *unit, const bmd_param_provenance *p,
                         const bmd_source *sources, int n);

/* The "  sources:" block of a table. */
void cli_print_sources(const bmd_source *sources, int n);

/* Add "sources": {KEY: citation, ...} to o. */
void cli_sources_json(cJSON *o, const bmd_source *sources, int n);

/* Print o on one line and free it; CLI_OK or CLI_FAILED. */
int cli_print_json(cJSON *o);

#endif
