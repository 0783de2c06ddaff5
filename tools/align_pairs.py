#!/usr/bin/env python3
"""align_pairs.py — learns spinner substitution links from real spun/original pairs.

Reads every pair ../shared/train/FOLDER/NN_*.spun.txt + NN_*.orig.txt (word-level diff),
and those of ../shared/train-extra/FOLDER/ when present (pairs found later the same way),
and seed 000's gold annotation ../shared/eval/000.gold.txt ([[spun=>orig|alt]] spans;
uncertain [[?...]] spans are skipped as links and never counted as kept), and writes a
TSV of substitution links to stdout:

    spun  orig  n  n_docs  folders  keep  flags

spun: lowercased, ’ → '; orig: natural case (a word capitalised only because it starts
a sentence or stands in a title-case headline is lowercased); n: times seen; n_docs:
documents; folders: where (train folder names, "seed" for seed 000); keep: times the
spun phrase occurs in the spun texts as itself, outside every substitution
(counter-evidence for spinning); flags (when every sighting had them): `derived` (a word
link from a longer span whose words align 1:1: "chief of military employees" => "Chief
of Army Staff" also gives military => Army, employees => Staff), `ext` (a one- or
two-word insertion widened by its next word: "right into" => "into", also split off a
longer block), `punct` (punctuation only), `number` (digits or number words), `alt`
(only listed as a gold alternative, n=0).

Dropped: case-only and whitespace-only changes; spans longer than 6 words on either side
(rewritten sentences, not substitutions); originals 3+ words longer than their spun side
(spinners lengthen, misalignments shorten: "occasion" => "party towards the right");
spans whose sentence punctuation differs between the sides (misaligned text); longer
insertions and deletions, and insertions before a function word ("of the" => "the").

Used by tools/build_dict.py (imported) and for inspection:
usage: align_pairs.py [--shared DIR] [--leave-out FOLDER]... > links.tsv
       (DIR defaults to ../shared relative to the project root; FOLDER is a train
        folder name or "seed")"""
import argparse
import difflib
import glob
import os
import re
import sys
from collections import Counter, defaultdict

MAX_WORDS = 6
# an insertion is not widened over these: "of the" => "the" says nothing about spinning
FUNCTION_WORDS = set("the a an of to in on at and or but that this it is be by for as with".split())
TOK = re.compile(r"\w+|[^\w\s]", re.U)
NUMBER_WORDS = set("""zero one two three four five six seven eight nine ten eleven twelve
thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty
sixty seventy eighty ninety hundred thousand million billion trillion first second third
fourth fifth sixth seventh eighth ninth tenth dozen half quarter""".split())


def norm_quotes(s):
    return (s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
            .replace("\u201d", '"').replace("\u00a0", " "))


def toks(text):
    """[(token, start, end)] of words and single punctuation marks."""
    return [(m.group(0), m.start(), m.end()) for m in TOK.finditer(text)]


def key_of(phrase):
    """Lowercased token tuple: how phrases are compared and counted."""
    return tuple(t.lower() for t, _, _ in toks(norm_quotes(phrase)))


def surface(text, tk, i, j):
    """Text of tokens i..j-1, whitespace collapsed, quotes normalised."""
    if i >= j:
        return ""
    return re.sub(r"\s+", " ", norm_quotes(text[tk[i][1]:tk[j - 1][2]]))


def sentence_start(text, pos):
    """True when pos starts a sentence: text start, paragraph start, or after . ! ? : (+ quotes)."""
    before = re.sub(r"[\"'\u201c\u201d\u2018\u2019(\s]+$", "", text[:pos])
    return (before == "" or before.endswith((".", "!", "?", ":", "\u2014", "\u2013"))
            or "\n" in text[len(before):pos])


def heading_line(text, pos):
    """True when pos lies on a short title-case line (a headline)."""
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    words = re.findall(r"[^\W\d_][\w'\u2019-]*", text[start:end if end >= 0 else len(text)])
    caps = sum(w[0].isupper() for w in words)
    return 0 < len(words) <= 20 and caps >= 0.6 * len(words)


class Vocab:
    """Word forms seen lowercase, and capitalised mid-sentence: decides whether a
    capital is only positional (sentence start, headline) or part of a name."""

    def __init__(self, texts):
        self.lower, self.name = set(), set()
        for t in texts:
            self.lower.update(w for w in re.findall(r"[^\W\d_]+", t) if w.islower())
            self.name.update(re.findall(r"(?<=[a-z,;] )([A-Z][a-z]+)\b", t))

    def positional(self, w):
        return (w[:1].isupper() and w[1:].islower() and w != "I"
                and (w.lower() in self.lower or w not in self.name))

    def natural(self, phrase, at_start, heading=False):
        words = phrase.split(" ")
        for i, w in enumerate(words):
            if (i == 0 and at_start or heading) and self.positional(w):
                words[i] = w.lower()
        return " ".join(words)


