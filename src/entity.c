/* entity: restoring names taken apart by a spinner (see entity.h). */
#include "entity.h"
#include "buf.h"
#include "channel.h"
#include "engine.h"
#include "thesaurus.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ent {
    char *name;                        /* natural case; owned */
    char *folded;                      /* lower case; owned */
    unsigned nwords;
    char *word[ENTITY_MAX_WORDS];      /* folded words, pointing into a copy; owned via word[0] */
    uint32_t term[ENTITY_MAX_WORDS];   /* thesaurus index of each word, or -1 */
} ent;

struct entity_set {
    ent *v;
    size_t n, cap;
    uint32_t *slots;                   /* hash set of folded names: index + 1, 0 free */
    size_t nslots;
};

static uint32_t hash_str(const char *s)
{
    uint32_t h = 2166136261u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 16777619u;
    return h;
}

size_t entities_count(const entity_set *es)
{
    return es->n;
}

int entities_has(const entity_set *es, const char *folded)
{
    if (!es->nslots)
        return 0;
    for (size_t k = hash_str(folded) & (es->nslots - 1); es->slots[k]; k = (k + 1) & (es->nslots - 1))
        if (strcmp(es->v[es->slots[k] - 1].folded, folded) == 0)
            return 1;
    return 0;
}

static void add_line(entity_set *es, const char *line, size_t len, const thesaurus *t)
{
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\r' || line[len - 1] == '\t'))
        len--;
    if (len == 0 || line[0] == '#' || len > 200)
        return;
    ent x = {0};
    x.name = xstrndup(line, len);
    x.folded = xstrndup(line, len);
    for (char *p = x.folded; *p; p++)
        if (*p >= 'A' && *p <= 'Z')
            *p = (char)(*p | 0x20);
    char *copy = xstrndup(x.folded, len), *save = NULL;
    for (char *w = strtok_r(copy, " ", &save); w; w = strtok_r(NULL, " ", &save)) {
        if (x.nwords == ENTITY_MAX_WORDS) {
            x.nwords = 0;
            break;
        }
        x.word[x.nwords] = w;
        x.term[x.nwords++] = t ? thesaurus_find(t, w) : (uint32_t)-1;
    }
    if (x.nwords < 2 || entities_has(es, x.folded)) {
        free(copy);
        free(x.name);
        free(x.folded);
        return;
    }
    x.word[0] = copy;   /* word[0] starts the copy, which it owns */
    if (es->n == es->cap) {
        es->cap = es->cap ? 2 * es->cap : 256;
        es->v = xrealloc(es->v, es->cap * sizeof *es->v);
    }
    es->v[es->n++] = x;
    if (2 * es->n > es->nslots) {   /* grow and rehash */
        free(es->slots);
        es->nslots = es->nslots ? 2 * es->nslots : 1024;
        while (es->nslots < 2 * es->n)
            es->nslots *= 2;
        es->slots = xcalloc(es->nslots, sizeof *es->slots);
        for (size_t i = 0; i < es->n; i++) {
            size_t k = hash_str(es->v[i].folded) & (es->nslots - 1);
            while (es->slots[k])
                k = (k + 1) & (es->nslots - 1);
            es->slots[k] = (uint32_t)i + 1;
        }
    } else {
        size_t k = hash_str(x.folded) & (es->nslots - 1);
        while (es->slots[k])
            k = (k + 1) & (es->nslots - 1);
        es->slots[k] = (uint32_t)es->n;
    }
}

entity_set *entities_from_buffer(const char *data, size_t len, const thesaurus *t)
{
    entity_set *es = xcalloc(1, sizeof *es);
    size_t a = 0;
    while (a < len) {
        const char *nl = memchr(data + a, '\n', len - a);
        size_t b = nl ? (size_t)(nl - data) : len;
        add_line(es, data + a, b - a, t);
        a = b + 1;
    }
    return es;
}

entity_set *entities_load(const char *path, const thesaurus *t)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    buf b = BUF_INIT;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(&b, chunk, n);
    fclose(f);
    entity_set *es = entities_from_buffer(b.data ? b.data : "", b.len, t);
    buf_free(&b);
    return es;
}

void entities_free(entity_set *es)
{
    if (!es)
        return;
    for (size_t i = 0; i < es->n; i++) {
        free(es->v[i].name);
        free(es->v[i].folded);
        free(es->v[i].word[0]);
    }
    free(es->v);
    free(es->slots);
    free(es);
}

