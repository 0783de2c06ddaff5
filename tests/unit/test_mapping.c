/*
 * Unit tests for mapping.h: loading unspin-dict(5) lines and two-column
 * tortured-phrase lists from memory, reporting bad lines, and linting.
 * Diagnostics for the bad lines are printed on stderr by design.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "diag.h"
#include "finding.h"
#include "mapping.h"
#include "token.h"
#include "trie.h"

static int load(mapping *m, const char *text, int format)
{
    return mapping_load_buffer(m, "test.dict", text, strlen(text), format);
}

/* The entry whose spun phrase is written exactly `spun`, or fails. */
static const map_entry *entry(const mapping *m, const char *spun)
{
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(m->v[i].spun, spun) == 0)
            return &m->v[i];
    fail_msg("no entry '%s'", spun);
    return NULL;
}

/* The head of the entry chain the trie holds for phrase, or -1. */
static int32_t trie_lookup(const mapping *m, const char *phrase)
{
    tok_list l = {0};
    tok_split(phrase, strlen(phrase), &l);
    uint32_t node = TRIE_ROOT;
    for (size_t i = 0; i < l.n && node != TRIE_NONE; i++)
        if (l.v[i].type != TOK_SPACE && l.v[i].type != TOK_NEWLINE)
            node = trie_child(m->trie, node, l.v[i].hash);
    tok_list_free(&l);
    return node == TRIE_NONE ? -1 : trie_value(m->trie, node);
}

/* Lints m and checks that each problem counted was reported as a warning. */
static size_t lint(const mapping *m)
{
    size_t before = diag_count(DIAG_WARNING);
    size_t problems = mapping_lint(m);
    assert_int_equal(diag_count(DIAG_WARNING) - before, problems);
    return problems;
}

static void good_lines_load_with_class_and_original(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    int errors = load(m,
                      "pink military\tred army\tsure\n"
                      "nationwide safety\tnational security\tlikely\n"
                      "profound learning\tdeep learning\tflag\n",
                      MAP_FORMAT_DICT);
    assert_int_equal(errors, 0);
    assert_int_equal(m->n, 3);
    const map_entry *e = entry(m, "pink military");
    assert_int_equal(e->klass, CLASS_SURE);
    assert_int_equal(e->norigs, 1);
    assert_string_equal(e->origs[0], "red army");
    assert_int_equal(e->flags, 0);
    for (int c = 0; c < 4; c++)
        assert_null(e->cond[c]);
    assert_int_equal(entry(m, "nationwide safety")->klass, CLASS_LIKELY);
    assert_int_equal(entry(m, "profound learning")->klass, CLASS_FLAG);
    mapping_free(m);
}

static void entries_record_file_line_and_id(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    const char *text = "# header\n\npink military\tred army\tsure\n";
    assert_int_equal(mapping_load_buffer(m, "/some/dir/x.dict", text, strlen(text),
                                         MAP_FORMAT_DICT), 0);
    assert_int_equal(m->n, 1);
    assert_int_equal(m->v[0].line, 3);
    assert_string_equal(m->v[0].file, "/some/dir/x.dict");
    assert_string_equal(m->v[0].id, "x.dict:3");
    mapping_free(m);
}

static void entries_are_indexed_by_folded_words(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    assert_int_equal(load(m, "PINK   Military\tred army\tsure\n", MAP_FORMAT_DICT), 0);
    const map_entry *e = &m->v[0];
    /* Runs of spaces collapse; the key is folded. */
    assert_string_equal(e->spun, "PINK Military");
    assert_string_equal(e->key, "pink military");
    assert_int_equal(trie_lookup(m, "pink military"), 0);
    assert_int_equal(trie_lookup(m, "Pink MILITARY"), 0);
    assert_int_equal(trie_lookup(m, "pink"), -1);
    mapping_free(m);
}

