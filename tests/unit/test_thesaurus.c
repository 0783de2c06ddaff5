/*
 * Unit tests for thesaurus.h: the table reader rejects damaged tables, and
 * lemmatise → look up → re-inflect gives the spinner's likely originals.
 * A small table is built here in the format tools/build_thesaurus.py writes;
 * the real dict/thesaurus.bin is checked too when it is present.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "thesaurus.h"

static void put32(buf *b, uint32_t v)
{
    unsigned char c[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                          (unsigned char)(v >> 24)};
    buf_put(b, (const char *)c, 4);
}

/* Terms (sorted), links as pairs of indices (both ways), irregular forms. */
static const char *const terms[] = {"army", "crew", "go", "group", "military", "pink", "red",
                                    "run", "stop", "team", "walk"};
enum { ARMY, CREW, GO, GROUP, MILITARY, PINK, RED, RUN, STOP, TEAM, WALK, NT };
static const int pairs[][2] = {{ARMY, MILITARY}, {PINK, RED}, {GROUP, TEAM}, {CREW, TEAM},
                               {GO, RUN}, {RUN, WALK}, {GO, WALK}};
static const char *const irr[][3] = {{"ran", "run", "2"}, {"went", "go", "2"}};

static buf build(void)
{
    int adj[NT][NT] = {{0}};
    for (size_t k = 0; k < sizeof pairs / sizeof pairs[0]; k++) {
        adj[pairs[k][0]][pairs[k][1]] = 1;
        adj[pairs[k][1]][pairs[k][0]] = 1;
    }
    buf strings = BUF_INIT, links = BUF_INIT, out = BUF_INIT;
    uint32_t soff[NT], loff[NT + 1], ioff[2][2];
    for (int i = 0; i < NT; i++) {
        soff[i] = (uint32_t)strings.len;
        buf_put(&strings, terms[i], strlen(terms[i]) + 1);
    }
    for (int k = 0; k < 2; k++)
        for (int f = 0; f < 2; f++) {
            ioff[k][f] = (uint32_t)strings.len;
            buf_put(&strings, irr[k][f], strlen(irr[k][f]) + 1);
        }
    for (int i = 0; i < NT; i++) {
        loff[i] = (uint32_t)links.len;
        int prev = 0;
        for (int j = 0; j < NT; j++)
            if (adj[i][j]) {
                buf_putc(&links, (char)(j - prev));
                prev = j;
            }
    }
    loff[NT] = (uint32_t)links.len;
    buf_put(&out, "UNSPTHS1", 8);
    put32(&out, NT);
    put32(&out, 2);
    put32(&out, (uint32_t)strings.len);
    put32(&out, (uint32_t)links.len);
    for (int i = 0; i < NT; i++)
        put32(&out, soff[i]);
    for (int i = 0; i <= NT; i++)
        put32(&out, loff[i]);
    for (int k = 0; k < 2; k++) {   /* sorted by form: ran < went */
        put32(&out, ioff[k][0]);
        put32(&out, ioff[k][1]);
        put32(&out, (uint32_t)atoi(irr[k][2]));
    }
    put32(&out, 1);   /* by lemma: go (went) < run (ran) */
    put32(&out, 0);
    buf_put(&out, strings.data, strings.len);
    buf_put(&out, links.data, links.len);
    buf_free(&strings);
    buf_free(&links);
    return out;
}

static int has(const ths_cand *c, size_t n, const char *w)
{
    for (size_t k = 0; k < n; k++)
        if (strcmp(c[k].word, w) == 0)
            return 1;
    return 0;
}

static void rejects_damaged_tables(void **state)
{
    (void)state;
    const char *why = NULL;
    assert_null(thesaurus_from_buffer("garbage", 7, &why));
    assert_non_null(why);
    buf b = build();
    why = NULL;
    assert_null(thesaurus_from_buffer(b.data, b.len - 1, &why));   /* truncated */
    assert_non_null(why);
    b.data[8] = 0x7F;   /* wrong term count */
    assert_null(thesaurus_from_buffer(b.data, b.len, &why));
    buf_free(&b);
    assert_null(thesaurus_open("/nonexistent/thesaurus.bin", &why));
}

static void finds_words_and_links(void **state)
{
    (void)state;
    buf b = build();
    const char *why = NULL;
    thesaurus *t = thesaurus_from_buffer(b.data, b.len, &why);
    assert_non_null(t);
    assert_int_equal(thesaurus_size(t), NT);
    assert_int_equal(thesaurus_find(t, "pink"), PINK);
    assert_int_equal(thesaurus_find(t, "purple"), (uint32_t)-1);
    assert_string_equal(thesaurus_term(t, RED), "red");
    assert_int_equal(thesaurus_degree(t, TEAM), 2);
    assert_true(thesaurus_linked(t, PINK, RED));
    assert_false(thesaurus_linked(t, PINK, ARMY));
    thesaurus_close(t);
    buf_free(&b);
}

