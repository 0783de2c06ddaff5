/*
 * verdict: is a document spun, and how badly? It keeps counts, not text, so
 * it works on a stream. Two kinds of evidence (thresholds in verdict.c,
 * documented in unspin(1)):
 *
 *   - sure mapping hits per 1,000 words: phrases that clean English does not
 *     use, learned from the spinners seen so far;
 *   - family-agnostic counts from channel_probe (channel.h) over the first
 *     VERDICT_PROBE_MAX content words: how many lose in the language model
 *     to one of their own thesaurus neighbours by VERDICT_PROBE_DELTA (log10)
 *     or more, what share of its neighbours fits the context better than
 *     the word (beyond being commoner), and how many form a collocation the
 *     model has never seen. A spinner puts context-blind synonyms in, so its
 *     output does worse on all three than clean prose, whatever list the
 *     spinner used. They are combined as log-odds (weights fitted on the
 *     repository's spun and clean texts, verdict.c) and count only when the
 *     probe saw a good part of the document (a paragraph, an article).
 *
 * `spun` is the reported verdict. `sure_spun` rests on sure hits alone: the
 * default level's decisions use it, so an agnostic false alarm cannot
 * change clean text at the default level (doc.c).
 */
#ifndef UNSPIN_VERDICT_H
#define UNSPIN_VERDICT_H

#include <stddef.h>

#define VERDICT_PROBE_MAX 400
#define VERDICT_PROBE_DELTA 2.5

typedef struct verdict {
    size_t words;
    size_t hits[3];      /* findings per class (enum klass) */
    double score;        /* sure hits per 1,000 words */
    /* family-agnostic counts (channel_probe) */
    size_t probed;       /* content words probed */
    size_t lost;         /* of them, beaten in the model by a neighbour by VERDICT_PROBE_DELTA */
    size_t rare;         /* of them, with an unseen collocation (channel.h) */
    double beaten;       /* sum over them of the share of neighbours that fit the context better */
    size_t probe_words;  /* words read when the probe stopped (0: still probing) */
    double agnostic;     /* the family-agnostic score (log-odds; 0 without enough probes) */
    int sure_spun;       /* judged spun on sure hits alone (the first version) */
    int spun;            /* judged spun: sure hits, or a high agnostic score */
} verdict;

/* Recomputes score, agnostic, sure_spun and spun from the counts. */
void verdict_update(verdict *v);

#endif
