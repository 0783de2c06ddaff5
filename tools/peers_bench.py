#!/usr/bin/env python3
"""peers_bench.py: scores the unspin binary on the peers' benchmarks in
../shared/external (issue 10), sets written by others that unspin never learned from.

usage: peers_bench.py [--bin build/unspin] [--shared ../shared]
                      [--level LEVEL ...] [--json] [--show-worse] [-- EXTRA unspin ARGS]

SpinBot (spinbot-mpc-wikipedia/: 127 Wikipedia paragraphs, NNN.orig.txt, and their
SpinBot versions, NNN.spun.txt, with gold spans NNN.gold.txt):
  verdict      the document verdict (--format=jsonl, "spun") on the 127 spun and the
               127 original paragraphs: spun judged spun, originals judged spun, and
               accuracy over all 254
  corrected .. ../shared/eval/score.py's score() per spun paragraph against its gold,
               summed over the set: spans, corrected, correction rate, false changes,
               precision (true changes / all changes) and error reduction
               (1 - word distance after / before, distances summed)
  changes/1k   score.py's clean_score() on the originals: changes per 1,000 words
ICDAR 2017 (ocr-icdar2017-eng/: 200 passages NNN.ocr.txt of real OCR of 19th-century
books with their ground truth NNN.gt.txt):
  CER, WER     Levenshtein distance to the ground truth over characters and over
               whitespace-separated words, summed over the passages and divided by the
               ground truth's length (the set's README definition; "before" is the OCR
               text itself and matches its manifest)
  worse/better passages whose character distance to the ground truth grew / shrank

The binary runs once per set and level over all the files of the set (a document per
file): for SpinBot with --format=jsonl (verdicts, and the outputs rebuilt from the applied
findings), for ICDAR as a filter (a separator file between the inputs cuts the output
apart). The table's last line gives the binary's CPU time and the whole run's time. Exit status 0; 3 when a set is missing or the output cannot be cut apart."""
import argparse, glob, json, os, subprocess, sys, tempfile, time

SEP = "\n<<<unspin-peers-bench-separator>>>\n"
BINARY_CPU = [0.0]   # seconds of CPU the binary used, over all runs


def lev(a, b):
    """Levenshtein distance of two sequences (Myers/Hyyro bit-parallel, Python ints)."""
    if len(a) < len(b):
        a, b = b, a
    m = len(b)
    if m == 0:
        return len(a)
    peq = {}
    for i, c in enumerate(b):
        peq[c] = peq.get(c, 0) | (1 << i)
    full, top = (1 << m) - 1, 1 << (m - 1)
    pv, mv, score = full, 0, m
    for c in a:
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | ~(xh | pv)
        mh = pv & xh
        if ph & top:
            score += 1
        elif mh & top:
            score -= 1
        ph = (ph << 1) | 1
        mh <<= 1
        pv = (mh | ~(xv | ph)) & full
        mv = ph & xv & full
    return score


def lev_trimmed(a, b):
    """lev() after stripping the common prefix and suffix (most of a passage)."""
    i, n = 0, min(len(a), len(b))
    while i < n and a[i] == b[i]:
        i += 1
    j = 0
    while j < n - i and a[len(a) - 1 - j] == b[len(b) - 1 - j]:
        j += 1
    return lev(a[i:len(a) - j], b[i:len(b) - j])


def run_many(binary, paths, args, tmp):
    """Runs binary once over all paths (separated); returns (outputs, jsonl docs, seconds)."""
    sep = os.path.join(tmp, "separator")
    with open(sep, "w") as f:
        f.write(SEP)
    argv = []
    for p in paths:
        argv += [p, sep]
    t = os.times()
    r = subprocess.run([binary] + args + argv, capture_output=True)
    if r.returncode not in (0, 1):
        sys.exit(f"peers_bench: {binary} exited {r.returncode}: {r.stderr.decode(errors='replace')}")
    u = os.times()
    dt = (u.children_user - t.children_user) + (u.children_system - t.children_system)
    BINARY_CPU[0] += dt
    return r.stdout.decode("utf-8", "replace"), dt


def outputs(binary, paths, level, extra, tmp):
    out, dt = run_many(binary, paths, ["--level=" + level] + extra, tmp)
    parts = out.split(SEP)
    if len(parts) != len(paths) + 1 or parts[-1] != "":
        sys.exit("peers_bench: cannot cut the output apart at the separators")
    return parts[:-1]


