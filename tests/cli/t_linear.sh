#!/bin/bash
# Pathological inputs take linear time: for each kind, the CPU time on an
# input of size 4N is compared with size N (after the start-up time); a
# quadratic pass would make the ratio about 16, a linear one about 4. The
# limit (9) is generous so that a loaded machine does not fail the test.
# Also: a 50 MB single line comes out byte-identical in bounded memory, and
# JSON nested a million deep is reported, not a crash.
. "$(dirname "$0")/lib.sh"
command -v python3 >/dev/null || { echo "python3 missing"; exit 77; }

# cpu FILE ARGS...: user+system seconds of one run (output discarded).
cpu() {
    local f=$1; shift
    python3 - "$f" "$UNSPIN" "$@" <<'PY'
import os, subprocess, sys
f, cmd = sys.argv[1], sys.argv[2:]
with open(f, "rb") as fin:
    p = subprocess.Popen(cmd, stdin=fin, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, ru = os.wait4(p.pid, 0)
print(f"{ru.ru_utime + ru.ru_stime:.3f} {ru.ru_maxrss}")
PY
}
gen() { python3 -c "import sys; n=int(sys.argv[1]); $2" "$3" > "$4"; }

: > "$TMP/empty"
base=$(cpu "$TMP/empty" | cut -d' ' -f1)
# linear NAME PYTHON-WRITING-n-UNITS N [ARGS...]
linear() {
    local name=$1 code=$2 n=$3; shift 3
    gen x "$code" "$n" "$TMP/small"
    gen x "$code" $((n * 4)) "$TMP/large"
    local t1 t4
    t1=$(cpu "$TMP/small" "$@" | cut -d' ' -f1)
    t4=$(cpu "$TMP/large" "$@" | cut -d' ' -f1)
    local ratio
    ratio=$(python3 -c "b=$base; t1=max($t1-b, 0.05); t4=max($t4-b, 0.0); print(f'{t4/t1:.1f}')")
    echo "  $name: N ${t1}s, 4N ${t4}s (start-up ${base}s): ratio $ratio"
    check "$name in linear time (ratio $ratio < 9)" python3 -c "import sys; sys.exit(not $ratio < 9)"
}

linear "one long line of words" 'sys.stdout.write("word the of military " * n)' 150000
linear "repeated spun phrases" 'sys.stdout.write("Pink Military " * n)' 250000
linear "repeated spun phrases, --check" 'sys.stdout.write("Pink Military " * n)' 60000 --check
linear "a hyphenated chain" 'sys.stdout.write("-".join(["ab"] * n))' 200000
linear "line-end hyphenation" 'sys.stdout.write("infor-\nmation " * n)' 100000
linear "nested spintax" 'sys.stdout.write("".join("{w%d|" % i for i in range(n)) + "x" + "}" * n)' 20000
linear "spintax runs" 'sys.stdout.write("{a|b|c} " * n)' 100000
linear "one record with a long field" 'import json; print(json.dumps({"text": "Pink Military " * n}))' 50000 --jsonl-field=text
linear "many records" 'import json; sys.stdout.write("".join(json.dumps({"id": i, "text": "The Pink Military."}) + "\n" for i in range(n)))' 20000 --jsonl-field=text

# 50 MB on one line: unchanged, and memory does not grow with it.
gen x 'sys.stdout.write("word the of military " * n)' 2500000 "$TMP/line50"
"$UNSPIN" < "$TMP/line50" > "$TMP/line50.out"
check "a 50 MB single line comes out byte-identical" cmp -s "$TMP/line50" "$TMP/line50.out"
rm -f "$TMP/line50.out"
rss=$(cpu "$TMP/line50" | cut -d' ' -f2)
echo "  50 MB single line: peak RSS $((rss / 1024)) MB"
check "a 50 MB single line in bounded memory (< 200 MB)" test "$rss" -lt 204800

# JSON nested a million deep: reported as malformed, passed through.
gen x 'sys.stdout.write("{\"a\":" + "[" * n + "]" * n + "}\n")' 1000000 "$TMP/deep.jsonl"
"$UNSPIN" --jsonl-field=text "$TMP/deep.jsonl" > "$TMP/deep.out" 2> "$TMP/deep.err"; st=$?
check "deeply nested JSON: status 3" test $st = 3
check "deeply nested JSON: reported" grep -q "deep.jsonl:1:[0-9]*: error: nested too deeply" "$TMP/deep.err"
check "deeply nested JSON: passed through" cmp -s "$TMP/deep.jsonl" "$TMP/deep.out"
finish
