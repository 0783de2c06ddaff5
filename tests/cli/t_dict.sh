#!/bin/bash
# The built-in mapping: loads, is lint-clean, is big enough, and its sure
# entries are absent from clean English; user lists in the Problematic Paper
# Screener's two-column format load through --dict.
. "$(dirname "$0")/lib.sh"
map="$SRC/dict/mapping.dict"
check "mapping.dict names its source and licence" grep -q '^# licence' "$map"
entries=$(grep -cv '^#' "$map")
echo "mapping.dict: $entries entries"
check "at least 1500 entries" test "$entries" -ge 1500
check "--lint-dict finds no problem in the built-in mapping" expect_status 0 "$UNSPIN" --lint-dict
brown="${NPM:-}/brown.txt"
if [ -s "$brown" ]; then
    check "sure entries absent from Brown and seeds 001-004" \
        python3 "$SRC/tools/check_dict_clean.py" "$map" "$brown" "$SRC/fixtures"
fi
printf 'a\tb\tsure\na\tb\tsure\nc\td\tsure\nc\te\tsure\nf\ta\tsure\n' > "$TMP/lint.dict"
"$UNSPIN" --lint-dict "$TMP/lint.dict" 2> "$TMP/lint.err"; st=$?
check "--lint-dict exits 1 on problems" test "$st" = 1
check "--lint-dict reports a duplicate" grep -q "lint.dict:2: warning: duplicate" "$TMP/lint.err"
check "--lint-dict reports a conflict" grep -q "lint.dict:4: warning: conflicts" "$TMP/lint.err"
check "--lint-dict reports a chain" grep -q "lint.dict:5: warning: original 'a' is itself a spun form" "$TMP/lint.err"
pps="${SHARED:-}/data/pps_tortured_phrases.tsv"
if [ -f "$pps" ]; then
    check "tortured-phrase list loads without errors" expect_status 0 "$UNSPIN" --no-mapping --dict="$pps" /dev/null
    out=$(echo "We used profound learning on the information mining task." |
          "$UNSPIN" --no-mapping --dict="$pps" --level=aggressive)
    check "tortured phrases repaired at aggressive" test "$out" = "We used deep learning on the data mining task."
fi
# A note-only original ("/" gives none) makes a flag entry; linting two of them
# once crashed (found by fuzz_mapping).
printf 'aray\t/\naray\t/\n' > "$TMP/noteonly.tsv"
check "--lint-dict on note-only duplicates reports, no crash" expect_status 1 "$UNSPIN" --lint-dict "$TMP/noteonly.tsv"
finish
