/*
 * casing: carries the case shape of a matched span over to its replacement.
 * "PINK MILITARY" → "RED ARMY", "Pink Military" → "Red Army", "Nationwide
 * safety" → "National security"; a lower-case span keeps the replacement as
 * the mapping writes it ("america" → "the United States").
 */
#ifndef UNSPIN_CASING_H
#define UNSPIN_CASING_H

#include <stddef.h>

#include "buf.h"
#include "token.h"

enum case_pattern {
    CASEP_ASIS,    /* keep the replacement as written */
    CASEP_FIRST,   /* capitalise its first letter */
    CASEP_TITLE,   /* capitalise each word but small function words */
    CASEP_UPPER    /* upper-case it all */
};

/* The pattern of the word tokens among toks[0..n) of text. */
int casing_pattern(const char *text, const token *toks, size_t n);
/* Appends repl[0..len) to out in the given pattern. */
void casing_apply(const char *repl, size_t len, int pattern, buf *out);
/* Small words that title case leaves in lower case (of, the, and, …). */
int casing_is_small_word(const char *w, size_t n);

#endif
