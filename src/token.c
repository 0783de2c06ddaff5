/*
 * token: the tokenizer. One left-to-right pass; ASCII takes a fast path, and
 * anything else goes through utf8_decode, so invalid bytes become TOK_INVALID
 * tokens of one byte and are never merged into words.
 */
#include "token.h"
#include "buf.h"
#include "utf8.h"

#include <stdlib.h>
#include <string.h>

#define FNV_OFFSET 2166136261u
#define FNV_PRIME 16777619u

static inline uint32_t fnv_byte(uint32_t h, unsigned char c)
{
    return (h ^ c) * FNV_PRIME;
}

/* Folds one code point into the hash (and into out when out != NULL). */
static uint32_t fold_cp(uint32_t h, int32_t cp, char *out, size_t *olen)
{
    char tmp[4];
    if (cp == 0x2019)
        cp = '\'';
    cp = utf8_tolower(cp);
    size_t n = utf8_encode(cp, tmp);
    for (size_t i = 0; i < n; i++) {
        h = fnv_byte(h, (unsigned char)tmp[i]);
        if (out)
            out[(*olen)++] = tmp[i];
    }
    return h;
}

size_t tok_fold(const char *s, size_t n, char *out, size_t cap)
{
    size_t i = 0, o = 0;
    while (i < n) {
        int32_t cp;
        size_t l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (o + 5 > cap)
            return (size_t)-1;
        if (cp < 0)
            out[o++] = s[i];
        else
            fold_cp(0, cp, out, &o);
        i += l;
    }
    out[o] = '\0';
    return o;
}

uint32_t tok_hash(const char *s, size_t n)
{
    uint32_t h = FNV_OFFSET;
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            h = fnv_byte(h, (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
            i++;
            continue;
        }
        int32_t cp;
        size_t l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        h = cp < 0 ? fnv_byte(h, c) : fold_cp(h, cp, NULL, NULL);
        i += l;
    }
    return h;
}

/* ASCII character classes for the fast path. */
enum { A_LOWER = 1, A_UPPER = 2, A_DIGIT = 4 };
static const unsigned char ascii_class[128] = {
    ['0'] = A_DIGIT, ['1'] = A_DIGIT, ['2'] = A_DIGIT, ['3'] = A_DIGIT, ['4'] = A_DIGIT,
    ['5'] = A_DIGIT, ['6'] = A_DIGIT, ['7'] = A_DIGIT, ['8'] = A_DIGIT, ['9'] = A_DIGIT,
    ['a'] = A_LOWER, ['b'] = A_LOWER, ['c'] = A_LOWER, ['d'] = A_LOWER, ['e'] = A_LOWER,
    ['f'] = A_LOWER, ['g'] = A_LOWER, ['h'] = A_LOWER, ['i'] = A_LOWER, ['j'] = A_LOWER,
    ['k'] = A_LOWER, ['l'] = A_LOWER, ['m'] = A_LOWER, ['n'] = A_LOWER, ['o'] = A_LOWER,
    ['p'] = A_LOWER, ['q'] = A_LOWER, ['r'] = A_LOWER, ['s'] = A_LOWER, ['t'] = A_LOWER,
    ['u'] = A_LOWER, ['v'] = A_LOWER, ['w'] = A_LOWER, ['x'] = A_LOWER, ['y'] = A_LOWER,
    ['z'] = A_LOWER,
    ['A'] = A_UPPER, ['B'] = A_UPPER, ['C'] = A_UPPER, ['D'] = A_UPPER, ['E'] = A_UPPER,
    ['F'] = A_UPPER, ['G'] = A_UPPER, ['H'] = A_UPPER, ['I'] = A_UPPER, ['J'] = A_UPPER,
    ['K'] = A_UPPER, ['L'] = A_UPPER, ['M'] = A_UPPER, ['N'] = A_UPPER, ['O'] = A_UPPER,
    ['P'] = A_UPPER, ['Q'] = A_UPPER, ['R'] = A_UPPER, ['S'] = A_UPPER, ['T'] = A_UPPER,
    ['U'] = A_UPPER, ['V'] = A_UPPER, ['W'] = A_UPPER, ['X'] = A_UPPER, ['Y'] = A_UPPER,
    ['Z'] = A_UPPER,
};

/* Makes room for n tokens: a text of n bytes has at most n tokens, so
 * tok_split reserves once and then appends without checks. */
static void reserve(tok_list *list, size_t n)
{
    if (list->cap >= n)
        return;
    list->cap = n < 256 ? 256 : n;
    free(list->v);
    list->v = xmalloc(list->cap * sizeof *list->v);
}

/* Decodes the code point at p (or -1 past the end). */
static int32_t peek(const char *text, size_t len, size_t p, size_t *l)
{
    if (p >= len) {
        *l = 0;
        return -1;
    }
    unsigned char c = (unsigned char)text[p];
    if (c < 0x80) {
        *l = 1;
        return c;
    }
    int32_t cp;
    *l = utf8_decode((const unsigned char *)text + p, len - p, &cp);
    return cp;
}

static int is_alnum_cp(int32_t cp)
{
    if (cp >= 0 && cp < 0x80)
        return ascii_class[cp] != 0;
    return cp >= 0 && (utf8_is_letter(cp) || utf8_is_digit(cp));
}

/* Scans a word or number starting at p; fills t (start, len, type, shape,
 * flags, hash). ASCII letters and digits take a table-driven fast path. */
