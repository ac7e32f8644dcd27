/* fuzz/fuzz_common.h — shared pieces of the libFuzzer harnesses: the fuzz input written to a
 * per-process scratch file (the loaders take paths), and stdout/stderr sent to /dev/null. */
#ifndef BMD_FUZZ_COMMON_H
#define BMD_FUZZ_COMMON_H

#include <fcntl.h>
#include <sys/mman.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The folder for scratch files: $TMPDIR or /tmp. */
static const char *fz_tmpdir(void)
{
    const char *t = getenv("TMPDIR");
    return t && *t ? t : "/tmp";
}

/* Write data to a scratch file for tag (an in-memory file, memfd, named /proc/self/fd/N; a file
 * in $TMPDIR when memfd is not available); returns its path (static, one per tag, up to 4 tags). */
static const char *fz_write(const char *tag, const uint8_t *data, size_t size)
{
    static char tags[4][64], path[4][512];
    static int fds[4] = {-1, -1, -1, -1};
    int k = 0;
    while (k < 4 && tags[k][0] && strcmp(tags[k], tag))
        k++;
    if (k == 4)
        abort();
    if (!tags[k][0]) {
        snprintf(tags[k], sizeof tags[k], "%s", tag);
        fds[k] = memfd_create(tag, 0);
        if (fds[k] >= 0)
            snprintf(path[k], sizeof path[k], "/proc/self/fd/%d", fds[k]);
        else
            snprintf(path[k], sizeof path[k], "%s/bmd-fuzz-%ld-%s", fz_tmpdir(), (long)getpid(),
                     tag);
    }
    if (fds[k] >= 0) {
        if (ftruncate(fds[k], 0) != 0 || (size && pwrite(fds[k], data, size, 0) != (ssize_t)size))
            abort();
        return path[k];
    }
    FILE *f = fopen(path[k], "wb");
    if (!f)
        abort();
    if (size && fwrite(data, 1, size, f) != size)
        abort();
    fclose(f);
    return path[k];
}

/* Send stdout and stderr to /dev/null unless BMD_FUZZ_VERBOSE is set (libFuzzer's own output
 * goes to stderr too: keep it by duplicating stderr first). */
static void fz_quiet(void)
{
    if (getenv("BMD_FUZZ_VERBOSE"))
        return;
    int null = open("/dev/null", O_WRONLY);
    if (null < 0)
        return;
    dup2(null, STDOUT_FILENO);
    close(null);
}

/* The repository's data folder (compile definition). */
#ifndef BMD_FUZZ_DATA_DIR
#define BMD_FUZZ_DATA_DIR "data"
#endif

#endif
