/*
 * main: the unspin command. Parses options, loads the engine, and hands the
 * inputs to a batch (batch.h). All logic is in the library.
 */
#include "batch.h"
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
    int closed = batch_guard_stdio();
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
    int to_stdout = !c.batch.in_place && !c.batch.output_dir;
    if (to_stdout && (closed & 2)) {
        diag(DIAG_ERROR, UNSPIN_EXIT_SYSERR, (diag_loc){0}, "standard output is closed");
    } else {
        int found = batch_run(e, &c.batch, (const char *const *)c.files, c.nfiles, stdout);
        if (c.check && found)
            diag_raise(UNSPIN_EXIT_FOUND);
    }
    if (fflush(stdout) != 0 || ferror(stdout))
        diag(DIAG_ERROR, UNSPIN_EXIT_SYSERR, (diag_loc){0}, "write error: %s", strerror(errno));
    unspin_engine_free(e);
    options_free(&c);
    return diag_status();
}
