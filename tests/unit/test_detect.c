/*
 * Unit tests for detect_mapping (detect.h): spun phrases of a small mapping,
 * loaded from memory into a hand-made engine, found in tokenized segments.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "detect.h"
#include "engine.h"
#include "finding.h"
#include "mapping.h"
#include "token.h"

static const char dict[] =
    "pink military\tred army\tsure\n"                             /* line 1 */
    "pink\tred\tlikely\n"                                         /* line 2 */
    "nationwide safety\tnational security|homeland security\tsure\n"
    "america\tthe United States\tsure\n"
    "chief of military employees\tchief of army staff\tsure\n"
    "bank\tshore\tsure\tbefore=river\\s+$\n"
    "fair\tjust\tsure\tafter=^\\s+trial\n"
    "sugar\tcarbohydrate\tsure\t!before=brown\\s+$\n"
    "cloud\tfog\tsure\t!after=^\\s+computing\n"
    "Fixed Disk\thard disk\tsure\tcase=exact\n"
    "profound learning\tdeep learning\tflag\n";

static unspin_engine engine;

static int setup(void **state)
{
    (void)state;
    memset(&engine, 0, sizeof engine);
    engine.opts.level = UNSPIN_LEVEL_NORMAL;
    engine.map = mapping_new();
    return mapping_load_buffer(engine.map, "test.dict", dict, sizeof dict - 1,
                               MAP_FORMAT_DICT) == 0 ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    mapping_free(engine.map);
    engine.map = NULL;
    return 0;
}

/* Runs the mapping detector over text and builds every finding's candidates
 * (as a document does for the findings it shows); the caller frees *out. */
static void detect(const char *text, finding_list *out)
{
    tok_list toks = {0};
    size_t len = strlen(text);
    tok_split(text, len, &toks);
    seg_ctx s = {text, len, &toks};
    detect_mapping(&engine, &s, out);
    for (size_t i = 0; i < out->n; i++) {
        assert_true(out->v[i].unbuilt);
        assert_int_equal(out->v[i].ncands, 0);
        detect_mapping_complete(&engine, &s, &out->v[i], 1);
        assert_false(out->v[i].unbuilt);
    }
    tok_list_free(&toks);
}

/* Asserts that f covers exactly the first occurrence of span in text. */
static void assert_span(const char *text, const finding *f, const char *span)
{
    const char *at = strstr(text, span);
    assert_non_null(at);
    size_t start = (size_t)(at - text);
    if (f->start != start || f->end != start + strlen(span))
        fail_msg("finding covers '%.*s' [%zu,%zu), expected '%s' [%zu,%zu)",
                 (int)(f->end - f->start), text + f->start, f->start, f->end, span, start,
                 start + strlen(span));
}

/* The number of findings for text. */
static size_t count(const char *text)
{
    finding_list l = {0};
    detect(text, &l);
    size_t n = l.n;
    finding_list_free(&l);
    return n;
}

static void longest_match_wins(void **state)
{
    (void)state;
    const char *text = "then the pink military marched";
    finding_list l = {0};
    detect(text, &l);
    assert_int_equal(l.n, 1);
    assert_span(text, &l.v[0], "pink military");
    assert_int_equal(l.v[0].klass, CLASS_SURE);
    assert_string_equal(l.v[0].cands[0].text, "red army");
    finding_list_free(&l);
}

static void shorter_entry_matches_when_longer_does_not(void **state)
{
    (void)state;
    const char *text = "pink flowers";
    finding_list l = {0};
    detect(text, &l);
    assert_int_equal(l.n, 1);
    assert_span(text, &l.v[0], "pink");
    assert_int_equal(l.v[0].klass, CLASS_LIKELY);
    assert_string_equal(l.v[0].cands[0].text, "red");
    finding_list_free(&l);
}

static void findings_carry_kind_rule_and_source(void **state)
{
    (void)state;
    finding_list l = {0};
    detect("pink military", &l);
    assert_int_equal(l.n, 1);
    assert_int_equal(l.v[0].kind, KIND_SPUN);
    assert_string_equal(l.v[0].rule, "test.dict:1");
    assert_int_equal(l.v[0].applied, 0);
    assert_string_equal(l.v[0].cands[0].source, "mapping");
    finding_list_free(&l);
}

static void every_alternative_is_a_candidate_in_order(void **state)
{
    (void)state;
    finding_list l = {0};
    detect("Nationwide Safety", &l);
    assert_int_equal(l.n, 1);
    assert_int_equal(l.v[0].ncands, 2);
    assert_string_equal(l.v[0].cands[0].text, "National Security");
    assert_string_equal(l.v[0].cands[1].text, "Homeland Security");
    finding_list_free(&l);
}

