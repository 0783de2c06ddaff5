/*
 * mojibake: finds UTF-8 text that was decoded as cp1252 or Latin-1 and
 * encoded again ("Itâ€™s" for "It’s", "cafÃ©" for "café"), and decodes it
 * back. A pure function over bytes, with no state and no allocation, so the
 * fuzzer can drive it directly (tests/fuzz/fuzz_mojibake.c).
 *
 * ftfy's standard: a run of characters is repaired only when re-encoding it
 * as cp1252/Latin-1 gives valid UTF-8 and the result is clearly more
 * plausible. Each multi-byte sequence ("unit") is judged by what it decodes
 * to:
 *   - accepted alone: Latin letters and Latin-1 symbols (U+00A0–U+017F,
 *     ș ț), general punctuation (’ “ ” – — … •), currency, letterlike and
 *     arrow/box/dingbat symbols, Vietnamese letters, ligatures, emoji;
 *   - accepted in a run of two units or more: other scripts (Greek,
 *     Cyrillic, Hebrew, Arabic, CJK, …), so "Ð¿Ñ€Ð¸" is fixed but a lone
 *     "Ð¾" is not;
 *   - never: controls, format characters, unassigned and private-use code
 *     points, combining marks, IPA, NKo and the like.
 * A two-character unit whose second character is ordinary punctuation
 * (’ ” – … » no-break space …) is refused after a capital letter, where it
 * is more likely a real word end ("IRMÃ”"). Double encoding ("Ã¢â‚¬â„¢")
 * is undone in up to three rounds.
 */
#ifndef UNSPIN_MOJIBAKE_H
#define UNSPIN_MOJIBAKE_H

#include <stddef.h>

#define MOJI_MAX_TEXT 256   /* longest repair in bytes; longer runs come in pieces */

typedef struct moji_fix {
    size_t start, end;           /* the damaged bytes s[start..end) */
    char text[MOJI_MAX_TEXT];    /* the repair: valid UTF-8, shorter than the damage */
    size_t len;
    int rounds;                  /* decodings applied: 1, or more for double encoding */
} moji_fix;

/* Finds the first repairable run in s[from..n) (s need not be valid UTF-8).
 * Returns 1 and fills *fix, or 0 when there is none. Linear in n - from. */
int mojibake_next(const char *s, size_t n, size_t from, moji_fix *fix);

/* The cp1252/Latin-1 byte that stands for code point cp, or -1. */
int mojibake_byte(int cp);
/* The character cp1252 gives byte b (0x80–0x9F), or b itself (Latin-1). */
int mojibake_cp1252(int b);

#endif
