/*
 * detect_ocr: scanning and encoding damage, as a table of rules (web-template
 * leftovers are detect_web.c). Each rule has an id (the findings' rule) and
 * looks at one segment. A repair is made only where the repaired form is
 * valid and the damaged one is not: a word that hunspell accepts is touched
 * only where the language model prefers a repair by a wide margin ("bis" →
 * his, "fol lowing"), and a word the name guard protects (names.h) is never
 * "corrected".
 *
 * Classes (unspin(1), RULES, documents them; Brown and seeds 001-004 get no
 * sure repair, tested):
 *   sure    unambiguous: a ligature; mojibake that decodes to plausible text;
 *           an invisible or control character whose removal leaves a valid
 *           word; a line-end hyphenation whose joined form is a word and not
 *           a known compound; punctuation that lost its space between two
 *           words ("said,the"). For the word rules (glyph, split, join), a
 *           reading the language model finds clearly best in context (see
 *           rank), on a token that is no word the model knows; without the
 *           model, the older evidence (a digit or an un-English shape, and
 *           hunspell's first suggestion);
 *   likely  one reading on weaker evidence;
 *   flag    several readings, an ambiguous prefix ("co-\noperation"), a
 *           removal that leaves no word ("zorg\u200Bblat"), or a word the
 *           model knows.
 *
 * The word rules need hunspell; without it only the character-level rules
 * run.
 */
#include "detect.h"
#include "engine.h"
#include "mojibake.h"
#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_WORD 64        /* word rules skip longer tokens */
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

/*
 * The word rules propose readings of a non-word and let the language model
 * choose in context. A reading is `sure` when the model finds it clearly best
 * (LM_MARGIN, log10 per word over the reading and two words either side):
 * better than every other reading, than the text as written (a word the model
 * knows, such as an archaic "hee", keeps its own score; an unknown token
 * scores the model's floor) and than hunspell's first suggestions that are
 * not readings ("liue" reads as "hue" by li→h, but "live" wins in context,
 * so nothing is sure; "corne" reads as "come", but "corn" may fit). A token
 * the model knows as a word ("hoss", "toto") is never sure: dialect,
 * archaic and foreign words are left alone. Without the model the older,
 * stricter evidence holds.
 */
#define LM_MARGIN 0.5      /* log10 per word: about 3x likelier per word */
#define SUGGEST_RIVALS 4   /* hunspell suggestions a sure reading must beat */
#define REALWORD_MARGIN 1.3 /* log10 per word a reading needs over real words as written */
#define NOTE_NO_READING 1 /* spell_note: a non-word type with no reading */
#define GLYPH_SHORT 4      /* shorter plain words need an un-English shape to be sure */
#define CTX_WORDS 2        /* words of context each side */
static int ends_sentence(const ocr_ctx *c, size_t i)
{
    const token *t = tok(c, i);
    if (t->type != TOK_PUNCT)
        return 0;
    char ch = c->s->text[t->start];
    return ch == '.' || ch == '!' || ch == '?' || ch == ';' || ch == ':';
}

/* Up to CTX_WORDS words before token i and after token j, within the sentence. */
static void context(const ocr_ctx *c, size_t i, size_t j, lm_words *left, lm_words *right)
{
    size_t idx[CTX_WORDS], n = 0;
    while (i > 0 && n < CTX_WORDS) {
        i--;
        if (ends_sentence(c, i))
            break;
        if (tok_is_wordlike(tok(c, i)))
            idx[n++] = i;
    }
    while (n > 0) {
        n--;
        lm_words_add(left, tok_text(c, idx[n]), tok(c, idx[n])->len);
    }
    for (size_t k = j + 1, m = 0; k < c->s->toks->n && m < CTX_WORDS; k++) {
        if (ends_sentence(c, k))
            break;
        if (tok_is_wordlike(tok(c, k))) {
            lm_words_add(right, tok_text(c, k), tok(c, k)->len);
            m++;
        }
    }
}

/* The model's mean log10 per word for `mid` (words split at spaces and
 * punctuation but ' and -) between left and right. */
static double window(const lm *m, const lm_words *left, const char *mid, size_t len,
                     const lm_words *right)
{
    lm_words q;
    q.n = q.used = 0;
    for (size_t k = 0; k < left->n; k++)
        lm_words_add(&q, left->w[k], strlen(left->w[k]));
    size_t from = q.n, a = 0;
    while (a < len) {
        while (a < len && !is_ascii_alpha((unsigned char)mid[a]) && !((unsigned char)mid[a] & 0x80) &&
               !(mid[a] >= '0' && mid[a] <= '9'))
            a++;
        size_t b = a;
        while (b < len && (is_ascii_alpha((unsigned char)mid[b]) || ((unsigned char)mid[b] & 0x80) ||
                           (mid[b] >= '0' && mid[b] <= '9') || mid[b] == '\''))
            b++;
        if (b > a)
            lm_words_add(&q, mid + a, b - a);
        a = b;
    }
    for (size_t k = 0; k < right->n; k++)
        lm_words_add(&q, right->w[k], strlen(right->w[k]));
    if (q.n <= from)
        return LM_OOV_LOG10;
    return lm_score(m, q.w, q.n, from) / (double)(q.n - from);
}

static int lm_knows(const ocr_ctx *c, const char *w, size_t n);

/* A reading of tokens [i..j] and where it came from. */
typedef struct reading {
    char text[MAX_WORD + 8];
    const char *rule;
    double score;
} reading;

#define MAX_READ 8

typedef struct readings {
    reading v[MAX_READ];
    size_t n;
    int more;            /* more readings than kept */
} readings;

