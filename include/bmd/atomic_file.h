/* bmd/atomic_file.h — write an output file safely: the content goes to a temporary file in the
 * same directory, which is flushed, synced and renamed over the target only when everything was
 * written. A reader never sees a half-written file, and a failed write leaves no file behind (an
 * existing target is left untouched). Every bmdsim writer (GeoJSON, KML, SVG) goes through here. */
#ifndef BMD_ATOMIC_FILE_H
#define BMD_ATOMIC_FILE_H

#include "bmd/api.h"

#include <stdio.h>

#include "bmd/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/* Writes the content to out. Returns 0, or a status after filling err. Write errors on out need
 * not be reported: the stream's error flag is checked afterwards. */
typedef int (*bmd_write_fn)(FILE *out, void *context, bmd_error *err);

/* Create path atomically with the content written by write(out, context, err). The file gets mode
 * 0644. Errors: BMD_EINVAL for a NULL or empty path; BMD_EIO naming the path and the system's
 * reason (directory missing, permission, disk full, ...); any status returned by write. On every
 * error the temporary file is removed. */
BMD_API int bmd_atomic_write(const char *path, bmd_write_fn write, void *context, bmd_error *err);

/* Create path atomically with the bytes of the NUL-terminated text. Errors as bmd_atomic_write. */
BMD_API int bmd_atomic_write_string(const char *path, const char *text, bmd_error *err);

#ifdef __cplusplus
}
#endif
#endif
