/*
 * detect_mapping: finds spun phrases of the curated mapping in a segment.
 * Walks the word trie from every token; the longest match whose entry's
 * conditions hold wins, and matching resumes after it. A phrase may wrap
 * over one line end, and its last word may carry a possessive ('s), which
 * stays outside the repaired span.
 */
#include "casing.h"
#include "detect.h"
#include "engine.h"

#include <string.h>
#include <strings.h>

#define COND_WINDOW 64   /* bytes of context the before=/after= patterns see */

/* Index of the next token after i that can continue a phrase (skipping spaces
 * and at most one line end), or n. */
static size_t next_tok(const token *t, size_t n, size_t i)
{
    size_t k = i + 1;
    int newlines = 0;
    while (k < n && (t[k].type == TOK_SPACE || t[k].type == TOK_NEWLINE)) {
        if (t[k].type == TOK_NEWLINE && ++newlines > 1)
            return n;
        k++;
    }
    return k;
}

/* Whether tokens i..j (the last without poss bytes) spell entry e's key,
 * and, for case=exact entries, in its written case. */
static int verify(const map_entry *e, const seg_ctx *s, size_t i, size_t j, size_t poss)
{
    char folded[512];
    const token *t = s->toks->v;
    const char *key = e->key;
    for (size_t k = i; k <= j; k++) {
        if (t[k].type == TOK_SPACE || t[k].type == TOK_NEWLINE)
            continue;
        size_t len = t[k].len - (k == j ? poss : 0);
        if (k > i && *key++ != ' ')
            return 0;
        const char *w = s->text + t[k].start;
        if (!(t[k].flags & TOKF_NONASCII) && memchr(w, '\xE2', len) == NULL) {
            /* ASCII: the folded form is the lower case, compared in place. */
            if (strncasecmp(w, key, len) != 0)
                return 0;
            key += len;
            continue;
        }
        size_t fl = tok_fold(w, len, folded, sizeof folded);
        if (fl == (size_t)-1 || strncmp(folded, key, fl) != 0)
            return 0;
        key += fl;
    }
    if (*key != '\0')
        return 0;
    if (e->flags & MAPF_CASE_EXACT) {
        /* Compare word by word with the spun phrase as written. */
        const char *w = e->spun;
        for (size_t k = i; k <= j; k++) {
            if (t[k].type == TOK_SPACE || t[k].type == TOK_NEWLINE)
                continue;
            while (*w == ' ')
                w++;
            size_t len = t[k].len - (k == j ? poss : 0);
            if (strncmp(w, s->text + t[k].start, len) != 0)
                return 0;
            w += len;
        }
    }
    return 1;
}

static int cond_matches(const pcre2_code *re, const char *subject, size_t len)
{
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    int rc = pcre2_match(re, (PCRE2_SPTR)subject, len, 0, 0, md, NULL);
    pcre2_match_data_free(md);
    return rc >= 0;
}

/* Whether entry e's context conditions hold for the span [start, end). */
static int conditions_hold(const map_entry *e, const seg_ctx *s, size_t start, size_t end)
{
    size_t b = start > COND_WINDOW ? start - COND_WINDOW : 0;
    while (b < start && ((unsigned char)s->text[b] & 0xC0) == 0x80)
        b++;
    size_t a = end + COND_WINDOW < s->len ? end + COND_WINDOW : s->len;
    const char *before = s->text + b, *after = s->text + end;
    size_t blen = start - b, alen = a - end;
    if (e->cond[COND_BEFORE] && !cond_matches(e->cond[COND_BEFORE], before, blen))
        return 0;
    if (e->cond[COND_AFTER] && !cond_matches(e->cond[COND_AFTER], after, alen))
        return 0;
    if (e->cond[COND_NOT_BEFORE] && cond_matches(e->cond[COND_NOT_BEFORE], before, blen))
        return 0;
    if (e->cond[COND_NOT_AFTER] && cond_matches(e->cond[COND_NOT_AFTER], after, alen))
        return 0;
    return 1;
}

