/*
 * fmt: output formats, a table of same-shaped callbacks. A document hands
 * each segment, with its resolved findings, to the format in input order;
 * the format writes to its stream. Shared helpers: JSON strings and turning
 * byte offsets into line:column.
 */
#ifndef UNSPIN_FMT_H
#define UNSPIN_FMT_H

#include <stdio.h>

#include "finding.h"
#include "segment.h"
#include "unspin.h"

enum fmt_kind {
    FMT_TEXT,       /* the repaired text */
    FMT_DIFF,       /* unified diff of the repairs */
    FMT_JSONL,      /* one JSON object per finding, one per document */
    FMT_ANNOTATE,   /* text with [-spun-]{+original+} marks */
    FMT_CHECK       /* a line per finding and a verdict per document */
};

typedef struct fmt fmt;

typedef struct fmt_ops {
    int proposals;   /* shows findings that are not applied (so their candidates are built) */
    void (*doc_begin)(fmt *f);
    void (*segment)(fmt *f, const seg_view *s, const finding_list *l);
    void (*doc_end)(fmt *f, const unspin_result *r);
} fmt_ops;

struct fmt {
    const fmt_ops *ops;
    FILE *out;
    const char *name;      /* current document, for output; borrowed */
    long line_delta;       /* diff: new line number minus old */
    int header_done;       /* diff: file header printed */
    buf scratch;
};

/* Format names in enum order, for options and --help. */
extern const char *const fmt_names[];
fmt *fmt_new(int kind, FILE *out);
void fmt_free(fmt *f);
void fmt_doc_begin(fmt *f, const char *name);
void fmt_segment(fmt *f, const seg_view *s, const finding_list *l);
void fmt_doc_end(fmt *f, const unspin_result *r);

/* Writes s[0..n) as a JSON string (invalid UTF-8 bytes become U+FFFD). */
void fmt_json_string(FILE *out, const char *s, size_t n);

/* Walks a segment forward to turn byte offsets into line and column. */
typedef struct loc_cursor {
    const seg_view *s;
    size_t at, line, col;   /* position of byte `at`: 1-based line, 1-based byte column */
} loc_cursor;
void loc_init(loc_cursor *c, const seg_view *s);
/* Advances to offset (>= the previous one) and returns its line and column. */
void loc_seek(loc_cursor *c, size_t offset, size_t *line, size_t *col);

extern const fmt_ops fmt_text_ops, fmt_diff_ops, fmt_jsonl_ops, fmt_annotate_ops, fmt_check_ops;

#endif
