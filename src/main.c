/*
 * main: the unspin command. Parses options, loads the engine, and runs each
 * input through a document into the chosen format. All logic is in the library.
 */
#include "cmd.h"
#include "diag.h"
#include "fmt.h"
#include "mapping.h"
#include "options.h"
#include "unspin.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define READ_CHUNK 65536

/* Runs one input; returns 1 when it shows damage, 0 when not, -1 when unreadable. */
static int run_file(const unspin_engine *e, const char *path, fmt *out)
{
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    FILE *fp = is_stdin ? stdin : fopen(path, "rb");
    if (!fp) {
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){path, 0, 0}, "cannot open: %s",
             strerror(errno));
        return -1;
    }
    unspin_doc *d = unspin_doc_new(e, name, out);
    static char chunk[READ_CHUNK];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, fp)) > 0)
        unspin_doc_feed(d, chunk, got);
    int failed = ferror(fp);
    int saved = errno;
    unspin_result r;
    unspin_doc_finish(d, &r);
    unspin_doc_free(d);
    if (!is_stdin)
        fclose(fp);
    if (failed) {
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){path, 0, 0}, "read error: %s",
             strerror(saved));
        return -1;
    }
    /* Damage: a repair this level would apply, or a document judged spun. */
    return r.applied > 0 || r.v.spun;
}

static int lint(const cli *c)
{
    mapping *m = mapping_new();
    int errors = 0;
    if (c->nfiles) {
        for (size_t i = 0; i < c->nfiles; i++)
            errors += mapping_load_file(m, c->files[i], MAP_FORMAT_AUTO) != 0;
    } else {
        mapping_free(m);
        unspin_engine *e = unspin_engine_new(&c->lib);
        if (!e)
            return UNSPIN_EXIT_DATA;
        size_t problems = mapping_lint(unspin_engine_mapping(e));
        diag(DIAG_NOTE, 0, (diag_loc){0}, "%zu entries, %zu problems", unspin_engine_mapping(e)->n, problems);
        unspin_engine_free(e);
        return problems ? UNSPIN_EXIT_FOUND : UNSPIN_EXIT_OK;
    }
    size_t problems = mapping_lint(m);
    diag(DIAG_NOTE, 0, (diag_loc){0}, "%zu entries, %zu problems", m->n, problems);
    mapping_free(m);
    if (errors)
        return UNSPIN_EXIT_DATA;
    return problems ? UNSPIN_EXIT_FOUND : UNSPIN_EXIT_OK;
}

int main(int argc, char **argv)
{
    cli c;
    int rc = options_parse(argc, argv, &c);
    if (rc >= 0) {
        options_free(&c);
        return rc;
    }
    diag_set_quiet(c.quiet);
    if (c.cmd != CMD_FILTER) {
        rc = c.cmd == CMD_REVIEW ? cmd_review(&c) : cmd_apply(&c);
        options_free(&c);
        return rc;
    }
    if (c.lint) {
        rc = lint(&c);
        options_free(&c);
        return rc;
    }
    unspin_engine *e = unspin_engine_new(&c.lib);
    if (!e) {
        options_free(&c);
        return UNSPIN_EXIT_DATA;
    }
    int kind = c.format >= 0 ? c.format : (c.check ? FMT_CHECK : FMT_TEXT);
    fmt *out = fmt_new(kind, stdout);
    static char *const stdin_only[] = {"-"};
    char *const *files = c.nfiles ? c.files : stdin_only;
    size_t nfiles = c.nfiles ? c.nfiles : 1;
    int found = 0;
    for (size_t i = 0; i < nfiles; i++)
        found |= run_file(e, files[i], out) > 0;
    if (fflush(stdout) != 0 || ferror(stdout))
        diag(DIAG_ERROR, UNSPIN_EXIT_SYSERR, (diag_loc){0}, "write error: %s", strerror(errno));
    fmt_free(out);
    unspin_engine_free(e);
    options_free(&c);
    if (c.check && found)
        diag_raise(UNSPIN_EXIT_FOUND);
    return diag_status();
}
