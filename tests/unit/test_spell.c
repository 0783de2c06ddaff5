/*
 * Unit tests for spell (spell.h): the hunspell wrapper over the system en_US
 * dictionary (hunspell-en-us, a build dependency) with the generated .aff:
 * OCR REP pairs, the per-type cache, apostrophes, added words, word shapes.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "spell.h"

#define DICT_DIR "/usr/share/hunspell"

static spell *sp;

static int setup(void **state)
{
    (void)state;
    const char *why = NULL;
    sp = spell_new(DICT_DIR, "en_US", &why);
    if (!sp)
        fprintf(stderr, "en_US: %s\n", why);
    return sp ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    spell_free(sp);
    sp = NULL;
    return 0;
}

static int check(const char *w)
{
    return spell_check(sp, w, strlen(w));
}

static spell_list suggest(const char *w)
{
    spell_list l;
    spell_suggest(sp, w, strlen(w), &l);
    return l;
}

static void missing_dictionary_is_refused_with_a_reason(void **state)
{
    (void)state;
    const char *why = NULL;
    assert_null(spell_new(DICT_DIR, "xx_NOPE", &why));
    assert_non_null(why);
    assert_null(spell_new("/nonexistent", "en_US", &why));
}

static void words_and_non_words(void **state)
{
    (void)state;
    assert_true(check("military"));
    assert_true(check("London"));
    assert_true(check("NATIONAL"));
    assert_false(check("rnilitary"));
    assert_false(check("london"));
    assert_false(check("teh"));
}

static void ocr_rep_pairs_make_the_repair_the_only_suggestion(void **state)
{
    (void)state;
    /* notes/deps.md §2: with the REP pairs, the OCR reading comes alone. */
    spell_list l = suggest("rnilitary");
    assert_int_equal(l.n, 1);
    assert_string_equal(l.v[0], "military");
    l = suggest("rnodern");
    assert_int_equal(l.n, 1);
    assert_string_equal(l.v[0], "modern");
    l = suggest("vvhen");
    assert_true(l.n >= 1);
    assert_string_equal(l.v[0], "when");
    /* The table the .aff gets is pairs, NULL-terminated. */
    size_t n = 0;
    while (spell_ocr_rep[n])
        n++;
    assert_int_equal(n % 2, 0);
    assert_int_equal(n / 2, 13);
}

static void results_are_cached_per_word_type(void **state)
{
    (void)state;
    spell_stats a, b;
    spell_get_stats(sp, &a);
    assert_false(check("qwzrtx"));
    assert_false(check("qwzrtx"));
    assert_false(check("qwzrtx"));
    spell_get_stats(sp, &b);
    assert_int_equal(b.checks - a.checks, 3);
    assert_int_equal(b.check_misses - a.check_misses, 1);
    suggest("adminstration");
    spell_list l = suggest("adminstration");
    spell_get_stats(sp, &a);
    assert_int_equal(a.suggests - b.suggests, 2);
    assert_int_equal(a.suggest_misses - b.suggest_misses, 1);
    assert_string_equal(l.v[0], "administration");
    /* Case matters to hunspell, so it matters to the cache. */
    assert_true(check("Army"));
    assert_true(check("army"));
}

static void hashed_check_agrees_with_plain_check(void **state)
{
    (void)state;
    /* FNV-1a, as the tokenizer computes it for lower-case ASCII words. */
    const char *words[] = {"table", "tabel", "don't", "governments'", "x", NULL};
    for (const char **w = words; *w; w++) {
        uint32_t h = 2166136261u;
        for (const char *p = *w; *p; p++)
            h = (h ^ (unsigned char)*p) * 16777619u;
        assert_int_equal(spell_check_hashed(sp, *w, strlen(*w), h), check(*w));
    }
}

static void trailing_apostrophes_are_ignored(void **state)
{
    (void)state;
    assert_true(check("governments\xE2\x80\x99"));   /* governments’ */
    assert_true(check("governments'"));
    assert_true(check("don\xE2\x80\x99t"));           /* inner ’: ICONV */
    assert_true(check("don't"));
}

