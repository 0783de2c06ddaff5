/* fmt: the format table and helpers shared by the formats. */
#include "fmt.h"
#include "utf8.h"

#include <stdlib.h>

const char *const fmt_names[] = {"text", "diff", "jsonl", "annotate", "check", NULL};

static const fmt_ops *const ops_table[] = {
    &fmt_text_ops, &fmt_diff_ops, &fmt_jsonl_ops, &fmt_annotate_ops, &fmt_check_ops
};

fmt *fmt_new(int kind, FILE *out)
{
    fmt *f = xcalloc(1, sizeof *f);
    f->ops = ops_table[kind];
    f->out = out;
    return f;
}

void fmt_free(fmt *f)
{
    if (!f)
        return;
    buf_free(&f->scratch);
    free(f);
}

void fmt_doc_begin(fmt *f, const char *name)
{
    f->name = name;
    f->line_delta = 0;
    f->header_done = 0;
    if (f->ops->doc_begin)
        f->ops->doc_begin(f);
}

void fmt_segment(fmt *f, const seg_view *s, const finding_list *l)
{
    f->ops->segment(f, s, l);
}

void fmt_doc_end(fmt *f, const unspin_result *r)
{
    if (f->ops->doc_end)
        f->ops->doc_end(f, r);
}

void fmt_json_string(FILE *out, const char *s, size_t n)
{
    putc('"', out);
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            int32_t cp;
            size_t l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
            if (cp < 0)
                fputs("\xEF\xBF\xBD", out);
            else
                fwrite(s + i, 1, l, out);
            i += l;
            continue;
        }
        switch (c) {
        case '"': fputs("\\\"", out); break;
        case '\\': fputs("\\\\", out); break;
        case '\n': fputs("\\n", out); break;
        case '\r': fputs("\\r", out); break;
        case '\t': fputs("\\t", out); break;
        default:
            if (c < 0x20 || c == 0x7F)
                fprintf(out, "\\u%04x", c);
            else
                putc(c, out);
        }
        i++;
    }
    putc('"', out);
}

void loc_init(loc_cursor *c, const seg_view *s)
{
    c->s = s;
    c->at = 0;
    c->line = s->line;
    c->col = 1;
}

void loc_seek(loc_cursor *c, size_t offset, size_t *line, size_t *col)
{
    const char *t = c->s->text;
    for (; c->at < offset; c->at++) {
        char ch = t[c->at];
        if (ch == '\n') {
            c->line++;
            c->col = 1;
        } else if (ch != '\r') {
            c->col++;
        }
    }
    *line = c->line;
    *col = c->col;
}
