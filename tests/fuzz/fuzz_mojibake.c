/*
 * fuzz_mojibake: libFuzzer harness for the mojibake decoder (mojibake.h), a
 * reader of untrusted bytes. Scans the input from every fix to the next, and
 * from an offset taken from the input, and checks what the decoder promises:
 * fixes lie inside the input, in order, shorter than the damage, valid UTF-8,
 * the same when asked twice. Also built into replay_mojibake (replay.c),
 * which runs the seed corpus under ctest without libFuzzer.
 */
#include "mojibake.h"
#include "utf8.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_fix(const char *s, size_t n, size_t from, const moji_fix *fx)
{
    if (fx->start < from || fx->start >= fx->end || fx->end > n)
        abort();
    if (fx->len >= fx->end - fx->start || fx->len >= MOJI_MAX_TEXT || fx->text[fx->len] != '\0')
        abort();
    if (fx->rounds < 1 || fx->rounds > 3)
        abort();
    for (size_t i = 0; i < fx->len;) {
        int32_t cp;
        size_t l = utf8_decode((const unsigned char *)fx->text + i, fx->len - i, &cp);
        if (cp < 0)
            abort();
        i += l;
    }
    moji_fix again;
    if (!mojibake_next(s, n, from, &again) || again.start != fx->start || again.end != fx->end ||
        again.len != fx->len || memcmp(again.text, fx->text, fx->len) != 0)
        abort();
    (void)s;
}

static void scan(const char *s, size_t n, size_t from)
{
    moji_fix fx;
    while (from < n && mojibake_next(s, n, from, &fx)) {
        check_fix(s, n, from, &fx);
        from = fx.end;
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    /* A copy of exactly size bytes, so ASan sees any read past the end. */
    char *s = malloc(size ? size : 1);
    if (!s)
        return 0;
    memcpy(s, data, size);
    scan(s, size, 0);
    if (size > 0)
        scan(s, size, data[0] % size);   /* from anywhere, even mid-character */
    mojibake_byte(size ? data[0] * 37 : -1);
    free(s);
    return 0;
}
