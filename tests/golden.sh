#!/bin/sh
# Golden CLI test: runs the real binary on fixtures/NAME.in in every format
# that has an expected file NAME.out_FORMAT (text, jsonl, diff, annotate, check),
# with the options listed one per line in NAME.args, and compares byte for byte.
# usage: golden.sh BINARY FIXTURES_DIR NAME [--update]
set -u
bin=$1 dir=$2 name=$3 update=${4:-}
cd "$dir" || exit 2
set --
if [ -f "$name.args" ]; then
    while IFS= read -r a; do [ -n "$a" ] && set -- "$@" "$a"; done < "$name.args"
fi
pass=0 fail=0
for exp in "$name".out_*; do
    [ -f "$exp" ] || continue
    format=${exp##*.out_}
    if [ "$format" = check ]; then
        "$bin" "$@" --check "$name.in" > "$exp.got" 2>&1
    else
        "$bin" "$@" --format="$format" "$name.in" > "$exp.got" 2>&1
    fi
    if [ "$update" = --update ]; then
        mv "$exp.got" "$exp"
        continue
    fi
    if cmp -s "$exp" "$exp.got"; then
        pass=$((pass + 1))
        rm -f "$exp.got"
    else
        fail=$((fail + 1))
        echo "FAIL: $name ($format) differs from $exp:"
        diff -u "$exp" "$exp.got" | head -40
        rm -f "$exp.got"
    fi
done
[ "$update" = --update ] && exit 0
[ $((pass + fail)) -gt 0 ] || { echo "FAIL: no expected outputs for $name"; exit 1; }
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
