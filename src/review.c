/* review: the review file model, writer and parser; see review.h and unspin-review(5). */
#include "review.h"
#include "atomicfile.h"
#include "diag.h"
#include "finding.h"
#include "utf8.h"

#include <errno.h>
#include <stdarg.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>

static const char *const decision_names[] = {"pending", "accept", "reject"};
static const char *const level_names[] = {"safe", "normal", "aggressive"};

const char *decision_name(int d)
{
    return d >= 0 && d < 3 ? decision_names[d] : "?";
}

static int lookup(const char *const *names, int n, const char *s, size_t len)
{
    for (int i = 0; i < n; i++)
        if (strlen(names[i]) == len && memcmp(names[i], s, len) == 0)
            return i;
    return -1;
}

int decision_parse(const char *s, size_t n)
{
    return lookup(decision_names, 3, s, n);
}

void review_init(review *r)
{
    memset(r, 0, sizeof *r);
    r->level = 1;
    r->next_id = 1;
}

static void item_free(review_item *it)
{
    free(it->rule);
    buf_free(&it->before);
    buf_free(&it->text);
    buf_free(&it->after);
    buf_free(&it->replace);
    for (size_t i = 0; i < it->nalts; i++)
        buf_free(&it->alts[i]);
    free(it->alts);
}

static void file_free(review_file *f)
{
    for (size_t k = 0; k < f->n; k++)
        item_free(&f->v[k]);
    free(f->v);
    free(f->path);
}

void review_pop_file(review *r)
{
    if (r->n)
        file_free(&r->files[--r->n]);
}

void review_free(review *r)
{
    for (size_t i = 0; i < r->n; i++)
        file_free(&r->files[i]);
    free(r->files);
    review_init(r);
}

review_file *review_add_file(review *r, const char *path)
{
    if (r->n == r->cap) {
        r->cap = r->cap ? 2 * r->cap : 8;
        r->files = xrealloc(r->files, r->cap * sizeof *r->files);
    }
    review_file *f = &r->files[r->n++];
    memset(f, 0, sizeof *f);
    f->path = xstrdup(path);
    return f;
}

review_item *review_add_item(review *r, review_file *f)
{
    if (f->n == f->cap) {
        f->cap = f->cap ? 2 * f->cap : 16;
        f->v = xrealloc(f->v, f->cap * sizeof *f->v);
    }
    review_item *it = &f->v[f->n++];
    memset(it, 0, sizeof *it);
    it->id = r->next_id++;
    return it;
}

size_t review_count(const review *r)
{
    size_t n = 0;
    for (size_t i = 0; i < r->n; i++)
        n += r->files[i].n;
    return n;
}

/* ---- writing ---- */

void review_put_string(buf *out, const char *s, size_t n)
{
    buf_putc(out, '"');
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80) {
            int32_t cp;
            size_t l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
            if (cp < 0) {
                buf_printf(out, "\\x%02X", c);
                i++;
            } else {
                buf_put(out, s + i, l);
                i += l;
            }
            continue;
        }
        switch (c) {
        case '"': buf_puts(out, "\\\""); break;
        case '\\': buf_puts(out, "\\\\"); break;
        case '\n': buf_puts(out, "\\n"); break;
        case '\r': buf_puts(out, "\\r"); break;
        case '\t': buf_puts(out, "\\t"); break;
        default:
            if (c < 0x20 || c == 0x7F)
                buf_printf(out, "\\x%02X", c);
            else
                buf_putc(out, (char)c);
        }
        i++;
    }
    buf_putc(out, '"');
}

static void put_buf(buf *out, const buf *b)
{
    review_put_string(out, b->data ? b->data : "", b->len);
}

void review_write_head(const review *r, FILE *out)
{
    fprintf(out,
            "# unspin review, decisions pre-filled at level %s. Change the first word of\n"
            "# a finding to accept, reject or pending, and edit its replacement as you\n"
            "# like; then run `unspin apply FILE`. Only accepted findings are applied.\n"
            "# Format: unspin-review(5).\n",
            level_names[r->level]);
    fprintf(out, "unspin-review %d\nlevel %s\n", REVIEW_VERSION, level_names[r->level]);
    if (r->resume)
        fprintf(out, "resume %lu\n", r->resume);
}