def verdicts_and_outputs(binary, paths, level, extra, tmp):
    """One --format=jsonl run: each document's verdict, and its output rebuilt
    from the file and the applied findings (byte offsets and replacements)."""
    out, _ = run_many(binary, paths, ["--format=jsonl", "--level=" + level] + extra, tmp)
    v, applied = {}, {}
    for line in out.splitlines():
        o = json.loads(line)
        if o.get("type") == "document" and o.get("file") in paths:
            v[o["file"]] = bool(o["verdict"]["spun"])
        elif o.get("type") == "finding" and o.get("applied"):
            applied.setdefault(o["file"], []).append(o)
    texts = []
    for p in paths:
        b = open(p, "rb").read()
        for o in sorted(applied.get(p, []), key=lambda o: -o["start"]):
            b = b[:o["start"]] + o["replacement"].encode("utf-8") + b[o["end"]:]
        texts.append(b.decode("utf-8", "replace"))
    return [v.get(p, False) for p in paths], texts


def unchanged_score(score, gold):
    """score.score(gold, spun) without its alignments: the output is the spun
    text itself, so nothing is detected or changed, and the distance after is
    the distance before (the same choice of gold alternative as score())."""
    import re
    spun, spans = score.parse_gold(gold)
    parts, last, n = [], 0, 0
    for sp in spans:
        got = sp["spun"]
        alts = ([sp["spun"]] if sp["uncertain"] else []) + sp["origs"]
        exact = [o for o in alts if score.norm(got) == score.norm(o)]
        inside = [o for o in alts if o and re.search(r"(?<!\w)" + re.escape(score.norm(o)) + r"(?!\w)",
                                                     score.norm(got))]
        if sp["uncertain"] and not exact and not inside:
            choice = got if got.strip() else (sp["origs"] or [sp["spun"]])[0]
        else:
            choice = (exact or sorted(inside, key=len, reverse=True) or alts or [sp["spun"]])[0]
        parts.append(spun[last:sp["start"]])
        parts.append(choice)
        last = sp["end"]
        n += not sp["uncertain"]
    parts.append(spun[last:])
    d = score.word_dist(spun, "".join(parts))
    return {"spans": n, "corrected": 0, "false_changes": 0, "true_changes": 0,
            "dist_before": d, "dist_after": d}


def spinbot(a, score, tmp):
    d = os.path.join(a.shared, "external", "spinbot-mpc-wikipedia")
    ids = sorted(os.path.basename(p)[:3] for p in glob.glob(os.path.join(d, "*.gold.txt")))
    if not ids:
        sys.exit(f"peers_bench: no SpinBot set in {d}")
    spun = [os.path.join(d, i + ".spun.txt") for i in ids]
    orig = [os.path.join(d, i + ".orig.txt") for i in ids]
    gold = [open(os.path.join(d, i + ".gold.txt"), encoding="utf-8").read() for i in ids]
    spunt = [open(p, encoding="utf-8").read() for p in spun]
    origt = [open(p, encoding="utf-8").read() for p in orig]
    cache, rows = {}, []
    for level in a.level:
        vs, outs = verdicts_and_outputs(a.bin, spun + orig, level, a.extra, tmp)
        S = C = F = T = D0 = D1 = W = CH = 0
        for k, o in enumerate(outs[:len(ids)]):
            if (k, o) not in cache:         # levels often agree: score each output once
                cache[k, o] = unchanged_score(score, gold[k]) if o == spunt[k] else score.score(gold[k], o)
            r = cache[k, o]
            S += r["spans"]; C += r["corrected"]; F += r["false_changes"]
            T += r["true_changes"]; D0 += r["dist_before"]; D1 += r["dist_after"]
        for t, o in zip(origt, outs[len(ids):]):
            W += len(t.split())
            CH += len(score.changes(t, o)) if o != t else 0
        n = len(ids)
        sj, oj = sum(vs[:n]), sum(vs[n:])
        rows.append({"level": level, "paragraphs": n, "spun_judged_spun": sj,
                     "orig_judged_spun": oj, "verdict_accuracy": (sj + n - oj) / (2 * n),
                     "spans": S, "corrected": C, "correction_rate": C / max(S, 1),
                     "false_changes": F, "precision": T / (T + F) if T + F else 1.0,
                     "error_reduction": 1 - D1 / D0 if D0 else 0.0,
                     "orig_words": W, "orig_changes": CH,
                     "orig_changes_per_1000": 1000 * CH / max(W, 1)})
    return rows