static void curly_apostrophes_come_back_in_suggestions(void **state)
{
    (void)state;
    spell_list l = suggest("could\xE2\x80\x99nt");   /* could’nt */
    assert_true(l.n >= 1);
    assert_string_equal(l.v[0], "couldn\xE2\x80\x99t");
    l = suggest("could'nt");
    assert_true(l.n >= 1);
    assert_string_equal(l.v[0], "couldn't");
}

static void added_words_become_valid(void **state)
{
    (void)state;
    assert_false(check("unspinnable"));
    spell_add(sp, "unspinnable", strlen("unspinnable"));
    assert_true(check("unspinnable"));

    char path[] = "/tmp/unspin-test-words-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("# a comment\nQeadaish\r\n\nfrobnicated\n", f);
    fclose(f);
    assert_false(check("frobnicated"));
    assert_int_equal(spell_add_file(sp, path), 2);
    assert_true(check("frobnicated"));
    assert_true(check("Qeadaish"));
    remove(path);
    assert_int_equal(spell_add_file(sp, "/nonexistent/words"), -1);
}

static void overlong_and_empty_words_count_as_valid(void **state)
{
    (void)state;
    char w[SPELL_MAX_WORD + 10];
    memset(w, 'q', sizeof w);
    assert_true(spell_check(sp, w, sizeof w));
    assert_true(spell_check(sp, "", 0));
    spell_list l;
    assert_int_equal(spell_suggest(sp, w, sizeof w, &l), 0);
}

static void word_shapes(void **state)
{
    (void)state;
    /* No English word starts with "rn" or "vv", or ends in "hc". */
    assert_false(spell_shaped(sp, "rnilitary", 9));
    assert_false(spell_shaped(sp, "vvhen", 5));
    assert_false(spell_shaped(sp, "thc", 3));
    /* Real words, inflected words and foreign words that look English. */
    assert_true(spell_shaped(sp, "military", 8));
    assert_true(spell_shaped(sp, "militaries", 10));
    assert_true(spell_shaped(sp, "carried", 7));
    assert_true(spell_shaped(sp, "carne", 5));
    /* Non-letters do not count against a word. */
    assert_true(spell_shaped(sp, "don't", 5));
    assert_true(spell_shaped(sp, "caf\xC3\xA9", 5));
}

static void spelling_variants_are_not_corrections(void **state)
{
    (void)state;
    assert_true(spell_variant("favourite", 9, "favorite"));
    assert_true(spell_variant("centre", 6, "center"));
    assert_true(spell_variant("sceptred", 8, "sceptered"));
    assert_true(spell_variant("traveller", 9, "traveler"));
    assert_true(spell_variant("realise", 7, "realize"));
    assert_true(spell_variant("defence", 7, "defense"));
    assert_true(spell_variant("encyclopaedia", 13, "encyclopedia"));
    assert_false(spell_variant("teh", 3, "the"));
    assert_false(spell_variant("recieve", 7, "receive"));
    assert_false(spell_variant("colr", 4, "color"));
}

static void notes_are_kept_per_word_type(void **state)
{
    (void)state;
    assert_int_equal(spell_note(sp, "zorgblat", 8), 0);
    spell_set_note(sp, "zorgblat", 8, 1);
    assert_int_equal(spell_note(sp, "zorgblat", 8), 1);
    assert_int_equal(spell_note(sp, "zorgblit", 8), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(missing_dictionary_is_refused_with_a_reason),
        cmocka_unit_test(words_and_non_words),
        cmocka_unit_test(ocr_rep_pairs_make_the_repair_the_only_suggestion),
        cmocka_unit_test(results_are_cached_per_word_type),
        cmocka_unit_test(hashed_check_agrees_with_plain_check),
        cmocka_unit_test(trailing_apostrophes_are_ignored),
        cmocka_unit_test(curly_apostrophes_come_back_in_suggestions),
        cmocka_unit_test(added_words_become_valid),
        cmocka_unit_test(overlong_and_empty_words_count_as_valid),
        cmocka_unit_test(word_shapes),
        cmocka_unit_test(spelling_variants_are_not_corrections),
        cmocka_unit_test(notes_are_kept_per_word_type),
    };
    return cmocka_run_group_tests_name("spell", tests, setup, teardown);
}
