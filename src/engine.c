/* engine: loads the data that documents share (see unspin.h). */
#include "buf.h"
#include "diag.h"
#include "engine.h"
#include "learn.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAPPING_FILE "mapping.dict"
#define NAMES_FILE "names.txt"          /* the name guard's list (tools/build_wordlists.py) */
#define COMPOUNDS_FILE "compounds.txt"  /* hyphenated compounds */
#define WORDS_FILE "words.txt"          /* the project's word list: valid, never corrected */
#define LANG_DEFAULT "en_US"
#define DICT_DIR_DEFAULT "/usr/share/hunspell"

const char *unspin_version(void)
{
    return UNSPIN_VERSION;
}

static int has_mapping(const char *dir)
{
    buf p = BUF_INIT;
    buf_printf(&p, "%s/%s", dir, MAPPING_FILE);
    int ok = access(p.data, R_OK) == 0;
    buf_free(&p);
    return ok;
}

/* The data directory beside the running binary: BINDIR/UNSPIN_REL_DATA_DIR
 * (../share/unspin), so that an installed tree works under any prefix and
 * when moved. Empty when unknown. */
static char exe_dir[PATH_MAX];
static pthread_once_t exe_once = PTHREAD_ONCE_INIT;

static void find_exe_dir(void)
{
    char self[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
    if (n <= 0)
        return;
    self[n] = '\0';
    char *slash = strrchr(self, '/');
    if (!slash)
        return;
    *slash = '\0';
    buf p = BUF_INIT;
    buf_printf(&p, "%s/%s", self, UNSPIN_REL_DATA_DIR);
    if (p.len < sizeof exe_dir)
        memcpy(exe_dir, p.data, p.len + 1);
    buf_free(&p);
}

static const char *installed_beside(void)
{
    pthread_once(&exe_once, find_exe_dir);
    return exe_dir[0] ? exe_dir : NULL;
}

const char *unspin_default_data_dir(void)
{
    const char *env = getenv("UNSPIN_DATA");
    if (env && *env)
        return env;
    /* An installed binary uses the data installed beside it; a build tree,
     * its own source's data; else the data directory chosen at build time. */
    const char *beside = installed_beside();
    if (beside && has_mapping(beside))
        return beside;
    if (has_mapping(UNSPIN_SOURCE_DATA_DIR))
        return UNSPIN_SOURCE_DATA_DIR;
    if (has_mapping(UNSPIN_INSTALL_DATA_DIR))
        return UNSPIN_INSTALL_DATA_DIR;
    return NULL;
}

/* Finds a data file that may be absent: --data-dir, $UNSPIN_DATA, the data
 * installed beside the binary, the source tree, the installed data. Returns
 * 1 with its path in p. */
static int find_data_file(const unspin_options *o, const char *name, buf *p)
{
    const char *env = getenv("UNSPIN_DATA");
    const char *beside = installed_beside();
    const char *dirs[] = {o->data_dir, env && *env ? env : NULL,
                          beside && has_mapping(beside) ? beside : NULL, UNSPIN_SOURCE_DATA_DIR,
                          UNSPIN_INSTALL_DATA_DIR};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        if (!dirs[i])
            continue;
        buf_clear(p);
        buf_printf(p, "%s/%s", dirs[i], name);
        if (access(p->data, R_OK) == 0)
            return 1;
        if (o->data_dir)
            return 0;   /* an explicit data directory is the only place looked at */
    }
    return 0;
}

/* The names list, compounds and hunspell with its word lists; returns the
 * number of errors reported. */
static int load_spelling(unspin_engine *e, const unspin_options *o)
{
    int errors = 0;
    buf p = BUF_INIT;
    e->nm = names_new();
    e->compounds = names_new();
    if (find_data_file(o, NAMES_FILE, &p))
        names_load(e->nm, p.data);
    if (find_data_file(o, COMPOUNDS_FILE, &p))
        names_load(e->compounds, p.data);
    if (!o->no_spell) {
        const char *lang = o->lang ? o->lang : LANG_DEFAULT;
        const char *dir = o->dict_dir ? o->dict_dir : DICT_DIR_DEFAULT;
        const char *why = NULL;
        e->sp = spell_new(dir, lang, &why);
        if (!e->sp && (o->lang || o->dict_dir)) {
            diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){0}, "hunspell dictionary %s/%s: %s",
                 dir, lang, why);
            errors++;
        } else if (!e->sp) {
            diag(DIAG_WARNING, 0, (diag_loc){0},
                 "hunspell dictionary %s/%s: %s; spelling and OCR word rules are off", dir, lang,
                 why);
        }
    }
    if (e->sp) {
        /* Names and the project's words are valid words too. */
        if (find_data_file(o, NAMES_FILE, &p))
            spell_add_file(e->sp, p.data);
        if (find_data_file(o, WORDS_FILE, &p))
            spell_add_file(e->sp, p.data);
    }
    /* Personal words: valid, and guarded like names. */
    if (o->words && names_load(e->nm, o->words) < 0) {
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){o->words, 0, 0}, "cannot read word list: %s",
             strerror(errno));
        errors++;
    } else if (o->words && e->sp) {
        spell_add_file(e->sp, o->words);
    }
    buf_free(&p);
    return errors;
}