/* ---- detection ---- */

#define RUN_MAX 8
#define LINKS_MAX 4096
#define LEMMAS_MAX 4

static int is_small(const char *w)
{
    static const char *const small[] = {"of", "the", "and", "for", "on", "in", NULL};
    for (const char *const *p = small; *p; p++)
        if (strcmp(*p, w) == 0)
            return 1;
    return 0;
}

/* A capitalised ASCII word (letters, inner hyphens and apostrophes), folded into w. */
static int capitalised(const seg_ctx *s, const token *t, char *w, size_t cap)
{
    size_t len = t->len - t->poss_len;
    if (t->type != TOK_WORD || (t->flags & (TOKF_DIGIT | TOKF_NONASCII)) || len < 2 || len >= cap)
        return 0;
    const char *p = s->text + t->start;
    if (p[0] < 'A' || p[0] > 'Z')
        return 0;
    int lower = 0;
    for (size_t k = 0; k < len; k++) {
        char c = p[k];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '\''))
            return 0;
        lower |= c >= 'a' && c <= 'z';
        w[k] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
    }
    w[len] = '\0';
    return lower;   /* an acronym is not a spun word */
}

static int small_word(const seg_ctx *s, const token *t, char *w, size_t cap)
{
    if (t->type != TOK_WORD || t->len >= cap || t->poss_len)
        return 0;
    for (size_t k = 0; k < t->len; k++) {
        char c = s->text[t->start + k];
        if (c < 'a' || c > 'z')
            return 0;
        w[k] = c;
    }
    w[t->len] = '\0';
    return is_small(w);
}

typedef struct run_word {
    char w[THS_WORD_MAX];
    size_t tok;
    uint32_t *links[LEMMAS_MAX];   /* the neighbours of each lemma, ascending */
    size_t nlinks[LEMMAS_MAX];
    size_t nlem;
    int loaded;
} run_word;

static void load_links(const thesaurus *t, run_word *r)
{
    if (r->loaded)
        return;
    r->loaded = 1;
    uint32_t lt[LEMMAS_MAX];
    uint8_t tg[LEMMAS_MAX];
    r->nlem = t ? thesaurus_lemmas(t, r->w, lt, tg, LEMMAS_MAX) : 0;
    for (size_t k = 0; k < r->nlem; k++) {
        r->links[k] = xmalloc(LINKS_MAX * sizeof *r->links[k]);
        r->nlinks[k] = thesaurus_links(t, lt[k], r->links[k], LINKS_MAX);
    }
}

static int linked(const run_word *r, uint32_t term)
{
    if (term == (uint32_t)-1)
        return 0;
    for (size_t k = 0; k < r->nlem; k++) {
        size_t lo = 0, hi = r->nlinks[k];
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            if (r->links[k][mid] == term)
                return 1;
            if (r->links[k][mid] < term)
                lo = mid + 1;
            else
                hi = mid;
        }
    }
    return 0;
}

/* The one name that words rw[0..n) restore to, or NULL (none, or several). */
static const ent *restore(const entity_set *es, const thesaurus *t, run_word *rw, size_t n)
{
    const ent *found = NULL;
    for (size_t i = 0; i < es->n; i++) {
        const ent *x = &es->v[i];
        if (x->nwords != n)
            continue;
        size_t differ = 0, k;
        for (k = 0; k < n; k++) {
            if (strcmp(x->word[k], rw[k].w) == 0)
                continue;
            if (is_small(x->word[k]) || is_small(rw[k].w))
                break;
            load_links(t, &rw[k]);
            if (!linked(&rw[k], x->term[k]))
                break;
            differ++;
        }
        if (k < n || differ == 0 || differ == n)
            continue;   /* one word at least must stand as written: an anchor */
        if (found && strcmp(found->folded, x->folded) != 0)
            return NULL;   /* ambiguous */
        found = x;
    }
    return found;
}

/*
 * Whether the name is, as a phrase, much more likely than the words as they
 * stand, and the words as they stand hold a pair the model has never seen
 * while the name's pairs are all known: a spinner's "Amnesty Worldwide" is
 * odd English; "Citizens Group" or "State Highway" is not, and stays.
 */
