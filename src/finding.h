/*
 * finding: one piece of damage found in a segment, with its ranked candidates.
 * Detectors produce findings; resolve decides which are applied; formats print
 * them. A finding owns its candidate strings; a finding list owns its findings.
 */
#ifndef UNSPIN_FINDING_H
#define UNSPIN_FINDING_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Confidence classes, shared by mapping entries and rules (unspin-dict(5)). */
enum klass {
    CLASS_SURE,    /* applied by default */
    CLASS_LIKELY,  /* applied at aggressive, or at normal in a spun document */
    CLASS_FLAG     /* reported, never applied */
};

enum finding_kind {
    KIND_SPUN,     /* a spinner's substitution */
    KIND_OCR,      /* scanning or encoding damage */
    KIND_SPELL     /* a non-word */
};

typedef struct candidate {
    char *text;          /* replacement text, case already transferred; owned */
    double score;
    const char *source;  /* "mapping", … ; static */
} candidate;

typedef struct finding {
    size_t start, end;   /* byte range in the segment */
    uint8_t kind;        /* enum finding_kind */
    uint8_t klass;       /* enum klass */
    uint8_t applied;     /* set by resolve */
    uint8_t deferred;    /* candidates and class still to come: detect_spell_complete */
    uint8_t unbuilt;     /* a mapping finding whose candidates are still to build: detect_mapping_complete */
    float margin;        /* LM: proposal's score minus the text's, log10 per word; NAN: unranked */
    const void *src;     /* the detector's own record (a map_entry); borrowed from the engine */
    const char *rule;    /* entry or rule id, e.g. "mapping.dict:120"; borrowed from the engine */
    candidate *cands;    /* cands[0] is the proposal */
    size_t ncands;
} finding;

typedef struct finding_list {
    finding *v;
    size_t n, cap;
} finding_list;

/* Appends a finding with no candidates; returns it for filling in. */
finding *finding_add(finding_list *l, size_t start, size_t end, int kind, int klass,
                     const char *rule);
void finding_add_cand(finding *f, const char *text, size_t len, double score,
                      const char *source);
/* Sorts by start and drops findings that overlap an earlier, stronger one. */
void finding_resolve_overlaps(finding_list *l);
void finding_list_clear(finding_list *l);
/* Frees what a finding owns (its candidates). */
void finding_free(finding *f);
void finding_list_free(finding_list *l);

const char *klass_name(int klass);
int klass_parse(const char *s, size_t n);   /* -1 when unknown */
const char *kind_name(int kind);

/* Writes text[0..len) with every applied finding replaced by its proposal. */
void finding_render(const char *text, size_t len, const finding_list *l, buf *out);

#endif
