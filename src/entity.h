/*
 * entity: restores multi-word names that a spinner took apart word by word
 * ("Amnesty Worldwide" → "Amnesty International", "Finest Purchase" → "Best
 * Buy"). A run of capitalised words that is not a known name, but becomes
 * one when each word that differs is replaced by a thesaurus neighbour (a
 * word the spinner may have started from), is restored to that name.
 *
 * The gazetteer is dict/entities.txt (tools/build_entities.py: WordNet's
 * capitalised multi-word lemmas and a curated list). A run that is itself a
 * known name is never changed, so names are not "repaired" into other names;
 * a run that could become two different names is left alone. Only in
 * documents judged spun (doc.c). An entity set is read-only once loaded.
 */
#ifndef UNSPIN_ENTITY_H
#define UNSPIN_ENTITY_H

#include "detect.h"
#include "thesaurus.h"

#define ENTITIES_FILE "entities.txt"
#define ENTITY_MAX_WORDS 5

typedef struct entity_set entity_set;

/* Loads the gazetteer (one name a line, '#' comments); the words of each name
 * are looked up in t once. NULL when the file cannot be read. */
entity_set *entities_load(const char *path, const thesaurus *t);
/* Builds a gazetteer from memory (lines as in the file); for tests. */
entity_set *entities_from_buffer(const char *data, size_t len, const thesaurus *t);
void entities_free(entity_set *es);
size_t entities_count(const entity_set *es);
/* Whether the folded phrase (words joined by single spaces) is a known name. */
int entities_has(const entity_set *es, const char *folded);

/* Adds a finding (kind spun, class likely, rule "entity") for each run of
 * capitalised words in the segment that restores to exactly one known name,
 * skipping runs that findings already in out touch. *judged counts the
 * document's judged words, shared with the channel (CHANNEL_MAX_JUDGED). */
void entity_detect(const unspin_engine *e, const seg_ctx *s, finding_list *out, size_t *judged);

#endif
