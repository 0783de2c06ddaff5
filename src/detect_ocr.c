/*
 * detect_ocr: scanning and encoding damage, as a table of rules (web-template
 * leftovers are detect_web.c). Each rule has an id (the findings' rule) and
 * looks at one segment. A repair is made only where the repaired form is
 * valid and the damaged one is not: a word that hunspell accepts is never
 * touched, and a word the name guard protects (names.h) is never "corrected".
 *
 * Classes (unspin(1) documents them; the evidence is in the report of the
 * change that made them: Brown, seeds 001-004 and the ICDAR 2017 ground
 * truth get no sure repair):
 *   sure    unambiguous: a ligature; mojibake that decodes to plausible text;
 *           an invisible or control character whose removal leaves a valid
 *           word; a line-end hyphenation whose joined form is a word and not
 *           a known compound; a stray space between two non-words that join
 *           into a word; the single reading of an OCR
 *           glyph confusion that hunspell also ranks first, when the token
 *           could not be a word (digits among letters, or a letter trigram
 *           no word has in a word of six letters or more); two function
 *           words run together that could not be one word;
 *   likely  one reading on weaker evidence: a glyph reading of a short,
 *           English-shaped or capitalised word ("carne" → came), a split
 *           with a word on one side ("gov ernment"), two function words run
 *           together ("andthe");
 *   flag    several readings, an ambiguous prefix ("co-\noperation"), or a
 *           removal that leaves no word ("zorg\u200Bblat").
 *
 * The word rules need hunspell; without it only the character-level rules
 * run.
 */
#include "detect.h"
#include "engine.h"
#include "mojibake.h"
#include "utf8.h"

#include <string.h>
#include <strings.h>

#define MAX_WORD 64        /* word rules skip longer tokens */
#define MAX_CANDS 4
#define GLYPH_SURE_MIN 6   /* letters a letter-confusion reading needs to be sure */
#define GLYPH_MAX_DIGITS 3 /* 0s and 1s read as letters in one word */

/* What a segment contains, from one pass over its bytes. */
enum {
    P_HIGH = 1 << 0,     /* non-ASCII */
    P_CTRL = 1 << 1,     /* C0 controls but HT, LF, CR, FF (and NUL) */
    P_HYPHEN = 1 << 2,   /* - */
    P_WORDS = 1 << 3     /* always: the word rules */
};

typedef struct ocr_ctx {
    const unspin_engine *e;
    const seg_ctx *s;
    finding_list *out;
    spell *sp;           /* NULL when spelling is off */
    buf w, w2;           /* scratch words */
} ocr_ctx;

typedef struct ocr_rule {
    const char *id;
    unsigned needs;      /* P_* the segment must have */
    void (*run)(ocr_ctx *c, const char *id);
} ocr_rule;

/* --- helpers ------------------------------------------------------------ */

static const token *tok(const ocr_ctx *c, size_t i)
{
    return &c->s->toks->v[i];
}

static const char *tok_text(const ocr_ctx *c, size_t i)
{
    return c->s->text + c->s->toks->v[i].start;
}

static finding *add(ocr_ctx *c, size_t start, size_t end, int kind, int klass, const char *id)
{
    return finding_add(c->out, start, end, kind, klass, id);
}

static void cand(finding *f, const buf *b, const char *source)
{
    finding_add_cand(f, b->data ? b->data : "", b->len, 0.0, source);
}

static int valid(ocr_ctx *c, const buf *w)
{
    return spell_check(c->sp, w->data, w->len);
}

static int is_ascii_alpha(int ch)
{
    return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
}

static int is_word_tok(const ocr_ctx *c, size_t i)
{
    return i < c->s->toks->n && tok(c, i)->type == TOK_WORD;
}

/* Whether token i is a single ASCII space. */
static int is_single_space(const ocr_ctx *c, size_t i)
{
    return i < c->s->toks->n && tok(c, i)->type == TOK_SPACE && tok(c, i)->len == 1 &&
           tok_text(c, i)[0] == ' ';
}