static void read_add(readings *r, const char *w, size_t n, const char *rule)
{
    /* The first of two readings that differ only in case is kept: the
     * glyph-capital reading ("Hke" → like) comes before the capitalised one. */
    for (size_t i = 0; i < r->n; i++)
        if (strlen(r->v[i].text) == n && strncasecmp(r->v[i].text, w, n) == 0)
            return;
    if (r->n == MAX_READ || n > MAX_WORD) {
        r->more = 1;
        return;
    }
    memcpy(r->v[r->n].text, w, n);
    r->v[r->n].text[n] = '\0';
    r->v[r->n].rule = rule;
    r->v[r->n++].score = 0;
}

/* Whether a and b are the same words but for case, spaces and hyphens
 * ("for-the" is the reading "for the"). */
static int same_letters(const char *a, const char *b)
{
    for (;;) {
        while (*a == ' ' || *a == '-')
            a++;
        while (*b == ' ' || *b == '-')
            b++;
        if (!*a || !*b)
            return !*a && !*b;
        if ((*a | 0x20) != (*b | 0x20))
            return 0;
        a++;
        b++;
    }
}

/*
 * Ranks the readings of tokens [i..j] in context (best first); returns
 * whether the first is clearly best (see above). other: hunspell's first
 * suggestion for the token, or NULL.
 */
static int rank(ocr_ctx *c, size_t i, size_t j, readings *r, const spell_list *other)
{
    const lm *m = c->e->lm;
    if (!m || r->n == 0)
        return 0;
    lm_words left, right;
    left.n = left.used = right.n = right.used = 0;
    context(c, i, j, &left, &right);
    for (size_t k = 0; k < r->n; k++)
        r->v[k].score = window(m, &left, r->v[k].text, strlen(r->v[k].text), &right);
    for (size_t k = 1; k < r->n; k++)
        for (size_t l = k; l > 0 && r->v[l].score > r->v[l - 1].score; l--) {
            reading tmp = r->v[l];
            r->v[l] = r->v[l - 1];
            r->v[l - 1] = tmp;
        }
    double best = r->v[0].score;
    if (r->more || (r->n > 1 && r->v[1].score > best - LM_MARGIN))
        return 0;
    size_t a = tok(c, i)->start, b = tok(c, j)->start + tok(c, j)->len;
    if (window(m, &left, c->s->text + a, b - a, &right) > best - LM_MARGIN)
        return 0;
    char as_written[MAX_WORD + 8];
    size_t aw = b - a < MAX_WORD ? b - a : MAX_WORD;
    memcpy(as_written, c->s->text + a, aw);
    as_written[aw] = '\0';
    for (size_t o = 0; other && o < other->n && o < SUGGEST_RIVALS; o++) {
        /* The token in other case ("aU" → "Au") is the text, scored above. */
        int listed = same_letters(other->v[o], as_written);
        for (size_t k = 0; k < r->n; k++)
            listed |= same_letters(other->v[o], r->v[k].text);
        if (!listed && window(m, &left, other->v[o], strlen(other->v[o]), &right) > best - LM_MARGIN)
            return 0;
    }
    return 1;
}

/* Whether the top hunspell suggestion for token i is want. */
static int hunspell_agrees(ocr_ctx *c, size_t i, const char *want)
{
    spell_list l;
    spell_suggest(c->sp, tok_text(c, i), tok(c, i)->len, &l);
    return l.n && strcmp(l.v[0], want) == 0;
}

/* Adds the finding for readings r of tokens [i..j]: class by the evidence. */
static void add_readings(ocr_ctx *c, size_t i, size_t j, readings *r, int klass)
{
    const token *a = tok(c, i), *b = tok(c, j);
    finding *f = add(c, a->start, b->start + b->len, KIND_OCR, klass, r->v[0].rule);
    for (size_t k = 0; k < r->n; k++)
        finding_add_cand(f, r->v[k].text, strlen(r->v[k].text), r->v[k].score, "ocr");
}

static const char rule_join[] = "ocr.join";

/* OCR glyph confusions, as the scan has them → as the text had them. */
static const char *const glyph_pairs[] = {
    "rn", "m",  "m", "rn",  "cl", "d",  "d", "cl",  "li", "h",  "h", "li",
    "vv", "w",  "w", "vv",  "ii", "u",  "u", "ii",  "c", "e",   "e", "c",
    "b", "h",   "h", "b",   "d", "il",  "d", "ll",  "ri", "n",  "n", "ri",
    "u", "n",   "n", "u",
    "I", "l",   "U", "ll",  "H", "li",  "0", "o",   "1", "l",   "1", "i",
    NULL
};
#define GLYPH_MAX_EDITS 2   /* confusions undone in one word */

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

/* Words that begin a phrase, the second word of a sure join: determiners,
 * prepositions that do not make compounds (not in, out, up, on, over),
 * pronouns and auxiliaries that do not end speech or Latin (not a, in, be,
 * it, we: "musta", "damnit", "shewe"; not is: "spiralis", "mais"). */
static int is_join_last(const char *w)
{
    static const char *const v[] = {"the", "this", "that", "these", "those", "their", "his",
                                    "its", "our", "your", "which", "to", "of", "for", "with",
                                    "from", "at", "by", "and", "was", "he", "she",
                                    "they", "you", "who", "will", "would", "had", "has",
                                    "have", "not", "as", "but", "than", NULL};
    for (const char *const *p = v; *p; p++)
        if (strcmp(*p, w) == 0)
            return 1;
    return 0;
}

/* Function words that end a phrase's start, the first word of a sure join
 * when the second is a word of four letters or more: "thefire", "ajury",
 * "toprop" (not "thefin", "agin": short words make too many compounds). */
static int join_first(const char *w, size_t n, size_t rest)
{
    if (rest < 4)
        return 0;
    return (n == 3 && strncasecmp(w, "the", 3) == 0) || (n == 1 && (w[0] | 0x20) == 'a') ||
           (n == 2 && strncasecmp(w, "to", 2) == 0);
}

