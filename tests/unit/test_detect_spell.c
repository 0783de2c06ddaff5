/*
 * Unit tests for detect_spell (detect.h): non-words become deferred
 * findings; detect_spell_complete adds hunspell's suggestions and the class
 * (likely only when clearly best); names and code are never "corrected".
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
#include "token.h"

static unspin_engine engine;
static finding_list found;

static int setup(void **state)
{
    (void)state;
    const char *why;
    memset(&engine, 0, sizeof engine);
    engine.sp = spell_new("/usr/share/hunspell", "en_US", &why);
    engine.nm = names_new();
    engine.compounds = names_new();
    names_add(engine.nm, "Wexler", 6);
    return engine.sp ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    finding_list_free(&found);
    spell_free(engine.sp);
    names_free(engine.nm);
    names_free(engine.compounds);
    return 0;
}

/* Runs detect_spell over text (after `before` findings), completing each. */
static void detect(const char *text, const finding_list *before)
{
    tok_list toks = {0};
    size_t len = strlen(text);
    finding_list_free(&found);
    if (before)
        for (size_t i = 0; i < before->n; i++)
            finding_add(&found, before->v[i].start, before->v[i].end, KIND_OCR, CLASS_SURE, "x");
    tok_split(text, len, &toks);
    seg_ctx s = {text, len, &toks};
    detect_spell(&engine, &s, &found);
    tok_list_free(&toks);
}

static const finding *only(const char *text, const char *word)
{
    detect(text, NULL);
    assert_int_equal(found.n, 1);
    const finding *f = &found.v[0];
    assert_int_equal(f->end - f->start, strlen(word));
    assert_memory_equal(text + f->start, word, strlen(word));
    assert_int_equal(f->kind, KIND_SPELL);
    assert_string_equal(f->rule, "spell.hunspell");
    return f;
}

static void non_words_are_found_deferred(void **state)
{
    (void)state;
    const finding *f = only("He saw teh dog.", "teh");
    assert_true(f->deferred);
    assert_int_equal(f->ncands, 0);
    assert_int_equal(f->klass, CLASS_FLAG);
}

static void completion_adds_ranked_suggestions(void **state)
{
    (void)state;
    only("He saw teh dog.", "teh");
    detect_spell_complete(&engine, "He saw teh dog.", &found.v[0]);
    const finding *f = &found.v[0];
    assert_false(f->deferred);
    assert_true(f->ncands >= 2);
    assert_string_equal(f->cands[0].text, "the");
    assert_string_equal(f->cands[0].source, "hunspell");
    assert_int_equal(f->klass, CLASS_FLAG);   /* three letters: too many neighbours */
}

static void a_clearly_best_guess_is_likely(void **state)
{
    (void)state;
    const char *text = "The adminstration met.";
    only(text, "adminstration");
    detect_spell_complete(&engine, text, &found.v[0]);
    assert_int_equal(found.v[0].klass, CLASS_LIKELY);
    assert_string_equal(found.v[0].cands[0].text, "administration");
}

static void several_close_guesses_are_only_flagged(void **state)
{
    (void)state;
    const char *text = "It was a dogg.";   /* dog, doggy, dogs: all one edit away */
    only(text, "dogg");
    detect_spell_complete(&engine, text, &found.v[0]);
    assert_int_equal(found.v[0].klass, CLASS_FLAG);
    text = "Quuen came.";                     /* a capital: a name, perhaps */
    only(text, "Quuen");
    detect_spell_complete(&engine, text, &found.v[0]);
    assert_int_equal(found.v[0].klass, CLASS_FLAG);
}

static void curly_apostrophes_are_restored(void **state)
{
    (void)state;
    const char *text = "it could\xE2\x80\x99nt be";
    only(text, "could\xE2\x80\x99nt");
    detect_spell_complete(&engine, text, &found.v[0]);
    assert_string_equal(found.v[0].cands[0].text, "couldn\xE2\x80\x99t");
}

static void names_and_code_are_never_corrected(void **state)
{
    (void)state;
    const char *text = "Members of Al-Qaeda and Lashkar-e-Toiba met Mr Wexlr at the ISI in "
                       "Rawalpndi about COVID-19 and mp3s, see www.exmaple.org, mail "
                       "jhon@exmaple.org, #hshtag @hndle my_fucntion(). Wexler came.";
    detect(text, NULL);
    for (size_t i = 0; i < found.n; i++)
        fail_msg("unexpected finding '%.*s'", (int)(found.v[i].end - found.v[i].start),
                 text + found.v[i].start);
}

static void valid_words_and_covered_words_are_skipped(void **state)
{
    (void)state;
    detect("The governments\xE2\x80\x99 plans don\xE2\x80\x99t change.", NULL);
    assert_int_equal(found.n, 0);
    /* A word inside another detector's finding is left to it. */
    finding_list before = {0};
    finding_add(&before, 7, 10, KIND_OCR, CLASS_SURE, "x");
    detect("He saw teh dog.", &before);
    assert_int_equal(found.n, 1);
    assert_string_equal(found.v[0].rule, "x");
    finding_list_free(&before);
}

static void without_hunspell_nothing_is_found(void **state)
{
    (void)state;
    spell *saved = engine.sp;
    engine.sp = NULL;
    detect("He saw teh dog.", NULL);
    assert_int_equal(found.n, 0);
    engine.sp = saved;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(non_words_are_found_deferred),
        cmocka_unit_test(completion_adds_ranked_suggestions),
        cmocka_unit_test(a_clearly_best_guess_is_likely),
        cmocka_unit_test(several_close_guesses_are_only_flagged),
        cmocka_unit_test(curly_apostrophes_are_restored),
        cmocka_unit_test(names_and_code_are_never_corrected),
        cmocka_unit_test(valid_words_and_covered_words_are_skipped),
        cmocka_unit_test(without_hunspell_nothing_is_found),
    };
    return cmocka_run_group_tests_name("detect_spell", tests, setup, teardown);
}
