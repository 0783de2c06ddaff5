/* trie: hashed-edge word trie (open addressing, linear probing). */
#include "trie.h"
#include "buf.h"

#include <stdlib.h>

typedef struct edge {
    uint64_t hash;    /* the word's hash */
    uint32_t parent;
    uint32_t child;   /* child + 1; 0 marks an empty slot */
} edge;

#define ROOT_BITS (1u << 16)   /* 8 KB: stays in L1 */

/* Per node: its value, and a 32-bit filter over its children's hashes, read
 * together (one cache line) when a match goes one word further. Most nodes
 * have a child or two, so most deeper probes end here. */
typedef struct node_info {
    int32_t value;
    uint32_t kids;
} node_info;

static inline uint32_t kid_bit(uint64_t hash)
{
    return 1u << (hash >> 59);   /* the top 5 bits: used by nothing else */
}

/* The root's edges have a table of their own: a few thousand first words,
 * probed once per word of the text, so it must stay small enough for cache. */
typedef struct root_slot {
    uint64_t hash;
    uint64_t child;            /* child + 1; 0 marks an empty slot */
} root_slot;

typedef struct root_table {
    root_slot *v;
    size_t cap, used;
} root_table;

struct trie {
    uint64_t root_filter[ROOT_BITS / 64];
    root_table root;
    edge *edges;
    size_t cap, used;          /* cap is a power of two */
    node_info *node;           /* per node */
    size_t nodes, node_cap;
};

static inline uint64_t mix(uint64_t k)
{
    k ^= k >> 33;
    k *= 0xff51afd7ed558ccdULL;
    k ^= k >> 33;
    return k;
}

/* Where edge (parent, hash) lives: in the table and in the filters. */
static inline uint64_t edge_key(uint32_t parent, uint64_t hash)
{
    return mix(hash + (uint64_t)parent * 0x9E3779B97F4A7C15ULL);
}

static inline int filter_has(const uint64_t *f, uint64_t bit)
{
    return (int)(f[bit / 64] >> (bit % 64) & 1);
}

trie *trie_new(void)
{
    trie *t = xcalloc(1, sizeof *t);
    t->cap = 1024;
    t->edges = xcalloc(t->cap, sizeof *t->edges);
    t->root.cap = 256;
    t->root.v = xcalloc(t->root.cap, sizeof *t->root.v);
    t->node_cap = 256;
    t->node = xmalloc(t->node_cap * sizeof *t->node);
    t->node[0] = (node_info){-1, 0};
    t->nodes = 1;
    return t;
}

void trie_free(trie *t)
{
    if (!t)
        return;
    free(t->root.v);
    free(t->edges);
    free(t->node);
    free(t);
}

/* Word hashes are mixed already; the filter uses the low 16 bits, the
 * table the bits above them. */
static inline size_t root_slot_of(uint64_t hash, size_t mask)
{
    return (size_t)(hash >> 16) & mask;
}

static uint32_t root_child(const root_table *r, uint64_t hash)
{
    size_t mask = r->cap - 1;
    for (size_t i = root_slot_of(hash, mask);; i = (i + 1) & mask) {
        if (r->v[i].child == 0)
            return TRIE_NONE;
        if (r->v[i].hash == hash)
            return (uint32_t)(r->v[i].child - 1);
    }
}

static void root_insert(root_table *r, uint64_t hash, uint32_t child)
{
    if ((r->used + 1) * 3 > r->cap) {
        /* Kept at most a third full: probes stay short. */
        root_table old = *r;
        r->cap *= 2;
        r->v = xcalloc(r->cap, sizeof *r->v);
        r->used = 0;
        for (size_t j = 0; j < old.cap; j++)
            if (old.v[j].child)
                root_insert(r, old.v[j].hash, (uint32_t)(old.v[j].child - 1));
        free(old.v);
    }
    size_t mask = r->cap - 1, i = root_slot_of(hash, mask);
    while (r->v[i].child)
        i = (i + 1) & mask;
    r->v[i] = (root_slot){hash, (uint64_t)child + 1};
    r->used++;
}

uint32_t trie_child(const trie *t, uint32_t node, uint64_t hash)
{
    if (node == TRIE_ROOT)
        return filter_has(t->root_filter, hash % ROOT_BITS) ? root_child(&t->root, hash) : TRIE_NONE;
    if (!(t->node[node].kids & kid_bit(hash)))
        return TRIE_NONE;
    uint64_t k = edge_key(node, hash);
    size_t mask = t->cap - 1;
    for (size_t i = (size_t)k & mask;; i = (i + 1) & mask) {
        const edge *e = &t->edges[i];
        if (e->child == 0)
            return TRIE_NONE;
        if (e->hash == hash && e->parent == node)
            return e->child - 1;
    }
}

static void insert(edge *edges, size_t cap, edge e)
{
    size_t mask = cap - 1;
    size_t i = (size_t)edge_key(e.parent, e.hash) & mask;
    while (edges[i].child)
        i = (i + 1) & mask;
    edges[i] = e;
}

static void grow(trie *t)
{
    edge *old = t->edges;
    size_t old_cap = t->cap;
    t->cap *= 2;
    t->edges = xcalloc(t->cap, sizeof *t->edges);
    for (size_t j = 0; j < old_cap; j++)
        if (old[j].child)
            insert(t->edges, t->cap, old[j]);
    free(old);
}

uint32_t trie_add(trie *t, uint32_t node, uint64_t hash)
{
    uint32_t c = trie_child(t, node, hash);
    if (c != TRIE_NONE)
        return c;
    if (t->nodes == t->node_cap) {
        t->node_cap *= 2;
        t->node = xrealloc(t->node, t->node_cap * sizeof *t->node);
    }
    c = (uint32_t)t->nodes++;
    t->node[c] = (node_info){-1, 0};
    if (node == TRIE_ROOT) {
        t->root_filter[(hash % ROOT_BITS) / 64] |= 1ULL << (hash % 64);
        root_insert(&t->root, hash, c);
        return c;
    }
    t->node[node].kids |= kid_bit(hash);
    if ((t->used + 1) * 2 > t->cap)
        grow(t);
    insert(t->edges, t->cap, (edge){hash, node, c + 1});
    t->used++;
    return c;
}

int32_t trie_value(const trie *t, uint32_t node)
{
    return t->node[node].value;
}

void trie_set_value(trie *t, uint32_t node, int32_t value)
{
    t->node[node].value = value;
}

size_t trie_nodes(const trie *t)
{
    return t->nodes;
}