def icdar(a, tmp):
    d = os.path.join(a.shared, "external", "ocr-icdar2017-eng")
    ids = sorted(os.path.basename(p)[:3] for p in glob.glob(os.path.join(d, "*.gt.txt")))
    if not ids:
        sys.exit(f"peers_bench: no ICDAR set in {d}")
    ocr = [os.path.join(d, i + ".ocr.txt") for i in ids]
    gt = [open(os.path.join(d, i + ".gt.txt"), encoding="utf-8").read() for i in ids]
    src = [open(p, encoding="utf-8").read() for p in ocr]
    gchars = sum(len(g) for g in gt)
    gwords = sum(len(g.split()) for g in gt)
    cache = {}

    def dist(k, text):
        key = (k, text)
        if key not in cache:
            g = gt[k]
            cache[key] = (lev_trimmed(text, g), lev_trimmed(text.split(), g.split()))
        return cache[key]

    before = [dist(k, s) for k, s in enumerate(src)]
    c0, w0 = sum(b[0] for b in before), sum(b[1] for b in before)
    rows = []
    for level in a.level:
        outs = outputs(a.bin, ocr, level, a.extra, tmp)
        after = [dist(k, o) for k, o in enumerate(outs)]
        c1, w1 = sum(x[0] for x in after), sum(x[1] for x in after)
        worse = [ids[k] for k in range(len(ids)) if after[k][0] > before[k][0]]
        better = sum(after[k][0] < before[k][0] for k in range(len(ids)))
        row = {"level": level, "passages": len(ids), "cer_before": c0 / gchars,
               "wer_before": w0 / gwords, "cer_after": c1 / gchars, "wer_after": w1 / gwords,
               "worse": len(worse), "better": better, "worse_ids": worse}
        if a.show_worse:
            row["changes"] = [(ids[k], src[k], outs[k]) for k in range(len(ids)) if outs[k] != src[k]]
        rows.append(row)
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build/unspin")
    ap.add_argument("--shared", default="../shared")
    ap.add_argument("--level", nargs="+", default=["safe", "normal", "aggressive"])
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show-worse", action="store_true",
                    help="list the words each level changed in the OCR passages")
    ap.add_argument("extra", nargs="*", help="more unspin arguments (after --)")
    a = ap.parse_args()
    if not os.path.isdir(os.path.join(a.shared, "external")):
        sys.exit(f"peers_bench: {a.shared}/external is missing")
    sys.path.insert(0, os.path.join(a.shared, "eval"))
    import score
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        sb = spinbot(a, score, tmp)
        oc = icdar(a, tmp)
    secs = time.perf_counter() - t0
    if a.json:
        for r in oc:
            r.pop("changes", None)
        json.dump({"spinbot": sb, "icdar": oc, "seconds": secs, "binary_cpu_seconds": BINARY_CPU[0]},
                  sys.stdout, indent=1)
        print()
        return
    print(f"SpinBot (MPC Wikipedia), {sb[0]['paragraphs']} spun + {sb[0]['paragraphs']} original paragraphs, "
          f"{sb[0]['spans']} gold spans:")
    print()
    print("| level | spun judged spun | originals judged spun | verdict accuracy | corrected "
          "| correction rate | false changes | precision | error reduction | changes / 1k words (originals) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in sb:
        print(f"| {r['level']} | {r['spun_judged_spun']} | {r['orig_judged_spun']} "
              f"| {r['verdict_accuracy']:.3f} | {r['corrected']} | {r['correction_rate']:.3f} "
              f"| {r['false_changes']} | {r['precision']:.3f} | {r['error_reduction']:.3f} "
              f"| {r['orig_changes_per_1000']:.2f} |")
    print()
    print(f"ICDAR 2017 real OCR (English monographs), {oc[0]['passages']} passages:")
    print()
    print("| level | CER before | CER after | WER before | WER after | passages worse | passages better |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for r in oc:
        print(f"| {r['level']} | {100 * r['cer_before']:.2f}% | {100 * r['cer_after']:.2f}% "
              f"| {100 * r['wer_before']:.2f}% | {100 * r['wer_after']:.2f}% | {r['worse']} | {r['better']} |")
    print()
    print(f"(the binary: {BINARY_CPU[0]:.1f} s of CPU; the whole run: {secs:.1f} s)")
    if a.show_worse:
        import difflib
        for r in oc:
            print(f"\n{r['level']}: changed words (* = passage worse)")
            for i, s, o in r["changes"]:
                sm = difflib.SequenceMatcher(None, s.split(), o.split(), autojunk=False)
                ws, wo = s.split(), o.split()
                ch = [" ".join(ws[i1:i2]) + " -> " + " ".join(wo[j1:j2])
                      for t, i1, i2, j1, j2 in sm.get_opcodes() if t != "equal"]
                print(f"{i}{'*' if i in r['worse_ids'] else ''}: " + "; ".join(ch))


if __name__ == "__main__":
    main()