/* Whether w[0..n) is ASCII letters (and ' -) only. */
static int ascii_word(const char *w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!is_ascii_alpha((unsigned char)w[i]) && w[i] != '\'' && w[i] != '-')
            return 0;
    return n > 0;
}

/* The ligatures U+FB00–FB06 as letters. */
static const char *const ligatures[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};

/* Appends s[0..n) with ligatures spelled out. */
static void put_plain(buf *b, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (i + 2 < n && (unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xAC &&
            (unsigned char)s[i + 2] >= 0x80 && (unsigned char)s[i + 2] <= 0x86) {
            buf_puts(b, ligatures[(unsigned char)s[i + 2] - 0x80]);
            i += 2;
        } else {
            buf_putc(b, s[i]);
        }
    }
}

/* Whether word token t is valid; a lower-case ASCII token's hash is reused. */
static int tok_valid(spell *sp, const char *text, const token *t)
{
    if (t->shape == SHAPE_LOWER && !(t->flags & TOKF_NONASCII))
        return spell_check_hashed(sp, text + t->start, t->len, t->hash);
    return spell_check(sp, text + t->start, t->len);
}

/* --- character rules ---------------------------------------------------- */

static void rule_mojibake(ocr_ctx *c, const char *id)
{
    moji_fix fx;
    size_t at = 0;
    while (at < c->s->len && mojibake_next(c->s->text, c->s->len, at, &fx)) {
        finding *f = add(c, fx.start, fx.end, KIND_OCR, CLASS_SURE, id);
        finding_add_cand(f, fx.text, fx.len, 0.0, "ocr");
        at = fx.end;
    }
}

static void rule_ligature(ocr_ctx *c, const char *id)
{
    const unsigned char *t = (const unsigned char *)c->s->text;
    for (size_t i = 0; i + 2 < c->s->len; i++) {
        if (t[i] != 0xEF || t[i + 1] != 0xAC || t[i + 2] < 0x80 || t[i + 2] > 0x86)
            continue;
        const char *l = ligatures[t[i + 2] - 0x80];
        finding *f = add(c, i, i + 3, KIND_OCR, CLASS_SURE, id);
        finding_add_cand(f, l, strlen(l), 0.0, "ocr");
        i += 2;
    }
}

/* Soft hyphen, zero-width space/non-joiner/joiner, word joiner, BOM. */
static int is_invisible(const ocr_ctx *c, size_t i)
{
    const token *k = tok(c, i);
    if (k->type != TOK_PUNCT)
        return 0;
    const char *p = tok_text(c, i);
    if (k->len == 2)
        return memcmp(p, "\xC2\xAD", 2) == 0;
    if (k->len == 3)
        return memcmp(p, "\xE2\x80\x8B", 3) == 0 || memcmp(p, "\xE2\x80\x8C", 3) == 0 ||
               memcmp(p, "\xE2\x80\x8D", 3) == 0 || memcmp(p, "\xE2\x81\xA0", 3) == 0 ||
               memcmp(p, "\xEF\xBB\xBF", 3) == 0;
    return 0;
}

/* The first or last character of word token i is a Latin, Greek or Cyrillic
 * letter (where zero-width joiners have no job to do). */
static int edge_letter(const ocr_ctx *c, size_t i, int last)
{
    const token *k = tok(c, i);
    const char *p = tok_text(c, i);
    size_t at = 0;
    if (last) {
        at = k->len - 1;
        while (at > 0 && ((unsigned char)p[at] & 0xC0) == 0x80)
            at--;
    }
    int32_t cp;
    utf8_decode((const unsigned char *)p + at, k->len - at, &cp);
    return cp > 0 && cp < 0x530 && utf8_is_letter(cp);
}

