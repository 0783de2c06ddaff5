/* finding: finding lists, overlap resolution and rendering of repairs. */
#include "finding.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

finding *finding_add(finding_list *l, size_t start, size_t end, int kind, int klass,
                     const char *rule)
{
    if (l->n == l->cap) {
        l->cap = l->cap ? l->cap * 2 : 16;
        l->v = xrealloc(l->v, l->cap * sizeof *l->v);
    }
    finding *f = &l->v[l->n++];
    memset(f, 0, sizeof *f);
    f->start = start;
    f->end = end;
    f->kind = (uint8_t)kind;
    f->klass = (uint8_t)klass;
    f->rule = rule;
    f->margin = NAN;
    return f;
}

void finding_add_cand(finding *f, const char *text, size_t len, double score,
                      const char *source)
{
    f->cands = xrealloc(f->cands, (f->ncands + 1) * sizeof *f->cands);
    f->cands[f->ncands++] = (candidate){xstrndup(text, len), score, source};
}

void finding_free(finding *f)
{
    for (size_t i = 0; i < f->ncands; i++)
        free(f->cands[i].text);
    free(f->cands);
}

static int by_start(const void *a, const void *b)
{
    const finding *x = a, *y = b;
    if (x->start != y->start)
        return x->start < y->start ? -1 : 1;
    /* Longer first, then the more confident class. */
    if (x->end != y->end)
        return x->end > y->end ? -1 : 1;
    return (int)x->klass - (int)y->klass;
}

void finding_resolve_overlaps(finding_list *l)
{
    if (l->n < 2)
        return;
    /* Each detector reports in text order, and most segments have findings
     * of one detector only: sort only when the list is out of order. */
    for (size_t i = 1; i < l->n; i++)
        if (by_start(&l->v[i - 1], &l->v[i]) > 0) {
            qsort(l->v, l->n, sizeof *l->v, by_start);
            break;
        }
    size_t keep = 0;
    for (size_t i = 0; i < l->n; i++) {
        finding *f = &l->v[i];
        if (keep > 0 && f->start < l->v[keep - 1].end) {
            finding *prev = &l->v[keep - 1];
            /* The more confident finding wins; on a tie, the earlier (longer) one. */
            if (f->klass < prev->klass) {
                finding_free(prev);
                *prev = *f;
            } else {
                finding_free(f);
            }
            continue;
        }
        l->v[keep++] = *f;
    }
    l->n = keep;
}

void finding_list_clear(finding_list *l)
{
    for (size_t i = 0; i < l->n; i++)
        finding_free(&l->v[i]);
    l->n = 0;
}

void finding_list_free(finding_list *l)
{
    finding_list_clear(l);
    free(l->v);
    l->v = NULL;
    l->cap = 0;
}

static const char *const klass_names[] = {"sure", "likely", "flag"};
static const char *const kind_names[] = {"spun", "ocr", "spelling"};

const char *klass_name(int klass)
{
    return klass_names[klass];
}

int klass_parse(const char *s, size_t n)
{
    for (int i = 0; i < 3; i++)
        if (strlen(klass_names[i]) == n && memcmp(klass_names[i], s, n) == 0)
            return i;
    return -1;
}

const char *kind_name(int kind)
{
    return kind_names[kind];
}

void finding_render(const char *text, size_t len, const finding_list *l, buf *out)
{
    size_t at = 0;
    for (size_t i = 0; i < l->n; i++) {
        const finding *f = &l->v[i];
        if (!f->applied || f->ncands == 0)
            continue;
        buf_put(out, text + at, f->start - at);
        buf_puts(out, f->cands[0].text);
        at = f->end;
    }
    buf_put(out, text + at, len - at);
}
