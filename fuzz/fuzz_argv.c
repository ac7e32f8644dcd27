/* fuzz/fuzz_argv.c — the command line of every command (cli/main.c compiled with
 * main renamed to bmd_cli_main). Input: the arguments after "bmdsim", one per line. Arguments with
 * a '/' are refused (the harness runs in a scratch folder and must not write elsewhere); the
 * placeholders @S, @C, @P, @M stand for a small scenario, the catalogue folder, a points file
 * and a missile file of the repository. */
#include <string.h>

#include "fuzz_common.h"

int bmd_cli_main(int argc, char **argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define MAX_ARGS 24

static const char *placeholder(const char *arg)
{
    static char points[600];
    if (!strcmp(arg, "@S"))
        return BMD_FUZZ_SOURCE_DIR "/fuzz/tiny.yaml";
    if (!strcmp(arg, "@C"))
        return BMD_FUZZ_DATA_DIR "/catalog";
    if (!strcmp(arg, "@M"))
        return BMD_FUZZ_DATA_DIR "/catalog/missiles/scud-b.yaml";
    if (!strcmp(arg, "@P")) {
        if (!*points) {
            static const char text[] = "# points\n50,10,a\n51.5,-0.1,london\n";
            snprintf(points, sizeof points, "%s", fz_write("argv-points.txt", (const uint8_t *)text,
                                                          sizeof text - 1));
        }
        return points;
    }
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static int init;
    if (!init++)
        fz_quiet();
    if (size > 8192 || memchr(data, '/', size))
        return 0;
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    char *argv[MAX_ARGS + 2];
    int argc = 0;
    argv[argc++] = (char *)"bmdsim";
    for (char *s = text; s && argc < MAX_ARGS + 1;) {
        char *nl = strchr(s, '\n');
        if (nl)
            *nl = '\0';
        const char *ph = placeholder(s);
        argv[argc++] = ph ? (char *)ph : s;
        s = nl ? nl + 1 : NULL;
    }
    argv[argc] = NULL;
    bmd_cli_main(argc, argv);
    fflush(stdout);
    free(text);
    return 0;
}
