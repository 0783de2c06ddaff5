/* spell: hunspell behind a generated .aff and a per-type cache (see spell.h).
 *
 * Threads: hunspell keeps scratch state in its handle (the affix manager's
 * current prefix and suffix), so every call into it holds s->lock. The
 * caches are per thread (a pthread key), so the common case, a cached word,
 * takes no lock at all; behind them, a shared cache (under the lock) keeps
 * threads from asking hunspell the same word each. */
#include "spell.h"
#include "buf.h"
#include "diag.h"
#include "token.h"
#include "utf8.h"

#include <hunspell.h>
#include <pthread.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define CACHE_MAX_ENTRIES (1u << 17)        /* then the cache starts afresh */
#define CACHE_MAX_ARENA (8u * 1024 * 1024)
#define CURLY "\xE2\x80\x99"                 /* ’ U+2019 */
#define SYM_EDGE 26                         /* trigram symbols: a–z, edge, other */
#define SYM_OTHER 27
#define NSYM 28

/* damaged, original: measured in notes/deps.md §2 (13 pairs). */
const char *const spell_ocr_rep[] = {
    "rn", "m",   "m", "rn",  "cl", "d",   "d", "cl",  "li", "h",
    "vv", "w",   "1", "l",   "l", "1",    "0", "o",   "ii", "u",
    "rn", "rm",  "c", "e",   "e", "c",
    NULL
};

typedef struct entry {
    uint32_t hash;
    uint32_t len;       /* of the word */
    uint32_t key;       /* arena offset of the word (NUL-terminated) */
    uint32_t sugs;      /* arena offset of the suggestions, NUL-separated */
    int8_t valid;       /* -1: not asked yet */
    int8_t nsugs;       /* -1: not asked yet */
    uint8_t used;
    uint8_t note;       /* the caller's note on the word type (spell_note) */
} entry;

/* A small direct-mapped cache in front of the table for spell_check: the
 * common words of a text fit in it, and it stays in the CPU cache. Keys of up
 * to 16 bytes are stored zero-padded and compared as two 64-bit words. */
#define HOT_SLOTS 32768
#define HOT_KEY 16
typedef struct hot {
    uint64_t k0, k1;    /* the word, zero-padded */
    uint8_t len;        /* 0: empty */
    uint8_t valid;
} hot;

/* One thread's cache. */
typedef struct cache {
    hot *hot;           /* HOT_SLOTS entries */
    entry *tab;         /* open addressing, cap a power of two */
    size_t cap, n;
    buf arena;          /* words and suggestions of the cached entries */
    spell_stats st;
    unsigned gen;       /* the spell's word generation it was filled at */
    struct cache *prev, *next;   /* in the spell's list of caches */
    struct spell *owner;
} cache;

struct spell {
    Hunhandle *h;       /* (!NULL); used under lock only */
    pthread_mutex_t lock;        /* hunspell calls, the list of caches */
    pthread_key_t key;           /* this thread's cache */
    cache *caches;               /* every thread's, freed with the spell */
    size_t ncaches;
    cache *shared;               /* under lock: answers for all threads, once
                                  * more than one thread looks words up, so a
                                  * word costs hunspell one call, not one per thread */
    unsigned gen;       /* bumped when words are added: caches forget */
    unsigned char tri[(NSYM * NSYM * NSYM + 7) / 8];   /* trigrams seen in the .dic */
    int32_t *alpha;     /* non-ASCII letters of the .aff's TRY line, sorted */
    size_t nalpha;
};

/* --- word shapes --------------------------------------------------------- */

static int sym(unsigned char ch)
{
    if (ch >= 'a' && ch <= 'z')
        return ch - 'a';
    if (ch >= 'A' && ch <= 'Z')
        return ch - 'A';
    return SYM_OTHER;
}

static size_t tri_index(int a, int b, int c)
{
    return ((size_t)a * NSYM + (size_t)b) * NSYM + (size_t)c;
}