/* The ignore lists, and what the user's reviews taught (learn.h): a learned
 * pair loads before every other mapping, so it wins. Missing files in
 * user_dir are fine; a missing --ignore file is an error. */
static int load_user(unspin_engine *e, const unspin_options *o)
{
    int errors = 0;
    e->ign = ignore_new();
    for (size_t i = 0; i < o->nignores; i++)
        if (ignore_load_file(e->ign, o->ignores[i]) != 0) {
            diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){o->ignores[i], 0, 0},
                 "cannot read ignore list: %s", strerror(errno));
            errors++;
        }
    if (!o->user_dir)
        return errors;
    buf p = BUF_INIT;
    buf_printf(&p, "%s/%s", o->user_dir, LEARN_MAPPING);
    if (access(p.data, F_OK) == 0)
        errors += mapping_load_file(e->map, p.data, MAP_FORMAT_DICT) != 0;
    buf_clear(&p);
    buf_printf(&p, "%s/%s", o->user_dir, LEARN_IGNORE);
    if (access(p.data, F_OK) == 0 && ignore_load_file(e->ign, p.data) != 0) {
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){p.data, 0, 0}, "cannot read ignore list: %s",
             strerror(errno));
        errors++;
    }
    buf_free(&p);
    return errors;
}

unspin_engine *unspin_engine_new(const unspin_options *o)
{
    unspin_engine *e = xcalloc(1, sizeof *e);
    e->opts = *o;
    e->map = mapping_new();
    int errors = 0;
    /* The user's files load first: for the same phrase, the first entry wins. */
    errors += load_user(e, o);
    for (size_t i = 0; i < o->ndicts; i++)
        errors += mapping_load_file(e->map, o->dicts[i], MAP_FORMAT_AUTO) != 0;
    if (!o->no_mapping) {
        const char *dir = o->data_dir ? o->data_dir : unspin_default_data_dir();
        if (!dir) {
            diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){0},
                 "cannot find %s (use --data-dir or UNSPIN_DATA)", MAPPING_FILE);
            errors++;
        } else {
            buf p = BUF_INIT;
            buf_printf(&p, "%s/%s", dir, MAPPING_FILE);
            errors += mapping_load_file(e->map, p.data, MAP_FORMAT_DICT) != 0;
            buf_free(&p);
        }
    }
    errors += load_spelling(e, o);
    if (!o->no_lm && lm_available()) {
        const char *path = o->lm_path ? o->lm_path : LM_DEFAULT_PATH;
        e->lm = lm_open(path);
        if (!e->lm)   /* ranking is an improvement, not a requirement */
            diag(DIAG_WARNING, 0, (diag_loc){path, 0, 0},
                 "cannot load the language model; candidates are not ranked (--no-lm hides this)");
    }
    /* The thesaurus proposes candidates only for the model to judge. */
    if (e->lm && !o->no_thesaurus) {
        buf p = BUF_INIT;
        const char *why = NULL;
        if (find_data_file(o, THESAURUS_FILE, &p)) {
            e->ths = thesaurus_open(p.data, &why);
            if (!e->ths) {
                diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){p.data, 0, 0}, "%s", why);
                errors++;
            }
        }
        if (e->ths && find_data_file(o, ENTITIES_FILE, &p))
            e->ents = entities_load(p.data, e->ths);
        buf_free(&p);
    }
    if (errors) {
        unspin_engine_free(e);
        return NULL;
    }
    return e;
}

void unspin_engine_free(unspin_engine *e)
{
    if (!e)
        return;
    mapping_free(e->map);
    lm_close(e->lm);
    thesaurus_close(e->ths);
    entities_free(e->ents);
    spell_free(e->sp);
    names_free(e->nm);
    names_free(e->compounds);
    ignore_free(e->ign);
    free(e);
}

const struct mapping *unspin_engine_mapping(const unspin_engine *e)
{
    return e->map;
}