static void matching_resumes_after_a_match(void **state)
{
    (void)state;
    const char *text = "pink military and nationwide safety, pink";
    finding_list l = {0};
    detect(text, &l);
    assert_int_equal(l.n, 3);
    assert_span(text, &l.v[0], "pink military");
    assert_span(text, &l.v[1], "nationwide safety");
    assert_int_equal(l.v[2].start, strlen(text) - 4);
    assert_int_equal(l.v[2].end, strlen(text));
    finding_list_free(&l);
}

static void phrase_matches_across_a_single_line_break(void **state)
{
    (void)state;
    const char *texts[] = {"the pink\nmilitary marched", "the pink\r\nmilitary marched",
                           "the pink \n  military marched", "the pink   military marched"};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        finding_list l = {0};
        detect(texts[k], &l);
        assert_int_equal(l.n, 1);
        assert_int_equal(l.v[0].start, 4);
        assert_int_equal(l.v[0].end, strstr(texts[k], "military") + 8 - texts[k]);
        assert_int_equal(l.v[0].klass, CLASS_SURE);
        finding_list_free(&l);
    }
}

static void phrase_does_not_match_across_a_blank_line(void **state)
{
    (void)state;
    const char *texts[] = {"the pink\n\nmilitary marched", "the pink\r\n\r\nmilitary marched",
                           "the pink\n  \nmilitary marched"};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        finding_list l = {0};
        detect(texts[k], &l);
        /* Only "pink" on its own. */
        assert_int_equal(l.n, 1);
        assert_span(texts[k], &l.v[0], "pink");
        finding_list_free(&l);
    }
}

static void possessive_stays_outside_the_span(void **state)
{
    (void)state;
    const char *texts[] = {"The Pink Military\xE2\x80\x99s parade", "The Pink Military's parade"};
    for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
        finding_list l = {0};
        detect(texts[k], &l);
        assert_int_equal(l.n, 1);
        assert_span(texts[k], &l.v[0], "Pink Military");
        assert_string_equal(l.v[0].cands[0].text, "Red Army");
        finding_list_free(&l);
    }
}

static void possessive_of_single_word_entry_stays_outside(void **state)
{
    (void)state;
    const char *text = "the fair\xE2\x80\x99s trial";
    finding_list l = {0};
    /* "fair" needs " trial" right after it: the possessive is not part of it. */
    detect(text, &l);
    assert_int_equal(l.n, 0);
    finding_list_free(&l);
    text = "the pink\xE2\x80\x99s shade";
    detect(text, &l);
    assert_int_equal(l.n, 1);
    assert_span(text, &l.v[0], "pink");
    finding_list_free(&l);
}

