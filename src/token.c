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

/*
 * The token hash: a word-at-a-time hash of the folded bytes, taken in 8-byte
 * chunks (the last one zero-padded) and finished with the length. Folding
 * and hashing run together: hasher_put takes folded bytes one at a time, and
 * the ASCII fast path in tok_split feeds whole chunks; both give the same value.
 */
#define HASH_SEED 0x9E3779B97F4A7C15ULL

typedef struct hasher {
    uint64_t h;
    size_t n;                 /* bytes taken */
    unsigned char chunk[8];
} hasher;

static inline uint64_t hash_mix(uint64_t h, uint64_t w)
{
    h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 31);
}

static inline uint64_t hash_final(uint64_t h, size_t n)
{
    h = (h ^ n) * 0x94d049bb133111ebULL;
    return h ^ (h >> 32);
}

static inline void hasher_put(hasher *x, unsigned char c)
{
    x->chunk[x->n++ % 8] = c;
    if (x->n % 8 == 0) {
        uint64_t w;
        memcpy(&w, x->chunk, 8);
        x->h = hash_mix(x->h, w);
    }
}

static inline uint64_t hasher_end(hasher *x)
{
    size_t r = x->n % 8;
    uint64_t h = x->h;
    if (r) {
        memset(x->chunk + r, 0, 8 - r);
        uint64_t w;
        memcpy(&w, x->chunk, 8);
        h = hash_mix(h, w);
    }
    return hash_final(h, x->n);
}

/* The hash of one ASCII punctuation byte (folding leaves it as it is). */
static inline uint64_t hash_ascii_char(unsigned char c)
{
    unsigned char b[8] = {c};
    uint64_t w;
    memcpy(&w, b, 8);
    return hash_final(hash_mix(HASH_SEED, w), 1);
}

uint64_t tok_hash_bytes(const char *s, size_t n)
{
    hasher x = {HASH_SEED, 0, {0}};
    for (size_t i = 0; i < n; i++)
        hasher_put(&x, (unsigned char)s[i]);
    return hasher_end(&x);
}

/* Folds one code point into the hasher (when x != NULL) and into out (when
 * out != NULL). */
static void fold_cp(hasher *x, int32_t cp, char *out, size_t *olen)
{
    char tmp[4];
    if (cp == 0x2019)
        cp = '\'';
    cp = utf8_tolower(cp);
    size_t n = utf8_encode(cp, tmp);
    for (size_t i = 0; i < n; i++) {
        if (x)
            hasher_put(x, (unsigned char)tmp[i]);
        if (out)
            out[(*olen)++] = tmp[i];
    }
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
            fold_cp(NULL, cp, out, &o);
        i += l;
    }
    out[o] = '\0';
    return o;
}

/* Feeds the folded form of s[0..n) to x. */
static void hash_folded(hasher *x, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            hasher_put(x, (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c));
            i++;
            continue;
        }
        int32_t cp;
        size_t l = utf8_decode((const unsigned char *)s + i, n - i, &cp);
        if (cp < 0)
            hasher_put(x, c);
        else
            fold_cp(x, cp, NULL, NULL);
        i += l;
    }
}

