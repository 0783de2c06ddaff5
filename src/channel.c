/* channel: noisy-channel decisions on thesaurus candidates (see channel.h). */
#include "channel.h"
#include "casing.h"
#include "engine.h"
#include "thesaurus.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * Thresholds on the margin, log10 over the window, with P(s | o) and
 * P(changed) already in it: set on seed 000 and the training pairs (never
 * on the external benchmarks); tools/eval_pairs.py shows the effect.
 */
#define CH_P_CHANGED 0.2       /* share of content words a spinner changes */
#define CH_MARGIN_NORMAL 3.0
#define CH_MARGIN_AGGRESSIVE 2.0
#define CH_MAX_CANDS 512
#define CH_SHOW 3              /* candidates kept in a finding */
#define CH_CTX 2
#define CH_WORD 48

/* Function words: their swaps are phrase-level and learned (the mapping);
 * the thesaurus only proposes noise for them. Sorted for bsearch. */
static const char *const stopwords[] = {
    "about", "above", "across", "after", "again", "against", "all", "almost", "along",
    "also", "although", "always", "among", "and", "another", "any", "are", "around", "because",
    "been", "before", "behind", "being", "below", "between", "both", "but", "can", "cannot",
    "could", "did", "does", "doing", "done", "down", "during", "each", "either", "else", "enough",
    "even", "ever", "every", "few", "for", "from", "further", "had", "has", "have", "having",
    "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "into", "its",
    "itself", "just", "less", "may", "might", "more", "most", "much", "must", "neither", "never",
    "nor", "not", "now", "off", "once", "one", "only", "onto", "other", "others", "our", "ours",
    "out", "over", "own", "per", "rather", "same", "shall", "she", "should", "since", "some",
    "still", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then",
    "there", "these", "they", "this", "those", "though", "through", "thus", "too", "toward",
    "towards", "under", "until", "upon", "very", "was", "were", "what", "when", "where",
    "whether", "which", "while", "who", "whom", "whose", "why", "will", "with", "within",
    "without", "would", "yet", "you", "your", "yours",
};

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int is_stopword(const char *w)
{
    return bsearch(&w, stopwords, sizeof stopwords / sizeof *stopwords, sizeof *stopwords, cmp_str) != NULL;
}

static int ends_sentence(const seg_ctx *s, const token *t)
{
    if (t->type != TOK_PUNCT)
        return 0;
    char c = s->text[t->start];
    return c == '.' || c == '!' || c == '?' || c == ';' || c == ':' || c == '(' || c == ')' ||
           c == '"';
}

/*
 * Whether word token i may be judged, with its folded form in w: lower case
 * letters only (or a capital at a sentence start: names stay as they are),
 * 3 or more letters, not a function word, not a known name, not beside a
 * number ("6.5", "5 million").
 */
static int eligible(const unspin_engine *e, const seg_ctx *s, size_t i, char *w, size_t cap)
{
    const token *t = &s->toks->v[i];
    if (t->type != TOK_WORD || (t->flags & (TOKF_DIGIT | TOKF_NONASCII)) || t->len < 3 ||
        t->len >= cap || t->len >= THS_WORD_MAX || t->poss_len)
        return 0;
    const char *p = s->text + t->start;
    for (size_t k = 0; k < t->len; k++) {
        char c = p[k];
        if (c >= 'a' && c <= 'z')
            continue;
        if (k == 0 && c >= 'A' && c <= 'Z' && (t->flags & TOKF_SENT_START))
            continue;
        return 0;
    }
    for (size_t k = 0; k < t->len; k++)
        w[k] = (char)(p[k] | 0x20);
    w[t->len] = '\0';
    if (is_stopword(w))
        return 0;
    if (e->nm && (t->flags & TOKF_SENT_START) && names_has(e->nm, p, t->len))
        return 0;
    /* beside a number */
    const token *v = s->toks->v;
    size_t n = s->toks->n;
    if ((i >= 2 && (v[i - 2].flags & TOKF_DIGIT)) || (i + 2 < n && (v[i + 2].flags & TOKF_DIGIT)))
        return 0;
    return 1;
}