static void lemmatises_and_reinflects(void **state)
{
    (void)state;
    buf b = build();
    thesaurus *t = thesaurus_from_buffer(b.data, b.len, NULL);
    uint32_t lt[8];
    uint8_t tg[8];
    size_t n = thesaurus_lemmas(t, "teams", lt, tg, 8);
    assert_int_equal(n, 1);
    assert_int_equal(lt[0], TEAM);
    assert_int_equal(tg[0], THS_S);
    n = thesaurus_lemmas(t, "ran", lt, tg, 8);
    assert_int_equal(n, 1);
    assert_int_equal(lt[0], RUN);
    assert_int_equal(tg[0], THS_ED);
    char forms[128];
    assert_int_equal(thesaurus_inflect(t, "group", THS_S, forms, sizeof forms), 1);
    assert_string_equal(forms, "groups");
    assert_int_equal(thesaurus_inflect(t, "go", THS_ED, forms, sizeof forms), 1);
    assert_string_equal(forms, "went");   /* irregular, not "goed" */
    assert_true(thesaurus_inflect(t, "stop", THS_ING, forms, sizeof forms) >= 1);
    assert_string_equal(forms, "stopping");
    assert_int_equal(thesaurus_inflect(t, "party", THS_S, forms, sizeof forms), 1);
    assert_string_equal(forms, "parties");
    assert_int_equal(thesaurus_inflect(t, "walk", THS_ED, forms, sizeof forms), 1);
    assert_string_equal(forms, "walked");

    ths_cand c[16];
    n = thesaurus_candidates(t, "teams", NULL, NULL, c, 16);
    assert_true(has(c, n, "groups"));
    assert_true(has(c, n, "crews"));
    assert_false(has(c, n, "teams"));
    n = thesaurus_candidates(t, "ran", NULL, NULL, c, 16);
    assert_true(has(c, n, "went"));
    assert_true(has(c, n, "walked"));
    n = thesaurus_candidates(t, "purple", NULL, NULL, c, 16);
    assert_int_equal(n, 0);
    thesaurus_close(t);
    buf_free(&b);
}

static int reject_crews(void *ctx, const char *w)
{
    (void)ctx;
    return strcmp(w, "crews") != 0;
}

static void accept_filters_candidates(void **state)
{
    (void)state;
    buf b = build();
    thesaurus *t = thesaurus_from_buffer(b.data, b.len, NULL);
    ths_cand c[16];
    size_t n = thesaurus_candidates(t, "teams", reject_crews, NULL, c, 16);
    assert_int_equal(n, 1);
    assert_string_equal(c[0].word, "groups");
    assert_int_equal(c[0].degree, 1);
    n = thesaurus_candidates(t, "teams", NULL, NULL, c, 1);   /* bounded by max */
    assert_int_equal(n, 1);
    thesaurus_close(t);
    buf_free(&b);
}

/* Any single damaged byte is either rejected or harmless to look-ups
 * (run under ASan by the sanitizer build). */
static void survives_every_damaged_byte(void **state)
{
    (void)state;
    buf b = build();
    for (size_t i = 0; i < b.len; i++)
        for (int bit = 0; bit < 8; bit += 3) {
            b.data[i] ^= (char)(1 << bit);
            thesaurus *t = thesaurus_from_buffer(b.data, b.len, NULL);
            if (t) {
                ths_cand c[16];
                thesaurus_candidates(t, "teams", NULL, NULL, c, 16);
                thesaurus_candidates(t, "ran", NULL, NULL, c, 16);
                for (uint32_t k = 0; k < thesaurus_size(t); k++)
                    (void)thesaurus_degree(t, k);
                thesaurus_close(t);
            }
            b.data[i] ^= (char)(1 << bit);
        }
    buf_free(&b);
}

/* The generated table holds the originals of well-known spinner swaps. */
static void real_table_holds_spinner_originals(void **state)
{
    (void)state;
    const char *why = NULL;
    thesaurus *t = thesaurus_open(UNSPIN_TEST_DATA_DIR "/" THESAURUS_FILE, &why);
    if (!t)
        skip();
    ths_cand *c = malloc(1024 * sizeof *c);
    size_t n = thesaurus_candidates(t, "pink", NULL, NULL, c, 1024);
    assert_true(has(c, n, "red"));
    n = thesaurus_candidates(t, "military", NULL, NULL, c, 1024);
    assert_true(has(c, n, "army"));
    n = thesaurus_candidates(t, "teams", NULL, NULL, c, 1024);
    assert_true(has(c, n, "groups"));
    n = thesaurus_candidates(t, "started", NULL, NULL, c, 1024);
    assert_true(has(c, n, "began"));
    free(c);
    thesaurus_close(t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(rejects_damaged_tables),
        cmocka_unit_test(finds_words_and_links),
        cmocka_unit_test(lemmatises_and_reinflects),
        cmocka_unit_test(accept_filters_candidates),
        cmocka_unit_test(survives_every_damaged_byte),
        cmocka_unit_test(real_table_holds_spinner_originals),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
