/*
 * rule_harness.h: the engine and the expectations shared by the unit tests of
 * the rule detectors (test_detect_ocr.c, test_detect_web.c). Include it once,
 * after cmocka.h, and set harness_detector in main before running the tests.
 */
#ifndef UNSPIN_RULE_HARNESS_H
#define UNSPIN_RULE_HARNESS_H

static unspin_engine engine;
static detect_fn harness_detector;   /* the detector under test, set by main */

static int setup(void **state)
{
    (void)state;
    const char *why;
    memset(&engine, 0, sizeof engine);
    engine.sp = spell_new("/usr/share/hunspell", "en_US", &why);
    engine.nm = names_new();
    engine.compounds = names_new();
    names_add(engine.nm, "Qaeda", 5);
    names_add(engine.compounds, "well-known", 10);
    names_add(engine.compounds, "e-mail", 6);
    return engine.sp ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    spell_free(engine.sp);
    names_free(engine.nm);
    names_free(engine.compounds);
    return 0;
}

static finding_list found;

/* Runs the detector under test over text; the findings stay in `found`. */
static void detect(const char *text)
{
    tok_list toks = {0};
    size_t len = strlen(text);
    finding_list_free(&found);
    tok_split(text, len, &toks);
    seg_ctx s = {text, len, &toks};
    harness_detector(&engine, &s, &found);
    finding_resolve_overlaps(&found);
    tok_list_free(&toks);
}

/* The finding of rule `rule` over `span` in text, or a test failure. */
static const finding *expect(const char *text, const char *span, const char *rule)
{
    detect(text);
    const char *at = strstr(text, span);
    assert_non_null(at);
    size_t start = (size_t)(at - text), end = start + strlen(span);
    for (size_t i = 0; i < found.n; i++) {
        const finding *f = &found.v[i];
        if (f->start == start && f->end == end && strcmp(f->rule, rule) == 0)
            return f;
    }
    for (size_t i = 0; i < found.n; i++)
        fprintf(stderr, "  found %s '%.*s'\n", found.v[i].rule,
                (int)(found.v[i].end - found.v[i].start), text + found.v[i].start);
    fail_msg("no %s finding over '%s' in '%s'", rule, span, text);
    return NULL;
}

static void expect_repair(const char *text, const char *span, const char *rule, int klass,
                          const char *repl)
{
    const finding *f = expect(text, span, rule);
    if (f->klass != klass)
        fprintf(stderr, "  %s over '%s' in '%s': class %s, first of %zu: %s\n", rule, span, text,
                klass_name(f->klass), f->ncands, f->ncands ? f->cands[0].text : "");
    assert_int_equal(f->klass, klass);
    assert_true(f->ncands >= 1);
    assert_string_equal(f->cands[0].text, repl);
}

/* No finding of rule (NULL: of any rule) in text. */
static void expect_none(const char *text, const char *rule)
{
    detect(text);
    for (size_t i = 0; i < found.n; i++)
        if (!rule || strcmp(found.v[i].rule, rule) == 0)
            fail_msg("unexpected %s finding over '%.*s' in '%s'", found.v[i].rule,
                     (int)(found.v[i].end - found.v[i].start), text + found.v[i].start, text);
}

#endif
