/*
 * lm: the trigram language model that ranks candidates in context.
 * Debian's pocketsphinx-en-us ships en-us.lm.bin (lower-case words, trigrams),
 * read through libsphinxbase. Out-of-vocabulary words score a fixed floor and
 * cut the history. Built only when sphinxbase is found (UNSPIN_HAVE_LM);
 * otherwise lm_open returns NULL and callers go on without ranking.
 * An lm is read-only once opened and may be shared by threads (lm_score
 * serialises the lookups).
 */
#ifndef UNSPIN_LM_H
#define UNSPIN_LM_H

#include <stddef.h>

#define LM_DEFAULT_PATH "/usr/share/pocketsphinx/model/en-us/en-us.lm.bin"
#define LM_OOV_LOG10 (-8.0)   /* an unknown word: about as likely as a rare one */

typedef struct lm lm;

/* Opens the model at path; NULL when it cannot be read or LM support is not built. */
lm *lm_open(const char *path);
void lm_close(lm *m);
/* Sum of log10 P(word | up to two previous words) over words[from..n), with
 * words[0..from) as history only. Words must be folded (lower case, ' for ’). */
double lm_score(const lm *m, const char *const *words, size_t n, size_t from);
/* As lm_score, and writes into used[i - from] the n-gram order the model
 * had for each scored word (0 unknown, 1 unigram: an unseen collocation). */
double lm_score_used(const lm *m, const char *const *words, size_t n, size_t from, int *used);
/* Folded words for the model, held in one buffer: the window a detector
 * scores (its context and the text or a candidate between). */
#define LM_WORDS_MAX 24      /* words in a window */
#define LM_WORD_BYTES 64     /* longer words are left out: never in the model */
typedef struct lm_words {
    const char *w[LM_WORDS_MAX];
    size_t n, used;
    char store[LM_WORDS_MAX * 48];
} lm_words;
/* Appends the folded form (tok_fold) of s[0..len), when it fits. */
void lm_words_add(lm_words *q, const char *s, size_t len);

/* Whether word (folded) is in the model's vocabulary: a word it has seen. */
int lm_known(const lm *m, const char *word);
/* Whether the model has the bigram "w1 w2" (both folded): a pair seen in text. */
int lm_pair_known(const lm *m, const char *w1, const char *w2);
/* Whether the model was built in. */
int lm_available(void);

#endif
