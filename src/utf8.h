/*
 * utf8: decoding and classifying UTF-8 without trusting it.
 * Invalid sequences are reported as such (never replaced), so callers can pass
 * their bytes through untouched.
 */
#ifndef UNSPIN_UTF8_H
#define UNSPIN_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s (n bytes available). Returns its length in
 * bytes (1-4) and stores the code point in *cp, or returns 1 and stores -1
 * for an invalid or truncated sequence. n must be > 0. */
size_t utf8_decode(const unsigned char *s, size_t n, int32_t *cp);
/* Encodes cp into out (at least 4 bytes); returns the length. */
size_t utf8_encode(int32_t cp, char *out);

int utf8_is_letter(int32_t cp);   /* Unicode L* and M* */
int utf8_is_digit(int32_t cp);    /* Nd */
int utf8_is_upper(int32_t cp);
int utf8_is_lower(int32_t cp);
int32_t utf8_tolower(int32_t cp);
int32_t utf8_toupper(int32_t cp);
/* Apostrophes that join words: ' and U+2019. */
int utf8_is_apostrophe(int32_t cp);
/* Hyphens that join words: - and U+2010, U+2011. */
int utf8_is_hyphen(int32_t cp);

/* The value of an ASCII hex digit (0-9, a-f, A-F), or -1: for the escapes
 * of JSON and of review files. */
int utf8_hex_digit(int c);

#endif