static void entries_with_the_same_key_are_chained_in_file_order(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    assert_int_equal(load(m,
                          "bank\tshore\tsure\tbefore=river $\n"
                          "other\tthing\tsure\n"
                          "Bank\tfinancial institution\tlikely\n",
                          MAP_FORMAT_DICT), 0);
    int32_t head = trie_lookup(m, "bank");
    assert_true(head >= 0);
    assert_string_equal(m->v[head].origs[0], "shore");
    int32_t next = m->v[head].next;
    assert_true(next >= 0);
    assert_string_equal(m->v[next].origs[0], "financial institution");
    assert_int_equal(m->v[next].next, -1);
    mapping_free(m);
}

static void alternatives_are_split_on_bar_and_trimmed(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    assert_int_equal(load(m,
                          "nationwide safety\tnational security| homeland security |"
                          "domestic  security\tlikely\n",
                          MAP_FORMAT_DICT), 0);
    const map_entry *e = &m->v[0];
    assert_int_equal(e->norigs, 3);
    assert_string_equal(e->origs[0], "national security");
    assert_string_equal(e->origs[1], "homeland security");
    assert_string_equal(e->origs[2], "domestic security");
    mapping_free(m);
}

static void evidence_and_case_attributes_are_parsed(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    assert_int_equal(load(m,
                          "profound learning\tdeep learning\tsure\tn=12 keep=3\tsrc=curated\n"
                          "Fixed Disk\thard disk\tsure\tcase=exact\n"
                          "pink military\tred army\tsure\tn=7\tkeep=0 case=exact brown=2\n",
                          MAP_FORMAT_DICT), 0);
    const map_entry *e = entry(m, "profound learning");
    assert_int_equal(e->n, 12);
    assert_int_equal(e->keep, 3);
    assert_false(e->flags & MAPF_CASE_EXACT);
    e = entry(m, "Fixed Disk");
    assert_true(e->flags & MAPF_CASE_EXACT);
    e = entry(m, "pink military");
    assert_int_equal(e->n, 7);
    assert_int_equal(e->keep, 0);
    assert_true(e->flags & MAPF_CASE_EXACT);
    mapping_free(m);
}

static void context_conditions_are_compiled(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    assert_int_equal(load(m,
                          "bank\tshore\tsure\tbefore=river\\s+$\tafter=^\\s+of the\n"
                          "fair\tjust\tsure\t!before=a very $\t!after=^ price\n",
                          MAP_FORMAT_DICT), 0);
    const map_entry *e = entry(m, "bank");
    assert_non_null(e->cond[COND_BEFORE]);
    assert_non_null(e->cond[COND_AFTER]);
    assert_null(e->cond[COND_NOT_BEFORE]);
    assert_null(e->cond[COND_NOT_AFTER]);
    e = entry(m, "fair");
    assert_null(e->cond[COND_BEFORE]);
    assert_null(e->cond[COND_AFTER]);
    assert_non_null(e->cond[COND_NOT_BEFORE]);
    assert_non_null(e->cond[COND_NOT_AFTER]);
    mapping_free(m);
}

/* Lines that are each one error; lengths come from sizeof because one
 * line holds a NUL byte. */
#define LINE(s) {s, sizeof s - 1}
static const struct {
    const char *s;
    size_t len;
} bad_lines[] = {
    LINE("lonely spun phrase\n"),                   /* one field */
    LINE("foo bar\tbaz\n"),                         /* missing class */
    LINE("foo bar\tbaz\tmaybe\n"),                  /* unknown class */
    LINE(" \tbaz\tsure\n"),                         /* empty spun */
    LINE("foo bar\t \tsure\n"),                     /* empty original */
    LINE("foo bar\t | \tsure\n"),                   /* only empty alternatives */
    LINE("foo bar\tbaz\tsure\tn=many\n"),           /* bad attribute value */
    LINE("foo bar\tbaz\tsure\tn=\n"),               /* empty attribute value */
    LINE("foo bar\tbaz\tsure\tcase=lower\n"),       /* bad case= value */
    LINE("foo bar\tbaz\tsure\tnokey\n"),            /* attribute without = */
    LINE("foo bar\tbaz\tsure\tbefore=(unclosed\n"), /* bad regex */
    LINE("foo bar\tbaz\tsure\t!after=[z-a]\n"),     /* bad regex */
    LINE("...\tbaz\tsure\n"),                       /* phrase with no words */
    LINE("foo\0bar\tbaz\tsure\n"),                  /* NUL byte */
};
#define NBAD (sizeof bad_lines / sizeof *bad_lines)

