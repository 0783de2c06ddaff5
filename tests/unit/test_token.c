/*
 * Unit tests for token.h: tok_split, tok_fold, tok_hash.
 * Expectations come from the header: every byte belongs to exactly one token,
 * words join inner apostrophes and hyphens, numbers join inner . , :, invalid
 * bytes are one-byte TOK_INVALID tokens, hashing folds case and ’ to '.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "token.h"

/* Tokenizes s[0..n) and checks that the tokens tile it: each starts where the
 * previous ended, none is empty, and the last ends at n. */
static void assert_tiles(const char *s, size_t n, tok_list *l)
{
    tok_split(s, n, l);
    size_t at = 0;
    buf back = BUF_INIT;
    for (size_t i = 0; i < l->n; i++) {
        assert_int_equal(l->v[i].start, at);
        assert_true(l->v[i].len > 0);
        buf_put(&back, s + l->v[i].start, l->v[i].len);
        at += l->v[i].len;
    }
    assert_int_equal(at, n);
    assert_int_equal(back.len, n);
    if (n)
        assert_memory_equal(back.data, s, n);
    buf_free(&back);
}

/* The index of the first token whose text is w, or fails. */
static size_t find_tok(const char *s, const tok_list *l, const char *w)
{
    size_t wl = strlen(w);
    for (size_t i = 0; i < l->n; i++)
        if (l->v[i].len == wl && memcmp(s + l->v[i].start, w, wl) == 0)
            return i;
    fail_msg("no token '%s'", w);
    return 0;
}

static size_t count_type(const tok_list *l, int type)
{
    size_t c = 0;
    for (size_t i = 0; i < l->n; i++)
        c += l->v[i].type == type;
    return c;
}

static void concatenated_tokens_reproduce_plain_text(void **state)
{
    (void)state;
    tok_list l = {0};
    const char *s = "The Pink Military, at 6.5 km/h; don't stop!  Really?\tYes.";
    assert_tiles(s, strlen(s), &l);
    tok_list_free(&l);
}

static void concatenated_tokens_reproduce_invalid_utf8(void **state)
{
    (void)state;
    tok_list l = {0};
    /* Stray continuation, overlong, surrogate, > U+10FFFF, truncated at the end. */
    static const char s[] = "ab\x80" "cd \xC0\xAF \xED\xA0\x80 \xF4\x90\x80\x80 caf\xC3";
    assert_tiles(s, sizeof s - 1, &l);
    tok_list_free(&l);
}

static void concatenated_tokens_reproduce_nul_bytes(void **state)
{
    (void)state;
    tok_list l = {0};
    static const char s[] = "pink\0military\0\0 army";
    assert_tiles(s, sizeof s - 1, &l);
    tok_list_free(&l);
}

static void concatenated_tokens_reproduce_crlf_and_lone_cr(void **state)
{
    (void)state;
    tok_list l = {0};
    static const char s[] = "one\r\ntwo\rthree\n\r\nfour\r";
    assert_tiles(s, sizeof s - 1, &l);
    /* Line ends: CRLF, CR, LF, CRLF, CR. */
    assert_int_equal(count_type(&l, TOK_NEWLINE), 5);
    size_t i = find_tok(s, &l, "one");
    assert_int_equal(l.v[i + 1].type, TOK_NEWLINE);
    assert_int_equal(l.v[i + 1].len, 2);
    i = find_tok(s, &l, "two");
    assert_int_equal(l.v[i + 1].type, TOK_NEWLINE);
    assert_int_equal(l.v[i + 1].len, 1);
    tok_list_free(&l);
}

static void concatenated_tokens_reproduce_text_with_bom(void **state)
{
    (void)state;
    tok_list l = {0};
    static const char s[] = "\xEF\xBB\xBFPink military";
    assert_tiles(s, sizeof s - 1, &l);
    /* The BOM is not part of the first word. */
    size_t i = find_tok(s, &l, "Pink");
    assert_int_equal(l.v[i].start, 3);
    assert_int_equal(l.v[i].type, TOK_WORD);
    tok_list_free(&l);
}

static void empty_input_gives_no_tokens(void **state)
{
    (void)state;
    tok_list l = {0};
    tok_split("", 0, &l);
    assert_int_equal(l.n, 0);
    tok_list_free(&l);
}

static void tok_split_clears_the_list_first(void **state)
{
    (void)state;
    tok_list l = {0};
    tok_split("a b c d", 7, &l);
    tok_split("x", 1, &l);
    assert_int_equal(l.n, 1);
    tok_list_free(&l);
}

