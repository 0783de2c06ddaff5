/* atomicfile: temporary file + fsync + rename; see atomicfile.h. */
#ifdef __linux__
#define _GNU_SOURCE   /* sync_file_range(2) */
#endif
#include "atomicfile.h"
#include "buf.h"
#include "diag.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct atomic_file {
    char *target;   /* the real file; owned */
    char *tmp;      /* the temporary beside it; owned */
    FILE *fp;
    int had_target;
    mode_t mode;
};

/* The process's umask, read once: reading it means setting it, which must
 * not happen while other threads create files. */
static mode_t saved_umask;
static pthread_once_t umask_once = PTHREAD_ONCE_INIT;
static void read_umask(void)
{
    saved_umask = umask(0);
    umask(saved_umask);
}

/* Resolves symlinks in the last component only, so that a missing target
 * (a new file) still works. Returns an owned path. */
static char *resolve(const char *path)
{
    char *p = xstrdup(path);
    for (int hops = 0; hops < 40; hops++) {
        struct stat st;
        if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode))
            return p;
        buf link = BUF_INIT;
        buf_reserve(&link, (size_t)st.st_size + 2);
        ssize_t n = readlink(p, link.data, (size_t)st.st_size + 1);
        if (n < 0) {
            buf_free(&link);
            return p;
        }
        link.len = (size_t)n;
        link.data[n] = '\0';
        if (link.data[0] != '/') {
            /* Relative to the link's directory. */
            const char *slash = strrchr(p, '/');
            buf joined = BUF_INIT;
            if (slash)
                buf_put(&joined, p, (size_t)(slash - p) + 1);
            buf_put(&joined, link.data, link.len);
            buf_free(&link);
            link = joined;
        }
        free(p);
        p = buf_detach(&link);
    }
    return p;
}

atomic_file *atomic_open(const char *path)
{
    atomic_file *a = xcalloc(1, sizeof *a);
    a->target = resolve(path);
    struct stat st;
    if (stat(a->target, &st) == 0) {
        a->had_target = 1;
        a->mode = st.st_mode & 07777;
    } else {
        pthread_once(&umask_once, read_umask);
        a->mode = 0666 & ~saved_umask;
    }
    buf t = BUF_INIT;
    const char *slash = strrchr(a->target, '/');
    if (slash)
        buf_put(&t, a->target, (size_t)(slash - a->target) + 1);
    buf_printf(&t, ".%s.unspin-XXXXXX", slash ? slash + 1 : a->target);
    a->tmp = buf_detach(&t);
    int fd = mkstemp(a->tmp);
    if (fd < 0) {
        diag(DIAG_ERROR, UNSPIN_EXIT_SYSERR, (diag_loc){path, 0, 0},
             "cannot create a temporary file beside it: %s", strerror(errno));
        free(a->tmp);
        free(a->target);
        free(a);
        return NULL;
    }
    a->fp = fdopen(fd, "wb");
    if (!a->fp)
        diag_fatal(UNSPIN_EXIT_SYSERR, "fdopen: %s", strerror(errno));
    return a;
}

FILE *atomic_stream(atomic_file *a)
{
    return a->fp;
}

const char *atomic_target(const atomic_file *a)
{
    return a->target;
}

static void release(atomic_file *a)
{
    free(a->tmp);
    free(a->target);
    free(a);
}

void atomic_abort(atomic_file *a)
{
    if (a->fp)
        fclose(a->fp);
    unlink(a->tmp);
    release(a);
}

/* Reports why a's replacement failed and removes its temporary file. */
static void fail(atomic_file *a, const char *what)
{
    diag(DIAG_ERROR, UNSPIN_EXIT_SYSERR, (diag_loc){a->target, 0, 0}, "%s: %s; file left unchanged",
         what, strerror(errno));
    unlink(a->tmp);
}

/*
 * Fault injection for the tests: UNSPIN_FAULT=commit-after-N makes the
 * process die (_exit(99), no clean-up) when it is about to replace a file
 * after N replacements, leaving that file's temporary half written: what a
 * crash or a kill at the worst moment leaves behind.
 */
