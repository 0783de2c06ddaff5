/* mojibake: the cp1252/Latin-1 round-trip decoder (see mojibake.h). */
#include "mojibake.h"
#include "utf8.h"

#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#define MAX_ROUNDS 3
#define MAX_UNITS 64

/* How a unit may be repaired: not at all; only as a middle round of double
 * encoding (it decodes to a character that is mojibake again); in a run of
 * units; on its own. */
enum { JUDGE_NO, JUDGE_RELAY, JUDGE_RUN, JUDGE_ALONE };

/* cp1252's characters for bytes 0x80–0x9F (0: undefined, Latin-1's C1 control). */
static const uint16_t cp1252_high[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

int mojibake_byte(int cp)
{
    if (cp < 0)
        return -1;
    if (cp < 0x100)
        return cp;   /* ASCII, C1 controls (Latin-1) and Latin-1 proper */
    for (int i = 0; i < 32; i++)
        if (cp1252_high[i] == cp)
            return 0x80 + i;
    return -1;
}

int mojibake_cp1252(int b)
{
    if (b >= 0x80 && b <= 0x9F && cp1252_high[b - 0x80])
        return cp1252_high[b - 0x80];
    return b;
}

static int graphic(int32_t d)
{
    switch (utf8proc_category(d)) {
    case UTF8PROC_CATEGORY_LU: case UTF8PROC_CATEGORY_LL: case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM: case UTF8PROC_CATEGORY_LO: case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL: case UTF8PROC_CATEGORY_NO: case UTF8PROC_CATEGORY_PC:
    case UTF8PROC_CATEGORY_PD: case UTF8PROC_CATEGORY_PS: case UTF8PROC_CATEGORY_PE:
    case UTF8PROC_CATEGORY_PI: case UTF8PROC_CATEGORY_PF: case UTF8PROC_CATEGORY_PO:
    case UTF8PROC_CATEGORY_SM: case UTF8PROC_CATEGORY_SC: case UTF8PROC_CATEGORY_SK:
    case UTF8PROC_CATEGORY_SO: case UTF8PROC_CATEGORY_ZS:
        return 1;
    default:
        return 0;
    }
}

#define IN(lo, hi) (d >= (lo) && d <= (hi))

/* How plausible it is that text decodes to d, a len-byte sequence. */
static int judge(int32_t d, size_t len)
{
    if (!graphic(d))
        return JUDGE_NO;
    switch (len) {
    case 2:
        if (IN(0xA0, 0x17F) || IN(0x218, 0x21B))
            return JUDGE_ALONE;
        if (IN(0x180, 0x24F) || IN(0x386, 0x3CE) || IN(0x400, 0x4FF) || IN(0x5D0, 0x5EA) ||
            IN(0x621, 0x64A))
            return JUDGE_RUN;
        return JUDGE_NO;
    case 3:
        if (IN(0x2000, 0x200A) || IN(0x2010, 0x2027) || d == 0x202F || IN(0x2030, 0x205E) ||
            IN(0x20A0, 0x20CF) || IN(0x2100, 0x215F) || IN(0x2190, 0x23FF) ||
            IN(0x2460, 0x27BF) || IN(0x1E00, 0x1EFF) || IN(0xFB00, 0xFB06))
            return JUDGE_ALONE;
        return JUDGE_RUN;
    default:
        return IN(0x1F000, 0x1FAFF) ? JUDGE_ALONE : JUDGE_RUN;
    }
}

/* Punctuation that often follows a word: a real word end, not a unit, when
 * it comes after a capital letter. */
static int weak(int32_t d)
{
    switch (d) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201C: case 0x201D: case 0x201E:
    case 0x2013: case 0x2014: case 0x2022: case 0x2026: case 0x2039: case 0x203A:
    case 0xA0: case 0xA1: case 0xAB: case 0xAD: case 0xB0: case 0xB7: case 0xBB: case 0xBF:
        return 1;
    default:
        return 0;
    }
}

/* The code point at s[p] (or -1 for invalid bytes) and its length. */
static int32_t cp_at(const char *s, size_t n, size_t p, size_t *len)
{
    int32_t cp;
    *len = utf8_decode((const unsigned char *)s + p, n - p, &cp);
    return cp;
}

/*
 * A unit at s[p]: characters whose cp1252/Latin-1 bytes form one valid UTF-8
 * multi-byte sequence. Returns its judgement and sets *end and *d (the code
 * point it decodes to); JUDGE_NO when there is none. prev is the character
 * before p (-1 when none).
 */
