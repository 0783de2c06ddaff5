/* verdict: the document-level spun/clean judgement. */
#include "verdict.h"
#include "finding.h"

/*
 * A document is judged spun when it has at least VERDICT_MIN_SURE sure hits
 * and at least VERDICT_MIN_SCORE of them per 1,000 words. Sure entries are
 * essentially absent from clean English (tools/check_dict_clean.py checks
 * them against the Brown corpus), so two independent hits are strong
 * evidence; the density keeps one stray hit in a book from flipping it.
 */
#define VERDICT_MIN_SURE 2
#define VERDICT_MIN_SCORE 1.0

/*
 * The family-agnostic score: log-odds of spun from the shares of probed words
 * that lose by VERDICT_PROBE_DELTA, of neighbours that fit better, and of
 * unseen collocations. Fitted (logistic regression) on 250-word excerpts of
 * the training pairs' spun and original texts, the clean seeds and Brown;
 * never on the external benchmarks. It counts when at least
 * VERDICT_MIN_PROBED words were probed and the probe saw at least a third of
 * the document's words; past VERDICT_AGNOSTIC_MIN the document is judged spun.
 */
#define VERDICT_MIN_PROBED 20
#define W_LOST 13.73
#define W_BEATEN 13.46
#define W_RARE 8.10
#define W_BIAS (-10.70)
#define VERDICT_AGNOSTIC_MIN 1.0

void verdict_update(verdict *v)
{
    size_t sure = v->hits[CLASS_SURE];
    v->score = v->words ? 1000.0 * (double)sure / (double)v->words : 0.0;
    v->sure_spun = sure >= VERDICT_MIN_SURE && v->score >= VERDICT_MIN_SCORE;
    size_t seen = v->probe_words ? v->probe_words : v->words;
    v->agnostic = 0.0;
    if (v->probed >= VERDICT_MIN_PROBED && v->words <= 3 * seen) {
        double n = (double)v->probed;
        v->agnostic = W_BIAS + W_LOST * (double)v->lost / n + W_BEATEN * v->beaten / n +
                      W_RARE * (double)v->rare / n;
    }
    /* The agnostic score alone also rises on text that is merely unusual
     * (old books, OCR damage): it decides only beside a sure hit. */
    v->spun = v->sure_spun || (v->agnostic >= VERDICT_AGNOSTIC_MIN && sure >= 1);
}
