/*
 * fmt_diff: a unified diff of the repairs, one hunk per changed segment with
 * up to three lines of context from the same segment, so hunks never overlap
 * and patch(1) applies the result. A file without repairs prints nothing.
 */
#include "fmt.h"

#include <stdlib.h>
#include <string.h>

#define CONTEXT 3

typedef struct lines {
    const char **p;
    size_t *len;
    size_t n;
} lines;

/* Splits t[0..n) into lines that keep their terminators. */
static void split_lines(const char *t, size_t n, lines *out)
{
    out->n = 0;
    size_t cap = 16;
    out->p = xmalloc(cap * sizeof *out->p);
    out->len = xmalloc(cap * sizeof *out->len);
    size_t i = 0;
    while (i < n) {
        const char *nl = memchr(t + i, '\n', n - i);
        size_t end = nl ? (size_t)(nl - t) + 1 : n;
        if (out->n == cap) {
            cap *= 2;
            out->p = xrealloc(out->p, cap * sizeof *out->p);
            out->len = xrealloc(out->len, cap * sizeof *out->len);
        }
        out->p[out->n] = t + i;
        out->len[out->n++] = end - i;
        i = end;
    }
}

static void lines_free(lines *l)
{
    free(l->p);
    free(l->len);
}

static int same_line(const lines *a, size_t i, const lines *b, size_t j)
{
    return a->len[i] == b->len[j] && memcmp(a->p[i], b->p[j], a->len[i]) == 0;
}

static void put_line(FILE *o, char mark, const char *p, size_t n)
{
    putc(mark, o);
    fwrite(p, 1, n, o);
    if (n == 0 || p[n - 1] != '\n')
        fputs("\n\\ No newline at end of file\n", o);
}

static void diff_segment(fmt *f, const seg_view *s, const finding_list *l)
{
    size_t applied = 0;
    for (size_t i = 0; i < l->n; i++)
        applied += l->v[i].applied;
    if (!applied)
        return;
    buf_clear(&f->scratch);
    finding_render(s->text, s->len, l, &f->scratch);
    lines a, b;
    split_lines(s->text, s->len, &a);
    split_lines(f->scratch.data, f->scratch.len, &b);
    size_t pre = 0, suf = 0;
    while (pre < a.n && pre < b.n && same_line(&a, pre, &b, pre))
        pre++;
    while (suf < a.n - pre && suf < b.n - pre && same_line(&a, a.n - 1 - suf, &b, b.n - 1 - suf))
        suf++;
    if (pre == a.n && pre == b.n) {
        lines_free(&a);
        lines_free(&b);
        return;
    }
    size_t c1 = pre < CONTEXT ? pre : CONTEXT, c2 = suf < CONTEXT ? suf : CONTEXT;
    size_t old_n = a.n - pre - suf, new_n = b.n - pre - suf;
    size_t old_start = s->line + pre - c1;
    FILE *o = f->out;
    if (!f->header_done) {
        fprintf(o, "--- %s\n+++ %s\n", f->name, f->name);
        f->header_done = 1;
    }
    fprintf(o, "@@ -%zu,%zu +%ld,%zu @@\n", old_start, old_n + c1 + c2,
            (long)old_start + f->line_delta, new_n + c1 + c2);
    for (size_t i = pre - c1; i < pre; i++)
        put_line(o, ' ', a.p[i], a.len[i]);
    for (size_t i = pre; i < a.n - suf; i++)
        put_line(o, '-', a.p[i], a.len[i]);
    for (size_t i = pre; i < b.n - suf; i++)
        put_line(o, '+', b.p[i], b.len[i]);
    for (size_t i = a.n - suf; i < a.n - suf + c2; i++)
        put_line(o, ' ', a.p[i], a.len[i]);
    f->line_delta += (long)new_n - (long)old_n;
    lines_free(&a);
    lines_free(&b);
}

const fmt_ops fmt_diff_ops = {0, NULL, diff_segment, NULL};
