/* Sets of output files written all-or-nothing (bmd/atomic_file.h): checked targets, unique
 * temporaries in the targets' folders, fsync, then every rename under one lock per folder. */
#include <errno.h>
#include <limits.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "bmd/atomic_file.h"

/* Longest file-name part of a target copied into its temporary's name (NAME_MAX is 255). */
#define TMP_BASE_MAX 200

/* One file of a set. The fields read by bmd_output_set_discard (tmp, has_tmp, dir, made_dir)
 * are complete before the flag that makes them visible is set. */
typedef struct out_file {
    char *path;    /* as given */
    char *target;  /* what is renamed over: path, or the regular file a same-folder link names */
    char *dir;     /* folder of target */
    char *tmp;     /* the temporary's name (buffer sized on add) */
    int dir_missing, existed;
    mode_t mode;   /* permission bits of the existing target */
    volatile sig_atomic_t has_tmp, made_dir;
} out_file;

struct bmd_output_set {
    out_file files[BMD_OUTPUT_SET_MAX];
    volatile sig_atomic_t n;
    volatile sig_atomic_t done; /* committed or discarded */
};

/* A copy of the first n bytes of s, or NULL. */
static char *dup_n(const char *s, size_t n)
{
    char *c = malloc(n + 1);
    if (c) {
        memcpy(c, s, n);
        c[n] = '\0';
    }
    return c;
}

/* The folder of path ("." for a bare name, "/" for a file in the root), or NULL (memory). */
static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return dup_n(".", 1);
    if (slash == path)
        return dup_n("/", 1);
    return dup_n(path, (size_t)(slash - path));
}

/* The file-name part of path. */
static const char *base_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* What a non-regular file is, for messages. */
static const char *kind_of(mode_t m)
{
    if (S_ISDIR(m))
        return "a folder";
    if (S_ISFIFO(m))
        return "a FIFO";
    if (S_ISCHR(m) || S_ISBLK(m))
        return "a device";
    if (S_ISSOCK(m))
        return "a socket";
    if (S_ISLNK(m))
        return "a symbolic link";
    return "not a regular file";
}

/* Check that dir is an existing folder this process may create files in. */
static int check_folder(const char *path, const char *dir, bmd_error *err)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return bmd_error_set(err, BMD_EIO, "cannot create '%s': folder '%s': %s", path, dir,
                             strerror(errno));
    if (!S_ISDIR(st.st_mode))
        return bmd_error_set(err, BMD_EIO, "cannot create '%s': '%s' is not a folder", path,
                             dir);
    if (access(dir, W_OK | X_OK) != 0)
        return bmd_error_set(err, BMD_EIO, "cannot write into the folder '%s' (for '%s'): %s",
                             dir, path, strerror(errno));
    return BMD_SUCCESS;
}

/* A symbolic link at path: accepted when it names a regular file in the same folder, whose real
 * path is stored in f->target. */
static int resolve_link(const char *path, out_file *f, bmd_error *err)
{
    char *real = realpath(path, NULL), *real_dir = realpath(f->dir, NULL);
    int st = BMD_SUCCESS;
    struct stat s;
    if (!real) {
        st = bmd_error_set(err, BMD_EINVAL, "'%s' is a symbolic link to nothing (%s): refusing "
                           "to write through it", path, strerror(errno));
    } else if (stat(real, &s) != 0 || !S_ISREG(s.st_mode)) {
        st = bmd_error_set(err, BMD_EINVAL, "'%s' is a symbolic link to '%s', which is not a "
                           "regular file: refusing to replace it", path, real);
    } else {
        char *link_dir = folder_of(real);
        if (!link_dir || !real_dir)
            st = bmd_error_set(err, BMD_ENOMEM, "out of memory checking '%s'", path);
        else if (strcmp(link_dir, real_dir) != 0)
            st = bmd_error_set(err, BMD_EINVAL, "'%s' is a symbolic link out of its folder (to "
                               "'%s'): refusing to follow it", path, real);
        free(link_dir);
        if (!st) {
            f->existed = 1;
            f->mode = s.st_mode & 07777;
            free(f->target);
            f->target = real;
            real = NULL;
        }
    }
    free(real);
    free(real_dir);
    return st;
}