/* The first entry in the chain at head that matches tokens i..j, or NULL. */
static const map_entry *pick(const mapping *m, int32_t head, const seg_ctx *s, size_t i,
                             size_t j, size_t poss)
{
    const token *t = s->toks->v;
    size_t start = t[i].start, end = t[j].start + t[j].len - poss;
    for (int32_t k = head; k >= 0; k = m->v[k].next) {
        const map_entry *e = &m->v[k];
        /* The trie path matched every word's 64-bit hash: only the written
         * case of case=exact entries is left to check. */
        if ((!(e->flags & MAPF_CASE_EXACT) || verify(e, s, i, j, poss)) &&
            conditions_hold(e, s, start, end))
            return e;
    }
    return NULL;
}

static const char *const determiners[] = {
    "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their",
    "our", "my", "your", "whose", "every", "each", "any", "some", "no", NULL
};

/* Whether the word before token i is a determiner. */
static int after_determiner(const seg_ctx *s, size_t i)
{
    const token *t = s->toks->v;
    while (i > 0) {
        i--;
        if (t[i].type == TOK_SPACE || t[i].type == TOK_NEWLINE)
            continue;
        if (t[i].type != TOK_WORD)
            return 0;
        for (const char *const *d = determiners; *d; d++)
            if (strlen(*d) == t[i].len && strncasecmp(*d, s->text + t[i].start, t[i].len) == 0)
                return 1;
        return 0;
    }
    return 0;
}

/* Length of a leading article ("the ", "a ", "an ") of an original, or 0. */
static size_t article_len(const char *o)
{
    static const char *const arts[] = {"the ", "a ", "an "};
    for (int k = 0; k < 3; k++) {
        size_t l = strlen(arts[k]);
        if (strncasecmp(o, arts[k], l) == 0 && o[l])
            return l;
    }
    return 0;
}

/*
 * Puts the span's own word gaps back into a replacement written with single
 * spaces: the same gaps when the word counts agree, else a gap with a line
 * end goes to the proportional place, so hard-wrapped lines stay wrapped.
 */
static void restore_gaps(const seg_ctx *s, size_t i, size_t j, const buf *repl, buf *out)
{
    const token *t = s->toks->v;
    size_t gs[32], ge[32], ng = 0, prev = i;
    for (size_t k = i + 1; k <= j && ng < 32; k++) {
        if (t[k].type == TOK_SPACE || t[k].type == TOK_NEWLINE)
            continue;
        gs[ng] = t[prev].start + t[prev].len;
        ge[ng++] = t[k].start;
        prev = k;
    }
    size_t nr = 0;
    for (size_t k = 0; k < repl->len; k++)
        nr += repl->data[k] == ' ';
    long nl_gap = -1, nl_at = -1;
    for (size_t g = 0; g < ng && nr != ng; g++)
        if (memchr(s->text + gs[g], '\n', ge[g] - gs[g]) || memchr(s->text + gs[g], '\r', ge[g] - gs[g])) {
            nl_gap = (long)g;
            nl_at = ng > 1 ? (long)((g * (nr ? nr - 1 : 0) + (ng - 1) / 2) / (ng - 1)) : 0;
            break;
        }
    size_t r = 0;
    for (size_t k = 0; k < repl->len; k++) {
        char c = repl->data[k];
        if (c != ' ') {
            buf_putc(out, c);
            continue;
        }
        if (nr == ng)
            buf_put(out, s->text + gs[r], ge[r] - gs[r]);
        else if ((long)r == nl_at)
            buf_put(out, s->text + gs[nl_gap], ge[nl_gap] - gs[nl_gap]);
        else
            buf_putc(out, ' ');
        r++;
    }
}

#define LM_CONTEXT 2      /* words of context each side */
static int ends_sentence(const seg_ctx *s, const token *t)
{
    if (t->type == TOK_NEWLINE)
        return 0;
    if (t->type != TOK_PUNCT)
        return 0;
    char c = s->text[t->start];
    return c == '.' || c == '!' || c == '?' || c == ';' || c == ':';
}

