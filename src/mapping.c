/*
 * mapping: parses unspin-dict(5) files (and two-column tortured-phrase lists)
 * into entries indexed by a word trie.
 */
#include "mapping.h"
#include "buf.h"
#include "diag.h"
#include "finding.h"
#include "token.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

mapping *mapping_new(void)
{
    mapping *m = xcalloc(1, sizeof *m);
    m->trie = trie_new();
    return m;
}

static void entry_free(map_entry *e)
{
    free(e->spun);
    free(e->key);
    for (size_t i = 0; i < e->norigs; i++)
        free(e->origs[i]);
    free(e->origs);
    for (int i = 0; i < 4; i++)
        pcre2_code_free(e->cond[i]);
    free(e->id);
}

void mapping_free(mapping *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->n; i++)
        entry_free(&m->v[i]);
    free(m->v);
    for (size_t i = 0; i < m->nfiles; i++)
        free(m->files[i]);
    free(m->files);
    trie_free(m->trie);
    free(m);
}

/* A line being parsed, for messages. */
typedef struct line_ctx {
    const char *file;
    size_t line;
    int errors;
} line_ctx;

static void bad(line_ctx *lc, const char *fmt, const char *arg)
{
    diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){lc->file, lc->line, 0}, fmt, arg);
    lc->errors++;
}

/* Trims spaces at both ends of s[0..*n). */
static const char *trim(const char *s, size_t *n)
{
    while (*n && (*s == ' ' || *s == '\r')) {
        s++;
        (*n)--;
    }
    while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\r'))
        (*n)--;
    return s;
}

/* Collapses runs of spaces in s[0..n) into one; returns an owned string. */
static char *squeeze(const char *s, size_t n)
{
    buf b = BUF_INIT;
    s = trim(s, &n);
    for (size_t i = 0; i < n; i++) {
        if (s[i] == ' ' && b.len && b.data[b.len - 1] == ' ')
            continue;
        buf_putc(&b, s[i]);
    }
    return buf_detach(&b);
}

/* Splits "a|b|c" into e->origs. */
static void set_origs(map_entry *e, const char *s, size_t n, char sep)
{
    size_t i = 0;
    while (i <= n) {
        size_t j = i;
        while (j < n && s[j] != sep)
            j++;
        size_t len = j - i;
        const char *o = trim(s + i, &len);
        if (len) {
            e->origs = xrealloc(e->origs, (e->norigs + 1) * sizeof *e->origs);
            e->origs[e->norigs++] = squeeze(o, len);
        }
        i = j + 1;
    }
}

static int compile_cond(line_ctx *lc, map_entry *e, int which, const char *pat, size_t n)
{
    int err;
    PCRE2_SIZE off;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pat, n,
                                   PCRE2_UTF | PCRE2_CASELESS | PCRE2_MATCH_INVALID_UTF,
                                   &err, &off, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(err, msg, sizeof msg);
        char *p = xstrndup(pat, n);
        buf b = BUF_INIT;
        buf_printf(&b, "bad pattern '%s': %s at offset %zu", p, (char *)msg, (size_t)off);
        bad(lc, "%s", b.data);
        buf_free(&b);
        free(p);
        return -1;
    }
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);
    pcre2_code_free(e->cond[which]);
    e->cond[which] = re;
    return 0;
}

