/*
 * unspin.h: the library's public interface.
 *
 * An engine holds the loaded data (mapping, …); it is read-only once made and
 * may be shared by many documents. A document is fed the bytes of one input,
 * in pieces of any size, and hands repaired segments and findings to a format
 * (fmt.h) as it goes; memory stays bounded however long the input.
 *
 *     unspin_engine *e = unspin_engine_new(&opts);   // NULL: data errors were reported
 *     unspin_doc *d = unspin_doc_new(e, "name", out);
 *     unspin_doc_feed(d, bytes, n); ...
 *     unspin_doc_finish(d, &result);
 *     unspin_doc_free(d); unspin_engine_free(e);
 */
#ifndef UNSPIN_H
#define UNSPIN_H

#include <stddef.h>
#include <stdint.h>

#include "verdict.h"

struct fmt;

enum unspin_level {
    UNSPIN_LEVEL_SAFE,        /* sure repairs only */
    UNSPIN_LEVEL_NORMAL,      /* + likely ones in documents judged spun */
    UNSPIN_LEVEL_AGGRESSIVE   /* + likely ones everywhere */
};

typedef struct unspin_options {
    int level;                 /* enum unspin_level */
    int no_mapping;            /* do not load the built-in mapping */
    const char *data_dir;      /* where mapping.dict lives; NULL: the default search */
    const char *const *dicts;  /* extra mapping files (unspin-dict(5) or two-column lists) */
    size_t ndicts;
    size_t window;             /* look-ahead for the verdict, bytes (0: default) */
    int no_lm;                 /* do not rank candidates with the language model */
    const char *lm_path;       /* the model; NULL: LM_DEFAULT_PATH */
    int no_thesaurus;          /* no thesaurus candidates (channel.h) */
    int assume_spun;           /* treat every document as judged spun */
    const char *lang;          /* hunspell dictionary name; NULL: en_US */
    const char *dict_dir;      /* where LANG.aff and LANG.dic live; NULL: /usr/share/hunspell */
    const char *words;         /* personal word list (one word per line), or NULL */
    int no_spell;              /* no hunspell: no spelling findings, no OCR word rules */
    const char *const *ignores; /* ignore lists (unspin-review(5)): pairs never applied nor reported */
    size_t nignores;
    const char *user_dir;      /* learned.dict and ignore list (learn.h); NULL: none */
} unspin_options;

typedef struct unspin_engine unspin_engine;
typedef struct unspin_doc unspin_doc;

/* What a finished document amounts to. */
typedef struct unspin_result {
    verdict v;
    size_t findings;           /* reported */
    size_t applied;            /* applied at the chosen level */
} unspin_result;

const char *unspin_version(void);
/* The data directory that the default search finds, or NULL. */
const char *unspin_default_data_dir(void);

/* Loads the data; returns NULL (after reporting through diag) on bad data. */
unspin_engine *unspin_engine_new(const unspin_options *o);
void unspin_engine_free(unspin_engine *e);
const struct mapping *unspin_engine_mapping(const unspin_engine *e);

/* name is used in output and messages; out receives the results. */
unspin_doc *unspin_doc_new(const unspin_engine *e, const char *name, struct fmt *out);
void unspin_doc_feed(unspin_doc *d, const char *data, size_t len);
void unspin_doc_finish(unspin_doc *d, unspin_result *r);
void unspin_doc_free(unspin_doc *d);

#endif
