/*
 * apply: carries out the accepted decisions of a review, and nothing else.
 *
 * Each file is read whole and its SHA-256 compared with the review's. A file
 * that matches gets its accepted replacements at the recorded byte ranges. A
 * file that changed is refused and left untouched, unless it already is the
 * result of this review (then nothing is to do) or relocation is asked for:
 * each finding is then looked up by its context (before, text, after) and
 * applied only where that occurs exactly once. Files are replaced through
 * atomicfile, so each is at every instant either the old or the new one.
 * Problems are reported through diag; the caller prints the summary.
 */
#ifndef UNSPIN_APPLY_H
#define UNSPIN_APPLY_H

#include <stddef.h>
#include <stdio.h>

#include "review.h"

typedef struct apply_queue apply_queue;

typedef struct apply_options {
    int relocate;             /* re-anchor findings in changed files by context */
    const char *backup;       /* keep the old file as FILE+backup; NULL: no backup */
    int dry_run;              /* write nothing; print the diff to diff_out */
    FILE *diff_out;
} apply_options;

typedef struct apply_stats {
    size_t files;             /* files in the review */
    size_t written;           /* replaced (or, with dry_run, that would be) */
    size_t unchanged;         /* nothing accepted, or nothing to change */
    size_t already;           /* already the result of this review */
    size_t stale;             /* changed since the review and refused */
    size_t failed;            /* unreadable or not writable */
    size_t applied;           /* accepted findings carried out */
    size_t skipped;           /* rejected or pending findings */
    size_t refused;           /* accepted findings that could not be carried out */
    apply_queue *queue;      /* files written, waiting to be replaced together; owned */
} apply_stats;

/*
 *     apply_stats st; apply_init(&st);
 *     apply_file(f, &o, &st); ...        // each file of the review
 *     apply_finish(&st, &o);             // the last files are replaced here
 *
 * apply_file applies one file's accepted findings; the new files are
 * replaced in groups (atomic_commit_many), so the counts in *st are final
 * after apply_finish. Problems go through diag (exit status 1: something
 * refused, 3: unreadable, 4: not writable).
 */
void apply_init(apply_stats *st);
void apply_file(const review_file *f, const apply_options *o, apply_stats *st);
void apply_finish(apply_stats *st, const apply_options *o);
/* All of the above for a review in memory. */
void apply_review(const review *r, const apply_options *o, apply_stats *st);

#endif