static int by_string(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The list is sorted: a binary search over a lower-case copy. */
static int is_function_word(const char *w, size_t n)
{
    if (n == 0 || n > 7)
        return 0;
    char low[8];
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] | 0x20 : w[i]);
    low[n] = '\0';
    const char *key = low;
    size_t count = sizeof function_words / sizeof *function_words - 1;
    return bsearch(&key, function_words, count, sizeof *function_words, by_string) != NULL;
}

/* Checks reading w (its case as built) and adds it if valid. start_cap 1:
 * capitalise it (a capitalised token, or a sentence start whose first glyph
 * had no case of its own: "Hke" → "Like"); 2: capitalise it if only that is
 * a word (a first digit: "0ctober" → October). */
static void try_reading(ocr_ctx *c, readings *r, char *w, size_t n, int start_cap)
{
    if (n == 0)
        return;
    if (start_cap == 1 && w[0] >= 'a' && w[0] <= 'z')
        w[0] = (char)(w[0] - 32);
    if (!spell_shaped(c->sp, w, n))
        return;   /* no word looks like this: spare hunspell the question */
    if (c->e->lm && !lm_knows(c, w, n))
        return;   /* nor the model: a reading it does not know cannot be sure (and
                     the model's lookup is cheaper than hunspell's) */
    if (spell_check(c->sp, w, n)) {
        read_add(r, w, n, "ocr.glyph");
    } else if (start_cap == 2 && w[0] >= 'a' && w[0] <= 'z') {
        /* A word only valid capitalised: "0ctober" → October. */
        w[0] = (char)(w[0] - 32);
        if (spell_check(c->sp, w, n))
            read_add(r, w, n, "ocr.glyph");
    }
}

/* Readings of w[0..n) that undo up to `edits` confusions from place `at` on. */
static void glyph_walk(ocr_ctx *c, readings *r, const char *w, size_t n, size_t at, char *out,
                       size_t o, int edits, int changed, int start_cap)
{
    if (r->n == MAX_READ)
        return;
    if (at == n) {
        if (changed) {
            char tmp[MAX_WORD + 8];
            memcpy(tmp, out, o);
            try_reading(c, r, tmp, o, start_cap);
        }
        return;
    }
    if (o + 2 > MAX_WORD)
        return;
    char ch = w[at];
    int must = ch == '0' || ch == '1' || (at > 0 && (ch == 'I' || ch == 'U' || ch == 'H'));
    if (edits > 0 || must) {
        for (size_t p = 0; glyph_pairs[p]; p += 2) {
            const char *from = glyph_pairs[p], *to = glyph_pairs[p + 1];
            if (from[0] != ch)
                continue;
            size_t fl = strlen(from), tl = strlen(to);
            if (at + fl > n || memcmp(w + at, from, fl) != 0)
                continue;
            /* A capital is read as letters only inside a word (a first
             * capital is the caller's: try_glyph_join). */
            if (at == 0 && from[0] >= 'A' && from[0] <= 'Z')
                continue;
            memcpy(out + o, to, tl);
            /* Digits and inner capitals must be read: that costs no edit. */
            glyph_walk(c, r, w, n, at + fl, out, o + tl, must ? edits : edits - 1, 1, start_cap);
        }
    }
    if (!must) {
        out[o] = ch;
        glyph_walk(c, r, w, n, at + 1, out, o + 1, edits, changed, start_cap);
    }
}

/* "1s" "10s" "11th" "1a" "0x": a number and a unit, a coin (10s. 6d.), an
 * ordinal or a label, not a misread word: digits then one or two letters
 * (but a lone 0 for an o: "0f"). */
static int number_unit(const char *w, size_t n)
{
    size_t d = 0;
    while (d < n && (w[d] == '0' || w[d] == '1'))
        d++;
    if (d == 0 || n - d > 2)
        return 0;
    for (size_t i = d; i < n; i++)
        if (!is_ascii_alpha((unsigned char)w[i]))
            return 0;
    return !(d == 1 && w[0] == '0' && w[1] != 'x');
}

/* Whether word token i has an apostrophe glued to it ("goin'", "'nother"):
 * speech written as spoken, not damage. */
static int elided(const ocr_ctx *c, size_t i)
{
    for (int d = 0; d < 2; d++) {
        if ((d == 0 && i == 0) || (d == 1 && i + 1 >= c->s->toks->n))
            continue;
        const token *t = tok(c, d == 0 ? i - 1 : i + 1);
        const char *p = c->s->text + t->start;
        if (t->type == TOK_PUNCT && ((t->len == 1 && p[0] == '\'') ||
                                     (t->len == 3 && memcmp(p, "\xE2\x80\x99", 3) == 0)))
            return 1;
    }
    return 0;
}

/* Whether token i's capitals are only glyphs: I, U, H after its first
 * letter ("wouId", "aU", "DanieI") and lower case otherwise. */
static int caps_are_glyphs(const char *w, size_t n)
{
    for (size_t i = 1; i < n; i++)
        if (w[i] >= 'A' && w[i] <= 'Z' && w[i] != 'I' && w[i] != 'U' && w[i] != 'H')
            return 0;
    for (size_t i = 0; i < n; i++)
        if (w[i] >= 'a' && w[i] <= 'z')
            return 1;
    return 0;
}

/* Whether token i may be looked at by the glyph rule, and how: 1 as a word
 * that may be corrected, 2 as a capitalised word inside a sentence (it may
 * be a name: only the model's clear choice repairs it). */
