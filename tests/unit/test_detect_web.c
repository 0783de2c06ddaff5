/*
 * Unit tests for detect_web (detect.h): entities, spintax and Cloudflare's
 * "[email protected]" in scraped text, with their classes, and what is left
 * alone. The engine is made by hand (the web rules need no data).
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
#include "token.h"

#include "rule_harness.h"

static void entities(void **state)
{
    (void)state;
    expect_repair("Tom &amp; Jerry", "&amp;", "web.entity", CLASS_SURE, "&");
    expect_repair("it&#8217;s", "&#8217;", "web.entity", CLASS_SURE, "\xE2\x80\x99");
    expect_repair("it&#x2019;s", "&#x2019;", "web.entity", CLASS_SURE, "\xE2\x80\x99");
    expect_repair("it&#146;s", "&#146;", "web.entity", CLASS_SURE, "\xE2\x80\x99");
    expect_repair("it&amp;#8217;s", "&amp;#8217;", "web.entity", CLASS_SURE, "\xE2\x80\x99");
    expect_repair("caf&eacute;", "&eacute;", "web.entity", CLASS_SURE, "\xC3\xA9");
    expect_none("AT&T and R&D; &foo; &#0; &#xD800; & amp;", "web.entity");
    /* In markup, entities belong. */
    expect_none("<p>Tom &amp; Jerry</p>", "web.entity");
}

static void spintax(void **state)
{
    (void)state;
    const finding *f = expect("billions of {dollars} spent", "{dollars}", "web.spintax");
    assert_int_equal(f->klass, CLASS_SURE);
    assert_int_equal(f->kind, KIND_SPUN);
    assert_string_equal(f->cands[0].text, "dollars");
    f = expect("the {red|pink|crimson} army", "{red|pink|crimson}", "web.spintax");
    assert_int_equal(f->klass, CLASS_FLAG);
    assert_int_equal(f->ncands, 3);
    assert_string_equal(f->cands[2].text, "crimson");
    expect_none("\\emph{word} ${name} {0,T} {x = 1} {a|} { spaced } f(x){y}", "web.spintax");
}

static void email_protected(void **state)
{
    (void)state;
    const finding *f = expect("write to [email protected] now", "[email protected]",
                              "web.email-protected");
    assert_int_equal(f->klass, CLASS_FLAG);
    assert_int_equal(f->ncands, 0);
    expect("write to [email\xC2\xA0protected] now", "[email\xC2\xA0protected]",
           "web.email-protected");
    expect_none("write to [email] now", "web.email-protected");
}

static int cleanup(void **state)
{
    (void)state;
    finding_list_free(&found);
    return 0;
}

int main(void)
{
    harness_detector = detect_web;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(entities, cleanup),
        cmocka_unit_test_teardown(spintax, cleanup),
        cmocka_unit_test_teardown(email_protected, cleanup),
    };
    return cmocka_run_group_tests_name("detect_web", tests, setup, teardown);
}
