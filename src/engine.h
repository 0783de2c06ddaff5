/*
 * engine: the loaded data shared by all documents (private to the library).
 * Made once by unspin_engine_new, then read-only.
 */
#ifndef UNSPIN_ENGINE_H
#define UNSPIN_ENGINE_H

#include "mapping.h"
#include "unspin.h"

struct unspin_engine {
    unspin_options opts;   /* dicts borrowed from the caller */
    mapping *map;          /* built-in + user mapping files; owned */
};

#endif