static void words_with_inner_apostrophes_are_one_token(void **state)
{
    (void)state;
    tok_list l = {0};
    const char *words[] = {"don't", "don\xE2\x80\x99t", "o'clock", "rock'n'roll"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        tok_split(words[k], strlen(words[k]), &l);
        assert_int_equal(l.n, 1);
        assert_int_equal(l.v[0].type, TOK_WORD);
        assert_int_equal(l.v[0].len, strlen(words[k]));
    }
    tok_list_free(&l);
}

static void apostrophes_at_word_edges_are_not_joined(void **state)
{
    (void)state;
    tok_list l = {0};
    const char *s = "'army' soldiers'";
    tok_split(s, strlen(s), &l);
    size_t i = find_tok(s, &l, "army");
    assert_int_equal(l.v[i].type, TOK_WORD);
    i = find_tok(s, &l, "soldiers");
    assert_int_equal(l.v[i].type, TOK_WORD);
    assert_int_equal(l.v[i + 1].type, TOK_PUNCT);
    tok_list_free(&l);
}

static void hyphenated_words_are_one_token(void **state)
{
    (void)state;
    tok_list l = {0};
    /* ASCII hyphen, U+2010 hyphen, U+2011 non-breaking hyphen. */
    const char *words[] = {"army-backed", "army\xE2\x80\x90" "backed", "army\xE2\x80\x91" "backed",
                           "state-of-the-art"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        tok_split(words[k], strlen(words[k]), &l);
        assert_int_equal(l.n, 1);
        assert_int_equal(l.v[0].type, TOK_WORD);
    }
    tok_list_free(&l);
}

static void dangling_hyphen_is_not_part_of_the_word(void **state)
{
    (void)state;
    tok_list l = {0};
    const char *s = "pro- and anti-war";
    tok_split(s, strlen(s), &l);
    size_t i = find_tok(s, &l, "pro");
    assert_int_equal(l.v[i + 1].type, TOK_PUNCT);
    find_tok(s, &l, "anti-war");
    tok_list_free(&l);
}

static void curly_possessive_has_poss_len_4_and_base_hash_of_stem(void **state)
{
    (void)state;
    tok_list l = {0};
    const char *s = "Pakistan\xE2\x80\x99s";
    tok_split(s, strlen(s), &l);
    assert_int_equal(l.n, 1);
    assert_int_equal(l.v[0].type, TOK_WORD);
    assert_int_equal(l.v[0].poss_len, 4);
    assert_int_equal(l.v[0].base_hash, tok_hash("Pakistan", 8));
    assert_int_equal(l.v[0].hash, tok_hash(s, strlen(s)));
    tok_list_free(&l);
}

static void straight_possessive_has_poss_len_2(void **state)
{
    (void)state;
    tok_list l = {0};
    const char *s = "ARMY'S";
    tok_split(s, strlen(s), &l);
    assert_int_equal(l.n, 1);
    assert_int_equal(l.v[0].poss_len, 2);
    assert_int_equal(l.v[0].base_hash, tok_hash("army", 4));
    tok_list_free(&l);
}

static void word_without_possessive_has_poss_len_0(void **state)
{
    (void)state;
    tok_list l = {0};
    const char *s = "soldiers 's";
    tok_split(s, strlen(s), &l);
    assert_int_equal(l.v[find_tok(s, &l, "soldiers")].poss_len, 0);
    tok_list_free(&l);
}

static void decimal_and_grouped_numbers_are_one_num_token(void **state)
{
    (void)state;
    tok_list l = {0};
    const char *nums[] = {"6.5", "1,000", "10:30", "1,000,000.25", "42"};
    for (size_t k = 0; k < sizeof nums / sizeof *nums; k++) {
        tok_split(nums[k], strlen(nums[k]), &l);
        assert_int_equal(l.n, 1);
        assert_int_equal(l.v[0].type, TOK_NUM);
        assert_int_equal(l.v[0].shape, SHAPE_NONE);
        assert_int_equal(l.v[0].flags & TOKF_DIGIT, 0);
    }
    tok_list_free(&l);
}

