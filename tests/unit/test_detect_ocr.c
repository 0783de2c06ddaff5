/*
 * Unit tests for detect_ocr (detect.h): each OCR, encoding and web-template
 * rule, what it repairs, with which class, and what it must leave alone.
 * The engine is made by hand: hunspell en_US, a few names and compounds.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "detect.h"
#include "engine.h"
#include "finding.h"
#include "lm.h"
#include "token.h"

#include "rule_harness.h"

static void ligatures(void **state)
{
    (void)state;
    expect_repair("a \xEF\xAC\x81nal word", "\xEF\xAC\x81", "ocr.ligature", CLASS_SURE, "fi");
    expect_repair("e\xEF\xAC\x83" "cient", "\xEF\xAC\x83", "ocr.ligature", CLASS_SURE, "ffi");
    expect_repair("\xEF\xAC\x86op", "\xEF\xAC\x86", "ocr.ligature", CLASS_SURE, "st");
    expect_none("final fluff", "ocr.ligature");
}

static void mojibake(void **state)
{
    (void)state;
    expect_repair("It\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s here", "\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2",
                  "ocr.mojibake", CLASS_SURE, "\xE2\x80\x99");
    expect_repair("a caf\xC3\x83\xC2\xA9.", "\xC3\x83\xC2\xA9", "ocr.mojibake", CLASS_SURE,
                  "\xC3\xA9");
    expect_none("It\xE2\x80\x99s a caf\xC3\xA9 in S\xC3\xA3o Paulo.", NULL);
}

static void invisible_characters(void **state)
{
    (void)state;
    expect_repair("the infor\xC2\xADma\xC2\xADtion age", "infor\xC2\xADma\xC2\xADtion",
                  "ocr.invisible", CLASS_SURE, "information");
    expect_repair("the infor\xE2\x80\x8Bmation age", "infor\xE2\x80\x8Bmation", "ocr.invisible",
                  CLASS_SURE, "information");
    /* Removal that leaves a non-word is only flagged. */
    expect_repair("the zorg\xE2\x80\x8D" "blat age", "zorg\xE2\x80\x8D" "blat", "ocr.invisible",
                  CLASS_FLAG, "zorgblat");
    /* A zero-width joiner between emoji, or at a word's edge, has a job. */
    expect_none("\xF0\x9F\x91\xA9\xE2\x80\x8D\xF0\x9F\x92\xBB ok", "ocr.invisible");
    expect_none("word\xE2\x80\x8B next", "ocr.invisible");
}

static void control_characters(void **state)
{
    (void)state;
    expect_repair("a word\x01 here", "\x01", "ocr.control", CLASS_SURE, "");
    expect_repair("the hel\x02lo there", "\x02", "ocr.control", CLASS_SURE, "");
    const finding *f = expect("the zorg\x02" "blat there", "\x02", "ocr.control");
    assert_int_equal(f->klass, CLASS_FLAG);
    assert_int_equal(f->ncands, 2);
    expect_repair("line one\x0bline two", "\x0b", "ocr.control", CLASS_SURE, "\n");
    /* Tab, form feed, terminal escapes and overstrike are left alone. */
    expect_none("a\tb\fc \x1b[1mbold\x1b[0m N\bNA\bAM\bME\bE", "ocr.control");
    /* So is a segment dense with controls: not prose. */
    char dense[200];
    for (int i = 0; i < 199; i++)
        dense[i] = i % 3 ? 'a' : '\x01';
    dense[199] = '\0';
    expect_none(dense, "ocr.control");
}

static void hyphenation(void **state)
{
    (void)state;
    expect_repair("the inter-\nnational law", "inter-\nnational", "ocr.hyphenation", CLASS_SURE,
                  "international");
    expect_repair("the com- \r\n  mittee met", "com- \r\n  mittee", "ocr.hyphenation",
                  CLASS_SURE, "committee");
    expect_repair("a Wash-\nington law", "Wash-\nington", "ocr.hyphenation", CLASS_SURE,
                  "Washington");
    /* A soft hyphen at a line end is a hyphenation point. */
    expect_repair("an exam\xC2\xAD\nple here", "exam\xC2\xAD\nple", "ocr.hyphenation", CLASS_SURE,
                  "example");
    /* Real compounds keep their hyphen; prefixes are ambiguous. */
    expect_none("a well-\nknown man", NULL);
    expect_none("an e-\nmail came", NULL);
    const finding *f = expect("the co-\noperation of", "co-\noperation", "ocr.hyphenation");
    assert_int_equal(f->klass, CLASS_FLAG);
    assert_string_equal(f->cands[1].text, "co-operation");
    /* A capital after the break, two line ends, or no word when joined. */
    expect_none("the Anglo-\nSaxon kings", "ocr.hyphenation");
    expect_none("the inter-\n\nnational law", "ocr.hyphenation");
    expect_none("the long-\nterm plan", "ocr.hyphenation");
}

