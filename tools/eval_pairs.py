#!/usr/bin/env python3
"""eval_pairs.py: scores the unspin binary on real spun articles paired with their
originals (../shared/train/*/*.spun.txt + .orig.txt) and on seed 000's gold, at each
level, with ../shared/eval/score.py. In-sample figures: the mapping learned from these
same pairs (see tools/build_dict.py --leave-out for held-out ones).

usage: eval_pairs.py [--bin build/unspin] [--shared ../shared] [-- EXTRA unspin ARGS]"""
import argparse, glob, os, subprocess, sys

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build/unspin")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("extra", nargs="*")
    a = ap.parse_args()
    sys.path.insert(0, os.path.join(a.shared, "eval"))
    import score
    pairs = []
    for o in sorted(glob.glob(os.path.join(a.shared, "train/*/*.orig.txt"))):
        sp = o[:-len(".orig.txt")] + ".spun.txt"
        spun = open(sp, encoding="utf-8").read()
        pairs.append((spun, score.pair_to_gold(spun, open(o, encoding="utf-8").read())))
    seed_gold = open(os.path.join(a.shared, "eval/000.gold.txt"), encoding="utf-8").read()
    seed = [(score.parse_gold(seed_gold)[0], seed_gold)]
    print("| set | level | spans | corrected | correction rate | false changes | precision | error reduction |")
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for name, docs in (("seed 000", seed), ("train (69 pairs)", pairs)):
        for level in ("normal", "aggressive"):
            S = C = F = T = 0
            D0 = D1 = 0.0
            for spun, gold in docs:
                out = subprocess.run([a.bin, "--level=" + level] + a.extra, input=spun.encode(),
                                     capture_output=True, check=True).stdout.decode("utf-8", "replace")
                r = score.score(gold, out)
                S += r["spans"]; C += r["corrected"]; F += r["false_changes"]
                T += r["true_changes"]; D0 += r["dist_before"]; D1 += r["dist_after"]
            prec = T / (T + F) if T + F else 1.0
            print(f"| {name} | {level} | {S} | {C} | {C / max(S, 1):.3f} | {F} | {prec:.3f} | "
                  f"{1 - D1 / D0 if D0 else 0:.3f} |")

main()
