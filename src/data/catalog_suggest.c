/* Suggesting catalogue names close to an unknown one (catalog_dir.h). */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "data/catalog_dir.h"
#include "data/yaml_walk.h"

/* Whether hay contains needle, ignoring case. */
static int contains_nocase(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    for (; *hay; hay++)
        if (strncasecmp(hay, needle, n) == 0)
            return 1;
    return 0;
}

void bmd_cat_suggest(const char *name, char (*names)[BMD_NAME_MAX], int count, const char *list_hint,
                 char *msg, size_t n)
{
    int limit = (int)strlen(name) / 3 + 1;
    if (limit < 2)
        limit = 2;
    int pick[3], dist[3], shown = 0;
    for (int i = 0; i < count; i++) {
        int d = bmd_yw_edit_distance(name, names[i]);
        if (d > limit && !(strlen(name) >= 3 && contains_nocase(names[i], name)))
            continue;
        int at = shown < 3 ? shown : 3;
        while (at > 0 && dist[at - 1] > d)
            at--;
        if (at >= 3)
            continue;
        for (int k = (shown < 3 ? shown : 2); k > at; k--) {
            pick[k] = pick[k - 1];
            dist[k] = dist[k - 1];
        }
        pick[at] = i;
        dist[at] = d;
        if (shown < 3)
            shown++;
    }
    size_t used = strlen(msg);
    if (!shown) {
        snprintf(msg + used, n - used, " (see '%s' for the list)", list_hint);
        return;
    }
    for (int k = 0; k < shown; k++) {
        used = strlen(msg);
        snprintf(msg + used, n - used, "%s%s", k ? ", " : "; did you mean ", names[pick[k]]);
    }
    used = strlen(msg);
    snprintf(msg + used, n - used, "?");
}
