#!/usr/bin/env python3
"""ocr_bench.py: a synthetic OCR and encoding damage benchmark for unspin.

Takes whole paragraphs from the start of the Brown corpus (clean English, one
paragraph per line, paragraphs separated by blank lines) until at least --words
words (whitespace-separated tokens) are taken, damages a share of the words with
the noise model below (random.Random(--seed), so a seed always gives the same
damaged text), runs the binary at each --level on the damaged text, and scores
the output word by word against the clean text.

usage: ocr_bench.py [--bin build/unspin] [--brown build/npm/brown.txt]
                    [--words 50000] [--seed 1] [--level LEVEL ...] [--json]
                    [--write-damaged FILE] [-- EXTRA unspin ARGS]

Noise model
-----------
A word is a whitespace-separated token; its core is the token without leading and
trailing punctuation.  Each word draws a damage with probability 8% (RATE), its
kind drawn with these weights (WEIGHTS).  A damage goes to the first word, from the
one that drew it on, to which its kind applies and that is not next to a damaged
word (a ligature waits for a word with 'fi', a mojibake for a quotation mark), so
that the kinds occur in the shares of their weights and about 8% of the words
are damage sites.  A join damages two words, so somewhat more than 8% of the
words end up damaged.

  kind         weight  applies to            damage
  glyph          30    core with a letter    one OCR glyph confusion at one
                       the table can confuse place, drawn by the weights of
                                             GLYPHS: m>rn 4, rn>m 2, d>cl 2,
                                             cl>d 1, h>li 2, li>h 1, w>vv 2,
                                             vv>w 1, u>ii 2, ii>u 1, e>c 3,
                                             c>e 3, o>0 2, l>1 2, l>I 2,
                                             I>l 2, I>1 1, i>1 1 (each
                                             occurrence of a pattern is a
                                             place of its own)
  hyphenation    15    core of 5+ letters    the word is broken at a line end:
                                             'inter-' NEWLINE 'national', at
                                             a random place that leaves at
                                             least 2 letters before and 3
                                             after (TeX's minima); the hyphen
                                             is a soft hyphen U+00AD in 20% of
                                             cases, else '-'
  split          10    core of 3+ letters    a stray space inside the word, at
                                             a random place between letters
  join           10    a next word in the    the space after the word is lost:
                       same paragraph        the word and the next run together
                                             ('said,the'); both count as damaged
  ligature       10    core with ff, fi, fl, every ffi, ffl, ff, fi, fl becomes
                       ffi, ffl or st        its ligature U+FB00-FB04 (as PDF
                                             text extraction leaves them); a
                                             word with none of these gets
                                             U+FB06 (80%) or U+FB05 (20%) for
                                             its first 'st'
  invisible      10    core of 2+ letters    an invisible character between two
                                             letters, at a random place: soft
                                             hyphen U+00AD 50%, zero-width
                                             space U+200B 25%, zero-width
                                             joiner U+200D 15%, zero-width
                                             non-joiner U+200C 10%
  mojibake        8    token with ' or " or  the text is taken as typeset with
                       --                    typographic punctuation (' as
                                             U+2019, " as U+201C at the start
                                             of the token and U+201D elsewhere,
                                             -- as U+2014), then its UTF-8 is
                                             read as Windows-1252 (bytes that
                                             cp1252 leaves undefined as
                                             Latin-1, as browsers do):
                                             'Atlantaâ€™s'
  control         7    any token             a stray C0 control at a random
                                             place in the core, its edges
                                             included: uniform over U+0001-
                                             U+0008, U+000B, U+000E-U+001F
                                             (not NUL, which marks binary
                                             data, and not the whitespace
                                             controls tab, LF, FF, CR)

The weights and rates are meant to look like scanned, PDF-extracted and badly
converted text in general; they are not tuned to what unspin repairs.

Scoring
-------
Each level's output, and the clean and damaged texts, are cut into paragraphs at
blank lines and into words at spaces, tabs and line ends, and aligned paragraph by
paragraph with difflib (the whole text at once if the paragraph counts differ).
Output words are compared with the clean words after typographic quotes,
apostrophes and the em dash are turned back into ASCII (so a repaired mojibake
'“no' counts for the clean '"no').  A word split in two, or two words run together,
is one or two clean words: the alignment is on the clean side.

  damaged      clean words whose form in the damaged text differs
  restored     damaged words that come out equal to the clean word
  harmed       undamaged words that do not come out equal to the clean word
  precision    of the words unspin changed (an output word that is not the
               damaged text's word), the share that were damaged
  recall       of the damaged words, the share that unspin changed
  MB/s         damaged-text bytes over wall time, start-up included
  clean        whether the clean slice itself comes out byte-identical
"""
import argparse, difflib, hashlib, json, random, re, subprocess, sys, time

