/* batch: a run over many inputs, on worker threads (see batch.h). */
#include "batch.h"
#include "atomicfile.h"
#include "buf.h"
#include "diag.h"
#include "fmt.h"
#include "jsonrec.h"
#include "pool.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define READ_CHUNK 65536
#define RECORD_CHUNK (1u << 20)   /* record mode: lines handed to a worker at once */
#define PROGRESS_EVERY 0.25       /* seconds between progress lines */
#define PROGRESS_AFTER 1.0        /* automatic progress waits this long */

typedef struct stats {
    size_t files, skipped, documents, words, applied, spun, bad, nofield;
    size_t by_kind[3];
    unsigned long long bytes;
} stats;

typedef struct batch {
    const unspin_engine *e;
    const batch_opts *o;
    pthread_mutex_t lock;   /* st, found and the progress line */
    stats st;
    int found;
    size_t total_files;
    double start, last_progress;
    int progress_shown;
    int progress_tty;
} batch;

/* A job: a whole file, or (record mode to the output stream) a run of lines. */
typedef struct job {
    char *path;            /* owned; the file, or the name of the chunk's file */
    int found;             /* found by a walk: skipped when binary */
    buf lines;             /* chunk: whole lines, with their line ends */
    size_t first_line;     /* chunk: the line number of its first line; 0: a file job */
} job;

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + t.tv_nsec / 1e9;
}

int batch_guard_stdio(void)
{
    int closed = 0;
    for (int fd = 0; fd <= 2; fd++) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF)
            continue;
        closed |= 1 << fd;
        int got = open("/dev/null", O_RDONLY);
        if (got >= 0 && got != fd) {   /* the lowest free descriptor is fd itself */
            dup2(got, fd);
            close(got);
        }
    }
    return closed;
}

/* ---- figures -------------------------------------------------------------- */

/* With b->lock held. */
static void progress(batch *b, int final)
{
    if (b->o->progress == 0)
        return;
    double t = now();
    if (!final) {
        if (t - b->last_progress < PROGRESS_EVERY)
            return;
        if (b->o->progress < 0 && t - b->start < PROGRESS_AFTER)
            return;
    }
    if (final && !b->progress_shown && b->o->progress < 1)
        return;
    b->last_progress = t;
    b->progress_shown = 1;
    double mb = b->st.bytes / 1e6, dt = t - b->start;
    if (b->total_files > 1)
        fprintf(stderr, "\runspin: %zu/%zu files, %.1f MB, %.1f MB/s ", b->st.files,
                b->total_files, mb, dt > 0 ? mb / dt : 0.0);
    else
        fprintf(stderr, "\runspin: %zu documents, %.1f MB, %.1f MB/s ", b->st.documents, mb,
                dt > 0 ? mb / dt : 0.0);
    if (final)
        fputs(b->progress_tty ? "\r\033[K" : "\n", stderr);
    fflush(stderr);
}

/* Adds a document's figures (with b->lock held). */
static void count_doc(batch *b, const unspin_result *r, const size_t by_kind[3])
{
    b->st.documents++;
    b->st.words += r->v.words;
    b->st.applied += r->applied;
    b->st.spun += r->v.spun != 0;
    for (int k = 0; k < 3; k++)
        b->st.by_kind[k] += by_kind[k];
    if (r->applied > 0 || r->v.spun)
        b->found = 1;
}

static void print_stats(const batch *b)
{
    const stats *s = &b->st;
    fprintf(stderr,
            "unspin: stats: %zu files (%zu skipped as binary), %zu documents, %zu words, "
            "%.1f MB in %.2f s\n"
            "unspin: stats: findings: %zu spun, %zu ocr, %zu spelling; %zu applied\n"
            "unspin: stats: %zu documents judged spun\n",
            s->files, s->skipped, s->documents, s->words, s->bytes / 1e6, now() - b->start,
            s->by_kind[0], s->by_kind[1], s->by_kind[2], s->applied, s->spun);
    if (b->o->jsonl_field)
        fprintf(stderr, "unspin: stats: records: %zu without the field, %zu malformed\n",
                s->nofield, s->bad);
}

/* A format that counts findings by kind on their way to another. */
typedef struct countfmt {
    fmt base;
    fmt_ops ops;
    fmt *inner;
    size_t by_kind[3];
} countfmt;

static void cf_begin(fmt *f)
{
    countfmt *c = (countfmt *)f;
    fmt_doc_begin(c->inner, f->name);
}

static void cf_segment(fmt *f, const seg_view *s, const finding_list *l)
{
    countfmt *c = (countfmt *)f;
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].kind < 3)
            c->by_kind[l->v[i].kind]++;
    fmt_segment(c->inner, s, l);
}