static int glyph_candidate(const ocr_ctx *c, size_t i)
{
    const token *k = tok(c, i);
    const char *w = tok_text(c, i);
    if (k->type != TOK_WORD || (k->flags & TOKF_NONASCII) || k->len > MAX_WORD || k->len < 2)
        return 0;
    if (!ascii_word(w, k->len) && !(k->flags & TOKF_DIGIT))
        return 0;
    if (names_chunk_guard(c->s->text, c->s->toks->v, c->s->toks->n, i) != GUARD_NONE)
        return 0;
    /* A known name is left alone, looked up as written ("Thc" is not
     * the acronym THC, "aU" not the symbol Au). */
    int glyph_caps = k->shape == SHAPE_MIXED && caps_are_glyphs(w, k->len);
    if (c->e->nm && !glyph_caps && names_has_written(c->e->nm, w, k->len))
        return 0;
    size_t letters = 0, digits = 0;
    for (size_t j = 0; j < k->len; j++) {
        unsigned char ch = (unsigned char)w[j];
        if (is_ascii_alpha(ch))
            letters++;
        else if (ch == '0' || ch == '1')
            digits++;
        else if (ch != '\'' && ch != '-')
            return 0;
    }
    if (digits && (letters == 0 || digits > GLYPH_MAX_DIGITS || number_unit(w, k->len)))
        return 0;
    if (digits && letters < 3 && k->shape != SHAPE_LOWER)
        return 0;   /* A1, B2B, V-1: labels */
    if (memchr(w, '-', k->len) || elided(c, i))
        return 0;   /* bas-relief, goin': compounds and speech are not read */
    if (k->shape == SHAPE_LOWER)
        return 1;
    /* A capitalised word inside a sentence may be a name: only a glyph
     * gives it away: a digit among its letters ("Aust1n"), a first H or I
     * that reads as li or l ("Hke", "Iike"), or a shape no English word
     * has ("Wdliam"); then the model must also not know it. */
    if (k->shape == SHAPE_TITLE) {
        if (k->flags & TOKF_SENT_START)
            return 1;
        return digits || w[0] == 'H' || w[0] == 'I' || !spell_shaped(c->sp, w, k->len) ? 2 : 0;
    }
    if (glyph_caps)
        return 1;
    return 0;
}

/* Whether word w[0..n) (as written) is a word the model knows. */
static int lm_knows(const ocr_ctx *c, const char *w, size_t n)
{
    char f[MAX_WORD + 8];
    if (!c->e->lm || n > MAX_WORD)
        return 0;
    size_t i = 0;
    for (; i < n && !((unsigned char)w[i] & 0x80); i++)   /* ASCII: fold here, quickly */
        f[i] = (char)(w[i] >= 'A' && w[i] <= 'Z' ? w[i] | 0x20 : w[i]);
    f[i] = '\0';
    if (i < n && tok_fold(w, n, f, sizeof f) == (size_t)-1)
        return 0;
    return lm_known(c->e->lm, f);
}

/* Split readings of a run-together token: two words the model has seen
 * side by side ("planfor" → "plan for"), or two function words. */
static void join_readings(ocr_ctx *c, readings *r, const char *w, size_t n)
{
    if (n < 4 || memchr(w, '\'', n) || memchr(w, '-', n))
        return;
    for (size_t s = 1; s < n; s++) {
        size_t rn = n - s;
        if ((s < 2 && (w[0] | 0x20) != 'a') || (rn < 2 && w[s] != 'a'))
            continue;
        /* Two content words run together are mostly a compound hunspell
         * lacks ("knuckleball", "midmorning"): one part must be a function word. */
        int f1 = is_function_word(w, s), f2 = is_function_word(w + s, rn), fw = f1 && f2;
        if (!f1 && !f2)
            continue;
        if (!spell_check(c->sp, w, s) || !spell_check(c->sp, w + s, rn))
            continue;
        if (!fw) {
            char a[MAX_WORD + 8], b[MAX_WORD + 8];
            if (!c->e->lm || tok_fold(w, s, a, sizeof a) == (size_t)-1 ||
                tok_fold(w + s, rn, b, sizeof b) == (size_t)-1 || !lm_pair_known(c->e->lm, a, b))
                continue;
        }
        char t[MAX_WORD + 8];
        memcpy(t, w, s);
        t[s] = ' ';
        memcpy(t + s + 1, w + s, rn);
        read_add(r, t, n + 1, rule_join);
    }
}

/* "rnilitary" → military, "0ctober" → October, "tlie" → the, "planfor" →
 * "plan for": the readings of non-word token i, ranked in context. */