/* "infor\u00ADma\u00ADtion": words joined by invisible characters. */
static void rule_invisible(ocr_ctx *c, const char *id)
{
    size_t n = c->s->toks->n;
    for (size_t i = 0; i + 2 < n; i++) {
        if (!is_word_tok(c, i) || !is_invisible(c, i + 1))
            continue;
        /* The chain: word (invisible+ word)+. */
        size_t j = i, end = i;
        buf_clear(&c->w);
        put_plain(&c->w, tok_text(c, i), tok(c, i)->len);
        for (;;) {
            size_t k = j + 1;
            while (k < n && is_invisible(c, k))
                k++;
            if (k == j + 1 || !is_word_tok(c, k) || !edge_letter(c, j, 1) || !edge_letter(c, k, 0))
                break;
            put_plain(&c->w, tok_text(c, k), tok(c, k)->len);
            end = j = k;
        }
        if (end == i)
            continue;
        int ok = c->sp && valid(c, &c->w);
        finding *f = add(c, tok(c, i)->start, tok(c, end)->start + tok(c, end)->len, KIND_OCR,
                         ok ? CLASS_SURE : CLASS_FLAG, id);
        cand(f, &c->w, "ocr");
        i = end;
    }
}

static int is_stray_control(unsigned char ch)
{
    return ch > 0 && ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r' && ch != '\f';
}

static int letterish(unsigned char ch)
{
    return is_ascii_alpha(ch) || ch >= 0x80;
}

/*
 * Stray C0 controls. Deleted where they sit next to a space or punctuation,
 * or inside a word that is valid without them; a vertical tab (a line break
 * in word-processor exports) becomes a line end. BS and ESC (overstrike and
 * terminal sequences) are left alone. A segment dense with controls is not
 * prose and is left alone too.
 */
static void rule_control(ocr_ctx *c, const char *id)
{
    const unsigned char *t = (const unsigned char *)c->s->text;
    size_t n = c->s->len, count = 0;
    for (size_t i = 0; i < n; i++)
        count += is_stray_control(t[i]);
    if (count > 16 && count * 64 > n)
        return;
    for (size_t i = 0; i < n; i++) {
        if (!is_stray_control(t[i]))
            continue;
        size_t q = i;
        int vt_only = 1, special = 0;
        while (q < n && is_stray_control(t[q])) {
            vt_only &= t[q] == 0x0B;
            special |= t[q] == 0x08 || t[q] == 0x1B;
            q++;
        }
        if (special) {
            i = q - 1;
            continue;
        }
        if (vt_only) {
            buf_clear(&c->w);
            for (size_t k = i; k < q; k++)
                buf_putc(&c->w, '\n');
            cand(add(c, i, q, KIND_OCR, CLASS_SURE, id), &c->w, "ocr");
            i = q - 1;
            continue;
        }
        int inside = i > 0 && q < n && letterish(t[i - 1]) && letterish(t[q]);
        int klass = CLASS_SURE;
        if (inside) {
            /* The word around it, up to MAX_WORD bytes either side. */
            size_t a = i, b = q;
            while (a > 0 && i - a < MAX_WORD && letterish(t[a - 1]))
                a--;
            while (b < n && b - q < MAX_WORD && letterish(t[b]))
                b++;
            buf_clear(&c->w);
            buf_put(&c->w, t + a, i - a);
            buf_put(&c->w, t + q, b - q);
            klass = c->sp && c->w.len < 2 * MAX_WORD && valid(c, &c->w) ? CLASS_SURE : CLASS_FLAG;
        }
        finding *f = add(c, i, q, KIND_OCR, klass, id);
        finding_add_cand(f, "", 0, 0.0, "ocr");
        if (klass == CLASS_FLAG)
            finding_add_cand(f, " ", 1, 0.0, "ocr");
        i = q - 1;
    }
}

/* --- line-end hyphenation ----------------------------------------------- */

/* Prefixes that often keep their hyphen (co-operate, re-elect, non-profit):
 * a line-end break after one is ambiguous. */
static const char *const hyphen_prefixes[] = {
    "anti", "co", "counter", "cross", "e", "ex", "extra", "half", "multi", "neo", "non",
    "post", "pre", "pro", "pseudo", "quasi", "re", "self", "semi", "ultra", "vice", "well",
    NULL
};