/* Parses one attribute field (TAB-separated); returns -1 on error. */
static int parse_attrs(line_ctx *lc, map_entry *e, const char *s, size_t n)
{
    static const char *const conds[] = {"before=", "after=", "!before=", "!after="};
    for (int c = 0; c < 4; c++) {
        size_t kl = strlen(conds[c]);
        if (n >= kl && memcmp(s, conds[c], kl) == 0)
            return compile_cond(lc, e, c, s + kl, n - kl);
    }
    /* Otherwise space-separated key=value words. */
    size_t i = 0;
    while (i < n) {
        while (i < n && s[i] == ' ')
            i++;
        size_t j = i;
        while (j < n && s[j] != ' ')
            j++;
        if (j == i)
            break;
        char *w = xstrndup(s + i, j - i);
        char *eq = strchr(w, '=');
        int ok = eq != NULL;
        for (int c = 0; c < 4 && ok; c++)
            if (strncmp(w, conds[c], strlen(conds[c])) == 0) {
                bad(lc, "%s", "a condition needs a TAB-separated field of its own");
                free(w);
                return -1;
            }
        if (ok) {
            *eq = '\0';
            const char *v = eq + 1;
            char *endp;
            if (strcmp(w, "n") == 0 || strcmp(w, "keep") == 0) {
                errno = 0;
                unsigned long x = strtoul(v, &endp, 10);
                ok = *v && !*endp && errno == 0;
                if (ok)
                    *(strcmp(w, "n") == 0 ? &e->n : &e->keep) = (unsigned)x;
            } else if (strcmp(w, "case") == 0) {
                ok = strcmp(v, "exact") == 0;
                if (ok)
                    e->flags |= MAPF_CASE_EXACT;
            } else if (strcmp(w, "gate") == 0) {
                ok = strcmp(v, "spun") == 0;
                if (ok)
                    e->flags |= MAPF_GATE_SPUN;
            }
            /* Other attributes (src=, brown=, …) are kept for people and ignored. */
            *eq = '=';
        }
        if (!ok)
            bad(lc, "bad attribute '%s'", w);
        free(w);
        if (!ok)
            return -1;
        i = j;
    }
    return 0;
}

static const char *intern_file(mapping *m, const char *path)
{
    for (size_t i = 0; i < m->nfiles; i++)
        if (strcmp(m->files[i], path) == 0)
            return m->files[i];
    m->files = xrealloc(m->files, (m->nfiles + 1) * sizeof *m->files);
    return m->files[m->nfiles++] = xstrdup(path);
}

/* Indexes entry idx in the trie under its spun phrase; -1 when it has no words. */
static int index_entry(mapping *m, int32_t idx, line_ctx *lc)
{
    map_entry *e = &m->v[idx];
    tok_list toks = {0};
    tok_split(e->spun, strlen(e->spun), &toks);
    uint32_t node = TRIE_ROOT;
    buf key = BUF_INIT;
    int words = 0;
    for (size_t i = 0; i < toks.n; i++) {
        const token *t = &toks.v[i];
        if (t->type == TOK_SPACE || t->type == TOK_NEWLINE)
            continue;
        if (tok_is_wordlike(t))
            words++;
        e->words = (unsigned)words;
        node = trie_add(m->trie, node, t->hash);
        char tmp[256];
        size_t fl = tok_fold(e->spun + t->start, t->len, tmp, sizeof tmp);
        if (fl == (size_t)-1) {
            bad(lc, "word too long in '%s'", e->spun);
            buf_free(&key);
            tok_list_free(&toks);
            return -1;
        }
        if (key.len)
            buf_putc(&key, ' ');
        buf_put(&key, tmp, fl);
    }
    tok_list_free(&toks);
    if (words == 0) {
        bad(lc, "spun phrase '%s' has no words", e->spun);
        buf_free(&key);
        return -1;
    }
    e->key = buf_detach(&key);
    /* Keep file order among entries that share a key: append to the chain. */
    int32_t head = trie_value(m->trie, node);
    if (head < 0) {
        trie_set_value(m->trie, node, idx);
    } else {
        while (m->v[head].next >= 0)
            head = m->v[head].next;
        m->v[head].next = idx;
    }
    return 0;
}

static int contains(const char *s, size_t n, const char *word)
{
    size_t wl = strlen(word);
    for (size_t i = 0; i + wl <= n; i++)
        if (memcmp(s + i, word, wl) == 0)
            return 1;
    return 0;
}

/* Copies s[0..n) without notes in parentheses into out; returns 1 when a
 * note says the entry is doubtful ("(?)") or depends on context. */
static int strip_notes(const char *s, size_t n, buf *out)
{
    int doubtful = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '(') {
            const char *close = memchr(s + i, ')', n - i);
            size_t end = close ? (size_t)(close - s) : n;   /* unclosed: to the end */
            const char *note = s + i + 1;
            size_t nl = end - i - 1;
            if ((nl == 1 && note[0] == '?') || contains(note, nl, "context"))
                doubtful = 1;
            i = end;
            continue;
        }
        buf_putc(out, s[i]);
    }
    return doubtful;
}