void review_write_file(const review_file *f, FILE *out)
{
    buf b = BUF_INIT;
    char hex[2 * SHA256_SIZE + 1];
    sha256_hex(f->sha256, hex);
    buf_puts(&b, "\nfile ");
    review_put_string(&b, f->path, strlen(f->path));
    buf_printf(&b, "\nsha256 %s\n", hex);
    for (size_t k = 0; k < f->n; k++) {
        const review_item *it = &f->v[k];
        buf_printf(&b, "\n%s %lu %s %s ", decision_name(it->decision), it->id, kind_name(it->kind),
                   klass_name(it->klass));
        /* The rule is the rest of the line: no control bytes, no trailing blanks. */
        size_t rl = strlen(it->rule);
        while (rl && (it->rule[rl - 1] == ' ' || it->rule[rl - 1] == '\t'))
            rl--;
        for (size_t c = 0; c < rl; c++) {
            unsigned char ch = (unsigned char)it->rule[c];
            buf_putc(&b, ch < 0x20 || ch == 0x7F ? '?' : (char)ch);
        }
        if (!rl)
            buf_putc(&b, '?');
        buf_printf(&b, "\n  at %zu:%zu bytes %" PRIu64 "-%" PRIu64 "\n  context ", it->line, it->col,
                   it->start, it->end);
        put_buf(&b, &it->before);
        buf_puts(&b, " [");
        put_buf(&b, &it->text);
        buf_puts(&b, "] ");
        put_buf(&b, &it->after);
        buf_puts(&b, "\n  replace ");
        put_buf(&b, &it->replace);
        if (it->nalts) {
            buf_puts(&b, "\n  others");
            for (size_t a = 0; a < it->nalts; a++) {
                buf_putc(&b, ' ');
                put_buf(&b, &it->alts[a]);
            }
        }
        buf_putc(&b, '\n');
        if (b.len > 65536) {
            fwrite(b.data, 1, b.len, out);
            buf_clear(&b);
        }
    }
    fwrite(b.data, 1, b.len, out);
    buf_free(&b);
}

void review_write(const review *r, FILE *out)
{
    review_write_head(r, out);
    for (size_t i = 0; i < r->n; i++)
        review_write_file(&r->files[i], out);
}

void review_count_decisions(const review_file *f, size_t counts[3])
{
    for (size_t k = 0; k < f->n; k++)
        counts[f->v[k].decision]++;
}

int review_save(const review *r, const char *path)
{
    atomic_file *a = atomic_open(path);
    if (!a)
        return -1;
    review_write(r, atomic_stream(a));
    return atomic_commit(a, NULL);
}

/* ---- parsing ---- */

typedef struct parser {
    review *r;
    const char *name;
    size_t lineno;
    size_t errors;
    const char *p, *end;     /* the rest of the current line */
    review_file *file;
    review_item *item;
    unsigned seen;           /* fields of the current item */
    size_t item_errors;      /* errors when the current item began */
    int bad_item;            /* the last finding's first line was wrong: skip its fields */
    review_file_fn *on_file; /* called with each complete file, which is then dropped */
    void *ctx;
    int check_only;          /* keep nothing: every finding is parsed into `scratch` */
    review_item scratch;
    buf scratch_alt;
    int have_hash;
} parser;

enum { SEEN_AT = 1, SEEN_CONTEXT = 2, SEEN_REPLACE = 4 };

__attribute__((format(printf, 2, 3)))
static void perr(parser *ps, const char *fmt, ...)
{
    char msg[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){ps->name, ps->lineno, 0}, "%s", msg);
    ps->errors++;
}

static void skip_spaces(parser *ps)
{
    while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\t'))
        ps->p++;
}

/* The next space-separated word; sets *n; empty at the end of the line. */
static const char *word(parser *ps, size_t *n)
{
    skip_spaces(ps);
    const char *w = ps->p;
    while (ps->p < ps->end && *ps->p != ' ' && *ps->p != '\t')
        ps->p++;
    *n = (size_t)(ps->p - w);
    return w;
}