/* Marks the trigrams of stem[0..n) + suffix. */
static void tri_add(spell *s, const char *stem, size_t n, const char *suffix)
{
    int a = SYM_EDGE, b = SYM_EDGE;
    size_t sl = strlen(suffix);
    for (size_t i = 0; i <= n + sl; i++) {
        int c = SYM_EDGE;
        if (i < n)
            c = sym((unsigned char)stem[i]);
        else if (i < n + sl)
            c = sym((unsigned char)suffix[i - n]);
        if (i > 0 || c != SYM_EDGE) {
            size_t k = tri_index(a, b, c);
            s->tri[k / 8] |= (unsigned char)(1u << (k % 8));
        }
        a = b;
        b = c;
    }
}

/* Marks the trigrams of stem[0..n) + suffix that end in the suffix. */
static void tri_add_tail(spell *s, const char *stem, size_t n, const char *suffix)
{
    size_t keep = n < 2 ? n : 2;
    char tmp[16];
    size_t sl = strlen(suffix);
    if (n < 2 || sl + keep >= sizeof tmp) {
        tri_add(s, stem, n, suffix);
        return;
    }
    memcpy(tmp, stem + n - keep, keep);
    memcpy(tmp + keep, suffix, sl + 1);
    /* Trigrams inside tmp and at its end; its start is not a word edge. */
    int a = sym((unsigned char)tmp[0]), b = sym((unsigned char)tmp[1]);
    for (size_t i = 2; i <= keep + sl; i++) {
        int c = i < keep + sl ? sym((unsigned char)tmp[i]) : SYM_EDGE;
        size_t k = tri_index(a, b, c);
        s->tri[k / 8] |= (unsigned char)(1u << (k % 8));
        a = b;
        b = c;
    }
}

/* Reads the .dic's lower-case stems (before the /flags) with the common
 * inflections, so that inflected words are shaped too. */
static void load_shapes(spell *s, const buf *dic)
{
    static const char *const suffixes[] = {"", "s", "es", "ed", "d", "ing", "er", "ers",
                                           "est", "ly", "ness", "ment", NULL};
    size_t at = 0;
    while (at < dic->len) {
        const char *line = dic->data + at;
        const char *nl = memchr(line, '\n', dic->len - at);
        size_t n = nl ? (size_t)(nl - line) : dic->len - at;
        at += n + (nl != NULL);
        size_t w = 0;
        while (w < n && line[w] >= 'a' && line[w] <= 'z')
            w++;
        if (w < 2 || (w < n && line[w] != '/' && line[w] != '\t' && line[w] != ' ' &&
                      line[w] != '\r'))
            continue;
        /* The stem whole, then only the joins: the stem's last two letters
         * and each suffix (the other trigrams are the stem's own). */
        tri_add(s, line, w, "");
        for (const char *const *sfx = suffixes + 1; *sfx; sfx++)
            tri_add_tail(s, line, w, *sfx);
        if (line[w - 1] == 'y') {
            tri_add_tail(s, line, w - 1, "ies");
            tri_add_tail(s, line, w - 1, "ied");
        } else if (line[w - 1] == 'e') {
            tri_add_tail(s, line, w - 1, "ing");
        }
    }
}

int spell_shaped(const spell *s, const char *w, size_t n)
{
    int a = SYM_EDGE, b = SYM_EDGE;
    for (size_t i = 0; i <= n; i++) {
        int c = i < n ? sym((unsigned char)w[i]) : SYM_EDGE;
        if (a != SYM_OTHER && b != SYM_OTHER && c != SYM_OTHER && (i > 0 || c != SYM_EDGE)) {
            size_t k = tri_index(a, b, c);
            if (!(s->tri[k / 8] & (1u << (k % 8))))
                return 0;
        }
        a = b;
        b = c;
    }
    return 1;
}

/* --- the alphabet ---------------------------------------------------------- */

static int cmp_cp(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return x < y ? -1 : x > y;
}