static int is_hyphen_prefix(const char *w, size_t n)
{
    const char *dash = NULL;
    for (size_t i = 0; i < n; i++)
        if (w[i] == '-')
            dash = w + i;
    if (dash) {
        n -= (size_t)(dash + 1 - w);
        w = dash + 1;
    }
    for (const char *const *p = hyphen_prefixes; *p; p++)
        if (strlen(*p) == n && strncasecmp(*p, w, n) == 0)
            return 1;
    return 0;
}

/* Which line-end hyphen token i is: 1 hard (- U+2010), 2 soft (U+00AD), 0 none. */
static int line_hyphen(const ocr_ctx *c, size_t i)
{
    const token *k = tok(c, i);
    const char *p = tok_text(c, i);
    if (k->type != TOK_PUNCT)
        return 0;
    if ((k->len == 1 && p[0] == '-') || (k->len == 3 && memcmp(p, "\xE2\x80\x90", 3) == 0))
        return 1;
    if (k->len == 2 && memcmp(p, "\xC2\xAD", 2) == 0)
        return 2;
    return 0;
}

static int starts_lower(const ocr_ctx *c, size_t i)
{
    int32_t cp;
    utf8_decode((const unsigned char *)tok_text(c, i), tok(c, i)->len, &cp);
    return cp > 0 && utf8_is_lower(cp);
}

/* "inter-\nnational" → "international"; "well-\nknown" keeps its hyphen. */
static void rule_hyphenation(ocr_ctx *c, const char *id)
{
    size_t n = c->s->toks->n;
    for (size_t i = 1; i + 2 < n; i++) {
        int kind = line_hyphen(c, i);
        if (!kind || !is_word_tok(c, i - 1))
            continue;
        size_t k = i + 1;
        if (k < n && tok(c, k)->type == TOK_SPACE)
            k++;
        if (k >= n || tok(c, k)->type != TOK_NEWLINE)
            continue;
        k++;
        if (k < n && tok(c, k)->type == TOK_SPACE)
            k++;
        if (!is_word_tok(c, k) || !starts_lower(c, k))
            continue;
        const token *a = tok(c, i - 1), *b = tok(c, k);
        if (a->shape == SHAPE_UPPER || a->shape == SHAPE_MIXED || ((a->flags | b->flags) & TOKF_DIGIT))
            continue;
        if (names_chunk_guard(c->s->text, c->s->toks->v, n, i - 1) ||
            names_chunk_guard(c->s->text, c->s->toks->v, n, k))
            continue;
        buf_clear(&c->w);
        put_plain(&c->w, tok_text(c, i - 1), a->len);
        put_plain(&c->w, tok_text(c, k), b->len);
        int klass = CLASS_SURE;
        if (kind == 1) {
            /* A hard hyphen: the joined word must be valid, the compound unknown. */
            if (!c->sp || !valid(c, &c->w))
                continue;
            buf_clear(&c->w2);
            put_plain(&c->w2, tok_text(c, i - 1), a->len);
            buf_putc(&c->w2, '-');
            put_plain(&c->w2, tok_text(c, k), b->len);
            if (names_has(c->e->compounds, c->w2.data, c->w2.len))
                continue;
            if (is_hyphen_prefix(tok_text(c, i - 1), a->len))
                klass = CLASS_FLAG;
        }
        finding *f = add(c, a->start, b->start + b->len, KIND_OCR, klass, id);
        cand(f, &c->w, "ocr");
        if (klass == CLASS_FLAG)
            cand(f, &c->w2, "ocr");
        i = k;
    }
}

/* --- word rules: glyph confusions, split and run-together words ---------- */

/* OCR glyph confusions, damaged → original. */
static const char *const glyph_pairs[] = {
    "rn", "m",  "m", "rn",  "cl", "d",  "d", "cl",  "li", "h",  "h", "li",
    "vv", "w",  "w", "vv",  "ii", "u",  "u", "ii",  "c", "e",   "e", "c",
    NULL
};

