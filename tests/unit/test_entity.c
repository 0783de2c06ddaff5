/*
 * Unit tests for entity.h: the gazetteer reader, and restoration of names a
 * spinner took apart ("Amnesty Worldwide"), with the real thesaurus and
 * language model when they are installed (skipped otherwise). Known names
 * stay; a run with no word left as written is not restored.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "engine.h"
#include "entity.h"
#include "token.h"

static void reads_the_gazetteer(void **state)
{
    (void)state;
    const char text[] = "# a comment\nAmnesty International\nWorld Bank  \r\nSingle\n\nWorld Bank\n";
    entity_set *es = entities_from_buffer(text, sizeof text - 1, NULL);
    assert_non_null(es);
    assert_int_equal(entities_count(es), 2);   /* one-word lines and duplicates are dropped */
    assert_true(entities_has(es, "world bank"));
    assert_true(entities_has(es, "amnesty international"));
    assert_false(entities_has(es, "world"));
    assert_false(entities_has(es, "single"));
    entities_free(es);
    assert_null(entities_load("/nonexistent/entities.txt", NULL));
}

/* Findings of entity_detect on text, with the installed data. */
static size_t detect(const unspin_engine *e, const char *text, finding_list *out)
{
    tok_list toks = {0};
    tok_split(text, strlen(text), &toks);
    seg_ctx s = {text, strlen(text), &toks};
    size_t judged = 0;
    entity_detect(e, &s, out, &judged);
    tok_list_free(&toks);
    return out->n;
}

static void restores_names_taken_apart(void **state)
{
    (void)state;
    unspin_options o = {0};
    o.no_spell = 1;
    unspin_engine *e = unspin_engine_new(&o);
    assert_non_null(e);
    if (!e->lm || !e->ths || !e->ents) {
        unspin_engine_free(e);
        skip();
    }
    finding_list l = {0};
    const char *t1 = "A report by Amnesty Worldwide said so.";
    assert_int_equal(detect(e, t1, &l), 1);
    assert_string_equal(l.v[0].cands[0].text, "Amnesty International");
    assert_int_equal(l.v[0].start, strstr(t1, "Amnesty") - t1);
    assert_int_equal(l.v[0].end, strstr(t1, " said") - t1);
    assert_string_equal(l.v[0].rule, "entity");
    finding_list_free(&l);
    memset(&l, 0, sizeof l);
    /* A known name stays as it is. */
    assert_int_equal(detect(e, "A report by Amnesty International said so.", &l), 0);
    /* No word left as written: not restored here (the mapping's business). */
    assert_int_equal(detect(e, "She shopped at Finest Purchase today.", &l), 0);
    /* Lower-case words are not a name. */
    assert_int_equal(detect(e, "an amnesty worldwide was declared", &l), 0);
    finding_list_free(&l);
    unspin_engine_free(e);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(reads_the_gazetteer),
        cmocka_unit_test(restores_names_taken_apart),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
