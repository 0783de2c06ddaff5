/*
 * verdict: is a document spun, and how badly? The first version counts sure
 * mapping hits per 1,000 words (thresholds in verdict.c, documented in
 * unspin(1)). It keeps counts, not text, so it works on a stream.
 */
#ifndef UNSPIN_VERDICT_H
#define UNSPIN_VERDICT_H

#include <stddef.h>

typedef struct verdict {
    size_t words;
    size_t hits[3];      /* findings per class (enum klass) */
    double score;        /* sure hits per 1,000 words */
    int spun;
} verdict;

/* Recomputes score and spun from the counts. */
void verdict_update(verdict *v);

#endif
