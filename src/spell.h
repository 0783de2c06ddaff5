/*
 * spell: the hunspell wrapper, used by the OCR and spelling detectors.
 *
 * It loads a project-generated copy of the dictionary's .aff: the system file
 * plus MAXNGRAMSUGS 0 (no slow n-gram suggestions: about 3 ms per word instead
 * of 27) and REP pairs for OCR glyph confusions (rn→m, cl→d, …), so that
 * "rnilitary" gets military as its only suggestion. The copy is a temporary
 * file, removed as soon as hunspell has read it.
 *
 * Results are cached per word type (check and suggestions), in a table that
 * is emptied when it grows past a bound, so memory stays bounded. Each
 * thread has its own cache (made on its first lookup, freed when the thread
 * ends or with the spell); calls into hunspell are serialised by a lock. So
 * a spell handle may be shared by many threads for lookups; adding words
 * (spell_add, spell_add_file) must happen before it is shared.
 *
 * Words are UTF-8. A trailing apostrophe (' or ’) is ignored ("governments’");
 * suggestions come back with the input's curly apostrophe when it used one.
 */
#ifndef UNSPIN_SPELL_H
#define UNSPIN_SPELL_H

#include <stddef.h>
#include <stdint.h>

#define SPELL_MAX_SUGS 8     /* suggestions kept per word */
#define SPELL_MAX_WORD 100   /* longer words are not looked at (always "valid") */

typedef struct spell spell;

/* Suggestions for one word, borrowed from the calling thread's cache: valid
 * until that thread's next call on the same spell handle. */
typedef struct spell_list {
    const char *v[SPELL_MAX_SUGS];
    size_t n;
} spell_list;

/* The REP pairs added to the .aff (damaged → original), NULL-terminated
 * pairs; exposed for the tests and unspin(1). */
extern const char *const spell_ocr_rep[];

/* Opens dict_dir/lang.aff + .dic. Returns NULL and sets *why (static text)
 * when the files are missing, unreadable or not UTF-8. Free with spell_free. */
spell *spell_new(const char *dict_dir, const char *lang, const char **why);
void spell_free(spell *s);

/* Adds a word that is valid from now on (personal and project lists). */
void spell_add(spell *s, const char *w, size_t n);
/* Loads a word list (one word per line, '#' comments); returns the number of
 * words, or -1 when the file cannot be read. */
long spell_add_file(spell *s, const char *path);

/* Whether w[0..n) is a valid word. */
int spell_check(spell *s, const char *w, size_t n);
/* The same, given hash = tok_hash_bytes(w, n) (the token hash of a lower-case
 * ASCII token, which the tokenizer has computed already). */
int spell_check_hashed(spell *s, const char *w, size_t n, uint32_t hash);
/* hunspell's ranked suggestions for w[0..n) (at most SPELL_MAX_SUGS). */
size_t spell_suggest(spell *s, const char *w, size_t n, spell_list *out);

/* Whether w[0..n) is English-shaped: every letter trigram of it (word edges
 * included) occurs in the dictionary's lower-case words and their common
 * inflections. "rnilitary" (^rn) and "inforrnation" (rrn) are not; rare
 * and foreign words ("carne", "dans") mostly are. Non-letters count as
 * shaped. Used as evidence that a non-word is damage, not a word. */
int spell_shaped(const spell *s, const char *w, size_t n);

/* Whether every letter of w[0..n) is in the dictionary's alphabet (ASCII
 * letters and the .aff's TRY characters): "привет" is not English. */
int spell_in_alphabet(const spell *s, const char *w, size_t n);

/* Whether suggestion s is only another spelling of w[0..n): British or
 * older forms of the same word (colour/color, centre/center, traveller/
 * traveler, realise/realize, encyclopaedia, defence), not a correction. */
int spell_variant(const char *w, size_t n, const char *s);
/* Whether w[0..n) is another spelling of a valid word: its American form
 * (as spell_variant makes it) differs and is valid ("offence", "colour"). */
int spell_variant_valid(spell *sp, const char *w, size_t n);

/* A small note a caller keeps on a word type in the cache (0 until set; lost
 * when the cache is emptied): the OCR rules note non-words that have no
 * reading, so that the next occurrence costs one lookup. */
int spell_note(spell *s, const char *w, size_t n);
void spell_set_note(spell *s, const char *w, size_t n, int note);

/* The calling thread's cache statistics, for tests and tuning. */
typedef struct spell_stats {
    size_t checks, check_misses;     /* lookups, and those that asked hunspell */
    size_t suggests, suggest_misses;
    size_t resets;                   /* times the cache was emptied */
} spell_stats;
void spell_get_stats(const spell *s, spell_stats *out);

#endif