/* Reads the TRY line of the .aff: the letters hunspell's suggestions use. */
static void load_alphabet(spell *s, const buf *aff)
{
    const char *p = aff->data;
    size_t n = aff->len;
    for (size_t at = 0; at < n;) {
        const char *line = p + at;
        const char *nl = memchr(line, '\n', n - at);
        size_t len = nl ? (size_t)(nl - line) : n - at;
        at += len + (nl != NULL);
        if (len < 5 || memcmp(line, "TRY", 3) != 0 || (line[3] != ' ' && line[3] != '\t'))
            continue;
        s->alpha = xmalloc(2 * len * sizeof *s->alpha);
        for (size_t i = 4; i < len;) {
            int32_t cp;
            i += utf8_decode((const unsigned char *)line + i, len - i, &cp);
            if (cp >= 0x80) {
                s->alpha[s->nalpha++] = utf8_tolower(cp);
                s->alpha[s->nalpha++] = utf8_toupper(cp);
            }
        }
        qsort(s->alpha, s->nalpha, sizeof *s->alpha, cmp_cp);
        return;
    }
}

int spell_in_alphabet(const spell *s, const char *w, size_t n)
{
    for (size_t i = 0; i < n;) {
        int32_t cp;
        i += utf8_decode((const unsigned char *)w + i, n - i, &cp);
        if (cp < 0x80 || !utf8_is_letter(cp))
            continue;
        if (!s->alpha || !bsearch(&cp, s->alpha, s->nalpha, sizeof cp, cmp_cp))
            return 0;
    }
    return 1;
}

/* --- the generated .aff ------------------------------------------------- */

static int is_rep_header(const char *line, size_t n, long *count)
{
    if (n < 5 || memcmp(line, "REP", 3) != 0 || (line[3] != ' ' && line[3] != '\t'))
        return 0;
    char *end;
    char tmp[32];
    size_t k = n - 4 < sizeof tmp - 1 ? n - 4 : sizeof tmp - 1;
    memcpy(tmp, line + 4, k);
    tmp[k] = '\0';
    long v = strtol(tmp, &end, 10);
    while (*end == ' ' || *end == '\t' || *end == '\r')
        end++;
    if (end == tmp || *end)
        return 0;
    *count = v;
    return 1;
}

static void put_reps(buf *out)
{
    for (size_t i = 0; spell_ocr_rep[i]; i += 2)
        buf_printf(out, "REP %s %s\n", spell_ocr_rep[i], spell_ocr_rep[i + 1]);
}

/* The system .aff with MAXNGRAMSUGS 0 and the OCR REP pairs. */
static void make_aff(const char *src, size_t len, buf *out)
{
    size_t nrep = 0;
    while (spell_ocr_rep[2 * nrep])
        nrep++;
    int rep_done = 0;
    size_t at = 0;
    while (at < len) {
        const char *nl = memchr(src + at, '\n', len - at);
        size_t n = nl ? (size_t)(nl - (src + at)) : len - at;
        const char *line = src + at;
        at += n + (nl != NULL);
        long count;
        if (n >= 12 && memcmp(line, "MAXNGRAMSUGS", 12) == 0)
            continue;
        if (!rep_done && is_rep_header(line, n, &count)) {
            buf_printf(out, "REP %ld\n", count + (long)nrep);
            put_reps(out);
            rep_done = 1;
            continue;
        }
        buf_put(out, line, n);
        buf_putc(out, '\n');
    }
    if (!rep_done) {
        buf_printf(out, "REP %zu\n", nrep);
        put_reps(out);
    }
    buf_puts(out, "MAXNGRAMSUGS 0\n");
}

