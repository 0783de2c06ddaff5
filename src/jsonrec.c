/* jsonrec: repairs one string member of a JSON record (see jsonrec.h). */
#include "jsonrec.h"
#include "fmt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A format that keeps the repaired text and the findings in buffers. */
typedef struct recfmt {
    fmt base;              /* first: the document sees a fmt */
    buf text;              /* the repaired field */
    buf finds;             /* the findings, as JSON array items */
    size_t nfinds;
    size_t by_kind[3];
    unspin_result res;
} recfmt;

struct jsonrec {
    const unspin_engine *e;
    const char *field;
    size_t field_len;
    recfmt f;
    buf value;             /* the field, decoded */
};

static void rec_segment(fmt *f, const seg_view *s, const finding_list *l)
{
    recfmt *r = (recfmt *)f;
    finding_render(s->text, s->len, l, &r->text);
    for (size_t i = 0; i < l->n; i++) {
        const finding *x = &l->v[i];
        buf *b = &r->finds;
        if (r->nfinds++)
            buf_putc(b, ',');
        buf_printf(b, "{\"start\":%llu,\"end\":%llu,\"text\":",
                   (unsigned long long)(s->offset + x->start),
                   (unsigned long long)(s->offset + x->end));
        json_escape(b, s->text + x->start, x->end - x->start, 0);
        buf_puts(b, ",\"replacement\":");
        if (x->ncands)
            json_escape(b, x->cands[0].text, strlen(x->cands[0].text), 0);
        else
            buf_puts(b, "null");
        buf_printf(b, ",\"kind\":\"%s\",\"rule\":", kind_name(x->kind));
        json_escape(b, x->rule, strlen(x->rule), 0);
        buf_printf(b, ",\"class\":\"%s\",\"applied\":%s}", klass_name(x->klass),
                   x->applied ? "true" : "false");
        if (x->kind < 3)
            r->by_kind[x->kind]++;
    }
}

static void rec_doc_end(fmt *f, const unspin_result *res)
{
    ((recfmt *)f)->res = *res;
}

/* proposals: findings are reported, so their candidates are built. */
static const fmt_ops rec_ops = {1, NULL, rec_segment, rec_doc_end};

jsonrec *jsonrec_new(const unspin_engine *e, const char *field)
{
    jsonrec *j = xcalloc(1, sizeof *j);
    j->e = e;
    j->field = field;
    j->field_len = strlen(field);
    j->f.base.ops = &rec_ops;
    return j;
}

void jsonrec_free(jsonrec *j)
{
    if (!j)
        return;
    buf_free(&j->f.text);
    buf_free(&j->f.finds);
    buf_free(&j->f.base.scratch);
    buf_free(&j->value);
    free(j);
}

/* The value of "unspin": figures, verdict, findings. */
static void put_annotation(buf *out, const recfmt *f)
{
    const unspin_result *res = &f->res;
    const verdict *v = &res->v;
    buf_printf(out, "{\"words\":%zu,\"applied\":%zu,\"verdict\":{\"spun\":%s,\"score\":%.2f,"
                    "\"sure\":%zu,\"likely\":%zu,\"flag\":%zu},\"findings\":[",
               v->words, res->applied, v->spun ? "true" : "false", v->score,
               v->hits[0], v->hits[1], v->hits[2]);
    buf_put(out, f->finds.data, f->finds.len);
    buf_puts(out, "]}");
}

/* Whether a string token uses \u escapes and no raw non-ASCII bytes: then
 * the repaired field is written in the same ASCII-only style. */
static int ascii_style(const char *tok, size_t n)
{
    int escaped = 0;
    for (size_t i = 0; i < n; i++) {
        if ((unsigned char)tok[i] >= 0x80)
            return 0;
        if (tok[i] == '\\' && i + 1 < n) {
            escaped |= tok[i + 1] == 'u';
            i++;
        }
    }
    return escaped;
}

int jsonrec_process(jsonrec *j, const char *name, const char *line, size_t n, buf *out,
                    unspin_result *r, size_t by_kind[3], json_error *err)
{
    json_member m[2] = {{j->field, j->field_len, 0, 0, 0, 0},
                        {JSONREC_KEY, sizeof JSONREC_KEY - 1, 0, 0, 0, 0}};
    size_t close = 0;
    if (json_scan_object(line, n, m, 2, &close, err) != 0)
        return JSONREC_BAD;
    if (!m[0].found || line[m[0].start] != '"' ||
        (m[1].found && m[1].key_start == m[0].key_start)) {
        buf_put(out, line, n);
        return JSONREC_NOFIELD;
    }
    const char *tok = line + m[0].start;
    size_t toklen = m[0].end - m[0].start;
    buf_clear(&j->value);
    int rc = json_unescape(tok, toklen, &j->value);
    if (rc != 0) {   /* -1 cannot happen: the scanner accepted the token */
        buf_put(out, line, n);
        return JSONREC_LOSSY;
    }

    recfmt *f = &j->f;
    buf_clear(&f->text);
    buf_clear(&f->finds);
    f->nfinds = 0;
    memset(f->by_kind, 0, sizeof f->by_kind);
    unspin_doc *d = unspin_doc_new(j->e, name, &f->base);
    unspin_doc_feed(d, j->value.data ? j->value.data : "", j->value.len);
    unspin_doc_finish(d, NULL);
    unspin_doc_free(d);
    const unspin_result *res = &f->res;

    /* The new field: the original token when nothing changed. */
    buf newval = BUF_INIT;
    if (f->text.len == j->value.len &&
        (j->value.len == 0 || memcmp(f->text.data, j->value.data, j->value.len) == 0))
        buf_put(&newval, tok, toklen);
    else
        json_escape(&newval, f->text.data, f->text.len, ascii_style(tok, toklen));

    /* Edits in order of position: the field's value, then either the old
     * "unspin" value or the new member before the closing brace. The
     * annotation is written straight into out: with many findings it is
     * the largest part of the record. */
    size_t at = 0;
    int ann_first = m[1].found && m[1].start < m[0].start;
    if (ann_first) {
        buf_put(out, line, m[1].start);
        put_annotation(out, f);
        at = m[1].end;
    }
    buf_put(out, line + at, m[0].start - at);
    buf_put(out, newval.data, newval.len);
    at = m[0].end;
    if (m[1].found && !ann_first) {
        buf_put(out, line + at, m[1].start - at);
        put_annotation(out, f);
        at = m[1].end;
    } else if (!m[1].found) {
        buf_put(out, line + at, close - at);
        buf_puts(out, ",\"" JSONREC_KEY "\":");
        put_annotation(out, f);
        at = close;
    }
    buf_put(out, line + at, n - at);
    buf_free(&newval);
    if (r)
        *r = *res;
    if (by_kind)
        memcpy(by_kind, f->by_kind, sizeof f->by_kind);
    return JSONREC_DONE;
}
