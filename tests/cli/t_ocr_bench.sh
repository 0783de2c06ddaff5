#!/bin/bash
# The synthetic OCR benchmark (tools/ocr_bench.py) on a 5,000-word slice of Brown,
# seed 1: the generator is deterministic, clean text passes through unchanged, and
# the repair figures stay above floors set a little below the measured ones
# (normal: 77.6% restored, 0 clean words damaged, precision 1.000, recall 0.779;
# glyph 82%, split 72%, join 38%; aggressive: 84.2% restored).
. "$(dirname "$0")/lib.sh"
brown="${NPM:-}/brown.txt"
if [ ! -s "$brown" ]; then
    echo "SKIP: $brown missing (run tools/fetch_test_data.sh)"; exit 77
fi
bench() { python3 "$SRC/tools/ocr_bench.py" --bin "$UNSPIN" --brown "$brown" --words 5000 --seed 1 --json "$@"; }
bench --level normal aggressive > "$TMP/a.json" || { echo "FAIL: ocr_bench.py did not run"; exit 1; }
bench --level normal > "$TMP/b.json"
# field PATH: a value of a.json, by a dotted path
field() { python3 -c 'import json,sys; v=json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."): v=v[k]
print(v)' "$TMP/${2:-a}.json" "$1"; }
# atleast / atmost PATH BOUND
atleast() { python3 -c 'import sys; sys.exit(not float(sys.argv[1]) >= float(sys.argv[2]))' "$(field "$1")" "$2" || { echo "  $1 = $(field "$1") < $2"; return 1; }; }
atmost() { python3 -c 'import sys; sys.exit(not float(sys.argv[1]) <= float(sys.argv[2]))' "$(field "$1")" "$2" || { echo "  $1 = $(field "$1") > $2"; return 1; }; }

check "generator deterministic" [ "$(field damaged_sha256)" = "$(field damaged_sha256 b)" ]
check "about 8% of words damaged" atleast damaged 300
check "damaged share bounded" atmost damaged 600
check "clean slice byte-identical at normal" [ "$(field levels.normal.clean_identical)" = True ]
check "Brown head byte-identical" cmp -s <(head -c 100000 "$brown") <(head -c 100000 "$brown" | "$UNSPIN")
check "normal: restored share" atleast levels.normal.restored_share 0.74
check "normal: clean words damaged" atmost levels.normal.harmed_share 0.001
check "normal: precision" atleast levels.normal.precision 0.98
check "normal: recall" atleast levels.normal.recall 0.74
check "normal: ligatures restored" atleast levels.normal.kinds.ligature.restored_share 0.80
check "normal: mojibake restored" atleast levels.normal.kinds.mojibake.restored_share 0.80
check "normal: hyphenation restored" atleast levels.normal.kinds.hyphenation.restored_share 0.75
check "normal: glyph confusions restored" atleast levels.normal.kinds.glyph.restored_share 0.77
check "normal: stray spaces restored" atleast levels.normal.kinds.split.restored_share 0.67
check "normal: run-together words restored" atleast levels.normal.kinds.join.restored_share 0.34
check "aggressive: restored share" atleast levels.aggressive.restored_share 0.80
check "aggressive: clean words damaged" atmost levels.aggressive.harmed_share 0.001
finish
