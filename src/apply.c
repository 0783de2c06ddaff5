/* apply: the accepted decisions of a review, carried out safely; see apply.h. */
#include "apply.h"
#include "atomicfile.h"
#include "diag.h"
#include "finding.h"
#include "fmt.h"
#include "segment.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

typedef struct edit {
    uint64_t start, end;      /* where it applies in the current content */
    const review_item *it;
} edit;

static int by_start(const void *a, const void *b)
{
    const edit *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

static void refuse(const review_file *f, const review_item *it, apply_stats *st, const char *why)
{
    diag(DIAG_ERROR, UNSPIN_EXIT_FOUND, (diag_loc){f->path, it->line, it->col},
         "finding %lu not applied: %s", it->id, why);
    st->refused++;
}

/* Sorts edits and refuses any that overlaps the one before; returns the count kept. */
static size_t drop_overlaps(const review_file *f, edit *e, size_t n, apply_stats *st)
{
    qsort(e, n, sizeof *e, by_start);
    size_t kept = 0;
    for (size_t i = 0; i < n; i++) {
        if (kept && e[i].start < e[kept - 1].end)
            refuse(f, e[i].it, st, "it overlaps another accepted finding");
        else
            e[kept++] = e[i];
    }
    return kept;
}

/* Whether content is what applying e (at their original ranges) to the
 * reviewed file gives: undo the replacements and compare hashes. */
static int already_applied(const review_file *f, const buf *content, const edit *e, size_t n)
{
    buf orig = BUF_INIT;
    uint64_t at = 0;       /* in content */
    uint64_t delta = 0;    /* content offset minus original offset, as unsigned wrap */
    int ok = 1;
    for (size_t i = 0; i < n && ok; i++) {
        const review_item *it = e[i].it;
        uint64_t s = it->start + delta;
        if (s < at || s + it->replace.len > content->len ||
            memcmp(content->data + s, it->replace.data, it->replace.len) != 0) {
            ok = 0;
            break;
        }
        buf_put(&orig, content->data + at, s - at);
        buf_put(&orig, it->text.data, it->text.len);
        at = s + it->replace.len;
        delta += it->replace.len - it->text.len;
    }
    if (ok) {
        buf_put(&orig, content->data + at, content->len - at);
        uint8_t h[SHA256_SIZE];
        sha256(orig.data ? orig.data : "", orig.len, h);
        ok = memcmp(h, f->sha256, SHA256_SIZE) == 0;
    }
    buf_free(&orig);
    return ok;
}

static const char *find(const char *hay, size_t hn, const char *needle, size_t nn)
{
    if (nn == 0 || nn > hn)
        return NULL;
    const char *end = hay + hn - nn;
    for (const char *p = hay; p <= end; p++) {
        p = memchr(p, needle[0], (size_t)(end - p) + 1);
        if (!p)
            return NULL;
        if (memcmp(p, needle, nn) == 0)
            return p;
    }
    return NULL;
}

/* Re-anchors edits by their context; refuses the missing and ambiguous ones. */
static size_t relocate(const review_file *f, const buf *content, edit *e, size_t n, apply_stats *st)
{
    size_t kept = 0;
    buf needle = BUF_INIT;
    for (size_t i = 0; i < n; i++) {
        const review_item *it = e[i].it;
        buf_clear(&needle);
        buf_put(&needle, it->before.data, it->before.len);
        buf_put(&needle, it->text.data, it->text.len);
        buf_put(&needle, it->after.data, it->after.len);
        const char *hit = find(content->data, content->len, needle.data, needle.len);
        const char *again = hit ? find(hit + 1, content->len - (size_t)(hit + 1 - content->data),
                                       needle.data, needle.len) : NULL;
        if (!hit) {
            refuse(f, it, st, "its context is no longer in the file");
        } else if (again) {
            refuse(f, it, st, "its context occurs more than once in the changed file (ambiguous)");
        } else {
            e[kept].it = it;
            e[kept].start = (uint64_t)(hit - content->data) + it->before.len;
            e[kept].end = e[kept].start + it->text.len;
            kept++;
        }
    }
    buf_free(&needle);
    return kept;
}

/* Prints the diff of the edits, one hunk per group of segments (fmt_diff). */
static void print_diff(const char *path, const buf *content, const edit *e, size_t n, FILE *out)
{
    fmt *f = fmt_new(FMT_DIFF, out);
    fmt_doc_begin(f, path);
    segmenter *sg = seg_new(SEG_MAX_DEFAULT);
    seg_feed(sg, content->data, content->len);
    seg_view s;
    uint64_t cs = 0;       /* start of the chunk being gathered */
    size_t line = 1, k = 0;
    finding_list l = {0};
    while (seg_next(sg, 1, &s)) {
        uint64_t ce = s.offset + s.len;
        /* An edit that runs past this segment joins it to the next. */
        size_t j = k;
        while (j < n && e[j].start < ce && e[j].end <= ce)
            j++;
        if (j < n && e[j].start < ce)
            continue;
        if (j > k) {
            finding_list_clear(&l);
            for (size_t i = k; i < j; i++) {
                finding *x = finding_add(&l, (size_t)(e[i].start - cs), (size_t)(e[i].end - cs),
                                         e[i].it->kind, e[i].it->klass, e[i].it->rule);
                finding_add_cand(x, e[i].it->replace.data, e[i].it->replace.len, 0, "review");
                x->applied = 1;
            }
            seg_view v = {content->data + cs, (size_t)(ce - cs), cs, line};
            fmt_segment(f, &v, &l);
        }
        line += seg_count_lines(content->data + cs, (size_t)(ce - cs));
        cs = ce;
        k = j;
    }
    finding_list_free(&l);
    seg_free(sg);
    fmt_free(f);
}

/* Files written and waiting to be committed together (atomic_commit_many). */
#define BATCH 64

struct apply_queue {
    atomic_file *a[BATCH];
    char *path[BATCH];     /* as the review names it; owned */
    size_t fixes[BATCH];
    int ok[BATCH];
    size_t n;
};

/* Replaces the files waiting in the queue. */
static void flush_queue(const apply_options *o, apply_stats *st)
{
    apply_queue *q = st->queue;
    if (!q || !q->n)
        return;
    atomic_commit_many(q->a, q->n, o->backup, q->ok);
    for (size_t i = 0; i < q->n; i++) {
        free(q->path[i]);
        if (q->ok[i]) {
            st->applied += q->fixes[i];
            st->written++;
        } else {
            st->failed++;
            st->refused += q->fixes[i];
        }
    }
    q->n = 0;
}

/* Writes the new content beside path and queues it for replacing. */
static void replace_file(const char *path, const buf *out, size_t fixes, const apply_options *o, apply_stats *st)
{
    atomic_file *a = atomic_open(path);
    if (!a) {
        st->failed++;
        st->refused += fixes;
        return;
    }
    fwrite(out->data, 1, out->len, atomic_stream(a));
    if (!st->queue)
        st->queue = xcalloc(1, sizeof *st->queue);
    apply_queue *q = st->queue;
    q->a[q->n] = a;
    q->path[q->n] = xstrdup(path);
    q->fixes[q->n++] = fixes;
    if (q->n == BATCH)
        flush_queue(o, st);
}

void apply_file(const review_file *f, const apply_options *o, apply_stats *st)
{
    st->files++;
    /* A file named twice is read again only once its first new content is in place. */
    for (size_t i = 0; st->queue && i < st->queue->n; i++)
        if (strcmp(st->queue->path[i], f->path) == 0) {
            flush_queue(o, st);
            break;
        }
    size_t naccept = 0;
    for (size_t i = 0; i < f->n; i++)
        naccept += f->v[i].decision == DECIDE_ACCEPT;
    st->skipped += f->n - naccept;
    if (naccept == 0) {
        st->unchanged++;
        return;
    }
    buf content = BUF_INIT;
    if (buf_read_file(&content, f->path) != 0) {
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){f->path, 0, 0}, "cannot read: %s; not changed",
             strerror(errno));
        st->failed++;
        st->refused += naccept;
        buf_free(&content);
        return;
    }
    edit *e = xmalloc(naccept * sizeof *e);
    size_t n = 0;
    for (size_t i = 0; i < f->n; i++)
        if (f->v[i].decision == DECIDE_ACCEPT)
            e[n++] = (edit){f->v[i].start, f->v[i].end, &f->v[i]};
    uint8_t h[SHA256_SIZE];
    sha256(content.data ? content.data : "", content.len, h);
    if (memcmp(h, f->sha256, SHA256_SIZE) == 0) {
        /* The file reviewed: the ranges hold; the text there must be the review's. */
        size_t kept = 0;
        for (size_t i = 0; i < n; i++) {
            const review_item *it = e[i].it;
            if (it->end > content.len || memcmp(content.data + it->start, it->text.data, it->text.len) != 0)
                refuse(f, it, st, "the file does not hold its text at its bytes (was the review edited?)");
            else
                e[kept++] = e[i];
        }
        n = drop_overlaps(f, e, kept, st);
    } else {
        qsort(e, n, sizeof *e, by_start);
        if (already_applied(f, &content, e, n)) {
            st->already++;
            free(e);
            buf_free(&content);
            return;
        }
        if (!o->relocate) {
            diag(DIAG_ERROR, UNSPIN_EXIT_FOUND, (diag_loc){f->path, 0, 0},
                 "changed since the review (SHA-256 differs); left untouched "
                 "(--relocate re-anchors its findings by context)");
            st->stale++;
            st->refused += n;
            free(e);
            buf_free(&content);
            return;
        }
        n = relocate(f, &content, e, n, st);
        n = drop_overlaps(f, e, n, st);
    }
    finding_list l = {0};
    for (size_t i = 0; i < n; i++) {
        finding *x = finding_add(&l, (size_t)e[i].start, (size_t)e[i].end, e[i].it->kind,
                                 e[i].it->klass, e[i].it->rule);
        finding_add_cand(x, e[i].it->replace.data, e[i].it->replace.len, 0, "review");
        x->applied = 1;
    }
    buf out = BUF_INIT;
    finding_render(content.data ? content.data : "", content.len, &l, &out);
    finding_list_free(&l);
    if (out.len == content.len && memcmp(out.data ? out.data : "", content.data ? content.data : "", out.len) == 0) {
        st->applied += n;
        st->unchanged++;
    } else if (o->dry_run) {
        print_diff(f->path, &content, e, n, o->diff_out);
        st->applied += n;
        st->written++;
    } else {
        replace_file(f->path, &out, n, o, st);
    }
    buf_free(&out);
    free(e);
    buf_free(&content);
}

void apply_init(apply_stats *st)
{
    memset(st, 0, sizeof *st);
}

void apply_finish(apply_stats *st, const apply_options *o)
{
    flush_queue(o, st);
    free(st->queue);
    st->queue = NULL;
}

void apply_review(const review *r, const apply_options *o, apply_stats *st)
{
    apply_init(st);
    for (size_t i = 0; i < r->n; i++)
        apply_file(&r->files[i], o, st);
    apply_finish(st, o);
}
