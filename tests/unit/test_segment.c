/*
 * Unit tests for segment.h: cutting a byte stream into bounded segments that
 * end after blank lines and, concatenated, give the input back.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "segment.h"

/* A copy of every segment a stream produced. */
typedef struct collected {
    char **text;
    size_t *len;
    uint64_t *offset;
    size_t *line;
    size_t n;
} collected;

static void collect(collected *c, const seg_view *v)
{
    c->text = realloc(c->text, (c->n + 1) * sizeof *c->text);
    c->len = realloc(c->len, (c->n + 1) * sizeof *c->len);
    c->offset = realloc(c->offset, (c->n + 1) * sizeof *c->offset);
    c->line = realloc(c->line, (c->n + 1) * sizeof *c->line);
    assert_non_null(c->text);
    assert_non_null(c->len);
    assert_non_null(c->offset);
    assert_non_null(c->line);
    c->text[c->n] = malloc(v->len ? v->len : 1);
    assert_non_null(c->text[c->n]);
    memcpy(c->text[c->n], v->text, v->len);
    c->len[c->n] = v->len;
    c->offset[c->n] = v->offset;
    c->line[c->n] = v->line;
    c->n++;
}

static void collected_free(collected *c)
{
    for (size_t i = 0; i < c->n; i++)
        free(c->text[i]);
    free(c->text);
    free(c->len);
    free(c->offset);
    free(c->line);
    memset(c, 0, sizeof *c);
}

/* Feeds input in pieces of `chunk` bytes, taking segments as they become ready,
 * then the rest at the end of input. */
static void run(const char *input, size_t len, size_t chunk, size_t max, collected *c)
{
    segmenter *s = seg_new(max);
    seg_view v;
    for (size_t at = 0; at < len; at += chunk) {
        size_t n = len - at < chunk ? len - at : chunk;
        seg_feed(s, input + at, n);
        while (seg_next(s, 0, &v))
            collect(c, &v);
    }
    while (seg_next(s, 1, &v))
        collect(c, &v);
    assert_int_equal(seg_next(s, 1, &v), 0);
    seg_free(s);
}

/* Line ends before offset at, counted independently of segment.c: only LF
 * ends a line (a CRLF is one line end, a lone CR none), as segment.h says. */
static size_t lines_before(const char *t, size_t at)
{
    size_t lines = 0;
    for (size_t i = 0; i < at; i++)
        lines += t[i] == '\n';
    return lines;
}

/* Checks that the segments tile the input, with right offsets and line numbers,
 * none empty and none longer than max. */
static void assert_covers(const char *input, size_t len, size_t max, const collected *c)
{
    size_t at = 0;
    for (size_t i = 0; i < c->n; i++) {
        assert_true(c->len[i] > 0);
        assert_true(c->len[i] <= max);
        assert_int_equal(c->offset[i], at);
        assert_true(at + c->len[i] <= len);
        assert_memory_equal(c->text[i], input + at, c->len[i]);
        /* Line numbers: 1 + line ends before the segment in the whole input. */
        if (c->line[i] != 1 + lines_before(input, at))
            fail_msg("segment %zu at offset %zu: line %zu, expected %zu", i, at, c->line[i],
                     1 + lines_before(input, at));
        at += c->len[i];
    }
    assert_int_equal(at, len);
}

static void segment_ends_after_a_blank_line(void **state)
{
    (void)state;
    const char *input = "First paragraph,\nsecond line.\n\nSecond paragraph.\n";
    segmenter *s = seg_new(0);
    seg_view v;
    seg_feed(s, input, strlen(input));
    assert_int_equal(seg_next(s, 0, &v), 1);
    const char *first = "First paragraph,\nsecond line.\n\n";
    assert_int_equal(v.len, strlen(first));
    assert_memory_equal(v.text, first, v.len);
    assert_int_equal(v.offset, 0);
    assert_int_equal(v.line, 1);
    /* The last paragraph has no blank line after it: it waits for the end. */
    assert_int_equal(seg_next(s, 0, &v), 0);
    assert_int_equal(seg_next(s, 1, &v), 1);
    assert_int_equal(v.len, strlen("Second paragraph.\n"));
    assert_memory_equal(v.text, "Second paragraph.\n", v.len);
    assert_int_equal(v.offset, strlen(first));
    assert_int_equal(v.line, 4);
    assert_int_equal(seg_next(s, 1, &v), 0);
    seg_free(s);
}

