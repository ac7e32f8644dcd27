/* Loading a catalogue missile for a command: the catalogue directory and --set overrides (shared
 * by catalog, trajectory, range, loft). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "common.h"
#include "sweep_inject.h"
#include "threat.h"

void cli_catalogue_dir(const cli_args *a, char *buf, size_t n)
{
    const char *dir = cli_text(a, "dir");
    if (dir)
        snprintf(buf, n, "%s", dir);
    else
        cli_catalog_dir("missiles", buf, n);
}

int cli_apply_set(const char *command, const char *text,
                  int (*set)(void *entry, const char *assignment, bmd_error *err), void *entry)
{
    char buf[1024];
    if (strlen(text) >= sizeof buf) {
        cli_complain(command, "--set: the list of overrides is too long");
        return CLI_USAGE;
    }
    strcpy(buf, text);
    for (char *save = NULL, *tok = strtok_r(buf, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
        bmd_error err;
        if (set(entry, tok, &err)) {
            cli_complain(command, "--set: %s", err.message);
            return CLI_USAGE;
        }
    }
    return CLI_OK;
}

/* bmd_catalog_override, untyped for cli_apply_set. */
static int set_missile(void *entry, const char *assignment, bmd_error *err)
{
    return bmd_catalog_override(entry, assignment, err);
}

int cli_apply_overrides(const char *command, const char *text, bmd_catalog_missile *entry)
{
    return cli_apply_set(command, text, set_missile, entry);
}

int cli_load_missile(const cli_args *a, const char *text, bmd_catalog_missile *entry)
{
    char dir[BMD_PATH_MAX];
    cli_catalogue_dir(a, dir, sizeof dir);
    bmd_error err;
    int st = bmd_catalog_find_missile(dir, text, entry, &err);
    if (st)
        return cli_library_failure(a->command, st, &err);
    const char *set = cli_text(a, "set");
    if (set && (st = cli_apply_overrides(a->command, set, entry)))
        return st;
    if ((st = cli_inject_missile(a->command, entry))) /* bmdsim sweep */
        return st;
    if ((st = bmd_missile_validate(&entry->missile, &err))) {
        cli_complain(a->command, "missile '%s': %s", entry->missile.name, err.message);
        return CLI_USAGE;
    }
    return CLI_OK;
}
