/*
 * Unit tests for casing.h: the case shape of a spun span carried over to its
 * replacement (examples from the header).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "casing.h"
#include "token.h"

static int pattern_of(const char *span)
{
    tok_list l = {0};
    tok_split(span, strlen(span), &l);
    int p = casing_pattern(span, l.v, l.n);
    tok_list_free(&l);
    return p;
}

/* Asserts that replacing span by repl (as written in the mapping) gives want. */
static void assert_transfer(const char *span, const char *repl, const char *want)
{
    buf out = BUF_INIT;
    casing_apply(repl, strlen(repl), pattern_of(span), &out);
    if (out.len != strlen(want) || memcmp(out.data, want, out.len) != 0)
        fail_msg("'%s' -> '%s': got '%.*s', expected '%s'", span, repl, (int)out.len,
                 out.data ? out.data : "", want);
    buf_free(&out);
}

static void all_caps_span_gives_all_caps_replacement(void **state)
{
    (void)state;
    assert_int_equal(pattern_of("PINK MILITARY"), CASEP_UPPER);
    assert_transfer("PINK MILITARY", "red army", "RED ARMY");
}

static void all_caps_span_with_one_letter_word_stays_all_caps(void **state)
{
    (void)state;
    /* "A" alone is title-shaped, but among capitals it is upper case. */
    assert_int_equal(pattern_of("A TON OF"), CASEP_UPPER);
    assert_transfer("A TON OF", "a lot of", "A LOT OF");
    assert_transfer("TONS OF A", "lots of a", "LOTS OF A");
}

static void title_span_gives_title_replacement(void **state)
{
    (void)state;
    assert_int_equal(pattern_of("Pink Military"), CASEP_TITLE);
    assert_transfer("Pink Military", "red army", "Red Army");
}

static void title_case_keeps_small_words_lower(void **state)
{
    (void)state;
    assert_int_equal(pattern_of("Chief of Military Employees"), CASEP_TITLE);
    assert_transfer("Chief of Military Employees", "chief of army staff", "Chief of Army Staff");
    /* The first word is capitalised even when it is a small word. */
    assert_transfer("Pink Military", "the red army", "The Red Army");
}

static void capitalised_first_word_capitalises_only_the_first(void **state)
{
    (void)state;
    assert_int_equal(pattern_of("Nationwide safety"), CASEP_FIRST);
    assert_transfer("Nationwide safety", "national security", "National security");
    /* A single capitalised word is a sentence start, not a title. */
    assert_transfer("Military", "army", "Army");
}

static void lower_case_span_keeps_replacement_as_written(void **state)
{
    (void)state;
    assert_int_equal(pattern_of("america"), CASEP_ASIS);
    assert_transfer("america", "the United States", "the United States");
    assert_transfer("pink military", "red army", "red army");
    assert_transfer("nationwide safety", "NATO forces", "NATO forces");
}

static void upper_casing_handles_non_ascii_letters(void **state)
{
    (void)state;
    /* école normale → ÉCOLE NORMALE; élan vital → Élan Vital / Élan vital. */
    assert_transfer("PINK MILITARY", "\xC3\xA9" "cole normale", "\xC3\x89" "COLE NORMALE");
    assert_transfer("Pink Military", "\xC3\xA9" "lan vital", "\xC3\x89" "lan Vital");
    assert_transfer("Nationwide safety", "\xC3\xA9" "lan vital", "\xC3\x89" "lan vital");
    /* grün → GRÜN */
    assert_transfer("PINK", "gr\xC3\xBC" "n", "GR\xC3\x9C" "N");
}

static void non_ascii_span_shape_is_recognised(void **state)
{
    (void)state;
    /* ÉCOLE NORMALE */
    assert_int_equal(pattern_of("\xC3\x89" "COLE NORMALE"), CASEP_UPPER);
    /* École Normale */
    assert_int_equal(pattern_of("\xC3\x89" "cole Normale"), CASEP_TITLE);
}

static void punctuation_and_spaces_do_not_affect_the_pattern(void **state)
{
    (void)state;
    assert_int_equal(pattern_of("PINK, MILITARY"), CASEP_UPPER);
    assert_int_equal(pattern_of("Pink\nMilitary"), CASEP_TITLE);
    assert_int_equal(pattern_of("..."), CASEP_ASIS);
}

static void small_words_are_recognised_case_insensitively(void **state)
{
    (void)state;
    assert_true(casing_is_small_word("of", 2));
    assert_true(casing_is_small_word("The", 3));
    assert_true(casing_is_small_word("AND", 3));
    assert_false(casing_is_small_word("army", 4));
    /* Only whole words: "off" is not "of", "th" is not "the". */
    assert_false(casing_is_small_word("off", 3));
    assert_false(casing_is_small_word("th", 2));
}

static void invalid_bytes_in_replacement_are_copied(void **state)
{
    (void)state;
    static const char repl[] = "red\xFF" " army";
    buf out = BUF_INIT;
    casing_apply(repl, sizeof repl - 1, CASEP_UPPER, &out);
    assert_int_equal(out.len, sizeof repl - 1);
    assert_memory_equal(out.data, "RED\xFF" " ARMY", out.len);
    buf_free(&out);
}

static void apply_appends_to_existing_content(void **state)
{
    (void)state;
    buf out = BUF_INIT;
    buf_puts(&out, "x: ");
    casing_apply("red army", 8, CASEP_TITLE, &out);
    assert_string_equal(out.data, "x: Red Army");
    buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(all_caps_span_gives_all_caps_replacement),
        cmocka_unit_test(all_caps_span_with_one_letter_word_stays_all_caps),
        cmocka_unit_test(title_span_gives_title_replacement),
        cmocka_unit_test(title_case_keeps_small_words_lower),
        cmocka_unit_test(capitalised_first_word_capitalises_only_the_first),
        cmocka_unit_test(lower_case_span_keeps_replacement_as_written),
        cmocka_unit_test(upper_casing_handles_non_ascii_letters),
        cmocka_unit_test(non_ascii_span_shape_is_recognised),
        cmocka_unit_test(punctuation_and_spaces_do_not_affect_the_pattern),
        cmocka_unit_test(small_words_are_recognised_case_insensitively),
        cmocka_unit_test(invalid_bytes_in_replacement_are_copied),
        cmocka_unit_test(apply_appends_to_existing_content),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
