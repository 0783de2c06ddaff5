/*
 * json: a small JSON scanner for record mode (RFC 8259 syntax). It does not
 * build values: it checks a record's syntax, finds the top-level members it
 * is asked for by their byte ranges, and turns a string token into its bytes
 * and back, so that everything else in a record is copied byte for byte.
 * Nesting deeper than JSON_MAX_DEPTH is an error (the scanner recurses).
 * Bytes of strings are not checked as UTF-8: they pass through as they are.
 */
#ifndef UNSPIN_JSON_H
#define UNSPIN_JSON_H

#include <stddef.h>

#include "buf.h"

#define JSON_MAX_DEPTH 256

/* Where and why a scan failed. */
typedef struct json_error {
    size_t offset;     /* byte offset of the problem */
    const char *msg;   /* static text */
} json_error;

/* A top-level member asked for by name. */
typedef struct json_member {
    const char *name;          /* in: the unescaped key */
    size_t name_len;
    int found;                 /* out: the last member with that key, if any */
    size_t key_start;          /* out: offset of the key's opening quote */
    size_t start, end;         /* out: the value's byte range */
} json_member;

/* Scans text[0..n) as one JSON object, with white space around it. Fills in
 * the members asked for and *close, the offset of the object's closing '}'.
 * Returns 0, or -1 with *err set. */
int json_scan_object(const char *text, size_t n, json_member *m, size_t nm, size_t *close,
                     json_error *err);

/* Scans one value of any kind at text[*at..n) (white space first); on success
 * *at is just past it. Returns 0 or -1 with *err set. */
int json_scan_value(const char *text, size_t n, size_t *at, json_error *err);

/* Decodes the string token tok[0..n) (with its quotes) into out, appending.
 * Returns 0; 1 when a \u escape is a lone surrogate (its U+FFFD is written,
 * so the bytes are not the string's exact value); -1 when tok is not a valid
 * string token. */
int json_unescape(const char *tok, size_t n, buf *out);

/* Appends s[0..n) as a string token: " \ and control characters escaped
 * (\n, \t, \r, \b, \f, else \u00XX), other bytes as they are, or, with
 * ascii, every valid non-ASCII character as \uXXXX (surrogate pairs above
 * U+FFFF; invalid bytes still as they are). */
void json_escape(buf *out, const char *s, size_t n, int ascii);

#endif