static void case_of_the_span_is_transferred_to_candidates(void **state)
{
    (void)state;
    static const struct {
        const char *text, *span, *want;
    } cases[] = {
        {"the PINK MILITARY marched", "PINK MILITARY", "RED ARMY"},
        {"the Pink Military marched", "Pink Military", "Red Army"},
        {"Pink military marched", "Pink military", "Red army"},
        {"our Chief of Military Employees said", "Chief of Military Employees",
         "Chief of Army Staff"},
        {"our nationwide safety", "nationwide safety", "national security"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        finding_list l = {0};
        detect(cases[k].text, &l);
        assert_int_equal(l.n, 1);
        assert_span(cases[k].text, &l.v[0], cases[k].span);
        assert_string_equal(l.v[0].cands[0].text, cases[k].want);
        finding_list_free(&l);
    }
}

static void article_of_original_is_dropped_after_a_determiner(void **state)
{
    (void)state;
    finding_list l = {0};
    const char *text = "in the america of today";
    detect(text, &l);
    assert_int_equal(l.n, 1);
    assert_span(text, &l.v[0], "america");
    assert_string_equal(l.v[0].cands[0].text, "United States");
    finding_list_free(&l);

    text = "in this america";
    detect(text, &l);
    assert_int_equal(l.n, 1);
    assert_string_equal(l.v[0].cands[0].text, "United States");
    finding_list_free(&l);
}

static void article_of_original_is_kept_without_a_determiner(void **state)
{
    (void)state;
    finding_list l = {0};
    const char *text = "made in america";
    detect(text, &l);
    assert_int_equal(l.n, 1);
    assert_span(text, &l.v[0], "america");
    assert_string_equal(l.v[0].cands[0].text, "the United States");
    finding_list_free(&l);
}

static void before_condition_is_required(void **state)
{
    (void)state;
    const char *text = "along the river bank";
    finding_list l = {0};
    detect(text, &l);
    assert_int_equal(l.n, 1);
    assert_span(text, &l.v[0], "bank");
    assert_string_equal(l.v[0].cands[0].text, "shore");
    finding_list_free(&l);
    assert_int_equal(count("the money bank"), 0);
    assert_int_equal(count("bank"), 0);
}

static void after_condition_is_required(void **state)
{
    (void)state;
    const char *text = "a fair trial";
    finding_list l = {0};
    detect(text, &l);
    assert_int_equal(l.n, 1);
    assert_span(text, &l.v[0], "fair");
    finding_list_free(&l);
    assert_int_equal(count("a fair price"), 0);
    assert_int_equal(count("fair"), 0);
}

static void negative_conditions_block_a_match(void **state)
{
    (void)state;
    assert_int_equal(count("brown sugar"), 0);
    assert_int_equal(count("refined sugar"), 1);
    assert_int_equal(count("cloud computing"), 0);
    assert_int_equal(count("a dark cloud"), 1);
}

static void case_exact_entry_matches_only_its_written_case(void **state)
{
    (void)state;
    const char *text = "the Fixed Disk failed";
    finding_list l = {0};
    detect(text, &l);
    assert_int_equal(l.n, 1);
    assert_span(text, &l.v[0], "Fixed Disk");
    finding_list_free(&l);
    assert_int_equal(count("the fixed disk failed"), 0);
    assert_int_equal(count("the FIXED DISK failed"), 0);
    assert_int_equal(count("the Fixed disk failed"), 0);
}

static void no_match_inside_a_longer_hyphenated_word(void **state)
{
    (void)state;
    assert_int_equal(count("a candy-pink dress"), 0);
    assert_int_equal(count("a pink-military parade"), 0);
    assert_int_equal(count("the nationwide safety-net"), 0);
    /* The phrase cannot end inside "military-backed"; "pink" alone still matches. */
    const char *text = "a pink military-backed regime";
    finding_list l = {0};
    detect(text, &l);
    assert_int_equal(l.n, 1);
    assert_span(text, &l.v[0], "pink");
    finding_list_free(&l);
}

static void punctuation_between_words_breaks_a_phrase(void **state)
{
    (void)state;
    const char *text = "pink, military";
    finding_list l = {0};
    detect(text, &l);
    assert_int_equal(l.n, 1);
    assert_span(text, &l.v[0], "pink");
    finding_list_free(&l);
}

static void invalid_byte_breaks_a_phrase(void **state)
{
    (void)state;
    const char *text = "pink\xFFmilitary";
    finding_list l = {0};
    detect(text, &l);
    assert_int_equal(l.n, 1);
    assert_span(text, &l.v[0], "pink");
    finding_list_free(&l);
}

static void flag_entries_are_reported_with_their_class(void **state)
{
    (void)state;
    finding_list l = {0};
    detect("profound learning", &l);
    assert_int_equal(l.n, 1);
    assert_int_equal(l.v[0].klass, CLASS_FLAG);
    finding_list_free(&l);
}

static void empty_mapping_finds_nothing(void **state)
{
    (void)state;
    unspin_engine e = {0};
    e.map = mapping_new();
    const char *text = "pink military";
    tok_list toks = {0};
    tok_split(text, strlen(text), &toks);
    seg_ctx s = {text, strlen(text), &toks};
    finding_list l = {0};
    detect_mapping(&e, &s, &l);
    assert_int_equal(l.n, 0);
    tok_list_free(&toks);
    mapping_free(e.map);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(longest_match_wins),
        cmocka_unit_test(shorter_entry_matches_when_longer_does_not),
        cmocka_unit_test(findings_carry_kind_rule_and_source),
        cmocka_unit_test(every_alternative_is_a_candidate_in_order),
        cmocka_unit_test(matching_resumes_after_a_match),
        cmocka_unit_test(phrase_matches_across_a_single_line_break),
        cmocka_unit_test(phrase_does_not_match_across_a_blank_line),
        cmocka_unit_test(possessive_stays_outside_the_span),
        cmocka_unit_test(possessive_of_single_word_entry_stays_outside),
        cmocka_unit_test(case_of_the_span_is_transferred_to_candidates),
        cmocka_unit_test(article_of_original_is_dropped_after_a_determiner),
        cmocka_unit_test(article_of_original_is_kept_without_a_determiner),
        cmocka_unit_test(before_condition_is_required),
        cmocka_unit_test(after_condition_is_required),
        cmocka_unit_test(negative_conditions_block_a_match),
        cmocka_unit_test(case_exact_entry_matches_only_its_written_case),
        cmocka_unit_test(no_match_inside_a_longer_hyphenated_word),
        cmocka_unit_test(punctuation_between_words_breaks_a_phrase),
        cmocka_unit_test(invalid_byte_breaks_a_phrase),
        cmocka_unit_test(flag_entries_are_reported_with_their_class),
        cmocka_unit_test(empty_mapping_finds_nothing),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
