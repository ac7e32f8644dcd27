/* Finding and reading Leaflet for the report's interactive map (cli/report_leaflet.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_leaflet.h"

#ifndef BMD_BUILD_LEAFLET_DIR
#define BMD_BUILD_LEAFLET_DIR ""
#endif
#ifndef BMD_INSTALL_LEAFLET_DIR
#define BMD_INSTALL_LEAFLET_DIR "/usr/local/share/bmd/leaflet"
#endif

/* Leaflet's dist files are about 150 kB; anything above this is not them. */
#define LEAFLET_MAX_BYTES (8L << 20)

/* The whole of dir/name, NUL-terminated (caller frees), or NULL. */
static char *slurp(const char *dir, const char *name)
{
    char path[4096];
    if (snprintf(path, sizeof path, "%s/%s", dir, name) >= (int)sizeof path)
        return NULL;
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *buf = NULL;
    long len = -1;
    if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) >= 0 && len <= LEAFLET_MAX_BYTES &&
        fseek(f, 0, SEEK_SET) == 0 && (buf = malloc((size_t)len + 1)) &&
        fread(buf, 1, (size_t)len, f) == (size_t)len)
        buf[len] = '\0';
    else {
        free(buf);
        buf = NULL;
    }
    fclose(f);
    return buf;
}

/* Both files of dir, or neither (returns 0). */
static int read_dir(const char *dir, char **js, char **css)
{
    *js = slurp(dir, "leaflet.js");
    *css = *js ? slurp(dir, "leaflet.css") : NULL;
    if (*js && *css && strstr(*js, "L.version") == NULL && strstr(*js, "Leaflet") == NULL) {
        free(*css);
        *css = NULL;
    }
    if (!*js || !*css) {
        free(*js);
        free(*css);
        *js = *css = NULL;
        return 0;
    }
    return 1;
}

int cli_report_leaflet(const cli_args *a, char **js, char **css, char *why, size_t n)
{
    *js = *css = NULL;
    const char *given = cli_text(a, "leaflet-dir"), *flag = "--leaflet-dir";
    if (!given && getenv("BMD_LEAFLET_DIR") && *getenv("BMD_LEAFLET_DIR")) {
        given = getenv("BMD_LEAFLET_DIR");
        flag = "$BMD_LEAFLET_DIR";
    }
    if (given) {
        if (read_dir(given, js, css))
            return CLI_OK;
        cli_complain(a->command, "%s %s: no readable leaflet.js and leaflet.css there (npm "
                     "leaflet 1.9.4: node_modules/leaflet/dist)", flag, given);
        return CLI_USAGE;
    }
    const char *dirs[] = {BMD_BUILD_LEAFLET_DIR, BMD_INSTALL_LEAFLET_DIR};
    for (size_t i = 0; i < sizeof dirs / sizeof *dirs; i++)
        if (dirs[i][0] && read_dir(dirs[i], js, css))
            return CLI_OK;
    snprintf(why, n, "Leaflet (npm leaflet 1.9.4) was not found when it was made (run `npm ci "
             "--prefix web` and rebuild, or give `bmdsim report --leaflet-dir DIR`)");
    return CLI_OK;
}