static void each_bad_line_is_one_error_and_good_lines_still_load(void **state)
{
    (void)state;
    const char *good1 = "pink military\tred army\tsure\n";
    const char *good2 = "nationwide safety\tnational security\tsure\n";
    for (size_t k = 0; k < NBAD; k++) {
        size_t bl = bad_lines[k].len;
        char text[256];
        size_t n = 0;
        memcpy(text + n, good1, strlen(good1));
        n += strlen(good1);
        memcpy(text + n, bad_lines[k].s, bl);
        n += bl;
        memcpy(text + n, good2, strlen(good2));
        n += strlen(good2);

        mapping *m = mapping_new();
        size_t before = diag_count(DIAG_ERROR);
        int errors = mapping_load_buffer(m, "bad.dict", text, n, MAP_FORMAT_DICT);
        if (errors != 1)
            fail_msg("line %zu ('%.*s'): %d errors, expected 1", k, (int)bl - 1, bad_lines[k].s,
                     errors);
        assert_int_equal(diag_count(DIAG_ERROR) - before, 1);
        assert_int_equal(m->n, 2);
        assert_string_equal(entry(m, "pink military")->origs[0], "red army");
        assert_string_equal(entry(m, "nationwide safety")->origs[0], "national security");
        /* The bad line left nothing findable behind. */
        assert_int_equal(trie_lookup(m, "foo bar"), -1);
        /* The good line after the bad one keeps its own line number. */
        assert_int_equal(entry(m, "nationwide safety")->line, 3);
        mapping_free(m);
    }
}

static void all_bad_lines_together_are_counted(void **state)
{
    (void)state;
    char text[1024];
    size_t n = 0;
    size_t nbad = NBAD;
    for (size_t k = 0; k < nbad; k++) {
        memcpy(text + n, bad_lines[k].s, bad_lines[k].len);
        n += bad_lines[k].len;
    }
    const char *good = "pink military\tred army\tsure";   /* no final newline */
    memcpy(text + n, good, strlen(good));
    n += strlen(good);
    mapping *m = mapping_new();
    assert_int_equal(mapping_load_buffer(m, "bad.dict", text, n, MAP_FORMAT_DICT), (int)nbad);
    assert_int_equal(m->n, 1);
    assert_int_equal(m->v[0].line, nbad + 1);
    mapping_free(m);
}

static void comments_blank_lines_crlf_and_bom_are_handled(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    int errors = load(m,
                      "\xEF\xBB\xBF" "pink military\tred army\tsure\r\n"
                      "# a comment\tline\r\n"
                      "   # an indented comment\r\n"
                      "\r\n"
                      "   \t \r\n"
                      "\n"
                      "nationwide safety\tnational security\tlikely\tn=5\r\n",
                      MAP_FORMAT_DICT);
    assert_int_equal(errors, 0);
    assert_int_equal(m->n, 2);
    /* The BOM is not part of the first spun phrase. */
    const map_entry *e = &m->v[0];
    assert_string_equal(e->spun, "pink military");
    assert_string_equal(e->origs[0], "red army");
    assert_int_equal(e->line, 1);
    assert_int_equal(trie_lookup(m, "pink military"), 0);
    /* CR is not part of the class or the last attribute. */
    e = &m->v[1];
    assert_int_equal(e->klass, CLASS_LIKELY);
    assert_int_equal(e->n, 5);
    assert_int_equal(e->line, 7);
    mapping_free(m);
}