/* Function words: a run-together pair of them is an OCR join, not a new word. */
static const char *const function_words[] = {
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be",
    "been", "before", "between", "but", "by", "can", "could", "did", "do", "does", "each",
    "for", "from", "had", "has", "have", "he", "her", "his", "if", "in", "into", "is", "it",
    "its", "may", "might", "more", "most", "must", "no", "not", "of", "on", "one", "only",
    "or", "other", "our", "out", "over", "shall", "she", "should", "so", "some", "such",
    "than", "that", "the", "their", "them", "then", "there", "these", "they", "this",
    "those", "through", "to", "two", "under", "up", "upon", "very", "was", "we", "were",
    "what", "when", "where", "which", "while", "who", "will", "with", "would", "you",
    "your", NULL
};

static int is_function_word(const char *w, size_t n)
{
    for (const char *const *p = function_words; *p; p++)
        if (strlen(*p) == n && memcmp(*p, w, n) == 0)
            return 1;
    return 0;
}

typedef struct cands {
    char v[MAX_CANDS][MAX_WORD + 8];
    size_t n;
    int more;            /* more readings than kept */
} cands;

static void cands_add(cands *cs, const char *w, size_t n)
{
    for (size_t i = 0; i < cs->n; i++)
        if (strlen(cs->v[i]) == n && memcmp(cs->v[i], w, n) == 0)
            return;
    if (cs->n == MAX_CANDS || n > MAX_WORD) {
        cs->more = 1;
        return;
    }
    memcpy(cs->v[cs->n], w, n);
    cs->v[cs->n++][n] = '\0';
}

/* Checks w (lower case) and adds it, capitalised when cap, if valid. With
 * try_cap, a word that is only valid capitalised (0ctober) counts too. */
static void try_reading(ocr_ctx *c, cands *cs, const char *w, size_t n, int cap, int try_cap)
{
    char tmp[MAX_WORD + 8];
    if (!spell_shaped(c->sp, w, n))
        return;   /* no word looks like this: spare hunspell the question */
    memcpy(tmp, w, n);
    if (cap && tmp[0] >= 'a' && tmp[0] <= 'z')
        tmp[0] = (char)(tmp[0] - 32);
    if (spell_check(c->sp, tmp, n)) {
        cands_add(cs, tmp, n);
        return;
    }
    if (try_cap && !cap && tmp[0] >= 'a' && tmp[0] <= 'z') {
        tmp[0] = (char)(tmp[0] - 32);
        if (spell_check(c->sp, tmp, n))
            cands_add(cs, tmp, n);
    }
}

/* Readings of a word with 0 and 1 among its letters: 0 → o, 1 → l or i. */
static void digit_readings(ocr_ctx *c, cands *cs, char *w, size_t n, size_t at, int cap)
{
    while (at < n && w[at] != '0' && w[at] != '1')
        at++;
    if (at == n) {
        try_reading(c, cs, w, n, cap, !cap);
        return;
    }
    char d = w[at];
    const char *opts = d == '0' ? "o" : "li";
    for (const char *o = opts; *o; o++) {
        w[at] = *o;
        digit_readings(c, cs, w, n, at + 1, cap);
    }
    w[at] = d;
}

/* Readings that undo one confusion at one place, or (level 2) everywhere. */
static void glyph_readings(ocr_ctx *c, cands *cs, const char *w, size_t n, int cap, int all)
{
    char tmp[MAX_WORD + 8];
    for (size_t p = 0; glyph_pairs[p]; p += 2) {
        const char *from = glyph_pairs[p], *to = glyph_pairs[p + 1];
        size_t fl = strlen(from), tl = strlen(to), hits = 0;
        size_t o = 0;
        for (size_t i = 0; i + fl <= n; i++) {
            if (memcmp(w + i, from, fl) != 0)
                continue;
            hits++;
            if (!all) {
                if (n - fl + tl > MAX_WORD)
                    continue;
                memcpy(tmp, w, i);
                memcpy(tmp + i, to, tl);
                memcpy(tmp + i + tl, w + i + fl, n - i - fl);
                try_reading(c, cs, tmp, n - fl + tl, cap, 0);
            }
        }
        if (!all || hits < 2 || fl < 2)
            continue;
        for (size_t i = 0; i < n;) {
            if (i + fl <= n && memcmp(w + i, from, fl) == 0 && o + tl <= MAX_WORD) {
                memcpy(tmp + o, to, tl);
                o += tl;
                i += fl;
            } else if (o < MAX_WORD) {
                tmp[o++] = w[i++];
            } else {
                break;
            }
        }
        try_reading(c, cs, tmp, o, cap, 0);
    }
}

