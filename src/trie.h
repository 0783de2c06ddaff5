/*
 * trie: a word trie stored as one hash table of edges (parent node, word hash)
 * → child node. Matching a phrase costs one table probe per word, and most
 * probes that fail never touch the table: two bit filters (one for the root's
 * edges, one for all others) answer them from cache. Word hashes are 64-bit
 * (token.h), so a path through the trie spells its phrase; what the owner
 * still checks is the written case where it matters (see mapping.c).
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
/* The child of node by word hash, or TRIE_NONE. */
uint32_t trie_child(const trie *t, uint32_t node, uint64_t hash);
/* The child of node by hash, created when missing. */
uint32_t trie_add(trie *t, uint32_t node, uint64_t hash);
/* The value stored at node (-1 when none). */
int32_t trie_value(const trie *t, uint32_t node);
void trie_set_value(trie *t, uint32_t node, int32_t value);
size_t trie_nodes(const trie *t);

#endif