typedef struct window {
    char left[CH_CTX][CH_WORD], right[CH_CTX][CH_WORD];
    size_t nl, nr;
} window;

static void fold_into(const seg_ctx *s, const token *t, char *out)
{
    size_t fl = tok_fold(s->text + t->start, t->len, out, CH_WORD);
    if (fl == (size_t)-1)
        snprintf(out, CH_WORD, "<unk>");
}

/* Up to two words each side of token i, within the sentence. */
static void window_at(const seg_ctx *s, size_t i, window *w)
{
    const token *t = s->toks->v;
    size_t idx[CH_CTX], n = 0, k = i;
    while (k > 0 && n < CH_CTX) {
        k--;
        if (ends_sentence(s, &t[k]))
            break;
        if (tok_is_wordlike(&t[k]))
            idx[n++] = k;
    }
    w->nl = n;
    for (size_t a = 0; a < n; a++)
        fold_into(s, &t[idx[n - 1 - a]], w->left[a]);
    n = 0;
    for (k = i + 1; k < s->toks->n && n < CH_CTX; k++) {
        if (ends_sentence(s, &t[k]))
            break;
        if (tok_is_wordlike(&t[k]))
            fold_into(s, &t[k], w->right[n++]);
    }
    w->nr = n;
}

/* log10 P of the middle word and the words after it, given the words before;
 * used (when not NULL) gets the model's n-gram order for each. */
static double window_score_used(const lm *m, const window *w, const char *mid, int *used)
{
    const char *q[2 * CH_CTX + 1];
    size_t n = 0;
    for (size_t a = 0; a < w->nl; a++)
        q[n++] = w->left[a];
    size_t from = n;
    q[n++] = mid;
    for (size_t a = 0; a < w->nr; a++)
        q[n++] = w->right[a];
    return lm_score_used(m, q, n, from, used);
}

static double window_score(const lm *m, const window *w, const char *mid)
{
    return window_score_used(m, w, mid, NULL);
}

static int accept_known(void *ctx, const char *word)
{
    return lm_known((const lm *)ctx, word);
}

typedef struct scored {
    const ths_cand *c;
    double lm, total;
} scored;

static double unigram(const lm *m, const char *w)
{
    const char *q[1] = {w};
    return lm_score(m, q, 1, 0);
}

/*
 * Scores word w at token i against its candidates; fills best[0..CH_SHOW)
 * by total, returns how many there are (0: no candidate) and sets *own to
 * the word's own score, *lm_gain to the best candidate's window score minus
 * the word's (the model alone), *rare to the number of the word's unseen
 * collocations (0-2). For a probe (beaten not NULL), every word is searched
 * and *beaten gets the share of candidates that fit the context better than
 * the word beyond being commoner words; otherwise a word whose collocations
 * are all known is not searched (returns 0).
 */
static size_t judge(const unspin_engine *e, const seg_ctx *s, size_t i, const char *w, ths_cand *cands,
                    scored *best, double *own, double *lm_gain, int *rare, double *beaten)
{
    window win;
    window_at(s, i, &win);
    int used[1 + CH_CTX] = {0};
    double own_lm = window_score_used(e->lm, &win, w, used), top = -1e30;
    double own_uni = beaten ? unigram(e->lm, w) : 0.0;
    size_t beat = 0;
    /* an unseen collocation: the word after its left neighbour, or its right
     * neighbour after it, only as unigrams */
    *rare = (win.nl && used[0] <= 1) + (win.nr && used[1] <= 1);
    *own = own_lm + log10(1.0 - CH_P_CHANGED);
    if (!beaten && *rare == 0)
        return 0;   /* both collocations are known English: not worth a search */
    size_t nc = thesaurus_candidates(e->ths, w, accept_known, e->lm, cands, CH_MAX_CANDS);
    if (nc == 0)
        return 0;
    size_t nb = 0;
    for (size_t k = 0; k < nc; k++) {
        double l = window_score(e->lm, &win, cands[k].word);
        if (l > top)
            top = l;
        if (beaten)
            beat += (l - own_lm) - (unigram(e->lm, cands[k].word) - own_uni) > 0;
        double tot = l + log10(1.0 / (cands[k].degree ? cands[k].degree : 1)) + log10(CH_P_CHANGED);
        if (nb == CH_SHOW && tot <= best[nb - 1].total)
            continue;
        size_t at = nb < CH_SHOW ? nb++ : CH_SHOW - 1;
        while (at > 0 && best[at - 1].total < tot) {
            best[at] = best[at - 1];
            at--;
        }
        best[at] = (scored){&cands[k], l, tot};
    }
    *lm_gain = top - own_lm;
    if (beaten)
        *beaten = (double)beat / (double)nc;
    return nb;
}