static int try_glyph_join(ocr_ctx *c, size_t i, int how)
{
    const token *k = tok(c, i);
    const char *w = tok_text(c, i);
    size_t n = k->len;
    if (how == 2 && !c->e->lm)
        return 0;   /* a capitalised word inside a sentence: only the model may say */
    if (spell_note(c->sp, w, n) == NOTE_NO_READING)
        return 0;   /* seen before, without a reading */
    if (k->shape == SHAPE_LOWER && !(k->flags & TOKF_DIGIT) && lm_knows(c, w, n)) {
        /* A word the model knows is never repaired here (it could only be
         * flagged): left to spell.hunspell, and noted. */
        spell_set_note(c->sp, w, n, NOTE_NO_READING);
        return 0;
    }
    readings r = {.n = 0};
    char out[MAX_WORD + 8], low[MAX_WORD + 8];
    memcpy(low, w, n);
    int title = w[0] >= 'A' && w[0] <= 'Z' && k->shape != SHAPE_UPPER;
    int sent = (k->flags & TOKF_SENT_START) != 0;
    /* A first capital that may be a glyph (I for l, H for li): read it as
     * one, the word lower case (or capitalised at a sentence start). */
    if (title && (w[0] == 'I' || w[0] == 'H') && n + 1 <= MAX_WORD) {
        size_t o = 0;
        if (w[0] == 'I') {
            out[o++] = 'l';
        } else {
            out[o++] = 'l';
            out[o++] = 'i';
        }
        glyph_walk(c, &r, w, n, 1, out, o, GLYPH_MAX_EDITS - 1, 1, sent);
    }
    /* The rest: a capitalised token is read lower case and capitalised again. */
    int cap = 0;
    if (title) {
        low[0] = (char)(low[0] | 0x20);
        cap = 1;
    } else if (w[0] == '0' || w[0] == '1') {
        cap = 2;
    }
    glyph_walk(c, &r, low, n, 0, out, 0, GLYPH_MAX_EDITS, 0, cap);
    if (!(k->flags & TOKF_DIGIT) && (k->shape == SHAPE_LOWER || (k->shape == SHAPE_TITLE && sent)))
        join_readings(c, &r, w, n);
    if (r.n == 0) {
        if (k->shape == SHAPE_LOWER)   /* (a capital's readings depend on its place) */
            spell_set_note(c->sp, w, n, NOTE_NO_READING);
        return 0;
    }
    int klass;
    if (c->e->lm) {
        int clear = rank(c, i, i, &r, NULL);
        /* A capitalised word may be a name: repaired only when the model
         * does not know it and no English word is shaped like it ("Thc",
         * "Tcxas"), or a glyph gives it away (a digit, an inner capital). */
        if (clear && w[0] >= 'A' && w[0] <= 'Z' && k->shape != SHAPE_MIXED && !(k->flags & TOKF_DIGIT) &&
            !(r.v[0].text[0] >= 'a' && r.v[0].text[0] <= 'z'))   /* "Httle" → little: the capital was the glyph */
            clear = !lm_knows(c, w, n) &&
                    (!spell_shaped(c->sp, w, n) ||
                     (sent && is_function_word(r.v[0].text, strlen(r.v[0].text))));   /* "Thcre" */
        /* A word the model knows is a word; a plain short one has too
         * many neighbours ("sed" → sell) unless no English word is shaped
         * like it ("thc") or it reads as a function word ("wdl" → will),
         * where the model is sure of itself. Digits and inner capitals are
         * evidence enough. */
        int plain = !(k->flags & TOKF_DIGIT) && k->shape != SHAPE_MIXED;
        if (clear && plain && lm_knows(c, w, n))
            clear = 0;
        if (clear && plain && r.v[0].rule != rule_join && n < GLYPH_SHORT && spell_shaped(c->sp, w, n) &&
            !is_function_word(r.v[0].text, strlen(r.v[0].text)))
            clear = 0;
        /* Sure joins end in a word that begins a phrase ("ofthe",
         * "planfor", "haveto"): the other non-words made of a word and a
         * function word are mostly compounds and speech hunspell lacks
         * ("outstate", "inclosed", "wouldbe", "musta", "bein", "rator"). */
        if (clear && r.v[0].rule == rule_join) {
            const char *sp = strchr(r.v[0].text, ' ');
            clear = sp && (is_join_last(sp + 1) || join_first(r.v[0].text, (size_t)(sp - r.v[0].text),
                                                               strlen(sp + 1)));
        }
        /* hunspell's suggestions compete too (asked only now: they are
         * the slow part). */
        if (clear && !(k->flags & TOKF_DIGIT)) {
            spell_list l;
            spell_suggest(c->sp, w, n, &l);
            clear = rank(c, i, i, &r, &l);
        }
        /* A word the model knows ("carne") is only flagged, and so is
         * another spelling of a word ("offence" is not "of fence"). */
        klass = clear ? CLASS_SURE : r.n == 1 && !lm_knows(c, w, n) ? CLASS_LIKELY : CLASS_FLAG;
        if (klass == CLASS_LIKELY && !(k->flags & TOKF_DIGIT) && spell_variant_valid(c->sp, w, n))
            klass = CLASS_FLAG;
    } else {
        /* No model: sure only when hunspell ranks the single reading first
         * and the token could not be a word (a digit, or a letter trigram
         * no word has, in a word of six letters or more). */
        klass = CLASS_FLAG;
        if (r.n == 1 && !r.more && how == 1) {
            int impossible = (k->flags & TOKF_DIGIT) ||
                             (k->shape == SHAPE_LOWER && n >= GLYPH_SURE_MIN && !spell_shaped(c->sp, w, n));
            klass = impossible && hunspell_agrees(c, i, r.v[0].text) ? CLASS_SURE : CLASS_LIKELY;
        }
    }
    add_readings(c, i, i, &r, klass);
    return 1;
}

/* Whether word token i may be changed by the split rule: unguarded, ASCII,
 * lower case (or capitalised at a sentence start), not too long. */
static int changeable(const ocr_ctx *c, size_t i)
{
    const token *k = tok(c, i);
    if (k->type != TOK_WORD || (k->flags & (TOKF_NONASCII | TOKF_DIGIT)) || k->len > MAX_WORD)
        return 0;
    if (k->shape != SHAPE_LOWER && !(k->shape == SHAPE_TITLE && (k->flags & TOKF_SENT_START)))
        return 0;
    if (elided(c, i))
        return 0;
    return names_guard(c->e->nm, c->s->text, c->s->toks->v, c->s->toks->n, i) == GUARD_NONE;
}

/* A fragment: a non-word, or a lone letter that is no word of its own. */
static int fragment(ocr_ctx *c, size_t i)
{
    const token *k = tok(c, i);
    if (k->len == 1) {
        char ch = tok_text(c, i)[0];
        return ch != 'a' && ch != 'A' && ch != 'I' && ch != 'o' && ch != 'O';
    }
    return !tok_valid(c->sp, c->s->text, k);
}

/* Whether tokens a..b stand free: no hyphen, apostrophe or letter glued to
 * either end ("an e-mail" is not "ane-mail"). */