RATE = 0.08
WEIGHTS = [("glyph", 30), ("hyphenation", 15), ("split", 10), ("join", 10),
           ("ligature", 10), ("invisible", 10), ("mojibake", 8), ("control", 7)]
GLYPHS = [("m", "rn", 4), ("rn", "m", 2), ("d", "cl", 2), ("cl", "d", 1), ("h", "li", 2),
          ("li", "h", 1), ("w", "vv", 2), ("vv", "w", 1), ("u", "ii", 2), ("ii", "u", 1),
          ("e", "c", 3), ("c", "e", 3), ("o", "0", 2), ("l", "1", 2), ("l", "I", 2),
          ("I", "l", 2), ("I", "1", 1), ("i", "1", 1)]
LIGATURES = [("ffi", "\ufb03"), ("ffl", "\ufb04"), ("ff", "\ufb00"), ("fi", "\ufb01"),
             ("fl", "\ufb02")]
INVISIBLE = [("\u00ad", 50), ("\u200b", 25), ("\u200d", 15), ("\u200c", 10)]
CONTROLS = [chr(c) for c in list(range(0x01, 0x09)) + [0x0B] + list(range(0x0E, 0x20))]

WS = re.compile(r"[ \t\r\n]+")
CORE = re.compile(r"^([^A-Za-z0-9]*)(.*?)([^A-Za-z0-9]*)$", re.S)
PARA = re.compile(r"\n[ \t\r]*\n")
TYPO = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def sloppy_cp1252(b):
    """Bytes read as Windows-1252, with its five undefined bytes read as Latin-1."""
    return "".join(bytes([x]).decode("cp1252", errors="ignore") or chr(x) for x in b)


def typographic(tok):
    s = tok.replace("--", "\u2014").replace("'", "\u2019")
    return "".join(("\u201c" if i == 0 else "\u201d") if c == '"' else c for i, c in enumerate(s))


def norm(tok):
    return tok.translate(TYPO).replace("\u2014", "--")


def letters(s):
    return sum(c.isalpha() for c in s)


def applies(kind, tok, has_next):
    lead, core, trail = CORE.match(tok).groups()
    if kind == "glyph":
        return core.isalpha() and any(p in core for p, _, _ in GLYPHS)
    if kind == "hyphenation":
        return core.isalpha() and len(core) >= 5
    if kind == "split":
        return core.isalpha() and len(core) >= 3
    if kind == "join":
        return has_next and letters(core) >= 1
    if kind == "ligature":
        return core.isalpha() and any(p in core for p in ("ff", "fi", "fl", "st"))
    if kind == "invisible":
        return core.isalpha() and len(core) >= 2
    if kind == "mojibake":
        return letters(core) >= 1 and ("'" in tok or '"' in tok or "--" in tok)
    if kind == "control":
        return letters(core) >= 1
    return False