/* Up to LM_CONTEXT words before token i, within the sentence, in order. */
static void left_context(const seg_ctx *s, size_t i, lm_words *q)
{
    const token *t = s->toks->v;
    size_t idx[LM_CONTEXT], n = 0;
    while (i > 0 && n < LM_CONTEXT) {
        i--;
        if (ends_sentence(s, &t[i]))
            break;
        if (tok_is_wordlike(&t[i]))
            idx[n++] = i;
    }
    while (n > 0) {
        n--;
        lm_words_add(q, s->text + t[idx[n]].start, t[idx[n]].len);
    }
}

/* Up to LM_CONTEXT words after token j (and after a possessive), within the sentence. */
static void right_context(const seg_ctx *s, size_t j, lm_words *q)
{
    const token *t = s->toks->v;
    size_t n = 0;
    for (size_t k = j + 1; k < s->toks->n && n < LM_CONTEXT; k++) {
        if (ends_sentence(s, &t[k]))
            break;
        if (tok_is_wordlike(&t[k])) {
            lm_words_add(q, s->text + t[k].start, t[k].len);
            n++;
        }
    }
}

/* The model's mean log10 per word for `middle` (words separated by spaces)
 * between the left and right context. */
static double window_score(const lm *m, const lm_words *left, const char *middle, size_t mlen,
                           const lm_words *right)
{
    lm_words q = {0};
    for (size_t k = 0; k < left->n; k++)
        lm_words_add(&q, left->w[k], strlen(left->w[k]));
    size_t from = q.n, a = 0;
    while (a < mlen) {
        while (a < mlen && (middle[a] == ' ' || middle[a] == '\n' || middle[a] == '\r' || middle[a] == '\t'))
            a++;
        size_t b = a;
        while (b < mlen && middle[b] != ' ' && middle[b] != '\n' && middle[b] != '\r' && middle[b] != '\t')
            b++;
        if (b > a)
            lm_words_add(&q, middle + a, b - a);
        a = b;
    }
    for (size_t k = 0; k < right->n; k++)
        lm_words_add(&q, right->w[k], strlen(right->w[k]));
    if (q.n <= from)
        return 0;
    return lm_score(m, q.w, q.n, from) / (double)(q.n - from);
}

static int by_score(const void *a, const void *b)
{
    const candidate *x = a, *y = b;
    return (x->score < y->score) - (x->score > y->score);
}

/*
 * Ranks the candidates of f in context with the language model: each gets
 * its mean log10 per word over itself and two words either side (so a longer
 * candidate does not lose by length alone), the best comes first, and the
 * finding keeps the margin of the proposal over the text as it stands.
 */
static void rank_in_context(const lm *m, const seg_ctx *s, size_t i, size_t j, finding *f)
{
    lm_words left = {0}, right = {0};
    left_context(s, i, &left);
    right_context(s, j, &right);
    for (size_t k = 0; k < f->ncands; k++)
        f->cands[k].score = window_score(m, &left, f->cands[k].text, strlen(f->cands[k].text), &right);
    double here = window_score(m, &left, s->text + f->start, f->end - f->start, &right);
    /* A stable order: equal scores keep the mapping's order. */
    for (size_t k = 1; k < f->ncands; k++)
        for (size_t l = k; l > 0 && by_score(&f->cands[l - 1], &f->cands[l]) > 0; l--) {
            candidate tmp = f->cands[l];
            f->cands[l] = f->cands[l - 1];
            f->cands[l - 1] = tmp;
        }
    f->margin = (float)(f->cands[0].score - here);
}