static size_t scan_word(const char *text, size_t len, size_t p, token *t)
{
    size_t start = p, l;
    int letters = 0, digits = 0, nonascii = 0;
    int upper = 0, lower = 0, first_upper = 0, rest_upper = 0;
    uint32_t h = FNV_OFFSET;
    for (;;) {
        /* Fast path: a run of ASCII letters and digits. */
        while (p < len && (unsigned char)text[p] < 0x80) {
            unsigned char c = (unsigned char)text[p];
            unsigned cls = ascii_class[c];
            if (!cls)
                break;
            if (cls == A_DIGIT) {
                digits++;
            } else {
                int up = cls == A_UPPER;
                if (letters == 0)
                    first_upper = up;
                else
                    rest_upper += up;
                upper += up;
                lower += !up;
                letters++;
                c |= (unsigned char)(up << 5);   /* ASCII lower case */
            }
            h = fnv_byte(h, c);
            p++;
        }
        int32_t cp = peek(text, len, p, &l);
        if (cp >= 0x80 && is_alnum_cp(cp)) {
            nonascii = 1;
            if (utf8_is_digit(cp)) {
                digits++;
            } else {
                int up = utf8_is_upper(cp), lo = utf8_is_lower(cp);
                if (letters == 0)
                    first_upper = up;
                else if (up)
                    rest_upper++;
                upper += up;
                lower += lo;
                letters++;
            }
            h = fold_cp(h, cp, NULL, NULL);
            p += l;
            continue;
        }
        /* Joiners: apostrophes and hyphens inside words; . , : inside numbers. */
        size_t l2;
        int32_t next = peek(text, len, p + l, &l2);
        if (cp >= 0 && is_alnum_cp(next)) {
            int joins = utf8_is_apostrophe(cp) || utf8_is_hyphen(cp);
            if (!joins && (cp == '.' || cp == ',' || cp == ':'))
                joins = letters == 0 && digits > 0 && utf8_is_digit(next);
            if (joins) {
                h = fold_cp(h, cp, NULL, NULL);
                p += l;
                continue;
            }
        }
        break;
    }
    t->start = (uint32_t)start;
    t->len = (uint32_t)(p - start);
    t->hash = h;
    t->type = letters ? TOK_WORD : TOK_NUM;
    t->flags = (uint8_t)((digits && letters ? TOKF_DIGIT : 0) | (nonascii ? TOKF_NONASCII : 0));
    if (!letters)
        t->shape = SHAPE_NONE;
    else if (upper == 0)
        t->shape = SHAPE_LOWER;
    else if (lower == 0 && letters >= 2)
        t->shape = SHAPE_UPPER;
    else if (first_upper && rest_upper == 0)
        t->shape = SHAPE_TITLE;
    else
        t->shape = SHAPE_MIXED;
    return p;
}

/* Length of a trailing possessive ('s, ’s, S's) of a word token, or 0. */
static uint8_t possessive_len(const char *w, size_t n)
{
    if (n >= 3 && (w[n - 1] == 's' || w[n - 1] == 'S') && w[n - 2] == '\'')
        return 2;
    if (n >= 5 && (w[n - 1] == 's' || w[n - 1] == 'S') &&
        memcmp(w + n - 4, "\xE2\x80\x99", 3) == 0)
        return 4;
    return 0;
}

void tok_split(const char *text, size_t len, tok_list *list)
{
    list->n = 0;
    reserve(list, len);
    size_t p = 0;
    int sent = 1;          /* next word starts a sentence */
    while (p < len) {
        token t = {0};
        unsigned char c = (unsigned char)text[p];
        t.start = (uint32_t)p;
        if (c == ' ' || c == '\t') {
            size_t q = p;
            while (q < len && (text[q] == ' ' || text[q] == '\t'))
                q++;
            t.type = TOK_SPACE;
            t.len = (uint32_t)(q - p);
        } else if (c == '\n' || c == '\r') {
            t.type = TOK_NEWLINE;
            t.len = (c == '\r' && p + 1 < len && text[p + 1] == '\n') ? 2 : 1;
        } else if (c < 0x80 && !ascii_class[c]) {
            t.type = TOK_PUNCT;   /* ASCII punctuation, symbols and controls */
            t.len = 1;
            t.hash = fnv_byte(FNV_OFFSET, c);
            if (c == '.' || c == '!' || c == '?')
                sent = 1;
        } else {
            size_t l;
            int32_t cp = peek(text, len, p, &l);
            if (cp < 0) {
                t.type = TOK_INVALID;
                t.len = 1;
                t.hash = fnv_byte(FNV_OFFSET, c);
            } else if (is_alnum_cp(cp)) {
                scan_word(text, len, p, &t);
                if (t.type == TOK_WORD) {
                    t.poss_len = possessive_len(text + t.start, t.len);
                    if (t.poss_len)
                        t.base_hash = tok_hash(text + t.start, t.len - t.poss_len);
                    if (sent)
                        t.flags |= TOKF_SENT_START;
                }
                sent = 0;
            } else if (cp == 0xA0 || cp == 0x2009 || cp == 0x202F || cp == 0x3000) {
                t.type = TOK_SPACE;   /* no-break and thin spaces */
                t.len = (uint32_t)l;
            } else {
                t.type = TOK_PUNCT;
                t.len = (uint32_t)l;
                t.hash = tok_hash(text + p, l);
                if (cp == '.' || cp == '!' || cp == '?')
                    sent = 1;
            }
        }
        list->v[list->n++] = t;
        p += t.len;
    }
}

void tok_list_free(tok_list *list)
{
    free(list->v);
    list->v = NULL;
    list->n = list->cap = 0;
}