static int unit_at(const char *s, size_t n, size_t p, int32_t prev, size_t *end, int32_t *d)
{
    size_t l;
    int32_t c = cp_at(s, n, p, &l);
    int lead = mojibake_byte(c);
    size_t need;
    if (lead >= 0xC2 && lead <= 0xDF)
        need = 1;
    else if (lead >= 0xE0 && lead <= 0xEF)
        need = 2;
    else if (lead >= 0xF0 && lead <= 0xF4)
        need = 3;
    else
        return JUDGE_NO;
    unsigned char bytes[4] = {(unsigned char)lead};
    int32_t second = -1;
    size_t q = p + l;
    for (size_t k = 1; k <= need; k++) {
        if (q >= n)
            return JUDGE_NO;
        int32_t cc = cp_at(s, n, q, &l);
        int b = mojibake_byte(cc);
        if (b < 0x80 || b > 0xBF)
            return JUDGE_NO;
        if (k == 1)
            second = cc;
        bytes[k] = (unsigned char)b;
        q += l;
    }
    if (utf8_decode(bytes, need + 1, d) != need + 1 || *d < 0)
        return JUDGE_NO;
    int j = judge(*d, need + 1);
    if (j == JUDGE_ALONE && need == 1 && weak(second) && prev >= 0 && utf8_is_upper(prev))
        j = JUDGE_NO;
    if (j == JUDGE_NO && mojibake_byte(*d) >= 0x80)
        j = JUDGE_RELAY;
    *end = q;
    return j;
}

/* The character that ends just before p, or -1. */
static int32_t char_before(const char *s, size_t p)
{
    if (p == 0)
        return -1;
    size_t b = p - 1;
    while (b > 0 && p - b < 4 && ((unsigned char)s[b] & 0xC0) == 0x80)
        b--;
    size_t l;
    int32_t cp = cp_at(s, p, b, &l);
    return b + l == p ? cp : -1;
}

/* What a run of units decodes to. */
typedef struct run {
    size_t end;        /* just past the run */
    size_t units;
    int strict;        /* every unit judged JUDGE_RUN or better */
    int alone;         /* some unit judged JUDGE_ALONE */
} run;

/* Decodes the run of adjacent units at s[p] into text (MOJI_MAX_TEXT bytes);
 * with relay, units that only make sense as a middle round count too.
 * Returns the text length; r says what the run was. */
static size_t collect(const char *s, size_t n, size_t p, int32_t prev, int relay, char *text,
                      run *r)
{
    size_t len = 0, end;
    int32_t d;
    *r = (run){p, 0, 1, 0};
    int j = unit_at(s, n, p, prev, &end, &d);
    while (j >= (relay ? JUDGE_RELAY : JUDGE_RUN) && r->units < MAX_UNITS &&
           len + 4 < MOJI_MAX_TEXT) {
        len += utf8_encode(d, text + len);
        r->strict &= j >= JUDGE_RUN;
        r->alone |= j == JUDGE_ALONE;
        r->units++;
        r->end = end;
        if (end >= n)
            break;
        j = unit_at(s, n, end, -1, &end, &d);
    }
    text[len] = '\0';
    return len;
}

static int accepted(const run *r)
{
    return r->units > 0 && r->strict && (r->units >= 2 || r->alone);
}

/*
 * The first repairable run in s[from..n), decoded into fix. Double encoding
 * first: while the decoded text is itself one whole run, decode again; the
 * last round must pass the plausibility test. Else a single round.
 */
int mojibake_next(const char *s, size_t n, size_t from, moji_fix *fix)
{
    size_t p = from;
    int32_t prev = char_before(s, from);
    char inner[MOJI_MAX_TEXT];
    while (p < n) {
        size_t end;
        int32_t d;
        if (unit_at(s, n, p, prev, &end, &d) == JUDGE_NO) {
            size_t l;
            prev = cp_at(s, n, p, &l);
            p += l;
            continue;
        }
        run r, ri;
        fix->len = collect(s, n, p, prev, 1, fix->text, &r);
        fix->rounds = 1;
        while (fix->rounds < MAX_ROUNDS && fix->len > 0) {
            size_t il = collect(fix->text, fix->len, 0, prev, 1, inner, &ri);
            if (ri.units == 0 || ri.end != fix->len)
                break;
            memcpy(fix->text, inner, il + 1);
            fix->len = il;
            fix->rounds++;
            r.strict = ri.strict;
            r.alone = ri.alone;
            r.units = ri.units;
        }
        if (!accepted(&r)) {
            fix->len = collect(s, n, p, prev, 0, fix->text, &r);
            fix->rounds = 1;
        }
        if (accepted(&r)) {
            fix->start = p;
            fix->end = r.end;
            return 1;
        }
        p = r.end > p ? r.end : end;
        prev = char_before(s, p);
    }
    return 0;
}
