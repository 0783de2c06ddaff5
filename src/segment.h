/*
 * segment: cuts a byte stream into bounded segments (paragraphs).
 * A segment ends after a blank line; one that grows past the bound is cut at
 * its last line end, else its last space, else a UTF-8 character boundary.
 * Memory is bounded by the segment bound plus one read, however long the input.
 * Segments cover the input exactly: concatenated, they are the input.
 */
#ifndef UNSPIN_SEGMENT_H
#define UNSPIN_SEGMENT_H

#include <stddef.h>
#include <stdint.h>

#define SEG_MAX_DEFAULT (64 * 1024)

typedef struct segmenter segmenter;

/* One segment, borrowed from the segmenter until its next call. */
typedef struct seg_view {
    const char *text;
    size_t len;
    uint64_t offset;   /* byte offset of text[0] in the input */
    size_t line;       /* 1-based line number of text[0] */
} seg_view;

segmenter *seg_new(size_t max);
void seg_free(segmenter *s);
/* Appends input bytes. */
void seg_feed(segmenter *s, const char *data, size_t len);
/* Takes the next complete segment; with at_eof, also the final partial one.
 * Returns 1 and fills *out, or 0 when no segment is ready. */
int seg_next(segmenter *s, int at_eof, seg_view *out);
/* Counts line ends (LF; a CRLF is one) in text[0..len). */
size_t seg_count_lines(const char *text, size_t len);

#endif
