/* walk: command-line inputs to a list of files (see walk.h). */
#include "walk.h"
#include "buf.h"
#include "diag.h"
#include "utf8.h"

#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int walk_match(const char *const *globs, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (fnmatch(globs[i], name, 0) == 0)
            return 1;
    return 0;
}

int walk_is_binary(const char *data, size_t n)
{
    if (memchr(data, '\0', n))
        return 1;
    size_t bad = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)data[i];
        if (c < 0x80)
            continue;
        int32_t cp;
        size_t l = utf8_decode((const unsigned char *)data + i, n - i, &cp);
        if (cp < 0 && n - i >= 4)   /* not a sequence cut by the sample's end */
            bad++;
        i += l - 1;
    }
    return bad * 8 > n;
}

static void add(walk_list *l, const char *path, int found)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 64;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    l->v[l->n].path = xstrdup(path);
    l->v[l->n].found = found;
    l->n++;
}

static int cmp_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static const char *base_name(const char *path)
{
    const char *s = strrchr(path, '/');
    return s ? s + 1 : path;
}

static int excluded(const walk_opts *o, const char *path)
{
    return walk_match(o->exclude, o->nexclude, base_name(path)) ||
           walk_match(o->exclude, o->nexclude, path);
}

/* Walks directory dir (depth bounds nothing: links are not followed, so the
 * depth is the tree's own). Returns the number of problems. */
static size_t walk_dir(const char *dir, const walk_opts *o, walk_list *out)
{
    DIR *d = opendir(dir);
    if (!d) {
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){dir, 0, 0}, "cannot open directory: %s",
             strerror(errno));
        return 1;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        if (n == cap) {
            cap = cap ? cap * 2 : 32;
            names = xrealloc(names, cap * sizeof *names);
        }
        names[n++] = xstrdup(de->d_name);
    }
    closedir(d);
    qsort(names, n, sizeof *names, cmp_names);
    size_t problems = 0;
    buf p = BUF_INIT;
    size_t dl = strlen(dir);
    for (size_t i = 0; i < n; i++) {
        buf_clear(&p);
        buf_put(&p, dir, dl);
        if (dl && dir[dl - 1] != '/')
            buf_putc(&p, '/');
        buf_puts(&p, names[i]);
        struct stat st;
        if (lstat(p.data, &st) != 0) {
            diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){p.data, 0, 0}, "cannot stat: %s",
                 strerror(errno));
            problems++;
        } else if (excluded(o, p.data)) {
            /* left out, and a directory is not entered */
        } else if (S_ISDIR(st.st_mode)) {
            problems += walk_dir(p.data, o, out);
        } else if (S_ISREG(st.st_mode)) {
            if (!o->ninclude || walk_match(o->include, o->ninclude, names[i]))
                add(out, p.data, 1);
        }
        /* links, devices, sockets and pipes found in a walk are left alone */
        free(names[i]);
    }
    buf_free(&p);
    free(names);
    return problems;
}

size_t walk(const char *const *args, size_t n, const walk_opts *o, walk_list *out)
{
    size_t problems = 0;
    for (size_t i = 0; i < n; i++) {
        const char *a = args[i];
        struct stat st;
        if (strcmp(a, "-") != 0 && stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
            if (!o->recursive) {
                diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){a, 0, 0},
                     "is a directory (use -r to read the files under it)");
                problems++;
                continue;
            }
            problems += walk_dir(a, o, out);
            continue;
        }
        /* Named files are read as named, whatever the globs say; a missing
         * one is reported when it is opened, in its turn. */
        add(out, a, 0);
    }
    return problems;
}

void walk_list_free(walk_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        free(l->v[i].path);
    free(l->v);
    l->v = NULL;
    l->n = l->cap = 0;
}
