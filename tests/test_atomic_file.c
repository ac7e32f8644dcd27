/* Tests of bmd/atomic_file.h: a successful write leaves the file and no temporary; a failed one
 * leaves nothing and says why. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "bmd/atomic_file.h"

/* A fresh empty directory under /tmp (mkdtemp). */
static char *fresh_dir(void)
{
    char *dir = strdup("/tmp/bmd-atomic-XXXXXX");
    assert_non_null(mkdtemp(dir));
    return dir;
}

/* Number of entries in dir other than . and .. */
static int entries(const char *dir)
{
    DIR *d = opendir(dir);
    assert_non_null(d);
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)))
        n += strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
    closedir(d);
    return n;
}

static void a_successful_write_leaves_the_file_and_no_temporary(void **state)
{
    (void)state;
    char *dir = fresh_dir(), path[256], back[64] = {0};
    snprintf(path, sizeof path, "%s/out.txt", dir);
    bmd_error err;
    assert_int_equal(bmd_atomic_write_string(path, "hello\n", &err), BMD_SUCCESS);
    assert_int_equal(entries(dir), 1); /* only out.txt: the temporary was renamed */
    FILE *f = fopen(path, "r");
    assert_non_null(f);
    assert_non_null(fgets(back, sizeof back, f));
    fclose(f);
    assert_string_equal(back, "hello\n");
    /* overwriting replaces the content */
    assert_int_equal(bmd_atomic_write_string(path, "second\n", &err), BMD_SUCCESS);
    f = fopen(path, "r");
    assert_non_null(fgets(back, sizeof back, f));
    fclose(f);
    assert_string_equal(back, "second\n");
    assert_int_equal(entries(dir), 1);
    unlink(path);
    rmdir(dir);
    free(dir);
}

static void a_write_into_a_missing_directory_fails_with_eio_naming_the_path(void **state)
{
    (void)state;
    char *dir = fresh_dir(), path[256];
    snprintf(path, sizeof path, "%s/no-such-dir/out.txt", dir);
    bmd_error err;
    assert_int_equal(bmd_atomic_write_string(path, "x", &err), BMD_EIO);
    assert_int_equal(err.status, BMD_EIO);
    assert_non_null(strstr(err.message, path));
    assert_non_null(strstr(err.message, "No such file or directory"));
    assert_int_equal(access(path, F_OK), -1);
    assert_int_equal(entries(dir), 0);
    rmdir(dir);
    free(dir);
}

/* A writer that fails halfway, after writing something. */
static int failing_writer(FILE *out, void *context, bmd_error *err)
{
    (void)context;
    fputs("partial", out);
    return bmd_error_set(err, BMD_EINVAL, "writer gave up");
}

static void a_failing_writer_leaves_no_file_and_keeps_an_existing_target(void **state)
{
    (void)state;
    char *dir = fresh_dir(), path[256], back[64] = {0};
    snprintf(path, sizeof path, "%s/out.txt", dir);
    bmd_error err;
    assert_int_equal(bmd_atomic_write(path, failing_writer, NULL, &err), BMD_EINVAL);
    assert_int_equal(entries(dir), 0);
    assert_int_equal(bmd_atomic_write_string(path, "kept\n", &err), BMD_SUCCESS);
    assert_int_equal(bmd_atomic_write(path, failing_writer, NULL, &err), BMD_EINVAL);
    assert_int_equal(entries(dir), 1);
    FILE *f = fopen(path, "r");
    assert_non_null(fgets(back, sizeof back, f));
    fclose(f);
    assert_string_equal(back, "kept\n");
    unlink(path);
    rmdir(dir);
    free(dir);
}

static void an_empty_or_null_path_is_an_invalid_argument(void **state)
{
    (void)state;
    bmd_error err;
    assert_int_equal(bmd_atomic_write_string("", "x", &err), BMD_EINVAL);
    assert_int_equal(bmd_atomic_write_string(NULL, "x", &err), BMD_EINVAL);
    assert_int_equal(bmd_atomic_write_string("/tmp/x", NULL, &err), BMD_EINVAL);
    assert_int_equal(bmd_atomic_write("/tmp/x", NULL, NULL, NULL), BMD_EINVAL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_successful_write_leaves_the_file_and_no_temporary),
        cmocka_unit_test(a_write_into_a_missing_directory_fails_with_eio_naming_the_path),
        cmocka_unit_test(a_failing_writer_leaves_no_file_and_keeps_an_existing_target),
        cmocka_unit_test(an_empty_or_null_path_is_an_invalid_argument),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