/* Writes data to a fresh temporary file; returns its path (caller frees) or NULL. */
static char *write_temp(const buf *data)
{
    const char *dir = getenv("TMPDIR");
    buf path = BUF_INIT;
    buf_printf(&path, "%s/unspin-aff-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path.data);
    if (fd < 0) {
        buf_free(&path);
        return NULL;
    }
    size_t done = 0;
    while (done < data->len) {
        ssize_t w = write(fd, data->data + done, data->len - done);
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    if (close(fd) != 0 || done < data->len) {
        unlink(path.data);
        buf_free(&path);
        return NULL;
    }
    return buf_detach(&path);
}

static void forget(cache *c);

/* --- per-thread caches ---------------------------------------------------- */

static void cache_free(cache *c)
{
    free(c->hot);
    free(c->tab);
    buf_free(&c->arena);
    free(c);
}

/* A thread that used the spell ends: its cache goes with it. */
static void cache_exit(void *p)
{
    cache *c = p;
    spell *s = c->owner;
    pthread_mutex_lock(&s->lock);
    if (c->prev)
        c->prev->next = c->next;
    else
        s->caches = c->next;
    if (c->next)
        c->next->prev = c->prev;
    s->ncaches--;
    pthread_mutex_unlock(&s->lock);
    cache_free(c);
}

/* The calling thread's cache, made on first use. */
static cache *cache_of(spell *s)
{
    cache *c = pthread_getspecific(s->key);
    if (!c) {
        c = xcalloc(1, sizeof *c);
        c->hot = xcalloc(HOT_SLOTS, sizeof *c->hot);
        c->owner = s;
        c->gen = s->gen;
        pthread_mutex_lock(&s->lock);
        c->next = s->caches;
        if (c->next)
            c->next->prev = c;
        s->caches = c;
        s->ncaches++;
        pthread_mutex_unlock(&s->lock);
        if (pthread_setspecific(s->key, c) != 0)
            diag_fatal(UNSPIN_EXIT_SYSERR, "pthread_setspecific failed");
    } else if (c->gen != s->gen) {
        forget(c);   /* words were added: earlier answers may have changed */
        c->gen = s->gen;
    }
    return c;
}

spell *spell_new(const char *dict_dir, const char *lang, const char **why)
{
    buf aff = BUF_INIT, dic = BUF_INIT, src = BUF_INIT, gen = BUF_INIT, words = BUF_INIT;
    spell *s = NULL;
    char *tmp = NULL;
    buf_printf(&aff, "%s/%s.aff", dict_dir, lang);
    buf_printf(&dic, "%s/%s.dic", dict_dir, lang);
    if (buf_read_file(&words, dic.data) != 0 || buf_read_file(&src, aff.data) != 0) {
        *why = "dictionary not found";
        goto out;
    }
    make_aff(src.data ? src.data : "", src.len, &gen);
    tmp = write_temp(&gen);
    if (!tmp) {
        *why = "cannot write the generated .aff to a temporary file";
        goto out;
    }
    Hunhandle *h = Hunspell_create(tmp, dic.data);   /* reads both files at once */
    unlink(tmp);
    if (!h) {
        *why = "hunspell cannot load the dictionary";
        goto out;
    }
    const char *enc = Hunspell_get_dic_encoding(h);
    if (!enc || strcmp(enc, "UTF-8") != 0) {
        Hunspell_destroy(h);
        *why = "dictionary is not UTF-8";
        goto out;
    }
    s = xcalloc(1, sizeof *s);
    s->h = h;
    pthread_mutex_init(&s->lock, NULL);
    if (pthread_key_create(&s->key, cache_exit) != 0)
        diag_fatal(UNSPIN_EXIT_SYSERR, "pthread_key_create failed");
    load_shapes(s, &words);
    load_alphabet(s, &src);
out:
    free(tmp);
    buf_free(&aff);
    buf_free(&dic);
    buf_free(&src);
    buf_free(&gen);
    buf_free(&words);
    return s;
}

void spell_free(spell *s)
{
    if (!s)
        return;
    /* No thread may use s any more: its caches go now, and no destructor
     * runs for them later. */
    pthread_key_delete(s->key);
    while (s->caches) {
        cache *c = s->caches;
        s->caches = c->next;
        cache_free(c);
    }
    if (s->shared)
        cache_free(s->shared);
    pthread_mutex_destroy(&s->lock);
    Hunspell_destroy(s->h);
    free(s->alpha);
    free(s);
}

static void forget(cache *c)
{
    memset(c->hot, 0, HOT_SLOTS * sizeof *c->hot);
    c->n = 0;
    if (c->tab)
        memset(c->tab, 0, c->cap * sizeof *c->tab);
    buf_clear(&c->arena);
}

void spell_add(spell *s, const char *w, size_t n)
{
    char tmp[SPELL_MAX_WORD + 1];
    if (n == 0 || n > SPELL_MAX_WORD)
        return;
    memcpy(tmp, w, n);
    tmp[n] = '\0';
    pthread_mutex_lock(&s->lock);
    Hunspell_add(s->h, tmp);
    s->gen++;   /* earlier answers may have changed */
    if (s->shared)
        forget(s->shared);
    pthread_mutex_unlock(&s->lock);
}

long spell_add_file(spell *s, const char *path)
{
    buf b = BUF_INIT;
    if (buf_read_file(&b, path) != 0) {
        buf_free(&b);
        return -1;
    }
    long words = 0;
    size_t at = 0;
    char tmp[SPELL_MAX_WORD + 1];
    while (at < b.len) {
        const char *line = b.data + at;
        const char *nl = memchr(line, '\n', b.len - at);
        size_t n = nl ? (size_t)(nl - line) : b.len - at;
        at += n + (nl != NULL);
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' ' || line[n - 1] == '\t'))
            n--;
        if (n == 0 || line[0] == '#' || n > SPELL_MAX_WORD)
            continue;
        memcpy(tmp, line, n);
        tmp[n] = '\0';
        pthread_mutex_lock(&s->lock);
        Hunspell_add(s->h, tmp);
        pthread_mutex_unlock(&s->lock);
        words++;
    }
    buf_free(&b);
    pthread_mutex_lock(&s->lock);
    s->gen++;
    if (s->shared)
        forget(s->shared);
    pthread_mutex_unlock(&s->lock);
    return words;
}

