/*
 * doc: the pipeline for one document.
 *
 *   bytes → segment → tokens → detectors → findings → (look-ahead queue)
 *         → resolve (level, verdict) → format
 *
 * Segments wait in a bounded queue so that the verdict that decides them has
 * seen up to `window` bytes past them: for documents shorter than the window
 * (most articles) that is the whole document. Memory stays bounded by the
 * window plus one segment.
 */
#include "channel.h"
#include "detect.h"
#include "entity.h"
#include "engine.h"
#include "fmt.h"
#include "segment.h"
#include "walk.h"

#include <stdlib.h>
#include <string.h>

#define WINDOW_DEFAULT (256 * 1024)

const detector detectors[] = {
    {"mapping", detect_mapping},
    {"ocr", detect_ocr},
    {"web", detect_web},
    {"spell", detect_spell},
    {NULL, NULL}
};

typedef struct pending {
    char *text;            /* owned copy of the segment */
    size_t len;
    uint64_t offset;
    size_t line;
    int is_text;           /* looks like text: detectors ran */
    finding_list findings;
} pending;

struct unspin_doc {
    const unspin_engine *e;
    fmt *out;
    segmenter *seg;
    tok_list toks;
    pending *q;            /* FIFO: q[head..n) are waiting */
    size_t head, n, cap;
    size_t queued_bytes;
    size_t window;
    verdict v;
    size_t findings, applied;
    size_t judged;         /* words judged by the channel (channel.h) */
};

unspin_doc *unspin_doc_new(const unspin_engine *e, const char *name, fmt *out)
{
    unspin_doc *d = xcalloc(1, sizeof *d);
    d->e = e;
    d->out = out;
    d->seg = seg_new(SEG_MAX_DEFAULT);
    d->window = e->opts.window ? e->opts.window : WINDOW_DEFAULT;
    fmt_doc_begin(out, name);
    return d;
}

static int applies(int level, int klass, int spun)
{
    switch (klass) {
    case CLASS_SURE:
        return 1;
    case CLASS_LIKELY:
        return level == UNSPIN_LEVEL_AGGRESSIVE || (level == UNSPIN_LEVEL_NORMAL && spun);
    default:
        return 0;
    }
}

/* Whether finding f is applied: its class at the level, and an entry gated on
 * the verdict (gate=spun: a common word) only in a document judged spun. */
static int finding_applies(const finding *f, int level, int spun)
{
    const map_entry *e = f->src;
    if (e && f->kind == KIND_SPUN && (e->flags & MAPF_GATE_SPUN) && !spun)
        return 0;
    return applies(level, f->klass, spun);
}

/* Resolves and writes the oldest waiting segment. */
static void emit_one(unspin_doc *d)
{
    pending *p = &d->q[d->head++];
    verdict_update(&d->v);
    /* The default level decides on sure hits alone (verdict.h); the
     * family-agnostic verdict opens the gated entries and the thesaurus only
     * at the aggressive level. */
    int level = d->e->opts.level;
    int spun = (level == UNSPIN_LEVEL_AGGRESSIVE ? d->v.spun : d->v.sure_spun) || d->e->opts.assume_spun;
    int shows = d->out->ops->proposals;
    /* In a document not judged spun, a lone common word that only spinners'
     * output makes suspicious ("teams", "help"), or a phrase that is evidence
     * only in spun text (gate=spun: "had been"), is not worth reporting. */
    size_t kept = 0;
    for (size_t i = 0; i < p->findings.n; i++) {
        finding *f = &p->findings.v[i];
        const map_entry *e = f->src;
        if (e && f->kind == KIND_SPUN && f->klass != CLASS_SURE && !spun &&
            (e->words == 1 || (e->flags & MAPF_GATE_SPUN)) && !finding_applies(f, level, spun)) {
            finding_free(f);
            continue;
        }
        p->findings.v[kept++] = *f;
    }
    p->findings.n = kept;
    /* Mapping findings get their candidates only when they can be applied or shown. */
    int tokenized = 0;
    for (size_t i = 0; i < p->findings.n; i++) {
        finding *f = &p->findings.v[i];
        if (f->unbuilt && (shows || finding_applies(f, level, spun))) {
            if (!tokenized) {
                tok_split(p->text, p->len, &d->toks);
                tokenized = 1;
            }
            seg_ctx ctx = {p->text, p->len, &d->toks};
            detect_mapping_complete(d->e, &ctx, f, shows);
        }
    }
    /* In a document judged spun, names taken apart are restored (entity.h)
     * and words no finding holds are judged against their thesaurus
     * neighbours (channel.h). */
    if (spun && p->is_text && d->e->ths && level != UNSPIN_LEVEL_SAFE) {
        if (!tokenized) {
            tok_split(p->text, p->len, &d->toks);
            tokenized = 1;
        }
        seg_ctx ctx = {p->text, p->len, &d->toks};
        entity_detect(d->e, &ctx, &p->findings, &d->judged);
        channel_detect(d->e, &ctx, &p->findings, &d->judged);
    }
    /* Deferred findings (non-words) get hunspell's suggestions, milliseconds
     * a word, only where they could be applied (aggressive, or a spun
     * document): elsewhere they are shown as non-words without a proposal.
     * Suggestions for every rare word and name made --check, jsonl and record
     * mode ten times slower than the filter. */
    int complete = applies(level, CLASS_LIKELY, spun);
    kept = 0;
    for (size_t i = 0; i < p->findings.n; i++) {
        finding *f = &p->findings.v[i];
        if (f->deferred && complete)
            detect_spell_complete(d->e, p->text, f);
        /* A pair the user rejected (an ignore list) is neither applied nor shown. */
        if (ignore_has(d->e->ign, p->text + f->start, f->end - f->start,
                       f->ncands ? f->cands[0].text : NULL)) {
            finding_free(f);
            continue;
        }
        f->applied = (uint8_t)(f->ncands > 0 && finding_applies(f, level, spun));
        d->applied += f->applied;
        p->findings.v[kept++] = *f;
    }
    p->findings.n = kept;
    d->findings += p->findings.n;
    seg_view view = {p->text, p->len, p->offset, p->line};
    fmt_segment(d->out, &view, &p->findings);
    d->queued_bytes -= p->len;
    finding_list_free(&p->findings);
    free(p->text);
    if (d->head == d->n)
        d->head = d->n = 0;
}

