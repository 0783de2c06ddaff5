#!/bin/bash
# Do no harm on clean English: the clean seeds 001-004 and the whole Brown
# corpus come out byte-identical at the default level.
. "$(dirname "$0")/lib.sh"
for f in "$SRC"/fixtures/clean00?.txt; do
    check "$(basename "$f") byte-identical" cmp -s "$f" <("$UNSPIN" < "$f")
done
brown="${NPM:-}/brown.txt"
if [ ! -s "$brown" ]; then
    echo "SKIP: $brown missing (run tools/fetch_test_data.sh)"; exit 77
fi
"$UNSPIN" < "$brown" > "$TMP/brown.out"
check "Brown corpus byte-identical" cmp -s "$brown" "$TMP/brown.out"
if ! cmp -s "$brown" "$TMP/brown.out"; then
    "$UNSPIN" --check "$brown" | head -20
fi
# Even the most aggressive level leaves clean English nearly alone: at most one
# changed word per 1,000 on the first megabyte of Brown.
head -c 1000000 "$brown" > "$TMP/slice"
"$UNSPIN" --level=aggressive < "$TMP/slice" > "$TMP/slice.out"
rate=$(python3 - "$TMP/slice" "$TMP/slice.out" <<'PY'
import difflib, sys
a = open(sys.argv[1], encoding="utf-8", errors="replace").read().split("\n")
b = open(sys.argv[2], encoding="utf-8", errors="replace").read().split("\n")
words = sum(len(l.split()) for l in a)
changed = len(a) != len(b) and words or 0
for x, y in zip(a, b):
    if x != y:
        ops = difflib.SequenceMatcher(None, x.split(), y.split(), autojunk=False).get_opcodes()
        changed += sum(1 for op in ops if op[0] != "equal")
print(f"{1000 * changed / words:.2f}")
PY
)
echo "aggressive on 1 MB of Brown: $rate changes per 1000 words"
check "aggressive <= 1 change per 1000 words of Brown" python3 -c "import sys; sys.exit(not $rate <= 1.0)"
finish
