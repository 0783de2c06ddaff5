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

void verdict_update(verdict *v)
{
    size_t sure = v->hits[CLASS_SURE];
    v->score = v->words ? 1000.0 * (double)sure / (double)v->words : 0.0;
    v->spun = sure >= VERDICT_MIN_SURE && v->score >= VERDICT_MIN_SCORE;
}
