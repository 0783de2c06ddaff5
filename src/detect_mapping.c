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
    size_t o = 0;
    const token *t = s->toks->v;
    for (size_t k = i; k <= j; k++) {
        if (t[k].type == TOK_SPACE || t[k].type == TOK_NEWLINE)
            continue;
        size_t len = t[k].len - (k == j ? poss : 0);
        if (o && o < sizeof folded)
            folded[o++] = ' ';
        size_t fl = tok_fold(s->text + t[k].start, len, folded + o, sizeof folded - o);
        if (fl == (size_t)-1)
            return 0;
        o += fl;
    }
    folded[o] = '\0';
    if (strcmp(folded, e->key) != 0)
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
        if (verify(e, s, i, j, poss) && conditions_hold(e, s, start, end))
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

static void emit(const map_entry *e, const seg_ctx *s, size_t i, size_t j, size_t poss,
                 finding_list *out)
{
    const token *t = s->toks->v;
    size_t start = t[i].start, end = t[j].start + t[j].len - poss;
    finding *f = finding_add(out, start, end, KIND_SPUN, e->klass, e->id);
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
