/*
 * review: the review file (format: unspin-review(5)), in memory, written and
 * parsed. A review lists files, each with the SHA-256 of the content that was
 * reviewed, and per file the findings with their context, proposal and the
 * reviewer's decision. `unspin review` writes one, a person (or `review -i`)
 * edits the decisions, `unspin apply` carries out the accepted ones.
 *
 * A review owns its files; a file owns its items; an item owns its strings.
 */
#ifndef UNSPIN_REVIEW_H
#define UNSPIN_REVIEW_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "buf.h"
#include "sha256.h"
#include "unspin.h"

struct fmt;

#define REVIEW_VERSION 1

enum review_decision {
    DECIDE_PENDING,   /* not decided: not applied */
    DECIDE_ACCEPT,    /* apply the replacement */
    DECIDE_REJECT     /* leave the text as it is */
};

typedef struct review_item {
    unsigned long id;        /* unique in the review, from 1 */
    int decision;            /* enum review_decision */
    int kind, klass;         /* enum finding_kind, enum klass */
    char *rule;              /* owned */
    size_t line, col;        /* of start, 1-based */
    uint64_t start, end;     /* byte range in the file */
    buf before, text, after; /* context: text is bytes start..end */
    buf replace;             /* the replacement (no NUL byte) */
    buf *alts;               /* alternatives; owned */
    size_t nalts;
} review_item;

typedef struct review_file {
    char *path;              /* owned */
    uint8_t sha256[SHA256_SIZE];
    review_item *v;
    size_t n, cap;
} review_file;

typedef struct review {
    int level;               /* enum unspin_level that pre-filled the decisions */
    unsigned long resume;    /* id where `review -i` stopped, or 0 */
    review_file *files;
    size_t n, cap;
    unsigned long next_id;
} review;

void review_init(review *r);
void review_free(review *r);
review_file *review_add_file(review *r, const char *path);
/* Removes the last file and its items. */
void review_pop_file(review *r);
/* Appends a zeroed item with the next id. */
review_item *review_add_item(review *r, review_file *f);
/* Total number of items. */
size_t review_count(const review *r);

/* Writes the review in the unspin-review(5) format: the head (version,
 * level, resume point), then each file with its findings. */
void review_write(const review *r, FILE *out);
void review_write_head(const review *r, FILE *out);
void review_write_file(const review_file *f, FILE *out);
/* Adds f's findings per decision to counts[enum review_decision]. */
void review_count_decisions(const review_file *f, size_t counts[3]);
/* Writes it to path atomically; returns 0 or -1 after reporting. */
int review_save(const review *r, const char *path);
/* Parses data (name is used in messages "NAME:LINE: error: …") into r, which
 * must be fresh. Returns the number of errors reported; r holds what parsed. */
size_t review_parse(review *r, const char *name, const char *data, size_t len);
/* Like review_parse, but hands each file to on_file as soon as it is
 * complete, then drops it: memory stays bounded by one file's findings. */
typedef void review_file_fn(const review_file *f, void *ctx);
size_t review_parse_each(review *r, const char *name, const char *data, size_t len,
                         review_file_fn *on_file, void *ctx);
/* Checks data as review_parse does, reporting the same errors, but keeps
 * nothing (and allocates next to nothing). Returns the number of errors. */
size_t review_check(const char *name, const char *data, size_t len);
/* Reads the file at path into out; -1 after reporting. */
int review_read(const char *path, buf *out);
/* Reads and parses a file; returns -1 when it cannot be read, else the errors. */
long review_load(review *r, const char *path);

/* Runs the file at path through a document of engine e and appends it, its
 * hash and its findings (fmt_review.c). Returns 0, or -1 after reporting. */
int review_collect(review *r, const unspin_engine *e, const char *path);
/* The format behind review_collect: each document becomes a review file. */
struct fmt *fmt_review_new(review *r);

const char *decision_name(int d);
int decision_parse(const char *s, size_t n);   /* -1 when unknown */

/* Writes s[0..n) as a review string: quoted, with \\ \" \n \r \t and \xHH
 * for other control bytes and for bytes that are not valid UTF-8. */
void review_put_string(buf *out, const char *s, size_t n);

#endif
