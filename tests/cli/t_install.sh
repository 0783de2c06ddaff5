#!/bin/bash
# Install: `cmake --install BUILD --prefix P` puts the binary in P/bin, the man
# pages in P/share/man/man1 and man5, the data in P/share/unspin; the
# installed binary finds that data (beside itself, whatever the prefix, also
# when the tree is moved), and --data-dir and UNSPIN_DATA override it.
. "$(dirname "$0")/lib.sh"
command -v cmake >/dev/null || { echo "cmake missing"; exit 77; }
build=$(dirname "$UNSPIN")
[ -f "$build/cmake_install.cmake" ] || { echo "no cmake_install.cmake beside $UNSPIN"; exit 77; }
P="$TMP/prefix"
cmake --install "$build" --prefix "$P" > "$TMP/install.log" 2>&1
check "cmake --install succeeds" test $? = 0
for f in bin/unspin share/man/man1/unspin.1 share/man/man5/unspin-dict.5 \
         share/unspin/mapping.dict share/unspin/names.txt share/unspin/compounds.txt \
         share/unspin/words.txt; do
    check "installs $f" test -s "$P/$f"
done
check "the installed binary runs" sh -c "\"$P/bin/unspin\" --version >/dev/null"

# The installed binary reads the installed data: an entry added there is used.
printf 'zorblax quuxing\tfrobbed widget\tsure\n' >> "$P/share/unspin/mapping.dict"
out=$(echo "A zorblax quuxing here." | "$P/bin/unspin" 2>&1)
check "the installed binary finds its installed data" test "$out" = "A frobbed widget here."
# ... also after the tree is moved.
mv "$P" "$TMP/moved"
out=$(echo "A zorblax quuxing here." | "$TMP/moved/bin/unspin" 2>&1)
check "a moved installation still finds its data" test "$out" = "A frobbed widget here."

# Overrides: --data-dir and UNSPIN_DATA.
mkdir -p "$TMP/data"
printf 'zorblax quuxing\tother thing\tsure\n' > "$TMP/data/mapping.dict"
out=$(echo "A zorblax quuxing here." | "$TMP/moved/bin/unspin" --data-dir="$TMP/data" 2>/dev/null)
check "--data-dir overrides the installed data" test "$out" = "A other thing here."
out=$(echo "A zorblax quuxing here." | UNSPIN_DATA="$TMP/data" "$TMP/moved/bin/unspin" 2>/dev/null)
check "UNSPIN_DATA overrides the installed data" test "$out" = "A other thing here."
out=$(echo "A zorblax quuxing here." | UNSPIN_DATA="$TMP/data" "$TMP/moved/bin/unspin" --data-dir="$TMP/moved/share/unspin" 2>/dev/null)
check "--data-dir wins over UNSPIN_DATA" test "$out" = "A frobbed widget here."
check "a --data-dir without mapping.dict is an error (status 3)" expect_status 3 "$TMP/moved/bin/unspin" --data-dir="$TMP" /dev/null
if command -v man >/dev/null; then
    check "man finds the installed page" sh -c "MANPATH='$TMP/moved/share/man' MANPAGER=cat man unspin 2>/dev/null | grep -q 'repair spun text'"
fi
finish
