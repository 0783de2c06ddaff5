/* thesaurus: the inverse Moby thesaurus with morphology (see thesaurus.h). */
#include "thesaurus.h"
#include "buf.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct thesaurus {
    unsigned char *data;       /* the whole file; owned */
    size_t len;
    uint32_t nterms, nirr;
    const unsigned char *term_str, *term_links, *irr, *irr_by_lemma;
    const char *strings;
    uint32_t strings_len;
    const unsigned char *links;
    uint32_t links_len;
    unsigned char *has_irr;    /* per term: 1 when it is the lemma of an irregular form; owned */
};

enum { IRR_FORM, IRR_LEMMA, IRR_TAG };

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static const char *str_at(const thesaurus *t, uint32_t off)
{
    return t->strings + off;
}

size_t thesaurus_size(const thesaurus *t)
{
    return t->nterms;
}

const char *thesaurus_term(const thesaurus *t, uint32_t i)
{
    return str_at(t, rd32(t->term_str + 4 * (size_t)i));
}

static uint32_t irr_field(const thesaurus *t, uint32_t k, int field)
{
    return rd32(t->irr + 12 * (size_t)k + 4 * (size_t)field);
}

/* Checks every offset once, so that lookups need no checks. */
static const char *validate(thesaurus *t)
{
    const unsigned char *p = t->data;
    if (t->len < 24 || memcmp(p, "UNSPTHS1", 8) != 0)
        return "not an unspin thesaurus table";
    t->nterms = rd32(p + 8);
    t->nirr = rd32(p + 12);
    t->strings_len = rd32(p + 16);
    t->links_len = rd32(p + 20);
    uint64_t need = 24 + 4 * (uint64_t)t->nterms + 4 * ((uint64_t)t->nterms + 1) +
                    12 * (uint64_t)t->nirr + 4 * (uint64_t)t->nirr + t->strings_len + t->links_len;
    if (need != t->len)
        return "thesaurus table has the wrong size";
    t->term_str = p + 24;
    t->term_links = t->term_str + 4 * (size_t)t->nterms;
    t->irr = t->term_links + 4 * ((size_t)t->nterms + 1);
    t->irr_by_lemma = t->irr + 12 * (size_t)t->nirr;
    t->strings = (const char *)(t->irr_by_lemma + 4 * (size_t)t->nirr);
    t->links = (const unsigned char *)t->strings + t->strings_len;
    if (t->strings_len == 0 || t->strings[t->strings_len - 1] != '\0')
        return "thesaurus strings are not terminated";
    for (uint32_t i = 0; i < t->nterms; i++)
        if (rd32(t->term_str + 4 * (size_t)i) >= t->strings_len)
            return "thesaurus word offset out of range";
    uint32_t prev = 0;
    for (uint32_t i = 0; i <= t->nterms; i++) {
        uint32_t o = rd32(t->term_links + 4 * (size_t)i);
        if (o < prev || o > t->links_len)
            return "thesaurus link offset out of range";
        prev = o;
    }
    for (uint32_t k = 0; k < t->nirr; k++) {
        if (irr_field(t, k, IRR_FORM) >= t->strings_len || irr_field(t, k, IRR_LEMMA) >= t->strings_len ||
            irr_field(t, k, IRR_TAG) >= THS_NTAGS)
            return "thesaurus irregular form out of range";
        if (rd32(t->irr_by_lemma + 4 * (size_t)k) >= t->nirr)
            return "thesaurus irregular index out of range";
    }
    /* Link lists: every decoded index in range and the last byte complete. */
    for (uint32_t i = 0; i < t->nterms; i++) {
        uint32_t a = rd32(t->term_links + 4 * (size_t)i), b = rd32(t->term_links + 4 * ((size_t)i + 1));
        uint64_t v = 0;
        int shift = 0;
        for (uint32_t k = a; k < b; k++) {
            uint8_t c = t->links[k];
            if (shift > 28)
                return "thesaurus link list is corrupt";
            v += (uint64_t)(c & 0x7F) << shift;
            shift += 7;
            if (!(c & 0x80))
                shift = 0;
            if (v >= t->nterms)
                return "thesaurus link out of range";
            if (!(c & 0x80) && k + 1 < b)
                continue;
        }
        if (b > a && (t->links[b - 1] & 0x80))
            return "thesaurus link list is truncated";
    }
    return NULL;
}

