/*
 * detect_web: leftovers of web templates in scraped text, as a table of
 * rules like detect_ocr's:
 *   web.entity           HTML entities in plain text: "&amp;" → "&",
 *                        "&#8217;" → "’" (and "&amp;#8217;"); sure. A segment
 *                        with markup (<p>, </div>) keeps its entities.
 *   web.spintax          spinner templates: "{dollars}" → "dollars" (sure);
 *                        "{a|b|c}" is flagged with its options. Braces after
 *                        a letter (\emph{x}) or with code inside are not
 *                        spintax. Kind "spun": spintax is a spinner's trace.
 *   web.email-protected  Cloudflare's "[email protected]": flagged, with no
 *                        candidate (the address cannot be restored).
 */
#include "detect.h"
#include "engine.h"
#include "mojibake.h"
#include "utf8.h"

#include <string.h>

#define SPINTAX_MAX 200    /* bytes between { and } */

static int is_ascii_alpha(int ch)
{
    return (ch | 0x20) >= 'a' && (ch | 0x20) <= 'z';
}

static void cand(finding *f, const buf *b)
{
    finding_add_cand(f, b->data ? b->data : "", b->len, 0.0, "web");
}

typedef struct entity {
    const char *name;
    const char *text;
} entity;

/* Named entities seen in scraped text; others are left alone. */
static const entity entities[] = {
    {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"},
    {"nbsp", "\xC2\xA0"}, {"ensp", "\xE2\x80\x82"}, {"emsp", "\xE2\x80\x83"},
    {"thinsp", "\xE2\x80\x89"}, {"ndash", "–"}, {"mdash", "—"}, {"lsquo", "‘"},
    {"rsquo", "’"}, {"sbquo", "‚"}, {"ldquo", "“"}, {"rdquo", "”"}, {"bdquo", "„"},
    {"laquo", "«"}, {"raquo", "»"}, {"lsaquo", "‹"}, {"rsaquo", "›"}, {"hellip", "…"},
    {"bull", "•"}, {"middot", "·"}, {"prime", "′"}, {"Prime", "″"}, {"copy", "©"},
    {"reg", "®"}, {"trade", "™"}, {"deg", "°"}, {"plusmn", "±"}, {"times", "×"},
    {"divide", "÷"}, {"micro", "µ"}, {"para", "¶"}, {"sect", "§"}, {"frac12", "½"},
    {"frac14", "¼"}, {"frac34", "¾"}, {"euro", "€"}, {"pound", "£"}, {"cent", "¢"},
    {"yen", "¥"}, {"iexcl", "¡"}, {"iquest", "¿"}, {"agrave", "à"}, {"aacute", "á"},
    {"acirc", "â"}, {"atilde", "ã"}, {"auml", "ä"}, {"aring", "å"}, {"aelig", "æ"},
    {"ccedil", "ç"}, {"egrave", "è"}, {"eacute", "é"}, {"ecirc", "ê"}, {"euml", "ë"},
    {"igrave", "ì"}, {"iacute", "í"}, {"icirc", "î"}, {"iuml", "ï"}, {"ntilde", "ñ"},
    {"ograve", "ò"}, {"oacute", "ó"}, {"ocirc", "ô"}, {"otilde", "õ"}, {"ouml", "ö"},
    {"oslash", "ø"}, {"ugrave", "ù"}, {"uacute", "ú"}, {"ucirc", "û"}, {"uuml", "ü"},
    {"yacute", "ý"}, {"yuml", "ÿ"}, {"szlig", "ß"}, {"Agrave", "À"}, {"Aacute", "Á"},
    {"Auml", "Ä"}, {"Aring", "Å"}, {"Ccedil", "Ç"}, {"Egrave", "È"}, {"Eacute", "É"},
    {"Ntilde", "Ñ"}, {"Oacute", "Ó"}, {"Ouml", "Ö"}, {"Uacute", "Ú"}, {"Uuml", "Ü"},
    {NULL, NULL}
};

/*
 * The entity at s[0..n) ("&name;", "&#8217;", "&#x2019;"): appends its text
 * to out and returns its length, or 0. Numeric references to 128–159 are
 * read as cp1252 (as browsers do); controls, surrogates and non-characters
 * are not entities here.
 */
static size_t parse_entity(const char *s, size_t n, buf *out)
{
    if (n < 4 || s[0] != '&')
        return 0;
    if (s[1] == '#') {
        int hex = s[2] == 'x' || s[2] == 'X';
        size_t i = hex ? 3 : 2, digits = 0;
        long v = 0;
        for (; i < n && digits < 7; i++, digits++) {
            int ch = (unsigned char)s[i], d;
            if (ch >= '0' && ch <= '9')
                d = ch - '0';
            else if (hex && (ch | 0x20) >= 'a' && (ch | 0x20) <= 'f')
                d = (ch | 0x20) - 'a' + 10;
            else
                break;
            v = v * (hex ? 16 : 10) + d;
        }
        if (digits == 0 || i >= n || s[i] != ';')
            return 0;
        v = mojibake_cp1252((int)v);
        if (v < 0x20 || (v >= 0x7F && v <= 0x9F) || (v >= 0xD800 && v <= 0xDFFF) ||
            v > 0x10FFFF || (v & 0xFFFE) == 0xFFFE)
            return 0;
        char tmp[4];
        buf_put(out, tmp, utf8_encode((int32_t)v, tmp));
        return i + 1;
    }
    for (const entity *e = entities; e->name; e++) {
        size_t l = strlen(e->name);
        if (l + 2 <= n && memcmp(s + 1, e->name, l) == 0 && s[l + 1] == ';') {
            buf_puts(out, e->text);
            return l + 2;
        }
    }
    return 0;
}

/* Whether the segment holds markup (<p>, </div>, <!-- ...), where entities belong. */
static int has_markup(const char *s, size_t n)
{
    for (const char *p = memchr(s, '<', n); p; p = memchr(p + 1, '<', (size_t)(s + n - p - 1))) {
        if (p + 1 >= s + n)
            break;
        int ch = (unsigned char)p[1];
        if (is_ascii_alpha(ch) || ch == '/' || ch == '!' || ch == '?')
            return 1;
    }
    return 0;
}

/* HTML entities in plain text: "&amp;" → "&", "&#8217;" → "’" (and "&amp;#8217;"). */
static void rule_entity(const seg_ctx *sc, finding_list *out, const char *id)
{
    const char *s = sc->text;
    size_t n = sc->len;
    buf w = BUF_INIT, w2 = BUF_INIT;
    if (has_markup(s, n))
        return;
    for (const char *p = memchr(s, '&', n); p; p = memchr(p, '&', (size_t)(s + n - p))) {
        size_t at = (size_t)(p - s);
        buf_clear(&w);
        size_t l = parse_entity(p, n - at, &w);
        if (!l) {
            p++;
            continue;
        }
        /* Escaped twice: "&amp;" then the rest of an entity. */
        if (l == 5 && w.len == 1 && at + l < n) {
            char tmp[16] = "&";
            size_t rest = n - at - l < sizeof tmp - 1 ? n - at - l : sizeof tmp - 1;
            memcpy(tmp + 1, p + l, rest);
            buf_clear(&w2);
            size_t l2 = parse_entity(tmp, rest + 1, &w2);
            if (l2) {
                l += l2 - 1;
                buf_clear(&w);
                buf_put(&w, w2.data, w2.len);
            }
        }
        cand(finding_add(out, at, at + l, KIND_OCR, CLASS_SURE, id), &w);
        p += l;
    }
    buf_free(&w);
    buf_free(&w2);
}

/* Whether ch may stand in a spintax option (prose, not code). */
static int spintax_char(unsigned char ch)
{
    return is_ascii_alpha(ch) || (ch >= '0' && ch <= '9') || ch >= 0x80 || ch == ' ' ||
           ch == '\'' || ch == '-';
}

/* Spinner templates left in the text: "{dollars}" → "dollars"; "{a|b|c}" is
 * flagged with its options. Braces after a letter (\emph{x}) or with code
 * inside are not spintax. */
static void rule_spintax(const seg_ctx *sc, finding_list *out, const char *id)
{
    const unsigned char *s = (const unsigned char *)sc->text;
    size_t n = sc->len;
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '{')
            continue;
        if (i > 0 && (is_ascii_alpha(s[i - 1]) || (s[i - 1] >= '0' && s[i - 1] <= '9') ||
                      strchr("$\\%#_@{", s[i - 1])))
            continue;
        size_t q = i + 1, opts = 1;
        int letters = 0, bad = 0;
        while (q < n && q - i <= SPINTAX_MAX && s[q] != '}') {
            if (s[q] == '|')
                opts++;
            else if (!spintax_char(s[q]))
                bad = 1;
            letters += is_ascii_alpha(s[q]) || s[q] >= 0x80;
            q++;
        }
        if (q >= n || s[q] != '}' || bad || !letters || q == i + 1)
            continue;
        if (q + 1 < n && (is_ascii_alpha(s[q + 1]) || s[q + 1] == '_' || s[q + 1] == '{'))
            continue;
        /* Every option holds a word (two letters in a row) and no edge spaces. */
        int ok = 1;
        for (size_t a = i + 1; a <= q && ok;) {
            size_t b = a;
            int has = 0;
            while (b < q && s[b] != '|') {
                has |= b > a && (is_ascii_alpha(s[b]) || s[b] >= 0x80) &&
                       (is_ascii_alpha(s[b - 1]) || s[b - 1] >= 0x80);
                b++;
            }
            ok = has && s[a] != ' ' && s[b - 1] != ' ';
            a = b + 1;
        }
        if (!ok)
            continue;
        finding *f = finding_add(out, i, q + 1, KIND_SPUN, opts == 1 ? CLASS_SURE : CLASS_FLAG, id);
        for (size_t a = i + 1; a <= q;) {
            size_t b = a;
            while (b < q && s[b] != '|')
                b++;
            finding_add_cand(f, (const char *)s + a, b - a, 0.0, "web");
            a = b + 1;
        }
        i = q;
    }
}

