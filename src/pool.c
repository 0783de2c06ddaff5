/* pool: worker threads with output in submission order (see pool.h). */
#define _GNU_SOURCE   /* fopencookie: a FILE that writes through the pool */
#include "pool.h"
#include "buf.h"
#include "diag.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

typedef struct slot {
    void *job;
    buf pending;   /* output gathered before the job's turn */
    int done;
} slot;

struct pool {
    pool_run_fn run;
    void *arg;
    FILE *out;
    size_t nthreads;
    pthread_t *threads;
    pthread_mutex_t lock;
    pthread_cond_t work;    /* a job was submitted, or the pool closes */
    pthread_cond_t turn;    /* the job next in line changed */
    pthread_cond_t space;   /* a place in the ring came free */
    slot *ring;             /* job seq lives in ring[seq % width] */
    size_t width;
    size_t submitted;       /* jobs submitted */
    size_t taken;           /* jobs taken by workers */
    size_t head;            /* the job whose output goes out now */
    size_t pending;         /* bytes gathered over all slots */
    int closing;
};

typedef struct stream_ctx {
    pool *p;
    size_t seq;
} stream_ctx;

static slot *slot_of(pool *p, size_t seq)
{
    return &p->ring[seq % p->width];
}

/* With the lock held: writes a slot's gathered output. */
static void flush_pending(pool *p, slot *s)
{
    if (s->pending.len) {
        fwrite(s->pending.data, 1, s->pending.len, p->out);
        p->pending -= s->pending.len;
        buf_free(&s->pending);
    }
}

/* With the lock held: moves the head past finished jobs. */
static void advance(pool *p)
{
    while (p->head < p->taken && slot_of(p, p->head)->done) {
        slot *s = slot_of(p, p->head);
        flush_pending(p, s);
        s->done = 0;
        s->job = NULL;
        p->head++;
    }
    if (p->head < p->taken)
        flush_pending(p, slot_of(p, p->head));
    pthread_cond_broadcast(&p->turn);
    pthread_cond_broadcast(&p->space);
}

static ssize_t stream_write(void *cookie, const char *data, size_t n)
{
    stream_ctx *c = cookie;
    pool *p = c->p;
    pthread_mutex_lock(&p->lock);
    for (;;) {
        slot *s = slot_of(p, c->seq);
        if (c->seq == p->head) {
            flush_pending(p, s);
            fwrite(data, 1, n, p->out);   /* a failure shows in ferror(out) */
            break;
        }
        /* An empty gathering always goes ahead: a job makes some progress. */
        if (p->pending + n <= POOL_PENDING_MAX || s->pending.len == 0) {
            buf_put(&s->pending, data, n);
            p->pending += n;
            break;
        }
        pthread_cond_wait(&p->turn, &p->lock);
    }
    pthread_mutex_unlock(&p->lock);
    return (ssize_t)n;
}

static void *worker(void *arg)
{
    pool *p = arg;
    cookie_io_functions_t fns = {NULL, stream_write, NULL, NULL};
    for (;;) {
        pthread_mutex_lock(&p->lock);
        while (p->taken == p->submitted && !p->closing)
            pthread_cond_wait(&p->work, &p->lock);
        if (p->taken == p->submitted) {
            pthread_mutex_unlock(&p->lock);
            break;
        }
        stream_ctx c = {p, p->taken++};
        void *job = slot_of(p, c.seq)->job;
        pthread_mutex_unlock(&p->lock);

        FILE *f = fopencookie(&c, "w", fns);
        if (!f)
            diag_fatal(UNSPIN_EXIT_SYSERR, "cannot make an output stream for a worker");
        p->run(job, f, p->arg);
        fclose(f);

        pthread_mutex_lock(&p->lock);
        slot_of(p, c.seq)->done = 1;
        advance(p);
        pthread_mutex_unlock(&p->lock);
    }
    return NULL;
}

pool *pool_new(size_t threads, FILE *out, pool_run_fn run, void *arg)
{
    pool *p = xcalloc(1, sizeof *p);
    p->run = run;
    p->arg = arg;
    p->out = out;
    if (threads <= 1)
        return p;
    p->nthreads = threads;
    p->width = 4 * threads;   /* jobs in flight or waiting for their turn */
    p->ring = xcalloc(p->width, sizeof *p->ring);
    pthread_mutex_init(&p->lock, NULL);
    pthread_cond_init(&p->work, NULL);
    pthread_cond_init(&p->turn, NULL);
    pthread_cond_init(&p->space, NULL);
    p->threads = xcalloc(threads, sizeof *p->threads);
    for (size_t i = 0; i < threads; i++)
        if (pthread_create(&p->threads[i], NULL, worker, p) != 0)
            diag_fatal(UNSPIN_EXIT_SYSERR, "cannot start worker thread %zu", i + 1);
    return p;
}

void pool_submit(pool *p, void *job)
{
    if (!p->nthreads) {
        p->run(job, p->out, p->arg);
        return;
    }
    pthread_mutex_lock(&p->lock);
    while (p->submitted - p->head >= p->width)
        pthread_cond_wait(&p->space, &p->lock);
    slot_of(p, p->submitted)->job = job;
    p->submitted++;
    pthread_cond_signal(&p->work);
    pthread_mutex_unlock(&p->lock);
}

void pool_finish(pool *p)
{
    if (p->nthreads) {
        pthread_mutex_lock(&p->lock);
        p->closing = 1;
        pthread_cond_broadcast(&p->work);
        pthread_mutex_unlock(&p->lock);
        for (size_t i = 0; i < p->nthreads; i++)
            pthread_join(p->threads[i], NULL);
        pthread_mutex_destroy(&p->lock);
        pthread_cond_destroy(&p->work);
        pthread_cond_destroy(&p->turn);
        pthread_cond_destroy(&p->space);
        free(p->threads);
        free(p->ring);
    }
    free(p);
}
