/* Tests of bmd/atomic_file.h: a successful write leaves the file and no temporary; a failed one
 * leaves nothing and says why; a set of files is replaced all-or-nothing, its targets checked
 * before any work (issue 13, items 7-12). */
#include <dirent.h>
#include <fcntl.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

/* The content of path (at most 255 bytes), or "" when it cannot be read. */
static const char *content(const char *path)
{
    static char buf[256];
    buf[0] = '\0';
    FILE *f = fopen(path, "r");
    if (f) {
        size_t n = fread(buf, 1, sizeof buf - 1, f);
        buf[n] = '\0';
        fclose(f);
    }
    return buf;
}

/* Remove dir and the regular files, links and FIFOs in it. */
static void remove_dir(char *dir)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    char path[512];
    while (d && (e = readdir(d)))
        if (strcmp(e->d_name, ".") && strcmp(e->d_name, "..")) {
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            if (unlink(path) != 0)
                rmdir(path);
        }
    if (d)
        closedir(d);
    rmdir(dir);
    free(dir);
}

/* Item 7: the report's HTML, GeoJSON and KML (or engage's and trajectory's files) were replaced
 * one by one, so a later failure left a mix of new and old files. */
static void a_set_whose_last_file_fails_replaces_none_of_the_earlier_files(void **state)
{
    (void)state;
    char *dir = fresh_dir(), a[256], b[256];
    snprintf(a, sizeof a, "%s/report.geojson", dir);
    snprintf(b, sizeof b, "%s/report.kml", dir);
    bmd_error err;
    assert_int_equal(bmd_atomic_write_string(a, "old a", &err), BMD_SUCCESS);
    assert_int_equal(bmd_atomic_write_string(b, "old b", &err), BMD_SUCCESS);
    bmd_output_set *set;
    int ia, ib;
    assert_int_equal(bmd_output_set_new(&set, &err), BMD_SUCCESS);
    assert_int_equal(bmd_output_set_add(set, a, 0, &ia, &err), BMD_SUCCESS);
    assert_int_equal(bmd_output_set_add(set, b, 0, &ib, &err), BMD_SUCCESS);
    assert_int_equal(bmd_output_set_write_string(set, ia, "new a", &err), BMD_SUCCESS);
    assert_int_equal(bmd_output_set_write(set, ib, failing_writer, NULL, &err), BMD_EINVAL);
    /* the commit refuses a set with a file not written, and nothing is replaced */
    assert_int_equal(bmd_output_set_commit(set, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "report.kml"));
    bmd_output_set_free(set);
    assert_string_equal(content(a), "old a");
    assert_string_equal(content(b), "old b");
    assert_int_equal(entries(dir), 2); /* no temporaries left */
    /* the same set written completely replaces both */
    assert_int_equal(bmd_output_set_new(&set, &err), BMD_SUCCESS);
    assert_int_equal(bmd_output_set_add(set, a, 0, &ia, &err), BMD_SUCCESS);
    assert_int_equal(bmd_output_set_add(set, b, 0, &ib, &err), BMD_SUCCESS);
    assert_int_equal(bmd_output_set_write_string(set, ia, "new a", &err), BMD_SUCCESS);
    assert_int_equal(bmd_output_set_write_string(set, ib, "new b", &err), BMD_SUCCESS);
    assert_int_equal(entries(dir), 4); /* two targets, two temporaries */
    assert_int_equal(bmd_output_set_commit(set, &err), BMD_SUCCESS);
    bmd_output_set_free(set);
    assert_string_equal(content(a), "new a");
    assert_string_equal(content(b), "new b");
    assert_int_equal(entries(dir), 2);
    remove_dir(dir);
}

/* Item 8: `report -o ''` and `-o DIR/` wrote FILE.geojson/FILE.kml into the current folder, and
 * only after the analysis. Adding the path to a set (before any work) refuses it. */
static void an_output_path_that_names_a_folder_is_refused_when_added(void **state)
{
    (void)state;
    char *dir = fresh_dir(), slash[256];
    snprintf(slash, sizeof slash, "%s/", dir);
    bmd_output_set *set;
    bmd_error err;
    assert_int_equal(bmd_output_set_new(&set, &err), BMD_SUCCESS);
    assert_int_equal(bmd_output_set_add(set, "", 0, NULL, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "empty"));
    assert_int_equal(bmd_output_set_add(set, slash, 0, NULL, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "names a folder"));
    assert_int_equal(bmd_output_set_add(set, dir, 0, NULL, &err), BMD_EINVAL); /* an existing folder */
    assert_non_null(strstr(err.message, "is a folder"));
    char twice[256];
    snprintf(twice, sizeof twice, "%s/x.kml", dir);
    assert_int_equal(bmd_output_set_add(set, twice, 0, NULL, &err), BMD_SUCCESS);
    assert_int_equal(bmd_output_set_add(set, twice, 0, NULL, &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "twice"));
    bmd_output_set_free(set);
    assert_int_equal(entries(dir), 0);
    remove_dir(dir);
}

