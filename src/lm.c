/* lm: trigram scoring through libsphinxbase (see lm.h).
 * sphinxbase does not promise that lookups in one model are safe from several
 * threads (its trie model keeps scratch state), so lm_score holds a lock: a
 * model is shared, and candidates are ranked seldom enough for that to cost
 * nothing measurable. */
#include "lm.h"
#include "buf.h"
#include "token.h"

#ifdef UNSPIN_HAVE_LM
#include <sphinxbase/err.h>
#include <sphinxbase/logmath.h>
#include <sphinxbase/ngram_model.h>

#include <pthread.h>
#include <stdlib.h>

struct lm {
    pthread_mutex_t lock;    /* around every sphinxbase call after lm_open */
    ngram_model_t *model;
    logmath_t *lmath;
    int32 unknown;
};

int lm_available(void)
{
    return 1;
}

lm *lm_open(const char *path)
{
    err_set_logfp(NULL);   /* sphinxbase chats on stderr */
    logmath_t *lmath = logmath_init(1.0001, 0, 0);
    if (!lmath)
        return NULL;
    ngram_model_t *model = ngram_model_read(NULL, path, NGRAM_AUTO, lmath);
    if (!model) {
        logmath_free(lmath);
        return NULL;
    }
    lm *m = xcalloc(1, sizeof *m);
    m->model = model;
    m->lmath = lmath;
    m->unknown = ngram_unknown_wid(model);
    pthread_mutex_init(&m->lock, NULL);
    return m;
}

void lm_close(lm *m)
{
    if (!m)
        return;
    pthread_mutex_destroy(&m->lock);
    ngram_model_free(m->model);
    logmath_free(m->lmath);
    free(m);
}

int lm_known(const lm *m, const char *word)
{
    int32 wid = ngram_wid(m->model, word);
    return wid >= 0 && wid != m->unknown;
}

double lm_score(const lm *m, const char *const *words, size_t n, size_t from)
{
    return lm_score_used(m, words, n, from, NULL);
}

double lm_score_used(const lm *m, const char *const *words, size_t n, size_t from, int *used_out)
{
    int32 hist[2];
    int nhist = 0;
    double total = 0;
    pthread_mutex_t *lock = (pthread_mutex_t *)&m->lock;   /* the lock is not the model's state */
    pthread_mutex_lock(lock);
    for (size_t i = 0; i < n; i++) {
        int32 wid = ngram_wid(m->model, words[i]);
        double s;
        int32 used = 0;
        if (wid == m->unknown || wid < 0) {
            s = LM_OOV_LOG10;
            nhist = 0;          /* an unknown word cuts the history */
        } else {
            s = logmath_log_to_log10(m->lmath, ngram_ng_score(m->model, wid, hist, nhist, &used));
            if (s < LM_OOV_LOG10)
                s = LM_OOV_LOG10;
            hist[1] = hist[0];   /* history is most recent first */
            hist[0] = wid;
            if (nhist < 2)
                nhist++;
        }
        if (i >= from) {
            total += s;
            if (used_out)
                used_out[i - from] = (int)used;
        }
    }
    pthread_mutex_unlock(lock);
    return total;
}

int lm_pair_known(const lm *m, const char *w1, const char *w2)
{
    int32 a = ngram_wid(m->model, w1), b = ngram_wid(m->model, w2), used = 0;
    if (a == m->unknown || a < 0 || b == m->unknown || b < 0)
        return 0;
    pthread_mutex_t *lock = (pthread_mutex_t *)&m->lock;
    pthread_mutex_lock(lock);
    ngram_ng_score(m->model, b, &a, 1, &used);
    pthread_mutex_unlock(lock);
    return used == 2;
}

#else

int lm_available(void)
{
    return 0;
}

lm *lm_open(const char *path)
{
    (void)path;
    return NULL;
}

void lm_close(lm *m)
{
    (void)m;
}

int lm_known(const lm *m, const char *word)
{
    (void)m; (void)word;
    return 0;
}

double lm_score(const lm *m, const char *const *words, size_t n, size_t from)
{
    (void)m; (void)words; (void)n; (void)from;
    return 0;
}

int lm_pair_known(const lm *m, const char *w1, const char *w2)
{
    (void)m; (void)w1; (void)w2;
    return 0;
}

double lm_score_used(const lm *m, const char *const *words, size_t n, size_t from, int *used)
{
    (void)m; (void)words; (void)n; (void)from; (void)used;
    return 0;
}

#endif

void lm_words_add(lm_words *q, const char *s, size_t len)
{
    if (q->n == LM_WORDS_MAX || len > LM_WORD_BYTES)
        return;
    size_t fl = tok_fold(s, len, q->store + q->used, sizeof q->store - q->used);
    if (fl == (size_t)-1)
        return;
    q->w[q->n++] = q->store + q->used;
    q->used += fl + 1;
}