static void glyph_confusions(void **state)
{
    (void)state;
    expect_repair("the rnilitary said", "rnilitary", "ocr.glyph", CLASS_SURE, "military");
    expect_repair("in the inforrnation age", "inforrnation", "ocr.glyph", CLASS_LIKELY,
                  "information");
    expect_repair("it was 0ctober then", "0ctober", "ocr.glyph", CLASS_SURE, "October");
    expect_repair("a c1ean room", "c1ean", "ocr.glyph", CLASS_SURE, "clean");
    expect_repair("I 1ike it", "1ike", "ocr.glyph", CLASS_SURE, "like");
    expect_repair("came vvhen called", "vvhen", "ocr.glyph", CLASS_LIKELY, "when");
    /* Short or English-shaped non-words may be foreign or archaic: likely. */
    expect_repair("chili con carne again", "carne", "ocr.glyph", CLASS_LIKELY, "came");
    /* A capital I that is really I keeps its other readings ("Inforrnation"). */
    expect_repair("Inforrnation was lost.", "Inforrnation", "ocr.glyph", CLASS_LIKELY,
                  "Information");
    /* A capital at a sentence start may be a name: at most likely. */
    expect_repair("Rnilitary men came.", "Rnilitary", "ocr.glyph", CLASS_LIKELY, "Military");
}

static void glyph_confusions_leave_words_names_and_codes(void **state)
{
    (void)state;
    expect_none("the modem and the modern world", "ocr.glyph");   /* valid words */
    expect_none("he met Rnilitary there", "ocr.glyph");          /* a name */
    expect_none("an A1 grade, mp3 files, 10th place, B2B", "ocr.glyph");
    expect_none("see http://rnilitary.example/c1ean", "ocr.glyph");
}

static void split_words(void **state)
{
    (void)state;
    expect_repair("the infor mation age", "infor mation", "ocr.split", CLASS_SURE, "information");
    expect_none("per se and the re", "ocr.split");     /* a word on one side, English-shaped */
    expect_none("two  spaces infor  mation", "ocr.split");
}

static void run_together_words(void **state)
{
    (void)state;
    const finding *f = expect("this andthe other", "andthe", "ocr.join");
    assert_string_equal(f->cands[0].text, "and the");
    assert_true(f->klass == CLASS_SURE || f->klass == CLASS_LIKELY);
    expect_none("a skywave radio", "ocr.join");      /* content words: a rare word */
}

static void clean_prose_has_no_findings(void **state)
{
    (void)state;
    expect_none("The Fulton County Grand Jury said Friday an investigation of Atlanta's "
                "recent primary election produced \"no evidence\" that any irregularities "
                "took place. It\xE2\x80\x99s the well-known, long-term plan of NATO's "
                "COVID-19 team, e.g. at www.example.org or j.doe@example.com (#tbt).", NULL);
}

static void without_hunspell_only_character_rules_run(void **state)
{
    (void)state;
    spell *saved = engine.sp;
    engine.sp = NULL;
    expect_none("the rnilitary said infor mation andthe inter-\nnational", NULL);
    expect_repair("a \xEF\xAC\x81nal word", "\xEF\xAC\x81", "ocr.ligature", CLASS_SURE, "fi");
    engine.sp = saved;
}

/* --- with the language model: readings ranked in context --------------- */

static lm *model;

/* Turns the model on for one test; skips it when the model is not installed. */
static void use_lm(void)
{
    if (!model)
        model = lm_open(LM_DEFAULT_PATH);
    if (!model)
        skip();
    engine.lm = model;
}

/* No sure finding (of any rule) in text: nothing is applied by default. */
static void expect_not_sure(const char *text)
{
    detect(text);
    for (size_t i = 0; i < found.n; i++)
        if (found.v[i].klass == CLASS_SURE)
            fail_msg("unexpected sure %s finding over '%.*s' in '%s'", found.v[i].rule,
                     (int)(found.v[i].end - found.v[i].start), text + found.v[i].start, text);
}

static void glyphs_in_context(void **state)
{
    (void)state;
    use_lm();
    expect_repair("the tearn won the game", "tearn", "ocr.glyph", CLASS_SURE, "team");
    expect_repair("he went into tlie house", "tlie", "ocr.glyph", CLASS_SURE, "the");
    expect_repair("as weU as they could", "weU", "ocr.glyph", CLASS_SURE, "well");
    expect_repair("it looked Hke a man", "Hke", "ocr.glyph", CLASS_SURE, "like");
    expect_repair("I wdl go there", "wdl", "ocr.glyph", CLASS_SURE, "will");
    expect_repair("the loss 0f the ship", "0f", "ocr.glyph", CLASS_SURE, "of");
    expect_repair("Thc house was big.", "Thc", "ocr.glyph", CLASS_SURE, "The");
    /* Several readings: the model picks the one that fits. */
    const finding *f = expect("the k1ds were at school", "k1ds", "ocr.glyph");
    assert_string_equal(f->cands[0].text, "kids");
}

