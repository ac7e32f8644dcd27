/* bmd/atomic_file.h — write output files safely, one file or a set of files all-or-nothing.
 *
 * Every bmdsim writer (GeoJSON, KML, SVG, PNG, CSV, HTML) goes through here. The content goes to
 * a temporary file with a unique name in the target's own folder, which is flushed and synced;
 * only when every file of a set was written are the temporaries renamed over their targets, one
 * folder lock held for all the renames. So a reader never sees a half-written file, a failed or
 * interrupted command leaves the previous outputs as they were and no temporary behind, and two
 * commands writing the same set into one folder leave the complete set of one of them (the one
 * that committed last), never a mix.
 *
 * Targets are checked before any work: the path must name a file (not empty, not ending in '/',
 * not a directory), its folder must exist (or be creatable, BMD_OUTPUT_CREATE_DIR) and be
 * writable; an existing target must be a regular file (a FIFO, device, socket or directory is
 * refused) or a symbolic link to a regular file in the same folder (the link is kept and its
 * target replaced; a link leading out of the folder, or dangling, is refused). A replaced file
 * keeps its permission bits; a new one gets 0666 less the umask.
 *
 * The library installs no signal handlers. A program that wants interrupted runs to leave no
 * temporaries calls bmd_output_set_discard (async-signal-safe) from its own handler, and blocks
 * its signals around bmd_output_set_commit. Guarantees in docs/reliability.md ("Faults"). */
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

/* Create path atomically with the content written by write(out, context, err): a one-file set
 * (checks, mode and guarantees as above). Errors: BMD_EINVAL for a NULL or empty path, a path
 * that names a folder, or a target that is not a regular file; BMD_EIO naming the path and the
 * system's reason (folder missing, permission, disk full, ...); any status returned by write. On
 * every error the temporary file is removed and an existing target is untouched. */
BMD_API int bmd_atomic_write(const char *path, bmd_write_fn write, void *context, bmd_error *err);

/* Create path atomically with the bytes of the NUL-terminated text. Errors as bmd_atomic_write. */
BMD_API int bmd_atomic_write_string(const char *path, const char *text, bmd_error *err);

/* ---------------------------------------------------------------------------------------------
 * Sets of outputs, all-or-nothing. */

#define BMD_OUTPUT_SET_MAX 16    /* files per set */
#define BMD_OUTPUT_CREATE_DIR 1  /* flag: the file's folder may be missing if its parent exists;
                                    it is created when the file is written (removed again when
                                    the set is not committed) */

typedef struct bmd_output_set bmd_output_set; /* opaque */

/* A new empty set in *set. Errors: BMD_EINVAL (NULL), BMD_ENOMEM. */
BMD_API int bmd_output_set_new(bmd_output_set **set, bmd_error *err);

/* Add path to the set after checking it (see the top of this file); nothing is written yet.
 * flags: 0 or BMD_OUTPUT_CREATE_DIR. *index (may be NULL) receives the file's index for
 * bmd_output_set_write. The same target twice is refused. Errors: BMD_EINVAL (bad path or
 * target, set full), BMD_EIO (folder missing or not writable, naming it and the reason),
 * BMD_ENOMEM. */
BMD_API int bmd_output_set_add(bmd_output_set *set, const char *path, int flags, int *index,
                               bmd_error *err);

/* Write file index of the set to its temporary (flushed and synced; the target is not touched).
 * Writing an index again replaces the earlier temporary. Errors: BMD_EINVAL (bad index, set
 * already committed), BMD_EIO (naming the path and the reason: disk full, read-only, ...), or
 * write's status; the temporary is removed on every error. */
BMD_API int bmd_output_set_write(bmd_output_set *set, int index, bmd_write_fn write, void *context,
                                 bmd_error *err);

/* bmd_output_set_write with the bytes of the NUL-terminated text. */
BMD_API int bmd_output_set_write_string(bmd_output_set *set, int index, const char *text,
                                        bmd_error *err);

/* Rename every temporary over its target, holding an exclusive lock on each folder (flock) for
 * all of the renames, then sync the folders. Every file of the set must have been written, and
 * every target is checked again first (it must still be what bmd_output_set_add accepted), so a
 * failure before the first rename leaves every target untouched. Errors: BMD_EINVAL (a file not
 * written, a target that changed kind), BMD_EIO (naming the file and the reason). */
BMD_API int bmd_output_set_commit(bmd_output_set *set, bmd_error *err);

/* Remove the set's temporaries (and folders it created) now, leaving the set unusable except for
 * bmd_output_set_free. Async-signal-safe (only unlink and rmdir): call it from a SIGINT/SIGTERM
 * handler. Does nothing after a commit or for NULL. */
BMD_API void bmd_output_set_discard(bmd_output_set *set);

/* Free the set; temporaries not committed are removed (as bmd_output_set_discard). NULL is
 * allowed. */
BMD_API void bmd_output_set_free(bmd_output_set *set);

/* The path of file index as given to bmd_output_set_add, or NULL for a bad index. */
BMD_API const char *bmd_output_set_path(const bmd_output_set *set, int index);

#ifdef __cplusplus
}
#endif
#endif