static void empty_buffer_loads_nothing(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    assert_int_equal(mapping_load_buffer(m, "empty.dict", "", 0, MAP_FORMAT_DICT), 0);
    assert_int_equal(m->n, 0);
    assert_int_equal(lint(m), 0);
    mapping_free(m);
}

static const char tortured[] =
    "spun\toriginal\n"
    "counterfeit consciousness\tartificial intelligence\n"
    "profound learning\tdeep learning (?)\n"
    "irregular esteem\trandom value/random variable\n"
    "colossal information\tbig data (context: computing)\n"
    "bosom peril\tbreast cancer (medicine)\n";

static void two_column_list_loads_under_auto(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    assert_int_equal(load(m, tortured, MAP_FORMAT_AUTO), 0);
    /* The header line is not an entry. */
    assert_int_equal(m->n, 5);
    assert_int_equal(trie_lookup(m, "spun"), -1);

    const map_entry *e = entry(m, "counterfeit consciousness");
    assert_int_equal(e->klass, CLASS_LIKELY);
    assert_int_equal(e->norigs, 1);
    assert_string_equal(e->origs[0], "artificial intelligence");

    e = entry(m, "profound learning");
    assert_int_equal(e->klass, CLASS_FLAG);
    assert_int_equal(e->norigs, 1);
    assert_string_equal(e->origs[0], "deep learning");

    e = entry(m, "irregular esteem");
    assert_int_equal(e->klass, CLASS_LIKELY);
    assert_int_equal(e->norigs, 2);
    assert_string_equal(e->origs[0], "random value");
    assert_string_equal(e->origs[1], "random variable");

    e = entry(m, "colossal information");
    assert_int_equal(e->klass, CLASS_FLAG);
    assert_string_equal(e->origs[0], "big data");

    e = entry(m, "bosom peril");
    assert_int_equal(e->klass, CLASS_LIKELY);
    assert_int_equal(e->norigs, 1);
    assert_string_equal(e->origs[0], "breast cancer");
    mapping_free(m);
}

static void three_column_lines_still_load_under_auto(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    assert_int_equal(load(m,
                          "counterfeit consciousness\tartificial intelligence\n"
                          "pink military\tred army|the red army\tsure\tn=3\n",
                          MAP_FORMAT_AUTO), 0);
    const map_entry *e = entry(m, "pink military");
    assert_int_equal(e->klass, CLASS_SURE);
    assert_int_equal(e->norigs, 2);
    assert_int_equal(e->n, 3);
    mapping_free(m);
}

static void two_column_lines_are_rejected_under_dict(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    /* The data lines of the list, without its header. */
    const char *data = strchr(tortured, '\n') + 1;
    assert_int_equal(load(m, data, MAP_FORMAT_DICT), 5);
    assert_int_equal(m->n, 0);
    mapping_free(m);
}

/* Loads s from a heap buffer of exactly its length, so that reading past the
 * end is caught by the sanitizers. */
static int load_exact(mapping *m, const char *s, int format)
{
    size_t n = strlen(s);
    char *copy = malloc(n);
    assert_non_null(copy);
    memcpy(copy, s, n);
    int errors = mapping_load_buffer(m, "exact.dict", copy, n, format);
    free(copy);
    return errors;
}

static void unclosed_note_runs_to_the_end_of_the_line(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    assert_int_equal(load_exact(m, "bosom peril\tbreast cancer (", MAP_FORMAT_AUTO), 0);
    assert_int_equal(m->n, 1);
    assert_int_equal(m->v[0].norigs, 1);
    assert_string_equal(m->v[0].origs[0], "breast cancer");
    mapping_free(m);

    m = mapping_new();
    assert_int_equal(load_exact(m, "colossal information\tbig data (context", MAP_FORMAT_AUTO), 0);
    assert_int_equal(m->n, 1);
    assert_string_equal(m->v[0].origs[0], "big data");
    assert_int_equal(m->v[0].klass, CLASS_FLAG);
    mapping_free(m);
}

