/*
 * fmt_review: turns a document's findings into review items. It is a format
 * (fmt.h) like the others, but instead of printing it appends to a review:
 * one review file per document, one item per finding that has a proposal,
 * with its context and a decision pre-filled from what the level applies.
 */
#include "diag.h"
#include "fmt.h"
#include "review.h"
#include "sha256.h"

#include <errno.h>
#include <string.h>

#define CONTEXT_BYTES 40

typedef struct review_fmt {
    fmt base;          /* first, so that a review_fmt is a fmt */
    review *r;
    review_file *file;
} review_fmt;

/* Moves i back to the start of a UTF-8 character. */
static size_t char_start(const char *t, size_t i)
{
    while (i > 0 && ((unsigned char)t[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static void set(buf *b, const char *s, size_t n)
{
    buf_clear(b);
    buf_put(b, s, n);
    buf_reserve(b, 1);
    b->data[b->len] = '\0';
}

static void review_doc_begin(fmt *f)
{
    review_fmt *rf = (review_fmt *)f;
    rf->file = review_add_file(rf->r, f->name);
}

static void review_segment(fmt *f, const seg_view *s, const finding_list *l)
{
    review_fmt *rf = (review_fmt *)f;
    loc_cursor c;
    loc_init(&c, s);
    for (size_t i = 0; i < l->n; i++) {
        const finding *x = &l->v[i];
        if (x->ncands == 0)
            continue;
        review_item *it = review_add_item(rf->r, rf->file);
        it->decision = x->applied ? DECIDE_ACCEPT : DECIDE_PENDING;
        it->kind = x->kind;
        it->klass = x->klass;
        it->rule = xstrdup(x->rule);
        loc_seek(&c, x->start, &it->line, &it->col);
        it->start = s->offset + x->start;
        it->end = s->offset + x->end;
        size_t b = x->start > CONTEXT_BYTES ? char_start(s->text, x->start - CONTEXT_BYTES) : 0;
        size_t a = s->len - x->end > CONTEXT_BYTES ? char_start(s->text, x->end + CONTEXT_BYTES) : s->len;
        if (a < x->end)
            a = x->end;
        set(&it->before, s->text + b, x->start - b);
        set(&it->text, s->text + x->start, x->end - x->start);
        set(&it->after, s->text + x->end, a - x->end);
        set(&it->replace, x->cands[0].text, strlen(x->cands[0].text));
        if (x->ncands > 1) {
            it->alts = xcalloc(x->ncands - 1, sizeof *it->alts);
            for (size_t k = 1; k < x->ncands; k++)
                set(&it->alts[k - 1], x->cands[k].text, strlen(x->cands[k].text));
            it->nalts = x->ncands - 1;
        }
    }
}

static const fmt_ops review_ops = {1, review_doc_begin, review_segment, NULL};

fmt *fmt_review_new(review *r)
{
    review_fmt *rf = xcalloc(1, sizeof *rf);
    rf->base.ops = &review_ops;
    rf->r = r;
    return &rf->base;
}

int review_collect(review *r, const unspin_engine *e, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){path, 0, 0}, "cannot open: %s", strerror(errno));
        return -1;
    }
    fmt *f = fmt_review_new(r);
    unspin_doc *d = unspin_doc_new(e, path, f);
    sha256_ctx h;
    sha256_init(&h);
    static char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        sha256_update(&h, chunk, got);
        unspin_doc_feed(d, chunk, got);
    }
    int failed = ferror(fp);
    int saved = errno;
    fclose(fp);
    unspin_doc_finish(d, NULL);
    unspin_doc_free(d);
    fmt_free(f);
    review_file *rfile = &r->files[r->n - 1];
    sha256_final(&h, rfile->sha256);
    if (failed) {
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){path, 0, 0}, "read error: %s", strerror(saved));
        /* A file not read whole cannot be reviewed: drop what it gave. */
        review_pop_file(r);
        return -1;
    }
    return 0;
}