thesaurus *thesaurus_from_buffer(const void *data, size_t len, const char **why)
{
    thesaurus *t = xcalloc(1, sizeof *t);
    t->data = xmalloc(len ? len : 1);
    memcpy(t->data, data, len);
    t->len = len;
    const char *err = validate(t);
    if (err) {
        if (why)
            *why = err;
        thesaurus_close(t);
        return NULL;
    }
    /* Most candidates have no irregular forms: mark those that do, so that
     * re-inflecting the others needs no search. */
    t->has_irr = xcalloc(t->nterms ? t->nterms : 1, 1);
    for (uint32_t k = 0; k < t->nirr; k++) {
        uint32_t i = thesaurus_find(t, str_at(t, irr_field(t, k, IRR_LEMMA)));
        if (i != (uint32_t)-1)
            t->has_irr[i] = 1;
    }
    return t;
}

thesaurus *thesaurus_open(const char *path, const char **why)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        if (why)
            *why = strerror(errno);
        return NULL;
    }
    buf b = BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(&b, chunk, n);
    int bad = ferror(f);
    fclose(f);
    if (bad) {
        if (why)
            *why = "read error";
        buf_free(&b);
        return NULL;
    }
    thesaurus *t = thesaurus_from_buffer(b.data, b.len, why);
    buf_free(&b);
    return t;
}

void thesaurus_close(thesaurus *t)
{
    if (!t)
        return;
    free(t->data);
    free(t->has_irr);
    free(t);
}

uint32_t thesaurus_find(const thesaurus *t, const char *word)
{
    uint32_t lo = 0, hi = t->nterms;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        int c = strcmp(thesaurus_term(t, mid), word);
        if (c == 0)
            return mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return (uint32_t)-1;
}

/* Decodes term i's links into out (at most max); returns how many. */
static size_t links_of(const thesaurus *t, uint32_t i, uint32_t *out, size_t max)
{
    uint32_t a = rd32(t->term_links + 4 * (size_t)i), b = rd32(t->term_links + 4 * ((size_t)i + 1));
    uint32_t v = 0, d = 0;
    int shift = 0;
    size_t n = 0;
    for (uint32_t k = a; k < b && n < max; k++) {
        d |= (uint32_t)(t->links[k] & 0x7F) << shift;
        shift += 7;
        if (!(t->links[k] & 0x80)) {
            v += d;
            out[n++] = v;
            d = 0;
            shift = 0;
        }
    }
    return n;
}

size_t thesaurus_links(const thesaurus *t, uint32_t i, uint32_t *out, size_t max)
{
    return links_of(t, i, out, max);
}

uint32_t thesaurus_degree(const thesaurus *t, uint32_t i)
{
    uint32_t a = rd32(t->term_links + 4 * (size_t)i), b = rd32(t->term_links + 4 * ((size_t)i + 1));
    uint32_t n = 0;
    for (uint32_t k = a; k < b; k++)
        n += !(t->links[k] & 0x80);
    return n;
}