static int clean_edges(const ocr_ctx *c, size_t a, size_t b)
{
    if (a > 0) {
        const token *t = tok(c, a - 1);
        if (t->type != TOK_SPACE && t->type != TOK_NEWLINE &&
            !(t->type == TOK_PUNCT && t->len == 1 && strchr("\"(", c->s->text[t->start])))
            return 0;
    }
    if (b + 1 < c->s->toks->n) {
        const token *t = tok(c, b + 1);
        if (t->type != TOK_SPACE && t->type != TOK_NEWLINE &&
            !(t->type == TOK_PUNCT && t->len == 1 && strchr(".,;:!?\")", c->s->text[t->start])))
            return 0;
    }
    return 1;
}

/* "infor mation" → information, "th e" → the: a stray space inside a word.
 * Token i is a fragment; it joins its left or right neighbour. With real,
 * token i is a short word hunspell accepts ("fol lowing", "ho me"): then
 * only the model's strong preference (REALWORD_MARGIN over the text as
 * written) makes a finding. */
static int try_split(ocr_ctx *c, size_t i, size_t *last, int real)
{
    size_t n = c->s->toks->n;
    readings r = {.n = 0};
    size_t ends[2][2];
    int both = 0;
    for (int side = 0; side < 2; side++) {
        if ((side == 0 && i < 2) || (side == 1 && i + 2 >= n))
            continue;
        size_t a = side ? i : i - 2, b = side ? i + 2 : i;
        if (!is_single_space(c, a + 1) || tok(c, b)->shape != SHAPE_LOWER ||
            tok(c, a)->type != TOK_WORD || tok(c, a)->len + tok(c, b)->len > MAX_WORD)
            continue;
        buf_clear(&c->w);
        buf_put(&c->w, tok_text(c, a), tok(c, a)->len);
        buf_put(&c->w, tok_text(c, b), tok(c, b)->len);
        /* With the model, the joined word must be one it has seen ("per
         * se" is not "perse"); asked first (a hash lookup), it spares the
         * guard and hunspell most joins. */
        if (c->e->lm && !lm_knows(c, c->w.data, c->w.len))
            continue;
        if (!changeable(c, side ? b : a) || !changeable(c, side ? a : b) || !clean_edges(c, a, b) ||
            !valid(c, &c->w))
            continue;
        size_t before = r.n;
        read_add(&r, c->w.data, c->w.len, "ocr.split");
        if (r.n > before) {
            ends[r.n - 1][0] = a;
            ends[r.n - 1][1] = b;
            both = fragment(c, side ? b : a);
        }
    }
    if (r.n == 0)
        return 0;
    size_t a = ends[0][0], b = ends[r.n - 1][1];
    int klass;
    if (c->e->lm) {
        /* Both joins compete, with the text as written. */
        int clear = rank(c, a, b, &r, NULL);
        if (real) {
            lm_words left, right;
            left.n = left.used = right.n = right.used = 0;
            context(c, a, b, &left, &right);
            size_t from = tok(c, a)->start, to = tok(c, b)->start + tok(c, b)->len;
            if (!clear || left.n + right.n == 0 ||
                r.v[0].score < window(c->e->lm, &left, c->s->text + from, to - from, &right) + REALWORD_MARGIN)
                return 0;
        }
        size_t k = 0;
        while (k + 1 < r.n && strcmp(r.v[0].text, r.v[k].text) != 0)
            k++;
        klass = clear ? CLASS_SURE : r.n == 1 ? CLASS_LIKELY : CLASS_FLAG;
        /* The finding covers the join the model chose. */
        for (size_t e = 0; e < 2 && e < r.n; e++) {
            buf_clear(&c->w);
            buf_put(&c->w, tok_text(c, ends[e][0]), tok(c, ends[e][0])->len);
            buf_put(&c->w, tok_text(c, ends[e][1]), tok(c, ends[e][1])->len);
            if (c->w.len == strlen(r.v[0].text) && memcmp(c->w.data, r.v[0].text, c->w.len) == 0) {
                a = ends[e][0];
                b = ends[e][1];
            }
        }
        if (r.n > 1) {
            r.n = 1;    /* the other join covers other bytes */
            klass = clear ? CLASS_SURE : CLASS_FLAG;
        }
    } else {
        if (real)
            return 0;
        /* No model: a word on the other side needs this half to be no word
         * at all: un-English-shaped, or without a suggestion ("gov
         * ernment" is split, "per se" and "con tains" are not). */
        if (r.n != 1)
            return 0;
        if (!both && spell_shaped(c->sp, tok_text(c, i), tok(c, i)->len)) {
            spell_list l;
            if (spell_suggest(c->sp, tok_text(c, i), tok(c, i)->len, &l) > 0)
                return 0;
        }
        klass = both ? CLASS_SURE : CLASS_LIKELY;
    }
    add_readings(c, a, b, &r, klass);
    *last = b;
    return 1;
}

/* "said,the" → "said, the", "end.The" → "end. The": punctuation that lost
 * the space after it between two words. Not in numbers, addresses, file
 * names or code: the chunk is exactly word, mark, word (and closing marks),
 * the words of letters only, and after a full stop the word is capitalised
 * (lower case after a dot is a domain or a file name). */
