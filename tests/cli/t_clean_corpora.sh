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
finish
