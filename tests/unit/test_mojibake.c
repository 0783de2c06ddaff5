/*
 * Unit tests for mojibake (mojibake.h): UTF-8 decoded as cp1252 or Latin-1
 * is found and decoded back; clean text in many scripts is left alone.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "mojibake.h"

/* Applies every fix to s and returns the result in out (cap bytes). */
static size_t repair(const char *s, char *out, size_t cap, size_t *fixes)
{
    size_t n = strlen(s), at = 0, o = 0;
    moji_fix fx;
    *fixes = 0;
    while (mojibake_next(s, n, at, &fx)) {
        assert_true(fx.start >= at && fx.end <= n && fx.start < fx.end);
        assert_true(fx.len < fx.end - fx.start);
        assert_true(o + (fx.start - at) + fx.len < cap);
        memcpy(out + o, s + at, fx.start - at);
        o += fx.start - at;
        memcpy(out + o, fx.text, fx.len);
        o += fx.len;
        at = fx.end;
        (*fixes)++;
    }
    assert_true(o + (n - at) < cap);
    memcpy(out + o, s + at, n - at);
    o += n - at;
    out[o] = '\0';
    return o;
}

static void assert_repairs(const char *damaged, const char *want)
{
    char out[1024];
    size_t fixes;
    repair(damaged, out, sizeof out, &fixes);
    assert_string_equal(out, want);
    assert_true(fixes > 0);
}

static void assert_clean(const char *text)
{
    char out[1024];
    size_t fixes;
    repair(text, out, sizeof out, &fixes);
    assert_int_equal(fixes, 0);
    assert_string_equal(out, text);
}

static void cp1252_punctuation(void **state)
{
    (void)state;
    assert_repairs("It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s", "It\xE2\x80\x99s");   /* Itâ€™s → It’s */
    /* “quoted” with ” as â€ + U+009D (Latin-1 keeps the undefined byte). */
    assert_repairs("\xC3\xA2\xE2\x82\xAC\xC5\x93quoted\xC3\xA2\xE2\x82\xAC\xC2\x9D",
                   "\xE2\x80\x9Cquoted\xE2\x80\x9D");
    assert_repairs("a \xC3\xA2\xE2\x82\xAC\xE2\x80\x9D b", "a \xE2\x80\x94 b");        /* — */
    assert_repairs("wait\xC3\xA2\xE2\x82\xAC\xC2\xA6", "wait\xE2\x80\xA6");               /* … */
}

static void latin_letters(void **state)
{
    (void)state;
    assert_repairs("caf\xC3\x83\xC2\xA9", "caf\xC3\xA9");                     /* cafÃ© */
    assert_repairs("na\xC3\x83\xC2\xAFve Z\xC3\x83\xC2\xBCrich", "na\xC3\xAFve Z\xC3\xBCrich");
    assert_repairs("\xC3\x83\xE2\x80\xB0t\xC3\x83\xC2\xA9", "\xC3\x89t\xC3\xA9");   /* Ã‰tÃ© → Été */
    assert_repairs("\xC3\x85\xC2\x81\xC3\x83\xC2\xB3" "d\xC3\x85\xC2\xBA", "\xC5\x81\xC3\xB3" "d\xC5\xBA");
    assert_repairs("5\xC3\x82\xC2\xB0" "C", "5\xC2\xB0" "C");                    /* Â° */
}

static void other_scripts_need_a_run(void **state)
{
    (void)state;
    /* Ð¿Ñ€Ð¸Ð²ÐµÑ‚ → привет */
    assert_repairs("\xC3\x90\xC2\xBF\xC3\x91\xE2\x82\xAC\xC3\x90\xC2\xB8\xC3\x90\xC2\xB2"
                   "\xC3\x90\xC2\xB5\xC3\x91\xE2\x80\x9A",
                   "\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82");
    /* A lone Ð¾ could be an Icelandic capital eth before a symbol. */
    assert_clean("\xC3\x90\xC2\xBE");
    /* æ—¥æœ¬ → 日本 */
    assert_repairs("\xC3\xA6\xE2\x80\x94\xC2\xA5\xC3\xA6\xC5\x93\xC2\xAC", "\xE6\x97\xA5\xE6\x9C\xAC");
}

