/*
 * token: splits a segment into tokens with byte offsets.
 * Tokens borrow the segment's bytes: a token is an offset and a length, plus
 * what the matchers need without looking again: its kind, its case shape and
 * a hash of its case-folded form. Every byte of the segment belongs to exactly
 * one token, so tokens can be written back to reproduce the input.
 */
#ifndef UNSPIN_TOKEN_H
#define UNSPIN_TOKEN_H

#include <stddef.h>
#include <stdint.h>

enum tok_type {
    TOK_WORD,     /* letters (and digits), inner ' ’ - joined: don't, army-backed, COVID-19 */
    TOK_NUM,      /* digits with inner . , : joined: 6.5, 1,000, 10:30 */
    TOK_SPACE,    /* spaces and tabs (and other horizontal space) */
    TOK_NEWLINE,  /* LF, CRLF or CR */
    TOK_PUNCT,    /* one other valid character */
    TOK_INVALID   /* one byte that is not valid UTF-8 */
};

enum tok_shape {
    SHAPE_NONE,   /* no letters */
    SHAPE_LOWER,  /* army */
    SHAPE_UPPER,  /* ARMY (two letters or more) */
    SHAPE_TITLE,  /* Army, A */
    SHAPE_MIXED   /* iPhone, McDonald */
};

enum {
    TOKF_SENT_START = 1 << 0,  /* first word of a sentence */
    TOKF_DIGIT = 1 << 1,       /* a word that contains a digit */
    TOKF_NONASCII = 1 << 2     /* a word with non-ASCII letters */
};

typedef struct token {
    uint32_t start;       /* byte offset in the segment */
    uint32_t len;         /* bytes */
    uint64_t hash;        /* hash of the folded text (words, numbers, punctuation) */
    uint64_t base_hash;   /* hash without a possessive 's / ’s, when poss_len > 0 */
    uint8_t type;         /* enum tok_type */
    uint8_t shape;        /* enum tok_shape */
    uint8_t flags;        /* TOKF_* */
    uint8_t poss_len;     /* bytes of a trailing possessive ('s = 2, ’s = 4), or 0 */
} token;

/* A growable token array; tokens are owned by the list. */
typedef struct tok_list {
    token *v;
    size_t n, cap;
} tok_list;

/* Tokenizes text[0..len) into list (cleared first). */
void tok_split(const char *text, size_t len, tok_list *list);
void tok_list_free(tok_list *list);

static inline int tok_is_wordlike(const token *t)
{
    return t->type == TOK_WORD || t->type == TOK_NUM;
}

/* The folding used for hashing and comparing: lower case, ’ as '.
 * Appends the folded form of s[0..n) to out (NUL-terminated, cap bytes);
 * returns the folded length or (size_t)-1 when it does not fit. */
size_t tok_fold(const char *s, size_t n, char *out, size_t cap);
/* The token hash of s[0..n): a 64-bit hash of its folded form, wide enough
 * that two different words do not share one in practice. */
uint64_t tok_hash(const char *s, size_t n);
/* The same hash over bytes taken as they are (already folded). */
uint64_t tok_hash_bytes(const char *s, size_t n);

#endif