int thesaurus_linked(const thesaurus *t, uint32_t a, uint32_t b)
{
    uint32_t v[4096];
    size_t n = links_of(t, a, v, 4096);
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (v[mid] == b)
            return 1;
        if (v[mid] < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* ---- morphology ---- */

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* consonant-vowel-consonant ending of a short word: stop → stopped */
static int cvc(const char *w, size_t n)
{
    return n >= 3 && n <= 5 && !is_vowel(w[n - 1]) && w[n - 1] != 'w' && w[n - 1] != 'x' &&
           w[n - 1] != 'y' && is_vowel(w[n - 2]) && !is_vowel(w[n - 3]);
}

typedef struct lemma_set {
    uint32_t *terms;
    uint8_t *tags;
    size_t n, max;
} lemma_set;

static void try_lemma(const thesaurus *t, lemma_set *s, const char *stem, size_t n,
                      const char *add, int tag)
{
    char w[THS_WORD_MAX];
    size_t al = strlen(add);
    if (n == 0 || n + al >= sizeof w || s->n == s->max)
        return;
    memcpy(w, stem, n);
    memcpy(w + n, add, al + 1);
    uint32_t i = thesaurus_find(t, w);
    if (i == (uint32_t)-1)
        return;
    for (size_t k = 0; k < s->n; k++)
        if (s->terms[k] == i && s->tags[k] == tag)
            return;
    s->terms[s->n] = i;
    s->tags[s->n++] = (uint8_t)tag;
}

static int ends(const char *w, size_t n, const char *suf)
{
    size_t l = strlen(suf);
    return n > l + 1 && memcmp(w + n - l, suf, l) == 0;
}

size_t thesaurus_lemmas(const thesaurus *t, const char *w, uint32_t *terms, uint8_t *tags, size_t max)
{
    lemma_set s = {terms, tags, 0, max};
    size_t n = strlen(w);
    if (n == 0 || n >= THS_WORD_MAX)
        return 0;
    try_lemma(t, &s, w, n, "", THS_BASE);
    /* irregular forms */
    uint32_t lo = 0, hi = t->nirr;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        if (strcmp(str_at(t, irr_field(t, mid, IRR_FORM)), w) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (uint32_t k = lo; k < t->nirr && strcmp(str_at(t, irr_field(t, k, IRR_FORM)), w) == 0; k++) {
        const char *l = str_at(t, irr_field(t, k, IRR_LEMMA));
        try_lemma(t, &s, l, strlen(l), "", (int)irr_field(t, k, IRR_TAG));
    }
    if (ends(w, n, "ies"))
        try_lemma(t, &s, w, n - 3, "y", THS_S);
    else if (ends(w, n, "es") && (ends(w, n - 2, "s") || ends(w, n - 2, "x") || ends(w, n - 2, "z") ||
                                  ends(w, n - 2, "ch") || ends(w, n - 2, "sh")))
        try_lemma(t, &s, w, n - 2, "", THS_S);
    else if (ends(w, n, "s") && !ends(w, n, "ss") && !ends(w, n, "us") && !ends(w, n, "is"))
        try_lemma(t, &s, w, n - 1, "", THS_S);
    if (ends(w, n, "ied"))
        try_lemma(t, &s, w, n - 3, "y", THS_ED);
    else if (ends(w, n, "ed") && n >= 5) {
        try_lemma(t, &s, w, n - 2, "", THS_ED);
        try_lemma(t, &s, w, n - 1, "", THS_ED);
        if (w[n - 3] == w[n - 4])
            try_lemma(t, &s, w, n - 3, "", THS_ED);
    }
    if (ends(w, n, "ing") && n >= 6) {
        try_lemma(t, &s, w, n - 3, "", THS_ING);
        try_lemma(t, &s, w, n - 3, "e", THS_ING);
        if (w[n - 4] == w[n - 5])
            try_lemma(t, &s, w, n - 4, "", THS_ING);
    }
    if (n >= 5 && ends(w, n, "ier"))
        try_lemma(t, &s, w, n - 3, "y", THS_ER);
    else if (n >= 5 && ends(w, n, "er")) {
        try_lemma(t, &s, w, n - 2, "", THS_ER);
        try_lemma(t, &s, w, n - 1, "", THS_ER);
        if (w[n - 3] == w[n - 4])
            try_lemma(t, &s, w, n - 3, "", THS_ER);
    }
    if (n >= 6 && ends(w, n, "iest"))
        try_lemma(t, &s, w, n - 4, "y", THS_EST);
    else if (n >= 6 && ends(w, n, "est")) {
        try_lemma(t, &s, w, n - 3, "", THS_EST);
        try_lemma(t, &s, w, n - 2, "", THS_EST);
        if (w[n - 4] == w[n - 5])
            try_lemma(t, &s, w, n - 4, "", THS_EST);
    }
    if (n >= 5 && ends(w, n, "ily"))
        try_lemma(t, &s, w, n - 3, "y", THS_LY);
    else if (n >= 7 && ends(w, n, "ically"))
        try_lemma(t, &s, w, n - 4, "", THS_LY);
    else if (n >= 5 && ends(w, n, "bly"))
        try_lemma(t, &s, w, n - 1, "e", THS_LY);
    else if (n >= 5 && ends(w, n, "ly"))
        try_lemma(t, &s, w, n - 2, "", THS_LY);
    return s.n;
}

/* Appends w (NUL-terminated) to out when it fits; returns 1 if appended. */
static int put_form(char *out, size_t cap, size_t *used, const char *w, size_t n)
{
    if (n == 0 || n >= THS_WORD_MAX || *used + n + 1 > cap)
        return 0;
    memcpy(out + *used, w, n);
    out[*used + n] = '\0';
    *used += n + 1;
    return 1;
}

static int put_join(char *out, size_t cap, size_t *used, const char *stem, size_t n, const char *add)
{
    char w[THS_WORD_MAX + 8];
    size_t al = strlen(add);
    if (n + al >= sizeof w)
        return 0;
    memcpy(w, stem, n);
    memcpy(w + n, add, al + 1);
    return put_form(out, cap, used, w, n + al);
}

static size_t inflect(const thesaurus *t, const char *l, int tag, int irregular_forms, char *out,
                      size_t cap);

size_t thesaurus_inflect(const thesaurus *t, const char *l, int tag, char *out, size_t cap)
{
    return inflect(t, l, tag, 1, out, cap);
}

static size_t inflect(const thesaurus *t, const char *l, int tag, int irregular_forms, char *out,
                      size_t cap)
{
    size_t n = strlen(l), used = 0, count = 0;
    if (tag == THS_BASE)
        return (size_t)put_form(out, cap, &used, l, n);
    /* irregular forms of the lemma */
    uint32_t lo = 0, hi = irregular_forms ? t->nirr : 0;
    while (lo < hi) {
        uint32_t mid = lo + (hi - lo) / 2;
        uint32_t k = rd32(t->irr_by_lemma + 4 * (size_t)mid);
        if (strcmp(str_at(t, irr_field(t, k, IRR_LEMMA)), l) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    int irregular = 0;
    for (uint32_t m = lo; irregular_forms && m < t->nirr; m++) {
        uint32_t k = rd32(t->irr_by_lemma + 4 * (size_t)m);
        if (strcmp(str_at(t, irr_field(t, k, IRR_LEMMA)), l) != 0)
            break;
        if ((int)irr_field(t, k, IRR_TAG) == tag) {
            const char *f = str_at(t, irr_field(t, k, IRR_FORM));
            count += (size_t)put_form(out, cap, &used, f, strlen(f));
            irregular = 1;
        }
    }
    if (irregular && tag != THS_S)
        return count;   /* "went", not "goed"; plural nouns may have both */
    char last = n ? l[n - 1] : 0, prev = n > 1 ? l[n - 2] : 0;
    int cons_y = last == 'y' && !is_vowel(prev);
    switch (tag) {
    case THS_S:
        if (last == 's' || last == 'x' || last == 'z' || (last == 'h' && (prev == 'c' || prev == 's')))
            count += (size_t)put_join(out, cap, &used, l, n, "es");
        else if (cons_y)
            count += (size_t)put_join(out, cap, &used, l, n - 1, "ies");
        else
            count += (size_t)put_join(out, cap, &used, l, n, "s");
        break;
    case THS_ED:
        if (last == 'e')
            count += (size_t)put_join(out, cap, &used, l, n, "d");
        else if (cons_y)
            count += (size_t)put_join(out, cap, &used, l, n - 1, "ied");
        else {
            if (cvc(l, n)) {
                char d[2] = {last, 0};
                char w[THS_WORD_MAX + 8];
                if (n + 3 < sizeof w) {
                    memcpy(w, l, n);
                    memcpy(w + n, d, 1);
                    count += (size_t)put_join(out, cap, &used, w, n + 1, "ed");
                }
            }
            count += (size_t)put_join(out, cap, &used, l, n, "ed");
        }
        break;
    case THS_ING:
        if (n > 2 && last == 'e' && prev == 'i')
            count += (size_t)put_join(out, cap, &used, l, n - 2, "ying");
        else if (n > 2 && last == 'e' && prev != 'e')
            count += (size_t)put_join(out, cap, &used, l, n - 1, "ing");
        else {
            if (cvc(l, n)) {
                char w[THS_WORD_MAX + 8];
                if (n + 4 < sizeof w) {
                    memcpy(w, l, n);
                    w[n] = last;
                    count += (size_t)put_join(out, cap, &used, w, n + 1, "ing");
                }
            }
            count += (size_t)put_join(out, cap, &used, l, n, "ing");
        }
        break;
    case THS_ER:
    case THS_EST: {
        const char *suf = tag == THS_ER ? "er" : "est";
        if (last == 'e')
            count += (size_t)put_join(out, cap, &used, l, n, suf + 1);
        else if (cons_y)
            count += (size_t)put_join(out, cap, &used, l, n - 1, tag == THS_ER ? "ier" : "iest");
        else {
            if (cvc(l, n)) {
                char w[THS_WORD_MAX + 8];
                if (n + 4 < sizeof w) {
                    memcpy(w, l, n);
                    w[n] = last;
                    count += (size_t)put_join(out, cap, &used, w, n + 1, suf);
                }
            }
            count += (size_t)put_join(out, cap, &used, l, n, suf);
        }
        break;
    }
    case THS_LY:
        if (cons_y)
            count += (size_t)put_join(out, cap, &used, l, n - 1, "ily");
        else if (n > 2 && last == 'e' && prev == 'l')
            count += (size_t)put_join(out, cap, &used, l, n - 1, "y");
        else if (n > 2 && last == 'c' && prev == 'i')
            count += (size_t)put_join(out, cap, &used, l, n, "ally");
        else
            count += (size_t)put_join(out, cap, &used, l, n, "ly");
        break;
    default:
        break;
    }
    return count;
}

#define MAX_LEMMAS 8
#define MAX_LINKS 4096
#define SEEN_SLOTS 2048

size_t thesaurus_candidates(const thesaurus *t, const char *word, ths_accept_fn accept, void *ctx,
                            ths_cand *out, size_t max)
{
    uint32_t lt[MAX_LEMMAS];
    uint8_t tg[MAX_LEMMAS];
    size_t nl = thesaurus_lemmas(t, word, lt, tg, MAX_LEMMAS);
    size_t n = 0;
    if (max > SEEN_SLOTS / 2)
        max = SEEN_SLOTS / 2;
    uint32_t *links = xmalloc(MAX_LINKS * sizeof *links);
    uint32_t *seen = xcalloc(SEEN_SLOTS, sizeof *seen);   /* index + 1 into out, 0: free */
    for (size_t a = 0; a < nl && n < max; a++) {
        size_t nk = links_of(t, lt[a], links, MAX_LINKS);
        for (size_t k = 0; k < nk && n < max; k++) {
            const char *lemma = thesaurus_term(t, links[k]);
            char forms[4 * THS_WORD_MAX];
            size_t nf = inflect(t, lemma, tg[a], t->has_irr[links[k]], forms, sizeof forms);
            const char *f = forms;
            for (size_t q = 0; q < nf && n < max; q++, f += strlen(f) + 1) {
                if (strcmp(f, word) == 0)
                    continue;
                /* distinct forms, through a small open-addressing set */
                uint32_t h = 2166136261u;
                for (const char *p = f; *p; p++)
                    h = (h ^ (unsigned char)*p) * 16777619u;
                size_t slot = h & (SEEN_SLOTS - 1);
                int dup = 0;
                while (seen[slot] && !(dup = strcmp(out[seen[slot] - 1].word, f) == 0))
                    slot = (slot + 1) & (SEEN_SLOTS - 1);
                if (dup || (accept && !accept(ctx, f)))
                    continue;
                seen[slot] = (uint32_t)n + 1;
                ths_cand *c = &out[n++];
                size_t fl = strlen(f);
                if (fl >= sizeof c->word)
                    fl = sizeof c->word - 1;
                memcpy(c->word, f, fl);
                c->word[fl] = '\0';
                c->term = links[k];
                c->degree = thesaurus_degree(t, links[k]);
                c->tag = tg[a];
            }
        }
    }
    free(links);
    free(seen);
    return n;
}