static void lint_finds_nothing_in_a_clean_mapping(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    assert_int_equal(load(m,
                          "pink military\tred army\tsure\n"
                          "nationwide safety\tnational security\tsure\n"
                          "bank\tshore\tsure\tbefore=river $\n"
                          "bank\tfinancial institution\tlikely\n",
                          MAP_FORMAT_DICT), 0);
    assert_int_equal(lint(m), 0);
    mapping_free(m);
}

static void lint_counts_a_duplicate(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    assert_int_equal(load(m,
                          "pink military\tred army\tsure\n"
                          "Pink  Military\tred army\tlikely\n",
                          MAP_FORMAT_DICT), 0);
    assert_int_equal(lint(m), 1);
    mapping_free(m);
}

static void lint_counts_a_conflict(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    assert_int_equal(load(m,
                          "pink military\tred army\tsure\n"
                          "pink military\tsoviet army\tsure\n",
                          MAP_FORMAT_DICT), 0);
    assert_int_equal(lint(m), 1);
    mapping_free(m);
}

static void lint_counts_a_chain(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    /* "red army" is an original and also a spun key of its own. */
    assert_int_equal(load(m,
                          "pink military\tred army\tsure\n"
                          "red army\tsoviet army\tsure\n",
                          MAP_FORMAT_DICT), 0);
    assert_int_equal(lint(m), 1);
    mapping_free(m);
}

static void lint_counts_duplicate_conflict_and_chain_together(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    assert_int_equal(load(m,
                          "pink military\tred army\tsure\n"
                          "pink military\tred army\tsure\n"
                          "nationwide safety\tnational security\tsure\n"
                          "nationwide safety\thomeland security\tsure\n"
                          "profound learning\tmachine learning\tsure\n"
                          "machine learning\tdeep learning\tsure\n",
                          MAP_FORMAT_DICT), 0);
    assert_int_equal(lint(m), 3);
    mapping_free(m);
}

static void lint_ignores_chains_into_flag_entries(void **state)
{
    (void)state;
    mapping *m = mapping_new();
    assert_int_equal(load(m,
                          "pink military\tred army\tsure\n"
                          "red army\tsoviet army\tflag\n",
                          MAP_FORMAT_DICT), 0);
    assert_int_equal(lint(m), 0);
    mapping_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(good_lines_load_with_class_and_original),
        cmocka_unit_test(entries_record_file_line_and_id),
        cmocka_unit_test(entries_are_indexed_by_folded_words),
        cmocka_unit_test(entries_with_the_same_key_are_chained_in_file_order),
        cmocka_unit_test(alternatives_are_split_on_bar_and_trimmed),
        cmocka_unit_test(evidence_and_case_attributes_are_parsed),
        cmocka_unit_test(context_conditions_are_compiled),
        cmocka_unit_test(each_bad_line_is_one_error_and_good_lines_still_load),
        cmocka_unit_test(all_bad_lines_together_are_counted),
        cmocka_unit_test(comments_blank_lines_crlf_and_bom_are_handled),
        cmocka_unit_test(empty_buffer_loads_nothing),
        cmocka_unit_test(two_column_list_loads_under_auto),
        cmocka_unit_test(three_column_lines_still_load_under_auto),
        cmocka_unit_test(two_column_lines_are_rejected_under_dict),
        cmocka_unit_test(unclosed_note_runs_to_the_end_of_the_line),
        cmocka_unit_test(lint_finds_nothing_in_a_clean_mapping),
        cmocka_unit_test(lint_counts_a_duplicate),
        cmocka_unit_test(lint_counts_a_conflict),
        cmocka_unit_test(lint_counts_a_chain),
        cmocka_unit_test(lint_counts_duplicate_conflict_and_chain_together),
        cmocka_unit_test(lint_ignores_chains_into_flag_entries),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
