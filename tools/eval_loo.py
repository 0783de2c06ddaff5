#!/usr/bin/env python3
"""eval_loo.py: the held-out evaluation of the context model (issue 9 item 7).

With each folder of ../shared/train/ left out in turn, builds the learned mapping
without it (tools/build_dict.py --leave-out FOLDER, into a temporary data directory
that shares the rest of dict/) and scores the binary on that folder's spun articles
against their originals with ../shared/eval/score.py, at each level, with the language
model on and off and the thesaurus on and off. Then: changes per 1,000 words on the
clean Brown corpus at each level, and the document verdict's accuracy on the
repository's spun and clean texts (the training pairs whole and as 250-word
excerpts, seeds 000-004, 250-word excerpts of Brown), for the reported verdict
(`spun`: sure hits or the family-agnostic score) and for sure hits alone.

Prints Markdown tables. Slow (about ten minutes): every run starts the binary anew.

usage: eval_loo.py [--bin build/unspin] [--shared ../shared] [--brown build/npm/brown.txt]
                   [--folders tech,world] [--levels normal,aggressive] [--full-only]
                   [--skip-loo] [--skip-brown] [--skip-verdict]"""
import argparse
import glob
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(binary, args, text):
    r = subprocess.run([binary] + args, input=text.encode(), capture_output=True)
    if r.returncode not in (0, 1):
        sys.exit(f"eval_loo: {binary} {' '.join(args)} failed: {r.stderr.decode()[:300]}")
    return r.stdout.decode("utf-8", "replace")


def pairs_of(shared, folder):
    out = []
    for o in sorted(glob.glob(os.path.join(shared, "train", folder, "*.orig.txt"))):
        s = o[:-len(".orig.txt")] + ".spun.txt"
        out.append((open(s, encoding="utf-8").read(), open(o, encoding="utf-8").read()))
    return out


def data_dir_without(folder, shared, brown, tmp):
    d = os.path.join(tmp, folder)
    os.makedirs(d, exist_ok=True)
    for f in os.listdir(os.path.join(ROOT, "dict")):
        p = os.path.join(ROOT, "dict", f)
        if os.path.isfile(p) and f != "mapping.dict":
            os.symlink(p, os.path.join(d, f))
    subprocess.run([sys.executable, os.path.join(ROOT, "tools", "build_dict.py"), "--leave-out", folder,
                    "--shared", shared, "--brown", brown, "--out", os.path.join(d, "mapping.dict")],
                   check=True, capture_output=True)
    return d


CONFIGS = [("LM + thesaurus", []), ("LM, no thesaurus", ["--no-thesaurus"]), ("no LM", ["--no-lm"])]


