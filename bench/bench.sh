#!/bin/sh
# Throughput and peak memory of unspin and of its peers on clean English: the
# Brown corpus (tools/fetch_test_data.sh) repeated to at least SIZE_MB
# (default 50) MB, the same input for every program. Prints two Markdown
# tables:
#  - one core: unspin (default filter, --check, the mapping stage alone) and
#    the peers codespell, hunspell -l and aspell list (Debian packages:
#    tools/install_deps.sh --bench; a peer that is missing is left out);
#    MB/s is input size over CPU time (user + system, which other jobs on a
#    shared machine disturb less than wall time; all are single-threaded),
#    best of 3 runs (one run when it takes over 20 s), and peak RSS the
#    largest. hunspell -l takes minutes;
#  - workers: the same input cut into 200 files, unspin -r -j 1 and -j 2,
#    wall time (best of 3), and the speed-up. Wall time needs a machine that
#    is otherwise idle.
#
# usage: bench/bench.sh [BINARY] [SIZE_MB]
set -eu
cd "$(dirname "$0")/.."
bin=${1:-build/unspin}
size_mb=${2:-50}
tools/fetch_test_data.sh build/npm >/dev/null
input=build/bench-input.txt
if [ ! -s "$input" ] || [ "$(wc -c < "$input")" -lt $((size_mb * 1000000)) ]; then
    : > "$input"
    while [ "$(wc -c < "$input")" -lt $((size_mb * 1000000)) ]; do
        cat build/npm/brown.txt >> "$input"
    done
fi
exec python3 - "$bin" "$input" <<'PY'
import os, shutil, subprocess, sys, tempfile, time
binp, inp = sys.argv[1:3]
size = os.path.getsize(inp) / 1e6

def run(cmd, stdin_file, wall=False):
    """CPU (or wall) seconds and peak RSS (MB) of one run, output discarded."""
    with open(stdin_file, "rb") if stdin_file else open(os.devnull, "rb") as fin:
        t = time.perf_counter()
        p = subprocess.Popen(cmd, stdin=fin, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        dt = time.perf_counter() - t
    return (dt if wall else ru.ru_utime + ru.ru_stime), ru.ru_maxrss / 1024

def best(cmd, stdin_file, wall=False):
    b, rss = None, 0
    for _ in range(3):
        dt, r = run(cmd, stdin_file, wall)
        b = dt if b is None else min(b, dt)
        rss = max(rss, r)
        if dt > 20:   # a slow configuration: one run tells enough
            break
    return b, rss

runs = [
    ("unspin (default: spelling, OCR, mapping, LM)", [binp], inp),
    ("unspin --check", [binp, "--check"], inp),
    ("unspin --level=aggressive", [binp, "--level=aggressive"], inp),
    ("unspin --format=jsonl", [binp, "--format=jsonl"], inp),
    ("unspin --no-spell (mapping, OCR character rules, LM)", [binp, "--no-spell"], inp),
    ("unspin --no-spell --no-lm (mapping stage alone)", [binp, "--no-spell", "--no-lm"], inp),
    ("codespell", ["codespell", "--quiet-level=2", inp], None),
    ("hunspell -l -d en_US", ["hunspell", "-l", "-d", "en_US"], inp),
    ("aspell list --lang=en", ["aspell", "list", "--lang=en"], inp),
]
print(f"Input: {size:.0f} MB of Brown corpus text, one core; MB/s per CPU second.\n")
print("| program | MB/s | peak RSS (MB) |")
print("|---|---:|---:|")
for name, cmd, stdin_file in runs:
    if not shutil.which(cmd[0]):
        print(f"| {name} | not installed | |")
        continue
    dt, rss = best(cmd, stdin_file)
    print(f"| {name} | {size / dt:.1f} | {rss:.1f} |", flush=True)

# Workers: the same bytes as 200 files.
tmp = tempfile.mkdtemp(prefix="unspin-bench-")
try:
    data = open(inp, "rb").read()
    step = len(data) // 200 + 1
    for i in range(200):
        with open(os.path.join(tmp, f"part{i:03d}.txt"), "wb") as f:
            f.write(data[i * step:(i + 1) * step])
    print(f"\nWorkers: the same input as 200 files, unspin -r, wall time (best of 3); "
          f"{os.cpu_count()} CPUs.\n")
    print("| run | seconds | MB/s | speed-up |")
    print("|---|---:|---:|---:|")
    base = None
    for j in (1, 2):
        dt, _ = best([binp, "-r", "-j", str(j), tmp], None, wall=True)
        base = base or dt
        print(f"| unspin -r -j {j} | {dt:.2f} | {size / dt:.1f} | {base / dt:.2f}x |", flush=True)
finally:
    shutil.rmtree(tmp)
PY
