/*
 * engine: the loaded data shared by all documents (private to the library).
 * Made once by unspin_engine_new, then read-only, but for the spelling cache
 * inside sp (see spell.h).
 */
#ifndef UNSPIN_ENGINE_H
#define UNSPIN_ENGINE_H

#include "entity.h"
#include "ignore.h"
#include "lm.h"
#include "mapping.h"
#include "names.h"
#include "spell.h"
#include "thesaurus.h"
#include "unspin.h"

struct unspin_engine {
    unspin_options opts;   /* dicts borrowed from the caller */
    mapping *map;          /* built-in + user mapping files; owned */
    lm *lm;                /* the language model; NULL when off or not built; owned */
    thesaurus *ths;        /* inverse Moby thesaurus; NULL without the model, or off; owned */
    entity_set *ents;        /* the names entity restoration restores to; NULL without ths; owned */
    spell *sp;             /* hunspell and its cache; NULL when spelling is off; owned */
    names *nm;             /* the names list (never corrected); owned, may be empty */
    names *compounds;      /* hyphenated compounds that keep their hyphen; owned */
    ignore_list *ign;      /* pairs the user rejected (--ignore, learned); owned, may be empty */
};

#endif