/* Item 9: output was renamed over whatever was at the path — a FIFO, a device (as root it
 * replaced /dev/full), a symbolic link leading anywhere. */
static void a_fifo_a_device_or_a_link_out_of_the_folder_is_refused_and_left_alone(void **state)
{
    (void)state;
    char *dir = fresh_dir(), fifo[256], out_link[256], dangling[256], in_link[256], real[256];
    snprintf(fifo, sizeof fifo, "%s/fifo", dir);
    snprintf(out_link, sizeof out_link, "%s/out-link", dir);
    snprintf(dangling, sizeof dangling, "%s/dangling", dir);
    snprintf(in_link, sizeof in_link, "%s/in-link", dir);
    snprintf(real, sizeof real, "%s/real.txt", dir);
    assert_int_equal(mkfifo(fifo, 0644), 0);
    assert_int_equal(symlink("/etc/hostname", out_link), 0);
    assert_int_equal(symlink("nowhere", dangling), 0);
    bmd_error err;
    assert_int_equal(bmd_atomic_write_string(fifo, "x", &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "a FIFO"));
    assert_int_equal(bmd_atomic_write_string("/dev/null", "x", &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "a device"));
    assert_int_equal(bmd_atomic_write_string(out_link, "x", &err), BMD_EINVAL);
    assert_non_null(strstr(err.message, "out of its folder"));
    assert_int_equal(bmd_atomic_write_string(dangling, "x", &err), BMD_EINVAL);
    struct stat st;
    assert_int_equal(lstat(fifo, &st), 0);
    assert_true(S_ISFIFO(st.st_mode));
    assert_int_equal(lstat(out_link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    /* a link to a regular file in the same folder: the file is replaced, the link kept */
    assert_int_equal(bmd_atomic_write_string(real, "old", &err), BMD_SUCCESS);
    assert_int_equal(symlink("real.txt", in_link), 0);
    assert_int_equal(bmd_atomic_write_string(in_link, "new", &err), BMD_SUCCESS);
    assert_int_equal(lstat(in_link, &st), 0);
    assert_true(S_ISLNK(st.st_mode));
    assert_string_equal(content(real), "new");
    assert_int_equal(entries(dir), 5); /* nothing else, no temporary */
    remove_dir(dir);
}

/* Item 10: the trajectory CSV had its own writer (mode 0600, no fsync). Every output now goes
 * through one module: a new file gets 0666 less the umask, a replaced file keeps its mode. */
static void a_new_file_gets_the_umask_mode_and_a_replaced_file_keeps_its_mode(void **state)
{
    (void)state;
    char *dir = fresh_dir(), path[256];
    snprintf(path, sizeof path, "%s/t.csv", dir);
    mode_t old = umask(022);
    bmd_error err;
    assert_int_equal(bmd_atomic_write_string(path, "a", &err), BMD_SUCCESS);
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    printf("new file: expected mode 0644, got %04o\n", (unsigned)(st.st_mode & 07777));
    assert_int_equal(st.st_mode & 07777, 0644);
    assert_int_equal(chmod(path, 0600), 0);
    assert_int_equal(bmd_atomic_write_string(path, "b", &err), BMD_SUCCESS);
    assert_int_equal(stat(path, &st), 0);
    printf("replaced file: expected mode 0600, got %04o\n", (unsigned)(st.st_mode & 07777));
    assert_int_equal(st.st_mode & 07777, 0600);
    umask(old);
    remove_dir(dir);
}

/* Item 11: an interrupted report left its temporaries. The handler's call (discard, async-
 * signal-safe) removes them, and folders the set created; the targets stay as they were. */
static void discarding_a_set_removes_its_temporaries_and_the_folder_it_created(void **state)
{
    (void)state;
    char *dir = fresh_dir(), kept[256], sub[256], inner[256];
    snprintf(kept, sizeof kept, "%s/kept.html", dir);
    snprintf(sub, sizeof sub, "%s/new-folder", dir);
    snprintf(inner, sizeof inner, "%s/new-folder/r.html", dir);
    bmd_error err;
    assert_int_equal(bmd_atomic_write_string(kept, "previous", &err), BMD_SUCCESS);
    bmd_output_set *set;
    int i, j;
    assert_int_equal(bmd_output_set_new(&set, &err), BMD_SUCCESS);
    assert_int_equal(bmd_output_set_add(set, kept, 0, &i, &err), BMD_SUCCESS);
    assert_int_equal(bmd_output_set_add(set, inner, BMD_OUTPUT_CREATE_DIR, &j, &err),
                     BMD_SUCCESS);
    assert_int_equal(access(sub, F_OK), -1); /* checked, not created yet */
    assert_int_equal(bmd_output_set_write_string(set, i, "new", &err), BMD_SUCCESS);
    assert_int_equal(bmd_output_set_write_string(set, j, "new", &err), BMD_SUCCESS);
    assert_int_equal(entries(dir), 3); /* kept.html, its temporary, new-folder */
    bmd_output_set_discard(set);
    assert_int_equal(entries(dir), 1);
    assert_string_equal(content(kept), "previous");
    assert_int_equal(bmd_output_set_commit(set, &err), BMD_EINVAL); /* discarded: unusable */
    bmd_output_set_free(set);
    remove_dir(dir);
}

/* One writer process of the concurrency test: rounds sets of (a, b) both holding id. */
static void write_sets(const char *a, const char *b, const char *id, int rounds)
{
    for (int r = 0; r < rounds; r++) {
        bmd_output_set *set;
        bmd_error err;
        int i, j;
        if (bmd_output_set_new(&set, &err) || bmd_output_set_add(set, a, 0, &i, &err) ||
            bmd_output_set_add(set, b, 0, &j, &err) ||
            bmd_output_set_write_string(set, i, id, &err) ||
            bmd_output_set_write_string(set, j, id, &err) || bmd_output_set_commit(set, &err))
            _exit(1);
        bmd_output_set_free(set);
    }
    _exit(0);
}

/* Item 12: two runs into one folder could interleave their sets. Commits hold the folder's lock
 * for all their renames, so a reader holding the lock always finds one run's complete set. */
static void two_runs_writing_one_folder_never_leave_a_mixed_set(void **state)
{
    (void)state;
    char *dir = fresh_dir(), a[256], b[256];
    snprintf(a, sizeof a, "%s/r.geojson", dir);
    snprintf(b, sizeof b, "%s/r.kml", dir);
    bmd_error err;
    assert_int_equal(bmd_atomic_write_string(a, "0", &err), BMD_SUCCESS);
    assert_int_equal(bmd_atomic_write_string(b, "0", &err), BMD_SUCCESS);
    pid_t p1 = fork();
    if (p1 == 0)
        write_sets(a, b, "1", 150);
    pid_t p2 = fork();
    if (p2 == 0)
        write_sets(a, b, "2", 150);
    int mixed = 0, looks = 0;
    int fd = open(dir, O_RDONLY | O_DIRECTORY);
    assert_true(fd >= 0);
    for (int alive = 2; alive > 0;) {
        char x[8], y[8];
        assert_int_equal(flock(fd, LOCK_SH), 0); /* between two commits */
        snprintf(x, sizeof x, "%s", content(a));
        snprintf(y, sizeof y, "%s", content(b));
        flock(fd, LOCK_UN);
        mixed += strcmp(x, y) != 0;
        looks++;
        alive = 0;
        alive += waitpid(p1, NULL, WNOHANG) == 0;
        alive += waitpid(p2, NULL, WNOHANG) == 0;
    }
    close(fd);
    printf("%d looks at the folder during 300 commits: %d mixed sets (expected 0)\n", looks, mixed);
    assert_int_equal(mixed, 0);
    assert_string_equal(content(a), content(b));
    assert_int_equal(entries(dir), 2);
    remove_dir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(a_successful_write_leaves_the_file_and_no_temporary),
        cmocka_unit_test(a_write_into_a_missing_directory_fails_with_eio_naming_the_path),
        cmocka_unit_test(a_failing_writer_leaves_no_file_and_keeps_an_existing_target),
        cmocka_unit_test(an_empty_or_null_path_is_an_invalid_argument),
        cmocka_unit_test(a_set_whose_last_file_fails_replaces_none_of_the_earlier_files),
        cmocka_unit_test(an_output_path_that_names_a_folder_is_refused_when_added),
        cmocka_unit_test(a_fifo_a_device_or_a_link_out_of_the_folder_is_refused_and_left_alone),
        cmocka_unit_test(a_new_file_gets_the_umask_mode_and_a_replaced_file_keeps_its_mode),
        cmocka_unit_test(discarding_a_set_removes_its_temporaries_and_the_folder_it_created),
        cmocka_unit_test(two_runs_writing_one_folder_never_leave_a_mixed_set),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