/* Whether the top hunspell suggestion for token i is want. */
static int hunspell_agrees(ocr_ctx *c, size_t i, const char *want)
{
    spell_list l;
    spell_suggest(c->sp, tok_text(c, i), tok(c, i)->len, &l);
    return l.n > 0 && strcmp(l.v[0], want) == 0;
}

/* "rnilitary" → military, "0ctober" → October, "c1ean" → clean. */
static int try_glyph(ocr_ctx *c, size_t i, int digits, const char *id)
{
    const token *k = tok(c, i);
    if (k->len > MAX_WORD || k->len < 3)
        return 0;
    char w[MAX_WORD + 8];
    memcpy(w, tok_text(c, i), k->len);
    int cap = k->shape == SHAPE_TITLE && w[0] >= 'A' && w[0] <= 'Z';
    cands cs = {.n = 0};
    if (cap && w[0] == 'I') {
        /* "Iike": a capital I read for an l. */
        w[0] = 'l';
        try_reading(c, &cs, w, k->len, 1, 0);
        w[0] = 'I';   /* the other readings start from the word as written */
    }
    if (cap)
        w[0] = (char)(w[0] | 0x20);
    if (digits) {
        digit_readings(c, &cs, w, k->len, 0, cap);
    } else {
        glyph_readings(c, &cs, w, k->len, cap, 0);
        if (cs.n == 0)
            glyph_readings(c, &cs, w, k->len, cap, 1);
    }
    if (cs.n == 0)
        return 0;
    /* One reading is likely; it is sure when hunspell ranks it first and the
     * token could not be an English word: a digit, or a letter trigram no
     * word has (^rn, rrn) in a word of six letters or more (shorter ones are
     * too often archaic or foreign: "liue", "eate"). Never for a capitalised
     * word, which may be a name. */
    int klass = CLASS_FLAG;
    if (cs.n == 1 && !cs.more) {
        int impossible = digits || (!cap && k->len >= GLYPH_SURE_MIN &&
                                    !spell_shaped(c->sp, tok_text(c, i), k->len));
        klass = impossible && hunspell_agrees(c, i, cs.v[0]) ? CLASS_SURE : CLASS_LIKELY;
    }
    finding *f = add(c, k->start, k->start + k->len, KIND_OCR, klass, id);
    for (size_t j = 0; j < cs.n; j++)
        finding_add_cand(f, cs.v[j], strlen(cs.v[j]), 0.0, "ocr");
    return 1;
}

/* Whether word token i may be changed by the word rules: unguarded, ASCII,
 * lower case (or capitalised at a sentence start), not too long. */
static int changeable(const ocr_ctx *c, size_t i)
{
    const token *k = tok(c, i);
    if (k->type != TOK_WORD || (k->flags & (TOKF_NONASCII | TOKF_DIGIT)) || k->len > MAX_WORD)
        return 0;
    if (k->shape != SHAPE_LOWER && !(k->shape == SHAPE_TITLE && (k->flags & TOKF_SENT_START)))
        return 0;
    return names_guard(c->e->nm, c->s->text, c->s->toks->v, c->s->toks->n, i) == GUARD_NONE;
}

