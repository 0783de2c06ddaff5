/*
 * pool: worker threads that run jobs and write their output in the order the
 * jobs were submitted. Each job gets a stream of its own: the job that is
 * next in line writes straight through to the pool's output, the others
 * gather theirs in memory until their turn. A bound on what is gathered
 * (POOL_PENDING_MAX) makes a worker that gets ahead wait, so memory stays
 * bounded however large the outputs; the job next in line never waits, so
 * the pool always makes progress.
 *
 * With one thread, jobs run at once in the caller's thread, on the output
 * itself: -j 1 is the plain sequential program.
 *
 *     pool *p = pool_new(4, stdout, run, arg);
 *     pool_submit(p, job); ...          // may wait for a free place
 *     pool_finish(p);                   // waits for every job
 */
#ifndef UNSPIN_POOL_H
#define UNSPIN_POOL_H

#include <stddef.h>
#include <stdio.h>

#define POOL_PENDING_MAX (32u * 1024 * 1024)   /* bytes gathered for later jobs */

typedef struct pool pool;

/* Runs one job, writing its output (if any) to out. Called from a worker
 * thread, concurrently with other jobs: it must only touch what its job owns
 * or what is made for sharing. It owns job (frees it). */
typedef void (*pool_run_fn)(void *job, FILE *out, void *arg);

/* threads <= 1: no threads, jobs run inside pool_submit. */
pool *pool_new(size_t threads, FILE *out, pool_run_fn run, void *arg);
void pool_submit(pool *p, void *job);
/* Waits for every job, ends the threads and frees p. */
void pool_finish(pool *p);

#endif