/* Interprets a two-column tortured-phrase line's original: drops notes in
 * parentheses ("(?)" and context notes make the entry flag-only, and so does
 * an original that is only a note), and "a/b" gives alternatives. */
static void set_tortured_original(map_entry *e, const char *s, size_t n)
{
    buf b = BUF_INIT;
    if (strip_notes(s, n, &b))
        e->klass = CLASS_FLAG;
    set_origs(e, b.data ? b.data : "", b.len, '/');
    if (e->norigs == 0)
        e->klass = CLASS_FLAG;
    buf_free(&b);
}

static int parse_line(mapping *m, line_ctx *lc, const char *s, size_t n, int format)
{
    const char *f[4];
    size_t fl[4];
    size_t nf = 0;
    const char *attrs = NULL;
    size_t attrs_len = 0;
    size_t i = 0;
    while (nf < 3) {
        size_t j = i;
        while (j < n && s[j] != '\t')
            j++;
        f[nf] = s + i;
        fl[nf] = j - i;
        nf++;
        if (j >= n)
            break;
        i = j + 1;
        if (nf == 3) {
            attrs = s + i;
            attrs_len = n - i;
        }
    }
    /* The header line of tortured-phrase lists. */
    if (nf == 2 && fl[0] == 4 && memcmp(f[0], "spun", 4) == 0)
        return 0;
    if (nf < 2 || (nf == 2 && format != MAP_FORMAT_AUTO)) {
        bad(lc, "%s", nf < 2 ? "expected spun<TAB>original<TAB>class"
                             : "missing class (sure, likely or flag)");
        return -1;
    }
    size_t sl = fl[0], ol = fl[1];
    const char *sp = trim(f[0], &sl), *op = trim(f[1], &ol);
    if (!sl || !ol) {
        bad(lc, "%s", !sl ? "empty spun phrase" : "empty original");
        return -1;
    }
    if (m->n == m->cap) {
        m->cap = m->cap ? m->cap * 2 : 1024;
        m->v = xrealloc(m->v, m->cap * sizeof *m->v);
    }
    map_entry *e = &m->v[m->n];
    memset(e, 0, sizeof *e);
    e->next = -1;
    if (nf == 2) {
        /* Lists note abbreviations on the spun side too: "… quality (CR)". */
        buf b = BUF_INIT;
        strip_notes(sp, sl, &b);
        e->spun = squeeze(b.data ? b.data : "", b.len);
        buf_free(&b);
    } else {
        e->spun = squeeze(sp, sl);
    }
    e->file = intern_file(m, lc->file);
    e->line = lc->line;
    const char *base = strrchr(lc->file, '/');
    buf id = BUF_INIT;
    buf_printf(&id, "%s:%zu", base ? base + 1 : lc->file, lc->line);
    e->id = buf_detach(&id);
    int rc = 0;
    if (nf == 2) {
        e->klass = CLASS_LIKELY;
        set_tortured_original(e, op, ol);
    } else {
        size_t cl = fl[2];
        const char *cp = trim(f[2], &cl);
        e->klass = klass_parse(cp, cl);
        if (e->klass < 0) {
            char *c = xstrndup(cp, cl);
            bad(lc, "unknown class '%s' (expected sure, likely or flag)", c);
            free(c);
            rc = -1;
        }
        set_origs(e, op, ol, '|');
    }
    /* Attributes: TAB-separated fields after the class. */
    while (rc == 0 && attrs && attrs_len) {
        const char *tab = memchr(attrs, '\t', attrs_len);
        size_t al = tab ? (size_t)(tab - attrs) : attrs_len;
        size_t tl = al;
        const char *a = trim(attrs, &tl);
        if (tl)
            rc = parse_attrs(lc, e, a, tl);
        if (!tab)
            break;
        attrs_len -= al + 1;
        attrs = tab + 1;
    }
    if (rc == 0 && e->norigs == 0 && nf > 2) {
        bad(lc, "%s", "empty original");
        rc = -1;
    }
    if (rc == 0)
        rc = index_entry(m, (int32_t)m->n, lc);
    if (rc != 0) {
        entry_free(e);
        return -1;
    }
    m->n++;
    return 0;
}

