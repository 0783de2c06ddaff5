/*
 * trie: a word trie stored as one hash table of edges (parent node, word hash)
 * → child node. Matching a phrase costs one table probe per word, and a word
 * that starts no phrase costs exactly one probe: this is what keeps the
 * mapping stage at hundreds of MB/s. Hashes can collide, so the owner of the
 * trie verifies the words of a match (see mapping.c).
 */
#ifndef UNSPIN_TRIE_H
#define UNSPIN_TRIE_H

#include <stddef.h>
#include <stdint.h>

#define TRIE_ROOT 0u
#define TRIE_NONE UINT32_MAX

typedef struct trie trie;

trie *trie_new(void);
void trie_free(trie *t);
/* The child of node by hash, or TRIE_NONE. */
uint32_t trie_child(const trie *t, uint32_t node, uint32_t hash);
/* The child of node by hash, created when missing. */
uint32_t trie_add(trie *t, uint32_t node, uint32_t hash);
/* The value stored at node (-1 when none). */
int32_t trie_value(const trie *t, uint32_t node);
void trie_set_value(trie *t, uint32_t node, int32_t value);
size_t trie_nodes(const trie *t);

#endif