static void maybe_die(atomic_file *a)
{
    static long left = -2;
    if (left == -2) {
        const char *f = getenv("UNSPIN_FAULT");
        left = f && strncmp(f, "commit-after-", 13) == 0 ? strtol(f + 13, NULL, 10) : -1;
    }
    if (left < 0)
        return;
    if (left-- == 0) {
        struct stat st;
        if (stat(a->tmp, &st) == 0 && truncate(a->tmp, st.st_size / 2) != 0)
            _exit(98);
        _exit(99);
    }
}

static int dirname_len(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? (int)(slash - path) + 1 : 0;
}

size_t atomic_commit_many(atomic_file **v, size_t n, const char *backup_suffix, int *ok)
{
    for (size_t i = 0; i < n; i++)
        ok[i] = fflush(v[i]->fp) == 0 && !ferror(v[i]->fp);
    /*
     * Linux, many files: write every file's data out and wait for it
     * (sync_file_range), then one fsync(2) commits the file system's journal
     * with the metadata of them all and flushes the disk's cache, as git's
     * core.fsyncMethod=batch does; an fsync each would wait for a journal
     * commit per file. Elsewhere, or when that fails, each file is fsync'ed.
     */
    unsigned char *synced = xcalloc(n, 1);
#ifdef __linux__
    if (n > 1) {
        for (size_t i = 0; i < n; i++)
            if (ok[i])
                sync_file_range(fileno(v[i]->fp), 0, 0, SYNC_FILE_RANGE_WRITE);
        size_t last = n;
        for (size_t i = 0; i < n; i++)
            if (ok[i] && sync_file_range(fileno(v[i]->fp), 0, 0, SYNC_FILE_RANGE_WAIT_BEFORE |
                                         SYNC_FILE_RANGE_WRITE | SYNC_FILE_RANGE_WAIT_AFTER) == 0) {
                synced[i] = 1;
                last = i;
            }
        if (last == n || fsync(fileno(v[last]->fp)) != 0)
            memset(synced, 0, n);
    }
#endif
    for (size_t i = 0; i < n; i++) {
        atomic_file *a = v[i];
        int saved = errno;
        if (ok[i] && !synced[i] && fsync(fileno(a->fp)) != 0) {
            ok[i] = 0;
            saved = errno;
        }
        if (fclose(a->fp) != 0 && ok[i]) {
            ok[i] = 0;
            saved = errno;
        }
        a->fp = NULL;
        errno = saved;
        if (!ok[i]) {
            fail(a, "write error");
            continue;
        }
        if (chmod(a->tmp, a->mode) != 0) {
            ok[i] = 0;
            fail(a, "cannot set permissions");
        }
    }
    size_t failed = 0;
    for (size_t i = 0; i < n; i++) {
        atomic_file *a = v[i];
        if (!ok[i]) {
            failed++;
            continue;
        }
        if (backup_suffix && a->had_target) {
            buf b = BUF_INIT;
            buf_printf(&b, "%s%s", a->target, backup_suffix);
            /* A hard link keeps the old inode as the backup at no copy cost. */
            unlink(b.data);
            ok[i] = link(a->target, b.data) == 0;
            buf_free(&b);
            if (!ok[i]) {
                fail(a, "cannot make the backup");
                failed++;
                continue;
            }
        }
        maybe_die(a);
        if (rename(a->tmp, a->target) != 0) {
            ok[i] = 0;
            fail(a, "cannot replace the file");
            failed++;
        }
    }
    /* Make the renames durable: each directory once. */
    for (size_t i = 0; i < n; i++) {
        int dl = dirname_len(v[i]->target), seen = 0;
        for (size_t j = 0; j < i && !seen; j++)
            seen = ok[j] && dirname_len(v[j]->target) == dl && memcmp(v[i]->target, v[j]->target, (size_t)dl) == 0;
        if (!ok[i] || seen)
            continue;
        buf dir = BUF_INIT;
        if (dl)
            buf_put(&dir, v[i]->target, (size_t)dl);
        else
            buf_putc(&dir, '.');
        int dfd = open(dir.data, O_RDONLY);
        if (dfd >= 0) {
            fsync(dfd);
            close(dfd);
        }
        buf_free(&dir);
    }
    for (size_t i = 0; i < n; i++)
        release(v[i]);
    free(synced);
    return failed;
}

int atomic_commit(atomic_file *a, const char *backup_suffix)
{
    int ok;
    return atomic_commit_many(&a, 1, backup_suffix, &ok) ? -1 : 0;
}
