/* engine: loads the data that documents share (see unspin.h). */
#include "buf.h"
#include "diag.h"
#include "engine.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAPPING_FILE "mapping.dict"

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

const char *unspin_default_data_dir(void)
{
    const char *env = getenv("UNSPIN_DATA");
    if (env && *env)
        return env;
    /* A build tree uses its own source's data; an installed copy, the installed data. */
    if (has_mapping(UNSPIN_SOURCE_DATA_DIR))
        return UNSPIN_SOURCE_DATA_DIR;
    if (has_mapping(UNSPIN_INSTALL_DATA_DIR))
        return UNSPIN_INSTALL_DATA_DIR;
    return NULL;
}

unspin_engine *unspin_engine_new(const unspin_options *o)
{
    unspin_engine *e = xcalloc(1, sizeof *e);
    e->opts = *o;
    e->map = mapping_new();
    int errors = 0;
    /* The user's files load first: for the same phrase, the first entry wins. */
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
    free(e);
}

const struct mapping *unspin_engine_mapping(const unspin_engine *e)
{
    return e->map;
}
