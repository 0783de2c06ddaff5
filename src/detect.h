/*
 * detect: the detectors, a table of same-shaped functions. Each looks at one
 * tokenized segment and appends findings; none changes the text. Overlaps
 * between detectors are resolved afterwards (finding_resolve_overlaps).
 */
#ifndef UNSPIN_DETECT_H
#define UNSPIN_DETECT_H

#include "finding.h"
#include "token.h"
#include "unspin.h"

typedef struct seg_ctx {
    const char *text;       /* the segment's bytes */
    size_t len;
    const tok_list *toks;
} seg_ctx;

typedef void (*detect_fn)(const unspin_engine *e, const seg_ctx *s, finding_list *out);

typedef struct detector {
    const char *name;
    detect_fn run;
} detector;

/* Spun phrases from the curated mapping (detect_mapping.c). */
void detect_mapping(const unspin_engine *e, const seg_ctx *s, finding_list *out);

/* All detectors, NULL-terminated, in the order they run. */
extern const detector detectors[];

#endif
