/*
 * buf: a growable byte buffer (owned) and the allocation wrappers.
 * Used by every module that builds text. The x*alloc functions never return
 * NULL: on exhaustion they report through diag and exit with UNSPIN_EXIT_SYSERR,
 * so no call site checks for NULL.
 */
#ifndef UNSPIN_BUF_H
#define UNSPIN_BUF_H

#include <stddef.h>

typedef struct buf {
    char *data;   /* NUL-terminated when len < cap; owned */
    size_t len;
    size_t cap;
} buf;

#define BUF_INIT {NULL, 0, 0}

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);

void buf_reserve(buf *b, size_t extra);
void buf_put(buf *b, const void *data, size_t len);
void buf_puts(buf *b, const char *s);
void buf_putc(buf *b, char c);
void buf_printf(buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Drops the first n bytes, keeping the rest. */
void buf_consume(buf *b, size_t n);
void buf_clear(buf *b);
/* Appends the whole content of the file at path. Returns 0, or -1 with
 * errno set (cannot open, read error); nothing is reported. */
int buf_read_file(buf *b, const char *path);
/* Hands the data to the caller (who frees it) and resets the buffer. */
char *buf_detach(buf *b);
void buf_free(buf *b);

#endif