static void blank_line_with_spaces_tabs_or_crlf_ends_a_segment(void **state)
{
    (void)state;
    const char *inputs[] = {"one\n \t \ntwo", "one\r\n\r\ntwo", "one\r\n  \r\ntwo"};
    for (size_t k = 0; k < sizeof inputs / sizeof *inputs; k++) {
        segmenter *s = seg_new(0);
        seg_view v;
        seg_feed(s, inputs[k], strlen(inputs[k]));
        assert_int_equal(seg_next(s, 0, &v), 1);
        assert_int_equal(v.len, strstr(inputs[k], "two") - inputs[k]);
        assert_int_equal(seg_next(s, 1, &v), 1);
        assert_int_equal(v.len, 3);
        assert_int_equal(v.line, 3);
        seg_free(s);
    }
}

static void single_line_break_does_not_end_a_segment(void **state)
{
    (void)state;
    const char *input = "one\ntwo\r\nthree\n";
    segmenter *s = seg_new(0);
    seg_view v;
    seg_feed(s, input, strlen(input));
    assert_int_equal(seg_next(s, 0, &v), 0);
    assert_int_equal(seg_next(s, 1, &v), 1);
    assert_int_equal(v.len, strlen(input));
    seg_free(s);
}

static void blank_line_split_across_feeds_is_found(void **state)
{
    (void)state;
    segmenter *s = seg_new(0);
    seg_view v;
    seg_feed(s, "alpha beta\n", 11);
    assert_int_equal(seg_next(s, 0, &v), 0);
    seg_feed(s, "  ", 2);
    assert_int_equal(seg_next(s, 0, &v), 0);
    seg_feed(s, "\ngamma", 6);
    assert_int_equal(seg_next(s, 0, &v), 1);
    assert_int_equal(v.len, 14);
    assert_memory_equal(v.text, "alpha beta\n  \n", 14);
    assert_int_equal(seg_next(s, 0, &v), 0);
    assert_int_equal(seg_next(s, 1, &v), 1);
    assert_int_equal(v.len, 5);
    assert_int_equal(v.offset, 14);
    assert_int_equal(v.line, 3);
    seg_free(s);
}

static void empty_input_gives_no_segment(void **state)
{
    (void)state;
    segmenter *s = seg_new(0);
    seg_view v;
    assert_int_equal(seg_next(s, 0, &v), 0);
    assert_int_equal(seg_next(s, 1, &v), 0);
    seg_feed(s, "", 0);
    assert_int_equal(seg_next(s, 1, &v), 0);
    seg_free(s);
}

/* A mixed text: paragraphs, CRLF and lone CR, runs of blank lines, multi-byte
 * characters, invalid bytes, a NUL, and some long lines. */
static char *mixed_input(size_t *len)
{
    buf b = BUF_INIT;
    for (int rep = 0; rep < 40; rep++) {
        buf_printf(&b, "Paragraph %d: the pink military marched.\n", rep);
        buf_puts(&b, "Second line with caf\xC3\xA9, \xE2\x82\xAC and \xF0\x9F\x98\x80.\r\n");
        buf_puts(&b, "Lone CR line\rnext\n");
        if (rep % 3 == 0)
            buf_puts(&b, "\n\n\n");
        else if (rep % 3 == 1)
            buf_puts(&b, "  \t\r\n");
        else
            buf_puts(&b, "\n");
        buf_put(&b, "bad \xFF\xC3 bytes \0 nul\n", 19);
        if (rep % 7 == 0)
            for (int k = 0; k < 300; k++)
                buf_puts(&b, "word\xE2\x80\x99s ");
        buf_puts(&b, "\n\n");
    }
    *len = b.len;
    return buf_detach(&b);
}