int mapping_load_buffer(mapping *m, const char *name, const char *data, size_t len, int format)
{
    line_ctx lc = {name, 0, 0};
    size_t i = 0;
    if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
        i = 3;   /* a BOM is not part of the first entry */
    while (i < len) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - data) : len;
        lc.line++;
        const char *s = data + i;
        size_t n = end - i;
        if (n && s[n - 1] == '\r')
            n--;
        size_t k = 0;
        while (k < n && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (k < n && s[k] != '#') {
            if (memchr(s, '\0', n))
                bad(&lc, "%s", "NUL byte in line");
            else
                parse_line(m, &lc, s, n, format);
        }
        i = end + 1;
    }
    return lc.errors;
}

int mapping_load_file(mapping *m, const char *path, int format)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){path, 0, 0}, "cannot read mapping: %s",
             strerror(errno));
        return -1;
    }
    buf b = BUF_INIT;
    char chunk[65536];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
        buf_put(&b, chunk, got);
    int failed = ferror(fp);
    fclose(fp);
    if (failed) {
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){path, 0, 0}, "read error");
        buf_free(&b);
        return -1;
    }
    int errors = mapping_load_buffer(m, path, b.data ? b.data : "", b.len, format);
    buf_free(&b);
    return errors;
}

static int same_conditions(const map_entry *a, const map_entry *b)
{
    for (int i = 0; i < 4; i++)
        if ((a->cond[i] == NULL) != (b->cond[i] == NULL))
            return 0;
    return a->flags == b->flags && a->cond[0] == NULL && a->cond[1] == NULL &&
           a->cond[2] == NULL && a->cond[3] == NULL;
}

static void lint_warn(const map_entry *e, const char *fmt, const char *a, const char *b)
{
    diag(DIAG_WARNING, 0, (diag_loc){e->file, e->line, 0}, fmt, a, b);
}

/* Finds the entry chain whose key equals the folded phrase s. */
static int32_t lookup_phrase(const mapping *m, const char *s)
{
    tok_list toks = {0};
    tok_split(s, strlen(s), &toks);
    uint32_t node = TRIE_ROOT;
    for (size_t i = 0; i < toks.n && node != TRIE_NONE; i++) {
        const token *t = &toks.v[i];
        if (t->type != TOK_SPACE && t->type != TOK_NEWLINE)
            node = trie_child(m->trie, node, t->hash);
    }
    tok_list_free(&toks);
    return node == TRIE_NONE ? -1 : trie_value(m->trie, node);
}

size_t mapping_lint(const mapping *m)
{
    size_t problems = 0;
    for (size_t i = 0; i < m->n; i++) {
        const map_entry *e = &m->v[i];
        /* Earlier entries with the same key: duplicates or conflicts. */
        for (int32_t j = lookup_phrase(m, e->spun); j >= 0 && (size_t)j < i; j = m->v[j].next) {
            const map_entry *d = &m->v[j];
            if (!same_conditions(d, e))
                continue;
            /* A note-only entry (flag, no original) has "" as its original. */
            if (strcmp(d->norigs ? d->origs[0] : "", e->norigs ? e->origs[0] : "") == 0)
                lint_warn(e, "duplicate of %s ('%s')", d->id, e->spun);
            else
                lint_warn(e, "conflicts with %s: '%s' has two originals", d->id, e->spun);
            problems++;
            break;
        }
        for (size_t k = 0; k < e->norigs; k++) {
            char fold[1024];
            if (tok_fold(e->origs[k], strlen(e->origs[k]), fold, sizeof fold) != (size_t)-1 &&
                strcmp(fold, e->key) == 0) {
                lint_warn(e, "original '%s' is the spun phrase itself%s", e->origs[k], "");
                problems++;
                continue;
            }
            int32_t c = lookup_phrase(m, e->origs[k]);
            for (; c >= 0; c = m->v[c].next) {
                const map_entry *t = &m->v[c];
                /* Only a sure entry rewrites everywhere; likely ones are decided in
                 * context, where spinners' two-way swaps (financial <=> economic) are real. */
                if (t->klass != CLASS_SURE || t->cond[0] || t->cond[1] || t->cond[2] || t->cond[3])
                    continue;
                lint_warn(e, "original '%s' is itself a spun form (%s)", e->origs[k], t->id);
                problems++;
                break;
            }
        }
    }
    return problems;
}
