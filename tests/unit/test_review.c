/* Unit tests for review: write then parse gives the same review (every byte
 * value in the strings), and bad files are reported with their line. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "diag.h"
#include "finding.h"
#include "review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void set(buf *b, const char *s, size_t n)
{
    buf_clear(b);
    buf_put(b, s, n);
    buf_reserve(b, 1);
    b->data[b->len] = '\0';
}

static char *written(const review *r, size_t *len)
{
    char *p = NULL;
    FILE *fp = open_memstream(&p, len);
    review_write(r, fp);
    fclose(fp);
    return p;
}

static void round_trip(void **state)
{
    (void)state;
    review r;
    review_init(&r);
    r.level = 2;
    review_file *f = review_add_file(&r, "dir/a \"b\".txt");
    for (int i = 0; i < 32; i++)
        f->sha256[i] = (uint8_t)(i * 7);
    review_item *it = review_add_item(&r, f);
    it->decision = DECIDE_ACCEPT;
    it->kind = KIND_SPUN;
    it->klass = CLASS_LIKELY;
    it->rule = xstrdup("mapping.dict:12");
    it->line = 3;
    it->col = 15;
    it->start = 120;
    it->end = 133;
    char all[256];
    for (int i = 0; i < 256; i++)
        all[i] = (char)i;
    set(&it->before, all, 256);               /* every byte, invalid UTF-8 included */
    set(&it->text, "Pink Military", 13);
    set(&it->after, " \xE2\x80\x94 caf\xC3\xA9\r\n", 11);
    set(&it->replace, "Red Army", 8);
    it->alts = xcalloc(2, sizeof *it->alts);
    set(&it->alts[0], "Red \"Force\"", 11);
    set(&it->alts[1], "", 0);
    it->nalts = 2;
    review_item *it2 = review_add_item(&r, f);
    it2->decision = DECIDE_PENDING;
    it2->kind = KIND_OCR;
    it2->klass = CLASS_SURE;
    it2->rule = xstrdup("ocr.ligature");
    it2->line = 4;
    it2->col = 1;
    it2->start = 200;
    it2->end = 203;
    set(&it2->before, "", 0);
    set(&it2->text, "\xEF\xAC\x81", 3);
    set(&it2->after, "ne", 2);
    set(&it2->replace, "fi", 2);
    r.resume = 2;

    size_t len;
    char *text = written(&r, &len);
    review back;
    review_init(&back);
    assert_int_equal(review_parse(&back, "mem", text, len), 0);
    assert_int_equal(back.level, 2);
    assert_int_equal(back.resume, 2);
    assert_int_equal(back.n, 1);
    assert_string_equal(back.files[0].path, "dir/a \"b\".txt");
    assert_memory_equal(back.files[0].sha256, f->sha256, 32);
    assert_int_equal(back.files[0].n, 2);
    const review_item *b = &back.files[0].v[0];
    assert_int_equal(b->id, 1);
    assert_int_equal(b->decision, DECIDE_ACCEPT);
    assert_int_equal(b->kind, KIND_SPUN);
    assert_int_equal(b->klass, CLASS_LIKELY);
    assert_string_equal(b->rule, "mapping.dict:12");
    assert_int_equal(b->line, 3);
    assert_int_equal(b->col, 15);
    assert_int_equal(b->start, 120);
    assert_int_equal(b->end, 133);
    assert_int_equal(b->before.len, 256);
    assert_memory_equal(b->before.data, all, 256);
    assert_int_equal(b->after.len, 11);
    assert_memory_equal(b->after.data, it->after.data, 11);
    assert_string_equal(b->replace.data, "Red Army");
    assert_int_equal(b->nalts, 2);
    assert_string_equal(b->alts[0].data, "Red \"Force\"");
    assert_int_equal(b->alts[1].len, 0);
    assert_int_equal(back.files[0].v[1].kind, KIND_OCR);
    assert_int_equal(back.files[0].v[1].decision, DECIDE_PENDING);
    /* Written again, byte for byte the same. */
    size_t len2;
    char *text2 = written(&back, &len2);
    assert_int_equal(len, len2);
    assert_memory_equal(text, text2, len);
    free(text);
    free(text2);
    review_free(&back);
    review_free(&r);
}

static size_t parse(const char *text)
{
    review r;
    review_init(&r);
    size_t e = review_parse(&r, "bad", text, strlen(text));
    review_free(&r);
    return e;
}

#define HEAD "unspin-review 1\nfile \"x\"\nsha256 " \
    "0000000000000000000000000000000000000000000000000000000000000000\n"
#define ITEM "accept 1 spun sure m:1\n  at 1:1 bytes 0-4\n  context \"\" [\"Pink\"] \" x\"\n"

static void errors(void **state)
{
    (void)state;
    diag_set_quiet(1);
    assert_int_equal(parse(HEAD ITEM "  replace \"Red\"\n"), 0);
    /* CRLF line ends and comments are fine. */
    assert_int_equal(parse("# c\r\nunspin-review 1\r\nfile \"x\"\r\nsha256 "
                           "0000000000000000000000000000000000000000000000000000000000000000\r\n"), 0);
    assert_true(parse("") > 0);
    assert_true(parse("unspin-review 2\n") > 0);
    assert_true(parse("hello\n") > 0);
    assert_true(parse("unspin-review 1\nfile \"x\"\n") > 0);                 /* no sha256 */
    assert_true(parse(HEAD ITEM) > 0);                                       /* no replace */
    assert_true(parse(HEAD ITEM "  replace \"Red\n") > 0);                   /* unterminated */
    assert_true(parse(HEAD ITEM "  replace \"R\\qd\"\n") > 0);               /* bad escape */
    assert_true(parse(HEAD ITEM "  replace \"R\\x0\"\n") > 0);               /* short \x */
    assert_true(parse(HEAD ITEM "  replace \"R\\x00\"\n") > 0);              /* NUL */
    assert_true(parse(HEAD ITEM "  replace \"Red\" extra\n") > 0);
    assert_true(parse(HEAD "maybe 1 spun sure m:1\n") > 0);                  /* decision */
    assert_true(parse(HEAD "accept 1 spun certain m:1\n") > 0);              /* class */
    assert_true(parse(HEAD "accept x spun sure m:1\n") > 0);                 /* id */
    assert_true(parse(HEAD "accept 1 spun sure m:1\n  at 1:1 bytes 0-3\n"    /* range != text */
                           "  context \"\" [\"Pink\"] \"\"\n  replace \"R\"\n") > 0);
    assert_true(parse(HEAD "accept 1 spun sure m:1\n  at 1:1 bytes 5-3\n") > 0);
    assert_true(parse(HEAD "accept 1 spun sure m:1\n  at 99999999999999999999999:1 bytes 0-3\n") > 0);
    diag_set_quiet(0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(round_trip),
        cmocka_unit_test(errors),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
