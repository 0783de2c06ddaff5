/*
 * channel: per-occurrence decisions for words that no mapping entry holds,
 * as a noisy channel. For a word s with thesaurus candidates o (thesaurus.h):
 *
 *   score(o) = log10 P_LM(window with o) + log10 P(s | o) + log10 P(changed)
 *   score(s) = log10 P_LM(window with s)                 + log10 P(unchanged)
 *
 * The window is two words each side within the sentence (one word replaces
 * one word, so the sums compare fairly). P(s | o) is 1 / (size of o's
 * thesaurus entry), as a spinner picks among o's synonyms. P(changed) is the
 * share of content words a spinner changes in a document judged spun. The
 * margin is score(best o) - score(s) less what o gains over s by being a
 * commoner word (their unigram log10 difference): only what the context
 * adds counts. The level sets the threshold (channel.c). Only in documents
 * judged spun (doc.c decides), and only for words where the model has not
 * seen one of the word's collocations with its neighbours (a context-blind
 * synonym breaks them; known English is left alone without a search).
 *
 * channel_probe measures, for the verdict, how a document's words fare against
 * their own thesaurus neighbours in the model: a family-agnostic sign of
 * spinning that needs no list of any spinner's words (verdict.h).
 */
#ifndef UNSPIN_CHANNEL_H
#define UNSPIN_CHANNEL_H

#include "detect.h"
#include "verdict.h"

/* A document's words judged at most, by the channel and entity restoration
 * together: the search costs about 0.1 ms a word, so a very long spun
 * document is judged in its first part only. */
#define CHANNEL_MAX_JUDGED 50000

/* Adds a finding (kind spun, rule "thesaurus") for each word of the segment
 * whose best candidate clears the level's threshold, skipping the spans of
 * the findings already in out (sorted by start). Candidates: the best three,
 * source "thesaurus". *judged counts the document's judged words. */
void channel_detect(const unspin_engine *e, const seg_ctx *s, finding_list *out, size_t *judged);

/* Probes the segment's content words (all of them, whether a mapping entry
 * holds them or not) for the verdict's family-agnostic counts, up to
 * VERDICT_PROBE_MAX per document. */
void channel_probe(const unspin_engine *e, const seg_ctx *s, verdict *v);

#endif
