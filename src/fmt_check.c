/*
 * fmt_check: a linter's report. One line per finding,
 *   FILE:LINE:COL: CLASS: 'spun' -> 'original' [KIND RULE]
 * (" (applied)" when the level would apply it), then one verdict line per
 * document: FILE: spun|clean (…figures…).
 */
#include "fmt.h"

static void check_segment(fmt *f, const seg_view *s, const finding_list *l)
{
    loc_cursor c;
    loc_init(&c, s);
    for (size_t i = 0; i < l->n; i++) {
        const finding *x = &l->v[i];
        size_t line, col;
        loc_seek(&c, x->start, &line, &col);
        fprintf(f->out, "%s:%zu:%zu: %s: '%.*s' -> '%s' [%s %s]%s\n", f->name, line, col,
                klass_name(x->klass), (int)(x->end - x->start), s->text + x->start,
                x->ncands ? x->cands[0].text : "?", kind_name(x->kind), x->rule,
                x->applied ? " (applied)" : "");
    }
}

static void check_doc_end(fmt *f, const unspin_result *r)
{
    const verdict *v = &r->v;
    fprintf(f->out, "%s: %s (%zu words, %zu findings: %zu sure, %zu likely, %zu flag; "
                    "%.1f sure per 1000 words; %zu applied)\n",
            f->name, v->spun ? "spun" : "clean", v->words, r->findings, v->hits[CLASS_SURE],
            v->hits[CLASS_LIKELY], v->hits[CLASS_FLAG], v->score, r->applied);
}

const fmt_ops fmt_check_ops = {NULL, check_segment, check_doc_end};