static void concatenated_segments_give_the_input_back(void **state)
{
    (void)state;
    size_t len;
    char *input = mixed_input(&len);
    static const size_t chunks[] = {1, 7, 4096};
    for (size_t k = 0; k < sizeof chunks / sizeof *chunks; k++) {
        collected c = {0};
        run(input, len, chunks[k], SEG_MAX_DEFAULT, &c);
        assert_covers(input, len, SEG_MAX_DEFAULT, &c);
        /* The text has many blank lines: it is more than one segment. */
        assert_true(c.n > 40);
        collected_free(&c);
    }
    free(input);
}

static void chunk_size_does_not_change_the_segments(void **state)
{
    (void)state;
    size_t len;
    char *input = mixed_input(&len);
    collected whole = {0};
    run(input, len, len, SEG_MAX_DEFAULT, &whole);
    static const size_t chunks[] = {1, 7, 4096};
    for (size_t k = 0; k < sizeof chunks / sizeof *chunks; k++) {
        collected c = {0};
        run(input, len, chunks[k], SEG_MAX_DEFAULT, &c);
        assert_int_equal(c.n, whole.n);
        for (size_t i = 0; i < c.n; i++)
            assert_int_equal(c.len[i], whole.len[i]);
        collected_free(&c);
    }
    collected_free(&whole);
    free(input);
}

static void small_bound_still_covers_the_input(void **state)
{
    (void)state;
    size_t len;
    char *input = mixed_input(&len);
    static const size_t chunks[] = {1, 7, 4096};
    for (size_t k = 0; k < sizeof chunks / sizeof *chunks; k++) {
        collected c = {0};
        run(input, len, chunks[k], 100, &c);
        assert_covers(input, len, 100, &c);
        collected_free(&c);
    }
    free(input);
}

/* Whether a segment of len bytes starting at input[at] splits a UTF-8
 * character at either end (input is valid UTF-8). */
static int splits_character(const char *input, size_t total, size_t at, size_t len)
{
    if (((unsigned char)input[at] & 0xC0) == 0x80)
        return 1;
    return at + len < total && ((unsigned char)input[at + len] & 0xC0) == 0x80;
}

static void long_line_is_cut_within_the_bound_at_character_boundaries(void **state)
{
    (void)state;
    /* 1 MB of 3-byte characters (€), no newline, no space: no line end or
     * space to cut at, and the bound is not a multiple of 3. */
    const size_t len = 3 * 350000;
    char *input = malloc(len);
    assert_non_null(input);
    for (size_t i = 0; i < len; i += 3)
        memcpy(input + i, "\xE2\x82\xAC", 3);
    static const size_t chunks[] = {1, 7, 4096};
    for (size_t k = 0; k < sizeof chunks / sizeof *chunks; k++) {
        collected c = {0};
        run(input, len, chunks[k], SEG_MAX_DEFAULT, &c);
        assert_covers(input, len, SEG_MAX_DEFAULT, &c);
        assert_true(c.n >= len / SEG_MAX_DEFAULT);
        size_t at = 0;
        for (size_t i = 0; i < c.n; i++) {
            if (splits_character(input, len, at, c.len[i]))
                fail_msg("chunk %zu: segment %zu [%zu,+%zu) splits a character", chunks[k], i,
                         at, c.len[i]);
            at += c.len[i];
        }
        collected_free(&c);
    }
    free(input);
}

