/*
 * walk: turns the command line's inputs into the list of files to read.
 * A file is taken as named; a directory (with recursive) is walked in sorted
 * order, depth first, keeping the files that --include and --exclude let
 * through. Symbolic links met inside a walk are not followed (as in grep -r),
 * so a walk cannot loop; links named on the command line are.
 *
 * Binary files found by a walk are skipped, by walk_is_binary's rule (the
 * one unspin(1) documents).
 */
#ifndef UNSPIN_WALK_H
#define UNSPIN_WALK_H

#include <stddef.h>

#define WALK_SNIFF 8192   /* bytes looked at by walk_is_binary */

typedef struct walk_opts {
    int recursive;
    const char *const *include;   /* fnmatch globs on the file name; none: all files */
    size_t ninclude;
    const char *const *exclude;   /* globs on the name or the path; matched dirs are not entered */
    size_t nexclude;
} walk_opts;

/* One file to read. */
typedef struct walk_file {
    char *path;      /* owned; "-" is standard input */
    int found;       /* found by a walk (and so skipped when binary) */
} walk_file;

typedef struct walk_list {
    walk_file *v;
    size_t n, cap;
} walk_list;

/* Appends the files of args[0..n) to out. Problems (a missing file, a
 * directory without recursive, an unreadable directory) are reported through
 * diag; the rest goes on. Returns the number of problems. */
size_t walk(const char *const *args, size_t n, const walk_opts *o, walk_list *out);
void walk_list_free(walk_list *l);

/* Whether the first bytes of a file, data[0..n) (at most WALK_SNIFF), say
 * it is binary: a NUL byte, or more than one byte in 8 that is not part of
 * valid UTF-8 (a sequence cut at the end of the sample does not count).
 * The pipeline passes a segment that fails it through unexamined (doc.c). */
int walk_is_binary(const char *data, size_t n);

/* Whether a name matches one of the globs (fnmatch, no flags). */
int walk_match(const char *const *globs, size_t n, const char *name);

#endif
