/* cmd: `unspin review` and `unspin apply`; see cmd.h. */
#include "cmd.h"
#include "apply.h"
#include "atomicfile.h"
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

/* Reviews each path and writes its findings at once, so that memory holds
 * one file's findings at a time. */
static void review_stream(const cli *c, const unspin_engine *e, FILE *out)
{
    review r;
    review_init(&r);
    r.level = c->lib.level;
    review_write_head(&r, out);
    size_t counts[3] = {0, 0, 0}, files = 0;
    for (size_t i = 0; i < c->nfiles; i++) {
        if (review_collect(&r, e, c->files[i]) != 0)
            continue;
        review_write_file(&r.files[0], out);
        review_count_decisions(&r.files[0], counts);
        review_pop_file(&r);
        files++;
    }
    review_free(&r);
    diag(DIAG_NOTE, 0, (diag_loc){c->output, 0, 0}, "%zu findings in %zu %s: %zu accept, %zu reject, %zu pending",
         counts[0] + counts[1] + counts[2], files, plural(files, "file", "files"), counts[DECIDE_ACCEPT],
         counts[DECIDE_REJECT], counts[DECIDE_PENDING]);
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
        int rc = tui_review(&r, c->output, c->all);
        review_free(&r);
        diag_raise(rc);
        return diag_status();
    }
    unspin_engine *e = unspin_engine_new(&c->lib);
    if (!e)
        return UNSPIN_EXIT_DATA;
    if (c->interactive) {
        r.level = c->lib.level;
        for (size_t i = 0; i < c->nfiles; i++)
            review_collect(&r, e, c->files[i]);
        unspin_engine_free(e);
        int rc = tui_review(&r, c->output, c->all);
        review_free(&r);
        diag_raise(rc);
        return diag_status();
    }
    if (c->output) {
        atomic_file *a = atomic_open(c->output);
        if (a) {
            review_stream(c, e, atomic_stream(a));
            atomic_commit(a, NULL);
        }
    } else {
        review_stream(c, e, stdout);
        if (fflush(stdout) != 0 || ferror(stdout))
            diag(DIAG_ERROR, UNSPIN_EXIT_SYSERR, (diag_loc){0}, "write error: %s", strerror(errno));
    }
    unspin_engine_free(e);
    return diag_status();
}

typedef struct apply_run {
    const apply_options *o;
    apply_stats st;
    learn *learned;      /* --learn; NULL: off */
} apply_run;

static void apply_one(const review_file *f, void *ctx)
{
    apply_run *run = ctx;
    apply_file(f, run->o, &run->st);
    if (run->learned)
        learn_file(run->learned, f);
}

int cmd_apply(const cli *c)
{
    if (c->nfiles != 1)
        return usage_error("apply", "apply needs one REVIEW file");
    const char *name = c->files[0];
    buf text = BUF_INIT;
    if (review_read(name, &text) != 0) {
        buf_free(&text);
        return diag_status();
    }
    /* Check the whole review first: a review with errors applies nothing.
     * Then apply it file by file, holding one file's findings at a time. */
    size_t errors = review_check(name, text.data, text.len);
    if (errors) {
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){name, 0, 0}, "%zu %s in the review file; nothing applied",
             errors, plural(errors, "error", "errors"));
        buf_free(&text);
        return diag_status();
    }
    apply_options o = {c->relocate, c->backup, c->dry_run, stdout};
    apply_run run = {&o, {0}, NULL};
    apply_init(&run.st);
    if (c->learn && !c->dry_run) {
        if (!c->user_dir)
            diag(DIAG_ERROR, UNSPIN_EXIT_USAGE, (diag_loc){0},
                 "--learn needs $XDG_CONFIG_HOME or $HOME to know where to write");
        else
            run.learned = learn_open(c->user_dir);
    }
    review r;
    review_init(&r);
    review_parse_each(&r, name, text.data, text.len, apply_one, &run);
    apply_finish(&run.st, &o);
    review_free(&r);
    buf_free(&text);
    const apply_stats st = run.st;
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
    if (run.learned) {
        size_t na, nr;
        if (learn_close(run.learned, &na, &nr) == 0)
            diag(DIAG_NOTE, 0, (diag_loc){c->user_dir, 0, 0},
                 "learned %zu accepted %s (%s) and %zu rejected (%s)", na, plural(na, "pair", "pairs"),
                 LEARN_MAPPING, nr, LEARN_IGNORE);
    }
    return diag_status();
}