def damage_word(kind, tok, rng):
    """The damaged form of tok (kind join is done by the caller)."""
    lead, core, trail = CORE.match(tok).groups()
    if kind == "glyph":
        places = [(i, p, r, w) for p, r, w in GLYPHS for i in range(len(core))
                  if core.startswith(p, i)]
        i, p, r, _ = rng.choices(places, weights=[w for *_, w in places])[0]
        core = core[:i] + r + core[i + len(p):]
    elif kind == "hyphenation":
        i = rng.randrange(2, len(core) - 2)
        core = core[:i] + ("\u00ad" if rng.random() < 0.2 else "-") + "\n" + core[i:]
    elif kind == "split":
        i = rng.randrange(1, len(core))
        core = core[:i] + " " + core[i:]
    elif kind == "ligature":
        if any(p in core for p, _ in LIGATURES):
            for p, l in LIGATURES:
                core = core.replace(p, l)
        else:
            core = core.replace("st", "\ufb06" if rng.random() < 0.8 else "\ufb05", 1)
    elif kind == "invisible":
        i = rng.randrange(1, len(core))
        c = rng.choices([c for c, _ in INVISIBLE], weights=[w for _, w in INVISIBLE])[0]
        core = core[:i] + c + core[i:]
    elif kind == "mojibake":
        return sloppy_cp1252(typographic(tok).encode("utf-8"))
    elif kind == "control":
        i = rng.randrange(0, len(core) + 1)
        core = core[:i] + rng.choice(CONTROLS) + core[i:]
    return lead + core + trail


def load_clean(path, nwords):
    text = open(path, encoding="utf-8").read()
    paras, n = [], 0
    for p in PARA.split(text):
        if not p.strip(" \t\r\n"):
            continue
        paras.append(p.strip("\n"))
        n += len(WS.split(p.strip(" \t\r\n")))
        if n >= nwords:
            break
    return paras


def damage(paras, seed):
    """Returns the damaged paragraphs and, per paragraph, a record per clean word:
    (clean token, kind or None, damaged form or None when absorbed by a join)."""
    rng = random.Random(seed)
    kinds = [k for k, _ in WEIGHTS]
    out, records, pending = [], [], []
    for p in paras:
        toks = WS.split(p.strip(" \t\r\n"))
        rec = [[t, None, t] for t in toks]
        i = 0
        while i < len(toks):
            if rng.random() < RATE:
                pending.append(rng.choices(kinds, weights=[w for _, w in WEIGHTS])[0])
            for n, kind in enumerate(pending):
                if applies(kind, toks[i], i + 1 < len(toks)):
                    del pending[n]
                    rec[i][1] = kind
                    if kind == "join":
                        rec[i][2] = toks[i] + toks[i + 1]
                        rec[i + 1][1], rec[i + 1][2] = "join", None
                    else:
                        rec[i][2] = damage_word(kind, toks[i], rng)
                    i += 1          # the next word is not a site
                    break
            i += 1
        out.append(" ".join(r[2] for r in rec if r[2] is not None))
        records.append(rec)
    return out, records