/* A quoted string into out (cleared first); 0, or -1 after reporting. */
static int string(parser *ps, buf *out, const char *what)
{
    buf_clear(out);
    buf_reserve(out, 1);   /* data is never NULL, even for "" */
    out->data[0] = '\0';
    skip_spaces(ps);
    if (ps->p >= ps->end || *ps->p != '"') {
        perr(ps, "expected a quoted string for %s", what);
        return -1;
    }
    ps->p++;
    while (ps->p < ps->end && *ps->p != '"') {
        /* Copy the run up to the next quote or backslash at once. */
        const char *run = ps->p;
        while (ps->p < ps->end && *ps->p != '"' && *ps->p != '\\')
            ps->p++;
        buf_put(out, run, (size_t)(ps->p - run));
        if (ps->p >= ps->end || *ps->p == '"')
            break;
        ps->p++;
        if (ps->p >= ps->end)
            break;
        char c = *ps->p++;
        switch (c) {
        case '\\': case '"': buf_putc(out, c); break;
        case 'n': buf_putc(out, '\n'); break;
        case 'r': buf_putc(out, '\r'); break;
        case 't': buf_putc(out, '\t'); break;
        case 'x': {
            int h = ps->end - ps->p >= 2 ? utf8_hex_digit((unsigned char)ps->p[0]) : -1;
            int l = h >= 0 ? utf8_hex_digit((unsigned char)ps->p[1]) : -1;
            if (l < 0) {
                perr(ps, "bad \\x escape in %s (two hex digits expected)", what);
                return -1;
            }
            buf_putc(out, (char)(h * 16 + l));
            ps->p += 2;
            break;
        }
        default:
            perr(ps, "unknown escape \\%c in %s (known: \\\\ \\\" \\n \\r \\t \\xHH)", c, what);
            return -1;
        }
    }
    if (ps->p >= ps->end) {
        perr(ps, "unterminated string in %s", what);
        return -1;
    }
    ps->p++;
    return 0;
}

static int at_end(parser *ps)
{
    skip_spaces(ps);
    if (ps->p < ps->end) {
        perr(ps, "unexpected text at the end of the line: '%.*s'", (int)(ps->end - ps->p), ps->p);
        return 0;
    }
    return 1;
}

static int number(const char **s, const char *end, uint64_t *v)
{
    const char *p = *s;
    uint64_t x = 0;
    if (p >= end || *p < '0' || *p > '9')
        return -1;
    for (; p < end && *p >= '0' && *p <= '9'; p++) {
        if (x > (UINT64_MAX - 9) / 10)
            return -1;
        x = x * 10 + (uint64_t)(*p - '0');
    }
    *s = p;
    *v = x;
    return 0;
}

/* Checks the finished item; called before the next one starts and at the end. */
static void item_done(parser *ps)
{
    review_item *it = ps->item;
    if (!it)
        return;
    ps->item = NULL;
    if (ps->errors > ps->item_errors)   /* already reported: no cascade */
        return;
    if ((ps->seen & (SEEN_AT | SEEN_CONTEXT | SEEN_REPLACE)) != (SEEN_AT | SEEN_CONTEXT | SEEN_REPLACE))
        perr(ps, "finding %lu lacks %s", it->id,
             !(ps->seen & SEEN_AT) ? "its 'at' line" : !(ps->seen & SEEN_CONTEXT) ? "its 'context' line"
                                                                                  : "its 'replace' line");
    else if (it->end - it->start != it->text.len)
        perr(ps, "finding %lu: bytes %" PRIu64 "-%" PRIu64 " do not match its text (%zu bytes)", it->id,
             it->start, it->end, it->text.len);
}

static void file_done(parser *ps)
{
    item_done(ps);
    if (ps->file && !ps->have_hash)
        perr(ps, "file \"%s\" has no sha256 line", ps->file->path);
    if (ps->file && ps->on_file) {
        ps->on_file(ps->file, ps->ctx);
        review_pop_file(ps->r);
    }
    ps->file = NULL;
}

static int kind_parse(const char *s, size_t n)
{
    for (int k = KIND_SPUN; k <= KIND_SPELL; k++)
        if (strlen(kind_name(k)) == n && memcmp(kind_name(k), s, n) == 0)
            return k;
    return -1;
}

static void item_line(parser *ps, int decision)
{
    item_done(ps);
    ps->bad_item = 1;
    if (!ps->file) {
        perr(ps, "a finding before the first 'file' line");
        return;
    }
    size_t n;
    const char *w = word(ps, &n);
    uint64_t id;
    const char *q = w;
    if (number(&q, w + n, &id) != 0 || q != w + n || id == 0 || id > 0xFFFFFFFFul) {
        perr(ps, "expected a finding number after '%s'", decision_name(decision));
        return;
    }
    w = word(ps, &n);
    int kind = kind_parse(w, n);
    if (kind < 0) {
        perr(ps, "unknown kind '%.*s' (spun, ocr, spelling)", (int)n, w);
        return;
    }
    w = word(ps, &n);
    int klass = klass_parse(w, n);
    if (klass < 0) {
        perr(ps, "unknown class '%.*s' (sure, likely, flag)", (int)n, w);
        return;
    }
    skip_spaces(ps);
    const char *rule = ps->p, *rend = ps->end;
    while (rend > rule && (rend[-1] == ' ' || rend[-1] == '\t'))
        rend--;
    if (rend == rule) {
        perr(ps, "finding %" PRIu64 " has no rule", id);
        return;
    }
    for (const char *c = rule; c < rend; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7F) {
            perr(ps, "the rule of finding %" PRIu64 " holds a control character", id);
            return;
        }
    review_item *it;
    if (ps->check_only) {
        it = &ps->scratch;
        free(it->rule);
    } else {
        it = review_add_item(ps->r, ps->file);
    }
    it->id = (unsigned long)id;
    if (it->id >= ps->r->next_id)
        ps->r->next_id = it->id + 1;
    it->decision = decision;
    it->kind = kind;
    it->klass = klass;
    it->rule = xstrndup(rule, (size_t)(rend - rule));
    ps->item = it;
    ps->seen = 0;
    ps->item_errors = ps->errors;
    ps->bad_item = 0;
}