/* Check path and fill f (see bmd_output_set_add). */
static int check_target(const char *path, int flags, out_file *f, bmd_error *err)
{
    if (!path || !*path)
        return bmd_error_set(err, BMD_EINVAL, "output path is empty (a file name is required)");
    const char *base = base_of(path);
    if (!*base || !strcmp(base, ".") || !strcmp(base, ".."))
        return bmd_error_set(err, BMD_EINVAL, "output path '%s' names a folder: give a file "
                             "name", path);
    f->path = dup_n(path, strlen(path));
    f->target = dup_n(path, strlen(path));
    f->dir = folder_of(path);
    if (!f->path || !f->target || !f->dir)
        return bmd_error_set(err, BMD_ENOMEM, "out of memory for the output '%s'", path);
    struct stat st;
    if (lstat(path, &st) == 0) {
        if (S_ISLNK(st.st_mode)) {
            int s = resolve_link(path, f, err);
            if (s)
                return s;
        } else if (!S_ISREG(st.st_mode)) {
            return bmd_error_set(err, BMD_EINVAL, "'%s' is %s, not a regular file: refusing to "
                                 "replace it", path, kind_of(st.st_mode));
        } else {
            f->existed = 1;
            f->mode = st.st_mode & 07777;
        }
    } else if (errno != ENOENT) {
        /* the reason first; the path whole (messages hold BMD_ERROR_MESSAGE_SIZE bytes), or
         * only its length when it is longer than any path the system opens */
        const size_t len = strlen(path);
        if (len >= PATH_MAX)
            return bmd_error_set(err, BMD_EIO, "cannot use the output path: it is %zu bytes "
                                 "long, the system's limit is %d (%s)", len, PATH_MAX - 1,
                                 strerror(errno));
        return bmd_error_set(err, BMD_EIO, "cannot use the output path of %zu bytes (%s): "
                             "'%s'", len, strerror(errno), path);
    }
    if ((flags & BMD_OUTPUT_CREATE_DIR) && !f->existed) {
        struct stat d;
        if (stat(f->dir, &d) != 0 && errno == ENOENT) {
            char *parent = folder_of(f->dir);
            int s = parent ? check_folder(f->dir, parent, err)
                           : bmd_error_set(err, BMD_ENOMEM, "out of memory for '%s'", path);
            free(parent);
            f->dir_missing = 1;
            return s;
        }
    }
    return check_folder(path, f->dir, err);
}

/* Free the strings of f. */
static void clear_file(out_file *f)
{
    free(f->path);
    free(f->target);
    free(f->dir);
    free(f->tmp);
    memset(f, 0, sizeof *f);
}

int bmd_output_set_new(bmd_output_set **set, bmd_error *err)
{
    if (!set)
        return bmd_error_set(err, BMD_EINVAL, "no output set to fill (NULL)");
    *set = calloc(1, sizeof **set);
    return *set ? BMD_SUCCESS : bmd_error_set(err, BMD_ENOMEM, "out of memory for an output set");
}

int bmd_output_set_add(bmd_output_set *set, const char *path, int flags, int *index,
                       bmd_error *err)
{
    if (!set)
        return bmd_error_set(err, BMD_EINVAL, "no output set (NULL)");
    if (set->done)
        return bmd_error_set(err, BMD_EINVAL, "the output set was already committed or "
                             "discarded");
    if (set->n >= BMD_OUTPUT_SET_MAX)
        return bmd_error_set(err, BMD_EINVAL, "at most %d files per output set",
                             BMD_OUTPUT_SET_MAX);
    out_file f = {0};
    int st = check_target(path, flags, &f, err);
    for (int i = 0; i < set->n && !st; i++)
        if (!strcmp(set->files[i].target, f.target))
            st = bmd_error_set(err, BMD_EINVAL, "'%s' is given twice as an output", path);
    if (!st) {
        size_t base = strlen(base_of(f.target));
        f.tmp = malloc(strlen(f.dir) + (base > TMP_BASE_MAX ? TMP_BASE_MAX : base) + 32);
        if (!f.tmp)
            st = bmd_error_set(err, BMD_ENOMEM, "out of memory for the output '%s'", path);
    }
    if (st) {
        clear_file(&f);
        return st;
    }
    set->files[set->n] = f;
    atomic_signal_fence(memory_order_seq_cst);
    if (index)
        *index = set->n;
    set->n = set->n + 1;
    return BMD_SUCCESS;
}

/* 32 random bits for a temporary's name. */
static uint32_t random_bits(const void *salt)
{
    uint32_t r;
    if (getrandom(&r, sizeof r, GRND_NONBLOCK) == (ssize_t)sizeof r)
        return r;
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (uint32_t)ts.tv_nsec ^ (uint32_t)getpid() << 8 ^ (uint32_t)(uintptr_t)salt;
}

