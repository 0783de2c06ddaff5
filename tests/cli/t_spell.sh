#!/bin/bash
# The spelling options: --lang, --dict-dir, --words, --no-spell; hunspell's
# dictionary comes from the system (hunspell-en-us), the generated .aff copy
# leaves nothing behind, and OCR repairs keep clean text byte-identical.
. "$(dirname "$0")/lib.sh"
run() { "$UNSPIN" --no-mapping "$@"; }
printf 'The rnilitary said teh zorgblat came.\n' > "$TMP/ocr"
printf 'zorgblat\n# a comment\nteh\n' > "$TMP/words"

check "OCR repair by default" test "$(run < "$TMP/ocr")" = "The military said teh zorgblat came."
check "--no-spell: no word repairs" cmp -s "$TMP/ocr" <(run --no-spell < "$TMP/ocr")
check "--no-spell: no spelling findings" test -z "$(run --no-spell -f jsonl < "$TMP/ocr" | grep spell.hunspell)"
check "spelling findings name teh and zorgblat" test "$(run -f jsonl < "$TMP/ocr" | grep -c spell.hunspell)" -eq 2
check "--words: listed words are valid" test -z "$(run --words="$TMP/words" -f jsonl < "$TMP/ocr" | grep spell.hunspell)"
check "--lang=en_US explicitly" cmp -s <(run < "$TMP/ocr") <(run --lang=en_US --dict-dir=/usr/share/hunspell < "$TMP/ocr")
check "3: unknown --lang" expect_status 3 "$UNSPIN" --no-mapping --lang=xx_XX "$TMP/ocr"
check "3: empty --dict-dir" expect_status 3 "$UNSPIN" --no-mapping --dict-dir="$TMP" "$TMP/ocr"
check "3: missing --words file" expect_status 3 "$UNSPIN" --no-mapping --words="$TMP/none" "$TMP/ocr"
"$UNSPIN" --no-mapping --lang=xx_XX "$TMP/ocr" 2> "$TMP/err" > /dev/null
check "unknown dictionary message" grep -q "^unspin: error: hunspell dictionary .*/xx_XX: dictionary not found" "$TMP/err"

# The generated .aff is a temporary file, removed at once.
mkdir "$TMP/tmpdir"
TMPDIR="$TMP/tmpdir" run < "$TMP/ocr" > /dev/null
check "no temporary file left" test -z "$(ls -A "$TMP/tmpdir")"

# A personal dictionary in another directory: a copy of en_US under another name.
mkdir "$TMP/dicts"
cp /usr/share/hunspell/en_US.aff "$TMP/dicts/xx_YY.aff"
cp /usr/share/hunspell/en_US.dic "$TMP/dicts/xx_YY.dic"
check "--dict-dir and --lang load another dictionary" \
    cmp -s <(run < "$TMP/ocr") <(run --dict-dir="$TMP/dicts" --lang=xx_YY < "$TMP/ocr")
finish
