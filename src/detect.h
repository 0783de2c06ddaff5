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

/* Spun phrases from the curated mapping (detect_mapping.c). Its findings come
 * without candidates (most are never shown: a likely word in a clean
 * document); detect_mapping_complete builds them, case and gaps carried
 * over and ranked by the language model (when there is a choice, or when
 * `margin` asks for the model's margin anyway), in the finding's tokenized segment. */
void detect_mapping(const unspin_engine *e, const seg_ctx *s, finding_list *out);
void detect_mapping_complete(const unspin_engine *e, const seg_ctx *s, finding *f, int margin);

/* OCR and encoding damage (detect_ocr.c). */
void detect_ocr(const unspin_engine *e, const seg_ctx *s, finding_list *out);
/* Web-template leftovers: entities, spintax, "[email protected]" (detect_web.c). */
void detect_web(const unspin_engine *e, const seg_ctx *s, finding_list *out);
/* Non-words with hunspell's suggestions (detect_spell.c). Its findings come
 * deferred: suggestions cost milliseconds, so they are computed only when the
 * finding can be applied or shown, by detect_spell_complete (seg is the
 * finding's segment). */
void detect_spell(const unspin_engine *e, const seg_ctx *s, finding_list *out);
void detect_spell_complete(const unspin_engine *e, const char *seg, finding *f);

/* All detectors, NULL-terminated, in the order they run. */
extern const detector detectors[];

#endif
