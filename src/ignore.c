/* ignore: a hashed set of (text, replacement) pairs; see ignore.h. */
#include "ignore.h"
#include "buf.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <stdlib.h>
#include <string.h>

/* A key is text, a NUL, then the replacement; "text\0\1" stands for "any". */
struct ignore_list {
    char **keys;      /* open addressing; NULL: empty slot */
    size_t *lens;
    size_t cap, n;
};

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

ignore_list *ignore_new(void)
{
    ignore_list *l = xcalloc(1, sizeof *l);
    l->cap = 64;
    l->keys = xcalloc(l->cap, sizeof *l->keys);
    l->lens = xcalloc(l->cap, sizeof *l->lens);
    return l;
}

void ignore_free(ignore_list *l)
{
    if (!l)
        return;
    for (size_t i = 0; i < l->cap; i++)
        free(l->keys[i]);
    free(l->keys);
    free(l->lens);
    free(l);
}

size_t ignore_count(const ignore_list *l)
{
    return l->n;
}

static size_t slot(const ignore_list *l, const char *k, size_t n)
{
    size_t i = (size_t)hash(k, n) & (l->cap - 1);
    while (l->keys[i] && !(l->lens[i] == n && memcmp(l->keys[i], k, n) == 0))
        i = (i + 1) & (l->cap - 1);
    return i;
}

static void insert(ignore_list *l, char *k, size_t n)
{
    if (2 * (l->n + 1) > l->cap) {
        ignore_list big = {xcalloc(2 * l->cap, sizeof(char *)), xcalloc(2 * l->cap, sizeof(size_t)),
                           2 * l->cap, 0};
        for (size_t i = 0; i < l->cap; i++)
            if (l->keys[i]) {
                size_t s = slot(&big, l->keys[i], l->lens[i]);
                big.keys[s] = l->keys[i];
                big.lens[s] = l->lens[i];
            }
        free(l->keys);
        free(l->lens);
        l->keys = big.keys;
        l->lens = big.lens;
        l->cap = big.cap;
    }
    size_t s = slot(l, k, n);
    if (l->keys[s]) {
        free(k);
        return;
    }
    l->keys[s] = k;
    l->lens[s] = n;
    l->n++;
}

static void make_key(buf *b, const char *text, size_t n, const char *repl, size_t rn)
{
    buf_clear(b);
    buf_put(b, text, n);
    buf_putc(b, '\0');
    if (repl)
        buf_put(b, repl, rn);
    else
        buf_putc(b, '\1');
}

void ignore_add(ignore_list *l, const char *text, size_t n, const char *repl, size_t rn)
{
    buf b = BUF_INIT;
    make_key(&b, text, n, repl, rn);
    size_t len = b.len;
    insert(l, buf_detach(&b), len);
}

int ignore_has(const ignore_list *l, const char *text, size_t n, const char *repl)
{
    if (!l || l->n == 0)
        return 0;
    buf b = BUF_INIT;
    int found = 0;
    if (repl) {
        make_key(&b, text, n, repl, strlen(repl));
        found = l->keys[slot(l, b.data, b.len)] != NULL;
    }
    if (!found) {
        make_key(&b, text, n, NULL, 0);
        found = l->keys[slot(l, b.data, b.len)] != NULL;
    }
    buf_free(&b);
    return found;
}

int ignore_load_file(ignore_list *l, const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return -1;
    char *line = NULL;
    size_t cap = 0;
    ssize_t got;
    while ((got = getline(&line, &cap, fp)) > 0) {
        size_t n = (size_t)got;
        while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
            n--;
        size_t lead = 0;
        while (lead < n && (line[lead] == ' ' || line[lead] == '\t'))
            lead++;
        if (lead == n || line[lead] == '#')
            continue;
        char *tab = memchr(line, '\t', n);
        if (!tab) {
            ignore_add(l, line, n, NULL, 0);
            continue;
        }
        char *rest = tab + 1;
        char *tab2 = memchr(rest, '\t', n - (size_t)(rest - line));
        size_t rn = tab2 ? (size_t)(tab2 - rest) : n - (size_t)(rest - line);
        ignore_add(l, line, (size_t)(tab - line), rest, rn);
    }
    int failed = ferror(fp);
    free(line);
    fclose(fp);
    if (failed) {
        errno = EIO;
        return -1;
    }
    return 0;
}