static void number_punctuation_not_followed_by_digit_is_separate(void **state)
{
    (void)state;
    tok_list l = {0};
    const char *s = "rose 6.5. Then 1,000, and";
    tok_split(s, strlen(s), &l);
    size_t i = find_tok(s, &l, "6.5");
    assert_int_equal(l.v[i].type, TOK_NUM);
    assert_int_equal(l.v[i + 1].type, TOK_PUNCT);
    i = find_tok(s, &l, "1,000");
    assert_int_equal(l.v[i].type, TOK_NUM);
    assert_int_equal(l.v[i + 1].type, TOK_PUNCT);
    tok_list_free(&l);
}

static void words_with_digits_are_words_flagged_digit(void **state)
{
    (void)state;
    tok_list l = {0};
    const char *words[] = {"3rd", "COVID-19", "B12"};
    for (size_t k = 0; k < sizeof words / sizeof *words; k++) {
        tok_split(words[k], strlen(words[k]), &l);
        assert_int_equal(l.n, 1);
        assert_int_equal(l.v[0].type, TOK_WORD);
        assert_true(l.v[0].flags & TOKF_DIGIT);
    }
    tok_list_free(&l);
}

static void words_without_digits_are_not_flagged_digit(void **state)
{
    (void)state;
    tok_list l = {0};
    tok_split("military", 8, &l);
    assert_int_equal(l.v[0].flags & TOKF_DIGIT, 0);
    tok_list_free(&l);
}

static void non_ascii_words_are_flagged_nonascii(void **state)
{
    (void)state;
    tok_list l = {0};
    const char *s = "caf\xC3\xA9 cafe";
    tok_split(s, strlen(s), &l);
    assert_true(l.v[find_tok(s, &l, "caf\xC3\xA9")].flags & TOKF_NONASCII);
    assert_int_equal(l.v[find_tok(s, &l, "cafe")].flags & TOKF_NONASCII, 0);
    tok_list_free(&l);
}

static void case_shapes_follow_the_letters(void **state)
{
    (void)state;
    static const struct {
        const char *w;
        int shape;
    } cases[] = {
        {"army", SHAPE_LOWER},   {"ARMY", SHAPE_UPPER},     {"Army", SHAPE_TITLE},
        {"A", SHAPE_TITLE},      {"a", SHAPE_LOWER},        {"iPhone", SHAPE_MIXED},
        {"McDonald", SHAPE_MIXED}, {"COVID-19", SHAPE_UPPER}, {"3rd", SHAPE_LOWER},
        {"\xC3\x89" "COLE", SHAPE_UPPER},                    /* ÉCOLE */
        {"\xC3\x89" "cole", SHAPE_TITLE},                    /* École */
        {"\xC3\xA9" "cole", SHAPE_LOWER},                    /* école */
    };
    tok_list l = {0};
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        tok_split(cases[k].w, strlen(cases[k].w), &l);
        assert_int_equal(l.n, 1);
        if (l.v[0].shape != cases[k].shape)
            fail_msg("'%s': shape %d, expected %d", cases[k].w, l.v[0].shape, cases[k].shape);
    }
    tok_list_free(&l);
}

static void sentence_start_is_flagged_after_terminal_punctuation(void **state)
{
    (void)state;
    tok_list l = {0};
    const char *s = "First word. Second one! Third one? Fourth, not fifth";
    tok_split(s, strlen(s), &l);
    assert_true(l.v[find_tok(s, &l, "First")].flags & TOKF_SENT_START);
    assert_true(l.v[find_tok(s, &l, "Second")].flags & TOKF_SENT_START);
    assert_true(l.v[find_tok(s, &l, "Third")].flags & TOKF_SENT_START);
    assert_true(l.v[find_tok(s, &l, "Fourth")].flags & TOKF_SENT_START);
    assert_false(l.v[find_tok(s, &l, "word")].flags & TOKF_SENT_START);
    assert_false(l.v[find_tok(s, &l, "one")].flags & TOKF_SENT_START);
    assert_false(l.v[find_tok(s, &l, "not")].flags & TOKF_SENT_START);
    tok_list_free(&l);
}

static void decimal_point_does_not_start_a_sentence(void **state)
{
    (void)state;
    tok_list l = {0};
    const char *s = "it rose 6.5 percent";
    tok_split(s, strlen(s), &l);
    assert_false(l.v[find_tok(s, &l, "percent")].flags & TOKF_SENT_START);
    tok_list_free(&l);
}