/* --- the cache --------------------------------------------------------- */

static void cache_reset(cache *s)
{
    forget(s);
    s->st.resets++;
}

static void cache_grow(cache *s)
{
    size_t cap = s->cap ? s->cap * 2 : 4096;
    entry *t = xcalloc(cap, sizeof *t);
    for (size_t i = 0; i < s->cap; i++) {
        if (!s->tab[i].used)
            continue;
        size_t k = s->tab[i].hash & (cap - 1);
        while (t[k].used)
            k = (k + 1) & (cap - 1);
        t[k] = s->tab[i];
    }
    free(s->tab);
    s->tab = t;
    s->cap = cap;
}

static uint32_t arena_put(cache *s, const char *p, size_t n)
{
    uint32_t off = (uint32_t)s->arena.len;
    buf_put(&s->arena, p, n);
    buf_putc(&s->arena, '\0');
    return off;
}

/* The entry for w[0..n), created when missing. */
static entry *cache_get(cache *s, const char *w, size_t n, uint32_t h)
{
    if (s->n + 1 > CACHE_MAX_ENTRIES || s->arena.len > CACHE_MAX_ARENA)
        cache_reset(s);
    if ((s->n + 1) * 2 > s->cap)
        cache_grow(s);
    size_t k = h & (s->cap - 1);
    for (; s->tab[k].used; k = (k + 1) & (s->cap - 1)) {
        entry *e = &s->tab[k];
        if (e->hash == h && e->len == n && memcmp(s->arena.data + e->key, w, n) == 0)
            return e;
    }
    entry *e = &s->tab[k];
    e->used = 1;
    e->hash = h;
    e->len = (uint32_t)n;
    e->key = arena_put(s, w, n);
    e->valid = -1;
    e->nsugs = -1;
    e->note = 0;
    s->n++;
    return e;
}

int spell_note(spell *s, const char *w, size_t n)
{
    if (n == 0 || n > SPELL_MAX_WORD)
        return 0;
    return cache_get(cache_of(s), w, n, (uint32_t)tok_hash_bytes(w, n))->note;
}

void spell_set_note(spell *s, const char *w, size_t n, int note)
{
    if (n == 0 || n > SPELL_MAX_WORD)
        return;
    cache_get(cache_of(s), w, n, (uint32_t)tok_hash_bytes(w, n))->note = (uint8_t)note;
}