static void field_line(parser *ps, const char *key, size_t klen)
{
    review_item *it = ps->item;
#define KEY(s) (klen == sizeof s - 1 && memcmp(key, s, klen) == 0)
    if (!it) {
        perr(ps, "'%.*s' outside a finding", (int)klen, key);
        return;
    }
    if (KEY("at")) {
        uint64_t line, col, s, e;
        skip_spaces(ps);
        const char *p = ps->p;
        if (number(&p, ps->end, &line) || p >= ps->end || *p++ != ':' || number(&p, ps->end, &col)) {
            perr(ps, "expected 'at LINE:COLUMN bytes START-END'");
            return;
        }
        ps->p = p;
        size_t n;
        const char *w = word(ps, &n);
        skip_spaces(ps);
        p = ps->p;
        if (n != 5 || memcmp(w, "bytes", 5) != 0 || number(&p, ps->end, &s) || p >= ps->end ||
            *p++ != '-' || number(&p, ps->end, &e) || e < s) {
            perr(ps, "expected 'at LINE:COLUMN bytes START-END' with START <= END");
            return;
        }
        ps->p = p;
        if (!at_end(ps))
            return;
        it->line = (size_t)line;
        it->col = (size_t)col;
        it->start = s;
        it->end = e;
        ps->seen |= SEEN_AT;
    } else if (KEY("context")) {
        if (string(ps, &it->before, "the context before"))
            return;
        skip_spaces(ps);
        if (ps->p >= ps->end || *ps->p != '[') {
            perr(ps, "expected '[' and the text of the finding in quotes");
            return;
        }
        ps->p++;
        if (string(ps, &it->text, "the text"))
            return;
        skip_spaces(ps);
        if (ps->p >= ps->end || *ps->p != ']') {
            perr(ps, "expected ']' after the text of the finding");
            return;
        }
        ps->p++;
        if (string(ps, &it->after, "the context after") || !at_end(ps))
            return;
        ps->seen |= SEEN_CONTEXT;
    } else if (KEY("replace")) {
        if (string(ps, &it->replace, "the replacement") || !at_end(ps))
            return;
        if (memchr(it->replace.data, '\0', it->replace.len)) {
            perr(ps, "the replacement of finding %lu holds a NUL byte", it->id);
            return;
        }
        ps->seen |= SEEN_REPLACE;
    } else if (KEY("others")) {
        skip_spaces(ps);
        while (ps->p < ps->end) {
            if (ps->check_only) {
                if (string(ps, &ps->scratch_alt, "an alternative"))
                    return;
                skip_spaces(ps);
                continue;
            }
            buf b = BUF_INIT;
            if (string(ps, &b, "an alternative")) {
                buf_free(&b);
                return;
            }
            it->alts = xrealloc(it->alts, (it->nalts + 1) * sizeof *it->alts);
            it->alts[it->nalts++] = b;
            skip_spaces(ps);
        }
    } else {
        perr(ps, "unknown line '%.*s'", (int)klen, key);
    }
#undef KEY
}

