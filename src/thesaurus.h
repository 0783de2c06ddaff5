/*
 * thesaurus: the inverse Moby thesaurus, a candidate source for words that no
 * mapping entry holds. For a spun word it gives the words a spinner may have
 * started from: the Moby head words whose entry lists it, and its own entry's
 * words, found through its lemma and put back into its inflection ("teams" →
 * team → group → "groups"; "ran" → run → … through WordNet's irregular forms).
 *
 * The table is dict/thesaurus.bin, written by tools/build_thesaurus.py (format
 * there); it is read whole into memory (about 5 MB), checked, and then
 * read-only, so documents may share it. Words are folded: lower case ASCII.
 */
#ifndef UNSPIN_THESAURUS_H
#define UNSPIN_THESAURUS_H

#include <stddef.h>
#include <stdint.h>

#define THESAURUS_FILE "thesaurus.bin"
#define THS_WORD_MAX 40

typedef struct thesaurus thesaurus;

/* The inflection a word carries relative to its lemma. */
enum ths_tag { THS_BASE, THS_S, THS_ED, THS_ING, THS_ER, THS_EST, THS_LY, THS_NTAGS };

typedef struct ths_cand {
    char word[THS_WORD_MAX];   /* the candidate, inflected like the spun word */
    uint32_t term;             /* its lemma's index in the table */
    uint32_t degree;           /* how many words its lemma links to (a spinner's choices) */
    uint8_t tag;               /* enum ths_tag */
} ths_cand;

/* Whether a candidate form is acceptable (e.g. known to the language model). */
typedef int (*ths_accept_fn)(void *ctx, const char *word);

/* Reads and checks the table; NULL with *why set when it cannot. */
thesaurus *thesaurus_open(const char *path, const char **why);
/* Builds a table from memory (the bytes are copied); for tests. */
thesaurus *thesaurus_from_buffer(const void *data, size_t len, const char **why);
void thesaurus_close(thesaurus *t);

size_t thesaurus_size(const thesaurus *t);
/* Index of a folded word, or (uint32_t)-1. */
uint32_t thesaurus_find(const thesaurus *t, const char *word);
const char *thesaurus_term(const thesaurus *t, uint32_t i);
uint32_t thesaurus_degree(const thesaurus *t, uint32_t i);
/* Writes up to max indices of the words linked to word i, ascending; returns how many. */
size_t thesaurus_links(const thesaurus *t, uint32_t i, uint32_t *out, size_t max);
/* Whether words a and b (indices) are linked. */
int thesaurus_linked(const thesaurus *t, uint32_t a, uint32_t b);

/* The lemmas of a folded word with the inflection each implies: writes up to
 * max (term, tag) pairs; returns how many. The word itself comes first. */
size_t thesaurus_lemmas(const thesaurus *t, const char *word, uint32_t *terms, uint8_t *tags,
                        size_t max);
/* Writes the forms of lemma under tag (irregular ones first), NUL-separated
 * into out; returns how many. */
size_t thesaurus_inflect(const thesaurus *t, const char *lemma, int tag, char *out, size_t cap);

/* Candidates for a folded word: lemmatise, look up, re-inflect; distinct
 * forms other than the word itself that accept (if not NULL) takes.
 * Returns how many were written (at most max). */
size_t thesaurus_candidates(const thesaurus *t, const char *word, ths_accept_fn accept,
                            void *ctx, ths_cand *out, size_t max);

#endif
