/* Unit tests for apply: accepted findings only, stale files refused, a second
 * apply is a no-op, relocation by context refuses the ambiguous. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "apply.h"
#include "finding.h"
#include "review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/unspin-apply-XXXXXX";
static char path[64];

static void put(const char *text)
{
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    fputs(text, fp);
    fclose(fp);
}

static char *slurp(void)
{
    static char b[4096];
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    size_t n = fread(b, 1, sizeof b - 1, fp);
    fclose(fp);
    b[n] = '\0';
    return b;
}

static void set(buf *b, const char *s)
{
    buf_clear(b);
    buf_puts(b, s);
    buf_reserve(b, 1);
    b->data[b->len] = '\0';
}

/* A review of content: one item per (start, text, replacement, decision). */
static void add(review *r, review_file *f, const char *content, const char *text, const char *repl, int d)
{
    const char *at = strstr(content, text);
    assert_non_null(at);
    review_item *it = review_add_item(r, f);
    it->decision = d;
    it->rule = xstrdup("test");
    it->start = (uint64_t)(at - content);
    it->end = it->start + strlen(text);
    it->line = it->col = 1;
    buf_clear(&it->before);
    buf_put(&it->before, content + (it->start > 4 ? it->start - 4 : 0), it->start > 4 ? 4 : it->start);
    set(&it->text, text);
    set(&it->after, "");
    buf_put(&it->after, content + it->end, strlen(content + it->end) < 4 ? strlen(content + it->end) : 4);
    set(&it->replace, repl);
}

static review_file *start(review *r, const char *content)
{
    review_init(r);
    review_file *f = review_add_file(r, path);
    sha256(content, strlen(content), f->sha256);
    return f;
}

static int setup(void **state)
{
    (void)state;
    assert_non_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/doc.txt", dir);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    unlink(path);
    rmdir(dir);
    return 0;
}

static void accepted_only_and_idempotent(void **state)
{
    (void)state;
    const char *c = "The Pink Military met the Area Marshal.\n";
    put(c);
    review r;
    review_file *f = start(&r, c);
    add(&r, f, c, "Pink Military", "Red Army", DECIDE_ACCEPT);
    add(&r, f, c, "Area Marshal", "Field Marshal", DECIDE_REJECT);
    apply_options o = {0, NULL, 0, NULL};
    apply_stats st;
    apply_review(&r, &o, &st);
    assert_string_equal(slurp(), "The Red Army met the Area Marshal.\n");
    assert_int_equal(st.applied, 1);
    assert_int_equal(st.skipped, 1);
    assert_int_equal(st.written, 1);
    /* Again: recognised as already applied, nothing written. */
    apply_review(&r, &o, &st);
    assert_int_equal(st.already, 1);
    assert_int_equal(st.written, 0);
    assert_string_equal(slurp(), "The Red Army met the Area Marshal.\n");
    review_free(&r);
}

static void stale_refused_or_relocated(void **state)
{
    (void)state;
    const char *c = "The Pink Military met the Area Marshal.\n";
    put(c);
    review r;
    review_file *f = start(&r, c);
    add(&r, f, c, "Pink Military", "Red Army", DECIDE_ACCEPT);
    add(&r, f, c, "Area Marshal", "Field Marshal", DECIDE_ACCEPT);
    put("Yesterday: The Pink Military met the Area Marshal.\n");
    apply_options o = {0, NULL, 0, NULL};
    apply_stats st;
    apply_review(&r, &o, &st);
    assert_int_equal(st.stale, 1);
    assert_int_equal(st.refused, 2);
    assert_string_equal(slurp(), "Yesterday: The Pink Military met the Area Marshal.\n");
    o.relocate = 1;
    apply_review(&r, &o, &st);
    assert_int_equal(st.applied, 2);
    assert_string_equal(slurp(), "Yesterday: The Red Army met the Field Marshal.\n");
    /* A context that now occurs twice is ambiguous: refused; the other applies. */
    put("The Pink Military met the Area Marshal. The Pink Military met the Area Marshal.\n");
    f->v[1].decision = DECIDE_REJECT;
    apply_review(&r, &o, &st);
    assert_int_equal(st.applied, 0);
    assert_int_equal(st.refused, 1);
    review_free(&r);
}

static void text_mismatch_refused(void **state)
{
    (void)state;
    const char *c = "one two three\n";
    put(c);
    review r;
    review_file *f = start(&r, c);
    add(&r, f, c, "two", "2", DECIDE_ACCEPT);
    add(&r, f, c, "three", "3", DECIDE_ACCEPT);
    set(&f->v[0].text, "TWO");   /* a hand-edited review */
    apply_options o = {0, NULL, 0, NULL};
    apply_stats st;
    apply_review(&r, &o, &st);
    assert_int_equal(st.refused, 1);
    assert_int_equal(st.applied, 1);
    assert_string_equal(slurp(), "one two 3\n");
    review_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(accepted_only_and_idempotent),
        cmocka_unit_test(stale_refused_or_relocated),
        cmocka_unit_test(text_mismatch_refused),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