static void glyphs_leave_words_in_context(void **state)
{
    (void)state;
    use_lm();
    expect_not_sure("to liue in peace");             /* archaic: "live" fits better than "hue" */
    expect_not_sure("chili con carne again");         /* a word the model knows */
    expect_not_sure("Nuf sed. But it is");            /* short and English-shaped */
    expect_not_sure("the goin' was hard");            /* speech */
    expect_not_sure("it cost 10s. 6d. and 1s. more"); /* money, not words */
    expect_not_sure("see Region 1a and 10-year terms");
    expect_not_sure("a bas-relief of musical instruments");
    expect_not_sure("he met Moritz at the Bronx station");
    expect_not_sure("the tour de force, mais mon Dieu, was");
}

static void splits_and_joins_in_context(void **state)
{
    (void)state;
    use_lm();
    expect_repair("it was a ques tion of time", "ques tion", "ocr.split", CLASS_SURE, "question");
    expect_repair("with the danger ous men", "danger ous", "ocr.split", CLASS_SURE, "dangerous");
    expect_repair("he went to th e house", "th e", "ocr.split", CLASS_SURE, "the");
    expect_none("per se and the re", "ocr.split");
    expect_none("an e-mail came", "ocr.split");
    /* A short word hunspell accepts joins only on the model's strong word. */
    expect_repair("on the fol lowing day", "fol lowing", "ocr.split", CLASS_SURE, "following");
    expect_none("as a matter of fact, the pol was in", "ocr.split");
    expect_repair("the money ofthe people", "ofthe", "ocr.join", CLASS_SURE, "of the");
    expect_repair("he made a planfor the city", "planfor", "ocr.join", CLASS_SURE, "plan for");
    expect_repair("he saw thefire burning", "thefire", "ocr.join", CLASS_SURE, "the fire");
    expect_repair("by order of theState of Texas", "theState", "ocr.join", CLASS_SURE, "the State");
    expect_repair("he said,the man", ",", "ocr.join", CLASS_SURE, ", ");
    expect_repair("at the end.The next day", ".", "ocr.join", CLASS_SURE, ". ");
    expect_repair("he met L.Crawford there", ".", "ocr.join", CLASS_SURE, ". ");
    expect_none("the U.S.Army and e.g.The end", "ocr.join");
    /* Compounds and speech that hunspell lacks are no joins. */
    expect_not_sure("purchasing power throughout outstate Missouri");
    expect_not_sure("I came up, damnit, I thought");
    expect_not_sure("a wouldbe monopoly and a knuckleball");
    expect_not_sure("you musta been walking");
    expect_none("see example.com or file.txt, a,b and onClick", "ocr.join");
}

static void real_words_in_context(void **state)
{
    (void)state;
    use_lm();
    expect_repair("he took bis hat and went", "bis", "ocr.glyph", CLASS_SURE, "his");
    expect_repair("and we shad never see it again", "shad", "ocr.glyph", CLASS_SURE, "shall");
    expect_none("of the total arc energy", NULL);
    expect_none("kicked into hut Seven", NULL);
    expect_none("a bad day for the team", NULL);
}

static void model_words_and_pairs(void **state)
{
    (void)state;
    use_lm();
    assert_true(lm_known(model, "house"));
    assert_false(lm_known(model, "tlie"));
    assert_true(lm_pair_known(model, "plan", "for"));
    assert_false(lm_pair_known(model, "cover", "doctor"));
}

static int cleanup(void **state)
{
    (void)state;
    finding_list_free(&found);
    engine.lm = NULL;
    return 0;
}

int main(void)
{
    harness_detector = detect_ocr;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(ligatures, cleanup),
        cmocka_unit_test_teardown(mojibake, cleanup),
        cmocka_unit_test_teardown(invisible_characters, cleanup),
        cmocka_unit_test_teardown(control_characters, cleanup),
        cmocka_unit_test_teardown(hyphenation, cleanup),
        cmocka_unit_test_teardown(glyph_confusions, cleanup),
        cmocka_unit_test_teardown(glyph_confusions_leave_words_names_and_codes, cleanup),
        cmocka_unit_test_teardown(split_words, cleanup),
        cmocka_unit_test_teardown(run_together_words, cleanup),
        cmocka_unit_test_teardown(clean_prose_has_no_findings, cleanup),
        cmocka_unit_test_teardown(without_hunspell_only_character_rules_run, cleanup),
        cmocka_unit_test_teardown(glyphs_in_context, cleanup),
        cmocka_unit_test_teardown(glyphs_leave_words_in_context, cleanup),
        cmocka_unit_test_teardown(splits_and_joins_in_context, cleanup),
        cmocka_unit_test_teardown(real_words_in_context, cleanup),
        cmocka_unit_test_teardown(model_words_and_pairs, cleanup),
    };
    int rc = cmocka_run_group_tests_name("detect_ocr", tests, setup, teardown);
    lm_close(model);
    return rc;
}
