#!/bin/bash
# Do no harm: every byte unspin does not repair comes out unchanged —
# invalid UTF-8, NUL, CR/LF, BOM, a missing final newline, very long lines, binary.
. "$(dirname "$0")/lib.sh"
D="$SRC/fixtures/test.dict"
run() { "$UNSPIN" --no-mapping --dict="$D" "$@"; }

# Clean inputs of every awkward kind come out byte-identical.
printf '\xef\xbb\xbfBOM first line\r\nCRLF line\r\n\r\nlone CR\rend without newline' > "$TMP/a"
printf 'bad \xff\xfe bytes \xc3 mid \xe2\x80 word caf\xc3\xa9\n' > "$TMP/b"
printf 'nul \0 inside\n\0\0\0' > "$TMP/c"
head -c 200000 /dev/urandom > "$TMP/d"
python3 -c 'import sys; sys.stdout.write("word " * 1200000)' > "$TMP/e"   # one 6 MB line
for f in a b c d e; do
    check "clean input $f is byte-identical" cmp -s "$TMP/$f" <(run < "$TMP/$f")
    check "clean input $f is byte-identical at aggressive" cmp -s "$TMP/$f" <(run --level=aggressive < "$TMP/$f")
done

# Around a repair, the other bytes are still untouched.
printf '\xef\xbb\xbfthe Pink Military \xff\xfe\r\nnext\r\n' > "$TMP/f"
printf '\xef\xbb\xbfthe Red Army \xff\xfe\r\nnext\r\n' > "$TMP/f.want"
check "repair keeps BOM, invalid bytes and CRLF" cmp -s "$TMP/f.want" <(run < "$TMP/f")

# A phrase inside binary data (NUL bytes) is not "repaired".
printf 'the pink military\0\0binary' > "$TMP/g"
check "binary segment passes through" cmp -s "$TMP/g" <(run < "$TMP/g")

# A spun phrase far into a long line is found, and the line is otherwise unchanged.
python3 -c 'import sys; sys.stdout.write("word " * 300000 + "the Pink Military " + "word " * 10)' > "$TMP/h"
python3 -c 'import sys; sys.stdout.write("word " * 300000 + "the Red Army " + "word " * 10)' > "$TMP/h.want"
check "repair inside a 1.5 MB line" cmp -s "$TMP/h.want" <(run < "$TMP/h")

# Files given as arguments behave like stdin.
check "file argument equals stdin" cmp -s <(run "$TMP/f") <(run < "$TMP/f")
finish
