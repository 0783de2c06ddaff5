/*
 * Unit tests for finding.h: finding lists, overlap resolution (the stronger
 * class wins, then the longer span) and rendering of applied findings.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "finding.h"

static finding *add(finding_list *l, size_t start, size_t end, int klass, const char *repl)
{
    finding *f = finding_add(l, start, end, KIND_SPUN, klass, "t:1");
    if (repl)
        finding_add_cand(f, repl, strlen(repl), 1.0, "mapping");
    return f;
}

static void finding_add_records_the_finding(void **state)
{
    (void)state;
    finding_list l = {0};
    finding *f = finding_add(&l, 3, 9, KIND_OCR, CLASS_LIKELY, "r:7");
    assert_int_equal(l.n, 1);
    assert_int_equal(f->start, 3);
    assert_int_equal(f->end, 9);
    assert_int_equal(f->kind, KIND_OCR);
    assert_int_equal(f->klass, CLASS_LIKELY);
    assert_int_equal(f->applied, 0);
    assert_string_equal(f->rule, "r:7");
    assert_int_equal(f->ncands, 0);
    finding_list_free(&l);
}

static void candidates_are_owned_copies_in_order(void **state)
{
    (void)state;
    finding_list l = {0};
    char text[] = "red army|soviet army";
    finding *f = finding_add(&l, 0, 4, KIND_SPUN, CLASS_SURE, "r");
    finding_add_cand(f, text, 8, 2.0, "mapping");
    finding_add_cand(f, text + 9, 11, 1.0, "mapping");
    memset(text, 'x', sizeof text - 1);
    assert_int_equal(f->ncands, 2);
    assert_string_equal(f->cands[0].text, "red army");
    assert_string_equal(f->cands[1].text, "soviet army");
    assert_true(f->cands[0].score == 2.0);
    assert_string_equal(f->cands[1].source, "mapping");
    finding_list_free(&l);
}

static void list_grows_past_its_initial_capacity(void **state)
{
    (void)state;
    finding_list l = {0};
    for (size_t i = 0; i < 1000; i++)
        add(&l, 2 * i, 2 * i + 1, CLASS_SURE, "x");
    assert_int_equal(l.n, 1000);
    for (size_t i = 0; i < 1000; i++)
        assert_int_equal(l.v[i].start, 2 * i);
    finding_list_free(&l);
    assert_int_equal(l.n, 0);
    assert_null(l.v);
}

static void resolve_keeps_the_longer_of_two_at_the_same_start(void **state)
{
    (void)state;
    finding_list l = {0};
    add(&l, 4, 8, CLASS_SURE, "red");
    add(&l, 4, 17, CLASS_SURE, "red army");
    finding_resolve_overlaps(&l);
    assert_int_equal(l.n, 1);
    assert_int_equal(l.v[0].start, 4);
    assert_int_equal(l.v[0].end, 17);
    assert_string_equal(l.v[0].cands[0].text, "red army");
    finding_list_free(&l);
}

static void resolve_keeps_the_stronger_class_over_a_longer_span(void **state)
{
    (void)state;
    /* Either order of arrival. */
    for (int order = 0; order < 2; order++) {
        finding_list l = {0};
        if (order == 0) {
            add(&l, 0, 20, CLASS_LIKELY, "long likely");
            add(&l, 5, 9, CLASS_SURE, "short sure");
        } else {
            add(&l, 5, 9, CLASS_SURE, "short sure");
            add(&l, 0, 20, CLASS_LIKELY, "long likely");
        }
        finding_resolve_overlaps(&l);
        assert_int_equal(l.n, 1);
        assert_int_equal(l.v[0].klass, CLASS_SURE);
        assert_int_equal(l.v[0].start, 5);
        assert_string_equal(l.v[0].cands[0].text, "short sure");
        finding_list_free(&l);
    }
}