/* "infor mation" → information: a stray space between two halves. */
static int try_split(ocr_ctx *c, size_t i, const char *id, size_t *last)
{
    size_t n = c->s->toks->n;
    size_t pair[2][2], np = 0;
    int both[2];
    for (int side = 0; side < 2; side++) {
        if ((side == 0 && i < 2) || (side == 1 && i + 2 >= n))
            continue;
        size_t a = side ? i : i - 2, b = side ? i + 2 : i;
        if (!is_single_space(c, a + 1) || tok(c, b)->shape != SHAPE_LOWER ||
            tok(c, a)->len < 2 || tok(c, b)->len < 2 || !changeable(c, side ? b : a))
            continue;
        buf_clear(&c->w);
        buf_put(&c->w, tok_text(c, a), tok(c, a)->len);
        buf_put(&c->w, tok_text(c, b), tok(c, b)->len);
        if (c->w.len > MAX_WORD || !valid(c, &c->w))
            continue;
        /* The other half: a non-word too, or a word; then this half must
         * be no word at all: un-English-shaped, or without a suggestion
         * ("gov ernment" is split, "per se" and "con tains" are not). */
        const token *o = tok(c, side ? b : a);
        both[np] = !spell_check(c->sp, c->s->text + o->start, o->len);
        if (!both[np] && spell_shaped(c->sp, tok_text(c, i), tok(c, i)->len)) {
            spell_list l;
            if (spell_suggest(c->sp, tok_text(c, i), tok(c, i)->len, &l) > 0)
                continue;
        }
        pair[np][0] = a;
        pair[np][1] = b;
        np++;
    }
    if (np != 1)
        return 0;   /* none, or ambiguous: "x infor mation" could join either way */
    size_t a = pair[0][0], b = pair[0][1];
    buf_clear(&c->w);
    buf_put(&c->w, tok_text(c, a), tok(c, a)->len);
    buf_put(&c->w, tok_text(c, b), tok(c, b)->len);
    finding *f = add(c, tok(c, a)->start, tok(c, b)->start + tok(c, b)->len, KIND_OCR,
                     both[0] ? CLASS_SURE : CLASS_LIKELY, id);
    cand(f, &c->w, "ocr");
    *last = b;
    return 1;
}

/* "andthe" → "and the": two valid words run together, split one way only. */
static int try_join(ocr_ctx *c, size_t i, const char *id)
{
    const token *k = tok(c, i);
    const char *w = tok_text(c, i);
    size_t n = k->len;
    if (n < 4 || n > MAX_WORD || !ascii_word(w, n) || memchr(w, '\'', n) || memchr(w, '-', n))
        return 0;
    char low[MAX_WORD + 8];
    memcpy(low, w, n);
    low[0] = (char)(low[0] | 0x20);
    /* Only function words run together ("andthe", not "skywave"), and one
     * way only: "ofthe" is "of the" (not "oft he", which has a content word). */
    size_t at = 0, found = 0;
    for (size_t s = 1; s < n; s++) {
        size_t rn = n - s;
        if ((s < 2 && low[0] != 'a') || (rn < 2 && low[s] != 'a'))
            continue;
        if (is_function_word(low, s) && is_function_word(low + s, rn) &&
            spell_check(c->sp, low, s) && spell_check(c->sp, low + s, rn)) {
            at = s;
            found++;
        }
    }
    if (found != 1)
        return 0;
    buf_clear(&c->w);
    buf_put(&c->w, w, at);
    buf_putc(&c->w, ' ');
    buf_put(&c->w, w + at, n - at);
    /* Sure when the token could not be a word (a trigram no word has). */
    if (!hunspell_agrees(c, i, c->w.data))
        return 0;
    int klass = k->shape == SHAPE_LOWER && !spell_shaped(c->sp, w, n) ? CLASS_SURE : CLASS_LIKELY;
    finding *f = add(c, k->start, k->start + n, KIND_OCR, klass, id);
    cand(f, &c->w, "ocr");
    return 1;
}

/* Whether a word token with digits may be an OCR reading: letters with only
 * 0 and 1 among them (at least three letters: not A1, mp3, 10th; at most
 * three digits, each of which doubles the readings to try). */