static void emoji_and_double_encoding(void **state)
{
    (void)state;
    assert_repairs("\xC3\xB0\xC5\xB8\xCB\x9C\xE2\x82\xAC", "\xF0\x9F\x98\x80");   /* ðŸ˜€ → 😀 */
    /* Ã¢â‚¬â„¢ (encoded twice) → ’ */
    moji_fix fx;
    const char *twice = "x\xC3\x83\xC2\xA2\xC3\xA2\xE2\x80\x9A\xC2\xAC\xC3\xA2\xE2\x80\x9E\xC2\xA2y";
    assert_true(mojibake_next(twice, strlen(twice), 0, &fx));
    assert_string_equal(fx.text, "\xE2\x80\x99");
    assert_int_equal(fx.rounds, 2);
    assert_int_equal(fx.start, 1);
    assert_int_equal(fx.end, strlen(twice) - 1);
}

static void clean_text_is_left_alone(void **state)
{
    (void)state;
    assert_clean("It\xE2\x80\x99s a \xE2\x80\x9Cquoted\xE2\x80\x9D phrase \xE2\x80\x94 ok\xE2\x80\xA6");
    assert_clean("Caf\xC3\xA9, na\xC3\xAFve, fa\xC3\xA7" "ade, Stra\xC3\x9F" "e, \xC3\x98resund.");
    assert_clean("\xC2\xAB Bonjour \xC2\xBB, l\xE2\x80\x99\xC3\xA9t\xC3\xA9 \xC3\xA0 Paris.");
    assert_clean("S\xC3\xA3o Paulo, cora\xC3\xA7\xC3\xA3o, irm\xC3\xA3.");
    assert_clean("\xD0\xBF\xD1\x80\xD0\xB8\xD0\xB2\xD0\xB5\xD1\x82 \xCE\xBA\xCF\x8C\xCF\x83\xCE\xBC\xCE\xB5");
    assert_clean("\xE4\xBD\xA0\xE5\xA5\xBD\xE4\xB8\x96\xE7\x95\x8C \xF0\x9F\x98\x80 \xE2\x84\xA2 \xC2\xA9");
    /* Capitals before word-end punctuation: IRMÃ”, ÉTÉ» are real words. */
    assert_clean("IRM\xC3\x83\xE2\x80\x9D and \xC3\x89T\xC3\x89\xC2\xBB ok");
    assert_clean("plain ASCII text, nothing to see");
}

static void invalid_and_truncated_input(void **state)
{
    (void)state;
    moji_fix fx;
    const char bad[] = "\xC3\x83\xFF\xC3 \xE2\x82\xC3\xA2\xE2\x82";
    assert_false(mojibake_next(bad, sizeof bad - 1, 0, &fx));
    assert_false(mojibake_next("", 0, 0, &fx));
    /* A fix is found however far into the text, starting anywhere. */
    const char *s = "ab caf\xC3\x83\xC2\xA9 cd caf\xC3\x83\xC2\xA9";
    assert_true(mojibake_next(s, strlen(s), 0, &fx));
    assert_int_equal(fx.start, 6);
    assert_true(mojibake_next(s, strlen(s), fx.end, &fx));
    assert_int_equal(fx.start, 17);
    assert_false(mojibake_next(s, strlen(s), fx.end, &fx));
}

static void long_runs_come_in_pieces(void **state)
{
    (void)state;
    char s[2000] = "", want[1000] = "";
    for (int i = 0; i < 300; i++) {
        strcat(s, "\xC3\x83\xC2\xA9");   /* Ã© */
        strcat(want, "\xC3\xA9");
    }
    char out[2000];
    size_t fixes;
    repair(s, out, sizeof out, &fixes);
    assert_string_equal(out, want);
    assert_true(fixes > 1);
}

static void byte_tables_round_trip(void **state)
{
    (void)state;
    for (int b = 0; b < 256; b++) {
        int cp = mojibake_cp1252(b);
        assert_int_equal(mojibake_byte(cp), b);
    }
    assert_int_equal(mojibake_cp1252(0x92), 0x2019);
    assert_int_equal(mojibake_cp1252(0x81), 0x81);   /* undefined in cp1252: Latin-1 */
    assert_int_equal(mojibake_byte(0x4E00), -1);
    assert_int_equal(mojibake_byte(-1), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(cp1252_punctuation),
        cmocka_unit_test(latin_letters),
        cmocka_unit_test(other_scripts_need_a_run),
        cmocka_unit_test(emoji_and_double_encoding),
        cmocka_unit_test(clean_text_is_left_alone),
        cmocka_unit_test(invalid_and_truncated_input),
        cmocka_unit_test(long_runs_come_in_pieces),
        cmocka_unit_test(byte_tables_round_trip),
    };
    return cmocka_run_group_tests_name("mojibake", tests, NULL, NULL);
}
