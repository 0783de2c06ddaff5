/*
 * fuzz_json: libFuzzer harness for the JSON scanner (json.h) and record mode
 * (jsonrec.h), readers of untrusted records. Checks: a string the scanner
 * accepts decodes, and escaping the decoded bytes (both styles) decodes back
 * to them; a record that record mode repairs is still one JSON object, with
 * the same members before "unspin"; a record it passes by is copied whole.
 * Also built into replay_json (replay.c) for the seed corpus under ctest.
 */
#include "diag.h"
#include "json.h"
#include "jsonrec.h"
#include "unspin.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void roundtrip(const char *tok, size_t n)
{
    buf a = BUF_INIT, e = BUF_INIT, b = BUF_INIT;
    int rc = json_unescape(tok, n, &a);
    if (rc < 0)
        abort();   /* the scanner accepted it */
    for (int ascii = 0; ascii < 2; ascii++) {
        buf_clear(&e);
        buf_clear(&b);
        json_escape(&e, a.data ? a.data : "", a.len, ascii);
        size_t at = 0;
        json_error err;
        if (json_scan_value(e.data, e.len, &at, &err) != 0 || at != e.len)
            abort();   /* an escaped string is a valid token */
        if (json_unescape(e.data, e.len, &b) < 0 || b.len != a.len ||
            (a.len && memcmp(a.data, b.data, a.len) != 0))
            abort();   /* and decodes to the same bytes */
    }
    buf_free(&a);
    buf_free(&e);
    buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static unspin_engine *eng;
    static jsonrec *rec;
    if (!eng) {
        diag_set_quiet(1);
        unspin_options o = {0};
        o.no_spell = 1;
        o.no_lm = 1;
        eng = unspin_engine_new(&o);
        if (!eng)
            abort();
        rec = jsonrec_new(eng, "text");
    }
    const char *t = (const char *)data;
    json_member m[1] = {{"text", 4, 0, 0, 0, 0}};
    size_t close;
    json_error err;
    int ok = json_scan_object(t, size, m, 1, &close, &err) == 0;
    if (ok && (close >= size || t[close] != '}'))
        abort();
    if (!ok && err.offset > size)
        abort();
    if (ok && m[0].found && t[m[0].start] == '"')
        roundtrip(t + m[0].start, m[0].end - m[0].start);

    buf out = BUF_INIT;
    unspin_result r;
    size_t kinds[3];
    int st = jsonrec_process(rec, "fuzz", t, size, &out, &r, kinds, &err);
    if ((st == JSONREC_BAD) == ok)
        abort();   /* record mode and the scanner agree on what is malformed */
    if (st == JSONREC_NOFIELD || st == JSONREC_LOSSY) {
        if (out.len != size || (size && memcmp(out.data, t, size) != 0))
            abort();
    } else if (st == JSONREC_DONE) {
        json_member u[2] = {{"text", 4, 0, 0, 0, 0}, {"unspin", 6, 0, 0, 0, 0}};
        if (json_scan_object(out.data, out.len, u, 2, &close, &err) != 0 || !u[0].found ||
            !u[1].found)
            abort();
    }
    buf_free(&out);
    return 0;
}