static void resolve_keeps_the_stronger_class_at_the_same_span(void **state)
{
    (void)state;
    finding_list l = {0};
    add(&l, 2, 6, CLASS_FLAG, "flagged");
    add(&l, 2, 6, CLASS_SURE, "sure");
    add(&l, 2, 6, CLASS_LIKELY, "likely");
    finding_resolve_overlaps(&l);
    assert_int_equal(l.n, 1);
    assert_int_equal(l.v[0].klass, CLASS_SURE);
    assert_string_equal(l.v[0].cands[0].text, "sure");
    finding_list_free(&l);
}

static void resolve_drops_a_weaker_later_overlap(void **state)
{
    (void)state;
    finding_list l = {0};
    add(&l, 10, 15, CLASS_LIKELY, "later");
    add(&l, 0, 12, CLASS_SURE, "earlier");
    finding_resolve_overlaps(&l);
    assert_int_equal(l.n, 1);
    assert_int_equal(l.v[0].start, 0);
    assert_string_equal(l.v[0].cands[0].text, "earlier");
    finding_list_free(&l);
}

static void resolve_keeps_adjacent_findings_sorted(void **state)
{
    (void)state;
    finding_list l = {0};
    add(&l, 8, 12, CLASS_LIKELY, "c");
    add(&l, 0, 4, CLASS_SURE, "a");
    add(&l, 4, 8, CLASS_FLAG, "b");
    finding_resolve_overlaps(&l);
    assert_int_equal(l.n, 3);
    assert_string_equal(l.v[0].cands[0].text, "a");
    assert_string_equal(l.v[1].cands[0].text, "b");
    assert_string_equal(l.v[2].cands[0].text, "c");
    for (size_t i = 1; i < l.n; i++)
        assert_true(l.v[i - 1].end <= l.v[i].start);
    finding_list_free(&l);
}

static void resolved_findings_never_overlap(void **state)
{
    (void)state;
    /* A tangle of spans and classes: whatever wins, no two may overlap, and a
     * finding is only dropped for an overlapping one at least as strong. */
    static const struct {
        size_t s, e;
        int k;
    } in[] = {
        {0, 10, CLASS_LIKELY}, {2, 4, CLASS_SURE},  {5, 8, CLASS_SURE},   {7, 12, CLASS_FLAG},
        {11, 20, CLASS_SURE},  {15, 16, CLASS_LIKELY}, {19, 25, CLASS_LIKELY}, {30, 31, CLASS_FLAG},
    };
    finding_list l = {0};
    for (size_t i = 0; i < sizeof in / sizeof *in; i++)
        add(&l, in[i].s, in[i].e, in[i].k, "x");
    finding_resolve_overlaps(&l);
    for (size_t i = 1; i < l.n; i++)
        assert_true(l.v[i - 1].end <= l.v[i].start);
    for (size_t i = 0; i < sizeof in / sizeof *in; i++) {
        int kept = 0, beaten = 0;
        for (size_t j = 0; j < l.n; j++) {
            if (l.v[j].start == in[i].s && l.v[j].end == in[i].e && l.v[j].klass == in[i].k)
                kept = 1;
            else if (l.v[j].start < in[i].e && in[i].s < l.v[j].end && l.v[j].klass <= in[i].k)
                beaten = 1;
        }
        if (!kept && !beaten)
            fail_msg("[%zu,%zu) was dropped without a stronger overlap", in[i].s, in[i].e);
    }
    /* No sure finding overlaps another, so all three survive the likely [0,10). */
    size_t sure = 0;
    for (size_t j = 0; j < l.n; j++)
        sure += l.v[j].klass == CLASS_SURE;
    assert_int_equal(sure, 3);
    finding_list_free(&l);
}

static void render_applies_only_applied_findings(void **state)
{
    (void)state;
    const char *text = "The pink military and nationwide safety agree.";
    const char *pm = strstr(text, "pink military"), *ns = strstr(text, "nationwide safety");
    finding_list l = {0};
    finding *a = add(&l, (size_t)(pm - text), (size_t)(pm - text) + 13, CLASS_SURE, "red army");
    add(&l, (size_t)(ns - text), (size_t)(ns - text) + 17, CLASS_LIKELY, "national security");
    a->applied = 1;
    buf out = BUF_INIT;
    finding_render(text, strlen(text), &l, &out);
    assert_string_equal(out.data, "The red army and nationwide safety agree.");

    l.v[1].applied = 1;
    buf_clear(&out);
    finding_render(text, strlen(text), &l, &out);
    assert_string_equal(out.data, "The red army and national security agree.");
    buf_free(&out);
    finding_list_free(&l);
}