static int glyph_digits(const ocr_ctx *c, size_t i)
{
    const token *k = tok(c, i);
    const char *w = tok_text(c, i);
    size_t letters = 0, digits = 0;
    for (size_t j = 0; j < k->len; j++) {
        unsigned char ch = (unsigned char)w[j];
        if (is_ascii_alpha(ch))
            letters++;
        else if (ch == '0' || ch == '1')
            digits++;
        else
            return 0;
    }
    return letters >= 3 && digits <= GLYPH_MAX_DIGITS && letters > k->len / 2 &&
           (k->shape == SHAPE_LOWER || (k->shape == SHAPE_TITLE && (k->flags & TOKF_SENT_START)));
}

static void rule_words(ocr_ctx *c, const char *id)
{
    (void)id;
    if (!c->sp)
        return;
    size_t n = c->s->toks->n;
    const token *t = c->s->toks->v;
    for (size_t i = 0; i < n; i++) {
        if (t[i].type != TOK_WORD || (t[i].flags & TOKF_NONASCII) || t[i].len > MAX_WORD)
            continue;
        if (t[i].flags & TOKF_DIGIT) {
            if (glyph_digits(c, i) && names_chunk_guard(c->s->text, t, n, i) == GUARD_NONE)
                try_glyph(c, i, 1, "ocr.glyph");
            continue;
        }
        /* Valid words first: the check is cached, the guard is not needed. */
        if (tok_valid(c->sp, c->s->text, &t[i]) || !changeable(c, i))
            continue;
        size_t last;
        if (try_split(c, i, "ocr.split", &last)) {
            i = last;
            continue;
        }
        if (try_glyph(c, i, 0, "ocr.glyph"))
            continue;
        try_join(c, i, "ocr.join");
    }
}

/* --- the table ---------------------------------------------------------- */

static const ocr_rule rules[] = {
    {"ocr.mojibake", P_HIGH, rule_mojibake},
    {"ocr.ligature", P_HIGH, rule_ligature},
    {"ocr.invisible", P_HIGH, rule_invisible},
    {"ocr.control", P_CTRL, rule_control},
    {"ocr.hyphenation", P_HYPHEN | P_HIGH, rule_hyphenation},
    {"ocr.words", P_WORDS, rule_words},   /* ocr.split, ocr.glyph, ocr.join */
    {NULL, 0, NULL}
};

/* The P_* class of each ASCII byte; every byte from 0x80 up is P_HIGH. */
static const unsigned char ascii_profile[128] = {
    [0x01] = P_CTRL, [0x02] = P_CTRL, [0x03] = P_CTRL, [0x04] = P_CTRL, [0x05] = P_CTRL,
    [0x06] = P_CTRL, [0x07] = P_CTRL, [0x08] = P_CTRL, [0x0B] = P_CTRL, [0x0E] = P_CTRL,
    [0x0F] = P_CTRL, [0x10] = P_CTRL, [0x11] = P_CTRL, [0x12] = P_CTRL, [0x13] = P_CTRL,
    [0x14] = P_CTRL, [0x15] = P_CTRL, [0x16] = P_CTRL, [0x17] = P_CTRL, [0x18] = P_CTRL,
    [0x19] = P_CTRL, [0x1A] = P_CTRL, [0x1B] = P_CTRL, [0x1C] = P_CTRL, [0x1D] = P_CTRL,
    [0x1E] = P_CTRL, [0x1F] = P_CTRL,
    ['-'] = P_HYPHEN,
};

static unsigned profile(const char *text, size_t n)
{
    unsigned p = P_WORDS;
    const unsigned char *s = (const unsigned char *)text;
    for (size_t i = 0; i < n; i++)
        p |= s[i] < 0x80 ? ascii_profile[s[i]] : P_HIGH;
    return p;
}

void detect_ocr(const unspin_engine *e, const seg_ctx *s, finding_list *out)
{
    ocr_ctx c = {e, s, out, e->sp, BUF_INIT, BUF_INIT};
    unsigned p = profile(s->text, s->len);
    for (const ocr_rule *r = rules; r->id; r++)
        if (p & r->needs)
            r->run(&c, r->id);
    buf_free(&c.w);
    buf_free(&c.w2);
}
