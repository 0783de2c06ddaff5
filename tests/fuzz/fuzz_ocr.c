/*
 * fuzz_ocr: libFuzzer harness for the whole pipeline with the OCR and
 * spelling detectors (no mapping): the input is fed as one document in
 * pieces whose sizes come from the input, through the text format (and, for
 * one input in eight, JSON Lines at the aggressive level, which completes the
 * spelling findings). The library's own checks and ASan/UBSan do the rest.
 * Also built into replay_ocr (replay.c) for the seed corpus under ctest.
 */
#include "fmt.h"
#include "unspin.h"

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static unspin_engine *safe, *aggressive;
    static FILE *sink;
    if (!sink) {
        unspin_options o = {0};
        o.no_mapping = 1;
        o.level = UNSPIN_LEVEL_SAFE;
        safe = unspin_engine_new(&o);
        o.level = UNSPIN_LEVEL_AGGRESSIVE;
        aggressive = unspin_engine_new(&o);
        sink = fopen("/dev/null", "w");
        if (!safe || !aggressive || !sink)
            return 0;
    }
    int full = size > 0 && data[0] % 8 == 0;
    fmt *out = fmt_new(full ? FMT_JSONL : FMT_TEXT, sink);
    unspin_doc *d = unspin_doc_new(full ? aggressive : safe, "fuzz", out);
    size_t at = 0, piece = size > 1 ? 1 + (size_t)data[1] % 64 : 1;
    while (at < size) {
        size_t n = size - at < piece ? size - at : piece;
        unspin_doc_feed(d, (const char *)data + at, n);
        at += n;
    }
    unspin_doc_finish(d, NULL);
    unspin_doc_free(d);
    fmt_free(out);
    return 0;
}
