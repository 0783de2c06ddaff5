/* trie: hashed-edge word trie (open addressing, linear probing). */
#include "trie.h"
#include "buf.h"

#include <stdlib.h>

typedef struct edge {
    uint64_t key;     /* parent << 32 | hash */
    uint32_t child;   /* child + 1; 0 marks an empty slot */
} edge;

#define ROOT_BITS 65536   /* a filter over the root's edges: 8 KB, stays in cache */

struct trie {
    uint64_t root_filter[ROOT_BITS / 64];
    edge *edges;
    size_t cap, used;     /* cap is a power of two */
    int32_t *values;      /* per node */
    size_t nodes, node_cap;
};

static inline uint64_t mix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
}

trie *trie_new(void)
{
    trie *t = xcalloc(1, sizeof *t);
    t->cap = 1024;
    t->edges = xcalloc(t->cap, sizeof *t->edges);
    t->node_cap = 256;
    t->values = xmalloc(t->node_cap * sizeof *t->values);
    t->values[0] = -1;
    t->nodes = 1;
    return t;
}

void trie_free(trie *t)
{
    if (!t)
        return;
    free(t->edges);
    free(t->values);
    free(t);
}

uint32_t trie_child(const trie *t, uint32_t node, uint32_t hash)
{
    /* Most words start no phrase: the filter answers for them without a probe. */
    if (node == TRIE_ROOT && !(t->root_filter[(hash % ROOT_BITS) / 64] >> (hash % 64) & 1))
        return TRIE_NONE;
    uint64_t key = (uint64_t)node << 32 | hash;
    size_t mask = t->cap - 1;
    for (size_t i = (size_t)mix(key) & mask;; i = (i + 1) & mask) {
        const edge *e = &t->edges[i];
        if (e->child == 0)
            return TRIE_NONE;
        if (e->key == key)
            return e->child - 1;
    }
}

static void grow(trie *t)
{
    edge *old = t->edges;
    size_t old_cap = t->cap;
    t->cap *= 2;
    t->edges = xcalloc(t->cap, sizeof *t->edges);
    size_t mask = t->cap - 1;
    for (size_t j = 0; j < old_cap; j++) {
        if (old[j].child == 0)
            continue;
        size_t i = (size_t)mix(old[j].key) & mask;
        while (t->edges[i].child)
            i = (i + 1) & mask;
        t->edges[i] = old[j];
    }
    free(old);
}

uint32_t trie_add(trie *t, uint32_t node, uint32_t hash)
{
    uint32_t c = trie_child(t, node, hash);
    if (c != TRIE_NONE)
        return c;
    if ((t->used + 1) * 2 > t->cap)
        grow(t);
    if (t->nodes == t->node_cap) {
        t->node_cap *= 2;
        t->values = xrealloc(t->values, t->node_cap * sizeof *t->values);
    }
    if (node == TRIE_ROOT)
        t->root_filter[(hash % ROOT_BITS) / 64] |= 1ULL << (hash % 64);
    c = (uint32_t)t->nodes++;
    t->values[c] = -1;
    uint64_t key = (uint64_t)node << 32 | hash;
    size_t mask = t->cap - 1, i = (size_t)mix(key) & mask;
    while (t->edges[i].child)
        i = (i + 1) & mask;
    t->edges[i] = (edge){key, c + 1};
    t->used++;
    return c;
}

int32_t trie_value(const trie *t, uint32_t node)
{
    return t->values[node];
}

void trie_set_value(trie *t, uint32_t node, int32_t value)
{
    t->values[node] = value;
}

size_t trie_nodes(const trie *t)
{
    return t->nodes;
}
