/* cmd: `unspin review` and `unspin apply`; see cmd.h. */
#include "cmd.h"
#include "apply.h"
#include "diag.h"
#include "learn.h"
#include "review.h"
#include "tui.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char *plural(size_t n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

static int usage_error(const char *cmd, const char *msg)
{
    fprintf(stderr, "unspin: error: %s\nTry 'unspin %s --help' for more information.\n", msg, cmd);
    return UNSPIN_EXIT_USAGE;
}

int cmd_review(const cli *c)
{
    if (c->interactive && !c->output)
        return usage_error("review", "review -i needs -o FILE: the file where decisions are saved");
    if (!c->interactive && !c->nfiles)
        return usage_error("review", "review needs at least one PATH");
    for (size_t i = 0; i < c->nfiles; i++)
        if (strcmp(c->files[i], "-") == 0)
            return usage_error("review", "review needs files: standard input cannot be applied back");
    if (c->interactive && !(isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))) {
        diag(DIAG_ERROR, UNSPIN_EXIT_USAGE, (diag_loc){0},
             "review -i needs a terminal on standard input and output; "
             "without -i, review writes a file to edit in any editor");
        return diag_status();
    }
    review r;
    review_init(&r);
    if (c->interactive && !c->nfiles) {
        /* Resume the saved session. */
        long errors = review_load(&r, c->output);
        if (errors != 0) {
            if (errors > 0)
                diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){c->output, 0, 0},
                     "%ld errors in the review file; fix them to resume", errors);
            review_free(&r);
            return diag_status();
        }
    } else {
        unspin_engine *e = unspin_engine_new(&c->lib);
        if (!e)
            return UNSPIN_EXIT_DATA;
        r.level = c->lib.level;
        for (size_t i = 0; i < c->nfiles; i++)
            review_collect(&r, e, c->files[i]);
        unspin_engine_free(e);
    }
    if (c->interactive) {
        int rc = tui_review(&r, c->output, c->all);
        review_free(&r);
        diag_raise(rc);
        return diag_status();
    }
    if (c->output) {
        review_save(&r, c->output);
    } else {
        review_write(&r, stdout);
        if (fflush(stdout) != 0 || ferror(stdout))
            diag(DIAG_ERROR, UNSPIN_EXIT_SYSERR, (diag_loc){0}, "write error: %s", strerror(errno));
    }
    review_free(&r);
    return diag_status();
}

int cmd_apply(const cli *c)
{
    if (c->nfiles != 1)
        return usage_error("apply", "apply needs one REVIEW file");
    review r;
    review_init(&r);
    long errors = review_load(&r, c->files[0]);
    if (errors != 0) {
        if (errors > 0)
            diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){c->files[0], 0, 0},
                 "%ld errors in the review file; nothing applied", errors);
        review_free(&r);
        return diag_status();
    }
    apply_options o = {c->relocate, c->backup, c->dry_run, stdout};
    apply_stats st;
    apply_review(&r, &o, &st);
    if (c->dry_run && (fflush(stdout) != 0 || ferror(stdout)))
        diag(DIAG_ERROR, UNSPIN_EXIT_SYSERR, (diag_loc){0}, "write error: %s", strerror(errno));
    buf sum = BUF_INIT;
    buf_printf(&sum, "%zu %s: %zu %s %s in %zu %s, %zu skipped (rejected or pending), %zu refused",
               st.files, plural(st.files, "file", "files"), st.applied, plural(st.applied, "fix", "fixes"),
               c->dry_run ? "would be applied" : "applied", st.written, plural(st.written, "file", "files"),
               st.skipped, st.refused);
    if (st.unchanged)
        buf_printf(&sum, "; %zu unchanged", st.unchanged);
    if (st.already)
        buf_printf(&sum, "; %zu already applied", st.already);
    if (st.stale)
        buf_printf(&sum, "; %zu changed since the review", st.stale);
    if (st.failed)
        buf_printf(&sum, "; %zu unreadable or not writable", st.failed);
    diag(DIAG_NOTE, 0, (diag_loc){0}, "%s", sum.data);
    buf_free(&sum);
    if (c->learn && !c->dry_run) {
        if (!c->user_dir) {
            diag(DIAG_ERROR, UNSPIN_EXIT_USAGE, (diag_loc){0},
                 "--learn needs $XDG_CONFIG_HOME or $HOME to know where to write");
        } else {
            size_t na, nr;
            if (learn_record(&r, c->user_dir, &na, &nr) == 0)
                diag(DIAG_NOTE, 0, (diag_loc){c->user_dir, 0, 0},
                     "learned %zu accepted pairs (%s) and %zu rejected ones (%s)", na, LEARN_MAPPING, nr,
                     LEARN_IGNORE);
        }
    }
    review_free(&r);
    return diag_status();
}