uint64_t tok_hash(const char *s, size_t n)
{
    hasher x = {HASH_SEED, 0, {0}};
    hash_folded(&x, s, n);
    return hasher_end(&x);
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

/* Sets t's type, shape and flags from its letter counts. */
static void set_shape(token *t, int letters, int digits, int upper, int lower, int first_upper,
                      int rest_upper, int nonascii)
{
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
}

/* Scans a word or number starting at p, in general (joiners, non-ASCII
 * letters); fills t (start, len, type, shape, flags, hash). */
static size_t scan_word(const char *text, size_t len, size_t p, token *t)
{
    size_t start = p, l;
    int letters = 0, digits = 0, nonascii = 0;
    int upper = 0, lower = 0, first_upper = 0, rest_upper = 0;
    hasher h = {HASH_SEED, 0, {0}};
    for (;;) {
        int32_t cp = peek(text, len, p, &l);
        if (cp >= 0 && is_alnum_cp(cp)) {
            nonascii |= cp >= 0x80;
            if (cp < 0x80 ? ascii_class[cp] == A_DIGIT : utf8_is_digit(cp)) {
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
            fold_cp(&h, cp, NULL, NULL);
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
                fold_cp(&h, cp, NULL, NULL);
                p += l;
                continue;
            }
        }
        break;
    }
    t->start = (uint32_t)start;
    t->len = (uint32_t)(p - start);
    t->hash = hasher_end(&h);
    set_shape(t, letters, digits, upper, lower, first_upper, rest_upper, nonascii);
    return p;
}

/* Whether the byte after an ASCII run ends the word there: not a non-ASCII
 * byte, and not a joiner (' - . , :) before a letter or digit. */
static int ends_word(const char *text, size_t len, size_t q)
{
    if (q >= len)
        return 1;
    unsigned char c = (unsigned char)text[q];
    if (c == ' ')
        return 1;
    if (c >= 0x80)
        return 0;
    if ((c == '\'' || c == '-' || c == '.' || c == ',' || c == ':') && q + 1 < len) {
        unsigned char d = (unsigned char)text[q + 1];
        if (d >= 0x80 || ascii_class[d])
            return 0;
    }
    return 1;
}

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define SWAR 1
#define HI 0x8080808080808080ULL
#define LOW 0x2020202020202020ULL
#define ONES 0x0101010101010101ULL

/* Per byte of x, bit 7 set where it is an ASCII letter or digit; *upper and
 * *digit the same for capitals and digits. No byte carries into the next:
 * every sum stays below 0x100. */
static inline uint64_t swar_alnum(uint64_t x, uint64_t *upper, uint64_t *digit)
{
    uint64_t ascii = ~x & HI;
    uint64_t v = x & ~HI;
    uint64_t y = v | LOW;                              /* letters folded to lower case */
    uint64_t letter = ((y + 0x1F * ONES) & ~(y + 0x05 * ONES)) & HI;   /* 'a' <= y <= 'z' */
    uint64_t dig = ((v + 0x50 * ONES) & ~(v + 0x46 * ONES)) & HI;      /* '0' <= v <= '9' */
    *upper = letter & ~(v << 2) & ascii;               /* bit 5 clear: a capital */
    *digit = dig & ascii;
    return (letter | dig) & ascii;
}
/* Bytes flagged in a mask with bits only at 7 of each byte (no popcnt
 * instruction needed: the multiply adds the eight flags into the top byte). */
static inline int swar_count(uint64_t m)
{
    return (int)(((m >> 7) * ONES) >> 56);
}
#endif

/*
 * The common case: a word of ASCII letters and digits that ends at a byte
 * that cannot continue it (space, most punctuation). Fills t and returns 1;
 * returns 0 when a joiner or a non-ASCII byte follows: scan_word decides.
 * With SWAR, 8 bytes are classified, hashed and counted at a time, so the
 * word's end costs no per-byte branch.
 */
static int scan_ascii_word(const char *text, size_t len, size_t p, token *t)
{
    size_t q = p;
    int letters = 0, digits = 0, upper = 0, first_upper = 0;
    uint64_t hash;
#ifdef SWAR
    uint64_t h = HASH_SEED;
    for (;;) {
        uint64_t x = 0, up, dg;
        if (len - q >= 8) {
            memcpy(&x, text + q, 8);
        } else {
            unsigned char tail[8] = {0};   /* NUL ends the run */
            memcpy(tail, text + q, len - q);
            memcpy(&x, tail, 8);
        }
        uint64_t stop = ~swar_alnum(x, &up, &dg) & HI;
        size_t n = stop ? (size_t)__builtin_ctzll(stop) / 8 : 8;
        uint64_t run = n == 8 ? ~0ULL : (1ULL << (8 * n)) - 1;
        up &= run;
        dg &= run;
        if (q == p)
            first_upper = (int)(up & 0x80);
        upper += swar_count(up);
        digits += swar_count(dg);
        letters += (int)n - swar_count(dg);
        if (n)
            h = hash_mix(h, (x | LOW) & run);
        q += n;
        if (n < 8)
            break;
    }
    if (!ends_word(text, len, q))
        return 0;
    hash = hash_final(h, q - p);
#else
    for (; q < len; q++) {
        unsigned char c = (unsigned char)text[q];
        unsigned cls = c < 0x80 ? ascii_class[c] : 0;
        if (!cls)
            break;
        if (q == p)
            first_upper = cls == A_UPPER;
        upper += cls == A_UPPER;
        digits += cls == A_DIGIT;
        letters += cls != A_DIGIT;
    }
    if (!ends_word(text, len, q))
        return 0;
    hasher hs = {HASH_SEED, 0, {0}};
    for (size_t k = p; k < q; k++)
        hasher_put(&hs, (unsigned char)(text[k] | 0x20));
    hash = hasher_end(&hs);
#endif
    t->start = (uint32_t)p;
    t->len = (uint32_t)(q - p);
    t->hash = hash;
    set_shape(t, letters, digits, upper, letters - upper, first_upper != 0,
              upper - (first_upper != 0), 0);
    return 1;
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
        /* Filled in place: a token built on the stack and copied costs a
         * store-forwarding stall per token. */
        token *t = &list->v[list->n++];
        memset(t, 0, sizeof *t);
        unsigned char c = (unsigned char)text[p];
        t->start = (uint32_t)p;
        if (c < 0x80 && ascii_class[c] && scan_ascii_word(text, len, p, t)) {
            if (t->type == TOK_WORD && sent)
                t->flags |= TOKF_SENT_START;
            sent = 0;
            /* The space after a word is most often one ' ': its token here. */
            size_t q = p + t->len;
            if (q + 1 < len && text[q] == ' ' && text[q + 1] != ' ' && text[q + 1] != '\t') {
                token *sp = &list->v[list->n++];
                memset(sp, 0, sizeof *sp);
                sp->start = (uint32_t)q;
                sp->len = 1;
                sp->type = TOK_SPACE;
                p = q + 1;
                continue;
            }
        } else if (c == ' ' || c == '\t') {
            size_t q = p + 1;
            while (q < len && (text[q] == ' ' || text[q] == '\t'))
                q++;
            t->type = TOK_SPACE;
            t->len = (uint32_t)(q - p);
        } else if (c == '\n' || c == '\r') {
            t->type = TOK_NEWLINE;
            t->len = (c == '\r' && p + 1 < len && text[p + 1] == '\n') ? 2 : 1;
        } else if (c < 0x80 && !ascii_class[c]) {
            t->type = TOK_PUNCT;   /* ASCII punctuation, symbols and controls */
            t->len = 1;
            t->hash = hash_ascii_char(c);
            if (c == '.' || c == '!' || c == '?')
                sent = 1;
        } else {
            size_t l;
            int32_t cp = peek(text, len, p, &l);
            if (cp < 0) {
                t->type = TOK_INVALID;
                t->len = 1;
                t->hash = tok_hash_bytes(text + p, 1);
            } else if (is_alnum_cp(cp)) {
                scan_word(text, len, p, t);
                if (t->type == TOK_WORD) {
                    t->poss_len = possessive_len(text + t->start, t->len);
                    if (t->poss_len)
                        t->base_hash = tok_hash(text + t->start, t->len - t->poss_len);
                    if (sent)
                        t->flags |= TOKF_SENT_START;
                }
                sent = 0;
            } else if (cp == 0xA0 || cp == 0x2009 || cp == 0x202F || cp == 0x3000) {
                t->type = TOK_SPACE;   /* no-break and thin spaces */
                t->len = (uint32_t)l;
            } else {
                t->type = TOK_PUNCT;
                t->len = (uint32_t)l;
                t->hash = tok_hash(text + p, l);
                if (cp == '.' || cp == '!' || cp == '?')
                    sent = 1;
            }
        }
        p += t->len;
    }
}

void tok_list_free(tok_list *list)
{
    free(list->v);
    list->v = NULL;
    list->n = list->cap = 0;
}