void channel_detect(const unspin_engine *e, const seg_ctx *s, finding_list *out, size_t *judged)
{
    if (!e->lm || !e->ths || e->opts.level == UNSPIN_LEVEL_SAFE)
        return;
    double threshold = e->opts.level == UNSPIN_LEVEL_AGGRESSIVE ? CH_MARGIN_AGGRESSIVE : CH_MARGIN_NORMAL;
    ths_cand *cands = xmalloc(CH_MAX_CANDS * sizeof *cands);
    size_t old = out->n, f = 0;
    const token *t = s->toks->v;
    buf b = BUF_INIT;
    for (size_t i = 0; i < s->toks->n; i++) {
        while (f < old && out->v[f].end <= t[i].start)
            f++;
        if (f < old && out->v[f].start < t[i].start + t[i].len)
            continue;   /* another detector's finding holds this word */
        char w[CH_WORD];
        if (*judged >= CHANNEL_MAX_JUDGED)
            break;
        if (!eligible(e, s, i, w, sizeof w))
            continue;
        ++*judged;
        scored best[CH_SHOW];
        double own, gain;
        int rare;
        size_t nb = judge(e, s, i, w, cands, best, &own, &gain, &rare, NULL);
        if (nb == 0)
            continue;
        /* The margin counts only what the context adds: a candidate that is
         * merely a commoner word than the one written does not win by that. */
        double margin = best[0].total - own - (unigram(e->lm, best[0].c->word) - unigram(e->lm, w));
        if (margin < threshold)
            continue;
        finding *x = finding_add(out, t[i].start, t[i].start + t[i].len, KIND_SPUN, CLASS_LIKELY,
                                 "thesaurus");
        int pattern = casing_pattern(s->text, &t[i], 1);
        for (size_t k = 0; k < nb; k++) {
            buf_clear(&b);
            casing_apply(best[k].c->word, strlen(best[k].c->word), pattern, &b);
            finding_add_cand(x, b.data, b.len, best[k].total - own, "thesaurus");
        }
        x->margin = (float)margin;
    }
    buf_free(&b);
    free(cands);
    if (out->n > old)
        finding_resolve_overlaps(out);
}

void channel_probe(const unspin_engine *e, const seg_ctx *s, verdict *v)
{
    if (!e->lm || !e->ths || v->probed >= VERDICT_PROBE_MAX)
        return;
    ths_cand *cands = NULL;
    size_t words = 0, seg_words = 0;
    const token *t = s->toks->v;
    for (size_t i = 0; i < s->toks->n; i++)
        seg_words += t[i].type == TOK_WORD;
    for (size_t i = 0; i < s->toks->n && v->probed < VERDICT_PROBE_MAX; i++) {
        words += t[i].type == TOK_WORD;
        char w[CH_WORD];
        if (!eligible(e, s, i, w, sizeof w))
            continue;
        if (!cands)
            cands = xmalloc(CH_MAX_CANDS * sizeof *cands);
        scored best[CH_SHOW];
        double own, d, beaten;
        int rare;
        size_t nb = judge(e, s, i, w, cands, best, &own, &d, &rare, &beaten);
        if (nb == 0)
            continue;
        v->probed++;
        v->lost += d >= VERDICT_PROBE_DELTA;
        v->rare += rare >= 1;
        v->beaten += beaten;
        if (v->probed == VERDICT_PROBE_MAX)   /* v->words already counts this segment */
            v->probe_words = v->words - seg_words + words;
    }
    free(cands);
}