def loo(a, score):
    folders = a.folders.split(",") if a.folders else sorted(
        os.path.basename(p) for p in glob.glob(os.path.join(a.shared, "train", "*")) if os.path.isdir(p))
    tot = {}
    with tempfile.TemporaryDirectory() as tmp:
        for folder in folders:
            d = data_dir_without(folder, a.shared, a.brown, tmp)
            for spun, orig in pairs_of(a.shared, folder):
                gold = score.pair_to_gold(spun, orig)
                for level in a.levels.split(","):
                    for name, extra in CONFIGS[:len(CONFIGS) if not a.full_only else 1]:
                        out = run(a.bin, ["--data-dir", d, "--level=" + level] + extra, spun)
                        r = score.score(gold, out)
                        t = tot.setdefault((level, name), [0] * 6)
                        for k, key in enumerate(("spans", "corrected", "false_changes", "true_changes")):
                            t[k] += r[key]
                        t[4] += r["dist_before"]
                        t[5] += r["dist_after"]
    print(f"Held out, each of {len(folders)} folders of ../shared/train left out in turn:\n")
    print("| level | configuration | spans | corrected | correction rate | false changes | precision | error reduction |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for (level, name), (S, C, F, T, D0, D1) in tot.items():
        prec = T / (T + F) if T + F else 1.0
        print(f"| {level} | {name} | {S} | {C} | {C / max(S, 1):.3f} | {F} | {prec:.3f} | "
              f"{1 - D1 / D0 if D0 else 0:.3f} |")
    print()


def changed_words(a_text, b_text):
    """Changed words, line by line (the lines stay aligned: repairs keep line ends)."""
    import difflib
    a, b = a_text.split("\n"), b_text.split("\n")
    if len(a) != len(b):
        return len(a_text.split())
    n = 0
    for x, y in zip(a, b):
        if x != y:
            ops = difflib.SequenceMatcher(None, x.split(), y.split(), autojunk=False).get_opcodes()
            n += sum(1 for op in ops if op[0] != "equal")
    return n


def brown_changes(a, score):
    text = open(a.brown, encoding="utf-8").read()
    words = len(text.split())
    print(f"Clean English (Brown corpus, {words} words, one document):\n")
    print("| level | changes per 1,000 words |\n|---|---:|")
    for level in ("normal", "aggressive"):
        out = run(a.bin, ["--level=" + level], text)
        print(f"| {level} | {1000 * changed_words(text, out) / words:.3f} |")
    print()


def excerpt(text, n=250, start=0):
    w = text.split(" ")
    return " ".join(w[start:start + n])


def verdict_of(a, text):
    out = run(a.bin, ["--format=jsonl"], text)
    for line in out.splitlines():
        r = json.loads(line)
        if r.get("type") == "document":
            return r["verdict"]["spun"], r["verdict"]["sure_spun"]
    return False, False


def verdicts(a):
    sets = {}
    for s in sorted(glob.glob(os.path.join(a.shared, "train", "*", "*.spun.txt"))):
        spun = open(s, encoding="utf-8").read()
        orig = open(s.replace(".spun.", ".orig."), encoding="utf-8").read()
        sets.setdefault("train pairs, whole", []).extend([(1, spun), (0, orig)])
        sets.setdefault("train pairs, 250-word excerpts", []).extend([(1, excerpt(spun)), (0, excerpt(orig))])
    seeds = [(1, open(os.path.join(ROOT, "fixtures", "seed000.in"), encoding="utf-8").read())]
    seeds += [(0, open(p, encoding="utf-8").read()) for p in sorted(glob.glob(os.path.join(ROOT, "fixtures", "clean00?.txt")))]
    sets["seeds 000-004"] = seeds
    words = open(a.brown, encoding="utf-8").read().split(" ")
    rnd = random.Random(9)
    sets["Brown, 250-word excerpts"] = [(0, " ".join(words[s:s + 250]))
                                        for s in (rnd.randrange(len(words) - 300) for _ in range(100))]
    print("| documents | spun | clean | accuracy (verdict) | accuracy (sure hits alone) |")
    print("|---|---:|---:|---:|---:|")
    allv = [0, 0, 0]
    for name, docs in sets.items():
        ok = ok1 = 0
        for label, text in docs:
            v, v1 = verdict_of(a, text)
            ok += v == bool(label)
            ok1 += v1 == bool(label)
        allv[0] += ok
        allv[1] += ok1
        allv[2] += len(docs)
        ns = sum(label for label, _ in docs)
        print(f"| {name} | {ns} | {len(docs) - ns} | {ok / len(docs):.3f} | {ok1 / len(docs):.3f} |")
    print(f"| all | | | {allv[0] / allv[2]:.3f} | {allv[1] / allv[2]:.3f} |\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "unspin"))
    ap.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    ap.add_argument("--brown", default=os.path.join(ROOT, "build", "npm", "brown.txt"))
    ap.add_argument("--folders", default="")
    ap.add_argument("--skip-loo", action="store_true")
    ap.add_argument("--skip-verdict", action="store_true")
    ap.add_argument("--skip-brown", action="store_true")
    ap.add_argument("--levels", default="normal,aggressive")
    ap.add_argument("--full-only", action="store_true", help="only the full configuration (LM + thesaurus)")
    a = ap.parse_args()
    sys.path.insert(0, os.path.join(a.shared, "eval"))
    import score
    if not a.skip_loo:
        loo(a, score)
    if not a.skip_brown:
        brown_changes(a, score)
    if not a.skip_verdict:
        verdicts(a)


main()
