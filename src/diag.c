/* diag: the one place that prints problems and tracks the exit status.
 * Safe to call from worker threads: one lock keeps each message whole and
 * the status and counts consistent. */
#include "diag.h"

#include <pthread.h>

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static int status = UNSPIN_EXIT_OK;
static int quiet;
static size_t counts[3];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;

static const char *const level_name[] = {"note", "warning", "error"};

void diag_set_quiet(int q)
{
    quiet = q;
}

/* Called with lock held. */
static void vdiag(enum diag_level level, diag_loc loc, const char *fmt, va_list ap)
{
    counts[level]++;
    if (quiet && level != DIAG_ERROR)
        return;
    fputs("unspin: ", stderr);
    if (loc.file) {
        fprintf(stderr, "%s:", loc.file);
        if (loc.line) {
            fprintf(stderr, "%zu:", loc.line);
            if (loc.col)
                fprintf(stderr, "%zu:", loc.col);
        }
        fputc(' ', stderr);
    }
    fprintf(stderr, "%s: ", level_name[level]);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
}

void diag(enum diag_level level, int code, diag_loc loc, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&lock);
    vdiag(level, loc, fmt, ap);
    if (level == DIAG_ERROR && code > status)
        status = code;
    pthread_mutex_unlock(&lock);
    va_end(ap);
}

void diag_fatal(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    pthread_mutex_lock(&lock);
    vdiag(DIAG_ERROR, (diag_loc){0}, fmt, ap);
    pthread_mutex_unlock(&lock);
    va_end(ap);
    exit(code);
}

void diag_raise(int code)
{
    /* Errors outrank "found": a run that failed must not look like a finding. */
    pthread_mutex_lock(&lock);
    if (code > status)
        status = code;
    pthread_mutex_unlock(&lock);
}

int diag_status(void)
{
    pthread_mutex_lock(&lock);
    int s = status;
    pthread_mutex_unlock(&lock);
    return s;
}

size_t diag_count(enum diag_level level)
{
    pthread_mutex_lock(&lock);
    size_t n = counts[level];
    pthread_mutex_unlock(&lock);
    return n;
}
