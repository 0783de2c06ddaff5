/*
 * Unit tests for trie.h: a word trie stored as a hash table of
 * (parent, word hash) → child edges.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>

#include <cmocka.h>

#include "trie.h"

static void new_trie_has_only_the_root_without_value(void **state)
{
    (void)state;
    trie *t = trie_new();
    assert_int_equal(trie_nodes(t), 1);
    assert_int_equal(trie_value(t, TRIE_ROOT), -1);
    trie_free(t);
}

static void missing_child_is_trie_none(void **state)
{
    (void)state;
    trie *t = trie_new();
    assert_int_equal(trie_child(t, TRIE_ROOT, 12345u), TRIE_NONE);
    uint32_t a = trie_add(t, TRIE_ROOT, 1u);
    assert_int_equal(trie_child(t, TRIE_ROOT, 2u), TRIE_NONE);
    assert_int_equal(trie_child(t, a, 1u), TRIE_NONE);
    trie_free(t);
}

static void added_child_is_found_and_has_no_value(void **state)
{
    (void)state;
    trie *t = trie_new();
    uint32_t a = trie_add(t, TRIE_ROOT, 0xABCDu);
    assert_int_not_equal(a, TRIE_NONE);
    assert_int_not_equal(a, TRIE_ROOT);
    assert_int_equal(trie_child(t, TRIE_ROOT, 0xABCDu), a);
    assert_int_equal(trie_value(t, a), -1);
    assert_int_equal(trie_nodes(t), 2);
    trie_free(t);
}

static void adding_an_existing_edge_returns_the_same_child(void **state)
{
    (void)state;
    trie *t = trie_new();
    uint32_t a = trie_add(t, TRIE_ROOT, 7u);
    assert_int_equal(trie_add(t, TRIE_ROOT, 7u), a);
    assert_int_equal(trie_nodes(t), 2);
    trie_free(t);
}

static void same_hash_under_different_parents_gives_different_children(void **state)
{
    (void)state;
    trie *t = trie_new();
    uint32_t a = trie_add(t, TRIE_ROOT, 1u);
    uint32_t b = trie_add(t, TRIE_ROOT, 2u);
    uint32_t a1 = trie_add(t, a, 99u);
    uint32_t b1 = trie_add(t, b, 99u);
    assert_int_not_equal(a1, b1);
    assert_int_equal(trie_child(t, a, 99u), a1);
    assert_int_equal(trie_child(t, b, 99u), b1);
    trie_free(t);
}

static void extreme_hash_values_are_ordinary_edges(void **state)
{
    (void)state;
    trie *t = trie_new();
    uint32_t z = trie_add(t, TRIE_ROOT, 0u);
    uint32_t m = trie_add(t, TRIE_ROOT, UINT32_MAX);
    assert_int_not_equal(z, m);
    assert_int_equal(trie_child(t, TRIE_ROOT, 0u), z);
    assert_int_equal(trie_child(t, TRIE_ROOT, UINT32_MAX), m);
    trie_free(t);
}

static void values_are_stored_per_node(void **state)
{
    (void)state;
    trie *t = trie_new();
    uint32_t a = trie_add(t, TRIE_ROOT, 10u);
    uint32_t b = trie_add(t, a, 20u);
    trie_set_value(t, b, 42);
    assert_int_equal(trie_value(t, b), 42);
    assert_int_equal(trie_value(t, a), -1);
    trie_set_value(t, a, 0);
    assert_int_equal(trie_value(t, a), 0);
    assert_int_equal(trie_value(t, b), 42);
    trie_free(t);
}

/* Deterministic pseudo-random hashes (xorshift32). */
static uint32_t next_hash(uint32_t *s)
{
    uint32_t x = *s;
    x ^= x << 13;
    x ^= x >> 17;
    x ^= x << 5;
    return *s = x;
}

static void growth_past_many_edges_keeps_all_edges_findable(void **state)
{
    (void)state;
    enum { FAN = 50000, CHAIN = 20000 };
    trie *t = trie_new();
    uint32_t *kids = malloc(FAN * sizeof *kids);
    uint32_t *hashes = malloc(FAN * sizeof *hashes);
    uint32_t *chain = malloc(CHAIN * sizeof *chain);
    assert_non_null(kids);
    assert_non_null(hashes);
    assert_non_null(chain);
    /* A wide fan-out under the root, with distinct hashes... */
    uint32_t seed = 2463534242u;
    for (size_t i = 0; i < FAN; i++) {
        hashes[i] = next_hash(&seed);
        kids[i] = trie_add(t, TRIE_ROOT, hashes[i]);
        trie_set_value(t, kids[i], (int32_t)i);
    }
    /* ...and a deep chain, each node a child of the previous. */
    uint32_t node = TRIE_ROOT;
    for (size_t i = 0; i < CHAIN; i++) {
        chain[i] = node = trie_add(t, node, (uint32_t)(i % 7));
        trie_set_value(t, node, -2 - (int32_t)i);
    }
    assert_int_equal(trie_nodes(t), 1 + FAN + CHAIN);
    for (size_t i = 0; i < FAN; i++) {
        assert_int_equal(trie_child(t, TRIE_ROOT, hashes[i]), kids[i]);
        assert_int_equal(trie_value(t, kids[i]), (int32_t)i);
    }
    node = TRIE_ROOT;
    for (size_t i = 0; i < CHAIN; i++) {
        node = trie_child(t, node, (uint32_t)(i % 7));
        assert_int_equal(node, chain[i]);
        assert_int_equal(trie_value(t, node), -2 - (int32_t)i);
    }
    /* Edges that were never added are still missing. */
    assert_int_equal(trie_child(t, chain[CHAIN - 1], 0u), TRIE_NONE);
    assert_int_equal(trie_child(t, kids[0], hashes[0]), TRIE_NONE);
    free(kids);
    free(hashes);
    free(chain);
    trie_free(t);
}

static void trie_free_accepts_null(void **state)
{
    (void)state;
    trie_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(new_trie_has_only_the_root_without_value),
        cmocka_unit_test(missing_child_is_trie_none),
        cmocka_unit_test(added_child_is_found_and_has_no_value),
        cmocka_unit_test(adding_an_existing_edge_returns_the_same_child),
        cmocka_unit_test(same_hash_under_different_parents_gives_different_children),
        cmocka_unit_test(extreme_hash_values_are_ordinary_edges),
        cmocka_unit_test(values_are_stored_per_node),
        cmocka_unit_test(growth_past_many_edges_keeps_all_edges_findable),
        cmocka_unit_test(trie_free_accepts_null),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
