/*
 * names: the name guard. Names are not typos: before a spelling or OCR rule
 * proposes a correction for a word, it asks names_guard whether the word must
 * be left alone. A word is guarded when it is
 *
 *   - capitalised inside a sentence ("Taiba", "Qaeda" after "Al-"),
 *   - written in capitals or mixed case (ISI, NATO, iPhone, McDonald),
 *   - made of letters and digits (COVID-19, mp3; the OCR glyph rule looks at
 *     0 and 1 inside letters itself),
 *   - in the names list (dict/names.txt: WordNet's capitalised lemmas plus
 *     curated names; a lower-case entry also guards the lower-case word),
 *   - part of a URL, an e-mail address, a hashtag or handle, or a code-like
 *     chunk (file.txt, snake_case, a/b, x=y, <tag>).
 *
 * A names list is read-only once loaded. Used by detect_ocr and detect_spell.
 */
#ifndef UNSPIN_NAMES_H
#define UNSPIN_NAMES_H

#include <stddef.h>

#include "token.h"

enum name_guard {
    GUARD_NONE,      /* may be corrected */
    GUARD_CAPITAL,   /* capitalised inside a sentence */
    GUARD_ACRONYM,   /* capitals or mixed case */
    GUARD_DIGIT,     /* letters and digits */
    GUARD_KNOWN,     /* in the names list */
    GUARD_URL,       /* inside a URL or domain name */
    GUARD_EMAIL,     /* inside an e-mail address */
    GUARD_TAG,       /* a hashtag or @handle */
    GUARD_CODE       /* a code-like chunk */
};

typedef struct names names;

/* An empty list; free with names_free. */
names *names_new(void);
void names_free(names *nm);
/* Adds one name as written. */
void names_add(names *nm, const char *w, size_t n);
/* Loads a list (one name per line, '#' comments); returns the number of
 * names, or -1 when the file cannot be read. */
long names_load(names *nm, const char *path);
/* Whether w[0..n) is in the list: as written, or case-folded when the word
 * is not all lower case. */
int names_has(const names *nm, const char *w, size_t n);
/* Whether w[0..n) is in the list as written, or as its lower-case form when
 * it is only capitalised ("Thc" is not "THC"; "The" finds "the"). */
int names_has_written(const names *nm, const char *w, size_t n);
size_t names_count(const names *nm);

/* Why word token t[i] of text must not be corrected (enum name_guard);
 * GUARD_NONE when it may be. nm may be NULL. */
int names_guard(const names *nm, const char *text, const token *t, size_t n, size_t i);
/* The URL/e-mail/tag/code test alone, for tokens of any type. */
int names_chunk_guard(const char *text, const token *t, size_t n, size_t i);

#endif
