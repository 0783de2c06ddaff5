/*
 * fuzz_review: libFuzzer harness for the review-file parser (review.c), the
 * one reader of a file that people edit by hand. Any input must parse or be
 * rejected with messages, never crash; an input that parses must write back
 * to a text that parses to the same review and writes identically (the
 * writer and parser agree on every byte of every string), and review_check
 * (apply's first pass, which keeps nothing) must count the same errors.
 * Also built into replay_review (replay.c) for the seed corpus under ctest.
 */
#include "review.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char *written(const review *r, size_t *len)
{
    char *p = NULL;
    FILE *fp = open_memstream(&p, len);
    if (!fp)
        abort();
    review_write(r, fp);
    fclose(fp);
    return p;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *quiet;
    if (!quiet) {
        /* Rejections are expected by the thousand: keep stderr readable. */
        quiet = stderr;
    }
    review r;
    review_init(&r);
    size_t errors = review_parse(&r, "fuzz", (const char *)data, size);
    /* The checking pass of apply finds exactly the same errors. */
    if (review_check("fuzz", (const char *)data, size) != errors)
        abort();
    if (errors == 0) {
        for (size_t i = 0; i < r.n; i++)
            for (size_t k = 0; k < r.files[i].n; k++) {
                const review_item *it = &r.files[i].v[k];
                if (it->end - it->start != it->text.len || memchr(it->replace.data, '\0', it->replace.len))
                    abort();
            }
        size_t n1, n2;
        char *t1 = written(&r, &n1);
        review again;
        review_init(&again);
        if (review_parse(&again, "fuzz", t1, n1) != 0)
            abort();
        char *t2 = written(&again, &n2);
        if (n1 != n2 || memcmp(t1, t2, n1) != 0)
            abort();
        free(t1);
        free(t2);
        review_free(&again);
    }
    review_free(&r);
    return 0;
}
