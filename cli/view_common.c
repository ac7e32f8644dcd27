/* Printing pieces shared by the catalogue views (catalog_view.h): units, provenance, sources. */
#include <stdio.h>
#include <string.h>

#include "catalog_view.h"
#include "cli.h"

const char *cli_unit_of(const char *field)
{
    static const struct { const char *suffix, *unit; } units[] = {
        {"_kg_m2", "kg/m^2"}, {"_m2", "m^2"}, {"_kg", "kg"}, {"_m_s", "m/s"}, {"_s", "s"},
        {"_m", "m"}, {"_deg", "deg"}, {"_rad", "rad"}, {"cd_mach", "Cd(Mach)"},
        {"thrust_vacuum_n", "N(t)"}};
    size_t n = strlen(field);
    for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
        size_t k = strlen(units[i].suffix);
        if (n >= k && strcmp(field + n - k, units[i].suffix) == 0)
            return units[i].unit;
    }
    return "";
}

const char *cli_citation_of(const bmd_source *sources, int n, const char *key)
{
    for (int i = 0; i < n; i++)
        if (strcmp(sources[i].key, key) == 0)
            return sources[i].citation;
    return NULL;
}

void cli_provenance_text(const bmd_param_provenance *p, char *buf, size_t n)
{
    if (p->notional)
        snprintf(buf, n, "NOTIONAL%s%s%s", p->source[0] ? " (from " : "", p->source,
                 p->source[0] ? ")" : "");
    else
        snprintf(buf, n, "%s", p->source);
}

void cli_print_param_row(const char *field, const char *value, const bmd_param_provenance *p)
{
    char prov[96];
    cli_provenance_text(p, prov, sizeof prov);
    printf("  %-30s %12s %-8s %s%s%s\n", field, value, cli_unit_of(field), prov,
           p->note[0] ? " - " : "", p->note);
}

void cli_param_json_tail(cJSON *q, const char *unit, const bmd_param_provenance *p,
                         const bmd_source *sources, int n)
{
    cJSON_AddStringToObject(q, "unit", unit);
    const char *cit = p->source[0] ? cli_citation_of(sources, n, p->source) : NULL;
    if (p->source[0])
        cJSON_AddStringToObject(q, "source", p->source);
    else
        cJSON_AddNullToObject(q, "source");
    if (cit)
        cJSON_AddStringToObject(q, "citation", cit);
    else
        cJSON_AddNullToObject(q, "citation");
    cJSON_AddBoolToObject(q, "notional", p->notional);
    cJSON_AddStringToObject(q, "note", p->note);
    cJSON_AddNumberToObject(q, "line", p->line);
}

void cli_print_sources(const bmd_source *sources, int n)
{
    printf("\n  sources:\n");
    for (int i = 0; i < n; i++)
        printf("  [%s] %s\n", sources[i].key, sources[i].citation);
}

void cli_sources_json(cJSON *o, const bmd_source *sources, int n)
{
    cJSON *src = cJSON_AddObjectToObject(o, "sources");
    for (int i = 0; i < n; i++)
        cJSON_AddStringToObject(src, sources[i].key, sources[i].citation);
}

int cli_print_json(cJSON *o)
{
    char *text = o ? cJSON_PrintUnformatted(o) : NULL;
    cJSON_Delete(o);
    if (!text)
        return CLI_FAILED;
    int ok = printf("%s\n", text) > 0;
    cJSON_free(text);
    return ok ? CLI_OK : CLI_FAILED;
}
