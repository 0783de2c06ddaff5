/* learn: remembers accepted and rejected pairs; see learn.h. */
#include "learn.h"
#include "diag.h"
#include "finding.h"
#include "ignore.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

char *learn_dir(void)
{
    const char *x = getenv("XDG_CONFIG_HOME");
    buf b = BUF_INIT;
    if (x && x[0] == '/') {
        buf_printf(&b, "%s/unspin", x);
    } else {
        const char *h = getenv("HOME");
        if (!h || !h[0])
            return NULL;
        buf_printf(&b, "%s/.config/unspin", h);
    }
    return buf_detach(&b);
}

/* mkdir -p */
static int make_dirs(const char *dir)
{
    char *p = xstrdup(dir);
    for (char *s = p + 1; ; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            if (mkdir(p, 0777) != 0 && errno != EEXIST) {
                free(p);
                return -1;
            }
            *s = c;
            if (!c)
                break;
        }
    }
    free(p);
    return 0;
}

/* A pair fits a TAB-separated line of either file. */
static int writable(const buf *s)
{
    return s->len > 0 && !memchr(s->data, '\t', s->len) && !memchr(s->data, '\n', s->len) &&
           !memchr(s->data, '\r', s->len) && !memchr(s->data, '\0', s->len);
}

static FILE *open_append(const char *path, const char *header)
{
    struct stat st;
    int fresh = stat(path, &st) != 0;
    FILE *fp = fopen(path, "ab");
    if (fp && fresh)
        fputs(header, fp);
    return fp;
}

struct learn {
    char *dir;
    buf mpath, ipath;
    ignore_list *known_map, *known_ign;   /* pairs already recorded */
    FILE *mf, *inf;                       /* opened at the first new pair */
    size_t accepted, rejected;
    int failed;
};

learn *learn_open(const char *dir)
{
    if (make_dirs(dir) != 0) {
        diag(DIAG_ERROR, UNSPIN_EXIT_SYSERR, (diag_loc){dir, 0, 0}, "cannot make the directory: %s",
             strerror(errno));
        return NULL;
    }
    learn *l = xcalloc(1, sizeof *l);
    l->dir = xstrdup(dir);
    buf_printf(&l->mpath, "%s/%s", dir, LEARN_MAPPING);
    buf_printf(&l->ipath, "%s/%s", dir, LEARN_IGNORE);
    l->known_map = ignore_new();
    l->known_ign = ignore_new();
    ignore_load_file(l->known_map, l->mpath.data);   /* missing: nothing known yet */
    ignore_load_file(l->known_ign, l->ipath.data);
    return l;
}

static void record(learn *l, FILE **fp, const char *path, const char *header, ignore_list *known,
                   const review_item *it, const char *cls, size_t *count)
{
    if (l->failed || ignore_has(known, it->text.data, it->text.len, it->replace.data))
        return;
    if (!*fp && !(*fp = open_append(path, header))) {
        diag(DIAG_ERROR, UNSPIN_EXIT_SYSERR, (diag_loc){path, 0, 0}, "cannot write: %s", strerror(errno));
        l->failed = 1;
        return;
    }
    if (cls)
        fprintf(*fp, "%s\t%s\t%s\n", it->text.data, it->replace.data, cls);
    else
        fprintf(*fp, "%s\t%s\n", it->text.data, it->replace.data);
    ignore_add(known, it->text.data, it->text.len, it->replace.data, it->replace.len);
    (*count)++;
}

void learn_file(learn *l, const review_file *f)
{
    for (size_t k = 0; k < f->n; k++) {
        const review_item *it = &f->v[k];
        if (!writable(&it->text) || !writable(&it->replace) || it->text.data[0] == '#')
            continue;
        if (it->decision == DECIDE_ACCEPT && it->kind == KIND_SPUN &&
            !memchr(it->replace.data, '|', it->replace.len))
            record(l, &l->mf, l->mpath.data,
                   "# Pairs accepted in reviews (unspin apply --learn), loaded by every run.\n"
                   "# Format: unspin-dict(5). Edit or delete lines as you like.\n",
                   l->known_map, it, "sure", &l->accepted);
        else if (it->decision == DECIDE_REJECT)
            record(l, &l->inf, l->ipath.data,
                   "# Pairs rejected in reviews (unspin apply --learn): TEXT<TAB>REPLACEMENT.\n"
                   "# Every run leaves them alone. Format: unspin-review(5), IGNORE LISTS.\n",
                   l->known_ign, it, NULL, &l->rejected);
    }
}

int learn_close(learn *l, size_t *accepted, size_t *rejected)
{
    int rc = l->failed ? -1 : 0;
    if (l->mf && fclose(l->mf) != 0)
        rc = -1;
    if (l->inf && fclose(l->inf) != 0)
        rc = -1;
    if (rc != 0 && !l->failed)
        diag(DIAG_ERROR, UNSPIN_EXIT_SYSERR, (diag_loc){l->dir, 0, 0}, "cannot write the learned lists: %s",
             strerror(errno));
    *accepted = l->accepted;
    *rejected = l->rejected;
    ignore_free(l->known_map);
    ignore_free(l->known_ign);
    buf_free(&l->mpath);
    buf_free(&l->ipath);
    free(l->dir);
    free(l);
    return rc;
}
