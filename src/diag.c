/* diag: the one place that prints problems and tracks the exit status. */
#include "diag.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

static int status = UNSPIN_EXIT_OK;
static int quiet;
static size_t counts[3];

static const char *const level_name[] = {"note", "warning", "error"};

void diag_set_quiet(int q)
{
    quiet = q;
}

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
    vdiag(level, loc, fmt, ap);
    va_end(ap);
    if (level == DIAG_ERROR)
        diag_raise(code);
}

void diag_fatal(int code, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vdiag(DIAG_ERROR, (diag_loc){0}, fmt, ap);
    va_end(ap);
    exit(code);
}

void diag_raise(int code)
{
    /* Errors outrank "found": a run that failed must not look like a finding. */
    if (code > status)
        status = code;
}

int diag_status(void)
{
    return status;
}

size_t diag_count(enum diag_level level)
{
    return counts[level];
}