static void cf_end(fmt *f, const unspin_result *r)
{
    fmt_doc_end(((countfmt *)f)->inner, r);
}

/* ---- one file ------------------------------------------------------------- */

/* Text mode: the whole input as one document. Returns 0, or -1 on a read error
 * (reported). */
static int run_text(batch *b, FILE *in, const char *name, const char *first, size_t nfirst,
                    FILE *out, unsigned long long *bytes, unspin_result *r)
{
    countfmt c;
    memset(&c, 0, sizeof c);
    c.inner = fmt_new(b->o->format, out);
    c.ops = (fmt_ops){c.inner->ops->proposals, cf_begin, cf_segment, cf_end};
    c.base.ops = &c.ops;
    c.base.out = out;
    unspin_doc *d = unspin_doc_new(b->e, name, &c.base);
    char *chunk = xmalloc(READ_CHUNK);
    unspin_doc_feed(d, first, nfirst);
    *bytes = nfirst;
    size_t got;
    while ((got = fread(chunk, 1, READ_CHUNK, in)) > 0) {
        unspin_doc_feed(d, chunk, got);
        *bytes += got;
    }
    free(chunk);
    int failed = ferror(in);
    int saved = errno;
    unspin_doc_finish(d, r);
    unspin_doc_free(d);
    fmt_free(c.inner);
    pthread_mutex_lock(&b->lock);
    count_doc(b, r, c.by_kind);
    pthread_mutex_unlock(&b->lock);
    if (failed) {
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){name, 0, 0}, "read error: %s",
             strerror(saved));
        return -1;
    }
    return 0;
}

/* Record mode: one record, line[0..n) plus its line end nl[0..nnl). */
static void run_record(batch *b, jsonrec *j, const char *name, size_t lineno, const char *line,
                       size_t n, const char *nl, size_t nnl, FILE *out, buf *scratch)
{
    /* A blank line is not a record: it passes through. */
    size_t k = 0;
    while (k < n && (line[k] == ' ' || line[k] == '\t' || line[k] == '\r'))
        k++;
    if (k == n) {
        fwrite(line, 1, n, out);
        fwrite(nl, 1, nnl, out);
        return;
    }
    buf_clear(scratch);
    buf docname = BUF_INIT;
    buf_printf(&docname, "%s:%zu", name, lineno);
    unspin_result r;
    size_t by_kind[3] = {0, 0, 0};
    json_error err = {0, NULL};
    int st = jsonrec_process(j, docname.data, line, n, scratch, &r, by_kind, &err);
    buf_free(&docname);
    if (st == JSONREC_BAD) {
        int drop = b->o->drop_bad;
        diag(drop ? DIAG_WARNING : DIAG_ERROR, UNSPIN_EXIT_DATA,
             (diag_loc){name, lineno, err.offset + 1}, "%s; record %s", err.msg,
             drop ? "dropped (--drop-bad)" : "passed through unchanged");
        pthread_mutex_lock(&b->lock);
        b->st.bad++;
        pthread_mutex_unlock(&b->lock);
        if (!drop) {
            fwrite(line, 1, n, out);
            fwrite(nl, 1, nnl, out);
        }
        return;
    }
    if (st == JSONREC_LOSSY)
        diag(DIAG_WARNING, 0, (diag_loc){name, lineno, 0},
             "field '%s' has a lone surrogate escape; record passed through unchanged",
             b->o->jsonl_field);
    fwrite(scratch->data, 1, scratch->len, out);
    fwrite(nl, 1, nnl, out);
    pthread_mutex_lock(&b->lock);
    if (st == JSONREC_DONE)
        count_doc(b, &r, by_kind);
    else
        b->st.nofield++;
    pthread_mutex_unlock(&b->lock);
}

/* Splits line[0..n) (which ends at a line end, or at the end of input) into
 * the record and its line end. */
static size_t line_end_len(const char *line, size_t n)
{
    return n && line[n - 1] == '\n' ? 1 : 0;
}

