#!/bin/bash
# Every documented exit status (unspin(1) EXIT STATUS) is produced by the case it names.
. "$(dirname "$0")/lib.sh"
D="$SRC/fixtures/test.dict"
printf 'A clean sentence.\n' > "$TMP/clean"
printf 'The Pink Military and the Area Marshal.\n' > "$TMP/spun"
printf 'ok line\tred\tsure\nbad line without tabs\n' > "$TMP/bad.dict"

check "0: repairing succeeds" expect_status 0 "$UNSPIN" --no-mapping --dict="$D" "$TMP/spun"
check "0: --check on clean text" expect_status 0 "$UNSPIN" --no-mapping --dict="$D" --check "$TMP/clean"
check "1: --check finds damage" expect_status 1 "$UNSPIN" --no-mapping --dict="$D" --check "$TMP/spun"
check "1: --check with jsonl finds damage" expect_status 1 "$UNSPIN" --no-mapping --dict="$D" --check -f jsonl "$TMP/spun"
check "2: unknown option" expect_status 2 "$UNSPIN" --no-such-option
check "2: bad level" expect_status 2 "$UNSPIN" --level=reckless
check "2: bad format" expect_status 2 "$UNSPIN" --format=pdf
check "2: missing argument" expect_status 2 "$UNSPIN" --dict
check "3: missing input file" expect_status 3 "$UNSPIN" --no-mapping --dict="$D" "$TMP/nonexistent"
check "3: bad mapping line" expect_status 3 "$UNSPIN" --no-mapping --dict="$TMP/bad.dict" "$TMP/clean"
check "3: missing mapping file" expect_status 3 "$UNSPIN" --no-mapping --dict="$TMP/none.dict" "$TMP/clean"
check "4: write error (full disk)" expect_status 4 sh -c "'$UNSPIN' --no-mapping --dict='$D' '$TMP/spun' > /dev/full"
check "0: --help" expect_status 0 "$UNSPIN" --help
check "0: --version" expect_status 0 "$UNSPIN" --version

# Messages have the documented shape and point at the line.
"$UNSPIN" --no-mapping --dict="$TMP/bad.dict" "$TMP/clean" 2> "$TMP/err" >/dev/null
check "bad mapping line is reported as file:line: error:" grep -q "^unspin: $TMP/bad.dict:2: error: " "$TMP/err"
"$UNSPIN" --no-mapping --dict="$D" "$TMP/nonexistent" 2> "$TMP/err2" >/dev/null
check "missing file message" grep -q "^unspin: $TMP/nonexistent: error: cannot open" "$TMP/err2"
# A bad mapping loses no data: nothing is written to stdout.
check "bad mapping writes no output" test ! -s "$(mktemp)" -a -z "$("$UNSPIN" --no-mapping --dict="$TMP/bad.dict" < "$TMP/spun" 2>/dev/null)"
# Other files are still processed after a missing one, and the status says so.
out=$("$UNSPIN" --no-mapping --dict="$D" "$TMP/nonexistent" "$TMP/spun" 2>/dev/null); st=$?
check "later files still processed after a missing one" test "$out" = "The Red Army and the Field Marshal." -a "$st" = 3
finish
