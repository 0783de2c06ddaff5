/*
 * fuzz_pipeline: libFuzzer harness for the whole pipeline with everything
 * loaded: the built-in mapping, hunspell, the language model. The first
 * byte chooses the format (text, diff, jsonl, annotate, check) and the
 * level; the second, the size of the pieces the input is fed in. For the
 * text format at the safe level, an input with nothing to repair must come
 * out byte-identical (do no harm), which is checked.
 * Also built into replay_pipeline (replay.c) for the seed corpus under ctest.
 */
#include "diag.h"
#include "fmt.h"
#include "unspin.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static unspin_engine *eng[3];
    static FILE *sink;
    if (!sink) {
        diag_set_quiet(1);
        for (int l = 0; l < 3; l++) {
            unspin_options o = {0};
            o.level = l;
            eng[l] = unspin_engine_new(&o);
            if (!eng[l])
                abort();
        }
        sink = fopen("/dev/null", "w");
        if (!sink)
            abort();
    }
    int kind = size > 0 ? data[0] % 5 : 0;
    int level = size > 0 ? (data[0] / 5) % 3 : 0;
    size_t piece = size > 1 ? 1 + (size_t)data[1] % 200 : 1;
    char *outbuf = NULL;
    size_t outlen = 0;
    FILE *out = kind == FMT_TEXT ? open_memstream(&outbuf, &outlen) : sink;
    if (!out)
        abort();
    fmt *f = fmt_new(kind, out);
    unspin_doc *d = unspin_doc_new(eng[level], "fuzz", f);
    for (size_t at = 0; at < size;) {
        size_t n = size - at < piece ? size - at : piece;
        unspin_doc_feed(d, (const char *)data + at, n);
        at += n;
    }
    unspin_result r;
    unspin_doc_finish(d, &r);
    unspin_doc_free(d);
    fmt_free(f);
    if (kind == FMT_TEXT) {
        fclose(out);
        if (r.applied == 0 && (outlen != size || (size && memcmp(outbuf, data, size) != 0)))
            abort();   /* nothing applied, yet the text changed */
        free(outbuf);
    }
    return 0;
}
