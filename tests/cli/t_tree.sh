#!/bin/bash
# Trees and in place: -r with --include/--exclude, binary files skipped,
# --in-place (atomic, backup, unchanged files untouched, symlinks followed),
# --output-dir mirroring, -j N giving the same bytes as -j 1, --stats, --progress.
. "$(dirname "$0")/lib.sh"
D="$SRC/fixtures/test.dict"
run() { "$UNSPIN" --no-mapping --dict="$D" "$@"; }

mkdir -p "$TMP/t/a/b" "$TMP/t/skip"
printf 'The Pink Military came.\n' > "$TMP/t/a/one.txt"
printf 'A clean line.\n' > "$TMP/t/a/b/two.txt"
printf 'The Area Marshal spoke.\n' > "$TMP/t/a/b/three.md"
printf 'Pink Military\0binary' > "$TMP/t/a/bin.txt"
printf 'Pink Military \xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7\n' > "$TMP/t/a/latin.txt"   # mostly invalid UTF-8
printf 'The Pink Military.\n' > "$TMP/t/skip/four.txt"

# Order: sorted, depth first; binary files skipped; globs.
out=$(run -r "$TMP/t")
want=$'The Field Marshal spoke.\nA clean line.\nThe Red Army came.\nThe Red Army.'
check "-r reads the tree in sorted order, skipping binary files" test "$out" = "$want"
out=$(run -r --include='*.txt' --exclude=skip "$TMP/t")
check "--include and --exclude" test "$out" = $'A clean line.\nThe Red Army came.'
out=$(run -r --exclude="$TMP/t/a/b" "$TMP/t")
check "--exclude matches a path and does not enter it" test "$out" = $'The Red Army came.\nThe Red Army.'
check "a directory without -r is an error" expect_status 3 run "$TMP/t"
# A binary file named on the command line is read (and passes through).
check "a named binary file passes through" cmp -s "$TMP/t/a/bin.txt" <(run "$TMP/t/a/bin.txt")

# --stats
run -r --stats "$TMP/t" 2> "$TMP/stats" > /dev/null
check "--stats counts files, skipped, documents" grep -q "6 files (2 skipped as binary), 4 documents" "$TMP/stats"
check "--stats counts findings by kind and spun documents" grep -q "findings: 3 spun, 0 ocr, 0 spelling; 3 applied" "$TMP/stats"
# --progress forced, --quiet wins
run -r --progress "$TMP/t" 2> "$TMP/prog" > /dev/null
check "--progress prints a progress line" grep -q "files, .* MB" "$TMP/prog"
run -r --progress -q "$TMP/t" 2> "$TMP/prog2" > /dev/null
check "--quiet silences progress" test ! -s "$TMP/prog2"

# --output-dir mirrors the tree; skipped files are not written.
run -r --output-dir="$TMP/out" "$TMP/t"
check "--output-dir writes the repaired file" test "$(cat "$TMP/out/$TMP/t/a/one.txt")" = "The Red Army came."
check "--output-dir writes clean files too" cmp -s "$TMP/t/a/b/two.txt" "$TMP/out/$TMP/t/a/b/two.txt"
check "--output-dir does not write skipped files" test ! -e "$TMP/out/$TMP/t/a/bin.txt"
(cd "$TMP" && run -r --output-dir=mirror t)
check "--output-dir with a relative path" test "$(cat "$TMP/mirror/t/a/one.txt")" = "The Red Army came."
check "--output-dir refuses .." expect_status 2 run --output-dir="$TMP/o2" "$TMP/t/../t/a/one.txt"

# --in-place: repaired atomically, mode kept, backup, unchanged file untouched.
cp -r "$TMP/t" "$TMP/ip"
chmod 640 "$TMP/ip/a/one.txt"
touch -d '2001-01-01' "$TMP/ip/a/b/two.txt"
run -r -i.orig "$TMP/ip"
check "-i repairs the file" test "$(cat "$TMP/ip/a/one.txt")" = "The Red Army came."
check "-i keeps the mode" test "$(stat -c %a "$TMP/ip/a/one.txt")" = 640
check "-i.SUFFIX keeps the old file" test "$(cat "$TMP/ip/a/one.txt.orig")" = "The Pink Military came."
check "-i leaves a clean file untouched" test "$(stat -c %Y "$TMP/ip/a/b/two.txt")" = "$(date -d 2001-01-01 +%s)"
check "-i writes no backup for a clean file" test ! -e "$TMP/ip/a/b/two.txt.orig"
check "-i leaves a skipped binary file alone" cmp -s "$TMP/t/a/bin.txt" "$TMP/ip/a/bin.txt"
check "-i leaves no temporary files" test -z "$(find "$TMP/ip" -name '.*unspin-*')"
printf 'The Pink Military.\n' > "$TMP/real.txt"
ln -s real.txt "$TMP/link.txt"
run --in-place "$TMP/link.txt"
check "-i through a symlink repairs the target" test "$(cat "$TMP/real.txt")" = "The Red Army."
check "-i keeps the symlink" test -L "$TMP/link.txt"
check "-i with --check is a usage error" expect_status 2 run -i --check "$TMP/real.txt"
check "-i with --output-dir is a usage error" expect_status 2 run -i --output-dir=x "$TMP/real.txt"
check "-i on standard input is an error" expect_status 2 run -i < "$TMP/real.txt"

# -j N: the same bytes as -j 1, in every format, over many files.
mkdir -p "$TMP/many"
for i in $(seq 10 49); do
    { printf 'Paragraph %s. The Pink Military.\n\n' "$i"; seq 1 $((i * 37)); } > "$TMP/many/f$i.txt"
done
for f in text check jsonl diff annotate; do
    fl="--format=$f"; [ $f = check ] && fl=--check
    run -r $fl -j 1 "$TMP/many" > "$TMP/j1" 2>&1
    run -r $fl -j 4 "$TMP/many" > "$TMP/j4" 2>&1
    check "-j 4 gives the same $f output as -j 1" cmp "$TMP/j1" "$TMP/j4"
done
check "-j 0 (one per CPU) works" cmp -s "$TMP/j1" <(run -r --format=annotate -j 0 "$TMP/many")
check "bad -j is a usage error" expect_status 2 run -j x "$TMP/many"
finish
