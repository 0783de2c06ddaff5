/*
 * fmt_check: a linter's report. One line per finding,
 *   FILE:LINE:COL: CLASS: 'spun' -> 'original' [KIND RULE]
 * (" (applied)" when the level would apply it), then one verdict line per
 * document: FILE: spun|clean (…figures…).
 */
#include "fmt.h"

#include <string.h>

/* Prints s[0..n) on one line: line ends inside a phrase become spaces. */
static void put_flat(FILE *out, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\r' && i + 1 < n && s[i + 1] == '\n')
            continue;
        putc(s[i] == '\n' || s[i] == '\r' ? ' ' : s[i], out);
    }
}

static void check_segment(fmt *f, const seg_view *s, const finding_list *l)
{
    loc_cursor c;
    loc_init(&c, s);
    for (size_t i = 0; i < l->n; i++) {
        const finding *x = &l->v[i];
        size_t line, col;
        loc_seek(&c, x->start, &line, &col);
        fprintf(f->out, "%s:%zu:%zu: %s: '", f->name, line, col, klass_name(x->klass));
        put_flat(f->out, s->text + x->start, x->end - x->start);
        if (x->ncands) {
            fputs("' -> '", f->out);
            put_flat(f->out, x->cands[0].text, strlen(x->cands[0].text));
            putc('\'', f->out);
        } else {
            fputs("' (no proposal)", f->out);
        }
        fprintf(f->out, " [%s %s]%s\n", kind_name(x->kind), x->rule, x->applied ? " (applied)" : "");
    }
}

static void check_doc_end(fmt *f, const unspin_result *r)
{
    const verdict *v = &r->v;
    fprintf(f->out, "%s: %s (%zu words; %zu findings, %zu applied; mapping matches: %zu sure, "
                    "%zu likely, %zu flag; %.1f sure per 1000 words; agnostic score %.2f)\n",
            f->name, v->spun ? "spun" : "clean", v->words, r->findings, r->applied,
            v->hits[CLASS_SURE], v->hits[CLASS_LIKELY], v->hits[CLASS_FLAG], v->score, v->agnostic);
}

const fmt_ops fmt_check_ops = {1, NULL, check_segment, check_doc_end};
