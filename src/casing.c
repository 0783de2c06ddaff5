/* casing: case-shape transfer from a spun span to its replacement. */
#include "casing.h"
#include "utf8.h"

#include <string.h>
#include <strings.h>

static const char *const small_words[] = {
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor",
    "of", "on", "or", "the", "to", "via", "with", NULL
};

int casing_is_small_word(const char *w, size_t n)
{
    for (const char *const *s = small_words; *s; s++)
        if (strlen(*s) == n && strncasecmp(*s, w, n) == 0)
            return 1;
    return 0;
}

/* Whether w[0..n) is a single character. */
static int one_letter(const char *w, size_t n)
{
    int32_t cp;
    return n > 0 && utf8_decode((const unsigned char *)w, n, &cp) == n;
}

int casing_pattern(const char *text, const token *toks, size_t n)
{
    int words = 0, upper = 0, title = 0, other = 0, first = -1;
    for (size_t i = 0; i < n; i++) {
        const token *t = &toks[i];
        if (t->type != TOK_WORD)
            continue;
        if (first < 0)
            first = t->shape;
        words++;
        if (t->shape == SHAPE_UPPER)
            upper++;
        else if (t->shape == SHAPE_TITLE && one_letter(text + t->start, t->len))
            continue;   /* "A", "I": as much upper case as title case */
        else if (t->shape == SHAPE_TITLE)
            title++;
        else if (!(words > 1 && casing_is_small_word(text + t->start, t->len)))
            other++;
    }
    if (words == 0)
        return CASEP_ASIS;
    if (upper > 0 && title == 0 && other == 0)
        return CASEP_UPPER;
    if (first == SHAPE_TITLE && other == 0 && words > 1)
        return CASEP_TITLE;
    if (first == SHAPE_TITLE || first == SHAPE_UPPER)
        return CASEP_FIRST;
    return CASEP_ASIS;
}

/* Appends the code point at s (n bytes left) in upper case; returns bytes read. */
static size_t put_upper(const char *s, size_t n, buf *out)
{
    int32_t cp;
    size_t l = utf8_decode((const unsigned char *)s, n, &cp);
    if (cp < 0) {
        buf_put(out, s, l);
        return l;
    }
    char tmp[4];
    buf_put(out, tmp, utf8_encode(utf8_toupper(cp), tmp));
    return l;
}

void casing_apply(const char *repl, size_t len, int pattern, buf *out)
{
    size_t i = 0;
    int word_start = 1, first_word = 1;
    while (i < len) {
        unsigned char c = (unsigned char)repl[i];
        if (c == ' ') {
            buf_putc(out, ' ');
            i++;
            word_start = 1;
            continue;
        }
        int up = 0;
        if (pattern == CASEP_UPPER) {
            up = 1;
        } else if (word_start && pattern == CASEP_FIRST) {
            up = first_word;
        } else if (word_start && pattern == CASEP_TITLE) {
            size_t w = i;
            while (w < len && repl[w] != ' ')
                w++;
            up = first_word || !casing_is_small_word(repl + i, w - i);
        }
        if (up)
            i += put_upper(repl + i, len - i, out);
        else
            buf_putc(out, repl[i++]);
        if (word_start)
            first_word = 0;
        word_start = 0;
    }
}