def flags_of(spun, orig):
    f = []
    if not re.search(r"\w", spun + orig):
        f.append("punct")
    words = set(re.findall(r"\w+", (spun + " " + orig).lower()))
    if re.search(r"\d", spun + orig) or words & NUMBER_WORDS:
        f.append("number")
    return f


def punct_differs(spun, orig):
    """Sentence punctuation on one side only: a misalignment, not a substitution."""
    def p(x):
        return sorted(re.findall(r"[,.;:!?]", x))
    return re.search(r"\w", spun + orig) and p(spun) != p(orig)


def nwords(phrase):
    return len(re.findall(r"\w+", phrase))


def doc_from_pair(spun_text, orig_text, inserted=frozenset()):
    """Aligns a pair word by word. Returns (spans, tokens, mask, insertions): spans are
    (spun_phrase, orig_phrase, (at_sentence_start, on_headline), flags), mask marks the
    spun tokens inside a change, insertions the (word, next word) pairs of one-word
    insertions ("gross" before "sales"). Given the insertions seen in all pairs, a
    replace block that ends in one is split: "machine gross" sales => "device" sales
    gives "machine" => "device" and "gross sales" => "sales"."""
    ts, to = toks(spun_text), toks(orig_text)
    ks = [norm_quotes(t).lower() for t, _, _ in ts]
    ko = [norm_quotes(t).lower() for t, _, _ in to]
    ops = difflib.SequenceMatcher(None, ks, ko, autojunk=False).get_opcodes()
    mask = [False] * len(ts)
    spans, insertions = [], set()

    def span(i1, i2, j1, j2, flags):
        at = (sentence_start(orig_text, to[j1][1]), heading_line(orig_text, to[j1][1]))
        spans.append((surface(spun_text, ts, i1, i2), surface(orig_text, to, j1, j2), at, flags))

    for tag, i1, i2, j1, j2 in ops:
        if tag == "equal":
            continue
        for i in range(i1, i2):
            mask[i] = True
        nxt = i2 < len(ts) and j2 < len(to) and ks[i2] == ko[j2] and re.match(r"\w", ks[i2])
        if i1 == i2 or j1 == j2:  # short insertion/deletion: widen by the next word
            extra = ks[i1:i2] + ko[j1:j2]
            if len(extra) <= 2 and all(re.match(r"\w", t) for t in extra) and nxt \
                    and ks[i2] not in FUNCTION_WORDS:
                if i2 - i1 == 1:
                    insertions.add((ks[i1], ks[i2]))
                span(i1, i2 + 1, j1, j2 + 1, ["ext"])
            continue
        if nxt and i2 - i1 > j2 - j1 and (ks[i2 - 1], ks[i2]) in inserted:
            span(i2 - 1, i2 + 1, j2, j2 + 1, ["ext"])
            i2 -= 1
        span(i1, i2, j1, j2, [])
    return spans, ts, mask, insertions


def doc_from_gold(gold_text, parse_gold):
    """Spans and mask of seed 000 from its gold annotation (uncertain spans mask only)."""
    spun, gspans = parse_gold(gold_text)
    ts = toks(spun)
    mask = [False] * len(ts)
    spans = []
    for sp in gspans:
        for i, (_, s, e) in enumerate(ts):
            if s < sp["end"] and e > sp["start"]:
                mask[i] = True
        if sp["uncertain"] or not sp["origs"]:
            continue
        at_start = (sentence_start(spun, sp["start"]), heading_line(spun, sp["start"]))
        for k, o in enumerate(sp["origs"]):  # the first original counts, alternatives too
            spans.append((re.sub(r"\s+", " ", norm_quotes(sp["spun"])), re.sub(r"\s+", " ", norm_quotes(o)),
                          at_start, [] if k == 0 else ["alt"]))
    return spans, ts, mask


