/*
 * batch: one run of the command over all its inputs. It turns the inputs
 * into files (walk), runs them as jobs on worker threads (pool) with output
 * in input order, sends each file's output where it belongs (the output
 * stream, the file itself with --in-place, a mirror tree with --output-dir),
 * reads JSON Lines in record mode (jsonrec), and keeps the figures for
 * --stats and the progress line. The engine is shared by every worker.
 */
#ifndef UNSPIN_BATCH_H
#define UNSPIN_BATCH_H

#include <stddef.h>
#include <stdio.h>

#include "unspin.h"
#include "walk.h"

typedef struct batch_opts {
    int format;               /* enum fmt_kind */
    const char *jsonl_field;  /* record mode: the member to repair; NULL: text */
    int drop_bad;             /* record mode: drop malformed records */
    int in_place;             /* replace each file with its repaired text */
    const char *backup;       /* with in_place: keep the old file as FILE+backup; NULL: none */
    const char *output_dir;   /* write each file's output to output_dir/PATH */
    walk_opts walk;
    size_t jobs;              /* worker threads; 0 or 1: none */
    int progress;             /* -1: when stderr is a terminal; 0: never; 1: always */
    int stats;                /* print the summary on stderr */
} batch_opts;

/* Runs inputs args[0..n) (none: standard input). Problems are reported
 * through diag. Returns 1 when some document shows damage (a repair the
 * level applies, or a document judged spun), else 0. */
int batch_run(const unspin_engine *e, const batch_opts *o, const char *const *args, size_t n,
              FILE *out);

/* Makes sure descriptors 0-2 are open (on /dev/null, read-only, so that a
 * write to a closed standard output fails instead of landing in a file the
 * program opens later). Returns a bit mask of those that were closed. */
int batch_guard_stdio(void);

#endif
