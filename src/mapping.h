/*
 * mapping: the curated mapping of spun phrases to their originals
 * (file format: unspin-dict(5)). Loads mapping files into a word trie,
 * reports bad lines as "FILE:LINE: error: …", and lints them.
 * A mapping owns its entries, their strings and compiled patterns; it is
 * read-only once loaded, so documents may share it.
 */
#ifndef UNSPIN_MAPPING_H
#define UNSPIN_MAPPING_H

#include <stddef.h>
#include <stdint.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

#include "trie.h"

enum {
    MAPF_CASE_EXACT = 1 << 0,  /* match only the case written in the file */
    MAPF_GATE_SPUN = 1 << 1    /* applied only in documents judged spun, at any level */
};

typedef struct map_entry {
    char *spun;            /* as written in the file */
    char *key;             /* folded tokens joined by single spaces: verifies matches */
    char **origs;          /* origs[0] is the proposal, the rest alternatives */
    size_t norigs;
    int klass;             /* enum klass */
    unsigned flags;        /* MAPF_* */
    unsigned n, keep;      /* evidence: substitutions seen / times left unchanged */
    pcre2_code *cond[4];   /* before, after, !before, !after (NULL when absent) */
    char *id;              /* "FILE:LINE" with the file's base name */
    const char *file;      /* full path (interned in the mapping) */
    size_t line;
    int32_t next;          /* next entry with the same key, or -1 */
    unsigned words;        /* words in the spun phrase */
} map_entry;

enum { COND_BEFORE, COND_AFTER, COND_NOT_BEFORE, COND_NOT_AFTER };

typedef struct mapping {
    map_entry *v;
    size_t n, cap;
    trie *trie;
    char **files;          /* interned file names */
    size_t nfiles;
} mapping;

/* Line formats a file may use. */
enum map_format {
    MAP_FORMAT_DICT,       /* spun TAB original TAB class [TAB attributes] */
    MAP_FORMAT_AUTO        /* also accepts two-column tortured-phrase lists */
};

mapping *mapping_new(void);
void mapping_free(mapping *m);
/* Loads a file; returns the number of bad lines (each reported through diag),
 * or -1 when the file cannot be read. */
int mapping_load_file(mapping *m, const char *path, int format);
/* Loads from memory (name is used in messages); same return value. */
int mapping_load_buffer(mapping *m, const char *name, const char *data, size_t len, int format);
/* Reports duplicates, conflicts and chains as warnings; returns their number. */
size_t mapping_lint(const mapping *m);

#endif