/* Index of the token that starts at byte off (tokens are sorted by start). */
static size_t token_at(const tok_list *toks, size_t off)
{
    size_t lo = 0, hi = toks->n;
    while (lo + 1 < hi) {
        size_t mid = (lo + hi) / 2;
        if (toks->v[mid].start <= off)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

void detect_mapping_complete(const unspin_engine *eng, const seg_ctx *s, finding *f, int margin)
{
    const map_entry *e = f->src;
    const token *t = s->toks->v;
    size_t i = token_at(s->toks, f->start), j = token_at(s->toks, f->end - 1);
    f->unbuilt = 0;
    int pattern = casing_pattern(s->text, t + i, j - i + 1);
    int drop_article = after_determiner(s, i);
    /* A capitalised word inside a sentence is a name: "made in America" gives
     * "made in the United States", not "The United States". */
    int mid_sentence = !(t[i].flags & TOKF_SENT_START);
    buf b = BUF_INIT, g = BUF_INIT;
    for (size_t k = 0; k < e->norigs; k++) {
        const char *o = e->origs[k];
        if (drop_article)
            o += article_len(o);
        buf_clear(&b);
        buf_clear(&g);
        size_t w = strcspn(o, " ");
        int p = pattern;
        if (p == CASEP_FIRST && mid_sentence && o[w] && casing_is_small_word(o, w))
            p = CASEP_ASIS;
        casing_apply(o, strlen(o), p, &b);
        restore_gaps(s, i, j, &b, &g);
        finding_add_cand(f, g.data, g.len, 0.0, "mapping");
    }
    buf_free(&b);
    buf_free(&g);
    /* Ranking costs model look-ups: do it when there is a choice, or when the
     * margin is wanted (formats that show it). */
    if (eng->lm && (f->ncands > 1 || (margin && f->ncands)))
        rank_in_context(eng->lm, s, i, j, f);
}

/* Records a match; its candidates are built only if the document needs them. */
static void emit(const map_entry *e, const seg_ctx *s, size_t i, size_t j, size_t poss,
                 finding_list *out)
{
    const token *t = s->toks->v;
    finding *f = finding_add(out, t[i].start, t[j].start + t[j].len - poss, KIND_SPUN, e->klass, e->id);
    f->src = e;
    f->unbuilt = 1;
}

void detect_mapping(const unspin_engine *eng, const seg_ctx *s, finding_list *out)
{
    const mapping *m = eng->map;
    if (!m || m->n == 0)
        return;
    const trie *tr = m->trie;
    const token *t = s->toks->v;
    size_t n = s->toks->n;
    for (size_t i = 0; i < n; i++) {
        if (t[i].type == TOK_SPACE || t[i].type == TOK_NEWLINE || t[i].type == TOK_INVALID)
            continue;
        uint32_t node = trie_child(tr, TRIE_ROOT, t[i].hash);
        uint32_t parent = TRIE_ROOT;
        const map_entry *best = NULL;
        size_t best_j = i, best_poss = 0;
        size_t j = i;
        for (;;) {
            /* The phrase ending at j, in full or without a possessive. */
            if (node != TRIE_NONE && trie_value(tr, node) >= 0) {
                const map_entry *e = pick(m, trie_value(tr, node), s, i, j, 0);
                if (e) {
                    best = e;
                    best_j = j;
                    best_poss = 0;
                }
            }
            if (t[j].poss_len) {
                uint32_t pn = trie_child(tr, parent, t[j].base_hash);
                if (pn != TRIE_NONE && trie_value(tr, pn) >= 0) {
                    const map_entry *e = pick(m, trie_value(tr, pn), s, i, j, t[j].poss_len);
                    if (e && (!best || best_j < j)) {
                        best = e;
                        best_j = j;
                        best_poss = t[j].poss_len;
                    }
                }
            }
            if (node == TRIE_NONE)
                break;
            size_t k = next_tok(t, n, j);
            if (k >= n || t[k].type == TOK_INVALID)
                break;
            parent = node;
            node = trie_child(tr, node, t[k].hash);
            if (node == TRIE_NONE && !t[k].poss_len)
                break;
            j = k;
        }
        if (best) {
            emit(best, s, i, best_j, best_poss, out);
            i = best_j;
        }
    }
}