def matched(a, b):
    """Indices of a that difflib matches to equal words of b."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    return {i for blk in sm.get_matching_blocks() for i in range(blk.a, blk.a + blk.size)}


def score(records, damaged_text, output):
    out_paras = [p for p in PARA.split(output) if p.strip(" \t\r\n")]
    if len(out_paras) != len(records):      # paragraph structure changed: align it whole
        groups = [(sum(records, []), WS.split(output.strip(" \t\r\n")))]
    else:
        groups = [(r, WS.split(p.strip(" \t\r\n"))) for r, p in zip(records, out_paras)]
    st = {"words": 0, "damaged": 0, "restored": 0, "harmed": 0, "changed": 0,
          "changed_damaged": 0, "kinds": {}}
    for rec, otoks in groups:
        clean = [r[0] for r in rec]
        dtoks, owner = [], []          # damaged tokens, and the clean words behind each
        for i, (_, kind, form) in enumerate(rec):
            if form is None:
                continue
            for part in WS.split(form.strip(" \t\r\n")):
                dtoks.append(part)
                owner.append([i, i + 1] if kind == "join" and form != rec[i][0] else [i])
        ok = matched(clean, [norm(t) for t in otoks])
        kept = matched(dtoks, otoks)
        changed = set()
        for j, own in enumerate(owner):
            if j not in kept:
                changed.update(own)
        for i, (_, kind, _) in enumerate(rec):
            st["words"] += 1
            if kind:
                k = st["kinds"].setdefault(kind, {"damaged": 0, "restored": 0, "changed": 0})
                st["damaged"] += 1
                k["damaged"] += 1
                if i in ok:
                    st["restored"] += 1
                    k["restored"] += 1
                if i in changed:
                    st["changed_damaged"] += 1
                    k["changed"] += 1
            elif i not in ok:
                st["harmed"] += 1
            if i in changed:
                st["changed"] += 1
    return st


def run(binary, level, data, extra):
    t = time.perf_counter()
    r = subprocess.run([binary, "--level=" + level] + extra, input=data, capture_output=True)
    dt = time.perf_counter() - t
    if r.returncode != 0:
        sys.exit(f"ocr_bench: {binary} exited {r.returncode}: {r.stderr.decode(errors='replace')}")
    return r.stdout, dt


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build/unspin")
    ap.add_argument("--brown", default="build/npm/brown.txt")
    ap.add_argument("--words", type=int, default=50000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--level", nargs="+", default=["normal", "aggressive"])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--write-damaged", metavar="FILE")
    ap.add_argument("extra", nargs="*", help="more unspin arguments (after --)")
    a = ap.parse_args()

    paras = load_clean(a.brown, a.words)
    clean_text = "\n\n".join(paras) + "\n"
    dparas, records = damage(paras, a.seed)
    damaged_text = "\n\n".join(dparas) + "\n"
    data = damaged_text.encode("utf-8")
    if a.write_damaged:
        open(a.write_damaged, "wb").write(data)
    res = {"words": sum(len(r) for r in records), "paragraphs": len(paras), "seed": a.seed,
           "bytes": len(data), "damaged_sha256": hashlib.sha256(data).hexdigest(), "levels": {}}
    for level in a.level:
        out, dt = run(a.bin, level, data, a.extra)
        st = score(records, damaged_text, out.decode("utf-8", "replace"))
        cout, _ = run(a.bin, level, clean_text.encode("utf-8"), a.extra)
        d, c = st["damaged"], st["changed"]
        res["damaged"] = d
        res["damage_kinds"] = {k: v["damaged"] for k, v in sorted(st["kinds"].items())}
        res["levels"][level] = {
            "restored": st["restored"], "restored_share": st["restored"] / max(d, 1),
            "harmed": st["harmed"], "harmed_share": st["harmed"] / max(st["words"] - d, 1),
            "changed": c, "precision": st["changed_damaged"] / c if c else 1.0,
            "recall": st["changed_damaged"] / max(d, 1), "mb_s": len(data) / 1e6 / dt,
            "clean_identical": cout == clean_text.encode("utf-8"),
            "kinds": {k: dict(v, restored_share=v["restored"] / max(v["damaged"], 1))
                      for k, v in sorted(st["kinds"].items())}}
    if a.json:
        json.dump(res, sys.stdout, indent=1, sort_keys=True)
        print()
        return
    print(f"{res['words']} words in {res['paragraphs']} paragraphs of Brown, seed {a.seed}: "
          f"{res.get('damaged', 0)} words damaged")
    print()
    print("| level | damaged words | restored | clean words damaged | precision | recall "
          "| clean text byte-identical | MB/s |")
    print("|---|---:|---:|---:|---:|---:|:---:|---:|")
    for level, L in res["levels"].items():
        print(f"| {level} | {res['damaged']} | {L['restored']} ({100 * L['restored_share']:.1f}%) "
              f"| {L['harmed']} ({100 * L['harmed_share']:.2f}%) | {L['precision']:.3f} "
              f"| {L['recall']:.3f} | {'yes' if L['clean_identical'] else 'no'} "
              f"| {L['mb_s']:.2f} |")
    print()
    print("Restored by kind of damage:")
    print()
    print("| kind | damaged words | " + " | ".join(res["levels"]) + " |")
    print("|---|---:|" + "---:|" * len(res["levels"]))
    for k, n in res["damage_kinds"].items():
        cells = " | ".join(f"{100 * L['kinds'][k]['restored_share']:.1f}%"
                           for L in res["levels"].values())
        print(f"| {k} | {n} | {cells} |")


if __name__ == "__main__":
    main()
