/* Atomic output files: temporary file in the target's directory, fsync, rename. */
#include "bmd/atomic_file.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* fsync the directory holding path so the rename itself is durable (best effort). */
static void sync_directory(const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[4096];
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == path)
        snprintf(dir, sizeof dir, "/");
    else
        snprintf(dir, sizeof dir, "%.*s", (int)(slash - path), path);
    int fd = open(dir, O_RDONLY);
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
}

int bmd_atomic_write(const char *path, bmd_write_fn write, void *context, bmd_error *err)
{
    if (!path || !*path)
        return bmd_error_set(err, BMD_EINVAL, "output path is empty (a file name is required)");
    if (!write)
        return bmd_error_set(err, BMD_EINVAL, "no writer given for '%s'", path);
    size_t n = strlen(path);
    char *tmp = malloc(n + 16);
    if (!tmp)
        return bmd_error_set(err, BMD_ENOMEM, "out of memory writing '%s'", path);
    memcpy(tmp, path, n);
    memcpy(tmp + n, ".tmp.XXXXXX", 12);

    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        return bmd_error_set(err, BMD_EIO, "cannot create '%s': %s", path, strerror(e));
    }
    (void)fchmod(fd, 0644);
    FILE *out = fdopen(fd, "w");
    if (!out) {
        int e = errno;
        close(fd);
        unlink(tmp);
        free(tmp);
        return bmd_error_set(err, BMD_EIO, "cannot write '%s': %s", path, strerror(e));
    }

    int st = write(out, context, err);
    int e = 0;
    if (!st && (ferror(out) || fflush(out) != 0))
        e = errno ? errno : EIO;
    if (!st && !e && fsync(fileno(out)) != 0)
        e = errno;
    if (fclose(out) != 0 && !st && !e)
        e = errno ? errno : EIO;
    if (!st && !e && rename(tmp, path) != 0)
        e = errno;
    if (st || e) {
        unlink(tmp);
        free(tmp);
        if (st)
            return st;
        return bmd_error_set(err, BMD_EIO, "cannot write '%s': %s", path, strerror(e));
    }
    free(tmp);
    sync_directory(path);
    return BMD_SUCCESS;
}

/* The writer of bmd_atomic_write_string. */
static int write_text(FILE *out, void *context, bmd_error *err)
{
    (void)err;
    const char *text = context;
    fputs(text, out);
    return BMD_SUCCESS;
}

int bmd_atomic_write_string(const char *path, const char *text, bmd_error *err)
{
    if (!text)
        return bmd_error_set(err, BMD_EINVAL, "no text to write to '%s'", path ? path : "(null)");
    return bmd_atomic_write(path, write_text, (void *)text, err);
}
