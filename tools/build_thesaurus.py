#!/usr/bin/env python3
"""build_thesaurus.py: writes dict/thesaurus.bin, the inverse Moby thesaurus that
src/thesaurus.c reads, plus WordNet's irregular inflections.

Source: Moby Thesaurus II (Grady Ward, public domain), as shipped in words.txt by the
npm package `moby` 1.1.2 (sha256 63fcdcec…d59f3; one line per head word: the head word,
then its synonyms, comma-separated). For every lower-case single word that occurs in it,
the table lists the words linked to it either way: the head words whose entry lists it
(the inverse: what a spinner may have started from) and its own entry's words. Multi-word
synonyms are left out: a candidate may not be longer than the word it replaces.

Irregular forms: WordNet 3.0's noun.exc, verb.exc, adj.exc, adv.exc (Debian
`wordnet-base`, WordNet 3.0 licence), tagged with the inflection they stand for
(S plural/3rd person, ED past, ING, ER, EST), so that a spun "ran" is looked up as
"run" and a candidate "go" for a past tense comes back as "went".

Format (little-endian), checked by thesaurus_open:
    "UNSPTHS1"  u32 nterms  u32 nirr  u32 strings_len  u32 links_len
    u32 term_str[nterms]       offsets into strings, terms sorted bytewise
    u32 term_links[nterms + 1] offsets into links: term i's list is [term_links[i], term_links[i+1])
    u32 irr[nirr][3]           form offset, lemma offset, tag (sorted by form)
    u32 irr_by_lemma[nirr]     indices into irr, sorted by lemma
    strings                    NUL-terminated
    links                      per term: ascending term indices, as LEB128 deltas

usage: build_thesaurus.py [--moby build/npm/node_modules/moby/words.txt]
                          [--wordnet /usr/share/wordnet] [--out dict/thesaurus.bin]"""
import argparse
import hashlib
import os
import re
import struct
import sys

MOBY_SHA256 = "63fcdcec2efe34414825945c7837f4381c7df7344ae34fdf1e8368eda19d59f3"
WORD = re.compile(r"^[a-z][a-z'-]*[a-z]$")
TAGS = {"S": 1, "ED": 2, "ING": 3, "ER": 4, "EST": 5}


def irregular(wordnet):
    out = []
    for pos in ("noun", "verb", "adj", "adv"):
        path = os.path.join(wordnet, pos + ".exc")
        for line in open(path, encoding="utf-8"):
            f = line.split()
            if len(f) < 2 or not WORD.match(f[0]):
                continue
            form = f[0]
            for lemma in f[1:]:
                if not WORD.match(lemma) or lemma == form:
                    continue
                if pos == "noun":
                    tag = "S"
                elif pos == "verb":
                    tag = "ING" if form.endswith("ing") else "S" if form.endswith("s") and not lemma.endswith("s") and form in ("has", "is", "does", "goes") else "ED"
                else:
                    tag = "EST" if form.endswith("est") else "ER"
                out.append((form, lemma, TAGS[tag]))
    return sorted(set(out))


def leb128(n):
    b = bytearray()
    while True:
        c = n & 0x7F
        n >>= 7
        if n:
            b.append(c | 0x80)
        else:
            b.append(c)
            return bytes(b)


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--moby", default=os.path.join(root, "build/npm/node_modules/moby/words.txt"))
    ap.add_argument("--wordnet", default="/usr/share/wordnet")
    ap.add_argument("--out", default=os.path.join(root, "dict/thesaurus.bin"))
    a = ap.parse_args()
    raw = open(a.moby, "rb").read()
    digest = hashlib.sha256(raw).hexdigest()
    if digest != MOBY_SHA256:
        print(f"build_thesaurus: warning: {a.moby} is not moby 1.1.2's words.txt (sha256 {digest})",
              file=sys.stderr)
    links = {}
    for line in raw.decode("utf-8", "replace").splitlines():
        parts = line.split(",")
        h = parts[0]
        if not WORD.match(h):
            continue
        links.setdefault(h, set())
        for s in parts[1:]:
            if s == h or not WORD.match(s):
                continue
            links[h].add(s)
            links.setdefault(s, set()).add(h)
    irr = irregular(a.wordnet)
    terms = sorted(links, key=lambda w: w.encode())
    index = {w: i for i, w in enumerate(terms)}

    strings = bytearray()
    offs = {}

    def intern(s):
        if s not in offs:
            offs[s] = len(strings)
            strings.extend(s.encode() + b"\0")
        return offs[s]

    term_str = [intern(w) for w in terms]
    link_bytes = bytearray()
    term_links = []
    for w in terms:
        term_links.append(len(link_bytes))
        prev = 0
        for i in sorted(index[x] for x in links[w]):
            link_bytes.extend(leb128(i - prev))
            prev = i
    term_links.append(len(link_bytes))
    irr_recs = [(intern(f), intern(l), t) for f, l, t in irr]
    by_lemma = sorted(range(len(irr)), key=lambda k: (irr[k][1].encode(), irr[k][0].encode()))

    out = bytearray(b"UNSPTHS1")
    out += struct.pack("<4I", len(terms), len(irr), len(strings), len(link_bytes))
    out += struct.pack(f"<{len(terms)}I", *term_str)
    out += struct.pack(f"<{len(terms) + 1}I", *term_links)
    for r in irr_recs:
        out += struct.pack("<3I", *r)
    out += struct.pack(f"<{len(irr)}I", *by_lemma)
    out += strings
    out += link_bytes
    tmp = a.out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(out)
    os.replace(tmp, a.out)
    nlinks = sum(len(v) for v in links.values())
    print(f"build_thesaurus: {a.out}: {len(terms)} words, {nlinks} links, {len(irr)} irregular forms, "
          f"{len(out)} bytes", file=sys.stderr)


main()