/* Cloudflare's e-mail obfuscation, scraped: the address cannot be restored. */
static void rule_email_protected(const seg_ctx *sc, finding_list *out, const char *id)
{
    static const char *const forms[] = {"[email protected]", "[email\xC2\xA0protected]",
                                        "[email&#160;protected]", NULL};
    const char *s = sc->text;
    size_t n = sc->len;
    for (const char *p = memchr(s, '[', n); p; p = memchr(p + 1, '[', (size_t)(s + n - p - 1))) {
        size_t left = (size_t)(s + n - p);
        for (const char *const *f = forms; *f; f++) {
            size_t l = strlen(*f);
            if (l <= left && memcmp(p, *f, l) == 0) {
                finding_add(out, (size_t)(p - s), (size_t)(p - s) + l, KIND_OCR, CLASS_FLAG, id);
                break;
            }
        }
        if (p + 1 >= s + n)
            break;
    }
}

typedef struct web_rule {
    const char *id;
    int trigger;         /* a byte the segment must contain */
    void (*run)(const seg_ctx *s, finding_list *out, const char *id);
} web_rule;

static const web_rule rules[] = {
    {"web.entity", '&', rule_entity},
    {"web.spintax", '{', rule_spintax},
    {"web.email-protected", '[', rule_email_protected},
    {NULL, 0, NULL}
};

void detect_web(const unspin_engine *e, const seg_ctx *s, finding_list *out)
{
    (void)e;
    for (const web_rule *r = rules; r->id; r++)
        if (memchr(s->text, r->trigger, s->len))
            r->run(s, out, r->id);
}