/* Record mode over a stream: returns 0 or -1 on a read error (reported). */
static int run_records(batch *b, FILE *in, const char *name, const char *first, size_t nfirst,
                       FILE *out, unsigned long long *bytes)
{
    jsonrec *j = jsonrec_new(b->e, b->o->jsonl_field);
    buf scratch = BUF_INIT, line = BUF_INIT;
    buf_put(&line, first, nfirst);
    *bytes = 0;
    size_t lineno = 1;
    char *chunk = xmalloc(READ_CHUNK);
    int eof = 0;
    while (!eof || line.len) {
        const char *nl = line.len ? memchr(line.data, '\n', line.len) : NULL;
        if (!nl && !eof) {
            size_t got = fread(chunk, 1, READ_CHUNK, in);
            if (got == 0)
                eof = 1;
            buf_put(&line, chunk, got);
            continue;
        }
        size_t n = nl ? (size_t)(nl - line.data) + 1 : line.len;
        size_t e = line_end_len(line.data, n);
        run_record(b, j, name, lineno++, line.data, n - e, line.data + n - e, e, out, &scratch);
        *bytes += n;
        buf_consume(&line, n);
    }
    free(chunk);
    int failed = ferror(in);
    int saved = errno;
    buf_free(&scratch);
    buf_free(&line);
    jsonrec_free(j);
    if (failed) {
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){name, 0, 0}, "read error: %s",
             strerror(saved));
        return -1;
    }
    return 0;
}

/* mkdir -p for the directories of path. Returns 0 or -1 (reported). */
static int make_parents(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        if (mkdir(p, 0777) != 0 && errno != EEXIST) {
            diag(DIAG_ERROR, UNSPIN_EXIT_SYSERR, (diag_loc){p, 0, 0},
                 "cannot make the directory: %s", strerror(errno));
            free(p);
            return -1;
        }
        *s = '/';
    }
    free(p);
    return 0;
}

/* The output path under --output-dir, or NULL (reported) for a path that
 * would leave it. */
static char *mirror_path(const char *dir, const char *path)
{
    for (const char *s = path; *s;) {
        const char *e = strchr(s, '/');
        size_t l = e ? (size_t)(e - s) : strlen(s);
        if (l == 2 && s[0] == '.' && s[1] == '.') {
            diag(DIAG_ERROR, UNSPIN_EXIT_USAGE, (diag_loc){path, 0, 0},
                 "a path with '..' cannot be mirrored under --output-dir");
            return NULL;
        }
        s += l + (e != NULL);
    }
    while (*path == '/' || (path[0] == '.' && path[1] == '/'))
        path += path[0] == '/' ? 1 : 2;
    buf b = BUF_INIT;
    buf_printf(&b, "%s/%s", dir, path);
    return buf_detach(&b);
}

static void run_file(batch *b, job *jb, FILE *out)
{
    const batch_opts *o = b->o;
    int is_stdin = strcmp(jb->path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : jb->path;
    if (is_stdin && (o->in_place || o->output_dir)) {
        diag(DIAG_ERROR, UNSPIN_EXIT_USAGE, (diag_loc){0},
             "standard input cannot be repaired in place or mirrored; name files");
        return;
    }
    FILE *in = is_stdin ? stdin : fopen(jb->path, "rb");
    if (!in) {
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){jb->path, 0, 0}, "cannot open: %s",
             strerror(errno));
        return;
    }
    char first[WALK_SNIFF];
    size_t nfirst = fread(first, 1, sizeof first, in);
    unsigned long long bytes = 0;
    if (jb->found && walk_is_binary(first, nfirst)) {
        if (!is_stdin)
            fclose(in);
        pthread_mutex_lock(&b->lock);
        b->st.files++;
        b->st.skipped++;
        progress(b, 0);
        pthread_mutex_unlock(&b->lock);
        return;
    }
    atomic_file *af = NULL;
    char *target = NULL;
    if (o->in_place) {
        af = atomic_open(jb->path);
    } else if (o->output_dir) {
        target = mirror_path(o->output_dir, jb->path);
        if (target && make_parents(target) == 0)
            af = atomic_open(target);
    }
    if ((o->in_place || o->output_dir) && !af) {
        if (!is_stdin)
            fclose(in);
        free(target);
        return;
    }
    FILE *sink = af ? atomic_stream(af) : out;
    int rc;
    unspin_result r = {0};
    if (o->jsonl_field)
        rc = run_records(b, in, name, first, nfirst, sink, &bytes);
    else
        rc = run_text(b, in, name, first, nfirst, sink, &bytes, &r);
    if (!is_stdin)
        fclose(in);
    if (af) {
        /* In place, a file with nothing to repair is left as it is. */
        int unchanged = o->in_place && !o->jsonl_field && r.applied == 0;
        if (rc != 0 || unchanged)
            atomic_abort(af);
        else
            atomic_commit(af, o->in_place ? o->backup : NULL);
    }
    free(target);
    pthread_mutex_lock(&b->lock);
    b->st.files++;
    b->st.bytes += bytes;
    progress(b, 0);
    pthread_mutex_unlock(&b->lock);
}