/* w without a trailing ' or ’. */
static size_t strip_apostrophe(const char *w, size_t n)
{
    if (n > 1 && w[n - 1] == '\'')
        return n - 1;
    if (n > 3 && memcmp(w + n - 3, CURLY, 3) == 0)
        return n - 3;
    return n;
}

/* With s->lock held: the shared cache, when more than one thread has one. */
static cache *shared_of(spell *s)
{
    if (s->ncaches < 2)
        return NULL;
    if (!s->shared) {
        s->shared = xcalloc(1, sizeof *s->shared);
        s->shared->hot = xcalloc(HOT_SLOTS, sizeof *s->shared->hot);
        s->shared->owner = s;
    }
    return s->shared;
}

int spell_check(spell *s, const char *w, size_t n)
{
    return spell_check_hashed(s, w, n, tok_hash_bytes(w, n));
}

int spell_check_hashed(spell *sp, const char *w, size_t n, uint32_t hash)
{
    cache *s = cache_of(sp);
    size_t full = n;
    n = strip_apostrophe(w, n);
    if (n == 0 || n > SPELL_MAX_WORD)
        return 1;
    if (n != full)
        hash = tok_hash_bytes(w, n);
    s->st.checks++;
    hot *x = NULL;
    uint64_t k[2] = {0, 0};
    if (n <= HOT_KEY) {
        memcpy(k, w, n);
        x = &s->hot[hash & (HOT_SLOTS - 1)];
        if (x->k0 == k[0] && x->k1 == k[1] && x->len == n)
            return x->valid;
        x->len = 0;   /* filled below */
    }
    entry *e = cache_get(s, w, n, hash);
    if (e->valid < 0) {
        s->st.check_misses++;
        pthread_mutex_lock(&sp->lock);
        cache *g = shared_of(sp);
        if (g) {
            entry *ge = cache_get(g, w, n, hash);
            if (ge->valid < 0)
                ge->valid = (int8_t)(Hunspell_spell(sp->h, g->arena.data + ge->key) != 0);
            e->valid = ge->valid;
        } else {
            e->valid = (int8_t)(Hunspell_spell(sp->h, s->arena.data + e->key) != 0);
        }
        pthread_mutex_unlock(&sp->lock);
    }
    if (x) {
        x->k0 = k[0];
        x->k1 = k[1];
        x->len = (uint8_t)n;
        x->valid = (uint8_t)e->valid;
    }
    return e->valid;
}

static int has_curly(const char *w, size_t n)
{
    for (size_t i = 0; i + 3 <= n; i++)
        if (memcmp(w + i, CURLY, 3) == 0)
            return 1;
    return 0;
}

/* Appends sug to the arena with every ' turned into ’. */
static void put_curly(cache *s, const char *sug)
{
    for (const char *p = sug; *p; p++) {
        if (*p == '\'')
            buf_puts(&s->arena, CURLY);
        else
            buf_putc(&s->arena, *p);
    }
    buf_putc(&s->arena, '\0');
}

/* With sp->lock held: fills entry e of cache c with hunspell's suggestions. */
static void ask_suggestions(spell *sp, cache *c, entry *e, const char *w, size_t n)
{
    char **list = NULL;
    int k = Hunspell_suggest(sp->h, &list, c->arena.data + e->key);
    int curly = has_curly(w, n);
    /* cache_get may have moved the arena; e stays valid (the table did not grow). */
    e->sugs = (uint32_t)c->arena.len;
    int kept = 0;
    for (int i = 0; i < k && kept < SPELL_MAX_SUGS; i++, kept++) {
        if (curly)
            put_curly(c, list[i]);
        else
            arena_put(c, list[i], strlen(list[i]));
    }
    e->nsugs = (int8_t)kept;
    if (list)
        Hunspell_free_list(sp->h, &list, k);
}

