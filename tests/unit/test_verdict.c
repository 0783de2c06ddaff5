/*
 * Unit tests for verdict.h. The thresholds are the ones documented in
 * verdict.c (and unspin(1)): a document is spun when it has at least 2 sure
 * hits and at least 1.0 of them per 1,000 words; the score is sure hits per
 * 1,000 words. Likely and flag hits do not count.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "finding.h"
#include "verdict.h"

#define DOC_MIN_SURE 2
#define DOC_MIN_SCORE 1.0

static verdict make(size_t words, size_t sure, size_t likely, size_t flag)
{
    verdict v = {0};
    v.words = words;
    v.hits[CLASS_SURE] = sure;
    v.hits[CLASS_LIKELY] = likely;
    v.hits[CLASS_FLAG] = flag;
    verdict_update(&v);
    return v;
}

static void score_is_sure_hits_per_thousand_words(void **state)
{
    (void)state;
    verdict v = make(4000, 6, 0, 0);
    assert_float_equal(v.score, 1000.0 * 6 / 4000, 1e-9);
    v = make(250, 1, 0, 0);
    assert_float_equal(v.score, 4.0, 1e-9);
}

static void score_ignores_likely_and_flag_hits(void **state)
{
    (void)state;
    verdict v = make(100, 0, 50, 50);
    assert_float_equal(v.score, 0.0, 1e-12);
    assert_false(v.spun);
    v = make(1000, 3, 100, 100);
    assert_float_equal(v.score, 3.0, 1e-9);
}

static void empty_document_scores_zero_and_is_not_spun(void **state)
{
    (void)state;
    verdict v = make(0, 0, 0, 0);
    assert_float_equal(v.score, 0.0, 1e-12);
    assert_false(v.spun);
    /* Hits without words (cannot happen in practice) still give no division by zero. */
    v = make(0, 5, 0, 0);
    assert_float_equal(v.score, 0.0, 1e-12);
    assert_false(v.spun);
}

static void enough_sure_hits_at_enough_density_is_spun(void **state)
{
    (void)state;
    verdict v = make(500, DOC_MIN_SURE, 0, 0);
    assert_true(v.score >= DOC_MIN_SCORE);
    assert_true(v.spun);
}

static void one_sure_hit_fewer_than_the_minimum_is_not_spun(void **state)
{
    (void)state;
    /* Dense (one hit in ten words) but only one hit. */
    verdict v = make(10, DOC_MIN_SURE - 1, 20, 0);
    assert_true(v.score >= DOC_MIN_SCORE);
    assert_false(v.spun);
}

static void density_exactly_at_the_threshold_is_spun(void **state)
{
    (void)state;
    /* 2 hits in 2,000 words is exactly 1.0 per 1,000. */
    size_t words = (size_t)(1000.0 * DOC_MIN_SURE / DOC_MIN_SCORE);
    verdict v = make(words, DOC_MIN_SURE, 0, 0);
    assert_float_equal(v.score, DOC_MIN_SCORE, 1e-9);
    assert_true(v.spun);
}

static void density_just_below_the_threshold_is_not_spun(void **state)
{
    (void)state;
    size_t words = (size_t)(1000.0 * DOC_MIN_SURE / DOC_MIN_SCORE) + 1;
    verdict v = make(words, DOC_MIN_SURE, 0, 0);
    assert_true(v.score < DOC_MIN_SCORE);
    assert_false(v.spun);
    /* A long book with a few stray hits. */
    v = make(100000, 5, 0, 0);
    assert_false(v.spun);
}

static void update_recomputes_from_the_counts(void **state)
{
    (void)state;
    verdict v = make(1000, 5, 0, 0);
    assert_true(v.spun);
    /* More words arrive: the same hits are now too sparse. */
    v.words = 10000;
    verdict_update(&v);
    assert_float_equal(v.score, 0.5, 1e-9);
    assert_false(v.spun);
    /* More hits arrive: spun again. */
    v.hits[CLASS_SURE] = 10;
    verdict_update(&v);
    assert_true(v.spun);
}

/* The family-agnostic counts of a probe: n words probed, shares lost, rare,
 * and mean share of neighbours that beat the word. */
static verdict probed(size_t words, size_t n, double lost, double rare, double beaten)
{
    verdict v = {0};
    v.words = words;
    v.probed = n;
    v.lost = (size_t)(lost * (double)n + 0.5);
    v.rare = (size_t)(rare * (double)n + 0.5);
    v.beaten = beaten * (double)n;
    verdict_update(&v);
    return v;
}

static void agnostic_score_judges_a_spun_paragraph_beside_a_sure_hit(void **state)
{
    (void)state;
    /* Typical of a spinner's output: many words lose, many odd collocations. */
    verdict v = probed(250, 100, 0.30, 0.70, 0.30);
    assert_true(v.agnostic > 1.0);
    /* Alone it does not decide: old books and OCR damage look unusual too. */
    assert_false(v.spun);
    v.hits[CLASS_SURE] = 1;      /* beside one sure hit it does */
    verdict_update(&v);
    assert_true(v.spun);
    assert_false(v.sure_spun);   /* the default level is not moved by it */
    /* Typical of clean prose. */
    v = probed(250, 100, 0.10, 0.45, 0.17);
    assert_true(v.agnostic < 0.0);
    assert_false(v.spun);
}

static void agnostic_score_needs_enough_probed_words(void **state)
{
    (void)state;
    verdict v = probed(30, 10, 0.5, 1.0, 0.5);
    assert_float_equal(v.agnostic, 0.0, 1e-12);
    assert_false(v.spun);
}

static void agnostic_score_does_not_speak_for_a_long_document(void **state)
{
    (void)state;
    /* The probe stopped after 1,000 words of a 10,000-word document. */
    verdict v = {0};
    v.words = 10000;
    v.probed = VERDICT_PROBE_MAX;
    v.lost = VERDICT_PROBE_MAX / 2;
    v.rare = VERDICT_PROBE_MAX;
    v.beaten = 0.5 * VERDICT_PROBE_MAX;
    v.probe_words = 1000;
    v.hits[CLASS_SURE] = 1;
    verdict_update(&v);
    assert_float_equal(v.agnostic, 0.0, 1e-12);
    assert_false(v.spun);
    v.words = 2500;   /* the probe saw more than a third */
    verdict_update(&v);
    assert_true(v.spun);
}

static void sure_hits_alone_set_sure_spun(void **state)
{
    (void)state;
    verdict v = make(500, DOC_MIN_SURE, 0, 0);
    assert_true(v.sure_spun);
    assert_true(v.spun);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(score_is_sure_hits_per_thousand_words),
        cmocka_unit_test(score_ignores_likely_and_flag_hits),
        cmocka_unit_test(empty_document_scores_zero_and_is_not_spun),
        cmocka_unit_test(enough_sure_hits_at_enough_density_is_spun),
        cmocka_unit_test(one_sure_hit_fewer_than_the_minimum_is_not_spun),
        cmocka_unit_test(density_exactly_at_the_threshold_is_spun),
        cmocka_unit_test(density_just_below_the_threshold_is_not_spun),
        cmocka_unit_test(update_recomputes_from_the_counts),
        cmocka_unit_test(agnostic_score_judges_a_spun_paragraph_beside_a_sure_hit),
        cmocka_unit_test(agnostic_score_needs_enough_probed_words),
        cmocka_unit_test(agnostic_score_does_not_speak_for_a_long_document),
        cmocka_unit_test(sure_hits_alone_set_sure_spun),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
