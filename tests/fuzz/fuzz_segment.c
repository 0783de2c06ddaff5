/*
 * fuzz_segment: libFuzzer harness for the segmenter and the tokenizer, the
 * first readers of every input byte. The input is fed in pieces whose sizes
 * come from the input, with a small segment bound so that every way of
 * cutting (line end, space, character boundary) is reached. Checks what
 * they promise: segments cover the input exactly, in order, within the
 * bound (give or take one UTF-8 character), with the right offsets and line numbers;
 * tokens lie inside their segment, in order, without overlap.
 * Also built into replay_segment (replay.c) for the seed corpus under ctest.
 */
#include "segment.h"
#include "token.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_tokens(const char *t, size_t n, tok_list *toks)
{
    tok_split(t, n, toks);
    size_t end = 0;
    for (size_t i = 0; i < toks->n; i++) {
        const token *k = &toks->v[i];
        if (k->len == 0 || k->start < end || (size_t)k->start + k->len > n)
            abort();
        if (k->poss_len > k->len)
            abort();
        end = (size_t)k->start + k->len;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    size_t bound = 16 + (size > 0 ? data[0] % 64 : 0);
    size_t piece = size > 1 ? 1 + data[1] % 97 : 1;
    segmenter *s = seg_new(bound);
    tok_list toks = {0};
    size_t at = 0, covered = 0, line = 1;
    const char *in = (const char *)data;
    seg_view v;
    while (at <= size) {
        size_t n = size - at < piece ? size - at : piece;
        seg_feed(s, in + at, n);
        at += n;
        int eof = at == size;
        while (seg_next(s, eof, &v)) {
            if (v.offset != covered || v.len == 0 || v.len > size - covered)
                abort();
            if (memcmp(v.text, in + covered, v.len) != 0)
                abort();
            if (v.len > bound + 4)
                abort();   /* over the bound by more than one character */
            if (v.line != line)
                abort();
            line += seg_count_lines(v.text, v.len);
            check_tokens(v.text, v.len, &toks);
            covered += v.len;
        }
        if (eof)
            break;
    }
    if (covered != size)
        abort();
    /* The whole input as one segment, too. */
    check_tokens(in, size, &toks);
    tok_list_free(&toks);
    seg_free(s);
    return 0;
}