static int try_punct_join(ocr_ctx *c, size_t i)
{
    size_t n = c->s->toks->n;
    if (i + 2 >= n || tok(c, i + 1)->type != TOK_PUNCT || tok(c, i + 1)->len != 1 ||
        tok(c, i + 2)->type != TOK_WORD)
        return 0;
    char p = tok_text(c, i + 1)[0];
    if (!strchr(",;:.!?", p))
        return 0;
    const token *a = tok(c, i), *b = tok(c, i + 2);
    /* An initial before a name ("L.Crawford") counts as a word. */
    int initial = a->len == 1 && p == '.' && tok_text(c, i)[0] >= 'A' && tok_text(c, i)[0] <= 'Z' &&
                  b->len >= 3;
    if ((a->len < 2 && !initial) || b->len < 2 || !ascii_word(tok_text(c, i), a->len) ||
        !ascii_word(tok_text(c, i + 2), b->len))
        return 0;
    if (p == '.' && b->shape != SHAPE_TITLE)
        return 0;
    if (b->shape != SHAPE_LOWER && b->shape != SHAPE_TITLE)
        return 0;
    if (a->shape != SHAPE_LOWER && a->shape != SHAPE_TITLE)
        return 0;
    /* The chunk: nothing glued before a, only closing marks after b. */
    if (i > 0 && tok(c, i - 1)->type != TOK_SPACE && tok(c, i - 1)->type != TOK_NEWLINE) {
        char q = tok_text(c, i - 1)[0];
        if (tok(c, i - 1)->type != TOK_PUNCT || !strchr("\"'(", q))
            return 0;
    }
    for (size_t k = i + 3; k < n && tok(c, k)->type != TOK_SPACE && tok(c, k)->type != TOK_NEWLINE; k++) {
        if (tok(c, k)->type != TOK_PUNCT || !strchr(",;:.!?\")'", tok_text(c, k)[0]))
            return 0;
        if (tok_text(c, k)[0] == '.' && k + 1 < n && tok(c, k + 1)->type == TOK_WORD)
            return 0;
    }
    if ((!initial && !tok_valid(c->sp, c->s->text, a)) || !tok_valid(c->sp, c->s->text, b))
        return 0;
    finding *f = add(c, a->start + a->len, b->start, KIND_OCR, CLASS_SURE, "ocr.join");
    char s[3] = {p, ' ', 0};
    finding_add_cand(f, s, 2, 0.0, "ocr");
    return 1;
}

/* Function words that begin a run-together "theState"; not those that
 * begin camelCase names in code (isEmpty, toString, onClick, forEach). */
static int is_join_prefix(const char *w, size_t n)
{
    static const char *const v[] = {"the", "of", "in", "and", "at", "by", "with", "from", "that",
                                    "this", "his", "her", "their", "was", "were", "an", NULL};
    for (const char *const *p = v; *p; p++)
        if (strlen(*p) == n && memcmp(*p, w, n) == 0)
            return 1;
    return 0;
}

/* "theState" → "the State": a function word run into a capitalised word. */
static int try_case_join(ocr_ctx *c, size_t i)
{
    const token *k = tok(c, i);
    const char *w = tok_text(c, i);
    if (k->shape != SHAPE_MIXED || k->len < 5 || !ascii_word(w, k->len) || w[0] < 'a' || w[0] > 'z')
        return 0;
    size_t s = 1;
    while (s < k->len && w[s] >= 'a' && w[s] <= 'z')
        s++;
    if (s < 2 || s == k->len || w[s] < 'A' || w[s] > 'Z' || !is_join_prefix(w, s))
        return 0;
    for (size_t j = s + 1; j < k->len; j++)
        if (!(w[j] >= 'a' && w[j] <= 'z'))
            return 0;
    if (k->len - s < 2 || names_chunk_guard(c->s->text, c->s->toks->v, c->s->toks->n, i) != GUARD_NONE)
        return 0;
    if (!spell_check(c->sp, w + s, k->len - s) && !(c->e->nm && names_has(c->e->nm, w + s, k->len - s)))
        return 0;
    char t[MAX_WORD + 8];
    if (k->len + 1 > MAX_WORD)
        return 0;
    memcpy(t, w, s);
    t[s] = ' ';
    memcpy(t + s + 1, w + s, k->len - s);
    finding *f = add(c, k->start, k->start + k->len, KIND_OCR, CLASS_SURE, "ocr.join");
    finding_add_cand(f, t, k->len + 1, 0.0, "ocr");
    return 1;
}

/* --- real words misread as other real words ------------------------------ */

/*
 * "bis" for his, "ad" for all, "shad" for shall: a glyph confusion that turns
 * a function word into another, rarer word. The damaged forms are made once
 * per dictionary from the function words and the glyph pairs (only forms
 * hunspell accepts and that are no function word themselves). A repair needs
 * the model to prefer the function word in context by REALWORD_MARGIN: the
 * text as written is a word, so the evidence must be strong.
 */
#define REALWORD_MAX 512

typedef struct realword {
    char damaged[16], original[16];
    size_t len;          /* of damaged */
} realword;

static struct {
    const spell *sp;     /* the dictionary the table was made for */
    realword v[REALWORD_MAX];
    size_t n;
    uint16_t lens[26];   /* per first letter, a bit per length: a quick no */
} rw;

/* The confusions that make real words of real words in scans (b/h, d for
 * ll or il); c/e, n/u and ri/n make too many real words ("arc", "yon",
 * "arid") to overrule them. */
static int realword_pair(const char *damaged, const char *original)
{
    return (strcmp(damaged, "b") == 0 && strcmp(original, "h") == 0) ||
           (strcmp(damaged, "h") == 0 && strcmp(original, "b") == 0) ||
           (strcmp(damaged, "d") == 0 && (strcmp(original, "ll") == 0 || strcmp(original, "il") == 0));
}

