/*
 * atomicfile: replace a file so that it is, at every instant, either the old
 * file or the new one. The new content goes to a temporary file in the same
 * directory as the target (so rename(2) is atomic), is fsync'ed, gets the old
 * file's permissions, and is renamed over the target. A symlink is followed:
 * its target is replaced and the link stays. Used by `apply` and `--in-place`.
 *
 *     atomic_file *a = atomic_open("doc.txt");   // NULL: reported through diag
 *     fwrite(..., atomic_stream(a));
 *     atomic_commit(a, ".orig");                 // or atomic_abort(a)
 *
 * For tests, UNSPIN_FAULT=commit-after-N in the environment makes the process
 * die at the worst moment: before the replacement after the N-th, with that
 * file's temporary half written (atomicfile.c).
 */
#ifndef UNSPIN_ATOMICFILE_H
#define UNSPIN_ATOMICFILE_H

#include <stdio.h>

typedef struct atomic_file atomic_file;

/* Starts replacing path (which need not exist yet). */
atomic_file *atomic_open(const char *path);
/* Where to write the new content. */
FILE *atomic_stream(atomic_file *a);
/* The file that will be replaced: path with symlinks resolved. */
const char *atomic_target(const atomic_file *a);
/* Finishes: flush, fsync, keep mode, optionally link the old file to
 * target+backup_suffix (NULL: no backup), rename. Returns 0, or -1 after
 * reporting; either way the target is whole and a is freed. */
int atomic_commit(atomic_file *a, const char *backup_suffix);
/* atomic_commit for n files at once, faster than one by one: every file is
 * synced before any is renamed, and each directory is synced once. On Linux
 * the data of all is written out with sync_file_range(2) and one fsync(2)
 * commits the journal for them all (git's core.fsyncMethod=batch: sound on
 * journalling file systems such as ext4, XFS, btrfs). Sets
 * ok[i] to whether v[i] was replaced; returns the number that were not
 * (each reported); every v[i] is freed. */
size_t atomic_commit_many(atomic_file **v, size_t n, const char *backup_suffix, int *ok);
/* Gives up: removes the temporary file; the target is untouched; a is freed. */
void atomic_abort(atomic_file *a);

#endif