/* Remove file f's temporary, if any. */
static void drop_tmp(out_file *f)
{
    if (f->has_tmp) {
        f->has_tmp = 0;
        atomic_signal_fence(memory_order_seq_cst);
        unlink(f->tmp);
    }
}

/* Create f's temporary (O_EXCL, a fresh random name each try). Returns the descriptor, or -1
 * with errno set. */
static int create_tmp(out_file *f)
{
    const char *base = base_of(f->target);
    int len = (int)strlen(base) > TMP_BASE_MAX ? TMP_BASE_MAX : (int)strlen(base);
    for (int attempt = 0; attempt < 64; attempt++) {
        snprintf(f->tmp, strlen(f->dir) + (size_t)len + 32, "%s/%.*s.tmp.%08x", f->dir, len,
                 base, (unsigned)random_bits(f));
        atomic_signal_fence(memory_order_seq_cst);
        f->has_tmp = 1; /* before the file exists: a signal now removes at most a missing name */
        atomic_signal_fence(memory_order_seq_cst);
        int fd = open(f->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW,
                      f->existed ? 0600 : 0666);
        if (fd >= 0)
            return fd;
        int e = errno;
        f->has_tmp = 0;
        atomic_signal_fence(memory_order_seq_cst);
        if (e != EEXIST) {
            errno = e;
            return -1;
        }
    }
    errno = EEXIST;
    return -1;
}

int bmd_output_set_write(bmd_output_set *set, int index, bmd_write_fn write, void *context,
                         bmd_error *err)
{
    if (!set || index < 0 || index >= set->n || !write)
        return bmd_error_set(err, BMD_EINVAL, "no output set, writer or file %d", index);
    if (set->done)
        return bmd_error_set(err, BMD_EINVAL, "the output set was already committed or "
                             "discarded");
    out_file *f = &set->files[index];
    drop_tmp(f);
    if (f->dir_missing && !f->made_dir) {
        if (mkdir(f->dir, 0777) == 0)
            f->made_dir = 1;
        else if (errno != EEXIST)
            return bmd_error_set(err, BMD_EIO, "cannot create the folder '%s': %s", f->dir,
                                 strerror(errno));
    }
    int fd = create_tmp(f);
    if (fd < 0)
        return bmd_error_set(err, BMD_EIO, "cannot create '%s': %s", f->path, strerror(errno));
    if (f->existed)
        (void)fchmod(fd, f->mode); /* the replaced file's permission bits */
    FILE *out = fdopen(fd, "w");
    if (!out) {
        int e = errno;
        close(fd);
        drop_tmp(f);
        return bmd_error_set(err, BMD_EIO, "cannot write '%s': %s", f->path, strerror(e));
    }
    errno = 0;
    int st = write(out, context, err), e = 0;
    if (!st && (ferror(out) || fflush(out) != 0))
        e = errno ? errno : EIO;
    if (!st && !e && fsync(fileno(out)) != 0)
        e = errno;
    if (fclose(out) != 0 && !st && !e)
        e = errno ? errno : EIO;
    if (st || e) {
        drop_tmp(f);
        return st ? st : bmd_error_set(err, BMD_EIO, "cannot write '%s': %s (nothing was "
                                       "replaced)", f->path, strerror(e));
    }
    return BMD_SUCCESS;
}

/* The bmd_write_fn of a NUL-terminated text. */
static int write_text(FILE *out, void *context, bmd_error *err)
{
    (void)err;
    fputs((const char *)context, out);
    return BMD_SUCCESS;
}

int bmd_output_set_write_string(bmd_output_set *set, int index, const char *text,
                                bmd_error *err)
{
    if (!text)
        return bmd_error_set(err, BMD_EINVAL, "no text to write to '%s'",
                             bmd_output_set_path(set, index) ? bmd_output_set_path(set, index)
                                                             : "(no file)");
    return bmd_output_set_write(set, index, write_text, (void *)text, err);
}

/* An open, locked folder of the commit. */
typedef struct locked_dir {
    int fd;
    dev_t dev;
    ino_t ino;
} locked_dir;

/* Order of locking: by device and inode, so that two commits never wait for each other. */
static int by_inode(const void *a, const void *b)
{
    const locked_dir *x = a, *y = b;
    if (x->dev != y->dev)
        return x->dev < y->dev ? -1 : 1;
    return x->ino < y->ino ? -1 : x->ino > y->ino;
}

