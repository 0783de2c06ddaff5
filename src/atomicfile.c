/* atomicfile: temporary file + fsync + rename; see atomicfile.h. */
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

static int fail(atomic_file *a, const char *what)
{
    diag(DIAG_ERROR, UNSPIN_EXIT_SYSERR, (diag_loc){a->target, 0, 0}, "%s: %s; file left unchanged",
         what, strerror(errno));
    unlink(a->tmp);
    release(a);
    return -1;
}

int atomic_commit(atomic_file *a, const char *backup_suffix)
{
    int err = fflush(a->fp) != 0 || ferror(a->fp);
    err |= fsync(fileno(a->fp)) != 0;
    int saved = errno;
    err |= fclose(a->fp) != 0;
    a->fp = NULL;
    if (err) {
        errno = saved;
        return fail(a, "write error");
    }
    if (chmod(a->tmp, a->mode) != 0)
        return fail(a, "cannot set permissions");
    if (backup_suffix && a->had_target) {
        buf b = BUF_INIT;
        buf_printf(&b, "%s%s", a->target, backup_suffix);
        /* A hard link keeps the old inode as the backup at no copy cost. */
        unlink(b.data);
        int ok = link(a->target, b.data) == 0;
        buf_free(&b);
        if (!ok)
            return fail(a, "cannot make the backup");
    }
    if (rename(a->tmp, a->target) != 0)
        return fail(a, "cannot replace the file");
    /* Make the rename itself durable. */
    buf dir = BUF_INIT;
    const char *slash = strrchr(a->target, '/');
    if (slash)
        buf_put(&dir, a->target, (size_t)(slash - a->target) + 1);
    else
        buf_putc(&dir, '.');
    int dfd = open(dir.data, O_RDONLY);
    if (dfd >= 0) {
        fsync(dfd);
        close(dfd);
    }
    buf_free(&dir);
    release(a);
    return 0;
}
