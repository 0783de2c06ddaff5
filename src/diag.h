/*
 * diag: diagnostics as data, and the exit codes.
 * Every message the program prints about a problem goes through here, in one
 * shape: "unspin: FILE:LINE:COL: LEVEL: message" (FILE, LINE and COL are left
 * out when unknown). The worst level seen decides the exit status, as in mandoc.
 */
#ifndef UNSPIN_DIAG_H
#define UNSPIN_DIAG_H

#include <stddef.h>

/* Exit statuses, documented in unspin(1). */
enum unspin_exit {
    UNSPIN_EXIT_OK = 0,      /* success; with --check: nothing found */
    UNSPIN_EXIT_FOUND = 1,   /* --check or --lint-dict found something */
    UNSPIN_EXIT_USAGE = 2,   /* bad command line */
    UNSPIN_EXIT_DATA = 3,    /* bad data file or unreadable input */
    UNSPIN_EXIT_SYSERR = 4   /* system error: write failure, memory */
};

enum diag_level {
    DIAG_NOTE,
    DIAG_WARNING,
    DIAG_ERROR
};

/* Where a message points; any field may be 0/NULL when unknown. */
typedef struct diag_loc {
    const char *file;
    size_t line;
    size_t col;
} diag_loc;

void diag_set_quiet(int quiet);
/* Prints a message and, for errors, raises the exit status to `code`. */
void diag(enum diag_level level, int code, diag_loc loc, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* Prints an error without location and exits with `code`. */
_Noreturn void diag_fatal(int code, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Raises the running exit status (never lowers it). */
void diag_raise(int code);
int diag_status(void);
/* Counts of messages printed per level since start. */
size_t diag_count(enum diag_level level);

#endif
