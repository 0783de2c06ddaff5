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

int learn_record(const review *r, const char *dir, size_t *accepted, size_t *rejected)
{
    *accepted = *rejected = 0;
    if (make_dirs(dir) != 0) {
        diag(DIAG_ERROR, UNSPIN_EXIT_SYSERR, (diag_loc){dir, 0, 0}, "cannot make the directory: %s",
             strerror(errno));
        return -1;
    }
    buf mpath = BUF_INIT, ipath = BUF_INIT;
    buf_printf(&mpath, "%s/%s", dir, LEARN_MAPPING);
    buf_printf(&ipath, "%s/%s", dir, LEARN_IGNORE);
    ignore_list *known_map = ignore_new(), *known_ign = ignore_new();
    ignore_load_file(known_map, mpath.data);   /* missing: nothing known yet */
    ignore_load_file(known_ign, ipath.data);
    FILE *mf = NULL, *inf = NULL;
    int rc = 0;
    for (size_t i = 0; i < r->n && rc == 0; i++) {
        const review_file *f = &r->files[i];
        for (size_t k = 0; k < f->n; k++) {
            const review_item *it = &f->v[k];
            if (!writable(&it->text) || !writable(&it->replace) || it->text.data[0] == '#')
                continue;
            if (it->decision == DECIDE_ACCEPT && it->kind == KIND_SPUN &&
                !memchr(it->replace.data, '|', it->replace.len) &&
                !ignore_has(known_map, it->text.data, it->text.len, it->replace.data)) {
                if (!mf && !(mf = open_append(mpath.data,
                        "# Pairs accepted in reviews (unspin apply --learn), loaded by every run.\n"
                        "# Format: unspin-dict(5). Edit or delete lines as you like.\n"))) {
                    rc = -1;
                    break;
                }
                fprintf(mf, "%s\t%s\tsure\n", it->text.data, it->replace.data);
                ignore_add(known_map, it->text.data, it->text.len, it->replace.data, it->replace.len);
                (*accepted)++;
            } else if (it->decision == DECIDE_REJECT &&
                       !ignore_has(known_ign, it->text.data, it->text.len, it->replace.data)) {
                if (!inf && !(inf = open_append(ipath.data,
                        "# Pairs rejected in reviews (unspin apply --learn): TEXT<TAB>REPLACEMENT.\n"
                        "# Every run leaves them alone. Format: unspin-review(5), IGNORE LISTS.\n"))) {
                    rc = -1;
                    break;
                }
                fprintf(inf, "%s\t%s\n", it->text.data, it->replace.data);
                ignore_add(known_ign, it->text.data, it->text.len, it->replace.data, it->replace.len);
                (*rejected)++;
            }
        }
    }
    if (rc != 0)
        diag(DIAG_ERROR, UNSPIN_EXIT_SYSERR, (diag_loc){dir, 0, 0}, "cannot write the learned lists: %s",
             strerror(errno));
    if (mf && fclose(mf) != 0)
        rc = -1;
    if (inf && fclose(inf) != 0)
        rc = -1;
    ignore_free(known_map);
    ignore_free(known_ign);
    buf_free(&mpath);
    buf_free(&ipath);
    return rc;
}