#define ENTITY_MIN_GAIN 2.0

static int more_likely(const unspin_engine *e, const ent *x, const run_word *rw, size_t n)
{
    if (!e->lm)
        return 0;
    const char *a[ENTITY_MAX_WORDS], *b[ENTITY_MAX_WORDS];
    int ua[ENTITY_MAX_WORDS], ub[ENTITY_MAX_WORDS];
    for (size_t k = 0; k < n; k++) {
        a[k] = x->word[k];
        b[k] = rw[k].w;
    }
    if (lm_score_used(e->lm, a, n, 0, ua) - lm_score_used(e->lm, b, n, 0, ub) < ENTITY_MIN_GAIN)
        return 0;
    int unseen = 0;
    for (size_t k = 1; k < n; k++) {
        if (ua[k] <= 1)
            return 0;
        unseen |= ub[k] <= 1;
    }
    return unseen;
}

static void free_run(run_word *rw, size_t n)
{
    for (size_t i = 0; i < n; i++)
        for (size_t k = 0; k < rw[i].nlem; k++)
            free(rw[i].links[k]);
}

void entity_detect(const unspin_engine *e, const seg_ctx *s, finding_list *out, size_t *judged)
{
    if (!e->ents || !e->ths)
        return;
    const token *t = s->toks->v;
    size_t n = s->toks->n, old = out->n, f = 0;
    run_word rw[RUN_MAX];
    for (size_t i = 0; i < n; i++) {
        /* a run: capitalised words, one space apart, small words inside */
        size_t m = 0, j = i;
        while (j < n && m < RUN_MAX) {
            memset(&rw[m], 0, sizeof rw[m]);
            int cap = capitalised(s, &t[j], rw[m].w, sizeof rw[m].w);
            if (!cap && !(m > 0 && small_word(s, &t[j], rw[m].w, sizeof rw[m].w)))
                break;
            rw[m++].tok = j;
            if (t[j].poss_len || j + 2 >= n || t[j + 1].type != TOK_SPACE || t[j + 1].len != 1)
                break;
            j += 2;
        }
        while (m > 0 && is_small(rw[m - 1].w))
            m--;
        if (m < 2) {
            i = m ? rw[m - 1].tok : i;
            continue;
        }
        /* A run that another finding touches is that finding's business. */
        size_t rs = t[rw[0].tok].start, re = t[rw[m - 1].tok].start + t[rw[m - 1].tok].len;
        while (f < old && out->v[f].end <= rs)
            f++;
        if ((f < old && out->v[f].start < re) || *judged >= CHANNEL_MAX_JUDGED) {
            i = rw[m - 1].tok;
            continue;
        }
        *judged += m;
        /* the longest part, leftmost first, that is a name or restores to one */
        const ent *hit = NULL;
        size_t ha = 0, hb = 0;
        int known = 0;
        for (size_t len = m < ENTITY_MAX_WORDS ? m : ENTITY_MAX_WORDS; len >= 2 && !hit && !known; len--)
            for (size_t a = 0; a + len <= m && !hit && !known; a++) {
                if (is_small(rw[a].w) || is_small(rw[a + len - 1].w))
                    continue;
                char folded[ENTITY_MAX_WORDS * THS_WORD_MAX];
                size_t fl = 0;
                for (size_t k = a; k < a + len; k++)
                    fl += (size_t)snprintf(folded + fl, sizeof folded - fl, "%s%s", k > a ? " " : "", rw[k].w);
                if (entities_has(e->ents, folded)) {
                    known = 1;   /* a name as it stands: never made into another */
                    break;
                }
                hit = restore(e->ents, e->ths, rw + a, len);
                ha = a;
                hb = a + len;
            }
        size_t last = rw[m - 1].tok;
        if (hit && !more_likely(e, hit, rw + ha, hb - ha))
            hit = NULL;
        if (hit) {
            size_t start = t[rw[ha].tok].start;
            const token *lt = &t[rw[hb - 1].tok];
            size_t end = lt->start + lt->len - lt->poss_len;
            finding *x = finding_add(out, start, end, KIND_SPUN, CLASS_LIKELY, "entity");
            finding_add_cand(x, hit->name, strlen(hit->name), 0.0, "entity");
        }
        free_run(rw, m);
        i = last;
    }
    if (out->n > old)
        finding_resolve_overlaps(out);
}