def load_docs(shared, leave_out=()):
    """[(doc_id, folder, spans, tokens, mask, orig_text)] for every pair and seed 000."""
    sys.path.insert(0, os.path.join(shared, "eval"))
    from score import parse_gold  # noqa: E402  (the project's scorer, same span format)
    pairs = []
    # train-extra holds pairs found later the same way; its folders are named
    # extra-TOPIC so that leaving one out stays per folder.
    paths = [(p, "") for p in sorted(glob.glob(os.path.join(shared, "train", "*", "[0-9][0-9]_*.spun.txt")))]
    paths += [(p, "extra-") for p in
              sorted(glob.glob(os.path.join(shared, "train-extra", "*", "[0-9][0-9]_*.spun.txt")))]
    for spun_path, prefix in paths:
        folder = prefix + os.path.basename(os.path.dirname(spun_path))
        orig_path = spun_path[: -len(".spun.txt")] + ".orig.txt"
        if folder in leave_out or not os.path.exists(orig_path):
            continue
        pairs.append((os.path.relpath(spun_path, shared), folder, open(spun_path, encoding="utf-8").read(),
                      open(orig_path, encoding="utf-8").read()))
    inserted = set()  # first pass: one-word insertions, to split replace blocks in the second
    for _, _, spun_text, orig_text in pairs:
        inserted |= doc_from_pair(spun_text, orig_text)[3]
    docs = []
    for doc, folder, spun_text, orig_text in pairs:
        spans, ts, mask, _ = doc_from_pair(spun_text, orig_text, inserted)
        docs.append((doc, folder, spans, ts, mask, orig_text))
    gold_path = os.path.join(shared, "eval", "000.gold.txt")
    if "seed" not in leave_out and os.path.exists(gold_path):
        spans, ts, mask = doc_from_gold(open(gold_path, encoding="utf-8").read(), parse_gold)
        docs.append(("eval/000.gold.txt", "seed", spans, ts, mask, None))
    return docs


def substitutions(docs):
    """Yields (doc, folder, spun, orig, flags) for every kept substitution: the spans, the
    word links derived from equal-length spans (flag `derived`; their span gets `split`),
    and seed 000's gold alternatives (flag `alt`)."""
    texts = [d[5] for d in docs if d[5]] + [" ".join(t for t, _, _ in d[3]) for d in docs]
    vocab = Vocab(texts)
    for doc, folder, spans, _, _, _ in docs:
        for spun, orig, at_start, flags in spans:
            if (spun.lower() == orig.lower() or max(nwords(spun), nwords(orig)) > MAX_WORDS
                    or nwords(orig) > nwords(spun) + 2 or punct_differs(spun, orig)):
                continue
            orig = vocab.natural(orig, *at_start)
            sw, ow = spun.split(), orig.split()
            split = "alt" not in flags and len(sw) == len(ow) > 1
            yield doc, folder, spun, orig, flags + flags_of(spun, orig) + (["split"] if split else [])
            if split:  # word-level sub-links of an equal-length span
                for a, b in zip(sw, ow):
                    a, b = a.strip(",.;:!?\"'()"), b.strip(",.;:!?\"'()")
                    if a and b and a.lower() != b.lower():
                        yield doc, folder, a, b, flags + flags_of(a, b) + ["derived"]


def learn(docs):
    """Links {(spun, orig): {"n", "docs", "folders", "flags"}} and keep counts {key: int}.
    Gold alternatives are recorded with n=0 so that build_dict can list them."""
    links = defaultdict(lambda: {"n": 0, "docs": set(), "folders": set(), "alt_folders": set(),
                                 "flags": Counter()})
    for doc, folder, spun, orig, flags in substitutions(docs):
        link = links[(" ".join(spun.lower().split()), orig)]
        if "alt" in flags:
            link["alt_folders"].add(folder)
            continue
        link["flags"].update(f for f in flags if f != "split")
        link["n"] += 1
        link["docs"].add(doc)
        link["folders"].add(folder)
    keep = keep_counts(docs, {key_of(s) for s, _ in links})
    return links, keep


def keep_counts(docs, keys):
    """Occurrences of each key (token tuple) in spun text wholly outside every change."""
    by_len = defaultdict(set)
    for k in keys:
        if k:
            by_len[len(k)].add(k)
    keep = Counter()
    for _, _, _, ts, mask, _ in docs:
        low = [norm_quotes(t).lower() for t, _, _ in ts]
        for n, ks in by_len.items():
            for i in range(len(low) - n + 1):
                g = tuple(low[i:i + n])
                if g in ks and not any(mask[i:i + n]):
                    keep[g] += 1
    return keep


def rows(links, keep):
    """TSV rows; a flag such as `derived` is shown only when every sighting had it."""
    for (spun, orig), v in sorted(links.items(), key=lambda kv: (kv[0][0], -kv[1]["n"], kv[0][1])):
        flags = [f for f, c in v["flags"].items() if c >= v["n"]] if v["n"] else ["alt"]
        yield (spun, orig, v["n"], len(v["docs"]), ",".join(sorted(v["folders"] or v["alt_folders"])),
               keep[key_of(spun)], ",".join(sorted(flags)) or "-")


def main(argv):
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--leave-out", action="append", default=[], metavar="FOLDER")
    args = ap.parse_args(argv)
    links, keep = learn(load_docs(args.shared, set(args.leave_out)))
    out = sys.stdout
    out.write("# spun\torig\tn\tn_docs\tfolders\tkeep\tflags\n")
    for r in rows(links, keep):
        out.write("\t".join(str(x) for x in r) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