size_t spell_suggest(spell *sp, const char *w, size_t n, spell_list *out)
{
    cache *s = cache_of(sp);
    out->n = 0;
    n = strip_apostrophe(w, n);
    if (n == 0 || n > SPELL_MAX_WORD)
        return 0;
    s->st.suggests++;
    entry *e = cache_get(s, w, n, tok_hash_bytes(w, n));
    if (e->nsugs < 0) {
        s->st.suggest_misses++;
        pthread_mutex_lock(&sp->lock);
        cache *g = shared_of(sp);
        if (g) {
            entry *ge = cache_get(g, w, n, tok_hash_bytes(w, n));
            if (ge->nsugs < 0)
                ask_suggestions(sp, g, ge, w, n);
            /* Copy the shared answer into this thread's cache. */
            e->sugs = (uint32_t)s->arena.len;
            const char *q = g->arena.data + ge->sugs;
            for (int i = 0; i < ge->nsugs; i++) {
                size_t l = strlen(q);
                arena_put(s, q, l);
                q += l + 1;
            }
            e->nsugs = ge->nsugs;
        } else {
            ask_suggestions(sp, s, e, w, n);
        }
        pthread_mutex_unlock(&sp->lock);
    }
    const char *p = s->arena.data + e->sugs;
    for (int i = 0; i < e->nsugs; i++) {
        out->v[out->n++] = p;
        p += strlen(p) + 1;
    }
    return out->n;
}

void spell_get_stats(const spell *s, spell_stats *out)
{
    const cache *c = pthread_getspecific(s->key);
    if (c)
        *out = c->st;
    else
        memset(out, 0, sizeof *out);
}

/* --- spelling variants ---------------------------------------------------- */

/* The word in a canonical spelling: British and older forms written as
 * American ones (colour, centre, traveller, realise, encyclopaedia, defence,
 * dulness), so that a suggestion that is only the other spelling of the same
 * word can be told apart from a correction. */
static size_t canonical(const char *w, size_t n, char *out, size_t cap)
{
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < cap; i++) {
        char ch = (char)(w[i] | 0x20);
        char next = i + 1 < n ? (char)(w[i + 1] | 0x20) : 0;
        if (ch == 'u' && o > 0 && out[o - 1] == 'o' && next == 'r')
            continue;                                   /* colour */
        if (ch == 'l' && o > 0 && out[o - 1] == 'l')
            continue;                                   /* traveller, dulness */
        if ((ch == 'a' || ch == 'o') && next == 'e' && o > 0)
            continue;                                   /* encyclopaedia */
        if (ch == 's' && o > 0 && (out[o - 1] == 'i' || out[o - 1] == 'y') &&
            (next == 'e' || next == 'a' || next == 'i'))
            ch = 'z';                                   /* realise, analyse */
        if (ch == 'c' && next == 'e' && o > 1 && out[o - 1] == 'n' && out[o - 2] == 'e' &&
            i + 2 == n)
            ch = 's';                                   /* defence */
        if (ch == 'r' && next == 'e' && o > 0 && out[o - 1] != 'e' &&
            (i + 2 == n || (i + 3 == n && ((w[i + 2] | 0x20) == 's' || (w[i + 2] | 0x20) == 'd')))) {
            out[o++] = 'e';                             /* centre, sceptred */
            out[o++] = 'r';
            if (i + 3 == n && (w[i + 2] | 0x20) == 'd' && o + 1 < cap)
                out[o++] = 'e';                         /* sceptred: sceptered */
            i++;
            continue;
        }
        out[o++] = ch;
    }
    out[o] = '\0';
    return o;
}

int spell_variant_valid(spell *sp, const char *w, size_t n)
{
    char a[SPELL_MAX_WORD + 8];
    if (n == 0 || n > SPELL_MAX_WORD)
        return 0;
    size_t an = canonical(w, n, a, sizeof a);
    if (an == n && strncasecmp(a, w, n) == 0)
        return 0;
    return spell_check(sp, a, an);
}

/* Whether suggestion s is only another spelling of w[0..n). */
int spell_variant(const char *w, size_t n, const char *s)
{
    char a[SPELL_MAX_WORD + 8], b[SPELL_MAX_WORD + 8];
    if (n > SPELL_MAX_WORD || strlen(s) > SPELL_MAX_WORD)
        return 0;
    canonical(w, n, a, sizeof a);
    canonical(s, strlen(s), b, sizeof b);
    return strcmp(a, b) == 0;
}
