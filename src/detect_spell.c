/*
 * detect_spell: plain non-words, with hunspell's ranked suggestions
 * (KIND_SPELL, rule "spell.hunspell"). Runs after the mapping and OCR
 * detectors and leaves their words alone; the name guard (names.h) keeps
 * names, acronyms, words with digits, URLs, addresses, tags and code out.
 *
 * Suggestions cost milliseconds a word, and most non-words in clean text are
 * rare words, not typos, so findings are made deferred: the document asks
 * detect_spell_complete for candidates and class only when the finding could
 * be applied (aggressive level, or a likely repair in a spun document) or
 * will be shown (jsonl, check, annotate).
 *
 * Class: hunspell's guess is `likely` only when it is clearly best (see
 * clearly_best below) and `flag` otherwise. No spelling guess is `sure`, so
 * none is applied at the default level unless the document is judged spun.
 * Evidence for the rule: 5,515 one-edit typos made from Brown's running words
 * (deletion, insertion, substitution, transposition; words of 4 letters or
 * more): hunspell's first suggestion is right for 65% of them; the rule fires
 * for 36% and is right for 98.8% of those. On Brown's own 2,448 lower-case
 * non-word types it fires for 9% (British spellings, old forms, its typos).
 */
#include "detect.h"
#include "engine.h"

#include <stdlib.h>
#include <string.h>

#define RULE "spell.hunspell"

typedef struct range {
    size_t start, end;
} range;

static int by_range_start(const void *a, const void *b)
{
    const range *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start;
}

/* Whether word token t is valid; a lower-case ASCII token's hash is reused. */
static int tok_valid(spell *sp, const char *text, const token *t)
{
    if (t->shape == SHAPE_LOWER && !(t->flags & TOKF_NONASCII))
        return spell_check_hashed(sp, text + t->start, t->len, t->hash);
    return spell_check(sp, text + t->start, t->len);
}

void detect_spell(const unspin_engine *e, const seg_ctx *s, finding_list *out)
{
    if (!e->sp)
        return;
    /* Words already covered by another detector's finding are skipped. */
    range rbuf[64], *r = out->n <= 64 ? rbuf : xmalloc(out->n * sizeof *r);
    size_t nr = out->n;
    for (size_t i = 0; i < nr; i++)
        r[i] = (range){out->v[i].start, out->v[i].end};
    qsort(r, nr, sizeof *r, by_range_start);
    size_t ri = 0, reach = 0;   /* r[0..ri) start before the token; reach: their furthest end */
    const token *t = s->toks->v;
    size_t n = s->toks->n;
    for (size_t i = 0; i < n; i++) {
        if (t[i].type != TOK_WORD || t[i].len < 2 || t[i].len > SPELL_MAX_WORD)
            continue;
        /* Findings that overlap or touch the word ("hel\x02lo": a control
         * character inside it) leave it to their detector. */
        while (ri < nr && r[ri].start <= t[i].start + t[i].len) {
            if (r[ri].end > reach)
                reach = r[ri].end;
            ri++;
        }
        if (ri > 0 && reach >= t[i].start)
            continue;
        if (tok_valid(e->sp, s->text, &t[i]) ||
            names_guard(e->nm, s->text, t, n, i) != GUARD_NONE)
            continue;
        /* A word in another script is not a misspelling of this language. */
        if ((t[i].flags & TOKF_NONASCII) && !spell_in_alphabet(e->sp, s->text + t[i].start, t[i].len))
            continue;
        finding *f = finding_add(out, t[i].start, t[i].start + t[i].len, KIND_SPELL, CLASS_FLAG,
                                 RULE);
        f->deferred = 1;
    }
    if (r != rbuf)
        free(r);
}

/* Damerau-Levenshtein distance (optimal string alignment) over bytes, capped at 3. */
static int distance(const char *a, size_t n, const char *b, size_t m)
{
    if (n > 60 || m > 60 || (n > m ? n - m : m - n) > 2)
        return 3;
    int d[62][62];
    for (size_t i = 0; i <= n; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= m; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        for (size_t j = 1; j <= m; j++) {
            int cost = a[i - 1] != b[j - 1];
            int v = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < v)
                v = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < v)
                v = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < v)
                v = d[i - 2][j - 2] + 1;
            d[i][j] = v;
        }
    }
    return d[n][m] < 3 ? d[n][m] : 3;
}

/*
 * Whether hunspell's first suggestion is clearly best for word w: it is one
 * edit away (insertion, deletion, substitution or transposition) and no
 * other suggestion is; the word has five letters or more (short words have
 * too many neighbours), and the suggestion keeps the word's first letter and
 * is a single word.
 */
static int clearly_best(const char *w, size_t n, const spell_list *l)
{
    if (l->n == 0 || n < 5 || memchr(w, '\'', n) || !(w[0] >= 'a' && w[0] <= 'z'))
        return 0;
    const char *top = l->v[0];
    size_t tn = strlen(top);
    if (top[0] != w[0] || memchr(top, ' ', tn) || memchr(top, '-', tn))
        return 0;
    if (distance(w, n, top, tn) != 1)
        return 0;
    for (size_t i = 1; i < l->n; i++)
        if (distance(w, n, l->v[i], strlen(l->v[i])) <= 1)
            return 0;
    return 1;
}

void detect_spell_complete(const unspin_engine *e, const char *seg, finding *f)
{
    f->deferred = 0;
    if (!e->sp)
        return;
    const char *w = seg + f->start;
    size_t n = f->end - f->start;
    spell_list l;
    spell_suggest(e->sp, w, n, &l);
    for (size_t i = 0; i < l.n; i++)
        finding_add_cand(f, l.v[i], strlen(l.v[i]), 0.0, "hunspell");
    int best = clearly_best(w, n, &l);
    /* Not a typo: another spelling of the suggested word (favourite,
     * reconnoitre), or a word the language model knows (archaic, dialect
     * and foreign words that hunspell lacks). */
    if (best && spell_variant(w, n, l.v[0]))
        best = 0;
    if (best && e->lm) {
        char fold[SPELL_MAX_WORD + 8];
        if (n <= SPELL_MAX_WORD && tok_fold(w, n, fold, sizeof fold) != (size_t)-1 &&
            lm_known(e->lm, fold))
            best = 0;
    }
    f->klass = (uint8_t)(best ? CLASS_LIKELY : CLASS_FLAG);
}