static void realword_build(ocr_ctx *c)
{
    rw.sp = c->sp;
    rw.n = 0;
    memset(rw.lens, 0, sizeof rw.lens);
    for (const char *const *f = function_words; *f; f++) {
        size_t fl = strlen(*f);
        for (size_t p = 0; glyph_pairs[p]; p += 2) {
            const char *to = glyph_pairs[p], *from = glyph_pairs[p + 1];   /* damage: from → to */
            size_t a = strlen(from), b = strlen(to);
            if (!realword_pair(to, from))
                continue;
            for (size_t i = 0; i + a <= fl; i++) {
                if (memcmp(*f + i, from, a) != 0 || fl - a + b >= 16 || rw.n == REALWORD_MAX)
                    continue;
                realword *r = &rw.v[rw.n];
                memcpy(r->damaged, *f, i);
                memcpy(r->damaged + i, to, b);
                memcpy(r->damaged + i + b, *f + i + a, fl - i - a);
                r->damaged[fl - a + b] = '\0';
                size_t dl = strlen(r->damaged);
                if (is_function_word(r->damaged, dl) || !spell_check(c->sp, r->damaged, dl))
                    continue;
                strcpy(r->original, *f);
                r->len = dl;
                if (r->damaged[0] >= 'a' && r->damaged[0] <= 'z')
                    rw.lens[r->damaged[0] - 'a'] |= (uint16_t)(1u << dl);
                rw.n++;
            }
        }
    }
}

/* "bis" → his in context. Token i is a valid lower-case word. */
static int try_realword(ocr_ctx *c, size_t i)
{
    const token *k = tok(c, i);
    if (!c->e->lm || k->len >= 16 || k->shape != SHAPE_LOWER || (k->flags & (TOKF_NONASCII | TOKF_DIGIT)))
        return 0;
    if (rw.sp != c->sp)
        realword_build(c);
    const char *w = tok_text(c, i);
    if (w[0] < 'a' || w[0] > 'z' || !(rw.lens[w[0] - 'a'] & (1u << k->len)))
        return 0;
    readings r = {.n = 0};
    for (size_t j = 0; j < rw.n; j++)
        if (rw.v[j].len == k->len && rw.v[j].damaged[0] == w[0] && memcmp(rw.v[j].damaged, w, k->len) == 0)
            read_add(&r, rw.v[j].original, strlen(rw.v[j].original), "ocr.glyph");
    if (r.n == 0 || elided(c, i) ||
        names_guard(c->e->nm, c->s->text, c->s->toks->v, c->s->toks->n, i) != GUARD_NONE)
        return 0;
    lm_words left, right;
    left.n = left.used = right.n = right.used = 0;
    context(c, i, i, &left, &right);
    if (left.n == 0 || right.n == 0)
        return 0;   /* too little context to overrule a word */
    if (!rank(c, i, i, &r, NULL))
        return 0;
    double here = window(c->e->lm, &left, w, k->len, &right);
    if (r.v[0].score < here + REALWORD_MARGIN)
        return 0;
    add_readings(c, i, i, &r, CLASS_SURE);
    return 1;
}

/* A lone "1" read for I, a lone "0" for O ("1 am", "0 Lord"): only with the
 * model, between words, when the letter beats the number spelled out
 * ("one", "nought") by REALWORD_MARGIN, so that "1 tablespoon" stays. */
static int try_lone_digit(ocr_ctx *c, size_t i)
{
    const token *k = tok(c, i);
    size_t n = c->s->toks->n;
    if (!c->e->lm || k->type != TOK_NUM || k->len != 1)
        return 0;
    char d = tok_text(c, i)[0];
    if (d != '0' && d != '1')
        return 0;
    if (i + 2 >= n || !is_single_space(c, i + 1) || tok(c, i + 2)->type != TOK_WORD ||
        (tok(c, i + 2)->flags & TOKF_DIGIT))
        return 0;
    if (i > 0 && !(is_single_space(c, i - 1) && i >= 2 && tok(c, i - 2)->type == TOK_WORD &&
                   !(tok(c, i - 2)->flags & TOKF_DIGIT)))
        return 0;
    lm_words left, right;
    left.n = left.used = right.n = right.used = 0;
    context(c, i, i, &left, &right);
    if (right.n == 0)
        return 0;
    const char *as_letter = d == '1' ? "I" : "O", *as_number = d == '1' ? "one" : "nought";
    double letter = window(c->e->lm, &left, as_letter, 1, &right);
    double number = window(c->e->lm, &left, as_number, strlen(as_number), &right);
    if (letter < number + REALWORD_MARGIN)
        return 0;
    finding *f = add(c, k->start, k->start + 1, KIND_OCR, CLASS_SURE, "ocr.glyph");
    finding_add_cand(f, as_letter, 1, letter, "ocr");
    return 1;
}

static void rule_words(ocr_ctx *c, const char *id)
{
    (void)id;
    if (!c->sp)
        return;
    size_t n = c->s->toks->n;
    const token *t = c->s->toks->v;
    for (size_t i = 0; i < n; i++) {
        if (t[i].type == TOK_NUM && t[i].len == 1) {
            try_lone_digit(c, i);
            continue;
        }
        if (t[i].type != TOK_WORD || (t[i].flags & TOKF_NONASCII) || t[i].len > MAX_WORD)
            continue;
        if (try_punct_join(c, i))
            continue;
        if (t[i].flags & TOKF_DIGIT) {
            int how = glyph_candidate(c, i);
            if (how)
                try_glyph_join(c, i, how);
            continue;
        }
        /* Valid words first: the check is cached, the guard is not needed. */
        if (tok_valid(c->sp, c->s->text, &t[i])) {
            if (t[i].len >= 2 && t[i].len <= 5 && try_realword(c, i))
                continue;
            size_t last;
            if (t[i].len == 1 && fragment(c, i) && changeable(c, i)) {
                if (try_split(c, i, &last, 0))
                    i = last;
            } else if (c->e->lm && t[i].len <= 3 && !is_function_word(tok_text(c, i), t[i].len) &&
                       changeable(c, i) && try_split(c, i, &last, 1)) {
                i = last;
            }
            continue;
        }
        if (try_case_join(c, i))
            continue;
        if (changeable(c, i)) {
            size_t last;
            if (try_split(c, i, &last, 0)) {
                i = last;
                continue;
            }
        }
        int how = glyph_candidate(c, i);
        if (how)
            try_glyph_join(c, i, how);
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