static void hash_is_case_insensitive(void **state)
{
    (void)state;
    assert_int_equal(tok_hash("ARMY", 4), tok_hash("army", 4));
    assert_int_equal(tok_hash("Army", 4), tok_hash("aRMY", 4));
    /* Non-ASCII letters fold too: ÉCOLE / école. */
    assert_int_equal(tok_hash("\xC3\x89" "COLE", 6), tok_hash("\xC3\xA9" "cole", 6));
    assert_int_not_equal(tok_hash("army", 4), tok_hash("arms", 4));
}

static void hash_treats_curly_apostrophe_as_straight(void **state)
{
    (void)state;
    const char *curly = "don\xE2\x80\x99t";
    assert_int_equal(tok_hash(curly, strlen(curly)), tok_hash("don't", 5));
    assert_int_equal(tok_hash(curly, strlen(curly)), tok_hash("DON'T", 5));
}

static void token_hash_is_hash_of_its_text(void **state)
{
    (void)state;
    tok_list l = {0};
    const char *s = "Pink MILITARY, 6.5!";
    tok_split(s, strlen(s), &l);
    for (size_t i = 0; i < l.n; i++)
        if (l.v[i].type == TOK_WORD || l.v[i].type == TOK_NUM || l.v[i].type == TOK_PUNCT)
            assert_int_equal(l.v[i].hash, tok_hash(s + l.v[i].start, l.v[i].len));
    assert_int_equal(l.v[find_tok(s, &l, "Pink")].hash, tok_hash("pink", 4));
    tok_list_free(&l);
}

/* The ASCII fast path hashes 8 bytes at a time and reads ahead when it can;
 * words of every length, at the end of the text and not, with and without
 * capitals and digits, must hash as tok_hash hashes their text. */
static void fast_path_hash_agrees_with_tok_hash_at_every_length(void **state)
{
    (void)state;
    const char *word = "AbcdefghijKLMNOPQRSTuvwxyz0123456789";
    char text[128];
    tok_list l = {0};
    for (size_t n = 1; n <= strlen(word); n++) {
        for (int at_end = 0; at_end < 2; at_end++) {
            size_t len = (size_t)snprintf(text, sizeof text, "%.*s%s", (int)n, word,
                                          at_end ? "" : " and more text");
            tok_split(text, len, &l);
            assert_int_equal(l.v[0].len, n);
            assert_true(l.v[0].hash == tok_hash(text, n));
            char folded[64];
            size_t fl = tok_fold(text, n, folded, sizeof folded);
            assert_true(l.v[0].hash == tok_hash_bytes(folded, fl));
        }
    }
    tok_list_free(&l);
}

static void fold_lowercases_and_maps_curly_apostrophe(void **state)
{
    (void)state;
    char out[64];
    const char *s = "Don\xE2\x80\x99t \xC3\x89" "COLE";
    size_t n = tok_fold(s, strlen(s), out, sizeof out);
    const char *want = "don't \xC3\xA9" "cole";
    assert_int_equal(n, strlen(want));
    assert_string_equal(out, want);
    /* The hash is over the folded form. */
    assert_int_equal(tok_hash(s, strlen(s)), tok_hash(want, strlen(want)));
}

static void fold_reports_overflow(void **state)
{
    (void)state;
    char out[8];
    const char *s = "a rather long phrase";
    assert_int_equal(tok_fold(s, strlen(s), out, sizeof out), (size_t)-1);
}

static void invalid_bytes_are_single_invalid_tokens(void **state)
{
    (void)state;
    tok_list l = {0};
    static const char s[] = "ab\xFF" "cd";
    tok_split(s, sizeof s - 1, &l);
    assert_int_equal(l.n, 3);
    assert_int_equal(l.v[0].type, TOK_WORD);
    assert_int_equal(l.v[0].len, 2);
    assert_int_equal(l.v[1].type, TOK_INVALID);
    assert_int_equal(l.v[1].len, 1);
    assert_int_equal(l.v[2].type, TOK_WORD);
    assert_int_equal(l.v[2].len, 2);
    tok_list_free(&l);
}

static void invalid_sequences_give_one_token_per_byte(void **state)
{
    (void)state;
    tok_list l = {0};
    /* Overlong '/', a surrogate, a code point past U+10FFFF: all invalid bytes. */
    static const char s[] = "\xC0\xAF\xED\xA0\x80\xF4\x90\x80\x80";
    tok_split(s, sizeof s - 1, &l);
    assert_int_equal(l.n, sizeof s - 1);
    for (size_t i = 0; i < l.n; i++) {
        assert_int_equal(l.v[i].type, TOK_INVALID);
        assert_int_equal(l.v[i].len, 1);
    }
    tok_list_free(&l);
}

