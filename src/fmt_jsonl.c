/*
 * fmt_jsonl: JSON Lines. One object per finding ("type":"finding") with its
 * byte range in the input, line, column, text, candidates, class and whether
 * it was applied; then one per document ("type":"document") with the verdict.
 * Fields are documented in unspin(1).
 */
#include "fmt.h"

#include <inttypes.h>
#include <math.h>
#include <string.h>

static void jsonl_segment(fmt *f, const seg_view *s, const finding_list *l)
{
    loc_cursor c;
    loc_init(&c, s);
    FILE *o = f->out;
    for (size_t i = 0; i < l->n; i++) {
        const finding *x = &l->v[i];
        size_t line, col;
        loc_seek(&c, x->start, &line, &col);
        fputs("{\"type\":\"finding\",\"file\":", o);
        fmt_json_string(o, f->name, strlen(f->name));
        fprintf(o, ",\"start\":%" PRIu64 ",\"end\":%" PRIu64 ",\"line\":%zu,\"column\":%zu,\"text\":",
                s->offset + x->start, s->offset + x->end, line, col);
        fmt_json_string(o, s->text + x->start, x->end - x->start);
        fputs(",\"replacement\":", o);
        if (x->ncands)
            fmt_json_string(o, x->cands[0].text, strlen(x->cands[0].text));
        else
            fputs("null", o);
        fprintf(o, ",\"kind\":\"%s\",\"rule\":", kind_name(x->kind));
        fmt_json_string(o, x->rule, strlen(x->rule));
        fprintf(o, ",\"class\":\"%s\",\"applied\":%s,", klass_name(x->klass),
                x->applied ? "true" : "false");
        if (isnan(x->margin))
            fputs("\"margin\":null,\"candidates\":[", o);
        else
            fprintf(o, "\"margin\":%.3f,\"candidates\":[", x->margin);
        for (size_t k = 0; k < x->ncands; k++) {
            fputs(k ? ",{\"text\":" : "{\"text\":", o);
            fmt_json_string(o, x->cands[k].text, strlen(x->cands[k].text));
            fprintf(o, ",\"score\":%.3f,\"source\":\"%s\"}", x->cands[k].score, x->cands[k].source);
        }
        fputs("]}\n", o);
    }
}

static void jsonl_doc_end(fmt *f, const unspin_result *r)
{
    const verdict *v = &r->v;
    fputs("{\"type\":\"document\",\"file\":", f->out);
    fmt_json_string(f->out, f->name, strlen(f->name));
    fprintf(f->out, ",\"words\":%zu,\"findings\":%zu,\"applied\":%zu,\"verdict\":{\"spun\":%s,"
                    "\"score\":%.2f,\"sure\":%zu,\"likely\":%zu,\"flag\":%zu,"
                    "\"sure_spun\":%s,\"probed\":%zu,\"lost\":%zu,\"rare\":%zu,\"agnostic\":%.2f}}\n",
            v->words, r->findings, r->applied, v->spun ? "true" : "false", v->score,
            v->hits[CLASS_SURE], v->hits[CLASS_LIKELY], v->hits[CLASS_FLAG],
            v->sure_spun ? "true" : "false", v->probed, v->lost, v->rare, v->agnostic);
}

const fmt_ops fmt_jsonl_ops = {1, NULL, jsonl_segment, jsonl_doc_end};
