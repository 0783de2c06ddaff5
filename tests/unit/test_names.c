/*
 * Unit tests for names (names.h): the names list and the name guard, which
 * keeps names, acronyms, words with digits, URLs, addresses, tags and code
 * away from the spelling and OCR rules.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "names.h"
#include "token.h"

static names *nm;

static int setup(void **state)
{
    (void)state;
    nm = names_new();
    names_add(nm, "Qaeda", 5);
    names_add(nm, "Lashkar-e-Taiba", 15);
    names_add(nm, "taiga", 5);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    names_free(nm);
    return 0;
}

/* The guard for the first word token spelled `word` in text. */
static int guard(const char *text, const char *word)
{
    tok_list l = {0};
    tok_split(text, strlen(text), &l);
    int g = -1;
    for (size_t i = 0; i < l.n; i++) {
        const token *t = &l.v[i];
        if (t->type == TOK_WORD && t->len == strlen(word) &&
            memcmp(text + t->start, word, t->len) == 0) {
            g = names_guard(nm, text, l.v, l.n, i);
            break;
        }
    }
    tok_list_free(&l);
    if (g < 0)
        fail_msg("no word token '%s' in '%s'", word, text);
    return g;
}

static void list_matches_as_written_or_folded_when_capitalised(void **state)
{
    (void)state;
    assert_true(names_has(nm, "Qaeda", 5));
    assert_true(names_has(nm, "QAEDA", 5));
    assert_false(names_has(nm, "qaeda", 5));   /* a lower-case word is not the name */
    assert_true(names_has(nm, "taiga", 5));
    assert_true(names_has(nm, "Taiga", 5));
    assert_false(names_has(nm, "Qaed", 4));
    assert_true(names_count(nm) >= 3);
}

static void list_matches_as_written_for_glyph_readings(void **state)
{
    (void)state;
    names_add(nm, "THC", 3);
    assert_true(names_has(nm, "Thc", 3));            /* folded: a capitalised THC */
    assert_false(names_has_written(nm, "Thc", 3));   /* as written: not the acronym */
    assert_true(names_has_written(nm, "THC", 3));
    assert_true(names_has_written(nm, "Taiga", 5));  /* a lower-case entry, capitalised */
    assert_true(names_has_written(nm, "Qaeda", 5));
    assert_false(names_has_written(nm, "QAEDA", 5));
}

static void list_loads_from_a_file(void **state)
{
    (void)state;
    char path[] = "/tmp/unspin-test-names-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("# names\nWexler\r\n\nColquitt \n", f);
    fclose(f);
    names *n2 = names_new();
    assert_int_equal(names_load(n2, path), 2);
    assert_true(names_has(n2, "Wexler", 6));
    assert_true(names_has(n2, "Colquitt", 8));
    assert_int_equal(names_load(n2, "/nonexistent/names"), -1);
    names_free(n2);
    remove(path);
}

static void capitalised_words_inside_a_sentence_are_names(void **state)
{
    (void)state;
    assert_int_equal(guard("He met Wexler there.", "Wexler"), GUARD_CAPITAL);
    assert_int_equal(guard("Wexler met him.", "Wexler"), GUARD_NONE);
    assert_int_equal(guard("Members of Al-Qaeda met.", "Al-Qaeda"), GUARD_ACRONYM);   /* mixed */
    assert_int_equal(guard("Members of Hamas met.", "Hamas"), GUARD_CAPITAL);
    /* At a sentence start, only the list protects a name. */
    assert_int_equal(guard("Qaeda was named.", "Qaeda"), GUARD_KNOWN);
    assert_int_equal(guard("Taiga was named.", "Taiga"), GUARD_KNOWN);   /* folded match */
}

static void acronyms_mixed_case_and_digits(void **state)
{
    (void)state;
    assert_int_equal(guard("the ISI said", "ISI"), GUARD_ACRONYM);
    assert_int_equal(guard("an iPhone here", "iPhone"), GUARD_ACRONYM);
    assert_int_equal(guard("the COVID-19 wave", "COVID-19"), GUARD_ACRONYM);
    assert_int_equal(guard("an mp3 file", "mp3"), GUARD_DIGIT);
}

static void urls_addresses_tags_and_code(void **state)
{
    (void)state;
    assert_int_equal(guard("see https://exmaple.org/pth now", "exmaple"), GUARD_URL);
    assert_int_equal(guard("see https://exmaple.org/pth now", "pth"), GUARD_URL);
    assert_int_equal(guard("see www.exmaple.org now", "exmaple"), GUARD_URL);
    assert_int_equal(guard("mail jhon@exmaple.org now", "jhon"), GUARD_EMAIL);
    assert_int_equal(guard("mail jhon@exmaple.org now", "exmaple"), GUARD_EMAIL);
    assert_int_equal(guard("tag #tbt now", "tbt"), GUARD_TAG);
    assert_int_equal(guard("ask @jhon now", "jhon"), GUARD_TAG);
    assert_int_equal(guard("call my_fucntion now", "fucntion"), GUARD_CODE);
    assert_int_equal(guard("open confg.yml now", "confg"), GUARD_CODE);
    assert_int_equal(guard("set x=vlaue now", "vlaue"), GUARD_CODE);
    assert_int_equal(guard("path usr/lbi now", "lbi"), GUARD_CODE);
    assert_int_equal(guard("a <dvi> tag", "dvi"), GUARD_CODE);
}

static void ordinary_punctuation_is_prose(void **state)
{
    (void)state;
    assert_int_equal(guard("a (tset), then", "tset"), GUARD_NONE);
    assert_int_equal(guard("\"tset\" she said", "tset"), GUARD_NONE);
    assert_int_equal(guard("the end: tset.", "tset"), GUARD_NONE);
    assert_int_equal(guard("a well-knwon man", "well-knwon"), GUARD_NONE);
    assert_int_equal(guard("it is tset.", "tset"), GUARD_NONE);
}

static void a_long_run_without_spaces_is_code(void **state)
{
    (void)state;
    char text[600] = "x ";
    for (int i = 0; i < 100; i++)
        strcat(text, "ab.");
    strcat(text, "tset");
    assert_int_equal(guard(text, "tset"), GUARD_CODE);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(list_matches_as_written_or_folded_when_capitalised),
        cmocka_unit_test(list_matches_as_written_for_glyph_readings),
        cmocka_unit_test(list_loads_from_a_file),
        cmocka_unit_test(capitalised_words_inside_a_sentence_are_names),
        cmocka_unit_test(acronyms_mixed_case_and_digits),
        cmocka_unit_test(urls_addresses_tags_and_code),
        cmocka_unit_test(ordinary_punctuation_is_prose),
        cmocka_unit_test(a_long_run_without_spaces_is_code),
    };
    return cmocka_run_group_tests_name("names", tests, setup, teardown);
}