static void truncated_sequence_is_not_merged_into_word(void **state)
{
    (void)state;
    tok_list l = {0};
    /* "caf" then the first byte of é, then a letter: the word must stop. */
    static const char s[] = "caf\xC3" "e";
    tok_split(s, sizeof s - 1, &l);
    assert_int_equal(l.n, 3);
    assert_int_equal(l.v[0].len, 3);
    assert_int_equal(l.v[1].type, TOK_INVALID);
    assert_int_equal(l.v[2].type, TOK_WORD);
    /* And at the very end of the input. */
    tok_split(s, sizeof s - 2, &l);
    assert_int_equal(l.n, 2);
    assert_int_equal(l.v[1].type, TOK_INVALID);
    tok_list_free(&l);
}

static void invalid_byte_after_apostrophe_is_not_joined(void **state)
{
    (void)state;
    tok_list l = {0};
    static const char s[] = "don'\xFF";
    tok_split(s, sizeof s - 1, &l);
    for (size_t i = 0; i < l.n; i++)
        if (l.v[i].type == TOK_WORD)
            assert_memory_equal(s + l.v[i].start, "don", l.v[i].len);
    assert_int_equal(l.v[l.n - 1].type, TOK_INVALID);
    tok_list_free(&l);
}

static void spaces_and_tabs_are_one_space_token(void **state)
{
    (void)state;
    tok_list l = {0};
    const char *s = "a \t  b\xC2\xA0" "c";
    tok_split(s, strlen(s), &l);
    assert_int_equal(l.n, 5);
    assert_int_equal(l.v[1].type, TOK_SPACE);
    assert_int_equal(l.v[1].len, 4);
    /* A no-break space is horizontal space. */
    assert_int_equal(l.v[3].type, TOK_SPACE);
    tok_list_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(concatenated_tokens_reproduce_plain_text),
        cmocka_unit_test(fast_path_hash_agrees_with_tok_hash_at_every_length),
        cmocka_unit_test(concatenated_tokens_reproduce_invalid_utf8),
        cmocka_unit_test(concatenated_tokens_reproduce_nul_bytes),
        cmocka_unit_test(concatenated_tokens_reproduce_crlf_and_lone_cr),
        cmocka_unit_test(concatenated_tokens_reproduce_text_with_bom),
        cmocka_unit_test(empty_input_gives_no_tokens),
        cmocka_unit_test(tok_split_clears_the_list_first),
        cmocka_unit_test(words_with_inner_apostrophes_are_one_token),
        cmocka_unit_test(apostrophes_at_word_edges_are_not_joined),
        cmocka_unit_test(hyphenated_words_are_one_token),
        cmocka_unit_test(dangling_hyphen_is_not_part_of_the_word),
        cmocka_unit_test(curly_possessive_has_poss_len_4_and_base_hash_of_stem),
        cmocka_unit_test(straight_possessive_has_poss_len_2),
        cmocka_unit_test(word_without_possessive_has_poss_len_0),
        cmocka_unit_test(decimal_and_grouped_numbers_are_one_num_token),
        cmocka_unit_test(number_punctuation_not_followed_by_digit_is_separate),
        cmocka_unit_test(words_with_digits_are_words_flagged_digit),
        cmocka_unit_test(words_without_digits_are_not_flagged_digit),
        cmocka_unit_test(non_ascii_words_are_flagged_nonascii),
        cmocka_unit_test(case_shapes_follow_the_letters),
        cmocka_unit_test(sentence_start_is_flagged_after_terminal_punctuation),
        cmocka_unit_test(decimal_point_does_not_start_a_sentence),
        cmocka_unit_test(hash_is_case_insensitive),
        cmocka_unit_test(hash_treats_curly_apostrophe_as_straight),
        cmocka_unit_test(token_hash_is_hash_of_its_text),
        cmocka_unit_test(fold_lowercases_and_maps_curly_apostrophe),
        cmocka_unit_test(fold_reports_overflow),
        cmocka_unit_test(invalid_bytes_are_single_invalid_tokens),
        cmocka_unit_test(invalid_sequences_give_one_token_per_byte),
        cmocka_unit_test(truncated_sequence_is_not_merged_into_word),
        cmocka_unit_test(invalid_byte_after_apostrophe_is_not_joined),
        cmocka_unit_test(spaces_and_tabs_are_one_space_token),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