static void run_chunk(batch *b, job *jb, FILE *out)
{
    jsonrec *j = jsonrec_new(b->e, b->o->jsonl_field);
    buf scratch = BUF_INIT;
    const char *t = jb->lines.data;
    size_t n = jb->lines.len, at = 0, lineno = jb->first_line;
    while (at < n) {
        const char *nl = memchr(t + at, '\n', n - at);
        size_t l = nl ? (size_t)(nl - (t + at)) + 1 : n - at;
        size_t e = line_end_len(t + at, l);
        run_record(b, j, jb->path, lineno++, t + at, l - e, t + at + l - e, e, out, &scratch);
        at += l;
    }
    buf_free(&scratch);
    jsonrec_free(j);
    pthread_mutex_lock(&b->lock);
    b->st.bytes += n;
    progress(b, 0);
    pthread_mutex_unlock(&b->lock);
}

static void run_job(void *arg, FILE *out, void *ctx)
{
    job *jb = arg;
    batch *b = ctx;
    if (jb->first_line)
        run_chunk(b, jb, out);
    else
        run_file(b, jb, out);
    free(jb->path);
    buf_free(&jb->lines);
    free(jb);
}

/* Record mode to the output stream with workers: the main thread cuts the
 * input into runs of whole lines, so that one large file keeps them busy. */
static void submit_chunks(batch *b, pool *p, const char *path)
{
    int is_stdin = strcmp(path, "-") == 0;
    const char *name = is_stdin ? "<stdin>" : path;
    FILE *in = is_stdin ? stdin : fopen(path, "rb");
    if (!in) {
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){path, 0, 0}, "cannot open: %s",
             strerror(errno));
        return;
    }
    char *chunk = xmalloc(READ_CHUNK);
    buf pend = BUF_INIT;
    size_t lineno = 1, got;
    int eof = 0;
    while (!eof) {
        got = fread(chunk, 1, READ_CHUNK, in);
        eof = got == 0;
        buf_put(&pend, chunk, got);
        /* Hand over whole lines once there are enough, or everything at the end. */
        if (pend.len < RECORD_CHUNK && !eof)
            continue;
        size_t cut = pend.len;
        if (!eof) {
            const char *nl = NULL;
            for (size_t i = pend.len; i > 0; i--)
                if (pend.data[i - 1] == '\n') {
                    nl = pend.data + i - 1;
                    break;
                }
            if (!nl)
                continue;   /* one long line: read on */
            cut = (size_t)(nl - pend.data) + 1;
        }
        if (cut == 0)
            break;
        job *jb = xcalloc(1, sizeof *jb);
        jb->path = xstrdup(name);
        jb->first_line = lineno;
        buf_put(&jb->lines, pend.data, cut);
        lineno += seg_count_lines(pend.data, cut);
        buf_consume(&pend, cut);
        pool_submit(p, jb);
    }
    if (ferror(in))
        diag(DIAG_ERROR, UNSPIN_EXIT_DATA, (diag_loc){name, 0, 0}, "read error: %s",
             strerror(errno));
    if (!is_stdin)
        fclose(in);
    free(chunk);
    buf_free(&pend);
    pthread_mutex_lock(&b->lock);
    b->st.files++;
    pthread_mutex_unlock(&b->lock);
}

int batch_run(const unspin_engine *e, const batch_opts *o, const char *const *args, size_t n,
              FILE *out)
{
    static const char *const stdin_only[] = {"-"};
    batch b;
    memset(&b, 0, sizeof b);
    b.e = e;
    b.o = o;
    pthread_mutex_init(&b.lock, NULL);
    b.start = b.last_progress = now();
    b.progress_tty = isatty(2);
    batch_opts eff = *o;
    if (eff.progress < 0 && !b.progress_tty)
        eff.progress = 0;
    b.o = &eff;

    walk_list files = {0};
    walk(n ? args : stdin_only, n ? n : 1, &o->walk, &files);
    b.total_files = files.n;
    int chunked = o->jsonl_field && !o->in_place && !o->output_dir && o->jobs > 1;
    pool *p = pool_new(o->jobs, out, run_job, &b);
    for (size_t i = 0; i < files.n; i++) {
        if (chunked) {
            submit_chunks(&b, p, files.v[i].path);
            continue;
        }
        job *jb = xcalloc(1, sizeof *jb);
        jb->path = files.v[i].path;
        files.v[i].path = NULL;
        jb->found = files.v[i].found;
        pool_submit(p, jb);
    }
    pool_finish(p);
    walk_list_free(&files);
    pthread_mutex_lock(&b.lock);
    progress(&b, 1);
    pthread_mutex_unlock(&b.lock);
    if (o->stats)
        print_stats(&b);
    pthread_mutex_destroy(&b.lock);
    return b.found;
}
