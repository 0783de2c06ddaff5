/* names: the names list and the guard (see names.h). */
#include "names.h"
#include "buf.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define CHUNK_MAX 64   /* tokens either side; a longer run without spaces is not prose */

/* A set of strings: open addressing over an arena of NUL-terminated keys. */
typedef struct strset {
    uint32_t *slot;    /* arena offset + 1; 0 = empty */
    size_t cap, n;
    buf arena;
} strset;

struct names {
    strset exact;      /* as written */
    strset folded;     /* lower case, ’ as ' */
};

static uint32_t hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

static size_t set_find(const strset *s, const char *w, size_t n, uint32_t h)
{
    size_t k = h & (s->cap - 1);
    for (; s->slot[k]; k = (k + 1) & (s->cap - 1)) {
        const char *key = s->arena.data + s->slot[k] - 1;
        if (strncmp(key, w, n) == 0 && key[n] == '\0')
            return k;
    }
    return k;
}

static void set_grow(strset *s)
{
    size_t cap = s->cap ? s->cap * 2 : 1024;
    uint32_t *slot = xcalloc(cap, sizeof *slot);
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->slot[i])
            continue;
        const char *key = s->arena.data + s->slot[i] - 1;
        size_t k = hash_bytes(key, strlen(key)) & (cap - 1);
        while (slot[k])
            k = (k + 1) & (cap - 1);
        slot[k] = s->slot[i];
    }
    free(s->slot);
    s->slot = slot;
    s->cap = cap;
}

static void set_add(strset *s, const char *w, size_t n)
{
    if ((s->n + 1) * 2 > s->cap)
        set_grow(s);
    uint32_t h = hash_bytes(w, n);
    size_t k = set_find(s, w, n, h);
    if (s->slot[k])
        return;
    s->slot[k] = (uint32_t)s->arena.len + 1;
    buf_put(&s->arena, w, n);
    buf_putc(&s->arena, '\0');
    s->n++;
}

static int set_has(const strset *s, const char *w, size_t n)
{
    if (!s->n)
        return 0;
    return s->slot[set_find(s, w, n, hash_bytes(w, n))] != 0;
}

static void set_free(strset *s)
{
    free(s->slot);
    buf_free(&s->arena);
}

names *names_new(void)
{
    return xcalloc(1, sizeof(names));
}

void names_free(names *nm)
{
    if (!nm)
        return;
    set_free(&nm->exact);
    set_free(&nm->folded);
    free(nm);
}

void names_add(names *nm, const char *w, size_t n)
{
    char folded[256];
    set_add(&nm->exact, w, n);
    size_t fl = tok_fold(w, n, folded, sizeof folded);
    if (fl != (size_t)-1)
        set_add(&nm->folded, folded, fl);
}

long names_load(names *nm, const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return -1;
    char line[512];
    long count = 0;
    while (fgets(line, sizeof line, f)) {
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r' || line[n - 1] == ' '))
            n--;
        if (n == 0 || line[0] == '#')
            continue;
        names_add(nm, line, n);
        count++;
    }
    fclose(f);
    return count;
}

static int all_lower(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (w[i] >= 'A' && w[i] <= 'Z')
            return 0;
    return 1;   /* non-ASCII capitals are rare enough in names lists to ignore */
}

int names_has(const names *nm, const char *w, size_t n)
{
    if (set_has(&nm->exact, w, n))
        return 1;
    if (all_lower(w, n))
        return 0;
    char folded[256];
    size_t fl = tok_fold(w, n, folded, sizeof folded);
    return fl != (size_t)-1 && set_has(&nm->folded, folded, fl);
}

int names_has_written(const names *nm, const char *w, size_t n)
{
    if (set_has(&nm->exact, w, n))
        return 1;
    if (n == 0 || n > 255 || !(w[0] >= 'A' && w[0] <= 'Z') || !all_lower(w + 1, n - 1))
        return 0;
    char low[256];
    memcpy(low, w, n);
    low[0] = (char)(low[0] | 0x20);
    return set_has(&nm->exact, low, n);
}

size_t names_count(const names *nm)
{
    return nm->exact.n;
}

/* --- the guard --------------------------------------------------------- */

static int is_gap(const token *t)
{
    return t->type == TOK_SPACE || t->type == TOK_NEWLINE;
}

/* The ASCII character of a one-byte punctuation token, or 0. */
static int punct_char(const char *text, const token *t)
{
    return t->type == TOK_PUNCT && t->len == 1 ? (unsigned char)text[t->start] : 0;
}

static int wordlike(const token *t, size_t n, size_t k)
{
    return k < n && tok_is_wordlike(&t[k]);
}

int names_chunk_guard(const char *text, const token *t, size_t n, size_t i)
{
    size_t lo = i, hi = i;
    while (lo > 0 && !is_gap(&t[lo - 1]))
        if (i - --lo > CHUNK_MAX)
            return GUARD_CODE;
    while (hi + 1 < n && !is_gap(&t[hi + 1]))
        if (++hi - i > CHUNK_MAX)
            return GUARD_CODE;
    if (lo == hi)
        return GUARD_NONE;
    int code = 0;
    for (size_t k = lo; k <= hi; k++) {
        int c = punct_char(text, &t[k]);
        if (!c)
            continue;
        int before = k > lo && tok_is_wordlike(&t[k - 1]);
        int after = k < hi && wordlike(t, n, k + 1);
        switch (c) {
        case '@':
            if (after)
                return before ? GUARD_EMAIL : GUARD_TAG;
            break;
        case '#':
            if (after)
                return before ? GUARD_CODE : GUARD_TAG;
            break;
        case ':':
            if (k + 2 <= hi && punct_char(text, &t[k + 1]) == '/' &&
                punct_char(text, &t[k + 2]) == '/')
                return GUARD_URL;
            code |= before && after;
            break;
        case '.':
            if (before && after) {
                /* www.example.org, example.com */
                const token *w = &t[lo];
                if (w->type == TOK_WORD && w->len == 3 && memcmp(text + w->start, "www", 3) == 0)
                    return GUARD_URL;
                code = 1;
            }
            break;
        case '&':
            code |= before && after;
            break;
        case '/': case '\\': case '_': case '=': case '<': case '>': case '{': case '}':
        case '|': case '~': case '^': case '`': case '$': case '+': case '*': case '[':
        case ']':
            code = 1;
            break;
        default:
            break;
        }
    }
    return code ? GUARD_CODE : GUARD_NONE;
}

int names_guard(const names *nm, const char *text, const token *t, size_t n, size_t i)
{
    const token *w = &t[i];
    if (w->shape == SHAPE_UPPER || w->shape == SHAPE_MIXED)
        return GUARD_ACRONYM;
    if (w->shape == SHAPE_TITLE && !(w->flags & TOKF_SENT_START))
        return GUARD_CAPITAL;
    if (w->flags & TOKF_DIGIT)
        return GUARD_DIGIT;
    if (nm && names_has(nm, text + w->start, w->len))
        return GUARD_KNOWN;
    return names_chunk_guard(text, t, n, i);
}