static void top_line(parser *ps, const char *key, size_t klen)
{
#define KEY(s) (klen == sizeof s - 1 && memcmp(key, s, klen) == 0)
    size_t n;
    const char *w;
    if (KEY("level")) {
        w = word(ps, &n);
        int l = lookup(level_names, 3, w, n);
        if (l < 0)
            perr(ps, "unknown level '%.*s'", (int)n, w);
        else if (at_end(ps))
            ps->r->level = l;
    } else if (KEY("resume")) {
        w = word(ps, &n);
        uint64_t id;
        if (number(&w, w + n, &id) || id > 0xFFFFFFFFul)
            perr(ps, "expected a finding number after 'resume'");
        else if (at_end(ps))
            ps->r->resume = (unsigned long)id;
    } else if (KEY("file")) {
        file_done(ps);
        ps->bad_item = 0;
        buf path = BUF_INIT;
        if (string(ps, &path, "the file name") == 0 && at_end(ps)) {
            if (path.len == 0 || memchr(path.data, '\0', path.len))
                perr(ps, "empty file name, or one with a NUL byte");
            else
                ps->file = review_add_file(ps->r, path.data);
            ps->have_hash = 0;
        }
        buf_free(&path);
    } else if (KEY("sha256")) {
        if (!ps->file || ps->item) {
            perr(ps, "'sha256' belongs right after a 'file' line");
            return;
        }
        w = word(ps, &n);
        int ok = n == 2 * SHA256_SIZE;
        for (size_t i = 0; ok && i < SHA256_SIZE; i++) {
            int h = utf8_hex_digit((unsigned char)w[2 * i]), l = utf8_hex_digit((unsigned char)w[2 * i + 1]);
            ok = h >= 0 && l >= 0;
            if (ok)
                ps->file->sha256[i] = (uint8_t)(h * 16 + l);
        }
        if (!ok)
            perr(ps, "expected 64 hex digits after 'sha256'");
        else if (at_end(ps))
            ps->have_hash = 1;
    } else {
        int d = decision_parse(key, klen);
        if (d >= 0)
            item_line(ps, d);
        else if (ps->item)
            field_line(ps, key, klen);
        else
            perr(ps, "unknown line '%.*s' (expected file, sha256, or a decision: accept, reject, pending)",
                 (int)klen, key);
    }
#undef KEY
}

size_t review_parse(review *r, const char *name, const char *data, size_t len)
{
    return review_parse_each(r, name, data, len, NULL, NULL);
}

static size_t parse(parser *ps, const char *data, size_t len);

size_t review_parse_each(review *r, const char *name, const char *data, size_t len,
                         review_file_fn *on_file, void *ctx)
{
    parser ps = {0};
    ps.r = r;
    ps.name = name;
    ps.on_file = on_file;
    ps.ctx = ctx;
    return parse(&ps, data, len);
}

static void no_file(const review_file *f, void *ctx)
{
    (void)f;
    (void)ctx;
}

size_t review_check(const char *name, const char *data, size_t len)
{
    review r;
    review_init(&r);
    parser ps = {0};
    ps.r = &r;
    ps.name = name;
    ps.on_file = no_file;
    ps.check_only = 1;
    size_t errors = parse(&ps, data, len);
    free(ps.scratch.rule);
    ps.scratch.rule = NULL;
    item_free(&ps.scratch);
    buf_free(&ps.scratch_alt);
    review_free(&r);
    return errors;
}

static size_t parse(parser *ps, const char *data, size_t len)
{
    int header = 0;
    const char *p = data, *end = data + len;
    if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
        p += 3;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        ps->lineno++;
        ps->p = p;
        ps->end = le > p && le[-1] == '\r' ? le - 1 : le;
        p = nl ? nl + 1 : end;
        skip_spaces(ps);
        if (ps->p == ps->end || *ps->p == '#')
            continue;
        size_t klen;
        const char *key = word(ps, &klen);
        if (!header) {
            uint64_t v = 0;
            skip_spaces(ps);
            const char *q = ps->p;
            if (klen != 13 || memcmp(key, "unspin-review", 13) != 0 || number(&q, ps->end, &v)) {
                perr(ps, "not a review file (the first line must be 'unspin-review %d')", REVIEW_VERSION);
                return ps->errors;
            }
            if (v != REVIEW_VERSION) {
                perr(ps, "review format version %" PRIu64 " is not supported (this unspin reads %d)", v,
                     REVIEW_VERSION);
                return ps->errors;
            }
            header = 1;
            continue;
        }
        int top = decision_parse(key, klen) >= 0 || (klen == 4 && memcmp(key, "file", 4) == 0);
        if (!top && !ps->item && ps->bad_item)
            continue;   /* the fields of a finding already reported */
        if (!top && ps->item)
            field_line(ps, key, klen);
        else
            top_line(ps, key, klen);
    }
    if (!header) {
        ps->lineno = 1;
        perr(ps, "not a review file (empty)");
    }
    file_done(ps);
    return ps->errors;
}

int review_read(const char *path, buf *out)
{
    if (buf_read_file(out, path) != 0) {
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){path, 0, 0}, "cannot read: %s", strerror(errno));
        return -1;
    }
    return 0;
}

long review_load(review *r, const char *path)
{
    buf b = BUF_INIT;
    if (review_read(path, &b) != 0) {
        buf_free(&b);
        return -1;
    }
    size_t errors = review_parse(r, path, b.data, b.len);
    buf_free(&b);
    return (long)errors;
}