static void enqueue(unspin_doc *d, const seg_view *s)
{
    if (d->n == d->cap) {
        if (d->head > 0) {
            memmove(d->q, d->q + d->head, (d->n - d->head) * sizeof *d->q);
            d->n -= d->head;
            d->head = 0;
        } else {
            d->cap = d->cap ? d->cap * 2 : 16;
            d->q = xrealloc(d->q, d->cap * sizeof *d->q);
        }
    }
    pending *p = &d->q[d->n++];
    memset(p, 0, sizeof *p);
    p->text = xstrndup(s->text, s->len);
    p->len = s->len;
    p->offset = s->offset;
    p->line = s->line;
    d->queued_bytes += s->len;

    /* Not text (the rule that skips binary files in a tree: a NUL byte, or
     * more than one byte in 8 not valid UTF-8): passed through unexamined. */
    if (walk_is_binary(p->text, p->len))
        return;
    p->is_text = 1;
    tok_split(p->text, p->len, &d->toks);
    for (size_t i = 0; i < d->toks.n; i++)
        d->v.words += d->toks.v[i].type == TOK_WORD;
    seg_ctx ctx = {p->text, p->len, &d->toks};
    for (const detector *det = detectors; det->run; det++)
        det->run(d->e, &ctx, &p->findings);
    finding_resolve_overlaps(&p->findings);
    /* The verdict is about spinning: OCR and spelling damage do not count. */
    for (size_t i = 0; i < p->findings.n; i++)
        if (p->findings.v[i].kind == KIND_SPUN)
            d->v.hits[p->findings.v[i].klass]++;
    /* Family-agnostic evidence from the first words of the document only:
     * its cost stays bounded per document. It decides only at aggressive and
     * only beside a sure hit (verdict.c), so only then is it worth the model
     * look-ups: a corpus of short clean records pays nothing for it. */
    if (d->v.probed < VERDICT_PROBE_MAX && d->e->opts.level == UNSPIN_LEVEL_AGGRESSIVE &&
        d->v.hits[CLASS_SURE] > 0)
        channel_probe(d->e, &ctx, &d->v);
}

static void drain(unspin_doc *d, int at_eof)
{
    seg_view s;
    while (seg_next(d->seg, at_eof, &s)) {
        enqueue(d, &s);
        while (d->queued_bytes > d->window && d->head < d->n)
            emit_one(d);
    }
}

void unspin_doc_feed(unspin_doc *d, const char *data, size_t len)
{
    seg_feed(d->seg, data, len);
    drain(d, 0);
}

void unspin_doc_finish(unspin_doc *d, unspin_result *r)
{
    drain(d, 1);
    while (d->head < d->n)
        emit_one(d);
    verdict_update(&d->v);
    unspin_result res = {d->v, d->findings, d->applied};
    fmt_doc_end(d->out, &res);
    if (r)
        *r = res;
}

void unspin_doc_free(unspin_doc *d)
{
    if (!d)
        return;
    while (d->head < d->n) {
        pending *p = &d->q[d->head++];
        finding_list_free(&p->findings);
        free(p->text);
    }
    free(d->q);
    tok_list_free(&d->toks);
    seg_free(d->seg);
    free(d);
}
