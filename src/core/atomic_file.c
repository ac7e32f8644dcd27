/* Atomic output files (bmd/atomic_file.h): one file is a set of one (output_set.c). */
#include "bmd/atomic_file.h"

int bmd_atomic_write(const char *path, bmd_write_fn write, void *context, bmd_error *err)
{
    if (!write)
        return bmd_error_set(err, BMD_EINVAL, "no writer given for '%s'", path ? path : "(null)");
    bmd_output_set *set = NULL;
    int index = 0;
    int st = bmd_output_set_new(&set, err);
    if (!st)
        st = bmd_output_set_add(set, path, 0, &index, err);
    if (!st)
        st = bmd_output_set_write(set, index, write, context, err);
    if (!st)
        st = bmd_output_set_commit(set, err);
    bmd_output_set_free(set);
    return st;
}

/* The writer of bmd_atomic_write_string. */
static int write_text(FILE *out, void *context, bmd_error *err)
{
    (void)err;
    fputs((const char *)context, out);
    return BMD_SUCCESS;
}

int bmd_atomic_write_string(const char *path, const char *text, bmd_error *err)
{
    if (!text)
        return bmd_error_set(err, BMD_EINVAL, "no text to write to '%s'", path ? path : "(null)");
    return bmd_atomic_write(path, write_text, (void *)text, err);
}