static void long_line_of_mixed_widths_is_cut_at_character_boundaries(void **state)
{
    (void)state;
    /* 1 MB of 1-, 2-, 3- and 4-byte characters with no newline or space, under
     * a small odd bound. */
    static const char *const chars[] = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
    buf b = BUF_INIT;
    for (size_t i = 0; b.len < 1024 * 1024; i++)
        buf_puts(&b, chars[(i * 7 + i / 3) % 4]);
    size_t len = b.len;
    static const size_t chunks[] = {1, 7, 4096};
    for (size_t k = 0; k < sizeof chunks / sizeof *chunks; k++) {
        collected c = {0};
        run(b.data, len, chunks[k], 4097, &c);
        assert_covers(b.data, len, 4097, &c);
        size_t at = 0;
        for (size_t i = 0; i < c.n; i++) {
            if (splits_character(b.data, len, at, c.len[i]))
                fail_msg("chunk %zu: segment %zu [%zu,+%zu) splits a character", chunks[k], i,
                         at, c.len[i]);
            at += c.len[i];
        }
        collected_free(&c);
    }
    buf_free(&b);
}

static void long_line_is_cut_after_a_space_when_there_is_one(void **state)
{
    (void)state;
    /* Words of 8 letters and a space (9 bytes, which the bound is not a
     * multiple of): every cut should follow a space. */
    buf b = BUF_INIT;
    while (b.len < 200000)
        buf_puts(&b, "abcdefgh ");
    collected c = {0};
    run(b.data, b.len, 4096, 1000, &c);
    assert_covers(b.data, b.len, 1000, &c);
    for (size_t i = 0; i + 1 < c.n; i++)
        assert_int_equal(c.text[i][c.len[i] - 1], ' ');
    collected_free(&c);
    buf_free(&b);
}

static void line_numbers_count_lf_and_crlf_but_not_lone_cr(void **state)
{
    (void)state;
    const char *input = "a\nb\r\nc\rd\n\ne\r\n\r\nf\r\r\n\ng";
    collected c = {0};
    run(input, strlen(input), 1, SEG_MAX_DEFAULT, &c);
    assert_covers(input, strlen(input), SEG_MAX_DEFAULT, &c);
    /* Lines: a, b, c<CR>d, (blank), e, (blank), f<CR>, (blank), g. */
    assert_int_equal(c.line[c.n - 1], 9);
    collected_free(&c);
}

static void seg_count_lines_counts_lf_and_crlf_once_and_not_lone_cr(void **state)
{
    (void)state;
    assert_int_equal(seg_count_lines("", 0), 0);
    assert_int_equal(seg_count_lines("abc", 3), 0);
    assert_int_equal(seg_count_lines("a\nb", 3), 1);
    assert_int_equal(seg_count_lines("a\r\nb", 4), 1);
    assert_int_equal(seg_count_lines("a\rb", 3), 0);
    assert_int_equal(seg_count_lines("\r\n\r\n\n\r", 6), 3);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(segment_ends_after_a_blank_line),
        cmocka_unit_test(blank_line_with_spaces_tabs_or_crlf_ends_a_segment),
        cmocka_unit_test(single_line_break_does_not_end_a_segment),
        cmocka_unit_test(blank_line_split_across_feeds_is_found),
        cmocka_unit_test(empty_input_gives_no_segment),
        cmocka_unit_test(concatenated_segments_give_the_input_back),
        cmocka_unit_test(chunk_size_does_not_change_the_segments),
        cmocka_unit_test(small_bound_still_covers_the_input),
        cmocka_unit_test(long_line_is_cut_within_the_bound_at_character_boundaries),
        cmocka_unit_test(long_line_of_mixed_widths_is_cut_at_character_boundaries),
        cmocka_unit_test(long_line_is_cut_after_a_space_when_there_is_one),
        cmocka_unit_test(line_numbers_count_lf_and_crlf_but_not_lone_cr),
        cmocka_unit_test(seg_count_lines_counts_lf_and_crlf_once_and_not_lone_cr),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
