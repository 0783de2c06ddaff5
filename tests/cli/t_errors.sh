#!/bin/bash
# Failures are reported clearly, give the documented status, and lose no
# data: missing and unreadable inputs, a full disk (/dev/full, and a full
# file system under --in-place), a closed standard output.
. "$(dirname "$0")/lib.sh"
D="$SRC/fixtures/test.dict"
run() { "$UNSPIN" --no-mapping --dict="$D" "$@"; }
printf 'The Pink Military came.\n' > "$TMP/spun"
seq 1 200000 | sed 's/$/ The Pink Military./' > "$TMP/big"

run "$TMP/missing" > /dev/null 2> "$TMP/e1"; st=$?
check "missing file: status 3" test $st = 3
check "missing file: message" grep -q "^unspin: $TMP/missing: error: cannot open: No such file or directory" "$TMP/e1"
if [ "$(id -u)" != 0 ]; then
    printf 'x\n' > "$TMP/unreadable"; chmod 000 "$TMP/unreadable"
    check "unreadable file: status 3" expect_status 3 run "$TMP/unreadable"
fi
run -j 2 "$TMP/missing" "$TMP/spun" > "$TMP/o2" 2>/dev/null; st=$?
check "-j 2: the other files are still written, status 3" test $st = 3 -a "$(cat "$TMP/o2")" = "The Red Army came."

# Full disk on the standard output.
run "$TMP/big" > /dev/full 2> "$TMP/e3"; st=$?
check "/dev/full: status 4" test $st = 4
check "/dev/full: message" grep -q "^unspin: error: write error: No space left on device" "$TMP/e3"
run -j 2 "$TMP/big" "$TMP/spun" > /dev/full 2>/dev/null
check "/dev/full with -j 2: status 4" test $? = 4
run --jsonl-field=text <(printf '{"text":"Pink Military"}\n') > /dev/full 2>/dev/null
check "/dev/full in record mode: status 4" test $? = 4

# A closed standard output.
run "$TMP/spun" >&- 2> "$TMP/e4"; st=$?
check "closed stdout: status 4" test $st = 4
check "closed stdout: message" grep -q "^unspin: error: standard output is closed" "$TMP/e4"
# ... but --in-place does not need it, and nothing lands in a wrong file.
cp "$TMP/spun" "$TMP/ip"
run -i "$TMP/ip" >&- 2>/dev/null; st=$?
check "closed stdout with -i: status 0, file repaired" test $st = 0 -a "$(cat "$TMP/ip")" = "The Red Army came."

# --output-dir that cannot be made.
run --output-dir=/dev/full/x "$TMP/spun" 2> "$TMP/e5"; st=$?
check "--output-dir that cannot be made: status 4" test $st = 4
check "--output-dir that cannot be made: message" grep -q "cannot make the directory: Not a directory" "$TMP/e5"

# A full file system under --in-place: the original stays whole.
if mkdir -p "$TMP/mnt" && mount -t tmpfs -o size=128k tmpfs "$TMP/mnt" 2>/dev/null; then
    head -c 90000 "$TMP/big" > "$TMP/mnt/doc"
    cp "$TMP/mnt/doc" "$TMP/doc.orig"
    run -i "$TMP/mnt/doc" 2> "$TMP/e6"; st=$?
    check "full file system under -i: status 4" test $st = 4
    check "full file system under -i: message" grep -q "error: write error: No space left on device; file left unchanged" "$TMP/e6"
    check "full file system under -i: the original is whole" cmp -s "$TMP/doc.orig" "$TMP/mnt/doc"
    check "full file system under -i: no temporary left" test -z "$(ls -A "$TMP/mnt" | grep -v '^doc$')"
    umount "$TMP/mnt"
else
    echo "(no tmpfs mount: full file system case not run)"
fi
finish
