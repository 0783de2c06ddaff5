/* Unit tests for json: the scanner's verdicts and offsets, decoding, escaping. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "json.h"

#include <string.h>

static int scan(const char *t, json_member *m, size_t nm, size_t *close, json_error *err)
{
    return json_scan_object(t, strlen(t), m, nm, close, err);
}

static void finds_members_and_close(void **state)
{
    (void)state;
    const char *t = " {\"a\":1, \"text\" : \"hi\\n\", \"b\":[{\"text\":2}],\"text\":\"last\"} \r";
    json_member m[2] = {{"text", 4, 0, 0, 0, 0}, {"none", 4, 0, 0, 0, 0}};
    size_t close;
    json_error err;
    assert_int_equal(scan(t, m, 2, &close, &err), 0);
    assert_true(m[0].found);
    assert_false(m[1].found);
    /* The last top-level member wins; nested ones are not top-level. */
    assert_memory_equal(t + m[0].start, "\"last\"", 6);
    assert_int_equal(m[0].end - m[0].start, 6);
    assert_int_equal(t[close], '}');
    assert_int_equal(close, strlen(t) - 3);
}

static void escaped_key_matches(void **state)
{
    (void)state;
    json_member m[1] = {{"text", 4, 0, 0, 0, 0}};
    size_t close;
    json_error err;
    assert_int_equal(scan("{\"t\\u0065xt\":\"x\"}", m, 1, &close, &err), 0);
    assert_true(m[0].found);
}

static void rejects_malformed(void **state)
{
    (void)state;
    static const struct { const char *t; size_t at; } bad[] = {
        {"", 0}, {"[1]", 0}, {"{", 1}, {"{\"a\"}", 4}, {"{\"a\":}", 5}, {"{\"a\":1,}", 7},
        {"{\"a\":01}", 6}, {"{\"a\":1.}", 7}, {"{\"a\":\"x\ty\"}", 7}, {"{\"a\":\"\\x\"}", 6},
        {"{\"a\":\"\\u12g4\"}", 6}, {"{\"a\":tru}", 5}, {"{\"a\":1} x", 8}, {"{\"a\":\"x}", 5},
        {"{\"a\":[1,2}", 9},
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        size_t close;
        json_error err = {0, NULL};
        assert_int_equal(scan(bad[i].t, NULL, 0, &close, &err), -1);
        assert_non_null(err.msg);
        if (err.offset != bad[i].at)
            fail_msg("'%s': error at %zu, expected %zu (%s)", bad[i].t, err.offset, bad[i].at,
                     err.msg);
    }
}

static void depth_is_bounded(void **state)
{
    (void)state;
    char t[2 * (JSON_MAX_DEPTH + 10) + 8];
    size_t n = 0;
    t[n++] = '{'; t[n++] = '"'; t[n++] = 'a'; t[n++] = '"'; t[n++] = ':';
    for (int i = 0; i < JSON_MAX_DEPTH + 2; i++)
        t[n++] = '[';
    t[n] = '\0';
    size_t close;
    json_error err;
    assert_int_equal(scan(t, NULL, 0, &close, &err), -1);
    assert_string_equal(err.msg, "nested too deeply");
}

static void unescapes(void **state)
{
    (void)state;
    const char *tok = "\"a\\\"b\\\\c\\/d\\b\\f\\n\\r\\t\\u00e9\\u2019\\ud83d\\ude00\"";
    buf b = BUF_INIT;
    assert_int_equal(json_unescape(tok, strlen(tok), &b), 0);
    const char *want = "a\"b\\c/d\b\f\n\r\t\xc3\xa9\xe2\x80\x99\xf0\x9f\x98\x80";
    assert_int_equal(b.len, strlen(want));
    assert_memory_equal(b.data, want, b.len);
    buf_clear(&b);
    assert_int_equal(json_unescape("\"x\\ud800y\"", 10, &b), 1);   /* lone surrogate */
    buf_clear(&b);
    assert_int_equal(json_unescape("\"x\\q\"", 5, &b), -1);
    buf_free(&b);
}

static void escapes_both_styles(void **state)
{
    (void)state;
    const char *s = "q\"\\\n\x01 \xc3\xa9\xf0\x9f\x98\x80\xff";
    buf b = BUF_INIT;
    json_escape(&b, s, strlen(s), 0);
    assert_string_equal(b.data, "\"q\\\"\\\\\\n\\u0001 \xc3\xa9\xf0\x9f\x98\x80\xff\"");
    buf_clear(&b);
    json_escape(&b, s, strlen(s), 1);
    assert_string_equal(b.data, "\"q\\\"\\\\\\n\\u0001 \\u00e9\\ud83d\\ude00\xff\"");
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(finds_members_and_close),
        cmocka_unit_test(escaped_key_matches),
        cmocka_unit_test(rejects_malformed),
        cmocka_unit_test(depth_is_bounded),
        cmocka_unit_test(unescapes),
        cmocka_unit_test(escapes_both_styles),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