/* Open and lock every folder of the set; returns how many are held in dirs. */
static int lock_folders(const bmd_output_set *set, locked_dir *dirs)
{
    int n = 0;
    for (int i = 0; i < set->n; i++) {
        int fd = open(set->files[i].dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        struct stat st;
        if (fd < 0)
            continue;
        if (fstat(fd, &st) != 0) {
            close(fd);
            continue;
        }
        int dup = 0;
        for (int k = 0; k < n; k++)
            dup |= dirs[k].dev == st.st_dev && dirs[k].ino == st.st_ino;
        if (dup)
            close(fd);
        else
            dirs[n++] = (locked_dir){fd, st.st_dev, st.st_ino};
    }
    qsort(dirs, (size_t)n, sizeof *dirs, by_inode);
    for (int k = 0; k < n; k++)
        while (flock(dirs[k].fd, LOCK_EX) != 0 && errno == EINTR) {
        } /* other failures (a file system without locks): go on unlocked */
    return n;
}

/* Whether target is still what bmd_output_set_add accepted (missing, or a regular file). */
static int recheck(const out_file *f, bmd_error *err)
{
    struct stat st;
    if (lstat(f->target, &st) != 0)
        return errno == ENOENT ? BMD_SUCCESS
                               : bmd_error_set(err, BMD_EIO, "cannot use '%s': %s", f->path,
                                               strerror(errno));
    if (!S_ISREG(st.st_mode))
        return bmd_error_set(err, BMD_EINVAL, "'%s' became %s while bmdsim ran: refusing to "
                             "replace it (nothing was replaced)", f->path, kind_of(st.st_mode));
    return BMD_SUCCESS;
}

int bmd_output_set_commit(bmd_output_set *set, bmd_error *err)
{
    if (!set)
        return bmd_error_set(err, BMD_EINVAL, "no output set (NULL)");
    if (set->done)
        return bmd_error_set(err, BMD_EINVAL, "the output set was already committed or "
                             "discarded");
    for (int i = 0; i < set->n; i++)
        if (!set->files[i].has_tmp)
            return bmd_error_set(err, BMD_EINVAL, "'%s' was not written: nothing was replaced",
                                 set->files[i].path);
    locked_dir dirs[BMD_OUTPUT_SET_MAX];
    const int n_dirs = lock_folders(set, dirs);
    int st = BMD_SUCCESS, renamed = 0;
    for (int i = 0; i < set->n && !st; i++)
        st = recheck(&set->files[i], err);
    for (int i = 0; i < set->n && !st; i++) {
        out_file *f = &set->files[i];
        if (rename(f->tmp, f->target) != 0) {
            int e = errno;
            st = renamed ? bmd_error_set(err, BMD_EIO, "cannot replace '%s': %s (the %d file%s "
                                         "before it in the set were replaced)", f->path,
                                         strerror(e), renamed, renamed == 1 ? "" : "s")
                         : bmd_error_set(err, BMD_EIO, "cannot replace '%s': %s (nothing was "
                                         "replaced)", f->path, strerror(e));
            break;
        }
        f->has_tmp = 0;
        renamed++;
    }
    for (int k = 0; k < n_dirs; k++) {
        if (!st)
            (void)fsync(dirs[k].fd); /* the renames themselves durable (best effort) */
        close(dirs[k].fd);        /* releases the lock */
    }
    if (st) {
        for (int i = 0; i < set->n; i++)
            drop_tmp(&set->files[i]);
        return st;
    }
    set->done = 1;
    return BMD_SUCCESS;
}

void bmd_output_set_discard(bmd_output_set *set)
{
    if (!set || set->done)
        return;
    set->done = 1;
    for (int i = 0; i < set->n; i++) {
        out_file *f = &set->files[i];
        if (f->has_tmp) {
            f->has_tmp = 0;
            unlink(f->tmp);
        }
        if (f->made_dir) {
            f->made_dir = 0;
            rmdir(f->dir); /* only when empty */
        }
    }
}

void bmd_output_set_free(bmd_output_set *set)
{
    if (!set)
        return;
    bmd_output_set_discard(set);
    for (int i = 0; i < set->n; i++)
        clear_file(&set->files[i]);
    free(set);
}

const char *bmd_output_set_path(const bmd_output_set *set, int index)
{
    return set && index >= 0 && index < set->n ? set->files[index].path : NULL;
}
