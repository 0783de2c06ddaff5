#!/usr/bin/env python3
"""check_dict_clean.py — the clean-text test of a mapping file: no `sure` entry may occur
in clean English. Counts each sure spun phrase (whole words, case-insensitive unless
case=exact; an entry's before=/after= conditions must hold, as unspin applies them) in the Brown corpus
text and in seeds 001-004, lists the offenders and ends with `N passed, M failed`.
Exits 0 when none failed, 1 otherwise, 2 on bad usage or unreadable input.

usage: check_dict_clean.py MAPPING BROWN_TXT SEEDS_DIR
  e.g. tools/check_dict_clean.py dict/mapping.dict build/npm/brown.txt ../shared/seeds"""
import glob
import os
import re
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_dict import parse_attrs  # noqa: E402  (one reader of the attribute syntax)

TOK = re.compile(r"\w+|[^\w\s]", re.U)
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"'})


def key_of(phrase, exact=False):
    return tuple(t if exact else t.lower() for t in TOK.findall(phrase.translate(QUOTES)))


def sure_entries(path):
    """[(line number, spun, original, {condition: regex})] of the sure entries."""
    out = []
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\r\n").split("\t")
            if len(fields) < 3 or fields[2].strip() != "sure":
                continue
            attrs = parse_attrs(fields[3:])
            cond = {k: v for k, v in attrs.items()
                    if k.lstrip("!") in ("before", "after") or (k == "case" and v == "exact")}
            out.append((ln, fields[0], fields[1].split("|")[0], cond))
    return out


def holds(cond, text, start, end):
    """True when the entry's context conditions hold around text[start:end]."""
    for k, pattern in cond.items():
        if k == "case":
            continue
        window = text[max(0, start - 64):start] if k.endswith("before") else text[end:end + 64]
        try:
            found = re.search(pattern, window) is not None
        except re.error:
            found = True  # a pattern Python cannot read: be strict, assume the context allows it
        if found == k.startswith("!"):
            return False
    return True


def count(entries, texts):
    """{entry index: occurrences} over the texts."""
    by_first = defaultdict(list)  # first word (folded) -> [(key, exact, entry index)]
    for i, (_, spun, _, cond) in enumerate(entries):
        exact = cond.get("case") == "exact"
        k = key_of(spun, exact)
        if k:
            by_first[k[0].lower()].append((k, exact, i))
    hits = defaultdict(int)
    for text in texts:
        toks = [(m.group(0).translate(QUOTES), m.start(), m.end()) for m in TOK.finditer(text)]
        words = [t for t, _, _ in toks]
        folded = [t.lower() for t in words]
        for j, w in enumerate(folded):
            for k, exact, i in by_first.get(w, ()):
                got = tuple((words if exact else folded)[j:j + len(k)])
                if got == k and holds(entries[i][3], text, toks[j][1], toks[j + len(k) - 1][2]):
                    hits[i] += 1
    return hits


def main(argv):
    if len(argv) != 4:
        sys.stderr.write(__doc__.split("\n\n")[-1] + "\n")
        return 2
    mapping, brown, seeds_dir = argv[1:]
    # ../shared/seeds names them 00N_*.txt; fixtures/ holds copies as clean00N.txt
    seed_paths = sorted(glob.glob(os.path.join(seeds_dir, "00[1-4]_*.txt")) +
                        glob.glob(os.path.join(seeds_dir, "clean00[1-4].txt")))
    try:
        entries = sure_entries(mapping)
        brown_text = open(brown, encoding="utf-8", errors="replace").read()
        seed_texts = [open(p, encoding="utf-8", errors="replace").read() for p in seed_paths]
    except OSError as e:
        sys.stderr.write(f"check_dict_clean: {e}\n")
        return 2
    if not seed_paths:
        sys.stderr.write(f"check_dict_clean: no seeds 001-004 in {seeds_dir}\n")
        return 2
    in_brown, in_seeds = count(entries, [brown_text]), count(entries, seed_texts)
    failed = 0
    for i, (ln, spun, orig, _) in enumerate(entries):
        if in_brown[i] or in_seeds[i]:
            failed += 1
            print(f"{mapping}:{ln}: sure '{spun}' => '{orig}' occurs in clean text: "
                  f"{in_brown[i]} in Brown, {in_seeds[i]} in seeds 001-004")
    print(f"{len(entries) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