static void render_without_applied_findings_gives_the_text_back(void **state)
{
    (void)state;
    static const char text[] = "pink\0military\xFF";
    finding_list l = {0};
    add(&l, 0, 4, CLASS_SURE, "red");
    buf out = BUF_INIT;
    finding_render(text, sizeof text - 1, &l, &out);
    assert_int_equal(out.len, sizeof text - 1);
    assert_memory_equal(out.data, text, out.len);
    buf_free(&out);
    finding_list_free(&l);
}

static void render_skips_applied_findings_without_candidates(void **state)
{
    (void)state;
    const char *text = "pink military";
    finding_list l = {0};
    finding *f = add(&l, 0, 4, CLASS_SURE, NULL);
    f->applied = 1;
    buf out = BUF_INIT;
    finding_render(text, strlen(text), &l, &out);
    assert_string_equal(out.data, text);
    buf_free(&out);
    finding_list_free(&l);
}

static void render_uses_the_first_candidate(void **state)
{
    (void)state;
    const char *text = "at the end: pink";
    finding_list l = {0};
    finding *f = add(&l, 12, 16, CLASS_SURE, "red");
    finding_add_cand(f, "rose", 4, 0.5, "mapping");
    f->applied = 1;
    buf out = BUF_INIT;
    finding_render(text, strlen(text), &l, &out);
    assert_string_equal(out.data, "at the end: red");
    buf_free(&out);
    finding_list_free(&l);
}

static void class_and_kind_names_round_trip(void **state)
{
    (void)state;
    static const char *const names[] = {"sure", "likely", "flag"};
    for (int k = CLASS_SURE; k <= CLASS_FLAG; k++) {
        assert_string_equal(klass_name(k), names[k]);
        assert_int_equal(klass_parse(names[k], strlen(names[k])), k);
    }
    assert_int_equal(klass_parse("maybe", 5), -1);
    assert_int_equal(klass_parse("sur", 3), -1);
    assert_int_equal(klass_parse("sures", 5), -1);
    assert_string_equal(kind_name(KIND_SPUN), "spun");
}

static void clear_empties_the_list_for_reuse(void **state)
{
    (void)state;
    finding_list l = {0};
    add(&l, 0, 1, CLASS_SURE, "a");
    add(&l, 1, 2, CLASS_SURE, "b");
    finding_list_clear(&l);
    assert_int_equal(l.n, 0);
    add(&l, 5, 6, CLASS_LIKELY, "c");
    assert_int_equal(l.n, 1);
    assert_string_equal(l.v[0].cands[0].text, "c");
    finding_list_free(&l);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(finding_add_records_the_finding),
        cmocka_unit_test(candidates_are_owned_copies_in_order),
        cmocka_unit_test(list_grows_past_its_initial_capacity),
        cmocka_unit_test(resolve_keeps_the_longer_of_two_at_the_same_start),
        cmocka_unit_test(resolve_keeps_the_stronger_class_over_a_longer_span),
        cmocka_unit_test(resolve_keeps_the_stronger_class_at_the_same_span),
        cmocka_unit_test(resolve_drops_a_weaker_later_overlap),
        cmocka_unit_test(resolve_keeps_adjacent_findings_sorted),
        cmocka_unit_test(resolved_findings_never_overlap),
        cmocka_unit_test(render_applies_only_applied_findings),
        cmocka_unit_test(render_without_applied_findings_gives_the_text_back),
        cmocka_unit_test(render_skips_applied_findings_without_candidates),
        cmocka_unit_test(render_uses_the_first_candidate),
        cmocka_unit_test(class_and_kind_names_round_trip),
        cmocka_unit_test(clear_empties_the_list_for_reuse),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
